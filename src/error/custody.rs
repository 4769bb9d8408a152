//! Travel mode and the detention plan (docs/detention-plan.md, docs/format.md "Travel mode"
//! and "Detention plan"): why a command about the keys' custody is refused.

use std::path::PathBuf;

use super::{args, n, p, s, Message};
use crate::i18n::{FluentArgs, Lang};

/// Why a travel or plan command is refused, or why nothing unlocks while travelling.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Custody {
    /// Travel mode is on: the keyslots are in the escrow file, not on this device.
    Travelling,
    /// `travel end` on a vault that is not travelling.
    NotTravelling,
    /// `travel start` on a vault already travelling.
    AlreadyTravelling,
    /// The ledger entry that started travel mode is missing, altered or not a start.
    TravelEntry { leaf: u64 },
    /// The escrow file is not the one logged when travel mode started.
    EscrowNotLogged { path: PathBuf },
    /// No identity given opens the escrow file.
    EscrowLocked { path: PathBuf },
    /// The escrow file opened but holds keyslots of another vault, or other keyslots than
    /// the ones logged.
    EscrowForeign { path: PathBuf },
    /// The escrow file read back is not what was written (nothing was removed).
    EscrowIncomplete { path: PathBuf },
    /// A plan command on a vault without a detention plan.
    NoPlan,
    /// The stored plan does not decrypt or parse, or does not match its ledger entry.
    PlanDamaged,
    /// A threshold outside 1..=trustees, or more than 255 trustees.
    Threshold { threshold: usize, trustees: usize },
    /// `plan set` without a trustee.
    NoTrustee,
    /// A share file that no identity given opens, or that is not a share.
    ShareUnreadable { path: PathBuf },
    /// Shares of different release keys (or plans, or vaults).
    SharesDisagree { path: PathBuf },
    /// Two files hold the same share.
    DuplicateShare { path: PathBuf },
    /// Fewer shares than the threshold.
    NotEnoughShares { have: usize, need: usize },
    /// The shares combine to a key that is not the release key they name.
    SharesWrong,
    /// Text given as a plugin recipient that is not `age1<name>1...`.
    PluginRecipient { text: String },
    /// A file given as a plugin identity that holds none of the recipient's plugin.
    PluginIdentity { path: PathBuf, plugin: String },
    /// The plugin binary (`age-plugin-<name>`) is not on `PATH`.
    PluginMissing { binary: String },
    /// The plugin reported errors (its own words, often English).
    PluginFailed { plugin: String, detail: String },
    /// The plugin ran but its key does not open the slot (another device, or none plugged in).
    PluginNoMatch { plugin: String },
    /// A hardware-key unlock asked of a vault without a plugin keyslot.
    NoPluginSlot,
}

impl Message for Custody {
    fn id(&self) -> &'static str {
        match self {
            Custody::Travelling => "core-custody-travelling",
            Custody::NotTravelling => "core-custody-not-travelling",
            Custody::AlreadyTravelling => "core-custody-already-travelling",
            Custody::TravelEntry { .. } => "core-custody-travel-entry",
            Custody::EscrowNotLogged { .. } => "core-custody-escrow-not-logged",
            Custody::EscrowLocked { .. } => "core-custody-escrow-locked",
            Custody::EscrowForeign { .. } => "core-custody-escrow-foreign",
            Custody::EscrowIncomplete { .. } => "core-custody-escrow-incomplete",
            Custody::NoPlan => "core-custody-no-plan",
            Custody::PlanDamaged => "core-custody-plan-damaged",
            Custody::Threshold { .. } => "core-custody-threshold",
            Custody::NoTrustee => "core-custody-no-trustee",
            Custody::ShareUnreadable { .. } => "core-custody-share-unreadable",
            Custody::SharesDisagree { .. } => "core-custody-shares-disagree",
            Custody::DuplicateShare { .. } => "core-custody-duplicate-share",
            Custody::NotEnoughShares { .. } => "core-custody-not-enough-shares",
            Custody::SharesWrong => "core-custody-shares-wrong",
            Custody::PluginRecipient { .. } => "core-custody-plugin-recipient",
            Custody::PluginIdentity { .. } => "core-custody-plugin-identity",
            Custody::PluginMissing { .. } => "core-custody-plugin-missing",
            Custody::PluginFailed { .. } => "core-custody-plugin-failed",
            Custody::PluginNoMatch { .. } => "core-custody-plugin-no-match",
            Custody::NoPluginSlot => "core-custody-no-plugin-slot",
        }
    }

    fn args(&self) -> FluentArgs<'static> {
        match self {
            Custody::TravelEntry { leaf } => args([("leaf", s(leaf))]),
            Custody::EscrowNotLogged { path }
            | Custody::EscrowLocked { path }
            | Custody::EscrowForeign { path }
            | Custody::EscrowIncomplete { path }
            | Custody::ShareUnreadable { path }
            | Custody::SharesDisagree { path }
            | Custody::DuplicateShare { path } => args([("path", p(path))]),
            Custody::Threshold {
                threshold,
                trustees,
            } => args([("threshold", n(*threshold)), ("count", n(*trustees))]),
            Custody::NotEnoughShares { have, need } => {
                args([("count", n(*have)), ("need", n(*need))])
            }
            Custody::PluginRecipient { text } => args([("text", s(text))]),
            Custody::PluginIdentity { path, plugin } => {
                args([("path", p(path)), ("plugin", s(plugin))])
            }
            Custody::PluginMissing { binary } => args([("binary", s(binary))]),
            Custody::PluginFailed { plugin, detail } => {
                args([("plugin", s(plugin)), ("detail", s(detail))])
            }
            Custody::PluginNoMatch { plugin } => args([("plugin", s(plugin))]),
            Custody::Travelling
            | Custody::NotTravelling
            | Custody::AlreadyTravelling
            | Custody::NoPlan
            | Custody::PlanDamaged
            | Custody::NoTrustee
            | Custody::SharesWrong
            | Custody::NoPluginSlot => FluentArgs::new(),
        }
    }
}

