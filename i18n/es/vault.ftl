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
core-weak-passphrase = la contraseña es demasiado fácil de adivinar (fuerza { $score } de 4, se necesita al menos { $needed }): { $advice }
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
core-damage-export-would-miss = { $shape ->
    [attachment] falta el adjunto { $attachment } del incidente { $record } (alguien lo borró); una exportación de todos los incidentes lo dejaría fuera
    [incident] falta el incidente { $record } (alguien lo borró); una exportación de todos los incidentes lo dejaría fuera
    [revision-shown] del incidente { $record } falta la versión { $revision } (alguien la borró; se muestra la versión { $shown }, más vieja); una exportación de todos los incidentes la dejaría fuera
   *[revision] del incidente { $record } falta la versión { $revision } (alguien la borró); una exportación de todos los incidentes la dejaría fuera
}
core-damage-revision-missing = del incidente { $record } falta la versión { $revision }
core-damage-newer-revision-missing = del incidente { $record } falta la versión { $revision } (alguien la borró) y se muestra la versión { $shown }, más vieja; no se cambia ni se exporta hasta que vuelva la versión que falta (restaure una copia de seguridad: vault restore)
core-damage-no-checkpoint = la bóveda no tiene ningún sello firmado
core-damage-leaf-missing = falta la anotación n.º { $index } de la bitácora
core-damage-no-inclusion-proof = no se puede probar que la anotación n.º { $index } está en la bitácora: { $detail }
core-damage-no-consistency-proof = no se puede probar que la bitácora continúa la de tamaño { $size }: { $detail }
core-damage-export-no-decrypt = los datos de la exportación { $id } no se pueden descifrar
core-damage-export-no-decode = los datos de la exportación { $id } no se pueden leer: { $detail }
core-damage-export-other = la exportación { $id } guarda los datos de otra exportación ({ $other })

# Cambios sin la contraseña
core-tamper-signing-public = la clave pública de firma guardada no es la de la clave de firma
core-tamper-entries-removed = se borraron anotaciones de la bitácora: quedan { $stored } de { $size }
core-tamper-seal-root = la marca de confianza de la bóveda está dañada
core-tamper-seal-missing = falta la marca de confianza de la bóveda, aunque la anotación n.º { $index } de la bitácora dice que esta bóveda tiene una
core-tamper-shrunk = la bitácora tiene { $size ->
    [one] 1 anotación
   *[other] { $size } anotaciones
}, menos que las { $previous } que esta bóveda firmó la última vez: alguien puso una copia más vieja o borró anotaciones
core-tamper-signed-changed = alguien cambió anotaciones que esta bóveda ya había firmado (las primeras { $previous })
core-tamper-unsigned = la anotación n.º { $index } de la bitácora no tiene sello, aunque todo comando que escribe una así la sella en el acto: es falsa
core-tamper-unknown-leaf = la anotación n.º { $index } de la bitácora no es una que este programa escriba
core-tamper-seal-foreign = la marca de confianza de la bóveda no es una que este programa haya escrito
core-tamper-seal-wrong-key = la marca de confianza de la bóveda no se hizo con la clave maestra de esta bóveda
core-tamper-seal-identity = la identidad de la bóveda (su anotación de creación, su clave de firma o su clave maestra) ya no coincide con la que selló quien tiene la contraseña
core-tamper-pin-signing-key = su clave de firma (número de seguridad { $now }) no es la que esta computadora conoce para ella ({ $pinned })
core-tamper-pin-recipient = la clave maestra con la que se cifraría lo nuevo no es la que esta computadora conoce para esta bóveda
core-tamper-pin-rollback = la bitácora tiene { $size ->
    [one] 1 anotación
   *[other] { $size } anotaciones
}, pero esta computadora vio { $pinned } selladas: alguien puso una copia más vieja de la bóveda o borró anotaciones
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
core-input-keyslot-ambiguous = { $count ->
    [one] { $prefix } coincide con { $count } acceso; escriba más caracteres del identificador
   *[other] { $prefix } coincide con { $count } accesos; escriba más caracteres del identificador
}
core-input-last-keyslot = no se quitará el último acceso: la bóveda ya nunca se podría abrir
core-input-last-passphrase-slot = no se quitará el último acceso con contraseña (una bóveda guarda al menos una contraseña o una llave de seguridad); para reemplazar la contraseña use `vault passwd`
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

# everyday: core messages for corrections, withdrawals, passphrases and words
core-input-withdraw-reason-empty = indique por qué retira el incidente (por ejemplo --reason "anotado por error")
core-vault-unplugged = no hay bóveda en { $dir }, y tampoco está la memoria o la carpeta donde debería estar. Si la bóveda está en una memoria USB o un disco externo, conéctelo e inténtelo otra vez (o indique --vault CARPETA si está en otro lugar). No use `vault init`: eso crearía una segunda bóveda vacía
# custody: modo viaje y plan de detención (src/error/custody.rs)
core-custody-travelling = el modo viaje está activo: los accesos de esta bóveda están en el archivo de resguardo que guarda otra persona, así que nadie puede abrir la bóveda en este aparato, con ninguna contraseña ni código de recuperación (`vault add` y `vault attach` siguen funcionando; `vault travel end` trae los accesos de vuelta)
core-custody-not-travelling = el modo viaje no está activo (no hay nada que traer de vuelta)
core-custody-already-travelling = el modo viaje ya está activo
core-custody-travel-entry = falta la anotación n.º { $leaf } de la bitácora, con la que empezó el modo viaje, o alguien la cambió; ejecute `vault verify`
core-custody-escrow-not-logged = { $path } no es el archivo de resguardo que escribió esta bóveda al empezar el modo viaje (su código de control no coincide con el de la bitácora)
core-custody-escrow-locked = ninguna clave indicada abre { $path } (indique con --identity la clave a la que se cifró)
core-custody-escrow-foreign = { $path } guarda accesos de otra bóveda, o accesos distintos de los anotados al empezar el modo viaje
core-custody-escrow-incomplete = el archivo de resguardo { $path } leído de nuevo no es igual a lo escrito; no se quitó nada
core-custody-no-plan = esta bóveda no tiene plan de detención (`vault plan set` crea uno)
core-custody-plan-damaged = el plan de detención guardado no coincide con su anotación en la bitácora, o no se puede leer (alguien lo cambió sin la contraseña, o se cambió la clave maestra con `vault rekey`): vuelva a crearlo con `vault plan set`
core-custody-threshold = el mínimo de partes debe estar entre 1 y el número de personas de confianza ({ $count }, 255 como máximo); se indicó { $threshold }
core-custody-no-trustee = un plan de detención necesita al menos una persona de confianza (--trustee CLAVE)
core-custody-share-unreadable = { $path } no es una parte de una clave de entrega, o ninguna clave indicada la abre
core-custody-shares-disagree = { $path } es una parte de otra clave de entrega (o de otra bóveda) que la primera parte indicada
core-custody-duplicate-share = { $path } tiene la misma parte que otro archivo indicado
core-custody-not-enough-shares = { $need ->
    [one] hace falta 1 parte
   *[other] hacen falta { $need } partes
}; { $count ->
    [one] solo se indicó 1
   *[other] solo se indicaron { $count }
}
core-custody-shares-wrong = las partes no reconstruyen la clave de entrega que indican (alguna está dañada)
# anchor: constancias de tiempo (RFC 3161) y cofirmas rechazadas (src/error/anchor.rs)
core-anchor = se rechazó la constancia de tiempo o la cofirma: { $detail }
core-anchor-unreadable = no se puede leer { $what } ({ $detail })
core-anchor-not-granted = la autoridad de fechado no concedió la solicitud (estado { $status })
core-anchor-unsupported-algorithm = algoritmo no admitido { $oid } (vault solo revisa firmas RSA con SHA-256)
core-anchor-bad-signature = la firma de la constancia no se verifica: alguien la cambió después de que la autoridad la firmara
core-anchor-no-signer-certificate = la constancia no trae el certificado de quien la firmó
core-anchor-not-timestamping = el certificado de quien firmó no sirve para fechar (le falta el uso timeStamping)
core-anchor-untrusted = la autoridad de fechado «{ $tsa }» no depende del certificado de confianza
core-anchor-other-checkpoint = la constancia fecha otra cosa, no este sello
core-anchor-nonce-mismatch = el número único de la respuesta no es el de la solicitud pendiente (una respuesta repetida o ajena)
core-anchor-no-pending-request = ninguna solicitud de constancia espera respuesta; ejecute primero `vault anchor request`
core-anchor-no-checkpoint = la bóveda todavía no tiene ningún sello firmado
core-anchor-bad-certificate = no se puede leer el certificado ({ $detail })
core-anchor-bad-cosignature = no se puede leer la cofirma ({ $detail })
core-anchor-inconsistent = este sello (tamaño { $size }) no continúa el último que cofirmó este abogado (tamaño { $previous }): alguien reescribió la historia de la bóveda
core-anchor-proof-from = la solicitud prueba que continúa el sello de tamaño { $from }, pero este abogado cofirmó por última vez el tamaño { $needed }: pida una nueva hecha con `vault witness request --from { $needed }`
# plugin: accesos que se abren con un complemento de age, una llave de seguridad (src/crypto/plugin.rs)
core-custody-plugin-recipient = { $text } no es un destinatario de un complemento de age (age1, el nombre del complemento, 1 y la clave, como lo muestra el complemento)
core-custody-plugin-identity = { $path } no contiene ninguna identidad del complemento { $plugin } (una línea AGE-PLUGIN-…-1…, como la muestra el complemento)
core-custody-plugin-missing = no se encontró el programa { $binary }: instálelo, o agregue a PATH la carpeta donde está, para usar la llave de seguridad (si la bóveda tiene una contraseña o un código de recuperación, siguen abriéndola)
core-custody-plugin-failed = el complemento de age { $plugin } falló: { $detail }
core-custody-plugin-no-match = la llave del complemento de age { $plugin } no abre esta bóveda (¿conectó el aparato correcto?)
core-slot-plugin-fields = un acceso de llave de seguridad (complemento) con configuración de contraseña, o sin identidad del complemento
core-custody-no-plugin-slot = esta bóveda no tiene ningún acceso de llave de seguridad (`vault keyslot add --plugin` agrega uno)

# tsahttp: envío de una solicitud a una autoridad de fechado (src/anchor/http.rs) y fechas de los certificados
core-anchor-outside-validity = el certificado «{ $subject }» no era válido en la fecha de la constancia, { $time } (válido del { $from } al { $to })
core-tsa-bad-url = { $url } no es la dirección de una autoridad de fechado: indique una que empiece por https:// o http://
core-tsa-unreachable = no se pudo conectar con la autoridad de fechado { $host } ({ $detail }); no se guardó nada
core-tsa-status = la autoridad de fechado respondió con el estado HTTP { $status } en lugar de una constancia de tiempo; no se guardó nada
core-tsa-content-type = la respuesta de la autoridad de fechado no es una constancia de tiempo (tipo de contenido { $found }, no application/timestamp-reply); no se guardó nada
core-tsa-too-large = la respuesta de la autoridad de fechado ocupa más de { $limit }; no se guardó nada
core-tsa-timeout = la autoridad de fechado no respondió en { $secs ->
    [one] 1 segundo
   *[other] { $secs } segundos
}; no se guardó nada

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
bundle-entries-overlap = los archivos dentro del paquete dicen medir { $total } bytes en total, más que los { $bundle } bytes de todo el paquete: se enciman (un paquete dañado o hecho para atacar); se rechaza
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
bundle-changed-since-verified = { $name } cambió después de verificar el paquete (alguien está reescribiendo el archivo mientras se lee); no se guardó nada
bundle-archive-write = no se pudo escribir el paquete: { $detail }
bundle-encode = no se pudo preparar el contenido del paquete: { $detail }
bundle-too-large-to-strip = { $name } es demasiado grande para quitarle los datos escondidos en memoria
bundle-strip-failed = no se pudieron quitar los datos escondidos de { $name }: { $detail }
# Qué exportar.
bundle-cannot-redact = no se puede ocultar { $field }; los datos que se pueden ocultar son: { $fields }
bundle-coarsen-places = --coarsen-location admite de 0 a 6 decimales
bundle-nothing-selected = ningún incidente cumple la selección; no hay nada que exportar
bundle-no-recipient = indique al menos un destinatario (`--to`, `--to-file` o `--passphrase`)
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

