# vault: every message the program prints. One id per message; the same ids in i18n/en and i18n/es
# (a test checks). Spanish follows ../shared/ES-GLOSSARY.md. Sections by owner, so that a change
# to one area touches one block.

## core: vault, store, keys, crypto, records, ledger (library errors)

# Errores (src/error/mod.rs)
core-no-vault = no hay ninguna bóveda en { $dir } (ejecute `vault init` primero, o indique --vault CARPETA)
core-vault-exists = ya existe una bóveda en { $dir }
core-vault-files-present = { $dir } ya tiene archivos de una bóveda ({ $found }); `vault init` no creará una bóveda nueva encima, porque sus adjuntos no serían de nadie (si perdió vault.db, restaure una copia de seguridad; para una bóveda nueva, use una carpeta vacía)
core-newer-format = esta bóveda usa la versión de formato { $found }, más nueva que la que entiende este programa ({ $supported }); actualice vault
core-wrong-passphrase = contraseña incorrecta (o todos los accesos están dañados); no se cambió nada
core-no-keyslot = la bóveda no tiene ningún acceso que se pueda usar: { $reason }
core-tampered-keyslot = el acceso { $slot } no es el que sella la bitácora firmada de la bóveda ({ $reason }): alguien lo cambió sin la contraseña, o se dañó, y no se usó. Abra la bóveda con su código de recuperación u otra contraseña y reemplácelo (`vault passwd`, `vault keyslot`); `vault verify` muestra qué más cambió
core-weak-kdf = la configuración de la contraseña es demasiado débil: { $reason }
core-empty-passphrase = la contraseña está vacía
core-not-found = ningún incidente coincide con «{ $text }»
core-ambiguous-id = «{ $text }» no basta: coincide con { $count } incidentes; escriba más caracteres del identificador
core-invalid-input = { $detail }
core-damaged = la bóveda está dañada: { $detail } (ejecute `vault verify` para ver detalles)
core-tampered = alguien cambió la bóveda sin la contraseña: { $detail }; no se firmó ni se guardó nada (ejecute `vault verify` para ver detalles)
core-would-overwrite = no se sobrescribirá { $path }
core-file = { $path }: { $detail }
core-io = error al leer o escribir un archivo: { $detail }
core-sql = error de la base de datos: { $detail }
core-json = no se pudieron escribir los datos (JSON): { $detail }
core-busy = la bóveda está ocupada (otro comando de vault está escribiendo); inténtelo de nuevo
core-interrupted = se interrumpió; no se guardó nada
core-source-changed = { $path } cambió mientras se adjuntaba (cambió su tamaño o su hora de modificación); no se guardó nada. Adjúntelo otra vez cuando ningún programa lo esté escribiendo
core-too-large = { $path } es demasiado grande para esto (más de { $limit }); revise que sea el archivo correcto
core-line-too-long = la primera línea de { $path } tiene más de { $limit } bytes; un archivo de contraseña lleva la contraseña en su primera línea (revise que sea el archivo correcto)
core-not-text = { $path } no es texto (UTF-8); revise que sea el archivo correcto
core-size-bytes = { $count ->
    [one] 1 byte
   *[other] { $count } bytes
}
core-io-not-found = no existe ese archivo o carpeta
core-io-permission-denied = no tiene permiso
core-io-already-exists = ya existe
core-io-unexpected-eof = el archivo termina antes de tiempo
core-io-storage-full = no queda espacio en el disco
core-io-is-a-directory = es una carpeta
core-io-read-only = el disco es de solo lectura
core-not-writable = { $dir }: no se puede escribir en la carpeta de la bóveda ({ $detail }); vault necesita poder escribir ahí, incluso para leer
core-disk-full = { $dir }: el disco donde está la bóveda está lleno; libere espacio e inténtelo de nuevo (no se cambió nada)

