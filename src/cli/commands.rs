//! One function per command. Each gathers input, calls the library, and prints the result.

use std::path::{Path, PathBuf};

use chrono::Local;
use vault::crypto::kdf::{self, KdfParams};
use vault::record::{Incident, Kind, Location, Party};
use vault::vault::{AttachOptions, ExtractTarget, Unlocked, Vault};
use vault::when::When;
use vault::{Error, Result};

use super::args::*;
use super::output::{human_size, Out};
use super::{passphrase, progress};

/// The context every command gets.
pub(super) struct Ctx {
    dir: PathBuf,
    passphrase_file: Option<PathBuf>,
    out: Out,
}

impl Ctx {
    fn open(&self) -> Result<Vault> {
        Vault::open(&self.dir)
    }

    /// Opens and unlocks; says how many entries were appended since the last unlock.
    fn unlock(&self) -> Result<Unlocked> {
        let vault = self.open()?;
        let pass = passphrase::existing(self.passphrase_file.as_deref())?;
        let mut unlocked = vault.unlock(&pass, false)?;
        if unlocked.new_entries > 0 {
            self.out.note(&format!(
                "note: {} ledger entr{} added since the last unlock (records or attachments logged without the passphrase); they are now covered by a signed checkpoint",
                unlocked.new_entries,
                if unlocked.new_entries == 1 { "y was" } else { "ies were" }
            ));
        }
        let removed = unlocked.vault().clean_leftovers()?;
        if removed > 0 {
            self.out.note(&format!(
                "note: removed {removed} leftover file(s) of an interrupted attach"
            ));
        }
        Ok(unlocked)
    }
}

fn default_dir() -> Result<PathBuf> {
    dirs::data_dir().map(|d| d.join("vault")).ok_or_else(|| {
        Error::Invalid("no data directory is known for this user; pass --vault DIR".into())
    })
}

/// Runs the parsed command; returns the exit code for success paths that are not 0.
pub fn dispatch(cli: Cli) -> Result<u8> {
    let ctx = Ctx {
        dir: match cli.vault {
            Some(d) => d,
            None => default_dir()?,
        },
        passphrase_file: cli.passphrase_file,
        out: Out::new(cli.json, cli.quiet),
    };
    let done = match cli.command {
        Command::Verify(a) => {
            return super::verify_cmd::verify(&ctx.dir, ctx.passphrase_file.as_deref(), &ctx.out, a)
        }
        Command::Init(a) => init(&ctx, a),
        Command::Add(a) => add(&ctx, a),
        Command::List(_) => list(&ctx),
        Command::Show(a) => show(&ctx, a),
        Command::Amend(a) => amend(&ctx, a),
        Command::Attach(a) => attach(&ctx, a),
        Command::Extract(a) => extract(&ctx, a),
        Command::Passwd(a) => passwd(&ctx, a),
        Command::Info => info(&ctx),
        Command::Key(KeyCommand::Export { out }) => key_export(&ctx, &out),
        Command::Receipt(a) => super::verify_cmd::receipt(&ctx.dir, &ctx.out, &a.out),
        Command::Keygen(a) => super::export_cmd::keygen(&ctx.out, &a.out),
        Command::Export(a) => super::export_cmd::export(&mut ctx.unlock()?, &ctx.out, a),
        Command::Exports => super::export_cmd::exports(&mut ctx.unlock()?, &ctx.out),
        Command::Disclose(a) => super::export_cmd::disclose(&mut ctx.unlock()?, &ctx.out, a),
        Command::Bundle(BundleCommand::Verify {
            file,
            identity,
            earlier,
            receipt,
        }) => {
            return super::export_cmd::bundle_verify(
                &ctx.out,
                &file,
                &identity,
                earlier.as_deref(),
                receipt.as_deref(),
            )
        }
        Command::Bundle(BundleCommand::Open {
            file,
            identity,
            out,
        }) => super::export_cmd::bundle_open(&ctx.out, &file, &identity, &out),
    };
    done.map(|_| 0)
}

