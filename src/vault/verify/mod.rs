//! `vault verify`: checks everything a vault claims about itself and lists each problem with its
//! kind and the item it concerns. It never writes.
//!
//! Tier 1 needs no passphrase: SQLite's integrity check, every leaf hash against its entry bytes,
//! every ciphertext and attachment blob against the hash its leaf commits to, every keyslot
//! against its leaf, the genesis entry against the stored keys, every checkpoint's signature and
//! root, consistency of every older checkpoint with the newest, and rows and leaves pairing up
//! exactly. Tier 2 (with the passphrase) also decrypts everything, checks each record's embedded
//! id and revision, recomputes every field digest and every attachment's plaintext SHA-256.
//!
//! [`verify`] (reached through `Vault::verify` and `Unlocked::verify`) reads one snapshot and
//! runs the checks of `ledger` (leaves, genesis, checkpoints, trust seal, forged entries,
//! receipts), `records`, `attachments` and `rows` (keyslots, exports, rows every leaf needs);
//! `database` reports a database that cannot be used at all.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::crypto::keys::MasterKey;
use crate::ledger::rotation;
use crate::ledger::{merkle, Entry};
use crate::store::{AnchorRow, AttachmentRow, ExportRow, KeyslotRow, BLOB_DIR};
use crate::vault::cache;
use crate::vault::trust;
use crate::vault::Vault;
use crate::Result;

use crate::problem::item;
pub use crate::problem::{Problem, ProblemKind, Text};
use crate::problem_text;

mod anchors;
mod attachments;
mod custody;
mod database;
mod ledger;
mod records;
mod rows;

use attachments::{attachment_problems, check_attachments, check_quarantine, open_attachments};
use attachments::{DeferredHashes, OpenedAttachment};
pub use database::{database_report, is_database_error};
use ledger::{check_checkpoints, check_forged, check_genesis, check_leaves, check_receipt};
use ledger::{check_trust, LEDGER_BATCH};
use records::{check_cache_items, check_records, scan_records, DeepCheck, RecordDigest};
use rows::{check_exports, check_keyslots, check_unpaired};

/// What a receipt check found.
#[derive(Debug, Clone, Serialize)]
pub struct ReceiptResult {
    pub receipt_size: u64,
    pub ok: bool,
}

/// The result of a verification.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// `full` when everything was decrypted and rechecked, `basic` otherwise.
    pub tier: &'static str,
    pub ledger_entries: u64,
    pub signed_entries: u64,
    pub checkpoints: usize,
    pub records: usize,
    pub attachments: usize,
    pub attachment_bytes: u64,
    pub leftover_files: usize,
    /// Record revisions `--full` opened with the age file key kept in the signed list cache
    /// instead of an X25519 unwrap (docs/format.md, "Encrypted list cache").
    pub records_opened_with_cached_keys: u64,
    pub receipt: Option<ReceiptResult>,
    /// What each valid RFC 3161 timestamp proves (left out of `--json` when there is none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub anchors: Vec<crate::vault::anchor::AnchorSummary>,
    /// What each valid witness cosignature proves (left out of `--json` when there is none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cosignatures: Vec<crate::vault::witness::CosignatureSummary>,
    pub problems: Vec<Problem>,
}

impl Report {
    /// True when nothing is wrong.
    pub fn ok(&self) -> bool {
        self.problems.is_empty()
    }
}

struct Problems(Vec<Problem>);

impl Problems {
    fn add(&mut self, kind: ProblemKind, item: Text, detail: Text) {
        self.0.push(Problem::new(kind, item, detail));
    }
}

/// Progress reporting: called with (done, total) item counts.
pub type Progress<'a> = &'a (dyn Fn(u64, u64) + Sync);

