//! `chronology.csv`: one row per incident, oldest first, in the columns case-management tools
//! import (date, time, the fact, its source and the exhibit page it is on). A time known only
//! roughly keeps its date column empty of guesses: the `as written` column carries it the way
//! the activist gave it, and `start`/`end` carry the range as data.
//!
//! Every text cell goes through [`crate::report::csv_cell`] (the same defence as `vault report
//! --format csv`): a cell a spreadsheet would run as a formula gets a leading `'`.

use chrono::Timelike;

use super::model::{msg, IncidentView, View};
use crate::bundle::Error as BundleError;
use crate::i18n::FluentValue;
use crate::report::csv_cell;
use crate::when::When;
use crate::Result;

/// The header ids, in column order.
const COLUMNS: [&str; 8] = [
    "bundle-packet-csv-date",
    "bundle-packet-csv-time",
    "bundle-packet-csv-as-written",
    "bundle-packet-csv-fact",
    "bundle-packet-csv-source",
    "bundle-packet-csv-page",
    "bundle-packet-csv-start",
    "bundle-packet-csv-end",
];

/// The CSV bytes; `pages[i]` is the page id where incident `i` of the view starts.
pub fn csv(view: &View, pages: &[String]) -> Result<Vec<u8>> {
    let err = |e: csv::Error| -> crate::Error {
        BundleError::Encode {
            detail: e.to_string(),
        }
        .into()
    };
    let mut w = csv::Writer::from_writer(Vec::new());
    let header: Vec<String> = COLUMNS.iter().map(|id| msg(view.lang, id, &[])).collect();
    w.write_record(&header).map_err(err)?;
    for (i, inc) in view.incidents.iter().enumerate() {
        let page = pages.get(i).cloned().unwrap_or_default();
        w.write_record(row(view, inc, page)).map_err(err)?;
    }
    w.into_inner().map_err(|e| {
        BundleError::Encode {
            detail: e.error().to_string(),
        }
        .into()
    })
}

fn row(view: &View, inc: &IncidentView, page: String) -> [String; 8] {
    let (date, time) = match &inc.when {
        Some(When::At(t)) => (
            t.format("%Y-%m-%d").to_string(),
            format!("{:02}:{:02}", t.hour(), t.minute()),
        ),
        Some(When::Day(d)) => (d.format("%Y-%m-%d").to_string(), String::new()),
        Some(When::Between { start, end, .. }) if start.date_naive() == end.date_naive() => {
            (start.format("%Y-%m-%d").to_string(), String::new())
        }
        _ => (String::new(), String::new()),
    };
    let (start, end) = match &inc.when {
        Some(w) => {
            let data = w.data_text();
            match data.split_once('/') {
                Some((s, e)) => (s.to_owned(), e.to_owned()),
                None => (data.clone(), data),
            }
        }
        None => (String::new(), String::new()),
    };
    let mut fact = inc.kind_text.clone();
    if let Some(n) = &inc.narrative {
        if !fact.is_empty() {
            fact.push_str(": ");
        }
        fact.push_str(n);
    }
    let source = msg(
        view.lang,
        "bundle-packet-csv-source-text",
        &[
            ("id", FluentValue::from(inc.short.clone())),
            ("revision", FluentValue::from(inc.revision)),
            ("export", FluentValue::from(view.export_id.clone())),
        ],
    );
    [
        date,
        time,
        csv_cell(&inc.when_text),
        csv_cell(&fact),
        csv_cell(&source),
        csv_cell(&page),
        start,
        end,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::packet::model::IncidentView;
    use crate::i18n::Lang;

    fn incident(kind: &str, narrative: &str, when_text: &str) -> IncidentView {
        IncidentView {
            id: "ab12cd34ef".into(),
            short: "ab12cd34".into(),
            revision: 1,
            when: None,
            when_text: when_text.into(),
            when_data: String::new(),
            kind_text: kind.into(),
            rows: vec![],
            narrative: Some(narrative.into()),
            recorded_text: None,
            history: vec![],
            attachments: vec![],
            spanish: false,
        }
    }

    #[test]
    fn cells_that_would_run_as_formulas_are_defused() {
        let view = View {
            lang: Lang::En,
            export_id: "e1".into(),
            disclosure: false,
            supplements: None,
            exported_at: chrono::Utc::now(),
            exported_text: String::new(),
            vault_id: "v".into(),
            fingerprint: "1".into(),
            checkpoint: String::new(),
            checkpoint_size: 1,
            incidents: vec![
                incident("", "=HYPERLINK(\"http://x\",\"y\")", "@now"),
                incident("", "+1", "-2"),
                incident("followed", "a, \"quoted\"\nline", "Fri 20 Nov 2026"),
            ],
            attachment_count: 0,
            outside_proofs: vec![],
        };
        let bytes = csv(&view, &["P-000001".into(), "=P".into()]).unwrap();
        let mut r = ::csv::Reader::from_reader(&bytes[..]);
        let rows: Vec<::csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
        assert_eq!(rows.len(), 3);
        assert_eq!(&rows[0][3], "'=HYPERLINK(\"http://x\",\"y\")");
        assert_eq!(&rows[0][2], "'@now");
        assert_eq!(&rows[0][5], "P-000001");
        assert_eq!(&rows[1][3], "'+1");
        assert_eq!(&rows[1][2], "'-2");
        assert_eq!(&rows[1][5], "'=P");
        assert_eq!(&rows[2][3], "followed: a, \"quoted\"\nline");
        assert_eq!(&rows[2][5], "");
        for row in &rows {
            for cell in row.iter() {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{row:?}"
                );
            }
        }
    }
}
