//! The database and the blob folder against someone who can write to the vault folder (no
//! passphrase, no key; SECURITY.md adversary 7) and against damage. Each test edits the vault's
//! files directly as that person would (rusqlite on `vault.db`, bytes overwritten, files and
//! links planted), then runs the owner's ordinary commands through the real binary, and asserts
//! the refusal or report, the exit code, and that nothing stored was lost.

use crate::common;
use common::{stderr, stdout};

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Output;

use common::*;
use rusqlite::Connection;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// Exit code for a damaged or tampered vault (docs/cli.md).
const DAMAGED: i32 = 4;

/// The attacker's own connection to `vault.db` (plain SQLite, no vault code).
fn attacker_db(v: &TestVault) -> Connection {
    Connection::open(v.db()).expect("open vault.db as the attacker")
}

/// Folds the write-ahead log into `vault.db`, so that damage to the file is damage to the data.
fn fold_wal(v: &TestVault) {
    let c = attacker_db(v);
    c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .expect("checkpoint");
}

/// Runs a command without the passphrase (what `add` and `info` need).
fn locked(v: &TestVault, args: &[&str]) -> Output {
    v.cmd_locked().args(args).output().expect("run")
}

/// Asserts the command was refused as damage: exit 4, one clear line naming `what`, never a
/// bare storage error.
fn assert_refused(out: &Output, what: &str, label: &str) {
    assert_eq!(
        out.status.code(),
        Some(DAMAGED),
        "{label}: expected exit 4\nstdout: {}\nstderr: {}",
        stdout(out),
        stderr(out)
    );
    let err = stderr(out);
    assert!(err.contains(what), "{label}: {what:?} not in {err}");
    assert!(!err.contains("storage error"), "{label}: bare error: {err}");
}

/// `verify --json` without the passphrase: asserts exit 4 and returns the report.
fn verify_report(v: &TestVault) -> Value {
    let out = locked(v, &["--json", "verify"]);
    assert_eq!(
        out.status.code(),
        Some(DAMAGED),
        "verify must report (exit 4)\nstdout: {}\nstderr: {}",
        stdout(&out),
        stderr(&out)
    );
    let v: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("verify printed no report ({e}): {}", stdout(&out)));
    assert_eq!(v["ok"], false, "{v}");
    v["report"].clone()
}

/// The `(kind, detail)` of every problem in a report.
fn problems(report: &Value) -> Vec<(String, String)> {
    report["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .map(|p| {
            (
                p["kind"].as_str().unwrap_or_default().to_owned(),
                p["detail"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

fn has_problem(report: &Value, kind: &str, detail_part: &str) -> bool {
    problems(report)
        .iter()
        .any(|(k, d)| k == kind && d.contains(detail_part))
}

/// `verify` (human output, no passphrase): prints its report, never "run vault verify".
fn assert_human_verify_reports(v: &TestVault, kind: &str) {
    let out = locked(v, &["verify"]);
    assert_eq!(out.status.code(), Some(DAMAGED), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains(&format!("[{kind}]")),
        "{text}\n{}",
        stderr(&out)
    );
    assert!(
        !text.contains("run `vault verify`") && !stderr(&out).contains("run `vault verify`"),
        "verify must not send the user to itself: {text}{}",
        stderr(&out)
    );
}

fn count(c: &Connection, table: &str) -> i64 {
    c.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
        .expect("count")
}

/// Every file under `dir` with its SHA-256, by path relative to `dir`.
fn hashes_under(dir: &Path) -> BTreeMap<String, String> {
    all_files(dir)
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).expect("read");
            (
                p.strip_prefix(dir)
                    .expect("under")
                    .to_string_lossy()
                    .into_owned(),
                hex::encode(Sha256::digest(&bytes)),
            )
        })
        .collect()
}

/// The SHA-256 of every file in `blobs/` and `quarantine/` (where the blob is kept), as a set.
fn blob_contents(v: &TestVault) -> Vec<String> {
    let mut all: Vec<String> = ["blobs", "quarantine"]
        .iter()
        .flat_map(|d| hashes_under(&v.dir.join(d)).into_values())
        .collect();
    all.sort();
    all
}

fn attach(v: &TestVault, record: &str, name: &str, bytes: &[u8]) -> String {
    let file = v.path(name);
    std::fs::write(&file, bytes).expect("write");
    let out = v.json(&["attach", record, file.to_str().expect("utf-8")]);
    out[0]["id"].as_str().expect("attachment id").to_owned()
}

fn random_bytes(n: usize) -> Vec<u8> {
    let mut out = vec![0u8; n];
    let mut f = std::fs::File::open("/dev/urandom").expect("urandom");
    f.read_exact(&mut out).expect("read");
    out
}

fn remove_db_files(dir: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(dir.join(format!("vault.db{suffix}")));
    }
}

