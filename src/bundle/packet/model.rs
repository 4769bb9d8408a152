//! What a lawyer reads of a bundle, worked out once from its redacted parts: each incident's
//! disclosed fields as people write them (times through [`crate::when`], kinds by name, withheld
//! parts marked), its history as far as the bundle knows it, and its attachments with their
//! hashes, capture times and identifying-metadata warnings. The court packet and counsel's
//! `report.html` both read this, so they never disagree.
//!
//! Only what the bundle discloses is read: record files (withheld values are already replaced
//! by a marker) and the attachments' disclosed fields. Nothing withheld reaches this module.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDateTime, TimeDelta, Utc};

use crate::bundle::manifest::{
    AttachmentEntry, EarlierRevision, Manifest, RecordEntry, RecordFile,
};
use crate::i18n::{self, FluentValue, Lang};
use crate::media::MediaMetadata;
use crate::record::disclosure::{self, PRIVATE_OPEN};
use crate::record::{Field, Kind};
use crate::when::When;

/// A capture time further than this from the incident's time is flagged.
pub const MISMATCH_AFTER: TimeDelta = TimeDelta::days(1);

/// The fields an incident shows, in this order, before its narrative.
const ROWS: [Field; 7] = [
    Field::When,
    Field::Kind,
    Field::Location,
    Field::Agents,
    Field::Vehicles,
    Field::Witnesses,
    Field::Tags,
];

/// A catalogue message in `lang` with arguments.
pub(crate) fn msg(lang: Lang, id: &str, args: &[(&str, FluentValue)]) -> String {
    if args.is_empty() {
        return i18n::text_in(lang, id, None);
    }
    let args = i18n::args(args.iter().map(|(k, v)| (*k, v.clone())));
    i18n::text_in(lang, id, Some(&args))
}

/// A proof of time from outside the vault (for example an RFC 3161 timestamp token or a
/// witness's cosignature over a checkpoint) that the packet lists on its cover
/// ([`outside_proofs`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutsideProof {
    /// Who vouches for the time (an authority's or witness's name).
    pub by: String,
    /// The time it vouches for, as the proof states it.
    pub time: String,
    /// What it covers (a checkpoint size, a hash), in plain words.
    pub covers: String,
}

/// The timestamps and cosignatures the bundle carries, as the cover lists them. Whether a
/// timestamp's authority or a cosignature's witness is one counsel trusts is for
/// `vault bundle verify --tsa-cert / --witness-key` to say; the cover names who vouches.
pub fn outside_proofs(m: &Manifest, lang: Lang) -> Vec<OutsideProof> {
    let report = crate::bundle::anchors::check(m, &[], &[]);
    let at = |secs: i64| {
        DateTime::from_timestamp(secs, 0)
            .map(|t| utc_text(t, lang))
            .unwrap_or_else(|| secs.to_string())
    };
    let anchors = report.anchors.iter().map(|a| OutsideProof {
        by: a.facts.tsa.clone(),
        time: at(a.facts.gen_time),
        covers: msg(
            lang,
            "bundle-packet-outside-anchor",
            &[("size", FluentValue::from(a.size))],
        ),
    });
    let cosignatures = report.cosignatures.iter().map(|c| OutsideProof {
        by: c.witness.clone(),
        time: at(i64::try_from(c.time).unwrap_or(i64::MAX)),
        covers: msg(
            lang,
            "bundle-packet-outside-cosignature",
            &[("size", FluentValue::from(c.size))],
        ),
    });
    anchors.chain(cosignatures).collect()
}

/// The whole bundle, as the lawyer reads it.
#[derive(Debug, Clone)]
pub struct View {
    pub lang: Lang,
    pub export_id: String,
    pub disclosure: bool,
    pub supplements: Option<String>,
    pub exported_at: DateTime<Utc>,
    /// `exported_at` as people write it.
    pub exported_text: String,
    pub vault_id: String,
    pub fingerprint: String,
    pub checkpoint: String,
    pub checkpoint_size: u64,
    pub incidents: Vec<IncidentView>,
    pub attachment_count: usize,
    pub outside_proofs: Vec<OutsideProof>,
}

