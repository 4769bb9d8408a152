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

/// Travel mode and the detention plan (src/vault/travel.rs, src/vault/detention.rs).
impl Tx<'_> {
    /// Removes a metadata value; false when there was none.
    pub fn delete_meta(&self, key: &str) -> Result<bool> {
        let n = self.tx.execute("DELETE FROM meta WHERE key = ?1", [key])?;
        Ok(n == 1)
    }

    /// Overwrites every keyslot's salt and wrapped key with random bytes, then deletes the rows
    /// (travel mode; `secure_delete` zeroes the freed cells). The wrapped signing key stays: it
    /// is encrypted to the master key, which no longer exists here in any form.
    pub fn scrub_keyslots(&self) -> Result<usize> {
        let ids: Vec<(String, usize, usize)> = {
            let mut stmt = self
                .tx
                .prepare("SELECT id, length(salt), length(wrapped) FROM keyslots")?;
            let rows = stmt.query_map([], |r| {
                Ok((
                    r.get(0)?,
                    r.get::<_, i64>(1)? as usize,
                    r.get::<_, i64>(2)? as usize,
                ))
            })?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        for (id, salt_len, len) in &ids {
            let mut noise = vec![0u8; *len];
            let mut salt = vec![0u8; *salt_len];
            rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut noise);
            rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut salt);
            let n = self.tx.execute(
                "UPDATE keyslots SET wrapped = ?1, salt = ?2 WHERE id = ?3",
                params![noise, salt, id],
            )?;
            super::one_row(n, "overwritten keyslot")?;
        }
        self.tx.execute("DELETE FROM keyslots", [])?;
        Ok(ids.len())
    }
}

impl Tx<'_> {
    /// The newest `plan` ledger entry (index and bytes), if any. Reads the whole ledger table
    /// (no index serves it): only the plan commands and a plan refresh, which exports the whole
    /// vault, call it.
    pub fn newest_plan_entry(&self) -> Result<Option<(u64, Vec<u8>)>> {
        self.newest_entry_of_type("plan")
    }

    /// The newest `travel` ledger entry (index and bytes), if any; a whole-table read, as above,
    /// made only by `travel end` when the travel mark is missing.
    pub fn newest_travel_entry(&self) -> Result<Option<(u64, Vec<u8>)>> {
        self.newest_entry_of_type("travel")
    }

    /// Entries are compact JSON with `type` first, so their first bytes name the type.
    fn newest_entry_of_type(&self, kind: &str) -> Result<Option<(u64, Vec<u8>)>> {
        let prefix = format!("{{\"type\":\"{kind}\",");
        Ok(self
            .tx
            .query_row(
                "SELECT leaf_index, entry FROM ledger WHERE substr(entry, 1, ?1) = CAST(?2 AS BLOB)
                 ORDER BY leaf_index DESC LIMIT 1",
                rusqlite::params![prefix.len() as i64, prefix.as_bytes()],
                |r| Ok((r.get::<_, i64>(0)? as u64, r.get::<_, Vec<u8>>(1)?)),
            )
            .optional()?)
    }
}
