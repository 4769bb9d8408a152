//! The facade every command uses: a locked [`Vault`] (append without the passphrase) and an
//! [`Unlocked`] one (read, amend, change passphrase, export). Commands never touch SQL or crypto
//! directly.

pub mod anchor;
mod attach;
pub mod backup;
pub(crate) mod cache;
mod detention;
mod export;
mod maintenance;
mod packet;
pub mod pin;
mod pipeline;
mod reads;
mod rekey;
mod travel;
pub(crate) mod trust;
mod trust_unlock;
mod unlocked;
pub mod verify;
pub mod witness;

use std::path::{Path, PathBuf};

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use chrono::Utc;
use ed25519_dalek::VerifyingKey;
use zeroize::Zeroizing;

/// What a command needs of the vault's folder and files (the store and the file helpers stay
/// inside the library).
pub use crate::fsutil::{loose_permissions, write_new_private};
/// The views commands show (kept at `vault::view` for the CLI).
pub use crate::record::view;
pub use crate::store::{BLOB_DIR, DB_FILE, QUARANTINE_DIR};
pub(crate) use attach::{check_blob, decrypt_blob};
pub use attach::{AttachOptions, AttachOutcome, Cleanup, ExtractTarget};
pub use cache::CacheStats;
pub use detention::{
    combine_shares, PlanOutcome, PlanRefresh, PlanRequest, PlanSummary, ReleaseKey,
};
pub use export::{ExportDetails, ExportOutcome, ExportPlan, ExportedItem, IdentifyingItem};
pub(crate) use maintenance::check_recipient;
pub use maintenance::{DestroyOutcome, KeyslotInfo, RecoverySlot};
pub use reads::{MissingItem, SameFile};
pub use rekey::RekeyOutcome;
pub use travel::{TravelEnd, TravelInfo, TravelStart};
pub use trust::written_without_passphrase;
pub use trust_unlock::{LoggedItem, PinCheck, PinReport};
pub(crate) use unlocked::{open_attachment, open_record, open_record_with_key};
pub use unlocked::{PassphraseChange, Unlocked};

use crate::crypto::kdf::KdfParams;
use crate::crypto::keys::{MasterKey, MasterRecipient};
use crate::crypto::keyslot::{Keyslot, SlotKind};
use crate::crypto::{envelope, padding, sha256_hex, signing};
use crate::error::{Conflict, Damage, NoKeyslot, Tamper};
use crate::ledger::entry::{SlotAction, ENTRY_VERSION};
use crate::ledger::{self, checkpoint::Checkpoint, merkle, Entry};
use crate::record::{new_id, Incident, RecordBody};
use crate::secret::Passphrase;
use crate::store::{RecordRow, Store};
use crate::{fsutil, Error, Result};

/// A vault opened without its passphrase: it can append records and attachments, and report
/// public facts, but read nothing.
pub struct Vault {
    pub(crate) store: Store,
    pub(crate) id: String,
    pub(crate) recipient: MasterRecipient,
    pub(crate) signing_public: VerifyingKey,
    /// The pin file of known vaults (outside the vault folder), when the caller gave one.
    pub(crate) pin_file: Option<PathBuf>,
    /// Whether [`Vault::check_pin`] passed in this process.
    pub(crate) pin_checked: bool,
}

/// Public facts about a vault (`vault info`).
#[derive(Debug, Clone, serde::Serialize)]
pub struct VaultInfo {
    pub path: PathBuf,
    pub format_version: u32,
    pub vault_id: String,
    pub fingerprint: String,
    pub signing_key: String,
    pub master_recipient: String,
    /// The parameters of a passphrase slot; `null` while travelling (no keyslot is here).
    pub kdf: Option<KdfInfo>,
    pub keyslots: usize,
    pub incidents: u64,
    pub revisions: u64,
    pub attachments: u64,
    pub ledger_entries: u64,
    pub checkpoints: usize,
    pub unchecked_entries: u64,
    /// Present only while travel mode is on (`vault travel start`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub travelling: Option<TravelInfo>,
}

