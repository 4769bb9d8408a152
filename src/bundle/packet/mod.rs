//! The court packet: what a lawyer files, made from a bundle's redacted parts only.
//!
//! - `exhibit.pdf` ([`pdf`]): cover, chronology, every incident with its history and
//!   attachments, a hash table of the bundle's files, a page id on every page.
//! - `chronology.csv` ([`chronology`]): one row per incident for case-management tools.
//! - `declaration.txt` ([`declaration`]): draft § 1746 declaration and FRE 902(14)
//!   certification, with translation blocks for incidents written in Spanish.
//!
//! The exporter's `write_bundle` adds the packet to every bundle (default page ids); counsel's
//! `vault bundle exhibit` makes it again from a verified bundle with counsel's own prefix,
//! first number and language. Both call [`build`] with the same kind of input, so the two
//! agree. [`model`] holds what both the packet and counsel's `report.html` show.

pub mod chronology;
pub mod declaration;
pub mod exhibit;
pub mod model;
pub mod pdf;

use std::collections::BTreeMap;

use sha2::{Digest, Sha256};

pub use model::View;
pub use model::{outside_proofs, OutsideProof};

use super::manifest::{Manifest, RecordFile};
use super::Error as BundleError;
use crate::i18n::Lang;
use crate::Result;

/// The packet's files inside a bundle (and in `bundle exhibit`'s folder).
pub const EXHIBIT_PDF: &str = "exhibit.pdf";
pub const CHRONOLOGY_CSV: &str = "chronology.csv";
pub const DECLARATION_TXT: &str = "declaration.txt";

/// Default page-id prefix and first number.
pub const DEFAULT_PREFIX: &str = "VAULT";
pub const DEFAULT_START: u64 = 1;
/// Longest page-id prefix.
pub const MAX_PREFIX: usize = 16;

/// How the packet is made: page ids and language.
#[derive(Debug, Clone)]
pub struct Options {
    pub prefix: String,
    pub start: u64,
    pub lang: Lang,
}

impl Options {
    /// Default page ids (`VAULT-000001` on), in `lang`.
    pub fn new(lang: Lang) -> Options {
        Options {
            prefix: DEFAULT_PREFIX.into(),
            start: DEFAULT_START,
            lang,
        }
    }

    /// Counsel's page ids: a prefix of 1 to 16 ASCII letters, digits, `-` or `_` (upper-cased),
    /// and a first number from 1 to 999,999,999.
    pub fn with_ids(lang: Lang, prefix: &str, start: u64) -> Result<Options> {
        let p = prefix.trim().to_ascii_uppercase();
        let ok = !p.is_empty()
            && p.chars().count() <= MAX_PREFIX
            && p.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !ok {
            return Err(BundleError::PagePrefix {
                prefix: prefix.to_owned(),
                max: MAX_PREFIX,
            }
            .into());
        }
        if !(1..=999_999_999).contains(&start) {
            return Err(BundleError::PageStart { start }.into());
        }
        Ok(Options {
            prefix: p,
            start,
            lang,
        })
    }
}

/// What the packet is made from: the bundle's redacted parts, nothing else.
pub struct Input<'a> {
    pub manifest: &'a Manifest,
    pub records: &'a [RecordFile],
    /// Every other file of the bundle, with its SHA-256 (record files, attachments,
    /// report.html, VERIFY.txt), in archive order. The packet's own CSV and text are added.
    pub files: Vec<(String, String)>,
    /// Attachment id -> the exact bytes of its file in the bundle, for images to draw.
    pub images: BTreeMap<String, Vec<u8>>,
    /// Proofs of time from outside the vault, listed on the cover ([`outside_proofs`]).
    pub outside_proofs: &'a [OutsideProof],
}

/// The three files, ready to add to an archive or write to a folder.
pub struct Packet {
    pub exhibit_pdf: Vec<u8>,
    pub chronology_csv: Vec<u8>,
    pub declaration_txt: Vec<u8>,
    /// How many pages the PDF has.
    pub pages: usize,
}

