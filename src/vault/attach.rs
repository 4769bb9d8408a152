//! Attachments: one streaming pass over the original computes its SHA-256 (on one thread) while
//! age encrypts it to the master recipient (on another) and a third thread hashes and writes the
//! ciphertext. Memory stays constant (a few 256 KiB chunks in flight) whatever the file size.
//!
//! Crash safety: the blob is written as `blobs/<random>.partial` under an exclusive `flock`,
//! fsynced, then given its final name (a hard link) inside the transaction that commits its row
//! and ledger leaf; the `.partial` name goes after the commit. A partial file without a live lock
//! is a leftover of an interrupted attach and is removed by [`Vault::clean_leftovers`]; a complete
//! file without a row is moved to `quarantine/`, never deleted (see there).

use std::fs::{self, File};
use std::io::{BufReader, Read, Write};
use std::path::{Path, PathBuf};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::Utc;
use rustix::fs::{flock, FlockOperation};
use sha2::{Digest, Sha256};

use super::pipeline::{self, seal_stream, SourceStamp, Writeback, CHUNK};
use super::{encrypt_padded, Unlocked, Vault};
use crate::crypto::keys::MasterKey;
use crate::crypto::sha256_hex;
use crate::error::{Conflict, Crypto, Input};
use crate::ledger::entry::ENTRY_VERSION;
use crate::ledger::Entry;
use crate::media;
use crate::record::attachment::{AttachmentBody, ATTACHMENT_FORMAT};
use crate::record::new_id;
use crate::store::{is_blob_name, AttachmentRow, BLOB_DIR, QUARANTINE_DIR};
use crate::{fsutil, Error, Result};

const PARTIAL_SUFFIX: &str = ".partial";

/// Options for [`Vault::attach`].
#[derive(Default)]
pub struct AttachOptions<'a> {
    /// Overwrite and delete the original once the encrypted copy is committed.
    pub remove_original: bool,
    /// Called with the number of bytes processed so far.
    pub progress: Option<&'a (dyn Fn(u64) + Sync)>,
}

/// What an attach did.
#[derive(Debug, Clone, serde::Serialize)]
pub struct AttachOutcome {
    pub id: String,
    pub record_id: String,
    pub name: String,
    pub size: u64,
    pub sha256: String,
    pub media_type: String,
    pub identifying: Vec<String>,
    pub metadata_readable: bool,
    pub original_removed: bool,
}

