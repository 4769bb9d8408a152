//! The guided `vault add` and `vault amend`: with no field flags on a terminal, ask for each
//! field in turn, show a summary and ask before saving.
//!
//! Everything is typed inside the program: no editor and no temporary file, which would leave
//! plaintext on the disk. Every question can be skipped with Enter (in `amend`, and for a
//! question asked again, Enter keeps the value shown). `back` (`atrás`, `volver`) at any
//! question returns to the previous one. The narrative takes paragraphs: it ends with a line
//! holding only `.`. Ctrl-C (SIGINT, default action) ends the process before anything is
//! stored; end of input (Ctrl-D) on a one-line question or at the confirmation is treated the
//! same way ([`Error::Interrupted`]), while in a multi-line answer it only ends that answer.

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;

use chrono::{DateTime, Local, TimeZone};
use vault::fl;
use vault::record::disclosure::split_private;
use vault::record::{Incident, Kind, Location, Party, Role};
use vault::when::When;
use vault::{Error, Result};

use super::i18n;
use super::output;
use super::terminal::inline;

/// What the person answered: the incident and the files to attach.
pub type Answers = (Incident, Vec<PathBuf>);

/// True when a person can answer: stdin and stderr are both terminals.
pub fn available() -> bool {
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}

/// Asks on the terminal. `files` are the ones given with `--attach` (more can be added).
/// `None` when the person chose not to save.
pub fn ask(files: Vec<PathBuf>) -> Result<Option<Answers>> {
    let stdin = std::io::stdin();
    let mut p = Prompter {
        input: stdin.lock(),
        out: std::io::stderr(),
    };
    ask_with(&mut p, Local::now, files)
}

/// The guided `amend` on the terminal: every question shows the current value (Enter keeps
/// it). `id` is shown in the introduction. `None` when the person chose not to save.
pub fn ask_amend(id: &str, current: Incident) -> Result<Option<Incident>> {
    let stdin = std::io::stdin();
    let mut p = Prompter {
        input: stdin.lock(),
        out: std::io::stderr(),
    };
    amend_with(&mut p, Local::now, id, current)
}

/// The longest line read at once from the person answering (a pasted paragraph fits).
const LINE_MAX: u64 = 1 << 20;

/// Questions on `out`, answers from `input`.
pub struct Prompter<R, W> {
    pub input: R,
    pub out: W,
}

impl<R: BufRead, W: Write> Prompter<R, W> {
    fn say(&mut self, text: &str) -> Result<()> {
        writeln!(self.out, "{text}")?;
        Ok(())
    }

    /// One line without its line ending; `None` at end of input.
    fn read(&mut self) -> Result<Option<String>> {
        self.out.flush()?;
        let mut line = String::new();
        // One typed line is at most LINE_MAX bytes; a longer one is read in pieces, so endless
        // input without a line break cannot grow one buffer without bound.
        match std::io::Read::take(&mut self.input, LINE_MAX).read_line(&mut line) {
            Ok(0) => Ok(None),
            Ok(_) => Ok(Some(line.trim_end_matches(['\n', '\r']).to_owned())),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => Err(Error::Interrupted),
            Err(e) => Err(Error::Io(e)),
        }
    }

    /// A one-line answer, trimmed; end of input means the person gave up.
    fn ask(&mut self, prompt: &str) -> Result<String> {
        write!(self.out, "{prompt}")?;
        match self.read()? {
            Some(line) => Ok(line.trim().to_owned()),
            None => {
                writeln!(self.out)?;
                Err(Error::Interrupted)
            }
        }
    }

    /// One line of a list answer after the `> ` mark; `None` at end of input.
    fn list_line(&mut self) -> Result<Option<String>> {
        write!(self.out, "> ")?;
        let line = self.read()?;
        if line.is_none() {
            writeln!(self.out)?;
        }
        Ok(line)
    }
}

/// True when the answer asks to go back to the previous question (`back`, `atrás`, `volver`).
pub fn is_back(answer: &str) -> bool {
    matches!(
        vault::analysis::normalize_text(answer).as_str(),
        "back" | "go back" | "atras" | "volver"
    )
}

/// Where the conversation goes after a question.
enum Nav {
    Next,
    Back,
}

