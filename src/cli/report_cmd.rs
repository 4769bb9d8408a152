//! `vault report`: an UNENCRYPTED copy of incidents for the activist's own use: a printable,
//! self-contained HTML timeline (no scripts, no external resources, everything escaped), or CSV
//! and JSON for their own analysis. Writing one always warns that it is not encrypted, and asks
//! first on a terminal (or needs `--yes`).

use std::io::IsTerminal;
use std::path::Path;

use chrono::{DateTime, Utc};
use vault::record::{Field, Party};
use vault::vault::view::RecordView;
use vault::vault::write_new_private;
use vault::vault::Unlocked;
use vault::when::When;
use vault::{Error, Result};

use super::args::ReportArgs;
use super::i18n;
use super::output::{self, human_size, Out};
use vault::fl;

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
            return Err(Error::Invalid(fl!(
                "cli-report-bad-format",
                format = i18n::quote(other)
            )))
        }
    };
    out.warn(&fl!(
        "cli-report-not-encrypted",
        path = a.out.display().to_string()
    ));
    if !a.yes {
        if !std::io::stdin().is_terminal() {
            return Err(Error::Invalid(fl!("cli-report-needs-yes")));
        }
        if !output::confirm(&fl!("cli-report-confirm"))? {
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
    out.line(&fl!(
        "cli-report-wrote",
        path = a.out.display().to_string(),
        n = records.len(),
        format = format
    ))
}

// ---------------------------------------------------------------------------
// HTML

/// Times, people and sizes in the report as on the screen.
struct Screen;

impl vault::report::owner::Conventions for Screen {
    fn when(&self, w: &When) -> String {
        i18n::when_text(w)
    }
    fn party(&self, p: &Party) -> String {
        output::party_text(p)
    }
    fn size(&self, bytes: u64) -> String {
        human_size(bytes)
    }
}

/// The printable report, in the current language (src/report/owner.rs renders it).
pub fn html(records: &[RecordView], fingerprint: &str, now: DateTime<Utc>) -> String {
    vault::report::owner::html(records, fingerprint, now, i18n::lang(), &Screen)
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

/// A text cell a spreadsheet would run as a formula gets a leading `'` (the library's rule,
/// shared with the court packet's chronology).
fn cell(text: &str) -> String {
    vault::report::csv_cell(text)
}

/// Column names of the CSV report (stable, like the JSON keys): `id`, `revision`, then each
/// field's columns ([`Field::csv_columns`]) in [`Field::CSV_ORDER`].
pub fn csv_columns() -> Vec<&'static str> {
    ["id", "revision"]
        .into_iter()
        .chain(
            Field::CSV_ORDER
                .iter()
                .flat_map(|f| f.csv_columns().iter().copied()),
        )
        .collect()
}

/// The cells of one field of one incident, one per column of [`Field::csv_columns`].
fn csv_cells(r: &RecordView, field: Field) -> Vec<String> {
    let joined = |ps: &[Party]| ps.iter().map(party_raw).collect::<Vec<_>>().join(" | ");
    match field {
        Field::Kind => vec![r.kind.as_str().to_owned()],
        Field::When => {
            let (start, end) = r.occurred_at.span();
            let approximate = matches!(
                r.occurred_at,
                When::Between {
                    approximate: true,
                    ..
                }
            );
            vec![
                r.occurred_at.data_text(),
                start.to_rfc3339(),
                end.to_rfc3339(),
                approximate.to_string(),
            ]
        }
        Field::RecordedAt => vec![r.recorded_at.to_rfc3339()],
        Field::Location => {
            let loc = r.location.clone().unwrap_or_default();
            vec![
                cell(loc.text.as_deref().unwrap_or_default()),
                loc.latitude.map(|x| x.to_string()).unwrap_or_default(),
                loc.longitude.map(|x| x.to_string()).unwrap_or_default(),
            ]
        }
        Field::Narrative => vec![cell(&r.narrative)],
        Field::Agents => vec![cell(&joined(&r.agents))],
        Field::Vehicles => vec![cell(&joined(&r.vehicles))],
        Field::Witnesses => vec![cell(&joined(&r.witnesses))],
        Field::Tags => vec![cell(&r.tags.join(" | "))],
        Field::Attachments => vec![
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
        ],
    }
}

/// One row per incident; several agents, tags, ... in one cell are separated by ` | `.
pub fn csv(records: &[RecordView]) -> Result<Vec<u8>> {
    let err = |e: csv::Error| Error::Invalid(e.to_string());
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(csv_columns()).map_err(err)?;
    for r in records {
        let row: Vec<String> = [r.id.clone(), r.revision.to_string()]
            .into_iter()
            .chain(Field::CSV_ORDER.iter().flat_map(|f| csv_cells(r, *f)))
            .collect();
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
            withdrawn: None,
        }
    }

    #[test]
    fn html_goes_through_the_library_renderer() {
        let h = html(&[record()], "12345 67890", Utc::now());
        assert!(
            h.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; "),
            "{h}"
        );
        assert!(
            h.contains("tall; badge 4411") || h.contains("tall; placa 4411"),
            "{h}"
        );
        assert!(!h.to_lowercase().contains("<script"), "{h}");
    }

    #[test]
    fn csv_round_trips_and_defuses_formulas() {
        let bytes = csv(&[record()]).unwrap();
        let mut rd = csv::Reader::from_reader(bytes.as_slice());
        assert_eq!(
            rd.headers().unwrap().iter().collect::<Vec<_>>(),
            [
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
            ],
            "the columns never change (people's spreadsheets read them by name)"
        );
        assert_eq!(rd.headers().unwrap().len(), csv_columns().len());
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
