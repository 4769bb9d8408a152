//! The words of time phrases, one table per language ([`en`], [`es`]).
//!
//! The parser ([`super::parse`]) does not know which language a phrase is in (people mix them:
//! "ayer 3pm"), so it looks every word up in all the tables at once through the functions
//! below. Words are stored folded: lower case, accents removed (`miércoles` is `miercoles`).
//! To teach the parser a new word, add it to its language's table; a new kind of phrase needs a
//! field here and a rule in the parser.

use chrono::Weekday;

mod en;
mod es;

/// A part of the day, as an approximate range of local hours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Period {
    Morning,
    Afternoon,
    /// Spanish *tarde* runs until dark.
    Tarde,
    Evening,
    Night,
    /// Spanish *noche* covers evening and night.
    Noche,
    Madrugada,
    /// "hoy temprano", "early this morning".
    Early,
    /// "al amanecer", "at dawn".
    Dawn,
    /// "al anochecer", "at dusk".
    Dusk,
    /// "a las 12 del día".
    Midday,
}

/// A vague time that stands for a range by itself ("a while ago", "last weekend").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Vague {
    /// From `from` minutes ago to `to` minutes ago.
    Recent { from: i64, to: i64 },
    /// The most recent weekend (`true`: the one before, when said on a weekend).
    Weekend { last: bool },
    /// The previous calendar month.
    LastMonth,
}

/// A unit of "3 days ago".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Unit {
    Minute,
    Hour,
    Day,
    Week,
    Month,
}

/// One language's words. Multi-word entries are slices of folded words.
pub(super) struct Lexicon {
    /// "now", "ahora mismo".
    pub now: &'static [&'static [&'static str]],
    /// "half an hour ago" as a whole phrase: (words, minutes).
    pub ago_phrases: &'static [(&'static [&'static str], i64)],
    /// Words before an amount: "hace" (2 horas).
    pub ago_before: &'static [&'static str],
    /// Words after an amount: (2 hours) "ago".
    pub ago_after: &'static [&'static str],
    /// Days named by how far back they are: ("yesterday", 1).
    pub days_back: &'static [(&'static [&'static str], u64)],
    /// Nights named by their evening's day: ("last night", 1), "tonight" (0).
    pub nights: &'static [(&'static [&'static str], u64)],
    /// Words for a day after today (refused: an incident already happened).
    pub future: &'static [&'static str],
    pub weekdays: &'static [(&'static str, Weekday)],
    /// Weekday abbreviations that are also month names, read as weekdays only before a day
    /// and a month: `mar 10 nov` (martes), as the Spanish display writes it.
    pub weekdays_before_date: &'static [(&'static str, Weekday)],
    /// "last" before a weekday.
    pub last_before: &'static [&'static str],
    /// "pasado" after a weekday.
    pub last_after: &'static [&'static str],
    /// Numbers in words.
    pub numbers: &'static [(&'static str, u32)],
    pub units: &'static [(&'static str, Unit)],
    /// Named clock times: ("noon", 12).
    pub named_hours: &'static [(&'static str, u32)],
    /// Parts of the day, and the words one of them must follow (empty: none needed).
    pub periods: &'static [(&'static str, Period, &'static [&'static str])],
    /// Words after a number that say it is a clock time: "o'clock", "hrs".
    pub hour_words: &'static [&'static str],
    /// "around", "a eso de".
    pub approx: &'static [&'static [&'static str]],
    /// Words that only glue a phrase together.
    pub fillers: &'static [&'static str],
    /// Range openers and the separators each accepts (`-` is accepted by all).
    pub openers: &'static [(&'static str, &'static [&'static str])],
    /// Vague times that stand for a range: ("a while ago", 60 to 0 minutes back).
    pub vague: &'static [(&'static [&'static str], Vague)],
    /// Calendar weeks back: ("last week", 1).
    pub weeks_back: &'static [(&'static [&'static str], u32)],
    /// Words after "hace" that make the amount approximate: "como", "unos".
    pub ago_approx: &'static [&'static [&'static str]],
    /// "early", "temprano".
    pub early: &'static [&'static str],
    /// "this", "esta": the day is today, even for a time still to come.
    pub this: &'static [&'static str],
    /// Month names and abbreviations.
    pub months: &'static [(&'static str, u32)],
    /// Minutes before an hour said as a phrase: ("quarter to", -15), ("half past", 30).
    pub around_hour: &'static [(&'static [&'static str], i32)],
    /// Words between a number of minutes and the hour: ("to", -1), ("past", 1), ("para", -1).
    pub minutes_hour: &'static [(&'static str, i32)],
    /// Minutes after an hour said as a phrase: ("y media", 30), ("menos cuarto", -15).
    pub after_hour: &'static [(&'static [&'static str], i32)],
    /// A word between an hour and a number of minutes: ("y", 1), ("menos", -1).
    pub hour_minutes: &'static [(&'static str, i32)],
    /// Words before a bare number that make it an hour: "las", "at".
    pub hour_before: &'static [&'static str],
    /// Words before a bare number that make it a day of the month: "el", "the".
    pub day_before: &'static [&'static str],
    /// How a person reads the names (display): weekdays Monday first, months January first.
    pub weekday_short: [&'static str; 7],
    pub month_short: [&'static str; 12],
    pub month_long: [&'static str; 12],
}

const ALL: [&Lexicon; 2] = [&en::LEXICON, &es::LEXICON];

fn find<T: Copy + 'static>(
    pick: impl Fn(&Lexicon) -> &'static [(&'static str, T)],
    t: &str,
) -> Option<T> {
    ALL.iter()
        .flat_map(|l| pick(l).iter())
        .find(|(w, _)| *w == t)
        .map(|(_, v)| *v)
}