# Configuración de la contraseña rechazada (src/crypto/kdf.rs)
core-kdf-memory-too-large = la memoria indicada es demasiado grande
core-kdf-below-floor = { $mib } MiB, t={ $t }, p={ $p } está por debajo del mínimo de 64 MiB, t=3, p=4 (RFC 9106)
core-kdf-stored-below-floor = { $mib } MiB, t={ $t }, p={ $p } está por debajo del mínimo de 64 MiB, t=3, p=4 con que se crea toda bóveda
core-kdf-memory-over = { $mib } MiB de memoria pasa de 4 GiB
core-kdf-iterations = { $count } pasadas (lo máximo que se acepta es { $max })
core-kdf-lanes = { $count } hilos (lo máximo que se acepta es { $max })
core-kdf-memory-per-lane = menos de 8 KiB de memoria por hilo
core-kdf-work = { $mib } MiB por { $t } pasadas es más trabajo del máximo que se acepta (16 GiB-pasadas)
core-kdf-argon2 = Argon2 no acepta esa configuración ({ $detail })

# Ningún acceso que se pueda usar
core-no-keyslot-none = no hay ningún acceso guardado
core-no-keyslot-none-restore = no hay ningún acceso guardado; la bóveda no se puede abrir (restaure una copia de seguridad)
core-no-keyslot-disappeared = el acceso con que se abrió la bóveda ya no está

# Un acceso rechazado antes de probar la contraseña
core-slot-short-salt = sal de menos de 16 bytes
core-slot-leaf-missing = no existe la anotación n.º { $index } de la bitácora, que debería sellarlo
core-slot-leaf-altered = se alteró la anotación n.º { $index } de la bitácora, que lo sella
core-slot-not-slot-entry = la anotación n.º { $index } de la bitácora no agrega ni reemplaza este acceso
core-slot-digest-mismatch = su configuración, su sal o su clave cifrada no coinciden con lo que sella su anotación de la bitácora
core-slot-unsigned = ningún sello firmado por esta bóveda cubre la anotación n.º { $index } de la bitácora, que lo sella

# Una contraseña demasiado fácil de adivinar (consejos de zxcvbn, por tipo)
core-weak-passphrase = la contraseña es demasiado fácil de adivinar (fuerza { $score } de 4, se necesita al menos { $needed }): { $advice } (o deje que `vault init --generate-passphrase` le cree una)
core-weak-default-advice = Use cinco o más palabras poco comunes.
core-zx-w-straight-rows = Las filas seguidas de teclas son fáciles de adivinar.
core-zx-w-short-keyboard = Los dibujos cortos en el teclado son fáciles de adivinar.
core-zx-w-repeats-aaa = Las repeticiones como «aaa» son fáciles de adivinar.
core-zx-w-repeats-abcabc = Las repeticiones como «abcabcabc» son apenas un poco más difíciles de adivinar que «abc».
core-zx-w-top10 = Es una de las 10 contraseñas más usadas.
core-zx-w-top100 = Es una de las 100 contraseñas más usadas.
core-zx-w-common = Es una contraseña muy común.
core-zx-w-similar = Se parece a una contraseña muy usada.
core-zx-w-sequences = Las secuencias como abc o 6543 son fáciles de adivinar.
core-zx-w-recent-years = Los años recientes son fáciles de adivinar.
core-zx-w-word-by-itself = Una sola palabra es fácil de adivinar.
core-zx-w-dates = Las fechas suelen ser fáciles de adivinar.
core-zx-w-names = Los nombres y apellidos solos son fáciles de adivinar.
core-zx-w-common-names = Los nombres y apellidos comunes son fáciles de adivinar.
core-zx-s-few-words = Use varias palabras; evite frases conocidas.
core-zx-s-no-symbols = No hacen falta símbolos, números ni mayúsculas.
core-zx-s-another-word = Agregue una o dos palabras más. Mejor si son poco comunes.
core-zx-s-capitals = Las mayúsculas no ayudan mucho.
core-zx-s-all-upper = Todo en mayúsculas es casi igual de fácil de adivinar que todo en minúsculas.
core-zx-s-reversed = Las palabras al revés no son mucho más difíciles de adivinar.
core-zx-s-substitutions = Los cambios previsibles, como «@» en lugar de «a», no ayudan mucho.
core-zx-s-keyboard-turns = Use un dibujo más largo en el teclado, con más vueltas.
core-zx-s-repeats = Evite repetir palabras y caracteres.
core-zx-s-sequences = Evite las secuencias.
core-zx-s-recent-years = Evite los años recientes.
core-zx-s-your-years = Evite los años que tienen que ver con usted.
core-zx-s-your-dates = Evite las fechas y los años que tienen que ver con usted.

