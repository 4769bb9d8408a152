//! The bad-input matrix: a missing, read-only or full vault directory, a vault from a newer
//! format, broken passphrase files, non-UTF-8 arguments, times that do not parse and a huge field.
//! Every refusal must exit non-zero (never 101, a panic) with exactly one `vault: error:` line,
//! and leave the vault as it was.
//!
//! The read-only and full-disk cases need mounts (a read-only bind mount, a 2 MiB tmpfs); they run
//! as root where `mount` works and are skipped with a message otherwise.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::*;
use sha2::{Digest, Sha256};

/// Asserts a clean refusal and returns the error line.
fn refused(out: &Output, what: &str) -> String {
    let stderr = String::from_utf8_lossy(&out.stderr);
    let code = out.status.code();
    assert!(
        !out.status.success(),
        "{what}: expected a failure, got success"
    );
    assert!(
        code.is_some() && code != Some(101),
        "{what}: exit {code:?} (101 is a panic):\n{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{what}: panicked:\n{stderr}");
    let errors: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("vault: error:"))
        .collect();
    assert_eq!(
        errors.len(),
        1,
        "{what}: expected exactly one `vault: error:` line:\n{stderr}"
    );
    errors[0].to_owned()
}

fn hash_file(path: &Path) -> String {
    hex::encode(Sha256::digest(std::fs::read(path).expect("read file")))
}

/// SHA-256 of every file in the vault (name and content), so "unchanged" means byte for byte.
fn vault_digest(v: &TestVault) -> Vec<(PathBuf, String)> {
    let mut files: Vec<(PathBuf, String)> = state_files(&v.dir)
        .into_iter()
        .map(|p| (p.clone(), hash_file(&p)))
        .collect();
    files.sort();
    files
}

/// A vault with two incidents (one with an attachment) and every entry signed.
fn populated() -> (TestVault, String) {
    let v = TestVault::new();
    let id = v.add_simple("first incident");
    v.add_simple("second incident");
    let f = v.path("photo.bin");
    std::fs::write(&f, vec![7u8; 5000]).expect("write file");
    v.ok(&["attach", &id, f.to_str().expect("utf-8")]);
    v.ok(&["list"]);
    (v, id)
}

fn is_root() -> bool {
    rustix::process::geteuid().is_root()
}

/// A mount made for a test; unmounted (lazily if busy) when dropped, even on panic.
struct Mount(PathBuf);

impl Mount {
    fn run(args: &[&OsStr]) -> bool {
        Command::new("mount")
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .map(|s| s.success())
            .unwrap_or(false)
    }

    /// A tmpfs of `size` at `dir`, or None (with a message) when it cannot be made.
    fn tmpfs(dir: &Path, size: &str) -> Option<Mount> {
        std::fs::create_dir_all(dir).expect("mkdir");
        let opts = format!("size={size}");
        if !is_root()
            || !Mount::run(&[
                "-t".as_ref(),
                "tmpfs".as_ref(),
                "-o".as_ref(),
                opts.as_ref(),
                "tmpfs".as_ref(),
                dir.as_os_str(),
            ])
        {
            eprintln!("SKIPPED: cannot mount a tmpfs here (needs root and mount permission)");
            return None;
        }
        Some(Mount(dir.to_path_buf()))
    }

    /// `dir` bind-mounted read-only onto itself, or None (with a message).
    fn read_only(dir: &Path) -> Option<Mount> {
        if !is_root() || !Mount::run(&["--bind".as_ref(), dir.as_os_str(), dir.as_os_str()]) {
            eprintln!("SKIPPED: cannot bind-mount here (needs root and mount permission)");
            return None;
        }
        let m = Mount(dir.to_path_buf());
        if !Mount::run(&["-o".as_ref(), "remount,bind,ro".as_ref(), dir.as_os_str()]) {
            eprintln!("SKIPPED: cannot remount read-only here");
            return None;
        }
        Some(m)
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let ok = Command::new("umount")
            .arg(&self.0)
            .stderr(Stdio::null())
            .status()
            .map(|s| s.success())
            .unwrap_or(false);
        if !ok {
            let _ = Command::new("umount").arg("-l").arg(&self.0).status();
        }
    }
}

