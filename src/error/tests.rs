//! Every error renders from the catalogues in both languages: no id missing, no argument left
//! unfilled, English as it always was, Spanish in the glossary's words.

use std::path::PathBuf;

use super::crypto::{SUGGESTIONS, WARNINGS};
use super::*;

fn path() -> PathBuf {
    PathBuf::from("/tmp/v")
}

fn items() -> Vec<Item> {
    vec![
        Item::Record {
            id: "ab12".into(),
            revision: 2,
        },
        Item::RecordAttachment {
            id: "cd34".into(),
            record: "ab12".into(),
        },
        Item::Attachment { id: "cd34".into() },
        Item::Export { id: "ef56".into() },
        Item::Leaf { index: 7 },
        Item::Reencryption { leaf: 7 },
    ]
}

fn damages() -> Vec<Damage> {
    let mut out = vec![
        Damage::DbMalformed { sqlite: "x".into() },
        Damage::DbWrongType { sqlite: "x".into() },
        Damage::DbMalformedUnsigned { sqlite: "x".into() },
        Damage::RowsChanged {
            rows: 0,
            what: "record",
        },
        Damage::Symlink {
            name: "vault.db".into(),
        },
        Damage::MetaMissing {
            key: "vault_id".into(),
        },
        Damage::LeafHashLength { index: 3 },
        Damage::KeyslotParams { slot: "s1".into() },
        Damage::BlobName {
            attachment: "a1".into(),
            blob: "../x".into(),
        },
        Damage::SnapshotNoVaultId,
        Damage::SnapshotBlobName {
            blob: "../x".into(),
        },
        Damage::NoFormatVersion,
        Damage::FormatVersionUnreadable,
        Damage::SigningKeyLength,
        Damage::SigningPublicLength,
        Damage::SigningPublicInvalid,
        Damage::SigningPublicNotBase64,
        Damage::SigningSecretNotBase64,
        Damage::SigningSecretNoDecrypt,
        Damage::SigningKeyMismatch,
        Damage::UnknownSlotKind { kind: "x".into() },
        Damage::MasterRecipientInvalid { detail: "x".into() },
        Damage::MasterKeyInvalid,
        Damage::MasterKeyNotAge,
        Damage::EntryDecode { detail: "x".into() },
        Damage::EntryVersion { version: 9 },
        Damage::NoSalt {
            owner: "record ab12".into(),
            field: "narrative".into(),
        },
        Damage::RecordDecode { detail: "x".into() },
        Damage::RecordFormat { format: "x".into() },
        Damage::AttachmentDecode { detail: "x".into() },
        Damage::AttachmentFormat { format: "x".into() },
        Damage::ImpossibleRevision {
            record: "ab12".into(),
        },
        Damage::ForeignKeyslot { slot: "s1".into() },
        Damage::NoCreationEntry,
        Damage::LedgerNotGenesis,
        Damage::MasterMismatch,
        Damage::RecordNoDecrypt {
            id: "ab12".into(),
            revision: 1,
        },
        Damage::RecordSwapped {
            id: "ab12".into(),
            revision: 1,
            other_id: "ef56".into(),
            other_revision: 2,
        },
        Damage::AttachmentNoDecrypt { id: "cd34".into() },
        Damage::AttachmentSwapped {
            id: "cd34".into(),
            other: "ef56".into(),
        },
        Damage::RekeyRefused { problems: 1 },
        Damage::RekeyRefused { problems: 3 },
        Damage::BackupWrongSize { path: path() },
        Damage::BackupBlobName { name: "x".into() },
        Damage::RestoreNotVerified {
            problems: 1,
            item: "ledger".into(),
            detail: "x".into(),
        },
        Damage::RestoreNotVerified {
            problems: 2,
            item: "ledger".into(),
            detail: "x".into(),
        },
        Damage::NotAFolder { path: path() },
        Damage::ExportWouldMiss {
            record: "3f2a".into(),
            revision: None,
            shown_instead: None,
            attachment: Some("9b".into()),
        },
        Damage::ExportWouldMiss {
            record: "3f2a".into(),
            revision: None,
            shown_instead: None,
            attachment: None,
        },
        Damage::ExportWouldMiss {
            record: "3f2a".into(),
            revision: Some(2),
            shown_instead: Some(1),
            attachment: None,
        },
        Damage::ExportWouldMiss {
            record: "3f2a".into(),
            revision: Some(2),
            shown_instead: None,
            attachment: None,
        },
        Damage::RevisionMissing {
            record: "3f2a".into(),
            revision: 2,
        },
        Damage::NewerRevisionMissing {
            record: "3f2a".into(),
            revision: 2,
            shown: 1,
        },
        Damage::NoCheckpoint,
        Damage::LeafMissing { index: 4 },
        Damage::NoInclusionProof {
            index: 4,
            detail: "x".into(),
        },
        Damage::NoConsistencyProof {
            size: 4,
            detail: "x".into(),
        },
        Damage::ExportDetails {
            id: "ab".into(),
            fault: ExportFault::NoDecrypt,
        },
        Damage::ExportDetails {
            id: "ab".into(),
            fault: ExportFault::NoDecode("x".into()),
        },
        Damage::ExportDetails {
            id: "ab".into(),
            fault: ExportFault::OtherExport("cd".into()),
        },
    ];
    for problem in [
        SchemaProblem::Changed {
            kind: "table".into(),
            name: "records".into(),
        },
        SchemaProblem::Extra {
            kind: "table".into(),
            name: "t".into(),
        },
        SchemaProblem::Extra {
            kind: "view".into(),
            name: "v".into(),
        },
        SchemaProblem::Extra {
            kind: "trigger".into(),
            name: "t".into(),
        },
        SchemaProblem::ExtraIndex { name: "i".into() },
        SchemaProblem::ExtraObject { name: "o".into() },
        SchemaProblem::MissingTable {
            table: "ledger".into(),
        },
    ] {
        out.push(Damage::Schema(problem));
    }
    for fault in AttachmentFault::ALL {
        out.push(Damage::Attachment {
            id: "cd34".into(),
            name: "photo.jpg".into(),
            fault,
        });
        out.push(Damage::RekeyAttachment {
            id: "cd34".into(),
            fault,
        });
    }
    for item in items() {
        out.extend([
            Damage::LeafMismatch { item: item.clone() },
            Damage::NoOwnEntry { item: item.clone() },
            Damage::NoEntry { item: item.clone() },
            Damage::HashMismatch { item: item.clone() },
            Damage::NoDecrypt { item: item.clone() },
            Damage::RecordReplaced { item: item.clone() },
            Damage::RecordDigests { item: item.clone() },
            Damage::AttachmentReplaced { item: item.clone() },
            Damage::AttachmentDigests { item },
        ]);
    }
    out
}

