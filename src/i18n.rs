//! Message catalogues: every text the program shows a person, in English and Spanish, from the
//! Fluent files in `i18n/<lang>/vault.ftl`, embedded in the binary.
//!
//! The language is chosen once per process ([`set_language`]); the CLI does it at start-up from
//! `--lang` or the locale. [`fl!`](crate::fl) looks a message up by a literal id (checked at
//! compile time against the English file); [`text`] looks up an id chosen at run time (error
//! variants, problem kinds), and a unit test checks that every id exists in both languages.
//! Placeables are not wrapped in Unicode isolation marks: output goes to terminals and files
//! that would show them as stray characters.

use std::collections::HashMap;
use std::sync::{LazyLock, OnceLock};

use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed::unic_langid::LanguageIdentifier;
use i18n_embed::LanguageLoader;
use rust_embed::RustEmbed;

pub use fluent::{FluentArgs, FluentValue};

#[derive(RustEmbed)]
#[folder = "i18n"]
struct Catalogues;

/// The catalogues' file name: `i18n/<lang>/vault.ftl`.
const DOMAIN: &str = "vault";

/// A language the program speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Es,
}

impl Lang {
    /// `es`, `es_MX.UTF-8`, `es-419` → Spanish; anything else (including `C`) → English.
    pub fn from_tag(tag: &str) -> Lang {
        if tag.to_ascii_lowercase().starts_with("es") {
            Lang::Es
        } else {
            Lang::En
        }
    }

    /// The BCP 47 tag (for `<html lang>` and the catalogue folder).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    fn id(self) -> LanguageIdentifier {
        let parsed = match self {
            Lang::En => LanguageIdentifier::from_bytes(b"en"),
            Lang::Es => LanguageIdentifier::from_bytes(b"es"),
        };
        // Both tags are constant and well formed; the default (`und`) is never reached.
        parsed.unwrap_or_default()
    }
}

static LANG: OnceLock<Lang> = OnceLock::new();

/// Sets the language for the rest of the process (first call wins).
pub fn set_language(lang: Lang) {
    let _ = LANG.set(lang);
}

/// The language in use (English until [`set_language`]).
pub fn language() -> Lang {
    LANG.get().copied().unwrap_or(Lang::En)
}

/// One loader per language, built on first use: a process speaks one language, but tests and
/// reports for counsel may ask for the other.
fn loader_for(lang: Lang) -> &'static FluentLanguageLoader {
    static EN: LazyLock<FluentLanguageLoader> = LazyLock::new(|| build(Lang::En));
    static ES: LazyLock<FluentLanguageLoader> = LazyLock::new(|| build(Lang::Es));
    match lang {
        Lang::En => &EN,
        Lang::Es => &ES,
    }
}

fn build(lang: Lang) -> FluentLanguageLoader {
    // The language is its own fallback, so only its catalogue is parsed (a fallback would parse
    // the English one too, about as long, at every Spanish start-up); both catalogues have every
    // id (a test below), so nothing falls back.
    let loader = FluentLanguageLoader::new(DOMAIN, lang.id());
    // The catalogues are embedded and checked by the tests below, so loading cannot fail at run
    // time; if it ever did, the fallback language's ids would still print as themselves.
    let _ = loader.load_languages(&Catalogues, &[lang.id()]);
    loader.set_use_isolating(false);
    loader
}

/// The loader of the process's language (what [`fl!`](crate::fl) uses).
pub fn loader() -> &'static FluentLanguageLoader {
    loader_for(language())
}

/// The message `id` in `lang`, with `args` filled in. For ids chosen at run time; prefer
/// [`fl!`](crate::fl) where the id is a literal.
pub fn text_in(lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
    loader_for(lang).get_args_fluent(id, args)
}

/// The message `id` in the process's language.
pub fn text(id: &str, args: Option<&FluentArgs>) -> String {
    text_in(language(), id, args)
}

/// Every message id in `lang`'s catalogue (for the tests that compare catalogues).
pub fn message_ids(lang: Lang) -> Vec<String> {
    let loader = loader_for(lang);
    let mut ids: Vec<String> = loader.with_message_iter(&lang.id(), |messages| {
        messages.map(|m| m.id.name.to_owned()).collect()
    });
    ids.sort();
    ids
}

/// Turns `name = value` pairs into Fluent arguments (numbers stay numbers, for plurals).
pub fn args<'a>(pairs: impl IntoIterator<Item = (&'a str, FluentValue<'a>)>) -> FluentArgs<'a> {
    let map: HashMap<&str, FluentValue> = pairs.into_iter().collect();
    let mut out = FluentArgs::new();
    for (k, v) in map {
        out.set(k, v);
    }
    out
}

/// `fl!("message-id")` or `fl!("message-id", name = value, ...)`: the message in the process's
/// language. The id and its arguments are checked at compile time against `i18n/en/vault.ftl`.
#[macro_export]
macro_rules! fl {
    ($id:literal) => {{
        i18n_embed_fl::fl!($crate::i18n::loader(), $id)
    }};
    ($id:literal, $($args:expr),* $(,)?) => {{
        i18n_embed_fl::fl!($crate::i18n::loader(), $id, $($args),*)
    }};
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_catalogues_have_the_same_ids() {
        let en = message_ids(Lang::En);
        let es = message_ids(Lang::Es);
        let missing_es: Vec<_> = en.iter().filter(|id| !es.contains(id)).collect();
        let missing_en: Vec<_> = es.iter().filter(|id| !en.contains(id)).collect();
        assert!(missing_es.is_empty(), "missing in i18n/es: {missing_es:?}");
        assert!(missing_en.is_empty(), "missing in i18n/en: {missing_en:?}");
    }

    #[test]
    fn plurals_follow_the_language_and_placeables_are_not_isolated() {
        let one = args([("count", FluentValue::from(1))]);
        let many = args([("count", FluentValue::from(3))]);
        assert_eq!(text_in(Lang::En, "i18n-selftest", Some(&one)), "one entry");
        assert_eq!(text_in(Lang::En, "i18n-selftest", Some(&many)), "3 entries");
        assert_eq!(
            text_in(Lang::Es, "i18n-selftest", Some(&one)),
            "una anotación"
        );
        assert_eq!(
            text_in(Lang::Es, "i18n-selftest", Some(&many)),
            "3 anotaciones"
        );
    }

    #[test]
    fn the_macro_reads_the_process_language() {
        // English unless a test binary set the language; the id is checked at compile time.
        let s = crate::fl!("i18n-selftest", count = 2);
        assert!(s == "2 entries" || s == "2 anotaciones", "{s}");
    }
}
