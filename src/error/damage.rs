//! Why the vault's files are damaged: what was found, with the data that names it.

use super::{args, n, p, q, s, Message};
use crate::i18n::{FluentArgs, Lang};

/// Something stored in the vault that is not what this program wrote (exit code 4).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Damage {
    /// SQLite calls the database malformed (or not a database).
    DbMalformed {
        sqlite: String,
    },
    /// A value of the wrong type, or a NULL where the vault stores none.
    DbWrongType {
        sqlite: String,
    },
    /// SQLite's quick check failed before anything was signed.
    DbMalformedUnsigned {
        sqlite: String,
    },
    /// A write touched another number of rows than one (a planted trigger).
    RowsChanged {
        rows: usize,
        what: &'static str,
    },
    /// The database, its log files or the blob folder is a symbolic link.
    Symlink {
        name: String,
    },
    /// A required metadata value is missing.
    MetaMissing {
        key: String,
    },
    /// A stored leaf hash is not 32 bytes.
    LeafHashLength {
        index: u64,
    },
    /// A keyslot's parameters do not parse.
    KeyslotParams {
        slot: String,
    },
    /// An attachment row names a blob file this program never creates.
    BlobName {
        attachment: String,
        blob: String,
    },
    /// A backup snapshot without a vault id.
    SnapshotNoVaultId,
    /// A backup snapshot naming a blob file this program never creates.
    SnapshotBlobName {
        blob: String,
    },
    /// The schema check's refusal.
    Schema(SchemaProblem),
    NoFormatVersion,
    FormatVersionUnreadable,
    SigningKeyLength,
    SigningPublicLength,
    SigningPublicInvalid,
    SigningPublicNotBase64,
    SigningSecretNotBase64,
    SigningSecretNoDecrypt,
    SigningKeyMismatch,
    UnknownSlotKind {
        kind: String,
    },
    MasterRecipientInvalid {
        detail: String,
    },
    MasterKeyInvalid,
    MasterKeyNotAge,
    EntryDecode {
        detail: String,
    },
    EntryVersion {
        version: u32,
    },
    /// A record or attachment without the salt of one of its fields.
    NoSalt {
        owner: String,
        field: String,
    },
    RecordDecode {
        detail: String,
    },
    RecordFormat {
        format: String,
    },
    AttachmentDecode {
        detail: String,
    },
    AttachmentFormat {
        format: String,
    },
    ImpossibleRevision {
        record: String,
    },
    /// A keyslot that opens another vault's master key.
    ForeignKeyslot {
        slot: String,
    },
    NoCreationEntry,
    LedgerNotGenesis,
    /// The stored master recipient differs from the ledger's.
    MasterMismatch,
    /// An attachment's encrypted file, while it is read.
    Attachment {
        id: String,
        name: String,
        fault: AttachmentFault,
    },
    /// An attachment's encrypted file, while the vault is rekeyed.
    RekeyAttachment {
        id: String,
        fault: AttachmentFault,
    },
    /// A row whose ledger entry does not have the stored leaf hash.
    LeafMismatch {
        item: Item,
    },
    /// A row without a ledger entry of its own (reads).
    NoOwnEntry {
        item: Item,
    },
    /// A row without a ledger entry (rekey).
    NoEntry {
        item: Item,
    },
    /// A row whose ciphertext does not have the hash its ledger entry commits to (rekey).
    HashMismatch {
        item: Item,
    },
    /// A row that does not decrypt (rekey).
    NoDecrypt {
        item: Item,
    },
    /// A record revision whose ciphertext is not the committed one.
    RecordReplaced {
        item: Item,
    },
    /// A record revision whose content does not match the committed digests.
    RecordDigests {
        item: Item,
    },
    /// An attachment whose description is not the committed one.
    AttachmentReplaced {
        item: Item,
    },
    /// An attachment whose description does not match the committed digests.
    AttachmentDigests {
        item: Item,
    },
    RecordNoDecrypt {
        id: String,
        revision: u32,
    },
    /// A record row holding another record's ciphertext.
    RecordSwapped {
        id: String,
        revision: u32,
        other_id: String,
        other_revision: u32,
    },
    AttachmentNoDecrypt {
        id: String,
    },
    AttachmentSwapped {
        id: String,
        other: String,
    },
    /// Rekey refuses a vault verify finds problems in.
    RekeyRefused {
        problems: usize,
    },
    /// A vault file of the wrong size, while a backup is made.
    BackupWrongSize {
        path: std::path::PathBuf,
    },
    /// An attachment naming a blob file this program never creates, while a backup is made.
    BackupBlobName {
        name: String,
    },
    /// A restored copy that does not verify, with its first problem.
    RestoreNotVerified {
        problems: usize,
        item: String,
        detail: String,
    },
    /// A vault folder that is a link or not a folder.
    NotAFolder {
        path: std::path::PathBuf,
    },
    // --- export (src/vault/export.rs)
    /// Something an export of every incident would leave out: a deleted incident, revision or
    /// attachment (the read-path check, src/vault/reads.rs).
    ExportWouldMiss {
        record: String,
        revision: Option<u64>,
        shown_instead: Option<u64>,
        attachment: Option<String>,
    },
    /// A newer revision of an incident is missing and an older one shows in its place: it is not
    /// corrected, withdrawn or exported until the missing one is back (src/vault/reads.rs).
    NewerRevisionMissing {
        record: String,
        revision: u64,
        shown: u64,
    },
    /// A revision asked for that the store does not hold.
    RevisionMissing {
        record: String,
        revision: u64,
    },
    /// No signed checkpoint to rest a bundle on.
    NoCheckpoint,
    /// A ledger leaf inside the signed tree that the store does not hold.
    LeafMissing {
        index: u64,
    },
    /// An inclusion proof that cannot be built from the stored leaves.
    NoInclusionProof {
        index: u64,
        detail: String,
    },
    /// A consistency proof that cannot be built from the stored leaves.
    NoConsistencyProof {
        size: u64,
        detail: String,
    },
    /// A stored export whose details do not decrypt, do not decode, or name another export.
    ExportDetails {
        id: String,
        fault: ExportFault,
    },
}

