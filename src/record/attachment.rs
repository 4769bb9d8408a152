//! The encrypted description of one attachment (its file content is a separate age stream).

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::disclosure;
use crate::error::Damage;
use crate::media::MediaMetadata;
use crate::{Error, Result};

/// Format tag of an attachment description.
pub const ATTACHMENT_FORMAT: &str = "vault-attachment/1";

/// What the vault records about an attached file (encrypted; never in plaintext).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttachmentBody {
    pub format: String,
    pub id: String,
    pub record_id: String,
    /// The original file name, lossily decoded for display.
    pub name: String,
    /// The original name's raw bytes (base64url) when it was not valid UTF-8.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_bytes: Option<String>,
    /// Size of the original in bytes (the stored stream is padded past it).
    pub size: u64,
    /// SHA-256 of the original bytes, hex, taken while the file was read in.
    pub sha256: String,
    pub media_type: String,
    pub attached_at: DateTime<Utc>,
    pub metadata: MediaMetadata,
    pub salts: BTreeMap<String, String>,
}

impl AttachmentBody {
    /// Field names that are disclosable.
    pub const FIELDS: [&'static str; 6] = [
        "name",
        "size",
        "sha256",
        "media_type",
        "metadata",
        "attached_at",
    ];

    /// Fresh salts for every field.
    pub fn fresh_salts() -> BTreeMap<String, String> {
        Self::FIELDS
            .iter()
            .map(|f| (f.to_string(), disclosure::new_salt()))
            .collect()
    }

    /// Field name -> value.
    pub fn field_values(&self) -> Result<BTreeMap<String, serde_json::Value>> {
        let j = |v: serde_json::Result<serde_json::Value>| v.map_err(Error::Json);
        let mut m = BTreeMap::new();
        m.insert("name".into(), serde_json::Value::String(self.name.clone()));
        m.insert("size".into(), serde_json::json!(self.size));
        m.insert(
            "sha256".into(),
            serde_json::Value::String(self.sha256.clone()),
        );
        m.insert(
            "media_type".into(),
            serde_json::Value::String(self.media_type.clone()),
        );
        m.insert("metadata".into(), j(serde_json::to_value(&self.metadata))?);
        m.insert(
            "attached_at".into(),
            j(serde_json::to_value(self.attached_at))?,
        );
        Ok(m)
    }

    /// Field name -> disclosure string.
    pub fn disclosures(&self) -> Result<BTreeMap<String, String>> {
        disclosure::encode_all(
            self.field_values()?,
            &self.salts,
            &format!("attachment {}", self.id),
        )
    }

    /// Field name -> digest.
    pub fn digests(&self) -> Result<BTreeMap<String, String>> {
        Ok(disclosure::digest_all(self.disclosures()?))
    }

    /// Parses a decrypted description.
    pub fn from_json(bytes: &[u8]) -> Result<Self> {
        let body: AttachmentBody = serde_json::from_slice(bytes).map_err(|e| {
            Error::Damage(Damage::AttachmentDecode {
                detail: e.to_string(),
            })
        })?;
        if body.format != ATTACHMENT_FORMAT {
            return Err(Error::Damage(Damage::AttachmentFormat {
                format: body.format.clone(),
            }));
        }
        Ok(body)
    }
}
