//! Maintenance commands: `keyslot list/add/remove`, `rekey`, `destroy`, `backup`, `restore`, and
//! the generated passphrase of `init --generate-passphrase`.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use vault::secret::Passphrase;
use vault::vault::backup::{self, Registry};
use vault::vault::{Unlocked, Vault};
use vault::{passwords, Error, Result};
use zeroize::Zeroizing;

use super::i18n::{t, tf, Msg};
use super::output::{human_size, Out};
use super::{passphrase, progress, terminal};

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
        return Err(Error::Invalid(t(Msg::GeneratePassphraseConflict).into()));
    }
    Ok(passwords::generate_passphrase())
}

/// Shows a generated passphrase once, on stderr (even with --quiet or --json).
pub fn show_generated_passphrase(p: &Passphrase) {
    // Every formatted copy of a secret is wiped after printing.
    let shown = Zeroizing::new(tf!(
        Msg::GeneratedPassphrase,
        n = passwords::GENERATED_WORDS,
        passphrase = p.expose()
    ));
    eprintln!("{}", shown.as_str());
}

fn unlock(dir: &Path, pass_file: Option<&Path>) -> Result<(Unlocked, Passphrase)> {
    let vault = Vault::open(dir)?;
    let pass = passphrase::existing(pass_file)?;
    let mut unlocked = super::timing::unlocking(|| vault.unlock(&pass, false))?;
    unlocked.clean_leftovers()?;
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
            out.line(&format!(
                "{:<32}  {:<12}  {}",
                "ID",
                t(Msg::KeyslotColKind),
                t(Msg::KeyslotColKdf)
            ))?;
            for s in &slots {
                let kind = serde_json::to_value(s.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default();
                let kind = match kind.as_str() {
                    "passphrase" => t(Msg::SlotPassphrase).to_owned(),
                    "recovery" => t(Msg::SlotRecovery).to_owned(),
                    _ => terminal::inline(&kind).into_owned(),
                };
                // Keyslot rows are stored in the clear: an id can be planted text.
                out.line(&format!(
                    "{:<32}  {:<12}  {}",
                    terminal::inline(&s.id),
                    kind,
                    tf!(
                        Msg::KeyslotKdf,
                        mib = s.kdf.memory_mib,
                        it = s.kdf.iterations,
                        lanes = s.kdf.parallelism
                    )
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
                #[derive(serde::Serialize)]
                struct NewRecoverySlot<'a> {
                    slot: &'a str,
                    kind: &'static str,
                    recovery_code: &'a str,
                }
                return out.secret_json(&NewRecoverySlot {
                    slot: &slot.id,
                    kind: "recovery",
                    recovery_code: shown.as_str(),
                });
            }
            let line = Zeroizing::new(tf!(Msg::RecoveryCodeShown, code = shown.as_str()));
            out.line(&line)?;
            out.warn(&tf!(Msg::RecoveryCodeWarn, id = slot.id));
            Ok(())
        }
        KeyslotCommand::Add {
            recovery: false,
            new_passphrase_file,
        } => {
            let (mut v, _) = unlock(dir, pass_file)?;
            let new =
                passphrase::new(new_passphrase_file.as_deref(), t(Msg::AdditionalPassphrase))?;
            let id = v.add_passphrase_slot(&new)?;
            if out.json {
                return out.json(&serde_json::json!({ "slot": id, "kind": "passphrase" }));
            }
            out.line(&terminal::inline(&id))?;
            out.note(t(Msg::KeyslotAdded));
            Ok(())
        }
        KeyslotCommand::Remove { id } => {
            let (mut v, _) = unlock(dir, pass_file)?;
            let removed = v.remove_keyslot(&id)?;
            if out.json {
                return out.json(&serde_json::json!({ "removed": removed }));
            }
            out.line(&terminal::inline(&removed))?;
            out.note(t(Msg::KeyslotRemoved));
            Ok(())
        }
    }
}

/// `vault rekey`
pub fn rekey(dir: &Path, pass_file: Option<&Path>, out: &Out, a: RekeyArgs) -> Result<()> {
    let (mut v, pass) = unlock(dir, pass_file)?;
    let new = match (&a.new_passphrase_file, a.new_passphrase) {
        (Some(f), _) => Some(passphrase::from_file(f)?),
        (None, true) => Some(passphrase::new(None, t(Msg::NewPassphrase))?),
        (None, false) => None,
    };
    let bar = progress::items(1000, t(Msg::Reencrypting), out.quiet);
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
    out.line(&tf!(
        Msg::Rekeyed,
        records = outcome.records,
        attachments = outcome.attachments,
        exports = outcome.exports,
        recipient = outcome.master_recipient
    ))?;
    if !outcome.removed_slots.is_empty() {
        out.warn(&tf!(
            Msg::RekeyRemovedSlots,
            n = outcome.removed_slots.len(),
            ids = terminal::inline(&outcome.removed_slots.join(", "))
        ));
    }
    out.note(t(Msg::RekeyNote));
    if new.is_none() {
        out.note(t(Msg::RekeyPassphraseNote));
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
            return Err(Error::Invalid(t(Msg::DestroyNeedsConfirm).into()));
        }
        eprintln!(
            "{}",
            tf!(Msg::DestroyPrompt, path = dir.display(), fp = fingerprint)
        );
        let mut line = String::new();
        super::output::read_answer(&mut line)?;
        if digits(&line) != digits(&fingerprint) {
            return Err(Error::Invalid(t(Msg::DestroyMismatch).into()));
        }
    }
    let outcome = vault.destroy()?;
    if out.json {
        return out.json(&outcome);
    }
    out.line(&tf!(
        Msg::Destroyed,
        path = outcome.path.display(),
        n = outcome.keyslots_erased
    ))?;
    out.note(t(Msg::DestroyNote));
    Ok(())
}

