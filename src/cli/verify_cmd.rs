//! `vault verify` and `vault receipt`.

use std::io::IsTerminal;
use std::path::Path;

use vault::error::Custody;
use vault::secret::Passphrase;
use vault::vault::verify::Report;
use vault::vault::write_new_private;
use vault::vault::{Unlocked, Vault};
use vault::{Error, Result};

use super::args::{ReceiptArgs, VerifyArgs};
use super::output::Out;
use super::{passphrase, progress, terminal};
use vault::fl;

/// Exit code when problems were found (docs/cli.md).
pub const EXIT_PROBLEMS: u8 = 4;

fn ask_optional() -> Result<Option<Passphrase>> {
    let text = rpassword::prompt_password(fl!("verify-cli-ask-optional"))
        .map_err(|e| Error::Invalid(fl!("verify-cli-pass-read-failed", detail = e.to_string())))?;
    let p = Passphrase::new(text);
    Ok((!p.is_empty()).then_some(p))
}

pub fn verify(dir: &Path, pass_file: Option<&Path>, out: &Out, a: VerifyArgs) -> Result<u8> {
    let receipt = match &a.receipt {
        Some(path) => Some(vault::input::read_text_bounded(
            path,
            vault::input::RECEIPT_MAX,
        )?),
        None => None,
    };
    // Whatever state the database is in, verify prints a report: a database that cannot be
    // opened or read is a `database` problem (exit 4), never a bare storage error.
    let mut vault = match Vault::open(dir) {
        Ok(v) => v,
        Err(e) if vault::vault::verify::is_database_error(&e) => {
            let report = vault::vault::verify::database_report(dir, &e);
            // Nothing past the database could be checked, passphrase or not: no tier note.
            print_report(out, &report, true)?;
            return Ok(EXIT_PROBLEMS);
        }
        Err(e) => return Err(e),
    };
    // `--full` with no passphrase file on a vault with a hardware key: the key opens it.
    let hardware = pass_file.is_none() && a.full && vault.has_plugin_slot()?;
    let pass = match pass_file {
        _ if hardware => None,
        Some(f) => Some(passphrase::from_file(f)?),
        None if a.full => Some(passphrase::existing(None)?),
        None if std::io::stdin().is_terminal() => ask_optional()?,
        None => None,
    };
    let verifying = fl!("verify-cli-verifying");
    let bar = progress::items(1000, &verifying, out.quiet);
    let tick = |done: u64, total: u64| {
        if let Some(b) = &bar {
            b.set_length(total);
            b.set_position(done);
        }
    };
    // When the passphrase does not open the vault (wrong, or a damaged keyslot), still run the
    // checks that need no passphrase: they say where the damage is.
    let mut unlock_error = None;
    let key = match pass {
        Some(p) => Some(Some(p)),
        None if hardware => Some(None),
        None => None,
    };
    let report = match key {
        Some(key) => match super::timing::unlocking(|| match &key {
            Some(p) => vault.unlock(p, true),
            None => vault.unlock_with_plugin(super::hardware::TerminalCallbacks, true),
        }) {
            Ok(mut unlocked) => unlocked.verify(receipt.as_deref(), Some(&tick)),
            Err(
                e @ (Error::WrongPassphrase
                | Error::NoKeyslot(_)
                | Error::TamperedKeyslot { .. }
                | Error::Tampered(_)
                | Error::Tamper(_)
                | Error::Damaged(_)
                | Error::Damage(_)
                | Error::Custody(
                    Custody::PluginMissing { .. }
                    | Custody::PluginFailed { .. }
                    | Custody::PluginNoMatch { .. },
                )),
            ) => {
                unlock_error = Some(e);
                Vault::open(dir).and_then(|mut v| v.verify(receipt.as_deref(), Some(&tick)))
            }
            Err(e) => Err(e),
        },
        None => vault.verify(receipt.as_deref(), Some(&tick)),
    };
    let mut report = match report {
        Ok(r) => r,
        Err(e) if vault::vault::verify::is_database_error(&e) => {
            vault::vault::verify::database_report(dir, &e)
        }
        Err(e) => return Err(e),
    };
    // What this computer remembers of the vault (read only: verify writes nothing): a whole
    // folder put back to an older copy is consistent in itself, and only the pin (or a
    // receipt) tells.
    if let Some(state) = super::user_state_dir() {
        let pin_file = state.join(vault::vault::pin::PIN_FILE);
        if let Ok(v) = Vault::open(dir) {
            report
                .problems
                .extend(v.with_pin_file(pin_file).pin_problems()?);
        }
    }
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    if let Some(e) = &unlock_error {
        out.warn(&fl!(
            "verify-cli-unlock-fallback",
            error = terminal::inline(&super::i18n::localized(e, super::i18n::lang())).into_owned()
        ));
    }
    print_report(out, &report, unlock_error.is_some())?;
    Ok(match (report.ok(), unlock_error) {
        (false, _) => EXIT_PROBLEMS,
        (true, Some(e)) => e.exit_code() as u8,
        (true, None) => 0,
    })
}

