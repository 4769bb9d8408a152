//! The command line's language: chosen once at start-up ([`detect`]), and the texts that are
//! still tables here: quoting, yes/no answers, kind names, times, library details, verify
//! problems and attachment metadata. Every other message and all help are in the Fluent
//! catalogues (`i18n/<lang>/vault.ftl`, `cli-…` and `help-…` ids; help applied by
//! `src/cli/help.rs`).
//!
//! The language: `--lang en|es`, else the first non-empty of `LC_ALL`, `LC_MESSAGES` and `LANG`
//! (Spanish when it starts with `es`), else English.

use std::ffi::OsString;
use std::sync::LazyLock;

use vault::record::Kind;
use vault::when::When;
use vault::Error;

pub use vault::i18n::Lang;
use vault::problem::Problem;

/// Sets the language for the rest of the process (first call wins): the CLI's tables and the
/// library's message catalogues (`i18n/<lang>/vault.ftl`).
pub fn set(lang: Lang) {
    vault::i18n::set_language(lang);
}

/// The language in use (English until [`set`]).
pub fn lang() -> Lang {
    vault::i18n::language()
}

/// The `--lang` value among `args` (before a `--`), if any.
fn lang_flag(args: &[OsString]) -> Option<String> {
    let mut it = args
        .iter()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        if a == "--lang" {
            return it.next();
        }
        if let Some(v) = a.strip_prefix("--lang=") {
            return Some(v.to_owned());
        }
    }
    None
}

/// Chooses the language from the command line and the environment.
pub fn detect(args: &[OsString]) -> Lang {
    detect_with(args, |name| std::env::var(name).ok())
}

fn detect_with(args: &[OsString], env: impl Fn(&str) -> Option<String>) -> Lang {
    if let Some(tag) = lang_flag(args) {
        return Lang::from_tag(&tag);
    }
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Some(v) = env(var).filter(|v| !v.is_empty()) {
            return Lang::from_tag(&v);
        }
    }
    Lang::En
}

/// Quotes a value the way the language does: `"x"` or `«x»`.
pub fn quote(text: &str) -> String {
    match lang() {
        Lang::En => format!("{text:?}"),
        Lang::Es => format!("«{text}»"),
    }
}

/// True for an answer that means yes (`y`, `yes`, `s`, `si`, `sí`), in either language.
pub fn is_yes(answer: &str) -> bool {
    matches!(
        answer.trim().to_lowercase().as_str(),
        "y" | "yes" | "s" | "si" | "sí"
    )
}

// ---------------------------------------------------------------------------
// Kinds of incident

/// The name of a kind in the current language (`followed` / `seguimiento`), from the catalogue.
///
/// Looked up once per language: listings name a kind per line. Only the process's language is
/// read, so `add` parses one message catalogue, not both ([`Kind::label`] fills the names of
/// every language at once, which `Kind::parse` needs).
pub fn kind_name(k: Kind) -> &'static str {
    fn names(lang: Lang) -> Vec<String> {
        Kind::ALL
            .iter()
            .map(|k| vault::i18n::text_in(lang, k.label_id(), None))
            .collect()
    }
    static EN: LazyLock<Vec<String>> = LazyLock::new(|| names(Lang::En));
    static ES: LazyLock<Vec<String>> = LazyLock::new(|| names(Lang::Es));
    let names: &'static [String] = match lang() {
        Lang::En => &EN,
        Lang::Es => &ES,
    };
    Kind::ALL
        .iter()
        .position(|x| *x == k)
        .and_then(|i| names.get(i))
        .map_or("", String::as_str)
}

/// Parses a kind typed in English or Spanish (`followed`, `seguimiento`, `me siguieron`, ...),
/// ignoring case and accents ([`Kind::parse`]).
pub fn parse_kind(text: &str) -> vault::Result<Kind> {
    Kind::parse(text).ok_or_else(|| {
        let list = Kind::ALL.map(kind_name).join(", ");
        Error::Invalid(vault::fl!(
            "cli-kind-unknown",
            kind = quote(text.trim()),
            list = list
        ))
    })
}

// ---------------------------------------------------------------------------
// Times

/// A stored time as people read it, in the reader's language and this computer's time zone
/// (`Tue 10 Nov 2026, 7:00 am`, `mar 10 nov 2026, 7:00 de la mañana`).
pub fn when_text(w: &When) -> String {
    w.human()
}

// ---------------------------------------------------------------------------
// Library errors

