//! The ledger: leaf hashes and gaps, the genesis entry, checkpoints and their consistency,
//! the trust seal, entries written without the passphrase, and receipts.

use std::collections::{BTreeMap, HashMap};

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use rayon::prelude::*;

use crate::crypto::keys::MasterKey;
use crate::ledger::checkpoint::{self, Checkpoint};
use crate::ledger::rotation::Rotation;
use crate::ledger::{self, merkle, Entry};
use crate::store::LedgerRow;
use crate::vault::trust::{self, Identity, Seal, TrustKey};
use crate::vault::Vault;

use super::{entry_item, ProblemKind, Problems, ReceiptResult};
use crate::problem::{item, Text};
use crate::problem_text;

/// Ledger rows read per batch by `verify` (entries are about 1 KB).
pub(super) const LEDGER_BATCH: usize = 4096;

/// Checks one batch of ledger rows (in index order) and adds their entries; `expected` is the
/// index the batch should start at, and is moved past it.
pub(super) fn check_leaves(
    rows: &[LedgerRow],
    expected: &mut u64,
    entries: &mut BTreeMap<u64, Entry>,
    p: &mut Problems,
) {
    // Hashing and parsing each entry on every core; the findings are then taken in order.
    let checked: Vec<(bool, std::result::Result<Entry, String>)> = rows
        .par_iter()
        .map(|row| {
            (
                merkle::leaf_hash(&row.entry) == row.leaf_hash,
                Entry::from_bytes(&row.entry).map_err(|e| e.text_in(crate::i18n::Lang::En)),
            )
        })
        .collect();
    // Rows come sorted by index; each gap is reported once, naming the leaves it lacks.
    for (row, (hash_ok, entry)) in rows.iter().zip(checked) {
        let item = item::ledger_leaf(row.index);
        if row.index > *expected {
            p.add(
                ProblemKind::LedgerGap,
                item::ledger_leaf(*expected),
                problem_text!(
                    "verify-ledger-gap",
                    count = row.index - *expected,
                    first = *expected,
                    last = row.index - 1
                ),
            );
        }
        *expected = row.index.saturating_add(1);
        if !hash_ok {
            p.add(
                ProblemKind::LeafHash,
                item.clone(),
                problem_text!("verify-leaf-hash"),
            );
        }
        match entry {
            Ok(e) => {
                entries.insert(row.index, e);
            }
            Err(e) => p.add(
                ProblemKind::LedgerEntry,
                item,
                problem_text!("verify-ledger-entry-unreadable", error = e),
            ),
        }
    }
}

pub(super) fn check_genesis(
    entries: &BTreeMap<u64, Entry>,
    meta: &(String, String, String),
    rotation: &Rotation,
    vault: &Vault,
    p: &mut Problems,
) {
    match entries.get(&0) {
        Some(Entry::Genesis {
            vault: id,
            master_recipient,
            signing_key,
            ..
        }) => {
            if *id != meta.0 {
                p.add(
                    ProblemKind::Genesis,
                    item::ledger_leaf(0),
                    problem_text!("verify-genesis-vault-id"),
                );
            }
            // After a rekey the recipient in force is the latest rekey entry's.
            let current = rotation
                .current_recipient
                .as_ref()
                .unwrap_or(master_recipient);
            if *current != meta.1 {
                p.add(
                    ProblemKind::MasterRecipient,
                    problem_text!("verify-item-vault-metadata"),
                    problem_text!("verify-master-recipient"),
                );
            }
            if *signing_key != meta.2
                || STANDARD.encode(vault.signing_public().as_bytes()) != *signing_key
            {
                p.add(
                    ProblemKind::SigningKey,
                    problem_text!("verify-item-vault-metadata"),
                    problem_text!("verify-signing-key"),
                );
            }
        }
        _ => p.add(
            ProblemKind::Genesis,
            item::ledger_leaf(0),
            problem_text!("verify-genesis-not-first"),
        ),
    }
}

