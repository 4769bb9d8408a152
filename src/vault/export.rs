//! Exports from an unlocked vault: select the records and attachments, decrypt and check them,
//! gather the ledger proofs, hand the already-redacted parts to the bundle writer
//! ([`crate::bundle::writer`]), and log the export in the ledger (the disclosure log).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::path::Path;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use chrono::Utc;
use serde::{Deserialize, Serialize};

use super::{decrypt_blob, encrypt_padded, Unlocked};
use crate::bundle::manifest::{
    AttachmentEntry, EarlierCheckpoint, EarlierRevision, LeafProof, Manifest, RecordEntry, VaultKey,
};
use crate::bundle::names;
use crate::bundle::plan::{EntryRedaction, ExportRequest, Selection};
use crate::bundle::recipients::BundleRecipient;
use crate::bundle::writer::{self, ArchiveWriter};
use crate::bundle::{Error as BundleError, BUNDLE_FORMAT};
use crate::crypto::envelope::{self, FileKeyBytes};
use crate::crypto::{sha256_hex, signing};
use crate::error::{Damage, ExportFault};
use crate::ledger::entry::EXPORT_STATEMENT_VERSION;
use crate::ledger::{self, checkpoint, merkle, Entry};
use crate::record::attachment::AttachmentBody;
use crate::record::new_id;
use crate::record::Field;
use crate::staging::{self, StagingFile};
use crate::store::{AttachmentRow, ExportRow, RecordRow, Tx};
use crate::{fsutil, media, Error, Result};

/// Largest image decrypted into memory to strip its metadata.
const MAX_STRIP_BYTES: u64 = 512 << 20;

/// Records read, checked and decrypted at a time (on every core) while planning and writing:
/// no more decrypted records than this are held at once, whatever the vault's size.
const BATCH: usize = 1024;

/// A planned export: the selected records and attachments, and what identifying metadata the
/// bundle would carry (the caller must confirm it before writing).
pub struct ExportPlan {
    request: ExportRequest,
    /// The records to write, in the bundle's order; read and decrypted again, a batch at a
    /// time, when the bundle is written.
    records: Vec<Planned>,
    attachments: Vec<(AttachmentRow, AttachmentBody)>,
    kind: &'static str,
    supplements: Option<String>,
    /// Only these fields are disclosed (later disclosures); `None` means the redaction decides.
    only_fields: Option<BTreeSet<String>>,
    /// Identifying metadata the bundle would carry, one item each.
    pub identifying: Vec<IdentifyingItem>,
    /// The language of report.html and the court packet (`None`: the process's language).
    lang: Option<crate::i18n::Lang>,
}

/// One record revision a plan selected, with the age file key planning unwrapped: writing
/// opens the record again with it, without a second X25519 operation per record.
struct Planned {
    id: String,
    revision: u32,
    key: FileKeyBytes,
}

/// One piece of identifying metadata an attachment would carry into a bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdentifyingItem {
    /// The first 8 characters of the incident's id.
    pub incident: String,
    /// The attachment's position in the incident.
    pub position: u64,
    /// The attachment's file name (the owner's text: show it terminal-safe).
    pub name: String,
    /// What it carries, as [`crate::media`] names it (`GPS position ...`).
    pub item: String,
}

impl ExportPlan {
    /// Number of records selected.
    pub fn record_count(&self) -> usize {
        self.records.len()
    }

    /// Writes report.html and the court packet in `lang` (`export --lang`).
    pub fn set_language(&mut self, lang: crate::i18n::Lang) {
        self.lang = Some(lang);
    }

    /// The language of report.html and the court packet.
    pub fn language(&self) -> crate::i18n::Lang {
        self.lang.unwrap_or_else(crate::i18n::language)
    }

    /// The selected attachments, as read from the vault.
    pub(super) fn attachments(&self) -> &[(AttachmentRow, AttachmentBody)] {
        &self.attachments
    }
}

/// What an export wrote.
#[derive(Debug, Clone, Serialize)]
pub struct ExportOutcome {
    pub export_id: String,
    pub records: usize,
    pub attachments: usize,
    pub files: usize,
    pub withheld_fields: usize,
    pub bundle_sha256: String,
    pub checkpoint_size: u64,
    /// Partial bundles of killed exports removed from the output's folder first.
    pub leftovers_removed: Vec<std::path::PathBuf>,
}

