//! Counsel bundles: `keygen`, `export`, `exports`, `disclose`, `bundle verify`, `bundle open`.

use std::io::{IsTerminal, Write};
use std::path::Path;

use age::secrecy::ExposeSecret;
use vault::export::recipients::{self, BundleRecipient};
use vault::export::{ExportRequest, Redaction, Selection};
use vault::vault::Unlocked;
use vault::{fsutil, Error, Result};

use super::args::{DiscloseArgs, ExportArgs, IdentityArgs, RecipientArgs};
use super::commands::parse_when;
use super::i18n::{t, tf, Msg};
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
    out.note(&tf!(Msg::KeygenNote, path = path.display()));
    Ok(())
}

fn bundle_passphrase(confirm: bool) -> Result<vault::secret::Passphrase> {
    let file = std::env::var_os(BUNDLE_PASSPHRASE_ENV).map(std::path::PathBuf::from);
    if confirm {
        passphrase::new(file.as_deref(), t(Msg::BundlePassphrase))
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
        let text = vault::input::read_text_bounded(f, vault::input::RECIPIENTS_FILE_MAX)?;
        list.extend(recipients::parse_file(&text)?);
    }
    if list.is_empty() {
        return Err(Error::Invalid(t(Msg::GiveRecipient).into()));
    }
    Ok(list)
}

fn confirm(question: &str) -> Result<bool> {
    eprint!("{question} {} ", t(Msg::YesNo));
    let _ = std::io::stderr().flush();
    let mut line = String::new();
    super::output::read_answer(&mut line)?;
    Ok(matches!(
        line.trim().to_lowercase().as_str(),
        "y" | "yes" | "s" | "si" | "sí"
    ))
}

pub fn export(v: &mut Unlocked, out: &Out, a: ExportArgs) -> Result<()> {
    let mut redaction: Redaction = match &a.redact_policy {
        Some(p) => {
            let text = vault::input::read_bounded(p, vault::input::POLICY_MAX)?;
            serde_json::from_slice(&text)
                .map_err(|e| Error::Invalid(tf!(Msg::BadPolicy, path = p.display(), detail = e)))?
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
        return Err(Error::Invalid(t(Msg::ChooseExport).into()));
    };
    let recipients = gather_recipients(&a.recipients)?;
    let plan = v.plan_export(ExportRequest {
        selection,
        redaction,
        strip_metadata: a.strip_metadata,
        include_files: !a.no_attachments,
    })?;
    if !plan.identifying.is_empty() && !a.allow_identifying_metadata {
        out.warn(t(Msg::WouldCarryMetadata));
        for item in &plan.identifying {
            eprintln!(
                "  - {}",
                super::terminal::inline(&super::i18n::identifying_text(item))
            );
        }
        eprintln!("{}", t(Msg::MetadataHint));
        if !std::io::stdin().is_terminal() {
            return Err(Error::Invalid(t(Msg::MetadataNeedsConfirm).into()));
        }
        if !confirm(t(Msg::ExportAnyway))? {
            return Err(Error::Interrupted);
        }
    }
    let outcome = v.write_export(plan, recipients, &a.out)?;
    if out.json {
        return out.json(&outcome);
    }
    out.line(&tf!(
        Msg::ExportWrote,
        path = a.out.display(),
        records = outcome.records,
        attachments = outcome.attachments,
        files = outcome.files,
        withheld = outcome.withheld_fields
    ))?;
    out.note(&tf!(
        Msg::ExportRecorded,
        id = outcome.export_id,
        sha = outcome.bundle_sha256
    ));
    Ok(())
}

pub fn exports(v: &mut Unlocked, out: &Out) -> Result<()> {
    let list = v.exports()?;
    if out.json {
        return out.json(&list);
    }
    if list.is_empty() {
        out.note(t(Msg::NoExports));
    }
    for e in &list {
        let withheld: usize = e.records.iter().map(|r| r.withheld.len()).sum();
        // Shown terminal-safe: the listing quotes recipients' labels as they were given.
        use super::terminal::inline;
        out.line(&tf!(
            Msg::ExportsLine,
            id = inline(e.id.get(..8).unwrap_or(&e.id)),
            at = e.exported_at.format("%Y-%m-%d %H:%M UTC"),
            kind = format!("{:<10}", inline(&e.kind.to_string())),
            records = e.records.len(),
            attachments = e.attachments.len(),
            withheld = withheld,
            to = e
                .recipients
                .iter()
                .map(|r| inline(&r.chars().take(24).collect::<String>()).into_owned())
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
    out.line(&tf!(
        Msg::DiscloseWrote,
        path = a.out.display(),
        id = outcome.export_id
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
        (None, false) => Err(Error::Invalid(t(Msg::GiveIdentity).into())),
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
        .map(|p| vault::input::read_text_bounded(p, vault::input::RECEIPT_MAX))
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
    let verdict = if r.ok {
        t(Msg::BundleVerified)
    } else {
        t(Msg::BundleNotVerified)
    };
    out.line(&tf!(
        Msg::BundleHead,
        verdict = verdict,
        kind = r.kind,
        id = r.export_id,
        at = r.exported_at
    ))?;
    out.line(&tf!(Msg::BundleVault, id = r.vault_id, fp = r.fingerprint))?;
    out.line(t(Msg::BundleConfirmFp))?;
    out.line(&tf!(Msg::BundleCheckpoint, n = r.checkpoint_size))?;
    if let Some(s) = &r.supplements {
        out.line(&tf!(Msg::BundleSupplements, id = s))?;
    }
    for rec in &r.records {
        out.line(&tf!(
            Msg::BundleRecord,
            id = rec.id,
            leaf = rec.leaf_index,
            disclosed = list_or_none(&rec.disclosed),
            withheld = list_or_none(&rec.withheld)
        ))?;
    }
    for a in &r.attachments {
        out.line(&tf!(
            Msg::BundleAttachment,
            id = a.id,
            leaf = a.leaf_index,
            carries = a.carries.as_deref().unwrap_or(t(Msg::NoneWord)),
            sha = a
                .file_sha256
                .as_deref()
                .map(|h| format!(", SHA-256 {h}"))
                .unwrap_or_default(),
            withheld = list_or_none(&a.withheld)
        ))?;
    }
    if r.ok {
        out.line(t(Msg::BundleAllGood))?;
    } else {
        out.line(&tf!(Msg::BundleProblems, n = r.problems.len()))?;
        for p in &r.problems {
            out.line(&super::i18n::problem_line(p.kind, &p.item, &p.detail))?;
        }
    }
    Ok(())
}

fn list_or_none(items: &[String]) -> String {
    if items.is_empty() {
        t(Msg::Nothing).into()
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
    out.line(&tf!(
        Msg::BundleExtracted,
        n = opened.files.len(),
        path = dir.display()
    ))?;
    Ok(())
}
