//! Times as people say them, English and Spanish: every phrase the Spanish glossary
//! (ES-GLOSSARY.md, "Time phrases the parser should understand") marks as expected, and the
//! plain dates people type in English, each with the exact value stored, at fixed "now"
//! values: the glossary's Tuesday evening, a Wednesday morning, and an early morning (04:38).
//! Inputs with two readings are asked back, never guessed. Then how a time is shown, in both
//! languages.

use chrono::{DateTime, NaiveDateTime, SecondsFormat, TimeZone};
use chrono_tz::Tz;
use vault::i18n::Lang;
use vault::when::{When, WhenError};

use crate::common;

use common::TestVault;

const CHI: Tz = chrono_tz::America::Chicago;

/// Tuesday 1 Dec 2026, 21:40 (the glossary's examples were run then).
const TUE: &str = "2026-12-01 21:40";
/// Wednesday 25 Nov 2026, 10:00.
const WED: &str = "2026-11-25 10:00";
/// Thursday 12 Nov 2026, 04:38: early morning, before most times of "today".
const EARLY: &str = "2026-11-12 04:38";

fn at(s: &str) -> DateTime<Tz> {
    let naive = NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    CHI.from_local_datetime(&naive).single().unwrap()
}

fn rfc(t: &DateTime<chrono::FixedOffset>) -> String {
    t.to_rfc3339_opts(SecondsFormat::AutoSi, false)
}

/// `At` as RFC 3339, `Day` as a date, `Between` as `[~]start..end` (`~` = approximate).
fn canon(w: &When) -> String {
    match w {
        When::At(t) => rfc(t),
        When::Day(d) => d.to_string(),
        When::Between {
            start,
            end,
            approximate,
        } => format!(
            "{}{}..{}",
            if *approximate { "~" } else { "" },
            rfc(start),
            rfc(end)
        ),
    }
}