// ---------------------------------------------------------------------------------------------
// A schema the code expects, exactly

/// The attack from the tamper-evidence review: a `BEFORE INSERT ... RAISE(IGNORE)` trigger made
/// `add` print an id and exit 0 while nothing was stored. Now the planted trigger is refused
/// before anything is written, and `verify` names it.
#[test]
fn a_planted_trigger_makes_add_fail_instead_of_vanishing() {
    let v = TestVault::new();
    v.add_simple("logged before the attack");
    attacker_db(&v)
        .execute_batch(
            "CREATE TRIGGER swallow BEFORE INSERT ON records BEGIN SELECT RAISE(IGNORE); END;",
        )
        .expect("plant trigger");

    let out = locked(
        &v,
        &[
            "add",
            "--kind",
            "followed",
            "--when",
            "2026-11-20 14:30",
            "--what",
            "this must not vanish",
        ],
    );
    assert_refused(&out, "trigger \"swallow\"", "add");
    assert!(
        stdout(&out).trim().is_empty(),
        "printed an id: {}",
        stdout(&out)
    );
    assert_refused(&v.fails(&["list"]), "trigger \"swallow\"", "list");

    let report = verify_report(&v);
    assert!(
        has_problem(&report, "database_schema", "trigger \"swallow\""),
        "{report}"
    );
    assert_human_verify_reports(&v, "database_schema");
    // Nothing stored was lost, nothing was added.
    assert_eq!(count(&attacker_db(&v), "records"), 1);
}

/// Views, extra tables and indexes, triggers on other tables, a table whose columns were
/// changed, a missing table: each is refused at open (exit 4, naming it) and reported by verify.
#[test]
fn any_schema_object_vault_did_not_create_is_refused() {
    let cases: &[(&str, &str, &str)] = &[
        ("view", "CREATE VIEW latest AS SELECT id FROM records", "view \"latest\""),
        ("extra table", "CREATE TABLE notes (x TEXT)", "table \"notes\""),
        (
            "extra index",
            "CREATE INDEX by_ciphertext ON records(ciphertext)",
            "index \"by_ciphertext\"",
        ),
        (
            "trigger on the ledger",
            "CREATE TRIGGER t AFTER INSERT ON ledger BEGIN DELETE FROM checkpoints; END",
            "trigger \"t\"",
        ),
        (
            "altered columns",
            "DROP TABLE exports; CREATE TABLE exports (id TEXT PRIMARY KEY, details BLOB, leaf_index INTEGER)",
            "table \"exports\" is not the one vault creates",
        ),
        ("dropped table", "DROP TABLE checkpoints", "no table \"checkpoints\""),
    ];
    let base = TestVault::new();
    base.add_simple("before");
    fold_wal(&base);
    for (label, sql, named) in cases {
        let v = TestVault::uninit();
        std::fs::create_dir_all(&v.dir).expect("dir");
        std::fs::copy(base.db(), v.db()).expect("copy");
        attacker_db(&v).execute_batch(sql).expect(label);

        assert_refused(&locked(&v, &["info"]), named, label);
        assert_refused(&v.fails(&["list"]), named, label);
        let report = verify_report(&v);
        assert!(
            has_problem(&report, "database_schema", named),
            "{label}: {report}"
        );
    }
}

