//! The `anchors` table: RFC 3161 timestamp tokens of checkpoints and the trust anchor each was
//! checked against (docs/format.md, "Timestamps and cosignatures"). Created on first use, so
//! vaults written before it existed open unchanged. The pending timestamp request is a `meta`
//! row (`anchor_request`): the DER `TimeStampReq`, hex; nothing in it is secret.

use rusqlite::{params, OptionalExtension};

use super::{one_row, Tx};
use crate::Result;

pub(super) const ANCHORS_TABLE: &str = "CREATE TABLE IF NOT EXISTS anchors (
    leaf_index INTEGER PRIMARY KEY, token BLOB NOT NULL, tsa_cert BLOB NOT NULL)";

/// The `meta` key of the pending timestamp request.
pub const ANCHOR_REQUEST_META: &str = "anchor_request";

/// One stored timestamp token.
#[derive(Debug, Clone)]
pub struct AnchorRow {
    /// The ledger leaf of its `anchor` entry.
    pub leaf_index: u64,
    /// The DER `TimeStampToken` (a CMS `ContentInfo`).
    pub token: Vec<u8>,
    /// The DER certificate the token was checked against at import.
    pub tsa_cert: Vec<u8>,
}

impl Tx<'_> {
    /// Stores a token (creating the table on first use).
    pub fn insert_anchor(&self, row: &AnchorRow) -> Result<()> {
        self.tx.execute_batch(ANCHORS_TABLE)?;
        let n = self.tx.execute(
            "INSERT INTO anchors(leaf_index, token, tsa_cert) VALUES(?1, ?2, ?3)",
            params![row.leaf_index as i64, row.token, row.tsa_cert],
        )?;
        one_row(n, "timestamp")
    }

    /// Every stored token, in ledger order (none when the table does not exist yet).
    pub fn anchors(&self) -> Result<Vec<AnchorRow>> {
        let exists = self
            .tx
            .query_row(
                "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'anchors'",
                [],
                |_| Ok(()),
            )
            .optional()?
            .is_some();
        if !exists {
            return Ok(Vec::new());
        }
        let mut stmt = self
            .tx
            .prepare("SELECT leaf_index, token, tsa_cert FROM anchors ORDER BY leaf_index")?;
        let rows = stmt.query_map([], |r| {
            Ok(AnchorRow {
                leaf_index: r.get::<_, i64>(0)? as u64,
                token: r.get(1)?,
                tsa_cert: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
