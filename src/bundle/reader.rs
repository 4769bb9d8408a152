//! Counsel's side: decrypt a bundle, check every claim in it, and extract it safely.
//!
//! The archive is read through age's seekable stream reader, so nothing plaintext is written
//! while checking. Extraction refuses absolute paths, `..`, links, compressed or oversized
//! entries before writing anything.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::manifest::{
    duplicate_key, withheld_marker, LeafProof, Manifest, RecordEntry, RecordFile,
};
use super::trust::{Standing, TrustedSenders};
use super::{names, statement};
use super::{Error as BundleError, BUNDLE_FORMAT, LEGACY_BUNDLE_FORMAT};
use crate::crypto::signing;
use crate::ledger::{self, checkpoint, merkle, Entry};
use crate::problem::{item, Problem, ProblemKind, Text};
use crate::problem_text;
use crate::record::{disclosure, Field};
use crate::{fsutil, Error, Result};
use chrono::{DateTime, Utc};

/// Largest record file or text we read into memory.
const MAX_TEXT: u64 = 64 << 20;
/// Largest manifest we read into memory: about 3.3 KB per incident, so a bundle of 100,000
/// incidents carries some 330 MB of it (the entry can never be larger than the bundle itself).
const MAX_MANIFEST: u64 = 2 << 30;
/// Most entries an archive may have.
const MAX_ENTRIES: usize = 1_000_000;
/// Most recipient stanzas a bundle's age header may have. The age crate tries every identity
/// against every stanza (8,000 stanzas took 20 s), so a header with more than any real bundle
/// needs (one per counsel key) is refused before any is tried.
pub const MAX_STANZAS: usize = 64;
/// Highest scrypt work factor (log2 N) a passphrase bundle may ask for: 2^20 costs 1 GiB of
/// memory and a few seconds. Bundles this program writes use 18 (256 MiB); age's own ceiling
/// (four above what takes a second here) would let a crafted bundle ask for 22: 4 GiB and 23 s
/// before "wrong passphrase".
pub const MAX_SCRYPT_LOG_N: u8 = 20;
/// Largest age header read while counting stanzas.
const MAX_HEADER: u64 = 256 << 10;

/// What `bundle verify` found.
#[derive(Debug, Clone, Serialize)]
pub struct BundleReport {
    pub ok: bool,
    pub kind: String,
    pub export_id: String,
    pub supplements: Option<String>,
    pub exported_at: String,
    pub vault_id: String,
    /// The fingerprint computed from the bundle's signing key (never the one the manifest
    /// claims); empty when the key is not a valid Ed25519 key.
    pub fingerprint: String,
    /// Where that fingerprint stands in counsel's trust file.
    pub sender: Standing,
    /// What the receipt check found, when a receipt was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub receipt: Option<ReceiptCheck>,
    pub checkpoint_size: u64,
    pub records: Vec<ItemReport>,
    pub attachments: Vec<ItemReport>,
    pub problems: Vec<Problem>,
}

/// How a receipt relates to the bundle's checkpoint.
#[derive(Debug, Clone, Serialize)]
pub struct ReceiptCheck {
    /// `same`: the receipt is the bundle's checkpoint; `extended`: the bundle's checkpoint
    /// provably extends it; `newer`: the receipt covers more than the bundle (the bundle was
    /// made before the receipt); `failed`: a problem says why.
    pub status: &'static str,
    /// Ledger entries the receipt covers (0 when it could not be read).
    pub size: u64,
}

/// What `bundle verify` and `bundle open` check besides the bundle itself.
#[derive(Debug, Clone, Copy, Default)]
pub struct VerifyOptions<'a> {
    /// An earlier bundle this one supplements (a later disclosure).
    pub earlier: Option<&'a Path>,
    /// A receipt (signed checkpoint note) counsel received from the sender.
    pub receipt: Option<&'a str>,
    /// The fingerprint counsel expects (normalized with `trust::normalize_fingerprint`).
    pub expect_fingerprint: Option<&'a str>,
    /// Counsel's trusted senders.
    pub trusted: Option<&'a TrustedSenders>,
}

/// One record or attachment in the report.
#[derive(Debug, Clone, Serialize)]
pub struct ItemReport {
    pub id: String,
    pub leaf_index: u64,
    pub disclosed: Vec<String>,
    pub withheld: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file_sha256: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub carries: Option<String>,
}

/// A bundle that verified and was extracted.
pub struct OpenedBundle {
    pub report: BundleReport,
    pub files: Vec<PathBuf>,
}

type Archive = zip::ZipArchive<age::stream::StreamReader<BufReader<File>>>;

/// Reads the age header's stanza lines (without decrypting anything) and refuses a header with
/// more than [`MAX_STANZAS`] stanzas or an scrypt work factor above [`MAX_SCRYPT_LOG_N`], before
/// the age crate tries any identity. Anything else odd is left to the age crate to refuse.
fn check_age_header(file: &mut File, path: &Path) -> Result<()> {
    file.seek(SeekFrom::Start(0))
        .map_err(|e| Error::file(path, e))?;
    let mut r = BufReader::new(Read::take(&mut *file, MAX_HEADER));
    let mut line = Vec::new();
    let mut read = 0u64;
    let mut stanzas = 0usize;
    let mut first = true;
    loop {
        line.clear();
        let n = r
            .read_until(b'\n', &mut line)
            .map_err(|e| Error::file(path, e))?;
        read += n as u64;
        if n == 0 || line.last() != Some(&b'\n') {
            if read >= MAX_HEADER {
                return Err(BundleError::HeaderTooLarge {
                    limit_kib: MAX_HEADER >> 10,
                }
                .into());
            }
            return Ok(());
        }
        let l = &line[..line.len() - 1];
        if first {
            if l != b"age-encryption.org/v1" {
                return Ok(());
            }
            first = false;
            continue;
        }
        if l.starts_with(b"---") {
            return Ok(());
        }
        let Some(rest) = l.strip_prefix(b"-> ") else {
            continue;
        };
        stanzas += 1;
        if stanzas > MAX_STANZAS {
            return Err(BundleError::TooManyStanzas { limit: MAX_STANZAS }.into());
        }
        let mut args = rest.split(|b| *b == b' ');
        if args.next() == Some(b"scrypt".as_slice()) {
            let log_n = args
                .nth(1)
                .and_then(|a| std::str::from_utf8(a).ok())
                .and_then(|a| a.parse::<u8>().ok());
            match log_n {
                Some(n) if n <= MAX_SCRYPT_LOG_N => {}
                Some(n) => {
                    return Err(BundleError::ScryptTooCostly {
                        factor: n,
                        limit: MAX_SCRYPT_LOG_N,
                        mib: 128u64
                            .saturating_mul(8)
                            .saturating_mul(1u64.checked_shl(u32::from(n)).unwrap_or(u64::MAX))
                            >> 20,
                    }
                    .into())
                }
                None => return Err(BundleError::ScryptMalformed.into()),
            }
        }
    }
}

fn open_archive(
    file: &File,
    path: &Path,
    identities: &[Box<dyn age::Identity>],
) -> Result<(Archive, u64)> {
    let mut file = file.try_clone().map_err(|e| Error::file(path, e))?;
    let len = file.metadata().map_err(|e| Error::file(path, e))?.len();
    check_age_header(&mut file, path)?;
    file.seek(SeekFrom::Start(0))
        .map_err(|e| Error::file(path, e))?;
    let decryptor = age::Decryptor::new_buffered(BufReader::new(file)).map_err(|_| {
        BundleError::NotAgeFile {
            path: path.to_path_buf(),
        }
    })?;
    // A wrong passphrase fails the scrypt stanza's authentication rather than matching no key.
    let scrypt = decryptor.is_scrypt();
    let reader = decryptor
        .decrypt(identities.iter().map(|i| i.as_ref() as &dyn age::Identity))
        .map_err(|e| match e {
            age::DecryptError::NoMatchingKeys => BundleError::NotForThisKey,
            age::DecryptError::DecryptionFailed if scrypt => BundleError::WrongPassphrase,
            age::DecryptError::ExcessiveWork { required, .. } => BundleError::ScryptExcessive {
                factor: required,
                limit: MAX_SCRYPT_LOG_N,
            },
            other => BundleError::DoesNotDecrypt {
                detail: other.to_string(),
            },
        })?;
    // The archive reader seeks to the end first, so a truncated or damaged age stream shows up
    // here as an I/O error, before any entry is read.
    let archive = zip::ZipArchive::new(reader).map_err(|e| match e {
        zip::result::ZipError::Io(io) => BundleError::Truncated {
            detail: io.to_string(),
        },
        other => BundleError::NotAnArchive {
            detail: other.to_string(),
        },
    })?;
    if archive.len() > MAX_ENTRIES {
        return Err(BundleError::TooManyEntries.into());
    }
    Ok((archive, len))
}