#[test]
fn missing_vault_directory_is_refused_with_exit_5() {
    let v = TestVault::uninit();
    for args in [
        vec!["info"],
        vec!["add", "--kind", "followed", "--when", "now", "--what", "x"],
        vec!["list"],
        vec!["verify", "--full"],
        vec!["show", "abcd"],
    ] {
        let out = v.fails(&args);
        let line = refused(&out, &format!("{args:?}"));
        assert_eq!(out.status.code(), Some(5), "{args:?}: {line}");
        assert!(line.contains("no vault"), "{args:?}: {line}");
        assert!(!v.dir.exists(), "{args:?} created the vault directory");
    }
    // A path that is not valid UTF-8 is reported too, not mangled into a panic.
    let odd = v.path("bad").join(OsStr::from_bytes(b"vault-\xff\xfe"));
    let out = Command::new(env!("CARGO_BIN_EXE_vault"))
        .env("LANG", "C")
        .arg("--vault")
        .arg(&odd)
        .arg("info")
        .output()
        .expect("run");
    refused(&out, "non-UTF-8 --vault");
    assert_eq!(out.status.code(), Some(5));
}

#[test]
fn read_only_vault_is_refused_cleanly_and_left_intact() {
    let (v, id) = populated();
    let before = vault_digest(&v);
    if !is_root() {
        // Without root, permissions apply: a read-only directory and database.
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&v.dir, std::fs::Permissions::from_mode(0o500)).expect("chmod");
        std::fs::set_permissions(v.db(), std::fs::Permissions::from_mode(0o400)).expect("chmod");
        check_read_only(&v, &id);
        std::fs::set_permissions(&v.dir, std::fs::Permissions::from_mode(0o700)).expect("chmod");
        std::fs::set_permissions(v.db(), std::fs::Permissions::from_mode(0o600)).expect("chmod");
    } else {
        // Root bypasses permission bits; a read-only bind mount is what stops it.
        let Some(mount) = Mount::read_only(&v.dir) else {
            return;
        };
        check_read_only(&v, &id);
        drop(mount);
    }
    assert_eq!(vault_digest(&v), before, "the read-only vault changed");
    assert_eq!(v.json(&["verify", "--full"])["ok"], true);
}

fn check_read_only(v: &TestVault, id: &str) {
    // Reading needs no write when every entry is signed: SQLite opens the vault read-only
    // (its write-ahead log files exist), so listing works and changes nothing.
    let listed = v.ok(&["list"]);
    assert!(listed.contains("first incident"), "{listed}");
    let file = v.path("photo.bin");
    for args in [
        vec!["add", "--kind", "followed", "--when", "now", "--what", "x"],
        vec!["attach", id, file.to_str().expect("utf-8")],
        vec!["amend", id, "--what", "changed"],
    ] {
        let out = v.fails(&args);
        let line = refused(&out, &format!("read-only {args:?}"));
        let lower = line.to_lowercase();
        assert!(
            lower.contains("not writable")
                || lower.contains("read-only")
                || lower.contains("denied"),
            "{args:?}: the error does not say the vault is read-only: {line}"
        );
    }
    // Reading may work or be refused, but cleanly.
    let out = v.cmd().args(["verify", "--full"]).output().expect("run");
    if !out.status.success() {
        refused(&out, "read-only verify");
    }
}

