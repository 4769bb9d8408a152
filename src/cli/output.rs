//! Printing: human text or JSON on stdout; notes and warnings on stderr; colour only on a
//! terminal and never with NO_COLOR.

use std::io::{IsTerminal, Write};

use serde::Serialize;
use vault::fl;
use vault::record::{Field, Incident, Party};
use vault::vault::view::{AttachmentView, RecordView};
use vault::{Error, Result};

use super::i18n;
use super::terminal;

/// How to print.
pub struct Out {
    pub json: bool,
    pub quiet: bool,
    colour: bool,
}

impl Out {
    pub fn new(json: bool, quiet: bool) -> Self {
        let colour = std::io::stdout().is_terminal()
            && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        Out {
            json,
            quiet,
            colour,
        }
    }

    /// Prints a value as pretty JSON.
    pub fn json<T: Serialize>(&self, value: &T) -> Result<()> {
        self.line(&pretty_json(value)?)
    }

    /// [`Out::json`] for a value that holds a secret (a new recovery code): the text is wiped
    /// after printing.
    pub fn secret_json<T: Serialize>(&self, value: &T) -> Result<()> {
        self.line(&zeroize::Zeroizing::new(pretty_json(value)?))
    }

    /// Prints one line on stdout.
    pub fn line(&self, text: &str) -> Result<()> {
        let mut out = std::io::stdout().lock();
        writeln!(out, "{text}").map_err(Error::Io)
    }

    /// Prints many lines on stdout through one buffer (a listing of 100,000 incidents would
    /// otherwise cost one write per line).
    pub fn lines<S: AsRef<str>>(&self, lines: &[S]) -> Result<()> {
        let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
        for l in lines {
            out.write_all(l.as_ref().as_bytes())
                .and_then(|_| out.write_all(b"\n"))
                .map_err(Error::Io)?;
        }
        out.flush().map_err(Error::Io)
    }

    /// One line per incident, formatted on every core, printed in order.
    pub fn record_lines(&self, records: &[RecordView]) -> Result<()> {
        use rayon::prelude::*;
        let lines: Vec<String> = records.par_iter().map(|r| self.record_line(r)).collect();
        self.lines(&lines)
    }

    /// A note on stderr (suppressed by --quiet).
    pub fn note(&self, text: &str) {
        if !self.quiet {
            eprintln!("{text}");
        }
    }

    /// A warning on stderr (always shown).
    pub fn warn(&self, text: &str) {
        if self.colour && std::io::stderr().is_terminal() {
            eprintln!("\x1b[1;33m{}\x1b[0m {text}", &fl!("cli-warning-prefix"));
        } else {
            eprintln!("{} {text}", &fl!("cli-warning-prefix"));
        }
    }