/// Checks names, kinds and declared sizes of every entry before anything is read or written.
fn check_entries(archive: &mut Archive, bundle_len: u64) -> Result<Vec<(usize, String, u64)>> {
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    // Every entry is stored, so a real archive's sizes add up to less than the bundle. Entries
    // that share bytes (many directory records naming one large file) would have each read,
    // decrypted and hashed again: hours of work from a small bundle, before any signature.
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let f = archive
            .by_index_raw(i)
            .map_err(|e| BundleError::EntryUnreadable {
                index: i,
                detail: e.to_string(),
            })?;
        let name = f.name().map(|n| n.into_owned()).unwrap_or_default();
        if f.is_symlink() {
            return Err(BundleError::EntryIsLink { name }.into());
        }
        // `components()` drops interior `.` components, so the raw name is checked too.
        let safe = Path::new(&name)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
            && !name.split('/').any(|c| c == "." || c == "..");
        if name.is_empty() || !safe || name.contains('\\') || f.enclosed_name().is_none() {
            return Err(BundleError::EntryUnsafePath { name }.into());
        }
        if f.is_dir() {
            continue;
        }
        // Stored entries only: the declared size can never exceed the encrypted bundle's size.
        if f.compression() != zip::CompressionMethod::Stored {
            return Err(BundleError::EntryCompressed { name }.into());
        }
        if f.size() > bundle_len {
            return Err(BundleError::EntryTooLarge {
                name,
                size: f.size(),
            }
            .into());
        }
        if !seen.insert(name.clone()) {
            return Err(BundleError::EntryTwice { name }.into());
        }
        total = total.saturating_add(f.size());
        if total > bundle_len {
            return Err(BundleError::EntriesOverlap {
                total,
                bundle: bundle_len,
            }
            .into());
        }
        out.push((i, name, f.size()));
    }
    Ok(out)
}

fn read_small(
    archive: &mut Archive,
    index: usize,
    name: &str,
) -> std::result::Result<Vec<u8>, BundleError> {
    read_at_most(archive, index, name, MAX_TEXT)
}

fn read_at_most(
    archive: &mut Archive,
    index: usize,
    name: &str,
    max: u64,
) -> std::result::Result<Vec<u8>, BundleError> {
    let f = archive.by_index(index).map_err(|e| BundleError::Member {
        name: name.to_owned(),
        detail: e.to_string(),
    })?;
    if f.size() > max {
        return Err(BundleError::MemberTooLarge {
            name: name.to_owned(),
        });
    }
    let mut buf = Vec::with_capacity(f.size() as usize);
    f.take(max)
        .read_to_end(&mut buf)
        .map_err(|e| BundleError::MemberUnreadable {
            name: name.to_owned(),
            detail: e.to_string(),
        })?;
    Ok(buf)
}

fn hash_entry(archive: &mut Archive, index: usize) -> std::io::Result<String> {
    let mut f = archive.by_index(index).map_err(std::io::Error::other)?;
    let mut h = Sha256::new();
    std::io::copy(&mut f, &mut h)?;
    Ok(hex::encode(h.finalize()))
}

struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn add(&mut self, kind: ProblemKind, item: &Text, detail: Text) {
        self.problems.push(Problem::new(kind, item.clone(), detail));
    }

    /// Checks a leaf against the checkpoint; returns the decoded entry.
    fn leaf(
        &mut self,
        item: &Text,
        proof: &LeafProof,
        cp: Option<&checkpoint::Checkpoint>,
    ) -> Option<Entry> {
        let Ok(bytes) = STANDARD.decode(&proof.entry) else {
            self.add(
                ProblemKind::BundleEntry,
                item,
                problem_text!("verify-bundle-entry-base64"),
            );
            return None;
        };
        let leaf = merkle::leaf_hash(&bytes);
        let hashes: std::result::Result<Vec<merkle::Hash>, ()> = proof
            .inclusion_proof
            .iter()
            .map(|h| {
                STANDARD
                    .decode(h)
                    .ok()
                    .and_then(|b| b.try_into().ok())
                    .ok_or(())
            })
            .collect();
        match (hashes, cp) {
            (Err(()), _) => self.add(
                ProblemKind::InclusionProof,
                item,
                problem_text!("verify-inclusion-malformed"),
            ),
            (Ok(path), Some(cp)) => {
                if merkle::verify_inclusion(&leaf, proof.leaf_index, cp.size, &path, &cp.root)
                    .is_err()
                {
                    self.add(
                        ProblemKind::InclusionProof,
                        item,
                        problem_text!(
                            "verify-inclusion-not-in-checkpoint",
                            leaf = proof.leaf_index
                        ),
                    );
                }
            }
            (Ok(_), None) => {}
        }
        match Entry::from_bytes(&bytes) {
            Ok(e) => Some(e),
            Err(e) => {
                self.add(
                    ProblemKind::BundleEntry,
                    item,
                    problem_text!("verify-bundle-entry-invalid", error = e.to_string()),
                );
                None
            }
        }
    }

    /// Checks disclosures against the committed digests; returns name -> value.
    fn disclosures(
        &mut self,
        item: &Text,
        fields: &BTreeMap<String, String>,
        disclosed: &BTreeMap<String, String>,
        withheld: &[String],
    ) -> BTreeMap<String, serde_json::Value> {
        let mut values = BTreeMap::new();
        for (name, d) in disclosed {
            match disclosure::decode(d) {
                Err(e) => self.add(
                    ProblemKind::Disclosure,
                    item,
                    problem_text!(
                        "verify-disclosure-invalid",
                        field = name,
                        error = e.to_string()
                    ),
                ),
                Ok((_, inner, value)) => {
                    if inner != *name {
                        self.add(
                            ProblemKind::Disclosure,
                            item,
                            problem_text!(
                                "verify-disclosure-other-field",
                                field = name,
                                inner = inner
                            ),
                        );
                    } else if fields.get(name) != Some(&disclosure::digest(d)) {
                        self.add(
                            ProblemKind::FieldDigest,
                            item,
                            problem_text!("verify-disclosure-digest", field = name),
                        );
                    } else {
                        values.insert(name.clone(), value);
                    }
                }
            }
        }
        let accounted: BTreeSet<&String> = disclosed.keys().chain(withheld.iter()).collect();
        for w in withheld {
            if !fields.contains_key(w) {
                self.add(
                    ProblemKind::Withheld,
                    item,
                    problem_text!("verify-withheld-unknown", field = w),
                );
            }
        }
        for f in fields.keys() {
            if !accounted.contains(f) {
                self.add(
                    ProblemKind::Withheld,
                    item,
                    problem_text!("verify-withheld-unaccounted", field = f),
                );
            }
        }
        values
    }
}

fn fail_report(m: &Manifest) -> BundleReport {
    BundleReport {
        ok: false,
        kind: m.kind.clone(),
        export_id: m.export_id.clone(),
        supplements: m.supplements.clone(),
        exported_at: m.exported_at.to_rfc3339(),
        vault_id: m.vault.id.clone(),
        fingerprint: String::new(),
        sender: Standing::NotChecked,
        receipt: None,
        checkpoint_size: 0,
        records: vec![],
        attachments: vec![],
        problems: vec![],
    }
}

/// Decrypts and checks a bundle. With `earlier`, also checks that every entry of this bundle
/// (typically a later disclosure) is the same ledger leaf as in the earlier bundle.
pub fn verify_bundle(
    path: &Path,
    identities: &[Box<dyn age::Identity>],
    earlier: Option<&Path>,
) -> Result<BundleReport> {
    verify_bundle_with(
        path,
        identities,
        &VerifyOptions {
            earlier,
            ..VerifyOptions::default()
        },
    )
}

/// [`verify_bundle`], also checking that `receipt` (a signed checkpoint note counsel received
/// earlier) is one of the checkpoints this bundle's checkpoint provably extends.
pub fn verify_bundle_with_receipt(
    path: &Path,
    identities: &[Box<dyn age::Identity>],
    earlier: Option<&Path>,
    receipt: Option<&str>,
) -> Result<BundleReport> {
    verify_bundle_with(
        path,
        identities,
        &VerifyOptions {
            earlier,
            receipt,
            ..VerifyOptions::default()
        },
    )
}

/// Decrypts and checks a bundle with every check `opts` asks for. Structural refusals (an age
/// header out of bounds, an unsafe archive entry, no manifest) are errors; everything else is a
/// problem in the report, which is then not `ok`.
pub fn verify_bundle_with(
    path: &Path,
    identities: &[Box<dyn age::Identity>],
    opts: &VerifyOptions<'_>,
) -> Result<BundleReport> {
    let file = File::open(path).map_err(|e| Error::file(path, e))?;
    Ok(verify_file(&file, path, identities, opts)?.0)
}

/// [`verify_bundle_with`], also returning the manifest (for the checks of its timestamps and
/// cosignatures, src/bundle/anchors.rs).
pub fn verify_bundle_with_manifest(
    path: &Path,
    identities: &[Box<dyn age::Identity>],
    opts: &VerifyOptions<'_>,
) -> Result<(BundleReport, Manifest)> {
    let file = File::open(path).map_err(|e| Error::file(path, e))?;
    verify_file(&file, path, identities, opts)
}

/// [`verify_bundle_with`] on an open file; also returns the manifest.
fn verify_file(
    file: &File,
    path: &Path,
    identities: &[Box<dyn age::Identity>],
    opts: &VerifyOptions<'_>,
) -> Result<(BundleReport, Manifest)> {
    verify_file_hashed(file, path, identities, opts).map(|(report, manifest, _)| (report, manifest))
}

/// The SHA-256 of every member as the verification read it: what `bundle open` and counsel's
/// packet read again must hash the same, or the file changed in place between the reads.
type VerifiedHashes = HashMap<String, String>;

