//! What a verification found wrong: one [`Problem`] per finding, with a [`ProblemKind`] that
//! machines read (its string form is stable: docs/cli.md lists every one), the item it concerns
//! and a detail for people.
//!
//! The item and the detail are [`Text`]s: a message id of the `## verify` section of
//! `i18n/<lang>/vault.ftl` and its arguments, built with [`problem_text!`](crate::problem_text)
//! (which checks the id and the argument names at compile time). They are rendered in the
//! process language for people, and always in English in `--json` (a [`Problem`] serializes
//! its item and detail in English), so the machine-readable output does not depend on the
//! language.

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use crate::i18n::{FluentArgs, FluentValue, Lang};

/// One thing found wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// A stable machine-readable kind, e.g. `record_ciphertext_hash` (docs/cli.md lists them).
    pub kind: ProblemKind,
    /// What it concerns, e.g. `record 3f2a… revision 2` or `ledger leaf 17`.
    pub item: Text,
    /// One line for people.
    pub detail: Text,
}

impl Problem {
    /// A problem of `kind` about `item`.
    pub fn new(kind: ProblemKind, item: Text, detail: Text) -> Self {
        Problem { kind, item, detail }
    }
}

/// `{"kind": …, "item": …, "detail": …}` with the item and the detail in English, whatever the
/// process language: `--json` output is the same in every language.
impl Serialize for Problem {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Problem", 3)?;
        s.serialize_field("kind", &self.kind)?;
        s.serialize_field("item", &self.item.render(Lang::En))?;
        s.serialize_field("detail", &self.detail.render(Lang::En))?;
        s.end()
    }
}

/// A text for people: a catalogue message id and its arguments, rendered in any language.
/// Build it with [`problem_text!`](crate::problem_text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    id: &'static str,
    args: Vec<(&'static str, Arg)>,
}

/// An argument of a [`Text`]: numbers stay numbers (for plurals), and a text inside a text is
/// rendered in the same language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Str(String),
    Num(u64),
    Text(Box<Text>),
    /// Texts joined with ", ".
    List(Vec<Text>),
}

/// The largest integer an f64 holds exactly (2^53).
const MAX_EXACT: u64 = 1 << 53;

impl Arg {
    /// The Fluent value in `lang`.
    pub fn fluent_in(&self, lang: Lang) -> FluentValue<'static> {
        match self {
            Arg::Str(s) => FluentValue::from(s.clone()),
            // Fluent numbers are f64: a larger one (a planted size, say) would print rounded.
            Arg::Num(n) if *n <= MAX_EXACT => FluentValue::from(*n),
            Arg::Num(n) => FluentValue::from(n.to_string()),
            Arg::Text(t) => FluentValue::from(t.render(lang)),
            Arg::List(ts) => FluentValue::from(
                ts.iter()
                    .map(|t| t.render(lang))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
        }
    }

    /// The Fluent value in English (for the compile-time check of the macro).
    pub fn fluent(&self) -> FluentValue<'static> {
        self.fluent_in(Lang::En)
    }
}

impl From<Vec<Text>> for Arg {
    fn from(ts: Vec<Text>) -> Self {
        Arg::List(ts)
    }
}

impl From<Text> for Arg {
    fn from(t: Text) -> Self {
        Arg::Text(Box::new(t))
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Str(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Str(s.clone())
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Str(s.to_owned())
    }
}

impl From<u64> for Arg {
    fn from(n: u64) -> Self {
        Arg::Num(n)
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Arg::Num(n.into())
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Num(n as u64)
    }
}

impl Text {
    /// A text whose id was checked by [`problem_text!`](crate::problem_text); use the macro.
    #[doc(hidden)]
    pub fn checked(id: &'static str) -> Self {
        Text { id, args: vec![] }
    }

    /// Adds an argument; use the macro.
    #[doc(hidden)]
    pub fn with(mut self, name: &'static str, value: Arg) -> Self {
        self.args.push((name, value));
        self
    }

    /// The message id.
    pub fn id(&self) -> &'static str {
        self.id
    }

    /// The text in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let mut args = FluentArgs::new();
        for (name, value) in &self.args {
            args.set(*name, value.fluent_in(lang));
        }
        crate::i18n::text_in(lang, self.id, Some(&args))
    }

    /// The text in English, as `--json` carries it.
    pub fn english(&self) -> String {
        self.render(Lang::En)
    }
}