# Cifrado y descifrado (src/crypto)
core-crypto-encrypt = no se pudo cifrar: { $detail }
core-crypto-decrypt = no se pudo descifrar: { $detail }
core-crypto-no-file-key = no se pudo descifrar: no se abrió ninguna clave de archivo
core-crypto-key-encoding = no se pudo cifrar: { $detail }
core-crypto-key-derivation = no se pudo cifrar: al calcular la clave a partir de la contraseña: { $detail }
core-crypto-key-derivation-failed = no se pudo cifrar: falló el cálculo de la clave a partir de la contraseña
core-crypto-reader-panicked = no se pudo cifrar: el hilo que leía se detuvo por un error interno
core-crypto-writer-panicked = no se pudo cifrar: el hilo que escribía se detuvo por un error interno
core-crypto-read-back = no se pudo cifrar: la copia cifrada no se pudo volver a leer completa
core-crypto-hkdf-length = no se pudo cifrar: largo de salida de HKDF

# Lo que nombra un daño
core-item-record = el incidente { $id } (versión { $revision })
core-item-record-attachment = el adjunto { $id } del incidente { $record }
core-item-attachment = el adjunto { $id }
core-item-export = la exportación { $id }
core-item-leaf = la anotación n.º { $index } de la bitácora
core-item-reencryption = el recifrado de la anotación n.º { $index } de la bitácora

# Lo que falla en el archivo cifrado de un adjunto
core-fault-missing = no está en la bóveda (alguien lo borró)
core-fault-corrupted = está dañado (su autenticidad no se pudo confirmar)
core-fault-reader-panicked = no se pudo leer (el hilo que leía se detuvo por un error interno)
core-fault-unreadable = no se pudo leer
core-fault-not-age = no es un archivo age legible
core-fault-no-decrypt = no se descifra con la clave de esta bóveda
core-fault-truncated = está cortado
core-fault-padding = tiene un relleno inesperado
core-fault-sha256 = no coincide con su código de control SHA-256 anotado
core-fault-hash-mismatch = no coincide con el código de control que sella su anotación de la bitácora (ejecute `vault verify`)

# El esquema de la base de datos (src/store/schema.rs)
core-schema-changed = en la base de datos de la bóveda, el objeto ({ $kind }) { $name } no es el que crea vault (alguien cambió su definición)
core-schema-extra-table = la base de datos de la bóveda tiene una tabla { $name } que vault nunca crea: alguien la modificó
core-schema-extra-view = la base de datos de la bóveda tiene una vista (view) { $name } que vault nunca crea: alguien la modificó
core-schema-extra-trigger = la base de datos de la bóveda tiene un disparador (trigger) { $name } que vault nunca crea: alguien la modificó
core-schema-extra-index = la base de datos de la bóveda tiene un índice { $name } que vault nunca crea: alguien la modificó
core-schema-extra-object = la base de datos de la bóveda tiene un objeto { $name } que vault nunca crea: alguien la modificó
core-schema-missing-table = a la base de datos de la bóveda le falta la tabla { $table }