/// Runs the checks. With `unlocked`, runs tier 2 as well. `receipt` is a signed note text.
pub fn verify(
    vault: &mut Vault,
    master: Option<&MasterKey>,
    receipt: Option<&str>,
    progress: Option<Progress<'_>>,
) -> Result<Report> {
    let mut p = Problems(Vec::new());
    // SQLite's structural check reads the whole file on one core: it runs on a connection and
    // thread of its own, beside everything else.
    let integrity_job = vault.store.integrity_check_job();
    let integrity = std::thread::Builder::new()
        .name("integrity-check".into())
        .spawn(integrity_job)
        .map_err(crate::Error::Io)?;
    let blob_dir = vault.dir().join(BLOB_DIR);
    let vault_id = vault.id().to_owned();
    let signing_public = *vault.signing_public();
    let total_items = std::sync::atomic::AtomicU64::new(0);
    let done = std::sync::atomic::AtomicU64::new(0);
    let tick = || {
        let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        if let Some(f) = progress {
            f(n, total_items.load(std::sync::atomic::Ordering::Relaxed));
        }
    };
    let keyed = std::sync::atomic::AtomicU64::new(0);
    std::thread::scope(|scope| -> Result<Report> {
        // One read transaction, so that every row and leaf comes from the same snapshot.
        let snap = vault.store.read(|tx| {
            let attachments = tx.all_attachments()?;
            total_items.store(
                tx.record_revision_count()? + attachments.len() as u64,
                std::sync::atomic::Ordering::Relaxed,
            );
            // With the passphrase, the attachments (most of the bytes) are decrypted and hashed
            // on a pool of their own from the start, while this thread reads and checks the rest.
            let opening = master.map(|m| {
                let (rows, blob_dir, tick) = (attachments.clone(), blob_dir.clone(), &tick);
                scope.spawn(move || open_attachments(m, &rows, &blob_dir, tick))
            });
            // The cache check decrypts its segments (a few at a time) before the ledger entries
            // are in memory, which keeps the peak down; the ledger is read in batches.
            let crate::vault::cache::SegmentCheck {
                keys: cached_keys,
                problems: cache_problems,
                items: cache_items,
            } = crate::vault::cache::check_segments(
                tx,
                &vault_id,
                &signing_public,
                master,
                tx.ledger_size()?,
            )?;
            let mut entries: BTreeMap<u64, Entry> = BTreeMap::new();
            let mut leaves: Vec<merkle::Hash> = Vec::new();
            let mut leaf_problems = Problems(Vec::new());
            let mut expected = 0;
            tx.for_each_ledger_batch(LEDGER_BATCH, |rows| {
                check_leaves(&rows, &mut expected, &mut entries, &mut leaf_problems);
                leaves.extend(rows.iter().map(|r| r.leaf_hash));
                Ok(())
            })?;
            // Each record ciphertext is read once: hashed for tier 1 and, with the passphrase,
            // opened and rechecked right away.
            let deep = master.map(|master| DeepCheck {
                master,
                cached: &cached_keys,
                entries: &entries,
                keyed: &keyed,
                tick: &tick,
            });
            let (records, record_problems) = scan_records(tx, deep.as_ref())?;
            Ok(Snapshot {
                opening,
                leaves,
                entries,
                leaf_problems,
                cache_problems,
                cache_items,
                records,
                record_problems,
                attachments,
                keyslots: tx.keyslots()?,
                checkpoints: tx.checkpoints()?,
                exports: tx.exports()?,
                anchors: tx.anchors()?,
                meta: (
                    tx.meta("vault_id")?.unwrap_or_default(),
                    tx.meta("master_recipient")?.unwrap_or_default(),
                    tx.meta("signing_public")?.unwrap_or_default(),
                ),
                seal: tx.meta(trust::SEAL_META)?,
                travel: tx.meta(crate::vault::travel::TRAVEL_META)?,
                plan: (
                    tx.meta(crate::vault::detention::PLAN_META)?,
                    tx.meta(crate::vault::detention::REFRESHED_META)?,
                ),
            })
        })?;
        for (seq, reason) in snap.cache_problems {
            p.add(
                ProblemKind::CacheSegment,
                problem_text!("verify-item-cache-segment", seq = seq),
                problem_text!("verify-cache-segment-reason", reason = reason),
            );
        }
        let vault_ref: &Vault = vault;
        p.0.extend(snap.leaf_problems.0);
        // Master-key rotations (`vault rekey`): which ciphertext hashes are current.
        let rotation = rotation::analyse(&snap.entries);
        for (item, detail) in &rotation.problems {
            p.add(ProblemKind::Rekey, item.clone(), detail.clone());
        }
        check_genesis(&snap.entries, &snap.meta, &rotation, vault_ref, &mut p);
        let (signed, claimed) =
            check_checkpoints(vault_ref, &snap.leaves, &snap.checkpoints, &mut p);
        let sealed = check_trust(
            &vault_id,
            &snap.entries,
            &snap.leaves,
            &snap.meta,
            snap.seal.as_deref(),
            signed,
            master,
            &mut p,
        );
        // An entry counts as signed when any checkpoint the vault's key signed covers it, even one
        // whose root no longer matches (that rewrite is reported as `checkpoint_root`): only what
        // no signature ever covered can be a forgery.
        // With no signature at all to go by (rows deleted, or the stored key replaced, reported
        // as such), nothing can be told apart as forged.
        let covered = signed.max(sealed).max(claimed);
        if covered > 0 {
            check_forged(&snap.entries, covered, &mut p);
        }
        // A rekey signs a checkpoint in its own transaction: an unsigned one was not made by us.
        for at in rotation.rekeys.iter().filter(|at| **at >= signed) {
            p.add(
                ProblemKind::Rekey,
                problem_text!("verify-item-rekey-at", index = *at),
                problem_text!("verify-rekey-unsigned"),
            );
        }
        check_records(&snap.records, &snap.entries, &rotation, &mut p);
        check_cache_items(
            &snap.cache_items,
            &snap.entries,
            &snap.leaves,
            &rotation,
            &mut p,
        );
        // With the passphrase, blob hashes are taken while the blobs are decrypted (one read each).
        let mut deferred = DeferredHashes::new();
        let (attachment_bytes, leftovers) = check_attachments(
            &snap.attachments,
            &snap.entries,
            &rotation,
            &blob_dir,
            master.is_some(),
            &mut deferred,
            &mut p,
        );
        check_quarantine(vault_ref.dir(), &mut p);
        check_keyslots(&snap.keyslots, &snap.entries, &mut p);
        check_exports(&snap.exports, &snap.entries, &rotation, &mut p);
        check_unpaired(
            &snap.entries,
            &snap.records,
            &snap.attachments,
            &snap.keyslots,
            &snap.exports,
            &mut p,
        );

        let stamped = anchors::Checkpoints {
            notes: &snap.checkpoints,
            leaves: &snap.leaves,
            vault_id: &vault_id,
            public: &signing_public,
        };
        let anchors =
            anchors::check_anchors(&snap.anchors, &snap.entries, covered, &stamped, &mut p);
        custody::check_plan(
            &snap.entries,
            snap.plan.0.as_deref(),
            snap.plan.1.as_deref(),
            &mut p,
        );
        custody::check_travel(&snap.entries, snap.travel.as_deref(), &mut p);
        let cosignatures = anchors::check_cosignatures(&snap.entries, covered, &stamped, &mut p);

        let receipt = receipt.map(|text| check_receipt(vault_ref, &snap.leaves, text, &mut p));

        // The full tier's findings about the records follow everything tier 1 found.
        p.0.extend(snap.record_problems);
        if let Some(opening) = snap.opening {
            let opened = opening
                .join()
                .map_err(|_| crate::Error::Invalid("the attachment checks panicked".into()))?;
            p.0.extend(attachment_problems(
                &snap.attachments,
                opened,
                &deferred,
                &snap.entries,
                &blob_dir,
            ));
        }
        let database: Vec<Problem> = integrity
            .join()
            .map_err(|_| crate::Error::Invalid("the SQLite integrity check panicked".into()))??
            .into_iter()
            .map(|line| {
                problem(
                    ProblemKind::Database,
                    item::file(crate::store::DB_FILE),
                    problem_text!("verify-database-sqlite", line = line),
                )
            })
            .collect();
        p.0.splice(0..0, database);
        Ok(Report {
            tier: if master.is_some() { "full" } else { "basic" },
            ledger_entries: snap.leaves.len() as u64,
            signed_entries: signed,
            checkpoints: snap.checkpoints.len(),
            records: snap.records.len(),
            attachments: snap.attachments.len(),
            attachment_bytes,
            leftover_files: leftovers,
            records_opened_with_cached_keys: keyed.load(std::sync::atomic::Ordering::Relaxed),
            receipt,
            anchors,
            cosignatures,
            problems: p.0,
        })
    })
}

