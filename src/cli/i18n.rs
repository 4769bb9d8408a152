//! Every user-facing text of the command line, in English and Spanish: messages, prompts,
//! labels, the Spanish help (a table applied to the clap definitions), clap's own errors, and the
//! library's errors at the edge ([`localized`]).
//!
//! The language is chosen once at start-up ([`detect`]): `--lang en|es`, else the first non-empty
//! of `LC_ALL`, `LC_MESSAGES` and `LANG` (Spanish when it starts with `es`), else English.
//!
//! To add a language: add a [`Lang`] variant, a column to [`catalogue!`], a help table like
//! [`HELP_ES`] and arms in [`localized`] and [`when_error`]. The unit tests check that every
//! message has the same `{placeholders}` in every language and that every command and argument
//! has Spanish help.

use std::ffi::OsString;
use std::fmt;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Command, CommandFactory};
use vault::record::Kind;
use vault::when::{When, WhenError};
use vault::Error;

use super::args::Cli;

pub use vault::i18n::Lang;

/// Sets the language for the rest of the process (first call wins): the CLI's tables and the
/// library's message catalogues (`i18n/<lang>/vault.ftl`).
pub fn set(lang: Lang) {
    vault::i18n::set_language(lang);
}

/// The language in use (English until [`set`]).
pub fn lang() -> Lang {
    vault::i18n::language()
}

/// The `--lang` value among `args` (before a `--`), if any.
fn lang_flag(args: &[OsString]) -> Option<String> {
    let mut it = args
        .iter()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        if a == "--lang" {
            return it.next();
        }
        if let Some(v) = a.strip_prefix("--lang=") {
            return Some(v.to_owned());
        }
    }
    None
}

/// Chooses the language from the command line and the environment.
pub fn detect(args: &[OsString]) -> Lang {
    detect_with(args, |name| std::env::var(name).ok())
}

fn detect_with(args: &[OsString], env: impl Fn(&str) -> Option<String>) -> Lang {
    if let Some(tag) = lang_flag(args) {
        return Lang::from_tag(&tag);
    }
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Some(v) = env(var).filter(|v| !v.is_empty()) {
            return Lang::from_tag(&v);
        }
    }
    Lang::En
}

macro_rules! catalogue {
    ($($key:ident: $en:literal | $es:literal;)*) => {
        /// A message; its text in each language is in the table below.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Msg { $($key),* }

        impl Msg {
            /// Every message (for the consistency tests).
            #[cfg(test)]
            pub const ALL: &'static [Msg] = &[$(Msg::$key),*];

            /// The text (a template when it has `{placeholders}`).
            pub fn text(self, lang: Lang) -> &'static str {
                match self {
                    $(Msg::$key => match lang { Lang::En => $en, Lang::Es => $es }),*
                }
            }
        }
    };
}

