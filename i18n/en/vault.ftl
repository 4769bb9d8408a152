# vault: every message the program prints. One id per message; the same ids in i18n/en and i18n/es
# (a test checks). Spanish follows ../shared/ES-GLOSSARY.md. Sections by owner, so that a change
# to one area touches one block.

## core: vault, store, keys, crypto, records, ledger (library errors)

## bundle: writing and reading bundles (library errors)

## verify: problem kinds and what verify prints

# Items: what a problem is about.
verify-item-record-revision = record { $id } revision { $revision }
verify-item-record = record { $id }
verify-item-attachment = attachment { $id } of record { $record }
verify-item-keyslot = keyslot { $id }
verify-item-keyslot-action = keyslot { $id } ({ $action })
verify-item-export = export { $id }
verify-item-checkpoint-at = checkpoint at size { $size }
verify-item-earlier-checkpoint = earlier checkpoint at size { $size }
verify-item-rekey-at = rekey at ledger leaf { $index }
verify-item-reencryption-at = re-encryption at ledger leaf { $index }
verify-item-reencryption-of = re-encryption of leaf { $leaf }
verify-item-ledger-leaf = ledger leaf { $index }
verify-item-vault-creation = vault creation
verify-item-rekey = rekey
verify-item-trust-seal = trust seal
verify-item-receipt = receipt
verify-item-vault-metadata = vault metadata
verify-item-checkpoints = checkpoints
verify-item-checkpoint = checkpoint
verify-item-keyslots = keyslots
verify-item-manifest = manifest
verify-item-archive = archive
verify-item-pin-file = pin file
verify-item-cache-segment = list cache segment { $seq }
# A file name, as found (the database file, a quarantined file, a bundle's entry).
verify-item-file = { $name }

