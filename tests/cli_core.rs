//! The vault core through the real binary: init, add, list, show, amend, passwd, info, key
//! export, passphrase handling, damaged keyslots, id prefixes, and that no plaintext reaches the
//! disk.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::{one_line_error, stderr};

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::str::FromStr;

use common::{all_files, state_files, TestVault};
use serde_json::Value;
use sha2::{Digest, Sha256};

/// The keys `list --json` and `show --json` print for every incident.
const RECORD_KEYS: [&str; 12] = [
    "id",
    "revision",
    "kind",
    "occurred_at",
    "recorded_at",
    "location",
    "narrative",
    "agents",
    "vehicles",
    "witnesses",
    "tags",
    "attachments",
];

/// Like [`one_line_error`], but nothing else may be on stderr.
fn only_error_line(out: &Output) -> String {
    let line = one_line_error(out);
    assert_eq!(
        stderr(out).trim_end(),
        line,
        "stderr has more than one line"
    );
    line
}

/// `info --json`, which needs no passphrase.
fn info(v: &TestVault) -> Value {
    let out = v
        .cmd_locked()
        .args(["--json", "info"])
        .output()
        .expect("run");
    common::assert_success(&out, &["info"]);
    serde_json::from_slice(&out.stdout).expect("info JSON")
}

/// Path -> SHA-256 of every file under `dir`.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, String> {
    state_files(dir)
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).expect("read");
            (p, hex::encode(Sha256::digest(&bytes)))
        })
        .collect()
}

/// Runs `add --json` without the passphrase and returns the new id.
fn add_locked(v: &TestVault, args: &[&str]) -> String {
    let out = v
        .cmd_locked()
        .arg("--json")
        .arg("add")
        .args(args)
        .output()
        .expect("run");
    common::assert_success(&out, args);
    let j: Value = serde_json::from_slice(&out.stdout).expect("add JSON");
    j["id"].as_str().expect("id").to_owned()
}

fn keys_of(v: &Value) -> BTreeSet<String> {
    v.as_object().expect("object").keys().cloned().collect()
}

fn record_keys() -> BTreeSet<String> {
    RECORD_KEYS.iter().map(|k| k.to_string()).collect()
}

/// Length of an age file's payload (everything after the header's MAC line). The age crate
/// adds a random-length "grease" stanza to every header, so only the payload length is
/// determined by the (padded) plaintext.
fn age_payload_len(ct: &[u8]) -> usize {
    let mac = ct
        .windows(5)
        .position(|w| w == b"\n--- ")
        .expect("age header MAC line");
    let end = mac + 1 + ct[mac + 1..].iter().position(|&b| b == b'\n').expect("eol");
    ct.len() - end - 1
}

fn ciphertext_of(db: &Path, id: &str, revision: u32) -> Vec<u8> {
    let conn = rusqlite::Connection::open(db).expect("open db");
    conn.query_row(
        "SELECT ciphertext FROM records WHERE id = ?1 AND revision = ?2",
        rusqlite::params![id, revision],
        |r| r.get(0),
    )
    .expect("record row")
}

