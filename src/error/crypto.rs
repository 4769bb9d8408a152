//! Keys and encryption: why a key derivation's parameters are refused, why no keyslot can be
//! used, why a passphrase is too weak, and what failed while encrypting or decrypting.

use zxcvbn::feedback::{Suggestion, Warning};

use super::{args, n, s, Message};
use crate::i18n::{FluentArgs, Lang};

/// Why Argon2id parameters are refused (below the floor every vault is created with, or above
/// what an honest vault stores).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum KdfLimit {
    /// A memory size that does not fit (given in MiB, too large to count in KiB).
    MemoryTooLarge,
    /// Below RFC 9106's second recommended set (a new slot, or parameters asked for).
    BelowFloor {
        mib: u32,
        iterations: u32,
        lanes: u32,
    },
    /// Below the floor in a stored slot (this program never seals one).
    StoredBelowFloor {
        mib: u32,
        iterations: u32,
        lanes: u32,
    },
    /// More than 4 GiB of memory.
    MemoryOver {
        mib: u32,
    },
    Iterations {
        iterations: u32,
        max: u32,
    },
    Lanes {
        lanes: u32,
        max: u32,
    },
    /// Less than 8 KiB of memory per lane.
    MemoryPerLane,
    /// Memory times passes over the most accepted.
    Work {
        mib: u32,
        iterations: u32,
    },
    /// The argon2 crate refused the parameters.
    Argon2 {
        detail: String,
    },
}

impl Message for KdfLimit {
    fn id(&self) -> &'static str {
        match self {
            KdfLimit::MemoryTooLarge => "core-kdf-memory-too-large",
            KdfLimit::BelowFloor { .. } => "core-kdf-below-floor",
            KdfLimit::StoredBelowFloor { .. } => "core-kdf-stored-below-floor",
            KdfLimit::MemoryOver { .. } => "core-kdf-memory-over",
            KdfLimit::Iterations { .. } => "core-kdf-iterations",
            KdfLimit::Lanes { .. } => "core-kdf-lanes",
            KdfLimit::MemoryPerLane => "core-kdf-memory-per-lane",
            KdfLimit::Work { .. } => "core-kdf-work",
            KdfLimit::Argon2 { .. } => "core-kdf-argon2",
        }
    }

    fn args(&self) -> FluentArgs<'static> {
        match self {
            KdfLimit::BelowFloor {
                mib,
                iterations,
                lanes,
            }
            | KdfLimit::StoredBelowFloor {
                mib,
                iterations,
                lanes,
            } => args([("mib", s(mib)), ("t", s(iterations)), ("p", s(lanes))]),
            KdfLimit::MemoryOver { mib } => args([("mib", s(mib))]),
            KdfLimit::Iterations { iterations, max } => {
                args([("count", s(iterations)), ("max", s(max))])
            }
            KdfLimit::Lanes { lanes, max } => args([("count", s(lanes)), ("max", s(max))]),
            KdfLimit::Work { mib, iterations } => args([("mib", s(mib)), ("t", s(iterations))]),
            KdfLimit::Argon2 { detail } => args([("detail", s(detail))]),
            KdfLimit::MemoryTooLarge | KdfLimit::MemoryPerLane => FluentArgs::new(),
        }
    }
}

impl KdfLimit {
    /// The reason in `lang`.
    pub fn text_in(&self, lang: Lang) -> String {
        Message::text_in(self, lang)
    }
}

impl std::fmt::Display for KdfLimit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text_in(crate::i18n::language()))
    }
}

/// Why no keyslot can be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum NoKeyslot {
    /// The keyslot table is empty.
    NoneStored,
    /// The keyslot table is empty, seen while opening: only a backup helps.
    NoneStoredRestore,
    /// The slot that opened the vault was removed while the command ran.
    OpenedDisappeared,
}

impl Message for NoKeyslot {
    fn id(&self) -> &'static str {
        match self {
            NoKeyslot::NoneStored => "core-no-keyslot-none",
            NoKeyslot::NoneStoredRestore => "core-no-keyslot-none-restore",
            NoKeyslot::OpenedDisappeared => "core-no-keyslot-disappeared",
        }
    }
}

impl NoKeyslot {
    /// The reason in `lang`.
    pub fn text_in(&self, lang: Lang) -> String {
        Message::text_in(self, lang)
    }
}

