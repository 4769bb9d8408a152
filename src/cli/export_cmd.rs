//! Counsel bundles: `keygen`, `export`, `exports`, `disclose`, `bundle verify`, `bundle open`.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use age::secrecy::ExposeSecret;
use vault::bundle::recipients::{self, BundleRecipient};
use vault::bundle::trust::{self, TrustedSenders};
use vault::bundle::{
    files, BundleReport, Error as BundleError, ExportRequest, Redaction, Selection, VerifyOptions,
};
use vault::passwords;
use vault::secret::Passphrase;
use vault::vault::write_new_private;
use vault::vault::Unlocked;
use vault::{Error, Result};

use super::args::{DiscloseArgs, ExportArgs, IdentityArgs, RecipientArgs};
use super::flags::parse_when;
use super::output::Out;
use super::passphrase;
use super::terminal;
use super::verify_cmd::EXIT_PROBLEMS;
use vault::bundle::plan::field_label;
use vault::fl;

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
    write_new_private(path, text.as_bytes())?;
    if out.json {
        return out.json(&serde_json::json!({ "recipient": recipient, "identity_file": path }));
    }
    out.line(&recipient)?;
    out.note(&fl!(
        "bundle-keygen-note",
        path = path.display().to_string()
    ));
    Ok(())
}

/// The passphrase a new bundle is encrypted to: made up and shown once with
/// `--generate-passphrase`, else asked twice (or read from VAULT_BUNDLE_PASSPHRASE_FILE) and held
/// to the same strength floor as a vault passphrase: the bundle will travel by email or on a
/// stick, where anyone who copies it can guess offline.
fn new_bundle_passphrase(generate: bool) -> Result<Passphrase> {
    let file = std::env::var_os(BUNDLE_PASSPHRASE_ENV).map(std::path::PathBuf::from);
    if generate {
        if file.is_some() {
            return Err(BundleError::GeneratePassphraseConflict.into());
        }
        let p = passwords::generate_passphrase();
        // Shown once, on stderr (even with --quiet or --json); every formatted copy is wiped.
        // The passphrase itself never passes through the message catalogue (whose strings are
        // not wiped): the two sentences around it do.
        eprintln!(
            "\n{}\n",
            fl!(
                "cli-bundle-passphrase-generated",
                n = passwords::GENERATED_WORDS
            )
        );
        eprintln!("    {}\n", p.expose());
        eprintln!("{}\n", fl!("cli-bundle-passphrase-give"));
        return Ok(p);
    }
    let p = match &file {
        Some(f) => bundle_passphrase_file(f)?,
        None => passphrase::new(None, &fl!("bundle-passphrase-prompt"))?,
    };
    match passwords::check_strength(&p) {
        Ok(()) => Ok(p),
        Err(Error::PassphraseTooWeak(_)) => Err(BundleError::WeakPassphrase.into()),
        Err(e) => Err(e),
    }
}

/// The passphrase that opens a bundle: from VAULT_BUNDLE_PASSPHRASE_FILE, or asked once as the
/// *bundle* passphrase (never the vault's: counsel has no vault).
fn existing_bundle_passphrase() -> Result<Passphrase> {
    if let Some(f) = std::env::var_os(BUNDLE_PASSPHRASE_ENV) {
        return bundle_passphrase_file(Path::new(&f));
    }
    if !passphrase::can_prompt() {
        return Err(BundleError::NoBundlePassphrase.into());
    }
    let text = rpassword::prompt_password(format!("{}: ", fl!("bundle-passphrase-prompt")))
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::Interrupted | std::io::ErrorKind::UnexpectedEof => {
                Error::Interrupted
            }
            _ => BundleError::PassphraseUnreadable {
                detail: e.to_string(),
            }
            .into(),
        })?;
    let p = Passphrase::new(text);
    if p.is_empty() {
        return Err(Error::EmptyPassphrase);
    }
    Ok(p)
}

/// The first line of a bundle passphrase file, read with a bound.
fn bundle_passphrase_file(path: &Path) -> Result<Passphrase> {
    let bytes = files::read_bounded(path, files::MAX_KEY_FILE)?;
    Passphrase::from_file_bytes(bytes.to_vec()).map_err(|e| match e {
        Error::EmptyPassphrase => BundleError::PassphraseFileEmpty {
            path: path.to_path_buf(),
        }
        .into(),
        other => other,
    })
}

