//! What to export and what to withhold (pure; no I/O).

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

use super::Error;
use crate::i18n::{self, Lang};
use crate::record::Field;
use crate::when::When;
use crate::Result;

/// The field a typed name means: a redactable field's own name, or one of its Spanish names
/// (`testigos`, `vehículos`; case and accents do not matter); `None` when it is neither.
pub fn field_named(typed: &str) -> Option<&'static str> {
    Field::parse(typed)
        .filter(|f| f.redactable())
        .map(Field::name)
}

/// A field name of a record or an attachment as people read it in `lang` (`witnesses` /
/// `testigos`; `narrative.private.2` / `parte privada 2`). The English name is the field's own.
pub fn field_label(name: &str, lang: Lang) -> String {
    if let Some(n) = name.strip_prefix("narrative.private.") {
        let args = i18n::args([("n", i18n::FluentValue::from(n.to_owned()))]);
        return i18n::text_in(lang, "bundle-field-private", Some(&args));
    }
    if let Some(field) = Field::from_name(name) {
        return field.name_in(lang).to_owned();
    }
    let id = match name {
        "name" => "bundle-field-name",
        "size" => "bundle-field-size",
        "sha256" => "bundle-field-sha256",
        "media_type" => "bundle-field-media-type",
        "metadata" => "bundle-field-metadata",
        "attached_at" => "bundle-field-attached-at",
        other => return other.to_owned(),
    };
    i18n::text_in(lang, id, None)
}

/// The redactable fields, as `lang` names them, for messages.
pub fn redactable_list(lang: Lang) -> String {
    Field::redactable_fields()
        .map(|f| f.name_in(lang))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Which incidents go into a bundle.
#[derive(Debug, Clone)]
pub enum Selection {
    /// These ids (or unique prefixes).
    Entries(Vec<String>),
    /// Everything.
    All,
    /// Incidents whose time overlaps the range (either end open).
    Range {
        since: Option<When>,
        until: Option<When>,
    },
    /// Incidents with this tag.
    Tag(String),
}

/// Per-entry redaction.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntryRedaction {
    #[serde(default)]
    pub redact: Vec<String>,
    #[serde(default)]
    pub coarsen_location: Option<u8>,
}

impl EntryRedaction {
    /// Adds `other` (another key naming the same record): every field either withholds is
    /// withheld, and the coarser of two location roundings wins.
    pub fn merge(&mut self, other: EntryRedaction) {
        self.redact.extend(other.redact);
        self.coarsen_location = match (self.coarsen_location, other.coarsen_location) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }
}

/// What to withhold. Also the JSON shape of a `--redact-policy` file:
/// `{"redact": ["witnesses"], "coarsen_location": 2, "disclose_private": false,
///   "entries": {"3f2a": {"redact": ["location"]}}}`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Redaction {
    /// Fields withheld from every entry.
    #[serde(default)]
    pub redact: Vec<String>,
    /// Per entry (id or unique prefix) additions.
    #[serde(default)]
    pub entries: BTreeMap<String, EntryRedaction>,
    /// Round coordinates to this many decimals and disclose them as a derived value, withholding
    /// the original location.
    #[serde(default)]
    pub coarsen_location: Option<u8>,
    /// Disclose the narrative's `[[private]]` spans (withheld by default).
    #[serde(default)]
    pub disclose_private: bool,
}

impl Redaction {
    /// Replaces the Spanish field names people type (`testigos`) by the fields' own names;
    /// names that are neither are left for [`Redaction::validate`] to refuse.
    pub fn canonicalize(&mut self) {
        let fix = |names: &mut Vec<String>| {
            for n in names.iter_mut() {
                if let Some(f) = field_named(n) {
                    *n = f.to_owned();
                }
            }
        };
        fix(&mut self.redact);
        for e in self.entries.values_mut() {
            fix(&mut e.redact);
        }
    }

    /// Checks every field name (typos must not silently disclose).
    pub fn validate(&self) -> Result<()> {
        let names = self
            .redact
            .iter()
            .chain(self.entries.values().flat_map(|e| e.redact.iter()));
        for n in names {
            if !Field::from_name(n).is_some_and(Field::redactable) {
                return Err(Error::CannotRedact { field: n.clone() }.into());
            }
        }
        for places in self.coarsen_location.iter().chain(
            self.entries
                .values()
                .filter_map(|e| e.coarsen_location.as_ref()),
        ) {
            if *places > 6 {
                return Err(Error::CoarsenPlaces.into());
            }
        }
        Ok(())
    }

    /// Merges a parsed `--redact` value (`FIELD` or `ID:FIELD`).
    pub fn add_flag(&mut self, flag: &str) -> Result<()> {
        match flag.split_once(':') {
            Some((id, field)) => self
                .entries
                .entry(id.trim().to_owned())
                .or_default()
                .redact
                .push(field.trim().to_owned()),
            None => self.redact.push(flag.trim().to_owned()),
        }
        self.canonicalize();
        self.validate()
    }

    fn entry_for(&self, id: &str) -> Option<&EntryRedaction> {
        // The planner has replaced every key by the full id it names.
        self.entries.get(id)
    }

