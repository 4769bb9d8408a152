//! The owner's `vault report` as HTML: a printable timeline of their own incidents, then each
//! incident in full, with the narrative's `[[private]]` parts highlighted. It is NOT encrypted,
//! and says so at the top.

use chrono::{DateTime, Utc};
use maud::{html, Markup};

use super::{lines, page, rich, text, text_with};
use crate::i18n::{FluentValue, Lang};
use crate::record::disclosure::{PRIVATE_CLOSE, PRIVATE_OPEN};
use crate::record::view::RecordView;
use crate::record::{Field, Party};
use crate::when::When;

/// How the caller writes the values whose form it decides (the CLI's words for times, people
/// and sizes, the same as on its screen).
pub trait Conventions {
    /// A stored time, as the reader's language says it.
    fn when(&self, w: &When) -> String;
    /// An agent, vehicle or witness on one line.
    fn party(&self, p: &Party) -> String;
    /// A file size.
    fn size(&self, bytes: u64) -> String;
}

/// The fields each incident shows, in this order, after its id (the time and kind head it).
const ROWS: [Field; 8] = [
    Field::RecordedAt,
    Field::Location,
    Field::Agents,
    Field::Vehicles,
    Field::Witnesses,
    Field::Tags,
    Field::Narrative,
    Field::Attachments,
];

/// The printable report of `records` (oldest first), in `lang`.
pub fn html(
    records: &[RecordView],
    fingerprint: &str,
    now: DateTime<Utc>,
    lang: Lang,
    show: &dyn Conventions,
) -> String {
    let title = text(lang, "report-owner-title");
    let intro = text_with(
        lang,
        "report-owner-intro",
        &[
            (
                "date",
                FluentValue::from(now.format("%Y-%m-%d %H:%M UTC").to_string()),
            ),
            ("fingerprint", FluentValue::from(fingerprint)),
            ("count", FluentValue::from(records.len())),
        ],
    );
    let any_private = records.iter().any(|r| r.narrative.contains(PRIVATE_OPEN));
    let body = html! {
        h1 { (title) }
        p.warn { (text(lang, "report-owner-warning")) }
        p { (intro) }
        @if any_private {
            p { span.private { "[[…]]" } " " (text(lang, "report-owner-private")) }
        }
        h2 { (text(lang, "report-owner-timeline")) }
        @if records.is_empty() {
            p { (text(lang, "report-owner-empty")) }
        } @else {
            table.timeline {
                thead {
                    tr {
                        th { (Field::When.label_in(lang)) }
                        th { (Field::Kind.label_in(lang)) }
                        th { (Field::Location.label_in(lang)) }
                        th { (text(lang, "report-owner-summary")) }
                    }
                }
                tbody {
                    @for r in records {
                        tr {
                            td { a href={ "#i-" (r.id) } { (show.when(&r.occurred_at)) } }
                            td { (r.kind.label_in(lang)) }
                            td { (place(r)) }
                            td { (short(&r.narrative, 100)) }
                        }
                    }
                }
            }
        }
        @for r in records {
            (incident(r, lang, show))
        }
    };
    page(lang, &title, body)
}

fn incident(r: &RecordView, lang: Lang, show: &dyn Conventions) -> Markup {
    let id = rich(
        lang,
        "report-owner-id",
        &[("revision", FluentValue::from(r.revision))],
        &[("id", html! { code { (r.id) } })],
    );
    html! {
        section.incident id={ "i-" (r.id) } {
            h2 { (show.when(&r.occurred_at)) " · " (r.kind.label_in(lang)) }
            table {
                tr { th { (text(lang, "report-owner-incident")) } td { (id) } }
                @for field in ROWS {
                    @if let Some(v) = cell(r, field, lang, show) {
                        tr { th { (field.label_in(lang)) } td { (v) } }
                    }
                }
            }
        }
    }
}

/// The value of one field of an incident, or `None` when it is empty.
fn cell(r: &RecordView, field: Field, lang: Lang, show: &dyn Conventions) -> Option<Markup> {
    let parties = |ps: &[Party]| {
        (!ps.is_empty()).then(|| list(&ps.iter().map(|p| show.party(p)).collect::<Vec<_>>()))
    };
    match field {
        Field::Kind => Some(html! { (r.kind.label_in(lang)) }),
        Field::When => Some(html! { (show.when(&r.occurred_at)) }),
        Field::RecordedAt => {
            Some(html! { (r.recorded_at.format("%Y-%m-%d %H:%M:%S UTC").to_string()) })
        }
        Field::Location => {
            let p = place(r);
            (!p.is_empty()).then(|| html! { (p) })
        }
        Field::Agents => parties(&r.agents),
        Field::Vehicles => parties(&r.vehicles),
        Field::Witnesses => parties(&r.witnesses),
        Field::Tags => (!r.tags.is_empty()).then(|| html! { (r.tags.join(", ")) }),
        Field::Narrative => (!r.narrative.is_empty()).then(|| narrative(&r.narrative)),
        Field::Attachments => (!r.attachments.is_empty()).then(|| {
            html! {
                ul {
                    @for a in &r.attachments {
                        li {
                            (a.number) ". " (a.name) " — " (a.media_type) ", " (show.size(a.size))
                            br;
                            "SHA-256 " code { (a.sha256) }
                        }
                    }
                }
            }
        }),
    }
}

fn place(r: &RecordView) -> String {
    r.location.as_ref().map(|l| l.summary()).unwrap_or_default()
}

/// One item as itself, several as a list.
fn list(items: &[String]) -> Markup {
    html! {
        @if let [one] = items {
            (one)
        } @else {
            ul { @for i in items { li { (i) } } }
        }
    }
}

