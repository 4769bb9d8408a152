//! Counsel bundles end to end, through the real binary: what an export leaves out, that counsel
//! can read it with standard age tooling, that every kind of tampering inside the encrypted ZIP
//! is caught by `bundle verify`, that malformed archives are refused without writing anything,
//! later disclosures, metadata stripping, the disclosure log and incident selection.
//!
//! Bundles are taken apart and rebuilt here with the `age` and `zip` crates, as an attacker (or
//! an independent verifier) would.

use crate::common;
use common::{stderr, stdout};

use std::collections::BTreeSet;
use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
use std::process::Output;
use std::str::FromStr;

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use common::*;
use serde_json::Value;
use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;

const WITNESS: &str = "name=Rosa Quintero-Valdez; contact=555-0199";
const NARRATIVE: &str =
    "Two agents waited by the grey SUV; afterwards we [[met at the Iglesia San Jose basement]].";
/// What must never leave the vault when witnesses are redacted and private spans withheld.
const SECRETS: [&str; 3] = ["Rosa Quintero", "555-0199", "Iglesia San Jose"];

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/media")
        .join(name)
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

fn contains(hay: &[u8], needle: &str) -> bool {
    let n = needle.as_bytes();
    hay.windows(n.len()).any(|w| w == n)
}

// ---------------------------------------------------------------------------------------------
// Counsel's keys, the vault's incidents, exports.

/// Counsel's age key pair, made with `vault keygen`.
struct Counsel {
    key: PathBuf,
    recipient: String,
}

fn keygen(v: &TestVault, name: &str) -> Counsel {
    let key = v.path(name);
    let out = v.json(&["keygen", "--out", s(&key)]);
    let recipient = out["recipient"].as_str().expect("recipient").to_owned();
    assert!(recipient.starts_with("age1"), "{out}");
    let text = std::fs::read_to_string(&key).expect("key file");
    assert!(text.contains("AGE-SECRET-KEY-1"), "identity file: {text}");
    Counsel { key, recipient }
}

/// Logs the incident with the witness and the private span; returns its id.
fn add_witnessed(v: &TestVault) -> String {
    let out = v.json(&[
        "add",
        "--kind",
        "followed",
        "--when",
        "2026-11-20 14:30",
        "--where",
        "Main St & 5th",
        "--what",
        NARRATIVE,
        "--witness",
        WITNESS,
        "--tag",
        "raid",
    ]);
    out["id"].as_str().expect("id").to_owned()
}

/// Logs an incident carrying `file`; returns (incident id, attachment id).
fn add_with_attachment(v: &TestVault, when: &str, file: &Path) -> (String, String) {
    let out = v.json(&[
        "add",
        "--kind",
        "photographed",
        "--when",
        when,
        "--what",
        "They photographed the line outside the clinic.",
        "--attach",
        s(file),
    ]);
    (
        out["id"].as_str().expect("id").to_owned(),
        out["attachments"][0]["id"]
            .as_str()
            .expect("attachment id")
            .to_owned(),
    )
}

/// A small non-image attachment with no metadata to worry about.
fn plain_attachment(v: &TestVault) -> PathBuf {
    let p = v.path("statement.txt");
    std::fs::write(&p, b"Signed statement of the events, page 1 of 1.\n").expect("write");
    p
}

/// Exports to `to` with `extra` flags into `name`; returns the bundle path.
fn export(v: &TestVault, to: &str, extra: &[&str], name: &str) -> PathBuf {
    let out = v.path(name);
    let mut args = vec!["export", "--to", to, "--out", s(&out)];
    args.extend_from_slice(extra);
    v.ok(&args);
    assert!(out.is_file(), "no bundle written at {}", out.display());
    out
}

fn info_ledger_entries(v: &TestVault) -> u64 {
    v.json(&["info"])["ledger_entries"]
        .as_u64()
        .expect("ledger_entries")
}

// ---------------------------------------------------------------------------------------------
// Counsel's side through the binary.

fn verify(v: &TestVault, bundle: &Path, key: &Path, extra: &[&str]) -> (i32, Value, String) {
    v.bundle_verify(bundle, key, extra)
}

fn verify_ok(v: &TestVault, bundle: &Path, key: &Path) -> Value {
    let (code, report, err) = verify(v, bundle, key, &[]);
    assert_eq!(code, 0, "bundle verify failed: {report}\n{err}");
    assert_eq!(report["ok"], true, "{report}");
    assert_eq!(report["problems"], serde_json::json!([]), "{report}");
    report
}

fn problem_kinds(report: &Value) -> BTreeSet<String> {
    report["problems"]
        .as_array()
        .unwrap_or_else(|| panic!("no problems list: {report}"))
        .iter()
        .map(|p| p["kind"].as_str().expect("kind").to_owned())
        .collect()
}

fn record_report<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["records"]
        .as_array()
        .expect("records")
        .iter()
        .find(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("record {id} not in {report}"))
}

fn names(list: &Value) -> BTreeSet<String> {
    list.as_array()
        .unwrap_or_else(|| panic!("not a list: {list}"))
        .iter()
        .map(|n| n.as_str().expect("string").to_owned())
        .collect()
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// Asserts a clear, one-line, non-panicking failure; returns the error line.
fn assert_clear_failure(out: &Output, what: &str) -> String {
    let code = out.status.code().expect("exit code (not a signal)");
    let err = stderr(out);
    assert_ne!(code, 0, "{what}: expected failure, got success: {err}");
    assert_ne!(code, 101, "{what}: panicked: {err}");
    assert!(!err.contains("panicked"), "{what}: panicked: {err}");
    let lines: Vec<&str> = err.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "{what}: expected one error line: {err}");
    assert!(
        lines[0].starts_with("vault: error: "),
        "{what}: unexpected error shape: {err}"
    );
    lines[0].to_owned()
}

