//! `vault verify` and `vault receipt`.

use std::io::IsTerminal;
use std::path::Path;

use vault::integrity::Report;
use vault::secret::Passphrase;
use vault::vault::Vault;
use vault::{fsutil, Error, Result};

use super::args::VerifyArgs;
use super::output::Out;
use super::{passphrase, progress};

/// Exit code when problems were found (docs/cli.md).
pub const EXIT_PROBLEMS: u8 = 4;

fn ask_optional() -> Result<Option<Passphrase>> {
    let text = rpassword::prompt_password("Vault passphrase for a full check (Enter to skip): ")
        .map_err(|e| Error::Invalid(format!("could not read the passphrase: {e}")))?;
    let p = Passphrase::new(text);
    Ok((!p.is_empty()).then_some(p))
}

pub fn verify(dir: &Path, pass_file: Option<&Path>, out: &Out, a: VerifyArgs) -> Result<u8> {
    let receipt = match &a.receipt {
        Some(path) => Some(std::fs::read_to_string(path).map_err(|e| Error::file(path, e))?),
        None => None,
    };
    let mut vault = Vault::open(dir)?;
    let pass = match pass_file {
        Some(f) => Some(passphrase::from_file(f)?),
        None if a.full => Some(passphrase::existing(None)?),
        None if std::io::stdin().is_terminal() => ask_optional()?,
        None => None,
    };
    let bar = progress::items(1000, "verifying", out.quiet);
    let tick = |done: u64, total: u64| {
        if let Some(b) = &bar {
            b.set_length(total);
            b.set_position(done);
        }
    };
    let report = match pass {
        Some(p) => {
            let mut unlocked = vault.unlock(&p, true)?;
            unlocked.verify(receipt.as_deref(), Some(&tick))?
        }
        None => vault.verify(receipt.as_deref(), Some(&tick))?,
    };
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    print_report(out, &report)?;
    Ok(if report.ok() { 0 } else { EXIT_PROBLEMS })
}

fn print_report(out: &Out, r: &Report) -> Result<()> {
    if out.json {
        return out.json(&serde_json::json!({ "ok": r.ok(), "report": r }));
    }
    if r.tier == "basic" {
        out.note("no passphrase given: checked hashes, signatures and structure only (give --passphrase-file or run on a terminal for a full check)");
    }
    let scope = format!(
        "{} ledger entries ({} covered by the newest signed checkpoint), {} record revisions, {} attachments",
        r.ledger_entries, r.signed_entries, r.records, r.attachments
    );
    if r.ok() {
        out.line(&format!("OK: {} check passed: {scope}", r.tier))?;
        if let Some(rc) = &r.receipt {
            out.line(&format!(
                "The vault extends the receipt (size {}): no rollback.",
                rc.receipt_size
            ))?;
        }
    } else {
        out.line(&format!(
            "FAILED: {} problem(s) found ({} check of {scope})",
            r.problems.len(),
            r.tier
        ))?;
        for p in &r.problems {
            out.line(&format!("  [{}] {}: {}", p.kind, p.item, p.detail))?;
        }
    }
    if r.ledger_entries > r.signed_entries && r.ok() {
        out.note(&format!(
            "{} entr(ies) were added without the passphrase and are not yet signed; the next unlock signs them",
            r.ledger_entries - r.signed_entries
        ));
    }
    if r.leftover_files > 0 {
        out.note(&format!("{} leftover file(s) of an interrupted attach will be removed by the next command that writes", r.leftover_files));
    }
    Ok(())
}

pub fn receipt(dir: &Path, out: &Out, path: &Path) -> Result<()> {
    let mut vault = Vault::open(dir)?;
    let (size, note) = vault
        .latest_checkpoint()?
        .ok_or_else(|| Error::Damaged("the vault has no signed checkpoint".into()))?;
    fsutil::write_new_private(path, note.as_bytes())?;
    if out.json {
        return out.json(&serde_json::json!({ "size": size, "fingerprint": vault.fingerprint(), "receipt": note }));
    }
    out.line(&format!(
        "Receipt for {size} ledger entries written to {}",
        path.display()
    ))?;
    out.note(&format!(
        "Keep it away from this computer (email it to your lawyer or print it). Vault fingerprint: {}",
        vault.fingerprint()
    ));
    Ok(())
}
