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
//! * Weekdays: `monday`, `el martes`, `este lunes` mean **the most recent such day strictly
//!   before today** (on a Monday, `monday` is a week ago). `last monday`, `el lunes pasado`,
//!   `el pasado lunes` mean the same, except when that day is one or two days back (said on a
//!   Tuesday or Wednesday): then "last" may mean the week before too, and the input is
//!   [`WhenError::Ambiguous`] with both readings ([`Ambiguity::Readings`]). `tuesday last week`,
//!   `el martes de la semana pasada` is the Tuesday of the previous calendar week (weeks start
//!   on Monday); `last week`, `la semana pasada` is that whole week, as an approximate range.
//! * Dates in words: `24 de noviembre (de 2026)`, `Nov 12`, `November 10th 2026`, `10 Nov 2026`,
//!   `el 24` (this month, or the last month that has that day), `el lunes 30` (the weekday
//!   must match). Without a year: the most recent such date not after today.
//! * Numeric dates `24/11/2026`, `24/11`, `24-11-2026`: both day/month and month/day are tried;
//!   when both are dates not in the future and differ (`11/10/2026`), the input is ambiguous
//!   with both readings, never guessed.
//! * Numbers in words up to fifty-nine (`veinticinco`, `cuarenta y cinco`, `twenty-five`);
//!   hours in words after `a la`/`a las`/`at` (`a la una de la tarde`); half and quarter hours
//!   (`a las 8 y media`, `las 5 menos cuarto`, `un cuarto para las 5`, `half past 8`,
//!   `quarter to 5`), which stay open to a part of the day like a bare hour.
//! * Vague times as approximate ranges: `a while ago`/`hace un rato` (the last hour),
//!   `a few minutes ago`/`hace unos minutos` (15 minutes), `a couple of hours ago`/
//!   `hace un par de horas` (1½–2½ hours ago), `a few hours ago`/`hace unas horas` (2–4 hours),
//!   `hace como 20 minutos` (±10 minutes: half the amount, at most ±30), `last weekend`,
//!   `el fin de semana`, `last month`, `el mes pasado`, `a month ago` (that day ± 7 days).
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
//!   | `early`, `temprano` | 05:00–09:00 |
//!   | `at dawn`, `al amanecer` / `at dusk`, `al anochecer` | 05:00–07:00 / 18:00–20:00 |
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
//! * A clock time or part of the day said **without a day** that still lies ahead today means
//!   the previous day's (`7am` at 04:38 is yesterday 07:00; `a las 12 de la noche` is the last
//!   midnight); [`When::parse_explained`] says so, for the echo. A clock time less than
//!   [`PREVIOUS_DAY_AFTER_MINUTES`] ahead, or one said with the day (`today`, `this`, `esta`),
//!   is refused as in the future.
//!
//! The words live in per-language tables (`lexicon/en.rs`, `lexicon/es.rs`), the parser that
//! reads them in `parse.rs`, the way a time is shown ([`When::human`]) in `display.rs`.
//! * The stored value keeps the UTC offset that applied ([`FixedOffset`](chrono::FixedOffset)),
//!   never a zone name.

use std::fmt;

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, TimeDelta, TimeZone, Timelike, Utc};

use crate::i18n::{self, FluentValue, Lang};

mod display;
mod json;
mod lexicon;
mod parse;

use display::fmt_full;

/// How far past `now` (minutes) a parsed time may lie before it is refused
/// as being in the future: tolerates clocks that disagree a little.
pub const CLOCK_SKEW_MINUTES: i64 = 5;

/// The earliest year a typed time may fall in: anything before is refused as too far in the
/// past (`1000000 days ago`, a mistyped year), never stored as a nonsensical date.
pub const EARLIEST_YEAR: i32 = 1900;

/// How far ahead today (minutes) a clock time said without a day must lie to be taken as the
/// previous day's ("7am" at 04:38); closer, it is refused as in the future (a wrong clock or a
/// typo is likelier than yesterday).
pub const PREVIOUS_DAY_AFTER_MINUTES: i64 = 60;

