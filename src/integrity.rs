//! `vault verify`: checks everything a vault claims about itself and lists each problem with its
//! kind and the item it concerns. It never writes.
//!
//! Tier 1 needs no passphrase: SQLite's integrity check, every leaf hash against its entry bytes,
//! every ciphertext and attachment blob against the hash its leaf commits to, every keyslot
//! against its leaf, the genesis entry against the stored keys, every checkpoint's signature and
//! root, consistency of every older checkpoint with the newest, and rows and leaves pairing up
//! exactly. Tier 2 (with the passphrase) also decrypts everything, checks each record's embedded
//! id and revision, recomputes every field digest and every attachment's plaintext SHA-256.

use std::collections::{BTreeMap, HashMap, HashSet};

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use rayon::prelude::*;
use serde::Serialize;

use crate::crypto::keys::MasterKey;
use crate::crypto::sha256_hex;
use crate::ledger::checkpoint::{self, Checkpoint};
use crate::ledger::entry::SlotAction;
use crate::ledger::rotation::{self, Rotation};
use crate::ledger::{self, merkle, Entry};
use crate::record::attachment::AttachmentBody;
use crate::store::{AttachmentRow, ExportRow, KeyslotRow, LedgerRow, RecordRow, BLOB_DIR};
use crate::vault::cache::{self, CachedOpening};
use crate::vault::trust::{self, Identity, Seal, TrustKey};
use crate::vault::{check_blob, open_attachment, open_record, open_record_with_key, Vault};
use crate::Result;

/// One thing found wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// A stable machine-readable kind, e.g. `record_ciphertext_hash` (docs/cli.md lists them).
    pub kind: &'static str,
    /// What it concerns, e.g. `record 3f2a… revision 2` or `ledger leaf 17`.
    pub item: String,
    /// One line for people.
    pub detail: String,
}

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
    fn add(&mut self, kind: &'static str, item: impl Into<String>, detail: impl Into<String>) {
        self.0.push(Problem {
            kind,
            item: item.into(),
            detail: detail.into(),
        });
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
                meta: (
                    tx.meta("vault_id")?.unwrap_or_default(),
                    tx.meta("master_recipient")?.unwrap_or_default(),
                    tx.meta("signing_public")?.unwrap_or_default(),
                ),
                seal: tx.meta(trust::SEAL_META)?,
            })
        })?;
        for (seq, reason) in snap.cache_problems {
            p.add(
                "cache_segment",
                format!("list cache segment {seq}"),
                format!("{reason} (the next listing drops and rebuilds it)"),
            );
        }
        let vault_ref: &Vault = vault;
        p.0.extend(snap.leaf_problems.0);
        // Master-key rotations (`vault rekey`): which ciphertext hashes are current.
        let rotation = rotation::analyse(&snap.entries);
        for (item, detail) in &rotation.problems {
            p.add("rekey", item, detail);
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
                "rekey",
                format!("rekey at ledger leaf {at}"),
                "no signed checkpoint covers it, though a rekey always signs one",
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
                    "database",
                    "vault.db".into(),
                    format!("SQLite integrity check: {line}"),
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
            problems: p.0,
        })
    })
}

/// The report for a vault whose database cannot be used at all (malformed pages, a schema
/// vault did not create, missing tables, values of the wrong type, no format version): `verify`
/// prints it instead of failing, with a `database` problem for what went wrong, a
/// `database_schema` problem for every object the schema check refuses, and whatever SQLite's
/// integrity check lists. `error` is what stopped the ordinary checks.
pub fn database_report(dir: &std::path::Path, error: &crate::Error) -> Report {
    let found = crate::store::inspect(dir);
    let mut p = Problems(Vec::new());
    for line in &found.schema {
        p.add("database_schema", crate::store::DB_FILE, line.clone());
    }
    for line in &found.integrity {
        p.add(
            "database",
            crate::store::DB_FILE,
            format!("SQLite integrity check: {line}"),
        );
    }
    // In English, whatever the process language: the detail goes into `--json`.
    let detail = match error {
        crate::Error::Damaged(s) => s.clone(),
        crate::Error::Damage(d) => d.text_in(crate::i18n::Lang::En),
        other => other.text_in(crate::i18n::Lang::En),
    };
    // The schema check's refusal repeats a line already listed.
    if !found
        .schema
        .iter()
        .any(|line| detail.starts_with(line.as_str()))
    {
        p.add("database", crate::store::DB_FILE, detail);
    }
    Report {
        tier: "basic",
        ledger_entries: 0,
        signed_entries: 0,
        checkpoints: 0,
        records: 0,
        attachments: 0,
        attachment_bytes: 0,
        leftover_files: 0,
        records_opened_with_cached_keys: 0,
        receipt: None,
        problems: p.0,
    }
}

/// True when `error` says the vault's database cannot be used as it is: `verify` then reports
/// it with [`database_report`] instead of stopping.
pub fn is_database_error(error: &crate::Error) -> bool {
    matches!(
        error,
        crate::Error::Damaged(_) | crate::Error::Damage(_) | crate::Error::Sql(_)
    )
}

