//! The hand-written parser of typed times. It knows the shapes of phrases (a day, a clock time,
//! a part of the day, "around", a range with two sides); the words come from the per-language
//! tables in [`super::lexicon`], so the parser itself speaks no language.

use chrono::{
    DateTime, Datelike, Days, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, NaiveTime,
    TimeDelta, TimeZone, Timelike, Utc, Weekday,
};

use super::display::fmt_full;
use super::end_of_day;
use super::lexicon::{self, Period, Unit, Vague};
use super::{
    Ambiguity, Invalid, Parsed, Unrecognized, When, WhenError, APPROX_MINUTES, CLOCK_SKEW_MINUTES,
    EARLIEST_YEAR, PREVIOUS_DAY_AFTER_MINUTES,
};

/// `YYYY-MM-DD` at the start of `s` (ASCII digits and dashes only).
pub(super) fn is_date_shape(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
}

/// A strict `YYYY-MM-DD` date (the caller checked the shape).
pub(super) fn parse_ymd(s: &str) -> Option<NaiveDate> {
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

/// `24-11-2026`: three dash-separated numbers ending in a four-digit year.
fn dashed_date(t: &str) -> bool {
    let parts: Vec<&str> = t.split('-').collect();
    matches!(parts.as_slice(), [a, b, y]
        if (1..=2).contains(&a.len()) && (1..=2).contains(&b.len()) && y.len() == 4
            && parts.iter().all(|p| p.bytes().all(|c| c.is_ascii_digit())))
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
        } else if dashed_date(t) {
            // "24-11-2026": a day-month-year date, not a range.
            out.push(t.replace('-', "/"));
        } else if t.contains('-') && t.split('-').all(|w| lexicon::number_word(w).is_some()) {
            // "twenty-five"
            out.push(t.to_string());
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
            Period::Early => (5, 9, false),
            Period::Dawn => (5, 7, false),
            Period::Dusk => (18, 20, false),
            Period::Midday => (12, 13, false),
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
            (Period::Early | Period::Dawn, 4..=9) => Some(h),
            (Period::Dusk, 5..=8) => Some(h + 12),
            (Period::Midday, 12) => Some(12),
            (Period::Midday, 1..=3) => Some(h + 12),
            _ => None,
        }
    }
}

/// A number written with up to six digits, or in words.
fn number(t: &str) -> Option<u32> {
    if !t.is_empty() && t.len() <= 6 && t.bytes().all(|b| b.is_ascii_digit()) {
        return t.parse().ok();
    }
    lexicon::number_word(t).or_else(|| {
        // "twenty-five"
        let (tens, unit) = t.split_once('-')?;
        compound(lexicon::number_word(tens)?, lexicon::number_word(unit)?)
    })
}

/// Tens and units said apart ("cuarenta y cinco", "twenty five").
fn compound(tens: u32, unit: u32) -> Option<u32> {
    (matches!(tens, 20 | 30 | 40 | 50) && (1..=9).contains(&unit)).then_some(tens + unit)
}

/// A number at the start of `rest`, in digits or words, including "cuarenta y cinco" and
/// "twenty five": (value, words used).
fn number_at(rest: &[String]) -> Option<(u32, usize)> {
    let first = number(rest.first()?)?;
    let word = |i: usize| rest.get(i).and_then(|w| lexicon::number_word(w));
    let digits = rest[0].bytes().all(|b| b.is_ascii_digit());
    if !digits {
        if rest.get(1).is_some_and(|w| w == "y") {
            if let Some(n) = word(2).and_then(|u| compound(first, u)) {
                return Some((n, 3));
            }
        }
        if let Some(n) = word(1).and_then(|u| compound(first, u)) {
            return Some((n, 2));
        }
    }
    Some((first, 1))
}

/// A day of the month: `1`–`31`, also `10th`, `1st`.
fn day_number(t: &str) -> Option<u32> {
    let digits = ["st", "nd", "rd", "th", "o"]
        .iter()
        .find_map(|s| t.strip_suffix(s))
        .unwrap_or(t);
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// A four-digit year.
fn year_number(t: &str) -> Option<i32> {
    (t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()))
        .then(|| t.parse().ok())
        .flatten()
}