/// KDF parameters as shown to people.
#[derive(Debug, Clone, serde::Serialize)]
pub struct KdfInfo {
    pub memory_mib: u32,
    pub iterations: u32,
    pub parallelism: u32,
}

impl From<KdfParams> for KdfInfo {
    fn from(p: KdfParams) -> Self {
        KdfInfo {
            memory_mib: p.memory_mib(),
            iterations: p.iterations,
            parallelism: p.parallelism,
        }
    }
}

impl Vault {
    /// Creates a vault in `dir`: master key, signing key, one passphrase keyslot, the genesis
    /// ledger entries and a first signed checkpoint.
    pub fn init(dir: &Path, passphrase: &Passphrase, kdf: KdfParams) -> Result<Vault> {
        if passphrase.is_empty() {
            return Err(Error::EmptyPassphrase);
        }
        crate::passwords::check_strength(passphrase)?;
        kdf.check_floor()?;
        // Any vault file (a database, its logs, blobs) means a vault was here: a new database
        // would own none of its attachments, and the next clean-up would treat them as strays.
        Vault::check_init_target(dir)?;
        fsutil::create_private_dir(dir)?;
        fsutil::create_private_dir(&dir.join(BLOB_DIR))?;

        let master = MasterKey::generate();
        let signing = signing::generate();
        let vault_id = new_id();
        let slot = Keyslot::seal(new_id(), SlotKind::Passphrase, &master, passphrase, kdf)?;
        let signing_secret = signing::secret_bytes(&signing);
        let wrapped_signing = envelope::encrypt(&[&master.recipient().0], signing_secret.as_ref())?;
        let public_b64 = STANDARD.encode(signing.verifying_key().as_bytes());

        let mut store = Store::create(dir)?;
        let genesis = Entry::Genesis {
            v: ENTRY_VERSION,
            vault: vault_id.clone(),
            master_recipient: master.recipient().to_age_string(),
            signing_key: public_b64.clone(),
        };
        store.write(|tx| {
            tx.set_meta("vault_id", &vault_id)?;
            tx.set_meta("master_recipient", &master.recipient().to_age_string())?;
            tx.set_meta("signing_public", &public_b64)?;
            tx.set_meta("signing_secret", &STANDARD.encode(&wrapped_signing))?;
            tx.append_leaf(&genesis.to_bytes())?;
            let leaf = tx.append_leaf(&keyslot_entry(&slot, SlotAction::Add).to_bytes())?;
            tx.put_keyslot(&slot, leaf)?;
            tx.append_leaf(&trust_entry().to_bytes())?;
            sign_checkpoint(tx, &vault_id, &signing, &master, 0)?;
            Ok(())
        })?;
        Vault::from_store(store)
    }

    /// Refuses a folder that holds any vault file (`init` checks it before asking for a
    /// passphrase, and again before creating anything).
    pub fn check_init_target(dir: &Path) -> Result<()> {
        let found = crate::store::vault_files_in(dir);
        if found.iter().any(|f| f == crate::store::DB_FILE) {
            return Err(Error::VaultExists(dir.to_path_buf()));
        }
        if !found.is_empty() {
            return Err(Error::VaultFilesPresent {
                dir: dir.to_path_buf(),
                found: found.join(", "),
            });
        }
        Ok(())
    }

    /// Opens an existing vault (locked).
    pub fn open(dir: &Path) -> Result<Vault> {
        let store = Store::open(dir)?;
        Vault::from_store(store)
    }