/// Everything tier 1 reads, from one read transaction, and what was checked while reading.
struct Snapshot<'scope> {
    /// The attachments being opened on their own pool (full tier only).
    opening: Option<std::thread::ScopedJoinHandle<'scope, Vec<OpenedAttachment>>>,
    leaves: Vec<merkle::Hash>,
    entries: BTreeMap<u64, Entry>,
    leaf_problems: Problems,
    cache_problems: Vec<(u64, String)>,
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
    meta: (String, String, String),
    /// The stored trust seal, if any (src/vault/trust.rs).
    seal: Option<String>,
}

/// Ledger rows read per batch by `verify` (entries are about 1 KB).
const LEDGER_BATCH: usize = 4096;

/// Checks one batch of ledger rows (in index order) and adds their entries; `expected` is the
/// index the batch should start at, and is moved past it.
fn check_leaves(
    rows: &[LedgerRow],
    expected: &mut u64,
    entries: &mut BTreeMap<u64, Entry>,
    p: &mut Problems,
) {
    // Hashing and parsing each entry on every core; the findings are then taken in order.
    let checked: Vec<(bool, std::result::Result<Entry, String>)> = rows
        .par_iter()
        .map(|row| {
            (
                merkle::leaf_hash(&row.entry) == row.leaf_hash,
                Entry::from_bytes(&row.entry).map_err(|e| e.text_in(crate::i18n::Lang::En)),
            )
        })
        .collect();
    // Rows come sorted by index; each gap is reported once, naming the leaves it lacks.
    for (row, (hash_ok, entry)) in rows.iter().zip(checked) {
        let item = format!("ledger leaf {}", row.index);
        if row.index > *expected {
            let missing = if row.index - *expected == 1 {
                format!("leaf {expected} is")
            } else {
                format!("leaves {expected} to {} are", row.index - 1)
            };
            p.add(
                "ledger_gap",
                format!("ledger leaf {expected}"),
                format!("{missing} missing from the ledger"),
            );
        }
        *expected = row.index.saturating_add(1);
        if !hash_ok {
            p.add(
                "leaf_hash",
                &item,
                "the stored leaf hash does not match the entry it belongs to",
            );
        }
        match entry {
            Ok(e) => {
                entries.insert(row.index, e);
            }
            Err(e) => p.add("ledger_entry", &item, e),
        }
    }
}

fn check_genesis(
    entries: &BTreeMap<u64, Entry>,
    meta: &(String, String, String),
    rotation: &Rotation,
    vault: &Vault,
    p: &mut Problems,
) {
    match entries.get(&0) {
        Some(Entry::Genesis {
            vault: id,
            master_recipient,
            signing_key,
            ..
        }) => {
            if *id != meta.0 {
                p.add(
                    "genesis",
                    "ledger leaf 0",
                    "the vault id differs from the one recorded at creation",
                );
            }
            // After a rekey the recipient in force is the latest rekey entry's.
            let current = rotation
                .current_recipient
                .as_ref()
                .unwrap_or(master_recipient);
            if *current != meta.1 {
                p.add(
                    "master_recipient",
                    "vault metadata",
                    "the master recipient differs from the one recorded at creation or by the latest rekey",
                );
            }
            if *signing_key != meta.2
                || STANDARD.encode(vault.signing_public().as_bytes()) != *signing_key
            {
                p.add(
                    "signing_key",
                    "vault metadata",
                    "the signing public key differs from the one recorded at creation",
                );
            }
        }
        _ => p.add(
            "genesis",
            "ledger leaf 0",
            "the ledger does not start with the vault's creation entry",
        ),
    }
}

