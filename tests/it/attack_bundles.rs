//! Hostile bundles and hostile inputs on counsel's side, and knowing who sent a bundle, through
//! the real binary. Each attack is made the way an attacker would make it: bundles taken apart
//! and rebuilt with the `age` and `zip` crates (or the `age` tool), a checkpoint re-signed with
//! the attacker's own key, a key file with a second key hidden after blank lines. Then counsel
//! (or the activist) runs the ordinary commands, and the test asserts the refusal, the warning
//! or the problem kind and exit code.

use crate::common;
use common::{stderr, stdout};

use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
use std::process::Output;
use std::str::FromStr;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use common::*;
use serde_json::Value;
use zip::write::SimpleFileOptions;

/// Exit code of a verification that found problems (docs/cli.md).
const EXIT_PROBLEMS: i32 = 4;

const PRIVATE: &str = "Iglesia San Jose basement";

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

fn code(out: &Output) -> i32 {
    out.status.code().expect("exit code (not a signal)")
}

struct Counsel {
    key: PathBuf,
    recipient: String,
}

fn keygen(v: &TestVault, name: &str) -> Counsel {
    let key = v.path(name);
    let out = v.json(&["keygen", "--out", s(&key)]);
    Counsel {
        key,
        recipient: out["recipient"].as_str().expect("recipient").to_owned(),
    }
}

/// An incident with a private span; returns its id.
fn add_private(v: &TestVault) -> String {
    let out = v.json(&[
        "add",
        "--kind",
        "followed",
        "--when",
        "2026-11-20 14:30",
        "--what",
        &format!("Two agents waited by the grey SUV; we [[met at the {PRIVATE}]]."),
        "--witness",
        "name=Rosa; contact=555-0199",
    ]);
    out["id"].as_str().expect("id").to_owned()
}

/// A vault with one incident, counsel's key and a bundle of everything for counsel.
struct Setup {
    v: TestVault,
    c: Counsel,
    id: String,
    bundle: PathBuf,
    export_id: String,
}

fn setup() -> Setup {
    let v = TestVault::new();
    let c = keygen(&v, "counsel.key");
    let id = add_private(&v);
    let bundle = v.path("case.age");
    let out = v.json(&["export", "--to", &c.recipient, "--all", "--out", s(&bundle)]);
    let export_id = out["export_id"].as_str().expect("export_id").to_owned();
    Setup {
        v,
        c,
        id,
        bundle,
        export_id,
    }
}

/// `bundle SUB FILE --identity KEY EXTRA...` as counsel (no vault passphrase anywhere).
fn counsel(v: &TestVault, sub: &str, bundle: &Path, key: &Path, extra: &[&str]) -> Output {
    v.cmd_locked()
        .args(["bundle", sub, s(bundle), "--identity", s(key)])
        .args(extra)
        .output()
        .expect("run")
}

fn verify_json(v: &TestVault, bundle: &Path, key: &Path, extra: &[&str]) -> (i32, Value, String) {
    v.bundle_verify(bundle, key, extra)
}

fn kinds(report: &Value) -> Vec<String> {
    report["problems"]
        .as_array()
        .unwrap_or_else(|| panic!("no problems list: {report}"))
        .iter()
        .map(|p| p["kind"].as_str().expect("kind").to_owned())
        .collect()
}

/// Asserts a clean refusal: an error line, no panic, not success.
fn assert_refused(out: &Output, what: &str) -> String {
    let err = stderr(out);
    assert_ne!(code(out), 0, "{what}: expected failure: {err}");
    assert_ne!(code(out), 101, "{what}: panicked: {err}");
    assert!(!err.contains("panicked"), "{what}: panicked: {err}");
    assert!(err.contains("vault: error: "), "{what}: {err}");
    err
}

// ---------------------------------------------------------------------------------------------
// Taking bundles apart and putting them back together.

fn identities(key: &Path) -> Vec<Box<dyn age::Identity + Send + Sync>> {
    age::IdentityFile::from_file(s(key).to_owned())
        .expect("identity file")
        .into_identities()
        .expect("identities")
}

fn decrypt(bundle: &Path, key: &Path) -> Vec<u8> {
    let ciphertext = std::fs::read(bundle).expect("read bundle");
    let ids = identities(key);
    let d = age::Decryptor::new(&ciphertext[..]).expect("age header");
    let mut r = d
        .decrypt(ids.iter().map(|i| i.as_ref() as &dyn age::Identity))
        .expect("decrypt");
    let mut plain = Vec::new();
    r.read_to_end(&mut plain).expect("read");
    plain
}

fn encrypt_to_many(plain: &[u8], recipients: &[String]) -> Vec<u8> {
    let rs: Vec<age::x25519::Recipient> = recipients
        .iter()
        .map(|r| age::x25519::Recipient::from_str(r).expect("recipient"))
        .collect();
    let e = age::Encryptor::with_recipients(rs.iter().map(|r| r as &dyn age::Recipient))
        .expect("encryptor");
    let mut out = Vec::new();
    let mut w = e.wrap_output(&mut out).expect("wrap");
    w.write_all(plain).expect("write");
    w.finish().expect("finish");
    out
}

fn stored() -> SimpleFileOptions {
    SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .unix_permissions(0o600)
}

#[derive(Clone)]
struct Archive {
    entries: Vec<(String, Vec<u8>)>,
}

impl Archive {
    fn open(bundle: &Path, key: &Path) -> Archive {
        let plain = decrypt(bundle, key);
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

    fn get(&self, name: &str) -> &[u8] {
        &self
            .entries
            .iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("no {name}"))
            .1
    }

    fn manifest(&self) -> Value {
        serde_json::from_slice(self.get("manifest.json")).expect("manifest")
    }

