//! The encrypted list cache (docs/format.md, "Encrypted list cache").
//!
//! Decrypting a record costs one X25519 operation (about 50 µs), so listing 100,000 incidents
//! from the records alone takes seconds. Once an unlocked command has decrypted them, it keeps
//! the decrypted bodies in a few *segments* in the `cache` table: each an age file encrypted to
//! the master recipient (so one X25519 operation opens thousands of records), holding for every
//! item its id, revision, ledger leaf and the SHA-256 of the ciphertext it was decrypted from.
//!
//! Anyone holding the public recipient could write such a file, so each segment is signed with
//! the vault's Ed25519 signing key (which only an unlocked vault has) over the vault id, the
//! segment number, the ledger size it covers and the SHA-256 of its ciphertext.
//!
//! On use, a segment whose signature, decryption, format or vault id is wrong is dropped whole,
//! and an item is used only for the record row whose id, revision and leaf it names *and whose
//! ledger entry still hashes as when the item was cached* (the entry names the id and revision
//! and commits to the SHA-256 of the ciphertext the item was decrypted from); no ciphertext is
//! read for a cached item. Anything not covered (new records,
//! amendments, rows changed since, dropped segments) is decrypted from the records on both
//! cores and appended as a new segment; the cache is rewritten whole when stale items or
//! segments pile up. A missing cache is simply rebuilt.

use std::collections::HashMap;

// Listing fills maps keyed by 100,000 record ids from our own database; a fast non-keyed hash
// (FxHash) is enough there.
use rustc_hash::FxHashMap;

use chrono::{DateTime, Utc};
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::reads::{self, Committed, Reencryptions};
use super::unlocked::open_record_keeping_key;
use super::view::{AttachmentView, RecordView};
use super::{encrypt_padded, open_attachment, Unlocked};
use crate::crypto::envelope::{self, FileKeyBytes};
use crate::crypto::keys::MasterKey;
use crate::crypto::sha256_hex;
use crate::error::Conflict;
use crate::ledger::merkle;
use crate::problem::Text;
use crate::problem_text;
use crate::record::attachment::AttachmentBody;
use crate::record::{Incident, RecordBody, Withdrawal, RECORD_FORMAT};
use crate::store::{AttachmentRow, CacheSegmentRow, RecordRow};
use crate::{Error, Result};

/// Format tag inside a segment's plaintext. Items of this format were made only from record
/// rows and attachment descriptions that matched their ledger entries (`super::reads`).
pub const CACHE_FORMAT: &str = "vault-cache/2";
/// The earlier format, whose items were made from whatever the rows held: never used for a
/// listing; `verify` and the next listing check them against the ledger, and a segment with an
/// item the ledger does not back is kept as evidence.
pub const LEGACY_CACHE_FORMAT: &str = "vault-cache/1";
/// First line of the signed statement.
const SIGNATURE_CONTEXT: &str = "vault-cache-v1";
/// Items per segment written: about 4 MB of plaintext, so a rebuild of 100,000 records spreads
/// over about 25 segments that decrypt in parallel.
const SEGMENT_ITEMS: usize = 4096;
/// Record rows read per batch while checking (about 4.5 MB of ciphertext).
const BATCH: usize = 1024;
/// More segments than this (beyond what the items need) triggers a rewrite.
const SPARE_SEGMENTS: usize = 8;

/// A decrypted record revision as kept in the cache: the body without its field salts.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct CachedRecord {
    pub id: String,
    pub revision: u32,
    /// Ledger leaf of this revision.
    pub leaf: u64,
    /// Hex SHA-256 of the record ciphertext this was decrypted from.
    pub ct: String,
    /// Hex leaf hash (`SHA-256(0x00 || entry)`) of the revision's ledger entry.
    pub lh: String,
    /// Hex age file key of that ciphertext, so `verify --full` can open it again without the
    /// X25519 unwrap (absent in items that could not keep it).
    /// Zeroized on drop like every other copy of a key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fk: Option<zeroize::Zeroizing<String>>,
    pub recorded_at: DateTime<Utc>,
    pub incident: Incident,
    /// The withdrawal of a withdrawn revision (absent otherwise, and in older items).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawn: Option<Withdrawal>,
}

impl CachedRecord {
    fn from_body(body: RecordBody, leaf: u64, ct: String, lh: String, fk: &FileKeyBytes) -> Self {
        CachedRecord {
            id: body.id,
            revision: body.revision,
            leaf,
            ct,
            lh,
            fk: Some(zeroize::Zeroizing::new(hex::encode(&fk.0[..]))),
            recorded_at: body.recorded_at,
            incident: body.incident,
            withdrawn: body.withdrawn,
        }
    }