fn tampers() -> Vec<Tamper> {
    vec![
        Tamper::SigningPublic,
        Tamper::EntriesRemoved { stored: 3, size: 5 },
        Tamper::SealRoot,
        Tamper::SealMissing { leaf: 4 },
        Tamper::Shrunk {
            size: 3,
            previous: 5,
        },
        Tamper::SignedChanged { previous: 5 },
        Tamper::Unsigned {
            index: 6,
            label: "record".into(),
        },
        Tamper::UnknownLeaf { index: 6 },
        Tamper::SealForeign,
        Tamper::SealWrongKey,
        Tamper::SealIdentity {
            parts: vec!["creation entry", "signing key"],
        },
        Tamper::PinSigningKey {
            now: "12345 67890".into(),
            pinned: "54321 09876".into(),
        },
        Tamper::PinRecipient,
        Tamper::PinRollback { size: 3, pinned: 5 },
        Tamper::PinRewritten { pinned: 5 },
    ]
}

fn kdf_limits() -> Vec<KdfLimit> {
    vec![
        KdfLimit::MemoryTooLarge,
        KdfLimit::BelowFloor {
            mib: 8,
            iterations: 1,
            lanes: 1,
        },
        KdfLimit::StoredBelowFloor {
            mib: 8,
            iterations: 1,
            lanes: 1,
        },
        KdfLimit::MemoryOver { mib: 8192 },
        KdfLimit::Iterations {
            iterations: 0,
            max: 64,
        },
        KdfLimit::Lanes { lanes: 0, max: 64 },
        KdfLimit::MemoryPerLane,
        KdfLimit::Work {
            mib: 4096,
            iterations: 64,
        },
        KdfLimit::Argon2 { detail: "x".into() },
    ]
}

