//! The detention plan (`vault plan ...`): a 2-of-3 release key whose bundle opens with any two
//! shares and not with one; refreshes at unlock carry new incidents; revocation makes old
//! shares useless for new bundles; trustees verify the bundle as counsel does; a plan planted
//! without the passphrase is never used.

use crate::common;
use common::{assert_success, stderr, TestVault};

use std::path::{Path, PathBuf};

/// `vault plan combine SHARES --identity KEYS --out OUT` (no vault, no passphrase).
fn combine(v: &TestVault, shares: &[&Path], keys: &[&Path], out: &Path) -> std::process::Output {
    let mut c = v.cmd_locked();
    c.args(["plan", "combine"]);
    for s in shares {
        c.arg(s);
    }
    for k in keys {
        c.arg("--identity").arg(k);
    }
    c.arg("--out").arg(out).output().expect("run")
}

/// Opens a bundle with a key as counsel does; returns every extracted file's text joined.
fn open_bundle(v: &TestVault, bundle: &Path, key: &Path, name: &str) -> Option<String> {
    let dir = v.path(name);
    let out = v
        .cmd_locked()
        .args(["bundle", "open"])
        .arg(bundle)
        .arg("--identity")
        .arg(key)
        .arg("--out")
        .arg(&dir)
        .output()
        .expect("run");
    if !out.status.success() {
        return None;
    }
    let mut all = String::new();
    for f in common::all_files(&dir) {
        all.push_str(&String::from_utf8_lossy(&std::fs::read(f).expect("read")));
    }
    Some(all)
}

/// What `age -d -i key file` prints.
fn age_decrypt(file: &Path, key: &Path) -> Vec<u8> {
    use std::io::Read;
    use std::str::FromStr;
    let text = std::fs::read_to_string(key).expect("key");
    let line = text
        .lines()
        .find(|l| l.starts_with("AGE-SECRET-KEY-"))
        .expect("secret line");
    let identity = age::x25519::Identity::from_str(line).expect("identity");
    let bytes = std::fs::read(file).expect("read");
    let mut r = age::Decryptor::new(&bytes[..])
        .expect("age file")
        .decrypt(std::iter::once(&identity as &dyn age::Identity))
        .expect("opens");
    let mut out = Vec::new();
    r.read_to_end(&mut out).expect("read");
    out
}

fn paths(v: &serde_json::Value) -> Vec<PathBuf> {
    v["shares"]
        .as_array()
        .expect("shares")
        .iter()
        .map(|p| PathBuf::from(p.as_str().expect("path")))
        .collect()
}

