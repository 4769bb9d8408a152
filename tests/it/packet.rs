//! The court packet in every bundle (exhibit.pdf, chronology.csv, declaration.txt), counsel's
//! `vault bundle exhibit`, and report.html / VERIFY.txt / `export` written for the lawyer first.
//!
//! The PDF is read with poppler's `pdftotext` and `pdfinfo` and checked with `qpdf --check`
//! (installed by .ci/run). When a tool is missing the tests fail, unless
//! `VAULT_SKIP_PDF_TOOLS=1` says to skip the PDF checks on purpose.

use crate::common;
use common::*;

use std::collections::BTreeMap;
use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::str::FromStr;

use sha2::{Digest, Sha256};

const WITNESS: &str = "name=Rosa Quintero-Valdez; contact=555-0199";
const NARRATIVE: &str =
    "Two agents waited by the grey SUV; afterwards we [[met at the Iglesia San Jose basement]].";
/// What must never reach any packet file when witnesses are redacted and private spans withheld.
const SECRETS: [&str; 3] = ["Rosa Quintero", "555-0199", "Iglesia San Jose"];
const SPANISH: &str =
    "Dos agentes se pararon frente a la casa y tomaron fotos de los carros de los vecinos.";

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/media")
        .join(name)
}

/// Three incidents: one with a witness and a private span, one in Spanish, one with a photo
/// taken ten days before it (gps.jpg says 2024-05-01 14:30 -04:00). Returns their ids.
fn incidents(v: &TestVault) -> [String; 3] {
    let id = |out: serde_json::Value| out["id"].as_str().expect("id").to_owned();
    let a = id(v.json(&[
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
    ]));
    let b = id(v.json(&[
        "add",
        "--kind",
        "photographed",
        "--when",
        "2026-11-21 09:15",
        "--what",
        SPANISH,
    ]));
    let c = id(v.json(&[
        "add",
        "--kind",
        "photographed",
        "--when",
        "2024-05-11 14:30",
        "--what",
        "They photographed the line outside the clinic.",
        "--attach",
        s(&fixture("gps.jpg")),
    ]));
    [a, b, c]
}

fn decrypt(bundle: &Path, key: &Path) -> Vec<u8> {
    let ids = age::IdentityFile::from_file(s(key).to_owned())
        .expect("identity file")
        .into_identities()
        .expect("identities");
    let ciphertext = std::fs::read(bundle).expect("read bundle");
    let d = age::Decryptor::new(&ciphertext[..]).expect("age header");
    let mut r = d
        .decrypt(ids.iter().map(|i| i.as_ref() as &dyn age::Identity))
        .expect("decrypt");
    let mut plain = Vec::new();
    r.read_to_end(&mut plain).expect("read");
    plain
}

/// The archive's entries, in order.
fn entries(bundle: &Path, key: &Path) -> Vec<(String, Vec<u8>)> {
    let zip_bytes = decrypt(bundle, key);
    let mut a = zip::ZipArchive::new(Cursor::new(zip_bytes)).expect("zip");
    (0..a.len())
        .map(|i| {
            let mut f = a.by_index(i).expect("entry");
            let mut buf = Vec::new();
            f.read_to_end(&mut buf).expect("read entry");
            (f.name().expect("name").into_owned(), buf)
        })
        .collect()
}

fn member<'a>(entries: &'a [(String, Vec<u8>)], name: &str) -> &'a [u8] {
    &entries
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("{name} not in the bundle"))
        .1
}

fn skip_pdf_tools() -> bool {
    std::env::var("VAULT_SKIP_PDF_TOOLS").is_ok_and(|v| v == "1")
}

/// Runs a PDF tool; a missing tool fails the test (see the module doc).
fn tool(name: &str, args: &[&str]) -> std::process::Output {
    Command::new(name).args(args).output().unwrap_or_else(|e| {
        panic!("{name} is needed to check the court packet ({e}): apt-get install poppler-utils qpdf, or set VAULT_SKIP_PDF_TOOLS=1")
    })
}

/// The PDF's text (layout kept) and page count, after `qpdf --check` passes.
pub(crate) fn read_pdf(dir: &Path, pdf: &[u8]) -> Option<(String, usize)> {
    if skip_pdf_tools() {
        return None;
    }
    let path = dir.join("check.pdf");
    std::fs::write(&path, pdf).expect("write pdf");
    let check = tool("qpdf", &["--check", s(&path)]);
    assert!(
        check.status.success(),
        "qpdf --check: {}{}",
        stdout(&check),
        stderr(&check)
    );
    let info = tool("pdfinfo", &[s(&path)]);
    assert!(info.status.success(), "pdfinfo: {}", stderr(&info));
    let pages: usize = stdout(&info)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count");
    let text = tool("pdftotext", &["-layout", s(&path), "-"]);
    assert!(text.status.success(), "pdftotext: {}", stderr(&text));
    Some((stdout(&text), pages))
}

