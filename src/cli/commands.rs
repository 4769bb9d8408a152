//! One function per command. Each gathers input, calls the library, and prints the result.

use std::path::{Path, PathBuf};

use chrono::Local;
use vault::crypto::kdf::{self, KdfParams};
use vault::fl;
use vault::record::{Incident, Kind, Location, Party, Role};
use vault::vault::{AttachOptions, ExtractTarget, Unlocked, Vault};
use vault::when::When;
use vault::{Error, Result};

use super::args::*;
use super::flags::{parse_when, refused};
use super::i18n;
use super::output::{human_size, Out};
use super::terminal;
use super::{passphrase, progress};

/// The context every command gets.
pub(super) struct Ctx {
    dir: PathBuf,
    passphrase_file: Option<PathBuf>,
    out: Out,
}

impl Ctx {
    /// Opens the vault with the pin file of known vaults (see `vault::vault::pin`), without
    /// checking it yet.
    fn open_pinned(&self) -> Result<Vault> {
        let vault = Vault::open(&self.dir)?;
        Ok(match super::user_state_dir() {
            Some(dir) => vault.with_pin_file(dir.join(vault::vault::pin::PIN_FILE)),
            None => vault,
        })
    }

    /// Opens the vault (locked) and checks it against the pin file: a changed signing key or
    /// master recipient is refused before anything is written; a vault this computer has not
    /// seen is pinned, with a note showing its fingerprint.
    fn open(&self) -> Result<Vault> {
        let mut vault = self.open_pinned()?;
        let report = vault.check_pin()?;
        self.pin_notes(&report);
        Ok(vault)
    }

    fn pin_notes(&self, report: &vault::vault::PinReport) {
        for w in &report.warnings {
            self.out.warn(&w.to_string());
        }
        if let vault::vault::PinCheck::FirstUse { fingerprint } = &report.check {
            self.out
                .note(&fl!("cli-note-pin-first-use", fp = fingerprint));
        }
    }

    /// Lists what `add` and `attach` logged since the last checkpoint (escaped: anyone who can
    /// write the folder can plant these texts).
    fn logged_notes(&self, unlocked: &Unlocked) {
        use super::terminal::inline;
        use vault::vault::LoggedItem;
        if unlocked.logged_total == 0 {
            return;
        }
        self.out.note(&fl!("cli-note-logged-header"));
        let at = |t: &chrono::DateTime<chrono::Utc>| {
            When::At(t.with_timezone(&Local).fixed_offset()).human()
        };
        for item in &unlocked.logged {
            let line = match item {
                LoggedItem::Incident {
                    id,
                    kind,
                    recorded_at,
                    opening,
                } => fl!(
                    "cli-note-logged-incident",
                    id = inline(id).into_owned(),
                    kind = i18n::kind_name(*kind),
                    at = at(recorded_at),
                    text = inline(opening).into_owned()
                ),
                LoggedItem::Attachment {
                    record,
                    name,
                    attached_at,
                    ..
                } => fl!(
                    "cli-note-logged-attachment",
                    name = inline(name).into_owned(),
                    id = inline(record).into_owned(),
                    at = at(attached_at)
                ),
                LoggedItem::Unreadable { leaf } => fl!("cli-note-logged-unreadable", leaf = leaf),
            };
            self.out.note(&line);
        }
        let more = unlocked
            .logged_total
            .saturating_sub(unlocked.logged.len() as u64);
        if more > 0 {
            self.out.note(&fl!("cli-note-logged-more", n = more));
        }
        self.out.note(&fl!("cli-note-logged-check"));
    }

    /// Opens and unlocks: the unlock checks the pin, the trust seal and the entries since the
    /// last checkpoint before it signs them; lists what was logged without the passphrase.
    fn unlock(&self) -> Result<Unlocked> {
        // Through the hardware key when the vault has one (src/cli/hardware.rs).
        let (mut unlocked, _) = super::hardware::unlock(
            || self.open_pinned(),
            self.passphrase_file.as_deref(),
            &self.out,
        )?;
        if let Some(report) = &unlocked.pin_report {
            self.pin_notes(report);
        }
        self.logged_notes(&unlocked);
        // The list above already says what was signed; the bare count is for entries it does
        // not describe (the trust entry of a vault migrated now).
        if unlocked.new_entries > 0 && unlocked.logged_total == 0 {
            self.out
                .note(&fl!("cli-note-new-entries", n = unlocked.new_entries));
        }
        warn_missing(&self.out, unlocked.missing());
        super::custody_cmd::plan_refresh_notes(&self.out, &unlocked);
        let cleanup = unlocked.clean_leftovers()?;
        if cleanup.removed > 0 {
            self.out
                .note(&fl!("cli-note-leftovers", n = cleanup.removed));
        }
        if cleanup.quarantined > 0 {
            self.out
                .warn(&fl!("cli-warn-quarantined", n = cleanup.quarantined));
        }
        Ok(unlocked)
    }
}

