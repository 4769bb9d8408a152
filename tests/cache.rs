//! The encrypted list cache (docs/format.md, "Encrypted list cache"): a stale, damaged, forged
//! or missing cache is detected and the listing still shows exactly what the records say;
//! `verify` reports a damaged or forged segment, and opens cached records with their kept file
//! keys.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{Read, Write};
use std::path::Path;
use std::str::FromStr;

use rusqlite::{params, Connection};
use vault::crypto::kdf;
use vault::integrity;
use vault::record::{Incident, Kind};
use vault::secret::Passphrase;
use vault::vault::{CacheStats, Unlocked, Vault};
use vault::when::When;

const PASS: &str = "correct horse battery staple 4 tests";

fn pass() -> Passphrase {
    Passphrase::new(PASS.into())
}

fn incident(text: &str) -> Incident {
    Incident {
        kind: Kind::Followed,
        occurred_at: When::At(
            chrono::DateTime::parse_from_rfc3339("2026-11-20T14:30:00+01:00").unwrap(),
        ),
        location: None,
        narrative: text.into(),
        agents: vec![],
        vehicles: vec![],
        witnesses: vec![],
        tags: vec![],
    }
}

fn unlock(dir: &Path) -> Unlocked {
    Vault::open(dir).unwrap().unlock(&pass(), false).unwrap()
}

/// Lists and returns the sorted narratives and what the cache did.
fn list(dir: &Path) -> (Vec<String>, CacheStats) {
    let mut u = unlock(dir);
    let mut texts: Vec<String> = u.list().unwrap().into_iter().map(|v| v.narrative).collect();
    texts.sort();
    (texts, u.cache_stats().cloned().unwrap())
}

fn verify_ok(dir: &Path) {
    let report = full_report(dir);
    assert!(report.ok(), "{:?}", report.problems);
}

fn db(dir: &Path) -> Connection {
    Connection::open(dir.join("vault.db")).unwrap()
}

fn setup(n: usize) -> (tempfile::TempDir, std::path::PathBuf, Vec<String>) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("vault");
    let mut v = Vault::init(&dir, &pass(), kdf::FLOOR).unwrap();
    let ids = (0..n)
        .map(|i| v.add(incident(&format!("incident number {i}"))).unwrap())
        .collect();
    (tmp, dir, ids)
}

fn expected(n: usize) -> Vec<String> {
    let mut e: Vec<String> = (0..n).map(|i| format!("incident number {i}")).collect();
    e.sort();
    e
}

/// Decrypts with the exported master key (a standard age identity file).
fn master_identity(dir: &Path, tmp: &Path) -> age::x25519::Identity {
    let path = tmp.join("master.key");
    unlock(dir).export_master_key(&path).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let line = text
        .lines()
        .find(|l| l.starts_with("AGE-SECRET-KEY-"))
        .unwrap();
    age::x25519::Identity::from_str(line).unwrap()
}

fn decrypt(id: &age::x25519::Identity, ct: &[u8]) -> Vec<u8> {
    let d = age::Decryptor::new(ct).unwrap();
    let mut r = d
        .decrypt(std::iter::once(id as &dyn age::Identity))
        .unwrap();
    let mut out = vec![];
    r.read_to_end(&mut out).unwrap();
    out
}

fn encrypt(recipient: &age::x25519::Recipient, plain: &[u8]) -> Vec<u8> {
    let e =
        age::Encryptor::with_recipients(std::iter::once(recipient as &dyn age::Recipient)).unwrap();
    let mut out = vec![];
    let mut w = e.wrap_output(&mut out).unwrap();
    w.write_all(plain).unwrap();
    w.finish().unwrap();
    out
}

fn recipient(dir: &Path) -> age::x25519::Recipient {
    let info = Vault::open(dir).unwrap().info().unwrap();
    age::x25519::Recipient::from_str(&info.master_recipient).unwrap()
}

#[test]
fn first_listing_builds_and_second_uses_the_cache() {
    let (_t, dir, _) = setup(5);
    let (texts, s) = list(&dir);
    assert_eq!(texts, expected(5));
    assert_eq!((s.segments, s.decrypted, s.hits), (0, 5, 0));
    assert!(s.written_segments >= 1);
    let (texts, s) = list(&dir);
    assert_eq!(texts, expected(5));
    assert_eq!((s.decrypted, s.hits, s.written_segments), (0, 5, 0));
    verify_ok(&dir);
}