fn inputs() -> Vec<Input> {
    let mut out = vec![
        Input::PartyEmpty,
        Input::CoordinatesRange,
        Input::CoordinatesFormat { text: "x".into() },
        Input::UnknownKind {
            given: "x".into(),
            choices: "raid, other".into(),
        },
        Input::TagEmpty,
        Input::NarrativeUnopened,
        Input::NarrativeUnclosed,
        Input::NarrativeNested,
        Input::DisclosureNotBase64,
        Input::DisclosureNotJson,
        Input::DisclosureSaltOrName,
        Input::DisclosureShape,
        Input::NothingToChange,
        Input::WithdrawReasonEmpty,
        Input::NoAttachment {
            record: "ab12".into(),
            number: 3,
            count: 1,
        },
        Input::NoAttachment {
            record: "ab12".into(),
            number: 3,
            count: 2,
        },
        Input::NotRegularFile { path: path() },
        Input::PassphraseFileNotUtf8,
        Input::NoPassphraseSlot,
        Input::SeveralPassphraseSlots,
        Input::NoKeyslotId,
        Input::NoKeyslotMatch { prefix: "x".into() },
        Input::KeyslotAmbiguous {
            prefix: "x".into(),
            count: 2,
        },
        Input::LastKeyslot,
        Input::LastPassphraseSlot,
        Input::RestoreNotEmpty { dir: path() },
        Input::NoPinFile,
    ];
    for flaw in [
        BackupFlaw::Archive { detail: "x".into() },
        BackupFlaw::NameNotUtf8,
        BackupFlaw::UnexpectedMember { name: "x".into() },
        BackupFlaw::NotRegular { name: "x".into() },
        BackupFlaw::OutOfPlace { name: "x".into() },
        BackupFlaw::ManifestTooLarge,
        BackupFlaw::ManifestUnparsable { detail: "x".into() },
        BackupFlaw::UnknownFormat { format: "x".into() },
        BackupFlaw::Copy {
            name: "x".into(),
            detail: "y".into(),
        },
        BackupFlaw::ManifestMissing,
        BackupFlaw::FilesDiffer,
        BackupFlaw::NoDatabase,
        BackupFlaw::OtherVault,
    ] {
        out.push(Input::NotABackup {
            archive: path(),
            flaw,
        });
    }
    out
}

fn conflicts() -> Vec<Conflict> {
    vec![
        Conflict::Reencrypting { what: "record" },
        Conflict::Reencrypting { what: "attachment" },
        Conflict::Reencrypting { what: "export" },
        Conflict::Amending {
            record: "ab12".into(),
        },
        Conflict::Rekeyed,
        Conflict::BackupVanished { path: path() },
        Conflict::BackupChanged { path: path() },
        Conflict::AttachedChanged { path: path() },
        Conflict::CachedAttachmentVanished,
        Conflict::RevisionExists {
            record: "ab12".into(),
            revision: 2,
        },
        Conflict::CacheSegmentExists { seq: 4 },
        Conflict::CheckPanicked,
    ]
}

fn cryptos() -> Vec<Crypto> {
    vec![
        Crypto::encrypt("x"),
        Crypto::decrypt("x"),
        Crypto::NoFileKey,
        Crypto::KeyEncoding { detail: "x".into() },
        Crypto::KeyDerivation { detail: "x".into() },
        Crypto::KeyDerivationFailed,
        Crypto::ThreadPanicked { writing: false },
        Crypto::ThreadPanicked { writing: true },
        Crypto::ReadBack,
        Crypto::HkdfLength,
    ]
}

