//! Defensive file writing: private modes, never overwriting, fsync before anything points at a file.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;

use crate::error::Damage;
use crate::{Error, Result};

/// Creates a new file with mode 0600, refusing to replace an existing one.
pub fn create_new_private(path: &Path) -> Result<File> {
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => Error::WouldOverwrite(path.to_path_buf()),
            _ => Error::file(path, e),
        })
}

/// Writes `bytes` to a new 0600 file and fsyncs it. On failure the partial file is removed.
pub fn write_new_private(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut f = create_new_private(path)?;
    let res = f.write_all(bytes).and_then(|_| f.sync_all());
    if let Err(e) = res {
        let _ = fs::remove_file(path);
        return Err(Error::file(path, e));
    }
    // The file's name must survive a crash too. Best effort: some file systems (a FAT stick,
    // a network share) refuse to sync a directory, and the file itself is already on disk.
    let _ = sync_parent(path);
    Ok(())
}

/// The directory that holds `path` (`.` for a bare file name).
pub fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// fsyncs the directory that holds `path`, so a new name there is durable.
pub fn sync_parent(path: &Path) -> Result<()> {
    sync_dir(parent_dir(path))
}

/// Creates a directory (and parents) with mode 0700, tightening it if it already exists.
pub fn create_private_dir(path: &Path) -> Result<()> {
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(path)
        .map_err(|e| Error::file(path, e))?;
    // Tightened through a handle opened without following a link: a planted link must not
    // make vault change the mode of a folder elsewhere. A link is left as it is.
    let dir = match open_dir_nofollow(path) {
        Ok(Some(fd)) => fd,
        Ok(None) | Err(Error::Damage(_)) => return Ok(()),
        Err(e) => return Err(e),
    };
    rustix::fs::fchmod(&dir, rustix::fs::Mode::from_raw_mode(0o700))
        .map_err(|e| Error::file(path, e.into()))
}

/// A folder for files a command writes out for a person (`bundle open`, `bundle exhibit`): made
/// new with mode 0700 and never through a link planted at its name (`mkdir` does not follow
/// one). An existing folder is taken only when `existing_ok`, and only a real, empty one.
/// Returns whether this call made it.
pub fn create_output_dir(path: &Path, existing_ok: bool) -> Result<bool> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent).map_err(|e| Error::file(parent, e))?;
    }
    match fs::DirBuilder::new().mode(0o700).create(path) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            let real_dir = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_dir());
            let empty = real_dir
                && fs::read_dir(path)
                    .map(|mut d| d.next().is_none())
                    .unwrap_or(false);
            if existing_ok && empty {
                create_private_dir(path)?;
                Ok(false)
            } else {
                Err(Error::WouldOverwrite(path.to_path_buf()))
            }
        }
        Err(e) => Err(Error::file(path, e)),
    }
}

/// A folder inside an output folder (`records/`, `attachments/<id>/`), made with mode 0700;
/// one already there is taken only if it is a real folder (this run made it), never a link.
pub fn create_output_subdir(path: &Path) -> Result<()> {
    match fs::DirBuilder::new().mode(0o700).create(path) {
        Ok(()) => Ok(()),
        Err(e)
            if e.kind() == std::io::ErrorKind::AlreadyExists
                && fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_dir()) =>
        {
            Ok(())
        }
        Err(e) => Err(Error::file(path, e)),
    }
}

/// Opens a file vault keeps (an attachment's blob) for reading: never through a link planted in
/// its place, and only a regular file, so a FIFO or device planted under its name is refused at
/// once instead of blocking the command forever (`O_NONBLOCK` makes the open itself return).
pub fn open_regular_nofollow(path: &Path) -> std::io::Result<File> {
    use rustix::fs::{FileType, OFlags};
    let flags = OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC;
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(flags.bits() as i32)
        .open(path)?;
    let st = rustix::fs::fstat(&file).map_err(std::io::Error::from)?;
    if FileType::from_raw_mode(st.st_mode) != FileType::RegularFile {
        return Err(std::io::Error::other("not a regular file"));
    }
    Ok(file)
}

/// The fault of a blob that [`open_regular_nofollow`] could not open: missing, or something
/// other than a regular file in its place.
pub(crate) fn blob_open_fault(e: &std::io::Error) -> crate::error::AttachmentFault {
    match e.kind() {
        std::io::ErrorKind::NotFound => crate::error::AttachmentFault::Missing,
        _ => crate::error::AttachmentFault::Unreadable,
    }
}

