//! `vault rekey`: replaces the master key after a suspected compromise.
//!
//! A new master identity is generated; every record revision, attachment description, export
//! description and attachment blob is re-encrypted to it; the signing key is re-wrapped under it
//! (the Ed25519 key itself stays, so every earlier checkpoint and receipt still verifies). Only
//! the secret that unlocked the vault is known, so only that keyslot is re-sealed (under the same
//! secret, or a new passphrase); every other keyslot is removed, and the caller is told which.
//!
//! The ledger records it: a `rekey` entry (new and previous recipient), then one `reencrypt` entry
//! per item pointing at the item's own leaf with its new ciphertext hashes
//! ([`crate::ledger::rotation`]). Item leaves and field digests are untouched, so earlier
//! inclusion proofs and bundles stay valid.
//!
//! Crash safety: new blobs are written first as `blobs/<new>.partial` (fsynced, under `flock`).
//! Then ONE transaction appends the entries, rewrites every row, keyslot and the wrapped signing
//! key, gives the new blobs their final names (hard links beside the `.partial` names) and signs
//! a checkpoint. Killed before the commit, the old key works and the new files are unowned
//! leftovers beside their `.partial` names (removed by the next unlock); after it, the new key
//! works and the old blobs are the leftovers (removed at once, or by the next unlock: the ledger
//! committed to their SHA-256).

use crate::crypto::HashingWriter;
use crate::error::{AttachmentFault, Crypto, Damage, Item, NoKeyslot};
use std::collections::HashMap;
use std::fs::{self, File};
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use super::maintenance::secret_for;
use super::{keyslot_entry, Unlocked};
use crate::crypto::keys::{MasterKey, MasterRecipient};
use crate::crypto::keyslot::{Keyslot, SlotKind};
use crate::crypto::{envelope, sha256_hex, signing};
use crate::ledger::entry::{SlotAction, ENTRY_VERSION};
use crate::ledger::{rotation, Entry};
use crate::secret::Passphrase;
use crate::store::{AttachmentRow, Tx, BLOB_DIR};
use crate::{fsutil, passwords, Error, Result};

const CHUNK: usize = 1 << 20;

/// What a rekey did.
#[derive(Debug, Clone, serde::Serialize)]
pub struct RekeyOutcome {
    /// The new master recipient.
    pub master_recipient: String,
    pub records: usize,
    pub attachments: usize,
    pub exports: usize,
    /// The keyslot re-sealed under the new master key.
    pub kept_slot: String,
    /// Keyslots removed because their secrets were not available.
    pub removed_slots: Vec<String>,
}

/// What an item's stored ciphertexts must hash to now.
struct Current {
    sha256: String,
    blob_sha256: Option<String>,
}

/// The current commitment of every item leaf (its own entry, or its newest re-encryption).
fn current_commitments(tx: &Tx<'_>) -> Result<HashMap<u64, Current>> {
    let mut entries = std::collections::BTreeMap::new();
    for row in tx.ledger()? {
        entries.insert(row.index, Entry::from_bytes(&row.entry)?);
    }
    let rot = rotation::analyse(&entries);
    let mut out = HashMap::new();
    for (index, e) in &entries {
        let own = match e {
            Entry::Record {
                ciphertext_sha256, ..
            } => Current {
                sha256: ciphertext_sha256.clone(),
                blob_sha256: None,
            },
            Entry::Attachment {
                meta_sha256,
                blob_sha256,
                ..
            } => Current {
                sha256: meta_sha256.clone(),
                blob_sha256: Some(blob_sha256.clone()),
            },
            Entry::Export { details_sha256, .. } => Current {
                sha256: details_sha256.clone(),
                blob_sha256: None,
            },
            _ => continue,
        };
        let current = match rot.commitment(*index) {
            Some(c) => Current {
                sha256: c.sha256.clone(),
                blob_sha256: c.blob_sha256.clone(),
            },
            None => own,
        };
        out.insert(*index, current);
    }
    Ok(out)
}

