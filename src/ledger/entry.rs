//! Ledger entries: one per event. The stored bytes are the compact JSON written here, hashed
//! verbatim as the Merkle leaf (`SHA-256(0x00 || bytes)`), so verifiers never re-serialize.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::Damage;
use crate::{Error, Result};

/// One event in the vault's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase", deny_unknown_fields)]
pub enum Entry {
    /// Vault creation: binds the vault id to its master recipient and signing key.
    Genesis {
        v: u32,
        vault: String,
        master_recipient: String,
        /// Ed25519 public key, base64 (standard, padded).
        signing_key: String,
    },
    /// A record revision.
    Record {
        v: u32,
        id: String,
        revision: u32,
        /// Hex SHA-256 of the stored age ciphertext.
        ciphertext_sha256: String,
        /// Field name -> base64url SHA-256 of its disclosure.
        fields: BTreeMap<String, String>,
    },
    /// An attached file.
    Attachment {
        v: u32,
        id: String,
        record: String,
        /// Hex SHA-256 of the stored (encrypted, padded) blob file.
        blob_sha256: String,
        blob_size: u64,
        /// Hex SHA-256 of the encrypted description.
        meta_sha256: String,
        fields: BTreeMap<String, String>,
    },
    /// A keyslot added, replaced (passphrase change) or removed.
    Keyslot {
        v: u32,
        action: SlotAction,
        slot: String,
        /// Keyslot digest after the change (absent on removal).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        slot_sha256: Option<String>,
    },
    /// A counsel bundle was exported; details are encrypted in the exports table.
    Export {
        /// 1 for exports logged before bundles were signed whole (no `statement_sha256`); 2
        /// ([`EXPORT_STATEMENT_VERSION`]) when the entry commits to the bundle's statement.
        v: u32,
        id: String,
        /// Hex SHA-256 of the encrypted export description.
        details_sha256: String,
        /// Hex SHA-256 of the bundle's signed statement (`STATEMENT.txt`,
        /// docs/bundle-format.md section 9): what was sent, file by file. Present exactly when
        /// `v` is 2.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        statement_sha256: Option<String>,
    },
    /// The master key was replaced (`vault rekey`). In the same transaction every record,
    /// attachment and export logged before it is re-encrypted, each with a `reencrypt` entry.
    Rekey {
        v: u32,
        /// The new master recipient (`age1...`).
        master_recipient: String,
        /// The recipient it replaces.
        previous_recipient: String,
    },
    /// An item re-encrypted by the preceding rekey. Its plaintext, and so its field digests, are
    /// unchanged; only the ciphertext hashes are new.
    Reencrypt {
        v: u32,
        /// Ledger leaf of the item's own entry (a record, attachment or export entry).
        leaf: u64,
        /// Hex SHA-256 of the new record ciphertext, attachment description or export description.
        sha256: String,
        /// Attachments only: hex SHA-256 of the new blob file.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        blob_sha256: Option<String>,
        /// Attachments only: size of the new blob file.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        blob_size: Option<u64>,
    },
    /// From here on the vault keeps a trust seal (docs/format.md, "Trust seal"): written by
    /// `init`, or by the first unlock of a vault made before seals existed. A ledger holding one
    /// with no seal stored was tampered with.
    Trust {
        v: u32,
        /// Version of the seal scheme.
        seal: u32,
    },
    /// Travel mode started (every keyslot moved into an escrow file encrypted to someone else,
    /// then overwritten here) or ended (the keyslots restored from that file). docs/format.md,
    /// "Travel mode".
    Travel {
        v: u32,
        action: TravelAction,
        /// Hex SHA-256 of the escrow file (the age file, as written).
        escrow_sha256: String,
        /// Slot id -> keyslot digest of every keyslot in the escrow file.
        slots: BTreeMap<String, String>,
    },
    /// A detention plan was set, or its release key replaced (`plan revoke`). docs/format.md,
    /// "Detention plan".
    Plan {
        v: u32,
        action: PlanAction,
        /// The release key's public half (`age1...`): release bundles are encrypted to it.
        release_recipient: String,
        /// Hex SHA-256 of the plan as stored (encrypted to the master key).
        plan_sha256: String,
    },
    /// An RFC 3161 timestamp of checkpoint `size` was imported (`vault anchor import`); the
    /// token and the trust anchor it was checked against are in the `anchors` table.
    Anchor {
        v: u32,
        /// The tree size of the checkpoint stamped.
        size: u64,
        /// Hex SHA-256 of that checkpoint's note text (the token's message imprint).
        note_sha256: String,
        /// Hex of the request's nonce (the INTEGER's bytes).
        nonce: String,
        /// Hex SHA-256 of the DER token.
        token_sha256: String,
        /// Hex SHA-256 of the DER trust-anchor certificate the token chains to.
        tsa_cert_sha256: String,
    },
    /// A witness's C2SP cosignature of checkpoint `size` was imported (`vault witness import`).
    Cosignature {
        v: u32,
        /// The tree size of the checkpoint cosigned.
        size: u64,
        /// The witness's key name.
        witness: String,
        /// The witness's Ed25519 public key, base64.
        key: String,
        /// The cosignature line, `— <name> <base64(key id || timestamp || signature)>`.
        line: String,
    },
}