impl Custody {
    /// The reason in `lang`.
    pub fn text_in(&self, lang: Lang) -> String {
        Message::text_in(self, lang)
    }

    /// Exit code (docs/cli.md): 3 when nothing unlocks (as for a wrong passphrase), else 1.
    pub fn exit_code(&self) -> i32 {
        match self {
            Custody::Travelling | Custody::PluginNoMatch { .. } => 3,
            _ => 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One of every variant.
    pub(crate) fn every() -> Vec<Custody> {
        let path = PathBuf::from("/tmp/x.age");
        vec![
            Custody::Travelling,
            Custody::NotTravelling,
            Custody::AlreadyTravelling,
            Custody::TravelEntry { leaf: 7 },
            Custody::EscrowNotLogged { path: path.clone() },
            Custody::EscrowLocked { path: path.clone() },
            Custody::EscrowForeign { path: path.clone() },
            Custody::EscrowIncomplete { path: path.clone() },
            Custody::NoPlan,
            Custody::PlanDamaged,
            Custody::Threshold {
                threshold: 4,
                trustees: 3,
            },
            Custody::NoTrustee,
            Custody::ShareUnreadable { path: path.clone() },
            Custody::SharesDisagree { path: path.clone() },
            Custody::DuplicateShare { path },
            Custody::NotEnoughShares { have: 1, need: 2 },
            Custody::SharesWrong,
            Custody::PluginRecipient {
                text: "age1x".into(),
            },
            Custody::PluginIdentity {
                path: PathBuf::from("/tmp/id.txt"),
                plugin: "yubikey".into(),
            },
            Custody::PluginMissing {
                binary: "age-plugin-yubikey".into(),
            },
            Custody::PluginFailed {
                plugin: "yubikey".into(),
                detail: "PIN blocked".into(),
            },
            Custody::PluginNoMatch {
                plugin: "yubikey".into(),
            },
            Custody::NoPluginSlot,
        ]
    }

    #[test]
    fn every_custody_reason_renders_in_both_languages_and_every_id_is_used() {
        let mut used = std::collections::BTreeSet::new();
        for c in every() {
            let en = c.text_in(Lang::En);
            let es = c.text_in(Lang::Es);
            for text in [&en, &es] {
                assert!(!text.is_empty() && !text.contains("core-"), "{c:?}: {text}");
                assert!(
                    !text.contains('{') && !text.contains("(s)"),
                    "{c:?}: {text}"
                );
            }
            assert_ne!(en, es, "{c:?} is not translated");
            used.insert(Message::id(&c).to_owned());
        }
        for lang in [Lang::En, Lang::Es] {
            let ids: Vec<String> = crate::i18n::message_ids(lang)
                .into_iter()
                .filter(|id| id.starts_with("core-custody-"))
                .collect();
            for id in &ids {
                assert!(used.contains(id), "{id} is rendered by no variant");
            }
            for id in &used {
                assert!(ids.contains(id), "{id} is missing in {lang:?}");
            }
        }
    }

    #[test]
    fn travelling_exits_as_a_refused_unlock() {
        assert_eq!(
            crate::Error::Custody(Custody::Travelling).exit_code(),
            crate::Error::WrongPassphrase.exit_code()
        );
        assert_eq!(crate::Error::Custody(Custody::NoPlan).exit_code(), 1);
    }
}
