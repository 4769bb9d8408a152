//! Printing: human text or JSON on stdout; notes and warnings on stderr; colour only on a
//! terminal and never with NO_COLOR.

use std::io::{IsTerminal, Write};

use serde::Serialize;
use vault::vault::view::{AttachmentView, RecordView};
use vault::{Error, Result};

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
        let text =
            serde_json::to_string_pretty(value).map_err(|e| Error::Invalid(e.to_string()))?;
        self.line(&text)
    }

    /// Prints one line on stdout.
    pub fn line(&self, text: &str) -> Result<()> {
        let mut out = std::io::stdout().lock();
        writeln!(out, "{text}").map_err(Error::Io)
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
            eprintln!("\x1b[1;33mwarning:\x1b[0m {text}");
        } else {
            eprintln!("warning: {text}");
        }
    }

    fn bold(&self, text: &str) -> String {
        if self.colour {
            format!("\x1b[1m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    /// One line per incident.
    pub fn record_line(&self, r: &RecordView) -> String {
        let place = r.location.as_ref().map(|l| l.summary()).unwrap_or_default();
        let mut what: String = r.narrative.chars().take(60).collect();
        if r.narrative.chars().count() > 60 {
            what.push('…');
        }
        let what = what.replace('\n', " ");
        let atts = if r.attachments.is_empty() {
            String::new()
        } else {
            format!("  [{} attached]", r.attachments.len())
        };
        format!(
            "{}  {:<28} {:<12} {}{}{}",
            self.bold(&r.id[..8.min(r.id.len())]),
            r.occurred_at.to_string(),
            r.kind.as_str(),
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
        let mut s = String::new();
        let mut push = |label: &str, value: String| {
            if !value.is_empty() {
                s.push_str(&format!("{:<11} {}\n", format!("{label}:"), value));
            }
        };
        push("Incident", format!("{} (revision {})", r.id, r.revision));
        push("Kind", r.kind.to_string());
        push("When", r.occurred_at.to_string());
        push(
            "Recorded",
            r.recorded_at.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
        );
        push(
            "Where",
            r.location.as_ref().map(|l| l.summary()).unwrap_or_default(),
        );
        let list = |items: Vec<String>| -> String {
            if items.is_empty() {
                String::new()
            } else {
                items.join("\n            ")
            }
        };
        push(
            "Agents",
            list(r.agents.iter().map(|p| p.summary()).collect()),
        );
        push(
            "Vehicles",
            list(r.vehicles.iter().map(|p| p.summary()).collect()),
        );
        push(
            "Witnesses",
            list(r.witnesses.iter().map(|p| p.summary()).collect()),
        );
        push("Tags", r.tags.join(", "));
        if !r.narrative.is_empty() {
            s.push_str("What happened:\n");
            for line in r.narrative.lines() {
                s.push_str(&format!("  {line}\n"));
            }
        }
        if !r.attachments.is_empty() {
            s.push_str("Attachments:\n");
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
            a.name,
            a.media_type,
            human_size(a.size),
            a.sha256
        );
        if let Some(t) = &a.metadata.taken_at {
            s.push_str(&format!("     taken {t}\n"));
        }
        if let vault::media::MetadataStatus::Unreadable { reason } = &a.metadata.status {
            s.push_str(&format!("     metadata unreadable: {reason}\n"));
        }
        for item in &a.identifying {
            s.push_str(&format!("     ! identifying: {item}\n"));
        }
        s
    }
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
