//! Finding things: the filters `list`, `search`, `patterns` and `report` share, `search` and
//! `patterns` (the logic is in `vault::analysis`), and the generated `completions` and `man`.

use chrono::{DateTime, Local, Utc};
use vault::analysis::{self, Filter, Pattern, PatternKind};
use vault::fl;
use vault::vault::view::RecordView;
use vault::vault::Unlocked;
use vault::when::{When, WhenError};
use vault::{Error, Result};

use super::args::{Cli, FilterArgs, ManArgs, PatternsArgs, SearchArgs};
use super::i18n;
use super::output::Out;
use super::terminal;
use clap::CommandFactory;

/// One end of a `--since`/`--until` range. A time in the future is no error here: `--until`
/// next year means "no upper bound", `--since` next year matches nothing. Words with two
/// readings ("last monday" said on a Wednesday, `11/10/2026`) take the wider one: the earlier
/// for `--since`, the later for `--until`, so a filter never hides what either could mean.
fn bound(text: &str, since: bool) -> Result<Option<DateTime<Utc>>> {
    let end = |w: &When| if since { w.span().0 } else { w.span().1 };
    let parsed = When::parse(text, &Local::now());
    if let Some((a, b)) = parsed.as_ref().err().and_then(WhenError::readings) {
        let (a, b) = (end(a), end(b));
        return Ok(Some(if since { a.min(b) } else { a.max(b) }));
    }
    match parsed {
        Ok(w) => Ok(Some(end(&w))),
        Err(WhenError::InFuture { .. }) if since => Ok(Some(DateTime::<Utc>::MAX_UTC)),
        Err(WhenError::InFuture { .. }) => Ok(None),
        Err(e) => Err(Error::Invalid(e.to_string())),
    }
}

/// The library filter for the typed options.
pub fn filter(a: &FilterArgs) -> Result<Filter> {
    Ok(Filter {
        since: match &a.since {
            Some(s) => bound(s, true)?,
            None => None,
        },
        until: match &a.until {
            Some(s) => bound(s, false)?,
            None => None,
        },
        kind: a.kind.as_deref().map(i18n::parse_kind).transpose()?,
        tag: a.tag.clone(),
        with_attachments: a.with_attachments,
        include_withdrawn: a.include_withdrawn,
    })
}

/// The incidents that pass the filter, newest first.
pub fn filtered(v: &mut Unlocked, a: &FilterArgs) -> Result<Vec<RecordView>> {
    let f = filter(a)?;
    Ok(f.apply(v.list()?))
}

pub fn search(v: &mut Unlocked, out: &Out, a: SearchArgs) -> Result<()> {
    let text = a.text.join(" ");
    let query = analysis::Query::new(&text);
    use rayon::prelude::*;
    let records: Vec<RecordView> = filtered(v, &a.filter)?
        .into_par_iter()
        .filter(|r| {
            // The kind and time as this reader sees them can be searched for too (in English
            // the time is already among the record's texts).
            let kind = i18n::kind_name(r.kind);
            if i18n::lang() == i18n::Lang::En {
                query.matches(r, &[kind])
            } else {
                query.matches(r, &[kind, &r.occurred_at.to_string()])
            }
        })
        .collect();
    if out.json {
        return out.json(&records);
    }
    if records.is_empty() {
        out.note(&fl!(
            "cli-no-search-match",
            text = terminal::inline(&i18n::quote(&text)).into_owned()
        ));
    }
    out.record_lines(&records)?;
    // The process ends next: freeing 100,000 views one by one would only delay it.
    std::mem::forget(records);
    Ok(())
}

fn pattern_label(k: PatternKind) -> String {
    match k {
        PatternKind::Plate => fl!("cli-pattern-plate"),
        PatternKind::Badge => fl!("cli-pattern-badge"),
        PatternKind::AgentName => fl!("cli-pattern-agent-name"),
        PatternKind::Vehicle => fl!("cli-pattern-vehicle"),
        PatternKind::Place => fl!("cli-pattern-place"),
    }
}

/// `plate ABC1234: 5 incidents, first 2026-09-02, last 2026-11-20`; the value as typed in a
/// record, shown terminal-safe.
pub fn pattern_line(p: &Pattern) -> String {
    let value = match p.kind {
        PatternKind::Plate | PatternKind::Badge => &p.key,
        _ => &p.value,
    };
    fl!(
        "cli-pattern-line",
        what = pattern_label(p.kind),
        value = terminal::inline(value).into_owned(),
        n = p.count,
        first = p.first.to_string(),
        last = p.last.to_string()
    )
}

