# vault: every message the program prints. One id per message; the same ids in i18n/en and i18n/es
# (a test checks). Spanish follows ../shared/ES-GLOSSARY.md. Sections by owner, so that a change
# to one area touches one block.

## core: vault, store, keys, crypto, records, ledger (library errors)

## bundle: writing and reading bundles (library errors)

## verify: problem kinds and what verify prints

## when: times as people say them and as they are shown

# Las formas que se entienden, en cada error «no se entiende».
when-hint = ahora, hace 20 minutos, hoy a las 2:30 de la tarde, ayer como a las 3 de la tarde, anoche, el lunes en la mañana, el 24 de noviembre, entre las 2 y las 4 de la tarde, o 2026-11-20 14:30
when-empty = no indicó ninguna hora; pruebe: { when-hint }
# $detail está vacío o es " (motivo)"
when-unrecognized = no se entiende la hora { $input }{ $detail }; pruebe: { when-hint }
when-detail-future = { $word } es en el futuro, y un incidente se anota después de que pasa
when-detail-unexpected = no se esperaba { $word }
when-detail-repeated = dice la hora más de una vez
when-detail-range = un intervalo necesita un comienzo y un final
when-invalid = la hora { $input } no es válida: { $reason }; pruebe: { when-hint }
when-reason-clock-shape = no es una hora (escriba 14:30, 2:30pm o 2pm)
when-reason-clock = no es una hora
when-reason-minutes = los minutos van de 00 a 59
when-reason-seconds = los segundos van de 00 a 59
when-reason-meridiem-hour = con am o pm, la hora va de 1 a 12
when-reason-hour = la hora va de 00 a 23
when-reason-no-such-date = no existe la fecha { $date }
when-reason-not-date-time = { $word } no es una fecha y hora válida
when-reason-out-of-range = la fecha queda fuera del calendario
when-reason-no-such-time = esa hora del día no existe
when-ambiguous = la hora { $input } no es clara: { $reason }
when-ambiguous-period = las { $hour } no caben en esa parte del día; diga am o pm, o use 24 horas
when-ambiguous-am-pm = las { $hour } pueden ser de la mañana o de la tarde; escriba «{ $hour } de la mañana» o «{ $hour } de la tarde», o use 24 horas ({ $am }:00 o { $pm }:00)
when-in-future = { $input } significa { $resolved }, que está en el futuro; un incidente solo se puede anotar después de que pasó
when-nonexistent = { $input }: las { $local } no existen en esta zona horaria (los relojes se adelantaron por el horario de verano); use una hora fuera de ese salto o indique la diferencia con UTC, por ejemplo 2026-03-08T02:30:00-05:00
when-end-before-start = { $input }: el final ({ $end }) es anterior al comienzo ({ $start })
when-too-far = { $input } queda demasiado lejos en el pasado (antes de { $year }); revise el número
when-reason-weekday = el día de la semana no coincide con la fecha ({ $date })
when-ambiguous-readings = puede ser { $first } o { $second }; escriba el día con el mes en letras («{ $first-date }» o «{ $second-date }»)
# Cómo se muestra una hora: "mar 10 nov 2026, 7:00 de la mañana"
when-show-at = { $day }, { $time }
when-show-around = { $day }, aprox. { $time }
when-show-between = { $day }, entre { $start } y { $end }
when-show-between-approx = { $day }, aprox. entre { $start } y { $end }
when-show-span = entre { $start } y { $end }
when-show-span-approx = aprox. entre { $start } y { $end }
when-show-days = entre el { $start } y el { $end }
when-show-days-approx = aprox. entre el { $start } y el { $end }
when-clock = { $time } { $band }
when-zone = { $time } (hora UTC{ $offset })
when-band-midnight = de la noche
when-band-early = de la madrugada
when-band-morning = de la mañana
when-band-noon = del día
when-band-afternoon = de la tarde
when-band-night = de la noche
when-note-previous-day = { $when } (un día antes: hoy todavía no son las { $time })
when-ask-which = ¿Cuál de las dos? 1 = { $first }, 2 = { $second } (o escriba la hora otra vez):{" "}
when-note-taken = nota: «{ $input }» se tomó como { $when }

## report: the owner's report and the counsel report

## cli: prompts, notes, command output, help

# Placeholder used by the unit test of the loader; keep.
i18n-selftest = { $count ->
    [one] una anotación
   *[other] { $count } anotaciones
}
