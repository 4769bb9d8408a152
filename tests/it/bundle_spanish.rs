//! Bundles in Spanish: `export`, `exports`, `bundle verify` (good and tampered-with) and the
//! refusals of `export` and `bundle verify`, run with `--lang es`. The human output must hold no
//! English sentence and none of the words ES-GLOSSARY.md lists under "avoid"; the same runs in
//! English must hold the English markers (so the check cannot pass vacuously). Field names are
//! typed and shown in Spanish (`--redact testigos`).

use crate::common;

use std::path::Path;
use std::process::Output;

use common::{stderr, stdout, TestVault};

/// A small English detector: pieces of sentence no Spanish text contains.
const ENGLISH: &[&str] = &[
    " the ",
    " was ",
    " is not ",
    " does not ",
    " of the ",
    "refusing",
    "withheld",
    "disclosed",
    "incident(s)",
];

/// Words the glossary says to avoid (ES-GLOSSARY.md), and English field or kind names.
const AVOID: &[&str] = &[
    "huella",
    "punto de control",
    "fallo",
    "ranura",
    "Intro",
    "por omisión",
    "registro",
    "entrada",
    "(s)",
    "Escrito",
    "witnesses",
    "agents",
    "location",
    "narrative",
    "paquete export",
];

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// stdout and stderr of one run, together.
fn text(out: &Output) -> String {
    format!("{}{}", stdout(out), stderr(out))
}

fn check_spanish(what: &str, out: &str) {
    let lower = out.to_lowercase();
    for w in ENGLISH {
        assert!(!lower.contains(w), "{what}: English {w:?} in:\n{out}");
    }
    for w in AVOID {
        assert!(!out.contains(w), "{what}: avoided {w:?} in:\n{out}");
    }
}

/// A vault with one incident with a witness and a private span, and counsel's key.
fn setup() -> (TestVault, std::path::PathBuf, String) {
    let v = TestVault::new();
    v.json(&[
        "add",
        "--kind",
        "followed",
        "--when",
        "2026-11-20 14:30",
        "--where",
        "Calle 5",
        "--what",
        "Nos siguieron dos agentes; [[Ana, mi vecina]] lo vio.",
        "--witness",
        "name=Ana",
        "--agent",
        "chamarra gris; badge=4411",
    ]);
    let key = v.path("counsel.key");
    let k = v.json(&["keygen", "--out", s(&key)]);
    let recipient = k["recipient"].as_str().expect("recipient").to_owned();
    (v, key, recipient)
}

fn export(v: &TestVault, lang: &str, to: &str, out: &Path, redact: &str) -> Output {
    v.cmd()
        .args([
            "--lang",
            lang,
            "export",
            "--all",
            "--to",
            to,
            "--out",
            s(out),
        ])
        .args(["--redact", redact, "--strip-metadata"])
        .output()
        .expect("run")
}

fn verify(v: &TestVault, lang: &str, bundle: &Path, key: &Path) -> Output {
    v.cmd_locked()
        .args([
            "--lang",
            lang,
            "bundle",
            "verify",
            s(bundle),
            "--identity",
            s(key),
        ])
        .output()
        .expect("run")
}

