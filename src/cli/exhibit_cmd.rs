//! `vault bundle exhibit`: counsel's own court packet from a bundle that verifies.

use std::path::Path;

use vault::bundle::packet::{exhibit, Options};
use vault::fl;
use vault::Result;

use super::args::IdentityArgs;
use super::export_cmd::{identities, print_bundle_report, CounselInputs};
use super::output::Out;
use super::terminal;
use super::verify_cmd::EXIT_PROBLEMS;

/// What `bundle exhibit` takes besides the bundle and the key.
pub struct ExhibitArgs<'a> {
    pub out: &'a Path,
    pub prefix: &'a str,
    pub start: u64,
    pub receipt: Option<&'a Path>,
    pub expect: Option<&'a str>,
}

/// Verifies the bundle, then writes the packet (in the process's language, `--lang`) into a
/// new folder. A bundle that does not verify writes nothing.
pub fn bundle_exhibit(out: &Out, file: &Path, id: &IdentityArgs, a: ExhibitArgs) -> Result<u8> {
    // Refused before any key or passphrase is asked for.
    let opts = Options::with_ids(vault::i18n::language(), a.prefix, a.start)?;
    let mut inputs = CounselInputs::read(a.receipt, a.expect)?;
    let ids = identities(id)?;
    let made = exhibit::exhibit_bundle(file, &ids, &inputs.options(None), a.out, &opts)?;
    inputs.learn(out, &made.report);
    if out.json {
        out.json(&made)?;
    } else {
        print_bundle_report(out, &made.report)?;
    }
    if !made.report.ok {
        out.warn(&fl!("bundle-not-extracted"));
        return Ok(EXIT_PROBLEMS);
    }
    if !out.json {
        out.line(&fl!(
            "bundle-packet-exhibit-wrote",
            path = terminal::inline(&a.out.display().to_string()).into_owned(),
            pages = made.pages,
            first = made.first_page.as_str(),
            last = made.last_page.as_str()
        ))?;
        out.note(&fl!("bundle-packet-exhibit-drafts"));
    }
    Ok(0)
}