# anchor: lo que prueban las constancias de tiempo y las cofirmas de un paquete (src/cli/anchor_cmd.rs)
bundle-anchor-line = La bitácora de la bóveda hasta la anotación { $size } ya existía a más tardar el { $time }, según la autoridad de fechado «{ $tsa }» (revisado con su certificado).
bundle-anchor-untrusted-line = La bitácora de la bóveda hasta la anotación { $size } ya existía a más tardar el { $time }, dice «{ $tsa }»: no se revisó con un certificado de su confianza; use --tsa-cert para poder confiar en ello.
bundle-cosignature-line = La bitácora de la bóveda hasta la anotación { $size } la cofirmó su clave de cofirma «{ $witness }» el { $time }: es la historia que usted vio entonces, o la continúa.
bundle-cosignature-other-line = La bitácora de la bóveda hasta la anotación { $size } la cofirmó «{ $witness }» el { $time }; use --witness-key para revisar que la clave es la suya.
help-bundle-verify-tsa-cert = Revisa las constancias de tiempo del paquete con este certificado de la autoridad de fechado (PEM o DER).
help-bundle-verify-witness-key = Revisa las cofirmas del paquete con su clave de cofirma (el archivo de la clave, o la línea de la clave pública).
# packet: el paquete para el tribunal (src/bundle/packet), `vault bundle exhibit`, qué decirle a su abogado o abogada al exportar
bundle-packet-bad-prefix = el prefijo de las páginas { $prefix } debe tener de 1 a { $max } letras, números, - o _
bundle-packet-bad-start = el primer número de página debe estar entre 1 y 999999999, no { $start }
bundle-packet-folder-exists = { $path } ya existe: indique una carpeta nueva para la prueba documental (nunca se sobrescribe nada)
bundle-packet-utc = { $time } UTC
bundle-packet-title = Prueba documental: incidentes anotados, exportación { $export }
bundle-packet-footer = Exportación { $export } · página { $n } de { $total }
bundle-packet-cover-heading = Incidentes anotados con vault
bundle-packet-cover-exported = Exportado el { $date } de la bóveda { $vault } (exportación { $export }): { $incidents ->
    [one] 1 incidente
   *[other] { $incidents } incidentes
}, { $attachments ->
    [one] 1 adjunto
   *[other] { $attachments } adjuntos
}.
bundle-packet-cover-supplements = Esta es una revelación posterior: muestra partes que se ocultaron en la exportación { $export }.
bundle-packet-cover-fingerprint = Número de seguridad de la clave de firma
bundle-packet-cover-fingerprint-note = Compare este número con la persona que anotó los incidentes, por teléfono o en persona: cada quien lo lee en voz alta en grupos de cinco cifras. Si coincide, esta prueba documental viene de su bóveda.
bundle-packet-proves-heading = Qué demuestra
bundle-packet-proves = Cuando `vault bundle verify` dice VERIFICADO, cada incidente y cada adjunto que se muestran aquí son exactamente lo que anotó la bitácora firmada de la bóveda: { $size ->
    [one] la primera anotación de la bitácora está firmada
   *[other] las primeras { $size } anotaciones de la bitácora están firmadas
} con la clave de arriba, y cada dato está unido a esa firma por su valor hash. Nada de lo que se muestra cambió después de anotarse sin que se note, y una corrección aparece como una versión nueva. Las partes marcadas como ocultas existen en lo anotado y están selladas con un código con sal (hash con sal): no se pueden cambiar por otro texto después.
bundle-packet-not-proves-heading = Qué no demuestra
bundle-packet-not-proves = No demuestra que lo escrito sea cierto, ni quién lo escribió: solo que se anotó en esta bóveda y que no se alteró después. Las horas de «anotado» vienen del reloj de la computadora de la persona que anotó los incidentes, que su dueño puede cambiar; la bitácora firmada ordena las anotaciones, pero no demuestra por sí sola cuándo se hicieron. La hora en que se tomó una foto es la que dicen los metadatos del archivo, que se pueden editar antes de que el archivo entrara a la bóveda. La copia impresa no demuestra nada por sí sola: verifique el archivo del paquete.
bundle-packet-outside-heading = Pruebas de la hora que vienen de fuera de la bóveda
bundle-packet-outside-none = Ninguna en este paquete. Un comprobante (un sello firmado) que la persona le dio antes puede demostrar que lo anotado ya existía el día en que usted lo recibió: `vault bundle verify --receipt ARCHIVO`.
bundle-packet-outside-item = { $by }: { $time } ({ $covers })
bundle-packet-outside-anchor = constancia de tiempo del sello de { $size ->
    [one] 1 anotación
   *[other] { $size } anotaciones
} (RFC 3161; compruebe el certificado de la autoridad con `vault bundle verify --tsa-cert`)
bundle-packet-outside-cosignature = cofirma del sello de { $size ->
    [one] 1 anotación
   *[other] { $size } anotaciones
} (compruebe la clave del testigo con `vault bundle verify --witness-key`)
bundle-packet-verify-heading = Cómo verificar
bundle-packet-verify = Ejecute `vault bundle verify PAQUETE --identity CLAVE` con el archivo del paquete, o siga VERIFY.txt, que viene dentro, con herramientas comunes (sha256sum, openssl). La tabla del final da el valor hash (SHA-256) de cada archivo del paquete; este PDF y manifest.json los verifica el propio programa.
bundle-packet-chronology-heading = Cronología
bundle-packet-col-when = Cuándo
bundle-packet-col-kind = Tipo
bundle-packet-col-incident = Incidente
bundle-packet-col-page = Página
bundle-packet-col-file = Archivo
bundle-packet-col-sha = Valor hash (SHA-256)
bundle-packet-incident-heading = Incidente { $id } (versión { $revision })
bundle-packet-history-heading = Historia
bundle-packet-history-first = Primera versión: este incidente no se corrigió antes de esta exportación.
bundle-packet-history-corrected = Versión { $revision }: este incidente se corrigió { $earlier ->
    [one] una vez
   *[other] { $earlier } veces
} después de anotarse por primera vez. La bitácora firmada guarda todas las versiones anteriores; este paquete muestra la última.
bundle-packet-history-recorded = Esta versión se anotó el { $at }, según el reloj de la computadora de la persona que la anotó.
bundle-packet-history-recorded-withheld = Cuándo se anotó esta versión está oculto.
bundle-packet-history-first-recorded = Se anotó por primera vez el { $at }.
bundle-packet-history-first-recorded-withheld = Se anotó por primera vez: cuándo está oculto.
bundle-packet-history-correction = Se corrigió (versión { $revision }) el { $at }.
bundle-packet-history-correction-withheld = Se corrigió (versión { $revision }): cuándo está oculto.
bundle-packet-history-clock = Estas horas vienen del reloj de la computadora de la persona que lo anotó; la bitácora firmada prueba el orden de las versiones.
bundle-packet-att-name = Nombre del archivo
bundle-packet-att-type = Tipo de archivo
bundle-packet-att-carries = En este paquete
bundle-packet-att-path = Archivo en el paquete
bundle-packet-att-sha = Valor hash (SHA-256) del archivo en el paquete
bundle-packet-att-original-sha = Valor hash (SHA-256) del original (al entrar a la bóveda)
bundle-packet-att-taken = Hora de la toma según los metadatos del archivo
bundle-packet-att-mismatch = ¡Cuidado! La hora de la toma está a { $days ->
    [one] 1 día
   *[other] { $days } días
} de la hora del incidente.
bundle-packet-att-identifying = ¡Cuidado! El archivo original lleva metadatos que pueden identificar a alguien: { $item }
bundle-packet-att-no-image = (Esta imagen no se puede mostrar aquí: abra el archivo del paquete.)
bundle-packet-meta-gps = posición GPS { $position }
bundle-packet-meta-serial = número de serie de la cámara { $serial }
bundle-packet-meta-owner = nombre del dueño { $name }
bundle-packet-meta-camera = cámara { $camera }
bundle-packet-hashes-heading = Archivos de este paquete
bundle-packet-hashes-note = El valor hash (SHA-256) de cada archivo, como lo muestra `sha256sum`. Este PDF y manifest.json no aparecen: los verifica el programa.
bundle-packet-csv-date = Fecha
bundle-packet-csv-time = Hora
bundle-packet-csv-as-written = Fecha como se escribió
bundle-packet-csv-fact = Hecho
bundle-packet-csv-source = Fuente
bundle-packet-csv-page = Página
bundle-packet-csv-start = Inicio
bundle-packet-csv-end = Fin
bundle-packet-csv-source-text = Incidente { $id }, versión { $revision }, exportación { $export }
bundle-packet-decl-draft = BORRADOR PARA QUE LO REVISE SU ABOGADO O ABOGADA. Sin firmar, sin jurar, no se presenta así: vault lo escribió a partir del paquete; su abogado o abogada decide qué dice. Para presentarlo ante un tribunal de Estados Unidos hace falta la versión en inglés (vault bundle exhibit --lang en).
bundle-packet-decl-1746-heading = BORRADOR DE DECLARACIÓN DE [NOMBRE DE QUIEN DECLARA] CONFORME AL 28 U.S.C. § 1746
bundle-packet-decl-1746-body =
    Yo, [NOMBRE DE QUIEN DECLARA], declaro lo siguiente:

    1. Soy mayor de 18 años y tengo capacidad para hacer esta declaración. Conozco personalmente los hechos que aquí se dicen.

    2. Anoto los encuentros con agentes en un programa llamado vault, en mi propia computadora. Escribí yo misma o yo mismo cada incidente de la lista, en el momento de los hechos o poco después. [ABOGADO/A: adapte a cómo y cuándo se anotó cada incidente.]

    3. El programa guarda cifrado cada incidente y anota cada incidente, y cada corrección, en una bitácora firmada con una clave que solo tiene mi bóveda. El número de seguridad de esa clave es { $fingerprint }. Confirmé este número a mi abogado o abogada [por teléfono / en persona] el [FECHA].

    4. Exporté { $count ->
        [one] el siguiente incidente
       *[other] los siguientes { $count } incidentes
    } para mi abogado o abogada (exportación { $export }). La prueba documental muestra lo que anoté, salvo las partes que decidí ocultar, que están marcadas como ocultas:
bundle-packet-decl-incident = {"    "}{ $n }. { $when }: incidente { $id }, versión { $revision } (página { $page } de la prueba documental)
bundle-packet-decl-1746-closing = Declaro bajo pena de perjurio, conforme a las leyes de los Estados Unidos de América, que lo anterior es verdadero y correcto.
bundle-packet-decl-signature =
    Firmado el [FECHA] en [CIUDAD, ESTADO].

    ______________________________
    {"["}NOMBRE DE QUIEN DECLARA]
bundle-packet-decl-902-heading = BORRADOR DE CERTIFICACIÓN CONFORME A LA REGLA FEDERAL DE PRUEBA 902(14) (vea también las reglas 902(11) y 902(13))
bundle-packet-decl-902-body =
    Yo, [NOMBRE DE LA PERSONA CALIFICADA], certifico lo siguiente:

    1. Soy [DESCRIBA LA CALIFICACIÓN: por ejemplo, conozco el programa vault y los métodos criptográficos de abajo]. Examiné el paquete electrónico de la exportación { $export }, exportado el { $date } de la bóveda { $vault }.

    2. Cómo vault identifica sus datos por su valor hash. Al guardar un incidente o un adjunto, vault calcula el valor hash SHA-256 de cada uno de sus datos (cada uno con una sal al azar) y de cada archivo adjunto. SHA-256 es una función hash estándar (FIPS 180-4): cualquier cambio en los datos, aunque sea de una letra, da otro valor hash.

    3. Cómo vault anota y firma. Cada incidente, cada corrección y cada archivo adjunto es una anotación en una bitácora a la que solo se agregan anotaciones, construida como un árbol de Merkle (RFC 6962). vault firma el estado de la bitácora (un sello: el número de anotaciones y el valor hash raíz) con una clave Ed25519 (RFC 8032) que solo tiene esa bóveda. El paquete trae un sello que cubre { $size ->
        [one] 1 anotación
       *[other] { $size } anotaciones
    } y, para cada dato, la prueba que lo une a ese sello. El número de seguridad de la clave pública es { $fingerprint }.

    4. Cómo se verifica el paquete. Ejecuté `vault bundle verify` con el archivo del paquete [o seguí VERIFY.txt con herramientas comunes]: verificó la firma del sello, la prueba de inclusión de cada dato, que cada dato mostrado coincide con su valor hash en la bitácora, y el valor hash SHA-256 de cada archivo. El resultado fue [VERIFICADO / los problemas que se adjuntan].

    5. Según ese proceso, los datos de la prueba documental son un duplicado fiel de los datos anotados en la bóveda, identificados por los valores hash que da la prueba documental, salvo las partes marcadas como ocultas, que se identifican por su valor hash pero no se muestran. [ABOGADO/A: el proceso muestra que los datos no se alteraron después de anotarse; no muestra cuándo ni quién los escribió.]
bundle-packet-decl-902-signature =
    Declaro bajo pena de perjurio, conforme a las leyes de los Estados Unidos de América, que lo anterior es verdadero y correcto.

    Firmado el [FECHA] en [CIUDAD, ESTADO].

    ______________________________
    {"["}NOMBRE DE LA PERSONA CALIFICADA]
bundle-packet-decl-translation-heading = INCIDENTES ESCRITOS EN ESPAÑOL: TEXTO ORIGINAL Y CERTIFICADO DE TRADUCCIÓN
bundle-packet-decl-translation-original = Texto original del incidente { $id } (página { $page } de la prueba documental), tal como se anotó:
bundle-packet-decl-translation-space =
    Traducción al inglés:

    {"["}TRADUCTOR/A: traducción del texto de arriba]
bundle-packet-decl-translation-certificate =
    CERTIFICADO DE TRADUCCIÓN

    Yo, [NOMBRE DEL TRADUCTOR O TRADUCTORA], certifico que soy competente para traducir del español al inglés, y que la traducción al inglés de arriba del texto original de este incidente es completa y fiel según mi leal saber y entender.

    ______________________________
    {"["}NOMBRE]    [DIRECCIÓN]    [TELÉFONO]    [FECHA]
bundle-packet-exhibit-wrote = El paquete para el tribunal está en { $path }: exhibit.pdf ({ $pages ->
    [one] 1 página
   *[other] { $pages } páginas
}, de { $first } a { $last }), chronology.csv, declaration.txt y report.html.
bundle-packet-exhibit-drafts = Las declaraciones de declaration.txt son borradores: revíselas antes de que alguien las firme.
bundle-lawyer-heading = Qué decirle a su abogado o abogada:
bundle-lawyer-send = {"  "}1. Mándele el archivo { $path } (por correo o en una memoria USB): solo su clave lo abre.
bundle-lawyer-fingerprint = {"  "}2. Por teléfono o en persona, léale este número y pídale que lo compare: { $fp }
bundle-lawyer-verify = {"  "}3. Para verificarlo, su abogado o abogada ejecuta: vault bundle verify { $file } --identity CLAVE

## verify: problem kinds and what verify prints

# Items: what a problem is about.
verify-item-record-revision = incidente { $id } versión { $revision }
verify-item-record = incidente { $id }
verify-item-attachment = adjunto { $id } del incidente { $record }
verify-item-keyslot = acceso { $id }
verify-item-keyslot-action = acceso { $id } ({ $action ->
    [add] agregado
    [replace] reemplazado
    [remove] quitado
   *[other] { $action }
})
verify-item-export = exportación { $id }
verify-item-checkpoint-at = { $size ->
    [one] sello de 1 anotación
   *[other] sello de { $size } anotaciones
}
verify-item-earlier-checkpoint = { $size ->
    [one] sello anterior de 1 anotación
   *[other] sello anterior de { $size } anotaciones
}
verify-item-rekey-at = cambio de clave maestra (anotación n.º { $index } de la bitácora)
verify-item-reencryption-at = recifrado (anotación n.º { $index } de la bitácora)
verify-item-reencryption-of = recifrado de la anotación n.º { $leaf }
verify-item-ledger-leaf = anotación n.º { $index } de la bitácora
verify-item-vault-creation = creación de la bóveda
verify-item-rekey = cambio de clave maestra
verify-item-trust-seal = marca de confianza
verify-item-receipt = comprobante
verify-item-vault-metadata = datos guardados de la bóveda
verify-item-checkpoints = sellos
verify-item-checkpoint = sello
verify-item-keyslots = accesos
verify-item-manifest = manifiesto del paquete
verify-item-archive = archivo ZIP del paquete
verify-item-pin-file = lo que esta computadora recuerda de la bóveda
verify-item-cache-segment = parte { $seq } de la caché del listado
# A file name, as found (the database file, a quarantined file, a bundle's entry).
verify-item-file = { $name }

