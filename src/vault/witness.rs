//! Counsel as a witness (`vault witness`): the owner's request (newest checkpoint, consistency
//! proof from the last cosigned size), counsel's cosigning with the state kept beside the key,
//! and the owner's import, logged in the ledger (docs/format.md, "Timestamps and cosignatures").

use std::path::{Path, PathBuf};

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde::Serialize;

use super::anchor::valid_checkpoints;
use super::{Unlocked, Vault};
use crate::error::AnchorFault;
use crate::ledger::entry::ENTRY_VERSION;
use crate::ledger::{self, checkpoint, merkle, Entry};
use crate::witness::{self, CosignatureFile, WitnessKey, WitnessRequest, WitnessState};
use crate::{fsutil, input, Error, Result};

/// A cosignature that verifies over one of the vault's checkpoints.
#[derive(Debug, Clone, Serialize)]
pub struct CosignatureSummary {
    pub size: u64,
    /// The checkpoint's position among the stored ones (1 = the oldest).
    pub checkpoint: usize,
    /// The witness's key name.
    pub witness: String,
    /// The witness's vkey.
    pub key: String,
    /// When the witness cosigned (seconds since 1970, the witness's own clock).
    pub time: u64,
}

/// A stored cosignature with the checkpoint it cosigns, for bundles.
#[derive(Debug, Clone)]
pub struct StoredCosignature {
    pub size: u64,
    pub witness: String,
    /// The witness's vkey.
    pub key: String,
    pub line: String,
}

/// The witness's vkey from a `Cosignature` entry's name and base64 key.
fn entry_vkey(name: &str, key_b64: &str) -> Option<(String, ed25519_dalek::VerifyingKey)> {
    let bytes: [u8; 32] = STANDARD.decode(key_b64).ok()?.try_into().ok()?;
    let public = ed25519_dalek::VerifyingKey::from_bytes(&bytes).ok()?;
    Some((witness::vkey(name, &public), public))
}

/// Checks a cosignature line against the stored checkpoints that count: the summary when it
/// verifies over the one of its size, else why not.
pub(crate) fn check_cosignature(
    size: u64,
    name: &str,
    key_b64: &str,
    line: &str,
    valid: &[(u64, String)],
    origin: &str,
    public: &ed25519_dalek::VerifyingKey,
) -> std::result::Result<CosignatureSummary, AnchorFault> {
    let (vkey, witness_key) =
        entry_vkey(name, key_b64).ok_or_else(|| AnchorFault::BadCosignature {
            detail: "the witness key is not an Ed25519 key".into(),
        })?;
    let (number, note) = valid
        .iter()
        .enumerate()
        .find(|(_, (s, _))| *s == size)
        .map(|(i, (_, n))| (i + 1, n))
        .ok_or(AnchorFault::OtherCheckpoint)?;
    let body = checkpoint::open_own(note, origin, public)
        .map_err(|_| AnchorFault::OtherCheckpoint)?
        .body();
    let time = witness::verify_line(line, &body, name, &witness_key).map_err(|e| match e {
        AnchorFault::BadSignature => AnchorFault::OtherCheckpoint,
        other => other,
    })?;
    Ok(CosignatureSummary {
        size,
        checkpoint: number,
        witness: name.to_owned(),
        key: vkey,
        time,
    })
}

impl Vault {
    /// The witness request for the newest checkpoint that counts, with a consistency proof
    /// from `from` (default: the largest size any imported cosignature names). No passphrase.
    pub fn witness_request(&mut self, from: Option<u64>) -> Result<WitnessRequest> {
        let (size, note) = self
            .latest_checkpoint()?
            .ok_or(Error::Anchor(AnchorFault::NoCheckpoint))?;
        let (leaves, ledger) = self
            .store
            .read(|tx| Ok((tx.leaf_hashes()?, tx.ledger()?)))?;
        let cosigned = ledger
            .iter()
            .filter_map(|r| match Entry::from_bytes(&r.entry) {
                Ok(Entry::Cosignature { size, .. }) => Some(size),
                _ => None,
            })
            .filter(|s| *s <= size)
            .max()
            .unwrap_or(0);
        let from = from.unwrap_or(cosigned).min(size);
        let proof = if from > 0 && from < size {
            merkle::consistency_proof(&leaves[..size as usize], from).map_err(|e| {
                Error::Anchor(AnchorFault::BadCosignature {
                    detail: e.to_string(),
                })
            })?
        } else {
            Vec::new()
        };
        let origin = ledger::origin(&self.id);
        Ok(WitnessRequest {
            vault_key: checkpoint::verifier_key(&origin, &self.signing_public),
            from,
            proof,
            note,
        })
    }