/// Every page id from `first` on, one per page, in order; none beyond.
fn assert_page_ids(text: &str, pages: usize, prefix: &str, first: u64) {
    let mut at = 0;
    for p in 0..pages as u64 {
        let id = format!("{prefix}-{:06}", first + p);
        let found = text[at..]
            .find(&id)
            .unwrap_or_else(|| panic!("page id {id} missing or out of order in:\n{text}"));
        at += found + id.len();
    }
    let next = format!("{prefix}-{:06}", first + pages as u64);
    assert!(!text.contains(&next), "{next} beyond the last page");
}

fn sha(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

#[test]
fn every_bundle_carries_a_packet_with_every_page_id_incident_and_hash_and_nothing_withheld() {
    let v = TestVault::new();
    let (key, recipient) = v.counsel_key("counsel.key");
    let ids = incidents(&v);
    let bundle = v.path("case.age");
    let out = v.ok(&[
        "export",
        "--all",
        "--to",
        &recipient,
        "--redact",
        "witnesses",
        "--allow-identifying-metadata",
        "--out",
        s(&bundle),
    ]);
    // export ends with what to tell the lawyer.
    let fp = v.json(&["info"])["fingerprint"]
        .as_str()
        .expect("fp")
        .to_owned();
    assert!(out.contains("What to tell your lawyer:"), "{out}");
    assert!(out.contains(&fp), "{out}");
    assert!(
        out.contains("vault bundle verify case.age --identity KEY"),
        "{out}"
    );

    let (code, report, err) = v.bundle_verify(&bundle, &key, &[]);
    assert_eq!(code, 0, "{report}\n{err}");

    let e = entries(&bundle, &key);
    let pdf = member(&e, "exhibit.pdf");
    let csv_bytes = member(&e, "chronology.csv");
    let decl = String::from_utf8(member(&e, "declaration.txt").to_vec()).expect("utf-8");
    assert!(pdf.starts_with(b"%PDF-"), "not a PDF");

    // Nothing withheld reaches any packet file (the PDF's raw bytes included).
    for secret in SECRETS {
        for (name, bytes) in [
            ("exhibit.pdf", pdf),
            ("chronology.csv", csv_bytes),
            ("declaration.txt", decl.as_bytes()),
        ] {
            assert!(
                !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
                "{secret} in {name}"
            );
        }
    }

    // Every file of the bundle and its hash, as the PDF's hash table must list them.
    let manifest: serde_json::Value =
        serde_json::from_slice(member(&e, "manifest.json")).expect("manifest");
    assert_eq!(manifest["records"].as_array().map(Vec::len), Some(3));
    let mut hashes: BTreeMap<String, String> = BTreeMap::new();
    for (name, bytes) in &e {
        if ![
            "exhibit.pdf",
            "manifest.json",
            "STATEMENT.txt",
            "STATEMENT.sig",
        ]
        .contains(&name.as_str())
        {
            hashes.insert(name.clone(), sha(bytes));
        }
    }
    assert!(
        hashes.keys().any(|n| n.starts_with("attachments/")),
        "{hashes:?}"
    );

    if let Some((text, pages)) = read_pdf(&v.path(""), pdf) {
        assert!(pages >= 3, "cover, chronology, incidents: {pages} pages");
        assert_page_ids(&text, pages, "VAULT", 1);
        for id in &ids {
            assert!(text.contains(id.as_str()), "incident {id} missing:\n{text}");
        }
        for (name, h) in &hashes {
            assert!(text.contains(h.as_str()), "hash of {name} missing:\n{text}");
        }
        assert!(text.contains(&fp), "fingerprint missing");
        assert!(text.contains("What this does not prove"), "{text}");
        assert!(text.contains("[private part withheld]"), "{text}");
        // The photo was taken ten days before the incident it is attached to, and its
        // metadata identifies (GPS, serial numbers, owner).
        assert!(
            text.contains("WARNING: the capture time is 10 days away"),
            "{text}"
        );
        assert!(text.contains("identifying metadata"), "{text}");
        assert!(text.contains("40.712800"), "{text}");
        // No raw keys or nanosecond timestamps.
        assert!(!text.contains("approximate:"), "{text}");
        assert!(text.contains("Fri 20 Nov 2026"), "{text}");
    }

    // The chronology parses, one row per incident, oldest first, each citing its page.
    let mut r = csv::Reader::from_reader(csv_bytes);
    let header: Vec<String> = r
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(
        header,
        [
            "Date",
            "Time",
            "Date as written",
            "Fact",
            "Source",
            "Page",
            "Start",
            "End"
        ]
    );
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.expect("row")).collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(&rows[0][0], "2024-05-11");
    assert_eq!(&rows[1][0], "2026-11-20");
    assert_eq!(&rows[1][1], "14:30");
    assert!(
        rows[1][3].starts_with("followed: Two agents"),
        "{:?}",
        rows[1]
    );
    assert!(rows[2][3].contains(SPANISH), "{:?}", rows[2]);
    for row in &rows {
        assert!(row[5].starts_with("VAULT-"), "{row:?}");
        assert!(row[4].contains("version 1"), "{row:?}");
    }

    // The declarations are drafts; the Spanish incident carries its original text and a
    // certificate of translation, the English ones do not.
    assert_eq!(
        decl.matches("DRAFT FOR COUNSEL TO REVIEW").count(),
        2,
        "{decl}"
    );
    assert!(decl.contains("28 U.S.C. § 1746"), "{decl}");
    assert!(decl.contains("FEDERAL RULE OF EVIDENCE 902(14)"), "{decl}");
    assert!(decl.contains(&fp), "{decl}");
    assert_eq!(
        decl.matches("CERTIFICATE OF TRANSLATION").count(),
        2,
        "{decl}"
    );
    let translation = &decl[decl.find("ORIGINAL TEXT AND CERTIFICATE").expect("block")..];
    assert!(translation.contains(SPANISH), "{decl}");
    assert!(!translation.contains("Two agents"), "{decl}");
}

