//! Every message of the Spanish catalogue (i18n/es/vault.ftl), rendered with sample arguments
//! in the singular and the plural, speaks the Spanish of /work/shared/ES-GLOSSARY.md: none of
//! the terms the glossary says to avoid, no "(s)" plurals, no English sentence left in.

use std::collections::BTreeSet;

use vault::i18n::{args, message_ids, text_in, FluentValue, Lang};

const ES_FTL: &str = include_str!("../../i18n/es/vault.ftl");
const EN_FTL: &str = include_str!("../../i18n/en/vault.ftl");

/// The glossary's "avoid" column (and its notes on tone), as lowercase words or phrases.
const AVOID: &[&str] = &[
    // vault, passphrase, keys
    "caja de seguridad",
    "baúl",
    "frase clave",
    "password",
    "clave de recuperación",
    "ranura",
    "ranuras",
    "llave maestra",
    // incidents and what they hold
    "evento",
    "suceso",
    "registro",
    "registros",
    "registre",
    "enmendar",
    "enmienda",
    "revisión",
    "revisiones",
    "anexo",
    "anexos",
    "narrativa",
    // ledger, checkpoints, receipts, fingerprints, hashes
    "libro mayor",
    "entrada",
    "entradas",
    "hoja",
    "hojas",
    "punto de control",
    "puntos de control",
    "recibo",
    "huella",
    "huellas",
    "resumen criptográfico",
    "resumen con sal",
    // bundles and counsel
    "lote",
    "divulgar",
    "divulga",
    "la defensa",
    "consejero",
    "licenciado",
    // redact, tamper
    "redactar",
    "redactado",
    "tachar",
    "testar",
    "censurar",
    "manipular",
    "manipulación",
    "manipulaciones",
    "manipulado",
    "comprometida",
    "comprometidas",
    "comprometido",
    "comprometidos",
    "volver atrás",
    "se volvió atrás",
    // people's words
    "matrícula",
    "insignia",
    "chaqueta",
    "ordenador",
    "fichero",
    "directorio",
    "pulse",
    "intro",
    "sitio",
    "por omisión",
    "añadir",
    "añada",
    "añadió",
    "añadieron",
    "añadido",
    "añadida",
    "guion",
    "lapso",
    "intérprete de órdenes",
    "derivación de clave",
    "entrada no válida",
    "desbloqueo",
    "hexadecimal",
    "fallo",
];

/// English words that never occur in Spanish prose (commands, flags and the words inside
/// backticks are left out before the check).
const ENGLISH: &[&str] = &[
    "the",
    "was",
    "were",
    "is",
    "are",
    "does",
    "not",
    "of",
    "please",
    "run",
    "and",
    "with",
    "you",
    "your",
    "this",
    "that",
    "to",
    "it",
    "its",
    "from",
    "for",
    "be",
    "been",
    "has",
    "have",
    "an",
    "at",
    "by",
    "on",
    "which",
    "would",
    "will",
    "can",
    "cannot",
    "into",
    "there",
    "no longer",
    "should",
    "must",
    "file",
    "folder",
    "entry",
    "entries",
    "found",
    "failed",
];

/// Technical tokens that are the same in both languages (commands and field names people type).
const TOKENS: &[&str] = &[
    // `vault` commands as typed
    "vault verify --receipt",
    "vault bundle trust",
];

