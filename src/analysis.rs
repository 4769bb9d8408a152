//! Finding things across decrypted incidents: filters (`list --since/--until/--kind/--tag`),
//! text search (`search`) and repeated details (`patterns`).
//!
//! Pure functions over [`RecordView`]s: no I/O, no keys. The caller unlocks the vault, lists the
//! records and hands them here.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use crate::record::view::RecordView;
use crate::record::{Kind, Party};
use crate::when::When;

/// Which incidents to keep. Every condition that is set must hold.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Keep incidents that may have happened at or after this instant (the end of their span).
    pub since: Option<DateTime<Utc>>,
    /// Keep incidents that may have happened at or before this instant (the start of their span).
    pub until: Option<DateTime<Utc>>,
    pub kind: Option<Kind>,
    /// A tag, compared without regard to case or surrounding spaces.
    pub tag: Option<String>,
    /// Keep only incidents with at least one attachment.
    pub with_attachments: bool,
    /// Keep incidents withdrawn as entered by mistake too (left out otherwise).
    pub include_withdrawn: bool,
}

impl Filter {
    /// A filter from typed `--since`/`--until` times: since is the start of the first one's
    /// span, until the end of the second one's (so `--until 2026-11-20` includes that whole day).
    pub fn with_times(since: Option<&When>, until: Option<&When>) -> Filter {
        Filter {
            since: since.map(|w| w.span().0),
            until: until.map(|w| w.span().1),
            ..Filter::default()
        }
    }

    /// True when `r` passes every condition.
    pub fn matches(&self, r: &RecordView) -> bool {
        let (start, end) = r.occurred_at.span();
        self.since.is_none_or(|s| end >= s)
            && self.until.is_none_or(|u| start <= u)
            && self.kind.is_none_or(|k| r.kind == k)
            && self
                .tag
                .as_deref()
                .is_none_or(|t| r.tags.iter().any(|x| fold(x).trim() == fold(t).trim()))
            && (!self.with_attachments || !r.attachments.is_empty())
            && (self.include_withdrawn || !r.is_withdrawn())
    }

    /// Keeps the records that match, in their order.
    pub fn apply(&self, records: Vec<RecordView>) -> Vec<RecordView> {
        records.into_iter().filter(|r| self.matches(r)).collect()
    }
}

/// Lower-cases and folds the accents people often leave out under stress (`José` = `jose`,
/// `matrícula` = `matricula`), so searches and groupings do not depend on them.
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .filter_map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' => Some('a'),
            'é' | 'è' | 'ê' | 'ë' => Some('e'),
            'í' | 'ì' | 'î' | 'ï' => Some('i'),
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => Some('o'),
            'ú' | 'ù' | 'û' | 'ü' => Some('u'),
            'ñ' => Some('n'),
            'ç' => Some('c'),
            '\u{0300}'..='\u{036f}' => None,
            c => Some(c),
        })
        .collect()
}

