//! Counsel as a witness (`vault witness`, `vault keygen --witness`): C2SP cosignatures of the
//! vault's checkpoints. Counsel cosigns only a checkpoint that extends the last one they
//! cosigned; a history rewritten by someone holding the passphrase (a copy restored from an
//! older backup, then written differently and re-signed with the same key) is refused by the
//! witness, its old cosignature cannot be imported into the rewritten copy, and a cosignature
//! kept in a ledger whose checkpoints were replaced by the rewritten ones is reported.

use std::path::{Path, PathBuf};

use crate::common::{self, TestVault};

/// `vault keygen --witness` (no vault involved): the key file and its public vkey.
fn witness_key(v: &TestVault, name: &str) -> (PathBuf, String) {
    let key = v.path(&format!("{}.key", name.replace('/', "_")));
    let out = v
        .cmd_locked()
        .args([
            "keygen",
            "--witness",
            "--name",
            name,
            "--out",
            key.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    common::assert_success(&out, &["keygen --witness"]);
    (key, common::stdout(&out).trim().to_owned())
}

fn request(v: &TestVault, dir: &Path, state: &Path, name: &str) -> PathBuf {
    let file = v.path(name);
    let out = v
        .cmd_locked_at(dir)
        .env("VAULT_STATE_DIR", state)
        .args(["witness", "request", "--out", file.to_str().unwrap()])
        .output()
        .unwrap();
    common::assert_success(&out, &["witness request"]);
    file
}

fn cosign(v: &TestVault, req: &Path, key: &Path, out: &Path) -> std::process::Output {
    v.cmd_locked()
        .args([
            "witness",
            "cosign",
            req.to_str().unwrap(),
            "--key",
            key.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ])
        .output()
        .unwrap()
}

fn verify_json(v: &TestVault) -> serde_json::Value {
    v.verify_report()
}

/// Counsel's age key, and a bundle of every incident encrypted to it: (key file, bundle).
fn export_all_to_counsel(v: &TestVault) -> (PathBuf, PathBuf) {
    let (age_key, recipient) = v.counsel_key("counsel-age.key");
    let bundle = v.path("case.age");
    v.ok(&[
        "export",
        "--to",
        &recipient,
        "--all",
        "--out",
        bundle.to_str().unwrap(),
    ]);
    (age_key, bundle)
}

fn receipt(v: &TestVault, name: &str) {
    v.ok(&["receipt", "--out", v.path(name).to_str().unwrap()]);
}

#[test]
fn counsel_cosigns_the_owner_imports_and_verify_reports_it() {
    let v = TestVault::new();
    v.add_simple("grey SUV followed me");
    receipt(&v, "r1.txt");
    let (key, vkey) = witness_key(&v, "counsel.example/ana");
    assert!(vkey.starts_with("counsel.example/ana+"), "{vkey}");
    let req = request(&v, &v.dir, &v.state_dir(), "req1.txt");
    let cosigned = v.path("cosigned1.txt");
    let out = cosign(&v, &req, &key, &cosigned);
    common::assert_success(&out, &["witness cosign"]);
    // The state beside the key remembers what was cosigned.
    assert!(v.path("counsel.example_ana.key.state").exists());
    let imported = v.ok(&["witness", "import", cosigned.to_str().unwrap()]);
    assert!(
        imported.contains("cosigned by witness counsel.example/ana"),
        "{imported}"
    );

    let report = verify_json(&v);
    assert_eq!(report["ok"], true, "{report}");
    let cos = report["report"]["cosignatures"].as_array().unwrap();
    assert_eq!(cos.len(), 1);
    assert_eq!(cos[0]["key"], vkey.as_str());

    // The next checkpoint extends the cosigned one: the request carries the proof, counsel
    // cosigns again.
    v.add_simple("a second incident");
    receipt(&v, "r2.txt");
    // A proof from another size than the one counsel cosigned is refused, naming the right one.
    let wrong = v.path("req-wrong.txt");
    v.ok(&[
        "witness",
        "request",
        "--out",
        wrong.to_str().unwrap(),
        "--from",
        "1",
    ]);
    let err = common::one_line_error(&cosign(&v, &wrong, &key, &v.path("c-wrong.txt")));
    assert!(err.contains("--from"), "{err}");
    let req2 = request(&v, &v.dir, &v.state_dir(), "req2.txt");
    assert!(std::fs::read_to_string(&req2).unwrap().contains("\nproof "));
    let cosigned2 = v.path("cosigned2.txt");
    common::assert_success(&cosign(&v, &req2, &key, &cosigned2), &["cosign 2"]);
    v.ok(&["witness", "import", cosigned2.to_str().unwrap()]);
    let report = verify_json(&v);
    assert_eq!(report["ok"], true, "{report}");
    assert_eq!(
        report["report"]["cosignatures"].as_array().unwrap().len(),
        2
    );
    let human = common::stdout(&v.cmd_locked().arg("verify").output().unwrap());
    assert!(
        human.contains("was cosigned by witness counsel.example/ana"),
        "{human}"
    );
}

#[test]
fn a_history_rewritten_with_the_passphrase_is_refused_and_its_old_cosignature_matches_nothing() {
    let v = TestVault::new();
    v.add_simple("the first incident");
    receipt(&v, "r1.txt");
    let (key, _) = witness_key(&v, "counsel.example/w");
    let req = request(&v, &v.dir, &v.state_dir(), "req1.txt");
    common::assert_success(&cosign(&v, &req, &key, &v.path("c1.txt")), &["cosign 1"]);
    v.ok(&["witness", "import", v.path("c1.txt").to_str().unwrap()]);
    let backup = v.path("old.backup");
    common::assert_success(
        &v.cmd_locked()
            .args(["backup", "--out", backup.to_str().unwrap()])
            .output()
            .unwrap(),
        &["backup"],
    );
    // The real history goes on and counsel cosigns it.
    v.add_simple("what really happened next");
    receipt(&v, "r2.txt");
    let req2 = request(&v, &v.dir, &v.state_dir(), "req2.txt");
    let c2 = v.path("c2.txt");
    common::assert_success(&cosign(&v, &req2, &key, &c2), &["cosign 2"]);
    v.ok(&["witness", "import", c2.to_str().unwrap()]);

    // Someone with the passphrase rewrites it: the older copy, written differently, re-signed
    // with the same signing key (on another computer: its own state folder).
    let fork = v.path("fork");
    let fork_state = v.path("fork-state");
    let in_fork = |args: &[&str]| {
        v.cmd_at(&fork)
            .env("VAULT_STATE_DIR", &fork_state)
            .args(args)
            .output()
            .unwrap()
    };
    common::assert_success(
        &in_fork(&["restore", backup.to_str().unwrap()]),
        &["restore"],
    );
    common::assert_success(
        &in_fork(&[
            "add",
            "--kind",
            "followed",
            "--when",
            "2026-11-20 14:30",
            "--what",
            "a different story",
        ]),
        &["add in fork"],
    );
    common::assert_success(
        &in_fork(&[
            "receipt",
            "--out",
            v.path("fork-receipt.txt").to_str().unwrap(),
        ]),
        &["receipt in fork"],
    );
    // Same vault, same key: only the content differs.
    let fork_receipt = std::fs::read_to_string(v.path("fork-receipt.txt")).unwrap();
    let real_receipt = std::fs::read_to_string(v.path("r2.txt")).unwrap();
    assert_eq!(fork_receipt.lines().next(), real_receipt.lines().next());
    assert_ne!(fork_receipt, real_receipt);

    // The witness refuses to cosign the rewritten checkpoint, with or without a proof.
    let req_fork = request(&v, &fork, &fork_state, "req-fork.txt");
    let out = cosign(&v, &req_fork, &key, &v.path("c-fork.txt"));
    let err = common::one_line_error(&out);
    assert!(err.contains("history was rewritten"), "{err}");
    assert!(!v.path("c-fork.txt").exists());

    // The cosignature of the real history cannot be imported into the rewritten copy.
    let out = in_fork(&["witness", "import", c2.to_str().unwrap()]);
    assert!(!out.status.success(), "{}", common::stdout(&out));

    // The real vault's ledger with its checkpoints replaced by the rewritten history's: the
    // cosignature it keeps matches no checkpoint any more.
    let c = rusqlite::Connection::open(v.db()).unwrap();
    c.execute(
        "ATTACH DATABASE ?1 AS fork",
        [fork.join("vault.db").to_str().unwrap()],
    )
    .unwrap();
    c.execute_batch(
        "DELETE FROM main.checkpoints;
         INSERT INTO main.checkpoints SELECT size, note FROM fork.checkpoints;
         UPDATE main.ledger SET entry = (SELECT f.entry FROM fork.ledger f WHERE f.leaf_index = main.ledger.leaf_index),
                                leaf_hash = (SELECT f.leaf_hash FROM fork.ledger f WHERE f.leaf_index = main.ledger.leaf_index)
             WHERE leaf_index IN (SELECT leaf_index FROM fork.ledger);",
    )
    .unwrap();
    drop(c);
    let report = verify_json(&v);
    let kinds = common::problem_kinds(&report);
    assert!(kinds.contains(&"cosignature".to_owned()), "{report}");
}

/// Someone who can write to the vault folder, without the passphrase, makes a witness key of
/// their own named like counsel's, cosigns the vault's real checkpoint with it (the request
/// needs no passphrase) and appends the ledger entry `witness import` would have logged (it holds
/// no secret). `verify` reports the entry as forged and counts no cosignature; the owner's next
/// unlock refuses to sign over it.
#[test]
fn a_cosignature_appended_without_the_passphrase_is_forged_and_never_counted() {
    let v = TestVault::new();
    v.add_simple("grey SUV followed me");
    receipt(&v, "r1.txt");
    let (key, _) = witness_key(&v, "counsel.example/ana");
    let req = request(&v, &v.dir, &v.state_dir(), "req.txt");
    let cosigned = v.path("cosigned.txt");
    common::assert_success(&cosign(&v, &req, &key, &cosigned), &["witness cosign"]);
    // The exact entry bytes `witness import` logs, taken from a copy imported elsewhere.
    let copy = v.path("copy");
    let cp = std::process::Command::new("cp")
        .args(["-a", v.dir.to_str().unwrap(), copy.to_str().unwrap()])
        .status()
        .unwrap();
    assert!(cp.success());
    let out = v
        .cmd_at(&copy)
        .env("VAULT_STATE_DIR", v.path("copy-state"))
        .args(["witness", "import", cosigned.to_str().unwrap()])
        .output()
        .unwrap();
    common::assert_success(&out, &["witness import (copy)"]);
    let copy_db = rusqlite::Connection::open(copy.join("vault.db")).unwrap();
    let (entry, leaf_hash): (Vec<u8>, Vec<u8>) = copy_db
        .query_row(
            "SELECT entry, leaf_hash FROM ledger WHERE CAST(entry AS TEXT) LIKE '{\"type\":\"cosignature\"%'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    drop(copy_db);
    let c = rusqlite::Connection::open(v.db()).unwrap();
    c.execute(
        "INSERT INTO ledger(leaf_index, entry, leaf_hash) \
         VALUES((SELECT MAX(leaf_index) + 1 FROM ledger), ?1, ?2)",
        rusqlite::params![entry, leaf_hash],
    )
    .unwrap();
    drop(c);

    let report = verify_json(&v);
    assert_eq!(report["ok"], false, "{report}");
    let kinds = common::problem_kinds(&report);
    assert!(kinds.contains(&"forged_entry".to_owned()), "{report}");
    assert_eq!(
        report["report"]["cosignatures"]
            .as_array()
            .map_or(0, Vec::len),
        0,
        "a forged entry proves nothing: {report}"
    );
    let human = common::stdout(&v.cmd_locked().arg("verify").output().unwrap());
    assert!(!human.contains("was cosigned by"), "{human}");

    // The owner's next unlock refuses to sign over it, with nothing written.
    let before = std::fs::read(v.db()).unwrap();
    let out = v.cmd().args(["list"]).output().unwrap();
    assert_eq!(out.status.code(), Some(4), "{}", common::stderr(&out));
    assert_eq!(std::fs::read(v.db()).unwrap(), before);
}

/// A bundle carries the timestamps and cosignatures of its checkpoint and history; counsel's
/// `bundle verify` checks them with their own certificate and witness key and says what they
/// prove; another certificate or another key proves nothing.
#[test]
fn a_bundle_carries_timestamps_and_cosignatures_and_counsel_checks_them() {
    use crate::anchors::{stamp, Tsa};
    let v = TestVault::new();
    v.add_simple("grey SUV followed me");
    receipt(&v, "r1.txt");
    let tsa = Tsa::new(v.tmp.path(), "one");
    let other = Tsa::new(v.tmp.path(), "other");
    stamp(&v, &tsa, "a");
    let (key, vkey) = witness_key(&v, "counsel.example/w");
    let req = request(&v, &v.dir, &v.state_dir(), "req.txt");
    let cosigned = v.path("cosigned.txt");
    common::assert_success(&cosign(&v, &req, &key, &cosigned), &["cosign"]);
    v.ok(&["witness", "import", cosigned.to_str().unwrap()]);

    let (age_key, bundle) = export_all_to_counsel(&v);
    let tsa_ca = tsa.ca.to_str().unwrap().to_owned();
    let key_s = key.to_str().unwrap().to_owned();
    let (code, report, err) = v.bundle_verify(
        &bundle,
        &age_key,
        &["--tsa-cert", &tsa_ca, "--witness-key", &key_s],
    );
    assert_eq!(code, 0, "{report} {err}");
    assert_eq!(report["anchors"][0]["trusted"], true, "{report}");
    assert_eq!(report["cosignatures"][0]["by_given_key"], true, "{report}");
    // The public key line works as well as the key file.
    std::fs::write(v.path("w.pub"), format!("{vkey}\n")).unwrap();
    let pub_s = v.path("w.pub").to_str().unwrap().to_owned();
    let (code, report, _) = v.bundle_verify(&bundle, &age_key, &["--witness-key", &pub_s]);
    assert_eq!(code, 0);
    assert_eq!(report["cosignatures"][0]["by_given_key"], true, "{report}");
    assert_eq!(report["anchors"][0]["trusted"], false, "{report}");
    // In plain words.
    let out = v
        .cmd_locked()
        .args(["bundle", "verify", bundle.to_str().unwrap(), "--identity"])
        .arg(&age_key)
        .args(["--tsa-cert", &tsa_ca, "--witness-key", &key_s])
        .output()
        .unwrap();
    let text = common::stdout(&out);
    assert!(
        text.contains("existed no later than") && text.contains("cosigned by your witness key"),
        "{text}"
    );
    // The court packet's cover lists both, by who vouches for them.
    let packet = v.path("packet");
    v.ok(&[
        "bundle",
        "exhibit",
        bundle.to_str().unwrap(),
        "--identity",
        age_key.to_str().unwrap(),
        "--out",
        packet.to_str().unwrap(),
    ]);
    if std::env::var_os("VAULT_SKIP_PDF_TOOLS").is_none() {
        let pdf = std::process::Command::new("pdftotext")
            .arg(packet.join("exhibit.pdf"))
            .arg("-")
            .output()
            .expect("pdftotext (poppler-utils) is needed; VAULT_SKIP_PDF_TOOLS=1 skips this part");
        let text = common::stdout(&pdf).replace('\n', " ");
        assert!(
            text.contains("timestamp of the checkpoint")
                && text.contains("cosignature of the checkpoint")
                && text.contains("counsel.example/w"),
            "{text}"
        );
    }
    // Another authority's certificate: the timestamp is a problem, not a proof.
    let other_ca = other.ca.to_str().unwrap().to_owned();
    let (code, report, _) = v.bundle_verify(&bundle, &age_key, &["--tsa-cert", &other_ca]);
    assert_eq!(code, 4, "{report}");
    assert_eq!(
        report["problems"][0]["kind"], "anchor_untrusted",
        "{report}"
    );
}

/// Someone who can write to the vault folder replaces a stored timestamp token with one from an
/// authority of their own (any name, any time: a backdated "proof"). `verify` reports it, and
/// the owner's next export leaves it out: the vault never signs into a bundle, or onto the
/// court packet's cover, a token it would not accept itself.
#[test]
fn a_replaced_timestamp_token_never_reaches_a_bundle() {
    use crate::anchors::{stamp, token_of, Tsa};
    let v = TestVault::new();
    v.add_simple("grey SUV followed me");
    receipt(&v, "r1.txt");
    let tsa = Tsa::new(v.tmp.path(), "one");
    let forged = Tsa::new(v.tmp.path(), "Forged");
    stamp(&v, &tsa, "a");
    let answer = v.path("a-forged.tsr");
    forged.reply(&v.path("a.tsq"), &answer);
    let token = token_of(&answer, v.tmp.path());
    let c = rusqlite::Connection::open(v.db()).unwrap();
    assert_eq!(
        c.execute("UPDATE anchors SET token = ?1", [&token])
            .unwrap(),
        1
    );
    drop(c);
    let report = verify_json(&v);
    let kinds = common::problem_kinds(&report);
    assert_eq!(kinds, ["anchor_untrusted"], "{report}");

    let (age_key, bundle) = export_all_to_counsel(&v);
    let tsa_ca = tsa.ca.to_str().unwrap().to_owned();
    let (code, report, err) = v.bundle_verify(&bundle, &age_key, &["--tsa-cert", &tsa_ca]);
    assert_eq!(code, 0, "{report} {err}");
    assert_eq!(
        report["anchors"].as_array().map_or(0, Vec::len),
        0,
        "the replaced token went into the bundle: {report}"
    );
    // Nor onto the court packet's cover.
    let out = v.path("opened");
    v.cmd_locked()
        .args(["bundle", "open"])
        .arg(&bundle)
        .arg("--identity")
        .arg(&age_key)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let pdf = std::fs::read(out.join("exhibit.pdf")).unwrap();
    if let Some((text, _)) = crate::packet::read_pdf(v.tmp.path(), &pdf) {
        assert!(text.contains("Signing key fingerprint"), "{text}");
        assert!(!text.contains("Forged"), "named on the cover: {text}");
    }
    let manifest = std::fs::read_to_string(out.join("manifest.json")).unwrap();
    assert!(!manifest.contains("\"anchors\":[{"), "{manifest}");
}
