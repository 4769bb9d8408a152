//! The library's error types. Messages are one line, say what went wrong and, where it helps,
//! what to do; they never contain a secret. Crypto failures are deliberately vague about *why*
//! (wrong passphrase vs damaged slot) because an attacker learns from the difference.
//!
//! Variants carry data, not sentences: every text comes from the message catalogues
//! (`i18n/<lang>/vault.ftl`, section `core`), in the process language ([`crate::i18n`]), so the
//! CLI prints `{err}` and the right language comes out. [`Error::text_in`] renders another
//! language (English for machine-read fields such as verify's problem details).
//!
//! The reasons (why the vault is damaged, what was changed without the passphrase, what input
//! was refused) live here, below every other module, so that `store`, `crypto`, `record`,
//! `ledger` and `vault` can all name them without a module circle.

mod anchor;
mod crypto;
mod custody;
mod damage;
mod input;
mod tamper;

use std::fmt;
use std::path::PathBuf;

pub use anchor::{AnchorFault, TsaFault};
pub use crypto::{Crypto, KdfLimit, NoKeyslot, Weakness};
pub use custody::Custody;
pub use damage::{AttachmentFault, Damage, ExportFault, Item, SchemaProblem};
pub use input::{BackupFlaw, Conflict, Input};
pub use tamper::{KeyslotRefusal, Tamper};

use crate::i18n::{self, FluentArgs, FluentValue, Lang};

/// A message of the catalogue: its id and its arguments.
pub(crate) trait Message {
    /// The catalogue id (`core-...`).
    fn id(&self) -> &'static str;
    /// The values the message fills in.
    fn args(&self) -> FluentArgs<'static> {
        FluentArgs::new()
    }
    /// The message in `lang`.
    fn text_in(&self, lang: Lang) -> String {
        i18n::text_in(lang, self.id(), Some(&self.args()))
    }
}

/// Fluent arguments from `name = value` pairs (owned values).
pub(crate) fn args<const N: usize>(
    pairs: [(&'static str, FluentValue<'static>); N],
) -> FluentArgs<'static> {
    i18n::args(pairs)
}

/// A text argument.
pub(crate) fn s(text: impl fmt::Display) -> FluentValue<'static> {
    FluentValue::from(text.to_string())
}

/// A text argument quoted and escaped as Rust's `{:?}` does (for names read from hostile
/// places: control characters come out escaped).
pub(crate) fn q(text: &str) -> FluentValue<'static> {
    FluentValue::from(format!("{text:?}"))
}

/// A number argument (counts, for plurals).
pub(crate) fn n(count: usize) -> FluentValue<'static> {
    FluentValue::from(count)
}

/// A path argument.
pub(crate) fn p(path: &std::path::Path) -> FluentValue<'static> {
    FluentValue::from(path.display().to_string())
}