# Por qué la bóveda está dañada
core-damage-db-malformed = la base de datos de la bóveda está dañada (SQLite: { $sqlite })
core-damage-db-wrong-type = la base de datos de la bóveda tiene un valor de un tipo que no corresponde ({ $sqlite })
core-damage-db-malformed-unsigned = la base de datos de la bóveda está dañada (SQLite: { $sqlite }); no se firmó ni se cambió nada
core-damage-rows-changed = la base de datos de la bóveda cambió { $count } filas donde debía guardar una ({ $what }); no se guardó nada
core-damage-symlink = { $name } en la carpeta de la bóveda es un enlace simbólico; vault no sigue enlaces fuera de su carpeta (quite el enlace y ponga de nuevo el verdadero { $name })
core-damage-meta-missing = falta el dato { $key } de la bóveda
core-damage-leaf-hash-length = la anotación n.º { $index } de la bitácora tiene un código de control de largo equivocado
core-damage-keyslot-params = no se puede leer la configuración del acceso { $slot }
core-damage-blob-name = el adjunto { $id } indica un archivo que vault nunca crea ({ $blob }): alguien cambió la base de datos; vault no lo usará
core-damage-snapshot-no-vault-id = a la copia le falta el identificador de la bóveda
core-damage-snapshot-blob-name = la copia indica un archivo que vault nunca crea ({ $blob })
core-damage-schema = { $problem }; vault no la usará
core-damage-no-format-version = la base de datos de la bóveda no indica su versión de formato
core-damage-format-version-unreadable = no se puede leer la versión de formato de la bóveda
core-damage-signing-key-length = la clave de firma guardada tiene un largo equivocado
core-damage-signing-public-length = la clave pública de firma guardada tiene un largo equivocado
core-damage-signing-public-invalid = la clave pública de firma guardada no es válida
core-damage-signing-public-not-base64 = la clave pública de firma no está en base64
core-damage-signing-secret-not-base64 = la clave de firma cifrada no está en base64
core-damage-signing-secret-no-decrypt = la clave de firma no se puede descifrar
core-damage-signing-key-mismatch = la clave pública de firma guardada no corresponde a la clave de firma
core-damage-unknown-slot-kind = tipo de acceso desconocido { $kind }
core-damage-master-recipient-invalid = la clave maestra pública guardada no es válida: { $detail }
core-damage-master-key-invalid = un acceso guarda una clave maestra que no es válida
core-damage-master-key-not-age = la clave maestra no es una identidad age válida
core-damage-entry-decode = no se puede leer una anotación de la bitácora: { $detail }
core-damage-entry-version = una anotación de la bitácora tiene una versión desconocida { $version }
core-damage-no-salt = a { $owner } le falta la sal del dato { $field }
core-damage-record-decode = no se puede leer un incidente: { $detail }
core-damage-record-format = formato de incidente desconocido { $format }
core-damage-attachment-decode = no se puede leer la descripción de un adjunto: { $detail }
core-damage-attachment-format = formato de adjunto desconocido { $format }
core-damage-impossible-revision = el incidente { $id } tiene una versión imposible
core-damage-foreign-keyslot = el acceso { $slot } abre una clave que no es de esta bóveda
core-damage-no-creation-entry = la bitácora no tiene su anotación de creación
core-damage-ledger-not-genesis = la bitácora no empieza con la anotación de creación de la bóveda
core-damage-master-mismatch = la clave maestra guardada no es la que anota la bitácora; no se guardó nada
core-damage-attachment = el adjunto { $id } ({ $name }) { $fault }
core-damage-rekey-attachment = el adjunto { $id } { $fault }
core-damage-leaf-mismatch = se alteró la anotación de la bitácora de { $item }
core-damage-leaf-altered = se alteró { $item }
core-damage-no-own-entry = { $item } no tiene su propia anotación en la bitácora: alguien lo cambió; no se usa
core-damage-no-entry = { $item } no tiene anotación en la bitácora
core-damage-hash-mismatch = { $item } no coincide con el código de control que sella su anotación de la bitácora
core-damage-no-decrypt = { $item } no se puede descifrar
core-damage-record-replaced = alguien reemplazó { $item }: lo que está guardado no es lo que anota la bitácora firmada; no se muestra
core-damage-record-digests = alguien reemplazó { $item }: su contenido no coincide con los códigos de control de la bitácora firmada; no se muestra
core-damage-attachment-replaced = alguien reemplazó { $item }: lo que está guardado no es lo que anota la bitácora firmada; no se usa
core-damage-attachment-digests = alguien reemplazó { $item }: no coincide con los códigos de control de la bitácora firmada; no se usa
core-damage-record-no-decrypt = el incidente { $id } (versión { $revision }) no se puede descifrar
core-damage-record-swapped = el incidente { $id } (versión { $revision }) guarda lo cifrado del incidente { $other_id } (versión { $other_revision })
core-damage-attachment-no-decrypt = la descripción del adjunto { $id } no se puede descifrar
core-damage-attachment-swapped = el adjunto { $id } guarda la descripción del adjunto { $other_id }
core-damage-rekey-refused = { $count ->
    [one] la verificación encuentra 1 problema, así que rekey no la volverá a cifrar
   *[other] la verificación encuentra { $count } problemas, así que rekey no la volverá a cifrar
}
core-damage-backup-wrong-size = { $path } tiene un tamaño equivocado (ejecute `vault verify`)
core-damage-backup-blob-name = un adjunto indica un nombre de archivo inesperado { $name }
core-damage-restore-not-verified = { $count ->
    [one] la copia restaurada no pasa la verificación (1 problema: { $item }: { $detail })
   *[other] la copia restaurada no pasa la verificación ({ $count } problemas; el primero: { $item }: { $detail })
}
core-damage-not-a-folder = { $path } es un enlace simbólico o no es una carpeta; vault no sigue enlaces fuera de su carpeta

