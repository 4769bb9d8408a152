//! The file-name rule (docs/bundle-format.md, section 10): the one function that turns an
//! attachment's name into the name its copy gets inside a bundle, used by the writer to make
//! names and by the reader to check them. Every name it returns is one the reader accepts and
//! one every common file system (ext4, APFS, NTFS, FAT, exFAT) stores as is.

/// Longest name, in bytes of UTF-8 (file systems count bytes or UTF-16 units; 100 bytes fits
/// both with room for the folder).
pub const MAX_NAME_BYTES: usize = 100;
/// Longest extension kept when a name is cut, in ASCII letters and digits after the dot.
pub const MAX_EXTENSION_CHARS: usize = 10;

/// Characters kept as they are: ASCII letters and digits, `.`, `_`, `-`, space, and the
/// letters of Latin-1 Supplement and Latin Extended-A and B (U+00C0 to U+024F, except the signs
/// U+00D7 and U+00F7), which Spanish, Portuguese, French and most Latin-script names use.
/// Everything else (controls, `/`, `\`, `:`, `*`, `?`, `"`, `<`, `>`, `|`, other scripts and
/// symbols) becomes `_`.
fn kept(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '.' | '_' | '-' | ' ')
        || (('\u{C0}'..='\u{24F}').contains(&c) && c != '\u{D7}' && c != '\u{F7}')
}

/// Names Windows reserves for devices, whatever the case and whatever follows the first dot.
fn reserved(base: &str) -> bool {
    let b = base.trim_end_matches(' ').to_ascii_uppercase();
    matches!(b.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((b.starts_with("COM") || b.starts_with("LPT"))
            && b.len() == 4
            && b.as_bytes()[3].is_ascii_digit())
}

fn is_extension(s: &str) -> bool {
    (1..=MAX_EXTENSION_CHARS).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric())
}

fn trim_dots_spaces(s: &str) -> &str {
    s.trim_matches(['.', ' '])
}

/// The bundle name of a file named `name`, in this order:
///
/// 1. every character not [kept](kept) becomes `_` (one `_` per character);
/// 2. leading and trailing dots and spaces are removed;
/// 3. the extension is the text after the last dot when it is 1 to 10 ASCII letters or digits;
///    the rest is the stem, whose trailing dots and spaces are removed;
/// 4. a stem whose part before its first dot (trailing spaces aside) is a Windows device name
///    (`CON`, `PRN`, `AUX`, `NUL`, `COM0`-`COM9`, `LPT0`-`LPT9`, any case) gets a leading `_`;
/// 5. the stem is cut, at a character boundary, so that stem and extension fit in 100 bytes of
///    UTF-8, and trailing dots and spaces are removed again;
/// 6. an empty stem becomes `file`; the name is the stem followed by the extension;
/// 7. steps 1 to 6 are applied once more to that name. This changes something only when step 5
///    cut a name that had no extension and the cut left one (`…ab .yyy q` cut to `…ab .yyy`
///    becomes `…ab.yyy`), and makes every result its own bundle name.
pub fn safe_name(name: &str) -> String {
    once(&once(name))
}

fn once(name: &str) -> String {
    let mapped: String = name
        .chars()
        .map(|c| if kept(c) { c } else { '_' })
        .collect();
    let trimmed = trim_dots_spaces(&mapped);
    let (stem, ext) = match trimmed.rfind('.') {
        Some(i) if is_extension(&trimmed[i + 1..]) => (&trimmed[..i], &trimmed[i..]),
        _ => (trimmed, ""),
    };
    let stem = trim_dots_spaces(stem);
    let mut stem = if reserved(stem.split('.').next().unwrap_or("")) {
        format!("_{stem}")
    } else {
        stem.to_owned()
    };
    let budget = MAX_NAME_BYTES - ext.len();
    if stem.len() > budget {
        let mut end = budget;
        while !stem.is_char_boundary(end) {
            end -= 1;
        }
        stem.truncate(end);
    }
    let stem = trim_dots_spaces(&stem);
    let stem = if stem.is_empty() { "file" } else { stem };
    format!("{stem}{ext}")
}

/// True when `name` is its own bundle name: what the reader requires of an attachment's name.
pub fn is_safe_name(name: &str) -> bool {
    safe_name(name) == name
}

