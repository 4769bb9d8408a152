//! Counsel's side: decrypt a bundle, check every claim in it, and extract it safely.
//!
//! The archive is read through age's seekable stream reader, so nothing plaintext is written
//! while checking. Extraction refuses absolute paths, `..`, links, compressed or oversized
//! entries before writing anything.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::io::{BufReader, Read, Seek};
use std::path::{Component, Path, PathBuf};

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::manifest::{withheld_marker, LeafProof, Manifest, RecordFile};
use super::BUNDLE_FORMAT;
use crate::crypto::signing;
use crate::integrity::Problem;
use crate::ledger::{self, checkpoint, merkle, Entry};
use crate::record::disclosure;
use crate::{fsutil, Error, Result};

/// Largest manifest, record file or text we read into memory.
const MAX_TEXT: u64 = 64 << 20;
/// Most entries an archive may have.
const MAX_ENTRIES: usize = 1_000_000;

/// What `bundle verify` found.
#[derive(Debug, Clone, Serialize)]
pub struct BundleReport {
    pub ok: bool,
    pub kind: String,
    pub export_id: String,
    pub supplements: Option<String>,
    pub exported_at: String,
    pub vault_id: String,
    pub fingerprint: String,
    pub checkpoint_size: u64,
    pub records: Vec<ItemReport>,
    pub attachments: Vec<ItemReport>,
    pub problems: Vec<Problem>,
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

fn open_archive(path: &Path, identities: &[Box<dyn age::Identity>]) -> Result<(Archive, u64)> {
    let file = File::open(path).map_err(|e| Error::file(path, e))?;
    let len = file.metadata().map_err(|e| Error::file(path, e))?.len();
    let decryptor = age::Decryptor::new_buffered(BufReader::new(file))
        .map_err(|_| Error::Bundle(format!("{} is not an age-encrypted bundle", path.display())))?;
    // A wrong passphrase fails the scrypt stanza's authentication rather than matching no key.
    let scrypt = decryptor.is_scrypt();
    let reader = decryptor
        .decrypt(identities.iter().map(|i| i.as_ref() as &dyn age::Identity))
        .map_err(|e| match e {
            age::DecryptError::NoMatchingKeys => Error::Bundle(
                "this bundle is not encrypted to the given key (or passphrase)".into(),
            ),
            age::DecryptError::DecryptionFailed if scrypt => {
                Error::Bundle("wrong passphrase for this bundle (or the bundle is damaged)".into())
            }
            other => Error::Bundle(format!("the bundle does not decrypt: {other}")),
        })?;
    // The archive reader seeks to the end first, so a truncated or damaged age stream shows up
    // here as an I/O error, before any entry is read.
    let archive = zip::ZipArchive::new(reader).map_err(|e| match e {
        zip::result::ZipError::Io(io) => Error::Bundle(format!(
            "the bundle is truncated or damaged; it does not decrypt to the end: {io}"
        )),
        other => Error::Bundle(format!(
            "the bundle decrypted, but is not a readable archive: {other}"
        )),
    })?;
    if archive.len() > MAX_ENTRIES {
        return Err(Error::Bundle(
            "the archive has an absurd number of entries".into(),
        ));
    }
    Ok((archive, len))
}

/// Checks names, kinds and declared sizes of every entry before anything is read or written.
fn check_entries(archive: &mut Archive, bundle_len: u64) -> Result<Vec<(usize, String, u64)>> {
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for i in 0..archive.len() {
        let f = archive
            .by_index_raw(i)
            .map_err(|e| Error::Bundle(format!("archive entry {i} is unreadable: {e}")))?;
        let name = f.name().map(|n| n.into_owned()).unwrap_or_default();
        if f.is_symlink() {
            return Err(Error::Bundle(format!(
                "archive entry {name:?} is a link; refusing"
            )));
        }
        // `components()` drops interior `.` components, so the raw name is checked too.
        let safe = Path::new(&name)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
            && !name.split('/').any(|c| c == "." || c == "..");
        if name.is_empty() || !safe || name.contains('\\') || f.enclosed_name().is_none() {
            return Err(Error::Bundle(format!(
                "archive entry {name:?} has an unsafe path; refusing"
            )));
        }
        if f.is_dir() {
            continue;
        }
        // Stored entries only: the declared size can never exceed the encrypted bundle's size.
        if f.compression() != zip::CompressionMethod::Stored {
            return Err(Error::Bundle(format!(
                "archive entry {name:?} is compressed; vault bundles never are"
            )));
        }
        if f.size() > bundle_len {
            return Err(Error::Bundle(format!(
                "archive entry {name:?} declares {} bytes, more than the whole bundle; refusing",
                f.size()
            )));
        }
        if !seen.insert(name.clone()) {
            return Err(Error::Bundle(format!(
                "archive entry {name:?} appears twice"
            )));
        }
        out.push((i, name, f.size()));
    }
    Ok(out)
}

fn read_small(archive: &mut Archive, index: usize, name: &str) -> Result<Vec<u8>> {
    let f = archive
        .by_index(index)
        .map_err(|e| Error::Bundle(format!("{name}: {e}")))?;
    if f.size() > MAX_TEXT {
        return Err(Error::Bundle(format!("{name} is too large")));
    }
    let mut buf = Vec::with_capacity(f.size() as usize);
    f.take(MAX_TEXT)
        .read_to_end(&mut buf)
        .map_err(|e| Error::Bundle(format!("{name} is unreadable: {e}")))?;
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
    fn add(&mut self, kind: &'static str, item: &str, detail: impl Into<String>) {
        self.problems.push(Problem {
            kind,
            item: item.to_owned(),
            detail: detail.into(),
        });
    }

    /// Checks a leaf against the checkpoint; returns the decoded entry.
    fn leaf(
        &mut self,
        item: &str,
        proof: &LeafProof,
        cp: Option<&checkpoint::Checkpoint>,
    ) -> Option<Entry> {
        let Ok(bytes) = STANDARD.decode(&proof.entry) else {
            self.add("bundle_entry", item, "the ledger entry is not base64");
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
            (Err(()), _) => self.add("inclusion_proof", item, "the inclusion proof is malformed"),
            (Ok(path), Some(cp)) => {
                if merkle::verify_inclusion(&leaf, proof.leaf_index, cp.size, &path, &cp.root)
                    .is_err()
                {
                    self.add(
                        "inclusion_proof",
                        item,
                        format!(
                            "ledger leaf {} is not in the signed checkpoint",
                            proof.leaf_index
                        ),
                    );
                }
            }
            (Ok(_), None) => {}
        }
        match Entry::from_bytes(&bytes) {
            Ok(e) => Some(e),
            Err(e) => {
                self.add("bundle_entry", item, e.to_string());
                None
            }
        }
    }

    /// Checks disclosures against the committed digests; returns name -> value.
    fn disclosures(
        &mut self,
        item: &str,
        fields: &BTreeMap<String, String>,
        disclosed: &BTreeMap<String, String>,
        withheld: &[String],
    ) -> BTreeMap<String, serde_json::Value> {
        let mut values = BTreeMap::new();
        for (name, d) in disclosed {
            match disclosure::decode(d) {
                Err(e) => self.add("disclosure", item, format!("field {name}: {e}")),
                Ok((_, inner, value)) => {
                    if inner != *name {
                        self.add(
                            "disclosure",
                            item,
                            format!("field {name} carries the disclosure of {inner}"),
                        );
                    } else if fields.get(name) != Some(&disclosure::digest(d)) {
                        self.add(
                            "field_digest",
                            item,
                            format!("field {name} does not match the digest in the signed ledger"),
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
                    "withheld",
                    item,
                    format!("withheld field {w} is not in the ledger entry"),
                );
            }
        }
        for f in fields.keys() {
            if !accounted.contains(f) {
                self.add(
                    "withheld",
                    item,
                    format!("field {f} is neither disclosed nor listed as withheld"),
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
        fingerprint: m.vault.fingerprint.clone(),
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
    verify_bundle_with_receipt(path, identities, earlier, None)
}

/// [`verify_bundle`], also checking that `receipt` (a signed checkpoint note counsel received
/// earlier) is one of the checkpoints this bundle's checkpoint provably extends.
pub fn verify_bundle_with_receipt(
    path: &Path,
    identities: &[Box<dyn age::Identity>],
    earlier: Option<&Path>,
    receipt: Option<&str>,
) -> Result<BundleReport> {
    let (mut archive, len) = open_archive(path, identities)?;
    let entries = check_entries(&mut archive, len)?;
    let index_of: BTreeMap<String, (usize, u64)> = entries
        .iter()
        .map(|(i, n, s)| (n.clone(), (*i, *s)))
        .collect();
    let (mi, _) = *index_of.get("manifest.json").ok_or_else(|| {
        Error::Bundle("the archive has no manifest.json; it is not a vault bundle".into())
    })?;
    let manifest: Manifest =
        serde_json::from_slice(&read_small(&mut archive, mi, "manifest.json")?)
            .map_err(|e| Error::Bundle(format!("manifest.json is not valid: {e}")))?;
    if manifest.format != BUNDLE_FORMAT {
        return Err(Error::Bundle(format!(
            "unknown bundle format {:?}",
            manifest.format
        )));
    }
    let mut report = fail_report(&manifest);
    let mut c = Checker { problems: vec![] };

    // The signing key, its fingerprint and the checkpoint.
    let origin = ledger::origin(&manifest.vault.id);
    let key = STANDARD
        .decode(&manifest.vault.public_key)
        .ok()
        .and_then(|b| signing::public_from_bytes(&b).ok());
    let cp = match &key {
        None => {
            c.add(
                "signing_key",
                "manifest",
                "the vault public key is not a valid Ed25519 key",
            );
            None
        }
        Some(k) => {
            if signing::fingerprint(k) != manifest.vault.fingerprint {
                c.add(
                    "fingerprint",
                    "manifest",
                    "the fingerprint does not belong to the public key",
                );
            }
            if checkpoint::verifier_key(&origin, k) != manifest.vault.verifier_key {
                c.add(
                    "signing_key",
                    "manifest",
                    "the verifier key does not match the public key",
                );
            }
            match checkpoint::open_own(&manifest.checkpoint, &origin, k) {
                Ok(cp) => Some(cp),
                Err(e) => {
                    c.add(
                        "checkpoint_signature",
                        "checkpoint",
                        format!("the checkpoint does not verify: {e}"),
                    );
                    None
                }
            }
        }
    };
    report.checkpoint_size = cp.as_ref().map_or(0, |c| c.size);
    if let Some(cp) = &cp {
        check_history(&mut c, &manifest, cp);
        if let (Some(text), Some(k)) = (receipt, &key) {
            check_receipt(&mut c, &manifest, cp, text, &origin, k);
        }
    } else if receipt.is_some() {
        c.add(
            "receipt",
            "receipt",
            "the bundle's checkpoint does not verify, so the receipt cannot be checked",
        );
    }

    let mut referenced: BTreeSet<String> = ["manifest.json", "report.html", "VERIFY.txt"]
        .map(String::from)
        .into();
    let mut leaves_seen = BTreeMap::new();
    for r in &manifest.records {
        let item = format!("record {} revision {}", r.id, r.revision);
        let entry = c.leaf(&item, &r.proof, cp.as_ref());
        leaves_seen.insert(r.proof.leaf_index, r.proof.entry.clone());
        let values = match entry {
            Some(Entry::Record {
                id,
                revision,
                fields,
                ..
            }) if id == r.id && revision == r.revision => {
                c.disclosures(&item, &fields, &r.disclosed, &r.withheld)
            }
            Some(_) => {
                c.add(
                    "bundle_entry",
                    &item,
                    "the ledger entry is not this record's",
                );
                BTreeMap::new()
            }
            None => BTreeMap::new(),
        };
        referenced.insert(r.file.clone());
        match index_of.get(&r.file) {
            None => c.add("missing_file", &item, format!("{} is missing", r.file)),
            Some((i, _)) => match read_small(&mut archive, *i, &r.file).and_then(|b| {
                serde_json::from_slice::<RecordFile>(&b).map_err(|e| Error::Bundle(e.to_string()))
            }) {
                Err(e) => c.add("record_file", &item, format!("{}: {e}", r.file)),
                Ok(rf) => {
                    if rf.id != r.id || rf.revision != r.revision {
                        c.add(
                            "record_file",
                            &item,
                            format!("{} describes another record", r.file),
                        );
                    }
                    for (name, v) in &rf.fields {
                        let ok = match values.get(name) {
                            Some(disclosed) => disclosed == v,
                            None => r.withheld.contains(name) && *v == withheld_marker(),
                        };
                        if !ok {
                            c.add(
                                "record_file",
                                &item,
                                format!(
                                    "field {name} in {} differs from its signed disclosure",
                                    r.file
                                ),
                            );
                        }
                    }
                    if rf.fields.len() != values.len() + r.withheld.len() {
                        c.add(
                            "record_file",
                            &item,
                            format!("{} has a different set of fields", r.file),
                        );
                    }
                    if rf.derived != r.derived {
                        c.add(
                            "record_file",
                            &item,
                            format!("derived values in {} differ from the manifest", r.file),
                        );
                    }
                }
            },
        }
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
        let item = format!("attachment {} of record {}", a.id, a.record);
        let entry = c.leaf(&item, &a.proof, cp.as_ref());
        leaves_seen.insert(a.proof.leaf_index, a.proof.entry.clone());
        let values = match entry {
            Some(Entry::Attachment {
                id, record, fields, ..
            }) if id == a.id && record == a.record => {
                c.disclosures(&item, &fields, &a.disclosed, &a.withheld)
            }
            Some(_) => {
                c.add(
                    "bundle_entry",
                    &item,
                    "the ledger entry is not this attachment's",
                );
                BTreeMap::new()
            }
            None => BTreeMap::new(),
        };
        match (&a.file, &a.file_sha256) {
            (Some(file), Some(want)) => {
                referenced.insert(file.clone());
                match index_of.get(file) {
                    None => c.add("missing_file", &item, format!("{file} is missing")),
                    Some((i, _)) => match hash_entry(&mut archive, *i) {
                        Err(e) => c.add(
                            "attachment_file",
                            &item,
                            format!("{file} is unreadable: {e}"),
                        ),
                        Ok(h) if h != *want => c.add(
                            "attachment_hash",
                            &item,
                            format!("{file} does not match its SHA-256"),
                        ),
                        Ok(_) => {}
                    },
                }
                match a.carries.as_str() {
                    "original" => {
                        if values.get("sha256").and_then(|v| v.as_str()) != Some(want.as_str()) {
                            c.add(
                                "attachment_hash",
                                &item,
                                "the file is declared original but its hash is not the signed one",
                            );
                        }
                    }
                    "stripped" => {}
                    other => c.add(
                        "attachment_file",
                        &item,
                        format!("unknown carries value {other:?}"),
                    ),
                }
            }
            (None, None) if a.carries == "none" => {}
            _ => c.add(
                "attachment_file",
                &item,
                "file, file_sha256 and carries disagree",
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
    for (_, name, _) in &entries {
        if !referenced.contains(name) {
            c.add(
                "unexpected_file",
                name,
                "the archive holds a file the manifest does not account for",
            );
        }
    }

    if let Some(earlier_path) = earlier {
        let earlier_report_leaves = earlier_leaves(earlier_path, identities)?;
        for (index, entry) in &leaves_seen {
            match earlier_report_leaves.get(index) {
                Some(e) if e == entry => {}
                Some(_) => c.add(
                    "supplement",
                    &format!("ledger leaf {index}"),
                    "differs from the same leaf in the earlier bundle",
                ),
                None => c.add(
                    "supplement",
                    &format!("ledger leaf {index}"),
                    "is not in the earlier bundle",
                ),
            }
        }
    }
    report.problems = c.problems;
    report.ok = report.problems.is_empty();
    Ok(report)
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
        let item = format!("earlier checkpoint at size {}", h.size);
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
                "consistency_proof",
                &item,
                "the bundle's checkpoint does not provably extend it",
            );
        }
    }
}

/// A receipt must be signed by the same key and be the bundle's checkpoint or one it extends.
fn check_receipt(
    c: &mut Checker,
    m: &Manifest,
    cp: &checkpoint::Checkpoint,
    text: &str,
    origin: &str,
    key: &ed25519_dalek::VerifyingKey,
) {
    match checkpoint::open_receipt(text, origin, key) {
        Err(e) => c.add(
            "receipt",
            "receipt",
            format!("the receipt is not a checkpoint signed by this vault: {e}"),
        ),
        Ok(r) if r.size == cp.size && r.root == cp.root => {}
        Ok(r) if r.size > cp.size => c.add(
            "rollback",
            "receipt",
            format!(
                "the receipt covers {} entries, more than this bundle's checkpoint ({})",
                r.size, cp.size
            ),
        ),
        Ok(r) => {
            let listed = m.history.iter().any(|h| {
                h.size == r.size && STANDARD.decode(&h.root).ok().as_deref() == Some(&r.root[..])
            });
            if !listed {
                c.add("rollback", "receipt", "the bundle's history does not include the receipt's checkpoint: the log was rewritten");
            }
        }
    }
}

/// Leaf index -> entry (base64) of a bundle, after checking that bundle on its own.
fn earlier_leaves(
    path: &Path,
    identities: &[Box<dyn age::Identity>],
) -> Result<BTreeMap<u64, String>> {
    let report = verify_bundle(path, identities, None)?;
    if !report.ok {
        return Err(Error::Bundle(format!(
            "the earlier bundle {} does not verify",
            path.display()
        )));
    }
    let (mut archive, len) = open_archive(path, identities)?;
    let entries = check_entries(&mut archive, len)?;
    let (i, _, _) = entries
        .iter()
        .find(|(_, n, _)| n == "manifest.json")
        .ok_or_else(|| Error::Bundle("the earlier bundle has no manifest".into()))?;
    let m: Manifest = serde_json::from_slice(&read_small(&mut archive, *i, "manifest.json")?)
        .map_err(|e| Error::Bundle(e.to_string()))?;
    Ok(m.records
        .iter()
        .map(|r| (r.proof.leaf_index, r.proof.entry.clone()))
        .chain(
            m.attachments
                .iter()
                .map(|a| (a.proof.leaf_index, a.proof.entry.clone())),
        )
        .collect())
}

/// Verifies, then extracts into `out` (which must not exist or be empty). Refuses to extract a
/// bundle that does not verify.
pub fn open_bundle(
    path: &Path,
    identities: &[Box<dyn age::Identity>],
    out: &Path,
) -> Result<OpenedBundle> {
    let report = verify_bundle(path, identities, None)?;
    if !report.ok {
        return Err(Error::Bundle(format!(
            "the bundle does not verify ({} problem(s)); run `vault bundle verify` for details; nothing was extracted",
            report.problems.len()
        )));
    }
    if out.exists()
        && std::fs::read_dir(out)
            .map(|mut d| d.next().is_some())
            .unwrap_or(true)
    {
        return Err(Error::WouldOverwrite(out.to_path_buf()));
    }
    let (mut archive, len) = open_archive(path, identities)?;
    let entries = check_entries(&mut archive, len)?;
    fsutil::create_private_dir(out)?;
    let mut written = Vec::new();
    for (i, name, _) in entries {
        let target = out.join(&name);
        if let Some(parent) = target.parent() {
            fsutil::create_private_dir(parent)?;
        }
        let mut f = fsutil::create_new_private(&target)?;
        let mut entry = archive
            .by_index(i)
            .map_err(|e| Error::Bundle(format!("{name}: {e}")))?;
        std::io::copy(&mut entry, &mut f).map_err(|e| Error::file(&target, e))?;
        f.sync_all().map_err(|e| Error::file(&target, e))?;
        written.push(target);
    }
    Ok(OpenedBundle {
        report,
        files: written,
    })
}

/// Seek is required by the archive reader; this keeps the bound visible.
#[allow(dead_code)]
fn assert_seekable<R: Read + Seek>(_: &R) {}