/// Why a passphrase is refused as too easy to guess: zxcvbn's score and advice (translated from
/// its kind, never from its English text). Never holds the passphrase.
#[derive(Debug, Clone, PartialEq)]
pub struct Weakness {
    /// zxcvbn's score, 0 to 4.
    pub score: u8,
    /// The lowest score accepted.
    pub needed: u8,
    pub warning: Option<Warning>,
    pub suggestion: Option<Suggestion>,
}

impl Weakness {
    /// The message in `lang`.
    pub fn text_in(&self, lang: Lang) -> String {
        let mut advice = Vec::new();
        if let Some(w) = self.warning {
            advice.push(crate::i18n::text_in(lang, warning_id(w), None));
        }
        if let Some(sg) = self.suggestion {
            advice.push(crate::i18n::text_in(lang, suggestion_id(sg), None));
        }
        if advice.is_empty() {
            advice.push(crate::i18n::text_in(lang, "core-weak-default-advice", None));
        }
        let a = args([
            ("score", n(usize::from(self.score))),
            ("needed", n(usize::from(self.needed))),
            ("advice", s(advice.join(" "))),
        ]);
        crate::i18n::text_in(lang, "core-weak-passphrase", Some(&a))
    }
}

pub(crate) fn warning_id(w: Warning) -> &'static str {
    match w {
        Warning::StraightRowsOfKeysAreEasyToGuess => "core-zx-w-straight-rows",
        Warning::ShortKeyboardPatternsAreEasyToGuess => "core-zx-w-short-keyboard",
        Warning::RepeatsLikeAaaAreEasyToGuess => "core-zx-w-repeats-aaa",
        Warning::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess => "core-zx-w-repeats-abcabc",
        Warning::ThisIsATop10Password => "core-zx-w-top10",
        Warning::ThisIsATop100Password => "core-zx-w-top100",
        Warning::ThisIsACommonPassword => "core-zx-w-common",
        Warning::ThisIsSimilarToACommonlyUsedPassword => "core-zx-w-similar",
        Warning::SequencesLikeAbcAreEasyToGuess => "core-zx-w-sequences",
        Warning::RecentYearsAreEasyToGuess => "core-zx-w-recent-years",
        Warning::AWordByItselfIsEasyToGuess => "core-zx-w-word-by-itself",
        Warning::DatesAreOftenEasyToGuess => "core-zx-w-dates",
        Warning::NamesAndSurnamesByThemselvesAreEasyToGuess => "core-zx-w-names",
        Warning::CommonNamesAndSurnamesAreEasyToGuess => "core-zx-w-common-names",
    }
}

pub(crate) fn suggestion_id(sg: Suggestion) -> &'static str {
    match sg {
        Suggestion::UseAFewWordsAvoidCommonPhrases => "core-zx-s-few-words",
        Suggestion::NoNeedForSymbolsDigitsOrUppercaseLetters => "core-zx-s-no-symbols",
        Suggestion::AddAnotherWordOrTwo => "core-zx-s-another-word",
        Suggestion::CapitalizationDoesntHelpVeryMuch => "core-zx-s-capitals",
        Suggestion::AllUppercaseIsAlmostAsEasyToGuessAsAllLowercase => "core-zx-s-all-upper",
        Suggestion::ReversedWordsArentMuchHarderToGuess => "core-zx-s-reversed",
        Suggestion::PredictableSubstitutionsDontHelpVeryMuch => "core-zx-s-substitutions",
        Suggestion::UseALongerKeyboardPatternWithMoreTurns => "core-zx-s-keyboard-turns",
        Suggestion::AvoidRepeatedWordsAndCharacters => "core-zx-s-repeats",
        Suggestion::AvoidSequences => "core-zx-s-sequences",
        Suggestion::AvoidRecentYears => "core-zx-s-recent-years",
        Suggestion::AvoidYearsThatAreAssociatedWithYou => "core-zx-s-your-years",
        Suggestion::AvoidDatesAndYearsThatAreAssociatedWithYou => "core-zx-s-your-dates",
    }
}