catalogue! {
    // --- prefixes
    ErrorPrefix: "error" | "error";
    WarningPrefix: "warning:" | "aviso:";
    // --- commands.rs
    NoteNewEntriesOne: "note: {n} ledger entry was added since the last unlock (records or attachments logged without the passphrase); they are now covered by a signed checkpoint"
        | "nota: se añadió {n} entrada al registro desde el último desbloqueo (incidentes o adjuntos guardados sin la contraseña); ahora la cubre un punto de control firmado";
    NoteNewEntriesMany: "note: {n} ledger entries were added since the last unlock (records or attachments logged without the passphrase); they are now covered by a signed checkpoint"
        | "nota: se añadieron {n} entradas al registro desde el último desbloqueo (incidentes o adjuntos guardados sin la contraseña); ahora las cubre un punto de control firmado";
    // --- trust (pin file, what was logged without the passphrase)
    NotePinFirstUse: "note: this computer had not seen this vault before; from now on it remembers it. Its fingerprint is {fp}: compare it with the one you wrote down when you created the vault. If they differ, stop using this copy: someone replaced its keys."
        | "nota: esta computadora no conocía esta bóveda; desde ahora la recuerda. Su número de seguridad es {fp}: compárelo con el que anotó al crear la bóveda. Si no es igual, deje de usar esta copia: alguien cambió sus claves.";
    NoteLoggedHeader: "note: since the passphrase was last used, these were logged without it (now signed):"
        | "nota: desde la última vez que se usó la contraseña, se guardó esto sin ella (ya quedó sellado):";
    NoteLoggedIncident: "  - incident {id} ({kind}), logged {at}: \"{text}\""
        | "  - incidente {id} ({kind}), guardado el {at}: «{text}»";
    NoteLoggedAttachment: "  - attachment \"{name}\" to incident {id}, logged {at}"
        | "  - adjunto «{name}» del incidente {id}, guardado el {at}";
    NoteLoggedUnreadable: "  - ledger entry {leaf}, which does not open (run vault verify --full)"
        | "  - anotación n.º {leaf} de la bitácora, que no se puede abrir (ejecute vault verify con su contraseña)";
    NoteLoggedMore: "  - and {n} more"
        | "  - y {n} más";
    NoteLoggedCheck: "If you did not log these, someone with access to this folder did: look at each with `vault show ID`, and run `vault verify --full`."
        | "Si usted no guardó esto, lo hizo alguien con acceso a esta carpeta: revise cada uno con `vault show ID` y ejecute `vault verify` con su contraseña.";
    NoteLeftovers: "note: removed {n} leftover file(s) of an interrupted attach or rekey"
        | "nota: se borraron {n} archivo(s) sobrantes de un adjunto o cambio de clave interrumpido";
    // --- leftovers: staging copies of killed backups, restores and exports
    LeftoverBackupRemoved: "note: removed {path}: a full copy of the vault left by an interrupted backup"
        | "nota: se borró {path}: una copia completa de la bóveda que dejó una copia de seguridad interrumpida";
    LeftoverRestoreRemoved: "note: removed {path}: left by an interrupted restore"
        | "nota: se borró {path}: lo dejó una restauración interrumpida";
    LeftoverBackupUnreachable: "note: an interrupted backup left a full copy of the vault at {path}, in a folder that is not there now (a disk not plugged in?); the next backup removes it once the folder is back, or delete it yourself"
        | "nota: una copia de seguridad interrumpida dejó una copia completa de la bóveda en {path}, en una carpeta que ahora no está (¿un disco que no está conectado?); la próxima copia de seguridad la borra cuando la carpeta vuelva a estar, o bórrela usted";
    LeftoverRestoreUnreachable: "note: an interrupted restore left {path}, in a folder that is not there now; the next restore removes it once the folder is back, or delete it yourself"
        | "nota: una restauración interrumpida dejó {path}, en una carpeta que ahora no está; la próxima restauración la borra cuando la carpeta vuelva a estar, o bórrela usted";
    LeftoverExportRemoved: "note: removed {path}: an unfinished bundle left by an interrupted export"
        | "nota: se borró {path}: un paquete sin terminar que dejó una exportación interrumpida";
    NoDataDir: "no data directory is known for this user; pass --vault DIR"
        | "no se conoce un directorio de datos para este usuario; indique --vault DIR";
    NewVaultPassphrase: "New vault passphrase" | "Contraseña nueva de la bóveda";
    CreatedVault: "Created a vault at {path}" | "Se creó una bóveda en {path}";
    FingerprintLine: "Fingerprint: {fp}" | "Huella: {fp}";
    InitNote: "Read the fingerprint to your lawyer; it identifies this vault's signatures.\nIf you forget the passphrase, nobody can recover the records."
        | "Lea la huella a su abogado o abogada: identifica las firmas de esta bóveda.\nSi olvida la contraseña, nadie podrá recuperar los registros.";
    KindRequired: "--kind is required (followed, photographed, contacted, visited, raid, arrest, online, other)"
        | "falta --kind (seguimiento, fotografiado, contacto, visita, redada, arresto, en-linea, otro)";
    UnknownKind: "unknown kind {kind}; use one of: {list}" | "tipo desconocido {kind}; use uno de estos: {list}";
    JsonDoesNotParse: "the JSON does not parse: {detail}" | "el JSON no se puede leer: {detail}";
    JsonOneObject: "the JSON must be one object" | "el JSON debe ser un solo objeto";
    IncidentJsonInvalid: "the incident JSON is not valid: {detail}" | "el JSON del incidente no es válido: {detail}";
    NotRegularFile: "{path} is not a regular file" | "{path} no es un archivo normal";
    Encrypting: "encrypting" | "cifrando";
    Decrypting: "decrypting" | "descifrando";
    Verifying: "verifying" | "verificando";
    AttachedNote: "attached {name} ({mtype}, {size}) sha256 {sha}" | "adjuntado {name} ({mtype}, {size}) sha256 {sha}";
    MetadataUnreadableNote: "  its metadata could not be read (the file is stored as it is)"
        | "  no se pudieron leer sus metadatos (el archivo se guarda tal cual)";
    IdentifyingMetadata: "{name} carries identifying metadata: {item}" | "{name} lleva metadatos que identifican: {item}";
    OriginalRemoved: "{path} was overwritten and deleted; on SSDs and copy-on-write file systems (btrfs, APFS, ZFS) overwriting is not guaranteed to erase the old data"
        | "{path} se sobrescribió y se borró; en discos SSD y sistemas de archivos de copia en escritura (btrfs, APFS, ZFS) sobrescribir no garantiza que los datos antiguos desaparezcan";
    NoIncidentsYet: "no incidents yet; log one with `vault add`" | "todavía no hay incidentes; registre uno con `vault add`";
    NoIncidentsMatch: "no incidents match these filters" | "ningún incidente cumple estos filtros";
    NoSearchMatch: "no incident contains {text}" | "ningún incidente contiene {text}";
    RevisionNote: "(revision {rev}; see earlier ones with --history)" | "(revisión {rev}; vea las anteriores con --history)";
    AmendNeedsField: "give at least one field to change, e.g. --where or --what"
        | "indique al menos un dato que cambiar, p. ej. --where o --what";
    AmendedLine: "{id} revision {rev}" | "{id} revisión {rev}";
    ExtractedNote: "{name}: {size} bytes, SHA-256 {sha} verified" | "{name}: {size} bytes, SHA-256 {sha} comprobado";
    NewPassphrase: "New passphrase" | "Contraseña nueva";
    PassphraseChanged: "passphrase changed; the old one no longer opens this vault"
        | "contraseña cambiada; la anterior ya no abre esta bóveda";
    InfoVault: "Vault:        {path}" | "Bóveda:              {path}";
    InfoFormat: "Format:       version {v}" | "Formato:             versión {v}";
    InfoFingerprint: "Fingerprint:  {fp}" | "Huella:              {fp}";
    InfoSigningKey: "Signing key:  {key}" | "Clave de firma:      {key}";
    InfoKdf: "KDF:          Argon2id, {mib} MiB, {it} iterations, {lanes} lanes"
        | "Derivación de clave: Argon2id, {mib} MiB, {it} pasadas, {lanes} carriles";
    InfoKeyslots: "Keyslots:     {n}" | "Ranuras de clave:    {n}";
    InfoIncidents: "Incidents:    {n} ({rev} revisions), {att} attachments"
        | "Incidentes:          {n} ({rev} revisiones), {att} adjuntos";
    InfoLedger: "Ledger:       {n} entries, {cp} checkpoints, {unsigned} not yet signed"
        | "Registro:            {n} entradas, {cp} puntos de control, {unsigned} aún sin firmar";
    KeyExportWarn: "{path} holds the vault's master key: anyone who gets it can read every record and attachment. Keep it offline and delete it when done."
        | "{path} contiene la clave maestra de la bóveda: quien la obtenga puede leer todos los incidentes y adjuntos. Guárdela sin conexión y bórrela al terminar.";
    // --- passphrase.rs
    PassFileEmpty: "the passphrase file {path} is empty" | "el archivo de contraseña {path} está vacío";
    PassReadFailed: "could not read the passphrase from the terminal: {detail}" | "no se pudo leer la contraseña desde la terminal: {detail}";
    PassPrompt: "Vault passphrase: " | "Contraseña de la bóveda: ";
    PassAgain: "Type it again: " | "Escríbala otra vez: ";
    PassDiffer: "the two passphrases differ; nothing was changed" | "las dos contraseñas no coinciden; no se cambió nada";
    NoPassphrase: "no passphrase: use --passphrase-file FILE (or VAULT_PASSPHRASE_FILE), or run in a terminal"
        | "no hay contraseña: use --passphrase-file ARCHIVO (o VAULT_PASSPHRASE_FILE), o ejecútelo en una terminal";
    // --- verify_cmd.rs
    VerifyAskOptional: "Vault passphrase for a full check (Enter to skip): "
        | "Contraseña de la bóveda para una comprobación completa (Intro para omitirla): ";
    PassReadFailedShort: "could not read the passphrase: {detail}" | "no se pudo leer la contraseña: {detail}";
    TierBasic: "basic" | "básica";
    TierFull: "full" | "completa";
    VerifyUnlockFallback: "{error}; only the checks that need no passphrase were run"
        | "{error}; solo se hicieron las comprobaciones que no necesitan la contraseña";
    VerifyBasicNote: "no passphrase given: checked hashes, signatures and structure only (give --passphrase-file or run on a terminal for a full check)"
        | "sin contraseña: solo se comprobaron resúmenes, firmas y estructura (indique --passphrase-file o ejecútelo en una terminal para una comprobación completa)";
    VerifyScope: "{entries} ledger entries ({signed} covered by the newest signed checkpoint), {records} record revisions, {attachments} attachments"
        | "{entries} entradas del registro ({signed} cubiertas por el último punto de control firmado), {records} revisiones de incidentes, {attachments} adjuntos";
    VerifyOk: "OK: {tier} check passed: {scope}" | "CORRECTO: comprobación {tier} sin problemas: {scope}";
    VerifyReceiptOk: "The vault extends the receipt (size {size}): no rollback."
        | "La bóveda prolonga el comprobante (tamaño {size}): no se volvió atrás.";
    VerifyFailedOne: "FAILED: 1 problem found ({tier} check of {scope})"
        | "HAY PROBLEMAS: se encontró 1 problema (comprobación {tier} de {scope})";
    VerifyFailed: "FAILED: {n} problems found ({tier} check of {scope})"
        | "HAY PROBLEMAS: se encontraron {n} problemas (comprobación {tier} de {scope})";
    VerifyUnsignedNoteOne: "1 entry was added without the passphrase and is not yet signed; the next unlock signs it"
        | "1 anotación se agregó sin la contraseña y aún no está firmada; la próxima vez que abra la bóveda con la contraseña se firma";
    VerifyUnsignedNote: "{n} entries were added without the passphrase and are not yet signed; the next unlock signs them"
        | "{n} anotaciones se agregaron sin la contraseña y aún no están firmadas; la próxima vez que abra la bóveda con la contraseña se firman";
    VerifyLeftoverNote: "files in blobs/ that belong to no attachment: {n}; left by an interrupted attach or rekey, or recorded by another copy of vault.db (check with verify --receipt); the next command that asks for the passphrase removes interrupted writes and moves complete files to quarantine/ (nothing is deleted)"
        | "archivos de blobs/ que no son de ningún adjunto: {n}; quedaron de un adjunto o un cambio de clave interrumpido, o los anotó otra copia de vault.db (compruébelo con verify --receipt); el próximo comando que pida la contraseña quita las escrituras interrumpidas y mueve los archivos completos a quarantine/ (no se borra nada)";
    NoCheckpoint: "the vault has no signed checkpoint" | "la bóveda no tiene ningún punto de control firmado";
    ReceiptWritten: "Receipt for {size} ledger entries written to {path}" | "Comprobante de {size} entradas del registro escrito en {path}";
    ReceiptNote: "Keep it away from this computer (email it to your lawyer or print it). Vault fingerprint: {fp}"
        | "Guárdelo fuera de esta computadora (envíelo a su abogado o imprímalo). Huella de la bóveda: {fp}";
    // --- keys: passwd and receipt (verify_cmd.rs, commands.rs)
    PasswdReplacedTampered: "keyslot {slot}, which was just replaced, did not match what the vault's signed history commits to ({reason}): someone changed it without the passphrase. Its settings were not reused; run `vault verify` to see what else changed"
        | "el acceso {slot}, que se acaba de reemplazar, no coincidía con lo que sella la bitácora de la bóveda ({reason}): alguien lo cambió sin la contraseña. No se reusó su configuración; ejecute `vault verify` para ver qué más cambió";
    ReceiptNeedsPassphraseOne: "{n} ledger entry is not signed yet; the receipt needs the passphrase to sign it first (give --passphrase-file, or run on a terminal). `vault receipt --no-sign` writes a receipt that leaves it out"
        | "hay {n} anotación de la bitácora sin sellar; el comprobante necesita la contraseña para sellarla primero (indique --passphrase-file o ejecútelo en una terminal). `vault receipt --no-sign` escribe un comprobante que la deja fuera";
    ReceiptNeedsPassphraseMany: "{n} ledger entries are not signed yet; the receipt needs the passphrase to sign them first (give --passphrase-file, or run on a terminal). `vault receipt --no-sign` writes a receipt that leaves them out"
        | "hay {n} anotaciones de la bitácora sin sellar; el comprobante necesita la contraseña para sellarlas primero (indique --passphrase-file o ejecútelo en una terminal). `vault receipt --no-sign` escribe un comprobante que las deja fuera";
    ReceiptLeavesOutOne: "this receipt does not cover the newest ledger entry ({n}, logged since the passphrase was last used): a later copy of the vault without it would still pass `verify --receipt`. Run `vault receipt` with the passphrase to cover it"
        | "este comprobante no cubre la anotación más reciente de la bitácora ({n}, hecha desde el último uso de la contraseña): una copia posterior de la bóveda sin ella pasaría igual `verify --receipt`. Ejecute `vault receipt` con la contraseña para cubrirla";
    ReceiptLeavesOutMany: "this receipt does not cover the newest {n} ledger entries (logged since the passphrase was last used): a later copy of the vault without them would still pass `verify --receipt`. Run `vault receipt` with the passphrase to cover them"
        | "este comprobante no cubre las {n} anotaciones más recientes de la bitácora (hechas desde el último uso de la contraseña): una copia posterior de la bóveda sin ellas pasaría igual `verify --receipt`. Ejecute `vault receipt` con la contraseña para cubrirlas";
    // --- export_cmd.rs
    KeygenNote: "Give the public key above to the person exporting to you. Keep {path} secret and backed up: without it, bundles for you cannot be opened."
        | "Dé la clave pública de arriba a quien le vaya a enviar paquetes. Mantenga {path} en secreto y con copia de seguridad: sin ella no se pueden abrir los paquetes para usted.";
    BundlePassphrase: "Bundle passphrase" | "Contraseña del paquete";
    GiveRecipient: "give a recipient: --to age1... (or an SSH key), --to-file FILE, or --passphrase"
        | "indique un destinatario: --to age1... (o una clave SSH), --to-file ARCHIVO, o --passphrase";
    YesNo: "[y/N]" | "[s/N]";
    BadPolicy: "{path}: not a valid redaction policy: {detail}" | "{path}: no es una política de ocultación válida: {detail}";
    ChooseExport: "choose what to export: --entries ID..., --all, --tag TAG, or --since/--until"
        | "elija qué exportar: --entries ID..., --all, --tag ETIQUETA, o --since/--until";
    WouldCarryMetadata: "this bundle would carry identifying metadata:" | "este paquete llevaría metadatos que identifican:";
    MetadataHint: "  (use --strip-metadata to remove it from images, or --no-attachments)"
        | "  (use --strip-metadata para quitarlos de las imágenes, o --no-attachments)";
    MetadataNeedsConfirm: "not exporting identifying metadata without confirmation: add --allow-identifying-metadata, --strip-metadata or --no-attachments"
        | "no se exportan metadatos que identifican sin confirmación: añada --allow-identifying-metadata, --strip-metadata o --no-attachments";
    ExportAnyway: "Export it anyway?" | "¿Exportarlo de todos modos?";
    ExportWrote: "Wrote {path} ({records} incident(s), {attachments} attachment(s), {files} file(s), {withheld} field(s) withheld)"
        | "Escrito {path} ({records} incidente(s), {attachments} adjunto(s), {files} archivo(s), {withheld} dato(s) ocultados)";
    ExportRecorded: "export {id} is recorded in the vault's ledger; bundle SHA-256 {sha}"
        | "la exportación {id} queda anotada en el registro de la bóveda; SHA-256 del paquete {sha}";
    NoExports: "no exports yet" | "todavía no hay exportaciones";
    ExportsLine: "{id}  {at}  {kind} {records} incident(s), {attachments} attachment(s), {withheld} field(s) withheld, to {to}"
        | "{id}  {at}  {kind} {records} incidente(s), {attachments} adjunto(s), {withheld} dato(s) ocultados, para {to}";
    DiscloseWrote: "Wrote {path} (disclosure {id})" | "Escrito {path} (revelación {id})";
    GiveIdentity: "give --identity KEY or --passphrase" | "indique --identity CLAVE o --passphrase";
    BundleVerified: "VERIFIED" | "VERIFICADO";
    BundleNotVerified: "NOT VERIFIED" | "NO VERIFICADO";
    BundleHead: "{verdict}: {kind} bundle {id} exported {at}" | "{verdict}: paquete {kind} {id}, hecho el {at}";
    BundleVault: "Vault {id} — signing key fingerprint {fp}" | "Bóveda {id} — número de seguridad de la clave de firma {fp}";
    BundleConfirmFp: "Confirm this fingerprint with the person who kept the records (by phone or in person)."
        | "Confirme este número de seguridad con la persona que llevó los registros (por teléfono o en persona).";
    BundleCheckpoint: "Signed checkpoint covers {n} ledger entries." | "El sello firmado cubre {n} anotaciones de la bitácora.";
    BundleSupplements: "This is a later disclosure supplementing export {id}." | "Es una revelación posterior que completa la exportación {id}.";
    BundleRecord: "  record {id} (ledger leaf {leaf}): disclosed {disclosed}; withheld {withheld}"
        | "  incidente {id} (n.º {leaf} de la bitácora): datos revelados {disclosed}; datos ocultos {withheld}";
    BundleAttachment: "  attachment {id} (ledger leaf {leaf}): {carries}{sha}; withheld {withheld}"
        | "  adjunto {id} (n.º {leaf} de la bitácora): {carries}{sha}; datos ocultos {withheld}";
    BundleAllGood: "Every signature, inclusion proof, disclosed field and attachment hash checks out: the disclosed content is exactly what the vault recorded, and withheld parts are committed to by salted digests."
        | "Todas las firmas, pruebas de inclusión, datos revelados y códigos de control de los adjuntos son correctos: lo revelado es exactamente lo que anotó la bóveda, y las partes ocultas quedan selladas con un código con sal (hash con sal).";
    BundleProblems: "{n} problem(s):" | "{n} problema(s):";
    Nothing: "nothing" | "nada";
    NoneWord: "none" | "ninguno";
    BundleExtracted: "Extracted {n} file(s) into {path}; open report.html to read them."
        | "Se extrajeron {n} archivo(s) en {path}; abra report.html para leerlos.";
    // --- export_cmd.rs: bundles (recipients shown, passphrases, trusted senders, receipts)
    GenerateBundlePassphraseConflict: "--generate-passphrase makes the bundle passphrase itself: unset VAULT_BUNDLE_PASSPHRASE_FILE"
        | "--generate-passphrase crea la contraseña del paquete: quite VAULT_BUNDLE_PASSPHRASE_FILE";
    GeneratedBundlePassphrase: "\nThe bundle passphrase ({n} random words; this is the only time it is shown):\n\n    {passphrase}\n\nGive it to your lawyer by another way than the bundle (by phone or in person), never in the same email.\n"
        | "\nLa contraseña del paquete ({n} palabras al azar; es la única vez que se muestra):\n\n    {passphrase}\n\nDésela a su abogado o abogada por otro medio que el paquete (por teléfono o en persona), nunca en el mismo correo.\n";
    WeakBundlePassphrase: "the bundle passphrase is too easy to guess: anyone who gets a copy of the bundle can try passphrases without limit. Use five or more uncommon words, or --generate-passphrase to have one made up"
        | "la contraseña del paquete es muy fácil de adivinar: quien consiga una copia del paquete puede probar contraseñas sin límite. Use cinco palabras poco comunes o más, o --generate-passphrase para que se invente una";
    NoBundlePassphrase: "no bundle passphrase: set VAULT_BUNDLE_PASSPHRASE_FILE to a file that holds it, or run in a terminal"
        | "falta la contraseña del paquete: indique en VAULT_BUNDLE_PASSPHRASE_FILE un archivo que la contenga, o use una terminal";
    ExportRecipientsOne: "The bundle will be encrypted to this key:" | "El paquete se cifrará para esta clave:";
    ExportRecipientsMany: "The bundle will be encrypted to these {n} keys; each one can open it:"
        | "El paquete se cifrará para estas {n} claves; cualquiera de ellas puede abrirlo:";
    KeyFileHoldsMany: "the key file {path} holds {n} keys, not one: check that each of them belongs to your lawyer"
        | "el archivo de claves {path} contiene {n} claves, no una: compruebe que todas son de su abogado o abogada";
    ManyKeysNeedYes: "not exporting to several keys from one key file without confirmation: check the list above, then add --yes"
        | "no se exporta para varias claves de un mismo archivo sin confirmación: revise la lista de arriba y luego agregue --yes";
    EncryptToAll: "Encrypt to all of them?" | "¿Cifrar para todas?";
    PolicyDisclosesPrivate: "the redaction policy {path} shows the private parts of the narrative ([[...]]): they will be readable in the bundle"
        | "la política de ocultación {path} muestra las partes privadas del relato ([[...]]): se podrán leer en el paquete";
    PolicyNeedsConfirm: "not exporting private parts without confirmation: add --disclose-private (or --yes), or set \"disclose_private\": false in the policy"
        | "no se exportan partes privadas sin confirmación: agregue --disclose-private (o --yes), o ponga \"disclose_private\": false en la política";
    BundleKindExport: "export" | "de exportación";
    BundleKindDisclosure: "disclosure" | "de revelación";
    BundleSenderTrusted: "Sender: {name} (this fingerprint is in your list of trusted senders)."
        | "Remitente: {name} (este número de seguridad está en su lista de remitentes de confianza).";
    BundleSenderChanged: "SENDER CHANGED: you trust this vault as {name}'s with fingerprint {fp}; this bundle is signed by another key. Do not rely on it; call the sender."
        | "CAMBIÓ EL REMITENTE: usted confía en esta bóveda como de {name}, con el número de seguridad {fp}; este paquete lo firmó otra clave. No confíe en él; llame a quien se lo envió.";
    BundleSenderUnknown: "this fingerprint is not in your list of trusted senders. Once the sender confirms it, run: vault bundle trust '{fp}' --name NAME"
        | "este número de seguridad no está en su lista de remitentes de confianza. Cuando quien lo envió se lo confirme, ejecute: vault bundle trust '{fp}' --name NOMBRE";
    BundleReceiptSame: "The receipt (size {n}) is this bundle's signed checkpoint." | "El comprobante (tamaño {n}) es el sello firmado de este paquete.";
    BundleReceiptExtended: "This bundle contains everything the receipt (size {n}) covers: nothing signed before it was removed or changed."
        | "Este paquete contiene todo lo del comprobante (tamaño {n}): no se quitó ni se cambió nada de lo firmado antes.";
    BundleReceiptNewer: "The receipt (size {n}) is newer than this bundle's checkpoint (size {m}): expected if the bundle was made before the receipt. A bundle cannot vouch for a later checkpoint; check a newer bundle against this receipt to confirm nothing was rolled back."
        | "El comprobante (tamaño {n}) es más reciente que el sello de este paquete (tamaño {m}): es normal si el paquete se hizo antes del comprobante. Un paquete no puede responder por un sello posterior; verifique un paquete más nuevo con este comprobante para confirmar que nada se reemplazó por una copia más vieja.";
    BundleNotExtracted: "the bundle does not verify: nothing was extracted" | "el paquete no se pudo verificar: no se extrajo nada";
    NoStateDir: "no folder for per-user files: set VAULT_STATE_DIR" | "no hay carpeta para los archivos del usuario: indique VAULT_STATE_DIR";
    TrustAdded: "Trusted {name}: fingerprint {fp}" | "Remitente de confianza {name}: número de seguridad {fp}";
    TrustFileNote: "Saved in {path}. A bundle that claims this sender's vault under another key will now be refused."
        | "Se guardó en {path}. A partir de ahora se rechazará un paquete que diga venir de la bóveda de esta persona con otra clave.";
    // --- maint_cmd.rs
    GeneratePassphraseConflict: "--generate-passphrase makes the passphrase itself: do not also give --passphrase-file (or VAULT_PASSPHRASE_FILE)"
        | "--generate-passphrase crea la contraseña: no indique también --passphrase-file (ni VAULT_PASSPHRASE_FILE)";
    GeneratedPassphrase: "\nYour passphrase ({n} random words; this is the only time it is shown):\n\n    {passphrase}\n\nWrite it down on paper now and keep the paper safe. Without it nobody can open this vault.\n"
        | "\nSu contraseña ({n} palabras al azar; es la única vez que se muestra):\n\n    {passphrase}\n\nEscríbala ahora en papel y guarde el papel en un lugar seguro. Sin ella nadie puede abrir esta bóveda.\n";
    KeyslotColKind: "KIND" | "TIPO";
    KeyslotColKdf: "KDF" | "DERIVACIÓN DE CLAVE";
    KeyslotKdf: "Argon2id, {mib} MiB, {it} iterations, {lanes} lanes"
        | "Argon2id, {mib} MiB, {it} pasadas, {lanes} carriles";
    SlotPassphrase: "passphrase" | "contraseña";
    SlotRecovery: "recovery" | "recuperación";
    RecoveryCodeShown: "Recovery code (shown only this once):\n\n    {code}\n"
        | "Código de recuperación (se muestra solo esta vez):\n\n    {code}\n";
    RecoveryCodeWarn: "write the recovery code on paper and keep it away from this computer (a safe, or someone you trust). It opens the vault like your passphrase: anyone who finds it can read everything. Keyslot {id} added."
        | "escriba el código de recuperación en papel y guárdelo lejos de esta computadora (en una caja fuerte, o con alguien de confianza). Abre la bóveda igual que su contraseña: quien lo encuentre puede leerlo todo. Se añadió la ranura de clave {id}.";
    AdditionalPassphrase: "Additional passphrase" | "Contraseña adicional";
    KeyslotAdded: "keyslot added: the vault now opens with this passphrase too"
        | "ranura de clave añadida: la bóveda ahora también se abre con esta contraseña";
    KeyslotRemoved: "keyslot removed: its passphrase or recovery code no longer opens this vault (copies and backups made earlier still contain it)"
        | "ranura de clave quitada: su contraseña o código de recuperación ya no abre esta bóveda (las copias y copias de seguridad hechas antes todavía la contienen)";
    Reencrypting: "re-encrypting" | "volviendo a cifrar";
    Rekeyed: "Rekeyed: {records} record revisions, {attachments} attachments and {exports} export descriptions re-encrypted to a new master key ({recipient})"
        | "Clave maestra reemplazada: {records} revisiones de incidentes, {attachments} adjuntos y {exports} descripciones de exportaciones cifrados de nuevo con una clave maestra nueva ({recipient})";
    RekeyRemovedSlots: "removed {n} other keyslot(s) ({ids}): their recovery codes or passphrases no longer open the vault. Add a new recovery code with `vault keyslot add --recovery`."
        | "se quitaron otras {n} ranura(s) de clave ({ids}): sus códigos de recuperación o contraseñas ya no abren la bóveda. Añada un código de recuperación nuevo con `vault keyslot add --recovery`.";
    RekeyNote: "A master key exported earlier no longer reads this vault, but backups and copies made before now still open with the old key and passphrase: destroy them if they may be compromised. The signing key is unchanged, so earlier receipts still verify."
        | "Una clave maestra exportada antes ya no lee esta bóveda, pero las copias de seguridad y copias hechas hasta ahora todavía se abren con la clave y la contraseña anteriores: destrúyalas si pueden estar comprometidas. La clave de firma no cambia, así que los comprobantes anteriores siguen siendo válidos.";
    RekeyPassphraseNote: "If the passphrase itself may be known to someone else, change it too: `vault passwd`."
        | "Si alguien más puede conocer la contraseña, cámbiela también: `vault passwd`.";
    DestroyNeedsConfirm: "refusing to destroy the vault without confirmation: run it on a terminal, or pass --yes"
        | "no se destruye la bóveda sin confirmación: ejecútelo en una terminal, o indique --yes";
    DestroyPrompt: "This permanently destroys the vault at {path}: its keys are overwritten and nothing in it can be decrypted again, with any passphrase.\nType the vault fingerprint ({fp}) to confirm:"
        | "Esto destruye para siempre la bóveda en {path}: sus claves se sobrescriben y nada de lo que contiene se podrá volver a descifrar, con ninguna contraseña.\nEscriba la huella de la bóveda ({fp}) para confirmar:";
    DestroyMismatch: "the fingerprint does not match; nothing was destroyed" | "la huella no coincide; no se destruyó nada";
    Destroyed: "Destroyed the vault at {path} ({n} keyslot(s) and the signing key overwritten, files removed)"
        | "Se destruyó la bóveda en {path} ({n} ranura(s) de clave y la clave de firma sobrescritas, archivos borrados)";
    DestroyNote: "Backups and other copies of the vault are not affected."
        | "Las copias de seguridad y otras copias de la bóveda no se ven afectadas.";
    BackupWritten: "Backup of {entries} ledger entries and {attachments} attachments written to {path} ({size})"
        | "Copia de seguridad de {entries} entradas del registro y {attachments} adjuntos escrita en {path} ({size})";
    BackupNote: "It is encrypted like the vault and opens with the vault's current passphrase or recovery code. Keep a receipt (`vault receipt`) elsewhere to tell later whether a backup is out of date."
        | "Está cifrada como la bóveda y se abre con la contraseña o el código de recuperación actuales de la bóveda. Guarde un comprobante (`vault receipt`) en otro lugar para saber después si una copia está desactualizada.";
    Restored: "Restored vault {id} at {path} ({entries} ledger entries, {attachments} attachments)"
        | "Bóveda {id} restaurada en {path} ({entries} entradas del registro, {attachments} adjuntos)";
    RestoreNote: "Check it is not older than your newest receipt: vault verify --receipt RECEIPT"
        | "Compruebe que no es más antigua que su comprobante más reciente: vault verify --receipt COMPROBANTE";
    // --- output.rs labels
    LabelIncident: "Incident" | "Incidente";
    LabelRevision: "revision" | "revisión";
    LabelKind: "Kind" | "Tipo";
    LabelWhen: "When" | "Cuándo";
    LabelRecorded: "Recorded" | "Anotado";
    LabelWhere: "Where" | "Dónde";
    LabelAgents: "Agents" | "Agentes";
    LabelVehicles: "Vehicles" | "Vehículos";
    LabelWitnesses: "Witnesses" | "Testigos";
    LabelTags: "Tags" | "Etiquetas";
    LabelWhat: "What happened" | "Qué pasó";
    LabelAttachments: "Attachments" | "Adjuntos";
    LabelFiles: "Files to attach" | "Archivos que adjuntar";
    AttachedCount: "[{n} attached]" | "[{n} adjunto(s)]";
    TakenAt: "taken {t}" | "tomada el {t}";
    MetadataUnreadable: "metadata unreadable: {reason}" | "metadatos ilegibles: {reason}";
    IdentifyingItem: "! identifying: {item}" | "! identifica: {item}";
    PartyName: "name" | "nombre";
    PartyBadge: "badge" | "placa";
    PartyAgency: "agency" | "agencia";
    PartyPlate: "plate" | "matrícula";
    PartyContact: "contact" | "contacto";
    Around: "around" | "hacia";
    Between: "between" | "entre";
    And: "and" | "y";
    // --- guided.rs
    GuidedIntro: "Logging a new incident. Press Enter to skip any question; Ctrl-C stops without saving anything."
        | "Nuevo incidente. Pulse Intro para saltar cualquier pregunta; Ctrl-C para salir sin guardar nada.";
    GuidedKind: "What kind of incident was it?" | "¿Qué tipo de incidente fue?";
    GuidedKindPrompt: "Number or name [Enter = other]: " | "Número o nombre [Intro = otro]: ";
    GuidedKindBad: "Please type a number from 1 to {max}, or press Enter." | "Escriba un número del 1 al {max}, o pulse Intro.";
    GuidedWhen: "When did it happen? For example: 20 minutes ago, today 14:30, yesterday 3pm, around 3pm. [Enter = now]: "
        | "¿Cuándo pasó? Por ejemplo: hace 20 minutos, hoy 14:30, ayer 3pm, a eso de las 3pm. [Intro = ahora]: ";
    GuidedWhenIs: "  → {when}" | "  → {when}";
    GuidedWhere: "Where did it happen? (street, corner, place) [Enter = skip]: "
        | "¿Dónde pasó? (calle, esquina, lugar) [Intro = saltar]: ";
    GuidedWhat: "What happened? Write as many lines as you need; finish with an empty line (or Ctrl-D).\nPut [[double brackets]] around anything private, such as names or addresses."
        | "¿Qué pasó? Escriba las líneas que necesite; termine con una línea vacía (o Ctrl-D).\nPonga [[dobles corchetes]] alrededor de lo privado, como nombres o direcciones.";
    GuidedWhatAgain: "Please write it again." | "Escríbalo otra vez, por favor.";
    GuidedAgents: "Agents: one per line, e.g.  tall, grey jacket; name=Ruiz; badge=4411; agency=ICE  (empty line when done)"
        | "Agentes: uno por línea, p. ej.  alto, chaqueta gris; nombre=Ruiz; placa=4411; agencia=ICE  (línea vacía para terminar)";
    GuidedVehicles: "Vehicles: one per line, e.g.  grey SUV; plate=ABC1234  (empty line when done)"
        | "Vehículos: uno por línea, p. ej.  camioneta gris; matrícula=ABC1234  (línea vacía para terminar)";
    GuidedWitnesses: "Witnesses: one per line, e.g.  name=Ana; contact=555-0100  (empty line when done)"
        | "Testigos: uno por línea, p. ej.  nombre=Ana; contacto=555-0100  (línea vacía para terminar)";
    GuidedTags: "Tags, separated by commas [Enter = none]: " | "Etiquetas, separadas por comas [Intro = ninguna]: ";
    GuidedFiles: "Files to attach (photos, audio, video): one path per line (empty line when done)"
        | "Archivos que adjuntar (fotos, audio, video): una ruta por línea (línea vacía para terminar)";
    GuidedSummary: "Please check what will be saved:" | "Revise lo que se va a guardar:";
    GuidedSave: "Save this incident?" | "¿Guardar este incidente?";
    GuidedNotSaved: "nothing was saved" | "no se guardó nada";
    // --- report
    ReportNotEncrypted: "{path} is NOT encrypted: anyone who gets this file can read every incident in it. Keep it safe and delete it when you no longer need it."
        | "{path} NO está cifrado: quien obtenga este archivo puede leer todos los incidentes que contiene. Guárdelo bien y bórrelo cuando ya no lo necesite.";
    ReportConfirm: "Write this unencrypted file?" | "¿Escribir este archivo sin cifrar?";
    ReportNeedsYes: "not writing an unencrypted file without confirmation: add --yes"
        | "no se escribe un archivo sin cifrar sin confirmación: añada --yes";
    ReportBadFormat: "unknown report format {format}; use html, csv or json" | "formato de informe desconocido {format}; use html, csv o json";
    ReportWrote: "Wrote {path} ({n} incident(s), {format})" | "Escrito {path} ({n} incidente(s), {format})";
    ReportTitle: "Incident log" | "Registro de incidentes";
    ReportWarning: "This file is NOT encrypted. Anyone who gets it can read it. Keep it safe and delete it when you no longer need it."
        | "Este archivo NO está cifrado. Quien lo obtenga puede leerlo. Guárdelo bien y bórrelo cuando ya no lo necesite.";
    ReportIntro: "Written {date} from the vault with fingerprint {fp}. {n} incident(s), oldest first."
        | "Escrito el {date} desde la bóveda con huella {fp}. {n} incidente(s), del más antiguo al más reciente.";
    ReportPrivate: "Text marked like this was marked private in the vault." | "El texto marcado así se marcó como privado en la bóveda.";
    ReportTimeline: "Timeline" | "Cronología";
    ReportSummary: "Summary" | "Resumen";
    ReportEmpty: "No incidents." | "Ningún incidente.";
    // --- patterns
    PatternPlate: "plate" | "matrícula";
    PatternBadge: "badge" | "placa";
    PatternAgentName: "agent" | "agente";
    PatternVehicle: "vehicle" | "vehículo";
    PatternPlace: "place" | "lugar";
    PatternLine: "{what} {value}: {n} incidents, first {first}, last {last}"
        | "{what} {value}: {n} incidentes, primero {first}, último {last}";
    PatternIds: "    {ids}" | "    {ids}";
    NoPatterns: "no plate, badge, agent name, vehicle or place appears in more than one incident"
        | "ninguna matrícula, placa, nombre de agente, vehículo ni lugar aparece en más de un incidente";
    // --- clap errors (Spanish only in practice; English uses clap's own)
    ClapUnknownArgument: "unexpected argument {arg}" | "argumento inesperado {arg}";
    ClapInvalidSubcommand: "unknown command {arg}" | "comando desconocido {arg}";
    ClapInvalidValue: "invalid value {value} for {arg}" | "valor no válido {value} para {arg}";
    ClapMissingRequired: "missing required arguments: {arg}" | "faltan argumentos obligatorios: {arg}";
    ClapMissingSubcommand: "a command is needed" | "falta un comando";
    ClapConflict: "{arg} cannot be used with {other}" | "{arg} no se puede usar junto con {other}";
    ClapRepeated: "{arg} cannot be given more than once" | "{arg} no se puede indicar más de una vez";
    ClapValueCount: "wrong number of values for {arg}" | "número de valores incorrecto para {arg}";
    ClapOther: "the command line is not valid" | "la línea de comandos no es válida";
    ClapDidYouMean: "  did you mean {suggestion}?" | "  ¿quiso decir {suggestion}?";
    ClapPossible: "  possible values: {values}" | "  valores posibles: {values}";
    ClapMoreInfo: "For more information, try '--help'." | "Para más información, pruebe «--help».";
    // --- reads: what vanished, named at every unlock (src/vault/reads.rs)
    MissingIncident: "incident {id} is missing: the signed ledger records it, but it is no longer in the vault. vault never deletes incidents, so someone deleted it. Run `vault verify`, and keep a copy of the vault folder as it is."
        | "falta el incidente {id}: la bitácora firmada lo anota, pero ya no está en la bóveda. vault nunca borra incidentes, así que alguien lo borró. Ejecute `vault verify` y guarde una copia de la carpeta de la bóveda tal como está.";
    MissingRevision: "revision {rev} of incident {id} is missing: the signed ledger records it, but it is no longer in the vault, so someone deleted it. Run `vault verify`."
        | "falta la versión {rev} del incidente {id}: la bitácora firmada la anota, pero ya no está en la bóveda, así que alguien la borró. Ejecute `vault verify`.";
    MissingRollback: "revision {rev} of incident {id} is missing, so the older revision {shown} is shown in its place: someone deleted the newer one. Run `vault verify`, and keep a copy of the vault folder as it is."
        | "falta la versión {rev} del incidente {id}, así que en su lugar se muestra la versión {shown}, más vieja: alguien borró la más nueva. Ejecute `vault verify` y guarde una copia de la carpeta de la bóveda tal como está.";
    MissingAttachment: "attachment {att} of incident {id} is missing: the signed ledger records it, but it is no longer in the vault, so someone deleted it. Run `vault verify`."
        | "falta el adjunto {att} del incidente {id}: la bitácora firmada lo anota, pero ya no está en la bóveda, así que alguien lo borró. Ejecute `vault verify`.";
    // --- text: clear messages for wrong paths and files
    VaultPathIsFile: "{path} is a file, not a folder; --vault needs a folder (a new one is made if it does not exist)"
        | "{path} es un archivo, no una carpeta; --vault necesita una carpeta (si no existe, se crea una nueva)";
    NotABackup: "{path} is not a vault backup (a file made by `vault backup`); nothing was restored"
        | "{path} no es una copia de seguridad de vault (un archivo hecho con `vault backup`); no se restauró nada";
    StandardInput: "standard input" | "la entrada estándar";
    // --- store: the database and the blob folder against a folder attacker and damage
    WarnQuarantined: "{n} complete attachment file(s) in blobs/ belong to no attachment of this vault.db; they were moved to the quarantine/ folder of the vault, not deleted (it may be an attachment an older or newer copy of vault.db recorded); run `vault verify` for what to do"
        | "en blobs/ había archivos adjuntos completos que no son de ningún adjunto de este vault.db (cantidad: {n}); se movieron a la carpeta quarantine/ de la bóveda, sin borrarlos (pueden ser adjuntos que anotó otra copia de vault.db); ejecute `vault verify` para saber qué hacer";
    WarnLoosePermissions: "other users of this computer can read or change the vault's files ({paths}); make them private with: chmod -R go-rwx {dir}"
        | "otras personas que usan esta computadora pueden leer o cambiar los archivos de la bóveda ({paths}); hágalos privados con: chmod -R go-rwx {dir}";
}

