//! `vault verify --lang es` and `vault bundle verify --lang es` on damaged vaults and bundles:
//! every problem is said in Spanish (no English sentence, no word the glossary says to avoid),
//! the same problems as in English, and `--json` identical in both languages.

use crate::common;

use std::path::Path;

use common::*;
use rusqlite::Connection;
use serde_json::Value;

/// Phrases that only English sentences have (checked on lowercase text).
const ENGLISH_SIGNS: &[&str] = &[
    " the ",
    " was ",
    " were ",
    " is not ",
    " are not ",
    " does not ",
    " do not ",
    " of the ",
    " has ",
    " have ",
    " with ",
    " not ",
    " entry",
    " entries",
    " ledger",
    " checkpoint",
    " record ",
    " keyslot",
    " missing",
    "failed",
];

/// Words ES-GLOSSARY.md lists under "Avoid" that verify could say (checked on lowercase text).
const AVOID: &[&str] = &[
    "huella",
    "punto de control",
    "puntos de control",
    "ranura",
    "registro",
    "hoja ",
    "entrada",
    "resumen",
    "resúmenes",
    "revisión",
    "revisiones",
    "intro",
    "fallo",
    "comprometid",
    "prolonga",
    "por omisión",
    "directorio",
    "volvió atrás",
    "comprobación",
];

/// `text` without what is quoted («…», '…', a `command`): what a person reads as sentences.
fn sentences(text: &str) -> String {
    let mut out = String::new();
    let mut quoted: Option<char> = None;
    for c in text.chars() {
        match (quoted, c) {
            (None, '«') => quoted = Some('»'),
            (None, '\'') => quoted = Some('\''),
            (None, '`') => quoted = Some('`'),
            (Some(end), c) if c == end => quoted = None,
            (Some(_), _) => {}
            (None, c) => out.push(c),
        }
    }
    format!(" {} ", out.to_lowercase().replace('\n', " \n "))
}

/// Fails on an English sentence or a word to avoid in `es`; `context` names the case.
fn assert_spanish(es: &str, context: &str) {
    let text = sentences(es);
    for sign in ENGLISH_SIGNS {
        assert!(
            !text.contains(sign),
            "{context}: English ({sign:?}) in the Spanish output:\n{es}"
        );
    }
    for word in AVOID {
        assert!(
            !text.contains(word),
            "{context}: {word:?} (ES-GLOSSARY.md: avoid) in:\n{es}"
        );
    }
}

/// (exit code, stdout, stderr), with the vault folder's path replaced by `DIR`.
fn run_split(
    v: &TestVault,
    dir: &Path,
    lang: &str,
    full: bool,
    args: &[&str],
) -> (i32, String, String) {
    let mut c = if full {
        v.cmd_at(dir)
    } else {
        v.cmd_locked_at(dir)
    };
    let out = c.args(["--lang", lang]).args(args).output().expect("run");
    let code = out.status.code().expect("exit code");
    let path = dir.to_str().expect("utf-8");
    (
        code,
        stdout(&out).replace(path, "DIR"),
        stderr(&out).replace(path, "DIR"),
    )
}

/// (exit code, stdout and stderr together).
fn run(v: &TestVault, dir: &Path, lang: &str, full: bool, args: &[&str]) -> (i32, String) {
    let (code, out, err) = run_split(v, dir, lang, full, args);
    (code, format!("{out}{err}"))
}

