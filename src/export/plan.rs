//! What to export and what to withhold (pure; no I/O).

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

use crate::record::Field;
use crate::when::When;
use crate::{Error, Result};

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
    /// Checks every field name (typos must not silently disclose).
    pub fn validate(&self) -> Result<()> {
        let names = self
            .redact
            .iter()
            .chain(self.entries.values().flat_map(|e| e.redact.iter()));
        for n in names {
            if !Field::parse(n).is_some_and(Field::redactable) {
                let fields: Vec<&str> = Field::redactable_fields().map(Field::name).collect();
                return Err(Error::Invalid(format!(
                    "cannot redact {n:?}; fields are: {}",
                    fields.join(", ")
                )));
            }
        }
        for places in self.coarsen_location.iter().chain(
            self.entries
                .values()
                .filter_map(|e| e.coarsen_location.as_ref()),
        ) {
            if *places > 6 {
                return Err(Error::Invalid(
                    "--coarsen-location takes 0 to 6 decimal places".into(),
                ));
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
            .map(|n| canonical(n))
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
        let attachments = |f: &String| Field::parse(f) == Some(Field::Attachments);
        self.redact.iter().any(attachments)
            || self
                .entry_for(id)
                .is_some_and(|e| e.redact.iter().any(attachments))
    }

    /// Decimal places for coarsening this record's location, if any.
    pub fn coarsen_places(&self, id: &str) -> Option<u8> {
        self.entry_for(id)
            .and_then(|e| e.coarsen_location)
            .or(self.coarsen_location)
    }
}

/// The ledger name of a field typed in either language (`testigos` -> `witnesses`); a name that
/// is no field stays as typed (validation has refused it already).
fn canonical(typed: &str) -> &str {
    Field::parse(typed).map_or(typed, |f| f.name())
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
        r.add_flag("ab12:Etiquetas").unwrap();
        assert!(r.add_flag("witness").is_err());
        let f = names(&["witnesses", "location", "kind", "tags"]);
        // Keys are full ids by the time fields are withheld (the planner resolves prefixes).
        assert_eq!(
            r.withheld_fields("ab12", &f),
            names(&["witnesses", "location", "tags"])
        );
        assert_eq!(r.withheld_fields("ab12ff", &f), names(&["witnesses"]));
        assert_eq!(r.withheld_fields("cd", &f), names(&["witnesses"]));
    }

    #[test]
    fn spanish_field_names_withhold_the_same_fields() {
        let mut r = Redaction::default();
        r.add_flag("testigos").unwrap();
        r.add_flag("cd:adjuntos").unwrap();
        r.add_flag("ab:Dónde").unwrap();
        let f = names(&["witnesses", "location", "kind"]);
        assert_eq!(
            r.withheld_fields("ab", &f),
            names(&["witnesses", "location"])
        );
        assert!(r.withholds_attachments("cd"));
        assert!(!r.withholds_attachments("ab"));
        let err = r.add_flag("testigo").unwrap_err().to_string();
        assert!(
            err.contains("fields are: kind, when, location, narrative, agents, vehicles, witnesses, tags, attachments, recorded_at"),
            "{err}"
        );
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
