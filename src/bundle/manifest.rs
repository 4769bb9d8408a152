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
    /// RFC 3161 timestamps of `checkpoint` and of `history` (src/bundle/anchors.rs).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub anchors: Vec<super::anchors::AnchorEntry>,
    /// Witness cosignatures of `checkpoint` and of `history` (src/bundle/anchors.rs).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cosignatures: Vec<super::anchors::CosignatureEntry>,
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
    /// Every earlier revision of the incident (1 to `revision` - 1, in order): its ledger entry
    /// with an inclusion proof, and when it was recorded. Absent for a first revision.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier: Vec<EarlierRevision>,
}

/// An earlier revision of an exported record: proof that it was logged, and when. Only its
/// `recorded_at` is disclosed, never its other fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EarlierRevision {
    pub revision: u32,
    pub proof: LeafProof,
    /// The disclosure of that revision's `recorded_at` field, absent when the export withholds
    /// `recorded_at`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorded_at: Option<String>,
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

/// The first object key that appears twice in one object of the JSON text `bytes`, as an error
/// message. serde_json (and most parsers) keep the last of two equal keys while another reader
/// may keep the first, so a bundle file with a repeated key could show each reader something
/// else: bundles never have one (docs/bundle-format.md, section 1). Syntax errors are left to the
/// real parse; only duplicates are reported here.
pub fn duplicate_key(bytes: &[u8]) -> Option<String> {
    match serde_json::from_slice::<NoDuplicateKeys>(bytes) {
        Err(e) if e.to_string().starts_with(DUPLICATE) => Some(e.to_string()),
        _ => None,
    }
}

const DUPLICATE: &str = "duplicate key ";

/// Walks any JSON value, refusing an object with a repeated key.
struct NoDuplicateKeys;

impl<'de> Deserialize<'de> for NoDuplicateKeys {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NoDuplicateKeys)
    }
}

impl<'de> serde::de::Visitor<'de> for NoDuplicateKeys {
    type Value = NoDuplicateKeys;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(NoDuplicateKeys)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(NoDuplicateKeys)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(NoDuplicateKeys)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(NoDuplicateKeys)
    }
    fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
        Ok(NoDuplicateKeys)
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(NoDuplicateKeys)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<NoDuplicateKeys>()?.is_some() {}
        Ok(NoDuplicateKeys)
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        // Keys without escapes are borrowed from the text: a 300 MB manifest is walked without
        // one allocation per key.
        let mut seen = std::collections::BTreeSet::new();
        while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
            if seen.contains(&key) {
                return Err(serde::de::Error::custom(format!("{DUPLICATE}{key:?}")));
            }
            seen.insert(key);
            map.next_value::<NoDuplicateKeys>()?;
        }
        Ok(NoDuplicateKeys)
    }
}

/// An object key, borrowed from the JSON text when it has no escape.
struct Key<'de>(std::borrow::Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> serde::de::Visitor<'de> for KeyVisitor {
    type Value = Key<'de>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an object key")
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Key(std::borrow::Cow::Borrowed(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Key(std::borrow::Cow::Owned(v.to_owned())))
    }
    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(Key(std::borrow::Cow::Owned(v)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_keys_are_found_at_any_depth() {
        assert_eq!(duplicate_key(br#"{"a":1,"b":[{"c":2}]}"#), None);
        assert!(duplicate_key(br#"{"a":1,"a":2}"#).is_some());
        assert!(duplicate_key(br#"{"x":[{"c":2,"d":{"e":1,"e":1}}]}"#).is_some());
        // The same key written with an escape is the same key.
        assert!(duplicate_key(br#"{"ab":1,"\u0061b":2}"#).is_some());
        // Syntax errors are the real parse's business.
        assert_eq!(duplicate_key(b"{\"a\":"), None);
    }
}