/// Checks every checkpoint; returns how many leaves the newest valid one covers, and the largest
/// size any row claims under a signature by the vault's key (whatever its root).
fn check_checkpoints(
    vault: &Vault,
    leaves: &[merkle::Hash],
    notes: &[(u64, String)],
    p: &mut Problems,
) -> (u64, u64) {
    let origin = ledger::origin(vault.id());
    if notes.is_empty() {
        p.add(
            "checkpoint_missing",
            "checkpoints",
            "the vault has no signed checkpoint",
        );
        return (0, 0);
    }
    // Roots of the current ledger at every checkpoint size, in one pass.
    let mut want: Vec<u64> = notes.iter().map(|(n, _)| *n).collect();
    want.sort_unstable();
    let mut roots: HashMap<u64, merkle::Hash> = HashMap::new();
    let mut acc = merkle::Accumulator::new();
    if want.first() == Some(&0) {
        roots.insert(0, acc.root());
    }
    let mut next = want.iter().peekable();
    for leaf in leaves {
        acc.push(*leaf);
        while next.peek().is_some_and(|n| **n < acc.size()) {
            next.next();
        }
        if next.peek() == Some(&&acc.size()) {
            roots.insert(acc.size(), acc.root());
        }
    }
    let mut valid: Vec<Checkpoint> = Vec::new();
    let mut claimed = 0;
    for (size, note) in notes {
        let item = format!("checkpoint at size {size}");
        let cp = match checkpoint::open_own(note, &origin, vault.signing_public()) {
            Ok(cp) => cp,
            Err(e) => {
                p.add(
                    "checkpoint_signature",
                    &item,
                    format!("the checkpoint does not verify: {e}"),
                );
                continue;
            }
        };
        if cp.size != *size {
            p.add(
                "checkpoint_size",
                &item,
                format!("the note claims size {}", cp.size),
            );
            continue;
        }
        claimed = claimed.max(*size);
        match roots.get(size) {
            None => p.add(
                "rollback",
                &item,
                format!(
                    "the checkpoint covers {size} entries but the ledger has only {}",
                    leaves.len()
                ),
            ),
            Some(root) if *root != cp.root => p.add(
                "checkpoint_root",
                &item,
                "the ledger's root at this size differs from the signed one: history was altered",
            ),
            Some(_) => valid.push(cp),
        }
    }
    // Every older checkpoint must be consistent with the newest (RFC 9162 §2.1.4).
    if let Some(newest) = valid.last().cloned() {
        let prefix = &leaves[..(newest.size as usize).min(leaves.len())];
        for old in valid[..valid.len() - 1].iter().filter(|c| c.size > 0) {
            let ok = merkle::consistency_proof(prefix, old.size)
                .ok()
                .map(|proof| {
                    merkle::verify_consistency(
                        old.size,
                        newest.size,
                        &old.root,
                        &newest.root,
                        &proof,
                    )
                    .is_ok()
                })
                .unwrap_or(false);
            if !ok {
                p.add(
                    "checkpoint_consistency",
                    format!("checkpoint at size {}", old.size),
                    format!(
                        "not consistent with the newest checkpoint at size {}",
                        newest.size
                    ),
                );
            }
        }
        return (newest.size, claimed);
    }
    (0, claimed)
}

/// The trust seal (src/vault/trust.rs). Tier 1 can only tell that a seal the ledger promises is
/// missing; with the master key, the seal's MAC, the identity it binds and its high-water mark
/// are checked. Returns the sealed size when the seal is authentic and the ledger extends it (0
/// otherwise), so that entries it covers are not taken for forgeries when checkpoint rows were
/// deleted.
#[allow(clippy::too_many_arguments)]
fn check_trust(
    vault_id: &str,
    entries: &BTreeMap<u64, Entry>,
    leaves: &[merkle::Hash],
    meta: &(String, String, String),
    seal: Option<&str>,
    signed: u64,
    master: Option<&MasterKey>,
    p: &mut Problems,
) -> u64 {
    let promised = entries
        .iter()
        .find(|(_, e)| matches!(e, Entry::Trust { .. }))
        .map(|(i, _)| *i);
    let Some(text) = seal else {
        if let Some(leaf) = promised {
            p.add(
                "trust_seal",
                "vault metadata",
                format!("the trust seal is missing, though ledger leaf {leaf} records that this vault keeps one"),
            );
        }
        return 0;
    };
    let Some(master) = master else {
        return 0;
    };
    let Ok(key) = TrustKey::derive(master) else {
        return 0;
    };
    let seal = match Seal::parse(text) {
        Ok(s) => s,
        Err(_) => {
            p.add(
                "trust_seal",
                "vault metadata",
                "the trust seal is not one this program wrote",
            );
            return 0;
        }
    };
    if !seal.authentic(&key) {
        p.add(
            "trust_seal",
            "vault metadata",
            "the trust seal was not made with this vault's master key",
        );
        return 0;
    }
    let identity = Identity {
        vault: vault_id.to_owned(),
        genesis: leaves.first().map(hex::encode).unwrap_or_default(),
        signing_key: meta.2.clone(),
        master_recipient: master.recipient().to_age_string(),
    };
    let wrong = seal.mismatches(&identity);
    if !wrong.is_empty() {
        p.add(
            "trust_seal",
            "vault metadata",
            format!(
                "the {} no longer match what the passphrase holder sealed",
                wrong.join(", ")
            ),
        );
    }
    let item = format!("checkpoint at size {}", seal.size);
    if seal.size > leaves.len() as u64 {
        p.add(
            "high_water",
            &item,
            format!(
                "the ledger has {} entries, fewer than the {} this vault last signed: an older copy was put back or entries were removed",
                leaves.len(),
                seal.size
            ),
        );
        return 0;
    }
    if Some(merkle::root(&leaves[..seal.size as usize])) != seal.root_hash() {
        p.add(
            "high_water",
            &item,
            "entries this vault already signed were changed: the ledger's root at the sealed size differs",
        );
        return 0;
    }
    if seal.size > signed {
        p.add(
            "high_water",
            &item,
            format!(
                "the newest checkpoint this vault signed is not stored (the newest valid one covers {signed}): checkpoint rows were deleted"
            ),
        );
    }
    if wrong.is_empty() {
        seal.size
    } else {
        0
    }
}

