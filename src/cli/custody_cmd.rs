//! Custody of the keys: `vault travel start/end` (travel mode) and `vault plan ...` (the
//! detention plan). docs/detention-plan.md explains both to the owner and to trustees.

use std::path::{Path, PathBuf};

use chrono::Local;
use vault::bundle::recipients;
use vault::fl;
use vault::vault::{PlanRefresh, PlanRequest, Unlocked, Vault};
use vault::when::When;
use vault::Result;

use super::args::{PlanCommand, TravelCommand};
use super::output::Out;
use super::terminal::inline;

fn shown(path: &Path) -> String {
    inline(&path.display().to_string()).into_owned()
}

fn human_time(t: &chrono::DateTime<chrono::Utc>) -> String {
    When::At(t.with_timezone(&Local).fixed_offset()).human()
}

fn read_identities(paths: &[PathBuf]) -> Result<Vec<Box<dyn age::Identity>>> {
    let mut all = Vec::new();
    for p in paths {
        all.extend(recipients::read_identities(p)?);
    }
    Ok(all)
}

/// `vault travel ...`
pub fn travel(
    dir: &Path,
    out: &Out,
    cmd: TravelCommand,
    unlock: impl FnOnce() -> Result<Unlocked>,
) -> Result<()> {
    match cmd {
        TravelCommand::Start {
            escrow_to,
            out: file,
        } => {
            let to = escrow_to
                .iter()
                .map(|k| recipients::parse(k))
                .collect::<Result<Vec<_>>>()?;
            let mut v = unlock()?;
            let done = v.travel_start(&to, &file)?;
            if out.json {
                return out.json(&done);
            }
            out.line(&fl!(
                "cli-travel-started",
                count = done.keyslots,
                path = shown(&done.escrow)
            ))?;
            out.note(&fl!("cli-travel-started-next"));
            Ok(())
        }
        TravelCommand::End { from, identity } => {
            let ids = read_identities(&identity)?;
            let mut v = Vault::open(dir)?;
            let done = v.travel_end(&from, &ids)?;
            if out.json {
                return out.json(&done);
            }
            out.line(&fl!("cli-travel-ended", count = done.keyslots))?;
            out.note(&fl!("cli-travel-ended-next"));
            Ok(())
        }
    }
}

/// The default folder of a plan: beside the vault folder, named `<vault>-plan`.
fn default_folder(dir: &Path) -> PathBuf {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "vault".into());
    let parent = dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    parent.join(format!("{name}-plan"))
}

