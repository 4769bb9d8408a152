//! The fields of an incident, defined once: the name each has in the ledger and in JSON, the
//! label a report shows (from the message catalogue), the names a person may type in either
//! language, whether it can be withheld from a bundle, and its columns in the CSV report.
//!
//! Every list of fields elsewhere (disclosures, redaction, reports, CSV) is built from
//! [`Field`], so adding a field means adding a variant here and letting the compiler point at
//! each `match` that must learn it. docs/format.md, "Record fields", is the table in prose.

use std::sync::LazyLock;

use crate::i18n::{self, Lang};

/// Every field's label in each language, looked up once: reports label every row.
static LABELS: LazyLock<[Vec<String>; 2]> = LazyLock::new(|| {
    [Lang::En, Lang::Es].map(|lang| {
        Field::ALL
            .iter()
            .map(|f| i18n::text_in(lang, f.label_id(), None))
            .collect()
    })
});

/// One field of an incident.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Kind,
    When,
    Location,
    Narrative,
    Agents,
    Vehicles,
    Witnesses,
    Tags,
    /// The incident's attachments. Not a disclosure of the record (each attachment is its own
    /// ledger entry), but withheld as a whole by `--redact attachments`.
    Attachments,
    RecordedAt,
}

impl Field {
    /// Every field, in the order `--redact` lists them.
    pub const ALL: [Field; 10] = [
        Field::Kind,
        Field::When,
        Field::Location,
        Field::Narrative,
        Field::Agents,
        Field::Vehicles,
        Field::Witnesses,
        Field::Tags,
        Field::Attachments,
        Field::RecordedAt,
    ];

    /// The columns of the CSV report come in this order (after `id` and `revision`).
    pub const CSV_ORDER: [Field; 10] = [
        Field::Kind,
        Field::When,
        Field::RecordedAt,
        Field::Location,
        Field::Narrative,
        Field::Agents,
        Field::Vehicles,
        Field::Witnesses,
        Field::Tags,
        Field::Attachments,
    ];

