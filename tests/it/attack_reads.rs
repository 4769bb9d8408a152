//! Read paths show only what the ledger vouches for, and what vanished is noticed (SECURITY.md,
//! adversary 7). Each test is the attacker with write access to the vault folder and no
//! passphrase: they edit `vault.db` with SQLite and encrypt forged records to the public master
//! recipient (from `vault info --json`); then the owner runs ordinary commands.

use crate::common;
use common::{stderr, stdout};

use std::io::Write;
use std::process::Output;
use std::str::FromStr;

use common::{assert_success, TestVault};
use rusqlite::{params, Connection};
use vault::record::{Incident, Kind, RecordBody};
use vault::when::When;

const FORGED: &str = "no raid took place, the agents were polite";
const GENUINE: &str = "agents raided the building at dawn";

fn db(v: &TestVault) -> Connection {
    Connection::open(v.db()).expect("open db")
}

/// What the attacker can encrypt to: the vault's public master recipient.
fn recipient(v: &TestVault) -> age::x25519::Recipient {
    let info: serde_json::Value = serde_json::from_slice(
        &v.cmd_locked()
            .args(["--json", "info"])
            .output()
            .expect("info")
            .stdout,
    )
    .expect("info json");
    age::x25519::Recipient::from_str(info["master_recipient"].as_str().expect("recipient"))
        .expect("recipient parses")
}

fn encrypt(r: &age::x25519::Recipient, plain: &[u8]) -> Vec<u8> {
    let e = age::Encryptor::with_recipients(std::iter::once(r as &dyn age::Recipient))
        .expect("encryptor");
    let mut out = vec![];
    let mut w = e.wrap_output(&mut out).expect("wrap");
    w.write_all(plain).expect("write");
    w.finish().expect("finish");
    out
}

/// A well-formed record body for `id` and `revision` saying `FORGED`, encrypted to the public
/// recipient: everything an attacker without the passphrase can make.
fn forged_ciphertext(v: &TestVault, id: &str, revision: u32) -> Vec<u8> {
    let incident = Incident {
        kind: Kind::Raid,
        occurred_at: When::At(
            chrono::DateTime::parse_from_rfc3339("2026-11-20T14:30:00-06:00").expect("time"),
        ),
        location: None,
        narrative: FORGED.into(),
        agents: vec![],
        vehicles: vec![],
        witnesses: vec![],
        tags: vec!["court".into()],
    };
    let body =
        RecordBody::new(id.to_owned(), revision, incident, chrono::Utc::now()).expect("body");
    encrypt(&recipient(v), &body.to_json().expect("json"))
}

fn ciphertext(v: &TestVault, id: &str, revision: u32) -> Vec<u8> {
    db(v)
        .query_row(
            "SELECT ciphertext FROM records WHERE id = ?1 AND revision = ?2",
            params![id, revision],
            |r| r.get(0),
        )
        .expect("ciphertext")
}

fn set_ciphertext(v: &TestVault, id: &str, revision: u32, ct: &[u8]) {
    let n = db(v)
        .execute(
            "UPDATE records SET ciphertext = ?1 WHERE id = ?2 AND revision = ?3",
            params![ct, id, revision],
        )
        .expect("update");
    assert_eq!(n, 1);
}

fn add(v: &TestVault, what: &str) -> String {
    v.add_simple(what)
}