/// One incident.
#[derive(Debug, Clone)]
pub struct IncidentView {
    pub id: String,
    /// The first 8 characters of the id (how the owner's commands name it).
    pub short: String,
    pub revision: u32,
    /// When it happened, if disclosed and readable.
    pub when: Option<When>,
    /// When it happened as people write it, or the withheld marker.
    pub when_text: String,
    /// The time as data, exactly as recorded (RFC 3339, a date, or `start/end`); empty if
    /// withheld.
    pub when_data: String,
    /// The kind's name, or the withheld marker.
    pub kind_text: String,
    /// Label and text of every disclosed or withheld field but the narrative, in order.
    pub rows: Vec<(String, String)>,
    /// The narrative with each private part either shown (if disclosed) or marked withheld;
    /// `None` when the narrative itself is withheld or absent.
    pub narrative: Option<String>,
    /// The recorded time of this version, as people write it (UTC, the activist's clock).
    pub recorded_text: Option<String>,
    /// The history of the incident as far as the bundle knows it, one sentence each.
    pub history: Vec<String>,
    pub attachments: Vec<AttachmentView>,
    /// The narrative reads as Spanish (the declaration adds a translation block).
    pub spanish: bool,
}

/// One attachment of an incident.
#[derive(Debug, Clone)]
pub struct AttachmentView {
    pub id: String,
    /// Its path inside the bundle, when the file is included.
    pub path: Option<String>,
    /// The original file name, when disclosed.
    pub name: Option<String>,
    pub media_type: Option<String>,
    /// `original`, `stripped` or `none`, as the manifest says.
    pub carries: String,
    /// SHA-256 of the file in the bundle.
    pub file_sha256: Option<String>,
    /// SHA-256 of the original, taken when it entered the vault (disclosed field).
    pub original_sha256: Option<String>,
    /// The capture time the file's metadata states, as written there.
    pub taken_at: Option<String>,
    /// How far the capture time lies outside the incident's time, when more than a day.
    pub mismatch: Option<TimeDelta>,
    /// Identifying metadata the original carries, one line each, in the view's language.
    pub identifying: Vec<String>,
}

impl View {
    /// Works out the view of a bundle from its manifest and readable record files.
    pub fn new(
        m: &Manifest,
        records: &[RecordFile],
        outside_proofs: &[OutsideProof],
        lang: Lang,
    ) -> View {
        let checkpoint_size = crate::ledger::checkpoint::parse_unverified(&m.checkpoint)
            .map(|c| c.size)
            .unwrap_or(0);
        let mut by_record: std::collections::HashMap<&str, Vec<&AttachmentEntry>> =
            std::collections::HashMap::new();
        for a in &m.attachments {
            by_record.entry(a.record.as_str()).or_default().push(a);
        }
        let entries: std::collections::HashMap<(&str, u32), &RecordEntry> = m
            .records
            .iter()
            .map(|e| ((e.id.as_str(), e.revision), e))
            .collect();
        let mut incidents: Vec<IncidentView> = records
            .iter()
            .map(|r| {
                let atts = by_record
                    .get(r.id.as_str())
                    .map(Vec::as_slice)
                    .unwrap_or_default();
                let earlier = entries
                    .get(&(r.id.as_str(), r.revision))
                    .map(|e| e.earlier.as_slice())
                    .unwrap_or_default();
                incident(r, atts, earlier, lang)
            })
            .collect();
        // Oldest first; an incident whose time is withheld goes last, in id order.
        incidents.sort_by(|a, b| {
            let key = |i: &IncidentView| i.when.as_ref().map(When::sort_key);
            match (key(a), key(b)) {
                (Some(x), Some(y)) => x.cmp(&y).then_with(|| a.id.cmp(&b.id)),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => a.id.cmp(&b.id),
            }
        });
        View {
            lang,
            export_id: m.export_id.clone(),
            disclosure: m.kind == "disclosure",
            supplements: m.supplements.clone(),
            exported_at: m.exported_at,
            exported_text: utc_text(m.exported_at, lang),
            vault_id: m.vault.id.clone(),
            fingerprint: m.vault.fingerprint.clone(),
            checkpoint: m.checkpoint.clone(),
            checkpoint_size,
            incidents,
            attachment_count: m.attachments.len(),
            outside_proofs: outside_proofs.to_vec(),
        }
    }
}

