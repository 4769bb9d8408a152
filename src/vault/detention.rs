//! The detention plan (`vault plan ...`; docs/detention-plan.md, docs/format.md "Detention
//! plan").
//!
//! A release key (an age X25519 identity) is made; its secret is split k-of-n (Shamir,
//! [`crate::crypto::shamir`]) and each share is age-encrypted to one trustee. At unlocks that
//! find new ledger entries, and on `vault plan refresh`, the vault writes an ordinary counsel
//! bundle of every incident (with the plan's redactions, through the export code path, so the
//! export is logged) encrypted to the release key (and counsel, if named) into the plan's
//! folder, replacing the previous one atomically. Trustees combine K shares into the release
//! key ([`combine_shares`]) and open and verify the bundle as counsel would.
//!
//! The plan (trustees, threshold, counsel, redactions, folder) is stored encrypted to the master
//! key; the ledger's `plan` entry commits to the ciphertext's SHA-256 and the release recipient.
//! Before a plan is used its ciphertext must match the newest `plan` entry and a signed
//! checkpoint must cover that entry: a plan planted by someone with write access (their own
//! release key), or an older plan put back (a revoked key), is refused.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use age::secrecy::ExposeSecret;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::travel::decrypt_with_any;
use super::Unlocked;
use crate::bundle::plan::{ExportRequest, Redaction, Selection};
use crate::bundle::recipients;
use crate::crypto::{envelope, sha256_hex, shamir};
use crate::error::Custody;
use crate::ledger::entry::{PlanAction, ENTRY_VERSION};
use crate::ledger::{merkle, Entry};
use crate::{fsutil, Error, Result};

/// Metadata key of the stored plan: base64 of the plan's JSON, age-encrypted to the master key.
pub(crate) const PLAN_META: &str = "plan";
/// Metadata key of the last refresh: `<ledger size after it> <RFC 3339 time>`.
pub(crate) const REFRESHED_META: &str = "plan_refreshed";
/// The release bundle's name in the plan's folder.
pub const RELEASE_BUNDLE: &str = "release-bundle.age";
/// Format names inside the age encryption.
const SHARE_FORMAT: &str = "vault-release-share-1";
/// Largest share file read.
const MAX_SHARE: u64 = 64 << 10;
/// The first bytes of every age file.
const AGE_MAGIC: &[u8] = b"age-encryption.org/v1\n";

/// What `vault plan set` asks for.
#[derive(Debug, Clone)]
pub struct PlanRequest {
    /// Each trustee's age (`age1...`) or SSH public key.
    pub trustees: Vec<String>,
    /// How many shares rebuild the release key.
    pub threshold: usize,
    /// Counsel's key, to whom release bundles are also encrypted.
    pub counsel: Option<String>,
    /// A redaction policy file's path and JSON text (as `export --redact-policy` reads it).
    pub policy: Option<(PathBuf, String)>,
    /// Where the shares and the release bundle go (a synced folder, a USB stick).
    pub folder: PathBuf,
}

/// The stored plan (encrypted to the master key).
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredPlan {
    release_recipient: String,
    threshold: u8,
    trustees: Vec<String>,
    counsel: Option<String>,
    policy: Option<String>,
    folder: PathBuf,
    set_at: DateTime<Utc>,
    /// The share files written, one per trustee, in trustee order.
    shares: Vec<PathBuf>,
}

/// One trustee's share (JSON inside an age file encrypted to that trustee).
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ShareFile {
    format: String,
    vault: String,
    release_recipient: String,
    threshold: u8,
    shares: u8,
    /// The share's bytes, base64 (standard, padded).
    share: String,
}

/// What `plan set` and `plan revoke` did.
#[derive(Debug, Clone, Serialize)]
pub struct PlanOutcome {
    pub release_recipient: String,
    pub threshold: usize,
    /// The share files written, one per trustee, in the order given.
    pub shares: Vec<PathBuf>,
    /// The first release bundle, unless the vault holds no incident yet.
    pub refresh: Option<PlanRefresh>,
}

