//! When an incident happened.
//!
//! People log incidents minutes after a frightening encounter, often in
//! Spanish, so [`When::parse`] accepts short natural phrases in English and
//! Spanish as well as exact machine forms, and turns them into one of three
//! stored shapes: an exact instant with the UTC offset that applied
//! ([`When::At`]), a calendar date ([`When::Day`]) or a range
//! ([`When::Between`]), which is `approximate` when the person said
//! "around", "this morning", "por la tarde" and the like.
//!
//! The parser is a small hand-written one (no natural-date crate handles
//! Spanish). Input is lower-cased, accents are folded (`días` = `dias`),
//! commas are ignored and extra spaces are tolerated.
//!
//! # Accepted forms
//!
//! * `now`, `right now` / `ahora`, `ahora mismo`
//! * RFC 3339 with its own offset: `2026-11-20T14:30:00-05:00`, `...Z`, or
//!   with a space instead of `T`; `2026-11-20 14:30[:SS]` (local zone);
//!   `2026-11-20` alone gives a [`When::Day`].
//! * `today`/`hoy`, `yesterday`/`ayer`, `day before yesterday`/`anteayer`,
//!   alone (a [`When::Day`]) or with a time: `today 14:30`, `yesterday 3pm`,
//!   `yesterday at 3:15 pm`, `ayer a las 15:00`.
//! * Relative: `2 hours ago`, `30 minutes ago`, `an hour ago`,
//!   `half an hour ago`, `hace 2 horas`, `hace una hora`, `hace media hora`,
//!   `hace 30 minutos` give an instant (truncated to the minute);
//!   `3 days ago`, `2 weeks ago`, `hace 3 días` give a [`When::Day`].
//! * Weekdays: `monday`, `last monday`, `el lunes pasado`, `el martes`. A
//!   weekday always means **the most recent such day strictly before today**
//!   (on a Monday, `monday` is a week ago).
//! * Parts of a day, as approximate ranges in local time:
//!
//!   | words | range |
//!   |---|---|
//!   | `morning`, `por la mañana` | 06:00–12:00 |
//!   | `afternoon` | 12:00–18:00 |
//!   | `por la tarde` | 12:00–20:00 (Spanish *tarde* runs until dark) |
//!   | `evening` | 18:00–22:00 |
//!   | `night` | 22:00–06:00 the next day |
//!   | `por la noche`, `tonight`, `last night`, `anoche` | 18:00–06:00 the next day (one word covers evening and night) |
//!   | `de madrugada` | 00:00–06:00 |
//!
//!   They combine with a day (`last monday morning`, `ayer por la noche`,
//!   `lunes pasado por la mañana`) and default to today (`this morning`,
//!   `esta mañana`). A part of the day also settles an hour given without
//!   am/pm: `ayer a las 3 de la tarde` is 15:00, `anoche a las 2` is 02:00
//!   today.
//! * Approximate instants: `around 3pm`, `about 15:00`,
//!   `around 2026-11-20 15:00`, `a eso de las 3pm`, `alrededor de las 15:00`
//!   give a range of ±30 minutes with `approximate: true`.
//! * Exact ranges: `between 2pm and 4pm`, `from 14:00 to 16:00`, `2pm-4pm`,
//!   `entre las 2pm y las 4pm`, `de 14:00 a 16:00`, `ayer de 2 a 4 de la
//!   tarde`. A side without a date takes the other side's (or a leading
//!   `yesterday`); if such an end falls before the start it moves to the next
//!   day (`yesterday between 10pm and 2am`). Sides that are days or parts of
//!   days span from the start of the first to the end of the last.
//! * Clock times: `3pm`, `3 pm`, `3:15pm`, `3 p.m.`, `15:00`, `15:00:30`,
//!   `14.30`, `15h30`, `15h`, `noon`/`mediodía`, `midnight`/`medianoche`;
//!   `12am` is 00:00 and `12pm` is noon. `H:MM` (or `H.MM`, `HhMM`, `Hh`)
//!   without am/pm is read as a 24-hour time (`3:15` is 03:15).
//!   A bare hour without am/pm (`at 3`) is refused as ambiguous unless a
//!   part of the day settles it or it is 0 or 13–23. A time without a day
//!   means today.
//!
//! # Rules
//!
//! * Local times are built through the time zone of `now`
//!   (`TimeZone::from_local_datetime`). A time that does not exist (in the
//!   spring-forward gap of daylight saving) is an error naming the gap. A
//!   time that exists twice (the fall-back fold) resolves to the **earlier**
//!   instant, i.e. the one with the daylight-saving offset. Range bounds that
//!   the parser computes itself (a part of the day, ±30 minutes around a
//!   time, the bounds of a day) never fail: a bound in a gap moves forward to
//!   the first valid local time.
//! * Incidents already happened: anything later than `now` plus
//!   [`CLOCK_SKEW_MINUTES`] is an error. A range whose end was computed by
//!   the parser (`this morning`, `around 10:00`) is clipped at `now`
//!   instead; an end the person typed (`between 9am and 11am`) is not.
//! * The stored value keeps the UTC offset that applied ([`FixedOffset`]),
//!   never a zone name.

use std::fmt;

use chrono::{
    DateTime, Datelike, Days, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, NaiveTime,
    SecondsFormat, TimeDelta, TimeZone, Timelike, Utc, Weekday,
};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeStruct, Serializer};
use serde::{Deserialize, Serialize};

/// How far past `now` (minutes) a parsed time may lie before it is refused
/// as being in the future: tolerates clocks that disagree a little.
pub const CLOCK_SKEW_MINUTES: i64 = 5;

/// The earliest year a typed time may fall in: anything before is refused as too far in the
/// past (`1000000 days ago`, a mistyped year), never stored as a nonsensical date.
pub const EARLIEST_YEAR: i32 = 1900;

/// Half-width (minutes) of the range that "around 3pm" stands for.
pub const APPROX_MINUTES: i64 = 30;

/// The accepted forms, shown in every "could not understand" error.
const HINT: &str = "now, today 14:30, yesterday 3pm, 2 hours ago, last monday morning, \
2026-11-20 14:30, 2026-11-20, around 3pm, between 2pm and 4pm, or RFC 3339 \
(2026-11-20T14:30:00-05:00); en español: ahora, ayer 15:00, hace 2 horas, \
el lunes pasado por la mañana, a eso de las 3pm, entre las 2pm y las 4pm";

/// When an incident happened: an exact time with its UTC offset, a date alone, or an approximate range.
///
/// Equality compares instants (as `chrono::DateTime` does), not the offsets
/// they are written with.
///
/// JSON form: `At` is an RFC 3339 string with offset and seconds
/// (`"2026-11-20T14:30:00-05:00"`), `Day` a `"2026-11-20"` string, and
/// `Between` an object `{"start": .., "end": .., "approximate": bool}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum When {
    /// An exact instant, with the offset that applied where it happened.
    At(DateTime<FixedOffset>),
    /// A calendar date, time unknown.
    Day(NaiveDate),
    /// A range, `start <= end`; `approximate` when the person only knew roughly.
    Between {
        start: DateTime<FixedOffset>,
        end: DateTime<FixedOffset>,
        approximate: bool,
    },
}

/// Why a typed time was refused. Every message is one line naming the input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WhenError {
    /// Nothing (or only spaces) was typed.
    #[error("no time given; try: {hint}", hint = HINT)]
    Empty,
    /// The words did not form a known time expression.
    #[error("could not understand the time {input:?}{}; try: {hint}", paren(.detail), hint = HINT)]
    Unrecognized {
        input: String,
        detail: Option<String>,
    },
    /// It looks like a date or time but names none (`25:00`, `2026-13-01`).
    #[error("invalid time {input:?}: {reason}; try: {hint}", hint = HINT)]
    Invalid { input: String, reason: String },
    /// An hour that could be morning or afternoon (`at 3`).
    #[error("ambiguous time {input:?}: {reason}")]
    Ambiguous { input: String, reason: String },
    /// The time lies more than [`CLOCK_SKEW_MINUTES`] after now.
    #[error("{input:?} means {resolved}, which is in the future; an incident can only be logged after it happened")]
    InFuture { input: String, resolved: String },
    /// The local time falls in a daylight-saving gap and never existed.
    #[error("{input:?}: {local} does not exist in this time zone (the clocks jumped forward over it for daylight saving time); use a time outside the gap or give the UTC offset, e.g. 2026-03-08T02:30:00-05:00")]
    NonexistentLocalTime { input: String, local: String },
    /// A range whose end comes before its start.
    #[error("{input:?}: the end ({end}) is before the start ({start})")]
    EndBeforeStart {
        input: String,
        start: String,
        end: String,
    },
    /// The time lies before [`EARLIEST_YEAR`] (or before any date the calendar holds).
    #[error("{input:?} is too far in the past (before {EARLIEST_YEAR}); check the number")]
    TooFarInPast { input: String },
}

fn paren(detail: &Option<String>) -> String {
    match detail {
        Some(d) => format!(" ({d})"),
        None => String::new(),
    }
}