# Details: one line about one problem. A library error or a tool's own words (`$error`, `$line`,
# `$reason`) are in English: they are left to --json.
verify-database-sqlite = la verificación de SQLite encontró daños en la base de datos (detalles con --json)
verify-database-schema = la base de datos tiene algo que vault nunca crea (detalles con --json)
verify-database-unusable = la base de datos no se puede usar (detalles con --json)
verify-quarantine-file = un archivo adjunto completo que no es de ningún adjunto de este vault.db (se movió aquí desde blobs/, no se borró); puede ser la única copia de un adjunto que anotó otra copia de vault.db (una de antes de un `vault rekey`, un conflicto de sincronización, la base de datos de otra bóveda). Guárdelo hasta saber de dónde viene; para quitarlo: rm '{ $path }'
verify-cache-segment-reason = { $reason }; el próximo listado la quita y la rehace
verify-cache-signature-malformed = su firma está dañada
verify-cache-signature-invalid = su firma no es de la clave de firma de la bóveda
verify-cache-no-decrypt = no se puede descifrar con la clave de la bóveda
verify-cache-no-decode = se descifró, pero no se puede leer (detalles con --json)
verify-cache-foreign = es de otra bóveda, de otra posición o de otro formato
verify-cache-leaves-beyond = menciona anotaciones de la bitácora más allá de las que cubre
verify-cache-beyond-ledger = cubre más anotaciones de las que tiene la bitácora
verify-ledger-gap = { $count ->
    [one] falta la anotación n.º { $first } de la bitácora
   *[other] faltan las anotaciones n.º { $first } a { $last } de la bitácora
}
verify-leaf-hash = el código de control guardado no corresponde a la anotación
verify-ledger-entry-unreadable = esta anotación no se puede leer (detalles con --json)
verify-genesis-vault-id = el número de la bóveda no es el que se anotó al crearla
verify-genesis-not-first = la bitácora no empieza con la creación de la bóveda
verify-master-recipient = la clave maestra no es la que se anotó al crear la bóveda o en el último cambio de clave
verify-signing-key = la clave de firma no es la que se anotó al crear la bóveda
verify-checkpoint-none = la bóveda no tiene ningún sello firmado
verify-checkpoint-signature = la firma del sello no es válida (detalles con --json)
verify-checkpoint-size = el sello dice que cubre { $size ->
    [one] 1 anotación
   *[other] { $size } anotaciones
}
verify-checkpoint-beyond-ledger = el sello cubre { $size ->
    [one] 1 anotación
   *[other] { $size } anotaciones
}, pero la bitácora tiene solo { $leaves }
verify-checkpoint-root = la bitácora no es la que se firmó con este sello: alguien cambió o borró algo
verify-checkpoint-consistency = no concuerda con el sello más reciente (de { $size ->
    [one] 1 anotación
   *[other] { $size } anotaciones
})
verify-trust-seal-missing = falta la marca de confianza, aunque la anotación n.º { $leaf } de la bitácora dice que esta bóveda tiene una
verify-trust-seal-foreign = este programa no escribió esta marca de confianza
verify-trust-seal-key = la marca de confianza no se hizo con la clave maestra de esta bóveda
verify-trust-seal-identity = ya no coincide con lo que selló quien tiene la contraseña: { $facts }
verify-fact-vault-id = el número de la bóveda
verify-fact-creation-entry = la anotación de creación
verify-fact-signing-key = la clave de firma
verify-fact-master-key = la clave maestra
verify-high-water-shorter = la bitácora tiene { $leaves ->
    [one] 1 anotación
   *[other] { $leaves } anotaciones
}, menos que las { $size } que esta bóveda firmó la última vez: se reemplazó por una copia más vieja o se borraron anotaciones
verify-high-water-rewritten = alguien cambió anotaciones que esta bóveda ya había firmado
verify-high-water-deleted = falta el sello más reciente que firmó esta bóveda (el último válido cubre { $signed }): alguien borró sellos
verify-forged-entry = { $entry }: ningún sello firmado la cubre, aunque todo comando que la escribe la sella en el acto; se escribió sin la contraseña
verify-rekey-unsigned = ningún sello firmado lo cubre, aunque un cambio de clave maestra siempre firma uno
verify-rekey-not-reencrypted = { $count ->
    [one] 1 cosa anotada antes no se volvió a cifrar (la primera: anotación n.º { $first })
   *[other] { $count } cosas anotadas antes no se volvieron a cifrar (la primera: anotación n.º { $first })
}
verify-rekey-wrong-previous = reemplaza una clave maestra que no era la vigente
verify-reencrypt-no-rekey = no hay ningún cambio de clave maestra antes
verify-reencrypt-not-an-item = la anotación n.º { $leaf } no es algo anotado antes del cambio de clave maestra n.º { $rekey }
verify-reencrypt-blob-fields = sus datos de archivo no corresponden a lo que vuelve a cifrar
verify-reencrypt-twice = la anotación n.º { $leaf } se vuelve a cifrar dos veces en un mismo cambio de clave maestra
verify-receipt-not-signed = el comprobante no es un sello firmado por esta bóveda (detalles con --json)
verify-receipt-beyond-vault = el comprobante cubre { $size ->
    [one] 1 anotación
   *[other] { $size } anotaciones
}, pero la bóveda tiene solo { $leaves }: se reemplazó por una copia más vieja, o se borraron anotaciones
verify-receipt-rewritten = la bóveda no contiene todo lo del comprobante: alguien cambió su historia
verify-record-ciphertext-hash = los datos cifrados no coinciden con el código de control que sella su anotación de la bitácora: alguien los cambió
verify-record-leaf = la anotación n.º { $leaf } de la bitácora no es la de este incidente
verify-record-revisions = las versiones { $revisions } no van seguidas desde la 1
verify-cache-forged = la parte { $seq } de la caché del listado guarda una versión descifrada de unos datos que su anotación de la bitácora no respalda
verify-cache-item-shown = la caché del listado muestra esta versión distinta de lo que guarda cifrado
verify-cache-item-key = la clave guardada en la caché del listado no abre esta versión
verify-record-decrypt = no se puede descifrar (detalles con --json)
verify-record-decode = se descifró, pero no se puede leer (detalles con --json)
verify-record-field-digest = los datos descifrados no coinciden con los códigos de control de la bitácora
verify-attachment-leaf = la anotación n.º { $leaf } de la bitácora no es la de este adjunto
verify-attachment-description-hash = la descripción cifrada no coincide con su anotación de la bitácora
verify-attachment-file-missing = falta el archivo cifrado
verify-attachment-size = el archivo cifrado tiene { $size } bytes; la bitácora dice { $expected }
verify-attachment-unreadable = no se puede leer el archivo cifrado (detalles con --json)
verify-attachment-hash = el archivo cifrado no coincide con el código de control que sella su anotación de la bitácora
verify-attachment-decrypt = no se puede descifrar (detalles con --json)
verify-attachment-field-digest = la descripción descifrada no coincide con los códigos de control de la bitácora
verify-attachment-plaintext = el contenido descifrado no es el anotado (detalles con --json)
verify-keyslot-kdf = el acceso tiene una configuración de contraseña que este programa nunca escribe (detalles con --json)
verify-keyslot-hash = el acceso no coincide con el código de control que sella su anotación de la bitácora
verify-keyslot-stale = una anotación posterior de la bitácora cambió este acceso, pero el guardado es más viejo
verify-keyslot-leaf = la anotación n.º { $leaf } de la bitácora no es la de este acceso
verify-keyslot-none = la bóveda no tiene ningún acceso: no se puede abrir
verify-not-stored = la anotación n.º { $leaf } de la bitácora lo anota, pero no está guardado
verify-export-hash = la descripción de la exportación no coincide con su anotación de la bitácora
verify-export-leaf = la anotación n.º { $leaf } de la bitácora no es la de esta exportación
verify-pin-signing-key = su clave de firma (número de seguridad { $found }) no es la que esta computadora conoce para ella ({ $pinned })
verify-pin-master-key = la clave maestra con la que se cifrarían las nuevas anotaciones no es la que esta computadora conoce para esta bóveda
verify-pin-shorter = la bitácora tiene { $leaves ->
    [one] 1 anotación
   *[other] { $leaves } anotaciones
}, pero esta computadora vio { $size } firmadas: se reemplazó por una copia más vieja, o se borraron anotaciones
verify-pin-rewritten = la bitácora no contiene todo lo del sello más reciente que esta computadora vio firmado ({ $size } anotaciones): alguien cambió su historia, o se reemplazó por una copia más vieja
verify-bundle-entry-base64 = la anotación de la bitácora no está en base64
verify-bundle-entry-invalid = la anotación de la bitácora no es válida (detalles con --json)
verify-bundle-entry-not-record = la anotación de la bitácora no es la de este incidente
verify-bundle-entry-not-attachment = la anotación de la bitácora no es la de este adjunto
verify-inclusion-malformed = la prueba de inclusión está dañada
verify-inclusion-not-in-checkpoint = la anotación n.º { $leaf } no está en el sello firmado
verify-disclosure-invalid = el dato { $field } no es válido (detalles con --json)
verify-disclosure-other-field = el dato { $field } trae lo revelado de otro dato ({ $inner })
verify-disclosure-digest = el dato { $field } no coincide con el código de control de la bitácora firmada
verify-earlier-revisions = las versiones anteriores incluidas no son las versiones 1 a { $last }, cada una una vez y en orden
verify-revision-logged-after = esta versión está en la bitácora después de la versión { $next }, que la corrige
verify-revision-recorded-after = esta versión se anotó después de la versión { $next }, que la corrige (fecha alterada)
verify-withheld-unknown = el dato oculto { $field } no está en la anotación de la bitácora
verify-withheld-unaccounted = el dato { $field } no está revelado ni en la lista de datos ocultos
verify-duplicate-archive-name = el archivo ZIP tiene dos archivos con el mismo nombre; uno podría esconder al otro
verify-duplicate-record = el manifiesto menciona más de una vez este incidente, su anotación o su archivo
verify-duplicate-attachment = el manifiesto menciona más de una vez este adjunto, su anotación o su archivo
verify-duplicate-withheld = el manifiesto menciona más de una vez un dato oculto
verify-duplicate-key = { $file }: un nombre aparece dos veces (detalles con --json)
verify-bundle-key-invalid = la clave pública de la bóveda no es una clave Ed25519 válida
verify-bundle-fingerprint = el número de seguridad no corresponde a la clave pública
verify-bundle-verifier-key = la clave de verificación no corresponde a la clave pública
verify-bundle-receipt-unchecked = el sello del paquete no es válido, así que el comprobante no se puede verificar
verify-file-missing = falta { $file }
verify-record-file-invalid = { $file } no es válido (detalles con --json)
verify-record-file-other = { $file } describe otro incidente
verify-record-file-field = el dato { $field } en { $file } no es el revelado con firma
verify-record-file-fields = { $file } tiene otros datos
verify-record-file-derived = los valores calculados de { $file } no son los del manifiesto
verify-attachment-file-unreadable = no se puede leer { $file } (detalles con --json)
verify-attachment-file-hash = { $file } no coincide con su código de control (SHA-256)
verify-attachment-file-not-original = el archivo dice ser el original, pero su código de control no es el firmado
verify-attachment-file-carries = valor desconocido de «carries»: { $carries }
verify-attachment-file-disagree = `file`, `file_sha256` y `carries` no concuerdan
verify-unexpected-file = el paquete trae un archivo que el manifiesto no menciona
verify-fingerprint-mismatch = el paquete lo firmó la clave con número de seguridad { $found }, no el que usted indicó ({ $expected })
verify-sender-changed-key = usted confía en la bóveda { $vault } de { $name } con número de seguridad { $trusted }; este paquete dice venir de esa bóveda, pero lo firmó la clave con número de seguridad { $found }: lo hizo otra persona
verify-sender-changed-vault = usted confía en el número de seguridad { $trusted } ({ $name }) para la bóveda { $trusted_vault }; este paquete dice venir de la bóveda { $vault }
verify-consistency-proof = el sello del paquete no demuestra que contiene todo lo de este sello
verify-bundle-receipt-same-size = el comprobante y el sello del paquete cubren las mismas anotaciones con otro contenido: alguien cambió la bitácora
verify-bundle-receipt-not-in-history = la historia del paquete no incluye el sello del comprobante: alguien cambió la bitácora
verify-supplement-other-vault = el paquete anterior lo firmó otra clave u otra bóveda (número de seguridad { $fingerprint }): no vienen de la misma bóveda
verify-supplement-not-named = este paquete no dice que completa la exportación { $export } (dice { $says })
verify-supplement-nothing = nada
verify-supplement-leaf-differs = no es igual a la misma anotación del paquete anterior
verify-supplement-leaf-missing = no está en el paquete anterior

# Kinds: una línea por tipo de problema (`verify-kind-` y el tipo, con guiones).
verify-kind-database = la base de datos de la bóveda está dañada, o no se puede abrir ni leer
verify-kind-database-schema = la base de datos de la bóveda tiene algo que vault nunca crea (un disparador, una vista, una tabla o un índice de más, o una tabla cambiada): alguien la modificó; vault no la usará
verify-kind-quarantine = un archivo adjunto completo que no es de ningún adjunto de este vault.db se movió a la carpeta quarantine/ (no se borró): guárdelo hasta saber de dónde viene
verify-kind-rekey = un cambio de clave maestra (vault rekey) no concuerda con lo anotado en la bitácora
verify-kind-ledger-gap = faltan anotaciones en la bitácora
verify-kind-trust-seal = la marca de confianza de la bóveda falta, no la hizo su clave maestra, o ya no coincide con sus claves: alguien cambió la bóveda sin la contraseña
verify-kind-high-water = la bitácora no contiene todo lo del último sello que firmó esta bóveda: alguien puso una copia más vieja, borró sellos o cambió anotaciones ya selladas
verify-kind-pin = la bóveda no es la que esta computadora recuerda: otra clave, o una copia de la bitácora más vieja que la que ya vio sellada
verify-kind-plan = el plan de detención no coincide con sus anotaciones de la bitácora: alguien lo puso, lo borró o lo cambió sin la contraseña
verify-kind-travel = la marca del modo de viaje no coincide con la bitácora: alguien la borró, la puso o la cambió sin la contraseña
verify-kind-forged-entry = esta anotación de la bitácora solo la escribe un comando con contraseña, que la sella en el acto, pero no tiene sello: es falsa
verify-kind-leaf-hash = el código de control guardado de esta anotación no corresponde a la anotación
verify-kind-ledger-entry = esta anotación de la bitácora no se puede leer
verify-kind-genesis = la bitácora no empieza con la creación de esta bóveda, o la bóveda no es la que se creó
verify-kind-master-recipient = la clave maestra no es la anotada al crear la bóveda o en el último cambio de clave
verify-kind-signing-key = la clave de firma no es la esperada
verify-kind-checkpoint-missing = la bóveda no tiene ningún sello firmado
verify-kind-checkpoint-signature = la firma de un sello no es válida
verify-kind-checkpoint-size = el tamaño que dice un sello no coincide con donde está guardado
verify-kind-rollback = la bóveda se reemplazó por una copia más vieja o se reescribió su historia: faltan o cambiaron anotaciones que ya estaban firmadas
verify-kind-checkpoint-root = la bitácora no es la que se firmó con un sello: alguien cambió o borró algo
verify-kind-checkpoint-consistency = un sello anterior no concuerda con el más reciente
verify-kind-record-ciphertext-hash = los datos cifrados de un incidente no coinciden con el código de control que guarda la bitácora: se modificaron
verify-kind-record-leaf = la anotación de la bitácora indicada no corresponde a este incidente
verify-kind-record-revisions = las versiones de un incidente no van seguidas desde la 1
verify-kind-record-missing = falta un incidente: la bitácora lo anota pero no está guardado
verify-kind-record-decrypt = un incidente no se puede descifrar
verify-kind-record-decode = un incidente descifrado no se puede leer
verify-kind-attachment-leaf = la anotación de la bitácora indicada no corresponde a este adjunto
verify-kind-attachment-description-hash = la descripción cifrada de un adjunto no coincide con su anotación de la bitácora
verify-kind-attachment-missing = falta un adjunto o su archivo cifrado, aunque la bitácora lo anota
verify-kind-attachment-size = el archivo cifrado de un adjunto no tiene el tamaño que anota la bitácora
verify-kind-attachment-hash = el archivo de un adjunto no coincide con su código de control firmado: se modificó
verify-kind-attachment-unreadable = el archivo cifrado de un adjunto no se puede leer
verify-kind-attachment-decrypt = un adjunto no se puede descifrar
verify-kind-cache-segment = una parte de la caché del listado no está firmada por esta bóveda o está dañada; el próximo listado la rehace
verify-kind-cache-item = la caché del listado muestra un incidente distinto de lo que guarda cifrado
verify-kind-cache-forged = la caché del listado guarda una versión de un incidente que la bitácora firmada no respalda: alguien la falsificó; vault ya no la muestra
verify-kind-attachment-plaintext = el contenido descifrado de un adjunto no coincide con lo anotado
verify-kind-field-digest = los datos no coinciden con los códigos de control firmados de la bitácora
verify-kind-keyslot-hash = un acceso no coincide con el código de control que guarda la bitácora
verify-kind-keyslot-kdf = un acceso tiene una configuración de contraseña que este programa nunca escribe (por debajo del mínimo o absurda): alguien lo cambió
verify-kind-keyslot-stale = un acceso guardado es más viejo que su último cambio anotado en la bitácora
verify-kind-keyslot-leaf = la anotación de la bitácora indicada no corresponde a este acceso
verify-kind-keyslot-missing = falta un acceso que la bitácora anota, o la bóveda no tiene ninguno
verify-kind-export-hash = la descripción de una exportación no coincide con su anotación de la bitácora
verify-kind-export-leaf = la anotación de la bitácora indicada no corresponde a esta exportación
verify-kind-export-missing = falta una exportación: la bitácora la anota pero no está guardada
verify-kind-receipt = el comprobante no es un sello firmado por esta bóveda, o no se puede verificar
verify-kind-bundle-entry = una anotación de la bitácora incluida en el paquete no es válida o no corresponde
verify-kind-inclusion-proof = una prueba de inclusión no es válida: la anotación no está en el sello firmado
verify-kind-disclosure = un dato revelado no es válido
verify-kind-withheld = la lista de datos ocultos no concuerda con la anotación de la bitácora
verify-kind-fingerprint = el número de seguridad que declara el paquete no corresponde a su clave de firma
verify-kind-missing-file = falta un archivo en el paquete
verify-kind-record-file = el archivo de un incidente en el paquete no coincide con lo firmado
verify-kind-attachment-file = el archivo de un adjunto en el paquete no se puede leer o no concuerda con el manifiesto
verify-kind-unexpected-file = el paquete trae un archivo que el manifiesto no menciona
verify-kind-supplement = el paquete no concuerda con el paquete anterior que completa
verify-kind-consistency-proof = el sello del paquete no demuestra que contiene todo lo de un sello anterior
verify-kind-duplicate = algo aparece más de una vez en el paquete: se rechaza, porque una copia podría esconder a la otra
verify-kind-fingerprint-mismatch = el paquete lo firmó una clave con otro número de seguridad, no el que usted indicó
verify-kind-sender-changed = CAMBIÓ EL REMITENTE: el paquete dice venir de una bóveda de confianza, pero lo firmó otra clave; lo hizo otra persona