/// [`verify_file`], also returning [`VerifiedHashes`].
fn verify_file_hashed(
    file: &File,
    path: &Path,
    identities: &[Box<dyn age::Identity>],
    opts: &VerifyOptions<'_>,
) -> Result<(BundleReport, Manifest, VerifiedHashes)> {
    let (mut archive, len) = open_archive(file, path, identities)?;
    let entries = check_entries(&mut archive, len)?;
    // Look-ups only (nothing is reported in their order): hash sets and maps, which a
    // hundred thousand names cost far less to probe than ordered trees.
    let index_of: HashMap<&str, (usize, u64)> = entries
        .iter()
        .map(|(i, n, s)| (n.as_str(), (*i, *s)))
        .collect();
    let (mi, _) = *index_of
        .get("manifest.json")
        .ok_or(BundleError::NoManifest)?;
    let manifest_bytes = read_at_most(&mut archive, mi, "manifest.json", MAX_MANIFEST)?;
    // Three independent walks of the same bytes, on both cores: its SHA-256 (hashed from the
    // bytes already read: the member is not read twice), the search for a repeated key and the
    // parse. A repeated key anywhere in the manifest makes what it claims depend on the reader;
    // it is refused like any other malformed manifest, whatever the parse found.
    let (manifest_sha256, (duplicate, parsed)) = rayon::join(
        || hex::encode(Sha256::digest(&manifest_bytes)),
        || {
            rayon::join(
                || duplicate_key(&manifest_bytes),
                || serde_json::from_slice::<Manifest>(&manifest_bytes),
            )
        },
    );
    if let Some(d) = duplicate {
        return Err(BundleError::ManifestDuplicateKey { detail: d }.into());
    }
    let manifest = parsed.map_err(|e| BundleError::ManifestInvalid {
        detail: e.to_string(),
    })?;
    // The parsed manifest is all that is kept.
    drop(manifest_bytes);
    let legacy = manifest.format == LEGACY_BUNDLE_FORMAT;
    if manifest.format != BUNDLE_FORMAT && !legacy {
        return Err(BundleError::UnknownFormat {
            format: manifest.format,
        }
        .into());
    }
    let mut report = fail_report(&manifest);
    let mut c = Checker { problems: vec![] };
    // A `/1` bundle is checked as before, but nothing signs its report, VERIFY.txt or file
    // hashes: it is never reported as verified (docs/bundle-format.md, section 1).
    if legacy {
        c.add(
            ProblemKind::UnsignedFiles,
            &problem_text!("verify-item-manifest"),
            problem_text!("verify-bundle-unsigned", format = LEGACY_BUNDLE_FORMAT),
        );
    }
    let mut missing: BTreeSet<String> = BTreeSet::new();
    // Missing files already reported with their record or attachment.
    let mut reported: BTreeSet<String> = BTreeSet::new();
    let mut unexpected: BTreeSet<String> = BTreeSet::new();
    check_strict_manifest(&mut c, &manifest);

    // Two entries under one name: the zip crate keeps one of them, another unzip tool may show
    // the other. Which one a reader sees must never depend on the reader.
    if archive.has_duplicate_names() {
        c.add(
            ProblemKind::Duplicate,
            &problem_text!("verify-item-archive"),
            problem_text!("verify-duplicate-archive-name"),
        );
    }

    // The signing key, its fingerprint and the checkpoint.
    let origin = ledger::origin(&manifest.vault.id);
    let key = STANDARD
        .decode(&manifest.vault.public_key)
        .ok()
        .and_then(|b| signing::public_from_bytes(&b).ok());
    let cp = match &key {
        None => {
            c.add(
                ProblemKind::SigningKey,
                &problem_text!("verify-item-manifest"),
                problem_text!("verify-bundle-key-invalid"),
            );
            None
        }
        Some(k) => {
            // What counsel is shown is computed from the key; the claim is only compared.
            report.fingerprint = signing::fingerprint(k);
            if report.fingerprint != manifest.vault.fingerprint {
                c.add(
                    ProblemKind::Fingerprint,
                    &problem_text!("verify-item-manifest"),
                    problem_text!("verify-bundle-fingerprint"),
                );
            }
            if checkpoint::verifier_key(&origin, k) != manifest.vault.verifier_key {
                c.add(
                    ProblemKind::SigningKey,
                    &problem_text!("verify-item-manifest"),
                    problem_text!("verify-bundle-verifier-key"),
                );
            }
            match checkpoint::open_own(&manifest.checkpoint, &origin, k) {
                Ok(cp) => Some(cp),
                Err(e) => {
                    c.add(
                        ProblemKind::CheckpointSignature,
                        &problem_text!("verify-item-checkpoint"),
                        problem_text!("verify-checkpoint-signature", error = e.to_string()),
                    );
                    None
                }
            }
        }
    };
    check_sender(&mut c, &mut report, opts);
    report.checkpoint_size = cp.as_ref().map_or(0, |c| c.size);
    if let Some(cp) = &cp {
        check_history(&mut c, &manifest, cp);
        if let (Some(text), Some(k)) = (opts.receipt, &key) {
            report.receipt = Some(check_receipt(&mut c, &manifest, cp, text, &origin, k));
        }
    } else if opts.receipt.is_some() {
        report.receipt = Some(ReceiptCheck {
            status: "failed",
            size: 0,
        });
        c.add(
            ProblemKind::Receipt,
            &problem_text!("verify-item-receipt"),
            problem_text!("verify-bundle-receipt-unchecked"),
        );
    }

    let mut referenced: HashSet<&str> = ["manifest.json", "report.html", "VERIFY.txt"].into();
    if !legacy {
        referenced.insert(statement::STATEMENT_FILE);
        referenced.insert(statement::SIGNATURE_FILE);
    }
    // The report and VERIFY.txt are what counsel reads: a bundle without them is incomplete.
    for required in ["report.html", "VERIFY.txt"] {
        if !index_of.contains_key(required) {
            missing.insert(required.to_owned());
        }
    }
    let record_ids: HashSet<&str> = manifest.records.iter().map(|r| r.id.as_str()).collect();
    let mut leaves_seen: BTreeMap<u64, &str> = BTreeMap::new();
    let mut ids_seen: HashSet<(&str, &str)> = HashSet::new();
    // Which records are checked. A record listed twice (or two records sharing a leaf or a
    // file) is refused, and each repeat is not checked again: 20,000 copies cost one problem,
    // not 20,000 checks.
    let mut checked = Vec::with_capacity(manifest.records.len());
    // The file of each checked record -> the record's place in the manifest.
    let mut record_files: HashMap<&str, usize> = HashMap::new();
    for (n, r) in manifest.records.iter().enumerate() {
        let repeat = !ids_seen.insert(("record", &r.id))
            || leaves_seen.contains_key(&r.proof.leaf_index)
            || !referenced.insert(&r.file);
        if !repeat {
            leaves_seen.insert(r.proof.leaf_index, &r.proof.entry);
            record_files.insert(&r.file, n);
        }
        checked.push(!repeat);
    }
    // One pass over the archive, in its order: every member's SHA-256 (the statement lists
    // them all, attachments reuse them), and each record file, read once, checked with its
    // record on the other core while the pass goes on.
    let (hashes, mut outcomes) = hash_and_check_records(
        &mut archive,
        &entries,
        ("manifest.json", &manifest_sha256),
        &manifest.records,
        &record_files,
        cp.as_ref(),
    );
    for (n, r) in manifest.records.iter().enumerate() {
        if !checked[n] {
            c.add(
                ProblemKind::Duplicate,
                &item::record_revision(&r.id, r.revision),
                problem_text!("verify-duplicate-record"),
            );
            continue;
        }
        let problems = match outcomes[n].take() {
            Some(p) => p,
            // Its file is not in the archive.
            None => check_record(r, cp.as_ref(), None),
        };
        if !index_of.contains_key(r.file.as_str()) {
            // Reported here, with its record: not again from the statement.
            reported.insert(r.file.clone());
        }
        c.problems.extend(problems);
        report.records.push(ItemReport {
            id: r.id.clone(),
            leaf_index: r.proof.leaf_index,
            disclosed: r.disclosed.keys().cloned().collect(),
            withheld: r.withheld.clone(),
            file: Some(r.file.clone()),
            file_sha256: None,
            carries: None,
        });
    }

    for a in &manifest.attachments {
        let item = item::attachment(&a.id, &a.record);
        if !ids_seen.insert(("attachment", &a.id))
            || leaves_seen.contains_key(&a.proof.leaf_index)
            || a.file.as_ref().is_some_and(|f| !referenced.insert(f))
        {
            c.add(
                ProblemKind::Duplicate,
                &item,
                problem_text!("verify-duplicate-attachment"),
            );
            continue;
        }
        let entry = c.leaf(&item, &a.proof, cp.as_ref());
        leaves_seen.insert(a.proof.leaf_index, &a.proof.entry);
        if !record_ids.contains(a.record.as_str()) {
            c.add(
                ProblemKind::AttachmentIncident,
                &item,
                problem_text!("verify-attachment-incident"),
            );
        }
        let values = match entry {
            Some(Entry::Attachment {
                id, record, fields, ..
            }) if id == a.id && record == a.record => {
                c.disclosures(&item, &fields, &a.disclosed, &a.withheld)
            }
            Some(_) => {
                c.add(
                    ProblemKind::BundleEntry,
                    &item,
                    problem_text!("verify-bundle-entry-not-attachment"),
                );
                BTreeMap::new()
            }
            None => BTreeMap::new(),
        };
        if duplicate_names(&a.withheld) {
            c.add(
                ProblemKind::Duplicate,
                &item,
                problem_text!("verify-duplicate-withheld"),
            );
        }
        if let Some(file) = &a.file {
            check_attachment_name(&mut c, &item, &a.id, file, &values);
        }
        match (&a.file, &a.file_sha256) {
            (Some(file), Some(want)) => {
                match hashes.get(file) {
                    None => {
                        c.add(
                            ProblemKind::MissingFile,
                            &item,
                            problem_text!("verify-file-missing", file = file),
                        );
                        reported.insert(file.clone());
                    }
                    Some(h) => match h {
                        Err(e) => c.add(
                            ProblemKind::AttachmentFile,
                            &item,
                            problem_text!(
                                "verify-attachment-file-unreadable",
                                file = file,
                                error = e.clone()
                            ),
                        ),
                        Ok(h) if h != want => c.add(
                            ProblemKind::AttachmentHash,
                            &item,
                            problem_text!("verify-attachment-file-hash", file = file),
                        ),
                        Ok(_) => {}
                    },
                }
                match a.carries.as_str() {
                    "original" => {
                        if values.get("sha256").and_then(|v| v.as_str()) != Some(want.as_str()) {
                            c.add(
                                ProblemKind::AttachmentHash,
                                &item,
                                problem_text!("verify-attachment-file-not-original"),
                            );
                        }
                    }
                    "stripped" => {
                        if a.disclosed.contains_key("metadata") {
                            c.add(
                                ProblemKind::AttachmentFile,
                                &item,
                                problem_text!("verify-attachment-stripped-metadata"),
                            );
                        }
                    }
                    other => c.add(
                        ProblemKind::AttachmentFile,
                        &item,
                        problem_text!(
                            "verify-attachment-file-carries",
                            carries = format!("{other:?}")
                        ),
                    ),
                }
            }
            (None, None) if a.carries == "none" => {}
            _ => c.add(
                ProblemKind::AttachmentFile,
                &item,
                problem_text!("verify-attachment-file-disagree"),
            ),
        }
        report.attachments.push(ItemReport {
            id: a.id.clone(),
            leaf_index: a.proof.leaf_index,
            disclosed: a.disclosed.keys().cloned().collect(),
            withheld: a.withheld.clone(),
            file: a.file.clone(),
            file_sha256: a.file_sha256.clone(),
            carries: Some(a.carries.clone()),
        });
    }
    // A file the manifest does not name is accounted for when the validly signed statement
    // lists it (a court packet's files, added by other code, are); otherwise it is unexpected.
    // The statement's own files, hashed from the bytes its check read.
    let mut own_hashes = Vec::new();
    let signed = !legacy
        && check_statement(
            &mut c,
            &mut archive,
            &index_of,
            &manifest,
            key.as_ref(),
            &hashes,
            &mut missing,
            &mut unexpected,
            &mut own_hashes,
        );
    if !signed {
        for (_, name, _) in &entries {
            if !referenced.contains(name.as_str()) {
                unexpected.insert(name.clone());
            }
        }
    }
    for name in missing.difference(&reported) {
        c.add(
            ProblemKind::MissingFile,
            &item::file(name),
            problem_text!("verify-file-missing", file = name),
        );
    }
    for name in &unexpected {
        c.add(
            ProblemKind::UnexpectedFile,
            &item::file(name),
            problem_text!("verify-unexpected-file"),
        );
    }

    if let Some(earlier_path) = opts.earlier {
        check_earlier(&mut c, &manifest, &leaves_seen, earlier_path, identities)?;
    }
    report.problems = c.problems;
    report.ok = report.problems.is_empty();
    let verified = hashes
        .into_iter()
        .filter_map(|(name, hash)| hash.ok().map(|h| (name, h)))
        .chain(own_hashes)
        .collect();
    Ok((report, manifest, verified))
}

