//! The command line's language: chosen once at start-up ([`detect`]), and the texts that are
//! still tables here: quoting, yes/no answers, kind names, times, library details, verify
//! problems and attachment metadata. Every other message and all help are in the Fluent
//! catalogues (`i18n/<lang>/vault.ftl`, `cli-…` and `help-…` ids; help applied by
//! `src/cli/help.rs`).
//!
//! The language: `--lang en|es`, else the first non-empty of `LC_ALL`, `LC_MESSAGES` and `LANG`
//! (Spanish when it starts with `es`), else English.

use std::ffi::OsString;
use std::fmt;

use vault::record::Kind;
use vault::when::When;
use vault::Error;

pub use vault::i18n::Lang;
use vault::problem::Problem;

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
    // --- commands.rs
    // --- trust (pin file, what was logged without the passphrase)
    // --- leftovers: staging copies of killed backups, restores and exports
    UnknownKind: "unknown kind {kind}; use one of: {list}" | "tipo desconocido {kind}; use uno de estos: {list}";
    // --- export_cmd.rs
    YesNo: "[y/N]" | "[s/N]";
    // --- export_cmd.rs: bundles (recipients shown, passphrases, trusted senders, receipts)
    GeneratedBundlePassphrase: "\nThe bundle passphrase ({n} random words; this is the only time it is shown):\n\n    {passphrase}\n\nGive it to your lawyer by another way than the bundle (by phone or in person), never in the same email.\n"
        | "\nLa contraseña del paquete ({n} palabras al azar; es la única vez que se muestra):\n\n    {passphrase}\n\nDésela a su abogado o abogada por otro medio que el paquete (por teléfono o en persona), nunca en el mismo correo.\n";
    // --- maint_cmd.rs
    // --- output.rs labels
    // --- guided.rs
    // --- report
    ReportNotEncrypted: "{path} is NOT encrypted: anyone who gets this file can read every incident in it. Keep it safe and delete it when you no longer need it."
        | "{path} NO está cifrado: quien obtenga este archivo puede leer todos los incidentes que contiene. Guárdelo bien y bórrelo cuando ya no lo necesite.";
    ReportConfirm: "Write this unencrypted file?" | "¿Escribir este archivo sin cifrar?";
    ReportNeedsYes: "not writing an unencrypted file without confirmation: add --yes"
        | "no se escribe un archivo sin cifrar sin confirmación: añada --yes";
    ReportBadFormat: "unknown report format {format}; use html, csv or json" | "formato de informe desconocido {format}; use html, csv o json";
    ReportWrote: "Wrote {path} ({n} incident(s), {format})" | "Escrito {path} ({n} incidente(s), {format})";
    // --- patterns
    // --- clap errors (Spanish only in practice; English uses clap's own)
    // --- reads: what vanished, named at every unlock (src/vault/reads.rs)
    // --- text: clear messages for wrong paths and files
    // --- store: the database and the blob folder against a folder attacker and damage
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

/// The name of a kind in the current language (`followed` / `seguimiento`), from the catalogue.
pub fn kind_name(k: Kind) -> &'static str {
    k.label()
}

/// Parses a kind typed in English or Spanish (`followed`, `seguimiento`, `me siguieron`, ...),
/// ignoring case and accents ([`Kind::parse`]).
pub fn parse_kind(text: &str) -> vault::Result<Kind> {
    Kind::parse(text).ok_or_else(|| {
        let list = Kind::ALL.map(kind_name).join(", ");
        Error::Invalid(tf!(
            Msg::UnknownKind,
            kind = quote(text.trim()),
            list = list
        ))
    })
}

// ---------------------------------------------------------------------------
// Times

/// A stored time as people read it, in the reader's language and this computer's time zone
/// (`Tue 10 Nov 2026, 7:00 am`, `mar 10 nov 2026, 7:00 de la mañana`).
pub fn when_text(w: &When) -> String {
    w.human()
}

// ---------------------------------------------------------------------------
// Library errors