fn refusals() -> Vec<KeyslotRefusal> {
    let mut out = vec![
        KeyslotRefusal::ShortSalt,
        KeyslotRefusal::LeafMissing { index: 2 },
        KeyslotRefusal::LeafAltered { index: 2 },
        KeyslotRefusal::NotSlotEntry { index: 2 },
        KeyslotRefusal::DigestMismatch,
        KeyslotRefusal::Unsigned { index: 2 },
        KeyslotRefusal::PluginFields,
    ];
    out.extend(kdf_limits().into_iter().map(KeyslotRefusal::Kdf));
    out
}

fn weaknesses() -> Vec<Weakness> {
    let mut out = vec![Weakness {
        score: 1,
        needed: 3,
        warning: None,
        suggestion: None,
    }];
    for w in WARNINGS {
        out.push(Weakness {
            score: 2,
            needed: 3,
            warning: Some(w),
            suggestion: None,
        });
    }
    for sg in SUGGESTIONS {
        out.push(Weakness {
            score: 2,
            needed: 3,
            warning: None,
            suggestion: Some(sg),
        });
    }
    out
}

/// One error of every variant and every reason.
fn every_error() -> Vec<Error> {
    let mut out = vec![
        Error::NoVault(path()),
        Error::VaultUnplugged(path()),
        Error::VaultExists(path()),
        Error::VaultFilesPresent {
            dir: path(),
            found: "blobs/".into(),
        },
        Error::NewerFormat {
            found: 9,
            supported: 1,
        },
        Error::WrongPassphrase,
        Error::NoKeyslot(NoKeyslot::NoneStored),
        Error::NoKeyslot(NoKeyslot::NoneStoredRestore),
        Error::NoKeyslot(NoKeyslot::OpenedDisappeared),
        Error::EmptyPassphrase,
        Error::NotFound("ab".into()),
        Error::AmbiguousId {
            prefix: "a".into(),
            count: 2,
        },
        Error::WouldOverwrite(path()),
        Error::file(
            path(),
            std::io::Error::from(std::io::ErrorKind::PermissionDenied),
        ),
        Error::Io(std::io::Error::from(std::io::ErrorKind::NotFound)),
        Error::NotWritable {
            dir: path(),
            source: std::io::Error::from(std::io::ErrorKind::ReadOnlyFilesystem),
        },
        Error::DiskFull(path()),
        Error::Busy,
        Error::Interrupted,
        Error::SourceChanged(path()),
        Error::TooLarge {
            path: path(),
            limit: 65536,
        },
        Error::TooLarge {
            path: path(),
            limit: 1000,
        },
        Error::LineTooLong {
            path: path(),
            limit: 4096,
        },
        Error::NotText(path()),
    ];
    out.extend(damages().into_iter().map(Error::Damage));
    out.extend(tampers().into_iter().map(Error::Tamper));
    out.extend(kdf_limits().into_iter().map(Error::WeakKdf));
    out.extend(inputs().into_iter().map(Error::Input));
    out.extend(conflicts().into_iter().map(Error::Conflict));
    out.extend(cryptos().into_iter().map(Error::Crypto));
    out.extend(weaknesses().into_iter().map(Error::PassphraseTooWeak));
    out.extend(refusals().into_iter().map(|reason| Error::TamperedKeyslot {
        slot: "s1".into(),
        reason,
    }));
    out.extend(
        [
            AnchorFault::Unreadable {
                what: "TSTInfo".into(),
                detail: "x".into(),
            },
            AnchorFault::NotGranted { status: 2 },
            AnchorFault::UnsupportedAlgorithm {
                oid: "1.2.840.10045.4.3.2".into(),
            },
            AnchorFault::BadSignature,
            AnchorFault::NoSignerCertificate,
            AnchorFault::NotTimestamping,
            AnchorFault::Untrusted {
                tsa: "CN=TSA".into(),
            },
            AnchorFault::OtherCheckpoint,
            AnchorFault::NonceMismatch,
            AnchorFault::NoPendingRequest,
            AnchorFault::NoCheckpoint,
            AnchorFault::BadCertificate { detail: "x".into() },
            AnchorFault::BadCosignature { detail: "x".into() },
            AnchorFault::Inconsistent {
                previous: 5,
                size: 7,
            },
            AnchorFault::ProofFrom { from: 0, needed: 5 },
            AnchorFault::OutsideValidity {
                subject: "CN=TSA".into(),
                not_before: 1_577_836_800,
                not_after: 1_580_515_200,
                gen_time: 1_800_000_000,
            },
        ]
        .into_iter()
        .map(Error::Anchor),
    );
    out.extend(
        [
            TsaFault::BadUrl {
                url: "ftp://tsa.example/".into(),
            },
            TsaFault::Unreachable {
                host: "tsa.example".into(),
                detail: "connection refused".into(),
            },
            TsaFault::Status { status: 500 },
            TsaFault::ContentType {
                found: "text/html".into(),
            },
            TsaFault::TooLarge { limit: 1 << 20 },
            TsaFault::Timeout { secs: 30 },
        ]
        .into_iter()
        .map(Error::Tsa),
    );
    out
}