impl When {
    /// Parse what a person typed, relative to `now`, in now's time zone (the machine's local zone in production: chrono::Local), unless the text carries its own offset.
    ///
    /// See the [module documentation](self) for the accepted forms and rules.
    pub fn parse<Tz: TimeZone>(input: &str, now: &DateTime<Tz>) -> Result<When, WhenError>
    where
        Tz::Offset: fmt::Display,
    {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(WhenError::Empty);
        }
        let now_fixed = now.fixed_offset();
        let parser = Parser {
            input: trimmed,
            tz: now.timezone(),
            now_utc: now.with_timezone(&Utc),
            now_sec: now_fixed.with_nanosecond(0).unwrap_or(now_fixed),
            today: now.date_naive(),
        };
        parser.run()
    }

    /// The checks a typed time passes, for a time that was not typed (`add --from-json`): not in
    /// the future (beyond [`CLOCK_SKEW_MINUTES`]; a date not after `now`'s date), a range's
    /// start not after its end, not before [`EARLIEST_YEAR`].
    pub fn check_plausible<Tz: TimeZone>(&self, now: &DateTime<Tz>) -> Result<(), WhenError> {
        let input = self.to_string();
        let limit = now.with_timezone(&Utc) + TimeDelta::minutes(CLOCK_SKEW_MINUTES);
        let future = |resolved: String| WhenError::InFuture {
            input: input.clone(),
            resolved,
        };
        let earliest = |d: NaiveDate| d.year() < EARLIEST_YEAR;
        match self {
            When::At(t) => {
                if *t > limit {
                    return Err(future(fmt_full(t)));
                }
                if earliest(t.date_naive()) {
                    return Err(WhenError::TooFarInPast { input });
                }
            }
            When::Day(d) => {
                if *d > now.date_naive() {
                    return Err(future(d.format("%Y-%m-%d").to_string()));
                }
                if earliest(*d) {
                    return Err(WhenError::TooFarInPast { input });
                }
            }
            When::Between { start, end, .. } => {
                if *end > limit {
                    return Err(future(fmt_full(end)));
                }
                if start > end {
                    return Err(WhenError::EndBeforeStart {
                        start: fmt_full(start),
                        end: fmt_full(end),
                        input,
                    });
                }
                if earliest(start.date_naive()) {
                    return Err(WhenError::TooFarInPast { input });
                }
            }
        }
        Ok(())
    }

    /// A UTC instant used to sort and filter: `At` is itself, `Between` its
    /// start, and `Day` (which has no zone) its date at 00:00 **UTC** — a
    /// simplification that can misplace a day against instants of the same
    /// date by the local offset.
    pub fn sort_key(&self) -> DateTime<Utc> {
        match self {
            When::At(t) => t.with_timezone(&Utc),
            When::Day(d) => d.and_time(NaiveTime::MIN).and_utc(),
            When::Between { start, .. } => start.with_timezone(&Utc),
        }
    }

    /// First and last instants the value could mean (for `--since`/`--until`
    /// filters; both ends inclusive). `At` is a single instant, `Between` its
    /// range, and `Day` its date from 00:00:00 to 23:59:59 **UTC** (the same
    /// simplification as [`When::sort_key`]: a day is not tied to a zone).
    pub fn span(&self) -> (DateTime<Utc>, DateTime<Utc>) {
        match self {
            When::At(t) => {
                let t = t.with_timezone(&Utc);
                (t, t)
            }
            When::Day(d) => (
                d.and_time(NaiveTime::MIN).and_utc(),
                d.and_time(end_of_day()).and_utc(),
            ),
            When::Between { start, end, .. } => {
                (start.with_timezone(&Utc), end.with_timezone(&Utc))
            }
        }
    }
}

fn end_of_day() -> NaiveTime {
    // 23:59:59 is always a valid time; the fallback is never taken.
    NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN)
}

// ---------------------------------------------------------------------------
// Display

// Listing formats one of these per incident (100,000 at a time), so the common shapes are
// written digit by digit; chrono's formatter takes the rest (years outside 0..=9999,
// fractional or leap seconds, offsets with seconds), giving the same text.

fn push_2(s: &mut String, n: u32) {
    s.push(char::from(b'0' + (n / 10 % 10) as u8));
    s.push(char::from(b'0' + (n % 10) as u8));
}

fn push_date(s: &mut String, d: NaiveDate) {
    match u32::try_from(d.year()) {
        Ok(y) if y <= 9999 => {
            push_2(s, y / 100);
            push_2(s, y % 100);
            s.push('-');
            push_2(s, d.month());
            s.push('-');
            push_2(s, d.day());
        }
        _ => s.push_str(&d.format("%Y-%m-%d").to_string()),
    }
}

fn push_time(s: &mut String, t: &DateTime<FixedOffset>) {
    if t.nanosecond() != 0 {
        s.push_str(&t.format("%H:%M:%S%.f").to_string());
        return;
    }
    push_2(s, t.hour());
    s.push(':');
    push_2(s, t.minute());
    if t.second() != 0 {
        s.push(':');
        push_2(s, t.second());
    }
}

fn push_offset(s: &mut String, t: &DateTime<FixedOffset>) {
    let secs = t.offset().local_minus_utc();
    if secs % 60 != 0 {
        s.push_str(&t.format("%:z").to_string());
        return;
    }
    s.push(if secs < 0 { '-' } else { '+' });
    let minutes = secs.unsigned_abs() / 60;
    push_2(s, minutes / 60);
    s.push(':');
    push_2(s, minutes % 60);
}

fn fmt_time(t: &DateTime<FixedOffset>) -> String {
    let mut s = String::with_capacity(8);
    push_time(&mut s, t);
    s
}

fn fmt_full(t: &DateTime<FixedOffset>) -> String {
    let mut s = String::with_capacity(24);
    push_date(&mut s, t.date_naive());
    s.push(' ');
    push_time(&mut s, t);
    s.push(' ');
    push_offset(&mut s, t);
    s
}

/// The end of a range, as short as it can be next to its start.
fn fmt_end(start: &DateTime<FixedOffset>, end: &DateTime<FixedOffset>) -> String {
    if start.date_naive() != end.date_naive() {
        fmt_full(end)
    } else if start.offset() != end.offset() {
        let mut s = fmt_time(end);
        s.push(' ');
        push_offset(&mut s, end);
        s
    } else {
        fmt_time(end)
    }
}

impl fmt::Display for When {
    /// `2026-11-20 14:30 -05:00`, `2026-11-20`,
    /// `around 2026-11-20 14:00 -05:00 – 16:00`,
    /// `between 2026-11-20 14:00 -05:00 and 16:00`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            When::At(t) => f.write_str(&fmt_full(t)),
            When::Day(d) => {
                let mut s = String::with_capacity(10);
                push_date(&mut s, *d);
                f.write_str(&s)
            }
            When::Between {
                start,
                end,
                approximate: true,
            } => write!(f, "around {} – {}", fmt_full(start), fmt_end(start, end)),
            When::Between {
                start,
                end,
                approximate: false,
            } => write!(f, "between {} and {}", fmt_full(start), fmt_end(start, end)),
        }
    }
}

// ---------------------------------------------------------------------------
// JSON (serde)

/// RFC 3339 offsets have no seconds, so a local-mean-time offset (e.g. Amsterdam's +00:19:32
/// before 1937) would be cut to minutes and move the instant. Keep the instant exact instead by
/// writing it in the nearest whole-minute offset.
fn rfc3339(t: &DateTime<FixedOffset>) -> String {
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

// ---------------------------------------------------------------------------
// Lexing

/// `YYYY-MM-DD` at the start of `s` (ASCII digits and dashes only).
fn is_date_shape(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
}

/// A strict `YYYY-MM-DD` date (the caller checked the shape).
fn parse_ymd(s: &str) -> Option<NaiveDate> {
    let y = s.get(0..4)?.parse().ok()?;
    let m = s.get(5..7)?.parse().ok()?;
    let d = s.get(8..10)?.parse().ok()?;
    NaiveDate::from_ymd_opt(y, m, d)
}

fn rfc_token(t: &str) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(&t.to_ascii_uppercase()).ok()
}

/// Lower-case, fold accents, separate punctuation that matters.
fn fold(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + 8);
    for c in input.chars().flat_map(char::to_lowercase) {
        let m = match c {
            'á' | 'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ñ' => 'n',
            '\u{0300}'..='\u{036f}' => continue, // combining accents
            ',' | ';' | '¿' | '?' | '¡' | '!' | '(' | ')' => ' ',
            '–' | '—' => {
                out.push_str(" - ");
                continue;
            }
            '~' => {
                out.push_str(" ~ ");
                continue;
            }
            other => other,
        };
        out.push(m);
    }
    for (from, to) in [
        ("a. m.", " am "),
        ("p. m.", " pm "),
        ("a.m.", " am "),
        ("p.m.", " pm "),
        ("a.m", " am "),
        ("p.m", " pm "),
    ] {
        out = out.replace(from, to);
    }
    out
}