/// A loud warning for each record revision or attachment the ledger records but the vault no
/// longer stores (a deletion or rollback: vault has no delete command). The ids come from the
/// database, so they go through `terminal::inline`.
fn warn_missing(out: &Out, missing: &[vault::vault::MissingItem]) {
    use super::terminal::inline;
    for m in missing {
        let id = inline(&m.record);
        let text = match (&m.attachment, m.revision, m.shown_instead) {
            (Some(a), _, _) => fl!(
                "cli-missing-attachment",
                att = inline(a).into_owned(),
                id = id
            ),
            (None, None, _) => fl!("cli-missing-incident", id = id),
            (None, Some(rev), Some(shown)) => {
                fl!("cli-missing-rollback", rev = rev, id = id, shown = shown)
            }
            (None, Some(rev), None) => fl!("cli-missing-revision", rev = rev, id = id),
        };
        out.warn(&text);
    }
}

/// `NoVault` for a folder on a drive that is not there (under /media, /mnt, /run/media or
/// /Volumes, or whose parent folder is missing too) becomes [`Error::VaultUnplugged`], which
/// asks to plug the drive in instead of suggesting `vault init` (a second, empty vault). The
/// default folder is never taken for a drive: on a new computer it is simply not made yet.
pub fn explain_missing(e: Error) -> Error {
    match e {
        Error::NoVault(dir) if looks_unplugged(&dir) && default_dir().ok() != Some(dir.clone()) => {
            Error::VaultUnplugged(dir)
        }
        other => other,
    }
}

/// True when `dir` is missing and so is its drive or parent folder.
fn looks_unplugged(dir: &Path) -> bool {
    const MOUNTS: [&str; 4] = ["/media", "/mnt", "/run/media", "/Volumes"];
    if dir.exists() {
        return false;
    }
    let parent_missing = dir
        .parent()
        .is_some_and(|p| !p.as_os_str().is_empty() && !p.exists());
    parent_missing || MOUNTS.iter().any(|m| dir.starts_with(m))
}

fn default_dir() -> Result<PathBuf> {
    dirs::data_dir()
        .map(|d| d.join("vault"))
        .ok_or_else(|| refused(fl!("cli-no-data-dir")))
}

