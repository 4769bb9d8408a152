//! Maintenance and hardening through the real binary: passphrase strength and generation,
//! recovery keyslots and slot management, rekey, crypto-erase, backup/restore, and process
//! hygiene (no core dumps, non-dumpable, no secret in any output).

use crate::common;
use common::{stderr, stdout};

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};
use std::str::FromStr;
use std::time::{Duration, Instant};

use common::{assert_success, TestVault, PASSPHRASE};

const KDF: [&str; 6] = [
    "--kdf-memory-mib",
    "64",
    "--kdf-iterations",
    "3",
    "--kdf-parallelism",
    "4",
];

fn write(v: &TestVault, name: &str, text: &str) -> PathBuf {
    let p = v.path(name);
    std::fs::write(&p, format!("{text}\n")).expect("write file");
    p
}

/// Runs with `--passphrase-file FILE` (instead of the default one).
fn with_pass(v: &TestVault, pass: &Path, args: &[&str]) -> Output {
    v.cmd_locked()
        .arg("--passphrase-file")
        .arg(pass)
        .args(args)
        .output()
        .expect("run")
}

/// The binary on another vault directory (no passphrase file unless `pass` is given).
fn at(v: &TestVault, dir: &Path, pass: Option<&Path>) -> assert_cmd::Command {
    let mut c = v.cmd_locked_at(dir);
    if let Some(p) = pass {
        c.arg("--passphrase-file").arg(p);
    }
    c
}

fn json_of(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(out)))
}

/// `verify` (locked) and `verify --full` both pass.
fn verify_locked(v: &TestVault) {
    let out = v.cmd_locked().args(["verify"]).output().expect("run");
    assert_success(&out, &["verify"]);
}

fn verify_both(v: &TestVault) {
    let out = v.cmd_locked().args(["verify"]).output().expect("run");
    assert_success(&out, &["verify"]);
    v.ok(&["verify", "--full"]);
}

fn add_recovery(v: &TestVault) -> (String, String) {
    let j = v.json(&["keyslot", "add", "--recovery"]);
    (
        j["slot"].as_str().expect("slot").to_owned(),
        j["recovery_code"].as_str().expect("code").to_owned(),
    )
}

fn slots(v: &TestVault) -> Vec<serde_json::Value> {
    let out = v
        .cmd_locked()
        .args(["--json", "keyslot", "list"])
        .output()
        .expect("run");
    assert_success(&out, &["keyslot", "list"]);
    json_of(&out).as_array().expect("array").clone()
}

#[test]
fn weak_passphrases_are_refused_by_init_and_passwd() {
    let v = TestVault::uninit();
    std::fs::write(&v.pass_file, "letmein\n").expect("write");
    let mut args = vec!["init"];
    args.extend_from_slice(&KDF);
    let out = v.fails(&args);
    let err = stderr(&out);
    assert!(err.contains("too easy to guess"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "one line of advice: {err}");
    assert!(!err.contains("letmein"), "{err}");
    assert!(!v.db().exists(), "no vault may be created");

    let v = TestVault::new();
    let weak = write(&v, "weak.txt", "password123");
    let out = v.fails(&["passwd", "--new-passphrase-file", weak.to_str().expect("p")]);
    assert!(
        stderr(&out).contains("too easy to guess"),
        "{}",
        stderr(&out)
    );
    // The old passphrase still opens the vault; the weak one does not.
    v.ok(&["list"]);
    assert!(!with_pass(&v, &weak, &["list"]).status.success());
}

#[test]
fn init_can_generate_a_passphrase_and_shows_it_once() {
    let v = TestVault::uninit();
    // With a passphrase file as well it refuses (which one would be the passphrase?).
    let mut args = vec!["init", "--generate-passphrase"];
    args.extend_from_slice(&KDF);
    let out = v.fails(&args);
    assert!(
        stderr(&out).contains("--generate-passphrase"),
        "{}",
        stderr(&out)
    );

    let out = v.cmd_locked().args(&args).output().expect("run");
    assert_success(&out, &args);
    let err = stderr(&out);
    let shown: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("    ") && !l.trim().is_empty())
        .collect();
    assert_eq!(shown.len(), 1, "{err}");
    let words: Vec<&str> = shown[0].split_whitespace().collect();
    assert_eq!(words.len(), 6, "{err}");
    assert!(words
        .iter()
        .all(|w| w.chars().all(|c| c.is_ascii_lowercase() || c == '-')));
    assert!(err.to_lowercase().contains("write it down"), "{err}");
    assert!(
        !stdout(&out).contains(shown[0].trim()),
        "shown on stderr only"
    );

    let generated = write(&v, "generated.txt", &words.join(" "));
    let out = with_pass(&v, &generated, &["--json", "list"]);
    assert_success(&out, &["list"]);
    assert!(!with_pass(&v, &v.pass_file, &["list"]).status.success());
}

