//! Command-line definitions (clap derive). The man page and completions are generated from these.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// An encrypted, tamper-evident log of encounters with enforcement agents.
#[derive(Debug, Parser)]
#[command(name = "vault", version, about, long_about = None, after_help = EXAMPLES)]
pub struct Cli {
    /// Vault directory (default: the platform data directory, e.g. ~/.local/share/vault).
    #[arg(
        long,
        global = true,
        env = "VAULT_DIR",
        value_name = "DIR",
        display_order = 900
    )]
    pub vault: Option<PathBuf>,

    /// Read the passphrase from the first line of FILE (or /dev/fd/N) instead of asking.
    #[arg(
        long,
        global = true,
        env = "VAULT_PASSPHRASE_FILE",
        value_name = "FILE",
        display_order = 901
    )]
    pub passphrase_file: Option<PathBuf>,

    /// Print machine-readable JSON.
    #[arg(long, global = true, display_order = 902)]
    pub json: bool,

    /// Print only what was asked for (no progress bars, no notes).
    #[arg(long, short, global = true, display_order = 903)]
    pub quiet: bool,

    /// Language of messages: en or es (default: from LC_ALL, LC_MESSAGES or LANG).
    #[arg(
        long,
        global = true,
        value_name = "LANG",
        value_parser = ["en", "es"],
        display_order = 904
    )]
    pub lang: Option<String>,

    #[command(subcommand)]
    pub command: Command,
}