#[test]
fn full_disk_fails_cleanly_and_leaves_the_vault_intact() {
    let v = TestVault::uninit();
    let Some(_mount) = Mount::tmpfs(&v.path("disk"), "2m") else {
        return;
    };
    // The vault lives on the small file system; passphrase and sources stay outside it.
    let vault_dir = v.path("disk").join("vault");
    let run = |args: &[&OsStr]| -> Output {
        Command::new(env!("CARGO_BIN_EXE_vault"))
            .env("LANG", "C")
            .env("NO_COLOR", "1")
            .env("TMPDIR", v.tmp.path())
            .env("VAULT_STATE_DIR", v.state_dir())
            .arg("--vault")
            .arg(&vault_dir)
            .arg("--passphrase-file")
            .arg(&v.pass_file)
            .args(args)
            .output()
            .expect("run")
    };
    let os = |a: &[&str]| -> Vec<std::ffi::OsString> { a.iter().map(|s| s.into()).collect() };
    let ok = |args: &[&str]| -> String {
        let a = os(args);
        let out = run(&a.iter().map(|s| s.as_os_str()).collect::<Vec<_>>());
        assert_success(&out, args);
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    ok(&common::INIT_CHEAP);
    let id = ok(&[
        "add",
        "--kind",
        "followed",
        "--when",
        "now",
        "--what",
        "before the disk filled",
    ])
    .trim()
    .to_owned();
    let small = v.path("small.bin");
    std::fs::write(&small, vec![1u8; 20_000]).expect("write");
    ok(&["attach", &id, small.to_str().expect("utf-8")]);
    let listed = ok(&["--json", "list"]);

    // A file larger than the free space: the blob write fails part-way.
    let big = v.path("big.bin");
    std::fs::write(&big, vec![9u8; 3 << 20]).expect("write");
    let out = run(&[OsStr::new("attach"), OsStr::new(&id), big.as_os_str()]);
    let line = refused(&out, "attach larger than the free space");
    assert!(line.contains("No space left"), "{line}");
    let partials: Vec<PathBuf> = all_files(&vault_dir.join("blobs"))
        .into_iter()
        .filter(|p| p.to_string_lossy().ends_with(".partial"))
        .collect();
    assert!(partials.is_empty(), "a failed attach left {partials:?}");

    // Now fill the disk completely.
    let filler = v.path("disk").join("filler");
    {
        use std::io::Write;
        let mut f = std::fs::File::create(&filler).expect("create filler");
        let block = vec![0u8; 64 << 10];
        while f.write_all(&block).is_ok() {}
        let small_block = [0u8; 512];
        while f.write_all(&small_block).is_ok() {}
        let _ = f.sync_all();
    }
    let before = all_files(&vault_dir)
        .into_iter()
        .filter(|p| p.file_name() == Some(OsStr::new("vault.db")))
        .map(|p| hash_file(&p))
        .collect::<Vec<_>>();
    let mut succeeded: Vec<String> = Vec::new();
    for args in [
        os(&[
            "add",
            "--kind",
            "followed",
            "--when",
            "now",
            "--what",
            "on a full disk",
        ]),
        vec![
            "attach".into(),
            id.clone().into(),
            small.clone().into_os_string(),
        ],
        os(&["amend", &id, "--what", "amended on a full disk"]),
        os(&["list"]),
    ] {
        let a: Vec<&OsStr> = args.iter().map(|s| s.as_os_str()).collect();
        let out = run(&a);
        if out.status.success() {
            // A command that needs no new space may succeed: list, with nothing to sign, or a
            // small write that fits in the write-ahead log's existing pages (it is kept between
            // commands). Such a write is then really stored (checked below).
            succeeded.push(a[0].to_string_lossy().into_owned());
            continue;
        }
        let line = refused(&out, &format!("full disk {a:?}"));
        assert!(
            line.contains("full") || line.contains("No space left"),
            "full disk {a:?}: the error does not say the disk is full: {line}"
        );
    }
    assert!(
        !succeeded.iter().any(|c| c == "attach"),
        "an attach succeeded on a full disk"
    );
    if succeeded.iter().all(|c| c == "list") {
        let after: Vec<String> = vec![hash_file(&vault_dir.join("vault.db"))];
        assert_eq!(before, after, "vault.db changed on a full disk");
    }

    // Space again: everything that was there is there, and nothing else but what succeeded.
    std::fs::remove_file(&filler).expect("remove filler");
    let report: serde_json::Value =
        serde_json::from_str(&ok(&["--json", "verify", "--full"])).expect("json");
    assert_eq!(report["ok"], true, "{report}");
    let now = ok(&["--json", "list"]);
    if succeeded.iter().all(|c| c == "list") {
        assert_eq!(now, listed, "the records changed");
    } else {
        let before: serde_json::Value = serde_json::from_str(&listed).expect("json");
        for r in before.as_array().expect("list") {
            assert!(
                now.contains(r["id"].as_str().expect("id")),
                "a record was lost"
            );
        }
        if succeeded.iter().any(|c| c == "add") {
            assert!(
                now.contains("on a full disk"),
                "a successful add is missing"
            );
        }
        if succeeded.iter().any(|c| c == "amend") {
            assert!(
                now.contains("amended on a full disk"),
                "a successful amend is missing"
            );
        }
    }
}

#[test]
fn vault_from_a_newer_format_is_refused_with_exit_5() {
    let (v, id) = populated();
    {
        let c = rusqlite::Connection::open(v.db()).expect("open db");
        c.execute(
            "UPDATE meta SET value = '999' WHERE key = 'format_version'",
            [],
        )
        .expect("update");
    }
    let before = vault_digest(&v);
    for args in [
        vec!["info"],
        vec!["list"],
        vec!["show", id.as_str()],
        vec!["add", "--kind", "followed", "--when", "now", "--what", "x"],
        vec!["verify", "--full"],
        vec!["passwd", "--new-passphrase-file", "/dev/null"],
    ] {
        let out = v.fails(&args);
        let line = refused(&out, &format!("{args:?}"));
        assert_eq!(out.status.code(), Some(5), "{args:?}: {line}");
        assert!(
            line.contains("999") && line.contains("upgrade"),
            "{args:?}: {line}"
        );
    }
    assert_eq!(
        vault_digest(&v),
        before,
        "a refused command changed the vault"
    );
}

#[test]
fn passphrase_files_empty_missing_crlf_and_binary() {
    let (v, id) = populated();
    let before = vault_digest(&v);
    let with_pass = |file: &Path, args: &[&str]| -> Output {
        Command::new(env!("CARGO_BIN_EXE_vault"))
            .env("LANG", "C")
            .env("TMPDIR", v.tmp.path())
            .env("VAULT_STATE_DIR", v.state_dir())
            .env_remove("VAULT_PASSPHRASE_FILE")
            .arg("--vault")
            .arg(&v.dir)
            .arg("--passphrase-file")
            .arg(file)
            .args(args)
            .stdin(Stdio::null())
            .output()
            .expect("run")
    };
    let write = |name: &str, bytes: &[u8]| -> PathBuf {
        let p = v.path(name);
        std::fs::write(&p, bytes).expect("write");
        p
    };
    let cases: Vec<(&str, PathBuf, &str)> = vec![
        ("empty", write("empty.txt", b""), "empty"),
        ("only a newline", write("newline.txt", b"\n"), "empty"),
        ("only CRLF", write("crlf-only.txt", b"\r\n"), "empty"),
        ("missing", v.path("no-such-file.txt"), "no-such-file.txt"),
        (
            "not UTF-8",
            write("binary.txt", b"\xff\xfe\x00pass\n"),
            "UTF-8",
        ),
        ("a directory", v.tmp.path().to_path_buf(), ""),
    ];
    for (what, file, says) in &cases {
        for args in [
            vec!["list"],
            vec!["show", id.as_str()],
            vec!["verify", "--full"],
        ] {
            let out = with_pass(file, &args);
            let line = refused(&out, &format!("passphrase file {what}, {args:?}"));
            assert!(line.contains(says), "passphrase file {what}: {line}");
        }
    }
    assert_eq!(
        vault_digest(&v),
        before,
        "a refused unlock changed the vault"
    );

    // Windows line endings: the passphrase is the line without "\r\n".
    let crlf = write(
        "crlf.txt",
        format!("{PASSPHRASE}\r\nsecond line\r\n").as_bytes(),
    );
    let out = with_pass(&crlf, &["show", &id]);
    assert_success(&out, &["show (CRLF passphrase file)"]);
    // And a new passphrase given with CRLF is stored without the "\r".
    let new_crlf = write(
        "new-crlf.txt",
        b"a new passphrase with windows endings 42\r\n",
    );
    let out = with_pass(
        &crlf,
        &[
            "passwd",
            "--new-passphrase-file",
            new_crlf.to_str().expect("utf-8"),
        ],
    );
    assert_success(&out, &["passwd (CRLF)"]);
    let new_lf = write("new-lf.txt", b"a new passphrase with windows endings 42\n");
    let out = with_pass(&new_lf, &["verify", "--full"]);
    assert_success(&out, &["verify with the LF version of the new passphrase"]);
}

#[test]
fn non_utf8_arguments_are_refused_or_kept_exactly() {
    let (v, id) = populated();
    let before = vault_digest(&v);
    // Text fields are UTF-8 by definition: refused before anything is opened.
    for (flag, before_it) in [
        ("--what", ["--kind", "followed"]),
        ("--when", ["--kind", "followed"]),
        ("--where", ["--kind", "followed"]),
        ("--tag", ["--kind", "followed"]),
        ("--kind", ["--what", "x"]),
    ] {
        let out = v
            .cmd_locked()
            .arg("add")
            .args(before_it)
            .arg(flag)
            .arg(OsStr::from_bytes(b"caf\xe9 \xff"))
            .output()
            .expect("run");
        let code = out.status.code();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            code.is_some() && code != Some(0) && code != Some(101),
            "{flag}: {code:?}"
        );
        assert!(!stderr.contains("panicked"), "{flag}: {stderr}");
        assert!(stderr.contains("UTF-8"), "{flag}: {stderr}");
    }
    let out = v
        .cmd()
        .arg("show")
        .arg(OsStr::from_bytes(b"\xff\xfe"))
        .output()
        .expect("run");
    assert!(!out.status.success() && out.status.code() != Some(101));
    assert_eq!(
        vault_digest(&v),
        before,
        "a refused command changed the vault"
    );

    // File paths are bytes: a missing one is reported, an existing one is attached, and its
    // name survives exactly.
    let missing = v.path("x").join(OsStr::from_bytes(b"missing-\xff.jpg"));
    let out = v
        .cmd()
        .arg("attach")
        .arg(&id)
        .arg(&missing)
        .output()
        .expect("run");
    refused(&out, "attach of a missing non-UTF-8 path");
    assert_eq!(vault_digest(&v), before);

    let odd = v.tmp.path().join(OsStr::from_bytes(b"foto-\xe9t\xe9.bin"));
    std::fs::write(&odd, b"bytes of an oddly named file").expect("write");
    let out = v
        .cmd()
        .arg("attach")
        .arg(&id)
        .arg(&odd)
        .output()
        .expect("run");
    assert_success(&out, &["attach of a non-UTF-8 path"]);
    let shown = v.json(&["show", &id]);
    let atts = shown["attachments"].as_array().expect("attachments");
    assert_eq!(atts.len(), 2);
    assert_eq!(atts[1]["name"], "foto-\u{fffd}t\u{fffd}.bin");
    let back = v.path("back.bin");
    v.ok(&[
        "extract",
        &id,
        "--attachment",
        "2",
        "--out",
        back.to_str().expect("utf-8"),
    ]);
    assert_eq!(
        std::fs::read(&back).expect("read"),
        b"bytes of an oddly named file"
    );
    assert_eq!(v.json(&["verify", "--full"])["ok"], true);
}

