//! Counsel's `vault bundle exhibit`: verify a bundle, then make its court packet again from
//! what verified, with counsel's page ids and language, into a new folder (with report.html
//! re-rendered in that language). The bundle's own signed report and packet stay as they were
//! inside the bundle (`bundle open` extracts them); this folder is counsel's work copy.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::{build, sha256_hex, Input, Options, CHRONOLOGY_CSV, DECLARATION_TXT, EXHIBIT_PDF};
use crate::bundle::manifest::{Manifest, RecordFile};
use crate::bundle::reader::{self, BundleReport, VerifyOptions};
use crate::bundle::{report, Error as BundleError};
use crate::{fsutil, Error, Result};

/// Largest member read into memory (record files are small; images up to this size are drawn).
const MEMBER_LIMIT: u64 = 16 << 20;
/// Most image bytes one PDF draws.
const IMAGES_TOTAL: u64 = 128 << 20;

/// What `bundle exhibit` made.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Exhibit {
    pub report: BundleReport,
    /// The files written (empty when the bundle did not verify).
    pub files: Vec<PathBuf>,
    pub pages: usize,
    pub first_page: String,
    pub last_page: String,
}

/// Verifies `path`, then writes the packet into `out` (which must not exist). A bundle that
/// does not verify writes nothing: the report says why.
pub fn exhibit_bundle(
    path: &Path,
    identities: &[Box<dyn age::Identity>],
    verify: &VerifyOptions<'_>,
    out: &Path,
    opts: &Options,
) -> Result<Exhibit> {
    if std::fs::symlink_metadata(out).is_ok() {
        return Err(BundleError::ExhibitFolderExists {
            path: out.to_path_buf(),
        }
        .into());
    }
    // Every member but the attachments (records, report.html, VERIFY.txt, anything the format
    // adds) is read, to be hashed; of the attachments, the images, to be drawn.
    let want = |m: &Manifest, name: &str, _size: u64| -> bool {
        let packet = [
            EXHIBIT_PDF,
            CHRONOLOGY_CSV,
            DECLARATION_TXT,
            "manifest.json",
        ];
        (!name.starts_with("attachments/") && !packet.contains(&name))
            || m.attachments.iter().any(|a| {
                a.file.as_deref() == Some(name)
                    && a.disclosed
                        .get("media_type")
                        .and_then(|d| crate::record::disclosure::decode(d).ok())
                        .is_some_and(|(_, _, v)| {
                            v.as_str().is_some_and(|t| t.starts_with("image/"))
                        })
            })
    };
    let verified = match reader::read_verified(path, identities, verify, &want, MEMBER_LIMIT)? {
        Ok(v) => v,
        Err(report) => {
            return Ok(Exhibit {
                report,
                files: vec![],
                pages: 0,
                first_page: String::new(),
                last_page: String::new(),
            })
        }
    };
    let m = &verified.manifest;
    let mut records = Vec::with_capacity(m.records.len());
    for r in &m.records {
        let bytes = verified
            .members
            .get(&r.file)
            .ok_or_else(|| BundleError::Member {
                name: r.file.clone(),
                detail: "missing".into(),
            })?;
        let file: RecordFile =
            serde_json::from_slice(bytes).map_err(|e| BundleError::ManifestInvalid {
                detail: format!("{}: {e}", r.file),
            })?;
        records.push(file);
    }
    // Every member's hash: read ones from their bytes, attachments from the (verified)
    // manifest. The bundle's own packet files are replaced by the new ones.
    let mut files = Vec::new();
    let packet_names = [
        EXHIBIT_PDF,
        CHRONOLOGY_CSV,
        DECLARATION_TXT,
        "manifest.json",
    ];
    let attachment_sha: std::collections::HashMap<&str, &String> = m
        .attachments
        .iter()
        .filter_map(|a| Some((a.file.as_deref()?, a.file_sha256.as_ref()?)))
        .collect();
    for (name, _) in &verified.names {
        if packet_names.contains(&name.as_str()) {
            continue;
        }
        let sha = match verified.members.get(name) {
            Some(bytes) => Some(sha256_hex(bytes)),
            None => attachment_sha.get(name.as_str()).map(|s| (*s).clone()),
        };
        if let Some(sha) = sha {
            files.push((name.clone(), sha));
        }
    }
    let mut images = BTreeMap::new();
    let mut total = 0u64;
    for a in &m.attachments {
        if let Some(bytes) = a.file.as_ref().and_then(|f| verified.members.get(f)) {
            if total + bytes.len() as u64 <= IMAGES_TOTAL {
                total += bytes.len() as u64;
                images.insert(a.id.clone(), bytes.clone());
            }
        }
    }
    let built = build(
        &Input {
            manifest: m,
            records: &records,
            files,
            images,
            outside_proofs: &super::outside_proofs(m, opts.lang),
        },
        opts,
    )?;
    let html = report::html_in(m, &records, opts.lang);
    // Made new, never through a link planted at `out` since the check above.
    fsutil::create_output_dir(out, false)?;
    let mut written = Vec::new();
    let mut outputs: Vec<(&str, &[u8])> = built.files().to_vec();
    outputs.push(("report.html", html.as_bytes()));
    for (name, bytes) in outputs {
        let target = out.join(name);
        let mut f = fsutil::create_new_private(&target)?;
        f.write_all(bytes).map_err(|e| Error::file(&target, e))?;
        f.sync_all().map_err(|e| Error::file(&target, e))?;
        written.push(target);
    }
    fsutil::sync_parent(&out.join(EXHIBIT_PDF))?;
    let ids = super::pdf::PageIds {
        prefix: opts.prefix.clone(),
        start: opts.start,
    };
    Ok(Exhibit {
        report: verified.report,
        files: written,
        pages: built.pages,
        first_page: ids.id(0),
        last_page: ids.id(built.pages.saturating_sub(1)),
    })
}
