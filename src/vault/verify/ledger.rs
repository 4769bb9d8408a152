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

use super::{ProblemKind, Problems, ReceiptResult};

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
                Entry::from_bytes(&row.entry).map_err(|e| e.to_string()),
            )
        })
        .collect();
    // Rows come sorted by index; each gap is reported once, naming the leaves it lacks.
    for (row, (hash_ok, entry)) in rows.iter().zip(checked) {
        let item = format!("ledger leaf {}", row.index);
        if row.index > *expected {
            let missing = if row.index - *expected == 1 {
                format!("leaf {expected} is")
            } else {
                format!("leaves {expected} to {} are", row.index - 1)
            };
            p.add(
                ProblemKind::LedgerGap,
                format!("ledger leaf {expected}"),
                format!("{missing} missing from the ledger"),
            );
        }
        *expected = row.index.saturating_add(1);
        if !hash_ok {
            p.add(
                ProblemKind::LeafHash,
                &item,
                "the stored leaf hash does not match the entry it belongs to",
            );
        }
        match entry {
            Ok(e) => {
                entries.insert(row.index, e);
            }
            Err(e) => p.add(ProblemKind::LedgerEntry, &item, e),
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
                    "ledger leaf 0",
                    "the vault id differs from the one recorded at creation",
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
                    "vault metadata",
                    "the master recipient differs from the one recorded at creation or by the latest rekey",
                );
            }
            if *signing_key != meta.2
                || STANDARD.encode(vault.signing_public().as_bytes()) != *signing_key
            {
                p.add(
                    ProblemKind::SigningKey,
                    "vault metadata",
                    "the signing public key differs from the one recorded at creation",
                );
            }
        }
        _ => p.add(
            ProblemKind::Genesis,
            "ledger leaf 0",
            "the ledger does not start with the vault's creation entry",
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
            "checkpoints",
            "the vault has no signed checkpoint",
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
        let item = format!("checkpoint at size {size}");
        let cp = match checkpoint::open_own(note, &origin, vault.signing_public()) {
            Ok(cp) => cp,
            Err(e) => {
                p.add(
                    ProblemKind::CheckpointSignature,
                    &item,
                    format!("the checkpoint does not verify: {e}"),
                );
                continue;
            }
        };
        if cp.size != *size {
            p.add(
                ProblemKind::CheckpointSize,
                &item,
                format!("the note claims size {}", cp.size),
            );
            continue;
        }
        claimed = claimed.max(*size);
        match roots.get(size) {
            None => p.add(
                ProblemKind::Rollback,
                &item,
                format!(
                    "the checkpoint covers {size} entries but the ledger has only {}",
                    leaves.len()
                ),
            ),
            Some(root) if *root != cp.root => p.add(
                ProblemKind::CheckpointRoot,
                &item,
                "the ledger's root at this size differs from the signed one: history was altered",
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
                    format!("checkpoint at size {}", old.size),
                    format!(
                        "not consistent with the newest checkpoint at size {}",
                        newest.size
                    ),
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
                "vault metadata",
                format!("the trust seal is missing, though ledger leaf {leaf} records that this vault keeps one"),
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
                "vault metadata",
                "the trust seal is not one this program wrote",
            );
            return 0;
        }
    };
    if !seal.authentic(&key) {
        p.add(
            ProblemKind::TrustSeal,
            "vault metadata",
            "the trust seal was not made with this vault's master key",
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
        p.add(
            ProblemKind::TrustSeal,
            "vault metadata",
            format!(
                "the {} no longer match what the passphrase holder sealed",
                wrong.join(", ")
            ),
        );
    }
    let item = format!("checkpoint at size {}", seal.size);
    if seal.size > leaves.len() as u64 {
        p.add(
            ProblemKind::HighWater,
            &item,
            format!(
                "the ledger has {} entries, fewer than the {} this vault last signed: an older copy was put back or entries were removed",
                leaves.len(),
                seal.size
            ),
        );
        return 0;
    }
    if Some(merkle::root(&leaves[..seal.size as usize])) != seal.root_hash() {
        p.add(
            ProblemKind::HighWater,
            &item,
            "entries this vault already signed were changed: the ledger's root at the sealed size differs",
        );
        return 0;
    }
    if seal.size > signed {
        p.add(
            ProblemKind::HighWater,
            &item,
            format!(
                "the newest checkpoint this vault signed is not stored (the newest valid one covers {signed}): checkpoint rows were deleted"
            ),
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
            format!("ledger leaf {index}"),
            format!(
                "{} is not covered by a signed checkpoint, though every command that writes it signs one at once: it was written without the passphrase",
                e.label()
            ),
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
            "receipt",
            format!("the receipt is not a checkpoint signed by this vault: {e}"),
        ),
        Ok(cp) => {
            size = cp.size;
            if cp.size > leaves.len() as u64 {
                p.add(
                    ProblemKind::Rollback,
                    "receipt",
                    format!(
                        "the receipt covers {} entries but the vault has only {}: this is an older copy, or entries were removed",
                        cp.size,
                        leaves.len()
                    ),
                );
            } else if merkle::root(&leaves[..cp.size as usize]) != cp.root {
                p.add(
                    ProblemKind::Rollback,
                    "receipt",
                    "the vault's history differs from the receipt's: it was rewritten",
                );
            }
        }
    }
    ReceiptResult {
        receipt_size: size,
        ok: p.0.len() == before,
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
        assert_eq!(gaps[0].item, "ledger leaf 3");
        assert_eq!(gaps[0].detail, "leaves 3 to 4 are missing from the ledger");
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