#[test]
fn add_list_show_amend_and_history() {
    let v = TestVault::new();
    // Logged in this order, but occurring in the order stdin > flags > file.
    let flags = add_locked(
        &v,
        &[
            "--kind",
            "photographed",
            "--when",
            "2026-11-20T14:30:00-05:00",
            "--where",
            "Main St & 5th",
            "--coords",
            "40.7,-74.0",
            "--what",
            "Two agents took photos. [[My neighbour Ana]] was with me.",
            "--agent",
            "tall, grey jacket; badge=4411; agency=ICE",
            "--vehicle",
            "grey SUV; plate=ABC1234",
            "--witness",
            "name=Luis; contact=555-0100",
            "--tag",
            "clinic",
            "--tag",
            "photos",
        ],
    );
    let json_file = v.path("incident.json");
    std::fs::write(
        &json_file,
        r#"{"kind":"visited","occurred_at":"2026-10-01","narrative":"from a file","tags":["file"]}"#,
    )
    .unwrap();
    let from_file = add_locked(&v, &["--from-json", json_file.to_str().unwrap()]);
    let out = v
        .cmd_locked()
        .args(["--json", "add", "--from-json", "-"])
        .write_stdin(
            r#"{"kind":"contacted","occurred_at":"2026-12-01T09:00:00Z","narrative":"from stdin",
                "agents":[{"name":"Officer Diaz","badge":"77"}]}"#,
        )
        .output()
        .unwrap();
    common::assert_success(&out, &["add", "--from-json", "-"]);
    let from_stdin = serde_json::from_slice::<Value>(&out.stdout).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();

    let list = v.json(&["list"]);
    let list = list.as_array().expect("list is an array");
    let order: Vec<&str> = list.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(
        order,
        [&from_stdin, &flags, &from_file],
        "newest occurrence first"
    );
    for r in list {
        assert_eq!(keys_of(r), record_keys());
        assert_eq!(r["revision"], 1);
    }
    assert_eq!(list[0]["agents"][0]["name"], "Officer Diaz");
    assert_eq!(list[0]["narrative"], "from stdin");
    assert_eq!(list[2]["kind"], "visited");
    assert_eq!(list[2]["occurred_at"], "2026-10-01");
    assert_eq!(list[2]["tags"], serde_json::json!(["file"]));

    let full = v.json(&["show", &flags]);
    assert_eq!(keys_of(&full), record_keys());
    let by_prefix = v.json(&["show", &flags[..6]]);
    assert_eq!(full, by_prefix, "a unique prefix shows the same incident");
    assert_eq!(full["id"], flags.as_str());
    assert_eq!(full["kind"], "photographed");
    assert_eq!(full["occurred_at"], "2026-11-20T14:30:00-05:00");
    assert_eq!(full["location"]["text"], "Main St & 5th");
    assert_eq!(full["location"]["latitude"], 40.7);
    assert_eq!(full["location"]["longitude"], -74.0);
    assert_eq!(
        full["narrative"],
        "Two agents took photos. [[My neighbour Ana]] was with me."
    );
    assert_eq!(
        full["agents"],
        serde_json::json!([{"description": "tall, grey jacket", "badge": "4411", "agency": "ICE"}])
    );
    assert_eq!(
        full["vehicles"],
        serde_json::json!([{"description": "grey SUV", "plate": "ABC1234"}])
    );
    assert_eq!(
        full["witnesses"],
        serde_json::json!([{"name": "Luis", "contact": "555-0100"}])
    );
    assert_eq!(full["tags"], serde_json::json!(["clinic", "photos"]));
    assert_eq!(full["attachments"], serde_json::json!([]));

    let amended = v.json(&["amend", &flags[..6], "--where", "corner of Main St and 6th"]);
    assert_eq!(amended["id"], flags.as_str());
    assert_eq!(amended["revision"], 2);
    let now = v.json(&["show", &flags]);
    assert_eq!(now["revision"], 2);
    assert_eq!(now["location"]["text"], "corner of Main St and 6th");
    assert_eq!(
        now["location"]["latitude"], 40.7,
        "amend keeps other fields"
    );
    assert_eq!(now["narrative"], full["narrative"]);

    let history = v.json(&["show", "--history", &flags]);
    let history = history.as_array().expect("history array");
    assert_eq!(history.len(), 2);
    assert_eq!(history[0], full, "revision 1 is kept unchanged");
    assert_eq!(history[1]["revision"], 2);
    assert_eq!(history[1]["location"]["text"], "corner of Main St and 6th");
    assert_eq!(info(&v)["incidents"], 3);
    assert_eq!(info(&v)["revisions"], 4);
}