/// What has been answered so far (or, in `amend`, what the incident holds). A value that is
/// set is offered again: Enter keeps it.
struct Draft {
    kind: Option<Kind>,
    when: Option<When>,
    location: Option<Location>,
    narrative: String,
    agents: Vec<Party>,
    vehicles: Vec<Party>,
    witnesses: Vec<Party>,
    tags: Vec<String>,
    files: Vec<PathBuf>,
}

impl Draft {
    fn incident(&self, now: When) -> Incident {
        Incident {
            kind: self.kind.unwrap_or(Kind::Other),
            occurred_at: self.when.clone().unwrap_or(now),
            location: self.location.clone(),
            narrative: self.narrative.clone(),
            agents: self.agents.clone(),
            vehicles: self.vehicles.clone(),
            witnesses: self.witnesses.clone(),
            tags: self.tags.clone(),
        }
    }
}

/// The questions about the incident itself, in order (`add` then asks for files).
const INCIDENT_STEPS: [Step; 8] = [
    Step::Kind,
    Step::When,
    Step::Where,
    Step::What,
    Step::Agents,
    Step::Vehicles,
    Step::Witnesses,
    Step::Tags,
];

/// The questions, in order.
#[derive(Clone, Copy, PartialEq)]
enum Step {
    Kind,
    When,
    Where,
    What,
    Agents,
    Vehicles,
    Witnesses,
    Tags,
    Files,
}

/// An error as a short line under the question it answers (it may quote what was typed or
/// pasted: shown terminal-safe).
fn problem(e: &Error) -> String {
    format!("  ! {}", inline(&i18n::error_detail(e)))
}

/// A path as one terminal-safe line.
fn path_text(p: &std::path::Path) -> String {
    inline(&p.display().to_string()).into_owned()
}

fn ask_kind<R: BufRead, W: Write>(p: &mut Prompter<R, W>, d: &mut Draft) -> Result<Nav> {
    p.say(&fl!("cli-guided-kind"))?;
    for (i, k) in Kind::ALL.iter().enumerate() {
        p.say(&format!("  {}. {}", i + 1, k.description()))?;
    }
    let prompt = match d.kind {
        Some(k) => fl!("cli-guided-kind-keep", value = i18n::kind_name(k)),
        None => fl!("cli-guided-kind-prompt"),
    };
    loop {
        let answer = p.ask(&prompt)?;
        if is_back(&answer) {
            return Ok(Nav::Back);
        }
        if answer.is_empty() {
            d.kind = Some(d.kind.unwrap_or(Kind::Other));
            return Ok(Nav::Next);
        }
        if let Ok(n) = answer.parse::<usize>() {
            match Kind::ALL.get(n.wrapping_sub(1)) {
                Some(k) => {
                    d.kind = Some(*k);
                    return Ok(Nav::Next);
                }
                None => p.say(&format!(
                    "  ! {}",
                    fl!("cli-guided-kind-bad", max = Kind::ALL.len())
                ))?,
            }
            continue;
        }
        match i18n::parse_kind(&answer) {
            Ok(k) => {
                d.kind = Some(k);
                return Ok(Nav::Next);
            }
            Err(e) => p.say(&problem(&e))?,
        }
    }
}

fn ask_when<R: BufRead, W: Write, Tz: TimeZone>(
    p: &mut Prompter<R, W>,
    now: &impl Fn() -> DateTime<Tz>,
    d: &mut Draft,
) -> Result<Nav>
where
    Tz::Offset: std::fmt::Display,
{
    let prompt = match &d.when {
        Some(w) => fl!("cli-guided-when-keep", value = w.human()),
        None => fl!("cli-guided-when"),
    };
    loop {
        let answer = p.ask(&prompt)?;
        if is_back(&answer) {
            return Ok(Nav::Back);
        }
        if answer.is_empty() && d.when.is_some() {
            return Ok(Nav::Next);
        }
        let text = if answer.is_empty() { "now" } else { &answer };
        match When::parse_explained(text, &now()) {
            Ok(parsed) => {
                p.say(&fl!("cli-guided-when-is", when = parsed.echo()))?;
                d.when = Some(parsed.when);
                return Ok(Nav::Next);
            }
            Err(e) => {
                p.say(&format!("  ! {}", inline(&e.to_string())))?;
                // Two readings ("11/10/2026", "last Tuesday"): ask which one, never guess.
                if let Some((first, second)) = e.readings() {
                    let question = vault::fl!(
                        "when-ask-which",
                        first = first.human(),
                        second = second.human()
                    );
                    let chosen = match p.ask(&question)?.trim() {
                        "1" => first,
                        "2" => second,
                        _ => continue,
                    };
                    p.say(&fl!("cli-guided-when-is", when = chosen.human()))?;
                    d.when = Some(chosen.clone());
                    return Ok(Nav::Next);
                }
            }
        }
    }
}