#[test]
fn times_that_do_not_parse_list_the_accepted_forms() {
    let (v, id) = populated();
    let before = vault_digest(&v);
    for when in [
        "the day after never",
        "25:00",
        "2026-13-01",
        "2026-02-30 10:00",
        "yesterday at 3",
        "next tuesday",
        "",
        "   ",
        "between 4pm and 2pm",
    ] {
        let out = v.fails(&["add", "--kind", "followed", "--when", when, "--what", "x"]);
        let line = refused(&out, &format!("--when {when:?}"));
        assert_eq!(out.status.code(), Some(1), "{when:?}: {line}");
        assert!(
            line.contains("time") || line.contains(&format!("{when:?}")),
            "{when:?}: {line}"
        );
        let out = v.fails(&["amend", &id, "--when", when]);
        refused(&out, &format!("amend --when {when:?}"));
    }
    // The unparseable kind lists the accepted forms.
    let out = v.fails(&["add", "--kind", "followed", "--when", "the day after never"]);
    let line = refused(&out, "forms");
    for form in [
        "yesterday 3pm",
        "2026-11-20 14:30",
        "RFC 3339",
        "between 2pm and 4pm",
    ] {
        assert!(
            line.contains(form),
            "the error does not list {form:?}: {line}"
        );
    }
    assert_eq!(
        vault_digest(&v),
        before,
        "a refused command changed the vault"
    );
}

