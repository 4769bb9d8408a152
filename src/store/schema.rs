//! Schema creation and the format-version check. Plaintext columns hold only what must be there:
//! ids, public keys, KDF parameters, digests and ciphertexts (docs/format.md "Database").

use std::collections::BTreeMap;
use std::sync::OnceLock;

use rusqlite::Connection;

use crate::error::{Damage, SchemaProblem};
use crate::i18n::Lang;
use crate::{Error, Result};

/// On-disk format version written by this program.
pub const FORMAT_VERSION: u32 = 1;

const SCHEMA: &str = "
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE keyslots (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, kdf TEXT NOT NULL,
    salt BLOB NOT NULL, wrapped BLOB NOT NULL, leaf_index INTEGER NOT NULL);
CREATE TABLE ledger (leaf_index INTEGER PRIMARY KEY, entry BLOB NOT NULL, leaf_hash BLOB NOT NULL);
-- Lets listings and checkpoints read every leaf hash without reading the entries. Also created
-- on open for vaults written before it existed.
CREATE INDEX ledger_hashes ON ledger(leaf_index, leaf_hash);
CREATE TABLE records (
    id TEXT NOT NULL, revision INTEGER NOT NULL, ciphertext BLOB NOT NULL,
    leaf_index INTEGER NOT NULL UNIQUE, PRIMARY KEY (id, revision)) WITHOUT ROWID;
-- Lets listings read every revision's id, revision and leaf without touching the rows (which
-- carry the ciphertexts). Also created on open for vaults written before it existed.
CREATE INDEX records_by_leaf ON records(leaf_index, id, revision);
CREATE TABLE attachments (
    id TEXT PRIMARY KEY, record_id TEXT NOT NULL, blob TEXT NOT NULL UNIQUE,
    blob_size INTEGER NOT NULL, meta BLOB NOT NULL, leaf_index INTEGER NOT NULL UNIQUE);
CREATE INDEX attachments_by_record ON attachments(record_id);
-- Finds the newest rekey entry (entries starting with the bytes of {\"type\":\"rekey\",) without scanning
-- the ledger; used by every append.
CREATE INDEX ledger_rekeys ON ledger(leaf_index) WHERE substr(entry, 1, 16) = X'7b2274797065223a2272656b6579222c';
CREATE TABLE checkpoints (size INTEGER PRIMARY KEY, note TEXT NOT NULL);
CREATE TABLE exports (id TEXT PRIMARY KEY, details BLOB NOT NULL, leaf_index INTEGER NOT NULL UNIQUE);
";

/// Creates the tables and records the format version.
pub fn create(conn: &Connection) -> Result<()> {
    conn.execute_batch(&format!(
        "BEGIN; {SCHEMA} INSERT INTO meta(key, value) VALUES('format_version', '{FORMAT_VERSION}'); COMMIT;"
    ))?;
    Ok(())
}

/// Indexes added to the schema after format version 1 was first written; created on open
/// when missing (nothing else changes, so the format version stays).
/// `ledger_hashes` lets listing and checkpointing read every leaf hash without reading the
/// entries (about 4 MB instead of 70 MB at 100,000 records).
pub const LATER_INDEXES: &str =
    "CREATE INDEX IF NOT EXISTS records_by_leaf ON records(leaf_index, id, revision);
     CREATE INDEX IF NOT EXISTS ledger_hashes ON ledger(leaf_index, leaf_hash);";

/// Tables every vault holds (the others are optional: created on first use or on open).
const REQUIRED_TABLES: &[&str] = &[
    "meta",
    "keyslots",
    "ledger",
    "records",
    "attachments",
    "checkpoints",
    "exports",
];

/// Older texts of objects this program still accepts (and uses as they are).
const OLDER_VARIANTS: &[(&str, &str, &str, &str)] = &[(
    "index",
    "ledger_rekeys",
    "ledger",
    "CREATE INDEX ledger_rekeys ON ledger(leaf_index) WHERE substr(entry, 1, 16) = '{\"type\":\"rekey\",'",
)];

/// One schema object as `sqlite_schema` lists it.
type Object = (String, String, String, Option<String>);

/// The expected objects by (type, name): their table and the accepted (normalized) SQL texts.
type Expected = BTreeMap<(String, String), (String, Vec<Option<String>>)>;

/// Whitespace runs made one space, so that only meaningful differences count.
fn normalize(sql: &str) -> String {
    sql.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every object a vault written by this program (or an older one it opens) may hold, by
/// (type, name): its table and the accepted SQL texts. Built once per process from the very
/// statements that create them, in a database in memory (a fraction of a millisecond).
fn expected() -> &'static Expected {
    static EXPECTED: OnceLock<Expected> = OnceLock::new();
    EXPECTED.get_or_init(|| {
        let mut out = Expected::new();
        let objects = (|| -> rusqlite::Result<Vec<Object>> {
            let conn = Connection::open_in_memory()?;
            conn.execute_batch(SCHEMA)?;
            conn.execute_batch(super::bulk::CACHE_TABLE)?;
            conn.execute_batch(super::anchors::ANCHORS_TABLE)?;
            conn.execute_batch(super::maint::WAL_FILL_TABLE)?;
            conn.execute_batch(super::reads::READ_INDEXES)?;
            read_objects(&conn)
        })()
        .unwrap_or_default();
        for (kind, name, table, sql) in objects {
            out.entry((kind, name))
                .or_insert_with(|| (table, Vec::new()))
                .1
                .push(sql.as_deref().map(normalize));
        }
        for (kind, name, table, sql) in OLDER_VARIANTS {
            out.entry((kind.to_string(), name.to_string()))
                .or_insert_with(|| (table.to_string(), Vec::new()))
                .1
                .push(Some(normalize(sql)));
        }
        out
    })
}

fn read_objects(conn: &Connection) -> rusqlite::Result<Vec<Object>> {
    let mut stmt = conn.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, Option<String>>(3)?,
        ))
    })?;
    rows.collect()
}

