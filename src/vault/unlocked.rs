//! Operations that need the master key.

use std::path::Path;

use ed25519_dalek::SigningKey;
use zeroize::Zeroizing;

use super::reads::{self, MissingItem, Reencryptions};
use super::view::{AttachmentView, RecordView};
use super::{keyslot_entry, Vault};
use crate::crypto::envelope::{self, FileKeyBytes};
use crate::crypto::kdf::KdfParams;
use crate::crypto::keys::MasterKey;
use crate::crypto::keyslot::{Keyslot, SlotKind};
use crate::crypto::sha256_hex;
use crate::error::{Damage, Input, KeyslotRefusal, NoKeyslot};
use crate::ledger::entry::SlotAction;
use crate::record::attachment::AttachmentBody;
use crate::record::{Incident, RecordBody, Withdrawal};
use crate::secret::Passphrase;
use crate::store::{AttachmentRow, RecordRow};
use crate::{fsutil, Error, Result};

/// What `vault passwd` did.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PassphraseChange {
    /// The id of the slot replaced (it keeps its id).
    pub slot: String,
    /// The parameters the new slot was sealed with.
    pub kdf: super::KdfInfo,
    /// When the replaced slot did not match what the ledger commits to: why. Its parameters
    /// were not reused.
    pub replaced_tampered: Option<KeyslotRefusal>,
}

/// A vault with its master and signing keys open.
pub struct Unlocked {
    pub(crate) vault: Vault,
    pub(crate) master: MasterKey,
    pub(crate) signing: SigningKey,
    /// The keyslot the passphrase opened.
    pub(crate) slot_id: String,
    /// Ledger entries appended since the previous checkpoint, found at unlock.
    pub new_entries: u64,
    /// What `add` and `attach` logged since the previous checkpoint (at most
    /// `MAX_LOGGED_ITEMS`), found at unlock.
    pub logged: Vec<super::LoggedItem>,
    /// How many entries `add` and `attach` logged since the previous checkpoint.
    pub logged_total: u64,
    /// What the unlock found in the pin file, when one was given.
    pub pin_report: Option<super::PinReport>,
    /// What the list cache did during the last listing.
    pub(crate) cache_stats: Option<super::cache::CacheStats>,
    /// Record revisions and attachments the ledger names but the vault no longer stores,
    /// found at unlock.
    pub(crate) missing: Vec<MissingItem>,
    /// What the detention plan's refresh at unlock did, when it ran (src/vault/detention.rs):
    /// a new release bundle, or why none could be written. The unlock itself never fails for it.
    pub plan_refresh: Option<Result<super::PlanRefresh>>,
}

impl Unlocked {
    pub(crate) fn new(
        vault: Vault,
        master: MasterKey,
        signing: SigningKey,
        slot_id: String,
    ) -> Self {
        Unlocked {
            vault,
            master,
            signing,
            slot_id,
            new_entries: 0,
            logged: Vec::new(),
            logged_total: 0,
            pin_report: None,
            cache_stats: None,
            missing: Vec::new(),
            plan_refresh: None,
        }
    }

    /// The locked facade (for appends and public facts).
    pub fn vault(&mut self) -> &mut Vault {
        &mut self.vault
    }

    /// [`Vault::clean_leftovers`]: removes interrupted writes and copies a rekey superseded,
    /// moves complete files no attachment owns to `quarantine/`.
    pub fn clean_leftovers(&mut self) -> Result<super::Cleanup> {
        self.vault.clean_leftovers(Some(&self.master))
    }

    /// Signs a checkpoint over the current ledger if it grew; returns how many leaves it added.
    ///
    /// Refuses ([`Error::Tamper`]) when the trust seal or the ledger since the sealed
    /// checkpoint shows a change made without the passphrase (see `sign_checkpoint`).
    pub fn checkpoint(&mut self) -> Result<u64> {
        Ok(self.write_signed(|_| Ok(()))?.1)
    }

