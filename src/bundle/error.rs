//! What writing, reading and trusting bundles can fail with. Variants carry data, never
//! sentences: the text comes from the message catalogue (`## bundle` in `i18n/<lang>/vault.ftl`)
//! in the process's language. Refusals of a bundle say what is wrong with it and that nothing was
//! tried or written; they quote the bundle's own text (entry names, a parser's complaint), which
//! the CLI shows terminal-safe.

use std::fmt;
use std::path::PathBuf;

use crate::i18n::{self, FluentArgs, FluentValue, Lang};

/// Everything `bundle` can fail with.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    // --- the age layer (reader)
    /// The age header is longer than any bundle's.
    HeaderTooLarge {
        limit_kib: u64,
    },
    /// More recipient stanzas than any bundle has.
    TooManyStanzas {
        limit: usize,
    },
    /// A passphrase stanza asks for more scrypt work than the limit.
    ScryptTooCostly {
        factor: u8,
        limit: u8,
        mib: u64,
    },
    /// The same, as the age crate reports it.
    ScryptExcessive {
        factor: u8,
        limit: u8,
    },
    /// A passphrase stanza that does not parse.
    ScryptMalformed,
    NotAgeFile {
        path: PathBuf,
    },
    NotForThisKey,
    WrongPassphrase,
    DoesNotDecrypt {
        detail: String,
    },
    Truncated {
        detail: String,
    },
    NotAnArchive {
        detail: String,
    },
    // --- the archive (reader)
    TooManyEntries,
    EntryUnreadable {
        index: usize,
        detail: String,
    },
    EntryIsLink {
        name: String,
    },
    EntryUnsafePath {
        name: String,
    },
    EntryCompressed {
        name: String,
    },
    EntryTooLarge {
        name: String,
        size: u64,
    },
    /// The entries declare more bytes in all than the bundle holds: some overlap, so that
    /// checking them would read the same bytes again and again.
    EntriesOverlap {
        total: u64,
        bundle: u64,
    },
    EntryTwice {
        name: String,
    },
    /// A member could not be opened.
    Member {
        name: String,
        detail: String,
    },
    MemberTooLarge {
        name: String,
    },
    MemberUnreadable {
        name: String,
        detail: String,
    },
    NoManifest,
    ManifestDuplicateKey {
        detail: String,
    },
    ManifestInvalid {
        detail: String,
    },
    UnknownFormat {
        format: String,
    },
    EarlierDoesNotVerify {
        path: PathBuf,
    },
    DoesNotVerify {
        problems: usize,
    },
    /// A member read again after the bundle verified is not the member that verified (the
    /// file changed in place between the two reads).
    ChangedSinceVerified {
        name: String,
    },
    // --- writing
    Archive {
        detail: String,
    },
    /// A value that does not serialize (never expected).
    Encode {
        detail: String,
    },
    TooLargeToStrip {
        name: String,
    },
    StripFailed {
        name: String,
        detail: String,
    },
    // --- what to export
    CannotRedact {
        field: String,
    },
    CoarsenPlaces,
    NothingSelected,
    NoRecipient,
    NotInExport {
        id: String,
        export: String,
    },
    NoSuchField {
        id: String,
        field: String,
    },
    // --- recipients and identities
    PrivateKeyRecipient,
    BadAgeRecipient {
        text: String,
        detail: String,
    },
    BadSshRecipient {
        text: String,
    },
    UnknownRecipient {
        text: String,
    },
    BadSshKey {
        path: PathBuf,
        detail: String,
    },
    EncryptedSshKey {
        path: PathBuf,
    },
    BadIdentityFile {
        path: PathBuf,
        detail: String,
    },
    UnusableIdentity {
        path: PathBuf,
        detail: String,
    },
    NoIdentity {
        path: PathBuf,
    },
    // --- counsel's trusted senders
    BadFingerprint,
    BadTrustFile {
        path: PathBuf,
        detail: String,
    },
    TrustFileFormat {
        path: PathBuf,
    },
    BadSenderName {
        max: usize,
    },
    BadVaultId,
    VaultTrustedOtherKey {
        id: String,
        fingerprint: String,
        path: PathBuf,
    },
    TrustFileWrite {
        detail: String,
    },
    // --- the export and bundle commands
    GeneratePassphraseConflict,
    WeakPassphrase,
    NoBundlePassphrase,
    GiveRecipient,
    ManyKeysNeedYes,
    PolicyNeedsConfirm,
    ChooseExport,
    MetadataNeedsConfirm,
    BadPolicy {
        path: PathBuf,
        detail: String,
    },
    GiveIdentity,
    NoStateDir,
    // --- the court packet (src/bundle/packet)
    /// A page-id prefix that is empty, too long or not letters, digits, `-` and `_`.
    PagePrefix {
        prefix: String,
        max: usize,
    },
    /// A first page number out of range.
    PageStart {
        start: u64,
    },
    /// `bundle exhibit` would write into a folder that already exists.
    ExhibitFolderExists {
        path: PathBuf,
    },
    PassphraseFileEmpty {
        path: PathBuf,
    },
    PassphraseUnreadable {
        detail: String,
    },
}

