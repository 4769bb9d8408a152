//! A database `verify` cannot use at all: reported, not refused.

use super::{ProblemKind, Problems, Report};
use crate::problem::item;
use crate::problem_text;

/// The report for a vault whose database cannot be used at all (malformed pages, a schema
/// vault did not create, missing tables, values of the wrong type, no format version): `verify`
/// prints it instead of failing, with a `database` problem for what went wrong, a
/// `database_schema` problem for every object the schema check refuses, and whatever SQLite's
/// integrity check lists. `error` is what stopped the ordinary checks.
pub fn database_report(dir: &std::path::Path, error: &crate::Error) -> Report {
    let found = crate::store::inspect(dir);
    let mut p = Problems(Vec::new());
    for line in &found.schema {
        p.add(
            ProblemKind::DatabaseSchema,
            item::file(crate::store::DB_FILE),
            problem_text!("verify-database-schema", line = line),
        );
    }
    for line in &found.integrity {
        p.add(
            ProblemKind::Database,
            item::file(crate::store::DB_FILE),
            problem_text!("verify-database-sqlite", line = line),
        );
    }
    let detail = match error {
        // In English, whatever the process language: the detail goes into `--json`.
        crate::Error::Damaged(s) => s.clone(),
        crate::Error::Damage(d) => d.text_in(crate::i18n::Lang::En),
        other => other.text_in(crate::i18n::Lang::En),
    };
    // The schema check's refusal repeats a line already listed.
    if !found
        .schema
        .iter()
        .any(|line| detail.starts_with(line.as_str()))
    {
        p.add(
            ProblemKind::Database,
            item::file(crate::store::DB_FILE),
            problem_text!("verify-database-unusable", error = detail),
        );
    }
    Report {
        tier: "basic",
        ledger_entries: 0,
        signed_entries: 0,
        checkpoints: 0,
        records: 0,
        attachments: 0,
        attachment_bytes: 0,
        leftover_files: 0,
        records_opened_with_cached_keys: 0,
        receipt: None,
        anchors: Vec::new(),
        cosignatures: Vec::new(),
        problems: p.0,
    }
}

/// True when `error` says the vault's database cannot be used as it is: `verify` then reports
/// it with [`database_report`] instead of stopping.
pub fn is_database_error(error: &crate::Error) -> bool {
    matches!(
        error,
        crate::Error::Damaged(_) | crate::Error::Damage(_) | crate::Error::Sql(_)
    )
}
