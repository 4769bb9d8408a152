//! SQL for maintenance: re-encryption updates (`vault rekey`), consistent snapshots
//! (`vault backup`), and making sure overwritten key material leaves the write-ahead log
//! (`vault destroy`, `rekey`, keyslot removal).

use std::path::Path;

use rusqlite::{params, Connection, OpenFlags};

use super::{busy, Store, Tx, DB_FILE};
use crate::error::{Conflict, Damage};
use crate::{Error, Result};

/// Most bytes of stale write-ahead log [`Store::overwrite_wal`] writes over (the log is
/// checkpointed often, so it is normally a few MiB; this bounds `destroy`'s time).
const WAL_OVERWRITE_CAP: u64 = 16 << 20;

/// The scratch table [`Store::overwrite_wal`] fills and drops again (an interrupted run can
/// leave it behind, so the schema check accepts it).
pub(super) const WAL_FILL_TABLE: &str = "CREATE TABLE IF NOT EXISTS wal_fill (b BLOB NOT NULL)";

impl Tx<'_> {
    /// Replaces a record revision's ciphertext (re-encryption; the ledger leaf stays).
    pub fn update_record_ciphertext(
        &self,
        id: &str,
        revision: u32,
        ciphertext: &[u8],
    ) -> Result<()> {
        let n = self.tx.execute(
            "UPDATE records SET ciphertext = ?1 WHERE id = ?2 AND revision = ?3",
            params![ciphertext, id, revision],
        )?;
        expect_one(n, "record")
    }

    /// Points an attachment at a new blob file and description (re-encryption).
    pub fn update_attachment_ciphertexts(
        &self,
        id: &str,
        blob: &str,
        blob_size: u64,
        meta: &[u8],
    ) -> Result<()> {
        let n = self.tx.execute(
            "UPDATE attachments SET blob = ?1, blob_size = ?2, meta = ?3 WHERE id = ?4",
            params![blob, blob_size as i64, meta, id],
        )?;
        expect_one(n, "attachment")
    }

    /// Replaces an export description (re-encryption).
    pub fn update_export_details(&self, id: &str, details: &[u8]) -> Result<()> {
        let n = self.tx.execute(
            "UPDATE exports SET details = ?1 WHERE id = ?2",
            params![details, id],
        )?;
        expect_one(n, "export")
    }
}

fn expect_one(n: usize, what: &'static str) -> Result<()> {
    if n == 1 {
        Ok(())
    } else {
        Err(Error::Conflict(Conflict::Reencrypting { what }))
    }
}

impl Store {
    /// Copies every committed write-ahead-log frame into the database file and truncates the log
    /// to zero bytes. Returns false when another connection kept it from completing.
    pub fn checkpoint_truncate(&self) -> Result<bool> {
        let busy_flag: i64 = self
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))
            .map_err(busy)?;
        Ok(busy_flag == 0)
    }

    /// Copies committed write-ahead-log frames into the database file without waiting for
    /// other connections (what they still read stays in the log).
    pub fn checkpoint_passive(&self) -> Result<()> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))
            .map_err(busy)
    }

    /// Overwrites the write-ahead log in place, so that page images it still holds from earlier
    /// transactions (an old keyslot, say) are not left in the file, then truncates it. Works in
    /// SQL only: after a restarting checkpoint, the next transaction writes its frames from the
    /// start of the log, so one transaction of zero-filled pages as long as the log covers it.
    pub fn overwrite_wal(&mut self) -> Result<()> {
        let wal = self.dir.join(format!("{DB_FILE}-wal"));
        let len = std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
        if len == 0 {
            return Ok(());
        }
        let restarted: i64 = self
            .conn
            .query_row("PRAGMA wal_checkpoint(RESTART)", [], |r| r.get(0))
            .map_err(busy)?;
        if restarted != 0 {
            return Err(Error::Busy);
        }
        let fill = len.min(WAL_OVERWRITE_CAP) as i64;
        self.conn.execute_batch(WAL_FILL_TABLE).map_err(busy)?;
        self.conn
            .execute("INSERT INTO wal_fill(b) VALUES(zeroblob(?1))", [fill])
            .map_err(busy)?;
        self.conn
            .execute_batch("DROP TABLE wal_fill")
            .map_err(busy)?;
        self.checkpoint_truncate()?;
        Ok(())
    }

    /// Writes a consistent copy of the database to `dest` (a new file) with SQLite's online
    /// backup API, in one step under one read snapshot, so writers in other processes neither
    /// block it for long nor make it inconsistent.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        let mut out = Connection::open_with_flags(
            dest,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        {
            let backup = rusqlite::backup::Backup::new(&self.conn, &mut out)?;
            loop {
                match backup.step(-1).map_err(busy)? {
                    rusqlite::backup::StepResult::Done => break,
                    rusqlite::backup::StepResult::More => continue,
                    _ => std::thread::sleep(std::time::Duration::from_millis(20)),
                }
            }
        }
        // A single self-contained file: no write-ahead log beside it.
        out.pragma_update(None, "journal_mode", "DELETE")?;
        out.close().map_err(|(_, e)| Error::Sql(e))?;
        Ok(())
    }
}

/// What a database snapshot holds, read without changing it (`vault backup`).
pub struct SnapshotFacts {
    pub vault_id: String,
    pub ledger_entries: u64,
    /// Every attachment's blob file name and size.
    pub blobs: Vec<(String, u64)>,
}

/// Reads [`SnapshotFacts`] from a database file opened read-only.
pub fn snapshot_facts(db: &Path) -> Result<SnapshotFacts> {
    let conn = Connection::open_with_flags(
        db,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    super::harden(&conn)?;
    super::schema::check(&conn)?;
    super::schema::check_version(&conn)?;
    let vault_id: String = conn
        .query_row("SELECT value FROM meta WHERE key = 'vault_id'", [], |r| {
            r.get(0)
        })
        .map_err(|_| Error::Damage(Damage::SnapshotNoVaultId))?;
    let ledger_entries: i64 = conn.query_row("SELECT COUNT(*) FROM ledger", [], |r| r.get(0))?;
    let mut stmt = conn.prepare("SELECT blob, blob_size FROM attachments ORDER BY leaf_index")?;
    let blobs = stmt
        .query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as u64))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    if let Some((bad, _)) = blobs.iter().find(|(name, _)| !super::is_blob_name(name)) {
        return Err(Error::Damage(Damage::SnapshotBlobName {
            blob: bad.clone(),
        }));
    }
    Ok(SnapshotFacts {
        vault_id,
        ledger_entries: ledger_entries as u64,
        blobs,
    })
}
