//! The readable parts of a bundle: `report.html` (self-contained, printable, no scripts, no
//! external resources) and `VERIFY.txt` (how an expert checks everything by hand).

use std::collections::HashMap;

use super::manifest::{AttachmentEntry, Manifest, RecordFile};
use super::packet::model::{days, msg, View};
use crate::i18n::{FluentValue, Lang};
use crate::report::counsel::{self, Carries};

/// The printable report (src/report/counsel.rs renders it), in the exporter's language.
pub fn html(m: &Manifest, records: &[RecordFile]) -> String {
    html_in(m, records, crate::i18n::language())
}

/// The printable report in `lang`: times as people write them, the timeline, each incident's
/// history as far as the bundle knows it, and warnings about its attachments' metadata (the
/// same reading of the bundle as the court packet's, [`View`]).
pub fn html_in(m: &Manifest, records: &[RecordFile], lang: Lang) -> String {
    let mut out = String::new();
    let _infallible = write_html(m, records, lang, &mut |piece| {
        out.push_str(piece);
        Ok(())
    });
    out
}

/// [`html_in`], handed to `emit` piece by piece (each incident rendered when its turn comes),
/// so that a bundle's report goes into the archive without being held whole.
pub fn write_html(
    m: &Manifest,
    records: &[RecordFile],
    lang: Lang,
    emit: &mut dyn FnMut(&str) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let view = View::new(m, records, &[], lang);
    let by_id: HashMap<&str, &super::packet::model::IncidentView> =
        view.incidents.iter().map(|i| (i.id.as_str(), i)).collect();
    let mut attachments: HashMap<&str, Vec<&AttachmentEntry>> = HashMap::new();
    for a in &m.attachments {
        attachments.entry(a.record.as_str()).or_default().push(a);
    }
    let bundle = counsel::Bundle {
        export_id: &m.export_id,
        disclosure: m.kind == "disclosure",
        exported_at: m.exported_at,
        vault_id: &m.vault.id,
        fingerprint: &m.vault.fingerprint,
        checkpoint: &m.checkpoint,
        attachment_count: m.attachments.len(),
        timeline: view
            .incidents
            .iter()
            .map(|i| counsel::TimelineRow {
                when: i.when_text.clone(),
                kind: i.kind_text.clone(),
                id: i.id.clone(),
            })
            .collect(),
        records: Vec::new(),
    };
    let shown = records.iter().map(|r| {
        let v = by_id.get(r.id.as_str());
        counsel::Record {
            id: &r.id,
            revision: r.revision,
            fields: &r.fields,
            derived: &r.derived,
            shown: counsel::Shown {
                when: v.filter(|v| v.when.is_some()).map(|v| v.when_text.clone()),
                kind: v.map(|v| v.kind_text.clone()).filter(|k| !k.is_empty()),
                location: r
                    .fields
                    .get("location")
                    .filter(|l| l.is_object() && l.get("withheld").is_none())
                    .map(|l| super::packet::model::value_text(l, lang)),
                recorded_at: v.and_then(|v| v.recorded_text.clone()),
                history: v.map(|v| v.history.clone()).unwrap_or_default(),
            },
            attachments: attachments
                .get(r.id.as_str())
                .map(Vec::as_slice)
                .unwrap_or_default()
                .iter()
                .map(|a| {
                    let seen = v.and_then(|v| v.attachments.iter().find(|x| x.id == a.id));
                    let mut warnings = Vec::new();
                    if let Some(d) = seen.and_then(|s| s.mismatch) {
                        warnings.push(msg(
                            lang,
                            "bundle-packet-att-mismatch",
                            &[("days", FluentValue::from(days(d)))],
                        ));
                    }
                    for item in seen.map(|s| s.identifying.as_slice()).unwrap_or_default() {
                        warnings.push(msg(
                            lang,
                            "bundle-packet-att-identifying",
                            &[("item", FluentValue::from(item.clone()))],
                        ));
                    }
                    counsel::Attachment {
                        file: a.file.as_deref(),
                        carries: Carries::from_manifest(&a.carries),
                        file_sha256: a.file_sha256.as_deref(),
                        name: seen.and_then(|s| s.name.clone()),
                        taken_at: seen.and_then(|s| s.taken_at.clone()),
                        warnings,
                    }
                })
                .collect(),
        }
    });
    counsel::write(&bundle, records.len(), shown, lang, emit)
}