#[test]
fn export_and_bundle_verify_speak_spanish() {
    let (v, key, to) = setup();

    // English first: the markers are there, so the Spanish check below means something.
    let en_bundle = v.path("en.age");
    let out = export(&v, "en", &to, &en_bundle, "witnesses");
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("1 incident,"), "{}", text(&out));
    assert!(text(&out).contains("withheld"), "{}", text(&out));
    let out = verify(&v, "en", &en_bundle, &key);
    assert!(out.status.success(), "{}", text(&out));
    let en = text(&out);
    assert!(en.contains("withheld") && en.contains("witnesses"), "{en}");

    // Spanish: `--redact testigos` is the field `witnesses`.
    let es_bundle = v.path("es.age");
    let out = export(&v, "es", &to, &es_bundle, "testigos");
    assert!(out.status.success(), "{}", text(&out));
    let es = text(&out);
    check_spanish("export", &es);
    assert!(
        es.contains("Se guardó") && es.contains("1 incidente,"),
        "{es}"
    );
    assert!(es.contains("bitácora"), "{es}");

    let out = verify(&v, "es", &es_bundle, &key);
    assert!(out.status.success(), "{}", text(&out));
    let es = text(&out);
    check_spanish("bundle verify", &es);
    assert!(es.contains("VERIFICADO"), "{es}");
    assert!(es.contains("paquete de exportación"), "{es}");
    assert!(
        es.contains("datos ocultos: ") && es.contains("testigos"),
        "{es}"
    );
    assert!(es.contains("parte privada 1"), "{es}");

    // The withheld field is the same in both bundles, and the JSON keeps the field's own name.
    let (_, report, _) = v.bundle_verify(&es_bundle, &key, &[]);
    let withheld = report["records"][0]["withheld"].to_string();
    assert!(withheld.contains("\"witnesses\""), "{report}");

    // A later disclosure names the field in Spanish too.
    let log = v.json(&["exports"]);
    let export_id = log[1]["id"].as_str().expect("export id").to_owned();
    let record = report["records"][0]["id"].as_str().expect("id").to_owned();
    let d = v.path("d.age");
    let out = v
        .cmd()
        .args(["--lang", "es", "disclose", "--bundle-of", &export_id[..8]])
        .args([
            "--entry",
            &record[..8],
            "--field",
            "testigos",
            "--to",
            &to,
            "--out",
            s(&d),
        ])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", text(&out));
    check_spanish("disclose", &text(&out));
    let (_, report, _) = v.bundle_verify(&d, &key, &[]);
    assert_eq!(
        report["records"][0]["disclosed"],
        serde_json::json!(["witnesses"]),
        "{report}"
    );

    // The disclosure log: kinds in Spanish, proper plurals.
    let out = v
        .cmd()
        .args(["--lang", "es", "exports"])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", text(&out));
    let es = text(&out);
    check_spanish("exports", &es);
    assert!(
        es.contains("exportación") && es.contains("revelación"),
        "{es}"
    );
}

#[test]
fn refusals_speak_spanish() {
    let (v, key, to) = setup();
    // A field that does not exist: the list of fields comes in Spanish.
    let out = export(&v, "es", &to, &v.path("x.age"), "testigo");
    assert!(!out.status.success());
    let es = text(&out);
    check_spanish("--redact testigo", &es);
    assert!(es.contains("testigos, etiquetas"), "{es}");
    let out = export(&v, "en", &to, &v.path("x.age"), "witness");
    assert!(
        text(&out).contains("fields are: kind, when, location"),
        "{}",
        text(&out)
    );

    // Not a bundle at all, and a bundle for someone else.
    let junk = v.path("junk.age");
    std::fs::write(&junk, b"not a bundle").expect("write");
    let out = verify(&v, "es", &junk, &key);
    assert!(!out.status.success());
    check_spanish("junk bundle", &text(&out));

    let bundle = v.path("b.age");
    let out = export(&v, "en", &to, &bundle, "tags");
    assert!(out.status.success(), "{}", text(&out));
    let other = v.path("other.key");
    v.json(&["keygen", "--out", s(&other)]);
    let out = verify(&v, "es", &bundle, &other);
    assert!(!out.status.success());
    let es = text(&out);
    check_spanish("other key", &es);
    assert!(es.contains("no está cifrado para la clave"), "{es}");

    // No recipient, and a private key given as one.
    let out = v
        .cmd()
        .args([
            "--lang",
            "es",
            "export",
            "--all",
            "--out",
            s(&v.path("y.age")),
        ])
        .output()
        .expect("run");
    assert!(!out.status.success());
    check_spanish("no recipient", &text(&out));
    let out = v
        .cmd()
        .args([
            "--lang",
            "es",
            "export",
            "--all",
            "--to",
            "AGE-SECRET-KEY-1XYZ",
        ])
        .args(["--out", s(&v.path("z.age"))])
        .output()
        .expect("run");
    assert!(!out.status.success());
    check_spanish("private key", &text(&out));
}
