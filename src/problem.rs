//! What a verification found wrong: one [`Problem`] per finding, with a [`ProblemKind`] that
//! machines read (its string form is stable: docs/cli.md lists every one) and the item it
//! concerns.

use serde::Serialize;

/// One thing found wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// A stable machine-readable kind, e.g. `record_ciphertext_hash` (docs/cli.md lists them).
    pub kind: ProblemKind,
    /// What it concerns, e.g. `record 3f2a… revision 2` or `ledger leaf 17`.
    pub item: String,
    /// One line for people.
    pub detail: String,
}

impl Problem {
    /// A problem of `kind` about `item`.
    pub fn new(kind: ProblemKind, item: impl Into<String>, detail: impl Into<String>) -> Self {
        Problem {
            kind,
            item: item.into(),
            detail: detail.into(),
        }
    }
}

/// Declares the enum, its string forms and `ALL` from one list, so none can be left out.
macro_rules! kinds {
    ($($variant:ident = $name:literal,)*) => {
        /// Every kind of problem `vault verify` and `vault bundle verify` report. Serialized as
        /// its snake_case name ([`ProblemKind::as_str`]), which `--json` output carries and
        /// never changes.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        pub enum ProblemKind {
            $(#[serde(rename = $name)] $variant,)*
        }

        impl ProblemKind {
            /// Every kind, in the order docs/cli.md lists them.
            pub const ALL: &'static [ProblemKind] = &[$(ProblemKind::$variant,)*];

            /// The machine-readable name (as serialized).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(ProblemKind::$variant => $name,)*
                }
            }
        }
    };
}

kinds! {
    Database = "database",
    DatabaseSchema = "database_schema",
    Quarantine = "quarantine",
    Rekey = "rekey",
    LedgerGap = "ledger_gap",
    TrustSeal = "trust_seal",
    HighWater = "high_water",
    Pin = "pin",
    ForgedEntry = "forged_entry",
    LeafHash = "leaf_hash",
    LedgerEntry = "ledger_entry",
    Genesis = "genesis",
    MasterRecipient = "master_recipient",
    SigningKey = "signing_key",
    CheckpointMissing = "checkpoint_missing",
    CheckpointSignature = "checkpoint_signature",
    CheckpointSize = "checkpoint_size",
    Rollback = "rollback",
    CheckpointRoot = "checkpoint_root",
    CheckpointConsistency = "checkpoint_consistency",
    RecordCiphertextHash = "record_ciphertext_hash",
    RecordLeaf = "record_leaf",
    RecordRevisions = "record_revisions",
    RecordMissing = "record_missing",
    RecordDecrypt = "record_decrypt",
    RecordDecode = "record_decode",
    AttachmentLeaf = "attachment_leaf",
    AttachmentDescriptionHash = "attachment_description_hash",
    AttachmentMissing = "attachment_missing",
    AttachmentSize = "attachment_size",
    AttachmentHash = "attachment_hash",
    AttachmentUnreadable = "attachment_unreadable",
    AttachmentDecrypt = "attachment_decrypt",
    CacheSegment = "cache_segment",
    CacheItem = "cache_item",
    CacheForged = "cache_forged",
    AttachmentPlaintext = "attachment_plaintext",
    FieldDigest = "field_digest",
    KeyslotHash = "keyslot_hash",
    KeyslotKdf = "keyslot_kdf",
    KeyslotStale = "keyslot_stale",
    KeyslotLeaf = "keyslot_leaf",
    KeyslotMissing = "keyslot_missing",
    ExportHash = "export_hash",
    ExportLeaf = "export_leaf",
    ExportMissing = "export_missing",
    Receipt = "receipt",
    BundleEntry = "bundle_entry",
    InclusionProof = "inclusion_proof",
    Disclosure = "disclosure",
    Withheld = "withheld",
    Fingerprint = "fingerprint",
    MissingFile = "missing_file",
    RecordFile = "record_file",
    AttachmentFile = "attachment_file",
    UnexpectedFile = "unexpected_file",
    Supplement = "supplement",
    ConsistencyProof = "consistency_proof",
    Duplicate = "duplicate",
    FingerprintMismatch = "fingerprint_mismatch",
    SenderChanged = "sender_changed",
}

impl std::fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_serializes_as_its_name_once() {
        let mut seen = std::collections::BTreeSet::new();
        for k in ProblemKind::ALL {
            let json = serde_json::to_string(k).unwrap();
            assert_eq!(json, format!("\"{}\"", k.as_str()));
            assert!(
                k.as_str()
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '_'),
                "{k}"
            );
            assert!(seen.insert(k.as_str()), "{k} twice");
        }
        for k in [
            "record_ciphertext_hash",
            "rekey",
            "record_missing",
            "supplement",
            "pin",
        ] {
            assert!(seen.contains(k), "{k}");
        }
    }
}
