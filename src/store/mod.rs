//! The only module that speaks SQL. One SQLite file (`vault.db`) holds metadata, keyslots,
//! record ciphertexts, attachment descriptions, the ledger and checkpoints; attachment content
//! lives in `blobs/` as age files with random names (SQLite's 1 GB blob limit must not apply).
//!
//! Every change is one `BEGIN IMMEDIATE` transaction, so concurrent writers queue on SQLite's
//! lock and the ledger stays one linear log.

mod anchors;
mod bulk;
mod keys;
mod maint;
mod reads;
mod schema;
mod trust;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::config::DbConfig;
use rusqlite::{
    params, Connection, OpenFlags, OptionalExtension, Transaction, TransactionBehavior,
};

use crate::crypto::kdf::KdfParams;
use crate::crypto::keyslot::{Keyslot, SlotKind};
use crate::error::{Conflict, Damage};
use crate::i18n::Lang;
use crate::{Error, Result};

pub use anchors::{AnchorRow, ANCHOR_REQUEST_META};
pub use bulk::CacheSegmentRow;
pub use maint::snapshot_facts;
pub use reads::ItemKind;
pub use schema::FORMAT_VERSION;

/// File name of the database inside the vault directory.
pub const DB_FILE: &str = "vault.db";
/// Directory of attachment blobs inside the vault directory.
pub const BLOB_DIR: &str = "blobs";
/// Directory inside the vault where complete blob files the database does not own are moved
/// (never deleted: they may be the only copy of an attachment; docs/format.md, "Quarantine").
pub const QUARANTINE_DIR: &str = "quarantine";

/// True for the names vault gives blob files: 32 lower-case hex digits (a random id). Only
/// such names are ever joined to `blobs/`, and only such names (and `.partial` ones) deleted.
pub fn is_blob_name(name: &str) -> bool {
    name.len() == 32 && name.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// An open vault database.
pub struct Store {
    conn: Connection,
    dir: PathBuf,
}

/// Largest write-ahead log left for the next process. The first connection of a process
/// rebuilds SQLite's index of the log by reading all of it, so a long log would slow every
/// command; past this size a closing connection checkpoints and truncates it.
const WAL_KEEP_LIMIT: u64 = 256 << 10;

impl Drop for Store {
    fn drop(&mut self) {
        let wal = self.dir.join(format!("{DB_FILE}-wal"));
        if std::fs::metadata(&wal).is_ok_and(|m| m.len() > WAL_KEEP_LIMIT) {
            // Best effort and without waiting: another process using the vault just means the
            // log is truncated by a later close.
            let _ = self.conn.busy_timeout(Duration::ZERO);
            let _ = self.checkpoint_truncate();
        }
    }
}

/// A stored record revision.
#[derive(Debug, Clone)]
pub struct RecordRow {
    pub id: String,
    pub revision: u32,
    pub ciphertext: Vec<u8>,
    pub leaf_index: u64,
}

/// A stored attachment.
#[derive(Debug, Clone)]
pub struct AttachmentRow {
    pub id: String,
    pub record_id: String,
    pub blob: String,
    pub blob_size: u64,
    pub meta: Vec<u8>,
    pub leaf_index: u64,
    pub position: u64,
}

/// A stored ledger leaf.
#[derive(Debug, Clone)]
pub struct LedgerRow {
    pub index: u64,
    pub entry: Vec<u8>,
    pub leaf_hash: [u8; 32],
}

/// A stored export description.
#[derive(Debug, Clone)]
pub struct ExportRow {
    pub id: String,
    pub details: Vec<u8>,
    pub leaf_index: u64,
}

/// A keyslot row with the ledger leaf that last committed to it.
#[derive(Clone)]
pub struct KeyslotRow {
    pub slot: Keyslot,
    pub leaf_index: u64,
}

fn busy(e: rusqlite::Error) -> Error {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DatabaseBusy) | Some(rusqlite::ErrorCode::DatabaseLocked) => {
            Error::Busy
        }
        _ => e.into(),
    }
}

