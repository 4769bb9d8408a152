//! Key custody against the ledger: the detention plan (never removed once set, so the stored
//! plan must be the one the newest `plan` entry commits to, and its refresh mark can never name
//! more entries than the ledger holds; docs/format.md, "Detention plan") and the travel mark
//! (set exactly while the newest `travel` entry is a `start`, naming it; "Travel mode").

use std::collections::BTreeMap;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;

use crate::crypto::sha256_hex;
use crate::ledger::entry::TravelAction;
use crate::ledger::Entry;
use crate::problem_text;
use crate::vault::detention;

use super::{ProblemKind, Problems};

/// `stored` and `refreshed` are the `plan` and `plan_refreshed` metadata as found.
pub(super) fn check_plan(
    entries: &BTreeMap<u64, Entry>,
    stored: Option<&str>,
    refreshed: Option<&str>,
    p: &mut Problems,
) {
    let newest = entries.iter().rev().find_map(|(index, e)| match e {
        Entry::Plan { plan_sha256, .. } => Some((*index, plan_sha256)),
        _ => None,
    });
    let what = problem_text!("verify-item-plan");
    match (newest, stored) {
        (None, None) => return,
        (None, Some(_)) => p.add(
            ProblemKind::Plan,
            what.clone(),
            problem_text!("verify-plan-unlogged"),
        ),
        (Some((leaf, _)), None) => p.add(
            ProblemKind::Plan,
            what.clone(),
            problem_text!("verify-plan-removed", leaf = leaf),
        ),
        (Some((leaf, committed)), Some(text)) => {
            let matches = STANDARD
                .decode(text)
                .is_ok_and(|bytes| sha256_hex(&bytes) == *committed);
            if !matches {
                p.add(
                    ProblemKind::Plan,
                    what.clone(),
                    problem_text!("verify-plan-changed", leaf = leaf),
                );
            }
        }
    }
    let size = entries.keys().next_back().map_or(0, |last| last + 1);
    if let (Some(marked), _) = detention::parse_refreshed(refreshed) {
        if marked > size {
            p.add(
                ProblemKind::Plan,
                what,
                problem_text!("verify-plan-refreshed", marked = marked, size = size),
            );
        }
    }
}

/// `marked` is the `travel` metadata as found.
pub(super) fn check_travel(entries: &BTreeMap<u64, Entry>, marked: Option<&str>, p: &mut Problems) {
    let started = entries.iter().rev().find_map(|(index, e)| match e {
        Entry::Travel { action, .. } => Some((*action == TravelAction::Start).then_some(*index)),
        _ => None,
    });
    let started = started.flatten();
    let marked_leaf = marked.map(|m| m.parse::<u64>().ok());
    let detail = match (started, marked_leaf) {
        (None, None) => return,
        (Some(leaf), Some(Some(m))) if leaf == m => return,
        (Some(leaf), None) => problem_text!("verify-travel-unmarked", leaf = leaf),
        (None, Some(_)) => problem_text!("verify-travel-planted"),
        (Some(leaf), Some(_)) => problem_text!("verify-travel-other", leaf = leaf),
    };
    p.add(
        ProblemKind::Travel,
        problem_text!("verify-item-travel"),
        detail,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::entry::{PlanAction, ENTRY_VERSION};

    fn plan_entry(sha: &str) -> Entry {
        Entry::Plan {
            v: ENTRY_VERSION,
            action: PlanAction::Set,
            release_recipient: "age1x".into(),
            plan_sha256: sha.into(),
        }
    }

    fn kinds(
        entries: &BTreeMap<u64, Entry>,
        stored: Option<&str>,
        refreshed: Option<&str>,
    ) -> usize {
        let mut p = Problems(Vec::new());
        check_plan(entries, stored, refreshed, &mut p);
        p.0.iter().filter(|x| x.kind == ProblemKind::Plan).count()
    }

    fn travel(action: TravelAction) -> Entry {
        Entry::Travel {
            v: ENTRY_VERSION,
            action,
            escrow_sha256: "00".into(),
            slots: BTreeMap::new(),
        }
    }

    fn travel_problems(entries: &BTreeMap<u64, Entry>, marked: Option<&str>) -> usize {
        let mut p = Problems(Vec::new());
        check_travel(entries, marked, &mut p);
        p.0.len()
    }

    #[test]
    fn the_travel_mark_must_name_the_open_start() {
        let mut entries = BTreeMap::new();
        assert_eq!(travel_problems(&entries, None), 0);
        assert_eq!(travel_problems(&entries, Some("4")), 1);
        entries.insert(4, travel(TravelAction::Start));
        assert_eq!(travel_problems(&entries, Some("4")), 0);
        assert_eq!(travel_problems(&entries, None), 1);
        assert_eq!(travel_problems(&entries, Some("3")), 1);
        assert_eq!(travel_problems(&entries, Some("x")), 1);
        entries.insert(6, travel(TravelAction::End));
        assert_eq!(travel_problems(&entries, None), 0);
        assert_eq!(travel_problems(&entries, Some("4")), 1);
    }

    #[test]
    fn a_removed_changed_unlogged_or_overstated_plan_is_a_problem() {
        let stored = STANDARD.encode(b"ciphertext");
        let good = sha256_hex(b"ciphertext");
        let mut entries = BTreeMap::new();
        assert_eq!(kinds(&entries, None, None), 0);
        assert_eq!(kinds(&entries, Some(&stored), None), 1);
        entries.insert(3, plan_entry(&good));
        assert_eq!(
            kinds(&entries, Some(&stored), Some("4 2026-12-01T00:00:00Z")),
            0
        );
        assert_eq!(kinds(&entries, None, None), 1);
        assert_eq!(kinds(&entries, Some(&STANDARD.encode(b"other")), None), 1);
        assert_eq!(
            kinds(&entries, Some(&stored), Some("5 2026-12-01T00:00:00Z")),
            1
        );
    }
}