/// Names the staging folders of killed runs that this run removed, or found out of reach.
fn leftover_notes(
    out: &Out,
    removed: &[std::path::PathBuf],
    unreachable: &[std::path::PathBuf],
    removed_msg: Msg,
    unreachable_msg: Msg,
) {
    for (paths, msg) in [(removed, removed_msg), (unreachable, unreachable_msg)] {
        for path in paths {
            out.note(&tf!(
                msg,
                path = super::terminal::inline(&path.to_string_lossy())
            ));
        }
    }
}

/// `vault backup`
pub fn backup(dir: &Path, out: &Out, a: BackupArgs) -> Result<()> {
    let mut vault = Vault::open(dir)?;
    let registry = super::user_state_dir().map(|d| Registry::in_dir(&d));
    let outcome = backup::backup(&mut vault, &a.out, registry.as_ref())?;
    leftover_notes(
        out,
        &outcome.leftovers_removed,
        &outcome.leftovers_unreachable,
        Msg::LeftoverBackupRemoved,
        Msg::LeftoverBackupUnreachable,
    );
    if out.json {
        return out.json(&outcome);
    }
    out.line(&tf!(
        Msg::BackupWritten,
        entries = outcome.ledger_entries,
        attachments = outcome.attachments,
        path = outcome.path.display(),
        size = human_size(outcome.bytes)
    ))?;
    out.note(t(Msg::BackupNote));
    Ok(())
}

/// True when `head` (the first 512 bytes of a file) is a POSIX tar header, as `vault backup`
/// writes: the `ustar` magic and a header checksum that adds up (both read by the `tar` crate).
fn looks_like_backup(head: &[u8]) -> bool {
    let Some(block) = head.get(..512) else {
        return false;
    };
    let header = tar::Header::from_byte_slice(block);
    if header.as_ustar().is_none() {
        return false;
    }
    let mut recomputed = header.clone();
    recomputed.set_cksum();
    header
        .cksum()
        .ok()
        .is_some_and(|stored| recomputed.cksum().ok() == Some(stored))
}

/// `vault restore`
pub fn restore(dir: &Path, out: &Out, a: RestoreArgs) -> Result<()> {
    // A wrong file (a photo, a text file, a bundle) is named as such from its first bytes, and
    // none of its contents is echoed (a tar reader would quote its first "member name").
    let head = vault::input::read_head(&a.file, 512)?;
    if !looks_like_backup(&head) {
        return Err(Error::Invalid(tf!(
            Msg::NotABackup,
            path = terminal::inline(&a.file.display().to_string())
        )));
    }
    let registry = super::user_state_dir().map(|d| Registry::in_dir(&d));
    let outcome = backup::restore(&a.file, dir, registry.as_ref())?;
    leftover_notes(
        out,
        &outcome.leftovers_removed,
        &outcome.leftovers_unreachable,
        Msg::LeftoverRestoreRemoved,
        Msg::LeftoverRestoreUnreachable,
    );
    repin_restored(&outcome.path, out);
    if out.json {
        return out.json(&outcome);
    }
    out.line(&tf!(
        Msg::Restored,
        id = terminal::inline(&outcome.vault_id),
        path = outcome.path.display(),
        entries = outcome.ledger_entries,
        attachments = outcome.attachments
    ))?;
    out.note(t(Msg::RestoreNote));
    Ok(())
}

/// A deliberate restore may put back an older copy, which this computer's pin would refuse as a
/// rollback at the next unlock: the restored vault is pinned as it is, but only when its signing
/// key and master recipient are the ones pinned (or none is): a backup of another vault under the
/// same id is a warning instead, and the pin stays.
fn repin_restored(path: &Path, out: &Out) {
    let Some(state) = super::user_state_dir() else {
        return;
    };
    let pinned =
        Vault::open(path).map(|v| v.with_pin_file(state.join(vault::vault::pin::PIN_FILE)));
    let done = pinned.and_then(|mut v| {
        v.check_pin()?;
        v.repin()
    });
    if let Err(e) = done {
        out.warn(&super::i18n::localized(&e, super::i18n::lang()));
    }
}
