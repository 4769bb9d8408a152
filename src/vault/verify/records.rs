//! Record rows against their ledger entries, the list cache's items, and (full tier) every
//! record revision decrypted and rechecked as it streams past.

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;

use crate::crypto::keys::MasterKey;
use crate::crypto::sha256_hex;
use crate::ledger::rotation::Rotation;
use crate::ledger::{merkle, Entry};
use crate::store::RecordRow;
use crate::vault::cache::{self, CachedOpening};
use crate::vault::{open_record, open_record_with_key};
use crate::Result;

use super::{problem, Problem, ProblemKind, Problems};
use crate::problem::item;
use crate::problem_text;

pub(super) fn check_records(
    rows: &[RecordDigest],
    entries: &BTreeMap<u64, Entry>,
    rotation: &Rotation,
    p: &mut Problems,
) {
    let mut revisions: HashMap<&str, Vec<u32>> = HashMap::new();
    for row in rows {
        let item = item::record_revision(&row.id, row.revision);
        revisions.entry(&row.id).or_default().push(row.revision);
        match entries.get(&row.leaf_index) {
            Some(Entry::Record {
                id,
                revision,
                ciphertext_sha256,
                ..
            }) if *id == row.id && *revision == row.revision => {
                let want = rotation
                    .commitment(row.leaf_index)
                    .map_or(ciphertext_sha256, |c| &c.sha256);
                if row.ciphertext_sha256 != *want {
                    p.add(
                        ProblemKind::RecordCiphertextHash,
                        item,
                        problem_text!("verify-record-ciphertext-hash"),
                    );
                }
            }
            _ => p.add(
                ProblemKind::RecordLeaf,
                item,
                problem_text!("verify-record-leaf", leaf = row.leaf_index),
            ),
        }
    }
    for (id, mut revs) in revisions {
        revs.sort_unstable();
        if revs.iter().enumerate().any(|(i, r)| *r != i as u32 + 1) {
            p.add(
                ProblemKind::RecordRevisions,
                problem_text!("verify-item-record", id = id),
                problem_text!("verify-record-revisions", revisions = format!("{revs:?}")),
            );
        }
    }
}

/// Every list-cache item that names the current ledger entry of its revision (same leaf, id,
/// revision and leaf hash: what `list` would use it for) must have been decrypted from a
/// ciphertext that entry (or its newest re-encryption) commits to. Otherwise `list` could show it
/// in place of the record: a forgery cached while a swapped ciphertext was in place. Items naming
/// another entry are stale, never used; a changed ledger is reported by its own checks.
pub(super) fn check_cache_items(
    items: &[cache::CachedItemRef],
    entries: &BTreeMap<u64, Entry>,
    leaves: &[merkle::Hash],
    rotation: &Rotation,
    p: &mut Problems,
) {
    for item in items {
        let Some(Entry::Record {
            id,
            revision,
            ciphertext_sha256,
            ..
        }) = entries.get(&item.leaf)
        else {
            continue;
        };
        let current = *id == item.id
            && *revision == item.revision
            && leaves
                .get(item.leaf as usize)
                .is_some_and(|h| hex::encode(h) == item.lh);
        if !current {
            continue;
        }
        let committed = rotation
            .commitment(item.leaf)
            .map_or(ciphertext_sha256, |c| &c.sha256);
        if item.ct != *committed {
            p.add(
                ProblemKind::CacheForged,
                item::record_revision(&item.id, item.revision),
                problem_text!("verify-cache-forged", seq = item.seq),
            );
        }
    }
}

/// Record rows read per batch by the streaming passes (about 4.5 MB of ciphertext).
pub(super) const RECORD_BATCH: usize = 1024;

/// A record revision as tier 1 needs it: the SHA-256 of its ciphertext instead of the bytes.
pub(super) struct RecordDigest {
    pub(super) id: String,
    pub(super) revision: u32,
    pub(super) leaf_index: u64,
    pub(super) ciphertext_sha256: String,
}