/// What a refresh wrote.
#[derive(Debug, Clone, Serialize)]
pub struct PlanRefresh {
    pub bundle: PathBuf,
    pub export_id: String,
    pub records: usize,
}

/// What `plan show` says.
#[derive(Debug, Clone, Serialize)]
pub struct PlanSummary {
    pub release_recipient: String,
    pub threshold: usize,
    pub trustees: Vec<String>,
    pub counsel: Option<String>,
    pub redaction_policy: bool,
    pub folder: PathBuf,
    pub set_at: DateTime<Utc>,
    pub refreshed_at: Option<DateTime<Utc>>,
    /// Ledger entries logged since the last refresh (the next unlock writes a new bundle).
    pub entries_since_refresh: u64,
}

/// What `plan combine` wrote.
#[derive(Debug, Clone, Serialize)]
pub struct ReleaseKey {
    pub out: PathBuf,
    pub release_recipient: String,
    pub vault_id: String,
    pub shares_used: usize,
}

/// A short tag of a release key for file names.
fn key_tag(recipient: &str) -> String {
    sha256_hex(recipient.as_bytes())[..8].to_owned()
}

fn parse_recipient(text: &str) -> Result<recipients::BundleRecipient> {
    recipients::parse(text)
}

impl Unlocked {
    /// The stored plan, checked against the newest `plan` ledger entry (see the module
    /// documentation). `None` when no plan was ever set.
    fn load_plan(&mut self) -> Result<Option<StoredPlan>> {
        let vault_id = self.vault.id.clone();
        let public = self.vault.signing_public;
        let found = self.vault.store.read(|tx| {
            let Some(text) = tx.meta(PLAN_META)? else {
                // No plan is ever removed: a plan entry without its stored plan means the plan
                // was deleted from the folder, not that none was set.
                return match tx.newest_plan_entry()? {
                    Some(_) => Err(Error::Custody(Custody::PlanDamaged)),
                    None => Ok(None),
                };
            };
            let entry = tx.newest_plan_entry()?;
            let covered = match &entry {
                Some((index, _)) => {
                    super::maintenance::signed_checkpoint_covers(tx, *index, &vault_id, &public)?
                }
                None => false,
            };
            let hash_ok = match &entry {
                Some((index, bytes)) => tx
                    .ledger_row(*index)?
                    .is_some_and(|r| r.leaf_hash == merkle::leaf_hash(bytes)),
                None => false,
            };
            Ok(Some((text, entry, covered && hash_ok)))
        })?;
        let Some((text, entry, signed)) = found else {
            return Ok(None);
        };
        let damaged = || Error::Custody(Custody::PlanDamaged);
        let ciphertext = STANDARD.decode(text).map_err(|_| damaged())?;
        let committed = match entry.map(|(_, b)| Entry::from_bytes(&b)) {
            Some(Ok(Entry::Plan {
                plan_sha256,
                release_recipient,
                ..
            })) => (plan_sha256, release_recipient),
            _ => return Err(damaged()),
        };
        if !signed || committed.0 != sha256_hex(&ciphertext) {
            return Err(damaged());
        }
        let plain =
            envelope::decrypt(self.master.identity(), &ciphertext).map_err(|_| damaged())?;
        let plan: StoredPlan = serde_json::from_slice(&plain).map_err(|_| damaged())?;
        if plan.release_recipient != committed.1 {
            return Err(damaged());
        }
        Ok(Some(plan))
    }

