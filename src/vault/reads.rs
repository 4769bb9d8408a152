//! Every read path checks what it shows against the ledger, and each unlock notices what
//! vanished (docs/format.md, "What each read checks"; SECURITY.md, adversary 7).
//!
//! Anyone who can write to the vault folder can replace a record's ciphertext with one they
//! encrypted to the public master recipient, or delete rows. The ledger entry of each record
//! revision (and attachment) commits to the SHA-256 of its ciphertext (after a rekey: its newest
//! `reencrypt` entry) and to a salted digest of every field. A read uses a row only when:
//!
//! 1. the ledger leaf the row names holds this row's own entry (same id and revision), and that
//!    entry hashes to the leaf hash stored beside it (which the signed checkpoints cover);
//! 2. the ciphertext hashes to what the entry, or its newest re-encryption, commits to (one
//!    SHA-256 per row);
//! 3. once decrypted, the embedded id and revision are the row's and the field digests match the
//!    entry's.
//!
//! A mismatch is an [`Error::Damage`] naming the incident (exit code 4); nothing is shown.

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;
use serde::Serialize;

use super::view::RecordView;
use super::{open_attachment, Unlocked};

use crate::crypto::sha256_hex;
use crate::error::{Damage, Item};
use crate::ledger::{merkle, Entry};
use crate::record::attachment::AttachmentBody;
use crate::record::RecordBody;
use crate::store::{AttachmentRow, ItemKind, RecordRow, Tx};
use crate::{Error, Result};

/// Up to this many items, re-encryptions are looked up one by one; beyond, all are read once.
const FEW: usize = 8;

/// Where the newest re-encryption hash of an item comes from.
pub(crate) enum Reencryptions {
    /// No rekey after the items looked at: their own entries hold the hashes.
    NoRekey,
    /// Looked up per item (a few items).
    Lookup,
    /// Item leaf -> newest re-encryption hash, read once.
    All(HashMap<u64, String>),
}

impl Reencryptions {
    /// What reading `count` items whose lowest leaf is `min_leaf` needs.
    pub(crate) fn for_items(tx: &Tx<'_>, min_leaf: u64, count: usize) -> Result<Self> {
        let Some(first) = tx.first_rekey_after(min_leaf)? else {
            return Ok(Reencryptions::NoRekey);
        };
        if count <= FEW {
            return Ok(Reencryptions::Lookup);
        }
        let mut all = HashMap::new();
        for (index, bytes, stored) in tx.reencryptions_after(first)? {
            check_leaf_hash(&bytes, &stored, || Item::Leaf { index })?;
            if let Ok(Entry::Reencrypt { leaf, sha256, .. }) = Entry::from_bytes(&bytes) {
                // Later entries replace earlier ones: the newest re-encryption wins.
                all.insert(leaf, sha256);
            }
        }
        Ok(Reencryptions::All(all))
    }

    fn get(&self, tx: &Tx<'_>, leaf: u64) -> Result<Option<String>> {
        match self {
            Reencryptions::NoRekey => Ok(None),
            Reencryptions::All(map) => Ok(map.get(&leaf).cloned()),
            Reencryptions::Lookup => {
                let Some(first) = tx.first_rekey_after(leaf)? else {
                    return Ok(None);
                };
                let Some((bytes, stored)) = tx.newest_reencryption_of(leaf, first)? else {
                    return Ok(None);
                };
                check_leaf_hash(&bytes, &stored, || Item::Reencryption { leaf })?;
                match Entry::from_bytes(&bytes) {
                    Ok(Entry::Reencrypt {
                        leaf: named,
                        sha256,
                        ..
                    }) if named == leaf => Ok(Some(sha256)),
                    _ => Ok(None),
                }
            }
        }
    }
}

/// What the ledger commits to for one record revision or attachment.
#[derive(Debug, Clone)]
pub(crate) struct Committed {
    /// Hex SHA-256 the stored ciphertext (record) or description (attachment) must have.
    pub sha256: String,
    /// Field name -> digest.
    pub fields: BTreeMap<String, String>,
    /// The entry's leaf hash (equal to the one stored in the ledger).
    pub leaf_hash: merkle::Hash,
}

