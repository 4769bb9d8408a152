//! Attacks by someone who can write the vault folder but has neither the passphrase nor any key
//! (SECURITY.md, adversary 7), each done the way such an attacker would: `vault.db` edited with
//! SQLite, files copied back, age and Ed25519 used with public keys only. Then the owner runs
//! ordinary commands through the real binary: the forgery must be refused (exit 4) before
//! anything is signed, and `verify` must name it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use common::*;
use rusqlite::{params, Connection};
use serde_json::Value;
use sha2::{Digest, Sha256};
use vault::ledger::checkpoint::Checkpoint;
use vault::ledger::entry::SlotAction;
use vault::ledger::{merkle, Entry};
use vault::record::{Incident, Kind, RecordBody};
use vault::when::When;

// --- the attacker's tools ---------------------------------------------------------------------

fn db(v: &TestVault) -> Connection {
    Connection::open(v.db()).expect("open vault.db")
}

fn meta(c: &Connection, key: &str) -> Option<String> {
    c.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
        .ok()
}

fn set_meta(c: &Connection, key: &str, value: &str) {
    c.execute(
        "UPDATE meta SET value = ?2 WHERE key = ?1",
        params![key, value],
    )
    .expect("update meta");
}

fn count(c: &Connection, table: &str) -> i64 {
    c.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
        .expect("count")
}

fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
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

fn recipient(c: &Connection) -> age::x25519::Recipient {
    age::x25519::Recipient::from_str(&meta(c, "master_recipient").expect("recipient"))
        .expect("recipient parses")
}

/// Appends a ledger leaf the way `vault` does (index = highest + 1, RFC 6962 leaf hash).
fn append_leaf(c: &Connection, entry: &Entry) -> i64 {
    let bytes = entry.to_bytes();
    let index: i64 = c
        .query_row(
            "SELECT COALESCE(MAX(leaf_index) + 1, 0) FROM ledger",
            [],
            |r| r.get(0),
        )
        .expect("size");
    c.execute(
        "INSERT INTO ledger(leaf_index, entry, leaf_hash) VALUES(?1, ?2, ?3)",
        params![index, bytes, &merkle::leaf_hash(&bytes)[..]],
    )
    .expect("append leaf");
    index
}

fn set_leaf(c: &Connection, index: i64, entry: &Entry) {
    let bytes = entry.to_bytes();
    let n = c
        .execute(
            "UPDATE ledger SET entry = ?2, leaf_hash = ?3 WHERE leaf_index = ?1",
            params![index, bytes, &merkle::leaf_hash(&bytes)[..]],
        )
        .expect("rewrite leaf");
    assert_eq!(n, 1);
}

fn leaf(c: &Connection, index: i64) -> Entry {
    let bytes: Vec<u8> = c
        .query_row(
            "SELECT entry FROM ledger WHERE leaf_index = ?1",
            [index],
            |r| r.get(0),
        )
        .expect("leaf");
    Entry::from_bytes(&bytes).expect("entry")
}

fn leaves(c: &Connection) -> Vec<merkle::Hash> {
    let mut stmt = c
        .prepare("SELECT leaf_hash FROM ledger ORDER BY leaf_index")
        .expect("prepare");
    let rows = stmt
        .query_map([], |r| r.get::<_, Vec<u8>>(0))
        .expect("query")
        .map(|h| h.expect("row").try_into().expect("32 bytes"))
        .collect();
    rows
}

fn checkpoint_rows(c: &Connection) -> Vec<(i64, String)> {
    let mut stmt = c
        .prepare("SELECT size, note FROM checkpoints ORDER BY size")
        .expect("prepare");
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("query")
        .map(|r| r.expect("row"))
        .collect();
    rows
}

fn incident(narrative: &str) -> Incident {
    Incident {
        kind: Kind::Other,
        occurred_at: When::parse("2026-11-20 14:30", &chrono::Utc::now()).expect("when"),
        location: None,
        narrative: narrative.into(),
        agents: vec![],
        vehicles: vec![],
        witnesses: vec![],
        tags: vec![],
    }
}