/// The text of a library error in `lang`: one line, like the error's own Display in English.
pub fn localized(err: &Error, lang: Lang) -> String {
    if lang == Lang::En {
        return err.to_string();
    }
    match err {
        Error::NoVault(p) => format!(
            "no hay ninguna bóveda en {} (ejecute `vault init` primero, o indique --vault DIR)",
            p.display()
        ),
        Error::VaultExists(p) => format!("ya existe una bóveda en {}", p.display()),
        // store: init refuses a folder that holds vault files
        Error::VaultFilesPresent { dir, found } => format!(
            "{} ya tiene archivos de una bóveda ({found}); `vault init` no creará una bóveda nueva encima, porque sus adjuntos no serían de nadie (si perdió vault.db, recupere un respaldo; para una bóveda nueva, use una carpeta vacía)",
            dir.display()
        ),
        Error::NewerFormat { found, supported } => format!(
            "esta bóveda usa la versión de formato {found}, más nueva que la que entiende este programa ({supported}); actualice vault"
        ),
        Error::WrongPassphrase => {
            "contraseña incorrecta (o todas las ranuras de clave están dañadas); no se cambió nada"
                .into()
        }
        Error::NoKeyslot(s) => format!(
            "la bóveda no tiene ninguna ranura de clave utilizable: {}",
            detail_es(s)
        ),
        // keys: a keyslot changed without the passphrase
        Error::TamperedKeyslot { slot, reason } => format!(
            "el acceso {slot} no es el que sella la bitácora firmada de la bóveda ({}): alguien lo cambió sin la contraseña, o se dañó, y no se usó. Abra la bóveda con su código de recuperación u otra contraseña y reemplácelo (`vault passwd`, `vault keyslot`); `vault verify` muestra qué más cambió",
            detail_es(reason)
        ),
        Error::WeakKdf(s) => format!(
            "parámetros de derivación de clave demasiado débiles: {}",
            detail_es(s)
        ),
        Error::EmptyPassphrase => "la contraseña está vacía".into(),
        Error::WeakPassphrase(s) => detail_es(s),
        Error::NotFound(s) => format!("ningún incidente coincide con «{s}»"),
        Error::AmbiguousId { prefix, count } => format!(
            "«{prefix}» es ambiguo: coincide con {count} incidentes; escriba más caracteres del identificador"
        ),
        // No "entrada no válida:" before it (ES-GLOSSARY.md): the detail says what is wrong.
        Error::Invalid(s) => detail_es(s),
        Error::Damaged(s) => format!(
            "la bóveda está dañada: {} (ejecute `vault verify` para ver detalles)",
            detail_es(s)
        ),
        // --- trust (seal, pin, forged entries)
        Error::Tampered(s) => format!(
            "alguien cambió la bóveda sin la contraseña: {}; no se firmó ni se guardó nada (ejecute `vault verify` para ver detalles)",
            detail_es(s)
        ),
        Error::WouldOverwrite(p) => format!("no se sobrescribirá {}", p.display()),
        Error::File { path, source } => format!("{}: {}", path.display(), io_es(source)),
        Error::Io(e) => format!("fallo de entrada/salida: {}", io_es(e)),
        Error::Sql(e) => format!("fallo de almacenamiento: {e}"),
        Error::Encrypt(s) => format!("falló el cifrado: {}", detail_es(s)),
        Error::Decrypt(s) => format!("falló el descifrado: {}", detail_es(s)),
        Error::Busy => {
            "la bóveda está ocupada (otro comando de vault está escribiendo); inténtelo de nuevo"
                .into()
        }
        Error::Interrupted => "interrumpido; no se guardó nada".into(),
        // --- leftovers
        Error::SourceChanged(p) => format!(
            "{} cambió mientras se adjuntaba (cambió su tamaño o su hora de modificación); no se guardó nada. Adjúntelo otra vez cuando ningún programa lo esté escribiendo",
            p.display()
        ),
        // text: bounded input files
        Error::TooLarge { path, limit } => format!(
            "{} es demasiado grande para esto (más de {}); revise que sea el archivo correcto",
            path.display(),
            vault::error::size_text(*limit)
        ),
        Error::LineTooLong { path, limit } => format!(
            "la primera línea de {} tiene más de {limit} bytes; un archivo de contraseña lleva la contraseña en su primera línea (revise que sea el archivo correcto)",
            path.display()
        ),
        Error::NotText(path) => format!(
            "{} no es texto (UTF-8); revise que sea el archivo correcto",
            path.display()
        ),
        other => other.to_string(),
    }
}

/// A detail the library wrote in English (a warning), in the current language.
pub fn library_detail(text: &str) -> String {
    match lang() {
        Lang::En => text.to_owned(),
        Lang::Es => detail_es(text),
    }
}

