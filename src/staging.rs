//! Staging copies written beside an output (`backup`, `restore`, `export`), and the recognition of
//! the ones a killed run left behind.
//!
//! A backup stages a full copy of the database, a restore a whole vault, an export an encrypted
//! bundle, each in the folder of its output so that publishing it is an atomic link or rename. Each
//! is removed on every exit path the process lives through (errors included). A process killed
//! outright (SIGKILL, Ctrl-C, power loss) cannot clean up, so the next run of the same command in
//! the same folder does it: it removes what matches, exactly, the names this module makes and that
//! no live process holds, and nothing else. Recognition, in order:
//!
//! - the name: `.<output name>.backup-<32 hex>` or `.<output name>.restore-<32 hex>` (a folder),
//!   `.<output name>.export-<32 hex>.partial` (a file);
//! - not a symbolic link, and the right type (folder or regular file);
//! - no live lock: a running command holds an exclusive `flock` on its staging folder or file
//!   until it is gone;
//! - a marker: a staging folder holds [`MARKER`] with [`MARKER_TEXT`] (a folder from an earlier
//!   release, without the marker, is recognised only when it holds nothing but the files that
//!   release put there); an export's partial file is empty or starts with the age header.

use std::fs::{self, File};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use rustix::fs::{flock, FlockOperation};

use crate::{fsutil, Error, Result};

/// The marker file inside a staging folder.
pub const MARKER: &str = "VAULT-STAGING";
/// Its exact contents.
pub const MARKER_TEXT: &[u8] =
    b"vault staging folder: removed by the next run of the same command\n";
/// The first bytes of every age file (the bundle format's header).
const AGE_MAGIC: &[u8] = b"age-encryption.org/v1\n";

/// What made a staging copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `vault backup`: a folder with a database copy and the archive being written.
    Backup,
    /// `vault restore`: a folder that becomes the restored vault.
    Restore,
    /// `vault export` (and `disclose`): the encrypted bundle being written.
    Export,
}

impl Kind {
    fn tag(self) -> &'static str {
        match self {
            Kind::Backup => "backup",
            Kind::Restore => "restore",
            Kind::Export => "export",
        }
    }

    /// What a folder of an earlier release (no marker) may hold: names of regular files at its
    /// top, and whether a `blobs` folder of blob files may be there too.
    fn legacy_contents(self) -> (&'static [&'static str], bool) {
        const DB: [&str; 4] = [
            "vault.db",
            "vault.db-journal",
            "vault.db-wal",
            "vault.db-shm",
        ];
        match self {
            Kind::Backup => (
                &[
                    "vault.db",
                    "vault.db-journal",
                    "vault.db-wal",
                    "vault.db-shm",
                    "backup.tar",
                ],
                false,
            ),
            Kind::Restore => (&DB, true),
            Kind::Export => (&[], false),
        }
    }
}

/// Name of an output's file or folder, for the staging name beside it: at most 64 characters, so
/// that the staging name stays within a file system's name limit whatever the output's length
/// (recognition does not depend on this part).
fn output_name(target: &Path) -> String {
    target
        .file_name()
        .map(|n| n.to_string_lossy().chars().take(64).collect())
        .unwrap_or_else(|| "vault".into())
}

/// True for `.<anything>.<tag>-<32 lower-case hex><suffix>`.
fn matches_pattern(name: &str, kind: Kind) -> bool {
    let suffix = if kind == Kind::Export { ".partial" } else { "" };
    let Some(rest) = name.strip_suffix(suffix) else {
        return false;
    };
    let tail = format!(".{}-", kind.tag());
    let rest = rest.as_bytes();
    // A dot, at least one byte of name, the tag, the id.
    if rest.first() != Some(&b'.') || rest.len() < 2 + tail.len() + 32 {
        return false;
    }
    let (head, id) = rest.split_at(rest.len() - 32);
    id.iter()
        .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(b))
        && head.ends_with(tail.as_bytes())
}

/// Takes the lock that says "a live command uses this"; false when another process holds it.
fn try_lock(file: &File) -> bool {
    flock(file, FlockOperation::NonBlockingLockExclusive).is_ok()
}

/// A staging folder beside an output: private (0700), marked, locked while this process lives,
/// and removed on drop (what is published is linked or moved out of it first).
pub struct StagingDir {
    path: PathBuf,
    /// The open folder, holding the lock.
    _lock: File,
    registry: Option<Registry>,
}

