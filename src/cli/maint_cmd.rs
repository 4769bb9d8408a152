//! Maintenance commands: `keyslot list/add/remove`, `rekey`, `destroy`, `backup`, `restore`, and
//! the generated passphrase of `init --generate-passphrase`.

use std::io::{BufRead, IsTerminal};
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use vault::secret::Passphrase;
use vault::vault::{Unlocked, Vault};
use vault::{backup, passwords, Error, Result};

use super::output::{human_size, Out};
use super::{passphrase, progress};

#[derive(Debug, Subcommand)]
pub enum KeyslotCommand {
    /// List keyslots: id, kind and key-derivation parameters (no passphrase needed).
    List,
    /// Add a keyslot: a recovery code (--recovery) or another passphrase.
    #[command(
        after_help = "Examples:\n  vault keyslot add --recovery      (prints a recovery code once: write it on paper)\n  vault keyslot add                 (asks for another passphrase)"
    )]
    Add {
        /// Add a generated recovery code instead of a passphrase.
        #[arg(long, conflicts_with = "new_passphrase_file")]
        recovery: bool,
        /// Read the new passphrase from the first line of FILE instead of asking.
        #[arg(long, value_name = "FILE")]
        new_passphrase_file: Option<PathBuf>,
    },
    /// Remove a keyslot (never the last one, nor the last passphrase slot).
    #[command(after_help = "Example:\n  vault keyslot remove 3f2a")]
    Remove {
        /// Keyslot id or a unique prefix of it (see `vault keyslot list`).
        id: String,
    },
}

#[derive(Debug, Args)]
pub struct RekeyArgs {
    /// Also change the passphrase (asked twice on the terminal).
    #[arg(long)]
    pub new_passphrase: bool,
    /// Also change the passphrase, reading the new one from the first line of FILE.
    #[arg(long, value_name = "FILE", conflicts_with = "new_passphrase")]
    pub new_passphrase_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct DestroyArgs {
    /// Do not ask for the fingerprint as confirmation.
    #[arg(long)]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The backup file to write (never overwritten).
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The backup file written by `vault backup`.
    pub file: PathBuf,
}

/// The generated passphrase for `init --generate-passphrase`; refuses a passphrase file too.
pub fn generate_passphrase(passphrase_file: Option<&Path>) -> Result<Passphrase> {
    if passphrase_file.is_some() {
        return Err(Error::Invalid(
            "--generate-passphrase makes the passphrase itself: do not also give --passphrase-file (or VAULT_PASSPHRASE_FILE)".into(),
        ));
    }
    Ok(passwords::generate_passphrase())
}

/// Shows a generated passphrase once, on stderr (even with --quiet or --json).
pub fn show_generated_passphrase(p: &Passphrase) {
    eprintln!(
        "\nYour passphrase ({} random words; this is the only time it is shown):\n\n    {}\n\nWrite it down on paper now and keep the paper safe. Without it nobody can open this vault.\n",
        passwords::GENERATED_WORDS,
        p.expose()
    );
}

fn unlock(dir: &Path, pass_file: Option<&Path>) -> Result<(Unlocked, Passphrase)> {
    let vault = Vault::open(dir)?;
    let pass = passphrase::existing(pass_file)?;
    let mut unlocked = vault.unlock(&pass, false)?;
    unlocked.vault().clean_leftovers()?;
    Ok((unlocked, pass))
}

/// `vault keyslot ...`
pub fn keyslot(dir: &Path, pass_file: Option<&Path>, out: &Out, cmd: KeyslotCommand) -> Result<()> {
    match cmd {
        KeyslotCommand::List => {
            let slots = Vault::open(dir)?.keyslots()?;
            if out.json {
                return out.json(&slots);
            }
            out.line(&format!("{:<32}  {:<10}  KDF", "ID", "KIND"))?;
            for s in &slots {
                out.line(&format!(
                    "{:<32}  {:<10}  Argon2id, {} MiB, {} iterations, {} lanes",
                    s.id,
                    serde_json::to_value(s.kind)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_owned))
                        .unwrap_or_default(),
                    s.kdf.memory_mib,
                    s.kdf.iterations,
                    s.kdf.parallelism
                ))?;
            }
            Ok(())
        }
        KeyslotCommand::Add {
            recovery: true,
            new_passphrase_file: _,
        } => {
            let (mut v, _) = unlock(dir, pass_file)?;
            let slot = v.add_recovery_slot()?;
            let shown = passwords::format_recovery_code(&slot.code);
            if out.json {
                return out.json(&serde_json::json!({
                    "slot": slot.id,
                    "kind": "recovery",
                    "recovery_code": shown.as_str(),
                }));
            }
            out.line(&format!(
                "Recovery code (shown only this once):\n\n    {}\n",
                shown.as_str()
            ))?;
            out.warn(&format!(
                "write the recovery code on paper and keep it away from this computer (a safe, or someone you trust). It opens the vault like your passphrase: anyone who finds it can read everything. Keyslot {} added.",
                slot.id
            ));
            Ok(())
        }
        KeyslotCommand::Add {
            recovery: false,
            new_passphrase_file,
        } => {
            let (mut v, _) = unlock(dir, pass_file)?;
            let new = passphrase::new(new_passphrase_file.as_deref(), "Additional passphrase")?;
            let id = v.add_passphrase_slot(&new)?;
            if out.json {
                return out.json(&serde_json::json!({ "slot": id, "kind": "passphrase" }));
            }
            out.line(&id)?;
            out.note("keyslot added: the vault now opens with this passphrase too");
            Ok(())
        }
        KeyslotCommand::Remove { id } => {
            let (mut v, _) = unlock(dir, pass_file)?;
            let removed = v.remove_keyslot(&id)?;
            if out.json {
                return out.json(&serde_json::json!({ "removed": removed }));
            }
            out.line(&removed)?;
            out.note("keyslot removed: its passphrase or recovery code no longer opens this vault (copies and backups made earlier still contain it)");
            Ok(())
        }
    }
}

