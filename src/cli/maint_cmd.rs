//! Maintenance commands: `keyslot list/add/remove`, `rekey`, `destroy`, `backup`, `restore`, and
//! the generated passphrase of `init --generate-passphrase`.

use std::io::IsTerminal;
use std::path::Path;

use vault::fl;
use vault::secret::Passphrase;
use vault::vault::backup::{self, Registry};
use vault::vault::{Unlocked, Vault};
use vault::{passwords, Result};
use zeroize::Zeroizing;

use super::args::{BackupArgs, DestroyArgs, KeyslotCommand, RekeyArgs, RestoreArgs};
use super::flags::refused;
use super::output::{human_size, Out};
use super::{passphrase, progress, terminal};

/// The generated passphrase for `init --generate-passphrase`; refuses a passphrase file too.
pub fn generate_passphrase(passphrase_file: Option<&Path>) -> Result<Passphrase> {
    if passphrase_file.is_some() {
        return Err(refused(fl!("cli-generate-passphrase-conflict")));
    }
    Ok(passwords::generate_passphrase())
}

/// Shows a generated passphrase once, on stderr (even with --quiet or --json).
pub fn show_generated_passphrase(p: &Passphrase) {
    // The secret itself never passes through the message catalogue (whose buffers are not
    // wiped): the sentences around it do.
    eprintln!(
        "\n{}\n",
        fl!("cli-generated-passphrase", n = passwords::GENERATED_WORDS)
    );
    eprintln!("    {}\n", p.expose());
    eprintln!("{}\n", fl!("cli-generated-passphrase-keep"));
}

/// Unlocks (through the hardware key when the vault has one); the passphrase typed, if any.
fn unlock(
    dir: &Path,
    pass_file: Option<&Path>,
    out: &Out,
) -> Result<(Unlocked, Option<Passphrase>)> {
    let (mut unlocked, pass) = super::hardware::unlock(|| Vault::open(dir), pass_file, out)?;
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
                &fl!("cli-keyslot-col-kind"),
                &fl!("cli-keyslot-col-kdf")
            ))?;
            for s in &slots {
                let kind = serde_json::to_value(s.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default();
                let kind = match kind.as_str() {
                    "passphrase" => fl!("cli-slot-passphrase"),
                    "recovery" => fl!("cli-slot-recovery"),
                    "plugin" => fl!("cli-slot-plugin"),
                    _ => terminal::inline(&kind).into_owned(),
                };
                // A plugin slot: no key derivation, the plugin's name instead.
                let kdf = match (&s.kdf, &s.plugin) {
                    (Some(kdf), _) => fl!(
                        "cli-keyslot-kdf",
                        mib = kdf.memory_mib,
                        it = kdf.iterations,
                        lanes = kdf.parallelism
                    ),
                    (None, Some(name)) => fl!(
                        "cli-keyslot-plugin",
                        plugin = terminal::inline(name).into_owned()
                    ),
                    (None, None) => "-".to_owned(),
                };
                // Keyslot rows are stored in the clear: an id can be planted text.
                out.line(&format!(
                    "{:<32}  {:<12}  {}",
                    terminal::inline(&s.id),
                    kind,
                    kdf
                ))?;
            }
            Ok(())
        }
        KeyslotCommand::Add {
            plugin: Some(recipient),
            plugin_identity,
            ..
        } => {
            let recipient = vault::crypto::plugin::parse_recipient(&recipient)?;
            let Some(identity_file) = plugin_identity else {
                return Err(refused(fl!("cli-plugin-identity-needed")));
            };
            let identity = super::hardware::read_identity(&identity_file, recipient.plugin())?;
            let (mut v, _) = unlock(dir, pass_file, out)?;
            let id =
                v.add_plugin_slot(&recipient, &identity, super::hardware::TerminalCallbacks)?;
            if out.json {
                return out.json(&serde_json::json!({
                    "slot": id,
                    "kind": "plugin",
                    "plugin": recipient.plugin(),
                }));
            }
            out.line(&terminal::inline(&id))?;
            out.note(&fl!(
                "cli-keyslot-added-plugin",
                plugin = terminal::inline(recipient.plugin()).into_owned()
            ));
            Ok(())
        }
        KeyslotCommand::Add { recovery: true, .. } => {
            let (mut v, _) = unlock(dir, pass_file, out)?;
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
            let line = Zeroizing::new(format!(
                "{}\n\n    {}\n",
                fl!("cli-recovery-code-shown"),
                shown.as_str()
            ));
            out.line(&line)?;
            out.warn(&fl!("cli-recovery-code-warn", id = slot.id));
            Ok(())
        }
        KeyslotCommand::Add {
            recovery: false,
            new_passphrase_file,
            ..
        } => {
            let (mut v, _) = unlock(dir, pass_file, out)?;
            let new = passphrase::new_checked(
                new_passphrase_file.as_deref(),
                &fl!("cli-additional-passphrase"),
                &fl!("cli-weak-hint-passwd"),
            )?;
            let id = v.add_passphrase_slot(&new)?;
            if out.json {
                return out.json(&serde_json::json!({ "slot": id, "kind": "passphrase" }));
            }
            out.line(&terminal::inline(&id))?;
            out.note(&fl!("cli-keyslot-added"));
            Ok(())
        }
        KeyslotCommand::Remove { id } => {
            let (mut v, _) = unlock(dir, pass_file, out)?;
            let removed = v.remove_keyslot(&id)?;
            if out.json {
                return out.json(&serde_json::json!({ "removed": removed }));
            }
            out.line(&terminal::inline(&removed))?;
            out.note(&fl!("cli-keyslot-removed"));
            Ok(())
        }
    }
}