/// Entries that only an unlocked command writes, which signs a checkpoint over them in the same
/// transaction, but that no checkpoint covers: they were written without the passphrase.
/// Rekey entries are reported as `rekey` already.
fn check_forged(entries: &BTreeMap<u64, Entry>, signed: u64, p: &mut Problems) {
    for (index, e) in entries.range(signed..) {
        if trust::written_without_passphrase(e) || matches!(e, Entry::Rekey { .. }) {
            continue;
        }
        p.add(
            "forged_entry",
            format!("ledger leaf {index}"),
            format!(
                "{} is not covered by a signed checkpoint, though every command that writes it signs one at once: it was written without the passphrase",
                e.label()
            ),
        );
    }
}

fn check_records(
    rows: &[RecordDigest],
    entries: &BTreeMap<u64, Entry>,
    rotation: &Rotation,
    p: &mut Problems,
) {
    let mut revisions: HashMap<&str, Vec<u32>> = HashMap::new();
    for row in rows {
        let item = format!("record {} revision {}", row.id, row.revision);
        revisions.entry(&row.id).or_default().push(row.revision);
        match entries.get(&row.leaf_index) {
            Some(Entry::Record {
                id,
                revision,
                ciphertext_sha256,
                ..
            }) if *id == row.id && *revision == row.revision => {
                let want = rotation
                    .commitment(row.leaf_index)
                    .map_or(ciphertext_sha256, |c| &c.sha256);
                if row.ciphertext_sha256 != *want {
                    p.add(
                        "record_ciphertext_hash",
                        &item,
                        "the ciphertext does not match the hash its ledger entry commits to",
                    );
                }
            }
            _ => p.add(
                "record_leaf",
                &item,
                format!("ledger leaf {} is not this record's entry", row.leaf_index),
            ),
        }
    }
    for (id, mut revs) in revisions {
        revs.sort_unstable();
        if revs.iter().enumerate().any(|(i, r)| *r != i as u32 + 1) {
            p.add(
                "record_revisions",
                format!("record {id}"),
                format!("revisions {revs:?} are not 1..n"),
            );
        }
    }
}

/// Every list-cache item that names the current ledger entry of its revision (same leaf, id,
/// revision and leaf hash: what `list` would use it for) must have been decrypted from a
/// ciphertext that entry (or its newest re-encryption) commits to. Otherwise `list` could show it
/// in place of the record: a forgery cached while a swapped ciphertext was in place. Items naming
/// another entry are stale, never used; a changed ledger is reported by its own checks.
fn check_cache_items(
    items: &[cache::CachedItemRef],
    entries: &BTreeMap<u64, Entry>,
    leaves: &[merkle::Hash],
    rotation: &Rotation,
    p: &mut Problems,
) {
    for item in items {
        let Some(Entry::Record {
            id,
            revision,
            ciphertext_sha256,
            ..
        }) = entries.get(&item.leaf)
        else {
            continue;
        };
        let current = *id == item.id
            && *revision == item.revision
            && leaves
                .get(item.leaf as usize)
                .is_some_and(|h| hex::encode(h) == item.lh);
        if !current {
            continue;
        }
        let committed = rotation
            .commitment(item.leaf)
            .map_or(ciphertext_sha256, |c| &c.sha256);
        if item.ct != *committed {
            p.add(
                "cache_forged",
                format!("record {} revision {}", item.id, item.revision),
                format!(
                    "list cache segment {} holds a version of it decrypted from a ciphertext its ledger entry does not commit to",
                    item.seq
                ),
            );
        }
    }
}

/// Blob hashes left to the full tier, which hashes each blob while decrypting it: attachment id
/// -> the hex SHA-256 its ledger entry (or newest re-encryption) commits to.
type DeferredHashes = HashMap<String, String>;

fn check_attachments(
    rows: &[AttachmentRow],
    entries: &BTreeMap<u64, Entry>,
    rotation: &Rotation,
    blob_dir: &std::path::Path,
    defer_hashes: bool,
    deferred: &mut DeferredHashes,
    p: &mut Problems,
) -> (u64, usize) {
    let mut bytes: u64 = 0;
    let checks: Vec<_> = rows
        .par_iter()
        .map(|row| check_attachment(row, entries, rotation, blob_dir, defer_hashes))
        .collect();
    for (row, check) in rows.iter().zip(checks) {
        bytes = bytes.saturating_add(row.blob_size); // sizes come from a file that may be damaged
        match check {
            Ok(None) => {}
            Ok(Some(sha)) => {
                deferred.insert(row.id.clone(), sha);
            }
            Err(problem) => p.0.push(problem),
        }
    }
    // Files nobody owns: leftovers of an interrupted attach or rekey, or blobs a newer copy of
    // the database recorded (see `Vault::clean_leftovers`).
    let owned: HashSet<&str> = rows.iter().map(|r| r.blob.as_str()).collect();
    let mut leftovers = 0;
    if let Ok(dir) = std::fs::read_dir(blob_dir) {
        for e in dir.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if !owned.contains(name.as_str()) {
                leftovers += 1;
            }
        }
    }
    (bytes, leftovers)
}