// ---------------------------------------------------------------------------------------------
// Taking bundles apart and putting them back together with the age and zip crates.

fn identities(key: &Path) -> Vec<Box<dyn age::Identity + Send + Sync>> {
    age::IdentityFile::from_file(s(key).to_owned())
        .expect("identity file")
        .into_identities()
        .expect("identities")
}

fn decrypt(bundle: &Path, key: &Path) -> Vec<u8> {
    let ciphertext = std::fs::read(bundle).expect("read bundle");
    let ids = identities(key);
    let decryptor = age::Decryptor::new(&ciphertext[..]).expect("age header");
    let mut reader = decryptor
        .decrypt(ids.iter().map(|i| i.as_ref() as &dyn age::Identity))
        .expect("decrypt with counsel's key");
    let mut plain = Vec::new();
    reader.read_to_end(&mut plain).expect("read plaintext");
    plain
}

fn encrypt_to(plain: &[u8], recipient: &str) -> Vec<u8> {
    let r = age::x25519::Recipient::from_str(recipient).expect("recipient");
    let encryptor =
        age::Encryptor::with_recipients(std::iter::once(&r as &dyn age::Recipient)).expect("enc");
    let mut out = Vec::new();
    let mut w = encryptor.wrap_output(&mut out).expect("wrap");
    w.write_all(plain).expect("write");
    w.finish().expect("finish");
    out
}

fn stored() -> SimpleFileOptions {
    SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .unix_permissions(0o600)
}

/// The entries of a decrypted bundle, in archive order.
struct Archive {
    entries: Vec<(String, Vec<u8>)>,
}

impl Archive {
    fn parse(zip_bytes: &[u8]) -> Archive {
        let mut a = zip::ZipArchive::new(Cursor::new(zip_bytes)).expect("a ZIP archive");
        let mut entries = Vec::new();
        for i in 0..a.len() {
            let mut f = a.by_index(i).expect("entry");
            assert_eq!(
                f.compression(),
                zip::CompressionMethod::Stored,
                "bundle entries are stored"
            );
            let name = f.name().expect("name").into_owned();
            let mut buf = Vec::new();
            f.read_to_end(&mut buf).expect("read entry");
            entries.push((name, buf));
        }
        Archive { entries }
    }

    fn open(bundle: &Path, key: &Path) -> Archive {
        Archive::parse(&decrypt(bundle, key))
    }

    fn names(&self) -> BTreeSet<String> {
        self.entries.iter().map(|(n, _)| n.clone()).collect()
    }

    fn get(&self, name: &str) -> &[u8] {
        self.entries
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, b)| b.as_slice())
            .unwrap_or_else(|| panic!("no {name} in {:?}", self.names()))
    }

    fn get_mut(&mut self, name: &str) -> &mut Vec<u8> {
        let names = self.names();
        self.entries
            .iter_mut()
            .find(|(n, _)| n == name)
            .map(|(_, b)| b)
            .unwrap_or_else(|| panic!("no {name} in {names:?}"))
    }

    fn json(&self, name: &str) -> Value {
        serde_json::from_slice(self.get(name)).expect("JSON entry")
    }

    fn set_json(&mut self, name: &str, v: &Value) {
        *self.get_mut(name) = serde_json::to_vec_pretty(v).expect("json");
    }

    fn manifest(&self) -> Value {
        self.json("manifest.json")
    }

    fn to_zip(&self) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, bytes) in &self.entries {
            w.start_file(name.as_str(), stored()).expect("start");
            w.write_all(bytes).expect("write");
        }
        w.finish().expect("finish zip").into_inner()
    }

    /// Re-encrypts to counsel and writes `path`.
    fn seal(&self, recipient: &str, path: &Path) {
        std::fs::write(path, encrypt_to(&self.to_zip(), recipient)).expect("write bundle");
    }
}

/// Decodes a disclosure into `[salt, name, value]`.
fn decode_disclosure(d: &str) -> Vec<Value> {
    let bytes = URL_SAFE_NO_PAD.decode(d).expect("base64url");
    let v: Value = serde_json::from_slice(&bytes).expect("JSON");
    let items = v.as_array().expect("array").clone();
    assert_eq!(items.len(), 3, "{v}");
    items
}

fn encode_disclosure(items: &[Value]) -> String {
    URL_SAFE_NO_PAD.encode(Value::Array(items.to_vec()).to_string())
}

fn manifest_record<'a>(m: &'a mut Value, id: &str) -> &'a mut Value {
    m["records"]
        .as_array_mut()
        .expect("records")
        .iter_mut()
        .find(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("record {id} not in the manifest"))
}

// ---------------------------------------------------------------------------------------------
// 1. What a redacted export leaves out.

#[test]
fn redacted_witness_and_private_span_never_leave_the_vault() {
    let v = TestVault::new();
    let c = keygen(&v, "counsel.key");
    let id = add_witnessed(&v);
    let bundle = export(
        &v,
        &c.recipient,
        &["--entries", &id[..8], "--redact", "witnesses"],
        "bundle.age",
    );

    let raw = decrypt(&bundle, &c.key);
    let archive = Archive::parse(&raw);
    let expected_files = set(&[
        "manifest.json",
        "report.html",
        "VERIFY.txt",
        "STATEMENT.txt",
        "STATEMENT.sig",
        "exhibit.pdf",
        "chronology.csv",
        "declaration.txt",
        &format!("records/{id}.json"),
    ]);
    assert_eq!(archive.names(), expected_files);
    for secret in SECRETS {
        assert!(
            !contains(&raw, secret),
            "{secret:?} is in the decrypted archive"
        );
        for (name, bytes) in &archive.entries {
            assert!(!contains(bytes, secret), "{secret:?} is in {name}");
        }
    }
    // The public part of the narrative is there, with a placeholder for the private span.
    let record = archive.json(&format!("records/{id}.json"));
    let narrative = record["fields"]["narrative"].as_str().expect("narrative");
    assert!(narrative.contains("grey SUV"), "{record}");
    assert!(narrative.contains("[[private 1]]"), "{record}");
    assert_eq!(
        record["fields"]["witnesses"],
        serde_json::json!({"withheld": true})
    );
    assert_eq!(
        record["fields"]["narrative.private.1"],
        serde_json::json!({"withheld": true})
    );

    let report = verify_ok(&v, &bundle, &c.key);
    let r = record_report(&report, &id);
    let withheld = names(&r["withheld"]);
    assert_eq!(withheld, set(&["narrative.private.1", "witnesses"]), "{r}");
    let disclosed = names(&r["disclosed"]);
    assert!(
        disclosed.contains("narrative") && disclosed.contains("kind"),
        "{r}"
    );
    assert!(disclosed.is_disjoint(&withheld), "{r}");
    assert_eq!(report["records"].as_array().map(Vec::len), Some(1));
}

