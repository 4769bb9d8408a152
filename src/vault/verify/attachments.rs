//! Attachments: rows against their entries, blob files, the quarantine folder, and (full tier)
//! every description and blob decrypted and rehashed on a pool of their own.

use std::collections::{BTreeMap, HashMap, HashSet};

use rayon::prelude::*;

use crate::crypto::keys::MasterKey;
use crate::crypto::sha256_hex;
use crate::ledger::rotation::{self, Rotation};
use crate::ledger::Entry;
use crate::record::attachment::AttachmentBody;
use crate::store::AttachmentRow;
use crate::vault::{check_blob, open_attachment};

use super::{problem, Problem, ProblemKind, Problems};
use crate::problem::{item, Text};
use crate::problem_text;

/// Blob hashes left to the full tier, which hashes each blob while decrypting it: attachment id
/// -> the hex SHA-256 its ledger entry (or newest re-encryption) commits to.
pub(super) type DeferredHashes = HashMap<String, String>;

pub(super) fn check_attachments(
    rows: &[AttachmentRow],
    entries: &BTreeMap<u64, Entry>,
    rotation: &Rotation,
    blob_dir: &std::path::Path,
    defer_hashes: bool,
    deferred: &mut DeferredHashes,
    p: &mut Problems,
) -> (u64, usize) {
    let mut bytes: u64 = 0;
    let checks: Vec<_> = rows
        .par_iter()
        .map(|row| check_attachment(row, entries, rotation, blob_dir, defer_hashes))
        .collect();
    for (row, check) in rows.iter().zip(checks) {
        bytes = bytes.saturating_add(row.blob_size); // sizes come from a file that may be damaged
        match check {
            Ok(None) => {}
            Ok(Some(sha)) => {
                deferred.insert(row.id.clone(), sha);
            }
            Err(problem) => p.0.push(problem),
        }
    }
    // Files nobody owns: leftovers of an interrupted attach or rekey, or blobs a newer copy of
    // the database recorded (see `Vault::clean_leftovers`).
    let owned: HashSet<&str> = rows.iter().map(|r| r.blob.as_str()).collect();
    let mut leftovers = 0;
    if let Ok(dir) = std::fs::read_dir(blob_dir) {
        for e in dir.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if !owned.contains(name.as_str()) {
                leftovers += 1;
            }
        }
    }
    (bytes, leftovers)
}

/// Files in the vault's quarantine folder: complete blob files no attachment of this database
/// owned, moved there by the clean-up at unlock (never deleted). Each is a problem until the
/// owner decides: it may be the only copy of an attachment another copy of `vault.db` recorded.
pub(super) fn check_quarantine(vault_dir: &std::path::Path, p: &mut Problems) {
    let dir = vault_dir.join(crate::store::QUARANTINE_DIR);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    let mut names: Vec<String> = entries
        .flatten()
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            // Names vault gives are hex digits and dots; anything else was planted: escaped.
            if name.bytes().all(|b| b.is_ascii_hexdigit() || b == b'.') {
                name
            } else {
                name.escape_debug().to_string()
            }
        })
        .collect();
    names.sort();
    for name in names {
        let path = dir.join(&name);
        p.add(
            ProblemKind::Quarantine,
            item::file(&format!("{}/{name}", crate::store::QUARANTINE_DIR)),
            problem_text!("verify-quarantine-file", path = path.display().to_string()),
        );
    }
}

/// The blob hash, blob size and description hash the ledger commits to for an attachment row
/// (its entry, or its newest re-encryption), or `None` when its leaf is not its entry.
pub(super) fn committed_blob<'e>(
    row: &AttachmentRow,
    entries: &'e BTreeMap<u64, Entry>,
    rotation: &'e Rotation,
) -> Option<(&'e String, u64, &'e String)> {
    match entries.get(&row.leaf_index) {
        Some(Entry::Attachment {
            id,
            record,
            blob_sha256,
            blob_size,
            meta_sha256,
            ..
        }) if *id == row.id && *record == row.record_id => {
            match rotation.commitment(row.leaf_index) {
                Some(rotation::Commitment {
                    sha256,
                    blob_sha256: Some(b),
                    blob_size: Some(n),
                    ..
                }) => Some((b, *n, sha256)),
                _ => Some((blob_sha256, *blob_size, meta_sha256)),
            }
        }
        _ => None,
    }
}