/// Everything tier 1 reads, from one read transaction, and what was checked while reading.
struct Snapshot<'scope> {
    /// The attachments being opened on their own pool (full tier only).
    opening: Option<std::thread::ScopedJoinHandle<'scope, Vec<OpenedAttachment>>>,
    leaves: Vec<merkle::Hash>,
    entries: BTreeMap<u64, Entry>,
    leaf_problems: Problems,
    cache_problems: Vec<(u64, Text)>,
    /// Record items of the list cache (with the passphrase only).
    cache_items: Vec<cache::CachedItemRef>,
    records: Vec<RecordDigest>,
    /// The full tier's findings about records (empty in tier 1).
    record_problems: Vec<Problem>,
    attachments: Vec<AttachmentRow>,
    keyslots: Vec<KeyslotRow>,
    /// (ledger size, signed note text) of each stored checkpoint.
    checkpoints: Vec<(u64, String)>,
    exports: Vec<ExportRow>,
    /// Stored RFC 3161 tokens (none when the table does not exist).
    anchors: Vec<AnchorRow>,
    meta: (String, String, String),
    /// The stored trust seal, if any (src/vault/trust.rs).
    seal: Option<String>,
    /// The travel mark, if any.
    travel: Option<String>,
    /// The stored detention plan and its refresh marker, if any.
    plan: (Option<String>, Option<String>),
}