/// Everything the library can fail with.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    NoVault(PathBuf),
    /// No vault at this path, and the drive or folder it was on is missing too (a USB stick not
    /// plugged in): not a vault never made, so no `init` is suggested.
    VaultUnplugged(PathBuf),
    VaultExists(PathBuf),
    VaultFilesPresent {
        dir: PathBuf,
        found: String,
    },
    NewerFormat {
        found: u32,
        supported: u32,
    },
    WrongPassphrase,
    NoKeyslot(NoKeyslot),
    /// A stored keyslot that this program could not have written, or that the ledger's signed
    /// history does not commit to: someone changed it without the passphrase. Refused before any
    /// key derivation (docs/format.md, "Keyslot check at open").
    TamperedKeyslot {
        slot: String,
        reason: KeyslotRefusal,
    },
    WeakKdf(KdfLimit),
    EmptyPassphrase,
    /// A passphrase zxcvbn scores below the floor, with its advice.
    PassphraseTooWeak(Weakness),
    /// Legacy: a refusal whose text the caller wrote (bundle passphrases). New code uses
    /// [`Error::PassphraseTooWeak`].
    WeakPassphrase(String),
    NotFound(String),
    AmbiguousId {
        prefix: String,
        count: usize,
    },
    /// Input refused by the library (a record, an argument, a backup file).
    Input(Input),
    /// Something changed under the command (a concurrent command, a file being written); trying
    /// again helps.
    Conflict(Conflict),
    /// Legacy: input refused with a text the caller wrote. New code uses [`Error::Input`].
    Invalid(String),
    /// The vault's files are damaged (exit 4).
    Damage(Damage),
    /// Legacy: damage described by the caller. New code uses [`Error::Damage`].
    Damaged(String),
    /// Someone changed the vault without the passphrase (a forged entry, a replaced key, a
    /// rollback, a recipient that differs from the pinned one); nothing was signed or saved.
    Tamper(Tamper),
    /// Legacy: a change without the passphrase described by the caller. New code uses
    /// [`Error::Tamper`].
    Tampered(String),
    WouldOverwrite(PathBuf),
    File {
        path: PathBuf,
        source: std::io::Error,
    },
    Io(std::io::Error),
    /// The vault folder cannot be written (SQLite must write beside the database even to read).
    NotWritable {
        dir: PathBuf,
        source: std::io::Error,
    },
    /// The disk holding the vault is full.
    DiskFull(PathBuf),
    Sql(rusqlite::Error),
    /// Encryption, decryption or key derivation failed.
    Crypto(Crypto),
    /// Legacy: an encryption failure described by the caller. New code uses [`Error::Crypto`].
    Encrypt(String),
    /// Legacy: a decryption failure described by the caller. New code uses [`Error::Crypto`].
    Decrypt(String),
    /// A value the program made could not be written as JSON (never happens with the program's
    /// own types).
    Json(serde_json::Error),
    Busy,
    /// A bundle could not be written or read (src/bundle/error.rs).
    Bundle(crate::bundle::Error),
    Interrupted,
    // --- leftovers: a file that changed while it was attached
    SourceChanged(PathBuf),
    // --- bounded input files (src/input.rs)
    /// An input file (receipt, JSON, policy, recipients) longer than its limit, or endless.
    TooLarge {
        path: PathBuf,
        limit: u64,
    },
    /// A passphrase file whose first line is longer than the limit (or has no line break).
    LineTooLong {
        path: PathBuf,
        limit: u64,
    },
    /// An input file that should be text but is not UTF-8.
    NotText(PathBuf),
    /// Travel mode and the detention plan (src/error/custody.rs).
    Custody(Custody),
    /// An RFC 3161 timestamp or a witness cosignature refused (src/anchor/, src/witness/).
    Anchor(AnchorFault),
    /// `vault anchor request --tsa`: the authority gave no usable answer (src/anchor/http.rs).
    Tsa(TsaFault),
}

/// `65536` -> `64 KiB`, for limits in messages.
pub fn size_text(n: u64) -> String {
    match n {
        n if n >= 1 << 20 && n % (1 << 20) == 0 => format!("{} MiB", n >> 20),
        n if n >= 1 << 10 && n % (1 << 10) == 0 => format!("{} KiB", n >> 10),
        n => format!("{n} bytes"),
    }
}

/// The size as [`size_text`] writes it, in `lang` (`bytes` is a word).
fn size_text_in(lang: Lang, n: u64) -> String {
    match n {
        n if n >= 1 << 10 && n % (1 << 10) == 0 => size_text(n),
        n => i18n::text_in(
            lang,
            "core-size-bytes",
            Some(&args([("count", FluentValue::from(n))])),
        ),
    }
}

/// The text of an I/O error in `lang`: in English as the system (or the program) says it; in
/// another language the common kinds in words, others as the system says them.
pub fn io_text(lang: Lang, e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    if lang == Lang::En {
        return e.to_string();
    }
    let id = match e.kind() {
        K::NotFound => "core-io-not-found",
        K::PermissionDenied => "core-io-permission-denied",
        K::AlreadyExists => "core-io-already-exists",
        K::UnexpectedEof => "core-io-unexpected-eof",
        K::StorageFull => "core-io-storage-full",
        K::IsADirectory => "core-io-is-a-directory",
        K::ReadOnlyFilesystem => "core-io-read-only",
        _ => return e.to_string(),
    };
    i18n::text_in(lang, id, None)
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::File { source, .. } => Some(source),
            Error::Io(e) | Error::NotWritable { source: e, .. } => Some(e),
            Error::Sql(e) => Some(e),
            Error::Json(e) => Some(e),
            _ => None,
        }
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::Io(e)
    }
}

