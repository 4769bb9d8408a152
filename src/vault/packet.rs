//! The court packet of an export ([`crate::bundle::packet`]): made from the bundle's redacted
//! parts (the manifest and the readable record files) and added to the archive before it is
//! closed. The only thing read again from the vault is the bytes of image attachments the
//! bundle carries, to draw them in the PDF; each is drawn only if its SHA-256 is the one the
//! manifest gives for the file in the bundle, so the PDF never shows more than the bundle.

use std::collections::BTreeMap;

use super::export::ExportPlan;
use super::{decrypt_blob, Unlocked};
use crate::bundle::manifest::{Manifest, RecordFile};
use crate::bundle::packet::{self, sha256_hex, Options, View};
use crate::bundle::writer::{self, ArchiveWriter};
use crate::{media, Result};

/// Largest image drawn in the PDF, and the most image bytes one PDF draws.
const MAX_IMAGE: u64 = 16 << 20;
const MAX_IMAGES_TOTAL: u64 = 128 << 20;

impl Unlocked {
    /// Adds `chronology.csv`, `declaration.txt` and `exhibit.pdf` to `archive`, in the plan's
    /// language (which `report.html` then uses too).
    pub(super) fn add_court_packet(
        &self,
        archive: &mut ArchiveWriter,
        plan: &ExportPlan,
        manifest: &Manifest,
        records: Vec<RecordFile>,
    ) -> Result<()> {
        let lang = plan.language();
        archive.set_report_language(lang);
        // report.html and VERIFY.txt go in first: the packet's hash table lists them with the
        // SHA-256 the archive took as they streamed in (no second rendering).
        archive.add_report(manifest, &records)?;
        let mut files = Vec::with_capacity(records.len() + manifest.attachments.len() + 2);
        let mut hashed = |path: String| -> Result<()> {
            let sha = archive
                .sha256_of(&path)
                .ok_or_else(|| crate::bundle::Error::Archive {
                    detail: format!("{path} not written"),
                })?
                .to_owned();
            files.push((path, sha));
            Ok(())
        };
        for r in &records {
            hashed(format!("records/{}.json", r.id))?;
        }
        for a in &manifest.attachments {
            if let Some(f) = &a.file {
                hashed(f.clone())?;
            }
        }
        hashed(writer::REPORT_HTML.into())?;
        hashed(writer::VERIFY_TXT.into())?;
        let view = View::new(
            manifest,
            &records,
            &packet::outside_proofs(manifest, lang),
            lang,
        );
        // The view holds all the packet shows of the records: their files go before the PDF
        // is laid out and drawn, the export's largest need for memory.
        drop(records);
        let images = self.packet_images(plan, manifest);
        let built = packet::build_view(&view, files, &images, &Options::new(lang))?;
        for (name, bytes) in built.files() {
            archive.add(name, bytes)?;
        }
        Ok(())
    }

    /// The bytes of each image file the bundle carries, as it carries them (original or
    /// stripped copy), checked against the manifest's SHA-256. An image that cannot be read
    /// again is simply not drawn.
    fn packet_images(&self, plan: &ExportPlan, manifest: &Manifest) -> BTreeMap<String, Vec<u8>> {
        let mut out = BTreeMap::new();
        let mut total = 0u64;
        for a in &manifest.attachments {
            let Some(expected) = &a.file_sha256 else {
                continue;
            };
            let Some((row, body)) = plan.attachments().iter().find(|(r, _)| r.id == a.id) else {
                continue;
            };
            if !body.media_type.starts_with("image/")
                || body.size > MAX_IMAGE
                || total + body.size > MAX_IMAGES_TOTAL
            {
                continue;
            }
            let blob = self.vault.store.blob_path(&row.blob);
            let mut plain = zeroize::Zeroizing::new(Vec::with_capacity(body.size as usize));
            if decrypt_blob(&self.master, &blob, body, &mut *plain, None).is_err() {
                continue;
            }
            let bytes = if a.carries == "stripped" && writer::is_strippable(&body.media_type) {
                match media::strip_identifying(&plain, &body.media_type) {
                    Ok(b) => b,
                    Err(_) => continue,
                }
            } else {
                plain.to_vec()
            };
            if sha256_hex(&bytes) == *expected {
                total += body.size;
                out.insert(a.id.clone(), bytes);
            }
        }
        out
    }
}