fn tokenize(input: &str) -> Vec<String> {
    let folded = fold(input);
    let raw: Vec<&str> = folded
        .split_whitespace()
        .map(|t| t.trim_end_matches('.'))
        .filter(|t| !t.is_empty())
        .collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k < raw.len() {
        let t = raw[k];
        k += 1;
        if is_date_shape(t) {
            if t.len() == 10 {
                // "2026-11-20 14:30:00-05:00" inside a longer phrase.
                if let Some(next) = raw.get(k) {
                    let glued = format!("{t}t{next}");
                    if rfc_token(&glued).is_some() {
                        out.push(glued);
                        k += 1;
                        continue;
                    }
                }
                out.push(t.to_string());
            } else if rfc_token(t).is_some() {
                out.push(t.to_string());
            } else if t.as_bytes()[10] == b't' {
                // "2026-11-20t14:30" without offset: a date and a local time.
                out.push(t[..10].to_string());
                out.push(t[11..].to_string());
            } else {
                out.push(t.to_string());
            }
        } else if t != "-" && t.contains('-') {
            // "2pm-4pm", "14:00-16:00"
            for (n, piece) in t.split('-').enumerate() {
                if n > 0 {
                    out.push("-".to_string());
                }
                if !piece.is_empty() {
                    out.push(piece.to_string());
                }
            }
        } else {
            out.push(t.to_string());
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Vocabulary

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Period {
    Morning,
    Afternoon,
    Tarde,
    Evening,
    Night,
    Noche,
    Madrugada,
}

impl Period {
    /// Start hour, end hour, and whether the end is on the next day.
    fn hours(self) -> (u32, u32, bool) {
        match self {
            Period::Morning => (6, 12, false),
            Period::Afternoon => (12, 18, false),
            Period::Tarde => (12, 20, false),
            Period::Evening => (18, 22, false),
            Period::Night => (22, 6, true),
            Period::Noche => (18, 6, true),
            Period::Madrugada => (0, 6, false),
        }
    }

    /// The 24-hour hour meant by an hour 1–12 said without am/pm.
    fn settle_hour(self, h: u32) -> Option<u32> {
        match (self, h) {
            (Period::Morning, 1..=11) => Some(h),
            (Period::Afternoon | Period::Tarde, 12) => Some(12),
            (Period::Afternoon | Period::Tarde | Period::Evening, 1..=11) => Some(h + 12),
            (Period::Night | Period::Noche, 6..=11) => Some(h + 12),
            (Period::Night | Period::Noche | Period::Madrugada, 12) => Some(0),
            (Period::Night | Period::Noche, 1..=5) => Some(h),
            (Period::Madrugada, 1..=6) => Some(h),
            _ => None,
        }
    }
}

fn weekday(t: &str) -> Option<Weekday> {
    Some(match t {
        "monday" | "mon" | "lunes" => Weekday::Mon,
        "tuesday" | "tue" | "tues" | "martes" => Weekday::Tue,
        "wednesday" | "wed" | "miercoles" => Weekday::Wed,
        "thursday" | "thu" | "thur" | "thurs" | "jueves" => Weekday::Thu,
        "friday" | "fri" | "viernes" => Weekday::Fri,
        "saturday" | "sat" | "sabado" => Weekday::Sat,
        "sunday" | "sun" | "domingo" => Weekday::Sun,
        _ => return None,
    })
}

fn number(t: &str) -> Option<u32> {
    if !t.is_empty() && t.len() <= 6 && t.bytes().all(|b| b.is_ascii_digit()) {
        return t.parse().ok();
    }
    Some(match t {
        "a" | "an" | "one" | "un" | "una" | "uno" => 1,
        "two" | "dos" => 2,
        "three" | "tres" => 3,
        "four" | "cuatro" => 4,
        "five" | "cinco" => 5,
        "six" | "seis" => 6,
        "seven" | "siete" => 7,
        "eight" | "ocho" => 8,
        "nine" | "nueve" => 9,
        "ten" | "diez" => 10,
        "eleven" | "once" => 11,
        "twelve" | "doce" => 12,
        "fifteen" | "quince" => 15,
        "twenty" | "veinte" => 20,
        "thirty" | "treinta" => 30,
        _ => return None,
    })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    Minute,
    Hour,
    Day,
    Week,
}

fn unit(t: &str) -> Option<Unit> {
    Some(match t {
        "m" | "min" | "mins" | "minute" | "minutes" | "minuto" | "minutos" => Unit::Minute,
        "h" | "hr" | "hrs" | "hour" | "hours" | "hora" | "horas" => Unit::Hour,
        "d" | "day" | "days" | "dia" | "dias" => Unit::Day,
        "w" | "wk" | "wks" | "week" | "weeks" | "semana" | "semanas" => Unit::Week,
        _ => return None,
    })
}

/// An amount before a unit (`3 days ago`): [`number`], or any longer run of digits, capped at
/// `u32::MAX` so that `1000000 days ago` is refused as too far in the past rather than read as
/// something else.
fn amount(t: &str) -> Option<u32> {
    number(t).or_else(|| {
        (!t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse().unwrap_or(u32::MAX))
    })
}

/// `2h`, `30min`, `3days`: a number glued to its unit.
fn glued_amount(t: &str) -> Option<(u32, Unit)> {
    let split = t.find(|c: char| !c.is_ascii_digit())?;
    if split == 0 {
        return None;
    }
    Some((amount(&t[..split])?, unit(&t[split..])?))
}

/// A clock time written with digits, as typed (before a part of the day settles it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Clock {
    hour: u32,
    minute: u32,
    second: u32,
    /// Said as 1–12 without am/pm: a part of the day may move it to the afternoon.
    open: bool,
    /// Said as a bare number (no minutes, no am/pm).
    bare: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Meridiem {
    Am,
    Pm,
}

/// `None`: not shaped like a time. `Some(Err)`: shaped like one but invalid.
fn clock_token(tok: &str, meridiem: Option<Meridiem>) -> Option<Result<Clock, String>> {
    let (body, own) = if let Some(b) = tok.strip_suffix("am") {
        (b, Some(Meridiem::Am))
    } else if let Some(b) = tok.strip_suffix("pm") {
        (b, Some(Meridiem::Pm))
    } else {
        (tok, None)
    };
    // "15h" and "15h30", "14.30" are common in Spanish: read them as 15:00, 15:30, 14:30.
    let (body, h_suffix) = match body.strip_suffix('h') {
        Some(b) if !b.contains(['h', ':', '.']) => (b.to_string(), true),
        _ => (body.replace(['h', '.'], ":"), false),
    };
    if !body.bytes().any(|b| b.is_ascii_digit())
        || !body.bytes().all(|b| b.is_ascii_digit() || b == b':')
    {
        return None;
    }
    let mer = own.or(meridiem);
    let parts: Vec<&str> = body.split(':').collect();
    let shape_ok = match parts.as_slice() {
        [h] => (1..=2).contains(&h.len()),
        [h, m] => (1..=2).contains(&h.len()) && m.len() == 2,
        [h, m, s] => (1..=2).contains(&h.len()) && m.len() == 2 && s.len() == 2,
        _ => false,
    };
    if !shape_ok {
        return Some(Err("not a clock time (use 14:30, 2:30pm or 2pm)".into()));
    }
    let num = |i: usize| parts.get(i).map_or(Ok(0), |p| p.parse::<u32>());
    let (Ok(h), Ok(m), Ok(s)) = (num(0), num(1), num(2)) else {
        return Some(Err("not a clock time".into()));
    };
    if m > 59 {
        return Some(Err("minutes must be 00-59".into()));
    }
    if s > 59 {
        return Some(Err("seconds must be 00-59".into()));
    }
    let clock = match mer {
        Some(mer) => {
            if !(1..=12).contains(&h) {
                return Some(Err("with am/pm the hour must be 1-12".into()));
            }
            let hour = match (mer, h) {
                (Meridiem::Am, 12) => 0,
                (Meridiem::Am, h) => h,
                (Meridiem::Pm, 12) => 12,
                (Meridiem::Pm, h) => h + 12,
            };
            Clock {
                hour,
                minute: m,
                second: s,
                open: false,
                bare: false,
            }
        }
        None => {
            if h > 23 {
                return Some(Err("the hour must be 00-23".into()));
            }
            Clock {
                hour: h,
                minute: m,
                second: s,
                open: (1..=12).contains(&h),
                bare: parts.len() == 1 && !h_suffix,
            }
        }
    };
    Some(Ok(clock))
}

fn meridiem(t: &str) -> Option<Meridiem> {
    match t {
        "am" => Some(Meridiem::Am),
        "pm" => Some(Meridiem::Pm),
        _ => None,
    }
}

const APPROX_WORDS: &[&[&str]] = &[
    &["a", "eso", "de"],
    &["mas", "o", "menos"],
    &["alrededor", "de"],
    &["cerca", "de"],
    &["como", "a"],
    &["around"],
    &["about"],
    &["approximately"],
    &["approx"],
    &["roughly"],
    &["circa"],
    &["ca"],
    &["~"],
    &["aprox"],
    &["aproximadamente"],
    &["alrededor"],
    &["hacia"],
    &["sobre"],
    &["como"],
];

/// Words that only glue a phrase together.
const FILLERS: &[&str] = &[
    "at", "on", "the", "in", "of", "this", "el", "la", "las", "los", "lo", "a", "al", "por", "en",
    "de", "del", "esta", "este",
];

/// Range openers and the separators each accepts (`-` is accepted by all).
const OPENERS: &[(&str, &[&str])] = &[
    ("between", &["and"]),
    ("from", &["to", "until", "till", "through"]),
    ("entre", &["y"]),
    ("desde", &["hasta", "a"]),
    ("de", &["a", "hasta"]),
];

fn starts_with(rest: &[String], words: &[&str]) -> bool {
    rest.len() >= words.len() && rest.iter().zip(words).all(|(a, b)| a == b)
}

// ---------------------------------------------------------------------------
// Parsing

/// What one phrase (or one side of a range) said.
#[derive(Clone, Debug, Default)]
struct Parts {
    now: bool,
    instant: Option<DateTime<FixedOffset>>,
    ago: Option<TimeDelta>,
    day: Option<NaiveDate>,
    time: Option<Clock>,
    period: Option<Period>,
    approx: bool,
}

impl Parts {
    fn has_instant_source(&self) -> bool {
        self.now || self.instant.is_some() || self.ago.is_some()
    }
}

/// A resolved phrase before the future check.
#[derive(Clone, Debug)]
enum Res {
    At(DateTime<FixedOffset>),
    Day(NaiveDate),
    Range {
        start: DateTime<FixedOffset>,
        end: DateTime<FixedOffset>,
        approximate: bool,
        /// The end was typed (not computed), so it is never clipped at now.
        end_typed: bool,
    },
}

struct Parser<'a, Tz: TimeZone> {
    input: &'a str,
    tz: Tz,
    now_utc: DateTime<Utc>,
    now_sec: DateTime<FixedOffset>,
    today: NaiveDate,
}

impl<Tz: TimeZone> Parser<'_, Tz> {
    fn unrecognized(&self, detail: Option<String>) -> WhenError {
        WhenError::Unrecognized {
            input: self.input.to_string(),
            detail,
        }
    }

    fn invalid(&self, reason: impl Into<String>) -> WhenError {
        WhenError::Invalid {
            input: self.input.to_string(),
            reason: reason.into(),
        }
    }

    /// An invalid word; named unless it is the whole input.
    fn invalid_at(&self, word: &str, reason: &str) -> WhenError {
        if fold(self.input).trim() == word {
            self.invalid(reason)
        } else {
            self.invalid(format!("{word:?}: {reason}"))
        }
    }

    fn too_far(&self) -> WhenError {
        WhenError::TooFarInPast {
            input: self.input.to_string(),
        }
    }

    fn conflict(&self) -> WhenError {
        self.unrecognized(Some("it names the time more than once".into()))
    }

    fn days_before(&self, n: u64) -> Result<NaiveDate, WhenError> {
        self.today
            .checked_sub_days(Days::new(n))
            .ok_or_else(|| self.too_far())
    }

    fn run(&self) -> Result<When, WhenError> {
        if let Some(t) = whole_rfc3339(self.input) {
            return self.finish(Res::At(t));
        }
        let toks = tokenize(self.input);
        if toks.is_empty() {
            return Err(self.unrecognized(None));
        }
        let res = match find_range(&toks) {
            Some((opener, sep)) => self.range(&toks, opener, sep)?,
            None => {
                let parts = self.parts(&toks)?;
                self.resolve(&parts)?
            }
        };
        self.finish(res)
    }

    /// Future check, clipping of computed ends, and conversion to [`When`].
    fn finish(&self, res: Res) -> Result<When, WhenError> {
        let limit = self.now_utc + TimeDelta::minutes(CLOCK_SKEW_MINUTES);
        let future = |resolved: String| WhenError::InFuture {
            input: self.input.to_string(),
            resolved,
        };
        let start = match &res {
            Res::At(t) => t.date_naive(),
            Res::Day(d) => *d,
            Res::Range { start, .. } => start.date_naive(),
        };
        if start.year() < EARLIEST_YEAR {
            return Err(self.too_far());
        }
        match res {
            Res::At(t) => {
                if t > limit {
                    return Err(future(fmt_full(&t)));
                }
                Ok(When::At(t))
            }
            Res::Day(d) => {
                if d > self.today {
                    return Err(future(d.format("%Y-%m-%d").to_string()));
                }
                Ok(When::Day(d))
            }
            Res::Range {
                start,
                mut end,
                approximate,
                end_typed,
            } => {
                if start > limit {
                    return Err(future(fmt_full(&start)));
                }
                if end > limit {
                    if end_typed {
                        return Err(future(fmt_full(&end)));
                    }
                    end = if self.now_sec > start {
                        self.now_sec
                    } else {
                        start
                    };
                }
                if start > end {
                    return Err(WhenError::EndBeforeStart {
                        input: self.input.to_string(),
                        start: fmt_full(&start),
                        end: fmt_full(&end),
                    });
                }
                Ok(When::Between {
                    start,
                    end,
                    approximate,
                })
            }
        }
    }

    fn range(&self, toks: &[String], opener: Option<usize>, sep: usize) -> Result<Res, WhenError> {
        let (ctx_toks, left_toks) = match opener {
            Some(i) => (&toks[..i], &toks[i + 1..sep]),
            None => (&toks[..0], &toks[..sep]),
        };
        let right_toks = &toks[sep + 1..];
        if left_toks.is_empty() || right_toks.is_empty() {
            return Err(self.unrecognized(Some("a range needs a start and an end".into())));
        }
        let ctx = self.parts(ctx_toks)?;
        if ctx.has_instant_source() || ctx.time.is_some() {
            return Err(self.conflict());
        }
        let mut left = self.parts(left_toks)?;
        let mut right = self.parts(right_toks)?;
        let right_own_day = right.day.is_some();
        inherit(&mut left, &ctx);
        inherit(&mut right, &ctx);
        let snapshot = right.clone();
        inherit(&mut left, &snapshot);
        let snapshot = left.clone();
        inherit(&mut right, &snapshot);

        let (start, _, _, left_approx) = self.bounds(self.resolve(&left)?);
        let (_, mut end, mut end_typed, mut right_approx) = self.bounds(self.resolve(&right)?);
        if end < start && !right_own_day && !right.has_instant_source() {
            // "yesterday between 10pm and 2am": the end is on the next day.
            right.day = Some(
                right
                    .day
                    .unwrap_or(self.today)
                    .checked_add_days(Days::new(1))
                    .ok_or_else(|| self.invalid("date out of range"))?,
            );
            (_, end, end_typed, right_approx) = self.bounds(self.resolve(&right)?);
        }
        Ok(Res::Range {
            start,
            end,
            approximate: ctx.approx || left_approx || right_approx,
            end_typed,
        })
    }

    /// (start, end, end typed?, approximate?) of one side of a range.
    fn bounds(&self, res: Res) -> (DateTime<FixedOffset>, DateTime<FixedOffset>, bool, bool) {
        match res {
            Res::At(t) => (t, t, true, false),
            Res::Day(d) => (
                self.local_lenient(d.and_time(NaiveTime::MIN)),
                self.local_lenient(d.and_time(end_of_day())),
                false,
                false,
            ),
            Res::Range {
                start,
                end,
                approximate,
                end_typed,
            } => (start, end, end_typed, approximate),
        }
    }

    /// Read one phrase into its parts.
    fn parts(&self, toks: &[String]) -> Result<Parts, WhenError> {
        let mut p = Parts::default();
        let mut i = 0;
        while i < toks.len() {
            let prev = if i > 0 {
                Some(toks[i - 1].as_str())
            } else {
                None
            };
            match self.word(&toks[i..], prev, &mut p)? {
                Some(n) => i += n,
                None => {
                    let t = &toks[i];
                    let detail = if t == "tomorrow" || t == "manana" {
                        Some(format!(
                            "{t:?} is in the future; incidents are logged after they happen"
                        ))
                    } else if toks.len() == 1 && fold(self.input).trim() == t {
                        None // the whole input: naming it twice says nothing
                    } else {
                        Some(format!("unexpected {t:?}"))
                    };
                    return Err(self.unrecognized(detail));
                }
            }
        }
        Ok(p)
    }

    /// Recognise the words at the start of `rest`; returns how many were used.
    fn word(
        &self,
        rest: &[String],
        prev: Option<&str>,
        p: &mut Parts,
    ) -> Result<Option<usize>, WhenError> {
        let t = rest[0].as_str();
        let next = rest.get(1).map(String::as_str);
        let conflict = || self.conflict();

        macro_rules! set {
            ($field:ident, $value:expr) => {{
                if p.$field.is_some() {
                    return Err(conflict());
                }
                p.$field = Some($value);
            }};
        }
        macro_rules! set_now {
            () => {{
                if p.now {
                    return Err(conflict());
                }
                p.now = true;
            }};
        }

        // now
        for words in [
            &["right", "now"][..],
            &["just", "now"],
            &["ahora", "mismo"],
            &["justo", "ahora"],
            &["now"],
            &["ahora"],
        ] {
            if starts_with(rest, words) {
                set_now!();
                return Ok(Some(words.len()));
            }
        }

        // relative: "2 hours ago", "hace 2 horas", "half an hour ago", "hace media hora"
        if starts_with(rest, &["half", "an", "hour", "ago"]) {
            set!(ago, TimeDelta::minutes(30));
            return Ok(Some(4));
        }
        if starts_with(rest, &["hace", "media", "hora"]) {
            set!(ago, TimeDelta::minutes(30));
            return Ok(Some(3));
        }
        let (amount, used) = if t == "hace" {
            match (
                next.and_then(amount),
                rest.get(2).map(String::as_str).and_then(unit),
            ) {
                (Some(n), Some(u)) => (Some((n, u)), 3),
                _ => (next.and_then(glued_amount), 2),
            }
        } else {
            match (amount(t), next.and_then(unit)) {
                (Some(n), Some(u)) if rest.get(2).is_some_and(|w| w == "ago") => (Some((n, u)), 3),
                _ if next == Some("ago") => (glued_amount(t), 2),
                _ => (None, 0),
            }
        };
        if let Some((n, u)) = amount {
            match u {
                Unit::Minute => set!(ago, TimeDelta::minutes(i64::from(n))),
                Unit::Hour => set!(ago, TimeDelta::hours(i64::from(n))),
                Unit::Day => set!(day, self.days_before(u64::from(n))?),
                Unit::Week => set!(day, self.days_before(7 * u64::from(n))?),
            }
            return Ok(Some(used));
        }

        // named days
        for (words, back) in [
            (&["day", "before", "yesterday"][..], 2u64),
            (&["antes", "de", "ayer"], 2),
            (&["anteayer"], 2),
            (&["antier"], 2),
            (&["today"], 0),
            (&["hoy"], 0),
            (&["yesterday"], 1),
            (&["ayer"], 1),
        ] {
            if starts_with(rest, words) {
                set!(day, self.days_before(back)?);
                return Ok(Some(words.len()));
            }
        }
        for (words, back) in [
            (&["last", "night"][..], 1u64),
            (&["anoche"], 1),
            (&["tonight"], 0),
        ] {
            if starts_with(rest, words) {
                set!(day, self.days_before(back)?);
                set!(period, Period::Noche);
                return Ok(Some(words.len()));
            }
        }

        // weekdays: "monday", "last monday", "el lunes pasado"
        let (wd, mut used) = match (t, next.and_then(weekday)) {
            ("last" | "past", Some(w)) => (Some(w), 2),
            _ => (weekday(t), 1),
        };
        if let Some(wd) = wd {
            if rest.get(used).is_some_and(|w| w == "pasado") {
                used += 1;
            }
            let today = i64::from(self.today.weekday().num_days_from_monday());
            let target = i64::from(wd.num_days_from_monday());
            let back = match (today - target).rem_euclid(7) {
                0 => 7,
                n => n,
            };
            set!(day, self.days_before(back.unsigned_abs())?);
            return Ok(Some(used));
        }

        // dates and RFC 3339 instants
        if is_date_shape(t) {
            if t.len() == 10 {
                let d = parse_ymd(t).ok_or_else(|| self.invalid(format!("no such date {t}")))?;
                set!(day, d);
            } else {
                let at = rfc_token(t)
                    .ok_or_else(|| self.invalid(format!("{t:?} is not a valid date and time")))?;
                set!(instant, at);
            }
            return Ok(Some(1));
        }

        // clock times
        let named = match t {
            "noon" | "midday" | "mediodia" => Some(12),
            "midnight" | "medianoche" => Some(0),
            _ => None,
        };
        if let Some(hour) = named {
            set!(
                time,
                Clock {
                    hour,
                    minute: 0,
                    second: 0,
                    open: false,
                    bare: false,
                }
            );
            return Ok(Some(1));
        }
        // "3 pm" takes the am/pm from the next word unless "3pm" already has one.
        let own_mer = t.ends_with("am") || t.ends_with("pm");
        let next_mer = if own_mer {
            None
        } else {
            next.and_then(meridiem)
        };
        let parsed = match clock_token(t, next_mer) {
            Some(Ok(c)) => Some((c, if next_mer.is_some() { 2 } else { 1 })),
            Some(Err(reason)) => return Err(self.invalid_at(t, &reason)),
            None => None,
        };
        if let Some((clock, mut used)) = parsed {
            if rest.get(used).is_some_and(|w| {
                matches!(
                    w.as_str(),
                    "h" | "hs" | "hrs" | "horas" | "o'clock" | "oclock"
                )
            }) {
                used += 1;
            }
            set!(time, clock);
            return Ok(Some(used));
        }

        // parts of the day
        let period = match t {
            "morning" => Some(Period::Morning),
            "afternoon" => Some(Period::Afternoon),
            "evening" => Some(Period::Evening),
            "night" => Some(Period::Night),
            // Spanish words only after "la"/"esta"/"de": "mañana" alone means tomorrow.
            "manana" | "tarde" | "noche" | "madrugada"
                if matches!(prev, Some("la" | "esta" | "de")) =>
            {
                Some(match t {
                    "manana" => Period::Morning,
                    "tarde" => Period::Tarde,
                    "noche" => Period::Noche,
                    _ => Period::Madrugada,
                })
            }
            _ => None,
        };
        if let Some(period) = period {
            set!(period, period);
            return Ok(Some(1));
        }

        // "around", "a eso de", ...
        for words in APPROX_WORDS {
            if starts_with(rest, words) {
                if p.approx {
                    return Err(conflict());
                }
                p.approx = true;
                return Ok(Some(words.len()));
            }
        }

        if FILLERS.contains(&t) {
            return Ok(Some(1));
        }
        Ok(None)
    }

    /// Turn one phrase into a time, a day or a range.
    fn resolve(&self, p: &Parts) -> Result<Res, WhenError> {
        let sources = [p.now, p.instant.is_some(), p.ago.is_some()]
            .into_iter()
            .filter(|b| *b)
            .count();
        let calendar = p.day.is_some() || p.time.is_some() || p.period.is_some();
        if sources > 1 || (sources == 1 && calendar) {
            return Err(self.conflict());
        }
        let center = if p.now {
            Some(self.now_sec)
        } else if let Some(t) = p.instant {
            Some(t)
        } else if let Some(ago) = p.ago {
            let t = self
                .now_utc
                .checked_sub_signed(ago)
                .ok_or_else(|| self.too_far())?
                .with_timezone(&self.tz)
                .fixed_offset();
            Some(
                t.with_second(0)
                    .and_then(|t| t.with_nanosecond(0))
                    .unwrap_or(t),
            )
        } else if let Some(clock) = p.time {
            Some(self.clock_on_day(clock, p.day.unwrap_or(self.today), p.period)?)
        } else {
            None
        };

        if let Some(c) = center {
            if !p.approx {
                return Ok(Res::At(c));
            }
            if c > self.now_utc + TimeDelta::minutes(CLOCK_SKEW_MINUTES) {
                return Err(WhenError::InFuture {
                    input: self.input.to_string(),
                    resolved: fmt_full(&c),
                });
            }
            let half = TimeDelta::minutes(APPROX_MINUTES);
            let start = self.to_local_offset(c - half);
            let end = self.to_local_offset(c + half);
            return Ok(Res::Range {
                start,
                end,
                approximate: true,
                end_typed: false,
            });
        }
        if let Some(period) = p.period {
            let day = p.day.unwrap_or(self.today);
            let (from, to, next_day) = period.hours();
            let end_day = if next_day {
                day.checked_add_days(Days::new(1))
                    .ok_or_else(|| self.invalid("date out of range"))?
            } else {
                day
            };
            let at = |d: NaiveDate, h: u32| {
                d.and_time(NaiveTime::from_hms_opt(h, 0, 0).unwrap_or(NaiveTime::MIN))
            };
            return Ok(Res::Range {
                start: self.local_lenient(at(day, from)),
                end: self.local_lenient(at(end_day, to)),
                approximate: true,
                end_typed: false,
            });
        }
        if let Some(d) = p.day {
            return Ok(Res::Day(d));
        }
        Err(self.unrecognized(None))
    }

    /// The instant of a clock time on a local day (strict about DST gaps).
    fn clock_on_day(
        &self,
        clock: Clock,
        day: NaiveDate,
        period: Option<Period>,
    ) -> Result<DateTime<FixedOffset>, WhenError> {
        let hour = match (clock.open, period) {
            (true, Some(period)) => period.settle_hour(clock.hour).ok_or_else(|| {
                WhenError::Ambiguous {
                    input: self.input.to_string(),
                    reason: format!(
                        "hour {} does not fit that part of the day; say am or pm, or use 24-hour time",
                        clock.hour
                    ),
                }
            })?,
            (true, None) if clock.bare => {
                let h = clock.hour;
                let pm = if h == 12 { 12 } else { h + 12 };
                let am = if h == 12 { 0 } else { h };
                return Err(WhenError::Ambiguous {
                    input: self.input.to_string(),
                    reason: format!(
                        "{h} could be {h}am or {h}pm; write {h}am or {h}pm, or use 24-hour time ({am:02}:00 or {pm:02}:00)"
                    ),
                });
            }
            _ => clock.hour,
        };
        // "monday night at 2" is early on Tuesday.
        let day = match period.map(Period::hours) {
            Some((_, end, true)) if hour < end => day
                .checked_add_days(Days::new(1))
                .ok_or_else(|| self.invalid("date out of range"))?,
            _ => day,
        };
        let time = NaiveTime::from_hms_opt(hour, clock.minute, clock.second)
            .ok_or_else(|| self.invalid("no such time of day"))?;
        self.local_strict(day.and_time(time))
    }

    fn local_strict(&self, local: NaiveDateTime) -> Result<DateTime<FixedOffset>, WhenError> {
        match self.tz.from_local_datetime(&local) {
            LocalResult::Single(t) => Ok(t.fixed_offset()),
            // Fall-back fold: the earlier of the two instants.
            LocalResult::Ambiguous(a, b) => Ok(a.fixed_offset().min(b.fixed_offset())),
            LocalResult::None => Err(WhenError::NonexistentLocalTime {
                input: self.input.to_string(),
                local: local.format("%Y-%m-%d %H:%M").to_string(),
            }),
        }
    }

    /// For computed bounds: a local time in a gap moves forward until it exists.
    fn local_lenient(&self, local: NaiveDateTime) -> DateTime<FixedOffset> {
        for step in 0..=96 {
            let shifted = local + TimeDelta::minutes(15 * step);
            match self.tz.from_local_datetime(&shifted) {
                LocalResult::Single(t) => return t.fixed_offset(),
                LocalResult::Ambiguous(a, b) => return a.fixed_offset().min(b.fixed_offset()),
                LocalResult::None => {}
            }
        }
        local.and_utc().fixed_offset()
    }

    /// An instant written with the offset the zone had at that instant.
    fn to_local_offset(&self, t: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
        t.with_timezone(&self.tz).fixed_offset()
    }
}

/// Fill what `side` lacks from `from`: the day (into a side that names a time
/// or part of the day) and the part of the day (into a side with a time).
fn inherit(side: &mut Parts, from: &Parts) {
    if side.has_instant_source() {
        return;
    }
    if side.day.is_none() && (side.time.is_some() || side.period.is_some()) {
        side.day = from.day;
    }
    if side.period.is_none() && side.time.is_some() {
        side.period = from.period;
    }
}

/// A whole input that is RFC 3339 (`T` or a space between date and time).
fn whole_rfc3339(input: &str) -> Option<DateTime<FixedOffset>> {
    let words: Vec<&str> = input.split_whitespace().collect();
    match words.as_slice() {
        [one] => rfc_token(one),
        [d, t] if d.len() == 10 && is_date_shape(d) => rfc_token(&format!("{d}T{t}")),
        _ => None,
    }
}

/// (index of the opener word if any, index of the separator) of a range.
fn find_range(toks: &[String]) -> Option<(Option<usize>, usize)> {
    for (i, t) in toks.iter().enumerate() {
        let Some((_, seps)) = OPENERS.iter().find(|(o, _)| o == t) else {
            continue;
        };
        if t == "de" {
            // not "de la tarde", "a eso de las", "alrededor de", "antes de ayer"
            let next = toks.get(i + 1).map(String::as_str);
            let prev = if i > 0 {
                Some(toks[i - 1].as_str())
            } else {
                None
            };
            if matches!(next, None | Some("la" | "manana" | "madrugada"))
                || matches!(prev, Some("eso" | "alrededor" | "cerca" | "antes"))
            {
                continue;
            }
        }
        if let Some(j) =
            (i + 1..toks.len()).find(|&j| toks[j] == "-" || seps.contains(&toks[j].as_str()))
        {
            return Some((Some(i), j));
        }
    }
    toks.iter().position(|t| t == "-").map(|j| (None, j))
}

// ---------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::Tz;

    fn at(zone: Tz, s: &str) -> DateTime<Tz> {
        let naive = NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
        zone.from_local_datetime(&naive).single().unwrap()
    }

    const NY: Tz = chrono_tz::America::New_York;
    const MADRID: Tz = chrono_tz::Europe::Madrid;
    const UTC: Tz = chrono_tz::UTC;

    /// `At` as RFC 3339, `Day` as a date, `Between` as `[~]start..end`
    /// (`~` = approximate): offsets included, unlike `==`.
    fn canon(w: &When) -> String {
        match w {
            When::At(t) => rfc3339(t),
            When::Day(d) => d.to_string(),
            When::Between {
                start,
                end,
                approximate,
            } => format!(
                "{}{}..{}",
                if *approximate { "~" } else { "" },
                rfc3339(start),
                rfc3339(end)
            ),
        }
    }

    /// (input, now (zone, local time), expected canon or "ERR:" + error text fragment)
    #[rustfmt::skip]
    const ROWS: &[(&str, (Tz, &str), &str)] = &[
        // now is Wednesday 2026-11-25 10:00 in New York (-05:00) unless said otherwise
        ("now", (NY, "2026-11-25 10:00"), "2026-11-25T10:00:00-05:00"),
        ("  AHORA ", (NY, "2026-11-25 10:00"), "2026-11-25T10:00:00-05:00"),
        ("ahora mismo", (NY, "2026-11-25 10:00"), "2026-11-25T10:00:00-05:00"),
        // exact machine forms
        ("2026-11-20T14:30:00-05:00", (NY, "2026-11-25 10:00"), "2026-11-20T14:30:00-05:00"),
        ("2026-11-20T19:30:00Z", (NY, "2026-11-25 10:00"), "2026-11-20T19:30:00+00:00"),
        ("2026-11-20 14:30:00+01:00", (NY, "2026-11-25 10:00"), "2026-11-20T14:30:00+01:00"),
        ("2026-11-20t14:30:00.5-05:00", (NY, "2026-11-25 10:00"), "2026-11-20T14:30:00.500-05:00"),
        ("2026-11-20 14:30", (NY, "2026-11-25 10:00"), "2026-11-20T14:30:00-05:00"),
        ("2026-11-20 14:30:15", (NY, "2026-11-25 10:00"), "2026-11-20T14:30:15-05:00"),
        ("2026-11-20T14:30", (NY, "2026-11-25 10:00"), "2026-11-20T14:30:00-05:00"),
        ("2026-11-20", (NY, "2026-11-25 10:00"), "2026-11-20"),
        // today / yesterday
        ("today 09:30", (NY, "2026-11-25 10:00"), "2026-11-25T09:30:00-05:00"),
        ("today", (NY, "2026-11-25 10:00"), "2026-11-25"),
        ("yesterday 3pm", (NY, "2026-11-25 10:00"), "2026-11-24T15:00:00-05:00"),
        ("yesterday 3:15 pm", (NY, "2026-11-25 10:00"), "2026-11-24T15:15:00-05:00"),
        ("  Yesterday    at 3 P.M. ", (NY, "2026-11-25 10:00"), "2026-11-24T15:00:00-05:00"),
        ("3pm yesterday", (NY, "2026-11-25 10:00"), "2026-11-24T15:00:00-05:00"),
        ("yesterday", (NY, "2026-11-25 10:00"), "2026-11-24"),
        ("yesterday noon", (NY, "2026-11-25 10:00"), "2026-11-24T12:00:00-05:00"),
        ("day before yesterday", (NY, "2026-11-25 10:00"), "2026-11-23"),
        ("hoy 08:30", (NY, "2026-11-25 10:00"), "2026-11-25T08:30:00-05:00"),
        ("hoy a las 8am", (NY, "2026-11-25 10:00"), "2026-11-25T08:00:00-05:00"),
        ("ayer 3pm", (NY, "2026-11-25 10:00"), "2026-11-24T15:00:00-05:00"),
        ("ayer 15:00", (NY, "2026-11-25 10:00"), "2026-11-24T15:00:00-05:00"),
        ("ayer a las 15:00 hrs", (NY, "2026-11-25 10:00"), "2026-11-24T15:00:00-05:00"),
        ("ayer a las 3 de la tarde", (NY, "2026-11-25 10:00"), "2026-11-24T15:00:00-05:00"),
        ("ayer a las 3 p. m.", (NY, "2026-11-25 10:00"), "2026-11-24T15:00:00-05:00"),
        ("hoy", (NY, "2026-11-25 10:00"), "2026-11-25"),
        ("Ayer", (NY, "2026-11-25 10:00"), "2026-11-24"),
        ("anteayer", (NY, "2026-11-25 10:00"), "2026-11-23"),
        // relative
        ("2 hours ago", (NY, "2026-11-25 10:00"), "2026-11-25T08:00:00-05:00"),
        ("30 minutes ago", (NY, "2026-11-25 10:00"), "2026-11-25T09:30:00-05:00"),
        ("an hour ago", (NY, "2026-11-25 10:00"), "2026-11-25T09:00:00-05:00"),
        ("two hours ago", (NY, "2026-11-25 10:00"), "2026-11-25T08:00:00-05:00"),
        ("half an hour ago", (NY, "2026-11-25 10:00"), "2026-11-25T09:30:00-05:00"),
        ("45min ago", (NY, "2026-11-25 10:00"), "2026-11-25T09:15:00-05:00"),
        ("3 days ago", (NY, "2026-11-25 10:00"), "2026-11-22"),
        ("3 days ago at 14:00", (NY, "2026-11-25 10:00"), "2026-11-22T14:00:00-05:00"),
        ("hace 2 horas", (NY, "2026-11-25 10:00"), "2026-11-25T08:00:00-05:00"),
        ("hace 30 minutos", (NY, "2026-11-25 10:00"), "2026-11-25T09:30:00-05:00"),
        ("hace una hora", (NY, "2026-11-25 10:00"), "2026-11-25T09:00:00-05:00"),
        ("hace media hora", (NY, "2026-11-25 10:00"), "2026-11-25T09:30:00-05:00"),
        ("hace 3 días", (NY, "2026-11-25 10:00"), "2026-11-22"),
        ("hace 3 dias", (NY, "2026-11-25 10:00"), "2026-11-22"),
        ("HACE 3 DÍAS", (NY, "2026-11-25 10:00"), "2026-11-22"),
        ("hace tres di\u{301}as", (NY, "2026-11-25 10:00"), "2026-11-22"),
        ("hace 2 semanas", (NY, "2026-11-25 10:00"), "2026-11-11"),
        // weekdays: the most recent one strictly before today (today is Wednesday)
        ("monday", (NY, "2026-11-25 10:00"), "2026-11-23"),
        ("last monday", (NY, "2026-11-25 10:00"), "2026-11-23"),
        ("wednesday", (NY, "2026-11-25 10:00"), "2026-11-18"),
        ("last thursday", (NY, "2026-11-25 10:00"), "2026-11-19"),
        ("last monday 14:00", (NY, "2026-11-25 10:00"), "2026-11-23T14:00:00-05:00"),
        ("last monday morning", (NY, "2026-11-25 10:00"), "~2026-11-23T06:00:00-05:00..2026-11-23T12:00:00-05:00"),
        ("monday night", (NY, "2026-11-25 10:00"), "~2026-11-23T22:00:00-05:00..2026-11-24T06:00:00-05:00"),
        ("el lunes pasado", (NY, "2026-11-25 10:00"), "2026-11-23"),
        ("lunes pasado por la mañana", (NY, "2026-11-25 10:00"), "~2026-11-23T06:00:00-05:00..2026-11-23T12:00:00-05:00"),
        ("el martes por la tarde", (NY, "2026-11-25 10:00"), "~2026-11-24T12:00:00-05:00..2026-11-24T20:00:00-05:00"),
        ("el miércoles pasado a las 9pm", (NY, "2026-11-25 10:00"), "2026-11-18T21:00:00-05:00"),
        ("el sábado de madrugada", (NY, "2026-11-25 10:00"), "~2026-11-21T00:00:00-05:00..2026-11-21T06:00:00-05:00"),
        // parts of the day; computed ends are clipped at now
        ("this morning", (NY, "2026-11-25 10:00"), "~2026-11-25T06:00:00-05:00..2026-11-25T10:00:00-05:00"),
        ("esta mañana", (NY, "2026-11-25 10:00"), "~2026-11-25T06:00:00-05:00..2026-11-25T10:00:00-05:00"),
        ("yesterday evening", (NY, "2026-11-25 10:00"), "~2026-11-24T18:00:00-05:00..2026-11-24T22:00:00-05:00"),
        ("yesterday afternoon", (NY, "2026-11-25 10:00"), "~2026-11-24T12:00:00-05:00..2026-11-24T18:00:00-05:00"),
        ("ayer por la noche", (NY, "2026-11-25 10:00"), "~2026-11-24T18:00:00-05:00..2026-11-25T06:00:00-05:00"),
        ("anoche", (NY, "2026-11-25 10:00"), "~2026-11-24T18:00:00-05:00..2026-11-25T06:00:00-05:00"),
        ("last night", (NY, "2026-11-25 10:00"), "~2026-11-24T18:00:00-05:00..2026-11-25T06:00:00-05:00"),
        ("anoche a las 2", (NY, "2026-11-25 10:00"), "2026-11-25T02:00:00-05:00"),
        ("ayer por la noche a las 11", (NY, "2026-11-25 10:00"), "2026-11-24T23:00:00-05:00"),
        ("this evening", (NY, "2026-11-25 10:00"), "ERR:in the future"),
        ("esta noche", (NY, "2026-11-25 10:00"), "ERR:in the future"),
        // approximate instants (now 17:00)
        ("around 3pm", (NY, "2026-11-25 17:00"), "~2026-11-25T14:30:00-05:00..2026-11-25T15:30:00-05:00"),
        ("about 15:00", (NY, "2026-11-25 17:00"), "~2026-11-25T14:30:00-05:00..2026-11-25T15:30:00-05:00"),
        ("~3pm", (NY, "2026-11-25 17:00"), "~2026-11-25T14:30:00-05:00..2026-11-25T15:30:00-05:00"),
        ("around 2026-11-20 15:00", (NY, "2026-11-25 17:00"), "~2026-11-20T14:30:00-05:00..2026-11-20T15:30:00-05:00"),
        ("yesterday around 3pm", (NY, "2026-11-25 17:00"), "~2026-11-24T14:30:00-05:00..2026-11-24T15:30:00-05:00"),
        ("a eso de las 3pm", (NY, "2026-11-25 17:00"), "~2026-11-25T14:30:00-05:00..2026-11-25T15:30:00-05:00"),
        ("alrededor de las 15:00", (NY, "2026-11-25 17:00"), "~2026-11-25T14:30:00-05:00..2026-11-25T15:30:00-05:00"),
        ("ayer a eso de las 3 de la tarde", (NY, "2026-11-25 17:00"), "~2026-11-24T14:30:00-05:00..2026-11-24T15:30:00-05:00"),
        ("around 9:45", (NY, "2026-11-25 10:00"), "~2026-11-25T09:15:00-05:00..2026-11-25T10:00:00-05:00"),
        ("around 2pm", (NY, "2026-11-25 10:00"), "ERR:in the future"),
        // exact ranges (now 17:00)
        ("between 2pm and 4pm", (NY, "2026-11-25 17:00"), "2026-11-25T14:00:00-05:00..2026-11-25T16:00:00-05:00"),
        ("from 14:00 to 16:00", (NY, "2026-11-25 17:00"), "2026-11-25T14:00:00-05:00..2026-11-25T16:00:00-05:00"),
        ("2pm-4pm", (NY, "2026-11-25 17:00"), "2026-11-25T14:00:00-05:00..2026-11-25T16:00:00-05:00"),
        ("between 2026-11-20 14:00 and 2026-11-20 16:00", (NY, "2026-11-25 17:00"), "2026-11-20T14:00:00-05:00..2026-11-20T16:00:00-05:00"),
        ("between 2026-11-20 14:00 and 16:00", (NY, "2026-11-25 17:00"), "2026-11-20T14:00:00-05:00..2026-11-20T16:00:00-05:00"),
        ("between 2026-11-20T14:00:00-05:00 and 2026-11-20 16:00:00-05:00", (NY, "2026-11-25 17:00"), "2026-11-20T14:00:00-05:00..2026-11-20T16:00:00-05:00"),
        ("between 2pm and 4pm yesterday", (NY, "2026-11-25 17:00"), "2026-11-24T14:00:00-05:00..2026-11-24T16:00:00-05:00"),
        ("yesterday between 10pm and 2am", (NY, "2026-11-25 17:00"), "2026-11-24T22:00:00-05:00..2026-11-25T02:00:00-05:00"),
        ("between 4pm and now", (NY, "2026-11-25 17:00"), "2026-11-25T16:00:00-05:00..2026-11-25T17:00:00-05:00"),
        ("between monday and yesterday", (NY, "2026-11-25 17:00"), "2026-11-23T00:00:00-05:00..2026-11-24T23:59:59-05:00"),
        ("entre las 2pm y las 4pm", (NY, "2026-11-25 17:00"), "2026-11-25T14:00:00-05:00..2026-11-25T16:00:00-05:00"),
        ("de 14:00 a 16:00", (NY, "2026-11-25 17:00"), "2026-11-25T14:00:00-05:00..2026-11-25T16:00:00-05:00"),
        ("ayer de 2 a 4 de la tarde", (NY, "2026-11-25 17:00"), "2026-11-24T14:00:00-05:00..2026-11-24T16:00:00-05:00"),
        ("entre las 2pm y las 4pm de ayer", (NY, "2026-11-25 17:00"), "2026-11-24T14:00:00-05:00..2026-11-24T16:00:00-05:00"),
        ("desde las 9 de la noche hasta las 11 de la noche", (NY, "2026-11-25 17:00"), "ERR:in the future"),
        ("between 9am and 11am", (NY, "2026-11-25 10:00"), "ERR:in the future"),
        ("between 4pm and 2pm today", (NY, "2026-11-25 17:00"), "ERR:before the start"),
        // clock times; a bare time means today
        ("3pm", (NY, "2026-11-25 17:00"), "2026-11-25T15:00:00-05:00"),
        ("3 pm", (NY, "2026-11-25 17:00"), "2026-11-25T15:00:00-05:00"),
        ("15:00", (NY, "2026-11-25 17:00"), "2026-11-25T15:00:00-05:00"),
        ("3:15pm", (NY, "2026-11-25 17:00"), "2026-11-25T15:15:00-05:00"),
        ("3:15", (NY, "2026-11-25 17:00"), "2026-11-25T03:15:00-05:00"),
        ("12am", (NY, "2026-11-25 17:00"), "2026-11-25T00:00:00-05:00"),
        ("12pm", (NY, "2026-11-25 17:00"), "2026-11-25T12:00:00-05:00"),
        ("at 16", (NY, "2026-11-25 17:00"), "2026-11-25T16:00:00-05:00"),
        ("ayer 14.30", (NY, "2026-11-25 17:00"), "2026-11-24T14:30:00-05:00"),
        ("ayer a las 15h30", (NY, "2026-11-25 17:00"), "2026-11-24T15:30:00-05:00"),
        ("ayer a las 15h", (NY, "2026-11-25 17:00"), "2026-11-24T15:00:00-05:00"),
        ("hace 2h", (NY, "2026-11-25 17:00"), "2026-11-25T15:00:00-05:00"),
        ("2h ago", (NY, "2026-11-25 17:00"), "2026-11-25T15:00:00-05:00"),
        // the future (5 minutes of clock skew allowed)
        ("today 23:00", (NY, "2026-11-25 10:00"), "ERR:in the future"),
        ("10:04", (NY, "2026-11-25 10:00"), "2026-11-25T10:04:00-05:00"),
        ("10:06", (NY, "2026-11-25 10:00"), "ERR:in the future"),
        ("2026-12-01", (NY, "2026-11-25 10:00"), "ERR:in the future"),
        ("2026-11-25T16:00:00Z", (NY, "2026-11-25 10:00"), "ERR:in the future"),
        ("tomorrow", (NY, "2026-11-25 10:00"), "ERR:is in the future"),
        ("mañana", (NY, "2026-11-25 10:00"), "ERR:is in the future"),
        // DST in New York: spring forward 2026-03-08 02:00 -> 03:00, fall back 2026-11-01 02:00 -> 01:00
        ("2026-03-08 02:30", (NY, "2026-11-25 10:00"), "ERR:does not exist"),
        ("2026-03-08 01:59", (NY, "2026-11-25 10:00"), "2026-03-08T01:59:00-05:00"),
        ("2026-03-08 03:00", (NY, "2026-11-25 10:00"), "2026-03-08T03:00:00-04:00"),
        ("2026-11-01 01:30", (NY, "2026-11-25 10:00"), "2026-11-01T01:30:00-04:00"),
        ("2026-11-01 01:30:00-05:00", (NY, "2026-11-25 10:00"), "2026-11-01T01:30:00-05:00"),
        ("yesterday 3pm", (NY, "2026-03-09 10:00"), "2026-03-08T15:00:00-04:00"),
        ("yesterday 1am", (NY, "2026-03-09 10:00"), "2026-03-08T01:00:00-05:00"),
        ("last sunday 2:30am", (NY, "2026-03-09 10:00"), "ERR:does not exist"),
        ("2 days ago", (NY, "2026-03-09 10:00"), "2026-03-07"),
        ("12 hours ago", (NY, "2026-03-08 12:00"), "2026-03-07T23:00:00-05:00"),
        ("ayer de madrugada", (NY, "2026-03-09 10:00"), "~2026-03-08T00:00:00-05:00..2026-03-08T06:00:00-04:00"),
        ("around 2am", (NY, "2026-03-08 12:00"), "ERR:does not exist"),
        ("around 3am", (NY, "2026-03-08 12:00"), "~2026-03-08T01:30:00-05:00..2026-03-08T03:30:00-04:00"),
        ("yesterday 1:30am", (NY, "2026-11-02 10:00"), "2026-11-01T01:30:00-04:00"),
        ("yesterday 3pm", (NY, "2026-11-02 10:00"), "2026-11-01T15:00:00-05:00"),
        ("3 hours ago", (NY, "2026-11-01 03:00"), "2026-11-01T01:00:00-04:00"),
        // Madrid (+01:00 in winter; spring forward 2026-03-29 02:00 -> 03:00)
        ("ayer 15:00", (MADRID, "2026-11-25 10:00"), "2026-11-24T15:00:00+01:00"),
        ("hace 2 horas", (MADRID, "2026-11-25 10:00"), "2026-11-25T08:00:00+01:00"),
        ("el lunes pasado por la tarde", (MADRID, "2026-11-25 10:00"), "~2026-11-23T12:00:00+01:00..2026-11-23T20:00:00+01:00"),
        ("2026-07-14 21:00", (MADRID, "2026-11-25 10:00"), "2026-07-14T21:00:00+02:00"),
        ("2026-03-29 02:30", (MADRID, "2026-11-25 10:00"), "ERR:does not exist"),
        // UTC
        ("yesterday 3pm", (UTC, "2026-11-25 10:00"), "2026-11-24T15:00:00+00:00"),
        ("now", (UTC, "2026-11-25 10:00"), "2026-11-25T10:00:00+00:00"),
        // bad input
        ("", (NY, "2026-11-25 10:00"), "ERR:no time given"),
        ("   ", (NY, "2026-11-25 10:00"), "ERR:no time given"),
        ("blah", (NY, "2026-11-25 10:00"), "ERR:could not understand the time \"blah\""),
        ("tomorrow-ish", (NY, "2026-11-25 10:00"), "ERR:could not understand"),
        ("25:00", (NY, "2026-11-25 10:00"), "ERR:the hour must be 00-23"),
        ("14:75", (NY, "2026-11-25 10:00"), "ERR:minutes must be 00-59"),
        ("13pm", (NY, "2026-11-25 10:00"), "ERR:hour must be 1-12"),
        ("2026-13-01", (NY, "2026-11-25 10:00"), "ERR:no such date"),
        ("2026-02-30 10:00", (NY, "2026-11-25 10:00"), "ERR:no such date"),
        ("yesterday 3pm pm", (NY, "2026-11-25 10:00"), "ERR:unexpected \"pm\""),
        ("yesterday today", (NY, "2026-11-25 10:00"), "ERR:more than once"),
        ("at 3", (NY, "2026-11-25 17:00"), "ERR:ambiguous"),
        ("ayer a las 3", (NY, "2026-11-25 17:00"), "ERR:ambiguous"),
        ("3 hours ago yesterday", (NY, "2026-11-25 17:00"), "ERR:more than once"),
        ("between 2pm and", (NY, "2026-11-25 17:00"), "ERR:start and an end"),
        ("around", (NY, "2026-11-25 17:00"), "ERR:could not understand"),
        ("last", (NY, "2026-11-25 17:00"), "ERR:could not understand the time \"last\"; try"),
        ("yesterday last", (NY, "2026-11-25 17:00"), "ERR:(unexpected \"last\")"),
        ("999999999 days ago", (NY, "2026-11-25 17:00"), "ERR:too far in the past"),
        ("1000000 days ago", (NY, "2026-11-25 17:00"), "ERR:too far in the past"),
        ("hace 1000000 días", (NY, "2026-11-25 17:00"), "ERR:too far in the past"),
        ("99999999999999999999 hours ago", (NY, "2026-11-25 17:00"), "ERR:too far in the past"),
        ("1000000d ago", (NY, "2026-11-25 17:00"), "ERR:too far in the past"),
        ("1899-12-31", (NY, "2026-11-25 17:00"), "ERR:too far in the past"),
        ("1900-01-01", (NY, "2026-11-25 17:00"), "1900-01-01"),
    ];

    #[test]
    fn table() {
        assert!(ROWS.len() >= 40);
        let mut failures = Vec::new();
        for (input, (zone, now), expected) in ROWS {
            let now = at(*zone, now);
            let got = match When::parse(input, &now) {
                Ok(w) => canon(&w),
                Err(e) => {
                    let msg = e.to_string();
                    assert!(!msg.contains('\n'), "multi-line error for {input:?}");
                    match expected.strip_prefix("ERR:") {
                        Some(fragment) if msg.contains(fragment) => continue,
                        _ => format!("ERR:{msg}"),
                    }
                }
            };
            if got != *expected {
                failures.push(format!("{input:?} @ {now}: expected {expected}, got {got}"));
            }
        }
        assert!(
            failures.is_empty(),
            "{} failures:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn now_drops_subseconds_and_ago_drops_seconds() {
        let now = NY
            .from_local_datetime(
                &NaiveDateTime::parse_from_str("2026-11-25 10:00:45.250", "%Y-%m-%d %H:%M:%S%.f")
                    .unwrap(),
            )
            .single()
            .unwrap();
        assert_eq!(
            canon(&When::parse("now", &now).unwrap()),
            "2026-11-25T10:00:45-05:00"
        );
        assert_eq!(
            canon(&When::parse("2 hours ago", &now).unwrap()),
            "2026-11-25T08:00:00-05:00"
        );
        // a computed end clipped at now has whole seconds
        assert_eq!(
            canon(&When::parse("this morning", &now).unwrap()),
            "~2026-11-25T06:00:00-05:00..2026-11-25T10:00:45-05:00"
        );
    }

    #[test]
    fn works_with_the_machine_zone() {
        let now = chrono::Local::now();
        assert!(matches!(When::parse("now", &now), Ok(When::At(_))));
        assert!(matches!(When::parse("yesterday", &now), Ok(When::Day(_))));
    }

    #[test]
    fn error_message_lists_forms() {
        let now = at(NY, "2026-11-25 10:00");
        let msg = When::parse("blah", &now).unwrap_err().to_string();
        assert!(msg.starts_with(
            "could not understand the time \"blah\"; try: now, today 14:30, yesterday 3pm, 2 hours ago, \
             last monday morning, 2026-11-20 14:30, 2026-11-20, around 3pm, between 2pm and 4pm, \
             or RFC 3339 (2026-11-20T14:30:00-05:00)"
        ), "{msg}");
        let msg = When::parse("2026-03-08 02:30", &now)
            .unwrap_err()
            .to_string();
        assert!(msg.contains("2026-03-08 02:30 does not exist"), "{msg}");
        assert!(msg.contains("daylight saving"), "{msg}");
        let msg = When::parse("today 23:00", &now).unwrap_err().to_string();
        assert!(
            msg.contains("2026-11-25 23:00 -05:00, which is in the future"),
            "{msg}"
        );
    }

    fn dt(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    /// The digit-by-digit formatting gives chrono's text for every shape it handles, and
    /// hands chrono the shapes it does not.
    #[test]
    fn full_format_matches_chrono() {
        let chrono_full = |t: &DateTime<FixedOffset>| {
            let time = if t.nanosecond() != 0 {
                t.format("%H:%M:%S%.f").to_string()
            } else if t.second() != 0 {
                t.format("%H:%M:%S").to_string()
            } else {
                t.format("%H:%M").to_string()
            };
            format!("{} {time} {}", t.format("%Y-%m-%d"), t.format("%:z"))
        };
        let offsets = [
            0, 3600, -18000, 19800, -12600, 45900, 1172, -37, 86399, -86399,
        ];
        let instants = [
            "0000-01-01T00:00:00Z",
            "0009-02-03T04:05:06Z",
            "0999-12-31T23:59:00Z",
            "2026-11-20T14:30:00Z",
            "2026-11-20T14:30:15.5Z",
            "2016-12-31T23:59:60Z",
            "9999-12-30T23:59:59Z",
        ];
        let mut checked = 0;
        for text in instants {
            let utc = DateTime::parse_from_rfc3339(text).unwrap();
            for secs in offsets {
                let t = utc.with_timezone(&FixedOffset::east_opt(secs).unwrap());
                assert_eq!(fmt_full(&t), chrono_full(&t), "{t:?}");
                checked += 1;
            }
        }
        // Years outside 0..=9999, which chrono writes with a sign.
        for (y, expect) in [(-44, "-0044-03-15"), (12026, "+12026-03-15")] {
            let d = NaiveDate::from_ymd_opt(y, 3, 15).unwrap();
            assert_eq!(When::Day(d).to_string(), expect);
            let t = d.and_hms_opt(9, 0, 0).unwrap().and_utc().fixed_offset();
            assert_eq!(fmt_full(&t), chrono_full(&t));
        }
        assert_eq!(checked, instants.len() * offsets.len());
    }

    #[test]
    fn display() {
        let cases = [
            (
                When::At(dt("2026-11-20T14:30:00-05:00")),
                "2026-11-20 14:30 -05:00",
            ),
            (
                When::At(dt("2026-11-20T14:30:15-05:00")),
                "2026-11-20 14:30:15 -05:00",
            ),
            (
                When::Day(NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()),
                "2026-11-20",
            ),
            (
                When::Between {
                    start: dt("2026-11-20T14:00:00-05:00"),
                    end: dt("2026-11-20T16:00:00-05:00"),
                    approximate: true,
                },
                "around 2026-11-20 14:00 -05:00 – 16:00",
            ),
            (
                When::Between {
                    start: dt("2026-11-20T14:00:00-05:00"),
                    end: dt("2026-11-20T16:00:00-05:00"),
                    approximate: false,
                },
                "between 2026-11-20 14:00 -05:00 and 16:00",
            ),
            (
                When::Between {
                    start: dt("2026-11-24T18:00:00-05:00"),
                    end: dt("2026-11-25T06:00:00-05:00"),
                    approximate: true,
                },
                "around 2026-11-24 18:00 -05:00 – 2026-11-25 06:00 -05:00",
            ),
            (
                When::Between {
                    start: dt("2026-03-08T00:00:00-05:00"),
                    end: dt("2026-03-08T06:00:00-04:00"),
                    approximate: true,
                },
                "around 2026-03-08 00:00 -05:00 – 06:00 -04:00",
            ),
        ];
        for (w, s) in cases {
            assert_eq!(w.to_string(), s);
        }
    }

    #[test]
    fn sort_key_and_span() {
        let at = When::At(dt("2026-11-20T14:30:00-05:00"));
        let utc = |s: &str| dt(s).with_timezone(&Utc);
        assert_eq!(at.sort_key(), utc("2026-11-20T19:30:00Z"));
        assert_eq!(
            at.span(),
            (utc("2026-11-20T19:30:00Z"), utc("2026-11-20T19:30:00Z"))
        );
        let day = When::Day(NaiveDate::from_ymd_opt(2026, 11, 20).unwrap());
        assert_eq!(day.sort_key(), utc("2026-11-20T00:00:00Z"));
        assert_eq!(
            day.span(),
            (utc("2026-11-20T00:00:00Z"), utc("2026-11-20T23:59:59Z"))
        );
        let between = When::Between {
            start: dt("2026-11-20T14:00:00-05:00"),
            end: dt("2026-11-20T16:00:00-05:00"),
            approximate: false,
        };
        assert_eq!(between.sort_key(), utc("2026-11-20T19:00:00Z"));
        assert_eq!(
            between.span(),
            (utc("2026-11-20T19:00:00Z"), utc("2026-11-20T21:00:00Z"))
        );
    }

    #[test]
    fn json_round_trips() {
        let cases = [
            (
                When::At(dt("2026-11-20T14:30:00-05:00")),
                r#""2026-11-20T14:30:00-05:00""#,
            ),
            (
                When::At(dt("2026-11-20T19:30:00Z")),
                r#""2026-11-20T19:30:00+00:00""#,
            ),
            (
                When::At(dt("2026-11-20T14:30:00.250-05:00")),
                r#""2026-11-20T14:30:00.250-05:00""#,
            ),
            (
                When::Day(NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()),
                r#""2026-11-20""#,
            ),
            (
                When::Between {
                    start: dt("2026-11-20T14:00:00-05:00"),
                    end: dt("2026-11-20T16:00:00-05:00"),
                    approximate: true,
                },
                r#"{"start":"2026-11-20T14:00:00-05:00","end":"2026-11-20T16:00:00-05:00","approximate":true}"#,
            ),
            (
                When::Between {
                    start: dt("2026-03-08T00:00:00-05:00"),
                    end: dt("2026-03-08T06:00:00-04:00"),
                    approximate: false,
                },
                r#"{"start":"2026-03-08T00:00:00-05:00","end":"2026-03-08T06:00:00-04:00","approximate":false}"#,
            ),
        ];
        for (w, json) in cases {
            assert_eq!(serde_json::to_string(&w).unwrap(), json);
            let back: When = serde_json::from_str(json).unwrap();
            assert_eq!(canon(&back), canon(&w), "{json}");
        }
        // field order does not matter when reading
        let w: When = serde_json::from_str(
            r#"{"approximate":false,"end":"2026-11-20T16:00:00-05:00","start":"2026-11-20T14:00:00-05:00"}"#,
        )
        .unwrap();
        assert!(matches!(
            w,
            When::Between {
                approximate: false,
                ..
            }
        ));
        // whatever the parser produces survives a round trip
        let now = at(NY, "2026-11-25 17:00");
        for (input, _, expected) in ROWS {
            if expected.starts_with("ERR:") {
                continue;
            }
            let Ok(w) = When::parse(input, &now) else {
                continue;
            };
            let back: When = serde_json::from_str(&serde_json::to_string(&w).unwrap()).unwrap();
            assert_eq!(canon(&back), canon(&w), "{input}");
        }
    }

    #[test]
    fn json_rejects_bad_shapes() {
        let bad = [
            r#""2026-11-20 14:30""#,
            r#""2026-11-20T14:30:00""#,
            r#""2026-11-20T14:30""#,
            r#""2026-13-01""#,
            r#""2026-11-31""#,
            r#""2026-1-5""#,
            r#""yesterday""#,
            r#""""#,
            "42",
            "null",
            "true",
            r#"["2026-11-20"]"#,
            r#"{"start":"2026-11-20T14:00:00-05:00","end":"2026-11-20T16:00:00-05:00"}"#,
            r#"{"start":"2026-11-20T14:00:00-05:00","approximate":true}"#,
            r#"{"start":"2026-11-20T14:00:00-05:00","end":"2026-11-20T16:00:00-05:00","approximate":"yes"}"#,
            r#"{"start":"2026-11-20T14:00:00-05:00","end":"2026-11-20T16:00:00-05:00","approximate":true,"note":1}"#,
            r#"{"start":"2026-11-20","end":"2026-11-21","approximate":true}"#,
            r#"{"start":"2026-11-20T16:00:00-05:00","end":"2026-11-20T14:00:00-05:00","approximate":false}"#,
            r#"{}"#,
        ];
        for json in bad {
            assert!(
                serde_json::from_str::<When>(json).is_err(),
                "accepted {json}"
            );
        }
    }

    #[test]
    fn check_plausible_refuses_what_the_parser_refuses() {
        let now = DateTime::parse_from_rfc3339("2026-11-25T17:00:00-05:00").unwrap();
        let at = |t: &str| When::At(DateTime::parse_from_rfc3339(t).unwrap());
        let day = |d: &str| When::Day(d.parse().unwrap());
        assert!(at("2026-11-25T17:04:00-05:00")
            .check_plausible(&now)
            .is_ok());
        assert!(day("2026-11-25").check_plausible(&now).is_ok());
        assert!(day("1900-01-01").check_plausible(&now).is_ok());
        assert!(matches!(
            at("2026-11-25T17:06:00-05:00").check_plausible(&now),
            Err(WhenError::InFuture { .. })
        ));
        assert!(matches!(
            day("2026-11-26").check_plausible(&now),
            Err(WhenError::InFuture { .. })
        ));
        assert!(matches!(
            day("1899-12-31").check_plausible(&now),
            Err(WhenError::TooFarInPast { .. })
        ));
        let between = |a: &str, b: &str| When::Between {
            start: DateTime::parse_from_rfc3339(a).unwrap(),
            end: DateTime::parse_from_rfc3339(b).unwrap(),
            approximate: false,
        };
        assert!(
            between("2026-11-25T10:00:00-05:00", "2026-11-25T11:00:00-05:00")
                .check_plausible(&now)
                .is_ok()
        );
        assert!(matches!(
            between("2026-11-25T10:00:00-05:00", "2026-11-26T11:00:00-05:00").check_plausible(&now),
            Err(WhenError::InFuture { .. })
        ));
        assert!(matches!(
            between("2026-11-25T12:00:00-05:00", "2026-11-25T11:00:00-05:00").check_plausible(&now),
            Err(WhenError::EndBeforeStart { .. })
        ));
    }
}
