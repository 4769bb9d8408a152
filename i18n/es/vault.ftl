# vault: every message the program prints. One id per message; the same ids in i18n/en and i18n/es
# (a test checks). Spanish follows ../shared/ES-GLOSSARY.md. Sections by owner, so that a change
# to one area touches one block.

## core: vault, store, keys, crypto, records, ledger (library errors)

## bundle: writing and reading bundles (library errors)

## verify: problem kinds and what verify prints

## when: times as people say them and as they are shown

## report: the owner's report and the counsel report

# Etiquetas de los datos del incidente (src/record/field.rs)
field-kind = Tipo
field-when = Cuándo
field-location = Dónde
field-narrative = Qué pasó
field-agents = Agentes
field-vehicles = Vehículos
field-witnesses = Testigos
field-tags = Etiquetas
field-attachments = Adjuntos
field-recorded_at = Anotado

# Tipos de incidente (src/record/kind.rs): el nombre y la línea del menú guiado
kind-followed = seguimiento
kind-photographed = fotos
kind-contacted = contacto
kind-visited = visita
kind-raid = redada
kind-arrest = arresto
kind-online = en línea
kind-other = otro
kind-followed-description = seguimiento: le siguieron a pie o en carro
kind-photographed-description = fotos: agentes tomaron fotos o grabaron a personas
kind-contacted-description = contacto: agentes le hablaron o le hicieron preguntas
kind-visited-description = visita: agentes llegaron a una casa, un trabajo o una escuela
kind-raid-description = redada
kind-arrest-description = arresto: detuvieron a alguien
kind-online-description = en línea: contacto o vigilancia por internet o redes sociales
kind-other-description = otro

## cli: prompts, notes, command output, help

# Placeholder used by the unit test of the loader; keep.
i18n-selftest = { $count ->
    [one] una anotación
   *[other] { $count } anotaciones
}
