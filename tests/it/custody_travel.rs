//! Travel mode (`vault travel start/end`): the keyslots leave the device, encrypted to the escrow
//! holder's key; nothing unlocks with any passphrase or recovery code; `add` and `attach` keep
//! working; the database and its write-ahead log keep no byte of the keyslots; `travel end`
//! brings them back, and what was logged meanwhile is signed at the first unlock.

use crate::common;
use common::{assert_success, stderr, stdout, TestVault};

use std::io::Read;
use std::path::Path;
use std::process::{Output, Stdio};
use std::str::FromStr;
use std::time::Instant;

/// Every keyslot's salt and wrapped key as stored.
fn slot_bytes(v: &TestVault) -> Vec<Vec<u8>> {
    let db = rusqlite::Connection::open(v.db()).expect("open");
    let mut stmt = db
        .prepare("SELECT salt, wrapped FROM keyslots")
        .expect("prepare");
    let rows: Vec<(Vec<u8>, Vec<u8>)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("query")
        .map(|r| r.expect("row"))
        .collect();
    rows.into_iter().flat_map(|(s, w)| [s, w]).collect()
}

fn with_pass(v: &TestVault, pass: &Path, args: &[&str]) -> Output {
    v.cmd_locked()
        .arg("--passphrase-file")
        .arg(pass)
        .args(args)
        .output()
        .expect("run")
}

fn info(v: &TestVault) -> serde_json::Value {
    let out = v
        .cmd_locked()
        .args(["--json", "info"])
        .output()
        .expect("run");
    assert_success(&out, &["info"]);
    serde_json::from_slice(&out.stdout).expect("json")
}

/// Decrypts an escrow file with an age identity file; `None` if it does not open completely.
fn open_escrow(file: &Path, key: &Path) -> Option<serde_json::Value> {
    let text = std::fs::read_to_string(key).ok()?;
    let line = text.lines().find(|l| l.starts_with("AGE-SECRET-KEY-"))?;
    let identity = age::x25519::Identity::from_str(line).ok()?;
    let bytes = std::fs::read(file).ok()?;
    let decryptor = age::Decryptor::new(&bytes[..]).ok()?;
    let mut reader = decryptor
        .decrypt(std::iter::once(&identity as &dyn age::Identity))
        .ok()?;
    let mut plain = Vec::new();
    reader.read_to_end(&mut plain).ok()?;
    serde_json::from_slice(&plain).ok()
}