/// Expected: a canonical value, `ERR:` + a fragment of the English error, or `ASK:` + the two
/// readings (`first|second`, canonical) of an ambiguous input.
#[rustfmt::skip]
const ROWS: &[(&str, &str, &str)] = &[
    // --- the glossary's phrases, said on Tuesday 1 Dec 2026 at 21:40 (Chicago, -06:00)
    ("ahora", TUE, "2026-12-01T21:40:00-06:00"),
    ("ahora mismo", TUE, "2026-12-01T21:40:00-06:00"),
    ("ahorita", TUE, "2026-12-01T21:40:00-06:00"),
    ("hace un rato", TUE, "~2026-12-01T20:40:00-06:00..2026-12-01T21:40:00-06:00"),
    ("hace rato", TUE, "~2026-12-01T20:40:00-06:00..2026-12-01T21:40:00-06:00"),
    ("hace ratito", TUE, "~2026-12-01T20:40:00-06:00..2026-12-01T21:40:00-06:00"),
    ("hace poco", TUE, "~2026-12-01T20:40:00-06:00..2026-12-01T21:40:00-06:00"),
    ("hace unos minutos", TUE, "~2026-12-01T21:25:00-06:00..2026-12-01T21:40:00-06:00"),
    ("hace 10 minutos", TUE, "2026-12-01T21:30:00-06:00"),
    ("hace diez minutos", TUE, "2026-12-01T21:30:00-06:00"),
    ("hace 20 min", TUE, "2026-12-01T21:20:00-06:00"),
    ("hace media hora", TUE, "2026-12-01T21:10:00-06:00"),
    ("hace una hora", TUE, "2026-12-01T20:40:00-06:00"),
    ("hace hora y media", TUE, "2026-12-01T20:10:00-06:00"),
    ("hace una hora y media", TUE, "2026-12-01T20:10:00-06:00"),
    ("an hour and a half ago", TUE, "2026-12-01T20:10:00-06:00"),
    ("a quarter past 4 pm", TUE, "2026-12-01T16:15:00-06:00"),
    ("hace dos días", TUE, "2026-11-29"),
    ("hace 2 hrs", TUE, "2026-12-01T19:40:00-06:00"),
    ("hace tres horas", TUE, "2026-12-01T18:40:00-06:00"),
    ("hace cinco horas", TUE, "2026-12-01T16:40:00-06:00"),
    ("hace como 20 minutos", TUE, "~2026-12-01T21:10:00-06:00..2026-12-01T21:30:00-06:00"),
    ("hace unos 20 minutos", TUE, "~2026-12-01T21:10:00-06:00..2026-12-01T21:30:00-06:00"),
    ("hace aproximadamente 2 horas", TUE, "~2026-12-01T19:10:00-06:00..2026-12-01T20:10:00-06:00"),
    ("hace un par de horas", TUE, "~2026-12-01T19:10:00-06:00..2026-12-01T20:10:00-06:00"),
    ("hace unas horas", TUE, "~2026-12-01T17:40:00-06:00..2026-12-01T19:40:00-06:00"),
    ("hace veinticinco minutos", TUE, "2026-12-01T21:15:00-06:00"),
    ("hace cuarenta y cinco minutos", TUE, "2026-12-01T20:55:00-06:00"),
    ("hoy", TUE, "2026-12-01"),
    ("ayer", TUE, "2026-11-30"),
    ("antier", TUE, "2026-11-29"),
    ("anteayer", TUE, "2026-11-29"),
    ("antes de ayer", TUE, "2026-11-29"),
    ("el día de ayer", TUE, "2026-11-30"),
    ("hace 3 días", TUE, "2026-11-28"),
    ("hace quince días", TUE, "2026-11-16"),
    ("hace una semana", TUE, "2026-11-24"),
    ("hace 2 semanas", TUE, "2026-11-17"),
    // about a month back: that day, a week either side (daylight saving ended on 1 Nov)
    ("hace un mes", TUE, "~2026-10-25T00:00:00-05:00..2026-11-08T23:59:59-06:00"),
    ("el mes pasado", TUE, "~2026-11-01T00:00:00-05:00..2026-11-30T23:59:59-06:00"),
    // weeks start on Monday
    ("la semana pasada", TUE, "~2026-11-23T00:00:00-06:00..2026-11-29T23:59:59-06:00"),
    ("el fin de semana", TUE, "~2026-11-28T00:00:00-06:00..2026-11-29T23:59:59-06:00"),
    ("el fin de semana pasado", TUE, "~2026-11-28T00:00:00-06:00..2026-11-29T23:59:59-06:00"),
    ("el martes pasado", TUE, "2026-11-24"),
    // Sunday was two days ago: that Sunday or the one before? asked back
    ("el domingo pasado", TUE, "ASK:2026-11-29|2026-11-22"),
    ("este lunes", TUE, "2026-11-30"),
    ("el miercoles", TUE, "2026-11-25"),
    ("sabado", TUE, "2026-11-28"),
    ("el martes", TUE, "2026-11-24"),
    ("el pasado martes", TUE, "2026-11-24"),
    ("el martes de la semana pasada", TUE, "2026-11-24"),
    ("en la mañana", TUE, "~2026-12-01T06:00:00-06:00..2026-12-01T12:00:00-06:00"),
    ("hoy en la mañana", TUE, "~2026-12-01T06:00:00-06:00..2026-12-01T12:00:00-06:00"),
    ("esta mañana", TUE, "~2026-12-01T06:00:00-06:00..2026-12-01T12:00:00-06:00"),
    ("hoy por la mañana", TUE, "~2026-12-01T06:00:00-06:00..2026-12-01T12:00:00-06:00"),
    ("hoy temprano", TUE, "~2026-12-01T05:00:00-06:00..2026-12-01T09:00:00-06:00"),
    ("ayer temprano", TUE, "~2026-11-30T05:00:00-06:00..2026-11-30T09:00:00-06:00"),
    ("ayer por la mañana temprano", TUE, "~2026-11-30T05:00:00-06:00..2026-11-30T09:00:00-06:00"),
    ("a mediodía", TUE, "2026-12-01T12:00:00-06:00"),
    ("al mediodía", TUE, "2026-12-01T12:00:00-06:00"),
    ("ayer al mediodía", TUE, "2026-11-30T12:00:00-06:00"),
    ("como a mediodía", TUE, "~2026-12-01T11:30:00-06:00..2026-12-01T12:30:00-06:00"),
    ("a las 12 del día", TUE, "2026-12-01T12:00:00-06:00"),
    ("a las 12 del mediodía", TUE, "2026-12-01T12:00:00-06:00"),
    ("en la tarde", TUE, "~2026-12-01T12:00:00-06:00..2026-12-01T20:00:00-06:00"),
    ("esta tarde", TUE, "~2026-12-01T12:00:00-06:00..2026-12-01T20:00:00-06:00"),
    ("ayer en la tarde", TUE, "~2026-11-30T12:00:00-06:00..2026-11-30T20:00:00-06:00"),
    ("ayer por la tarde", TUE, "~2026-11-30T12:00:00-06:00..2026-11-30T20:00:00-06:00"),
    ("en la noche", TUE, "~2026-12-01T18:00:00-06:00..2026-12-01T21:40:00-06:00"),
    ("esta noche", TUE, "~2026-12-01T18:00:00-06:00..2026-12-01T21:40:00-06:00"),
    ("ayer en la noche", TUE, "~2026-11-30T18:00:00-06:00..2026-12-01T06:00:00-06:00"),
    ("ayer de noche", TUE, "~2026-11-30T18:00:00-06:00..2026-12-01T06:00:00-06:00"),
    ("anoche", TUE, "~2026-11-30T18:00:00-06:00..2026-12-01T06:00:00-06:00"),
    ("antier en la noche", TUE, "~2026-11-29T18:00:00-06:00..2026-11-30T06:00:00-06:00"),
    ("el viernes en la noche", TUE, "~2026-11-27T18:00:00-06:00..2026-11-28T06:00:00-06:00"),
    ("en la madrugada", TUE, "~2026-12-01T00:00:00-06:00..2026-12-01T06:00:00-06:00"),
    ("hoy en la madrugada", TUE, "~2026-12-01T00:00:00-06:00..2026-12-01T06:00:00-06:00"),
    ("esta madrugada", TUE, "~2026-12-01T00:00:00-06:00..2026-12-01T06:00:00-06:00"),
    ("ayer en la madrugada", TUE, "~2026-11-30T00:00:00-06:00..2026-11-30T06:00:00-06:00"),
    // the last midnight, not the coming one
    ("a las 12 de la noche", TUE, "2026-12-01T00:00:00-06:00"),
    ("medianoche", TUE, "2026-12-01T00:00:00-06:00"),
    ("a la medianoche", TUE, "2026-12-01T00:00:00-06:00"),
    ("al amanecer", TUE, "~2026-12-01T05:00:00-06:00..2026-12-01T07:00:00-06:00"),
    ("al anochecer", TUE, "~2026-12-01T18:00:00-06:00..2026-12-01T20:00:00-06:00"),
    ("a las 3 de la tarde", TUE, "2026-12-01T15:00:00-06:00"),
    ("3 de la tarde", TUE, "2026-12-01T15:00:00-06:00"),
    ("a las 7 de la noche", TUE, "2026-12-01T19:00:00-06:00"),
    ("a las 3 de la madrugada", TUE, "2026-12-01T03:00:00-06:00"),
    ("a la 1 de la tarde", TUE, "2026-12-01T13:00:00-06:00"),
    ("a la una de la tarde", TUE, "2026-12-01T13:00:00-06:00"),
    ("a las tres de la tarde", TUE, "2026-12-01T15:00:00-06:00"),
    ("a las 8 y media de la mañana", TUE, "2026-12-01T08:30:00-06:00"),
    ("a las 4 y cuarto de la tarde", TUE, "2026-12-01T16:15:00-06:00"),
    ("a las 6 y 30 de la tarde", TUE, "2026-12-01T18:30:00-06:00"),
    ("un cuarto para las 5 de la tarde", TUE, "2026-12-01T16:45:00-06:00"),
    ("las 5 menos cuarto de la tarde", TUE, "2026-12-01T16:45:00-06:00"),
    ("diez para las 8 de la noche", TUE, "2026-12-01T19:50:00-06:00"),
    ("3:30 pm", TUE, "2026-12-01T15:30:00-06:00"),
    ("3:30 p. m.", TUE, "2026-12-01T15:30:00-06:00"),
    ("3 p.m.", TUE, "2026-12-01T15:00:00-06:00"),
    ("6:30 de la tarde", TUE, "2026-12-01T18:30:00-06:00"),
    ("15:30", TUE, "2026-12-01T15:30:00-06:00"),
    ("15 horas", TUE, "2026-12-01T15:00:00-06:00"),
    ("a las 15 hrs", TUE, "2026-12-01T15:00:00-06:00"),
    ("18:30 hrs", TUE, "2026-12-01T18:30:00-06:00"),
    ("a las 17:00 horas", TUE, "2026-12-01T17:00:00-06:00"),
    // an hour 1-12 alone is asked back (mañana o tarde), by design
    ("a las 3", TUE, "ERR:3 could be 3am or 3pm"),
    ("ayer como a las 5", TUE, "ERR:ambiguous"),
    ("hoy a las 9", TUE, "ERR:ambiguous"),
    ("un cuarto para las 5", TUE, "ERR:ambiguous"),
    ("ayer a las 10 de la noche", TUE, "2026-11-30T22:00:00-06:00"),
    ("a las 10 de la noche de ayer", TUE, "2026-11-30T22:00:00-06:00"),
    ("anoche a las 11", TUE, "2026-11-30T23:00:00-06:00"),
    ("el lunes a las 8 de la mañana", TUE, "2026-11-30T08:00:00-06:00"),
    ("el sábado en la noche a las 11", TUE, "2026-11-28T23:00:00-06:00"),
    ("como a las 3 de la tarde", TUE, "~2026-12-01T14:30:00-06:00..2026-12-01T15:30:00-06:00"),
    ("a eso de las 3 de la tarde", TUE, "~2026-12-01T14:30:00-06:00..2026-12-01T15:30:00-06:00"),
    ("más o menos a las 3pm", TUE, "~2026-12-01T14:30:00-06:00..2026-12-01T15:30:00-06:00"),
    ("alrededor de las 15:00", TUE, "~2026-12-01T14:30:00-06:00..2026-12-01T15:30:00-06:00"),
    ("por ahí de las 3 de la tarde", TUE, "~2026-12-01T14:30:00-06:00..2026-12-01T15:30:00-06:00"),
    ("entre las 2 y las 4 de la tarde", TUE, "2026-12-01T14:00:00-06:00..2026-12-01T16:00:00-06:00"),
    ("de 2 a 4 de la tarde", TUE, "2026-12-01T14:00:00-06:00..2026-12-01T16:00:00-06:00"),
    ("de las 2 a las 4", TUE, "ERR:ambiguous"),
    ("desde las 2 hasta las 4 de la tarde", TUE, "2026-12-01T14:00:00-06:00..2026-12-01T16:00:00-06:00"),
    ("ayer entre las 10 de la noche y las 2 de la mañana", TUE, "2026-11-30T22:00:00-06:00..2026-12-01T02:00:00-06:00"),
    ("2026-11-24", TUE, "2026-11-24"),
    ("2026-11-24 15:00", TUE, "2026-11-24T15:00:00-06:00"),
    ("24 de noviembre", TUE, "2026-11-24"),
    ("el 24 de noviembre", TUE, "2026-11-24"),
    ("el 24 de noviembre de 2026", TUE, "2026-11-24"),
    ("24 de noviembre a las 3 de la tarde", TUE, "2026-11-24T15:00:00-06:00"),
    ("el 24", TUE, "2026-11-24"),
    ("el martes 24", TUE, "2026-11-24"),
    ("lunes 30 de noviembre", TUE, "2026-11-30"),
    ("el lunes 30", TUE, "2026-11-30"),
    ("el lunes 24", TUE, "ERR:does not match the date"),
    ("24/11/2026", TUE, "2026-11-24"),
    ("24/11", TUE, "2026-11-24"),
    ("24-11-2026", TUE, "2026-11-24"),
    ("nov 24", TUE, "2026-11-24"),
    ("noviembre 24", TUE, "2026-11-24"),
    ("el 3 de diciembre", TUE, "2025-12-03"),
    ("mañana", TUE, "ERR:\"mañana\" is in the future"),
    ("mañana en la mañana", TUE, "ERR:is in the future"),
    // --- English, said on Wednesday 25 Nov 2026 at 10:00
    ("November 10 around 7am", WED, "~2026-11-10T06:30:00-06:00..2026-11-10T07:30:00-06:00"),
    ("Nov 12", WED, "2026-11-12"),
    ("November 10, 2026 at 3pm", WED, "2026-11-10T15:00:00-06:00"),
    ("10 Nov 2026", WED, "2026-11-10"),
    ("the 10th", WED, "2026-11-10"),
    ("November 10th at 3:15 pm", WED, "2026-11-10T15:15:00-06:00"),
    ("Tue 10 Nov 2026 around 7:00 am", WED, "~2026-11-10T06:30:00-06:00..2026-11-10T07:30:00-06:00"),
    // what the display writes can be typed back
    ("mar 10 nov 2026", WED, "2026-11-10"),
    ("mar 10 nov 2026, 7:00 de la mañana", WED, "2026-11-10T07:00:00-06:00"),
    ("mar 10 nov 2026, aprox. 7:00 de la mañana", WED, "~2026-11-10T06:30:00-06:00..2026-11-10T07:30:00-06:00"),
    ("Tue 10 Nov 2026, 7:00 am", WED, "2026-11-10T07:00:00-06:00"),
    ("mar 10", WED, "2026-03-10"),
    ("mié 11 nov 2026", WED, "2026-11-11"),
    // both day/month and month/day are dates: asked back
    ("11/10/2026", WED, "ASK:2026-10-11|2026-11-10"),
    ("10/11/2026", WED, "ASK:2026-11-10|2026-10-11"),
    ("11/10", WED, "ASK:2026-10-11|2026-11-10"),
    // without a year: the most recent of each reading
    ("12/11", WED, "ASK:2026-11-12|2025-12-11"),
    // one reading only: the other is not a date, or still to come
    ("11/25/2026", WED, "2026-11-25"),
    ("5/5/2026", WED, "2026-05-05"),
    ("31/02/2026", WED, "ERR:no such date"),
    ("last week", WED, "~2026-11-16T00:00:00-06:00..2026-11-22T23:59:59-06:00"),
    ("a while ago", WED, "~2026-11-25T09:00:00-06:00..2026-11-25T10:00:00-06:00"),
    ("a few minutes ago", WED, "~2026-11-25T09:45:00-06:00..2026-11-25T10:00:00-06:00"),
    ("a couple of hours ago", WED, "~2026-11-25T07:30:00-06:00..2026-11-25T08:30:00-06:00"),
    ("a few hours ago", WED, "~2026-11-25T06:00:00-06:00..2026-11-25T08:00:00-06:00"),
    ("about 20 minutes ago", WED, "~2026-11-25T09:30:00-06:00..2026-11-25T09:50:00-06:00"),
    ("twenty-five minutes ago", WED, "2026-11-25T09:35:00-06:00"),
    ("forty five minutes ago", WED, "2026-11-25T09:15:00-06:00"),
    // "last Tuesday" on a Wednesday: yesterday, or the Tuesday of the week before
    ("last Tuesday", WED, "ASK:2026-11-24|2026-11-17"),
    ("last tuesday at 3pm", WED, "ASK:2026-11-24T15:00:00-06:00|2026-11-17T15:00:00-06:00"),
    ("el martes pasado", WED, "ASK:2026-11-24|2026-11-17"),
    ("last Friday", WED, "2026-11-20"),
    ("Tuesday", WED, "2026-11-24"),
    ("el martes", WED, "2026-11-24"),
    ("Tuesday last week", WED, "2026-11-17"),
    ("last week Tuesday", WED, "2026-11-17"),
    ("el martes de la semana pasada", WED, "2026-11-17"),
    ("last weekend", WED, "~2026-11-21T00:00:00-06:00..2026-11-22T23:59:59-06:00"),
    ("last month", WED, "~2026-10-01T00:00:00-05:00..2026-10-31T23:59:59-05:00"),
    ("half past 8 in the morning", WED, "2026-11-25T08:30:00-06:00"),
    ("quarter to 5 pm yesterday", WED, "2026-11-24T16:45:00-06:00"),
    ("yesterday at five pm", WED, "2026-11-24T17:00:00-06:00"),
    ("early this morning", WED, "~2026-11-25T05:00:00-06:00..2026-11-25T09:00:00-06:00"),
    ("at dawn", WED, "~2026-11-25T05:00:00-06:00..2026-11-25T07:00:00-06:00"),
    ("yesterday at dusk", WED, "~2026-11-24T18:00:00-06:00..2026-11-24T20:00:00-06:00"),
    ("tomorrow", WED, "ERR:is in the future"),
    // --- early morning, Thursday 12 Nov 2026 at 04:38: a time still to come is yesterday's
    ("7am", EARLY, "2026-11-11T07:00:00-06:00"),
    ("a las 7 de la mañana", EARLY, "2026-11-11T07:00:00-06:00"),
    ("around 11pm", EARLY, "~2026-11-11T22:30:00-06:00..2026-11-11T23:30:00-06:00"),
    ("a las 11 de la noche", EARLY, "2026-11-11T23:00:00-06:00"),
    ("a las 12 de la noche", EARLY, "2026-11-12T00:00:00-06:00"),
    ("en la mañana", EARLY, "~2026-11-11T06:00:00-06:00..2026-11-11T12:00:00-06:00"),
    ("en la madrugada", EARLY, "~2026-11-12T00:00:00-06:00..2026-11-12T04:38:00-06:00"),
    ("3:15", EARLY, "2026-11-12T03:15:00-06:00"),
    // less than an hour ahead is likelier a wrong clock or a typo than yesterday: refused
    ("5:00", EARLY, "ERR:in the future"),
    ("5:40", EARLY, "2026-11-11T05:40:00-06:00"),
    ("hace un rato", EARLY, "~2026-11-12T03:38:00-06:00..2026-11-12T04:38:00-06:00"),
    ("last night", EARLY, "~2026-11-11T18:00:00-06:00..2026-11-12T04:38:00-06:00"),
    // said with the day, a time still to come stays refused
    ("today 7am", EARLY, "ERR:in the future"),
    ("hoy a las 7 de la mañana", EARLY, "ERR:in the future"),
    ("this morning", EARLY, "ERR:in the future"),
    ("el jueves", EARLY, "2026-11-05"),
    ("el miércoles pasado", EARLY, "ASK:2026-11-11|2026-11-04"),
];