/// Where `extract` writes.
pub enum ExtractTarget<'a> {
    /// A new file (never overwritten; removed again if the hash does not match).
    File(&'a Path),
    /// A stream (standard output); a mismatch is reported after the bytes were written.
    Writer(&'a mut dyn Write),
}

fn file_name_of(path: &Path) -> (String, Option<String>) {
    let raw = path.file_name().unwrap_or(path.as_os_str());
    match raw.to_str() {
        Some(s) => (s.to_owned(), None),
        None => {
            use std::os::unix::ffi::OsStrExt;
            (
                raw.to_string_lossy().into_owned(),
                Some(URL_SAFE_NO_PAD.encode(raw.as_bytes())),
            )
        }
    }
}

/// SHA-256 and length of a file, read back from disk.
fn hash_file(path: &Path) -> Result<(u64, [u8; 32])> {
    let mut f =
        BufReader::with_capacity(CHUNK, File::open(path).map_err(|e| Error::file(path, e))?);
    let mut hasher = Sha256::new();
    let n = std::io::copy(&mut f, &mut hasher).map_err(|e| Error::file(path, e))?;
    Ok((n, hasher.finalize().into()))
}

/// Overwrites a file with zeros, syncs, and deletes it.
/// True when the original, as stat'ed `before` reading and `now`, still has the size the vault
/// stored and was not modified in between.
fn unchanged_since(before: &fs::Metadata, now: &fs::Metadata, stored: u64) -> bool {
    before.len() == stored
        && now.len() == stored
        && matches!((before.modified(), now.modified()), (Ok(a), Ok(b)) if a == b)
}

fn overwrite_and_remove(path: &Path, len: u64) -> Result<()> {
    let mut f = fs::OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(|e| Error::file(path, e))?;
    let zeros = vec![0u8; CHUNK];
    let mut left = len;
    while left > 0 {
        let n = left.min(CHUNK as u64) as usize;
        f.write_all(&zeros[..n]).map_err(|e| Error::file(path, e))?;
        left -= n as u64;
    }
    f.sync_all().map_err(|e| Error::file(path, e))?;
    drop(f);
    fs::remove_file(path).map_err(|e| Error::file(path, e))
}

impl Vault {
    /// Attaches a file to a record without the passphrase.
    pub fn attach(
        &mut self,
        record_prefix: &str,
        path: &Path,
        opts: &AttachOptions<'_>,
    ) -> Result<AttachOutcome> {
        let record_id = self.resolve_id(record_prefix)?;
        let meta = fs::metadata(path).map_err(|e| Error::file(path, e))?;
        if !meta.is_file() {
            return Err(Error::Input(Input::NotRegularFile {
                path: path.to_path_buf(),
            }));
        }
        let mut source = File::open(path).map_err(|e| Error::file(path, e))?;
        let mut head = vec![0u8; 8192];
        let mut got = 0;
        while got < head.len() {
            match source
                .read(&mut head[got..])
                .map_err(|e| Error::file(path, e))?
            {
                0 => break,
                n => got += n,
            }
        }
        head.truncate(got);
        drop(source);
        let media_type = media::sniff_media_type(&head);
        let metadata = media::read_metadata(path, &media_type);
        let source = File::open(path).map_err(|e| Error::file(path, e))?;

        self.clean_leftovers(None)?;
        let (blob_name, partial_path, blob, lock) = create_partial(&self.dir().join(BLOB_DIR))?;
        let final_path = self.store.blob_path(&blob_name);

        let result = self.seal_and_commit(
            source,
            &SourceStamp::of(&meta),
            blob,
            &record_id,
            &blob_name,
            &partial_path,
            &final_path,
            path,
            media_type,
            metadata,
            opts,
        );
        if result.is_err() {
            let _ = fs::remove_file(&partial_path);
        }
        drop(lock);
        let mut outcome = result?;
        if opts.remove_original {
            // Only what the vault stored may be destroyed: a file still being written (a
            // recording app) or edited during the attach is kept.
            let now = fs::metadata(path).map_err(|e| Error::file(path, e))?;
            if !unchanged_since(&meta, &now, outcome.size) {
                return Err(Error::Conflict(Conflict::AttachedChanged {
                    path: path.to_path_buf(),
                }));
            }
            overwrite_and_remove(path, outcome.size)?;
            outcome.original_removed = true;
        }
        Ok(outcome)
    }

    #[allow(clippy::too_many_arguments)]
    fn seal_and_commit(
        &mut self,
        source: File,
        stamp: &SourceStamp,
        blob: File,
        record_id: &str,
        blob_name: &str,
        partial_path: &Path,
        final_path: &Path,
        original: &Path,
        media_type: String,
        metadata: media::MediaMetadata,
        opts: &AttachOptions<'_>,
    ) -> Result<AttachOutcome> {
        // The file must not change between the `stat` above (before its first bytes were
        // sniffed) and the end of reading: a file truncated or extended meanwhile is refused,
        // never stored in part.
        let sealed = seal_stream(
            source,
            stamp,
            original,
            blob,
            &self.recipient.0,
            opts.progress,
        )?;
        // Before the original is destroyed, read the written blob back from disk. Without
        // --remove-original this extra SHA-256 pass over the whole blob is skipped: the writer
        // thread already hashed exactly the bytes it wrote, and the file was fsynced.
        if opts.remove_original {
            let (len, hash) = hash_file(partial_path)?;
            if len != sealed.blob_size || hash != sealed.blob_sha256 {
                return Err(Error::Crypto(Crypto::ReadBack));
            }
        }
        let (name, name_bytes) = file_name_of(original);
        let id = new_id();
        let body = AttachmentBody {
            format: ATTACHMENT_FORMAT.into(),
            id: id.clone(),
            record_id: record_id.to_owned(),
            name: name.clone(),
            name_bytes,
            size: sealed.size,
            sha256: hex::encode(sealed.sha256),
            media_type: media_type.clone(),
            attached_at: Utc::now(),
            metadata,
            salts: AttachmentBody::fresh_salts(),
        };
        let meta_ct = encrypt_padded(&self.recipient, &serde_json::to_vec(&body)?)?;
        let entry = Entry::Attachment {
            v: ENTRY_VERSION,
            id: id.clone(),
            record: record_id.to_owned(),
            blob_sha256: hex::encode(sealed.blob_sha256),
            blob_size: sealed.blob_size,
            meta_sha256: sha256_hex(&meta_ct),
            fields: body.digests()?,
        };
        let blob_dir = self.dir().join(BLOB_DIR);
        let mut linked = false;
        self.store.write(|tx| {
            super::maintenance::check_recipient(tx, &self.recipient)?;
            let leaf = tx.append_leaf(&entry.to_bytes())?;
            tx.insert_attachment(&AttachmentRow {
                id: id.clone(),
                record_id: record_id.to_owned(),
                blob: blob_name.to_owned(),
                blob_size: sealed.blob_size,
                meta: meta_ct.clone(),
                leaf_index: leaf,
                position: 0,
            })?;
            // A second name (hard link) rather than a rename where the file system allows it:
            // killed before the commit, the `.partial` name beside it proves that the complete
            // file is this program's interrupted write, which the clean-up may then remove
            // (see `Vault::clean_leftovers`). The `.partial` name goes after the commit.
            linked = fsutil::link_or_rename(partial_path, final_path)?;
            fsutil::sync_dir(&blob_dir)
        })?;
        if linked {
            let _ = fs::remove_file(partial_path);
        }
        Ok(AttachOutcome {
            id,
            record_id: record_id.to_owned(),
            name,
            size: sealed.size,
            sha256: body.sha256.clone(),
            media_type,
            identifying: body.metadata.identifying(),
            metadata_readable: !matches!(
                body.metadata.status,
                media::MetadataStatus::Unreadable { .. }
            ),
            original_removed: false,
        })
    }

    /// Tidies `blobs/` after an interrupted attach or rekey, never deleting data:
    ///
    /// - a `<blob>.partial` file no live process holds (an attach or rekey holds its `flock`) is
    ///   this program's own interrupted write, and is removed;
    /// - a complete blob file that no committed attachment owns is moved to `quarantine/` in the
    ///   vault folder, where `verify` reports it with how to remove it. It may be the only copy
    ///   of an attachment that another copy of `vault.db` recorded (an older database put back
    ///   after a rekey, another vault's database copied in). Only a copy this database's ledger
    ///   itself committed to (by its SHA-256), of an attachment whose current file is present, is
    ///   removed instead: the old-key copy a completed rekey did not get to delete.
    ///
    /// Only names the vault creates (32 lower-case hex digits, optionally `.partial`) are
    /// touched, through a handle on `blobs/` opened without following links; a `blobs` link is
    /// refused. `current` is unused (kept for callers); the decision no longer depends on keys.
    pub fn clean_leftovers(&mut self, current: Option<&MasterKey>) -> Result<Cleanup> {
        let _ = current;
        let dir_path = self.dir().join(BLOB_DIR);
        let Some(dir) = fsutil::open_dir_nofollow(&dir_path)? else {
            return Ok(Cleanup::default());
        };
        let mut candidates: Vec<String> = Vec::new();
        for entry in
            rustix::fs::Dir::read_from(&dir).map_err(|e| Error::file(&dir_path, e.into()))?
        {
            let entry = entry.map_err(|e| Error::file(&dir_path, e.into()))?;
            if let Ok(name) = entry.file_name().to_str() {
                if is_blob_name(name.strip_suffix(PARTIAL_SUFFIX).unwrap_or(name)) {
                    candidates.push(name.to_owned());
                }
            }
        }
        if candidates.is_empty() {
            return Ok(Cleanup::default());
        }
        // Complete names first: one whose `.partial` twin is still there is decided with it.
        candidates.sort_by_key(|n| n.ends_with(PARTIAL_SUFFIX));
        let vault_dir = self.dir().to_path_buf();
        // Inside a write transaction, no attach can be between its rename and its commit.
        let outcome = self.store.write(|tx| {
            let mut out = Cleanup::default();
            let mut own: Option<std::collections::HashSet<String>> = None;
            let mut quarantine: Option<rustix::fd::OwnedFd> = None;
            for name in candidates {
                let partial = name.ends_with(PARTIAL_SUFFIX);
                if !partial && tx.blob_is_committed(&name)? {
                    continue;
                }
                let Some(file) = open_regular_nofollow(&dir, &name) else {
                    continue;
                };
                if flock(&file, FlockOperation::NonBlockingLockExclusive).is_err() {
                    continue; // an attach or rekey in progress holds it
                }
                if partial {
                    if rustix::fs::unlinkat(&dir, name.as_str(), rustix::fs::AtFlags::empty())
                        .is_ok()
                    {
                        out.removed += 1;
                    }
                    continue;
                }
                // An attach killed between giving the file its final name and committing: the
                // `.partial` name of the same file is still beside it.
                let twin = format!("{name}{PARTIAL_SUFFIX}");
                if same_file(&dir, &twin, &file) {
                    let _ = rustix::fs::unlinkat(&dir, twin.as_str(), rustix::fs::AtFlags::empty());
                    if rustix::fs::unlinkat(&dir, name.as_str(), rustix::fs::AtFlags::empty())
                        .is_ok()
                    {
                        out.removed += 1;
                    }
                    continue;
                }
                if own.is_none() {
                    own = Some(superseded_copies(tx, &dir_path)?);
                }
                let mut reader = BufReader::with_capacity(CHUNK, &file);
                let mut hasher = Sha256::new();
                if std::io::copy(&mut reader, &mut hasher).is_err() {
                    continue; // unreadable: left where it is
                }
                let sha = hex::encode(hasher.finalize());
                if own.as_ref().is_some_and(|o| o.contains(&sha)) {
                    if rustix::fs::unlinkat(&dir, name.as_str(), rustix::fs::AtFlags::empty())
                        .is_ok()
                    {
                        out.removed += 1;
                    }
                    continue;
                }
                // A move that fails (a full disk, a read-only folder) leaves the file where it
                // is: still kept, still counted by `verify`, and no reason to stop the command.
                if quarantine.is_none() {
                    quarantine = open_quarantine(&vault_dir).ok();
                }
                let Some(q) = &quarantine else {
                    continue;
                };
                if fsutil::move_between(&dir, &name, q, &vault_dir.join(QUARANTINE_DIR)).is_ok() {
                    out.quarantined += 1;
                }
            }
            Ok(out)
        })?;
        if outcome.quarantined > 0 {
            let _ = fsutil::sync_dir(&vault_dir.join(QUARANTINE_DIR));
        }
        if outcome.removed + outcome.quarantined > 0 {
            let _ = fsutil::sync_dir(&dir_path);
        }
        Ok(outcome)
    }
}

/// What [`Vault::clean_leftovers`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cleanup {
    /// Files removed: interrupted writes, and superseded copies this database committed to.
    pub removed: usize,
    /// Complete files no committed attachment owns, moved to `quarantine/`.
    pub quarantined: usize,
}