/// Warns once per command when other users of the computer can read or change the vault
/// folder or the files vault keeps in it (a fixed handful of `lstat` calls).
fn warn_loose_permissions(ctx: &Ctx) {
    let db = vault::vault::DB_FILE;
    if !ctx.dir.join(db).exists() {
        return;
    }
    let wal = format!("{db}-wal");
    let shm = format!("{db}-shm");
    let names = [
        db,
        &wal,
        &shm,
        vault::vault::BLOB_DIR,
        vault::vault::QUARANTINE_DIR,
    ];
    let loose = vault::vault::loose_permissions(&ctx.dir, &names);
    if loose.is_empty() {
        return;
    }
    let paths: Vec<String> = loose
        .iter()
        .map(|p| super::terminal::inline(&p.display().to_string()).into_owned())
        .collect();
    ctx.out.warn(&fl!(
        "cli-warn-loose-permissions",
        paths = paths.join(", "),
        dir = super::terminal::inline(&ctx.dir.display().to_string()).into_owned()
    ));
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
    warn_loose_permissions(&ctx);
    let done = match cli.command {
        Command::Verify(a) => {
            return super::verify_cmd::verify(&ctx.dir, ctx.passphrase_file.as_deref(), &ctx.out, a)
        }
        Command::Init(a) => init(&ctx, a),
        Command::Add(a) => return add(&ctx, a),
        Command::List(a) => list(&ctx, a),
        Command::Search(a) => super::find_cmd::search(&mut ctx.unlock()?, &ctx.out, a),
        Command::Patterns(a) => super::find_cmd::patterns(&mut ctx.unlock()?, &ctx.out, a),
        Command::Report(a) => super::report_cmd::report(&mut ctx.unlock()?, &ctx.out, a),
        Command::Completions(a) => super::find_cmd::completions(a.shell),
        Command::Man(a) => super::find_cmd::man(a),
        Command::Show(a) => show(&ctx, a),
        Command::Amend(a) => return amend(&ctx, a),
        Command::Withdraw(a) => withdraw(&ctx, a),
        Command::Attach(a) => attach(&ctx, a),
        Command::Extract(a) => extract(&ctx, a),
        Command::Passwd(a) => passwd(&ctx, a),
        Command::Info => info(&ctx),
        Command::Key(KeyCommand::Export { out }) => key_export(&ctx, &out),
        Command::Receipt(a) => super::verify_cmd::receipt(
            &ctx.dir,
            &ctx.out,
            &a,
            ctx.passphrase_file.is_some(),
            || ctx.unlock(),
        ),
        Command::Keygen(a) if a.witness => {
            super::anchor_cmd::witness_keygen(&ctx.out, &a.out, a.name.as_deref())
        }
        Command::Keygen(a) => super::export_cmd::keygen(&ctx.out, &a.out),
        Command::Export(a) => super::export_cmd::export(&mut ctx.unlock()?, &ctx.out, a),
        Command::Exports => super::export_cmd::exports(&mut ctx.unlock()?, &ctx.out),
        Command::Disclose(a) => super::export_cmd::disclose(&mut ctx.unlock()?, &ctx.out, a),
        Command::Bundle(BundleCommand::Verify {
            file,
            identity,
            earlier,
            receipt,
            expect_fingerprint,
            tsa_cert,
            witness_key,
        }) => {
            return super::export_cmd::bundle_verify(
                &ctx.out,
                &file,
                &identity,
                earlier.as_deref(),
                receipt.as_deref(),
                expect_fingerprint.as_deref(),
                (tsa_cert.as_deref(), witness_key.as_deref()),
            )
        }
        Command::Bundle(BundleCommand::Open {
            file,
            identity,
            out,
            receipt,
            expect_fingerprint,
        }) => {
            return super::export_cmd::bundle_open(
                &ctx.out,
                &file,
                &identity,
                &out,
                receipt.as_deref(),
                expect_fingerprint.as_deref(),
            )
        }
        Command::Bundle(BundleCommand::Exhibit {
            file,
            identity,
            out,
            prefix,
            start,
            receipt,
            expect_fingerprint,
        }) => {
            return super::exhibit_cmd::bundle_exhibit(
                &ctx.out,
                &file,
                &identity,
                super::exhibit_cmd::ExhibitArgs {
                    out: &out,
                    prefix: &prefix,
                    start,
                    receipt: receipt.as_deref(),
                    expect: expect_fingerprint.as_deref(),
                },
            )
        }
        Command::Bundle(BundleCommand::Trust {
            fingerprint,
            name,
            vault_id,
        }) => super::export_cmd::bundle_trust(&ctx.out, &fingerprint, &name, vault_id.as_deref()),
        Command::Keyslot(c) => {
            super::maint_cmd::keyslot(&ctx.dir, ctx.passphrase_file.as_deref(), &ctx.out, c)
        }
        Command::Rekey(a) => {
            super::maint_cmd::rekey(&ctx.dir, ctx.passphrase_file.as_deref(), &ctx.out, a)
        }
        Command::Destroy(a) => {
            super::maint_cmd::destroy(&ctx.dir, ctx.passphrase_file.as_deref(), &ctx.out, a)
        }
        Command::Backup(a) => super::maint_cmd::backup(&ctx.dir, &ctx.out, a),
        Command::Restore(a) => super::maint_cmd::restore(&ctx.dir, &ctx.out, a),
        Command::Travel(c) => super::custody_cmd::travel(&ctx.dir, &ctx.out, c, || ctx.unlock()),
        Command::Plan(c) => super::custody_cmd::plan(&ctx.dir, &ctx.out, c, || ctx.unlock()),
        Command::Anchor(c) => super::anchor_cmd::anchor(&ctx.dir, &ctx.out, c, || ctx.unlock()),
        Command::Witness(c) => super::anchor_cmd::witness(&ctx.dir, &ctx.out, c, || ctx.unlock()),
    };
    done.map(|_| 0)
}

