//! Decrypted, display-ready forms of records and attachments (what `show --json` prints).

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::media::MediaMetadata;
use crate::record::attachment::AttachmentBody;
use crate::record::{Incident, Kind, Location, Party, RecordBody, Withdrawal};
use crate::when::When;

/// One record revision as shown to its owner.
#[derive(Debug, Clone, Serialize)]
pub struct RecordView {
    pub id: String,
    pub revision: u32,
    pub kind: Kind,
    pub occurred_at: When,
    pub recorded_at: DateTime<Utc>,
    pub location: Option<Location>,
    pub narrative: String,
    pub agents: Vec<Party>,
    pub vehicles: Vec<Party>,
    pub witnesses: Vec<Party>,
    pub tags: Vec<String>,
    pub attachments: Vec<AttachmentView>,
    /// Set when the incident was withdrawn as entered by mistake (absent otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub withdrawn: Option<Withdrawal>,
}

impl RecordView {
    /// Builds the view of a decrypted body.
    pub fn new(body: RecordBody, attachments: Vec<AttachmentView>) -> Self {
        let Incident {
            kind,
            occurred_at,
            location,
            narrative,
            agents,
            vehicles,
            witnesses,
            tags,
        } = body.incident;
        let withdrawn = body.withdrawn;
        RecordView {
            id: body.id,
            revision: body.revision,
            kind,
            occurred_at,
            recorded_at: body.recorded_at,
            location,
            narrative,
            agents,
            vehicles,
            witnesses,
            tags,
            attachments,
            withdrawn,
        }
    }

    /// True when the incident was withdrawn as entered by mistake.
    pub fn is_withdrawn(&self) -> bool {
        self.withdrawn.is_some()
    }

    /// The incident part, for amending.
    pub fn incident(&self) -> Incident {
        Incident {
            kind: self.kind,
            occurred_at: self.occurred_at.clone(),
            location: self.location.clone(),
            narrative: self.narrative.clone(),
            agents: self.agents.clone(),
            vehicles: self.vehicles.clone(),
            witnesses: self.witnesses.clone(),
            tags: self.tags.clone(),
        }
    }
}

/// One attachment as shown to its owner.
#[derive(Debug, Clone, Serialize)]
pub struct AttachmentView {
    /// 1-based position within the record (what `extract --attachment N` takes).
    pub number: u64,
    pub id: String,
    pub name: String,
    pub size: u64,
    pub sha256: String,
    pub media_type: String,
    pub attached_at: DateTime<Utc>,
    pub metadata: MediaMetadata,
    /// Human labels of identifying metadata (GPS, serial numbers, owner names).
    pub identifying: Vec<String>,
}

impl AttachmentView {
    /// Builds the view of a decrypted description.
    pub fn new(number: u64, body: AttachmentBody) -> Self {
        AttachmentView {
            number,
            identifying: body.metadata.identifying(),
            id: body.id,
            name: body.name,
            size: body.size,
            sha256: body.sha256,
            media_type: body.media_type,
            attached_at: body.attached_at,
            metadata: body.metadata,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Field;

    #[test]
    fn the_view_shows_every_field_under_its_json_key() {
        let incident = Incident {
            kind: Kind::Raid,
            occurred_at: When::Day(chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()),
            location: None,
            narrative: String::new(),
            agents: vec![],
            vehicles: vec![],
            witnesses: vec![],
            tags: vec![],
        };
        let body = RecordBody::new("ab".into(), 1, incident.clone(), Utc::now()).unwrap();
        let view = RecordView::new(body, vec![]);
        assert_eq!(
            view.incident(),
            incident,
            "amending starts from what was stored"
        );
        let json = serde_json::to_value(&view).unwrap();
        let keys: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        for f in Field::ALL {
            assert!(keys.contains(&f.json_key()), "{f:?} missing from {keys:?}");
        }
        // Besides the fields: which revision of which incident.
        assert_eq!(keys.len(), Field::ALL.len() + 2, "{keys:?}");
    }
}