const EXAMPLES: &str = "Examples:
  vault init
  vault add                  (asks for each detail)
  vault add --kind followed --when now --where 'Main St & 5th' --what 'grey SUV followed me' --vehicle 'grey SUV; plate=ABC1234'
  vault list
  vault show 3f2a
  vault verify";

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new vault (asks for a passphrase twice).
    #[command(
        after_help = "Example:\n  vault init\n  vault --vault /media/usb/vault --passphrase-file pass.txt init"
    )]
    Init(InitArgs),
    /// Log an incident (needs no passphrase); with no field flags on a terminal, asks for each detail.
    #[command(
        after_help = "Examples:\n  vault add                  (asks for each detail, step by step)\n  vault add --kind photographed --when 'yesterday 3pm' --where 'outside the clinic' --what 'Two agents took photos of people entering. [[My neighbour Ana]] was with me.' --agent 'tall, grey jacket; badge=4411; agency=ICE'\n  vault add --from-json incident.json"
    )]
    Add(AddArgs),
    /// List incidents, newest first.
    #[command(
        after_help = "Examples:\n  vault list\n  vault list --since 2026-09-01 --until '1 week ago'\n  vault list --kind raid --tag school --with-attachments"
    )]
    List(ListArgs),
    /// Search every field of every incident for text (ignoring case and accents).
    #[command(
        after_help = "Examples:\n  vault search ABC1234\n  vault search grey suv          (every word must occur)\n  vault search ruiz --since 2026-09-01 --json"
    )]
    Search(SearchArgs),
    /// Show plates, badge numbers, agent names, vehicles and places that recur across incidents.
    #[command(
        after_help = "Examples:\n  vault patterns\n  vault patterns --since '90 days ago'\n  vault patterns --min 3 --json"
    )]
    Patterns(PatternsArgs),
    /// Write an UNENCRYPTED report for yourself: a printable HTML timeline, or CSV/JSON for your own analysis.
    #[command(
        after_help = "Examples:\n  vault report --out report.html\n  vault report --format csv --out incidents.csv --since 2026-09-01\n  vault report --format json --out incidents.json --yes"
    )]
    Report(ReportArgs),
    /// Show one incident in full.
    #[command(
        after_help = "Example:\n  vault show 3f2a          (a unique prefix of the id is enough)"
    )]
    Show(ShowArgs),
    /// Record a correction as a new revision (the old one is kept).
    #[command(after_help = "Example:\n  vault amend 3f2a --where 'corner of Main St and 6th'")]
    Amend(AmendArgs),
    /// Withdraw an incident entered by mistake (a signed revision; its history is kept).
    #[command(
        after_help = "Examples:\n  vault withdraw 3f2a --reason 'test entry'\n  vault withdraw 3f2a --undo        (bring it back)\n  vault list --include-withdrawn"
    )]
    Withdraw(WithdrawArgs),
    /// Attach photos, audio or video to an incident (needs no passphrase).
    #[command(
        after_help = "Example:\n  vault attach 3f2a photo.jpg voicemail.m4a --remove-original"
    )]
    Attach(AttachArgs),
    /// Decrypt an attachment, checking its SHA-256.
    #[command(
        after_help = "Example:\n  vault extract 3f2a --attachment 1 --out ~/Desktop/photo.jpg"
    )]
    Extract(ExtractArgs),
    /// Change the passphrase (re-encrypts nothing).
    #[command(after_help = "Example:\n  vault passwd")]
    Passwd(PasswdArgs),
    /// Show format version, fingerprint, KDF parameters and counts (no passphrase needed).
    #[command(after_help = "Example:\n  vault info\n  vault info --json")]
    Info,
    /// Master-key operations.
    #[command(
        subcommand,
        after_help = "Example:\n  vault key export --out master-key.txt"
    )]
    Key(KeyCommand),
    /// Check the whole vault for damage or tampering.
    #[command(
        after_help = "Examples:\n  vault verify                      (asks for the passphrase on a terminal for a full check)\n  vault verify --receipt receipt.txt"
    )]
    Verify(VerifyArgs),
    /// Write the current signed checkpoint as a short receipt to keep elsewhere.
    #[command(
        after_help = "Examples:\n  vault receipt --out receipt.txt   (asks for the passphrase when entries are not signed yet; email it to your lawyer or print it)\n  vault receipt --no-sign --out receipt.txt   (no passphrase: leaves out entries logged since the last unlock)"
    )]
    Receipt(ReceiptArgs),
    /// Create an age key for counsel (prints the public key to give to the activist).
    #[command(after_help = "Example:\n  vault keygen --out counsel.key")]
    Keygen(KeygenArgs),
    /// Export a redacted, encrypted, verifiable bundle for counsel.
    #[command(
        after_help = "Examples:\n  vault export --to age1... --all --redact witnesses --out case.age\n  vault export --to-file counsel.pub --since 2026-09-01 --until 2026-11-30 --strip-metadata --out case.age\n  vault export --passphrase --entries 3f2a 9b1c --redact 3f2a:location --out case.age"
    )]
    Export(ExportArgs),
    /// List every export made from this vault (the disclosure log).
    #[command(after_help = "Example:\n  vault exports")]
    Exports,
    /// Reveal a field withheld from an earlier export, as a small verifiable bundle.
    #[command(
        after_help = "Example:\n  vault disclose --bundle-of 5e1c --entry 3f2a --field witnesses --to age1... --out witnesses.age"
    )]
    Disclose(DiscloseArgs),
    /// Counsel's side: verify or open a bundle.
    #[command(
        subcommand,
        after_help = "Examples:\n  vault bundle verify case.age --identity counsel.key\n  vault bundle open case.age --identity counsel.key --out case/"
    )]
    Bundle(BundleCommand),
    /// Manage keyslots: list them, add a recovery code or another passphrase, remove one.
    #[command(
        subcommand,
        after_help = "Examples:\n  vault keyslot list\n  vault keyslot add --recovery\n  vault keyslot remove 3f2a"
    )]
    Keyslot(KeyslotCommand),
    /// Replace the master key after a suspected compromise (re-encrypts everything; other keyslots are removed).
    #[command(
        after_help = "Examples:\n  vault rekey\n  vault rekey --new-passphrase      (also change the passphrase)"
    )]
    Rekey(RekeyArgs),
    /// Crypto-erase the vault: overwrite its keys, then delete it. Ask a lawyer first (see SECURITY.md).
    #[command(
        after_help = "Example:\n  vault destroy                     (asks you to type the fingerprint)"
    )]
    Destroy(DestroyArgs),
    /// Write the whole vault (still encrypted) to one backup file; safe while other commands run.
    #[command(after_help = "Example:\n  vault backup --out /media/usb/vault-2026-11-20.backup")]
    Backup(BackupArgs),
    /// Recreate a vault from a backup file in a new directory (--vault DIR).
    #[command(
        after_help = "Example:\n  vault --vault ~/restored restore /media/usb/vault-2026-11-20.backup\n  vault --vault ~/restored verify --receipt receipt.txt"
    )]
    Restore(RestoreArgs),
    /// Travel mode: move every keyslot off this device, encrypted to someone else's key, and back.
    #[command(
        subcommand,
        after_help = "Examples:\n  vault travel start --escrow-to age1... --out escrow.age   (give escrow.age to your lawyer)\n  vault travel end --from escrow.age --identity counsel.key"
    )]
    Travel(TravelCommand),
    /// Detention plan: trusted people who, together, can open an up-to-date bundle for your lawyer.
    #[command(
        subcommand,
        after_help = "Examples:\n  vault plan set --trustee age1... --trustee age1... --trustee ssh-ed25519... --threshold 2 --folder ~/Sync/plan\n  vault plan show\n  vault plan combine share-1-of-3-0a1b2c3d.age share-3-of-3-0a1b2c3d.age --identity me.key --out release.key"
    )]
    Plan(PlanCommand),
    /// Timestamps from an outside authority (RFC 3161): proof that a checkpoint existed by a given time.
    #[command(
        subcommand,
        after_help = "Examples:\n  vault anchor request --out checkpoint.tsq\n  openssl ts -reply ... (or send checkpoint.tsq to a timestamp authority)\n  vault anchor import checkpoint.tsr --tsa-cert tsa-ca.pem\n  vault anchor export --out token.tsr --note checkpoint.txt"
    )]
    Anchor(AnchorCommand),
    /// Counsel as a witness: cosign the vault's checkpoints, refusing a rewritten history.
    #[command(
        subcommand,
        after_help = "Examples:\n  vault witness request --out for-counsel.txt          (the activist)\n  vault witness cosign for-counsel.txt --key witness.key --out cosigned.txt   (counsel)\n  vault witness import cosigned.txt                    (the activist)"
    )]
    Witness(WitnessCommand),
    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  vault completions bash > ~/.local/share/bash-completion/completions/vault\n  vault completions zsh > ~/.zfunc/_vault\n  vault completions fish > ~/.config/fish/completions/vault.fish"
    )]
    Completions(CompletionsArgs),
    /// Print the manual page (roff), or write one page per command into a folder.
    #[command(
        after_help = "Examples:\n  vault man > vault.1 && man ./vault.1\n  vault --lang es man > vault.1      (in Spanish)\n  vault man --out man1               (vault.1, vault-add.1, vault-list.1, ...)"
    )]
    Man(ManArgs),
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write vault.1 and one page per command (vault-add.1, ...) into DIR instead of printing vault.1.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// `--kind` takes any text (Spanish names and everyday words such as "photograph" are read
/// when the command runs, `i18n::parse_kind`), and offers the stored names to the shells'
/// completion.
#[derive(Debug, Clone, Copy)]
pub struct KindHint;