    fn from_store(mut store: Store) -> Result<Vault> {
        let (id, recipient, public) = store.read(|tx| {
            Ok((
                tx.meta_required("vault_id")?,
                tx.meta_required("master_recipient")?,
                tx.meta_required("signing_public")?,
            ))
        })?;
        let public_bytes = STANDARD
            .decode(public)
            .map_err(|_| Error::Damage(Damage::SigningPublicNotBase64))?;
        Ok(Vault {
            recipient: MasterRecipient::parse(&recipient)?,
            signing_public: signing::public_from_bytes(&public_bytes)?,
            store,
            id,
            pin_file: None,
            pin_checked: false,
        })
    }

    /// The vault directory.
    pub fn dir(&self) -> &Path {
        self.store.dir()
    }

    /// The signing key's phone-readable fingerprint.
    pub fn fingerprint(&self) -> String {
        signing::fingerprint(&self.signing_public)
    }

    /// The vault's random id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The signing public key.
    pub fn signing_public(&self) -> &VerifyingKey {
        &self.signing_public
    }

    /// Logs a new incident; needs no passphrase. Returns the new record id.
    pub fn add(&mut self, incident: Incident) -> Result<String> {
        let id = new_id();
        self.write_revision(&id, None, incident)?;
        Ok(id)
    }

    /// Logs many incidents in one transaction (an import): bodies are encrypted on every core,
    /// then every record and its ledger leaf are written with one commit. Needs no passphrase.
    /// Returns the new ids in input order.
    pub fn add_many(&mut self, incidents: Vec<Incident>) -> Result<Vec<String>> {
        use rayon::prelude::*;
        self.ensure_pin()?;
        let now = Utc::now();
        let prepared = incidents
            .into_par_iter()
            .map(|incident| {
                let id = new_id();
                let body = RecordBody::new(id.clone(), 1, incident, now)?;
                let ciphertext = encrypt_padded(&self.recipient, &body.to_json()?)?;
                let entry = Entry::Record {
                    v: ENTRY_VERSION,
                    id: id.clone(),
                    revision: 1,
                    ciphertext_sha256: sha256_hex(&ciphertext),
                    fields: body.digests()?,
                };
                Ok((id, ciphertext, entry))
            })
            .collect::<Result<Vec<_>>>()?;
        self.store.write(|tx| {
            check_recipient(tx, &self.recipient)?;
            let mut ids = Vec::with_capacity(prepared.len());
            for (id, ciphertext, entry) in prepared {
                let leaf = tx.append_leaf(&entry.to_bytes())?;
                tx.insert_record(&RecordRow {
                    id: id.clone(),
                    revision: 1,
                    ciphertext,
                    leaf_index: leaf,
                })?;
                ids.push(id);
            }
            Ok(ids)
        })
    }

    /// Encrypts and appends one record revision and its ledger leaf in one transaction. With
    /// `expect_previous`, the revision written is the next after it (an amend), and the write
    /// fails if someone else amended in between.
    pub(crate) fn write_revision(
        &mut self,
        id: &str,
        expect_previous: Option<u32>,
        incident: Incident,
    ) -> Result<u32> {
        self.ensure_pin()?;
        let (row, entry) = self.prepare_revision(id, expect_previous, incident, None)?;
        let recipient = &self.recipient;
        self.store
            .write(|tx| commit_revision(tx, recipient, expect_previous, &row, &entry))?;
        Ok(row.revision)
    }

    /// Encrypts a record revision and makes its ledger entry (no database access).
    pub(crate) fn prepare_revision(
        &self,
        id: &str,
        expect_previous: Option<u32>,
        incident: Incident,
        withdrawn: Option<crate::record::Withdrawal>,
    ) -> Result<(RecordRow, Entry)> {
        let revision = match expect_previous {
            None => 1,
            Some(r) => r.checked_add(1).ok_or_else(|| {
                Error::Damage(Damage::ImpossibleRevision {
                    record: id.to_owned(),
                })
            })?,
        };
        let body =
            RecordBody::new_revision(id.to_owned(), revision, incident, withdrawn, Utc::now())?;
        let digests = body.digests()?;
        let ciphertext = encrypt_padded(&self.recipient, &body.to_json()?)?;
        let entry = Entry::Record {
            v: ENTRY_VERSION,
            id: id.to_owned(),
            revision,
            ciphertext_sha256: sha256_hex(&ciphertext),
            fields: digests,
        };
        let row = RecordRow {
            id: id.to_owned(),
            revision,
            ciphertext,
            leaf_index: 0,
        };
        Ok((row, entry))
    }