/// What is wrong with a stored export's encrypted details.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ExportFault {
    NoDecrypt,
    NoDecode(String),
    OtherExport(String),
}

/// What is wrong with an attachment's encrypted file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum AttachmentFault {
    Missing,
    Corrupted,
    ReaderPanicked,
    Unreadable,
    NotAge,
    NoDecrypt,
    Truncated,
    Padding,
    Sha256,
    /// Its hash is not the one its ledger entry commits to (rekey).
    HashMismatch,
}

impl AttachmentFault {
    pub(crate) fn id(self) -> &'static str {
        match self {
            AttachmentFault::Missing => "core-fault-missing",
            AttachmentFault::Corrupted => "core-fault-corrupted",
            AttachmentFault::ReaderPanicked => "core-fault-reader-panicked",
            AttachmentFault::Unreadable => "core-fault-unreadable",
            AttachmentFault::NotAge => "core-fault-not-age",
            AttachmentFault::NoDecrypt => "core-fault-no-decrypt",
            AttachmentFault::Truncated => "core-fault-truncated",
            AttachmentFault::Padding => "core-fault-padding",
            AttachmentFault::Sha256 => "core-fault-sha256",
            AttachmentFault::HashMismatch => "core-fault-hash-mismatch",
        }
    }

    /// Every fault (for the test that renders each one).
    #[cfg(test)]
    pub(crate) const ALL: [AttachmentFault; 10] = [
        AttachmentFault::Missing,
        AttachmentFault::Corrupted,
        AttachmentFault::ReaderPanicked,
        AttachmentFault::Unreadable,
        AttachmentFault::NotAge,
        AttachmentFault::NoDecrypt,
        AttachmentFault::Truncated,
        AttachmentFault::Padding,
        AttachmentFault::Sha256,
        AttachmentFault::HashMismatch,
    ];

    /// The fault in `lang` (a predicate: "is missing from the vault").
    pub fn text_in(self, lang: Lang) -> String {
        crate::i18n::text_in(lang, self.id(), None)
    }
}

