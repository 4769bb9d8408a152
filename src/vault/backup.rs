//! `vault backup` and `vault restore`: a vault as one file.
//!
//! The backup is a POSIX tar archive (ustar) with, in this order:
//! - `vault.db`: a consistent copy of the database made with SQLite's online backup API (safe
//!   while other commands write; it is all ciphertext, hashes and public keys already);
//! - `blobs/<name>`: every attachment blob the copy refers to (blobs never change once committed);
//! - `manifest.json`: `{"format": "vault-backup/1", "vault_id", "ledger_entries", "files": [{"name",
//!   "size", "sha256"}]}` covering every other member.
//!
//! Member headers carry no owner, time or mode information (uid/gid 0, mtime 0, mode 0600). No
//! plaintext is written anywhere. The database copy and the archive are staged in a private
//! folder beside the output (`staging`): the copy is deleted as soon as it is in the
//! archive, the folder on every exit path; one that a killed backup left (a full copy of the vault
//! that opens with the passphrases it had then) is removed by the next backup into that folder.
//! A restore stages the vault the same way beside its target.
//!
//! Restore accepts exactly those member names (anything else, including `..`, absolute paths,
//! links and devices, is refused before a byte is written), checks every size and SHA-256
//! against the manifest, checks the restored vault with `verify` (tier 1), and only then moves
//! it into place. Whether the backup is older than a receipt you kept is what
//! `vault verify --receipt` tells afterwards.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::{BackupFlaw, Conflict, Damage, Input};
/// The staging folders a signal handler removes (the CLI keeps one for backup and restore).
pub use crate::staging::Registry;
use crate::staging::{self, StagingDir};
use crate::store::{snapshot_facts, BLOB_DIR, DB_FILE};
use crate::vault::Vault;
use crate::{fsutil, Error, Result};

/// Format tag in the manifest.
pub const BACKUP_FORMAT: &str = "vault-backup/1";
/// Name of the manifest member.
pub const MANIFEST: &str = "manifest.json";
const MANIFEST_MAX: u64 = 64 << 20;

/// The manifest member.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    format: String,
    vault_id: String,
    ledger_entries: u64,
    files: Vec<FileEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileEntry {
    name: String,
    size: u64,
    sha256: String,
}

/// What a backup wrote.
#[derive(Debug, Clone, Serialize)]
pub struct BackupOutcome {
    pub path: PathBuf,
    pub vault_id: String,
    pub ledger_entries: u64,
    pub attachments: usize,
    pub bytes: u64,
    /// Staging folders of killed backups removed first (from the output's folder, and those the
    /// registry listed elsewhere).
    pub leftovers_removed: Vec<PathBuf>,
    /// Staging folders of killed backups the registry lists in folders that are not there now.
    pub leftovers_unreachable: Vec<PathBuf>,
}

/// What a restore recreated.
#[derive(Debug, Clone, Serialize)]
pub struct RestoreOutcome {
    pub path: PathBuf,
    pub vault_id: String,
    pub ledger_entries: u64,
    pub attachments: usize,
    /// Staging folders of killed restores removed first (see [`BackupOutcome`]).
    pub leftovers_removed: Vec<PathBuf>,
    /// Staging folders of killed restores in folders that are not there now.
    pub leftovers_unreachable: Vec<PathBuf>,
}

struct HashingReader<R> {
    inner: R,
    hasher: Sha256,
    count: u64,
}

impl<R: Read> Read for HashingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        self.count += n as u64;
        Ok(n)
    }
}

fn hashing<R: Read>(inner: R) -> HashingReader<R> {
    HashingReader {
        inner,
        hasher: Sha256::new(),
        count: 0,
    }
}

fn member_header(size: u64) -> tar::Header {
    let mut h = tar::Header::new_ustar();
    h.set_entry_type(tar::EntryType::Regular);
    h.set_size(size);
    h.set_mode(0o600);
    h.set_mtime(0);
    h.set_uid(0);
    h.set_gid(0);
    h
}

