//! Hardware keys (age plugins, docs/cli.md "Hardware keys"): the terminal side of the plugin
//! protocol (what the plugin says, its questions: a PIN, "touch your key") and the unlock that
//! tries the hardware key first when the vault has one.

use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;

use age::secrecy::SecretString;
use vault::fl;
use vault::secret::Passphrase;
use vault::vault::{Unlocked, Vault};
use vault::{Error, Result};

use super::output::Out;
use super::{passphrase, terminal};

/// Longest plugin identity file read (`age-plugin-yubikey --identity` writes a few lines).
const IDENTITY_FILE_MAX: u64 = 64 << 10;

/// Longest answer read for a plugin's public question.
const ANSWER_MAX: u64 = 4096;

/// The plugin's messages and questions, on the terminal. Without one, questions get no
/// answer (the plugin then fails with its own words) and a line says why.
#[derive(Clone, Copy)]
pub struct TerminalCallbacks;

fn no_terminal(question: &str) {
    eprintln!(
        "{}",
        fl!(
            "cli-plugin-no-terminal",
            question = terminal::inline(question).into_owned()
        )
    );
}

impl age::Callbacks for TerminalCallbacks {
    fn display_message(&self, message: &str) {
        // The plugin's own words: escaped, always shown (they say "touch your key").
        eprintln!("{}", terminal::inline(message));
    }

    fn confirm(&self, message: &str, yes_string: &str, no_string: Option<&str>) -> Option<bool> {
        if !std::io::stdin().is_terminal() {
            no_terminal(message);
            return None;
        }
        let yes = terminal::inline(yes_string).into_owned();
        let choices = match no_string {
            Some(no) => format!("[{yes}/{}]", terminal::inline(no)),
            None => format!("[{yes}]"),
        };
        eprint!("{} {choices} ", terminal::inline(message));
        let _ = std::io::stderr().flush();
        let answer = read_answer()?;
        Some(match no_string {
            Some(_) => answer.trim().eq_ignore_ascii_case(yes_string.trim()),
            None => true,
        })
    }

    fn request_public_string(&self, description: &str) -> Option<String> {
        if !std::io::stdin().is_terminal() {
            no_terminal(description);
            return None;
        }
        eprint!("{} ", terminal::inline(description));
        let _ = std::io::stderr().flush();
        read_answer().map(|a| a.trim_end_matches(['\r', '\n']).to_owned())
    }

    fn request_passphrase(&self, description: &str) -> Option<SecretString> {
        if !passphrase::can_prompt() {
            no_terminal(description);
            return None;
        }
        rpassword::prompt_password(format!("{} ", terminal::inline(description)))
            .ok()
            .map(SecretString::from)
    }
}

/// One line from standard input, bounded.
fn read_answer() -> Option<String> {
    use std::io::Read;
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .take(ANSWER_MAX)
        .read_line(&mut line)
        .ok()?;
    Some(line)
}

/// The plugin identity in FILE, of the plugin `plugin`.
pub fn read_identity(path: &Path, plugin: &str) -> Result<age::plugin::Identity> {
    let text = vault::input::read_text_bounded(path, IDENTITY_FILE_MAX)?;
    vault::crypto::plugin::identity_in_file_text(&text)
        .filter(|i| i.plugin() == plugin)
        .ok_or_else(|| {
            vault::error::Custody::PluginIdentity {
                path: path.to_path_buf(),
                plugin: plugin.to_owned(),
            }
            .into()
        })
}

/// Errors after which a passphrase may still open the vault.
fn hardware_failed(e: &Error) -> bool {
    use vault::error::Custody;
    matches!(
        e,
        Error::Custody(
            Custody::PluginMissing { .. }
                | Custody::PluginFailed { .. }
                | Custody::PluginNoMatch { .. }
        ) | Error::TamperedKeyslot { .. }
    )
}

/// Unlocks (signing a checkpoint): through the hardware key when the vault has a plugin slot
/// and no passphrase file was given; when that fails and a person is here to type one, with
/// a passphrase or recovery code instead (when the vault has any). Returns the passphrase
/// typed, if one was.
pub fn unlock(
    open: impl Fn() -> Result<Vault>,
    pass_file: Option<&Path>,
    out: &Out,
) -> Result<(Unlocked, Option<Passphrase>)> {
    let mut vault = open()?;
    if pass_file.is_none() {
        let slots = vault.keyslots()?;
        let plugin = slots
            .iter()
            .any(|s| s.kind == vault::crypto::keyslot::SlotKind::Plugin);
        let typed = slots
            .iter()
            .any(|s| s.kind != vault::crypto::keyslot::SlotKind::Plugin);
        // No slot at all (travel mode, or a damaged vault): the library says why, with nothing
        // asked first.
        if plugin || slots.is_empty() {
            match super::timing::unlocking(|| vault.unlock_with_plugin(TerminalCallbacks, false)) {
                Ok(unlocked) => return Ok((unlocked, None)),
                Err(e) if typed && hardware_failed(&e) && passphrase::can_prompt() => {
                    // It may carry the plugin's own words: shown terminal-safe.
                    out.warn(&terminal::inline(&e.to_string()));
                    out.note(&fl!("cli-plugin-fallback"));
                    vault = open()?;
                }
                Err(e) => return Err(e),
            }
        }
    }
    drop(vault);
    // A wrong passphrase is asked again on a terminal (passphrase::TRIES).
    let (unlocked, pass) = passphrase::unlock_with(pass_file, |pass| {
        let vault = open()?;
        super::timing::unlocking(|| vault.unlock(pass, false))
    })?;
    Ok((unlocked, Some(pass)))
}