/// Checks that a statement changed exactly one row. Zero where one was expected is never a
/// success: something in the database (a planted trigger, a row changed under us) kept the
/// change from happening.
fn one_row(n: usize, what: &'static str) -> Result<()> {
    if n == 1 {
        Ok(())
    } else {
        Err(Error::Damage(Damage::RowsChanged { rows: n, what }))
    }
}

/// A stored leaf hash that is not 32 bytes.
pub(crate) fn bad_leaf_hash<I: TryInto<u64>>(index: I) -> Error {
    Error::Damage(Damage::LeafHashLength {
        index: index.try_into().unwrap_or(u64::MAX),
    })
}

impl Store {
    /// Creates a new vault database in `dir` (which must exist, empty of a vault).
    pub fn create(dir: &Path) -> Result<Store> {
        let path = dir.join(DB_FILE);
        if std::fs::symlink_metadata(&path).is_ok() {
            return Err(Error::VaultExists(dir.to_path_buf()));
        }
        // Created empty, new and private (SQLite gives its log files the database's mode).
        crate::fsutil::create_new_private(&path)?;
        let conn = Connection::open_with_flags(
            &path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        let store = Store::configure(conn, dir)?;
        schema::create(&store.conn)?;
        store.conn.execute_batch(reads::READ_INDEXES)?;
        Ok(store)
    }

    /// Opens an existing vault database, refusing newer formats.
    pub fn open(dir: &Path) -> Result<Store> {
        let path = dir.join(DB_FILE);
        refuse_links(dir)?;
        if !path.is_file() {
            return Err(Error::NoVault(dir.to_path_buf()));
        }
        Store::open_db(dir, &path).map_err(|e| explain_open_failure(dir, e))
    }

    fn open_db(dir: &Path, path: &Path) -> Result<Store> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .or_else(|_| {
            Connection::open_with_flags(
                path,
                OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )
        })?;
        let store = Store::configure(conn, dir)?;
        // Exactly the expected schema, before anything is read or written (issue: a planted
        // trigger made inserts vanish while `add` printed an id).
        schema::check(&store.conn)?;
        schema::check_version(&store.conn)?;
        // Best effort: a read-only or busy vault works without it, only slower to list.
        let _ = store.conn.execute_batch(schema::LATER_INDEXES);
        let _ = store.conn.execute_batch(reads::READ_INDEXES);
        Ok(store)
    }

    fn configure(conn: Connection, dir: &Path) -> Result<Store> {
        harden(&conn)?;
        conn.busy_timeout(Duration::from_secs(30))?;
        // secure_delete: freed pages are zeroed; temp_store in memory: no temp files.
        // WAL + synchronous=FULL: one fsync per commit, durable across power loss.
        conn.execute_batch(
            "PRAGMA secure_delete=ON; PRAGMA temp_store=MEMORY; PRAGMA foreign_keys=ON;",
        )?;
        let _ = conn.pragma_update(None, "journal_mode", "WAL");
        conn.pragma_update(None, "synchronous", "FULL")?;
        // The log stays between processes: checkpointing it at every close would cost `add`
        // four more fsyncs. It is truncated on close once it passes WAL_KEEP_LIMIT (see Drop),
        // unlocking commands checkpoint it and key changes overwrite it (overwrite_wal).
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)?;
        // Keep the log file small after checkpoints, so `destroy` can overwrite all of it.
        conn.execute_batch("PRAGMA journal_size_limit=16777216;")?;
        Ok(Store {
            conn,
            dir: dir.to_path_buf(),
        })
    }

    /// The vault directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Path of a blob by name.
    pub fn blob_path(&self, name: &str) -> PathBuf {
        self.dir.join(BLOB_DIR).join(name)
    }

    /// Runs `f` in one write transaction taken with `BEGIN IMMEDIATE`; commits only if `f` succeeds.
    pub fn write<T>(&mut self, f: impl FnOnce(&Tx<'_>) -> Result<T>) -> Result<T> {
        let run = || {
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(busy)?;
            let wrapped = Tx { tx };
            let out = f(&wrapped)?;
            wrapped.tx.commit().map_err(busy)?;
            Ok(out)
        };
        run().map_err(|e| explain_read_only(&self.dir, e))
    }

    /// A read snapshot: every query in `f` sees the same state.
    pub fn read<T>(&mut self, f: impl FnOnce(&Tx<'_>) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Deferred)
            .map_err(busy)?;
        let wrapped = Tx { tx };
        let out = f(&wrapped)?;
        wrapped.tx.commit().map_err(busy)?;
        Ok(out)
    }

    /// SQLite's own structural check on a read-only connection of its own, to run on another
    /// thread beside the other checks (it reads the whole file on one core); the job returns
    /// the problems SQLite lists (empty when fine).
    pub fn integrity_check_job(&self) -> impl FnOnce() -> Result<Vec<String>> + Send + 'static {
        let path = self.dir.join(DB_FILE);
        move || {
            let conn = open_checker(&path)?;
            integrity_problems(&conn, "integrity_check")
        }
    }

    /// SQLite's quick structural check (`PRAGMA quick_check`), as a job for another thread:
    /// unlocking commands run it while the passphrase is derived, and refuse a database it
    /// calls malformed before signing, listing or adding anything.
    pub fn quick_check_job(&self) -> impl FnOnce() -> Result<()> + Send + 'static {
        let path = self.dir.join(DB_FILE);
        move || {
            let conn = open_checker(&path)?;
            match integrity_problems(&conn, "quick_check")?.into_iter().next() {
                None => Ok(()),
                Some(first) => Err(Error::Damage(Damage::DbMalformedUnsigned { sqlite: first })),
            }
        }
    }
}