/// A per-entry redaction key names its record however it is written (capitals, spaces, a short
/// or long prefix), and two keys naming one record both apply.
#[test]
fn per_entry_redaction_keys_name_their_record_however_written() {
    let v = TestVault::new();
    let c = keygen(&v, "counsel.key");
    let id = add_witnessed(&v);
    let withheld = |extra: &[&str], name: &str| {
        let bundle = export(&v, &c.recipient, extra, name);
        let report = verify_ok(&v, &bundle, &c.key);
        let raw = decrypt(&bundle, &c.key);
        (names(&record_report(&report, &id)["withheld"]), raw)
    };

    let flag = format!(" {}:witnesses", id[..8].to_ascii_uppercase());
    let (fields, raw) = withheld(&["--all", "--redact", &flag], "capitals.age");
    assert!(fields.contains("witnesses"), "{fields:?}");
    assert!(!contains(&raw, WITNESS), "the witness left the vault");

    let policy = v.path("policy.json");
    std::fs::write(
        &policy,
        serde_json::json!({"entries": {
            id[..4].to_owned(): {"redact": ["location"]},
            id[..8].to_ascii_uppercase(): {"redact": ["witnesses"]},
        }})
        .to_string(),
    )
    .expect("write policy");
    let (fields, raw) = withheld(&["--all", "--redact-policy", s(&policy)], "two-keys.age");
    assert!(
        fields.contains("witnesses") && fields.contains("location"),
        "{fields:?}"
    );
    assert!(!contains(&raw, WITNESS), "the witness left the vault");
    assert!(!contains(&raw, "Main St"), "the location left the vault");
}

/// Counsel's private key given where the public one belongs is refused without echoing it.
#[test]
fn a_private_key_given_as_recipient_is_refused_without_echo() {
    let v = TestVault::new();
    let c = keygen(&v, "counsel.key");
    add_witnessed(&v);
    v.ok(&["list"]); // signs the new entry, so the refusal is the only line
    let secret = std::fs::read_to_string(&c.key).expect("key file");
    let secret_line = secret
        .lines()
        .find(|l| l.starts_with("AGE-SECRET-KEY-"))
        .expect("secret line");
    let out_path = v.path("never.age");
    for how in [["--to-file", s(&c.key)], ["--to", secret_line]] {
        let out = v.fails(&["export", how[0], how[1], "--all", "--out", s(&out_path)]);
        let line = assert_clear_failure(&out, how[0]);
        assert!(line.contains("private key"), "{line}");
        let all = format!("{}{}", stdout(&out), stderr(&out));
        assert!(
            !all.contains(&secret_line[15..25]),
            "the key was echoed: {all}"
        );
        assert!(!out_path.exists());
    }
}

// ---------------------------------------------------------------------------------------------
// 2. The standard age and unzip tools read a bundle.