/// Case, accents and runs of whitespace removed: the key names, vehicles and places group by.
pub fn normalize_text(text: &str) -> String {
    fold(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A plate, badge or phone number as a key: letters and digits only, upper case, accents
/// folded (`abc-1234` = `ABC 1234` = `ABC1234`, `#4411` = `4411`, `(555) 010.0100` =
/// `5550100100`). Patterns group by it and search compares with it, so the two agree.
pub fn normalize_code(text: &str) -> String {
    fold(text)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase)
        .collect()
}

/// The query as a code (see [`normalize_code`]) when it looks like one: at least one digit and
/// three letters or digits in all (`8klm472`, `"8KLM 472"`, `8KLM-472`, `555 0100`).
fn code_query(query: &str) -> Option<String> {
    let code = normalize_code(query);
    (code.chars().count() >= 3 && code.chars().any(|c| c.is_ascii_digit())).then_some(code)
}

fn party_texts(p: &Party, f: &mut dyn FnMut(&str)) {
    for v in [
        &p.description,
        &p.name,
        &p.badge,
        &p.agency,
        &p.plate,
        &p.contact,
    ]
    .into_iter()
    .flatten()
    {
        f(v);
    }
}

/// Calls `f` with every decrypted text of a record that search looks at: kind, the time as
/// shown, the place (text and coordinates), the narrative (private spans included), every part
/// of agents, vehicles and witnesses, tags, and attachment names and types.
fn visit_searchable_texts(r: &RecordView, f: &mut dyn FnMut(&str)) {
    f(r.kind.as_str());
    f(&r.occurred_at.to_string());
    if let Some(s) = r.occurred_at.json_text() {
        f(&s);
    }
    if let Some(loc) = &r.location {
        f(&loc.summary());
    }
    f(&r.narrative);
    for p in r.agents.iter().chain(&r.vehicles).chain(&r.witnesses) {
        party_texts(p, f);
    }
    for t in &r.tags {
        f(t);
    }
    for a in &r.attachments {
        f(&a.name);
        f(&a.media_type);
    }
}

/// Every decrypted text of a record that search looks at (see `visit_searchable_texts`).
pub fn searchable_texts(r: &RecordView) -> Vec<String> {
    let mut out = Vec::new();
    visit_searchable_texts(r, &mut |t| out.push(t.to_owned()));
    out
}

/// Appends `text` folded like [`fold`] (ASCII text, the common case, without per-character
/// case tables).
fn push_folded(hay: &mut String, text: &str) {
    if text.is_ascii() {
        let start = hay.len();
        hay.push_str(text);
        if let Some(added) = hay.get_mut(start..) {
            added.make_ascii_lowercase();
        }
    } else {
        hay.push_str(&fold(text));
    }
}

/// A search query: its words, folded once, and the query as a code when it looks like a plate,
/// badge or phone number.
pub struct Query {
    words: Vec<String>,
    code: Option<String>,
}

impl Query {
    pub fn new(query: &str) -> Query {
        Query {
            words: normalize_text(query)
                .split(' ')
                .filter(|w| !w.is_empty())
                .map(str::to_owned)
                .collect(),
            code: code_query(query),
        }
    }

    /// True when the query, read as a code, occurs in one of the record's texts read as codes:
    /// `search 8klm472` finds `placa=8KLM-472` and "the van 8KLM 472" in a narrative, as
    /// `patterns` groups them.
    fn matches_code<S: AsRef<str>>(&self, r: &RecordView, extra: &[S]) -> bool {
        let Some(code) = &self.code else {
            return false;
        };
        let mut found = false;
        visit_searchable_texts(r, &mut |t| {
            found = found || normalize_code(t).contains(code.as_str());
        });
        found
            || extra
                .iter()
                .any(|t| normalize_code(t.as_ref()).contains(code.as_str()))
    }

    /// True when every word occurs (ignoring case and accents) somewhere in the record's texts
    /// plus `extra` (e.g. the kind's name in the reader's language). An empty query matches
    /// everything. Texts are folded into one haystack separated by line feeds; a word holds no
    /// whitespace, so it never matches across two texts.
    pub fn matches<S: AsRef<str>>(&self, r: &RecordView, extra: &[S]) -> bool {
        if self.words.is_empty() {
            return true;
        }
        let mut hay = String::with_capacity(r.narrative.len() + 256);
        visit_searchable_texts(r, &mut |t| {
            push_folded(&mut hay, t);
            hay.push('\n');
        });
        for t in extra {
            push_folded(&mut hay, t.as_ref());
            hay.push('\n');
        }
        self.words.iter().all(|w| hay.contains(w.as_str())) || self.matches_code(r, extra)
    }
}

/// True when every word of `query` occurs (ignoring case and accents) somewhere in the record's
/// texts plus `extra`. See [`Query`], which folds the query once for many records.
pub fn record_matches(r: &RecordView, query: &str, extra: &[String]) -> bool {
    Query::new(query).matches(r, extra)
}

/// The records whose texts contain every word of `query`, in their order.
pub fn search<'a>(records: &'a [RecordView], query: &str) -> Vec<&'a RecordView> {
    let q = Query::new(query);
    records
        .iter()
        .filter(|r| q.matches::<&str>(r, &[]))
        .collect()
}

/// What a repeated detail is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PatternKind {
    /// A vehicle's plate (normalised with [`normalize_code`]).
    Plate,
    /// An agent's badge number (normalised with [`normalize_code`]).
    Badge,
    /// An agent's name (normalised with [`normalize_text`]).
    AgentName,
    /// A vehicle's free description, e.g. "grey suv" (normalised with [`normalize_text`]).
    Vehicle,
    /// The place's text (normalised with [`normalize_text`]).
    Place,
}