    fn bold(&self, text: &str) -> String {
        if self.colour {
            format!("\x1b[1m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    /// One line per incident, whatever its fields hold: line breaks in the narrative become
    /// spaces, and every other control or bidi character a visible escape (cli::terminal), so
    /// no planted text can pose as another incident's line or drive the terminal.
    pub fn record_line(&self, r: &RecordView) -> String {
        let place = r.location.as_ref().map(|l| l.summary()).unwrap_or_default();
        let place = terminal::inline(&place);
        // The first 60 characters, on one line.
        let (head, cut) = match r.narrative.char_indices().nth(60) {
            Some((end, _)) => (&r.narrative[..end], true),
            None => (r.narrative.as_str(), false),
        };
        let mut what = terminal::inline(&head.replace("\r\n", " ").replace('\n', " ")).into_owned();
        if cut {
            what.push('…');
        }
        // Shown only with --include-withdrawn: say so before anything else of it.
        if r.is_withdrawn() {
            what = format!("{} {what}", fl!("cli-withdrawn-mark"));
        }
        let atts = if r.attachments.is_empty() {
            String::new()
        } else {
            format!("  {}", attached_count(r.attachments.len()))
        };
        format!(
            "{}  {:<28} {:<12} {}{}{}",
            self.bold(&terminal::inline(r.id.get(..8).unwrap_or(&r.id))),
            i18n::when_text(&r.occurred_at),
            i18n::kind_name(r.kind),
            if place.is_empty() {
                String::new()
            } else {
                format!("{place} — ")
            },
            what,
            atts
        )
    }

    /// The full human form of one incident.
    pub fn record_full(&self, r: &RecordView) -> String {
        let mut s = label_line(
            &fl!("cli-label-incident"),
            &format!(
                "{} ({} {})",
                terminal::inline(&r.id),
                &fl!("cli-label-revision"),
                r.revision
            ),
        );
        if let Some(w) = &r.withdrawn {
            s.push_str(&label_line(
                &fl!("cli-label-withdrawn"),
                &terminal::inline(&w.reason),
            ));
        }
        s.push_str(&incident_text(
            &r.incident(),
            // In this computer's zone, as the incident's own time is shown beside it.
            Some(
                &vault::when::When::At(r.recorded_at.with_timezone(&chrono::Local).fixed_offset())
                    .human(),
            ),
        ));
        if !r.attachments.is_empty() {
            s.push_str(&format!("{}:\n", Field::Attachments.label()));
            for a in &r.attachments {
                s.push_str(&self.attachment_lines(a));
            }
        }
        s.trim_end().to_owned()
    }

    fn attachment_lines(&self, a: &AttachmentView) -> String {
        let mut s = format!(
            "  {}. {}  {}  {}  sha256 {}\n",
            a.number,
            terminal::inline(&a.name),
            terminal::inline(&a.media_type),
            human_size(a.size),
            terminal::inline(&a.sha256)
        );
        if let Some(taken) = &a.metadata.taken_at {
            s.push_str(&format!(
                "     {}\n",
                fl!(
                    "cli-taken-at",
                    t = terminal::inline(&taken.to_string()).into_owned()
                )
            ));
        }
        if let vault::media::MetadataStatus::Unreadable { reason } = &a.metadata.status {
            s.push_str(&format!(
                "     {}\n",
                fl!(
                    "cli-metadata-unreadable",
                    reason = terminal::inline(&i18n::unreadable_reason(reason)).into_owned()
                )
            ));
        }
        for item in &a.identifying {
            s.push_str(&format!(
                "     {}\n",
                fl!(
                    "cli-identifying-item",
                    item = terminal::inline(&i18n::identifying_text(item)).into_owned()
                )
            ));
        }
        s
    }
}

/// `Label:     value`, continuation lines indented under the value.
fn label_line(label: &str, value: &str) -> String {
    let width = LABEL_WIDTH.max(label.chars().count() + 2);
    let mut s = String::new();
    for (i, line) in value.lines().enumerate() {
        if i == 0 {
            s.push_str(&format!("{:<width$}{line}\n", format!("{label}:")));
        } else {
            s.push_str(&format!("{:<width$}{line}\n", ""));
        }
    }
    s
}

const LABEL_WIDTH: usize = 12;

/// `[3 attached]`, formatted once per count: `list` may print it on 100,000 lines.
fn attached_count(n: usize) -> String {
    use std::cell::RefCell;
    use std::collections::HashMap;
    thread_local! {
        static SEEN: RefCell<HashMap<usize, String>> = RefCell::new(HashMap::new());
    }
    SEEN.with(|seen| {
        seen.borrow_mut()
            .entry(n)
            .or_insert_with(|| fl!("cli-attached-count", n = n))
            .clone()
    })
}

/// One agent, vehicle or witness on one line, with labels in the reader's language; what was
/// typed is shown terminal-safe (cli::terminal).
pub fn party_text(p: &Party) -> String {
    let mut parts = Vec::new();
    if let Some(d) = &p.description {
        parts.push(terminal::inline(d).into_owned());
    }
    for (label, v) in [
        (fl!("cli-party-name"), &p.name),
        (fl!("cli-party-badge"), &p.badge),
        (fl!("cli-party-agency"), &p.agency),
        (fl!("cli-party-plate"), &p.plate),
        (fl!("cli-party-contact"), &p.contact),
    ] {
        if let Some(v) = v {
            parts.push(format!("{label} {}", terminal::inline(v)));
        }
    }
    parts.join("; ")
}

/// The fields of an incident, one labelled line each (empty ones left out), then the
/// narrative. Used by `show` and by the guided `add` summary. Every typed text is shown
/// terminal-safe: one line per value, the narrative's own line breaks kept and indented.
pub fn incident_text(i: &Incident, recorded: Option<&str>) -> String {
    let mut s = String::new();
    // Labels from the catalogue, the same as the reports' (`Field::label`).
    let mut push = |field: Field, value: String| {
        if !value.is_empty() {
            s.push_str(&label_line(field.label(), &value));
        }
    };
    push(Field::Kind, i18n::kind_name(i.kind).to_owned());
    push(Field::When, i18n::when_text(&i.occurred_at));
    if let Some(r) = recorded {
        push(Field::RecordedAt, r.to_owned());
    }
    push(
        Field::Location,
        terminal::inline(&i.location.as_ref().map(|l| l.summary()).unwrap_or_default())
            .into_owned(),
    );
    // Two or more are numbered, as `amend --remove-agent N` (and the others) take them.
    let list = |items: &[Party]| {
        let numbered = items.len() > 1;
        items
            .iter()
            .enumerate()
            .map(|(n, p)| {
                if numbered {
                    format!("{}. {}", n + 1, party_text(p))
                } else {
                    party_text(p)
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    push(Field::Agents, list(&i.agents));
    push(Field::Vehicles, list(&i.vehicles));
    push(Field::Witnesses, list(&i.witnesses));
    push(
        Field::Tags,
        i.tags
            .iter()
            .map(|t| terminal::inline(t))
            .collect::<Vec<_>>()
            .join(", "),
    );
    if !i.narrative.is_empty() {
        s.push_str(&format!("{}:\n", Field::Narrative.label()));
        let text = i.narrative.replace("\r\n", "\n");
        s.push_str(&format!(
            "  {}\n",
            terminal::block(text.trim_end_matches('\n'), "  ")
        ));
    }
    s
}

/// Asks a yes/no question on stderr and reads the answer from stdin; only yes (in English or
/// Spanish) is yes. End of input is [`Error::Interrupted`].
pub fn confirm(question: &str) -> Result<bool> {
    eprint!("{question} {} ", &fl!("cli-yes-no"));
    let _ = std::io::stderr().flush();
    let mut line = String::new();
    if read_answer(&mut line)? == 0 {
        eprintln!();
        return Err(Error::Interrupted);
    }
    Ok(i18n::is_yes(&line))
}

/// The longest answer read from standard input for a question (a yes/no or a fingerprint):
/// endless input without a line break (`vault destroy < /dev/zero`) stops here.
pub const ANSWER_MAX: u64 = 4096;

/// Reads one answer line from standard input, at most [`ANSWER_MAX`] bytes; 0 at end of input.
pub fn read_answer(line: &mut String) -> Result<usize> {
    use std::io::{BufRead, Read};
    let stdin = std::io::stdin();
    let mut lock = stdin.lock();
    Ok((&mut lock).take(ANSWER_MAX).read_line(line)?)
}

/// 1536 -> "1.5 KiB".
pub fn human_size(n: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut v = n as f64;
    let mut u = 0;
    while v >= 1024.0 && u < UNITS.len() - 1 {
        v /= 1024.0;
        u += 1;
    }
    if u == 0 {
        format!("{n} B")
    } else {
        format!("{v:.1} {}", UNITS[u])
    }
}

fn pretty_json<T: Serialize>(value: &T) -> Result<String> {
    serde_json::to_string_pretty(value).map_err(|e| Error::Invalid(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character up to U+3000 (all controls, C1, bidi and format controls among them).
    fn everything() -> String {
        (0u32..0x3000).filter_map(char::from_u32).collect()
    }

    fn dangerous(c: char) -> bool {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{2069}')
    }

    fn planted_view() -> RecordView {
        let all = everything();
        let party = Party {
            description: Some(all.clone()),
            name: Some(all.clone()),
            badge: Some(all.clone()),
            agency: Some(all.clone()),
            plate: Some(all.clone()),
            contact: Some(all.clone()),
        };
        RecordView {
            id: format!("0123abcd{all}"),
            revision: 1,
            kind: vault::record::Kind::Other,
            occurred_at: vault::when::When::Day(
                chrono::NaiveDate::from_ymd_opt(2026, 11, 20).expect("date"),
            ),
            recorded_at: chrono::Utc::now(),
            location: Some(vault::record::Location {
                text: Some(all.clone()),
                latitude: None,
                longitude: None,
            }),
            // Short enough that the whole of it is on the list line too.
            narrative: format!("a\nb\r\nc\u{1b}]0;t\u{7}\u{202E}{}", &all[..40]),
            agents: vec![party.clone()],
            vehicles: vec![party.clone()],
            witnesses: vec![party],
            tags: vec![all.clone()],
            attachments: vec![],
            withdrawn: None,
        }
    }

    #[test]
    fn a_list_line_is_one_safe_line_whatever_the_fields_hold() {
        let out = Out {
            json: false,
            quiet: true,
            colour: false,
        };
        let line = out.record_line(&planted_view());
        assert!(!line.contains('\n'), "more than one line");
        assert!(!line.chars().any(dangerous), "a raw control survived");
        assert!(line.contains("a b c\\e]0;t\\x07<U+202E>"));
    }

    #[test]
    fn show_keeps_only_the_narratives_own_line_breaks() {
        let out = Out {
            json: false,
            quiet: true,
            colour: false,
        };
        let r = planted_view();
        let text = out.record_full(&r);
        assert!(!text.chars().any(dangerous), "a raw control survived");
        let what = text
            .find("a\n  b\n  c\\e]0;t\\x07<U+202E>")
            .expect("the narrative keeps its own line breaks, indented");
        // Incident, Kind, When, Recorded, Where, Agents, Vehicles, Witnesses, Tags and
        // "What happened:": one line each, whatever they hold.
        assert_eq!(text[..what].matches('\n').count(), 10);
    }
}