/// `vault rekey`
pub fn rekey(dir: &Path, pass_file: Option<&Path>, out: &Out, a: RekeyArgs) -> Result<()> {
    let (mut v, pass) = unlock(dir, pass_file)?;
    let new = match (&a.new_passphrase_file, a.new_passphrase) {
        (Some(f), _) => Some(passphrase::from_file(f)?),
        (None, true) => Some(passphrase::new(None, "New passphrase")?),
        (None, false) => None,
    };
    let bar = progress::items(1000, "re-encrypting", out.quiet);
    let tick = |done: u64, total: u64| {
        if let Some(b) = &bar {
            b.set_length(total);
            b.set_position(done);
        }
    };
    let result = v.rekey(&pass, new.as_ref(), Some(&tick));
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let outcome = result?;
    if out.json {
        return out.json(&outcome);
    }
    out.line(&format!(
        "Rekeyed: {} record revisions, {} attachments and {} export descriptions re-encrypted to a new master key ({})",
        outcome.records, outcome.attachments, outcome.exports, outcome.master_recipient
    ))?;
    if !outcome.removed_slots.is_empty() {
        out.warn(&format!(
            "removed {} other keyslot(s) ({}): their recovery codes or passphrases no longer open the vault. Add a new recovery code with `vault keyslot add --recovery`.",
            outcome.removed_slots.len(),
            outcome.removed_slots.join(", ")
        ));
    }
    out.note("A master key exported earlier no longer reads this vault, but backups and copies made before now still open with the old key and passphrase: destroy them if they may be compromised. The signing key is unchanged, so earlier receipts still verify.");
    if new.is_none() {
        out.note(
            "If the passphrase itself may be known to someone else, change it too: `vault passwd`.",
        );
    }
    Ok(())
}

fn digits(s: &str) -> String {
    s.chars().filter(|c| c.is_ascii_digit()).collect()
}

/// `vault destroy`
pub fn destroy(dir: &Path, out: &Out, a: DestroyArgs) -> Result<()> {
    let vault = Vault::open(dir)?;
    let fingerprint = vault.fingerprint();
    if !a.yes {
        if !std::io::stdin().is_terminal() {
            return Err(Error::Invalid(
                "refusing to destroy the vault without confirmation: run it on a terminal, or pass --yes".into(),
            ));
        }
        eprintln!(
            "This permanently destroys the vault at {}: its keys are overwritten and nothing in it can be decrypted again, with any passphrase.\nType the vault fingerprint ({fingerprint}) to confirm:",
            dir.display()
        );
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        if digits(&line) != digits(&fingerprint) {
            return Err(Error::Invalid(
                "the fingerprint does not match; nothing was destroyed".into(),
            ));
        }
    }
    let outcome = vault.destroy()?;
    if out.json {
        return out.json(&outcome);
    }
    out.line(&format!(
        "Destroyed the vault at {} ({} keyslot(s) and the signing key overwritten, files removed)",
        outcome.path.display(),
        outcome.keyslots_erased
    ))?;
    out.note("Backups and other copies of the vault are not affected.");
    Ok(())
}

/// `vault backup`
pub fn backup(dir: &Path, out: &Out, a: BackupArgs) -> Result<()> {
    let mut vault = Vault::open(dir)?;
    let outcome = backup::backup(&mut vault, &a.out)?;
    if out.json {
        return out.json(&outcome);
    }
    out.line(&format!(
        "Backup of {} ledger entries and {} attachments written to {} ({})",
        outcome.ledger_entries,
        outcome.attachments,
        outcome.path.display(),
        human_size(outcome.bytes)
    ))?;
    out.note("It is encrypted like the vault and opens with the vault's current passphrase or recovery code. Keep a receipt (`vault receipt`) elsewhere to tell later whether a backup is out of date.");
    Ok(())
}

/// `vault restore`
pub fn restore(dir: &Path, out: &Out, a: RestoreArgs) -> Result<()> {
    let outcome = backup::restore(&a.file, dir)?;
    if out.json {
        return out.json(&outcome);
    }
    out.line(&format!(
        "Restored vault {} at {} ({} ledger entries, {} attachments)",
        outcome.vault_id,
        outcome.path.display(),
        outcome.ledger_entries,
        outcome.attachments
    ))?;
    out.note("Check it is not older than your newest receipt: vault verify --receipt RECEIPT");
    Ok(())
}