/// The text of `m` in the current language.
pub fn t(m: Msg) -> &'static str {
    m.text(lang())
}

/// Replaces each `{name}` in `template` by its value.
pub fn fill(template: &str, args: &[(&str, &dyn fmt::Display)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), &value.to_string());
    }
    out
}

/// `tf!(Msg::X, path = p.display(), n = 3)`: the message in the current language with its
/// placeholders filled.
macro_rules! tf {
    ($m:expr $(, $name:ident = $val:expr)* $(,)?) => {
        $crate::cli::i18n::fill(
            $crate::cli::i18n::t($m),
            &[$((stringify!($name), &$val as &dyn std::fmt::Display)),*],
        )
    };
}
pub(crate) use tf;

/// Quotes a value the way the language does: `"x"` or `«x»`.
pub fn quote(text: &str) -> String {
    match lang() {
        Lang::En => format!("{text:?}"),
        Lang::Es => format!("«{text}»"),
    }
}

/// True for an answer that means yes (`y`, `yes`, `s`, `si`, `sí`), in either language.
pub fn is_yes(answer: &str) -> bool {
    matches!(
        answer.trim().to_lowercase().as_str(),
        "y" | "yes" | "s" | "si" | "sí"
    )
}

// ---------------------------------------------------------------------------
// Kinds of incident

