# vault: every message the program prints. One id per message; the same ids in i18n/en and i18n/es
# (a test checks). Spanish follows ../shared/ES-GLOSSARY.md. Sections by owner, so that a change
# to one area touches one block.

## core: vault, store, keys, crypto, records, ledger (library errors)

# Errors (src/error/mod.rs)
core-no-vault = no vault at { $dir } (run `vault init` first, or pass --vault DIR)
core-vault-exists = a vault already exists at { $dir }
core-vault-files-present = { $dir } already holds vault files ({ $found }); `vault init` will not start a new vault over them, whose attachments it would not own (if vault.db was lost, restore a backup; to start a new vault, use an empty folder)
core-newer-format = this vault uses format version { $found }, newer than this program understands ({ $supported }); upgrade vault
core-wrong-passphrase = wrong passphrase (or every keyslot is damaged); nothing was changed
core-no-keyslot = the vault has no usable keyslot: { $reason }
core-tampered-keyslot = keyslot { $slot } is not what the vault's signed history commits to ({ $reason }): it was changed without the passphrase, or damaged, and was not used. Unlock with your recovery code or another passphrase and replace it (`vault passwd`, `vault keyslot`); `vault verify` shows what else changed
core-weak-kdf = key-derivation parameters too weak: { $reason }
core-empty-passphrase = the passphrase is empty
core-not-found = no incident matches { $query }
core-ambiguous-id = { $prefix } is ambiguous: it matches { $count } incidents; type more of the id
core-invalid-input = invalid input: { $detail }
core-damaged = the vault is damaged: { $detail } (run `vault verify` for details)
core-tampered = the vault was changed without the passphrase: { $detail }; nothing was signed or saved (run `vault verify` for details)
core-would-overwrite = refusing to overwrite { $path }
core-file = { $path }: { $detail }
core-io = i/o error: { $detail }
core-sql = storage error: { $detail }
core-json = invalid input: { $detail }
core-busy = the vault is busy (another vault command is writing); try again
core-interrupted = interrupted; nothing was saved
core-source-changed = { $path } changed while it was being attached (its size or modification time moved); nothing was stored. Attach it again once no program is writing to it
core-too-large = { $path } is too large for this input (more than { $limit }); check that it is the right file
core-line-too-long = the first line of { $path } is longer than { $limit } bytes; a passphrase file holds the passphrase on its first line (check that it is the right file)
core-not-text = { $path } is not text (UTF-8); check that it is the right file
core-size-bytes = { $count } bytes
core-io-not-found = No such file or directory
core-io-permission-denied = Permission denied
core-io-already-exists = File exists
core-io-unexpected-eof = unexpected end of file
core-io-storage-full = No space left on device
core-io-is-a-directory = Is a directory
core-io-read-only = Read-only file system
core-not-writable = { $dir }: the vault directory is not writable ({ $detail }); vault must be able to write there, even to read
core-disk-full = { $dir }: the disk holding the vault is full; free some space and try again (nothing was changed)

# Key derivation parameters refused (src/crypto/kdf.rs)
core-kdf-memory-too-large = memory value too large
core-kdf-below-floor = { $mib } MiB, t={ $t }, p={ $p } is below the minimum of 64 MiB, t=3, p=4 (RFC 9106)
core-kdf-stored-below-floor = { $mib } MiB, t={ $t }, p={ $p } is below the minimum of 64 MiB, t=3, p=4 that every vault is created with
core-kdf-memory-over = { $mib } MiB of memory is over 4 GiB
core-kdf-iterations = { $count } iterations (the most accepted is { $max })
core-kdf-lanes = { $count } lanes (the most accepted is { $max })
core-kdf-memory-per-lane = memory smaller than 8 KiB per lane
core-kdf-work = { $mib } MiB times { $t } passes is more work than the most accepted (16 GiB-passes)
core-kdf-argon2 = { $detail }

# No usable keyslot
core-no-keyslot-none = no keyslot is stored
core-no-keyslot-none-restore = no keyslot is stored; the vault cannot be opened (restore a backup)
core-no-keyslot-disappeared = the keyslot that was opened has disappeared

