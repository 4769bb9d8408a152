//! Counsel's `report.html`, written into every bundle: what was disclosed, with each withheld
//! part marked, and how to verify it. It knows nothing of the bundle's format: the bundle
//! module hands it the values in the borrowed shapes below.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use maud::{html, Markup, PreEscaped};

use super::{lines, page, rich, text, text_with};
use crate::i18n::{FluentValue, Lang};
use crate::record::disclosure::PRIVATE_OPEN;
use crate::record::Field;
use crate::when::When;

/// What the report shows of one bundle.
#[derive(Debug, Clone)]
pub struct Bundle<'a> {
    pub export_id: &'a str,
    /// A later disclosure of fields withheld from an earlier export (not a first export).
    pub disclosure: bool,
    pub exported_at: DateTime<Utc>,
    pub vault_id: &'a str,
    pub fingerprint: &'a str,
    /// The signed checkpoint, as text.
    pub checkpoint: &'a str,
    pub records: Vec<Record<'a>>,
    /// How many attachments the bundle lists (with or without their files).
    pub attachment_count: usize,
    /// One row per incident, oldest first (an incident whose time is withheld last).
    pub timeline: Vec<TimelineRow>,
}

/// One row of the timeline table.
#[derive(Debug, Clone, Default)]
pub struct TimelineRow {
    /// When, as people write it (or the withheld marker).
    pub when: String,
    /// The kind's name (or the withheld marker).
    pub kind: String,
    /// The incident's id, as the heading of its section shows it.
    pub id: String,
}

/// What the report shows as people read it instead of a raw value: times through
/// [`crate::when`], the kind by its name, the history as far as the bundle knows it.
#[derive(Debug, Clone, Default)]
pub struct Shown {
    /// When it happened (`Tue 10 Nov 2026, 7:00 am (UTC−6)`).
    pub when: Option<String>,
    /// The kind's name in the report's language.
    pub kind: Option<String>,
    /// Where: the place's text, then its coordinates.
    pub location: Option<String>,
    /// When this version was recorded (UTC, by the activist's clock).
    pub recorded_at: Option<String>,
    /// One sentence each: first version or corrected, and when this version was recorded.
    pub history: Vec<String>,
}

/// One incident of the bundle.
#[derive(Debug, Clone)]
pub struct Record<'a> {
    pub id: &'a str,
    pub revision: u32,
    /// Field name -> value, or `{"withheld": true}`.
    pub fields: &'a BTreeMap<String, serde_json::Value>,
    /// Values derived from withheld fields (a coarsened location).
    pub derived: &'a BTreeMap<String, serde_json::Value>,
    pub attachments: Vec<Attachment<'a>>,
    /// Human forms of some fields, and the history.
    pub shown: Shown,
}

/// One attachment of an incident.
#[derive(Debug, Clone)]
pub struct Attachment<'a> {
    /// Its path in the bundle, when its name was disclosed.
    pub file: Option<&'a str>,
    pub carries: Carries,
    /// SHA-256 (hex) of the file included.
    pub file_sha256: Option<&'a str>,
    /// The original file name, when disclosed.
    pub name: Option<String>,
    /// The capture time its metadata states, as written there.
    pub taken_at: Option<String>,
    /// Warnings, one sentence each: a capture time far from the incident's, identifying
    /// metadata in the original.
    pub warnings: Vec<String>,
}

/// Which bytes the bundle carries for an attachment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Carries {
    Original,
    Stripped,
    Nothing,
}

impl Carries {
    /// The manifest's `carries` value (`original`, `stripped`, anything else: no file).
    pub fn from_manifest(value: &str) -> Carries {
        match value {
            "original" => Carries::Original,
            "stripped" => Carries::Stripped,
            _ => Carries::Nothing,
        }
    }
}

/// The fields a record shows, in this order, before anything derived and the narrative.
const ROWS: [Field; 8] = [
    Field::When,
    Field::Kind,
    Field::Location,
    Field::Agents,
    Field::Vehicles,
    Field::Witnesses,
    Field::Tags,
    Field::RecordedAt,
];