impl Error {
    /// The catalogue id and its arguments. Values quoted in running text are quoted the way
    /// `lang` does (`"x"` or `«x»`).
    fn message(&self, lang: Lang) -> (&'static str, Vec<(&'static str, FluentValue<'_>)>) {
        use Error as E;
        let s = |v: &str| FluentValue::from(v.to_owned());
        let p = |v: &PathBuf| FluentValue::from(v.display().to_string());
        let n = |v: u64| FluentValue::from(v);
        let q = |v: &str| {
            FluentValue::from(match lang {
                Lang::En => format!("{v:?}"),
                Lang::Es => format!("«{v}»"),
            })
        };
        match self {
            E::HeaderTooLarge { limit_kib } => {
                ("bundle-header-too-large", vec![("limit", n(*limit_kib))])
            }
            E::TooManyStanzas { limit } => {
                ("bundle-too-many-stanzas", vec![("limit", n(*limit as u64))])
            }
            E::ScryptTooCostly { factor, limit, mib } => (
                "bundle-scrypt-too-costly",
                vec![
                    ("factor", n(u64::from(*factor))),
                    ("limit", n(u64::from(*limit))),
                    ("mib", n(*mib)),
                ],
            ),
            E::ScryptExcessive { factor, limit } => (
                "bundle-scrypt-excessive",
                vec![
                    ("factor", n(u64::from(*factor))),
                    ("limit", n(u64::from(*limit))),
                ],
            ),
            E::ScryptMalformed => ("bundle-scrypt-malformed", vec![]),
            E::NotAgeFile { path } => ("bundle-not-age", vec![("path", p(path))]),
            E::NotForThisKey => ("bundle-not-for-this-key", vec![]),
            E::WrongPassphrase => ("bundle-wrong-passphrase", vec![]),
            E::DoesNotDecrypt { detail } => {
                ("bundle-does-not-decrypt", vec![("detail", s(detail))])
            }
            E::Truncated { detail } => ("bundle-truncated", vec![("detail", s(detail))]),
            E::NotAnArchive { detail } => ("bundle-not-an-archive", vec![("detail", s(detail))]),
            E::TooManyEntries => ("bundle-too-many-entries", vec![]),
            E::EntryUnreadable { index, detail } => (
                "bundle-entry-unreadable",
                vec![("index", n(*index as u64)), ("detail", s(detail))],
            ),
            E::EntryIsLink { name } => ("bundle-entry-link", vec![("name", q(name))]),
            E::EntryUnsafePath { name } => ("bundle-entry-unsafe-path", vec![("name", q(name))]),
            E::EntryCompressed { name } => ("bundle-entry-compressed", vec![("name", q(name))]),
            E::EntryTooLarge { name, size } => (
                "bundle-entry-too-large",
                vec![("name", q(name)), ("size", n(*size))],
            ),
            E::EntriesOverlap { total, bundle } => (
                "bundle-entries-overlap",
                vec![("total", n(*total)), ("bundle", n(*bundle))],
            ),
            E::EntryTwice { name } => ("bundle-entry-twice", vec![("name", q(name))]),
            E::Member { name, detail } => (
                "bundle-member",
                vec![("name", s(name)), ("detail", s(detail))],
            ),
            E::MemberTooLarge { name } => ("bundle-member-too-large", vec![("name", s(name))]),
            E::MemberUnreadable { name, detail } => (
                "bundle-member-unreadable",
                vec![("name", s(name)), ("detail", s(detail))],
            ),
            E::NoManifest => ("bundle-no-manifest", vec![]),
            E::ManifestDuplicateKey { detail } => {
                ("bundle-manifest-duplicate-key", vec![("detail", s(detail))])
            }
            E::ManifestInvalid { detail } => {
                ("bundle-manifest-invalid", vec![("detail", s(detail))])
            }
            E::UnknownFormat { format } => ("bundle-unknown-format", vec![("format", q(format))]),
            E::EarlierDoesNotVerify { path } => {
                ("bundle-earlier-does-not-verify", vec![("path", p(path))])
            }
            E::DoesNotVerify { problems } => (
                "bundle-does-not-verify",
                vec![("count", n(*problems as u64))],
            ),
            E::ChangedSinceVerified { name } => {
                ("bundle-changed-since-verified", vec![("name", s(name))])
            }
            E::Archive { detail } => ("bundle-archive-write", vec![("detail", s(detail))]),
            E::Encode { detail } => ("bundle-encode", vec![("detail", s(detail))]),
            E::TooLargeToStrip { name } => ("bundle-too-large-to-strip", vec![("name", s(name))]),
            E::StripFailed { name, detail } => (
                "bundle-strip-failed",
                vec![("name", s(name)), ("detail", s(detail))],
            ),
            E::CannotRedact { field } => (
                "bundle-cannot-redact",
                vec![
                    ("field", q(field)),
                    ("fields", s(&super::plan::redactable_list(lang))),
                ],
            ),
            E::CoarsenPlaces => ("bundle-coarsen-places", vec![]),
            E::NothingSelected => ("bundle-nothing-selected", vec![]),
            E::NoRecipient => ("bundle-no-recipient", vec![]),
            E::NotInExport { id, export } => (
                "bundle-not-in-export",
                vec![("id", s(id)), ("export", s(export))],
            ),
            E::NoSuchField { id, field } => (
                "bundle-no-such-field",
                vec![("id", s(id)), ("field", q(field))],
            ),
            E::PrivateKeyRecipient => ("bundle-private-key-recipient", vec![]),
            E::BadAgeRecipient { text, detail } => (
                "bundle-bad-age-recipient",
                vec![("text", q(text)), ("detail", s(detail))],
            ),
            E::BadSshRecipient { text } => ("bundle-bad-ssh-recipient", vec![("text", q(text))]),
            E::UnknownRecipient { text } => ("bundle-unknown-recipient", vec![("text", q(text))]),
            E::BadSshKey { path, detail } => (
                "bundle-bad-ssh-key",
                vec![("path", p(path)), ("detail", s(detail))],
            ),
            E::EncryptedSshKey { path } => ("bundle-encrypted-ssh-key", vec![("path", p(path))]),
            E::BadIdentityFile { path, detail } => (
                "bundle-bad-identity-file",
                vec![("path", p(path)), ("detail", s(detail))],
            ),
            E::UnusableIdentity { path, detail } => (
                "bundle-unusable-identity",
                vec![("path", p(path)), ("detail", s(detail))],
            ),
            E::NoIdentity { path } => ("bundle-no-identity", vec![("path", p(path))]),
            E::BadFingerprint => ("bundle-bad-fingerprint", vec![]),
            E::BadTrustFile { path, detail } => (
                "bundle-bad-trust-file",
                vec![("path", p(path)), ("detail", s(detail))],
            ),
            E::TrustFileFormat { path } => ("bundle-trust-file-format", vec![("path", p(path))]),
            E::BadSenderName { max } => ("bundle-bad-sender-name", vec![("max", n(*max as u64))]),
            E::BadVaultId => ("bundle-bad-vault-id", vec![]),
            E::VaultTrustedOtherKey {
                id,
                fingerprint,
                path,
            } => (
                "bundle-vault-trusted-other-key",
                vec![
                    ("id", s(id)),
                    ("fingerprint", s(fingerprint)),
                    ("path", p(path)),
                ],
            ),
            E::TrustFileWrite { detail } => {
                ("bundle-trust-file-write", vec![("detail", s(detail))])
            }
            E::GeneratePassphraseConflict => ("bundle-generate-passphrase-conflict", vec![]),
            E::WeakPassphrase => ("bundle-weak-passphrase", vec![]),
            E::NoBundlePassphrase => ("bundle-no-passphrase", vec![]),
            E::GiveRecipient => ("bundle-give-recipient", vec![]),
            E::ManyKeysNeedYes => ("bundle-many-keys-need-yes", vec![]),
            E::PolicyNeedsConfirm => ("bundle-policy-needs-confirm", vec![]),
            E::ChooseExport => ("bundle-choose-export", vec![]),
            E::MetadataNeedsConfirm => ("bundle-metadata-needs-confirm", vec![]),
            E::BadPolicy { path, detail } => (
                "bundle-bad-policy",
                vec![("path", p(path)), ("detail", s(detail))],
            ),
            E::GiveIdentity => ("bundle-give-identity", vec![]),
            E::NoStateDir => ("bundle-no-state-dir", vec![]),
            E::PagePrefix { prefix, max } => (
                "bundle-packet-bad-prefix",
                vec![("prefix", q(prefix)), ("max", n(*max as u64))],
            ),
            E::PageStart { start } => ("bundle-packet-bad-start", vec![("start", n(*start))]),
            E::ExhibitFolderExists { path } => {
                ("bundle-packet-folder-exists", vec![("path", p(path))])
            }
            E::PassphraseFileEmpty { path } => {
                ("bundle-passphrase-file-empty", vec![("path", p(path))])
            }
            E::PassphraseUnreadable { detail } => {
                ("bundle-passphrase-unreadable", vec![("detail", s(detail))])
            }
        }
    }

    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let (id, pairs) = self.message(lang);
        let args: FluentArgs = i18n::args(pairs);
        i18n::text_in(lang, id, Some(&args))
    }

    /// The message in English, for details that stay English whatever the language (a problem
    /// detail in `--json`).
    pub fn english(&self) -> String {
        self.render(Lang::En)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(i18n::language()))
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    /// One of every variant (the match in `message` makes a new variant a compile error until
    /// it has an id; this list makes it a test failure until it is rendered).
    fn every_variant() -> Vec<Error> {
        use Error as E;
        let path = || PathBuf::from("/tmp/x");
        let d = || "detail".to_owned();
        vec![
            E::HeaderTooLarge { limit_kib: 256 },
            E::TooManyStanzas { limit: 64 },
            E::ScryptTooCostly {
                factor: 22,
                limit: 20,
                mib: 4096,
            },
            E::ScryptExcessive {
                factor: 22,
                limit: 20,
            },
            E::ScryptMalformed,
            E::NotAgeFile { path: path() },
            E::NotForThisKey,
            E::WrongPassphrase,
            E::DoesNotDecrypt { detail: d() },
            E::Truncated { detail: d() },
            E::NotAnArchive { detail: d() },
            E::TooManyEntries,
            E::EntryUnreadable {
                index: 3,
                detail: d(),
            },
            E::EntryIsLink { name: "a".into() },
            E::EntryUnsafePath {
                name: "../a".into(),
            },
            E::EntryCompressed { name: "a".into() },
            E::EntryTooLarge {
                name: "a".into(),
                size: 9,
            },
            E::EntriesOverlap {
                total: 90,
                bundle: 9,
            },
            E::EntryTwice { name: "a".into() },
            E::Member {
                name: "a".into(),
                detail: d(),
            },
            E::MemberTooLarge { name: "a".into() },
            E::MemberUnreadable {
                name: "a".into(),
                detail: d(),
            },
            E::NoManifest,
            E::ManifestDuplicateKey { detail: d() },
            E::ManifestInvalid { detail: d() },
            E::UnknownFormat { format: "x".into() },
            E::EarlierDoesNotVerify { path: path() },
            E::DoesNotVerify { problems: 1 },
            E::DoesNotVerify { problems: 2 },
            E::ChangedSinceVerified { name: "a".into() },
            E::Archive { detail: d() },
            E::Encode { detail: d() },
            E::TooLargeToStrip {
                name: "a.jpg".into(),
            },
            E::StripFailed {
                name: "a.jpg".into(),
                detail: d(),
            },
            E::CannotRedact {
                field: "witness".into(),
            },
            E::CoarsenPlaces,
            E::NothingSelected,
            E::NoRecipient,
            E::NotInExport {
                id: "ab".into(),
                export: "cd".into(),
            },
            E::NoSuchField {
                id: "ab".into(),
                field: "x".into(),
            },
            E::PrivateKeyRecipient,
            E::BadAgeRecipient {
                text: "age1x".into(),
                detail: d(),
            },
            E::BadSshRecipient {
                text: "ssh-x".into(),
            },
            E::UnknownRecipient { text: "x".into() },
            E::BadSshKey {
                path: path(),
                detail: d(),
            },
            E::EncryptedSshKey { path: path() },
            E::BadIdentityFile {
                path: path(),
                detail: d(),
            },
            E::UnusableIdentity {
                path: path(),
                detail: d(),
            },
            E::NoIdentity { path: path() },
            E::BadFingerprint,
            E::BadTrustFile {
                path: path(),
                detail: d(),
            },
            E::TrustFileFormat { path: path() },
            E::BadSenderName { max: 80 },
            E::BadVaultId,
            E::VaultTrustedOtherKey {
                id: "ab".into(),
                fingerprint: "1 2".into(),
                path: path(),
            },
            E::TrustFileWrite { detail: d() },
            E::GeneratePassphraseConflict,
            E::WeakPassphrase,
            E::NoBundlePassphrase,
            E::GiveRecipient,
            E::ManyKeysNeedYes,
            E::PolicyNeedsConfirm,
            E::ChooseExport,
            E::MetadataNeedsConfirm,
            E::BadPolicy {
                path: path(),
                detail: d(),
            },
            E::GiveIdentity,
            E::NoStateDir,
            E::PagePrefix {
                prefix: "a b".into(),
                max: 16,
            },
            E::PageStart { start: 0 },
            E::ExhibitFolderExists { path: path() },
            E::PassphraseFileEmpty { path: path() },
            E::PassphraseUnreadable { detail: d() },
        ]
    }

    #[test]
    fn every_variant_renders_in_both_languages() {
        for e in every_variant() {
            for lang in [Lang::En, Lang::Es] {
                let (id, _) = e.message(lang);
                let text = e.render(lang);
                assert!(!text.is_empty() && text != id, "{id} missing in {lang:?}");
                assert!(!text.contains("{$") && !text.contains("{ $"), "{text}");
            }
        }
    }

    #[test]
    fn english_is_as_before_and_plurals_follow_the_count() {
        let e = Error::ScryptTooCostly {
            factor: 22,
            limit: 20,
            mib: 4096,
        };
        assert_eq!(
            e.english(),
            "the bundle's passphrase asks for scrypt work factor 22, above the limit of 20 (it would take 4096 MiB of memory); refusing before deriving any key"
        );
        assert_eq!(
            Error::EntryUnsafePath {
                name: "../a".into()
            }
            .english(),
            "archive entry \"../a\" has an unsafe path; refusing"
        );
        assert_eq!(
            Error::CannotRedact { field: "witness".into() }.english(),
            "invalid input: cannot redact \"witness\"; fields are: kind, when, location, narrative, agents, vehicles, witnesses, tags, attachments, recorded_at"
        );
        assert!(Error::DoesNotVerify { problems: 1 }
            .english()
            .contains("(1 problem)"));
        assert!(Error::DoesNotVerify { problems: 2 }
            .english()
            .contains("(2 problems)"));
        assert!(Error::DoesNotVerify { problems: 1 }
            .render(Lang::Es)
            .contains("(1 problema)"));
    }

    #[test]
    fn spanish_has_no_english_sentence_and_no_avoided_word() {
        const ENGLISH: [&str; 6] = [
            " the ",
            " was ",
            " is not ",
            " does not ",
            " of the ",
            "refusing",
        ];
        const AVOID: [&str; 8] = [
            "huella",
            "punto de control",
            "fallo",
            "ranura",
            "Intro",
            "por omisión",
            "registro",
            "entrada",
        ];
        for e in every_variant() {
            let text = e.render(Lang::Es);
            for w in ENGLISH.iter().chain(AVOID.iter()) {
                assert!(!text.contains(w), "{w:?} in {text}");
            }
        }
    }
}
