# vault: every message the program prints. One id per message; the same ids in i18n/en and i18n/es
# (a test checks). Spanish follows ../shared/ES-GLOSSARY.md. Sections by owner, so that a change
# to one area touches one block.

## core: vault, store, keys, crypto, records, ledger (library errors)

## bundle: writing and reading bundles (library errors)

# The age layer: refused before any key is tried.
bundle-header-too-large = the bundle's age header is larger than { $limit } KiB; a vault bundle's never is; refusing before trying any key
bundle-too-many-stanzas = the bundle's age header has more than { $limit } recipient stanzas; a vault bundle never has so many; refusing before trying any key
bundle-scrypt-too-costly = the bundle's passphrase asks for scrypt work factor { $factor }, above the limit of { $limit } (it would take { $mib } MiB of memory); refusing before deriving any key
bundle-scrypt-excessive = the bundle's passphrase asks for scrypt work factor { $factor }, above the limit of { $limit }; refusing before deriving any key
bundle-scrypt-malformed = the bundle's passphrase stanza is malformed; refusing
bundle-not-age = { $path } is not an age-encrypted bundle
bundle-not-for-this-key = this bundle is not encrypted to the given key (or passphrase)
bundle-wrong-passphrase = wrong passphrase for this bundle (or the bundle is damaged)
bundle-does-not-decrypt = the bundle does not decrypt: { $detail }
bundle-truncated = the bundle is truncated or damaged; it does not decrypt to the end: { $detail }
bundle-not-an-archive = the bundle decrypted, but is not a readable archive: { $detail }
# The archive: refused before anything is read or written.
bundle-too-many-entries = the archive has an absurd number of entries
bundle-entry-unreadable = archive entry { $index } is unreadable: { $detail }
bundle-entry-link = archive entry { $name } is a link; refusing
bundle-entry-unsafe-path = archive entry { $name } has an unsafe path; refusing
bundle-entry-compressed = archive entry { $name } is compressed; vault bundles never are
bundle-entry-too-large = archive entry { $name } declares { $size } bytes, more than the whole bundle; refusing
bundle-entry-twice = archive entry { $name } appears twice
bundle-member = { $name }: { $detail }
bundle-member-too-large = { $name } is too large
bundle-member-unreadable = { $name } is unreadable: { $detail }
bundle-no-manifest = the archive has no manifest.json; it is not a vault bundle
bundle-manifest-duplicate-key = manifest.json is not valid: { $detail }; refusing
bundle-manifest-invalid = manifest.json is not valid: { $detail }
bundle-unknown-format = unknown bundle format { $format }
bundle-earlier-does-not-verify = the earlier bundle { $path } does not verify
bundle-does-not-verify = the bundle does not verify ({ $count ->
    [one] { $count } problem
   *[other] { $count } problems
}); run `vault bundle verify` for details; nothing was extracted
# Writing.
bundle-archive-write = could not write the archive: { $detail }
bundle-encode = invalid input: { $detail }
bundle-too-large-to-strip = { $name } is too large to strip in memory
bundle-strip-failed = could not strip metadata from { $name }: { $detail }
# What to export.
bundle-cannot-redact = invalid input: cannot redact { $field }; fields are: { $fields }
bundle-coarsen-places = invalid input: --coarsen-location takes 0 to 6 decimal places
bundle-nothing-selected = invalid input: no incident matches the selection; nothing to export
bundle-no-recipient = invalid input: give at least one recipient (--to, --to-file or --passphrase)
bundle-not-in-export = invalid input: incident { $id } was not in export { $export }
bundle-no-such-field = invalid input: incident { $id } has no field { $field }
# Recipients and identities.
bundle-private-key-recipient = invalid input: a recipient is a private key; give counsel's public key (age1... or ssh-...) instead
bundle-bad-age-recipient = invalid input: recipient { $text } is not a valid age key: { $detail }
bundle-bad-ssh-recipient = invalid input: recipient { $text } is not a supported SSH public key (ssh-ed25519 or ssh-rsa)
bundle-unknown-recipient = invalid input: recipient { $text } is neither an age key (age1...) nor an SSH key (ssh-ed25519/ssh-rsa)
bundle-bad-ssh-key = invalid input: { $path }: not a usable SSH key: { $detail }
bundle-encrypted-ssh-key = invalid input: { $path }: encrypted or unsupported SSH keys are not supported here; use an unencrypted copy or an age key
bundle-bad-identity-file = invalid input: { $path }: not an age identity file: { $detail }
bundle-unusable-identity = invalid input: { $path }: unusable identity: { $detail }
bundle-no-identity = invalid input: { $path }: no identity in the file
# Counsel's trusted senders.
bundle-bad-fingerprint = invalid input: a fingerprint is six groups of five digits, as `vault info` or `vault bundle verify` shows it
bundle-bad-trust-file = invalid input: { $path } is not a readable list of trusted senders: { $detail }
bundle-trust-file-format = invalid input: { $path } is not a readable list of trusted senders: unknown format
bundle-bad-sender-name = invalid input: give the sender a name of 1 to { $max } characters on one line
bundle-bad-vault-id = invalid input: a vault id is 32 lowercase hexadecimal characters, as `vault info` shows it
bundle-vault-trusted-other-key = invalid input: vault { $id } is already trusted with another fingerprint ({ $fingerprint }); remove that line from { $path } first if the sender really has a new key
bundle-trust-file-write = invalid input: cannot write the trust file: { $detail }
# The export and bundle commands.
bundle-generate-passphrase-conflict = invalid input: --generate-passphrase makes the bundle passphrase itself: unset VAULT_BUNDLE_PASSPHRASE_FILE
bundle-weak-passphrase = the bundle passphrase is too easy to guess: anyone who gets a copy of the bundle can try passphrases without limit. Use five or more uncommon words, or --generate-passphrase to have one made up
bundle-no-passphrase = invalid input: no bundle passphrase: set VAULT_BUNDLE_PASSPHRASE_FILE to a file that holds it, or run in a terminal
bundle-give-recipient = invalid input: give a recipient: --to age1... (or an SSH key), --to-file FILE, or --passphrase
bundle-many-keys-need-yes = invalid input: not exporting to several keys from one key file without confirmation: check the list above, then add --yes
bundle-policy-needs-confirm = invalid input: not exporting private parts without confirmation: add --disclose-private (or --yes), or set "disclose_private": false in the policy
bundle-choose-export = invalid input: choose what to export: --entries ID..., --all, --tag TAG, or --since/--until
bundle-metadata-needs-confirm = invalid input: not exporting identifying metadata without confirmation: add --allow-identifying-metadata, --strip-metadata or --no-attachments
bundle-bad-policy = invalid input: { $path }: not a valid redaction policy: { $detail }
bundle-give-identity = invalid input: give --identity KEY or --passphrase
bundle-no-state-dir = invalid input: no folder for per-user files: set VAULT_STATE_DIR
# Field names as people read them (English: the field's own name).
bundle-field-kind = kind
bundle-field-when = when
bundle-field-location = location
bundle-field-narrative = narrative
bundle-field-agents = agents
bundle-field-vehicles = vehicles
bundle-field-witnesses = witnesses
bundle-field-tags = tags
bundle-field-attachments = attachments
bundle-field-recorded-at = recorded_at
bundle-field-private = narrative.private.{ $n }
bundle-field-name = name
bundle-field-size = size
bundle-field-sha256 = sha256
bundle-field-media-type = media_type
bundle-field-metadata = metadata
bundle-field-attached-at = attached_at