/// The problem kinds of `verify --json` (English and Spanish runs give the same bytes).
fn kinds(v: &TestVault, dir: &Path, full: bool) -> Vec<String> {
    let (code_en, en, _) = run_split(v, dir, "en", full, &["--json", "verify"]);
    let (code_es, es, _) = run_split(v, dir, "es", full, &["--json", "verify"]);
    assert_eq!(code_en, 4, "{en}");
    assert_eq!(code_es, 4, "{es}");
    assert_eq!(en, es, "--json differs between languages");
    let json: Value = serde_json::from_str(&en).expect("json");
    json["report"]["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .map(|p| p["kind"].as_str().expect("kind").to_owned())
        .collect()
}

/// Runs the case's verify in both tiers and both languages; checks the Spanish and that every
/// problem of the English output is in the Spanish one (two lines each, under its item).
fn check_case(v: &TestVault, dir: &Path, case: &str, expect: &[&str]) {
    for full in [false, true] {
        let context = format!("{case} ({})", if full { "full" } else { "basic" });
        let found = kinds(v, dir, full);
        let (code, es) = run(v, dir, "es", full, &["verify"]);
        assert_eq!(code, 4, "{context}: {es}");
        assert!(es.contains("HAY PROBLEMAS"), "{context}: {es}");
        assert_spanish(&es, &context);
        let detail_lines = es.lines().filter(|l| l.starts_with("    ")).count();
        assert_eq!(
            detail_lines,
            found.len(),
            "{context}: one detail per problem:\n{es}"
        );
        let (_, en) = run(v, dir, "en", full, &["verify"]);
        for k in &found {
            assert!(
                en.contains(&format!("[{k}]")),
                "{context}: {k} in English:\n{en}"
            );
        }
    }
    let all: Vec<String> = [false, true]
        .iter()
        .flat_map(|full| kinds(v, dir, *full))
        .collect();
    for k in expect {
        assert!(
            all.iter().any(|f| f == k),
            "{case}: expected {k} in {all:?}"
        );
    }
}

/// A copy of the vault folder, damaged by `damage`.
fn damaged(
    v: &TestVault,
    name: &str,
    damage: impl FnOnce(&Path, &Connection),
) -> std::path::PathBuf {
    let dir = v.path(name);
    copy_dir(&v.dir, &dir);
    let conn = Connection::open(dir.join("vault.db")).expect("db");
    damage(&dir, &conn);
    drop(conn);
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::create_dir_all(to).expect("mkdir");
    std::fs::set_permissions(to, std::fs::Permissions::from_mode(0o700)).expect("chmod");
    for e in std::fs::read_dir(from).expect("read dir") {
        let e = e.expect("entry");
        let target = to.join(e.file_name());
        if e.file_type().expect("type").is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).expect("copy");
        }
    }
}