fn check_leaf_hash(
    bytes: &[u8],
    stored: &[u8],
    item: impl FnOnce() -> Item,
) -> Result<merkle::Hash> {
    let hash = merkle::leaf_hash(bytes);
    if stored != hash {
        return Err(Error::Damage(Damage::LeafMismatch { item: item() }));
    }
    Ok(hash)
}

/// An id as it may appear in an error line. Ids are lower-case hex; one planted in the database
/// with control, bidi or other non-ASCII characters is shown escaped (`\u{1b}`), so the error
/// line printed to a terminal cannot drive it.
fn safe_id(id: &str) -> std::borrow::Cow<'_, str> {
    if id.chars().all(|c| c.is_ascii_graphic()) {
        return std::borrow::Cow::Borrowed(id);
    }
    std::borrow::Cow::Owned(
        id.chars()
            .map(|c| {
                if c.is_ascii_graphic() {
                    c.to_string()
                } else {
                    c.escape_unicode().to_string()
                }
            })
            .collect(),
    )
}

fn record_item(row: &RecordRow) -> Item {
    Item::Record {
        id: row.id.clone(),
        revision: row.revision,
    }
}

fn attachment_item(row: &AttachmentRow) -> Item {
    Item::RecordAttachment {
        id: row.id.clone(),
        record: row.record_id.clone(),
    }
}

/// A record row's ledger entry as read, before it is checked (so that the checks can run on
/// every core while one thread reads).
pub(crate) struct RawEntry {
    bytes: Option<(Vec<u8>, Vec<u8>)>,
    reencrypted: Option<String>,
}

/// Reads what check 1 needs for a record row: one primary-key lookup (and the newest
/// re-encryption, from `re`).
pub(crate) fn read_record_entry(
    tx: &Tx<'_>,
    row: &RecordRow,
    re: &Reencryptions,
) -> Result<RawEntry> {
    Ok(RawEntry {
        bytes: tx.ledger_leaf(row.leaf_index)?,
        reencrypted: re.get(tx, row.leaf_index)?,
    })
}

/// Check 1 for a record row, on what [`read_record_entry`] read.
pub(crate) fn record_commitment(row: &RecordRow, raw: RawEntry) -> Result<Committed> {
    let not_its_own = || {
        Error::Damage(Damage::NoOwnEntry {
            item: record_item(row),
        })
    };
    let (bytes, stored) = raw.bytes.ok_or_else(not_its_own)?;
    let leaf_hash = check_leaf_hash(&bytes, &stored, || record_item(row))?;
    match Entry::from_bytes(&bytes) {
        Ok(Entry::Record {
            id,
            revision,
            ciphertext_sha256,
            fields,
            ..
        }) if id == row.id && revision == row.revision => Ok(Committed {
            sha256: raw.reencrypted.unwrap_or(ciphertext_sha256),
            fields,
            leaf_hash,
        }),
        _ => Err(not_its_own()),
    }
}

/// The commitment of a record row's ledger entry (check 1 above).
pub(crate) fn committed_record(
    tx: &Tx<'_>,
    row: &RecordRow,
    re: &Reencryptions,
) -> Result<Committed> {
    record_commitment(row, read_record_entry(tx, row, re)?)
}

/// The commitment of an attachment row's ledger entry (check 1 above).
pub(crate) fn committed_attachment(
    tx: &Tx<'_>,
    row: &AttachmentRow,
    re: &Reencryptions,
) -> Result<Committed> {
    let not_its_own = || {
        Error::Damage(Damage::NoOwnEntry {
            item: attachment_item(row),
        })
    };
    let (bytes, stored) = tx.ledger_leaf(row.leaf_index)?.ok_or_else(not_its_own)?;
    let leaf_hash = check_leaf_hash(&bytes, &stored, || attachment_item(row))?;
    match Entry::from_bytes(&bytes) {
        Ok(Entry::Attachment {
            id,
            record,
            meta_sha256,
            fields,
            ..
        }) if id == row.id && record == row.record_id => Ok(Committed {
            sha256: re.get(tx, row.leaf_index)?.unwrap_or(meta_sha256),
            fields,
            leaf_hash,
        }),
        _ => Err(not_its_own()),
    }
}