#[test]
fn passwd_replaces_the_passphrase() {
    let v = TestVault::new();
    let id = v.add_simple("logged before the passphrase changed");
    let before = v.json(&["show", &id]);
    let new_pass = v.path("new-pass.txt");
    std::fs::write(&new_pass, "a brand new passphrase for tests\n").unwrap();
    v.ok(&[
        "passwd",
        "--new-passphrase-file",
        new_pass.to_str().unwrap(),
    ]);

    let out = v.fails(&["list"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(only_error_line(&out).contains("wrong passphrase"));

    let out = v
        .cmd_locked()
        .args(["--passphrase-file", new_pass.to_str().unwrap(), "--json"])
        .args(["show", &id])
        .output()
        .unwrap();
    common::assert_success(&out, &["show with the new passphrase"]);
    let after: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(after, before, "records are intact");
    assert_eq!(info(&v)["keyslots"], 1);
}

#[test]
fn wrong_passphrase_exits_3_and_changes_nothing() {
    let v = TestVault::new();
    // An unsigned entry: a successful unlock would sign a checkpoint and change vault.db.
    v.add_simple("waiting for a checkpoint");
    let wrong = v.path("wrong.txt");
    std::fs::write(&wrong, "not the passphrase\n").unwrap();
    let before = snapshot(&v.dir);
    for args in [&["list"][..], &["amend", "0", "--what", "x"][..]] {
        let out = v
            .cmd_locked()
            .args(["--passphrase-file", wrong.to_str().unwrap()])
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(3), "{args:?}: {}", stderr(&out));
        assert!(only_error_line(&out).contains("wrong passphrase"));
        assert_eq!(snapshot(&v.dir), before, "{args:?} changed the vault");
    }
}

#[test]
fn passphrase_file_edge_cases() {
    let v = TestVault::new();
    let id = v.add_simple("edge cases");
    let before = snapshot(&v.dir);

    let empty = v.path("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let blank_line = v.path("blank.txt");
    std::fs::write(&blank_line, "\r\nsecond line is ignored\n").unwrap();
    for f in [&empty, &blank_line] {
        let out = v
            .cmd_locked()
            .args(["--passphrase-file", f.to_str().unwrap(), "list"])
            .output()
            .unwrap();
        let line = one_line_error(&out);
        assert!(line.contains("empty"), "{line}");
    }

    let missing = v.path("no-such-pass.txt");
    let out = v
        .cmd_locked()
        .args(["--passphrase-file", missing.to_str().unwrap(), "list"])
        .output()
        .unwrap();
    let line = one_line_error(&out);
    assert!(line.contains("no-such-pass.txt"), "{line}");

    let out = v.cmd_locked().arg("list").output().unwrap();
    let line = one_line_error(&out);
    assert!(line.contains("--passphrase-file"), "{line}");
    assert_eq!(snapshot(&v.dir), before, "failed unlocks changed the vault");

    let crlf = v.path("crlf.txt");
    std::fs::write(&crlf, format!("{}\r\n", common::PASSPHRASE)).unwrap();
    let out = v
        .cmd_locked()
        .args([
            "--passphrase-file",
            crlf.to_str().unwrap(),
            "--json",
            "show",
            &id,
        ])
        .output()
        .unwrap();
    common::assert_success(&out, &["show with a CRLF passphrase file"]);

    // init with an empty passphrase creates nothing.
    let fresh = TestVault::uninit();
    std::fs::write(&fresh.pass_file, "\n").unwrap();
    let out = fresh
        .cmd()
        .args(["init", "--kdf-memory-mib", "64", "--kdf-iterations", "3"])
        .args(["--kdf-parallelism", "4"])
        .output()
        .unwrap();
    assert!(one_line_error(&out).contains("empty"));
    assert!(!fresh.db().exists());
}

/// Damages the keyslot table with `sql_change`, then checks that unlocking commands fail with a
/// clear one-line error and leave the database byte-for-byte as it was.
fn keyslot_damage_fails_closed(code: i32, change: impl FnOnce(&rusqlite::Connection)) -> String {
    let v = TestVault::new();
    v.add_simple("behind a damaged keyslot");
    {
        let conn = rusqlite::Connection::open(v.db()).unwrap();
        change(&conn);
    }
    let before = snapshot(&v.dir);
    let mut messages = Vec::new();
    for args in [
        &["list"][..],
        &[
            "passwd",
            "--new-passphrase-file",
            v.pass_file.to_str().unwrap(),
        ][..],
    ] {
        let out = v.cmd().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(code), "{args:?}: {}", stderr(&out));
        messages.push(only_error_line(&out));
        assert_eq!(snapshot(&v.dir), before, "{args:?} changed the vault");
    }
    messages.join("\n")
}

#[test]
fn corrupted_keyslot_fails_closed() {
    // A slot that no longer matches its ledger entry is refused as changed or damaged (exit 4)
    // before any key derivation.
    let msg = keyslot_damage_fails_closed(4, |conn| {
        let (id, mut wrapped): (String, Vec<u8>) = conn
            .query_row("SELECT id, wrapped FROM keyslots", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        let mid = wrapped.len() / 2;
        wrapped[mid] ^= 0x01;
        let n = conn
            .execute(
                "UPDATE keyslots SET wrapped = ?1 WHERE id = ?2",
                rusqlite::params![wrapped, id],
            )
            .unwrap();
        assert_eq!(n, 1);
    });
    assert!(msg.contains("keyslot"), "{msg}");
}

#[test]
fn missing_keyslot_fails_closed() {
    let msg = keyslot_damage_fails_closed(3, |conn| {
        assert_eq!(conn.execute("DELETE FROM keyslots", []).unwrap(), 1);
    });
    assert!(msg.contains("no usable keyslot"), "{msg}");
}

#[test]
fn unicode_round_trips_exactly() {
    let v = TestVault::new();
    let narrative = "Café naïve résumé — 🚓👮🏽‍♀️📸 \u{200f}שלום עולם\u{200e} مرحبا بالعالم \
                     e\u{301} ñ Ø ß 漢字\n\tsecond line [[José Núñez]] ✊🏾";
    let place = "Calle Ñandú 5, الرياض, תל אביב";
    let agent = "mujer alta, chaqueta gris; name=Zoë Ångström; badge=№ 4411; agency=ICE 🇺🇸";
    let id = add_locked(
        &v,
        &[
            "--kind",
            "other",
            "--when",
            "2026-11-20",
            "--what",
            narrative,
            "--where",
            place,
            "--agent",
            agent,
            "--tag",
            "émeute✊",
            "--tag",
            "עברית",
        ],
    );
    let shown = v.json(&["show", &id]);
    assert_eq!(shown["narrative"], narrative);
    assert_eq!(shown["location"]["text"], place);
    assert_eq!(
        shown["agents"][0]["description"],
        "mujer alta, chaqueta gris"
    );
    assert_eq!(shown["agents"][0]["name"], "Zoë Ångström");
    assert_eq!(shown["agents"][0]["badge"], "№ 4411");
    assert_eq!(shown["agents"][0]["agency"], "ICE 🇺🇸");
    assert_eq!(shown["tags"], serde_json::json!(["émeute✊", "עברית"]));
}

#[test]
fn ten_megabyte_narrative_round_trips() {
    let v = TestVault::new();
    let unit = "A line of testimony, with accents (é, ü), emoji 🚨 and RTL \u{202b}نص\u{202c}.\n";
    let mut narrative = String::with_capacity(10 << 20);
    while narrative.len() < 10 << 20 {
        narrative.push_str(unit);
    }
    let file = v.path("big.json");
    let doc = serde_json::json!({
        "kind": "raid",
        "occurred_at": "2026-11-20T06:00:00+01:00",
        "narrative": narrative,
    });
    std::fs::write(&file, serde_json::to_vec(&doc).unwrap()).unwrap();
    let id = add_locked(&v, &["--from-json", file.to_str().unwrap()]);
    let shown = v.json(&["show", &id]);
    let got = shown["narrative"].as_str().expect("narrative");
    assert_eq!(got.len(), narrative.len());
    assert!(got == narrative, "the 10 MB narrative changed");
    assert_eq!(shown["kind"], "raid");
}

#[test]
fn ambiguous_prefix_and_unknown_id_exit_6() {
    let v = TestVault::new();
    let mut by_first: BTreeMap<char, Vec<String>> = BTreeMap::new();
    let shared = loop {
        let id = add_locked(&v, &["--kind", "other", "--what", "one of many"]);
        let c = id.chars().next().unwrap();
        by_first.entry(c).or_default().push(id);
        if by_first[&c].len() == 2 {
            break c;
        }
        assert!(
            by_first.len() <= 16,
            "17 ids cannot all differ in their first hex digit"
        );
    };
    let out = v.fails(&["show", &shared.to_string()]);
    assert_eq!(out.status.code(), Some(6), "{}", stderr(&out));
    let line = one_line_error(&out);
    assert!(line.contains("ambiguous"), "{line}");
    // The full ids still work.
    for id in &by_first[&shared] {
        assert_eq!(v.json(&["show", id])["id"], id.as_str());
    }

    let unknown = (0..16u32)
        .map(|d| std::char::from_digit(d, 16).unwrap())
        .find(|c| !by_first.contains_key(c))
        .expect("a free first digit")
        .to_string()
        .repeat(32);
    for id in [unknown.as_str(), "not-hex"] {
        let out = v.fails(&["show", id]);
        assert_eq!(out.status.code(), Some(6), "{}", stderr(&out));
        assert!(one_line_error(&out).contains("no incident matches"));
    }
    // Resolution without the passphrase (attach) reports the same way.
    let file = v.path("note.txt");
    std::fs::write(&file, "x").unwrap();
    let out = v
        .cmd_locked()
        .args(["attach", &unknown, file.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6), "{}", stderr(&out));
    let out = v
        .cmd_locked()
        .args(["attach", &shared.to_string(), file.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6), "{}", stderr(&out));
    assert!(one_line_error(&out).contains("ambiguous"));
    assert_eq!(info(&v)["attachments"], 0);
}

#[test]
fn add_needs_no_passphrase() {
    let v = TestVault::new();
    let before = info(&v);
    let id = add_locked(&v, &["--kind", "followed", "--what", "no passphrase here"]);
    let after = info(&v);
    assert_eq!(after["incidents"], 1);
    assert_eq!(
        after["ledger_entries"].as_u64().unwrap(),
        before["ledger_entries"].as_u64().unwrap() + 1
    );
    assert_eq!(after["unchecked_entries"], 1, "not yet signed");
    // Reading does need it.
    let out = v.cmd_locked().args(["show", &id]).output().unwrap();
    assert!(!out.status.success());
    let shown = v.json(&["show", &id]);
    assert_eq!(shown["narrative"], "no passphrase here");
    assert_eq!(info(&v)["unchecked_entries"], 0, "the unlock signed it");
}

#[test]
fn info_reports_kdf_and_fingerprint() {
    let v = TestVault::uninit();
    let created = v.json(&common::INIT_CHEAP);
    let i = info(&v);
    assert_eq!(i["kdf"]["memory_mib"], 64);
    assert_eq!(i["kdf"]["iterations"], 3);
    assert_eq!(i["kdf"]["parallelism"], 4);
    let fp = i["fingerprint"].as_str().expect("fingerprint");
    let groups: Vec<&str> = fp.split(' ').collect();
    assert_eq!(groups.len(), 6, "{fp}");
    assert!(
        groups
            .iter()
            .all(|g| g.len() == 5 && g.bytes().all(|b| b.is_ascii_digit())),
        "{fp}"
    );
    assert_eq!(created["fingerprint"], fp, "init and info agree");
    assert_eq!(i["keyslots"], 1);
    assert_eq!(i["incidents"], 0);
    assert_eq!(i["attachments"], 0);
}

#[test]
fn init_refuses_weak_kdf_and_an_existing_vault() {
    let v = TestVault::uninit();
    for (m, t, p) in [
        ("32", "3", "4"),
        ("64", "2", "4"),
        ("64", "3", "3"),
        ("0", "3", "4"),
    ] {
        let out = v
            .cmd()
            .args(["init", "--kdf-memory-mib", m, "--kdf-iterations", t])
            .args(["--kdf-parallelism", p])
            .output()
            .unwrap();
        let line = one_line_error(&out);
        assert!(line.contains("too weak"), "{m}/{t}/{p}: {line}");
        assert!(!v.dir.exists(), "{m}/{t}/{p} left a vault directory behind");
    }
    let first = v.json(&common::INIT_CHEAP);
    let before = snapshot(&v.dir);
    let out = v.fails(&common::INIT_CHEAP);
    assert_eq!(out.status.code(), Some(5));
    assert!(one_line_error(&out).contains("already exists"));
    assert_eq!(snapshot(&v.dir), before);
    assert_eq!(info(&v)["vault_id"], first["vault_id"]);
}

#[test]
fn vault_files_are_private() {
    let v = TestVault::new();
    let id = v.add_simple("modes");
    let file = v.path("photo.bin");
    std::fs::write(&file, [7u8; 100]).unwrap();
    let out = v
        .cmd_locked()
        .args(["attach", &id, file.to_str().unwrap()])
        .output()
        .unwrap();
    common::assert_success(&out, &["attach"]);
    v.ok(&["list"]);
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&v.dir), 0o700);
    assert_eq!(mode(&v.dir.join("blobs")), 0o700);
    let files = all_files(&v.dir);
    assert!(files.len() >= 2, "{files:?}");
    for f in files {
        assert_eq!(mode(&f), 0o600, "{}", f.display());
    }
}