/// An instant in UTC as people write it (`Tue 10 Nov 2026, 7:00 pm UTC`).
pub fn utc_text(t: DateTime<Utc>, lang: Lang) -> String {
    // Whole seconds: a recorded time never shows nanoseconds.
    let t = t.with_timezone(&Utc);
    let secs = t.timestamp();
    let t = DateTime::<Utc>::from_timestamp(secs, 0).unwrap_or(t);
    let shown = When::At(t.fixed_offset()).human_in(lang, &Utc);
    msg(
        lang,
        "bundle-packet-utc",
        &[("time", FluentValue::from(shown))],
    )
}

/// The withheld marker in `lang`.
pub fn withheld(lang: Lang) -> String {
    msg(lang, "report-counsel-withheld", &[])
}

fn is_withheld(v: &serde_json::Value) -> bool {
    v.get("withheld") == Some(&serde_json::Value::Bool(true))
        && v.as_object().is_some_and(|o| o.len() == 1)
}

fn incident(
    r: &RecordFile,
    atts: &[&AttachmentEntry],
    earlier: &[EarlierRevision],
    lang: Lang,
) -> IncidentView {
    let marker = withheld(lang);
    let field = |f: Field| r.fields.get(f.name());
    let when = field(Field::When)
        .filter(|v| !is_withheld(v))
        .and_then(|v| serde_json::from_value::<When>(v.clone()).ok());
    let when_text = match (&when, field(Field::When)) {
        (Some(w), _) => w.human_in(lang, &Utc),
        (None, Some(v)) if !is_withheld(v) => value_text(v, lang),
        _ => marker.clone(),
    };
    let when_data = when.as_ref().map(When::data_text).unwrap_or_default();
    let kind_text = match field(Field::Kind) {
        Some(v) if is_withheld(v) => marker.clone(),
        Some(v) => serde_json::from_value::<Kind>(v.clone())
            .map(|k| k.label_in(lang).to_owned())
            .unwrap_or_else(|_| value_text(v, lang)),
        None => String::new(),
    };
    let mut rows = Vec::new();
    for f in ROWS {
        let Some(v) = field(f) else { continue };
        let text = match f {
            Field::When => when_text.clone(),
            Field::Kind => kind_text.clone(),
            _ if is_withheld(v) => marker.clone(),
            _ => value_text(v, lang),
        };
        rows.push((f.label_in(lang).to_owned(), text));
    }
    // An incident the owner withdrew as entered by mistake says so, with the reason.
    if let Some(v) = r.fields.get(crate::record::WITHDRAWN_FIELD) {
        rows.push((
            msg(lang, "report-counsel-withdrawn", &[]),
            value_text(v, lang),
        ));
    }
    for (key, v) in &r.derived {
        let label = Field::from_name(key).map_or(key.as_str(), |f| f.label_in(lang));
        rows.push((
            msg(
                lang,
                "report-counsel-derived",
                &[("field", FluentValue::from(label))],
            ),
            value_text(v, lang),
        ));
    }
    let recorded = field(Field::RecordedAt)
        .filter(|v| !is_withheld(v))
        .and_then(|v| serde_json::from_value::<DateTime<Utc>>(v.clone()).ok());
    let recorded_text = recorded.map(|t| utc_text(t, lang));
    if let Some(v) = field(Field::RecordedAt) {
        rows.push((
            Field::RecordedAt.label_in(lang).to_owned(),
            match &recorded_text {
                Some(t) => t.clone(),
                None if is_withheld(v) => marker.clone(),
                None => value_text(v, lang),
            },
        ));
    }
    let narrative = match field(Field::Narrative) {
        Some(serde_json::Value::String(t)) => Some(join_narrative(t, &r.fields, lang)),
        _ => None,
    };
    let spanish = narrative.as_deref().is_some_and(looks_spanish);
    let history = history(r.revision, recorded_text.as_deref(), earlier, lang);
    let attachments = atts
        .iter()
        .map(|a| attachment(a, when.as_ref(), lang))
        .collect();
    IncidentView {
        short: r.id.get(..8).unwrap_or(&r.id).to_owned(),
        id: r.id.clone(),
        revision: r.revision,
        when,
        when_text,
        when_data,
        kind_text,
        rows,
        narrative,
        recorded_text,
        history,
        attachments,
        spanish,
    }
}

