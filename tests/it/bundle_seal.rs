//! Every byte of a bundle vouched for (docs/bundle-format.md, section 9): a real bundle is taken
//! apart with the `age` and `zip` crates, changed the way someone without the vault's key would
//! change it, put back together and encrypted to counsel again; then counsel runs the ordinary
//! `bundle verify` and `bundle open`. Also: the export's ledger entry commits to the statement,
//! an older `/1` bundle is never reported verified, and hostile attachment names.

use crate::common;
use common::*;

use std::collections::BTreeSet;
use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde_json::Value;
use sha2::{Digest, Sha256};

const EXIT_PROBLEMS: i32 = 4;

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/media")
        .join(name)
}

struct Counsel {
    key: PathBuf,
    recipient: String,
}

fn keygen(v: &TestVault) -> Counsel {
    let key = v.path("counsel.key");
    let out = v.json(&["keygen", "--out", s(&key)]);
    Counsel {
        key,
        recipient: out["recipient"].as_str().expect("recipient").to_owned(),
    }
}

fn add(v: &TestVault, args: &[&str]) -> Value {
    let mut all = vec!["add"];
    all.extend_from_slice(args);
    v.json(&all)
}

fn id_of(out: &Value) -> String {
    out["id"].as_str().expect("id").to_owned()
}

fn att_of(out: &Value) -> String {
    out["attachments"][0]["id"]
        .as_str()
        .expect("attachment")
        .to_owned()
}

#[derive(Clone)]
struct Archive {
    entries: Vec<(String, Vec<u8>)>,
}

impl Archive {
    fn open(bundle: &Path, key: &Path) -> Archive {
        let ciphertext = std::fs::read(bundle).expect("read bundle");
        let ids = age::IdentityFile::from_file(s(key).to_owned())
            .expect("identity file")
            .into_identities()
            .expect("identities");
        let d = age::Decryptor::new(&ciphertext[..]).expect("age header");
        let mut r = d
            .decrypt(ids.iter().map(|i| i.as_ref() as &dyn age::Identity))
            .expect("decrypt");
        let mut plain = Vec::new();
        r.read_to_end(&mut plain).expect("read");
        let mut a = zip::ZipArchive::new(Cursor::new(plain)).expect("zip");
        let mut entries = Vec::new();
        for i in 0..a.len() {
            let mut f = a.by_index(i).expect("entry");
            let name = f.name().expect("name").into_owned();
            let mut buf = Vec::new();
            f.read_to_end(&mut buf).expect("read entry");
            entries.push((name, buf));
        }
        Archive { entries }
    }

    fn has(&self, name: &str) -> bool {
        self.entries.iter().any(|(n, _)| n == name)
    }

    fn get(&self, name: &str) -> &[u8] {
        &self
            .entries
            .iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("no {name}"))
            .1
    }

    fn set(&mut self, name: &str, bytes: Vec<u8>) {
        match self.entries.iter_mut().find(|(n, _)| n == name) {
            Some(e) => e.1 = bytes,
            None => self.entries.push((name.to_owned(), bytes)),
        }
    }

    fn remove(&mut self, name: &str) {
        assert!(self.has(name), "no {name}");
        self.entries.retain(|(n, _)| n != name);
    }

    fn json(&self, name: &str) -> Value {
        serde_json::from_slice(self.get(name)).expect("json")
    }

    fn set_json(&mut self, name: &str, v: &Value) {
        self.set(name, serde_json::to_vec_pretty(v).expect("json"));
    }

    fn seal(&self, recipient: &str, path: &Path) {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored)
            .unix_permissions(0o600);
        for (name, bytes) in &self.entries {
            w.start_file(name.as_str(), opts).expect("start");
            w.write_all(bytes).expect("write");
        }
        let z = w.finish().expect("finish").into_inner();
        let r = age::x25519::Recipient::from_str(recipient).expect("recipient");
        let e = age::Encryptor::with_recipients(std::iter::once(&r as &dyn age::Recipient))
            .expect("encryptor");
        let mut out = Vec::new();
        let mut w = e.wrap_output(&mut out).expect("wrap");
        w.write_all(&z).expect("write");
        w.finish().expect("finish");
        std::fs::write(path, out).expect("write bundle");
    }
}

fn kinds(report: &Value) -> BTreeSet<String> {
    report["problems"]
        .as_array()
        .unwrap_or_else(|| panic!("no problems: {report}"))
        .iter()
        .map(|p| p["kind"].as_str().expect("kind").to_owned())
        .collect()
}