/// The printable report in `lang`.
pub fn html(b: &Bundle, lang: Lang) -> String {
    let mut out = String::new();
    let _infallible = write(
        b,
        b.records.len(),
        b.records.iter().cloned(),
        lang,
        &mut |piece| {
            out.push_str(piece);
            Ok(())
        },
    );
    out
}

/// Stands where a part is cut to be written piece by piece (never in a value: a value is
/// escaped, and nothing taken from the bundle comes after the cut).
const CUT: &str = "\u{0}vault-report-cut\u{0}";

/// Timeline rows rendered per piece.
const ROWS_PER_PIECE: usize = 512;

/// The printable report in `lang`, handed to `emit` piece by piece (the head, the timeline a
/// few hundred rows at a time, then each incident of `records`): the same bytes as [`html`]
/// without the whole report ever in memory. `records` (`incidents` of them) stand for
/// `b.records`.
pub fn write<'a>(
    b: &Bundle,
    incidents: usize,
    records: impl Iterator<Item = Record<'a>>,
    lang: Lang,
    emit: &mut dyn FnMut(&str) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let withheld = withheld_marker(lang);
    let title = text_with(
        lang,
        "report-counsel-title",
        &[("id", FluentValue::from(b.export_id))],
    );
    let heading = if b.disclosure {
        text(lang, "report-counsel-heading-disclosure")
    } else {
        text(lang, "report-counsel-heading")
    };
    let intro = rich(
        lang,
        "report-counsel-intro",
        &[
            ("date", FluentValue::from(utc_text(b.exported_at, lang))),
            ("incidents", FluentValue::from(incidents)),
            ("attachments", FluentValue::from(b.attachment_count)),
        ],
        &[
            ("vault", html! { code { (b.vault_id) } }),
            ("fingerprint", html! { b { (b.fingerprint) } }),
            ("withheld", withheld.clone()),
        ],
    );
    let verify = rich(
        lang,
        "report-counsel-verify",
        &[],
        &[
            (
                "command",
                html! { code { "vault bundle verify BUNDLE --identity KEY" } },
            ),
            ("file", html! { code { "VERIFY.txt" } }),
            ("fingerprint", html! { b { (b.fingerprint) } }),
        ],
    );
    let doc = page(lang, &title, PreEscaped(CUT.to_owned()));
    let (head, foot) = doc.rsplit_once(CUT).unwrap_or((&doc, ""));
    emit(head)?;
    emit(
        &html! {
            h1 { (heading) }
            p { (intro) }
            p { (text(lang, "report-counsel-clock")) }
        }
        .into_string(),
    )?;
    if !b.timeline.is_empty() {
        let table = html! {
            h2 { (text(lang, "report-counsel-timeline")) }
            table.timeline {
                tr {
                    th { (Field::When.label_in(lang)) }
                    th { (Field::Kind.label_in(lang)) }
                    th { (text(lang, "report-counsel-timeline-incident")) }
                }
                (PreEscaped(CUT))
            }
        }
        .into_string();
        let (top, bottom) = table.rsplit_once(CUT).unwrap_or((&table, ""));
        emit(top)?;
        for rows in b.timeline.chunks(ROWS_PER_PIECE) {
            emit(
                &html! {
                    @for row in rows {
                        tr { td { (row.when) } td { (row.kind) } td { code { (row.id) } } }
                    }
                }
                .into_string(),
            )?;
        }
        emit(bottom)?;
    }
    for r in records {
        emit(&record(&r, lang, &withheld).into_string())?;
    }
    emit(
        &html! {
            h2 { (text(lang, "report-counsel-verify-heading")) }
            p { (verify) }
            p { (text(lang, "report-counsel-checkpoint")) }
            pre { (b.checkpoint) }
        }
        .into_string(),
    )?;
    emit(foot)
}