    fn set(&mut self, name: &str, bytes: Vec<u8>) {
        let e = self
            .entries
            .iter_mut()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("no {name}"));
        e.1 = bytes;
    }

    fn set_manifest(&mut self, m: &Value) {
        self.set("manifest.json", serde_json::to_vec_pretty(m).expect("json"));
    }

    /// The ZIP, with every entry name `from` renamed to `to` afterwards (same length): how two
    /// entries get one name, which the zip crate's writer refuses to do.
    fn to_zip_renaming(&self, from: &str, to: &str) -> Vec<u8> {
        assert_eq!(from.len(), to.len());
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, bytes) in &self.entries {
            w.start_file(name.as_str(), stored()).expect("start");
            w.write_all(bytes).expect("write");
        }
        let mut z = w.finish().expect("finish").into_inner();
        if !from.is_empty() {
            let (f, t) = (from.as_bytes(), to.as_bytes());
            let mut i = 0;
            let mut renamed = 0;
            while i + f.len() <= z.len() {
                if &z[i..i + f.len()] == f {
                    z[i..i + f.len()].copy_from_slice(t);
                    renamed += 1;
                    i += f.len();
                } else {
                    i += 1;
                }
            }
            // The local header and the central directory each name it once.
            assert_eq!(renamed, 2, "placeholder {from} not found exactly twice");
        }
        z
    }

    fn seal(&self, recipient: &str, path: &Path) {
        self.seal_renaming(recipient, path, "", "");
    }

    fn seal_renaming(&self, recipient: &str, path: &Path, from: &str, to: &str) {
        let z = self.to_zip_renaming(from, to);
        std::fs::write(path, encrypt_to_many(&z, &[recipient.to_owned()])).expect("write");
    }
}

/// A placeholder name of the same length as `name`, found nowhere else.
fn placeholder(name: &str) -> String {
    let (dir, file) = name.rsplit_once('/').unwrap_or(("", name));
    let stem_len = file.len();
    let fake: String = "Q".repeat(stem_len);
    if dir.is_empty() {
        fake
    } else {
        format!("{dir}/{fake}")
    }
}

