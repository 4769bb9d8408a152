//! Master-key rotation as the ledger records it (`vault rekey`, docs/format.md "Rekey entries").
//!
//! A `rekey` entry names the new master recipient and the one it replaces. The `reencrypt`
//! entries after it each point at an item's own leaf (record, attachment or export) and commit to
//! the hashes of its new ciphertext. An item's leaf, with its field digests, never changes, so
//! receipts, checkpoints and bundle proofs made before a rekey stay valid; what an item's stored
//! ciphertext must hash to is the newest `reencrypt` entry for its leaf, or else its own entry.
//!
//! Rules checked here (tier 1 of `verify`): every `rekey` continues the recipient chain from the
//! genesis entry; every `reencrypt` follows a `rekey`, points at an item logged before that rekey,
//! appears once per item and rekey, and carries blob fields exactly for attachments; and every
//! item logged before a rekey is re-encrypted after it (before the next one).

use std::collections::{BTreeMap, HashMap, HashSet};

use super::Entry;
use crate::problem::Text;
use crate::problem_text;

/// The ciphertext hashes an item must have after its newest re-encryption.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commitment {
    /// The `reencrypt` entry's leaf index.
    pub at: u64,
    /// Record ciphertext, attachment description or export description SHA-256 (hex).
    pub sha256: String,
    /// Attachment blob SHA-256 (hex).
    pub blob_sha256: Option<String>,
    /// Attachment blob size.
    pub blob_size: Option<u64>,
}

/// One structural problem: (item, detail), reported by `verify` as kind `rekey`.
pub type RotationProblem = (Text, Text);

/// What the ledger says about master-key rotation.
#[derive(Debug, Default)]
pub struct Rotation {
    /// The master recipient in force: the latest rekey's, or the genesis entry's.
    pub current_recipient: Option<String>,
    /// Leaf indexes of the rekey entries, in order.
    pub rekeys: Vec<u64>,
    /// The newest re-encryption of each item, by the item's leaf.
    pub latest: HashMap<u64, Commitment>,
    /// Broken rules (reported by `verify` as kind `rekey`).
    pub problems: Vec<RotationProblem>,
}

impl Rotation {
    /// The newest commitment for the item at `leaf`, if it was ever re-encrypted.
    pub fn commitment(&self, leaf: u64) -> Option<&Commitment> {
        self.latest.get(&leaf)
    }
}

fn is_item(e: &Entry) -> bool {
    matches!(
        e,
        Entry::Record { .. } | Entry::Attachment { .. } | Entry::Export { .. }
    )
}