# Lo que `vault verify` y `vault receipt` muestran alrededor de los problemas.
verify-cli-verifying = verificando
verify-cli-ask-optional = Contraseña de la bóveda para una verificación completa (presione Enter para omitirla):{" "}
verify-cli-pass-read-failed = no se pudo leer la contraseña: { $detail }
verify-cli-tier-basic = básica
verify-cli-tier-full = completa
verify-cli-unlock-fallback = { $error }; solo se hicieron las verificaciones que no necesitan la contraseña
verify-cli-basic-note = sin contraseña: solo se verificaron códigos de control, firmas y estructura (indique --passphrase-file o ejecútelo en una terminal para una verificación completa)
verify-cli-scope = { $entries ->
    [one] 1 anotación de la bitácora
   *[other] { $entries } anotaciones de la bitácora
} ({ $signed ->
    [one] 1 cubierta
   *[other] { $signed } cubiertas
} por el último sello firmado), { $records ->
    [one] 1 versión de incidente
   *[other] { $records } versiones de incidentes
}, { $attachments ->
    [one] 1 adjunto
   *[other] { $attachments } adjuntos
}
verify-cli-ok = TODO BIEN: verificación { $tier } sin problemas: { $scope }
verify-cli-receipt-ok = La bóveda contiene todo lo del comprobante ({ $size ->
    [one] 1 anotación
   *[other] { $size } anotaciones
}): no se reemplazó por una copia más vieja.
verify-cli-failed = { $n ->
    [one] HAY PROBLEMAS: se encontró 1 problema (verificación { $tier } de { $scope })
   *[other] HAY PROBLEMAS: se encontraron { $n } problemas (verificación { $tier } de { $scope })
}
verify-cli-unsigned-note = { $n ->
    [one] 1 anotación se agregó sin la contraseña y aún no está sellada; la próxima vez que abra la bóveda con la contraseña se sella
   *[other] { $n } anotaciones se agregaron sin la contraseña y aún no están selladas; la próxima vez que abra la bóveda con la contraseña se sellan
}
verify-cli-leftover-note = archivos de blobs/ que no son de ningún adjunto: { $n }; quedaron de un adjunto o un cambio de clave interrumpido, o los anotó otra copia de vault.db (verifíquelo con verify --receipt); el próximo comando que pida la contraseña quita las escrituras interrumpidas y mueve los archivos completos a quarantine/ (no se borra nada)
verify-cli-no-checkpoint = la bóveda no tiene ningún sello firmado
verify-cli-receipt-written = Se guardó el comprobante de { $size ->
    [one] 1 anotación
   *[other] { $size } anotaciones
} de la bitácora en { $path }
verify-cli-receipt-note = Guárdelo fuera de esta computadora (envíelo a su abogado o imprímalo). Número de seguridad de la bóveda: { $fp }
verify-cli-receipt-needs-passphrase = { $n ->
    [one] hay { $n } anotación de la bitácora sin sellar; el comprobante necesita la contraseña para sellarla primero (indique --passphrase-file o ejecútelo en una terminal). `vault receipt --no-sign` escribe un comprobante que la deja fuera
   *[other] hay { $n } anotaciones de la bitácora sin sellar; el comprobante necesita la contraseña para sellarlas primero (indique --passphrase-file o ejecútelo en una terminal). `vault receipt --no-sign` escribe un comprobante que las deja fuera
}
verify-cli-receipt-leaves-out = { $n ->
    [one] este comprobante no cubre la anotación más reciente de la bitácora ({ $n }, hecha desde el último uso de la contraseña): una copia posterior de la bóveda sin ella pasaría igual `verify --receipt`. Ejecute `vault receipt` con la contraseña para cubrirla
   *[other] este comprobante no cubre las { $n } anotaciones más recientes de la bitácora (hechas desde el último uso de la contraseña): una copia posterior de la bóveda sin ellas pasaría igual `verify --receipt`. Ejecute `vault receipt` con la contraseña para cubrirlas
}

# seal: la declaración firmada de los archivos del paquete y la lectura estricta (src/bundle/reader.rs)
verify-item-statement = declaración firmada (STATEMENT.txt)
verify-statement-missing = falta { $file }: nada firma los archivos del paquete
verify-statement-not-text = la declaración no es texto UTF-8
verify-statement-signature = la firma de la declaración (STATEMENT.sig) no es válida para la clave de firma del paquete
verify-statement-manifest = el manifiesto no coincide con la declaración firmada (línea { $line } de STATEMENT.txt)
verify-statement-form = la declaración no está en su forma canónica (docs/bundle-format.md, sección 9)
verify-statement-repeated = la declaración menciona { $file } más de una vez
verify-file-changed = el contenido del archivo no coincide con el código de control (SHA-256) que firma la declaración: alguien lo cambió después de firmarlo
verify-file-unreadable = no se puede leer el archivo: { $error }
verify-bundle-unsigned = este paquete tiene el formato anterior { $format }: su report.html, su VERIFY.txt y los códigos de control de sus archivos no están firmados, así que solo se verificaron el manifiesto, los archivos de los incidentes y los adjuntos que menciona; pida a quien lo envió una exportación nueva
verify-attachment-incident = el incidente al que pertenece este adjunto no está en el paquete
verify-attachment-stripped-metadata = el archivo dice ser una copia sin metadatos, pero el dato «metadatos» está revelado: una copia sin metadatos exige que ese dato esté oculto
verify-attachment-file-name = la ruta { $file } no es attachments/<id. del adjunto>/<un nombre que la regla de nombres de archivo deja igual>
verify-attachment-file-renamed = el nombre en { $file } no es el que da el nombre revelado ({ $name })
verify-supplement-kind = { $kind ->
    [export] una exportación dice completar otro paquete
   *[other] una revelación no dice qué paquete completa
}
verify-kind-statement = la declaración firmada de los archivos del paquete falta, no tiene una firma válida o no coincide con el manifiesto
verify-kind-file-hash = alguien cambió un archivo del paquete después de que se firmó el paquete
verify-kind-unsigned-files = el paquete tiene el formato anterior: su informe, su VERIFY.txt y los códigos de control de sus archivos no están firmados
verify-kind-attachment-incident = el incidente de un adjunto no está en el paquete
verify-kind-revision-order = una corrección de un incidente está en la bitácora o tiene fecha antes de la versión que corrige
# custody: anotaciones del modo viaje y del plan de detención
verify-item-travel = modo viaje
verify-item-travel = modo de viaje
verify-travel-unmarked = la marca de viaje se borró de la carpeta, aunque la anotación n.º { $leaf } de la bitácora empezó el modo de viaje y nada lo terminó: `vault travel end` sigue funcionando con la bitácora
verify-travel-planted = la carpeta dice que el modo de viaje está activado, pero en la bitácora no hay ningún viaje empezado sin terminar: la marca se escribió sin la contraseña
verify-travel-other = la marca de viaje no nombra la anotación n.º { $leaf } de la bitácora, que es el viaje empezado: se cambió en la carpeta
verify-item-plan = plan de detención
verify-plan-unlogged = hay un plan de detención guardado, pero ninguna anotación de la bitácora lo registra: se escribió sin la contraseña y nunca se usa
verify-plan-removed = el plan de detención se borró de la carpeta, aunque la anotación n.º { $leaf } de la bitácora lo registra: su paquete de entrega ya no se actualiza
verify-plan-changed = el plan de detención guardado no es el que registra la anotación n.º { $leaf } de la bitácora: se cambió sin la contraseña y no se usa
verify-plan-refreshed = la marca de actualización del plan dice { $marked } anotaciones de la bitácora, más de las { $size } que hay: se editó en la carpeta (la próxima vez que use la contraseña se escribe un paquete de entrega nuevo)
# anchor: constancias de tiempo y cofirmas en la verificación (src/vault/verify/anchors.rs)
verify-item-anchor = constancia de tiempo del sello { $size }
verify-item-cosignature = cofirma del sello { $size } por { $witness }
verify-anchor-leaf = la constancia guardada no apunta a una anotación de constancia (n.º { $leaf } de la bitácora)
verify-anchor-token = la constancia no es válida: { $error }
verify-anchor-token-hash = la constancia guardada no coincide con su anotación de la bitácora
verify-anchor-checkpoint = la constancia no fecha el sello para el que se guardó: { $error }
verify-anchor-checkpoint-gone = no se guarda ningún sello válido de tamaño { $size } con el texto que nombra la anotación
verify-anchor-trust-replaced = el certificado de confianza guardado no es el que nombra la anotación de la bitácora
verify-anchor-untrusted = { $error }
verify-anchor-nonce = el número único de la constancia no es el que nombra su anotación (responde a otra solicitud)
verify-anchor-nonce-reused = la constancia del n.º { $leaf } de la bitácora ya usa el mismo número único
verify-cosignature-invalid = la cofirma no se verifica: { $error }
verify-cosignature-checkpoint = la cofirma no coincide con ningún sello de tamaño { $size } de esta bóveda: alguien reescribió la historia que vio
verify-kind-anchor-leaf = una constancia de tiempo guardada no apunta a su anotación de la bitácora
verify-kind-anchor-missing = falta una constancia de tiempo que la bitácora anota
verify-kind-anchor-token = una constancia de tiempo está dañada, cambiada, o no es la que nombra su anotación
verify-kind-anchor-checkpoint = una constancia de tiempo no fecha el sello para el que se guardó
verify-kind-anchor-untrusted = una constancia de tiempo no depende del certificado de confianza
verify-kind-anchor-nonce = una constancia de tiempo responde a otra solicitud (su número único es otro o se usó dos veces)
verify-kind-cosignature = una cofirma no se verifica, o no coincide con ningún sello de esta bóveda
verify-anchor-line = el sello { $number } (tamaño { $size }) ya existía a más tardar el { $time }, según la autoridad de fechado «{ $tsa }»
verify-cosignature-line = el sello { $number } (tamaño { $size }) lo cofirmó { $witness } el { $time }

# tsahttp: fechas de los certificados de las constancias de tiempo (src/anchor/mod.rs)
verify-anchor-validity = { $error }
verify-kind-anchor-validity = el certificado de una constancia de tiempo, o uno de su cadena, no era válido en la fecha de la constancia

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

# packet: el report.html para su abogado o abogada, como se lee (src/report/counsel.rs)
report-counsel-clock = Las horas se muestran como las dan los incidentes, en la zona donde pasó cada uno. Las horas de «anotado» vienen del reloj de la computadora de la persona que anotó estos incidentes.
report-counsel-timeline = Cronología
report-counsel-timeline-incident = Incidente
report-counsel-history = Historia
report-counsel-withdrawn = Retirado (anotado por error)
report-counsel-file-name = Nombre original: { $name }
report-counsel-taken-at = Hora de la toma según los metadatos del archivo: { $time }

## cli: prompts, notes, command output, help
cli-kind-unknown = tipo desconocido { $kind }; use uno de estos: { $list }
cli-yes-no = [s/N]
cli-bundle-passphrase-generated = La contraseña del paquete ({ $n } palabras al azar; es la única vez que se muestra):
cli-bundle-passphrase-give = Désela a su abogado o abogada por otro medio que el paquete (por teléfono o en persona), nunca en el mismo correo.
cli-report-not-encrypted = { $path } NO está cifrado: quien obtenga este archivo puede leer todos los incidentes que contiene. Guárdelo bien y bórrelo cuando ya no lo necesite.
cli-report-confirm = ¿Escribir este archivo sin cifrar?
cli-report-needs-yes = no se escribe un archivo sin cifrar sin confirmación: agregue --yes
cli-report-bad-format = formato de informe desconocido { $format }; use html, csv o json
cli-report-wrote = { $n ->
    [one] Se guardó { $path } (1 incidente, { $format })
   *[other] Se guardó { $path } ({ $n } incidentes, { $format })
}

cli-error-prefix = error
cli-warning-prefix = aviso:
cli-note-new-entries = { $n ->
        [one] nota: desde la última vez que se usó la contraseña, hubo 1 cambio en la bóveda hecho sin ella. Ahora está firmado: si alguien lo cambia después, se notará.
       *[other] nota: desde la última vez que se usó la contraseña, hubo { $n } cambios en la bóveda hechos sin ella. Ahora están firmados: si alguien los cambia después, se notará.
    }
cli-note-pin-first-use = nota: esta computadora no conocía esta bóveda; desde ahora la recuerda. Su número de seguridad es { $fp }: compárelo con el que anotó al crear la bóveda. Si no es igual, deje de usar esta copia: alguien cambió sus claves.
cli-note-logged-header = nota: desde la última vez que se usó la contraseña, se guardó esto sin ella (ya quedó sellado):
cli-note-logged-incident = {"  "}- incidente { $id } ({ $kind }), guardado el { $at }: «{ $text }»
cli-note-logged-attachment = {"  "}- adjunto «{ $name }» del incidente { $id }, guardado el { $at }
cli-note-logged-unreadable = {"  "}- anotación n.º { $leaf } de la bitácora, que no se puede abrir (ejecute `vault verify` con su contraseña)
cli-note-logged-more = {"  "}- y { $n } más
cli-note-logged-check = Si usted no guardó esto, lo hizo alguien con acceso a esta carpeta: revise cada uno con `vault show ID` y ejecute `vault verify` con su contraseña.
cli-note-leftovers = nota: { $n ->
        [one] se borró { $n } archivo sobrante
       *[other] se borraron { $n } archivos sobrantes
    } de un adjunto o de un cambio de clave interrumpido
