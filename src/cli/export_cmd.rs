//! Counsel bundles: `keygen`, `export`, `exports`, `disclose`, `bundle verify`, `bundle open`.

use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;

use age::secrecy::ExposeSecret;
use vault::export::recipients::{self, BundleRecipient};
use vault::export::{ExportRequest, Redaction, Selection};
use vault::vault::Unlocked;
use vault::{fsutil, Error, Result};

use super::args::{DiscloseArgs, ExportArgs, IdentityArgs, RecipientArgs};
use super::commands::parse_when;
use super::output::Out;
use super::passphrase;
use super::verify_cmd::EXIT_PROBLEMS;

const BUNDLE_PASSPHRASE_ENV: &str = "VAULT_BUNDLE_PASSPHRASE_FILE";

pub fn keygen(out: &Out, path: &Path) -> Result<()> {
    let identity = age::x25519::Identity::generate();
    let recipient = identity.to_public().to_string();
    let secret = zeroize::Zeroizing::new(identity.to_string().expose_secret().to_owned());
    let text = zeroize::Zeroizing::new(format!(
        "# created: {}\n# public key: {recipient}\n{}\n",
        chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        secret.as_str()
    ));
    fsutil::write_new_private(path, text.as_bytes())?;
    if out.json {
        return out.json(&serde_json::json!({ "recipient": recipient, "identity_file": path }));
    }
    out.line(&recipient)?;
    out.note(&format!(
        "Give the public key above to the person exporting to you. Keep {} secret and backed up: without it, bundles for you cannot be opened.",
        path.display()
    ));
    Ok(())
}

fn bundle_passphrase(confirm: bool) -> Result<vault::secret::Passphrase> {
    let file = std::env::var_os(BUNDLE_PASSPHRASE_ENV).map(std::path::PathBuf::from);
    if confirm {
        passphrase::new(file.as_deref(), "Bundle passphrase")
    } else {
        passphrase::existing(file.as_deref())
    }
}

fn gather_recipients(r: &RecipientArgs) -> Result<Vec<BundleRecipient>> {
    if r.passphrase {
        return Ok(vec![recipients::passphrase(&bundle_passphrase(true)?)]);
    }
    let mut list: Vec<BundleRecipient> =
        r.to.iter()
            .map(|t| recipients::parse(t))
            .collect::<Result<_>>()?;
    for f in &r.to_file {
        let text = std::fs::read_to_string(f).map_err(|e| Error::file(f, e))?;
        list.extend(recipients::parse_file(&text)?);
    }
    if list.is_empty() {
        return Err(Error::Invalid(
            "give a recipient: --to age1... (or an SSH key), --to-file FILE, or --passphrase"
                .into(),
        ));
    }
    Ok(list)
}

fn confirm(question: &str) -> Result<bool> {
    eprint!("{question} [y/N] ");
    let _ = std::io::stderr().flush();
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    Ok(matches!(
        line.trim().to_lowercase().as_str(),
        "y" | "yes" | "s" | "si" | "sí"
    ))
}

pub fn export(v: &mut Unlocked, out: &Out, a: ExportArgs) -> Result<()> {
    let mut redaction: Redaction = match &a.redact_policy {
        Some(p) => {
            let text = std::fs::read(p).map_err(|e| Error::file(p, e))?;
            serde_json::from_slice(&text).map_err(|e| {
                Error::Invalid(format!(
                    "{}: not a valid redaction policy: {e}",
                    p.display()
                ))
            })?
        }
        None => Redaction::default(),
    };
    for r in &a.redact {
        redaction.add_flag(r)?;
    }
    if a.coarsen_location.is_some() {
        redaction.coarsen_location = a.coarsen_location;
    }
    redaction.disclose_private |= a.disclose_private;
    redaction.validate()?;
    let selection = if !a.entries.is_empty() {
        Selection::Entries(a.entries.clone())
    } else if a.all {
        Selection::All
    } else if let Some(t) = &a.tag {
        Selection::Tag(t.clone())
    } else if a.since.is_some() || a.until.is_some() {
        Selection::Range {
            since: a.since.as_deref().map(parse_when).transpose()?,
            until: a.until.as_deref().map(parse_when).transpose()?,
        }
    } else {
        return Err(Error::Invalid(
            "choose what to export: --entries ID..., --all, --tag TAG, or --since/--until".into(),
        ));
    };
    let recipients = gather_recipients(&a.recipients)?;
    let plan = v.plan_export(ExportRequest {
        selection,
        redaction,
        strip_metadata: a.strip_metadata,
        include_files: !a.no_attachments,
    })?;
    if !plan.identifying.is_empty() && !a.allow_identifying_metadata {
        out.warn("this bundle would carry identifying metadata:");
        for item in &plan.identifying {
            eprintln!("  - {item}");
        }
        eprintln!("  (use --strip-metadata to remove it from images, or --no-attachments)");
        if !std::io::stdin().is_terminal() {
            return Err(Error::Invalid(
                "not exporting identifying metadata without confirmation: add --allow-identifying-metadata, --strip-metadata or --no-attachments".into(),
            ));
        }
        if !confirm("Export it anyway?")? {
            return Err(Error::Interrupted);
        }
    }
    let outcome = v.write_export(plan, recipients, &a.out)?;
    if out.json {
        return out.json(&outcome);
    }
    out.line(&format!(
        "Wrote {} ({} incident(s), {} attachment(s), {} file(s), {} field(s) withheld)",
        a.out.display(),
        outcome.records,
        outcome.attachments,
        outcome.files,
        outcome.withheld_fields
    ))?;
    out.note(&format!(
        "export {} is recorded in the vault's ledger; bundle SHA-256 {}",
        outcome.export_id, outcome.bundle_sha256
    ));
    Ok(())
}