/// Words ES-GLOSSARY.md lists under "avoid" (lower case; whole words where short).
const AVOID_ES: &[&str] = &[
    "huella",
    "punto de control",
    "registro",
    "entrada",
    "fallo",
    "intro",
    "chaqueta",
    "ranura",
    "resumen",
    "desbloque",
    "hexadecimal",
    "derivación",
    "comprometid",
    "divulg",
    "redact",
    "sitio",
    "por omisión",
    "directorio",
    "clave de recuperación",
    "frase clave",
    "password",
    "(s)",
    "matrícula",
    "ordenador",
    "fichero",
    "pulse",
    "la defensa",
    "manipul",
    "revisión",
];

/// English words that mean an untranslated sentence slipped through (the samples' own data
/// are short tokens that hold none of them).
const ENGLISH: &[&str] = &[
    " the ",
    " is ",
    " was ",
    " not ",
    " has ",
    " with ",
    "refusing",
    " try again",
];

#[test]
fn every_error_renders_in_both_languages() {
    for e in every_error() {
        let en = e.text_in(Lang::En);
        let es = e.text_in(Lang::Es);
        for (lang, text) in [("en", &en), ("es", &es)] {
            assert!(!text.is_empty(), "{e:?} is empty in {lang}");
            assert!(
                !text.contains("No localization") && !text.contains("core-"),
                "{e:?}: a message id is missing in {lang}: {text}"
            );
            assert!(
                !text.contains('{') && !text.contains('}'),
                "{e:?}: an argument is unfilled in {lang}: {text}"
            );
            assert!(!text.contains("(s)"), "{e:?}: a \"(s)\" plural: {text}");
        }
        assert_ne!(en, es, "{e:?} is not translated");
        let lower = es.to_lowercase();
        for word in AVOID_ES {
            assert!(!lower.contains(word), "{e:?}: {word:?} in Spanish: {es}");
        }
        for word in ENGLISH {
            assert!(!lower.contains(word), "{e:?}: English ({word:?}) in: {es}");
        }
    }
}

