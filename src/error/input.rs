//! Input the library refuses (a record, an argument, a backup file), and changes made under a
//! command that trying again gets past.

use std::path::PathBuf;

use super::{args, n, p, q, s, Message};
use crate::i18n::{FluentArgs, Lang};

/// Input the library refuses.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Input {
    /// An agent, vehicle or witness line with nothing in it.
    PartyEmpty,
    CoordinatesRange,
    CoordinatesFormat {
        text: String,
    },
    UnknownKind {
        given: String,
        choices: String,
    },
    TagEmpty,
    /// `]]` before any `[[`.
    NarrativeUnopened,
    /// `[[` never closed.
    NarrativeUnclosed,
    NarrativeNested,
    DisclosureNotBase64,
    DisclosureNotJson,
    DisclosureSaltOrName,
    DisclosureShape,
    NothingToChange,
    /// `withdraw` with a blank reason.
    WithdrawReasonEmpty,
    NoAttachment {
        record: String,
        number: usize,
        count: usize,
    },
    NotRegularFile {
        path: PathBuf,
    },
    PassphraseFileNotUtf8,
    NoPassphraseSlot,
    /// A recovery-code unlock cannot choose among several passphrase slots.
    SeveralPassphraseSlots,
    NoKeyslotId,
    NoKeyslotMatch {
        prefix: String,
    },
    KeyslotAmbiguous {
        prefix: String,
        count: usize,
    },
    LastKeyslot,
    LastPassphraseSlot,
    RestoreNotEmpty {
        dir: PathBuf,
    },
    NotABackup {
        archive: PathBuf,
        flaw: BackupFlaw,
    },
    NoPinFile,
}

/// Why a file is not a vault backup.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum BackupFlaw {
    /// The tar reader's own complaint.
    Archive {
        detail: String,
    },
    NameNotUtf8,
    UnexpectedMember {
        name: String,
    },
    NotRegular {
        name: String,
    },
    OutOfPlace {
        name: String,
    },
    ManifestTooLarge,
    ManifestUnparsable {
        detail: String,
    },
    UnknownFormat {
        format: String,
    },
    /// A member that could not be copied out.
    Copy {
        name: String,
        detail: String,
    },
    ManifestMissing,
    FilesDiffer,
    NoDatabase,
    OtherVault,
}

impl Message for BackupFlaw {
    fn id(&self) -> &'static str {
        match self {
            BackupFlaw::Archive { .. } => "core-backup-archive",
            BackupFlaw::NameNotUtf8 => "core-backup-name-not-utf8",
            BackupFlaw::UnexpectedMember { .. } => "core-backup-unexpected-member",
            BackupFlaw::NotRegular { .. } => "core-backup-not-regular",
            BackupFlaw::OutOfPlace { .. } => "core-backup-out-of-place",
            BackupFlaw::ManifestTooLarge => "core-backup-manifest-too-large",
            BackupFlaw::ManifestUnparsable { .. } => "core-backup-manifest-unparsable",
            BackupFlaw::UnknownFormat { .. } => "core-backup-unknown-format",
            BackupFlaw::Copy { .. } => "core-backup-copy",
            BackupFlaw::ManifestMissing => "core-backup-manifest-missing",
            BackupFlaw::FilesDiffer => "core-backup-files-differ",
            BackupFlaw::NoDatabase => "core-backup-no-database",
            BackupFlaw::OtherVault => "core-backup-other-vault",
        }
    }

    fn args(&self) -> FluentArgs<'static> {
        match self {
            BackupFlaw::Archive { detail } | BackupFlaw::ManifestUnparsable { detail } => {
                args([("detail", s(detail))])
            }
            BackupFlaw::UnexpectedMember { name }
            | BackupFlaw::NotRegular { name }
            | BackupFlaw::OutOfPlace { name } => args([("name", q(name))]),
            BackupFlaw::UnknownFormat { format } => args([("format", q(format))]),
            BackupFlaw::Copy { name, detail } => args([("name", s(name)), ("detail", s(detail))]),
            _ => FluentArgs::new(),
        }
    }
}

