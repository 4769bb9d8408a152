//! The tamper matrix: a vault with a few incidents, an amendment and two attachments is copied
//! once per case, damaged by hand (rusqlite or file edits), and `vault verify --json` must exit 4
//! and name exactly the right problem kinds and items, both locked and with the passphrase.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use common::*;
use rusqlite::{params, Connection};
use serde_json::Value;
use sha2::{Digest, Sha256};

/// The base vault and the ids in it.
struct Base {
    v: TestVault,
    /// Amended once (two revisions).
    a: String,
    /// Carries `gps.jpg`.
    b: String,
    /// Carries a small random file.
    c: String,
    /// Plain, one revision.
    d: String,
    /// Attachment ids: the JPEG (on `b`) and the random file (on `c`).
    jpg: String,
    rnd: String,
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/media")
        .join(name)
}

fn attach(v: &TestVault, record: &str, file: &Path) -> String {
    let out = v.json(&["attach", record, file.to_str().expect("utf-8 path")]);
    out[0]["id"].as_str().expect("attachment id").to_owned()
}

/// Four incidents (the same text length, so their ciphertexts share a size bucket), one amended,
/// two attachments, and a final unlock so every entry is covered by a signed checkpoint.
fn base() -> Base {
    let v = TestVault::new();
    let a = v.add_simple("incident number 1");
    let b = v.add_simple("incident number 2");
    let c = v.add_simple("incident number 3");
    let d = v.add_simple("incident number 4");
    v.ok(&["amend", &a, "--where", "corner of 5th and Main"]);
    let jpg = attach(&v, &b, &fixture("gps.jpg"));
    let random = v.path("random.bin");
    std::fs::write(&random, random_bytes(3000)).expect("write random file");
    let rnd = attach(&v, &c, &random);
    v.ok(&["list"]);
    let base = Base {
        v,
        a,
        b,
        c,
        d,
        jpg,
        rnd,
    };
    let r = verify(&base.v, false, &[]);
    assert_clean(&r, "basic");
    assert_eq!(r.report()["signed_entries"], r.report()["ledger_entries"]);
    base
}

fn random_bytes(n: usize) -> Vec<u8> {
    let mut buf = vec![0u8; n];
    rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut buf);
    buf
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for e in std::fs::read_dir(from).expect("read dir") {
        let e = e.expect("dir entry");
        let target = to.join(e.file_name());
        if e.file_type().expect("file type").is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).expect("copy file");
        }
    }
}

/// A fresh copy of a vault (the whole directory) with its own temporary dir and passphrase file.
fn fresh_copy(from: &TestVault) -> TestVault {
    let v = TestVault::uninit();
    copy_dir(&from.dir, &v.dir);
    std::fs::copy(&from.pass_file, &v.pass_file).expect("copy passphrase file");
    v
}

fn db(v: &TestVault) -> Connection {
    Connection::open(v.db()).expect("open vault.db")
}

fn flip(bytes: &mut [u8], at: usize) {
    bytes[at] ^= 0x01;
}

fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

fn leaf_hash(entry: &[u8]) -> Vec<u8> {
    let mut h = Sha256::new();
    h.update([0u8]);
    h.update(entry);
    h.finalize().to_vec()
}

fn record_leaf(c: &Connection, id: &str, revision: u32) -> i64 {
    c.query_row(
        "SELECT leaf_index FROM records WHERE id = ?1 AND revision = ?2",
        params![id, revision],
        |r| r.get(0),
    )
    .expect("record leaf")
}

fn record_ct(c: &Connection, id: &str, revision: u32) -> Vec<u8> {
    c.query_row(
        "SELECT ciphertext FROM records WHERE id = ?1 AND revision = ?2",
        params![id, revision],
        |r| r.get(0),
    )
    .expect("record ciphertext")
}

fn set_record_ct(c: &Connection, id: &str, revision: u32, ct: &[u8]) {
    let n = c
        .execute(
            "UPDATE records SET ciphertext = ?1 WHERE id = ?2 AND revision = ?3",
            params![ct, id, revision],
        )
        .expect("update ciphertext");
    assert_eq!(n, 1);
}

fn blob_path(v: &TestVault, attachment: &str) -> PathBuf {
    let name: String = db(v)
        .query_row(
            "SELECT blob FROM attachments WHERE id = ?1",
            [attachment],
            |r| r.get(0),
        )
        .expect("blob name");
    v.dir.join("blobs").join(name)
}

fn checkpoint_sizes(c: &Connection) -> Vec<u64> {
    let mut stmt = c
        .prepare("SELECT size FROM checkpoints ORDER BY size")
        .expect("prepare");
    let rows = stmt
        .query_map([], |r| r.get::<_, i64>(0))
        .expect("query")
        .map(|r| r.expect("row") as u64)
        .collect();
    rows
}

fn keyslot_id(c: &Connection) -> String {
    c.query_row("SELECT id FROM keyslots", [], |r| r.get(0))
        .expect("one keyslot")
}

/// The outcome of one `vault --json verify`.
struct Verified {
    code: i32,
    json: Value,
    stderr: String,
}

impl Verified {
    fn report(&self) -> &Value {
        &self.json["report"]
    }

