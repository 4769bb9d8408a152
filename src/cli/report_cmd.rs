//! `vault report`: an UNENCRYPTED copy of incidents for the activist's own use: a printable,
//! self-contained HTML timeline (no scripts, no external resources, everything escaped), or CSV
//! and JSON for their own analysis. Writing one always warns that it is not encrypted, and asks
//! first on a terminal (or needs `--yes`).

use std::fmt::Write as _;
use std::io::IsTerminal;
use std::path::Path;

use chrono::{DateTime, Utc};
use vault::export::report::escape;
use vault::record::Party;
use vault::vault::view::RecordView;
use vault::vault::write_new_private;
use vault::vault::Unlocked;
use vault::when::When;
use vault::{Error, Result};

use super::args::ReportArgs;
use super::i18n::{self, t, tf, Msg};
use super::output::{self, human_size, Out};

/// Format tag of the JSON report.
pub const JSON_FORMAT: &str = "vault-report/1";

/// `--format`, else the extension of `--out`, else html.
fn format_of(explicit: Option<&str>, out: &Path) -> String {
    if let Some(f) = explicit {
        return f.to_owned();
    }
    match out
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .as_deref()
    {
        Some("csv") => "csv".into(),
        Some("json") => "json".into(),
        _ => "html".into(),
    }
}

pub fn report(v: &mut Unlocked, out: &Out, a: ReportArgs) -> Result<()> {
    let format = format_of(a.format.as_deref(), &a.out);
    if a.out.exists() {
        return Err(Error::WouldOverwrite(a.out.clone()));
    }
    let mut records = super::find_cmd::filtered(v, &a.filter)?;
    records.reverse(); // oldest first: a timeline
    let fingerprint = v.vault().fingerprint();
    let now = Utc::now();
    let bytes = match format.as_str() {
        "html" => html(&records, &fingerprint, now).into_bytes(),
        "csv" => csv(&records)?,
        "json" => json(&records, &fingerprint, now)?,
        other => {
            return Err(Error::Invalid(tf!(
                Msg::ReportBadFormat,
                format = i18n::quote(other)
            )))
        }
    };
    out.warn(&tf!(Msg::ReportNotEncrypted, path = a.out.display()));
    if !a.yes {
        if !std::io::stdin().is_terminal() {
            return Err(Error::Invalid(t(Msg::ReportNeedsYes).into()));
        }
        if !output::confirm(t(Msg::ReportConfirm))? {
            return Err(Error::Interrupted);
        }
    }
    write_new_private(&a.out, &bytes)?;
    if out.json {
        return out.json(&serde_json::json!({
            "path": a.out,
            "format": format,
            "incidents": records.len(),
            "encrypted": false,
        }));
    }
    out.line(&tf!(
        Msg::ReportWrote,
        path = a.out.display(),
        n = records.len(),
        format = format
    ))
}

// ---------------------------------------------------------------------------
// HTML

const STYLE: &str = "body{font-family:Georgia,serif;max-width:52em;margin:2em auto;padding:0 1em;line-height:1.45;color:#111}\
h1{font-size:1.5em} h2{font-size:1.15em;border-top:1px solid #999;padding-top:.6em;margin-top:1.6em}\
.warn{border:2px solid #a00;padding:.5em .8em;font-weight:bold}\
table{border-collapse:collapse;width:100%} td,th{text-align:left;vertical-align:top;padding:.2em .5em;border-bottom:1px solid #ddd}\
th{width:9em;color:#444;font-weight:normal} .timeline th{width:auto} .timeline td:first-child{white-space:nowrap}\
.private{background:#ffe08a;padding:0 .2em} ul{margin:0;padding-left:1.2em} code{font-size:.85em;word-break:break-all}\
@media print{body{margin:0;max-width:none} .incident{page-break-inside:avoid} a{color:inherit;text-decoration:none}}";