impl clap::builder::TypedValueParser for KindHint {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            vault::record::Kind::ALL
                .iter()
                .map(|k| clap::builder::PossibleValue::new(k.as_str())),
        ))
    }
}

#[derive(Debug, Args)]
pub struct KeygenArgs {
    /// The new identity file (mode 0600; never overwritten).
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Make a witness key (Ed25519) for cosigning the activist's checkpoints instead of an age key.
    #[arg(long)]
    pub witness: bool,
    /// The witness's name in its cosignatures (default: counsel/ and 8 random hex digits).
    #[arg(long, value_name = "NAME", requires = "witness")]
    pub name: Option<String>,
}

/// Recipient options shared by export and disclose.
#[derive(Debug, Args)]
pub struct RecipientArgs {
    /// A recipient: an age public key (age1...) or an SSH public key (ssh-ed25519/ssh-rsa). Repeatable.
    #[arg(long = "to", value_name = "RECIPIENT")]
    pub to: Vec<String>,
    /// A file of recipients, one per line (# comments allowed). Repeatable.
    #[arg(long = "to-file", value_name = "FILE")]
    pub to_file: Vec<PathBuf>,
    /// Encrypt to a passphrase instead (asked twice, or read from VAULT_BUNDLE_PASSPHRASE_FILE).
    #[arg(long, conflicts_with_all = ["to", "to_file"])]
    pub passphrase: bool,
    /// Encrypt to a strong passphrase made up for you (six random words), shown once.
    #[arg(long, conflicts_with_all = ["to", "to_file", "passphrase"])]
    pub generate_passphrase: bool,
    /// Confirm in advance: encrypt to every key a key file holds, and apply a policy file that
    /// discloses private spans (needed when not on a terminal).
    #[arg(long)]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub recipients: RecipientArgs,
    /// Export these incidents (ids or unique prefixes).
    #[arg(long, num_args = 1.., value_name = "ID", group = "selection")]
    pub entries: Vec<String>,
    /// Export every incident.
    #[arg(long, group = "selection")]
    pub all: bool,
    /// Export incidents from this time on.
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,
    /// Export incidents up to this time.
    #[arg(long, value_name = "TIME")]
    pub until: Option<String>,
    /// Export incidents with this tag.
    #[arg(long, value_name = "TAG", group = "selection")]
    pub tag: Option<String>,
    /// Withhold a field from every incident (FIELD) or one (ID:FIELD). Fields: kind, when,
    /// location, narrative, agents, vehicles, witnesses, tags, attachments, recorded_at. Repeatable.
    #[arg(long = "redact", value_name = "FIELD")]
    pub redact: Vec<String>,
    /// A JSON redaction policy (see docs/cli.md).
    #[arg(long, value_name = "FILE")]
    pub redact_policy: Option<PathBuf>,
    /// Withhold exact locations; disclose coordinates rounded to N decimals, marked as derived.
    #[arg(long, value_name = "N")]
    pub coarsen_location: Option<u8>,
    /// Also disclose the narrative's [[private]] spans (withheld by default).
    #[arg(long)]
    pub disclose_private: bool,
    /// Export copies of images with identifying metadata (GPS, serials, XMP, maker notes) removed.
    #[arg(long)]
    pub strip_metadata: bool,
    /// Leave attachment files out (their hashes are still included).
    #[arg(long)]
    pub no_attachments: bool,
    /// Confirm in advance that identifying metadata may be exported (needed when not on a terminal).
    #[arg(long)]
    pub allow_identifying_metadata: bool,
    /// The bundle file to write (never overwritten).
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
}

