# vault: every message the program prints. One id per message; the same ids in i18n/en and i18n/es
# (a test checks). Spanish follows ../shared/ES-GLOSSARY.md. Sections by owner, so that a change
# to one area touches one block.

## core: vault, store, keys, crypto, records, ledger (library errors)

## bundle: writing and reading bundles (library errors)

## verify: problem kinds and what verify prints

## when: times as people say them and as they are shown

## report: the owner's report and the counsel report

## cli: prompts, notes, command output, help

cli-error-prefix = error
cli-warning-prefix = warning:
cli-note-new-entries = { $n ->
        [one] note: { $n } ledger entry was added since the last unlock (records or attachments logged without the passphrase); they are now covered by a signed checkpoint
       *[other] note: { $n } ledger entries were added since the last unlock (records or attachments logged without the passphrase); they are now covered by a signed checkpoint
    }
cli-note-pin-first-use = note: this computer had not seen this vault before; from now on it remembers it. Its fingerprint is { $fp }: compare it with the one you wrote down when you created the vault. If they differ, stop using this copy: someone replaced its keys.
cli-note-logged-header = note: since the passphrase was last used, these were logged without it (now signed):
cli-note-logged-incident = {"  "}- incident { $id } ({ $kind }), logged { $at }: "{ $text }"
cli-note-logged-attachment = {"  "}- attachment "{ $name }" to incident { $id }, logged { $at }
cli-note-logged-unreadable = {"  "}- ledger entry { $leaf }, which does not open (run vault verify --full)
cli-note-logged-more = {"  "}- and { $n } more
cli-note-logged-check = If you did not log these, someone with access to this folder did: look at each with `vault show ID`, and run `vault verify --full`.
cli-note-leftovers = note: removed { $n } leftover { $n ->
        [one] file
       *[other] files
    } of an interrupted attach or rekey
cli-leftover-backup-removed = note: removed { $path }: a full copy of the vault left by an interrupted backup
cli-leftover-restore-removed = note: removed { $path }: left by an interrupted restore
cli-leftover-backup-unreachable = note: an interrupted backup left a full copy of the vault at { $path }, in a folder that is not there now (a disk not plugged in?); the next backup removes it once the folder is back, or delete it yourself
cli-leftover-restore-unreachable = note: an interrupted restore left { $path }, in a folder that is not there now; the next restore removes it once the folder is back, or delete it yourself
cli-no-data-dir = no data directory is known for this user; pass --vault DIR
cli-memory-too-large = memory value too large
cli-new-vault-passphrase = New vault passphrase
cli-created-vault = Created a vault at { $path }
cli-fingerprint-line = Fingerprint: { $fp }
cli-init-note =
    Read the fingerprint to your lawyer; it identifies this vault's signatures.
    If you forget the passphrase, nobody can recover the records.
cli-kind-required = --kind is required (followed, photographed, contacted, visited, raid, arrest, online, other)
cli-json-does-not-parse = the JSON does not parse: { $detail }
cli-json-one-object = the JSON must be one object
cli-incident-json-invalid = the incident JSON is not valid: { $detail }
cli-not-regular-file = { $path } is not a regular file
cli-encrypting = encrypting
cli-decrypting = decrypting
cli-attached-note = attached { $name } ({ $mtype }, { $size }) sha256 { $sha }
cli-metadata-unreadable-note = {"  "}its metadata could not be read (the file is stored as it is)
cli-identifying-metadata = { $name } carries identifying metadata: { $item }
cli-original-removed = { $path } was overwritten and deleted; on SSDs and copy-on-write file systems (btrfs, APFS, ZFS) overwriting is not guaranteed to erase the old data
cli-no-incidents-yet = no incidents yet; log one with `vault add`
cli-no-incidents-match = no incidents match these filters
cli-no-search-match = no incident contains { $text }
cli-revision-note = (revision { $rev }; see earlier ones with --history)
cli-amend-needs-field = give at least one field to change, e.g. --where or --what
cli-amended-line = { $id } revision { $rev }
cli-extracted-note = { $name }: { $size } bytes, SHA-256 { $sha } verified
cli-new-passphrase = New passphrase
cli-passphrase-changed = passphrase changed; the old one no longer opens this vault
cli-info-vault = Vault:        { $path }
cli-info-format = Format:       version { $v }
cli-info-fingerprint = Fingerprint:  { $fp }
cli-info-signing-key = Signing key:  { $key }
cli-info-kdf = KDF:          Argon2id, { $mib } MiB, { $it } iterations, { $lanes } lanes
cli-info-keyslots = Keyslots:     { $n }
cli-info-incidents = Incidents:    { $n } ({ $rev } { $rev ->
        [one] revision
       *[other] revisions
    }), { $att } { $att ->
        [one] attachment
       *[other] attachments
    }
