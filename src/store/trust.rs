//! Queries of the root of trust (src/vault/trust.rs): single leaves and short ranges of the
//! ledger, and the search for a trust entry when a vault's seal is missing.

use rusqlite::{params, OptionalExtension};

use super::{LedgerRow, Tx};
use crate::Result;

/// `{"type":"trust",`: the first 16 bytes of every trust entry.
const TRUST_PREFIX: &[u8] = b"{\"type\":\"trust\",";

impl Tx<'_> {
    /// The stored leaf hash of one ledger leaf.
    pub fn leaf_hash_at(&self, index: u64) -> Result<Option<[u8; 32]>> {
        let hash: Option<Vec<u8>> = self
            .tx
            .query_row(
                "SELECT leaf_hash FROM ledger WHERE leaf_index = ?1",
                [index as i64],
                |r| r.get(0),
            )
            .optional()?;
        hash.map(|h| h.try_into().map_err(|_| crate::store::bad_leaf_hash(index)))
            .transpose()
    }

    /// The ledger rows with `from <= index < to`, in order.
    pub fn ledger_range(&self, from: u64, to: u64) -> Result<Vec<LedgerRow>> {
        let mut stmt = self.tx.prepare(
            "SELECT leaf_index, entry, leaf_hash FROM ledger
             WHERE leaf_index >= ?1 AND leaf_index < ?2 ORDER BY leaf_index",
        )?;
        let rows = stmt.query_map(params![from as i64, to as i64], |r| {
            Ok((
                r.get::<_, i64>(0)? as u64,
                r.get::<_, Vec<u8>>(1)?,
                r.get::<_, Vec<u8>>(2)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (index, entry, hash) = row?;
            let leaf_hash = hash
                .try_into()
                .map_err(|_| crate::store::bad_leaf_hash(index))?;
            out.push(LedgerRow {
                index,
                entry,
                leaf_hash,
            });
        }
        Ok(out)
    }

    /// The lowest ledger leaf below `before` holding a trust entry, if any. Scans the ledger
    /// (no index): only run when a vault's trust seal is missing.
    pub fn first_trust_leaf(&self, before: u64) -> Result<Option<u64>> {
        Ok(self
            .tx
            .query_row(
                "SELECT MIN(leaf_index) FROM ledger WHERE leaf_index < ?1 AND substr(entry, 1, 16) = ?2",
                params![before as i64, TRUST_PREFIX],
                |r| r.get::<_, Option<i64>>(0),
            )?
            .map(|i| i as u64))
    }

    /// Stores a signed checkpoint note for `size` leaves, replacing a row of that size (a row
    /// someone planted must not keep the vault's own signed note out).
    pub fn put_checkpoint(&self, size: u64, note: &str) -> Result<()> {
        self.tx.execute(
            "INSERT INTO checkpoints(size, note) VALUES(?1, ?2)
             ON CONFLICT(size) DO UPDATE SET note = excluded.note",
            params![size as i64, note],
        )?;
        Ok(())
    }

    /// The leaf index and bytes of the newest rekey entry, if any (served by the partial index
    /// `ledger_rekeys`).
    pub fn newest_rekey_leaf(&self) -> Result<Option<(u64, Vec<u8>)>> {
        Ok(self
            .tx
            .query_row(
                "SELECT leaf_index, entry FROM ledger WHERE substr(entry, 1, 16) = X'7b2274797065223a2272656b6579222c'
                 ORDER BY leaf_index DESC LIMIT 1",
                [],
                |r| Ok((r.get::<_, i64>(0)? as u64, r.get::<_, Vec<u8>>(1)?)),
            )
            .optional()?)
    }

    /// The checkpoint note stored for `size` leaves, if any.
    pub fn checkpoint_at(&self, size: u64) -> Result<Option<String>> {
        Ok(self
            .tx
            .query_row(
                "SELECT note FROM checkpoints WHERE size = ?1",
                [size as i64],
                |r| r.get(0),
            )
            .optional()?)
    }
}
