//! Spanish output under `LANG=es_MX.UTF-8`: the same session (init, add, list, show, info,
//! verify, search, patterns, report, and three errors) is run in English and in Spanish. A list
//! of English words is checked to occur in the English run (so the check cannot pass vacuously)
//! and to occur nowhere in the Spanish one.

use crate::common;

use std::collections::BTreeSet;
use std::process::Output;

use common::TestVault;

/// Words of the English output that must not survive in Spanish. Each must occur in the
/// English run (checked), so a rewording in English cannot silently weaken this test.
const ENGLISH: &[&str] = &[
    // init
    "created",
    "fingerprint",
    "lawyer",
    "forget",
    "passphrase",
    "nobody",
    "recover",
    "records",
    // add with an attachment
    "attached",
    // the first unlock after adding
    "note",
    "ledger",
    "entries",
    "logged",
    "since",
    "someone",
    "covered",
    "checkpoint",
    // list / show
    "incident",
    "revision",
    "kind",
    "when",
    "recorded",
    "where",
    "agents",
    "vehicles",
    "witnesses",
    "tags",
    "what",
    "happened",
    "attachments",
    "name",
    "badge",
    "agency",
    "plate",
    "contact",
    "between",
    "followed",
    "raid",
    // info
    "format",
    "version",
    "signing",
    "key",
    "iterations",
    "lanes",
    "keyslots",
    "incidents",
    "revisions",
    "checkpoints",
    "signed",
    // verify
    "ok",
    "full",
    "check",
    "passed",
    // patterns and search
    "first",
    "last",
    // report
    "warning",
    "encrypted",
    "anyone",
    "delete",
    "wrote",
    "log",
    "timeline",
    "summary",
    // errors (`error:` itself is also the Spanish prefix: ES-GLOSSARY.md)
    "wrong",
    "nothing",
    "changed",
    "matches",
    "invalid",
    "input",
    "could",
    "understand",
    "time",
    "try",
];

fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

