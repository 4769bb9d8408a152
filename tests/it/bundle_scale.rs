//! A bundle of a few hundred incidents, several checkpoints apart: every inclusion proof and
//! every consistency proof the export takes from its tree (built once, `merkle::Tree`) is
//! checked here with the reference verification functions against the signed checkpoint, not
//! only by `bundle verify`; a changed proof hash is caught by counsel's check.

use std::io::Read;
use std::path::Path;

use base64::{engine::general_purpose::STANDARD, Engine as _};
use serde_json::Value;
use vault::ledger::merkle::{self, Hash};

use crate::common;
use common::TestVault;

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

fn hash(b64: &Value) -> Hash {
    let bytes = STANDARD
        .decode(b64.as_str().expect("base64 string"))
        .unwrap();
    Hash::try_from(bytes.as_slice()).expect("32 bytes")
}

fn hashes(list: &Value) -> Vec<Hash> {
    list.as_array().expect("array").iter().map(hash).collect()
}

/// The decrypted archive's entries, by name.
fn entries(bundle: &Path, key: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let text = std::fs::read_to_string(key).unwrap();
    let identity: age::x25519::Identity = text
        .lines()
        .find(|l| l.starts_with("AGE-SECRET-KEY-1"))
        .unwrap()
        .parse()
        .unwrap();
    let file = std::fs::File::open(bundle).unwrap();
    let decryptor = age::Decryptor::new(std::io::BufReader::new(file)).unwrap();
    let mut plain = Vec::new();
    decryptor
        .decrypt(std::iter::once(&identity as &dyn age::Identity))
        .unwrap()
        .read_to_end(&mut plain)
        .unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(plain)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut bytes = Vec::new();
            f.read_to_end(&mut bytes).unwrap();
            (f.name().unwrap().into_owned(), bytes)
        })
        .collect()
}

#[test]
fn every_proof_of_a_bundle_of_hundreds_of_incidents_verifies() {
    let v = TestVault::new();
    let counsel = v.json(&["keygen", "--out", s(&v.path("counsel.key"))]);
    let to = counsel["recipient"].as_str().unwrap().to_owned();
    let file = v.path("note.txt");
    std::fs::write(&file, b"statement, page 1\n").unwrap();

    // 230 incidents with a few attachments and a correction; an unlocking command after each
    // batch signs a checkpoint there, so the bundle carries consistency proofs from several
    // earlier sizes, powers of two and others.
    let mut ids = Vec::new();
    for batch in [1usize, 7, 56, 64, 102] {
        for i in 0..batch {
            let n = ids.len();
            let when = format!("2025-{:02}-{:02} 10:{:02}", 1 + n % 12, 1 + n % 28, n % 60);
            let what = format!("Incident {n}: a grey van parked outside.");
            let mut args = vec![
                "add", "--kind", "followed", "--when", &when, "--what", &what,
            ];
            if i % 40 == 3 {
                args.extend(["--attach", s(&file)]);
            }
            ids.push(v.json(&args)["id"].as_str().unwrap().to_owned());
        }
        v.ok(&["list"]);
    }
    v.ok(&["amend", &ids[5], "--what", "Incident 5, corrected."]);
    assert_eq!(ids.len(), 230);

    let bundle = v.path("bundle.age");
    v.ok(&["export", "--to", &to, "--all", "--out", s(&bundle)]);
    let key = v.path("counsel.key");
    let (code, report, err) = v.bundle_verify(&bundle, &key, &[]);
    assert_eq!(code, 0, "{report}\n{err}");
    assert_eq!(report["ok"], true, "{report}");

    // The same proofs, checked here with the reference functions against the checkpoint.
    let files = entries(&bundle, &key);
    let manifest: Value = serde_json::from_slice(&files["manifest.json"]).unwrap();
    let note = manifest["checkpoint"].as_str().unwrap();
    let mut lines = note.lines();
    lines.next(); // origin
    let size: u64 = lines.next().unwrap().parse().unwrap();
    let root = hash(&Value::String(lines.next().unwrap().to_owned()));
    let records = manifest["records"].as_array().unwrap();
    let attachments = manifest["attachments"].as_array().unwrap();
    assert_eq!(records.len(), 230);
    assert!(attachments.len() >= 5, "{}", attachments.len());
    for item in records.iter().chain(attachments) {
        let proof = &item["proof"];
        let entry = STANDARD.decode(proof["entry"].as_str().unwrap()).unwrap();
        let index = proof["leaf_index"].as_u64().unwrap();
        let path = hashes(&proof["inclusion_proof"]);
        assert_eq!(
            merkle::verify_inclusion(&merkle::leaf_hash(&entry), index, size, &path, &root),
            Ok(()),
            "leaf {index} of {size}"
        );
    }
    let history = manifest["history"].as_array().unwrap();
    assert!(history.len() >= 4, "{}", history.len());
    for h in history {
        let old_size = h["size"].as_u64().unwrap();
        assert_eq!(
            merkle::verify_consistency(
                old_size,
                size,
                &hash(&h["root"]),
                &root,
                &hashes(&h["consistency_proof"])
            ),
            Ok(()),
            "from {old_size} to {size}"
        );
    }

    // Counsel's check catches one changed hash in one proof deep in the bundle.
    let mut tampered = manifest.clone();
    let p = &mut tampered["records"][150]["proof"]["inclusion_proof"][2];
    let mut h = hash(p);
    h[7] ^= 1;
    *p = Value::String(STANDARD.encode(h));
    let bad = v.path("tampered.age");
    rewrite(&files, &tampered, &to, &bad);
    let (code, report, _) = v.bundle_verify(&bad, &key, &[]);
    assert_ne!(code, 0, "{report}");
    assert_eq!(report["ok"], false, "{report}");
}

/// Writes `files` with `manifest.json` replaced, as a stored zip encrypted to `to`.
fn rewrite(
    files: &std::collections::BTreeMap<String, Vec<u8>>,
    manifest: &Value,
    to: &str,
    out: &Path,
) {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in files {
        zip.start_file(name.as_str(), opts).unwrap();
        if name == "manifest.json" {
            zip.write_all(&serde_json::to_vec_pretty(manifest).unwrap())
                .unwrap();
        } else {
            zip.write_all(bytes).unwrap();
        }
    }
    let plain = zip.finish().unwrap().into_inner();
    let recipient: age::x25519::Recipient = to.parse().unwrap();
    let encryptor =
        age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
            .unwrap();
    let mut ct = Vec::new();
    let mut w = encryptor.wrap_output(&mut ct).unwrap();
    w.write_all(&plain).unwrap();
    w.finish().unwrap();
    std::fs::write(out, ct).unwrap();
}
