//! Attacks on keyslots and receipts by someone who can write to the vault folder but knows no
//! passphrase (SECURITY.md, adversary 7): each test edits `vault.db` directly with rusqlite, as
//! that person would, then runs the owner's ordinary commands through the real binary.
//!
//! - Keyslot parameters are part of what the signed ledger commits to, and are checked before
//!   any key derivation: lowered, raised, below-the-floor or uncommitted slots are refused as
//!   tampered (exit 4), never reported as a wrong passphrase, and never passed on by `passwd`.
//! - `vault receipt` signs what no checkpoint covers before writing, so a receipt made right
//!   after logging covers it; `--no-sign` says what it leaves out; receipts survive CRLF.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::{stderr, stdout};

use std::path::{Path, PathBuf};

use common::*;
use rusqlite::{params, Connection};
use serde_json::Value;
use sha2::{Digest, Sha256};
use vault::crypto::kdf::{self, KdfParams};
use vault::crypto::keyslot::{Keyslot, SlotKind};

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// A vault whose passphrase slot is above the floor in one dimension (4 passes), so that it
/// can be lowered and still be above the floor, as the issue describes.
fn vault_with_four_passes() -> TestVault {
    let v = TestVault::uninit();
    v.ok(&[
        "init",
        "--kdf-memory-mib",
        "64",
        "--kdf-iterations",
        "4",
        "--kdf-parallelism",
        "4",
    ]);
    v
}

fn db(v: &TestVault) -> Connection {
    Connection::open(v.db()).expect("open vault.db")
}

/// The one stored slot of `kind`, as the library reads it.
fn slot_of(conn: &Connection, kind: &str) -> (Keyslot, i64) {
    conn.query_row(
        "SELECT id, kdf, salt, wrapped, leaf_index FROM keyslots WHERE kind = ?1",
        [kind],
        |r| {
            let kdf: String = r.get(1)?;
            Ok((
                Keyslot {
                    id: r.get(0)?,
                    kind: SlotKind::parse(kind).expect("kind"),
                    params: serde_json::from_str(&kdf).expect("kdf json"),
                    salt: r.get(2)?,
                    wrapped: r.get(3)?,
                },
                r.get(4)?,
            ))
        },
    )
    .expect("slot")
}

fn set_params(conn: &Connection, slot: &str, p: KdfParams) {
    let n = conn
        .execute(
            "UPDATE keyslots SET kdf = ?1 WHERE id = ?2",
            params![serde_json::to_string(&p).expect("json"), slot],
        )
        .expect("update");
    assert_eq!(n, 1);
}

fn leaf_hash(entry: &[u8]) -> Vec<u8> {
    let mut h = Sha256::new();
    h.update([0u8]);
    h.update(entry);
    h.finalize().to_vec()
}

/// The entry the attacker forges for a slot: what `passwd` would write for it.
fn forged_entry(slot: &Keyslot) -> Vec<u8> {
    format!(
        r#"{{"type":"keyslot","v":1,"action":"replace","slot":"{}","slot_sha256":"{}"}}"#,
        slot.id,
        slot.digest_hex()
    )
    .into_bytes()
}

fn counts(conn: &Connection) -> (i64, i64, i64) {
    conn.query_row(
        "SELECT (SELECT COUNT(*) FROM records), (SELECT COUNT(*) FROM ledger), (SELECT COUNT(*) FROM checkpoints)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
    .expect("counts")
}

/// Runs `args` with the passphrase; asserts the refusal of a tampered keyslot: exit 4, one
/// error line naming the keyslot, never "wrong passphrase"; returns stderr.
fn refused_as_tampered(v: &TestVault, args: &[&str]) -> String {
    let out = v.cmd().args(args).output().expect("run");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(4), "{args:?}: {err}");
    assert!(
        err.contains("is not what the vault's signed history commits to"),
        "{args:?}: {err}"
    );
    assert!(!err.contains("wrong passphrase"), "{args:?}: {err}");
    err
}

/// Basic verify (no passphrase): (exit code, report).
fn verify_locked(v: &TestVault, extra: &[&str]) -> (i32, Value) {
    let out = v
        .cmd_locked()
        .args(["--json", "verify"])
        .args(extra)
        .output()
        .expect("run");
    let report = serde_json::from_str(&stdout(&out)).unwrap_or(Value::Null);
    (out.status.code().expect("exit code"), report)
}