/// `vault plan ...`
pub fn plan(
    dir: &Path,
    out: &Out,
    cmd: PlanCommand,
    unlock: impl FnOnce() -> Result<Unlocked>,
) -> Result<()> {
    match cmd {
        PlanCommand::Combine {
            shares,
            identity,
            out: file,
        } => {
            let ids = read_identities(&identity)?;
            let key = vault::vault::combine_shares(&shares, &ids, &file)?;
            if out.json {
                return out.json(&key);
            }
            out.line(&fl!(
                "cli-plan-combined",
                count = key.shares_used,
                path = shown(&key.out)
            ))?;
            out.note(&fl!("cli-plan-combined-next", path = shown(&key.out)));
            Ok(())
        }
        PlanCommand::Set {
            trustee,
            threshold,
            counsel,
            redact_policy,
            folder,
        } => {
            let policy = match redact_policy {
                Some(p) => {
                    let text = vault::bundle::files::read_bounded_text(
                        &p,
                        vault::bundle::files::MAX_POLICY_FILE,
                    )?;
                    Some((p, text.as_str().to_owned()))
                }
                None => None,
            };
            let folder = folder.unwrap_or_else(|| default_folder(dir));
            let mut v = unlock()?;
            let done = v.set_plan(PlanRequest {
                trustees: trustee.clone(),
                threshold,
                counsel,
                policy,
                folder,
            })?;
            if out.json {
                return out.json(&done);
            }
            out.line(&fl!(
                "cli-plan-set",
                count = done.shares.len(),
                threshold = done.threshold
            ))?;
            share_lines(out, &done.shares, &trustee)?;
            bundle_line(out, done.refresh.as_ref())?;
            out.note(&fl!("cli-plan-set-next"));
            Ok(())
        }
        PlanCommand::Revoke => {
            let mut v = unlock()?;
            let trustees = v.plan_summary()?.trustees;
            let done = v.revoke_plan()?;
            if out.json {
                return out.json(&done);
            }
            out.line(&fl!("cli-plan-revoked"))?;
            share_lines(out, &done.shares, &trustees)?;
            bundle_line(out, done.refresh.as_ref())?;
            out.note(&fl!("cli-plan-set-next"));
            Ok(())
        }
        PlanCommand::Refresh => {
            let mut v = unlock()?;
            // The unlock may have written it already (new entries since the last refresh).
            let done = match v.plan_refresh.take() {
                Some(Ok(done)) => Some(done),
                Some(Err(e)) => return Err(e),
                None => {
                    v.plan_summary()?;
                    v.refresh_plan(true)?
                }
            };
            if out.json {
                return out.json(&done);
            }
            bundle_line(out, done.as_ref())
        }
        PlanCommand::Show => {
            let mut v = unlock()?;
            let s = v.plan_summary()?;
            if out.json {
                return out.json(&s);
            }
            let mut lines = vec![fl!(
                "cli-plan-show-threshold",
                threshold = s.threshold,
                count = s.trustees.len()
            )];
            for t in &s.trustees {
                lines.push(fl!("cli-plan-show-trustee", key = inline(t).into_owned()));
            }
            if let Some(c) = &s.counsel {
                lines.push(fl!("cli-plan-show-counsel", key = inline(c).into_owned()));
            }
            lines.push(fl!(
                "cli-plan-show-release",
                key = s.release_recipient.clone()
            ));
            lines.push(fl!("cli-plan-show-folder", path = shown(&s.folder)));
            if s.redaction_policy {
                lines.push(fl!("cli-plan-show-policy"));
            }
            lines.push(fl!("cli-plan-show-set", at = human_time(&s.set_at)));
            lines.push(match &s.refreshed_at {
                Some(t) => fl!(
                    "cli-plan-show-refreshed",
                    at = human_time(t),
                    count = s.entries_since_refresh
                ),
                None => fl!("cli-plan-show-never-refreshed"),
            });
            out.lines(&lines)
        }
    }
}

fn share_lines(out: &Out, shares: &[PathBuf], trustees: &[String]) -> Result<()> {
    for (path, trustee) in shares.iter().zip(trustees) {
        out.line(&fl!(
            "cli-plan-share",
            path = shown(path),
            key = inline(&short_key(trustee)).into_owned()
        ))?;
    }
    Ok(())
}

/// A key as people compare it: the first and last characters of an age key, or an SSH key's
/// type and the start of its data.
fn short_key(key: &str) -> String {
    let key = key.trim();
    if key.starts_with("age1") && key.len() > 20 {
        return format!("{}…{}", &key[..12], &key[key.len() - 6..]);
    }
    key.split_whitespace()
        .take(2)
        .map(|p| p.chars().take(20).collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

fn bundle_line(out: &Out, refresh: Option<&PlanRefresh>) -> Result<()> {
    match refresh {
        Some(r) => out.line(&fl!(
            "cli-plan-bundle-written",
            path = shown(&r.bundle),
            count = r.records
        )),
        None => out.line(&fl!("cli-plan-no-bundle")),
    }
}

/// After an unlock: says whether the detention plan's release bundle was brought up to date,
/// or warns why it could not be (the command itself goes on).
pub fn plan_refresh_notes(out: &Out, unlocked: &Unlocked) {
    match &unlocked.plan_refresh {
        Some(Ok(r)) => out.note(&fl!("cli-plan-refreshed", path = shown(&r.bundle))),
        Some(Err(e)) => out.warn(&fl!(
            "cli-plan-refresh-failed",
            error = inline(&e.to_string()).into_owned()
        )),
        None => {}
    }
}