#[derive(Debug, Args)]
pub struct DiscloseArgs {
    #[command(flatten)]
    pub recipients: RecipientArgs,
    /// The export id (or prefix) of the earlier bundle, as `vault exports` lists it.
    #[arg(long, value_name = "EXPORT")]
    pub bundle_of: String,
    /// The incident whose field to reveal.
    #[arg(long, value_name = "ID")]
    pub entry: String,
    /// The field to reveal (repeatable); `narrative.private` reveals every private span.
    #[arg(long = "field", value_name = "FIELD", required = true)]
    pub fields: Vec<String>,
    /// The disclosure bundle to write.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum BundleCommand {
    /// Check a bundle: signature, inclusion proofs, disclosed fields, attachment hashes.
    #[command(after_help = "Example:\n  vault bundle verify case.age --identity counsel.key")]
    Verify {
        /// The bundle file.
        file: PathBuf,
        #[command(flatten)]
        identity: IdentityArgs,
        /// An earlier bundle this one supplements (a later disclosure): check they agree.
        #[arg(long, value_name = "FILE")]
        earlier: Option<PathBuf>,
        /// A receipt received earlier from the vault's owner: check this bundle extends it.
        #[arg(long, value_name = "FILE")]
        receipt: Option<PathBuf>,
        /// Fail unless the bundle is signed by the key with this fingerprint (for scripts).
        #[arg(long, value_name = "FINGERPRINT")]
        expect_fingerprint: Option<String>,
        /// Check the bundle's timestamps against this timestamp authority certificate (PEM or DER).
        #[arg(long, value_name = "FILE")]
        tsa_cert: Option<PathBuf>,
        /// Check the bundle's cosignatures against your witness key (key file, or the public key line).
        #[arg(long, value_name = "FILE")]
        witness_key: Option<PathBuf>,
    },
    /// Verify a bundle, then extract it into a new directory.
    #[command(
        after_help = "Example:\n  vault bundle open case.age --identity counsel.key --out case/"
    )]
    Open {
        /// The bundle file.
        file: PathBuf,
        #[command(flatten)]
        identity: IdentityArgs,
        /// The directory to create.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// A receipt received earlier from the vault's owner: check this bundle extends it.
        #[arg(long, value_name = "FILE")]
        receipt: Option<PathBuf>,
        /// Fail unless the bundle is signed by the key with this fingerprint (for scripts).
        #[arg(long, value_name = "FINGERPRINT")]
        expect_fingerprint: Option<String>,
    },
    /// Verify a bundle, then make its court packet again into a new folder, with your own page ids.
    #[command(
        after_help = "Example:\n  vault bundle exhibit case.age --identity counsel.key --out exhibit/ --prefix SMITH --start 101\n  vault --lang es bundle exhibit case.age --identity counsel.key --out anexo/   (in Spanish)"
    )]
    Exhibit {
        /// The bundle file.
        file: PathBuf,
        #[command(flatten)]
        identity: IdentityArgs,
        /// The folder to create for exhibit.pdf, chronology.csv, declaration.txt and report.html.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// The page-id prefix (1 to 16 letters, digits, - or _).
        #[arg(long, value_name = "PREFIX", default_value = "VAULT")]
        prefix: String,
        /// The number of the first page.
        #[arg(long, value_name = "N", default_value_t = 1)]
        start: u64,
        /// A receipt received earlier from the vault's owner: check this bundle extends it.
        #[arg(long, value_name = "FILE")]
        receipt: Option<PathBuf>,
        /// Fail unless the bundle is signed by the key with this fingerprint (for scripts).
        #[arg(long, value_name = "FINGERPRINT")]
        expect_fingerprint: Option<String>,
    },
    /// Trust a sender's fingerprint (read out to you by phone or in person) under a name.
    #[command(
        after_help = "Example:\n  vault bundle trust '04561 46287 45811 42252 45019 28186' --name 'Ana R.'"
    )]
    Trust {
        /// The fingerprint, six groups of five digits (quote it).
        fingerprint: String,
        /// Who the sender is, as you will recognise them.
        #[arg(long, value_name = "NAME")]
        name: String,
        /// The sender's vault id (`vault info`), if known; otherwise it is learned from the first
        /// bundle that verifies under this fingerprint.
        #[arg(long, value_name = "ID")]
        vault_id: Option<String>,
    },
}

#[derive(Debug, Args)]
pub struct IdentityArgs {
    /// An age identity file or an unencrypted OpenSSH private key.
    #[arg(
        long,
        short = 'i',
        value_name = "KEY",
        required_unless_present = "passphrase"
    )]
    pub identity: Option<PathBuf>,
    /// The bundle was encrypted to a passphrase (asked, or read from VAULT_BUNDLE_PASSPHRASE_FILE).
    #[arg(long)]
    pub passphrase: bool,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Argon2id memory in MiB (64 to 4096).
    #[arg(long, value_name = "N")]
    pub kdf_memory_mib: Option<u32>,
    /// Argon2id iterations (3 to 16; memory times passes at most 16 GiB).
    #[arg(long, value_name = "N")]
    pub kdf_iterations: Option<u32>,
    /// Argon2id lanes (4 to 16).
    #[arg(long, value_name = "N")]
    pub kdf_parallelism: Option<u32>,
    /// Make up a strong passphrase (six random words), show it once, and use it.
    #[arg(long)]
    pub generate_passphrase: bool,
}