fn init(ctx: &Ctx, a: InitArgs) -> Result<()> {
    let params = KdfParams {
        memory_kib: a.kdf_memory_mib.map_or(Ok(kdf::DEFAULT.memory_kib), |m| {
            m.checked_mul(1024)
                .ok_or_else(|| Error::WeakKdf("memory value too large".into()))
        })?,
        iterations: a.kdf_iterations.unwrap_or(kdf::DEFAULT.iterations),
        parallelism: a.kdf_parallelism.unwrap_or(kdf::DEFAULT.parallelism),
    };
    params.check_floor()?;
    if ctx.dir.join(vault::store::DB_FILE).exists() {
        return Err(Error::VaultExists(ctx.dir.clone()));
    }
    let pass = passphrase::new(ctx.passphrase_file.as_deref(), "New vault passphrase")?;
    let mut vault = Vault::init(&ctx.dir, &pass, params)?;
    let info = vault.info()?;
    if ctx.out.json {
        return ctx.out.json(&info);
    }
    ctx.out
        .line(&format!("Created a vault at {}", info.path.display()))?;
    ctx.out
        .line(&format!("Fingerprint: {}", info.fingerprint))?;
    ctx.out.note("Read the fingerprint to your lawyer; it identifies this vault's signatures.\nIf you forget the passphrase, nobody can recover the records.");
    Ok(())
}

pub(super) fn parse_when(text: &str) -> Result<When> {
    When::parse(text, &Local::now()).map_err(|e| Error::Invalid(e.to_string()))
}

fn parse_parties(items: &[String]) -> Result<Vec<Party>> {
    items.iter().map(|t| Party::parse(t)).collect()
}

/// Applies the given flags to an incident (used by add on a blank one and by amend).
fn apply_fields(f: &FieldArgs, incident: &mut Incident) -> Result<()> {
    if let Some(k) = &f.kind {
        incident.kind = k.parse()?;
    }
    if let Some(w) = &f.when {
        incident.occurred_at = parse_when(w)?;
    }
    if f.location.is_some() || f.coords.is_some() {
        let mut loc = incident.location.clone().unwrap_or_default();
        if let Some(t) = &f.location {
            loc.text = Some(t.clone()).filter(|t| !t.trim().is_empty());
        }
        if let Some(c) = &f.coords {
            let (lat, lon) = Location::parse_coords(c)?;
            loc.latitude = Some(lat);
            loc.longitude = Some(lon);
        }
        incident.location = Some(loc);
    }
    if let Some(n) = &f.narrative {
        incident.narrative = n.clone();
    }
    if !f.agents.is_empty() {
        incident.agents = parse_parties(&f.agents)?;
    }
    if !f.vehicles.is_empty() {
        incident.vehicles = parse_parties(&f.vehicles)?;
    }
    if !f.witnesses.is_empty() {
        incident.witnesses = parse_parties(&f.witnesses)?;
    }
    if !f.tags.is_empty() {
        incident.tags = f.tags.iter().map(|t| t.trim().to_owned()).collect();
    }
    incident.validate()
}

fn incident_from_flags(f: &FieldArgs) -> Result<Incident> {
    let kind: Kind = f
        .kind
        .as_deref()
        .ok_or_else(|| Error::Invalid("--kind is required (followed, photographed, contacted, visited, raid, arrest, online, other)".into()))?
        .parse()?;
    let mut incident = Incident {
        kind,
        occurred_at: parse_when(f.when.as_deref().unwrap_or("now"))?,
        location: None,
        narrative: String::new(),
        agents: vec![],
        vehicles: vec![],
        witnesses: vec![],
        tags: vec![],
    };
    apply_fields(f, &mut incident)?;
    Ok(incident)
}

/// Parses an incident from JSON with the keys `show --json` prints. `id`, `revision`,
/// `recorded_at` and `attachments` belong to the vault and are ignored.
pub fn incident_from_json(bytes: &[u8]) -> Result<Incident> {
    let mut value: serde_json::Value = serde_json::from_slice(bytes)
        .map_err(|e| Error::Invalid(format!("the JSON does not parse: {e}")))?;
    let obj = value
        .as_object_mut()
        .ok_or_else(|| Error::Invalid("the JSON must be one object".into()))?;
    for key in ["id", "revision", "recorded_at", "attachments"] {
        obj.remove(key);
    }
    let incident: Incident = serde_json::from_value(value)
        .map_err(|e| Error::Invalid(format!("the incident JSON is not valid: {e}")))?;
    incident.validate()?;
    Ok(incident)
}