/// What the bundle knows of an incident's history: its version number (the ledger entry
/// proves it) and how many earlier versions it corrects; then, when the bundle carries the
/// earlier versions (manifest `earlier`), when each was recorded, first to last; otherwise when
/// this version was recorded. Earlier versions' texts are never in a bundle.
fn history(
    revision: u32,
    recorded: Option<&str>,
    earlier: &[EarlierRevision],
    lang: Lang,
) -> Vec<String> {
    let mut out = Vec::new();
    if revision <= 1 {
        out.push(msg(lang, "bundle-packet-history-first", &[]));
    } else {
        out.push(msg(
            lang,
            "bundle-packet-history-corrected",
            &[
                ("revision", FluentValue::from(revision)),
                ("earlier", FluentValue::from(revision - 1)),
            ],
        ));
    }
    if earlier.is_empty() {
        match recorded {
            Some(at) => out.push(msg(
                lang,
                "bundle-packet-history-recorded",
                &[("at", FluentValue::from(at.to_owned()))],
            )),
            None => out.push(msg(lang, "bundle-packet-history-recorded-withheld", &[])),
        }
        return out;
    }
    let times = earlier
        .iter()
        .map(|e| (e.revision, e.recorded_at.as_deref().and_then(earlier_time)))
        .map(|(rev, t)| (rev, t.map(|t| utc_text(t, lang))))
        .chain([(revision, recorded.map(str::to_owned))]);
    for (rev, at) in times {
        let (id, args) = match (rev, at) {
            (1, Some(at)) => (
                "bundle-packet-history-first-recorded",
                vec![("at", FluentValue::from(at))],
            ),
            (1, None) => ("bundle-packet-history-first-recorded-withheld", vec![]),
            (rev, Some(at)) => (
                "bundle-packet-history-correction",
                vec![
                    ("revision", FluentValue::from(rev)),
                    ("at", FluentValue::from(at)),
                ],
            ),
            (rev, None) => (
                "bundle-packet-history-correction-withheld",
                vec![("revision", FluentValue::from(rev))],
            ),
        };
        out.push(msg(lang, id, &args));
    }
    out.push(msg(lang, "bundle-packet-history-clock", &[]));
    out
}

/// The time an earlier revision's `recorded_at` disclosure gives (the bundle was verified, or
/// is being written: the disclosure matches its ledger digest).
fn earlier_time(d: &str) -> Option<DateTime<Utc>> {
    let (_, name, value) = disclosure::decode(d).ok()?;
    (name == Field::RecordedAt.name())
        .then(|| serde_json::from_value(value).ok())
        .flatten()
}