fn problem_kinds(report: &Value) -> Vec<String> {
    report["report"]["problems"]
        .as_array()
        .unwrap_or_else(|| panic!("no problems: {report}"))
        .iter()
        .map(|p| p["kind"].as_str().expect("kind").to_owned())
        .collect()
}

fn with_pass_file(v: &TestVault, pass: &Path) -> assert_cmd::Command {
    let mut c = v.cmd_locked();
    c.arg("--passphrase-file").arg(pass);
    c
}

fn write(v: &TestVault, name: &str, text: &str) -> PathBuf {
    let p = v.path(name);
    std::fs::write(&p, text).expect("write");
    p
}

fn slot_params(v: &TestVault) -> Vec<(String, KdfParams)> {
    let out = v
        .cmd_locked()
        .args(["--json", "keyslot", "list"])
        .output()
        .expect("run");
    assert_success(&out, &["keyslot", "list"]);
    let list: Value = serde_json::from_str(&stdout(&out)).expect("json");
    list.as_array()
        .expect("array")
        .iter()
        .map(|s| {
            (
                s["kind"].as_str().expect("kind").to_owned(),
                KdfParams::from_mib(
                    s["kdf"]["memory_mib"].as_u64().expect("m") as u32,
                    s["kdf"]["iterations"].as_u64().expect("t") as u32,
                    s["kdf"]["parallelism"].as_u64().expect("p") as u32,
                )
                .expect("params"),
            )
        })
        .collect()
}

fn at_least_default(p: KdfParams) -> bool {
    p.memory_kib >= kdf::DEFAULT.memory_kib
        && p.iterations >= kdf::DEFAULT.iterations
        && p.parallelism >= kdf::DEFAULT.parallelism
}

// ---------------------------------------------------------------------------------------------
// Keyslot parameters