/// `vault rekey`
pub fn rekey(dir: &Path, pass_file: Option<&Path>, out: &Out, a: RekeyArgs) -> Result<()> {
    let (mut v, pass) = unlock(dir, pass_file, out)?;
    // The old secret is typed again into the re-sealed slot: a hardware-key unlock has none.
    let Some(pass) = pass else {
        return Err(refused(fl!("cli-rekey-needs-passphrase")));
    };
    let new = match (&a.new_passphrase_file, a.new_passphrase) {
        (Some(f), _) => Some(passphrase::from_file(f)?),
        (None, true) => Some(passphrase::new_checked(
            None,
            &fl!("cli-new-passphrase"),
            &fl!("cli-weak-hint-passwd"),
        )?),
        (None, false) => None,
    };
    let bar = progress::items(1000, &fl!("cli-reencrypting"), out.quiet);
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
    out.line(&fl!(
        "cli-rekeyed",
        records = outcome.records,
        attachments = outcome.attachments,
        exports = outcome.exports,
        recipient = outcome.master_recipient
    ))?;
    if !outcome.removed_slots.is_empty() {
        out.warn(&fl!(
            "cli-rekey-removed-slots",
            n = outcome.removed_slots.len(),
            ids = terminal::inline(&outcome.removed_slots.join(", ")).into_owned()
        ));
    }
    out.note(&fl!("cli-rekey-note"));
    if new.is_none() {
        out.note(&fl!("cli-rekey-passphrase-note"));
    }
    Ok(())
}

fn digits(s: &str) -> String {
    s.chars().filter(|c| c.is_ascii_digit()).collect()
}

/// `vault destroy`
pub fn destroy(dir: &Path, pass_file: Option<&Path>, out: &Out, a: DestroyArgs) -> Result<()> {
    let vault = Vault::open(dir)?;
    let fingerprint = vault.fingerprint();
    drop(vault);
    // The warning of SECURITY.md ("Destroying the vault, and the law"), at the moment it
    // matters, whatever the flags.
    eprintln!("{}\n", fl!("cli-destroy-legal"));
    if !a.yes {
        if !std::io::stdin().is_terminal() {
            return Err(refused(fl!("cli-destroy-needs-confirm")));
        }
        eprintln!(
            "{}",
            fl!(
                "cli-destroy-prompt",
                path = dir.display().to_string(),
                fp = fingerprint.as_str()
            )
        );
        let mut line = String::new();
        super::output::read_answer(&mut line)?;
        if digits(&line) != digits(&fingerprint) {
            return Err(refused(fl!("cli-destroy-mismatch")));
        }
    }
    // Only the owner erases: the passphrase or a recovery code must open the vault first (a
    // wrong one erases nothing). Read-only: nothing is signed or changed by this check.
    eprintln!("{}", fl!("cli-destroy-pass-note"));
    passphrase::unlock_with(pass_file, |pass| {
        let vault = Vault::open(dir)?;
        super::timing::unlocking(|| vault.unlock(pass, true))
    })?;
    let outcome = Vault::open(dir)?.destroy()?;
    if out.json {
        return out.json(&outcome);
    }
    out.line(&fl!(
        "cli-destroyed",
        path = outcome.path.display().to_string(),
        n = outcome.keyslots_erased
    ))?;
    out.note(&fl!("cli-destroy-note"));
    Ok(())
}

/// Names the staging folders of killed runs that this run removed, or found out of reach.
fn leftover_notes(
    out: &Out,
    removed: &[std::path::PathBuf],
    unreachable: &[std::path::PathBuf],
    restore: bool,
) {
    for (paths, gone) in [(removed, true), (unreachable, false)] {
        for path in paths {
            let path = super::terminal::inline(&path.to_string_lossy()).into_owned();
            out.note(&match (restore, gone) {
                (false, true) => fl!("cli-leftover-backup-removed", path = path),
                (false, false) => fl!("cli-leftover-backup-unreachable", path = path),
                (true, true) => fl!("cli-leftover-restore-removed", path = path),
                (true, false) => fl!("cli-leftover-restore-unreachable", path = path),
            });
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
        false,
    );
    if out.json {
        return out.json(&outcome);
    }
    out.line(&fl!(
        "cli-backup-written",
        entries = outcome.ledger_entries,
        attachments = outcome.attachments,
        path = outcome.path.display().to_string(),
        size = human_size(outcome.bytes)
    ))?;
    out.note(&fl!("cli-backup-note"));
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
        return Err(refused(fl!(
            "cli-not-a-backup",
            path = terminal::inline(&a.file.display().to_string()).into_owned()
        )));
    }
    let registry = super::user_state_dir().map(|d| Registry::in_dir(&d));
    let outcome = backup::restore(&a.file, dir, registry.as_ref())?;
    leftover_notes(
        out,
        &outcome.leftovers_removed,
        &outcome.leftovers_unreachable,
        true,
    );
    repin_restored(&outcome.path, out);
    if out.json {
        return out.json(&outcome);
    }
    out.line(&fl!(
        "cli-restored",
        id = terminal::inline(&outcome.vault_id).into_owned(),
        path = outcome.path.display().to_string(),
        entries = outcome.ledger_entries,
        attachments = outcome.attachments
    ))?;
    out.note(&fl!("cli-restore-note"));
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
