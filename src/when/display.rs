//! How a [`When`] is shown: the compact form of `Display` (`2026-11-20 14:30 -05:00`, used in
//! messages and matched by search), and the way people read a time ([`When::human`]).

use std::collections::HashMap;
use std::fmt;
use std::sync::LazyLock;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, TimeZone, Timelike};

use super::{lexicon, Parsed, When, APPROX_MINUTES};
use crate::i18n::{self, FluentValue, Lang};

// Listing formats one of these per incident (100,000 at a time), so the common shapes are
// written digit by digit; chrono's formatter takes the rest (years outside 0..=9999,
// fractional or leap seconds, offsets with seconds), giving the same text.

fn push_2(s: &mut String, n: u32) {
    s.push(char::from(b'0' + (n / 10 % 10) as u8));
    s.push(char::from(b'0' + (n % 10) as u8));
}

pub(super) fn push_date(s: &mut String, d: NaiveDate) {
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

pub(super) fn fmt_full(t: &DateTime<FixedOffset>) -> String {
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
// The way people read a time

/// The band of the day an hour falls in, for "7:00 am" / "7:00 de la mañana".
fn band_id(hour: u32, minute: u32) -> &'static str {
    match hour {
        0 if minute == 0 => "when-band-midnight",
        0..=5 => "when-band-early",
        6..=11 => "when-band-morning",
        12 => "when-band-noon",
        13..=19 => "when-band-afternoon",
        _ => "when-band-night",
    }
}

/// The placeholders of the display messages, each rendered once per language with a private-use
/// character in its place, so that showing 100,000 times (a listing) costs string pastes, not
/// catalogue look-ups.
const SLOTS: [&str; 7] = ["day", "time", "start", "end", "band", "offset", "when"];

/// The display message ids (and the bands, which have no placeholder).
const IDS: [&str; 17] = [
    "when-show-at",
    "when-show-around",
    "when-show-between",
    "when-show-between-approx",
    "when-show-span",
    "when-show-span-approx",
    "when-show-days",
    "when-show-days-approx",
    "when-clock",
    "when-zone",
    "when-note-previous-day",
    "when-band-midnight",
    "when-band-early",
    "when-band-morning",
    "when-band-noon",
    "when-band-afternoon",
    "when-band-night",
];

fn slot_char(i: usize) -> char {
    char::from_u32(0xE000 + i as u32).unwrap_or('\u{E000}')
}

fn build_templates(lang: Lang) -> HashMap<&'static str, String> {
    let args = i18n::args(
        SLOTS
            .iter()
            .enumerate()
            .map(|(i, name)| (*name, FluentValue::from(slot_char(i).to_string()))),
    );
    IDS.iter()
        .map(|id| (*id, i18n::text_in(lang, id, Some(&args))))
        .collect()
}

fn templates(lang: Lang) -> &'static HashMap<&'static str, String> {
    static EN: LazyLock<HashMap<&'static str, String>> =
        LazyLock::new(|| build_templates(Lang::En));
    static ES: LazyLock<HashMap<&'static str, String>> =
        LazyLock::new(|| build_templates(Lang::Es));
    match lang {
        Lang::En => &EN,
        Lang::Es => &ES,
    }
}

/// The message `id` with its placeholders filled.
fn msg(lang: Lang, id: &str, pairs: &[(&str, String)]) -> String {
    let Some(template) = templates(lang).get(id) else {
        return id.to_string();
    };
    let mut out = String::with_capacity(template.len() + 32);
    for c in template.chars() {
        let slot = (c as u32)
            .checked_sub(0xE000)
            .and_then(|i| SLOTS.get(i as usize))
            .and_then(|name| pairs.iter().find(|(k, _)| k == name));
        match slot {
            Some((_, value)) => out.push_str(value),
            None => out.push(c),
        }
    }
    out
}

/// `Tue 10 Nov 2026` / `mar 10 nov 2026`.
fn day_text(d: NaiveDate, lang: Lang) -> String {
    let lx = lexicon::of(lang);
    let wd = lx.weekday_short[d.weekday().num_days_from_monday() as usize];
    let month = lx.month_short[d.month0() as usize];
    let mut s = format!("{wd} {} {month} ", d.day());
    push_year(&mut s, d);
    s
}