#[test]
fn plaintext_never_reaches_the_disk() {
    let v = TestVault::new();
    let id = add_locked(
        &v,
        &[
            "--kind",
            "followed",
            "--when",
            "1987-06-05 04:03",
            "--where",
            "Qwyxplaza Corner",
            "--coords",
            "12.345678,-98.765432",
            "--what",
            "zorblax narrative begins [[Frobnitz Private Person]] and ends",
            "--agent",
            "glimmerdesc agent; name=Quuxly Agentname; badge=BDG77331; agency=Vexoragency",
            "--vehicle",
            "plinthvehicle sedan; plate=PLTQ9Z8",
            "--witness",
            "drabblewitness; name=Mordecai Witnessname; contact=mordecai@witness.invalid",
            "--tag",
            "tagzephyrine",
        ],
    );
    v.ok(&["list"]);
    v.ok(&["--json", "list"]);
    v.ok(&["show", &id]);
    v.ok(&[
        "amend",
        &id,
        "--where",
        "Yarrowamended Place",
        "--what",
        "klaxonamended text [[Gribble Second Private]]",
        "--tag",
        "tagquokkamended",
    ]);
    let shown = v.ok(&["--json", "show", "--history", &id]);

    let markers = [
        "1987-06-05",
        "Qwyxplaza",
        "12.345678",
        "98.765432",
        "zorblax",
        "Frobnitz",
        "glimmerdesc",
        "Quuxly",
        "BDG77331",
        "Vexoragency",
        "plinthvehicle",
        "PLTQ9Z8",
        "drabblewitness",
        "Mordecai",
        "mordecai@witness.invalid",
        "tagzephyrine",
        "Yarrowamended",
        "klaxonamended",
        "Gribble",
        "tagquokkamended",
    ];
    // They really went in (and come out when unlocked).
    for m in markers {
        assert!(shown.contains(m), "{m} is missing from show --history");
    }
    // Everything the commands could have written: the vault and their TMPDIR.
    let files: Vec<PathBuf> = all_files(v.tmp.path())
        .into_iter()
        .filter(|p| *p != v.pass_file)
        .collect();
    assert!(files.iter().any(|p| p.ends_with("vault.db")));
    for f in &files {
        let bytes = std::fs::read(f).unwrap();
        for m in markers {
            assert!(
                !bytes.windows(m.len()).any(|w| w == m.as_bytes()),
                "{m:?} is readable in {}",
                f.display()
            );
        }
    }
}