/// The name of a kind in the current language (`followed` / `seguimiento`).
pub fn kind_name(k: Kind) -> &'static str {
    match lang() {
        Lang::En => k.as_str(),
        Lang::Es => kind_es(k),
    }
}

fn kind_es(k: Kind) -> &'static str {
    match k {
        Kind::Followed => "seguimiento",
        Kind::Photographed => "fotografiado",
        Kind::Contacted => "contacto",
        Kind::Visited => "visita",
        Kind::Raid => "redada",
        Kind::Arrest => "arresto",
        Kind::Online => "en línea",
        Kind::Other => "otro",
    }
}

/// A kind with a short explanation, for the guided menu.
pub fn kind_description(k: Kind) -> &'static str {
    match (lang(), k) {
        (Lang::En, Kind::Followed) => "followed: someone followed you, on foot or by car",
        (Lang::En, Kind::Photographed) => "photographed: agents photographed or filmed people",
        (Lang::En, Kind::Contacted) => "contacted: agents spoke to you or asked questions",
        (Lang::En, Kind::Visited) => "visited: agents came to a home, work or school",
        (Lang::En, Kind::Raid) => "raid",
        (Lang::En, Kind::Arrest) => "arrest: someone was detained",
        (Lang::En, Kind::Online) => "online: contact or surveillance online",
        (Lang::En, Kind::Other) => "other",
        (Lang::Es, Kind::Followed) => "seguimiento: le siguieron a pie o en vehículo",
        (Lang::Es, Kind::Photographed) => {
            "fotografiado: agentes fotografiaron o grabaron a personas"
        }
        (Lang::Es, Kind::Contacted) => "contacto: agentes le hablaron o le hicieron preguntas",
        (Lang::Es, Kind::Visited) => "visita: agentes vinieron a una casa, trabajo o escuela",
        (Lang::Es, Kind::Raid) => "redada",
        (Lang::Es, Kind::Arrest) => "arresto: detuvieron a alguien",
        (Lang::Es, Kind::Online) => "en línea: contacto o vigilancia por internet",
        (Lang::Es, Kind::Other) => "otro",
    }
}

/// Parses a kind typed in English or Spanish (`followed`, `seguimiento`, `me siguieron`, ...),
/// ignoring case and accents.
pub fn parse_kind(text: &str) -> vault::Result<Kind> {
    let key = vault::analysis::normalize_text(text).replace(['-', '_'], " ");
    let found = Kind::ALL.into_iter().find(|k| {
        key == k.as_str()
            || key == vault::analysis::normalize_text(kind_es(*k))
            || kind_aliases(*k).contains(&key.as_str())
    });
    found.ok_or_else(|| {
        let list = Kind::ALL.map(kind_name).join(", ");
        Error::Invalid(tf!(
            Msg::UnknownKind,
            kind = quote(text.trim()),
            list = list
        ))
    })
}

fn kind_aliases(k: Kind) -> &'static [&'static str] {
    match k {
        Kind::Followed => &["seguido", "seguida", "me siguieron", "persecucion"],
        Kind::Photographed => &[
            "foto",
            "fotos",
            "fotografia",
            "fotografiada",
            "grabado",
            "filmado",
        ],
        Kind::Contacted => &["contactado", "contactada", "abordado", "abordada"],
        Kind::Visited => &["visitado", "visitada"],
        Kind::Raid => &["operativo"],
        Kind::Arrest => &[
            "detencion",
            "detenido",
            "detenida",
            "arrestado",
            "arrestada",
        ],
        Kind::Online => &["internet", "en linea", "enlinea", "redes"],
        Kind::Other => &["otra", "otros"],
    }
}

// ---------------------------------------------------------------------------
// Times

/// A stored time as the reader's language writes it (`around …` becomes `hacia …`).
pub fn when_text(w: &When) -> String {
    let text = w.to_string();
    if lang() == Lang::En {
        return text;
    }
    if let Some(rest) = text.strip_prefix("around ") {
        format!("{} {rest}", t(Msg::Around))
    } else if let Some(rest) = text.strip_prefix("between ") {
        format!(
            "{} {}",
            t(Msg::Between),
            rest.replacen(" and ", &format!(" {} ", t(Msg::And)), 1)
        )
    } else {
        text
    }
}

const WHEN_HINT_ES: &str = "ahora, hoy 14:30, ayer 3pm, ayer a las 3 de la tarde, hace 2 horas, \
el lunes pasado por la mañana, 2026-11-20 14:30, 2026-11-20, a eso de las 3pm, \
entre las 2pm y las 4pm, o RFC 3339 (2026-11-20T14:30:00-05:00)";

/// Why a typed time was refused, in the current language.
pub fn when_error(e: &WhenError) -> String {
    if lang() == Lang::En {
        return e.to_string();
    }
    match e {
        WhenError::Empty => format!("no se indicó ninguna hora; pruebe: {WHEN_HINT_ES}"),
        WhenError::Unrecognized { input, .. } => {
            format!("no se entiende la hora {}; pruebe: {WHEN_HINT_ES}", quote(input))
        }
        WhenError::Invalid { input, .. } => {
            format!("la hora {} no es válida; pruebe: {WHEN_HINT_ES}", quote(input))
        }
        WhenError::Ambiguous { input, .. } => format!(
            "la hora {} es ambigua: diga am o pm, «de la mañana» o «de la tarde», o use 24 horas (15:00)",
            quote(input)
        ),
        WhenError::InFuture { input, resolved } => format!(
            "{} significa {resolved}, que está en el futuro; un incidente solo se puede registrar después de que ocurra",
            quote(input)
        ),
        WhenError::NonexistentLocalTime { input, local } => format!(
            "{}: {local} no existe en esta zona horaria (los relojes se adelantaron por el horario de verano); use una hora fuera del salto o indique el desfase UTC, p. ej. 2026-03-08T02:30:00-05:00",
            quote(input)
        ),
        WhenError::EndBeforeStart { input, start, end } => format!(
            "{}: el final ({end}) es anterior al comienzo ({start})",
            quote(input)
        ),
        // text: a time too far in the past
        WhenError::TooFarInPast { input } => format!(
            "{} queda demasiado lejos en el pasado (antes de {}); revise el número",
            quote(input),
            vault::when::EARLIEST_YEAR
        ),
    }
}

// ---------------------------------------------------------------------------
// Library errors

/// The text of a library error in `lang`: one line. The library's typed errors speak from the
/// message catalogues (`core-...` ids); the variants whose text the caller wrote are translated
/// here by pattern.
pub fn localized(err: &Error, lang: Lang) -> String {
    if lang == Lang::En {
        return err.text_in(lang);
    }
    match err {
        Error::WeakPassphrase(s) => detail_es(s),
        // No "entrada no válida:" before it (ES-GLOSSARY.md): the detail says what is wrong.
        Error::Invalid(s) => detail_es(s),
        Error::Damaged(s) => format!(
            "la bóveda está dañada: {} (ejecute `vault verify` para ver detalles)",
            detail_es(s)
        ),
        Error::Tampered(s) => format!(
            "alguien cambió la bóveda sin la contraseña: {}; no se firmó ni se guardó nada (ejecute `vault verify` para ver detalles)",
            detail_es(s)
        ),
        Error::Encrypt(s) => format!("no se pudo cifrar: {}", detail_es(s)),
        Error::Decrypt(s) => format!("no se pudo descifrar: {}", detail_es(s)),
        Error::Bundle(s) => detail_es(s),
        other => other.text_in(lang),
    }
}

/// An error as a short line under a question: an invalid-input error without its prefix.
pub fn error_detail(e: &Error) -> String {
    match (e, lang()) {
        (Error::Invalid(s), Lang::En) => s.clone(),
        (Error::Invalid(s), Lang::Es) => detail_es(s),
        (e @ (Error::Input(_) | Error::Conflict(_)), lang) => {
            e.detail_in(lang).unwrap_or_else(|| e.text_in(lang))
        }
        (other, lang) => localized(other, lang),
    }
}