/// True when a problem of `kind` names `path` (in its item or detail).
fn names_path(report: &Value, kind: &str, path: &str) -> bool {
    report["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .any(|p| p["kind"] == kind && p.to_string().contains(path))
}

/// A vault with three incidents (one with coordinates, one with a GPS photo, one with a text
/// file), and a bundle of all of them with the photo stripped and locations coarsened.
struct Setup {
    v: TestVault,
    c: Counsel,
    knocked: String,
    photo_incident: String,
    photo: String,
    text_incident: String,
    text_att: String,
    bundle: PathBuf,
    export_id: String,
}

fn setup() -> Setup {
    let v = TestVault::new();
    let c = keygen(&v);
    let knocked = id_of(&add(
        &v,
        &[
            "--kind",
            "visited",
            "--when",
            "2026-11-20 06:00",
            "--where",
            "Elm St",
            "--coords",
            "40.712776,-74.005974",
            "--what",
            "Two agents knocked on the door at 6 am.",
        ],
    ));
    let p = add(
        &v,
        &[
            "--kind",
            "photographed",
            "--when",
            "2026-11-21 09:00",
            "--what",
            "They photographed the line outside the clinic.",
            "--attach",
            s(&fixture("gps.jpg")),
        ],
    );
    let text = v.path("notes.txt");
    std::fs::write(&text, b"Handwritten notes, typed up the same day.\n").expect("write");
    let t = add(
        &v,
        &[
            "--kind",
            "other",
            "--when",
            "2026-11-22 10:00",
            "--what",
            "Notes of the meeting.",
            "--attach",
            s(&text),
        ],
    );
    let bundle = v.path("case.age");
    let out = v.json(&[
        "export",
        "--to",
        &c.recipient,
        "--all",
        "--strip-metadata",
        "--coarsen-location",
        "2",
        "--out",
        s(&bundle),
    ]);
    Setup {
        export_id: out["export_id"].as_str().expect("export id").to_owned(),
        v,
        c,
        knocked,
        photo_incident: id_of(&p),
        photo: att_of(&p),
        text_incident: id_of(&t),
        text_att: att_of(&t),
        bundle,
    }
}

fn verify(t: &Setup, bundle: &Path, extra: &[&str]) -> (i32, Value) {
    let (code, report, _) = t.v.bundle_verify(bundle, &t.c.key, extra);
    (code, report)
}

fn manifest_index(m: &Value, list: &str, id: &str) -> usize {
    m[list]
        .as_array()
        .expect("list")
        .iter()
        .position(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("{id} not in {list}"))
}

#[test]
fn every_change_without_the_vault_key_is_caught_with_its_path() {
    let t = setup();
    let base = Archive::open(&t.bundle, &t.c.key);
    for name in [
        "STATEMENT.txt",
        "STATEMENT.sig",
        "report.html",
        "VERIFY.txt",
    ] {
        assert!(base.has(name), "{name}");
    }
    let m = base.json("manifest.json");
    assert_eq!(m["format"], "vault-bundle/2");
    assert!(
        !m["history"].as_array().expect("history").is_empty(),
        "the vault signed earlier checkpoints: {m}"
    );
    let statement = String::from_utf8(base.get("STATEMENT.txt").to_vec()).expect("utf-8");
    for (path, bytes) in &base.entries {
        if path.starts_with("STATEMENT.") {
            continue;
        }
        let line = format!("file {} {path}\n", hex::encode(Sha256::digest(bytes)));
        assert!(statement.contains(&line), "{line} not in\n{statement}");
    }
    let photo_path = format!("attachments/{}/gps.jpg", t.photo);
    let text_path = format!("attachments/{}/notes.txt", t.text_att);
    let knocked_file = format!("records/{}.json", t.knocked);
    let text_file = format!("records/{}.json", t.text_incident);
    assert_eq!(
        m["attachments"][manifest_index(&m, "attachments", &t.photo)]["carries"],
        "stripped"
    );

    // The untouched bundle, rebuilt the same way, verifies.
    let rebuilt = t.v.path("rebuilt.age");
    base.seal(&t.c.recipient, &rebuilt);
    let (code, report) = verify(&t, &rebuilt, &[]);
    assert_eq!(code, 0, "{report}");

    type Tamper = Box<dyn Fn(&mut Archive)>;
    /// The problem kinds and paths that must be reported.
    type Expected = Vec<(&'static str, String)>;
    // (what, the change, what must be reported)
    let mut cases: Vec<(&str, Tamper, Expected)> = vec![];
    cases.push((
        "report.html edited",
        Box::new(|a: &mut Archive| {
            let html = String::from_utf8(a.get("report.html").to_vec()).expect("utf-8");
            assert!(html.contains("knocked"), "the report shows the narrative");
            a.set(
                "report.html",
                html.replace("knocked", "broke in").into_bytes(),
            );
        }),
        vec![("file_hash", "report.html".into())],
    ));
    cases.push((
        "VERIFY.txt edited",
        Box::new(|a: &mut Archive| {
            let mut text = a.get("VERIFY.txt").to_vec();
            text.extend_from_slice(b"\nCall 555-0100 to confirm the fingerprint.\n");
            a.set("VERIFY.txt", text);
        }),
        vec![("file_hash", "VERIFY.txt".into())],
    ));
    cases.push((
        "report.html missing",
        Box::new(|a: &mut Archive| a.remove("report.html")),
        vec![("missing_file", "report.html".into())],
    ));
    cases.push((
        "VERIFY.txt missing",
        Box::new(|a: &mut Archive| a.remove("VERIFY.txt")),
        vec![("missing_file", "VERIFY.txt".into())],
    ));
    cases.push((
        "statement missing",
        Box::new(|a: &mut Archive| a.remove("STATEMENT.txt")),
        vec![("statement", "STATEMENT.txt".into())],
    ));
    cases.push((
        "signature missing",
        Box::new(|a: &mut Archive| a.remove("STATEMENT.sig")),
        vec![("statement", "STATEMENT.sig".into())],
    ));
    cases.push((
        "extra file",
        Box::new(|a: &mut Archive| a.set("exhibit-2.pdf", b"%PDF-1.7 planted".to_vec())),
        vec![("unexpected_file", "exhibit-2.pdf".into())],
    ));
    let pp = photo_path.clone();
    let photo = t.photo.clone();
    cases.push((
        "stripped photo replaced, hash updated",
        Box::new(move |a: &mut Archive| {
            let other = b"\xFF\xD8\xFF\xE0 another photo".to_vec();
            let mut m = a.json("manifest.json");
            let i = manifest_index(&m, "attachments", &photo);
            m["attachments"][i]["file_sha256"] = hex::encode(Sha256::digest(&other)).into();
            a.set_json("manifest.json", &m);
            a.set(&pp, other);
        }),
        vec![
            ("file_hash", photo_path.clone()),
            ("file_hash", "manifest.json".into()),
        ],
    ));
    let (ti, ta, tf, tp) = (
        t.text_incident.clone(),
        t.text_att.clone(),
        text_file.clone(),
        text_path.clone(),
    );
    cases.push((
        "an incident and its attachment dropped",
        Box::new(move |a: &mut Archive| {
            let mut m = a.json("manifest.json");
            let i = manifest_index(&m, "records", &ti);
            m["records"].as_array_mut().expect("records").remove(i);
            let j = manifest_index(&m, "attachments", &ta);
            m["attachments"]
                .as_array_mut()
                .expect("attachments")
                .remove(j);
            a.set_json("manifest.json", &m);
            a.remove(&tf);
            a.remove(&tp);
        }),
        vec![
            ("statement", "STATEMENT.txt".into()),
            ("missing_file", text_file.clone()),
            ("missing_file", text_path.clone()),
        ],
    ));
    let pi = t.photo_incident.clone();
    let pf = format!("records/{}.json", t.photo_incident);
    cases.push((
        "an incident dropped, its attachment kept",
        Box::new(move |a: &mut Archive| {
            let mut m = a.json("manifest.json");
            let i = manifest_index(&m, "records", &pi);
            m["records"].as_array_mut().expect("records").remove(i);
            a.set_json("manifest.json", &m);
            a.remove(&pf);
        }),
        vec![("attachment_incident", t.photo_incident.clone())],
    ));
    cases.push((
        "export id changed",
        Box::new(|a: &mut Archive| {
            let mut m = a.json("manifest.json");
            m["export_id"] = "00000000000000000000000000000000".into();
            a.set_json("manifest.json", &m);
        }),
        vec![
            ("statement", "STATEMENT.txt".into()),
            ("file_hash", "manifest.json".into()),
        ],
    ));
    cases.push((
        "export time changed",
        Box::new(|a: &mut Archive| {
            let mut m = a.json("manifest.json");
            m["exported_at"] = "2026-01-01T00:00:00Z".into();
            a.set_json("manifest.json", &m);
        }),
        vec![("statement", "STATEMENT.txt".into())],
    ));
    let (kn, kf) = (t.knocked.clone(), knocked_file.clone());
    cases.push((
        "coarsened coordinates forged",
        Box::new(move |a: &mut Archive| {
            let mut m = a.json("manifest.json");
            let i = manifest_index(&m, "records", &kn);
            let d = &mut m["records"][i]["derived"]["location"];
            assert!(d["latitude"].is_number(), "coarsened: {d}");
            d["latitude"] = 41.88.into();
            d["longitude"] = (-87.63).into();
            let d = d.clone();
            a.set_json("manifest.json", &m);
            let mut r = a.json(&kf);
            r["derived"]["location"] = d;
            a.set_json(&kf, &r);
        }),
        vec![
            ("file_hash", "manifest.json".into()),
            ("file_hash", knocked_file.clone()),
        ],
    ));
    cases.push((
        "history dropped",
        Box::new(|a: &mut Archive| {
            let mut m = a.json("manifest.json");
            m["history"] = Value::Array(vec![]);
            a.set_json("manifest.json", &m);
        }),
        vec![("file_hash", "manifest.json".into())],
    ));

    for (i, (what, tamper, expected)) in cases.iter().enumerate() {
        let mut a = base.clone();
        tamper(&mut a);
        let path = t.v.path(&format!("tampered-{i}.age"));
        a.seal(&t.c.recipient, &path);
        let (code, report) = verify(&t, &path, &[]);
        assert_eq!(code, EXIT_PROBLEMS, "{what}: {report}");
        assert_eq!(report["ok"], false, "{what}");
        for (kind, path) in expected {
            assert!(
                names_path(&report, kind, path),
                "{what}: no {kind} problem naming {path}: {}",
                serde_json::to_string_pretty(&report["problems"]).expect("json")
            );
        }
        // `bundle open` extracts nothing of a bundle that does not verify.
        let out_dir = t.v.path(&format!("opened-{i}"));
        let out =
            t.v.cmd_locked()
                .args(["bundle", "open", s(&path), "--identity", s(&t.c.key)])
                .args(["--out", s(&out_dir)])
                .output()
                .expect("run");
        assert_eq!(out.status.code(), Some(EXIT_PROBLEMS), "{what}");
        assert!(!out_dir.exists(), "{what}: something was extracted");
    }
}

#[test]
fn an_original_relabelled_stripped_and_renamed_is_caught() {
    let t = setup();
    // A bundle of the text incident alone, metadata disclosed: its file is the original.
    let plain = t.v.path("plain.age");
    t.v.ok(&[
        "export",
        "--to",
        &t.c.recipient,
        "--entries",
        &t.text_incident,
        "--out",
        s(&plain),
    ]);
    let base = Archive::open(&plain, &t.c.key);
    let mut m = base.json("manifest.json");
    let i = manifest_index(&m, "attachments", &t.text_att);
    assert_eq!(m["attachments"][i]["carries"], "original");
    assert!(m["attachments"][i]["disclosed"]
        .as_object()
        .expect("disclosed")
        .contains_key("metadata"));
    let old = format!("attachments/{}/notes.txt", t.text_att);
    let new = format!("attachments/{}/evidence.html", t.text_att);
    let html = b"<html><body>Forged evidence</body></html>".to_vec();
    m["attachments"][i]["carries"] = "stripped".into();
    m["attachments"][i]["file"] = new.clone().into();
    m["attachments"][i]["file_sha256"] = hex::encode(Sha256::digest(&html)).into();
    let mut a = base.clone();
    a.set_json("manifest.json", &m);
    a.remove(&old);
    a.set(&new, html);
    let forged = t.v.path("relabelled.age");
    a.seal(&t.c.recipient, &forged);
    let (code, report) = verify(&t, &forged, &[]);
    assert_eq!(code, EXIT_PROBLEMS, "{report}");
    let text = report["problems"].to_string();
    assert!(text.contains("requires the metadata withheld"), "{text}");
    assert!(
        text.contains("not the one the disclosed name gives"),
        "{text}"
    );
    assert!(names_path(&report, "statement", "STATEMENT.txt"), "{text}");
    assert!(names_path(&report, "unexpected_file", &new), "{text}");
    assert!(names_path(&report, "missing_file", &old), "{text}");
}

#[test]
fn a_disclosure_whose_supplements_was_changed_is_caught() {
    let t = setup();
    let later = t.v.path("later.age");
    t.v.ok(&[
        "disclose",
        "--bundle-of",
        &t.export_id,
        "--entry",
        &t.knocked,
        "--field",
        "location",
        "--to",
        &t.c.recipient,
        "--out",
        s(&later),
    ]);
    let (code, report) = verify(&t, &later, &["--earlier", s(&t.bundle)]);
    assert_eq!(code, 0, "{report}");
    let mut a = Archive::open(&later, &t.c.key);
    let mut m = a.json("manifest.json");
    m["supplements"] = "11111111111111111111111111111111".into();
    a.set_json("manifest.json", &m);
    let forged = t.v.path("forged.age");
    a.seal(&t.c.recipient, &forged);
    let (code, report) = verify(&t, &forged, &["--earlier", s(&t.bundle)]);
    assert_eq!(code, EXIT_PROBLEMS, "{report}");
    let k = kinds(&report);
    assert!(
        k.contains("supplement") && k.contains("statement"),
        "{report}"
    );
    // Without --earlier, a disclosure that names nothing it supplements is a problem too.
    m.as_object_mut().expect("object").remove("supplements");
    a.set_json("manifest.json", &m);
    a.seal(&t.c.recipient, &forged);
    let (code, report) = verify(&t, &forged, &[]);
    assert_eq!(code, EXIT_PROBLEMS, "{report}");
    assert!(kinds(&report).contains("supplement"), "{report}");
}

#[test]
fn the_export_entry_commits_to_the_statement_and_old_entries_still_verify() {
    let t = setup();
    let a = Archive::open(&t.bundle, &t.c.key);
    let want = hex::encode(Sha256::digest(a.get("STATEMENT.txt")));
    let db = rusqlite::Connection::open(t.v.db()).expect("db");
    let entries: Vec<Vec<u8>> = db
        .prepare("SELECT entry FROM ledger ORDER BY leaf_index")
        .expect("prepare")
        .query_map([], |r| r.get(0))
        .expect("query")
        .map(|r| r.expect("row"))
        .collect();
    let export: Vec<Value> = entries
        .iter()
        .map(|e| serde_json::from_slice::<Value>(e).expect("entry"))
        .filter(|e| e["type"] == "export")
        .collect();
    assert_eq!(export.len(), 1);
    assert_eq!(export[0]["v"], 2, "{}", export[0]);
    assert_eq!(export[0]["id"], t.export_id.as_str());
    assert_eq!(export[0]["statement_sha256"], want.as_str());
    let log = t.v.json(&["exports"]);
    assert_eq!(log[0]["statement_sha256"], want.as_str(), "{log}");

    // The bundle's checkpoint stops short of its own export entry; a receipt made afterwards
    // signs a tree that holds it, so it proves what this export sent.
    let m = a.json("manifest.json");
    let cp = vault::ledger::checkpoint::parse_unverified(m["checkpoint"].as_str().expect("cp"))
        .expect("checkpoint");
    let export_leaf = entries
        .iter()
        .position(|e| serde_json::from_slice::<Value>(e).expect("entry")["type"] == "export")
        .expect("export leaf") as u64;
    assert!(
        export_leaf >= cp.size,
        "the bundle cannot hold its own export entry"
    );
    let receipt = t.v.path("receipt.txt");
    t.v.ok(&["receipt", "--out", s(&receipt)]);
    let text = std::fs::read_to_string(&receipt).expect("receipt");
    let public = base64::Engine::decode(
        &base64::engine::general_purpose::STANDARD,
        m["vault"]["public_key"].as_str().expect("key"),
    )
    .expect("base64");
    let public = vault::crypto::signing::public_from_bytes(&public).expect("key");
    let origin = vault::ledger::origin(m["vault"]["id"].as_str().expect("vault id"));
    let r = vault::ledger::checkpoint::open_receipt(&text, &origin, &public).expect("receipt");
    assert!(r.size > export_leaf, "the receipt covers the export entry");
    let leaves: Vec<_> = entries[..r.size as usize]
        .iter()
        .map(|e| vault::ledger::merkle::leaf_hash(e))
        .collect();
    assert_eq!(vault::ledger::merkle::root(&leaves), r.root);
    let out = t.v.ok(&["verify"]);
    assert!(!out.is_empty());

    // A version-1 export entry (no statement) still parses; a version 2 without one, or a
    // version 1 with one, does not.
    use vault::ledger::Entry;
    assert!(
        Entry::from_bytes(br#"{"type":"export","v":1,"id":"a","details_sha256":"00"}"#).is_ok()
    );
    assert!(
        Entry::from_bytes(br#"{"type":"export","v":2,"id":"a","details_sha256":"00"}"#).is_err()
    );
    assert!(Entry::from_bytes(
        br#"{"type":"export","v":1,"id":"a","details_sha256":"00","statement_sha256":"11"}"#
    )
    .is_err());
}

#[test]
fn an_old_format_bundle_is_checked_but_never_verified() {
    let t = setup();
    let mut a = Archive::open(&t.bundle, &t.c.key);
    let mut m = a.json("manifest.json");
    m["format"] = "vault-bundle/1".into();
    a.set_json("manifest.json", &m);
    a.remove("STATEMENT.txt");
    a.remove("STATEMENT.sig");
    // Bundles of the older format had no court packet.
    for packet in ["exhibit.pdf", "chronology.csv", "declaration.txt"] {
        a.remove(packet);
    }
    let old = t.v.path("old.age");
    a.seal(&t.c.recipient, &old);
    let (code, report) = verify(&t, &old, &[]);
    assert_eq!(code, EXIT_PROBLEMS, "{report}");
    let k = kinds(&report);
    assert_eq!(k, ["unsigned_files".to_owned()].into(), "{report}");
    let out =
        t.v.cmd_locked()
            .args(["bundle", "verify", s(&old), "--identity", s(&t.c.key)])
            .output()
            .expect("run");
    let text = stdout(&out);
    assert!(text.contains("NOT VERIFIED"), "{text}");
    assert!(text.contains("older format vault-bundle/1"), "{text}");
    // Its records are still checked as before.
    let kf = format!("records/{}.json", t.knocked);
    let mut r = a.json(&kf);
    r["fields"]["kind"] = "raid".into();
    a.set_json(&kf, &r);
    a.seal(&t.c.recipient, &old);
    let (_, report) = verify(&t, &old, &[]);
    assert!(kinds(&report).contains("record_file"), "{report}");
}

#[test]
fn hostile_attachment_names_export_to_names_vault_accepts() {
    let v = TestVault::new();
    let c = keygen(&v);
    let dir = v.path("names");
    std::fs::create_dir(&dir).expect("dir");
    let cases = [
        (" ..", "file"),
        ("CON.", "_CON"),
        ("con.txt", "_con.txt"),
        ("LPT1", "_LPT1"),
        ("a\\b.txt", "a_b.txt"),
        ("tab\there.txt", "tab_here.txt"),
    ];
    let mut ids = vec![];
    for (name, _) in &cases {
        let p = dir.join(name);
        std::fs::write(&p, format!("content of {name:?}\n")).expect("write");
        let out = add(
            &v,
            &[
                "--kind",
                "other",
                "--when",
                "2026-11-22 10:00",
                "--what",
                "A file with an odd name.",
                "--attach",
                s(&p),
            ],
        );
        ids.push(att_of(&out));
    }
    let bundle = v.path("names.age");
    v.ok(&["export", "--to", &c.recipient, "--all", "--out", s(&bundle)]);
    let a = Archive::open(&bundle, &c.key);
    for ((_, want), id) in cases.iter().zip(&ids) {
        let path = format!("attachments/{id}/{want}");
        assert!(a.has(&path), "{path} not in the bundle");
    }
    let (code, report, _) = v.bundle_verify(&bundle, &c.key, &[]);
    assert_eq!(code, 0, "{report}");
    let out_dir = v.path("opened");
    v.cmd_locked()
        .args(["bundle", "open", s(&bundle), "--identity", s(&c.key)])
        .args(["--out", s(&out_dir)])
        .assert()
        .success();
    for ((_, want), id) in cases.iter().zip(&ids) {
        assert!(out_dir.join("attachments").join(id).join(want).is_file());
    }
}

// ---------------------------------------------------------------------------------------------
// The independent verifier (scripts/verify_bundle.py), written from docs/bundle-format.md.

/// `python3` with the `cryptography` package, or a loud failure: CI installs both (`.ci/run`).
/// `VAULT_SKIP_PYTHON=1` skips explicitly.
fn python() -> Option<&'static str> {
    if std::env::var_os("VAULT_SKIP_PYTHON").is_some() {
        eprintln!("SKIP: VAULT_SKIP_PYTHON is set");
        return None;
    }
    let ok = std::process::Command::new("python3")
        .args([
            "-c",
            "import cryptography.hazmat.primitives.asymmetric.ed25519",
        ])
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        ok,
        "python3 with the `cryptography` package is needed (apt install python3-cryptography), \
         or set VAULT_SKIP_PYTHON=1"
    );
    Some("python3")
}

fn run_script(py: &str, target: &Path) -> (bool, String) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/verify_bundle.py");
    let out = std::process::Command::new(py)
        .arg(&script)
        .arg(target)
        .output()
        .expect("run python3");
    let text = format!("{}{}", stdout(&out), stderr(&out));
    (out.status.success(), text)
}

fn example_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors/bundle-example")
}