/// A storage error. A database SQLite calls malformed (or not a database at all), and a value of
/// the wrong type or a NULL where the vault stores none, mean the file was damaged or edited:
/// they are [`Error::Damage`] (exit 4, one clear line), never a bare SQLite message.
impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseCorrupt) | Some(ErrorCode::NotADatabase) => {
                return Error::Damage(Damage::DbMalformed {
                    sqlite: e.to_string(),
                })
            }
            _ => {}
        }
        match e {
            rusqlite::Error::InvalidColumnType(..)
            | rusqlite::Error::FromSqlConversionFailure(..)
            | rusqlite::Error::IntegralValueOutOfRange(..) => Error::Damage(Damage::DbWrongType {
                sqlite: e.to_string(),
            }),
            e => Error::Sql(e),
        }
    }
}

impl From<Damage> for Error {
    fn from(d: Damage) -> Self {
        Error::Damage(d)
    }
}

impl From<TsaFault> for Error {
    fn from(t: TsaFault) -> Self {
        Error::Tsa(t)
    }
}

impl From<AnchorFault> for Error {
    fn from(a: AnchorFault) -> Self {
        Error::Anchor(a)
    }
}

impl From<Tamper> for Error {
    fn from(t: Tamper) -> Self {
        Error::Tamper(t)
    }
}

impl From<Input> for Error {
    fn from(i: Input) -> Self {
        Error::Input(i)
    }
}

impl From<Conflict> for Error {
    fn from(c: Conflict) -> Self {
        Error::Conflict(c)
    }
}

impl From<Custody> for Error {
    fn from(c: Custody) -> Self {
        Error::Custody(c)
    }
}

impl From<Crypto> for Error {
    fn from(c: Crypto) -> Self {
        Error::Crypto(c)
    }
}

impl From<crate::bundle::Error> for Error {
    fn from(e: crate::bundle::Error) -> Self {
        Error::Bundle(e)
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Self {
        Error::Json(e)
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
            Error::Damaged(_)
            | Error::Damage(_)
            | Error::Tampered(_)
            | Error::Tamper(_)
            | Error::TamperedKeyslot { .. } => 4,
            Error::NoVault(_)
            | Error::VaultUnplugged(_)
            | Error::VaultExists(_)
            | Error::VaultFilesPresent { .. }
            | Error::NewerFormat { .. } => 5,
            Error::NotFound(_) | Error::AmbiguousId { .. } => 6,
            Error::Busy => 7,
            Error::Interrupted => 130,
            Error::Custody(c) => c.exit_code(),
            _ => 1,
        }
    }

    /// The message in the process language (what `Display` prints).
    fn text(&self) -> String {
        self.text_in(i18n::language())
    }

