//! `manifest.json`: what a bundle claims and the proofs for it.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The whole manifest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// `vault-bundle/1`.
    pub format: String,
    /// `export` for a bundle, `disclosure` for a later disclosure of withheld fields.
    pub kind: String,
    /// Random id of this export (also in the vault's ledger).
    pub export_id: String,
    /// For a disclosure: the export id of the bundle it supplements.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supplements: Option<String>,
    pub exported_at: DateTime<Utc>,
    pub vault: VaultKey,
    /// The C2SP signed checkpoint note every proof leads to.
    pub checkpoint: String,
    pub records: Vec<RecordEntry>,
    pub attachments: Vec<AttachmentEntry>,
    /// Every earlier checkpoint the vault signed, with an RFC 9162 consistency proof to
    /// `checkpoint`: a receipt counsel received earlier must be one of them.
    #[serde(default)]
    pub history: Vec<EarlierCheckpoint>,
}

/// An earlier checkpoint and the proof that the current one extends it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EarlierCheckpoint {
    pub size: u64,
    /// Root hash, base64.
    pub root: String,
    /// Consistency proof hashes, base64.
    pub consistency_proof: Vec<String>,
}

/// The vault's public signing identity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VaultKey {
    pub id: String,
    /// C2SP verifier key: `<name>+<key id hex>+<base64(0x01 || public key)>`.
    pub verifier_key: String,
    /// The Ed25519 public key, base64.
    pub public_key: String,
    /// The phone-readable fingerprint.
    pub fingerprint: String,
}

/// A ledger leaf and its inclusion proof.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LeafProof {
    pub leaf_index: u64,
    /// The exact ledger entry bytes, base64.
    pub entry: String,
    /// RFC 9162 inclusion proof hashes, base64, leaf to root.
    pub inclusion_proof: Vec<String>,
}

/// One exported record revision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordEntry {
    pub id: String,
    pub revision: u32,
    pub proof: LeafProof,
    /// Field name -> disclosure (`base64url([salt, name, value])`).
    pub disclosed: BTreeMap<String, String>,
    /// Names of fields whose digests are in the leaf but whose values are not given.
    pub withheld: Vec<String>,
    /// Values derived from withheld fields (e.g. coarsened location), clearly not the original.
    #[serde(default)]
    pub derived: BTreeMap<String, serde_json::Value>,
    /// Path of the readable record inside the archive.
    pub file: String,
}

/// One exported attachment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttachmentEntry {
    pub id: String,
    pub record: String,
    pub proof: LeafProof,
    pub disclosed: BTreeMap<String, String>,
    pub withheld: Vec<String>,
    /// Path of the included file, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// Hex SHA-256 of the included file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_sha256: Option<String>,
    /// `original` (byte-identical to what was attached), `stripped` (a copy with identifying
    /// metadata removed) or `none` (not included).
    pub carries: String,
}

/// The readable form of one record in `records/<id>.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordFile {
    pub id: String,
    pub revision: u32,
    /// Field name -> value, or `{"withheld": true}`.
    pub fields: BTreeMap<String, serde_json::Value>,
    #[serde(default)]
    pub derived: BTreeMap<String, serde_json::Value>,
}

/// The marker that stands for a withheld value in readable files.
pub fn withheld_marker() -> serde_json::Value {
    serde_json::json!({ "withheld": true })
}