impl Message for Input {
    fn id(&self) -> &'static str {
        match self {
            Input::PartyEmpty => "core-input-party-empty",
            Input::CoordinatesRange => "core-input-coordinates-range",
            Input::CoordinatesFormat { .. } => "core-input-coordinates-format",
            Input::UnknownKind { .. } => "core-input-unknown-kind",
            Input::TagEmpty => "core-input-tag-empty",
            Input::NarrativeUnopened => "core-input-narrative-unopened",
            Input::NarrativeUnclosed => "core-input-narrative-unclosed",
            Input::NarrativeNested => "core-input-narrative-nested",
            Input::DisclosureNotBase64 => "core-input-disclosure-not-base64",
            Input::DisclosureNotJson => "core-input-disclosure-not-json",
            Input::DisclosureSaltOrName => "core-input-disclosure-salt-or-name",
            Input::DisclosureShape => "core-input-disclosure-shape",
            Input::NothingToChange => "core-input-nothing-to-change",
            Input::WithdrawReasonEmpty => "core-input-withdraw-reason-empty",
            Input::NoAttachment { .. } => "core-input-no-attachment",
            Input::NotRegularFile { .. } => "core-input-not-regular-file",
            Input::PassphraseFileNotUtf8 => "core-input-passphrase-file-not-utf8",
            Input::NoPassphraseSlot => "core-input-no-passphrase-slot",
            Input::SeveralPassphraseSlots => "core-input-several-passphrase-slots",
            Input::NoKeyslotId => "core-input-no-keyslot-id",
            Input::NoKeyslotMatch { .. } => "core-input-no-keyslot-match",
            Input::KeyslotAmbiguous { .. } => "core-input-keyslot-ambiguous",
            Input::LastKeyslot => "core-input-last-keyslot",
            Input::LastPassphraseSlot => "core-input-last-passphrase-slot",
            Input::RestoreNotEmpty { .. } => "core-input-restore-not-empty",
            Input::NotABackup { .. } => "core-input-not-a-backup",
            Input::NoPinFile => "core-input-no-pin-file",
        }
    }

    fn args(&self) -> FluentArgs<'static> {
        match self {
            Input::CoordinatesFormat { text } => args([("text", q(text))]),
            Input::UnknownKind { given, choices } => {
                args([("given", q(given)), ("choices", s(choices))])
            }
            Input::NoAttachment {
                record,
                number,
                count,
            } => args([
                ("id", s(record)),
                ("number", s(number)),
                ("count", n(*count)),
            ]),
            Input::NotRegularFile { path } => args([("path", p(path))]),
            Input::NoKeyslotMatch { prefix } => args([("prefix", q(prefix))]),
            Input::KeyslotAmbiguous { prefix, count } => {
                args([("prefix", q(prefix)), ("count", n(*count))])
            }
            Input::RestoreNotEmpty { dir } => args([("dir", p(dir))]),
            Input::NotABackup { archive, .. } => args([("path", p(archive))]),
            _ => FluentArgs::new(),
        }
    }

    fn text_in(&self, lang: Lang) -> String {
        let mut a = self.args();
        if let Input::NotABackup { flaw, .. } = self {
            a.set("flaw", Message::text_in(flaw, lang));
        }
        crate::i18n::text_in(lang, self.id(), Some(&a))
    }
}

impl Input {
    /// The refusal in `lang`, without the "invalid input" frame.
    pub fn text_in(&self, lang: Lang) -> String {
        Message::text_in(self, lang)
    }
}

impl std::fmt::Display for Input {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text_in(crate::i18n::language()))
    }
}

/// Something that changed under the command; nothing was saved, and trying again helps.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Conflict {
    /// A row that changed while rekey re-encrypted it (`what`: record, attachment, export).
    Reencrypting {
        what: &'static str,
    },
    Amending {
        record: String,
    },
    Rekeyed,
    BackupVanished {
        path: PathBuf,
    },
    BackupChanged {
        path: PathBuf,
    },
    /// The attachment was stored, but its source file changed while it was read.
    AttachedChanged {
        path: PathBuf,
    },
    CachedAttachmentVanished,
    RevisionExists {
        record: String,
        revision: u32,
    },
    CacheSegmentExists {
        seq: u64,
    },
    /// The database check on another thread panicked.
    CheckPanicked,
}

impl Message for Conflict {
    fn id(&self) -> &'static str {
        match self {
            Conflict::Reencrypting { what } => match *what {
                "record" => "core-conflict-reencrypting-record",
                "attachment" => "core-conflict-reencrypting-attachment",
                _ => "core-conflict-reencrypting-export",
            },
            Conflict::Amending { .. } => "core-conflict-amending",
            Conflict::Rekeyed => "core-conflict-rekeyed",
            Conflict::BackupVanished { .. } => "core-conflict-backup-vanished",
            Conflict::BackupChanged { .. } => "core-conflict-backup-changed",
            Conflict::AttachedChanged { .. } => "core-conflict-attached-changed",
            Conflict::CachedAttachmentVanished => "core-conflict-cached-attachment-vanished",
            Conflict::RevisionExists { .. } => "core-conflict-revision-exists",
            Conflict::CacheSegmentExists { .. } => "core-conflict-cache-segment-exists",
            Conflict::CheckPanicked => "core-conflict-check-panicked",
        }
    }

    fn args(&self) -> FluentArgs<'static> {
        match self {
            Conflict::Amending { record } => args([("id", s(record))]),
            Conflict::BackupVanished { path }
            | Conflict::BackupChanged { path }
            | Conflict::AttachedChanged { path } => args([("path", p(path))]),
            Conflict::RevisionExists { record, revision } => {
                args([("id", s(record)), ("revision", s(revision))])
            }
            Conflict::CacheSegmentExists { seq } => args([("seq", s(seq))]),
            _ => FluentArgs::new(),
        }
    }
}

impl Conflict {
    /// The conflict in `lang`, without the "invalid input" frame.
    pub fn text_in(&self, lang: Lang) -> String {
        Message::text_in(self, lang)
    }
}
