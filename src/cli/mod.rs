//! The command-line layer: parses arguments, gets passphrases, calls the library, prints.
//! No SQL, no cryptography, no file formats here.

mod anchor_cmd;
mod args;
mod commands;
mod custody_cmd;
mod exhibit_cmd;
mod export_cmd;
mod find_cmd;
mod flags;
mod guided;
mod hardware;
mod help;
mod i18n;
mod maint_cmd;
mod output;
mod passphrase;
mod progress;
mod report_cmd;
mod terminal;
mod timing;
mod verify_cmd;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

pub use args::Cli;

/// Restrictive umask (0077) and, on Linux, no core dumps and a non-dumpable process, so secrets
/// in memory cannot end up in a crash file or be read by ptrace from a same-user process.
pub fn harden_process() {
    use rustix::fs::Mode;
    rustix::process::umask(Mode::from_raw_mode(0o077));
    let _ = rustix::process::setrlimit(
        rustix::process::Resource::Core,
        rustix::process::Rlimit {
            current: Some(0),
            maximum: Some(0),
        },
    );
    #[cfg(target_os = "linux")]
    let _ = rustix::process::set_dumpable_behavior(rustix::process::DumpableBehavior::NotDumpable);
}

/// Runs the command line and returns the process exit code (docs/cli.md).
pub fn run() -> ExitCode {
    timing::start();
    let code = run_command();
    timing::report();
    code
}

fn run_command() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = i18n::detect(&args);
    i18n::set(lang);
    let parse = |cmd: clap::Command| {
        cmd.try_get_matches_from(&args)
            .and_then(|m| Cli::from_arg_matches(&m))
    };
    // Parsing needs no help texts; help, the version and mistakes are printed from a command
    // with every text from the catalogue, in the chosen language.
    let cli = match parse(Cli::command()).or_else(|_| parse(help::localize(Cli::command()))) {
        Ok(c) => c,
        Err(e) => return clap_exit(e, lang),
    };
    match commands::dispatch(cli) {
        Ok(code) => ExitCode::from(code),
        // A reader that stopped early (`vault list | head`) is not an error.
        Err(vault::Error::Io(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let e = commands::explain_missing(e);
            // Library details may quote planted text (a record field, a member name of a
            // backup, a keyslot id): the whole line is shown terminal-safe.
            eprintln!(
                "vault: {}: {}",
                &vault::fl!("cli-error-prefix"),
                terminal::inline(&i18n::localized(&e, lang))
            );
            ExitCode::from(e.exit_code().clamp(1, 255) as u8)
        }
    }
}

/// Prints help, the version or a command-line error (in the chosen language) and gives the exit
/// code: 0 for help and version, 2 for errors.
fn clap_exit(e: clap::Error, lang: i18n::Lang) -> ExitCode {
    use clap::error::ErrorKind;
    use std::io::{IsTerminal, Write};
    let code = ExitCode::from(if e.use_stderr() { 2 } else { 0 });
    if lang == i18n::Lang::En {
        let _ = e.print();
        return code;
    }
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let colour = std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            let styled = e.render();
            let text = if colour {
                styled.ansi().to_string()
            } else {
                styled.to_string()
            };
            let _ = std::io::stdout().write_all(help::clap_text(&text).as_bytes());
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            eprint!("{}", help::clap_text(&e.render().to_string()));
        }
        _ => eprint!("{}", help::clap_error(&e)),
    }
    code
}

/// The per-user folder for files that must live outside any vault folder (the pins of known
/// vaults, counsel's trusted fingerprints): `VAULT_STATE_DIR` when set, else the platform's
/// state folder (`$XDG_STATE_HOME/vault`, `~/.local/state/vault`), else its local data folder.
pub(crate) fn user_state_dir() -> Option<std::path::PathBuf> {
    if let Some(dir) = std::env::var_os("VAULT_STATE_DIR").filter(|d| !d.is_empty()) {
        return Some(dir.into());
    }
    dirs::state_dir()
        .or_else(dirs::data_local_dir)
        .map(|d| d.join("vault"))
}