impl PatternKind {
    /// Every kind, in the order patterns are reported.
    pub const ALL: [PatternKind; 5] = [
        PatternKind::Plate,
        PatternKind::Badge,
        PatternKind::AgentName,
        PatternKind::Vehicle,
        PatternKind::Place,
    ];

    /// The JSON name.
    pub fn as_str(&self) -> &'static str {
        match self {
            PatternKind::Plate => "plate",
            PatternKind::Badge => "badge",
            PatternKind::AgentName => "agent_name",
            PatternKind::Vehicle => "vehicle",
            PatternKind::Place => "place",
        }
    }
}

/// A detail seen in two or more incidents.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pattern {
    pub kind: PatternKind,
    /// The normalised value the incidents were grouped by.
    pub key: String,
    /// The value as written in the earliest incident (whitespace tidied).
    pub value: String,
    /// How many incidents mention it.
    pub count: usize,
    /// Date of the earliest and latest of those incidents (in their own time zone).
    pub first: NaiveDate,
    pub last: NaiveDate,
    /// The incident ids, earliest first.
    pub incidents: Vec<String>,
}

/// The calendar date an incident happened on, in the offset it was recorded with (the start of
/// a range).
pub fn local_date(w: &When) -> NaiveDate {
    match w {
        When::At(t) => t.date_naive(),
        When::Day(d) => *d,
        When::Between { start, .. } => start.date_naive(),
    }
}

/// The (kind, key, value as written) details of one record that patterns group by. A record
/// yields each key at most once.
pub fn details(r: &RecordView) -> Vec<(PatternKind, String, String)> {
    let mut out: Vec<(PatternKind, String, String)> = Vec::new();
    let mut put = |kind: PatternKind, key: String, value: &str| {
        if !key.is_empty() && !out.iter().any(|(k, x, _)| *k == kind && *x == key) {
            let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
            out.push((kind, key, value));
        }
    };
    for v in &r.vehicles {
        if let Some(p) = &v.plate {
            put(PatternKind::Plate, normalize_code(p), p);
        }
        if let Some(d) = &v.description {
            put(PatternKind::Vehicle, normalize_text(d), d);
        }
    }
    for a in &r.agents {
        if let Some(b) = &a.badge {
            put(PatternKind::Badge, normalize_code(b), b);
        }
        if let Some(n) = &a.name {
            put(PatternKind::AgentName, normalize_text(n), n);
        }
    }
    if let Some(t) = r.location.as_ref().and_then(|l| l.text.as_deref()) {
        put(PatternKind::Place, normalize_text(t), t);
    }
    out
}