#[test]
fn report_html_and_verify_txt_are_written_for_the_lawyer_first() {
    let v = TestVault::new();
    let (key, recipient) = v.counsel_key("counsel.key");
    let id = v.add_simple("Two agents photographed the building.");
    v.ok(&[
        "amend",
        &id,
        "--what",
        "Two agents photographed the building from a grey van.",
    ]);
    v.json(&[
        "add",
        "--kind",
        "visited",
        "--when",
        "yesterday around 3pm",
        "--what",
        "A visit.",
    ]);
    let bundle = v.path("case.age");
    v.ok(&["export", "--all", "--to", &recipient, "--out", s(&bundle)]);
    let e = entries(&bundle, &key);
    let html = String::from_utf8(member(&e, "report.html").to_vec()).expect("utf-8");
    assert!(html.contains("Fri 20 Nov 2026, 2:30 pm"), "{html}");
    assert!(!html.contains("approximate: "), "raw keys: {html}");
    assert!(html.contains("<table class=\"timeline\">"), "{html}");
    assert!(html.contains("<th>History</th>"), "{html}");
    assert!(html.contains("corrected once"), "{html}");
    assert!(html.contains("by the clock of the activist"), "{html}");
    // No nanosecond timestamps anywhere a person reads.
    let nanos = regex_like_nanos(&html);
    assert!(nanos.is_none(), "{nanos:?} in {html}");

    let verify = String::from_utf8(member(&e, "VERIFY.txt").to_vec()).expect("utf-8");
    assert!(
        verify.starts_with("WHAT THIS BUNDLE IS, IN PLAIN WORDS"),
        "{verify}"
    );
    let plain = verify.find("VERIFIED").expect("VERIFIED explained");
    let technical = verify
        .find("HOW TO VERIFY THIS BUNDLE BY HAND")
        .expect("steps");
    assert!(plain < technical);
    assert!(verify[..technical].contains("computer"), "{verify}");
    assert!(verify[..technical].contains("phone"), "{verify}");
}

/// A `HH:MM:SS.fffffffff` time, if any.
fn regex_like_nanos(text: &str) -> Option<String> {
    let b = text.as_bytes();
    (0..b.len().saturating_sub(12)).find_map(|i| {
        let w = &b[i..i + 12];
        let d = |j: usize| w[j].is_ascii_digit();
        (d(0)
            && d(1)
            && w[2] == b':'
            && d(3)
            && d(4)
            && w[5] == b':'
            && d(6)
            && d(7)
            && w[8] == b'.'
            && d(9)
            && d(10)
            && d(11))
        .then(|| String::from_utf8_lossy(w).into_owned())
    })
}