#[test]
fn a_two_of_three_plan_opens_with_any_two_shares_refreshes_and_revokes() {
    let v = TestVault::new();
    v.ok(&[
        "add",
        "--kind",
        "followed",
        "--when",
        "2026-11-20 14:30",
        "--where",
        "Calle Secreta 12",
        "--what",
        "first incident before the plan",
    ]);
    let keys: Vec<(PathBuf, String)> = (1..=3)
        .map(|i| v.counsel_key(&format!("trustee{i}.key")))
        .collect();
    let folder = v.path("plan");
    let policy = v.path("policy.json");
    std::fs::write(&policy, r#"{"redact": ["location"]}"#).expect("write");
    let set = v.json(&[
        "plan",
        "set",
        "--trustee",
        &keys[0].1,
        "--trustee",
        &keys[1].1,
        "--trustee",
        &keys[2].1,
        "--threshold",
        "2",
        "--redact-policy",
        policy.to_str().expect("p"),
        "--folder",
        folder.to_str().expect("p"),
    ]);
    let shares = paths(&set);
    assert_eq!(shares.len(), 3);
    let bundle = folder.join("release-bundle.age");
    assert!(bundle.is_file(), "{set}");

    // One share is not enough, whoever holds it.
    let one = v.path("one.key");
    let out = combine(&v, &[&shares[0]], &[&keys[0].0], &one);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("2 shares are needed"),
        "{}",
        stderr(&out)
    );
    assert!(!one.exists());
    // A share opens only with its own trustee's key.
    let out = combine(&v, &[&shares[0], &shares[1]], &[&keys[2].0], &one);
    assert!(
        stderr(&out).contains("no identity given opens"),
        "{}",
        stderr(&out)
    );

    // Any two shares rebuild the release key; the bundle verifies and opens as counsel's would.
    for (n, (a, b)) in [(0, 1), (0, 2), (1, 2)].into_iter().enumerate() {
        let key = v.path(&format!("release{n}.key"));
        let out = combine(
            &v,
            &[&shares[a], &shares[b]],
            &[&keys[a].0, &keys[b].0],
            &key,
        );
        assert_success(&out, &["plan combine"]);
        let (code, report, err) = v.bundle_verify(&bundle, &key, &[]);
        assert_eq!(code, 0, "{report} {err}");
        assert_eq!(report["ok"], true, "{report}");
        let text = open_bundle(&v, &bundle, &key, &format!("opened{n}")).expect("opens");
        assert!(text.contains("first incident before the plan"));
        // The plan's redactions hold.
        assert!(
            !text.contains("Calle Secreta"),
            "the location was not withheld"
        );
    }
    let release = v.path("release0.key");

    // A share its trustee already decrypted (`age -d -i trustee2.key share-2...`) works too.
    let plain = v.path("share2.json");
    std::fs::write(&plain, age_decrypt(&shares[1], &keys[1].0)).expect("write");
    let key = v.path("release-plain.key");
    let out = combine(&v, &[&plain, &shares[2]], &[&keys[2].0], &key);
    assert_success(&out, &["plan combine (a decrypted share)"]);
    assert_eq!(
        std::fs::read_to_string(&key).expect("read"),
        std::fs::read_to_string(&release).expect("read")
    );
    let show = v.json(&["plan", "show"]);
    assert_eq!(show["threshold"], 2);
    assert_eq!(show["trustees"].as_array().map(Vec::len), Some(3));
    assert_eq!(show["entries_since_refresh"], 0, "{show}");

    // New incidents (logged without the passphrase) reach the bundle at the next unlock.
    v.add_simple("second incident, after the plan");
    let out = v.cmd().args(["list"]).output().expect("run");
    assert_success(&out, &["list"]);
    assert!(
        stderr(&out).contains("release bundle is up to date"),
        "{}",
        stderr(&out)
    );
    let text = open_bundle(&v, &bundle, &release, "opened-refresh").expect("opens");
    assert!(text.contains("second incident, after the plan"));
    // An unlock with nothing new writes nothing.
    let before = std::fs::read(&bundle).expect("read");
    let out = v.cmd().args(["list"]).output().expect("run");
    assert!(!stderr(&out).contains("release bundle"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&bundle).expect("read"), before);

    // Revocation: a new release key; old shares open no new bundle.
    let revoked = v.json(&["plan", "revoke"]);
    let new_shares = paths(&revoked);
    assert_ne!(new_shares, shares);
    for s in &shares {
        assert!(!s.exists(), "old share files are removed from the folder");
    }
    let (code, _, _) = v.bundle_verify(&bundle, &release, &[]);
    assert_ne!(code, 0, "the old release key still opens the new bundle");
    assert!(open_bundle(&v, &bundle, &release, "opened-old").is_none());
    let fresh = v.path("fresh.key");
    let out = combine(
        &v,
        &[&new_shares[2], &new_shares[0]],
        &[&keys[0].0, &keys[2].0],
        &fresh,
    );
    assert_success(&out, &["plan combine (new shares)"]);
    let (code, report, err) = v.bundle_verify(&bundle, &fresh, &[]);
    assert_eq!(code, 0, "{report} {err}");
    // The folder gone (a USB stick unplugged): the unlock warns, goes on and creates nothing.
    std::fs::rename(&folder, v.path("plan-away")).expect("move");
    v.add_simple("while the stick is out");
    let out = v.cmd().args(["list"]).output().expect("run");
    assert_success(&out, &["list without the folder"]);
    assert!(
        stderr(&out).contains("could not be written"),
        "{}",
        stderr(&out)
    );
    assert!(!folder.exists(), "the folder was made on this disk");
    // The plan and each refresh are in the ledger; the whole vault verifies.
    let out = v.cmd().args(["verify", "--full"]).output().expect("run");
    assert_success(&out, &["verify --full"]);
}

#[test]
fn shares_of_two_release_keys_are_refused_together() {
    let v = TestVault::new();
    v.add_simple("x");
    let (k1, r1) = v.counsel_key("t1.key");
    let (k2, r2) = v.counsel_key("t2.key");
    let folder = v.path("plan");
    let set = |v: &TestVault| {
        paths(&v.json(&[
            "plan",
            "set",
            "--trustee",
            &r1,
            "--trustee",
            &r2,
            "--threshold",
            "2",
            "--folder",
            folder.to_str().expect("p"),
        ]))
    };
    let first = set(&v);
    // Keep a copy of the first plan's share 1 (the second `plan set` removes it).
    let kept = v.path("kept-share.age");
    std::fs::copy(&first[0], &kept).expect("copy");
    let second = set(&v);
    let out = combine(&v, &[&kept, &second[1]], &[&k1, &k2], &v.path("r.key"));
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("another release key"),
        "{}",
        stderr(&out)
    );
    // A threshold above the number of trustees is refused before anything is written.
    let out = v
        .cmd()
        .args([
            "plan",
            "set",
            "--trustee",
            &r1,
            "--threshold",
            "2",
            "--folder",
        ])
        .arg(v.path("other"))
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(!v.path("other").exists());
}