#[test]
fn recovery_codes_and_keyslot_management() {
    let v = TestVault::new();
    let id = v.add_simple("first");
    let (recovery_id, code) = add_recovery(&v);
    assert_eq!(code.len(), 47, "{code}");
    verify_locked(&v);

    // The code opens the vault, however it is typed.
    let sloppy = write(&v, "code.txt", &code.to_lowercase().replace('-', " "));
    let out = with_pass(&v, &sloppy, &["show", &id]);
    assert_success(&out, &["show (recovery code)"]);

    let listed = slots(&v);
    assert_eq!(listed.len(), 2);
    let passphrase_id = listed[0]["id"].as_str().expect("id").to_owned();
    assert_eq!(listed[0]["kind"], "passphrase");
    assert_eq!(listed[1]["kind"], "recovery");
    assert_eq!(listed[1]["id"].as_str(), Some(recovery_id.as_str()));
    assert_eq!(
        listed[1]["kdf"]["memory_mib"], 256,
        "at least the default parameters, not the unlocked slot's 64 MiB"
    );

    // The last passphrase slot cannot go, even when unlocked with the recovery code.
    let out = with_pass(&v, &sloppy, &["keyslot", "remove", &passphrase_id]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("last passphrase slot"),
        "{}",
        stderr(&out)
    );

    // Forgot the passphrase: the recovery code sets a new one, and keeps working itself.
    let new_pass = write(&v, "new.txt", "lantern quarry bishop velvet orbit");
    let out = with_pass(
        &v,
        &sloppy,
        &[
            "passwd",
            "--new-passphrase-file",
            new_pass.to_str().expect("p"),
        ],
    );
    assert_success(&out, &["passwd (recovery code)"]);
    assert!(!v
        .cmd()
        .args(["list"])
        .output()
        .expect("run")
        .status
        .success());
    assert_success(&with_pass(&v, &new_pass, &["list"]), &["list (new)"]);
    assert_success(&with_pass(&v, &sloppy, &["list"]), &["list (code)"]);
    assert_eq!(slots(&v).len(), 2);

    // A second passphrase slot; then the first can be removed while unlocked with it.
    std::fs::copy(&new_pass, &v.pass_file).expect("copy");
    let second = write(&v, "second.txt", "harbor tundra violet compass meadow");
    let j = v.json(&[
        "keyslot",
        "add",
        "--new-passphrase-file",
        second.to_str().expect("p"),
    ]);
    assert_eq!(j["kind"], "passphrase");
    verify_locked(&v);
    v.ok(&["keyslot", "remove", &passphrase_id[..8]]);
    assert!(!v
        .cmd()
        .args(["list"])
        .output()
        .expect("run")
        .status
        .success());
    assert_success(&with_pass(&v, &second, &["list"]), &["list (second)"]);
    verify_locked(&v);

    // Remove the recovery slot: its code stops working; the last slot is never removed.
    assert_success(
        &with_pass(&v, &second, &["keyslot", "remove", &recovery_id]),
        &["keyslot remove"],
    );
    assert!(!with_pass(&v, &sloppy, &["list"]).status.success());
    let remaining = slots(&v);
    assert_eq!(remaining.len(), 1);
    let last = remaining[0]["id"].as_str().expect("id").to_owned();
    let out = with_pass(&v, &second, &["keyslot", "remove", &last]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("last keyslot"), "{}", stderr(&out));
    verify_both_with(&v, &second);
}

fn verify_both_with(v: &TestVault, pass: &Path) {
    let out = v.cmd_locked().args(["verify"]).output().expect("run");
    assert_success(&out, &["verify"]);
    assert_success(
        &with_pass(v, pass, &["verify", "--full"]),
        &["verify --full"],
    );
}

/// The `AGE-SECRET-KEY-1...` line of an identity file.
fn identity_in(path: &Path) -> age::x25519::Identity {
    let text = std::fs::read_to_string(path).expect("read key");
    let line = text
        .lines()
        .find(|l| l.starts_with("AGE-SECRET-KEY-1"))
        .expect("key line");
    age::x25519::Identity::from_str(line).expect("identity")
}

fn decrypts(identity: &age::x25519::Identity, ciphertext: &[u8]) -> bool {
    let Ok(d) = age::Decryptor::new_buffered(ciphertext) else {
        return false;
    };
    let Ok(mut r) = d.decrypt(std::iter::once(identity as &dyn age::Identity)) else {
        return false;
    };
    let mut sink = Vec::new();
    r.read_to_end(&mut sink).is_ok()
}