#[test]
fn export_lang_es_writes_the_report_and_packet_in_spanish() {
    let v = TestVault::new();
    let (key, recipient) = v.counsel_key("counsel.key");
    v.add_simple("Dos agentes tomaron fotos de la casa.");
    let bundle = v.path("caso.age");
    let out = v.ok(&[
        "--lang",
        "es",
        "export",
        "--all",
        "--to",
        &recipient,
        "--out",
        s(&bundle),
    ]);
    assert!(out.contains("Qué decirle a su abogado o abogada:"), "{out}");
    let e = entries(&bundle, &key);
    let html = String::from_utf8(member(&e, "report.html").to_vec()).expect("utf-8");
    assert!(html.contains("<html lang=\"es\">"), "{html}");
    assert!(html.contains("vie 20 nov 2026"), "{html}");
    assert!(html.contains("Cronología"), "{html}");
    let decl = String::from_utf8(member(&e, "declaration.txt").to_vec()).expect("utf-8");
    assert!(decl.contains("BORRADOR"), "{decl}");
    let mut r = csv::Reader::from_reader(member(&e, "chronology.csv"));
    assert_eq!(&r.headers().expect("header")[0], "Fecha");
    if let Some((text, _)) = read_pdf(&v.path(""), member(&e, "exhibit.pdf")) {
        assert!(text.contains("Qué no demuestra"), "{text}");
        assert!(text.contains("Número de seguridad"), "{text}");
    }
}

fn exhibit(v: &TestVault, bundle: &Path, key: &Path, args: &[&str]) -> std::process::Output {
    v.cmd_locked()
        .args(args.iter().take_while(|a| **a != "--"))
        .args(["bundle", "exhibit"])
        .arg(bundle)
        .arg("--identity")
        .arg(key)
        .args(args.iter().skip_while(|a| **a != "--").skip(1))
        .output()
        .expect("run")
}