/// Files in the vault's quarantine folder: complete blob files no attachment of this database
/// owned, moved there by the clean-up at unlock (never deleted). Each is a problem until the
/// owner decides: it may be the only copy of an attachment another copy of `vault.db` recorded.
fn check_quarantine(vault_dir: &std::path::Path, p: &mut Problems) {
    let dir = vault_dir.join(crate::store::QUARANTINE_DIR);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    let mut names: Vec<String> = entries
        .flatten()
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            // Names vault gives are hex digits and dots; anything else was planted: escaped.
            if name.bytes().all(|b| b.is_ascii_hexdigit() || b == b'.') {
                name
            } else {
                name.escape_debug().to_string()
            }
        })
        .collect();
    names.sort();
    for name in names {
        let path = dir.join(&name);
        p.add(
            "quarantine",
            format!("{}/{name}", crate::store::QUARANTINE_DIR),
            format!(
                "a complete attachment file no attachment of this vault.db owns (moved here from blobs/, not deleted); it may be the only copy of an attachment another copy of vault.db recorded (one from before a `vault rekey`, a sync conflict, another vault's database). Keep it until you know; to remove it: rm '{}'",
                path.display()
            ),
        );
    }
}

/// The blob hash, blob size and description hash the ledger commits to for an attachment row
/// (its entry, or its newest re-encryption), or `None` when its leaf is not its entry.
fn committed_blob<'e>(
    row: &AttachmentRow,
    entries: &'e BTreeMap<u64, Entry>,
    rotation: &'e Rotation,
) -> Option<(&'e String, u64, &'e String)> {
    match entries.get(&row.leaf_index) {
        Some(Entry::Attachment {
            id,
            record,
            blob_sha256,
            blob_size,
            meta_sha256,
            ..
        }) if *id == row.id && *record == row.record_id => {
            match rotation.commitment(row.leaf_index) {
                Some(rotation::Commitment {
                    sha256,
                    blob_sha256: Some(b),
                    blob_size: Some(n),
                    ..
                }) => Some((b, *n, sha256)),
                _ => Some((blob_sha256, *blob_size, meta_sha256)),
            }
        }
        _ => None,
    }
}

/// Tier 1 for one attachment. `Ok(Some(hash))`: all fine so far, and checking the blob against
/// `hash` is left to the full tier.
fn check_attachment(
    row: &AttachmentRow,
    entries: &BTreeMap<u64, Entry>,
    rotation: &Rotation,
    blob_dir: &std::path::Path,
    defer_hash: bool,
) -> std::result::Result<Option<String>, Problem> {
    let item = format!("attachment {} of record {}", row.id, row.record_id);
    let Some((blob_sha, blob_size, meta_sha)) = committed_blob(row, entries, rotation) else {
        return Err(problem(
            "attachment_leaf",
            item,
            format!(
                "ledger leaf {} is not this attachment's entry",
                row.leaf_index
            ),
        ));
    };
    if sha256_hex(&row.meta) != *meta_sha {
        return Err(problem(
            "attachment_description_hash",
            item,
            "the encrypted description does not match its ledger entry",
        ));
    }
    let path = blob_dir.join(&row.blob);
    let Ok(meta) = std::fs::metadata(&path) else {
        return Err(problem(
            "attachment_missing",
            item,
            "the encrypted file is missing",
        ));
    };
    if meta.len() != blob_size || row.blob_size != blob_size {
        return Err(problem(
            "attachment_size",
            item,
            format!(
                "the encrypted file is {} bytes; the ledger says {blob_size}",
                meta.len()
            ),
        ));
    }
    if defer_hash {
        return Ok(Some(blob_sha.clone()));
    }
    match blob_hash_problem(item, &path, blob_sha) {
        Some(p) => Err(p),
        None => Ok(None),
    }
}

/// Hashes a blob file and compares it with what its ledger entry commits to.
fn blob_hash_problem(item: String, path: &std::path::Path, expected: &str) -> Option<Problem> {
    match hash_path(path) {
        Ok(h) => blob_hash_mismatch(item, &h, expected),
        Err(e) => Some(problem("attachment_unreadable", item, e.to_string())),
    }
}

fn blob_hash_mismatch(item: String, found: &str, expected: &str) -> Option<Problem> {
    (found != expected).then(|| {
        problem(
            "attachment_hash",
            item,
            "the encrypted file does not match the hash its ledger entry commits to",
        )
    })
}

fn problem(kind: &'static str, item: String, detail: impl Into<String>) -> Problem {
    Problem {
        kind,
        item,
        detail: detail.into(),
    }
}

fn hash_path(path: &std::path::Path) -> std::io::Result<String> {
    use sha2::Digest;
    let mut f = std::io::BufReader::with_capacity(1 << 20, std::fs::File::open(path)?);
    let mut h = sha2::Sha256::new();
    std::io::copy(&mut f, &mut h)?;
    Ok(hex::encode(h.finalize()))
}