/// The encrypted description of an export kept in the vault (the disclosure log).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ExportDetails {
    pub id: String,
    pub kind: String,
    #[serde(default)]
    pub supplements: Option<String>,
    pub exported_at: chrono::DateTime<Utc>,
    pub records: Vec<ExportedItem>,
    pub attachments: Vec<ExportedItem>,
    pub recipients: Vec<String>,
    pub checkpoint_size: u64,
    pub bundle_sha256: String,
    /// Hex SHA-256 of the bundle's `STATEMENT.txt` (absent for exports made before bundles were
    /// signed whole); the export's ledger entry commits to the same value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statement_sha256: Option<String>,
}

/// One exported item in the disclosure log.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ExportedItem {
    pub id: String,
    #[serde(default)]
    pub revision: Option<u32>,
    pub withheld: Vec<String>,
    #[serde(default)]
    pub carries: Option<String>,
}

impl Unlocked {
    /// Selects what a bundle would contain and lists identifying metadata it would carry.
    pub fn plan_export(&mut self, mut request: ExportRequest) -> Result<ExportPlan> {
        request.redaction.canonicalize();
        request.redaction.validate()?;
        // Replace per-entry redaction keys by the full ids they name: an ambiguous prefix is an
        // error, not a guess, and the redaction then matches ids exactly, so a key written in
        // capitals or with spaces, or two keys naming one record, cannot withhold less.
        let mut resolved: BTreeMap<String, EntryRedaction> = BTreeMap::new();
        for (key, entry) in std::mem::take(&mut request.redaction.entries) {
            let id = self.vault.resolve_id(&key)?;
            resolved.entry(id).or_default().merge(entry);
        }
        request.redaction.entries = resolved;
        // Named incidents: their newest revisions. Otherwise every incident, read a page at a
        // time below.
        let named = match &request.selection {
            Selection::Entries(ids) => {
                let missing = self.missing_items()?;
                let mut rows = Vec::new();
                for prefix in ids {
                    let id = self.vault.resolve_id(prefix)?;
                    // Never an older revision in place of a deleted newer one.
                    if let Some(damage) =
                        super::reads::MissingItem::newer_revision_of(&missing, &id)
                    {
                        return Err(damage.into());
                    }
                    let history = self.vault.store.read(|tx| tx.record_history(&id))?;
                    rows.extend(history.last().cloned());
                }
                Some(rows)
            }
            _ => None,
        };
        // Every incident the ledger records must be here for a bundle of all of them: a deleted
        // incident, or a newer revision deleted so that an older one shows, is refused.
        if matches!(request.selection, Selection::All) {
            let missing = self.missing_items()?;
            if let Some(first) = missing.first() {
                return Err(first.export_damage().into());
            }
        }
        // Each row is checked against its ledger entry before it is used; a batch at a time, so
        // that only the selection, each record's time and its file key are kept, not every
        // ciphertext or decrypted record.
        let mut records = Vec::new();
        match named {
            Some(rows) => {
                for batch in rows.chunks(BATCH) {
                    self.select_batch(batch, &request.selection, &mut records)?;
                }
            }
            None => {
                let mut after: Option<String> = None;
                loop {
                    let batch = self
                        .vault
                        .store
                        .read(|tx| tx.latest_records_after(after.as_deref(), BATCH))?;
                    let Some(last) = batch.last() else {
                        break;
                    };
                    after = Some(last.id.clone());
                    self.select_batch(&batch, &request.selection, &mut records)?;
                }
            }
        }
        if records.is_empty() {
            return Err(BundleError::NothingSelected.into());
        }
        // Records of the same time in ledger order (rows are read in id order).
        records.sort_by_key(|(key, _)| *key);
        let records: Vec<Planned> = records.into_iter().map(|(_, p)| p).collect();
        // Every attachment in one query, then those of the selected records in their order.
        let mut by_record: HashMap<String, Vec<AttachmentRow>> = HashMap::new();
        for a in self.vault.store.read(|tx| tx.all_attachments())? {
            by_record.entry(a.record_id.clone()).or_default().push(a);
        }
        let atts: Vec<AttachmentRow> = records
            .iter()
            .flat_map(|p| by_record.remove(&p.id).unwrap_or_default())
            .collect();
        drop(by_record);
        let bodies = self.open_attachments(&atts)?;
        let mut attachments = Vec::new();
        let mut identifying = Vec::new();
        {
            for (a, body) in atts.into_iter().zip(bodies) {
                if !request.redaction.withholds_attachments(&a.record_id) {
                    let items = body.metadata.identifying();
                    let stripped =
                        request.strip_metadata && writer::is_strippable(&body.media_type);
                    let carried_in_file = request.include_files && !stripped;
                    let carried_in_manifest = !request.strip_metadata;
                    if !items.is_empty() && (carried_in_file || carried_in_manifest) {
                        for item in items {
                            identifying.push(IdentifyingItem {
                                incident: a.record_id.get(..8).unwrap_or(&a.record_id).to_owned(),
                                position: a.position,
                                name: body.name.clone(),
                                item,
                            });
                        }
                    }
                }
                attachments.push((a, body));
            }
        }
        Ok(ExportPlan {
            request,
            records,
            attachments,
            kind: "export",
            supplements: None,
            only_fields: None,
            identifying,
            lang: None,
        })
    }