fn init(ctx: &Ctx, a: InitArgs) -> Result<()> {
    let params = KdfParams {
        memory_kib: a.kdf_memory_mib.map_or(Ok(kdf::DEFAULT.memory_kib), |m| {
            m.checked_mul(1024)
                .ok_or(Error::WeakKdf(vault::error::KdfLimit::MemoryTooLarge))
        })?,
        iterations: a.kdf_iterations.unwrap_or(kdf::DEFAULT.iterations),
        parallelism: a.kdf_parallelism.unwrap_or(kdf::DEFAULT.parallelism),
    };
    params.check_floor()?;
    check_folder_path(&ctx.dir)?;
    Vault::check_init_target(&ctx.dir)?;
    let pass = if a.generate_passphrase {
        super::maint_cmd::generate_passphrase(ctx.passphrase_file.as_deref())?
    } else {
        passphrase::new_checked(
            ctx.passphrase_file.as_deref(),
            &fl!("cli-new-vault-passphrase"),
            &fl!("cli-weak-hint-init"),
        )?
    };
    let mut vault = Vault::init(&ctx.dir, &pass, params)
        .map_err(|e| passphrase::weak_with_hint(e, &fl!("cli-weak-hint-init")))?;
    // This computer remembers the new vault (a later copy elsewhere starts with a first-use note).
    if let Some(dir) = super::user_state_dir() {
        vault = vault.with_pin_file(dir.join(vault::vault::pin::PIN_FILE));
        vault.repin()?;
    }
    if a.generate_passphrase {
        super::maint_cmd::show_generated_passphrase(&pass);
    }
    let info = vault.info()?;
    if ctx.out.json {
        return ctx.out.json(&info);
    }
    ctx.out.line(&fl!(
        "cli-created-vault",
        path = info.path.display().to_string()
    ))?;
    ctx.out
        .line(&fl!("cli-fingerprint-line", fp = info.fingerprint))?;
    ctx.out.note(&fl!("cli-init-note"));
    ctx.out.note(&fl!("cli-init-next-steps"));
    Ok(())
}

/// `init` makes the vault folder (and the folders above it): a file in the way is named in
/// plain words, not as the system's "File exists (os error 17)".
fn check_folder_path(dir: &Path) -> Result<()> {
    for p in dir.ancestors().filter(|p| !p.as_os_str().is_empty()) {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => return Ok(()),
            Ok(_) => {
                return Err(refused(fl!(
                    "cli-vault-path-is-file",
                    path = terminal::inline(&p.display().to_string()).into_owned()
                )))
            }
            Err(_) => continue,
        }
    }
    Ok(())
}

/// The note for stderr when `--when` named a time still to come today, so it was taken as the
/// previous day's ("7am" typed at 04:38).
fn previous_day_note(text: &str) -> Option<String> {
    let p = When::parse_explained(text, &Local::now()).ok()?;
    p.previous_day.then(|| {
        vault::fl!(
            "when-note-taken",
            input = terminal::inline(text).into_owned(),
            when = p.echo()
        )
    })
}

fn parse_parties(items: &[String], role: Role) -> Result<Vec<Party>> {
    items.iter().map(|t| Party::parse_as(t, role)).collect()
}

/// Applies the given flags to an incident (used by add on a blank one and by amend).
fn apply_fields(f: &FieldArgs, incident: &mut Incident) -> Result<()> {
    if let Some(k) = &f.kind {
        incident.kind = i18n::parse_kind(k)?;
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
        incident.agents = parse_parties(&f.agents, Role::Agent)?;
    }
    if !f.vehicles.is_empty() {
        incident.vehicles = parse_parties(&f.vehicles, Role::Vehicle)?;
    }
    if !f.witnesses.is_empty() {
        incident.witnesses = parse_parties(&f.witnesses, Role::Witness)?;
    }
    if !f.tags.is_empty() {
        incident.tags = f.tags.iter().map(|t| t.trim().to_owned()).collect();
    }
    incident.validate()
}