fn ask_where<R: BufRead, W: Write>(p: &mut Prompter<R, W>, d: &mut Draft) -> Result<Nav> {
    let shown = d.location.as_ref().map(|l| l.summary()).unwrap_or_default();
    let answer = if shown.is_empty() {
        p.ask(&fl!("cli-guided-where"))?
    } else {
        p.ask(&fl!(
            "cli-guided-where-keep",
            value = inline(&shown).into_owned()
        ))?
    };
    if is_back(&answer) {
        return Ok(Nav::Back);
    }
    match answer.as_str() {
        "" => {}
        "-" => d.location = None,
        text => {
            // A new place text keeps coordinates given with --coords earlier.
            let mut loc = d.location.clone().unwrap_or_default();
            loc.text = Some(text.to_owned());
            d.location = Some(loc);
        }
    }
    Ok(Nav::Next)
}

/// The narrative: lines and paragraphs until a line holding only `.` (or end of input). Empty
/// lines inside are kept as paragraph breaks; blank lines around the text are dropped. An empty
/// first line skips the question (keeps the narrative shown, if any).
fn ask_narrative<R: BufRead, W: Write>(p: &mut Prompter<R, W>, d: &mut Draft) -> Result<Nav> {
    if d.narrative.is_empty() {
        p.say(&fl!("cli-guided-what"))?;
    } else {
        p.say(&fl!("cli-guided-what-now"))?;
        p.say(&format!("  {}", inline_block(&d.narrative)))?;
        p.say(&fl!("cli-guided-what-keep"))?;
    }
    loop {
        let mut lines: Vec<String> = Vec::new();
        loop {
            write!(p.out, "> ")?;
            match p.read()? {
                None => {
                    writeln!(p.out)?;
                    break;
                }
                Some(l) if lines.is_empty() && is_back(&l) => return Ok(Nav::Back),
                Some(l) if lines.is_empty() && l.trim().is_empty() => return Ok(Nav::Next),
                Some(l) if l.trim() == "." => break,
                Some(l) => lines.push(l.trim_end().to_owned()),
            }
        }
        let text = lines.join("\n").trim_matches('\n').to_owned();
        match split_private(&text) {
            Ok(_) => {
                d.narrative = text;
                return Ok(Nav::Next);
            }
            Err(e) => {
                p.say(&problem(&e))?;
                p.say(&fl!("cli-guided-what-again"))?;
            }
        }
    }
}

/// A multi-line text shown indented under its heading, terminal-safe.
fn inline_block(text: &str) -> String {
    super::terminal::block(text.trim_end_matches('\n'), "  ").into_owned()
}

/// Agents, vehicles or witnesses: the ones already there are listed with their numbers; each
/// line typed adds one, `-N` removes number N, an empty line ends.
fn ask_parties<R: BufRead, W: Write>(
    p: &mut Prompter<R, W>,
    intro: &str,
    role: Role,
    parties: &mut Vec<Party>,
) -> Result<Nav> {
    p.say(intro)?;
    let show = |p: &mut Prompter<R, W>, parties: &[Party]| -> Result<()> {
        for (i, party) in parties.iter().enumerate() {
            p.say(&format!("  {}. {}", i + 1, output::party_text(party)))?;
        }
        if !parties.is_empty() {
            p.say(&fl!("cli-guided-list-edit"))?;
        }
        Ok(())
    };
    show(p, parties)?;
    let mut first = true;
    loop {
        let line = match p.list_line()? {
            None => break,
            Some(l) if l.trim().is_empty() => break,
            Some(l) => l,
        };
        if first && is_back(&line) {
            return Ok(Nav::Back);
        }
        first = false;
        if let Some(n) = removal(&line) {
            if n >= 1 && n <= parties.len() {
                parties.remove(n - 1);
                show(p, parties)?;
            } else {
                p.say(&format!(
                    "  ! {}",
                    fl!("cli-guided-no-such-number", n = n, count = parties.len())
                ))?;
            }
            continue;
        }
        match Party::parse_as(&line, role) {
            Ok(party) => parties.push(party),
            Err(e) => p.say(&problem(&e))?,
        }
    }
    Ok(Nav::Next)
}