/// An error as a short line under a question: an invalid-input error without its prefix.
pub fn error_detail(e: &Error) -> String {
    match (e, lang()) {
        (Error::Invalid(s), Lang::En) => s.clone(),
        (Error::Invalid(s), Lang::Es) => detail_es(s),
        (other, lang) => localized(other, lang),
    }
}

fn io_es(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "no existe ese archivo o directorio".into(),
        K::PermissionDenied => "permiso denegado".into(),
        K::AlreadyExists => "ya existe".into(),
        K::UnexpectedEof => "el archivo termina antes de tiempo".into(),
        K::StorageFull => "no queda espacio en el disco".into(),
        K::IsADirectory => "es un directorio".into(),
        _ => e.to_string(),
    }
}

/// Library details in English, by pattern (`*` matches any text, reused in order), with their
/// Spanish. Texts that match none are shown as they are.
const DETAILS_ES: &[(&str, &str)] = &[
    // --- trust (seal, pin, forged entries: src/vault/mod.rs, trust.rs, trust_unlock.rs)
    (
        "the trust seal is not one this program wrote",
        "la marca de confianza de la bóveda no es una que este programa haya escrito",
    ),
    (
        "the trust seal was not made with this vault's master key",
        "la marca de confianza de la bóveda no se hizo con la clave maestra de esta bóveda",
    ),
    (
        "the * no longer match what the passphrase holder sealed",
        "la identidad de la bóveda (su anotación de creación, su clave de firma o su clave maestra) ya no coincide con la que selló quien tiene la contraseña",
    ),
    (
        "the trust seal holds a malformed root",
        "la marca de confianza de la bóveda está dañada",
    ),
    (
        "the trust seal is missing, though ledger leaf * records that this vault keeps one",
        "falta la marca de confianza de la bóveda, aunque la anotación n.º * de la bitácora dice que esta bóveda tiene una",
    ),
    (
        "the stored signing public key is not the signing key's",
        "la clave pública de firma guardada no es la de la clave de firma",
    ),
    (
        "ledger entries were removed: * of * are stored",
        "se borraron anotaciones de la bitácora: quedan * de *",
    ),
    (
        "the ledger has * entries, fewer than the * this vault last signed: an older copy was put back or entries were removed",
        "la bitácora tiene * anotaciones, menos que las * que esta bóveda firmó la última vez: alguien puso una copia más vieja o borró anotaciones",
    ),
    (
        "entries this vault already signed were changed (the first * no longer have the signed root)",
        "alguien cambió anotaciones que esta bóveda ya había firmado (las primeras *)",
    ),
    (
        "ledger leaf * (*) is not signed, though every command that writes one signs it at once: it was forged",
        "la anotación n.º * de la bitácora no tiene sello, aunque todo comando que escribe una así la sella en el acto: es falsa",
    ),
    (
        "ledger leaf * is not an entry this program writes",
        "la anotación n.º * de la bitácora no es una que este programa escriba",
    ),
    (
        "its signing key (security number *) is not the one this computer knows for it (*)",
        "su clave de firma (número de seguridad *) no es la que esta computadora conoce para ella (*)",
    ),
    (
        "the master key new entries would be encrypted to is not the one this computer knows for this vault",
        "la clave maestra con la que se cifraría lo nuevo no es la que esta computadora conoce para esta bóveda",
    ),
    (
        "the ledger has * entries, but this computer saw * of them signed: an older copy of the vault was put back, or entries were removed",
        "la bitácora tiene * anotaciones, pero esta computadora vio * selladas: alguien puso una copia más vieja de la bóveda o borró anotaciones",
    ),
    (
        "the ledger does not extend the newest checkpoint this computer saw signed (size *): its history was rewritten, or an older copy was put back",
        "la bitácora no continúa el sello más nuevo que vio esta computadora (tamaño *): alguien reescribió su historia o puso una copia más vieja",
    ),
    (
        "the pin file could not be saved: *",
        "no se pudo guardar el archivo de bóvedas conocidas: *",
    ),
    (
        "line * of the pin file * is damaged and was ignored",
        "la línea * del archivo de bóvedas conocidas * está dañada y no se tomó en cuenta",
    ),
    // keys: why a keyslot is refused at open (src/vault/maintenance.rs, src/crypto/kdf.rs)
    (
        "ledger leaf *, which should commit to it, does not exist",
        "no existe la anotación n.º * de la bitácora, que debería sellarlo",
    ),
    (
        "ledger leaf *, which commits to it, was altered",
        "se alteró la anotación n.º * de la bitácora, que lo sella",
    ),
    (
        "ledger leaf * is not an entry that adds or replaces this keyslot",
        "la anotación n.º * de la bitácora no agrega ni reemplaza este acceso",
    ),
    (
        "its parameters, salt or wrapped key differ from what its ledger entry commits to",
        "su configuración, su sal o su clave cifrada no coinciden con lo que sella su anotación de la bitácora",
    ),
    (
        "no checkpoint signed by this vault covers ledger leaf *, which commits to it",
        "ningún sello firmado por esta bóveda cubre la anotación n.º * de la bitácora, que lo sella",
    ),
    (
        "* MiB, t=*, p=* is below the minimum of 64 MiB, t=3, p=4 that every vault is created with",
        "* MiB, t=*, p=* está por debajo del mínimo de 64 MiB, t=3, p=4 con que se crea toda bóveda",
    ),
    (
        "* iterations (the most accepted is *)",
        "* pasadas (lo máximo que se acepta es *)",
    ),
    ("* lanes (the most accepted is *)", "* carriles (lo máximo que se acepta es *)"),
    (
        "* MiB times * passes is more work than the most accepted (16 GiB-passes)",
        "* MiB por * pasadas es más trabajo del máximo que se acepta (16 GiB-pasadas)",
    ),
    ("* MiB of memory is over 4 GiB", "* MiB de memoria pasa de 4 GiB"),
    ("salt shorter than 16 bytes", "sal de menos de 16 bytes"),
    // store: database damage, schema check, links
    (
        "the vault database is malformed (SQLite: *); nothing was signed or changed",
        "la base de datos de la bóveda está dañada (SQLite: *); no se firmó ni se cambió nada",
    ),
    (
        "the vault database is malformed (SQLite: *)",
        "la base de datos de la bóveda está dañada (SQLite: *)",
    ),
    (
        "the vault database holds a value of the wrong type (*)",
        "la base de datos de la bóveda tiene un valor de un tipo que no corresponde (*)",
    ),
    (
        "the vault database changed * rows where it should have stored one *; nothing was saved",
        "la base de datos de la bóveda cambió * filas donde debía guardar una (*); no se guardó nada",
    ),
    (
        "the vault database holds a trigger * that vault never creates; refusing to use it",
        "la base de datos de la bóveda tiene un disparador (trigger) * que vault nunca crea: alguien la modificó; vault no la usará",
    ),
    (
        "the vault database holds a view * that vault never creates; refusing to use it",
        "la base de datos de la bóveda tiene una vista (view) * que vault nunca crea: alguien la modificó; vault no la usará",
    ),
    (
        "the vault database holds a table * that vault never creates; refusing to use it",
        "la base de datos de la bóveda tiene una tabla * que vault nunca crea: alguien la modificó; vault no la usará",
    ),
    (
        "the vault database holds an index * that vault never creates; refusing to use it",
        "la base de datos de la bóveda tiene un índice * que vault nunca crea: alguien la modificó; vault no la usará",
    ),
    (
        "the vault database holds a * * that vault never creates; refusing to use it",
        "la base de datos de la bóveda tiene un objeto (*) * que vault nunca crea: alguien la modificó; vault no la usará",
    ),
    (
        "the vault database holds an object * that vault never creates; refusing to use it",
        "la base de datos de la bóveda tiene un objeto * que vault nunca crea: alguien la modificó; vault no la usará",
    ),
    (
        "the vault database's * * is not the one vault creates (its definition was changed); refusing to use it",
        "en la base de datos de la bóveda, el objeto (*) * no es el que crea vault (alguien cambió su definición); vault no la usará",
    ),
    (
        "the vault database has no table *; refusing to use it",
        "a la base de datos de la bóveda le falta la tabla *; vault no la usará",
    ),
    (
        "the vault database has no format version",
        "la base de datos de la bóveda no indica su versión de formato",
    ),
    (
        "* in the vault folder is a symbolic link; vault does not follow links out of its folder (remove the link and put the real * back)",
        "* en la carpeta de la bóveda es un enlace simbólico; vault no sigue enlaces fuera de su carpeta (quite el enlace y ponga de nuevo el verdadero *)",
    ),
    (
        "attachment * names a blob file vault never creates (*); refusing to use it",
        "el adjunto * indica un archivo que vault nunca crea (*): alguien cambió la base de datos; vault no lo usará",
    ),
    (
        "* is a symbolic link or not a folder; vault does not follow links out of its folder",
        "* es un enlace simbólico o no es una carpeta; vault no sigue enlaces fuera de su carpeta",
    ),
    (
        "the attachment was stored, but * changed while it was read; it was not removed",
        "el adjunto se guardó, pero * cambió mientras se leía; no se borró",
    ),
    (
        "record * has an impossible revision",
        "el registro * tiene una revisión imposible",
    ),
    ("a tag is empty", "una etiqueta está vacía"),
    (
        "an agent, vehicle or witness entry is empty",
        "un agente, vehículo o testigo está vacío",
    ),
    (
        "coordinates need a latitude in -90..90 and a longitude in -180..180",
        "las coordenadas necesitan una latitud entre -90 y 90 y una longitud entre -180 y 180",
    ),
    (
        "coordinates * are not `LAT,LON` in decimal degrees",
        "las coordenadas * no son `LAT,LON` en grados decimales",
    ),
    (
        "the narrative has a `]]` without a matching `[[`",
        "el relato tiene un `]]` sin su `[[`",
    ),
    (
        "the narrative has a `[[` private span that is never closed with `]]`",
        "el relato tiene un `[[` privado que nunca se cierra con `]]`",
    ),
    (
        "private spans `[[...]]` cannot be nested",
        "las partes privadas `[[...]]` no se pueden anidar",
    ),
    (
        "nothing to change: give at least one field to amend",
        "nada que cambiar: indique al menos un dato que corregir",
    ),
    (
        "record * has no attachment * (it has *)",
        "el incidente * no tiene el adjunto * (tiene *)",
    ),
    ("* is not a regular file", "* no es un archivo normal"),
    (
        "the passphrase file is not UTF-8 text",
        "el archivo de contraseña no es texto UTF-8",
    ),
    (
        "record * changed while it was being amended; try again",
        "el incidente * cambió mientras se corregía; inténtelo de nuevo",
    ),
    // reads: a row that does not match its ledger entry, and what vanished (src/vault/reads.rs)
    (
        "record * revision * was replaced: its ciphertext is not the one its ledger entry commits to",
        "alguien reemplazó el incidente * (versión *): lo que está guardado no es lo que anota la bitácora firmada; no se muestra",
    ),
    (
        "record * revision * was replaced: its content does not match the digests in its ledger entry",
        "alguien reemplazó el incidente * (versión *): su contenido no coincide con los códigos de control de la bitácora firmada; no se muestra",
    ),
    (
        "record * revision * has no ledger entry of its own",
        "el incidente * (versión *) no tiene su propia anotación en la bitácora: alguien lo cambió; no se muestra",
    ),
    (
        "record * revision *: its ledger entry does not match the hash stored for it",
        "la anotación de la bitácora del incidente * (versión *) fue alterada",
    ),
    (
        "attachment * of record * was replaced: its description is not the one its ledger entry commits to",
        "alguien reemplazó el adjunto * del incidente *: lo que está guardado no es lo que anota la bitácora firmada; no se usa",
    ),
    (
        "attachment * of record * was replaced: its description does not match the digests in its ledger entry",
        "alguien reemplazó el adjunto * del incidente *: no coincide con los códigos de control de la bitácora firmada; no se usa",
    ),
    (
        "attachment * of record * has no ledger entry of its own",
        "el adjunto * del incidente * no tiene su propia anotación en la bitácora: alguien lo cambió; no se usa",
    ),
    (
        "attachment * of record *: its ledger entry does not match the hash stored for it",
        "la anotación de la bitácora del adjunto * del incidente * fue alterada",
    ),
    (
        "the re-encryption of ledger leaf *: its ledger entry does not match the hash stored for it",
        "la anotación de recifrado del n.º * de la bitácora fue alterada",
    ),
    (
        "ledger leaf *: its ledger entry does not match the hash stored for it",
        "la anotación n.º * de la bitácora fue alterada",
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

/// A library detail in the current language (keys: the reason a keyslot was refused).
pub fn detail(text: &str) -> String {
    match lang() {
        Lang::En => text.to_owned(),
        Lang::Es => detail_es(text),
    }
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

/// One problem of a verification report, as it is shown: in English `  [kind] item: detail` (as
/// `--json` says them); in another language the item and what the kind means, then the detail
/// on a line of its own, both from the catalogue (the kind and the English detail stay in
/// `--json`).
///
/// The item and detail may quote planted text (a record id, a bundle's entry name): they are
/// shown terminal-safe.
pub fn problem_line(p: &Problem) -> String {
    use super::terminal::inline;
    let item = p.item.to_string();
    let detail = p.detail.to_string();
    match lang() {
        Lang::En => format!("  [{}] {}: {}", p.kind, inline(&item), inline(&detail)),
        Lang::Es => format!(
            "  {}: {}\n    {}",
            inline(&item),
            p.kind.explanation(),
            inline(&detail)
        ),
    }
}

/// An identifying-metadata label of an attachment (`GPS position …`, `camera serial number …`,
/// `owner name …`, or an export plan's `incident … attachment … (name): …`) in the current
/// language.
pub fn identifying_text(item: &str) -> String {
    if lang() == Lang::En {
        return item.to_owned();
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

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

    /// The catalogue's `cli-` messages keep the spacing the terminal output had (leading
    /// indents, trailing spaces after a prompt, blank lines) and say 1 in the singular.
    #[test]
    fn cli_messages_keep_their_spacing_and_plurals() {
        use vault::i18n::{args, text_in, FluentValue};
        let en = |id: &str, pairs: &[(&'static str, FluentValue<'static>)]| {
            text_in(Lang::En, id, Some(&args(pairs.iter().cloned())))
        };
        assert_eq!(en("cli-pass-prompt", &[]), "Vault passphrase: ");
        assert_eq!(
            en("cli-note-logged-more", &[("n", 3.into())]),
            "  - and 3 more"
        );
        assert_eq!(
            en(
                "cli-generated-passphrase",
                &[("n", 6.into()), ("passphrase", "a b".into())]
            ),
            "\nYour passphrase (6 random words; this is the only time it is shown):\n\n    a b\n\n\
             Write it down on paper now and keep the paper safe. Without it nobody can open this vault.\n"
        );
        assert_eq!(
            en("cli-recovery-code-shown", &[("code", "C-1".into())]),
            "Recovery code (shown only this once):\n\n    C-1\n"
        );
        assert_eq!(
            en("cli-note-leftovers", &[("n", 1.into())]),
            "note: removed 1 leftover file of an interrupted attach or rekey"
        );
        assert_eq!(
            en("cli-note-leftovers", &[("n", 2.into())]),
            "note: removed 2 leftover files of an interrupted attach or rekey"
        );
        assert_eq!(
            en(
                "cli-info-ledger",
                &[("n", 1.into()), ("cp", 1.into()), ("unsigned", 0.into())]
            ),
            "Ledger:       1 entry, 1 checkpoint, 0 not yet signed"
        );
        assert_eq!(
            en(
                "cli-info-ledger",
                &[("n", 5.into()), ("cp", 2.into()), ("unsigned", 1.into())]
            ),
            "Ledger:       5 entries, 2 checkpoints, 1 not yet signed"
        );
        let es = text_in(
            Lang::Es,
            "cli-attached-count",
            Some(&args([("n", FluentValue::from(1))])),
        );
        assert_eq!(es, "[1 adjunto]");
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
            detail_es("record 3f2a has no attachment 13 (it has 2)"),
            "el incidente 3f2a no tiene el adjunto 13 (tiene 2)"
        );
        assert_eq!(detail_es("a tag is empty"), "una etiqueta está vacía");
        assert_eq!(detail_es("something new"), "something new");
        assert_eq!(glob("a * b", "a x b"), Some(vec!["x".into()]));
        assert_eq!(glob("exact", "exact"), Some(vec![]));
        assert_eq!(glob("exact", "exactly"), None);
        let e = Error::WrongPassphrase;
        assert_eq!(localized(&e, Lang::En), e.to_string());
        assert!(localized(&e, Lang::Es).contains("contraseña incorrecta"));
    }

    #[test]
    fn metadata_labels_translate_by_pattern() {
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
}