cli-leftover-backup-removed = nota: se borró { $path }: una copia completa de la bóveda que dejó una copia de seguridad interrumpida
cli-leftover-restore-removed = nota: se borró { $path }: lo dejó una restauración interrumpida
cli-leftover-backup-unreachable = nota: una copia de seguridad interrumpida dejó una copia completa de la bóveda en { $path }, en una carpeta que ahora no está (¿un disco que no está conectado?); la próxima copia de seguridad la borra cuando la carpeta vuelva a estar, o bórrela usted
cli-leftover-restore-unreachable = nota: una restauración interrumpida dejó { $path }, en una carpeta que ahora no está; la próxima restauración la borra cuando la carpeta vuelva a estar, o bórrela usted
cli-party-empty = un agente, vehículo o testigo está vacío
cli-no-data-dir = no se conoce una carpeta de datos para este usuario; indique --vault CARPETA
cli-memory-too-large = valor de memoria demasiado grande
cli-new-vault-passphrase = Contraseña nueva de la bóveda
cli-created-vault = Se creó una bóveda en { $path }
cli-fingerprint-line = Número de seguridad: { $fp }
cli-init-note =
    Lea el número de seguridad a su abogado o abogada: identifica las firmas de esta bóveda.
    Si olvida la contraseña, nadie podrá recuperar lo que anotó.
cli-kind-required = falta --kind (seguimiento, fotografiado, contacto, visita, redada, arresto, «en línea» u otro)
cli-json-does-not-parse = el JSON no se puede leer: { $detail }
cli-json-one-object = el JSON debe ser un solo objeto
cli-incident-json-invalid = el JSON del incidente no es válido: { $detail }
cli-not-regular-file = { $path } no es un archivo normal
cli-encrypting = cifrando
cli-decrypting = descifrando
cli-attached-note = se adjuntó { $name } ({ $mtype }, { $size }) sha256 { $sha }
cli-metadata-unreadable-note = {"  "}no se pudieron leer los datos escondidos del archivo (se guarda tal cual)
cli-identifying-metadata = { $name } lleva datos escondidos que pueden identificarle: { $item }
cli-original-removed = { $path } se sobrescribió y se borró; en discos SSD y sistemas de archivos de copia en escritura (btrfs, APFS, ZFS) sobrescribir no garantiza que los datos antiguos desaparezcan
cli-no-incidents-yet = todavía no hay incidentes; anote uno con `vault add`
cli-no-incidents-match = ningún incidente cumple estos filtros
cli-no-search-match = ningún incidente contiene { $text }
cli-revision-note = (versión { $rev }; vea las anteriores con --history)
cli-amend-needs-field = indique al menos un dato que cambiar, p. ej. --where o --what (en una terminal, `vault amend ID` solo le pregunta por cada uno)
cli-amended-line = { $id } versión { $rev }
cli-extracted-note = { $name }: { $size } bytes, SHA-256 { $sha } verificado
cli-new-passphrase = Contraseña nueva
cli-passphrase-changed = contraseña cambiada; la anterior ya no abre esta bóveda
cli-info-vault = Bóveda:                  { $path }
cli-info-format = Formato:                 versión { $v }
cli-info-fingerprint = Número de seguridad:     { $fp }
cli-info-signing-key = Clave de firma:          { $key }
cli-info-kdf = Protección (contraseña): Argon2id, { $mib } MiB, { $it } pasadas, { $lanes } carriles
cli-info-keyslots = Accesos:                 { $n }
cli-info-incidents = Incidentes:              { $n } ({ $rev } { $rev ->
        [one] versión
       *[other] versiones
    }), { $att } { $att ->
        [one] adjunto
       *[other] adjuntos
    }
cli-info-ledger = Bitácora:                { $n } { $n ->
        [one] anotación
       *[other] anotaciones
    }, { $cp } { $cp ->
        [one] sello
       *[other] sellos
    }, { $unsigned } sin firmar todavía
cli-key-export-warn = { $path } contiene la clave maestra de la bóveda: quien la obtenga puede leer todos los incidentes y adjuntos. Guárdela sin conexión y bórrela al terminar.
cli-pass-file-empty = el archivo de contraseña { $path } está vacío
cli-pass-read-failed = no se pudo leer la contraseña desde la terminal: { $detail }
cli-pass-prompt = Contraseña de la bóveda (o código de recuperación):{" "}
cli-pass-again = Escríbala otra vez:{" "}
cli-pass-differ = las dos contraseñas no coinciden; no se cambió nada
cli-no-passphrase = no hay contraseña: use --passphrase-file ARCHIVO (o VAULT_PASSPHRASE_FILE), o ejecute el comando en una terminal
cli-passwd-replaced-tampered = el acceso { $slot }, que se acaba de reemplazar, no coincidía con lo que sella la bitácora de la bóveda ({ $reason }): alguien lo cambió sin la contraseña. No se reusó su configuración; ejecute `vault verify` para ver qué más cambió
cli-yes-no = [s/N]
cli-generate-passphrase-conflict = --generate-passphrase crea la contraseña: no indique también --passphrase-file (ni VAULT_PASSPHRASE_FILE)
cli-generated-passphrase = Su contraseña ({ $n } palabras al azar; es la única vez que se muestra):
cli-generated-passphrase-keep = Escríbala ahora en papel y guarde el papel en un lugar seguro. Sin ella nadie puede abrir esta bóveda.
cli-keyslot-col-kind = TIPO
cli-keyslot-col-kdf = PROTECCIÓN
cli-keyslot-kdf = Argon2id, { $mib } MiB, { $it } pasadas, { $lanes } carriles
cli-slot-passphrase = contraseña
cli-slot-recovery = recuperación
cli-recovery-code-shown = Código de recuperación (se muestra solo esta vez):
cli-recovery-code-warn = escriba el código de recuperación en papel y guárdelo lejos de esta computadora (en una caja fuerte, o con alguien de confianza). Abre la bóveda igual que su contraseña: quien lo encuentre puede leerlo todo. Se agregó el acceso { $id }.
cli-additional-passphrase = Contraseña adicional
cli-keyslot-added = acceso agregado: la bóveda ahora también se abre con esta contraseña
cli-keyslot-removed = acceso quitado: su contraseña o código de recuperación ya no abre esta bóveda (las copias y los respaldos hechos antes todavía lo contienen)
cli-reencrypting = volviendo a cifrar
cli-rekeyed = Clave maestra reemplazada: { $records } { $records ->
        [one] versión
       *[other] versiones
    } de incidentes, { $attachments } { $attachments ->
        [one] adjunto
       *[other] adjuntos
    } y { $exports } { $exports ->
        [one] descripción
       *[other] descripciones
    } de exportaciones se cifraron de nuevo con una clave maestra nueva ({ $recipient })
cli-rekey-removed-slots = { $n ->
        [one] se quitó { $n } acceso más
       *[other] se quitaron otros { $n } accesos
    } ({ $ids }): sus códigos de recuperación o contraseñas ya no abren la bóveda. Agregue un código de recuperación nuevo con `vault keyslot add --recovery`.
cli-rekey-note = Una clave maestra exportada antes ya no lee esta bóveda, pero las copias de seguridad y copias hechas hasta ahora todavía se abren con la clave y la contraseña anteriores: destrúyalas si alguien pudo conseguirlas. La clave de firma no cambia, así que los comprobantes anteriores siguen siendo válidos.
cli-rekey-passphrase-note = Si alguien más puede conocer la contraseña, cámbiela también: `vault passwd`.
cli-destroy-needs-confirm = no se destruye la bóveda sin confirmación: ejecute el comando en una terminal, o indique --yes
cli-destroy-prompt =
    Esto destruye para siempre la bóveda en { $path }: sus claves se sobrescriben y nada de lo que contiene se podrá volver a descifrar, con ninguna contraseña.
    Escriba el número de seguridad de la bóveda ({ $fp }) para confirmar:
cli-destroy-mismatch = el número de seguridad no coincide; no se destruyó nada
cli-destroyed = Se destruyó la bóveda en { $path } ({ $n } { $n ->
        [one] acceso
       *[other] accesos
    } y la clave de firma sobrescritos, archivos borrados)
cli-destroy-note = Las copias de seguridad y otras copias de la bóveda no se ven afectadas.
cli-backup-written = Copia de seguridad de { $entries } { $entries ->
        [one] anotación
       *[other] anotaciones
    } de la bitácora y { $attachments } { $attachments ->
        [one] adjunto
       *[other] adjuntos
    } guardada en { $path } ({ $size })
cli-backup-note = Está cifrada como la bóveda y se abre con la contraseña o el código de recuperación actuales de la bóveda. Guarde un comprobante (`vault receipt`) en otro lugar para saber después si una copia está desactualizada.
cli-restored = Bóveda { $id } restaurada en { $path } ({ $entries } { $entries ->
        [one] anotación
       *[other] anotaciones
    } de la bitácora, { $attachments } { $attachments ->
        [one] adjunto
       *[other] adjuntos
    })
cli-restore-note = Verifique que no sea más vieja que su comprobante más reciente: vault verify --receipt COMPROBANTE
cli-label-incident = Incidente
cli-label-revision = versión
cli-label-files = Archivos que adjuntar
cli-attached-count = [{ $n ->
        [one] { $n } adjunto
       *[other] { $n } adjuntos
    }]
cli-taken-at = tomada el { $t }
cli-metadata-unreadable = no se pudieron leer los datos escondidos: { $reason }
cli-identifying-item = ! puede identificarle: { $item }
cli-party-name = nombre
cli-party-badge = placa
cli-party-agency = agencia
cli-party-plate = placas
cli-party-contact = contacto
cli-guided-intro = Nuevo incidente. Presione Enter para saltar cualquier pregunta; Ctrl-C para salir sin guardar nada.
cli-guided-kind = ¿Qué tipo de incidente fue?
cli-guided-kind-prompt = Número o nombre [Enter = otro]:{" "}
cli-guided-kind-bad = Escriba un número del 1 al { $max }, o presione Enter.
cli-guided-when = ¿Cuándo pasó? Por ejemplo: «hace 20 minutos», «ayer como a las 3 de la tarde», «anoche». [Enter = ahora]:{" "}
cli-guided-when-is = {"  "}→ { $when }
cli-guided-where = ¿Dónde pasó? (calle, esquina, lugar) [Enter = saltar]:{" "}
cli-guided-what =
    ¿Qué pasó? Escriba las líneas y los párrafos que necesite; termine con una línea que tenga solo un punto (.), o Ctrl-D.
    Ponga [[dobles corchetes]] alrededor de lo privado, como nombres o direcciones.
cli-guided-what-again = Escríbalo otra vez, por favor.
cli-guided-agents = Agentes: uno por línea, p. ej.  alto, chamarra gris; nombre=Ruiz; placa=4411; agencia=ICE  (línea vacía para terminar)
cli-guided-vehicles = Vehículos: uno por línea, p. ej.  camioneta gris; placas=ABC1234  (línea vacía para terminar)
cli-guided-witnesses = Testigos: uno por línea, p. ej.  nombre=Ana; contacto=555-0100  (línea vacía para terminar)
cli-guided-tags = Etiquetas, separadas por comas [Enter = ninguna]:{" "}
cli-guided-files = Archivos que adjuntar (fotos, audio, video): una ruta por línea (línea vacía para terminar)
cli-guided-summary = Revise lo que se va a guardar:
cli-guided-save = ¿Guardar este incidente?
cli-guided-not-saved = no se guardó nada
cli-pattern-plate = placas
cli-pattern-badge = placa del agente
cli-pattern-agent-name = agente
cli-pattern-vehicle = vehículo
cli-pattern-place = lugar
cli-pattern-line = { $what } { $value }: { $n } { $n ->
        [one] incidente
       *[other] incidentes
    }, el primero { $first }, el último { $last }
cli-pattern-ids = {"    "}{ $ids }
cli-no-patterns = ningunas placas de vehículo, placa de agente, nombre de agente, vehículo ni lugar se repite en más de un incidente
cli-missing-incident = falta el incidente { $id }: la bitácora firmada lo anota, pero ya no está en la bóveda. vault nunca borra incidentes, así que alguien lo borró. Ejecute `vault verify` y guarde una copia de la carpeta de la bóveda tal como está.
cli-missing-revision = falta la versión { $rev } del incidente { $id }: la bitácora firmada la anota, pero ya no está en la bóveda, así que alguien la borró. Ejecute `vault verify`.
cli-missing-rollback = falta la versión { $rev } del incidente { $id }, así que en su lugar se muestra la versión { $shown }, más vieja: alguien borró la más nueva. Ejecute `vault verify` y guarde una copia de la carpeta de la bóveda tal como está.
cli-missing-attachment = falta el adjunto { $att } del incidente { $id }: la bitácora firmada lo anota, pero ya no está en la bóveda, así que alguien lo borró. Ejecute `vault verify`.
cli-vault-path-is-file = { $path } es un archivo, no una carpeta; --vault necesita una carpeta (si no existe, se crea una nueva)
cli-not-a-backup = { $path } no es una copia de seguridad de vault (un archivo hecho con `vault backup`); no se restauró nada
cli-standard-input = lo que se escribe o pega en la terminal
cli-warn-quarantined = en blobs/ { $n ->
        [one] había { $n } archivo adjunto completo que no es
       *[other] había { $n } archivos adjuntos completos que no son
    } de ningún adjunto de este vault.db; se { $n ->
        [one] movió
       *[other] movieron
    } a la carpeta quarantine/ de la bóveda, sin borrar nada (puede ser un adjunto que anotó otra copia de vault.db); ejecute `vault verify` para saber qué hacer
cli-warn-loose-permissions = otras personas que usan esta computadora pueden leer o cambiar los archivos de la bóveda ({ $paths }); hágalos privados con: chmod -R go-rwx { $dir }
cli-clap-unknown-argument = argumento inesperado { $arg }
cli-clap-invalid-subcommand = comando desconocido { $arg }
cli-clap-invalid-value = valor no válido { $value } para { $arg }
cli-clap-missing-required = faltan argumentos obligatorios: { $arg }
cli-clap-missing-subcommand = falta un comando
cli-clap-conflict = { $arg } no se puede usar junto con { $other }
cli-clap-repeated = { $arg } no se puede indicar más de una vez
cli-clap-value-count = número de valores incorrecto para { $arg }
cli-clap-other = la línea de comandos no es válida
cli-clap-did-you-mean = {"  "}¿quiso decir { $suggestion }?
cli-clap-possible = {"  "}valores posibles: { $values }
cli-clap-more-info = Para más información, pruebe «--help».