/// The incident fields shared by `add` and `amend`.
#[derive(Debug, Args, Default)]
pub struct FieldArgs {
    /// followed, photographed, contacted, visited, raid, arrest, online or other.
    #[arg(long, value_parser = KindHint, hide_possible_values = true)]
    pub kind: Option<String>,
    /// When it happened: now, 2026-11-20 14:30, 2026-11-20, RFC 3339, yesterday 3pm, ...
    #[arg(long, value_name = "TIME")]
    pub when: Option<String>,
    /// Where it happened (free text).
    #[arg(long = "where", value_name = "TEXT")]
    pub location: Option<String>,
    /// Coordinates as LAT,LON in decimal degrees.
    #[arg(long, value_name = "LAT,LON", allow_hyphen_values = true)]
    pub coords: Option<String>,
    /// What happened. Put [[double brackets]] around anything private (names, addresses).
    #[arg(long = "what", value_name = "TEXT")]
    pub narrative: Option<String>,
    /// An agent: free text and/or `name=..; badge=..; agency=..` (repeatable).
    #[arg(long = "agent", value_name = "TEXT")]
    pub agents: Vec<String>,
    /// A vehicle: free text and/or `plate=..` (repeatable).
    #[arg(long = "vehicle", value_name = "TEXT")]
    pub vehicles: Vec<String>,
    /// A witness: free text and/or `name=..; contact=..` (repeatable).
    #[arg(long = "witness", value_name = "TEXT")]
    pub witnesses: Vec<String>,
    /// A tag (repeatable).
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
}

impl FieldArgs {
    /// True when no field flag was given.
    pub fn is_empty(&self) -> bool {
        self.kind.is_none()
            && self.when.is_none()
            && self.location.is_none()
            && self.coords.is_none()
            && self.narrative.is_none()
            && self.agents.is_empty()
            && self.vehicles.is_empty()
            && self.witnesses.is_empty()
            && self.tags.is_empty()
    }
}

#[derive(Debug, Args)]
pub struct AddArgs {
    #[command(flatten)]
    pub fields: FieldArgs,
    /// Read the incident as JSON (the keys `show --json` prints) from FILE, or - for stdin.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["kind", "when", "location", "coords", "narrative", "agents", "vehicles", "witnesses", "tags"])]
    pub from_json: Option<PathBuf>,
    /// Files to attach.
    #[arg(long = "attach", value_name = "FILE", num_args = 1..)]
    pub attach: Vec<PathBuf>,
    /// Overwrite and delete the originals once the encrypted copies are safely stored.
    #[arg(long, requires = "attach")]
    pub remove_original: bool,
}

/// Which incidents `list`, `search`, `patterns` and `report` look at.
#[derive(Debug, Args, Default)]
pub struct FilterArgs {
    /// Only incidents from this time on (e.g. 2026-09-01, '3 days ago', 'last monday').
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,
    /// Only incidents up to this time (a date alone includes that whole day).
    #[arg(long, value_name = "TIME")]
    pub until: Option<String>,
    /// Only incidents of this kind.
    #[arg(long, value_name = "KIND", value_parser = KindHint, hide_possible_values = true)]
    pub kind: Option<String>,
    /// Only incidents with this tag.
    #[arg(long, value_name = "TAG")]
    pub tag: Option<String>,
    /// Only incidents with at least one attachment.
    #[arg(long)]
    pub with_attachments: bool,
    /// Also incidents withdrawn as entered by mistake (`vault withdraw`).
    #[arg(long)]
    pub include_withdrawn: bool,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The words to look for; an incident matches when it contains all of them.
    #[arg(required = true, value_name = "TEXT")]
    pub text: Vec<String>,
    #[command(flatten)]
    pub filter: FilterArgs,
}

#[derive(Debug, Args)]
pub struct PatternsArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Only show what occurs in at least N incidents (2 or more).
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub min: usize,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The file to write (never overwritten).
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// html, csv or json (default: from the extension of --out, else html).
    #[arg(long, value_name = "FORMAT", value_parser = ["html", "csv", "json"])]
    pub format: Option<String>,
    /// Do not ask: confirm in advance that an unencrypted file may be written.
    #[arg(long)]
    pub yes: bool,
    #[command(flatten)]
    pub filter: FilterArgs,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// bash, zsh, fish, elvish or powershell.
    #[arg(value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Incident id or a unique prefix of it.
    pub id: String,
    /// Show every revision, oldest first.
    #[arg(long)]
    pub history: bool,
}