#[test]
fn phrases_give_the_exact_stored_value() {
    assert!(ROWS.len() >= 110, "{} rows", ROWS.len());
    let mut failures = Vec::new();
    for (input, now, expected) in ROWS {
        let now = at(now);
        let got = match When::parse(input, &now) {
            Ok(w) => canon(&w),
            Err(e) => match e.readings() {
                Some((a, b)) => format!("ASK:{}|{}", canon(a), canon(b)),
                None => {
                    // English whatever the process language: the test binary is shared.
                    let msg = e.text_in(Lang::En);
                    match expected.strip_prefix("ERR:") {
                        Some(fragment) if msg.contains(fragment) => continue,
                        _ => format!("ERR:{msg}"),
                    }
                }
            },
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
fn a_time_moved_to_the_previous_day_is_said_in_the_echo() {
    let now = at(EARLY);
    let p = When::parse_explained("7am", &now).unwrap();
    assert!(p.previous_day);
    assert_eq!(
        p.echo_in(Lang::En, &CHI),
        "Wed 11 Nov 2026, 7:00 am (the day before: today's 7:00 am is still to come)"
    );
    assert_eq!(
        p.echo_in(Lang::Es, &CHI),
        "mié 11 nov 2026, 7:00 de la mañana (un día antes: hoy todavía no son las 7:00 de la mañana)"
    );
    let p = When::parse_explained("3:15", &now).unwrap();
    assert!(!p.previous_day);
    assert_eq!(p.echo_in(Lang::En, &CHI), "Thu 12 Nov 2026, 3:15 am");
}

#[test]
fn ambiguous_inputs_name_both_readings_and_the_way_to_say_one() {
    let now = at(WED);
    let e = When::parse("11/10/2026", &now).unwrap_err();
    assert!(matches!(e, WhenError::Ambiguous { .. }));
    let en = e.text_in(Lang::En);
    assert!(en.contains("Sun 11 Oct 2026 or Tue 10 Nov 2026"), "{en}");
    assert!(en.contains("(11 Oct 2026 or 10 Nov 2026)"), "{en}");
    let es = e.text_in(Lang::Es);
    assert!(es.contains("dom 11 oct 2026 o mar 10 nov 2026"), "{es}");
    assert!(
        es.contains("(«11 de octubre de 2026» o «10 de noviembre de 2026»)"),
        "{es}"
    );
    // what the message suggests is understood, and means one day
    for typed in [
        "11 Oct 2026",
        "10 Nov 2026",
        "11 de octubre de 2026",
        "10 de noviembre de 2026",
    ] {
        assert!(
            matches!(When::parse(typed, &now), Ok(When::Day(_))),
            "{typed}"
        );
    }
}

fn dt(s: &str) -> DateTime<chrono::FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

#[test]
fn display_in_both_languages() {
    let approx = |a: &str, b: &str| When::Between {
        start: dt(a),
        end: dt(b),
        approximate: true,
    };
    let cases: Vec<(When, &str, &str)> = vec![
        (
            When::At(dt("2026-11-10T07:00:00-06:00")),
            "Tue 10 Nov 2026, 7:00 am",
            "mar 10 nov 2026, 7:00 de la mañana",
        ),
        (
            approx("2026-11-10T06:30:00-06:00", "2026-11-10T07:30:00-06:00"),
            "Tue 10 Nov 2026 around 7:00 am",
            "mar 10 nov 2026, aprox. 7:00 de la mañana",
        ),
        (
            When::Day("2026-11-10".parse().unwrap()),
            "Tue 10 Nov 2026",
            "mar 10 nov 2026",
        ),
        (
            approx("2026-11-10T12:00:00-06:00", "2026-11-10T20:00:00-06:00"),
            "Tue 10 Nov 2026, roughly between 12:00 pm and 8:00 pm",
            "mar 10 nov 2026, aprox. entre 12:00 del día y 8:00 de la noche",
        ),
        (
            When::Between {
                start: dt("2026-11-10T14:00:00-06:00"),
                end: dt("2026-11-10T16:30:00-06:00"),
                approximate: false,
            },
            "Tue 10 Nov 2026, between 2:00 pm and 4:30 pm",
            "mar 10 nov 2026, entre 2:00 de la tarde y 4:30 de la tarde",
        ),
        (
            approx("2026-11-30T18:00:00-06:00", "2026-12-01T06:00:00-06:00"),
            "roughly between Mon 30 Nov 2026, 6:00 pm and Tue 1 Dec 2026, 6:00 am",
            "aprox. entre lun 30 nov 2026, 6:00 de la tarde y mar 1 dic 2026, 6:00 de la mañana",
        ),
        (
            approx("2026-11-23T00:00:00-06:00", "2026-11-29T23:59:59-06:00"),
            "roughly between Mon 23 Nov 2026 and Sun 29 Nov 2026",
            "aprox. entre el lun 23 nov 2026 y el dom 29 nov 2026",
        ),
        (
            When::At(dt("2026-12-01T00:00:00-06:00")),
            "Tue 1 Dec 2026, 12:00 am",
            "mar 1 dic 2026, 12:00 de la noche",
        ),
        (
            When::At(dt("2026-12-01T00:30:00-06:00")),
            "Tue 1 Dec 2026, 12:30 am",
            "mar 1 dic 2026, 12:30 de la madrugada",
        ),
        (
            When::At(dt("2026-12-01T12:15:00-06:00")),
            "Tue 1 Dec 2026, 12:15 pm",
            "mar 1 dic 2026, 12:15 del día",
        ),
        (
            When::At(dt("2026-12-01T21:45:00-06:00")),
            "Tue 1 Dec 2026, 9:45 pm",
            "mar 1 dic 2026, 9:45 de la noche",
        ),
        // another zone than this computer's is named; this zone never is
        (
            When::At(dt("2026-11-10T08:00:00-05:00")),
            "Tue 10 Nov 2026, 8:00 am (UTC\u{2212}5)",
            "mar 10 nov 2026, 8:00 de la mañana (hora UTC\u{2212}5)",
        ),
        // seconds for an exact instant that has them, never for a range's ends
        (
            When::At(dt("2026-12-01T21:40:15-06:00")),
            "Tue 1 Dec 2026, 9:40:15 pm",
            "mar 1 dic 2026, 9:40:15 de la noche",
        ),
        (
            When::Between {
                start: dt("2026-12-01T21:00:00-06:00"),
                end: dt("2026-12-01T21:40:15-06:00"),
                approximate: true,
            },
            "Tue 1 Dec 2026, roughly between 9:00 pm and 9:40 pm",
            "mar 1 dic 2026, aprox. entre 9:00 de la noche y 9:40 de la noche",
        ),
        (
            When::At(dt("2026-07-14T21:00:00-05:00")),
            "Tue 14 Jul 2026, 9:00 pm",
            "mar 14 jul 2026, 9:00 de la noche",
        ),
    ];
    for (w, en, es) in cases {
        assert_eq!(w.human_in(Lang::En, &CHI), en);
        assert_eq!(w.human_in(Lang::Es, &CHI), es);
    }
}

/// `--when` with two readings is refused, naming both and the way to write one; a time still
/// to come today is taken as yesterday's, and stderr says so; `list` shows the way people read.
#[test]
fn the_command_line_refuses_two_readings_and_notes_the_previous_day() {
    use chrono::Timelike;
    let v = TestVault::new();
    for (lang, needles) in [
        (
            "en",
            [
                "Sun 11 Oct 2026 or Tue 10 Nov 2026",
                "(11 Oct 2026 or 10 Nov 2026)",
            ],
        ),
        (
            "es",
            [
                "dom 11 oct 2026 o mar 10 nov 2026",
                "(«11 de octubre de 2026» o «10 de noviembre de 2026»)",
            ],
        ),
    ] {
        let out = v
            .cmd()
            .env("TZ", "UTC")
            .args([
                "--lang",
                lang,
                "add",
                "--kind",
                "raid",
                "--when",
                "11/10/2026",
            ])
            .args(["--what", "x"])
            .output()
            .unwrap();
        let err = common::one_line_error(&out);
        for needle in needles {
            assert!(err.contains(needle), "{lang}: {err}");
        }
    }
    let id = v
        .cmd()
        .env("TZ", "UTC")
        .args([
            "add",
            "--kind",
            "raid",
            "--when",
            "2026-11-10 07:00",
            "--what",
            "x",
        ])
        .output()
        .unwrap();
    assert!(id.status.success());
    let list = v.cmd().env("TZ", "UTC").arg("list").output().unwrap();
    assert!(
        common::stdout(&list).contains("Tue 10 Nov 2026, 7:00 am"),
        "{}",
        common::stdout(&list)
    );
    let list = v
        .cmd()
        .env("TZ", "UTC")
        .args(["--lang", "es", "list"])
        .output()
        .unwrap();
    assert!(
        common::stdout(&list).contains("mar 10 nov 2026, 7:00 de la mañana"),
        "{}",
        common::stdout(&list)
    );
    let hour = chrono::Utc::now().hour();
    if hour <= 21 {
        let ahead = format!("{:02}:00", hour + 2);
        let out = v
            .cmd()
            .env("TZ", "UTC")
            .args(["add", "--kind", "raid", "--when", &ahead, "--what", "x"])
            .output()
            .unwrap();
        assert!(out.status.success());
        let err = common::stderr(&out);
        assert!(
            err.contains(&format!("note: \"{ahead}\" was taken as")),
            "{err}"
        );
        assert!(err.contains("the day before"), "{err}");
    }
}