    /// Resolves a full id or a unique prefix of one.
    pub fn resolve_id(&mut self, prefix: &str) -> Result<String> {
        let prefix = prefix.trim();
        if prefix.is_empty() {
            return Err(Error::NotFound(String::new()));
        }
        let ids = self.store.read(|tx| tx.ids_with_prefix(prefix, 2))?;
        match ids.len() {
            0 => Err(Error::NotFound(prefix.to_owned())),
            1 => Ok(ids.into_iter().next().unwrap_or_default()),
            _ => {
                let count = self
                    .store
                    .read(|tx| tx.ids_with_prefix(prefix, usize::MAX >> 1))?
                    .len();
                Err(Error::AmbiguousId {
                    prefix: prefix.to_owned(),
                    count,
                })
            }
        }
    }

    /// Public facts, without the passphrase.
    pub fn info(&mut self) -> Result<VaultInfo> {
        let dir = self.store.dir().to_path_buf();
        let (slots, counts, size, checkpoints, leaves) = self.store.read(|tx| {
            Ok((
                tx.keyslots()?,
                tx.counts()?,
                tx.ledger_size()?,
                tx.checkpoints()?,
                tx.leaf_hashes()?,
            ))
        })?;
        let travelling = self.travelling()?;
        let kdf = slots
            .iter()
            .find(|s| s.slot.kind == SlotKind::Passphrase)
            .or(slots.iter().find(|s| s.slot.kind != SlotKind::Plugin))
            .map(|s| s.slot.params);
        if slots.is_empty() && travelling.is_none() {
            return Err(Error::NoKeyslot(NoKeyslot::NoneStored));
        }
        // Only a checkpoint whose signature and root check out counts (a planted row must not
        // make entries look signed).
        let last =
            trust::newest_valid_checkpoint(&checkpoints, &leaves, &self.id, &self.signing_public)
                .map_or(0, |(n, _, _)| n);
        Ok(VaultInfo {
            path: dir,
            format_version: crate::store::FORMAT_VERSION,
            vault_id: self.id.clone(),
            fingerprint: self.fingerprint(),
            signing_key: ledger::checkpoint::verifier_key(
                &ledger::origin(&self.id),
                &self.signing_public,
            ),
            master_recipient: self.recipient.to_age_string(),
            kdf: kdf.map(Into::into),
            keyslots: slots.len(),
            incidents: counts.0,
            revisions: counts.1,
            attachments: counts.2,
            ledger_entries: size,
            checkpoints: checkpoints.len(),
            unchecked_entries: size.saturating_sub(last),
            travelling,
        })
    }

    /// Checks the vault without decrypting anything (tier 1 of [`crate::integrity`]); never writes.
    pub fn verify(
        &mut self,
        receipt: Option<&str>,
        progress: Option<verify::Progress<'_>>,
    ) -> Result<verify::Report> {
        verify::verify(self, None, receipt, progress)
    }

    /// The newest checkpoint note whose signature by this vault's key verifies and whose root is
    /// the ledger's at its size, if any (the text of a receipt). Rows that fail are skipped.
    pub fn latest_checkpoint(&mut self) -> Result<Option<(u64, String)>> {
        let (notes, leaves) = self
            .store
            .read(|tx| Ok((tx.checkpoints()?, tx.leaf_hashes()?)))?;
        Ok(
            trust::newest_valid_checkpoint(&notes, &leaves, &self.id, &self.signing_public)
                .map(|(size, _, note)| (size, note)),
        )
    }

