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
core-weak-passphrase = the passphrase is too easy to guess (strength { $score } of 4, at least { $needed } needed): { $advice }
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
core-damage-export-would-miss = { $shape ->
    [attachment] attachment { $attachment } of incident { $record } is missing; an export of every incident would leave it out
    [incident] incident { $record } is missing; an export of every incident would leave it out
    [revision-shown] incident { $record } revision { $revision } is missing (revision { $shown } is shown in its place); an export of every incident would leave it out
   *[revision] incident { $record } revision { $revision } is missing; an export of every incident would leave it out
}
core-damage-revision-missing = incident { $record } revision { $revision } is missing
core-damage-newer-revision-missing = incident { $record } revision { $revision } is missing and the older revision { $shown } shows in its place; it is not changed or exported until the missing revision is back (restore a backup: vault restore)
core-damage-no-checkpoint = the vault has no checkpoint
core-damage-leaf-missing = ledger leaf { $index } is missing
core-damage-no-inclusion-proof = no inclusion proof for leaf { $index }: { $detail }
core-damage-no-consistency-proof = no consistency proof from size { $size }: { $detail }
core-damage-export-no-decrypt = export { $id } does not decrypt
core-damage-export-no-decode = export { $id } does not decode: { $detail }
core-damage-export-other = export { $id } holds the details of export { $other }

# Changed without the passphrase (src/vault/mod.rs, trust.rs, trust_unlock.rs)
core-tamper-signing-public = the stored signing public key is not the signing key's
core-tamper-entries-removed = ledger entries were removed: { $stored } of { $size } are stored
core-tamper-seal-root = the trust seal holds a malformed root
core-tamper-seal-missing = the trust seal is missing, though ledger leaf { $index } records that this vault keeps one
core-tamper-shrunk = the ledger has { $size ->
    [one] 1 entry
   *[other] { $size } entries
}, fewer than the { $previous } this vault last signed: an older copy was put back or entries were removed
core-tamper-signed-changed = entries this vault already signed were changed (the first { $previous } no longer have the signed root)
core-tamper-unsigned = ledger leaf { $index } ({ $label }) is not signed, though every command that writes one signs it at once: it was forged
core-tamper-unknown-leaf = ledger leaf { $index } is not an entry this program writes
core-tamper-seal-foreign = the trust seal is not one this program wrote
core-tamper-seal-wrong-key = the trust seal was not made with this vault's master key
core-tamper-seal-identity = the { $parts } no longer match what the passphrase holder sealed
core-tamper-pin-signing-key = its signing key (security number { $now }) is not the one this computer knows for it ({ $pinned })
core-tamper-pin-recipient = the master key new entries would be encrypted to is not the one this computer knows for this vault
core-tamper-pin-rollback = the ledger has { $size ->
    [one] 1 entry
   *[other] { $size } entries
}, but this computer saw { $pinned } of them signed: an older copy of the vault was put back, or entries were removed
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
core-input-keyslot-ambiguous = { $count ->
    [one] { $prefix } matches { $count } keyslot; type more of the id
   *[other] { $prefix } matches { $count } keyslots; type more of the id
}
core-input-last-keyslot = refusing to remove the last keyslot: the vault could never be opened again
core-input-last-passphrase-slot = refusing to remove the last passphrase slot (a vault keeps a passphrase or a hardware-key slot); to replace the passphrase use `vault passwd`
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