/// The text in the process language.
impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(crate::i18n::language()))
    }
}

/// `problem_text!("verify-…", name = value, …)`: a [`Text`] of a problem. The id and the
/// argument names are checked at compile time against `i18n/en/vault.ftl` (as
/// [`fl!`](crate::fl) does); each value is evaluated once.
#[macro_export]
macro_rules! problem_text {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {{
        $(let $name: $crate::problem::Arg = ::std::convert::From::from($value);)*
        #[allow(unreachable_code, clippy::diverging_sub_expression)]
        if false {
            let _ = $crate::fl!($id $(, $name = $name.fluent())*);
        }
        $crate::problem::Text::checked($id)$(.with(stringify!($name), $name))*
    }};
}

/// The items problems are most often about.
pub mod item {
    use super::Text;

    /// `ledger leaf 17`.
    pub fn ledger_leaf(index: u64) -> Text {
        crate::problem_text!("verify-item-ledger-leaf", index = index)
    }

    /// `record 3f2a… revision 2`.
    pub fn record_revision(id: &str, revision: u32) -> Text {
        crate::problem_text!("verify-item-record-revision", id = id, revision = revision)
    }

    /// `attachment 9b… of record 3f2a…`.
    pub fn attachment(id: &str, record: &str) -> Text {
        crate::problem_text!("verify-item-attachment", id = id, record = record)
    }

    /// A file name as found (planted names included: the CLI shows it terminal-safe).
    pub fn file(name: &str) -> Text {
        crate::problem_text!("verify-item-file", name = name)
    }
}

/// Declares the enum, its string forms and `ALL` from one list, so none can be left out.
macro_rules! kinds {
    ($($variant:ident = $name:literal,)*) => {
        /// Every kind of problem `vault verify` and `vault bundle verify` report. Serialized as
        /// its snake_case name ([`ProblemKind::as_str`]), which `--json` output carries and
        /// never changes.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        pub enum ProblemKind {
            $(#[serde(rename = $name)] $variant,)*
        }

        impl ProblemKind {
            /// Every kind, in the order docs/cli.md lists them.
            pub const ALL: &'static [ProblemKind] = &[$(ProblemKind::$variant,)*];

            /// The machine-readable name (as serialized).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(ProblemKind::$variant => $name,)*
                }
            }
        }
    };
}

kinds! {
    Database = "database",
    DatabaseSchema = "database_schema",
    Quarantine = "quarantine",
    Rekey = "rekey",
    LedgerGap = "ledger_gap",
    TrustSeal = "trust_seal",
    HighWater = "high_water",
    Pin = "pin",
    Plan = "plan",
    Travel = "travel",
    ForgedEntry = "forged_entry",
    LeafHash = "leaf_hash",
    LedgerEntry = "ledger_entry",
    Genesis = "genesis",
    MasterRecipient = "master_recipient",
    SigningKey = "signing_key",
    CheckpointMissing = "checkpoint_missing",
    CheckpointSignature = "checkpoint_signature",
    CheckpointSize = "checkpoint_size",
    Rollback = "rollback",
    CheckpointRoot = "checkpoint_root",
    CheckpointConsistency = "checkpoint_consistency",
    RecordCiphertextHash = "record_ciphertext_hash",
    RecordLeaf = "record_leaf",
    RecordRevisions = "record_revisions",
    RecordMissing = "record_missing",
    RecordDecrypt = "record_decrypt",
    RecordDecode = "record_decode",
    AttachmentLeaf = "attachment_leaf",
    AttachmentDescriptionHash = "attachment_description_hash",
    AttachmentMissing = "attachment_missing",
    AttachmentSize = "attachment_size",
    AttachmentHash = "attachment_hash",
    AttachmentUnreadable = "attachment_unreadable",
    AttachmentDecrypt = "attachment_decrypt",
    CacheSegment = "cache_segment",
    CacheItem = "cache_item",
    CacheForged = "cache_forged",
    AttachmentPlaintext = "attachment_plaintext",
    FieldDigest = "field_digest",
    KeyslotHash = "keyslot_hash",
    KeyslotKdf = "keyslot_kdf",
    KeyslotStale = "keyslot_stale",
    KeyslotLeaf = "keyslot_leaf",
    KeyslotMissing = "keyslot_missing",
    ExportHash = "export_hash",
    ExportLeaf = "export_leaf",
    ExportMissing = "export_missing",
    Receipt = "receipt",
    BundleEntry = "bundle_entry",
    InclusionProof = "inclusion_proof",
    Disclosure = "disclosure",
    Withheld = "withheld",
    Fingerprint = "fingerprint",
    MissingFile = "missing_file",
    RecordFile = "record_file",
    AttachmentFile = "attachment_file",
    UnexpectedFile = "unexpected_file",
    Supplement = "supplement",
    ConsistencyProof = "consistency_proof",
    Duplicate = "duplicate",
    FingerprintMismatch = "fingerprint_mismatch",
    SenderChanged = "sender_changed",
    Statement = "statement",
    FileHash = "file_hash",
    UnsignedFiles = "unsigned_files",
    AttachmentIncident = "attachment_incident",
    RevisionOrder = "revision_order",
    AnchorLeaf = "anchor_leaf",
    AnchorMissing = "anchor_missing",
    AnchorToken = "anchor_token",
    AnchorCheckpoint = "anchor_checkpoint",
    AnchorUntrusted = "anchor_untrusted",
    AnchorNonce = "anchor_nonce",
    AnchorValidity = "anchor_validity",
    Cosignature = "cosignature",
}

