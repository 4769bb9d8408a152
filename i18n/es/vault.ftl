# vault: every message the program prints. One id per message; the same ids in i18n/en and i18n/es
# (a test checks). Spanish follows ../shared/ES-GLOSSARY.md. Sections by owner, so that a change
# to one area touches one block.

## core: vault, store, keys, crypto, records, ledger (library errors)

## bundle: writing and reading bundles (library errors)

# La capa age: se rechaza antes de probar ninguna clave.
bundle-header-too-large = el encabezado age del paquete pasa de { $limit } KiB; el de un paquete de vault nunca es tan grande; se rechaza antes de probar ninguna clave
bundle-too-many-stanzas = el encabezado age del paquete tiene más de { $limit } destinatarios; un paquete de vault nunca tiene tantos; se rechaza antes de probar ninguna clave
bundle-scrypt-too-costly = la contraseña del paquete pide un factor de trabajo scrypt de { $factor }, más que el límite de { $limit } (necesitaría { $mib } MiB de memoria); se rechaza antes de probar la contraseña
bundle-scrypt-excessive = la contraseña del paquete pide un factor de trabajo scrypt de { $factor }, más que el límite de { $limit }; se rechaza antes de probar la contraseña
bundle-scrypt-malformed = la parte de la contraseña del paquete está mal formada; se rechaza
bundle-not-age = { $path } no es un paquete cifrado con age
bundle-not-for-this-key = este paquete no está cifrado para la clave (o la contraseña) que indicó
bundle-wrong-passphrase = la contraseña de este paquete no es correcta (o el paquete está dañado)
bundle-does-not-decrypt = no se puede descifrar el paquete: { $detail }
bundle-truncated = el paquete está incompleto o dañado: no se puede descifrar hasta el final ({ $detail })
bundle-not-an-archive = el paquete se descifró, pero adentro no hay un archivo ZIP legible: { $detail }
# El archivo ZIP: se rechaza antes de leer o escribir nada.
bundle-too-many-entries = el paquete contiene una cantidad absurda de archivos
bundle-entry-unreadable = no se puede leer el archivo n.º { $index } del paquete: { $detail }
bundle-entry-link = el archivo { $name } dentro del paquete es un enlace; se rechaza
bundle-entry-unsafe-path = el archivo { $name } dentro del paquete tiene una ruta insegura; se rechaza
bundle-entry-compressed = el archivo { $name } dentro del paquete está comprimido; los paquetes de vault nunca lo están
bundle-entry-too-large = el archivo { $name } dentro del paquete dice medir { $size } bytes, más que todo el paquete; se rechaza
bundle-entry-twice = el archivo { $name } aparece dos veces dentro del paquete
bundle-member = { $name }: { $detail }
bundle-member-too-large = { $name } es demasiado grande
bundle-member-unreadable = no se puede leer { $name }: { $detail }
bundle-no-manifest = el paquete no contiene manifest.json; no es un paquete de vault
bundle-manifest-duplicate-key = manifest.json no es válido: { $detail }; se rechaza
bundle-manifest-invalid = manifest.json no es válido: { $detail }
bundle-unknown-format = formato de paquete desconocido: { $format }
bundle-earlier-does-not-verify = el paquete anterior { $path } no se pudo verificar
bundle-does-not-verify = el paquete no se pudo verificar ({ $count ->
    [one] { $count } problema
   *[other] { $count } problemas
}); ejecute `vault bundle verify` para ver los detalles; no se extrajo nada
# Escribir.
bundle-archive-write = no se pudo escribir el paquete: { $detail }
bundle-encode = no se pudo preparar el contenido del paquete: { $detail }
bundle-too-large-to-strip = { $name } es demasiado grande para quitarle los datos escondidos en memoria
bundle-strip-failed = no se pudieron quitar los datos escondidos de { $name }: { $detail }
# Qué exportar.
bundle-cannot-redact = no se puede ocultar { $field }; los datos que se pueden ocultar son: { $fields }
bundle-coarsen-places = --coarsen-location admite de 0 a 6 decimales
bundle-nothing-selected = ningún incidente cumple la selección; no hay nada que exportar
bundle-no-recipient = indique al menos un destinatario (--to, --to-file o --passphrase)
bundle-not-in-export = el incidente { $id } no estaba en la exportación { $export }
bundle-no-such-field = el incidente { $id } no tiene el dato { $field }
# Destinatarios e identidades.
bundle-private-key-recipient = un destinatario es una clave privada; indique en su lugar la clave pública de su abogado o abogada (age1... o ssh-...)
bundle-bad-age-recipient = el destinatario { $text } no es una clave age válida: { $detail }
bundle-bad-ssh-recipient = el destinatario { $text } no es una clave pública SSH que se pueda usar (ssh-ed25519 o ssh-rsa)
bundle-unknown-recipient = el destinatario { $text } no es una clave age (age1...) ni una clave SSH (ssh-ed25519/ssh-rsa)
bundle-bad-ssh-key = { $path }: no es una clave SSH que se pueda usar: { $detail }
bundle-encrypted-ssh-key = { $path }: aquí no se pueden usar claves SSH cifradas o de otro tipo; use una copia sin cifrar o una clave age
bundle-bad-identity-file = { $path }: no es un archivo de identidad age: { $detail }
bundle-unusable-identity = { $path }: identidad que no se puede usar: { $detail }
bundle-no-identity = { $path }: el archivo no contiene ninguna identidad
# Remitentes de confianza de su abogado.
bundle-bad-fingerprint = un número de seguridad son seis grupos de cinco cifras, como lo muestran `vault info` o `vault bundle verify`
bundle-bad-trust-file = { $path } no es una lista legible de remitentes de confianza: { $detail }
bundle-trust-file-format = { $path } no es una lista legible de remitentes de confianza: formato desconocido
bundle-bad-sender-name = dé al remitente un nombre de 1 a { $max } caracteres en una sola línea
bundle-bad-vault-id = el identificador de una bóveda son 32 caracteres (cifras y letras a-f), como lo muestra `vault info`
bundle-vault-trusted-other-key = la bóveda { $id } ya es de confianza con otro número de seguridad ({ $fingerprint }); si de verdad el remitente tiene una clave nueva, quite antes esa línea de { $path }
bundle-trust-file-write = no se puede escribir la lista de remitentes de confianza: { $detail }
# Los comandos export y bundle.
bundle-generate-passphrase-conflict = --generate-passphrase crea la contraseña del paquete: quite VAULT_BUNDLE_PASSPHRASE_FILE
bundle-weak-passphrase = la contraseña del paquete es muy fácil de adivinar: quien consiga una copia del paquete puede probar contraseñas sin límite. Use cinco palabras poco comunes o más, o --generate-passphrase para que se invente una
bundle-no-passphrase = falta la contraseña del paquete: indique en VAULT_BUNDLE_PASSPHRASE_FILE un archivo que la contenga, o use una terminal
bundle-give-recipient = indique un destinatario: --to age1... (o una clave SSH), --to-file ARCHIVO, o --passphrase
bundle-many-keys-need-yes = no se exporta para varias claves de un mismo archivo sin confirmación: revise la lista de arriba y luego agregue --yes
bundle-policy-needs-confirm = no se exportan partes privadas sin confirmación: agregue --disclose-private (o --yes), o ponga "disclose_private": false en la política
bundle-choose-export = elija qué exportar: --entries ID..., --all, --tag ETIQUETA, o --since/--until
bundle-metadata-needs-confirm = no se exportan datos que pueden identificarle sin confirmación: agregue --allow-identifying-metadata, --strip-metadata o --no-attachments
bundle-bad-policy = { $path }: no es una política de ocultación válida: { $detail }
bundle-give-identity = indique --identity CLAVE o --passphrase
bundle-no-state-dir = no hay carpeta para los archivos del usuario: indique VAULT_STATE_DIR
# Los datos de un incidente o un adjunto, como se leen.
bundle-field-kind = tipo
bundle-field-when = cuándo
bundle-field-location = lugar
bundle-field-narrative = relato
bundle-field-agents = agentes
bundle-field-vehicles = vehículos
bundle-field-witnesses = testigos
bundle-field-tags = etiquetas
bundle-field-attachments = adjuntos
bundle-field-recorded-at = anotado
bundle-field-private = parte privada { $n }
bundle-field-name = nombre
bundle-field-size = tamaño
bundle-field-sha256 = código de control (SHA-256)
bundle-field-media-type = tipo de archivo
bundle-field-metadata = datos escondidos en el archivo
bundle-field-attached-at = adjuntado