/// Every stored ciphertext: records, attachment descriptions, export descriptions, blobs.
fn ciphertexts(v: &TestVault) -> Vec<Vec<u8>> {
    let db = rusqlite::Connection::open(v.db()).expect("open db");
    let mut out = Vec::new();
    for sql in [
        "SELECT ciphertext FROM records",
        "SELECT meta FROM attachments",
        "SELECT details FROM exports",
    ] {
        let mut stmt = db.prepare(sql).expect("prepare");
        let rows = stmt
            .query_map([], |r| r.get::<_, Vec<u8>>(0))
            .expect("query");
        out.extend(rows.map(|r| r.expect("row")));
    }
    let mut stmt = db.prepare("SELECT blob FROM attachments").expect("prepare");
    let names: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .expect("query")
        .map(|r| r.expect("row"))
        .collect();
    for n in names {
        out.push(std::fs::read(v.dir.join("blobs").join(n)).expect("blob"));
    }
    out
}

#[test]
fn rekey_reencrypts_everything_and_keeps_history_verifiable() {
    let v = TestVault::new();
    let id = v.add_simple("first");
    v.ok(&["amend", &id, "--where", "Main St"]);
    let photo = v.path("photo.bin");
    let original: Vec<u8> = (0..300_000u32).map(|i| (i * 7 % 251) as u8).collect();
    std::fs::write(&photo, &original).expect("write");
    v.ok(&["attach", &id, photo.to_str().expect("p")]);
    let counsel_key = v.path("counsel.key");
    let public = v.ok(&["keygen", "--out", counsel_key.to_str().expect("p")]);
    let bundle = v.path("before.age");
    v.ok(&[
        "export",
        "--to",
        public.trim(),
        "--all",
        "--out",
        bundle.to_str().expect("p"),
    ]);
    let old_key = v.path("old-master.key");
    v.ok(&["key", "export", "--out", old_key.to_str().expect("p")]);
    let receipt = v.path("receipt-before.txt");
    v.ok(&["receipt", "--out", receipt.to_str().expect("p")]);
    let (_, code) = add_recovery(&v);
    let old = identity_in(&old_key);
    let before = ciphertexts(&v);
    assert_eq!(before.len(), 5, "2 revisions, description, export, blob");
    assert!(
        before.iter().all(|c| decrypts(&old, c)),
        "sanity: the old key reads them"
    );
    let recipient_before = v.json(&["info"])["master_recipient"].clone();

    // A process that opened the vault before the rekey must not commit to the old key after it.
    let mut stale = vault::vault::Vault::open(&v.dir).expect("open");
    let out = v.cmd().args(["--json", "rekey"]).output().expect("run");
    assert_success(&out, &["rekey"]);
    let incident: vault::record::Incident = serde_json::from_value(serde_json::json!({
        "kind": "followed",
        "occurred_at": "2026-11-20T14:30:00+00:00",
        "narrative": "written by a stale handle",
    }))
    .expect("incident");
    let err = stale
        .add(incident)
        .expect_err("a stale handle must not write");
    assert!(err.to_string().contains("rekeyed"), "{err}");
    drop(stale);
    let r = json_of(&out);
    assert_eq!(r["records"], 2);
    assert_eq!(r["attachments"], 1);
    assert_eq!(r["exports"], 1);
    assert_eq!(r["removed_slots"].as_array().map(|a| a.len()), Some(1));
    assert_ne!(v.json(&["info"])["master_recipient"], recipient_before);

    // Everything verifies, locked and full; the earlier receipt and bundle still do.
    verify_locked(&v);
    v.ok(&[
        "verify",
        "--full",
        "--receipt",
        receipt.to_str().expect("p"),
    ]);
    v.ok(&[
        "bundle",
        "verify",
        bundle.to_str().expect("p"),
        "--identity",
        counsel_key.to_str().expect("p"),
    ]);
    // The old master key reads none of the new ciphertexts; the vault still reads everything.
    let after = ciphertexts(&v);
    assert_eq!(after.len(), before.len());
    assert!(after.iter().all(|c| !decrypts(&old, c)));
    let extracted = v.path("extracted.bin");
    v.ok(&["extract", &id, "--out", extracted.to_str().expect("p")]);
    assert_eq!(std::fs::read(&extracted).expect("read"), original);
    // Old blob files are gone; the recovery slot was removed, so its code no longer opens.
    assert_eq!(
        std::fs::read_dir(v.dir.join("blobs")).expect("dir").count(),
        1
    );
    let code_file = write(&v, "code.txt", &code);
    assert!(!with_pass(&v, &code_file, &["list"]).status.success());
    // The disclosure log still reads; a new export after the rekey verifies too.
    v.ok(&["exports"]);
    let bundle2 = v.path("after.age");
    v.ok(&[
        "export",
        "--to",
        public.trim(),
        "--all",
        "--out",
        bundle2.to_str().expect("p"),
    ]);
    v.ok(&[
        "bundle",
        "verify",
        bundle2.to_str().expect("p"),
        "--identity",
        counsel_key.to_str().expect("p"),
    ]);

    // A second rekey, changing the passphrase too; logging without the passphrase in between.
    v.add_simple("between rekeys");
    let new_pass = write(&v, "new-pass.txt", "granite willow pocket saffron ember");
    v.ok(&[
        "rekey",
        "--new-passphrase-file",
        new_pass.to_str().expect("p"),
    ]);
    assert!(!v
        .cmd()
        .args(["list"])
        .output()
        .expect("run")
        .status
        .success());
    verify_locked(&v);
    let out = with_pass(
        &v,
        &new_pass,
        &[
            "verify",
            "--full",
            "--receipt",
            receipt.to_str().expect("p"),
        ],
    );
    assert_success(&out, &["verify --receipt after two rekeys"]);

    // The new commitments matter: a swapped re-encrypted ciphertext is caught.
    let db = rusqlite::Connection::open(v.db()).expect("open");
    let (a, b): (Vec<u8>, Vec<u8>) = db
        .query_row(
            "SELECT (SELECT ciphertext FROM records ORDER BY leaf_index LIMIT 1),
                    (SELECT ciphertext FROM records ORDER BY leaf_index DESC LIMIT 1)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("query");
    db.execute(
        "UPDATE records SET ciphertext = ?1 WHERE leaf_index = (SELECT MIN(leaf_index) FROM records)",
        [&b],
    )
    .expect("tamper");
    drop(db);
    let out = v
        .cmd_locked()
        .args(["--json", "verify"])
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(
        stdout(&out).contains("record_ciphertext_hash"),
        "{}",
        stdout(&out)
    );
    assert_ne!(a, b);

    // A rekey entry appended by someone without the signing key (so unsigned) is reported.
    let db = rusqlite::Connection::open(v.db()).expect("open");
    db.execute(
        "UPDATE records SET ciphertext = ?1 WHERE leaf_index = (SELECT MIN(leaf_index) FROM records)",
        [&a],
    )
    .expect("undo");
    let current: String = db
        .query_row(
            "SELECT value FROM meta WHERE key = 'master_recipient'",
            [],
            |r| r.get(0),
        )
        .expect("recipient");
    let entry = serde_json::to_vec(&serde_json::json!({
        "type": "rekey", "v": 1,
        "master_recipient": "age1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq",
        "previous_recipient": current,
    }))
    .expect("json");
    let mut leaf = vec![0u8];
    leaf.extend_from_slice(&entry);
    let hash = <sha2::Sha256 as sha2::Digest>::digest(&leaf).to_vec();
    db.execute(
        "INSERT INTO ledger(leaf_index, entry, leaf_hash) VALUES((SELECT MAX(leaf_index) + 1 FROM ledger), ?1, ?2)",
        rusqlite::params![entry, hash],
    )
    .expect("forge");
    drop(db);
    let out = v
        .cmd_locked()
        .args(["--json", "verify"])
        .output()
        .expect("run");
    assert!(!out.status.success());
    let report = json_of(&out);
    let problems = report["report"]["problems"].as_array().expect("problems");
    assert!(
        problems.iter().any(|p| p["kind"] == "rekey"
            && p["detail"]
                .as_str()
                .unwrap_or("")
                .contains("no signed checkpoint")),
        "{problems:?}"
    );
}

#[test]
fn an_interrupted_rekey_leaves_one_key_fully_working() {
    let v = TestVault::new();
    let id = v.add_simple("evidence");
    let big = v.path("video.bin");
    std::fs::write(&big, vec![42u8; 12 << 20]).expect("write");
    v.ok(&["attach", &id, big.to_str().expect("p")]);
    let rekey = || {
        std::process::Command::new(assert_cmd::cargo::cargo_bin("vault"))
            .env_remove("VAULT_DIR")
            .env_remove("VAULT_PASSPHRASE_FILE")
            .env("TMPDIR", v.tmp.path())
            .env("VAULT_STATE_DIR", v.state_dir())
            .arg("--vault")
            .arg(&v.dir)
            .arg("--passphrase-file")
            .arg(&v.pass_file)
            .args(["rekey"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn")
    };
    let recipient = || v.json(&["info"])["master_recipient"].to_string();
    let blobs = || {
        std::fs::read_dir(v.dir.join("blobs"))
            .expect("dir")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
    };
    let (mut unchanged, mut changed, mut leftovers) = (0, 0, 0);
    // Kill it at moments after the new blob file appears: while it is written, around the
    // commit, and after it.
    for delay_ms in [0u64, 30, 120] {
        let before = recipient();
        let mut child = rekey();
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline
            && child.try_wait().ok().flatten().is_none()
            && !blobs().iter().any(|n| n.ends_with(".partial"))
        {
            std::thread::sleep(Duration::from_millis(1));
        }
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        // Whichever key is in force, everything verifies and the passphrase opens it.
        let out = v.cmd_locked().args(["verify"]).output().expect("run");
        assert_success(&out, &["verify"]);
        if recipient() == before {
            unchanged += 1;
        } else {
            changed += 1;
        }
        if blobs().len() > 1 {
            leftovers += 1;
        }
        // The next unlocking command removes what an interrupted rekey left behind.
        v.ok(&["list"]);
        assert_eq!(blobs().len(), 1);
        assert!(common::any_file_contains(&v.dir, b"evidence").is_none());
    }
    verify_both(&v);
    eprintln!("kills: {unchanged} before the commit, {changed} after, {leftovers} left files");
}

/// `(wrapped keyslot bytes, wrapped signing key text)` as stored now.
fn key_material(v: &TestVault) -> (Vec<Vec<u8>>, String) {
    let db = rusqlite::Connection::open(v.db()).expect("open");
    let mut stmt = db.prepare("SELECT wrapped FROM keyslots").expect("prepare");
    let slots = stmt
        .query_map([], |r| r.get::<_, Vec<u8>>(0))
        .expect("query")
        .map(|r| r.expect("row"))
        .collect();
    let signing: String = db
        .query_row(
            "SELECT value FROM meta WHERE key = 'signing_secret'",
            [],
            |r| r.get(0),
        )
        .expect("signing");
    (slots, signing)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read dir").flatten() {
        let dest = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &dest);
        } else {
            std::fs::copy(e.path(), &dest).expect("copy");
        }
    }
}

