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

    /// A second signing certificate from this authority's CA, valid only in January 2020 (long
    /// before any token made now): `openssl ca` sets past dates, which `openssl x509 -days`
    /// cannot. `openssl ts -reply` signs with it all the same.
    pub fn expired_signer(&self) -> Tsa {
        let dir = self.dir.join("expired");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::copy(self.dir.join("ext.cnf"), dir.join("ext.cnf")).unwrap();
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
                "/CN=Expired TSA",
            ],
            &dir,
        );
        std::fs::write(dir.join("index.txt"), "").unwrap();
        std::fs::write(dir.join("caserial"), "10\n").unwrap();
        std::fs::write(
            dir.join("ca.cnf"),
            "[ ca ]\ndefault_ca = test_ca\n[ test_ca ]\ndatabase = index.txt\nnew_certs_dir = .\nserial = caserial\ndefault_md = sha256\npolicy = any\nunique_subject = no\n[ any ]\ncommonName = supplied\n",
        )
        .unwrap();
        let (ca, ca_key) = (self.ca.clone(), self.dir.join("ca.key"));
        openssl(
            &[
                "ca",
                "-batch",
                "-config",
                "ca.cnf",
                "-cert",
                ca.to_str().unwrap(),
                "-keyfile",
                ca_key.to_str().unwrap(),
                "-in",
                "tsa.csr",
                "-out",
                "tsa.pem",
                "-startdate",
                "20200101000000Z",
                "-enddate",
                "20200201000000Z",
                "-extfile",
                "ext.cnf",
                "-notext",
            ],
            &dir,
        );
        std::fs::write(dir.join("serial"), "01\n").unwrap();
        let d = dir.display();
        std::fs::write(
            dir.join("tsa.cnf"),
            format!(
                "[ tsa ]\ndefault_tsa = tsa_config\n[ tsa_config ]\nserial = {d}/serial\nsigner_cert = {d}/tsa.pem\ncerts = {}\nsigner_key = {d}/tsa.key\nsigner_digest = sha256\ndefault_policy = 1.2.3.4.1\ndigests = sha256\naccuracy = secs:1\ness_cert_id_alg = sha256\n",
                ca.display()
            ),
        )
        .unwrap();
        Tsa { dir, ca }
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
    v.verify_report()
}