fn read_json_input(path: &Path) -> Result<Vec<u8>> {
    if path == Path::new("-") {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)?;
        Ok(buf)
    } else {
        std::fs::read(path).map_err(|e| Error::file(path, e))
    }
}

fn check_attachable(files: &[PathBuf]) -> Result<()> {
    for f in files {
        let meta = std::fs::metadata(f).map_err(|e| Error::file(f, e))?;
        if !meta.is_file() {
            return Err(Error::Invalid(format!(
                "{} is not a regular file",
                f.display()
            )));
        }
        std::fs::File::open(f).map_err(|e| Error::file(f, e))?;
    }
    Ok(())
}

fn add(ctx: &Ctx, a: AddArgs) -> Result<()> {
    let incident = match &a.from_json {
        Some(path) => incident_from_json(&read_json_input(path)?)?,
        None => incident_from_flags(&a.fields)?,
    };
    check_attachable(&a.attach)?;
    let mut vault = ctx.open()?;
    let id = vault.add(incident)?;
    let attached = attach_files(ctx, &mut vault, &id, &a.attach, a.remove_original)?;
    if ctx.out.json {
        return ctx
            .out
            .json(&serde_json::json!({ "id": id, "attachments": attached }));
    }
    ctx.out.line(&id)?;
    Ok(())
}

fn attach_files(
    ctx: &Ctx,
    vault: &mut Vault,
    id: &str,
    files: &[PathBuf],
    remove_original: bool,
) -> Result<Vec<vault::vault::AttachOutcome>> {
    let mut outcomes = Vec::new();
    for file in files {
        let total = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
        let bar = progress::bytes(total, "encrypting", ctx.out.quiet);
        let tick = |n: u64| {
            if let Some(b) = &bar {
                b.set_position(n)
            }
        };
        let opts = AttachOptions {
            remove_original,
            progress: Some(&tick),
        };
        let outcome = vault.attach(id, file, &opts);
        if let Some(b) = &bar {
            b.finish_and_clear();
        }
        let outcome = outcome?;
        ctx.out.note(&format!(
            "attached {} ({}, {}) sha256 {}",
            outcome.name,
            outcome.media_type,
            human_size(outcome.size),
            outcome.sha256
        ));
        if !outcome.metadata_readable {
            ctx.out
                .note("  its metadata could not be read (the file is stored as it is)");
        }
        for item in &outcome.identifying {
            ctx.out.warn(&format!(
                "{} carries identifying metadata: {item}",
                outcome.name
            ));
        }
        if outcome.original_removed {
            ctx.out.warn(&format!(
                "{} was overwritten and deleted; on SSDs and copy-on-write file systems (btrfs, APFS, ZFS) overwriting is not guaranteed to erase the old data",
                file.display()
            ));
        }
        outcomes.push(outcome);
    }
    Ok(outcomes)
}

fn list(ctx: &Ctx) -> Result<()> {
    let mut v = ctx.unlock()?;
    let records = v.list()?;
    if ctx.out.json {
        return ctx.out.json(&records);
    }
    if records.is_empty() {
        ctx.out.note("no incidents yet; log one with `vault add`");
    }
    for r in &records {
        ctx.out.line(&ctx.out.record_line(r))?;
    }
    Ok(())
}

fn show(ctx: &Ctx, a: ShowArgs) -> Result<()> {
    let mut v = ctx.unlock()?;
    if a.history {
        let revisions = v.history(&a.id)?;
        if ctx.out.json {
            return ctx.out.json(&revisions);
        }
        for (i, r) in revisions.iter().enumerate() {
            if i > 0 {
                ctx.out.line("")?;
            }
            ctx.out.line(&ctx.out.record_full(r))?;
        }
        return Ok(());
    }
    let record = v.show(&a.id)?;
    if ctx.out.json {
        return ctx.out.json(&record);
    }
    ctx.out.line(&ctx.out.record_full(&record))?;
    if record.revision > 1 {
        ctx.out.note(&format!(
            "(revision {}; see earlier ones with --history)",
            record.revision
        ));
    }
    Ok(())
}