#[test]
fn lowered_parameters_on_a_passphrase_slot_are_refused_as_tampered() {
    let v = vault_with_four_passes();
    let id = v.add_simple("logged before the attack");
    let conn = db(&v);
    let (slot, _) = slot_of(&conn, "passphrase");
    let before = counts(&conn);
    // Lowered, but still above the floor: 4 passes -> 3.
    set_params(&conn, &slot.id, kdf::FLOOR);
    drop(conn);

    for args in [&["list"][..], &["show", &id][..], &["passwd"][..]] {
        let err = refused_as_tampered(&v, args);
        assert!(err.contains(&slot.id), "{err}");
        assert!(err.contains("parameters, salt or wrapped key"), "{err}");
    }
    // In Spanish too, reason included.
    let out = v
        .cmd()
        .env("LANG", "es_MX.UTF-8")
        .args(["list"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(4));
    let err = stderr(&out);
    assert!(
        err.contains("no es el que sella la bitácora firmada"),
        "{err}"
    );
    assert!(
        err.contains("su configuración, su sal o su clave cifrada"),
        "{err}"
    );
    assert!(!err.contains("parameters"), "no English left: {err}");
    // verify with the passphrase falls back to the checks that need none, and names the slot.
    let out = v.cmd().args(["--json", "verify"]).output().expect("run");
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    let report: Value = serde_json::from_str(&stdout(&out)).expect("json");
    assert!(problem_kinds(&report).contains(&"keyslot_hash".to_owned()));
    assert!(
        stderr(&out).contains("is not what the vault's signed history commits to"),
        "{}",
        stderr(&out)
    );
    // Nothing stored was lost or added; the incident is still there for the recovery code.
    assert_eq!(counts(&db(&v)), before);
}

#[test]
fn a_forged_ledger_entry_does_not_make_a_lowered_slot_pass() {
    let v = vault_with_four_passes();
    v.add_simple("logged before the attack");
    v.ok(&["list"]);

    // Appended: a `replace` entry committing to the lowered slot, with the row pointing at it.
    // No checkpoint signed by the vault covers it.
    let conn = db(&v);
    let (mut slot, _) = slot_of(&conn, "passphrase");
    slot.params = kdf::FLOOR;
    set_params(&conn, &slot.id, slot.params);
    let entry = forged_entry(&slot);
    let index: i64 = conn
        .query_row("SELECT MAX(leaf_index) + 1 FROM ledger", [], |r| r.get(0))
        .expect("size");
    conn.execute(
        "INSERT INTO ledger(leaf_index, entry, leaf_hash) VALUES(?1, ?2, ?3)",
        params![index, entry, leaf_hash(&entry)],
    )
    .expect("append");
    conn.execute(
        "UPDATE keyslots SET leaf_index = ?1 WHERE id = ?2",
        params![index, slot.id],
    )
    .expect("point");
    drop(conn);
    let err = refused_as_tampered(&v, &["list"]);
    assert!(
        err.contains(&format!(
            "no checkpoint signed by this vault covers ledger leaf {index}"
        )),
        "{err}"
    );
    // Nothing was signed over the forged entry.
    let signed: i64 = db(&v)
        .query_row("SELECT MAX(size) FROM checkpoints", [], |r| r.get(0))
        .expect("max");
    assert!(signed <= index, "the forged entry was signed");

    // Rewritten in place: the slot's own entry (and its leaf hash) changed to the lowered
    // digest; the signed checkpoint's root no longer matches.
    let v = vault_with_four_passes();
    let conn = db(&v);
    let (mut slot, leaf) = slot_of(&conn, "passphrase");
    slot.params = kdf::FLOOR;
    set_params(&conn, &slot.id, slot.params);
    let entry = forged_entry(&slot);
    conn.execute(
        "UPDATE ledger SET entry = ?1, leaf_hash = ?2 WHERE leaf_index = ?3",
        params![entry, leaf_hash(&entry), leaf],
    )
    .expect("rewrite");
    drop(conn);
    let err = refused_as_tampered(&v, &["list"]);
    assert!(
        err.contains("no checkpoint signed by this vault covers"),
        "{err}"
    );

    // The entry rewritten but its stored leaf hash left as it was.
    let v = vault_with_four_passes();
    let conn = db(&v);
    let (mut slot, leaf) = slot_of(&conn, "passphrase");
    slot.params = kdf::FLOOR;
    set_params(&conn, &slot.id, slot.params);
    conn.execute(
        "UPDATE ledger SET entry = ?1 WHERE leaf_index = ?2",
        params![forged_entry(&slot), leaf],
    )
    .expect("rewrite");
    drop(conn);
    let err = refused_as_tampered(&v, &["list"]);
    assert!(
        err.contains(&format!(
            "ledger leaf {leaf}, which commits to it, was altered"
        )),
        "{err}"
    );
}

#[test]
fn a_slot_without_its_ledger_entry_is_refused() {
    // The row points at a leaf that does not exist.
    let v = TestVault::new();
    v.add_simple("an incident");
    let conn = db(&v);
    let (slot, _) = slot_of(&conn, "passphrase");
    conn.execute("UPDATE keyslots SET leaf_index = 999", [])
        .expect("update");
    drop(conn);
    let err = refused_as_tampered(&v, &["list"]);
    assert!(
        err.contains("ledger leaf 999, which should commit to it, does not exist"),
        "{err}"
    );
    assert!(err.contains(&slot.id), "{err}");

    // The row points at a leaf that is another entry (the incident's).
    let v = TestVault::new();
    v.add_simple("an incident");
    let conn = db(&v);
    let record_leaf: i64 = conn
        .query_row("SELECT leaf_index FROM records", [], |r| r.get(0))
        .expect("leaf");
    conn.execute("UPDATE keyslots SET leaf_index = ?1", [record_leaf])
        .expect("update");
    drop(conn);
    let err = refused_as_tampered(&v, &["list"]);
    assert!(
        err.contains("is not an entry that adds or replaces this keyslot"),
        "{err}"
    );

    // A second passphrase slot planted by the attacker (here a copy of the owner's slot under
    // a new id, pointing at the owner's ledger entry): no ledger entry commits to it, so it is
    // never derived with; the owner's own slot still opens, and any other passphrase is told
    // that the planted slot is not the vault's.
    let v = TestVault::new();
    let conn = db(&v);
    let (genuine, leaf) = slot_of(&conn, "passphrase");
    let mut planted = genuine.clone();
    planted.id = "ffffffffffffffffffffffffffffffff".into();
    conn.execute(
        "INSERT INTO keyslots(id, kind, kdf, salt, wrapped, leaf_index) VALUES(?1, 'passphrase', ?2, ?3, ?4, ?5)",
        params![
            planted.id,
            serde_json::to_string(&planted.params).expect("json"),
            planted.salt,
            planted.wrapped,
            leaf
        ],
    )
    .expect("plant");
    drop(conn);
    v.ok(&["list"]);
    let other = write(
        &v,
        "theirs.txt",
        "the attacker's own long passphrase here\n",
    );
    let out = with_pass_file(&v, &other)
        .args(["list"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert!(stderr(&out).contains(&planted.id), "{}", stderr(&out));
}

#[test]
fn parameters_below_the_floor_are_refused_before_derivation() {
    for (memory_mib, iterations, lanes) in [(8, 1, 1), (64, 2, 4), (64, 3, 1), (32, 3, 4)] {
        let v = TestVault::new();
        v.add_simple("an incident");
        let conn = db(&v);
        let (mut slot, leaf) = slot_of(&conn, "passphrase");
        slot.params = KdfParams::from_mib(memory_mib, iterations, lanes).expect("params");
        set_params(&conn, &slot.id, slot.params);
        // Even with the ledger entry rewritten to match, the parameters alone are refused.
        let entry = forged_entry(&slot);
        conn.execute(
            "UPDATE ledger SET entry = ?1, leaf_hash = ?2 WHERE leaf_index = ?3",
            params![entry, leaf_hash(&entry), leaf],
        )
        .expect("rewrite");
        drop(conn);
        let err = refused_as_tampered(&v, &["list"]);
        assert!(
            err.contains("below the minimum of 64 MiB, t=3, p=4"),
            "{err}"
        );
        let (code, report) = verify_locked(&v, &[]);
        assert_eq!(code, 4, "{report}");
        assert!(
            problem_kinds(&report).contains(&"keyslot_kdf".to_owned()),
            "{report}"
        );
    }
}

/// Raised parameters (a denial of service: 4 GiB and 4 passes is inside the ceiling) are
/// refused before any memory is spent: the command runs with a 1 GiB address-space limit, so a
/// derivation would abort instead of exiting 4.
#[test]
fn raised_parameters_are_refused_before_any_memory_is_spent() {
    let v = TestVault::new();
    let conn = db(&v);
    let (slot, _) = slot_of(&conn, "passphrase");
    set_params(
        &conn,
        &slot.id,
        KdfParams::from_mib(4096, 4, 4).expect("params"),
    );
    drop(conn);
    let bin = assert_cmd::cargo::cargo_bin("vault");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 1048576 && exec \"$0\" \"$@\"")
        .arg(&bin)
        .args([
            "--vault",
            s(&v.dir),
            "--passphrase-file",
            s(&v.pass_file),
            "list",
        ])
        .env("LANG", "C")
        .env("VAULT_STATE_DIR", v.state_dir())
        .env("TMPDIR", v.tmp.path())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert!(stderr(&out).contains(&slot.id), "{}", stderr(&out));
}

/// Issue: "KDF downgrade through the recovery code". The passphrase slot's parameters are
/// lowered (above the floor); the owner's passphrase is refused as tampered; the owner unlocks
/// with the recovery code and runs `passwd`: the new slot gets at least the default
/// parameters, not the lowered ones, and verify is clean because nothing is lowered any more.
#[test]
fn recovery_code_then_passwd_does_not_inherit_lowered_parameters() {
    let v = vault_with_four_passes();
    v.add_simple("an incident");
    let code = v.json(&["keyslot", "add", "--recovery"])["recovery_code"]
        .as_str()
        .expect("code")
        .to_owned();
    let recovery = write(&v, "recovery.txt", &format!("{code}\n"));
    // The recovery slot was sealed with at least the defaults, not the opened slot's 64 MiB.
    for (kind, p) in slot_params(&v) {
        if kind == "recovery" {
            assert!(at_least_default(p), "{p:?}");
            assert_eq!(p.iterations, 4, "kept the stronger pass count: {p:?}");
        }
    }

    let conn = db(&v);
    let (slot, _) = slot_of(&conn, "passphrase");
    set_params(&conn, &slot.id, kdf::FLOOR);
    drop(conn);
    refused_as_tampered(&v, &["list"]);

    let new_pass = write(&v, "new.txt", "a brand new passphrase for the owner\n");
    let out = with_pass_file(&v, &recovery)
        .args(["--json", "passwd", "--new-passphrase-file", s(&new_pass)])
        .output()
        .expect("run");
    assert_success(&out, &["passwd"]);
    let change: Value = serde_json::from_str(&stdout(&out)).expect("json");
    assert!(
        change["replaced_tampered"]
            .as_str()
            .is_some_and(|r| r.contains("parameters, salt or wrapped key")),
        "{change}"
    );
    assert!(stderr(&out).contains("did not match"), "{}", stderr(&out));
    assert!(
        change["kdf"]["memory_mib"].as_u64() >= Some(256),
        "{change}"
    );

    for (kind, p) in slot_params(&v) {
        assert!(at_least_default(p), "{kind}: {p:?}");
        assert_ne!(p, kdf::FLOOR, "{kind}");
    }
    // The new passphrase opens and a full verify is clean: nothing is lowered, every slot
    // matches its (signed) ledger entry.
    let out = with_pass_file(&v, &new_pass)
        .args(["verify", "--full"])
        .output()
        .expect("run");
    assert_success(&out, &["verify", "--full"]);
    // The old passphrase no longer opens it.
    let out = v.cmd().args(["list"]).output().expect("run");
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
}

#[test]
fn passwd_and_keyslot_add_seal_with_at_least_the_defaults() {
    // An untampered slot at the floor: passwd raises it to the defaults (and keeps what was
    // stronger); explicit parameters down to the floor are honoured; below it refused.
    let v = vault_with_four_passes();
    let new_pass = write(&v, "new.txt", "another long passphrase for this test\n");
    let out = v
        .cmd()
        .args(["--json", "passwd", "--new-passphrase-file", s(&new_pass)])
        .output()
        .expect("run");
    assert_success(&out, &["passwd"]);
    let change: Value = serde_json::from_str(&stdout(&out)).expect("json");
    assert_eq!(change["replaced_tampered"], Value::Null, "{change}");
    assert_eq!(change["kdf"]["memory_mib"], 256, "{change}");
    assert_eq!(change["kdf"]["iterations"], 4, "{change}");
    std::fs::copy(&new_pass, &v.pass_file).expect("swap");

    let weak = v.fails(&[
        "passwd",
        "--new-passphrase-file",
        s(&new_pass),
        "--kdf-memory-mib",
        "32",
    ]);
    assert!(stderr(&weak).contains("too weak"), "{}", stderr(&weak));
    let out = v
        .cmd()
        .args(["--json", "passwd", "--new-passphrase-file", s(&new_pass)])
        .args(["--kdf-memory-mib", "64", "--kdf-iterations", "3"])
        .output()
        .expect("run");
    assert_success(&out, &["passwd", "--kdf-memory-mib"]);
    let change: Value = serde_json::from_str(&stdout(&out)).expect("json");
    assert_eq!(change["kdf"]["memory_mib"], 64, "{change}");
    assert_eq!(change["kdf"]["iterations"], 3, "{change}");

    // A second passphrase slot, added while unlocked with a floor slot: at least the defaults.
    let second = write(&v, "second.txt", "a second passphrase for the same vault\n");
    v.ok(&["keyslot", "add", "--new-passphrase-file", s(&second)]);
    let params = slot_params(&v);
    assert_eq!(params.len(), 2, "{params:?}");
    assert_eq!(
        params[0].1,
        kdf::FLOOR,
        "the one chosen explicitly: {params:?}"
    );
    assert!(at_least_default(params[1].1), "{params:?}");
    v.ok(&["verify", "--full"]);
}

// ---------------------------------------------------------------------------------------------
// Receipts

#[test]
fn receipt_right_after_add_covers_it_and_catches_a_rollback() {
    let v = TestVault::new();
    v.add_simple("first incident");
    v.ok(&["list"]);
    // The state an attacker will later put back: everything before the new incident.
    let old = v.path("old-vault");
    copy_dir(&v.dir, &old);

    let id = v.add_simple("the incident the rollback drops");
    let receipt = v.path("receipt.txt");
    let out = v.json(&["receipt", "--out", s(&receipt)]);
    let size = out["size"].as_u64().expect("size");
    assert_eq!(out["entries_not_covered"], 0, "{out}");
    let ledger = v.json(&["info"])["ledger_entries"].as_u64().expect("n");
    assert_eq!(size, ledger, "the receipt covers the entry just logged");
    let (code, report) = verify_locked(&v, &["--receipt", s(&receipt)]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["report"]["receipt"]["ok"], true, "{report}");

    // The rollback: the older folder put back. verify --receipt fails and says so.
    std::fs::remove_dir_all(&v.dir).expect("rm");
    copy_dir(&old, &v.dir);
    let (code, report) = verify_locked(&v, &["--receipt", s(&receipt)]);
    assert_eq!(code, 4, "{report}");
    assert!(
        problem_kinds(&report).contains(&"rollback".to_owned()),
        "{report}"
    );
    let out = v.cmd().args(["show", &id]).output().expect("run");
    assert!(
        !out.status.success(),
        "the dropped incident is gone from this copy"
    );
}

#[test]
fn receipt_no_sign_warns_and_without_a_passphrase_asks_for_one() {
    let v = TestVault::new();
    v.add_simple("first incident");
    v.ok(&["list"]);
    let old = v.path("old-vault");
    copy_dir(&v.dir, &old);
    v.add_simple("logged without the passphrase");

    // No passphrase and no terminal: refused, nothing written, the way out named.
    let receipt = v.path("receipt.txt");
    let out = v
        .cmd_locked()
        .args(["receipt", "--out", s(&receipt)])
        .output()
        .expect("run");
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("1 ledger entry is not signed yet"), "{err}");
    assert!(err.contains("--no-sign"), "{err}");
    assert!(!receipt.exists());

    // --no-sign: written, with a warning naming how many entries it leaves out.
    let out = v
        .cmd_locked()
        .args(["--json", "receipt", "--no-sign", "--out", s(&receipt)])
        .output()
        .expect("run");
    assert_success(&out, &["receipt", "--no-sign"]);
    let err = stderr(&out);
    assert!(
        err.contains("does not cover the newest ledger entry (1"),
        "{err}"
    );
    let j: Value = serde_json::from_str(&stdout(&out)).expect("json");
    assert_eq!(j["entries_not_covered"], 1, "{j}");
    // Nothing was signed (no passphrase was used).
    let (_, report) = verify_locked(&v, &[]);
    assert_eq!(
        report["report"]["signed_entries"].as_u64().expect("signed") + 1,
        report["report"]["ledger_entries"]
            .as_u64()
            .expect("entries"),
        "{report}"
    );
    // The warning is true: a rollback dropping the uncovered entry passes this receipt.
    std::fs::remove_dir_all(&v.dir).expect("rm");
    copy_dir(&old, &v.dir);
    let (code, report) = verify_locked(&v, &["--receipt", s(&receipt)]);
    assert_eq!(code, 0, "{report}");

    // Spanish.
    let receipt_es = v.path("receipt-es.txt");
    v.add_simple("another one");
    let out = v
        .cmd_locked()
        .env("LANG", "es_MX.UTF-8")
        .args(["receipt", "--no-sign", "--out", s(&receipt_es)])
        .output()
        .expect("run");
    assert_success(&out, &["receipt", "--no-sign"]);
    let err = stderr(&out);
    assert!(err.contains("este comprobante no cubre"), "{err}");
}

#[test]
fn receipts_with_crlf_and_trailing_spaces_are_accepted() {
    let v = TestVault::new();
    v.add_simple("an incident");
    let receipt = v.path("receipt.txt");
    v.ok(&["receipt", "--out", s(&receipt)]);
    let text = std::fs::read_to_string(&receipt).expect("read");
    let mangled = format!(
        "\u{feff}\r\n{}\r\n\r\n",
        text.trim_end()
            .split('\n')
            .map(|l| format!("{l}  \t"))
            .collect::<Vec<_>>()
            .join("\r\n")
    );
    let emailed = write(&v, "emailed.txt", &mangled);
    let (code, report) = verify_locked(&v, &["--receipt", s(&emailed)]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["report"]["receipt"]["ok"], true, "{report}");

    // A receipt whose signed text was changed is still refused.
    let forged = write(&v, "forged.txt", &mangled.replacen("\r\n", "\r\nX", 1));
    let (code, report) = verify_locked(&v, &["--receipt", s(&forged)]);
    assert_eq!(code, 4, "{report}");

    // The same emailed receipt checked by counsel against a later bundle.
    let key = v.path("counsel.key");
    let out = v.json(&["keygen", "--out", s(&key)]);
    let recipient = out["recipient"].as_str().expect("recipient").to_owned();
    let bundle = v.path("bundle.age");
    v.ok(&["export", "--to", &recipient, "--all", "--out", s(&bundle)]);
    let out = v
        .cmd_locked()
        .args([
            "--json",
            "bundle",
            "verify",
            s(&bundle),
            "--identity",
            s(&key),
        ])
        .args(["--receipt", s(&emailed)])
        .output()
        .expect("run");
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap_or(Value::Null);
    assert_eq!(out.status.code(), Some(0), "{report}\n{}", stderr(&out));
    assert_eq!(report["ok"], true, "{report}");
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read dir").flatten() {
        let p = e.path();
        let dest = to.join(e.file_name());
        if p.is_dir() {
            copy_dir(&p, &dest);
        } else {
            std::fs::copy(&p, &dest).expect("copy");
        }
    }
}