/// `-2` (or `- 2`): remove number 2.
fn removal(line: &str) -> Option<usize> {
    line.trim().strip_prefix('-')?.trim().parse().ok()
}

fn ask_tags<R: BufRead, W: Write>(p: &mut Prompter<R, W>, d: &mut Draft) -> Result<Nav> {
    let answer = if d.tags.is_empty() {
        p.ask(&fl!("cli-guided-tags"))?
    } else {
        let shown: Vec<String> = d.tags.iter().map(|t| inline(t).into_owned()).collect();
        p.ask(&fl!("cli-guided-tags-keep", value = shown.join(", ")))?
    };
    if is_back(&answer) {
        return Ok(Nav::Back);
    }
    match answer.as_str() {
        "" => {}
        "-" => d.tags.clear(),
        text => {
            d.tags = text
                .split(',')
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect()
        }
    }
    Ok(Nav::Next)
}

/// A path as a terminal may paste it: quoted ('...' or "..."), with `\ ` escapes, or `~/...`.
fn clean_path(typed: &str) -> PathBuf {
    let mut s = typed.trim();
    for q in ['\'', '"'] {
        if s.len() >= 2 && s.starts_with(q) && s.ends_with(q) {
            s = &s[1..s.len() - 1];
        }
    }
    let s = s.replace("\\ ", " ");
    if let Some(rest) = s.strip_prefix("~/") {
        if let Some(home) = dirs::home_dir() {
            return home.join(rest);
        }
    }
    PathBuf::from(s)
}

fn ask_files<R: BufRead, W: Write>(p: &mut Prompter<R, W>, d: &mut Draft) -> Result<Nav> {
    p.say(&fl!("cli-guided-files"))?;
    for f in &d.files {
        p.say(&format!("  + {}", path_text(f)))?;
    }
    let mut first = true;
    loop {
        let line = match p.list_line()? {
            None => break,
            Some(l) if l.trim().is_empty() => break,
            Some(l) => l,
        };
        if first && is_back(&line) {
            return Ok(Nav::Back);
        }
        first = false;
        let path = clean_path(&line);
        match std::fs::metadata(&path) {
            Ok(m) if m.is_file() => d.files.push(path),
            Ok(_) => p.say(&format!(
                "  ! {}",
                fl!("cli-not-regular-file", path = path_text(&path))
            ))?,
            Err(e) => p.say(&problem(&Error::file(&path, e)))?,
        }
    }
    Ok(Nav::Next)
}

/// Asks `steps` in order, going back one question on `back`; then shows the summary and asks
/// `save` (where `back` returns to the last question). `Some(incident)` when saved.
fn converse<R: BufRead, W: Write, Tz: TimeZone>(
    p: &mut Prompter<R, W>,
    now: &impl Fn() -> DateTime<Tz>,
    d: &mut Draft,
    steps: &[Step],
    save: &str,
) -> Result<Option<Incident>>
where
    Tz::Offset: std::fmt::Display,
{
    let mut at = 0;
    loop {
        while let Some(step) = steps.get(at) {
            let nav = match step {
                Step::Kind => ask_kind(p, d)?,
                Step::When => ask_when(p, now, d)?,
                Step::Where => ask_where(p, d)?,
                Step::What => ask_narrative(p, d)?,
                Step::Agents => {
                    ask_parties(p, &fl!("cli-guided-agents"), Role::Agent, &mut d.agents)?
                }
                Step::Vehicles => ask_parties(
                    p,
                    &fl!("cli-guided-vehicles"),
                    Role::Vehicle,
                    &mut d.vehicles,
                )?,
                Step::Witnesses => ask_parties(
                    p,
                    &fl!("cli-guided-witnesses"),
                    Role::Witness,
                    &mut d.witnesses,
                )?,
                Step::Tags => ask_tags(p, d)?,
                Step::Files => ask_files(p, d)?,
            };
            match nav {
                Nav::Next => at += 1,
                Nav::Back if at == 0 => {
                    p.say(&format!("  ! {}", fl!("cli-guided-first-question")))?
                }
                Nav::Back => {
                    at -= 1;
                    p.say(&fl!("cli-guided-going-back"))?;
                }
            }
        }
        let when_now = When::At(now().fixed_offset());
        let incident = d.incident(when_now);
        incident.validate()?;
        p.say("")?;
        p.say(&fl!("cli-guided-summary"))?;
        p.say("")?;
        p.say(output::incident_text(&incident, None).trim_end())?;
        if !d.files.is_empty() {
            p.say(&format!("{}:", &fl!("cli-label-files")))?;
            for f in &d.files {
                p.say(&format!("  {}", path_text(f)))?;
            }
        }
        p.say("")?;
        let answer = p.ask(&format!("{save} {} ", &fl!("cli-yes-no-back")))?;
        if is_back(&answer) {
            at = steps.len().saturating_sub(1);
            p.say(&fl!("cli-guided-going-back"))?;
            continue;
        }
        return Ok(i18n::is_yes(&answer).then_some(incident));
    }
}

