//! The bundle's statement: one canonical text that names everything a bundle holds (what the
//! manifest claims, and the SHA-256 of every file in the archive), signed with the vault's
//! Ed25519 key. It is what makes every byte of a bundle vouched for: `report.html`,
//! `VERIFY.txt`, the record files, attachments (stripped copies included) and any file added to
//! the archive, such as a court packet.
//!
//! The format is plain UTF-8 lines so that a verifier written from docs/bundle-format.md
//! (section 9) alone can rebuild it byte for byte: no canonical JSON. Both the writer and the
//! reader use [`render`], so they cannot disagree.

use std::collections::BTreeMap;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use ed25519_dalek::{Signature, Signer, VerifyingKey};

use super::manifest::Manifest;
use crate::crypto::sha256_hex;

/// The statement's archive member.
pub const STATEMENT_FILE: &str = "STATEMENT.txt";
/// The signature's archive member: standard base64 of the 64-byte Ed25519 signature, then LF.
pub const SIGNATURE_FILE: &str = "STATEMENT.sig";
/// Prefixed to the statement's bytes before signing (domain separation: the same key signs
/// checkpoints, whose bodies start with `vault/`).
pub const CONTEXT: &[u8] = b"vault-bundle-statement/1\n";

/// True for the two members the statement cannot list (itself and its signature).
pub fn is_own(path: &str) -> bool {
    path == STATEMENT_FILE || path == SIGNATURE_FILE
}

/// A list of names as one token: sorted, joined with `,`, or `-` when empty.
fn names<'a>(items: impl Iterator<Item = &'a String>) -> String {
    let mut v: Vec<&str> = items.map(String::as_str).collect();
    v.sort_unstable();
    if v.is_empty() {
        "-".to_owned()
    } else {
        v.join(",")
    }
}

/// `exported_at` exactly as the manifest writes it (chrono's RFC 3339 with `Z`).
fn exported_at(m: &Manifest) -> String {
    match serde_json::to_value(m.exported_at) {
        Ok(serde_json::Value::String(s)) => s,
        _ => m.exported_at.to_rfc3339(),
    }
}

/// The lines that restate the manifest (everything but the `file` lines), each ending in LF.
pub fn manifest_lines(m: &Manifest) -> String {
    let mut out = String::new();
    let mut line = |s: String| {
        out.push_str(&s);
        out.push('\n');
    };
    line(format!("format {}", m.format));
    line(format!("kind {}", m.kind));
    line(format!("export_id {}", m.export_id));
    line(format!("exported_at {}", exported_at(m)));
    line(format!(
        "supplements {}",
        m.supplements.as_deref().unwrap_or("-")
    ));
    line(format!("vault {}", m.vault.id));
    line(format!("public_key {}", m.vault.public_key));
    line(format!(
        "checkpoint_sha256 {}",
        sha256_hex(m.checkpoint.as_bytes())
    ));
    for r in &m.records {
        line(format!(
            "record {} revision={} disclosed={} withheld={} file={}",
            r.id,
            r.revision,
            names(r.disclosed.keys()),
            names(r.withheld.iter()),
            r.file
        ));
        for e in &r.earlier {
            line(format!(
                "earlier {} revision={} leaf={} recorded_at={}",
                r.id,
                e.revision,
                e.proof.leaf_index,
                if e.recorded_at.is_some() {
                    "disclosed"
                } else {
                    "withheld"
                }
            ));
        }
    }
    for a in &m.attachments {
        line(format!(
            "attachment {} record={} disclosed={} withheld={} carries={} file={}",
            a.id,
            a.record,
            names(a.disclosed.keys()),
            names(a.withheld.iter()),
            a.carries,
            a.file.as_deref().unwrap_or("-")
        ));
    }
    out
}

/// The whole statement: [`manifest_lines`], then `file <sha256 hex> <path>` for every archive
/// member but the statement and its signature, sorted by the path's bytes.
pub fn render(m: &Manifest, files: &BTreeMap<String, String>) -> String {
    let mut out = manifest_lines(m);
    // BTreeMap<String, _> iterates in byte order of the keys.
    for (path, hash) in files.iter().filter(|(p, _)| !is_own(p)) {
        out.push_str(&format!("file {hash} {path}\n"));
    }
    out
}

/// The bytes the signature covers.
pub fn signed_message(statement: &[u8]) -> Vec<u8> {
    let mut msg = CONTEXT.to_vec();
    msg.extend_from_slice(statement);
    msg
}

