//! The `vault` command. Everything lives in the library and `cli`; this only sets up the process.

#![forbid(unsafe_code)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

mod cli;

// Listing and verifying build and drop hundreds of thousands of small strings; mimalloc does
// that markedly faster than the system allocator (docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::harden_process();
    cli::run()
}
