//! `vault anchor`: RFC 3161 timestamps of checkpoints (request offline, import the authority's
//! answer, export a token for `openssl ts -verify`).

use std::path::Path;

use vault::anchor::DER_MAX;
use vault::fl;
use vault::vault::anchor::AnchorSummary;
use vault::vault::{write_new_private, Unlocked, Vault};
use vault::{Error, Result};

use super::args::AnchorCommand;
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
        AnchorCommand::Request { out: path } => {
            let mut vault = Vault::open(dir)?;
            let req = vault.anchor_request()?;
            write_new_private(&path, &req.der)?;
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
