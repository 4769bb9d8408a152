//! People and vehicles in an incident, and where it happened.

use serde::{Deserialize, Serialize};

use crate::error::Input;
use crate::{Error, Result};

/// Whom a [`Party`] line describes: the same Spanish word means a different thing on each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Agent,
    Vehicle,
    Witness,
}

/// An agent, a vehicle or a witness: free text, with optional structured parts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Party {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub badge: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plate: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
}

impl Party {
    /// Parses what was typed after `--agent`, `--vehicle` or `--witness`:
    /// `key=value` (or `key: value`) parts separated by `;`, where key is name, badge, agency,
    /// plate or contact; anything else is free description. `"tall, grey jacket; badge=4411"`.
    /// A bare `placa` is read as an agent's badge; [`Party::parse_as`] reads it by role.
    pub fn parse(text: &str) -> Result<Party> {
        Party::parse_as(text, Role::Agent)
    }

    /// Like [`Party::parse`], with the Spanish keys read the way people use them for this role:
    /// in a vehicle, `placa` (and `placas`, `chapa`) is the licence plate; on an agent, `placa`
    /// is the badge (ES-GLOSSARY.md: "placas del vehículo", "placa del agente").
    pub fn parse_as(text: &str, role: Role) -> Result<Party> {
        let mut party = Party::default();
        let mut free = Vec::new();
        for part in text.split(';') {
            let part = part.trim();
            if part.is_empty() {
                continue;
            }
            let split = part
                .split_once('=')
                .or_else(|| part.split_once(':'))
                .map(|(k, v)| (k.trim().to_lowercase(), v.trim()));
            let slot = match &split {
                Some((k, _)) => match k.as_str() {
                    "name" | "nombre" => Some(&mut party.name),
                    "placa" if role == Role::Vehicle => Some(&mut party.plate),
                    "badge" | "placa" | "placa de agente" | "numero de placa"
                    | "número de placa" => Some(&mut party.badge),
                    "agency" | "agencia" => Some(&mut party.agency),
                    "plate" | "placas" | "chapa" | "matricula" | "matrícula" => {
                        Some(&mut party.plate)
                    }
                    "contact" | "contacto" => Some(&mut party.contact),
                    _ => None,
                },
                None => None,
            };
            match (slot, split) {
                (Some(slot), Some((_, v))) if !v.is_empty() => *slot = Some(v.to_owned()),
                _ => free.push(part.to_owned()),
            }
        }
        if !free.is_empty() {
            party.description = Some(free.join("; "));
        }
        if party == Party::default() {
            return Err(Error::Input(Input::PartyEmpty));
        }
        Ok(party)
    }

    /// One-line text for listings.
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        if let Some(d) = &self.description {
            parts.push(d.clone());
        }
        for (label, v) in [
            ("name", &self.name),
            ("badge", &self.badge),
            ("agency", &self.agency),
            ("plate", &self.plate),
            ("contact", &self.contact),
        ] {
            if let Some(v) = v {
                parts.push(format!("{label} {v}"));
            }
        }
        parts.join("; ")
    }
}

/// Where it happened.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Location {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latitude: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub longitude: Option<f64>,
}

impl Location {
    /// Coordinates must come in pairs and be on Earth.
    pub fn validate(&self) -> Result<()> {
        match (self.latitude, self.longitude) {
            (None, None) => Ok(()),
            (Some(lat), Some(lon))
                if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) =>
            {
                Ok(())
            }
            _ => Err(Error::Input(Input::CoordinatesRange)),
        }
    }

    /// Parses `LAT,LON` in decimal degrees.
    pub fn parse_coords(text: &str) -> Result<(f64, f64)> {
        let bad = || {
            Error::Input(Input::CoordinatesFormat {
                text: text.to_owned(),
            })
        };
        let (a, b) = text.split_once(',').ok_or_else(bad)?;
        let lat: f64 = a.trim().parse().map_err(|_| bad())?;
        let lon: f64 = b.trim().parse().map_err(|_| bad())?;
        if !lat.is_finite() || !lon.is_finite() {
            return Err(bad());
        }
        Ok((lat, lon))
    }

    /// One-line text for listings.
    pub fn summary(&self) -> String {
        match (&self.text, self.latitude, self.longitude) {
            (Some(t), Some(a), Some(o)) => format!("{t} ({a:.5}, {o:.5})"),
            (Some(t), _, _) => t.clone(),
            (None, Some(a), Some(o)) => format!("{a:.5}, {o:.5}"),
            _ => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_structured_and_free_parts() {
        let p = Party::parse("tall, grey jacket; badge=4411; agency: ICE").unwrap();
        assert_eq!(p.description.as_deref(), Some("tall, grey jacket"));
        assert_eq!(p.badge.as_deref(), Some("4411"));
        assert_eq!(p.agency.as_deref(), Some("ICE"));
        let v = Party::parse("white Ford Explorer; plate=ABC1234").unwrap();
        assert_eq!(v.plate.as_deref(), Some("ABC1234"));
        assert!(Party::parse(" ; ").is_err());
        let odd = Party::parse("time: 3pm").unwrap();
        // In a vehicle, placa is the plate; on an agent, the badge.
        let car = Party::parse_as("Dodge Charger azul; placa=8KLM-472", Role::Vehicle).unwrap();
        assert_eq!(car.plate.as_deref(), Some("8KLM-472"));
        assert_eq!(car.badge, None);
        let van = Party::parse_as("camioneta; placas: 7ABC123", Role::Vehicle).unwrap();
        assert_eq!(van.plate.as_deref(), Some("7ABC123"));
        let agent = Party::parse_as("chamarra gris; placa=4411", Role::Agent).unwrap();
        assert_eq!(agent.badge.as_deref(), Some("4411"));
        assert_eq!(agent.plate, None);
        let witness = Party::parse_as("Ana; número de placa=77", Role::Witness).unwrap();
        assert_eq!(witness.badge.as_deref(), Some("77"));
        assert_eq!(odd.description.as_deref(), Some("time: 3pm"));
    }

    #[test]
    fn coordinates_are_checked() {
        assert_eq!(
            Location::parse_coords("40.7, -74.0").unwrap(),
            (40.7, -74.0)
        );
        assert!(Location::parse_coords("north").is_err());
        let bad = Location {
            text: None,
            latitude: Some(95.0),
            longitude: Some(0.0),
        };
        assert!(bad.validate().is_err());
    }
}
