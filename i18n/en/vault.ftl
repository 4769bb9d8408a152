# vault: every message the program prints. One id per message; the same ids in i18n/en and i18n/es
# (a test checks). Spanish follows ../shared/ES-GLOSSARY.md. Sections by owner, so that a change
# to one area touches one block.

## core: vault, store, keys, crypto, records, ledger (library errors)

## bundle: writing and reading bundles (library errors)

## verify: problem kinds and what verify prints

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

## cli: prompts, notes, command output, help

# Placeholder used by the unit test of the loader; keep.
i18n-selftest = { $count ->
    [one] one entry
   *[other] { $count } entries
}