/// True when every `/`-separated part of an archive path is a safe name (what the writer
/// requires of every entry it adds).
pub fn archive_path_ok(path: &str) -> bool {
    path.split('/').all(is_safe_name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_names_become_names_every_file_system_stores() {
        let long_stem = "a".repeat(150);
        let long_ext = format!("{long_stem}.jpeg");
        let cut = format!("{}.jpeg", "a".repeat(95));
        let n_tilde = format!("{}.jpg", "ñ".repeat(60));
        let n_cut = format!("{}.jpg", "ñ".repeat(48));
        let cut_ext_in = format!("{}ab .yyy q{}", "z".repeat(93), "b".repeat(20));
        let cut_ext_out = format!("{}ab.yyy", "z".repeat(93));
        let cases: Vec<(&str, &str)> = vec![
            ("foto 1.jpg", "foto 1.jpg"),
            ("declaración jurada.pdf", "declaración jurada.pdf"),
            ("../../etc/passwd", "_.._etc_passwd"),
            ("...", "file"),
            ("", "file"),
            (" ..", "file"),
            ("..", "file"),
            (".", "file"),
            (" . ", "file"),
            (".bashrc", "bashrc"),
            ("a\\b", "a_b"),
            ("a/b", "a_b"),
            ("tab\there\n.txt", "tab_here_.txt"),
            ("\u{202E}gpj.exe", "_gpj.exe"),
            ("CON", "_CON"),
            ("CON.", "_CON"),
            ("con.txt", "_con.txt"),
            ("Con .txt", "_Con.txt"),
            ("con.tar.gz", "_con.tar.gz"),
            ("LPT1", "_LPT1"),
            ("lpt9.log", "_lpt9.log"),
            ("COM0.jpg", "_COM0.jpg"),
            ("console.txt", "console.txt"),
            ("COM10", "COM10"),
            ("nul ", "_nul"),
            ("trailing. ", "trailing"),
            ("photo .jpg", "photo.jpg"),
            ("a . .jpg", "a.jpg"),
            ("x.verylongextension", "x.verylongextension"),
            ("写真.jpg", "__.jpg"),
            ("5×3÷1.png", "5_3_1.png"),
            ("a:b*c?d\"e<f>g|h", "a_b_c_d_e_f_g_h"),
            (long_ext.as_str(), cut.as_str()),
            (n_tilde.as_str(), n_cut.as_str()),
            (cut_ext_in.as_str(), cut_ext_out.as_str()),
        ];
        for (input, want) in &cases {
            let got = safe_name(input);
            assert_eq!(&got, want, "{input:?}");
            assert!(got.len() <= MAX_NAME_BYTES, "{input:?}");
            assert!(
                is_safe_name(&got),
                "{input:?} -> {got:?} is not accepted back"
            );
            assert!(!got.starts_with(['.', ' ']) && !got.ends_with(['.', ' ']));
            assert!(!got.contains(['/', '\\']) && !got.chars().any(char::is_control));
        }
        assert_eq!(safe_name(&long_stem).len(), MAX_NAME_BYTES);
    }

    #[test]
    fn the_rule_is_stable_on_its_own_output() {
        // Every output is a fixed point, whatever the input: what vault writes, vault accepts.
        let pieces = [
            "a", ".", " ", "..", "con", "CON", "ñ", "写", "/", "\\", "\n", "jpg", "x", "lpt1", "e",
        ];
        let mut inputs = vec![];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    inputs.push(format!("{a}{b}{c}"));
                    inputs.push(format!("{a}{}{b}.{c}", "z".repeat(97)));
                }
            }
        }
        for i in inputs {
            let once = safe_name(&i);
            assert_eq!(safe_name(&once), once, "{i:?}");
        }
        assert!(archive_path_ok("attachments/0a1b/foto 1.jpg"));
        assert!(!archive_path_ok("attachments/0a1b/con.txt"));
        assert!(!archive_path_ok("attachments/0a1b/.."));
        assert!(!archive_path_ok("attachments//x"));
    }

    proptest::proptest! {
        #[test]
        fn any_name_becomes_a_fixed_point_every_file_system_stores(name in "(?s:.{0,160})|[ .a-zA-Z0-9]{0,130}|(?i:con|lpt1)[ .]{0,3}[a-z]{0,4}") {
            let got = safe_name(&name);
            proptest::prop_assert_eq!(safe_name(&got), got.clone());
            proptest::prop_assert!(!got.is_empty() && got.len() <= MAX_NAME_BYTES);
            proptest::prop_assert!(!got.starts_with(['.', ' ']) && !got.ends_with(['.', ' ']));
            proptest::prop_assert!(got.chars().all(kept));
            proptest::prop_assert!(!reserved(got.split('.').next().unwrap_or("")));
        }
    }
}