fn push_year(s: &mut String, d: NaiveDate) {
    if (0..=9999).contains(&d.year()) {
        s.push_str(&d.year().to_string());
    } else {
        s.push_str(&d.format("%Y").to_string());
    }
}

/// `10 Nov 2026` / `10 de noviembre de 2026`: a date a person can type back.
pub(super) fn date_words(w: &When, lang: Lang) -> String {
    let d = match w {
        When::At(t) => t.date_naive(),
        When::Day(d) => *d,
        When::Between { start, .. } => start.date_naive(),
    };
    let lx = lexicon::of(lang);
    match lang {
        Lang::En => format!(
            "{} {} {}",
            d.day(),
            lx.month_short[d.month0() as usize],
            d.year()
        ),
        Lang::Es => format!(
            "{} de {} de {}",
            d.day(),
            lx.month_long[d.month0() as usize],
            d.year()
        ),
    }
}

/// An instant in the zone it is read in: the local zone when the stored offset is the one the
/// zone had then (nothing said), else the stored offset, named.
struct Shown {
    t: DateTime<FixedOffset>,
    foreign: bool,
    /// Seconds are shown for an exact instant that has them, never for a range's ends (an end
    /// clipped at "now" would show the second the command ran).
    seconds: bool,
}

fn shown<Tz: TimeZone>(t: &DateTime<FixedOffset>, zone: &Tz) -> Shown {
    let here = t.with_timezone(zone).fixed_offset();
    Shown {
        t: *t,
        foreign: here.offset() != t.offset(),
        seconds: false,
    }
}

/// `7:00 am` / `7:00 de la mañana`, with `(UTC−5)` when not in the reader's zone.
fn clock_text(s: &Shown, lang: Lang) -> String {
    let t = &s.t;
    let h12 = match t.hour() % 12 {
        0 => 12,
        h => h,
    };
    let mut time = format!("{h12}:{:02}", t.minute());
    if s.seconds && t.second() != 0 {
        time.push_str(&format!(":{:02}", t.second()));
    }
    let band = msg(lang, band_id(t.hour(), t.minute()), &[]);
    let text = msg(lang, "when-clock", &[("time", time), ("band", band)]);
    if !s.foreign {
        return text;
    }
    let secs = t.offset().local_minus_utc();
    let sign = if secs < 0 { '\u{2212}' } else { '+' };
    let minutes = secs.unsigned_abs() / 60;
    let offset = match (minutes / 60, minutes % 60) {
        (0, 0) => String::new(),
        (h, 0) => format!("{sign}{h}"),
        (h, m) => format!("{sign}{h}:{m:02}"),
    };
    msg(lang, "when-zone", &[("time", text), ("offset", offset)])
}

fn whole_days(start: &DateTime<FixedOffset>, end: &DateTime<FixedOffset>) -> bool {
    start.hour() == 0
        && start.minute() == 0
        && start.second() == 0
        && end.hour() == 23
        && end.minute() == 59
        && end.second() == 59
}

impl When {
    /// How a person reads it, in the process's language, in this computer's time zone: weekday,
    /// 12-hour clock ("Tue 10 Nov 2026, 7:00 am", "mar 10 nov 2026, 7:00 de la mañana"), the
    /// zone named only when it is not this computer's. For lists, `show`, the echo after `add`.
    pub fn human(&self) -> String {
        self.human_in(i18n::language(), &chrono::Local)
    }

