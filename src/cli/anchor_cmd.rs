//! `vault anchor`: RFC 3161 timestamps of checkpoints (request offline, import the authority's
//! answer, export a token for `openssl ts -verify`).

use std::path::Path;

use vault::anchor::DER_MAX;
use vault::fl;
use vault::vault::anchor::AnchorSummary;
use vault::vault::{write_new_private, Unlocked, Vault};
use vault::{Error, Result};

use super::args::{AnchorCommand, WitnessCommand};
use super::output::Out;
use super::terminal;

/// A time of a token as people read it: `2026-11-03 14:02:05 UTC`.
pub fn utc_text(secs: i64) -> String {
    chrono::DateTime::from_timestamp(secs, 0)
        .map(|t| t.format("%Y-%m-%d %H:%M:%S UTC").to_string())
        .unwrap_or_else(|| secs.to_string())
}

/// "checkpoint N (size S) existed no later than T, per TSA X" (the TSA name comes from the
/// token: shown terminal-safe).
pub fn anchor_line(a: &AnchorSummary) -> String {
    fl!(
        "verify-anchor-line",
        number = a.checkpoint,
        size = a.size,
        time = utc_text(a.facts.gen_time),
        tsa = terminal::inline(&a.facts.tsa).into_owned()
    )
}

pub fn anchor(
    dir: &Path,
    out: &Out,
    command: AnchorCommand,
    unlock: impl FnOnce() -> Result<Unlocked>,
) -> Result<()> {
    match command {
        AnchorCommand::Request {
            out: path,
            tsa: None,
            ..
        } => {
            let Some(path) = path else {
                return Err(Error::Invalid(fl!("cli-anchor-request-no-out")));
            };
            let mut vault = Vault::open(dir)?;
            let req = vault.anchor_request()?;
            write_new_private(&path, &req.der)?;
            let left_out = vault.info()?.unchecked_entries;
            if left_out > 0 {
                out.warn(&fl!("cli-anchor-request-leaves-out", n = left_out));
            }
            if out.json {
                return out.json(&serde_json::json!({
                    "size": req.size,
                    "request": path.display().to_string(),
                }));
            }
            out.line(&fl!(
                "cli-anchor-request-written",
                size = req.size,
                path = path.display().to_string()
            ))?;
            out.note(&fl!("cli-anchor-request-note"));
            Ok(())
        }
        AnchorCommand::Request {
            out: path,
            tsa: Some(url),
            tsa_cert,
            tsa_timeout,
        } => send_to_tsa(
            out,
            &url,
            path.as_deref(),
            tsa_cert.as_deref(),
            std::time::Duration::from_secs(tsa_timeout),
            unlock,
        ),
        AnchorCommand::Import { file, tsa_cert } => {
            let response = vault::input::read_bounded(&file, DER_MAX)?;
            let cert = vault::input::read_bounded(&tsa_cert, DER_MAX)?;
            let summary = unlock()?.anchor_import(&response, &cert)?;
            if out.json {
                return out.json(&summary);
            }
            out.line(&fl!("cli-anchor-imported", line = anchor_line(&summary)))
        }
        AnchorCommand::Export {
            out: path,
            note,
            size,
        } => {
            let mut vault = Vault::open(dir)?;
            let anchors = vault.stored_anchors()?;
            let chosen = anchors
                .iter()
                .rev()
                .find(|a| size.is_none_or(|s| a.size == s))
                .ok_or_else(|| Error::NotFound(fl!("cli-anchor-none")))?;
            if let Some(note_path) = &note {
                let text = chosen
                    .note
                    .as_ref()
                    .ok_or(Error::Anchor(vault::error::AnchorFault::OtherCheckpoint))?;
                write_new_private(note_path, text.as_bytes())?;
            }
            write_new_private(&path, &chosen.token)?;
            if out.json {
                return out.json(&serde_json::json!({
                    "size": chosen.size,
                    "token": path.display().to_string(),
                }));
            }
            out.line(&fl!(
                "cli-anchor-exported",
                size = chosen.size,
                path = path.display().to_string()
            ))
        }
    }
}