# A keyslot refused before any derivation (src/crypto/keyslot.rs, src/vault/maintenance.rs)
core-slot-short-salt = salt shorter than 16 bytes
core-slot-leaf-missing = ledger leaf { $index }, which should commit to it, does not exist
core-slot-leaf-altered = ledger leaf { $index }, which commits to it, was altered
core-slot-not-slot-entry = ledger leaf { $index } is not an entry that adds or replaces this keyslot
core-slot-digest-mismatch = its parameters, salt or wrapped key differ from what its ledger entry commits to
core-slot-unsigned = no checkpoint signed by this vault covers ledger leaf { $index }, which commits to it

# A passphrase too easy to guess (src/passwords.rs; advice from zxcvbn, by kind)
core-weak-passphrase = the passphrase is too easy to guess (strength { $score } of 4, at least { $needed } needed): { $advice } (or let `vault init --generate-passphrase` make one)
core-weak-default-advice = Use five or more uncommon words.
core-zx-w-straight-rows = Straight rows of keys are easy to guess.
core-zx-w-short-keyboard = Short keyboard patterns are easy to guess.
core-zx-w-repeats-aaa = Repeats like "aaa" are easy to guess.
core-zx-w-repeats-abcabc = Repeats like "abcabcabc" are only slightly harder to guess than "abc".
core-zx-w-top10 = This is a top-10 common password.
core-zx-w-top100 = This is a top-100 common password.
core-zx-w-common = This is a very common password.
core-zx-w-similar = This is similar to a commonly used password.
core-zx-w-sequences = Sequences like abc or 6543 are easy to guess.
core-zx-w-recent-years = Recent years are easy to guess.
core-zx-w-word-by-itself = A word by itself is easy to guess.
core-zx-w-dates = Dates are often easy to guess.
core-zx-w-names = Names and surnames by themselves are easy to guess.
core-zx-w-common-names = Common names and surnames are easy to guess.
core-zx-s-few-words = Use a few words, avoid common phrases.
core-zx-s-no-symbols = No need for symbols, digits, or uppercase letters.
core-zx-s-another-word = Add another word or two. Uncommon words are better.
core-zx-s-capitals = Capitalization doesn't help very much.
core-zx-s-all-upper = All-uppercase is almost as easy to guess as all-lowercase.
core-zx-s-reversed = Reversed words aren't much harder to guess.
core-zx-s-substitutions = Predictable substitutions like '@' instead of 'a' don't help very much.
core-zx-s-keyboard-turns = Use a longer keyboard pattern with more turns.
core-zx-s-repeats = Avoid repeated words and characters.
core-zx-s-sequences = Avoid sequences.
core-zx-s-recent-years = Avoid recent years.
core-zx-s-your-years = Avoid years that are associated with you.
core-zx-s-your-dates = Avoid dates and years that are associated with you.

# Encryption and decryption (src/crypto)
core-crypto-encrypt = encryption failed: { $detail }
core-crypto-decrypt = decryption failed: { $detail }
core-crypto-no-file-key = decryption failed: no file key was unwrapped
core-crypto-key-encoding = encryption failed: { $detail }
core-crypto-key-derivation = encryption failed: key derivation: { $detail }
core-crypto-key-derivation-failed = encryption failed: key derivation failed
core-crypto-reader-panicked = encryption failed: the reading thread panicked
core-crypto-writer-panicked = encryption failed: the writing thread panicked
core-crypto-read-back = encryption failed: the encrypted copy did not read back intact
core-crypto-hkdf-length = encryption failed: HKDF output length

# What a damage names
core-item-record = record { $id } revision { $revision }
core-item-record-attachment = attachment { $id } of record { $record }
core-item-attachment = attachment { $id }
core-item-export = export { $id }
core-item-leaf = ledger leaf { $index }
core-item-reencryption = the re-encryption of ledger leaf { $index }