    fn into_view(self, attachments: Vec<AttachmentView>) -> RecordView {
        RecordView::new(
            RecordBody {
                format: RECORD_FORMAT.into(),
                supersedes: self.revision.checked_sub(1).filter(|r| *r > 0),
                id: self.id,
                revision: self.revision,
                recorded_at: self.recorded_at,
                incident: self.incident,
                withdrawn: self.withdrawn,
                salts: Default::default(),
            },
            attachments,
        )
    }
}

/// A decrypted attachment description as kept in the cache.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct CachedAttachment {
    pub leaf: u64,
    /// Hex SHA-256 of the encrypted description this was decrypted from.
    pub meta: String,
    pub body: AttachmentBody,
}

/// The plaintext of one segment.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Segment {
    pub format: String,
    pub vault: String,
    pub seq: u64,
    pub covered: u64,
    pub records: Vec<CachedRecord>,
    pub attachments: Vec<CachedAttachment>,
}

/// What the cache did during one listing (for tests, benchmarks and `verify`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CacheStats {
    /// Segments found in the table.
    pub segments: usize,
    /// Segments dropped: bad signature, undecryptable, unreadable, or another vault's.
    pub rejected_segments: usize,
    /// Records and attachment descriptions taken from the cache.
    pub hits: usize,
    /// Records and attachment descriptions decrypted from the vault.
    pub decrypted: usize,
    /// Segments written by this listing.
    pub written_segments: usize,
    /// True when the cache was rewritten whole.
    pub rebuilt: bool,
}

/// The statement a segment's signature covers.
pub(crate) fn signed_message(vault_id: &str, seq: u64, covered: u64, ciphertext: &[u8]) -> Vec<u8> {
    format!(
        "{SIGNATURE_CONTEXT}\n{vault_id}\n{seq}\n{covered}\n{}\n",
        sha256_hex(ciphertext)
    )
    .into_bytes()
}

/// Checks a segment's signature, decrypts and parses it. `Err` carries a reason for people
/// (`verify` reports it).
pub(crate) fn open_segment(
    row: &CacheSegmentRow,
    vault_id: &str,
    public: &VerifyingKey,
    master: Option<&MasterKey>,
) -> std::result::Result<Option<Segment>, Text> {
    let sig = Signature::from_slice(&row.signature)
        .map_err(|_| problem_text!("verify-cache-signature-malformed"))?;
    public
        .verify(
            &signed_message(vault_id, row.seq, row.covered, &row.ciphertext),
            &sig,
        )
        .map_err(|_| problem_text!("verify-cache-signature-invalid"))?;
    let Some(master) = master else {
        return Ok(None);
    };
    let plain = envelope::decrypt(master.identity(), &row.ciphertext)
        .map_err(|_| problem_text!("verify-cache-no-decrypt"))?;
    let seg: Segment = serde_json::from_slice(&plain)
        .map_err(|e| problem_text!("verify-cache-no-decode", error = e.to_string()))?;
    if (seg.format != CACHE_FORMAT && seg.format != LEGACY_CACHE_FORMAT)
        || seg.vault != vault_id
        || seg.seq != row.seq
        || seg.covered != row.covered
    {
        return Err(problem_text!("verify-cache-foreign"));
    }
    if seg
        .records
        .iter()
        .map(|r| r.leaf)
        .chain(seg.attachments.iter().map(|a| a.leaf))
        .any(|leaf| leaf >= seg.covered)
    {
        return Err(problem_text!("verify-cache-leaves-beyond"));
    }
    Ok(Some(seg))
}

fn seal_segment(
    key: &SigningKey,
    recipient: &super::MasterRecipient,
    seg: &Segment,
) -> Result<CacheSegmentRow> {
    let json = serde_json::to_vec(seg)?;
    let json = zeroize::Zeroizing::new(json);
    let ciphertext = encrypt_padded(recipient, &json)?;
    let signature = key
        .sign(&signed_message(
            &seg.vault,
            seg.seq,
            seg.covered,
            &ciphertext,
        ))
        .to_bytes()
        .to_vec();
    Ok(CacheSegmentRow {
        seq: seg.seq,
        covered: seg.covered,
        ciphertext,
        signature,
    })
}

impl Unlocked {
    /// Every incident (newest revision) with its attachments, newest occurrence first, through
    /// the encrypted cache. See the module documentation.
    pub fn list(&mut self) -> Result<Vec<RecordView>> {
        let (views, stats) = self.list_with_stats()?;
        self.cache_stats = Some(stats);
        Ok(views)
    }