pub fn exports(v: &mut Unlocked, out: &Out) -> Result<()> {
    let list = v.exports()?;
    if out.json {
        return out.json(&list);
    }
    if list.is_empty() {
        out.note("no exports yet");
    }
    for e in &list {
        let withheld: usize = e.records.iter().map(|r| r.withheld.len()).sum();
        out.line(&format!(
            "{}  {}  {:<10} {} incident(s), {} attachment(s), {} field(s) withheld, to {}",
            &e.id[..8.min(e.id.len())],
            e.exported_at.format("%Y-%m-%d %H:%M UTC"),
            e.kind,
            e.records.len(),
            e.attachments.len(),
            withheld,
            e.recipients
                .iter()
                .map(|r| r.chars().take(24).collect::<String>())
                .collect::<Vec<_>>()
                .join(", ")
        ))?;
    }
    Ok(())
}

pub fn disclose(v: &mut Unlocked, out: &Out, a: DiscloseArgs) -> Result<()> {
    let recipients = gather_recipients(&a.recipients)?;
    let plan = v.plan_disclosure(&a.bundle_of, &a.entry, &a.fields)?;
    let outcome = v.write_export(plan, recipients, &a.out)?;
    if out.json {
        return out.json(&outcome);
    }
    out.line(&format!(
        "Wrote {} (disclosure {})",
        a.out.display(),
        outcome.export_id
    ))?;
    Ok(())
}

fn identities(i: &IdentityArgs) -> Result<Vec<Box<dyn age::Identity>>> {
    match (&i.identity, i.passphrase) {
        (Some(path), _) => recipients::read_identities(path),
        (None, true) => {
            let p = bundle_passphrase(false)?;
            let secret = age::secrecy::SecretString::from(p.expose().to_owned());
            Ok(vec![Box::new(age::scrypt::Identity::new(secret))])
        }
        (None, false) => Err(Error::Invalid("give --identity KEY or --passphrase".into())),
    }
}

pub fn bundle_verify(
    out: &Out,
    file: &Path,
    id: &IdentityArgs,
    earlier: Option<&Path>,
    receipt: Option<&Path>,
) -> Result<u8> {
    let ids = identities(id)?;
    let receipt = receipt
        .map(|p| std::fs::read_to_string(p).map_err(|e| Error::file(p, e)))
        .transpose()?;
    let report =
        vault::export::verify_bundle_with_receipt(file, &ids, earlier, receipt.as_deref())?;
    if out.json {
        out.json(&report)?;
    } else {
        print_bundle_report(out, &report)?;
    }
    Ok(if report.ok { 0 } else { EXIT_PROBLEMS })
}

fn print_bundle_report(out: &Out, r: &vault::export::BundleReport) -> Result<()> {
    let verdict = if r.ok { "VERIFIED" } else { "NOT VERIFIED" };
    out.line(&format!(
        "{verdict}: {} bundle {} exported {}",
        r.kind, r.export_id, r.exported_at
    ))?;
    out.line(&format!(
        "Vault {} — signing key fingerprint {}",
        r.vault_id, r.fingerprint
    ))?;
    out.line(
        "Confirm this fingerprint with the person who kept the records (by phone or in person).",
    )?;
    out.line(&format!(
        "Signed checkpoint covers {} ledger entries.",
        r.checkpoint_size
    ))?;
    if let Some(s) = &r.supplements {
        out.line(&format!(
            "This is a later disclosure supplementing export {s}."
        ))?;
    }
    for rec in &r.records {
        out.line(&format!(
            "  record {} (ledger leaf {}): disclosed {}; withheld {}",
            rec.id,
            rec.leaf_index,
            list_or_none(&rec.disclosed),
            list_or_none(&rec.withheld)
        ))?;
    }
    for a in &r.attachments {
        out.line(&format!(
            "  attachment {} (ledger leaf {}): {}{}; withheld {}",
            a.id,
            a.leaf_index,
            a.carries.as_deref().unwrap_or("none"),
            a.file_sha256
                .as_deref()
                .map(|h| format!(", SHA-256 {h}"))
                .unwrap_or_default(),
            list_or_none(&a.withheld)
        ))?;
    }
    if r.ok {
        out.line("Every signature, inclusion proof, disclosed field and attachment hash checks out: the disclosed content is exactly what the vault recorded, and withheld parts are committed to by salted digests.")?;
    } else {
        out.line(&format!("{} problem(s):", r.problems.len()))?;
        for p in &r.problems {
            out.line(&format!("  [{}] {}: {}", p.kind, p.item, p.detail))?;
        }
    }
    Ok(())
}

fn list_or_none(items: &[String]) -> String {
    if items.is_empty() {
        "nothing".into()
    } else {
        items.join(", ")
    }
}

pub fn bundle_open(out: &Out, file: &Path, id: &IdentityArgs, dir: &Path) -> Result<()> {
    let ids = identities(id)?;
    let opened = vault::export::open_bundle(file, &ids, dir)?;
    if out.json {
        return out.json(&serde_json::json!({ "report": opened.report, "files": opened.files }));
    }
    print_bundle_report(out, &opened.report)?;
    out.line(&format!(
        "Extracted {} file(s) into {}; open report.html to read them.",
        opened.files.len(),
        dir.display()
    ))?;
    Ok(())
}
