//! The library's error type. Messages are one line, say what went wrong and, where it helps,
//! what to do; they never contain a secret. Crypto failures are deliberately vague about *why*
//! (wrong passphrase vs damaged slot) because an attacker learns from the difference.

use std::path::PathBuf;

/// Everything the library can fail with.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error("no vault at {0} (run `vault init` first, or pass --vault DIR)")]
    NoVault(PathBuf),
    #[error("a vault already exists at {0}")]
    VaultExists(PathBuf),
    #[error("{dir} already holds vault files ({found}); `vault init` will not start a new vault over them, whose attachments it would not own (if vault.db was lost, restore a backup; to start a new vault, use an empty folder)")]
    VaultFilesPresent { dir: PathBuf, found: String },
    #[error("this vault uses format version {found}, newer than this program understands ({supported}); upgrade vault")]
    NewerFormat { found: u32, supported: u32 },
    #[error("wrong passphrase (or every keyslot is damaged); nothing was changed")]
    WrongPassphrase,
    #[error("the vault has no usable keyslot: {0}")]
    NoKeyslot(String),
    /// A stored keyslot that this program could not have written, or that the ledger's signed
    /// history does not commit to: someone changed it without the passphrase. Refused before any
    /// key derivation (docs/format.md, "Keyslot check at open").
    #[error("keyslot {slot} is not what the vault's signed history commits to ({reason}): it was changed without the passphrase, or damaged, and was not used. Unlock with your recovery code or another passphrase and replace it (`vault passwd`, `vault keyslot`); `vault verify` shows what else changed")]
    TamperedKeyslot { slot: String, reason: String },
    #[error("key-derivation parameters too weak: {0}")]
    WeakKdf(String),
    #[error("the passphrase is empty")]
    EmptyPassphrase,
    #[error("{0}")]
    WeakPassphrase(String),
    #[error("no incident matches {0:?}")]
    NotFound(String),
    #[error("{prefix:?} is ambiguous: it matches {count} incidents; type more of the id")]
    AmbiguousId { prefix: String, count: usize },
    #[error("invalid input: {0}")]
    Invalid(String),
    #[error("the vault is damaged: {0} (run `vault verify` for details)")]
    Damaged(String),
    /// Someone changed the vault without the passphrase (a forged entry, a replaced key, a
    /// rollback, a recipient that differs from the pinned one); nothing was signed or saved.
    #[error("the vault was changed without the passphrase: {0}; nothing was signed or saved (run `vault verify` for details)")]
    Tampered(String),
    #[error("refusing to overwrite {0}")]
    WouldOverwrite(PathBuf),
    #[error("{path}: {source}")]
    File {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("i/o error: {0}")]
    Io(#[from] std::io::Error),
    #[error("storage error: {0}")]
    Sql(rusqlite::Error),
    #[error("encryption failed: {0}")]
    Encrypt(String),
    #[error("decryption failed: {0}")]
    Decrypt(String),
    #[error("the vault is busy (another vault command is writing); try again")]
    Busy,
    #[error("{0}")]
    Bundle(String),
    #[error("interrupted; nothing was saved")]
    Interrupted,
    // --- leftovers: a file that changed while it was attached
    #[error("{0} changed while it was being attached (its size or modification time moved); nothing was stored. Attach it again once no program is writing to it")]
    SourceChanged(PathBuf),
    // --- bounded input files (src/input.rs)
    /// An input file (receipt, JSON, policy, recipients) longer than its limit, or endless.
    #[error("{} is too large for this input (more than {}); check that it is the right file", .path.display(), size_text(*.limit))]
    TooLarge { path: PathBuf, limit: u64 },
    /// A passphrase file whose first line is longer than the limit (or has no line break).
    #[error("the first line of {} is longer than {limit} bytes; a passphrase file holds the passphrase on its first line (check that it is the right file)", .path.display())]
    LineTooLong { path: PathBuf, limit: u64 },
    /// An input file that should be text but is not UTF-8.
    #[error("{} is not text (UTF-8); check that it is the right file", .0.display())]
    NotText(PathBuf),
}

/// `65536` -> `64 KiB`, for limits in messages.
pub fn size_text(n: u64) -> String {
    match n {
        n if n >= 1 << 20 && n % (1 << 20) == 0 => format!("{} MiB", n >> 20),
        n if n >= 1 << 10 && n % (1 << 10) == 0 => format!("{} KiB", n >> 10),
        n => format!("{n} bytes"),
    }
}

/// A storage error. A database SQLite calls malformed (or not a database at all), and a value of
/// the wrong type or a NULL where the vault stores none, mean the file was damaged or edited:
/// they are [`Error::Damaged`] (exit 4, one clear line), never a bare SQLite message.
impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseCorrupt) | Some(ErrorCode::NotADatabase) => {
                return Error::Damaged(format!("the vault database is malformed (SQLite: {e})"))
            }
            _ => {}
        }
        match e {
            rusqlite::Error::InvalidColumnType(..)
            | rusqlite::Error::FromSqlConversionFailure(..)
            | rusqlite::Error::IntegralValueOutOfRange(..) => Error::Damaged(format!(
                "the vault database holds a value of the wrong type ({e})"
            )),
            e => Error::Sql(e),
        }
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Shorthand for attaching a path to an I/O error.
    pub fn file(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::File {
            path: path.into(),
            source,
        }
    }

    /// Exit code documented in docs/cli.md.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::WrongPassphrase | Error::NoKeyslot(_) => 3,
            Error::Damaged(_) | Error::Tampered(_) | Error::TamperedKeyslot { .. } => 4,
            Error::NoVault(_)
            | Error::VaultExists(_)
            | Error::VaultFilesPresent { .. }
            | Error::NewerFormat { .. } => 5,
            Error::NotFound(_) | Error::AmbiguousId { .. } => 6,
            Error::Busy => 7,
            Error::Interrupted => 130,
            _ => 1,
        }
    }
}
