//! The command-line layer: parses arguments, gets passphrases, calls the library, prints.
//! No SQL, no cryptography, no file formats here.

mod args;
mod commands;
mod export_cmd;
mod output;
mod passphrase;
mod progress;
mod verify_cmd;

use std::process::ExitCode;

use clap::Parser;

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
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match commands::dispatch(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("vault: error: {e}");
            ExitCode::from(e.exit_code().clamp(1, 255) as u8)
        }
    }
}