/// fsyncs a directory so a rename or create inside it is durable.
pub fn sync_dir(path: &Path) -> Result<()> {
    File::open(path)
        .and_then(|d| d.sync_all())
        .map_err(|e| Error::file(path, e))
}

/// Opens a directory without following a symbolic link at its last component (`O_NOFOLLOW`,
/// `O_DIRECTORY`), so that work done relative to the handle stays inside it even if the name
/// is swapped for a link afterwards. `Ok(None)` when it does not exist; a link or a non-directory
/// is refused as damage (SECURITY.md, adversary 7: a planted `blobs` link must not make vault
/// delete or move files elsewhere).
pub fn open_dir_nofollow(path: &Path) -> Result<Option<rustix::fd::OwnedFd>> {
    use rustix::fs::{openat, Mode, OFlags, CWD};
    match openat(
        CWD,
        path,
        OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC,
        Mode::empty(),
    ) {
        Ok(fd) => Ok(Some(fd)),
        Err(rustix::io::Errno::NOENT) => Ok(None),
        Err(rustix::io::Errno::LOOP) | Err(rustix::io::Errno::NOTDIR) => {
            Err(Error::Damage(Damage::NotAFolder {
                path: path.to_path_buf(),
            }))
        }
        Err(e) => Err(Error::file(path, e.into())),
    }
}

/// Moves `name` from the directory `from` into the directory `to`, never replacing a file
/// there: when the name is taken, `.1`, `.2`, ... is appended. Returns the name it got.
pub fn move_between(
    from: &rustix::fd::OwnedFd,
    name: &str,
    to: &rustix::fd::OwnedFd,
    to_path: &Path,
) -> Result<String> {
    use rustix::fs::{renameat, renameat_with, statat, AtFlags, RenameFlags};
    for n in 0..1000u32 {
        let target = if n == 0 {
            name.to_owned()
        } else {
            format!("{name}.{n}")
        };
        match renameat_with(from, name, to, &target, RenameFlags::NOREPLACE) {
            Ok(()) => return Ok(target),
            Err(rustix::io::Errno::EXIST) => continue,
            // File systems without RENAME_NOREPLACE: check, then rename (a folder only vault
            // writes to, so the gap between the two does not matter).
            Err(rustix::io::Errno::INVAL) | Err(rustix::io::Errno::NOSYS) => {
                match statat(to, &target, AtFlags::SYMLINK_NOFOLLOW) {
                    Ok(_) => continue,
                    Err(rustix::io::Errno::NOENT) => {
                        renameat(from, name, to, &target)
                            .map_err(|e| Error::file(to_path.join(&target), e.into()))?;
                        return Ok(target);
                    }
                    Err(e) => return Err(Error::file(to_path.join(&target), e.into())),
                }
            }
            Err(e) => return Err(Error::file(to_path.join(&target), e.into())),
        }
    }
    Err(Error::file(
        to_path.join(name),
        std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            "too many files of this name already",
        ),
    ))
}

/// Group- or other-accessible modes among the vault folder and the given names in it (the
/// database, its log files, `blobs/`). Symbolic links are not followed. A fixed handful of
/// `stat` calls, whatever the vault size. Empty when everything is private to the owner.
pub fn loose_permissions(dir: &Path, names: &[&str]) -> Vec<std::path::PathBuf> {
    let loose = |p: &Path| {
        fs::symlink_metadata(p)
            .is_ok_and(|m| !m.file_type().is_symlink() && m.permissions().mode() & 0o077 != 0)
    };
    std::iter::once(dir.to_path_buf())
        .chain(names.iter().map(|n| dir.join(n)))
        .filter(|p| loose(p))
        .collect()
}

/// Gives the file `from` the second name `to` (a hard link; `to` must not exist) and returns
/// true; where the file system has no hard links (FAT, some network shares), renames it and
/// returns false. Used to commit blob files (see `Vault::clean_leftovers`).
pub fn link_or_rename(from: &Path, to: &Path) -> Result<bool> {
    match fs::hard_link(from, to) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(Error::file(to, e)),
        Err(_) => fs::rename(from, to)
            .map(|_| false)
            .map_err(|e| Error::file(to, e)),
    }
}