fn check_keyslots(slots: &[KeyslotRow], entries: &BTreeMap<u64, Entry>, p: &mut Problems) {
    // The ledger's last word on each slot.
    let mut last: HashMap<&str, (SlotAction, u64)> = HashMap::new();
    for (index, e) in entries {
        if let Entry::Keyslot { slot, action, .. } = e {
            last.insert(slot.as_str(), (*action, *index));
        }
    }
    let present: HashSet<&str> = slots.iter().map(|s| s.slot.id.as_str()).collect();
    for row in slots {
        let item = format!("keyslot {}", row.slot.id);
        // keys: parameters or a salt this program never writes (refused at open before any
        // derivation, so the slot cannot be used even if a forged ledger entry matches it).
        if let Err(crate::Error::TamperedKeyslot { reason, .. }) = row.slot.check_stored() {
            p.add("keyslot_kdf", item.clone(), reason);
        }
        match entries.get(&row.leaf_index) {
            Some(Entry::Keyslot {
                slot,
                slot_sha256: Some(digest),
                ..
            }) if *slot == row.slot.id => {
                if row.slot.digest_hex() != *digest {
                    p.add(
                        "keyslot_hash",
                        &item,
                        "the keyslot does not match the hash its ledger entry commits to",
                    );
                }
                if last.get(slot.as_str()).map(|(_, i)| *i) != Some(row.leaf_index) {
                    p.add(
                        "keyslot_stale",
                        &item,
                        "a later ledger entry changed this keyslot, but the stored slot is older",
                    );
                }
            }
            _ => p.add(
                "keyslot_leaf",
                &item,
                format!("ledger leaf {} is not this keyslot's entry", row.leaf_index),
            ),
        }
    }
    for (slot, (action, index)) in last {
        if action != SlotAction::Remove && !present.contains(slot) {
            p.add(
                "keyslot_missing",
                format!("keyslot {slot}"),
                format!("ledger leaf {index} records it, but it is not stored"),
            );
        }
    }
    if slots.is_empty() {
        p.add(
            "keyslot_missing",
            "keyslots",
            "the vault has no keyslot: it cannot be unlocked",
        );
    }
}

fn check_exports(
    rows: &[ExportRow],
    entries: &BTreeMap<u64, Entry>,
    rotation: &Rotation,
    p: &mut Problems,
) {
    for row in rows {
        let item = format!("export {}", row.id);
        match entries.get(&row.leaf_index) {
            Some(Entry::Export {
                id, details_sha256, ..
            }) if *id == row.id => {
                let want = rotation
                    .commitment(row.leaf_index)
                    .map_or(details_sha256, |c| &c.sha256);
                if sha256_hex(&row.details) != *want {
                    p.add(
                        "export_hash",
                        &item,
                        "the export description does not match its ledger entry",
                    );
                }
            }
            _ => p.add(
                "export_leaf",
                &item,
                format!("ledger leaf {} is not this export's entry", row.leaf_index),
            ),
        }
    }
}

/// Every record, attachment and export leaf must have its row (rows deleted are caught here).
fn check_unpaired(
    entries: &BTreeMap<u64, Entry>,
    records: &[RecordDigest],
    attachments: &[AttachmentRow],
    _slots: &[KeyslotRow],
    exports: &[ExportRow],
    p: &mut Problems,
) {
    let rec: HashSet<u64> = records.iter().map(|r| r.leaf_index).collect();
    let att: HashSet<u64> = attachments.iter().map(|r| r.leaf_index).collect();
    let exp: HashSet<u64> = exports.iter().map(|r| r.leaf_index).collect();
    for (index, e) in entries {
        let missing = match e {
            Entry::Record { .. } => !rec.contains(index),
            Entry::Attachment { .. } => !att.contains(index),
            Entry::Export { .. } => !exp.contains(index),
            _ => false,
        };
        if missing {
            let kind = match e {
                Entry::Record { .. } => "record_missing",
                Entry::Attachment { .. } => "attachment_missing",
                _ => "export_missing",
            };
            p.add(
                kind,
                e.label(),
                format!("ledger leaf {index} records it, but it is not stored"),
            );
        }
    }
}

fn check_receipt(
    vault: &Vault,
    leaves: &[merkle::Hash],
    text: &str,
    p: &mut Problems,
) -> ReceiptResult {
    let origin = ledger::origin(vault.id());
    let before = p.0.len();
    let mut size = 0;
    match checkpoint::open_receipt(text, &origin, vault.signing_public()) {
        Err(e) => p.add(
            "receipt",
            "receipt",
            format!("the receipt is not a checkpoint signed by this vault: {e}"),
        ),
        Ok(cp) => {
            size = cp.size;
            if cp.size > leaves.len() as u64 {
                p.add(
                    "rollback",
                    "receipt",
                    format!(
                        "the receipt covers {} entries but the vault has only {}: this is an older copy, or entries were removed",
                        cp.size,
                        leaves.len()
                    ),
                );
            } else if merkle::root(&leaves[..cp.size as usize]) != cp.root {
                p.add(
                    "rollback",
                    "receipt",
                    "the vault's history differs from the receipt's: it was rewritten",
                );
            }
        }
    }
    ReceiptResult {
        receipt_size: size,
        ok: p.0.len() == before,
    }
}