/// Every `$variable` the catalogue uses.
fn variables(ftl: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = ftl;
    while let Some(i) = rest.find('$') {
        let name: String = rest[i + 1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
            .collect();
        if !name.is_empty() {
            out.insert(name);
        }
        rest = &rest[i + 1..];
    }
    out
}

/// Every message of `lang` rendered with every variable set to `n`.
fn rendered(lang: Lang, ftl: &str, n: i64) -> Vec<(String, String)> {
    let names = variables(ftl);
    let pairs: Vec<(&str, FluentValue)> = names
        .iter()
        .map(|k| (k.as_str(), FluentValue::from(n)))
        .collect();
    let a = args(pairs);
    message_ids(lang)
        .into_iter()
        .map(|id| {
            let text = text_in(lang, &id, Some(&a));
            (id, text)
        })
        .collect()
}

/// The text a person reads as prose: without `backticks`, flags (`--out`), paths, file names,
/// environment variables, placeholders in capitals and «quoted examples».
fn prose(text: &str) -> String {
    let mut s = text.to_owned();
    for t in TOKENS {
        s = s.replace(t, " ");
    }
    // `...` spans
    let mut out = String::new();
    let mut inside = false;
    for c in s.chars() {
        if c == '`' {
            inside = !inside;
            out.push(' ');
        } else if !inside {
            out.push(c);
        }
    }
    out.split_whitespace()
        .filter(|w| {
            !(w.starts_with('-')
                || w.starts_with('\'')
                || w.contains('/')
                || w.contains('=')
                || w.contains('_')
                || w.contains('.') && !w.ends_with('.')
                || w.chars().any(|c| c.is_ascii_digit())
                || w.chars()
                    .filter(|c| c.is_alphabetic())
                    .all(|c| c.is_uppercase()))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The lowercase words of `text` (letters, accented ones included), space-separated and padded
/// so that " word " finds a whole word or phrase.
fn words(text: &str) -> String {
    let lower: String = text
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphabetic() { c } else { ' ' })
        .collect();
    format!(
        " {} ",
        lower.split_whitespace().collect::<Vec<_>>().join(" ")
    )
}

#[test]
fn every_spanish_message_speaks_the_glossary_and_no_english() {
    let mut problems = Vec::new();
    for n in [1, 3] {
        for (id, text) in rendered(Lang::Es, ES_FTL, n) {
            if id == "i18n-selftest" {
                continue;
            }
            assert!(
                !text.contains("{$") && !text.contains("{ $"),
                "{id}: a variable was not filled: {text}"
            );
            if text.contains("(s)") || text.contains("(es)") {
                problems.push(format!("{id}: \"(s)\" plural: {text}"));
            }
            let w = words(&text);
            for term in AVOID {
                if w.contains(&format!(" {term} ")) {
                    problems.push(format!("{id}: avoid «{term}»: {text}"));
                }
            }
            if id.starts_with("cli-value-") || id.starts_with("cli-man-") {
                continue;
            }
            let p = words(&prose(&text));
            for english in ENGLISH {
                if p.contains(&format!(" {english} ")) {
                    problems.push(format!("{id}: English «{english}»: {text}"));
                }
            }
        }
    }
    assert!(
        rendered(Lang::Es, ES_FTL, 1).len() > 300,
        "the catalogue was not read"
    );
    problems.sort();
    problems.dedup();
    assert!(
        problems.is_empty(),
        "{} Spanish messages to fix:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// The check above can fail: a planted English sentence and a glossary term are caught.
#[test]
fn the_checks_catch_english_and_avoided_terms() {
    let p = words(&prose("the vault was changed; run `vault verify --full`"));
    assert!(ENGLISH.iter().any(|e| p.contains(&format!(" {e} "))), "{p}");
    let p = words(&prose(
        "use `the file` with --no-sign, VAULT_FILE and ~/a/b",
    ));
    assert!(p.contains(" with "), "{p}");
    assert!(!p.contains(" the ") && !p.contains(" file "), "{p}");
    let w = words("Huella: 0123; punto de control firmado");
    assert!(
        w.contains(" huella ") && w.contains(" punto de control "),
        "{w}"
    );
    assert!(!words("acceso agregado").contains(" ranura "));
    // On the real catalogue: the English of the CLI's sentences is caught.
    let english: Vec<(String, String)> = rendered(Lang::En, EN_FTL, 2)
        .into_iter()
        .filter(|(id, text)| id.starts_with("cli-note-") && text.len() > 40)
        .collect();
    assert!(english.len() > 5);
    for (id, text) in english {
        let p = words(&prose(&text));
        assert!(
            ENGLISH.iter().any(|e| p.contains(&format!(" {e} "))),
            "{id}: not caught: {text}"
        );
    }
}

/// English messages say 1 in the singular too: no "(s)" or "entr(ies)" in the CLI's messages
/// (clap's own "subcommand(s)" is the literal text the catalogue replaces).
#[test]
fn english_messages_have_real_plurals() {
    let mut wrong_plurals = Vec::new();
    for n in [1, 3] {
        for (id, text) in rendered(Lang::En, EN_FTL, n) {
            if id == "cli-clap-help-subcommand" {
                continue;
            }
            if text.contains("(s)") || text.contains("(ies)") {
                wrong_plurals.push(format!("{id}: {text}"));
            }
            if n == 1
                && ["1 entries", "1 checkpoints", "1 attachments", "1 keyslots"]
                    .iter()
                    .any(|wrong| text.contains(wrong))
            {
                wrong_plurals.push(format!("{id}: {text}"));
            }
        }
    }
    assert!(wrong_plurals.is_empty(), "{}", wrong_plurals.join("\n"));
}