/// Every zxcvbn warning and suggestion (for the test that renders each one).
#[cfg(test)]
pub(crate) const WARNINGS: [Warning; 14] = [
    Warning::StraightRowsOfKeysAreEasyToGuess,
    Warning::ShortKeyboardPatternsAreEasyToGuess,
    Warning::RepeatsLikeAaaAreEasyToGuess,
    Warning::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess,
    Warning::ThisIsATop10Password,
    Warning::ThisIsATop100Password,
    Warning::ThisIsACommonPassword,
    Warning::ThisIsSimilarToACommonlyUsedPassword,
    Warning::SequencesLikeAbcAreEasyToGuess,
    Warning::RecentYearsAreEasyToGuess,
    Warning::AWordByItselfIsEasyToGuess,
    Warning::DatesAreOftenEasyToGuess,
    Warning::NamesAndSurnamesByThemselvesAreEasyToGuess,
    Warning::CommonNamesAndSurnamesAreEasyToGuess,
];

#[cfg(test)]
pub(crate) const SUGGESTIONS: [Suggestion; 13] = [
    Suggestion::UseAFewWordsAvoidCommonPhrases,
    Suggestion::NoNeedForSymbolsDigitsOrUppercaseLetters,
    Suggestion::AddAnotherWordOrTwo,
    Suggestion::CapitalizationDoesntHelpVeryMuch,
    Suggestion::AllUppercaseIsAlmostAsEasyToGuessAsAllLowercase,
    Suggestion::ReversedWordsArentMuchHarderToGuess,
    Suggestion::PredictableSubstitutionsDontHelpVeryMuch,
    Suggestion::UseALongerKeyboardPatternWithMoreTurns,
    Suggestion::AvoidRepeatedWordsAndCharacters,
    Suggestion::AvoidSequences,
    Suggestion::AvoidRecentYears,
    Suggestion::AvoidYearsThatAreAssociatedWithYou,
    Suggestion::AvoidDatesAndYearsThatAreAssociatedWithYou,
];

/// What failed while encrypting, decrypting or deriving a key. The detail of the underlying
/// library is kept (as text: age's errors are not `Clone`) for the technical reader.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Crypto {
    /// The age encryptor, or writing its stream, failed.
    Encrypt { detail: String },
    /// The age decryptor, or reading its stream, failed.
    Decrypt { detail: String },
    /// An age stream opened without unwrapping a file key.
    NoFileKey,
    /// A key could not be written in age's text form.
    KeyEncoding { detail: String },
    /// Argon2id failed.
    KeyDerivation { detail: String },
    /// Argon2id failed (on another thread, detail lost).
    KeyDerivationFailed,
    /// A worker thread of the attachment pipeline panicked.
    ThreadPanicked { writing: bool },
    /// The encrypted copy of an attachment did not read back as what was written.
    ReadBack,
    /// HKDF refused the output length.
    HkdfLength,
}

impl Message for Crypto {
    fn id(&self) -> &'static str {
        match self {
            Crypto::Encrypt { .. } => "core-crypto-encrypt",
            Crypto::Decrypt { .. } => "core-crypto-decrypt",
            Crypto::NoFileKey => "core-crypto-no-file-key",
            Crypto::KeyEncoding { .. } => "core-crypto-key-encoding",
            Crypto::KeyDerivation { .. } => "core-crypto-key-derivation",
            Crypto::KeyDerivationFailed => "core-crypto-key-derivation-failed",
            Crypto::ThreadPanicked { writing: false } => "core-crypto-reader-panicked",
            Crypto::ThreadPanicked { writing: true } => "core-crypto-writer-panicked",
            Crypto::ReadBack => "core-crypto-read-back",
            Crypto::HkdfLength => "core-crypto-hkdf-length",
        }
    }

    fn args(&self) -> FluentArgs<'static> {
        match self {
            Crypto::Encrypt { detail }
            | Crypto::Decrypt { detail }
            | Crypto::KeyEncoding { detail }
            | Crypto::KeyDerivation { detail } => args([("detail", s(detail))]),
            _ => FluentArgs::new(),
        }
    }
}

impl Crypto {
    /// The message in `lang`.
    pub fn text_in(&self, lang: Lang) -> String {
        Message::text_in(self, lang)
    }

    /// An encryption failure with the underlying error's text.
    pub fn encrypt(e: impl std::fmt::Display) -> Self {
        Crypto::Encrypt {
            detail: e.to_string(),
        }
    }

    /// A decryption failure with the underlying error's text.
    pub fn decrypt(e: impl std::fmt::Display) -> Self {
        Crypto::Decrypt {
            detail: e.to_string(),
        }
    }
}