    /// Why a vault with no keyslot cannot be opened: travel mode (the keyslots are in the escrow
    /// file, by design: src/vault/travel.rs), or a damaged or half-restored vault.
    fn no_keyslot_error(&mut self) -> Result<Error> {
        Ok(if self.travelling()?.is_some() {
            Error::Custody(crate::error::Custody::Travelling)
        } else {
            Error::NoKeyslot(NoKeyslot::NoneStoredRestore)
        })
    }

    /// Opens the master key with a passphrase (or recovery code). Tries every slot; each costs
    /// one Argon2id run.
    ///
    /// Before its run, each slot tried is checked against what the ledger's signed history
    /// commits to ([`maintenance::slot_commitment`]): a slot whose parameters, salt or wrapped key were
    /// changed, or that no signed ledger entry commits to, is never derived with, and when no
    /// other slot opens the error is [`Error::TamperedKeyslot`] (exit 4), not a wrong passphrase.
    fn open_master(&mut self, passphrase: &Passphrase) -> Result<(MasterKey, String)> {
        if passphrase.is_empty() {
            return Err(Error::EmptyPassphrase);
        }
        let (vault_id, public) = (self.id.clone(), self.signing_public);
        let slots = self.store.read(|tx| tx.keyslots())?;
        if slots.is_empty() {
            return Err(self.no_keyslot_error()?);
        }
        let mut tampered = None;
        // Recovery slots are sealed under the canonical form of their code; text that is not a
        // recovery code is not tried on them (saving an Argon2id run each).
        let recovery = crate::passwords::normalize_recovery_code(passphrase);
        for row in &slots {
            let secret = match (row.slot.kind, &recovery) {
                (SlotKind::Recovery, Some(code)) => code,
                (SlotKind::Recovery, None) => continue,
                (SlotKind::Passphrase, _) => passphrase,
                // Opened through its plugin, never with typed text (`unlock_with_plugin`).
                (SlotKind::Plugin, _) => continue,
            };
            // Checked only for the slots tried, just before the derivation: the cost (reading
            // the ledger up to the checkpoint signed with the slot) is paid once per slot tried.
            let problem = self
                .store
                .read(|tx| maintenance::slot_commitment(tx, row, &vault_id, &public))?;
            if let Some(reason) = problem {
                tampered.get_or_insert(Error::TamperedKeyslot {
                    slot: row.slot.id.clone(),
                    reason,
                });
                continue;
            }
            match row.slot.open(secret) {
                Ok(master) => {
                    if master.recipient().to_age_string() != self.recipient.to_age_string() {
                        return Err(Error::Damage(Damage::ForeignKeyslot {
                            slot: row.slot.id.clone(),
                        }));
                    }
                    return Ok((master, row.slot.id.clone()));
                }
                Err(e @ Error::TamperedKeyslot { .. }) => {
                    tampered.get_or_insert(e);
                }
                Err(Error::WrongPassphrase) => {}
                Err(e) => return Err(e),
            }
        }
        Err(tampered.unwrap_or(Error::WrongPassphrase))
    }

    /// Opens the master key through the plugin of a `plugin` keyslot (a hardware key; see
    /// [`crate::crypto::plugin`]). Each plugin slot is checked against the ledger's signed
    /// history first, as in [`Vault::open_master`]; the plugin may ask the owner for a PIN or a
    /// touch through `callbacks`.
    fn open_master_plugin<C: age::Callbacks>(
        &mut self,
        callbacks: C,
    ) -> Result<(MasterKey, String)> {
        let (vault_id, public) = (self.id.clone(), self.signing_public);
        let slots = self.store.read(|tx| tx.keyslots())?;
        if slots.is_empty() {
            return Err(self.no_keyslot_error()?);
        }
        let mut failure = None;
        for row in slots.iter().filter(|s| s.slot.kind == SlotKind::Plugin) {
            let problem = self
                .store
                .read(|tx| maintenance::slot_commitment(tx, row, &vault_id, &public))?;
            if let Some(reason) = problem {
                failure.get_or_insert(Error::TamperedKeyslot {
                    slot: row.slot.id.clone(),
                    reason,
                });
                continue;
            }
            match row.slot.open_plugin(callbacks.clone()) {
                Ok(master) => {
                    if master.recipient().to_age_string() != self.recipient.to_age_string() {
                        return Err(Error::Damage(Damage::ForeignKeyslot {
                            slot: row.slot.id.clone(),
                        }));
                    }
                    return Ok((master, row.slot.id.clone()));
                }
                Err(e) => {
                    failure.get_or_insert(e);
                }
            }
        }
        Err(failure.unwrap_or(Error::Custody(crate::error::Custody::NoPluginSlot)))
    }