/// The public narrative with each `[[private N]]` placeholder replaced by the span, when the
/// bundle discloses it, or by the withheld marker.
fn join_narrative(
    public: &str,
    fields: &BTreeMap<String, serde_json::Value>,
    lang: Lang,
) -> String {
    let mut out = String::with_capacity(public.len());
    let mut rest = public;
    while let Some(start) = rest.find(PRIVATE_OPEN) {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        match placeholder(after) {
            Some((n, len)) => {
                match fields.get(&disclosure::private_field_name(n)) {
                    Some(serde_json::Value::String(s)) => out.push_str(s),
                    _ => out.push_str(&msg(lang, "report-counsel-private-withheld", &[])),
                }
                rest = &after[len..];
            }
            None => {
                out.push_str(PRIVATE_OPEN);
                rest = &after[PRIVATE_OPEN.len()..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The number and length of a `[[private N]]` placeholder at the start of `s`.
fn placeholder(s: &str) -> Option<(usize, usize)> {
    let rest = s.strip_prefix("[[private ")?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || !rest[digits..].starts_with("]]") {
        return None;
    }
    let n = rest[..digits].parse().ok()?;
    Some((n, "[[private ".len() + digits + 2))
}

/// A disclosed value as one line of text: lists joined with `; `, objects as `key: value`.
pub fn value_text(v: &serde_json::Value, lang: Lang) -> String {
    if is_withheld(v) {
        return withheld(lang);
    }
    match v {
        serde_json::Value::Null => "—".into(),
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(items) if items.is_empty() => "—".into(),
        serde_json::Value::Array(items) => items
            .iter()
            .map(|i| value_text(i, lang))
            .collect::<Vec<_>>()
            .join("; "),
        // A location: its text, then its coordinates.
        serde_json::Value::Object(map)
            if !map.is_empty()
                && map
                    .keys()
                    .all(|k| ["text", "latitude", "longitude"].contains(&k.as_str())) =>
        {
            let text = map.get("text").and_then(|t| t.as_str()).unwrap_or_default();
            match (map.get("latitude"), map.get("longitude")) {
                (Some(la), Some(lo)) if text.is_empty() => format!("{la}, {lo}"),
                (Some(la), Some(lo)) => format!("{text} ({la}, {lo})"),
                _ => text.to_owned(),
            }
        }
        serde_json::Value::Object(map) => map
            .iter()
            .filter(|(_, item)| !item.is_null())
            .map(|(k, item)| format!("{k}: {}", value_text(item, lang)))
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    }
}

/// Whether a text reads as Spanish: more common Spanish words (or Spanish letters) than
/// common English words. Good enough to offer counsel a translation block; never decisive.
pub fn looks_spanish(text: &str) -> bool {
    const ES: [&str; 40] = [
        "de", "la", "el", "que", "y", "en", "los", "se", "del", "las", "un", "por", "con", "una",
        "su", "para", "es", "al", "lo", "como", "pero", "sus", "le", "ya", "fue", "este", "porque",
        "esta", "son", "cuando", "muy", "sin", "sobre", "me", "hasta", "hay", "donde", "nos",
        "estaba", "mi",
    ];
    const EN: [&str; 30] = [
        "the", "and", "to", "of", "a", "in", "was", "he", "she", "they", "it", "on", "at", "with",
        "for", "my", "me", "we", "is", "that", "were", "had", "from", "by", "an", "our", "his",
        "her", "their", "this",
    ];
    let lower = text.to_lowercase();
    let mut es = 0usize;
    let mut en = 0usize;
    for w in lower.split(|c: char| !c.is_alphabetic()) {
        if w.is_empty() {
            continue;
        }
        if w.contains(['ñ', 'á', 'é', 'í', 'ó', 'ú', '¿', '¡']) || ES.contains(&w) {
            es += 1;
        } else if EN.contains(&w) {
            en += 1;
        }
    }
    es >= 2 && es > en
}

fn attachment(a: &AttachmentEntry, when: Option<&When>, lang: Lang) -> AttachmentView {
    let mut values: BTreeMap<String, serde_json::Value> = BTreeMap::new();
    for d in a.disclosed.values() {
        if let Ok((_, name, value)) = disclosure::decode(d) {
            values.insert(name, value);
        }
    }
    let text = |k: &str| values.get(k).and_then(|v| v.as_str()).map(str::to_owned);
    let metadata = values
        .get("metadata")
        .and_then(|v| serde_json::from_value::<MediaMetadata>(v.clone()).ok());
    let taken_at = metadata.as_ref().and_then(|m| m.taken_at.clone());
    let mismatch = match (&taken_at, when) {
        (Some(t), Some(w)) => mismatch(t, w),
        _ => None,
    };
    let identifying = metadata
        .as_ref()
        .map(|m| identifying(m, lang))
        .unwrap_or_default();
    AttachmentView {
        id: a.id.clone(),
        path: a.file.clone(),
        name: text("name"),
        media_type: text("media_type"),
        carries: a.carries.clone(),
        file_sha256: a.file_sha256.clone(),
        original_sha256: text("sha256"),
        taken_at,
        mismatch,
        identifying,
    }
}

/// How far a capture time (RFC 3339, or a local time without zone read as the incident's own
/// offset) lies outside the incident's time, when more than [`MISMATCH_AFTER`].
pub fn mismatch(taken_at: &str, when: &When) -> Option<TimeDelta> {
    let (start, end) = when.span();
    let taken = match DateTime::parse_from_rfc3339(taken_at) {
        Ok(t) => t.with_timezone(&Utc),
        Err(_) => {
            let naive = NaiveDateTime::parse_from_str(taken_at, "%Y-%m-%dT%H:%M:%S").ok()?;
            let offset = match when {
                When::At(t) => *t.offset(),
                When::Between { start, .. } => *start.offset(),
                When::Day(_) => chrono::FixedOffset::east_opt(0)?,
            };
            naive
                .and_local_timezone(offset)
                .single()?
                .with_timezone(&Utc)
        }
    };
    let off = if taken < start {
        start - taken
    } else if taken > end {
        taken - end
    } else {
        TimeDelta::zero()
    };
    (off > MISMATCH_AFTER).then_some(off)
}

/// Identifying metadata of an original file, one line each.
fn identifying(m: &MediaMetadata, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(g) = &m.gps {
        out.push(msg(
            lang,
            "bundle-packet-meta-gps",
            &[(
                "position",
                FluentValue::from(format!("{:.6}, {:.6}", g.latitude, g.longitude)),
            )],
        ));
    }
    for s in &m.serial_numbers {
        out.push(msg(
            lang,
            "bundle-packet-meta-serial",
            &[("serial", FluentValue::from(s.clone()))],
        ));
    }
    for o in &m.owner_names {
        out.push(msg(
            lang,
            "bundle-packet-meta-owner",
            &[("name", FluentValue::from(o.clone()))],
        ));
    }
    let camera: Vec<&str> = [m.camera_make.as_deref(), m.camera_model.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if !camera.is_empty() {
        out.push(msg(
            lang,
            "bundle-packet-meta-camera",
            &[("camera", FluentValue::from(camera.join(" ")))],
        ));
    }
    out
}

/// How many whole days (rounded up) a time difference spans.
pub fn days(d: TimeDelta) -> i64 {
    let secs = d.num_seconds();
    (secs + 86_399) / 86_400
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capture_times_far_from_the_incident_are_flagged() {
        let w: When =
            serde_json::from_value(serde_json::json!("2026-11-20T14:30:00-06:00")).unwrap();
        assert_eq!(mismatch("2026-11-20T14:00:00-06:00", &w), None);
        assert_eq!(mismatch("2026-11-21T10:00:00", &w), None);
        let far = mismatch("2026-11-30T14:30:00-06:00", &w).unwrap();
        assert_eq!(days(far), 10);
        let day: When = serde_json::from_value(serde_json::json!("2026-11-20")).unwrap();
        assert_eq!(mismatch("2026-11-20T23:00:00Z", &day), None);
        assert!(mismatch("2026-11-23T00:00:00Z", &day).is_some());
        assert_eq!(mismatch("not a time", &w), None);
    }

    #[test]
    fn spanish_text_is_told_from_english() {
        assert!(looks_spanish(
            "Dos agentes se pararon frente a la casa y tomaron fotos de los carros."
        ));
        assert!(!looks_spanish(
            "Two agents stood in front of the house and took photos of the cars."
        ));
        assert!(!looks_spanish("ok"));
    }

    #[test]
    fn private_parts_are_marked_or_shown() {
        let mut f = BTreeMap::new();
        f.insert(
            "narrative.private.1".to_owned(),
            serde_json::json!({"withheld": true}),
        );
        f.insert("narrative.private.2".to_owned(), serde_json::json!("Ana"));
        let t = join_narrative(
            "a [[private 1]] b [[private 2]] c [[private x]]",
            &f,
            Lang::En,
        );
        assert_eq!(t, "a [private part withheld] b Ana c [[private x]]");
    }
}