/// What can be said about a vault database that could not be opened for use, read with a
/// read-only connection of its own (`vault verify` reports it instead of failing).
#[derive(Debug, Default)]
pub struct Inspection {
    /// Objects the schema check refuses, and missing tables (one line each).
    pub schema: Vec<String>,
    /// What SQLite's integrity check lists (or why it could not run).
    pub integrity: Vec<String>,
}

/// Inspects the database in `dir` without using it (see [`Inspection`]); never fails.
pub fn inspect(dir: &Path) -> Inspection {
    let mut out = Inspection::default();
    if refuse_links(dir).is_err() {
        return out;
    }
    let conn = match Connection::open_with_flags(
        dir.join(DB_FILE),
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    ) {
        Ok(c) => c,
        Err(e) => {
            out.integrity.push(Error::from(e).text_in(Lang::En));
            return out;
        }
    };
    let _ = harden(&conn);
    let _ = conn.busy_timeout(Duration::from_secs(30));
    let _ = conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true);
    match schema::problems(&conn) {
        Ok(p) => out.schema = p,
        Err(e) => out.integrity.push(sql_detail(&e)),
    }
    match integrity_problems(&conn, "integrity_check") {
        Ok(p) => out.integrity.extend(p),
        Err(e) => out.integrity.push(sql_detail(&e)),
    }
    out
}

/// The inner text of a storage error (without the "run vault verify" advice), in English: it
/// goes into verify's report.
fn sql_detail(e: &Error) -> String {
    match e {
        Error::Damage(d) => d.text_in(Lang::En),
        other => other.text_in(Lang::En),
    }
}

/// SQLite's defences against a database file written by someone else: no schema writes
/// through `writable_schema` and friends (defensive mode), and no functions of the schema
/// (index expressions, views, triggers) that are not marked harmless (`trusted_schema=OFF`).
fn harden(conn: &Connection) -> Result<()> {
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false)?;
    conn.execute_batch("PRAGMA trusted_schema=OFF;")?;
    Ok(())
}

/// A read-only connection of its own for SQLite's structural checks, which run on another
/// thread beside the command's own connection (and never checkpoint the log on close).
fn open_checker(path: &Path) -> Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    harden(&conn)?;
    conn.busy_timeout(Duration::from_secs(30))?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)?;
    Ok(conn)
}

/// Refuses a vault folder whose database, its log files or its blob folder is a symbolic link:
/// vault works inside its folder only, and following a planted link would read, write or
/// delete files elsewhere (SECURITY.md, adversary 7).
pub fn refuse_links(dir: &Path) -> Result<()> {
    for name in [
        DB_FILE,
        &format!("{DB_FILE}-wal"),
        &format!("{DB_FILE}-shm"),
        BLOB_DIR,
        QUARANTINE_DIR,
    ] {
        let path = dir.join(name);
        if std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
            return Err(Error::Damage(Damage::Symlink {
                name: name.to_owned(),
            }));
        }
    }
    Ok(())
}