fn record(r: &Record, lang: Lang, withheld: &Markup) -> Markup {
    let heading = rich(
        lang,
        "report-counsel-incident",
        &[("revision", FluentValue::from(r.revision))],
        &[("id", html! { code { (r.id) } })],
    );
    html! {
        h2 { (heading) }
        table {
            @for field in ROWS {
                @if let Some(v) = r.fields.get(field.name()) {
                    tr {
                        th { (field.label_in(lang)) }
                        td {
                            @match shown(&r.shown, field) {
                                Some(t) => (t),
                                None => (value(v, withheld)),
                            }
                        }
                    }
                }
            }
            @if let Some(v) = r.fields.get(crate::record::WITHDRAWN_FIELD) {
                tr.withdrawn {
                    th { (text(lang, "report-counsel-withdrawn")) }
                    td { (value(v, withheld)) }
                }
            }
            @for (key, v) in r.derived {
                tr {
                    th { (derived_label(key, lang)) }
                    td.derived { (value(v, withheld)) }
                }
            }
            @if let Some(v) = r.fields.get(Field::Narrative.name()) {
                tr {
                    th { (Field::Narrative.label_in(lang)) }
                    td {
                        @match v {
                            serde_json::Value::String(t) => (narrative(t, lang)),
                            other => (value(other, withheld)),
                        }
                    }
                }
            }
            @if !r.shown.history.is_empty() {
                tr {
                    th { (text(lang, "report-counsel-history")) }
                    td { @for (i, h) in r.shown.history.iter().enumerate() { @if i > 0 { br; } (h) } }
                }
            }
            @for (i, a) in r.attachments.iter().enumerate() {
                tr {
                    th { (text_with(lang, "report-counsel-attachment", &[("n", FluentValue::from(i + 1))])) }
                    td {
                        @match a.file {
                            Some(name) => (name),
                            None => (withheld),
                        }
                        @if let Some(n) = &a.name {
                            br;
                            (rich(lang, "report-counsel-file-name", &[], &[("name", html! { code { (n) } })]))
                        }
                        br;
                        (carries(a.carries, lang))
                        @if let Some(h) = a.file_sha256 {
                            br;
                            (rich(lang, "report-counsel-file-sha256", &[], &[("sha256", html! { code { (h) } })]))
                        }
                        @if let Some(t) = &a.taken_at {
                            br;
                            (text_with(lang, "report-counsel-taken-at", &[("time", FluentValue::from(t.clone()))]))
                        }
                        @for w in &a.warnings {
                            br;
                            span.warn { (w) }
                        }
                    }
                }
            }
        }
    }
}

/// An instant in UTC as people write it, whole seconds (`Fri 20 Nov 2026, 10:00 am UTC`).
pub fn utc_text(t: DateTime<Utc>, lang: Lang) -> String {
    let t = DateTime::<Utc>::from_timestamp(t.timestamp(), 0).unwrap_or(t);
    let shown = When::At(t.fixed_offset()).human_in(lang, &Utc);
    text_with(
        lang,
        "bundle-packet-utc",
        &[("time", FluentValue::from(shown))],
    )
}

/// The human form of a field, when the report was given one.
fn shown(s: &Shown, field: Field) -> Option<&str> {
    match field {
        Field::When => s.when.as_deref(),
        Field::Kind => s.kind.as_deref(),
        Field::Location => s.location.as_deref(),
        Field::RecordedAt => s.recorded_at.as_deref(),
        _ => None,
    }
}

fn withheld_marker(lang: Lang) -> Markup {
    html! { span.withheld { (text(lang, "report-counsel-withheld")) } }
}

fn carries(c: Carries, lang: Lang) -> String {
    text(
        lang,
        match c {
            Carries::Original => "report-counsel-original",
            Carries::Stripped => "report-counsel-stripped",
            Carries::Nothing => "report-counsel-not-included",
        },
    )
}

/// `Where (derived)`: the label of the field a value was derived from.
fn derived_label(key: &str, lang: Lang) -> String {
    let field = Field::from_name(key).map_or(key, |f| f.label_in(lang));
    text_with(
        lang,
        "report-counsel-derived",
        &[("field", FluentValue::from(field))],
    )
}