/// A reader that hashes what passes through it, to compare a member read again with the hash
/// the verification took of it.
struct Rehash<R> {
    inner: R,
    hasher: Sha256,
}

impl<R: Read> Read for Rehash<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }
}

/// Refuses a member read again whose bytes are not those the verification hashed.
fn same_as_verified(verified: &VerifiedHashes, name: &str, hasher: Sha256) -> Result<()> {
    let got = hex::encode(hasher.finalize());
    if verified.get(name) != Some(&got) {
        return Err(BundleError::ChangedSinceVerified {
            name: name.to_owned(),
        }
        .into());
    }
    Ok(())
}

/// Record files checked per task on the other core during the archive pass.
const RECORD_BATCH: usize = 512;
/// A batch is handed over once its record files hold this many bytes.
const RECORD_BATCH_BYTES: usize = 8 << 20;
/// Batches handed over and not yet checked at most (beyond, the pass checks them itself).
const RECORD_BATCHES_HELD: usize = 4;

/// One member's SHA-256 (hex), or why it could not be read.
type MemberHash = std::result::Result<String, String>;

/// A record file's bytes as read from the archive, or why they could not be (in English).
type RecordBytes = std::result::Result<Vec<u8>, String>;

/// The pass over the archive, in its order (the age stream is read once, front to back):
/// every member's SHA-256 but the statement's own two (`manifest` is given, hashed when it
/// was read), and each record file named in `files` (file -> record) read once and checked
/// with its record ([`check_record`]) on a worker while the pass reads on. Returns the hashes
/// and each record's problems (`None` for records whose file the archive lacks).
fn hash_and_check_records(
    archive: &mut Archive,
    entries: &[(usize, String, u64)],
    manifest: (&str, &str),
    records: &[RecordEntry],
    files: &HashMap<&str, usize>,
    cp: Option<&checkpoint::Checkpoint>,
) -> (BTreeMap<String, MemberHash>, Vec<Option<Vec<Problem>>>) {
    let (tx, rx) = std::sync::mpsc::channel::<Vec<(usize, Vec<Problem>)>>();
    // Large members are hashed on a thread of their own while the pass decrypts on.
    let (pieces, hasher_in) = std::sync::mpsc::sync_channel::<Piece>(PIPE_DEPTH);
    let in_flight = AtomicUsize::new(0);
    let (hashes, piped) = std::thread::scope(|ts| {
        let hasher = ts.spawn(move || hash_pieces(hasher_in));
        let in_flight = &in_flight;
        let hashes = rayon::scope(|s| {
            let run = |batch: Vec<(usize, RecordBytes)>| -> Vec<(usize, Vec<Problem>)> {
                batch
                    .into_iter()
                    .map(|(n, bytes)| (n, check_record(&records[n], cp, Some(bytes))))
                    .collect()
            };
            let check = |batch: Vec<(usize, RecordBytes)>| {
                // The record files held wait for a check: when the checks fall behind, the
                // pass checks the batch itself, so a bundle of large record files is never
                // held in memory whole.
                if in_flight.load(Ordering::Acquire) >= RECORD_BATCHES_HELD {
                    let _ = tx.send(run(batch));
                    return;
                }
                in_flight.fetch_add(1, Ordering::AcqRel);
                let tx = tx.clone();
                s.spawn(move |_| {
                    // The receiver outlives the scope.
                    let _ = tx.send(run(batch));
                    in_flight.fetch_sub(1, Ordering::AcqRel);
                });
            };
            let mut hashes = BTreeMap::new();
            let mut batch = Vec::with_capacity(RECORD_BATCH);
            let mut batch_bytes = 0usize;
            for (i, name, size) in entries {
                let own = statement::is_own(name);
                if let Some(&n) = files.get(name.as_str()) {
                    let (hash, bytes) = read_record_member(archive, *i, name);
                    if !own {
                        hashes.insert(name.clone(), hash);
                    }
                    batch_bytes += bytes.as_ref().map_or(0, Vec::len);
                    batch.push((n, bytes));
                    if batch.len() == RECORD_BATCH || batch_bytes >= RECORD_BATCH_BYTES {
                        check(std::mem::replace(
                            &mut batch,
                            Vec::with_capacity(RECORD_BATCH),
                        ));
                        batch_bytes = 0;
                    }
                } else if name == manifest.0 {
                    hashes.insert(name.clone(), Ok(manifest.1.to_owned()));
                } else if !own && *size > PIPED_MEMBER {
                    if let Err(e) = pipe_entry(archive, *i, name, &pieces) {
                        hashes.insert(name.clone(), Err(e.to_string()));
                    }
                } else if !own {
                    hashes.insert(
                        name.clone(),
                        hash_entry(archive, *i).map_err(|e| e.to_string()),
                    );
                }
            }
            if !batch.is_empty() {
                check(batch);
            }
            drop(pieces);
            hashes
        });
        let piped = match hasher.join() {
            Ok(piped) => piped,
            Err(panic) => std::panic::resume_unwind(panic),
        };
        (hashes, piped)
    });
    let mut hashes = hashes;
    for (name, hash) in piped {
        hashes.insert(name, Ok(hash));
    }
    drop(tx);
    let mut outcomes: Vec<Option<Vec<Problem>>> = records.iter().map(|_| None).collect();
    for (n, problems) in rx.into_iter().flatten() {
        outcomes[n] = Some(problems);
    }
    (hashes, outcomes)
}

/// Members larger than this are hashed on the hashing thread ([`pipe_entry`]): the report,
/// the court packet, attachments; record files and tiny members are hashed where they are
/// read (a message to the thread would cost more than their hash).
const PIPED_MEMBER: u64 = 4 << 10;
/// Bytes read from a piped member at a time.
const PIPE_CHUNK: u64 = 1 << 20;
/// Chunks waiting for the hashing thread at most.
const PIPE_DEPTH: usize = 4;

/// What the pass hands the hashing thread: a member's next bytes, its end (with its name), or
/// that it could not be read to its end (its hash is then an error, kept by the pass).
enum Piece {
    Data(Vec<u8>),
    End(String),
    Abort,
}

/// The hashing thread: the SHA-256 of each member sent whole, with its name.
fn hash_pieces(pieces: std::sync::mpsc::Receiver<Piece>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut h = Sha256::new();
    for piece in pieces {
        match piece {
            Piece::Data(bytes) => h.update(&bytes),
            Piece::End(name) => out.push((name, hex::encode(h.finalize_reset()))),
            Piece::Abort => h.reset(),
        }
    }
    out
}