/// A vault with one incident and a one-of-one plan; returns its release bundle's path.
fn one_trustee_plan() -> (TestVault, PathBuf) {
    let v = TestVault::new();
    v.add_simple("private incident");
    let (_, r1) = v.counsel_key("t1.key");
    let folder = v.path("plan");
    v.json(&[
        "plan",
        "set",
        "--trustee",
        &r1,
        "--threshold",
        "1",
        "--folder",
        folder.to_str().expect("p"),
    ]);
    (v, folder.join("release-bundle.age"))
}

/// Someone who can write the vault folder (but has no passphrase) plants a plan of their own,
/// encrypted to the public master recipient: vault never writes a release bundle for it.
#[test]
fn a_plan_planted_without_the_passphrase_is_never_used() {
    use std::io::Write;
    let (v, bundle) = one_trustee_plan();
    let before = std::fs::read(&bundle).expect("read");

    // The attacker's plan: their own release key and folder.
    let attacker = age::x25519::Identity::generate();
    let theirs = v.path("theirs");
    let plan = serde_json::json!({
        "release_recipient": attacker.to_public().to_string(),
        "threshold": 1,
        "trustees": [attacker.to_public().to_string()],
        "counsel": null,
        "policy": null,
        "folder": theirs,
        "set_at": "2026-12-01T00:00:00Z",
        "shares": [],
    });
    let info = v.json(&["info"]);
    let master: age::x25519::Recipient = info["master_recipient"]
        .as_str()
        .expect("recipient")
        .parse()
        .expect("parse");
    let mut ct = Vec::new();
    let enc = age::Encryptor::with_recipients(std::iter::once(&master as &dyn age::Recipient))
        .expect("encryptor");
    let mut w = enc.wrap_output(&mut ct).expect("wrap");
    w.write_all(plan.to_string().as_bytes()).expect("write");
    w.finish().expect("finish");
    let db = rusqlite::Connection::open(v.db()).expect("open");
    use base64::Engine;
    db.execute(
        "UPDATE meta SET value = ?1 WHERE key = 'plan'",
        [base64::engine::general_purpose::STANDARD.encode(&ct)],
    )
    .expect("plant");
    drop(db);

    v.add_simple("logged after the plant");
    let out = v.cmd().args(["list"]).output().expect("run");
    assert_success(&out, &["list"]);
    assert!(
        stderr(&out).contains("could not be written"),
        "{}",
        stderr(&out)
    );
    assert!(!theirs.exists(), "a bundle went to the planted folder");
    assert_eq!(std::fs::read(&bundle).expect("read"), before);
    let out = v.cmd().args(["plan", "show"]).output().expect("run");
    assert!(!out.status.success());
}

fn verify_kinds(v: &TestVault) -> Vec<String> {
    common::problem_kinds(&v.verify_report())
}

/// Without the passphrase, the plan's refresh mark is pushed beyond the ledger (so that no
/// refresh would ever look due), or the stored plan is deleted (so that none would ever run):
/// the first still gets a new release bundle at the next unlock after logging, the second is
/// refused by `plan show`, and `verify` reports both.
#[test]
fn a_plan_removed_or_marked_fresh_without_the_passphrase_is_noticed() {
    let (v, bundle) = one_trustee_plan();
    let first = std::fs::read(&bundle).expect("read");
    assert!(verify_kinds(&v).is_empty());

    let db = rusqlite::Connection::open(v.db()).expect("open");
    db.execute(
        "UPDATE meta SET value = '18446744073709551615 2020-01-01T00:00:00Z' WHERE key = 'plan_refreshed'",
        [],
    )
    .expect("mark");
    drop(db);
    assert!(verify_kinds(&v).contains(&"plan".to_owned()));
    v.add_simple("logged after the edit");
    let out = v.cmd().args(["list"]).output().expect("run");
    assert_success(&out, &["list"]);
    assert_ne!(
        std::fs::read(&bundle).expect("read"),
        first,
        "the release bundle was not brought up to date"
    );
    assert!(verify_kinds(&v).is_empty(), "the refresh repairs the mark");

    let db = rusqlite::Connection::open(v.db()).expect("open");
    db.execute("DELETE FROM meta WHERE key = 'plan'", [])
        .expect("delete");
    drop(db);
    let kinds = verify_kinds(&v);
    assert!(kinds.contains(&"plan".to_owned()), "{kinds:?}");
    let out = v.cmd().args(["plan", "show"]).output().expect("run");
    assert!(!out.status.success());
    assert!(
        common::stderr(&out).contains("detention plan"),
        "{}",
        common::stderr(&out)
    );
}
