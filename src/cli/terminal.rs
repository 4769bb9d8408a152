//! Text that others can plant (record fields, attachment names, metadata, bundle contents,
//! library details that quote them) made safe for a terminal: control characters, bidi
//! controls and line breaks are shown as visible escapes, so a planted incident can neither
//! drive the terminal (clear it, retitle it, move the cursor) nor pose as another line.
//! `--json` output keeps the exact text; only human output goes through here.

use std::borrow::Cow;
use std::fmt::Write;

/// The text on one line: every control character, line break and bidi control becomes a
/// visible escape (`\n`, `\r`, `\t`, `\e`, `\x07`, `<U+202E>`).
pub fn inline(text: &str) -> Cow<'_, str> {
    escape(text, false)
}

/// The text across lines: line breaks are kept, each following line starting with `indent`;
/// everything else [`inline`] escapes is escaped. For a narrative shown in full.
pub fn block<'a>(text: &'a str, indent: &str) -> Cow<'a, str> {
    match escape(text, true) {
        Cow::Borrowed(s) if !s.contains('\n') => Cow::Borrowed(s),
        other => Cow::Owned(other.replace('\n', &format!("\n{indent}"))),
    }
}

/// True for a character a terminal would act on or reorder instead of showing.
fn needs_escape(c: char) -> bool {
    c.is_control() || is_format_control(c)
}

/// Bidi overrides, embeddings, isolates and marks; line and paragraph separators; the
/// invisible characters that can hide or reorder text.
fn is_format_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{2069}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
    )
}

fn escape(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '\n' if keep_newlines => out.push('\n'),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{1b}' => out.push_str("\\e"),
            c if (c as u32) < 0x80 && c.is_control() => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if needs_escape(c) => {
                let _ = write!(out, "<U+{:04X}>", c as u32);
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed_unchanged() {
        let s = "Dodge Charger azul; placa 8KLM-472, ñandú, 東京";
        assert!(matches!(inline(s), Cow::Borrowed(x) if x == s));
        assert!(matches!(block(s, "  "), Cow::Borrowed(x) if x == s));
    }

    #[test]
    fn controls_become_visible() {
        assert_eq!(
            inline("a\x1b]0;owned\x07b\r\nc\td\u{7f}"),
            "a\\e]0;owned\\x07b\\r\\nc\\td\\x7f"
        );
        assert_eq!(inline("x\u{202E}gpj.exe"), "x<U+202E>gpj.exe");
        assert_eq!(inline("\u{85}\u{9b}2J"), "<U+0085><U+009B>2J");
        assert_eq!(
            inline("a\u{2028}b\u{2066}c\u{feff}"),
            "a<U+2028>b<U+2066>c<U+FEFF>"
        );
    }

    #[test]
    fn nothing_survives_that_a_terminal_acts_on() {
        let all: String = (0u32..0x3000).filter_map(char::from_u32).collect();
        for out in [inline(&all), block(&all, "    ")] {
            for c in out.chars() {
                assert!(c == '\n' || !needs_escape(c), "{c:?} survived");
            }
        }
        assert!(!inline(&all).contains('\n'));
    }

    #[test]
    fn block_keeps_paragraphs_and_indents_them() {
        assert_eq!(block("one\ntwo\x1b[2J", "  "), "one\n  two\\e[2J");
    }
}