/// The text of a library error in `lang`: one line. The library's typed errors speak from the
/// message catalogues (`core-...` ids); the variants whose text the caller wrote (in the process
/// language) get their frame here.
pub fn localized(err: &Error, lang: Lang) -> String {
    if lang == Lang::En {
        return err.text_in(lang);
    }
    match err {
        // The caller wrote these texts in the process language already.
        Error::WeakPassphrase(s) => s.clone(),
        // No "entrada no válida:" before it (ES-GLOSSARY.md): the detail says what is wrong.
        Error::Invalid(s) => s.clone(),
        Error::Damaged(s) => format!(
            "la bóveda está dañada: {s} (ejecute `vault verify` para ver detalles)"
        ),
        Error::Tampered(s) => format!(
            "alguien cambió la bóveda sin la contraseña: {s}; no se firmó ni se guardó nada (ejecute `vault verify` para ver detalles)"
        ),
        Error::Encrypt(s) => format!("no se pudo cifrar: {s}"),
        Error::Decrypt(s) => format!("no se pudo descifrar: {s}"),
        other => other.text_in(lang),
    }
}

/// An error as a short line under a question: an invalid-input error without its prefix.
pub fn error_detail(e: &Error) -> String {
    match (e, lang()) {
        (Error::Invalid(s), _) => s.clone(),
        (e @ (Error::Input(_) | Error::Conflict(_)), lang) => {
            e.detail_in(lang).unwrap_or_else(|| e.text_in(lang))
        }
        (other, lang) => localized(other, lang),
    }
}

/// Matches `text` against a `*` pattern; returns the captured parts.
fn glob(pattern: &str, text: &str) -> Option<Vec<String>> {
    let parts: Vec<&str> = pattern.split('*').collect();
    let mut rest = text.strip_prefix(parts[0])?;
    let mut caps = Vec::new();
    for (i, part) in parts.iter().enumerate().skip(1) {
        let last = i == parts.len() - 1;
        let at = if last {
            if part.is_empty() {
                Some(rest.len())
            } else {
                rest.strip_suffix(part).map(|r| r.len())
            }
        } else {
            rest.find(part)
        }?;
        caps.push(rest[..at].to_owned());
        rest = &rest[at + part.len()..];
    }
    (parts.len() > 1 || rest.is_empty()).then_some(caps)
}

/// `text` rewritten by the first pattern of `table` it matches (captures reused in order).
fn by_pattern(table: &[(&str, &str)], text: &str) -> Option<String> {
    for (en, es) in table {
        if let Some(caps) = glob(en, text) {
            let mut out = String::new();
            let mut caps = caps.into_iter();
            for (i, piece) in es.split('*').enumerate() {
                if i > 0 {
                    out.push_str(&caps.next().unwrap_or_default());
                }
                out.push_str(piece);
            }
            return Some(out);
        }
    }
    None
}

// ---------------------------------------------------------------------------
// Problems found by `verify` and `bundle verify`, and attachment metadata

/// One problem of a verification report, as it is shown: in English `  [kind] item: detail` (as
/// `--json` says them); in another language the item and what the kind means, then the detail
/// on a line of its own, both from the catalogue (the kind and the English detail stay in
/// `--json`).
///
/// The item and detail may quote planted text (a record id, a bundle's entry name): they are
/// shown terminal-safe.
pub fn problem_line(p: &Problem) -> String {
    use super::terminal::inline;
    let item = p.item.to_string();
    let detail = p.detail.to_string();
    match lang() {
        Lang::En => format!("  [{}] {}: {}", p.kind, inline(&item), inline(&detail)),
        Lang::Es => format!(
            "  {}: {}\n    {}",
            inline(&item),
            p.kind.explanation(),
            inline(&detail)
        ),
    }
}

/// An identifying-metadata label of an attachment (`GPS position …`, `camera serial number …`,
/// `owner name …`, or an export plan's `incident … attachment … (name): …`) in the current
/// language.
pub fn identifying_text(item: &str) -> String {
    if lang() == Lang::En {
        return item.to_owned();
    }
    by_pattern(IDENTIFYING_ES, item).unwrap_or_else(|| item.to_owned())
}

const IDENTIFYING_ES: &[(&str, &str)] = &[
    ("GPS position *", "posición GPS *"),
    ("camera serial number *", "número de serie de la cámara *"),
    ("owner name *", "nombre del propietario *"),
];