# What the export and bundle commands print (src/cli/export_cmd.rs).
bundle-keygen-note = Give the public key above to the person exporting to you. Keep { $path } secret and backed up: without it, bundles for you cannot be opened.
bundle-passphrase-prompt = Bundle passphrase
bundle-passphrase-file-empty = invalid input: the passphrase file { $path } is empty
bundle-passphrase-unreadable = invalid input: could not read the passphrase from the terminal: { $detail }
bundle-recipients-one = The bundle will be encrypted to this key:
bundle-recipients-many = The bundle will be encrypted to these { $n } keys; each one can open it:
bundle-key-file-holds-many = the key file { $path } holds { $n } keys, not one: check that each of them belongs to your lawyer
bundle-encrypt-to-all = Encrypt to all of them?
bundle-policy-discloses-private = the redaction policy { $path } shows the private parts of the narrative ([[...]]): they will be readable in the bundle
bundle-export-anyway = Export it anyway?
bundle-would-carry-metadata = this bundle would carry identifying metadata:
bundle-identifying-item = incident { $incident } attachment { $position } ({ $name }): { $item }
bundle-metadata-hint = {"  "}(use --strip-metadata to remove it from images, or --no-attachments)
bundle-export-wrote = Wrote { $path } ({ $records ->
    [one] { $records } incident
   *[other] { $records } incidents
}, { $attachments ->
    [one] { $attachments } attachment
   *[other] { $attachments } attachments
}, { $files ->
    [one] { $files } file
   *[other] { $files } files
}, { $withheld ->
    [one] { $withheld } field
   *[other] { $withheld } fields
} withheld)
bundle-export-recorded = export { $id } is recorded in the vault's ledger; bundle SHA-256 { $sha }
bundle-leftover-removed = note: removed { $path }: an unfinished bundle left by an interrupted export
bundle-no-exports = no exports yet
bundle-exports-line = { $id }  { $at }  { $kind } { $records ->
    [one] { $records } incident
   *[other] { $records } incidents
}, { $attachments ->
    [one] { $attachments } attachment
   *[other] { $attachments } attachments
}, { $withheld ->
    [one] { $withheld } field
   *[other] { $withheld } fields
} withheld, to { $to }
bundle-kind-name-export = export
bundle-kind-name-disclosure = disclosure
bundle-disclose-wrote = Wrote { $path } (disclosure { $id })
bundle-verified = VERIFIED
bundle-not-verified = NOT VERIFIED
bundle-kind-export = export
bundle-kind-disclosure = disclosure
bundle-head = { $verdict }: { $kind } bundle { $id } exported { $at }
bundle-vault = Vault { $id } — signing key fingerprint { $fp }
bundle-sender-trusted = Sender: { $name } (this fingerprint is in your list of trusted senders).
bundle-sender-changed = SENDER CHANGED: you trust this vault as { $name }'s with fingerprint { $fp }; this bundle is signed by another key. Do not rely on it; call the sender.
bundle-confirm-fp = Confirm this fingerprint with the person who kept the records (by phone or in person).
bundle-sender-unknown = this fingerprint is not in your list of trusted senders. Once the sender confirms it, run: vault bundle trust '{ $fp }' --name NAME
bundle-checkpoint = Signed checkpoint covers { $n } ledger entries.
bundle-receipt-same = The receipt (size { $n }) is this bundle's signed checkpoint.
bundle-receipt-extended = This bundle contains everything the receipt (size { $n }) covers: nothing signed before it was removed or changed.
bundle-receipt-newer = The receipt (size { $n }) is newer than this bundle's checkpoint (size { $m }): expected if the bundle was made before the receipt. A bundle cannot vouch for a later checkpoint; check a newer bundle against this receipt to confirm nothing was rolled back.
bundle-supplements = This is a later disclosure supplementing export { $id }.
bundle-record = {"  "}record { $id } (ledger leaf { $leaf }): disclosed { $disclosed }; withheld { $withheld }
bundle-attachment = {"  "}attachment { $id } (ledger leaf { $leaf }): { $carries }{ $sha }; withheld { $withheld }
bundle-carries-original = original
bundle-carries-stripped = stripped
bundle-carries-none = none
bundle-all-good = Every signature, inclusion proof, disclosed field and attachment hash checks out: the disclosed content is exactly what the vault recorded, and withheld parts are committed to by salted digests.
bundle-problems = { $n ->
    [one] { $n } problem:
   *[other] { $n } problems:
}
bundle-nothing = nothing
bundle-none = none
bundle-not-extracted = the bundle does not verify: nothing was extracted
bundle-extracted = Extracted { $n ->
    [one] { $n } file
   *[other] { $n } files
} into { $path }; open report.html to read them.
bundle-trust-added = Trusted { $name }: fingerprint { $fp }
bundle-trust-file-note = Saved in { $path }. A bundle that claims this sender's vault under another key will now be refused.

## verify: problem kinds and what verify prints

## when: times as people say them and as they are shown

## report: the owner's report and the counsel report

## cli: prompts, notes, command output, help

# Placeholder used by the unit test of the loader; keep.
i18n-selftest = { $count ->
    [one] one entry
   *[other] { $count } entries
}
