//! The `vault` command. Everything lives in the library and `cli`; this only sets up the process.

mod cli;

fn main() -> std::process::ExitCode {
    cli::harden_process();
    cli::run()
}
