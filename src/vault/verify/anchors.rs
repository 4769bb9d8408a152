//! Timestamps (RFC 3161) and witness cosignatures against their ledger entries and the
//! checkpoints they name (docs/format.md, "Timestamps and cosignatures").

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::anchor;
use crate::crypto::sha256_hex;
use crate::error::AnchorFault;
use crate::i18n::Lang;
use crate::ledger::{self, checkpoint, merkle, Entry};
use crate::store::AnchorRow;
use crate::vault::anchor::AnchorSummary;

use super::{entry_item, ProblemKind, Problems};
use crate::problem_text;

/// What is needed to check the checkpoints anchors name.
pub(super) struct Checkpoints<'a> {
    pub notes: &'a [(u64, String)],
    pub leaves: &'a [merkle::Hash],
    pub vault_id: &'a str,
    pub public: &'a ed25519_dalek::VerifyingKey,
}

impl Checkpoints<'_> {
    /// The stored checkpoint of `size` that counts and whose note hashes to `note_sha256`, with
    /// its position among the stored checkpoints (1 = the oldest).
    fn find(&self, size: u64, note_sha256: &str) -> Option<(usize, &str)> {
        let origin = ledger::origin(self.vault_id);
        let (i, (_, note)) = self
            .notes
            .iter()
            .enumerate()
            .find(|(_, (s, n))| *s == size && sha256_hex(n.as_bytes()) == note_sha256)?;
        let cp = checkpoint::open_own(note, &origin, self.public).ok()?;
        (cp.size == size
            && size <= self.leaves.len() as u64
            && merkle::root(&self.leaves[..size as usize]) == cp.root)
            .then_some((i + 1, note.as_str()))
    }
}

/// Checks every stored token and `anchor` entry; returns what the good ones prove. Only an entry
/// below `covered` (signed by the vault's key) proves anything: a later one was appended without
/// the passphrase (reported as `forged_entry`), whatever authority signed its token.
pub(super) fn check_anchors(
    rows: &[AnchorRow],
    entries: &BTreeMap<u64, Entry>,
    covered: u64,
    checkpoints: &Checkpoints<'_>,
    p: &mut Problems,
) -> Vec<AnchorSummary> {
    let mut out = Vec::new();
    // Each nonce answers one request: a second entry naming it is a replay.
    let mut nonces: HashMap<&str, u64> = HashMap::new();
    for (index, e) in entries {
        if let Entry::Anchor { nonce, .. } = e {
            if let Some(first) = nonces.get(nonce.as_str()) {
                p.add(
                    ProblemKind::AnchorNonce,
                    entry_item(e),
                    problem_text!("verify-anchor-nonce-reused", leaf = *first),
                );
            } else {
                nonces.insert(nonce, *index);
            }
        }
    }
    let stored: HashSet<u64> = rows.iter().map(|r| r.leaf_index).collect();
    for (index, e) in entries {
        if matches!(e, Entry::Anchor { .. }) && !stored.contains(index) {
            p.add(
                ProblemKind::AnchorMissing,
                entry_item(e),
                problem_text!("verify-not-stored", leaf = *index),
            );
        }
    }
    for row in rows {
        let Some(
            e @ Entry::Anchor {
                size,
                note_sha256,
                nonce,
                token_sha256,
                tsa_cert_sha256,
                ..
            },
        ) = entries.get(&row.leaf_index)
        else {
            p.add(
                ProblemKind::AnchorLeaf,
                problem_text!("verify-item-anchor", size = "?"),
                problem_text!("verify-anchor-leaf", leaf = row.leaf_index),
            );
            continue;
        };
        let item = entry_item(e);
        if sha256_hex(&row.tsa_cert) != *tsa_cert_sha256 {
            p.add(
                ProblemKind::AnchorUntrusted,
                item,
                problem_text!("verify-anchor-trust-replaced"),
            );
            continue;
        }
        let Some((number, note)) = checkpoints.find(*size, note_sha256) else {
            p.add(
                ProblemKind::AnchorCheckpoint,
                item,
                problem_text!("verify-anchor-checkpoint-gone", size = *size),
            );
            continue;
        };
        let imprint = anchor::note_imprint(note);
        match anchor::verify_token(&row.token, std::slice::from_ref(&row.tsa_cert), &imprint) {
            Err(fault) => {
                let (kind, detail) = crate::bundle::anchors::token_problem(&fault);
                p.add(kind, item, detail);
            }
            Ok(facts) if facts.nonce != *nonce => p.add(
                ProblemKind::AnchorNonce,
                item,
                problem_text!("verify-anchor-nonce"),
            ),
            Ok(_) if sha256_hex(&row.token) != *token_sha256 => p.add(
                ProblemKind::AnchorToken,
                item,
                problem_text!("verify-anchor-token-hash"),
            ),
            Ok(_) if row.leaf_index >= covered => {}
            Ok(facts) => out.push(AnchorSummary {
                size: *size,
                checkpoint: number,
                facts,
            }),
        }
    }
    out
}

/// Checks every `cosignature` entry against the stored checkpoint of its size that counts;
/// returns what the good ones prove: only those below `covered`, as for timestamps.
pub(super) fn check_cosignatures(
    entries: &BTreeMap<u64, Entry>,
    covered: u64,
    checkpoints: &Checkpoints<'_>,
    p: &mut Problems,
) -> Vec<crate::vault::witness::CosignatureSummary> {
    let mut out = Vec::new();
    let cosigned: Vec<(u64, &Entry, u64)> = entries
        .iter()
        .filter_map(|(index, e)| match e {
            Entry::Cosignature { size, .. } => Some((*index, e, *size)),
            _ => None,
        })
        .collect();
    if cosigned.is_empty() {
        return out;
    }
    let origin = ledger::origin(checkpoints.vault_id);
    // Only the sizes cosigned are checked (one root computation each).
    let wanted: HashSet<u64> = cosigned.iter().map(|(_, _, s)| *s).collect();
    let notes: Vec<(u64, String)> = checkpoints
        .notes
        .iter()
        .filter(|(s, _)| wanted.contains(s))
        .cloned()
        .collect();
    let valid = crate::vault::anchor::valid_checkpoints(
        &notes,
        checkpoints.leaves,
        checkpoints.vault_id,
        checkpoints.public,
    );
    for (index, e, size) in cosigned {
        let Entry::Cosignature {
            witness, key, line, ..
        } = e
        else {
            continue;
        };
        match crate::vault::witness::check_cosignature(
            size,
            witness,
            key,
            line,
            &valid,
            &origin,
            checkpoints.public,
        ) {
            Ok(_) if index >= covered => {}
            Ok(mut summary) => {
                // The position among all stored checkpoints, as verify counts them.
                summary.checkpoint = checkpoints
                    .notes
                    .iter()
                    .position(|(s, _)| *s == size)
                    .map_or(summary.checkpoint, |i| i + 1);
                out.push(summary);
            }
            Err(AnchorFault::OtherCheckpoint) => p.add(
                ProblemKind::Cosignature,
                entry_item(e),
                problem_text!("verify-cosignature-checkpoint", size = size),
            ),
            Err(fault) => p.add(
                ProblemKind::Cosignature,
                entry_item(e),
                problem_text!(
                    "verify-cosignature-invalid",
                    error = fault.text_in(Lang::En)
                ),
            ),
        }
    }
    out
}
