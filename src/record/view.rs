//! Decrypted, display-ready forms of records and attachments (what `show --json` prints).

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::media::MediaMetadata;
use crate::record::attachment::AttachmentBody;
use crate::record::{Incident, Kind, Location, Party, RecordBody};
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
        }
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