# What is wrong with an attachment's encrypted file
core-fault-missing = is missing from the vault
core-fault-corrupted = is corrupted (authentication failed)
core-fault-reader-panicked = could not be read (the reading thread panicked)
core-fault-unreadable = could not be read
core-fault-not-age = is not a readable age file
core-fault-no-decrypt = does not decrypt with this vault's key
core-fault-truncated = is truncated
core-fault-padding = has unexpected padding
core-fault-sha256 = does not match its recorded SHA-256
core-fault-hash-mismatch = does not match the hash its ledger entry commits to (run `vault verify`)

# The database's schema (src/store/schema.rs)
core-schema-changed = the vault database's { $kind } { $name } is not the one vault creates (its definition was changed)
core-schema-extra-table = the vault database holds a table { $name } that vault never creates
core-schema-extra-view = the vault database holds a view { $name } that vault never creates
core-schema-extra-trigger = the vault database holds a trigger { $name } that vault never creates
core-schema-extra-index = the vault database holds an index { $name } that vault never creates
core-schema-extra-object = the vault database holds an object { $name } that vault never creates
core-schema-missing-table = the vault database has no table { $table }

# Why the vault is damaged
core-damage-db-malformed = the vault database is malformed (SQLite: { $sqlite })
core-damage-db-wrong-type = the vault database holds a value of the wrong type ({ $sqlite })
core-damage-db-malformed-unsigned = the vault database is malformed (SQLite: { $sqlite }); nothing was signed or changed
core-damage-rows-changed = the vault database changed { $count } rows where it should have stored one { $what }; nothing was saved
core-damage-symlink = { $name } in the vault folder is a symbolic link; vault does not follow links out of its folder (remove the link and put the real { $name } back)
core-damage-meta-missing = vault metadata { $key } is missing
core-damage-leaf-hash-length = ledger leaf { $index } has a hash of the wrong length
core-damage-keyslot-params = keyslot { $slot } has unreadable parameters
core-damage-blob-name = attachment { $id } names a blob file vault never creates ({ $blob }); refusing to use it
core-damage-snapshot-no-vault-id = the snapshot has no vault id
core-damage-snapshot-blob-name = the snapshot names a blob file vault never creates ({ $blob })
core-damage-schema = { $problem }; refusing to use it
core-damage-no-format-version = the vault database has no format version
core-damage-format-version-unreadable = the vault format version is unreadable
core-damage-signing-key-length = the stored signing key has the wrong length
core-damage-signing-public-length = the stored signing public key has the wrong length
core-damage-signing-public-invalid = the stored signing public key is invalid
core-damage-signing-public-not-base64 = the signing public key is not base64
core-damage-signing-secret-not-base64 = the wrapped signing key is not base64
core-damage-signing-secret-no-decrypt = the signing key does not decrypt
core-damage-signing-key-mismatch = the stored signing public key does not match the signing key
core-damage-unknown-slot-kind = unknown keyslot kind { $kind }
core-damage-master-recipient-invalid = stored master recipient is invalid: { $detail }
core-damage-master-key-invalid = a keyslot holds an invalid master key
core-damage-master-key-not-age = the master key is not a valid age identity
core-damage-entry-decode = a ledger entry does not decode: { $detail }
core-damage-entry-version = a ledger entry has unknown version { $version }
core-damage-no-salt = { $owner } has no salt for { $field }
core-damage-record-decode = record does not decode: { $detail }
core-damage-record-format = unknown record format { $format }
core-damage-attachment-decode = attachment description does not decode: { $detail }
core-damage-attachment-format = unknown attachment format { $format }
core-damage-impossible-revision = record { $id } has an impossible revision
core-damage-foreign-keyslot = keyslot { $slot } opens a key that is not this vault's
core-damage-no-creation-entry = the ledger has no creation entry
core-damage-ledger-not-genesis = the ledger does not start with the vault's creation entry
core-damage-master-mismatch = the stored master key is not the one recorded in the ledger; nothing was saved
core-damage-attachment = attachment { $id } ({ $name }) { $fault }
core-damage-rekey-attachment = attachment { $id } { $fault }
core-damage-leaf-mismatch = { $item }: its ledger entry does not match the hash stored for it
core-damage-leaf-altered = { $item }: its ledger entry does not match the hash stored for it
core-damage-no-own-entry = { $item } has no ledger entry of its own
core-damage-no-entry = { $item } has no ledger entry
core-damage-hash-mismatch = { $item } does not match the hash its ledger entry commits to
core-damage-no-decrypt = { $item } does not decrypt
core-damage-record-replaced = { $item } was replaced: its ciphertext is not the one its ledger entry commits to
core-damage-record-digests = { $item } was replaced: its content does not match the digests in its ledger entry
core-damage-attachment-replaced = { $item } was replaced: its description is not the one its ledger entry commits to
core-damage-attachment-digests = { $item } was replaced: its description does not match the digests in its ledger entry
core-damage-record-no-decrypt = record { $id } revision { $revision } does not decrypt
core-damage-record-swapped = record { $id } revision { $revision } holds the ciphertext of record { $other_id } revision { $other_revision }
core-damage-attachment-no-decrypt = attachment { $id } description does not decrypt
core-damage-attachment-swapped = attachment { $id } holds the description of attachment { $other_id }
core-damage-rekey-refused = { $count ->
    [one] verify finds 1 problem, so rekey will not re-encrypt it
   *[other] verify finds { $count } problems, so rekey will not re-encrypt it
}
core-damage-backup-wrong-size = { $path } has the wrong size (run `vault verify`)
core-damage-backup-blob-name = an attachment refers to an unexpected blob name { $name }
core-damage-restore-not-verified = { $count ->
    [one] the restored copy does not verify (1 problem: { $item }: { $detail })
   *[other] the restored copy does not verify ({ $count } problems; first: { $item }: { $detail })
}
core-damage-not-a-folder = { $path } is a symbolic link or not a folder; vault does not follow links out of its folder

