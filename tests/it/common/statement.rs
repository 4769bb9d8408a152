//! Rebuilding a bundle's signed statement the way a forger who holds some Ed25519 key would:
//! from the archive's members as they are now, with the library's own renderer
//! (docs/bundle-format.md, section 9).

use std::collections::BTreeMap;

use base64::Engine;
use ed25519_dalek::SigningKey;
use serde_json::Value;
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

/// Re-signs the bundle's checkpoint with a brand-new key (the attacker's) and puts that key in
/// the manifest: every proof still holds, only the signer changed. Returns the new fingerprint.
pub fn resign_checkpoint(m: &mut Value, key: &ed25519_dalek::SigningKey) -> String {
    let vk = key.verifying_key();
    let origin = vault::ledger::origin(m["vault"]["id"].as_str().expect("vault id"));
    let cp =
        vault::ledger::checkpoint::parse_unverified(m["checkpoint"].as_str().expect("checkpoint"))
            .expect("checkpoint");
    let fp = vault::crypto::signing::fingerprint(&vk);
    m["checkpoint"] = Value::String(cp.sign(&origin, key));
    m["vault"]["public_key"] =
        Value::String(base64::engine::general_purpose::STANDARD.encode(vk.as_bytes()));
    m["vault"]["verifier_key"] =
        Value::String(vault::ledger::checkpoint::verifier_key(&origin, &vk));
    m["vault"]["fingerprint"] = Value::String(fp.clone());
    fp
}

/// The problem kinds a change made without the vault's key adds beside the one it aims at.
pub const UNSIGNED_CHANGE: [&str; 2] = ["file_hash", "statement"];
