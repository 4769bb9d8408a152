//! Keyslot and export rows against their entries, and a row for every leaf that needs one.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::crypto::sha256_hex;
use crate::ledger::entry::SlotAction;
use crate::ledger::rotation::Rotation;
use crate::ledger::Entry;
use crate::store::{AttachmentRow, ExportRow, KeyslotRow};

use super::records::RecordDigest;
use super::{ProblemKind, Problems};

pub(super) fn check_keyslots(
    slots: &[KeyslotRow],
    entries: &BTreeMap<u64, Entry>,
    p: &mut Problems,
) {
    // The ledger's last word on each slot.
    let mut last: HashMap<&str, (SlotAction, u64)> = HashMap::new();
    for (index, e) in entries {
        if let Entry::Keyslot { slot, action, .. } = e {
            last.insert(slot.as_str(), (*action, *index));
        }
    }
    let present: HashSet<&str> = slots.iter().map(|s| s.slot.id.as_str()).collect();
    for row in slots {
        let item = format!("keyslot {}", row.slot.id);
        // keys: parameters or a salt this program never writes (refused at open before any
        // derivation, so the slot cannot be used even if a forged ledger entry matches it).
        if let Err(crate::Error::TamperedKeyslot { reason, .. }) = row.slot.check_stored() {
            p.add(ProblemKind::KeyslotKdf, item.clone(), reason);
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
                        &item,
                        "the keyslot does not match the hash its ledger entry commits to",
                    );
                }
                if last.get(slot.as_str()).map(|(_, i)| *i) != Some(row.leaf_index) {
                    p.add(
                        ProblemKind::KeyslotStale,
                        &item,
                        "a later ledger entry changed this keyslot, but the stored slot is older",
                    );
                }
            }
            _ => p.add(
                ProblemKind::KeyslotLeaf,
                &item,
                format!("ledger leaf {} is not this keyslot's entry", row.leaf_index),
            ),
        }
    }
    for (slot, (action, index)) in last {
        if action != SlotAction::Remove && !present.contains(slot) {
            p.add(
                ProblemKind::KeyslotMissing,
                format!("keyslot {slot}"),
                format!("ledger leaf {index} records it, but it is not stored"),
            );
        }
    }
    if slots.is_empty() {
        p.add(
            ProblemKind::KeyslotMissing,
            "keyslots",
            "the vault has no keyslot: it cannot be unlocked",
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
        let item = format!("export {}", row.id);
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
                        &item,
                        "the export description does not match its ledger entry",
                    );
                }
            }
            _ => p.add(
                ProblemKind::ExportLeaf,
                &item,
                format!("ledger leaf {} is not this export's entry", row.leaf_index),
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
                e.label(),
                format!("ledger leaf {index} records it, but it is not stored"),
            );
        }
    }
}