# everyday: core messages for corrections, withdrawals, passphrases and words
core-input-withdraw-reason-empty = give a reason for withdrawing the incident (for example --reason "entered by mistake")
core-vault-unplugged = no vault at { $dir }, and the drive or folder it should be on is not there either. If the vault is on a USB stick or an external drive, plug it in and try again (or pass --vault DIR if it is somewhere else). Do not run `vault init`: that would make a second, empty vault
# custody: travel mode and the detention plan (src/error/custody.rs)
core-custody-travelling = travel mode is on: this vault's keyslots are in the escrow file someone else holds, so nothing can open the vault on this device, with any passphrase or recovery code (`vault add` and `vault attach` still work; `vault travel end` brings the keyslots back)
core-custody-not-travelling = travel mode is not on (there is nothing to bring back)
core-custody-already-travelling = travel mode is already on
core-custody-travel-entry = the ledger entry that started travel mode (leaf { $leaf }) is missing or was changed; run `vault verify`
core-custody-escrow-not-logged = { $path } is not the escrow file this vault wrote when travel mode started (its SHA-256 differs from the one in the ledger)
core-custody-escrow-locked = no identity given opens { $path } (give the key it was encrypted to with --identity)
core-custody-escrow-foreign = { $path } holds keyslots of another vault, or other keyslots than the ones logged when travel mode started
core-custody-escrow-incomplete = the escrow file { $path } read back is not what was written; nothing was removed
core-custody-no-plan = this vault has no detention plan (`vault plan set` makes one)
core-custody-plan-damaged = the stored detention plan does not match its ledger entry, or cannot be read (it was changed without the passphrase, or the master key was replaced with `vault rekey`): make it again with `vault plan set`
core-custody-threshold = the threshold must be between 1 and the number of trustees ({ $count }, at most 255); { $threshold } was given
core-custody-no-trustee = a detention plan needs at least one trustee (--trustee KEY)
core-custody-share-unreadable = { $path } is not a share of a release key, or no identity given opens it
core-custody-shares-disagree = { $path } is a share of another release key (or vault) than the first share given
core-custody-duplicate-share = { $path } holds the same share as another file given
core-custody-not-enough-shares = { $need ->
    [one] 1 share is needed
   *[other] { $need } shares are needed
}; { $count ->
    [one] only 1 was given
   *[other] only { $count } were given
}
core-custody-shares-wrong = the shares do not rebuild the release key they name (one of them is damaged)
# anchor: timestamps (RFC 3161) and witness cosignatures refused (src/error/anchor.rs)
core-anchor = timestamp or cosignature refused: { $detail }
core-anchor-unreadable = the { $what } cannot be read ({ $detail })
core-anchor-not-granted = the timestamp authority did not grant the request (status { $status })
core-anchor-unsupported-algorithm = unsupported algorithm { $oid } (vault checks RSA signatures with SHA-256 only)
core-anchor-bad-signature = the token's signature does not verify: it was changed after the authority signed it
core-anchor-no-signer-certificate = the token carries no certificate for its signer
core-anchor-not-timestamping = the signer's certificate may not sign timestamps (no timeStamping extended key usage)
core-anchor-untrusted = the timestamp authority "{ $tsa }" does not chain to the trusted certificate
core-anchor-other-checkpoint = the token timestamps something other than this checkpoint
core-anchor-nonce-mismatch = the answer's nonce is not the pending request's (a replayed or foreign answer)
core-anchor-no-pending-request = no timestamp request is waiting for an answer; run `vault anchor request` first
core-anchor-no-checkpoint = the vault has no signed checkpoint yet
core-anchor-bad-certificate = the certificate cannot be read ({ $detail })
core-anchor-bad-cosignature = the cosignature cannot be read ({ $detail })
core-anchor-inconsistent = this checkpoint (size { $size }) does not extend the last one this witness cosigned (size { $previous }): the vault's history was rewritten
core-anchor-proof-from = the request proves consistency from size { $from }, but this witness last cosigned size { $needed }: ask for a new one made with `vault witness request --from { $needed }`
# plugin: keyslots opened through an age plugin, a hardware key (src/crypto/plugin.rs)
core-custody-plugin-recipient = { $text } is not an age plugin recipient (age1 followed by the plugin's name, 1 and the key, as the plugin prints it)
core-custody-plugin-identity = { $path } holds no identity of the plugin { $plugin } (a line AGE-PLUGIN-…-1…, as the plugin prints it)
core-custody-plugin-missing = the program { $binary } was not found: install it, or put the folder that holds it on PATH, to use the hardware key (a passphrase or recovery code still opens the vault if it has one)
core-custody-plugin-failed = the age plugin { $plugin } failed: { $detail }
core-custody-plugin-no-match = the key behind the age plugin { $plugin } does not open this vault (is the right device plugged in?)
core-slot-plugin-fields = a hardware-key (plugin) slot with key-derivation parameters, or without a plugin identity
core-custody-no-plugin-slot = this vault has no hardware-key slot (`vault keyslot add --plugin` adds one)

# tsahttp: sending a timestamp request to an authority (src/anchor/http.rs) and certificate dates
core-anchor-outside-validity = the certificate "{ $subject }" was not valid at the token's time, { $time } (valid from { $from } to { $to })
core-tsa-bad-url = { $url } is not a timestamp authority address: give one that starts with https:// or http://
core-tsa-unreachable = the timestamp authority { $host } could not be reached ({ $detail }); nothing was stored
core-tsa-status = the timestamp authority answered with HTTP status { $status } instead of a timestamp; nothing was stored
core-tsa-content-type = the timestamp authority's answer is not a timestamp (content type { $found }, not application/timestamp-reply); nothing was stored
core-tsa-too-large = the timestamp authority's answer is longer than { $limit }; nothing was stored
core-tsa-timeout = the timestamp authority did not answer within { $secs ->
    [one] 1 second
   *[other] { $secs } seconds
}; nothing was stored

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
bundle-entries-overlap = the archive's files declare { $total } bytes in all, more than the { $bundle } bytes of the whole bundle: they overlap (a malformed or hostile archive); refusing
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
bundle-changed-since-verified = { $name } changed after the bundle verified (the file is being rewritten as it is read); nothing was kept
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

# anchor: what a bundle's timestamps and cosignatures prove (src/cli/anchor_cmd.rs)
bundle-anchor-line = The vault's log up to entry { $size } existed no later than { $time }, per the timestamp authority "{ $tsa }" (checked against your certificate).
bundle-anchor-untrusted-line = The vault's log up to entry { $size } existed no later than { $time }, says "{ $tsa }": not checked against a certificate you trust; give --tsa-cert to rely on it.
bundle-cosignature-line = The vault's log up to entry { $size } was cosigned by your witness key "{ $witness }" on { $time }: it is the history you saw then, or extends it.
bundle-cosignature-other-line = The vault's log up to entry { $size } was cosigned by the witness "{ $witness }" on { $time }; give --witness-key to check that the key is yours.
help-bundle-verify-tsa-cert = Check the bundle's timestamps against this timestamp authority certificate (PEM or DER)
help-bundle-verify-witness-key = Check the bundle's cosignatures against your witness key (key file, or the public key line)
# packet: the court packet (src/bundle/packet), `vault bundle exhibit`, what export tells the owner to tell the lawyer
bundle-packet-bad-prefix = invalid input: the page-id prefix { $prefix } must be 1 to { $max } letters, digits, - or _
bundle-packet-bad-start = invalid input: the first page number must be from 1 to 999999999, not { $start }
bundle-packet-folder-exists = { $path } already exists: give a new folder for the exhibit (nothing is ever overwritten)
bundle-packet-utc = { $time } UTC
bundle-packet-title = Exhibit: incident records, export { $export }
bundle-packet-footer = Export { $export } · page { $n } of { $total }
bundle-packet-cover-heading = Incident records kept with vault
bundle-packet-cover-exported = Exported { $date } from vault { $vault } (export { $export }): { $incidents ->
    [one] 1 incident
   *[other] { $incidents } incidents
}, { $attachments ->
    [one] 1 attachment
   *[other] { $attachments } attachments
}.
bundle-packet-cover-supplements = This is a later disclosure: it reveals parts withheld from export { $export }.
bundle-packet-cover-fingerprint = Signing key fingerprint
bundle-packet-cover-fingerprint-note = Compare this number with the person who kept the records, by phone or in person: each reads it aloud in groups of five digits. If it matches, this exhibit comes from their vault.
bundle-packet-proves-heading = What this proves
bundle-packet-proves = When `vault bundle verify` reports VERIFIED, every incident and attachment shown here is exactly what the vault's signed log recorded: { $size ->
    [one] the log's first entry is
   *[other] the log's first { $size } entries are
} signed with the key above, and each item is tied to that signature by its hash. Nothing shown was changed after it was recorded without the change being visible, and a correction shows as a new version. Parts marked withheld exist in the record and are committed to by salted hashes: they cannot be swapped for other text later.
bundle-packet-not-proves-heading = What this does not prove
bundle-packet-not-proves = It does not prove that what was written is true, or who typed it: only that it was recorded in this vault and not altered since. The "recorded" times come from the clock of the computer of the person who kept the records, which its owner can set; the signed log orders entries but does not by itself prove when they were made. The capture time of a photo is what the file's metadata says, which can be edited before the file entered the vault. The printed copy proves nothing alone: verify the bundle file.
bundle-packet-outside-heading = Proofs of time from outside the vault
bundle-packet-outside-none = None in this bundle. A receipt (a signed checkpoint) that the person gave you earlier can show that the records existed by the day you received it: `vault bundle verify --receipt FILE`.
bundle-packet-outside-item = { $by }: { $time } ({ $covers })
bundle-packet-outside-anchor = timestamp of the checkpoint of { $size ->
    [one] 1 entry
   *[other] { $size } entries
} (RFC 3161; check the authority's certificate with `vault bundle verify --tsa-cert`)
bundle-packet-outside-cosignature = cosignature of the checkpoint of { $size ->
    [one] 1 entry
   *[other] { $size } entries
} (check the witness's key with `vault bundle verify --witness-key`)
bundle-packet-verify-heading = How to verify
bundle-packet-verify = Run `vault bundle verify BUNDLE --identity KEY` on the bundle file, or follow VERIFY.txt inside it with standard tools (sha256sum, openssl). The hash table at the end lists the SHA-256 of every file in the bundle; this PDF and manifest.json are checked by the tool itself.
bundle-packet-chronology-heading = Chronology
bundle-packet-col-when = When
bundle-packet-col-kind = Kind
bundle-packet-col-incident = Incident
bundle-packet-col-page = Page
bundle-packet-col-file = File
bundle-packet-col-sha = SHA-256
bundle-packet-incident-heading = Incident { $id } (version { $revision })
bundle-packet-history-heading = History
bundle-packet-history-first = First version: this incident was never corrected before this export.
bundle-packet-history-corrected = Version { $revision }: this incident was corrected { $earlier ->
    [one] once
   *[other] { $earlier } times
} after it was first recorded. The signed log keeps every earlier version; this bundle shows the latest.
bundle-packet-history-recorded = This version was recorded { $at }, by the clock of the activist's computer.
bundle-packet-history-recorded-withheld = When this version was recorded is withheld.
bundle-packet-history-first-recorded = First recorded { $at }.
bundle-packet-history-first-recorded-withheld = First recorded: when is withheld.
bundle-packet-history-correction = Corrected (version { $revision }) { $at }.
bundle-packet-history-correction-withheld = Corrected (version { $revision }): when is withheld.
bundle-packet-history-clock = These times are by the clock of the activist's computer; the signed log proves the order of the versions.
bundle-packet-att-name = File name
bundle-packet-att-type = Type
bundle-packet-att-carries = In this bundle
bundle-packet-att-path = File in the bundle
bundle-packet-att-sha = SHA-256 of the file in the bundle
bundle-packet-att-original-sha = SHA-256 of the original (when it entered the vault)
bundle-packet-att-taken = Capture time in the file's metadata
bundle-packet-att-mismatch = WARNING: the capture time is { $days ->
    [one] 1 day
   *[other] { $days } days
} away from the time of the incident.
bundle-packet-att-identifying = WARNING: the original file carries identifying metadata: { $item }
bundle-packet-att-no-image = (This image cannot be drawn here: open the file in the bundle.)
bundle-packet-meta-gps = GPS position { $position }
bundle-packet-meta-serial = camera serial number { $serial }
bundle-packet-meta-owner = owner name { $name }
bundle-packet-meta-camera = camera { $camera }
bundle-packet-hashes-heading = Files in this bundle
bundle-packet-hashes-note = Each file's SHA-256, as `sha256sum` prints it. This PDF and manifest.json are not listed: the tool checks them.
bundle-packet-csv-date = Date
bundle-packet-csv-time = Time
bundle-packet-csv-as-written = Date as written
bundle-packet-csv-fact = Fact
bundle-packet-csv-source = Source
bundle-packet-csv-page = Page
bundle-packet-csv-start = Start
bundle-packet-csv-end = End
bundle-packet-csv-source-text = Incident { $id }, version { $revision }, export { $export }
bundle-packet-decl-draft = DRAFT FOR COUNSEL TO REVIEW. Not signed, not sworn, not to be filed as it is: vault wrote it from the bundle; counsel decides what it says.
bundle-packet-decl-1746-heading = DRAFT DECLARATION OF [NAME OF DECLARANT] UNDER 28 U.S.C. § 1746
bundle-packet-decl-1746-body =
    I, [NAME OF DECLARANT], declare as follows:

    1. I am over 18 years of age and competent to make this declaration. I have personal knowledge of the facts stated in it.

    2. I keep a record of encounters with enforcement agents in a program called vault, on my own computer. I wrote each record listed below myself, at or soon after the time of the events it describes. [COUNSEL: adapt to how and when each record was made.]

    3. The program keeps every record encrypted and logs each record, and each correction of a record, in a log signed with a key only my vault holds. That key's fingerprint is { $fingerprint }. I confirmed this number to my counsel [by telephone / in person] on [DATE].

    4. I exported the following { $count ->
        [one] incident
       *[other] { $count } incidents
    } to my counsel (export { $export }). The exhibit shows what I recorded, except the parts I chose to withhold, which are marked as withheld:
bundle-packet-decl-incident = {"    "}{ $n }. { $when }: incident { $id }, version { $revision } (exhibit page { $page })
bundle-packet-decl-1746-closing = I declare under penalty of perjury under the laws of the United States of America that the foregoing is true and correct.
bundle-packet-decl-signature =
    Executed on [DATE] at [CITY, STATE].

    ______________________________
    {"["}NAME OF DECLARANT]
bundle-packet-decl-902-heading = DRAFT CERTIFICATION UNDER FEDERAL RULE OF EVIDENCE 902(14) (see also Rules 902(11) and 902(13))
bundle-packet-decl-902-body =
    I, [NAME OF QUALIFIED PERSON], certify as follows:

    1. I am [DESCRIBE QUALIFICATION: e.g. familiar with the vault program and the cryptographic methods below]. I examined the electronic bundle of export { $export }, exported { $date } from vault { $vault }.

    2. How vault identifies its data by hash. When a record or attachment is saved, vault computes a SHA-256 hash of each of its fields (each with a random salt) and of every attached file. SHA-256 is a standard hash function (FIPS 180-4): any change to the data, even of one character, gives a different hash.

    3. How vault logs and signs. Each record, each correction and each attached file becomes an entry in an append-only log built as a Merkle tree (RFC 6962). vault signs the log's state (a checkpoint: the number of entries and the root hash) with an Ed25519 key (RFC 8032) held only in that vault. The bundle carries a checkpoint covering { $size ->
        [one] 1 entry
       *[other] { $size } entries
    } and, for each item, the proof that ties it to that checkpoint. The public key's fingerprint is { $fingerprint }.

    4. How the bundle is verified. I ran `vault bundle verify` on the bundle file [or followed VERIFY.txt with standard tools]: it checked the signature on the checkpoint, the inclusion proof of every item, that every disclosed field matches its hash in the log, and the SHA-256 of every file. It reported [VERIFIED / the problems attached].

    5. Based on that process, the data in the exhibit is a true duplicate of the data recorded in the vault, as identified by the hashes listed in the exhibit, except the parts marked withheld, which are identified by their hashes but not shown. [COUNSEL: the process shows the data was not altered after it was recorded; it does not show when or by whom it was typed.]