    /// True when the vault has a keyslot of kind `plugin` (a hardware key). Needs no passphrase.
    pub fn has_plugin_slot(&mut self) -> Result<bool> {
        let slots = self.store.read(|tx| tx.keyslots())?;
        Ok(slots.iter().any(|s| s.slot.kind == SlotKind::Plugin))
    }

    /// Unlocks: opens the master and signing keys and, unless `read_only`, signs a checkpoint
    /// covering entries appended since the last one.
    pub fn unlock(self, passphrase: &Passphrase, read_only: bool) -> Result<Unlocked> {
        self.unlock_by(read_only, |v| v.open_master(passphrase))
    }

    /// [`Vault::unlock`] through a hardware key: a `plugin` keyslot opened by its age plugin,
    /// which may talk to the owner through `callbacks` (a PIN, "touch your key").
    pub fn unlock_with_plugin<C: age::Callbacks>(
        self,
        callbacks: C,
        read_only: bool,
    ) -> Result<Unlocked> {
        self.unlock_by(read_only, |v| v.open_master_plugin(callbacks))
    }

    fn unlock_by(
        mut self,
        read_only: bool,
        open: impl FnOnce(&mut Vault) -> Result<(MasterKey, String)>,
    ) -> Result<Unlocked> {
        // SQLite's quick check runs on another thread while the passphrase is derived: a
        // database it calls malformed is refused before anything is signed, listed or added.
        let quick_check = (!read_only)
            .then(|| std::thread::Builder::new().spawn(self.store.quick_check_job()))
            .transpose()
            .map_err(Error::Io)?;
        let opened = open(&mut self);
        if let Some(job) = quick_check {
            job.join()
                .map_err(|_| Error::Conflict(Conflict::CheckPanicked))??;
        }
        let (master, slot_id) = opened?;
        let wrapped = self.store.read(|tx| tx.meta_required("signing_secret"))?;
        let wrapped = STANDARD
            .decode(wrapped)
            .map_err(|_| Error::Damage(Damage::SigningSecretNotBase64))?;
        let secret = envelope::decrypt(master.identity(), &wrapped)
            .map_err(|_| Error::Damage(Damage::SigningSecretNoDecrypt))?;
        let signing_key = signing::from_secret_bytes(&secret)?;
        if signing_key.verifying_key() != self.signing_public {
            return Err(Error::Damage(Damage::SigningKeyMismatch));
        }
        let mut unlocked = Unlocked::new(self, master, signing_key, slot_id);
        // Rows deleted behind the owner's back (vault has no delete command): named at every
        // unlock, through indexes (see `reads::missing_items`).
        unlocked.missing = unlocked.missing_items()?;
        if !read_only {
            // The seal, the pin and the entries since the last checkpoint are checked before
            // anything is signed (src/vault/trust_unlock.rs).
            unlocked.new_entries = unlocked.establish_trust()?;
            if unlocked.new_entries > 0 {
                // Copy what was added since into the database file, so that vault.db alone
                // holds it (the write-ahead log is kept between processes; see Store).
                let _ = unlocked.vault.store.checkpoint_passive();
            }
            // The detention plan's release bundle, when entries were logged since it was last
            // written (a cheap check otherwise; src/vault/detention.rs).
            match unlocked.refresh_plan(false) {
                Ok(None) => {}
                Ok(Some(done)) => unlocked.plan_refresh = Some(Ok(done)),
                Err(e) => unlocked.plan_refresh = Some(Err(e)),
            }
        }
        Ok(unlocked)
    }
}