/// A disclosed value: text with its line breaks, lists as lists, objects as `key: value`
/// pairs, nothing as a dash, and the withheld marker where a value was withheld.
fn value(v: &serde_json::Value, withheld: &Markup) -> Markup {
    let is_withheld = v.get("withheld") == Some(&serde_json::Value::Bool(true))
        && v.as_object().is_some_and(|o| o.len() == 1);
    html! {
        @if is_withheld {
            (withheld)
        } @else {
            @match v {
                serde_json::Value::Null => span.none { "—" },
                serde_json::Value::String(s) => (lines(s)),
                serde_json::Value::Array(items) if items.is_empty() => span.none { "—" },
                serde_json::Value::Array(items) => ul {
                    @for item in items { li { (value(item, withheld)) } }
                },
                serde_json::Value::Object(map) => {
                    @for (i, (k, item)) in map.iter().enumerate() {
                        @if i > 0 { "; " }
                        b { (k) } ": " (value(item, withheld))
                    }
                },
                other => (other.to_string()),
            }
        }
    }
}

/// The public narrative, each `[[private N]]` placeholder shown as a withheld private part.
fn narrative(text_: &str, lang: Lang) -> Markup {
    let mut pieces: Vec<(bool, &str)> = Vec::new();
    let mut rest = text_;
    while let Some(start) = rest.find(PRIVATE_OPEN) {
        let after = &rest[start..];
        let len = placeholder_len(after);
        if len == 0 {
            pieces.push((false, &rest[..start + PRIVATE_OPEN.len()]));
            rest = &rest[start + PRIVATE_OPEN.len()..];
            continue;
        }
        pieces.push((false, &rest[..start]));
        pieces.push((true, ""));
        rest = &after[len..];
    }
    pieces.push((false, rest));
    html! {
        @for (private, t) in pieces {
            @if private {
                span.withheld { (text(lang, "report-counsel-private-withheld")) }
            } @else {
                (lines(t))
            }
        }
    }
}