#[test]
fn travel_mode_removes_every_keyslot_and_travel_end_brings_them_back() {
    let v = TestVault::new();
    v.add_simple("before travelling");
    let out = v.json(&["keyslot", "add", "--recovery"]);
    let code = out["recovery_code"].as_str().expect("code").to_owned();
    let code_file = v.path("code.txt");
    std::fs::write(&code_file, format!("{code}\n")).expect("write");
    let material = slot_bytes(&v);
    assert_eq!(material.len(), 4, "two slots: salt and wrapped key each");
    let (counsel_key, counsel) = v.counsel_key("counsel.key");
    let escrow = v.path("escrow.age");

    let started = v.json(&[
        "travel",
        "start",
        "--escrow-to",
        &counsel,
        "--out",
        escrow.to_str().expect("p"),
    ]);
    assert_eq!(started["keyslots"], 2, "{started}");
    let opened = open_escrow(&escrow, &counsel_key).expect("a complete escrow file");
    assert_eq!(opened["keyslots"].as_array().map(Vec::len), Some(2));

    // No byte of any keyslot is left in the database or its write-ahead log.
    for name in ["vault.db", "vault.db-wal"] {
        let bytes = std::fs::read(v.dir.join(name)).unwrap_or_default();
        for m in &material {
            let needle = &m[m.len() / 2 - 8..m.len() / 2 + 8];
            assert!(
                !bytes.windows(needle.len()).any(|w| w == needle),
                "keyslot bytes survived in {name}"
            );
        }
    }
    let db = rusqlite::Connection::open(v.db()).expect("open");
    let n: i64 = db
        .query_row("SELECT COUNT(*) FROM keyslots", [], |r| r.get(0))
        .expect("count");
    assert_eq!(n, 0);
    drop(db);

    // `info` says so plainly.
    let i = info(&v);
    assert_eq!(i["keyslots"], 0);
    assert!(i["travelling"]["since_leaf"].is_u64(), "{i}");
    assert!(i["kdf"].is_null());
    let plain = v.cmd_locked().arg("info").output().expect("run");
    assert_success(&plain, &["info"]);
    assert!(
        stdout(&plain).contains("travel mode is on"),
        "{}",
        stdout(&plain)
    );

    // Every unlocking command fails, for the passphrase and for the recovery code.
    let out_file = v.path("x.age");
    for pass in [&v.pass_file, &code_file] {
        for args in [
            vec!["list"],
            vec!["show", "0"],
            vec!["keyslot", "add", "--recovery"],
            vec![
                "export",
                "--to",
                &counsel,
                "--all",
                "--out",
                out_file.to_str().expect("p"),
            ],
            vec!["key", "export", "--out", out_file.to_str().expect("p")],
        ] {
            let out = with_pass(&v, pass, &args);
            assert_eq!(out.status.code(), Some(3), "{args:?}: {}", stderr(&out));
            assert!(
                stderr(&out).contains("travel mode is on"),
                "{}",
                stderr(&out)
            );
        }
    }
    assert!(!out_file.exists());

    // add and attach keep working; verify (no passphrase) passes.
    let id = v.add_simple("logged while travelling");
    let photo = v.path("note.txt");
    std::fs::write(&photo, b"a note").expect("write");
    let out = v
        .cmd_locked()
        .args(["attach", &id])
        .arg(&photo)
        .output()
        .expect("run");
    assert_success(&out, &["attach"]);
    let out = v.cmd_locked().arg("verify").output().expect("run");
    assert_success(&out, &["verify"]);

    // travel end: only the logged file, only with the escrow holder's key.
    let (other_key, other) = v.counsel_key("other.key");
    let out = v
        .cmd_locked()
        .args(["travel", "end", "--from"])
        .arg(&escrow)
        .arg("--identity")
        .arg(&other_key)
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("no identity given opens"),
        "{}",
        stderr(&out)
    );
    // An escrow file made elsewhere (another vault, to the same key) is not the logged one.
    let w = TestVault::new();
    let foreign = w.path("foreign.age");
    w.ok(&[
        "travel",
        "start",
        "--escrow-to",
        &other,
        "--out",
        foreign.to_str().expect("p"),
    ]);
    let out = v
        .cmd_locked()
        .args(["travel", "end", "--from"])
        .arg(&foreign)
        .arg("--identity")
        .arg(&other_key)
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("is not the escrow file"),
        "{}",
        stderr(&out)
    );

    let out = v
        .cmd_locked()
        .args(["--json", "travel", "end", "--from"])
        .arg(&escrow)
        .arg("--identity")
        .arg(&counsel_key)
        .output()
        .expect("run");
    assert_success(&out, &["travel end"]);
    assert!(info(&v)["travelling"].is_null());
    assert_eq!(info(&v)["keyslots"], 2);
    // A second end has nothing to bring back.
    let out = v
        .cmd_locked()
        .args(["travel", "end", "--from"])
        .arg(&escrow)
        .arg("--identity")
        .arg(&counsel_key)
        .output()
        .expect("run");
    assert!(stderr(&out).contains("travel mode is not on"));

    // The first unlock signs what was logged while travelling; both secrets open again.
    let out = v.cmd().args(["list"]).output().expect("run");
    assert_success(&out, &["list"]);
    assert!(stdout(&out).contains("logged while travelling"));
    assert!(
        stderr(&out).contains("logged while travelling"),
        "{}",
        stderr(&out)
    );
    let out = with_pass(&v, &code_file, &["list"]);
    assert_success(&out, &["list with the recovery code"]);
    let out = v.cmd().args(["verify", "--full"]).output().expect("run");
    assert_success(&out, &["verify --full"]);
    assert_eq!(info(&v)["unchecked_entries"], 0);
}

#[test]
fn travel_start_refuses_an_existing_file_and_a_second_start() {
    let v = TestVault::new();
    let (_, counsel) = v.counsel_key("counsel.key");
    let existing = v.path("exists.age");
    std::fs::write(&existing, b"keep me").expect("write");
    let out = v
        .cmd()
        .args(["travel", "start", "--escrow-to", &counsel, "--out"])
        .arg(&existing)
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert_eq!(std::fs::read(&existing).expect("read"), b"keep me");
    assert_eq!(info(&v)["keyslots"], 1);
    let escrow = v.path("escrow.age");
    v.ok(&[
        "travel",
        "start",
        "--escrow-to",
        &counsel,
        "--out",
        escrow.to_str().expect("p"),
    ]);
    // Travelling, nothing unlocks, so a second start fails like every unlocking command.
    let again = v.path("again.age");
    let out = v
        .cmd()
        .args(["travel", "start", "--escrow-to", &counsel, "--out"])
        .arg(&again)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(3));
    assert!(!again.exists());
}