impl StagingDir {
    /// Creates `.<name of target>.<kind>-<random>` in the folder that holds `target`, and lists
    /// it in `registry` (when given) until it is gone.
    pub fn beside(target: &Path, kind: Kind, registry: Option<&Registry>) -> Result<StagingDir> {
        let parent = fsutil::parent_dir(target);
        let name = format!(
            ".{}.{}-{}",
            output_name(target),
            kind.tag(),
            crate::record::new_id()
        );
        let path = parent.join(name);
        // Not recursive: a mistyped destination must not create folders.
        {
            use std::os::unix::fs::DirBuilderExt;
            fs::DirBuilder::new()
                .mode(0o700)
                .create(&path)
                .map_err(|e| Error::file(parent, e))?;
        }
        let made = (|| -> Result<File> {
            let lock = File::open(&path).map_err(|e| Error::file(&path, e))?;
            if !try_lock(&lock) {
                return Err(Error::Busy);
            }
            let mut marker = fsutil::create_new_private(&path.join(MARKER))?;
            marker
                .write_all(MARKER_TEXT)
                .map_err(|e| Error::file(path.join(MARKER), e))?;
            Ok(lock)
        })();
        match made {
            Ok(lock) => {
                // Best effort: without the list, the next run in this folder still finds it.
                let registry = registry.filter(|r| r.add(kind, &path).is_ok()).cloned();
                Ok(StagingDir {
                    path,
                    _lock: lock,
                    registry,
                })
            }
            Err(e) => {
                let _ = fs::remove_dir_all(&path);
                Err(e)
            }
        }
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for StagingDir {
    fn drop(&mut self) {
        if fs::remove_dir_all(&self.path).is_ok() {
            if let Some(r) = &self.registry {
                let _ = r.remove(&self.path);
            }
        }
    }
}

/// An export's partial bundle beside its output: `.<name>.export-<random>.partial`, 0600, locked,
/// removed on drop.
pub struct StagingFile {
    path: PathBuf,
    _lock: File,
}

impl StagingFile {
    /// Creates the file; returns it with a handle to write through.
    pub fn beside(target: &Path) -> Result<(StagingFile, File)> {
        let parent = fsutil::parent_dir(target);
        let name = format!(
            ".{}.{}-{}.partial",
            output_name(target),
            Kind::Export.tag(),
            crate::record::new_id()
        );
        let path = parent.join(name);
        let file = fsutil::create_new_private(&path)?;
        let lock = match file.try_clone() {
            Ok(l) if try_lock(&l) => l,
            Ok(_) => {
                let _ = fs::remove_file(&path);
                return Err(Error::Busy);
            }
            Err(e) => {
                let _ = fs::remove_file(&path);
                return Err(Error::file(&path, e));
            }
        };
        Ok((StagingFile { path, _lock: lock }, file))
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for StagingFile {
    fn drop(&mut self) {
        // After a successful publish the name is already gone; this is then a no-op.
        let _ = fs::remove_file(&self.path);
    }
}

/// Removes the staging copies of `kind` that killed runs left in the folder that holds `target`,
/// and an export's partial file of an earlier release (`<target>.partial`). Returns what was
/// removed. Anything that does not match exactly (see the module documentation), or that a live
/// command holds, is left alone.
pub fn sweep(target: &Path, kind: Kind) -> Result<Vec<PathBuf>> {
    let parent = fsutil::parent_dir(target);
    let mut removed = Vec::new();
    let entries = match fs::read_dir(parent) {
        Ok(e) => e,
        // The output folder does not exist (yet): the command itself reports it.
        Err(_) => return Ok(removed),
    };
    for entry in entries.flatten() {
        let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
            continue;
        };
        if !matches_pattern(&name, kind) {
            continue;
        }
        let path = entry.path();
        let gone = match kind {
            Kind::Export => remove_partial_file(&path),
            Kind::Backup | Kind::Restore => remove_staging_dir(&path, kind) == Verdict::Removed,
        };
        if gone {
            removed.push(path);
        }
    }
    if kind == Kind::Export {
        let mut legacy = target.as_os_str().to_owned();
        legacy.push(".partial");
        let legacy = PathBuf::from(legacy);
        if remove_partial_file(&legacy) {
            removed.push(legacy);
        }
    }
    Ok(removed)
}

/// Removes an unlocked regular file that is empty or starts with the age header.
fn remove_partial_file(path: &Path) -> bool {
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_file() => {}
        _ => return false,
    }
    let Ok(mut file) = open_nofollow(path) else {
        return false;
    };
    if !try_lock(&file) {
        return false;
    }
    let mut head = Vec::with_capacity(AGE_MAGIC.len());
    if (&mut file)
        .take(AGE_MAGIC.len() as u64)
        .read_to_end(&mut head)
        .is_err()
    {
        return false;
    }
    let ours = head.is_empty() || head == AGE_MAGIC;
    ours && fs::remove_file(path).is_ok()
}

/// Largest registry file read.
const REGISTRY_MAX: u64 = 1 << 20;

/// A per-user list of the staging folders of running backups and restores (a file in the user's
/// state folder, outside any vault), so that one a killed run left in a folder that is never
/// written to again is still found: the next run of the same command removes it wherever it
/// writes, or names it while its folder is not there (a disk not plugged in). One line per folder:
/// the command's tag, a space, the folder's absolute path in hex (any byte may be in a path). The
/// file is edited under an exclusive `flock`.
#[derive(Debug, Clone)]
pub struct Registry {
    file: PathBuf,
}

/// What a sweep found.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Swept {
    /// Removed.
    pub removed: Vec<PathBuf>,
    /// Listed, but in a folder that is not there now: removed by a later run once it is.
    pub unreachable: Vec<PathBuf>,
}

impl Registry {
    /// The list kept in `state_dir` (the CLI passes the per-user state folder).
    pub fn in_dir(state_dir: &Path) -> Registry {
        Registry {
            file: state_dir.join("staging"),
        }
    }