    /// What the cache did during the last [`Unlocked::list`].
    pub fn cache_stats(&self) -> Option<&CacheStats> {
        self.cache_stats.as_ref()
    }

    fn list_with_stats(&mut self) -> Result<(Vec<RecordView>, CacheStats)> {
        let master = &self.master;
        let public = self.signing.verifying_key();
        let vault_id = self.vault.id.clone();
        let mut stats = CacheStats::default();

        struct Gathered {
            covered: u64,
            records: Vec<CachedRecord>,
            fresh_records: Vec<usize>,
            attachments: Vec<(AttachmentRow, CachedAttachment, bool)>,
            fresh_attachments: usize,
            cached_items: usize,
            good_segments: Vec<u64>,
            bad_segments: Vec<u64>,
            /// Signed segments kept as evidence: they name an item that is no longer stored, or
            /// (earlier format) hold an item the ledger does not back.
            kept_segments: Vec<u64>,
        }

        let g = self.vault.store.read(|tx| {
            let covered = tx.ledger_size()?;
            let seg_rows = tx.cache_segments()?;
            stats.segments = seg_rows.len();
            let mut opened: Vec<(u64, std::result::Result<Option<Segment>, Text>)> = Vec::new();
            // The segments' signatures, decryption and parsing run on the pool while this
            // thread (which holds the transaction) reads what the items are checked against.
            let current = rayon::in_place_scope(|scope| {
                scope.spawn(|_| {
                    opened = seg_rows
                        .par_iter()
                        .map(|row| {
                            let res = if row.covered > covered {
                                Err(problem_text!("verify-cache-beyond-ledger"))
                            } else {
                                open_segment(row, &vault_id, &public, Some(master))
                            };
                            (row.seq, res)
                        })
                        .collect();
                });
                current_revisions(tx)
            })?;
            drop(seg_rows);
            let att_rows = tx.all_attachments()?;
            let att_ids: rustc_hash::FxHashSet<&str> =
                att_rows.iter().map(|a| a.id.as_str()).collect();

            let mut segments = Vec::new();
            let mut cached_atts: FxHashMap<String, CachedAttachment> = FxHashMap::default();
            let mut cached_items = 0;
            let mut good_segments = Vec::new();
            let mut bad_segments = Vec::new();
            let mut kept_segments = Vec::new();
            let mut legacy: Vec<(u64, Segment)> = Vec::new();
            for (seq, res) in opened {
                match res {
                    Ok(Some(seg)) if seg.format == LEGACY_CACHE_FORMAT => legacy.push((seq, seg)),
                    Ok(Some(mut seg)) => {
                        // An item whose record revision or attachment is gone names a deletion:
                        // the segment is evidence, not to be rebuilt away (nor used).
                        if seg
                            .records
                            .iter()
                            .any(|r| !current.present.contains(&r.leaf))
                            || seg
                                .attachments
                                .iter()
                                .any(|a| !att_ids.contains(a.body.id.as_str()))
                        {
                            kept_segments.push(seq);
                            continue;
                        }
                        good_segments.push(seq);
                        cached_items += seg.records.len() + seg.attachments.len();
                        for a in std::mem::take(&mut seg.attachments) {
                            cached_atts.insert(a.body.id.clone(), a);
                        }
                        segments.push(seg.records);
                    }
                    _ => bad_segments.push(seq),
                }
            }
            // The cached items still current, checked on every core (in place); a revision
            // cached twice is used once.
            segments
                .par_iter_mut()
                .for_each(|items| items.retain(|c| current.holds(c)));
            let mut used_leaves: rustc_hash::FxHashSet<u64> = Default::default();
            used_leaves.reserve(current.latest.len());
            let mut records: Vec<CachedRecord> = Vec::with_capacity(current.latest.len());
            for items in segments {
                records.extend(items.into_iter().filter(|c| used_leaves.insert(c.leaf)));
            }
            let misses: FxHashMap<String, u32> = current
                .latest
                .into_iter()
                .filter(|(_, (_, leaf))| !used_leaves.contains(leaf))
                .map(|(id, (revision, _))| (id, revision))
                .collect();
            // Everything else is decrypted from the records, on every core, each only after it
            // matches its ledger entry (a row that does not refuses the listing).
            let re = if misses.is_empty() {
                Reencryptions::NoRekey
            } else {
                Reencryptions::for_items(tx, 0, misses.len())?
            };
            let mut fresh_records = Vec::new();
            if !misses.is_empty() && misses.len() * 8 < records.len() {
                // A few new or amended records (added since the last listing): look each one up
                // rather than scanning every ciphertext.
                let mut rows = Vec::with_capacity(misses.len());
                for (id, revision) in &misses {
                    if let Some(row) = tx.record_revision(id, *revision)? {
                        let c = reads::committed_record(tx, &row, &re)?;
                        rows.push((row, c));
                    }
                }
                let fresh: Vec<Result<CachedRecord>> = rows
                    .par_iter()
                    .map(|(row, c)| decrypt_row(master, row, c))
                    .collect();
                for item in fresh {
                    fresh_records.push(records.len());
                    records.push(item?);
                }
            } else if !misses.is_empty() {
                tx.for_each_record_batch(true, BATCH, |batch| {
                    // The entries are read here (one lookup each); parsed and checked on every
                    // core with the decryption.
                    let mut rows = Vec::new();
                    for row in batch {
                        if misses.get(&row.id) == Some(&row.revision) {
                            let raw = reads::read_record_entry(tx, &row, &re)?;
                            rows.push((row, raw));
                        }
                    }
                    let fresh: Vec<Result<CachedRecord>> = rows
                        .into_par_iter()
                        .map(|(row, raw)| {
                            let c = reads::record_commitment(&row, raw)?;
                            decrypt_row(master, &row, &c)
                        })
                        .collect();
                    for item in fresh {
                        fresh_records.push(records.len());
                        records.push(item?);
                    }
                    Ok(())
                })?;
            }

            // Attachment descriptions: a cached one is used while the row still holds the
            // description it was made from; others are checked against the ledger, then opened.
            let att_hashes: Vec<String> =
                att_rows.par_iter().map(|r| sha256_hex(&r.meta)).collect();
            let hits: Vec<bool> = att_rows
                .iter()
                .zip(&att_hashes)
                .map(|(row, meta)| {
                    matches!(cached_atts.get(&row.id), Some(c)
                        if c.meta == *meta
                            && c.leaf == row.leaf_index
                            && c.body.record_id == row.record_id)
                })
                .collect();
            let att_misses = hits.iter().filter(|h| !**h).count();
            // Re-encryptions are read only when something is to be checked.
            let att_re = if att_misses > 0 {
                Reencryptions::for_items(tx, 0, att_misses)?
            } else {
                Reencryptions::NoRekey
            };
            let mut att_commits: Vec<Option<Committed>> = Vec::with_capacity(att_rows.len());
            for (row, hit) in att_rows.iter().zip(&hits) {
                att_commits.push(if *hit {
                    None
                } else {
                    Some(reads::committed_attachment(tx, row, &att_re)?)
                });
            }
            let resolved: Vec<Result<(CachedAttachment, bool)>> = att_rows
                .par_iter()
                .zip(att_commits.par_iter().zip(att_hashes.par_iter()))
                .map(|(row, (commit, meta))| match commit {
                    None => Ok((
                        cached_atts
                            .get(&row.id)
                            .cloned()
                            .ok_or(Error::Conflict(Conflict::CachedAttachmentVanished))?,
                        false,
                    )),
                    Some(c) => Ok((
                        CachedAttachment {
                            leaf: row.leaf_index,
                            meta: meta.clone(),
                            body: reads::check_attachment(row, c, |r| open_attachment(master, r))?,
                        },
                        true,
                    )),
                })
                .collect();
            let mut attachments = Vec::with_capacity(att_rows.len());
            let mut fresh_attachments = 0;
            for (row, r) in att_rows.iter().zip(resolved) {
                let (item, fresh) = r?;
                fresh_attachments += usize::from(fresh);
                attachments.push((row.clone(), item, fresh));
            }

            // Segments of the earlier format: kept when an item for a current revision was made
            // from a ciphertext other than the one its ledger entry commits to (a forgery cached
            // by an earlier version), dropped otherwise.
            // Every item in `records` matched its ledger entry when it was made.
            let checked: FxHashMap<u64, &str> = if legacy.is_empty() {
                FxHashMap::default()
            } else {
                records.iter().map(|r| (r.leaf, r.ct.as_str())).collect()
            };
            for (seq, seg) in legacy {
                let forged = seg.records.iter().any(|r| {
                    checked.get(&r.leaf).is_some_and(|ct| *ct != r.ct.as_str())
                        || !current.present.contains(&r.leaf)
                });
                if forged {
                    kept_segments.push(seq);
                } else {
                    bad_segments.push(seq);
                }
            }
            Ok(Gathered {
                covered,
                records,
                fresh_records,
                attachments,
                fresh_attachments,
                cached_items,
                good_segments,
                bad_segments,
                kept_segments,
            })
        })?;

        let live = g.records.len() + g.attachments.len();
        let fresh = g.fresh_records.len() + g.fresh_attachments;
        stats.rejected_segments = g.bad_segments.len();
        stats.decrypted = fresh;
        stats.hits = live - fresh;
        // Items in the cache that no current row used (superseded revisions, changed rows).
        let unused = g.cached_items.saturating_sub(stats.hits);
        let needed = live.div_ceil(SEGMENT_ITEMS);
        let rebuild = g.good_segments.len() + fresh.div_ceil(SEGMENT_ITEMS)
            > needed + SPARE_SEGMENTS
            || unused * 4 > live;
        if rebuild || fresh > 0 || !g.bad_segments.is_empty() {
            // Best effort: a read-only or busy vault still lists, it just is not cached.
            let recs: Vec<&CachedRecord> = if rebuild {
                g.records.iter().collect()
            } else {
                g.fresh_records.iter().map(|&i| &g.records[i]).collect()
            };
            let atts: Vec<&CachedAttachment> = g
                .attachments
                .iter()
                .filter(|(_, _, fresh)| rebuild || *fresh)
                .map(|(_, a, _)| a)
                .collect();
            if let Ok(written) = self.write_cache(
                &recs,
                &atts,
                g.covered,
                rebuild,
                &g.bad_segments,
                &g.kept_segments,
            ) {
                stats.written_segments = written;
                stats.rebuilt = rebuild;
            }
        }

        let mut by_record: FxHashMap<String, Vec<AttachmentView>> = FxHashMap::default();
        for (row, item, _) in g.attachments {
            by_record
                .entry(row.record_id.clone())
                .or_default()
                .push(AttachmentView::new(row.position, item.body));
        }
        // Newest occurrence first; ids are unique, so the order is deterministic. The keys are
        // computed once and the records moved once (rayon sorts the keys, then permutes).
        let mut records = g.records;
        records.par_sort_by_cached_key(|r| {
            (
                std::cmp::Reverse((r.incident.occurred_at.sort_key(), r.recorded_at)),
                r.id.clone(),
            )
        });
        let views: Vec<RecordView> = records
            .into_par_iter()
            .map(|r| {
                let atts = by_record.get(&r.id).cloned().unwrap_or_default();
                r.into_view(atts)
            })
            .collect();
        Ok((views, stats))
    }