/// Every recipient the bundle is encrypted to, listed on stderr. A key file that holds more
/// than one key (a second key can hide after blank lines) needs a yes: asked on a terminal,
/// `--yes` otherwise.
fn gather_recipients(out: &Out, r: &RecipientArgs) -> Result<Vec<BundleRecipient>> {
    if r.passphrase || r.generate_passphrase {
        let p = new_bundle_passphrase(r.generate_passphrase)?;
        return Ok(vec![recipients::passphrase(&p)]);
    }
    let mut list: Vec<BundleRecipient> =
        r.to.iter()
            .map(|t| recipients::parse(t))
            .collect::<Result<_>>()?;
    let mut crowded = Vec::new();
    for f in &r.to_file {
        let keys = recipients::read_file(f)?;
        if keys.len() > 1 {
            crowded.push((f, keys.len()));
        }
        list.extend(keys);
    }
    if list.is_empty() {
        return Err(BundleError::GiveRecipient.into());
    }
    // The same key given twice is one recipient.
    let mut seen = std::collections::BTreeSet::new();
    list.retain(|k| seen.insert(k.label.clone()));
    let head = if list.len() == 1 {
        fl!("bundle-recipients-one")
    } else {
        fl!("bundle-recipients-many", n = list.len())
    };
    let lines: Vec<String> = list
        .iter()
        .map(|k| format!("  - {}", terminal::inline(&k.label)))
        .collect();
    if crowded.is_empty() || r.yes {
        out.note(&head);
        for l in &lines {
            out.note(l);
        }
        return Ok(list);
    }
    for (f, n) in &crowded {
        let n: usize = *n;
        out.warn(&fl!(
            "bundle-key-file-holds-many",
            path = terminal::inline(&f.display().to_string()).into_owned(),
            n = n
        ));
    }
    eprintln!("{head}");
    for l in &lines {
        eprintln!("{l}");
    }
    if !std::io::stdin().is_terminal() {
        return Err(BundleError::ManyKeysNeedYes.into());
    }
    if !confirm(&fl!("bundle-encrypt-to-all"))? {
        return Err(Error::Interrupted);
    }
    Ok(list)
}

fn confirm(question: &str) -> Result<bool> {
    eprint!("{question} {} ", fl!("cli-yes-no"));
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
        Some(p) => read_policy(p)?,
        None => Redaction::default(),
    };
    // A policy file that discloses private spans is a decision made elsewhere (perhaps by
    // someone else): it is shown and confirmed like the metadata guard below; typing
    // --disclose-private is the confirmation.
    if redaction.disclose_private && !a.disclose_private && !a.recipients.yes {
        let path = a.redact_policy.as_deref().unwrap_or(Path::new(""));
        out.warn(&fl!(
            "bundle-policy-discloses-private",
            path = terminal::inline(&path.display().to_string()).into_owned()
        ));
        if !std::io::stdin().is_terminal() {
            return Err(BundleError::PolicyNeedsConfirm.into());
        }
        if !confirm(&fl!("bundle-export-anyway"))? {
            return Err(Error::Interrupted);
        }
    }
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
        return Err(BundleError::ChooseExport.into());
    };
    let recipients = gather_recipients(out, &a.recipients)?;
    let plan = v.plan_export(ExportRequest {
        selection,
        redaction,
        strip_metadata: a.strip_metadata,
        include_files: !a.no_attachments,
    })?;
    if !plan.identifying.is_empty() && !a.allow_identifying_metadata {
        out.warn(&fl!("bundle-would-carry-metadata"));
        for item in &plan.identifying {
            let line = fl!(
                "bundle-identifying-item",
                incident = item.incident.as_str(),
                position = item.position,
                name = item.name.as_str(),
                item = super::i18n::identifying_text(&item.item)
            );
            eprintln!("  - {}", terminal::inline(&line));
        }
        eprintln!("{}", fl!("bundle-metadata-hint"));
        if !std::io::stdin().is_terminal() {
            return Err(BundleError::MetadataNeedsConfirm.into());
        }
        if !confirm(&fl!("bundle-export-anyway"))? {
            return Err(Error::Interrupted);
        }
    }
    let outcome = v.write_export(plan, recipients, &a.out)?;
    leftover_notes(out, &outcome);
    if out.json {
        return out.json(&outcome);
    }
    out.line(&fl!(
        "bundle-export-wrote",
        path = a.out.display().to_string(),
        records = outcome.records,
        attachments = outcome.attachments,
        files = outcome.files,
        withheld = outcome.withheld_fields
    ))?;
    out.note(&fl!(
        "bundle-export-recorded",
        id = outcome.export_id.as_str(),
        sha = outcome.bundle_sha256.as_str()
    ));
    let fingerprint = v.vault().fingerprint();
    tell_the_lawyer(out, &a.out, &fingerprint)?;
    Ok(())
}