#[test]
fn every_core_id_is_used_in_both_catalogues() {
    // Every `core-` id of the catalogues is rendered by some sample above (an id nothing uses
    // is a message that drifted away from its variant).
    let mut rendered = std::collections::BTreeSet::new();
    let record = |id: &str, set: &mut std::collections::BTreeSet<String>| {
        set.insert(id.to_owned());
    };
    for d in damages() {
        record(Message::id(&d), &mut rendered);
        match &d {
            Damage::Schema(p) => record(Message::id(p), &mut rendered),
            Damage::Attachment { fault, .. } | Damage::RekeyAttachment { fault, .. } => {
                record(fault.id(), &mut rendered)
            }
            _ => {}
        }
    }
    for i in items() {
        record(Message::id(&i), &mut rendered);
    }
    for t in tampers() {
        record(Message::id(&t), &mut rendered);
    }
    for k in kdf_limits() {
        record(Message::id(&k), &mut rendered);
    }
    for i in inputs() {
        record(Message::id(&i), &mut rendered);
        if let Input::NotABackup { flaw, .. } = &i {
            record(Message::id(flaw), &mut rendered);
        }
    }
    for c in conflicts() {
        record(Message::id(&c), &mut rendered);
    }
    for c in cryptos() {
        record(Message::id(&c), &mut rendered);
    }
    for reason in [
        NoKeyslot::NoneStored,
        NoKeyslot::NoneStoredRestore,
        NoKeyslot::OpenedDisappeared,
    ] {
        record(Message::id(&reason), &mut rendered);
    }
    for w in WARNINGS {
        record(crypto::warning_id(w), &mut rendered);
    }
    for sg in SUGGESTIONS {
        record(crypto::suggestion_id(sg), &mut rendered);
    }
    let catalogue: Vec<String> = crate::i18n::message_ids(Lang::En)
        .into_iter()
        .filter(|id| {
            id.starts_with("core-")
                && [
                    "core-damage-",
                    "core-item-",
                    "core-fault-",
                    "core-schema-",
                    "core-tamper-",
                    "core-kdf-",
                    "core-input-",
                    "core-backup-",
                    "core-conflict-",
                    "core-crypto-",
                    "core-no-keyslot-",
                    "core-zx-",
                ]
                .iter()
                .any(|prefix| id.starts_with(prefix))
        })
        .collect();
    let unused: Vec<_> = catalogue
        .iter()
        .filter(|id| !rendered.contains(*id))
        .collect();
    assert!(unused.is_empty(), "ids no variant renders: {unused:?}");
    let es = crate::i18n::message_ids(Lang::Es);
    for id in &rendered {
        assert!(es.contains(id), "{id} is missing in i18n/es");
    }
}