/// `24/11/2026`, `11/10`, `24/11/26`: the numbers of a slashed date.
fn slashed(t: &str) -> Option<(u32, u32, Option<i32>)> {
    let parts: Vec<&str> = t.split('/').collect();
    let num = |s: &str| {
        (!s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    match parts.as_slice() {
        [a, b] => Some((num(a)?, num(b)?, None)),
        [a, b, y] => {
            let year = match y.len() {
                4 => year_number(y)?,
                2 => 2000 + i32::try_from(num(y)?).ok()?,
                _ => return None,
            };
            Some((num(a)?, num(b)?, Some(year)))
        }
        _ => None,
    }
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

/// An amount at the start of `rest`: any run of digits (see [`amount`]) or a number in
/// words: (value, words used).
fn amount_at(rest: &[String]) -> Option<(u32, usize)> {
    let t = rest.first()?;
    if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
        return amount(t).map(|n| (n, 1));
    }
    number_at(rest)
}

/// A year after a date, maybe after "de": (year, words used).
fn year_after(rest: &[String]) -> (Option<i32>, usize) {
    let k = usize::from(rest.first().is_some_and(|w| w == "de"));
    match rest.get(k).and_then(|w| year_number(w)) {
        Some(y) => (Some(y), k + 1),
        None => (None, 0),
    }
}

/// A clock time moved by `minutes` ("y media" +30, "un cuarto para" −15). The result is no
/// longer a bare hour; an hour said without am/pm stays open to a part of the day.
fn shift_clock(c: Clock, minutes: i32) -> Clock {
    let total = i64::from(c.hour) * 60 + i64::from(c.minute) + i64::from(minutes);
    let (mut hour, minute) = (total.div_euclid(60), total.rem_euclid(60));
    if c.open && hour == 0 {
        hour = 12; // "un cuarto para la una" is 12:45
    }
    let hour = u32::try_from(hour.rem_euclid(24)).unwrap_or(0);
    Clock {
        hour,
        minute: u32::try_from(minute).unwrap_or(0),
        second: 0,
        open: c.open && (1..=12).contains(&hour),
        // "a las 8 y media" is still morning or evening: asked like "a las 8".
        bare: c.bare && c.open && (1..=12).contains(&hour),
    }
}

/// `2h`, `30min`, `3days`: a number glued to its unit.
fn glued_amount(t: &str) -> Option<(u32, Unit)> {
    let split = t.find(|c: char| !c.is_ascii_digit())?;
    if split == 0 {
        return None;
    }
    Some((amount(&t[..split])?, lexicon::unit(&t[split..])?))
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
fn clock_token(tok: &str, meridiem: Option<Meridiem>) -> Option<Result<Clock, Invalid>> {
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
        return Some(Err(Invalid::ClockShape));
    }
    let num = |i: usize| parts.get(i).map_or(Ok(0), |p| p.parse::<u32>());
    let (Ok(h), Ok(m), Ok(s)) = (num(0), num(1), num(2)) else {
        return Some(Err(Invalid::Clock));
    };
    if m > 59 {
        return Some(Err(Invalid::Minutes));
    }
    if s > 59 {
        return Some(Err(Invalid::Seconds));
    }
    let clock = match mer {
        Some(mer) => {
            if !(1..=12).contains(&h) {
                return Some(Err(Invalid::MeridiemHour));
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
                return Some(Err(Invalid::Hour));
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
    /// A weekday, and whether it was said with "last"/"pasado".
    weekday: Option<(Weekday, bool)>,
    /// A day of the month, with its month and year when said.
    date: Option<DateWords>,
    /// A slashed or dashed numeric date (`11/10/2026`): both readings are tried.
    numeric: Option<(u32, u32, Option<i32>)>,
    /// Calendar weeks back ("last week" = 1).
    weeks_back: Option<u32>,
    /// A vague time that stands for a range ("a while ago").
    vague: Option<Vague>,
    /// "a month ago": about that many months back.
    months_ago: Option<u32>,
    /// "early", "temprano".
    early: bool,
    /// "this", "esta": the day is today even for a time still to come.
    this: bool,
}

/// A date said with words: `24 de noviembre`, `Nov 12 2026`, `el 24`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct DateWords {
    day: u32,
    month: Option<u32>,
    year: Option<i32>,
}

impl Parts {
    fn has_instant_source(&self) -> bool {
        self.now || self.instant.is_some() || self.ago.is_some()
    }

    /// Names a day some other way than `day` (to be settled by [`Parser::settle`]).
    fn has_day_words(&self) -> bool {
        self.weekday.is_some()
            || self.date.is_some()
            || self.numeric.is_some()
            || self.weeks_back.is_some()
    }

    /// A clock time or part of the day with no day at all: if it lies ahead today, it means
    /// the previous day.
    fn may_mean_yesterday(&self) -> bool {
        self.day.is_none()
            && !self.this
            && !self.has_day_words()
            && !self.has_instant_source()
            && self.vague.is_none()
            && self.months_ago.is_none()
            && (self.time.is_some() || self.period.is_some())
    }
}

/// The days a phrase may mean once its words are settled.
enum Days2 {
    One(Parts),
    /// Two readings (`11/10/2026`, "last Tuesday" said on a Wednesday).
    Two(Parts, Parts),
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

pub(super) struct Parser<'a, Tz: TimeZone> {
    /// What was typed, trimmed.
    pub input: &'a str,
    /// The zone of `now`: local times are built in it.
    pub tz: Tz,
    pub now_utc: DateTime<Utc>,
    /// Now in its own offset, whole seconds.
    pub now_sec: DateTime<FixedOffset>,
    pub today: NaiveDate,
}

impl<Tz: TimeZone> Parser<'_, Tz> {
    fn unrecognized(&self, detail: Option<Unrecognized>) -> WhenError {
        WhenError::Unrecognized {
            input: self.input.to_string(),
            detail,
        }
    }

    fn invalid(&self, reason: Invalid) -> WhenError {
        WhenError::Invalid {
            input: self.input.to_string(),
            word: None,
            reason,
        }
    }

    /// An invalid word; named unless it is the whole input.
    fn invalid_at(&self, word: &str, reason: Invalid) -> WhenError {
        WhenError::Invalid {
            input: self.input.to_string(),
            word: (fold(self.input).trim() != word).then(|| word.to_string()),
            reason,
        }
    }

    /// The word as the person typed it (accents, capitals), if `token` is one whole word of
    /// the input; else the token.
    fn typed(&self, token: &str) -> String {
        self.input
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '?' | '!' | '(' | ')'))
            .find(|w| fold(w).trim().trim_end_matches('.') == token)
            .map_or_else(
                || token.to_string(),
                |w| w.trim_end_matches('.').to_string(),
            )
    }

    fn too_far(&self) -> WhenError {
        WhenError::TooFarInPast {
            input: self.input.to_string(),
        }
    }

    fn conflict(&self) -> WhenError {
        self.unrecognized(Some(Unrecognized::Repeated))
    }

    fn days_before(&self, n: u64) -> Result<NaiveDate, WhenError> {
        self.today
            .checked_sub_days(Days::new(n))
            .ok_or_else(|| self.too_far())
    }

    pub(super) fn run(&self) -> Result<Parsed, WhenError> {
        if let Some(t) = whole_rfc3339(self.input) {
            return self.finish(Res::At(t)).map(Parsed::plain);
        }
        let toks = tokenize(self.input);
        if toks.is_empty() {
            return Err(self.unrecognized(None));
        }
        if let Some((opener, sep)) = find_range(&toks) {
            let res = self.range(&toks, opener, sep)?;
            return self.finish(res).map(Parsed::plain);
        }
        let parts = self.parts(&toks)?;
        match self.settle(parts)? {
            Days2::One(p) => self.phrase(p),
            Days2::Two(a, b) => match (self.phrase(a), self.phrase(b)) {
                (Ok(first), Ok(second)) => Err(WhenError::Ambiguous {
                    input: self.input.to_string(),
                    reason: Ambiguity::Readings {
                        first: first.when,
                        second: second.when,
                    },
                }),
                // One reading is in the future: the other is meant.
                (Ok(one), Err(WhenError::InFuture { .. }))
                | (Err(WhenError::InFuture { .. }), Ok(one)) => Ok(one),
                (Ok(_), Err(e)) | (Err(e), Ok(_)) => Err(e),
                (Err(e), Err(_)) => Err(e),
            },
        }
    }

    /// One phrase with its day settled: resolved, checked, and moved to the previous day when a
    /// time said without a day still lies ahead today ("7am" said at 04:38).
    fn phrase(&self, p: Parts) -> Result<Parsed, WhenError> {
        match self.resolve(&p).and_then(|r| self.finish(r)) {
            Err(WhenError::InFuture { .. }) if p.may_mean_yesterday() && self.well_ahead(&p) => {
                let mut before = p;
                before.day = Some(self.days_before(1)?);
                let when = self.resolve(&before).and_then(|r| self.finish(r))?;
                Ok(Parsed {
                    when,
                    previous_day: true,
                })
            }
            other => other.map(Parsed::plain),
        }
    }

    /// A clock time at least [`PREVIOUS_DAY_AFTER_MINUTES`] ahead today (a part of the day
    /// always is): "7am" at 04:38 means yesterday, but "10:15" at 10:00 is more likely a clock
    /// or a typing error, refused as in the future.
    fn well_ahead(&self, p: &Parts) -> bool {
        let Some(clock) = p.time else {
            return true;
        };
        match self.clock_on_day(clock, self.today, p.period) {
            Ok(t) => t > self.now_utc + TimeDelta::minutes(PREVIOUS_DAY_AFTER_MINUTES),
            Err(_) => true,
        }
    }

    /// Turns the day words of a phrase (a weekday, a date in words or numbers, a week) into
    /// its day, or two days when the words allow two readings.
    fn settle(&self, p: Parts) -> Result<Days2, WhenError> {
        if !p.has_day_words() {
            return Ok(Days2::One(p));
        }
        let mut days: Vec<NaiveDate> = match (p.numeric, p.date) {
            (Some(_), Some(_)) => return Err(self.conflict()),
            (Some((a, b, year)), None) => {
                // Day/month first (as written outside the US), then month/day.
                let mut v: Vec<NaiveDate> = Vec::new();
                for (d, m) in [(a, b), (b, a)] {
                    if let Some(x) = self.recent_date(d, Some(m), year) {
                        if !v.contains(&x) {
                            v.push(x);
                        }
                    }
                }
                if v.is_empty() {
                    let text = match year {
                        Some(y) => format!("{a}/{b}/{y}"),
                        None => format!("{a}/{b}"),
                    };
                    return Err(self.invalid(Invalid::NoSuchDate(text)));
                }
                if v.iter().any(|d| *d <= self.today) {
                    v.retain(|d| *d <= self.today);
                }
                v
            }
            (None, Some(w)) => {
                let d = self.recent_date(w.day, w.month, w.year).ok_or_else(|| {
                    let text = match (w.month, w.year) {
                        (Some(m), Some(y)) => format!("{y}-{m:02}-{:02}", w.day),
                        (Some(m), None) => format!("{:02}-{:02}", m, w.day),
                        _ => w.day.to_string(),
                    };
                    self.invalid(Invalid::NoSuchDate(text))
                })?;
                vec![d]
            }
            (None, None) => Vec::new(),
        };
        if let Some((wd, last)) = p.weekday {
            if !days.is_empty() {
                // "el lunes 30", "Tue 10 Nov 2026": the date must fall on that weekday.
                let on: Vec<NaiveDate> =
                    days.iter().copied().filter(|d| d.weekday() == wd).collect();
                if on.is_empty() {
                    return Err(self.invalid(Invalid::WeekdayMismatch(days[0])));
                }
                days = on;
            } else if let Some(weeks) = p.weeks_back {
                // "el martes de la semana pasada": that weekday of a calendar week (from Monday).
                let monday = u64::from(self.today.weekday().num_days_from_monday());
                let back = i64::try_from(monday + 7 * u64::from(weeks)).unwrap_or(i64::MAX)
                    - i64::from(wd.num_days_from_monday());
                let day = if back >= 0 {
                    self.days_before(back.unsigned_abs())?
                } else {
                    self.today
                        .checked_add_days(Days::new(back.unsigned_abs()))
                        .ok_or_else(|| self.invalid(Invalid::OutOfRange))?
                };
                days.push(day);
            } else {
                let today = i64::from(self.today.weekday().num_days_from_monday());
                let target = i64::from(wd.num_days_from_monday());
                let back = match (today - target).rem_euclid(7) {
                    0 => 7,
                    n => n,
                };
                days.push(self.days_before(back.unsigned_abs())?);
                // "last Tuesday" said on a Wednesday or Thursday: yesterday's Tuesday, or the
                // one the week before.
                if last && back <= 2 {
                    days.push(self.days_before(back.unsigned_abs() + 7)?);
                }
            }
        } else if p.weeks_back.is_some() && !days.is_empty() {
            return Err(self.conflict());
        }
        if let Some(day) = p.day {
            if !days.is_empty() && !days.contains(&day) {
                return Err(self.conflict());
            }
            days = vec![day];
        }
        let with = |d: Option<NaiveDate>| {
            let mut q = p.clone();
            q.day = d;
            q.weekday = None;
            q.date = None;
            q.numeric = None;
            if d.is_some() {
                q.weeks_back = None;
            }
            q
        };
        Ok(match days.as_slice() {
            [] => Days2::One(with(None)),
            [one] => Days2::One(with(Some(*one))),
            [a, b, ..] => Days2::Two(with(Some(*a)), with(Some(*b))),
        })
    }

    /// [`Parser::settle`] for one side of a range: two readings are asked back as two days.
    fn settle_one(&self, p: Parts) -> Result<Parts, WhenError> {
        match self.settle(p)? {
            Days2::One(p) => Ok(p),
            Days2::Two(a, b) => match (a.day, b.day) {
                (Some(x), Some(y)) => Err(WhenError::Ambiguous {
                    input: self.input.to_string(),
                    reason: Ambiguity::Readings {
                        first: When::Day(x),
                        second: When::Day(y),
                    },
                }),
                _ => Err(self.conflict()),
            },
        }
    }

    /// The most recent `day`/`month` not after today (in `year` when given); with no month,
    /// the most recent month that has that day.
    fn recent_date(&self, day: u32, month: Option<u32>, year: Option<i32>) -> Option<NaiveDate> {
        match (month, year) {
            (Some(m), Some(y)) => NaiveDate::from_ymd_opt(y, m, day),
            (Some(m), None) => (0..8)
                .filter_map(|back| NaiveDate::from_ymd_opt(self.today.year() - back, m, day))
                .find(|d| *d <= self.today),
            (None, _) => (0..12)
                .filter_map(|back| {
                    let first = self.today.with_day(1)?;
                    let month = first.checked_sub_months(chrono::Months::new(back))?;
                    month.with_day(day)
                })
                .find(|d| *d <= self.today),
        }
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
            return Err(self.unrecognized(Some(Unrecognized::RangeNeedsEnds)));
        }
        let ctx = self.settle_one(self.parts(ctx_toks)?)?;
        if ctx.has_instant_source() || ctx.time.is_some() {
            return Err(self.conflict());
        }
        let mut left = self.settle_one(self.parts(left_toks)?)?;
        let mut right = self.settle_one(self.parts(right_toks)?)?;
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
                    .ok_or_else(|| self.invalid(Invalid::OutOfRange))?,
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
                    let detail = if lexicon::is_future(t) {
                        Some(Unrecognized::Future(self.typed(t)))
                    } else if toks.len() == 1 && fold(self.input).trim() == t {
                        None // the whole input: naming it twice says nothing
                    } else {
                        Some(Unrecognized::Unexpected(self.typed(t)))
                    };
                    return Err(self.unrecognized(detail));
                }
            }
        }
        if p.early {
            p.period = match p.period {
                None | Some(Period::Morning) => Some(Period::Early),
                Some(Period::Madrugada) => Some(Period::Madrugada),
                Some(_) => return Err(self.conflict()),
            };
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
        macro_rules! set_flag {
            ($field:ident) => {{
                if p.$field {
                    return Err(conflict());
                }
                p.$field = true;
            }};
        }

        // now
        if let Some(n) = lexicon::now(rest) {
            set_flag!(now);
            return Ok(Some(n));
        }

        // vague times that stand for a range: "a while ago", "hace un rato", "last weekend"
        if let Some((n, v)) = lexicon::vague(rest) {
            set!(vague, v);
            return Ok(Some(n));
        }
        // "last week", "la semana pasada"
        if let Some((n, w)) = lexicon::weeks_back(rest) {
            set!(weeks_back, w);
            return Ok(Some(n));
        }

        // relative: "2 hours ago", "hace 2 horas", "half an hour ago", "hace media hora",
        // "hace como 20 minutos"
        if let Some((n, minutes)) = lexicon::ago_phrase(rest) {
            set!(ago, TimeDelta::minutes(minutes));
            return Ok(Some(n));
        }
        let (amount, used) = if lexicon::is_ago_before(t) {
            let mut k = 1;
            if let Some(n) = lexicon::ago_approx(&rest[1..]) {
                set_flag!(approx);
                k += n;
            }
            let after = &rest[k.min(rest.len())..];
            match amount_at(after) {
                Some((n, used)) if after.get(used).and_then(|w| lexicon::unit(w)).is_some() => {
                    let u = after.get(used).and_then(|w| lexicon::unit(w));
                    (u.map(|u| (n, u)), k + used + 1)
                }
                _ => (after.first().and_then(|w| glued_amount(w)), k + 1),
            }
        } else {
            match amount_at(rest) {
                Some((n, used))
                    if rest.get(used + 1).is_some_and(|w| lexicon::is_ago_after(w))
                        && rest.get(used).and_then(|w| lexicon::unit(w)).is_some() =>
                {
                    let u = rest.get(used).and_then(|w| lexicon::unit(w));
                    (u.map(|u| (n, u)), used + 2)
                }
                _ if next.is_some_and(lexicon::is_ago_after) => (glued_amount(t), 2),
                _ => (None, 0),
            }
        };
        if let Some((n, u)) = amount {
            match u {
                Unit::Minute => set!(ago, TimeDelta::minutes(i64::from(n))),
                Unit::Hour => set!(ago, TimeDelta::hours(i64::from(n))),
                Unit::Day => set!(day, self.days_before(u64::from(n))?),
                Unit::Week => set!(day, self.days_before(7 * u64::from(n))?),
                Unit::Month => set!(months_ago, n),
            }
            return Ok(Some(used));
        }

        // named days
        if let Some((n, back)) = lexicon::day_back(rest) {
            set!(day, self.days_before(back)?);
            return Ok(Some(n));
        }
        if let Some((n, back)) = lexicon::night(rest) {
            set!(day, self.days_before(back)?);
            set!(period, Period::Noche);
            return Ok(Some(n));
        }

        // weekdays: "monday", "last monday", "el lunes pasado", "el pasado martes"
        let (wd, mut used, mut last) = match next.and_then(lexicon::weekday) {
            Some(w) if lexicon::is_last_before(t) => (Some(w), 2, true),
            _ => (lexicon::weekday(t), 1, false),
        };
        let before_date = next.and_then(day_number).is_some()
            && rest.get(2).and_then(|w| lexicon::month(w)).is_some();
        let wd = wd.or_else(|| {
            before_date
                .then(|| lexicon::weekday_before_date(t))
                .flatten()
        });
        if let Some(wd) = wd {
            if rest.get(used).is_some_and(|w| lexicon::is_last_after(w)) {
                used += 1;
                last = true;
            }
            set!(weekday, (wd, last));
            return Ok(Some(used));
        }

        // "early", "temprano"; "this", "esta"
        if lexicon::is_early(t) {
            set_flag!(early);
            return Ok(Some(1));
        }
        if lexicon::is_this(t) && lexicon::weekday(next.unwrap_or("")).is_none() {
            p.this = true;
            return Ok(Some(1));
        }

        // dates in words: "24 de noviembre (de 2026)", "Nov 12 2026", "el 24", "el martes 24"
        if let Some(day) = day_number(t) {
            let k = usize::from(next.is_some_and(|w| matches!(w, "de" | "of")));
            if let Some(month) = rest.get(1 + k).and_then(|w| lexicon::month(w)) {
                let (year, n) = year_after(&rest[2 + k..]);
                set!(
                    date,
                    DateWords {
                        day,
                        month: Some(month),
                        year
                    }
                );
                return Ok(Some(2 + k + n));
            }
            let after_day =
                prev.is_some_and(|w| lexicon::is_day_before(w) || lexicon::weekday(w).is_some());
            let time_follows = next.is_some_and(|w| {
                meridiem(w).is_some()
                    || lexicon::is_hour_word(w)
                    || lexicon::unit(w).is_some()
                    || lexicon::hour_minutes(w).is_some()
                    || lexicon::after_hour(&rest[1..]).is_some()
            });
            if after_day && !time_follows {
                set!(
                    date,
                    DateWords {
                        day,
                        month: None,
                        year: None
                    }
                );
                return Ok(Some(1));
            }
        }
        if let Some(month) = lexicon::month(t) {
            // "ago" is also English: a month only at the start or after a weekday or filler.
            let placed = t != "ago"
                || prev.is_none_or(|w| lexicon::weekday(w).is_some() || lexicon::is_filler(w));
            if let Some(day) = next.and_then(day_number).filter(|_| placed) {
                let (year, n) = year_after(&rest[2..]);
                set!(
                    date,
                    DateWords {
                        day,
                        month: Some(month),
                        year
                    }
                );
                return Ok(Some(2 + n));
            }
        }
        if t.contains('/') {
            let numbers =
                slashed(t).ok_or_else(|| self.invalid_at(t, Invalid::NoSuchDate(t.to_string())))?;
            set!(numeric, numbers);
            return Ok(Some(1));
        }

        // dates and RFC 3339 instants
        if is_date_shape(t) {
            if t.len() == 10 {
                let d =
                    parse_ymd(t).ok_or_else(|| self.invalid(Invalid::NoSuchDate(t.to_string())))?;
                set!(day, d);
            } else {
                let at = rfc_token(t)
                    .ok_or_else(|| self.invalid(Invalid::NotDateTime(t.to_string())))?;
                set!(instant, at);
            }
            return Ok(Some(1));
        }

        // parts of the day (before named hours: "a las 12 del mediodía")
        if let Some(period) = lexicon::period(t, prev) {
            set!(period, period);
            return Ok(Some(1));
        }

        // clock times
        if let Some(hour) = lexicon::named_hour(t) {
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
        // "un cuarto para las 5", "half past 8", "diez para las 8"
        let before = lexicon::around_hour(rest).or_else(|| {
            let (m, n) = number_at(rest)?;
            let sign = rest.get(n).and_then(|w| lexicon::minutes_hour(w))?;
            (1..=59)
                .contains(&m)
                .then(|| (n + 1, sign * i32::try_from(m).unwrap_or(0)))
        });
        if let Some((n, minutes)) = before {
            let mut k = n;
            if rest.get(k).is_some_and(|w| lexicon::is_hour_before(w)) {
                k += 1;
            }
            if let Some((clock, used)) = self.hour_at(&rest[k.min(rest.len())..])? {
                set!(time, shift_clock(clock, minutes));
                return Ok(Some(k + used));
            }
        }
        // an hour: "3pm", "15:00", "a las tres", "at five pm", then "y media", "menos cuarto"
        let words_hour = !t.bytes().any(|b| b.is_ascii_digit())
            && (prev.is_some_and(lexicon::is_hour_before)
                || next.is_some_and(|w| meridiem(w).is_some() || lexicon::is_hour_word(w)));
        let digits = t.bytes().next().is_some_and(|b| b.is_ascii_digit());
        if digits || words_hour {
            if let Some((mut clock, mut used)) = self.hour_at(rest)? {
                if clock.bare {
                    let after = &rest[used..];
                    if let Some((n, minutes)) = lexicon::after_hour(after) {
                        clock = shift_clock(clock, minutes);
                        used += n;
                    } else if let Some(sign) = after.first().and_then(|w| lexicon::hour_minutes(w))
                    {
                        if let Some((m, n)) =
                            number_at(&after[1..]).filter(|(m, _)| (1..=59).contains(m))
                        {
                            clock = shift_clock(clock, sign * i32::try_from(m).unwrap_or(0));
                            used += 1 + n;
                            if rest.get(used).and_then(|w| lexicon::unit(w)) == Some(Unit::Minute) {
                                used += 1;
                            }
                        }
                    }
                }
                if rest.get(used).is_some_and(|w| lexicon::is_hour_word(w)) {
                    used += 1;
                }
                set!(time, clock);
                return Ok(Some(used));
            }
        }

        // "around", "a eso de", ...
        if let Some(n) = lexicon::approx(rest) {
            set_flag!(approx);
            return Ok(Some(n));
        }

        if lexicon::is_filler(t) {
            return Ok(Some(1));
        }
        Ok(None)
    }

    /// An hour at the start of `rest`: a clock token (`3pm`, `15:00`, `3` with `pm` after it)
    /// or a number in words (`tres`, `five pm`). `None` when it is neither.
    fn hour_at(&self, rest: &[String]) -> Result<Option<(Clock, usize)>, WhenError> {
        let Some(t) = rest.first().map(String::as_str) else {
            return Ok(None);
        };
        if t.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
            // "3 pm" takes the am/pm from the next word unless "3pm" already has one.
            let own_mer = t.ends_with("am") || t.ends_with("pm");
            let next_mer = if own_mer {
                None
            } else {
                rest.get(1).and_then(|w| meridiem(w))
            };
            return match clock_token(t, next_mer) {
                Some(Ok(c)) => Ok(Some((c, if next_mer.is_some() { 2 } else { 1 }))),
                Some(Err(reason)) => Err(self.invalid_at(t, reason)),
                None => Ok(None),
            };
        }
        let Some((h, n)) = number_at(rest).filter(|(h, _)| *h <= 23) else {
            return Ok(None);
        };
        let mer = rest.get(n).and_then(|w| meridiem(w));
        let clock = match mer {
            Some(m) => {
                if !(1..=12).contains(&h) {
                    return Err(self.invalid_at(t, Invalid::MeridiemHour));
                }
                Clock {
                    hour: match (m, h) {
                        (Meridiem::Am, 12) => 0,
                        (Meridiem::Am, h) => h,
                        (Meridiem::Pm, 12) => 12,
                        (Meridiem::Pm, h) => h + 12,
                    },
                    minute: 0,
                    second: 0,
                    open: false,
                    bare: false,
                }
            }
            None => Clock {
                hour: h,
                minute: 0,
                second: 0,
                open: (1..=12).contains(&h),
                bare: true,
            },
        };
        Ok(Some((clock, n + usize::from(mer.is_some()))))
    }

    /// Turn one phrase into a time, a day or a range.
    fn resolve(&self, p: &Parts) -> Result<Res, WhenError> {
        if let Some(res) = self.vague(p)? {
            return Ok(res);
        }
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
            // "hace como 20 minutos": ±10 minutes; "around 3pm", "about 2 hours ago": ±30.
            let half = match p.ago {
                Some(ago) => TimeDelta::minutes(APPROX_MINUTES.min(ago.num_minutes() / 2)),
                None => TimeDelta::minutes(APPROX_MINUTES),
            };
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
                    .ok_or_else(|| self.invalid(Invalid::OutOfRange))?
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

    /// The ranges that vague words stand for ("a while ago", "last week", "a month ago"), or
    /// `None` when the phrase has none.
    fn vague(&self, p: &Parts) -> Result<Option<Res>, WhenError> {
        let week = p.weeks_back.filter(|_| p.day.is_none());
        let kinds = [p.vague.is_some(), week.is_some(), p.months_ago.is_some()];
        match kinds.iter().filter(|b| **b).count() {
            0 => return Ok(None),
            1 => {}
            _ => return Err(self.conflict()),
        }
        if p.has_instant_source()
            || p.day.is_some()
            || p.time.is_some()
            || p.period.is_some()
            || p.has_day_words() && week.is_none()
        {
            return Err(self.conflict());
        }
        let day_start = |d: NaiveDate| self.local_lenient(d.and_time(NaiveTime::MIN));
        let day_end = |d: NaiveDate| self.local_lenient(d.and_time(end_of_day()));
        let range = |start, end| Res::Range {
            start,
            end,
            approximate: true,
            end_typed: false,
        };
        let minute = |t: DateTime<FixedOffset>| t.with_second(0).unwrap_or(t);
        let back = |n: i64| -> Result<DateTime<FixedOffset>, WhenError> {
            let t = self
                .now_utc
                .checked_sub_signed(TimeDelta::minutes(n))
                .ok_or_else(|| self.too_far())?;
            Ok(minute(self.to_local_offset(t.fixed_offset())))
        };
        if let Some(v) = p.vague {
            return Ok(Some(match v {
                Vague::Recent { from, to } => {
                    let end = if to == 0 { self.now_sec } else { back(to)? };
                    range(back(from)?, end)
                }
                Vague::Weekend { last } => {
                    // Saturday of the most recent weekend (this one when said on a weekend).
                    let wd = i64::from(self.today.weekday().num_days_from_monday());
                    let mut to_sat = (wd - 5).rem_euclid(7);
                    if last && wd >= 5 {
                        to_sat += 7;
                    }
                    let sat = self.days_before(to_sat.unsigned_abs())?;
                    let sun = sat
                        .checked_add_days(Days::new(1))
                        .ok_or_else(|| self.invalid(Invalid::OutOfRange))?;
                    range(day_start(sat), day_end(sun))
                }
                Vague::LastMonth => {
                    let first = self
                        .today
                        .with_day(1)
                        .and_then(|d| d.checked_sub_months(chrono::Months::new(1)))
                        .ok_or_else(|| self.too_far())?;
                    let last_day = self
                        .today
                        .with_day(1)
                        .and_then(|d| d.pred_opt())
                        .ok_or_else(|| self.too_far())?;
                    range(day_start(first), day_end(last_day))
                }
            }));
        }
        if let Some(weeks) = week {
            let monday = self.days_before(
                u64::from(self.today.weekday().num_days_from_monday()) + 7 * u64::from(weeks),
            )?;
            let sunday = monday
                .checked_add_days(Days::new(6))
                .ok_or_else(|| self.invalid(Invalid::OutOfRange))?;
            return Ok(Some(range(day_start(monday), day_end(sunday))));
        }
        if let Some(n) = p.months_ago {
            // "hace un mes": about that day, a week either side.
            let center = self
                .today
                .checked_sub_months(chrono::Months::new(n))
                .ok_or_else(|| self.too_far())?;
            let from = center
                .checked_sub_days(Days::new(7))
                .ok_or_else(|| self.too_far())?;
            let to = center
                .checked_add_days(Days::new(7))
                .ok_or_else(|| self.invalid(Invalid::OutOfRange))?;
            return Ok(Some(range(day_start(from), day_end(to))));
        }
        Ok(None)
    }

    /// The instant of a clock time on a local day (strict about DST gaps).
    fn clock_on_day(
        &self,
        clock: Clock,
        day: NaiveDate,
        period: Option<Period>,
    ) -> Result<DateTime<FixedOffset>, WhenError> {
        let hour = match (clock.open, period) {
            (true, Some(period)) => {
                period
                    .settle_hour(clock.hour)
                    .ok_or_else(|| WhenError::Ambiguous {
                        input: self.input.to_string(),
                        reason: Ambiguity::PeriodHour(clock.hour),
                    })?
            }
            (true, None) if clock.bare => {
                return Err(WhenError::Ambiguous {
                    input: self.input.to_string(),
                    reason: Ambiguity::AmOrPm(clock.hour),
                });
            }
            _ => clock.hour,
        };
        // "monday night at 2" is early on Tuesday.
        let day = match period.map(Period::hours) {
            Some((_, end, true)) if hour < end => day
                .checked_add_days(Days::new(1))
                .ok_or_else(|| self.invalid(Invalid::OutOfRange))?,
            _ => day,
        };
        let time = NaiveTime::from_hms_opt(hour, clock.minute, clock.second)
            .ok_or_else(|| self.invalid(Invalid::NoSuchTime))?;
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
        let Some(seps) = lexicon::opener(t) else {
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
            // nor "24 de noviembre de 2026", "fin de semana", "día de ayer", "par de horas",
            // "por ahí de"
            if matches!(next, None | Some("la" | "manana" | "madrugada" | "semana"))
                || next.is_some_and(|w| lexicon::month(w).is_some() || year_number(w).is_some())
                || prev.is_some_and(|w| lexicon::month(w).is_some())
                || matches!(
                    prev,
                    Some("eso" | "alrededor" | "cerca" | "antes" | "fin" | "dia" | "par" | "ahi")
                )
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
