//! RFC 3161 timestamps of checkpoints (`vault anchor`), against a local timestamp authority made
//! in each test by `openssl` (a CA, a TSA certificate with the timeStamping key usage, and
//! `openssl ts -reply`). No test touches the network.
//!
//! Import refuses the four bad answers (a token for another checkpoint, a changed token, a token
//! from an authority that does not chain to the certificate given, a replayed answer); `verify`
//! reports the same four when someone without the passphrase swaps the stored tokens; and
//! `openssl ts -verify` accepts the token `vault anchor export` writes.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{self, TestVault};

/// A local timestamp authority: its CA, its signing certificate and key, `openssl ts` config.
pub struct Tsa {
    pub dir: PathBuf,
    pub ca: PathBuf,
}

fn openssl(args: &[&str], dir: &Path) -> std::process::Output {
    let out = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("openssl must be installed for these tests (.ci/run installs it)");
    assert!(
        out.status.success(),
        "openssl {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

impl Tsa {
    /// A CA named `name` and a TSA certificate it issued (RSA 2048, SHA-256).
    pub fn new(root: &Path, name: &str) -> Tsa {
        let dir = root.join(format!("tsa-{name}"));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("ext.cnf"),
            "basicConstraints = CA:FALSE\nkeyUsage = critical, digitalSignature, nonRepudiation\nextendedKeyUsage = critical, timeStamping\n",
        )
        .unwrap();
        let ca_subject = format!("/CN=Test CA {name}");
        openssl(
            &[
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                "ca.key",
                "-out",
                "ca.pem",
                "-days",
                "3650",
                "-subj",
                &ca_subject,
                "-addext",
                "basicConstraints=critical,CA:TRUE",
                "-addext",
                "keyUsage=critical,keyCertSign,cRLSign",
            ],
            &dir,
        );
        let tsa_subject = format!("/CN=Test TSA {name}");
        openssl(
            &[
                "req",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                "tsa.key",
                "-out",
                "tsa.csr",
                "-subj",
                &tsa_subject,
            ],
            &dir,
        );
        openssl(
            &[
                "x509",
                "-req",
                "-in",
                "tsa.csr",
                "-CA",
                "ca.pem",
                "-CAkey",
                "ca.key",
                "-CAcreateserial",
                "-out",
                "tsa.pem",
                "-days",
                "3650",
                "-extfile",
                "ext.cnf",
            ],
            &dir,
        );
        std::fs::write(dir.join("serial"), "01\n").unwrap();
        let d = dir.display();
        std::fs::write(
            dir.join("tsa.cnf"),
            format!(
                "[ tsa ]\ndefault_tsa = tsa_config\n[ tsa_config ]\nserial = {d}/serial\nsigner_cert = {d}/tsa.pem\ncerts = {d}/ca.pem\nsigner_key = {d}/tsa.key\nsigner_digest = sha256\ndefault_policy = 1.2.3.4.1\ndigests = sha256\naccuracy = secs:1\ness_cert_id_alg = sha256\n"
            ),
        )
        .unwrap();
        Tsa {
            ca: dir.join("ca.pem"),
            dir,
        }
    }

    /// `openssl ts -reply`: the authority's answer to `query`, written to `out`.
    pub fn reply(&self, query: &Path, out: &Path) {
        openssl(
            &[
                "ts",
                "-reply",
                "-config",
                "tsa.cnf",
                "-queryfile",
                query.to_str().unwrap(),
                "-out",
                out.to_str().unwrap(),
            ],
            &self.dir,
        );
    }
}

/// The token (DER `ContentInfo`) inside an answer, as `openssl ts -reply -token_out` writes it.
pub fn token_of(answer: &Path, dir: &Path) -> Vec<u8> {
    let out = dir.join(format!(
        "{}.token",
        answer.file_name().unwrap().to_string_lossy()
    ));
    openssl(
        &[
            "ts",
            "-reply",
            "-in",
            answer.to_str().unwrap(),
            "-token_out",
            "-out",
            out.to_str().unwrap(),
        ],
        dir,
    );
    std::fs::read(out).unwrap()
}

/// `vault anchor request`, the authority's answer, `vault anchor import`: returns the answer.
pub fn stamp(v: &TestVault, tsa: &Tsa, name: &str) -> PathBuf {
    let (q, r) = (
        v.path(&format!("{name}.tsq")),
        v.path(&format!("{name}.tsr")),
    );
    v.ok(&["anchor", "request", "--out", q.to_str().unwrap()]);
    tsa.reply(&q, &r);
    v.ok(&[
        "anchor",
        "import",
        r.to_str().unwrap(),
        "--tsa-cert",
        tsa.ca.to_str().unwrap(),
    ]);
    r
}

fn verify_json(v: &TestVault) -> serde_json::Value {
    let out = v
        .cmd_locked()
        .args(["--json", "verify"])
        .output()
        .expect("run");
    serde_json::from_str(&common::stdout(&out)).expect("verify --json")
}

fn kinds(report: &serde_json::Value) -> Vec<String> {
    report["report"]["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["kind"].as_str().unwrap().to_owned())
        .collect()
}

fn set_token(v: &TestVault, leaf: i64, token: &[u8]) {
    let c = rusqlite::Connection::open(v.db()).unwrap();
    let n = c
        .execute(
            "UPDATE anchors SET token = ?1 WHERE leaf_index = ?2",
            rusqlite::params![token, leaf],
        )
        .unwrap();
    assert_eq!(n, 1);
}

fn stored_tokens(v: &TestVault) -> Vec<(i64, Vec<u8>)> {
    let c = rusqlite::Connection::open(v.db()).unwrap();
    let mut s = c
        .prepare("SELECT leaf_index, token FROM anchors ORDER BY leaf_index")
        .unwrap();
    let rows = s
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<Vec<_>>>()
        .unwrap();
    rows
}

/// A vault with one incident, signed (a receipt makes the checkpoint).
fn signed_vault() -> TestVault {
    let v = TestVault::new();
    v.add_simple("grey SUV followed me");
    v.ok(&["receipt", "--out", v.path("receipt.txt").to_str().unwrap()]);
    v
}

#[test]
fn request_answer_import_verify_and_openssl_accepts_the_exported_token() {
    let v = signed_vault();
    let tsa = Tsa::new(v.tmp.path(), "one");
    let q = v.path("a.tsq");
    let r = v.path("a.tsr");
    // No passphrase is needed to make the request.
    let out = v
        .cmd_locked()
        .args(["anchor", "request", "--out", q.to_str().unwrap()])
        .output()
        .unwrap();
    common::assert_success(&out, &["anchor", "request"]);
    tsa.reply(&q, &r);
    // The request and answer agree for openssl too.
    let ok = openssl(
        &[
            "ts",
            "-verify",
            "-in",
            r.to_str().unwrap(),
            "-queryfile",
            q.to_str().unwrap(),
            "-CAfile",
            tsa.ca.to_str().unwrap(),
        ],
        v.tmp.path(),
    );
    assert!(common::stdout(&ok).contains("Verification: OK"));
    let imported = v.ok(&[
        "anchor",
        "import",
        r.to_str().unwrap(),
        "--tsa-cert",
        tsa.ca.to_str().unwrap(),
    ]);
    assert!(
        imported.contains("existed no later than") && imported.contains("Test TSA one"),
        "{imported}"
    );

    // verify (no passphrase) reports the anchor and no problem.
    let report = verify_json(&v);
    assert_eq!(report["ok"], true, "{report}");
    let anchors = report["report"]["anchors"].as_array().unwrap();
    assert_eq!(anchors.len(), 1);
    assert!(anchors[0]["tsa"].as_str().unwrap().contains("Test TSA one"));
    let human = common::stdout(&v.cmd_locked().arg("verify").output().unwrap());
    assert!(
        human.contains("existed no later than") && human.contains("per TSA"),
        "{human}"
    );

    // The stored token, checked by openssl alone against the stamped checkpoint note.
    let (tok, note) = (v.path("token.der"), v.path("note.txt"));
    v.ok(&[
        "anchor",
        "export",
        "--out",
        tok.to_str().unwrap(),
        "--note",
        note.to_str().unwrap(),
    ]);
    let ok = openssl(
        &[
            "ts",
            "-verify",
            "-token_in",
            "-in",
            tok.to_str().unwrap(),
            "-data",
            note.to_str().unwrap(),
            "-CAfile",
            tsa.ca.to_str().unwrap(),
        ],
        v.tmp.path(),
    );
    assert!(common::stdout(&ok).contains("Verification: OK"));
    // The note stamped is the receipt the owner kept (same checkpoint, byte for byte).
    assert_eq!(
        std::fs::read(&note).unwrap(),
        std::fs::read(v.path("receipt.txt")).unwrap()
    );
}

#[test]
fn import_refuses_another_checkpoint_a_changed_token_an_untrusted_tsa_and_a_replay() {
    let v = signed_vault();
    let tsa = Tsa::new(v.tmp.path(), "good");
    let other = Tsa::new(v.tmp.path(), "other");
    let import = |answer: &Path, ca: &Path| {
        let out = v.fails(&[
            "anchor",
            "import",
            answer.to_str().unwrap(),
            "--tsa-cert",
            ca.to_str().unwrap(),
        ]);
        common::one_line_error(&out)
    };
    let q = v.path("q.tsq");
    v.ok(&["anchor", "request", "--out", q.to_str().unwrap()]);

    // A token for something else than the checkpoint asked for.
    std::fs::write(v.path("other.txt"), "another note\n").unwrap();
    let q_other = v.path("other.tsq");
    openssl(
        &[
            "ts",
            "-query",
            "-data",
            "other.txt",
            "-sha256",
            "-cert",
            "-out",
            q_other.to_str().unwrap(),
        ],
        v.tmp.path(),
    );
    let r_other = v.path("other.tsr");
    tsa.reply(&q_other, &r_other);
    let err = import(&r_other, &tsa.ca);
    assert!(
        err.contains("something other than this checkpoint"),
        "{err}"
    );

    // A changed token: one byte of the signature flipped.
    let r = v.path("q.tsr");
    tsa.reply(&q, &r);
    let mut bytes = std::fs::read(&r).unwrap();
    let at = bytes.len() - 10;
    bytes[at] ^= 0x01;
    let r_changed = v.path("changed.tsr");
    std::fs::write(&r_changed, &bytes).unwrap();
    let err = import(&r_changed, &tsa.ca);
    assert!(err.contains("signature does not verify"), "{err}");

    // An authority that does not chain to the certificate given.
    let r_untrusted = v.path("untrusted.tsr");
    other.reply(&q, &r_untrusted);
    let err = import(&r_untrusted, &tsa.ca);
    assert!(
        err.contains("does not chain") && err.contains("Test TSA other"),
        "{err}"
    );

    // A replay: an answer to an earlier request, once a newer one is pending...
    let q2 = v.path("q2.tsq");
    v.ok(&["anchor", "request", "--out", q2.to_str().unwrap()]);
    let err = import(&r, &tsa.ca);
    assert!(err.contains("nonce"), "{err}");
    // ... and the same answer imported twice.
    let r2 = v.path("q2.tsr");
    tsa.reply(&q2, &r2);
    v.ok(&[
        "anchor",
        "import",
        r2.to_str().unwrap(),
        "--tsa-cert",
        tsa.ca.to_str().unwrap(),
    ]);
    let err = import(&r2, &tsa.ca);
    assert!(err.contains("no timestamp request is waiting"), "{err}");
    // Nothing refused was stored.
    assert_eq!(stored_tokens(&v).len(), 1);
    assert_eq!(verify_json(&v)["ok"], true);
}

#[test]
fn verify_reports_a_changed_token() {
    let v = signed_vault();
    let tsa = Tsa::new(v.tmp.path(), "one");
    stamp(&v, &tsa, "a");
    let (leaf, mut token) = stored_tokens(&v).remove(0);
    let at = token.len() - 10;
    token[at] ^= 0x01;
    set_token(&v, leaf, &token);
    let report = verify_json(&v);
    assert_eq!(kinds(&report), ["anchor_token"], "{report}");
}

#[test]
fn verify_reports_tokens_swapped_between_checkpoints() {
    let v = signed_vault();
    let tsa = Tsa::new(v.tmp.path(), "one");
    stamp(&v, &tsa, "a");
    v.add_simple("a second incident");
    v.ok(&["receipt", "--out", v.path("receipt2.txt").to_str().unwrap()]);
    stamp(&v, &tsa, "b");
    let rows = stored_tokens(&v);
    assert_eq!(rows.len(), 2);
    set_token(&v, rows[0].0, &rows[1].1);
    set_token(&v, rows[1].0, &rows[0].1);
    let report = verify_json(&v);
    assert_eq!(
        kinds(&report),
        ["anchor_checkpoint", "anchor_checkpoint"],
        "{report}"
    );
}

#[test]
fn verify_reports_a_token_from_an_untrusted_tsa() {
    let v = signed_vault();
    let tsa = Tsa::new(v.tmp.path(), "one");
    let other = Tsa::new(v.tmp.path(), "other");
    stamp(&v, &tsa, "a");
    // The other authority answers the very same request (same imprint, same nonce).
    let r_other = v.path("a-other.tsr");
    other.reply(&v.path("a.tsq"), &r_other);
    let token = token_of(&r_other, v.tmp.path());
    let (leaf, _) = stored_tokens(&v).remove(0);
    set_token(&v, leaf, &token);
    let report = verify_json(&v);
    assert_eq!(kinds(&report), ["anchor_untrusted"], "{report}");
}

#[test]
fn verify_reports_an_answer_to_another_request() {
    let v = signed_vault();
    let tsa = Tsa::new(v.tmp.path(), "one");
    // Two requests for the same checkpoint: the first answered but never imported.
    let q1 = v.path("first.tsq");
    v.ok(&["anchor", "request", "--out", q1.to_str().unwrap()]);
    let r1 = v.path("first.tsr");
    tsa.reply(&q1, &r1);
    stamp(&v, &tsa, "second");
    let token = token_of(&r1, v.tmp.path());
    let (leaf, _) = stored_tokens(&v).remove(0);
    set_token(&v, leaf, &token);
    let report = verify_json(&v);
    assert_eq!(kinds(&report), ["anchor_nonce"], "{report}");
}

#[test]
fn a_vault_without_timestamps_has_no_anchors_table_and_verifies_as_before() {
    let v = signed_vault();
    let report = verify_json(&v);
    assert_eq!(report["ok"], true);
    assert!(report["report"].get("anchors").is_none(), "{report}");
    let c = rusqlite::Connection::open(v.db()).unwrap();
    let n: i64 = c
        .query_row(
            "SELECT COUNT(*) FROM sqlite_schema WHERE name = 'anchors'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, 0);
}

#[test]
fn a_request_says_what_it_leaves_out() {
    let v = signed_vault();
    v.add_simple("logged after the last signature");
    let q = v.path("q.tsq");
    let out = v
        .cmd_locked()
        .args(["anchor", "request", "--out", q.to_str().unwrap()])
        .output()
        .unwrap();
    common::assert_success(&out, &["anchor", "request"]);
    let err = common::stderr(&out);
    assert!(
        err.contains("the newest ledger entry is not signed yet"),
        "{err}"
    );
}
