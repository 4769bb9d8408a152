//! RFC 3161 timestamps of the vault's checkpoints (`vault anchor`): the request made offline,
//! the answer checked and stored with its ledger entry, the tokens read back for export, bundles
//! and `openssl ts -verify` (docs/format.md, "Timestamps and cosignatures").

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde::Serialize;

use super::{Unlocked, Vault};
use crate::anchor::{self, TokenFacts};
use crate::bundle::anchors::{AnchorEntry, CosignatureEntry};
use crate::crypto::sha256_hex;
use crate::error::AnchorFault;
use crate::ledger::entry::ENTRY_VERSION;
use crate::ledger::{self, checkpoint, merkle, Entry};
use crate::store::{AnchorRow, ANCHOR_REQUEST_META};
use crate::{Error, Result};

/// A timestamp request written by `vault anchor request`.
#[derive(Debug, Clone)]
pub struct AnchorRequest {
    /// The DER `TimeStampReq`.
    pub der: Vec<u8>,
    /// The size of the checkpoint it asks to stamp.
    pub size: u64,
}

/// A stored, checked timestamp: what `import`, `verify` and bundles report.
#[derive(Debug, Clone, Serialize)]
pub struct AnchorSummary {
    /// The tree size of the checkpoint stamped.
    pub size: u64,
    /// The checkpoint's position among the stored ones (1 = the oldest).
    pub checkpoint: usize,
    #[serde(flatten)]
    pub facts: TokenFacts,
}

/// A stored token with what it stamps, as read back (not checked).
#[derive(Debug, Clone)]
pub struct StoredAnchor {
    pub leaf_index: u64,
    pub size: u64,
    /// The checkpoint note the entry names (by its SHA-256), when a valid one is stored.
    pub note: Option<String>,
    pub token: Vec<u8>,
    pub tsa_cert: Vec<u8>,
    /// The token and certificate are the ones the entry commits to, and the token verifies
    /// against that certificate and the note, with the entry's nonce: what `verify` accepts.
    /// A row changed in the folder is never put into a bundle.
    pub checked: bool,
}

/// Every stored checkpoint that counts: its signature by the vault's key verifies, its size is
/// its row's and its root is the ledger's at that size. (size, note), smallest first.
pub(crate) fn valid_checkpoints(
    notes: &[(u64, String)],
    leaves: &[merkle::Hash],
    vault_id: &str,
    public: &ed25519_dalek::VerifyingKey,
) -> Vec<(u64, String)> {
    let origin = ledger::origin(vault_id);
    notes
        .iter()
        .filter(|(size, note)| {
            checkpoint::open_own(note, &origin, public).is_ok_and(|cp| {
                cp.size == *size
                    && cp.size <= leaves.len() as u64
                    && merkle::root(&leaves[..cp.size as usize]) == cp.root
            })
        })
        .cloned()
        .collect()
}

impl Vault {
    /// Makes a timestamp request for the newest checkpoint that counts and remembers it (one
    /// pending request at a time: a new one replaces the previous). Needs no passphrase and no
    /// network.
    pub fn anchor_request(&mut self) -> Result<AnchorRequest> {
        let (size, note) = self
            .latest_checkpoint()?
            .ok_or(Error::Anchor(AnchorFault::NoCheckpoint))?;
        let req = anchor::make_request(anchor::note_imprint(&note))?;
        let hex_der = hex::encode(&req.der);
        self.store
            .write(|tx| tx.set_meta(ANCHOR_REQUEST_META, &hex_der))?;
        Ok(AnchorRequest { der: req.der, size })
    }

    /// The timestamps and cosignatures a bundle carries: those of the checkpoints of `sizes`
    /// (the bundle's and its history's). Timestamps whose note is no longer a valid stored
    /// checkpoint, or that do not check against their entry and trusted certificate, are left
    /// out (`verify` reports them): the vault never signs a token it would not accept.
    pub(crate) fn bundle_anchors(
        &mut self,
        sizes: &[u64],
    ) -> Result<(Vec<AnchorEntry>, Vec<CosignatureEntry>)> {
        let anchors = self
            .stored_anchors()?
            .into_iter()
            .filter(|a| a.checked && sizes.contains(&a.size))
            .filter_map(|a| {
                Some(AnchorEntry {
                    size: a.size,
                    note: a.note?,
                    token: STANDARD.encode(&a.token),
                })
            })
            .collect();
        let cosignatures = self
            .stored_cosignatures()?
            .into_iter()
            .filter(|c| sizes.contains(&c.size))
            .map(|c| CosignatureEntry {
                size: c.size,
                witness: c.key,
                line: c.line,
            })
            .collect();
        Ok((anchors, cosignatures))
    }