fn revisions(v: &TestVault, id: &str) -> i64 {
    db(v)
        .query_row("SELECT COUNT(*) FROM records WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .expect("count")
}

/// Asserts a refusal with exit 4 that names `id`, and that the forgery is nowhere in the output.
fn assert_refused_naming(out: &Output, id: &str, what: &str) {
    assert_eq!(
        out.status.code(),
        Some(4),
        "{what}: expected exit 4\nstdout: {}\nstderr: {}",
        stdout(out),
        stderr(out)
    );
    assert!(
        stderr(out).contains(id),
        "{what}: the error must name {id}: {}",
        stderr(out)
    );
    assert!(
        !stdout(out).contains("no raid took place"),
        "{what} showed the forgery"
    );
    assert!(
        !stderr(out).contains("no raid took place"),
        "{what} showed the forgery"
    );
}

fn full_verify_kinds(v: &TestVault) -> Vec<String> {
    let out = v
        .cmd()
        .args(["--json", "verify", "--full"])
        .output()
        .expect("verify");
    let report: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|_| panic!("{}", stderr(&out)));
    report["report"]["problems"]
        .as_array()
        .unwrap_or_else(|| panic!("no problem list in {report}"))
        .iter()
        .map(|p| p["kind"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn a_swapped_ciphertext_is_refused_by_every_read_path_and_named() {
    let v = TestVault::new();
    let other = add(&v, "a car followed me home");
    let id = add(&v, GENUINE);
    // The listing cache holds the genuine record: the swap must be caught on the row itself.
    v.ok(&["list"]);
    let genuine = ciphertext(&v, &id, 1);
    set_ciphertext(&v, &id, 1, &forged_ciphertext(&v, &id, 1));
    // Drop the cache too, so list/search/patterns/report read the rows.
    db(&v).execute("DELETE FROM cache", []).expect("drop cache");

    let counsel = v.path("counsel.key");
    let recipient_line = v.json(&["keygen", "--out", counsel.to_str().unwrap()])["recipient"]
        .as_str()
        .unwrap()
        .to_owned();
    let report = v.path("report.html");
    let bundle = v.path("bundle.vault");
    let cases: Vec<(&str, Vec<&str>)> = vec![
        ("show", vec!["show", &id]),
        ("show --history", vec!["show", "--history", &id]),
        ("list", vec!["list"]),
        ("search", vec!["search", "raid"]),
        ("patterns", vec!["patterns"]),
        (
            "report",
            vec!["report", "--out", report.to_str().unwrap(), "--yes"],
        ),
        (
            "export --all",
            vec![
                "export",
                "--to",
                &recipient_line,
                "--all",
                "--out",
                bundle.to_str().unwrap(),
            ],
        ),
        (
            "export --entries",
            vec![
                "export",
                "--to",
                &recipient_line,
                "--entries",
                &id,
                "--out",
                bundle.to_str().unwrap(),
            ],
        ),
        ("amend", vec!["amend", &id, "--tag", "court"]),
    ];
    for (what, args) in &cases {
        let out = v.fails(args);
        assert_refused_naming(&out, &id, what);
    }
    // In Spanish, the refusal names it too.
    let out = v
        .cmd()
        .env("LANG", "es_MX.UTF-8")
        .args(["show", &id])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    assert!(
        stderr(&out).contains(&format!("alguien reemplazó el incidente {id} (versión 1)")),
        "{}",
        stderr(&out)
    );
    assert!(!report.exists(), "report wrote a file");
    assert!(!bundle.exists(), "export wrote a bundle");
    assert_eq!(revisions(&v, &id), 1, "amend wrote a revision");
    // The other incident is still readable on its own.
    assert!(v.ok(&["show", &other]).contains("a car followed me home"));
    // Nothing was lost: with the genuine ciphertext back, everything reads and verifies.
    set_ciphertext(&v, &id, 1, &genuine);
    assert!(v.ok(&["show", &id]).contains(GENUINE));
    assert!(v.ok(&["list"]).contains(&id[..8]));
    assert!(full_verify_kinds(&v).is_empty());
}

#[test]
fn swap_amend_swap_back_is_refused_by_amend() {
    let v = TestVault::new();
    let id = add(&v, GENUINE);
    let genuine = ciphertext(&v, &id, 1);
    set_ciphertext(&v, &id, 1, &forged_ciphertext(&v, &id, 1));
    let out = v.fails(&["amend", &id, "--tag", "court"]);
    assert_refused_naming(&out, &id, "amend");
    set_ciphertext(&v, &id, 1, &genuine);
    // No forged revision 2 was signed: the record is the owner's, and verify is clean.
    assert_eq!(revisions(&v, &id), 1);
    let shown = v.json(&["show", &id]);
    assert_eq!(shown["revision"], 1);
    assert_eq!(shown["narrative"], GENUINE);
    assert!(full_verify_kinds(&v).is_empty());
    // The owner's own amend works.
    v.ok(&["amend", &id, "--tag", "court"]);
    assert_eq!(v.json(&["show", &id])["narrative"], GENUINE);
}

#[test]
fn a_swapped_attachment_description_is_refused_by_extract_and_show() {
    let v = TestVault::new();
    let id = add(&v, GENUINE);
    let genuine_file = v.path("photo.bin");
    std::fs::write(&genuine_file, b"the genuine photo of the raid").unwrap();
    let out = v
        .cmd_locked()
        .args(["attach", &id])
        .arg(&genuine_file)
        .output()
        .unwrap();
    assert_success(&out, &["attach"]);
    // The attacker attaches a doctored file of their own (no passphrase needed), then makes
    // attachment 1's row describe and point at it.
    let doctored = v.path("doctored.bin");
    let doctored_bytes = b"a doctored photo";
    std::fs::write(&doctored, doctored_bytes).unwrap();
    let other = add(&v, "unrelated");
    let out = v
        .cmd_locked()
        .args(["attach", &other])
        .arg(&doctored)
        .output()
        .unwrap();
    assert_success(&out, &["attach"]);
    let conn = db(&v);
    let (att_id, blob, meta): (String, String, Vec<u8>) = conn
        .query_row(
            "SELECT id, blob, meta FROM attachments WHERE record_id = ?1",
            [&id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    let doctored_blob: String = conn
        .query_row(
            "SELECT blob FROM attachments WHERE record_id = ?1",
            [&other],
            |r| r.get(0),
        )
        .unwrap();
    let description = serde_json::json!({
        "format": "vault-attachment/1",
        "id": att_id,
        "record_id": id,
        "name": "photo.bin",
        "size": doctored_bytes.len(),
        "sha256": hex::encode(<sha2::Sha256 as sha2::Digest>::digest(doctored_bytes)),
        "media_type": "application/octet-stream",
        "attached_at": "2026-11-20T15:00:00Z",
        "metadata": {"status": "none", "taken_at": null, "gps": null, "camera_make": null,
                     "camera_model": null, "serial_numbers": [], "owner_names": [], "software": null},
        "salts": {},
    });
    let forged_meta = encrypt(&recipient(&v), description.to_string().as_bytes());
    conn.execute(
        "UPDATE attachments SET meta = ?1 WHERE id = ?2",
        params![forged_meta, att_id],
    )
    .unwrap();
    let blobs = v.dir.join("blobs");
    let genuine_blob = std::fs::read(blobs.join(&blob)).unwrap();
    std::fs::copy(blobs.join(&doctored_blob), blobs.join(&blob)).unwrap();

    let out_file = v.path("extracted.bin");
    let out = v.fails(&["extract", &id, "--out", out_file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert!(stderr(&out).contains(&att_id), "{}", stderr(&out));
    assert!(!out_file.exists(), "extract wrote the doctored file");
    let out = v.fails(&["show", &id]);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert!(stderr(&out).contains(&att_id), "{}", stderr(&out));
    let out = v.fails(&["list"]);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));

    // Put it back: nothing was lost.
    db(&v)
        .execute(
            "UPDATE attachments SET meta = ?1 WHERE id = ?2",
            params![meta, att_id],
        )
        .unwrap();
    std::fs::write(blobs.join(&blob), genuine_blob).unwrap();
    v.ok(&["extract", &id, "--out", out_file.to_str().unwrap()]);
    assert_eq!(
        std::fs::read(&out_file).unwrap(),
        b"the genuine photo of the raid"
    );
}

/// The list-cache poisoning of the issue: the cache dropped, a forged ciphertext in place while
/// a real `vault list` process runs, the genuine one put back. The listing refuses the forgery
/// (or reads the genuine row), so no cache item is ever made from it.
#[test]
fn a_forgery_swapped_in_during_a_concurrent_list_never_reaches_the_cache() {
    let v = TestVault::new();
    for i in 0..30 {
        add(&v, &format!("incident number {i}"));
    }
    let id = add(&v, GENUINE);
    v.ok(&["list"]);
    let genuine = ciphertext(&v, &id, 1);
    let forged = forged_ciphertext(&v, &id, 1);
    db(&v).execute("DELETE FROM cache", []).expect("drop cache");

    // The owner's `list` starts (it first spends its Argon2id unlock); the attacker swaps the
    // ciphertext in while it runs and restores it once it is done.
    let child = v
        .std_cmd()
        .arg("list")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn list");
    set_ciphertext(&v, &id, 1, &forged);
    let during = child.wait_with_output().expect("list");
    set_ciphertext(&v, &id, 1, &genuine);
    // Whichever snapshot that listing read, it never showed the forgery.
    assert!(!stdout(&during).contains("no raid"), "{}", stdout(&during));
    if !during.status.success() {
        assert_refused_naming(&during, &id, "concurrent list");
    }

    // Afterwards list, search and show all present the genuine incident.
    let listed = v.ok(&["list"]);
    assert!(!listed.contains("no raid"), "{listed}");
    assert!(listed.contains("agents raided"), "{listed}");
    assert!(v.ok(&["search", "raided"]).contains(&id[..8]));
    assert!(!v.ok(&["search", "polite"]).contains(&id[..8]));
    assert!(v.ok(&["show", &id]).contains(GENUINE));
    // And the cache holds nothing the ledger does not back.
    assert!(full_verify_kinds(&v).is_empty());

    // The same with the forgery certainly in place for the whole listing.
    db(&v).execute("DELETE FROM cache", []).expect("drop cache");
    set_ciphertext(&v, &id, 1, &forged);
    let out = v.fails(&["list"]);
    assert_refused_naming(&out, &id, "list during the swap");
    set_ciphertext(&v, &id, 1, &genuine);
    let listed = v.ok(&["list"]);
    assert!(
        listed.contains("agents raided") && !listed.contains("no raid"),
        "{listed}"
    );
    assert!(full_verify_kinds(&v).is_empty());
}

fn cache_seqs(v: &TestVault) -> Vec<i64> {
    let conn = db(v);
    let mut stmt = conn.prepare("SELECT seq FROM cache ORDER BY seq").unwrap();
    let seqs = stmt.query_map([], |r| r.get(0)).unwrap();
    seqs.collect::<rusqlite::Result<_>>().unwrap()
}

#[test]
fn a_deleted_incident_is_named_at_unlock_refused_by_export_all_and_reported() {
    let v = TestVault::new();
    let keep = add(&v, "a car followed me home");
    let id = add(&v, GENUINE);
    v.ok(&["list"]);
    let evidence = cache_seqs(&v);
    assert!(!evidence.is_empty());
    db(&v)
        .execute("DELETE FROM records WHERE id = ?1", [&id])
        .unwrap();

    let out = v.cmd().arg("list").output().unwrap();
    assert_success(&out, &["list"]);
    let err = stderr(&out);
    assert!(
        err.contains(&format!("warning: incident {id} is missing")),
        "{err}"
    );
    assert!(err.contains("someone deleted it"), "{err}");
    assert!(stdout(&out).contains(&keep[..8]));
    // The signed cache segment that still names it is kept as evidence, even after more lists.
    v.ok(&["list"]);
    let now = cache_seqs(&v);
    for seq in &evidence {
        assert!(now.contains(seq), "segment {seq} was rebuilt away: {now:?}");
    }
    // `--json` output stays exact: the warning goes to standard error only.
    let out = v.cmd().args(["--json", "list"]).output().unwrap();
    assert_success(&out, &["--json", "list"]);
    let listed: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json list");
    assert_eq!(listed.as_array().map(|a| a.len()), Some(1), "{listed}");
    assert!(stderr(&out).contains(&id));
    // Any unlocking command warns, search too.
    let out = v.cmd().args(["search", "car"]).output().unwrap();
    assert!(stderr(&out).contains(&id), "{}", stderr(&out));

    let counsel = v.path("counsel.key");
    let to = v.json(&["keygen", "--out", counsel.to_str().unwrap()])["recipient"]
        .as_str()
        .unwrap()
        .to_owned();
    let bundle = v.path("all.vault");
    let out = v.fails(&[
        "export",
        "--to",
        &to,
        "--all",
        "--out",
        bundle.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert!(stderr(&out).contains(&id), "{}", stderr(&out));
    assert!(!bundle.exists());
    // A chosen incident can still be exported.
    v.ok(&[
        "export",
        "--to",
        &to,
        "--entries",
        &keep,
        "--out",
        bundle.to_str().unwrap(),
    ]);

    let kinds = full_verify_kinds(&v);
    assert!(kinds.contains(&"record_missing".to_owned()), "{kinds:?}");
    let out = v.cmd_locked().args(["verify"]).output().unwrap();
    assert_eq!(out.status.code(), Some(4));
    assert!(stdout(&out).contains(&id) || stderr(&out).contains(&id));
}

#[test]
fn deleting_revision_2_is_named_as_a_rollback() {
    let v = TestVault::new();
    let id = add(&v, GENUINE);
    v.ok(&[
        "amend",
        &id,
        "--what",
        "agents raided the building at dawn; two were arrested",
    ]);
    db(&v)
        .execute("DELETE FROM records WHERE id = ?1 AND revision = 2", [&id])
        .unwrap();
    let out = v.cmd().args(["show", &id]).output().unwrap();
    assert_success(&out, &["show"]);
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "revision 2 of incident {id} is missing, so the older revision 1 is shown in its place"
        )),
        "{err}"
    );
    let kinds = full_verify_kinds(&v);
    assert!(kinds.contains(&"record_missing".to_owned()), "{kinds:?}");
    // In Spanish too.
    let out = v
        .cmd()
        .env("LANG", "es_MX.UTF-8")
        .args(["list"])
        .output()
        .unwrap();
    let err = stderr(&out);
    assert!(
        err.contains(&format!("falta la versión 2 del incidente {id}")),
        "{err}"
    );
    assert!(err.contains("aviso:"), "{err}");
}

/// With the newest revision deleted from the folder, the older one shows (named at unlock), but
/// nothing builds on it: `amend` and `withdraw` would sign a second "revision 2" over the lost
/// correction, and `export --entries` would send the older text as current. Each is refused,
/// with nothing written, and works again once the revision is back.
#[test]
fn amend_withdraw_and_export_entries_refuse_while_the_newest_revision_is_missing() {
    let v = TestVault::new();
    let id = add(&v, GENUINE);
    v.ok(&[
        "amend",
        &id,
        "--what",
        "agents raided the building at dawn; two arrested",
    ]);
    let c = db(&v);
    let saved: (i64, Vec<u8>) = c
        .query_row(
            "SELECT leaf_index, ciphertext FROM records WHERE id = ?1 AND revision = 2",
            [&id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    c.execute("DELETE FROM records WHERE id = ?1 AND revision = 2", [&id])
        .unwrap();
    drop(c);
    let before = ledger_entries(&v);
    let (_, to) = v.counsel_key("counsel.key");
    for args in [
        vec!["amend", id.as_str(), "--what", "nothing happened"],
        vec!["withdraw", id.as_str(), "--reason", "entered by mistake"],
        vec![
            "export",
            "--entries",
            id.as_str(),
            "--to",
            to.as_str(),
            "--out",
            "b.age",
        ],
    ] {
        let out = v
            .cmd()
            .current_dir(v.tmp.path())
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(4), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.contains(&format!("incident {id} revision 2 is missing")),
            "{args:?}: {err}"
        );
        assert_eq!(ledger_entries(&v), before, "{args:?} wrote to the ledger");
    }
    assert!(!v.path("b.age").exists());

    // Put back, everything works again.
    db(&v)
        .execute(
            "INSERT INTO records(id, revision, leaf_index, ciphertext) VALUES(?1, 2, ?2, ?3)",
            rusqlite::params![id, saved.0, saved.1],
        )
        .unwrap();
    v.ok(&["withdraw", &id, "--reason", "entered by mistake"]);
}

fn ledger_entries(v: &TestVault) -> i64 {
    db(v)
        .query_row("SELECT COUNT(*) FROM ledger", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_deleted_attachment_is_named_at_unlock() {
    let v = TestVault::new();
    let id = add(&v, GENUINE);
    let file = v.path("photo.bin");
    std::fs::write(&file, b"photo").unwrap();
    let out = v
        .cmd_locked()
        .args(["attach", &id])
        .arg(&file)
        .output()
        .unwrap();
    assert_success(&out, &["attach"]);
    v.ok(&["list"]);
    let evidence = cache_seqs(&v);
    let att: String = db(&v)
        .query_row("SELECT id FROM attachments", [], |r| r.get(0))
        .unwrap();
    db(&v).execute("DELETE FROM attachments", []).unwrap();
    let out = v.cmd().arg("list").output().unwrap();
    assert_success(&out, &["list"]);
    assert!(
        stderr(&out).contains(&format!("attachment {att} of incident {id} is missing")),
        "{}",
        stderr(&out)
    );
    // The segment that cached its description is kept as evidence.
    v.ok(&["list"]);
    let now = cache_seqs(&v);
    assert!(
        evidence.iter().all(|s| now.contains(s)),
        "{evidence:?} {now:?}"
    );
    let kinds = full_verify_kinds(&v);
    assert!(
        kinds.contains(&"attachment_missing".to_owned()),
        "{kinds:?}"
    );
}

#[test]
fn an_intact_vault_warns_of_nothing() {
    let v = TestVault::new();
    let id = add(&v, GENUINE);
    v.ok(&["amend", &id, "--tag", "court"]);
    let out = v.cmd().arg("list").output().unwrap();
    assert_success(&out, &["list"]);
    assert!(!stderr(&out).contains("missing"), "{}", stderr(&out));
}

/// After a rekey, reads check rows against the newest re-encryption entries: one incident
/// (looked up alone) and a listing of many (all re-encryptions read once) both work, and a
/// ciphertext swapped afterwards is still refused.
#[test]
fn reads_after_a_rekey_check_the_reencryption_hashes() {
    let v = TestVault::new();
    let ids: Vec<String> = (0..12)
        .map(|i| add(&v, &format!("incident number {i}")))
        .collect();
    let file = v.path("photo.bin");
    std::fs::write(&file, b"photo").unwrap();
    v.ok(&["attach", &ids[3], file.to_str().unwrap()]);
    v.ok(&["list"]);
    v.ok(&["rekey"]);
    let listed = v.ok(&["list"]);
    for id in &ids {
        assert!(listed.contains(&id[..8]), "{listed}");
    }
    assert!(v.ok(&["show", &ids[3]]).contains("incident number 3"));
    let out = v.path("photo.out");
    v.ok(&["extract", &ids[3], "--out", out.to_str().unwrap()]);
    assert_eq!(std::fs::read(&out).unwrap(), b"photo");
    // A swap after the rekey: refused by show (alone) and by a cold listing (all at once).
    set_ciphertext(&v, &ids[5], 1, &forged_ciphertext(&v, &ids[5], 1));
    assert_refused_naming(&v.fails(&["show", &ids[5]]), &ids[5], "show after rekey");
    db(&v).execute("DELETE FROM cache", []).unwrap();
    assert_refused_naming(&v.fails(&["list"]), &ids[5], "list after rekey");
}

/// A revision planted as a row alone (no ledger entry of its own: it points at another entry's
/// leaf) is refused, not shown as the newest revision.
#[test]
fn a_planted_revision_without_its_own_entry_is_refused() {
    let v = TestVault::new();
    let id = add(&v, GENUINE);
    let forged = forged_ciphertext(&v, &id, 2);
    // Leaf 1 is the first keyslot's entry: no record row uses it.
    db(&v)
        .execute(
            "INSERT INTO records(id, revision, ciphertext, leaf_index) VALUES(?1, 2, ?2, 1)",
            params![id, forged],
        )
        .unwrap();
    let out = v.fails(&["show", &id]);
    assert_refused_naming(&out, &id, "show");
    assert!(
        stderr(&out).contains("has no ledger entry of its own"),
        "{}",
        stderr(&out)
    );
    let out = v.fails(&["list"]);
    assert_refused_naming(&out, &id, "list");
    let kinds = full_verify_kinds(&v);
    assert!(kinds.contains(&"record_leaf".to_owned()), "{kinds:?}");
}

/// Export pages through the newest revisions by leaf index. A row planted at a negative leaf
/// (where no ledger entry is) comes first in that order: it is refused like any row its ledger
/// does not commit to, never skipped, and a genuine newest row moved there leaves its real leaf
/// without a row, which `export --all` refuses as missing. Nothing is written either way.
#[test]
fn rows_planted_or_moved_to_a_negative_leaf_stop_export_all() {
    let v = TestVault::new();
    let id = add(&v, GENUINE);
    add(&v, "a car followed me home");
    let (_, to) = v.counsel_key("counsel.key");
    let bundle = v.path("bundle.vault");
    let export = |v: &TestVault| {
        v.cmd()
            .args([
                "export",
                "--to",
                &to,
                "--all",
                "--out",
                bundle.to_str().unwrap(),
            ])
            .output()
            .unwrap()
    };

    // A copy of a genuine row under a new id, at leaf -7.
    let planted = "0123456789abcdef0123456789abcdef";
    db(&v)
        .execute(
            "INSERT INTO records (id, revision, ciphertext, leaf_index)
             SELECT ?1, 1, ciphertext, -7 FROM records WHERE id = ?2",
            params![planted, id],
        )
        .expect("plant");
    let out = export(&v);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert!(!bundle.exists(), "export wrote a bundle");
    db(&v)
        .execute("DELETE FROM records WHERE id = ?1", [planted])
        .expect("remove");

    // The genuine row moved to leaf -7.
    db(&v)
        .execute("UPDATE records SET leaf_index = -7 WHERE id = ?1", [&id])
        .expect("move");
    let out = export(&v);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert!(stderr(&out).contains(&id[..8]), "{}", stderr(&out));
    assert!(!bundle.exists(), "export wrote a bundle");
}