/// The visible text of an HTML page: no style sheet, no tags, main entities decoded.
fn visible_text(html: &str) -> String {
    let mut s = html.to_owned();
    if let (Some(a), Some(b)) = (s.find("<style>"), s.find("</style>")) {
        s.replace_range(a..b + "</style>".len(), " ");
    }
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

struct Session {
    /// Everything printed, in order.
    text: String,
    html: String,
    codes: Vec<(String, Option<i32>)>,
}

fn run_session(lang: &str) -> Session {
    let v = TestVault::uninit();
    let wrong = v.path("wrong.txt");
    std::fs::write(&wrong, "not the passphrase\n").unwrap();
    let photo = v.path("foto.jpg");
    std::fs::write(&photo, b"casi una foto").unwrap();
    let mut s = Session {
        text: String::new(),
        html: String::new(),
        codes: vec![],
    };
    let mut run = |label: &str, mut cmd: assert_cmd::Command| -> Output {
        let out = cmd
            .env("LANG", lang)
            .env_remove("LC_MESSAGES")
            .output()
            .unwrap();
        s.text.push_str(&String::from_utf8_lossy(&out.stdout));
        s.text.push('\n');
        s.text.push_str(&String::from_utf8_lossy(&out.stderr));
        s.text.push('\n');
        s.codes.push((label.to_owned(), out.status.code()));
        out
    };
    let with = |args: &[&str]| {
        let mut c = v.cmd();
        c.args(args);
        c
    };
    run("init", with(&common::INIT_CHEAP));
    let first = run(
        "add",
        with(&[
            "add",
            "--kind",
            "followed",
            "--when",
            "2026-09-02 15:00",
            "--where",
            "Calle Juárez y Avenida 5",
            "--what",
            "Una camioneta gris me siguió hasta la casa de [[mi tía Rosa]].",
            "--agent",
            "alto, chamarra gris; nombre=Ruiz; placa=4411; agencia=ICE",
            "--vehicle",
            "camioneta gris; matrícula=ABC1234",
            "--witness",
            "nombre=Ana; contacto=555-0100",
            "--tag",
            "escuela",
            "--attach",
            photo.to_str().unwrap(),
        ]),
    );
    let id = String::from_utf8_lossy(&first.stdout).trim().to_owned();
    run(
        "add 2",
        with(&[
            "add",
            "--kind",
            "raid",
            "--when",
            "2026-09-03T14:00:00-05:00",
            "--where",
            "calle juárez y  avenida 5",
            "--what",
            "Llegaron tres camionetas.",
            "--vehicle",
            // In a vehicle line, `placa` is the licence plate (not an agent's badge): patterns
            // below must link it with the first incident's plate.
            "placa=abc-1234",
        ]),
    );
    run(
        "add 3",
        with(&[
            "add",
            "--kind",
            "raid",
            "--when",
            "entre 2026-09-04 14:00 y 2026-09-04 16:00",
            "--what",
            "Otra vez.",
        ]),
    );
    run("list", with(&["list"]));
    run("show", with(&["show", &id]));
    run("info", with(&["info"]));
    run("verify", with(&["verify"]));
    run("search", with(&["search", "camioneta"]));
    run("patterns", with(&["patterns"]));
    let report = v.path("informe.html");
    run(
        "report",
        with(&["report", "--out", report.to_str().unwrap(), "--yes"]),
    );
    s.html = std::fs::read_to_string(&report).unwrap_or_default();
    // Three errors: wrong passphrase, unknown id, a time that cannot be understood.
    let mut wrong_cmd = v.cmd_locked();
    wrong_cmd.arg("--passphrase-file").arg(&wrong).arg("list");
    run("wrong passphrase", wrong_cmd);
    run("unknown id", with(&["show", "ffffffff"]));
    run(
        "bad time",
        with(&["add", "--kind", "raid", "--when", "en la nada"]),
    );
    s
}

#[test]
fn spanish_output_has_no_english_left() {
    let en = run_session("C");
    let es = run_session("es_MX.UTF-8");
    assert_eq!(en.codes, es.codes, "the same exit codes in both languages");
    let expect_codes = [
        ("wrong passphrase", Some(3)),
        ("unknown id", Some(6)),
        ("bad time", Some(1)),
    ];
    for (label, code) in expect_codes {
        assert!(
            es.codes.iter().any(|(l, c)| l == label && *c == code),
            "{label}: {:?}",
            es.codes
        );
    }
    for (label, code) in &es.codes[..es.codes.len() - 3] {
        assert_eq!(*code, Some(0), "{label} failed:\n{}", es.text);
    }

    let en_all = format!("{}\n{}", en.text, visible_text(&en.html));
    let es_all = format!("{}\n{}", es.text, visible_text(&es.html));
    let en_words = words(&en_all);
    let not_in_english: Vec<&&str> = ENGLISH.iter().filter(|w| !en_words.contains(**w)).collect();
    assert!(
        not_in_english.is_empty(),
        "the word list is stale: {not_in_english:?} no longer occur in the English output:\n{en_all}"
    );
    let es_words = words(&es_all);
    let left: Vec<&&str> = ENGLISH.iter().filter(|w| es_words.contains(**w)).collect();
    assert!(
        left.is_empty(),
        "English left in the Spanish output: {left:?}\n{es_all}"
    );

    // And it is the Spanish we expect.
    for needle in [
        "Se creó una bóveda en",
        "Número de seguridad:",
        "Tipo:       seguimiento",
        "Qué pasó:",
        "nombre Ruiz; placa 4411; agencia ICE",
        "placas ABC1234: 2 incidentes",
        "entre 2:00 de la tarde y 4:00 de la tarde",
        "TODO BIEN: verificación completa",
        "vault: error: contraseña incorrecta",
        "vault: error: ningún incidente coincide con «ffffffff»",
        "no se entiende la hora «en la nada»",
        "NO está cifrado",
    ] {
        assert!(es_all.contains(needle), "missing {needle:?} in:\n{es_all}");
    }
    assert!(es.html.contains("<html lang=\"es\">"), "{}", es.html);
    assert!(es.html.contains("Cronología"), "{}", es.html);
}

#[test]
fn spanish_help_and_command_line_errors() {
    let v = TestVault::uninit();
    let run = |args: &[&str]| {
        let out = v
            .cmd_locked()
            .env("LANG", "es_MX.UTF-8")
            .args(args)
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, help, _) = run(&["--help"]);
    assert_eq!(code, Some(0));
    for english in [
        "Usage:",
        "Options:",
        "Commands:",
        "Print help",
        "[OPTIONS]",
        "Examples:",
    ] {
        assert!(!help.contains(english), "{english:?} in:\n{help}");
    }
    assert!(help.contains("Uso: vault [OPCIONES] <COMANDO>"), "{help}");
    assert!(help.contains("Ejemplos:"), "{help}");
    let (_, add_help, _) = run(&["add", "--help"]);
    assert!(add_help.contains("Cuándo pasó"), "{add_help}");
    assert!(!add_help.contains("When it happened"), "{add_help}");
    // A typo gets a suggestion, in Spanish.
    let (code, _, err) = run(&["lsit"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("comando desconocido «lsit»"), "{err}");
    assert!(err.contains("¿quiso decir «list»?"), "{err}");
    // --lang wins over the environment.
    let out = v
        .cmd_locked()
        .env("LANG", "es_MX.UTF-8")
        .args(["--lang", "en", "--help"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("Usage:"));
}

/// Runs `args` with the passphrase under `lang`; returns (exit code, stdout + stderr).
fn run_in(v: &TestVault, lang: &str, args: &[&str]) -> (Option<i32>, String) {
    let out = v
        .cmd()
        .env("LANG", lang)
        .env_remove("LC_MESSAGES")
        .args(args)
        .output()
        .unwrap();
    let text = format!(
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code(), text)
}

/// Each of `words` occurs in the English text (so the check is not vacuous) and none occurs in
/// the Spanish one; neither does any word of [`ENGLISH`].
fn assert_no_english(words_en: &[&str], en: &str, es: &str) {
    let en_words = words(en);
    let stale: Vec<&&str> = words_en
        .iter()
        .filter(|w| !en_words.contains(**w))
        .collect();
    assert!(
        stale.is_empty(),
        "not in the English output {stale:?}:\n{en}"
    );
    let es_words = words(es);
    let left: Vec<&&str> = words_en
        .iter()
        .chain(ENGLISH)
        .filter(|w| es_words.contains(**w))
        .collect();
    assert!(left.is_empty(), "English left in Spanish {left:?}:\n{es}");
}

#[test]
fn spanish_verify_of_a_tampered_vault() {
    let v = TestVault::new();
    let id = v.add_simple("Una camioneta gris me siguió.");
    {
        let conn = rusqlite::Connection::open(v.db()).unwrap();
        let mut ct: Vec<u8> = conn
            .query_row(
                "SELECT ciphertext FROM records WHERE id = ?1 AND revision = 1",
                [&id],
                |r| r.get(0),
            )
            .unwrap();
        let last = ct.len() - 1;
        ct[last] ^= 0x01;
        let n = conn
            .execute(
                "UPDATE records SET ciphertext = ?1 WHERE id = ?2 AND revision = 1",
                rusqlite::params![ct, id],
            )
            .unwrap();
        assert_eq!(n, 1);
    }
    let (code_en, en) = run_in(&v, "C", &["verify"]);
    let (code_es, es) = run_in(&v, "es_MX.UTF-8", &["verify"]);
    assert_eq!(code_en, Some(4), "{en}");
    assert_eq!(code_es, Some(4), "{es}");
    assert_no_english(
        &[
            "failed",
            "problems",
            "found",
            "record",
            "revision",
            "ciphertext",
            "hash",
            "ledger",
            "commits",
            "match",
        ],
        &en,
        &es,
    );
    assert!(es.contains("HAY PROBLEMAS"), "{es}");
    assert!(es.contains(&format!("incidente {id} versión 1: ")), "{es}");
    assert!(es.contains("se modificaron"), "{es}");
    // The machine-readable output is the same in both languages.
    let (_, json_en) = run_in(&v, "C", &["--json", "verify"]);
    let (_, json_es) = run_in(&v, "es_MX.UTF-8", &["--json", "verify"]);
    assert_eq!(json_en, json_es);
    assert!(json_es.contains("record_ciphertext_hash"), "{json_es}");
}

#[test]
fn spanish_keyslot_list_and_recovery_code() {
    let v = TestVault::new();
    let (code_en, list_en) = run_in(&v, "C", &["keyslot", "list"]);
    let (code_es, list_es) = run_in(&v, "es_MX.UTF-8", &["keyslot", "list"]);
    assert_eq!(
        (code_en, code_es),
        (Some(0), Some(0)),
        "{list_en}\n{list_es}"
    );
    let (code_en, add_en) = run_in(&v, "C", &["keyslot", "add", "--recovery"]);
    let (code_es, add_es) = run_in(&v, "es_MX.UTF-8", &["keyslot", "add", "--recovery"]);
    assert_eq!((code_en, code_es), (Some(0), Some(0)), "{add_en}\n{add_es}");
    let (_, list2_en) = run_in(&v, "C", &["keyslot", "list"]);
    let (_, list2_es) = run_in(&v, "es_MX.UTF-8", &["keyslot", "list"]);
    let en = format!("{list_en}\n{add_en}\n{list2_en}");
    let es = format!("{list_es}\n{add_es}\n{list2_es}");
    assert_no_english(
        &[
            "kind",
            "iterations",
            "lanes",
            "passphrase",
            "recovery",
            "code",
            "shown",
            "once",
            "write",
            "paper",
            "computer",
            "anyone",
            "keyslot",
            "added",
        ],
        &en,
        &es,
    );
    for needle in [
        "TIPO",
        "contraseña",
        "recuperación",
        "pasadas",
        "carriles",
        "Código de recuperación (se muestra solo esta vez)",
        "aviso: escriba el código de recuperación en papel",
    ] {
        assert!(es.contains(needle), "missing {needle:?} in:\n{es}");
    }
}

/// One incident, one keyslot, no attachment: `info` and `backup` say 1 in the singular and 0 in
/// the plural, in both languages (no "1 revisions", no "(s)").
#[test]
fn plurals_in_info_and_backup() {
    let v = TestVault::new();
    v.add_simple("Una camioneta gris me siguió.");
    let (code, en) = run_in(&v, "C", &["info"]);
    assert_eq!(code, Some(0), "{en}");
    assert!(
        en.contains("Incidents:    1 (1 revision), 0 attachments"),
        "{en}"
    );
    let (code, es) = run_in(&v, "es_MX.UTF-8", &["info"]);
    assert_eq!(code, Some(0), "{es}");
    assert!(es.contains("1 (1 versión), 0 adjuntos"), "{es}");
    assert!(es.contains("Accesos:"), "{es}");
    assert!(!es.contains("(s)"), "{es}");
    let out = v.path("copia.backup");
    let (code, es) = run_in(
        &v,
        "es_MX.UTF-8",
        &["backup", "--out", out.to_str().unwrap()],
    );
    assert_eq!(code, Some(0), "{es}");
    assert!(
        es.contains("anotaciones de la bitácora y 0 adjuntos"),
        "{es}"
    );
}