# Cambios sin la contraseña
core-tamper-signing-public = la clave pública de firma guardada no es la de la clave de firma
core-tamper-entries-removed = se borraron anotaciones de la bitácora: quedan { $stored } de { $size }
core-tamper-seal-root = la marca de confianza de la bóveda está dañada
core-tamper-seal-missing = falta la marca de confianza de la bóveda, aunque la anotación n.º { $index } de la bitácora dice que esta bóveda tiene una
core-tamper-shrunk = la bitácora tiene { $size } anotaciones, menos que las { $previous } que esta bóveda firmó la última vez: alguien puso una copia más vieja o borró anotaciones
core-tamper-signed-changed = alguien cambió anotaciones que esta bóveda ya había firmado (las primeras { $previous })
core-tamper-unsigned = la anotación n.º { $index } de la bitácora no tiene sello, aunque todo comando que escribe una así la sella en el acto: es falsa
core-tamper-unknown-leaf = la anotación n.º { $index } de la bitácora no es una que este programa escriba
core-tamper-seal-foreign = la marca de confianza de la bóveda no es una que este programa haya escrito
core-tamper-seal-wrong-key = la marca de confianza de la bóveda no se hizo con la clave maestra de esta bóveda
core-tamper-seal-identity = la identidad de la bóveda (su anotación de creación, su clave de firma o su clave maestra) ya no coincide con la que selló quien tiene la contraseña
core-tamper-pin-signing-key = su clave de firma (número de seguridad { $now }) no es la que esta computadora conoce para ella ({ $pinned })
core-tamper-pin-recipient = la clave maestra con la que se cifraría lo nuevo no es la que esta computadora conoce para esta bóveda
core-tamper-pin-rollback = la bitácora tiene { $size } anotaciones, pero esta computadora vio { $pinned } selladas: alguien puso una copia más vieja de la bóveda o borró anotaciones
core-tamper-pin-rewritten = la bitácora no continúa el sello más nuevo que vio esta computadora (tamaño { $pinned }): alguien reescribió su historia o puso una copia más vieja

