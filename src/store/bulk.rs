//! Bulk reads for large vaults, and the `cache` table.
//!
//! A vault of 100,000 incidents holds about 430 MB of record ciphertexts (each padded to at least
//! 4 KiB), so nothing here collects them all in memory: rows are handed to a callback in batches
//! while the read transaction is open. The `cache` table holds signed, encrypted segments of the
//! list cache (docs/format.md, "Encrypted list cache"); it is created on first use, so vaults
//! written before it existed open unchanged.

use rusqlite::params;

use super::{LedgerRow, RecordRow, Tx};
use crate::error::Conflict;
use crate::{Error, Result};

/// A record revision without its ciphertext.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RecordKey {
    pub id: String,
    pub revision: u32,
    pub leaf_index: u64,
}

/// One stored segment of the encrypted list cache.
#[derive(Debug, Clone)]
pub struct CacheSegmentRow {
    /// Position of the segment (bound into its signature).
    pub seq: u64,
    /// Ledger size when the segment was written (bound into its signature).
    pub covered: u64,
    /// An age file encrypted to the master recipient.
    pub ciphertext: Vec<u8>,
    /// Ed25519 signature by the vault's signing key (docs/format.md).
    pub signature: Vec<u8>,
}

pub(super) const CACHE_TABLE: &str = "CREATE TABLE IF NOT EXISTS cache (
    seq INTEGER PRIMARY KEY, covered INTEGER NOT NULL,
    ciphertext BLOB NOT NULL, signature BLOB NOT NULL)";