    /// Checks the whole vault, decrypting everything (see [`crate::integrity`]); never writes.
    pub fn verify(
        &mut self,
        receipt: Option<&str>,
        progress: Option<crate::vault::verify::Progress<'_>>,
    ) -> Result<crate::vault::verify::Report> {
        crate::vault::verify::verify(&mut self.vault, Some(&self.master), receipt, progress)
    }

    /// Decrypts record rows, each only after it matches its ledger entry (see `super::reads`):
    /// a row that does not is refused with [`Error::Damage`] naming it.
    pub(crate) fn open_records(&mut self, rows: &[RecordRow]) -> Result<Vec<RecordBody>> {
        let master = &self.master;
        open_checked(&mut self.vault, rows, |_, row| open_record(master, row))
    }

    /// [`Unlocked::open_records`], also returning each record's age file key, so that the same
    /// rows can be opened again without the X25519 unwrap ([`Unlocked::open_records_with_keys`]).
    pub(crate) fn open_records_keeping_keys(
        &mut self,
        rows: &[RecordRow],
    ) -> Result<Vec<(RecordBody, FileKeyBytes)>> {
        let master = &self.master;
        let opened = open_checked(&mut self.vault, rows, |_, row| {
            open_record_keeping_key(master, row).map(|(body, key)| KeptKey(body, key))
        })?;
        Ok(opened.into_iter().map(|KeptKey(b, k)| (b, k)).collect())
    }

    /// [`Unlocked::open_records`] with the file key kept for each row earlier: every row is
    /// checked against its ledger entry all the same, and a key opens no other ciphertext.
    pub(crate) fn open_records_with_keys(
        &mut self,
        rows: &[RecordRow],
        keys: &[&FileKeyBytes],
    ) -> Result<Vec<RecordBody>> {
        if keys.len() != rows.len() {
            return Err(Error::Crypto(crate::error::Crypto::NoFileKey));
        }
        open_checked(&mut self.vault, rows, |i, row| {
            open_record_with_key(row, keys[i])
        })
    }

    /// [`Unlocked::open_records`] for one row.
    pub(crate) fn open_record(&mut self, row: &RecordRow) -> Result<RecordBody> {
        self.open_records(std::slice::from_ref(row))?
            .pop()
            .ok_or_else(|| Error::NotFound(row.id.clone()))
    }

    /// Decrypts attachment descriptions, each only after it matches its ledger entry.
    pub(crate) fn open_attachments(
        &mut self,
        rows: &[AttachmentRow],
    ) -> Result<Vec<AttachmentBody>> {
        let committed = self.vault.store.read(|tx| {
            let min = rows.iter().map(|r| r.leaf_index).min().unwrap_or(0);
            let re = Reencryptions::for_items(tx, min, rows.len())?;
            rows.iter()
                .map(|r| reads::committed_attachment(tx, r, &re))
                .collect::<Result<Vec<_>>>()
        })?;
        let master = &self.master;
        rows.iter()
            .zip(&committed)
            .map(|(row, c)| reads::check_attachment(row, c, |r| open_attachment(master, r)))
            .collect()
    }

    /// [`Unlocked::open_attachments`] for one row.
    pub(crate) fn open_attachment(&mut self, row: &AttachmentRow) -> Result<AttachmentBody> {
        self.open_attachments(std::slice::from_ref(row))?
            .pop()
            .ok_or_else(|| Error::NotFound(row.id.clone()))
    }

    fn views_of(&mut self, rows: Vec<AttachmentRow>) -> Result<Vec<AttachmentView>> {
        let bodies = self.open_attachments(&rows)?;
        Ok(rows
            .iter()
            .zip(bodies)
            .map(|(r, b)| AttachmentView::new(r.position, b))
            .collect())
    }

    /// The record revisions and attachments the ledger names that are no longer stored
    /// (computed at unlock; see [`Unlocked::missing`]).
    pub fn missing_items(&mut self) -> Result<Vec<MissingItem>> {
        self.vault.store.read(reads::missing_items)
    }