# Details: one line about one problem. `$error` is a library error or a tool's own words.
verify-database-sqlite = SQLite integrity check: { $line }
verify-database-schema = { $line }
verify-database-unusable = { $error }
verify-quarantine-file = a complete attachment file no attachment of this vault.db owns (moved here from blobs/, not deleted); it may be the only copy of an attachment another copy of vault.db recorded (one from before a `vault rekey`, a sync conflict, another vault's database). Keep it until you know; to remove it: rm '{ $path }'
verify-cache-segment-reason = { $reason } (the next listing drops and rebuilds it)
verify-cache-signature-malformed = the signature is malformed
verify-cache-signature-invalid = the signature does not verify with the vault's signing key
verify-cache-no-decrypt = it does not decrypt with the vault's key
verify-cache-no-decode = it does not decode: { $error }
verify-cache-foreign = it belongs to another vault, position or format
verify-cache-leaves-beyond = it names ledger leaves beyond the size it covers
verify-cache-beyond-ledger = it covers more of the ledger than exists
verify-ledger-gap = { $count ->
    [one] leaf { $first } is missing from the ledger
   *[other] leaves { $first } to { $last } are missing from the ledger
}
verify-leaf-hash = the stored leaf hash does not match the entry it belongs to
verify-ledger-entry-unreadable = { $error }
verify-genesis-vault-id = the vault id differs from the one recorded at creation
verify-genesis-not-first = the ledger does not start with the vault's creation entry
verify-master-recipient = the master recipient differs from the one recorded at creation or by the latest rekey
verify-signing-key = the signing public key differs from the one recorded at creation
verify-checkpoint-none = the vault has no signed checkpoint
verify-checkpoint-signature = the checkpoint does not verify: { $error }
verify-checkpoint-size = the note claims size { $size }
verify-checkpoint-beyond-ledger = the checkpoint covers { $size } entries but the ledger has only { $leaves }
verify-checkpoint-root = the ledger's root at this size differs from the signed one: history was altered
verify-checkpoint-consistency = not consistent with the newest checkpoint at size { $size }
verify-trust-seal-missing = the trust seal is missing, though ledger leaf { $leaf } records that this vault keeps one
verify-trust-seal-foreign = the trust seal is not one this program wrote
verify-trust-seal-key = the trust seal was not made with this vault's master key
verify-trust-seal-identity = the { $facts } no longer match what the passphrase holder sealed
verify-fact-vault-id = vault id
verify-fact-creation-entry = creation entry
verify-fact-signing-key = signing key
verify-fact-master-key = master key
verify-high-water-shorter = the ledger has { $leaves } entries, fewer than the { $size } this vault last signed: an older copy was put back or entries were removed
verify-high-water-rewritten = entries this vault already signed were changed: the ledger's root at the sealed size differs
verify-high-water-deleted = the newest checkpoint this vault signed is not stored (the newest valid one covers { $signed }): checkpoint rows were deleted
verify-forged-entry = { $entry } is not covered by a signed checkpoint, though every command that writes it signs one at once: it was written without the passphrase
verify-rekey-unsigned = no signed checkpoint covers it, though a rekey always signs one
verify-rekey-not-reencrypted = { $count ->
    [one] 1 item logged before it was not re-encrypted (first: ledger leaf { $first })
   *[other] { $count } items logged before it were not re-encrypted (first: ledger leaf { $first })
}
verify-rekey-wrong-previous = it replaces a master recipient that was not the one in force
verify-reencrypt-no-rekey = no rekey entry precedes it
verify-reencrypt-not-an-item = ledger leaf { $leaf } is not an item logged before the rekey at { $rekey }
verify-reencrypt-blob-fields = its blob fields do not fit the kind of item it re-encrypts
verify-reencrypt-twice = ledger leaf { $leaf } is re-encrypted twice by one rekey
verify-receipt-not-signed = the receipt is not a checkpoint signed by this vault: { $error }
verify-receipt-beyond-vault = the receipt covers { $size } entries but the vault has only { $leaves }: this is an older copy, or entries were removed
verify-receipt-rewritten = the vault's history differs from the receipt's: it was rewritten
verify-record-ciphertext-hash = the ciphertext does not match the hash its ledger entry commits to
verify-record-leaf = ledger leaf { $leaf } is not this record's entry
verify-record-revisions = revisions { $revisions } are not 1..n
verify-cache-forged = list cache segment { $seq } holds a version of it decrypted from a ciphertext its ledger entry does not commit to
verify-cache-item-shown = the list cache shows this revision differently from its ciphertext
verify-cache-item-key = the file key kept in the list cache does not open this revision
verify-record-decrypt = { $error }
verify-record-decode = { $error }
verify-record-field-digest = the decrypted fields do not match the digests in the ledger
verify-attachment-leaf = ledger leaf { $leaf } is not this attachment's entry
verify-attachment-description-hash = the encrypted description does not match its ledger entry
verify-attachment-file-missing = the encrypted file is missing
verify-attachment-size = the encrypted file is { $size } bytes; the ledger says { $expected }
verify-attachment-unreadable = { $error }
verify-attachment-hash = the encrypted file does not match the hash its ledger entry commits to
verify-attachment-decrypt = { $error }
verify-attachment-field-digest = the decrypted description does not match the digests in the ledger
verify-attachment-plaintext = { $error }
verify-keyslot-kdf = { $reason }
verify-keyslot-hash = the keyslot does not match the hash its ledger entry commits to
verify-keyslot-stale = a later ledger entry changed this keyslot, but the stored slot is older
verify-keyslot-leaf = ledger leaf { $leaf } is not this keyslot's entry
verify-keyslot-none = the vault has no keyslot: it cannot be unlocked
verify-not-stored = ledger leaf { $leaf } records it, but it is not stored
verify-export-hash = the export description does not match its ledger entry
verify-export-leaf = ledger leaf { $leaf } is not this export's entry
verify-pin-signing-key = its signing key (security number { $found }) is not the one this computer knows for it ({ $pinned })
verify-pin-master-key = the master key new entries would be encrypted to is not the one this computer knows for this vault
verify-pin-shorter = the ledger has { $leaves } entries, but this computer saw { $size } of them signed: an older copy of the vault was put back, or entries were removed
verify-pin-rewritten = the ledger does not extend the newest checkpoint this computer saw signed (size { $size }): its history was rewritten, or an older copy was put back
verify-bundle-entry-base64 = the ledger entry is not base64
verify-bundle-entry-invalid = { $error }
verify-bundle-entry-not-record = the ledger entry is not this record's
verify-bundle-entry-not-attachment = the ledger entry is not this attachment's
verify-inclusion-malformed = the inclusion proof is malformed
verify-inclusion-not-in-checkpoint = ledger leaf { $leaf } is not in the signed checkpoint
verify-disclosure-invalid = field { $field }: { $error }
verify-disclosure-other-field = field { $field } carries the disclosure of { $inner }
verify-disclosure-digest = field { $field } does not match the digest in the signed ledger
verify-withheld-unknown = withheld field { $field } is not in the ledger entry
verify-withheld-unaccounted = field { $field } is neither disclosed nor listed as withheld
verify-duplicate-archive-name = the archive holds two entries under the same name; one could hide the other
verify-duplicate-record = the manifest lists this record, its ledger leaf or its file more than once
verify-duplicate-attachment = the manifest lists this attachment, its ledger leaf or its file more than once
verify-duplicate-withheld = the manifest lists a withheld field more than once
verify-duplicate-key = { $file }: { $detail }
verify-bundle-key-invalid = the vault public key is not a valid Ed25519 key
verify-bundle-fingerprint = the fingerprint does not belong to the public key
verify-bundle-verifier-key = the verifier key does not match the public key
verify-bundle-receipt-unchecked = the bundle's checkpoint does not verify, so the receipt cannot be checked
verify-file-missing = { $file } is missing
verify-record-file-invalid = { $file }: { $error }
verify-record-file-other = { $file } describes another record
verify-record-file-field = field { $field } in { $file } differs from its signed disclosure
verify-record-file-fields = { $file } has a different set of fields
verify-record-file-derived = derived values in { $file } differ from the manifest
verify-attachment-file-unreadable = { $file } is unreadable: { $error }
verify-attachment-file-hash = { $file } does not match its SHA-256
verify-attachment-file-not-original = the file is declared original but its hash is not the signed one
verify-attachment-file-carries = unknown carries value { $carries }
verify-attachment-file-disagree = file, file_sha256 and carries disagree
verify-unexpected-file = the archive holds a file the manifest does not account for
verify-fingerprint-mismatch = the bundle is signed by the key with fingerprint { $found }, not the expected { $expected }
verify-sender-changed-key = you trust vault { $vault } of { $name } with fingerprint { $trusted }; this bundle claims that vault but is signed by the key with fingerprint { $found }: someone else made it
verify-sender-changed-vault = you trust fingerprint { $trusted } ({ $name }) for vault { $trusted_vault }; this bundle claims vault { $vault }
verify-consistency-proof = the bundle's checkpoint does not provably extend it
verify-bundle-receipt-same-size = the receipt and the bundle's checkpoint cover the same number of entries with different contents: the log was rewritten
verify-bundle-receipt-not-in-history = the bundle's history does not include the receipt's checkpoint: the log was rewritten
verify-supplement-other-vault = the earlier bundle is signed by another key or vault (fingerprint { $fingerprint }): they do not come from the same vault
verify-supplement-not-named = this bundle does not say it supplements export { $export } (it says { $says })
verify-supplement-nothing = nothing
verify-supplement-leaf-differs = differs from the same leaf in the earlier bundle
verify-supplement-leaf-missing = is not in the earlier bundle

# Kinds: one line each saying what a problem kind means (`verify-kind-` and the kind, with
# hyphens).
verify-kind-database = the vault's database is damaged, or cannot be opened or read
verify-kind-database-schema = the vault's database holds something vault never creates (a trigger, a view, an extra table or index, or a changed table): someone modified it; vault will not use it
verify-kind-quarantine = a complete attachment file no attachment of this vault.db owns was moved to the quarantine/ folder (not deleted): keep it until you know where it comes from
verify-kind-rekey = a master-key change (vault rekey) does not agree with what the ledger records
verify-kind-ledger-gap = entries are missing from the ledger
verify-kind-trust-seal = the vault's trust seal is missing, was not made with its master key, or no longer matches its keys: someone changed the vault without the passphrase
verify-kind-high-water = the ledger does not extend the newest checkpoint this vault sealed: an older copy was put back, checkpoints were deleted or signed entries were changed
verify-kind-pin = the vault is not the one this computer remembers: another key, or an older copy of the ledger than the one it saw signed
verify-kind-forged-entry = this ledger entry is only written by a command with the passphrase, which signs it at once, but no checkpoint covers it: it is forged
verify-kind-leaf-hash = the stored hash of this leaf does not match its ledger entry
verify-kind-ledger-entry = this ledger entry cannot be read
verify-kind-genesis = the ledger does not start with the creation of this vault, or the vault is not the one created
verify-kind-master-recipient = the master key is not the one recorded at creation or by the latest master-key change
verify-kind-signing-key = the signing key is not the expected one
verify-kind-checkpoint-missing = the vault has no signed checkpoint
verify-kind-checkpoint-signature = a checkpoint's signature is not valid
verify-kind-checkpoint-size = the size a checkpoint claims does not match where it is stored
verify-kind-rollback = the history went back or was rewritten: entries that were already signed are missing or changed
verify-kind-checkpoint-root = the ledger is not the one a checkpoint signed: history was altered
verify-kind-checkpoint-consistency = an older checkpoint does not agree with the newest one
verify-kind-record-ciphertext-hash = an incident's encrypted data does not match the hash the ledger keeps: it was changed
verify-kind-record-leaf = the ledger entry a record points to is not its own
verify-kind-record-revisions = an incident's revisions are not consecutive from 1
verify-kind-record-missing = an incident is missing: the ledger records it but it is not stored
verify-kind-record-decrypt = an incident cannot be decrypted
verify-kind-record-decode = a decrypted incident cannot be read
verify-kind-attachment-leaf = the ledger entry an attachment points to is not its own
verify-kind-attachment-description-hash = an attachment's encrypted description does not match its ledger entry
verify-kind-attachment-missing = an attachment or its encrypted file is missing, though the ledger records it
verify-kind-attachment-size = an attachment's encrypted file does not have the size the ledger records
verify-kind-attachment-hash = an attachment's file does not match its signed hash: it was changed
verify-kind-attachment-unreadable = an attachment's encrypted file cannot be read
verify-kind-attachment-decrypt = an attachment cannot be decrypted
verify-kind-cache-segment = a part of the list cache is not signed by this vault or is damaged; the next listing rebuilds it
verify-kind-cache-item = the list cache shows a record differently from what is stored encrypted
verify-kind-cache-forged = the list cache holds a version of an incident the signed ledger does not back: it was forged; vault no longer shows it
verify-kind-attachment-plaintext = an attachment's decrypted content does not match what was recorded
verify-kind-field-digest = the data does not match the signed hashes in the ledger
verify-kind-keyslot-hash = a keyslot does not match the hash the ledger keeps
verify-kind-keyslot-kdf = a keyslot has passphrase settings this program never writes (below the minimum or absurd): someone changed it
verify-kind-keyslot-stale = a stored keyslot is older than its latest change in the ledger
verify-kind-keyslot-leaf = the ledger entry a keyslot points to is not its own
verify-kind-keyslot-missing = a keyslot the ledger records is missing, or the vault has none
verify-kind-export-hash = an export's description does not match its ledger entry
verify-kind-export-leaf = the ledger entry an export points to is not its own
verify-kind-export-missing = an export is missing: the ledger records it but it is not stored
verify-kind-receipt = the receipt is not a checkpoint signed by this vault, or cannot be checked
verify-kind-bundle-entry = a ledger entry in the bundle is not valid or does not belong where it is
verify-kind-inclusion-proof = an inclusion proof is not valid: the entry is not in the signed checkpoint
verify-kind-disclosure = a disclosed field is not valid
verify-kind-withheld = the list of withheld fields does not agree with the ledger entry
verify-kind-fingerprint = the fingerprint the bundle claims does not belong to its signing key
verify-kind-missing-file = a file is missing from the bundle
verify-kind-record-file = an incident's file in the bundle does not match what was signed
verify-kind-attachment-file = an attachment's file in the bundle cannot be read or does not agree with the manifest
verify-kind-unexpected-file = the bundle holds a file its manifest does not account for
verify-kind-supplement = the bundle does not agree with the earlier bundle it supplements
verify-kind-consistency-proof = the bundle's checkpoint does not provably extend an earlier one
verify-kind-duplicate = something appears more than once in the bundle: refused, since one copy could hide the other
verify-kind-fingerprint-mismatch = the bundle was signed by a key with another fingerprint than the one you gave
verify-kind-sender-changed = THE SENDER CHANGED: the bundle claims to come from a vault you trust, but another key signed it; someone else made it

# What `vault verify` and `vault receipt` print around the problems.
verify-cli-verifying = verifying
verify-cli-ask-optional = Vault passphrase for a full check (Enter to skip):{" "}
verify-cli-pass-read-failed = could not read the passphrase: { $detail }
verify-cli-tier-basic = basic
verify-cli-tier-full = full
verify-cli-unlock-fallback = { $error }; only the checks that need no passphrase were run
verify-cli-basic-note = no passphrase given: checked hashes, signatures and structure only (give --passphrase-file or run on a terminal for a full check)
verify-cli-scope = { $entries } ledger entries ({ $signed } covered by the newest signed checkpoint), { $records } record revisions, { $attachments } attachments
verify-cli-ok = OK: { $tier } check passed: { $scope }
verify-cli-receipt-ok = The vault extends the receipt (size { $size }): no rollback.
verify-cli-failed = { $n ->
    [one] FAILED: 1 problem found ({ $tier } check of { $scope })
   *[other] FAILED: { $n } problems found ({ $tier } check of { $scope })
}
verify-cli-unsigned-note = { $n ->
    [one] 1 entry was added without the passphrase and is not yet signed; the next unlock signs it
   *[other] { $n } entries were added without the passphrase and are not yet signed; the next unlock signs them
}
verify-cli-leftover-note = files in blobs/ that belong to no attachment: { $n }; left by an interrupted attach or rekey, or recorded by another copy of vault.db (check with verify --receipt); the next command that asks for the passphrase removes interrupted writes and moves complete files to quarantine/ (nothing is deleted)
verify-cli-no-checkpoint = the vault has no signed checkpoint
verify-cli-receipt-written = Receipt for { $size } ledger entries written to { $path }
verify-cli-receipt-note = Keep it away from this computer (email it to your lawyer or print it). Vault fingerprint: { $fp }
verify-cli-receipt-needs-passphrase = { $n ->
    [one] { $n } ledger entry is not signed yet; the receipt needs the passphrase to sign it first (give --passphrase-file, or run on a terminal). `vault receipt --no-sign` writes a receipt that leaves it out
   *[other] { $n } ledger entries are not signed yet; the receipt needs the passphrase to sign them first (give --passphrase-file, or run on a terminal). `vault receipt --no-sign` writes a receipt that leaves them out
}
verify-cli-receipt-leaves-out = { $n ->
    [one] this receipt does not cover the newest ledger entry ({ $n }, logged since the passphrase was last used): a later copy of the vault without it would still pass `verify --receipt`. Run `vault receipt` with the passphrase to cover it
   *[other] this receipt does not cover the newest { $n } ledger entries (logged since the passphrase was last used): a later copy of the vault without them would still pass `verify --receipt`. Run `vault receipt` with the passphrase to cover them
}

## when: times as people say them and as they are shown

## report: the owner's report and the counsel report

## cli: prompts, notes, command output, help

# Placeholder used by the unit test of the loader; keep.
i18n-selftest = { $count ->
    [one] one entry
   *[other] { $count } entries
}