cli-info-ledger = Ledger:       { $n } { $n ->
        [one] entry
       *[other] entries
    }, { $cp } { $cp ->
        [one] checkpoint
       *[other] checkpoints
    }, { $unsigned } not yet signed
cli-key-export-warn = { $path } holds the vault's master key: anyone who gets it can read every record and attachment. Keep it offline and delete it when done.
cli-pass-file-empty = the passphrase file { $path } is empty
cli-pass-read-failed = could not read the passphrase from the terminal: { $detail }
cli-pass-prompt = Vault passphrase:{" "}
cli-pass-again = Type it again:{" "}
cli-pass-differ = the two passphrases differ; nothing was changed
cli-no-passphrase = no passphrase: use --passphrase-file FILE (or VAULT_PASSPHRASE_FILE), or run in a terminal
cli-passwd-replaced-tampered = keyslot { $slot }, which was just replaced, did not match what the vault's signed history commits to ({ $reason }): someone changed it without the passphrase. Its settings were not reused; run `vault verify` to see what else changed
cli-yes-no = [y/N]
cli-generate-passphrase-conflict = --generate-passphrase makes the passphrase itself: do not also give --passphrase-file (or VAULT_PASSPHRASE_FILE)
cli-generated-passphrase =
    {""}
    Your passphrase ({ $n } random words; this is the only time it is shown):
    {""}
    {"    "}{ $passphrase }
    {""}
    Write it down on paper now and keep the paper safe. Without it nobody can open this vault.
    {""}
cli-keyslot-col-kind = KIND
cli-keyslot-col-kdf = KDF
cli-keyslot-kdf = Argon2id, { $mib } MiB, { $it } iterations, { $lanes } lanes
cli-slot-passphrase = passphrase
cli-slot-recovery = recovery
cli-recovery-code-shown =
    Recovery code (shown only this once):
    {""}
    {"    "}{ $code }
    {""}
cli-recovery-code-warn = write the recovery code on paper and keep it away from this computer (a safe, or someone you trust). It opens the vault like your passphrase: anyone who finds it can read everything. Keyslot { $id } added.
cli-additional-passphrase = Additional passphrase
cli-keyslot-added = keyslot added: the vault now opens with this passphrase too
cli-keyslot-removed = keyslot removed: its passphrase or recovery code no longer opens this vault (copies and backups made earlier still contain it)
cli-reencrypting = re-encrypting
cli-rekeyed = Rekeyed: { $records } record { $records ->
        [one] revision
       *[other] revisions
    }, { $attachments } { $attachments ->
        [one] attachment
       *[other] attachments
    } and { $exports } export { $exports ->
        [one] description
       *[other] descriptions
    } re-encrypted to a new master key ({ $recipient })
cli-rekey-removed-slots = removed { $n } other { $n ->
        [one] keyslot
       *[other] keyslots
    } ({ $ids }): their recovery codes or passphrases no longer open the vault. Add a new recovery code with `vault keyslot add --recovery`.
cli-rekey-note = A master key exported earlier no longer reads this vault, but backups and copies made before now still open with the old key and passphrase: destroy them if they may be compromised. The signing key is unchanged, so earlier receipts still verify.
cli-rekey-passphrase-note = If the passphrase itself may be known to someone else, change it too: `vault passwd`.
cli-destroy-needs-confirm = refusing to destroy the vault without confirmation: run it on a terminal, or pass --yes
cli-destroy-prompt =
    This permanently destroys the vault at { $path }: its keys are overwritten and nothing in it can be decrypted again, with any passphrase.
    Type the vault fingerprint ({ $fp }) to confirm:
cli-destroy-mismatch = the fingerprint does not match; nothing was destroyed
cli-destroyed = Destroyed the vault at { $path } ({ $n } { $n ->
        [one] keyslot
       *[other] keyslots
    } and the signing key overwritten, files removed)
cli-destroy-note = Backups and other copies of the vault are not affected.
cli-backup-written = Backup of { $entries } ledger { $entries ->
        [one] entry
       *[other] entries
    } and { $attachments } { $attachments ->
        [one] attachment
       *[other] attachments
    } written to { $path } ({ $size })
cli-backup-note = It is encrypted like the vault and opens with the vault's current passphrase or recovery code. Keep a receipt (`vault receipt`) elsewhere to tell later whether a backup is out of date.
cli-restored = Restored vault { $id } at { $path } ({ $entries } ledger { $entries ->
        [one] entry
       *[other] entries
    }, { $attachments } { $attachments ->
        [one] attachment
       *[other] attachments
    })