    /// [`When::human`] in `lang`, read in `zone`.
    pub fn human_in<Tz: TimeZone>(&self, lang: Lang, zone: &Tz) -> String {
        match self {
            When::Day(d) => day_text(*d, lang),
            When::At(t) => {
                let s = Shown {
                    seconds: true,
                    ..shown(t, zone)
                };
                msg(
                    lang,
                    "when-show-at",
                    &[
                        ("day", day_text(s.t.date_naive(), lang)),
                        ("time", clock_text(&s, lang)),
                    ],
                )
            }
            When::Between {
                start,
                end,
                approximate,
            } => {
                let (a, b) = (shown(start, zone), shown(end, zone));
                let same_day = a.t.date_naive() == b.t.date_naive();
                let approx = *approximate;
                if whole_days(&a.t, &b.t) {
                    if same_day {
                        return day_text(a.t.date_naive(), lang);
                    }
                    let id = if approx {
                        "when-show-days-approx"
                    } else {
                        "when-show-days"
                    };
                    return msg(
                        lang,
                        id,
                        &[
                            ("start", day_text(a.t.date_naive(), lang)),
                            ("end", day_text(b.t.date_naive(), lang)),
                        ],
                    );
                }
                let span = b.t.signed_duration_since(a.t);
                if approx && same_day && span == chrono::TimeDelta::minutes(2 * APPROX_MINUTES) {
                    let mid = Shown {
                        t: a.t + chrono::TimeDelta::minutes(APPROX_MINUTES),
                        foreign: a.foreign,
                        seconds: false,
                    };
                    return msg(
                        lang,
                        "when-show-around",
                        &[
                            ("day", day_text(a.t.date_naive(), lang)),
                            ("time", clock_text(&mid, lang)),
                        ],
                    );
                }
                if same_day {
                    let id = if approx {
                        "when-show-between-approx"
                    } else {
                        "when-show-between"
                    };
                    return msg(
                        lang,
                        id,
                        &[
                            ("day", day_text(a.t.date_naive(), lang)),
                            ("start", clock_text(&a, lang)),
                            ("end", clock_text(&b, lang)),
                        ],
                    );
                }
                let full = |s: &Shown| {
                    msg(
                        lang,
                        "when-show-at",
                        &[
                            ("day", day_text(s.t.date_naive(), lang)),
                            ("time", clock_text(s, lang)),
                        ],
                    )
                };
                let id = if approx {
                    "when-show-span-approx"
                } else {
                    "when-show-span"
                };
                msg(lang, id, &[("start", full(&a)), ("end", full(&b))])
            }
        }
    }
}

impl Parsed {
    /// What the person is shown back after typing a time: [`When::human`], and a note when
    /// a time still to come today was taken as the previous day's.
    pub fn echo(&self) -> String {
        self.echo_in(i18n::language(), &chrono::Local)
    }

    /// [`Parsed::echo`] in `lang`, read in `zone`.
    pub fn echo_in<Tz: TimeZone>(&self, lang: Lang, zone: &Tz) -> String {
        let text = self.when.human_in(lang, zone);
        if !self.previous_day {
            return text;
        }
        let time = match &self.when {
            When::At(t) => clock_text(&shown(t, zone), lang),
            When::Between { start, end, .. } => {
                let mid = *start + (end.signed_duration_since(*start) / 2);
                clock_text(&shown(&mid, zone), lang)
            }
            When::Day(_) => return text,
        };
        msg(
            lang,
            "when-note-previous-day",
            &[("when", text), ("time", time)],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every display message exists in both catalogues (a missing one would show its id).
    #[test]
    fn every_display_message_exists_in_both_languages() {
        for lang in [Lang::En, Lang::Es] {
            let ids = i18n::message_ids(lang);
            for id in IDS {
                assert!(ids.iter().any(|i| i == id), "{lang:?}: {id}");
                assert_ne!(msg(lang, id, &[]), id);
            }
        }
        // exact ranges across days and whole days, which the integration tests do not show
        let t = |s: &str| DateTime::parse_from_rfc3339(s).unwrap();
        let utc = chrono::Utc;
        let w = When::Between {
            start: t("2026-11-30T22:00:00+00:00"),
            end: t("2026-12-01T02:00:00+00:00"),
            approximate: false,
        };
        assert_eq!(
            w.human_in(Lang::En, &utc),
            "between Mon 30 Nov 2026, 10:00 pm and Tue 1 Dec 2026, 2:00 am"
        );
        assert_eq!(
            w.human_in(Lang::Es, &utc),
            "entre lun 30 nov 2026, 10:00 de la noche y mar 1 dic 2026, 2:00 de la madrugada"
        );
        let w = When::Between {
            start: t("2026-11-23T00:00:00+00:00"),
            end: t("2026-11-24T23:59:59+00:00"),
            approximate: false,
        };
        assert_eq!(
            w.human_in(Lang::En, &utc),
            "between Mon 23 Nov 2026 and Tue 24 Nov 2026"
        );
        assert_eq!(
            w.human_in(Lang::Es, &utc),
            "entre el lun 23 nov 2026 y el mar 24 nov 2026"
        );
    }
}