/// A vault written before the covering indexes existed (they are created on open) and one
/// whose list cache table was never created are the expected schema, not foreign objects.
#[test]
fn the_known_older_schema_variants_still_open() {
    let v = TestVault::new();
    let id = v.add_simple("older layout");
    attacker_db(&v)
        .execute_batch(
            "DROP INDEX ledger_hashes; DROP INDEX records_by_leaf; DROP TABLE IF EXISTS cache;",
        )
        .expect("older layout");
    assert!(v.ok(&["list"]).contains(&id[..8]));
    v.ok(&["verify"]);
}

/// `restore` of a crafted backup whose database carries a trigger (its manifest recomputed, so
/// only the schema check can notice) is refused, and nothing is created.
#[test]
fn restore_refuses_a_backup_whose_database_has_a_trigger() {
    let v = TestVault::new();
    v.add_simple("backed up");
    let good = v.path("good.backup");
    v.ok(&["backup", "--out", good.to_str().expect("p")]);

    // Unpack, plant the trigger, repack with a manifest that matches.
    let mut members: Vec<(String, Vec<u8>)> = Vec::new();
    let mut archive = tar::Archive::new(std::fs::File::open(&good).expect("open"));
    for entry in archive.entries().expect("entries") {
        let mut entry = entry.expect("entry");
        let name = entry.path().expect("path").to_string_lossy().into_owned();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).expect("read");
        members.push((name, bytes));
    }
    let db_path = v.path("crafted.db");
    let db_bytes = &members.iter().find(|(n, _)| n == "vault.db").expect("db").1;
    std::fs::write(&db_path, db_bytes).expect("write");
    {
        let c = Connection::open(&db_path).expect("open");
        c.execute_batch(
            "CREATE TRIGGER swallow BEFORE INSERT ON records BEGIN SELECT RAISE(IGNORE); END;",
        )
        .expect("trigger");
    }
    let crafted_db = std::fs::read(&db_path).expect("read");
    let mut manifest: Value = serde_json::from_slice(
        &members
            .iter()
            .find(|(n, _)| n == "manifest.json")
            .expect("manifest")
            .1,
    )
    .expect("json");
    for f in manifest["files"].as_array_mut().expect("files") {
        if f["name"] == "vault.db" {
            f["size"] = crafted_db.len().into();
            f["sha256"] = hex::encode(Sha256::digest(&crafted_db)).into();
        }
    }
    let crafted = v.path("crafted.backup");
    {
        let mut builder = tar::Builder::new(std::fs::File::create(&crafted).expect("create"));
        for (name, bytes) in &members {
            let bytes = match name.as_str() {
                "vault.db" => crafted_db.clone(),
                "manifest.json" => serde_json::to_vec(&manifest).expect("json"),
                _ => bytes.clone(),
            };
            let mut header = tar::Header::new_ustar();
            header.set_size(bytes.len() as u64);
            header.set_mode(0o600);
            header.set_entry_type(tar::EntryType::Regular);
            header.set_cksum();
            builder
                .append_data(&mut header, name, bytes.as_slice())
                .expect("append");
        }
        builder
            .into_inner()
            .expect("finish")
            .flush()
            .expect("flush");
    }

    let target = v.path("restored");
    let out = v
        .cmd_at(&target)
        .args(["restore", crafted.to_str().expect("p")])
        .output()
        .expect("run");
    assert_refused(&out, "trigger \"swallow\"", "restore");
    assert!(!target.exists(), "restore created {}", target.display());
    // The untouched backup still restores.
    v.cmd_at(&target)
        .args(["restore", good.to_str().expect("p")])
        .assert()
        .success();
}

// ---------------------------------------------------------------------------------------------
// verify always reports