#[test]
fn bundle_exhibit_remakes_the_packet_with_counsel_page_ids_and_refuses_what_does_not_verify() {
    let v = TestVault::new();
    let (key, recipient) = v.counsel_key("counsel.key");
    let ids = incidents(&v);
    let bundle = v.path("case.age");
    v.ok(&[
        "export",
        "--all",
        "--to",
        &recipient,
        "--strip-metadata",
        "--redact",
        "witnesses",
        "--out",
        s(&bundle),
    ]);

    // Counsel's own prefix and first number.
    let dir = v.path("exhibit");
    let out = exhibit(
        &v,
        &bundle,
        &key,
        &[
            "--",
            "--out",
            s(&dir),
            "--prefix",
            "smith",
            "--start",
            "101",
        ],
    );
    assert_success(&out, &["bundle", "exhibit"]);
    assert!(stdout(&out).contains("SMITH-000101"), "{}", stdout(&out));
    for f in [
        "exhibit.pdf",
        "chronology.csv",
        "declaration.txt",
        "report.html",
    ] {
        assert!(dir.join(f).is_file(), "{f} missing");
    }
    let pdf = std::fs::read(dir.join("exhibit.pdf")).expect("pdf");
    if let Some((text, pages)) = read_pdf(&v.path(""), &pdf) {
        assert_page_ids(&text, pages, "SMITH", 101);
        for id in &ids {
            assert!(text.contains(id.as_str()), "{id} missing");
        }
        // The stripped photo is listed with the hash of the copy in the bundle.
        let e = entries(&bundle, &key);
        for (name, bytes) in &e {
            if name.starts_with("attachments/") || name.starts_with("records/") {
                assert!(text.contains(&sha(bytes)), "hash of {name} missing");
            }
        }
        for secret in SECRETS {
            assert!(!text.contains(secret), "{secret} in the PDF");
        }
    }
    let csv_text = std::fs::read_to_string(dir.join("chronology.csv")).expect("csv");
    assert!(csv_text.contains("SMITH-0001"), "{csv_text}");

    // The folder is never overwritten.
    let again = exhibit(&v, &bundle, &key, &["--", "--out", s(&dir)]);
    assert!(!again.status.success());
    assert!(
        stderr(&again).contains("already exists"),
        "{}",
        stderr(&again)
    );

    // In Spanish, into another folder.
    let es = v.path("anexo");
    let out = exhibit(&v, &bundle, &key, &["--lang", "es", "--", "--out", s(&es)]);
    assert_success(&out, &["bundle", "exhibit"]);
    let html = std::fs::read_to_string(es.join("report.html")).expect("html");
    assert!(html.contains("<html lang=\"es\">"), "{html}");
    let decl = std::fs::read_to_string(es.join("declaration.txt")).expect("decl");
    assert!(decl.contains("CERTIFICADO DE TRADUCCIÓN"), "{decl}");

    // A bad prefix is refused before anything is read.
    let bad = exhibit(
        &v,
        &bundle,
        &key,
        &["--", "--out", s(&v.path("x")), "--prefix", "a b"],
    );
    assert!(!bad.status.success());
    assert!(stderr(&bad).contains("prefix"), "{}", stderr(&bad));
    assert!(!v.path("x").exists());

    // A tampered bundle: a record's text changed inside the encrypted archive (counsel's key
    // is all an attacker on the way needs to rebuild it). Nothing is written.
    let e = entries(&bundle, &key);
    let mut zip_out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in &e {
        let mut bytes = bytes.clone();
        if name.starts_with("records/") {
            let text = String::from_utf8(bytes).expect("utf-8");
            bytes = text.replace("Two agents", "Six agents").into_bytes();
        }
        zip_out.start_file(name.as_str(), opts).expect("entry");
        zip_out.write_all(&bytes).expect("write");
    }
    let plain = zip_out.finish().expect("zip").into_inner();
    let r = age::x25519::Recipient::from_str(&recipient).expect("recipient");
    let enc = age::Encryptor::with_recipients(std::iter::once(&r as &dyn age::Recipient))
        .expect("encryptor");
    let mut tampered = Vec::new();
    let mut w = enc.wrap_output(&mut tampered).expect("wrap");
    w.write_all(&plain).expect("write");
    w.finish().expect("finish");
    let bad_bundle = v.path("tampered.age");
    std::fs::write(&bad_bundle, tampered).expect("write");
    let t = v.path("tampered-exhibit");
    let out = exhibit(&v, &bad_bundle, &key, &["--", "--out", s(&t)]);
    assert_eq!(
        out.status.code(),
        Some(4),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert!(stdout(&out).contains("NOT VERIFIED"), "{}", stdout(&out));
    assert!(
        !t.exists(),
        "an exhibit was written from a bundle that does not verify"
    );
}

/// Someone who can write to the vault folder attaches (no passphrase needed) a PNG whose header
/// is valid but whose image data is not: the PDF library reads only the header when it is
/// given the image and decodes it when the PDF is written. The export must still be written,
/// with that image left undrawn, not fail for one planted file.
#[test]
fn an_image_that_cannot_be_decoded_is_not_drawn_and_the_export_goes_on() {
    let v = TestVault::new();
    let id = v.add_simple("They photographed the house.");
    let mut png = std::fs::read(fixture("gps.png")).expect("fixture");
    // The IDAT chunk's data (its length and type are kept): not zlib any more.
    let idat = png
        .windows(4)
        .position(|w| w == b"IDAT")
        .expect("IDAT chunk");
    let len = u32::from_be_bytes(png[idat - 4..idat].try_into().unwrap()) as usize;
    for b in &mut png[idat + 4..idat + 4 + len] {
        *b = 0xA5;
    }
    let planted = v.path("photo.png");
    std::fs::write(&planted, &png).expect("write");
    let out = v
        .cmd_locked()
        .args(["attach", &id, s(&planted)])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    let (key, recipient) = v.counsel_key("counsel.key");
    let bundle = v.path("b.age");
    v.ok(&[
        "export",
        "--entries",
        &id,
        "--to",
        &recipient,
        "--allow-identifying-metadata",
        "--out",
        s(&bundle),
    ]);
    let e = entries(&bundle, &key);
    let pdf = member(&e, "exhibit.pdf");
    if let Some((text, _)) = read_pdf(v.tmp.path(), pdf) {
        assert!(text.contains("photo.png"), "{text}");
        assert!(
            text.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .contains("This image cannot be drawn here"),
            "{text}"
        );
    }
}

/// The UTC times of an exported record's versions, first to last, as the packet writes them:
/// from the manifest's `earlier` disclosures and the record's own `recorded_at`.
fn version_times(manifest: &serde_json::Value, record: usize) -> Vec<String> {
    let r = &manifest["records"][record];
    let earlier = r["earlier"].as_array().expect("earlier versions");
    earlier
        .iter()
        .map(|e| e["recorded_at"].as_str().expect("recorded_at disclosed"))
        .chain([r["disclosed"]["recorded_at"].as_str().expect("recorded_at")])
        .map(|d| {
            let (_, name, value) = vault::record::disclosure::decode(d).expect("disclosure");
            assert_eq!(name, "recorded_at");
            let t: chrono::DateTime<chrono::Utc> = serde_json::from_value(value).expect("time");
            vault::bundle::packet::model::utc_text(t, vault::i18n::Lang::En)
        })
        .collect()
}

/// Exports one incident for counsel, checks that the bundle verifies, and returns its members
/// and its parsed manifest.
fn export_one_verified(
    v: &TestVault,
    id: &str,
    key: &Path,
    recipient: &str,
) -> (Vec<(String, Vec<u8>)>, serde_json::Value) {
    let bundle = v.path("case.age");
    v.ok(&[
        "export",
        "--entries",
        id,
        "--to",
        recipient,
        "--out",
        s(&bundle),
    ]);
    let (code, report, _) = v.bundle_verify(&bundle, key, &[]);
    assert_eq!(code, 0, "{report}");
    let e = entries(&bundle, key);
    let m = serde_json::from_slice(member(&e, "manifest.json")).expect("json");
    (e, m)
}

#[test]
fn an_incident_corrected_twice_shows_when_each_version_was_recorded() {
    let v = TestVault::new();
    let (key, recipient) = v.counsel_key("counsel.key");
    let id = v.add_simple("Two agents photographed the building.");
    v.ok(&[
        "amend",
        &id,
        "--what",
        "Two agents photographed the front of the building.",
    ]);
    v.ok(&[
        "amend",
        &id,
        "--what",
        "Two agents photographed the building from a grey van.",
    ]);
    let (e, m) = export_one_verified(&v, &id, &key, &recipient);
    let times = version_times(&m, 0);
    assert_eq!(times.len(), 3, "{m}");
    let lines = [
        format!("First recorded {}.", times[0]),
        format!("Corrected (version 2) {}.", times[1]),
        format!("Corrected (version 3) {}.", times[2]),
    ];
    // Earlier versions' texts never travel: only their times.
    let earlier_text = serde_json::to_string(&m["records"][0]["earlier"]).expect("json");
    assert!(!earlier_text.contains("narrative"), "{earlier_text}");

    let html = String::from_utf8(member(&e, "report.html").to_vec()).expect("utf-8");
    let mut at = 0;
    for line in &lines {
        let found = html[at..]
            .find(line.as_str())
            .unwrap_or_else(|| panic!("{line} not in order in {html}"));
        at += found + line.len();
    }
    assert!(html.contains("corrected 2 times"), "{html}");

    if let Some((text, _)) = read_pdf(&v.path(""), member(&e, "exhibit.pdf")) {
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for line in &lines {
            assert!(flat.contains(line.as_str()), "{line} not in {flat}");
        }
    }
    // chronology.csv is unchanged: one row per incident, its latest version.
    let csv = String::from_utf8(member(&e, "chronology.csv").to_vec()).expect("utf-8");
    assert!(!csv.contains("First recorded"), "{csv}");

    // In Spanish, the same history in the glossary's words.
    let es = v.path("caso.age");
    v.ok(&[
        "export",
        "--entries",
        &id,
        "--to",
        &recipient,
        "--lang",
        "es",
        "--out",
        s(&es),
    ]);
    let e = entries(&es, &key);
    let html = String::from_utf8(member(&e, "report.html").to_vec()).expect("utf-8");
    for line in [
        "Se anotó por primera vez el ",
        "Se corrigió (versión 2) el ",
        "Se corrigió (versión 3) el ",
    ] {
        assert!(html.contains(line), "{line} not in {html}");
    }
}

#[test]
fn a_withdrawn_incident_exported_by_id_carries_its_history() {
    let v = TestVault::new();
    let (key, recipient) = v.counsel_key("counsel.key");
    let id = v.add_simple("A car followed me home.");
    v.ok(&["amend", &id, "--what", "A grey car followed me home."]);
    v.ok(&["withdraw", &id, "--reason", "entered by mistake"]);
    let (e, m) = export_one_verified(&v, &id, &key, &recipient);
    assert_eq!(m["records"][0]["revision"], 3, "{m}");
    let times = version_times(&m, 0);
    let html = String::from_utf8(member(&e, "report.html").to_vec()).expect("utf-8");
    assert!(
        html.contains(&format!("First recorded {}.", times[0])),
        "{html}"
    );
    assert!(html.contains("entered by mistake"), "{html}");
}