/// The whole conversation of `add`. `now` gives the current time whenever a time is typed.
pub fn ask_with<R: BufRead, W: Write, Tz: TimeZone>(
    p: &mut Prompter<R, W>,
    now: impl Fn() -> DateTime<Tz>,
    files: Vec<PathBuf>,
) -> Result<Option<Answers>>
where
    Tz::Offset: std::fmt::Display,
{
    p.say(&fl!("cli-guided-intro"))?;
    p.say(&fl!("cli-guided-back-hint"))?;
    p.say("")?;
    let mut d = Draft {
        kind: None,
        when: None,
        location: None,
        narrative: String::new(),
        agents: vec![],
        vehicles: vec![],
        witnesses: vec![],
        tags: vec![],
        files,
    };
    let steps: Vec<Step> = INCIDENT_STEPS.into_iter().chain([Step::Files]).collect();
    let saved = converse(p, &now, &mut d, &steps, &fl!("cli-guided-save"))?;
    Ok(saved.map(|i| (i, d.files)))
}

/// The whole conversation of `amend`, starting from `current`; `None` when not saved.
pub fn amend_with<R: BufRead, W: Write, Tz: TimeZone>(
    p: &mut Prompter<R, W>,
    now: impl Fn() -> DateTime<Tz>,
    id: &str,
    current: Incident,
) -> Result<Option<Incident>>
where
    Tz::Offset: std::fmt::Display,
{
    p.say(&fl!("cli-guided-amend-intro", id = inline(id).into_owned()))?;
    p.say(&fl!("cli-guided-back-hint"))?;
    p.say("")?;
    let Incident {
        kind,
        occurred_at,
        location,
        narrative,
        agents,
        vehicles,
        witnesses,
        tags,
    } = current;
    let mut d = Draft {
        kind: Some(kind),
        when: Some(occurred_at),
        location,
        narrative,
        agents,
        vehicles,
        witnesses,
        tags,
        files: vec![],
    };
    converse(
        p,
        &now,
        &mut d,
        &INCIDENT_STEPS,
        &fl!("cli-guided-amend-save"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-20T18:00:00-05:00").unwrap()
    }

    fn run(input: &str) -> (Result<Option<Answers>>, String) {
        let mut p = Prompter {
            input: std::io::Cursor::new(input.as_bytes().to_vec()),
            out: Vec::new(),
        };
        let r = ask_with(&mut p, now, vec![]);
        (r, String::from_utf8(p.out).unwrap())
    }

    #[test]
    fn every_answer_lands_in_its_field() {
        let dir = tempfile::tempdir().unwrap();
        let photo = dir.path().join("my photo.jpg");
        std::fs::write(&photo, b"jpeg").unwrap();
        let typed_photo = photo.display().to_string().replace(' ', "\\ ");
        let input = format!(
            "2\nyesterday 3pm\nMain St & 5th\nTwo agents took photos.\n[[Ana]] was with me.\n.\n\
             tall, grey jacket; badge=4411; agency=ICE\n\ngrey SUV; plate=ABC1234\nvan\n\n\
             name=Ana; contact=555-0100\n\nschool, clinic\n{typed_photo}\n\ny\n"
        );
        let (r, out) = run(&input);
        let (i, files) = r.unwrap().expect("saved");
        assert_eq!(i.kind, Kind::Photographed);
        assert_eq!(
            serde_json::to_value(&i.occurred_at).unwrap(),
            "2026-11-19T15:00:00-05:00"
        );
        assert_eq!(i.location.unwrap().text.unwrap(), "Main St & 5th");
        assert_eq!(i.narrative, "Two agents took photos.\n[[Ana]] was with me.");
        assert_eq!(i.agents[0].badge.as_deref(), Some("4411"));
        assert_eq!(i.vehicles.len(), 2);
        assert_eq!(i.vehicles[0].plate.as_deref(), Some("ABC1234"));
        assert_eq!(i.witnesses[0].contact.as_deref(), Some("555-0100"));
        assert_eq!(i.tags, ["school", "clinic"]);
        assert_eq!(files, [photo]);
        assert!(out.contains("Save this incident? [y/N; back"), "{out}");
        assert!(out.contains("badge 4411"), "summary shown: {out}");
    }

    #[test]
    fn skipping_everything_gives_other_now() {
        let (r, _) = run("\n\n\n\n\n\n\n\n\ny\n");
        let (i, files) = r.unwrap().expect("saved");
        assert_eq!(i.kind, Kind::Other);
        assert_eq!(i.occurred_at, When::At(now()));
        assert!(i.location.is_none() && i.narrative.is_empty() && files.is_empty());
        assert!(i.agents.is_empty() && i.vehicles.is_empty() && i.witnesses.is_empty());
    }

    #[test]
    fn bad_answers_are_asked_again() {
        let (r, out) = run(
            "9\npicnic\nraid\nnext tuesday\n2026-11-20 14:30\n\n[[unclosed\n.\nfixed\n.\n ; \n\n\n\n\n/no/such/file\n\nyes\n",
        );
        let (i, _) = r.unwrap().expect("saved");
        assert_eq!(i.kind, Kind::Raid);
        assert_eq!(i.narrative, "fixed");
        assert!(i.agents.is_empty());
        assert!(out.contains("from 1 to 8"), "{out}");
        assert!(out.contains("could not understand the time"), "{out}");
        assert!(out.contains("never closed"), "{out}");
        assert!(out.contains("/no/such/file"), "{out}");
    }

    #[test]
    fn a_date_with_two_readings_is_asked_back() {
        // 11/10/2026: 11 October or 10 November? The answer "2" picks the second reading.
        let (r, out) = run("\n11/10/2026\n2\n\n\n\n\n\n\n\ny\n");
        let (i, _) = r.unwrap().expect("saved");
        assert_eq!(i.occurred_at, When::Day("2026-11-10".parse().unwrap()));
        assert!(
            out.contains("Which one? 1 = Sun 11 Oct 2026, 2 = Tue 10 Nov 2026"),
            "{out}"
        );
        // Anything else asks for the time again.
        let (r, _) = run("\n11/10/2026\nwhat?\n2026-11-20\n\n\n\n\n\n\n\ny\n");
        let (i, _) = r.unwrap().expect("saved");
        assert_eq!(i.occurred_at, When::Day("2026-11-20".parse().unwrap()));
    }

    #[test]
    fn end_of_input_before_saving_is_an_interruption() {
        let (r, _) = run("1\nnow\nsomewhere\n");
        assert!(matches!(r, Err(Error::Interrupted)));
        // Ctrl-D ends the narrative, but then the next one-line question sees end of input.
        let (r, _) = run("1\nnow\nsomewhere\nline one");
        assert!(matches!(r, Err(Error::Interrupted)));
        let (r, _) = run("\n\n\n\n\n\n\n\n\n");
        assert!(matches!(r, Err(Error::Interrupted)));
    }

    #[test]
    fn declining_saves_nothing() {
        let (r, _) = run("\n\n\n\n\n\n\n\n\nn\n");
        assert!(r.unwrap().is_none());
    }

    #[test]
    fn the_narrative_keeps_paragraphs_until_a_lone_full_stop() {
        let (r, out) =
            run("\n\n\nFirst paragraph.\n\nSecond paragraph,\nline two.\n\n.\n\n\n\n\n\ny\n");
        let (i, _) = r.unwrap().expect("saved");
        assert_eq!(
            i.narrative,
            "First paragraph.\n\nSecond paragraph,\nline two."
        );
        assert!(out.contains("a line holding only a full stop (.)"), "{out}");
        assert!(i.agents.is_empty(), "the second paragraph is no agent");
    }

    #[test]
    fn back_returns_to_the_previous_question_and_keeps_what_was_typed() {
        let (r, out) = run(
            "raid\nback\n2\nyesterday 3pm\natrás\n\nMain St\nText.\n.\nback\n\n\
             tall; badge=1\n\n\n\n\n\nback\n\ny\n",
        );
        let (i, _) = r.unwrap().expect("saved");
        assert_eq!(i.kind, Kind::Photographed);
        assert_eq!(
            serde_json::to_value(&i.occurred_at).unwrap(),
            "2026-11-19T15:00:00-05:00"
        );
        assert_eq!(i.location.unwrap().text.unwrap(), "Main St");
        assert_eq!(i.narrative, "Text.");
        assert_eq!(i.agents.len(), 1);
        assert_eq!(
            out.matches("(back to the previous question)").count(),
            4,
            "{out}"
        );
        assert!(out.contains("[Enter = keep raid]"), "{out}");
        // Back at the first question stays there.
        let (r, out) = run("back\n\n\n\n\n\n\n\n\n\ny\n");
        assert!(r.unwrap().is_some());
        assert!(out.contains("this is the first question"), "{out}");
    }

    #[test]
    fn guided_amend_starts_from_the_current_values() {
        let current = Incident {
            kind: Kind::Raid,
            occurred_at: When::Day("2026-11-10".parse().unwrap()),
            location: Some(Location {
                text: Some("Elm St".into()),
                latitude: None,
                longitude: None,
            }),
            narrative: "old text".into(),
            agents: vec![
                Party::parse("first").unwrap(),
                Party::parse("second").unwrap(),
            ],
            vehicles: vec![],
            witnesses: vec![],
            tags: vec!["x".into()],
        };
        let mut p = Prompter {
            input: std::io::Cursor::new(b"\n\n-\n\n-1\nthird\n\n\n\nnew tag\ny\n".to_vec()),
            out: Vec::new(),
        };
        let changed = amend_with(&mut p, now, "3f2a1b9c", current.clone())
            .unwrap()
            .expect("saved");
        let out = String::from_utf8(p.out).unwrap();
        assert_eq!(changed.kind, Kind::Raid);
        assert_eq!(changed.occurred_at, current.occurred_at);
        assert!(changed.location.is_none());
        assert_eq!(changed.narrative, "old text");
        let agents: Vec<_> = changed
            .agents
            .iter()
            .map(|a| a.description.clone().unwrap())
            .collect();
        assert_eq!(agents, ["second", "third"]);
        assert_eq!(changed.tags, ["new tag"]);
        assert!(out.contains("Correcting incident 3f2a1b9c"), "{out}");
        assert!(out.contains("Elm St"), "{out}");
        assert!(out.contains("  1. first"), "{out}");
        assert!(out.contains("Save this correction?"), "{out}");
        // Enter everywhere keeps everything.
        let mut p = Prompter {
            input: std::io::Cursor::new(b"\n\n\n\n\n\n\n\ny\n".to_vec()),
            out: Vec::new(),
        };
        let same = amend_with(&mut p, now, "3f2a", current.clone()).unwrap();
        assert_eq!(same, Some(current));
    }

    #[test]
    fn removals_and_back_words_are_read() {
        assert_eq!(removal("-2"), Some(2));
        assert_eq!(removal(" - 3 "), Some(3));
        assert_eq!(removal("-x"), None);
        assert_eq!(removal("tall"), None);
        for w in ["back", "BACK", " atrás", "atras", "Volver"] {
            assert!(is_back(w), "{w}");
        }
        assert!(!is_back("backyard"));
    }

    #[test]
    fn pasted_paths_are_cleaned() {
        assert_eq!(clean_path("'/tmp/a b.jpg' "), PathBuf::from("/tmp/a b.jpg"));
        assert_eq!(clean_path("/tmp/a\\ b.jpg"), PathBuf::from("/tmp/a b.jpg"));
        assert_eq!(clean_path("\"x.jpg\""), PathBuf::from("x.jpg"));
    }
}