# Datos rechazados
core-input-party-empty = un agente, vehículo o testigo está vacío
core-input-coordinates-range = las coordenadas necesitan una latitud entre -90 y 90 y una longitud entre -180 y 180
core-input-coordinates-format = las coordenadas { $text } no son `LAT,LON` en grados decimales
core-input-unknown-kind = tipo desconocido { $given }; use uno de estos: { $choices }
core-input-tag-empty = una etiqueta está vacía
core-input-narrative-unopened = el relato tiene un `]]` sin su `[[`
core-input-narrative-unclosed = el relato tiene un `[[` privado que nunca se cierra con `]]`
core-input-narrative-nested = las partes privadas `[[...]]` no se pueden poner una dentro de otra
core-input-disclosure-not-base64 = un dato revelado no está en base64url
core-input-disclosure-not-json = un dato revelado no es JSON
core-input-disclosure-salt-or-name = un dato revelado tiene una sal o un nombre equivocados
core-input-disclosure-shape = un dato revelado no tiene la forma [sal, nombre, valor]
core-input-nothing-to-change = nada que cambiar: indique al menos un dato que corregir
core-input-no-attachment = { $count ->
    [one] el incidente { $id } no tiene el adjunto { $number } (tiene 1)
   *[other] el incidente { $id } no tiene el adjunto { $number } (tiene { $count })
}
core-input-not-regular-file = { $path } no es un archivo normal
core-input-passphrase-file-not-utf8 = el archivo de contraseña no es texto UTF-8
core-input-no-passphrase-slot = esta bóveda no tiene ningún acceso con contraseña que cambiar; agregue uno con `vault keyslot add`
core-input-several-passphrase-slots = abrió la bóveda con un código de recuperación y esta bóveda tiene varios accesos con contraseña: agregue uno nuevo con `vault keyslot add` y luego quite los viejos con `vault keyslot remove`
core-input-no-keyslot-id = indique el identificador de un acceso (vea `vault keyslot list`)
core-input-no-keyslot-match = ningún acceso coincide con { $prefix } (vea `vault keyslot list`)
core-input-keyslot-ambiguous = { $prefix } coincide con { $count } accesos; escriba más caracteres del identificador
core-input-last-keyslot = no se quitará el último acceso: la bóveda ya nunca se podría abrir
core-input-last-passphrase-slot = no se quitará el último acceso con contraseña; para reemplazar la contraseña use `vault passwd`
core-input-restore-not-empty = { $dir } no está vacía; restaure en una carpeta nueva
core-input-not-a-backup = { $path } no es una copia de seguridad de vault: { $flaw }
core-input-no-pin-file = no se indicó el archivo de bóvedas conocidas
core-backup-archive = no se puede leer como archivo tar ({ $detail })
core-backup-name-not-utf8 = el nombre de un archivo de adentro no es UTF-8
core-backup-unexpected-member = archivo inesperado { $name }
core-backup-not-regular = { $name } no es un archivo normal
core-backup-out-of-place = { $name } aparece fuera de lugar o dos veces
core-backup-manifest-too-large = la lista de contenido es demasiado grande
core-backup-manifest-unparsable = no se puede leer la lista de contenido: { $detail }
core-backup-unknown-format = formato desconocido { $format }
core-backup-copy = no se pudo copiar { $name } ({ $detail })
core-backup-manifest-missing = falta la lista de contenido (¿una copia cortada?)
core-backup-files-differ = sus archivos no coinciden con su lista de contenido (dañada o alterada)
core-backup-no-database = no tiene base de datos
core-backup-other-vault = la lista de contenido es de otra bóveda

# Avisos sobre el archivo de bóvedas conocidas de esta computadora (src/vault/pin.rs)
core-pin-damaged-line = la línea { $line } del archivo de bóvedas conocidas { $path } está dañada y no se tomó en cuenta
core-pin-not-saved = no se pudo guardar el archivo de bóvedas conocidas: { $detail }

# Algo cambió mientras corría el comando: inténtelo de nuevo
core-conflict-reencrypting-record = el incidente cambió mientras se volvía a cifrar; inténtelo de nuevo
core-conflict-reencrypting-attachment = el adjunto cambió mientras se volvía a cifrar; inténtelo de nuevo
core-conflict-reencrypting-export = la exportación cambió mientras se volvía a cifrar; inténtelo de nuevo
core-conflict-amending = el incidente { $id } cambió mientras se corregía; inténtelo de nuevo
core-conflict-rekeyed = la clave maestra de la bóveda cambió mientras corría este comando; no se guardó nada, inténtelo de nuevo
core-conflict-backup-vanished = { $path } desapareció mientras se hacía la copia de seguridad (¿se cambió la clave maestra?); inténtelo de nuevo
core-conflict-backup-changed = { $path } cambió mientras se hacía la copia de seguridad; inténtelo de nuevo
core-conflict-attached-changed = el adjunto se guardó, pero { $path } cambió mientras se leía; no se borró
core-conflict-cached-attachment-vanished = un adjunto guardado en la memoria rápida desapareció
core-conflict-revision-exists = el incidente { $id } ya tiene la versión { $revision }
core-conflict-cache-segment-exists = la parte { $seq } de la memoria rápida ya existe
core-conflict-check-panicked = la verificación interna de la base de datos se detuvo por un error

## bundle: writing and reading bundles (library errors)

## verify: problem kinds and what verify prints

## when: times as people say them and as they are shown

## report: the owner's report and the counsel report

## cli: prompts, notes, command output, help

# Placeholder used by the unit test of the loader; keep.
i18n-selftest = { $count ->
    [one] una anotación
   *[other] { $count } anotaciones
}