fn incident_from_flags(f: &FieldArgs) -> Result<Incident> {
    let kind: Kind = i18n::parse_kind(
        f.kind
            .as_deref()
            .ok_or_else(|| refused(fl!("cli-kind-required")))?,
    )?;
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
/// `recorded_at` and `attachments` belong to the vault and are ignored. The input is read as
/// it is parsed, at most [`vault::input::JSON_INPUT_MAX`] bytes (`source` names it in errors),
/// and what is read must pass the checks the flags of `add` pass ([`check_as_typed`]).
pub fn incident_from_json(reader: impl std::io::Read, source: &Path) -> Result<Incident> {
    let limit = vault::input::JSON_INPUT_MAX;
    let mut bounded = vault::input::Bounded::new(reader, limit);
    let parsed: std::result::Result<serde_json::Value, _> =
        serde_json::from_reader(std::io::BufReader::new(&mut bounded));
    let mut value = match parsed {
        Ok(v) => v,
        Err(_) if bounded.exceeded() => return Err(vault::input::too_large(source, limit)),
        Err(e) if e.is_io() => return Err(Error::file(source, e.into())),
        Err(e) => {
            return Err(refused(fl!(
                "cli-json-does-not-parse",
                detail = e.to_string()
            )))
        }
    };
    let obj = value
        .as_object_mut()
        .ok_or_else(|| refused(fl!("cli-json-one-object")))?;
    // `withdrawn` too: an incident logged anew is not withdrawn.
    for key in ["id", "revision", "recorded_at", "attachments", "withdrawn"] {
        obj.remove(key);
    }
    let incident: Incident = serde_json::from_value(value)
        .map_err(|e| refused(fl!("cli-incident-json-invalid", detail = e.to_string())))?;
    check_as_typed(incident, &Local::now())
}

/// What `add --from-json` stores passes the checks the flags pass: a time that is not in the
/// future (nor before the earliest the parser accepts), no empty agent, vehicle or witness, no
/// blank tag; values trimmed and blank ones dropped as the flags do.
pub fn check_as_typed<Tz: chrono::TimeZone>(
    mut incident: Incident,
    now: &chrono::DateTime<Tz>,
) -> Result<Incident>
where
    Tz::Offset: std::fmt::Display,
{
    incident
        .occurred_at
        .check_plausible(now)
        .map_err(|e| Error::Invalid(e.to_string()))?;
    let tidy = |v: &mut Option<String>| {
        *v = v
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned);
    };
    if let Some(loc) = &mut incident.location {
        tidy(&mut loc.text);
    }
    if incident
        .location
        .as_ref()
        .is_some_and(|l| *l == Location::default())
    {
        incident.location = None;
    }
    for p in incident
        .agents
        .iter_mut()
        .chain(incident.vehicles.iter_mut())
        .chain(incident.witnesses.iter_mut())
    {
        for v in [
            &mut p.description,
            &mut p.name,
            &mut p.badge,
            &mut p.agency,
            &mut p.plate,
            &mut p.contact,
        ] {
            tidy(v);
        }
        if *p == Party::default() {
            // The message the flags get for an empty entry.
            return Err(refused(fl!("cli-party-empty")));
        }
    }
    for tag in &mut incident.tags {
        *tag = tag.trim().to_owned();
    }
    incident.validate()?;
    Ok(incident)
}

/// `add --from-json PATH`: the incident from a file, or from standard input with `-`.
fn json_input(path: &Path) -> Result<Incident> {
    if path == Path::new("-") {
        incident_from_json(
            std::io::stdin().lock(),
            Path::new(&fl!("cli-standard-input")),
        )
    } else {
        let file = vault::input::open_within(path, vault::input::JSON_INPUT_MAX)?;
        incident_from_json(file, path)
    }
}

fn check_attachable(files: &[PathBuf]) -> Result<()> {
    for f in files {
        let meta = std::fs::metadata(f).map_err(|e| Error::file(f, e))?;
        if !meta.is_file() {
            return Err(refused(fl!(
                "cli-not-regular-file",
                path = f.display().to_string()
            )));
        }
        std::fs::File::open(f).map_err(|e| Error::file(f, e))?;
    }
    Ok(())
}

