# vault: every message the program prints. One id per message; the same ids in i18n/en and i18n/es
# (a test checks). Spanish follows ../shared/ES-GLOSSARY.md. Sections by owner, so that a change
# to one area touches one block.

## core: vault, store, keys, crypto, records, ledger (library errors)

## bundle: writing and reading bundles (library errors)

## verify: problem kinds and what verify prints

## when: times as people say them and as they are shown

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

## cli: prompts, notes, command output, help

# Placeholder used by the unit test of the loader; keep.
i18n-selftest = { $count ->
    [one] one entry
   *[other] { $count } entries
}