    /// The message in `lang`. English is the text of machine-read fields (verify's problem
    /// details in `--json`), whatever the process language.
    pub fn text_in(&self, lang: Lang) -> String {
        let t = |id: &str, a: FluentArgs<'_>| i18n::text_in(lang, id, Some(&a));
        let none = FluentArgs::new;
        match self {
            Error::NoVault(dir) => t("core-no-vault", args([("dir", p(dir))])),
            Error::VaultUnplugged(dir) => t("core-vault-unplugged", args([("dir", p(dir))])),
            Error::VaultExists(dir) => t("core-vault-exists", args([("dir", p(dir))])),
            Error::VaultFilesPresent { dir, found } => t(
                "core-vault-files-present",
                args([("dir", p(dir)), ("found", s(found))]),
            ),
            Error::NewerFormat { found, supported } => t(
                "core-newer-format",
                args([("found", s(found)), ("supported", s(supported))]),
            ),
            Error::WrongPassphrase => t("core-wrong-passphrase", none()),
            Error::NoKeyslot(why) => t("core-no-keyslot", args([("reason", s(why.text_in(lang)))])),
            Error::TamperedKeyslot { slot, reason } => t(
                "core-tampered-keyslot",
                args([("slot", s(slot)), ("reason", s(reason.text_in(lang)))]),
            ),
            Error::WeakKdf(why) => t("core-weak-kdf", args([("reason", s(why.text_in(lang)))])),
            Error::EmptyPassphrase => t("core-empty-passphrase", none()),
            Error::PassphraseTooWeak(w) => w.text_in(lang),
            // Spanish quotes the text with «»; the CLI prints every error terminal-safe.
            Error::NotFound(what) => t(
                "core-not-found",
                args([("query", q(what)), ("text", s(what))]),
            ),
            Error::AmbiguousId { prefix, count } => t(
                "core-ambiguous-id",
                args([
                    ("prefix", q(prefix)),
                    ("text", s(prefix)),
                    ("count", n(*count)),
                ]),
            ),
            Error::Input(i) => t("core-invalid-input", args([("detail", s(i.text_in(lang)))])),
            Error::Conflict(c) => t("core-invalid-input", args([("detail", s(c.text_in(lang)))])),
            Error::Damage(d) => t("core-damaged", args([("detail", s(d.text_in(lang)))])),
            Error::Tamper(x) => t("core-tampered", args([("detail", s(x.text_in(lang)))])),
            Error::WouldOverwrite(path) => t("core-would-overwrite", args([("path", p(path))])),
            Error::File { path, source } => t(
                "core-file",
                args([("path", p(path)), ("detail", s(io_text(lang, source)))]),
            ),
            Error::Io(e) => t("core-io", args([("detail", s(io_text(lang, e)))])),
            Error::NotWritable { dir, source } => t(
                "core-not-writable",
                args([("dir", p(dir)), ("detail", s(io_text(lang, source)))]),
            ),
            Error::DiskFull(dir) => t("core-disk-full", args([("dir", p(dir))])),
            Error::Sql(e) => t("core-sql", args([("detail", s(e))])),
            Error::Crypto(c) => c.text_in(lang),
            Error::Json(e) => t("core-json", args([("detail", s(e))])),
            Error::Busy => t("core-busy", none()),
            Error::Interrupted => t("core-interrupted", none()),
            Error::SourceChanged(path) => t("core-source-changed", args([("path", p(path))])),
            Error::TooLarge { path, limit } => t(
                "core-too-large",
                args([("path", p(path)), ("limit", s(size_text_in(lang, *limit)))]),
            ),
            Error::LineTooLong { path, limit } => t(
                "core-line-too-long",
                args([("path", p(path)), ("limit", s(limit))]),
            ),
            Error::NotText(path) => t("core-not-text", args([("path", p(path))])),
            // Legacy variants: the caller wrote the text (in the process language).
            Error::WeakPassphrase(_)
            | Error::Invalid(_)
            | Error::Damaged(_)
            | Error::Tampered(_)
            | Error::Encrypt(_)
            | Error::Decrypt(_) => self.legacy_text(),
            Error::Bundle(b) => b.render(lang),
            Error::Custody(c) => c.text_in(lang),
            Error::Anchor(a) => t("core-anchor", args([("detail", s(a.text_in(lang)))])),
            Error::Tsa(f) => f.text_in(lang),
        }
    }

    /// The English text of a variant whose text the caller wrote.
    fn legacy_text(&self) -> String {
        match self {
            Error::WeakPassphrase(s) => s.clone(),
            Error::Invalid(s) => format!("invalid input: {s}"),
            Error::Damaged(s) => {
                format!("the vault is damaged: {s} (run `vault verify` for details)")
            }
            Error::Tampered(s) => format!("the vault was changed without the passphrase: {s}; nothing was signed or saved (run `vault verify` for details)"),
            Error::Encrypt(s) => format!("encryption failed: {s}"),
            Error::Decrypt(s) => format!("decryption failed: {s}"),
            other => other.text_in(Lang::En),
        }
    }

    /// The inner text, without the kind's frame ("the vault is damaged: ... (run `vault
    /// verify`...)", "invalid input: "), in `lang`: what a report or a line under a question
    /// shows. `None` for variants that have no frame.
    pub fn detail_in(&self, lang: Lang) -> Option<String> {
        match self {
            Error::Damage(d) => Some(d.text_in(lang)),
            Error::Tamper(t) => Some(t.text_in(lang)),
            Error::Input(i) => Some(i.text_in(lang)),
            Error::Conflict(c) => Some(c.text_in(lang)),
            Error::Damaged(s) | Error::Tampered(s) | Error::Invalid(s) => Some(s.clone()),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests;