fn amend(ctx: &Ctx, a: AmendArgs) -> Result<()> {
    if a.fields.is_empty() {
        return Err(Error::Invalid(
            "give at least one field to change, e.g. --where or --what".into(),
        ));
    }
    let mut v = ctx.unlock()?;
    let (id, rev) = v.amend(&a.id, |incident| apply_fields(&a.fields, incident))?;
    if ctx.out.json {
        return ctx
            .out
            .json(&serde_json::json!({ "id": id, "revision": rev }));
    }
    ctx.out.line(&format!("{id} revision {rev}"))?;
    Ok(())
}

fn attach(ctx: &Ctx, a: AttachArgs) -> Result<()> {
    check_attachable(&a.files)?;
    let mut vault = ctx.open()?;
    let id = vault.resolve_id(&a.id)?;
    let outcomes = attach_files(ctx, &mut vault, &id, &a.files, a.remove_original)?;
    if ctx.out.json {
        return ctx.out.json(&outcomes);
    }
    for o in &outcomes {
        ctx.out.line(&o.id)?;
    }
    Ok(())
}

fn extract(ctx: &Ctx, a: ExtractArgs) -> Result<()> {
    let mut v = ctx.unlock()?;
    let body = match (&a.out, a.stdout) {
        (Some(path), _) => {
            let bar = progress::bytes(u64::MAX >> 1, "decrypting", ctx.out.quiet);
            let tick = |n: u64| {
                if let Some(b) = &bar {
                    b.set_position(n)
                }
            };
            let body = v.extract(&a.id, a.attachment, ExtractTarget::File(path), Some(&tick));
            if let Some(b) = &bar {
                b.finish_and_clear();
            }
            body?
        }
        (None, _) => {
            let mut stdout = std::io::stdout().lock();
            v.extract(
                &a.id,
                a.attachment,
                ExtractTarget::Writer(&mut stdout),
                None,
            )?
        }
    };
    ctx.out.note(&format!(
        "{}: {} bytes, SHA-256 {} verified",
        body.name, body.size, body.sha256
    ));
    Ok(())
}

fn passwd(ctx: &Ctx, a: PasswdArgs) -> Result<()> {
    let mut v = ctx.unlock()?;
    let new = passphrase::new(a.new_passphrase_file.as_deref(), "New passphrase")?;
    v.change_passphrase(&new, None)?;
    ctx.out
        .note("passphrase changed; the old one no longer opens this vault");
    Ok(())
}

fn info(ctx: &Ctx) -> Result<()> {
    let mut vault = ctx.open()?;
    let info = vault.info()?;
    if ctx.out.json {
        return ctx.out.json(&info);
    }
    let lines = [
        format!("Vault:        {}", info.path.display()),
        format!("Format:       version {}", info.format_version),
        format!("Fingerprint:  {}", info.fingerprint),
        format!("Signing key:  {}", info.signing_key),
        format!(
            "KDF:          Argon2id, {} MiB, {} iterations, {} lanes",
            info.kdf.memory_mib, info.kdf.iterations, info.kdf.parallelism
        ),
        format!("Keyslots:     {}", info.keyslots),
        format!(
            "Incidents:    {} ({} revisions), {} attachments",
            info.incidents, info.revisions, info.attachments
        ),
        format!(
            "Ledger:       {} entries, {} checkpoints, {} not yet signed",
            info.ledger_entries, info.checkpoints, info.unchecked_entries
        ),
    ];
    for l in lines {
        ctx.out.line(&l)?;
    }
    Ok(())
}

fn key_export(ctx: &Ctx, out: &Path) -> Result<()> {
    let v = ctx.unlock()?;
    v.export_master_key(out)?;
    ctx.out.warn(&format!(
        "{} holds the vault's master key: anyone who gets it can read every record and attachment. Keep it offline and delete it when done.",
        out.display()
    ));
    Ok(())
}