/// What the full tier needs to recheck each record revision as it streams past.
pub(super) struct DeepCheck<'a> {
    pub(super) master: &'a MasterKey,
    /// File keys kept in the signed list cache, by ledger leaf.
    pub(super) cached: &'a HashMap<u64, CachedOpening>,
    pub(super) entries: &'a BTreeMap<u64, Entry>,
    /// How many revisions opened with a cached key.
    pub(super) keyed: &'a std::sync::atomic::AtomicU64,
    pub(super) tick: &'a (dyn Fn() + Sync),
}

/// Every record revision with its ciphertext hashed and, with `deep`, decrypted and rechecked;
/// rows stream in batches, each worked on every core, so memory holds one batch of ciphertexts.
pub(super) fn scan_records(
    tx: &crate::store::Tx<'_>,
    deep: Option<&DeepCheck<'_>>,
) -> Result<(Vec<RecordDigest>, Vec<Problem>)> {
    let mut digests = Vec::new();
    let mut problems = Vec::new();
    tx.for_each_record_batch(false, RECORD_BATCH, |batch| {
        let checked: Vec<(RecordDigest, Vec<Problem>)> = batch
            .into_par_iter()
            .map(|row| {
                let ciphertext_sha256 = sha256_hex(&row.ciphertext);
                let found = deep
                    .map(|d| d.check(&row, &ciphertext_sha256))
                    .unwrap_or_default();
                let digest = RecordDigest {
                    ciphertext_sha256,
                    id: row.id,
                    revision: row.revision,
                    leaf_index: row.leaf_index,
                };
                (digest, found)
            })
            .collect();
        for (digest, found) in checked {
            digests.push(digest);
            problems.extend(found);
        }
        Ok(())
    })?;
    Ok((digests, problems))
}

impl DeepCheck<'_> {
    /// Decrypts one revision, checks its embedded id and revision and recomputes its field
    /// digests; `ciphertext_sha256` is the hash tier 1 took of the same bytes.
    fn check(&self, row: &RecordRow, ciphertext_sha256: &str) -> Vec<Problem> {
        let item = item::record_revision(&row.id, row.revision);
        let mut found = Vec::new();
        let opened = match self.cached.get(&row.leaf_index) {
            // The key in the signed cache was unwrapped from this very ciphertext when it was
            // listed; age still checks the header MAC and every chunk with it.
            Some(c) if c.ct == ciphertext_sha256 => match open_record_with_key(row, &c.key) {
                Ok(body) => {
                    self.keyed
                        .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    if cache::shown_digest(&body.recorded_at, &body.incident) != c.shown {
                        found.push(problem(
                            ProblemKind::CacheItem,
                            item.clone(),
                            problem_text!("verify-cache-item-shown"),
                        ));
                    }
                    Ok(body)
                }
                Err(_) => {
                    found.push(problem(
                        ProblemKind::CacheItem,
                        item.clone(),
                        problem_text!("verify-cache-item-key"),
                    ));
                    open_record(self.master, row)
                }
            },
            _ => open_record(self.master, row),
        };
        found.extend(match opened {
            Err(e) => Some(problem(
                ProblemKind::RecordDecrypt,
                item,
                problem_text!(
                    "verify-record-decrypt",
                    error = e.text_in(crate::i18n::Lang::En)
                ),
            )),
            Ok(body) => match (body.digests(), self.entries.get(&row.leaf_index)) {
                (Ok(d), Some(Entry::Record { fields, .. })) if d == *fields => None,
                (Ok(_), Some(Entry::Record { .. })) => Some(problem(
                    ProblemKind::FieldDigest,
                    item,
                    problem_text!("verify-record-field-digest"),
                )),
                (Err(e), _) => Some(problem(
                    ProblemKind::RecordDecode,
                    item,
                    problem_text!(
                        "verify-record-decode",
                        error = e.text_in(crate::i18n::Lang::En)
                    ),
                )),
                _ => None, // already reported by tier 1
            },
        });
        (self.tick)();
        found
    }
}