/// Opens `name` in `dir` for reading when it is a regular file (not a link, not a folder).
fn open_regular_nofollow(dir: &rustix::fd::OwnedFd, name: &str) -> Option<File> {
    use rustix::fs::{fstat, openat, FileType, Mode, OFlags};
    let fd = openat(
        dir,
        name,
        OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::CLOEXEC | OFlags::NONBLOCK,
        Mode::empty(),
    )
    .ok()?;
    let st = fstat(&fd).ok()?;
    (FileType::from_raw_mode(st.st_mode) == FileType::RegularFile).then(|| File::from(fd))
}

/// True when `name` in `dir` is the very file `file` is open on (same device and inode).
fn same_file(dir: &rustix::fd::OwnedFd, name: &str, file: &File) -> bool {
    use rustix::fs::{fstat, statat, AtFlags};
    match (statat(dir, name, AtFlags::SYMLINK_NOFOLLOW), fstat(file)) {
        (Ok(a), Ok(b)) => a.st_dev == b.st_dev && a.st_ino == b.st_ino,
        _ => false,
    }
}

/// Opens (creating it, mode 0700) the vault's quarantine folder, refusing a link.
fn open_quarantine(vault_dir: &Path) -> Result<rustix::fd::OwnedFd> {
    let path = vault_dir.join(QUARANTINE_DIR);
    match rustix::fs::mkdir(&path, rustix::fs::Mode::from_raw_mode(0o700)) {
        Ok(()) | Err(rustix::io::Errno::EXIST) => {}
        Err(e) => return Err(Error::file(&path, e.into())),
    }
    fsutil::open_dir_nofollow(&path)?.ok_or_else(|| {
        Error::file(
            &path,
            std::io::Error::new(
                std::io::ErrorKind::NotFound,
                "the quarantine folder vanished",
            ),
        )
    })
}