cli-restore-note = Check it is not older than your newest receipt: vault verify --receipt RECEIPT
cli-label-incident = Incident
cli-label-revision = revision
cli-label-kind = Kind
cli-label-when = When
cli-label-recorded = Recorded
cli-label-where = Where
cli-label-agents = Agents
cli-label-vehicles = Vehicles
cli-label-witnesses = Witnesses
cli-label-tags = Tags
cli-label-what = What happened
cli-label-attachments = Attachments
cli-label-files = Files to attach
cli-attached-count = [{ $n } attached]
cli-taken-at = taken { $t }
cli-metadata-unreadable = metadata unreadable: { $reason }
cli-identifying-item = ! identifying: { $item }
cli-party-name = name
cli-party-badge = badge
cli-party-agency = agency
cli-party-plate = plate
cli-party-contact = contact
cli-guided-intro = Logging a new incident. Press Enter to skip any question; Ctrl-C stops without saving anything.
cli-guided-kind = What kind of incident was it?
cli-guided-kind-prompt = Number or name [Enter = other]:{" "}
cli-guided-kind-bad = Please type a number from 1 to { $max }, or press Enter.
cli-guided-when = When did it happen? For example: 20 minutes ago, today 14:30, yesterday 3pm, around 3pm. [Enter = now]:{" "}
cli-guided-when-is = {"  "}→ { $when }
cli-guided-where = Where did it happen? (street, corner, place) [Enter = skip]:{" "}
cli-guided-what =
    What happened? Write as many lines as you need; finish with an empty line (or Ctrl-D).
    Put [[double brackets]] around anything private, such as names or addresses.
cli-guided-what-again = Please write it again.
cli-guided-agents = Agents: one per line, e.g.  tall, grey jacket; name=Ruiz; badge=4411; agency=ICE  (empty line when done)
cli-guided-vehicles = Vehicles: one per line, e.g.  grey SUV; plate=ABC1234  (empty line when done)
cli-guided-witnesses = Witnesses: one per line, e.g.  name=Ana; contact=555-0100  (empty line when done)
cli-guided-tags = Tags, separated by commas [Enter = none]:{" "}
cli-guided-files = Files to attach (photos, audio, video): one path per line (empty line when done)
cli-guided-summary = Please check what will be saved:
cli-guided-save = Save this incident?
cli-guided-not-saved = nothing was saved
cli-pattern-plate = plate
cli-pattern-badge = badge
cli-pattern-agent-name = agent
cli-pattern-vehicle = vehicle
cli-pattern-place = place
cli-pattern-line = { $what } { $value }: { $n } { $n ->
        [one] incident
       *[other] incidents
    }, first { $first }, last { $last }
cli-pattern-ids = {"    "}{ $ids }
cli-no-patterns = no plate, badge, agent name, vehicle or place appears in more than one incident
cli-missing-incident = incident { $id } is missing: the signed ledger records it, but it is no longer in the vault. vault never deletes incidents, so someone deleted it. Run `vault verify`, and keep a copy of the vault folder as it is.
cli-missing-revision = revision { $rev } of incident { $id } is missing: the signed ledger records it, but it is no longer in the vault, so someone deleted it. Run `vault verify`.
cli-missing-rollback = revision { $rev } of incident { $id } is missing, so the older revision { $shown } is shown in its place: someone deleted the newer one. Run `vault verify`, and keep a copy of the vault folder as it is.
cli-missing-attachment = attachment { $att } of incident { $id } is missing: the signed ledger records it, but it is no longer in the vault, so someone deleted it. Run `vault verify`.
cli-vault-path-is-file = { $path } is a file, not a folder; --vault needs a folder (a new one is made if it does not exist)
cli-not-a-backup = { $path } is not a vault backup (a file made by `vault backup`); nothing was restored
cli-standard-input = standard input
cli-warn-quarantined = { $n } complete attachment { $n ->
        [one] file
       *[other] files
    } in blobs/ { $n ->
        [one] belongs
       *[other] belong
    } to no attachment of this vault.db; { $n ->
        [one] it was
       *[other] they were
    } moved to the quarantine/ folder of the vault, not deleted (it may be an attachment an older or newer copy of vault.db recorded); run `vault verify` for what to do
cli-warn-loose-permissions = other users of this computer can read or change the vault's files ({ $paths }); make them private with: chmod -R go-rwx { $dir }
cli-clap-unknown-argument = unexpected argument { $arg }
cli-clap-invalid-subcommand = unknown command { $arg }
cli-clap-invalid-value = invalid value { $value } for { $arg }
cli-clap-missing-required = missing required arguments: { $arg }
cli-clap-missing-subcommand = a command is needed
cli-clap-conflict = { $arg } cannot be used with { $other }
cli-clap-repeated = { $arg } cannot be given more than once
cli-clap-value-count = wrong number of values for { $arg }
cli-clap-other = the command line is not valid
cli-clap-did-you-mean = {"  "}did you mean { $suggestion }?
cli-clap-possible = {"  "}possible values: { $values }
cli-clap-more-info = For more information, try '--help'.


# Placeholder used by the unit test of the loader; keep.
i18n-selftest = { $count ->
    [one] one entry
   *[other] { $count } entries
}