/// Reads a member and sends its bytes to the hashing thread; the error is the one
/// [`hash_entry`] would give. Nothing is lost when the hashing thread is gone (it only ends
/// when the pass drops its sender).
fn pipe_entry(
    archive: &mut Archive,
    index: usize,
    name: &str,
    pieces: &std::sync::mpsc::SyncSender<Piece>,
) -> std::io::Result<()> {
    let mut f = archive.by_index(index).map_err(std::io::Error::other)?;
    loop {
        let mut buf = Vec::with_capacity(PIPE_CHUNK as usize);
        match (&mut f).take(PIPE_CHUNK).read_to_end(&mut buf) {
            Ok(0) => {
                let _ = pieces.send(Piece::End(name.to_owned()));
                return Ok(());
            }
            Ok(_) => {
                let _ = pieces.send(Piece::Data(buf));
            }
            Err(e) => {
                let _ = pieces.send(Piece::Abort);
                return Err(e);
            }
        }
    }
}

/// A record file's SHA-256 and its bytes, read once (a record file is small). The errors are
/// those of [`hash_entry`] and [`read_small`] reading it apart.
fn read_record_member(
    archive: &mut Archive,
    index: usize,
    name: &str,
) -> (MemberHash, RecordBytes) {
    let f = match archive.by_index(index) {
        Ok(f) => f,
        Err(e) => {
            let unreadable = BundleError::Member {
                name: name.to_owned(),
                detail: e.to_string(),
            };
            return (Err(e.to_string()), Err(unreadable.english()));
        }
    };
    if f.size() > MAX_TEXT {
        drop(f);
        let too_large = BundleError::MemberTooLarge {
            name: name.to_owned(),
        };
        return (
            hash_entry(archive, index).map_err(|e| e.to_string()),
            Err(too_large.english()),
        );
    }
    let mut buf = Vec::with_capacity(f.size() as usize);
    let read = f.take(MAX_TEXT).read_to_end(&mut buf);
    match read {
        Err(e) => {
            let unreadable = BundleError::MemberUnreadable {
                name: name.to_owned(),
                detail: e.to_string(),
            };
            (Err(e.to_string()), Err(unreadable.english()))
        }
        // Cut at the bound: the hash covers the whole member, as when read apart.
        Ok(_) if buf.len() as u64 >= MAX_TEXT => (
            hash_entry(archive, index).map_err(|e| e.to_string()),
            Ok(buf),
        ),
        Ok(_) => (Ok(hex::encode(Sha256::digest(&buf))), Ok(buf)),
    }
}

/// Every check of one record that needs nothing but the record, the checkpoint and its file
/// (`None`: the archive has no such file): its leaf and inclusion proof, its disclosures
/// against the leaf's digests, and the record file against both. Returns the problems in the
/// order they are reported.
fn check_record(
    r: &RecordEntry,
    cp: Option<&checkpoint::Checkpoint>,
    file: Option<RecordBytes>,
) -> Vec<Problem> {
    let mut c = Checker { problems: vec![] };
    let item = item::record_revision(&r.id, r.revision);
    let entry = c.leaf(&item, &r.proof, cp);
    let values = match record_fields(&mut c, &item, entry, &r.id, r.revision) {
        Some(fields) => c.disclosures(&item, &fields, &r.disclosed, &r.withheld),
        None => BTreeMap::new(),
    };
    if duplicate_names(&r.withheld) {
        c.add(
            ProblemKind::Duplicate,
            &item,
            problem_text!("verify-duplicate-withheld"),
        );
    }
    let recorded_at = values
        .get(Field::RecordedAt.name())
        .and_then(|v| serde_json::from_value::<DateTime<Utc>>(v.clone()).ok());
    check_earlier_revisions(&mut c, r, cp, recorded_at);
    let Some(bytes) = file else {
        c.add(
            ProblemKind::MissingFile,
            &item,
            problem_text!("verify-file-missing", file = &r.file),
        );
        return c.problems;
    };
    match bytes.and_then(|b| {
        if let Some(d) = duplicate_key(&b) {
            c.add(
                ProblemKind::Duplicate,
                &item,
                problem_text!(
                    "verify-duplicate-key",
                    file = &r.file,
                    detail = d.to_string()
                ),
            );
        }
        serde_json::from_slice::<RecordFile>(&b).map_err(|e| e.to_string())
    }) {
        Err(e) => c.add(
            ProblemKind::RecordFile,
            &item,
            problem_text!("verify-record-file-invalid", file = &r.file, error = e),
        ),
        Ok(rf) => {
            if rf.id != r.id || rf.revision != r.revision {
                c.add(
                    ProblemKind::RecordFile,
                    &item,
                    problem_text!("verify-record-file-other", file = &r.file),
                );
            }
            for (name, v) in &rf.fields {
                let ok = match values.get(name) {
                    Some(disclosed) => disclosed == v,
                    None => r.withheld.contains(name) && *v == withheld_marker(),
                };
                if !ok {
                    c.add(
                        ProblemKind::RecordFile,
                        &item,
                        problem_text!("verify-record-file-field", field = name, file = &r.file),
                    );
                }
            }
            if rf.fields.len() != values.len() + r.withheld.len() {
                c.add(
                    ProblemKind::RecordFile,
                    &item,
                    problem_text!("verify-record-file-fields", file = &r.file),
                );
            }
            if rf.derived != r.derived {
                c.add(
                    ProblemKind::RecordFile,
                    &item,
                    problem_text!("verify-record-file-derived", file = &r.file),
                );
            }
        }
    }
    c.problems
}

/// The field digests of a proven ledger entry that is the record `id` at `revision`; another
/// kind of entry, or another record or revision, is a `bundle_entry` problem (`None`).
fn record_fields(
    c: &mut Checker,
    item: &Text,
    entry: Option<Entry>,
    id: &str,
    revision: u32,
) -> Option<BTreeMap<String, String>> {
    match entry {
        Some(Entry::Record {
            id: entry_id,
            revision: entry_revision,
            fields,
            ..
        }) if entry_id == id && entry_revision == revision => Some(fields),
        Some(_) => {
            c.add(
                ProblemKind::BundleEntry,
                item,
                problem_text!("verify-bundle-entry-not-record"),
            );
            None
        }
        None => None,
    }
}

/// Checks a record's earlier revisions (docs/bundle-format.md, section 4.4): none, or exactly 1
/// to `revision` - 1 in order, each a ledger entry of this record and revision included in the
/// checkpoint, each disclosed `recorded_at` committed in its entry, and neither their log order
/// nor their times after the revision that corrects them (`current`: this revision's disclosed
/// `recorded_at`).
fn check_earlier_revisions(
    c: &mut Checker,
    r: &RecordEntry,
    cp: Option<&checkpoint::Checkpoint>,
    current: Option<DateTime<Utc>>,
) {
    let item = item::record_revision(&r.id, r.revision);
    let expected = r.revision.saturating_sub(1);
    // No list at all is a bundle written before earlier versions were carried: it proves
    // less (the report then gives only the number of corrections), never something false,
    // and only the vault's key could have signed it that way. A partial list is a problem.
    let in_order = r.earlier.is_empty()
        || (r.earlier.len() == expected as usize
            && r.earlier.iter().zip(1..).all(|(e, n)| e.revision == n));
    if !in_order {
        c.add(
            ProblemKind::RecordRevisions,
            &item,
            problem_text!("verify-earlier-revisions", last = expected),
        );
    }
    let name = Field::RecordedAt.name();
    // (revision, leaf index, recorded time) of each revision, the exported one last.
    let mut seen: Vec<(u32, u64, Option<DateTime<Utc>>)> = Vec::with_capacity(r.earlier.len() + 1);
    for e in &r.earlier {
        let item = item::record_revision(&r.id, e.revision);
        let entry = c.leaf(&item, &e.proof, cp);
        let fields = record_fields(c, &item, entry, &r.id, e.revision).unwrap_or_default();
        let mut time = None;
        if let Some(d) = &e.recorded_at {
            match disclosure::decode(d) {
                Err(err) => c.add(
                    ProblemKind::Disclosure,
                    &item,
                    problem_text!(
                        "verify-disclosure-invalid",
                        field = name,
                        error = err.to_string()
                    ),
                ),
                Ok((_, inner, _)) if inner != name => c.add(
                    ProblemKind::Disclosure,
                    &item,
                    problem_text!("verify-disclosure-other-field", field = name, inner = inner),
                ),
                Ok(_) if fields.get(name) != Some(&disclosure::digest(d)) => c.add(
                    ProblemKind::FieldDigest,
                    &item,
                    problem_text!("verify-disclosure-digest", field = name),
                ),
                Ok((_, _, value)) => match serde_json::from_value::<DateTime<Utc>>(value) {
                    Ok(t) => time = Some(t),
                    Err(err) => c.add(
                        ProblemKind::Disclosure,
                        &item,
                        problem_text!(
                            "verify-disclosure-invalid",
                            field = name,
                            error = err.to_string()
                        ),
                    ),
                },
            }
        }
        seen.push((e.revision, e.proof.leaf_index, time));
    }
    seen.push((r.revision, r.proof.leaf_index, current));
    for pair in seen.windows(2) {
        let ((rev, leaf, _), (next, next_leaf, _)) = (pair[0], pair[1]);
        if leaf >= next_leaf {
            c.add(
                ProblemKind::RevisionOrder,
                &item::record_revision(&r.id, rev),
                problem_text!("verify-revision-logged-after", next = next),
            );
        }
    }
    // Times are compared with the next revision whose time is disclosed.
    let timed: Vec<(u32, DateTime<Utc>)> = seen
        .iter()
        .filter_map(|(rev, _, t)| t.map(|t| (*rev, t)))
        .collect();
    for pair in timed.windows(2) {
        let ((rev, at), (next, next_at)) = (pair[0], pair[1]);
        if at > next_at {
            c.add(
                ProblemKind::RevisionOrder,
                &item::record_revision(&r.id, rev),
                problem_text!("verify-revision-recorded-after", next = next),
            );
        }
    }
}