/// SHA-256 of every blob this database's ledger committed to for an attachment whose current
/// file is present: its attachment entry and re-encryptions. An unowned file with one of these
/// hashes is a copy a rekey superseded (or a duplicate of the current file): safe to remove.
/// Creates `blobs/<new id>.partial` and holds its `flock`, which tells a concurrent clean-up that
/// the file is alive. A clean-up in another process may lock and remove a `.partial` file in the
/// instant between its creation and this lock; once the lock is held no clean-up can remove it,
/// so a file found unlinked then is given up and a new one made. Returns the blob name, the
/// `.partial` path, the file and the descriptor that holds the lock.
pub(super) fn create_partial(blob_dir: &Path) -> Result<(String, PathBuf, File, File)> {
    use std::os::unix::fs::MetadataExt;
    for _ in 0..8 {
        let name = new_id();
        let partial = blob_dir.join(format!("{name}{PARTIAL_SUFFIX}"));
        let file = fsutil::create_new_private(&partial)?;
        let lock = file.try_clone()?;
        // Blocking: a clean-up holding the lock is about to remove the file and let it go.
        flock(&lock, FlockOperation::LockExclusive).map_err(|e| Error::file(&partial, e.into()))?;
        if lock
            .metadata()
            .map_err(|e| Error::file(&partial, e))?
            .nlink()
            > 0
        {
            return Ok((name, partial, file, lock));
        }
    }
    Err(Error::Busy)
}