    /// The name in the ledger, in disclosures, in bundles and in `--redact`.
    pub fn name(self) -> &'static str {
        match self {
            Field::Kind => "kind",
            Field::When => "when",
            Field::Location => "location",
            Field::Narrative => "narrative",
            Field::Agents => "agents",
            Field::Vehicles => "vehicles",
            Field::Witnesses => "witnesses",
            Field::Tags => "tags",
            Field::Attachments => "attachments",
            Field::RecordedAt => "recorded_at",
        }
    }

    /// The key in the incident's JSON (`show --json`, `add --from-json`, record bodies): the
    /// ledger name, except `occurred_at` for [`Field::When`].
    pub fn json_key(self) -> &'static str {
        match self {
            Field::When => "occurred_at",
            other => other.name(),
        }
    }

    /// Spanish names a person may type for this field (the first is the one shown); compared
    /// without case or accents.
    fn names_es(self) -> &'static [&'static str] {
        match self {
            Field::Kind => &["tipo"],
            Field::When => &["cuándo", "fecha"],
            Field::Location => &["lugar", "dónde", "ubicación"],
            Field::Narrative => &["relato", "qué pasó"],
            Field::Agents => &["agentes"],
            Field::Vehicles => &["vehículos"],
            Field::Witnesses => &["testigos"],
            Field::Tags => &["etiquetas"],
            Field::Attachments => &["adjuntos"],
            Field::RecordedAt => &["anotado"],
        }
    }

    /// The name to show a person who types field names in `lang` (`witnesses` / `testigos`).
    pub fn name_in(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.name(),
            Lang::Es => self.names_es()[0],
        }
    }

    /// The catalogue id of the field's label (`field-witnesses`: "Witnesses" / "Testigos").
    pub fn label_id(self) -> &'static str {
        match self {
            Field::Kind => "field-kind",
            Field::When => "field-when",
            Field::Location => "field-location",
            Field::Narrative => "field-narrative",
            Field::Agents => "field-agents",
            Field::Vehicles => "field-vehicles",
            Field::Witnesses => "field-witnesses",
            Field::Tags => "field-tags",
            Field::Attachments => "field-attachments",
            Field::RecordedAt => "field-recorded_at",
        }
    }

    /// The label a report shows, in `lang`.
    pub fn label_in(self, lang: Lang) -> &'static str {
        let labels = match lang {
            Lang::En => &LABELS[0],
            Lang::Es => &LABELS[1],
        };
        let index = Field::ALL.iter().position(|f| *f == self).unwrap_or(0);
        labels.get(index).map_or("", String::as_str)
    }

    /// The label in the process's language.
    pub fn label(self) -> &'static str {
        self.label_in(i18n::language())
    }

    /// Whether `--redact` can withhold it (every field can; the narrative's `[[private]]`
    /// spans are withheld by default and are not named here).
    pub fn redactable(self) -> bool {
        match self {
            Field::Kind
            | Field::When
            | Field::Location
            | Field::Narrative
            | Field::Agents
            | Field::Vehicles
            | Field::Witnesses
            | Field::Tags
            | Field::Attachments
            | Field::RecordedAt => true,
        }
    }

    /// Whether the record itself discloses it (one salted disclosure per record revision);
    /// attachments are disclosed by their own ledger entries.
    pub fn in_record(self) -> bool {
        !matches!(self, Field::Attachments)
    }

    /// Its columns in the CSV report, in order.
    pub fn csv_columns(self) -> &'static [&'static str] {
        match self {
            Field::Kind => &["kind"],
            Field::When => &["when", "start_utc", "end_utc", "approximate"],
            Field::Location => &["location", "latitude", "longitude"],
            Field::Narrative => &["narrative"],
            Field::Agents => &["agents"],
            Field::Vehicles => &["vehicles"],
            Field::Witnesses => &["witnesses"],
            Field::Tags => &["tags"],
            Field::Attachments => &["attachments", "attachment_sha256"],
            Field::RecordedAt => &["recorded_at"],
        }
    }

    /// A field by its ledger name only (`witnesses`), exactly as stored.
    pub fn from_name(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.name() == name)
    }

    /// A field as a person types it, in English or Spanish, ignoring case, accents and the
    /// spaces around it (`witnesses`, `Testigos`, `vehiculos`).
    pub fn parse(text: &str) -> Option<Field> {
        let typed = key(text);
        Field::ALL
            .into_iter()
            .find(|f| typed == f.name() || f.names_es().iter().any(|es| key(es) == typed))
    }

    /// The redactable fields.
    pub fn redactable_fields() -> impl Iterator<Item = Field> {
        Field::ALL.into_iter().filter(|f| f.redactable())
    }
}