bundle-packet-decl-902-signature =
    I declare under penalty of perjury under the laws of the United States of America that the foregoing is true and correct.

    Executed on [DATE] at [CITY, STATE].

    ______________________________
    {"["}NAME OF QUALIFIED PERSON]
bundle-packet-decl-translation-heading = INCIDENTS WRITTEN IN SPANISH: ORIGINAL TEXT AND CERTIFICATE OF TRANSLATION
bundle-packet-decl-translation-original = Original text of incident { $id } (exhibit page { $page }), as recorded:
bundle-packet-decl-translation-space =
    English translation:

    {"["}TRANSLATOR: translation of the text above]
bundle-packet-decl-translation-certificate =
    CERTIFICATE OF TRANSLATION

    I, [NAME OF TRANSLATOR], certify that I am competent to translate from Spanish into English, and that the English translation above of the original text of this incident is complete and accurate to the best of my knowledge and ability.

    ______________________________
    {"["}NAME OF TRANSLATOR]    [ADDRESS]    [TELEPHONE]    [DATE]
bundle-packet-exhibit-wrote = Wrote the court packet into { $path }: exhibit.pdf ({ $pages ->
    [one] 1 page
   *[other] { $pages } pages
}, { $first } to { $last }), chronology.csv, declaration.txt and report.html.
bundle-packet-exhibit-drafts = The declarations in declaration.txt are drafts: review them before anyone signs.
bundle-lawyer-heading = What to tell your lawyer:
bundle-lawyer-send = {"  "}1. Send them the file { $path } (by email or on a USB stick): only their key opens it.
bundle-lawyer-fingerprint = {"  "}2. By phone or in person, read them this number and ask them to compare it: { $fp }
bundle-lawyer-verify = {"  "}3. To check it, they run: vault bundle verify { $file } --identity KEY

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
verify-checkpoint-beyond-ledger = the checkpoint covers { $size ->
    [one] 1 entry
   *[other] { $size } entries
} but the ledger has only { $leaves }
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
verify-high-water-shorter = the ledger has { $leaves ->
    [one] 1 entry
   *[other] { $leaves } entries
}, fewer than the { $size } this vault last signed: an older copy was put back or entries were removed
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
verify-receipt-beyond-vault = the receipt covers { $size ->
    [one] 1 entry
   *[other] { $size } entries
} but the vault has only { $leaves }: this is an older copy, or entries were removed
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
verify-pin-shorter = the ledger has { $leaves ->
    [one] 1 entry
   *[other] { $leaves } entries
}, but this computer saw { $size } of them signed: an older copy of the vault was put back, or entries were removed
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
verify-earlier-revisions = the earlier versions listed are not versions 1 to { $last }, each once and in order
verify-revision-logged-after = this version is logged after version { $next }, which corrects it
verify-revision-recorded-after = this version's recorded time is after that of version { $next }, which corrects it (back-dated)
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
verify-kind-plan = the detention plan does not match its ledger entries: planted, removed or changed without the passphrase
verify-kind-travel = the travel mark does not match the ledger: removed, planted or changed without the passphrase
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
verify-cli-scope = { $entries ->
    [one] 1 ledger entry
   *[other] { $entries } ledger entries
} ({ $signed } covered by the newest signed checkpoint), { $records ->
    [one] 1 record revision
   *[other] { $records } record revisions
}, { $attachments ->
    [one] 1 attachment
   *[other] { $attachments } attachments
}
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

# seal: the signed statement of a bundle's files and strict reading (src/bundle/reader.rs)
verify-item-statement = signed statement (STATEMENT.txt)
verify-statement-missing = { $file } is missing: nothing signs the bundle's files
verify-statement-not-text = the statement is not UTF-8 text
verify-statement-signature = the statement's signature (STATEMENT.sig) is not valid for the bundle's signing key
verify-statement-manifest = the manifest does not match the signed statement (line { $line } of STATEMENT.txt)
verify-statement-form = the statement is not in its canonical form (docs/bundle-format.md, section 9)
verify-statement-repeated = the statement lists { $file } more than once
verify-file-changed = the file's bytes do not match the SHA-256 the statement signs: it was changed after it was signed
verify-file-unreadable = the file cannot be read: { $error }
verify-bundle-unsigned = this bundle is in the older format { $format }: its report.html, VERIFY.txt and the hashes of its files are not signed, so only the manifest, the record files and the attachments it names were checked; ask the sender for a new export
verify-attachment-incident = the incident this attachment belongs to is not in the bundle
verify-attachment-stripped-metadata = the file is declared a stripped copy, but the metadata field is disclosed: a stripped copy requires the metadata withheld
verify-attachment-file-name = the path { $file } is not attachments/<attachment id>/<a name the file-name rule keeps>
verify-attachment-file-renamed = the name in { $file } is not the one the disclosed name gives ({ $name })
verify-supplement-kind = { $kind ->
    [export] an export names a bundle it supplements
   *[other] a disclosure names no bundle it supplements
}
verify-kind-statement = the signed statement of the bundle's files is missing, not validly signed, or does not match the manifest
verify-kind-file-hash = a file in the bundle was changed after the bundle was signed
verify-kind-unsigned-files = the bundle is in the older format: its report, VERIFY.txt and file hashes are not signed
verify-kind-attachment-incident = an attachment's incident is not in the bundle
verify-kind-revision-order = a correction of an incident is logged or dated before the version it corrects
# custody: ledger entries of travel mode and the detention plan
verify-item-travel = travel mode
verify-item-travel = travel mode
verify-travel-unmarked = the travel mark was removed from the folder, though ledger leaf { $leaf } started travel mode and nothing ended it: `vault travel end` still works from the ledger
verify-travel-planted = the folder says travel mode is on, but no travel start in the ledger is open: the mark was written without the passphrase
verify-travel-other = the travel mark does not name ledger leaf { $leaf }, the travel start that is open: it was changed in the folder
verify-item-plan = detention plan
verify-plan-unlogged = a detention plan is stored but no plan entry in the ledger records it: it was written without the passphrase and is never used
verify-plan-removed = the detention plan was removed from the folder, though ledger leaf { $leaf } records it: its release bundle is no longer brought up to date
verify-plan-changed = the stored detention plan is not the one ledger leaf { $leaf } records: it was changed without the passphrase and is not used
verify-plan-refreshed = the plan's refresh mark names { $marked } ledger entries, more than the { $size } there are: it was edited in the folder (the next unlock writes a new release bundle)
# anchor: timestamps and cosignatures in verify (src/vault/verify/anchors.rs)
verify-item-anchor = timestamp of checkpoint { $size }
verify-item-cosignature = cosignature of checkpoint { $size } by { $witness }
verify-anchor-leaf = the stored timestamp does not point to a timestamp entry (leaf { $leaf })
verify-anchor-token = the token is not valid: { $error }
verify-anchor-token-hash = the stored token does not match its ledger entry
verify-anchor-checkpoint = the token does not timestamp the checkpoint it is stored for: { $error }
verify-anchor-checkpoint-gone = no valid checkpoint of size { $size } with the note the entry names is stored
verify-anchor-trust-replaced = the trusted certificate stored is not the one the ledger entry names
verify-anchor-untrusted = { $error }
verify-anchor-nonce = the token's nonce is not the one its ledger entry names (an answer to another request)
verify-anchor-nonce-reused = the same nonce is already used by the timestamp at leaf { $leaf }
verify-cosignature-invalid = the cosignature does not verify: { $error }
verify-cosignature-checkpoint = the cosignature matches no checkpoint of size { $size } of this vault: the history it saw was rewritten
verify-kind-anchor-leaf = a stored timestamp does not point to its ledger entry
verify-kind-anchor-missing = a timestamp the ledger logs is not stored
verify-kind-anchor-token = a timestamp token is damaged, changed, or not the one its ledger entry names
verify-kind-anchor-checkpoint = a timestamp token does not stamp the checkpoint it is stored for
verify-kind-anchor-untrusted = a timestamp token does not chain to the trusted certificate
verify-kind-anchor-nonce = a timestamp token answers another request (its nonce differs or was used twice)
verify-kind-cosignature = a witness cosignature does not verify, or matches no checkpoint of this vault
verify-anchor-line = checkpoint { $number } (size { $size }) existed no later than { $time }, per TSA "{ $tsa }"
verify-cosignature-line = checkpoint { $number } (size { $size }) was cosigned by witness { $witness } on { $time }

# tsahttp: certificate dates of timestamps (src/anchor/mod.rs)
verify-anchor-validity = { $error }
verify-kind-anchor-validity = a timestamp token's certificate, or one of its chain, was not valid at the token's time

## when: times as people say them and as they are shown