    /// `vault plan set`: a new release key, its shares written to the folder (one file per
    /// trustee), the plan stored and logged, and a first release bundle. Replaces any earlier
    /// plan (its share files are removed from its folder).
    pub fn set_plan(&mut self, request: PlanRequest) -> Result<PlanOutcome> {
        if request.trustees.is_empty() {
            return Err(Custody::NoTrustee.into());
        }
        let count = request.trustees.len();
        let (Ok(n), Ok(k)) = (u8::try_from(count), u8::try_from(request.threshold)) else {
            return Err(Custody::Threshold {
                threshold: request.threshold,
                trustees: count,
            }
            .into());
        };
        if k == 0 || k > n {
            return Err(Custody::Threshold {
                threshold: request.threshold,
                trustees: count,
            }
            .into());
        }
        for t in &request.trustees {
            parse_recipient(t)?;
        }
        if let Some(c) = &request.counsel {
            parse_recipient(c)?;
        }
        if let Some((path, text)) = &request.policy {
            parse_policy(text, path)?;
        }
        let previous = self.load_plan()?;
        let plan = self.make_plan(
            k,
            request.trustees,
            request.counsel,
            request.policy.map(|(_, text)| text),
            request.folder,
        )?;
        self.store_plan(&plan, PlanAction::Set, previous.as_ref())
    }

    /// `vault plan revoke`: a new release key and new shares for the same trustees; shares of
    /// the old key open no bundle written from now on (the release bundle is rewritten at once).
    pub fn revoke_plan(&mut self) -> Result<PlanOutcome> {
        let old = self.load_plan()?.ok_or(Error::Custody(Custody::NoPlan))?;
        let plan = self.make_plan(
            old.threshold,
            old.trustees.clone(),
            old.counsel.clone(),
            old.policy.clone(),
            old.folder.clone(),
        )?;
        self.store_plan(&plan, PlanAction::Revoke, Some(&old))
    }

    /// A new release key, split and written as share files; returns the plan to store.
    fn make_plan(
        &mut self,
        threshold: u8,
        trustees: Vec<String>,
        counsel: Option<String>,
        policy: Option<String>,
        folder: PathBuf,
    ) -> Result<StoredPlan> {
        fsutil::create_private_dir(&folder)?;
        let release = age::x25519::Identity::generate();
        let release_recipient = release.to_public().to_string();
        let secret = Zeroizing::new(release.to_string().expose_secret().to_owned());
        drop(release);
        let n = u8::try_from(trustees.len()).map_err(|_| Custody::Threshold {
            threshold: threshold.into(),
            trustees: trustees.len(),
        })?;
        let shares = shamir::split(secret.as_bytes(), threshold, n)?;
        drop(secret);
        let tag = key_tag(&release_recipient);
        let mut written = Vec::new();
        for (i, (trustee, share)) in trustees.iter().zip(&shares).enumerate() {
            let file = ShareFile {
                format: SHARE_FORMAT.into(),
                vault: self.vault.id.clone(),
                release_recipient: release_recipient.clone(),
                threshold,
                shares: n,
                share: STANDARD.encode(share.as_slice()),
            };
            let plain = Zeroizing::new(serde_json::to_vec(&file)?);
            let mut file = file;
            file.share.zeroize_string();
            let to = parse_recipient(trustee)?;
            let ciphertext = envelope::encrypt(&[to.recipient.as_ref()], &plain)?;
            let path = folder.join(format!("share-{}-of-{n}-{tag}.age", i + 1));
            if let Err(e) = super::travel::publish_new(&path, &ciphertext) {
                for p in &written {
                    let _ = std::fs::remove_file(p);
                }
                return Err(e);
            }
            written.push(path);
        }
        Ok(StoredPlan {
            release_recipient,
            threshold,
            trustees,
            counsel,
            policy,
            folder,
            set_at: Utc::now(),
            shares: written,
        })
    }