/// The stored thing a damage names.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Item {
    Record {
        id: String,
        revision: u32,
    },
    /// An attachment named with its record.
    RecordAttachment {
        id: String,
        record: String,
    },
    Attachment {
        id: String,
    },
    Export {
        id: String,
    },
    Leaf {
        index: u64,
    },
    /// The newest re-encryption entry of a leaf.
    Reencryption {
        leaf: u64,
    },
}

impl Message for Item {
    fn id(&self) -> &'static str {
        match self {
            Item::Record { .. } => "core-item-record",
            Item::RecordAttachment { .. } => "core-item-record-attachment",
            Item::Attachment { .. } => "core-item-attachment",
            Item::Export { .. } => "core-item-export",
            Item::Leaf { .. } => "core-item-leaf",
            Item::Reencryption { .. } => "core-item-reencryption",
        }
    }

    fn args(&self) -> FluentArgs<'static> {
        match self {
            Item::Record { id, revision } => {
                args([("id", s(safe_id(id))), ("revision", s(revision))])
            }
            Item::RecordAttachment { id, record } => {
                args([("id", s(safe_id(id))), ("record", s(safe_id(record)))])
            }
            Item::Attachment { id } | Item::Export { id } => args([("id", s(safe_id(id)))]),
            Item::Leaf { index } => args([("index", s(index))]),
            Item::Reencryption { leaf } => args([("index", s(leaf))]),
        }
    }
}

impl Item {
    /// The item in `lang`.
    pub fn text_in(&self, lang: Lang) -> String {
        Message::text_in(self, lang)
    }
}

/// An id as it may appear in an error line. Ids are lower-case hex; one planted in the database
/// with control, bidi or other non-ASCII characters is shown escaped (`\u{1b}`), so the error
/// line printed to a terminal cannot drive it.
pub(crate) fn safe_id(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_graphic() {
                c.to_string()
            } else {
                c.escape_unicode().to_string()
            }
        })
        .collect()
}

/// What in the database's schema differs from what this program creates.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SchemaProblem {
    /// An object whose definition was changed (`kind`: SQLite's word: table, index, ...).
    Changed { kind: String, name: String },
    /// A table, view or trigger this program never creates.
    Extra { kind: String, name: String },
    /// An index this program never creates.
    ExtraIndex { name: String },
    /// Any other object this program never creates.
    ExtraObject { name: String },
    /// A table this program needs is missing.
    MissingTable { table: String },
}

impl Message for SchemaProblem {
    fn id(&self) -> &'static str {
        match self {
            SchemaProblem::Changed { .. } => "core-schema-changed",
            SchemaProblem::Extra { kind, .. } => match kind.as_str() {
                "table" => "core-schema-extra-table",
                "view" => "core-schema-extra-view",
                _ => "core-schema-extra-trigger",
            },
            SchemaProblem::ExtraIndex { .. } => "core-schema-extra-index",
            SchemaProblem::ExtraObject { .. } => "core-schema-extra-object",
            SchemaProblem::MissingTable { .. } => "core-schema-missing-table",
        }
    }

    fn args(&self) -> FluentArgs<'static> {
        match self {
            SchemaProblem::Changed { kind, name } | SchemaProblem::Extra { kind, name } => {
                args([("kind", s(kind)), ("name", s(shown(name)))])
            }
            SchemaProblem::ExtraIndex { name } | SchemaProblem::ExtraObject { name } => {
                args([("name", s(shown(name)))])
            }
            SchemaProblem::MissingTable { table } => args([("table", q(table))]),
        }
    }
}

impl SchemaProblem {
    /// The problem in `lang` (verify lists it in English).
    pub fn text_in(&self, lang: Lang) -> String {
        Message::text_in(self, lang)
    }
}