    /// Appends the fresh items as new segments (dropping `bad` ones), or with `rebuild` replaces
    /// every segment but the `kept` evidence with the current items. Returns how many segments were written.
    fn write_cache(
        &mut self,
        recs: &[&CachedRecord],
        atts: &[&CachedAttachment],
        covered: u64,
        rebuild: bool,
        bad: &[u64],
        kept: &[u64],
    ) -> Result<usize> {
        let vault_id = self.vault.id.clone();
        let key = &self.signing;
        let recipient = self.vault.recipient.clone();
        self.vault.store.write(|tx| {
            if rebuild {
                tx.clear_cache_except(kept)?;
            } else {
                tx.delete_cache_segments(bad)?;
            }
            let first = tx.next_cache_seq()?;
            let chunks: Vec<&[&CachedRecord]> = recs.chunks(SEGMENT_ITEMS).collect();
            let att_chunks: Vec<&[&CachedAttachment]> = atts.chunks(SEGMENT_ITEMS).collect();
            let n = chunks.len().max(att_chunks.len());
            // Seal two segments at a time (one per core), then store them; memory stays at a
            // few segments whatever the vault size.
            let mut written = 0;
            for group in (0..n).collect::<Vec<_>>().chunks(2) {
                let sealed: Vec<Result<CacheSegmentRow>> = group
                    .par_iter()
                    .map(|&i| {
                        let seg = Segment {
                            format: CACHE_FORMAT.into(),
                            vault: vault_id.clone(),
                            seq: first + i as u64,
                            covered,
                            records: chunks
                                .get(i)
                                .map_or(vec![], |c| c.iter().map(|r| (*r).clone()).collect()),
                            attachments: att_chunks
                                .get(i)
                                .map_or(vec![], |c| c.iter().map(|a| (*a).clone()).collect()),
                        };
                        seal_segment(key, &recipient, &seg)
                    })
                    .collect();
                for row in sealed {
                    tx.insert_cache_segment(&row?)?;
                    written += 1;
                }
            }
            Ok(written)
        })
    }
}

