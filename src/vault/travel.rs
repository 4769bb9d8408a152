//! Travel mode (`vault travel start` / `vault travel end`; docs/format.md, "Travel mode").
//!
//! Before a border crossing or a risky action, every keyslot (all the material that unlocks the
//! master key) is encrypted with age to someone else's key (counsel's age or SSH key) into an
//! escrow file, and then overwritten in the database and its write-ahead log, as `destroy` does.
//! While travelling, `add` and `attach` keep working (they need only the public master
//! recipient); nothing can be unlocked by anyone, with any passphrase or recovery code, on this
//! device. `travel end` restores the keyslots with the escrow holder's key.
//!
//! Order (crash safety): the escrow file is written completely, fsynced, published under its
//! name and read back before anything is removed; then one transaction logs a `travel` entry
//! (binding the escrow file's SHA-256 and every slot's digest), overwrites and deletes the
//! keyslot rows and signs a checkpoint; then the write-ahead log is overwritten. A run killed at
//! any point leaves the old state, or a complete escrow file beside the old state, or the
//! travelling state with its complete escrow file.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::{Unlocked, Vault};
use crate::bundle::recipients::BundleRecipient;
use crate::crypto::kdf::KdfParams;
use crate::crypto::keyslot::{Keyslot, SlotKind};
use crate::crypto::{envelope, sha256_hex};
use crate::error::Custody;
use crate::ledger::entry::{TravelAction, ENTRY_VERSION};
use crate::ledger::{merkle, Entry};
use crate::staging::StagingFile;
use crate::store::KeyslotRow;
use crate::{fsutil, Error, Result};

/// The metadata key that says the vault is travelling: the ledger index of the `travel start`
/// entry. The ledger entry is the authority; this key only saves a search of the ledger.
pub(crate) const TRAVEL_META: &str = "travel";

/// The escrow file's format name (inside the age encryption).
const ESCROW_FORMAT: &str = "vault-travel-escrow-1";

/// Largest escrow file read (keyslots are a few hundred bytes each).
const MAX_ESCROW: u64 = 1 << 20;

/// What `travel start` did.
#[derive(Debug, Clone, Serialize)]
pub struct TravelStart {
    /// The escrow file written.
    pub escrow: PathBuf,
    /// Hex SHA-256 of the escrow file, as logged.
    pub escrow_sha256: String,
    /// How many keyslots went into it (and were removed from the vault).
    pub keyslots: usize,
    /// The ledger index of the `travel start` entry.
    pub ledger_leaf: u64,
}

/// What `travel end` did.
#[derive(Debug, Clone, Serialize)]
pub struct TravelEnd {
    /// How many keyslots were restored.
    pub keyslots: usize,
    /// The ledger index of the `travel end` entry.
    pub ledger_leaf: u64,
}

/// Travel mode as `vault info` shows it.
#[derive(Debug, Clone, Serialize)]
pub struct TravelInfo {
    /// The ledger index of the `travel start` entry.
    pub since_leaf: u64,
}

/// The escrow file's plaintext (JSON inside the age file; zeroized when dropped).
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Escrow {
    format: String,
    vault: String,
    keyslots: Vec<EscrowSlot>,
}

/// One keyslot row, exactly as stored.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct EscrowSlot {
    id: String,
    kind: SlotKind,
    kdf: KdfParams,
    /// Base64 (standard, padded).
    salt: String,
    /// Base64 (standard, padded).
    wrapped: String,
    leaf_index: u64,
}

impl EscrowSlot {
    fn of(row: &KeyslotRow) -> EscrowSlot {
        EscrowSlot {
            id: row.slot.id.clone(),
            kind: row.slot.kind,
            kdf: row.slot.params,
            salt: STANDARD.encode(&row.slot.salt),
            wrapped: STANDARD.encode(&row.slot.wrapped),
            leaf_index: row.leaf_index,
        }
    }

    fn row(&self) -> Option<KeyslotRow> {
        Some(KeyslotRow {
            slot: Keyslot {
                id: self.id.clone(),
                kind: self.kind,
                params: self.kdf,
                salt: STANDARD.decode(&self.salt).ok()?,
                wrapped: STANDARD.decode(&self.wrapped).ok()?,
            },
            leaf_index: self.leaf_index,
        })
    }
}

/// Slot id -> digest of each row.
fn digests(rows: &[KeyslotRow]) -> BTreeMap<String, String> {
    rows.iter()
        .map(|r| (r.slot.id.clone(), r.slot.digest_hex()))
        .collect()
}

/// Decrypts an age file held in memory with the first of `identities` that opens it.
pub(crate) fn decrypt_with_any(
    identities: &[Box<dyn age::Identity>],
    ciphertext: &[u8],
) -> Option<Zeroizing<Vec<u8>>> {
    let decryptor = age::Decryptor::new_buffered(ciphertext).ok()?;
    let mut reader = decryptor
        .decrypt(identities.iter().map(|i| i.as_ref() as &dyn age::Identity))
        .ok()?;
    let mut out = Zeroizing::new(Vec::with_capacity(ciphertext.len()));
    reader.read_to_end(&mut out).ok()?;
    Some(out)
}

