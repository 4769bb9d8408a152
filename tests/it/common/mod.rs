//! Shared helpers for the integration tests: a temporary vault driven through the real binary,
//! with cheap-but-allowed Argon2id parameters (the RFC 9106 floor) passed explicitly.

#![allow(clippy::unwrap_used, clippy::expect_used)]
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use tempfile::TempDir;

pub mod statement;

/// `init` with cheap-but-allowed Argon2id parameters (the RFC 9106 floor), passed explicitly;
/// the shipped defaults stay strong.
pub const INIT_CHEAP: [&str; 7] = [
    "init",
    "--kdf-memory-mib",
    "64",
    "--kdf-iterations",
    "3",
    "--kdf-parallelism",
    "4",
];

/// The test passphrase.
pub const PASSPHRASE: &str = "correct horse battery staple 4 tests";

/// A temporary vault and the files around it.
pub struct TestVault {
    pub tmp: TempDir,
    pub dir: PathBuf,
    pub pass_file: PathBuf,
}

impl TestVault {
    /// A fresh, initialised vault.
    pub fn new() -> Self {
        let v = Self::uninit();
        v.ok(&INIT_CHEAP);
        v
    }

    /// Paths only; no `init` yet.
    pub fn uninit() -> Self {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path().join("vault");
        let pass_file = tmp.path().join("pass.txt");
        std::fs::write(&pass_file, format!("{PASSPHRASE}\n")).expect("write pass");
        TestVault {
            tmp,
            dir,
            pass_file,
        }
    }

    /// A path inside the temporary directory (outside the vault).
    pub fn path(&self, name: &str) -> PathBuf {
        self.tmp.path().join(name)
    }

    /// The binary with `--vault` and `--passphrase-file` set, and a clean environment.
    pub fn cmd(&self) -> Command {
        self.cmd_at(&self.dir)
    }

    /// The binary with `--vault` only (no passphrase available).
    pub fn cmd_locked(&self) -> Command {
        self.cmd_locked_at(&self.dir)
    }

    /// [`TestVault::cmd`] pointed at another vault folder.
    pub fn cmd_at(&self, dir: &Path) -> Command {
        let mut c = self.cmd_locked_at(dir);
        c.arg("--passphrase-file").arg(&self.pass_file);
        c
    }

    /// [`TestVault::cmd_locked`] pointed at another vault folder: this test's clean
    /// environment (its own temporary and state folders), `--vault dir`, no passphrase.
    pub fn cmd_locked_at(&self, dir: &Path) -> Command {
        let mut c = Command::cargo_bin("vault").expect("binary");
        c.env_remove("VAULT_DIR")
            .env_remove("VAULT_PASSPHRASE_FILE")
            .env("NO_COLOR", "1")
            .env("LANG", "C")
            .env_remove("LC_ALL")
            .env("TMPDIR", self.tmp.path())
            .env("VAULT_STATE_DIR", self.state_dir())
            .arg("--vault")
            .arg(dir);
        c
    }

    /// Runs with the passphrase; asserts success; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).output().expect("run");
        assert_success(&out, args);
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Runs with the passphrase; asserts failure; returns the output.
    pub fn fails(&self, args: &[&str]) -> Output {
        let out = self.cmd().args(args).output().expect("run");
        assert!(
            !out.status.success(),
            "expected failure of {args:?}, got success:\n{}",
            String::from_utf8_lossy(&out.stdout)
        );
        out
    }

