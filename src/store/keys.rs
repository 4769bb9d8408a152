//! Queries for the keyslot check at open (docs/format.md, "Keyslot check at open"): the one
//! ledger entry a keyslot row points at, the checkpoints above it and the leaf hashes of a
//! prefix of the ledger. All bounded by what the check needs; none reads the whole ledger.

use rusqlite::{params, OptionalExtension};

use super::{LedgerRow, Tx};
use crate::Result;

impl Tx<'_> {
    /// The ledger leaf at `index`, if there is one.
    pub fn ledger_row(&self, index: u64) -> Result<Option<LedgerRow>> {
        let Ok(index) = i64::try_from(index) else {
            return Ok(None);
        };
        let row = self
            .tx
            .query_row(
                "SELECT entry, leaf_hash FROM ledger WHERE leaf_index = ?1",
                [index],
                |r| Ok((r.get::<_, Vec<u8>>(0)?, r.get::<_, Vec<u8>>(1)?)),
            )
            .optional()?;
        row.map(|(entry, hash)| {
            Ok(LedgerRow {
                index: index as u64,
                entry,
                leaf_hash: hash
                    .try_into()
                    .map_err(|_| crate::store::bad_leaf_hash(index))?,
            })
        })
        .transpose()
    }

    /// Checkpoint notes of a size above `size`, smallest first.
    pub fn checkpoints_above(&self, size: u64) -> Result<Vec<(u64, String)>> {
        let size = i64::try_from(size).unwrap_or(i64::MAX);
        let mut stmt = self
            .tx
            .prepare("SELECT size, note FROM checkpoints WHERE size > ?1 ORDER BY size")?;
        let rows = stmt.query_map([size], |r| Ok((r.get::<_, i64>(0)? as u64, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Calls `f(leaf index, leaf hash)` for the leaves with `from <= index < to`, in order
    /// (served by the covering index `ledger_hashes`; the entries are not read).
    pub fn for_each_leaf_hash_between(
        &self,
        from: u64,
        to: u64,
        mut f: impl FnMut(u64, &[u8]) -> Result<()>,
    ) -> Result<()> {
        let from = i64::try_from(from).unwrap_or(i64::MAX);
        let to = i64::try_from(to).unwrap_or(i64::MAX);
        let mut stmt = self.tx.prepare(
            "SELECT leaf_index, leaf_hash FROM ledger WHERE leaf_index >= ?1 AND leaf_index < ?2 ORDER BY leaf_index",
        )?;
        let mut rows = stmt.query(params![from, to])?;
        while let Some(r) = rows.next()? {
            let index = r.get::<_, i64>(0)? as u64;
            let hash = r.get_ref(1)?.as_blob().map_err(rusqlite::Error::from)?;
            f(index, hash)?;
        }
        Ok(())
    }
}