/// Writes `bytes` to `out` durably: a locked staging file beside it, fsynced, then published
/// under its name without ever replacing a file (a hard link, or a rename after checking), then
/// the folder fsynced. A partial file a killed run left is removed by the next run.
pub(crate) fn publish_new(out: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    if std::fs::symlink_metadata(out).is_ok() {
        return Err(Error::WouldOverwrite(out.to_path_buf()));
    }
    crate::staging::sweep(out, crate::staging::Kind::Export)?;
    let (partial, mut file) = StagingFile::beside(out)?;
    file.write_all(bytes)
        .and_then(|_| file.sync_all())
        .map_err(|e| Error::file(partial.path(), e))?;
    drop(file);
    match std::fs::hard_link(partial.path(), out) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(Error::WouldOverwrite(out.to_path_buf()))
        }
        Err(_) if std::fs::symlink_metadata(out).is_err() => {
            std::fs::rename(partial.path(), out).map_err(|e| Error::file(out, e))?
        }
        Err(e) => return Err(Error::file(out, e)),
    }
    drop(partial);
    fsutil::sync_parent(out)
}

/// The leaf of the newest `travel` entry when it is a `start` (the vault is travelling, by the
/// ledger); `None` when the newest is an `end`, or there is none.
fn started_in_ledger(tx: &crate::store::Tx<'_>) -> Result<Option<u64>> {
    Ok(tx.newest_travel_entry()?.and_then(|(index, bytes)| {
        matches!(
            Entry::from_bytes(&bytes),
            Ok(Entry::Travel {
                action: TravelAction::Start,
                ..
            })
        )
        .then_some(index)
    }))
}

impl Vault {
    /// The ledger index of the `travel start` entry when the vault is travelling.
    pub fn travelling(&mut self) -> Result<Option<TravelInfo>> {
        let value = self.store.read(|tx| tx.meta(TRAVEL_META))?;
        Ok(value
            .and_then(|v| v.parse::<u64>().ok())
            .map(|since_leaf| TravelInfo { since_leaf }))
    }

    /// `vault travel end`: restores the keyslots from the escrow file, opened with the escrow
    /// holder's `identities`. The file must be the one whose SHA-256 the `travel start` entry
    /// logged, and hold this vault's id and exactly the keyslots (by digest) that entry names.
    /// Needs no passphrase; the `travel end` entry is signed by the next unlock, whose keyslot
    /// check ([`super::maintenance::slot_commitment`]) checks every restored slot again.
    pub fn travel_end(
        &mut self,
        escrow: &Path,
        identities: &[Box<dyn age::Identity>],
    ) -> Result<TravelEnd> {
        let leaf = match self.travelling()? {
            Some(t) => t.since_leaf,
            // The mark deleted from the folder must not lock the owner out: the ledger says
            // whether the vault is travelling.
            None => self
                .store
                .read(started_in_ledger)?
                .ok_or(Error::Custody(Custody::NotTravelling))?,
        };
        let started = self.store.read(|tx| tx.ledger_row(leaf))?;
        let (escrow_sha256, slots) = match started {
            Some(row) if merkle::leaf_hash(&row.entry) == row.leaf_hash => {
                match Entry::from_bytes(&row.entry) {
                    Ok(Entry::Travel {
                        action: TravelAction::Start,
                        escrow_sha256,
                        slots,
                        ..
                    }) => (escrow_sha256, slots),
                    _ => return Err(Custody::TravelEntry { leaf }.into()),
                }
            }
            _ => return Err(Custody::TravelEntry { leaf }.into()),
        };
        let bytes = crate::input::read_bounded(escrow, MAX_ESCROW)?;
        if sha256_hex(&bytes) != escrow_sha256 {
            return Err(Custody::EscrowNotLogged {
                path: escrow.to_path_buf(),
            }
            .into());
        }
        let plain = decrypt_with_any(identities, &bytes).ok_or_else(|| Custody::EscrowLocked {
            path: escrow.to_path_buf(),
        })?;
        let foreign = || {
            Error::Custody(Custody::EscrowForeign {
                path: escrow.to_path_buf(),
            })
        };
        let parsed: Escrow = serde_json::from_slice(&plain).map_err(|_| foreign())?;
        if parsed.format != ESCROW_FORMAT || parsed.vault != self.id {
            return Err(foreign());
        }
        let rows = parsed
            .keyslots
            .iter()
            .map(EscrowSlot::row)
            .collect::<Option<Vec<_>>>()
            .ok_or_else(foreign)?;
        if digests(&rows) != slots || rows.len() != slots.len() {
            return Err(foreign());
        }
        let entry = Entry::Travel {
            v: ENTRY_VERSION,
            action: TravelAction::End,
            escrow_sha256,
            slots,
        };
        let ledger_leaf = self.store.write(|tx| {
            // Another `travel end` may have finished meanwhile.
            let marked = match tx.meta(TRAVEL_META)? {
                Some(v) => v.parse::<u64>().ok(),
                None => started_in_ledger(tx)?,
            };
            if marked != Some(leaf) {
                return Err(Error::Custody(Custody::NotTravelling));
            }
            for row in &rows {
                tx.put_keyslot(&row.slot, row.leaf_index)?;
            }
            let at = tx.append_leaf(&entry.to_bytes())?;
            tx.delete_meta(TRAVEL_META)?;
            Ok(at)
        })?;
        Ok(TravelEnd {
            keyslots: rows.len(),
            ledger_leaf,
        })
    }
}