/// What the cached items are checked against: the newest revision of every record and the
/// leaf hash of its ledger entry (the entry names the id and revision and commits to the
/// SHA-256 of the ciphertext an item was decrypted from).
struct CurrentRevisions {
    /// Record id -> (newest revision, its ledger leaf).
    latest: FxHashMap<String, (u32, u64)>,
    /// The ledger leaf of every stored record revision (an item naming another leaf names a
    /// revision that was deleted).
    present: rustc_hash::FxHashSet<u64>,
    /// Ledger leaf -> the leaf hash the signed checkpoints commit to (`verify` checks each
    /// against its entry bytes).
    entry_hash: FxHashMap<u64, merkle::Hash>,
}

impl CurrentRevisions {
    /// True when `item` is the newest revision of its record, at the same leaf, decrypted from
    /// the ciphertext the ledger entry still commits to.
    fn holds(&self, item: &CachedRecord) -> bool {
        let Some(&(revision, leaf)) = self.latest.get(&item.id) else {
            return false;
        };
        let Some(hash) = self.entry_hash.get(&leaf) else {
            return false;
        };
        let mut lh = [0u8; 64];
        revision == item.revision
            && leaf == item.leaf
            && hex::encode_to_slice(hash, &mut lh).is_ok()
            && item.lh.as_bytes() == lh
    }
}