/// Half-width (minutes) of the range that "around 3pm" stands for.
pub const APPROX_MINUTES: i64 = 30;

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
    At(DateTime<chrono::FixedOffset>),
    /// A calendar date, time unknown.
    Day(NaiveDate),
    /// A range, `start <= end`; `approximate` when the person only knew roughly.
    Between {
        start: DateTime<chrono::FixedOffset>,
        end: DateTime<chrono::FixedOffset>,
        approximate: bool,
    },
}

/// Why a typed time was refused. Variants carry data; the one-line text naming the input comes
/// from the message catalogue (`when-…` ids) in the process's language.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum WhenError {
    /// Nothing (or only spaces) was typed.
    Empty,
    /// The words did not form a known time expression.
    Unrecognized {
        input: String,
        detail: Option<Unrecognized>,
    },
    /// It looks like a date or time but names none (`25:00`, `2026-13-01`); `word` is the
    /// offending word when it is not the whole input.
    Invalid {
        input: String,
        word: Option<String>,
        reason: Invalid,
    },
    /// It could mean more than one thing (`at 3`).
    Ambiguous { input: String, reason: Ambiguity },
    /// The time lies more than [`CLOCK_SKEW_MINUTES`] after now.
    InFuture { input: String, resolved: String },
    /// The local time falls in a daylight-saving gap and never existed.
    NonexistentLocalTime { input: String, local: String },
    /// A range whose end comes before its start.
    EndBeforeStart {
        input: String,
        start: String,
        end: String,
    },
    /// The time lies before [`EARLIEST_YEAR`] (or before any date the calendar holds).
    TooFarInPast { input: String },
}

/// What more can be said about words that were not understood.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Unrecognized {
    /// A word for a later day (`tomorrow`, `mañana`), as typed.
    Future(String),
    /// A word that does not fit where it stands, as typed.
    Unexpected(String),
    /// The phrase names the time (or the day, the part of the day) twice.
    Repeated,
    /// A range with no start or no end.
    RangeNeedsEnds,
}

/// Why something shaped like a date or time names none.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Invalid {
    /// Digits and colons, but not `14:30`, `2:30pm` or `2pm`.
    ClockShape,
    /// A clock number too large to read.
    Clock,
    Minutes,
    Seconds,
    /// With am/pm the hour must be 1–12.
    MeridiemHour,
    /// Without am/pm the hour must be 0–23.
    Hour,
    /// A calendar date that does not exist (as typed).
    NoSuchDate(String),
    /// An RFC 3339 time that does not parse (as typed).
    NotDateTime(String),
    /// A date outside the calendar chrono holds.
    OutOfRange,
    /// An hour and minute that name no time of day.
    NoSuchTime,
    /// A weekday said with a date that falls on another day (`el lunes 1 de diciembre de 2026`).
    WeekdayMismatch(NaiveDate),
}

/// What [`When::parse_explained`] read, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub when: When,
    /// A time said without a day was still to come today, so it was taken as the previous
    /// day's ("7am" said at 04:38); the echo says so.
    pub previous_day: bool,
}

impl Parsed {
    fn plain(when: When) -> Parsed {
        Parsed {
            when,
            previous_day: false,
        }
    }
}

/// What makes a typed time ambiguous.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Ambiguity {
    /// An hour said without am/pm that the part of the day named does not settle.
    PeriodHour(u32),
    /// An hour 1–12 said alone (`at 3`): morning or afternoon.
    AmOrPm(u32),
    /// Words with two readings: a numeric date both day/month and month/day
    /// (`11/10/2026`), or "last Tuesday" said within two days of a Tuesday. The caller asks
    /// which one was meant.
    Readings { first: When, second: When },
}