/// Appends one file as a member, hashing it on the way; checks it had the expected size.
fn append_file<W: Write>(
    builder: &mut tar::Builder<W>,
    name: &str,
    path: &Path,
    expected_size: Option<u64>,
) -> Result<FileEntry> {
    let file = File::open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Error::Conflict(Conflict::BackupVanished {
            path: path.to_path_buf(),
        }),
        _ => Error::file(path, e),
    })?;
    let size = file.metadata().map_err(|e| Error::file(path, e))?.len();
    if expected_size.is_some_and(|n| n != size) {
        return Err(Error::Damage(Damage::BackupWrongSize {
            path: path.to_path_buf(),
        }));
    }
    let mut reader = hashing(BufReader::with_capacity(1 << 20, file).take(size));
    let mut header = member_header(size);
    builder
        .append_data(&mut header, name, &mut reader)
        .map_err(|e| Error::file(path, e))?;
    if reader.count != size {
        return Err(Error::Conflict(Conflict::BackupChanged {
            path: path.to_path_buf(),
        }));
    }
    Ok(FileEntry {
        name: name.to_owned(),
        size,
        sha256: hex::encode(reader.hasher.finalize()),
    })
}

/// Writes a backup of `vault` to `out` (a new file; never overwritten). `registry` (the per-user
/// list of staging folders) lets a killed backup's copy be found wherever it was left.
pub fn backup(vault: &mut Vault, out: &Path, registry: Option<&Registry>) -> Result<BackupOutcome> {
    if fs::symlink_metadata(out).is_ok() {
        return Err(Error::WouldOverwrite(out.to_path_buf()));
    }
    // What killed backups left beside the output: each holds a full copy of the vault that
    // opens with the passphrases it had then.
    let leftovers = staging::sweep_all(out, staging::Kind::Backup, registry)?;
    let scratch = StagingDir::beside(out, staging::Kind::Backup, registry)?;
    // 1. The database snapshot; then the blobs *it* refers to.
    let snapshot = scratch.path().join(DB_FILE);
    vault.store.backup_to(&snapshot)?;
    let facts = snapshot_facts(&snapshot)?;
    let blob_dir = vault.dir().join(BLOB_DIR);

    let archive_path = scratch.path().join("backup.tar");
    let file = fsutil::create_new_private(&archive_path)?;
    let mut builder = tar::Builder::new(BufWriter::with_capacity(1 << 20, file));
    builder.mode(tar::HeaderMode::Deterministic);
    let mut files = vec![append_file(&mut builder, DB_FILE, &snapshot, None)?];
    // The copy is in the archive now: one full copy on disk is enough.
    fs::remove_file(&snapshot).map_err(|e| Error::file(&snapshot, e))?;
    for (name, size) in &facts.blobs {
        if !is_blob_name(name) {
            return Err(Error::Damage(Damage::BackupBlobName { name: name.clone() }));
        }
        files.push(append_file(
            &mut builder,
            &format!("{BLOB_DIR}/{name}"),
            &blob_dir.join(name),
            Some(*size),
        )?);
    }
    let manifest = serde_json::to_vec_pretty(&Manifest {
        format: BACKUP_FORMAT.into(),
        vault_id: facts.vault_id.clone(),
        ledger_entries: facts.ledger_entries,
        files,
    })?;
    let mut header = member_header(manifest.len() as u64);
    builder
        .append_data(&mut header, MANIFEST, manifest.as_slice())
        .map_err(|e| Error::file(&archive_path, e))?;
    let writer = builder
        .into_inner()
        .map_err(|e| Error::file(&archive_path, e))?;
    let file = writer
        .into_inner()
        .map_err(|e| Error::file(&archive_path, e.into_error()))?;
    file.sync_all().map_err(|e| Error::file(&archive_path, e))?;
    let bytes = file
        .metadata()
        .map_err(|e| Error::file(&archive_path, e))?
        .len();
    drop(file);
    // A hard link never replaces an existing file: this is the atomic, no-clobber publish.
    fs::hard_link(&archive_path, out).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => Error::WouldOverwrite(out.to_path_buf()),
        _ => Error::file(out, e),
    })?;
    let _ = fsutil::sync_parent(out);
    drop(scratch);
    Ok(BackupOutcome {
        path: out.to_path_buf(),
        vault_id: facts.vault_id,
        ledger_entries: facts.ledger_entries,
        attachments: facts.blobs.len(),
        bytes,
        leftovers_removed: leftovers.removed,
        leftovers_unreachable: leftovers.unreachable,
    })
}

