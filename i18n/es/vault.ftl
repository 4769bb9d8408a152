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

# El informe de la persona dueña de la bóveda (`vault report`, src/report/owner.rs)
report-owner-title = Incidentes anotados
report-owner-warning = Este archivo NO está cifrado. Quien lo obtenga puede leerlo. Guárdelo bien y bórrelo cuando ya no lo necesite.
report-owner-intro = Hecho el { $date } desde la bóveda con número de seguridad { $fingerprint }. { $count ->
    [one] 1 incidente
   *[other] { $count } incidentes
}, del más antiguo al más reciente.
report-owner-private = El texto marcado así se marcó como privado en la bóveda.
report-owner-timeline = Cronología
report-owner-summary = Resumen
report-owner-empty = Ningún incidente.
report-owner-incident = Incidente
report-owner-id = { $id } (versión { $revision })

# El report.html de un paquete para su abogado o abogada (src/report/counsel.rs)
report-counsel-title = Incidentes anotados: exportación { $id }
report-counsel-heading = Incidentes anotados
report-counsel-heading-disclosure = Incidentes anotados: revelación posterior
report-counsel-intro = Exportado el { $date } de la bóveda { $vault }. Número de seguridad de la clave de firma: { $fingerprint }. { $incidents ->
    [one] 1 incidente
   *[other] { $incidents } incidentes
}, { $attachments ->
    [one] 1 adjunto
   *[other] { $attachments } adjuntos
}. Las partes marcadas { $withheld } las ocultó la persona que anotó estos incidentes; cada parte oculta sigue sellada con un código con sal (hash con sal), así que se nota si alguien la cambia después.
report-counsel-withheld = [oculto]
report-counsel-private-withheld = [parte privada oculta]
report-counsel-incident = Incidente { $id } (versión { $revision })
report-counsel-derived = { $field } (derivado)
report-counsel-attachment = Adjunto { $n }
report-counsel-original = archivo original, idéntico byte por byte
report-counsel-stripped = copia sin los metadatos que pueden identificar a alguien
report-counsel-not-included = archivo no incluido
report-counsel-file-sha256 = Valor hash (SHA-256) del archivo incluido: { $sha256 }
report-counsel-verify-heading = Cómo verificar
report-counsel-verify = Ejecute { $command }, o siga { $file } de este paquete con herramientas comunes. Confirme el número de seguridad { $fingerprint } con la persona que anotó estos incidentes, por teléfono o en persona.
report-counsel-checkpoint = Sello firmado:

## cli: prompts, notes, command output, help

# Placeholder used by the unit test of the loader; keep.
i18n-selftest = { $count ->
    [one] una anotación
   *[other] { $count } anotaciones
}