    /// (kind, item) of every problem, sorted.
    fn problems(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = self.report()["problems"]
            .as_array()
            .unwrap_or_else(|| panic!("no problem list in {}", self.json))
            .iter()
            .map(|p| {
                (
                    p["kind"].as_str().expect("kind").to_owned(),
                    p["item"].as_str().expect("item").to_owned(),
                )
            })
            .collect();
        out.sort();
        out
    }

    fn detail_of(&self, kind: &str, item: &str) -> String {
        self.report()["problems"]
            .as_array()
            .expect("problems")
            .iter()
            .find(|p| p["kind"] == kind && p["item"] == item)
            .and_then(|p| p["detail"].as_str())
            .unwrap_or_default()
            .to_owned()
    }
}

/// Runs `verify --json` locked (`full == false`: no passphrase) or with the passphrase file.
fn verify(v: &TestVault, full: bool, extra: &[&str]) -> Verified {
    let mut cmd = if full { v.cmd() } else { v.cmd_locked() };
    let out = cmd
        .arg("--json")
        .arg("verify")
        .args(extra)
        .output()
        .expect("run verify");
    let stdout = String::from_utf8_lossy(&out.stdout);
    Verified {
        code: out.status.code().expect("exit code"),
        json: serde_json::from_str(&stdout).unwrap_or(Value::Null),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn assert_clean(r: &Verified, tier: &str) {
    assert_eq!(
        r.code, 0,
        "expected a clean verify, got {}: {}\n{}",
        r.code, r.json, r.stderr
    );
    assert_eq!(r.json["ok"], true, "{}", r.json);
    assert_eq!(r.report()["tier"], tier, "{}", r.json);
    assert_eq!(r.problems(), vec![], "{}", r.json);
}

/// Exit 4, `ok: false`, the tier, and exactly these (kind, item) problems.
fn assert_problems(r: &Verified, tier: &str, expected: &[(&str, String)]) {
    assert_eq!(
        r.code, 4,
        "expected exit 4 (problems found), got {}: {}\n{}",
        r.code, r.json, r.stderr
    );
    assert_eq!(r.json["ok"], false, "{}", r.json);
    assert_eq!(r.report()["tier"], tier, "{}", r.json);
    let mut want: Vec<(String, String)> = expected
        .iter()
        .map(|(k, i)| ((*k).to_owned(), i.clone()))
        .collect();
    want.sort();
    assert_eq!(r.problems(), want, "report: {:#}", r.json);
}

fn rec(id: &str, revision: u32) -> String {
    format!("record {id} revision {revision}")
}

fn att(id: &str, record: &str) -> String {
    format!("attachment {id} of record {record}")
}

fn checkpoint(size: u64) -> String {
    format!("checkpoint at size {size}")
}

fn leaf(index: i64) -> String {
    format!("ledger leaf {index}")
}

/// Case 11 (and 12 on the side): a clean vault passes, locked and full, after amendments,
/// attachments and a passphrase change, and verify never modifies the vault.
#[test]
fn clean_vault_verifies_and_verify_never_writes() {
    // Straight after init.
    let fresh = TestVault::new();
    assert_clean(&verify(&fresh, false, &[]), "basic");
    assert_clean(&verify(&fresh, true, &[]), "full");
    drop(fresh);

    let base = base();
    let v = fresh_copy(&base.v);
    let full = verify(&v, true, &[]);
    assert_clean(&full, "full");
    let report = full.report();
    assert_eq!(report["records"], 5, "{report}");
    assert_eq!(report["attachments"], 2, "{report}");
    assert_eq!(report["leftover_files"], 0, "{report}");
    assert_eq!(report["signed_entries"], report["ledger_entries"]);

    // Entries added without the passphrase: a full verify (read-only unlock) must not sign them.
    v.cmd_locked()
        .args([
            "add",
            "--kind",
            "raid",
            "--when",
            "2026-11-21",
            "--what",
            "x",
        ])
        .assert()
        .success();
    let files_before = snapshot(&v.dir);
    for full in [false, true] {
        let r = verify(&v, full, &[]);
        assert_clean(&r, if full { "full" } else { "basic" });
        let (ledger, signed) = (
            r.report()["ledger_entries"]
                .as_u64()
                .expect("ledger_entries"),
            r.report()["signed_entries"]
                .as_u64()
                .expect("signed_entries"),
        );
        assert_eq!(ledger, signed + 1, "{}", r.json);
        assert_eq!(
            snapshot(&v.dir),
            files_before,
            "verify (full: {full}) changed the vault"
        );
    }
    // A receipt run with --no-sign is read-only too (without it, the unsigned entry above
    // would be signed first).
    v.ok(&[
        "receipt",
        "--no-sign",
        "--out",
        v.path("r.txt").to_str().expect("path"),
    ]);
    assert_clean(
        &verify(
            &v,
            true,
            &["--receipt", v.path("r.txt").to_str().expect("path")],
        ),
        "full",
    );
    assert_eq!(snapshot(&v.dir), files_before);

    // Passphrase change: the new one opens and verifies, the old one no longer does.
    let new_pass = v.path("new-pass.txt");
    std::fs::write(&new_pass, "an entirely different passphrase\n").expect("write");
    v.ok(&[
        "passwd",
        "--new-passphrase-file",
        new_pass.to_str().expect("path"),
    ]);
    let old = verify(&v, true, &[]);
    assert_eq!(old.code, 3, "old passphrase: {}\n{}", old.json, old.stderr);
    std::fs::copy(&new_pass, &v.pass_file).expect("swap passphrase file");
    assert_clean(&verify(&v, false, &[]), "basic");
    let r = verify(&v, true, &[]);
    assert_clean(&r, "full");
    assert_eq!(r.report()["signed_entries"], r.report()["ledger_entries"]);

    // More amendments and attachments after the passphrase change.
    v.ok(&["amend", &base.d, "--what", "incident number 4, amended"]);
    attach(&v, &base.d, &fixture("gps.png"));
    v.ok(&["list"]);
    assert_clean(&verify(&v, false, &[]), "basic");
    let r = verify(&v, true, &[]);
    assert_clean(&r, "full");
    assert_eq!(r.report()["attachments"], 3);
    assert_eq!(r.report()["signed_entries"], r.report()["ledger_entries"]);
}

/// Every file in the vault directory with its bytes, except SQLite's transient -wal/-shm files.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = all_files(dir)
        .into_iter()
        .filter(|p| {
            let name = p.to_string_lossy();
            !name.ends_with("-wal") && !name.ends_with("-shm")
        })
        .map(|p| {
            let bytes = std::fs::read(&p).expect("read");
            (p, bytes)
        })
        .collect();
    files.sort();
    assert!(files.iter().any(|(p, _)| p.ends_with("vault.db")));
    files
}

/// Case 12: entries appended without the passphrase join the log at once and are signed by the
/// next unlock, which says how many there were.
#[test]
fn entries_added_without_the_passphrase_are_signed_at_next_unlock() {
    let base = base();
    let v = fresh_copy(&base.v);
    for what in ["logged on the street", "logged later on"] {
        v.cmd_locked()
            .args([
                "add",
                "--kind",
                "followed",
                "--when",
                "2026-11-22 09:00",
                "--what",
                what,
            ])
            .assert()
            .success();
    }
    let r = verify(&v, false, &[]);
    assert_clean(&r, "basic");
    let ledger = r.report()["ledger_entries"].as_u64().expect("ledger");
    let signed = r.report()["signed_entries"].as_u64().expect("signed");
    assert_eq!(ledger, signed + 2, "{}", r.json);

    let out = v.cmd().arg("list").output().expect("run list");
    assert_success(&out, &["list"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("these were logged without it (now signed)")
            && stderr.matches("  - incident ").count() == 2,
        "stderr: {stderr}"
    );
    // The unlock after that has nothing new to say.
    let out = v.cmd().arg("list").output().expect("run list");
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("logged without it"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    for full in [false, true] {
        let r = verify(&v, full, &[]);
        assert_clean(&r, if full { "full" } else { "basic" });
        assert_eq!(r.report()["ledger_entries"], ledger);
        assert_eq!(r.report()["signed_entries"], ledger, "{}", r.json);
    }
}

/// Cases 1, 2, 5, 6 and 7: record ciphertexts, attachment blobs and rows.
#[test]
fn tampered_records_and_attachments_are_found() {
    let base = base();
    let (a, b, c, d) = (&base.a, &base.b, &base.c, &base.d);

    // 1. One byte of a record ciphertext flipped.
    let v = fresh_copy(&base.v);
    {
        let conn = db(&v);
        let mut ct = record_ct(&conn, b, 1);
        let last = ct.len() - 1;
        flip(&mut ct, last);
        set_record_ct(&conn, b, 1, &ct);
    }
    assert_problems(
        &verify(&v, false, &[]),
        "basic",
        &[("record_ciphertext_hash", rec(b, 1))],
    );
    assert_problems(
        &verify(&v, true, &[]),
        "full",
        &[
            ("record_ciphertext_hash", rec(b, 1)),
            ("record_decrypt", rec(b, 1)),
        ],
    );

    // The same in the older revision of the amended record.
    let v = fresh_copy(&base.v);
    {
        let conn = db(&v);
        let mut ct = record_ct(&conn, a, 1);
        flip(&mut ct, 200);
        set_record_ct(&conn, a, 1, &ct);
    }
    assert_problems(
        &verify(&v, false, &[]),
        "basic",
        &[("record_ciphertext_hash", rec(a, 1))],
    );

    // 2. One byte of an attachment blob flipped.
    let v = fresh_copy(&base.v);
    let path = blob_path(&v, &base.jpg);
    let mut blob = std::fs::read(&path).expect("read blob");
    let middle = blob.len() / 2;
    flip(&mut blob, middle);
    std::fs::write(&path, &blob).expect("write blob");
    assert_problems(
        &verify(&v, false, &[]),
        "basic",
        &[("attachment_hash", att(&base.jpg, b))],
    );
    assert_problems(
        &verify(&v, true, &[]),
        "full",
        &[
            ("attachment_hash", att(&base.jpg, b)),
            ("attachment_plaintext", att(&base.jpg, b)),
        ],
    );

    // 2b. An attachment blob truncated.
    let v = fresh_copy(&base.v);
    let path = blob_path(&v, &base.rnd);
    let len = std::fs::metadata(&path).expect("blob").len();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .and_then(|f| f.set_len(len - 100))
        .expect("truncate blob");
    let r = verify(&v, false, &[]);
    assert_problems(&r, "basic", &[("attachment_size", att(&base.rnd, c))]);
    assert!(
        r.detail_of("attachment_size", &att(&base.rnd, c))
            .contains(&(len - 100).to_string()),
        "{}",
        r.json
    );
    assert_problems(
        &verify(&v, true, &[]),
        "full",
        &[
            ("attachment_size", att(&base.rnd, c)),
            ("attachment_plaintext", att(&base.rnd, c)),
        ],
    );

    // 2c. An attachment blob deleted.
    let v = fresh_copy(&base.v);
    std::fs::remove_file(blob_path(&v, &base.rnd)).expect("remove blob");
    assert_problems(
        &verify(&v, false, &[]),
        "basic",
        &[("attachment_missing", att(&base.rnd, c))],
    );

    // 5. A record row deleted.
    let v = fresh_copy(&base.v);
    let n = db(&v)
        .execute("DELETE FROM records WHERE id = ?1", [d])
        .expect("delete");
    assert_eq!(n, 1);
    for full in [false, true] {
        assert_problems(
            &verify(&v, full, &[]),
            if full { "full" } else { "basic" },
            &[("record_missing", rec(d, 1))],
        );
    }

    // 5b. The newest revision of an amended record deleted (the amendment hidden).
    let v = fresh_copy(&base.v);
    db(&v)
        .execute("DELETE FROM records WHERE id = ?1 AND revision = 2", [a])
        .expect("delete");
    assert_problems(
        &verify(&v, false, &[]),
        "basic",
        &[("record_missing", rec(a, 2))],
    );

    // 6. Two ciphertexts of the same padding bucket swapped between rows (their lengths may
    // still differ by the random "grease" stanza age adds to some headers).
    let v = fresh_copy(&base.v);
    {
        let conn = db(&v);
        let (ct_c, ct_d) = (record_ct(&conn, c, 1), record_ct(&conn, d, 1));
        set_record_ct(&conn, c, 1, &ct_d);
        set_record_ct(&conn, d, 1, &ct_c);
    }
    assert_problems(
        &verify(&v, false, &[]),
        "basic",
        &[
            ("record_ciphertext_hash", rec(c, 1)),
            ("record_ciphertext_hash", rec(d, 1)),
        ],
    );
    let r = verify(&v, true, &[]);
    assert_problems(
        &r,
        "full",
        &[
            ("record_ciphertext_hash", rec(c, 1)),
            ("record_ciphertext_hash", rec(d, 1)),
            ("record_decrypt", rec(c, 1)),
            ("record_decrypt", rec(d, 1)),
        ],
    );
    let detail = r.detail_of("record_decrypt", &rec(c, 1));
    assert!(
        detail.contains(&format!("holds the ciphertext of record {d} revision 1")),
        "{detail}"
    );

    // 7. A blob replaced by another valid age file to the vault's own key, of the same size.
    let v = fresh_copy(&base.v);
    let recipient: String = db(&v)
        .query_row(
            "SELECT value FROM meta WHERE key = 'master_recipient'",
            [],
            |r| r.get(0),
        )
        .expect("master recipient");
    let recipient = age::x25519::Recipient::from_str(&recipient).expect("age recipient");
    let path = blob_path(&v, &base.jpg);
    let want = std::fs::metadata(&path).expect("blob").len();
    let forged = age_file_of_size(&recipient, want);
    std::fs::write(&path, &forged).expect("replace blob");
    assert_problems(
        &verify(&v, false, &[]),
        "basic",
        &[("attachment_hash", att(&base.jpg, b))],
    );
    assert_problems(
        &verify(&v, true, &[]),
        "full",
        &[
            ("attachment_hash", att(&base.jpg, b)),
            ("attachment_plaintext", att(&base.jpg, b)),
        ],
    );

    // 7b. The same with a forged file of another size.
    let v = fresh_copy(&base.v);
    let path = blob_path(&v, &base.jpg);
    std::fs::write(&path, age_encrypt(&recipient, &random_bytes(100))).expect("replace");
    assert_problems(
        &verify(&v, false, &[]),
        "basic",
        &[("attachment_size", att(&base.jpg, b))],
    );

    // An attachment's encrypted description swapped for the other's.
    let v = fresh_copy(&base.v);
    {
        let conn = db(&v);
        let meta_of = |id: &str| -> Vec<u8> {
            conn.query_row("SELECT meta FROM attachments WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .expect("meta")
        };
        let (m_jpg, m_rnd) = (meta_of(&base.jpg), meta_of(&base.rnd));
        conn.execute(
            "UPDATE attachments SET meta = ?1 WHERE id = ?2",
            params![m_rnd, base.jpg],
        )
        .expect("update");
        conn.execute(
            "UPDATE attachments SET meta = ?1 WHERE id = ?2",
            params![m_jpg, base.rnd],
        )
        .expect("update");
    }
    assert_problems(
        &verify(&v, false, &[]),
        "basic",
        &[
            ("attachment_description_hash", att(&base.jpg, b)),
            ("attachment_description_hash", att(&base.rnd, c)),
        ],
    );
}

fn age_encrypt(recipient: &age::x25519::Recipient, plain: &[u8]) -> Vec<u8> {
    let enc = age::Encryptor::with_recipients(std::iter::once(recipient as &dyn age::Recipient))
        .expect("encryptor");
    let mut out = Vec::new();
    let mut w = enc.wrap_output(&mut out).expect("wrap");
    w.write_all(plain).expect("write");
    w.finish().expect("finish");
    out
}

/// A valid age file of random content to `recipient`, exactly `size` bytes long. age adds a
/// random "grease" stanza to every header, so the overhead varies: aim at the last overhead seen
/// until one repeats (a few hundred tries at most, each a fraction of a millisecond).
fn age_file_of_size(recipient: &age::x25519::Recipient, size: u64) -> Vec<u8> {
    let mut plain_len = size.saturating_sub(300).max(1);
    for _ in 0..20_000 {
        let file = age_encrypt(recipient, &random_bytes(plain_len as usize));
        let len = file.len() as u64;
        if len == size {
            return file;
        }
        let overhead = len - plain_len;
        plain_len = size.saturating_sub(overhead).max(1);
    }
    panic!("could not make an age file of {size} bytes");
}

/// Cases 3 and 13a: keyslots flipped, deleted, or rolled back to an older passphrase.
#[test]
fn tampered_keyslots_are_found() {
    let base = base();

    // 3. One byte of the wrapped master key flipped.
    let v = fresh_copy(&base.v);
    let slot = {
        let conn = db(&v);
        let slot = keyslot_id(&conn);
        let mut wrapped: Vec<u8> = conn
            .query_row("SELECT wrapped FROM keyslots", [], |r| r.get(0))
            .expect("wrapped");
        let last = wrapped.len() - 1;
        flip(&mut wrapped, last);
        conn.execute("UPDATE keyslots SET wrapped = ?1", [wrapped])
            .expect("update");
        slot
    };
    assert_problems(
        &verify(&v, false, &[]),
        "basic",
        &[("keyslot_hash", format!("keyslot {slot}"))],
    );
    // The passphrase no longer opens it: a full verify says so, still runs the checks that need
    // no passphrase, and points at the damaged keyslot.
    let r = verify(&v, true, &[]);
    assert_problems(&r, "basic", &[("keyslot_hash", format!("keyslot {slot}"))]);
    assert!(r.stderr.contains("passphrase"), "{}", r.stderr);

    // 3b. Its KDF parameters edited (also committed to by the ledger).
    let v = fresh_copy(&base.v);
    db(&v)
        .execute(
            "UPDATE keyslots SET kdf = replace(kdf, '\"iterations\":3', '\"iterations\":4')",
            [],
        )
        .expect("update");
    assert_problems(
        &verify(&v, false, &[]),
        "basic",
        &[("keyslot_hash", format!("keyslot {slot}"))],
    );

    // 13a. The keyslot row deleted.
    let v = fresh_copy(&base.v);
    db(&v).execute("DELETE FROM keyslots", []).expect("delete");
    assert_problems(
        &verify(&v, false, &[]),
        "basic",
        &[
            ("keyslot_missing", format!("keyslot {slot}")),
            ("keyslot_missing", "keyslots".to_owned()),
        ],
    );
    assert_problems(
        &verify(&v, true, &[]),
        "basic",
        &[
            ("keyslot_missing", format!("keyslot {slot}")),
            ("keyslot_missing", "keyslots".to_owned()),
        ],
    );

    // An old keyslot restored after a passphrase change (so the old passphrase opens again).
    let v = fresh_copy(&base.v);
    let old: (Vec<u8>, Vec<u8>, i64, String) = db(&v)
        .query_row(
            "SELECT salt, wrapped, leaf_index, kdf FROM keyslots",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .expect("slot");
    let new_pass = v.path("new-pass.txt");
    std::fs::write(&new_pass, "the new passphrase, not known to them\n").expect("write");
    v.ok(&[
        "passwd",
        "--new-passphrase-file",
        new_pass.to_str().expect("path"),
    ]);
    db(&v)
        .execute(
            "UPDATE keyslots SET salt = ?1, wrapped = ?2, leaf_index = ?3, kdf = ?4",
            params![old.0, old.1, old.2, old.3],
        )
        .expect("restore old slot");
    assert_problems(
        &verify(&v, false, &[]),
        "basic",
        &[("keyslot_stale", format!("keyslot {slot}"))],
    );
    assert_problems(
        &verify(&v, true, &[]),
        "full",
        &[("keyslot_stale", format!("keyslot {slot}"))],
    );
}

/// Cases 4, 8, 9 and 13b: checkpoints, leaves and the signing key.
#[test]
fn tampered_ledger_and_checkpoints_are_found() {
    let base = base();
    let b = &base.b;
    let sizes = checkpoint_sizes(&db(&base.v));
    assert!(sizes.len() >= 3, "checkpoints: {sizes:?}");
    let newest = *sizes.last().expect("a checkpoint");

    // 4. One bit of the newest checkpoint's signature flipped.
    let v = fresh_copy(&base.v);
    {
        let conn = db(&v);
        let note: String = conn
            .query_row(
                "SELECT note FROM checkpoints WHERE size = ?1",
                [newest as i64],
                |r| r.get(0),
            )
            .expect("note");
        let sig_line = note
            .lines()
            .find(|l| l.starts_with("\u{2014} "))
            .expect("signature line");
        let encoded = sig_line.rsplit(' ').next().expect("signature");
        let mut sig = STANDARD.decode(encoded).expect("base64 signature");
        assert_eq!(sig.len(), 68, "key id and Ed25519 signature");
        flip(&mut sig, 40);
        let tampered = note.replace(encoded, &STANDARD.encode(&sig));
        assert_ne!(tampered, note);
        conn.execute(
            "UPDATE checkpoints SET note = ?1 WHERE size = ?2",
            params![tampered, newest as i64],
        )
        .expect("update");
    }
    for full in [false, true] {
        let r = verify(&v, full, &[]);
        // With the passphrase, the trust seal also shows that the newest checkpoint the vault
        // signed no longer counts.
        let mut expected = vec![("checkpoint_signature", checkpoint(newest))];
        if full {
            expected.push(("high_water", checkpoint(newest)));
        }
        assert_problems(&r, if full { "full" } else { "basic" }, &expected);
        // The newest checkpoint that still verifies is the previous one.
        assert_eq!(r.report()["signed_entries"], sizes[sizes.len() - 2]);
    }

    // 4b. The signed root edited (without re-signing).
    let v = fresh_copy(&base.v);
    {
        let conn = db(&v);
        let note: String = conn
            .query_row(
                "SELECT note FROM checkpoints WHERE size = ?1",
                [newest as i64],
                |r| r.get(0),
            )
            .expect("note");
        let root_line = note.lines().nth(2).expect("root line").to_owned();
        let mut root = STANDARD.decode(&root_line).expect("root");
        flip(&mut root, 0);
        conn.execute(
            "UPDATE checkpoints SET note = ?1 WHERE size = ?2",
            params![
                note.replacen(&root_line, &STANDARD.encode(&root), 1),
                newest as i64
            ],
        )
        .expect("update");
    }
    assert_problems(
        &verify(&v, false, &[]),
        "basic",
        &[("checkpoint_signature", checkpoint(newest))],
    );

    // 8. A ciphertext changed and its ledger entry and leaf hash recomputed to match: only the
    // signed checkpoints that cover the leaf can tell.
    let v = fresh_copy(&base.v);
    let index = {
        let conn = db(&v);
        let index = record_leaf(&conn, b, 1);
        let mut ct = record_ct(&conn, b, 1);
        let old_hash = sha256_hex(&ct);
        let last = ct.len() - 1;
        flip(&mut ct, last);
        set_record_ct(&conn, b, 1, &ct);
        let entry: Vec<u8> = conn
            .query_row(
                "SELECT entry FROM ledger WHERE leaf_index = ?1",
                [index],
                |r| r.get(0),
            )
            .expect("entry");
        let text = String::from_utf8(entry).expect("JSON entry");
        let json: Value = serde_json::from_str(&text).expect("entry JSON");
        assert_eq!(json["type"], "record");
        assert_eq!(json["ciphertext_sha256"], old_hash.as_str());
        let forged = text.replace(&old_hash, &sha256_hex(&ct));
        conn.execute(
            "UPDATE ledger SET entry = ?1, leaf_hash = ?2 WHERE leaf_index = ?3",
            params![forged.as_bytes(), leaf_hash(forged.as_bytes()), index],
        )
        .expect("update leaf");
        index
    };
    let covering: Vec<(&str, String)> = sizes
        .iter()
        .filter(|s| **s > index as u64)
        .map(|s| ("checkpoint_root", checkpoint(*s)))
        .collect();
    assert!(!covering.is_empty());
    let r = verify(&v, false, &[]);
    assert_problems(&r, "basic", &covering);
    let uncovered = sizes.iter().filter(|s| **s <= index as u64).max();
    assert_eq!(r.report()["signed_entries"], *uncovered.expect("older"));
    let mut with_decrypt = covering.clone();
    with_decrypt.push(("record_decrypt", rec(b, 1)));
    // The trust seal holds the root the vault last signed: with the passphrase the rewrite is
    // also a broken high-water mark.
    with_decrypt.push(("high_water", checkpoint(newest)));
    assert_problems(&verify(&v, true, &[]), "full", &with_decrypt);

    // 8b. Only the stored leaf hash edited.
    let v = fresh_copy(&base.v);
    {
        let conn = db(&v);
        let mut hash: Vec<u8> = conn
            .query_row(
                "SELECT leaf_hash FROM ledger WHERE leaf_index = ?1",
                [index],
                |r| r.get(0),
            )
            .expect("leaf hash");
        flip(&mut hash, 5);
        conn.execute(
            "UPDATE ledger SET leaf_hash = ?1 WHERE leaf_index = ?2",
            params![hash, index],
        )
        .expect("update");
    }
    let mut expected = covering.clone();
    expected.push(("leaf_hash", leaf(index)));
    assert_problems(&verify(&v, false, &[]), "basic", &expected);

    // 8c. A ledger entry edited but its leaf hash left alone.
    let v = fresh_copy(&base.v);
    db(&v)
        .execute(
            "UPDATE ledger SET entry = CAST(replace(CAST(entry AS TEXT), '\"revision\":1', '\"revision\":2') AS BLOB) WHERE leaf_index = ?1",
            [index],
        )
        .expect("update");
    // The entry no longer describes the row pointing at it either.
    assert_problems(
        &verify(&v, false, &[]),
        "basic",
        &[("leaf_hash", leaf(index)), ("record_leaf", rec(b, 1))],
    );

    // 9. The signing public key replaced by another valid Ed25519 key.
    let v = fresh_copy(&base.v);
    let other = ed25519_dalek::SigningKey::from_bytes(&[7u8; 32]).verifying_key();
    db(&v)
        .execute(
            "UPDATE meta SET value = ?1 WHERE key = 'signing_public'",
            [STANDARD.encode(other.as_bytes())],
        )
        .expect("update");
    let mut expected: Vec<(&str, String)> = sizes
        .iter()
        .map(|s| ("checkpoint_signature", checkpoint(*s)))
        .collect();
    expected.push(("signing_key", "vault metadata".to_owned()));
    // The list cache segment (the base vault was listed) is signed with the real key too.
    expected.push(("cache_segment", "list cache segment 0".to_owned()));
    let r = verify(&v, false, &[]);
    assert_problems(&r, "basic", &expected);
    assert_eq!(r.report()["signed_entries"], 0);
    // With the passphrase, the unlock itself refuses the mismatched key.
    let r = verify(&v, true, &[]);
    assert_eq!(r.code, 4, "{}\n{}", r.json, r.stderr);
    assert!(r.stderr.contains("signing"), "{}", r.stderr);

    // 9b. The master recipient replaced (new records would go to someone else's key).
    let v = fresh_copy(&base.v);
    let stranger = age::x25519::Identity::generate().to_public().to_string();
    db(&v)
        .execute(
            "UPDATE meta SET value = ?1 WHERE key = 'master_recipient'",
            [stranger],
        )
        .expect("update");
    assert_problems(
        &verify(&v, false, &[]),
        "basic",
        &[("master_recipient", "vault metadata".to_owned())],
    );

    // 13b. A ledger row deleted from the middle.
    let v = fresh_copy(&base.v);
    let d_leaf = record_leaf(&db(&v), &base.d, 1);
    db(&v)
        .execute("DELETE FROM ledger WHERE leaf_index = ?1", [d_leaf])
        .expect("delete");
    // One gap reported once; the record whose leaf went is unpaired; checkpoints over the gap
    // no longer match, and those larger than what is left claim more than the ledger holds.
    let left = newest - 1;
    let mut expected = vec![
        ("ledger_gap", leaf(d_leaf)),
        ("record_leaf", rec(&base.d, 1)),
    ];
    for s in &sizes {
        if *s > left {
            expected.push(("rollback", checkpoint(*s)));
        } else if *s > d_leaf as u64 {
            expected.push(("checkpoint_root", checkpoint(*s)));
        }
    }
    for full in [false, true] {
        let r = verify(&v, full, &[]);
        let mut expected = expected.clone();
        if full {
            // The sealed high-water mark covers more entries than are left.
            expected.push(("high_water", checkpoint(newest)));
        }
        assert_problems(&r, if full { "full" } else { "basic" }, &expected);
        assert_eq!(
            r.detail_of("ledger_gap", &leaf(d_leaf)),
            format!("leaf {d_leaf} is missing from the ledger")
        );
    }

    // Two leaves gone in a row: still one gap, naming both.
    db(&v)
        .execute("DELETE FROM ledger WHERE leaf_index = ?1", [d_leaf + 1])
        .expect("delete");
    let r = verify(&v, false, &[]);
    let gaps: Vec<String> = r
        .problems()
        .into_iter()
        .filter(|(k, _)| k == "ledger_gap")
        .map(|(_, i)| i)
        .collect();
    assert_eq!(gaps, vec![leaf(d_leaf)], "{:#}", r.json);
    assert_eq!(
        r.detail_of("ledger_gap", &leaf(d_leaf)),
        format!(
            "leaves {d_leaf} to {} are missing from the ledger",
            d_leaf + 1
        )
    );

    // A checkpoint row deleted loses nothing: the others still cover the ledger.
    let v = fresh_copy(&base.v);
    db(&v)
        .execute("DELETE FROM checkpoints WHERE size = ?1", [sizes[1] as i64])
        .expect("delete");
    assert_clean(&verify(&v, false, &[]), "basic");
}

/// Case 10: an older copy of the vault put back in place is caught by a receipt of the newer one.
/// `vault.db` alone put back from an older copy while `blobs/` is newer (a sync conflict, a
/// database restored by hand): the attachment only the newer database knew survives the next
/// unlocking command (moved to `quarantine/`, never deleted), verify reports it there, and the
/// receipt reports the rollback.
#[test]
fn a_database_rolled_back_alone_keeps_the_newer_attachment() {
    let base = base();
    let v = fresh_copy(&base.v);
    let old = v.path("old-db");
    std::fs::create_dir_all(&old).expect("dir");
    v.ok(&["list"]); // fold the write-ahead log into vault.db
    std::fs::copy(v.db(), old.join("vault.db")).expect("copy");

    let record = v.add_simple("after the copy");
    let photo = v.path("late.bin");
    std::fs::write(&photo, b"evidence recorded after the copy").expect("write");
    attach(&v, &record, &photo);
    v.ok(&["list"]); // signs the new entries, so that the receipt covers them
    let receipt = v.path("r.txt");
    let receipt_arg = receipt.to_str().expect("path").to_owned();
    v.ok(&["receipt", "--out", &receipt_arg]);
    // Every attachment file's content, wherever in the vault folder it is kept.
    let blobs = || {
        let mut files: Vec<Vec<u8>> = ["blobs", "quarantine"]
            .iter()
            .flat_map(|d| common::all_files(&v.dir.join(d)))
            .map(|p| std::fs::read(p).expect("read"))
            .collect();
        files.sort();
        files
    };
    let blobs_before = blobs();

    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(v.dir.join(format!("vault.db{suffix}")));
    }
    std::fs::copy(old.join("vault.db"), v.db()).expect("restore");
    // The pin of this computer (outside the folder) knows a newer signed ledger: the unlock
    // refuses the older copy before it signs or cleans anything.
    let out = v.fails(&["list"]);
    assert_eq!(out.status.code(), Some(4));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("an older copy of the vault was put back"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(blobs(), blobs_before);
    assert!(
        !v.dir.join("quarantine").exists(),
        "a refused unlock cleans nothing"
    );
    // On a computer with no pin for this vault (the older copy is consistent in itself), the
    // unlock goes ahead: the file only the newer database knew is moved aside, never deleted.
    let elsewhere = v.path("another-computer");
    let out = v
        .cmd()
        .env("VAULT_STATE_DIR", &elsewhere)
        .arg("list")
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(blobs(), blobs_before);
    let quarantined: Vec<String> = std::fs::read_dir(v.dir.join("quarantine"))
        .expect("quarantine folder")
        .flatten()
        .map(|e| format!("quarantine/{}", e.file_name().to_string_lossy()))
        .collect();
    assert_eq!(quarantined.len(), 1, "{quarantined:?}");
    let r = verify(&v, true, &["--receipt", &receipt_arg]);
    assert_eq!(r.report()["leftover_files"], 0, "{}", r.json);
    assert_problems(
        &r,
        "full",
        &[
            ("pin", "pin file".to_owned()),
            ("quarantine", quarantined[0].clone()),
            ("rollback", "receipt".to_owned()),
        ],
    );
}

#[test]
fn rollback_is_caught_by_a_receipt() {
    let base = base();
    let v = fresh_copy(&base.v);
    let old = v.path("old-copy");
    copy_dir(&v.dir, &old);

    v.add_simple("after the copy 1");
    v.add_simple("after the copy 2");
    v.ok(&["list"]);
    let receipt = v.path("r.txt");
    let receipt_arg = receipt.to_str().expect("path").to_owned();
    v.ok(&["receipt", "--out", &receipt_arg]);

    for full in [false, true] {
        let r = verify(&v, full, &["--receipt", &receipt_arg]);
        assert_clean(&r, if full { "full" } else { "basic" });
        assert_eq!(r.report()["receipt"]["ok"], true, "{}", r.json);
        assert_eq!(
            r.report()["receipt"]["receipt_size"],
            r.report()["ledger_entries"]
        );
    }

    // Put the older copy back.
    std::fs::remove_dir_all(&v.dir).expect("remove");
    copy_dir(&old, &v.dir);
    // This computer remembers the newer signed ledger: verify says so even without a receipt.
    assert_problems(
        &verify(&v, false, &[]),
        "basic",
        &[("pin", "pin file".to_owned())],
    );
    // On a computer that never saw the vault (here: without its pin file), the older copy is
    // consistent in itself, and only a receipt kept elsewhere shows the rollback.
    std::fs::remove_file(v.state_dir().join("known_vaults")).expect("forget the pin");
    assert_clean(&verify(&v, false, &[]), "basic");
    for full in [false, true] {
        let r = verify(&v, full, &["--receipt", &receipt_arg]);
        assert_problems(
            &r,
            if full { "full" } else { "basic" },
            &[("rollback", "receipt".to_owned())],
        );
        assert_eq!(r.report()["receipt"]["ok"], false);
    }

    // The old copy grown back to the receipt's size with other entries: history differs.
    for what in ["filler 1", "filler 2"] {
        v.cmd_locked()
            .args([
                "add",
                "--kind",
                "other",
                "--when",
                "2026-11-23",
                "--what",
                what,
            ])
            .assert()
            .success();
    }
    let r = verify(&v, false, &["--receipt", &receipt_arg]);
    assert_eq!(
        r.report()["ledger_entries"],
        r.report()["receipt"]["receipt_size"]
    );
    assert_problems(&r, "basic", &[("rollback", "receipt".to_owned())]);
    assert!(
        r.detail_of("rollback", "receipt").contains("rewritten"),
        "{}",
        r.json
    );

    // A receipt from another vault is refused as such.
    let other = TestVault::new();
    let other_receipt = other.path("other.txt");
    other.ok(&["receipt", "--out", other_receipt.to_str().expect("path")]);
    let r = verify(
        &v,
        false,
        &["--receipt", other_receipt.to_str().expect("path")],
    );
    assert_problems(&r, "basic", &[("receipt", "receipt".to_owned())]);
}