fn add(ctx: &Ctx, a: AddArgs) -> Result<u8> {
    let guided = a.from_json.is_none() && a.fields.is_empty();
    let mut when_note = None;
    let (incident, files) = match &a.from_json {
        Some(path) => (json_input(path)?, a.attach),
        None if guided && super::guided::available() => {
            // Open first, so a missing vault is reported before any question is asked.
            ctx.open()?;
            match super::guided::ask(a.attach)? {
                Some(answers) => answers,
                None => {
                    ctx.out.warn(&fl!("cli-guided-not-saved"));
                    return Ok(1);
                }
            }
        }
        None => {
            let incident = incident_from_flags(&a.fields)?;
            when_note = a.fields.when.as_deref().and_then(previous_day_note);
            (incident, a.attach)
        }
    };
    check_attachable(&files)?;
    let mut vault = ctx.open()?;
    let saved = (incident.kind, incident.occurred_at.clone());
    let id = vault.add(incident)?;
    if let Some(note) = when_note {
        ctx.out.note(&note);
    }
    let attached = attach_files(ctx, &mut vault, &id, &files, a.remove_original)?;
    if ctx.out.json {
        return ctx
            .out
            .json(&serde_json::json!({ "id": id, "attachments": attached }))
            .map(|_| 0);
    }
    // "Saved incident 3f2a1b9c (followed, Tue 10 Nov 2026, 7:00 am)": on a terminal in place of
    // the bare id; a script reading stdout still gets the id alone, the sentence as a note.
    let sentence = fl!(
        "cli-saved-incident",
        id = terminal::inline(id.get(..8).unwrap_or(&id)).into_owned(),
        kind = i18n::kind_name(saved.0),
        when = i18n::when_text(&saved.1)
    );
    if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        ctx.out.line(&sentence)?;
    } else {
        ctx.out.line(&id)?;
        ctx.out.note(&sentence);
    }
    Ok(0)
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
        let bar = progress::bytes(total, &fl!("cli-encrypting"), ctx.out.quiet);
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
        ctx.out.note(&fl!(
            "cli-attached-note",
            name = terminal::inline(&outcome.name).into_owned(),
            mtype = terminal::inline(&outcome.media_type).into_owned(),
            size = human_size(outcome.size),
            sha = outcome.sha256.as_str()
        ));
        if !outcome.metadata_readable {
            ctx.out.note(&fl!("cli-metadata-unreadable-note"));
        }
        for item in &outcome.identifying {
            ctx.out.warn(&fl!(
                "cli-identifying-metadata",
                name = terminal::inline(&outcome.name).into_owned(),
                item = terminal::inline(&super::i18n::identifying_text(item)).into_owned()
            ));
        }
        if outcome.original_removed {
            ctx.out.warn(&fl!(
                "cli-original-removed",
                path = terminal::inline(&file.display().to_string()).into_owned()
            ));
        }
        outcomes.push(outcome);
    }
    Ok(outcomes)
}

fn list(ctx: &Ctx, a: ListArgs) -> Result<()> {
    let filter = super::find_cmd::filter(&a.filter)?;
    let mut v = ctx.unlock()?;
    let all = v.list()?;
    let any = !all.is_empty();
    let hidden = if filter.include_withdrawn {
        0
    } else {
        all.iter().filter(|r| r.is_withdrawn()).count()
    };
    let records = filter.apply(all);
    if ctx.out.json {
        return ctx.out.json(&records);
    }
    if !any {
        ctx.out.note(&fl!("cli-no-incidents-yet"));
    } else if records.is_empty() {
        ctx.out.note(&fl!("cli-no-incidents-match"));
    }
    ctx.out.record_lines(&records)?;
    if hidden > 0 {
        ctx.out.note(&fl!("cli-withdrawn-hidden", n = hidden));
    }
    // The process ends next: freeing 100,000 views one by one would only delay it.
    std::mem::forget(records);
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
    if !record.attachments.is_empty() {
        duplicate_notes(ctx, &mut v, &record)?;
    }
    if record.revision > 1 {
        ctx.out
            .note(&fl!("cli-revision-note", rev = record.revision));
    }
    Ok(())
}