impl WhenError {
    /// The message in `lang` (what `Display` shows in the process's language).
    pub fn text_in(&self, lang: Lang) -> String {
        let q = |s: &str| quote(lang, s);
        let t = |id: &str, pairs: Vec<(&str, String)>| {
            let args = i18n::args(pairs.into_iter().map(|(k, v)| (k, FluentValue::from(v))));
            i18n::text_in(lang, id, Some(&args))
        };
        match self {
            WhenError::Empty => t("when-empty", vec![]),
            WhenError::Unrecognized { input, detail } => {
                let detail = match detail {
                    None => String::new(),
                    Some(d) => format!(" ({})", d.text_in(lang)),
                };
                t(
                    "when-unrecognized",
                    vec![("input", q(input)), ("detail", detail)],
                )
            }
            WhenError::Invalid {
                input,
                word,
                reason,
            } => {
                let reason = match word {
                    Some(w) => format!("{}: {}", q(w), reason.text_in(lang)),
                    None => reason.text_in(lang),
                };
                t(
                    "when-invalid",
                    vec![("input", q(input)), ("reason", reason)],
                )
            }
            WhenError::Ambiguous { input, reason } => t(
                "when-ambiguous",
                vec![("input", q(input)), ("reason", reason.text_in(lang))],
            ),
            WhenError::InFuture { input, resolved } => t(
                "when-in-future",
                vec![("input", q(input)), ("resolved", resolved.clone())],
            ),
            WhenError::NonexistentLocalTime { input, local } => t(
                "when-nonexistent",
                vec![("input", q(input)), ("local", local.clone())],
            ),
            WhenError::EndBeforeStart { input, start, end } => t(
                "when-end-before-start",
                vec![
                    ("input", q(input)),
                    ("start", start.clone()),
                    ("end", end.clone()),
                ],
            ),
            WhenError::TooFarInPast { input } => t(
                "when-too-far",
                vec![("input", q(input)), ("year", EARLIEST_YEAR.to_string())],
            ),
        }
    }
}

impl WhenError {
    /// The two readings of an ambiguous input (`11/10/2026`, "last Tuesday"), for a caller
    /// that asks which one was meant.
    pub fn readings(&self) -> Option<(&When, &When)> {
        match self {
            WhenError::Ambiguous {
                reason: Ambiguity::Readings { first, second },
                ..
            } => Some((first, second)),
            _ => None,
        }
    }
}

impl fmt::Display for WhenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text_in(i18n::language()))
    }
}

impl std::error::Error for WhenError {}

impl Unrecognized {
    fn text_in(&self, lang: Lang) -> String {
        let word = |id: &str, w: &str| {
            let args = i18n::args([("word", FluentValue::from(quote(lang, w)))]);
            i18n::text_in(lang, id, Some(&args))
        };
        match self {
            Unrecognized::Future(w) => word("when-detail-future", w),
            Unrecognized::Unexpected(w) => word("when-detail-unexpected", w),
            Unrecognized::Repeated => i18n::text_in(lang, "when-detail-repeated", None),
            Unrecognized::RangeNeedsEnds => i18n::text_in(lang, "when-detail-range", None),
        }
    }
}

impl Invalid {
    fn text_in(&self, lang: Lang) -> String {
        let plain = |id: &str| i18n::text_in(lang, id, None);
        match self {
            Invalid::ClockShape => plain("when-reason-clock-shape"),
            Invalid::Clock => plain("when-reason-clock"),
            Invalid::Minutes => plain("when-reason-minutes"),
            Invalid::Seconds => plain("when-reason-seconds"),
            Invalid::MeridiemHour => plain("when-reason-meridiem-hour"),
            Invalid::Hour => plain("when-reason-hour"),
            Invalid::NoSuchDate(d) => {
                let args = i18n::args([("date", FluentValue::from(d.as_str()))]);
                i18n::text_in(lang, "when-reason-no-such-date", Some(&args))
            }
            Invalid::NotDateTime(w) => {
                let args = i18n::args([("word", FluentValue::from(quote(lang, w)))]);
                i18n::text_in(lang, "when-reason-not-date-time", Some(&args))
            }
            Invalid::OutOfRange => plain("when-reason-out-of-range"),
            Invalid::NoSuchTime => plain("when-reason-no-such-time"),
            Invalid::WeekdayMismatch(d) => {
                let day = When::Day(*d).human_in(lang, &chrono::Utc);
                let args = i18n::args([("date", FluentValue::from(day))]);
                i18n::text_in(lang, "when-reason-weekday", Some(&args))
            }
        }
    }
}

