//! Passphrase policy and generated secrets: a strength floor (zxcvbn score 3 of 4), diceware-style
//! passphrases from the EFF long word list (shipped in the binary by the `diceware_wordlists`
//! crate, MIT/Apache-2.0; the list itself is the EFF's, published under CC BY 3.0 US), and
//! recovery codes.
//!
//! A recovery code is 200 random bits written as 40 characters of Crockford's base32 in eight
//! groups of five (`7KQ2M-...`). Reading one back is forgiving: case, spaces and dashes are
//! ignored, and the letters people confuse with digits (O, I, L) are read as 0, 1, 1. The keyslot
//! is sealed under the canonical 40-character form.

use rand::Rng;
use zeroize::Zeroizing;

use crate::crypto::random_bytes;
use crate::error::Weakness;
use crate::secret::Passphrase;
use crate::{Error, Result};

/// The lowest zxcvbn score (0-4) a passphrase must reach: 3 means "safely unguessable: moderate
/// protection from an offline slow-hash scenario" (more than 10^10 guesses).
pub const MIN_SCORE: u8 = 3;

/// Words in a generated passphrase: 6 x log2(7776) = about 77.5 bits.
pub const GENERATED_WORDS: usize = 6;

/// Characters of a recovery code (5 bits each: 200 bits).
pub const RECOVERY_CHARS: usize = 40;

const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Words the estimator should treat as guessable because they belong to this program.
const CONTEXT_WORDS: &[&str] = &["vault", "incident", "passphrase", "password"];

/// Refuses a passphrase zxcvbn scores below [`MIN_SCORE`], with its advice in one line. The
/// message never repeats the passphrase.
pub fn check_strength(passphrase: &Passphrase) -> Result<()> {
    if passphrase.is_empty() {
        return Err(Error::EmptyPassphrase);
    }
    let estimate = zxcvbn::zxcvbn(passphrase.expose(), CONTEXT_WORDS);
    let score = u8::from(estimate.score());
    if score >= MIN_SCORE {
        return Ok(());
    }
    let feedback = estimate.feedback();
    Err(Error::PassphraseTooWeak(Weakness {
        score,
        needed: MIN_SCORE,
        warning: feedback.as_ref().and_then(|f| f.warning()),
        suggestion: feedback.and_then(|f| f.suggestions().first().copied()),
    }))
}

/// A new passphrase of [`GENERATED_WORDS`] words drawn uniformly from the EFF long list with the
/// operating system's CSPRNG, separated by spaces.
pub fn generate_passphrase() -> Passphrase {
    let list = diceware_wordlists::Wordlist::EffLong.get_list();
    loop {
        let mut rng = rand::rngs::OsRng;
        let words: Vec<&str> = (0..GENERATED_WORDS)
            .map(|_| list[rng.gen_range(0..list.len())])
            .collect();
        let p = Passphrase::new(words.join(" "));
        // Six random words essentially always pass; a freak draw of very common words is redrawn.
        if check_strength(&p).is_ok() {
            return p;
        }
    }
}

/// A new recovery code in canonical form (40 characters, no separators).
pub fn generate_recovery_code() -> Passphrase {
    let bytes = Zeroizing::new(random_bytes::<25>());
    let mut out = String::with_capacity(RECOVERY_CHARS);
    for i in 0..RECOVERY_CHARS {
        let bit = i * 5;
        let (byte, shift) = (bit / 8, bit % 8);
        let pair = ((bytes[byte] as u16) << 8) | bytes.get(byte + 1).copied().unwrap_or(0) as u16;
        let index = (pair >> (11 - shift)) & 0x1f;
        out.push(CROCKFORD[index as usize] as char);
    }
    Passphrase::new(out)
}

/// The code as people write it: eight dash-separated groups of five.
pub fn format_recovery_code(code: &Passphrase) -> Zeroizing<String> {
    let chars: Zeroizing<Vec<char>> = Zeroizing::new(code.expose().chars().collect());
    Zeroizing::new(
        chars
            .chunks(5)
            .map(|c| c.iter().collect::<String>())
            .collect::<Vec<_>>()
            .join("-"),
    )
}

/// Reads typed text as a recovery code: the canonical form when it is one, `None` otherwise.
pub fn normalize_recovery_code(text: &Passphrase) -> Option<Passphrase> {
    let mut out = Zeroizing::new(String::with_capacity(RECOVERY_CHARS));
    for c in text.expose().chars() {
        let c = match c.to_ascii_uppercase() {
            ' ' | '-' | '\t' => continue,
            'O' => '0',
            'I' | 'L' => '1',
            c if c.is_ascii() && CROCKFORD.contains(&(c as u8)) => c,
            _ => return None,
        };
        if out.len() == RECOVERY_CHARS {
            return None;
        }
        out.push(c);
    }
    (out.len() == RECOVERY_CHARS).then(|| Passphrase::new(out.as_str().to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weak_passphrases_are_refused_with_one_line_of_advice() {
        for weak in [
            "letmein",
            "hunter2",
            "iloveyou1",
            "qwertyuiop",
            "vault2024",
            "Summer2024",
        ] {
            let err = check_strength(&Passphrase::new(weak.into())).expect_err(weak);
            let msg = err.to_string();
            assert!(!msg.contains('\n'), "{msg}");
            assert!(
                !msg.contains(weak),
                "the message repeats the passphrase: {msg}"
            );
            assert!(msg.contains("too easy to guess"), "{msg}");
        }
    }

    #[test]
    fn passphrases_used_by_the_test_suites_pass() {
        for ok in [
            "correct horse battery staple 4 tests",
            "a brand new passphrase for tests",
            "an entirely different passphrase",
            "the new passphrase, not known to them",
        ] {
            let p = Passphrase::new(ok.into());
            assert!(
                check_strength(&p).is_ok(),
                "{ok}: {:?}",
                check_strength(&p).err().map(|e| e.to_string())
            );
        }
    }

    #[test]
    fn generated_passphrases_have_six_list_words_and_differ() {
        let list = diceware_wordlists::Wordlist::EffLong.get_list();
        assert_eq!(list.len(), 7776);
        let a = generate_passphrase();
        let b = generate_passphrase();
        assert_ne!(a.expose(), b.expose());
        let words: Vec<&str> = a.expose().split(' ').collect();
        assert_eq!(words.len(), GENERATED_WORDS);
        assert!(words.iter().all(|w| list.contains(w)));
    }

    #[test]
    fn recovery_codes_round_trip_through_sloppy_typing() {
        let code = generate_recovery_code();
        assert_eq!(code.expose().len(), RECOVERY_CHARS);
        let shown = format_recovery_code(&code);
        assert_eq!(shown.len(), RECOVERY_CHARS + 7);
        let sloppy = Passphrase::new(
            shown
                .to_lowercase()
                .replace('-', " ")
                .replace('0', "o")
                .replace('1', "l"),
        );
        assert_eq!(
            normalize_recovery_code(&sloppy).map(|p| p.expose().to_owned()),
            Some(code.expose().to_owned())
        );
        for bad in [
            "",
            "correct horse battery staple",
            &"A".repeat(41),
            &"U".repeat(40),
        ] {
            assert!(normalize_recovery_code(&Passphrase::new(bad.to_string())).is_none());
        }
        assert_ne!(generate_recovery_code().expose(), code.expose());
    }
}