/// Reads the rotation history out of the parsed ledger entries.
pub fn analyse(entries: &BTreeMap<u64, Entry>) -> Rotation {
    let mut r = Rotation {
        current_recipient: match entries.get(&0) {
            Some(Entry::Genesis {
                master_recipient, ..
            }) => Some(master_recipient.clone()),
            _ => None,
        },
        ..Rotation::default()
    };
    // Items seen so far, and those re-encrypted since the latest rekey.
    let mut items: Vec<u64> = Vec::new();
    let mut items_before_rekey = 0usize;
    let mut done_this_epoch: HashSet<u64> = HashSet::new();
    let mut current_rekey: Option<u64> = None;

    let close_epoch = |rekey: Option<u64>,
                       before: &[u64],
                       done: &HashSet<u64>,
                       problems: &mut Vec<RotationProblem>| {
        if let Some(at) = rekey {
            let missing: Vec<&u64> = before.iter().filter(|t| !done.contains(t)).collect();
            if let Some(first) = missing.first() {
                problems.push((
                    problem_text!("verify-item-rekey-at", index = at),
                    problem_text!(
                        "verify-rekey-not-reencrypted",
                        count = missing.len(),
                        first = **first
                    ),
                ));
            }
        }
    };

    for (index, e) in entries {
        match e {
            Entry::Rekey {
                master_recipient,
                previous_recipient,
                ..
            } => {
                close_epoch(
                    current_rekey,
                    &items[..items_before_rekey],
                    &done_this_epoch,
                    &mut r.problems,
                );
                if r.current_recipient.as_deref() != Some(previous_recipient.as_str()) {
                    r.problems.push((
                        problem_text!("verify-item-rekey-at", index = *index),
                        problem_text!("verify-rekey-wrong-previous"),
                    ));
                }
                r.current_recipient = Some(master_recipient.clone());
                r.rekeys.push(*index);
                current_rekey = Some(*index);
                items_before_rekey = items.len();
                done_this_epoch.clear();
            }
            Entry::Reencrypt {
                leaf,
                sha256,
                blob_sha256,
                blob_size,
                ..
            } => {
                let item = problem_text!("verify-item-reencryption-at", index = *index);
                let Some(rekey) = current_rekey else {
                    r.problems
                        .push((item, problem_text!("verify-reencrypt-no-rekey")));
                    continue;
                };
                let target = entries.get(leaf);
                if *leaf >= rekey || !target.is_some_and(is_item) {
                    r.problems.push((
                        item,
                        problem_text!("verify-reencrypt-not-an-item", leaf = *leaf, rekey = rekey),
                    ));
                    continue;
                }
                let is_attachment = matches!(target, Some(Entry::Attachment { .. }));
                if is_attachment != (blob_sha256.is_some() && blob_size.is_some())
                    || (!is_attachment && (blob_sha256.is_some() || blob_size.is_some()))
                {
                    r.problems
                        .push((item, problem_text!("verify-reencrypt-blob-fields")));
                    continue;
                }
                if !done_this_epoch.insert(*leaf) {
                    r.problems
                        .push((item, problem_text!("verify-reencrypt-twice", leaf = *leaf)));
                    continue;
                }
                r.latest.insert(
                    *leaf,
                    Commitment {
                        at: *index,
                        sha256: sha256.clone(),
                        blob_sha256: blob_sha256.clone(),
                        blob_size: *blob_size,
                    },
                );
            }
            e if is_item(e) => items.push(*index),
            _ => {}
        }
    }
    close_epoch(
        current_rekey,
        &items[..items_before_rekey],
        &done_this_epoch,
        &mut r.problems,
    );
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::entry::ENTRY_VERSION;

    fn genesis() -> Entry {
        Entry::Genesis {
            v: ENTRY_VERSION,
            vault: "v".into(),
            master_recipient: "age1old".into(),
            signing_key: "k".into(),
        }
    }

    fn export(id: &str) -> Entry {
        Entry::Export {
            v: ENTRY_VERSION,
            id: id.into(),
            details_sha256: "00".into(),
            statement_sha256: None,
        }
    }

    fn rekey(prev: &str, new: &str) -> Entry {
        Entry::Rekey {
            v: ENTRY_VERSION,
            master_recipient: new.into(),
            previous_recipient: prev.into(),
        }
    }

    fn re(leaf: u64, sha: &str) -> Entry {
        Entry::Reencrypt {
            v: ENTRY_VERSION,
            leaf,
            sha256: sha.into(),
            blob_sha256: None,
            blob_size: None,
        }
    }

    fn ledger(entries: Vec<Entry>) -> BTreeMap<u64, Entry> {
        entries
            .into_iter()
            .enumerate()
            .map(|(i, e)| (i as u64, e))
            .collect()
    }

    #[test]
    fn a_complete_rotation_is_accepted_and_tracked() {
        let l = ledger(vec![
            genesis(),
            export("a"),
            export("b"),
            rekey("age1old", "age1new"),
            re(1, "11"),
            re(2, "22"),
            export("c"),
            rekey("age1new", "age1newer"),
            re(1, "111"),
            re(2, "222"),
            re(6, "666"),
        ]);
        let r = analyse(&l);
        assert!(r.problems.is_empty(), "{:?}", r.problems);
        assert_eq!(r.current_recipient.as_deref(), Some("age1newer"));
        assert_eq!(r.commitment(1).map(|c| c.sha256.as_str()), Some("111"));
        assert_eq!(r.commitment(6).map(|c| c.at), Some(10));
        assert_eq!(r.rekeys, vec![3, 7]);
    }

    #[test]
    fn broken_rotations_are_reported() {
        let cases = vec![
            // An item left out.
            vec![
                genesis(),
                export("a"),
                export("b"),
                rekey("age1old", "age1new"),
                re(1, "11"),
            ],
            // A broken recipient chain.
            vec![genesis(), rekey("age1other", "age1new")],
            // A re-encryption without a rekey.
            vec![genesis(), export("a"), re(1, "11")],
            // Pointing at something that is not an item, or at a later item.
            vec![
                genesis(),
                export("a"),
                rekey("age1old", "age1new"),
                re(1, "1"),
                re(2, "x"),
            ],
            // Twice in one rekey.
            vec![
                genesis(),
                export("a"),
                rekey("age1old", "age1new"),
                re(1, "1"),
                re(1, "2"),
            ],
        ];
        for (i, c) in cases.into_iter().enumerate() {
            assert!(!analyse(&ledger(c)).problems.is_empty(), "case {i}");
        }
    }
}
