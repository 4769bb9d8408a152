//! What the read paths check a row against: the ledger entry at its leaf, the newest
//! re-encryption of it after a rekey, and (at unlock) whether every record and attachment the
//! ledger names still has its row (docs/format.md, "What each read checks").
//!
//! Two partial indexes list the record and attachment entries without reading the ledger, so the
//! unlock can compare counts through indexes alone and read the lists only when they differ.

use rusqlite::{params, OptionalExtension};

use super::Tx;
use crate::Result;

/// `{"type":"record",` and `{"type":"attachment",`: how record and attachment entries begin
/// (the entry type is serialized first, docs/format.md "Ledger entries").
const RECORD_PREFIX: &str = "X'7b2274797065223a227265636f7264222c'";
const ATTACHMENT_PREFIX: &str = "X'7b2274797065223a226174746163686d656e74222c'";
/// `{"type":"rekey",` (the existing `ledger_rekeys` index) and `{"type":"reencrypt",`.
const REKEY_PREFIX: &str = "X'7b2274797065223a2272656b6579222c'";
const REENCRYPT_PREFIX: &str = "X'7b2274797065223a227265656e6372797074222c'";

/// Indexes the read checks use; created on open when missing (best effort, like
/// `schema::LATER_INDEXES`).
pub const READ_INDEXES: &str = "
CREATE INDEX IF NOT EXISTS ledger_records ON ledger(leaf_index)
    WHERE substr(entry, 1, 17) = X'7b2274797065223a227265636f7264222c';
CREATE INDEX IF NOT EXISTS ledger_attachments ON ledger(leaf_index)
    WHERE substr(entry, 1, 21) = X'7b2274797065223a226174746163686d656e74222c';";

/// A ledger row as the read checks take it: (leaf index, entry bytes, stored leaf hash).
pub type LeafRow = (u64, Vec<u8>, Vec<u8>);

/// Which kind of item a presence check is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    Record,
    Attachment,
}

impl ItemKind {
    fn entry_filter(self) -> String {
        match self {
            ItemKind::Record => format!("substr(entry, 1, 17) = {RECORD_PREFIX}"),
            ItemKind::Attachment => format!("substr(entry, 1, 21) = {ATTACHMENT_PREFIX}"),
        }
    }

    fn table(self) -> &'static str {
        match self {
            ItemKind::Record => "records",
            ItemKind::Attachment => "attachments",
        }
    }
}

impl Tx<'_> {
    /// The entry bytes and stored leaf hash at `leaf` (one primary-key lookup; the statement is
    /// prepared once per connection, as a cold listing runs this once per record).
    pub fn ledger_leaf(&self, leaf: u64) -> Result<Option<(Vec<u8>, Vec<u8>)>> {
        Ok(self
            .tx
            .prepare_cached("SELECT entry, leaf_hash FROM ledger WHERE leaf_index = ?1")?
            .query_row([leaf as i64], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?)
    }

    /// The leaf of the first rekey entry after `leaf`, if any (from the `ledger_rekeys` index).
    pub fn first_rekey_after(&self, leaf: u64) -> Result<Option<u64>> {
        let sql = format!(
            "SELECT MIN(leaf_index) FROM ledger WHERE substr(entry, 1, 16) = {REKEY_PREFIX} AND leaf_index > ?1"
        );
        Ok(self
            .tx
            .query_row(&sql, [leaf as i64], |r| r.get::<_, Option<i64>>(0))?
            .map(|v| v as u64))
    }

    /// Every re-encryption entry after `after`, with its leaf index and stored leaf hash, in
    /// ledger order (only called when a rekey exists).
    pub fn reencryptions_after(&self, after: u64) -> Result<Vec<LeafRow>> {
        let sql = format!(
            "SELECT leaf_index, entry, leaf_hash FROM ledger
             WHERE leaf_index > ?1 AND substr(entry, 1, 20) = {REENCRYPT_PREFIX} ORDER BY leaf_index"
        );
        let mut stmt = self.tx.prepare(&sql)?;
        let rows = stmt.query_map([after as i64], |r| {
            Ok((r.get::<_, i64>(0)? as u64, r.get(1)?, r.get(2)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The newest re-encryption entry (bytes and stored leaf hash) that names `leaf`, searched
    /// after `from` (the first rekey after the item), newest first.
    pub fn newest_reencryption_of(
        &self,
        leaf: u64,
        from: u64,
    ) -> Result<Option<(Vec<u8>, Vec<u8>)>> {
        let prefix = format!("{{\"type\":\"reencrypt\",\"v\":1,\"leaf\":{leaf},");
        Ok(self
            .tx
            .query_row(
                "SELECT entry, leaf_hash FROM ledger WHERE leaf_index > ?1
                 AND substr(entry, 1, ?2) = ?3 ORDER BY leaf_index DESC LIMIT 1",
                params![from as i64, prefix.len() as i64, prefix.as_bytes()],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }

    /// How many entries of `kind` the ledger holds and how many rows of `kind` are stored, each
    /// counted through an index (SQLite counts index entries without decoding them: a few
    /// milliseconds at 100,000 records, where also summing the leaf indexes costs five times
    /// more).
    pub fn presence_counts(&self, kind: ItemKind) -> Result<(u64, u64)> {
        let q = |sql: &str| -> Result<u64> {
            Ok(self.tx.query_row(sql, [], |r| r.get::<_, i64>(0))? as u64)
        };
        let ledger = q(&format!(
            "SELECT COUNT(*) FROM ledger WHERE {}",
            kind.entry_filter()
        ))?;
        let rows = q(&format!("SELECT COUNT(*) FROM {}", kind.table()))?;
        Ok((ledger, rows))
    }

    /// The entries of `kind` whose leaf no row of `kind` holds: (leaf index, entry bytes).
    pub fn entries_without_rows(&self, kind: ItemKind) -> Result<Vec<(u64, Vec<u8>)>> {
        let sql = format!(
            "SELECT leaf_index, entry FROM ledger WHERE {} AND leaf_index NOT IN
             (SELECT leaf_index FROM {}) ORDER BY leaf_index",
            kind.entry_filter(),
            kind.table()
        );
        let mut stmt = self.tx.prepare(&sql)?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)? as u64, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Revisions stored for one record (from the primary key).
    pub fn stored_revisions(&self, id: &str) -> Result<Vec<u32>> {
        let mut stmt = self
            .tx
            .prepare("SELECT revision FROM records WHERE id = ?1 ORDER BY revision")?;
        let rows = stmt.query_map([id], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Deletes every cache segment but `keep` (a rewrite that keeps evidence).
    pub fn clear_cache_except(&self, keep: &[u64]) -> Result<()> {
        // Segments to keep were read from the table, so it exists when `keep` is not empty.
        if keep.is_empty() {
            return self.clear_cache();
        }
        let list = keep
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .join(",");
        self.tx
            .execute(&format!("DELETE FROM cache WHERE seq NOT IN ({list})"), [])?;
        Ok(())
    }
}