/// Hashes everything read through it.
struct HashingReader<R> {
    inner: R,
    hasher: Sha256,
}

impl<R: Read> Read for HashingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }
}

/// A blob re-encrypted to the new key, waiting (locked) under its `.partial` name.
struct NewBlob {
    /// The blob file it replaces.
    old_name: String,
    name: String,
    partial: PathBuf,
    size: u64,
    sha256: String,
    /// Holds the `flock` that tells a concurrent cleanup this file is alive.
    _lock: File,
}

/// Streams `old` (checking it hashes to `want_sha256`) through age decryption with `old_key` and
/// encryption to `new`, into a new locked `.partial` file beside it. The whole plaintext stream
/// (padding included) is carried over unchanged.
fn reencrypt_blob(
    blob_dir: &Path,
    row: &AttachmentRow,
    want_sha256: &str,
    old_key: &MasterKey,
    new: &MasterRecipient,
) -> Result<NewBlob> {
    let damaged = |fault: AttachmentFault| {
        Error::Damage(Damage::RekeyAttachment {
            id: row.id.clone(),
            fault,
        })
    };
    let old_path = blob_dir.join(&row.blob);
    let (name, partial, file, lock) = super::attach::create_partial(blob_dir)?;
    let result = (|| -> Result<(u64, String)> {
        let source = crate::fsutil::open_regular_nofollow(&old_path)
            .map_err(|e| damaged(crate::fsutil::blob_open_fault(&e)))?;
        let mut hashing = HashingReader {
            inner: source,
            hasher: Sha256::new(),
        };
        let mut buffered = BufReader::with_capacity(CHUNK, &mut hashing);
        let mut out = HashingWriter::new(BufWriter::with_capacity(CHUNK, &file));
        {
            let decryptor = age::Decryptor::new_buffered(&mut buffered)
                .map_err(|_| damaged(AttachmentFault::NotAge))?;
            let mut reader = decryptor
                .decrypt(std::iter::once(old_key.identity() as &dyn age::Identity))
                .map_err(|_| damaged(AttachmentFault::NoDecrypt))?;
            let encryptor =
                age::Encryptor::with_recipients(std::iter::once(&new.0 as &dyn age::Recipient))
                    .map_err(|e| Error::Crypto(Crypto::encrypt(e)))?;
            let mut writer = encryptor
                .wrap_output(&mut out)
                .map_err(|e| Error::Crypto(Crypto::encrypt(e)))?;
            let mut buf = Zeroizing::new(vec![0u8; 64 * 1024]);
            loop {
                let n = reader
                    .read(&mut buf)
                    .map_err(|_| damaged(AttachmentFault::Corrupted))?;
                if n == 0 {
                    break;
                }
                writer.write_all(&buf[..n])?;
            }
            writer.finish()?;
        }
        out.flush()?;
        // Whatever follows the age stream counts too: the hash is over the whole file.
        std::io::copy(&mut buffered, &mut std::io::sink())?;
        drop(buffered);
        if hex::encode(hashing.hasher.finalize()) != want_sha256 {
            return Err(damaged(AttachmentFault::HashMismatch));
        }
        let written = out.written;
        let digest = hex::encode(out.hasher.finalize());
        file.sync_all().map_err(|e| Error::file(&partial, e))?;
        Ok((written, digest))
    })();
    match result {
        Ok((size, sha256)) => Ok(NewBlob {
            old_name: row.blob.clone(),
            name,
            partial,
            size,
            sha256,
            _lock: lock,
        }),
        Err(e) => {
            let _ = fs::remove_file(&partial);
            Err(e)
        }
    }
}

/// Re-encrypts a small age ciphertext (record, description) after checking its hash.
fn reencrypt_small(
    ciphertext: &[u8],
    want_sha256: &str,
    old_key: &MasterKey,
    new: &MasterRecipient,
    item: &Item,
) -> Result<Vec<u8>> {
    if sha256_hex(ciphertext) != want_sha256 {
        return Err(Error::Damage(Damage::HashMismatch { item: item.clone() }));
    }
    let plain = envelope::decrypt(old_key.identity(), ciphertext)
        .map_err(|_| Error::Damage(Damage::NoDecrypt { item: item.clone() }))?;
    envelope::encrypt(&[&new.0], &plain)
}

