//! Writing bundles from already-decrypted, already-redacted parts: what each record and
//! attachment discloses and withholds (pure), and the age-encrypted ZIP written in one streaming
//! pass. Gathering the rows, decrypting them and logging the export are the vault's
//! (`vault/export.rs`): this module never sees the store or a key of the vault.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::io::{BufWriter, Write};

use ed25519_dalek::{Signature, Signer};
use sha2::Digest;
use zip::write::{SimpleFileOptions, StreamWriter};
use zip::CompressionMethod;

use super::manifest::{self, Manifest, RecordFile};
use super::plan::{coarsen, Redaction};
use super::recipients::BundleRecipient;
use super::{report, statement, Error as BundleError};
use crate::crypto::HashingWriter;
use crate::record::attachment::AttachmentBody;
use crate::record::RecordBody;
use crate::{Error, Result};

/// What one record revision shows in a bundle: its readable file and the manifest's claims.
pub struct RecordPart {
    /// The readable `records/<id>.json`.
    pub file: RecordFile,
    /// Field name -> disclosure, for the fields shown.
    pub disclosed: BTreeMap<String, String>,
    /// Names of the fields withheld.
    pub withheld: BTreeSet<String>,
}

impl RecordPart {
    /// The record's path inside the archive.
    pub fn path(&self) -> String {
        format!("records/{}.json", self.file.id)
    }
}

/// Redacts one record revision: with `only` (a later disclosure), exactly those fields are
/// disclosed; otherwise `redaction` decides, and may add a coarsened location.
pub fn record_part(
    id: &str,
    revision: u32,
    body: &RecordBody,
    redaction: &Redaction,
    only: Option<&BTreeSet<String>>,
) -> Result<RecordPart> {
    let disclosures = body.disclosures()?;
    let values = body.field_values()?;
    let names: BTreeSet<String> = disclosures.keys().cloned().collect();
    let withheld: BTreeSet<String> = match only {
        Some(only) => names.difference(only).cloned().collect(),
        None => redaction.withheld_fields(id, &names),
    };
    let mut derived = BTreeMap::new();
    if only.is_none() {
        if let (Some(places), Some(loc)) = (redaction.coarsen_places(id), values.get("location")) {
            if let Some(v) = coarsen(loc, places) {
                derived.insert("location".to_owned(), v);
            }
        }
    }
    let mut fields = BTreeMap::new();
    let mut disclosed = BTreeMap::new();
    for (name, disc) in &disclosures {
        if withheld.contains(name) {
            fields.insert(name.clone(), manifest::withheld_marker());
        } else {
            disclosed.insert(name.clone(), disc.clone());
            fields.insert(name.clone(), values.get(name).cloned().unwrap_or_default());
        }
    }
    Ok(RecordPart {
        file: RecordFile {
            id: id.to_owned(),
            revision,
            fields,
            derived,
        },
        disclosed,
        withheld,
    })
}

/// What one attachment shows in a bundle (its file aside).
pub struct AttachmentPart {
    pub disclosed: BTreeMap<String, String>,
    pub withheld: BTreeSet<String>,
    /// The whole attachment is withheld (no file either).
    pub withheld_all: bool,
}

/// Redacts one attachment of record `record_id`: everything when the record's attachments are
/// withheld, its metadata when it is stripped.
pub fn attachment_part(
    record_id: &str,
    body: &AttachmentBody,
    redaction: &Redaction,
    strip_metadata: bool,
) -> Result<AttachmentPart> {
    let disclosures = body.disclosures()?;
    let all: BTreeSet<String> = disclosures.keys().cloned().collect();
    let withheld_all = redaction.withholds_attachments(record_id);
    let mut withheld: BTreeSet<String> = if withheld_all {
        all.clone()
    } else if strip_metadata {
        ["metadata".to_owned()].into()
    } else {
        BTreeSet::new()
    };
    withheld.retain(|n| all.contains(n));
    Ok(AttachmentPart {
        disclosed: disclosures
            .into_iter()
            .filter(|(n, _)| !withheld.contains(n))
            .collect(),
        withheld,
        withheld_all,
    })
}