/// Blob files are named by 32 lower-case hex digits (a random id).
fn is_blob_name(name: &str) -> bool {
    name.len() == 32
        && name
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// The only member names a backup may hold, as paths relative to the vault directory.
fn allowed_member(name: &str) -> bool {
    name == DB_FILE || name == MANIFEST || name.strip_prefix("blobs/").is_some_and(is_blob_name)
}

fn check_target(dir: &Path) -> Result<()> {
    match fs::symlink_metadata(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::file(dir, e)),
        Ok(m) if !m.is_dir() => Err(Error::WouldOverwrite(dir.to_path_buf())),
        Ok(_) => {
            let mut entries = fs::read_dir(dir).map_err(|e| Error::file(dir, e))?;
            if entries.next().is_some() {
                Err(Error::Input(Input::RestoreNotEmpty {
                    dir: dir.to_path_buf(),
                }))
            } else {
                Ok(())
            }
        }
    }
}

/// On a new computer the folders above the vault may not exist yet (`~/.local/share` before
/// any program wrote there): the missing ones are made, private (0700). Folders that exist are
/// left as they are.
fn make_parents(dir: &Path) -> Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    let parent = fsutil::parent_dir(dir);
    if parent.exists() {
        return Ok(());
    }
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(parent)
        .map_err(|e| Error::file(parent, e))
}

