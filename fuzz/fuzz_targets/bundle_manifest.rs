//! A bundle whose manifest.json is the fuzz input: parsing and every check of
//! `vault::bundle::verify_bundle` (signature, proofs, disclosures, history, files).
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // A record file the manifest may reference, so the record-file comparison runs too.
    let record = br#"{"id":"00","revision":1,"fields":{},"derived":{}}"#;
    let zip = common::zip_of(&[("manifest.json", data), ("records/00.json", record)]);
    let path = common::encrypted_file(&zip);
    let _ = vault::bundle::verify_bundle(&path, &common::identities(), None);
    let _ = vault::bundle::open_bundle(
        &path,
        &common::identities(),
        &std::env::temp_dir().join(format!("vault-fuzz-open-{}", std::process::id())),
    )
    .map(|opened| {
        for f in opened.files {
            let _ = std::fs::remove_file(f);
        }
    });
    let _ = std::fs::remove_dir_all(
        std::env::temp_dir().join(format!("vault-fuzz-open-{}", std::process::id())),
    );
});
