//! The JSON form of a [`When`] (serde): RFC 3339 strings, a date, or a range object. The
//! machine form; it never changes with the language.

use std::fmt;

use chrono::{DateTime, FixedOffset, SecondsFormat};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeStruct, Serializer};
use serde::{Deserialize, Serialize};

use super::display::push_date;
use super::parse::{is_date_shape, parse_ymd};
use super::When;

/// RFC 3339 offsets have no seconds, so a local-mean-time offset (e.g. Amsterdam's +00:19:32
/// before 1937) would be cut to minutes and move the instant. Keep the instant exact instead by
/// writing it in the nearest whole-minute offset.
pub(super) fn rfc3339(t: &DateTime<FixedOffset>) -> String {
    let secs = t.offset().local_minus_utc();
    let t = if secs % 60 == 0 {
        *t
    } else {
        let minutes = (secs + 30 * secs.signum()) / 60;
        FixedOffset::east_opt(minutes * 60)
            .map_or(t.to_utc().fixed_offset(), |o| t.with_timezone(&o))
    };
    t.to_rfc3339_opts(SecondsFormat::AutoSi, false)
}

impl When {
    /// The JSON string of an instant or a day (RFC 3339 or `YYYY-MM-DD`); `None` for a range,
    /// which is written as an object.
    pub fn json_text(&self) -> Option<String> {
        match self {
            When::At(t) => Some(rfc3339(t)),
            When::Day(d) => {
                let mut s = String::with_capacity(10);
                push_date(&mut s, *d);
                Some(s)
            }
            When::Between { .. } => None,
        }
    }

    /// The time as data in one string: RFC 3339, a date, or `start/end` for a range (an ISO
    /// 8601 interval), as CSV exports and the chronology write it.
    pub fn data_text(&self) -> String {
        match self {
            When::Between { start, end, .. } => format!("{}/{}", rfc3339(start), rfc3339(end)),
            _ => self.json_text().unwrap_or_default(),
        }
    }
}

impl Serialize for When {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            When::At(_) | When::Day(_) => s.serialize_str(&self.json_text().unwrap_or_default()),
            When::Between {
                start,
                end,
                approximate,
            } => {
                let mut st = s.serialize_struct("Between", 3)?;
                st.serialize_field("start", &rfc3339(start))?;
                st.serialize_field("end", &rfc3339(end))?;
                st.serialize_field("approximate", approximate)?;
                st.end()
            }
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBetween {
    start: String,
    end: String,
    approximate: bool,
}

fn stored_instant(s: &str) -> Result<DateTime<FixedOffset>, String> {
    DateTime::parse_from_rfc3339(s).map_err(|_| {
        format!("expected an RFC 3339 time with offset like 2026-11-20T14:30:00-05:00, got {s:?}")
    })
}

fn stored_str(s: &str) -> Result<When, String> {
    if s.len() == 10 && is_date_shape(s) {
        return parse_ymd(s)
            .map(When::Day)
            .ok_or_else(|| format!("no such date {s:?}"));
    }
    DateTime::parse_from_rfc3339(s).map(When::At).map_err(|_| {
        format!(
            "expected an RFC 3339 time with offset (2026-11-20T14:30:00-05:00) \
             or a date (2026-11-20), got {s:?}"
        )
    })
}

struct WhenVisitor;

impl<'de> Visitor<'de> for WhenVisitor {
    type Value = When;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            "an RFC 3339 time string, a YYYY-MM-DD date string, \
             or {\"start\", \"end\", \"approximate\"}",
        )
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<When, E> {
        stored_str(v).map_err(E::custom)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<When, A::Error> {
        let raw = RawBetween::deserialize(de::value::MapAccessDeserializer::new(map))?;
        let start = stored_instant(&raw.start).map_err(de::Error::custom)?;
        let end = stored_instant(&raw.end).map_err(de::Error::custom)?;
        if start > end {
            return Err(de::Error::custom(format!(
                "range end {:?} is before its start {:?}",
                raw.end, raw.start
            )));
        }
        Ok(When::Between {
            start,
            end,
            approximate: raw.approximate,
        })
    }
}

impl<'de> Deserialize<'de> for When {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<When, D::Error> {
        d.deserialize_any(WhenVisitor)
    }
}