fn integrity_problems(conn: &Connection, pragma: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(&format!("PRAGMA {pragma}"))?;
    let rows: Vec<String> = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows.into_iter().filter(|r| r != "ok").collect())
}

/// SQLite creates its WAL and shared-memory files beside the database even to read, so in a
/// read-only directory or on a full disk opening fails with a bare "unable to open database file"
/// or "disk I/O error": say which.
fn explain_open_failure(dir: &Path, e: Error) -> Error {
    if !matches!(e, Error::Sql(_) | Error::Damage(_)) {
        return e;
    }
    // The schema check's refusal is what it says, whatever the folder's state.
    if matches!(&e, Error::Damage(Damage::Schema(_))) {
        return e;
    }
    if let Err(why) = rustix::fs::access(dir, rustix::fs::Access::WRITE_OK) {
        return Error::NotWritable {
            dir: dir.to_path_buf(),
            source: std::io::Error::from(why),
        };
    }
    if rustix::fs::statvfs(dir).is_ok_and(|s| s.f_bavail == 0) {
        return Error::DiskFull(dir.to_path_buf());
    }
    e
}

/// The vault files found in `dir` (the database, its log files, a blob or quarantine folder
/// that holds anything), so that `init` never starts a new vault over an old one's files: a
/// new database would not own those blobs. Empty when there are none.
pub fn vault_files_in(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for name in [
        DB_FILE.to_owned(),
        format!("{DB_FILE}-wal"),
        format!("{DB_FILE}-shm"),
        format!("{DB_FILE}-journal"),
    ] {
        if std::fs::symlink_metadata(dir.join(&name)).is_ok() {
            out.push(name);
        }
    }
    for name in [BLOB_DIR, QUARANTINE_DIR] {
        let path = dir.join(name);
        match std::fs::symlink_metadata(&path) {
            Ok(m) if m.is_dir() => {
                if std::fs::read_dir(&path).is_ok_and(|mut e| e.next().is_some()) {
                    out.push(format!("{name}/"));
                }
            }
            Ok(_) => out.push(name.to_owned()),
            Err(_) => {}
        }
    }
    out
}

/// A vault that SQLite could open only for reading (its write-ahead log files already exist)
/// refuses the first write with a bare "attempt to write a readonly database": say why.
fn explain_read_only(dir: &Path, e: Error) -> Error {
    let Error::Sql(sql) = &e else {
        return e;
    };
    if sql.sqlite_error_code() != Some(rusqlite::ErrorCode::ReadOnly) {
        return e;
    }
    match explain_open_failure(dir, e) {
        Error::Sql(_) => Error::file(
            dir.join(DB_FILE),
            std::io::Error::new(
                std::io::ErrorKind::PermissionDenied,
                "the vault database is read-only; vault must be able to write it (nothing was changed)",
            ),
        ),
        explained => explained,
    }
}

/// A transaction; all queries go through it.
pub struct Tx<'c> {
    tx: Transaction<'c>,
}