/// Bytes overwritten in the middle of `vault.db`: `verify` prints its report with a `database`
/// problem (exit 4), and `list` refuses (SQLite's quick check at unlock) without signing.
#[test]
fn damaged_pages_are_reported_by_verify_and_refused_by_list() {
    let v = TestVault::new();
    for i in 0..40 {
        v.add_simple(&format!(
            "incident {i} with a narrative long enough to fill pages"
        ));
    }
    v.ok(&["list"]);
    fold_wal(&v);
    let len = std::fs::metadata(v.db()).expect("meta").len();
    let page = 4096;
    let middle = (len / 2) / page * page;
    {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .open(v.db())
            .expect("open");
        use std::io::{Seek, SeekFrom};
        f.seek(SeekFrom::Start(middle)).expect("seek");
        f.write_all(&vec![0x5a; 3 * page as usize]).expect("damage");
    }
    let before = std::fs::read(v.db()).expect("read");

    let report = verify_report(&v);
    assert!(has_problem(&report, "database", ""), "{report}");
    assert_human_verify_reports(&v, "database");
    // With the passphrase too: a report, never a bare error.
    let out = v.cmd().args(["--json", "verify"]).output().expect("run");
    assert_eq!(out.status.code(), Some(DAMAGED), "{}", stderr(&out));
    let full: Value = serde_json::from_slice(&out.stdout).expect("a JSON report");
    assert!(has_problem(&full["report"], "database", ""), "{full}");
    let out = v.fails(&["list"]);
    assert_refused(&out, "malformed", "list");
    // Nothing was signed or written into the damaged file.
    assert_eq!(std::fs::read(v.db()).expect("read"), before);
}

/// A damaged file header (not a database any more): `add`, which needs no passphrase and runs
/// no check of its own, says the database is damaged (exit 4), never a bare SQLite message.
#[test]
fn add_into_a_database_that_is_not_one_says_it_is_damaged() {
    let v = TestVault::new();
    v.add_simple("first");
    fold_wal(&v);
    let mut bytes = std::fs::read(v.db()).expect("read");
    bytes[..16].copy_from_slice(b"not a database!\0");
    std::fs::write(v.db(), &bytes).expect("write");

    let out = locked(
        &v,
        &[
            "add",
            "--kind",
            "followed",
            "--when",
            "2026-11-20 14:30",
            "--what",
            "x",
        ],
    );
    assert_refused(&out, "damaged", "add");
    let report = verify_report(&v);
    assert!(has_problem(&report, "database", ""), "{report}");
}

/// A truncated `vault.db`: verify reports, list and add refuse (exit 4).
#[test]
fn a_truncated_database_is_reported_and_refused() {
    let v = TestVault::new();
    for i in 0..20 {
        v.add_simple(&format!("incident {i}"));
    }
    v.ok(&["list"]);
    fold_wal(&v);
    let len = std::fs::metadata(v.db()).expect("meta").len();
    std::fs::OpenOptions::new()
        .write(true)
        .open(v.db())
        .expect("open")
        .set_len(len / 2)
        .expect("truncate");

    let report = verify_report(&v);
    assert!(has_problem(&report, "database", ""), "{report}");
    assert_human_verify_reports(&v, "database");
    assert_eq!(v.fails(&["list"]).status.code(), Some(DAMAGED));
}

