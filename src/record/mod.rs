//! The incident model and its plaintext encoding. No I/O here.
//!
//! Every stored record is a JSON document (`RecordBody`) that carries its own id and revision
//! (so ciphertexts swapped between rows are caught) and a random salt per field. Each field's
//! *disclosure* is the SD-JWT-style (RFC 9901) string `base64url(JSON [salt, name, value])`, and
//! its digest `base64url(SHA-256(disclosure))` goes into the ledger. A redacted export later
//! reveals some disclosures and only the digests of the rest.

pub mod attachment;
pub mod disclosure;
pub mod field;
mod kind;
pub mod party;
pub mod view;

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub use field::Field;
pub use party::{Location, Party, Role};

use crate::error::{Damage, Input};
use crate::when::When;
use crate::{Error, Result};

/// Format tag of a record body.
pub const RECORD_FORMAT: &str = "vault-record/1";

/// What kind of encounter this was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Followed,
    Photographed,
    Contacted,
    Visited,
    Raid,
    Arrest,
    Online,
    Other,
}

impl Kind {
    /// Every kind, in menu order.
    pub const ALL: [Kind; 8] = [
        Kind::Followed,
        Kind::Photographed,
        Kind::Contacted,
        Kind::Visited,
        Kind::Raid,
        Kind::Arrest,
        Kind::Online,
        Kind::Other,
    ];

    /// The stored and typed name.
    pub fn as_str(&self) -> &'static str {
        match self {
            Kind::Followed => "followed",
            Kind::Photographed => "photographed",
            Kind::Contacted => "contacted",
            Kind::Visited => "visited",
            Kind::Raid => "raid",
            Kind::Arrest => "arrest",
            Kind::Online => "online",
            Kind::Other => "other",
        }
    }
}

impl std::str::FromStr for Kind {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        let lower = s.trim().to_lowercase();
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str() == lower)
            .ok_or_else(|| {
                Error::Input(Input::UnknownKind {
                    given: s.to_owned(),
                    choices: Kind::ALL.map(|k| k.as_str()).join(", "),
                })
            })
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the activist records about one incident. Unknown keys are refused so a misspelled field
/// in `--from-json` input is an error, not silently dropped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Incident {
    pub kind: Kind,
    pub occurred_at: When,
    #[serde(default)]
    pub location: Option<Location>,
    #[serde(default)]
    pub narrative: String,
    #[serde(default)]
    pub agents: Vec<Party>,
    #[serde(default)]
    pub vehicles: Vec<Party>,
    #[serde(default)]
    pub witnesses: Vec<Party>,
    #[serde(default)]
    pub tags: Vec<String>,
}

impl Incident {
    /// Checks what a person could get wrong: blank tags, unbalanced private markers.
    pub fn validate(&self) -> Result<()> {
        if self.tags.iter().any(|t| t.trim().is_empty()) {
            return Err(Error::Input(Input::TagEmpty));
        }
        disclosure::split_private(&self.narrative)?;
        if let Some(loc) = &self.location {
            loc.validate()?;
        }
        Ok(())
    }
}

/// Why an incident was withdrawn: the owner marked it as entered by mistake (`vault withdraw`).
/// The incident and its history stay in the vault and the ledger; listings, reports, patterns,
/// searches and `export --all` leave it out unless asked to include it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Withdrawal {
    pub reason: String,
}

/// The ledger name of a withdrawal's disclosure (present only in withdrawn revisions, so the
/// digests of every other record are what they always were).
pub const WITHDRAWN_FIELD: &str = "withdrawn";

/// The plaintext of one stored record revision (what `age -d` of a record row prints, followed
/// by space padding).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordBody {
    pub format: String,
    pub id: String,
    pub revision: u32,
    /// The revision this one replaces (`revision - 1`), or null for the first.
    pub supersedes: Option<u32>,
    pub recorded_at: DateTime<Utc>,
    pub incident: Incident,
    /// Set in a revision that withdraws the incident (and kept by later amendments); absent
    /// otherwise, as in every record written before withdrawals existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawn: Option<Withdrawal>,
    /// Field name -> base64url salt (16 random bytes).
    pub salts: BTreeMap<String, String>,
}

impl RecordBody {
    /// A new revision with fresh salts for every field.
    pub fn new(
        id: String,
        revision: u32,
        incident: Incident,
        recorded_at: DateTime<Utc>,
    ) -> Result<Self> {
        RecordBody::new_revision(id, revision, incident, None, recorded_at)
    }