impl Ambiguity {
    fn text_in(&self, lang: Lang) -> String {
        match self {
            Ambiguity::PeriodHour(h) => {
                let args = i18n::args([("hour", FluentValue::from(h.to_string()))]);
                i18n::text_in(lang, "when-ambiguous-period", Some(&args))
            }
            Ambiguity::AmOrPm(h) => {
                let pm = if *h == 12 { 12 } else { h + 12 };
                let am = if *h == 12 { 0 } else { *h };
                let args = i18n::args([
                    ("hour", FluentValue::from(h.to_string())),
                    ("am", FluentValue::from(format!("{am:02}"))),
                    ("pm", FluentValue::from(format!("{pm:02}"))),
                ]);
                i18n::text_in(lang, "when-ambiguous-am-pm", Some(&args))
            }
            Ambiguity::Readings { first, second } => {
                let zone = chrono::Local;
                let args = i18n::args([
                    ("first", FluentValue::from(first.human_in(lang, &zone))),
                    ("second", FluentValue::from(second.human_in(lang, &zone))),
                    (
                        "first-date",
                        FluentValue::from(display::date_words(first, lang)),
                    ),
                    (
                        "second-date",
                        FluentValue::from(display::date_words(second, lang)),
                    ),
                ]);
                i18n::text_in(lang, "when-ambiguous-readings", Some(&args))
            }
        }
    }
}