/// A NULL planted in a column whose declaration allows it (a keyslot's id), a missing format
/// version, a value of the wrong type: verify reports a `database` problem, commands refuse
/// with exit 4 and a clear line.
#[test]
fn nulls_wrong_types_and_missing_metadata_are_reported() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "null keyslot id",
            "UPDATE keyslots SET id = NULL",
            "wrong type",
        ),
        (
            "no format version",
            "DELETE FROM meta WHERE key = 'format_version'",
            "no format version",
        ),
        (
            "text in an integer column",
            "UPDATE ledger SET leaf_hash = 'text' WHERE leaf_index = 0",
            "",
        ),
    ];
    let base = TestVault::new();
    base.add_simple("before");
    fold_wal(&base);
    for (label, sql, said) in cases {
        let v = TestVault::uninit();
        std::fs::create_dir_all(&v.dir).expect("dir");
        std::fs::copy(base.db(), v.db()).expect("copy");
        attacker_db(&v).execute_batch(sql).expect(label);
        let report = verify_report(&v);
        assert!(has_problem(&report, "database", said), "{label}: {report}");
        assert_human_verify_reports(&v, "database");
        let out = v.fails(&["list"]);
        assert_eq!(
            out.status.code(),
            Some(DAMAGED),
            "{label}: {}",
            stderr(&out)
        );
        assert!(stderr(&out).contains(said), "{label}: {}", stderr(&out));
        assert!(
            !stderr(&out).contains("storage error"),
            "{label}: {}",
            stderr(&out)
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Clean-up never deletes data

/// After a rekey, an older `vault.db` put back (a sync conflict, an old copy): its unlock must
/// not delete the only copy of the attachment (encrypted to the new key, unknown to the old
/// database). It is moved to `quarantine/`, and verify reports it with how to remove it.
#[test]
fn rekey_then_an_older_database_put_back_loses_no_attachment() {
    let v = TestVault::new();
    let id = v.add_simple("with a photo");
    attach(&v, &id, "photo.bin", &random_bytes(20_000));
    v.ok(&["list"]);
    fold_wal(&v);
    let old = v.path("old.db");
    std::fs::copy(v.db(), &old).expect("keep the old database");

    v.ok(&["rekey"]);
    let after_rekey = blob_contents(&v);
    assert_eq!(after_rekey.len(), 1);

    remove_db_files(&v.dir);
    std::fs::copy(&old, v.db()).expect("put the old database back");
    let out = v.cmd().args(["list"]).output().expect("run");
    assert!(stderr(&out).contains("quarantine"), "{}", stderr(&out));
    // The new-key copy is still in the vault folder, byte for byte.
    assert_eq!(blob_contents(&v), after_rekey);
    assert_eq!(all_files(&v.dir.join("quarantine")).len(), 1);

    let report = verify_report(&v);
    assert!(has_problem(&report, "quarantine", "rm '"), "{report}");
    // Later unlocks leave it where it is.
    let _ = v.cmd().args(["list"]).output().expect("run");
    assert_eq!(blob_contents(&v), after_rekey);
}

/// Another vault's database (same passphrase) copied over this one's: this vault's blobs are
/// quarantined, not deleted.
#[test]
fn another_vaults_database_copied_in_loses_no_attachment() {
    let mine = TestVault::new();
    let id = mine.add_simple("mine");
    attach(&mine, &id, "a.bin", &random_bytes(5000));
    attach(&mine, &id, "b.bin", &random_bytes(7000));
    let before = blob_contents(&mine);
    assert_eq!(before.len(), 2);

    let other = TestVault::new();
    other.add_simple("theirs");
    fold_wal(&other);
    remove_db_files(&mine.dir);
    std::fs::copy(other.db(), mine.db()).expect("copy theirs in");

    let _ = mine.cmd().args(["list"]).output().expect("run");
    assert_eq!(blob_contents(&mine), before);
    let report = verify_report(&mine);
    let quarantined = problems(&report)
        .iter()
        .filter(|(k, _)| k == "quarantine")
        .count();
    assert_eq!(quarantined, 2, "{report}");
}

/// The clean-up's cases side by side: a `.partial` nobody holds (an interrupted attach of this
/// program) is removed, and so is a complete file whose `.partial` name is still beside it (an
/// attach killed between naming its file and committing); a complete file no attachment owns is
/// quarantined; a file whose name vault never gives is not touched at all.
#[test]
fn only_interrupted_writes_are_removed_and_strays_are_quarantined() {
    let v = TestVault::new();
    v.add_simple("x");
    let blobs = v.dir.join("blobs");
    let partial = blobs.join(format!("{}.partial", "ab".repeat(16)));
    let stray = blobs.join("cd".repeat(16));
    let foreign = blobs.join("readme.txt");
    std::fs::write(&partial, b"half written").expect("partial");
    let stray_bytes = random_bytes(1000);
    std::fs::write(&stray, &stray_bytes).expect("stray");
    std::fs::write(&foreign, b"not the vault's").expect("foreign");
    // An attach killed between naming its file and committing: the complete name and the
    // `.partial` name of one file.
    let named = blobs.join("12".repeat(16));
    let named_partial = blobs.join(format!("{}.partial", "12".repeat(16)));
    std::fs::write(&named_partial, random_bytes(2000)).expect("partial");
    std::fs::hard_link(&named_partial, &named).expect("link");

    v.ok(&["list"]);
    assert!(!partial.exists(), "the interrupted write stays");
    assert!(
        !named.exists() && !named_partial.exists(),
        "the interrupted commit stays"
    );
    assert_eq!(all_files(&v.dir.join("quarantine")).len(), 1);
    assert!(!stray.exists(), "the stray stays in blobs/");
    assert_eq!(
        std::fs::read(v.dir.join("quarantine").join("cd".repeat(16))).expect("quarantined"),
        stray_bytes
    );
    assert_eq!(
        std::fs::read(&foreign).expect("foreign"),
        b"not the vault's"
    );
}

/// `init` in a folder that holds any vault file is refused: with `vault.db` missing, a new
/// database would own none of the blobs, and its clean-up would treat them as strays.
#[test]
fn init_refuses_a_folder_that_holds_vault_files() {
    let v = TestVault::new();
    let id = v.add_simple("x");
    attach(&v, &id, "a.bin", &random_bytes(3000));
    let blobs_before = hashes_under(&v.dir.join("blobs"));
    remove_db_files(&v.dir);

    let init = |v: &TestVault| v.cmd().args(common::INIT_CHEAP).output().expect("run");
    let out = init(&v);
    assert_eq!(out.status.code(), Some(5), "{}", stderr(&out));
    assert!(stderr(&out).contains("blobs/"), "{}", stderr(&out));
    assert!(!v.db().exists(), "a database was created");
    assert_eq!(hashes_under(&v.dir.join("blobs")), blobs_before);

    // A leftover write-ahead log alone is a vault file too.
    let w = TestVault::uninit();
    std::fs::create_dir_all(&w.dir).expect("dir");
    std::fs::write(w.dir.join("vault.db-wal"), b"log").expect("wal");
    let out = init(&w);
    assert_eq!(out.status.code(), Some(5), "{}", stderr(&out));
    assert!(stderr(&out).contains("vault.db-wal"), "{}", stderr(&out));
}

// ---------------------------------------------------------------------------------------------
// No path outside the vault is ever touched

/// A planted `blobs` link to a folder of the owner's files (`*.age`, `*.partial`, names like the
/// vault's own): every command refuses, nothing there is deleted, moved or re-moded.
#[test]
fn a_symlinked_blob_folder_is_refused_and_never_followed() {
    let v = TestVault::new();
    let id = v.add_simple("x");
    let elsewhere = v.path("owners-files");
    std::fs::create_dir_all(&elsewhere).expect("dir");
    std::fs::write(elsewhere.join("taxes.age"), b"owner's age file").expect("w");
    std::fs::write(elsewhere.join(format!("{}.partial", "ef".repeat(16))), b"p").expect("w");
    std::fs::write(elsewhere.join("01".repeat(16)), b"looks like a blob").expect("w");
    std::fs::set_permissions(&elsewhere, std::fs::Permissions::from_mode(0o755)).expect("mode");
    let before = hashes_under(&elsewhere);

    std::fs::remove_dir_all(v.dir.join("blobs")).expect("rm blobs");
    std::os::unix::fs::symlink(&elsewhere, v.dir.join("blobs")).expect("link");

    assert_refused(&v.fails(&["list"]), "symbolic link", "list");
    let file = v.path("a.bin");
    std::fs::write(&file, b"attachment").expect("write");
    assert_refused(
        &v.fails(&["attach", &id, file.to_str().expect("p")]),
        "symbolic link",
        "attach",
    );
    assert_refused(
        &locked(
            &v,
            &[
                "add",
                "--kind",
                "followed",
                "--when",
                "2026-11-20 14:30",
                "--what",
                "y",
            ],
        ),
        "symbolic link",
        "add",
    );
    let report = verify_report(&v);
    assert!(
        has_problem(&report, "database", "symbolic link"),
        "{report}"
    );

    assert_eq!(hashes_under(&elsewhere), before);
    let mode = std::fs::metadata(&elsewhere)
        .expect("meta")
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o755, "the linked folder's mode was changed");
}

/// A `vault.db` that is a link to a database elsewhere is refused too.
#[test]
fn a_symlinked_database_is_refused() {
    let v = TestVault::new();
    v.add_simple("x");
    fold_wal(&v);
    let elsewhere = v.path("elsewhere.db");
    std::fs::rename(v.db(), &elsewhere).expect("move");
    remove_db_files(&v.dir);
    std::os::unix::fs::symlink(&elsewhere, v.db()).expect("link");
    assert_refused(&locked(&v, &["info"]), "symbolic link", "info");
    assert_refused(&v.fails(&["list"]), "symbolic link", "list");
}

/// A vault folder others can read or write: every command warns once; a private one does not.
#[test]
fn a_vault_folder_others_can_open_is_warned_about_once() {
    let v = TestVault::new();
    v.add_simple("x");
    let out = locked(&v, &["info"]);
    assert!(out.status.success());
    assert!(!stderr(&out).contains("other users"), "{}", stderr(&out));

    std::fs::set_permissions(&v.dir, std::fs::Permissions::from_mode(0o755)).expect("mode");
    let out = locked(&v, &["info"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stderr(&out).matches("other users").count(),
        1,
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("chmod -R go-rwx"), "{}", stderr(&out));

    std::fs::set_permissions(&v.dir, std::fs::Permissions::from_mode(0o700)).expect("mode");
    std::fs::set_permissions(v.db(), std::fs::Permissions::from_mode(0o666)).expect("mode");
    let out = v.cmd().args(["list"]).output().expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stderr(&out).matches("other users").count(),
        1,
        "{}",
        stderr(&out)
    );
}

// ---------------------------------------------------------------------------------------------
// File times (SECURITY.md, "What leaks")

fn set_old_mtime(path: &Path) -> std::time::SystemTime {
    let old = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000_000);
    std::fs::File::options()
        .write(true)
        .open(path)
        .expect("open")
        .set_modified(old)
        .expect("set mtime");
    old
}