/// The narrative with `[[private]]` spans highlighted, escaped, line breaks kept.
fn narrative_html(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("[[") {
        let Some(len) = rest[start + 2..].find("]]") else {
            break;
        };
        out.push_str(&escape(&rest[..start]));
        let _ = write!(
            out,
            "<span class=\"private\">{}</span>",
            escape(&rest[start + 2..start + 2 + len])
        );
        rest = &rest[start + 2 + len + 2..];
    }
    out.push_str(&escape(rest));
    out.replace('\n', "<br>")
}

fn short(text: &str, max: usize) -> String {
    let plain = text.replace("[[", "").replace("]]", "").replace('\n', " ");
    let mut s: String = plain.chars().take(max).collect();
    if plain.chars().count() > max {
        s.push('…');
    }
    s
}

fn list_html(items: &[String]) -> String {
    if items.len() == 1 {
        return escape(&items[0]);
    }
    let mut s = String::from("<ul>");
    for i in items {
        let _ = write!(s, "<li>{}</li>", escape(i));
    }
    s.push_str("</ul>");
    s
}

fn row(s: &mut String, label: Msg, value_html: &str) {
    if !value_html.is_empty() {
        let _ = writeln!(
            s,
            "<tr><th>{}</th><td>{value_html}</td></tr>",
            escape(t(label))
        );
    }
}

/// The printable report, in the current language.
pub fn html(records: &[RecordView], fingerprint: &str, now: DateTime<Utc>) -> String {
    let title = escape(t(Msg::ReportTitle));
    let mut s = String::new();
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\
<meta name=\"referrer\" content=\"no-referrer\">\
<title>{title}</title><style>{STYLE}</style></head><body>\n<h1>{title}</h1>\n<p class=\"warn\">{}</p>\n<p>{}</p>\n",
        i18n::lang().tag(),
        escape(t(Msg::ReportWarning)),
        escape(&tf!(
            Msg::ReportIntro,
            date = now.format("%Y-%m-%d %H:%M UTC"),
            fp = fingerprint,
            n = records.len()
        )),
    );
    if records.iter().any(|r| r.narrative.contains("[[")) {
        let _ = writeln!(
            s,
            "<p><span class=\"private\">[[…]]</span> {}</p>",
            escape(t(Msg::ReportPrivate))
        );
    }
    let _ = writeln!(s, "<h2>{}</h2>", escape(t(Msg::ReportTimeline)));
    if records.is_empty() {
        let _ = writeln!(s, "<p>{}</p>", escape(t(Msg::ReportEmpty)));
    } else {
        let _ = writeln!(
            s,
            "<table class=\"timeline\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
            escape(t(Msg::LabelWhen)),
            escape(t(Msg::LabelKind)),
            escape(t(Msg::LabelWhere)),
            escape(t(Msg::ReportSummary)),
        );
        for r in records {
            let _ = writeln!(
                s,
                "<tr><td><a href=\"#i-{id}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(&i18n::when_text(&r.occurred_at)),
                escape(i18n::kind_name(r.kind)),
                escape(&r.location.as_ref().map(|l| l.summary()).unwrap_or_default()),
                escape(&short(&r.narrative, 100)),
                id = escape(&r.id),
            );
        }
        s.push_str("</tbody></table>\n");
    }
    for r in records {
        incident_html(&mut s, r);
    }
    s.push_str("</body></html>\n");
    s
}