    /// What the last unlock found missing: each is a deletion or a rollback by someone who
    /// can write to the vault folder (vault has no delete command).
    pub fn missing(&self) -> &[MissingItem] {
        &self.missing
    }

    /// One incident, newest revision, resolved from an id or unique prefix. The revision and
    /// its attachments are shown only if they match their ledger entries.
    pub fn show(&mut self, prefix: &str) -> Result<RecordView> {
        let id = self.vault.resolve_id(prefix)?;
        let (history, atts) = self
            .vault
            .store
            .read(|tx| Ok((tx.record_history(&id)?, tx.attachments_of(&id)?)))?;
        let row = history
            .last()
            .ok_or_else(|| Error::NotFound(prefix.to_owned()))?;
        let body = self.open_record(row)?;
        Ok(RecordView::new(body, self.views_of(atts)?))
    }

    /// Every revision of an incident, oldest first (attachments shown on the newest).
    pub fn history(&mut self, prefix: &str) -> Result<Vec<RecordView>> {
        let id = self.vault.resolve_id(prefix)?;
        let history = self.vault.store.read(|tx| tx.record_history(&id))?;
        Ok(self
            .open_records(&history)?
            .into_iter()
            .map(|body| RecordView::new(body, vec![]))
            .collect())
    }

    /// Writes a new revision of an incident. `change` receives the current incident to edit.
    pub fn amend(
        &mut self,
        prefix: &str,
        change: impl FnOnce(&mut Incident) -> Result<()>,
    ) -> Result<(String, u32)> {
        // `show` checks the current revision against the hash its ledger entry commits to, so a
        // ciphertext swapped in for the moment of the amend is refused, never signed over.
        let current = self.show(prefix)?;
        let mut incident = current.incident();
        change(&mut incident)?;
        if incident == current.incident() {
            return Err(Error::Input(Input::NothingToChange));
        }
        // An amendment keeps a withdrawal: correcting a withdrawn entry does not bring it back.
        let withdrawn = current.withdrawn.clone();
        self.write_revision_signed(&current, incident, withdrawn)
    }

    /// Withdraws an incident entered by mistake: a new signed revision, the same incident with
    /// a [`Withdrawal`] carrying `reason`. History is kept; listings leave it out
    /// ([`crate::analysis::Filter`]). With `reason` None, a withdrawn incident is brought back.
    pub fn withdraw(&mut self, prefix: &str, reason: Option<&str>) -> Result<(String, u32)> {
        let current = self.show(prefix)?;
        let withdrawn = match reason {
            Some(r) if r.trim().is_empty() => return Err(Error::Input(Input::WithdrawReasonEmpty)),
            Some(r) => Some(Withdrawal {
                reason: r.trim().to_owned(),
            }),
            None => None,
        };
        if withdrawn == current.withdrawn {
            return Err(Error::Input(Input::NothingToChange));
        }
        let incident = current.incident();
        self.write_revision_signed(&current, incident, withdrawn)
    }

    /// Writes the revision after `current`, signed in the same transaction.
    fn write_revision_signed(
        &mut self,
        current: &RecordView,
        incident: Incident,
        withdrawn: Option<Withdrawal>,
    ) -> Result<(String, u32)> {
        // The new revision and the checkpoint that signs it are one transaction: a revision
        // above 1 that no checkpoint covers is a forgery (see `sign_checkpoint`).
        let (row, entry) = self.vault.prepare_revision(
            &current.id,
            Some(current.revision),
            incident,
            withdrawn,
        )?;
        let recipient = self.vault.recipient.clone();
        self.write_signed(|tx| {
            super::commit_revision(tx, &recipient, Some(current.revision), &row, &entry)
        })?;
        Ok((current.id.clone(), row.revision))
    }