/// Library details in English, by pattern (`*` matches any text, reused in order), with their
/// Spanish. Texts that match none are shown as they are.
const DETAILS_ES: &[(&str, &str)] = &[
    // src/export: bundle limits, bounded reads, trusted senders
    (
        "the bundle's age header has more than * recipient stanzas; a vault bundle never has so many; refusing before trying any key",
        "el encabezado age del paquete tiene más de * destinatarios; un paquete de vault nunca tiene tantos; se rechaza antes de probar ninguna clave",
    ),
    (
        "the bundle's age header is larger than * KiB; a vault bundle's never is; refusing before trying any key",
        "el encabezado age del paquete pasa de * KiB; el de un paquete de vault nunca es tan grande; se rechaza antes de probar ninguna clave",
    ),
    (
        "the bundle's passphrase asks for scrypt work factor *, above the limit of * (it would take * MiB of memory); refusing before deriving any key",
        "la contraseña del paquete pide un factor de trabajo scrypt de *, más que el límite de * (necesitaría * MiB de memoria); se rechaza antes de probar la contraseña",
    ),
    (
        "the bundle's passphrase asks for scrypt work factor *, above the limit of *; refusing before deriving any key",
        "la contraseña del paquete pide un factor de trabajo scrypt de *, más que el límite de *; se rechaza antes de probar la contraseña",
    ),
    (
        "the bundle's passphrase stanza is malformed; refusing",
        "la parte de la contraseña del paquete está mal formada; se rechaza",
    ),
    (
        "* is not a readable list of trusted senders: *",
        "* no es una lista legible de remitentes de confianza: *",
    ),
    (
        "a fingerprint is six groups of five digits, as `vault info` or `vault bundle verify` shows it",
        "un número de seguridad son seis grupos de cinco cifras, como lo muestran `vault info` o `vault bundle verify`",
    ),
    (
        "give the sender a name of 1 to * characters on one line",
        "dé al remitente un nombre de 1 a * caracteres en una sola línea",
    ),
    (
        "a vault id is 32 lowercase hexadecimal characters, as `vault info` shows it",
        "el identificador de una bóveda son 32 caracteres (cifras y letras a-f), como lo muestra `vault info`",
    ),
    (
        "vault * is already trusted with another fingerprint (*); remove that line from * first if the sender really has a new key",
        "la bóveda * ya es de confianza con otro número de seguridad (*); si de verdad el remitente tiene una clave nueva, quite antes esa línea de *",
    ),
    (
        "cannot write the trust file: *",
        "no se puede escribir la lista de remitentes de confianza: *",
    ),
    (
        "the earlier bundle * does not verify",
        "el paquete anterior * no se pudo verificar",
    ),
    (
        "a recipient is a private key; give counsel's public key (age1... or ssh-...) instead",
        "un destinatario es una clave privada; indique en su lugar la clave pública de la abogada o el abogado (age1... o ssh-...)",
    ),
    (
        "no incident matches the selection; nothing to export",
        "ningún incidente cumple la selección; no hay nada que exportar",
    ),
    (
        "the vault has no signed checkpoint",
        "la bóveda no tiene ningún punto de control firmado",
    ),
    (
        "give at least one recipient (--to, --to-file or --passphrase)",
        "indique al menos un destinatario (--to, --to-file o --passphrase)",
    ),
    (
        "--coarsen-location takes 0 to 6 decimal places",
        "--coarsen-location admite de 0 a 6 decimales",
    ),
    (
        "incident * has no field *",
        "el incidente * no tiene el dato *",
    ),
    (
        "incident * was not in export *",
        "el incidente * no estaba en la exportación *",
    ),
    (
        "attachment * of incident * is missing; an export of every incident would leave it out",
        "falta el adjunto * del incidente * (alguien lo borró); una exportación de todos los incidentes lo dejaría fuera",
    ),
    (
        "incident * revision * is missing (revision * is shown in its place); an export of every incident would leave it out",
        "del incidente * falta la versión * (alguien la borró; se muestra la versión *, más vieja); una exportación de todos los incidentes la dejaría fuera",
    ),
    (
        "incident * revision * is missing; an export of every incident would leave it out",
        "del incidente * falta la versión * (alguien la borró); una exportación de todos los incidentes la dejaría fuera",
    ),
    (
        "incident * is missing; an export of every incident would leave it out",
        "falta el incidente * (alguien lo borró); una exportación de todos los incidentes lo dejaría fuera",
    ),
];

/// Matches `text` against a `*` pattern; returns the captured parts.
fn glob(pattern: &str, text: &str) -> Option<Vec<String>> {
    let parts: Vec<&str> = pattern.split('*').collect();
    let mut rest = text.strip_prefix(parts[0])?;
    let mut caps = Vec::new();
    for (i, part) in parts.iter().enumerate().skip(1) {
        let last = i == parts.len() - 1;
        let at = if last {
            if part.is_empty() {
                Some(rest.len())
            } else {
                rest.strip_suffix(part).map(|r| r.len())
            }
        } else {
            rest.find(part)
        }?;
        caps.push(rest[..at].to_owned());
        rest = &rest[at + part.len()..];
    }
    (parts.len() > 1 || rest.is_empty()).then_some(caps)
}

/// The Spanish of a library detail, if it is a known one.
fn detail_es(text: &str) -> String {
    by_pattern(DETAILS_ES, text).unwrap_or_else(|| text.to_owned())
}

/// `text` rewritten by the first pattern of `table` it matches (captures reused in order).
fn by_pattern(table: &[(&str, &str)], text: &str) -> Option<String> {
    for (en, es) in table {
        if let Some(caps) = glob(en, text) {
            let mut out = String::new();
            let mut caps = caps.into_iter();
            for (i, piece) in es.split('*').enumerate() {
                if i > 0 {
                    out.push_str(&caps.next().unwrap_or_default());
                }
                out.push_str(piece);
            }
            return Some(out);
        }
    }
    None
}

// ---------------------------------------------------------------------------
// Problems found by `verify` and `bundle verify`, and attachment metadata

/// One problem of a verification report, as a line of the human output. English: the kind,
/// item and detail as the library wrote them. Spanish: the item translated by pattern and a
/// sentence for the kind (the English detail stays in `--json`).
///
/// The item and detail may quote planted text (a record id, a bundle's entry name): they are
/// shown terminal-safe, on this one line.
pub fn problem_line(kind: &str, item: &str, detail: &str) -> String {
    use super::terminal::inline;
    match lang() {
        Lang::En => format!("  [{}] {}: {}", inline(kind), inline(item), inline(detail)),
        Lang::Es => format!(
            "  {}: {}",
            inline(&problem_item_es(item)),
            problem_kind_es(kind)
        ),
    }
}

fn problem_item_es(item: &str) -> String {
    by_pattern(ITEMS_ES, item).unwrap_or_else(|| item.to_owned())
}

fn problem_kind_es(kind: &str) -> &'static str {
    PROBLEM_KINDS_ES
        .iter()
        .find(|(k, _)| *k == kind)
        .map(|(_, es)| *es)
        .unwrap_or("problema de integridad (vea los detalles con --json)")
}

/// The items problems are about (src/integrity.rs, src/ledger/, src/export/reader.rs), by
/// pattern; the first match wins.
const ITEMS_ES: &[(&str, &str)] = &[
    ("record * revision *", "incidente * revisión *"),
    ("record *", "incidente *"),
    ("attachment * of record *", "adjunto * del incidente *"),
    ("keyslot * (add)", "ranura de clave * (añadida)"),
    ("keyslot * (replace)", "ranura de clave * (reemplazada)"),
    ("keyslot * (remove)", "ranura de clave * (quitada)"),
    ("keyslot *", "ranura de clave *"),
    ("export *", "exportación *"),
    (
        "earlier checkpoint at size *",
        "punto de control anterior de tamaño *",
    ),
    ("checkpoint at size *", "punto de control de tamaño *"),
    (
        "rekey at ledger leaf *",
        "cambio de clave maestra en la hoja * del registro",
    ),
    (
        "re-encryption at ledger leaf *",
        "recifrado en la hoja * del registro",
    ),
    ("re-encryption of leaf *", "recifrado de la hoja *"),
    ("ledger leaf *", "hoja * del registro"),
    ("vault creation", "creación de la bóveda"),
    ("rekey", "cambio de clave maestra"),
    ("receipt", "comprobante"),
    ("vault metadata", "metadatos de la bóveda"),
    ("records", "incidentes"),
    ("checkpoints", "puntos de control"),
    ("checkpoint", "punto de control"),
    ("keyslots", "ranuras de clave"),
    ("manifest", "manifiesto"),
    ("archive", "archivo ZIP del paquete"),
];

/// A Spanish sentence for every problem kind the library reports (the unit tests check that
/// every kind in src/integrity.rs, src/ledger/rotation.rs and src/export/reader.rs is here).
const PROBLEM_KINDS_ES: &[(&str, &str)] = &[
    // src/integrity.rs (and src/ledger/rotation.rs, reported as `rekey`)
    ("database", "la base de datos de la bóveda está dañada"),
    // store: schema check and quarantine folder
    (
        "database_schema",
        "la base de datos de la bóveda tiene algo que vault nunca crea (un disparador, una vista, una tabla o un índice de más, o una tabla cambiada): alguien la modificó; vault no la usará",
    ),
    (
        "quarantine",
        "un archivo adjunto completo que no es de ningún adjunto de este vault.db se movió a la carpeta quarantine/ (no se borró); puede ser la única copia de un adjunto que anotó otra copia de vault.db; guárdelo hasta saber de dónde viene (con --json verá el comando para borrarlo)",
    ),
    (
        "rekey",
        "un cambio de clave maestra (vault rekey) no es coherente con lo anotado en el registro",
    ),
    ("ledger_gap", "faltan entradas en el registro"),
    // --- trust (seal, high-water mark, forged entries)
    (
        "trust_seal",
        "la marca de confianza de la bóveda falta, no la hizo su clave maestra, o ya no coincide con sus claves: alguien cambió la bóveda sin la contraseña",
    ),
    (
        "high_water",
        "la bitácora no continúa el último sello que firmó esta bóveda: alguien puso una copia más vieja, borró sellos o cambió anotaciones ya selladas",
    ),
    (
        "pin",
        "la bóveda no es la que esta computadora recuerda: otra clave, o una copia más vieja de la bitácora que la que ya vio sellada",
    ),
    (
        "forged_entry",
        "esta anotación de la bitácora solo la escribe un comando con contraseña, que la sella en el acto, pero no tiene sello: es falsa",
    ),
    (
        "leaf_hash",
        "el resumen guardado de esta hoja no corresponde a su entrada del registro",
    ),
    ("ledger_entry", "esta entrada del registro no se puede leer"),
    (
        "genesis",
        "el registro no empieza con la creación de esta bóveda, o la bóveda no es la que se creó",
    ),
    (
        "master_recipient",
        "el destinatario de la clave maestra no es el anotado al crear la bóveda o en el último cambio de clave",
    ),
    ("signing_key", "la clave pública de firma no es la esperada"),
    (
        "checkpoint_missing",
        "la bóveda no tiene ningún punto de control firmado",
    ),
    ("checkpoint_signature", "la firma del punto de control no es válida"),
    (
        "checkpoint_size",
        "el tamaño anotado en el punto de control no coincide",
    ),
    (
        "rollback",
        "la historia se volvió atrás o se reescribió: faltan o cambiaron entradas que ya estaban firmadas",
    ),
    (
        "checkpoint_root",
        "la raíz del registro no coincide con la firmada: se alteró la historia",
    ),
    (
        "checkpoint_consistency",
        "este punto de control no es coherente con el más reciente",
    ),
    (
        "record_ciphertext_hash",
        "los datos cifrados del incidente no coinciden con el resumen que guarda el registro: se modificaron",
    ),
    (
        "record_leaf",
        "la hoja del registro indicada no corresponde a este incidente",
    ),
    (
        "record_revisions",
        "las revisiones del incidente no son consecutivas desde la 1",
    ),
    (
        "record_missing",
        "falta el incidente: el registro lo anota pero no está guardado",
    ),
    ("record_decrypt", "el incidente no se puede descifrar"),
    ("record_decode", "el incidente descifrado no se puede leer"),
    (
        "attachment_leaf",
        "la hoja del registro indicada no corresponde a este adjunto",
    ),
    (
        "attachment_description_hash",
        "la descripción cifrada del adjunto no coincide con su entrada del registro",
    ),
    (
        "attachment_missing",
        "falta el adjunto o su archivo cifrado, aunque el registro lo anota",
    ),
    (
        "attachment_size",
        "el archivo cifrado del adjunto no tiene el tamaño que anota el registro",
    ),
    (
        "attachment_hash",
        "el archivo del adjunto no coincide con su resumen firmado: se modificó",
    ),
    (
        "attachment_unreadable",
        "el archivo cifrado del adjunto no se puede leer",
    ),
    ("attachment_decrypt", "el adjunto no se puede descifrar"),
    (
        "cache_segment",
        "un segmento de la caché del listado no está firmado por esta bóveda o está dañado; el próximo listado lo rehace",
    ),
    (
        "cache_item",
        "la caché del listado muestra este registro distinto de lo que guarda cifrado",
    ),
    // reads (src/integrity.rs, check_cache_items)
    (
        "cache_forged",
        "la caché del listado guarda una versión de este incidente que la bitácora firmada no respalda: alguien la falsificó; vault ya no la muestra",
    ),
    (
        "attachment_plaintext",
        "el contenido descifrado del adjunto no coincide con lo anotado",
    ),
    (
        "field_digest",
        "los datos no coinciden con los resúmenes firmados del registro",
    ),
    (
        "keyslot_hash",
        "la ranura de clave no coincide con el resumen que guarda el registro",
    ),
    // keys
    (
        "keyslot_kdf",
        "el acceso tiene una configuración de contraseña que este programa nunca escribe (por debajo del mínimo o absurda): alguien lo cambió",
    ),
    (
        "keyslot_stale",
        "la ranura de clave guardada es más antigua que su último cambio anotado en el registro",
    ),
    (
        "keyslot_leaf",
        "la hoja del registro indicada no corresponde a esta ranura de clave",
    ),
    (
        "keyslot_missing",
        "falta una ranura de clave que el registro anota, o la bóveda no tiene ninguna",
    ),
    (
        "export_hash",
        "la descripción de la exportación no coincide con su entrada del registro",
    ),
    (
        "export_leaf",
        "la hoja del registro indicada no corresponde a esta exportación",
    ),
    (
        "export_missing",
        "falta la exportación: el registro la anota pero no está guardada",
    ),
    (
        "receipt",
        "el comprobante no es un punto de control firmado por esta bóveda, o no se puede comprobar",
    ),
    // src/export/reader.rs
    (
        "bundle_entry",
        "la entrada del registro incluida en el paquete no es válida o no corresponde",
    ),
    (
        "inclusion_proof",
        "la prueba de inclusión no es válida: la entrada no está en el punto de control firmado",
    ),
    ("disclosure", "un dato revelado no es válido"),
    (
        "withheld",
        "la lista de datos ocultados no concuerda con la entrada del registro",
    ),
    (
        "fingerprint",
        "el número de seguridad que declara el paquete no corresponde a su clave de firma",
    ),
    ("missing_file", "falta un archivo en el paquete"),
    (
        "record_file",
        "el archivo del incidente en el paquete no coincide con lo firmado",
    ),
    (
        "attachment_file",
        "el archivo del adjunto en el paquete no se puede leer o no es coherente",
    ),
    (
        "unexpected_file",
        "el paquete contiene un archivo que el manifiesto no declara",
    ),
    ("supplement", "no concuerda con el paquete anterior"),
    (
        "consistency_proof",
        "el punto de control del paquete no prolonga de forma demostrable este anterior",
    ),
    // src/export/reader.rs: duplicates and who sent the bundle
    (
        "duplicate",
        "aparece más de una vez en el paquete: se rechaza, porque una copia podría esconder a la otra",
    ),
    (
        "fingerprint_mismatch",
        "el paquete lo firmó una clave con otro número de seguridad, no el que usted indicó",
    ),
    (
        "sender_changed",
        "CAMBIÓ EL REMITENTE: el paquete dice venir de una bóveda de confianza, pero lo firmó otra clave; alguien más lo hizo",
    ),
];