fn incident_html(s: &mut String, r: &RecordView) {
    let _ = write!(
        s,
        "<section class=\"incident\" id=\"i-{}\"><h2>{} · {}</h2>\n<table>\n",
        escape(&r.id),
        escape(&i18n::when_text(&r.occurred_at)),
        escape(i18n::kind_name(r.kind)),
    );
    row(
        s,
        Msg::LabelIncident,
        &format!(
            "<code>{}</code> ({} {})",
            escape(&r.id),
            escape(t(Msg::LabelRevision)),
            r.revision
        ),
    );
    row(
        s,
        Msg::LabelRecorded,
        &escape(&r.recorded_at.format("%Y-%m-%d %H:%M:%S UTC").to_string()),
    );
    row(
        s,
        Msg::LabelWhere,
        &escape(&r.location.as_ref().map(|l| l.summary()).unwrap_or_default()),
    );
    let parties = |ps: &[Party]| -> String {
        if ps.is_empty() {
            String::new()
        } else {
            list_html(&ps.iter().map(output::party_text).collect::<Vec<_>>())
        }
    };
    row(s, Msg::LabelAgents, &parties(&r.agents));
    row(s, Msg::LabelVehicles, &parties(&r.vehicles));
    row(s, Msg::LabelWitnesses, &parties(&r.witnesses));
    row(s, Msg::LabelTags, &escape(&r.tags.join(", ")));
    row(s, Msg::LabelWhat, &narrative_html(&r.narrative));
    if !r.attachments.is_empty() {
        let mut a_html = String::from("<ul>");
        for a in &r.attachments {
            let _ = write!(
                a_html,
                "<li>{}. {} — {}, {}<br>SHA-256 <code>{}</code></li>",
                a.number,
                escape(&a.name),
                escape(&a.media_type),
                escape(&human_size(a.size)),
                escape(&a.sha256)
            );
        }
        a_html.push_str("</ul>");
        row(s, Msg::LabelAttachments, &a_html);
    }
    s.push_str("</table></section>\n");
}

// ---------------------------------------------------------------------------
// CSV and JSON

/// A party in the syntax `--agent` takes: `description; name=..; badge=..`.
fn party_raw(p: &Party) -> String {
    let mut parts = Vec::new();
    if let Some(d) = &p.description {
        parts.push(d.clone());
    }
    for (k, v) in [
        ("name", &p.name),
        ("badge", &p.badge),
        ("agency", &p.agency),
        ("plate", &p.plate),
        ("contact", &p.contact),
    ] {
        if let Some(v) = v {
            parts.push(format!("{k}={v}"));
        }
    }
    parts.join("; ")
}

/// A text cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a
/// leading `'`, so opening the file cannot run anything.
fn cell(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_owned(),
    }
}

/// The time as data: RFC 3339, a date, or `start/end` (ISO 8601 interval).
fn when_data(w: &When) -> String {
    match serde_json::to_value(w) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(v) => format!(
            "{}/{}",
            v["start"].as_str().unwrap_or_default(),
            v["end"].as_str().unwrap_or_default()
        ),
        Err(_) => String::new(),
    }
}

/// Column names of the CSV report (stable, like the JSON keys).
pub const CSV_COLUMNS: [&str; 18] = [
    "id",
    "revision",
    "kind",
    "when",
    "start_utc",
    "end_utc",
    "approximate",
    "recorded_at",
    "location",
    "latitude",
    "longitude",
    "narrative",
    "agents",
    "vehicles",
    "witnesses",
    "tags",
    "attachments",
    "attachment_sha256",
];

/// One row per incident; several agents, tags, ... in one cell are separated by ` | `.
pub fn csv(records: &[RecordView]) -> Result<Vec<u8>> {
    let err = |e: csv::Error| Error::Invalid(e.to_string());
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(CSV_COLUMNS).map_err(err)?;
    for r in records {
        let (start, end) = r.occurred_at.span();
        let joined = |ps: &[Party]| ps.iter().map(party_raw).collect::<Vec<_>>().join(" | ");
        let loc = r.location.clone().unwrap_or_default();
        let row = [
            r.id.clone(),
            r.revision.to_string(),
            r.kind.as_str().to_owned(),
            when_data(&r.occurred_at),
            start.to_rfc3339(),
            end.to_rfc3339(),
            matches!(
                r.occurred_at,
                When::Between {
                    approximate: true,
                    ..
                }
            )
            .to_string(),
            r.recorded_at.to_rfc3339(),
            cell(loc.text.as_deref().unwrap_or_default()),
            loc.latitude.map(|x| x.to_string()).unwrap_or_default(),
            loc.longitude.map(|x| x.to_string()).unwrap_or_default(),
            cell(&r.narrative),
            cell(&joined(&r.agents)),
            cell(&joined(&r.vehicles)),
            cell(&joined(&r.witnesses)),
            cell(&r.tags.join(" | ")),
            cell(
                &r.attachments
                    .iter()
                    .map(|a| a.name.as_str())
                    .collect::<Vec<_>>()
                    .join(" | "),
            ),
            r.attachments
                .iter()
                .map(|a| a.sha256.as_str())
                .collect::<Vec<_>>()
                .join(" | "),
        ];
        w.write_record(&row).map_err(err)?;
    }
    w.into_inner()
        .map_err(|e| Error::Invalid(e.error().to_string()))
}