#[test]
fn record_padding_hides_narrative_length() {
    let v = TestVault::new();
    let short = add_locked(&v, &["--kind", "other", "--what", "x"]);
    let long_text = "l".repeat(900);
    let long = add_locked(&v, &["--kind", "other", "--what", &long_text]);
    let a = ciphertext_of(&v.db(), &short, 1);
    let b = ciphertext_of(&v.db(), &long, 1);
    assert_eq!(
        age_payload_len(&a),
        age_payload_len(&b),
        "a 1-byte and a 900-byte narrative must fall in the same padding bucket"
    );
}

#[test]
fn exported_key_decrypts_records_with_standard_age() {
    let v = TestVault::new();
    let id = add_locked(
        &v,
        &[
            "--kind",
            "visited",
            "--when",
            "2026-11-20T14:30:00-05:00",
            "--where",
            "front door",
            "--what",
            "Two agents knocked. [[My sister Rosa]] answered.",
            "--agent",
            "badge=9",
            "--tag",
            "home",
        ],
    );
    let key = v.path("key.txt");
    let out = v
        .cmd()
        .args(["key", "export", "--out"])
        .arg(&key)
        .output()
        .unwrap();
    common::assert_success(&out, &["key", "export"]);
    assert!(stderr(&out).contains("warning"), "{}", stderr(&out));
    let meta = std::fs::metadata(&key).unwrap();
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    let key_bytes = std::fs::read(&key).unwrap();

    // Never overwritten.
    let out = v
        .cmd()
        .args(["key", "export", "--out"])
        .arg(&key)
        .output()
        .unwrap();
    assert!(one_line_error(&out).contains("refusing to overwrite"));
    assert_eq!(std::fs::read(&key).unwrap(), key_bytes);
    let other = v.path("other.txt");
    std::fs::write(&other, "keep me").unwrap();
    let out = v
        .cmd()
        .args(["key", "export", "--out"])
        .arg(&other)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert_eq!(std::fs::read(&other).unwrap(), b"keep me");

    // The file is a standard age identity file.
    let identities = age::IdentityFile::from_file(key.to_str().unwrap().to_owned())
        .unwrap()
        .into_identities()
        .unwrap();
    assert_eq!(identities.len(), 1);
    let secret_line = String::from_utf8(key_bytes)
        .unwrap()
        .lines()
        .find(|l| l.starts_with("AGE-SECRET-KEY-1"))
        .expect("an AGE-SECRET-KEY line")
        .to_owned();
    let identity = age::x25519::Identity::from_str(&secret_line).unwrap();
    assert_eq!(
        identity.to_public().to_string(),
        info(&v)["master_recipient"].as_str().unwrap()
    );

    let ct = ciphertext_of(&v.db(), &id, 1);
    let plain = age::decrypt(&identity, &ct).expect("age decrypts the record");
    let mut via_file = Vec::new();
    age::Decryptor::new(&ct[..])
        .unwrap()
        .decrypt(identities.iter().map(|i| i.as_ref() as &dyn age::Identity))
        .expect("the identity file decrypts the record")
        .read_to_end(&mut via_file)
        .unwrap();
    assert_eq!(plain, via_file);
    let text = String::from_utf8(plain.clone()).unwrap();
    let body: Value = serde_json::from_str(text.trim_end_matches(' ')).unwrap();
    let top: BTreeSet<&str> = body
        .as_object()
        .unwrap()
        .keys()
        .map(|k| k.as_str())
        .collect();
    assert_eq!(
        top,
        BTreeSet::from([
            "format",
            "id",
            "revision",
            "supersedes",
            "recorded_at",
            "incident",
            "salts"
        ])
    );
    assert_eq!(body["format"], "vault-record/1");
    assert_eq!(body["id"], id.as_str());
    assert_eq!(body["revision"], 1);
    assert_eq!(body["supersedes"], Value::Null);
    assert!(chrono::DateTime::parse_from_rfc3339(body["recorded_at"].as_str().unwrap()).is_ok());
    let incident = &body["incident"];
    let ikeys: BTreeSet<&str> = incident
        .as_object()
        .unwrap()
        .keys()
        .map(|k| k.as_str())
        .collect();
    assert_eq!(
        ikeys,
        BTreeSet::from([
            "kind",
            "occurred_at",
            "location",
            "narrative",
            "agents",
            "vehicles",
            "witnesses",
            "tags"
        ])
    );
    assert_eq!(incident["kind"], "visited");
    assert_eq!(incident["occurred_at"], "2026-11-20T14:30:00-05:00");
    assert_eq!(incident["location"]["text"], "front door");
    assert_eq!(
        incident["narrative"],
        "Two agents knocked. [[My sister Rosa]] answered."
    );
    assert_eq!(incident["agents"], serde_json::json!([{"badge": "9"}]));
    assert_eq!(incident["tags"], serde_json::json!(["home"]));
    let salts = body["salts"].as_object().unwrap();
    let salt_names: BTreeSet<&str> = salts.keys().map(|k| k.as_str()).collect();
    assert_eq!(
        salt_names,
        BTreeSet::from([
            "kind",
            "when",
            "location",
            "narrative",
            "narrative.private.1",
            "agents",
            "vehicles",
            "witnesses",
            "tags",
            "recorded_at"
        ]),
        "one salt per disclosable field"
    );
    let distinct: BTreeSet<&str> = salts.values().map(|s| s.as_str().unwrap()).collect();
    assert_eq!(distinct.len(), salts.len(), "salts are distinct");

    match which("age") {
        Some(age_bin) => {
            let ct_file = v.path("record.age");
            std::fs::write(&ct_file, &ct).unwrap();
            let out = std::process::Command::new(age_bin)
                .arg("-d")
                .arg("-i")
                .arg(&key)
                .arg(&ct_file)
                .output()
                .unwrap();
            assert!(out.status.success(), "age -d: {}", stderr(&out));
            assert_eq!(out.stdout, plain, "the age binary agrees");
        }
        None => eprintln!("note: no `age` binary on PATH; skipped decrypting with it"),
    }
}