/// `unlock_failed`: a passphrase was given but did not open the vault (the warning said so), or
/// the database could not be read at all, so the basic tier is not "no passphrase given".
fn print_report(out: &Out, r: &Report, unlock_failed: bool) -> Result<()> {
    if out.json {
        return out.json(&serde_json::json!({ "ok": r.ok(), "report": r }));
    }
    if r.tier == "basic" && !unlock_failed {
        out.note(&fl!("verify-cli-basic-note"));
    }
    let tier = match r.tier {
        "basic" => fl!("verify-cli-tier-basic"),
        "full" => fl!("verify-cli-tier-full"),
        other => other.to_owned(),
    };
    let scope = fl!(
        "verify-cli-scope",
        entries = r.ledger_entries,
        signed = r.signed_entries,
        records = r.records,
        attachments = r.attachments
    );
    if r.ok() {
        out.line(&fl!("verify-cli-ok", tier = tier, scope = scope))?;
        if let Some(rc) = &r.receipt {
            out.line(&fl!("verify-cli-receipt-ok", size = rc.receipt_size))?;
        }
    } else {
        out.line(&fl!(
            "verify-cli-failed",
            n = r.problems.len(),
            tier = tier,
            scope = scope
        ))?;
        for p in &r.problems {
            out.line(&super::i18n::problem_line(p))?;
        }
    }
    for a in &r.anchors {
        out.line(&super::anchor_cmd::anchor_line(a))?;
    }
    for c in &r.cosignatures {
        out.line(&super::anchor_cmd::cosignature_line(c))?;
    }
    if r.ledger_entries > r.signed_entries && r.ok() {
        out.note(&fl!(
            "verify-cli-unsigned-note",
            n = r.ledger_entries.saturating_sub(r.signed_entries)
        ));
    }
    if r.leftover_files > 0 {
        out.note(&fl!("verify-cli-leftover-note", n = r.leftover_files));
    }
    Ok(())
}

/// `vault receipt`: writes the newest signed checkpoint, after signing what no checkpoint covers
/// yet (which needs the passphrase), so that a receipt made right after logging covers it. With
/// `--no-sign`, nothing is unlocked and the receipt leaves those entries out, with a warning.
pub fn receipt(
    dir: &Path,
    out: &Out,
    a: &ReceiptArgs,
    has_passphrase: bool,
    unlock: impl FnOnce() -> Result<Unlocked>,
) -> Result<()> {
    let mut vault = Vault::open(dir)?;
    let pending = vault.info()?.unchecked_entries;
    let mut unlocked = None;
    if pending > 0 && !a.no_sign {
        if !has_passphrase && !passphrase::can_prompt() {
            return Err(Error::Invalid(fl!(
                "verify-cli-receipt-needs-passphrase",
                n = pending
            )));
        }
        drop(vault);
        // Unlocking signs a checkpoint over every entry the ledger holds (or refuses, naming
        // what it will not sign).
        unlocked = Some(unlock()?);
        vault = Vault::open(dir)?;
    }
    let (size, note) = vault
        .latest_checkpoint()?
        .ok_or_else(|| Error::Damaged(fl!("verify-cli-no-checkpoint")))?;
    let left_out = vault.info()?.unchecked_entries;
    drop(unlocked);
    write_new_private(&a.out, note.as_bytes())?;
    if left_out > 0 {
        out.warn(&fl!("verify-cli-receipt-leaves-out", n = left_out));
    }
    if out.json {
        return out.json(&serde_json::json!({
            "size": size,
            "fingerprint": vault.fingerprint(),
            "receipt": note,
            "entries_not_covered": left_out,
        }));
    }
    out.line(&fl!(
        "verify-cli-receipt-written",
        size = size,
        path = a.out.display().to_string()
    ))?;
    out.note(&fl!("verify-cli-receipt-note", fp = vault.fingerprint()));
    Ok(())
}