/// A typed text inside a message: `"text"` in English, «text» in Spanish.
fn quote(lang: Lang, text: &str) -> String {
    match lang {
        Lang::En => format!("{text:?}"),
        Lang::Es => format!("«{text}»"),
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
        When::parse_explained(input, now).map(|p| p.when)
    }

    /// [`When::parse`], also saying whether a time was moved to the previous day (for the
    /// echo). An input with two readings is [`WhenError::Ambiguous`] with
    /// [`Ambiguity::Readings`]: see [`WhenError::readings`].
    pub fn parse_explained<Tz: TimeZone>(
        input: &str,
        now: &DateTime<Tz>,
    ) -> Result<Parsed, WhenError>
    where
        Tz::Offset: fmt::Display,
    {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(WhenError::Empty);
        }
        let now_fixed = now.fixed_offset();
        let parser = parse::Parser {
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

pub(super) fn end_of_day() -> NaiveTime {
    // 23:59:59 is always a valid time; the fallback is never taken.
    NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN)
}

#[cfg(test)]
mod tests {
    use super::display::fmt_full;
    use super::json::rfc3339;
    use super::*;
    use chrono::{FixedOffset, NaiveDateTime};
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
        // "last monday" said on a Wednesday: this week's or the week before's (asked back)
        ("last monday", (NY, "2026-11-25 10:00"), "ERR:it could be Mon 23 Nov 2026 or Mon 16 Nov 2026"),
        ("wednesday", (NY, "2026-11-25 10:00"), "2026-11-18"),
        ("last thursday", (NY, "2026-11-25 10:00"), "2026-11-19"),
        ("monday 14:00", (NY, "2026-11-25 10:00"), "2026-11-23T14:00:00-05:00"),
        ("monday morning", (NY, "2026-11-25 10:00"), "~2026-11-23T06:00:00-05:00..2026-11-23T12:00:00-05:00"),
        ("monday night", (NY, "2026-11-25 10:00"), "~2026-11-23T22:00:00-05:00..2026-11-24T06:00:00-05:00"),
        ("el lunes pasado", (NY, "2026-11-25 10:00"), "ERR:ambiguous"),
        ("lunes por la mañana", (NY, "2026-11-25 10:00"), "~2026-11-23T06:00:00-05:00..2026-11-23T12:00:00-05:00"),
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
        // a time still to come today, said without a day, is the previous day's
        ("around 2pm", (NY, "2026-11-25 10:00"), "~2026-11-24T13:30:00-05:00..2026-11-24T14:30:00-05:00"),
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
        ("11:01", (NY, "2026-11-25 10:00"), "2026-11-24T11:01:00-05:00"),
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
        ("sunday 2:30am", (NY, "2026-03-09 10:00"), "ERR:does not exist"),
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
        ("el lunes por la tarde", (MADRID, "2026-11-25 10:00"), "~2026-11-23T12:00:00+01:00..2026-11-23T20:00:00+01:00"),
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

    /// Every error variant renders from the catalogue in both languages (a missing id would
    /// print as the id itself), and the Spanish keeps the reason the English gives.
    #[test]
    fn every_error_renders_in_both_languages() {
        let input = || "x".to_string();
        let mut errors = vec![
            WhenError::Empty,
            WhenError::Unrecognized {
                input: input(),
                detail: None,
            },
            WhenError::InFuture {
                input: input(),
                resolved: "2026-11-26".into(),
            },
            WhenError::NonexistentLocalTime {
                input: input(),
                local: "2026-03-08 02:30".into(),
            },
            WhenError::EndBeforeStart {
                input: input(),
                start: "a".into(),
                end: "b".into(),
            },
            WhenError::TooFarInPast { input: input() },
        ];
        for detail in [
            Unrecognized::Future("mañana".into()),
            Unrecognized::Unexpected("pm".into()),
            Unrecognized::Repeated,
            Unrecognized::RangeNeedsEnds,
        ] {
            errors.push(WhenError::Unrecognized {
                input: input(),
                detail: Some(detail),
            });
        }
        for reason in [
            Invalid::ClockShape,
            Invalid::Clock,
            Invalid::Minutes,
            Invalid::Seconds,
            Invalid::MeridiemHour,
            Invalid::Hour,
            Invalid::NoSuchDate("2026-13-01".into()),
            Invalid::NotDateTime("2026-11-20T25:00Z".into()),
            Invalid::OutOfRange,
            Invalid::NoSuchTime,
        ] {
            errors.push(WhenError::Invalid {
                input: input(),
                word: Some("w".into()),
                reason,
            });
        }
        errors.push(WhenError::Invalid {
            input: input(),
            word: None,
            reason: Invalid::WeekdayMismatch(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()),
        });
        let day = |d: u32| When::Day(NaiveDate::from_ymd_opt(2026, 11, d).unwrap());
        for reason in [
            Ambiguity::PeriodHour(3),
            Ambiguity::AmOrPm(3),
            Ambiguity::Readings {
                first: day(10),
                second: day(11),
            },
        ] {
            errors.push(WhenError::Ambiguous {
                input: input(),
                reason,
            });
        }
        for e in &errors {
            for lang in [Lang::En, Lang::Es] {
                let text = e.text_in(lang);
                assert!(!text.contains("when-"), "{lang:?} {e:?}: {text}");
                assert!(!text.contains('\n'), "{lang:?} {e:?}: {text}");
            }
        }
        let future = WhenError::Unrecognized {
            input: "mañana".into(),
            detail: Some(Unrecognized::Future("mañana".into())),
        };
        assert!(future
            .text_in(Lang::En)
            .contains("\"mañana\" is in the future"));
        assert!(future
            .text_in(Lang::Es)
            .contains("«mañana» es en el futuro"));
        assert_eq!(
            WhenError::Ambiguous { input: "a las 3".into(), reason: Ambiguity::AmOrPm(3) }.text_in(Lang::Es),
            "la hora «a las 3» no es clara: las 3 pueden ser de la mañana o de la tarde; escriba «3 de la mañana» o «3 de la tarde», o use 24 horas (03:00 o 15:00)"
        );
    }
}