/// True when `rest` starts with `words`.
pub(super) fn starts_with(rest: &[String], words: &[&str]) -> bool {
    rest.len() >= words.len() && rest.iter().zip(words).all(|(a, b)| a == b)
}

/// The longest entry of the lists `pick` gives that `rest` starts with: its length.
fn phrase(
    pick: impl Fn(&Lexicon) -> &'static [&'static [&'static str]],
    rest: &[String],
) -> Option<usize> {
    ALL.iter()
        .flat_map(|l| pick(l).iter())
        .filter(|w| starts_with(rest, w))
        .map(|w| w.len())
        .max()
}

/// The longest entry of tagged phrases `rest` starts with: (length, tag).
fn tagged<T: Copy + 'static>(
    pick: impl Fn(&Lexicon) -> &'static [(&'static [&'static str], T)],
    rest: &[String],
) -> Option<(usize, T)> {
    ALL.iter()
        .flat_map(|l| pick(l).iter())
        .filter(|(w, _)| starts_with(rest, w))
        .map(|(w, v)| (w.len(), *v))
        .max_by_key(|(n, _)| *n)
}

pub(super) fn now(rest: &[String]) -> Option<usize> {
    phrase(|l| l.now, rest)
}
pub(super) fn ago_phrase(rest: &[String]) -> Option<(usize, i64)> {
    tagged(|l| l.ago_phrases, rest)
}
pub(super) fn is_ago_before(t: &str) -> bool {
    ALL.iter().any(|l| l.ago_before.contains(&t))
}
pub(super) fn is_ago_after(t: &str) -> bool {
    ALL.iter().any(|l| l.ago_after.contains(&t))
}
pub(super) fn day_back(rest: &[String]) -> Option<(usize, u64)> {
    tagged(|l| l.days_back, rest)
}
pub(super) fn night(rest: &[String]) -> Option<(usize, u64)> {
    tagged(|l| l.nights, rest)
}
pub(super) fn is_future(t: &str) -> bool {
    ALL.iter().any(|l| l.future.contains(&t))
}
pub(super) fn weekday(t: &str) -> Option<Weekday> {
    find(|l| l.weekdays, t)
}
pub(super) fn is_last_before(t: &str) -> bool {
    ALL.iter().any(|l| l.last_before.contains(&t))
}
pub(super) fn is_last_after(t: &str) -> bool {
    ALL.iter().any(|l| l.last_after.contains(&t))
}
/// A number in words (`five`, `quince`).
pub(super) fn number_word(t: &str) -> Option<u32> {
    find(|l| l.numbers, t)
}
pub(super) fn unit(t: &str) -> Option<Unit> {
    find(|l| l.units, t)
}
pub(super) fn named_hour(t: &str) -> Option<u32> {
    find(|l| l.named_hours, t)
}
/// The part of the day `t` names, given the word before it.
pub(super) fn period(t: &str, prev: Option<&str>) -> Option<Period> {
    ALL.iter()
        .flat_map(|l| l.periods.iter())
        .find(|(w, _, after)| {
            *w == t && (after.is_empty() || prev.is_some_and(|p| after.contains(&p)))
        })
        .map(|(_, p, _)| *p)
}
pub(super) fn is_hour_word(t: &str) -> bool {
    ALL.iter().any(|l| l.hour_words.contains(&t))
}
pub(super) fn approx(rest: &[String]) -> Option<usize> {
    phrase(|l| l.approx, rest)
}
pub(super) fn is_filler(t: &str) -> bool {
    ALL.iter().any(|l| l.fillers.contains(&t))
}
/// The separators a range opener accepts.
pub(super) fn opener(t: &str) -> Option<&'static [&'static str]> {
    find(|l| l.openers, t)
}
pub(super) fn vague(rest: &[String]) -> Option<(usize, Vague)> {
    tagged(|l| l.vague, rest)
}
pub(super) fn weeks_back(rest: &[String]) -> Option<(usize, u32)> {
    tagged(|l| l.weeks_back, rest)
}
pub(super) fn ago_approx(rest: &[String]) -> Option<usize> {
    phrase(|l| l.ago_approx, rest)
}
pub(super) fn is_early(t: &str) -> bool {
    ALL.iter().any(|l| l.early.contains(&t))
}
pub(super) fn is_this(t: &str) -> bool {
    ALL.iter().any(|l| l.this.contains(&t))
}
pub(super) fn month(t: &str) -> Option<u32> {
    find(|l| l.months, t)
}
pub(super) fn around_hour(rest: &[String]) -> Option<(usize, i32)> {
    tagged(|l| l.around_hour, rest)
}
pub(super) fn minutes_hour(t: &str) -> Option<i32> {
    find(|l| l.minutes_hour, t)
}
pub(super) fn after_hour(rest: &[String]) -> Option<(usize, i32)> {
    tagged(|l| l.after_hour, rest)
}
pub(super) fn hour_minutes(t: &str) -> Option<i32> {
    find(|l| l.hour_minutes, t)
}
pub(super) fn is_hour_before(t: &str) -> bool {
    ALL.iter().any(|l| l.hour_before.contains(&t))
}
pub(super) fn is_day_before(t: &str) -> bool {
    ALL.iter().any(|l| l.day_before.contains(&t))
}

/// The table of a language, for display.
pub(super) fn of(lang: crate::i18n::Lang) -> &'static Lexicon {
    match lang {
        crate::i18n::Lang::En => &en::LEXICON,
        crate::i18n::Lang::Es => &es::LEXICON,
    }
}
pub(super) fn weekday_before_date(t: &str) -> Option<Weekday> {
    find(|l| l.weekdays_before_date, t)
}