/// Step-by-step instructions for checking a bundle with standard tools.
pub fn verify_txt(m: &Manifest) -> String {
    format!(
        "WHAT THIS BUNDLE IS, IN PLAIN WORDS
===================================

This bundle holds incident records kept by one person in vault, an encrypted,
signed log. When `vault bundle verify` says VERIFIED, every record and file in
it is exactly what that person's vault recorded, and nothing shown was changed
afterwards without it showing: parts marked withheld exist but are not shown.
VERIFIED does not mean the records are true, nor when they were written: the
\"recorded at\" times come from the clock of the activist's own computer, which
its owner can set.

Before relying on it, call the person who kept the records by phone (or meet
them) and compare the signing key fingerprint below: each of you reads the six
groups of five digits aloud. If a single digit differs, do not rely on the
bundle.

    Signing key fingerprint: {fp}

To check it: vault bundle verify BUNDLE --identity KEY
The court packet (exhibit.pdf, chronology.csv, declaration.txt) is inside;
`vault bundle exhibit` makes it again with your own page ids.


HOW TO VERIFY THIS BUNDLE BY HAND
=================================

Bundle format {format}; export {id}; vault {vault}; signing key fingerprint {fp}.
The full specification is docs/bundle-format.md in the vault source. In short:

0. Confirm the fingerprint with the person who kept these records (phone or in
   person). Compute it yourself from the Ed25519 public key below: the number
   written in this file ({fp}) is only what the bundle claims.
   fingerprint = six groups of five digits; group i = big-endian u32 of bytes
   4i..4i+4 of SHA-256(\"vault-fingerprint-v1\" || public key), mod 100000.
   public key (base64): {pk}

1. The checkpoint (manifest.json \"checkpoint\") is a C2SP signed note. Its body
   is the text up to and including the line before the blank line:
       <origin>\\n<tree size>\\n<base64 root hash>\\n
   The signature line is \"— <origin> <base64(4-byte key id || 64-byte Ed25519 signature)>\".
   Check the signature over the body bytes, e.g. with OpenSSL 3:
       printf '%s\\n%s\\n%s\\n' ORIGIN SIZE ROOT > body.txt
       (signature bytes 5..68 of the base64-decoded value) > sig.bin
       openssl pkeyutl -verify -pubin -inkey pub.pem -rawin -in body.txt -sigfile sig.bin
   where pub.pem wraps the 32-byte public key in the Ed25519 SPKI prefix
   302a300506032b6570032100 (hex).

2. For every record and attachment in manifest.json:
   a. entry = base64-decode(proof.entry)   (exact bytes of the ledger leaf)
   b. leaf hash = SHA-256(0x00 || entry)
   c. fold proof.inclusion_proof into the leaf hash with the RFC 9162 section
      2.1.3.2 algorithm, using proof.leaf_index and the checkpoint's tree size
      (node hash = SHA-256(0x01 || left || right)); the result must equal the
      checkpoint's root hash.
   d. entry is JSON; its \"fields\" map each field name to a digest.
   e. every value in \"disclosed\" is base64url(JSON [salt, name, value]);
      base64url(SHA-256(that text as ASCII)) must equal fields[name], and the
      name inside must be the same name. Every name in \"withheld\" must be in
      fields too, so you know exactly what was withheld.
   f. records/<id>.json must show the same values (withheld ones as
      {{\"withheld\": true}}).
   g. a corrected record (revision n above 1) lists in \"earlier\" versions 1
      to n-1 in order: check each one's proof as in a-c (its entry is this
      record at that revision) and its \"recorded_at\" as in e; leaf_index and
      recorded_at must not decrease from one version to the next, this one
      last (docs/bundle-format.md, section 4.4).
3. For every attachment with a \"file\": sha256sum of the file must equal
   \"file_sha256\". When \"carries\" is \"original\", it must also equal the
   disclosed \"sha256\" field (the hash taken when the file entered the vault).
   When it is \"stripped\", the file is a copy with identifying metadata removed
   and the disclosed \"sha256\" is the original's.
4. Refuse the bundle if anything appears twice: an archive entry name
   (`zipinfo -1 case.zip | sort | uniq -d` must print nothing), a key inside
   any JSON object, or a record, attachment or leaf_index in manifest.json.
   Different tools keep different copies of a repeated item.

Shell helpers: `base64 -d`, `sha256sum`, `xxd -r -p`, `openssl`.
",
        format = m.format,
        id = m.export_id,
        vault = m.vault.id,
        fp = m.vault.fingerprint,
        pk = m.vault.public_key,
    )
}