/// A record revision made as `vault` makes one, encrypted to the public master recipient, with
/// its ledger entry appended: what anyone with write access can produce.
fn forge_revision(c: &Connection, id: &str, revision: u32, narrative: &str) -> i64 {
    let body = RecordBody::new(id.into(), revision, incident(narrative), chrono::Utc::now())
        .expect("body");
    let ct = age_encrypt(&recipient(c), &body.to_json().expect("json"));
    let entry = Entry::Record {
        v: 1,
        id: id.into(),
        revision,
        ciphertext_sha256: sha256_hex(&ct),
        fields: body.digests().expect("digests"),
    };
    let index = append_leaf(c, &entry);
    c.execute(
        "INSERT INTO records(id, revision, ciphertext, leaf_index) VALUES(?1, ?2, ?3, ?4)",
        params![id, revision, ct, index],
    )
    .expect("insert forged revision");
    index
}

/// Runs a command; returns (exit code, stdout, stderr).
fn run(mut cmd: assert_cmd::Command, args: &[&str]) -> (i32, String, String) {
    let out = cmd.args(args).output().expect("run");
    (
        out.status.code().expect("exit code"),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `verify --json` (with the passphrase when `full`): exit code and problem kinds with items.
fn verify(v: &TestVault, full: bool) -> (i32, Vec<(String, String)>) {
    let cmd = if full { v.cmd() } else { v.cmd_locked() };
    let (code, out, err) = run(cmd, &["--json", "verify"]);
    let json: Value = serde_json::from_str(&out).unwrap_or_else(|_| panic!("{out}\n{err}"));
    let report = if json.get("report").is_some() {
        json["report"].clone()
    } else {
        json
    };
    let mut problems: Vec<(String, String)> = report["problems"]
        .as_array()
        .unwrap_or_else(|| panic!("no problems array: {report}"))
        .iter()
        .map(|p| {
            (
                p["kind"].as_str().unwrap_or_default().to_owned(),
                p["item"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    problems.sort();
    (code, problems)
}

fn kinds(problems: &[(String, String)]) -> Vec<&str> {
    let mut k: Vec<&str> = problems.iter().map(|(k, _)| k.as_str()).collect();
    k.dedup();
    k
}

/// The same vault seen from another computer: a state folder of its own, so no pin.
fn elsewhere(v: &TestVault, mut cmd: assert_cmd::Command) -> assert_cmd::Command {
    cmd.env("VAULT_STATE_DIR", v.path("other-computer"));
    cmd
}

fn pin_file(v: &TestVault) -> PathBuf {
    v.state_dir().join("known_vaults")
}

fn fingerprint(v: &TestVault) -> String {
    v.json(&["info"])["fingerprint"]
        .as_str()
        .expect("fingerprint")
        .to_owned()
}

/// A vault with two incidents, both signed by an unlock.
fn signed_vault() -> (TestVault, String, String) {
    let v = TestVault::new();
    let a = v.add_simple("two agents waited by the school gate");
    let b = v.add_simple("a grey van followed me home");
    v.ok(&["list"]);
    (v, a, b)
}

fn assert_refused(code: i32, stderr: &str, needle: &str) {
    assert_eq!(code, 4, "expected exit 4, stderr: {stderr}");
    assert!(
        stderr.contains("changed without the passphrase") && stderr.contains(needle),
        "expected a refusal naming {needle:?}: {stderr}"
    );
}

// --- the attacks -------------------------------------------------------------------------------

/// A revision 2 appended without the passphrase ("no raid took place") is never signed: the
/// owner's next unlock refuses it by name, verify calls it forged, and nothing is lost.
#[test]
fn an_appended_revision_two_is_refused_and_never_signed() {
    let (v, a, _) = signed_vault();
    let c = db(&v);
    let forged = forge_revision(&c, &a, 2, "no raid took place");
    let checkpoints = checkpoint_rows(&c);
    drop(c);

    for args in [
        &["list"][..],
        &["show", &a],
        &["amend", &a, "--tag", "court"],
    ] {
        let (code, _, err) = run(v.cmd(), args);
        assert_refused(
            code,
            &err,
            &format!("ledger leaf {forged} (record {a} revision 2)"),
        );
        assert!(err.contains("forged"), "{err}");
    }
    // In Spanish too.
    let mut es = v.cmd();
    es.env("LANG", "es_MX.UTF-8");
    let (code, _, err) = run(es, &["list"]);
    assert_eq!(code, 4, "{err}");
    assert!(
        err.contains("alguien cambió la bóveda sin la contraseña")
            && err.contains(&format!(
                "la anotación n.º {forged} de la bitácora no tiene sello"
            ))
            && err.contains("es falsa"),
        "{err}"
    );
    let c = db(&v);
    assert_eq!(checkpoint_rows(&c), checkpoints, "nothing was signed");
    assert_eq!(count(&c, "records"), 3, "nothing was lost");

    let (code, problems) = verify(&v, false);
    assert_eq!(code, 4);
    assert!(
        problems.contains(&("forged_entry".into(), format!("ledger leaf {forged}"))),
        "{problems:?}"
    );
    let (code, problems) = verify(&v, true);
    assert_eq!(code, 4);
    assert_eq!(kinds(&problems), vec!["forged_entry"], "{problems:?}");
}

/// An incident a checkpoint covers is rewritten, and every checkpoint row deleted so that no
/// signature contradicts it: the sealed high-water mark still does.
#[test]
fn a_rewritten_signed_incident_with_checkpoints_deleted_is_refused() {
    let (v, a, _) = signed_vault();
    let c = db(&v);
    let index: i64 = c
        .query_row("SELECT leaf_index FROM records WHERE id = ?1", [&a], |r| {
            r.get(0)
        })
        .expect("leaf");
    let body = RecordBody::new(
        a.clone(),
        1,
        incident("nothing happened"),
        chrono::Utc::now(),
    )
    .expect("body");
    let ct = age_encrypt(&recipient(&c), &body.to_json().expect("json"));
    set_leaf(
        &c,
        index,
        &Entry::Record {
            v: 1,
            id: a.clone(),
            revision: 1,
            ciphertext_sha256: sha256_hex(&ct),
            fields: body.digests().expect("digests"),
        },
    );
    c.execute(
        "UPDATE records SET ciphertext = ?2 WHERE id = ?1",
        params![a, ct],
    )
    .expect("rewrite record");
    c.execute("DELETE FROM checkpoints", []).expect("delete");
    drop(c);

    // The pin and the seal both hold the signed root; a computer without the pin still refuses.
    for cmd in [v.cmd(), elsewhere(&v, v.cmd())] {
        let (code, _, err) = run(cmd, &["list"]);
        assert_refused(code, &err, "entries this vault already signed were changed");
    }
    assert_eq!(count(&db(&v), "checkpoints"), 0, "nothing was signed");

    let (code, problems) = verify(&v, true);
    assert_eq!(code, 4);
    let k = kinds(&problems);
    assert!(k.contains(&"high_water"), "{problems:?}");
    assert!(k.contains(&"checkpoint_missing"), "{problems:?}");
}

/// A keyslot-removal entry appended (and the recovery slot's row deleted): unlock refuses it.
#[test]
fn an_appended_keyslot_removal_is_refused() {
    let v = TestVault::new();
    v.ok(&["keyslot", "add", "--recovery"]);
    v.ok(&["list"]);
    let c = db(&v);
    let slot: String = c
        .query_row("SELECT id FROM keyslots WHERE kind = 'recovery'", [], |r| {
            r.get(0)
        })
        .expect("recovery slot");
    let index = append_leaf(
        &c,
        &Entry::Keyslot {
            v: 1,
            action: SlotAction::Remove,
            slot: slot.clone(),
            slot_sha256: None,
        },
    );
    c.execute("DELETE FROM keyslots WHERE id = ?1", [&slot])
        .expect("delete slot");
    drop(c);

    let (code, _, err) = run(v.cmd(), &["list"]);
    assert_refused(
        code,
        &err,
        &format!("ledger leaf {index} (keyslot {slot} (remove))"),
    );
    let (code, problems) = verify(&v, false);
    assert_eq!(code, 4);
    assert!(
        problems.contains(&("forged_entry".into(), format!("ledger leaf {index}"))),
        "{problems:?}"
    );
}

/// The signing key replaced: a new key wrapped to the public master recipient, the genesis entry
/// rewritten, a forged revision appended and every checkpoint re-signed. The pin names the
/// changed fingerprint; without the pin, the seal names the key and the creation entry.
#[test]
fn a_replaced_signing_key_is_refused() {
    let (v, a, _) = signed_vault();
    let c = db(&v);
    forge_revision(&c, &a, 2, "no raid took place");
    let key = ed25519_dalek::SigningKey::generate(&mut rand::rngs::OsRng);
    let public = STANDARD.encode(key.verifying_key().as_bytes());
    set_meta(&c, "signing_public", &public);
    set_meta(
        &c,
        "signing_secret",
        &STANDARD.encode(age_encrypt(&recipient(&c), &key.to_bytes())),
    );
    let Entry::Genesis {
        v: ver,
        vault,
        master_recipient,
        ..
    } = leaf(&c, 0)
    else {
        panic!("leaf 0 is not the genesis entry")
    };
    let origin = format!("vault/{vault}");
    set_leaf(
        &c,
        0,
        &Entry::Genesis {
            v: ver,
            vault,
            master_recipient,
            signing_key: public,
        },
    );
    let all = leaves(&c);
    c.execute("DELETE FROM checkpoints", []).expect("delete");
    for size in [3usize, all.len()] {
        let cp = Checkpoint {
            origin: origin.clone(),
            size: size as u64,
            root: merkle::root(&all[..size]),
            extensions: vec![],
        };
        c.execute(
            "INSERT INTO checkpoints(size, note) VALUES(?1, ?2)",
            params![size as i64, cp.sign(&origin, &key)],
        )
        .expect("re-sign");
    }
    drop(c);

    let (code, _, err) = run(v.cmd(), &["list"]);
    assert_refused(code, &err, "is not the one this computer knows for it");
    let (code, _, err) = run(v.cmd_locked(), &["add", "--kind", "other", "--what", "x"]);
    assert_refused(code, &err, "security number");
    let (code, _, err) = run(elsewhere(&v, v.cmd()), &["list"]);
    assert_refused(code, &err, "creation entry, signing key");

    let (code, problems) = verify(&v, true);
    assert_eq!(code, 4);
    assert!(kinds(&problems).contains(&"trust_seal"), "{problems:?}");
}

fn add_locked(v: &TestVault, what: &str) -> (i32, String, String) {
    run(
        v.cmd_locked(),
        &[
            "add",
            "--kind",
            "followed",
            "--when",
            "2026-11-21 10:00",
            "--what",
            what,
        ],
    )
}

/// The master recipient (stored and in the genesis entry) swapped for the attacker's key:
/// `add` and `attach` refuse with nothing written. Swapped back, everything works and verifies.
#[test]
fn a_swapped_master_recipient_is_refused_before_anything_is_written() {
    let (v, a, _) = signed_vault();
    let c = db(&v);
    let original_meta = meta(&c, "master_recipient").expect("recipient");
    let original_genesis = leaf(&c, 0);
    let attacker = age::x25519::Identity::generate().to_public().to_string();
    set_meta(&c, "master_recipient", &attacker);
    let Entry::Genesis {
        v: ver,
        vault,
        signing_key,
        ..
    } = original_genesis.clone()
    else {
        panic!("leaf 0 is not the genesis entry")
    };
    set_leaf(
        &c,
        0,
        &Entry::Genesis {
            v: ver,
            vault,
            master_recipient: attacker,
            signing_key,
        },
    );
    let before = (
        count(&c, "records"),
        count(&c, "ledger"),
        count(&c, "attachments"),
    );
    drop(c);
    let photo = v.path("photo.txt");
    std::fs::write(&photo, b"not really a photo").expect("write file");

    let (code, out, err) = add_locked(&v, "they asked for papers");
    assert_refused(
        code,
        &err,
        "the master key new entries would be encrypted to",
    );
    assert!(out.is_empty(), "no id was printed: {out}");
    let (code, _, err) = run(
        v.cmd_locked(),
        &["attach", &a, photo.to_str().expect("utf-8")],
    );
    assert_refused(
        code,
        &err,
        "the master key new entries would be encrypted to",
    );
    let c = db(&v);
    assert_eq!(
        (
            count(&c, "records"),
            count(&c, "ledger"),
            count(&c, "attachments")
        ),
        before,
        "nothing was written"
    );
    let blobs = std::fs::read_dir(v.dir.join("blobs"))
        .expect("blobs")
        .count();
    assert_eq!(blobs, 0, "no blob was written");

    // The swap-back variant: the attacker restores both values to cover their tracks.
    set_meta(&c, "master_recipient", &original_meta);
    set_leaf(&c, 0, &original_genesis);
    drop(c);
    let (code, _, err) = add_locked(&v, "they asked for papers");
    assert_eq!(code, 0, "{err}");
    v.ok(&["list"]);
    let (code, problems) = verify(&v, true);
    assert_eq!((code, problems.clone()), (0, vec![]), "{problems:?}");
}

/// A checkpoint row planted at the ledger's size (any text as its note) counts for nothing:
/// `info` still counts the planted incident as unsigned, the unlock still lists it, and verify
/// reports the row.
#[test]
fn a_junk_checkpoint_row_is_ignored_and_reported() {
    let (v, _, _) = signed_vault();
    let (code, _, err) = add_locked(&v, "planted by someone else");
    assert_eq!(code, 0, "{err}");
    let c = db(&v);
    let size = leaves(&c).len() as i64;
    c.execute(
        "INSERT INTO checkpoints(size, note) VALUES(?1, 'all fine\n')",
        [size],
    )
    .expect("plant row");
    drop(c);

    assert_eq!(v.json(&["info"])["unchecked_entries"], 1);
    let receipt = v.path("receipt.txt");
    // --no-sign: the receipt is the newest checkpoint that counts, with nothing signed now.
    v.ok(&[
        "receipt",
        "--no-sign",
        "--out",
        receipt.to_str().expect("utf-8"),
    ]);
    assert!(
        !std::fs::read_to_string(&receipt)
            .expect("receipt")
            .contains("all fine"),
        "the receipt is the newest valid checkpoint"
    );
    let (code, problems) = verify(&v, false);
    assert_eq!(code, 4);
    assert_eq!(
        problems,
        vec![(
            "checkpoint_signature".to_owned(),
            format!("checkpoint at size {size}")
        )]
    );

    let (code, _, err) = run(v.cmd(), &["list"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("these were logged without it"), "{err}");
    assert!(err.contains("\"planted by someone else\""), "{err}");
    assert!(
        err.contains("someone with access to this folder did"),
        "{err}"
    );
    // The unlock signed over the planted row: everything verifies now.
    assert_eq!(verify(&v, false), (0, vec![]));
}

/// What `add` and `attach` wrote since the last unlock is listed in plain words, with planted
/// control characters made visible.
#[test]
fn the_unlock_lists_what_was_logged_without_the_passphrase() {
    let (v, a, _) = signed_vault();
    let (code, _, err) = add_locked(&v, "a van \u{1b}[2J parked outside");
    assert_eq!(code, 0, "{err}");
    let photo = v.path("van.txt");
    std::fs::write(&photo, b"plate number").expect("write");
    v.cmd_locked()
        .args(["attach", &a, photo.to_str().expect("utf-8")])
        .assert()
        .success();
    let (code, _, err) = run(v.cmd(), &["list"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("incident"), "{err}");
    assert!(err.contains("a van \\e[2J parked outside"), "{err}");
    assert!(
        !err.contains('\u{1b}'),
        "escapes are shown, not sent: {err:?}"
    );
    assert!(
        err.contains(&format!("attachment \"van.txt\" to incident {a}")),
        "{err}"
    );
    // Spanish.
    let (code, _, err) = run(
        {
            let mut c = v.cmd_locked();
            c.env("LANG", "es_MX.UTF-8");
            c
        },
        &["add", "--kind", "other", "--what", "otra cosa"],
    );
    assert_eq!(code, 0, "{err}");
    let mut es = v.cmd();
    es.env("LANG", "es_MX.UTF-8");
    let (code, _, err) = run(es, &["list"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("se guardó esto sin ella"), "{err}");
    assert!(
        err.contains("lo hizo alguien con acceso a esta carpeta"),
        "{err}"
    );
    // The next unlock has nothing to list.
    let (_, _, err) = run(v.cmd(), &["list"]);
    assert!(!err.contains("logged without it"), "{err}");
}

fn copy_files(from: &Path, to: &Path, names: &[&str]) {
    std::fs::create_dir_all(to).expect("dir");
    for name in names {
        let _ = std::fs::remove_file(to.join(name));
        if from.join(name).exists() {
            std::fs::copy(from.join(name), to.join(name)).expect("copy");
        }
    }
}

const DB_FILES: [&str; 3] = ["vault.db", "vault.db-wal", "vault.db-shm"];

/// The whole database put back to an older copy (consistent in itself, its own seal included):
/// the pin outside the folder catches it. A computer without the pin cannot (the honest limit).
#[test]
fn a_rollback_of_the_whole_database_is_caught_by_the_pin() {
    let (v, _, _) = signed_vault();
    let old = v.path("old-copy");
    copy_files(&v.dir, &old, &DB_FILES);
    v.add_simple("they came back with a warrant");
    v.ok(&["list"]);
    copy_files(&old, &v.dir, &DB_FILES);

    let (code, _, err) = run(v.cmd(), &["list"]);
    assert_refused(code, &err, "an older copy of the vault was put back");
    // verify reads the pin too (without the passphrase, and writing nothing): the older copy
    // is consistent in itself, so only the pin tells.
    let pins = std::fs::read(v.state_dir().join("known_vaults")).expect("pin file");
    for full in [false, true] {
        let (code, problems) = verify(&v, full);
        assert_eq!(code, 4);
        assert_eq!(problems, vec![("pin".to_owned(), "pin file".to_owned())]);
    }
    assert_eq!(
        std::fs::read(v.state_dir().join("known_vaults")).expect("pin file"),
        pins,
        "verify never writes the pin file"
    );
    // The honest limit: another computer has nothing to compare with.
    let (code, _, err) = run(elsewhere(&v, v.cmd()), &["list"]);
    assert_eq!(code, 0, "{err}");
}

fn key_export(v: &TestVault) -> age::x25519::Identity {
    let out = v.path("master.key");
    v.ok(&["key", "export", "--out", out.to_str().expect("utf-8")]);
    let text = std::fs::read_to_string(&out).expect("key file");
    let line = text
        .lines()
        .find(|l| l.starts_with("AGE-SECRET-KEY-"))
        .expect("identity line");
    age::x25519::Identity::from_str(line).expect("identity")
}

/// Turns a fresh vault into what the release before trust seals wrote: genesis, keyslot and a
/// checkpoint at size 2, with no trust entry and no seal. Done as the owner (who has the master
/// key), so the result is a genuine older vault, not a forgery.
fn make_pre_seal(v: &TestVault) {
    let master = key_export(v);
    let c = db(v);
    assert!(matches!(leaf(&c, 2), Entry::Trust { .. }));
    let wrapped = STANDARD
        .decode(meta(&c, "signing_secret").expect("wrapped key"))
        .expect("base64");
    let mut secret = Vec::new();
    age::Decryptor::new(&wrapped[..])
        .expect("age file")
        .decrypt(std::iter::once(&master as &dyn age::Identity))
        .expect("decrypts")
        .read_to_end(&mut secret)
        .expect("read");
    let key = ed25519_dalek::SigningKey::from_bytes(&secret.try_into().expect("32 bytes"));
    c.execute("DELETE FROM meta WHERE key = 'trust_seal'", [])
        .expect("seal");
    c.execute("DELETE FROM ledger WHERE leaf_index = 2", [])
        .expect("trust entry");
    c.execute("DELETE FROM checkpoints", [])
        .expect("checkpoints");
    let vault = meta(&c, "vault_id").expect("id");
    let origin = format!("vault/{vault}");
    let cp = Checkpoint {
        origin: origin.clone(),
        size: 2,
        root: merkle::root(&leaves(&c)),
        extensions: vec![],
    };
    c.execute(
        "INSERT INTO checkpoints(size, note) VALUES(2, ?1)",
        [cp.sign(&origin, &key)],
    )
    .expect("checkpoint");
}

/// A vault made before seals opens: its first unlock adds the trust entry and the seal, signed.
/// The same state with this computer's pin kept (made when the vault had its seal) is refused:
/// deleting the seal must not make an older state current. Once migrated, a deleted seal is
/// refused whatever the pin says.
#[test]
fn a_vault_made_before_seals_is_migrated_and_a_deleted_seal_is_refused() {
    let v = TestVault::new();
    make_pre_seal(&v);
    let (code, _, err) = run(v.cmd(), &["list"]);
    assert_refused(code, &err, "an older copy of the vault was put back");

    // The honest limit: with the pin gone too, the older state is taken as it is.
    std::fs::remove_file(pin_file(&v)).expect("remove pin");
    let (code, _, err) = run(v.cmd(), &["list"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("had not seen this vault before"), "{err}");
    let c = db(&v);
    assert!(
        matches!(leaf(&c, 2), Entry::Trust { .. }),
        "logged in the ledger"
    );
    assert!(meta(&c, "trust_seal").is_some());
    assert_eq!(checkpoint_rows(&c).last().map(|r| r.0), Some(3), "signed");
    drop(c);
    assert_eq!(verify(&v, true), (0, vec![]));
    v.add_simple("after the migration");
    v.ok(&["list"]);

    // The seal deleted once the ledger says the vault keeps one: refused, on any computer.
    db(&v)
        .execute("DELETE FROM meta WHERE key = 'trust_seal'", [])
        .expect("delete seal");
    for cmd in [v.cmd(), elsewhere(&v, v.cmd())] {
        let (code, _, err) = run(cmd, &["list"]);
        assert_refused(code, &err, "the trust seal is missing");
    }
    let (code, problems) = verify(&v, false);
    assert_eq!(code, 4);
    assert_eq!(
        problems,
        vec![("trust_seal".to_owned(), "vault metadata".to_owned())]
    );
}

/// The first time a computer sees a vault (a USB stick on a new laptop), it says so and shows
/// the fingerprint, then pins the vault; later commands say nothing more.
#[test]
fn a_vault_on_a_new_computer_is_pinned_with_a_note() {
    let v = TestVault::new();
    assert!(pin_file(&v).exists(), "init pins the vault");
    let fp = fingerprint(&v);
    let (code, _, err) = run(elsewhere(&v, v.cmd()), &["list"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("had not seen this vault before"), "{err}");
    assert!(err.contains(&fp), "{err}");
    let (_, _, err) = run(elsewhere(&v, v.cmd()), &["list"]);
    assert!(!err.contains("had not seen"), "{err}");
    // `add` (no passphrase) on a third computer pins it too.
    let mut third = v.cmd_locked();
    third.env("VAULT_STATE_DIR", v.path("third"));
    let (code, _, err) = run(third, &["add", "--kind", "other", "--what", "x"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains(&fp), "{err}");
    let pinned = std::fs::read_to_string(v.path("third").join("known_vaults")).expect("pin");
    assert!(pinned.contains(
        &v.json(&["info"])["vault_id"]
            .as_str()
            .expect("id")
            .to_owned()
    ));
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(v.path("third").join("known_vaults"))
        .expect("pin file")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
}

/// A damaged pin file line is a warning, never a crash, and the vault's own line still counts.
#[test]
fn a_damaged_pin_line_is_a_warning() {
    let v = TestVault::new();
    let mut text = std::fs::read_to_string(pin_file(&v)).expect("pin file");
    text.push_str("this is \u{1b}]0;not a pin\n");
    std::fs::write(pin_file(&v), text).expect("write");
    let (code, _, err) = add_locked(&v, "still works");
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("is damaged and was ignored"), "{err}");
    let (code, _, err) = run(v.cmd(), &["list"]);
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("had not seen"), "{err}");
}

/// A planted checkpoint row below the newest one does not reach a bundle's list of earlier
/// checkpoints, nor stop the export; the bundle verifies.
#[test]
fn a_junk_earlier_checkpoint_row_stays_out_of_bundles() {
    let (v, _, _) = signed_vault();
    let c = db(&v);
    c.execute(
        "INSERT INTO checkpoints(size, note) VALUES(4, 'vault/x\n4\nnot a root\n')",
        [],
    )
    .expect("plant row");
    drop(c);
    let key = v.path("counsel.key");
    let recipient = v.json(&["keygen", "--out", key.to_str().expect("utf-8")])["recipient"]
        .as_str()
        .expect("recipient")
        .to_owned();
    let bundle = v.path("case.age");
    v.ok(&[
        "export",
        "--to",
        &recipient,
        "--all",
        "--out",
        bundle.to_str().expect("utf-8"),
    ]);
    v.ok(&[
        "bundle",
        "verify",
        bundle.to_str().expect("utf-8"),
        "--identity",
        key.to_str().expect("utf-8"),
    ]);
    let (code, problems) = verify(&v, false);
    assert_eq!(code, 4);
    assert_eq!(
        problems,
        vec![(
            "checkpoint_signature".to_owned(),
            "checkpoint at size 4".to_owned()
        )]
    );
}

/// A `rekey` moves the pin to the new master recipient (a signed `rekey` entry vouches for it);
/// a forged `rekey` entry naming the attacker's recipient, with the stored recipient swapped to
/// match, does not: `add` is refused with nothing written.
#[test]
fn the_pin_follows_a_signed_rekey_but_not_a_forged_one() {
    let (v, _, _) = signed_vault();
    v.ok(&["rekey"]);
    let (code, _, err) = add_locked(&v, "after the new key");
    assert_eq!(code, 0, "{err}");
    v.ok(&["list"]);

    let c = db(&v);
    let current = meta(&c, "master_recipient").expect("recipient");
    let attacker = age::x25519::Identity::generate().to_public().to_string();
    append_leaf(
        &c,
        &Entry::Rekey {
            v: 1,
            master_recipient: attacker.clone(),
            previous_recipient: current,
        },
    );
    set_meta(&c, "master_recipient", &attacker);
    let before = (count(&c, "records"), count(&c, "ledger"));
    drop(c);
    let (code, out, err) = add_locked(&v, "would go to the attacker");
    assert_refused(
        code,
        &err,
        "the master key new entries would be encrypted to",
    );
    assert!(out.is_empty(), "{out}");
    let c = db(&v);
    assert_eq!((count(&c, "records"), count(&c, "ledger")), before);
}

/// A deliberate `restore` of an older backup re-pins the vault, so the restored copy opens; the
/// same older state put back by hand (no `restore`) is still refused.
#[test]
fn a_deliberate_restore_of_an_older_backup_is_re_pinned() {
    let (v, _, _) = signed_vault();
    let backup = v.path("old.vaultbackup");
    v.ok(&["backup", "--out", backup.to_str().expect("utf-8")]);
    v.add_simple("logged after the backup");
    v.ok(&["list"]);

    let restored = v.path("restored");
    let at = |dir: &Path, pass: bool| {
        let mut c = assert_cmd::Command::cargo_bin("vault").expect("binary");
        c.env_remove("VAULT_DIR")
            .env_remove("VAULT_PASSPHRASE_FILE")
            .env("LANG", "C")
            .env("NO_COLOR", "1")
            .env("VAULT_STATE_DIR", v.state_dir())
            .arg("--vault")
            .arg(dir);
        if pass {
            c.arg("--passphrase-file").arg(&v.pass_file);
        }
        c
    };
    let (code, _, err) = run(
        at(&restored, false),
        &["restore", backup.to_str().expect("utf-8")],
    );
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = run(at(&restored, true), &["list"]);
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains("logged after the backup"), "{out}");
}