/// Checks every checkpoint; returns how many leaves the newest valid one covers, and the largest
/// size any row claims under a signature by the vault's key (whatever its root).
pub(super) fn check_checkpoints(
    vault: &Vault,
    leaves: &[merkle::Hash],
    notes: &[(u64, String)],
    p: &mut Problems,
) -> (u64, u64) {
    let origin = ledger::origin(vault.id());
    if notes.is_empty() {
        p.add(
            ProblemKind::CheckpointMissing,
            problem_text!("verify-item-checkpoints"),
            problem_text!("verify-checkpoint-none"),
        );
        return (0, 0);
    }
    // Roots of the current ledger at every checkpoint size, in one pass.
    let mut want: Vec<u64> = notes.iter().map(|(n, _)| *n).collect();
    want.sort_unstable();
    let mut roots: HashMap<u64, merkle::Hash> = HashMap::new();
    let mut acc = merkle::Accumulator::new();
    if want.first() == Some(&0) {
        roots.insert(0, acc.root());
    }
    let mut next = want.iter().peekable();
    for leaf in leaves {
        acc.push(*leaf);
        while next.peek().is_some_and(|n| **n < acc.size()) {
            next.next();
        }
        if next.peek() == Some(&&acc.size()) {
            roots.insert(acc.size(), acc.root());
        }
    }
    let mut valid: Vec<Checkpoint> = Vec::new();
    let mut claimed = 0;
    for (size, note) in notes {
        let item = problem_text!("verify-item-checkpoint-at", size = *size);
        let cp = match checkpoint::open_own(note, &origin, vault.signing_public()) {
            Ok(cp) => cp,
            Err(e) => {
                p.add(
                    ProblemKind::CheckpointSignature,
                    item,
                    problem_text!("verify-checkpoint-signature", error = e.to_string()),
                );
                continue;
            }
        };
        if cp.size != *size {
            p.add(
                ProblemKind::CheckpointSize,
                item,
                problem_text!("verify-checkpoint-size", size = cp.size),
            );
            continue;
        }
        claimed = claimed.max(*size);
        match roots.get(size) {
            None => p.add(
                ProblemKind::Rollback,
                item,
                problem_text!(
                    "verify-checkpoint-beyond-ledger",
                    size = *size,
                    leaves = leaves.len()
                ),
            ),
            Some(root) if *root != cp.root => p.add(
                ProblemKind::CheckpointRoot,
                item,
                problem_text!("verify-checkpoint-root"),
            ),
            Some(_) => valid.push(cp),
        }
    }
    // Every older checkpoint must be consistent with the newest (RFC 9162 §2.1.4).
    if let Some(newest) = valid.last().cloned() {
        let prefix = &leaves[..(newest.size as usize).min(leaves.len())];
        for old in valid[..valid.len() - 1].iter().filter(|c| c.size > 0) {
            let ok = merkle::consistency_proof(prefix, old.size)
                .ok()
                .map(|proof| {
                    merkle::verify_consistency(
                        old.size,
                        newest.size,
                        &old.root,
                        &newest.root,
                        &proof,
                    )
                    .is_ok()
                })
                .unwrap_or(false);
            if !ok {
                p.add(
                    ProblemKind::CheckpointConsistency,
                    problem_text!("verify-item-checkpoint-at", size = old.size),
                    problem_text!("verify-checkpoint-consistency", size = newest.size),
                );
            }
        }
        return (newest.size, claimed);
    }
    (0, claimed)
}

/// The trust seal (src/vault/trust.rs). Tier 1 can only tell that a seal the ledger promises is
/// missing; with the master key, the seal's MAC, the identity it binds and its high-water mark
/// are checked. Returns the sealed size when the seal is authentic and the ledger extends it (0
/// otherwise), so that entries it covers are not taken for forgeries when checkpoint rows were
/// deleted.
#[allow(clippy::too_many_arguments)]
pub(super) fn check_trust(
    vault_id: &str,
    entries: &BTreeMap<u64, Entry>,
    leaves: &[merkle::Hash],
    meta: &(String, String, String),
    seal: Option<&str>,
    signed: u64,
    master: Option<&MasterKey>,
    p: &mut Problems,
) -> u64 {
    let promised = entries
        .iter()
        .find(|(_, e)| matches!(e, Entry::Trust { .. }))
        .map(|(i, _)| *i);
    let Some(text) = seal else {
        if let Some(leaf) = promised {
            p.add(
                ProblemKind::TrustSeal,
                problem_text!("verify-item-vault-metadata"),
                problem_text!("verify-trust-seal-missing", leaf = leaf),
            );
        }
        return 0;
    };
    let Some(master) = master else {
        return 0;
    };
    let Ok(key) = TrustKey::derive(master) else {
        return 0;
    };
    let seal = match Seal::parse(text) {
        Ok(s) => s,
        Err(_) => {
            p.add(
                ProblemKind::TrustSeal,
                problem_text!("verify-item-vault-metadata"),
                problem_text!("verify-trust-seal-foreign"),
            );
            return 0;
        }
    };
    if !seal.authentic(&key) {
        p.add(
            ProblemKind::TrustSeal,
            problem_text!("verify-item-vault-metadata"),
            problem_text!("verify-trust-seal-key"),
        );
        return 0;
    }
    let identity = Identity {
        vault: vault_id.to_owned(),
        genesis: leaves.first().map(hex::encode).unwrap_or_default(),
        signing_key: meta.2.clone(),
        master_recipient: master.recipient().to_age_string(),
    };
    let wrong = seal.mismatches(&identity);
    if !wrong.is_empty() {
        let facts: Vec<Text> = wrong.iter().map(|fact| fact_text(fact)).collect();
        p.add(
            ProblemKind::TrustSeal,
            problem_text!("verify-item-vault-metadata"),
            problem_text!("verify-trust-seal-identity", facts = facts),
        );
    }
    let item = problem_text!("verify-item-checkpoint-at", size = seal.size);
    if seal.size > leaves.len() as u64 {
        p.add(
            ProblemKind::HighWater,
            item,
            problem_text!(
                "verify-high-water-shorter",
                leaves = leaves.len(),
                size = seal.size
            ),
        );
        return 0;
    }
    if Some(merkle::root(&leaves[..seal.size as usize])) != seal.root_hash() {
        p.add(
            ProblemKind::HighWater,
            item,
            problem_text!("verify-high-water-rewritten"),
        );
        return 0;
    }
    if seal.size > signed {
        p.add(
            ProblemKind::HighWater,
            item,
            problem_text!("verify-high-water-deleted", signed = signed),
        );
    }
    if wrong.is_empty() {
        seal.size
    } else {
        0
    }
}

