//! What an unlock checks before it signs anything, and the pin of known vaults (see [`super::pin`]
//! and [`super::trust`]): the pinned signing key, the trust seal, the pinned and sealed
//! high-water marks, and the list of what was logged without the passphrase since the last
//! checkpoint, which the owner is shown.

use std::path::PathBuf;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use chrono::{DateTime, Utc};

use super::pin::{KnownVaults, Pin};
use super::trust::{self, Identity, TrustKey};
use super::{open_attachment, open_record, sign_checkpoint, trust_entry, Unlocked, Vault};
use crate::crypto::{sha256_hex, signing};
use crate::error::{Input, Tamper};
use crate::ledger::{merkle, Entry};
use crate::record::Kind;
use crate::store::Tx;
use crate::{Error, Result};

/// Most items [`Unlocked::logged`] describes one by one (the rest are counted).
pub const MAX_LOGGED_ITEMS: usize = 50;

/// What checking the vault against the pin file found.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum PinCheck {
    /// The vault matches what this computer remembers of it.
    Known,
    /// This computer had not seen the vault: it is pinned now (trust on first use). The
    /// fingerprint should be compared with the one written down at `init`.
    FirstUse { fingerprint: String },
    /// No pin file was given.
    NotPinned,
}

/// The outcome of a pin check, with one warning per damaged line of the pin file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PinReport {
    pub check: PinCheck,
    pub warnings: Vec<super::pin::PinWarning>,
}

/// An entry logged without the passphrase since the previous checkpoint, as the unlock that
/// signs it describes it to the owner.
#[derive(Debug, Clone, serde::Serialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum LoggedItem {
    Incident {
        id: String,
        kind: Kind,
        recorded_at: DateTime<Utc>,
        /// The first words of the narrative.
        opening: String,
    },
    Attachment {
        id: String,
        record: String,
        name: String,
        attached_at: DateTime<Utc>,
    },
    /// An entry whose row is missing or does not open (`verify` says why).
    Unreadable { leaf: u64 },
}