/// Check 2 for a record row: `sha256` is the hex SHA-256 of its ciphertext.
pub(crate) fn check_record_ciphertext(row: &RecordRow, sha256: &str, c: &Committed) -> Result<()> {
    if sha256 != c.sha256 {
        return Err(Error::Damage(Damage::RecordReplaced {
            item: record_item(row),
        }));
    }
    Ok(())
}

/// Check 3 for a decrypted record (its id and revision were checked on opening).
pub(crate) fn check_record_body(row: &RecordRow, body: &RecordBody, c: &Committed) -> Result<()> {
    if body.digests()? != c.fields {
        return Err(Error::Damage(Damage::RecordDigests {
            item: record_item(row),
        }));
    }
    Ok(())
}

/// Checks 2 and 3 for an attachment description (decrypting it with `open`).
pub(crate) fn check_attachment(
    row: &AttachmentRow,
    c: &Committed,
    open: impl FnOnce(&AttachmentRow) -> Result<AttachmentBody>,
) -> Result<AttachmentBody> {
    if sha256_hex(&row.meta) != c.sha256 {
        return Err(Error::Damage(Damage::AttachmentReplaced {
            item: attachment_item(row),
        }));
    }
    let body = open(row)?;
    if body.digests()? != c.fields {
        return Err(Error::Damage(Damage::AttachmentDigests {
            item: attachment_item(row),
        }));
    }
    Ok(body)
}

/// An attachment whose file is the same (same SHA-256) as one of an incident's own
/// ([`Unlocked::same_files`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SameFile {
    /// The incident's own attachment, numbered as `show` numbers it (from 1).
    pub number: u64,
    /// The incident holding the other copy (the same incident when it was attached twice).
    pub record: String,
    /// The other copy's number within that incident.
    pub other_number: u64,
}

impl Unlocked {
    /// The attachments elsewhere in the vault whose file is the same (same SHA-256) as one of
    /// `record`'s (a view from [`Unlocked::show`]), in the order of `record`'s attachments, then
    /// the order attached.
    ///
    /// Only an unlocked vault can tell: the hashes are inside the encrypted attachment
    /// descriptions, and no index of them is kept (one readable without the passphrase would let
    /// whoever holds the folder test whether a given photo is in the vault). So this decrypts
    /// every other attachment description (on every core), each only after it matches its ledger
    /// entry, and nothing else: no record is read, so the cost follows the number of
    /// attachments, not of incidents. A description that does not match refuses the answer.
    pub fn same_files(&mut self, record: &RecordView) -> Result<Vec<SameFile>> {
        if record.attachments.is_empty() {
            return Ok(Vec::new());
        }
        let (rows, committed) = self.vault.store.read(|tx| {
            // `record`'s own descriptions were checked and opened by `show`.
            let rows: Vec<AttachmentRow> = tx
                .all_attachments()?
                .into_iter()
                .filter(|r| r.record_id != record.id)
                .collect();
            let min = rows.iter().map(|r| r.leaf_index).min().unwrap_or(0);
            let re = Reencryptions::for_items(tx, min, rows.len())?;
            let committed = rows
                .iter()
                .map(|r| committed_attachment(tx, r, &re))
                .collect::<Result<Vec<_>>>()?;
            Ok((rows, committed))
        })?;
        let master = &self.master;
        let hashes: Vec<String> = rows
            .par_iter()
            .zip(committed.par_iter())
            .map(|(row, c)| {
                check_attachment(row, c, |r| open_attachment(master, r)).map(|body| body.sha256)
            })
            .collect::<Result<_>>()?;
        let mut out = Vec::new();
        for a in &record.attachments {
            let own = record
                .attachments
                .iter()
                .filter(|b| b.number != a.number && b.sha256 == a.sha256)
                .map(|b| (record.id.as_str(), b.number));
            let others = rows
                .iter()
                .zip(&hashes)
                .filter(|(_, sha256)| **sha256 == a.sha256)
                .map(|(row, _)| (row.record_id.as_str(), row.position));
            out.extend(own.chain(others).map(|(id, n)| SameFile {
                number: a.number,
                record: id.to_owned(),
                other_number: n,
            }));
        }
        Ok(out)
    }
}