/// Reads the newest revision of every record (from the `records_by_leaf` index) and their leaf
/// hashes (from the `ledger_hashes` index); no ciphertext or entry is read.
fn current_revisions(tx: &crate::store::Tx<'_>) -> Result<CurrentRevisions> {
    let mut latest: FxHashMap<String, (u32, u64)> = FxHashMap::default();
    let keys = tx.record_keys()?;
    let present: rustc_hash::FxHashSet<u64> = keys.iter().map(|k| k.leaf_index).collect();
    for k in keys {
        match latest.get_mut(&k.id) {
            Some(l) if l.0 >= k.revision => {}
            Some(l) => *l = (k.revision, k.leaf_index),
            None => {
                latest.insert(k.id, (k.revision, k.leaf_index));
            }
        }
    }
    let mut entry_hash: FxHashMap<u64, merkle::Hash> = FxHashMap::default();
    entry_hash.reserve(latest.len());
    let wanted: rustc_hash::FxHashSet<u64> = latest.values().map(|(_, leaf)| *leaf).collect();
    tx.for_each_leaf_hash(|index, hash| {
        if wanted.contains(&index) {
            if let Ok(bytes) = <merkle::Hash>::try_from(hash) {
                entry_hash.insert(index, bytes);
            }
        }
        Ok(())
    })?;
    Ok(CurrentRevisions {
        latest,
        present,
        entry_hash,
    })
}

fn decrypt_row(master: &MasterKey, row: &RecordRow, c: &Committed) -> Result<CachedRecord> {
    let ct = sha256_hex(&row.ciphertext);
    reads::check_record_ciphertext(row, &ct, c)?;
    let (body, key) = open_record_keeping_key(master, row)?;
    reads::check_record_body(row, &body, c)?;
    Ok(CachedRecord::from_body(
        body,
        row.leaf_index,
        ct,
        hex::encode(c.leaf_hash),
        &key,
    ))
}

/// SHA-256 over what a listing shows of a record revision (its time of recording and its
/// incident), to compare a cached item with the record it was decrypted from.
pub(crate) fn shown_digest(recorded_at: &DateTime<Utc>, incident: &Incident) -> [u8; 32] {
    use sha2::{Digest, Sha256};
    let json = serde_json::to_vec(&(recorded_at, incident)).unwrap_or_default();
    Sha256::digest(json).into()
}

/// What `verify --full` takes from the cache for one record revision.
pub(crate) struct CachedOpening {
    /// Hex SHA-256 of the ciphertext the item was decrypted from.
    pub ct: String,
    pub key: FileKeyBytes,
    /// [`shown_digest`] of the cached item.
    pub shown: [u8; 32],
}

/// One record item of a segment, as `verify` checks it against the ledger.
pub(crate) struct CachedItemRef {
    /// The segment holding it.
    pub seq: u64,
    pub id: String,
    pub revision: u32,
    pub leaf: u64,
    /// Hex SHA-256 of the ciphertext it was decrypted from.
    pub ct: String,
    /// Hex leaf hash of the entry it was checked against.
    pub lh: String,
}