/// Pads a plaintext JSON document with spaces (JSON whitespace) to its Padmé bucket and encrypts
/// it to the master recipient.
pub(crate) fn encrypt_padded(recipient: &MasterRecipient, json: &[u8]) -> Result<Vec<u8>> {
    let target = padding::padded_len(json.len() as u64) as usize;
    let mut plain = Zeroizing::new(Vec::with_capacity(target));
    plain.extend_from_slice(json);
    plain.resize(target, b' ');
    envelope::encrypt(&[&recipient.0], &plain)
}

/// The ledger entry for a keyslot change.
pub(crate) fn keyslot_entry(slot: &Keyslot, action: SlotAction) -> Entry {
    Entry::Keyslot {
        v: ENTRY_VERSION,
        action,
        slot: slot.id.clone(),
        slot_sha256: (action != SlotAction::Remove).then(|| slot.digest_hex()),
    }
}

/// The ledger entry that says this vault keeps a trust seal (see [`trust`]).
pub(crate) fn trust_entry() -> Entry {
    Entry::Trust {
        v: ENTRY_VERSION,
        seal: trust::SEAL_VERSION,
    }
}

/// Inside a write transaction: checks the record's current revision is `expect_previous`, then
/// appends its leaf and row (the leaf index is filled in here).
pub(crate) fn commit_revision(
    tx: &crate::store::Tx<'_>,
    recipient: &MasterRecipient,
    expect_previous: Option<u32>,
    row: &RecordRow,
    entry: &Entry,
) -> Result<()> {
    check_recipient(tx, recipient)?;
    let id = &row.id;
    let current = tx.record_history(id)?.last().map(|r| r.revision);
    if current != expect_previous {
        return Err(Error::Conflict(Conflict::Amending {
            record: id.to_owned(),
        }));
    }
    // A newer revision deleted from the folder, so that an older one shows: a revision written
    // now would sign a second "revision N" over the lost one.
    if current.is_some() {
        let missing = reads::missing_items(tx)?;
        if let Some(damage) = reads::MissingItem::newer_revision_of(&missing, id) {
            return Err(Error::Damage(damage));
        }
    }
    let leaf = tx.append_leaf(&entry.to_bytes())?;
    tx.insert_record(&RecordRow {
        leaf_index: leaf,
        ..row.clone()
    })
}

/// Signs and stores a checkpoint over the whole current ledger (inside `tx`), and seals it
/// (see [`trust`]). Returns how many leaves it covers beyond the previous checkpoint the vault
/// signed.
///
/// `own_from` is the size of the ledger when this transaction began: entries from there on are
/// the calling command's own. Before signing, it refuses ([`Error::Tamper`]):
/// - a trust seal that `master` did not make, or that binds another vault id, creation entry,
///   signing key or master recipient;
/// - a ledger that does not extend the sealed checkpoint (shorter, with missing leaves, or with
///   a different root at the sealed size);
/// - an entry since the sealed checkpoint, and before `own_from`, that only an unlocked command
///   writes (it would have been signed with it): it was forged.
///
/// Without a seal (a vault made before seals), the newest checkpoint whose signature and root
/// verify stands in for it, unless the ledger holds a trust entry (then the seal was deleted).
pub(crate) fn sign_checkpoint(
    tx: &crate::store::Tx<'_>,
    vault_id: &str,
    key: &ed25519_dalek::SigningKey,
    master: &MasterKey,
    own_from: u64,
) -> Result<u64> {
    sign_checkpoint_rekeyed(tx, vault_id, key, master, master, own_from)
}