fn mtime(path: &Path) -> std::time::SystemTime {
    std::fs::metadata(path)
        .expect("meta")
        .modified()
        .expect("mtime")
}

/// What SECURITY.md says leaks: `vault.db-shm` is rewritten by every command that opens the
/// vault, even to read (its time says when the vault was last opened), and `vault.db-wal` by
/// every `add`. This test pins the documented behaviour; change both together.
#[test]
fn file_times_show_when_the_vault_was_last_opened_and_added_to() {
    let v = TestVault::new();
    v.add_simple("x");
    let shm: PathBuf = v.dir.join("vault.db-shm");
    let wal: PathBuf = v.dir.join("vault.db-wal");
    assert!(
        shm.exists() && wal.exists(),
        "the log files are kept between commands"
    );

    let old = set_old_mtime(&shm);
    let out = locked(&v, &["info"]);
    assert!(out.status.success());
    assert_ne!(mtime(&shm), old, "reading the vault rewrites vault.db-shm");

    let old = set_old_mtime(&wal);
    v.add_simple("y");
    assert_ne!(mtime(&wal), old, "add writes vault.db-wal");
}

/// A blob file name planted in the database that leads out of `blobs/` (`../../x`): rekey (which
/// deletes the old blob files), extract and verify refuse it, and the file it points at is
/// untouched.
#[test]
fn a_planted_blob_name_never_leads_out_of_the_vault() {
    let v = TestVault::new();
    let id = v.add_simple("with a file");
    attach(&v, &id, "a.bin", &random_bytes(3000));
    let victim = v.path("victim.txt");
    std::fs::write(&victim, b"the owner's file outside the vault").expect("victim");
    attacker_db(&v)
        .execute("UPDATE attachments SET blob = '../../victim.txt'", [])
        .expect("plant");

    assert_refused(&v.fails(&["rekey"]), "never creates", "rekey");
    let out = v.path("out.bin");
    assert_refused(
        &v.fails(&[
            "extract",
            &id,
            "--attachment",
            "1",
            "--out",
            out.to_str().expect("p"),
        ]),
        "never creates",
        "extract",
    );
    let report = verify_report(&v);
    assert!(
        has_problem(&report, "database", "never creates"),
        "{report}"
    );
    assert_eq!(
        std::fs::read(&victim).expect("the victim file is still there"),
        b"the owner's file outside the vault"
    );
}