/// What `verify` learns from the cache.
pub(crate) struct SegmentCheck {
    /// File keys by ledger leaf.
    pub keys: HashMap<u64, CachedOpening>,
    /// (segment number, reason) for each segment that failed.
    pub problems: Vec<(u64, Text)>,
    /// Every record item of the segments that opened.
    pub items: Vec<CachedItemRef>,
}

/// Segments opened per step while verifying (memory holds that many).
const VERIFY_SEGMENTS: usize = 2;

/// `verify`'s look at the cache: every segment's signature and `covered`, and with the master
/// key its decryption and format. Returns the file keys of the record items by ledger leaf,
/// and a reason for each segment that fails.
pub(crate) fn check_segments(
    tx: &crate::store::Tx<'_>,
    vault_id: &str,
    public: &VerifyingKey,
    master: Option<&MasterKey>,
    ledger_size: u64,
) -> Result<SegmentCheck> {
    let mut keys = HashMap::new();
    let mut problems = Vec::new();
    let mut items = Vec::new();
    tx.for_each_cache_segment_batch(VERIFY_SEGMENTS, |rows| {
        let opened: Vec<_> = rows
            .par_iter()
            .map(|row| {
                let res = if row.covered > ledger_size {
                    Err(problem_text!("verify-cache-beyond-ledger"))
                } else {
                    open_segment(row, vault_id, public, master)
                };
                (row.seq, res)
            })
            .collect();
        for (seq, res) in opened {
            match res {
                Err(reason) => problems.push((seq, reason)),
                Ok(None) => {}
                Ok(Some(seg)) => {
                    for r in seg.records {
                        items.push(CachedItemRef {
                            seq,
                            id: r.id.clone(),
                            revision: r.revision,
                            leaf: r.leaf,
                            ct: r.ct.clone(),
                            lh: r.lh.clone(),
                        });
                        let Some(key) = r.fk.as_deref().and_then(|k| file_key_from_hex(k)) else {
                            continue;
                        };
                        let shown = shown_digest(&r.recorded_at, &r.incident);
                        keys.insert(
                            r.leaf,
                            CachedOpening {
                                ct: r.ct,
                                key,
                                shown,
                            },
                        );
                    }
                }
            }
        }
        Ok(())
    })?;
    Ok(SegmentCheck {
        keys,
        problems,
        items,
    })
}

fn file_key_from_hex(text: &str) -> Option<FileKeyBytes> {
    let mut key = zeroize::Zeroizing::new([0u8; 16]);
    hex::decode_to_slice(text, &mut key[..]).ok()?;
    Some(FileKeyBytes(key))
}

#[cfg(test)]
mod tests {
    //! A forgery cached by an earlier version (items of the earlier format were made from
    //! whatever the rows held): `list` never shows it and keeps its segment as evidence, and
    //! `verify` reports the item. The segment is made and signed here with the vault's own key,
    //! as that earlier version did during the attack (a swapped ciphertext while it listed).
    use super::*;
    use crate::crypto::kdf;
    use crate::record::Kind;
    use crate::secret::Passphrase;
    use crate::vault::Vault;
    use crate::when::When;

    const PASS: &str = "correct horse battery staple 4 tests";

    fn incident(text: &str) -> Incident {
        Incident {
            kind: Kind::Raid,
            occurred_at: When::At(
                chrono::DateTime::parse_from_rfc3339("2026-11-20T14:30:00-06:00").unwrap(),
            ),
            location: None,
            narrative: text.into(),
            agents: vec![],
            vehicles: vec![],
            witnesses: vec![],
            tags: vec![],
        }
    }

    fn unlock(dir: &std::path::Path) -> Unlocked {
        Vault::open(dir)
            .unwrap()
            .unlock(&Passphrase::new(PASS.into()), false)
            .unwrap()
    }

