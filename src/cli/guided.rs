//! The guided `vault add`: with no field flags on a terminal, ask for each field in turn, show
//! a summary and ask before saving.
//!
//! Everything is typed inside the program: no editor and no temporary file, which would leave
//! plaintext on the disk. Every question can be skipped with Enter. Ctrl-C (SIGINT, default
//! action) ends the process before anything is stored; end of input (Ctrl-D) on a one-line
//! question or at the confirmation is treated the same way ([`Error::Interrupted`]), while in a
//! multi-line answer it only ends that answer.

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

    /// Lines until an empty one or end of input (trailing spaces removed).
    fn ask_lines(&mut self) -> Result<Vec<String>> {
        let mut lines = Vec::new();
        loop {
            write!(self.out, "> ")?;
            match self.read()? {
                None => {
                    writeln!(self.out)?;
                    break;
                }
                Some(l) if l.trim().is_empty() => break,
                Some(l) => lines.push(l.trim_end().to_owned()),
            }
        }
        Ok(lines)
    }
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

fn ask_kind<R: BufRead, W: Write>(p: &mut Prompter<R, W>) -> Result<Kind> {
    p.say(&fl!("cli-guided-kind"))?;
    for (i, k) in Kind::ALL.iter().enumerate() {
        p.say(&format!("  {}. {}", i + 1, k.description()))?;
    }
    loop {
        let answer = p.ask(&fl!("cli-guided-kind-prompt"))?;
        if answer.is_empty() {
            return Ok(Kind::Other);
        }
        if let Ok(n) = answer.parse::<usize>() {
            match Kind::ALL.get(n.wrapping_sub(1)) {
                Some(k) => return Ok(*k),
                None => p.say(&format!(
                    "  ! {}",
                    fl!("cli-guided-kind-bad", max = Kind::ALL.len())
                ))?,
            }
            continue;
        }
        match i18n::parse_kind(&answer) {
            Ok(k) => return Ok(k),
            Err(e) => p.say(&problem(&e))?,
        }
    }
}

fn ask_when<R: BufRead, W: Write, Tz: TimeZone>(
    p: &mut Prompter<R, W>,
    now: &impl Fn() -> DateTime<Tz>,
) -> Result<When>
where
    Tz::Offset: std::fmt::Display,
{
    loop {
        let answer = p.ask(&fl!("cli-guided-when"))?;
        let text = if answer.is_empty() { "now" } else { &answer };
        match When::parse_explained(text, &now()) {
            Ok(parsed) => {
                p.say(&fl!("cli-guided-when-is", when = parsed.echo()))?;
                return Ok(parsed.when);
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
                    return Ok(chosen.clone());
                }
            }
        }
    }
}

fn ask_narrative<R: BufRead, W: Write>(p: &mut Prompter<R, W>) -> Result<String> {
    p.say(&fl!("cli-guided-what"))?;
    loop {
        let text = p.ask_lines()?.join("\n");
        match split_private(&text) {
            Ok(_) => return Ok(text),
            Err(e) => {
                p.say(&problem(&e))?;
                p.say(&fl!("cli-guided-what-again"))?;
            }
        }
    }
}

fn ask_parties<R: BufRead, W: Write>(
    p: &mut Prompter<R, W>,
    intro: &str,
    role: Role,
) -> Result<Vec<Party>> {
    p.say(intro)?;
    let mut parties = Vec::new();
    loop {
        write!(p.out, "> ")?;
        let line = match p.read()? {
            None => {
                writeln!(p.out)?;
                break;
            }
            Some(l) if l.trim().is_empty() => break,
            Some(l) => l,
        };
        match Party::parse_as(&line, role) {
            Ok(party) => parties.push(party),
            Err(e) => p.say(&problem(&e))?,
        }
    }
    Ok(parties)
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

fn ask_files<R: BufRead, W: Write>(
    p: &mut Prompter<R, W>,
    mut files: Vec<PathBuf>,
) -> Result<Vec<PathBuf>> {
    p.say(&fl!("cli-guided-files"))?;
    for f in &files {
        p.say(&format!("  + {}", path_text(f)))?;
    }
    loop {
        write!(p.out, "> ")?;
        let line = match p.read()? {
            None => {
                writeln!(p.out)?;
                break;
            }
            Some(l) if l.trim().is_empty() => break,
            Some(l) => l,
        };
        let path = clean_path(&line);
        match std::fs::metadata(&path) {
            Ok(m) if m.is_file() => files.push(path),
            Ok(_) => p.say(&format!(
                "  ! {}",
                fl!("cli-not-regular-file", path = path_text(&path))
            ))?,
            Err(e) => p.say(&problem(&Error::file(&path, e)))?,
        }
    }
    Ok(files)
}

/// The whole conversation. `now` gives the current time whenever a time is typed.
pub fn ask_with<R: BufRead, W: Write, Tz: TimeZone>(
    p: &mut Prompter<R, W>,
    now: impl Fn() -> DateTime<Tz>,
    files: Vec<PathBuf>,
) -> Result<Option<Answers>>
where
    Tz::Offset: std::fmt::Display,
{
    p.say(&fl!("cli-guided-intro"))?;
    p.say("")?;
    let kind = ask_kind(p)?;
    let occurred_at = ask_when(p, &now)?;
    let place = p.ask(&fl!("cli-guided-where"))?;
    let narrative = ask_narrative(p)?;
    let agents = ask_parties(p, &fl!("cli-guided-agents"), Role::Agent)?;
    let vehicles = ask_parties(p, &fl!("cli-guided-vehicles"), Role::Vehicle)?;
    let witnesses = ask_parties(p, &fl!("cli-guided-witnesses"), Role::Witness)?;
    let tags: Vec<String> = p
        .ask(&fl!("cli-guided-tags"))?
        .split(',')
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect();
    let files = ask_files(p, files)?;
    let incident = Incident {
        kind,
        occurred_at,
        location: (!place.is_empty()).then_some(Location {
            text: Some(place),
            latitude: None,
            longitude: None,
        }),
        narrative,
        agents,
        vehicles,
        witnesses,
        tags,
    };
    incident.validate()?;
    p.say("")?;
    p.say(&fl!("cli-guided-summary"))?;
    p.say("")?;
    p.say(output::incident_text(&incident, None).trim_end())?;
    if !files.is_empty() {
        p.say(&format!("{}:", &fl!("cli-label-files")))?;
        for f in &files {
            p.say(&format!("  {}", path_text(f)))?;
        }
    }
    p.say("")?;
    let answer = p.ask(&format!(
        "{} {} ",
        &fl!("cli-guided-save"),
        &fl!("cli-yes-no")
    ))?;
    Ok(i18n::is_yes(&answer).then_some((incident, files)))
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
            "2\nyesterday 3pm\nMain St & 5th\nTwo agents took photos.\n[[Ana]] was with me.\n\n\
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
        assert!(out.contains("Save this incident? [y/N]"), "{out}");
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
            "9\npicnic\nraid\nnext tuesday\n2026-11-20 14:30\n\n[[unclosed\n\nfixed\n\n ; \n\n\n\n\n/no/such/file\n\nyes\n",
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
    fn pasted_paths_are_cleaned() {
        assert_eq!(clean_path("'/tmp/a b.jpg' "), PathBuf::from("/tmp/a b.jpg"));
        assert_eq!(clean_path("/tmp/a\\ b.jpg"), PathBuf::from("/tmp/a b.jpg"));
        assert_eq!(clean_path("\"x.jpg\""), PathBuf::from("x.jpg"));
    }
}