pub use super::names::safe_name;

/// Image types whose identifying metadata can be stripped from a copy.
pub fn is_strippable(media_type: &str) -> bool {
    matches!(media_type, "image/jpeg" | "image/png" | "image/webp")
}

fn zip_err(e: zip::result::ZipError) -> Error {
    BundleError::Archive {
        detail: e.to_string(),
    }
    .into()
}

/// A value that does not serialize (never expected of these types).
pub fn encode_err(e: serde_json::Error) -> Error {
    BundleError::Encode {
        detail: e.to_string(),
    }
    .into()
}

/// The report counsel reads, and the instructions for checking the bundle by hand.
pub const REPORT_HTML: &str = "report.html";
pub const VERIFY_TXT: &str = "VERIFY.txt";

type Sink = age::stream::StreamWriter<HashingWriter<BufWriter<File>>>;

/// A writer that only counts the bytes written to it.
struct ByteCount(u64);

impl Write for ByteCount {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The archive being written: entries go straight through age encryption into the file, and
/// the SHA-256 of the encrypted bundle is computed on the way. Every entry added, by whatever
/// code adds it, is hashed as it streams in and listed in the signed statement
/// ([`super::statement`]) when the archive is finished.
pub struct ArchiveWriter {
    zip: zip::ZipWriter<StreamWriter<Sink>>,
    /// The language of report.html (the process's unless set).
    report_lang: crate::i18n::Lang,
    /// Path -> hex SHA-256 of every entry written so far.
    files: BTreeMap<String, String>,
}

/// What [`ArchiveWriter::finish`] wrote.
pub struct Finished {
    /// Hex SHA-256 of the encrypted bundle file.
    pub bundle_sha256: String,
    /// Hex SHA-256 of `STATEMENT.txt` (what the export's ledger entry commits to).
    pub statement_sha256: String,
}

fn options(len: u64) -> SimpleFileOptions {
    SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored)
        .unix_permissions(0o600)
        .large_file(len >= u32::MAX as u64 / 2)
}

impl ArchiveWriter {
    /// Starts a bundle in `file`, encrypted to `recipients`.
    pub fn new(file: File, recipients: &[BundleRecipient]) -> Result<ArchiveWriter> {
        let encryptor = age::Encryptor::with_recipients(
            recipients
                .iter()
                .map(|r| r.recipient.as_ref() as &dyn age::Recipient),
        )
        .map_err(|e| Error::Encrypt(e.to_string()))?;
        let hashing = HashingWriter::new(BufWriter::with_capacity(1 << 20, file));
        let stream = encryptor
            .wrap_output(hashing)
            .map_err(|e| Error::Encrypt(e.to_string()))?;
        Ok(ArchiveWriter {
            zip: zip::ZipWriter::new_stream(stream),
            files: BTreeMap::new(),
            report_lang: crate::i18n::language(),
        })
    }

    /// Writes report.html in `lang` (`export --lang`).
    pub fn set_report_language(&mut self, lang: crate::i18n::Lang) {
        self.report_lang = lang;
    }

    /// Refuses a second entry under one name, the statement's own names, and a name the reader
    /// would refuse ([`super::names::archive_path_ok`]).
    fn start(&mut self, path: &str, len: u64) -> Result<()> {
        if self.files.contains_key(path)
            || statement::is_own(path)
            || !super::names::archive_path_ok(path)
        {
            return Err(BundleError::Archive {
                detail: format!("refused entry name {path:?}"),
            }
            .into());
        }
        self.zip.start_file(path, options(len)).map_err(zip_err)
    }

    /// Adds an entry of these bytes.
    pub fn add(&mut self, path: &str, bytes: &[u8]) -> Result<()> {
        self.start(path, bytes.len() as u64)?;
        self.zip.write_all(bytes)?;
        self.files
            .insert(path.to_owned(), crate::crypto::sha256_hex(bytes));
        Ok(())
    }

    /// Adds a record's readable file.
    pub fn add_record(&mut self, part: &RecordPart) -> Result<()> {
        let json = serde_json::to_vec_pretty(&part.file).map_err(encode_err)?;
        self.add(&part.path(), &json)
    }