impl Packet {
    /// `(name, bytes)` of each file, in the order they go into an archive.
    pub fn files(&self) -> [(&'static str, &[u8]); 3] {
        [
            (CHRONOLOGY_CSV, &self.chronology_csv),
            (DECLARATION_TXT, &self.declaration_txt),
            (EXHIBIT_PDF, &self.exhibit_pdf),
        ]
    }
}

/// Hex SHA-256.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// The readable record file as the bundle writer stores it, and its SHA-256.
pub fn record_file_sha256(r: &RecordFile) -> Result<String> {
    let json = serde_json::to_vec_pretty(r).map_err(super::writer::encode_err)?;
    Ok(sha256_hex(&json))
}

/// Makes the packet.
pub fn build(input: &Input, opts: &Options) -> Result<Packet> {
    let view = View::new(
        input.manifest,
        input.records,
        input.outside_proofs,
        opts.lang,
    );
    build_view(&view, input.files.clone(), &input.images, opts)
}

/// Makes the packet from a view already worked out (the exporter drops the record files
/// first: the view holds all the packet shows of them). `files` and `images` as in [`Input`].
pub fn build_view(
    view: &View,
    mut files: Vec<(String, String)>,
    images: &BTreeMap<String, Vec<u8>>,
    opts: &Options,
) -> Result<Packet> {
    let ids = pdf::PageIds {
        prefix: opts.prefix.clone(),
        start: opts.start,
    };
    let laid = pdf::lay_out(view, images, &ids)?;
    let pages: Vec<String> = laid.incident_pages.iter().map(|p| ids.id(*p)).collect();
    let chronology_csv = chronology::csv(view, &pages)?;
    let declaration_txt = declaration::text(view, &pages).into_bytes();
    files.push((CHRONOLOGY_CSV.into(), sha256_hex(&chronology_csv)));
    files.push((DECLARATION_TXT.into(), sha256_hex(&declaration_txt)));
    let (exhibit_pdf, count) = pdf::finish(
        view,
        laid,
        &pdf::Inputs {
            files: &files,
            ids: &ids,
        },
    )?;
    Ok(Packet {
        exhibit_pdf,
        chronology_csv,
        declaration_txt,
        pages: count,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::manifest::VaultKey;

    /// A bundle of `n` incidents as the writer would hand it over (no attachments).
    pub(crate) fn sample(n: usize) -> (Manifest, Vec<RecordFile>) {
        let manifest = Manifest {
            format: crate::bundle::BUNDLE_FORMAT.into(),
            kind: "export".into(),
            export_id: "0123456789abcdef0123456789abcdef".into(),
            supplements: None,
            exported_at: chrono::DateTime::from_timestamp(1_795_000_000, 0).unwrap(),
            vault: VaultKey {
                id: "7e859e5f8bcd7fa4df61c6849e251cf2".into(),
                verifier_key: String::new(),
                public_key: String::new(),
                fingerprint: "04561 46287 45811 42252 45019 28186".into(),
            },
            checkpoint: "vault/7e85\n12\nAAAA\n\n— vault/7e85 sig\n".into(),
            records: vec![],
            attachments: vec![],
            history: vec![],
            anchors: vec![],
            cosignatures: vec![],
        };
        let records = (0..n)
            .map(|i| {
                let mut fields = BTreeMap::new();
                fields.insert("kind".into(), serde_json::json!("followed"));
                fields.insert(
                    "when".into(),
                    serde_json::json!(format!("2026-{:02}-{:02}T14:30:00-06:00", 1 + i % 12, 1 + i % 28)),
                );
                fields.insert(
                    "narrative".into(),
                    serde_json::json!(format!(
                        "Incident number {i}: two agents in a grey SUV waited across the street from the \
                         house for about forty minutes, took photos of the cars and of the people who \
                         came out, then drove off towards the highway. [[private 1]] saw it too."
                    )),
                );
                fields.insert("narrative.private.1".into(), serde_json::json!({"withheld": true}));
                fields.insert("witnesses".into(), serde_json::json!({"withheld": true}));
                fields.insert(
                    "agents".into(),
                    serde_json::json!([{"description": "tall, grey jacket", "badge": "4411"}]),
                );
                fields.insert("tags".into(), serde_json::json!(["car", "photos"]));
                fields.insert(
                    "recorded_at".into(),
                    serde_json::json!("2026-11-20T21:00:00.123456789Z"),
                );
                RecordFile {
                    id: format!("{i:032x}"),
                    revision: 1 + (i % 3) as u32,
                    fields,
                    derived: BTreeMap::new(),
                }
            })
            .collect();
        (manifest, records)
    }

    fn make(n: usize, opts: &Options) -> Packet {
        let (m, records) = sample(n);
        let files = records
            .iter()
            .map(|r| {
                (
                    format!("records/{}.json", r.id),
                    record_file_sha256(r).unwrap(),
                )
            })
            .collect();
        build(
            &Input {
                manifest: &m,
                records: &records,
                files,
                images: BTreeMap::new(),
                outside_proofs: &[],
            },
            opts,
        )
        .unwrap()
    }

    #[test]
    fn many_incidents_paginate_and_long_text_wraps() {
        let p = make(40, &Options::with_ids(Lang::En, "smith", 7).unwrap());
        assert!(p.exhibit_pdf.starts_with(b"%PDF-"));
        assert!(p.pages > 10, "{} pages", p.pages);
        let csv = String::from_utf8(p.chronology_csv).unwrap();
        assert_eq!(csv.lines().count(), 41, "{csv}");
        assert!(csv.contains(",SMITH-0000"), "{csv}");
        let decl = String::from_utf8(p.declaration_txt).unwrap();
        assert!(decl.contains("SMITH-0000"), "{decl}");
        assert!(!decl.contains("CERTIFICATE OF TRANSLATION"), "{decl}");
    }

    #[test]
    fn page_ids_are_checked() {
        assert!(Options::with_ids(Lang::En, "", 1).is_err());
        assert!(Options::with_ids(Lang::En, "a b", 1).is_err());
        assert!(Options::with_ids(Lang::En, "ÉXHIBIT", 1).is_err());
        assert!(Options::with_ids(Lang::En, "ABCDEFGHIJKLMNOPQ", 1).is_err());
        assert!(Options::with_ids(Lang::En, "X", 0).is_err());
        assert!(Options::with_ids(Lang::En, "X", 1_000_000_000).is_err());
        let o = Options::with_ids(Lang::Es, " doe-2026_a ", 999_999_999).unwrap();
        assert_eq!(o.prefix, "DOE-2026_A");
        let ids = pdf::PageIds {
            prefix: o.prefix,
            start: o.start,
        };
        assert_eq!(ids.id(0), "DOE-2026_A-999999999");
        assert_eq!(ids.id(1), "DOE-2026_A-1000000000");
    }

    /// The packet of 10,000 incidents (run by hand: `cargo test --release --lib
    /// packet_of_ten_thousand -- --ignored --nocapture`).
    #[test]
    #[ignore]
    fn packet_of_ten_thousand_incidents() {
        let start = std::time::Instant::now();
        let p = make(10_000, &Options::new(Lang::En));
        eprintln!(
            "10,000 incidents: {} pages, {} bytes of PDF, {:.1} s",
            p.pages,
            p.exhibit_pdf.len(),
            start.elapsed().as_secs_f64()
        );
    }
}