/// Entries that only an unlocked command writes, which signs a checkpoint over them in the same
/// transaction, but that no checkpoint covers: they were written without the passphrase.
/// Rekey entries are reported as `rekey` already.
pub(super) fn check_forged(entries: &BTreeMap<u64, Entry>, signed: u64, p: &mut Problems) {
    for (index, e) in entries.range(signed..) {
        if trust::written_without_passphrase(e) || matches!(e, Entry::Rekey { .. }) {
            continue;
        }
        p.add(
            ProblemKind::ForgedEntry,
            item::ledger_leaf(*index),
            problem_text!("verify-forged-entry", entry = entry_item(e)),
        );
    }
}

pub(super) fn check_receipt(
    vault: &Vault,
    leaves: &[merkle::Hash],
    text: &str,
    p: &mut Problems,
) -> ReceiptResult {
    let origin = ledger::origin(vault.id());
    let before = p.0.len();
    let mut size = 0;
    match checkpoint::open_receipt(text, &origin, vault.signing_public()) {
        Err(e) => p.add(
            ProblemKind::Receipt,
            problem_text!("verify-item-receipt"),
            problem_text!("verify-receipt-not-signed", error = e.to_string()),
        ),
        Ok(cp) => {
            size = cp.size;
            if cp.size > leaves.len() as u64 {
                p.add(
                    ProblemKind::Rollback,
                    problem_text!("verify-item-receipt"),
                    problem_text!(
                        "verify-receipt-beyond-vault",
                        size = cp.size,
                        leaves = leaves.len()
                    ),
                );
            } else if merkle::root(&leaves[..cp.size as usize]) != cp.root {
                p.add(
                    ProblemKind::Rollback,
                    problem_text!("verify-item-receipt"),
                    problem_text!("verify-receipt-rewritten"),
                );
            }
        }
    }
    ReceiptResult {
        receipt_size: size,
        ok: p.0.len() == before,
    }
}

/// A fact the trust seal binds, as [`crate::vault::trust`] names it.
fn fact_text(fact: &str) -> Text {
    match fact {
        "vault id" => problem_text!("verify-fact-vault-id"),
        "creation entry" => problem_text!("verify-fact-creation-entry"),
        "signing key" => problem_text!("verify-fact-signing-key"),
        "master key" => problem_text!("verify-fact-master-key"),
        other => item::file(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::problem::Problem;

    fn rows(indexes: &[u64]) -> Vec<LedgerRow> {
        indexes
            .iter()
            .map(|&index| {
                let entry = format!("not an entry {index}").into_bytes();
                LedgerRow {
                    index,
                    leaf_hash: merkle::leaf_hash(&entry),
                    entry,
                }
            })
            .collect()
    }

    #[test]
    fn a_gap_across_ledger_batches_is_reported_once() {
        let mut expected = 0;
        let mut entries = BTreeMap::new();
        let mut p = Problems(Vec::new());
        check_leaves(&rows(&[0, 1, 2]), &mut expected, &mut entries, &mut p);
        check_leaves(&rows(&[5, 6]), &mut expected, &mut entries, &mut p);
        check_leaves(&rows(&[7]), &mut expected, &mut entries, &mut p);
        let gaps: Vec<&Problem> =
            p.0.iter()
                .filter(|x| x.kind == ProblemKind::LedgerGap)
                .collect();
        assert_eq!(gaps.len(), 1, "{:?}", p.0);
        assert_eq!(gaps[0].item.english(), "ledger leaf 3");
        assert_eq!(
            gaps[0].detail.english(),
            "leaves 3 to 4 are missing from the ledger"
        );
        assert_eq!(expected, 8);
        // The bytes are no entries, and each says so; their leaf hashes match.
        assert_eq!(
            p.0.iter()
                .filter(|x| x.kind == ProblemKind::LedgerEntry)
                .count(),
            6
        );
        assert!(p.0.iter().all(|x| x.kind != ProblemKind::LeafHash));
    }
}
