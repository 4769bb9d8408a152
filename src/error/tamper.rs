//! What was changed without the passphrase: the vault's signed history, its trust seal, the pin
//! this computer keeps, or a keyslot.

use super::{args, s, KdfLimit, Message};
use crate::i18n::{FluentArgs, Lang};

/// A change made without the passphrase, found before anything was signed or saved (exit 4).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Tamper {
    /// The stored signing public key is not the signing key's.
    SigningPublic,
    /// Ledger rows were deleted.
    EntriesRemoved {
        stored: u64,
        size: u64,
    },
    SealRoot,
    /// The seal is gone though the ledger says the vault keeps one.
    SealMissing {
        leaf: u64,
    },
    /// The ledger is shorter than the sealed checkpoint.
    Shrunk {
        size: u64,
        previous: u64,
    },
    /// Entries under the sealed checkpoint were changed.
    SignedChanged {
        previous: u64,
    },
    /// A leaf no checkpoint covers, though every command signs what it writes.
    Unsigned {
        index: u64,
        label: String,
    },
    /// A leaf this program never writes.
    UnknownLeaf {
        index: u64,
    },
    /// The seal does not parse as one this program writes.
    SealForeign,
    /// The seal's MAC is not this master key's.
    SealWrongKey,
    /// Parts of the sealed identity (`vault id`, `creation entry`, `signing key`, `master key`)
    /// that no longer match.
    SealIdentity {
        parts: Vec<&'static str>,
    },
    /// The signing key differs from the one this computer pinned.
    PinSigningKey {
        now: String,
        pinned: String,
    },
    /// The master recipient differs from the one this computer pinned.
    PinRecipient,
    /// The ledger is shorter than what this computer saw signed.
    PinRollback {
        size: u64,
        pinned: u64,
    },
    /// The ledger does not extend the newest checkpoint this computer saw.
    PinRewritten {
        pinned: u64,
    },
}

impl Message for Tamper {
    fn id(&self) -> &'static str {
        match self {
            Tamper::SigningPublic => "core-tamper-signing-public",
            Tamper::EntriesRemoved { .. } => "core-tamper-entries-removed",
            Tamper::SealRoot => "core-tamper-seal-root",
            Tamper::SealMissing { .. } => "core-tamper-seal-missing",
            Tamper::Shrunk { .. } => "core-tamper-shrunk",
            Tamper::SignedChanged { .. } => "core-tamper-signed-changed",
            Tamper::Unsigned { .. } => "core-tamper-unsigned",
            Tamper::UnknownLeaf { .. } => "core-tamper-unknown-leaf",
            Tamper::SealForeign => "core-tamper-seal-foreign",
            Tamper::SealWrongKey => "core-tamper-seal-wrong-key",
            Tamper::SealIdentity { .. } => "core-tamper-seal-identity",
            Tamper::PinSigningKey { .. } => "core-tamper-pin-signing-key",
            Tamper::PinRecipient => "core-tamper-pin-recipient",
            Tamper::PinRollback { .. } => "core-tamper-pin-rollback",
            Tamper::PinRewritten { .. } => "core-tamper-pin-rewritten",
        }
    }

    fn args(&self) -> FluentArgs<'static> {
        match self {
            Tamper::EntriesRemoved { stored, size } => {
                args([("stored", s(stored)), ("size", s(size))])
            }
            Tamper::SealMissing { leaf } => args([("index", s(leaf))]),
            Tamper::Shrunk { size, previous } => {
                args([("size", s(size)), ("previous", s(previous))])
            }
            Tamper::SignedChanged { previous } => args([("previous", s(previous))]),
            Tamper::Unsigned { index, label } => args([("index", s(index)), ("label", s(label))]),
            Tamper::UnknownLeaf { index } => args([("index", s(index))]),
            Tamper::SealIdentity { parts } => args([("parts", s(parts.join(", ")))]),
            Tamper::PinSigningKey { now, pinned } => args([("now", s(now)), ("pinned", s(pinned))]),
            Tamper::PinRollback { size, pinned } => {
                args([("size", s(size)), ("pinned", s(pinned))])
            }
            Tamper::PinRewritten { pinned } => args([("pinned", s(pinned))]),
            Tamper::SigningPublic
            | Tamper::SealRoot
            | Tamper::SealForeign
            | Tamper::SealWrongKey
            | Tamper::PinRecipient => FluentArgs::new(),
        }
    }
}

impl Tamper {
    /// The change in `lang`, without the "changed without the passphrase" frame.
    pub fn text_in(&self, lang: Lang) -> String {
        Message::text_in(self, lang)
    }
}

impl std::fmt::Display for Tamper {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text_in(crate::i18n::language()))
    }
}

/// Why a stored keyslot is refused before any key derivation.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum KeyslotRefusal {
    /// Parameters this program never seals (below the floor or over the ceiling).
    Kdf(KdfLimit),
    ShortSalt,
    /// The ledger leaf that should commit to it does not exist.
    LeafMissing {
        index: u64,
    },
    /// The ledger leaf that commits to it was altered.
    LeafAltered {
        index: u64,
    },
    /// The leaf named is not an entry adding or replacing this slot.
    NotSlotEntry {
        index: u64,
    },
    /// Parameters, salt or wrapped key differ from the committed digest.
    DigestMismatch,
    /// No checkpoint signed by this vault covers the committing leaf.
    Unsigned {
        index: u64,
    },
    /// A plugin slot with key-derivation parameters, or without a plugin identity.
    PluginFields,
}

impl KeyslotRefusal {
    /// The reason in `lang`.
    pub fn text_in(&self, lang: Lang) -> String {
        let (id, a) = match self {
            KeyslotRefusal::Kdf(limit) => return limit.text_in(lang),
            KeyslotRefusal::ShortSalt => ("core-slot-short-salt", FluentArgs::new()),
            KeyslotRefusal::LeafMissing { index } => {
                ("core-slot-leaf-missing", args([("index", s(index))]))
            }
            KeyslotRefusal::LeafAltered { index } => {
                ("core-slot-leaf-altered", args([("index", s(index))]))
            }
            KeyslotRefusal::NotSlotEntry { index } => {
                ("core-slot-not-slot-entry", args([("index", s(index))]))
            }
            KeyslotRefusal::DigestMismatch => ("core-slot-digest-mismatch", FluentArgs::new()),
            KeyslotRefusal::Unsigned { index } => {
                ("core-slot-unsigned", args([("index", s(index))]))
            }
            KeyslotRefusal::PluginFields => ("core-slot-plugin-fields", FluentArgs::new()),
        };
        crate::i18n::text_in(lang, id, Some(&a))
    }
}

/// In the process language (what a person reads).
impl std::fmt::Display for KeyslotRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text_in(crate::i18n::language()))
    }
}

/// Machine-read fields (`--json`, verify's problem details) carry the English reason.
impl serde::Serialize for KeyslotRefusal {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text_in(Lang::En))
    }
}

/// The English reason (verify's problem detail).
impl From<KeyslotRefusal> for String {
    fn from(reason: KeyslotRefusal) -> String {
        reason.text_in(Lang::En)
    }
}