    /// [`RecordBody::new`] with a withdrawal (or none).
    pub fn new_revision(
        id: String,
        revision: u32,
        incident: Incident,
        withdrawn: Option<Withdrawal>,
        recorded_at: DateTime<Utc>,
    ) -> Result<Self> {
        incident.validate()?;
        if withdrawn
            .as_ref()
            .is_some_and(|w| w.reason.trim().is_empty())
        {
            return Err(Error::Input(Input::WithdrawReasonEmpty));
        }
        let mut body = RecordBody {
            format: RECORD_FORMAT.into(),
            id,
            revision,
            supersedes: revision.checked_sub(1).filter(|r| *r > 0),
            recorded_at,
            incident,
            withdrawn,
            salts: BTreeMap::new(),
        };
        let names: Vec<String> = body.field_values()?.into_keys().collect();
        body.salts = names
            .into_iter()
            .map(|n| (n, disclosure::new_salt()))
            .collect();
        Ok(body)
    }

    /// The disclosable fields and their values, by name (see docs/format.md "Record fields"):
    /// every [`Field`] the record discloses, one `narrative.private.N` per private span, and
    /// `withdrawn` ([`WITHDRAWN_FIELD`]) in a withdrawn revision.
    pub fn field_values(&self) -> Result<BTreeMap<String, serde_json::Value>> {
        let i = &self.incident;
        let (public_narrative, spans) = disclosure::split_private(&i.narrative)?;
        let mut map = BTreeMap::new();
        for field in Field::ALL {
            let value = match field {
                Field::Kind => serde_json::json!(i.kind),
                Field::When => serde_json::to_value(&i.occurred_at).map_err(json_err)?,
                Field::Location => serde_json::to_value(&i.location).map_err(json_err)?,
                Field::Narrative => serde_json::Value::String(public_narrative.clone()),
                Field::Agents => serde_json::to_value(&i.agents).map_err(json_err)?,
                Field::Vehicles => serde_json::to_value(&i.vehicles).map_err(json_err)?,
                Field::Witnesses => serde_json::to_value(&i.witnesses).map_err(json_err)?,
                Field::Tags => serde_json::to_value(&i.tags).map_err(json_err)?,
                Field::RecordedAt => serde_json::to_value(self.recorded_at).map_err(json_err)?,
                // Each attachment is its own ledger entry with its own disclosures.
                Field::Attachments => continue,
            };
            map.insert(field.name().to_owned(), value);
        }
        for (n, span) in spans.into_iter().enumerate() {
            map.insert(
                disclosure::private_field_name(n + 1),
                serde_json::Value::String(span),
            );
        }
        if let Some(w) = &self.withdrawn {
            map.insert(
                WITHDRAWN_FIELD.to_owned(),
                serde_json::to_value(w).map_err(json_err)?,
            );
        }
        Ok(map)
    }

    /// Field name -> disclosure string.
    pub fn disclosures(&self) -> Result<BTreeMap<String, String>> {
        disclosure::encode_all(
            self.field_values()?,
            &self.salts,
            &format!("record {}", self.id),
        )
    }

    /// Field name -> digest, as committed in the ledger.
    pub fn digests(&self) -> Result<BTreeMap<String, String>> {
        Ok(disclosure::digest_all(self.disclosures()?))
    }

    /// Serializes and parses with a strict check of the format tag.
    pub fn to_json(&self) -> Result<Vec<u8>> {
        serde_json::to_vec(self).map_err(json_err)
    }

    /// Parses a decrypted body (padding spaces are JSON whitespace).
    pub fn from_json(bytes: &[u8]) -> Result<Self> {
        let body: RecordBody = serde_json::from_slice(bytes).map_err(|e| {
            Error::Damage(Damage::RecordDecode {
                detail: e.to_string(),
            })
        })?;
        if body.format != RECORD_FORMAT {
            return Err(Error::Damage(Damage::RecordFormat {
                format: body.format.clone(),
            }));
        }
        Ok(body)
    }
}

fn json_err(e: serde_json::Error) -> Error {
    Error::Json(e)
}

/// A new random record or attachment id: 16 bytes, lower-case hex.
pub fn new_id() -> String {
    hex::encode(crate::crypto::random_bytes::<16>())
}