/// A record revision or attachment the ledger records but the vault no longer stores. vault
/// has no delete command, so each one is tampering.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MissingItem {
    /// The incident.
    pub record: String,
    /// The missing revision; `None` when every revision of the incident is missing.
    pub revision: Option<u32>,
    /// The newest revision still stored, when it is older than the missing one: what `show`
    /// and `list` now present in its place (a rollback).
    pub shown_instead: Option<u32>,
    /// The missing attachment, if this is one.
    pub attachment: Option<String>,
    /// Ledger leaf of the missing item's entry.
    pub leaf: u64,
}

/// Compares the record revisions and attachments the ledger names with the rows present: a
/// count through indexes first, the lists only when they differ. (A row deleted and another
/// planted in its place keeps the counts equal: the planted row has no entry of its own, so every
/// read refuses it, naming it, and `verify` reports both.)
pub(crate) fn missing_items(tx: &Tx<'_>) -> Result<Vec<MissingItem>> {
    let mut out = Vec::new();
    let (ledger, rows) = tx.presence_counts(ItemKind::Record)?;
    if ledger != rows {
        // Missing revisions by incident, in ledger order.
        let mut by_record: Vec<(String, Vec<(u32, u64)>)> = Vec::new();
        for (leaf, bytes) in tx.entries_without_rows(ItemKind::Record)? {
            if let Ok(Entry::Record { id, revision, .. }) = Entry::from_bytes(&bytes) {
                match by_record.iter_mut().find(|(r, _)| *r == id) {
                    Some((_, revs)) => revs.push((revision, leaf)),
                    None => by_record.push((id, vec![(revision, leaf)])),
                }
            }
        }
        for (id, revs) in by_record {
            let stored = tx.stored_revisions(&id)?;
            let newest_stored = stored.last().copied();
            if newest_stored.is_none() {
                out.push(MissingItem {
                    record: id,
                    revision: None,
                    shown_instead: None,
                    attachment: None,
                    leaf: revs.first().map_or(0, |r| r.1),
                });
                continue;
            }
            for (revision, leaf) in revs {
                out.push(MissingItem {
                    record: id.clone(),
                    revision: Some(revision),
                    shown_instead: newest_stored.filter(|n| *n < revision),
                    attachment: None,
                    leaf,
                });
            }
        }
    }
    let (ledger, rows) = tx.presence_counts(ItemKind::Attachment)?;
    if ledger != rows {
        for (leaf, bytes) in tx.entries_without_rows(ItemKind::Attachment)? {
            if let Ok(Entry::Attachment { id, record, .. }) = Entry::from_bytes(&bytes) {
                out.push(MissingItem {
                    record,
                    revision: None,
                    shown_instead: None,
                    attachment: Some(id),
                    leaf,
                });
            }
        }
    }
    Ok(out)
}

impl MissingItem {
    /// What an export of every incident would leave out, as a damage (ids terminal-safe).
    /// For one incident: a newer revision missing while an older one shows (a rollback of that
    /// incident), which no correction, withdrawal or export may build on.
    pub(crate) fn newer_revision_of(
        missing: &[MissingItem],
        record: &str,
    ) -> Option<crate::error::Damage> {
        missing
            .iter()
            .find_map(|m| match (m.revision, m.shown_instead) {
                (Some(revision), Some(shown)) if m.attachment.is_none() && m.record == record => {
                    Some(crate::error::Damage::NewerRevisionMissing {
                        record: safe_id(record).into_owned(),
                        revision: u64::from(revision),
                        shown: u64::from(shown),
                    })
                }
                _ => None,
            })
    }

    pub fn export_damage(&self) -> crate::error::Damage {
        crate::error::Damage::ExportWouldMiss {
            record: safe_id(&self.record).into_owned(),
            revision: self.revision.map(u64::from),
            shown_instead: self.shown_instead.map(u64::from),
            attachment: self.attachment.as_deref().map(|a| safe_id(a).into_owned()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::safe_id;

    #[test]
    fn planted_ids_are_escaped_in_error_lines() {
        assert_eq!(safe_id("3f2a09"), "3f2a09");
        assert_eq!(safe_id("3f\u{1b}[2J"), "3f\\u{1b}[2J");
        assert_eq!(safe_id("ab\u{202e}cd"), "ab\\u{202e}cd");
    }
}
