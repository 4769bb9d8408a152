//! Spanish output under `LANG=es_MX.UTF-8`: the same session (init, add, list, show, info,
//! verify, search, patterns, report, and three errors) is run in English and in Spanish. A list
//! of English words is checked to occur in the English run (so the check cannot pass vacuously)
//! and to occur nowhere in the Spanish one.

mod common;

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
    "added",
    "since",
    "unlock",
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
    // errors
    "error",
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
    run(
        "init",
        with(&[
            "init",
            "--kdf-memory-mib",
            "64",
            "--kdf-iterations",
            "3",
            "--kdf-parallelism",
            "4",
        ]),
    );
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
            "matrícula=abc-1234",
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
        "Huella:",
        "Tipo:       seguimiento",
        "Qué pasó:",
        "nombre Ruiz; placa 4411; agencia ICE",
        "matrícula ABC1234: 2 incidentes",
        "entre 2026-09-04 14:00",
        "CORRECTO: comprobación completa",
        "vault: fallo: contraseña incorrecta",
        "vault: fallo: ningún incidente coincide con «ffffffff»",
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