/// What decrypting one attachment gave, before its ledger entry is consulted.
struct OpenedAttachment {
    /// The decrypted description, or why it did not decrypt.
    body: std::result::Result<AttachmentBody, String>,
    /// When the description decrypted: the SHA-256 of the blob file, taken while reading it,
    /// once its plaintext checked out (size, padding, SHA-256 and a clean end); or why not.
    blob: Option<std::result::Result<[u8; 32], String>>,
}

/// Tier 2 for the attachments, needing nothing from tier 1: decrypts every description and blob
/// on the pool, largest blob first so that the small ones fill both cores at the end. Results
/// come back in the order of `rows`.
fn open_attachments(
    master: &MasterKey,
    rows: &[AttachmentRow],
    blob_dir: &std::path::Path,
    tick: &(dyn Fn() + Sync),
) -> Vec<OpenedAttachment> {
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(rows[i].blob_size));
    // A pool of their own: on the shared one, every short parallel step of the other checks
    // would wait behind a whole blob.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(rayon::current_num_threads())
        .build();
    // A blob larger than all the others together would leave one core idle for most of its
    // time if a single thread checked it: that one is spread over three threads instead.
    let total = rows
        .iter()
        .fold(0u64, |sum, r| sum.saturating_add(r.blob_size));
    let alone = order.first().copied().filter(|&i| {
        rayon::current_num_threads() > 1
            && rows[i].blob_size > total.saturating_sub(rows[i].blob_size)
    });
    let open = || open_in_order(master, rows, &order, alone, blob_dir, tick);
    let mut opened = match pool {
        Ok(pool) => pool.install(open),
        Err(_) => open(),
    };
    opened.sort_unstable_by_key(|(i, _)| *i);
    opened.into_iter().map(|(_, o)| o).collect()
}

fn open_in_order(
    master: &MasterKey,
    rows: &[AttachmentRow],
    order: &[usize],
    alone: Option<usize>,
    blob_dir: &std::path::Path,
    tick: &(dyn Fn() + Sync),
) -> Vec<(usize, OpenedAttachment)> {
    order
        .par_iter()
        .with_max_len(1)
        .map(|&i| {
            let row = &rows[i];
            let body = open_attachment(master, row).map_err(|e| e.text_in(crate::i18n::Lang::En));
            let blob = body.as_ref().ok().map(|body| {
                let mut blob_hash = [0u8; 32];
                check_blob(
                    master,
                    &blob_dir.join(&row.blob),
                    body,
                    &mut blob_hash,
                    alone == Some(i),
                )
                .map(|()| blob_hash)
                .map_err(|e| e.text_in(crate::i18n::Lang::En))
            });
            tick();
            (i, OpenedAttachment { body, blob })
        })
        .collect()
}

/// The tier-2 problems of the attachments, from what [`open_attachments`] found, the hashes
/// tier 1 left to it and the ledger entries.
fn attachment_problems(
    rows: &[AttachmentRow],
    opened: Vec<OpenedAttachment>,
    deferred: &DeferredHashes,
    entries: &BTreeMap<u64, Entry>,
    blob_dir: &std::path::Path,
) -> Vec<Problem> {
    let mut found = Vec::new();
    for (row, opened) in rows.iter().zip(opened) {
        let item = format!("attachment {} of record {}", row.id, row.record_id);
        let expected = deferred.get(&row.id);
        // Whether the blob hash deferred from tier 1 was taken while decrypting.
        let mut hashed = false;
        match opened.body {
            Err(e) => found.push(problem("attachment_decrypt", item.clone(), e)),
            Ok(body) => {
                let digests_ok = match (body.digests(), entries.get(&row.leaf_index)) {
                    (Ok(d), Some(Entry::Attachment { fields, .. })) => d == *fields,
                    _ => true,
                };
                if !digests_ok {
                    found.push(problem(
                        "field_digest",
                        item.clone(),
                        "the decrypted description does not match the digests in the ledger",
                    ));
                } else {
                    match opened.blob {
                        Some(Ok(blob_hash)) => {
                            if let Some(want) = expected {
                                hashed = true;
                                found.extend(blob_hash_mismatch(
                                    item.clone(),
                                    &hex::encode(blob_hash),
                                    want,
                                ));
                            }
                        }
                        Some(Err(e)) => {
                            found.push(problem("attachment_plaintext", item.clone(), e))
                        }
                        None => {}
                    }
                }
            }
        }
        if let (Some(want), false) = (expected, hashed) {
            found.extend(blob_hash_problem(item, &blob_dir.join(&row.blob), want));
        }
    }
    found
}

/// Record rows read per batch by the streaming passes (about 4.5 MB of ciphertext).
const RECORD_BATCH: usize = 1024;

/// A record revision as tier 1 needs it: the SHA-256 of its ciphertext instead of the bytes.
struct RecordDigest {
    id: String,
    revision: u32,
    leaf_index: u64,
    ciphertext_sha256: String,
}