#[derive(Debug, Args)]
pub struct AmendArgs {
    /// Incident id or a unique prefix of it.
    pub id: String,
    #[command(flatten)]
    pub fields: FieldArgs,
    #[command(flatten)]
    pub lists: ListEdits,
}

/// `amend` flags that add one line to a list or remove one, leaving the rest as it is.
#[derive(Debug, Args, Default)]
pub struct ListEdits {
    /// Add an agent to the ones already there (repeatable).
    #[arg(long = "add-agent", value_name = "TEXT", conflicts_with = "agents")]
    pub add_agents: Vec<String>,
    /// Remove agent number N, as `vault show` numbers them (repeatable).
    #[arg(long = "remove-agent", value_name = "N", conflicts_with = "agents")]
    pub remove_agents: Vec<usize>,
    /// Add a vehicle to the ones already there (repeatable).
    #[arg(long = "add-vehicle", value_name = "TEXT", conflicts_with = "vehicles")]
    pub add_vehicles: Vec<String>,
    /// Remove vehicle number N, as `vault show` numbers them (repeatable).
    #[arg(long = "remove-vehicle", value_name = "N", conflicts_with = "vehicles")]
    pub remove_vehicles: Vec<usize>,
    /// Add a witness to the ones already there (repeatable).
    #[arg(
        long = "add-witness",
        value_name = "TEXT",
        conflicts_with = "witnesses"
    )]
    pub add_witnesses: Vec<String>,
    /// Remove witness number N, as `vault show` numbers them (repeatable).
    #[arg(
        long = "remove-witness",
        value_name = "N",
        conflicts_with = "witnesses"
    )]
    pub remove_witnesses: Vec<usize>,
}

impl ListEdits {
    /// True when no list flag was given.
    pub fn is_empty(&self) -> bool {
        self.add_agents.is_empty()
            && self.remove_agents.is_empty()
            && self.add_vehicles.is_empty()
            && self.remove_vehicles.is_empty()
            && self.add_witnesses.is_empty()
            && self.remove_witnesses.is_empty()
    }
}

#[derive(Debug, Args)]
pub struct WithdrawArgs {
    /// Incident id or a unique prefix of it.
    pub id: String,
    /// Why it is withdrawn, e.g. 'entered by mistake' or 'test entry'.
    #[arg(long, value_name = "TEXT", required_unless_present = "undo")]
    pub reason: Option<String>,
    /// Bring a withdrawn incident back (a new revision without the withdrawal).
    #[arg(long, conflicts_with = "reason")]
    pub undo: bool,
}

#[derive(Debug, Args)]
pub struct AttachArgs {
    /// Incident id or a unique prefix of it.
    pub id: String,
    /// Files to attach.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Overwrite and delete the originals once the encrypted copies are safely stored.
    #[arg(long)]
    pub remove_original: bool,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Incident id or a unique prefix of it.
    pub id: String,
    /// Which attachment, counting from 1 in the order `show` lists them.
    #[arg(long, default_value_t = 1)]
    pub attachment: u64,
    /// Write to this new file (never overwritten).
    #[arg(
        long,
        value_name = "PATH",
        required_unless_present = "stdout",
        conflicts_with = "stdout"
    )]
    pub out: Option<PathBuf>,
    /// Write to standard output.
    #[arg(long)]
    pub stdout: bool,
}

#[derive(Debug, Args)]
pub struct PasswdArgs {
    /// Read the new passphrase from the first line of FILE instead of asking.
    #[arg(long, value_name = "FILE")]
    pub new_passphrase_file: Option<PathBuf>,
    /// Argon2id memory in MiB for the new keyslot (at least 64; if no --kdf option is given:
    /// the default of 256, or the old keyslot's if stronger).
    #[arg(long, value_name = "N")]
    pub kdf_memory_mib: Option<u32>,
    /// Argon2id iterations for the new keyslot (3 to 16).
    #[arg(long, value_name = "N")]
    pub kdf_iterations: Option<u32>,
    /// Argon2id lanes for the new keyslot (4 to 16).
    #[arg(long, value_name = "N")]
    pub kdf_parallelism: Option<u32>,
}