fn superseded_copies(
    tx: &crate::store::Tx<'_>,
    blob_dir: &Path,
) -> Result<std::collections::HashSet<String>> {
    let rows = tx.all_attachments()?;
    let present: std::collections::HashSet<u64> = rows
        .iter()
        .filter(|r| is_blob_name(&r.blob) && blob_dir.join(&r.blob).is_file())
        .map(|r| r.leaf_index)
        .collect();
    let mut out = std::collections::HashSet::new();
    tx.for_each_ledger_batch(1024, |batch| {
        for row in batch {
            match Entry::from_bytes(&row.entry) {
                Ok(Entry::Attachment { blob_sha256, .. }) if present.contains(&row.index) => {
                    out.insert(blob_sha256);
                }
                Ok(Entry::Reencrypt {
                    leaf,
                    blob_sha256: Some(sha),
                    ..
                }) if present.contains(&leaf) => {
                    out.insert(sha);
                }
                _ => {}
            }
        }
        Ok(())
    })?;
    Ok(out)
}

impl Unlocked {
    /// Decrypts attachment `number` (1-based) of a record, checking its SHA-256 while streaming.
    pub fn extract(
        &mut self,
        record_prefix: &str,
        number: u64,
        target: ExtractTarget<'_>,
        progress: Option<&(dyn Fn(u64) + Sync)>,
    ) -> Result<AttachmentBody> {
        let record_id = self.vault.resolve_id(record_prefix)?;
        let rows = self.vault.store.read(|tx| tx.attachments_of(&record_id))?;
        let row = rows.iter().find(|r| r.position == number).ok_or_else(|| {
            Error::Input(Input::NoAttachment {
                record: record_id.to_owned(),
                number: number as usize,
                count: rows.len(),
            })
        })?;
        let body = self.open_attachment(row)?;
        let blob_path = self.vault.store.blob_path(&row.blob);
        match target {
            ExtractTarget::File(out) => {
                let mut file = fsutil::create_new_private(out)?;
                let res = Writeback::start(&file)
                    .map_err(|e| Error::file(out, e))
                    .and_then(|mut wb| {
                        pipeline::open_stream(
                            &self.master,
                            &blob_path,
                            &body,
                            &mut file,
                            Some(&mut wb),
                            progress,
                        )?;
                        wb.finish().map_err(|e| Error::file(out, e))
                    })
                    .and_then(|_| file.sync_all().map_err(|e| Error::file(out, e)));
                if res.is_err() {
                    drop(file);
                    let _ = fs::remove_file(out);
                }
                res?;
            }
            ExtractTarget::Writer(w) => self.decrypt_blob(&blob_path, &body, w, progress)?,
        }
        Ok(body)
    }

