//! Getting passphrases: from a file (or /dev/fd/N) for scripts, or from the terminal without echo.
//! Never from a command-line argument.

use std::io::IsTerminal;
use std::path::Path;

use vault::fl;
use vault::secret::Passphrase;
use vault::{Error, Result};

use super::flags::refused;

/// Reads the first line of a passphrase file, and nothing past it: `/dev/zero` or a pipe that
/// never ends a line is refused after [`vault::input::PASSPHRASE_LINE_MAX`] bytes.
pub fn from_file(path: &Path) -> Result<Passphrase> {
    let mut line = vault::input::read_first_line(path, vault::input::PASSPHRASE_LINE_MAX)?;
    // `from_file_bytes` takes the bytes and wipes them; the emptied buffer is wiped on drop.
    let bytes = std::mem::take(&mut *line);
    Passphrase::from_file_bytes(bytes).map_err(|e| match e {
        Error::EmptyPassphrase => refused(fl!(
            "cli-pass-file-empty",
            path = path.display().to_string()
        )),
        other => other,
    })
}

/// True when we can ask a person.
pub fn can_prompt() -> bool {
    std::io::stdin().is_terminal() || std::io::stderr().is_terminal()
}

fn prompt(label: &str) -> Result<Passphrase> {
    let text = rpassword::prompt_password(label).map_err(|e| match e.kind() {
        std::io::ErrorKind::Interrupted | std::io::ErrorKind::UnexpectedEof => Error::Interrupted,
        _ => refused(fl!("cli-pass-read-failed", detail = e.to_string())),
    })?;
    let p = Passphrase::new(text);
    if p.is_empty() {
        return Err(Error::EmptyPassphrase);
    }
    Ok(p)
}

/// The passphrase to unlock with: from `file` if given, else asked on the terminal.
pub fn existing(file: Option<&Path>) -> Result<Passphrase> {
    match file {
        Some(f) => from_file(f),
        None if can_prompt() => prompt(&fl!("cli-pass-prompt")),
        None => Err(refused(fl!("cli-no-passphrase"))),
    }
}

/// A new passphrase: from `file` if given, else asked twice on the terminal.
pub fn new(file: Option<&Path>, label: &str) -> Result<Passphrase> {
    match file {
        Some(f) => from_file(f),
        None if can_prompt() => {
            let first = prompt(&format!("{label}: "))?;
            let second = prompt(&fl!("cli-pass-again"))?;
            if first.expose() != second.expose() {
                return Err(refused(fl!("cli-pass-differ")));
            }
            Ok(first)
        }
        None => Err(refused(fl!("cli-no-passphrase"))),
    }
}