/// What the manifest says about itself that no proof covers: an export supplements nothing, a
/// disclosure names the bundle it supplements (`--earlier` then checks it is that bundle).
fn check_strict_manifest(c: &mut Checker, m: &Manifest) {
    let wrong = match m.kind.as_str() {
        "export" => m.supplements.is_some(),
        "disclosure" => m.supplements.is_none(),
        _ => false,
    };
    if wrong {
        c.add(
            ProblemKind::Supplement,
            &problem_text!("verify-item-manifest"),
            problem_text!("verify-supplement-kind", kind = m.kind.as_str()),
        );
    }
}

/// An attachment's file is `attachments/<attachment id>/<name>` where `<name>` is its own
/// bundle name ([`names::safe_name`]) and, when the attachment's name is disclosed, the bundle
/// name of that name: a file renamed (`photo.jpg` to `evidence.html`) is caught.
fn check_attachment_name(
    c: &mut Checker,
    item: &Text,
    id: &str,
    file: &str,
    values: &BTreeMap<String, serde_json::Value>,
) {
    let name = file
        .strip_prefix("attachments/")
        .and_then(|rest| rest.strip_prefix(id))
        .and_then(|rest| rest.strip_prefix('/'));
    match name {
        Some(n) if names::is_safe_name(n) => {
            if let Some(disclosed) = values.get("name").and_then(|v| v.as_str()) {
                let want = names::safe_name(disclosed);
                if want != n {
                    c.add(
                        ProblemKind::AttachmentFile,
                        item,
                        problem_text!("verify-attachment-file-renamed", file = file, name = want),
                    );
                }
            }
        }
        _ => c.add(
            ProblemKind::AttachmentFile,
            item,
            problem_text!("verify-attachment-file-name", file = file),
        ),
    }
}

/// The signed statement (docs/bundle-format.md, section 9): present, signed by the bundle's
/// key, restating the manifest exactly, and listing every other member with its SHA-256. A
/// listed file the archive lacks goes to `missing`, a member it does not list to `unexpected`;
/// a member whose bytes changed is a `file_hash` problem naming its path. True when the
/// statement is there and validly signed by `key`.
#[allow(clippy::too_many_arguments)]
fn check_statement(
    c: &mut Checker,
    archive: &mut Archive,
    index_of: &HashMap<&str, (usize, u64)>,
    m: &Manifest,
    key: Option<&ed25519_dalek::VerifyingKey>,
    hashes: &BTreeMap<String, std::result::Result<String, String>>,
    missing: &mut BTreeSet<String>,
    unexpected: &mut BTreeSet<String>,
    own_hashes: &mut Vec<(String, String)>,
) -> bool {
    let item = problem_text!("verify-item-statement");
    let before = c.problems.len();
    let unexpected_before = unexpected.len();
    let mut read = |name: &str, c: &mut Checker| match index_of.get(name) {
        None => {
            c.add(
                ProblemKind::Statement,
                &item,
                problem_text!("verify-statement-missing", file = name),
            );
            None
        }
        Some((i, _)) => match read_small(archive, *i, name) {
            Ok(b) => {
                own_hashes.push((name.to_owned(), hex::encode(Sha256::digest(&b))));
                Some(b)
            }
            Err(e) => {
                c.add(
                    ProblemKind::Statement,
                    &item,
                    problem_text!("verify-file-unreadable", error = e.english()),
                );
                None
            }
        },
    };
    let text = read(statement::STATEMENT_FILE, c);
    let sig = read(statement::SIGNATURE_FILE, c);
    // Without a statement nothing vouches for any file: the one problem says so.
    let Some(text) = text else {
        return false;
    };
    let Ok(text) = String::from_utf8(text) else {
        c.add(
            ProblemKind::Statement,
            &item,
            problem_text!("verify-statement-not-text"),
        );
        return false;
    };
    let signed = match (&sig, key) {
        (Some(sig), Some(key)) => statement::signature_holds(text.as_bytes(), sig, key),
        _ => false,
    };
    if sig.is_some() && key.is_some() && !signed {
        c.add(
            ProblemKind::Statement,
            &item,
            problem_text!("verify-statement-signature"),
        );
    }
    let listed = statement::parse(&text);
    if let Some(line) =
        statement::first_difference(&listed.manifest_lines, &statement::manifest_lines(m))
    {
        c.add(
            ProblemKind::Statement,
            &item,
            problem_text!("verify-statement-manifest", line = line as u64),
        );
    }
    for path in &listed.repeated {
        c.add(
            ProblemKind::Duplicate,
            &item,
            problem_text!("verify-statement-repeated", file = path.as_str()),
        );
    }
    let mut actual = BTreeMap::new();
    for (path, got) in hashes {
        match (got, listed.files.get(path)) {
            (_, None) => {
                unexpected.insert(path.clone());
            }
            (Err(e), Some(_)) => c.add(
                ProblemKind::FileHash,
                &item::file(path),
                problem_text!("verify-file-unreadable", error = e.as_str()),
            ),
            (Ok(h), Some(want)) => {
                if h != want {
                    c.add(
                        ProblemKind::FileHash,
                        &item::file(path),
                        problem_text!("verify-file-changed"),
                    );
                }
                actual.insert(path.clone(), h.clone());
            }
        }
    }
    let mut unaccounted = unexpected.len() > unexpected_before;
    for path in listed.files.keys() {
        if !hashes.contains_key(path) {
            missing.insert(path.clone());
            unaccounted = true;
        }
    }
    // Everything above held: the statement must also be exactly what the writer renders (no
    // stray line, the file lines sorted), so that every verifier rebuilds the same bytes.
    if c.problems.len() == before && !unaccounted && statement::render(m, &actual) != text {
        c.add(
            ProblemKind::Statement,
            &item,
            problem_text!("verify-statement-form"),
        );
    }
    signed
}

fn duplicate_names(names: &[String]) -> bool {
    let mut seen = BTreeSet::new();
    !names.iter().all(|n| seen.insert(n))
}

/// The fingerprint against `--expect-fingerprint` and the trust file.
fn check_sender(c: &mut Checker, report: &mut BundleReport, opts: &VerifyOptions<'_>) {
    if let Some(want) = opts.expect_fingerprint {
        if report.fingerprint != want {
            c.add(
                ProblemKind::FingerprintMismatch,
                &problem_text!("verify-item-manifest"),
                problem_text!(
                    "verify-fingerprint-mismatch",
                    found = &report.fingerprint,
                    expected = want
                ),
            );
        }
    }
    let Some(trusted) = opts.trusted else {
        return;
    };
    if report.fingerprint.is_empty() {
        return;
    }
    report.sender = trusted.standing(&report.vault_id, &report.fingerprint);
    if let Standing::Changed {
        name,
        trusted_fingerprint,
        trusted_vault_id,
    } = &report.sender
    {
        let detail = if trusted_fingerprint != &report.fingerprint {
            problem_text!(
                "verify-sender-changed-key",
                vault = &report.vault_id,
                name = name,
                trusted = trusted_fingerprint,
                found = &report.fingerprint
            )
        } else {
            problem_text!(
                "verify-sender-changed-vault",
                trusted = trusted_fingerprint,
                name = name,
                trusted_vault = trusted_vault_id.as_deref().unwrap_or("?"),
                vault = &report.vault_id
            )
        };
        c.add(
            ProblemKind::SenderChanged,
            &problem_text!("verify-item-manifest"),
            detail,
        );
    }
}

fn decode_hashes(items: &[String]) -> Option<Vec<merkle::Hash>> {
    items
        .iter()
        .map(|h| STANDARD.decode(h).ok().and_then(|b| b.try_into().ok()))
        .collect()
}

/// Every listed earlier checkpoint must be a prefix of the bundle's checkpoint.
fn check_history(c: &mut Checker, m: &Manifest, cp: &checkpoint::Checkpoint) {
    for h in &m.history {
        let item = problem_text!("verify-item-earlier-checkpoint", size = h.size);
        let root: Option<merkle::Hash> = STANDARD
            .decode(&h.root)
            .ok()
            .and_then(|b| b.try_into().ok());
        let ok = match (root, decode_hashes(&h.consistency_proof)) {
            (Some(root), Some(proof)) => {
                merkle::verify_consistency(h.size, cp.size, &root, &cp.root, &proof).is_ok()
            }
            _ => false,
        };
        if !ok {
            c.add(
                ProblemKind::ConsistencyProof,
                &item,
                problem_text!("verify-consistency-proof"),
            );
        }
    }
}

