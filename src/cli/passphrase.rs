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

/// How many passphrases a person may type at the terminal before the command gives up.
pub const TRIES: usize = 3;

/// Unlocks with the passphrase (or recovery code) from `file`, or asked on the terminal: there,
/// a wrong one (or an empty line) is asked again, up to [`TRIES`] times in all. `attempt` is
/// one unlock with one passphrase. Returns what it returned and the passphrase that worked.
/// Without a terminal there is one try, as a script expects.
pub fn unlock_with<T>(
    file: Option<&Path>,
    mut attempt: impl FnMut(&Passphrase) -> Result<T>,
) -> Result<(T, Passphrase)> {
    if file.is_some() || !can_prompt() {
        let pass = existing(file)?;
        return attempt(&pass).map(|t| (t, pass));
    }
    let mut tries = 0;
    loop {
        tries += 1;
        let result =
            prompt(&fl!("cli-pass-prompt")).and_then(|pass| attempt(&pass).map(|t| (t, pass)));
        match result {
            Err(Error::WrongPassphrase | Error::EmptyPassphrase) if tries < TRIES => {
                let left: usize = TRIES - tries;
                eprintln!("{}", fl!("cli-pass-wrong-again", left = left));
            }
            other => return other,
        }
    }
}

/// The passphrase to unlock with: from `file` if given, else asked on the terminal.
pub fn existing(file: Option<&Path>) -> Result<Passphrase> {
    match file {
        Some(f) => from_file(f),
        None if can_prompt() => prompt(&fl!("cli-pass-prompt")),
        None => Err(refused(fl!("cli-no-passphrase"))),
    }
}

/// A new passphrase for the vault: from `file` if given, else asked on the terminal, where its
/// strength is judged right after the first entry (a weak one is asked again, with the advice
/// and `hint`), then it is asked once more to confirm (two that differ start over). The strength
/// of a passphrase from a file is checked by the library, which refuses a weak one.
pub fn new_checked(file: Option<&Path>, label: &str, hint: &str) -> Result<Passphrase> {
    match file {
        Some(f) => from_file(f),
        None if can_prompt() => loop {
            let first = match prompt(&format!("{label}: ")) {
                Err(Error::EmptyPassphrase) => continue,
                other => other?,
            };
            match vault::passwords::check_strength(&first) {
                Ok(()) => eprintln!("{}", fl!("cli-pass-strong-enough")),
                Err(e @ Error::PassphraseTooWeak(_)) => {
                    eprintln!("  ! {e}");
                    eprintln!("{} {hint}", fl!("cli-pass-try-another"));
                    continue;
                }
                Err(e) => return Err(e),
            }
            let second = prompt(&fl!("cli-pass-again"))?;
            if first.expose() == second.expose() {
                return Ok(first);
            }
            eprintln!("  ! {}", fl!("cli-pass-differ-again"));
        },
        None => Err(refused(fl!("cli-no-passphrase"))),
    }
}

/// A weak passphrase refused by the library, with the next step that fits the command (`hint`)
/// on the same line.
pub fn weak_with_hint(e: Error, hint: &str) -> Error {
    match e {
        e @ Error::PassphraseTooWeak(_) => Error::WeakPassphrase(format!("{e} {hint}")),
        other => other,
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