#[test]
fn destroy_erases_the_keys_first_and_nothing_opens_afterwards() {
    let v = TestVault::new();
    let id = v.add_simple("to be destroyed");
    let file = v.path("a.bin");
    std::fs::write(&file, vec![1u8; 1 << 20]).expect("write");
    v.ok(&["attach", &id, file.to_str().expect("p")]);
    let (mut old_slots, _) = key_material(&v);
    // An earlier passphrase's slot must not survive in the write-ahead log either.
    let second = write(&v, "second.txt", "orchid saddle pewter nimbus glacier");
    v.ok(&[
        "passwd",
        "--new-passphrase-file",
        second.to_str().expect("p"),
    ]);
    std::fs::copy(&second, &v.pass_file).expect("copy");
    v.ok(&["keyslot", "add", "--recovery"]);
    let (slots_now, signing) = key_material(&v);
    old_slots.extend(slots_now);

    // Without --yes and without a terminal it refuses.
    let out = v.cmd_locked().args(["destroy"]).output().expect("run");
    assert!(!out.status.success());
    assert!(v.db().exists());

    // The scrub step alone, then a copy of what is left on disk.
    let mut vault = vault::vault::Vault::open(&v.dir).expect("open");
    assert_eq!(vault.crypto_erase().expect("erase"), 2);
    drop(vault);
    let copy = v.path("copy");
    copy_dir(&v.dir, &copy);
    for needle in old_slots
        .iter()
        .map(|s| s[s.len() / 2..s.len() / 2 + 32].to_vec())
        .chain([signing.as_bytes()[8..40].to_vec()])
    {
        assert!(
            common::any_file_contains(&copy, &needle).is_none(),
            "key material survived the scrub"
        );
    }
    let key_out = v.path("key.txt");
    for args in [
        vec!["list"],
        vec!["key", "export", "--out", key_out.to_str().expect("p")],
    ] {
        let out = at(&v, &copy, Some(&second))
            .args(&args)
            .output()
            .expect("run");
        assert!(!out.status.success(), "{args:?} worked on an erased vault");
        assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    }
    assert!(!key_out.exists());

    // The command itself: the directory is gone.
    let v2 = TestVault::new();
    let id = v2.add_simple("x");
    for i in 0..5 {
        let f = v2.path(&format!("f{i}.bin"));
        std::fs::write(&f, vec![i as u8; 2 << 20]).expect("write");
        v2.ok(&["attach", &id, f.to_str().expect("p")]);
    }
    // It asks for the passphrase (or a recovery code) before erasing: none, or a wrong one,
    // erases nothing.
    let out = v2
        .cmd_locked()
        .args(["destroy", "--yes"])
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(v2.db().exists());
    let wrong = write(&v2, "wrong.txt", "orchid saddle pewter nimbus glacier");
    let out = with_pass(&v2, &wrong, &["destroy", "--yes"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(v2.db().exists());
    assert!(
        stderr(&out).contains("18 U.S.C."),
        "the legal warning is shown: {}",
        stderr(&out)
    );
    let out = v2.cmd().args(["destroy", "--yes"]).output().expect("run");
    assert_success(&out, &["destroy --yes"]);
    assert!(!v2.dir.exists());
}

#[test]
fn backup_and_restore_round_trip_and_an_old_backup_is_caught() {
    let v = TestVault::new();
    let id = v.add_simple("before the backup");
    let file = v.path("a.bin");
    let content: Vec<u8> = (0..200_000u32).map(|i| (i % 253) as u8).collect();
    std::fs::write(&file, &content).expect("write");
    v.ok(&["attach", &id, file.to_str().expect("p")]);
    let backup = v.path("vault.backup");
    let out = v
        .cmd_locked()
        .args(["backup", "--out", backup.to_str().expect("p")])
        .output()
        .expect("run");
    assert_success(&out, &["backup"]);
    // Never overwritten.
    let out = v
        .cmd_locked()
        .args(["backup", "--out", backup.to_str().expect("p")])
        .output()
        .expect("run");
    assert!(!out.status.success());
    let archive = std::fs::read(&backup).expect("read backup");
    assert!(
        !contains(&archive, "before the backup"),
        "plaintext in the backup"
    );

    // More history, signed, and a receipt of it.
    v.add_simple("after the backup");
    v.ok(&["list"]);
    let receipt = v.path("receipt.txt");
    v.ok(&["receipt", "--out", receipt.to_str().expect("p")]);

    let restored = v.path("restored");
    let restore = |dir: &Path| {
        at(&v, dir, None)
            .args(["restore", backup.to_str().expect("p")])
            .output()
            .expect("run")
    };
    assert_success(&restore(&restored), &["restore"]);
    let in_restored = |args: &[&str]| {
        at(&v, &restored, Some(&v.pass_file))
            .args(args)
            .output()
            .expect("run")
    };
    assert_success(&in_restored(&["verify", "--full"]), &["verify restored"]);
    let extracted = v.path("extracted.bin");
    assert_success(
        &in_restored(&["extract", &id, "--out", extracted.to_str().expect("p")]),
        &["extract"],
    );
    assert_eq!(std::fs::read(&extracted).expect("read"), content);
    // The newer receipt shows the restored copy is older.
    let out = in_restored(&[
        "--json",
        "verify",
        "--receipt",
        receipt.to_str().expect("p"),
    ]);
    assert_eq!(out.status.code(), Some(4), "{}", stdout(&out));
    let report = json_of(&out);
    assert_eq!(report["report"]["problems"][0]["kind"], "rollback");
    // The live vault is not older than its receipt.
    v.ok(&["verify", "--receipt", receipt.to_str().expect("p")]);

    // Refuses a non-empty target; accepts an empty one.
    assert!(!restore(&restored).status.success());
    let empty = v.path("empty");
    std::fs::create_dir(&empty).expect("mkdir");
    assert_success(&restore(&empty), &["restore into an empty dir"]);
}

fn tar_with(members: &[(&[u8], tar::EntryType, &[u8])]) -> Vec<u8> {
    let mut b = tar::Builder::new(Vec::new());
    for (name, kind, data) in members {
        let mut h = tar::Header::new_gnu();
        h.as_old_mut().name[..name.len()].copy_from_slice(name);
        h.set_entry_type(*kind);
        h.set_size(data.len() as u64);
        h.set_mode(0o600);
        if *kind == tar::EntryType::Symlink {
            h.set_link_name("/etc/passwd").expect("link");
        }
        h.set_cksum();
        b.append(&h, *data).expect("append");
    }
    b.into_inner().expect("tar")
}

#[test]
fn restore_refuses_hostile_or_damaged_archives() {
    let v = TestVault::new();
    v.add_simple("x");
    let good = v.path("good.backup");
    v.ok(&["backup", "--out", good.to_str().expect("p")]);
    let good_bytes = std::fs::read(&good).expect("read");

    let regular = tar::EntryType::Regular;
    let mut hostile: Vec<(&str, Vec<u8>)> = vec![
        ("traversal", tar_with(&[(b"../escaped", regular, b"x")])),
        (
            "absolute",
            tar_with(&[(b"/tmp/escaped-abs", regular, b"x")]),
        ),
        (
            "symlink",
            tar_with(&[(b"vault.db", tar::EntryType::Symlink, b"")]),
        ),
        (
            "no manifest",
            tar_with(&[(b"vault.db", regular, b"SQLite")]),
        ),
        ("garbage", b"not a tar file at all".repeat(40)),
    ];
    // A damaged copy of the good one: a flipped byte inside the database member.
    let mut damaged = good_bytes.clone();
    damaged[512 + 4000] ^= 0x55;
    hostile.push(("damaged", damaged));

    for (label, bytes) in hostile {
        let file = v.path(&format!("{}.backup", label.replace(' ', "-")));
        std::fs::write(&file, bytes).expect("write");
        let target = v.path(&format!("target-{}", label.replace(' ', "-")));
        let out = at(&v, &target, None)
            .args(["restore", file.to_str().expect("p")])
            .output()
            .expect("run");
        assert!(!out.status.success(), "{label}: restored");
        assert!(!target.exists(), "{label}: left {}", target.display());
        assert!(!v.tmp.path().join("escaped").exists(), "{label}");
        assert!(!Path::new("/tmp/escaped-abs").exists(), "{label}");
    }
    // Nothing but the inputs is left beside the targets.
    let leftovers: Vec<String> = std::fs::read_dir(v.tmp.path())
        .expect("dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn backups_taken_while_others_write_are_consistent() {
    let v = TestVault::new();
    v.add_simple("seed");
    let dir = v.dir.clone();
    let writer = {
        let pass = v.pass_file.clone();
        let tmp = v.tmp.path().to_path_buf();
        std::thread::spawn(move || {
            for i in 0..12 {
                let f = tmp.join(format!("w{i}.bin"));
                std::fs::write(&f, vec![i as u8; 64 << 10]).expect("write");
                let out = assert_cmd::Command::cargo_bin("vault")
                    .expect("bin")
                    .env("TMPDIR", &tmp)
                    .env("VAULT_STATE_DIR", tmp.join("state"))
                    .args(["--vault", dir.to_str().expect("p")])
                    .args(["--passphrase-file", pass.to_str().expect("p")])
                    .args([
                        "--json", "add", "--kind", "other", "--when", "now", "--what",
                    ])
                    .arg(format!("concurrent {i}"))
                    .arg("--attach")
                    .arg(&f)
                    .output()
                    .expect("run");
                assert_success(&out, &["add --attach (concurrent)"]);
            }
        })
    };
    let mut backups = Vec::new();
    for i in 0..3 {
        std::thread::sleep(Duration::from_millis(150));
        let b = v.path(&format!("during-{i}.backup"));
        let out = v
            .cmd_locked()
            .args(["backup", "--out", b.to_str().expect("p")])
            .output()
            .expect("run");
        assert_success(&out, &["backup during writes"]);
        backups.push(b);
    }
    writer.join().expect("writer");
    for (i, b) in backups.iter().enumerate() {
        let target = v.path(&format!("restored-{i}"));
        let out = at(&v, &target, None)
            .args(["restore", b.to_str().expect("p")])
            .output()
            .expect("run");
        assert_success(&out, &["restore"]);
    }
}

#[test]
fn the_process_is_not_dumpable_and_has_no_core_limit() {
    if !cfg!(target_os = "linux") {
        return;
    }
    let bin = assert_cmd::cargo::cargo_bin("vault");
    let tmp = tempfile::tempdir().expect("tmp");
    let fifo = tmp.path().join("fifo");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !made {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    // The vault process blocks opening the FIFO as its passphrase file, after hardening itself.
    let is_root = rustix::process::geteuid().is_root();
    let mut cmd = if is_root {
        // As root, /proc ownership proves nothing: run the binary as nobody.
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o777))
            .expect("chmod");
        std::fs::set_permissions(&fifo, std::fs::Permissions::from_mode(0o666)).expect("chmod");
        let found = std::process::Command::new("setpriv")
            .arg("--version")
            .output()
            .map(|o| o.status.success())
            .unwrap_or(false);
        if !found {
            eprintln!("skipped: running as root without setpriv");
            return;
        }
        let mut c = std::process::Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&bin);
        c
    } else {
        std::process::Command::new(&bin)
    };
    let mut child = cmd
        .arg("--vault")
        .arg(tmp.path().join("vault"))
        .arg("--passphrase-file")
        .arg(&fifo)
        .arg("init")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let pid = child.id();
    let deadline = Instant::now() + Duration::from_secs(10);
    let proc_dir = PathBuf::from(format!("/proc/{pid}"));
    let (mut owner_is_root, mut no_core) = (false, false);
    while Instant::now() < deadline && !(owner_is_root && no_core) {
        use std::os::unix::fs::MetadataExt;
        let status = std::fs::read_to_string(proc_dir.join("status")).unwrap_or_default();
        let real_uid = status
            .lines()
            .find(|l| l.starts_with("Uid:"))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|u| u.parse::<u32>().ok());
        let expected_uid = if is_root {
            65534
        } else {
            rustix::process::getuid().as_raw()
        };
        // proc(5): a non-dumpable process's /proc files are owned by root.
        if real_uid == Some(expected_uid) {
            owner_is_root = std::fs::metadata(proc_dir.join("status"))
                .map(|m| m.uid() == 0)
                .unwrap_or(false);
        }
        let limits = std::fs::read_to_string(proc_dir.join("limits")).unwrap_or_default();
        no_core = limits
            .lines()
            .find(|l| l.starts_with("Max core file size"))
            .map(|l| l.split_whitespace().skip(4).take(2).all(|n| n == "0"))
            .unwrap_or(false);
        if child.try_wait().ok().flatten().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let running = child.try_wait().ok().flatten().is_none();
    let _ = child.kill();
    let out = child.wait_with_output().expect("wait");
    assert!(running, "the child exited early: {}", stderr(&out));
    assert!(no_core, "RLIMIT_CORE is not 0");
    assert!(owner_is_root, "the process is still dumpable");
}

/// True when `needle` occurs in `hay`.
fn contains(hay: &[u8], needle: &str) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[test]
fn no_secret_ever_appears_in_output() {
    let v = TestVault::uninit();
    let mut transcript: Vec<(String, Vec<u8>)> = Vec::new();
    let mut run = |label: &str, mut cmd: assert_cmd::Command| -> Output {
        let out = cmd.env("RUST_BACKTRACE", "1").output().expect("run");
        let mut all = out.stdout.clone();
        all.extend_from_slice(&out.stderr);
        transcript.push((label.to_owned(), all));
        out
    };
    let mut init = v.cmd();
    init.arg("init").args(KDF);
    assert_success(&run("init", init), &["init"]);
    let mut add = v.cmd();
    add.args([
        "--json", "add", "--kind", "raid", "--when", "now", "--what", "x",
    ]);
    let id = json_of(&run("add", add))["id"]
        .as_str()
        .expect("id")
        .to_owned();

    let near_miss = write(&v, "near.txt", &format!("{PASSPHRASE}x"));
    let weak = write(&v, "weak.txt", "letmein");
    let key_file = v.path("master.key");
    let cases: Vec<(&str, Vec<String>, Option<&Path>)> = vec![
        ("wrong passphrase", vec!["list".into()], Some(&near_miss)),
        (
            "weak passwd",
            vec![
                "passwd".into(),
                "--new-passphrase-file".into(),
                weak.display().to_string(),
            ],
            None,
        ),
        ("show", vec!["show".into(), id.clone()], None),
        ("verify", vec!["verify".into(), "--full".into()], None),
        (
            "key export",
            vec![
                "key".into(),
                "export".into(),
                "--out".into(),
                key_file.display().to_string(),
            ],
            None,
        ),
        (
            "key export again",
            vec![
                "key".into(),
                "export".into(),
                "--out".into(),
                key_file.display().to_string(),
            ],
            None,
        ),
    ];
    for (label, args, pass) in &cases {
        let mut c = v.cmd_locked();
        c.arg("--passphrase-file")
            .arg(pass.unwrap_or(&v.pass_file))
            .args(args);
        run(label, c);
    }
    let recovery = {
        let mut c = v.cmd();
        c.args(["--json", "keyslot", "add", "--recovery"]);
        let out = run("keyslot add --recovery", c);
        assert_success(&out, &["keyslot add --recovery"]);
        json_of(&out)["recovery_code"]
            .as_str()
            .expect("code")
            .to_owned()
    };
    let master = std::fs::read_to_string(&key_file)
        .expect("key file")
        .lines()
        .find(|l| l.starts_with("AGE-SECRET-KEY-"))
        .expect("key")
        .to_owned();
    // Feed the master key and a wrong recovery code where passphrases go, and the key as an
    // identity for a bundle that is not one.
    let master_as_pass = write(&v, "master-as-pass.txt", &master);
    let wrong_code = write(
        &v,
        "wrong-code.txt",
        &format!("{}X", &recovery[..recovery.len() - 1]),
    );
    let bogus = write(&v, "bogus.age", "not a bundle");
    let code_file = write(&v, "code.txt", &recovery);
    for (label, pass, args) in [
        ("master key as passphrase", &master_as_pass, vec!["list"]),
        ("wrong recovery code", &wrong_code, vec!["list"]),
        ("recovery code", &code_file, vec!["list"]),
        ("rekey", &v.pass_file, vec!["rekey"]),
        ("keyslot list", &v.pass_file, vec!["keyslot", "list"]),
        ("info", &v.pass_file, vec!["info"]),
        (
            "bundle verify",
            &v.pass_file,
            vec![
                "bundle",
                "verify",
                bogus.to_str().expect("p"),
                "--identity",
                key_file.to_str().expect("p"),
            ],
        ),
    ] {
        let mut c = v.cmd_locked();
        c.arg("--passphrase-file").arg(pass).args(&args);
        run(label, c);
    }

    let recovery_canonical: String = recovery.chars().filter(|c| *c != '-').collect();
    let secrets = [
        PASSPHRASE.to_owned(),
        "letmein".to_owned(),
        master.clone(),
        master[20..50].to_owned(),
        recovery.clone(),
        recovery_canonical,
        recovery[..23].to_owned(),
    ];
    for (label, output) in &transcript {
        for s in &secrets {
            let allowed = label == "keyslot add --recovery" && recovery.contains(s.as_str());
            assert!(
                allowed || !contains(output, s),
                "{label} printed a secret: {}",
                String::from_utf8_lossy(output)
            );
        }
        assert!(!contains(output, "AGE-SECRET-KEY"), "{label}");
        assert!(
            !contains(output, "panicked"),
            "{label}: {}",
            String::from_utf8_lossy(output)
        );
    }
}