/// Recreates a vault in `dir` (which must not exist or be empty) from a backup file; `registry`
/// as for [`backup`].
pub fn restore(archive: &Path, dir: &Path, registry: Option<&Registry>) -> Result<RestoreOutcome> {
    check_target(dir)?;
    let file = File::open(archive).map_err(|e| Error::file(archive, e))?;
    make_parents(dir)?;
    let leftovers = staging::sweep_all(dir, staging::Kind::Restore, registry)?;
    let scratch = StagingDir::beside(dir, staging::Kind::Restore, registry)?;
    // The vault is built in a folder of its own inside the staging folder: it holds exactly
    // what the restored vault holds, and is what moves into place; the staging folder (with its
    // marker) is removed afterwards.
    let staged = scratch.path().join("vault");
    fsutil::create_private_dir(&staged.join(BLOB_DIR))?;
    let bad = |flaw: BackupFlaw| {
        Error::Input(Input::NotABackup {
            archive: archive.to_path_buf(),
            flaw,
        })
    };
    let archive_error = |e: std::io::Error| {
        bad(BackupFlaw::Archive {
            detail: e.to_string(),
        })
    };

    let mut archive_reader = tar::Archive::new(BufReader::with_capacity(1 << 20, file));
    let mut seen: BTreeMap<String, FileEntry> = BTreeMap::new();
    let mut manifest: Option<Manifest> = None;
    let entries = archive_reader.entries().map_err(archive_error)?;
    for entry in entries {
        let mut entry = entry.map_err(archive_error)?;
        let raw = entry.path_bytes();
        let name = std::str::from_utf8(&raw)
            .map_err(|_| bad(BackupFlaw::NameNotUtf8))?
            .to_owned();
        if !allowed_member(&name) {
            return Err(bad(BackupFlaw::UnexpectedMember { name }));
        }
        if entry.header().entry_type() != tar::EntryType::Regular {
            return Err(bad(BackupFlaw::NotRegular { name }));
        }
        if manifest.is_some() || seen.contains_key(&name) {
            return Err(bad(BackupFlaw::OutOfPlace { name }));
        }
        let size = entry.size();
        if name == MANIFEST {
            if size > MANIFEST_MAX {
                return Err(bad(BackupFlaw::ManifestTooLarge));
            }
            let mut text = Vec::new();
            (&mut entry)
                .take(MANIFEST_MAX)
                .read_to_end(&mut text)
                .map_err(archive_error)?;
            let m: Manifest = serde_json::from_slice(&text).map_err(|e| {
                bad(BackupFlaw::ManifestUnparsable {
                    detail: e.to_string(),
                })
            })?;
            if m.format != BACKUP_FORMAT {
                return Err(bad(BackupFlaw::UnknownFormat { format: m.format }));
            }
            manifest = Some(m);
            continue;
        }
        let dest = staged.join(&name);
        let out = fsutil::create_new_private(&dest)?;
        let mut writer = BufWriter::with_capacity(1 << 20, out);
        let mut reader = hashing(&mut entry);
        std::io::copy(&mut reader, &mut writer).map_err(|e| {
            bad(BackupFlaw::Copy {
                name: name.clone(),
                detail: e.to_string(),
            })
        })?;
        let out = writer
            .into_inner()
            .map_err(|e| Error::file(&dest, e.into_error()))?;
        out.sync_all().map_err(|e| Error::file(&dest, e))?;
        seen.insert(
            name.clone(),
            FileEntry {
                name,
                size: reader.count,
                sha256: hex::encode(reader.hasher.finalize()),
            },
        );
    }
    let manifest = manifest.ok_or_else(|| bad(BackupFlaw::ManifestMissing))?;
    let listed: BTreeMap<String, FileEntry> = manifest
        .files
        .iter()
        .map(|f| (f.name.clone(), f.clone()))
        .collect();
    if listed.len() != manifest.files.len() || listed != seen {
        return Err(bad(BackupFlaw::FilesDiffer));
    }
    if !seen.contains_key(DB_FILE) {
        return Err(bad(BackupFlaw::NoDatabase));
    }
    fsutil::sync_dir(&staged.join(BLOB_DIR))?;
    fsutil::sync_dir(&staged)?;

    // The restored vault must open and pass the checks that need no passphrase.
    let (vault_id, ledger_entries, attachments) = {
        let mut vault = Vault::open(&staged)?;
        if vault.id() != manifest.vault_id {
            return Err(bad(BackupFlaw::OtherVault));
        }
        let report = vault.verify(None, None)?;
        if let Some(p) = report.problems.first() {
            return Err(Error::Damage(Damage::RestoreNotVerified {
                problems: report.problems.len(),
                item: p.item.to_string(),
                detail: p.detail.to_string(),
            }));
        }
        (
            vault.id().to_owned(),
            report.ledger_entries,
            report.attachments,
        )
    };
    check_target(dir)?;
    if dir.exists() {
        fs::remove_dir(dir).map_err(|e| Error::file(dir, e))?;
    }
    fs::rename(&staged, dir).map_err(|e| Error::file(dir, e))?;
    drop(scratch);
    let _ = fsutil::sync_parent(dir);
    Ok(RestoreOutcome {
        path: dir.to_path_buf(),
        vault_id,
        ledger_entries,
        attachments,
        leftovers_removed: leftovers.removed,
        leftovers_unreachable: leftovers.unreachable,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_vault_members_are_allowed() {
        for ok in [
            "vault.db",
            "manifest.json",
            "blobs/0123456789abcdef0123456789abcdef",
        ] {
            assert!(allowed_member(ok), "{ok}");
        }
        for bad in [
            "../vault.db",
            "/etc/passwd",
            "blobs/../../x",
            "blobs/0123456789ABCDEF0123456789abcdef",
            "blobs/0123456789abcdef0123456789abcdef/x",
            "blobs/",
            "./vault.db",
            "vault.db-wal",
        ] {
            assert!(!allowed_member(bad), "{bad}");
        }
    }
}