    /// Runs with the passphrase and `--json`; parses stdout.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        let out = self.ok(&all);
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}): {out}"))
    }

    /// Logs a simple incident and returns its id.
    pub fn add_simple(&self, what: &str) -> String {
        let v = self.json(&[
            "add",
            "--kind",
            "followed",
            "--when",
            "2026-11-20 14:30",
            "--what",
            what,
        ]);
        v["id"].as_str().expect("id").to_owned()
    }

    /// Counsel's `bundle verify --json BUNDLE --identity KEY EXTRA...` without the vault's
    /// passphrase: (exit code, report or Null, stderr).
    pub fn bundle_verify(
        &self,
        bundle: &Path,
        key: &Path,
        extra: &[&str],
    ) -> (i32, serde_json::Value, String) {
        let out = self
            .cmd_locked()
            .args(["--json", "bundle", "verify"])
            .arg(bundle)
            .arg("--identity")
            .arg(key)
            .args(extra)
            .output()
            .expect("run");
        let code = out.status.code().expect("exit code (not a signal)");
        let report = serde_json::from_str(&stdout(&out)).unwrap_or(serde_json::Value::Null);
        (code, report, stderr(&out))
    }

    /// The per-user state folder the binary is pointed at (`VAULT_STATE_DIR`): pins of known
    /// vaults and trusted fingerprints live there, outside the vault folder.
    pub fn state_dir(&self) -> PathBuf {
        self.tmp.path().join("state")
    }

    /// `vault keygen --out <tmp>/NAME` (no vault involved): counsel's age key file and its
    /// public recipient.
    /// [`TestVault::cmd`] as a plain `std::process::Command`, for tests that spawn the binary
    /// and act while it runs (swap a file mid-listing, time out a read that would block).
    pub fn std_cmd(&self) -> std::process::Command {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_vault"));
        c.env_remove("VAULT_DIR")
            .env_remove("VAULT_PASSPHRASE_FILE")
            .env("NO_COLOR", "1")
            .env("LANG", "C")
            .env_remove("LC_ALL")
            .env("TMPDIR", self.tmp.path())
            .env("VAULT_STATE_DIR", self.state_dir())
            .arg("--vault")
            .arg(&self.dir)
            .arg("--passphrase-file")
            .arg(&self.pass_file);
        c
    }

    pub fn counsel_key(&self, name: &str) -> (PathBuf, String) {
        let key = self.path(name);
        let out = self
            .cmd_locked()
            .args(["--json", "keygen", "--out"])
            .arg(&key)
            .output()
            .expect("run");
        assert_success(&out, &["keygen"]);
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("keygen --json");
        (key, v["recipient"].as_str().expect("recipient").to_owned())
    }

    /// `verify --json` without the passphrase: the whole report.
    pub fn verify_report(&self) -> serde_json::Value {
        let out = self
            .cmd_locked()
            .args(["--json", "verify"])
            .output()
            .expect("run");
        serde_json::from_str(&stdout(&out)).expect("verify --json")
    }

    /// The vault database path.
    pub fn db(&self) -> PathBuf {
        self.dir.join("vault.db")
    }
}

/// Asserts a process succeeded, printing its output if not.
pub fn assert_success(out: &Output, args: &[&str]) {
    assert!(
        out.status.success(),
        "{args:?} failed with {:?}\nstdout: {}\nstderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Every file under `dir`, recursively.
pub fn all_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(all_files(&p));
            } else {
                out.push(p);
            }
        }
    }
    out
}

/// The files under a vault directory that hold its state: all but SQLite's shared-memory index
/// (`vault.db-shm`, rebuilt from the log by any open) and an empty write-ahead log (which any
/// open may create; the log is kept between commands).
pub fn state_files(dir: &Path) -> Vec<PathBuf> {
    all_files(dir)
        .into_iter()
        .filter(|p| {
            let name = p.to_string_lossy();
            let empty_wal =
                name.ends_with("-wal") && std::fs::metadata(p).is_ok_and(|m| m.len() == 0);
            !(name.ends_with("-shm") || empty_wal)
        })
        .collect()
}

/// True when `needle` occurs in any file under `dir`.
pub fn any_file_contains(dir: &Path, needle: &[u8]) -> Option<PathBuf> {
    all_files(dir).into_iter().find(|p| {
        std::fs::read(p)
            .map(|bytes| bytes.windows(needle.len()).any(|w| w == needle))
            .unwrap_or(false)
    })
}

/// A process's standard output, as text.
pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The `kind` of each problem in a `verify --json` report, in order.
pub fn problem_kinds(report: &serde_json::Value) -> Vec<String> {
    report["report"]["problems"]
        .as_array()
        .unwrap_or_else(|| panic!("no problems list: {report}"))
        .iter()
        .map(|p| p["kind"].as_str().expect("kind").to_owned())
        .collect()
}

/// A process's standard error, as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Asserts the process failed with exactly one `vault: error:` line on stderr, the last one
/// (notes printed before it are allowed), and returns that line.
pub fn one_line_error(out: &Output) -> String {
    assert!(!out.status.success(), "expected a failure");
    let err = stderr(out);
    let errors: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("vault: error: "))
        .collect();
    assert_eq!(errors.len(), 1, "expected one error line, got: {err:?}");
    assert_eq!(err.lines().last(), Some(errors[0]), "{err:?}");
    errors[0].to_owned()
}