#[test]
fn stale_cache_is_updated_after_add_and_amend() {
    let (_t, dir, ids) = setup(4);
    list(&dir);
    Vault::open(&dir)
        .unwrap()
        .add(incident("incident number 4"))
        .unwrap();
    let (texts, s) = list(&dir);
    assert_eq!(texts, expected(5));
    assert_eq!((s.decrypted, s.hits), (1, 4));
    // An amendment: the new revision is decrypted, the old cached one is not shown.
    unlock(&dir)
        .amend(&ids[0], |i| {
            i.narrative = "incident number 0, corrected".into();
            Ok(())
        })
        .unwrap();
    let (texts, s) = list(&dir);
    assert!(texts.contains(&"incident number 0, corrected".to_owned()));
    assert!(!texts.contains(&"incident number 0".to_owned()));
    assert_eq!((s.decrypted, s.hits), (1, 4));
    let (_, s) = list(&dir);
    assert_eq!(s.decrypted, 0);
    verify_ok(&dir);
}

#[test]
fn damaged_cache_is_detected_and_rebuilt() {
    let (_t, dir, _) = setup(3);
    list(&dir);
    {
        let conn = db(&dir);
        let (seq, mut ct): (i64, Vec<u8>) = conn
            .query_row("SELECT seq, ciphertext FROM cache LIMIT 1", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        let n = ct.len();
        ct[n - 20] ^= 1;
        conn.execute(
            "UPDATE cache SET ciphertext = ?1 WHERE seq = ?2",
            params![ct, seq],
        )
        .unwrap();
    }
    // `verify` reports the damaged segment (its signature covers the ciphertext) without and
    // with the passphrase; the records themselves are fine.
    let report = integrity::verify(&mut Vault::open(&dir).unwrap(), None, None, None).unwrap();
    assert_only_cache_segment(&report);
    assert_only_cache_segment(&full_report(&dir));
    let (texts, s) = list(&dir);
    assert_eq!(texts, expected(3));
    assert_eq!((s.rejected_segments, s.decrypted), (1, 3));
    let (texts, s) = list(&dir);
    assert_eq!(texts, expected(3));
    assert_eq!((s.rejected_segments, s.decrypted, s.hits), (0, 0, 3));
    verify_ok(&dir);
}

#[test]
fn cache_forged_with_the_public_recipient_is_rejected() {
    let (t, dir, _) = setup(3);
    list(&dir);
    let identity = master_identity(&dir, t.path());
    {
        let conn = db(&dir);
        let (seq, ct): (i64, Vec<u8>) = conn
            .query_row("SELECT seq, ciphertext FROM cache LIMIT 1", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        let plain = String::from_utf8(decrypt(&identity, &ct)).unwrap();
        assert!(plain.contains("incident number 1"));
        let forged = plain.replace("incident number 1", "FORGED narrative");
        let forged_ct = encrypt(&recipient(&dir), forged.as_bytes());
        conn.execute(
            "UPDATE cache SET ciphertext = ?1 WHERE seq = ?2",
            params![forged_ct, seq],
        )
        .unwrap();
    }
    let report = full_report(&dir);
    assert_only_cache_segment(&report);
    assert!(
        report.problems[0].detail.contains("signature"),
        "{:?}",
        report.problems
    );
    let (texts, s) = list(&dir);
    assert_eq!(texts, expected(3));
    assert_eq!(s.rejected_segments, 1);
    verify_ok(&dir);
}

/// `verify --full` through the library.
fn full_report(dir: &Path) -> integrity::Report {
    let mut u = Vault::open(dir).unwrap().unlock(&pass(), true).unwrap();
    u.verify(None, None).unwrap()
}

fn assert_only_cache_segment(report: &integrity::Report) {
    assert_eq!(
        cache_problems(report),
        vec!["cache_segment"],
        "{:?}",
        report.problems
    );
}

/// Problem kinds of a report, sorted.
fn cache_problems(report: &vault::integrity::Report) -> Vec<&'static str> {
    let mut kinds: Vec<&'static str> = report.problems.iter().map(|p| p.kind).collect();
    kinds.sort();
    kinds
}

#[test]
fn full_verify_opens_cached_records_with_their_kept_file_keys() {
    let (_t, dir, ids) = setup(3);
    // Before any listing there are no kept keys: every record is unwrapped with the master key.
    let report = full_report(&dir);
    assert!(report.ok(), "{:?}", report.problems);
    assert_eq!(report.records_opened_with_cached_keys, 0);
    list(&dir);
    let report = full_report(&dir);
    assert!(report.ok(), "{:?}", report.problems);
    assert_eq!(report.records_opened_with_cached_keys, 3);
    // A record ciphertext with a flipped byte: the kept key is not used for it (its hash no
    // longer matches the item), and the damage is reported as always.
    {
        let conn = db(&dir);
        let mut ct: Vec<u8> = conn
            .query_row(
                "SELECT ciphertext FROM records WHERE id = ?1",
                [&ids[1]],
                |r| r.get(0),
            )
            .unwrap();
        let n = ct.len();
        ct[n - 30] ^= 0x20;
        conn.execute(
            "UPDATE records SET ciphertext = ?1 WHERE id = ?2",
            params![ct, ids[1]],
        )
        .unwrap();
    }
    let report = full_report(&dir);
    assert_eq!(report.records_opened_with_cached_keys, 2);
    assert_eq!(
        cache_problems(&report),
        vec!["record_ciphertext_hash", "record_decrypt"],
        "{:?}",
        report.problems
    );
}

#[test]
fn deleting_the_cache_is_harmless() {
    let (_t, dir, _) = setup(3);
    list(&dir);
    db(&dir).execute("DELETE FROM cache", []).unwrap();
    verify_ok(&dir);
    let (texts, s) = list(&dir);
    assert_eq!(texts, expected(3));
    assert_eq!((s.segments, s.decrypted), (0, 3));
    db(&dir).execute("DROP TABLE cache", []).unwrap();
    let (texts, _) = list(&dir);
    assert_eq!(texts, expected(3));
    verify_ok(&dir);
}

#[test]
fn a_record_whose_ledger_entry_changed_is_refused_not_listed() {
    // A cached item is used only while its ledger entry is byte-for-byte the one it was cached
    // under (the entry commits to the ciphertext's SHA-256). Here a row is rewritten (a valid
    // re-encryption to the public recipient) and its ledger entry and leaf hash edited to match:
    // the cached item is not used, the row is decrypted again and, as its fields no longer match
    // the digests its entry commits to, the listing is refused naming it (never shown), and
    // `verify` reports the altered history.
    use sha2::{Digest, Sha256};
    let (t, dir, ids) = setup(2);
    list(&dir);
    let identity = master_identity(&dir, t.path());
    {
        let conn = db(&dir);
        let (ct, leaf): (Vec<u8>, i64) = conn
            .query_row(
                "SELECT ciphertext, leaf_index FROM records WHERE id = ?1",
                [&ids[0]],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        let plain = String::from_utf8(decrypt(&identity, &ct)).unwrap();
        let changed = plain.replace("incident number 0", "rewritten row 00");
        let new_ct = encrypt(&recipient(&dir), changed.as_bytes());
        let entry: Vec<u8> = conn
            .query_row(
                "SELECT entry FROM ledger WHERE leaf_index = ?1",
                [leaf],
                |r| r.get(0),
            )
            .unwrap();
        let entry = String::from_utf8(entry).unwrap().replace(
            &hex::encode(Sha256::digest(&ct)),
            &hex::encode(Sha256::digest(&new_ct)),
        );
        let mut h = Sha256::new();
        h.update([0u8]);
        h.update(entry.as_bytes());
        let leaf_hash = h.finalize().to_vec();
        conn.execute(
            "UPDATE records SET ciphertext = ?1 WHERE id = ?2",
            params![new_ct, ids[0]],
        )
        .unwrap();
        conn.execute(
            "UPDATE ledger SET entry = ?1, leaf_hash = ?2 WHERE leaf_index = ?3",
            params![entry.as_bytes(), leaf_hash, leaf],
        )
        .unwrap();
    }
    let mut u = Vault::open(&dir).unwrap().unlock(&pass(), true).unwrap();
    let report = u.verify(None, None).unwrap();
    assert!(!report.ok());
    let err = u.list().unwrap_err();
    assert_eq!(err.exit_code(), 4, "{err}");
    let text = err.to_string();
    assert!(text.contains(&ids[0]) && text.contains("digests"), "{text}");
    assert!(!text.contains("rewritten row"), "{text}");
}

#[test]
fn attachments_are_cached_and_listed() {
    let (t, dir, ids) = setup(2);
    let file = t.path().join("a.bin");
    std::fs::write(&file, b"some attachment bytes").unwrap();
    Vault::open(&dir)
        .unwrap()
        .attach(&ids[1], &file, &Default::default())
        .unwrap();
    let count = |dir: &Path| -> (usize, CacheStats) {
        let mut u = unlock(dir);
        let views = u.list().unwrap();
        let n = views.iter().map(|v| v.attachments.len()).sum();
        (n, u.cache_stats().cloned().unwrap())
    };
    let (n, s) = count(&dir);
    assert_eq!((n, s.decrypted), (1, 3));
    let (n, s) = count(&dir);
    assert_eq!((n, s.decrypted, s.hits), (1, 0, 3));
    verify_ok(&dir);
}

/// Names of the indexes SQLite knows for the vault database.
fn index_names(dir: &Path) -> Vec<String> {
    let c = db(dir);
    let mut stmt = c
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name",
        )
        .unwrap();
    let names = stmt.query_map([], |r| r.get(0)).unwrap();
    names.collect::<rusqlite::Result<_>>().unwrap()
}

/// The covering indexes listing reads (`records_by_leaf`, `ledger_hashes`) are recreated when
/// missing (a vault written before them, or dropped), and the listing is the same either way.
#[test]
fn missing_covering_indexes_are_recreated_and_the_listing_is_unchanged() {
    let (_t, dir, _) = setup(20);
    let before = index_names(&dir);
    assert!(before.contains(&"ledger_hashes".to_owned()), "{before:?}");
    assert!(before.contains(&"records_by_leaf".to_owned()), "{before:?}");
    let (texts, _) = list(&dir);
    db(&dir)
        .execute_batch("DROP INDEX ledger_hashes; DROP INDEX records_by_leaf;")
        .unwrap();
    assert!(!index_names(&dir).contains(&"ledger_hashes".to_owned()));
    let (again, s) = list(&dir);
    assert_eq!(again, texts);
    assert_eq!((s.hits, s.decrypted), (20, 0));
    assert_eq!(index_names(&dir), before);
    verify_ok(&dir);
}

/// An index SQLite keeps out of step with its table (simulated by hiding the index from the
/// schema while the table changes) is reported by `verify` (SQLite's integrity check), and the
/// listing still shows what the records say.
#[test]
fn a_stale_leaf_hash_index_is_reported_by_verify() {
    let (_t, dir, _) = setup(5);
    let (texts, _) = list(&dir);
    let c = db(&dir);
    let (root, sql): (i64, String) = c
        .query_row(
            "SELECT rootpage, sql FROM sqlite_master WHERE name = 'ledger_hashes'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    c.execute_batch("PRAGMA writable_schema = ON;").unwrap();
    c.execute("DELETE FROM sqlite_master WHERE name = 'ledger_hashes'", [])
        .unwrap();
    drop(c);
    // SQLite no longer knows the index, so this change leaves its pages as they were.
    let c = db(&dir);
    c.execute(
        "UPDATE ledger SET leaf_hash = zeroblob(32) WHERE leaf_index = 2",
        [],
    )
    .unwrap();
    c.execute_batch("PRAGMA writable_schema = ON;").unwrap();
    c.execute(
        "INSERT INTO sqlite_master(type, name, tbl_name, rootpage, sql) \
         VALUES('index', 'ledger_hashes', 'ledger', ?1, ?2)",
        params![root, sql],
    )
    .unwrap();
    drop(c);
    let report = full_report(&dir);
    let kinds = cache_problems(&report);
    assert!(kinds.contains(&"database"), "{:?}", report.problems);
    assert!(kinds.contains(&"leaf_hash"), "{:?}", report.problems);
    let (again, _) = list(&dir);
    assert_eq!(again, texts);
}