fn kinds(report: &serde_json::Value) -> Vec<String> {
    common::problem_kinds(report)
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

/// How many timestamps are stored (0 when the vault never stored one: no `anchors` table).
fn anchor_count(v: &TestVault) -> i64 {
    let c = rusqlite::Connection::open(v.db()).unwrap();
    let table: i64 = c
        .query_row(
            "SELECT COUNT(*) FROM sqlite_schema WHERE name = 'anchors'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    if table == 0 {
        return 0;
    }
    c.query_row("SELECT COUNT(*) FROM anchors", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn import_refuses_a_tsa_certificate_expired_at_the_tokens_time() {
    let v = signed_vault();
    let tsa = Tsa::new(v.tmp.path(), "one");
    let expired = tsa.expired_signer();
    let (q, r) = (v.path("q.tsq"), v.path("q.tsr"));
    v.ok(&["anchor", "request", "--out", q.to_str().unwrap()]);
    // Same CA, good signature, timeStamping usage: only the dates are wrong.
    expired.reply(&q, &r);
    let out = v.fails(&[
        "anchor",
        "import",
        r.to_str().unwrap(),
        "--tsa-cert",
        tsa.ca.to_str().unwrap(),
    ]);
    let err = common::one_line_error(&out);
    assert!(
        err.contains("Expired TSA")
            && err.contains("was not valid at the token's time")
            && err.contains("2020-02-01 00:00:00 UTC"),
        "{err}"
    );
    assert_eq!(anchor_count(&v), 0);
    assert_eq!(verify_json(&v)["ok"], true);
    // The request is still pending: the valid signer's answer to it is accepted.
    tsa.reply(&q, &r);
    v.ok(&[
        "anchor",
        "import",
        r.to_str().unwrap(),
        "--tsa-cert",
        tsa.ca.to_str().unwrap(),
    ]);
    assert_eq!(anchor_count(&v), 1);
}

#[test]
fn verify_reports_a_token_whose_certificate_had_expired() {
    let v = signed_vault();
    let tsa = Tsa::new(v.tmp.path(), "one");
    stamp(&v, &tsa, "a");
    // The expired signer answers the very same request (same imprint, same nonce, same CA):
    // planted in place of the stored token, as import would refuse it.
    let expired = tsa.expired_signer();
    let r = v.path("a-expired.tsr");
    expired.reply(&v.path("a.tsq"), &r);
    let token = token_of(&r, v.tmp.path());
    let (leaf, _) = stored_tokens(&v).remove(0);
    set_token(&v, leaf, &token);
    let report = verify_json(&v);
    assert_eq!(kinds(&report), ["anchor_validity"], "{report}");
    let detail = report["report"]["problems"][0]["detail"].as_str().unwrap();
    assert!(detail.contains("Expired TSA"), "{report}");
}

// --- `vault anchor request --tsa URL`: a local HTTP authority on 127.0.0.1 (never the network).

/// How a local HTTP authority answers the one request it reads.
#[derive(Clone, Copy)]
enum Answer {
    /// `openssl ts -reply` to the body, 200, `application/timestamp-reply`.
    Tsa,
    /// 500 Internal Server Error.
    Status500,
    /// 200 with an HTML page.
    WrongType,
    /// 200, the right type, a body of 2 MiB (more than vault reads).
    Oversize,
    /// Reads the request and never answers (holds the connection for 20 s).
    Silent,
    /// Writes plain HTTP at once, whatever the client says (a TLS client gets no handshake).
    NotTls,
}

/// What the server saw: the request line and headers (lower-cased names), and the body.
struct Seen {
    head: String,
    body: Vec<u8>,
}

/// A one-request HTTP authority on 127.0.0.1: returns its base URL and the thread, which gives
/// back what it read.
fn serve(tsa: &Tsa, answer: Answer) -> (String, std::thread::JoinHandle<Seen>) {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let dir = tsa.dir.clone();
    let handle = std::thread::spawn(move || {
        let (mut conn, _) = listener.accept().unwrap();
        if let Answer::NotTls = answer {
            let _ = conn.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
            return Seen {
                head: String::new(),
                body: Vec::new(),
            };
        }
        conn.set_read_timeout(Some(std::time::Duration::from_secs(20)))
            .unwrap();
        let mut data = Vec::new();
        let mut buf = [0u8; 4096];
        let head_end = loop {
            let n = conn.read(&mut buf).unwrap();
            assert!(n > 0, "the client closed before sending its request");
            data.extend_from_slice(&buf[..n]);
            if let Some(i) = data.windows(4).position(|w| w == b"\r\n\r\n") {
                break i + 4;
            }
        };
        let head = String::from_utf8_lossy(&data[..head_end]).to_lowercase();
        let length: usize = head
            .lines()
            .find_map(|l| l.strip_prefix("content-length:"))
            .map(|v| v.trim().parse().unwrap())
            .unwrap_or(0);
        while data.len() < head_end + length {
            let n = conn.read(&mut buf).unwrap();
            assert!(n > 0, "the client closed before sending its body");
            data.extend_from_slice(&buf[..n]);
        }
        let body = data[head_end..head_end + length].to_vec();
        let reply = |conn: &mut std::net::TcpStream, status: &str, ctype: &str, body: &[u8]| {
            let _ = conn.write_all(
                format!(
                    "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                )
                .as_bytes(),
            );
            let _ = conn.write_all(body);
        };
        match answer {
            Answer::Tsa => {
                let (q, r) = (dir.join("http.tsq"), dir.join("http.tsr"));
                std::fs::write(&q, &body).unwrap();
                openssl(
                    &[
                        "ts",
                        "-reply",
                        "-config",
                        "tsa.cnf",
                        "-queryfile",
                        q.to_str().unwrap(),
                        "-out",
                        r.to_str().unwrap(),
                    ],
                    &dir,
                );
                let answer = std::fs::read(&r).unwrap();
                reply(&mut conn, "200 OK", "application/timestamp-reply", &answer);
            }
            Answer::Status500 => reply(
                &mut conn,
                "500 Internal Server Error",
                "text/plain",
                b"broken",
            ),
            Answer::WrongType => reply(
                &mut conn,
                "200 OK",
                "text/html; charset=utf-8",
                b"<html>captive portal</html>",
            ),
            Answer::Oversize => reply(
                &mut conn,
                "200 OK",
                "application/timestamp-reply",
                &vec![0x30; 2 << 20],
            ),
            Answer::Silent => std::thread::sleep(std::time::Duration::from_secs(20)),
            Answer::NotTls => unreachable!(),
        }
        Seen { head, body }
    });
    (format!("http://127.0.0.1:{port}/tsr"), handle)
}

/// The binary with the passphrase and no proxy from the environment (the local authority is
/// reached directly).
fn tsa_cmd(v: &TestVault, args: &[&str]) -> std::process::Output {
    let mut c = v.cmd();
    for var in [
        "ALL_PROXY",
        "all_proxy",
        "HTTP_PROXY",
        "http_proxy",
        "HTTPS_PROXY",
        "https_proxy",
    ] {
        c.env_remove(var);
    }
    c.args(args).output().expect("run")
}

#[test]
fn request_with_tsa_sends_checks_and_stores_the_answer_in_one_step() {
    let v = signed_vault();
    let tsa = Tsa::new(v.tmp.path(), "http");
    let (url, server) = serve(&tsa, Answer::Tsa);
    let q = v.path("sent.tsq");
    let out = tsa_cmd(
        &v,
        &[
            "anchor",
            "request",
            "--tsa",
            &url,
            "--tsa-cert",
            tsa.ca.to_str().unwrap(),
            "--out",
            q.to_str().unwrap(),
        ],
    );
    common::assert_success(&out, &["anchor", "request", "--tsa"]);
    let printed = common::stdout(&out);
    assert!(
        printed.contains("existed no later than") && printed.contains("Test TSA http"),
        "{printed}"
    );
    let notes = common::stderr(&out);
    assert!(notes.contains("your IP address"), "{notes}");
    // What went over the wire: a POST of the very request written to --out, typed as RFC 3161
    // says.
    let seen = server.join().unwrap();
    assert!(
        seen.head.starts_with("post /tsr http/1.1\r\n"),
        "{}",
        seen.head
    );
    assert!(
        seen.head
            .contains("content-type: application/timestamp-query\r\n"),
        "{}",
        seen.head
    );
    assert_eq!(seen.body, std::fs::read(&q).unwrap());
    assert_eq!(anchor_count(&v), 1);
    let report = verify_json(&v);
    assert_eq!(report["ok"], true, "{report}");
    let anchors = report["report"]["anchors"].as_array().unwrap();
    assert_eq!(anchors.len(), 1, "{report}");
    assert!(anchors[0]["tsa"]
        .as_str()
        .unwrap()
        .contains("Test TSA http"));
    // The request was answered: nothing is pending any more.
    let r = v.path("late.tsr");
    tsa.reply(&q, &r);
    let err = common::one_line_error(&v.fails(&[
        "anchor",
        "import",
        r.to_str().unwrap(),
        "--tsa-cert",
        tsa.ca.to_str().unwrap(),
    ]));
    assert!(err.contains("no timestamp request is waiting"), "{err}");
}

#[test]
fn request_with_tsa_and_no_out_needs_no_file_and_json_reports_the_anchor() {
    let v = signed_vault();
    let tsa = Tsa::new(v.tmp.path(), "json");
    let (url, server) = serve(&tsa, Answer::Tsa);
    let out = tsa_cmd(
        &v,
        &[
            "--json",
            "anchor",
            "request",
            "--tsa",
            &url,
            "--tsa-cert",
            tsa.ca.to_str().unwrap(),
        ],
    );
    common::assert_success(&out, &["anchor", "request", "--tsa"]);
    server.join().unwrap();
    let json: serde_json::Value = serde_json::from_str(&common::stdout(&out)).unwrap();
    let report = verify_json(&v);
    assert_eq!(
        json["size"], report["report"]["anchors"][0]["size"],
        "{json}"
    );
    assert!(
        json["tsa"].as_str().unwrap().contains("Test TSA json"),
        "{json}"
    );
    assert_eq!(anchor_count(&v), 1);
}

/// `vault anchor request --tsa URL --out q.tsq`: fails with one error line that contains
/// `expect`; nothing is stored and verify stays clean; the request written stays pending, so
/// the offline way still works with it.
fn fails_cleanly(v: &TestVault, tsa: &Tsa, url: &str, extra: &[&str], expect: &str, name: &str) {
    let q = v.path(&format!("{name}.tsq"));
    let mut args = vec![
        "anchor",
        "request",
        "--tsa",
        url,
        "--tsa-cert",
        tsa.ca.to_str().unwrap(),
        "--out",
        q.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let before = anchor_count(v);
    let out = tsa_cmd(v, &args);
    let err = common::one_line_error(&out);
    assert!(err.contains(expect), "{name}: {err}");
    assert_eq!(out.status.code(), Some(1), "{name}");
    assert_eq!(anchor_count(v), before, "{name}");
    assert_eq!(verify_json(v)["ok"], true, "{name}");
    if q.exists() {
        let r = v.path(&format!("{name}.tsr"));
        tsa.reply(&q, &r);
        v.ok(&[
            "anchor",
            "import",
            r.to_str().unwrap(),
            "--tsa-cert",
            tsa.ca.to_str().unwrap(),
        ]);
        assert_eq!(
            anchor_count(v),
            before + 1,
            "{name}: the offline way after the failure"
        );
    }
}

#[test]
fn an_authority_answering_500_stores_nothing() {
    let v = signed_vault();
    let tsa = Tsa::new(v.tmp.path(), "one");
    let (url, server) = serve(&tsa, Answer::Status500);
    fails_cleanly(&v, &tsa, &url, &[], "HTTP status 500", "status");
    server.join().unwrap();
}

#[test]
fn an_answer_of_another_content_type_stores_nothing() {
    let v = signed_vault();
    let tsa = Tsa::new(v.tmp.path(), "one");
    let (url, server) = serve(&tsa, Answer::WrongType);
    fails_cleanly(&v, &tsa, &url, &[], "content type \"text/html\"", "type");
    server.join().unwrap();
}

#[test]
fn an_oversize_answer_stores_nothing() {
    let v = signed_vault();
    let tsa = Tsa::new(v.tmp.path(), "one");
    let (url, server) = serve(&tsa, Answer::Oversize);
    fails_cleanly(&v, &tsa, &url, &[], "longer than 1 MiB", "oversize");
    server.join().unwrap();
}

#[test]
fn an_authority_that_never_answers_times_out_and_stores_nothing() {
    let v = signed_vault();
    let tsa = Tsa::new(v.tmp.path(), "one");
    let (url, _server) = serve(&tsa, Answer::Silent);
    let start = std::time::Instant::now();
    fails_cleanly(
        &v,
        &tsa,
        &url,
        &["--tsa-timeout", "2"],
        "did not answer within 2 seconds",
        "silent",
    );
    assert!(start.elapsed() < std::time::Duration::from_secs(15));
    // The server thread is left to finish its sleep on its own.
}

#[test]
fn an_unreachable_authority_and_a_bad_address_store_nothing() {
    let v = signed_vault();
    let tsa = Tsa::new(v.tmp.path(), "one");
    // A port nobody listens on (bound, then closed).
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    fails_cleanly(
        &v,
        &tsa,
        &format!("http://127.0.0.1:{port}/"),
        &[],
        "could not be reached",
        "closed",
    );
    // https to a server that does not speak TLS: the handshake fails, nothing is stored.
    let (url, server) = serve(&tsa, Answer::NotTls);
    let url = url.replace("http://", "https://");
    fails_cleanly(&v, &tsa, &url, &[], "could not be reached", "notls");
    server.join().unwrap();
    // Refused before anything is written, unlocked or sent.
    for (i, bad) in ["ftp://127.0.0.1/tsr", "127.0.0.1/tsr", "file:///etc/passwd"]
        .iter()
        .enumerate()
    {
        let name = format!("bad{i}");
        fails_cleanly(
            &v,
            &tsa,
            bad,
            &[],
            "is not a timestamp authority address",
            &name,
        );
        assert!(!v.path(&format!("{name}.tsq")).exists(), "{bad}");
    }
}

#[test]
fn tsa_needs_a_certificate_and_the_offline_request_still_needs_out() {
    let v = signed_vault();
    let out = tsa_cmd(&v, &["anchor", "request", "--tsa", "http://127.0.0.1:9/"]);
    assert_eq!(out.status.code(), Some(2), "{}", common::stderr(&out));
    assert!(common::stderr(&out).contains("--tsa-cert"));
    let out = tsa_cmd(&v, &["anchor", "request"]);
    assert_eq!(out.status.code(), Some(2), "{}", common::stderr(&out));
    assert!(common::stderr(&out).contains("--out"));
    let out = tsa_cmd(
        &v,
        &[
            "anchor",
            "request",
            "--out",
            "x.tsq",
            "--tsa-cert",
            "ca.pem",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", common::stderr(&out));
    assert_eq!(anchor_count(&v), 0);
}

/// Someone who can write to the vault folder, without the passphrase, gets a token for the
/// vault's real checkpoint from an authority of their own (the request needs no passphrase) and
/// appends the ledger entry and row `anchor import` would have written (they hold no secret).
/// `verify` reports the entry as forged and lists no timestamp; the owner's next unlock refuses
/// to sign over it.
#[test]
fn a_timestamp_appended_without_the_passphrase_is_forged_and_never_counted() {
    let v = signed_vault();
    let evil = Tsa::new(v.tmp.path(), "Evil");
    // The exact entry and row `anchor import` writes, taken from a copy imported elsewhere.
    let copy = v.path("copy");
    let cp = Command::new("cp")
        .args(["-a", v.dir.to_str().unwrap(), copy.to_str().unwrap()])
        .status()
        .unwrap();
    assert!(cp.success());
    let in_copy = |args: &[&str]| {
        let out = v
            .cmd_at(&copy)
            .env("VAULT_STATE_DIR", v.path("copy-state"))
            .args(args)
            .output()
            .unwrap();
        common::assert_success(&out, args);
    };
    let (q, r) = (v.path("evil.tsq"), v.path("evil.tsr"));
    in_copy(&["anchor", "request", "--out", q.to_str().unwrap()]);
    evil.reply(&q, &r);
    in_copy(&[
        "anchor",
        "import",
        r.to_str().unwrap(),
        "--tsa-cert",
        evil.ca.to_str().unwrap(),
    ]);
    let c = rusqlite::Connection::open(v.db()).unwrap();
    c.execute(
        "ATTACH DATABASE ?1 AS copy",
        [copy.join("vault.db").to_str().unwrap()],
    )
    .unwrap();
    // The table as vault creates it (its definition is checked), then the entry and the row.
    let table: String = c
        .query_row(
            "SELECT sql FROM copy.sqlite_master WHERE name = 'anchors'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    c.execute_batch(&table).unwrap();
    c.execute_batch(
        "INSERT INTO main.ledger SELECT * FROM copy.ledger WHERE leaf_index IN (SELECT leaf_index FROM copy.anchors);
         INSERT INTO main.anchors SELECT * FROM copy.anchors;",
    )
    .unwrap();
    drop(c);

    let report = verify_json(&v);
    assert!(
        kinds(&report).contains(&"forged_entry".to_owned()),
        "{report}"
    );
    assert_eq!(
        report["report"]["anchors"].as_array().map_or(0, Vec::len),
        0,
        "a forged entry proves nothing: {report}"
    );
    let human = common::stdout(&v.cmd_locked().arg("verify").output().unwrap());
    assert!(!human.contains("existed no later than"), "{human}");
    let out = v.cmd().args(["list"]).output().unwrap();
    assert_eq!(out.status.code(), Some(4), "{}", common::stderr(&out));
}