/// The narrative with each `[[private]]` span highlighted and line breaks kept.
fn narrative(text_: &str) -> Markup {
    let mut pieces: Vec<(bool, &str)> = Vec::new();
    let mut rest = text_;
    while let Some(start) = rest.find(PRIVATE_OPEN) {
        let inner = &rest[start + PRIVATE_OPEN.len()..];
        let Some(len) = inner.find(PRIVATE_CLOSE) else {
            break;
        };
        pieces.push((false, &rest[..start]));
        pieces.push((true, &inner[..len]));
        rest = &inner[len + PRIVATE_CLOSE.len()..];
    }
    pieces.push((false, rest));
    html! {
        @for (private, t) in pieces {
            @if private { span.private { (lines(t)) } } @else { (lines(t)) }
        }
    }
}

/// The first `max` characters of the narrative on one line, markers dropped.
fn short(text_: &str, max: usize) -> String {
    let plain = text_
        .replace(PRIVATE_OPEN, "")
        .replace(PRIVATE_CLOSE, "")
        .replace('\n', " ");
    let mut s: String = plain.chars().take(max).collect();
    if plain.chars().count() > max {
        s.push('…');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::view::AttachmentView;
    use crate::record::{Kind, Location};
    use chrono::TimeZone;

    struct Plain;

    impl Conventions for Plain {
        fn when(&self, w: &When) -> String {
            w.to_string()
        }
        fn party(&self, p: &Party) -> String {
            p.summary()
        }
        fn size(&self, bytes: u64) -> String {
            format!("{bytes} B")
        }
    }

    fn record() -> RecordView {
        let attachment = crate::record::attachment::AttachmentBody {
            format: crate::record::attachment::ATTACHMENT_FORMAT.into(),
            id: "cc".into(),
            record_id: "3f2a".into(),
            name: "\"><img src=x onerror=alert(1)>.jpg".into(),
            name_bytes: None,
            size: 12,
            sha256: "ab".repeat(32),
            media_type: "image/jpeg".into(),
            attached_at: Utc.with_ymd_and_hms(2026, 11, 20, 22, 0, 0).unwrap(),
            metadata: crate::media::read_metadata_from_bytes(b"", "application/octet-stream"),
            salts: Default::default(),
        };
        RecordView {
            id: "3f2a0000111122223333444455556666".into(),
            revision: 2,
            kind: Kind::Followed,
            occurred_at: When::Between {
                start: chrono::DateTime::parse_from_rfc3339("2026-11-20T14:00:00-05:00").unwrap(),
                end: chrono::DateTime::parse_from_rfc3339("2026-11-20T16:00:00-05:00").unwrap(),
                approximate: true,
            },
            recorded_at: Utc.with_ymd_and_hms(2026, 11, 20, 22, 0, 0).unwrap(),
            location: Some(Location {
                text: Some("=HYPERLINK(\"http://x\")".into()),
                latitude: Some(40.5),
                longitude: Some(-74.25),
            }),
            narrative: "<script>alert(1)</script> & [[Ana <b>]] saw\nit".into(),
            agents: vec![Party::parse("name=\"><img src=x onerror=alert(1)>; badge=4411").unwrap()],
            vehicles: vec![
                Party::parse("plate=ABC1234").unwrap(),
                Party::parse("van").unwrap(),
            ],
            witnesses: vec![],
            tags: vec!["x\"y".into()],
            attachments: vec![AttachmentView::new(1, attachment)],
            withdrawn: None,
        }
    }

    #[test]
    fn html_is_escaped_self_contained_and_marks_private_parts() {
        let h = html(&[record()], "12345 67890", Utc::now(), Lang::En, &Plain);
        let lower = h.to_lowercase();
        super::super::tests::assert_only_safe_tags(&h, &["a"]);
        assert!(!lower.contains("href=\"http"), "{h}");
        assert!(
            h.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; "),
            "{h}"
        );
        assert!(
            h.contains("<span class=\"private\">Ana &lt;b&gt;</span> saw<br>it"),
            "{h}"
        );
        assert!(
            h.contains("name &quot;&gt;&lt;img src=x onerror=alert(1)&gt;"),
            "{h}"
        );
        assert!(
            h.contains("1. &quot;&gt;&lt;img src=x onerror=alert(1)&gt;.jpg — image/jpeg, 12 B"),
            "{h}"
        );
        assert!(h.contains("href=\"#i-3f2a"), "internal link only: {h}");
        assert!(h.contains("NOT encrypted"), "{h}");
        assert!(h.contains("x&quot;y"), "{h}");
        assert!(h.contains("1 incident, oldest first."), "{h}");
        assert!(
            h.contains("<code>3f2a0000111122223333444455556666</code> (revision 2)"),
            "{h}"
        );
        assert!(
            !h.contains("<tr><th>Witnesses</th>"),
            "empty fields are left out"
        );
        assert!(h.contains("<li>plate ABC1234</li><li>van</li>"), "{h}");
        let empty = html(&[], "1", Utc::now(), Lang::En, &Plain);
        assert!(empty.contains("No incidents."));
        assert!(empty.contains("0 incidents, oldest first."));
    }

    #[test]
    fn the_report_speaks_spanish_when_asked() {
        let h = html(&[record()], "1", Utc::now(), Lang::Es, &Plain);
        assert!(h.contains("<html lang=\"es\">"), "{h}");
        for label in [
            "Cronología",
            "Qué pasó",
            "Agentes",
            "Adjuntos",
            "seguimiento",
            "versión 2",
        ] {
            assert!(h.contains(label), "{label} missing: {h}");
        }
        assert!(!h.to_lowercase().contains("<script"), "{h}");
    }
}