    /// Every cosignature the ledger logs, in ledger order (not checked).
    pub fn stored_cosignatures(&mut self) -> Result<Vec<StoredCosignature>> {
        let ledger = self.store.read(|tx| tx.ledger())?;
        Ok(ledger
            .iter()
            .filter_map(|r| match Entry::from_bytes(&r.entry) {
                Ok(Entry::Cosignature {
                    size,
                    witness,
                    key,
                    line,
                    ..
                }) => Some(StoredCosignature {
                    size,
                    key: entry_vkey(&witness, &key)
                        .map(|(v, _)| v)
                        .unwrap_or_default(),
                    witness,
                    line,
                }),
                _ => None,
            })
            .collect())
    }
}

impl Unlocked {
    /// Checks a witness's cosignature file against the vault's own checkpoint of that size and
    /// logs it (a `cosignature` entry, signed in the same transaction).
    pub fn witness_import(&mut self, text: &str) -> Result<CosignatureSummary> {
        let file = CosignatureFile::parse(text)?;
        let (name, public_w) = witness::parse_vkey(&file.witness)?;
        let size = checkpoint::parse_unverified(&file.note)
            .map_err(|e| {
                Error::Anchor(AnchorFault::BadCosignature {
                    detail: e.to_string(),
                })
            })?
            .size;
        let (vault_id, public) = (self.vault.id.clone(), self.vault.signing_public);
        let (notes, leaves) = self
            .vault
            .store
            .read(|tx| Ok((tx.checkpoints()?, tx.leaf_hashes()?)))?;
        // Only the checkpoint of that size is checked (one root computation).
        let position = notes
            .iter()
            .position(|(s, _)| *s == size)
            .map_or(1, |i| i + 1);
        let named: Vec<(u64, String)> = notes.into_iter().filter(|(s, _)| *s == size).collect();
        let valid = valid_checkpoints(&named, &leaves, &vault_id, &public);
        let key_b64 = STANDARD.encode(public_w.as_bytes());
        let origin = ledger::origin(&vault_id);
        let mut summary =
            check_cosignature(size, &name, &key_b64, &file.line, &valid, &origin, &public)?;
        summary.checkpoint = position;
        let entry = Entry::Cosignature {
            v: ENTRY_VERSION,
            size,
            witness: name,
            key: key_b64,
            line: file.line,
        };
        self.write_signed(|tx| tx.append_leaf(&entry.to_bytes()).map(|_| ()))?;
        Ok(summary)
    }
}

/// The witness's state file: `<key file>.state`.
pub fn state_path(key: &Path) -> PathBuf {
    let mut name = key.as_os_str().to_owned();
    name.push(".state");
    PathBuf::from(name)
}

/// Counsel's side, no vault: checks the request against the state kept beside the key
/// ([`state_path`]), cosigns, writes the cosignature file to `out` and then the new state
/// (replaced atomically). Returns the checkpoint's origin and size.
pub fn cosign(request: &Path, key_path: &Path, out: &Path, now: u64) -> Result<(String, u64)> {
    let request = WitnessRequest::parse(&input::read_text_bounded(request, witness::FILE_MAX)?)?;
    let key_text = zeroize::Zeroizing::new(input::read_text_bounded(key_path, witness::FILE_MAX)?);
    let key = WitnessKey::parse(&key_text)?;
    let state_file = state_path(key_path);
    let state: WitnessState = if state_file.exists() {
        serde_json::from_str(&input::read_text_bounded(&state_file, witness::FILE_MAX)?).map_err(
            |e| {
                Error::Anchor(AnchorFault::BadCosignature {
                    detail: e.to_string(),
                })
            },
        )?
    } else {
        WitnessState::default()
    };
    let (cp, next) = witness::decide(&request, &state)?;
    let line = key.cosign(&cp.body(), now);
    let file = CosignatureFile {
        witness: key.vkey(),
        line,
        note: request.note.clone(),
    };
    fsutil::write_new_private(out, file.to_text().as_bytes())?;
    let tmp = state_path(&state_file);
    let _ = std::fs::remove_file(&tmp);
    fsutil::write_new_private(&tmp, serde_json::to_string_pretty(&next)?.as_bytes())?;
    std::fs::rename(&tmp, &state_file).map_err(|e| Error::file(&state_file, e))?;
    fsutil::sync_parent(&state_file)?;
    Ok((cp.origin, cp.size))
}