#[test]
fn the_python_verifier_accepts_the_worked_example_and_fresh_bundles_and_rejects_tampering() {
    let Some(py) = python() else {
        return;
    };
    let (ok, text) = run_script(py, &example_dir());
    assert!(ok, "worked example: {text}");
    assert!(text.contains("OK"), "{text}");

    let t = setup();
    let a = Archive::open(&t.bundle, &t.c.key);
    let dir = t.v.path("extracted");
    for (name, bytes) in &a.entries {
        let p = dir.join(name);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(&p, bytes).expect("write");
    }
    let (ok, text) = run_script(py, &dir);
    assert!(ok, "fresh bundle: {text}");
    let fp = t.v.json(&["info"])["fingerprint"]
        .as_str()
        .expect("fp")
        .to_owned();
    assert!(
        text.contains(&fp),
        "the script shows the vault's fingerprint: {text}"
    );

    // The report edited ("knocked" to "broke in"): the script rejects it.
    let report = dir.join("report.html");
    let html = std::fs::read_to_string(&report).expect("report");
    std::fs::write(&report, html.replace("knocked", "broke in")).expect("write");
    let (ok, text) = run_script(py, &dir);
    assert!(!ok, "edited report accepted: {text}");
    assert!(text.contains("report.html"), "{text}");
    std::fs::write(&report, html).expect("write");
    // A file planted beside the others.
    std::fs::write(dir.join("evidence.html"), b"<p>planted</p>").expect("write");
    let (ok, text) = run_script(py, &dir);
    assert!(!ok && text.contains("evidence.html"), "{text}");
    std::fs::remove_file(dir.join("evidence.html")).expect("remove");
    // The court packet's PDF changed: its hash no longer matches the signed statement.
    let pdf = dir.join("exhibit.pdf");
    let original_pdf = std::fs::read(&pdf).expect("pdf");
    let mut changed = original_pdf.clone();
    let last = changed.len() - 2;
    changed[last] ^= 1;
    std::fs::write(&pdf, &changed).expect("write");
    let (ok, text) = run_script(py, &dir);
    assert!(!ok && text.contains("exhibit.pdf"), "{text}");
    std::fs::write(&pdf, original_pdf).expect("write");
    // An earlier checkpoint's root changed in `history`: its consistency proof fails.
    let mpath = dir.join("manifest.json");
    let original = std::fs::read(&mpath).expect("manifest");
    let mut m: Value = serde_json::from_slice(&original).expect("json");
    let root = m["history"][0]["root"].as_str().expect("root").to_owned();
    let flipped = if root.starts_with('A') { "B" } else { "A" };
    m["history"][0]["root"] = format!("{flipped}{}", &root[1..]).into();
    std::fs::write(&mpath, serde_json::to_vec_pretty(&m).expect("json")).expect("write");
    let (ok, text) = run_script(py, &dir);
    assert!(!ok && text.contains("history"), "{text}");
    std::fs::write(&mpath, original).expect("write");
    let (ok, text) = run_script(py, &dir);
    assert!(ok, "restored: {text}");
}

