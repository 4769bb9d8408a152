# vault: every message the program prints. One id per message; the same ids in i18n/en and i18n/es
# (a test checks). Spanish follows ../shared/ES-GLOSSARY.md. Sections by owner, so that a change
# to one area touches one block.

## core: vault, store, keys, crypto, records, ledger (library errors)

## bundle: writing and reading bundles (library errors)

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
verify-checkpoint-beyond-ledger = el sello cubre { $size } anotaciones, pero la bitácora tiene solo { $leaves }
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
verify-high-water-shorter = la bitácora tiene { $leaves } anotaciones, menos que las { $size } que esta bóveda firmó la última vez: se reemplazó por una copia más vieja o se borraron anotaciones
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
verify-receipt-beyond-vault = el comprobante cubre { $size } anotaciones, pero la bóveda tiene solo { $leaves }: se reemplazó por una copia más vieja, o se borraron anotaciones
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
verify-pin-shorter = la bitácora tiene { $leaves } anotaciones, pero esta computadora vio { $size } firmadas: se reemplazó por una copia más vieja, o se borraron anotaciones
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
verify-attachment-file-disagree = «file», «file_sha256» y «carries» no concuerdan
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

## when: times as people say them and as they are shown

## report: the owner's report and the counsel report

## cli: prompts, notes, command output, help

# Placeholder used by the unit test of the loader; keep.
i18n-selftest = { $count ->
    [one] una anotación
   *[other] { $count } anotaciones
}