/// What to tell the lawyer: send the bundle, compare the fingerprint by phone, the command
/// that verifies it.
fn tell_the_lawyer(out: &Out, bundle: &Path, fingerprint: &str) -> Result<()> {
    let path = terminal::inline(&bundle.display().to_string()).into_owned();
    let file = terminal::inline(
        &bundle
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
    )
    .into_owned();
    out.line("")?;
    out.line(&fl!("bundle-lawyer-heading"))?;
    out.line(&fl!("bundle-lawyer-send", path = path))?;
    out.line(&fl!("bundle-lawyer-fingerprint", fp = fingerprint))?;
    out.line(&fl!("bundle-lawyer-verify", file = file))?;
    Ok(())
}

/// Names the partial bundles of killed exports that this export removed.
fn leftover_notes(out: &Out, outcome: &vault::vault::ExportOutcome) {
    for path in &outcome.leftovers_removed {
        out.note(&fl!(
            "bundle-leftover-removed",
            path = super::terminal::inline(&path.to_string_lossy()).into_owned()
        ));
    }
}

pub fn exports(v: &mut Unlocked, out: &Out) -> Result<()> {
    let list = v.exports()?;
    if out.json {
        return out.json(&list);
    }
    if list.is_empty() {
        out.note(&fl!("bundle-no-exports"));
    }
    for e in &list {
        let withheld: usize = e.records.iter().map(|r| r.withheld.len()).sum();
        // Shown terminal-safe: the listing quotes recipients' labels as they were given.
        use super::terminal::inline;
        // The kind in the reader's words (`export` / `exportación`), padded to line up.
        let kind = match e.kind.as_str() {
            "export" => fl!("bundle-kind-name-export"),
            "disclosure" => fl!("bundle-kind-name-disclosure"),
            other => inline(other).into_owned(),
        };
        out.line(&fl!(
            "bundle-exports-line",
            id = inline(e.id.get(..8).unwrap_or(&e.id)).into_owned(),
            at = e.exported_at.format("%Y-%m-%d %H:%M UTC").to_string(),
            kind = format!("{kind:<10}"),
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
    let recipients = gather_recipients(out, &a.recipients)?;
    let plan = v.plan_disclosure(&a.bundle_of, &a.entry, &a.fields)?;
    let outcome = v.write_export(plan, recipients, &a.out)?;
    leftover_notes(out, &outcome);
    if out.json {
        return out.json(&outcome);
    }
    out.line(&fl!(
        "bundle-disclose-wrote",
        path = a.out.display().to_string(),
        id = outcome.export_id.as_str()
    ))?;
    Ok(())
}

/// Reads a redaction policy (bounded; a repeated key is refused, since which copy wins would
/// depend on the reader).
fn read_policy(p: &Path) -> Result<Redaction> {
    let bytes = files::read_bounded(p, files::MAX_POLICY_FILE)?;
    let bad = |detail: String| BundleError::BadPolicy {
        path: p.to_path_buf(),
        detail,
    };
    if let Some(d) = vault::bundle::manifest::duplicate_key(&bytes) {
        return Err(bad(d).into());
    }
    let mut policy: Redaction = serde_json::from_slice(&bytes).map_err(|e| bad(e.to_string()))?;
    // Field names may be typed in Spanish (`testigos`), as with --redact.
    policy.canonicalize();
    Ok(policy)
}

pub(super) fn identities(i: &IdentityArgs) -> Result<Vec<Box<dyn age::Identity>>> {
    match (&i.identity, i.passphrase) {
        (Some(path), _) => recipients::read_identities(path),
        (None, true) => Ok(vec![recipients::passphrase_identity(
            &existing_bundle_passphrase()?,
        )]),
        (None, false) => Err(BundleError::GiveIdentity.into()),
    }
}

/// Counsel's trust file of senders' fingerprints, in the per-user state folder.
fn trust_path() -> Option<PathBuf> {
    super::user_state_dir().map(|d| d.join(trust::TRUST_FILE_NAME))
}

/// What `bundle verify` and `bundle open` read besides the bundle, before asking for anything.
pub(super) struct CounselInputs {
    receipt: Option<zeroize::Zeroizing<String>>,
    expect: Option<String>,
    trusted: Option<TrustedSenders>,
}

impl CounselInputs {
    pub(super) fn read(receipt: Option<&Path>, expect: Option<&str>) -> Result<Self> {
        Ok(CounselInputs {
            receipt: receipt
                .map(|p| files::read_bounded_text(p, files::MAX_RECEIPT_FILE))
                .transpose()?,
            expect: expect.map(trust::normalize_fingerprint).transpose()?,
            trusted: trust_path().map(|p| TrustedSenders::load(&p)).transpose()?,
        })
    }

    pub(super) fn options<'a>(&'a self, earlier: Option<&'a Path>) -> VerifyOptions<'a> {
        VerifyOptions {
            earlier,
            receipt: self.receipt.as_deref().map(String::as_str),
            expect_fingerprint: self.expect.as_deref(),
            trusted: self.trusted.as_ref(),
        }
    }

    /// A trusted fingerprint learns the vault id it signs for from its first good bundle.
    pub(super) fn learn(&mut self, out: &Out, report: &BundleReport) {
        let Some(t) = self.trusted.as_mut() else {
            return;
        };
        if report.ok
            && matches!(report.sender, trust::Standing::Trusted { .. })
            && t.bind(&report.fingerprint, &report.vault_id)
        {
            if let Err(e) = t.save() {
                out.warn(&super::i18n::localized(&e, super::i18n::lang()));
            }
        }
    }
}

pub fn bundle_verify(
    out: &Out,
    file: &Path,
    id: &IdentityArgs,
    earlier: Option<&Path>,
    receipt: Option<&Path>,
    expect: Option<&str>,
    anchors: (Option<&Path>, Option<&Path>),
) -> Result<u8> {
    let mut inputs = CounselInputs::read(receipt, expect)?;
    let ids = identities(id)?;
    let (mut report, manifest) =
        vault::bundle::reader::verify_bundle_with_manifest(file, &ids, &inputs.options(earlier))?;
    // Timestamps and cosignatures (src/cli/anchor_cmd.rs).
    let anchored = super::anchor_cmd::check_bundle(&manifest, anchors.0, anchors.1)?;
    report.ok &= anchored.problems.is_empty();
    report.problems.extend(anchored.problems.iter().cloned());
    inputs.learn(out, &report);
    if out.json {
        out.json(&super::anchor_cmd::bundle_json(&report, &anchored)?)?;
    } else {
        print_bundle_report(out, &report)?;
        super::anchor_cmd::print_bundle_anchors(out, &anchored)?;
    }
    Ok(if report.ok { 0 } else { EXIT_PROBLEMS })
}

pub(super) fn print_bundle_report(out: &Out, r: &BundleReport) -> Result<()> {
    let verdict = if r.ok {
        fl!("bundle-verified")
    } else {
        fl!("bundle-not-verified")
    };
    // Everything below that came from the bundle is shown through `terminal::inline`: the
    // manifest's unsigned fields and the archive's names are the sender's (or a forger's) text.
    let esc = |s: &str| terminal::inline(s).into_owned();
    let kind = match r.kind.as_str() {
        "export" => fl!("bundle-kind-export"),
        "disclosure" => fl!("bundle-kind-disclosure"),
        other => esc(other),
    };
    out.line(&fl!(
        "bundle-head",
        verdict = verdict,
        kind = kind,
        id = esc(&r.export_id),
        at = esc(&r.exported_at)
    ))?;
    let fp = if r.fingerprint.is_empty() {
        fl!("bundle-none")
    } else {
        r.fingerprint.clone()
    };
    out.line(&fl!("bundle-vault", id = esc(&r.vault_id), fp = fp))?;
    match &r.sender {
        trust::Standing::Trusted { name } => {
            out.line(&fl!("bundle-sender-trusted", name = esc(name)))?;
        }
        trust::Standing::Changed {
            name,
            trusted_fingerprint,
            ..
        } => {
            out.line(&fl!(
                "bundle-sender-changed",
                name = esc(name),
                fp = esc(trusted_fingerprint)
            ))?;
        }
        trust::Standing::Unknown if !r.fingerprint.is_empty() => {
            out.line(&fl!("bundle-confirm-fp"))?;
            out.warn(&fl!("bundle-sender-unknown", fp = r.fingerprint.as_str()));
        }
        _ => out.line(&fl!("bundle-confirm-fp"))?,
    }
    out.line(&fl!("bundle-checkpoint", n = r.checkpoint_size))?;
    if let Some(rc) = &r.receipt {
        match rc.status {
            "same" => out.line(&fl!("bundle-receipt-same", n = rc.size))?,
            "extended" => out.line(&fl!("bundle-receipt-extended", n = rc.size))?,
            "newer" => out.line(&fl!(
                "bundle-receipt-newer",
                n = rc.size,
                m = r.checkpoint_size
            ))?,
            _ => {}
        }
    }
    if let Some(s) = &r.supplements {
        out.line(&fl!("bundle-supplements", id = esc(s)))?;
    }
    for rec in &r.records {
        out.line(&fl!(
            "bundle-record",
            id = esc(&rec.id),
            leaf = rec.leaf_index,
            disclosed = fields_or_nothing(&rec.disclosed),
            withheld = fields_or_nothing(&rec.withheld)
        ))?;
    }
    for a in &r.attachments {
        let carries = match a.carries.as_deref() {
            Some("original") => fl!("bundle-carries-original"),
            Some("stripped") => fl!("bundle-carries-stripped"),
            Some("none") => fl!("bundle-carries-none"),
            Some(other) => esc(other),
            None => fl!("bundle-none"),
        };
        out.line(&fl!(
            "bundle-attachment",
            id = esc(&a.id),
            leaf = a.leaf_index,
            carries = carries,
            sha = a
                .file_sha256
                .as_deref()
                .map(|h| format!(", SHA-256 {}", esc(h)))
                .unwrap_or_default(),
            withheld = fields_or_nothing(&a.withheld)
        ))?;
    }
    if r.ok {
        out.line(&fl!("bundle-all-good"))?;
    } else {
        out.line(&fl!("bundle-problems", n = r.problems.len()))?;
        for p in &r.problems {
            out.line(&super::i18n::problem_line(p))?;
        }
    }
    Ok(())
}

/// Field names as the reader's language names them (`witnesses` / `testigos`), or "nothing".
fn fields_or_nothing(names: &[String]) -> String {
    if names.is_empty() {
        return fl!("bundle-nothing");
    }
    let lang = vault::i18n::language();
    let shown: Vec<String> = names.iter().map(|n| field_label(n, lang)).collect();
    terminal::inline(&shown.join(", ")).into_owned()
}

pub fn bundle_open(
    out: &Out,
    file: &Path,
    id: &IdentityArgs,
    dir: &Path,
    receipt: Option<&Path>,
    expect: Option<&str>,
) -> Result<u8> {
    let mut inputs = CounselInputs::read(receipt, expect)?;
    let ids = identities(id)?;
    let opened = vault::bundle::open_bundle_with(file, &ids, dir, &inputs.options(None))?;
    inputs.learn(out, &opened.report);
    if out.json {
        out.json(&serde_json::json!({ "report": opened.report, "files": opened.files }))?;
    } else {
        print_bundle_report(out, &opened.report)?;
    }
    if !opened.report.ok {
        out.warn(&fl!("bundle-not-extracted"));
        return Ok(EXIT_PROBLEMS);
    }
    if !out.json {
        out.line(&fl!(
            "bundle-extracted",
            n = opened.files.len(),
            path = dir.display().to_string()
        ))?;
    }
    Ok(0)
}

/// `vault bundle trust FINGERPRINT --name NAME [--vault-id ID]`.
pub fn bundle_trust(
    out: &Out,
    fingerprint: &str,
    name: &str,
    vault_id: Option<&str>,
) -> Result<()> {
    let path = trust_path().ok_or(BundleError::NoStateDir)?;
    let mut trusted = TrustedSenders::load(&path)?;
    trusted.add(fingerprint, name, vault_id)?;
    trusted.save()?;
    let fp = trust::normalize_fingerprint(fingerprint)?;
    if out.json {
        return out.json(&serde_json::json!({
            "fingerprint": fp, "name": name.trim(), "vault_id": vault_id, "file": path
        }));
    }
    out.line(&fl!(
        "bundle-trust-added",
        name = terminal::inline(name.trim()).into_owned(),
        fp = fp
    ))?;
    out.note(&fl!(
        "bundle-trust-file-note",
        path = path.display().to_string()
    ));
    Ok(())
}