impl Tx<'_> {
    /// Every record revision's id, revision and leaf, in ledger order, from the
    /// `records_by_leaf` index alone (never the rows, which carry the ciphertexts).
    pub fn record_keys(&self) -> Result<Vec<RecordKey>> {
        let mut stmt = self
            .tx
            .prepare("SELECT id, revision, leaf_index FROM records ORDER BY leaf_index")?;
        let rows = stmt.query_map([], |r| {
            Ok(RecordKey {
                id: r.get(0)?,
                revision: r.get(1)?,
                leaf_index: r.get::<_, i64>(2)? as u64,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every ledger leaf in index order, handed to `f` in batches of `batch` rows, so that a
    /// pass over the whole ledger holds one batch of entry bytes at a time.
    pub fn for_each_ledger_batch(
        &self,
        batch: usize,
        mut f: impl FnMut(Vec<LedgerRow>) -> Result<()>,
    ) -> Result<()> {
        let batch = batch.max(1);
        let mut stmt = self
            .tx
            .prepare("SELECT leaf_index, entry, leaf_hash FROM ledger ORDER BY leaf_index")?;
        let mut rows = stmt.query([])?;
        let mut buf: Vec<LedgerRow> = Vec::with_capacity(batch);
        while let Some(r) = rows.next()? {
            let index = r.get::<_, i64>(0)? as u64;
            let hash: Vec<u8> = r.get(2)?;
            let leaf_hash: [u8; 32] = hash
                .as_slice()
                .try_into()
                .map_err(|_| crate::store::bad_leaf_hash(index))?;
            buf.push(LedgerRow {
                index,
                entry: r.get(1)?,
                leaf_hash,
            });
            if buf.len() >= batch {
                f(std::mem::replace(&mut buf, Vec::with_capacity(batch)))?;
            }
        }
        if !buf.is_empty() {
            f(buf)?;
        }
        Ok(())
    }

    /// Streams record rows to `f` in batches of at most `batch` rows, in primary-key order (by
    /// id, then revision). With `latest_only`, only the newest revision of each record is passed.
    /// Memory stays at one batch whatever the vault size.
    pub fn for_each_record_batch(
        &self,
        latest_only: bool,
        batch: usize,
        mut f: impl FnMut(Vec<RecordRow>) -> Result<()>,
    ) -> Result<()> {
        let batch = batch.max(1);
        let mut stmt = self.tx.prepare(
            "SELECT id, revision, ciphertext, leaf_index FROM records ORDER BY id, revision",
        )?;
        let mut rows = stmt.query([])?;
        let mut buf: Vec<RecordRow> = Vec::with_capacity(batch);
        // With `latest_only`, a row is held back until the next row shows it was the last of its id.
        let mut pending: Option<RecordRow> = None;
        while let Some(r) = rows.next()? {
            let row = RecordRow {
                id: r.get(0)?,
                revision: r.get(1)?,
                ciphertext: r.get(2)?,
                leaf_index: r.get::<_, i64>(3)? as u64,
            };
            let ready = if latest_only {
                match pending.take() {
                    Some(prev) if prev.id != row.id => {
                        pending = Some(row);
                        Some(prev)
                    }
                    _ => {
                        pending = Some(row);
                        None
                    }
                }
            } else {
                Some(row)
            };
            if let Some(row) = ready {
                buf.push(row);
                if buf.len() >= batch {
                    f(std::mem::replace(&mut buf, Vec::with_capacity(batch)))?;
                }
            }
        }
        buf.extend(pending);
        if !buf.is_empty() {
            f(buf)?;
        }
        Ok(())
    }

    /// Streams `(leaf_index, stored leaf hash)` of every ledger entry to `f` in order.
    pub fn for_each_leaf_hash(&self, mut f: impl FnMut(u64, &[u8]) -> Result<()>) -> Result<()> {
        // Served by the covering index `ledger_hashes`: the entries are not read.
        let mut stmt = self
            .tx
            .prepare("SELECT leaf_index, leaf_hash FROM ledger ORDER BY leaf_index")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let index = r.get::<_, i64>(0)? as u64;
            let hash = r.get_ref(1)?.as_blob().map_err(rusqlite::Error::from)?;
            f(index, hash)?;
        }
        Ok(())
    }

    fn has_cache_table(&self) -> Result<bool> {
        Ok(self.tx.query_row(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'cache'",
            [],
            |r| r.get::<_, i64>(0),
        )? > 0)
    }

    /// Every stored cache segment, in order (none when the table does not exist yet).
    pub fn cache_segments(&self) -> Result<Vec<CacheSegmentRow>> {
        let mut all = Vec::new();
        self.for_each_cache_segment_batch(usize::MAX, |rows| {
            all = rows;
            Ok(())
        })?;
        Ok(all)
    }

    /// Every stored cache segment in order, `batch` at a time (memory holds one batch).
    pub fn for_each_cache_segment_batch(
        &self,
        batch: usize,
        mut f: impl FnMut(Vec<CacheSegmentRow>) -> Result<()>,
    ) -> Result<()> {
        if !self.has_cache_table()? {
            return Ok(());
        }
        let mut stmt = self
            .tx
            .prepare("SELECT seq, covered, ciphertext, signature FROM cache ORDER BY seq")?;
        let mut rows = stmt.query([])?;
        let batch = batch.max(1);
        let mut buf = Vec::new();
        while let Some(r) = rows.next()? {
            buf.push(CacheSegmentRow {
                seq: r.get::<_, i64>(0)? as u64,
                covered: r.get::<_, i64>(1)? as u64,
                ciphertext: r.get(2)?,
                signature: r.get(3)?,
            });
            if buf.len() >= batch {
                f(std::mem::take(&mut buf))?;
            }
        }
        if !buf.is_empty() {
            f(buf)?;
        }
        Ok(())
    }

    /// The next free segment number (creates the table if needed; write transactions only).
    pub fn next_cache_seq(&self) -> Result<u64> {
        self.tx.execute(CACHE_TABLE, [])?;
        Ok(self
            .tx
            .query_row("SELECT COALESCE(MAX(seq) + 1, 0) FROM cache", [], |r| {
                r.get::<_, i64>(0)
            })? as u64)
    }

    /// Stores one cache segment (creates the table if needed).
    pub fn insert_cache_segment(&self, row: &CacheSegmentRow) -> Result<()> {
        self.tx.execute(CACHE_TABLE, [])?;
        let n = self
            .tx
            .execute(
                "INSERT INTO cache(seq, covered, ciphertext, signature) VALUES(?1, ?2, ?3, ?4)",
                params![
                    row.seq as i64,
                    row.covered as i64,
                    row.ciphertext,
                    row.signature
                ],
            )
            .map_err(|e| match e.sqlite_error_code() {
                Some(rusqlite::ErrorCode::ConstraintViolation) => {
                    Error::Conflict(Conflict::CacheSegmentExists { seq: row.seq })
                }
                _ => e.into(),
            })?;
        super::one_row(n, "list cache segment")
    }

    /// Removes cache segments by number.
    pub fn delete_cache_segments(&self, seqs: &[u64]) -> Result<()> {
        if seqs.is_empty() || !self.has_cache_table()? {
            return Ok(());
        }
        let mut stmt = self.tx.prepare("DELETE FROM cache WHERE seq = ?1")?;
        for s in seqs {
            stmt.execute([*s as i64])?;
        }
        Ok(())
    }

    /// Removes the whole cache (it is rebuilt from the records by the next command that lists).
    pub fn clear_cache(&self) -> Result<()> {
        if self.has_cache_table()? {
            self.tx.execute("DELETE FROM cache", [])?;
        }
        Ok(())
    }
}