impl ProblemKind {
    /// The catalogue id of the one-line explanation of this kind: `verify-kind-` and the kind
    /// with hyphens.
    pub fn explanation_id(self) -> String {
        format!("verify-kind-{}", self.as_str().replace('_', "-"))
    }

    /// What this kind of problem means, in one line, in `lang`.
    pub fn explanation_in(self, lang: Lang) -> String {
        crate::i18n::text_in(lang, &self.explanation_id(), None)
    }

    /// What this kind of problem means, in the process language.
    pub fn explanation(self) -> String {
        self.explanation_in(crate::i18n::language())
    }
}

impl std::fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_serializes_as_its_name_once() {
        let mut seen = std::collections::BTreeSet::new();
        for k in ProblemKind::ALL {
            let json = serde_json::to_string(k).unwrap();
            assert_eq!(json, format!("\"{}\"", k.as_str()));
            assert!(
                k.as_str()
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '_'),
                "{k}"
            );
            assert!(seen.insert(k.as_str()), "{k} twice");
        }
        // docs/cli.md documents every kind under its machine name.
        let docs = include_str!("../docs/cli.md");
        for k in ProblemKind::ALL {
            assert!(docs.contains(&format!("`{k}`")), "docs/cli.md lacks `{k}`");
        }
        for k in [
            "record_ciphertext_hash",
            "rekey",
            "record_missing",
            "supplement",
            "pin",
        ] {
            assert!(seen.contains(k), "{k}");
        }
    }

    #[test]
    fn every_kind_is_explained_in_both_languages() {
        let ids: std::collections::BTreeSet<String> = crate::i18n::message_ids(Lang::En)
            .into_iter()
            .filter(|id| id.starts_with("verify-kind-"))
            .collect();
        for k in ProblemKind::ALL {
            let id = k.explanation_id();
            assert!(ids.contains(&id), "{id} missing from i18n/en");
            let en = k.explanation_in(Lang::En);
            let es = k.explanation_in(Lang::Es);
            for text in [&en, &es] {
                assert!(!text.is_empty() && !text.contains("verify-"), "{k}: {text}");
                assert!(!text.contains('\n'), "{k}: one line");
            }
            assert_ne!(en, es, "{k} is not translated");
        }
        assert_eq!(ids.len(), ProblemKind::ALL.len(), "explanations of no kind");
    }

    #[test]
    fn texts_render_in_each_language_and_serialize_in_english() {
        let p = Problem::new(
            ProblemKind::LedgerGap,
            item::ledger_leaf(3),
            crate::problem_text!("verify-ledger-gap", count = 2u64, first = 3u64, last = 4u64),
        );
        assert_eq!(p.item.render(Lang::En), "ledger leaf 3");
        assert_eq!(
            p.detail.render(Lang::En),
            "leaves 3 to 4 are missing from the ledger"
        );
        assert_eq!(
            p.detail.render(Lang::Es),
            "faltan las anotaciones n.º 3 a 4 de la bitácora"
        );
        let one =
            crate::problem_text!("verify-ledger-gap", count = 1u64, first = 7u64, last = 7u64);
        assert_eq!(one.render(Lang::En), "leaf 7 is missing from the ledger");
        assert_eq!(
            serde_json::to_string(&p).unwrap(),
            r#"{"kind":"ledger_gap","item":"ledger leaf 3","detail":"leaves 3 to 4 are missing from the ledger"}"#
        );
        // Large numbers print without grouping, as `format!` did.
        let size = crate::problem_text!(
            "verify-attachment-size",
            size = 1_234_567u64,
            expected = 12u64
        );
        assert_eq!(
            size.english(),
            "the encrypted file is 1234567 bytes; the ledger says 12"
        );
        // Numbers too large for an f64 print exactly all the same.
        let huge = crate::problem_text!("verify-checkpoint-size", size = u64::MAX);
        assert_eq!(huge.english(), format!("the note claims size {}", u64::MAX));
        assert!(huge.render(Lang::Es).contains(&u64::MAX.to_string()));
        // A text inside a text follows the language; a list is joined.
        let facts = crate::problem_text!(
            "verify-trust-seal-identity",
            facts = vec![
                crate::problem_text!("verify-fact-vault-id"),
                crate::problem_text!("verify-fact-master-key"),
            ]
        );
        assert_eq!(
            facts.english(),
            "the vault id, master key no longer match what the passphrase holder sealed"
        );
        assert!(facts
            .render(Lang::Es)
            .ends_with("el número de la bóveda, la clave maestra"));
    }

    /// The `verify-` messages of a catalogue: id -> source text (continuation lines included).
    fn verify_messages(ftl: &str) -> std::collections::BTreeMap<String, String> {
        let mut out = std::collections::BTreeMap::new();
        let mut current: Option<String> = None;
        for line in ftl.lines() {
            if line.starts_with(' ') || line.starts_with('}') {
                if let Some(id) = &current {
                    let text: &mut String = out.entry(id.clone()).or_default();
                    text.push('\n');
                    text.push_str(line);
                }
                continue;
            }
            current = None;
            if let Some((id, text)) = line.split_once(" = ") {
                if id.starts_with("verify-") {
                    out.insert(id.to_owned(), text.to_owned());
                    current = Some(id.to_owned());
                }
            }
        }
        out
    }

    fn variables(text: &str) -> std::collections::BTreeSet<String> {
        text.split('$')
            .skip(1)
            .map(|rest| {
                rest.chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect()
            })
            .collect()
    }

    #[test]
    fn spanish_verify_messages_use_only_english_arguments_and_the_glossary() {
        let en = verify_messages(include_str!("../i18n/en/vault.ftl"));
        let es = verify_messages(include_str!("../i18n/es/vault.ftl"));
        assert!(en.len() > 100, "{}", en.len());
        assert_eq!(en.keys().collect::<Vec<_>>(), es.keys().collect::<Vec<_>>());
        // ES-GLOSSARY.md, "Avoid": the words verify could be tempted to use.
        let avoid = [
            "huella",
            "punto de control",
            "puntos de control",
            "ranura",
            "registro",
            "hoja",
            "entrada",
            "resumen",
            "resúmenes",
            "revisión",
            "revisiones",
            "intro",
            "fallo",
            "comprometid",
            "prolonga",
            "por omisión",
            "directorio",
            "volvió atrás",
            "comprobación",
        ];
        for (id, text) in &es {
            let extra: Vec<String> = variables(text)
                .difference(&variables(&en[id]))
                .cloned()
                .collect();
            assert!(
                extra.is_empty(),
                "{id}: Spanish uses {extra:?}, unknown in English"
            );
            let lower = text.to_lowercase();
            for word in avoid {
                assert!(
                    !lower.contains(word),
                    "{id}: {word:?} (glossary: avoid): {text}"
                );
            }
            // Only a placeable (a file name as found) may read the same in both.
            if !text.starts_with("{ $") || !text.ends_with('}') {
                assert_ne!(text, &en[id], "{id} is not translated");
            }
        }
    }
}
