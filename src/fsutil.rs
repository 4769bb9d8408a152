//! Defensive file writing: private modes, never overwriting, fsync before anything points at a file.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;

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
    fs::set_permissions(path, fs::Permissions::from_mode(0o700)).map_err(|e| Error::file(path, e))
}

/// fsyncs a directory so a rename or create inside it is durable.
pub fn sync_dir(path: &Path) -> Result<()> {
    File::open(path)
        .and_then(|d| d.sync_all())
        .map_err(|e| Error::file(path, e))
}