impl Tx<'_> {
    /// A metadata value.
    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .tx
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()?)
    }

    /// A metadata value that must exist.
    pub fn meta_required(&self, key: &str) -> Result<String> {
        self.meta(key)?.ok_or_else(|| {
            Error::Damage(Damage::MetaMissing {
                key: key.to_owned(),
            })
        })
    }

    /// Sets a metadata value.
    pub fn set_meta(&self, key: &str, value: &str) -> Result<()> {
        let n = self.tx.execute(
            "INSERT INTO meta(key, value) VALUES(?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        one_row(n, "metadata value")
    }

    /// Number of ledger leaves: one past the highest leaf index. `MAX` on the integer primary
    /// key is one B-tree descent, where `COUNT(*)` would scan the whole ledger (and `add` must
    /// not grow with the vault). Equal to the row count unless rows were deleted by hand, which
    /// `verify` reports as a gap; appending after the highest index never collides.
    pub fn ledger_size(&self) -> Result<u64> {
        Ok(self.tx.query_row(
            "SELECT COALESCE(MAX(leaf_index) + 1, 0) FROM ledger",
            [],
            |r| r.get::<_, i64>(0),
        )? as u64)
    }

    /// Appends a leaf and returns its index. Must run inside a write transaction.
    pub fn append_leaf(&self, entry: &[u8]) -> Result<u64> {
        let index = self.ledger_size()?;
        let hash = crate::ledger::merkle::leaf_hash(entry);
        let n = self.tx.execute(
            "INSERT INTO ledger(leaf_index, entry, leaf_hash) VALUES(?1, ?2, ?3)",
            params![index as i64, entry, &hash[..]],
        )?;
        one_row(n, "ledger entry")?;
        Ok(index)
    }

    /// The exact bytes of the entry that last committed the master recipient: the newest rekey
    /// entry, or else the genesis entry. Uses the partial index, so it stays cheap as the log grows.
    pub fn recipient_entry(&self) -> Result<Option<Vec<u8>>> {
        let rekey: Option<Vec<u8>> = self
            .tx
            .query_row(
                "SELECT entry FROM ledger WHERE substr(entry, 1, 16) = X'7b2274797065223a2272656b6579222c'
                 ORDER BY leaf_index DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?;
        if rekey.is_some() {
            return Ok(rekey);
        }
        Ok(self
            .tx
            .query_row("SELECT entry FROM ledger WHERE leaf_index = 0", [], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// All leaves in order.
    pub fn ledger(&self) -> Result<Vec<LedgerRow>> {
        let mut out = Vec::new();
        self.for_each_ledger_batch(4096, |batch| {
            out.extend(batch);
            Ok(())
        })?;
        Ok(out)
    }

    /// Leaf hashes only, in order (for roots and proofs).
    pub fn leaf_hashes(&self) -> Result<Vec<[u8; 32]>> {
        let mut out = Vec::new();
        self.for_each_leaf_hash(|index, hash| {
            out.push(
                hash.try_into()
                    .map_err(|_| crate::store::bad_leaf_hash(index))?,
            );
            Ok(())
        })?;
        Ok(out)
    }

    /// Inserts a record revision.
    pub fn insert_record(&self, row: &RecordRow) -> Result<()> {
        let n = self
            .tx
            .execute(
                "INSERT INTO records(id, revision, ciphertext, leaf_index) VALUES(?1, ?2, ?3, ?4)",
                params![row.id, row.revision, row.ciphertext, row.leaf_index as i64],
            )
            .map_err(|e| match e.sqlite_error_code() {
                Some(rusqlite::ErrorCode::ConstraintViolation) => {
                    Error::Conflict(Conflict::RevisionExists {
                        record: row.id.clone(),
                        revision: row.revision,
                    })
                }
                _ => e.into(),
            })?;
        one_row(n, "record")
    }

    fn record_rows(&self, sql: &str, p: impl rusqlite::Params) -> Result<Vec<RecordRow>> {
        let mut stmt = self.tx.prepare(sql)?;
        let rows = stmt.query_map(p, |r| {
            Ok(RecordRow {
                id: r.get(0)?,
                revision: r.get(1)?,
                ciphertext: r.get(2)?,
                leaf_index: r.get::<_, i64>(3)? as u64,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The newest revision of each record whose id sorts after `after` (all: `None`), in id
    /// order, at most `limit` of them: every record a page at a time, so that no more than one
    /// page of ciphertexts is held. It walks the table itself (its primary key), never a
    /// secondary index, so a row that an index edited behind SQLite's back leaves out is still
    /// read (and refused against the ledger), and no incident is skipped.
    pub fn latest_records_after(
        &self,
        after: Option<&str>,
        limit: usize,
    ) -> Result<Vec<RecordRow>> {
        self.record_rows(
            "SELECT r.id, r.revision, r.ciphertext, r.leaf_index FROM records r NOT INDEXED
             WHERE r.id > ?1 AND NOT EXISTS
               (SELECT 1 FROM records n WHERE n.id = r.id AND n.revision > r.revision)
             ORDER BY r.id LIMIT ?2",
            params![after.unwrap_or(""), limit as i64],
        )
    }

    /// Every revision of every record.
    pub fn all_records(&self) -> Result<Vec<RecordRow>> {
        self.record_rows(
            "SELECT id, revision, ciphertext, leaf_index FROM records ORDER BY leaf_index",
            [],
        )
    }

    /// Every revision of one record, oldest first.
    pub fn record_history(&self, id: &str) -> Result<Vec<RecordRow>> {
        self.record_rows(
            "SELECT id, revision, ciphertext, leaf_index FROM records WHERE id = ?1 ORDER BY revision",
            [id],
        )
    }

    /// One record revision, by primary key.
    pub fn record_revision(&self, id: &str, revision: u32) -> Result<Option<RecordRow>> {
        Ok(self
            .record_rows(
                "SELECT id, revision, ciphertext, leaf_index FROM records WHERE id = ?1 AND revision = ?2",
                params![id, revision],
            )?
            .pop())
    }

    /// Record ids starting with `prefix` (at most `limit`).
    pub fn ids_with_prefix(&self, prefix: &str, limit: usize) -> Result<Vec<String>> {
        // Ids are lower-case hex; anything else cannot match, and LIKE wildcards are excluded.
        if !prefix.chars().all(|c| c.is_ascii_hexdigit()) {
            return Ok(vec![]);
        }
        let mut stmt = self.tx.prepare(
            "SELECT DISTINCT id FROM records WHERE id >= ?1 AND id < ?2 ORDER BY id LIMIT ?3",
        )?;
        let lower = prefix.to_ascii_lowercase();
        let upper = format!("{lower}\u{10FFFF}");
        let rows = stmt.query_map(params![lower, upper, limit as i64], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Counts: distinct records, revisions, attachments.
    pub fn counts(&self) -> Result<(u64, u64, u64)> {
        let q = |sql: &str| -> Result<u64> {
            Ok(self.tx.query_row(sql, [], |r| r.get::<_, i64>(0))? as u64)
        };
        Ok((
            q("SELECT COUNT(DISTINCT id) FROM records")?,
            q("SELECT COUNT(*) FROM records")?,
            q("SELECT COUNT(*) FROM attachments")?,
        ))
    }

    /// How many record revisions are stored.
    pub fn record_revision_count(&self) -> Result<u64> {
        Ok(self
            .tx
            .query_row("SELECT COUNT(*) FROM records", [], |r| r.get::<_, i64>(0))?
            as u64)
    }

    /// Inserts or replaces a keyslot.
    pub fn put_keyslot(&self, slot: &Keyslot, leaf_index: u64) -> Result<()> {
        let kdf = serde_json::to_string(&slot.params)?;
        let n = self.tx.execute(
            "INSERT INTO keyslots(id, kind, kdf, salt, wrapped, leaf_index) VALUES(?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, kdf = excluded.kdf, salt = excluded.salt,
               wrapped = excluded.wrapped, leaf_index = excluded.leaf_index",
            params![slot.id, slot.kind.as_str(), kdf, slot.salt, slot.wrapped, leaf_index as i64],
        )?;
        one_row(n, "keyslot")
    }

    /// Removes a keyslot.
    pub fn delete_keyslot(&self, id: &str) -> Result<()> {
        let n = self
            .tx
            .execute("DELETE FROM keyslots WHERE id = ?1", [id])?;
        one_row(n, "keyslot removal")
    }

    /// Every keyslot, oldest first. A row that does not parse is reported, not skipped.
    pub fn keyslots(&self) -> Result<Vec<KeyslotRow>> {
        let mut stmt = self.tx.prepare(
            "SELECT id, kind, kdf, salt, wrapped, leaf_index FROM keyslots ORDER BY rowid",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Vec<u8>>(3)?,
                r.get::<_, Vec<u8>>(4)?,
                r.get::<_, i64>(5)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, kind, kdf, salt, wrapped, leaf) = row?;
            let params: KdfParams = serde_json::from_str(&kdf)
                .map_err(|_| Error::Damage(Damage::KeyslotParams { slot: id.clone() }))?;
            out.push(KeyslotRow {
                slot: Keyslot {
                    kind: SlotKind::parse(&kind)?,
                    id,
                    params,
                    salt,
                    wrapped,
                },
                leaf_index: leaf as u64,
            });
        }
        Ok(out)
    }

    /// Overwrites every keyslot and the wrapped signing key with random bytes (crypto-erase).
    pub fn scrub_keys(&self) -> Result<()> {
        let ids: Vec<(String, usize)> = {
            let mut stmt = self
                .tx
                .prepare("SELECT id, length(wrapped) FROM keyslots")?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as usize)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        for (id, len) in ids {
            let mut noise = vec![0u8; len];
            rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut noise);
            let n = self.tx.execute(
                "UPDATE keyslots SET wrapped = ?1, salt = ?1 WHERE id = ?2",
                params![noise, id],
            )?;
            one_row(n, "overwritten keyslot")?;
        }
        self.tx.execute("DELETE FROM keyslots", [])?;
        let n = self.tx.execute(
            "UPDATE meta SET value = '' WHERE key = 'signing_secret'",
            [],
        )?;
        one_row(n, "overwritten signing key")
    }

    /// Inserts an attachment row.
    pub fn insert_attachment(&self, row: &AttachmentRow) -> Result<()> {
        let n = self.tx.execute(
            "INSERT INTO attachments(id, record_id, blob, blob_size, meta, leaf_index) VALUES(?1, ?2, ?3, ?4, ?5, ?6)",
            params![row.id, row.record_id, row.blob, row.blob_size as i64, row.meta, row.leaf_index as i64],
        )?;
        one_row(n, "attachment")
    }

    fn attachment_rows(&self, sql: &str, p: impl rusqlite::Params) -> Result<Vec<AttachmentRow>> {
        let mut stmt = self.tx.prepare(sql)?;
        let rows = stmt.query_map(p, |r| {
            Ok(AttachmentRow {
                id: r.get(0)?,
                record_id: r.get(1)?,
                blob: r.get(2)?,
                blob_size: r.get::<_, i64>(3)? as u64,
                meta: r.get(4)?,
                leaf_index: r.get::<_, i64>(5)? as u64,
                position: 0,
            })
        })?;
        let mut out: Vec<AttachmentRow> = rows.collect::<rusqlite::Result<_>>()?;
        // The file name is joined to `blobs/` to read, re-encrypt and delete: a planted
        // `../x` must never reach a path outside the vault.
        if let Some(bad) = out.iter().find(|r| !is_blob_name(&r.blob)) {
            return Err(Error::Damage(Damage::BlobName {
                attachment: bad.id.clone(),
                blob: bad.blob.clone(),
            }));
        }
        // Position counts from 1 per record, in the order attached (the order `show` lists).
        let mut seen: std::collections::HashMap<String, u64> = Default::default();
        for row in &mut out {
            let n = seen.entry(row.record_id.clone()).or_insert(0);
            *n += 1;
            row.position = *n;
        }
        Ok(out)
    }

    /// Attachments of one record, in the order attached.
    pub fn attachments_of(&self, record_id: &str) -> Result<Vec<AttachmentRow>> {
        self.attachment_rows(
            "SELECT id, record_id, blob, blob_size, meta, leaf_index FROM attachments WHERE record_id = ?1 ORDER BY leaf_index",
            [record_id],
        )
    }

    /// Every attachment, in ledger order.
    pub fn all_attachments(&self) -> Result<Vec<AttachmentRow>> {
        self.attachment_rows(
            "SELECT id, record_id, blob, blob_size, meta, leaf_index FROM attachments ORDER BY leaf_index",
            [],
        )
    }

    /// True when a blob file name belongs to a committed attachment.
    pub fn blob_is_committed(&self, blob: &str) -> Result<bool> {
        Ok(self
            .tx
            .query_row("SELECT 1 FROM attachments WHERE blob = ?1", [blob], |_| {
                Ok(())
            })
            .optional()?
            .is_some())
    }

    /// All checkpoints, smallest first.
    pub fn checkpoints(&self) -> Result<Vec<(u64, String)>> {
        let mut stmt = self
            .tx
            .prepare("SELECT size, note FROM checkpoints ORDER BY size")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)? as u64, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Inserts an export description.
    pub fn insert_export(&self, row: &ExportRow) -> Result<()> {
        let n = self.tx.execute(
            "INSERT INTO exports(id, details, leaf_index) VALUES(?1, ?2, ?3)",
            params![row.id, row.details, row.leaf_index as i64],
        )?;
        one_row(n, "export")
    }

    /// Every export, oldest first.
    pub fn exports(&self) -> Result<Vec<ExportRow>> {
        let mut stmt = self
            .tx
            .prepare("SELECT id, details, leaf_index FROM exports ORDER BY leaf_index")?;
        let rows = stmt.query_map([], |r| {
            Ok(ExportRow {
                id: r.get(0)?,
                details: r.get(1)?,
                leaf_index: r.get::<_, i64>(2)? as u64,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fresh() -> (tempfile::TempDir, Store) {
        let tmp = tempfile::tempdir().expect("tempdir");
        let store = Store::create(tmp.path()).expect("create");
        (tmp, store)
    }

    #[test]
    fn a_new_database_has_exactly_the_expected_schema() {
        let (_tmp, store) = fresh();
        assert_eq!(
            schema::problems(&store.conn).expect("check"),
            Vec::<String>::new()
        );
        // The optional objects: the list cache table, the covering indexes created on open,
        // and the scratch table of a key change.
        store.conn.execute_batch(bulk::CACHE_TABLE).expect("cache");
        store
            .conn
            .execute_batch(maint::WAL_FILL_TABLE)
            .expect("wal_fill");
        store
            .conn
            .execute_batch(schema::LATER_INDEXES)
            .expect("indexes");
        assert_eq!(
            schema::problems(&store.conn).expect("check"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn foreign_objects_and_changed_definitions_are_named() {
        let (_tmp, store) = fresh();
        store
            .conn
            .execute_batch(
                "CREATE VIEW v AS SELECT 1;
                 DROP INDEX attachments_by_record;
                 CREATE INDEX attachments_by_record ON attachments(blob);",
            )
            .expect("plant");
        let found = schema::problems(&store.conn).expect("check");
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found
                .iter()
                .any(|f| f.contains("index \"attachments_by_record\" is not the one vault creates")),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|f| f.contains("view \"v\" that vault never creates")),
            "{found:?}"
        );
        assert!(matches!(schema::check(&store.conn), Err(Error::Damage(_))));
    }

    /// Defence in depth behind the schema check: a write that a trigger swallows (zero rows
    /// changed) is an error, never a success.
    #[test]
    fn a_swallowed_write_is_an_error() {
        let (_tmp, mut store) = fresh();
        store
            .conn
            .execute_batch(
                "CREATE TRIGGER swallow BEFORE INSERT ON ledger BEGIN SELECT RAISE(IGNORE); END;
                 CREATE TRIGGER keep BEFORE UPDATE ON meta BEGIN SELECT RAISE(IGNORE); END;",
            )
            .expect("plant");
        let err = store
            .write(|tx| tx.append_leaf(b"{}"))
            .expect_err("a swallowed insert must fail");
        assert!(matches!(err, Error::Damage(_)), "{err}");
        store
            .write(|tx| tx.set_meta("new_key", "x"))
            .expect("an insert the trigger does not touch");
        let err = store
            .write(|tx| tx.set_meta("new_key", "y"))
            .expect_err("a swallowed update must fail");
        assert!(matches!(err, Error::Damage(_)), "{err}");
        assert_eq!(store.read(|tx| tx.ledger_size()).expect("size"), 0);
    }

    #[test]
    fn defensive_mode_refuses_schema_writes() {
        let (_tmp, store) = fresh();
        store
            .conn
            .execute_batch("PRAGMA writable_schema = ON;")
            .expect("pragma");
        assert!(store
            .conn
            .execute("DELETE FROM sqlite_schema WHERE name = 'exports'", [])
            .is_err());
    }
}