    /// Field names withheld for a record with these field names.
    pub fn withheld_fields(&self, id: &str, fields: &BTreeSet<String>) -> BTreeSet<String> {
        let entry = self.entry_for(id);
        let named: BTreeSet<&str> = self
            .redact
            .iter()
            .chain(entry.iter().flat_map(|e| e.redact.iter()))
            .map(String::as_str)
            .collect();
        let coarsen = self.coarsen_places(id).is_some();
        fields
            .iter()
            .filter(|f| {
                named.contains(f.as_str())
                    || (f.starts_with("narrative.private.")
                        && (!self.disclose_private || named.contains("narrative")))
                    || (f.as_str() == "location" && coarsen)
            })
            .cloned()
            .collect()
    }

    /// True when this record's attachments are withheld entirely.
    pub fn withholds_attachments(&self, id: &str) -> bool {
        self.redact.iter().any(|f| f == "attachments")
            || self
                .entry_for(id)
                .is_some_and(|e| e.redact.iter().any(|f| f == "attachments"))
    }

    /// Decimal places for coarsening this record's location, if any.
    pub fn coarsen_places(&self, id: &str) -> Option<u8> {
        self.entry_for(id)
            .and_then(|e| e.coarsen_location)
            .or(self.coarsen_location)
    }
}

/// Everything `export` needs besides recipients.
#[derive(Debug, Clone)]
pub struct ExportRequest {
    pub selection: Selection,
    pub redaction: Redaction,
    /// Remove identifying metadata from image copies.
    pub strip_metadata: bool,
    /// Include attachment files (hashes are always included unless withheld).
    pub include_files: bool,
}

/// Rounds coordinates for a derived, coarsened location.
pub fn coarsen(location: &serde_json::Value, places: u8) -> Option<serde_json::Value> {
    let lat = location.get("latitude")?.as_f64()?;
    let lon = location.get("longitude")?.as_f64()?;
    let factor = 10f64.powi(places as i32);
    Some(serde_json::json!({
        "latitude": (lat * factor).round() / factor,
        "longitude": (lon * factor).round() / factor,
        "derived_from": "location",
        "method": format!("coordinates rounded to {places} decimal place(s); place description withheld"),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> BTreeSet<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn private_spans_are_withheld_by_default() {
        let r = Redaction::default();
        let f = names(&["narrative", "narrative.private.1", "kind"]);
        assert_eq!(r.withheld_fields("ab", &f), names(&["narrative.private.1"]));
        let open = Redaction {
            disclose_private: true,
            ..Default::default()
        };
        assert!(open.withheld_fields("ab", &f).is_empty());
    }

    #[test]
    fn per_entry_and_global_redaction_and_typos() {
        let mut r = Redaction::default();
        r.add_flag("witnesses").unwrap();
        r.add_flag("ab12:location").unwrap();
        assert!(r.add_flag("witness").is_err());
        let f = names(&["witnesses", "location", "kind"]);
        // Keys are full ids by the time fields are withheld (the planner resolves prefixes).
        assert_eq!(
            r.withheld_fields("ab12", &f),
            names(&["witnesses", "location"])
        );
        assert_eq!(r.withheld_fields("ab12ff", &f), names(&["witnesses"]));
        assert_eq!(r.withheld_fields("cd", &f), names(&["witnesses"]));
    }

    #[test]
    fn spanish_field_names_are_accepted_and_shown() {
        let mut r = Redaction::default();
        r.add_flag("testigos").unwrap();
        r.add_flag("ab12:Vehículos").unwrap();
        r.add_flag("LUGAR").unwrap();
        assert_eq!(r.redact, vec!["witnesses", "location"]);
        assert_eq!(r.entries["ab12"].redact, vec!["vehicles"]);
        assert!(r.add_flag("testigo").is_err());
        assert_eq!(field_label("witnesses", Lang::Es), "testigos");
        assert_eq!(field_label("witnesses", Lang::En), "witnesses");
        assert_eq!(
            field_label("narrative.private.2", Lang::Es),
            "parte privada 2"
        );
        assert_eq!(
            field_label("narrative.private.2", Lang::En),
            "narrative.private.2"
        );
        assert_eq!(
            redactable_list(Lang::En),
            "kind, when, location, narrative, agents, vehicles, witnesses, tags, attachments, recorded_at"
        );
        let mut policy: Redaction = serde_json::from_str(
            r#"{"redact": ["etiquetas"], "entries": {"ab": {"redact": ["relato"]}}}"#,
        )
        .unwrap();
        policy.canonicalize();
        policy.validate().unwrap();
        assert_eq!(policy.redact, vec!["tags"]);
    }

    #[test]
    fn two_keys_for_one_record_merge_to_the_stricter() {
        let mut one = EntryRedaction {
            redact: vec!["location".into()],
            coarsen_location: Some(3),
        };
        one.merge(EntryRedaction {
            redact: vec!["witnesses".into()],
            coarsen_location: Some(1),
        });
        assert_eq!(one.redact, vec!["location", "witnesses"]);
        assert_eq!(one.coarsen_location, Some(1));
        one.merge(EntryRedaction::default());
        assert_eq!(one.coarsen_location, Some(1));
    }

    #[test]
    fn coarsening_rounds_and_marks_derived() {
        let v = coarsen(
            &serde_json::json!({"latitude": 40.712812, "longitude": -74.006015}),
            2,
        )
        .unwrap();
        assert_eq!(v["latitude"], 40.71);
        assert_eq!(v["longitude"], -74.01);
        assert_eq!(v["derived_from"], "location");
    }
}