fn have(tool: &str) -> bool {
    std::process::Command::new(tool)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

// ---------------------------------------------------------------------------------------------
// Age header limits.

#[test]
fn a_many_stanza_header_is_refused_before_any_key_is_tried() {
    let t = setup();
    let zip = decrypt(&t.bundle, &t.c.key);
    let others: Vec<String> = (0..99)
        .map(|_| age::x25519::Identity::generate().to_public().to_string())
        .collect();

    // 60 recipients, counsel among them (age may add a random "grease" stanza): an ordinary,
    // if large, bundle still verifies.
    let mut sixty_four: Vec<String> = others[..59].to_vec();
    sixty_four.push(t.c.recipient.clone());
    let fine = t.v.path("sixty-four.age");
    std::fs::write(&fine, encrypt_to_many(&zip, &sixty_four)).expect("write");
    let (c, report, err) = verify_json(&t.v, &fine, &t.c.key, &[]);
    assert_eq!(c, 0, "{report} {err}");

    // 100 recipients, counsel last (the worst case for the quadratic search): refused before
    // any key is tried, for both commands, and nothing is extracted.
    let mut hundred = others.clone();
    hundred.push(t.c.recipient.clone());
    let crowded = t.v.path("crowded.age");
    std::fs::write(&crowded, encrypt_to_many(&zip, &hundred)).expect("write");
    for (sub, extra) in [("verify", vec![]), ("open", vec!["--out", "opened"])] {
        let out =
            t.v.cmd_locked()
                .current_dir(t.v.path(""))
                .args(["bundle", sub, s(&crowded), "--identity", s(&t.c.key)])
                .args(&extra)
                .output()
                .expect("run");
        let err = assert_refused(&out, "100 stanzas");
        assert!(err.contains("more than 64 recipient stanzas"), "{err}");
        assert!(stdout(&out).trim().is_empty());
    }
    assert!(!t.v.path("opened").exists());

    // 20,000 made-up stanzas: refused without parsing them all.
    let mut text = String::from("age-encryption.org/v1\n");
    for i in 0..20_000 {
        text.push_str(&format!("-> X25519 {i:043}\n{:043}\n", 0));
    }
    text.push_str(&format!("--- {:043}\n", 0));
    let mut bytes = text.into_bytes();
    bytes.extend_from_slice(&[0u8; 256]);
    let huge = t.v.path("huge-header.age");
    std::fs::write(&huge, bytes).expect("write");
    let out = counsel(&t.v, "verify", &huge, &t.c.key, &[]);
    let err = assert_refused(&out, "20,000 stanzas");
    assert!(err.contains("refusing before trying any key"), "{err}");

    // The same attack made with the `age` tool, as the issue describes it.
    if !have("age") {
        eprintln!("SKIP: the age tool is not on PATH; the header built in-test stands in for it");
        return;
    }
    let zip_path = t.v.path("plain.zip");
    std::fs::write(&zip_path, &zip).expect("write");
    let tool = t.v.path("tool.age");
    let mut cmd = std::process::Command::new("age");
    cmd.arg("-e");
    for r in &hundred {
        cmd.args(["-r", r]);
    }
    let made = cmd
        .args(["-o", s(&tool), s(&zip_path)])
        .output()
        .expect("age");
    assert!(made.status.success(), "{}", stderr(&made));
    let out = counsel(&t.v, "verify", &tool, &t.c.key, &[]);
    let err = assert_refused(&out, "age tool, 100 recipients");
    assert!(err.contains("more than 64 recipient stanzas"), "{err}");
}

#[test]
fn scrypt_work_factor_22_is_refused_before_deriving() {
    let v = TestVault::new();
    add_private(&v);
    let pass = v.path("bundle-pass.txt");
    std::fs::write(&pass, "plum orchard ferry lantern 1987\n").expect("write");

    // What export writes: work factor 18, which every reader accepts.
    let bundle = v.path("pass.age");
    let out = v
        .cmd()
        .env("VAULT_BUNDLE_PASSPHRASE_FILE", &pass)
        .args(["export", "--passphrase", "--all", "--out", s(&bundle)])
        .output()
        .expect("run");
    assert_success(&out, &["export", "--passphrase"]);
    let header = std::fs::read(&bundle).expect("read");
    let line = header
        .split(|b| *b == b'\n')
        .nth(1)
        .map(|l| String::from_utf8_lossy(l).into_owned())
        .expect("stanza line");
    assert!(
        line.starts_with("-> scrypt ") && line.ends_with(" 18"),
        "{line}"
    );

    // The attacker's header asks for 2^22 (4 GiB, 23 s before "wrong passphrase"). It must be
    // refused from the header alone: no derivation, so no passphrase is needed to see it.
    let forged = format!(
        "age-encryption.org/v1\n-> scrypt {} 22\n{}\n--- {}\n",
        STANDARD.encode([7u8; 16]).trim_end_matches('='),
        STANDARD.encode([1u8; 32]).trim_end_matches('='),
        STANDARD.encode([2u8; 32]).trim_end_matches('='),
    );
    let mut bytes = forged.into_bytes();
    bytes.extend_from_slice(&[0u8; 128]);
    let evil = v.path("wf22.age");
    std::fs::write(&evil, bytes).expect("write");
    for (sub, extra) in [("verify", vec![]), ("open", vec!["--out", "opened"])] {
        let out = v
            .cmd_locked()
            .current_dir(v.path(""))
            .env("VAULT_BUNDLE_PASSPHRASE_FILE", &pass)
            .args(["bundle", sub, s(&evil), "--passphrase"])
            .args(&extra)
            .output()
            .expect("run");
        let err = assert_refused(&out, "work factor 22");
        assert!(err.contains("work factor 22"), "{err}");
        assert!(err.contains("refusing before deriving any key"), "{err}");
    }
    assert!(!v.path("opened").exists());
}

// ---------------------------------------------------------------------------------------------
// Duplicates.

#[test]
fn a_duplicate_record_entry_forged_first_is_refused() {
    let t = setup();
    let base = Archive::open(&t.bundle, &t.c.key);
    let name = format!("records/{}.json", t.id);
    let fake_name = placeholder(&name);
    let mut forged: Value = serde_json::from_slice(base.get(&name)).expect("record file");
    forged["fields"]["kind"] = Value::String("raid".into());
    let mut a = Archive {
        entries: vec![(
            fake_name.clone(),
            serde_json::to_vec_pretty(&forged).expect("json"),
        )],
    };
    a.entries.extend(base.entries.iter().cloned());
    let dup = t.v.path("dup-record.age");
    a.seal_renaming(&t.c.recipient, &dup, &fake_name, &name);

    let (c, report, err) = verify_json(&t.v, &dup, &t.c.key, &[]);
    assert_eq!(c, EXIT_PROBLEMS, "{report} {err}");
    assert_eq!(report["ok"], false);
    assert!(kinds(&report).contains(&"duplicate".to_owned()), "{report}");

    let out = counsel(
        &t.v,
        "open",
        &dup,
        &t.c.key,
        &["--out", s(&t.v.path("opened"))],
    );
    assert_eq!(code(&out), EXIT_PROBLEMS, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("nothing was extracted"),
        "{}",
        stderr(&out)
    );
    assert!(!t.v.path("opened").exists());
}

#[test]
fn a_duplicated_manifest_is_refused() {
    let t = setup();
    let base = Archive::open(&t.bundle, &t.c.key);
    let mut m = base.manifest();
    m["export_id"] = Value::String("f".repeat(32));
    let mut a = Archive {
        entries: vec![(
            "QQQQQQQQ.QQQQ".into(),
            serde_json::to_vec_pretty(&m).expect("json"),
        )],
    };
    a.entries.extend(base.entries.iter().cloned());
    let dup = t.v.path("dup-manifest.age");
    a.seal_renaming(&t.c.recipient, &dup, "QQQQQQQQ.QQQQ", "manifest.json");
    let (c, report, err) = verify_json(&t.v, &dup, &t.c.key, &[]);
    assert_eq!(c, EXIT_PROBLEMS, "{report} {err}");
    assert!(kinds(&report).contains(&"duplicate".to_owned()), "{report}");
}

#[test]
fn a_manifest_listing_a_record_many_times_is_refused() {
    let t = setup();
    let mut a = Archive::open(&t.bundle, &t.c.key);
    let mut m = a.manifest();
    let record = m["records"][0].clone();
    m["records"] = Value::Array(vec![record; 500]);
    a.set_manifest(&m);
    let many = t.v.path("many.age");
    a.seal(&t.c.recipient, &many);
    let (c, report, err) = verify_json(&t.v, &many, &t.c.key, &[]);
    assert_eq!(c, EXIT_PROBLEMS, "{report} {err}");
    // Besides the statement (manifest.json changed without the vault's key), one problem per
    // repeat, each checked once.
    let k: Vec<String> = kinds(&report)
        .into_iter()
        .filter(|k| !common::statement::UNSIGNED_CHANGE.contains(&k.as_str()))
        .collect();
    assert!(k.iter().all(|k| k == "duplicate"), "{report}");
    assert_eq!(k.len(), 499, "one problem per repeat, each checked once");
    assert_eq!(report["records"].as_array().map(Vec::len), Some(1));
}

#[test]
fn a_duplicate_json_key_is_refused() {
    let t = setup();
    let base = Archive::open(&t.bundle, &t.c.key);

    // In the manifest: a second "kind" (serde keeps the last, another reader the first): the
    // manifest is refused outright, like any malformed one.
    let mut a = base.clone();
    let text = String::from_utf8(a.get("manifest.json").to_vec()).expect("utf-8");
    let forged = text.replacen('{', "{\n  \"kind\": \"disclosure\",", 1);
    a.set("manifest.json", forged.into_bytes());
    let p = t.v.path("dup-key-manifest.age");
    a.seal(&t.c.recipient, &p);
    let out = counsel(&t.v, "verify", &p, &t.c.key, &[]);
    let err = assert_refused(&out, "duplicate key in the manifest");
    assert!(err.contains("duplicate key \"kind\""), "{err}");

    // Deeper in the manifest: a forged disclosure of "kind" listed before the genuine one.
    let mut a = base.clone();
    let text = String::from_utf8(a.get("manifest.json").to_vec()).expect("utf-8");
    let forged = text.replacen(
        "\"disclosed\": {",
        "\"disclosed\": {\"kind\": \"forged\",",
        1,
    );
    assert_ne!(forged, text);
    a.set("manifest.json", forged.into_bytes());
    let p = t.v.path("dup-key-disclosed.age");
    a.seal(&t.c.recipient, &p);
    let out = counsel(&t.v, "verify", &p, &t.c.key, &[]);
    let err = assert_refused(&out, "duplicate key in a disclosure map");
    assert!(err.contains("duplicate key"), "{err}");

    // In a record file: a second "fields" object with a forged kind, first.
    let mut a = base.clone();
    let name = format!("records/{}.json", t.id);
    let text = String::from_utf8(a.get(&name).to_vec()).expect("utf-8");
    let forged = text.replacen('{', "{\n  \"fields\": {\"kind\": \"raid\"},", 1);
    a.set(&name, forged.into_bytes());
    let p = t.v.path("dup-key-record.age");
    a.seal(&t.c.recipient, &p);
    let (c, report, err) = verify_json(&t.v, &p, &t.c.key, &[]);
    assert_eq!(c, EXIT_PROBLEMS, "{report} {err}");
    assert!(kinds(&report).contains(&"duplicate".to_owned()), "{report}");
}

// ---------------------------------------------------------------------------------------------
// Who sent it.

#[test]
fn an_unknown_fingerprint_is_a_clear_warning_and_trust_binds_the_vault() {
    let t = setup();
    let info = t.v.json(&["info"]);
    let fp = info["fingerprint"]
        .as_str()
        .expect("fingerprint")
        .to_owned();

    let out = counsel(&t.v, "verify", &t.bundle, &t.c.key, &[]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).contains(&fp), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(err.contains("warning:"), "{err}");
    assert!(err.contains("not in your list of trusted senders"), "{err}");
    assert!(err.contains(&format!("vault bundle trust '{fp}'")), "{err}");
    let (_, report, _) = verify_json(&t.v, &t.bundle, &t.c.key, &[]);
    assert_eq!(report["sender"]["status"], "unknown", "{report}");
    assert_eq!(report["fingerprint"], fp.as_str());

    // Counsel trusts it (typed without spaces); the first good bundle binds the vault id.
    let compact: String = fp.chars().filter(|c| !c.is_whitespace()).collect();
    t.v.ok(&["bundle", "trust", &compact, "--name", "Ana R."]);
    let (c, report, err) = verify_json(&t.v, &t.bundle, &t.c.key, &[]);
    assert_eq!(c, 0, "{report} {err}");
    assert_eq!(report["sender"]["status"], "trusted");
    assert_eq!(report["sender"]["name"], "Ana R.");
    assert!(!err.contains("trusted senders"), "{err}");
    let file = t.v.state_dir().join("trusted-senders.json");
    let trusted: Value =
        serde_json::from_slice(&std::fs::read(&file).expect("trust file")).expect("json");
    assert_eq!(
        trusted["senders"][0]["vault_id"], info["vault_id"],
        "{trusted}"
    );
    let human = stdout(&counsel(&t.v, "verify", &t.bundle, &t.c.key, &[]));
    assert!(human.contains("Sender: Ana R."), "{human}");

    // Garbage is not a fingerprint.
    let out =
        t.v.cmd_locked()
            .args(["bundle", "trust", "12345", "--name", "X"])
            .output()
            .expect("run");
    assert_refused(&out, "short fingerprint");
}

#[test]
fn a_bundle_from_another_key_claiming_the_same_vault_is_a_changed_sender() {
    let t = setup();
    let mut a = Archive::open(&t.bundle, &t.c.key);
    let mut m = a.manifest();
    let real_fp = m["vault"]["fingerprint"].as_str().expect("fp").to_owned();
    let vault_id = m["vault"]["id"].as_str().expect("id").to_owned();
    // The forger signs the checkpoint and the bundle's statement with their own key.
    let key = vault::crypto::signing::generate();
    let forged_fp = common::statement::resign_checkpoint(&mut m, &key);
    a.set_manifest(&m);
    common::statement::resign(&mut a.entries, &key);
    let forged = t.v.path("forged.age");
    a.seal(&t.c.recipient, &forged);

    // Without a trusted fingerprint the forgery is internally consistent: it verifies, but
    // what counsel is shown is the forger's fingerprint (computed from the key), with a warning.
    let (c, report, _) = verify_json(&t.v, &forged, &t.c.key, &[]);
    assert_eq!(c, 0, "{report}");
    assert_eq!(report["fingerprint"], forged_fp.as_str());
    assert_eq!(report["sender"]["status"], "unknown");
    assert_ne!(forged_fp, real_fp);
    let out = counsel(&t.v, "verify", &forged, &t.c.key, &[]);
    assert!(stdout(&out).contains(&forged_fp), "{}", stdout(&out));
    assert!(!stdout(&out).contains(&real_fp), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(err.contains("not in your list of trusted senders"), "{err}");

    // Counsel trusted the activist's fingerprint for this vault: the forgery is refused.
    t.v.ok(&[
        "bundle",
        "trust",
        &real_fp,
        "--name",
        "Ana",
        "--vault-id",
        &vault_id,
    ]);
    let (c, report, _) = verify_json(&t.v, &forged, &t.c.key, &[]);
    assert_eq!(c, EXIT_PROBLEMS, "{report}");
    assert_eq!(
        kinds(&report),
        vec!["sender_changed".to_owned()],
        "{report}"
    );
    assert_eq!(report["sender"]["status"], "changed");
    assert_eq!(report["sender"]["trusted_fingerprint"], real_fp.as_str());
    let out = counsel(&t.v, "verify", &forged, &t.c.key, &[]);
    assert_eq!(code(&out), EXIT_PROBLEMS);
    assert!(stdout(&out).contains("SENDER CHANGED"), "{}", stdout(&out));
    assert!(stdout(&out).contains("NOT VERIFIED"), "{}", stdout(&out));
    let out = counsel(
        &t.v,
        "open",
        &forged,
        &t.c.key,
        &["--out", s(&t.v.path("opened"))],
    );
    assert_eq!(code(&out), EXIT_PROBLEMS);
    assert!(!t.v.path("opened").exists());
    // The genuine bundle still verifies as trusted.
    let (c, report, _) = verify_json(&t.v, &t.bundle, &t.c.key, &[]);
    assert_eq!(c, 0, "{report}");
    assert_eq!(report["sender"]["status"], "trusted");

    // A second key cannot be trusted for the same vault by mistake.
    let out =
        t.v.cmd_locked()
            .args([
                "bundle",
                "trust",
                &forged_fp,
                "--name",
                "Ana",
                "--vault-id",
                &vault_id,
            ])
            .output()
            .expect("run");
    let err = assert_refused(&out, "second key for a vault");
    assert!(err.contains("already trusted"), "{err}");
}

#[test]
fn expect_fingerprint_mismatch_fails() {
    let t = setup();
    let fp = t.v.json(&["info"])["fingerprint"]
        .as_str()
        .expect("fp")
        .to_owned();
    let (c, report, _) = verify_json(&t.v, &t.bundle, &t.c.key, &["--expect-fingerprint", &fp]);
    assert_eq!(c, 0, "{report}");
    let other = "11111 22222 33333 44444 55555 66666";
    let (c, report, _) = verify_json(&t.v, &t.bundle, &t.c.key, &["--expect-fingerprint", other]);
    assert_eq!(c, EXIT_PROBLEMS, "{report}");
    assert_eq!(kinds(&report), vec!["fingerprint_mismatch".to_owned()]);
    let out = counsel(
        &t.v,
        "open",
        &t.bundle,
        &t.c.key,
        &["--expect-fingerprint", other, "--out", s(&t.v.path("o"))],
    );
    assert_eq!(code(&out), EXIT_PROBLEMS, "{}", stderr(&out));
    assert!(!t.v.path("o").exists());
    let out = counsel(
        &t.v,
        "verify",
        &t.bundle,
        &t.c.key,
        &["--expect-fingerprint", "not a fingerprint"],
    );
    assert_refused(&out, "malformed --expect-fingerprint");
}

#[test]
fn text_from_the_bundle_never_reaches_the_terminal_raw() {
    let t = setup();
    let mut a = Archive::open(&t.bundle, &t.c.key);
    let mut m = a.manifest();
    let paint = "\u{1b}]0;pwned\u{7}\u{1b}[2J\rVERIFIED fingerprint 00000 00000\u{202e}";
    m["export_id"] = Value::String(paint.into());
    m["records"][0]["withheld"]
        .as_array_mut()
        .expect("withheld")
        .push(Value::String("x\u{1b}[31m".into()));
    a.set_manifest(&m);
    a.entries.push((
        "notes/\u{1b}[32mOK\u{1b}[0m\u{202e}.txt".into(),
        b"hi".to_vec(),
    ));
    let p = t.v.path("painted.age");
    a.seal(&t.c.recipient, &p);

    for extra in [vec![], vec!["--out", "opened"]] {
        let sub = if extra.is_empty() { "verify" } else { "open" };
        let out =
            t.v.cmd_locked()
                .current_dir(t.v.path(""))
                .args(["bundle", sub, s(&p), "--identity", s(&t.c.key)])
                .args(&extra)
                .output()
                .expect("run");
        assert_eq!(code(&out), EXIT_PROBLEMS, "{}", stderr(&out));
        for (what, text) in [("stdout", stdout(&out)), ("stderr", stderr(&out))] {
            for bad in ['\u{1b}', '\u{7}', '\r', '\u{202e}'] {
                assert!(!text.contains(bad), "{sub} {what} has {bad:?} raw:\n{text}");
            }
        }
        let text = stdout(&out);
        assert!(text.contains("\\e]0;pwned\\x07\\e[2J\\r"), "{text}");
        assert!(text.contains("notes/\\e[32mOK"), "{text}");
        assert!(text.contains("NOT VERIFIED"), "{text}");
    }
    // --json keeps the exact text.
    let (_, report, _) = verify_json(&t.v, &p, &t.c.key, &[]);
    assert_eq!(report["export_id"], paint);

    // A refusal that quotes the bundle (an unknown manifest field named with escapes) is
    // escaped too.
    let mut a = Archive::open(&t.bundle, &t.c.key);
    let mut m = a.manifest();
    m["\u{1b}]0;owned\u{7}"] = Value::Bool(true);
    a.set_manifest(&m);
    let p = t.v.path("unknown-field.age");
    a.seal(&t.c.recipient, &p);
    let out = counsel(&t.v, "verify", &p, &t.c.key, &[]);
    let err = assert_refused(&out, "unknown manifest field");
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err}");
    assert!(err.contains("\\e]0;owned"), "{err}");
}

#[test]
fn earlier_with_another_key_or_another_export_is_refused() {
    let t = setup();
    let disclosure = t.v.path("later.age");
    t.v.ok(&[
        "disclose",
        "--bundle-of",
        &t.export_id,
        "--entry",
        &t.id,
        "--field",
        "witnesses",
        "--to",
        &t.c.recipient,
        "--out",
        s(&disclosure),
    ]);
    let (c, report, _) = verify_json(&t.v, &disclosure, &t.c.key, &["--earlier", s(&t.bundle)]);
    assert_eq!(c, 0, "{report}");

    // The same disclosure re-signed by someone else's key: every leaf is still identical, but
    // it does not come from the vault that made the earlier bundle.
    let mut a = Archive::open(&disclosure, &t.c.key);
    let mut m = a.manifest();
    let key = vault::crypto::signing::generate();
    common::statement::resign_checkpoint(&mut m, &key);
    a.set_manifest(&m);
    common::statement::resign(&mut a.entries, &key);
    let forged = t.v.path("forged-later.age");
    a.seal(&t.c.recipient, &forged);
    let (c, report, _) = verify_json(&t.v, &forged, &t.c.key, &["--earlier", s(&t.bundle)]);
    assert_eq!(c, EXIT_PROBLEMS, "{report}");
    assert!(
        kinds(&report).contains(&"supplement".to_owned()),
        "{report}"
    );
    assert!(report.to_string().contains("another key"), "{report}");

    // Checked against another export of the same vault, whose id it does not supplement.
    let other = t.v.path("other.age");
    t.v.ok(&[
        "export",
        "--to",
        &t.c.recipient,
        "--all",
        "--out",
        s(&other),
    ]);
    let (c, report, _) = verify_json(&t.v, &disclosure, &t.c.key, &["--earlier", s(&other)]);
    assert_eq!(c, EXIT_PROBLEMS, "{report}");
    assert!(
        report.to_string().contains("does not say it supplements"),
        "{report}"
    );
}

#[test]
fn a_receipt_newer_than_the_bundle_is_accepted_and_open_checks_receipts() {
    let v = TestVault::new();
    let c = keygen(&v, "counsel.key");
    add_private(&v);
    v.ok(&["list"]);
    let older = v.path("older-receipt.txt");
    v.ok(&["receipt", "--out", s(&older)]);
    let bundle = v.path("case.age");
    v.ok(&["export", "--to", &c.recipient, "--all", "--out", s(&bundle)]);
    // More is logged and signed after the export; the receipt counsel then gets is newer.
    v.add_simple("A second car parked outside all night.");
    v.ok(&["list"]);
    let newer = v.path("newer-receipt.txt");
    v.ok(&["receipt", "--out", s(&newer)]);
    let t = Setup {
        v,
        c,
        id: String::new(),
        bundle,
        export_id: String::new(),
    };

    let (c, report, err) = verify_json(&t.v, &t.bundle, &t.c.key, &["--receipt", s(&newer)]);
    assert_eq!(c, 0, "{report} {err}");
    assert_eq!(report["receipt"]["status"], "newer", "{report}");
    assert!(report["receipt"]["size"].as_u64() > report["checkpoint_size"].as_u64());
    let human = stdout(&counsel(
        &t.v,
        "verify",
        &t.bundle,
        &t.c.key,
        &["--receipt", s(&newer)],
    ));
    assert!(
        human.contains("is newer than this bundle's checkpoint"),
        "{human}"
    );

    let (c, report, _) = verify_json(&t.v, &t.bundle, &t.c.key, &["--receipt", s(&older)]);
    assert_eq!(c, 0, "{report}");
    assert!(
        ["same", "extended"].contains(&report["receipt"]["status"].as_str().unwrap_or("")),
        "{report}"
    );

    // bundle open takes --receipt too: a receipt from another vault refuses to extract.
    let w = TestVault::new();
    let foreign = w.path("foreign-receipt.txt");
    w.add_simple("elsewhere");
    w.ok(&["list"]);
    w.ok(&["receipt", "--out", s(&foreign)]);
    let out = counsel(
        &t.v,
        "open",
        &t.bundle,
        &t.c.key,
        &["--receipt", s(&foreign), "--out", s(&t.v.path("o1"))],
    );
    assert_eq!(code(&out), EXIT_PROBLEMS, "{}", stderr(&out));
    assert!(!t.v.path("o1").exists());
    let out = counsel(
        &t.v,
        "open",
        &t.bundle,
        &t.c.key,
        &["--receipt", s(&newer), "--out", s(&t.v.path("o2"))],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(t.v.path("o2").join("manifest.json").is_file());
}

// ---------------------------------------------------------------------------------------------
// The export side: passphrases, recipients, policies, bounded inputs.

#[test]
fn a_weak_bundle_passphrase_is_refused_and_a_generated_one_works() {
    let v = TestVault::new();
    add_private(&v);
    let weak = v.path("weak.txt");
    std::fs::write(&weak, "1234\n").expect("write");
    let bundle = v.path("weak.age");
    let out = v
        .cmd()
        .env("VAULT_BUNDLE_PASSPHRASE_FILE", &weak)
        .args(["export", "--passphrase", "--all", "--out", s(&bundle)])
        .output()
        .expect("run");
    let err = assert_refused(&out, "weak bundle passphrase");
    assert!(err.contains("too easy to guess"), "{err}");
    assert!(
        !err.contains("1234"),
        "the passphrase is never echoed: {err}"
    );
    assert!(!bundle.exists());
    assert_eq!(v.json(&["exports"]), serde_json::json!([]));

    let out = v
        .cmd()
        .args([
            "export",
            "--generate-passphrase",
            "--all",
            "--out",
            s(&bundle),
        ])
        .output()
        .expect("run");
    assert_success(&out, &["export", "--generate-passphrase"]);
    let err = stderr(&out);
    let shown = err
        .lines()
        .find(|l| l.starts_with("    ") && l.trim().split(' ').count() == 6)
        .unwrap_or_else(|| panic!("no generated passphrase shown: {err}"))
        .trim()
        .to_owned();
    let pass = v.path("generated.txt");
    std::fs::write(&pass, format!("{shown}\n")).expect("write");
    let out = v
        .cmd_locked()
        .env("VAULT_BUNDLE_PASSPHRASE_FILE", &pass)
        .args(["--json", "bundle", "verify", s(&bundle), "--passphrase"])
        .output()
        .expect("run");
    assert_success(&out, &["bundle", "verify", "--passphrase"]);
}

#[test]
fn a_key_file_with_a_hidden_second_key_lists_both_and_needs_yes() {
    let v = TestVault::new();
    let c = keygen(&v, "counsel.key");
    let spy = keygen(&v, "spy.key");
    add_private(&v);
    let keys = v.path("counsel.pub");
    std::fs::write(
        &keys,
        format!(
            "# counsel\n{}\n{}\n{}\n",
            c.recipient,
            "\n".repeat(60),
            spy.recipient
        ),
    )
    .expect("write");
    let bundle = v.path("case.age");
    let out = v
        .cmd()
        .args([
            "export",
            "--to-file",
            s(&keys),
            "--all",
            "--out",
            s(&bundle),
        ])
        .output()
        .expect("run");
    let err = assert_refused(&out, "two keys in one key file");
    assert!(err.contains("holds 2 keys"), "{err}");
    assert!(
        err.contains(&c.recipient) && err.contains(&spy.recipient),
        "{err}"
    );
    assert!(err.contains("--yes"), "{err}");
    assert!(!bundle.exists());

    let out = v
        .cmd()
        .args([
            "export",
            "--to-file",
            s(&keys),
            "--all",
            "--yes",
            "--out",
            s(&bundle),
        ])
        .output()
        .expect("run");
    assert_success(&out, &["export", "--yes"]);
    let err = stderr(&out);
    assert!(err.contains("these 2 keys"), "{err}");
    assert!(err.contains(&spy.recipient), "{err}");

    // A single --to is listed too.
    let one = v.path("one.age");
    let out = v
        .cmd()
        .args(["export", "--to", &c.recipient, "--all", "--out", s(&one)])
        .output()
        .expect("run");
    assert_success(&out, &["export", "--to"]);
    assert!(stderr(&out).contains(&c.recipient), "{}", stderr(&out));
}

#[test]
fn a_policy_disclosing_private_spans_needs_yes() {
    let v = TestVault::new();
    let c = keygen(&v, "counsel.key");
    add_private(&v);
    let policy = v.path("policy.json");
    std::fs::write(
        &policy,
        r#"{"redact": ["witnesses"], "disclose_private": true}"#,
    )
    .expect("write");
    let bundle = v.path("case.age");
    let args = [
        "export",
        "--to",
        &c.recipient,
        "--all",
        "--redact-policy",
        s(&policy),
        "--out",
        s(&bundle),
    ];
    let out = v.cmd().args(args).output().expect("run");
    let err = assert_refused(&out, "policy discloses private spans");
    assert!(err.contains("private parts"), "{err}");
    assert!(!bundle.exists());

    let out = v.cmd().args(args).arg("--yes").output().expect("run");
    assert_success(&out, &["export", "--redact-policy", "--yes"]);
    let plain = decrypt(&bundle, &c.key);
    let a = zip::ZipArchive::new(Cursor::new(plain)).expect("zip");
    drop(a);
    let opened = v.path("opened");
    let out = counsel(&v, "open", &bundle, &c.key, &["--out", s(&opened)]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(any_file_contains(&opened, PRIVATE.as_bytes()).is_some());

    // A policy with a repeated key is refused: which copy wins would depend on the reader.
    std::fs::write(
        &policy,
        r#"{"disclose_private": false, "disclose_private": true}"#,
    )
    .expect("write");
    let out = v
        .cmd()
        .args(["export", "--to", &c.recipient, "--all", "--yes"])
        .args(["--redact-policy", s(&policy), "--out", s(&v.path("x.age"))])
        .output()
        .expect("run");
    let err = assert_refused(&out, "duplicate key in policy");
    assert!(err.contains("duplicate key"), "{err}");
}

#[test]
fn endless_key_receipt_and_policy_files_are_refused() {
    let t = setup();
    let zero = "/dev/zero";
    let out =
        t.v.cmd()
            .args([
                "export",
                "--to-file",
                zero,
                "--all",
                "--out",
                s(&t.v.path("a.age")),
            ])
            .output()
            .expect("run");
    assert!(assert_refused(&out, "--to-file /dev/zero").contains("too large"));
    let out =
        t.v.cmd()
            .args(["export", "--to", &t.c.recipient, "--all"])
            .args(["--redact-policy", zero, "--out", s(&t.v.path("b.age"))])
            .output()
            .expect("run");
    assert!(assert_refused(&out, "--redact-policy /dev/zero").contains("too large"));
    let out = counsel(&t.v, "verify", &t.bundle, &t.c.key, &["--receipt", zero]);
    assert!(assert_refused(&out, "--receipt /dev/zero").contains("too large"));
    let out = counsel(&t.v, "verify", &t.bundle, Path::new(zero), &[]);
    assert!(assert_refused(&out, "--identity /dev/zero").contains("too large"));
}

/// Runs `vault ARGS` on a pseudo-terminal (the `script` tool), answers the first prompt that
/// ends in "passphrase: " (or "contraseña del paquete: ") with `answer`, and returns everything
/// the terminal showed.
fn on_terminal(v: &TestVault, args: &str, answer: &str) -> String {
    use std::process::Stdio;
    let bin = assert_cmd::cargo::cargo_bin("vault");
    let mut child = std::process::Command::new("script")
        .args([
            "-q",
            "-e",
            "-c",
            &format!("{} {args}", bin.display()),
            "/dev/null",
        ])
        .env("VAULT_STATE_DIR", v.state_dir())
        .env("LANG", "C")
        .env("NO_COLOR", "1")
        .env_remove("VAULT_BUNDLE_PASSPHRASE_FILE")
        .env_remove("LC_ALL")
        .current_dir(v.path(""))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("script");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut seen = Vec::new();
    let mut buf = [0u8; 256];
    // Read until the prompt is on the screen, then type the answer.
    loop {
        let n = stdout.read(&mut buf).expect("read");
        assert!(n > 0, "no prompt: {}", String::from_utf8_lossy(&seen));
        seen.extend_from_slice(&buf[..n]);
        let text = String::from_utf8_lossy(&seen).to_lowercase();
        if text.contains("passphrase: ") || text.contains("contraseña del paquete: ") {
            break;
        }
    }
    let mut stdin = child.stdin.take().expect("stdin");
    stdin
        .write_all(format!("{answer}\n").as_bytes())
        .expect("type");
    stdout.read_to_end(&mut seen).expect("read rest");
    drop(stdin);
    child.wait().expect("wait");
    String::from_utf8_lossy(&seen).into_owned()
}

#[test]
fn the_counsel_prompt_asks_for_the_bundle_passphrase() {
    if !have("script") {
        eprintln!("SKIP: the script tool is not on PATH; the prompt needs a terminal");
        return;
    }
    let v = TestVault::new();
    add_private(&v);
    let pass = v.path("bundle-pass.txt");
    std::fs::write(&pass, "plum orchard ferry lantern 1987\n").expect("write");
    let bundle = v.path("pass.age");
    let out = v
        .cmd()
        .env("VAULT_BUNDLE_PASSPHRASE_FILE", &pass)
        .args(["export", "--passphrase", "--all", "--out", s(&bundle)])
        .output()
        .expect("run");
    assert_success(&out, &["export", "--passphrase"]);
    let shown = on_terminal(
        &v,
        &format!("bundle verify {} --passphrase", s(&bundle)),
        "plum orchard ferry lantern 1987",
    );
    assert!(shown.contains("Bundle passphrase: "), "{shown}");
    assert!(
        !shown.to_lowercase().contains("vault passphrase"),
        "{shown}"
    );
    assert!(shown.contains("VERIFIED"), "{shown}");
    let shown = on_terminal(
        &v,
        &format!("--lang es bundle verify {} --passphrase", s(&bundle)),
        "plum orchard ferry lantern 1987",
    );
    assert!(shown.contains("Contraseña del paquete: "), "{shown}");
    assert!(shown.contains("VERIFICADO"), "{shown}");
}

/// Anyone can encrypt a bundle to counsel's key. One whose central directory names the same
/// large stored file many times (each record with its own name) would have every copy read,
/// decrypted and hashed before any signature is checked: hours from a bundle of a few MB. The
/// sizes the entries declare must add up to no more than the bundle, so it is refused at once,
/// by `verify`, `open` and `exhibit`.
#[test]
fn overlapping_archive_entries_are_refused_before_hashing() {
    let st = setup();
    let mut zip = decrypt(&st.bundle, &st.c.key);
    // End of central directory (no comment): entry counts, directory size and offset.
    let eocd = zip.len() - 22;
    assert_eq!(
        &zip[eocd..eocd + 4],
        b"PK\x05\x06",
        "no archive comment expected"
    );
    let le16 = |b: &[u8], at: usize| u16::from_le_bytes([b[at], b[at + 1]]) as usize;
    let le32 = |b: &[u8], at: usize| u32::from_le_bytes(b[at..at + 4].try_into().unwrap()) as usize;
    let (count, cd_size, cd_start) = (
        le16(&zip, eocd + 10),
        le32(&zip, eocd + 12),
        le32(&zip, eocd + 16),
    );
    // The largest stored file's directory record.
    let mut at = cd_start;
    let mut largest: Option<(usize, usize)> = None;
    for _ in 0..count {
        assert_eq!(&zip[at..at + 4], b"PK\x01\x02");
        let len = 46 + le16(&zip, at + 28) + le16(&zip, at + 30) + le16(&zip, at + 32);
        let size = le32(&zip, at + 24);
        if largest.is_none_or(|(_, s)| size > s) {
            largest = Some((at, size));
        }
        at += len;
    }
    let (record_at, size) = largest.unwrap();
    let name_len = le16(&zip, record_at + 28);
    let record_len = 46 + name_len + le16(&zip, record_at + 30) + le16(&zip, record_at + 32);
    let record = zip[record_at..record_at + record_len].to_vec();
    let copies = (2 * zip.len() / size.max(1)).max(3);
    let mut extra = Vec::new();
    for n in 0..copies {
        let mut r = record.clone();
        // Same length, another name: `x/` and a number in place of the name's last bytes.
        let tag = format!("x{n:0width$}", width = name_len.saturating_sub(1).min(8));
        let name = &mut r[46..46 + name_len];
        let start = name_len - tag.len().min(name_len);
        name[start..].copy_from_slice(&tag.as_bytes()[..name_len - start]);
        extra.extend_from_slice(&r);
    }
    let mut eocd_bytes = zip.split_off(eocd);
    zip.extend_from_slice(&extra);
    let new_count = (count + copies) as u16;
    eocd_bytes[8..10].copy_from_slice(&new_count.to_le_bytes());
    eocd_bytes[10..12].copy_from_slice(&new_count.to_le_bytes());
    eocd_bytes[12..16].copy_from_slice(&((cd_size + extra.len()) as u32).to_le_bytes());
    zip.extend_from_slice(&eocd_bytes);
    let hostile = st.v.path("overlap.age");
    std::fs::write(
        &hostile,
        encrypt_to_many(&zip, std::slice::from_ref(&st.c.recipient)),
    )
    .unwrap();
    for sub in ["verify", "open", "exhibit"] {
        let out_dir = st.v.path(&format!("out-{sub}"));
        let extra: Vec<&str> = match sub {
            "verify" => vec![],
            _ => vec!["--out", s(&out_dir)],
        };
        let out = counsel(&st.v, sub, &hostile, &st.c.key, &extra);
        let err = assert_refused(&out, sub);
        assert!(err.contains("overlap"), "{sub}: {err}");
        assert!(!out_dir.exists(), "{sub} wrote {out_dir:?}");
    }
}

/// A link planted at the folder counsel names for `bundle open` or `bundle exhibit` (a shared
/// or synchronised folder) never carries the decrypted records elsewhere: the command refuses
/// and the link's target stays empty. A real empty folder is still taken by `bundle open`.
#[test]
fn bundle_open_and_exhibit_never_write_through_a_link_planted_at_out() {
    let t = setup();
    let elsewhere = t.v.path("synced");
    std::fs::create_dir(&elsewhere).expect("mkdir");
    let planted = t.v.path("case-open");
    std::os::unix::fs::symlink(&elsewhere, &planted).expect("symlink");

    let out = counsel(&t.v, "open", &t.bundle, &t.c.key, &["--out", s(&planted)]);
    assert_refused(&out, "open through a link");
    let out = counsel(
        &t.v,
        "exhibit",
        &t.bundle,
        &t.c.key,
        &["--out", s(&planted)],
    );
    assert_refused(&out, "exhibit through a link");
    assert_eq!(
        std::fs::read_dir(&elsewhere).expect("read").count(),
        0,
        "nothing lands where the link points"
    );

    // A link to a folder inside the chosen folder's path is refused the same way one level
    // down: `records/` planted as a link in an empty folder counsel named.
    let named = t.v.path("case-empty");
    std::fs::create_dir(&named).expect("mkdir");
    std::os::unix::fs::symlink(&elsewhere, named.join("records")).expect("symlink");
    let out = counsel(&t.v, "open", &t.bundle, &t.c.key, &["--out", s(&named)]);
    assert_refused(&out, "a folder that is not empty");
    assert_eq!(std::fs::read_dir(&elsewhere).expect("read").count(), 0);

    // The genuine cases still work: a real empty folder, and a new one.
    std::fs::remove_file(named.join("records")).expect("rm");
    let out = counsel(&t.v, "open", &t.bundle, &t.c.key, &["--out", s(&named)]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(named.join("manifest.json").is_file());
    let fresh = t.v.path("exhibit-new");
    let out = counsel(&t.v, "exhibit", &t.bundle, &t.c.key, &["--out", s(&fresh)]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(fresh.join("exhibit.pdf").is_file());
}