impl std::fmt::Display for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// What a typed name is compared by: lower case, accents folded, inner spaces single.
pub(crate) fn key(text: &str) -> String {
    let folded: String = text
        .chars()
        .flat_map(char::to_lowercase)
        .filter_map(|c| match c {
            'á' | 'à' | 'â' | 'ä' => Some('a'),
            'é' | 'è' | 'ê' | 'ë' => Some('e'),
            'í' | 'ì' | 'î' | 'ï' => Some('i'),
            'ó' | 'ò' | 'ô' | 'ö' => Some('o'),
            'ú' | 'ù' | 'û' | 'ü' => Some('u'),
            'ñ' => Some('n'),
            '\u{0300}'..='\u{036f}' => None,
            c => Some(c),
        })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_in_both_languages() {
        for f in Field::ALL {
            assert_eq!(Field::from_name(f.name()), Some(f));
            assert_eq!(Field::parse(f.name()), Some(f));
            assert_eq!(Field::parse(&f.name().to_uppercase()), Some(f));
            for es in f.names_es() {
                assert_eq!(Field::parse(es), Some(f), "{es}");
            }
            assert_eq!(Field::parse(f.name_in(Lang::Es)), Some(f));
        }
        assert_eq!(Field::parse(" Vehiculos "), Some(Field::Vehicles));
        assert_eq!(Field::parse("QUÉ  PASÓ"), Some(Field::Narrative));
        assert_eq!(Field::parse("witness"), None, "no guessing at near misses");
        assert_eq!(Field::parse("narrative.private.1"), None);
        assert_eq!(
            Field::from_name("Witnesses"),
            None,
            "stored names are exact"
        );
    }

    #[test]
    fn no_typed_name_means_two_fields() {
        let mut seen = std::collections::BTreeMap::new();
        for f in Field::ALL {
            for n in std::iter::once(f.name()).chain(f.names_es().iter().copied()) {
                if let Some(other) = seen.insert(key(n), f) {
                    panic!("{n:?} names both {other:?} and {f:?}");
                }
            }
        }
    }

    #[test]
    fn every_field_has_a_label_in_both_languages() {
        for f in Field::ALL {
            for lang in [Lang::En, Lang::Es] {
                let label = f.label_in(lang);
                assert!(
                    !label.is_empty() && label != f.label_id(),
                    "{f:?} has no label in {lang:?}"
                );
            }
        }
        assert_eq!(Field::Narrative.label_in(Lang::En), "What happened");
        assert_eq!(Field::Narrative.label_in(Lang::Es), "Qué pasó");
        assert_eq!(Field::Location.label_in(Lang::En), "Where");
        assert_eq!(Field::RecordedAt.label_in(Lang::Es), "Anotado");
    }

    #[test]
    fn the_redactable_set_is_the_one_bundles_have_always_taken() {
        let names: Vec<&str> = Field::redactable_fields().map(Field::name).collect();
        assert_eq!(
            names,
            [
                "kind",
                "when",
                "location",
                "narrative",
                "agents",
                "vehicles",
                "witnesses",
                "tags",
                "attachments",
                "recorded_at",
            ]
        );
    }

    #[test]
    fn a_record_discloses_exactly_the_fields_in_the_record() {
        let incident = crate::record::Incident {
            kind: crate::record::Kind::Raid,
            occurred_at: crate::when::When::Day(
                chrono::NaiveDate::from_ymd_opt(2026, 11, 20).expect("date"),
            ),
            location: None,
            narrative: "Met [[Ana]] there".into(),
            agents: vec![],
            vehicles: vec![],
            witnesses: vec![],
            tags: vec![],
        };
        let body =
            crate::record::RecordBody::new("ab".into(), 1, incident, chrono::Utc::now()).unwrap();
        let names: Vec<String> = body.field_values().unwrap().into_keys().collect();
        let mut want: Vec<String> = Field::ALL
            .into_iter()
            .filter(|f| f.in_record())
            .map(|f| f.name().to_owned())
            .chain(["narrative.private.1".to_owned()])
            .collect();
        want.sort();
        assert_eq!(names, want);
        assert_eq!(body.salts.keys().cloned().collect::<Vec<_>>(), want);
    }

    #[test]
    fn the_incident_json_has_a_key_for_each_field_of_the_record() {
        let incident = crate::record::Incident {
            kind: crate::record::Kind::Raid,
            occurred_at: crate::when::When::Day(
                chrono::NaiveDate::from_ymd_opt(2026, 11, 20).expect("date"),
            ),
            location: None,
            narrative: String::new(),
            agents: vec![],
            vehicles: vec![],
            witnesses: vec![],
            tags: vec![],
        };
        let json = serde_json::to_value(&incident).unwrap();
        let mut keys: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort();
        let mut want: Vec<&str> = Field::ALL
            .into_iter()
            .filter(|f| f.in_record() && *f != Field::RecordedAt)
            .map(Field::json_key)
            .collect();
        want.sort();
        assert_eq!(keys, want);
    }

    #[test]
    fn csv_columns_are_each_used_once() {
        let cols: Vec<&str> = Field::CSV_ORDER
            .iter()
            .flat_map(|f| f.csv_columns().iter().copied())
            .collect();
        let unique: std::collections::BTreeSet<&str> = cols.iter().copied().collect();
        assert_eq!(unique.len(), cols.len(), "{cols:?}");
        let mut order = Field::CSV_ORDER.to_vec();
        order.sort();
        let mut all = Field::ALL.to_vec();
        all.sort();
        assert_eq!(order, all, "every field has CSV columns");
    }
}