/// The content of [`SIGNATURE_FILE`] for `statement`.
pub fn sign(statement: &str, signer: &impl Signer<Signature>) -> String {
    let sig = signer.sign(&signed_message(statement.as_bytes()));
    format!("{}\n", STANDARD.encode(sig.to_bytes()))
}

/// True when `sig_file` (the content of [`SIGNATURE_FILE`]) is `key`'s signature of
/// `statement`. The file must be exactly base64 and one LF.
pub fn signature_holds(statement: &[u8], sig_file: &[u8], key: &VerifyingKey) -> bool {
    let Some(b64) = sig_file.strip_suffix(b"\n") else {
        return false;
    };
    let Ok(bytes) = STANDARD.decode(b64) else {
        return false;
    };
    let Ok(bytes) = <[u8; 64]>::try_from(bytes.as_slice()) else {
        return false;
    };
    key.verify_strict(&signed_message(statement), &Signature::from_bytes(&bytes))
        .is_ok()
}

/// What a signed statement lists: its lines before the first `file` line, and the files.
pub struct Listed {
    pub manifest_lines: String,
    /// Path -> hex SHA-256. A path listed twice is in `repeated`.
    pub files: BTreeMap<String, String>,
    pub repeated: Vec<String>,
}

/// Splits a statement into what [`manifest_lines`] renders and its `file` lines.
pub fn parse(statement: &str) -> Listed {
    let mut listed = Listed {
        manifest_lines: String::new(),
        files: BTreeMap::new(),
        repeated: Vec::new(),
    };
    for line in statement.split_inclusive('\n') {
        let body = line.strip_suffix('\n').unwrap_or(line);
        match body
            .strip_prefix("file ")
            .and_then(|rest| rest.split_once(' '))
        {
            Some((hash, path)) => {
                if listed
                    .files
                    .insert(path.to_owned(), hash.to_owned())
                    .is_some()
                {
                    listed.repeated.push(path.to_owned());
                }
            }
            None => listed.manifest_lines.push_str(line),
        }
    }
    listed
}

/// The first line (1-based) where two texts differ, or `None` when they are equal.
pub fn first_difference(a: &str, b: &str) -> Option<usize> {
    if a == b {
        return None;
    }
    let mut la = a.split_inclusive('\n');
    let mut lb = b.split_inclusive('\n');
    let mut n = 1;
    loop {
        match (la.next(), lb.next()) {
            (Some(x), Some(y)) if x == y => n += 1,
            _ => return Some(n),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signature_covers_the_context_and_every_byte() {
        let key = crate::crypto::signing::generate();
        let st = "format vault-bundle/2\nfile 00 a b.txt\n";
        let sig = sign(st, &key);
        assert!(signature_holds(
            st.as_bytes(),
            sig.as_bytes(),
            &key.verifying_key()
        ));
        assert!(!signature_holds(
            b"format vault-bundle/2\nfile 01 a b.txt\n",
            sig.as_bytes(),
            &key.verifying_key()
        ));
        // Without the context the same key's signature does not count.
        let bare = key.sign(st.as_bytes());
        let bare = format!("{}\n", STANDARD.encode(bare.to_bytes()));
        assert!(!signature_holds(
            st.as_bytes(),
            bare.as_bytes(),
            &key.verifying_key()
        ));
        // Exactly one LF after the base64.
        assert!(!signature_holds(
            st.as_bytes(),
            sig.trim_end().as_bytes(),
            &key.verifying_key()
        ));
        let other = crate::crypto::signing::generate();
        assert!(!signature_holds(
            st.as_bytes(),
            sig.as_bytes(),
            &other.verifying_key()
        ));
    }

    #[test]
    fn parse_splits_file_lines_and_keeps_paths_with_spaces() {
        let l = parse("format x\nfile aa foto 1.jpg\nfile bb r.json\nfile cc r.json\n");
        assert_eq!(l.manifest_lines, "format x\n");
        assert_eq!(l.files["foto 1.jpg"], "aa");
        assert_eq!(l.files["r.json"], "cc");
        assert_eq!(l.repeated, vec!["r.json".to_owned()]);
        assert_eq!(first_difference("a\nb\n", "a\nc\n"), Some(2));
        assert_eq!(first_difference("a\n", "a\n"), None);
        assert_eq!(first_difference("a\n", "a\nb\n"), Some(2));
    }
}