/// What the full tier needs to recheck each record revision as it streams past.
struct DeepCheck<'a> {
    master: &'a MasterKey,
    /// File keys kept in the signed list cache, by ledger leaf.
    cached: &'a HashMap<u64, CachedOpening>,
    entries: &'a BTreeMap<u64, Entry>,
    /// How many revisions opened with a cached key.
    keyed: &'a std::sync::atomic::AtomicU64,
    tick: &'a (dyn Fn() + Sync),
}

/// Every record revision with its ciphertext hashed and, with `deep`, decrypted and rechecked;
/// rows stream in batches, each worked on every core, so memory holds one batch of ciphertexts.
fn scan_records(
    tx: &crate::store::Tx<'_>,
    deep: Option<&DeepCheck<'_>>,
) -> Result<(Vec<RecordDigest>, Vec<Problem>)> {
    let mut digests = Vec::new();
    let mut problems = Vec::new();
    tx.for_each_record_batch(false, RECORD_BATCH, |batch| {
        let checked: Vec<(RecordDigest, Vec<Problem>)> = batch
            .into_par_iter()
            .map(|row| {
                let ciphertext_sha256 = sha256_hex(&row.ciphertext);
                let found = deep
                    .map(|d| d.check(&row, &ciphertext_sha256))
                    .unwrap_or_default();
                let digest = RecordDigest {
                    ciphertext_sha256,
                    id: row.id,
                    revision: row.revision,
                    leaf_index: row.leaf_index,
                };
                (digest, found)
            })
            .collect();
        for (digest, found) in checked {
            digests.push(digest);
            problems.extend(found);
        }
        Ok(())
    })?;
    Ok((digests, problems))
}

impl DeepCheck<'_> {
    /// Decrypts one revision, checks its embedded id and revision and recomputes its field
    /// digests; `ciphertext_sha256` is the hash tier 1 took of the same bytes.
    fn check(&self, row: &RecordRow, ciphertext_sha256: &str) -> Vec<Problem> {
        let item = format!("record {} revision {}", row.id, row.revision);
        let mut found = Vec::new();
        let opened = match self.cached.get(&row.leaf_index) {
            // The key in the signed cache was unwrapped from this very ciphertext when it was
            // listed; age still checks the header MAC and every chunk with it.
            Some(c) if c.ct == ciphertext_sha256 => match open_record_with_key(row, &c.key) {
                Ok(body) => {
                    self.keyed
                        .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    if cache::shown_digest(&body.recorded_at, &body.incident) != c.shown {
                        found.push(problem(
                            "cache_item",
                            item.clone(),
                            "the list cache shows this revision differently from its ciphertext",
                        ));
                    }
                    Ok(body)
                }
                Err(_) => {
                    found.push(problem(
                        "cache_item",
                        item.clone(),
                        "the file key kept in the list cache does not open this revision",
                    ));
                    open_record(self.master, row)
                }
            },
            _ => open_record(self.master, row),
        };
        found.extend(match opened {
            Err(e) => Some(problem(
                "record_decrypt",
                item,
                e.text_in(crate::i18n::Lang::En),
            )),
            Ok(body) => match (body.digests(), self.entries.get(&row.leaf_index)) {
                (Ok(d), Some(Entry::Record { fields, .. })) if d == *fields => None,
                (Ok(_), Some(Entry::Record { .. })) => Some(problem(
                    "field_digest",
                    item,
                    "the decrypted fields do not match the digests in the ledger",
                )),
                (Err(e), _) => Some(problem(
                    "record_decode",
                    item,
                    e.text_in(crate::i18n::Lang::En),
                )),
                _ => None, // already reported by tier 1
            },
        });
        (self.tick)();
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(indexes: &[u64]) -> Vec<LedgerRow> {
        indexes
            .iter()
            .map(|&index| {
                let entry = format!("not an entry {index}").into_bytes();
                LedgerRow {
                    index,
                    leaf_hash: merkle::leaf_hash(&entry),
                    entry,
                }
            })
            .collect()
    }

    #[test]
    fn a_gap_across_ledger_batches_is_reported_once() {
        let mut expected = 0;
        let mut entries = BTreeMap::new();
        let mut p = Problems(Vec::new());
        check_leaves(&rows(&[0, 1, 2]), &mut expected, &mut entries, &mut p);
        check_leaves(&rows(&[5, 6]), &mut expected, &mut entries, &mut p);
        check_leaves(&rows(&[7]), &mut expected, &mut entries, &mut p);
        let gaps: Vec<&Problem> = p.0.iter().filter(|x| x.kind == "ledger_gap").collect();
        assert_eq!(gaps.len(), 1, "{:?}", p.0);
        assert_eq!(gaps[0].item, "ledger leaf 3");
        assert_eq!(gaps[0].detail, "leaves 3 to 4 are missing from the ledger");
        assert_eq!(expected, 8);
        // The bytes are no entries, and each says so; their leaf hashes match.
        assert_eq!(p.0.iter().filter(|x| x.kind == "ledger_entry").count(), 6);
        assert!(p.0.iter().all(|x| x.kind != "leaf_hash"));
    }
}
