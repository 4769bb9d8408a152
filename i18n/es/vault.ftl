# vault: every message the program prints. One id per message; the same ids in i18n/en and i18n/es
# (a test checks). Spanish follows ../shared/ES-GLOSSARY.md. Sections by owner, so that a change
# to one area touches one block.

## core: vault, store, keys, crypto, records, ledger (library errors)

## bundle: writing and reading bundles (library errors)

## verify: problem kinds and what verify prints

## when: times as people say them and as they are shown

## report: the owner's report and the counsel report

## cli: prompts, notes, command output, help

cli-error-prefix = error
cli-warning-prefix = aviso:
cli-note-new-entries = { $n ->
        [one] nota: se agregó { $n } anotación a la bitácora desde la última vez que abrió la bóveda con la contraseña (incidentes o adjuntos guardados sin la contraseña); ahora la cubre un sello firmado
       *[other] nota: se agregaron { $n } anotaciones a la bitácora desde la última vez que abrió la bóveda con la contraseña (incidentes o adjuntos guardados sin la contraseña); ahora las cubre un sello firmado
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
cli-no-data-dir = no se conoce una carpeta de datos para este usuario; indique --vault CARPETA
cli-memory-too-large = valor de memoria demasiado grande
cli-new-vault-passphrase = Contraseña nueva de la bóveda
cli-created-vault = Se creó una bóveda en { $path }
cli-fingerprint-line = Número de seguridad: { $fp }
cli-init-note =
    Lea el número de seguridad a su abogado o abogada: identifica las firmas de esta bóveda.
    Si olvida la contraseña, nadie podrá recuperar lo que anotó.
cli-kind-required = falta --kind (seguimiento, fotografiado, contacto, visita, redada, arresto, en-linea, otro)
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
cli-amend-needs-field = indique al menos un dato que cambiar, p. ej. --where o --what
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
cli-pass-prompt = Contraseña de la bóveda:{" "}
cli-pass-again = Escríbala otra vez:{" "}
cli-pass-differ = las dos contraseñas no coinciden; no se cambió nada
cli-no-passphrase = no hay contraseña: use --passphrase-file ARCHIVO (o VAULT_PASSPHRASE_FILE), o ejecute el comando en una terminal
cli-passwd-replaced-tampered = el acceso { $slot }, que se acaba de reemplazar, no coincidía con lo que sella la bitácora de la bóveda ({ $reason }): alguien lo cambió sin la contraseña. No se reusó su configuración; ejecute `vault verify` para ver qué más cambió
cli-yes-no = [s/N]
cli-generate-passphrase-conflict = --generate-passphrase crea la contraseña: no indique también --passphrase-file (ni VAULT_PASSPHRASE_FILE)
cli-generated-passphrase =
    {""}
    Su contraseña ({ $n } palabras al azar; es la única vez que se muestra):
    {""}
    {"    "}{ $passphrase }
    {""}
    Escríbala ahora en papel y guarde el papel en un lugar seguro. Sin ella nadie puede abrir esta bóveda.
    {""}
cli-keyslot-col-kind = TIPO
cli-keyslot-col-kdf = PROTECCIÓN
cli-keyslot-kdf = Argon2id, { $mib } MiB, { $it } pasadas, { $lanes } carriles
cli-slot-passphrase = contraseña
cli-slot-recovery = recuperación
cli-recovery-code-shown =
    Código de recuperación (se muestra solo esta vez):
    {""}
    {"    "}{ $code }
    {""}
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
cli-label-kind = Tipo
cli-label-when = Cuándo
cli-label-recorded = Anotado
cli-label-where = Dónde
cli-label-agents = Agentes
cli-label-vehicles = Vehículos
cli-label-witnesses = Testigos
cli-label-tags = Etiquetas
cli-label-what = Qué pasó
cli-label-attachments = Adjuntos
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
    ¿Qué pasó? Escriba las líneas que necesite; termine con una línea vacía (o Ctrl-D).
    Ponga [[dobles corchetes]] alrededor de lo privado, como nombres o direcciones.
cli-guided-what-again = Escríbalo otra vez, por favor.
cli-guided-agents = Agentes: uno por línea, p. ej.  alto, chamarra gris; nombre=Ruiz; placa=4411; agencia=ICE  (línea vacía para terminar)
cli-guided-vehicles = Vehículos: uno por línea, p. ej.  camioneta gris; matrícula=ABC1234  (línea vacía para terminar)
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
cli-standard-input = la entrada estándar
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


# Placeholder used by the unit test of the loader; keep.
i18n-selftest = { $count ->
    [one] una anotación
   *[other] { $count } anotaciones
}