# The accepted forms, shown in every "could not understand" error.
when-hint = now, today 14:30, yesterday 3pm, 2 hours ago, last monday morning, 2026-11-20 14:30, 2026-11-20, around 3pm, between 2pm and 4pm, or RFC 3339 (2026-11-20T14:30:00-05:00); en español: ahora, ayer 15:00, hace 2 horas, el lunes pasado por la mañana, a eso de las 3pm, entre las 2pm y las 4pm
when-empty = no time given; try: { when-hint }
# $detail is empty or " (reason)"
when-unrecognized = could not understand the time { $input }{ $detail }; try: { when-hint }
when-detail-future = { $word } is in the future; incidents are logged after they happen
when-detail-unexpected = unexpected { $word }
when-detail-repeated = it names the time more than once
when-detail-range = a range needs a start and an end
when-invalid = invalid time { $input }: { $reason }; try: { when-hint }
when-reason-clock-shape = not a clock time (use 14:30, 2:30pm or 2pm)
when-reason-clock = not a clock time
when-reason-minutes = minutes must be 00-59
when-reason-seconds = seconds must be 00-59
when-reason-meridiem-hour = with am/pm the hour must be 1-12
when-reason-hour = the hour must be 00-23
when-reason-no-such-date = no such date { $date }
when-reason-not-date-time = { $word } is not a valid date and time
when-reason-out-of-range = date out of range
when-reason-no-such-time = no such time of day
when-ambiguous = ambiguous time { $input }: { $reason }
when-ambiguous-period = hour { $hour } does not fit that part of the day; say am or pm, or use 24-hour time
when-ambiguous-am-pm = { $hour } could be { $hour }am or { $hour }pm; write { $hour }am or { $hour }pm, or use 24-hour time ({ $am }:00 or { $pm }:00)
when-in-future = { $input } means { $resolved }, which is in the future; an incident can only be logged after it happened
when-nonexistent = { $input }: { $local } does not exist in this time zone (the clocks jumped forward over it for daylight saving time); use a time outside the gap or give the UTC offset, e.g. 2026-03-08T02:30:00-05:00
when-end-before-start = { $input }: the end ({ $end }) is before the start ({ $start })
when-too-far = { $input } is too far in the past (before { $year }); check the number
when-reason-weekday = the day of the week does not match the date ({ $date })
when-ambiguous-readings = it could be { $first } or { $second }; write the day with the month in words ({ $first-date } or { $second-date })
# How a time is shown: "Tue 10 Nov 2026, 7:00 am"
when-show-at = { $day }, { $time }
when-show-around = { $day } around { $time }
when-show-between = { $day }, between { $start } and { $end }
when-show-between-approx = { $day }, roughly between { $start } and { $end }
when-show-span = between { $start } and { $end }
when-show-span-approx = roughly between { $start } and { $end }
when-show-days = between { $start } and { $end }
when-show-days-approx = roughly between { $start } and { $end }
when-clock = { $time } { $band }
when-zone = { $time } (UTC{ $offset })
when-band-midnight = am
when-band-early = am
when-band-morning = am
when-band-noon = pm
when-band-afternoon = pm
when-band-night = pm
when-note-previous-day = { $when } (the day before: today's { $time } is still to come)
when-ask-which = Which one? 1 = { $first }, 2 = { $second } (or type the time again):{" "}
when-note-taken = note: "{ $input }" was taken as { $when }

## report: the owner's report and the counsel report

# Labels of the incident's fields (src/record/field.rs)
field-kind = Kind
field-when = When
field-location = Where
field-narrative = What happened
field-agents = Agents
field-vehicles = Vehicles
field-witnesses = Witnesses
field-tags = Tags
field-attachments = Attachments
field-recorded_at = Recorded

# Kinds of incident (src/record/kind.rs): the name, and the line of the guided menu
kind-followed = followed
kind-photographed = photographed
kind-contacted = contacted
kind-visited = visited
kind-raid = raid
kind-arrest = arrest
kind-online = online
kind-other = other
kind-followed-description = followed: someone followed you, on foot or by car
kind-photographed-description = photographed: agents photographed or filmed people
kind-contacted-description = contacted: agents spoke to you or asked questions
kind-visited-description = visited: agents came to a home, work or school
kind-raid-description = raid
kind-arrest-description = arrest: someone was detained
kind-online-description = online: contact or surveillance online
kind-other-description = other

# The owner's report (`vault report`, src/report/owner.rs)
report-owner-title = Incident log
report-owner-warning = This file is NOT encrypted. Anyone who gets it can read it. Keep it safe and delete it when you no longer need it.
report-owner-intro = Written { $date } from the vault with fingerprint { $fingerprint }. { $count ->
    [one] 1 incident
   *[other] { $count } incidents
}, oldest first.
report-owner-private = Text marked like this was marked private in the vault.
report-owner-timeline = Timeline
report-owner-summary = Summary
report-owner-empty = No incidents.
report-owner-incident = Incident
report-owner-id = { $id } (revision { $revision })

# Counsel's report.html inside a bundle (src/report/counsel.rs)
report-counsel-title = Incident records: export { $id }
report-counsel-heading = Incident records
report-counsel-heading-disclosure = Incident records: later disclosure
report-counsel-intro = Exported { $date } from vault { $vault }. Signing key fingerprint: { $fingerprint }. { $incidents ->
    [one] 1 incident
   *[other] { $incidents } incidents
}, { $attachments ->
    [one] 1 attachment
   *[other] { $attachments } attachments
}. Parts marked { $withheld } were withheld by the person who kept these records; each withheld part is still committed to by a salted digest, so it cannot be changed later without detection.
report-counsel-withheld = [withheld]
report-counsel-private-withheld = [private part withheld]
report-counsel-incident = Incident { $id } (revision { $revision })
report-counsel-derived = { $field } (derived)
report-counsel-attachment = Attachment { $n }
report-counsel-original = original file, byte for byte
report-counsel-stripped = copy with identifying metadata removed
report-counsel-not-included = file not included
report-counsel-file-sha256 = SHA-256 of included file: { $sha256 }
report-counsel-verify-heading = How to verify
report-counsel-verify = Run { $command }, or follow { $file } in this archive with standard tools. Confirm the fingerprint { $fingerprint } with the person who kept these records, by phone or in person.
report-counsel-checkpoint = Signed checkpoint:

# packet: counsel's report.html read as people write (src/report/counsel.rs)
report-counsel-clock = Times are shown as the records give them, in the zone where each incident happened. "Recorded" times come from the clock of the computer of the person who kept these records.
report-counsel-timeline = Timeline
report-counsel-timeline-incident = Incident
report-counsel-history = History
report-counsel-withdrawn = Withdrawn (entered by mistake)
report-counsel-file-name = Original name: { $name }
report-counsel-taken-at = Capture time in the file's metadata: { $time }

## cli: prompts, notes, command output, help
cli-kind-unknown = unknown kind { $kind }; use one of: { $list }
cli-yes-no = [y/N]
cli-bundle-passphrase-generated = The bundle passphrase ({ $n } random words; this is the only time it is shown):
cli-bundle-passphrase-give = Give it to your lawyer by another way than the bundle (by phone or in person), never in the same email.
cli-report-not-encrypted = { $path } is NOT encrypted: anyone who gets this file can read every incident in it. Keep it safe and delete it when you no longer need it.
cli-report-confirm = Write this unencrypted file?
cli-report-needs-yes = not writing an unencrypted file without confirmation: add --yes
cli-report-bad-format = unknown report format { $format }; use html, csv or json
cli-report-wrote = { $n ->
    [one] Wrote { $path } (1 incident, { $format })
   *[other] Wrote { $path } ({ $n } incidents, { $format })
}

cli-error-prefix = error
cli-warning-prefix = warning:
cli-note-new-entries = { $n ->
        [one] note: since the passphrase was last used, 1 change was made to the vault without it. It is signed now, so any later change to it would show.
       *[other] note: since the passphrase was last used, { $n } changes were made to the vault without it. They are signed now, so any later change to them would show.
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
cli-party-empty = an agent, vehicle or witness entry is empty
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
cli-amend-needs-field = give at least one field to change, e.g. --where or --what (in a terminal, `vault amend ID` alone asks for each one)
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
cli-pass-prompt = Vault passphrase (or recovery code):{" "}
cli-pass-again = Type it again:{" "}
cli-pass-differ = the two passphrases differ; nothing was changed
cli-no-passphrase = no passphrase: use --passphrase-file FILE (or VAULT_PASSPHRASE_FILE), or run in a terminal
cli-passwd-replaced-tampered = keyslot { $slot }, which was just replaced, did not match what the vault's signed history commits to ({ $reason }): someone changed it without the passphrase. Its settings were not reused; run `vault verify` to see what else changed
cli-yes-no = [y/N]
cli-generate-passphrase-conflict = --generate-passphrase makes the passphrase itself: do not also give --passphrase-file (or VAULT_PASSPHRASE_FILE)
cli-generated-passphrase = Your passphrase ({ $n } random words; this is the only time it is shown):
cli-generated-passphrase-keep = Write it down on paper now and keep the paper safe. Without it nobody can open this vault.
cli-keyslot-col-kind = KIND
cli-keyslot-col-kdf = KDF
cli-keyslot-kdf = Argon2id, { $mib } MiB, { $it } iterations, { $lanes } lanes
cli-slot-passphrase = passphrase
cli-slot-recovery = recovery
cli-recovery-code-shown = Recovery code (shown only this once):
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
    What happened? Write as many lines and paragraphs as you need; finish with a line holding only a full stop (.), or Ctrl-D.
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


# clap's own words, value names and man page headings
cli-clap-usage = Usage:
cli-clap-options = Options:
cli-clap-arguments = Arguments:
cli-clap-commands = Commands:
cli-clap-options-placeholder = [OPTIONS]
cli-clap-command-placeholder = <COMMAND>
cli-clap-command-optional = [COMMAND]
cli-clap-help-subcommand = Print this message or the help of the given subcommand(s)
cli-clap-help-short = Print help (see more with '--help')
cli-clap-help-long = Print help (see a summary with '-h')
cli-clap-print-help = Print help
cli-clap-print-version = Print version
cli-clap-env = [env:
cli-clap-default = [default:
cli-clap-possible-values = [possible values:
cli-clap-command-value = COMMAND
cli-clap-commands-heading = Commands
cli-man-name = NAME
cli-man-synopsis = SYNOPSIS
cli-man-description = DESCRIPTION
cli-man-options = OPTIONS
cli-man-commands = COMMANDS
cli-man-examples = EXAMPLES
cli-man-version = VERSION
cli-man-authors = AUTHORS
cli-value-file = FILE
cli-value-files = FILES
cli-value-dir = DIR
cli-value-time = TIME
cli-value-text = TEXT
cli-value-tag = TAG
cli-value-key = KEY
cli-value-recipient = RECIPIENT
cli-value-field = FIELD
cli-value-export = EXPORT
cli-value-path = PATH
cli-value-kind = KIND
cli-value-format = FORMAT
cli-value-shell = SHELL
cli-value-lang = LANG
cli-value-fingerprint = FINGERPRINT
cli-value-name = NAME

# Help: help-<command> (the root is `vault`), help-<command>-examples, help-<command>-<argument>
help-vault = An encrypted, tamper-evident incident log with redacted, verifiable bundles for counsel
help-vault-examples =
    Examples:
    {"  "}vault init
    {"  "}vault add                  (asks for each detail)
    {"  "}vault add --kind followed --when now --where 'Main St & 5th' --what 'grey SUV followed me' --vehicle 'grey SUV; plate=ABC1234'
    {"  "}vault list
    {"  "}vault show 3f2a
    {"  "}vault verify
help-vault-vault = Vault directory (default: the platform data directory, e.g. ~/.local/share/vault)
help-vault-passphrase-file = Read the passphrase from the first line of FILE (or /dev/fd/N) instead of asking
help-vault-json = Print machine-readable JSON
help-vault-quiet = Print only what was asked for (no progress bars, no notes)
help-vault-lang = Language of messages: en or es (default: from LC_ALL, LC_MESSAGES or LANG)
help-init = Create a new vault (asks for a passphrase twice)
help-init-examples =
    Example:
    {"  "}vault init
    {"  "}vault --vault /media/usb/vault --passphrase-file pass.txt init
help-init-kdf-memory-mib = Argon2id memory in MiB (64 to 4096)
help-init-kdf-iterations = Argon2id iterations (3 to 16; memory times passes at most 16 GiB)
help-init-kdf-parallelism = Argon2id lanes (4 to 16)
help-init-generate-passphrase = Make up a strong passphrase (six random words), show it once, and use it
help-add = Log an incident (needs no passphrase); with no field flags on a terminal, asks for each detail
help-add-examples =
    Examples:
    {"  "}vault add                  (asks for each detail, step by step)
    {"  "}vault add --kind photographed --when 'yesterday 3pm' --where 'outside the clinic' --what 'Two agents took photos of people entering. [[My neighbour Ana]] was with me.' --agent 'tall, grey jacket; badge=4411; agency=ICE'
    {"  "}vault add --from-json incident.json
help-add-kind = followed, photographed, contacted, visited, raid, arrest, online or other
help-add-when = When it happened: now, 2026-11-20 14:30, 2026-11-20, RFC 3339, yesterday 3pm, ...
help-add-location = Where it happened (free text)
help-add-coords = Coordinates as LAT,LON in decimal degrees
help-add-narrative = What happened. Put [[double brackets]] around anything private (names, addresses)
help-add-agents = An agent: free text and/or `name=..; badge=..; agency=..` (repeatable)
help-add-vehicles = A vehicle: free text and/or `plate=..` (repeatable)
help-add-witnesses = A witness: free text and/or `name=..; contact=..` (repeatable)
help-add-tags = A tag (repeatable)
help-add-from-json = Read the incident as JSON (the keys `show --json` prints) from FILE, or - for stdin
help-add-attach = Files to attach
help-add-remove-original = Overwrite and delete the originals once the encrypted copies are safely stored
help-list = List incidents, newest first
help-list-examples =
    Examples:
    {"  "}vault list
    {"  "}vault list --since 2026-09-01 --until '1 week ago'
    {"  "}vault list --kind raid --tag school --with-attachments
help-list-since = Only incidents from this time on (e.g. 2026-09-01, '3 days ago', 'last monday')
help-list-until = Only incidents up to this time (a date alone includes that whole day)
help-list-kind = Only incidents of this kind
help-list-tag = Only incidents with this tag
help-list-with-attachments = Only incidents with at least one attachment
help-search = Search every field of every incident for text (ignoring case and accents)
help-search-examples =
    Examples:
    {"  "}vault search ABC1234
    {"  "}vault search grey suv          (every word must occur)
    {"  "}vault search ruiz --since 2026-09-01 --json
help-search-text = The words to look for; an incident matches when it contains all of them
help-search-since = Only incidents from this time on (e.g. 2026-09-01, '3 days ago', 'last monday')
help-search-until = Only incidents up to this time (a date alone includes that whole day)
help-search-kind = Only incidents of this kind
help-search-tag = Only incidents with this tag
help-search-with-attachments = Only incidents with at least one attachment
help-patterns = Show plates, badge numbers, agent names, vehicles and places that recur across incidents
help-patterns-examples =
    Examples:
    {"  "}vault patterns
    {"  "}vault patterns --since '90 days ago'
    {"  "}vault patterns --min 3 --json
help-patterns-since = Only incidents from this time on (e.g. 2026-09-01, '3 days ago', 'last monday')
help-patterns-until = Only incidents up to this time (a date alone includes that whole day)
help-patterns-kind = Only incidents of this kind
help-patterns-tag = Only incidents with this tag
help-patterns-with-attachments = Only incidents with at least one attachment
help-patterns-min = Only show what occurs in at least N incidents (2 or more)
help-report = Write an UNENCRYPTED report for yourself: a printable HTML timeline, or CSV/JSON for your own analysis
help-report-examples =
    Examples:
    {"  "}vault report --out report.html
    {"  "}vault report --format csv --out incidents.csv --since 2026-09-01
    {"  "}vault report --format json --out incidents.json --yes
help-report-out = The file to write (never overwritten)
help-report-format = html, csv or json (default: from the extension of --out, else html)
help-report-yes = Do not ask: confirm in advance that an unencrypted file may be written
help-report-since = Only incidents from this time on (e.g. 2026-09-01, '3 days ago', 'last monday')
help-report-until = Only incidents up to this time (a date alone includes that whole day)
help-report-kind = Only incidents of this kind
help-report-tag = Only incidents with this tag
help-report-with-attachments = Only incidents with at least one attachment
help-show = Show one incident in full
help-show-examples =
    Example:
    {"  "}vault show 3f2a          (a unique prefix of the id is enough)
help-show-id = Incident id or a unique prefix of it
help-show-history = Show every revision, oldest first
help-amend = Record a correction as a new revision (the old one is kept)
help-amend-examples =
    Example:
    {"  "}vault amend 3f2a --where 'corner of Main St and 6th'
help-amend-id = Incident id or a unique prefix of it
help-amend-kind = followed, photographed, contacted, visited, raid, arrest, online or other
help-amend-when = When it happened: now, 2026-11-20 14:30, 2026-11-20, RFC 3339, yesterday 3pm, ...
help-amend-location = Where it happened (free text)
help-amend-coords = Coordinates as LAT,LON in decimal degrees
help-amend-narrative = What happened. Put [[double brackets]] around anything private (names, addresses)
help-amend-agents = An agent: free text and/or `name=..; badge=..; agency=..` (repeatable)
help-amend-vehicles = A vehicle: free text and/or `plate=..` (repeatable)
help-amend-witnesses = A witness: free text and/or `name=..; contact=..` (repeatable)
help-amend-tags = A tag (repeatable)
help-attach = Attach photos, audio or video to an incident (needs no passphrase)
help-attach-examples =
    Example:
    {"  "}vault attach 3f2a photo.jpg voicemail.m4a --remove-original
help-attach-id = Incident id or a unique prefix of it
help-attach-files = Files to attach
help-attach-remove-original = Overwrite and delete the originals once the encrypted copies are safely stored
help-extract = Decrypt an attachment, checking its SHA-256
help-extract-examples =
    Example:
    {"  "}vault extract 3f2a --attachment 1 --out ~/Desktop/photo.jpg
help-extract-id = Incident id or a unique prefix of it
help-extract-attachment = Which attachment, counting from 1 in the order `show` lists them
help-extract-out = Write to this new file (never overwritten)
help-extract-stdout = Write to standard output
help-passwd = Change the passphrase (re-encrypts nothing)
help-passwd-examples =
    Example:
    {"  "}vault passwd
help-passwd-new-passphrase-file = Read the new passphrase from the first line of FILE instead of asking
help-passwd-kdf-memory-mib = Argon2id memory in MiB for the new keyslot (at least 64; if no --kdf option is given: the default of 256, or the old keyslot's if stronger)
help-passwd-kdf-iterations = Argon2id iterations for the new keyslot (3 to 16)
help-passwd-kdf-parallelism = Argon2id lanes for the new keyslot (4 to 16)
help-info = Show format version, fingerprint, KDF parameters and counts (no passphrase needed)
help-info-examples =
    Example:
    {"  "}vault info
    {"  "}vault info --json
help-key = Master-key operations
help-key-examples =
    Example:
    {"  "}vault key export --out master-key.txt
help-key-export = Write the master key as a standard age identity file (anyone with it can read everything)
help-key-export-examples =
    Example:
    {"  "}vault key export --out /media/usb/master-key.txt
help-key-export-out = The new file to write (mode 0600; never overwritten)
help-verify = Check the whole vault for damage or tampering
help-verify-examples =
    Examples:
    {"  "}vault verify                      (asks for the passphrase on a terminal for a full check)
    {"  "}vault verify --receipt receipt.txt
help-verify-full = Also decrypt everything and check every field digest and attachment hash (needs the passphrase)
help-verify-receipt = Prove the vault's log extends this earlier receipt (detects rollback)
help-receipt = Write the current signed checkpoint as a short receipt to keep elsewhere
help-receipt-examples =
    Examples:
    {"  "}vault receipt --out receipt.txt   (asks for the passphrase when entries are not signed yet; email it to your lawyer or print it)
    {"  "}vault receipt --no-sign --out receipt.txt   (no passphrase: leaves out entries logged since the last unlock)
help-receipt-out = The new file to write
help-receipt-no-sign = Do not unlock: write the newest signed checkpoint as it is, leaving out (with a warning) entries logged since the last unlock
help-keygen = Create an age key for counsel (prints the public key to give to the activist)
help-keygen-examples =
    Example:
    {"  "}vault keygen --out counsel.key
help-keygen-out = The new identity file (mode 0600; never overwritten)
help-export = Export a redacted, encrypted, verifiable bundle for counsel
help-export-examples =
    Examples:
    {"  "}vault export --to age1... --all --redact witnesses --out case.age
    {"  "}vault export --to-file counsel.pub --since 2026-09-01 --until 2026-11-30 --strip-metadata --out case.age
    {"  "}vault export --passphrase --entries 3f2a 9b1c --redact 3f2a:location --out case.age
help-export-to = A recipient: an age public key (age1...) or an SSH public key (ssh-ed25519/ssh-rsa). Repeatable
help-export-to-file = A file of recipients, one per line (# comments allowed). Repeatable
help-export-passphrase = Encrypt to a passphrase instead (asked twice, or read from VAULT_BUNDLE_PASSPHRASE_FILE)
help-export-generate-passphrase = Encrypt to a strong passphrase made up for you (six random words), shown once
help-export-yes = Confirm in advance: encrypt to every key a key file holds, and apply a policy file that discloses private spans (needed when not on a terminal)
help-export-entries = Export these incidents (ids or unique prefixes)
help-export-all = Export every incident
help-export-since = Export incidents from this time on
help-export-until = Export incidents up to this time
help-export-tag = Export incidents with this tag
help-export-redact = Withhold a field from every incident (FIELD) or one (ID:FIELD). Fields: kind, when, location, narrative, agents, vehicles, witnesses, tags, attachments, recorded_at. Repeatable
help-export-redact-policy = A JSON redaction policy (see docs/cli.md)
help-export-coarsen-location = Withhold exact locations; disclose coordinates rounded to N decimals, marked as derived
help-export-disclose-private = Also disclose the narrative's [[private]] spans (withheld by default)
help-export-strip-metadata = Export copies of images with identifying metadata (GPS, serials, XMP, maker notes) removed
help-export-no-attachments = Leave attachment files out (their hashes are still included)
help-export-allow-identifying-metadata = Confirm in advance that identifying metadata may be exported (needed when not on a terminal)
help-export-out = The bundle file to write (never overwritten)
help-exports = List every export made from this vault (the disclosure log)
help-exports-examples =
    Example:
    {"  "}vault exports
help-disclose = Reveal a field withheld from an earlier export, as a small verifiable bundle
help-disclose-examples =
    Example:
    {"  "}vault disclose --bundle-of 5e1c --entry 3f2a --field witnesses --to age1... --out witnesses.age
help-disclose-to = A recipient: an age public key (age1...) or an SSH public key (ssh-ed25519/ssh-rsa). Repeatable
help-disclose-to-file = A file of recipients, one per line (# comments allowed). Repeatable
help-disclose-passphrase = Encrypt to a passphrase instead (asked twice, or read from VAULT_BUNDLE_PASSPHRASE_FILE)
help-disclose-generate-passphrase = Encrypt to a strong passphrase made up for you (six random words), shown once
help-disclose-yes = Confirm in advance: encrypt to every key a key file holds, and apply a policy file that discloses private spans (needed when not on a terminal)
help-disclose-bundle-of = The export id (or prefix) of the earlier bundle, as `vault exports` lists it
help-disclose-entry = The incident whose field to reveal
help-disclose-fields = The field to reveal (repeatable); `narrative.private` reveals every private span
help-disclose-out = The disclosure bundle to write
help-bundle = Counsel's side: verify or open a bundle
help-bundle-examples =
    Examples:
    {"  "}vault bundle verify case.age --identity counsel.key
    {"  "}vault bundle open case.age --identity counsel.key --out case/
help-bundle-verify = Check a bundle: signature, inclusion proofs, disclosed fields, attachment hashes
help-bundle-verify-examples =
    Example:
    {"  "}vault bundle verify case.age --identity counsel.key
help-bundle-verify-file = The bundle file
help-bundle-verify-identity = An age identity file or an unencrypted OpenSSH private key
help-bundle-verify-passphrase = The bundle was encrypted to a passphrase (asked, or read from VAULT_BUNDLE_PASSPHRASE_FILE)
help-bundle-verify-earlier = An earlier bundle this one supplements (a later disclosure): check they agree
help-bundle-verify-receipt = A receipt received earlier from the vault's owner: check this bundle extends it
help-bundle-verify-expect-fingerprint = Fail unless the bundle is signed by the key with this fingerprint (for scripts)
help-bundle-open = Verify a bundle, then extract it into a new directory
help-bundle-open-examples =
    Example:
    {"  "}vault bundle open case.age --identity counsel.key --out case/
help-bundle-open-file = The bundle file
help-bundle-open-identity = An age identity file or an unencrypted OpenSSH private key
help-bundle-open-passphrase = The bundle was encrypted to a passphrase (asked, or read from VAULT_BUNDLE_PASSPHRASE_FILE)
help-bundle-open-out = The directory to create
help-bundle-open-receipt = A receipt received earlier from the vault's owner: check this bundle extends it
help-bundle-open-expect-fingerprint = Fail unless the bundle is signed by the key with this fingerprint (for scripts)
help-bundle-trust = Trust a sender's fingerprint (read out to you by phone or in person) under a name
help-bundle-trust-examples =
    Example:
    {"  "}vault bundle trust '04561 46287 45811 42252 45019 28186' --name 'Ana R.'
help-bundle-trust-fingerprint = The fingerprint, six groups of five digits (quote it)
help-bundle-trust-name = Who the sender is, as you will recognise them
help-bundle-trust-vault-id = The sender's vault id (`vault info`), if known; otherwise it is learned from the first bundle that verifies under this fingerprint
help-keyslot = Manage keyslots: list them, add a recovery code or another passphrase, remove one
help-keyslot-examples =
    Examples:
    {"  "}vault keyslot list
    {"  "}vault keyslot add --recovery
    {"  "}vault keyslot remove 3f2a
help-keyslot-list = List keyslots: id, kind and key-derivation parameters (no passphrase needed)
help-keyslot-add = Add a keyslot: a recovery code (--recovery), a hardware key (--plugin) or another passphrase
help-keyslot-add-examples =
    Examples:
    {"  "}vault keyslot add --recovery      (prints a recovery code once: write it on paper)
    {"  "}vault keyslot add                 (asks for another passphrase)
    {"  "}vault keyslot add --plugin age1yubikey1... --plugin-identity yubikey-identity.txt
help-keyslot-add-recovery = Add a generated recovery code instead of a passphrase
help-keyslot-add-new-passphrase-file = Read the new passphrase from the first line of FILE instead of asking
help-keyslot-remove = Remove a keyslot (never the last one, nor the last passphrase or hardware-key slot)
help-keyslot-remove-examples =
    Example:
    {"  "}vault keyslot remove 3f2a
help-keyslot-remove-id = Keyslot id or a unique prefix of it (see `vault keyslot list`)
help-rekey = Replace the master key after a suspected compromise (re-encrypts everything; other keyslots are removed)
help-rekey-examples =
    Examples:
    {"  "}vault rekey
    {"  "}vault rekey --new-passphrase      (also change the passphrase)
help-rekey-new-passphrase = Also change the passphrase (asked twice on the terminal)
help-rekey-new-passphrase-file = Also change the passphrase, reading the new one from the first line of FILE
help-destroy = Crypto-erase the vault: overwrite its keys, then delete it. Ask a lawyer first (see SECURITY.md)
help-destroy-examples =
    Example:
    {"  "}vault destroy                     (asks you to type the fingerprint)
help-destroy-yes = Do not ask for the fingerprint as confirmation
help-backup = Write the whole vault (still encrypted) to one backup file; safe while other commands run
help-backup-examples =
    Example:
    {"  "}vault backup --out /media/usb/vault-2026-11-20.backup
help-backup-out = The backup file to write (never overwritten)
help-restore = Recreate a vault from a backup file in a new directory (--vault DIR)
help-restore-examples =
    Example:
    {"  "}vault --vault ~/restored restore /media/usb/vault-2026-11-20.backup
    {"  "}vault --vault ~/restored verify --receipt receipt.txt
help-restore-file = The backup file written by `vault backup`
help-completions = Print a shell completion script
help-completions-examples =
    Examples:
    {"  "}vault completions bash > ~/.local/share/bash-completion/completions/vault
    {"  "}vault completions zsh > ~/.zfunc/_vault
    {"  "}vault completions fish > ~/.config/fish/completions/vault.fish
help-completions-shell = bash, zsh, fish, elvish or powershell
help-man = Print the manual page (roff), or write one page per command into a folder
help-man-examples =
    Examples:
    {"  "}vault man > vault.1 && man ./vault.1
    {"  "}vault --lang es man > vault.1      (in Spanish)
    {"  "}vault man --out man1               (vault.1, vault-add.1, vault-list.1, ...)
help-man-out = Write vault.1 and one page per command (vault-add.1, ...) into DIR instead of printing vault.1

# custody: travel mode and the detention plan (src/cli/custody_cmd.rs)
cli-value-count = COUNT
cli-info-travelling = Keyslots:     none on this device: travel mode is on since ledger entry { $leaf } (`vault travel end` brings them back)
cli-info-kdf-travelling = KDF:          none here (travel mode)
cli-travel-started = Travel mode is on: { $count ->
    [one] 1 keyslot went
   *[other] { $count } keyslots went
} into { $path }, encrypted to the escrow key, and { $count ->
    [one] was
   *[other] were
} removed from this device.
cli-travel-started-next = Give the escrow file to the person who holds the escrow key, and keep no copy here. Until `vault travel end`, no passphrase or recovery code opens this vault; `vault add` and `vault attach` still work.
cli-travel-ended = Travel mode is off: { $count ->
    [one] 1 keyslot is back.
   *[other] { $count } keyslots are back.
}
cli-travel-ended-next = The next command that asks for your passphrase signs what was logged while travelling; `vault verify` checks the whole vault.
cli-plan-set = Detention plan made: { $count ->
    [one] 1 share
   *[other] { $count } shares
}, any { $threshold } of which rebuild the release key:
cli-plan-share = {"  "}{ $path }  (for { $key })
cli-plan-set-next = Give each share file to its trustee: it opens only with that trustee's key, and fewer shares than the threshold reveal nothing. docs/detention-plan.md tells trustees what to do.
cli-plan-revoked = Release key replaced: the old shares open no bundle written from now on. The new shares:
cli-plan-bundle-written = Release bundle written: { $path } ({ $count ->
    [one] 1 incident
   *[other] { $count } incidents
})
cli-plan-no-bundle = No release bundle yet: the vault holds no incident.
cli-plan-refreshed = The detention plan's release bundle is up to date: { $path }
cli-plan-refresh-failed = the detention plan's release bundle could not be written: { $error }
cli-plan-combined = Release key rebuilt from { $count } shares: { $path }
cli-plan-combined-next = Check and open the release bundle as counsel would: `vault bundle verify release-bundle.age --identity { $path }`, then `vault bundle open release-bundle.age --identity { $path } --out DIR`.
cli-plan-show-threshold = Threshold:    { $threshold } of { $count } trustees
cli-plan-show-trustee = Trustee:      { $key }
cli-plan-show-counsel = Counsel:      { $key }
cli-plan-show-release = Release key:  { $key }
cli-plan-show-folder = Folder:       { $path }
cli-plan-show-policy = Redactions:   the policy file given to `vault plan set`
cli-plan-show-set = Set:          { $at }
cli-plan-show-refreshed = Refreshed:    { $at } ({ $count ->
    [0] nothing new since
    [one] 1 ledger entry since: the next unlock writes a new bundle
   *[other] { $count } ledger entries since: the next unlock writes a new bundle
})
cli-plan-show-never-refreshed = Refreshed:    never (no incident yet)

# custody: help
help-travel = Travel mode: move every keyslot off this device, encrypted to someone else's key, and back
help-travel-examples =
    Examples:
    {"  "}vault travel start --escrow-to age1... --out escrow.age   (give escrow.age to your lawyer)
    {"  "}vault travel end --from escrow.age --identity counsel.key
help-travel-start = Encrypt every keyslot to the escrow key into FILE, then remove them from this device
help-travel-start-examples =
    Example:
    {"  "}vault travel start --escrow-to age1... --out escrow.age
    {"  "}(afterwards nothing opens the vault here, with any passphrase: `vault add` still works)
help-travel-start-escrow-to = The escrow holder's age or SSH public key (counsel's; repeat for more than one)
help-travel-start-out = The escrow file to write (never overwritten); keep it off this device
help-travel-end = Bring the keyslots back from the escrow file, opened with the escrow holder's key
help-travel-end-examples =
    Example:
    {"  "}vault travel end --from escrow.age --identity counsel.key
help-travel-end-from = The escrow file `vault travel start` wrote
help-travel-end-identity = The escrow holder's identity file (age key or unencrypted SSH key)
help-plan = Detention plan: trusted people who, together, can open an up-to-date bundle for your lawyer
help-plan-examples =
    Examples:
    {"  "}vault plan set --trustee age1... --trustee age1... --trustee ssh-ed25519... --threshold 2 --folder ~/Sync/plan
    {"  "}vault plan show
    {"  "}vault plan combine share-1-of-3-0a1b2c3d.age share-3-of-3-0a1b2c3d.age --identity me.key --out release.key
help-plan-set = Make a detention plan: a release key split among trustees, and a release bundle kept up to date
help-plan-set-examples =
    Example:
    {"  "}vault plan set --trustee age1... --trustee age1... --trustee ssh-ed25519... --threshold 2 --counsel age1... --redact-policy policy.json --folder /media/usb/plan
help-plan-set-trustee = A trustee's age or SSH public key (repeat once per trustee)
help-plan-set-threshold = How many trustees must bring their shares together to open the bundle
help-plan-set-counsel = Counsel's age or SSH public key: release bundles are encrypted to counsel too
help-plan-set-redact-policy = What release bundles withhold, as for `vault export --redact-policy`
help-plan-set-folder = Where shares and the release bundle go, e.g. a synced folder (default: beside the vault, named <vault>-plan)
help-plan-show = Show the plan: trustees, threshold, folder, when the release bundle was last written
help-plan-show-examples =
    Example:
    {"  "}vault plan show
help-plan-refresh = Write the release bundle now (every unlock does it when something new was logged)
help-plan-refresh-examples =
    Example:
    {"  "}vault plan refresh
help-plan-revoke = Replace the release key: new shares for the same trustees; old shares open no new bundle
help-plan-revoke-examples =
    Example:
    {"  "}vault plan revoke
help-plan-combine = Trustees: rebuild the release key from enough shares (no vault needed)
help-plan-combine-examples =
    Example:
    {"  "}vault plan combine share-1-of-3-0a1b2c3d.age share-3-of-3-0a1b2c3d.age --identity ana.key --identity luis.key --out release.key
    {"  "}vault bundle verify release-bundle.age --identity release.key
help-plan-combine-shares = The share files (each encrypted to one trustee, or already decrypted with `age -d`)
help-plan-combine-identity = A trustee's identity file (repeat: one per trustee present)
help-plan-combine-out = The release key file to write (mode 0600; never overwritten)

# anchor: timestamps (src/cli/anchor_cmd.rs)
cli-anchor-request-written = Timestamp request for checkpoint { $size } written to { $path }
cli-anchor-request-note = Send it to a timestamp authority of your choice (it learns only a hash and your IP address), then run `vault anchor import` with its answer and the authority's certificate.
cli-anchor-request-leaves-out = { $n ->
    [one] the newest ledger entry is not signed yet, so this timestamp will not cover it; run `vault receipt` (with the passphrase) first to cover it
   *[other] the newest { $n } ledger entries are not signed yet, so this timestamp will not cover them; run `vault receipt` (with the passphrase) first to cover them
}
cli-anchor-imported = Timestamp stored: { $line }
cli-anchor-exported = Timestamp token of checkpoint { $size } written to { $path }
cli-anchor-none = no timestamp is stored for that checkpoint
cli-value-size = SIZE
help-anchor = Timestamps from an outside authority (RFC 3161): proof that a checkpoint existed by a given time
help-anchor-examples =
    Examples:
      vault anchor request --out checkpoint.tsq
      openssl ts -reply ... (or send checkpoint.tsq to a timestamp authority)
      vault anchor import checkpoint.tsr --tsa-cert tsa-ca.pem
      vault anchor export --out token.tsr --note checkpoint.txt
help-anchor-request = Write a timestamp request for the newest signed checkpoint (no passphrase, no network); with --tsa, send it and store the checked answer (needs the passphrase)
help-anchor-request-examples =
    Examples:
      vault anchor request --out checkpoint.tsq
      vault anchor request --tsa https://freetsa.org/tsr --tsa-cert freetsa-cacert.pem
help-anchor-request-out = The new request file to write (DER, usually .tsq); optional with --tsa
help-anchor-import = Check a timestamp authority's answer against the pending request and store it (needs the passphrase)
help-anchor-import-examples =
    Example:
      vault anchor import checkpoint.tsr --tsa-cert tsa-ca.pem
help-anchor-import-file = The authority's answer (DER, usually .tsr)
help-anchor-import-tsa-cert = The certificate to trust: the authority's own or its CA's (PEM or DER); kept in the vault
help-anchor-export = Write a stored timestamp token, to check it with `openssl ts -verify` (no passphrase)
help-anchor-export-examples =
    Example:
      vault anchor export --out token.tsr --note checkpoint.txt
      openssl ts -verify -token_in -in token.tsr -data checkpoint.txt -CAfile tsa-ca.pem
help-anchor-export-out = The new token file to write (DER)
help-anchor-export-note = Also write the stamped checkpoint note to FILE (what `openssl ts -verify -data` reads)
help-anchor-export-size = The size of the checkpoint whose token to write (default: the newest stamped)

# anchor: counsel as a witness (src/cli/anchor_cmd.rs)
cli-witness-keygen-note = Witness key written to { $path } (keep it secret; vault keeps what it cosigned beside it, in the .state file). Give the line above to the activist and keep it for `vault bundle verify --witness-key`.
cli-witness-request-written = Witness request for checkpoint { $size } written to { $path }
cli-witness-cosigned = Cosigned { $origin } at size { $size }; cosignature written to { $path }
cli-witness-imported = Cosignature stored: { $line }
help-keygen-witness = Make a witness key (Ed25519) for cosigning the activist's checkpoints instead of an age key
help-keygen-name = The witness's name in its cosignatures (default: counsel/ and 8 random hex digits)
help-witness = Counsel as a witness: cosign the vault's checkpoints, refusing a rewritten history
help-witness-examples =
    Examples:
      vault witness request --out for-counsel.txt          (the activist)
      vault witness cosign for-counsel.txt --key witness.key --out cosigned.txt   (counsel)
      vault witness import cosigned.txt                    (the activist)
help-witness-request = Write a witness request: the newest signed checkpoint and a proof that it extends the last one cosigned (no passphrase)
help-witness-request-examples =
    Example:
      vault witness request --out for-counsel.txt
help-witness-request-out = The new request file to write
help-witness-request-from = Prove consistency from this size (default: the largest size cosigned so far)
help-witness-cosign = Counsel's side: cosign a witness request, refusing a checkpoint that does not extend the last one cosigned
help-witness-cosign-examples =
    Example:
      vault witness cosign for-counsel.txt --key witness.key --out cosigned.txt
help-witness-cosign-request = The witness request the activist sent
help-witness-cosign-key = The witness key file (`vault keygen --witness`); its state is kept beside it
help-witness-cosign-out = The new cosignature file to write
help-witness-import = Store counsel's cosignature in the vault's ledger (needs the passphrase)
help-witness-import-examples =
    Example:
      vault witness import cosigned.txt
help-witness-import-file = The cosignature file counsel sent back

# packet: `vault bundle exhibit`
help-bundle-exhibit = Verify a bundle, then make its court packet again into a new folder, with your own page ids
help-bundle-exhibit-examples =
    Example:
    {"  "}vault bundle exhibit case.age --identity counsel.key --out exhibit/ --prefix SMITH --start 101
    {"  "}vault --lang es bundle exhibit case.age --identity counsel.key --out anexo/   (in Spanish)
help-bundle-exhibit-file = The bundle file
help-bundle-exhibit-identity = An age identity file or an unencrypted OpenSSH private key
help-bundle-exhibit-passphrase = The bundle was encrypted to a passphrase (asked, or read from VAULT_BUNDLE_PASSPHRASE_FILE)
help-bundle-exhibit-out = The folder to create for exhibit.pdf, chronology.csv, declaration.txt and report.html
help-bundle-exhibit-prefix = The page-id prefix (1 to 16 letters, digits, - or _)
help-bundle-exhibit-start = The number of the first page
help-bundle-exhibit-receipt = A receipt received earlier from the vault's owner: check this bundle extends it
help-bundle-exhibit-expect-fingerprint = Fail unless the bundle is signed by the key with this fingerprint (for scripts)
cli-value-prefix = PREFIX
# plugin: hardware keys through age plugins (src/cli/hardware.rs, src/cli/maint_cmd.rs)
help-keyslot-add-plugin = Add a hardware key: the age plugin recipient it prints (age1yubikey1..., age1fido2-hmac1...)
help-keyslot-add-plugin-identity = The plugin identity file that goes with --plugin (AGE-PLUGIN-...-1...; it names the device, it is no secret without it)
cli-slot-plugin = hardware key
cli-keyslot-plugin = age plugin { $plugin } (no passphrase)
cli-keyslot-added-plugin = keyslot added: the vault now opens with the hardware key (age plugin { $plugin }), tried first at every unlock; to require it, remove the passphrase slots with `vault keyslot remove` (keep a recovery code on paper)
cli-plugin-identity-needed = --plugin needs --plugin-identity FILE (the identity the plugin prints, e.g. `age-plugin-yubikey --identity`)
cli-plugin-no-terminal = the hardware key asks: { $question }; but there is no terminal to answer it here
cli-plugin-fallback = the hardware key did not open the vault; you can type a passphrase or recovery code instead
cli-rekey-needs-passphrase = `vault rekey` needs the passphrase or recovery code of the slot it keeps: run it with --passphrase-file, or from a terminal with the hardware key unplugged
cli-info-kdf-hardware = KDF:          none (the vault opens with its hardware key)

# Placeholder used by the unit test of the loader; keep.
i18n-selftest = { $count ->
    [one] one entry
   *[other] { $count } entries
}

# everyday: cli messages for corrections, withdrawals, passphrases and words
cli-withdrawn-line = Withdrew incident { $id } (revision { $rev }); its history is kept.
cli-withdrawn-hint = It no longer shows in list, search, patterns, reports or export --all. `vault list --include-withdrawn` shows it; `vault withdraw { "ID" } --undo` brings it back.
cli-unwithdrawn-line = Incident { $id } is back (revision { $rev }).
cli-label-withdrawn = Withdrawn
cli-withdrawn-mark = [withdrawn]
cli-withdrawn-hidden = { $n ->
    [one] 1 withdrawn incident is not shown (--include-withdrawn shows it).
   *[other] { $n } withdrawn incidents are not shown (--include-withdrawn shows them).
}
help-withdraw = Withdraw an incident entered by mistake (a signed revision; its history is kept)
help-withdraw-examples =
    Examples:
    {"  "}vault withdraw 3f2a --reason 'test entry'
    {"  "}vault withdraw 3f2a --undo        (bring it back)
    {"  "}vault list --include-withdrawn
help-withdraw-id = Incident id or a unique prefix of it
help-withdraw-reason = Why it is withdrawn, e.g. 'entered by mistake' or 'test entry'
help-withdraw-undo = Bring a withdrawn incident back (a new revision without the withdrawal)
help-list-include-withdrawn = Also incidents withdrawn as entered by mistake (`vault withdraw`)
help-search-include-withdrawn = Also incidents withdrawn as entered by mistake (`vault withdraw`)
help-patterns-include-withdrawn = Also incidents withdrawn as entered by mistake (`vault withdraw`)
help-report-include-withdrawn = Also incidents withdrawn as entered by mistake (`vault withdraw`)
cli-guided-back-hint = Type back at any question to return to the previous one.
cli-guided-first-question = this is the first question
cli-guided-going-back = (back to the previous question)
cli-guided-kind-keep = Number or name [Enter = keep { $value }]:{" "}
cli-guided-when-keep = When did it happen? [Enter = keep { $value }]:{" "}
cli-guided-where-keep = Where did it happen? [Enter = keep { $value }; - = remove]:{" "}
cli-guided-what-now = What happened? Now it says:
cli-guided-what-keep = Press Enter to keep it, or write it all again; finish with a line holding only a full stop (.).
cli-guided-list-edit = Type a line to add one; -N removes number N (for example -1); an empty line when done.
cli-guided-no-such-number = { $count ->
    [one] there is no number { $n }: there is only 1
   *[other] there is no number { $n }: there are { $count }
}
cli-guided-tags-keep = Tags, separated by commas [Enter = keep { $value }; - = none]:{" "}
cli-yes-no-back = [y/N; back = previous question]
cli-guided-amend-intro = Correcting incident { $id }. Press Enter to keep a value as it is; Ctrl-C stops without saving anything.
cli-guided-amend-save = Save this correction?
cli-amend-no-such-item = { $flag } { $n }: there is no such number; `vault show` numbers them from 1 (this incident has { $count })
help-amend-add-agents = Add an agent to the ones already there (repeatable)
help-amend-remove-agents = Remove agent number N, as `vault show` numbers them (repeatable)
help-amend-add-vehicles = Add a vehicle to the ones already there (repeatable)
help-amend-remove-vehicles = Remove vehicle number N, as `vault show` numbers them (repeatable)
help-amend-add-witnesses = Add a witness to the ones already there (repeatable)
help-amend-remove-witnesses = Remove witness number N, as `vault show` numbers them (repeatable)
cli-pass-wrong-again = { $left ->
    [one] That did not open the vault. Try again (1 try left); a recovery code works too.
   *[other] That did not open the vault. Try again ({ $left } tries left); a recovery code works too.
}
cli-pass-strong-enough = {"  "}→ strong enough.
cli-pass-try-another = Please choose another one
cli-pass-differ-again = the two entries differ; please start again
cli-weak-hint-init = (or let `vault init --generate-passphrase` make one up)
cli-weak-hint-passwd = (five or six uncommon words you will remember work well)
cli-init-next-steps =
    Next steps:
    {"  "}1. Make a recovery code, in case you forget the passphrase: vault keyslot add --recovery
    {"  "}2. Keep a receipt away from this computer (email it to your lawyer or print it): vault receipt --out receipt.txt
    {"  "}3. Back up the vault to a USB stick now and then: vault backup --out /media/usb/vault.backup
cli-destroy-legal =
    Before you destroy this vault, please read this (SECURITY.md, "Destroying the vault, and the law"):
    Destroying records that may matter to an investigation, a lawsuit or any proceeding can itself be a crime or a serious legal wrong: obstruction of justice, destroying evidence (in the United States, for example, 18 U.S.C. §§ 1512(c) and 1519), contempt of court. This applies even though you made the records yourself, even if they would have helped you, and before any case is filed. Doing it while an officer is asking for them, or after a subpoena, warrant or request to preserve evidence, is the riskiest moment of all.
    These records may be the strongest protection you and others have. Ask a lawyer first (many legal-aid and immigrant-rights organisations advise for free), and think of giving your lawyer a bundle (vault export) so that a copy survives.
    Destroying does not touch backups, exported bundles or other copies.
cli-destroy-pass-note = To erase it, type the vault passphrase or a recovery code (a wrong one erases nothing).
cli-saved-incident = Saved incident { $id } ({ $kind }, { $when })
cli-duplicate-attachment = note: attachment { $n } ({ $name }) is the same file (same SHA-256) as attachment { $m } of incident { $id }
# tsahttp: `vault anchor request --tsa` (src/cli/anchor_cmd.rs)
cli-anchor-sending = Sending the timestamp request for checkpoint { $size } to { $url } (the authority learns the checkpoint's hash, the request's nonce, your IP address and the time)
cli-anchor-request-no-out = give --out FILE for the request file, or --tsa URL to send it
cli-anchor-tsa-no-cert = --tsa needs --tsa-cert FILE: the certificate of the authority or of its CA, to check its answer
cli-value-url = URL
cli-value-seconds = SECONDS
help-anchor-request-tsa = Send the request to this timestamp authority (https:// or http://) and store its answer once checked, as `vault anchor import` does. The authority learns the checkpoint's hash and your IP address
help-anchor-request-tsa-cert = With --tsa: the certificate to trust, the authority's own or its CA's (PEM or DER); kept in the vault
help-anchor-request-tsa-timeout = With --tsa: how many seconds to wait for the authority's answer