    /// Stores and logs `plan` (signed), removes the share files of `previous`, and writes the
    /// first release bundle.
    fn store_plan(
        &mut self,
        plan: &StoredPlan,
        action: PlanAction,
        previous: Option<&StoredPlan>,
    ) -> Result<PlanOutcome> {
        let json = Zeroizing::new(serde_json::to_vec(plan)?);
        let ciphertext = envelope::encrypt(&[&self.vault.recipient.0], &json)?;
        let entry = Entry::Plan {
            v: ENTRY_VERSION,
            action,
            release_recipient: plan.release_recipient.clone(),
            plan_sha256: sha256_hex(&ciphertext),
        };
        let stored = self.write_signed(|tx| {
            tx.append_leaf(&entry.to_bytes())?;
            tx.set_meta(PLAN_META, &STANDARD.encode(&ciphertext))?;
            tx.delete_meta(REFRESHED_META)?;
            Ok(())
        });
        if let Err(e) = stored {
            for p in &plan.shares {
                let _ = std::fs::remove_file(p);
            }
            return Err(e);
        }
        if let Some(old) = previous {
            for p in &old.shares {
                let _ = std::fs::remove_file(p);
            }
        }
        let refresh = self.refresh_plan(true)?;
        Ok(PlanOutcome {
            release_recipient: plan.release_recipient.clone(),
            threshold: plan.threshold.into(),
            shares: plan.shares.clone(),
            refresh,
        })
    }

    /// What `vault plan show` prints.
    pub fn plan_summary(&mut self) -> Result<PlanSummary> {
        let plan = self.load_plan()?.ok_or(Error::Custody(Custody::NoPlan))?;
        let (refreshed, size) = self
            .vault
            .store
            .read(|tx| Ok((tx.meta(REFRESHED_META)?, tx.ledger_size()?)))?;
        let (refreshed_size, refreshed_at) = parse_refreshed(refreshed.as_deref());
        Ok(PlanSummary {
            release_recipient: plan.release_recipient,
            threshold: plan.threshold.into(),
            trustees: plan
                .trustees
                .iter()
                .map(|t| parse_recipient(t).map_or_else(|_| t.clone(), |r| r.label))
                .collect(),
            counsel: plan.counsel,
            redaction_policy: plan.policy.is_some(),
            folder: plan.folder,
            set_at: plan.set_at,
            refreshed_at,
            entries_since_refresh: size.saturating_sub(refreshed_size.unwrap_or(0)),
        })
    }

    /// True when a plan exists and entries were logged since its last refresh. Cheap: two
    /// metadata reads and the ledger size (no decryption), so unlocks without new entries pay
    /// nothing more.
    pub fn plan_refresh_due(&mut self) -> Result<bool> {
        self.vault.store.read(|tx| {
            if tx.meta(PLAN_META)?.is_none() {
                return Ok(false);
            }
            let (done, _) = parse_refreshed(tx.meta(REFRESHED_META)?.as_deref());
            let size = tx.ledger_size()?;
            // Any other size than the ledger's, not only a smaller one: a marker set beyond the
            // ledger (edited in the folder) must not stop every later refresh.
            Ok(done.is_none_or(|n| n != size))
        })
    }