/// `travel start` killed at stratified moments: afterwards the vault is either as before (the
/// passphrase opens it; an escrow file, if any, is complete) or travelling with a complete
/// escrow file that `travel end` accepts.
#[test]
fn killed_travel_start_leaves_the_old_state_or_a_complete_escrow_file() {
    let probe = TestVault::new();
    let (_, counsel) = probe.counsel_key("counsel.key");
    let start = Instant::now();
    probe.ok(&[
        "travel",
        "start",
        "--escrow-to",
        &counsel,
        "--out",
        probe.path("e.age").to_str().expect("p"),
    ]);
    let normal = start.elapsed();
    let kills = 8u32;
    let (mut before, mut after) = (0, 0);
    for i in 0..kills {
        let v = TestVault::new();
        v.add_simple("kept");
        let (key, counsel) = v.counsel_key("counsel.key");
        let escrow = v.path("escrow.age");
        let delay = normal.mul_f64(1.5 * f64::from(i) / f64::from(kills - 1));
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("vault"))
            .env("LANG", "C")
            .env("VAULT_STATE_DIR", v.state_dir())
            .env("TMPDIR", v.tmp.path())
            .arg("--vault")
            .arg(&v.dir)
            .arg("--passphrase-file")
            .arg(&v.pass_file)
            .args(["travel", "start", "--escrow-to", &counsel, "--out"])
            .arg(&escrow)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(delay);
        let _ = child.kill();
        let _ = child.wait();
        let travelling = !info(&v)["travelling"].is_null();
        if escrow.exists() {
            assert!(
                open_escrow(&escrow, &key).is_some(),
                "kill {i}: an incomplete escrow file"
            );
        }
        if travelling {
            after += 1;
            assert!(
                escrow.exists(),
                "kill {i}: travelling without an escrow file"
            );
            let out = v
                .cmd_locked()
                .args(["travel", "end", "--from"])
                .arg(&escrow)
                .arg("--identity")
                .arg(&key)
                .output()
                .expect("run");
            assert_success(&out, &["travel end"]);
        } else {
            before += 1;
        }
        let out = v.cmd().args(["list"]).output().expect("run");
        assert_success(&out, &["list after the kill"]);
        assert!(stdout(&out).contains("kept"));
        let out = v.cmd().args(["verify"]).output().expect("run");
        assert_success(&out, &["verify after the kill"]);
    }
    assert!(
        before > 0 && after > 0,
        "kills hit only one side: {before} before, {after} after"
    );
}

fn verify_kinds(v: &TestVault) -> Vec<String> {
    common::problem_kinds(&v.verify_report())
}

/// While the vault travels (no keyslot in it), someone who can write to the folder deletes the
/// travel mark: `travel end` must still bring the keyslots back (the ledger says the vault is
/// travelling), or the owner would be locked out. A mark planted in a vault that is not
/// travelling (so that `info` says travel mode is on) is reported by `verify`.
#[test]
fn a_deleted_or_planted_travel_mark_locks_no_one_out_and_is_reported() {
    let v = TestVault::new();
    v.add_simple("before travelling");
    let (counsel_key, counsel) = v.counsel_key("counsel.key");
    let escrow = v.path("escrow.age");
    v.json(&[
        "travel",
        "start",
        "--escrow-to",
        &counsel,
        "--out",
        escrow.to_str().expect("p"),
    ]);
    assert!(verify_kinds(&v).is_empty());
    let db = rusqlite::Connection::open(v.db()).expect("open");
    assert_eq!(
        db.execute("DELETE FROM meta WHERE key = 'travel'", [])
            .expect("delete"),
        1
    );
    drop(db);
    assert_eq!(verify_kinds(&v), ["travel"]);

    let out = v
        .cmd_locked()
        .args(["travel", "end", "--from"])
        .arg(&escrow)
        .arg("--identity")
        .arg(&counsel_key)
        .output()
        .expect("run");
    assert_success(&out, &["travel end"]);
    let listed = v.ok(&["list"]);
    assert!(listed.contains("before travelling"), "{listed}");
    assert!(verify_kinds(&v).is_empty());

    // A mark planted while not travelling.
    let db = rusqlite::Connection::open(v.db()).expect("open");
    db.execute("INSERT INTO meta(key, value) VALUES('travel', '3')", [])
        .expect("plant");
    drop(db);
    assert_eq!(verify_kinds(&v), ["travel"]);
}