/// Travel mode began or ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TravelAction {
    Start,
    End,
}

/// A detention plan made, or its release key replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlanAction {
    Set,
    Revoke,
}

/// What happened to a keyslot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SlotAction {
    Add,
    Replace,
    Remove,
}

/// Entry schema version written by this program.
pub const ENTRY_VERSION: u32 = 1;

/// Version of an export entry that commits to its bundle's statement (`statement_sha256`).
/// Export entries of version 1, written before, still verify.
pub const EXPORT_STATEMENT_VERSION: u32 = 2;

impl Entry {
    /// The exact bytes stored and hashed.
    pub fn to_bytes(&self) -> Vec<u8> {
        // Serializing these plain types cannot fail.
        serde_json::to_vec(self).unwrap_or_default()
    }

    /// Parses stored bytes, strictly.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let e: Entry = serde_json::from_slice(bytes).map_err(|e| {
            Error::Damage(Damage::EntryDecode {
                detail: e.to_string(),
            })
        })?;
        let (v, known) = match &e {
            // An export entry names its bundle's statement exactly when it is of version 2.
            Entry::Export {
                v,
                statement_sha256,
                ..
            } => (
                *v,
                match statement_sha256 {
                    None => *v == ENTRY_VERSION,
                    Some(_) => *v == EXPORT_STATEMENT_VERSION,
                },
            ),
            Entry::Genesis { v, .. }
            | Entry::Record { v, .. }
            | Entry::Attachment { v, .. }
            | Entry::Keyslot { v, .. }
            | Entry::Rekey { v, .. }
            | Entry::Reencrypt { v, .. }
            | Entry::Trust { v, .. }
            | Entry::Travel { v, .. }
            | Entry::Plan { v, .. }
            | Entry::Anchor { v, .. }
            | Entry::Cosignature { v, .. } => (*v, *v == ENTRY_VERSION),
        };
        if !known {
            return Err(Error::Damage(Damage::EntryVersion { version: v }));
        }
        Ok(e)
    }

    /// A short label for reports: `record 3f2a…#2`.
    pub fn label(&self) -> String {
        match self {
            Entry::Genesis { .. } => "vault creation".into(),
            Entry::Record { id, revision, .. } => format!("record {id} revision {revision}"),
            Entry::Attachment { id, record, .. } => format!("attachment {id} of record {record}"),
            Entry::Keyslot { slot, action, .. } => {
                format!("keyslot {slot} ({action:?})").to_lowercase()
            }
            Entry::Export { id, .. } => format!("export {id}"),
            Entry::Rekey { .. } => "rekey".into(),
            Entry::Reencrypt { leaf, .. } => format!("re-encryption of leaf {leaf}"),
            Entry::Trust { .. } => "trust seal".into(),
            Entry::Travel { action, .. } => format!("travel mode {action:?}").to_lowercase(),
            Entry::Plan { action, .. } => format!("detention plan {action:?}").to_lowercase(),
            Entry::Anchor { size, .. } => format!("timestamp of checkpoint {size}"),
            Entry::Cosignature { size, witness, .. } => {
                format!("cosignature of checkpoint {size} by {witness}")
            }
        }
    }
}
