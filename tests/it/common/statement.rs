//! Rebuilding a bundle's signed statement the way a forger who holds some Ed25519 key would:
//! from the archive's members as they are now, with the library's own renderer
//! (docs/bundle-format.md, section 9).

use std::collections::BTreeMap;

use ed25519_dalek::SigningKey;
use vault::bundle::manifest::Manifest;
use vault::bundle::statement;

/// Replaces (or adds) `STATEMENT.txt` and `STATEMENT.sig` in `entries`, signed by `key`.
pub fn resign(entries: &mut Vec<(String, Vec<u8>)>, key: &SigningKey) {
    entries.retain(|(n, _)| !statement::is_own(n));
    let files: BTreeMap<String, String> = entries
        .iter()
        .map(|(n, b)| (n.clone(), vault::crypto::sha256_hex(b)))
        .collect();
    let manifest_bytes = &entries
        .iter()
        .find(|(n, _)| n == "manifest.json")
        .expect("manifest.json")
        .1;
    let m: Manifest = serde_json::from_slice(manifest_bytes).expect("manifest");
    let text = statement::render(&m, &files);
    let sig = statement::sign(&text, key);
    entries.push((statement::STATEMENT_FILE.to_owned(), text.into_bytes()));
    entries.push((statement::SIGNATURE_FILE.to_owned(), sig.into_bytes()));
}

/// The problem kinds a change made without the vault's key adds beside the one it aims at.
pub const UNSIGNED_CHANGE: [&str; 2] = ["file_hash", "statement"];