/// The first `name` on PATH.
fn which(name: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

/// Someone with write access swaps the stored master recipient for their own key: appends refuse
/// to encrypt to it, so new incidents cannot be redirected, and nothing is stored.
#[test]
fn appends_refuse_a_swapped_master_recipient() {
    let v = TestVault::new();
    v.add_simple("before the swap");
    let attacker = age::x25519::Identity::generate().to_public().to_string();
    let conn = rusqlite::Connection::open(v.db()).expect("open db");
    conn.execute(
        "UPDATE meta SET value = ?1 WHERE key = 'master_recipient'",
        [&attacker],
    )
    .expect("swap");
    drop(conn);
    let before = std::fs::read(v.db()).expect("read db");
    // This computer's pin refuses it first; a computer without a pin (its own state folder)
    // is stopped by the ledger's creation entry.
    for (state, needle) in [
        (
            v.state_dir(),
            "the master key new entries would be encrypted to",
        ),
        (
            v.path("other-computer"),
            "not the one recorded in the ledger",
        ),
    ] {
        let out = v
            .cmd_locked()
            .env("VAULT_STATE_DIR", state)
            .args([
                "add",
                "--kind",
                "other",
                "--when",
                "now",
                "--what",
                "after the swap",
            ])
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(4), "{out:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(needle), "{stderr}");
        assert_eq!(
            std::fs::read(v.db()).expect("read db"),
            before,
            "nothing may be stored"
        );
    }
}

/// `VAULT_TIMINGS=1` adds one line of durations on stderr (the benchmark reads it); without it,
/// nothing of the kind is printed, and stdout is the same either way.
#[test]
fn timings_line_only_when_asked() {
    let v = TestVault::new();
    v.add_simple("timed listing");
    let plain = v.cmd().arg("list").output().expect("run");
    common::assert_success(&plain, &["list"]);
    assert!(!String::from_utf8_lossy(&plain.stderr).contains("vault-timing"));
    let timed = v
        .cmd()
        .env("VAULT_TIMINGS", "1")
        .arg("list")
        .output()
        .expect("run");
    common::assert_success(&timed, &["list"]);
    assert_eq!(timed.stdout, plain.stdout);
    let stderr = String::from_utf8_lossy(&timed.stderr);
    let line = stderr
        .lines()
        .find_map(|l| l.strip_prefix("vault-timing: "))
        .unwrap_or_else(|| panic!("no timing line in {stderr:?}"));
    let field = |name: &str| -> f64 {
        line.split(' ')
            .find_map(|kv| kv.strip_prefix(name)?.strip_prefix('='))
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("no {name} in {line:?}"))
    };
    let (total, unlock, beyond) = (
        field("total_ms"),
        field("unlock_ms"),
        field("beyond_unlock_ms"),
    );
    // The test vault's Argon2id (64 MiB) takes real time, and it is part of the total.
    assert!(unlock > 1.0 && total >= unlock, "{line}");
    assert!((total - unlock - beyond).abs() < 0.01, "{line}");
    // A command that never unlocks reports no unlock time.
    let locked = v
        .cmd_locked()
        .env("VAULT_TIMINGS", "1")
        .arg("verify")
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&locked.stderr);
    assert!(stderr.contains("unlock_ms=0.000"), "{stderr}");
}