# Changed without the passphrase (src/vault/mod.rs, trust.rs, trust_unlock.rs)
core-tamper-signing-public = the stored signing public key is not the signing key's
core-tamper-entries-removed = ledger entries were removed: { $stored } of { $size } are stored
core-tamper-seal-root = the trust seal holds a malformed root
core-tamper-seal-missing = the trust seal is missing, though ledger leaf { $index } records that this vault keeps one
core-tamper-shrunk = the ledger has { $size } entries, fewer than the { $previous } this vault last signed: an older copy was put back or entries were removed
core-tamper-signed-changed = entries this vault already signed were changed (the first { $previous } no longer have the signed root)
core-tamper-unsigned = ledger leaf { $index } ({ $label }) is not signed, though every command that writes one signs it at once: it was forged
core-tamper-unknown-leaf = ledger leaf { $index } is not an entry this program writes
core-tamper-seal-foreign = the trust seal is not one this program wrote
core-tamper-seal-wrong-key = the trust seal was not made with this vault's master key
core-tamper-seal-identity = the { $parts } no longer match what the passphrase holder sealed
core-tamper-pin-signing-key = its signing key (security number { $now }) is not the one this computer knows for it ({ $pinned })
core-tamper-pin-recipient = the master key new entries would be encrypted to is not the one this computer knows for this vault
core-tamper-pin-rollback = the ledger has { $size } entries, but this computer saw { $pinned } of them signed: an older copy of the vault was put back, or entries were removed
core-tamper-pin-rewritten = the ledger does not extend the newest checkpoint this computer saw signed (size { $pinned }): its history was rewritten, or an older copy was put back