/// An identifying-metadata label of an attachment (`GPS position …`, `camera serial number …`,
/// `owner name …`, or an export plan's `incident … attachment … (name): …`) in the current
/// language.
pub fn identifying_text(item: &str) -> String {
    if lang() == Lang::En {
        return item.to_owned();
    }
    if let Some(c) = glob("incident * attachment * (*): *", item) {
        return format!(
            "incidente {} adjunto {} ({}): {}",
            c[0],
            c[1],
            c[2],
            identifying_text(&c[3])
        );
    }
    by_pattern(IDENTIFYING_ES, item).unwrap_or_else(|| item.to_owned())
}

const IDENTIFYING_ES: &[(&str, &str)] = &[
    ("GPS position *", "posición GPS *"),
    ("camera serial number *", "número de serie de la cámara *"),
    ("owner name *", "nombre del propietario *"),
];

/// Why an attachment's metadata could not be read (src/media.rs: `CONTEXT: error`), in the
/// current language; in Spanish only the context is said (the English error is in `--json`).
pub fn unreadable_reason(reason: &str) -> String {
    if lang() == Lang::En {
        return reason.to_owned();
    }
    let context = reason.split_once(':').map_or(reason, |(c, _)| c);
    match context {
        "cannot open file" => "no se pudo abrir el archivo".into(),
        "EXIF" => "los datos EXIF están dañados o no se reconocen".into(),
        "media container" => "el contenedor multimedia está dañado o no se reconoce".into(),
        _ => "el formato está dañado o no se reconoce".into(),
    }
}

// ---------------------------------------------------------------------------
// Command-line definitions and clap's own messages

/// The clap command in the current language.
pub fn command() -> Command {
    let cmd = Cli::command();
    match lang() {
        Lang::En => cmd,
        Lang::Es => localize_command(cmd, "", &help_table()),
    }
}

fn help_table() -> std::collections::HashMap<&'static str, &'static str> {
    HELP_ES.iter().copied().collect()
}

/// Placeholder names of values, in Spanish.
const VALUE_NAMES_ES: &[(&str, &str)] = &[
    ("FILE", "ARCHIVO"),
    ("FILES", "ARCHIVOS"),
    ("TIME", "HORA"),
    ("TEXT", "TEXTO"),
    ("TAG", "ETIQUETA"),
    ("KEY", "CLAVE"),
    ("RECIPIENT", "DESTINATARIO"),
    ("FIELD", "DATO"),
    ("EXPORT", "EXPORTACIÓN"),
    ("PATH", "RUTA"),
    ("KIND", "TIPO"),
    ("FORMAT", "FORMATO"),
    ("SHELL", "INTÉRPRETE"),
    ("LANG", "IDIOMA"),
    // bundles
    ("FINGERPRINT", "NÚMERO"),
    ("NAME", "NOMBRE"),
];

fn value_name_es(name: &str) -> Option<&'static str> {
    VALUE_NAMES_ES
        .iter()
        .find(|(en, _)| *en == name)
        .map(|(_, es)| *es)
}

/// Applies the table to a command and everything under it. `path` is "" for the root, else
/// the subcommand names joined by spaces ("bundle verify").
fn localize_command(
    mut cmd: Command,
    path: &str,
    table: &std::collections::HashMap<&'static str, &'static str>,
) -> Command {
    if let Some(about) = table.get(path) {
        cmd = cmd.about(*about).long_about(None::<&str>);
    }
    if let Some(after) = table.get(format!("{path}!").as_str()) {
        cmd = cmd.after_help(*after).after_long_help(None::<&str>);
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().as_str().to_owned())
        .collect();
    for id in ids {
        let help = table.get(format!("{path}:{id}").as_str()).copied();
        cmd = cmd.mut_arg(&id, |mut a| {
            if let Some(h) = help {
                a = a.help(h).long_help(None::<&str>);
            }
            let names: Option<Vec<String>> = a
                .get_value_names()
                .map(|ns| ns.iter().map(|n| n.to_string()).collect());
            let names = names.unwrap_or_else(|| {
                if a.is_positional() {
                    vec![a.get_id().as_str().to_uppercase()]
                } else {
                    vec![]
                }
            });
            let translated: Vec<&'static str> =
                names.iter().filter_map(|n| value_name_es(n)).collect();
            if !names.is_empty() && translated.len() == names.len() {
                a = a.value_names(translated);
            }
            a
        });
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in subs {
        let sub_path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        cmd = cmd.mut_subcommand(&name, |s| localize_command(s, &sub_path, table));
    }
    cmd.subcommand_value_name("COMANDO")
        .subcommand_help_heading("Comandos")
}

/// clap's fixed English words in help and usage text, with their Spanish.
const CLAP_WORDS_ES: &[(&str, &str)] = &[
    ("Usage:", "Uso:"),
    ("Options:", "Opciones:"),
    ("Arguments:", "Argumentos:"),
    ("Commands:", "Comandos:"),
    ("[OPTIONS]", "[OPCIONES]"),
    ("<COMMAND>", "<COMANDO>"),
    ("[COMMAND]", "[COMANDO]"),
    (
        "Print this message or the help of the given subcommand(s)",
        "Muestra esta ayuda o la del comando indicado",
    ),
    (
        "Print help (see more with '--help')",
        "Muestra la ayuda (más con «--help»)",
    ),
    (
        "Print help (see a summary with '-h')",
        "Muestra la ayuda (resumen con «-h»)",
    ),
    ("Print help", "Muestra la ayuda"),
    ("Print version", "Muestra la versión"),
    ("[env: ", "[variable: "),
    ("[default: ", "[por omisión: "),
    ("[possible values: ", "[valores posibles: "),
    (
        "For more information, try '--help'.",
        "Para más información, pruebe «--help».",
    ),
];

/// Help or usage text rendered by clap, with clap's own words in the current language.
pub fn clap_text(text: &str) -> String {
    clap_text_in(lang(), text)
}

fn clap_text_in(lang: Lang, text: &str) -> String {
    if lang == Lang::En {
        return text.to_owned();
    }
    let mut out = text.to_owned();
    for (en, es) in CLAP_WORDS_ES {
        out = out.replace(en, es);
    }
    out
}

fn ctx_string(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A clap parse error (not help or version) as Spanish text, ending in a newline.
pub fn clap_error_es(e: &clap::Error) -> String {
    let arg = ctx_string(e, ContextKind::InvalidArg)
        .or_else(|| ctx_string(e, ContextKind::InvalidSubcommand))
        .unwrap_or_default();
    let value = ctx_string(e, ContextKind::InvalidValue).unwrap_or_default();
    let main = match e.kind() {
        ErrorKind::UnknownArgument => tf!(Msg::ClapUnknownArgument, arg = quote(&arg)),
        ErrorKind::InvalidSubcommand => tf!(Msg::ClapInvalidSubcommand, arg = quote(&arg)),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            tf!(Msg::ClapInvalidValue, value = quote(&value), arg = arg)
        }
        ErrorKind::MissingRequiredArgument => tf!(Msg::ClapMissingRequired, arg = arg),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            t(Msg::ClapMissingSubcommand).to_owned()
        }
        ErrorKind::ArgumentConflict => {
            let other = ctx_string(e, ContextKind::PriorArg).unwrap_or_default();
            if other == arg {
                tf!(Msg::ClapRepeated, arg = arg)
            } else {
                tf!(Msg::ClapConflict, arg = arg, other = other)
            }
        }
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            tf!(Msg::ClapValueCount, arg = arg)
        }
        _ => t(Msg::ClapOther).to_owned(),
    };
    let mut out = format!("vault: {}: {main}\n", t(Msg::ErrorPrefix));
    let suggestion = ctx_string(e, ContextKind::SuggestedSubcommand)
        .or_else(|| ctx_string(e, ContextKind::SuggestedArg))
        .or_else(|| ctx_string(e, ContextKind::SuggestedValue));
    if let Some(s) = suggestion {
        out.push_str(&tf!(Msg::ClapDidYouMean, suggestion = quote(&s)));
        out.push('\n');
    }
    if let Some(values) = ctx_string(e, ContextKind::ValidValue) {
        out.push_str(&tf!(Msg::ClapPossible, values = values));
        out.push('\n');
    }
    if let Some(usage) = ctx_string(e, ContextKind::Usage) {
        out.push('\n');
        out.push_str(&clap_text(usage.trim_end()));
        out.push('\n');
    }
    out.push('\n');
    out.push_str(t(Msg::ClapMoreInfo));
    out.push('\n');
    out
}