    pub(crate) fn decrypt_blob(
        &self,
        blob_path: &Path,
        body: &AttachmentBody,
        out: &mut dyn Write,
        progress: Option<&(dyn Fn(u64) + Sync)>,
    ) -> Result<()> {
        decrypt_blob(&self.master, blob_path, body, out, progress)
    }
}

/// Streams a blob's plaintext into `out`, checking it (see [`pipeline::open_stream`]).
pub(crate) fn decrypt_blob(
    master: &MasterKey,
    blob_path: &Path,
    body: &AttachmentBody,
    out: &mut dyn Write,
    progress: Option<&(dyn Fn(u64) + Sync)>,
) -> Result<()> {
    pipeline::open_stream(master, blob_path, body, out, None, progress)
}

/// Checks a blob against its description (size, padding, plaintext SHA-256, a clean end) and
/// takes the SHA-256 of the blob file in the same read, writing the plaintext nowhere;
/// `blob_hash` is complete only when this succeeds. A blob checked `alone` (nothing else being
/// checked beside it) gets three threads ([`pipeline::open_stream_hashing`]); otherwise the
/// calling thread does all of it ([`pipeline::check_blob`]), which costs less per byte.
pub(crate) fn check_blob(
    master: &MasterKey,
    blob_path: &Path,
    body: &AttachmentBody,
    blob_hash: &mut [u8; 32],
    alone: bool,
) -> Result<()> {
    if alone {
        let mut sink = std::io::sink();
        pipeline::open_stream_hashing(
            master,
            blob_path,
            body,
            &mut sink,
            None,
            None,
            Some(blob_hash),
        )
    } else {
        pipeline::check_blob(master, blob_path, body, blob_hash)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, SystemTime};

    #[test]
    fn an_original_that_grew_or_was_touched_is_not_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("original.bin");
        fs::write(&path, b"recorded").unwrap();
        let when = SystemTime::UNIX_EPOCH + Duration::from_secs(1_800_000_000);
        File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(when)
            .unwrap();
        let before = fs::metadata(&path).unwrap();
        assert!(unchanged_since(&before, &fs::metadata(&path).unwrap(), 8));
        // Stored fewer bytes than the file had (it grew while read).
        assert!(!unchanged_since(&before, &fs::metadata(&path).unwrap(), 5));

        let mut f = File::options().append(true).open(&path).unwrap();
        f.write_all(b" more").unwrap();
        f.set_modified(when).unwrap();
        assert!(!unchanged_since(&before, &fs::metadata(&path).unwrap(), 8));

        // Same size, new contents: the modification time moved.
        fs::write(&path, b"RECORDED").unwrap();
        File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(when + Duration::from_secs(1))
            .unwrap();
        assert!(!unchanged_since(&before, &fs::metadata(&path).unwrap(), 8));
    }
}