    /// Adds an entry of `len` bytes that `write` streams in (an attachment decrypted on the way,
    /// never held whole in memory).
    pub fn add_streamed(
        &mut self,
        path: &str,
        len: u64,
        write: impl FnOnce(&mut dyn Write) -> Result<()>,
    ) -> Result<()> {
        self.start(path, len)?;
        let mut hashing = HashingWriter::new(&mut self.zip as &mut dyn Write);
        write(&mut hashing)?;
        let digest = hex::encode(hashing.hasher.finalize());
        self.files.insert(path.to_owned(), digest);
        Ok(())
    }

    /// The hex SHA-256 of an entry already written.
    pub fn sha256_of(&self, path: &str) -> Option<&str> {
        self.files.get(path).map(String::as_str)
    }

    /// Adds `report.html`, rendered one incident at a time straight into the archive (never
    /// whole in memory), and `VERIFY.txt`.
    pub fn add_report(&mut self, manifest: &Manifest, records: &[RecordFile]) -> Result<()> {
        let lang = self.report_lang;
        // The length only decides whether the entry needs ZIP64 fields: a report stays far
        // below 2 GiB (about a kilobyte an incident), and one past 4 GiB is refused by the
        // archive writer rather than written broken.
        self.add_streamed(REPORT_HTML, 0, |w| {
            let mut w = BufWriter::with_capacity(1 << 16, w);
            report::write_html(manifest, records, lang, &mut |piece| {
                w.write_all(piece.as_bytes())
            })?;
            w.flush()?;
            Ok(())
        })?;
        let verify = report::verify_txt(manifest);
        self.add(VERIFY_TXT, verify.as_bytes())
    }

    /// Adds `report.html` and `VERIFY.txt` unless [`ArchiveWriter::add_report`] did, and
    /// `manifest.json`, then the statement of the whole archive and `signer`'s signature of it
    /// (`STATEMENT.txt`, `STATEMENT.sig`), closes the archive and the age stream, and syncs the
    /// file.
    pub fn finish(
        mut self,
        manifest: &Manifest,
        records: &[RecordFile],
        signer: &impl Signer<Signature>,
    ) -> Result<Finished> {
        if !self.files.contains_key(REPORT_HTML) {
            self.add_report(manifest, records)?;
        }
        // The manifest of a large bundle is hundreds of MiB of JSON: it is written twice
        // through the serializer (once to count its bytes, once into the archive) rather than
        // held whole in memory beside the manifest itself.
        let mut count = ByteCount(0);
        serde_json::to_writer_pretty(&mut count, manifest).map_err(encode_err)?;
        self.add_streamed("manifest.json", count.0, |w| {
            let mut w = BufWriter::with_capacity(1 << 16, w);
            serde_json::to_writer_pretty(&mut w, manifest).map_err(encode_err)?;
            w.flush()?;
            Ok(())
        })?;

        let text = statement::render(manifest, &self.files);
        let sig = statement::sign(&text, signer);
        for (path, bytes) in [
            (statement::STATEMENT_FILE, text.as_bytes()),
            (statement::SIGNATURE_FILE, sig.as_bytes()),
        ] {
            self.zip
                .start_file(path, options(bytes.len() as u64))
                .map_err(zip_err)?;
            self.zip.write_all(bytes)?;
        }
        let statement_sha256 = crate::crypto::sha256_hex(text.as_bytes());

        let stream = self.zip.finish().map_err(zip_err)?.into_inner();
        let mut hashing = stream.finish()?;
        hashing.flush()?;
        let digest = hex::encode(hashing.hasher.clone().finalize());
        let file = hashing
            .inner
            .into_inner()
            .map_err(|e| Error::Io(e.into_error()))?;
        file.sync_all()?;
        Ok(Finished {
            bundle_sha256: digest,
            statement_sha256,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn archive_names_are_safe() {
        assert_eq!(safe_name("foto 1.jpg"), "foto 1.jpg");
        assert!(is_strippable("image/png") && !is_strippable("video/mp4"));
    }
}