    /// Opens one batch of rows (checked against their ledger entries) and keeps those
    /// `selection` takes, with their time for the bundle's order.
    fn select_batch(
        &mut self,
        batch: &[RecordRow],
        selection: &Selection,
        out: &mut Vec<((chrono::DateTime<Utc>, u64), Planned)>,
    ) -> Result<()> {
        for (row, (body, key)) in batch.iter().zip(self.open_records_keeping_keys(batch)?) {
            let keep = match selection {
                Selection::Entries(_) | Selection::All => true,
                Selection::Tag(t) => body.incident.tags.iter().any(|x| x.eq_ignore_ascii_case(t)),
                Selection::Range { since, until } => {
                    let (start, end) = body.incident.occurred_at.span();
                    since.as_ref().is_none_or(|s| end >= s.span().0)
                        && until.as_ref().is_none_or(|u| start <= u.span().1)
                }
            };
            // A withdrawn incident (entered by mistake) goes into a bundle only when named by
            // id; its `withdrawn` disclosure, never withheld, then tells counsel so.
            let keep =
                keep && (body.withdrawn.is_none() || matches!(selection, Selection::Entries(_)));
            if keep {
                let planned = Planned {
                    id: row.id.clone(),
                    revision: row.revision,
                    key,
                };
                out.push((
                    (body.incident.occurred_at.sort_key(), row.leaf_index),
                    planned,
                ));
            }
        }
        Ok(())
    }

    /// Plans a later disclosure of fields withheld from an earlier export.
    pub fn plan_disclosure(
        &mut self,
        export_id: &str,
        entry: &str,
        fields: &[String],
    ) -> Result<ExportPlan> {
        let details = self.exports()?;
        let earlier = details
            .iter()
            .find(|d| d.id.starts_with(export_id))
            .ok_or_else(|| Error::NotFound(format!("export {export_id}")))?;
        let id = self.vault.resolve_id(entry)?;
        let item = earlier.records.iter().find(|r| r.id == id).ok_or_else(|| {
            BundleError::NotInExport {
                id: id.clone(),
                export: earlier.id.clone(),
            }
        })?;
        let revision = item.revision.unwrap_or(1);
        let row = self
            .vault
            .store
            .read(|tx| tx.record_history(&id))?
            .into_iter()
            .find(|r| r.revision == revision)
            .ok_or_else(|| {
                Error::Damage(Damage::RevisionMissing {
                    record: id.to_owned(),
                    revision: u64::from(revision),
                })
            })?;
        let (body, key) = self
            .open_records_keeping_keys(std::slice::from_ref(&row))?
            .pop()
            .ok_or_else(|| Error::NotFound(row.id.clone()))?;
        let available: BTreeSet<String> = body.field_values()?.into_keys().collect();
        let mut only = BTreeSet::new();
        for f in fields {
            // A field may be named in Spanish (`testigos`), as with `--redact`.
            let f = &crate::bundle::plan::field_named(f)
                .map(str::to_owned)
                .unwrap_or_else(|| f.clone());
            let matched: Vec<&String> = available
                .iter()
                .filter(|n| {
                    *n == f || (f == "narrative.private" && n.starts_with("narrative.private."))
                })
                .collect();
            if matched.is_empty() {
                return Err(BundleError::NoSuchField {
                    id: id.clone(),
                    field: f.clone(),
                }
                .into());
            }
            only.extend(matched.into_iter().cloned());
        }
        Ok(ExportPlan {
            request: ExportRequest {
                selection: Selection::Entries(vec![id]),
                redaction: Default::default(),
                strip_metadata: true,
                include_files: false,
            },
            records: vec![Planned {
                id: row.id.clone(),
                revision: row.revision,
                key,
            }],
            attachments: vec![],
            kind: "disclosure",
            supplements: Some(earlier.id.clone()),
            only_fields: Some(only),
            identifying: vec![],
            lang: None,
        })
    }

