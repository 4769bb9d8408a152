//! The hand-written parser of typed times. It knows the shapes of phrases (a day, a clock time,
//! a part of the day, "around", a range with two sides); the words come from the per-language
//! tables in [`super::lexicon`], so the parser itself speaks no language.

use chrono::{
    DateTime, Datelike, Days, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, NaiveTime,
    TimeDelta, TimeZone, Timelike, Utc,
};

use super::display::fmt_full;
use super::end_of_day;
use super::lexicon::{self, Period, Unit};
use super::{
    Ambiguity, Invalid, Unrecognized, When, WhenError, APPROX_MINUTES, CLOCK_SKEW_MINUTES,
    EARLIEST_YEAR,
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

/// A number written with up to six digits, or in words.
fn number(t: &str) -> Option<u32> {
    if !t.is_empty() && t.len() <= 6 && t.bytes().all(|b| b.is_ascii_digit()) {
        return t.parse().ok();
    }
    lexicon::number_word(t)
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
pub(super) struct Parts {
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

    pub(super) fn run(&self) -> Result<When, WhenError> {
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
            return Err(self.unrecognized(Some(Unrecognized::RangeNeedsEnds)));
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
        if let Some(n) = lexicon::now(rest) {
            set_now!();
            return Ok(Some(n));
        }

        // relative: "2 hours ago", "hace 2 horas", "half an hour ago", "hace media hora"
        if let Some((n, minutes)) = lexicon::ago_phrase(rest) {
            set!(ago, TimeDelta::minutes(minutes));
            return Ok(Some(n));
        }
        let (amount, used) = if lexicon::is_ago_before(t) {
            match (
                next.and_then(amount),
                rest.get(2).map(String::as_str).and_then(lexicon::unit),
            ) {
                (Some(n), Some(u)) => (Some((n, u)), 3),
                _ => (next.and_then(glued_amount), 2),
            }
        } else {
            match (amount(t), next.and_then(lexicon::unit)) {
                (Some(n), Some(u)) if rest.get(2).is_some_and(|w| lexicon::is_ago_after(w)) => {
                    (Some((n, u)), 3)
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

        // weekdays: "monday", "last monday", "el lunes pasado"
        let (wd, mut used) = match next.and_then(lexicon::weekday) {
            Some(w) if lexicon::is_last_before(t) => (Some(w), 2),
            _ => (lexicon::weekday(t), 1),
        };
        if let Some(wd) = wd {
            if rest.get(used).is_some_and(|w| lexicon::is_last_after(w)) {
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
        // "3 pm" takes the am/pm from the next word unless "3pm" already has one.
        let own_mer = t.ends_with("am") || t.ends_with("pm");
        let next_mer = if own_mer {
            None
        } else {
            next.and_then(meridiem)
        };
        let parsed = match clock_token(t, next_mer) {
            Some(Ok(c)) => Some((c, if next_mer.is_some() { 2 } else { 1 })),
            Some(Err(reason)) => return Err(self.invalid_at(t, reason)),
            None => None,
        };
        if let Some((clock, mut used)) = parsed {
            if rest.get(used).is_some_and(|w| lexicon::is_hour_word(w)) {
                used += 1;
            }
            set!(time, clock);
            return Ok(Some(used));
        }

        // parts of the day
        if let Some(period) = lexicon::period(t, prev) {
            set!(period, period);
            return Ok(Some(1));
        }

        // "around", "a eso de", ...
        if let Some(n) = lexicon::approx(rest) {
            if p.approx {
                return Err(conflict());
            }
            p.approx = true;
            return Ok(Some(n));
        }

        if lexicon::is_filler(t) {
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