    /// Every stored timestamp token with the checkpoint note it stamps, in ledger order.
    pub fn stored_anchors(&mut self) -> Result<Vec<StoredAnchor>> {
        let (vault_id, public) = (self.id.clone(), self.signing_public);
        let (rows, notes, leaves) = self
            .store
            .read(|tx| Ok((tx.anchors()?, tx.checkpoints()?, tx.leaf_hashes()?)))?;
        let mut out = Vec::new();
        for row in rows {
            let entry = self.store.read(|tx| tx.ledger_leaf(row.leaf_index))?;
            let Some(Ok(Entry::Anchor {
                size,
                note_sha256,
                nonce,
                token_sha256,
                tsa_cert_sha256,
                ..
            })) = entry.map(|(bytes, _)| Entry::from_bytes(&bytes))
            else {
                continue;
            };
            let named: Vec<(u64, String)> = notes
                .iter()
                .filter(|(s, n)| *s == size && sha256_hex(n.as_bytes()) == note_sha256)
                .cloned()
                .collect();
            let note = valid_checkpoints(&named, &leaves, &vault_id, &public)
                .pop()
                .map(|(_, n)| n);
            let checked = note.as_deref().is_some_and(|note| {
                sha256_hex(&row.token) == token_sha256
                    && sha256_hex(&row.tsa_cert) == tsa_cert_sha256
                    && anchor::verify_token(
                        &row.token,
                        std::slice::from_ref(&row.tsa_cert),
                        &anchor::note_imprint(note),
                    )
                    .is_ok_and(|facts| facts.nonce == nonce)
            });
            out.push(StoredAnchor {
                leaf_index: row.leaf_index,
                size,
                note,
                token: row.token,
                tsa_cert: row.tsa_cert,
                checked,
            });
        }
        Ok(out)
    }
}

impl Unlocked {
    /// Checks an authority's answer against the pending request (status, imprint, nonce), then
    /// the token itself against `tsa_cert` (signature, certificate chain, timeStamping use,
    /// imprint = the stamped checkpoint note's SHA-256), and stores it with an `anchor` entry
    /// signed in the same transaction. The pending request is then forgotten, so the same
    /// answer cannot be imported twice.
    pub fn anchor_import(&mut self, response: &[u8], tsa_cert: &[u8]) -> Result<AnchorSummary> {
        let tsa_cert = anchor::read_certificate(tsa_cert)?;
        let (vault_id, public) = (self.vault.id.clone(), self.vault.signing_public);
        let (pending, notes, leaves, entries) = self.vault.store.read(|tx| {
            Ok((
                tx.meta(ANCHOR_REQUEST_META)?,
                tx.checkpoints()?,
                tx.leaf_hashes()?,
                tx.ledger()?,
            ))
        })?;
        let request = pending
            .and_then(|h| hex::decode(h).ok())
            .ok_or(Error::Anchor(AnchorFault::NoPendingRequest))?;
        let token = anchor::token_of_response(response, &request)?;
        let (nonce, imprint) = anchor::read_request(&request)?;
        // Only the note the request stamps is checked (a root computation each).
        let (number, (size, note)) = notes
            .iter()
            .enumerate()
            .filter(|(_, (_, n))| anchor::note_imprint(n).as_slice() == imprint.as_slice())
            .find(|(_, row)| {
                !valid_checkpoints(std::slice::from_ref(row), &leaves, &vault_id, &public)
                    .is_empty()
            })
            .ok_or(Error::Anchor(AnchorFault::OtherCheckpoint))?;
        let imprint = anchor::note_imprint(note);
        let facts = anchor::verify_token(&token, std::slice::from_ref(&tsa_cert), &imprint)?;
        let nonce_hex = hex::encode(&nonce);
        // A nonce is used once: an answer to a request already answered is a replay.
        let reused = entries.iter().any(|row| {
            matches!(Entry::from_bytes(&row.entry), Ok(Entry::Anchor { nonce, .. }) if nonce == nonce_hex)
        });
        if reused {
            return Err(Error::Anchor(AnchorFault::NonceMismatch));
        }
        let entry = Entry::Anchor {
            v: ENTRY_VERSION,
            size: *size,
            note_sha256: sha256_hex(note.as_bytes()),
            nonce: nonce_hex,
            token_sha256: sha256_hex(&token),
            tsa_cert_sha256: sha256_hex(&tsa_cert),
        };
        let row_token = token.clone();
        self.write_signed(|tx| {
            let leaf = tx.append_leaf(&entry.to_bytes())?;
            tx.insert_anchor(&AnchorRow {
                leaf_index: leaf,
                token: row_token,
                tsa_cert,
            })?;
            tx.delete_meta(ANCHOR_REQUEST_META).map(drop)
        })?;
        Ok(AnchorSummary {
            size: *size,
            checkpoint: number + 1,
            facts,
        })
    }
}