pub fn patterns(v: &mut Unlocked, out: &Out, a: PatternsArgs) -> Result<()> {
    let records = filtered(v, &a.filter)?;
    let found = analysis::patterns(&records, a.min);
    if out.json {
        return out.json(&found);
    }
    if found.is_empty() {
        out.note(&fl!("cli-no-patterns"));
    }
    for p in &found {
        out.line(&pattern_line(p))?;
        let ids: Vec<std::borrow::Cow<str>> = p
            .incidents
            .iter()
            .map(|i| terminal::inline(i.get(..8).unwrap_or(i)))
            .collect();
        out.line(&fl!("cli-pattern-ids", ids = ids.join(" ")))?;
    }
    Ok(())
}

/// `vault completions SHELL`: the script on stdout.
pub fn completions(shell: clap_complete::Shell) -> Result<()> {
    use std::io::Write;
    let mut cmd = super::help::localize(Cli::command());
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cmd, "vault", &mut script);
    std::io::stdout()
        .lock()
        .write_all(&script)
        .map_err(Error::Io)
}

/// `vault man`: the roff page on stdout; with `--out DIR`, `vault.1` and one page per command
/// (`vault-add.1`, `vault-bundle-verify.1`, ...) in DIR, so the `vault-add(1)` the main page
/// names exists.
pub fn man(a: ManArgs) -> Result<()> {
    use std::io::Write;
    let mut cmd = super::help::localize(Cli::command());
    let Some(dir) = a.out else {
        return std::io::stdout()
            .lock()
            .write_all(man_page(cmd)?.as_bytes())
            .map_err(Error::Io);
    };
    // Global options (--vault, --json, ...) shown on every command's page too.
    cmd.build();
    std::fs::create_dir_all(&dir).map_err(|e| Error::file(&dir, e))?;
    let mut pages = vec![("vault".to_owned(), cmd.clone())];
    // clap's own `help` subcommands get no page: `vault help add` is `vault-add(1)`.
    let mut stack: Vec<(String, clap::Command)> = cmd
        .get_subcommands()
        .filter(|s| s.get_name() != "help")
        .map(|s| (format!("vault {}", s.get_name()), s.clone()))
        .collect();
    while let Some((path, sub)) = stack.pop() {
        for inner in sub.get_subcommands().filter(|s| s.get_name() != "help") {
            stack.push((format!("{path} {}", inner.get_name()), inner.clone()));
        }
        let name = path.replace(' ', "-");
        pages.push((name.clone(), sub.name(name).bin_name(path)));
    }
    pages.sort_by(|a, b| a.0.cmp(&b.0));
    // A page never replaces a file: a link planted under a page's name (the folder may be
    // shared or removable) would otherwise carry the write to whatever it points at. Any page
    // already there is refused before anything is written.
    let files: Vec<std::path::PathBuf> = pages
        .iter()
        .map(|(name, _)| dir.join(format!("{name}.1")))
        .collect();
    if let Some(taken) = files.iter().find(|f| f.symlink_metadata().is_ok()) {
        return Err(Error::WouldOverwrite(taken.clone()));
    }
    for ((_, page), file) in pages.into_iter().zip(&files) {
        vault::create_new_private(file)?
            .write_all(man_page(page)?.as_bytes())
            .map_err(|e| Error::file(file, e))?;
    }
    Ok(())
}

/// One command's roff page, with its section headings in the process language.
fn man_page(cmd: clap::Command) -> Result<String> {
    let mut page = Vec::new();
    clap_mangen::Man::new(cmd)
        .render(&mut page)
        .map_err(Error::Io)?;
    let mut text = String::from_utf8_lossy(&page).into_owned();
    for (from, id) in super::help::MAN_HEADINGS {
        let to = vault::i18n::text(id, None);
        text = text.replace(&format!(".SH {from}\n"), &format!(".SH {to}\n"));
    }
    Ok(super::help::clap_text(&text))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A date with two readings bounds a filter by the wider one.
    #[test]
    fn two_readings_widen_the_filter() {
        let utc = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
        assert_eq!(
            bound("11/10/2000", true).unwrap(),
            Some(utc("2000-10-11T00:00:00Z"))
        );
        assert_eq!(
            bound("11/10/2000", false).unwrap(),
            Some(utc("2000-11-10T23:59:59Z"))
        );
    }
}