    /// Writes a new release bundle (every incident, the plan's redactions, metadata stripped
    /// from images) into the plan's folder, replacing the previous one atomically. Unless
    /// `force`, only when [`Unlocked::plan_refresh_due`]. `None` when nothing was written (no
    /// plan, nothing new, or no incident yet).
    pub fn refresh_plan(&mut self, force: bool) -> Result<Option<PlanRefresh>> {
        if !force && !self.plan_refresh_due()? {
            return Ok(None);
        }
        let Some(plan) = self.load_plan()? else {
            return Ok(None);
        };
        let redaction = match &plan.policy {
            Some(p) => parse_policy(p, &plan.folder)?,
            None => Redaction::default(),
        };
        let request = ExportRequest {
            selection: Selection::All,
            redaction,
            strip_metadata: true,
            include_files: true,
        };
        let export = match self.plan_export(request) {
            Ok(p) => p,
            Err(Error::Bundle(crate::bundle::Error::NothingSelected)) => return Ok(None),
            Err(e) => return Err(e),
        };
        let records = export.record_count();
        let mut to = vec![parse_recipient(&plan.release_recipient)?];
        if let Some(c) = &plan.counsel {
            to.push(parse_recipient(c)?);
        }
        // Never created here: a USB stick that is not plugged in must not turn into a folder of
        // the same name on this computer's own disk.
        if !plan.folder.is_dir() {
            return Err(Error::file(
                &plan.folder,
                std::io::Error::from(std::io::ErrorKind::NotFound),
            ));
        }
        let final_path = plan.folder.join(RELEASE_BUNDLE);
        let next = plan.folder.join(format!(
            ".{RELEASE_BUNDLE}.{}.next",
            hex::encode(crate::crypto::random_bytes::<16>())
        ));
        sweep_next(&plan.folder);
        let outcome = self.write_export(export, to, &next);
        let outcome = match outcome {
            Ok(o) => o,
            Err(e) => {
                let _ = std::fs::remove_file(&next);
                return Err(e);
            }
        };
        std::fs::rename(&next, &final_path).map_err(|e| Error::file(&final_path, e))?;
        fsutil::sync_dir(&plan.folder)?;
        let size = self.vault.store.read(|tx| tx.ledger_size())?;
        let stamp = format!("{size} {}", Utc::now().to_rfc3339());
        self.vault
            .store
            .write(|tx| tx.set_meta(REFRESHED_META, &stamp))?;
        Ok(Some(PlanRefresh {
            bundle: final_path,
            export_id: outcome.export_id,
            records,
        }))
    }
}