/// Tier 1 for one attachment. `Ok(Some(hash))`: all fine so far, and checking the blob against
/// `hash` is left to the full tier.
pub(super) fn check_attachment(
    row: &AttachmentRow,
    entries: &BTreeMap<u64, Entry>,
    rotation: &Rotation,
    blob_dir: &std::path::Path,
    defer_hash: bool,
) -> std::result::Result<Option<String>, Problem> {
    let item = item::attachment(&row.id, &row.record_id);
    let Some((blob_sha, blob_size, meta_sha)) = committed_blob(row, entries, rotation) else {
        return Err(problem(
            ProblemKind::AttachmentLeaf,
            item,
            problem_text!("verify-attachment-leaf", leaf = row.leaf_index),
        ));
    };
    if sha256_hex(&row.meta) != *meta_sha {
        return Err(problem(
            ProblemKind::AttachmentDescriptionHash,
            item,
            problem_text!("verify-attachment-description-hash"),
        ));
    }
    let path = blob_dir.join(&row.blob);
    let Ok(meta) = std::fs::metadata(&path) else {
        return Err(problem(
            ProblemKind::AttachmentMissing,
            item,
            problem_text!("verify-attachment-file-missing"),
        ));
    };
    if meta.len() != blob_size || row.blob_size != blob_size {
        return Err(problem(
            ProblemKind::AttachmentSize,
            item,
            problem_text!(
                "verify-attachment-size",
                size = meta.len(),
                expected = blob_size
            ),
        ));
    }
    if defer_hash {
        return Ok(Some(blob_sha.clone()));
    }
    match blob_hash_problem(item, &path, blob_sha) {
        Some(p) => Err(p),
        None => Ok(None),
    }
}

/// Hashes a blob file and compares it with what its ledger entry commits to.
pub(super) fn blob_hash_problem(
    item: Text,
    path: &std::path::Path,
    expected: &str,
) -> Option<Problem> {
    match hash_path(path) {
        Ok(h) => blob_hash_mismatch(item, &h, expected),
        Err(e) => Some(problem(
            ProblemKind::AttachmentUnreadable,
            item,
            problem_text!("verify-attachment-unreadable", error = e.to_string()),
        )),
    }
}

pub(super) fn blob_hash_mismatch(item: Text, found: &str, expected: &str) -> Option<Problem> {
    (found != expected).then(|| {
        problem(
            ProblemKind::AttachmentHash,
            item,
            problem_text!("verify-attachment-hash"),
        )
    })
}

pub(super) fn hash_path(path: &std::path::Path) -> std::io::Result<String> {
    use sha2::Digest;
    let mut f =
        std::io::BufReader::with_capacity(1 << 20, crate::fsutil::open_regular_nofollow(path)?);
    let mut h = sha2::Sha256::new();
    std::io::copy(&mut f, &mut h)?;
    Ok(hex::encode(h.finalize()))
}

/// What decrypting one attachment gave, before its ledger entry is consulted.
pub(super) struct OpenedAttachment {
    /// The decrypted description, or why it did not decrypt.
    body: std::result::Result<AttachmentBody, String>,
    /// When the description decrypted: the SHA-256 of the blob file, taken while reading it,
    /// once its plaintext checked out (size, padding, SHA-256 and a clean end); or why not.
    blob: Option<std::result::Result<[u8; 32], String>>,
}