/// What in the database's schema differs from what this program creates: one line per object
/// it did not create (a trigger, a view, an extra table or index, a table whose columns were
/// changed) and per table that is missing. Empty when the schema is exactly the expected one.
/// One small query: cheap enough for every open (docs/format.md, "Schema check").
pub fn problems(conn: &Connection) -> Result<Vec<String>> {
    Ok(schema_problems(conn)?
        .iter()
        .map(|p| p.text_in(Lang::En))
        .collect())
}

/// [`problems`], typed.
pub fn schema_problems(conn: &Connection) -> Result<Vec<SchemaProblem>> {
    let found = read_objects(conn).map_err(Error::from)?;
    let expected = expected();
    let mut out = Vec::new();
    for (kind, name, table, sql) in &found {
        let sql = sql.as_deref().map(normalize);
        let (kind, name) = (kind.clone(), name.clone());
        match expected.get(&(kind.clone(), name.clone())) {
            Some((t, texts)) if t == table && texts.contains(&sql) => {}
            Some(_) => out.push(SchemaProblem::Changed { kind, name }),
            None if kind == "table" || kind == "view" || kind == "trigger" => {
                out.push(SchemaProblem::Extra { kind, name })
            }
            None if kind == "index" => out.push(SchemaProblem::ExtraIndex { name }),
            None => out.push(SchemaProblem::ExtraObject { name }),
        }
    }
    for table in REQUIRED_TABLES {
        if !found.iter().any(|(k, n, _, _)| k == "table" && n == table) {
            out.push(SchemaProblem::MissingTable {
                table: (*table).to_owned(),
            });
        }
    }
    Ok(out)
}

/// Refuses a database whose schema is not exactly the expected one (see [`problems`]): a
/// planted trigger could make inserts vanish, a view or a changed table could show other data.
pub fn check(conn: &Connection) -> Result<()> {
    match schema_problems(conn)?.into_iter().next() {
        None => Ok(()),
        Some(first) => Err(Error::Damage(Damage::Schema(first))),
    }
}

/// Refuses a vault written by a newer program (or one without a version).
pub fn check_version(conn: &Connection) -> Result<()> {
    let found: Option<String> = conn
        .query_row(
            "SELECT value FROM meta WHERE key = 'format_version'",
            [],
            |r| r.get(0),
        )
        .map_err(|_| Error::Damage(Damage::NoFormatVersion))
        .map(Some)?;
    let found: u32 = found
        .and_then(|v| v.parse().ok())
        .ok_or(Error::Damage(Damage::FormatVersionUnreadable))?;
    if found > FORMAT_VERSION {
        return Err(Error::NewerFormat {
            found,
            supported: FORMAT_VERSION,
        });
    }
    Ok(())
}