/// Why an attachment's metadata could not be read (src/media.rs: `CONTEXT: error`), in the
/// current language; in Spanish only the context is said (the English error is in `--json`).
pub fn unreadable_reason(reason: &str) -> String {
    if lang() == Lang::En {
        return reason.to_owned();
    }
    let context = reason.split_once(':').map_or(reason, |(c, _)| c);
    match context {
        "cannot open file" => "no se pudo abrir el archivo".into(),
        "EXIF" => "los datos EXIF están dañados o no se reconocen".into(),
        "media container" => "el contenedor multimedia está dañado o no se reconoce".into(),
        _ => "el formato está dañado o no se reconoce".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The catalogue's `cli-` messages keep the spacing the terminal output had (leading
    /// indents, trailing spaces after a prompt, blank lines) and say 1 in the singular.
    #[test]
    fn cli_messages_keep_their_spacing_and_plurals() {
        use vault::i18n::{args, text_in, FluentValue};
        let en = |id: &str, pairs: &[(&'static str, FluentValue<'static>)]| {
            text_in(Lang::En, id, Some(&args(pairs.iter().cloned())))
        };
        assert_eq!(
            en("cli-pass-prompt", &[]),
            "Vault passphrase (or recovery code): "
        );
        assert_eq!(
            en("cli-note-logged-more", &[("n", 3.into())]),
            "  - and 3 more"
        );
        assert_eq!(
            en("cli-generated-passphrase", &[("n", 6.into())]),
            "Your passphrase (6 random words; this is the only time it is shown):"
        );
        assert_eq!(
            en("cli-note-leftovers", &[("n", 1.into())]),
            "note: removed 1 leftover file of an interrupted attach or rekey"
        );
        assert_eq!(
            en("cli-note-leftovers", &[("n", 2.into())]),
            "note: removed 2 leftover files of an interrupted attach or rekey"
        );
        assert_eq!(
            en(
                "cli-info-ledger",
                &[("n", 1.into()), ("cp", 1.into()), ("unsigned", 0.into())]
            ),
            "Ledger:       1 entry, 1 checkpoint, 0 not yet signed"
        );
        assert_eq!(
            en(
                "cli-info-ledger",
                &[("n", 5.into()), ("cp", 2.into()), ("unsigned", 1.into())]
            ),
            "Ledger:       5 entries, 2 checkpoints, 1 not yet signed"
        );
        let es = text_in(
            Lang::Es,
            "cli-attached-count",
            Some(&args([("n", FluentValue::from(1))])),
        );
        assert_eq!(es, "[1 adjunto]");
    }

    #[test]
    fn language_detection() {
        let args = |v: &[&str]| v.iter().map(OsString::from).collect::<Vec<_>>();
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        let none: &[(&str, &str)] = &[];
        assert_eq!(detect_with(&args(&["vault", "list"]), env(none)), Lang::En);
        let mx: &[(&str, &str)] = &[("LANG", "es_MX.UTF-8")];
        assert_eq!(detect_with(&args(&["vault"]), env(mx)), Lang::Es);
        assert_eq!(
            detect_with(&args(&["vault", "--lang", "en"]), env(mx)),
            Lang::En
        );
        assert_eq!(
            detect_with(&args(&["vault", "list", "--lang=es"]), env(none)),
            Lang::Es
        );
        assert_eq!(
            detect_with(&args(&["vault", "add", "--", "--lang", "es"]), env(none)),
            Lang::En
        );
        let all: &[(&str, &str)] = &[("LC_ALL", "C"), ("LANG", "es_ES.UTF-8")];
        assert_eq!(detect_with(&args(&["vault"]), env(all)), Lang::En);
        let msgs: &[(&str, &str)] = &[("LC_ALL", ""), ("LC_MESSAGES", "es_AR"), ("LANG", "C")];
        assert_eq!(detect_with(&args(&["vault"]), env(msgs)), Lang::Es);
    }

    #[test]
    fn patterns_match_with_captures() {
        assert_eq!(glob("a * b", "a x b"), Some(vec!["x".into()]));
        assert_eq!(glob("exact", "exact"), Some(vec![]));
        assert_eq!(glob("exact", "exactly"), None);
        let e = Error::WrongPassphrase;
        assert_eq!(localized(&e, Lang::En), e.text_in(Lang::En));
        assert!(localized(&e, Lang::Es).contains("contraseña incorrecta"));
        // Typed library errors speak from the catalogue, not from these patterns.
        let e = Error::Input(vault::error::Input::NoAttachment {
            record: "3f2a".into(),
            number: 13,
            count: 2,
        });
        assert_eq!(
            localized(&e, Lang::Es),
            "el incidente 3f2a no tiene el adjunto 13 (tiene 2)"
        );
    }

    #[test]
    fn metadata_labels_translate_by_pattern() {
        assert_eq!(
            by_pattern(IDENTIFYING_ES, "GPS position 40.712800, -74.006000").as_deref(),
            Some("posición GPS 40.712800, -74.006000")
        );
        assert_eq!(
            by_pattern(IDENTIFYING_ES, "owner name Jane").as_deref(),
            Some("nombre del propietario Jane")
        );
    }

    #[test]
    fn kinds_parse_in_both_languages() {
        assert_eq!(parse_kind("followed").unwrap(), Kind::Followed);
        assert_eq!(parse_kind("Seguimiento").unwrap(), Kind::Followed);
        assert_eq!(parse_kind("en línea").unwrap(), Kind::Online);
        assert_eq!(parse_kind("en-linea").unwrap(), Kind::Online);
        assert_eq!(parse_kind("DETENCIÓN").unwrap(), Kind::Arrest);
        assert!(parse_kind("picnic").is_err());
    }
}