    /// Replaces the keyslot this passphrase opened with one for `new` (one atomic update; no
    /// record is re-encrypted). The new slot keeps the old slot's id. A weak `new` is refused
    /// ([`crate::passwords::check_strength`]).
    ///
    /// Parameters: `params` when given (at least the floor); otherwise at least
    /// [`crate::crypto::kdf::DEFAULT`], raised to the old slot's parameters only when that slot
    /// matches what the ledger's signed history commits to. So a slot whose stored parameters
    /// were lowered (or raised) by someone without the passphrase passes nothing on: the
    /// downgrade through the recovery code.
    ///
    /// Unlocked with a recovery code (or a hardware key's plugin slot), it replaces the vault's
    /// passphrase slot instead (the way back in after forgetting the passphrase, or after that
    /// slot was tampered with); the recovery code keeps working.
    pub fn change_passphrase(
        &mut self,
        new: &Passphrase,
        params: Option<KdfParams>,
    ) -> Result<PassphraseChange> {
        if new.is_empty() {
            return Err(Error::EmptyPassphrase);
        }
        crate::passwords::check_strength(new)?;
        let (vault_id, public) = (self.vault.id.clone(), self.vault.signing_public);
        let (old, problem) = self.vault.store.read(|tx| {
            let slots = tx.keyslots()?;
            let opened = slots
                .iter()
                .find(|s| s.slot.id == self.slot_id)
                .ok_or_else(|| Error::NoKeyslot(NoKeyslot::OpenedDisappeared))?;
            let old = match opened.slot.kind {
                SlotKind::Passphrase => opened,
                SlotKind::Recovery | SlotKind::Plugin => {
                    super::maintenance::sole_passphrase_slot(&slots)?
                }
            }
            .clone();
            let problem = super::maintenance::slot_commitment(tx, &old, &vault_id, &public)?;
            Ok((old, problem))
        })?;
        let trusted = problem.is_none().then_some(old.slot.params);
        let params = super::maintenance::params_for_new_slot(params, trusted)?;
        let slot = Keyslot::seal(
            old.slot.id.clone(),
            old.slot.kind,
            &self.master,
            new,
            params,
        )?;
        self.write_signed(|tx| {
            let leaf = tx.append_leaf(&keyslot_entry(&slot, SlotAction::Replace).to_bytes())?;
            tx.put_keyslot(&slot, leaf)
        })?;
        // Best effort: the old slot's page must not linger in the write-ahead log.
        let _ = self.vault.store.overwrite_wal();
        Ok(PassphraseChange {
            slot: slot.id,
            kdf: params.into(),
            replaced_tampered: problem,
        })
    }

    /// Adds a keyslot (a recovery code, or a second passphrase).
    pub fn add_keyslot(
        &mut self,
        kind: SlotKind,
        secret: &Passphrase,
        params: KdfParams,
    ) -> Result<String> {
        params.check_floor()?;
        if kind == SlotKind::Passphrase {
            crate::passwords::check_strength(secret)?;
        }
        let slot = Keyslot::seal(crate::record::new_id(), kind, &self.master, secret, params)?;
        self.write_signed(|tx| {
            let leaf = tx.append_leaf(&keyslot_entry(&slot, SlotAction::Add).to_bytes())?;
            tx.put_keyslot(&slot, leaf)
        })?;
        Ok(slot.id)
    }

    /// Writes the master identity as a standard age identity file (0600, never overwriting).
    pub fn export_master_key(&self, out: &Path) -> Result<()> {
        let secret = self.master.to_age_secret();
        let text = Zeroizing::new(format!(
            "# vault master key for vault {}\n# WARNING: anyone with this file can read every record and attachment.\n# public key: {}\n{}\n",
            self.vault.id,
            self.master.recipient().to_age_string(),
            secret.as_str()
        ));
        fsutil::write_new_private(out, text.as_bytes())
    }
}

