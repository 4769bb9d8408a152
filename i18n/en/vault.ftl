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

## cli: prompts, notes, command output, help

# Placeholder used by the unit test of the loader; keep.
i18n-selftest = { $count ->
    [one] one entry
   *[other] { $count } entries
}