# Input refused (src/record, src/vault, src/backup.rs)
core-input-party-empty = an agent, vehicle or witness entry is empty
core-input-coordinates-range = coordinates need a latitude in -90..90 and a longitude in -180..180
core-input-coordinates-format = coordinates { $text } are not `LAT,LON` in decimal degrees
core-input-unknown-kind = unknown kind { $given }; use one of: { $choices }
core-input-tag-empty = a tag is empty
core-input-narrative-unopened = the narrative has a `]]` without a matching `[[`
core-input-narrative-unclosed = the narrative has a `[[` private span that is never closed with `]]`
core-input-narrative-nested = private spans `[[...]]` cannot be nested
core-input-disclosure-not-base64 = a disclosure is not base64url
core-input-disclosure-not-json = a disclosure is not JSON
core-input-disclosure-salt-or-name = a disclosure has a bad salt or name
core-input-disclosure-shape = a disclosure is not [salt, name, value]
core-input-nothing-to-change = nothing to change: give at least one field to amend
core-input-no-attachment = record { $id } has no attachment { $number } (it has { $count })
core-input-not-regular-file = { $path } is not a regular file
core-input-passphrase-file-not-utf8 = the passphrase file is not UTF-8 text
core-input-no-passphrase-slot = this vault has no passphrase slot to change; add one with `vault keyslot add`
core-input-several-passphrase-slots = you unlocked with a recovery code and this vault has several passphrase slots: add a new one with `vault keyslot add`, then remove the old ones with `vault keyslot remove`
core-input-no-keyslot-id = give a keyslot id (see `vault keyslot list`)
core-input-no-keyslot-match = no keyslot matches { $prefix } (see `vault keyslot list`)
core-input-keyslot-ambiguous = { $prefix } matches { $count } keyslots; type more of the id
core-input-last-keyslot = refusing to remove the last keyslot: the vault could never be opened again
core-input-last-passphrase-slot = refusing to remove the last passphrase slot; to replace the passphrase use `vault passwd`
core-input-restore-not-empty = { $dir } is not empty; restore into a new directory
core-input-not-a-backup = { $path } is not a vault backup: { $flaw }
core-input-no-pin-file = no pin file was given
core-backup-archive = { $detail }
core-backup-name-not-utf8 = a member name is not UTF-8
core-backup-unexpected-member = unexpected member { $name }
core-backup-not-regular = { $name } is not a regular file
core-backup-out-of-place = { $name } appears out of place or twice
core-backup-manifest-too-large = the manifest is too large
core-backup-manifest-unparsable = the manifest does not parse: { $detail }
core-backup-unknown-format = unknown format { $format }
core-backup-copy = { $name }: { $detail }
core-backup-manifest-missing = the manifest is missing (a truncated copy?)
core-backup-files-differ = its files differ from its manifest (damaged or altered)
core-backup-no-database = it holds no database
core-backup-other-vault = the manifest names another vault

# Warnings about this computer's pin file (src/vault/pin.rs)
core-pin-damaged-line = line { $line } of the pin file { $path } is damaged and was ignored
core-pin-not-saved = the pin file could not be saved: { $detail }

# Changed under the command: try again
core-conflict-reencrypting-record = the record changed while it was being re-encrypted; try again
core-conflict-reencrypting-attachment = the attachment changed while it was being re-encrypted; try again
core-conflict-reencrypting-export = the export changed while it was being re-encrypted; try again
core-conflict-amending = record { $id } changed while it was being amended; try again
core-conflict-rekeyed = the vault was rekeyed while this command ran; nothing was saved, try again
core-conflict-backup-vanished = { $path } disappeared while the backup was made (was the vault rekeyed?); try again
core-conflict-backup-changed = { $path } changed while the backup was made; try again
core-conflict-attached-changed = the attachment was stored, but { $path } changed while it was read; it was not removed
core-conflict-cached-attachment-vanished = a cached attachment vanished
core-conflict-revision-exists = record { $id } revision { $revision } already exists
core-conflict-cache-segment-exists = cache segment { $seq } already exists
core-conflict-check-panicked = the database check panicked

## bundle: writing and reading bundles (library errors)

## verify: problem kinds and what verify prints

## when: times as people say them and as they are shown

## report: the owner's report and the counsel report

## cli: prompts, notes, command output, help

# Placeholder used by the unit test of the loader; keep.
i18n-selftest = { $count ->
    [one] one entry
   *[other] { $count } entries
}