fn have(tool: &str) -> bool {
    std::process::Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

#[test]
fn age_and_unzip_command_line_tools_read_a_bundle() {
    if !have("age") {
        eprintln!("SKIP: the `age` binary is not on PATH (CI installs it)");
        return;
    }
    let v = TestVault::new();
    let c = keygen(&v, "counsel.key");
    let id = add_witnessed(&v);
    let bundle = export(&v, &c.recipient, &["--all"], "bundle.age");
    let zip_path = v.path("bundle.zip");
    let out = std::process::Command::new("age")
        .args(["-d", "-i", s(&c.key), "-o", s(&zip_path), s(&bundle)])
        .output()
        .expect("run age");
    assert_success(&out, &["age", "-d"]);
    let bytes = std::fs::read(&zip_path).expect("bundle.zip");
    assert_eq!(&bytes[..4], b"PK\x03\x04", "not a ZIP");
    assert_eq!(
        bytes,
        decrypt(&bundle, &c.key),
        "age and the age crate disagree"
    );
    if !have("unzip") {
        eprintln!("SKIP: `unzip` is not on PATH; listing not checked");
        return;
    }
    let out = std::process::Command::new("unzip")
        .args(["-l", s(&zip_path)])
        .output()
        .expect("run unzip");
    assert_success(&out, &["unzip", "-l"]);
    let listing = stdout(&out);
    for name in ["manifest.json", "report.html", "VERIFY.txt"] {
        assert!(listing.contains(name), "{name} not listed:\n{listing}");
    }
    assert!(listing.contains(&format!("records/{id}.json")), "{listing}");
}

// ---------------------------------------------------------------------------------------------
// 3. Tampering inside the encrypted archive.

#[test]
fn tampering_inside_the_bundle_is_detected() {
    let v = TestVault::new();
    let c = keygen(&v, "counsel.key");
    let id = add_witnessed(&v);
    let file = plain_attachment(&v);
    let (_, att) = add_with_attachment(&v, "2026-11-21 09:00", &file);
    let bundle = export(
        &v,
        &c.recipient,
        &["--all", "--redact", "witnesses"],
        "bundle.age",
    );
    let base = Archive::open(&bundle, &c.key);
    let att_path = format!("attachments/{att}/statement.txt");
    assert_eq!(base.get(&att_path), std::fs::read(&file).expect("read"));
    let record_path = format!("records/{id}.json");

    // The untouched bundle, rebuilt and re-encrypted the same way, verifies: every failure
    // below comes from the one change made.
    let rebuilt = v.path("rebuilt.age");
    base.seal(&c.recipient, &rebuilt);
    verify_ok(&v, &rebuilt, &c.key);

    type Tamper = Box<dyn Fn(&mut Archive)>;
    let rp = record_path.clone();
    let id2 = id.clone();
    let ap = att_path.clone();
    let cases: Vec<(&str, &str, Tamper)> = vec![
        (
            "record file value",
            "record_file",
            Box::new(move |a: &mut Archive| {
                let mut r = a.json(&rp);
                assert_eq!(r["fields"]["kind"], "followed");
                r["fields"]["kind"] = "arrest".into();
                a.set_json(&rp, &r);
            }),
        ),
        (
            "manifest disclosure",
            "field_digest",
            Box::new(move |a: &mut Archive| {
                let mut m = a.manifest();
                let rec = manifest_record(&mut m, &id2);
                let d = rec["disclosed"]["kind"].as_str().expect("kind").to_owned();
                let mut items = decode_disclosure(&d);
                assert_eq!(items[1], "kind");
                assert_eq!(items[2], "followed");
                items[2] = "arrest".into();
                rec["disclosed"]["kind"] = encode_disclosure(&items).into();
                a.set_json("manifest.json", &m);
            }),
        ),
        (
            "attachment byte",
            "attachment_hash",
            Box::new(move |a: &mut Archive| {
                a.get_mut(&ap)[0] ^= 0x01;
            }),
        ),
        (
            "checkpoint tree size",
            "checkpoint_signature",
            Box::new(|a: &mut Archive| {
                let mut m = a.manifest();
                let note = m["checkpoint"].as_str().expect("checkpoint").to_owned();
                let mut lines: Vec<String> = note.split('\n').map(str::to_owned).collect();
                let size: u64 = lines[1].parse().expect("tree size line");
                lines[1] = (size + 1).to_string();
                m["checkpoint"] = lines.join("\n").into();
                a.set_json("manifest.json", &m);
            }),
        ),
        (
            "inclusion proof hash",
            "inclusion_proof",
            Box::new(|a: &mut Archive| {
                let mut m = a.manifest();
                let proof = &mut m["records"][0]["proof"]["inclusion_proof"][0];
                let mut h = STANDARD
                    .decode(proof.as_str().expect("proof hash"))
                    .expect("base64");
                h[7] ^= 0x80;
                *proof = STANDARD.encode(h).into();
                a.set_json("manifest.json", &m);
            }),
        ),
        (
            "extra file",
            "unexpected_file",
            Box::new(|a: &mut Archive| {
                a.entries
                    .push(("notes/extra.txt".into(), b"planted afterwards".to_vec()));
            }),
        ),
    ];
    for (i, (what, kind, tamper)) in cases.iter().enumerate() {
        let mut a = Archive {
            entries: base.entries.clone(),
        };
        tamper(&mut a);
        let path = v.path(&format!("tampered-{i}.age"));
        a.seal(&c.recipient, &path);
        let (code, report, err) = verify(&v, &path, &c.key, &[]);
        assert_eq!(code, 4, "{what}: expected exit 4: {report}\n{err}");
        assert_eq!(report["ok"], false, "{what}: {report}");
        let kinds = problem_kinds(&report);
        assert!(
            kinds.contains(*kind),
            "{what}: expected a {kind} problem, got {kinds:?}: {report}"
        );
        // A change made without the vault's key also breaks the signed statement: the changed
        // file's SHA-256 (`file_hash`, naming the file), and for the checkpoint the line of the
        // statement that restates it.
        let changed = match *what {
            "record file value" => Some(record_path.as_str()),
            "attachment byte" => Some(att_path.as_str()),
            "extra file" => None,
            _ => Some("manifest.json"),
        };
        if let Some(path) = changed {
            let named = report["problems"]
                .as_array()
                .expect("problems")
                .iter()
                .any(|p| {
                    p["kind"] == "file_hash" && p["item"].as_str().is_some_and(|i| i.contains(path))
                });
            assert!(
                named,
                "{what}: no file_hash problem naming {path}: {report}"
            );
        }
        if *kind != "field_digest" {
            // One change, one kind of problem besides the statement's (a forged disclosure also
            // leaves the record file without a verified value to match).
            let mut want = set(&[kind]);
            if changed.is_some() {
                want.insert("file_hash".into());
            }
            if *what == "checkpoint tree size" {
                want.insert("statement".into());
            }
            assert_eq!(kinds, want, "{what}: {report}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 4. Recipients: the wrong key, passphrases, SSH keys.

#[test]
fn a_bundle_opens_only_for_its_recipient() {
    let v = TestVault::new();
    let a = keygen(&v, "counsel-a.key");
    let b = keygen(&v, "counsel-b.key");
    add_witnessed(&v);
    let bundle = export(&v, &a.recipient, &["--all"], "bundle.age");
    verify_ok(&v, &bundle, &a.key);
    for sub in ["verify", "open"] {
        let mut c = v.cmd_locked();
        c.args(["bundle", sub, s(&bundle), "--identity", s(&b.key)]);
        if sub == "open" {
            c.args(["--out", s(&v.path("opened"))]);
        }
        let out = c.output().expect("run");
        let line = assert_clear_failure(&out, &format!("bundle {sub} with B's key"));
        assert!(line.contains("key"), "{line}");
        assert!(!v.path("opened").exists());
    }
}

#[test]
fn passphrase_bundles_verify_with_the_passphrase_only() {
    let v = TestVault::new();
    add_witnessed(&v);
    let good = v.path("bundle-pass.txt");
    std::fs::write(&good, "plum orchard ferry lantern 1987\n").expect("write");
    let wrong = v.path("wrong-pass.txt");
    std::fs::write(&wrong, "plum orchard ferry lantern 1988\n").expect("write");
    let bundle = v.path("bundle.age");
    let out = v
        .cmd()
        .env("VAULT_BUNDLE_PASSPHRASE_FILE", &good)
        .args(["export", "--passphrase", "--all", "--out", s(&bundle)])
        .output()
        .expect("run");
    assert_success(&out, &["export", "--passphrase"]);
    let run = |pass: &Path| {
        v.cmd_locked()
            .env("VAULT_BUNDLE_PASSPHRASE_FILE", pass)
            .args(["--json", "bundle", "verify", s(&bundle), "--passphrase"])
            .output()
            .expect("run")
    };
    let ok = run(&good);
    assert_success(&ok, &["bundle", "verify", "--passphrase"]);
    let report: Value = serde_json::from_str(&stdout(&ok)).expect("JSON");
    assert_eq!(report["ok"], true, "{report}");
    let bad = run(&wrong);
    let line = assert_clear_failure(&bad, "wrong bundle passphrase");
    assert!(line.contains("passphrase"), "{line}");
    // The disclosure log records a passphrase recipient, not the passphrase.
    let log = v.json(&["exports"]);
    assert_eq!(log[0]["recipients"], serde_json::json!(["passphrase"]));
    assert!(!log.to_string().contains("plum orchard"), "{log}");
}

#[test]
fn ssh_ed25519_recipients_work() {
    if !have("ssh-keygen") {
        eprintln!("SKIP: ssh-keygen is not on PATH; SSH recipients not tested");
        return;
    }
    let v = TestVault::new();
    let key = v.path("id_ed25519");
    let out = std::process::Command::new("ssh-keygen")
        .args([
            "-q",
            "-t",
            "ed25519",
            "-N",
            "",
            "-C",
            "counsel@example",
            "-f",
        ])
        .arg(&key)
        .output()
        .expect("run ssh-keygen");
    assert_success(&out, &["ssh-keygen"]);
    let public = std::fs::read_to_string(key.with_extension("pub")).expect("public key");
    let public = public.trim();
    assert!(public.starts_with("ssh-ed25519 "), "{public}");
    add_witnessed(&v);
    let bundle = export(&v, public, &["--all"], "bundle.age");
    verify_ok(&v, &bundle, &key);
    // Another SSH key cannot open it.
    let other = v.path("other_ed25519");
    let out = std::process::Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-f"])
        .arg(&other)
        .output()
        .expect("run ssh-keygen");
    assert_success(&out, &["ssh-keygen"]);
    let (code, _, err) = verify(&v, &bundle, &other, &[]);
    assert!(code != 0 && code != 101, "{code}: {err}");
    assert!(err.contains("key"), "{err}");
    // The log names the key (type and base64), not the comment.
    let log = v.json(&["exports"]);
    let label = log[0]["recipients"][0].as_str().expect("label");
    assert!(
        public.starts_with(label) && label.starts_with("ssh-ed25519 AAAA"),
        "{label}"
    );
}

// ---------------------------------------------------------------------------------------------
// 5. Malformed bundles.

/// Files under `dir`, skipping `skip`.
fn snapshot(dir: &Path, skip: &Path) -> BTreeSet<PathBuf> {
    all_files(dir)
        .into_iter()
        .filter(|p| !p.starts_with(skip))
        .collect()
}

/// Patches the central-directory uncompressed size of `name` (a stored entry).
fn patch_declared_size(zip_bytes: &mut [u8], name: &str, size: u32) {
    let sig = b"PK\x01\x02";
    let mut at = None;
    for i in 0..zip_bytes.len() - 46 {
        if &zip_bytes[i..i + 4] == sig {
            let name_len = u16::from_le_bytes([zip_bytes[i + 28], zip_bytes[i + 29]]) as usize;
            if &zip_bytes[i + 46..i + 46 + name_len] == name.as_bytes() {
                at = Some(i);
                break;
            }
        }
    }
    let i = at.unwrap_or_else(|| panic!("no central directory entry for {name}"));
    zip_bytes[i + 24..i + 28].copy_from_slice(&size.to_le_bytes());
}

#[test]
fn malformed_bundles_are_refused_cleanly_and_write_nothing() {
    let v = TestVault::new();
    let c = keygen(&v, "counsel.key");
    add_witnessed(&v);
    let good = export(&v, &c.recipient, &["--all"], "good.age");
    let base = Archive::open(&good, &c.key);
    let sealed = |zip_bytes: &[u8]| encrypt_to(zip_bytes, &c.recipient);
    let with_entry = |name: &str, bytes: &[u8]| {
        let mut a = Archive {
            entries: base.entries.clone(),
        };
        a.entries.push((name.to_owned(), bytes.to_vec()));
        sealed(&a.to_zip())
    };

    // Each case runs in a fresh directory that is both the working directory and the parent of
    // --out, with an absolute-path entry aimed into it.
    let work = tempfile::tempdir().expect("tempdir");
    let ciphertext = std::fs::read(&good).expect("read");
    let mut cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "truncated",
            ciphertext[..ciphertext.len() / 2].to_vec(),
            "truncated",
        ),
        (
            "not age",
            b"PK\x03\x04 this is a plain file, not an age file\n".to_vec(),
            "not an age-encrypted bundle",
        ),
        (
            "age but not a ZIP",
            sealed(b"hello, this decrypts but is no archive at all"),
            "not a readable archive",
        ),
        (
            "traversal",
            with_entry("../evil.txt", b"escaped"),
            "unsafe path",
        ),
        (
            "interior dot",
            with_entry("records/./evil.json", b"{}"),
            "unsafe path",
        ),
    ];
    let abs_target = work.path().join("case-abs").join("evil-abs.txt");
    let abs_name = abs_target.to_str().expect("utf-8").to_owned();
    cases.push(("absolute", with_entry(&abs_name, b"escaped"), "unsafe path"));
    let mut linked = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in &base.entries {
        linked.start_file(name.as_str(), stored()).expect("start");
        linked.write_all(bytes).expect("write");
    }
    linked
        .add_symlink("records/link.json", "/etc/passwd", stored())
        .expect("symlink");
    cases.push((
        "symlink",
        sealed(&linked.finish().expect("finish").into_inner()),
        "link",
    ));
    let mut huge = base.to_zip();
    patch_declared_size(&mut huge, "report.html", 0xFFFF_FFF0);
    cases.push(("huge declared size", sealed(&huge), "4294967280"));

    for (i, (what, bytes, needle)) in cases.iter().enumerate() {
        let dir = work.path().join(format!("case-{i}"));
        let dir = if *what == "absolute" {
            work.path().join("case-abs")
        } else {
            dir
        };
        std::fs::create_dir_all(&dir).expect("mkdir");
        std::fs::copy(&c.key, dir.join("counsel.key")).expect("copy key");
        std::fs::write(dir.join("bundle.age"), bytes).expect("write case");
        let out_dir = dir.join("opened");
        let before = snapshot(work.path(), &out_dir);

        for sub in ["verify", "open"] {
            let mut cmd = v.cmd_locked();
            cmd.current_dir(&dir)
                .args(["bundle", sub, "bundle.age", "--identity", "counsel.key"]);
            if sub == "open" {
                cmd.args(["--out", "opened"]);
            }
            let out = cmd.output().expect("run");
            let line = assert_clear_failure(&out, &format!("{what} ({sub})"));
            assert!(
                line.contains(needle),
                "{what} ({sub}): the error should mention {needle:?}: {line}"
            );
            assert!(stdout(&out).trim().is_empty(), "{what}: {}", stdout(&out));
            assert_eq!(
                snapshot(work.path(), &out_dir),
                before,
                "{what} ({sub}) wrote files outside --out"
            );
            assert!(
                all_files(&out_dir).is_empty(),
                "{what} ({sub}) extracted something"
            );
        }
        assert!(!work.path().join("evil.txt").exists());
        assert!(!abs_target.exists());
    }
}

// ---------------------------------------------------------------------------------------------
// 6. Opening a bundle.

#[test]
fn bundle_open_extracts_a_safe_report_into_a_new_directory() {
    let v = TestVault::new();
    let c = keygen(&v, "counsel.key");
    let hostile = v.json(&[
        "add",
        "--kind",
        "online",
        "--when",
        "2026-11-22 08:00",
        "--what",
        "Message said <script>alert('x')</script> and <img src=\"https://tracker.example/p.png\"> \
         and <a href='http://tracker.example/'>this</a>",
        "--agent",
        "name=<script src=https://tracker.example/a.js></script>",
    ])["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let file = plain_attachment(&v);
    let (_, att) = add_with_attachment(&v, "2026-11-21 09:00", &file);
    let bundle = export(&v, &c.recipient, &["--all"], "bundle.age");
    let archive = Archive::open(&bundle, &c.key);

    let out_dir = v.path("case");
    let out = v
        .cmd_locked()
        .args([
            "bundle",
            "open",
            s(&bundle),
            "--identity",
            s(&c.key),
            "--out",
            s(&out_dir),
        ])
        .output()
        .expect("run");
    assert_success(&out, &["bundle", "open"]);
    let extracted: BTreeSet<String> = all_files(&out_dir)
        .iter()
        .map(|p| {
            p.strip_prefix(&out_dir)
                .expect("inside")
                .to_str()
                .expect("utf-8")
                .to_owned()
        })
        .collect();
    assert_eq!(extracted, archive.names());
    for (name, bytes) in &archive.entries {
        assert_eq!(
            &std::fs::read(out_dir.join(name)).expect("read"),
            bytes,
            "{name} differs from the archive"
        );
    }
    assert!(extracted.contains(&format!("records/{hostile}.json")));
    assert!(extracted.contains(&format!("attachments/{att}/statement.txt")));

    let html = std::fs::read_to_string(out_dir.join("report.html")).expect("report.html");
    assert!(html.contains(&hostile), "the report lists the incident");
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "script in report.html:\n{html}");
    assert!(!lower.contains("url("), "CSS url() in report.html:\n{html}");
    // Every real tag (text is escaped, so each `<` opens one): no scripts, images, frames or
    // links, and no attribute pointing anywhere.
    let tags: Vec<&str> = lower
        .split('<')
        .skip(1)
        .map(|rest| rest.split('>').next().unwrap_or(rest))
        .collect();
    assert!(tags.len() > 20, "report.html has too few tags: {html}");
    for tag in tags {
        let name = tag.split_whitespace().next().unwrap_or("");
        assert!(
            !["script", "img", "a", "link", "iframe", "object", "embed", "base", "form"]
                .contains(&name),
            "<{tag}> in report.html"
        );
        for bad in ["src=", "href=", "http:", "https:", "//"] {
            assert!(!tag.contains(bad), "<{tag}> in report.html refers out");
        }
    }
    // The hostile text is shown, escaped.
    assert!(html.contains("&lt;script&gt;alert("), "{html}");

    // A non-empty existing directory is refused, and left as it was.
    let busy = v.path("busy");
    std::fs::create_dir(&busy).expect("mkdir");
    std::fs::write(busy.join("mine.txt"), b"keep me").expect("write");
    let out = v
        .cmd_locked()
        .args([
            "bundle",
            "open",
            s(&bundle),
            "--identity",
            s(&c.key),
            "--out",
            s(&busy),
        ])
        .output()
        .expect("run");
    let line = assert_clear_failure(&out, "open into a non-empty directory");
    assert!(
        line.contains("overwrite") || line.contains("not empty"),
        "{line}"
    );
    assert_eq!(all_files(&busy), vec![busy.join("mine.txt")]);
    assert_eq!(
        std::fs::read(busy.join("mine.txt")).expect("read"),
        b"keep me"
    );
}

// ---------------------------------------------------------------------------------------------
// 7. Later disclosure.

#[test]
fn later_disclosure_reveals_the_original_value_and_forgeries_fail() {
    let v = TestVault::new();
    let c = keygen(&v, "counsel.key");
    let id = add_witnessed(&v);
    add_with_attachment(&v, "2026-11-21 09:00", &plain_attachment(&v));
    let bundle = export(
        &v,
        &c.recipient,
        &["--all", "--redact", "witnesses"],
        "bundle.age",
    );
    let log = v.json(&["exports"]);
    let export_id = log[0]["id"].as_str().expect("export id").to_owned();
    let shown = v.json(&["show", &id]);
    let original = shown["witnesses"].clone();
    assert_eq!(original[0]["name"], "Rosa Quintero-Valdez", "{shown}");

    let d = v.path("d.age");
    v.ok(&[
        "disclose",
        "--bundle-of",
        &export_id[..8],
        "--entry",
        &id[..8],
        "--field",
        "witnesses",
        "--to",
        &c.recipient,
        "--out",
        s(&d),
    ]);
    let (code, report, err) = verify(&v, &d, &c.key, &["--earlier", s(&bundle)]);
    assert_eq!(code, 0, "{report}\n{err}");
    assert_eq!(report["kind"], "disclosure");
    assert_eq!(report["supplements"], export_id.as_str());
    let r = record_report(&report, &id);
    assert_eq!(names(&r["disclosed"]), set(&["witnesses"]), "{r}");
    assert!(names(&r["withheld"]).contains("narrative.private.1"), "{r}");

    let disclosure = Archive::open(&d, &c.key);
    let record_path = format!("records/{id}.json");
    assert_eq!(
        disclosure.json(&record_path)["fields"]["witnesses"],
        original
    );
    let mut m = disclosure.manifest();
    let items = decode_disclosure(
        manifest_record(&mut m, &id)["disclosed"]["witnesses"]
            .as_str()
            .expect("disclosure"),
    );
    assert_eq!(items[1], "witnesses");
    assert_eq!(items[2], original);
    // Only the one record, and nothing about the attachment.
    assert_eq!(m["records"].as_array().map(Vec::len), Some(1));
    assert_eq!(m["attachments"], serde_json::json!([]));

    // A forged disclosure: another witness, consistently in the manifest and the record file.
    let mut forged = Archive {
        entries: disclosure.entries.clone(),
    };
    let mut items = items;
    items[2][0]["name"] = "Someone Else".into();
    manifest_record(&mut m, &id)["disclosed"]["witnesses"] = encode_disclosure(&items).into();
    forged.set_json("manifest.json", &m);
    let mut rf = forged.json(&record_path);
    rf["fields"]["witnesses"][0]["name"] = "Someone Else".into();
    forged.set_json(&record_path, &rf);
    let forged_path = v.path("forged.age");
    forged.seal(&c.recipient, &forged_path);
    let (code, report, err) = verify(&v, &forged_path, &c.key, &["--earlier", s(&bundle)]);
    assert_eq!(code, 4, "{report}\n{err}");
    assert!(problem_kinds(&report).contains("field_digest"), "{report}");
}

// ---------------------------------------------------------------------------------------------
// 8. Identifying metadata in attachments.

/// Identifying strings written into gps.jpg (tests/fixtures/media/README.md).
const JPEG_IDENTIFYING: [&str; 8] = [
    "BODY12345678",
    "LENS9876",
    "Jane Activist",
    "Jane XMP Creator",
    "Jane IPTC Byline",
    "Jane comment",
    "Canon EOS 5D",
    "FixtureTool",
];

#[test]
fn strip_metadata_and_the_identifying_metadata_guard() {
    let v = TestVault::new();
    let c = keygen(&v, "counsel.key");
    let jpg = fixture("gps.jpg");
    let original = std::fs::read(&jpg).expect("fixture");
    for item in JPEG_IDENTIFYING {
        assert!(contains(&original, item), "fixture lacks {item:?}");
    }
    let (id, att) = add_with_attachment(&v, "2026-11-21 09:00", &jpg);

    let stripped = export(&v, &c.recipient, &["--all", "--strip-metadata"], "s.age");
    let raw = decrypt(&stripped, &c.key);
    let archive = Archive::parse(&raw);
    let path = format!("attachments/{att}/gps.jpg");
    let copy = archive.get(&path);
    assert_eq!(&copy[..2], b"\xFF\xD8", "the copy is still a JPEG");
    assert_ne!(copy, original.as_slice());
    for item in JPEG_IDENTIFYING {
        assert!(!contains(copy, item), "{item:?} in the stripped copy");
        assert!(!contains(&raw, item), "{item:?} elsewhere in the bundle");
    }
    let m = archive.manifest();
    let a = &m["attachments"][0];
    assert_eq!(a["carries"], "stripped", "{a}");
    assert_eq!(a["file"], path.as_str());
    assert_eq!(a["file_sha256"], hex::encode(Sha256::digest(copy)).as_str());
    let report = verify_ok(&v, &stripped, &c.key);
    assert_eq!(report["attachments"][0]["carries"], "stripped");
    assert!(names(&report["attachments"][0]["withheld"]).contains("metadata"));

    // Without --strip-metadata and without a terminal: refused, nothing written.
    let refused = v.path("refused.age");
    let out = v.fails(&[
        "export",
        "--to",
        &c.recipient,
        "--all",
        "--out",
        s(&refused),
    ]);
    let err = stderr(&out);
    assert!(err.contains("--allow-identifying-metadata"), "{err}");
    assert!(
        err.contains("BODY12345678"),
        "the warning lists what it carries: {err}"
    );
    assert_ne!(out.status.code(), Some(101), "{err}");
    assert!(!refused.exists(), "a refused export left a file");

    let kept = export(
        &v,
        &c.recipient,
        &["--all", "--allow-identifying-metadata"],
        "o.age",
    );
    let archive = Archive::open(&kept, &c.key);
    let a = archive.manifest()["attachments"][0].clone();
    assert_eq!(a["carries"], "original", "{a}");
    let shown = v.json(&["show", &id]);
    let sha = shown["attachments"][0]["sha256"].as_str().expect("sha256");
    assert_eq!(a["file_sha256"], sha);
    assert_eq!(archive.get(&path), original.as_slice());
    verify_ok(&v, &kept, &c.key);
}

// ---------------------------------------------------------------------------------------------
// 9. The disclosure log.

#[test]
fn exports_are_logged_in_the_ledger() {
    let v = TestVault::new();
    let c = keygen(&v, "counsel.key");
    let id = add_witnessed(&v);
    let other = v.add_simple("A second, plain incident.");
    let n0 = info_ledger_entries(&v);
    export(
        &v,
        &c.recipient,
        &["--all", "--redact", "witnesses"],
        "one.age",
    );
    let n1 = info_ledger_entries(&v);
    assert_eq!(n1, n0 + 1, "one ledger entry per export");
    export(&v, &c.recipient, &["--entries", &other], "two.age");
    assert_eq!(info_ledger_entries(&v), n1 + 1);

    let out = v
        .cmd()
        .args(["--json", "verify", "--full"])
        .output()
        .expect("run");
    assert_success(&out, &["verify", "--full"]);

    let log = v.json(&["exports"]);
    let log = log.as_array().expect("list");
    assert_eq!(log.len(), 2, "{log:?}");
    assert_eq!(log[0]["kind"], "export");
    assert_eq!(log[0]["recipients"], serde_json::json!([c.recipient]));
    let first = &log[0]["records"];
    let rec = first
        .as_array()
        .expect("records")
        .iter()
        .find(|r| r["id"] == id.as_str())
        .expect("the witnessed incident is logged");
    assert_eq!(
        names(&rec["withheld"]),
        set(&["narrative.private.1", "witnesses"])
    );
    assert_eq!(first.as_array().map(Vec::len), Some(2));
    assert_eq!(log[1]["records"].as_array().map(Vec::len), Some(1));
    assert_eq!(log[1]["records"][0]["id"], other.as_str());
    assert_eq!(log[1]["records"][0]["withheld"], serde_json::json!([]));
    assert_ne!(log[0]["id"], log[1]["id"]);
}

// ---------------------------------------------------------------------------------------------
// 10. Selection.

fn add_at(v: &TestVault, when: &str, tag: &str) -> String {
    let mut args = vec![
        "add", "--kind", "visited", "--when", when, "--what", "A visit.",
    ];
    if !tag.is_empty() {
        args.extend(["--tag", tag]);
    }
    v.json(&args)["id"].as_str().expect("id").to_owned()
}

#[test]
fn selection_picks_the_right_incidents_and_typos_are_refused() {
    let v = TestVault::new();
    let c = keygen(&v, "counsel.key");
    let a = add_at(&v, "2026-09-10 10:00", "raid");
    let b = add_at(&v, "2026-10-15 09:00", "court");
    let d = add_at(&v, "2026-11-20 14:30", "raid");
    let selected = |flags: &[&str], name: &str| -> BTreeSet<String> {
        let bundle = export(&v, &c.recipient, flags, name);
        let report = verify_ok(&v, &bundle, &c.key);
        report["records"]
            .as_array()
            .expect("records")
            .iter()
            .map(|r| r["id"].as_str().expect("id").to_owned())
            .collect()
    };
    let ids =
        |list: &[&String]| -> BTreeSet<String> { list.iter().map(|s| s.to_string()).collect() };

    assert_eq!(
        selected(&["--entries", &a[..6], &b[..7]], "entries.age"),
        ids(&[&a, &b])
    );
    assert_eq!(selected(&["--tag", "raid"], "tag.age"), ids(&[&a, &d]));
    assert_eq!(
        selected(
            &["--since", "2026-10-01", "--until", "2026-10-31"],
            "range.age"
        ),
        ids(&[&b])
    );
    assert_eq!(
        selected(&["--since", "2026-10-01"], "since.age"),
        ids(&[&b, &d])
    );
    assert_eq!(
        selected(&["--until", "2026-10-01"], "until.age"),
        ids(&[&a])
    );

    // A typo in --redact must not silently disclose the field.
    let before = info_ledger_entries(&v);
    let typo = v.path("typo.age");
    let out = v.fails(&[
        "export",
        "--to",
        &c.recipient,
        "--all",
        "--redact",
        "witness",
        "--out",
        s(&typo),
    ]);
    let line = assert_clear_failure(&out, "--redact witness");
    assert!(
        line.contains("witness") && line.contains("witnesses"),
        "{line}"
    );
    assert!(!typo.exists(), "a refused export left a file");
    assert_eq!(
        info_ledger_entries(&v),
        before,
        "a refused export was logged"
    );
}
