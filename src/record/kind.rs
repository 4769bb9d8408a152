//! Kinds of incident in people's words: the name and the menu line of each kind from the
//! message catalogue (`kind-...` ids), and the names and everyday words a person may type for
//! one, in English or Spanish.

use std::sync::LazyLock;

use super::field::key;
use super::Kind;
use crate::i18n::{self, Lang};

/// Every kind's name in each language, looked up once: listings name a kind per line.
static NAMES: LazyLock<[Vec<String>; 2]> = LazyLock::new(|| {
    [Lang::En, Lang::Es].map(|lang| {
        Kind::ALL
            .iter()
            .map(|k| i18n::text_in(lang, k.label_id(), None))
            .collect()
    })
});

impl Kind {
    /// The catalogue id of the kind's name (`kind-followed`: "followed" / "seguimiento").
    pub fn label_id(self) -> &'static str {
        match self {
            Kind::Followed => "kind-followed",
            Kind::Photographed => "kind-photographed",
            Kind::Contacted => "kind-contacted",
            Kind::Visited => "kind-visited",
            Kind::Raid => "kind-raid",
            Kind::Arrest => "kind-arrest",
            Kind::Online => "kind-online",
            Kind::Other => "kind-other",
        }
    }

    /// The catalogue id of the kind's menu line (name and a short explanation).
    pub fn description_id(self) -> &'static str {
        match self {
            Kind::Followed => "kind-followed-description",
            Kind::Photographed => "kind-photographed-description",
            Kind::Contacted => "kind-contacted-description",
            Kind::Visited => "kind-visited-description",
            Kind::Raid => "kind-raid-description",
            Kind::Arrest => "kind-arrest-description",
            Kind::Online => "kind-online-description",
            Kind::Other => "kind-other-description",
        }
    }

    /// The kind's name in `lang` (`followed` / `seguimiento`).
    pub fn label_in(self, lang: Lang) -> &'static str {
        let names = match lang {
            Lang::En => &NAMES[0],
            Lang::Es => &NAMES[1],
        };
        let index = Kind::ALL.iter().position(|k| *k == self).unwrap_or(0);
        names.get(index).map_or("", String::as_str)
    }

    /// The kind's name in the process's language.
    pub fn label(self) -> &'static str {
        self.label_in(i18n::language())
    }

    /// The kind with a short explanation, for the guided menu, in the process's language.
    pub fn description(self) -> String {
        i18n::text(self.description_id(), None)
    }

    /// Other words people use for this kind (compared without case or accents).
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            Kind::Followed => &[
                "seguido",
                "seguida",
                "me siguieron",
                "persecucion",
                "follow",
                "following",
                "tailed",
            ],
            Kind::Photographed => &[
                "fotografiado",
                "fotografiada",
                "foto",
                "fotos",
                "fotografia",
                "grabado",
                "filmado",
                "photograph",
                "photo",
                "photos",
                "pictures",
                "filmed",
                "recorded",
            ],
            Kind::Contacted => &[
                "contactado",
                "contactada",
                "abordado",
                "abordada",
                "contact",
                "questioned",
                "approached",
            ],
            Kind::Visited => &["visitado", "visitada", "visit", "home visit"],
            Kind::Raid => &["operativo", "raided"],
            Kind::Arrest => &[
                "detencion",
                "detenido",
                "detenida",
                "arrestado",
                "arrestada",
                "arrested",
                "detained",
                "detention",
            ],
            Kind::Online => &["internet", "en linea", "enlinea", "redes", "social media"],
            Kind::Other => &["otra", "otros"],
        }
    }

    /// A kind as a person types it: its stored name, its name in any language the program
    /// speaks, or an everyday word for it (`followed`, `Seguimiento`, `me siguieron`,
    /// `en-linea`), ignoring case, accents, `-` and `_`.
    pub fn parse(text: &str) -> Option<Kind> {
        let typed = key(&text.replace(['-', '_'], " "));
        // Stored names and everyday words first: they need no catalogue, so `add --kind raid`
        // does not parse the message files. No word names two kinds (a unit test), so the
        // order of the two passes decides nothing.
        Kind::ALL
            .into_iter()
            .find(|k| typed == k.as_str() || k.aliases().iter().any(|a| key(a) == typed))
            .or_else(|| {
                Kind::ALL.into_iter().find(|k| {
                    [Lang::En, Lang::Es]
                        .into_iter()
                        .any(|lang| key(&k.label_in(lang).replace('-', " ")) == typed)
                })
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_name_and_a_menu_line_in_both_languages() {
        for k in Kind::ALL {
            for lang in [Lang::En, Lang::Es] {
                let name = k.label_in(lang);
                let line = i18n::text_in(lang, k.description_id(), None);
                assert!(!name.is_empty() && name != k.label_id(), "{k:?} {lang:?}");
                assert!(line.starts_with(name), "{k:?} {lang:?}: {line}");
            }
            assert_eq!(
                k.label_in(Lang::En),
                k.as_str(),
                "English names are the stored ones"
            );
        }
        assert_eq!(Kind::Followed.label_in(Lang::Es), "seguimiento");
        assert_eq!(Kind::Online.label_in(Lang::Es), "en línea");
        assert_eq!(
            i18n::text_in(Lang::En, Kind::Visited.description_id(), None),
            "visited: agents came to a home, work or school"
        );
    }

    #[test]
    fn kinds_parse_in_either_language_and_from_everyday_words() {
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.as_str()), Some(k));
            assert_eq!(Kind::parse(k.label_in(Lang::Es)), Some(k));
        }
        assert_eq!(Kind::parse("Seguimiento"), Some(Kind::Followed));
        assert_eq!(Kind::parse("en línea"), Some(Kind::Online));
        assert_eq!(Kind::parse("en-linea"), Some(Kind::Online));
        assert_eq!(Kind::parse("DETENCIÓN"), Some(Kind::Arrest));
        assert_eq!(Kind::parse("fotografiado"), Some(Kind::Photographed));
        assert_eq!(Kind::parse("fotos"), Some(Kind::Photographed));
        assert_eq!(Kind::parse(" me  siguieron "), Some(Kind::Followed));
        assert_eq!(Kind::parse("photograph"), Some(Kind::Photographed));
        assert_eq!(Kind::parse("Detained"), Some(Kind::Arrest));
        assert_eq!(Kind::parse("social-media"), Some(Kind::Online));
        assert_eq!(Kind::parse("picnic"), None);
    }

    #[test]
    fn no_word_names_two_kinds() {
        let mut seen = std::collections::BTreeMap::new();
        for k in Kind::ALL {
            let words = [k.as_str().to_owned(), k.label_in(Lang::Es).to_owned()]
                .into_iter()
                .chain(k.aliases().iter().map(|a| a.to_string()));
            for w in words {
                if let Some(other) = seen.insert(key(&w), k) {
                    assert_eq!(other, k, "{w:?} names both {other:?} and {k:?}");
                }
            }
        }
    }
}