# clap's own words, value names and man page headings
cli-clap-usage = Uso:
cli-clap-options = Opciones:
cli-clap-arguments = Argumentos:
cli-clap-commands = Comandos:
cli-clap-options-placeholder = [OPCIONES]
cli-clap-command-placeholder = <COMANDO>
cli-clap-command-optional = [COMANDO]
cli-clap-help-subcommand = Muestra esta ayuda o la del comando indicado
cli-clap-help-short = Muestra la ayuda (más con «--help»)
cli-clap-help-long = Muestra la ayuda (la versión corta con «-h»)
cli-clap-print-help = Muestra la ayuda
cli-clap-print-version = Muestra la versión
cli-clap-env = [variable:
cli-clap-default = [por defecto:
cli-clap-possible-values = [valores posibles:
cli-clap-command-value = COMANDO
cli-clap-commands-heading = Comandos
cli-man-name = NOMBRE
cli-man-synopsis = SINOPSIS
cli-man-description = DESCRIPCIÓN
cli-man-options = OPCIONES
cli-man-commands = COMANDOS
cli-man-examples = EJEMPLOS
cli-man-version = VERSIÓN
cli-man-authors = AUTORES
cli-value-file = ARCHIVO
cli-value-files = ARCHIVOS
cli-value-dir = CARPETA
cli-value-time = HORA
cli-value-text = TEXTO
cli-value-tag = ETIQUETA
cli-value-key = CLAVE
cli-value-recipient = DESTINATARIO
cli-value-field = DATO
cli-value-export = EXPORTACIÓN
cli-value-path = RUTA
cli-value-kind = TIPO
cli-value-format = FORMATO
cli-value-shell = TERMINAL
cli-value-lang = IDIOMA
cli-value-fingerprint = NÚMERO
cli-value-name = NOMBRE

# Help: help-<command> (the root is `vault`), help-<command>-examples, help-<command>-<argument>
help-vault = Una bitácora cifrada de encuentros con agentes de inmigración y de la policía: se nota si alguien cambia o borra algo.
help-vault-examples =
    Ejemplos:
    {"  "}vault init
    {"  "}vault add                  (le pregunta cada dato)
    {"  "}vault add --kind seguimiento --when ahora --where 'Calle 5 y Juárez' --what 'una camioneta gris me siguió' --vehicle 'camioneta gris; placas=ABC1234'
    {"  "}vault list --since 'hace 3 días'
    {"  "}vault show 3f2a
    {"  "}vault verify
help-vault-vault = Carpeta de la bóveda (si no indica otra cosa, la carpeta de datos del sistema, p. ej. ~/.local/share/vault).
help-vault-passphrase-file = Lee la contraseña de la primera línea de ARCHIVO (o /dev/fd/N) en vez de preguntarla.
help-vault-json = Imprime JSON para otros programas.
help-vault-quiet = Imprime solo lo pedido (sin barras de progreso ni notas).
help-vault-lang = Idioma de los mensajes: en (inglés) o es (español). Si no indica otra cosa, según LC_ALL, LC_MESSAGES o LANG.
help-init = Crea una bóveda nueva (pide la contraseña dos veces).
help-init-examples =
    Ejemplos:
    {"  "}vault init
    {"  "}vault --vault /media/usb/vault --passphrase-file clave.txt init
help-init-kdf-memory-mib = Memoria de Argon2id en MiB (de 64 a 4096).
help-init-kdf-iterations = Pasadas de Argon2id (de 3 a 16; memoria por pasadas hasta 16 GiB).
help-init-kdf-parallelism = Carriles de Argon2id (de 4 a 16).
help-init-generate-passphrase = Inventa una contraseña fuerte (seis palabras al azar), la muestra una sola vez y la usa.
help-add = Anota un incidente (no necesita la contraseña). Sin datos en la línea de comandos, en una terminal, le pregunta cada dato.
help-add-examples =
    Ejemplos:
    {"  "}vault add                  (le pregunta cada dato, paso a paso)
    {"  "}vault add --kind fotografiado --when 'ayer 3pm' --where 'afuera de la clínica' --what 'Dos agentes tomaron fotos de la gente que entraba. [[Mi vecina Ana]] estaba conmigo.' --agent 'alto, chamarra gris; placa=4411; agencia=ICE'
    {"  "}vault add --from-json incidente.json
help-add-kind = seguimiento, fotografiado (o fotos), contacto, visita, redada, arresto, «en línea» (o en-linea) u otro (también en inglés: followed, photographed, contacted, visited, raid, arrest, online, other).
help-add-when = Cuándo pasó: ahora, 2026-11-20 14:30, 2026-11-20, RFC 3339, ayer 3pm, hace 2 horas, a eso de las 3pm, ...
help-add-location = Dónde pasó (texto libre).
help-add-coords = Coordenadas como LAT,LON en grados decimales.
help-add-narrative = Qué pasó. Ponga [[dobles corchetes]] alrededor de lo privado (nombres, direcciones).
help-add-agents = Un agente: texto libre y/o `nombre=..; placa=..; agencia=..` (se puede repetir).
help-add-vehicles = Un vehículo: texto libre y/o `placas=..` para las placas (se puede repetir).
help-add-witnesses = Un testigo: texto libre y/o `nombre=..; contacto=..` (se puede repetir).
help-add-tags = Una etiqueta (se puede repetir).
help-add-from-json = Lee el incidente como JSON (las claves que imprime `show --json`) de ARCHIVO, o de lo que se escribe o pega en la terminal con -.
help-add-attach = Archivos que adjuntar.
help-add-remove-original = Sobrescribe y borra los originales una vez guardadas las copias cifradas.
help-list = Lista los incidentes, del más reciente al más antiguo.
help-list-examples =
    Ejemplos:
    {"  "}vault list
    {"  "}vault list --since 2026-09-01 --until 'hace 1 semana'
    {"  "}vault list --kind redada --tag escuela --with-attachments
help-list-since = Solo incidentes desde esta fecha u hora (p. ej. 2026-09-01, 'hace 3 días', 'el lunes pasado').
help-list-until = Solo incidentes hasta esta fecha u hora (una fecha sola incluye todo ese día).
help-list-kind = Solo incidentes de este tipo.
help-list-tag = Solo incidentes con esta etiqueta.
help-list-with-attachments = Solo incidentes con algún adjunto.
help-search = Busca texto en todos los datos de los incidentes (sin distinguir mayúsculas ni acentos).
help-search-examples =
    Ejemplos:
    {"  "}vault search ABC1234
    {"  "}vault search camioneta gris          (todas las palabras deben aparecer)
    {"  "}vault search ruiz --since 2026-09-01 --json
help-search-text = Las palabras que buscar; un incidente coincide si contiene todas.
help-search-since = Solo incidentes desde esta fecha u hora.
help-search-until = Solo incidentes hasta esta fecha u hora.
help-search-kind = Solo incidentes de este tipo.
help-search-tag = Solo incidentes con esta etiqueta.
help-search-with-attachments = Solo incidentes con algún adjunto.
help-patterns = Muestra placas de vehículos, placas de agentes, nombres de agentes, vehículos y lugares que se repiten en varios incidentes.
help-patterns-examples =
    Ejemplos:
    {"  "}vault patterns
    {"  "}vault patterns --since 'hace 90 días'
    {"  "}vault patterns --min 3 --json
help-patterns-since = Solo incidentes desde esta fecha u hora.
help-patterns-until = Solo incidentes hasta esta fecha u hora.
help-patterns-kind = Solo incidentes de este tipo.
help-patterns-tag = Solo incidentes con esta etiqueta.
help-patterns-with-attachments = Solo incidentes con algún adjunto.
help-patterns-min = Mostrar solo lo que aparece en al menos N incidentes (mínimo 2).
help-report = Escribe un informe SIN CIFRAR para usted: HTML imprimible con la cronología, o CSV/JSON para sus propios análisis.
help-report-examples =
    Ejemplos:
    {"  "}vault report --out informe.html
    {"  "}vault report --format csv --out incidentes.csv --since 2026-09-01
    {"  "}vault report --format json --out incidentes.json --yes
help-report-out = El archivo que escribir (nunca se sobrescribe).
help-report-format = html, csv o json (si no indica otra cosa, según la extensión de --out; si no, html).
help-report-yes = No preguntar: confirma de antemano que se escriba un archivo sin cifrar.
help-report-since = Solo incidentes desde esta fecha u hora.
help-report-until = Solo incidentes hasta esta fecha u hora.
help-report-kind = Solo incidentes de este tipo.
help-report-tag = Solo incidentes con esta etiqueta.
help-report-with-attachments = Solo incidentes con algún adjunto.
help-show = Muestra un incidente completo.
help-show-examples =
    Ejemplo:
    {"  "}vault show 3f2a          (basta con el comienzo del identificador, si es único)
help-show-id = Identificador del incidente o su comienzo, si es único.
help-show-history = Muestra todas las versiones, de la más antigua a la más reciente.
help-amend = Anota una corrección como versión nueva (la anterior se conserva).
help-amend-examples =
    Ejemplo:
    {"  "}vault amend 3f2a --where 'esquina de Main St y la 6'
help-amend-id = Identificador del incidente o su comienzo, si es único.
help-amend-kind = seguimiento, fotografiado (o fotos), contacto, visita, redada, arresto, «en línea» (o en-linea) u otro.
help-amend-when = Cuándo pasó: ahora, 2026-11-20 14:30, 2026-11-20, RFC 3339, ayer 3pm, ...
help-amend-location = Dónde pasó (texto libre).
help-amend-coords = Coordenadas como LAT,LON en grados decimales.
help-amend-narrative = Qué pasó. Ponga [[dobles corchetes]] alrededor de lo privado (nombres, direcciones).
help-amend-agents = Un agente: texto libre y/o `nombre=..; placa=..; agencia=..` (se puede repetir).
help-amend-vehicles = Un vehículo: texto libre y/o `placas=..` para las placas (se puede repetir).
help-amend-witnesses = Un testigo: texto libre y/o `nombre=..; contacto=..` (se puede repetir).
help-amend-tags = Una etiqueta (se puede repetir).
help-attach = Adjunta fotos, audio o video a un incidente (no necesita la contraseña).
help-attach-examples =
    Ejemplo:
    {"  "}vault attach 3f2a foto.jpg mensaje.m4a --remove-original
help-attach-id = Identificador del incidente o su comienzo, si es único.
help-attach-files = Archivos que adjuntar.
help-attach-remove-original = Sobrescribe y borra los originales una vez guardadas las copias cifradas.
help-extract = Descifra un adjunto y verifica su código de control (SHA-256).
help-extract-examples =
    Ejemplo:
    {"  "}vault extract 3f2a --attachment 1 --out ~/Escritorio/foto.jpg
help-extract-id = Identificador del incidente o su comienzo, si es único.
help-extract-attachment = Qué adjunto, contando desde 1 en el orden en que los lista `show`.
help-extract-out = Escribe en este archivo nuevo (nunca se sobrescribe).
help-extract-stdout = Escribe en la salida estándar.
help-passwd = Cambia la contraseña (no vuelve a cifrar nada).
help-passwd-examples =
    Ejemplo:
    {"  "}vault passwd
help-passwd-new-passphrase-file = Lee la contraseña nueva de la primera línea de ARCHIVO en vez de preguntarla.
help-passwd-kdf-memory-mib = Memoria de Argon2id en MiB para el acceso nuevo (al menos 64; si no indica ninguna opción --kdf: 256 por defecto, o la del acceso anterior si es mayor).
help-passwd-kdf-iterations = Pasadas de Argon2id para el acceso nuevo (de 3 a 16).
help-passwd-kdf-parallelism = Carriles de Argon2id para el acceso nuevo (de 4 a 16).
help-info = Muestra la versión de formato, el número de seguridad, la protección de la contraseña y los recuentos (sin contraseña).
help-info-examples =
    Ejemplo:
    {"  "}vault info
    {"  "}vault info --json
help-key = Operaciones con la clave maestra.
help-key-examples =
    Ejemplo:
    {"  "}vault key export --out clave-maestra.txt
help-key-export = Escribe la clave maestra como archivo de identidad age estándar (quien lo tenga puede leerlo todo).
help-key-export-examples =
    Ejemplo:
    {"  "}vault key export --out /media/usb/clave-maestra.txt
help-key-export-out = El archivo nuevo que escribir (modo 0600; nunca se sobrescribe).
help-verify = Verifica toda la bóveda: si algo se dañó o alguien cambió o borró algo.
help-verify-examples =
    Ejemplos:
    {"  "}vault verify                      (en una terminal pide la contraseña para una verificación completa)
    {"  "}vault verify --receipt comprobante.txt
help-verify-full = Además descifra todo y verifica el código de control de cada dato y de cada adjunto (necesita la contraseña).
help-verify-receipt = Demuestra que la bitácora de la bóveda contiene todo lo de este comprobante anterior (nota si se reemplazó por una copia más vieja).
help-receipt = Escribe el sello firmado actual como un comprobante breve para guardar en otro lugar.
help-receipt-examples =
    Ejemplos:
    {"  "}vault receipt --out comprobante.txt   (pide la contraseña si hay anotaciones sin sellar; envíelo a su abogado o imprímalo)
    {"  "}vault receipt --no-sign --out comprobante.txt   (sin contraseña: deja fuera lo anotado desde el último uso de la contraseña)
help-receipt-out = El archivo nuevo que escribir.
help-receipt-no-sign = No pide la contraseña: escribe el último sello firmado tal como está y deja fuera (con un aviso) lo anotado desde el último uso de la contraseña.
help-keygen = Crea una clave age para su abogado o abogada (imprime la clave pública que hay que dar a quien exporta).
help-keygen-examples =
    Ejemplo:
    {"  "}vault keygen --out abogada.key
help-keygen-out = El archivo de identidad nuevo (modo 0600; nunca se sobrescribe).
help-export = Exporta un paquete cifrado y verificable para su abogado o abogada, con los datos que usted oculte.
help-export-examples =
    Ejemplos:
    {"  "}vault export --to age1... --all --redact witnesses --out caso.age
    {"  "}vault export --to-file abogada.pub --since 2026-09-01 --until 2026-11-30 --strip-metadata --out caso.age
    {"  "}vault export --passphrase --entries 3f2a 9b1c --redact 3f2a:location --out caso.age
help-export-to = Un destinatario: una clave pública age (age1...) o SSH (ssh-ed25519/ssh-rsa). Se puede repetir.
help-export-to-file = Un archivo de destinatarios, uno por línea (se admiten comentarios con #). Se puede repetir.
help-export-passphrase = Cifra con una contraseña (se pregunta dos veces, o se lee de VAULT_BUNDLE_PASSPHRASE_FILE).
help-export-generate-passphrase = Cifra con una contraseña fuerte inventada para usted (seis palabras al azar), que se muestra una sola vez.
help-export-yes = Confirma de antemano: cifrar para todas las claves de un archivo de claves, y aplicar una política que muestra partes privadas (necesario fuera de una terminal).
help-export-entries = Exporta estos incidentes (identificadores o sus comienzos).
help-export-all = Exporta todos los incidentes.
help-export-since = Exporta incidentes desde esta fecha u hora.
help-export-until = Exporta incidentes hasta esta fecha u hora.
help-export-tag = Exporta los incidentes con esta etiqueta.
help-export-redact = Oculta un dato de todos los incidentes (DATO) o de uno (ID:DATO). Datos: kind (tipo), when (cuándo), location (dónde), narrative (relato), agents (agentes), vehicles (vehículos), witnesses (testigos), tags (etiquetas), attachments (adjuntos), recorded_at (anotado). Se puede repetir.
help-export-redact-policy = Una política de ocultación en JSON (vea docs/cli.md).
help-export-coarsen-location = Oculta la ubicación exacta; revela coordenadas redondeadas a N decimales, marcadas como derivadas.
help-export-disclose-private = Revela también las partes [[privadas]] del relato (si no indica otra cosa, se ocultan).
help-export-strip-metadata = Exporta copias de las imágenes sin los metadatos que identifican (GPS, números de serie, XMP, notas del fabricante).
help-export-no-attachments = No incluye los archivos adjuntos (sus códigos de control sí se incluyen).
help-export-allow-identifying-metadata = Confirma de antemano que se pueden exportar metadatos que identifican (necesario fuera de una terminal).
help-export-out = El paquete que escribir (nunca se sobrescribe).
help-exports = Lista todas las exportaciones hechas desde esta bóveda (la lista de lo que se reveló).
help-exports-examples =
    Ejemplo:
    {"  "}vault exports
help-disclose = Revela un dato oculto en una exportación anterior, como un paquete pequeño y verificable.
help-disclose-examples =
    Ejemplo:
    {"  "}vault disclose --bundle-of 5e1c --entry 3f2a --field witnesses --to age1... --out testigos.age
help-disclose-to = Un destinatario: una clave pública age (age1...) o SSH (ssh-ed25519/ssh-rsa). Se puede repetir.
help-disclose-to-file = Un archivo de destinatarios, uno por línea (se admiten comentarios con #). Se puede repetir.
help-disclose-passphrase = Cifra con una contraseña (se pregunta dos veces, o se lee de VAULT_BUNDLE_PASSPHRASE_FILE).
help-disclose-generate-passphrase = Cifra con una contraseña fuerte inventada para usted (seis palabras al azar), que se muestra una sola vez.
help-disclose-yes = Confirma de antemano: cifrar para todas las claves de un archivo de claves (necesario fuera de una terminal).
help-disclose-bundle-of = El identificador (o su comienzo) de la exportación anterior, como lo lista `vault exports`.
help-disclose-entry = El incidente cuyo dato se revela.
help-disclose-fields = El dato que revelar (se puede repetir); `narrative.private` revela todas las partes privadas.
help-disclose-out = El paquete de revelación que escribir.
help-bundle = Para su abogado o abogada: verifica o abre un paquete.
help-bundle-examples =
    Ejemplos:
    {"  "}vault bundle verify caso.age --identity abogada.key
    {"  "}vault bundle open caso.age --identity abogada.key --out caso/
help-bundle-verify = Verifica un paquete: firma, pruebas de inclusión, datos revelados, códigos de control de los adjuntos.
help-bundle-verify-examples =
    Ejemplo:
    {"  "}vault bundle verify caso.age --identity abogada.key
help-bundle-verify-file = El archivo del paquete.
help-bundle-verify-identity = Un archivo de identidad age o una clave privada OpenSSH sin cifrar.
help-bundle-verify-passphrase = El paquete se cifró con una contraseña (se pregunta, o se lee de VAULT_BUNDLE_PASSPHRASE_FILE).
help-bundle-verify-earlier = Un paquete anterior que este completa (una revelación posterior): verifica que concuerdan.
help-bundle-verify-receipt = Un comprobante recibido antes de quien lleva la bitácora: verifica que este paquete contiene todo lo del comprobante.
help-bundle-verify-expect-fingerprint = Falla si el paquete no lo firmó la clave con este número de seguridad (para programas).
help-bundle-open = Verifica un paquete y lo extrae en una carpeta nueva.
help-bundle-open-examples =
    Ejemplo:
    {"  "}vault bundle open caso.age --identity abogada.key --out caso/
help-bundle-open-file = El archivo del paquete.
help-bundle-open-identity = Un archivo de identidad age o una clave privada OpenSSH sin cifrar.
help-bundle-open-passphrase = El paquete se cifró con una contraseña (se pregunta, o se lee de VAULT_BUNDLE_PASSPHRASE_FILE).
help-bundle-open-out = La carpeta que crear.
help-bundle-open-receipt = Un comprobante recibido antes de quien lleva la bitácora: verifica que este paquete contiene todo lo del comprobante.
help-bundle-open-expect-fingerprint = Falla si el paquete no lo firmó la clave con este número de seguridad (para programas).
help-bundle-trust = Confía en el número de seguridad de un remitente (que le leyó por teléfono o en persona), con un nombre.
help-bundle-trust-examples =
    Ejemplo:
    {"  "}vault bundle trust '04561 46287 45811 42252 45019 28186' --name 'Ana R.'
help-bundle-trust-fingerprint = El número de seguridad: seis grupos de cinco cifras (entre comillas).
help-bundle-trust-name = Quién es el remitente, como usted lo reconocerá.
help-bundle-trust-vault-id = El identificador de la bóveda del remitente (`vault info`), si lo sabe; si no, se aprende del primer paquete que se verifique con este número.
help-keyslot = Maneja los accesos (las formas de abrir la bóveda): listarlos, agregar un código de recuperación u otra contraseña, quitar uno.
help-keyslot-examples =
    Ejemplos:
    {"  "}vault keyslot list
    {"  "}vault keyslot add --recovery
    {"  "}vault keyslot remove 3f2a
help-keyslot-list = Lista los accesos: identificador, tipo y protección de la contraseña (sin contraseña).
help-keyslot-add = Agrega un acceso: un código de recuperación (--recovery), una llave de seguridad (--plugin) u otra contraseña.
help-keyslot-add-examples =
    Ejemplos:
    {"  "}vault keyslot add --recovery      (muestra un código de recuperación una sola vez: escríbalo en papel)
    {"  "}vault keyslot add                 (pide otra contraseña)
    {"  "}vault keyslot add --plugin age1yubikey1... --plugin-identity identidad-yubikey.txt
help-keyslot-add-recovery = Agrega un código de recuperación generado en vez de una contraseña.
help-keyslot-add-new-passphrase-file = Lee la contraseña nueva de la primera línea de ARCHIVO en vez de preguntarla.
help-keyslot-remove = Quita un acceso (nunca el último, ni el último con contraseña o llave de seguridad).
help-keyslot-remove-examples =
    Ejemplo:
    {"  "}vault keyslot remove 3f2a
help-keyslot-remove-id = Identificador del acceso o su comienzo, si es único (vea `vault keyslot list`).
help-rekey = Reemplaza la clave maestra si sospecha que alguien la consiguió (vuelve a cifrar todo; se quitan los demás accesos).
help-rekey-examples =
    Ejemplos:
    {"  "}vault rekey
    {"  "}vault rekey --new-passphrase      (cambia también la contraseña)
help-rekey-new-passphrase = Cambia también la contraseña (se pregunta dos veces en la terminal).
help-rekey-new-passphrase-file = Cambia también la contraseña, leyendo la nueva de la primera línea de ARCHIVO.
help-destroy = Destruye la bóveda para siempre: sobrescribe sus claves y luego la borra. Consulte antes con su abogado o abogada (vea SECURITY.md).
help-destroy-examples =
    Ejemplo:
    {"  "}vault destroy                     (le pide que escriba el número de seguridad)
help-destroy-yes = No pedir el número de seguridad como confirmación.
help-backup = Escribe toda la bóveda (todavía cifrada) en un archivo de copia de seguridad; se puede hacer mientras corren otros comandos.
help-backup-examples =
    Ejemplo:
    {"  "}vault backup --out /media/usb/vault-2026-11-20.backup
help-backup-out = El archivo de copia que escribir (nunca se sobrescribe).
help-restore = Recrea una bóveda a partir de una copia de seguridad en una carpeta nueva (--vault CARPETA).
help-restore-examples =
    Ejemplos:
    {"  "}vault --vault ~/restaurada restore /media/usb/vault-2026-11-20.backup
    {"  "}vault --vault ~/restaurada verify --receipt comprobante.txt
help-restore-file = El archivo de copia de seguridad escrito por `vault backup`.
help-completions = Imprime el programa de autocompletado para la terminal (bash, zsh, fish...).
help-completions-examples =
    Ejemplos:
    {"  "}vault completions bash > ~/.local/share/bash-completion/completions/vault
    {"  "}vault completions zsh > ~/.zfunc/_vault
    {"  "}vault completions fish > ~/.config/fish/completions/vault.fish
help-completions-shell = bash, zsh, fish, elvish o powershell.
help-man = Imprime la página de manual (roff), o escribe una página por comando en una carpeta.
help-man-examples =
    Ejemplos:
    {"  "}vault man > vault.1 && man ./vault.1
    {"  "}vault --lang es man > vault.1      (en español)
    {"  "}vault man --out man1               (vault.1, vault-add.1, vault-list.1, ...)
help-man-out = Escribe vault.1 y una página por comando (vault-add.1, ...) en la CARPETA en lugar de imprimir vault.1.

# custody: modo viaje y plan de detención (src/cli/custody_cmd.rs)
cli-value-count = CANTIDAD
cli-info-travelling = Accesos:                 ninguno en este aparato: el modo viaje está activo desde la anotación n.º { $leaf } de la bitácora (`vault travel end` los trae de vuelta)
cli-info-kdf-travelling = Protección (contraseña): ninguna aquí (modo viaje)
cli-travel-started = El modo viaje está activo: { $count ->
    [one] 1 acceso se guardó
   *[other] { $count } accesos se guardaron
} en { $path }, cifrados para la clave de resguardo, y se quitaron de este aparato.
cli-travel-started-next = Entregue el archivo de resguardo a la persona que tiene la clave de resguardo y no deje ninguna copia aquí. Hasta `vault travel end`, ninguna contraseña ni código de recuperación abre esta bóveda; `vault add` y `vault attach` siguen funcionando.
cli-travel-ended = El modo viaje terminó: { $count ->
    [one] volvió 1 acceso.
   *[other] volvieron { $count } accesos.
}
cli-travel-ended-next = El próximo comando que le pida la contraseña sella lo que se anotó durante el viaje; `vault verify` revisa toda la bóveda.
cli-plan-set = Plan de detención creado: { $count ->
    [one] 1 parte
   *[other] { $count } partes
}; con { $threshold } de ellas se reconstruye la clave de entrega:
cli-plan-share = {"  "}{ $path }  (para { $key })
cli-plan-set-next = Entregue cada archivo de parte a su persona de confianza: solo se abre con la clave de esa persona, y menos partes que el mínimo no revelan nada. En docs/plan-de-detencion.md las personas de confianza encuentran qué hacer.
cli-plan-revoked = Se reemplazó la clave de entrega: las partes viejas no abren ningún paquete escrito desde ahora. Las partes nuevas:
cli-plan-bundle-written = Paquete de entrega escrito: { $path } ({ $count ->
    [one] 1 incidente
   *[other] { $count } incidentes
})
cli-plan-no-bundle = Todavía no hay paquete de entrega: la bóveda no tiene ningún incidente.
cli-plan-refreshed = El paquete de entrega del plan de detención está al día: { $path }
cli-plan-refresh-failed = no se pudo escribir el paquete de entrega del plan de detención: { $error }
cli-plan-combined = Clave de entrega reconstruida con { $count } partes: { $path }
cli-plan-combined-next = Verifique y abra el paquete de entrega como lo haría su abogado: `vault bundle verify release-bundle.age --identity { $path }`, y después `vault bundle open release-bundle.age --identity { $path } --out CARPETA`.
cli-plan-show-threshold = Mínimo:            { $threshold } de { $count } personas de confianza
cli-plan-show-trustee = Persona de confianza: { $key }
cli-plan-show-counsel = Abogado/a:         { $key }
cli-plan-show-release = Clave de entrega:  { $key }
cli-plan-show-folder = Carpeta:           { $path }
cli-plan-show-policy = Datos ocultos:     los que indica el archivo de reglas dado a `vault plan set`
cli-plan-show-set = Creado:            { $at }
cli-plan-show-refreshed = Actualizado:       { $at } ({ $count ->
    [0] nada nuevo desde entonces
    [one] 1 anotación nueva desde entonces: la próxima vez que abra la bóveda se escribe un paquete nuevo
   *[other] { $count } anotaciones nuevas desde entonces: la próxima vez que abra la bóveda se escribe un paquete nuevo
})
cli-plan-show-never-refreshed = Actualizado:       nunca (todavía no hay incidentes)

# custody: ayuda
help-travel = Modo viaje: saca todos los accesos de este aparato, cifrados para la clave de otra persona, y los trae de vuelta.
help-travel-examples =
    Ejemplos:
    {"  "}vault travel start --escrow-to age1... --out resguardo.age   (entregue resguardo.age a su abogado)
    {"  "}vault travel end --from resguardo.age --identity abogado.key
help-travel-start = Cifra todos los accesos para la clave de resguardo en ARCHIVO y después los quita de este aparato.
help-travel-start-examples =
    Ejemplo:
    {"  "}vault travel start --escrow-to age1... --out resguardo.age
    {"  "}(después nada abre la bóveda aquí, con ninguna contraseña: `vault add` sigue funcionando)
help-travel-start-escrow-to = La clave pública age o SSH de quien guarda el resguardo (la de su abogado; repítala si son varias).
help-travel-start-out = El archivo de resguardo que se escribe (nunca se reemplaza); guárdelo fuera de este aparato.
help-travel-end = Trae los accesos de vuelta desde el archivo de resguardo, abierto con la clave de quien lo guarda.
help-travel-end-examples =
    Ejemplo:
    {"  "}vault travel end --from resguardo.age --identity abogado.key
help-travel-end-from = El archivo de resguardo que escribió `vault travel start`.
help-travel-end-identity = El archivo de clave de quien guarda el resguardo (clave age o clave SSH sin contraseña).
help-plan = Plan de detención: personas de confianza que, juntas, pueden abrir un paquete al día para su abogado.
help-plan-examples =
    Ejemplos:
    {"  "}vault plan set --trustee age1... --trustee age1... --trustee ssh-ed25519... --threshold 2 --folder ~/Sync/plan
    {"  "}vault plan show
    {"  "}vault plan combine share-1-of-3-0a1b2c3d.age share-3-of-3-0a1b2c3d.age --identity yo.key --out entrega.key
help-plan-set = Crea un plan de detención: una clave de entrega repartida entre personas de confianza, y un paquete de entrega siempre al día.
help-plan-set-examples =
    Ejemplo:
    {"  "}vault plan set --trustee age1... --trustee age1... --trustee ssh-ed25519... --threshold 2 --counsel age1... --redact-policy reglas.json --folder /media/usb/plan
help-plan-set-trustee = La clave pública age o SSH de una persona de confianza (repítala, una vez por persona).
help-plan-set-threshold = Cuántas personas de confianza deben juntar sus partes para abrir el paquete.
help-plan-set-counsel = La clave pública age o SSH de su abogado: los paquetes de entrega también se cifran para su abogado.
help-plan-set-redact-policy = Qué ocultan los paquetes de entrega, como en `vault export --redact-policy`.
help-plan-set-folder = Dónde van las partes y el paquete de entrega, por ejemplo una carpeta sincronizada (por defecto: junto a la bóveda, con el nombre <bóveda>-plan).
help-plan-show = Muestra el plan: personas de confianza, mínimo, carpeta, cuándo se escribió el paquete de entrega.
help-plan-show-examples =
    Ejemplo:
    {"  "}vault plan show
help-plan-refresh = Escribe el paquete de entrega ahora (cada vez que abre la bóveda se hace si hay algo nuevo).
help-plan-refresh-examples =
    Ejemplo:
    {"  "}vault plan refresh
help-plan-revoke = Reemplaza la clave de entrega: partes nuevas para las mismas personas; las partes viejas no abren ningún paquete nuevo.
help-plan-revoke-examples =
    Ejemplo:
    {"  "}vault plan revoke
help-plan-combine = Personas de confianza: reconstruyen la clave de entrega con suficientes partes (no hace falta la bóveda).
help-plan-combine-examples =
    Ejemplo:
    {"  "}vault plan combine share-1-of-3-0a1b2c3d.age share-3-of-3-0a1b2c3d.age --identity ana.key --identity luis.key --out entrega.key
    {"  "}vault bundle verify release-bundle.age --identity entrega.key
help-plan-combine-shares = Los archivos de parte (cada uno cifrado para una persona de confianza, o ya descifrado con `age -d`).
help-plan-combine-identity = El archivo de clave de una persona de confianza (repítalo: uno por persona presente).
help-plan-combine-out = El archivo de la clave de entrega que se escribe (modo 0600; nunca se reemplaza).

# anchor: constancias de tiempo (src/cli/anchor_cmd.rs)
cli-anchor-request-written = Se guardó la solicitud de constancia de tiempo del sello { $size } en { $path }
cli-anchor-request-note = Envíela a una autoridad de fechado que usted elija (solo conoce un código de control y la dirección IP de usted), luego ejecute `vault anchor import` con su respuesta y el certificado de la autoridad.
cli-anchor-request-leaves-out = { $n ->
    [one] la última anotación de la bitácora todavía no está firmada, así que esta constancia no la cubre; ejecute primero `vault receipt` (con la contraseña) para cubrirla
   *[other] las últimas { $n } anotaciones de la bitácora todavía no están firmadas, así que esta constancia no las cubre; ejecute primero `vault receipt` (con la contraseña) para cubrirlas
}
cli-anchor-imported = Se guardó la constancia de tiempo: { $line }
cli-anchor-exported = Se guardó la constancia de tiempo del sello { $size } en { $path }
cli-anchor-none = no hay ninguna constancia de tiempo guardada para ese sello
cli-value-size = TAMAÑO
help-anchor = Constancias de tiempo de una autoridad externa (RFC 3161): prueban que un sello ya existía en una fecha.
help-anchor-examples =
    Ejemplos:
      vault anchor request --out sello.tsq
      openssl ts -reply ... (o envíe sello.tsq a una autoridad de fechado)
      vault anchor import sello.tsr --tsa-cert autoridad.pem
      vault anchor export --out constancia.tsr --note sello.txt
help-anchor-request = Escribe una solicitud de constancia de tiempo del último sello firmado (sin contraseña, sin internet); con --tsa, la envía y guarda la respuesta revisada (pide la contraseña).
help-anchor-request-examples =
    Ejemplos:
      vault anchor request --out sello.tsq
      vault anchor request --tsa https://freetsa.org/tsr --tsa-cert freetsa-cacert.pem
help-anchor-request-out = El archivo nuevo de la solicitud (DER, por lo general .tsq); opcional con --tsa.
help-anchor-import = Revisa la respuesta de una autoridad de fechado contra la solicitud pendiente y la guarda (pide la contraseña).
help-anchor-import-examples =
    Ejemplo:
      vault anchor import sello.tsr --tsa-cert autoridad.pem
help-anchor-import-file = La respuesta de la autoridad (DER, por lo general .tsr).
help-anchor-import-tsa-cert = El certificado de confianza: el de la autoridad o el de quien la certifica (PEM o DER); se guarda en la bóveda.
help-anchor-export = Escribe una constancia de tiempo guardada, para revisarla con `openssl ts -verify` (sin contraseña).
help-anchor-export-examples =
    Ejemplo:
      vault anchor export --out constancia.tsr --note sello.txt
      openssl ts -verify -token_in -in constancia.tsr -data sello.txt -CAfile autoridad.pem
help-anchor-export-out = El archivo nuevo de la constancia (DER).
help-anchor-export-note = Escribe también el texto del sello fechado en ARCHIVO (lo que lee `openssl ts -verify -data`).
help-anchor-export-size = El tamaño del sello cuya constancia escribir (si no lo indica: el último fechado).

# anchor: su abogado como testigo que cofirma (src/cli/anchor_cmd.rs)
cli-witness-keygen-note = Se guardó la clave de cofirma en { $path } (manténgala en secreto; vault guarda a su lado, en el archivo .state, lo que ya cofirmó). Dé la línea de arriba a quien lleva la bitácora y guárdela para `vault bundle verify --witness-key`.
cli-witness-request-written = Se guardó la solicitud de cofirma del sello { $size } en { $path }
cli-witness-cosigned = Se cofirmó { $origin } en el tamaño { $size }; la cofirma quedó en { $path }
cli-witness-imported = Se guardó la cofirma: { $line }
help-keygen-witness = Crea una clave de cofirma (Ed25519) para cofirmar los sellos de quien lleva la bitácora, en vez de una clave age.
help-keygen-name = El nombre de quien cofirma en sus cofirmas (si no lo indica: counsel/ y 8 cifras al azar).
help-witness = Su abogado como testigo: cofirma los sellos de la bóveda y se niega si alguien reescribió la historia.
help-witness-examples =
    Ejemplos:
      vault witness request --out para-abogado.txt          (quien lleva la bitácora)
      vault witness cosign para-abogado.txt --key cofirma.key --out cofirmado.txt   (su abogado)
      vault witness import cofirmado.txt                    (quien lleva la bitácora)
help-witness-request = Escribe una solicitud de cofirma: el último sello firmado y la prueba de que continúa el último cofirmado (sin contraseña).
help-witness-request-examples =
    Ejemplo:
      vault witness request --out para-abogado.txt
help-witness-request-out = El archivo nuevo de la solicitud.
help-witness-request-from = Prueba que continúa el sello de este tamaño (si no lo indica: el mayor cofirmado hasta ahora).
help-witness-cosign = Lado del abogado: cofirma una solicitud y se niega si el sello no continúa el último cofirmado.
help-witness-cosign-examples =
    Ejemplo:
      vault witness cosign para-abogado.txt --key cofirma.key --out cofirmado.txt
help-witness-cosign-request = La solicitud de cofirma que le enviaron.
help-witness-cosign-key = El archivo de la clave de cofirma (`vault keygen --witness`); lo ya cofirmado se guarda a su lado.
help-witness-cosign-out = El archivo nuevo de la cofirma.
help-witness-import = Guarda la cofirma de su abogado en la bitácora de la bóveda (pide la contraseña).
help-witness-import-examples =
    Ejemplo:
      vault witness import cofirmado.txt
help-witness-import-file = El archivo de cofirma que le devolvió su abogado.

# packet: `vault bundle exhibit`
help-bundle-exhibit = Verifica un paquete y vuelve a hacer su paquete para el tribunal en una carpeta nueva, con sus propios números de página.
help-bundle-exhibit-examples =
    Ejemplo:
    {"  "}vault bundle exhibit caso.age --identity abogada.key --out prueba/ --prefix SMITH --start 101
    {"  "}vault --lang en bundle exhibit caso.age --identity abogada.key --out exhibit/   (en inglés)
help-bundle-exhibit-file = El archivo del paquete.
help-bundle-exhibit-identity = Un archivo de identidad age o una clave privada OpenSSH sin cifrar.
help-bundle-exhibit-passphrase = El paquete se cifró con una contraseña (se pregunta, o se lee de VAULT_BUNDLE_PASSPHRASE_FILE).
help-bundle-exhibit-out = La carpeta que crear para exhibit.pdf, chronology.csv, declaration.txt y report.html.
help-bundle-exhibit-prefix = El prefijo de los números de página (de 1 a 16 letras, números, - o _).
help-bundle-exhibit-start = El número de la primera página.
help-bundle-exhibit-receipt = Un comprobante recibido antes de quien lleva la bitácora: verifica que este paquete contiene todo lo del comprobante.
help-bundle-exhibit-expect-fingerprint = Falla si el paquete no lo firmó la clave con este número de seguridad (para programas).
cli-value-prefix = PREFIJO
# plugin: llaves de seguridad con complementos de age (src/cli/hardware.rs, src/cli/maint_cmd.rs)
help-keyslot-add-plugin = Agrega una llave de seguridad: el destinatario del complemento de age que ella muestra (age1yubikey1..., age1fido2-hmac1...).
help-keyslot-add-plugin-identity = El archivo de identidad del complemento que va con --plugin (AGE-PLUGIN-...-1...; nombra el aparato y no es secreto sin él).
cli-slot-plugin = llave de seguridad
cli-keyslot-plugin = complemento de age { $plugin } (sin contraseña)
cli-keyslot-added-plugin = se agregó el acceso: la bóveda ahora se abre con la llave de seguridad (complemento de age { $plugin }), que se prueba primero cada vez que se abre; para exigirla, quite los accesos con contraseña con `vault keyslot remove` (guarde un código de recuperación en papel)
cli-plugin-identity-needed = --plugin necesita --plugin-identity ARCHIVO (la identidad que muestra el complemento, por ejemplo `age-plugin-yubikey --identity`)
cli-plugin-no-terminal = la llave de seguridad pregunta: { $question }; pero aquí no hay una terminal para responder
cli-plugin-fallback = la llave de seguridad no abrió la bóveda; puede escribir una contraseña o un código de recuperación
cli-rekey-needs-passphrase = `vault rekey` necesita la contraseña o el código de recuperación del acceso que conserva: ejecútelo con --passphrase-file, o desde una terminal con la llave de seguridad desconectada
cli-info-kdf-hardware = Protección (contraseña): ninguna (la bóveda se abre con su llave de seguridad)

# Placeholder used by the unit test of the loader; keep.
i18n-selftest = { $count ->
    [one] una anotación
   *[other] { $count } anotaciones
}

# everyday: cli messages for corrections, withdrawals, passphrases and words
cli-withdrawn-line = Se retiró el incidente { $id } (versión { $rev }); su historial se conserva.
cli-withdrawn-hint = Ya no aparece en list, search, patterns, los informes ni export --all. `vault list --include-withdrawn` lo muestra; `vault withdraw { "ID" } --undo` lo devuelve.
cli-unwithdrawn-line = El incidente { $id } volvió (versión { $rev }).
cli-label-withdrawn = Retirado
cli-withdrawn-mark = [retirado]
cli-withdrawn-hidden = { $n ->
    [one] No se muestra 1 incidente retirado (--include-withdrawn lo muestra).
   *[other] No se muestran { $n } incidentes retirados (--include-withdrawn los muestra).
}
help-withdraw = Retirar un incidente anotado por error (una corrección firmada; su historial se conserva).
help-withdraw-examples =
    Ejemplos:
    {"  "}vault withdraw 3f2a --reason 'prueba'
    {"  "}vault withdraw 3f2a --undo        (lo devuelve)
    {"  "}vault list --include-withdrawn
help-withdraw-id = Identificador del incidente o su comienzo, si es único.
help-withdraw-reason = Por qué lo retira, por ejemplo 'anotado por error' o 'prueba'.
help-withdraw-undo = Devolver un incidente retirado (una versión nueva sin el retiro).
help-list-include-withdrawn = También los incidentes retirados por estar anotados por error (`vault withdraw`).
help-search-include-withdrawn = También los incidentes retirados por estar anotados por error (`vault withdraw`).
help-patterns-include-withdrawn = También los incidentes retirados por estar anotados por error (`vault withdraw`).
help-report-include-withdrawn = También los incidentes retirados por estar anotados por error (`vault withdraw`).
cli-guided-back-hint = Escriba atrás en cualquier pregunta para volver a la anterior.
cli-guided-first-question = esta es la primera pregunta
cli-guided-going-back = (de vuelta a la pregunta anterior)
cli-guided-kind-keep = Número o nombre [Enter = dejar { $value }]:{" "}
cli-guided-when-keep = ¿Cuándo pasó? [Enter = dejar { $value }]:{" "}
cli-guided-where-keep = ¿Dónde pasó? [Enter = dejar { $value }; - = quitar]:{" "}
cli-guided-what-now = ¿Qué pasó? Ahora dice:
cli-guided-what-keep = Presione Enter para dejarlo así, o escríbalo todo otra vez; termine con una línea que tenga solo un punto (.).
cli-guided-list-edit = Escriba una línea para agregar uno; -N quita el número N (por ejemplo -1); una línea vacía para terminar.
cli-guided-no-such-number = { $count ->
    [one] no hay número { $n }: solo hay 1
   *[other] no hay número { $n }: hay { $count }
}
cli-guided-tags-keep = Etiquetas, separadas por comas [Enter = dejar { $value }; - = ninguna]:{" "}
cli-yes-no-back = [s/N; atrás = pregunta anterior]
cli-guided-amend-intro = Corrección del incidente { $id }. Presione Enter para dejar un dato como está; Ctrl-C para salir sin guardar nada.
cli-guided-amend-save = ¿Guardar esta corrección?
cli-amend-no-such-item = { $flag } { $n }: no hay ese número; `vault show` los numera desde 1 (este incidente tiene { $count })
help-amend-add-agents = Agregar un agente a los que ya hay (se puede repetir).
help-amend-remove-agents = Quitar el agente número N, como los numera `vault show` (se puede repetir).
help-amend-add-vehicles = Agregar un vehículo a los que ya hay (se puede repetir).
help-amend-remove-vehicles = Quitar el vehículo número N, como los numera `vault show` (se puede repetir).
help-amend-add-witnesses = Agregar un testigo a los que ya hay (se puede repetir).
help-amend-remove-witnesses = Quitar el testigo número N, como los numera `vault show` (se puede repetir).
cli-pass-wrong-again = { $left ->
    [one] No abrió la bóveda. Inténtelo otra vez (queda 1 intento); un código de recuperación también sirve.
   *[other] No abrió la bóveda. Inténtelo otra vez (quedan { $left } intentos); un código de recuperación también sirve.
}
cli-pass-strong-enough = {"  "}→ es bastante fuerte.
cli-pass-try-another = Elija otra, por favor
cli-pass-differ-again = las dos no coinciden; empiece otra vez, por favor
cli-weak-hint-init = (o deje que `vault init --generate-passphrase` le cree una)
cli-weak-hint-passwd = (cinco o seis palabras poco comunes que usted recuerde sirven bien)
cli-init-next-steps =
    Próximos pasos:
    {"  "}1. Cree un código de recuperación, por si olvida la contraseña: vault keyslot add --recovery
    {"  "}2. Guarde un comprobante fuera de esta computadora (envíelo a su abogado o imprímalo): vault receipt --out comprobante.txt
    {"  "}3. Haga una copia de seguridad en una memoria USB de vez en cuando: vault backup --out /media/usb/boveda.backup
cli-destroy-legal =
    Antes de destruir esta bóveda, lea esto, por favor (SECURITY.md explica más):
    Destruir anotaciones que pueden importar en una investigación, una demanda o cualquier proceso puede ser en sí un delito o una falta legal grave: obstrucción de la justicia, destrucción de pruebas (en los Estados Unidos, por ejemplo, 18 U.S.C. §§ 1512(c) y 1519), desacato al tribunal. Esto vale aunque usted mismo haya hecho las anotaciones, aunque le hubieran ayudado, y antes de que exista un caso. Hacerlo mientras un agente se las pide, o después de una citación, una orden o un pedido de conservar pruebas, es el momento de mayor riesgo.
    Estas anotaciones pueden ser la mejor protección que usted y otras personas tienen. Consulte primero con un abogado o abogada (muchas organizaciones de ayuda legal y de derechos de inmigrantes asesoran gratis), y piense en darle a su abogado un paquete (vault export) para que quede una copia.
    Destruir no toca las copias de seguridad, los paquetes exportados ni otras copias.
cli-destroy-pass-note = Para borrarla, escriba la contraseña de la bóveda o un código de recuperación (si no es la correcta, no se borra nada).
cli-saved-incident = Se guardó el incidente { $id } ({ $kind }, { $when })
cli-duplicate-attachment = nota: el adjunto { $n } ({ $name }) es el mismo archivo (mismo código de control SHA-256) que el adjunto { $m } del incidente { $id }
# tsahttp: `vault anchor request --tsa` (src/cli/anchor_cmd.rs)
cli-anchor-sending = Enviando la solicitud de constancia de tiempo del sello { $size } a { $url } (la autoridad conoce el código de control del sello, el número único de la solicitud, la dirección IP de usted y la hora)
cli-anchor-request-no-out = indique --out ARCHIVO para el archivo de la solicitud, o --tsa URL para enviarla
cli-anchor-tsa-no-cert = --tsa necesita --tsa-cert ARCHIVO: el certificado de la autoridad o de quien la certifica, para revisar su respuesta
cli-value-url = URL
cli-value-seconds = SEGUNDOS
help-anchor-request-tsa = Envía la solicitud a esta autoridad de fechado (https:// o http://) y guarda su respuesta una vez revisada, como `vault anchor import`. La autoridad conoce el código de control del sello y la dirección IP de usted.
help-anchor-request-tsa-cert = Con --tsa: el certificado de confianza, el de la autoridad o el de quien la certifica (PEM o DER); se guarda en la bóveda.
help-anchor-request-tsa-timeout = Con --tsa: cuántos segundos esperar la respuesta de la autoridad.
