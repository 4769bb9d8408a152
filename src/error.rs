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
    #[error("keyslot {slot} has unsafe key-derivation parameters ({reason}); refusing to use it")]
    UnsafeKdf { slot: String, reason: String },
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
            Error::WrongPassphrase | Error::NoKeyslot(_) | Error::UnsafeKdf { .. } => 3,
            Error::Damaged(_) => 4,
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