/// A receipt must be signed by the same key. A receipt no larger than the bundle's checkpoint
/// must be that checkpoint or one the bundle's history provably extends; otherwise the log was
/// rewritten after the receipt. A larger receipt was issued after this bundle's checkpoint was
/// signed: the consistency that must hold then runs from the bundle to the receipt, and a
/// bundle cannot carry a proof about a later checkpoint, so it is reported as `newer` (a later
/// bundle, whose history lists the receipt, proves it).
fn check_receipt(
    c: &mut Checker,
    m: &Manifest,
    cp: &checkpoint::Checkpoint,
    text: &str,
    origin: &str,
    key: &ed25519_dalek::VerifyingKey,
) -> ReceiptCheck {
    let failed = |size| ReceiptCheck {
        status: "failed",
        size,
    };
    match checkpoint::open_receipt(text, origin, key) {
        Err(e) => {
            c.add(
                ProblemKind::Receipt,
                &problem_text!("verify-item-receipt"),
                problem_text!("verify-receipt-not-signed", error = e.to_string()),
            );
            failed(0)
        }
        Ok(r) if r.size == cp.size && r.root == cp.root => ReceiptCheck {
            status: "same",
            size: r.size,
        },
        Ok(r) if r.size == cp.size => {
            c.add(
                ProblemKind::Rollback,
                &problem_text!("verify-item-receipt"),
                problem_text!("verify-bundle-receipt-same-size"),
            );
            failed(r.size)
        }
        Ok(r) if r.size > cp.size => ReceiptCheck {
            status: "newer",
            size: r.size,
        },
        Ok(r) => {
            let listed = m.history.iter().any(|h| {
                h.size == r.size && STANDARD.decode(&h.root).ok().as_deref() == Some(&r.root[..])
            });
            if listed {
                ReceiptCheck {
                    status: "extended",
                    size: r.size,
                }
            } else {
                c.add(
                    ProblemKind::Rollback,
                    &problem_text!("verify-item-receipt"),
                    problem_text!("verify-bundle-receipt-not-in-history"),
                );
                failed(r.size)
            }
        }
    }
}

/// A later disclosure against the bundle it supplements: same signing key, same vault, the
/// `supplements` field naming the earlier export, and every ledger leaf byte-identical.
fn check_earlier(
    c: &mut Checker,
    m: &Manifest,
    leaves: &BTreeMap<u64, &str>,
    path: &Path,
    identities: &[Box<dyn age::Identity>],
) -> Result<()> {
    let file = File::open(path).map_err(|e| Error::file(path, e))?;
    let (report, earlier) = verify_file(&file, path, identities, &VerifyOptions::default())?;
    if !report.ok {
        return Err(BundleError::EarlierDoesNotVerify {
            path: path.to_path_buf(),
        }
        .into());
    }
    if earlier.vault.public_key != m.vault.public_key || earlier.vault.id != m.vault.id {
        c.add(
            ProblemKind::Supplement,
            &problem_text!("verify-item-manifest"),
            problem_text!(
                "verify-supplement-other-vault",
                fingerprint = &report.fingerprint
            ),
        );
    }
    if m.supplements.as_deref() != Some(earlier.export_id.as_str()) {
        c.add(
            ProblemKind::Supplement,
            &problem_text!("verify-item-manifest"),
            problem_text!(
                "verify-supplement-not-named",
                export = &earlier.export_id,
                says = match m.supplements.as_deref() {
                    Some(s) => item::file(s),
                    None => problem_text!("verify-supplement-nothing"),
                }
            ),
        );
    }
    let earlier_leaves: BTreeMap<u64, &String> = earlier
        .records
        .iter()
        .map(|r| (r.proof.leaf_index, &r.proof.entry))
        .chain(
            earlier
                .attachments
                .iter()
                .map(|a| (a.proof.leaf_index, &a.proof.entry)),
        )
        .collect();
    for (index, entry) in leaves {
        match earlier_leaves.get(index) {
            Some(e) if e.as_str() == *entry => {}
            Some(_) => c.add(
                ProblemKind::Supplement,
                &item::ledger_leaf(*index),
                problem_text!("verify-supplement-leaf-differs"),
            ),
            None => c.add(
                ProblemKind::Supplement,
                &item::ledger_leaf(*index),
                problem_text!("verify-supplement-leaf-missing"),
            ),
        }
    }
    Ok(())
}

/// Verifies, then extracts into `out` (which must not exist or be empty). Refuses to extract a
/// bundle that does not verify.
pub fn open_bundle(
    path: &Path,
    identities: &[Box<dyn age::Identity>],
    out: &Path,
) -> Result<OpenedBundle> {
    let opened = open_bundle_with(path, identities, out, &VerifyOptions::default())?;
    if !opened.report.ok {
        return Err(BundleError::DoesNotVerify {
            problems: opened.report.problems.len(),
        }
        .into());
    }
    Ok(opened)
}

/// Verifies with every check `opts` asks for, then extracts into `out` (which must not exist or
/// be empty) only when the report is `ok`; otherwise returns the report and extracts nothing.
/// The file is opened once: what is extracted is what was verified, even if the path is
/// replaced meanwhile.
pub fn open_bundle_with(
    path: &Path,
    identities: &[Box<dyn age::Identity>],
    out: &Path,
    opts: &VerifyOptions<'_>,
) -> Result<OpenedBundle> {
    let file = File::open(path).map_err(|e| Error::file(path, e))?;
    let (report, _, verified) = verify_file_hashed(&file, path, identities, opts)?;
    if !report.ok {
        return Ok(OpenedBundle {
            report,
            files: vec![],
        });
    }
    if out.exists()
        && std::fs::read_dir(out)
            .map(|mut d| d.next().is_some())
            .unwrap_or(true)
    {
        return Err(Error::WouldOverwrite(out.to_path_buf()));
    }
    let written = extract_verified(&file, path, identities, &verified, out)?;
    Ok(OpenedBundle {
        report,
        files: written,
    })
}

/// Decrypts the archive in `file` again and writes every member into `out`, each checked
/// against the hash the verification took of it ([`VerifiedHashes`]). On any error, what this
/// call wrote is removed (the files, the folders it made, `out` if it made it).
fn extract_verified(
    file: &File,
    path: &Path,
    identities: &[Box<dyn age::Identity>],
    verified: &VerifiedHashes,
    out: &Path,
) -> Result<Vec<PathBuf>> {
    let (mut archive, len) = open_archive(file, path, identities)?;
    let entries = check_entries(&mut archive, len)?;
    let created = fsutil::create_output_dir(out, true)?;
    let mut written = Vec::new();
    let result = (|| -> Result<()> {
        for (i, name, _) in entries {
            let target = out.join(&name);
            // Each folder on the way made here, top down, never through a link.
            let mut folders: Vec<&Path> = target
                .ancestors()
                .skip(1)
                .take_while(|d| *d != out)
                .collect();
            folders.reverse();
            for folder in folders {
                fsutil::create_output_subdir(folder)?;
            }
            let mut f = fsutil::create_new_private(&target)?;
            written.push(target.clone());
            let entry = archive.by_index(i).map_err(|e| BundleError::Member {
                name: name.clone(),
                detail: e.to_string(),
            })?;
            // The archive is decrypted a second time here: each member must hash as it did
            // when the bundle verified, or the file was rewritten in place between the reads.
            let mut rehash = Rehash {
                inner: entry,
                hasher: Sha256::new(),
            };
            std::io::copy(&mut rehash, &mut f).map_err(|e| Error::file(&target, e))?;
            same_as_verified(verified, &name, rehash.hasher)?;
            f.sync_all().map_err(|e| Error::file(&target, e))?;
        }
        Ok(())
    })();
    if let Err(e) = result {
        // Only what this run wrote is removed: the files it created, then the folders it
        // made for them (empty ones only), and `out` itself if this run created it.
        for f in written.iter().rev() {
            let _ = std::fs::remove_file(f);
        }
        let mut dirs: Vec<&Path> = written
            .iter()
            .flat_map(|f| f.ancestors().skip(1))
            .filter(|d| d.starts_with(out) && (*d != out || created))
            .collect();
        dirs.sort_by_key(|d| std::cmp::Reverse(d.components().count()));
        dirs.dedup();
        for d in dirs {
            let _ = std::fs::remove_dir(d);
        }
        return Err(e);
    }
    Ok(written)
}

/// A bundle that verified, read into memory for counsel's court packet: its manifest and the
/// members `want` asked for (by name and size), each read whole and bounded by `limit`.
pub struct VerifiedMembers {
    pub report: BundleReport,
    pub manifest: Manifest,
    /// Member name -> bytes (only the ones asked for).
    pub members: BTreeMap<String, Vec<u8>>,
    /// Every member's name and size, in archive order.
    pub names: Vec<(String, u64)>,
}

/// Verifies with every check `opts` asks for and, only when the report is `ok`, reads the
/// members `want` accepts (never more than `limit` bytes each). The file is opened once: what
/// is read is what was verified. `Ok(Err(report))` when the bundle does not verify.
pub fn read_verified(
    path: &Path,
    identities: &[Box<dyn age::Identity>],
    opts: &VerifyOptions<'_>,
    want: &dyn Fn(&Manifest, &str, u64) -> bool,
    limit: u64,
) -> Result<std::result::Result<VerifiedMembers, BundleReport>> {
    let file = File::open(path).map_err(|e| Error::file(path, e))?;
    let (report, manifest, verified) = verify_file_hashed(&file, path, identities, opts)?;
    if !report.ok {
        return Ok(Err(report));
    }
    let (mut archive, len) = open_archive(&file, path, identities)?;
    let entries = check_entries(&mut archive, len)?;
    let mut members = BTreeMap::new();
    let mut names = Vec::with_capacity(entries.len());
    for (i, name, size) in entries {
        names.push((name.clone(), size));
        if size > limit || !want(&manifest, &name, size) {
            continue;
        }
        let f = archive.by_index(i).map_err(|e| BundleError::Member {
            name: name.clone(),
            detail: e.to_string(),
        })?;
        let mut buf = Vec::with_capacity(size as usize);
        f.take(limit)
            .read_to_end(&mut buf)
            .map_err(|e| BundleError::MemberUnreadable {
                name: name.clone(),
                detail: e.to_string(),
            })?;
        // Read a second time: it must be the member that verified (see `open_bundle_with`).
        let mut hasher = Sha256::new();
        hasher.update(&buf);
        same_as_verified(&verified, &name, hasher)?;
        members.insert(name, buf);
    }
    Ok(Ok(VerifiedMembers {
        report,
        manifest,
        members,
        names,
    }))
}