/// Removes the `.release-bundle.age.<32 hex>.next` files a killed refresh left in `folder`
/// (only names of exactly that form).
fn sweep_next(folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let prefix = format!(".{RELEASE_BUNDLE}.");
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some(rest) = name
            .strip_prefix(&prefix)
            .and_then(|r| r.strip_suffix(".next"))
        else {
            continue;
        };
        let is_file = e.file_type().is_ok_and(|t| t.is_file());
        if is_file && crate::store::is_blob_name(rest) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// `<size> <time>` of the last refresh.
pub(crate) fn parse_refreshed(text: Option<&str>) -> (Option<u64>, Option<DateTime<Utc>>) {
    let Some(text) = text else {
        return (None, None);
    };
    let mut parts = text.splitn(2, ' ');
    let size = parts.next().and_then(|s| s.parse().ok());
    let at = parts
        .next()
        .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
        .map(|t| t.with_timezone(&Utc));
    (size, at)
}

/// Parses a redaction policy's JSON text as `export --redact-policy` does (a repeated key is
/// refused); `path` names it in errors.
fn parse_policy(text: &str, path: &Path) -> Result<Redaction> {
    let bad = |detail: String| crate::bundle::Error::BadPolicy {
        path: path.to_path_buf(),
        detail,
    };
    if let Some(d) = crate::bundle::manifest::duplicate_key(text.as_bytes()) {
        return Err(bad(d).into());
    }
    let mut policy: Redaction = serde_json::from_str(text).map_err(|e| bad(e.to_string()))?;
    policy.canonicalize();
    policy.validate()?;
    Ok(policy)
}

/// `vault plan combine`: rebuilds the release key from share files (each age-encrypted to a
/// trustee and opened with one of `identities`, or already decrypted by its trustee with
/// `age -d`) and writes it to `out` (a new file, mode 0600) as an age identity file that
/// `vault bundle open --identity` reads. Needs no vault.
pub fn combine_shares(
    paths: &[PathBuf],
    identities: &[Box<dyn age::Identity>],
    out: &Path,
) -> Result<ReleaseKey> {
    if std::fs::symlink_metadata(out).is_ok() {
        return Err(Error::WouldOverwrite(out.to_path_buf()));
    }
    let mut first: Option<ShareFile> = None;
    let mut shares: Vec<Zeroizing<Vec<u8>>> = Vec::new();
    for path in paths {
        let unreadable = || {
            Error::Custody(Custody::ShareUnreadable {
                path: path.to_path_buf(),
            })
        };
        let bytes = Zeroizing::new(crate::input::read_bounded(path, MAX_SHARE)?);
        let plain = if bytes.starts_with(AGE_MAGIC) {
            decrypt_with_any(identities, &bytes).ok_or_else(unreadable)?
        } else {
            bytes
        };
        let mut file: ShareFile = serde_json::from_slice(&plain).map_err(|_| unreadable())?;
        if file.format != SHARE_FORMAT {
            return Err(unreadable());
        }
        let share = Zeroizing::new(STANDARD.decode(&file.share).map_err(|_| unreadable())?);
        file.share.zeroize_string();
        if let Some(f) = &first {
            if f.release_recipient != file.release_recipient
                || f.vault != file.vault
                || f.threshold != file.threshold
            {
                return Err(Custody::SharesDisagree {
                    path: path.to_path_buf(),
                }
                .into());
            }
        }
        if shares.iter().any(|s| s.first() == share.first()) {
            return Err(Custody::DuplicateShare {
                path: path.to_path_buf(),
            }
            .into());
        }
        shares.push(share);
        if first.is_none() {
            first = Some(file);
        }
    }
    let Some(info) = first else {
        return Err(Custody::NotEnoughShares { have: 0, need: 1 }.into());
    };
    let secret = shamir::combine(&shares, info.threshold)?;
    let text = std::str::from_utf8(&secret).map_err(|_| Custody::SharesWrong)?;
    let identity = age::x25519::Identity::from_str(text).map_err(|_| Custody::SharesWrong)?;
    if identity.to_public().to_string() != info.release_recipient {
        return Err(Custody::SharesWrong.into());
    }
    let file = Zeroizing::new(format!(
        "# vault release key of vault {}\n# public key: {}\n{}\n",
        info.vault, info.release_recipient, text
    ));
    fsutil::write_new_private(out, file.as_bytes())?;
    Ok(ReleaseKey {
        out: out.to_path_buf(),
        release_recipient: info.release_recipient,
        vault_id: info.vault,
        shares_used: shares.len(),
    })
}

/// Wipes a string's bytes in place.
trait ZeroizeString {
    fn zeroize_string(&mut self);
}

impl ZeroizeString for String {
    fn zeroize_string(&mut self) {
        zeroize::Zeroize::zeroize(self);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `Tx::newest_plan_entry` finds plan entries by their first 15 bytes (docs/format.md 19.2).
    #[test]
    fn plan_entries_start_with_the_bytes_the_store_looks_for() {
        for action in [PlanAction::Set, PlanAction::Revoke] {
            let e = Entry::Plan {
                v: ENTRY_VERSION,
                action,
                release_recipient: "age1x".into(),
                plan_sha256: "00".into(),
            };
            let bytes = e.to_bytes();
            assert!(bytes.starts_with(b"{\"type\":\"plan\","), "{bytes:?}");
            assert_eq!(hex::encode(&bytes[..15]), "7b2274797065223a22706c616e222c");
            assert_eq!(Entry::from_bytes(&bytes).unwrap(), e);
        }
    }

    #[test]
    fn refresh_stamps_parse_and_leftover_names_are_recognised_exactly() {
        let (n, at) = parse_refreshed(Some("42 2026-12-02T10:00:00+00:00"));
        assert_eq!(n, Some(42));
        assert!(at.is_some());
        assert_eq!(parse_refreshed(None), (None, None));
        let dir = tempfile::tempdir().unwrap();
        let left = dir
            .path()
            .join(format!(".{RELEASE_BUNDLE}.{}.next", "ab".repeat(16)));
        let other = dir.path().join(format!(".{RELEASE_BUNDLE}.mine.next"));
        std::fs::write(&left, b"x").unwrap();
        std::fs::write(&other, b"x").unwrap();
        sweep_next(dir.path());
        assert!(!left.exists());
        assert!(other.exists());
    }
}