fn problem(kind: ProblemKind, item: Text, detail: Text) -> Problem {
    Problem::new(kind, item, detail)
}

/// What a ledger entry is about, as an item: `record 3f2a… revision 2`, `export 7c…`.
fn entry_item(e: &Entry) -> Text {
    match e {
        Entry::Genesis { .. } => problem_text!("verify-item-vault-creation"),
        Entry::Record { id, revision, .. } => item::record_revision(id, *revision),
        Entry::Attachment { id, record, .. } => item::attachment(id, record),
        // As `Entry::label` writes it: all lower case.
        Entry::Keyslot { slot, action, .. } => problem_text!(
            "verify-item-keyslot-action",
            id = slot.to_lowercase(),
            action = format!("{action:?}").to_lowercase()
        ),
        Entry::Export { id, .. } => problem_text!("verify-item-export", id = id),
        Entry::Rekey { .. } => problem_text!("verify-item-rekey"),
        Entry::Reencrypt { leaf, .. } => problem_text!("verify-item-reencryption-of", leaf = *leaf),
        Entry::Trust { .. } => problem_text!("verify-item-trust-seal"),
        Entry::Travel { .. } => problem_text!("verify-item-travel"),
        Entry::Plan { .. } => problem_text!("verify-item-plan"),
        Entry::Anchor { size, .. } => problem_text!("verify-item-anchor", size = *size),
        Entry::Cosignature { size, witness, .. } => {
            problem_text!("verify-item-cosignature", size = *size, witness = witness)
        }
    }
}