/// Tier 2 for the attachments, needing nothing from tier 1: decrypts every description and blob
/// on the pool, largest blob first so that the small ones fill both cores at the end. Results
/// come back in the order of `rows`.
pub(super) fn open_attachments(
    master: &MasterKey,
    rows: &[AttachmentRow],
    blob_dir: &std::path::Path,
    tick: &(dyn Fn() + Sync),
) -> Vec<OpenedAttachment> {
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(rows[i].blob_size));
    // A pool of their own: on the shared one, every short parallel step of the other checks
    // would wait behind a whole blob.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(rayon::current_num_threads())
        .build();
    // A blob larger than all the others together would leave one core idle for most of its
    // time if a single thread checked it: that one is spread over three threads instead.
    let total = rows
        .iter()
        .fold(0u64, |sum, r| sum.saturating_add(r.blob_size));
    let alone = order.first().copied().filter(|&i| {
        rayon::current_num_threads() > 1
            && rows[i].blob_size > total.saturating_sub(rows[i].blob_size)
    });
    let open = || open_in_order(master, rows, &order, alone, blob_dir, tick);
    let mut opened = match pool {
        Ok(pool) => pool.install(open),
        Err(_) => open(),
    };
    opened.sort_unstable_by_key(|(i, _)| *i);
    opened.into_iter().map(|(_, o)| o).collect()
}

pub(super) fn open_in_order(
    master: &MasterKey,
    rows: &[AttachmentRow],
    order: &[usize],
    alone: Option<usize>,
    blob_dir: &std::path::Path,
    tick: &(dyn Fn() + Sync),
) -> Vec<(usize, OpenedAttachment)> {
    order
        .par_iter()
        .with_max_len(1)
        .map(|&i| {
            let row = &rows[i];
            let body = open_attachment(master, row).map_err(|e| e.text_in(crate::i18n::Lang::En));
            let blob = body.as_ref().ok().map(|body| {
                let mut blob_hash = [0u8; 32];
                check_blob(
                    master,
                    &blob_dir.join(&row.blob),
                    body,
                    &mut blob_hash,
                    alone == Some(i),
                )
                .map(|()| blob_hash)
                .map_err(|e| e.text_in(crate::i18n::Lang::En))
            });
            tick();
            (i, OpenedAttachment { body, blob })
        })
        .collect()
}

/// The tier-2 problems of the attachments, from what [`open_attachments`] found, the hashes
/// tier 1 left to it and the ledger entries.
pub(super) fn attachment_problems(
    rows: &[AttachmentRow],
    opened: Vec<OpenedAttachment>,
    deferred: &DeferredHashes,
    entries: &BTreeMap<u64, Entry>,
    blob_dir: &std::path::Path,
) -> Vec<Problem> {
    let mut found = Vec::new();
    for (row, opened) in rows.iter().zip(opened) {
        let item = item::attachment(&row.id, &row.record_id);
        let expected = deferred.get(&row.id);
        // Whether the blob hash deferred from tier 1 was taken while decrypting.
        let mut hashed = false;
        match opened.body {
            Err(e) => found.push(problem(
                ProblemKind::AttachmentDecrypt,
                item.clone(),
                problem_text!("verify-attachment-decrypt", error = e),
            )),
            Ok(body) => {
                let digests_ok = match (body.digests(), entries.get(&row.leaf_index)) {
                    (Ok(d), Some(Entry::Attachment { fields, .. })) => d == *fields,
                    _ => true,
                };
                if !digests_ok {
                    found.push(problem(
                        ProblemKind::FieldDigest,
                        item.clone(),
                        problem_text!("verify-attachment-field-digest"),
                    ));
                } else {
                    match opened.blob {
                        Some(Ok(blob_hash)) => {
                            if let Some(want) = expected {
                                hashed = true;
                                found.extend(blob_hash_mismatch(
                                    item.clone(),
                                    &hex::encode(blob_hash),
                                    want,
                                ));
                            }
                        }
                        Some(Err(e)) => found.push(problem(
                            ProblemKind::AttachmentPlaintext,
                            item.clone(),
                            problem_text!("verify-attachment-plaintext", error = e),
                        )),
                        None => {}
                    }
                }
            }
        }
        if let (Some(want), false) = (expected, hashed) {
            found.extend(blob_hash_problem(item, &blob_dir.join(&row.blob), want));
        }
    }
    found
}