#[test]
fn the_worked_example_in_the_format_document_is_the_stored_bundle() {
    // docs/bundle-format.md shows the example's manifest, statement and signature verbatim.
    let doc = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/bundle-format.md"),
    )
    .expect("doc");
    for name in ["manifest.json", "STATEMENT.txt", "STATEMENT.sig"] {
        let text = std::fs::read_to_string(example_dir().join(name)).expect("example file");
        assert!(
            doc.contains(text.trim_end()),
            "docs/bundle-format.md does not show {name} as stored"
        );
    }
}

#[test]
fn a_file_the_signed_statement_lists_is_accounted_for() {
    // Files other code adds to the archive (a court packet) need no manifest entry: the signed
    // statement lists them. Shown with a bundle whose signer added `exhibit.pdf` and signed the
    // statement and checkpoint with its own key (the vault key is not at hand in a test).
    let t = setup();
    let mut a = Archive::open(&t.bundle, &t.c.key);
    a.set("exhibit.pdf", b"%PDF-1.7 a court packet".to_vec());
    let key = vault::crypto::signing::generate();
    let vk = key.verifying_key();
    let mut m = a.json("manifest.json");
    let origin = vault::ledger::origin(m["vault"]["id"].as_str().expect("vault id"));
    let cp = vault::ledger::checkpoint::parse_unverified(m["checkpoint"].as_str().expect("cp"))
        .expect("checkpoint");
    m["checkpoint"] = cp.sign(&origin, &key).into();
    m["vault"]["public_key"] =
        base64::Engine::encode(&base64::engine::general_purpose::STANDARD, vk.as_bytes()).into();
    m["vault"]["verifier_key"] = vault::ledger::checkpoint::verifier_key(&origin, &vk).into();
    m["vault"]["fingerprint"] = vault::crypto::signing::fingerprint(&vk).into();
    a.set_json("manifest.json", &m);
    common::statement::resign(&mut a.entries, &key);
    let listed = t.v.path("listed.age");
    a.seal(&t.c.recipient, &listed);
    let (code, report) = verify(&t, &listed, &[]);
    assert_eq!(code, 0, "{report}");
    // The same file with one byte changed is caught, by its path.
    let mut b = a.clone();
    b.set("exhibit.pdf", b"%PDF-1.7 a court packeT".to_vec());
    b.seal(&t.c.recipient, &listed);
    let (code, report) = verify(&t, &listed, &[]);
    assert_eq!(code, EXIT_PROBLEMS, "{report}");
    assert!(names_path(&report, "file_hash", "exhibit.pdf"), "{report}");
    // And with the statement's signature broken, a file the manifest does not name is unexpected.
    let mut sig = a.get("STATEMENT.sig").to_vec();
    sig[3] = if sig[3] == b'A' { b'B' } else { b'A' };
    a.set("STATEMENT.sig", sig);
    a.seal(&t.c.recipient, &listed);
    let (_, report) = verify(&t, &listed, &[]);
    assert!(names_path(&report, "statement", "STATEMENT"), "{report}");
    assert!(
        names_path(&report, "unexpected_file", "exhibit.pdf"),
        "{report}"
    );
}