    /// Reads the list, lets `f` change it, writes it back if it changed.
    fn edit<T>(&self, f: impl FnOnce(&mut Vec<(String, PathBuf)>) -> T) -> Result<T> {
        use std::io::{Seek, SeekFrom};
        use std::os::unix::ffi::{OsStrExt, OsStringExt};
        use std::os::unix::fs::OpenOptionsExt;
        fsutil::create_private_dir(fsutil::parent_dir(&self.file))?;
        let io = |e| Error::file(&self.file, e);
        let mut file = fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o600)
            .custom_flags(rustix::fs::OFlags::NOFOLLOW.bits() as i32)
            .open(&self.file)
            .map_err(io)?;
        flock(&file, FlockOperation::LockExclusive).map_err(|e| io(e.into()))?;
        let mut text = Vec::new();
        (&mut file)
            .take(REGISTRY_MAX)
            .read_to_end(&mut text)
            .map_err(io)?;
        let before: Vec<(String, PathBuf)> = String::from_utf8_lossy(&text)
            .lines()
            .filter_map(|line| {
                let (tag, hexpath) = line.split_once(' ')?;
                let bytes = hex::decode(hexpath.trim()).ok()?;
                Some((
                    tag.to_owned(),
                    PathBuf::from(std::ffi::OsString::from_vec(bytes)),
                ))
            })
            .collect();
        let mut entries = before.clone();
        let out = f(&mut entries);
        if entries != before {
            let mut text = String::new();
            for (tag, path) in &entries {
                text.push_str(tag);
                text.push(' ');
                text.push_str(&hex::encode(path.as_os_str().as_bytes()));
                text.push('\n');
            }
            file.set_len(0).map_err(io)?;
            file.seek(SeekFrom::Start(0)).map_err(io)?;
            file.write_all(text.as_bytes()).map_err(io)?;
            file.sync_all().map_err(io)?;
        }
        Ok(out)
    }

    fn add(&self, kind: Kind, path: &Path) -> Result<()> {
        let path = fs::canonicalize(path).map_err(|e| Error::file(path, e))?;
        self.edit(|entries| entries.push((kind.tag().to_owned(), path)))
    }

    fn remove(&self, path: &Path) -> Result<()> {
        // The folder may be gone already: compare with its parent resolved instead.
        let resolved = fs::canonicalize(fsutil::parent_dir(path))
            .ok()
            .zip(path.file_name())
            .map(|(parent, name)| parent.join(name));
        self.edit(|entries| {
            entries.retain(|(_, p)| Some(p) != resolved.as_ref() && p != path);
        })
    }