# Lo que imprimen los comandos export y bundle (src/cli/export_cmd.rs).
bundle-keygen-note = Dé la clave pública de arriba a quien le vaya a enviar paquetes. Mantenga { $path } en secreto y con copia de seguridad: sin ella no se pueden abrir los paquetes para usted.
bundle-passphrase-prompt = Contraseña del paquete
bundle-passphrase-file-empty = el archivo de contraseña { $path } está vacío
bundle-passphrase-unreadable = no se pudo leer la contraseña desde la terminal: { $detail }
bundle-recipients-one = El paquete se cifrará para esta clave:
bundle-recipients-many = El paquete se cifrará para estas { $n } claves; cualquiera de ellas puede abrirlo:
bundle-key-file-holds-many = el archivo de claves { $path } contiene { $n } claves, no una: compruebe que todas son de su abogado o abogada
bundle-encrypt-to-all = ¿Cifrar para todas?
bundle-policy-discloses-private = la política de ocultación { $path } muestra las partes privadas del relato ([[...]]): se podrán leer en el paquete
bundle-export-anyway = ¿Exportarlo de todos modos?
bundle-would-carry-metadata = este paquete llevaría datos que pueden identificarle (datos escondidos en las fotos: lugar GPS, cámara, dueño):
bundle-identifying-item = incidente { $incident }, adjunto { $position } ({ $name }): { $item }
bundle-metadata-hint = {"  "}(use --strip-metadata para quitarlos de las imágenes, o --no-attachments)
bundle-export-wrote = Se guardó { $path } ({ $records ->
    [one] 1 incidente
   *[other] { $records } incidentes
}, { $attachments ->
    [one] 1 adjunto
   *[other] { $attachments } adjuntos
}, { $files ->
    [one] 1 archivo
   *[other] { $files } archivos
}, datos ocultos: { $withheld })
bundle-export-recorded = la exportación { $id } quedó anotada en la bitácora de la bóveda; código de control SHA-256 del paquete: { $sha }
bundle-leftover-removed = nota: se borró { $path }: un paquete sin terminar que dejó una exportación interrumpida
bundle-no-exports = todavía no hay exportaciones
bundle-exports-line = { $id }  { $at }  { $kind } { $records ->
    [one] 1 incidente
   *[other] { $records } incidentes
}, { $attachments ->
    [one] 1 adjunto
   *[other] { $attachments } adjuntos
}, datos ocultos: { $withheld }, para { $to }
bundle-kind-name-export = exportación
bundle-kind-name-disclosure = revelación
bundle-disclose-wrote = Se guardó { $path } (revelación { $id })
bundle-verified = VERIFICADO
bundle-not-verified = NO VERIFICADO
bundle-kind-export = de exportación
bundle-kind-disclosure = de revelación
bundle-head = { $verdict }: paquete { $kind } { $id }, hecho el { $at }
bundle-vault = Bóveda { $id } — número de seguridad de la clave de firma { $fp }
bundle-sender-trusted = Remitente: { $name } (este número de seguridad está en su lista de remitentes de confianza).
bundle-sender-changed = CAMBIÓ EL REMITENTE: usted confía en esta bóveda como de { $name }, con el número de seguridad { $fp }; este paquete lo firmó otra clave. No confíe en él; llame a quien se lo envió.
bundle-confirm-fp = Confirme este número de seguridad con la persona que anotó los incidentes (por teléfono o en persona).
bundle-sender-unknown = este número de seguridad no está en su lista de remitentes de confianza. Cuando quien lo envió se lo confirme, ejecute: vault bundle trust '{ $fp }' --name NOMBRE
bundle-checkpoint = El sello firmado cubre { $n ->
    [one] 1 anotación
   *[other] { $n } anotaciones
} de la bitácora.
bundle-receipt-same = El comprobante (tamaño { $n }) es el sello firmado de este paquete.
bundle-receipt-extended = Este paquete contiene todo lo del comprobante (tamaño { $n }): no se quitó ni se cambió nada de lo firmado antes.
bundle-receipt-newer = El comprobante (tamaño { $n }) es más reciente que el sello de este paquete (tamaño { $m }): es normal si el paquete se hizo antes del comprobante. Un paquete no puede responder por un sello posterior; verifique un paquete más nuevo con este comprobante para confirmar que nada se reemplazó por una copia más vieja.
bundle-supplements = Es una revelación posterior que completa la exportación { $id }.
bundle-record = {"  "}incidente { $id } (n.º { $leaf } de la bitácora): datos revelados: { $disclosed }; datos ocultos: { $withheld }
bundle-attachment = {"  "}adjunto { $id } (n.º { $leaf } de la bitácora): { $carries }{ $sha }; datos ocultos: { $withheld }
bundle-carries-original = archivo original
bundle-carries-stripped = copia sin datos escondidos
bundle-carries-none = sin archivo
bundle-all-good = Todas las firmas, pruebas de inclusión, datos revelados y códigos de control de los adjuntos son correctos: lo revelado es exactamente lo que anotó la bóveda, y las partes ocultas quedan selladas con un código con sal (hash con sal).
bundle-problems = { $n ->
    [one] 1 problema:
   *[other] { $n } problemas:
}
bundle-nothing = nada
bundle-none = ninguno
bundle-not-extracted = el paquete no se pudo verificar: no se extrajo nada
bundle-extracted = Se extrajeron { $n ->
    [one] 1 archivo
   *[other] { $n } archivos
} en { $path }; abra report.html para leerlos.
bundle-trust-added = Remitente de confianza { $name }: número de seguridad { $fp }
bundle-trust-file-note = Se guardó en { $path }. A partir de ahora se rechazará un paquete que diga venir de la bóveda de esta persona con otra clave.

## verify: problem kinds and what verify prints

## when: times as people say them and as they are shown

## report: the owner's report and the counsel report

## cli: prompts, notes, command output, help

# Placeholder used by the unit test of the loader; keep.
i18n-selftest = { $count ->
    [one] una anotación
   *[other] { $count } anotaciones
}