#[test]
fn english_is_what_it_always_was() {
    let cases: Vec<(Error, &str)> = vec![
        (
            Error::WrongPassphrase,
            "wrong passphrase (or every keyslot is damaged); nothing was changed",
        ),
        (
            Error::NotFound("ab".into()),
            "no incident matches \"ab\"",
        ),
        (
            Error::Damage(Damage::ExportWouldMiss {
                record: "3f2a".into(),
                revision: Some(2),
                shown_instead: Some(1),
                attachment: None,
            }),
            "the vault is damaged: incident 3f2a revision 2 is missing (revision 1 is shown in its place); an export of every incident would leave it out (run `vault verify` for details)",
        ),
        (
            Error::Damage(Damage::LeafHashLength { index: 3 }),
            "the vault is damaged: ledger leaf 3 has a hash of the wrong length (run `vault verify` for details)",
        ),
        (
            Error::Damage(Damage::Schema(SchemaProblem::Extra {
                kind: "trigger".into(),
                name: "t".into(),
            })),
            "the vault is damaged: the vault database holds a trigger \"t\" that vault never creates; refusing to use it (run `vault verify` for details)",
        ),
        (
            Error::Damage(Damage::RecordReplaced {
                item: Item::Record {
                    id: "ab\u{1b}".into(),
                    revision: 2,
                },
            }),
            "the vault is damaged: record ab\\u{1b} revision 2 was replaced: its ciphertext is not the one its ledger entry commits to (run `vault verify` for details)",
        ),
        (
            Error::Tamper(Tamper::SealIdentity {
                parts: vec!["creation entry", "signing key"],
            }),
            "the vault was changed without the passphrase: the creation entry, signing key no longer match what the passphrase holder sealed; nothing was signed or saved (run `vault verify` for details)",
        ),
        (
            Error::Input(Input::NoAttachment {
                record: "ab12".into(),
                number: 3,
                count: 1,
            }),
            "invalid input: record ab12 has no attachment 3 (it has 1)",
        ),
        (
            Error::Input(Input::CoordinatesFormat { text: "x".into() }),
            "invalid input: coordinates \"x\" are not `LAT,LON` in decimal degrees",
        ),
        (
            Error::WeakKdf(KdfLimit::BelowFloor {
                mib: 8,
                iterations: 1,
                lanes: 1,
            }),
            "key-derivation parameters too weak: 8 MiB, t=1, p=1 is below the minimum of 64 MiB, t=3, p=4 (RFC 9106)",
        ),
        (
            Error::TamperedKeyslot {
                slot: "s1".into(),
                reason: KeyslotRefusal::ShortSalt,
            },
            "keyslot s1 is not what the vault's signed history commits to (salt shorter than 16 bytes): it was changed without the passphrase, or damaged, and was not used. Unlock with your recovery code or another passphrase and replace it (`vault passwd`, `vault keyslot`); `vault verify` shows what else changed",
        ),
        (
            Error::TooLarge {
                path: path(),
                limit: 1000,
            },
            "/tmp/v is too large for this input (more than 1000 bytes); check that it is the right file",
        ),
        (
            Error::PassphraseTooWeak(Weakness {
                score: 1,
                needed: 3,
                warning: Some(zxcvbn::feedback::Warning::ThisIsATop10Password),
                suggestion: Some(zxcvbn::feedback::Suggestion::AddAnotherWordOrTwo),
            }),
            "the passphrase is too easy to guess (strength 1 of 4, at least 3 needed): This is a top-10 common password. Add another word or two. Uncommon words are better.",
        ),
        (
            Error::Crypto(Crypto::KeyDerivation { detail: "x".into() }),
            "encryption failed: key derivation: x",
        ),
    ];
    for (e, want) in cases {
        assert_eq!(e.text_in(Lang::En), want);
    }
}

#[test]
fn zxcvbn_advice_in_english_is_zxcvbn_own() {
    // The catalogue's English copies zxcvbn's texts: a new release that rewords them shows here.
    for w in WARNINGS {
        assert_eq!(
            crate::i18n::text_in(Lang::En, crypto::warning_id(w), None),
            w.to_string()
        );
    }
    for sg in SUGGESTIONS {
        assert_eq!(
            crate::i18n::text_in(Lang::En, crypto::suggestion_id(sg), None),
            sg.to_string()
        );
    }
}

#[test]
fn plurals_in_spanish() {
    let one = Error::Damage(Damage::RekeyRefused { problems: 1 }).text_in(Lang::Es);
    let many = Error::Damage(Damage::RekeyRefused { problems: 3 }).text_in(Lang::Es);
    assert!(one.contains("1 problema,"), "{one}");
    assert!(many.contains("3 problemas,"), "{many}");
}

#[test]
fn exit_codes_are_unchanged() {
    assert_eq!(Error::WrongPassphrase.exit_code(), 3);
    assert_eq!(Error::NoKeyslot(NoKeyslot::NoneStored).exit_code(), 3);
    assert_eq!(Error::Damage(Damage::NoCreationEntry).exit_code(), 4);
    assert_eq!(Error::Tamper(Tamper::SealRoot).exit_code(), 4);
    assert_eq!(
        Error::TamperedKeyslot {
            slot: "s".into(),
            reason: KeyslotRefusal::ShortSalt
        }
        .exit_code(),
        4
    );
    assert_eq!(Error::Input(Input::TagEmpty).exit_code(), 1);
    assert_eq!(Error::Conflict(Conflict::Rekeyed).exit_code(), 1);
    assert_eq!(Error::Crypto(Crypto::ReadBack).exit_code(), 1);
    assert_eq!(Error::WeakKdf(KdfLimit::MemoryPerLane).exit_code(), 1);
}