    #[test]
    fn a_forged_item_of_the_earlier_format_is_never_listed_kept_and_reported() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("vault");
        let mut v = Vault::init(&dir, &Passphrase::new(PASS.into()), kdf::FLOOR).unwrap();
        let id = v.add(incident("agents raided the building")).unwrap();
        v.add(incident("a car followed me")).unwrap();
        drop(v);
        let mut u = unlock(&dir);
        u.list().unwrap();
        // The poisoned segment: the genuine id, revision, leaf and leaf hash, a forged incident
        // and the hash of the forged ciphertext it was decrypted from.
        let (leaf, lh, covered, seq) = u
            .vault
            .store
            .read(|tx| {
                let row = tx.record_revision(&id, 1)?.unwrap();
                let (entry, _) = tx.ledger_leaf(row.leaf_index)?.unwrap();
                Ok((
                    row.leaf_index,
                    hex::encode(merkle::leaf_hash(&entry)),
                    tx.ledger_size()?,
                    tx.next_cache_seq()?,
                ))
            })
            .unwrap();
        let forged = Segment {
            format: LEGACY_CACHE_FORMAT.into(),
            vault: u.vault.id.clone(),
            seq,
            covered,
            records: vec![CachedRecord {
                id: id.clone(),
                revision: 1,
                leaf,
                ct: sha256_hex(b"the forged ciphertext"),
                lh,
                fk: None,
                recorded_at: Utc::now(),
                incident: incident("no raid took place"),
                withdrawn: None,
            }],
            attachments: vec![],
        };
        let row = seal_segment(&u.signing, &u.vault.recipient, &forged).unwrap();
        u.vault
            .store
            .write(|tx| tx.insert_cache_segment(&row))
            .unwrap();
        drop(u);

        for _ in 0..2 {
            let mut u = unlock(&dir);
            let texts: Vec<String> = u.list().unwrap().into_iter().map(|r| r.narrative).collect();
            assert!(!texts.iter().any(|t| t.contains("no raid")), "{texts:?}");
            assert!(
                texts.iter().any(|t| t.contains("agents raided")),
                "{texts:?}"
            );
            let kept = u
                .vault
                .store
                .read(|tx| Ok(tx.cache_segments()?.iter().any(|r| r.seq == seq)))
                .unwrap();
            assert!(kept, "the evidence segment was dropped");
        }
        let mut u = unlock(&dir);
        let report = u.verify(None, None).unwrap();
        let forged: Vec<_> = report
            .problems
            .iter()
            .filter(|p| p.kind == crate::problem::ProblemKind::CacheForged)
            .collect();
        assert_eq!(forged.len(), 1, "{:?}", report.problems);
        assert_eq!(forged[0].item.english(), format!("record {id} revision 1"));
        assert!(forged[0]
            .detail
            .english()
            .contains(&format!("segment {seq}")));
    }

    #[test]
    fn an_honest_segment_of_the_earlier_format_is_replaced() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("vault");
        let mut v = Vault::init(&dir, &Passphrase::new(PASS.into()), kdf::FLOOR).unwrap();
        v.add(incident("one")).unwrap();
        drop(v);
        let mut u = unlock(&dir);
        u.list().unwrap();
        // Rewrite the cache as an earlier version would have: the same items, format 1.
        let rows = u.vault.store.read(|tx| tx.cache_segments()).unwrap();
        let master = &u.master;
        let public = u.signing.verifying_key();
        let mut old = Vec::new();
        for row in &rows {
            let mut seg = open_segment(row, &u.vault.id, &public, Some(master))
                .unwrap()
                .unwrap();
            seg.format = LEGACY_CACHE_FORMAT.into();
            old.push(seal_segment(&u.signing, &u.vault.recipient, &seg).unwrap());
        }
        u.vault
            .store
            .write(|tx| {
                tx.clear_cache()?;
                old.iter().try_for_each(|r| tx.insert_cache_segment(r))
            })
            .unwrap();
        let (views, stats) = u.list_with_stats().unwrap();
        assert_eq!(views.len(), 1);
        assert_eq!((stats.hits, stats.decrypted), (0, 1));
        let left = u.vault.store.read(|tx| tx.cache_segments()).unwrap();
        let formats: Vec<String> = left
            .iter()
            .map(|r| {
                open_segment(r, &u.vault.id, &public, Some(&u.master))
                    .unwrap()
                    .unwrap()
                    .format
            })
            .collect();
        assert!(formats.iter().all(|f| f == CACHE_FORMAT), "{formats:?}");
        let report = u.verify(None, None).unwrap();
        assert!(report.ok(), "{:?}", report.problems);
    }

    #[test]
    fn items_of_the_current_format_all_pass_verify() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("vault");
        let mut v = Vault::init(&dir, &Passphrase::new(PASS.into()), kdf::FLOOR).unwrap();
        let id = v.add(incident("one")).unwrap();
        v.add(incident("two")).unwrap();
        drop(v);
        let mut u = unlock(&dir);
        u.list().unwrap();
        u.amend(&id, |i| {
            i.narrative = "one, corrected".into();
            Ok(())
        })
        .unwrap();
        u.list().unwrap();
        let report = u.verify(None, None).unwrap();
        assert!(report.ok(), "{:?}", report.problems);
    }
}