/// Notes each attachment of `record` whose file (same SHA-256) is attached elsewhere in the
/// vault too ([`Unlocked::same_files`]: only an unlocked vault can tell, and no hash index
/// readable without the passphrase is kept).
fn duplicate_notes(
    ctx: &Ctx,
    v: &mut Unlocked,
    record: &vault::vault::view::RecordView,
) -> Result<()> {
    for same in v.same_files(record)? {
        let name = record
            .attachments
            .iter()
            .find(|a| a.number == same.number)
            .map_or("", |a| a.name.as_str());
        ctx.out.note(&fl!(
            "cli-duplicate-attachment",
            n = same.number,
            name = terminal::inline(name).into_owned(),
            m = same.other_number,
            id = terminal::inline(same.record.get(..8).unwrap_or(&same.record)).into_owned()
        ));
    }
    Ok(())
}

fn amend(ctx: &Ctx, a: AmendArgs) -> Result<u8> {
    let (id, rev) = if a.fields.is_empty() && a.lists.is_empty() {
        // No field flag: on a terminal, ask for each field with its current value (no text
        // typed on the command line, so none in the shell's history).
        if ctx.out.json || !super::guided::available() {
            return Err(refused(fl!("cli-amend-needs-field")));
        }
        let mut v = ctx.unlock()?;
        let current = v.show(&a.id)?;
        let short = current.id.get(..8).unwrap_or(&current.id).to_owned();
        match super::guided::ask_amend(&short, current.incident())? {
            Some(changed) => v.amend(&current.id, |incident| {
                *incident = changed;
                Ok(())
            })?,
            None => {
                ctx.out.warn(&fl!("cli-guided-not-saved"));
                return Ok(1);
            }
        }
    } else {
        let mut v = ctx.unlock()?;
        v.amend(&a.id, |incident| {
            apply_fields(&a.fields, incident)?;
            apply_list_edits(&a.lists, incident)?;
            incident.validate()
        })?
    };
    if ctx.out.json {
        return ctx
            .out
            .json(&serde_json::json!({ "id": id, "revision": rev }))
            .map(|_| 0);
    }
    ctx.out.line(&fl!(
        "cli-amended-line",
        id = terminal::inline(&id).into_owned(),
        rev = rev
    ))?;
    Ok(0)
}

/// `--remove-agent N` then `--add-agent TEXT` (and the same for vehicles and witnesses): N as
/// `vault show` numbers them, from 1; several removals name the numbers shown before any of them.
fn apply_list_edits(e: &ListEdits, incident: &mut Incident) -> Result<()> {
    edit_list(
        &mut incident.agents,
        &e.remove_agents,
        &e.add_agents,
        Role::Agent,
        "--remove-agent",
    )?;
    edit_list(
        &mut incident.vehicles,
        &e.remove_vehicles,
        &e.add_vehicles,
        Role::Vehicle,
        "--remove-vehicle",
    )?;
    edit_list(
        &mut incident.witnesses,
        &e.remove_witnesses,
        &e.add_witnesses,
        Role::Witness,
        "--remove-witness",
    )
}

fn edit_list(
    list: &mut Vec<Party>,
    remove: &[usize],
    add: &[String],
    role: Role,
    flag: &str,
) -> Result<()> {
    let mut numbers: Vec<usize> = remove.to_vec();
    numbers.sort_unstable();
    numbers.dedup();
    if let Some(&bad) = numbers.iter().find(|n| **n == 0 || **n > list.len()) {
        let count: usize = list.len();
        let flag: String = flag.to_owned();
        return Err(refused(fl!(
            "cli-amend-no-such-item",
            flag = flag,
            n = bad,
            count = count
        )));
    }
    for n in numbers.into_iter().rev() {
        list.remove(n - 1);
    }
    list.extend(parse_parties(add, role)?);
    Ok(())
}

/// `vault withdraw ID --reason TEXT` (or `--undo`): a signed revision marking the incident as
/// entered by mistake, or bringing it back.
fn withdraw(ctx: &Ctx, a: WithdrawArgs) -> Result<()> {
    let mut v = ctx.unlock()?;
    let reason = if a.undo { None } else { a.reason.as_deref() };
    let (id, rev) = v.withdraw(&a.id, reason)?;
    if ctx.out.json {
        return ctx.out.json(&serde_json::json!({
            "id": id,
            "revision": rev,
            "withdrawn": reason.is_some(),
        }));
    }
    let id = terminal::inline(id.get(..8).unwrap_or(&id)).into_owned();
    if reason.is_some() {
        ctx.out
            .line(&fl!("cli-withdrawn-line", id = id, rev = rev))?;
        ctx.out.note(&fl!("cli-withdrawn-hint"));
    } else {
        ctx.out
            .line(&fl!("cli-unwithdrawn-line", id = id, rev = rev))?;
    }
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
        ctx.out.line(&terminal::inline(&o.id))?;
    }
    Ok(())
}