/// [`sign_checkpoint`] for a rekey: the seal in place is checked under `sealed_by` (the old
/// master key) and the new one made under `seal_with`.
pub(crate) fn sign_checkpoint_rekeyed(
    tx: &crate::store::Tx<'_>,
    vault_id: &str,
    key: &ed25519_dalek::SigningKey,
    sealed_by: &MasterKey,
    seal_with: &MasterKey,
    own_from: u64,
) -> Result<u64> {
    let checked_key = trust::TrustKey::derive(sealed_by)?;
    let identity = trust::Identity::read(tx, vault_id, sealed_by.recipient().to_age_string())?;
    let public_b64 = STANDARD.encode(key.verifying_key().as_bytes());
    if identity.signing_key != public_b64 {
        return Err(Error::Tamper(Tamper::SigningPublic));
    }
    let seal = trust::checked_seal(tx, &checked_key, &identity)?;
    let size = tx.ledger_size()?;
    let same_key = sealed_by.recipient().to_age_string() == seal_with.recipient().to_age_string();
    // Most unlocks find nothing new: the sizes compare before any leaf is read, and the
    // checkpoint the seal names must still be stored, signed, with the sealed root. When it was
    // deleted or replaced, the whole ledger is checked against the seal below and re-signed.
    if let Some(s) = &seal {
        if s.size == size && same_key {
            let origin = ledger::origin(vault_id);
            let intact = tx.checkpoint_at(size)?.is_some_and(|note| {
                ledger::checkpoint::open_own(&note, &origin, &key.verifying_key())
                    .is_ok_and(|cp| cp.size == size && Some(cp.root) == s.root_hash())
            });
            if intact {
                return Ok(0);
            }
        }
    }
    let leaves = tx.leaf_hashes()?;
    if leaves.len() as u64 != size {
        return Err(Error::Tamper(Tamper::EntriesRemoved {
            stored: leaves.len() as u64,
            size,
        }));
    }
    let (previous, sealed_root) = match &seal {
        Some(s) => (
            s.size,
            s.root_hash().ok_or(Error::Tamper(Tamper::SealRoot))?,
        ),
        None => {
            if let Some(leaf) = tx.first_trust_leaf(own_from)? {
                return Err(Error::Tamper(Tamper::SealMissing { leaf }));
            }
            trust::newest_valid_checkpoint(
                &tx.checkpoints()?,
                &leaves,
                vault_id,
                &key.verifying_key(),
            )
            .map_or((0, merkle::root(&[])), |(n, root, _)| (n, root))
        }
    };
    if previous > size {
        return Err(Error::Tamper(Tamper::Shrunk { size, previous }));
    }
    if merkle::root(&leaves[..previous as usize]) != sealed_root {
        return Err(Error::Tamper(Tamper::SignedChanged { previous }));
    }
    let forged_end = own_from.min(size);
    if previous < forged_end {
        for row in tx.ledger_range(previous, forged_end)? {
            match Entry::from_bytes(&row.entry) {
                Ok(e) if trust::written_without_passphrase(&e) => {}
                Ok(e) => {
                    return Err(Error::Tamper(Tamper::Unsigned {
                        index: row.index,
                        label: e.label().to_string(),
                    }))
                }
                Err(_) => return Err(Error::Tamper(Tamper::UnknownLeaf { index: row.index })),
            }
        }
    }
    let root = merkle::root(&leaves);
    let origin = ledger::origin(vault_id);
    let checkpoint = Checkpoint {
        origin: origin.clone(),
        size,
        root,
        extensions: vec![],
    };
    tx.put_checkpoint(size, &checkpoint.sign(&origin, key))?;
    let sealed = trust::Identity {
        master_recipient: seal_with.recipient().to_age_string(),
        ..identity
    };
    trust::write_seal(
        tx,
        &trust::TrustKey::derive(seal_with)?,
        &sealed,
        size,
        &root,
    )?;
    Ok(size.saturating_sub(previous))
}