#[test]
fn verify_says_every_problem_in_spanish() {
    let v = TestVault::new();
    let a = v.add_simple("Una camioneta gris me siguió.");
    let b = v.add_simple("Dos agentes en la esquina.");
    v.ok(&["amend", &a, "--where", "la esquina de la 5 y Main"]);
    let photo = v.path("foto.bin");
    std::fs::write(&photo, vec![7u8; 2000]).expect("write");
    v.ok(&["attach", &b, photo.to_str().expect("utf-8")]);
    v.ok(&["list"]);

    // A record's ciphertext changed.
    let dir = damaged(&v, "ct", |_, c| {
        let mut ct: Vec<u8> = c
            .query_row(
                "SELECT ciphertext FROM records WHERE id = ?1 AND revision = 1",
                [&a],
                |r| r.get(0),
            )
            .expect("row");
        let last = ct.len() - 1;
        ct[last] ^= 1;
        c.execute(
            "UPDATE records SET ciphertext = ?1 WHERE id = ?2 AND revision = 1",
            rusqlite::params![ct, a],
        )
        .expect("update");
    });
    check_case(
        &v,
        &dir,
        "ciphertext",
        &["record_ciphertext_hash", "record_decrypt"],
    );

    // Ledger rows removed from the middle, and the newest checkpoints with them.
    let dir = damaged(&v, "gap", |_, c| {
        c.execute("DELETE FROM ledger WHERE leaf_index IN (2, 3)", [])
            .expect("delete");
    });
    check_case(&v, &dir, "gap", &["ledger_gap"]);

    // Every checkpoint deleted.
    let dir = damaged(&v, "nocp", |_, c| {
        c.execute("DELETE FROM checkpoints", []).expect("delete");
    });
    check_case(&v, &dir, "no checkpoint", &["checkpoint_missing"]);

    // A record revision and the attachment's encrypted file removed; a file in quarantine/.
    let dir = damaged(&v, "rows", |dir, c| {
        c.execute("DELETE FROM records WHERE id = ?1 AND revision = 2", [&a])
            .expect("delete");
        let blob: String = c
            .query_row("SELECT blob FROM attachments", [], |r| r.get(0))
            .expect("blob");
        std::fs::remove_file(dir.join("blobs").join(blob)).expect("remove blob");
        std::fs::create_dir_all(dir.join("quarantine")).expect("mkdir");
        std::fs::write(dir.join("quarantine").join("00ff.age"), b"x").expect("write");
    });
    check_case(
        &v,
        &dir,
        "rows",
        &["record_missing", "attachment_missing", "quarantine"],
    );

    // A keyslot pointing at another leaf, and a checkpoint note that does not verify.
    let dir = damaged(&v, "keys", |_, c| {
        c.execute(
            "UPDATE keyslots SET leaf_index = (SELECT MIN(leaf_index) FROM records)",
            [],
        )
        .expect("update");
        c.execute(
            "UPDATE checkpoints SET note = replace(note, 'vault/', 'vaulx/') WHERE size = (SELECT MIN(size) FROM checkpoints)",
            [],
        )
        .expect("update");
    });
    check_case(&v, &dir, "keys", &["keyslot_leaf", "checkpoint_signature"]);

    // A receipt that is not one: `receipt` problem.
    let junk = v.path("junk-receipt.txt");
    std::fs::write(&junk, "not a receipt\n").expect("write");
    let (code, es) = run(
        &v,
        &v.dir,
        "es",
        false,
        &["verify", "--receipt", junk.to_str().expect("utf-8")],
    );
    assert_eq!(code, 4, "{es}");
    assert_spanish(&es, "receipt");
    assert!(es.contains("comprobante: "), "{es}");
}

#[test]
fn bundle_verify_says_its_problems_in_spanish() {
    let v = TestVault::new();
    v.add_simple("Una camioneta gris me siguió.");
    let key = v.path("counsel.key");
    let out = v.json(&["keygen", "--out", key.to_str().expect("utf-8")]);
    let recipient = out["recipient"].as_str().expect("recipient").to_owned();
    let bundle = v.path("case.age");
    v.json(&[
        "export",
        "--to",
        &recipient,
        "--all",
        "--out",
        bundle.to_str().expect("utf-8"),
    ]);
    let other = "11111 22222 33333 44444 55555 66666";
    let args = |lang: &'static str| {
        let mut c = v.cmd_locked();
        c.args(["--lang", lang, "bundle", "verify"])
            .arg(&bundle)
            .arg("--identity")
            .arg(&key)
            .args(["--expect-fingerprint", other]);
        c
    };
    let (code, report, _) = v.bundle_verify(&bundle, &key, &["--expect-fingerprint", other]);
    assert_ne!(code, 0);
    let n = report["problems"].as_array().expect("problems").len();
    assert!(n >= 1, "{report}");
    assert_eq!(report["problems"][0]["kind"], "fingerprint_mismatch");
    let es = stdout(&args("es").output().expect("run"));
    // The problem lines end the output: two lines each (item and meaning, then the detail).
    let lines: Vec<&str> = es.lines().collect();
    let problems = lines[lines.len() - 2 * n..].join("\n");
    assert_spanish(&problems, "bundle");
    assert!(problems.contains("número de seguridad"), "{problems}");
    let en = stdout(&args("en").output().expect("run"));
    assert!(en.contains("[fingerprint_mismatch] manifest: "), "{en}");
}