#[derive(Debug, Subcommand)]
pub enum KeyCommand {
    /// Write the master key as a standard age identity file (anyone with it can read everything).
    #[command(after_help = "Example:\n  vault key export --out /media/usb/master-key.txt")]
    Export {
        /// The new file to write (mode 0600; never overwritten).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// Also decrypt everything and check every field digest and attachment hash (needs the passphrase).
    #[arg(long)]
    pub full: bool,
    /// Prove the vault's log extends this earlier receipt (detects rollback).
    #[arg(long, value_name = "FILE")]
    pub receipt: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ReceiptArgs {
    /// The new file to write.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Do not unlock: write the newest signed checkpoint as it is, leaving out (with a warning)
    /// entries logged since the last unlock.
    #[arg(long)]
    pub no_sign: bool,
}

// --- maintenance: keyslot, rekey, destroy, backup, restore

#[derive(Debug, Subcommand)]
pub enum KeyslotCommand {
    /// List keyslots: id, kind and key-derivation parameters (no passphrase needed).
    List,
    /// Add a keyslot: a recovery code (--recovery), a hardware key (--plugin) or another passphrase.
    #[command(
        after_help = "Examples:\n  vault keyslot add --recovery      (prints a recovery code once: write it on paper)\n  vault keyslot add                 (asks for another passphrase)\n  vault keyslot add --plugin age1yubikey1... --plugin-identity yubikey-identity.txt"
    )]
    Add {
        /// Add a generated recovery code instead of a passphrase.
        #[arg(long, conflicts_with_all = ["new_passphrase_file", "plugin"])]
        recovery: bool,
        /// Read the new passphrase from the first line of FILE instead of asking.
        #[arg(long, value_name = "FILE", conflicts_with = "plugin")]
        new_passphrase_file: Option<PathBuf>,
        /// Add a hardware key: the age plugin recipient it prints (age1yubikey1..., age1fido2-hmac1...).
        #[arg(long, value_name = "RECIPIENT", requires = "plugin_identity")]
        plugin: Option<String>,
        /// The plugin identity file that goes with --plugin (AGE-PLUGIN-...-1...; it names the device, it is no secret without it).
        #[arg(long, value_name = "FILE", requires = "plugin")]
        plugin_identity: Option<PathBuf>,
    },
    /// Remove a keyslot (never the last one, nor the last passphrase or hardware-key slot).
    #[command(after_help = "Example:\n  vault keyslot remove 3f2a")]
    Remove {
        /// Keyslot id or a unique prefix of it (see `vault keyslot list`).
        id: String,
    },
}