/// `vault anchor request --tsa URL --tsa-cert FILE`: the request made and remembered (and
/// written to `--out` when given), sent to the authority, its answer checked and stored as
/// `vault anchor import` does. The address and the certificate are checked and the vault
/// unlocked before anything is sent; when the authority gives no usable answer nothing is
/// stored and the request stays pending for the offline way.
fn send_to_tsa(
    out: &Out,
    url: &str,
    path: Option<&Path>,
    tsa_cert: Option<&Path>,
    timeout: std::time::Duration,
    unlock: impl FnOnce() -> Result<Unlocked>,
) -> Result<()> {
    vault::anchor::http::check_url(url)?;
    let Some(tsa_cert) = tsa_cert else {
        return Err(Error::Invalid(fl!("cli-anchor-tsa-no-cert")));
    };
    let cert = vault::input::read_bounded(tsa_cert, DER_MAX)?;
    vault::anchor::read_certificate(&cert)?;
    let mut unlocked = unlock()?;
    let req = unlocked.vault().anchor_request()?;
    if let Some(path) = path {
        write_new_private(path, &req.der)?;
        out.note(&fl!(
            "cli-anchor-request-written",
            size = req.size,
            path = path.display().to_string()
        ));
    }
    let left_out = unlocked.vault().info()?.unchecked_entries;
    if left_out > 0 {
        out.warn(&fl!("cli-anchor-request-leaves-out", n = left_out));
    }
    out.note(&fl!(
        "cli-anchor-sending",
        size = req.size,
        url = terminal::inline(url).into_owned()
    ));
    let response = vault::anchor::http::send(url, &req.der, timeout)?;
    let summary = unlocked.anchor_import(&response, &cert)?;
    if out.json {
        return out.json(&summary);
    }
    out.line(&fl!("cli-anchor-imported", line = anchor_line(&summary)))
}

/// "checkpoint N (size S) was cosigned by witness W on T" (the witness name comes from a file:
/// shown terminal-safe).
pub fn cosignature_line(c: &vault::vault::witness::CosignatureSummary) -> String {
    fl!(
        "verify-cosignature-line",
        number = c.checkpoint,
        size = c.size,
        witness = terminal::inline(&c.witness).into_owned(),
        time = utc_text(i64::try_from(c.time).unwrap_or(i64::MAX))
    )
}

/// `vault keygen --witness`: a new Ed25519 witness key file; prints its public key (vkey).
pub fn witness_keygen(out: &Out, path: &Path, name: Option<&str>) -> Result<()> {
    use rand::RngCore;
    let name = match name {
        Some(n) => n.to_owned(),
        None => {
            let mut id = [0u8; 4];
            rand::rngs::OsRng.fill_bytes(&mut id);
            format!("counsel/{}", hex::encode(id))
        }
    };
    let key = vault::witness::WitnessKey::generate(&name)?;
    write_new_private(path, key.file_text().as_bytes())?;
    let vkey = key.vkey();
    if out.json {
        return out.json(&serde_json::json!({ "witness_key": vkey, "key_file": path }));
    }
    out.line(&vkey)?;
    out.note(&fl!(
        "cli-witness-keygen-note",
        path = path.display().to_string()
    ));
    Ok(())
}