fn missing_commitment(item: &Item) -> Error {
    Error::Damage(Damage::NoEntry { item: item.clone() })
}

impl Unlocked {
    /// Replaces the master key; see the module documentation. `secret` must be what unlocked this
    /// vault (it is checked again); with `new_passphrase` the kept slot is re-sealed under that
    /// instead (and becomes a passphrase slot). `progress` gets (done, total) item counts.
    pub fn rekey(
        &mut self,
        secret: &Passphrase,
        new_passphrase: Option<&Passphrase>,
        progress: Option<&(dyn Fn(u64, u64) + Sync)>,
    ) -> Result<RekeyOutcome> {
        // Re-encrypting would give tampered items fresh commitments: the vault must verify first.
        let report = crate::vault::verify::verify(&mut self.vault, None, None, None)?;
        if !report.ok() {
            return Err(Error::Damage(Damage::RekeyRefused {
                problems: report.problems.len(),
            }));
        }
        let slots = self.vault.store.read(|tx| tx.keyslots())?;
        let kept = slots
            .iter()
            .find(|s| s.slot.id == self.slot_id)
            .ok_or_else(|| Error::NoKeyslot(NoKeyslot::OpenedDisappeared))?;
        let typed = secret_for(kept.slot.kind, secret).ok_or(Error::WrongPassphrase)?;
        let (kind, seal_secret) = match new_passphrase {
            Some(p) => {
                passwords::check_strength(p)?;
                (SlotKind::Passphrase, p)
            }
            None => (kept.slot.kind, &typed),
        };

        let new_master = MasterKey::generate();
        let new_recipient = new_master.recipient();
        // Two Argon2id runs, one per core: check that `secret` really opens the slot (so the new
        // slot is not sealed under something else), and seal the new slot.
        let current = self.master.recipient().to_age_string();
        // The kept slot passed its ledger check when it opened; like `passwd`, the new slot is
        // sealed with at least the default parameters, never weaker ones found in the folder.
        let params = super::maintenance::params_for_new_slot(None, Some(kept.slot.params))?;
        let (reopened, new_slot) = std::thread::scope(|scope| {
            let check = scope.spawn(|| {
                kept.slot
                    .open(&typed)
                    .map(|m| m.recipient().to_age_string() == current)
            });
            let sealed =
                Keyslot::seal(kept.slot.id.clone(), kind, &new_master, seal_secret, params);
            let reopened = check
                .join()
                .map_err(|_| Error::Crypto(Crypto::KeyDerivationFailed));
            (reopened, sealed)
        });
        if !reopened?? {
            return Err(Error::WrongPassphrase);
        }
        let new_slot = new_slot?;
        let signing_secret = signing::secret_bytes(&self.signing);
        let wrapped_signing = envelope::encrypt(&[&new_recipient.0], signing_secret.as_ref())?;
        drop(signing_secret);

        self.vault.clean_leftovers(Some(&self.master))?;
        let blob_dir = self.vault.dir().join(BLOB_DIR);
        let (attachments, current, total) = self.vault.store.read(|tx| {
            let (_, revisions, attachments) = tx.counts()?;
            let exports = tx.exports()?.len() as u64;
            Ok((
                tx.all_attachments()?,
                current_commitments(tx)?,
                revisions + 2 * attachments + exports,
            ))
        })?;
        let done = std::sync::atomic::AtomicU64::new(0);
        let tick = || {
            let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            if let Some(p) = progress {
                p(n.min(total), total);
            }
        };

        // Blobs first, outside the transaction (they may be large).
        let mut new_blobs: HashMap<String, NewBlob> = HashMap::new();
        let mut renamed: Vec<PathBuf> = Vec::new();
        let outcome = (|| -> Result<RekeyOutcome> {
            for row in &attachments {
                let want = current
                    .get(&row.leaf_index)
                    .and_then(|c| c.blob_sha256.clone())
                    .ok_or_else(|| missing_commitment(&Item::Attachment { id: row.id.clone() }))?;
                let blob = reencrypt_blob(&blob_dir, row, &want, &self.master, &new_recipient)?;
                new_blobs.insert(row.id.clone(), blob);
                tick();
            }

            let old_recipient = self.vault.recipient.clone();
            let vault_id = self.vault.id.clone();
            let old_master = &self.master;
            let signing_key = &self.signing;
            let kept_id = kept.slot.id.clone();
            let new_blobs = &mut new_blobs;
            let renamed = &mut renamed;
            let tick = &tick;
            let new_master_ref = &new_master;
            self.vault.store.write(|tx| {
                let own_from = tx.ledger_size()?;
                super::maintenance::check_recipient(tx, &old_recipient)?;
                // The list cache is encrypted to the old key: drop it (the next list rebuilds).
                tx.clear_cache()?;
                let current = current_commitments(tx)?;
                let records = tx.all_records()?;
                let attachments = tx.all_attachments()?;
                let exports = tx.exports()?;
                let slots = tx.keyslots()?;
                tx.append_leaf(
                    &Entry::Rekey {
                        v: ENTRY_VERSION,
                        master_recipient: new_recipient.to_age_string(),
                        previous_recipient: old_recipient.to_age_string(),
                    }
                    .to_bytes(),
                )?;
                let reencrypted =
                    |leaf: u64, sha256: String, blob: Option<(&str, u64)>| Entry::Reencrypt {
                        v: ENTRY_VERSION,
                        leaf,
                        sha256,
                        blob_sha256: blob.map(|(h, _)| h.to_owned()),
                        blob_size: blob.map(|(_, n)| n),
                    };
                for row in &records {
                    let item = Item::Record {
                        id: row.id.clone(),
                        revision: row.revision,
                    };
                    let want = current
                        .get(&row.leaf_index)
                        .ok_or_else(|| missing_commitment(&item))?;
                    let ct = reencrypt_small(
                        &row.ciphertext,
                        &want.sha256,
                        old_master,
                        &new_recipient,
                        &item,
                    )?;
                    tx.append_leaf(&reencrypted(row.leaf_index, sha256_hex(&ct), None).to_bytes())?;
                    tx.update_record_ciphertext(&row.id, row.revision, &ct)?;
                    tick();
                }
                for row in &attachments {
                    let item = Item::Attachment { id: row.id.clone() };
                    let want = current
                        .get(&row.leaf_index)
                        .ok_or_else(|| missing_commitment(&item))?;
                    let meta = reencrypt_small(
                        &row.meta,
                        &want.sha256,
                        old_master,
                        &new_recipient,
                        &item,
                    )?;
                    // An attachment committed (or changed) since the blobs were prepared is
                    // re-encrypted now, inside the transaction.
                    if new_blobs
                        .get(&row.id)
                        .is_none_or(|b| b.old_name != row.blob)
                    {
                        let want_blob = want
                            .blob_sha256
                            .as_deref()
                            .ok_or_else(|| missing_commitment(&item))?;
                        let blob =
                            reencrypt_blob(&blob_dir, row, want_blob, old_master, &new_recipient)?;
                        if let Some(stale) = new_blobs.insert(row.id.clone(), blob) {
                            let _ = fs::remove_file(&stale.partial);
                        }
                    }
                    let blob = new_blobs
                        .get(&row.id)
                        .ok_or_else(|| missing_commitment(&item))?;
                    tx.append_leaf(
                        &reencrypted(
                            row.leaf_index,
                            sha256_hex(&meta),
                            Some((blob.sha256.as_str(), blob.size)),
                        )
                        .to_bytes(),
                    )?;
                    tx.update_attachment_ciphertexts(&row.id, &blob.name, blob.size, &meta)?;
                    tick();
                }
                for row in &exports {
                    let item = Item::Export { id: row.id.clone() };
                    let want = current
                        .get(&row.leaf_index)
                        .ok_or_else(|| missing_commitment(&item))?;
                    let details = reencrypt_small(
                        &row.details,
                        &want.sha256,
                        old_master,
                        &new_recipient,
                        &item,
                    )?;
                    tx.append_leaf(
                        &reencrypted(row.leaf_index, sha256_hex(&details), None).to_bytes(),
                    )?;
                    tx.update_export_details(&row.id, &details)?;
                    tick();
                }
                // Keyslots: the one whose secret we have is re-sealed; the others are removed.
                let mut removed = Vec::new();
                for row in &slots {
                    if row.slot.id == kept_id {
                        continue;
                    }
                    tx.append_leaf(&keyslot_entry(&row.slot, SlotAction::Remove).to_bytes())?;
                    tx.delete_keyslot(&row.slot.id)?;
                    removed.push(row.slot.id.clone());
                }
                let leaf =
                    tx.append_leaf(&keyslot_entry(&new_slot, SlotAction::Replace).to_bytes())?;
                tx.put_keyslot(&new_slot, leaf)?;
                tx.set_meta("signing_secret", &STANDARD.encode(&wrapped_signing))?;
                tx.set_meta("master_recipient", &new_recipient.to_age_string())?;
                // The list cache is encrypted to the old key.
                tx.clear_cache()?;
                // Only blobs that rows now point at become final.
                let live: std::collections::HashSet<&str> =
                    attachments.iter().map(|a| a.id.as_str()).collect();
                for (id, blob) in new_blobs.iter() {
                    if !live.contains(id.as_str()) {
                        continue;
                    }
                    let dest = blob_dir.join(&blob.name);
                    // A hard link where possible: killed before the commit, the `.partial`
                    // name beside it proves the file is ours (see `Vault::clean_leftovers`);
                    // both names of a committed blob are tidied below.
                    fsutil::link_or_rename(&blob.partial, &dest)?;
                    renamed.push(dest);
                }
                fsutil::sync_dir(&blob_dir)?;
                // The seal in place is checked under the old master key and remade under the new.
                super::sign_checkpoint_rekeyed(
                    tx,
                    &vault_id,
                    signing_key,
                    old_master,
                    new_master_ref,
                    own_from,
                )?;
                Ok(RekeyOutcome {
                    master_recipient: new_recipient.to_age_string(),
                    records: records.len(),
                    attachments: attachments.len(),
                    exports: exports.len(),
                    kept_slot: kept_id.clone(),
                    removed_slots: removed,
                })
            })
        })();

        match outcome {
            Err(e) => {
                // The new blob files go only when the database still names the old key: a
                // COMMIT that failed uncertainly may have landed, and then they are the
                // attachments. Whatever stays is cleaned, under the key that opens it, by the
                // next unlock.
                let old_key = self.vault.recipient.to_age_string();
                let rolled_back = self
                    .vault
                    .store
                    .read(|tx| tx.meta("master_recipient"))
                    .is_ok_and(|r| r.as_deref() == Some(old_key.as_str()));
                if !rolled_back {
                    return Err(e);
                }
                for path in &renamed {
                    let _ = fs::remove_file(path);
                }
                for blob in new_blobs.values() {
                    let _ = fs::remove_file(&blob.partial);
                }
                Err(e)
            }
            Ok(outcome) => {
                for blob in new_blobs.values() {
                    let _ = fs::remove_file(blob_dir.join(&blob.old_name));
                    let _ = fs::remove_file(&blob.partial);
                }
                drop(new_blobs);
                self.master = new_master;
                self.vault.recipient = new_recipient;
                // Old keyslots and ciphertexts must not linger in the write-ahead log.
                let _ = self.vault.store.overwrite_wal();
                let _ = self.vault.clean_leftovers(Some(&self.master));
                Ok(outcome)
            }
        }
    }
}