#[derive(Debug, Args)]
pub struct RekeyArgs {
    /// Also change the passphrase (asked twice on the terminal).
    #[arg(long)]
    pub new_passphrase: bool,
    /// Also change the passphrase, reading the new one from the first line of FILE.
    #[arg(long, value_name = "FILE", conflicts_with = "new_passphrase")]
    pub new_passphrase_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct DestroyArgs {
    /// Do not ask for the fingerprint as confirmation.
    #[arg(long)]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The backup file to write (never overwritten).
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The backup file written by `vault backup`.
    pub file: PathBuf,
}

// --- custody: travel mode and the detention plan

#[derive(Debug, Subcommand)]
pub enum TravelCommand {
    /// Encrypt every keyslot to the escrow key into FILE, then remove them from this device.
    #[command(
        after_help = "Example:\n  vault travel start --escrow-to age1... --out escrow.age\n  (afterwards nothing opens the vault here, with any passphrase: `vault add` still works)"
    )]
    Start {
        /// The escrow holder's age or SSH public key (counsel's; repeat for more than one).
        #[arg(long, value_name = "KEY", required = true)]
        escrow_to: Vec<String>,
        /// The escrow file to write (never overwritten); keep it off this device.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Bring the keyslots back from the escrow file, opened with the escrow holder's key.
    #[command(
        after_help = "Example:\n  vault travel end --from escrow.age --identity counsel.key"
    )]
    End {
        /// The escrow file `vault travel start` wrote.
        #[arg(long, value_name = "FILE")]
        from: PathBuf,
        /// The escrow holder's identity file (age key or unencrypted SSH key).
        #[arg(long, value_name = "FILE", required = true)]
        identity: Vec<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum PlanCommand {
    /// Make a detention plan: a release key split among trustees, and a release bundle kept up to date.
    #[command(
        after_help = "Example:\n  vault plan set --trustee age1... --trustee age1... --trustee ssh-ed25519... --threshold 2 --counsel age1... --redact-policy policy.json --folder /media/usb/plan"
    )]
    Set {
        /// A trustee's age or SSH public key (repeat once per trustee).
        #[arg(long, value_name = "KEY", required = true)]
        trustee: Vec<String>,
        /// How many trustees must bring their shares together to open the bundle.
        #[arg(long, value_name = "COUNT")]
        threshold: usize,
        /// Counsel's age or SSH public key: release bundles are encrypted to counsel too.
        #[arg(long, value_name = "KEY")]
        counsel: Option<String>,
        /// What release bundles withhold, as for `vault export --redact-policy`.
        #[arg(long, value_name = "FILE")]
        redact_policy: Option<PathBuf>,
        /// Where shares and the release bundle go, e.g. a synced folder (default: beside the vault, named <vault>-plan).
        #[arg(long, value_name = "DIR")]
        folder: Option<PathBuf>,
    },
    /// Show the plan: trustees, threshold, folder, when the release bundle was last written.
    #[command(after_help = "Example:\n  vault plan show")]
    Show,
    /// Write the release bundle now (every unlock does it when something new was logged).
    #[command(after_help = "Example:\n  vault plan refresh")]
    Refresh,
    /// Replace the release key: new shares for the same trustees; old shares open no new bundle.
    #[command(after_help = "Example:\n  vault plan revoke")]
    Revoke,
    /// Trustees: rebuild the release key from enough shares (no vault needed).
    #[command(
        after_help = "Example:\n  vault plan combine share-1-of-3-0a1b2c3d.age share-3-of-3-0a1b2c3d.age --identity ana.key --identity luis.key --out release.key\n  vault bundle verify release-bundle.age --identity release.key"
    )]
    Combine {
        /// The share files (each encrypted to one trustee, or already decrypted with `age -d`).
        #[arg(value_name = "FILES", required = true)]
        shares: Vec<PathBuf>,
        /// A trustee's identity file (repeat: one per trustee present).
        #[arg(long, value_name = "FILE")]
        identity: Vec<PathBuf>,
        /// The release key file to write (mode 0600; never overwritten).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

// --- anchor: RFC 3161 timestamps of checkpoints (src/cli/anchor_cmd.rs)

#[derive(Debug, Subcommand)]
pub enum AnchorCommand {
    /// Write a timestamp request for the newest signed checkpoint (no passphrase, no network); with --tsa, send it and store the checked answer (needs the passphrase).
    #[command(
        after_help = "Examples:\n  vault anchor request --out checkpoint.tsq\n  vault anchor request --tsa https://freetsa.org/tsr --tsa-cert freetsa-cacert.pem"
    )]
    Request {
        /// The new request file to write (DER, usually .tsq); optional with --tsa.
        #[arg(long, value_name = "FILE", required_unless_present = "tsa")]
        out: Option<PathBuf>,
        /// Send the request to this timestamp authority (https:// or http://) and store its answer once checked, as `vault anchor import` does. The authority learns the checkpoint's hash and your IP address.
        #[arg(long, value_name = "URL", requires = "tsa_cert")]
        tsa: Option<String>,
        /// With --tsa: the certificate to trust, the authority's own or its CA's (PEM or DER); kept in the vault.
        #[arg(long, value_name = "FILE", requires = "tsa")]
        tsa_cert: Option<PathBuf>,
        /// With --tsa: how many seconds to wait for the authority's answer.
        #[arg(long, value_name = "SECONDS", default_value_t = 30, requires = "tsa", value_parser = clap::value_parser!(u64).range(1..=600))]
        tsa_timeout: u64,
    },
    /// Check a timestamp authority's answer against the pending request and store it (needs the passphrase).
    #[command(after_help = "Example:\n  vault anchor import checkpoint.tsr --tsa-cert tsa-ca.pem")]
    Import {
        /// The authority's answer (DER, usually .tsr).
        file: PathBuf,
        /// The certificate to trust: the authority's own or its CA's (PEM or DER); kept in the vault.
        #[arg(long, value_name = "FILE")]
        tsa_cert: PathBuf,
    },
    /// Write a stored timestamp token, to check it with `openssl ts -verify` (no passphrase).
    #[command(
        after_help = "Example:\n  vault anchor export --out token.tsr --note checkpoint.txt\n  openssl ts -verify -token_in -in token.tsr -data checkpoint.txt -CAfile tsa-ca.pem"
    )]
    Export {
        /// The new token file to write (DER).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Also write the stamped checkpoint note to FILE (what `openssl ts -verify -data` reads).
        #[arg(long, value_name = "FILE")]
        note: Option<PathBuf>,
        /// The size of the checkpoint whose token to write (default: the newest stamped).
        #[arg(long, value_name = "SIZE")]
        size: Option<u64>,
    },
}

// --- witness: counsel's cosignatures of checkpoints (src/cli/anchor_cmd.rs)

#[derive(Debug, Subcommand)]
pub enum WitnessCommand {
    /// Write a witness request: the newest signed checkpoint and a proof that it extends the last one cosigned (no passphrase).
    #[command(after_help = "Example:\n  vault witness request --out for-counsel.txt")]
    Request {
        /// The new request file to write.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Prove consistency from this size (default: the largest size cosigned so far).
        #[arg(long, value_name = "SIZE")]
        from: Option<u64>,
    },
    /// Counsel's side: cosign a witness request, refusing a checkpoint that does not extend the last one cosigned.
    #[command(
        after_help = "Example:\n  vault witness cosign for-counsel.txt --key witness.key --out cosigned.txt"
    )]
    Cosign {
        /// The witness request the activist sent.
        request: PathBuf,
        /// The witness key file (`vault keygen --witness`); its state is kept beside it.
        #[arg(long, value_name = "FILE")]
        key: PathBuf,
        /// The new cosignature file to write.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Store counsel's cosignature in the vault's ledger (needs the passphrase).
    #[command(after_help = "Example:\n  vault witness import cosigned.txt")]
    Import {
        /// The cosignature file counsel sent back.
        file: PathBuf,
    },
}