    /// Removes the listed staging folders of `kind` that killed runs left, wherever they are;
    /// names the ones whose folder is not there now. Entries for folders that are gone, or that
    /// are no longer staging folders, are dropped from the list.
    pub fn sweep(&self, kind: Kind) -> Result<Swept> {
        self.edit(|entries| {
            let mut swept = Swept::default();
            entries.retain(|(tag, path)| {
                if tag != kind.tag() {
                    return true;
                }
                let named_right = path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| matches_pattern(n, kind));
                if !named_right || !path.is_absolute() {
                    return false;
                }
                if !fsutil::parent_dir(path).is_dir() {
                    swept.unreachable.push(path.clone());
                    return true;
                }
                match remove_staging_dir(path, kind) {
                    Verdict::Removed => {
                        swept.removed.push(path.clone());
                        false
                    }
                    Verdict::Busy => true,
                    Verdict::NotOurs => false,
                }
            });
            swept
        })
    }
}

/// [`sweep`] in the output's folder, then (with a registry) everywhere else the list names.
pub fn sweep_all(target: &Path, kind: Kind, registry: Option<&Registry>) -> Result<Swept> {
    let mut swept = Swept {
        removed: sweep(target, kind)?,
        unreachable: Vec::new(),
    };
    if let Some(r) = registry {
        // The list is a help, not a condition: a state folder that cannot be written must not
        // stop a backup.
        if let Ok(more) = r.sweep(kind) {
            swept.removed.extend(more.removed);
            swept.unreachable = more.unreachable;
        }
    }
    Ok(swept)
}

/// What [`remove_staging_dir`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    Removed,
    /// A running command holds it.
    Busy,
    /// Not (or no longer) a staging folder of ours, or it could not be removed.
    NotOurs,
}

/// Removes an unlocked staging folder that holds the marker, or (an earlier release's) only the
/// files that release staged there.
fn remove_staging_dir(path: &Path, kind: Kind) -> Verdict {
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_dir() => {}
        _ => return Verdict::NotOurs,
    }
    let Ok(dir) = File::open(path) else {
        return Verdict::NotOurs;
    };
    if !try_lock(&dir) {
        return Verdict::Busy;
    }
    if !(has_marker(path) || holds_only_legacy_files(path, kind)) {
        return Verdict::NotOurs;
    }
    match fs::remove_dir_all(path) {
        Ok(()) => Verdict::Removed,
        Err(_) => Verdict::NotOurs,
    }
}

fn has_marker(dir: &Path) -> bool {
    let m = dir.join(MARKER);
    match fs::symlink_metadata(&m) {
        Ok(meta) if meta.file_type().is_file() && meta.len() == MARKER_TEXT.len() as u64 => {}
        _ => return false,
    }
    let mut text = Vec::new();
    open_nofollow(&m)
        .and_then(|f| f.take(MARKER_TEXT.len() as u64 + 1).read_to_end(&mut text))
        .is_ok()
        && text == MARKER_TEXT
}

/// True when `dir` holds nothing but regular files an earlier release staged there (and, for a
/// restore, a `blobs` folder of blob files); an empty folder qualifies too.
fn holds_only_legacy_files(dir: &Path, kind: Kind) -> bool {
    let (files, blobs) = kind.legacy_contents();
    let Ok(entries) = fs::read_dir(dir) else {
        return false;
    };
    for entry in entries {
        let Ok(entry) = entry else { return false };
        let Ok(ft) = entry.file_type() else {
            return false;
        };
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            return false;
        };
        let ok = if ft.is_file() {
            files.contains(&name)
        } else if ft.is_dir() && blobs && name == crate::store::BLOB_DIR {
            holds_only_blob_files(&entry.path())
        } else {
            false
        };
        if !ok {
            return false;
        }
    }
    true
}

fn holds_only_blob_files(dir: &Path) -> bool {
    let Ok(entries) = fs::read_dir(dir) else {
        return false;
    };
    entries.into_iter().all(|e| {
        e.ok().is_some_and(|e| {
            let name = e.file_name();
            let name = name.to_str().unwrap_or_default();
            let id = name.strip_suffix(".partial").unwrap_or(name);
            e.file_type().is_ok_and(|t| t.is_file())
                && id.len() == 32
                && id
                    .bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        })
    })
}