/// Plates, badge numbers, agent names, vehicle descriptions and places that occur in at least
/// `min` incidents (`min` below 2 is taken as 2: one sighting is not a pattern). Sorted by
/// count (most first), then kind, then key.
pub fn patterns(records: &[RecordView], min: usize) -> Vec<Pattern> {
    let min = min.max(2);
    let mut sorted: Vec<&RecordView> = records.iter().collect();
    sorted.sort_by(|a, b| {
        a.occurred_at
            .sort_key()
            .cmp(&b.occurred_at.sort_key())
            .then(a.recorded_at.cmp(&b.recorded_at))
            .then(a.id.cmp(&b.id))
    });
    let mut groups: BTreeMap<(PatternKind, String), Pattern> = BTreeMap::new();
    for r in sorted {
        let date = local_date(&r.occurred_at);
        for (kind, key, value) in details(r) {
            let g = groups
                .entry((kind, key.clone()))
                .or_insert_with(|| Pattern {
                    kind,
                    key,
                    value,
                    count: 0,
                    first: date,
                    last: date,
                    incidents: vec![],
                });
            if g.incidents.contains(&r.id) {
                continue;
            }
            g.count += 1;
            g.first = g.first.min(date);
            g.last = g.last.max(date);
            g.incidents.push(r.id.clone());
        }
    }
    let mut out: Vec<Pattern> = groups.into_values().filter(|p| p.count >= min).collect();
    out.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(a.kind.cmp(&b.kind))
            .then(a.key.cmp(&b.key))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::view::AttachmentView;
    use crate::record::Location;
    use chrono::{FixedOffset, TimeZone};

    fn at(y: i32, m: u32, d: u32, h: u32) -> When {
        When::At(
            FixedOffset::west_opt(5 * 3600)
                .unwrap()
                .with_ymd_and_hms(y, m, d, h, 0, 0)
                .unwrap(),
        )
    }

    fn rec(id: &str, when: When) -> RecordView {
        RecordView {
            id: id.into(),
            revision: 1,
            kind: Kind::Followed,
            occurred_at: when,
            recorded_at: Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap(),
            location: None,
            narrative: String::new(),
            agents: vec![],
            vehicles: vec![],
            witnesses: vec![],
            tags: vec![],
            attachments: vec![],
            withdrawn: None,
        }
    }

    fn vehicle(text: &str) -> Party {
        Party::parse(text).unwrap()
    }

    fn place(text: &str) -> Option<Location> {
        Some(Location {
            text: Some(text.into()),
            latitude: None,
            longitude: None,
        })
    }

    #[test]
    fn codes_and_text_normalise() {
        assert_eq!(normalize_code(" abc-1234 "), "ABC1234");
        assert_eq!(normalize_code("ABC 1234"), "ABC1234");
        assert_eq!(normalize_code("#4411"), "4411");
        assert_eq!(normalize_text("  Main   St &  5th "), "main st & 5th");
        assert_eq!(normalize_text("Calle JOSÉ  Martí"), "calle jose marti");
    }

    #[test]
    fn filter_by_time_kind_tag_and_attachments() {
        let mut a = rec("a", at(2026, 9, 2, 10));
        a.tags = vec!["Clinic".into()];
        let mut b = rec(
            "b",
            When::Day(NaiveDate::from_ymd_opt(2026, 10, 5).unwrap()),
        );
        b.kind = Kind::Raid;
        let mut c = rec("c", at(2026, 11, 20, 14));
        c.attachments.push(AttachmentView {
            number: 1,
            id: "x".into(),
            name: "photo.jpg".into(),
            size: 1,
            sha256: "00".into(),
            media_type: "image/jpeg".into(),
            attached_at: Utc.with_ymd_and_hms(2026, 11, 20, 20, 0, 0).unwrap(),
            metadata: crate::media::read_metadata_from_bytes(b"", "application/octet-stream"),
            identifying: vec![],
        });
        let all = vec![a, b, c];
        let ids = |f: &Filter| -> Vec<String> {
            f.apply(all.clone()).into_iter().map(|r| r.id).collect()
        };
        let since = When::Day(NaiveDate::from_ymd_opt(2026, 10, 5).unwrap());
        assert_eq!(ids(&Filter::with_times(Some(&since), None)), ["b", "c"]);
        assert_eq!(ids(&Filter::with_times(None, Some(&since))), ["a", "b"]);
        let f = Filter {
            kind: Some(Kind::Raid),
            ..Filter::default()
        };
        assert_eq!(ids(&f), ["b"]);
        let f = Filter {
            tag: Some(" clinic".into()),
            ..Filter::default()
        };
        assert_eq!(ids(&f), ["a"]);
        let f = Filter {
            with_attachments: true,
            ..Filter::default()
        };
        assert_eq!(ids(&f), ["c"]);
        assert_eq!(ids(&Filter::default()), ["a", "b", "c"]);
    }

    #[test]
    fn search_every_field_ignoring_case_and_accents() {
        let mut r = rec("a", at(2026, 9, 2, 10));
        r.narrative = "Two agents at the [[Peña]] house".into();
        r.agents = vec![vehicle("tall; name=Officer Ruiz; badge=4411")];
        r.vehicles = vec![vehicle("grey SUV; plate=ABC1234")];
        r.witnesses = vec![vehicle("name=Ana; contact=555-0100")];
        r.tags = vec!["school".into()];
        r.location = place("Main St & 5th");
        let rs = vec![r];
        for q in [
            "pena",
            "PEÑA house",
            "officer ruiz",
            "4411",
            "abc1234",
            "grey suv",
            "555-0100",
            "SCHOOL",
            "main st",
            "followed",
            "2026-09-02",
        ] {
            assert_eq!(search(&rs, q).len(), 1, "{q}");
        }
        assert!(search(&rs, "raid").is_empty());
        assert!(search(&rs, "grey bicycle").is_empty());
        assert!(record_matches(
            &rs[0],
            "seguimiento",
            &["seguimiento".into()]
        ));
    }

    #[test]
    fn a_plate_badge_or_phone_is_found_however_it_is_typed() {
        let mut r = rec("a", at(2026, 9, 2, 10));
        r.vehicles = vec![Party::parse_as("placa=8KLM-472", crate::record::Role::Vehicle).unwrap()];
        r.agents = vec![vehicle("badge=#44-11")];
        r.witnesses = vec![vehicle("contact=(555) 010.0100")];
        let rs = vec![r];
        for q in [
            "8klm472",
            "8KLM 472",
            "8KLM-472",
            "8 k l m 4 7 2",
            "4411",
            "44 11",
            "5550100100",
            "555-010-0100",
        ] {
            assert_eq!(search(&rs, q).len(), 1, "{q}");
        }
        for q in ["8KLM473", "4412", "KLM 473", "ab"] {
            assert!(search(&rs, q).is_empty(), "{q}");
        }
        assert_eq!(normalize_code("(555) 010.0100"), "5550100100");
        assert_eq!(normalize_code("matrícula ñ-1"), "MATRICULAN1");
    }

    #[test]
    fn a_query_word_never_matches_across_two_texts_or_runs_of_space() {
        let mut r = rec("a", at(2026, 9, 2, 10));
        r.narrative = "agents\tat   the  CORNER of José's".into();
        r.tags = vec!["van".into(), "grey".into()];
        let rs = vec![r];
        for q in ["corner", "JOSE", "josé's", "at the", "agents at"] {
            assert_eq!(search(&rs, q).len(), 1, "{q}");
        }
        // "vangrey" would exist only if two texts were joined without a separator.
        for q in ["vangrey", "van grey bicycle", "cornerx"] {
            assert!(search(&rs, q).is_empty(), "{q}");
        }
        assert_eq!(
            search(&rs, "   ").len(),
            1,
            "an empty query matches everything"
        );
    }

    #[test]
    fn patterns_group_repeats_only() {
        let mut a = rec("a", at(2026, 9, 2, 10));
        a.vehicles = vec![
            vehicle("grey SUV; plate=abc-1234"),
            vehicle("plate=ABC1234"),
        ];
        a.location = place("Main St & 5th");
        let mut b = rec("b", at(2026, 11, 20, 14));
        b.vehicles = vec![vehicle("Grey  suv; plate=ABC 1234")];
        b.agents = vec![vehicle("name=Officer Ruiz; badge=#4411")];
        b.location = place("main st &  5th");
        let mut c = rec("c", at(2026, 10, 1, 9));
        c.agents = vec![vehicle("name=officer ruiz; badge=4411")];
        c.vehicles = vec![vehicle("plate=XYZ9")];
        c.location = place("Elm St");
        let found = patterns(&[b, c, a], 2);
        let summary: Vec<(PatternKind, &str, usize, Vec<&str>)> = found
            .iter()
            .map(|p| {
                (
                    p.kind,
                    p.key.as_str(),
                    p.count,
                    p.incidents.iter().map(|s| s.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            vec![
                (PatternKind::Plate, "ABC1234", 2, vec!["a", "b"]),
                (PatternKind::Badge, "4411", 2, vec!["c", "b"]),
                (PatternKind::AgentName, "officer ruiz", 2, vec!["c", "b"]),
                (PatternKind::Vehicle, "grey suv", 2, vec!["a", "b"]),
                (PatternKind::Place, "main st & 5th", 2, vec!["a", "b"]),
            ]
        );
        let plate = &found[0];
        assert_eq!(plate.value, "abc-1234");
        assert_eq!(plate.first, NaiveDate::from_ymd_opt(2026, 9, 2).unwrap());
        assert_eq!(plate.last, NaiveDate::from_ymd_opt(2026, 11, 20).unwrap());
        assert!(patterns(&found_none(), 2).is_empty());
    }

    fn found_none() -> Vec<RecordView> {
        vec![rec("x", at(2026, 1, 1, 1))]
    }
}