/// Peak resident memory of a child, sampled from /proc while it runs (VmHWM is a high-water
/// mark, so the last sample is the peak up to then).
fn run_measuring_memory(mut cmd: Command) -> (Output, u64) {
    let child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let status_path = format!("/proc/{}/status", child.id());
    let (tx, rx) = std::sync::mpsc::channel();
    let sampler = std::thread::spawn(move || {
        let mut peak = 0u64;
        while rx.recv_timeout(Duration::from_millis(20)).is_err() {
            if let Ok(s) = std::fs::read_to_string(&status_path) {
                if let Some(kb) = s
                    .lines()
                    .find(|l| l.starts_with("VmHWM:"))
                    .and_then(|l| l.split_whitespace().nth(1))
                    .and_then(|n| n.parse::<u64>().ok())
                {
                    peak = peak.max(kb * 1024);
                }
            }
        }
        peak
    });
    let out = child.wait_with_output().expect("wait");
    let _ = tx.send(());
    (out, sampler.join().expect("sampler"))
}

/// A huge narrative given with `--from-json`. Fields have no size limit (only the JSON document,
/// at 256 MiB), so it must be stored and come back exactly, with memory a small multiple of its
/// size. 8 MiB by default, because the
/// debug build needs about 1 s per MiB for add and show together (a release build does 100 MB
/// in about 12 s at 560 MiB peak); `VAULT_BIG_FIELD_MB=100` runs the full 100 MB case.
#[test]
fn a_huge_field_round_trips_exactly_with_bounded_memory() {
    let mb: usize = std::env::var("VAULT_BIG_FIELD_MB")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(8);
    let (v, _) = populated();
    let size = mb << 20;
    // Text with some structure (no private-span markers, a few characters JSON must escape).
    let unit = "Agents followed me \"again\" past the\tclinic; ñandú — 記録. ";
    let mut narrative = String::with_capacity(size + unit.len());
    while narrative.len() < size {
        narrative.push_str(unit);
    }
    let doc = serde_json::json!({
        "kind": "followed",
        "occurred_at": "2026-11-20",
        "narrative": narrative,
        "tags": ["big"],
    });
    let json_file = v.path("big.json");
    std::fs::write(&json_file, serde_json::to_vec(&doc).expect("json")).expect("write");

    let start = Instant::now();
    let mut add = Command::new(env!("CARGO_BIN_EXE_vault"));
    add.env("LANG", "C")
        .arg("--vault")
        .arg(&v.dir)
        .args(["--json", "add", "--from-json"])
        .arg(&json_file);
    let (out, peak) = run_measuring_memory(add);
    assert_success(&out, &["add --from-json (huge)"]);
    let id = serde_json::from_slice::<serde_json::Value>(&out.stdout).expect("json")["id"]
        .as_str()
        .expect("id")
        .to_owned();
    eprintln!(
        "{mb} MiB field: add took {:?}, peak memory {} MiB",
        start.elapsed(),
        peak >> 20
    );
    let limit = (12 * size as u64).max(64 << 20) + (64 << 20);
    assert!(
        peak < limit,
        "add of a {mb} MiB field peaked at {} MiB",
        peak >> 20
    );

    let start = Instant::now();
    let mut show = Command::new(env!("CARGO_BIN_EXE_vault"));
    show.env("LANG", "C")
        .arg("--vault")
        .arg(&v.dir)
        .arg("--passphrase-file")
        .arg(&v.pass_file)
        .args(["--json", "show", &id]);
    let (out, peak) = run_measuring_memory(show);
    assert_success(&out, &["show (huge)"]);
    eprintln!(
        "{mb} MiB field: show took {:?}, peak memory {} MiB",
        start.elapsed(),
        peak >> 20
    );
    // Argon2id alone takes 64 MiB.
    assert!(
        peak < limit + (64 << 20),
        "show peaked at {} MiB",
        peak >> 20
    );
    let shown: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(
        shown["narrative"].as_str() == Some(narrative.as_str()),
        "the narrative did not come back exactly"
    );
    assert_eq!(shown["tags"], serde_json::json!(["big"]));
}