/// A name read from the database, made safe to print (planted names may hold control
/// characters) and short.
fn shown(name: &str) -> String {
    let short: String = name.chars().take(64).collect();
    let mut out = format!("{short:?}");
    if short.len() < name.len() {
        out.push('…');
    }
    out
}

/// The first 64 characters of a planted name, quoted and escaped.
fn blob_shown(blob: &str) -> String {
    format!("{:?}", blob.chars().take(64).collect::<String>())
}

impl Message for Damage {
    fn id(&self) -> &'static str {
        match self {
            Damage::DbMalformed { .. } => "core-damage-db-malformed",
            Damage::DbWrongType { .. } => "core-damage-db-wrong-type",
            Damage::DbMalformedUnsigned { .. } => "core-damage-db-malformed-unsigned",
            Damage::RowsChanged { .. } => "core-damage-rows-changed",
            Damage::Symlink { .. } => "core-damage-symlink",
            Damage::MetaMissing { .. } => "core-damage-meta-missing",
            Damage::LeafHashLength { .. } => "core-damage-leaf-hash-length",
            Damage::KeyslotParams { .. } => "core-damage-keyslot-params",
            Damage::BlobName { .. } => "core-damage-blob-name",
            Damage::SnapshotNoVaultId => "core-damage-snapshot-no-vault-id",
            Damage::SnapshotBlobName { .. } => "core-damage-snapshot-blob-name",
            Damage::Schema(_) => "core-damage-schema",
            Damage::NoFormatVersion => "core-damage-no-format-version",
            Damage::FormatVersionUnreadable => "core-damage-format-version-unreadable",
            Damage::SigningKeyLength => "core-damage-signing-key-length",
            Damage::SigningPublicLength => "core-damage-signing-public-length",
            Damage::SigningPublicInvalid => "core-damage-signing-public-invalid",
            Damage::SigningPublicNotBase64 => "core-damage-signing-public-not-base64",
            Damage::SigningSecretNotBase64 => "core-damage-signing-secret-not-base64",
            Damage::SigningSecretNoDecrypt => "core-damage-signing-secret-no-decrypt",
            Damage::SigningKeyMismatch => "core-damage-signing-key-mismatch",
            Damage::UnknownSlotKind { .. } => "core-damage-unknown-slot-kind",
            Damage::MasterRecipientInvalid { .. } => "core-damage-master-recipient-invalid",
            Damage::MasterKeyInvalid => "core-damage-master-key-invalid",
            Damage::MasterKeyNotAge => "core-damage-master-key-not-age",
            Damage::EntryDecode { .. } => "core-damage-entry-decode",
            Damage::EntryVersion { .. } => "core-damage-entry-version",
            Damage::NoSalt { .. } => "core-damage-no-salt",
            Damage::RecordDecode { .. } => "core-damage-record-decode",
            Damage::RecordFormat { .. } => "core-damage-record-format",
            Damage::AttachmentDecode { .. } => "core-damage-attachment-decode",
            Damage::AttachmentFormat { .. } => "core-damage-attachment-format",
            Damage::ImpossibleRevision { .. } => "core-damage-impossible-revision",
            Damage::ForeignKeyslot { .. } => "core-damage-foreign-keyslot",
            Damage::NoCreationEntry => "core-damage-no-creation-entry",
            Damage::LedgerNotGenesis => "core-damage-ledger-not-genesis",
            Damage::MasterMismatch => "core-damage-master-mismatch",
            Damage::Attachment { .. } => "core-damage-attachment",
            Damage::RekeyAttachment { .. } => "core-damage-rekey-attachment",
            // A ledger leaf is named on its own: "its ledger entry" would name it twice.
            Damage::LeafMismatch {
                item: Item::Leaf { .. } | Item::Reencryption { .. },
            } => "core-damage-leaf-altered",
            Damage::LeafMismatch { .. } => "core-damage-leaf-mismatch",
            Damage::NoOwnEntry { .. } => "core-damage-no-own-entry",
            Damage::NoEntry { .. } => "core-damage-no-entry",
            Damage::HashMismatch { .. } => "core-damage-hash-mismatch",
            Damage::NoDecrypt { .. } => "core-damage-no-decrypt",
            Damage::RecordReplaced { .. } => "core-damage-record-replaced",
            Damage::RecordDigests { .. } => "core-damage-record-digests",
            Damage::AttachmentReplaced { .. } => "core-damage-attachment-replaced",
            Damage::AttachmentDigests { .. } => "core-damage-attachment-digests",
            Damage::RecordNoDecrypt { .. } => "core-damage-record-no-decrypt",
            Damage::RecordSwapped { .. } => "core-damage-record-swapped",
            Damage::AttachmentNoDecrypt { .. } => "core-damage-attachment-no-decrypt",
            Damage::AttachmentSwapped { .. } => "core-damage-attachment-swapped",
            Damage::RekeyRefused { .. } => "core-damage-rekey-refused",
            Damage::BackupWrongSize { .. } => "core-damage-backup-wrong-size",
            Damage::BackupBlobName { .. } => "core-damage-backup-blob-name",
            Damage::RestoreNotVerified { .. } => "core-damage-restore-not-verified",
            Damage::NotAFolder { .. } => "core-damage-not-a-folder",
            Damage::ExportWouldMiss { .. } => "core-damage-export-would-miss",
            Damage::NewerRevisionMissing { .. } => "core-damage-newer-revision-missing",
            Damage::RevisionMissing { .. } => "core-damage-revision-missing",
            Damage::NoCheckpoint => "core-damage-no-checkpoint",
            Damage::LeafMissing { .. } => "core-damage-leaf-missing",
            Damage::NoInclusionProof { .. } => "core-damage-no-inclusion-proof",
            Damage::NoConsistencyProof { .. } => "core-damage-no-consistency-proof",
            Damage::ExportDetails { fault, .. } => match fault {
                ExportFault::NoDecrypt => "core-damage-export-no-decrypt",
                ExportFault::NoDecode(_) => "core-damage-export-no-decode",
                ExportFault::OtherExport(_) => "core-damage-export-other",
            },
        }
    }

    fn args(&self) -> FluentArgs<'static> {
        // The render of nested parts (items, faults, schema problems) needs the language; it is
        // filled in by `text_in`.
        match self {
            Damage::DbMalformed { sqlite }
            | Damage::DbWrongType { sqlite }
            | Damage::DbMalformedUnsigned { sqlite } => args([("sqlite", s(sqlite))]),
            Damage::RowsChanged { rows, what } => args([("count", n(*rows)), ("what", s(what))]),
            Damage::Symlink { name } => args([("name", s(name))]),
            Damage::MetaMissing { key } => args([("key", q(key))]),
            Damage::LeafHashLength { index } => args([("index", s(index))]),
            Damage::KeyslotParams { slot } | Damage::ForeignKeyslot { slot } => {
                args([("slot", s(slot))])
            }
            Damage::BlobName { attachment, blob } => args([
                ("id", s(attachment.escape_debug())),
                ("blob", s(blob_shown(blob))),
            ]),
            Damage::SnapshotBlobName { blob } => args([("blob", s(blob_shown(blob)))]),
            Damage::UnknownSlotKind { kind } => args([("kind", q(kind))]),
            Damage::MasterRecipientInvalid { detail }
            | Damage::EntryDecode { detail }
            | Damage::RecordDecode { detail }
            | Damage::AttachmentDecode { detail } => args([("detail", s(detail))]),
            Damage::EntryVersion { version } => args([("version", s(version))]),
            Damage::NoSalt { owner, field } => args([("owner", s(owner)), ("field", s(field))]),
            Damage::RecordFormat { format } | Damage::AttachmentFormat { format } => {
                args([("format", q(format))])
            }
            Damage::ImpossibleRevision { record } => args([("id", s(record))]),
            Damage::RecordNoDecrypt { id, revision } => {
                args([("id", s(id)), ("revision", s(revision))])
            }
            Damage::RecordSwapped {
                id,
                revision,
                other_id,
                other_revision,
            } => args([
                ("id", s(id)),
                ("revision", s(revision)),
                ("other_id", s(other_id)),
                ("other_revision", s(other_revision)),
            ]),
            Damage::AttachmentNoDecrypt { id } => args([("id", s(id))]),
            Damage::AttachmentSwapped { id, other } => {
                args([("id", s(id)), ("other_id", s(other))])
            }
            Damage::RekeyRefused { problems } => args([("count", n(*problems))]),
            Damage::BackupWrongSize { path } | Damage::NotAFolder { path } => {
                args([("path", p(path))])
            }
            Damage::BackupBlobName { name } => args([("name", q(name))]),
            Damage::RestoreNotVerified {
                problems,
                item,
                detail,
            } => args([
                ("count", n(*problems)),
                ("item", s(item)),
                ("detail", s(detail)),
            ]),
            Damage::ExportWouldMiss {
                record,
                revision,
                shown_instead,
                attachment,
            } => {
                // One message, its wording chosen by what is missing.
                let shape = match (attachment, revision, shown_instead) {
                    (Some(_), _, _) => "attachment",
                    (None, None, _) => "incident",
                    (None, Some(_), Some(_)) => "revision-shown",
                    (None, Some(_), None) => "revision",
                };
                args([
                    ("shape", s(shape)),
                    ("record", s(record)),
                    ("attachment", s(attachment.as_deref().unwrap_or(""))),
                    ("revision", s(revision.unwrap_or(0))),
                    ("shown", s(shown_instead.unwrap_or(0))),
                ])
            }
            Damage::NewerRevisionMissing {
                record,
                revision,
                shown,
            } => args([
                ("record", s(record)),
                ("revision", s(revision)),
                ("shown", s(shown)),
            ]),
            Damage::RevisionMissing { record, revision } => {
                args([("record", s(record)), ("revision", s(revision))])
            }
            Damage::LeafMissing { index } => args([("index", s(index))]),
            Damage::NoInclusionProof { index, detail } => {
                args([("index", s(index)), ("detail", s(detail))])
            }
            Damage::NoConsistencyProof { size, detail } => {
                args([("size", s(size)), ("detail", s(detail))])
            }
            Damage::ExportDetails { id, fault } => match fault {
                ExportFault::NoDecrypt => args([("id", s(id))]),
                ExportFault::NoDecode(detail) => args([("id", s(id)), ("detail", s(detail))]),
                ExportFault::OtherExport(other) => args([("id", s(id)), ("other", s(other))]),
            },
            _ => FluentArgs::new(),
        }
    }

    fn text_in(&self, lang: Lang) -> String {
        let mut a = self.args();
        match self {
            Damage::Schema(problem) => a.set("problem", problem.text_in(lang)),
            Damage::Attachment { id, name, fault } => {
                a.set("id", id.clone());
                a.set("name", name.clone());
                a.set("fault", fault.text_in(lang));
            }
            Damage::RekeyAttachment { id, fault } => {
                a.set("id", id.clone());
                a.set("fault", fault.text_in(lang));
            }
            Damage::LeafMismatch { item }
            | Damage::NoOwnEntry { item }
            | Damage::NoEntry { item }
            | Damage::HashMismatch { item }
            | Damage::NoDecrypt { item }
            | Damage::RecordReplaced { item }
            | Damage::RecordDigests { item }
            | Damage::AttachmentReplaced { item }
            | Damage::AttachmentDigests { item } => a.set("item", item.text_in(lang)),
            _ => {}
        }
        crate::i18n::text_in(lang, self.id(), Some(&a))
    }
}

impl Damage {
    /// The damage in `lang`, without the "the vault is damaged" frame (verify's detail).
    pub fn text_in(&self, lang: Lang) -> String {
        Message::text_in(self, lang)
    }
}

impl std::fmt::Display for Damage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text_in(crate::i18n::language()))
    }
}