pub fn witness(
    dir: &Path,
    out: &Out,
    command: WitnessCommand,
    unlock: impl FnOnce() -> Result<Unlocked>,
) -> Result<()> {
    match command {
        WitnessCommand::Request { out: path, from } => {
            let mut vault = Vault::open(dir)?;
            let req = vault.witness_request(from)?;
            write_new_private(&path, req.to_text().as_bytes())?;
            let size = vault::ledger::checkpoint::parse_unverified(&req.note)
                .map(|c| c.size)
                .unwrap_or(0);
            if out.json {
                return out.json(&serde_json::json!({ "size": size, "from": req.from }));
            }
            out.line(&fl!(
                "cli-witness-request-written",
                size = size,
                path = path.display().to_string()
            ))
        }
        WitnessCommand::Cosign {
            request,
            key,
            out: path,
        } => {
            let now = u64::try_from(chrono::Utc::now().timestamp()).unwrap_or(0);
            let (origin, size) = vault::vault::witness::cosign(&request, &key, &path, now)?;
            if out.json {
                return out.json(&serde_json::json!({ "origin": origin, "size": size }));
            }
            out.line(&fl!(
                "cli-witness-cosigned",
                origin = terminal::inline(&origin).into_owned(),
                size = size,
                path = path.display().to_string()
            ))
        }
        WitnessCommand::Import { file } => {
            let text = vault::input::read_text_bounded(&file, vault::witness::FILE_MAX)?;
            let summary = unlock()?.witness_import(&text)?;
            if out.json {
                return out.json(&summary);
            }
            out.line(&fl!(
                "cli-witness-imported",
                line = cosignature_line(&summary)
            ))
        }
    }
}

/// Counsel's check of a bundle's timestamps and cosignatures, with the certificate and witness
/// key given (`bundle verify --tsa-cert --witness-key`).
pub fn check_bundle(
    manifest: &vault::bundle::manifest::Manifest,
    tsa_cert: Option<&Path>,
    witness_key: Option<&Path>,
) -> Result<vault::bundle::anchors::AnchorReport> {
    let certs = match tsa_cert {
        Some(p) => vec![vault::anchor::read_certificate(
            &vault::input::read_bounded(p, DER_MAX)?,
        )?],
        None => Vec::new(),
    };
    let keys = match witness_key {
        Some(p) => {
            let text = zeroize::Zeroizing::new(vault::input::read_text_bounded(
                p,
                vault::witness::FILE_MAX,
            )?);
            // A key file gives its public key; a public key line is used as it is.
            vec![match vault::witness::WitnessKey::parse(&text) {
                Ok(k) => k.vkey(),
                Err(_) => text.trim().to_owned(),
            }]
        }
        None => Vec::new(),
    };
    Ok(vault::bundle::anchors::check(manifest, &certs, &keys))
}

/// The bundle report with its timestamps and cosignatures (keys left out when there is none,
/// so that bundles without them report as before).
pub fn bundle_json(
    report: &vault::bundle::BundleReport,
    anchored: &vault::bundle::anchors::AnchorReport,
) -> Result<serde_json::Value> {
    let mut v = serde_json::to_value(report)?;
    if let Some(obj) = v.as_object_mut() {
        if !anchored.anchors.is_empty() {
            obj.insert("anchors".into(), serde_json::to_value(&anchored.anchors)?);
        }
        if !anchored.cosignatures.is_empty() {
            obj.insert(
                "cosignatures".into(),
                serde_json::to_value(&anchored.cosignatures)?,
            );
        }
    }
    Ok(v)
}

/// What each timestamp and cosignature proves, in plain words.
pub fn print_bundle_anchors(
    out: &Out,
    anchored: &vault::bundle::anchors::AnchorReport,
) -> Result<()> {
    for a in &anchored.anchors {
        let (time, tsa) = (
            utc_text(a.facts.gen_time),
            terminal::inline(&a.facts.tsa).into_owned(),
        );
        out.line(&if a.trusted {
            fl!("bundle-anchor-line", size = a.size, time = time, tsa = tsa)
        } else {
            fl!(
                "bundle-anchor-untrusted-line",
                size = a.size,
                time = time,
                tsa = tsa
            )
        })?;
    }
    for c in &anchored.cosignatures {
        let (time, witness) = (
            utc_text(i64::try_from(c.time).unwrap_or(i64::MAX)),
            terminal::inline(&c.witness).into_owned(),
        );
        out.line(&if c.by_given_key {
            fl!(
                "bundle-cosignature-line",
                size = c.size,
                time = time,
                witness = witness
            )
        } else {
            fl!(
                "bundle-cosignature-other-line",
                size = c.size,
                time = time,
                witness = witness
            )
        })?;
    }
    Ok(())
}
