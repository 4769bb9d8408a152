//! Spanish words of time phrases, as said in Mexico and Central America (folded: lower case, no
//! accents, so `miércoles` is `miercoles` and `mañana` is `manana`).

use chrono::Weekday;

use super::{Lexicon, Period, Unit};

pub(super) const LEXICON: Lexicon = Lexicon {
    now: &[&["ahora", "mismo"], &["justo", "ahora"], &["ahora"]],
    ago_phrases: &[(&["hace", "media", "hora"], 30)],
    ago_before: &["hace"],
    ago_after: &[],
    days_back: &[
        (&["antes", "de", "ayer"], 2),
        (&["anteayer"], 2),
        (&["antier"], 2),
        (&["hoy"], 0),
        (&["ayer"], 1),
    ],
    nights: &[(&["anoche"], 1)],
    // "mañana" alone means tomorrow; after "la", "esta" or "de" it is the morning (periods).
    future: &["manana"],
    weekdays: &[
        ("lunes", Weekday::Mon),
        ("martes", Weekday::Tue),
        ("miercoles", Weekday::Wed),
        ("jueves", Weekday::Thu),
        ("viernes", Weekday::Fri),
        ("sabado", Weekday::Sat),
        ("domingo", Weekday::Sun),
    ],
    last_before: &[],
    last_after: &["pasado"],
    numbers: &[
        ("un", 1),
        ("una", 1),
        ("uno", 1),
        ("dos", 2),
        ("tres", 3),
        ("cuatro", 4),
        ("cinco", 5),
        ("seis", 6),
        ("siete", 7),
        ("ocho", 8),
        ("nueve", 9),
        ("diez", 10),
        ("once", 11),
        ("doce", 12),
        ("quince", 15),
        ("veinte", 20),
        ("treinta", 30),
    ],
    units: &[
        ("minuto", Unit::Minute),
        ("minutos", Unit::Minute),
        ("hora", Unit::Hour),
        ("horas", Unit::Hour),
        ("dia", Unit::Day),
        ("dias", Unit::Day),
        ("semana", Unit::Week),
        ("semanas", Unit::Week),
    ],
    named_hours: &[("mediodia", 12), ("medianoche", 0)],
    periods: &[
        ("manana", Period::Morning, &["la", "esta", "de"]),
        ("tarde", Period::Tarde, &["la", "esta", "de"]),
        ("noche", Period::Noche, &["la", "esta", "de"]),
        ("madrugada", Period::Madrugada, &["la", "esta", "de"]),
    ],
    hour_words: &["horas"],
    approx: &[
        &["a", "eso", "de"],
        &["mas", "o", "menos"],
        &["alrededor", "de"],
        &["cerca", "de"],
        &["como", "a"],
        &["aprox"],
        &["aproximadamente"],
        &["alrededor"],
        &["hacia"],
        &["sobre"],
        &["como"],
    ],
    fillers: &[
        "el", "la", "las", "los", "lo", "a", "al", "por", "en", "de", "del", "esta", "este",
    ],
    openers: &[
        ("entre", &["y"]),
        ("desde", &["hasta", "a"]),
        ("de", &["a", "hasta"]),
    ],
};