fn extract(ctx: &Ctx, a: ExtractArgs) -> Result<()> {
    let mut v = ctx.unlock()?;
    let body = match (&a.out, a.stdout) {
        (Some(path), _) => {
            let bar = progress::bytes(u64::MAX >> 1, &fl!("cli-decrypting"), ctx.out.quiet);
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
    if ctx.out.json && !a.stdout {
        return ctx.out.json(&serde_json::json!({
            "name": body.name,
            "size": body.size,
            "sha256": body.sha256,
            "verified": true,
        }));
    }
    ctx.out.note(&fl!(
        "cli-extracted-note",
        name = terminal::inline(&body.name).into_owned(),
        size = body.size,
        sha = terminal::inline(&body.sha256).into_owned()
    ));
    Ok(())
}

fn passwd(ctx: &Ctx, a: PasswdArgs) -> Result<()> {
    // Parameters typed by the owner are honoured down to the floor; without any, the library
    // uses at least the default (never lower parameters copied from a stored slot).
    let asked = match (a.kdf_memory_mib, a.kdf_iterations, a.kdf_parallelism) {
        (None, None, None) => None,
        (m, it, p) => Some(KdfParams {
            memory_kib: m.map_or(Ok(kdf::DEFAULT.memory_kib), |m| {
                m.checked_mul(1024)
                    .ok_or(Error::WeakKdf(vault::error::KdfLimit::MemoryTooLarge))
            })?,
            iterations: it.unwrap_or(kdf::DEFAULT.iterations),
            parallelism: p.unwrap_or(kdf::DEFAULT.parallelism),
        }),
    };
    if let Some(p) = asked {
        p.check_floor()?;
    }
    let mut v = ctx.unlock()?;
    let hint = fl!("cli-weak-hint-passwd");
    let new = passphrase::new_checked(
        a.new_passphrase_file.as_deref(),
        &fl!("cli-new-passphrase"),
        &hint,
    )?;
    let change = v
        .change_passphrase(&new, asked)
        .map_err(|e| passphrase::weak_with_hint(e, &hint))?;
    if let Some(reason) = &change.replaced_tampered {
        ctx.out.warn(&fl!(
            "cli-passwd-replaced-tampered",
            slot = change.slot.as_str(),
            reason = reason.to_string()
        ));
    }
    if ctx.out.json {
        return ctx.out.json(&change);
    }
    ctx.out.note(&fl!("cli-passphrase-changed"));
    Ok(())
}

fn info(ctx: &Ctx) -> Result<()> {
    let mut vault = ctx.open()?;
    let info = vault.info()?;
    if ctx.out.json {
        return ctx.out.json(&info);
    }
    let lines = [
        fl!("cli-info-vault", path = info.path.display().to_string()),
        fl!("cli-info-format", v = info.format_version),
        fl!("cli-info-fingerprint", fp = info.fingerprint),
        fl!("cli-info-signing-key", key = info.signing_key),
        match &info.kdf {
            Some(kdf) => fl!(
                "cli-info-kdf",
                mib = kdf.memory_mib,
                it = kdf.iterations,
                lanes = kdf.parallelism
            ),
            None if info.travelling.is_some() => fl!("cli-info-kdf-travelling"),
            // Only hardware-key (plugin) slots: no key derivation at all.
            None => fl!("cli-info-kdf-hardware"),
        },
        match &info.travelling {
            Some(t) => fl!("cli-info-travelling", leaf = t.since_leaf),
            None => fl!("cli-info-keyslots", n = info.keyslots),
        },
        fl!(
            "cli-info-incidents",
            n = info.incidents,
            rev = info.revisions,
            att = info.attachments
        ),
        fl!(
            "cli-info-ledger",
            n = info.ledger_entries,
            cp = info.checkpoints,
            unsigned = info.unchecked_entries
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
    ctx.out.warn(&fl!(
        "cli-key-export-warn",
        path = out.display().to_string()
    ));
    Ok(())
}