/// A change made to one record entry of a manifest.
type Change = Box<dyn Fn(&mut Value)>;

/// Each change to an incident's earlier versions in a bundle (docs/bundle-format.md, section
/// 4.4), made by someone who re-signs the whole bundle with a key of their own so that only the
/// earlier versions are wrong: `bundle verify` names it, and the Python verifier rejects it.
#[test]
fn changed_earlier_versions_of_an_incident_are_caught() {
    let v = TestVault::new();
    let c = keygen(&v);
    let id = id_of(&add(
        &v,
        &[
            "--kind",
            "followed",
            "--when",
            "2026-11-20 14:30",
            "--what",
            "A grey car followed me.",
        ],
    ));
    v.ok(&["amend", &id, "--what", "A grey car followed me home."]);
    v.ok(&[
        "amend",
        &id,
        "--what",
        "A grey car followed me home at night.",
    ]);
    let other = id_of(&add(
        &v,
        &[
            "--kind",
            "visited",
            "--when",
            "2026-11-21 09:00",
            "--what",
            "Two agents knocked.",
        ],
    ));
    v.ok(&["amend", &other, "--what", "Two agents knocked twice."]);
    let bundle = v.path("case.age");
    v.ok(&["export", "--all", "--to", &c.recipient, "--out", s(&bundle)]);
    let (code, report, _) = v.bundle_verify(&bundle, &c.key, &[]);
    assert_eq!(code, 0, "{report}");
    let base = Archive::open(&bundle, &c.key);
    let m = base.json("manifest.json");
    let n = manifest_index(&m, "records", &id);
    let earlier = m["records"][n]["earlier"]
        .as_array()
        .expect("earlier")
        .clone();
    assert_eq!(
        earlier
            .iter()
            .map(|e| e["revision"].clone())
            .collect::<Vec<_>>(),
        vec![Value::from(1), Value::from(2)],
        "{m}"
    );
    assert!(earlier.iter().all(|e| e["recorded_at"].is_string()), "{m}");
    // The statement names each earlier version, so the signature covers them.
    let statement = String::from_utf8(base.get("STATEMENT.txt").to_vec()).expect("utf-8");
    assert!(
        statement.contains(&format!("earlier {id} revision=1 leaf=")),
        "{statement}"
    );
    let o = manifest_index(&m, "records", &other);

    let key = vault::crypto::signing::generate();
    let forged = |change: &dyn Fn(&mut Value)| -> (Value, PathBuf) {
        let mut m = m.clone();
        change(&mut m["records"][n]);
        common::statement::resign_checkpoint(&mut m, &key);
        let mut a = base.clone();
        a.set_json("manifest.json", &m);
        common::statement::resign(&mut a.entries, &key);
        let path = v.path("forged.age");
        let _ = std::fs::remove_file(&path);
        a.seal(&c.recipient, &path);
        let (code, report, _) = v.bundle_verify(&path, &c.key, &[]);
        assert_eq!(code, EXIT_PROBLEMS, "{report}");
        (report, path)
    };
    let other_first = m["records"][o]["earlier"][0].clone();
    let cases: Vec<(&str, Change, &[&str])> = vec![
        (
            "an earlier version's entry replaced by another incident's",
            Box::new(move |r: &mut Value| r["earlier"][0]["proof"] = other_first["proof"].clone()),
            &["bundle_entry"],
        ),
        (
            "an inclusion proof changed",
            Box::new(|r: &mut Value| {
                let h = r["earlier"][1]["proof"]["inclusion_proof"][0]
                    .as_str()
                    .expect("hash")
                    .to_owned();
                let flipped = if h.starts_with('A') { "B" } else { "A" };
                r["earlier"][1]["proof"]["inclusion_proof"][0] =
                    format!("{flipped}{}", &h[1..]).into();
            }),
            &["inclusion_proof"],
        ),
        (
            "an entry's bytes changed",
            Box::new(|r: &mut Value| {
                let b = STANDARD
                    .decode(r["earlier"][0]["proof"]["entry"].as_str().expect("entry"))
                    .expect("base64");
                let text = String::from_utf8(b)
                    .expect("utf-8")
                    .replace("\"revision\":1", "\"revision\":1 ");
                r["earlier"][0]["proof"]["entry"] = STANDARD.encode(text).into();
            }),
            &["inclusion_proof"],
        ),
        (
            "recorded_at disclosures of two versions swapped",
            Box::new(|r: &mut Value| {
                let first = r["earlier"][0]["recorded_at"].clone();
                r["earlier"][0]["recorded_at"] = r["earlier"][1]["recorded_at"].clone();
                r["earlier"][1]["recorded_at"] = first;
            }),
            &["field_digest"],
        ),
        (
            "the current version's time given as an earlier one's",
            Box::new(|r: &mut Value| {
                r["earlier"][1]["recorded_at"] = r["disclosed"]["recorded_at"].clone();
            }),
            &["field_digest"],
        ),
        (
            "an earlier version dropped",
            Box::new(|r: &mut Value| {
                r["earlier"].as_array_mut().expect("earlier").remove(0);
            }),
            &["record_revisions"],
        ),
        (
            "two earlier versions swapped",
            Box::new(|r: &mut Value| {
                r["earlier"].as_array_mut().expect("earlier").swap(0, 1);
            }),
            &["record_revisions", "revision_order"],
        ),
    ];
    for (what, change, expected) in &cases {
        let (report, _) = forged(change.as_ref());
        let found = kinds(&report);
        for k in *expected {
            assert!(found.contains(*k), "{what}: {k} not in {report}");
        }
        // Nothing but the earlier versions is wrong.
        let allowed: BTreeSet<&str> = [
            "bundle_entry",
            "inclusion_proof",
            "field_digest",
            "record_revisions",
            "revision_order",
        ]
        .into();
        assert!(
            found.iter().all(|k| allowed.contains(k.as_str())),
            "{what}: {report}"
        );
    }

    // No list at all is a bundle written before earlier versions were carried: it proves less,
    // nothing false, and verifies (signed whole, here by a key of the test's own).
    {
        let mut m = m.clone();
        m["records"][n]
            .as_object_mut()
            .expect("record")
            .remove("earlier");
        common::statement::resign_checkpoint(&mut m, &key);
        let mut a = base.clone();
        a.set_json("manifest.json", &m);
        common::statement::resign(&mut a.entries, &key);
        let path = v.path("before-earlier.age");
        a.seal(&c.recipient, &path);
        let (code, report, _) = v.bundle_verify(&path, &c.key, &[]);
        assert_eq!(code, 0, "{report}");
    }

    // The independent verifier checks the earlier versions too.
    let Some(py) = python() else {
        return;
    };
    let extract = |a: &Archive, dir: &Path| {
        for (name, bytes) in &a.entries {
            let p = dir.join(name);
            std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
            std::fs::write(&p, bytes).expect("write");
        }
    };
    let dir = v.path("genuine");
    extract(&base, &dir);
    let (ok, text) = run_script(py, &dir);
    assert!(ok, "genuine: {text}");
    for (k, (what, change, _)) in cases.iter().enumerate() {
        let mut m = m.clone();
        change(&mut m["records"][n]);
        common::statement::resign_checkpoint(&mut m, &key);
        let mut a = base.clone();
        a.set_json("manifest.json", &m);
        common::statement::resign(&mut a.entries, &key);
        let dir = v.path(&format!("forged-{k}"));
        extract(&a, &dir);
        let (ok, text) = run_script(py, &dir);
        assert!(!ok, "{what} accepted by the Python verifier: {text}");
        assert!(text.contains(&format!("record {id}")), "{what}: {text}");
    }
}