/// The first words of a narrative: at most 12 words and 80 characters.
fn opening(narrative: &str) -> String {
    let mut out = String::new();
    for word in narrative.split_whitespace().take(12) {
        if out.chars().count() + word.chars().count() + 1 > 80 {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.len() < narrative.trim().len() {
        out.push('…');
    }
    out
}

fn b64_key(public: &ed25519_dalek::VerifyingKey) -> String {
    STANDARD.encode(public.as_bytes())
}

/// The fingerprint of a pinned base64 signing key (or the text itself when it is no key).
fn pinned_fingerprint(pinned: &str) -> String {
    STANDARD
        .decode(pinned)
        .ok()
        .and_then(|b| signing::public_from_bytes(&b).ok())
        .map_or_else(|| pinned.to_owned(), |k| signing::fingerprint(&k))
}

fn fingerprint_changed(pin: &Pin, now: &ed25519_dalek::VerifyingKey) -> Error {
    Error::Tamper(Tamper::PinSigningKey {
        now: signing::fingerprint(now),
        pinned: pinned_fingerprint(&pin.signing_key),
    })
}

impl Vault {
    /// Uses `path` as the pin file of known vaults (`<user state dir>/known_vaults` for the
    /// CLI). Appends ([`Vault::add`], attachments) then check the vault against it first, and
    /// unlocks check and update it.
    pub fn with_pin_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.pin_file = Some(path.into());
        self.pin_checked = false;
        self
    }

    /// Checks the vault against its pin, without the passphrase: the signing key (fingerprint)
    /// and the master recipient new entries are encrypted to must be the pinned ones. A vault
    /// not pinned yet is pinned now ([`PinCheck::FirstUse`]). A recipient that differs is
    /// accepted only when a rekey entry names it and a checkpoint signed by the pinned key
    /// covers that entry (a `vault rekey` run without the pin file); otherwise this is
    /// [`Error::Tamper`]: someone may be siphoning new entries to their own key.
    pub fn check_pin(&mut self) -> Result<PinReport> {
        let Some(path) = self.pin_file.clone() else {
            return Ok(PinReport {
                check: PinCheck::NotPinned,
                warnings: vec![],
            });
        };
        let mut known = KnownVaults::load(&path)?;
        let mut warnings = known.warnings.clone();
        // A pin file that cannot be written (a read-only home) is a warning: the vault works,
        // this computer just does not remember it.
        let mut save = |known: &KnownVaults| {
            if let Err(e) = known.save(&path) {
                warnings.push(super::pin::PinWarning::not_saved(&e));
            }
        };
        let key = b64_key(&self.signing_public);
        let recipient = self.recipient.to_age_string();
        let check = match known.get(&self.id).cloned() {
            None => {
                known.set(Pin {
                    vault_id: self.id.clone(),
                    signing_key: key,
                    master_recipient: recipient,
                    size: 0,
                    root: String::new(),
                });
                save(&known);
                PinCheck::FirstUse {
                    fingerprint: self.fingerprint(),
                }
            }
            Some(pin) => {
                if pin.signing_key != key {
                    return Err(fingerprint_changed(&pin, &self.signing_public));
                }
                if pin.master_recipient != recipient {
                    if !self.rekey_is_signed(&recipient)? {
                        return Err(Error::Tamper(Tamper::PinRecipient));
                    }
                    known.set(Pin {
                        master_recipient: recipient,
                        ..pin
                    });
                    save(&known);
                }
                PinCheck::Known
            }
        };
        self.pin_checked = true;
        Ok(PinReport { check, warnings })
    }

    /// [`Vault::check_pin`] once per process, when a pin file was given.
    pub(crate) fn ensure_pin(&mut self) -> Result<()> {
        if self.pin_file.is_some() && !self.pin_checked {
            self.check_pin()?;
        }
        Ok(())
    }

    /// True when the newest rekey entry names `recipient` and a checkpoint signed by this
    /// vault's key covers it.
    fn rekey_is_signed(&mut self, recipient: &str) -> Result<bool> {
        let (rekey, notes, leaves) = self.store.read(|tx| {
            Ok((
                tx.newest_rekey_leaf()?,
                tx.checkpoints()?,
                tx.leaf_hashes()?,
            ))
        })?;
        let Some((leaf, bytes)) = rekey else {
            return Ok(false);
        };
        let names_it = matches!(Entry::from_bytes(&bytes),
            Ok(Entry::Rekey { master_recipient, .. }) if master_recipient == recipient);
        let signed =
            trust::newest_valid_checkpoint(&notes, &leaves, &self.id, &self.signing_public)
                .is_some_and(|(size, _, _)| size > leaf);
        Ok(names_it && signed)
    }

    /// What this computer's pin says of the vault as stored, for `verify`: reads the pin file
    /// and writes nothing. The signing key must be the pinned one, so must the master recipient
    /// (unless a signed `rekey` entry names the new one), and the ledger must extend the newest
    /// checkpoint this computer saw signed. One problem (kind `pin`) per disagreement; none when
    /// no pin file is given or it does not name the vault.
    pub fn pin_problems(&mut self) -> Result<Vec<crate::problem::Problem>> {
        let Some(path) = self.pin_file.clone() else {
            return Ok(vec![]);
        };
        let Some(pin) = KnownVaults::load(&path)?.get(&self.id).cloned() else {
            return Ok(vec![]);
        };
        let mut details = Vec::new();
        if pin.signing_key != b64_key(&self.signing_public) {
            details.push(crate::problem_text!(
                "verify-pin-signing-key",
                found = signing::fingerprint(&self.signing_public),
                pinned = pinned_fingerprint(&pin.signing_key)
            ));
        }
        let recipient = self.recipient.to_age_string();
        if pin.master_recipient != recipient && !self.rekey_is_signed(&recipient)? {
            details.push(crate::problem_text!("verify-pin-master-key"));
        }
        if pin.size > 0 {
            let leaves = self.store.read(|tx| tx.leaf_hashes())?;
            if (leaves.len() as u64) < pin.size {
                details.push(crate::problem_text!(
                    "verify-pin-shorter",
                    leaves = leaves.len(),
                    size = pin.size
                ));
            } else if STANDARD.encode(merkle::root(&leaves[..pin.size as usize])) != pin.root {
                details.push(crate::problem_text!(
                    "verify-pin-rewritten",
                    size = pin.size
                ));
            }
        }
        Ok(details
            .into_iter()
            .map(|detail| {
                crate::problem::Problem::new(
                    crate::problem::ProblemKind::Pin,
                    crate::problem_text!("verify-item-pin-file"),
                    detail,
                )
            })
            .collect())
    }

    /// Pins the vault as it is now (signing key, master recipient, newest valid checkpoint),
    /// replacing what the pin file held for it: for `init`, and for a deliberate `restore` of an
    /// older copy, which the pin would otherwise refuse as a rollback. Needs a pin file.
    pub fn repin(&mut self) -> Result<Pin> {
        let path = self
            .pin_file
            .clone()
            .ok_or(Error::Input(Input::NoPinFile))?;
        let (notes, leaves) = self
            .store
            .read(|tx| Ok((tx.checkpoints()?, tx.leaf_hashes()?)))?;
        let (size, root) =
            trust::newest_valid_checkpoint(&notes, &leaves, &self.id, &self.signing_public)
                .map_or((0, String::new()), |(n, r, _)| (n, STANDARD.encode(r)));
        let pin = Pin {
            vault_id: self.id.clone(),
            signing_key: b64_key(&self.signing_public),
            master_recipient: self.recipient.to_age_string(),
            size,
            root,
        };
        let mut known = KnownVaults::load(&path)?;
        known.set(pin.clone());
        known.save(&path)?;
        self.pin_checked = true;
        Ok(pin)
    }
}

impl Unlocked {
    /// Runs `f` in one write transaction and signs a checkpoint over the ledger in the same
    /// transaction; the entries `f` appends are this command's own. Returns `f`'s value and how
    /// many leaves the checkpoint added.
    pub(crate) fn write_signed<T>(
        &mut self,
        f: impl FnOnce(&Tx<'_>) -> Result<T>,
    ) -> Result<(T, u64)> {
        let id = self.vault.id.clone();
        let (key, master) = (&self.signing, &self.master);
        self.vault.store.write(|tx| {
            let own_from = tx.ledger_size()?;
            let out = f(tx)?;
            let added = sign_checkpoint(tx, &id, key, master, own_from)?;
            Ok((out, added))
        })
    }

    /// At unlock, before anything is signed: the pinned signing key, the trust seal, the pinned
    /// high-water mark; then lists what was logged without the passphrase since the previous
    /// checkpoint, signs (adding the trust entry and seal to a vault made before them) and
    /// updates the pin. Returns how many entries the new checkpoint covers beyond the previous.
    pub(crate) fn establish_trust(&mut self) -> Result<u64> {
        let vault_id = self.vault.id.clone();
        let public = self.vault.signing_public;
        let recipient = self.master.recipient().to_age_string();
        let mut report = PinReport {
            check: PinCheck::NotPinned,
            warnings: vec![],
        };
        let mut known = None;
        if let Some(path) = self.vault.pin_file.clone() {
            let k = KnownVaults::load(&path)?;
            report.warnings.clone_from(&k.warnings);
            if let Some(pin) = k.get(&vault_id) {
                if pin.signing_key != b64_key(&public) {
                    return Err(fingerprint_changed(pin, &public));
                }
            }
            known = Some((path, k));
        }
        let trust_key = TrustKey::derive(&self.master)?;
        let (seal, size) = self.vault.store.read(|tx| {
            let identity = Identity::read(tx, &vault_id, recipient.clone())?;
            Ok((
                trust::checked_seal(tx, &trust_key, &identity)?,
                tx.ledger_size()?,
            ))
        })?;
        let pinned = known.as_ref().and_then(|(_, k)| k.get(&vault_id).cloned());
        let mut leaves: Option<Vec<merkle::Hash>> = None;
        if let Some(pin) = pinned.as_ref().filter(|p| p.size > 0) {
            if pin.size > size {
                return Err(Error::Tamper(Tamper::PinRollback {
                    size,
                    pinned: pin.size,
                }));
            }
            let sealed_there = seal
                .as_ref()
                .is_some_and(|s| s.size == pin.size && s.root == pin.root);
            if !sealed_there {
                let all = self.vault.store.read(|tx| tx.leaf_hashes())?;
                let end = (pin.size as usize).min(all.len());
                if STANDARD.encode(merkle::root(&all[..end])) != pin.root {
                    return Err(Error::Tamper(Tamper::PinRewritten { pinned: pin.size }));
                }
                leaves = Some(all);
            }
        }
        let from = match &seal {
            Some(s) => s.size,
            None => {
                let all = match leaves {
                    Some(l) => l,
                    None => self.vault.store.read(|tx| tx.leaf_hashes())?,
                };
                let notes = self.vault.store.read(|tx| tx.checkpoints())?;
                trust::newest_valid_checkpoint(&notes, &all, &vault_id, &public)
                    .map_or(0, |(n, _, _)| n)
            }
        };
        if from < size {
            let (items, total) = self.logged_between(from, size)?;
            self.logged = items;
            self.logged_total = total;
        }
        let added = match seal {
            // A vault made before seals: its first unlock adds the trust entry and the seal,
            // signed together (the entry itself is not counted as new).
            None => {
                let ((), added) = self.write_signed(|tx| {
                    tx.append_leaf(&trust_entry().to_bytes())?;
                    Ok(())
                })?;
                added.saturating_sub(1)
            }
            Some(_) => self.checkpoint()?,
        };
        if let Some((path, mut k)) = known {
            let text = self
                .vault
                .store
                .read(|tx| tx.meta(trust::SEAL_META))?
                .unwrap_or_default();
            let sealed = trust::Seal::parse(&text)?;
            let first = k.get(&vault_id).is_none();
            let pin = Pin {
                vault_id: vault_id.clone(),
                signing_key: b64_key(&public),
                master_recipient: recipient,
                size: sealed.size,
                root: sealed.root,
            };
            if k.get(&vault_id) != Some(&pin) {
                k.set(pin);
                // Signed already: a pin file that cannot be written is a warning, not a failure.
                if let Err(e) = k.save(&path) {
                    report.warnings.push(super::pin::PinWarning::not_saved(&e));
                }
            }
            self.vault.pin_checked = true;
            report.check = if first {
                PinCheck::FirstUse {
                    fingerprint: signing::fingerprint(&public),
                }
            } else {
                PinCheck::Known
            };
        }
        self.pin_report = Some(report);
        Ok(added)
    }

    /// Describes the entries `from..to` that add and attach wrote (at most
    /// [`MAX_LOGGED_ITEMS`]); returns them and how many there are in all.
    fn logged_between(&mut self, from: u64, to: u64) -> Result<(Vec<LoggedItem>, u64)> {
        let master = &self.master;
        self.vault.store.read(|tx| {
            let mut items = Vec::new();
            let mut total = 0u64;
            for row in tx.ledger_range(from, to)? {
                let entry = match Entry::from_bytes(&row.entry) {
                    // The end of travel mode is signed here too, but is no item to describe.
                    Ok(Entry::Travel { .. }) => continue,
                    Ok(e) if trust::written_without_passphrase(&e) => e,
                    _ => continue,
                };
                total += 1;
                if items.len() >= MAX_LOGGED_ITEMS {
                    continue;
                }
                // Only what matches its entry is described: a ciphertext swapped in since the
                // add is listed as unreadable, never quoted (the reads refuse it too).
                let item = match entry {
                    Entry::Record {
                        id,
                        ciphertext_sha256,
                        fields,
                        ..
                    } => tx
                        .record_revision(&id, 1)?
                        .filter(|r| {
                            r.leaf_index == row.index
                                && sha256_hex(&r.ciphertext) == ciphertext_sha256
                        })
                        .and_then(|r| open_record(master, &r).ok())
                        .filter(|body| body.digests().is_ok_and(|d| d == fields))
                        .map(|body| LoggedItem::Incident {
                            id,
                            kind: body.incident.kind,
                            recorded_at: body.recorded_at,
                            opening: opening(&body.incident.narrative),
                        }),
                    Entry::Attachment {
                        id,
                        record,
                        meta_sha256,
                        ..
                    } => tx
                        .attachments_of(&record)?
                        .into_iter()
                        .find(|a| {
                            a.id == id
                                && a.leaf_index == row.index
                                && sha256_hex(&a.meta) == meta_sha256
                        })
                        .and_then(|a| open_attachment(master, &a).ok())
                        .map(|body| LoggedItem::Attachment {
                            id,
                            record,
                            name: body.name,
                            attached_at: body.attached_at,
                        }),
                    _ => None,
                };
                items.push(item.unwrap_or(LoggedItem::Unreadable { leaf: row.index }));
            }
            Ok((items, total))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::opening;

    #[test]
    fn the_opening_is_the_first_words() {
        assert_eq!(opening("two agents"), "two agents");
        assert_eq!(
            opening("one two three four five six seven eight nine ten eleven twelve thirteen"),
            "one two three four five six seven eight nine ten eleven twelve…"
        );
        assert_eq!(opening(""), "");
    }
}
