//! Timestamps and cosignatures a bundle carries (`anchors`, `cosignatures` in manifest.json;
//! docs/bundle-format.md, "Timestamps and cosignatures"), and counsel's check of them.
//!
//! Each one names a checkpoint by its size: the bundle's own checkpoint or one of its `history`
//! (which the reader has already proved the bundle's checkpoint extends). A timestamp carries
//! the note it stamps, which must be signed by the bundle's vault key and have that root; a
//! cosignature is checked over the checkpoint body rebuilt from the size and root.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde::{Deserialize, Serialize};

use crate::anchor;
use crate::error::AnchorFault;
use crate::i18n::Lang;
use crate::ledger::{self, checkpoint};
use crate::problem::{Problem, ProblemKind};
use crate::problem_text;
use crate::witness;

use super::manifest::Manifest;

/// An RFC 3161 timestamp of a checkpoint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnchorEntry {
    pub size: u64,
    /// The checkpoint note stamped, byte for byte (its SHA-256 is the token's imprint).
    pub note: String,
    /// The DER `TimeStampToken`, base64.
    pub token: String,
}

/// A witness cosignature of a checkpoint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CosignatureEntry {
    pub size: u64,
    /// The witness's key as a vkey (`<name>+<key id>+<base64(0x04 || key)>`).
    pub witness: String,
    /// The cosignature line.
    pub line: String,
}

/// What one timestamp in a bundle proves.
#[derive(Debug, Clone, Serialize)]
pub struct BundleAnchor {
    pub size: u64,
    /// Whether it chains to a certificate counsel gave (`--tsa-cert`); without one it is
    /// reported but proves nothing.
    pub trusted: bool,
    #[serde(flatten)]
    pub facts: anchor::TokenFacts,
}

/// What one cosignature in a bundle proves.
#[derive(Debug, Clone, Serialize)]
pub struct BundleCosignature {
    pub size: u64,
    pub witness: String,
    /// Whether it is by a key counsel gave (`--witness-key`).
    pub by_given_key: bool,
    pub time: u64,
}

/// What the check found.
#[derive(Debug, Clone, Default, Serialize)]
pub struct AnchorReport {
    pub anchors: Vec<BundleAnchor>,
    pub cosignatures: Vec<BundleCosignature>,
    pub problems: Vec<Problem>,
}

/// The root (base64) the bundle proves for a checkpoint of `size`: its own checkpoint's, or
/// one of its history's.
fn proven_root(m: &Manifest, cp: &checkpoint::Checkpoint, size: u64) -> Option<String> {
    if size == cp.size {
        return Some(STANDARD.encode(cp.root));
    }
    m.history
        .iter()
        .find(|h| h.size == size)
        .map(|h| h.root.clone())
}

/// Checks every timestamp against `tsa_certs` (DER) and every cosignature against
/// `witness_keys` (vkeys). Problems are reported only for what is wrong; one that cannot be
/// checked for want of a certificate or key is listed as not trusted.
pub fn check(m: &Manifest, tsa_certs: &[Vec<u8>], witness_keys: &[String]) -> AnchorReport {
    let mut out = AnchorReport::default();
    let origin = ledger::origin(&m.vault.id);
    let Some(public) = STANDARD
        .decode(&m.vault.public_key)
        .ok()
        .and_then(|b| <[u8; 32]>::try_from(b).ok())
        .and_then(|b| ed25519_dalek::VerifyingKey::from_bytes(&b).ok())
    else {
        return out;
    };
    let Ok(cp) = checkpoint::open_own(&m.checkpoint, &origin, &public) else {
        return out;
    };
    for a in &m.anchors {
        let item = problem_text!("verify-item-anchor", size = a.size);
        let note_ok = checkpoint::open_own(&a.note, &origin, &public).is_ok_and(|n| {
            n.size == a.size && proven_root(m, &cp, a.size) == Some(STANDARD.encode(n.root))
        });
        if !note_ok {
            out.problems.push(Problem::new(
                ProblemKind::AnchorCheckpoint,
                item,
                problem_text!("verify-anchor-checkpoint-gone", size = a.size),
            ));
            continue;
        }
        let Ok(token) = STANDARD.decode(&a.token) else {
            out.problems.push(Problem::new(
                ProblemKind::AnchorToken,
                item,
                problem_text!("verify-anchor-token-hash"),
            ));
            continue;
        };
        let imprint = anchor::note_imprint(&a.note);
        // Without a certificate to trust, the token's own signature and imprint are still
        // checked (against the certificate it carries), but nothing vouches for its authority.
        let trusted = !tsa_certs.is_empty();
        let result = if trusted {
            anchor::verify_token(&token, tsa_certs, &imprint)
        } else {
            carried_facts(&token, &imprint)
        };
        match result {
            Ok(facts) => out.anchors.push(BundleAnchor {
                size: a.size,
                trusted,
                facts,
            }),
            Err(fault) => {
                let (kind, detail) = token_problem(&fault);
                out.problems.push(Problem::new(kind, item, detail));
            }
        }
    }
    let given: Vec<(String, ed25519_dalek::VerifyingKey)> = witness_keys
        .iter()
        .filter_map(|k| witness::parse_vkey(k).ok())
        .collect();
    for c in &m.cosignatures {
        let (name, key) = match witness::parse_vkey(&c.witness) {
            Ok(k) => k,
            Err(fault) => {
                out.problems.push(Problem::new(
                    ProblemKind::Cosignature,
                    problem_text!("verify-item-cosignature", size = c.size, witness = "?"),
                    problem_text!(
                        "verify-cosignature-invalid",
                        error = fault.text_in(Lang::En)
                    ),
                ));
                continue;
            }
        };
        let item = problem_text!("verify-item-cosignature", size = c.size, witness = &name);
        let by_given_key = given.iter().any(|(n, k)| *n == name && *k == key);
        let body =
            proven_root(m, &cp, c.size).map(|root| format!("{origin}\n{}\n{root}\n", c.size));
        match body.map(|b| witness::verify_line(&c.line, &b, &name, &key)) {
            Some(Ok(time)) => out.cosignatures.push(BundleCosignature {
                size: c.size,
                witness: name,
                by_given_key,
                time,
            }),
            _ => out.problems.push(Problem::new(
                ProblemKind::Cosignature,
                item,
                problem_text!("verify-cosignature-checkpoint", size = c.size),
            )),
        }
    }
    out
}

/// The facts of a token checked against the certificate it carries itself (no trust).
fn carried_facts(token: &[u8], imprint: &[u8; 32]) -> Result<anchor::TokenFacts, AnchorFault> {
    let carried = anchor::carried_certificates(token)?;
    anchor::verify_token(token, &carried, imprint)
}

/// The problem a token refused by [`anchor::verify_token`] is, for `verify` and `bundle verify`
/// alike.
pub(crate) fn token_problem(fault: &AnchorFault) -> (ProblemKind, crate::problem::Text) {
    let error = fault.text_in(Lang::En);
    match fault {
        AnchorFault::OtherCheckpoint => (
            ProblemKind::AnchorCheckpoint,
            problem_text!("verify-anchor-checkpoint", error = error),
        ),
        AnchorFault::Untrusted { .. } => (
            ProblemKind::AnchorUntrusted,
            problem_text!("verify-anchor-untrusted", error = error),
        ),
        AnchorFault::OutsideValidity { .. } => (
            ProblemKind::AnchorValidity,
            problem_text!("verify-anchor-validity", error = error),
        ),
        _ => (
            ProblemKind::AnchorToken,
            problem_text!("verify-anchor-token", error = error),
        ),
    }
}