impl Unlocked {
    /// `vault travel start`: see the module documentation. `recipients` hold the escrow key
    /// (counsel's); `out` is a new file, never replaced.
    pub fn travel_start(
        &mut self,
        recipients: &[BundleRecipient],
        out: &Path,
    ) -> Result<TravelStart> {
        if recipients.is_empty() {
            return Err(crate::bundle::Error::NoRecipient.into());
        }
        if self.vault.travelling()?.is_some() {
            return Err(Custody::AlreadyTravelling.into());
        }
        let rows = self.vault.store.read(|tx| tx.keyslots())?;
        let escrow = Escrow {
            format: ESCROW_FORMAT.into(),
            vault: self.vault.id.clone(),
            keyslots: rows.iter().map(EscrowSlot::of).collect(),
        };
        let plain = Zeroizing::new(serde_json::to_vec(&escrow)?);
        let to: Vec<&dyn age::Recipient> = recipients
            .iter()
            .map(|r| r.recipient.as_ref() as &dyn age::Recipient)
            .collect();
        let ciphertext = envelope::encrypt(&to, &plain)?;
        drop(plain);
        let escrow_sha256 = sha256_hex(&ciphertext);
        publish_new(out, &ciphertext)?;
        // Read back from the disk: only a complete file lets the keyslots go.
        let written =
            crate::input::read_bounded(out, MAX_ESCROW).map_err(|_| Custody::EscrowIncomplete {
                path: out.to_path_buf(),
            })?;
        if sha256_hex(&written) != escrow_sha256 {
            return Err(Custody::EscrowIncomplete {
                path: out.to_path_buf(),
            }
            .into());
        }
        let slots = digests(&rows);
        let entry = Entry::Travel {
            v: ENTRY_VERSION,
            action: TravelAction::Start,
            escrow_sha256: escrow_sha256.clone(),
            slots: slots.clone(),
        };
        let (ledger_leaf, _) = self.write_signed(|tx| {
            // The slots must be the ones in the file: a keyslot changed since is not escrowed.
            if digests(&tx.keyslots()?) != slots || tx.meta(TRAVEL_META)?.is_some() {
                return Err(Error::Custody(Custody::EscrowIncomplete {
                    path: out.to_path_buf(),
                }));
            }
            let at = tx.append_leaf(&entry.to_bytes())?;
            tx.scrub_keyslots()?;
            // The list cache is encrypted to the master key: nothing of it stays either.
            tx.clear_cache()?;
            tx.set_meta(TRAVEL_META, &at.to_string())?;
            Ok(at)
        })?;
        // No earlier page image of a keyslot may stay in the write-ahead log, nor in the
        // database file's free pages (secure_delete zeroes those as the pages are written).
        self.vault.store.overwrite_wal()?;
        Ok(TravelStart {
            escrow: out.to_path_buf(),
            escrow_sha256,
            keyslots: rows.len(),
            ledger_leaf,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::entry::TravelAction;

    #[test]
    fn travel_entries_round_trip_in_the_documented_key_order() {
        let e = Entry::Travel {
            v: ENTRY_VERSION,
            action: TravelAction::Start,
            escrow_sha256: "ab".into(),
            slots: [("s1".to_owned(), "d1".to_owned())].into_iter().collect(),
        };
        let bytes = e.to_bytes();
        assert_eq!(
            String::from_utf8(bytes.clone()).unwrap(),
            r#"{"type":"travel","v":1,"action":"start","escrow_sha256":"ab","slots":{"s1":"d1"}}"#
        );
        assert_eq!(Entry::from_bytes(&bytes).unwrap(), e);
        // Only the end of travel mode is written without the passphrase.
        assert!(!crate::vault::trust::written_without_passphrase(&e));
        let end = Entry::Travel {
            v: ENTRY_VERSION,
            action: TravelAction::End,
            escrow_sha256: "ab".into(),
            slots: BTreeMap::new(),
        };
        assert!(crate::vault::trust::written_without_passphrase(&end));
    }

    #[test]
    fn escrow_rows_round_trip_exactly() {
        let master = crate::crypto::keys::MasterKey::generate();
        let slot = Keyslot::seal(
            "s1".into(),
            SlotKind::Recovery,
            &master,
            &crate::secret::Passphrase::new("a b c d".into()),
            crate::crypto::kdf::FLOOR,
        )
        .unwrap();
        let row = KeyslotRow {
            slot,
            leaf_index: 9,
        };
        let back = EscrowSlot::of(&row).row().unwrap();
        assert_eq!(back.slot.digest_hex(), row.slot.digest_hex());
        assert_eq!(back.leaf_index, 9);
    }
}
