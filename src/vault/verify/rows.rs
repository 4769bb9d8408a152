//! Keyslot and export rows against their entries, and a row for every leaf that needs one.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::crypto::sha256_hex;
use crate::ledger::entry::{SlotAction, TravelAction};
use crate::ledger::rotation::Rotation;
use crate::ledger::Entry;
use crate::store::{AttachmentRow, ExportRow, KeyslotRow};

use super::records::RecordDigest;
use super::{entry_item, ProblemKind, Problems};
use crate::problem_text;

pub(super) fn check_keyslots(
    slots: &[KeyslotRow],
    entries: &BTreeMap<u64, Entry>,
    p: &mut Problems,
) {
    // The ledger's last word on each slot.
    let mut last: HashMap<&str, (SlotAction, u64)> = HashMap::new();
    // Travel mode (src/vault/travel.rs): after a `travel start` entry with no `travel end`
    // after it, the slots it names are in the escrow file, not missing.
    let mut escrowed: Option<&BTreeMap<String, String>> = None;
    for (index, e) in entries {
        match e {
            Entry::Keyslot { slot, action, .. } => {
                last.insert(slot.as_str(), (*action, *index));
            }
            Entry::Travel { action, slots, .. } => {
                escrowed = (*action == TravelAction::Start).then_some(slots);
            }
            _ => {}
        }
    }
    let travelling = escrowed.is_some();
    let escrowed = |slot: &str| escrowed.is_some_and(|s| s.contains_key(slot));
    let present: HashSet<&str> = slots.iter().map(|s| s.slot.id.as_str()).collect();
    for row in slots {
        let item = problem_text!("verify-item-keyslot", id = &row.slot.id);
        // keys: parameters or a salt this program never writes (refused at open before any
        // derivation, so the slot cannot be used even if a forged ledger entry matches it).
        if let Err(crate::Error::TamperedKeyslot { reason, .. }) = row.slot.check_stored() {
            p.add(
                ProblemKind::KeyslotKdf,
                item.clone(),
                problem_text!(
                    "verify-keyslot-kdf",
                    reason = reason.text_in(crate::i18n::Lang::En)
                ),
            );
        }
        match entries.get(&row.leaf_index) {
            Some(Entry::Keyslot {
                slot,
                slot_sha256: Some(digest),
                ..
            }) if *slot == row.slot.id => {
                if row.slot.digest_hex() != *digest {
                    p.add(
                        ProblemKind::KeyslotHash,
                        item.clone(),
                        problem_text!("verify-keyslot-hash"),
                    );
                }
                if last.get(slot.as_str()).map(|(_, i)| *i) != Some(row.leaf_index) {
                    p.add(
                        ProblemKind::KeyslotStale,
                        item,
                        problem_text!("verify-keyslot-stale"),
                    );
                }
            }
            _ => p.add(
                ProblemKind::KeyslotLeaf,
                item,
                problem_text!("verify-keyslot-leaf", leaf = row.leaf_index),
            ),
        }
    }
    for (slot, (action, index)) in last {
        if action != SlotAction::Remove && !present.contains(slot) && !escrowed(slot) {
            p.add(
                ProblemKind::KeyslotMissing,
                problem_text!("verify-item-keyslot", id = slot),
                problem_text!("verify-not-stored", leaf = index),
            );
        }
    }
    if slots.is_empty() && !travelling {
        p.add(
            ProblemKind::KeyslotMissing,
            problem_text!("verify-item-keyslots"),
            problem_text!("verify-keyslot-none"),
        );
    }
}

pub(super) fn check_exports(
    rows: &[ExportRow],
    entries: &BTreeMap<u64, Entry>,
    rotation: &Rotation,
    p: &mut Problems,
) {
    for row in rows {
        let item = problem_text!("verify-item-export", id = &row.id);
        match entries.get(&row.leaf_index) {
            Some(Entry::Export {
                id, details_sha256, ..
            }) if *id == row.id => {
                let want = rotation
                    .commitment(row.leaf_index)
                    .map_or(details_sha256, |c| &c.sha256);
                if sha256_hex(&row.details) != *want {
                    p.add(
                        ProblemKind::ExportHash,
                        item,
                        problem_text!("verify-export-hash"),
                    );
                }
            }
            _ => p.add(
                ProblemKind::ExportLeaf,
                item,
                problem_text!("verify-export-leaf", leaf = row.leaf_index),
            ),
        }
    }
}

/// Every record, attachment and export leaf must have its row (rows deleted are caught here).
pub(super) fn check_unpaired(
    entries: &BTreeMap<u64, Entry>,
    records: &[RecordDigest],
    attachments: &[AttachmentRow],
    _slots: &[KeyslotRow],
    exports: &[ExportRow],
    p: &mut Problems,
) {
    let rec: HashSet<u64> = records.iter().map(|r| r.leaf_index).collect();
    let att: HashSet<u64> = attachments.iter().map(|r| r.leaf_index).collect();
    let exp: HashSet<u64> = exports.iter().map(|r| r.leaf_index).collect();
    for (index, e) in entries {
        let missing = match e {
            Entry::Record { .. } => !rec.contains(index),
            Entry::Attachment { .. } => !att.contains(index),
            Entry::Export { .. } => !exp.contains(index),
            _ => false,
        };
        if missing {
            let kind = match e {
                Entry::Record { .. } => ProblemKind::RecordMissing,
                Entry::Attachment { .. } => ProblemKind::AttachmentMissing,
                _ => ProblemKind::ExportMissing,
            };
            p.add(
                kind,
                entry_item(e),
                problem_text!("verify-not-stored", leaf = *index),
            );
        }
    }
}