    /// Writes the planned bundle to `out` (a new file), encrypted to `recipients`, and records the
    /// export in the ledger.
    pub fn write_export(
        &mut self,
        plan: ExportPlan,
        recipients: Vec<BundleRecipient>,
        out: &Path,
    ) -> Result<ExportOutcome> {
        if recipients.is_empty() {
            return Err(BundleError::NoRecipient.into());
        }
        if fs::symlink_metadata(out).is_ok() {
            return Err(Error::WouldOverwrite(out.to_path_buf()));
        }
        // Crash safety: the bundle is written under a hidden staging name beside `out`
        // (`.<name>.export-<random>.partial`, locked while this process lives) and fsynced, the
        // export is logged in the ledger, and only then does the bundle appear under its name (a
        // hard link never replaces an existing file). A killed export leaves no truncated bundle
        // at `out`, and no bundle exists that the disclosure log does not list. What a killed
        // export left is removed here, by the next export into the same folder.
        let leftovers_removed = staging::sweep(out, staging::Kind::Export)?;
        let (partial, file) = StagingFile::beside(out)?;
        let result = self
            .write_bundle(&plan, &recipients, file)
            .and_then(|(manifest, finished)| self.log_export(&manifest, &recipients, finished));
        // On any error, dropping `partial` deletes the file.
        let mut outcome = result?;
        outcome.leftovers_removed = leftovers_removed;
        match fs::hard_link(partial.path(), out) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                return Err(Error::WouldOverwrite(out.to_path_buf()))
            }
            // File systems without hard links (FAT, exFAT): rename, having checked just above.
            Err(_) if fs::symlink_metadata(out).is_err() => {
                fs::rename(partial.path(), out).map_err(|e| Error::file(out, e))?
            }
            Err(e) => return Err(Error::file(out, e)),
        }
        drop(partial);
        fsutil::sync_parent(out)?;
        Ok(outcome)
    }

    /// Signs a fresh checkpoint, then writes the bundle: records and attachments redacted by
    /// [`writer`], attachments decrypted (and stripped) on the way into the archive.
    fn write_bundle(
        &mut self,
        plan: &ExportPlan,
        recipients: &[BundleRecipient],
        file: std::fs::File,
    ) -> Result<(Manifest, writer::Finished)> {
        // A fresh checkpoint covers everything selected.
        self.checkpoint()?;
        let (size, note) = self
            .vault
            .latest_checkpoint()?
            .ok_or(Error::Damage(Damage::NoCheckpoint))?;
        // Built once from the leaf hashes (the entries are not read): every inclusion and
        // consistency proof below is taken from it in O(log n), so a bundle of n records costs
        // O(n log n), not O(n^2).
        let tree = merkle::Tree::new(self.vault.store.read(|tx| {
            let mut leaves = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
            tx.for_each_leaf_hash_between(0, size, |index, hash| {
                let missing = Error::Damage(Damage::LeafMissing {
                    index: leaves.len() as u64,
                });
                if index != leaves.len() as u64 {
                    return Err(missing);
                }
                leaves.push(merkle::Hash::try_from(hash).map_err(|_| missing)?);
                Ok(())
            })?;
            Ok(leaves)
        })?);
        if tree.size() != size {
            return Err(Error::Damage(Damage::LeafMissing { index: tree.size() }));
        }

        let mut archive = ArchiveWriter::new(file, recipients)?;
        let mut record_entries = Vec::with_capacity(plan.records.len());
        let mut record_files = Vec::with_capacity(plan.records.len());
        for batch in plan.records.chunks(BATCH) {
            // Read again, checked against their ledger entries and decrypted on every core, a
            // batch at a time: the decrypted records of one batch are held, never all.
            let (rows, entries) = self.vault.store.read(|tx| {
                let mut rows = Vec::with_capacity(batch.len());
                let mut entries = Vec::with_capacity(batch.len());
                for p in batch {
                    let row = tx.record_revision(&p.id, p.revision)?.ok_or_else(|| {
                        Error::Damage(Damage::RevisionMissing {
                            record: p.id.clone(),
                            revision: u64::from(p.revision),
                        })
                    })?;
                    entries.push(leaf_entry(tx, row.leaf_index, size)?);
                    rows.push(row);
                }
                Ok((rows, entries))
            })?;
            let keys: Vec<&FileKeyBytes> = batch.iter().map(|p| &p.key).collect();
            let bodies = self.open_records_with_keys(&rows, &keys)?;
            for ((row, body), entry) in rows.iter().zip(&bodies).zip(&entries) {
                let part = writer::record_part(
                    &row.id,
                    row.revision,
                    body,
                    &plan.request.redaction,
                    plan.only_fields.as_ref(),
                )?;
                archive.add_record(&part)?;
                let file = part.path();
                let earlier = self.earlier_revisions(
                    &tree,
                    size,
                    row,
                    part.disclosed.contains_key(Field::RecordedAt.name()),
                )?;
                record_entries.push(RecordEntry {
                    id: row.id.clone(),
                    revision: row.revision,
                    proof: proof_for(&tree, row.leaf_index, entry)?,
                    disclosed: part.disclosed,
                    withheld: part.withheld.into_iter().collect(),
                    derived: part.file.derived.clone(),
                    file,
                    earlier,
                });
                record_files.push(part.file);
            }
        }

        let attachment_leaves = self.vault.store.read(|tx| {
            plan.attachments
                .iter()
                .map(|(row, _)| leaf_entry(tx, row.leaf_index, size))
                .collect::<Result<Vec<_>>>()
        })?;
        let mut attachment_entries = Vec::new();
        for ((row, body), entry) in plan.attachments.iter().zip(&attachment_leaves) {
            let part = writer::attachment_part(
                &row.record_id,
                body,
                &plan.request.redaction,
                plan.request.strip_metadata,
            )?;
            let mut entry = AttachmentEntry {
                id: row.id.clone(),
                record: row.record_id.clone(),
                proof: proof_for(&tree, row.leaf_index, entry)?,
                disclosed: part.disclosed,
                withheld: part.withheld.into_iter().collect(),
                file: None,
                file_sha256: None,
                carries: "none".into(),
            };
            if plan.request.include_files && !part.withheld_all {
                let path = format!("attachments/{}/{}", row.id, names::safe_name(&body.name));
                let blob = self.vault.store.blob_path(&row.blob);
                if plan.request.strip_metadata && writer::is_strippable(&body.media_type) {
                    if body.size > MAX_STRIP_BYTES {
                        return Err(BundleError::TooLargeToStrip {
                            name: body.name.clone(),
                        }
                        .into());
                    }
                    let mut plain = zeroize::Zeroizing::new(Vec::with_capacity(body.size as usize));
                    decrypt_blob(&self.master, &blob, body, &mut *plain, None)?;
                    let stripped =
                        media::strip_identifying(&plain, &body.media_type).map_err(|e| {
                            BundleError::StripFailed {
                                name: body.name.clone(),
                                detail: e.to_string(),
                            }
                        })?;
                    archive.add(&path, &stripped)?;
                    entry.file_sha256 = Some(sha256_hex(&stripped));
                    entry.carries = "stripped".into();
                } else {
                    let master = &self.master;
                    archive.add_streamed(&path, body.size, |w| {
                        decrypt_blob(master, &blob, body, w, None)
                    })?;
                    entry.file_sha256 = Some(body.sha256.clone());
                    entry.carries = "original".into();
                }
                entry.file = Some(path);
            }
            attachment_entries.push(entry);
        }

        let mut history = Vec::new();
        for (old_size, old_note) in self.vault.store.read(|tx| tx.checkpoints())? {
            if old_size == 0 || old_size >= size {
                continue;
            }
            // Only checkpoints that count go into a bundle: a row someone planted (not signed by
            // the vault's key, or with another root) is ignored here and reported by `verify`.
            let origin = ledger::origin(&self.vault.id);
            let Ok(old) = checkpoint::open_own(&old_note, &origin, &self.vault.signing_public)
            else {
                continue;
            };
            if old.size != old_size || tree.root_at(old_size) != Some(old.root) {
                continue;
            }
            let proof = tree.consistency_proof(old_size).map_err(|e| {
                Error::Damage(Damage::NoConsistencyProof {
                    size: old_size,
                    detail: e.to_string(),
                })
            })?;
            history.push(EarlierCheckpoint {
                size: old_size,
                root: STANDARD.encode(old.root),
                consistency_proof: proof.iter().map(|h| STANDARD.encode(h)).collect(),
            });
        }
        // Every timestamp and cosignature of this checkpoint and its history.
        let sizes: Vec<u64> = history.iter().map(|h| h.size).chain([size]).collect();
        let (anchors, cosignatures) = self.vault.bundle_anchors(&sizes)?;
        let manifest = Manifest {
            anchors,
            cosignatures,
            history,
            format: BUNDLE_FORMAT.into(),
            kind: plan.kind.into(),
            export_id: new_id(),
            supplements: plan.supplements.clone(),
            exported_at: Utc::now(),
            vault: VaultKey {
                id: self.vault.id().to_owned(),
                verifier_key: checkpoint::verifier_key(
                    &ledger::origin(self.vault.id()),
                    self.vault.signing_public(),
                ),
                public_key: STANDARD.encode(self.vault.signing_public().as_bytes()),
                fingerprint: signing::fingerprint(self.vault.signing_public()),
            },
            checkpoint: note,
            records: record_entries,
            attachments: attachment_entries,
        };
        self.add_court_packet(&mut archive, plan, &manifest, record_files)?;
        // report.html is in already (`add_court_packet` wrote it before the packet).
        let finished = archive.finish(&manifest, &[], &self.signing)?;
        Ok((manifest, finished))
    }

    /// Every earlier revision of `row`'s record (1 to its revision - 1, in order), read and
    /// checked against its ledger entry like the exported revision, with its inclusion proof
    /// and, when `disclose_time`, the disclosure of its `recorded_at` (no other field). A
    /// revision missing or damaged in the vault refuses the export.
    fn earlier_revisions(
        &mut self,
        tree: &merkle::Tree,
        size: u64,
        row: &RecordRow,
        disclose_time: bool,
    ) -> Result<Vec<EarlierRevision>> {
        if row.revision <= 1 {
            return Ok(Vec::new());
        }
        let (rows, entries) = self.vault.store.read(|tx| {
            let mut rows = Vec::new();
            let mut entries = Vec::new();
            for revision in 1..row.revision {
                let earlier = tx.record_revision(&row.id, revision)?.ok_or_else(|| {
                    Error::Damage(Damage::RevisionMissing {
                        record: row.id.clone(),
                        revision: u64::from(revision),
                    })
                })?;
                entries.push(leaf_entry(tx, earlier.leaf_index, size)?);
                rows.push(earlier);
            }
            Ok((rows, entries))
        })?;
        let bodies = self.open_records(&rows)?;
        let mut out = Vec::with_capacity(rows.len());
        for ((earlier, body), entry) in rows.iter().zip(&bodies).zip(&entries) {
            let recorded_at = if disclose_time {
                let mut disclosures = body.disclosures()?;
                Some(
                    disclosures
                        .remove(Field::RecordedAt.name())
                        .ok_or_else(|| {
                            Error::Damage(Damage::RevisionMissing {
                                record: row.id.clone(),
                                revision: u64::from(earlier.revision),
                            })
                        })?,
                )
            } else {
                None
            };
            out.push(EarlierRevision {
                revision: earlier.revision,
                proof: proof_for(tree, earlier.leaf_index, entry)?,
                recorded_at,
            });
        }
        Ok(out)
    }

    fn log_export(
        &mut self,
        m: &Manifest,
        recipients: &[BundleRecipient],
        finished: writer::Finished,
    ) -> Result<ExportOutcome> {
        let writer::Finished {
            bundle_sha256,
            statement_sha256,
        } = finished;
        let size = checkpoint::parse_unverified(&m.checkpoint)
            .map(|c| c.size)
            .unwrap_or(0);
        let details = ExportDetails {
            id: m.export_id.clone(),
            kind: m.kind.clone(),
            supplements: m.supplements.clone(),
            exported_at: m.exported_at,
            records: m
                .records
                .iter()
                .map(|r| ExportedItem {
                    id: r.id.clone(),
                    revision: Some(r.revision),
                    withheld: r.withheld.clone(),
                    carries: None,
                })
                .collect(),
            attachments: m
                .attachments
                .iter()
                .map(|a| ExportedItem {
                    id: a.id.clone(),
                    revision: None,
                    withheld: a.withheld.clone(),
                    carries: Some(a.carries.clone()),
                })
                .collect(),
            recipients: recipients.iter().map(|r| r.label.clone()).collect(),
            checkpoint_size: size,
            bundle_sha256: bundle_sha256.clone(),
            statement_sha256: Some(statement_sha256.clone()),
        };
        let json = serde_json::to_vec(&details).map_err(writer::encode_err)?;
        let ciphertext = encrypt_padded(&self.vault.recipient, &json)?;
        // The entry commits to the bundle's signed statement: a later checkpoint (a receipt)
        // then proves what this export sent, file by file. A bundle cannot carry this entry:
        // it is logged after the checkpoint the bundle rests on.
        let entry = Entry::Export {
            v: EXPORT_STATEMENT_VERSION,
            id: m.export_id.clone(),
            details_sha256: sha256_hex(&ciphertext),
            statement_sha256: Some(statement_sha256),
        };
        let id = m.export_id.clone();
        let recipient = self.vault.recipient.clone();
        // The export entry and the checkpoint that signs it are one transaction: an export
        // entry no checkpoint covers is a forgery (see `sign_checkpoint`).
        self.write_signed(|tx| {
            // The description was encrypted to this recipient; refuse if a rekey ran meanwhile.
            super::check_recipient(tx, &recipient)?;
            let leaf = tx.append_leaf(&entry.to_bytes())?;
            tx.insert_export(&ExportRow {
                id: id.clone(),
                details: ciphertext.clone(),
                leaf_index: leaf,
            })
        })?;
        Ok(ExportOutcome {
            export_id: m.export_id.clone(),
            records: m.records.len(),
            attachments: m.attachments.len(),
            files: m.attachments.iter().filter(|a| a.file.is_some()).count(),
            withheld_fields: m.records.iter().map(|r| r.withheld.len()).sum::<usize>()
                + m.attachments
                    .iter()
                    .map(|a| a.withheld.len())
                    .sum::<usize>(),
            bundle_sha256,
            checkpoint_size: size,
            leftovers_removed: Vec::new(),
        })
    }

    /// The disclosure log: every export, oldest first.
    pub fn exports(&mut self) -> Result<Vec<ExportDetails>> {
        let rows = self.vault.store.read(|tx| tx.exports())?;
        rows.iter()
            .map(|row| {
                let plain = envelope::decrypt(self.master.identity(), &row.details)
                    .map_err(|_| export_fault(&row.id, ExportFault::NoDecrypt))?;
                let d: ExportDetails = serde_json::from_slice(&plain)
                    .map_err(|e| export_fault(&row.id, ExportFault::NoDecode(e.to_string())))?;
                if d.id != row.id {
                    return Err(export_fault(&row.id, ExportFault::OtherExport(d.id)));
                }
                Ok(d)
            })
            .collect()
    }
}

/// The exact bytes of ledger entry `index`, which the checkpoint of `size` leaves covers.
fn leaf_entry(tx: &Tx<'_>, index: u64, size: u64) -> Result<Vec<u8>> {
    let missing = || Error::Damage(Damage::LeafMissing { index });
    if index >= size {
        return Err(missing());
    }
    Ok(tx.ledger_leaf(index)?.ok_or_else(missing)?.0)
}

/// The manifest's proof that leaf `index` (whose entry is `entry`) is in `tree`.
fn proof_for(tree: &merkle::Tree, index: u64, entry: &[u8]) -> Result<LeafProof> {
    let proof = tree.inclusion_proof(index).map_err(|e| {
        Error::Damage(Damage::NoInclusionProof {
            index,
            detail: e.to_string(),
        })
    })?;
    Ok(LeafProof {
        leaf_index: index,
        entry: STANDARD.encode(entry),
        inclusion_proof: proof.iter().map(|h| STANDARD.encode(h)).collect(),
    })
}

/// A stored export whose details cannot be read back.
fn export_fault(id: &str, fault: ExportFault) -> Error {
    Error::Damage(Damage::ExportDetails {
        id: id.to_owned(),
        fault,
    })
}