/// Seek is required by the archive reader; this keeps the bound visible.
#[allow(dead_code)]
fn assert_seekable<R: Read + Seek>(_: &R) {}

#[cfg(test)]
mod tests {
    use super::*;

    /// A record revision's ledger entry committing only to `recorded_at`, its proof (no
    /// inclusion path: checked without a checkpoint) and the disclosure of that time.
    fn revision(id: &str, revision: u32, leaf: u64, at: &str) -> (LeafProof, String) {
        let d = disclosure::encode(
            &disclosure::new_salt(),
            "recorded_at",
            &serde_json::json!(at),
        );
        let entry = Entry::Record {
            v: crate::ledger::entry::ENTRY_VERSION,
            id: id.to_owned(),
            revision,
            ciphertext_sha256: "00".repeat(32),
            fields: [("recorded_at".to_owned(), disclosure::digest(&d))].into(),
        };
        let proof = LeafProof {
            leaf_index: leaf,
            entry: STANDARD.encode(entry.to_bytes()),
            inclusion_proof: vec![],
        };
        (proof, d)
    }

    fn kinds_of(times: [&str; 3], leaves: [u64; 3]) -> Vec<ProblemKind> {
        let id = "ab".repeat(16);
        let earlier = (0..2)
            .map(|k| {
                let (proof, d) = revision(&id, k + 1, leaves[k as usize], times[k as usize]);
                super::super::manifest::EarlierRevision {
                    revision: k + 1,
                    proof,
                    recorded_at: Some(d),
                }
            })
            .collect();
        let (proof, _) = revision(&id, 3, leaves[2], times[2]);
        let r = RecordEntry {
            id: id.clone(),
            revision: 3,
            proof,
            disclosed: BTreeMap::new(),
            withheld: vec![],
            derived: BTreeMap::new(),
            file: format!("records/{id}.json"),
            earlier,
        };
        let mut c = Checker { problems: vec![] };
        let current = times[2].parse::<DateTime<Utc>>().ok();
        check_earlier_revisions(&mut c, &r, None, current);
        c.problems.iter().map(|p| p.kind).collect()
    }

    #[test]
    fn a_correction_dated_or_logged_before_what_it_corrects_is_a_problem() {
        let t = [
            "2026-11-20T10:00:00Z",
            "2026-11-21T10:00:00Z",
            "2026-11-22T10:00:00Z",
        ];
        assert_eq!(kinds_of(t, [3, 5, 9]), vec![]);
        // Equal times are not back-dating (two corrections within a clock tick).
        let same = ["2026-11-20T10:00:00Z"; 3];
        assert_eq!(kinds_of(same, [3, 5, 9]), vec![]);
        // Version 2 recorded before version 1, which it corrects.
        let back = [
            "2026-11-21T10:00:00Z",
            "2026-11-20T10:00:00Z",
            "2026-11-22T10:00:00Z",
        ];
        assert_eq!(kinds_of(back, [3, 5, 9]), vec![ProblemKind::RevisionOrder]);
        // Nanoseconds count.
        let nanos = [
            "2026-11-20T10:00:00.000000002Z",
            "2026-11-20T10:00:00.000000001Z",
            "2026-11-22T10:00:00Z",
        ];
        assert_eq!(kinds_of(nanos, [3, 5, 9]), vec![ProblemKind::RevisionOrder]);
        // The current version after the last earlier one in time, but before it in the log.
        assert_eq!(kinds_of(t, [3, 9, 5]), vec![ProblemKind::RevisionOrder]);
    }

    fn header(lines: &[String]) -> tempfile::NamedTempFile {
        let mut f = tempfile::NamedTempFile::new().unwrap();
        let mut text = String::from("age-encryption.org/v1\n");
        for l in lines {
            text.push_str(l);
            text.push('\n');
        }
        text.push_str("--- AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n");
        std::io::Write::write_all(&mut f, text.as_bytes()).unwrap();
        std::io::Write::write_all(&mut f, &[0u8; 64]).unwrap();
        f
    }

    fn check(f: &tempfile::NamedTempFile) -> Result<()> {
        check_age_header(&mut f.reopen().unwrap(), f.path())
    }

    #[test]
    fn the_hashing_thread_hashes_each_member_whole_and_forgets_an_unreadable_one() {
        let (tx, rx) = std::sync::mpsc::sync_channel(PIPE_DEPTH);
        let hasher = std::thread::spawn(move || hash_pieces(rx));
        tx.send(Piece::Data(b"hello ".to_vec())).unwrap();
        tx.send(Piece::Data(b"world".to_vec())).unwrap();
        tx.send(Piece::End("a".into())).unwrap();
        // Read in part, then unreadable: no hash for it, and nothing of it in the next one.
        tx.send(Piece::Data(b"junk".to_vec())).unwrap();
        tx.send(Piece::Abort).unwrap();
        tx.send(Piece::Data(b"world".to_vec())).unwrap();
        tx.send(Piece::End("b".into())).unwrap();
        tx.send(Piece::End("empty".into())).unwrap();
        drop(tx);
        let out = hasher.join().unwrap();
        let hex = |b: &[u8]| hex::encode(Sha256::digest(b));
        assert_eq!(
            out,
            vec![
                ("a".to_owned(), hex(b"hello world")),
                ("b".to_owned(), hex(b"world")),
                ("empty".to_owned(), hex(b"")),
            ]
        );
    }

    #[test]
    fn stanza_count_and_scrypt_work_factor_are_bounded() {
        let x = |i: usize| format!("-> X25519 {i:043}\n{:043}", 0);
        let ok: Vec<String> = (0..MAX_STANZAS).map(x).collect();
        assert!(check(&header(&ok)).is_ok());
        let many: Vec<String> = (0..=MAX_STANZAS).map(x).collect();
        let e = check(&header(&many)).unwrap_err().to_string();
        assert!(e.contains("more than 64 recipient stanzas"), "{e}");
        let s = |n: u8| vec![format!("-> scrypt AAAAAAAAAAAAAAAAAAAAAA {n}\n{:043}", 0)];
        assert!(check(&header(&s(18))).is_ok());
        assert!(check(&header(&s(MAX_SCRYPT_LOG_N))).is_ok());
        let e = check(&header(&s(22))).unwrap_err().to_string();
        assert!(e.contains("work factor 22"), "{e}");
        assert!(e.contains("4096 MiB"), "{e}");
    }
}

#[cfg(test)]
mod reread_tests {
    use super::*;
    use std::io::Write;

    /// An age-encrypted archive of stored members, as a bundle is.
    fn sealed(
        dir: &Path,
        name: &str,
        members: &[(&str, &[u8])],
        to: &age::x25519::Recipient,
    ) -> PathBuf {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for (n, bytes) in members {
            let opts = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Stored);
            zip.start_file(*n, opts).unwrap();
            zip.write_all(bytes).unwrap();
        }
        let plain = zip.finish().unwrap().into_inner();
        let enc =
            age::Encryptor::with_recipients(std::iter::once(to as &dyn age::Recipient)).unwrap();
        let mut out = vec![];
        let mut w = enc.wrap_output(&mut out).unwrap();
        w.write_all(&plain).unwrap();
        w.finish().unwrap();
        let path = dir.join(name);
        std::fs::write(&path, out).unwrap();
        path
    }

    fn hashes(members: &[(&str, &[u8])]) -> VerifiedHashes {
        members
            .iter()
            .map(|(n, b)| ((*n).to_owned(), hex::encode(Sha256::digest(b))))
            .collect()
    }

    /// What `bundle open` writes is checked member by member against what verified: a file
    /// rewritten in place between the two reads is refused, and what was written is removed.
    #[test]
    fn a_member_that_changed_since_it_verified_is_refused_and_nothing_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let id = age::x25519::Identity::generate();
        let ids: Vec<Box<dyn age::Identity>> = vec![Box::new(id.clone())];
        let genuine: [(&str, &[u8]); 2] = [("a.txt", b"first"), ("records/b.json", b"{}")];
        let forged: [(&str, &[u8]); 2] = [("a.txt", b"first"), ("records/b.json", b"{\"x\":1}")];
        let good = sealed(dir.path(), "good.age", &genuine, &id.to_public());
        let bad = sealed(dir.path(), "bad.age", &forged, &id.to_public());
        let verified = hashes(&genuine);

        let out = dir.path().join("out");
        let file = File::open(&bad).unwrap();
        let err = extract_verified(&file, &bad, &ids, &verified, &out).unwrap_err();
        assert!(
            matches!(&err, Error::Bundle(BundleError::ChangedSinceVerified { name }) if name == "records/b.json"),
            "{err:?}"
        );
        assert!(
            !out.exists(),
            "the folder this run made is removed with what it held"
        );

        // An empty folder the user named stays, empty.
        std::fs::create_dir(&out).unwrap();
        extract_verified(&file, &bad, &ids, &verified, &out).unwrap_err();
        assert_eq!(std::fs::read_dir(&out).unwrap().count(), 0);

        let file = File::open(&good).unwrap();
        let written = extract_verified(&file, &good, &ids, &verified, &out).unwrap();
        assert_eq!(written.len(), 2);
        assert_eq!(std::fs::read(out.join("records/b.json")).unwrap(), b"{}");
    }
}