/// The length of a `[[private N]]` placeholder at the start of `s`, or 0.
fn placeholder_len(s: &str) -> usize {
    let Some(rest) = s.strip_prefix("[[private ") else {
        return 0;
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && rest[digits..].starts_with("]]") {
        "[[private ".len() + digits + 2
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, serde_json::Value)]) -> BTreeMap<String, serde_json::Value> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect()
    }

    fn render(lang: Lang, f: &BTreeMap<String, serde_json::Value>) -> String {
        let derived = fields(&[(
            "location",
            serde_json::json!({"latitude": 40.71, "derived_from": "location"}),
        )]);
        let b = Bundle {
            export_id: "e1<x>",
            disclosure: false,
            exported_at: DateTime::parse_from_rfc3339("2026-11-20T10:00:00Z")
                .unwrap()
                .with_timezone(&Utc),
            vault_id: "v1",
            fingerprint: "12345 67890",
            checkpoint: "origin\n3\nroot=\n\n— origin sig",
            records: vec![Record {
                id: "ab12",
                revision: 2,
                fields: f,
                derived: &derived,
                attachments: vec![
                    Attachment {
                        file: Some("attachments/x/\"><img src=x onerror=alert(1)>.jpg"),
                        carries: Carries::Stripped,
                        file_sha256: Some("ff00"),
                        name: Some("<b>.jpg".into()),
                        taken_at: Some("2026-11-30T10:00:00".into()),
                        warnings: vec!["<i>far</i>".into()],
                    },
                    Attachment {
                        file: None,
                        carries: Carries::Nothing,
                        file_sha256: None,
                        name: None,
                        taken_at: None,
                        warnings: vec![],
                    },
                ],
                shown: Shown {
                    when: Some("Fri 20 Nov 2026, 8:30 am (UTC\u{2212}6)".into()),
                    kind: None,
                    location: None,
                    recorded_at: None,
                    history: vec!["Version 2: corrected once.".into()],
                },
            }],
            attachment_count: 2,
            timeline: vec![TimelineRow {
                when: "Fri 20 Nov 2026, 8:30 am (UTC\u{2212}6)".into(),
                kind: "<online>".into(),
                id: "ab12".into(),
            }],
        };
        html(&b, lang)
    }

    fn hostile() -> BTreeMap<String, serde_json::Value> {
        fields(&[
            ("when", serde_json::json!("2026-11-20T08:30:00-06:00")),
            ("kind", serde_json::json!("online")),
            (
                "narrative",
                serde_json::json!(
                    "<script>alert(1)</script> met [[private 1]] &\nthen [[private x]]"
                ),
            ),
            (
                "agents",
                serde_json::json!([{"name": "\"><img src=x onerror=alert(1)>", "badge": "4411"}]),
            ),
            ("witnesses", serde_json::json!({"withheld": true})),
            ("tags", serde_json::json!([])),
            ("location", serde_json::Value::Null),
        ])
    }

    #[test]
    fn hostile_values_are_escaped_and_withheld_parts_marked() {
        let h = render(Lang::En, &hostile());
        super::super::tests::assert_only_safe_tags(&h, &[]);
        assert!(h.contains("&lt;script&gt;alert(1)&lt;/script&gt; met <span class=\"withheld\">[private part withheld]</span> &amp;<br>then [[private x]]"), "{h}");
        assert!(
            h.contains("<b>name</b>: &quot;&gt;&lt;img src=x onerror=alert(1)&gt;"),
            "{h}"
        );
        assert!(h.contains("attachments/x/&quot;&gt;&lt;img src=x onerror=alert(1)&gt;.jpg<br>Original name: <code>&lt;b&gt;.jpg</code><br>copy with identifying metadata removed<br>SHA-256 of included file: <code>ff00</code>"), "{h}");
        assert!(
            h.contains("<span class=\"warn\">&lt;i&gt;far&lt;/i&gt;</span>"),
            "{h}"
        );
        // Times as people write them, the timeline and the history.
        assert!(
            h.contains("<th>When</th><td>Fri 20 Nov 2026, 8:30 am (UTC\u{2212}6)</td>"),
            "{h}"
        );
        assert!(h.contains("<table class=\"timeline\">"), "{h}");
        assert!(
            h.contains("<td>&lt;online&gt;</td><td><code>ab12</code></td>"),
            "{h}"
        );
        assert!(
            h.contains("<th>History</th><td>Version 2: corrected once.</td>"),
            "{h}"
        );
        assert!(
            h.contains("Exported Fri 20 Nov 2026, 10:00 am UTC from vault"),
            "{h}"
        );
        assert!(
            h.contains(
                "<tr><th>Witnesses</th><td><span class=\"withheld\">[withheld]</span></td></tr>"
            ),
            "{h}"
        );
        assert!(h.contains("<tr><th>Tags</th><td><span class=\"none\">—</span></td></tr>"));
        assert!(
            h.contains("<th>Where (derived)</th><td class=\"derived\">"),
            "{h}"
        );
        assert!(h.contains("<th>Attachment 2</th><td><span class=\"withheld\">[withheld]</span><br>file not included</td>"), "{h}");
        assert!(
            h.contains("<title>Incident records: export e1&lt;x&gt;</title>"),
            "{h}"
        );
        assert!(h.contains("1 incident, 2 attachments."), "{h}");
        assert!(
            h.contains("<h2>Incident <code>ab12</code> (revision 2)</h2>"),
            "{h}"
        );
        assert!(
            h.contains("<pre>origin\n3\nroot=\n\n— origin sig</pre>"),
            "{h}"
        );
        // Order: the fields, what was derived, the narrative, the attachments.
        let at = |s: &str| h.find(s).unwrap_or_else(|| panic!("{s} missing"));
        assert!(at("<th>Kind</th>") < at("<th>Where (derived)</th>"));
        assert!(at("<th>Where (derived)</th>") < at("<th>What happened</th>"));
        assert!(at("<th>What happened</th>") < at("<th>Attachment 1</th>"));
    }

    #[test]
    fn the_report_speaks_spanish_when_asked() {
        let h = render(Lang::Es, &hostile());
        assert!(h.contains("<html lang=\"es\">"), "{h}");
        for label in [
            "Qué pasó",
            "Testigos",
            "Etiquetas",
            "Dónde (derivado)",
            "Adjunto 1",
        ] {
            assert!(h.contains(label), "{label} missing: {h}");
        }
        assert!(h.contains("[oculto]"), "{h}");
        assert!(!h.contains("withheld]"), "{h}");
        assert!(!h.to_lowercase().contains("<script"), "{h}");
    }
}