/// Links the owner made are not the attacker's: a vault folder reached through a linked folder
/// (a vault on a USB stick linked from the home folder) works as before; only links in place of
/// the vault's own files are refused.
#[test]
fn a_vault_reached_through_a_linked_folder_still_works() {
    let v = TestVault::new();
    let id = v.add_simple("through a link");
    let link = v.path("linked-vault");
    std::os::unix::fs::symlink(&v.dir, &link).expect("link");
    let out = v.cmd_at(&link).args(["list"]).output().expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains(&id[..8]), "{}", stdout(&out));
    v.cmd_at(&link).args(["verify"]).assert().success();
}

/// `vault man --out DIR` into a folder where someone planted a link under a page's name (a
/// shared or removable folder): the write never follows it, and a page already there is never
/// replaced. Nothing is written until every name is known to be free.
#[test]
fn man_pages_never_follow_a_planted_link_or_replace_a_file() {
    let v = TestVault::uninit();
    let victim = v.path("victim.txt");
    std::fs::write(&victim, b"the owner's own file\n").unwrap();
    let dir = v.path("man1");
    std::fs::create_dir(&dir).unwrap();
    std::os::unix::fs::symlink(&victim, dir.join("vault-add.1")).unwrap();

    let out = locked(&v, &["man", "--out", dir.to_str().unwrap()]);
    assert_ne!(out.status.code(), Some(0), "{}", stderr(&out));
    common::one_line_error(&out);
    assert!(stderr(&out).contains("vault-add.1"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read(&victim).unwrap(),
        b"the owner's own file\n",
        "the link's target is untouched"
    );
    let names: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
    assert_eq!(names.len(), 1, "no page written beside the planted link");

    // A regular file already there is refused the same way; in a fresh folder every page is
    // written.
    std::fs::remove_file(dir.join("vault-add.1")).unwrap();
    std::fs::write(dir.join("vault.1"), b"kept").unwrap();
    let out = locked(&v, &["man", "--out", dir.to_str().unwrap()]);
    assert_ne!(out.status.code(), Some(0));
    assert_eq!(std::fs::read(dir.join("vault.1")).unwrap(), b"kept");
    let fresh = v.path("man2");
    let out = locked(&v, &["man", "--out", fresh.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(std::fs::read_to_string(fresh.join("vault-add.1"))
        .unwrap()
        .contains(".TH"));
}

/// Runs a command with the passphrase and fails the test if it has not ended within 30 s
/// (a read that blocks forever on a planted FIFO would otherwise hang the suite).
fn within_30s(v: &TestVault, args: &[&str]) -> Output {
    let mut child = v
        .std_cmd()
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    let started = std::time::Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if started.elapsed() > std::time::Duration::from_secs(30) {
            let _ = child.kill();
            panic!("`vault {}` hung on the planted FIFO", args.join(" "));
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    child.wait_with_output().expect("output")
}

/// A FIFO planted in place of an attachment's blob (or a link to one) would make every read of
/// it block forever: extract, export with the files and the court packet, verify. Each refuses
/// it at once, naming the damage, and exits 4.
#[test]
fn a_fifo_or_link_in_place_of_a_blob_is_refused_at_once_never_waited_on() {
    let v = TestVault::new();
    let id = v.add_simple("with a file");
    attach(&v, &id, "a.bin", &random_bytes(3000));
    let blob: String = attacker_db(&v)
        .query_row("SELECT blob FROM attachments", [], |r| r.get(0))
        .expect("blob");
    let path = v.dir.join("blobs").join(&blob);
    let (_, to) = v.counsel_key("counsel.key");
    let fifo = v.path("fifo");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(status.success());

    for planted in ["fifo", "link to a fifo"] {
        let _ = std::fs::remove_file(&path);
        if planted == "fifo" {
            std::fs::rename(&fifo, &path).expect("plant the fifo");
        } else {
            std::os::unix::fs::symlink(&fifo, &path).expect("plant the link");
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .expect("mkfifo");
        }
        let out_file = v.path("out.bin");
        let bundle = v.path("case.age");
        for args in [
            vec!["extract", &id, "--out", out_file.to_str().expect("p")],
            vec![
                "export",
                "--to",
                &to,
                "--all",
                "--out",
                bundle.to_str().expect("p"),
            ],
            vec!["verify", "--full"],
        ] {
            let out = within_30s(&v, &args);
            assert_eq!(
                out.status.code(),
                Some(4),
                "{planted}: {args:?}: {}",
                stderr(&out)
            );
        }
        assert!(
            !out_file.exists() && !bundle.exists(),
            "{planted}: nothing written"
        );
    }
}
