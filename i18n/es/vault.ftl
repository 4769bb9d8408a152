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

## verify: problem kinds and what verify prints

## when: times as people say them and as they are shown

## report: the owner's report and the counsel report

## cli: prompts, notes, command output, help

# Placeholder used by the unit test of the loader; keep.
i18n-selftest = { $count ->
    [one] una anotación
   *[other] { $count } anotaciones
}