/// `{"format", "generated_at", "fingerprint", "count", "incidents": [what list --json prints]}`.
pub fn json(records: &[RecordView], fingerprint: &str, now: DateTime<Utc>) -> Result<Vec<u8>> {
    let v = serde_json::json!({
        "format": JSON_FORMAT,
        "generated_at": now,
        "fingerprint": fingerprint,
        "count": records.len(),
        "incidents": records,
    });
    let mut bytes = serde_json::to_vec_pretty(&v).map_err(|e| Error::Invalid(e.to_string()))?;
    bytes.push(b'\n');
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use vault::record::{Kind, Location};

    fn record() -> RecordView {
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
            agents: vec![Party::parse("tall; badge=4411").unwrap()],
            vehicles: vec![
                Party::parse("plate=ABC1234").unwrap(),
                Party::parse("van").unwrap(),
            ],
            witnesses: vec![],
            tags: vec!["x\"y".into()],
            attachments: vec![],
        }
    }

    #[test]
    fn html_is_escaped_self_contained_and_marks_private_parts() {
        let h = html(&[record()], "12345 67890", Utc::now());
        let lower = h.to_lowercase();
        assert!(!lower.contains("<script"), "{h}");
        assert!(!lower.contains("src="), "{h}");
        assert!(!lower.contains("href=\"http"), "{h}");
        assert!(!lower.contains("url("), "{h}");
        assert!(
            h.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; "),
            "{h}"
        );
        assert!(
            h.contains("<span class=\"private\">Ana &lt;b&gt;</span> saw<br>it"),
            "{h}"
        );
        assert!(h.contains("href=\"#i-3f2a"), "internal link only: {h}");
        assert!(h.contains("NOT encrypted"), "{h}");
        assert!(h.contains("x&quot;y"), "{h}");
        let empty = html(&[], "1", Utc::now());
        assert!(empty.contains("No incidents."));
    }

    #[test]
    fn csv_round_trips_and_defuses_formulas() {
        let bytes = csv(&[record()]).unwrap();
        let mut rd = csv::Reader::from_reader(bytes.as_slice());
        assert_eq!(
            rd.headers().unwrap().iter().collect::<Vec<_>>(),
            CSV_COLUMNS
        );
        let rows: Vec<csv::StringRecord> = rd.records().map(|r| r.unwrap()).collect();
        assert_eq!(rows.len(), 1);
        let r = &rows[0];
        assert_eq!(&r[2], "followed");
        assert_eq!(&r[3], "2026-11-20T14:00:00-05:00/2026-11-20T16:00:00-05:00");
        assert_eq!(&r[4], "2026-11-20T19:00:00+00:00");
        assert_eq!(&r[6], "true");
        assert_eq!(&r[8], "'=HYPERLINK(\"http://x\")");
        assert_eq!(&r[10], "-74.25", "numbers are not altered");
        assert_eq!(&r[11], "<script>alert(1)</script> & [[Ana <b>]] saw\nit");
        assert_eq!(&r[12], "tall; badge=4411");
        assert_eq!(&r[13], "plate=ABC1234 | van");
    }

    #[test]
    fn json_report_carries_the_records() {
        let bytes = json(&[record()], "fp", Utc::now()).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(v["format"], JSON_FORMAT);
        assert_eq!(v["count"], 1);
        assert_eq!(v["incidents"][0]["vehicles"][0]["plate"], "ABC1234");
    }

    #[test]
    fn format_from_extension() {
        assert_eq!(format_of(None, Path::new("a.CSV")), "csv");
        assert_eq!(format_of(None, Path::new("a.json")), "json");
        assert_eq!(format_of(None, Path::new("a.htm")), "html");
        assert_eq!(format_of(Some("csv"), Path::new("a.html")), "csv");
    }
}