/// Spanish help: `path` (the command), `path!` (its examples), `path:arg` (an argument).
pub const HELP_ES: &[(&str, &str)] = &[
    ("", "Un registro cifrado, a prueba de manipulaciones, de encuentros con agentes de inmigración y del orden."),
    ("!", "Ejemplos:\n  vault init\n  vault add                  (le pregunta cada dato)\n  vault add --kind seguimiento --when ahora --where 'Calle 5 y Juárez' --what 'una camioneta gris me siguió' --vehicle 'camioneta gris; matrícula=ABC1234'\n  vault list --since 'hace 3 días'\n  vault show 3f2a\n  vault verify"),
    (":vault", "Directorio de la bóveda (por omisión, el directorio de datos del sistema, p. ej. ~/.local/share/vault)."),
    (":passphrase_file", "Lee la contraseña de la primera línea de ARCHIVO (o /dev/fd/N) en vez de preguntarla."),
    (":json", "Imprime JSON para otros programas."),
    (":quiet", "Imprime solo lo pedido (sin barras de progreso ni notas)."),
    (":lang", "Idioma de los mensajes: en (inglés) o es (español). Por omisión, según LC_ALL, LC_MESSAGES o LANG."),
    // init
    ("init", "Crea una bóveda nueva (pide la contraseña dos veces)."),
    ("init!", "Ejemplos:\n  vault init\n  vault --vault /media/usb/vault --passphrase-file clave.txt init"),
    ("init:kdf_memory_mib", "Memoria de Argon2id en MiB (de 64 a 4096)."),
    ("init:kdf_iterations", "Pasadas de Argon2id (de 3 a 16; memoria por pasadas hasta 16 GiB)."),
    ("init:kdf_parallelism", "Carriles de Argon2id (de 4 a 16)."),
    ("init:generate_passphrase", "Inventa una contraseña fuerte (seis palabras al azar), la muestra una sola vez y la usa."),
    // add
    ("add", "Registra un incidente (no necesita la contraseña). Sin datos en la línea de comandos, en una terminal, le pregunta cada dato."),
    ("add!", "Ejemplos:\n  vault add                  (le pregunta cada dato, paso a paso)\n  vault add --kind fotografiado --when 'ayer 3pm' --where 'afuera de la clínica' --what 'Dos agentes tomaron fotos de la gente que entraba. [[Mi vecina Ana]] estaba conmigo.' --agent 'alto, chaqueta gris; placa=4411; agencia=ICE'\n  vault add --from-json incidente.json"),
    ("add:kind", "seguimiento, fotografiado, contacto, visita, redada, arresto, en-linea u otro (también en inglés: followed, photographed, contacted, visited, raid, arrest, online, other)."),
    ("add:when", "Cuándo pasó: ahora, 2026-11-20 14:30, 2026-11-20, RFC 3339, ayer 3pm, hace 2 horas, a eso de las 3pm, ..."),
    ("add:location", "Dónde pasó (texto libre)."),
    ("add:coords", "Coordenadas como LAT,LON en grados decimales."),
    ("add:narrative", "Qué pasó. Ponga [[dobles corchetes]] alrededor de lo privado (nombres, direcciones)."),
    ("add:agents", "Un agente: texto libre y/o `nombre=..; placa=..; agencia=..` (se puede repetir)."),
    ("add:vehicles", "Un vehículo: texto libre y/o `matrícula=..` (se puede repetir)."),
    ("add:witnesses", "Un testigo: texto libre y/o `nombre=..; contacto=..` (se puede repetir)."),
    ("add:tags", "Una etiqueta (se puede repetir)."),
    ("add:from_json", "Lee el incidente como JSON (las claves que imprime `show --json`) de ARCHIVO, o de la entrada estándar con -."),
    ("add:attach", "Archivos que adjuntar."),
    ("add:remove_original", "Sobrescribe y borra los originales una vez guardadas las copias cifradas."),
    // list
    ("list", "Lista los incidentes, del más reciente al más antiguo."),
    ("list!", "Ejemplos:\n  vault list\n  vault list --since 2026-09-01 --until 'hace 1 semana'\n  vault list --kind redada --tag escuela --with-attachments"),
    ("list:since", "Solo incidentes desde esta fecha u hora (p. ej. 2026-09-01, 'hace 3 días', 'el lunes pasado')."),
    ("list:until", "Solo incidentes hasta esta fecha u hora (una fecha sola incluye todo ese día)."),
    ("list:kind", "Solo incidentes de este tipo."),
    ("list:tag", "Solo incidentes con esta etiqueta."),
    ("list:with_attachments", "Solo incidentes con algún adjunto."),
    // search
    ("search", "Busca texto en todos los datos de los incidentes (sin distinguir mayúsculas ni acentos)."),
    ("search!", "Ejemplos:\n  vault search ABC1234\n  vault search camioneta gris          (todas las palabras deben aparecer)\n  vault search ruiz --since 2026-09-01 --json"),
    ("search:text", "Las palabras que buscar; un incidente coincide si contiene todas."),
    ("search:since", "Solo incidentes desde esta fecha u hora."),
    ("search:until", "Solo incidentes hasta esta fecha u hora."),
    ("search:kind", "Solo incidentes de este tipo."),
    ("search:tag", "Solo incidentes con esta etiqueta."),
    ("search:with_attachments", "Solo incidentes con algún adjunto."),
    // patterns
    ("patterns", "Muestra matrículas, placas, nombres de agentes, vehículos y lugares que se repiten en varios incidentes."),
    ("patterns!", "Ejemplos:\n  vault patterns\n  vault patterns --since 'hace 90 días'\n  vault patterns --min 3 --json"),
    ("patterns:since", "Solo incidentes desde esta fecha u hora."),
    ("patterns:until", "Solo incidentes hasta esta fecha u hora."),
    ("patterns:kind", "Solo incidentes de este tipo."),
    ("patterns:tag", "Solo incidentes con esta etiqueta."),
    ("patterns:with_attachments", "Solo incidentes con algún adjunto."),
    ("patterns:min", "Mostrar solo lo que aparece en al menos N incidentes (mínimo 2)."),
    // report
    ("report", "Escribe un informe SIN CIFRAR para usted: HTML imprimible con la cronología, o CSV/JSON para sus propios análisis."),
    ("report!", "Ejemplos:\n  vault report --out informe.html\n  vault report --format csv --out incidentes.csv --since 2026-09-01\n  vault report --format json --out incidentes.json --yes"),
    ("report:out", "El archivo que escribir (nunca se sobrescribe)."),
    ("report:format", "html, csv o json (por omisión, según la extensión de --out; si no, html)."),
    ("report:yes", "No preguntar: confirma de antemano que se escriba un archivo sin cifrar."),
    ("report:since", "Solo incidentes desde esta fecha u hora."),
    ("report:until", "Solo incidentes hasta esta fecha u hora."),
    ("report:kind", "Solo incidentes de este tipo."),
    ("report:tag", "Solo incidentes con esta etiqueta."),
    ("report:with_attachments", "Solo incidentes con algún adjunto."),
    // show
    ("show", "Muestra un incidente completo."),
    ("show!", "Ejemplo:\n  vault show 3f2a          (basta con el comienzo del identificador, si es único)"),
    ("show:id", "Identificador del incidente o su comienzo, si es único."),
    ("show:history", "Muestra todas las revisiones, de la más antigua a la más reciente."),
    // amend
    ("amend", "Anota una corrección como revisión nueva (la anterior se conserva)."),
    ("amend!", "Ejemplo:\n  vault amend 3f2a --where 'esquina de Main St y la 6'"),
    ("amend:id", "Identificador del incidente o su comienzo, si es único."),
    ("amend:kind", "seguimiento, fotografiado, contacto, visita, redada, arresto, en-linea u otro."),
    ("amend:when", "Cuándo pasó: ahora, 2026-11-20 14:30, 2026-11-20, RFC 3339, ayer 3pm, ..."),
    ("amend:location", "Dónde pasó (texto libre)."),
    ("amend:coords", "Coordenadas como LAT,LON en grados decimales."),
    ("amend:narrative", "Qué pasó. Ponga [[dobles corchetes]] alrededor de lo privado (nombres, direcciones)."),
    ("amend:agents", "Un agente: texto libre y/o `nombre=..; placa=..; agencia=..` (se puede repetir)."),
    ("amend:vehicles", "Un vehículo: texto libre y/o `matrícula=..` (se puede repetir)."),
    ("amend:witnesses", "Un testigo: texto libre y/o `nombre=..; contacto=..` (se puede repetir)."),
    ("amend:tags", "Una etiqueta (se puede repetir)."),
    // attach
    ("attach", "Adjunta fotos, audio o video a un incidente (no necesita la contraseña)."),
    ("attach!", "Ejemplo:\n  vault attach 3f2a foto.jpg mensaje.m4a --remove-original"),
    ("attach:id", "Identificador del incidente o su comienzo, si es único."),
    ("attach:files", "Archivos que adjuntar."),
    ("attach:remove_original", "Sobrescribe y borra los originales una vez guardadas las copias cifradas."),
    // extract
    ("extract", "Descifra un adjunto y comprueba su SHA-256."),
    ("extract!", "Ejemplo:\n  vault extract 3f2a --attachment 1 --out ~/Escritorio/foto.jpg"),
    ("extract:id", "Identificador del incidente o su comienzo, si es único."),
    ("extract:attachment", "Qué adjunto, contando desde 1 en el orden en que los lista `show`."),
    ("extract:out", "Escribe en este archivo nuevo (nunca se sobrescribe)."),
    ("extract:stdout", "Escribe en la salida estándar."),
    // passwd
    ("passwd", "Cambia la contraseña (no vuelve a cifrar nada)."),
    ("passwd!", "Ejemplo:\n  vault passwd"),
    ("passwd:new_passphrase_file", "Lee la contraseña nueva de la primera línea de ARCHIVO en vez de preguntarla."),
    // keys: passwd parameters, receipt --no-sign
    ("passwd:kdf_memory_mib", "Memoria de Argon2id en MiB para el acceso nuevo (al menos 64; si no indica ninguna opción --kdf: 256 por defecto, o la del acceso anterior si es mayor)."),
    ("passwd:kdf_iterations", "Pasadas de Argon2id para el acceso nuevo (de 3 a 16)."),
    ("passwd:kdf_parallelism", "Carriles de Argon2id para el acceso nuevo (de 4 a 16)."),
    // info
    ("info", "Muestra la versión de formato, la huella, los parámetros de derivación de clave y los recuentos (sin contraseña)."),
    ("info!", "Ejemplo:\n  vault info\n  vault info --json"),
    // key
    ("key", "Operaciones con la clave maestra."),
    ("key!", "Ejemplo:\n  vault key export --out clave-maestra.txt"),
    ("key export", "Escribe la clave maestra como archivo de identidad age estándar (quien lo tenga puede leerlo todo)."),
    ("key export!", "Ejemplo:\n  vault key export --out /media/usb/clave-maestra.txt"),
    ("key export:out", "El archivo nuevo que escribir (modo 0600; nunca se sobrescribe)."),
    // verify
    ("verify", "Comprueba toda la bóveda en busca de daños o manipulaciones."),
    ("verify!", "Ejemplos:\n  vault verify                      (en una terminal pide la contraseña para una comprobación completa)\n  vault verify --receipt comprobante.txt"),
    ("verify:full", "Además descifra todo y comprueba cada resumen de datos y de adjuntos (necesita la contraseña)."),
    ("verify:receipt", "Demuestra que el registro de la bóveda prolonga este comprobante anterior (detecta vueltas atrás)."),
    // receipt
    ("receipt", "Escribe el punto de control firmado actual como un comprobante breve para guardar en otro lugar."),
    ("receipt!", "Ejemplos:\n  vault receipt --out comprobante.txt   (pide la contraseña si hay anotaciones sin sellar; envíelo a su abogado o imprímalo)\n  vault receipt --no-sign --out comprobante.txt   (sin contraseña: deja fuera lo anotado desde el último uso de la contraseña)"),
    ("receipt:out", "El archivo nuevo que escribir."),
    ("receipt:no_sign", "No pide la contraseña: escribe el último sello firmado tal como está y deja fuera (con un aviso) lo anotado desde el último uso de la contraseña."),
    // keygen
    ("keygen", "Crea una clave age para la defensa legal (imprime la clave pública que hay que dar a quien exporta)."),
    ("keygen!", "Ejemplo:\n  vault keygen --out abogada.key"),
    ("keygen:out", "El archivo de identidad nuevo (modo 0600; nunca se sobrescribe)."),
    // export
    ("export", "Exporta un paquete cifrado, verificable y con datos ocultados, para la defensa legal."),
    ("export!", "Ejemplos:\n  vault export --to age1... --all --redact witnesses --out caso.age\n  vault export --to-file abogada.pub --since 2026-09-01 --until 2026-11-30 --strip-metadata --out caso.age\n  vault export --passphrase --entries 3f2a 9b1c --redact 3f2a:location --out caso.age"),
    ("export:to", "Un destinatario: una clave pública age (age1...) o SSH (ssh-ed25519/ssh-rsa). Se puede repetir."),
    ("export:to_file", "Un archivo de destinatarios, uno por línea (se admiten comentarios con #). Se puede repetir."),
    ("export:passphrase", "Cifra con una contraseña (se pregunta dos veces, o se lee de VAULT_BUNDLE_PASSPHRASE_FILE)."),
    ("export:generate_passphrase", "Cifra con una contraseña fuerte inventada para usted (seis palabras al azar), que se muestra una sola vez."),
    ("export:yes", "Confirma de antemano: cifrar para todas las claves de un archivo de claves, y aplicar una política que muestra partes privadas (necesario fuera de una terminal)."),
    ("export:entries", "Exporta estos incidentes (identificadores o sus comienzos)."),
    ("export:all", "Exporta todos los incidentes."),
    ("export:since", "Exporta incidentes desde esta fecha u hora."),
    ("export:until", "Exporta incidentes hasta esta fecha u hora."),
    ("export:tag", "Exporta los incidentes con esta etiqueta."),
    ("export:redact", "Oculta un dato de todos los incidentes (DATO) o de uno (ID:DATO). Datos: kind, when, location, narrative, agents, vehicles, witnesses, tags, attachments, recorded_at. Se puede repetir."),
    ("export:redact_policy", "Una política de ocultación en JSON (vea docs/cli.md)."),
    ("export:coarsen_location", "Oculta la ubicación exacta; revela coordenadas redondeadas a N decimales, marcadas como derivadas."),
    ("export:disclose_private", "Revela también las partes [[privadas]] del relato (por omisión se ocultan)."),
    ("export:strip_metadata", "Exporta copias de las imágenes sin los metadatos que identifican (GPS, números de serie, XMP, notas del fabricante)."),
    ("export:no_attachments", "No incluye los archivos adjuntos (sus resúmenes sí se incluyen)."),
    ("export:allow_identifying_metadata", "Confirma de antemano que se pueden exportar metadatos que identifican (necesario fuera de una terminal)."),
    ("export:out", "El paquete que escribir (nunca se sobrescribe)."),
    // exports
    ("exports", "Lista todas las exportaciones hechas desde esta bóveda (el registro de revelaciones)."),
    ("exports!", "Ejemplo:\n  vault exports"),
    // disclose
    ("disclose", "Revela un dato ocultado en una exportación anterior, como un paquete pequeño y verificable."),
    ("disclose!", "Ejemplo:\n  vault disclose --bundle-of 5e1c --entry 3f2a --field witnesses --to age1... --out testigos.age"),
    ("disclose:to", "Un destinatario: una clave pública age (age1...) o SSH (ssh-ed25519/ssh-rsa). Se puede repetir."),
    ("disclose:to_file", "Un archivo de destinatarios, uno por línea (se admiten comentarios con #). Se puede repetir."),
    ("disclose:passphrase", "Cifra con una contraseña (se pregunta dos veces, o se lee de VAULT_BUNDLE_PASSPHRASE_FILE)."),
    ("disclose:generate_passphrase", "Cifra con una contraseña fuerte inventada para usted (seis palabras al azar), que se muestra una sola vez."),
    ("disclose:yes", "Confirma de antemano: cifrar para todas las claves de un archivo de claves (necesario fuera de una terminal)."),
    ("disclose:bundle_of", "El identificador (o su comienzo) de la exportación anterior, como lo lista `vault exports`."),
    ("disclose:entry", "El incidente cuyo dato se revela."),
    ("disclose:fields", "El dato que revelar (se puede repetir); `narrative.private` revela todas las partes privadas."),
    ("disclose:out", "El paquete de revelación que escribir."),
    // bundle
    ("bundle", "Del lado de la defensa: verifica o abre un paquete."),
    ("bundle!", "Ejemplos:\n  vault bundle verify caso.age --identity abogada.key\n  vault bundle open caso.age --identity abogada.key --out caso/"),
    ("bundle verify", "Comprueba un paquete: firma, pruebas de inclusión, datos revelados, resúmenes de adjuntos."),
    ("bundle verify!", "Ejemplo:\n  vault bundle verify caso.age --identity abogada.key"),
    ("bundle verify:file", "El archivo del paquete."),
    ("bundle verify:identity", "Un archivo de identidad age o una clave privada OpenSSH sin cifrar."),
    ("bundle verify:passphrase", "El paquete se cifró con una contraseña (se pregunta, o se lee de VAULT_BUNDLE_PASSPHRASE_FILE)."),
    ("bundle verify:earlier", "Un paquete anterior que este completa (una revelación posterior): comprueba que concuerdan."),
    ("bundle verify:receipt", "Un comprobante recibido antes de quien lleva los registros: comprueba que este paquete lo prolonga."),
    ("bundle verify:expect_fingerprint", "Falla si el paquete no lo firmó la clave con este número de seguridad (para programas)."),
    ("bundle open", "Verifica un paquete y lo extrae en un directorio nuevo."),
    ("bundle open!", "Ejemplo:\n  vault bundle open caso.age --identity abogada.key --out caso/"),
    ("bundle open:file", "El archivo del paquete."),
    ("bundle open:identity", "Un archivo de identidad age o una clave privada OpenSSH sin cifrar."),
    ("bundle open:passphrase", "El paquete se cifró con una contraseña (se pregunta, o se lee de VAULT_BUNDLE_PASSPHRASE_FILE)."),
    ("bundle open:out", "El directorio que crear."),
    ("bundle open:receipt", "Un comprobante recibido antes de quien lleva los registros: comprueba que este paquete contiene todo lo del comprobante."),
    ("bundle open:expect_fingerprint", "Falla si el paquete no lo firmó la clave con este número de seguridad (para programas)."),
    ("bundle trust", "Confía en el número de seguridad de un remitente (que le leyó por teléfono o en persona), con un nombre."),
    ("bundle trust!", "Ejemplo:\n  vault bundle trust '04561 46287 45811 42252 45019 28186' --name 'Ana R.'"),
    ("bundle trust:fingerprint", "El número de seguridad: seis grupos de cinco cifras (entre comillas)."),
    ("bundle trust:name", "Quién es el remitente, como usted lo reconocerá."),
    ("bundle trust:vault_id", "El identificador de la bóveda del remitente (`vault info`), si lo sabe; si no, se aprende del primer paquete que se verifique con este número."),
    // keyslots and maintenance
    ("keyslot", "Gestiona las ranuras de clave: listarlas, añadir un código de recuperación u otra contraseña, quitar una."),
    ("keyslot!", "Ejemplos:\n  vault keyslot list\n  vault keyslot add --recovery\n  vault keyslot remove 3f2a"),
    ("keyslot list", "Lista las ranuras de clave: identificador, tipo y parámetros de derivación de clave (sin contraseña)."),
    ("keyslot add", "Añade una ranura de clave: un código de recuperación (--recovery) u otra contraseña."),
    ("keyslot add!", "Ejemplos:\n  vault keyslot add --recovery      (muestra un código de recuperación una sola vez: escríbalo en papel)\n  vault keyslot add                 (pide otra contraseña)"),
    ("keyslot add:recovery", "Añade un código de recuperación generado en vez de una contraseña."),
    ("keyslot add:new_passphrase_file", "Lee la contraseña nueva de la primera línea de ARCHIVO en vez de preguntarla."),
    ("keyslot remove", "Quita una ranura de clave (nunca la última, ni la última con contraseña)."),
    ("keyslot remove!", "Ejemplo:\n  vault keyslot remove 3f2a"),
    ("keyslot remove:id", "Identificador de la ranura o su comienzo, si es único (vea `vault keyslot list`)."),
    ("rekey", "Reemplaza la clave maestra ante una sospecha de compromiso (vuelve a cifrar todo; se quitan las demás ranuras de clave)."),
    ("rekey!", "Ejemplos:\n  vault rekey\n  vault rekey --new-passphrase      (cambia también la contraseña)"),
    ("rekey:new_passphrase", "Cambia también la contraseña (se pregunta dos veces en la terminal)."),
    ("rekey:new_passphrase_file", "Cambia también la contraseña, leyendo la nueva de la primera línea de ARCHIVO."),
    ("destroy", "Borrado criptográfico de la bóveda: sobrescribe sus claves y luego la elimina. Consulte antes con un abogado (vea SECURITY.md)."),
    ("destroy!", "Ejemplo:\n  vault destroy                     (le pide que escriba la huella)"),
    ("destroy:yes", "No pedir la huella como confirmación."),
    ("backup", "Escribe toda la bóveda (todavía cifrada) en un archivo de copia de seguridad; se puede hacer mientras corren otros comandos."),
    ("backup!", "Ejemplo:\n  vault backup --out /media/usb/vault-2026-11-20.backup"),
    ("backup:out", "El archivo de copia que escribir (nunca se sobrescribe)."),
    ("restore", "Recrea una bóveda a partir de una copia de seguridad en un directorio nuevo (--vault DIR)."),
    ("restore!", "Ejemplos:\n  vault --vault ~/restaurada restore /media/usb/vault-2026-11-20.backup\n  vault --vault ~/restaurada verify --receipt comprobante.txt"),
    ("restore:file", "El archivo de copia escrito por `vault backup`."),
    // completions, man
    ("completions", "Imprime el guion de autocompletado para un intérprete de órdenes."),
    ("completions!", "Ejemplos:\n  vault completions bash > ~/.local/share/bash-completion/completions/vault\n  vault completions zsh > ~/.zfunc/_vault\n  vault completions fish > ~/.config/fish/completions/vault.fish"),
    ("completions:shell", "bash, zsh, fish, elvish o powershell."),
    ("man", "Imprime la página de manual (roff)."),
    ("man!", "Ejemplo:\n  vault man > vault.1 && man ./vault.1\n  vault --lang es man > vault.1      (en español)"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeSet, HashMap};

    fn placeholders(s: &str) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        let mut rest = s;
        while let Some(i) = rest.find('{') {
            let after = &rest[i + 1..];
            match after.find('}') {
                Some(j) => {
                    out.insert(after[..j].to_owned());
                    rest = &after[j + 1..];
                }
                None => break,
            }
        }
        out
    }

    #[test]
    fn every_message_has_the_same_placeholders_in_every_language() {
        for m in Msg::ALL {
            let en = m.text(Lang::En);
            let es = m.text(Lang::Es);
            assert!(!en.is_empty() && !es.is_empty(), "{m:?}");
            assert_eq!(placeholders(en), placeholders(es), "{m:?}");
        }
    }

    #[test]
    fn language_detection() {
        let args = |v: &[&str]| v.iter().map(OsString::from).collect::<Vec<_>>();
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        let none: &[(&str, &str)] = &[];
        assert_eq!(detect_with(&args(&["vault", "list"]), env(none)), Lang::En);
        let mx: &[(&str, &str)] = &[("LANG", "es_MX.UTF-8")];
        assert_eq!(detect_with(&args(&["vault"]), env(mx)), Lang::Es);
        assert_eq!(
            detect_with(&args(&["vault", "--lang", "en"]), env(mx)),
            Lang::En
        );
        assert_eq!(
            detect_with(&args(&["vault", "list", "--lang=es"]), env(none)),
            Lang::Es
        );
        assert_eq!(
            detect_with(&args(&["vault", "add", "--", "--lang", "es"]), env(none)),
            Lang::En
        );
        let all: &[(&str, &str)] = &[("LC_ALL", "C"), ("LANG", "es_ES.UTF-8")];
        assert_eq!(detect_with(&args(&["vault"]), env(all)), Lang::En);
        let msgs: &[(&str, &str)] = &[("LC_ALL", ""), ("LC_MESSAGES", "es_AR"), ("LANG", "C")];
        assert_eq!(detect_with(&args(&["vault"]), env(msgs)), Lang::Es);
    }

    #[test]
    fn library_details_translate_by_pattern() {
        assert_eq!(
            detail_es("incident 3f2a has no field agents"),
            "el incidente 3f2a no tiene el dato agents"
        );
        assert_eq!(detail_es("something new"), "something new");
        assert_eq!(glob("a * b", "a x b"), Some(vec!["x".into()]));
        assert_eq!(glob("exact", "exact"), Some(vec![]));
        assert_eq!(glob("exact", "exactly"), None);
        let e = Error::WrongPassphrase;
        assert_eq!(localized(&e, Lang::En), e.text_in(Lang::En));
        assert!(localized(&e, Lang::Es).contains("contraseña incorrecta"));
        // Typed library errors speak from the catalogue, not from these patterns.
        let e = Error::Input(vault::error::Input::NoAttachment {
            record: "3f2a".into(),
            number: 13,
            count: 2,
        });
        assert_eq!(
            localized(&e, Lang::Es),
            "el incidente 3f2a no tiene el adjunto 13 (tiene 2)"
        );
    }

    /// The kind strings passed to `add(`/`problem(` (and chosen by `=> "…"` arms) in a source.
    fn problem_kinds(source: &str) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        for start in ["add(", "problem(", "=> \""] {
            let mut rest = source;
            while let Some(i) = rest.find(start) {
                rest = &rest[i + start.len()..];
                let lit = if start.ends_with('"') {
                    rest
                } else {
                    match rest.trim_start().strip_prefix('"') {
                        Some(r) => r,
                        None => continue,
                    }
                };
                if let Some(end) = lit.find('"') {
                    let kind = &lit[..end];
                    if !kind.is_empty()
                        && kind.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                        && (start != "=> \"" || kind.ends_with("_missing"))
                    {
                        out.insert(kind.to_owned());
                    }
                }
            }
        }
        out
    }

    #[test]
    fn every_problem_kind_has_a_spanish_sentence() {
        let mut kinds = BTreeSet::new();
        for source in [
            include_str!("../integrity.rs"),
            include_str!("../ledger/rotation.rs"),
            include_str!("../export/reader.rs"),
        ] {
            kinds.extend(problem_kinds(source));
        }
        for k in [
            "record_ciphertext_hash",
            "rekey",
            "record_missing",
            "supplement",
        ] {
            assert!(kinds.contains(k), "{k} not found in {kinds:?}");
        }
        let known: BTreeSet<&str> = PROBLEM_KINDS_ES.iter().map(|(k, _)| *k).collect();
        let missing: Vec<&String> = kinds
            .iter()
            .filter(|k| !known.contains(k.as_str()))
            .collect();
        assert!(
            missing.is_empty(),
            "add these problem kinds to PROBLEM_KINDS_ES: {missing:?}"
        );
        assert_eq!(known.len(), PROBLEM_KINDS_ES.len(), "duplicate kinds");
    }

    #[test]
    fn problem_items_and_metadata_labels_translate_by_pattern() {
        let cases = [
            ("record 3f2a revision 2", "incidente 3f2a revisión 2"),
            ("record 3f2a", "incidente 3f2a"),
            ("attachment 9b of record 3f", "adjunto 9b del incidente 3f"),
            ("keyslot 7c", "ranura de clave 7c"),
            ("keyslot 7c (remove)", "ranura de clave 7c (quitada)"),
            ("checkpoint at size 12", "punto de control de tamaño 12"),
            (
                "earlier checkpoint at size 4",
                "punto de control anterior de tamaño 4",
            ),
            ("ledger leaf 5", "hoja 5 del registro"),
            ("receipt", "comprobante"),
            ("vault metadata", "metadatos de la bóveda"),
            ("foto.jpg", "foto.jpg"),
        ];
        for (en, es) in cases {
            assert_eq!(problem_item_es(en), es);
        }
        assert_eq!(
            by_pattern(IDENTIFYING_ES, "GPS position 40.712800, -74.006000").as_deref(),
            Some("posición GPS 40.712800, -74.006000")
        );
        assert_eq!(
            by_pattern(IDENTIFYING_ES, "owner name Jane").as_deref(),
            Some("nombre del propietario Jane")
        );
    }

    #[test]
    fn kinds_parse_in_both_languages() {
        assert_eq!(parse_kind("followed").unwrap(), Kind::Followed);
        assert_eq!(parse_kind("Seguimiento").unwrap(), Kind::Followed);
        assert_eq!(parse_kind("en línea").unwrap(), Kind::Online);
        assert_eq!(parse_kind("en-linea").unwrap(), Kind::Online);
        assert_eq!(parse_kind("DETENCIÓN").unwrap(), Kind::Arrest);
        assert!(parse_kind("picnic").is_err());
    }

    /// Walks the clap definitions; returns every key the Spanish table must have.
    fn keys(cmd: &Command, path: &str, out: &mut Vec<String>) {
        out.push(path.to_owned());
        if cmd.get_after_help().is_some() {
            out.push(format!("{path}!"));
        }
        for a in cmd.get_arguments() {
            if a.get_help().is_some() {
                out.push(format!("{path}:{}", a.get_id()));
            }
        }
        for s in cmd.get_subcommands() {
            let p = if path.is_empty() {
                s.get_name().to_owned()
            } else {
                format!("{path} {}", s.get_name())
            };
            keys(s, &p, out);
        }
    }

    #[test]
    fn every_command_and_argument_has_spanish_help_and_examples() {
        let cmd = Cli::command();
        let mut need = Vec::new();
        keys(&cmd, "", &mut need);
        let table: HashMap<&str, &str> = HELP_ES.iter().copied().collect();
        let missing: Vec<&String> = need
            .iter()
            .filter(|k| !table.contains_key(k.as_str()))
            .collect();
        assert!(
            missing.is_empty(),
            "add Spanish help for these to HELP_ES in src/cli/i18n.rs: {missing:?}"
        );
        let stale: Vec<&&str> = table
            .keys()
            .filter(|k| !need.iter().any(|n| n == *k))
            .collect();
        assert!(
            stale.is_empty(),
            "HELP_ES entries that match no command or argument: {stale:?}"
        );
        assert_eq!(table.len(), HELP_ES.len(), "duplicate keys in HELP_ES");
        // Every command has examples in its --help (after_help), in English too; a nested one
        // may rely on its parent's.
        let has_examples = |k: &str| need.contains(&format!("{k}!"));
        let no_examples: Vec<&String> = need
            .iter()
            .filter(|k| !k.contains(':') && !k.ends_with('!'))
            .filter(|k| {
                !has_examples(k)
                    && !k
                        .rsplit_once(' ')
                        .is_some_and(|(parent, _)| has_examples(parent))
            })
            .collect();
        assert!(
            no_examples.is_empty(),
            "commands without examples: {no_examples:?}"
        );
    }

    #[test]
    fn spanish_command_builds() {
        let cmd = localize_command(Cli::command(), "", &help_table());
        cmd.clone().debug_assert();
        let mut cmd = cmd;
        let help = clap_text_in(Lang::Es, &cmd.render_help().to_string());
        assert!(
            help.contains("Uso:") && help.contains("Comandos:"),
            "{help}"
        );
        assert!(!help.contains("Options:"), "{help}");
    }
}