/// Decrypts a record row and checks that it is the row it claims to be (ciphertexts swapped
/// between rows are caught here).
pub(crate) fn open_record(master: &MasterKey, row: &RecordRow) -> Result<RecordBody> {
    let plain =
        envelope::decrypt(master.identity(), &row.ciphertext).map_err(|_| undecryptable(row))?;
    record_of_row(row, &plain)
}

/// [`open_record`], also returning the age file key (for the list cache, see `cache`).
pub(crate) fn open_record_keeping_key(
    master: &MasterKey,
    row: &RecordRow,
) -> Result<(RecordBody, FileKeyBytes)> {
    let (plain, key) = envelope::decrypt_keeping_key(master.identity(), &row.ciphertext)
        .map_err(|_| undecryptable(row))?;
    Ok((record_of_row(row, &plain)?, key))
}

/// [`open_record`] with a file key kept earlier instead of the X25519 unwrap.
pub(crate) fn open_record_with_key(row: &RecordRow, key: &FileKeyBytes) -> Result<RecordBody> {
    let plain =
        envelope::decrypt_with_file_key(key, &row.ciphertext).map_err(|_| undecryptable(row))?;
    record_of_row(row, &plain)
}

/// Reads each row's ledger entry, then on every core checks the ciphertext against it,
/// opens it with `open` and checks the body against it.
fn open_checked<T: Send + std::borrow::Borrow<RecordBody>>(
    vault: &mut Vault,
    rows: &[RecordRow],
    open: impl Fn(usize, &RecordRow) -> Result<T> + Sync,
) -> Result<Vec<T>> {
    use rayon::prelude::*;
    let entries = vault.store.read(|tx| {
        let min = rows.iter().map(|r| r.leaf_index).min().unwrap_or(0);
        let re = Reencryptions::for_items(tx, min, rows.len())?;
        rows.iter()
            .map(|r| reads::read_record_entry(tx, r, &re))
            .collect::<Result<Vec<_>>>()
    })?;
    rows.par_iter()
        .zip(entries.into_par_iter())
        .enumerate()
        .map(|(i, (row, raw))| {
            let c = reads::record_commitment(row, raw)?;
            reads::check_record_ciphertext(row, &sha256_hex(&row.ciphertext), &c)?;
            let opened = open(i, row)?;
            reads::check_record_body(row, opened.borrow(), &c)?;
            Ok(opened)
        })
        .collect()
}

/// A record opened with its file key kept.
struct KeptKey(RecordBody, FileKeyBytes);

impl std::borrow::Borrow<RecordBody> for KeptKey {
    fn borrow(&self) -> &RecordBody {
        &self.0
    }
}

fn undecryptable(row: &RecordRow) -> Error {
    Error::Damage(Damage::RecordNoDecrypt {
        id: row.id.clone(),
        revision: row.revision,
    })
}

/// Parses a decrypted record and checks it is the one its row names.
fn record_of_row(row: &RecordRow, plain: &[u8]) -> Result<RecordBody> {
    let body = RecordBody::from_json(plain)?;
    if body.id != row.id || body.revision != row.revision {
        return Err(Error::Damage(Damage::RecordSwapped {
            id: row.id.clone(),
            revision: row.revision,
            other_id: body.id.clone(),
            other_revision: body.revision,
        }));
    }
    Ok(body)
}

/// Decrypts an attachment description and checks it belongs to its row.
pub(crate) fn open_attachment(master: &MasterKey, row: &AttachmentRow) -> Result<AttachmentBody> {
    let plain = envelope::decrypt(master.identity(), &row.meta)
        .map_err(|_| Error::Damage(Damage::AttachmentNoDecrypt { id: row.id.clone() }))?;
    let body = AttachmentBody::from_json(&plain)?;
    if body.id != row.id || body.record_id != row.record_id {
        return Err(Error::Damage(Damage::AttachmentSwapped {
            id: row.id.clone(),
            other: body.id.clone(),
        }));
    }
    Ok(body)
}