/// `add --from-json -` fed an endless stream that is valid JSON so far (spaces): read as it is
/// parsed, never buffered whole, and refused at the 256 MiB limit with one clear line. Nothing
/// is stored.
#[test]
fn endless_from_json_on_standard_input_is_refused_at_its_limit() {
    use std::io::Write;
    let v = TestVault::new();
    v.add_simple("kept");
    let mut child = Command::new(env!("CARGO_BIN_EXE_vault"))
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env("VAULT_STATE_DIR", v.state_dir())
        .arg("--vault")
        .arg(&v.dir)
        .args(["add", "--from-json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdin = child.stdin.take().expect("stdin");
    let feeder = std::thread::spawn(move || {
        let spaces = vec![b' '; 1 << 16];
        let mut sent: u64 = 0;
        // Stops when the reader gives up (broken pipe), or after 1 GiB as a safety net.
        while sent < (1 << 30) && stdin.write_all(&spaces).is_ok() {
            sent += spaces.len() as u64;
        }
        sent
    });
    let (out, peak) = {
        let pid = child.id();
        let mut peak = 0u64;
        // Peak resident memory of the reader while it runs.
        let status_file = format!("/proc/{pid}/status");
        let out = loop {
            if let Ok(Some(_)) = child.try_wait() {
                break child.wait_with_output().expect("wait");
            }
            if let Ok(status) = std::fs::read_to_string(&status_file) {
                for line in status.lines() {
                    if let Some(kb) = line.strip_prefix("VmHWM:") {
                        let kb: u64 = kb
                            .trim()
                            .trim_end_matches(" kB")
                            .trim()
                            .parse()
                            .unwrap_or(0);
                        peak = peak.max(kb << 10);
                    }
                }
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        (out, peak)
    };
    let sent = feeder.join().expect("feeder");
    assert!(!out.status.success(), "an endless input was accepted");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("standard input is too large for this input (more than 256 MiB)"),
        "{err}"
    );
    assert!(sent < (1 << 30), "the reader did not stop at its limit");
    assert!(
        peak < 128 << 20,
        "the stream was buffered: peak {} MiB",
        peak >> 20
    );
    let listed: serde_json::Value = serde_json::from_str(&v.ok(&["--json", "list"])).expect("json");
    assert_eq!(
        listed.as_array().map(Vec::len),
        Some(1),
        "nothing was stored"
    );
}
