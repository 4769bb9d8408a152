//! How a [`When`] is shown: the compact form of `Display` (`2026-11-20 14:30 -05:00`, used in
//! messages and matched by search), and the way people read a time ([`When::human`]).

use std::fmt;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Timelike};

use super::When;

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