fn open_nofollow(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    fs::OpenOptions::new()
        .read(true)
        .custom_flags(rustix::fs::OFlags::NOFOLLOW.bits() as i32)
        .open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "0123456789abcdef0123456789abcdef";

    #[test]
    fn a_long_output_name_still_gives_a_valid_staging_name() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("é".repeat(120)); // 240 bytes: near the limit of 255
        let (partial, _) = StagingFile::beside(&out).unwrap();
        let name = partial
            .path()
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .to_owned();
        assert!(
            name.len() <= 255 && matches_pattern(&name, Kind::Export),
            "{name}"
        );
        let dir = StagingDir::beside(&out, Kind::Backup, None).unwrap();
        let name = dir.path().file_name().unwrap().to_str().unwrap().to_owned();
        assert!(matches_pattern(&name, Kind::Backup), "{name}");
    }

    #[test]
    fn only_the_exact_staging_names_match() {
        for (name, kind) in [
            (format!(".out.tar.backup-{ID}"), Kind::Backup),
            (format!(".restored.restore-{ID}"), Kind::Restore),
            (format!(".bundle.age.export-{ID}.partial"), Kind::Export),
        ] {
            assert!(matches_pattern(&name, kind), "{name}");
        }
        for (name, kind) in [
            (format!("out.tar.backup-{ID}"), Kind::Backup),
            (format!(".backup-{ID}"), Kind::Backup),
            (format!("..backup-{ID}"), Kind::Backup),
            (format!(".out.backup-{}", &ID[..31]), Kind::Backup),
            (format!(".out.backup-{}", ID.to_uppercase()), Kind::Backup),
            (format!(".out.backup-{ID}x"), Kind::Backup),
            (format!(".out.restore-{ID}"), Kind::Backup),
            (format!(".out.backup-{ID}"), Kind::Restore),
            (format!(".bundle.age.export-{ID}"), Kind::Export),
            ("bundle.age.partial".to_owned(), Kind::Export),
            (format!(".bundle.age.export-{ID}.partial.txt"), Kind::Export),
        ] {
            assert!(!matches_pattern(&name, kind), "{name}");
        }
    }

    #[test]
    fn a_sweep_removes_unlocked_marked_copies_and_nothing_else() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out.tar");
        // A live one: locked by this process through its own handle.
        let live = StagingDir::beside(&out, Kind::Backup, None).unwrap();
        // A dead one, as a kill leaves it: the folder and its marker, no lock.
        let dead_path = tmp.path().join(format!(".out.tar.backup-{ID}"));
        fs::create_dir(&dead_path).unwrap();
        fs::write(dead_path.join(MARKER), MARKER_TEXT).unwrap();
        fs::write(dead_path.join("vault.db"), b"copy").unwrap();
        // An earlier release's folder: no marker, only its files.
        let legacy = tmp
            .path()
            .join(format!(".out.tar.backup-{}", "a".repeat(32)));
        fs::create_dir(&legacy).unwrap();
        fs::write(legacy.join("vault.db"), b"copy").unwrap();
        fs::write(legacy.join("backup.tar"), b"tar").unwrap();
        // Same name pattern, but holding a file that no release put there: not ours.
        let foreign = tmp
            .path()
            .join(format!(".out.tar.backup-{}", "b".repeat(32)));
        fs::create_dir(&foreign).unwrap();
        fs::write(foreign.join("notes.txt"), b"mine").unwrap();
        // A symbolic link with the pattern's name, to a folder that looks staged.
        let elsewhere = tmp.path().join("elsewhere");
        fs::create_dir(&elsewhere).unwrap();
        fs::write(elsewhere.join(MARKER), MARKER_TEXT).unwrap();
        let link = tmp
            .path()
            .join(format!(".out.tar.backup-{}", "c".repeat(32)));
        std::os::unix::fs::symlink(&elsewhere, &link).unwrap();

        let mut removed = sweep(&out, Kind::Backup).unwrap();
        removed.sort();
        let mut expected = vec![dead_path.clone(), legacy.clone()];
        expected.sort();
        assert_eq!(removed, expected);
        assert!(live.path().join(MARKER).exists());
        assert!(foreign.join("notes.txt").exists());
        assert!(elsewhere.join(MARKER).exists() && link.exists());
        drop(live);
        assert_eq!(
            fs::read_dir(tmp.path()).unwrap().count(),
            3,
            "foreign, elsewhere and the link remain"
        );
    }

    #[test]
    fn an_export_partial_is_swept_only_when_it_is_an_unlocked_age_file() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("bundle.age");
        let (live, mut file) = StagingFile::beside(&out).unwrap();
        file.write_all(AGE_MAGIC).unwrap();
        let dead = tmp.path().join(format!(".bundle.age.export-{ID}.partial"));
        fs::write(&dead, [AGE_MAGIC, b"rest of a bundle"].concat()).unwrap();
        let empty = tmp
            .path()
            .join(format!(".other.age.export-{}.partial", "d".repeat(32)));
        fs::write(&empty, b"").unwrap();
        let foreign = tmp
            .path()
            .join(format!(".x.export-{}.partial", "e".repeat(32)));
        fs::write(&foreign, b"a user's own file").unwrap();
        let legacy = tmp.path().join("bundle.age.partial");
        fs::write(&legacy, [AGE_MAGIC, b"old"].concat()).unwrap();
        let mut removed = sweep(&out, Kind::Export).unwrap();
        removed.sort();
        let mut expected = vec![dead, empty, legacy];
        expected.sort();
        assert_eq!(removed, expected);
        assert!(live.path().exists(), "a live export's file is kept");
        assert!(foreign.exists(), "a file that is not an age file is kept");
        drop(live);
    }

    #[test]
    fn the_registry_finds_dead_copies_elsewhere_and_names_unreachable_ones() {
        let tmp = tempfile::tempdir().unwrap();
        let registry = Registry::in_dir(&tmp.path().join("state"));
        let here = tmp.path().join("here");
        let usb = tmp.path().join("usb");
        let gone = tmp.path().join("gone");
        for d in [&here, &usb, &gone] {
            fs::create_dir(d).unwrap();
        }
        // A live one is listed while it lives, and leaves the list when dropped.
        let live = StagingDir::beside(&here.join("a.tar"), Kind::Backup, Some(&registry)).unwrap();
        let listed = |r: &Registry| r.edit(|e| e.clone()).unwrap();
        assert_eq!(listed(&registry).len(), 1);
        assert_eq!(registry.sweep(Kind::Backup).unwrap(), Swept::default());
        drop(live);
        assert!(listed(&registry).is_empty());

        // Dead ones, as kills leave them: listed, marked, unlocked.
        let dead = |dir: &Path| {
            let p = dir.join(format!(".b.tar.backup-{}", crate::record::new_id()));
            fs::create_dir(&p).unwrap();
            fs::write(p.join(MARKER), MARKER_TEXT).unwrap();
            fs::write(p.join("vault.db"), b"copy").unwrap();
            registry.add(Kind::Backup, &p).unwrap();
            fs::canonicalize(&p).unwrap()
        };
        let on_usb = dead(&usb);
        let in_gone = dead(&gone);
        let unplugged = tmp.path().join("unplugged");
        fs::rename(&gone, &unplugged).unwrap();
        // A restore's entry is not a backup's business.
        let restore = here.join(format!(".r.restore-{}", crate::record::new_id()));
        fs::create_dir(&restore).unwrap();
        fs::write(restore.join(MARKER), MARKER_TEXT).unwrap();
        registry.add(Kind::Restore, &restore).unwrap();

        let swept = registry.sweep(Kind::Backup).unwrap();
        assert_eq!(swept.removed, vec![on_usb.clone()]);
        assert_eq!(swept.unreachable, vec![in_gone.clone()]);
        assert!(!on_usb.exists());
        assert!(restore.exists());
        assert_eq!(
            listed(&registry).len(),
            2,
            "the unreachable and the restore stay listed"
        );

        // Plugged in again: removed then, and the list forgets it.
        fs::rename(&unplugged, &gone).unwrap();
        let swept = registry.sweep(Kind::Backup).unwrap();
        assert_eq!(swept.removed, vec![in_gone.clone()]);
        assert!(!in_gone.exists());
        assert_eq!(listed(&registry).len(), 1);

        // A listed folder that is no longer ours (no marker, a user's file) is dropped, not
        // removed.
        let stranger = usb.join(format!(".b.tar.backup-{}", crate::record::new_id()));
        fs::create_dir(&stranger).unwrap();
        fs::write(stranger.join("notes.txt"), b"mine").unwrap();
        registry.add(Kind::Backup, &stranger).unwrap();
        assert_eq!(registry.sweep(Kind::Backup).unwrap(), Swept::default());
        assert!(stranger.join("notes.txt").exists());
        assert_eq!(listed(&registry).len(), 1);
    }
}
