//! Command-line conventions: completions and a man page generated from the clap definitions,
//! typo suggestions, `--json`, `--quiet`, no colour off a terminal, and the unencrypted report's
//! warning and confirmation. (Colour on a real terminal is tested in tests/guided.rs.)

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::TestVault;

fn stdout_of(v: &TestVault, args: &[&str]) -> (Option<i32>, String, String) {
    let out = v.cmd_locked().args(args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn completions_and_man_page_are_generated_from_the_definitions() {
    let v = TestVault::uninit();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let (code, script, err) = stdout_of(&v, &["completions", shell]);
        assert_eq!(code, Some(0), "{shell}: {err}");
        for word in ["vault", "patterns", "search", "with-attachments"] {
            assert!(script.contains(word), "{shell} completion lacks {word}");
        }
    }
    let (code, _, _) = stdout_of(&v, &["completions", "tcsh"]);
    assert_eq!(code, Some(2), "an unknown shell is a usage error");

    let (code, page, _) = stdout_of(&v, &["man"]);
    assert_eq!(code, Some(0));
    for needle in [
        ".TH vault 1",
        ".SH SYNOPSIS",
        ".SH EXAMPLES",
        "patterns",
        "report",
    ] {
        assert!(page.contains(needle), "man page lacks {needle}");
    }
    let (_, page_es, _) = stdout_of(&v, &["--lang", "es", "man"]);
    assert!(page_es.contains(".SH SINOPSIS"), "{page_es}");
    assert!(page_es.contains("Busca texto"), "{page_es}");
}

#[test]
fn typos_get_suggestions_and_every_command_has_examples() {
    let v = TestVault::uninit();
    let (code, _, err) = stdout_of(&v, &["patern"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("'patterns'"), "{err}");
    let (_, help, _) = stdout_of(&v, &["report", "--help"]);
    assert!(help.contains("Examples:"), "{help}");
    assert!(help.contains("vault report --out report.html"), "{help}");
}

#[test]
fn json_quiet_no_colour_and_the_plaintext_report() {
    let v = TestVault::new();
    let photo = v.path("p.jpg");
    std::fs::write(&photo, b"plain bytes").unwrap();
    let id = v.json(&[
        "add",
        "--kind",
        "raid",
        "--when",
        "2025-09-02 10:00",
        "--what",
        "<b>bold</b> & [[private]]",
        "--attach",
        photo.to_str().unwrap(),
    ])["id"]
        .as_str()
        .unwrap()
        .to_owned();

    // --quiet drops notes (here the "entries added since the last unlock" one); no escapes
    // off a terminal even without NO_COLOR.
    let out = v
        .cmd()
        .env_remove("NO_COLOR")
        .args(["--quiet", "list"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!out.stdout.contains(&0x1b), "escape codes in a pipe");

    // extract prints its result as JSON too.
    let x = v.json(&["extract", &id, "--out", v.path("x.jpg").to_str().unwrap()]);
    assert_eq!(x["name"], "p.jpg");
    assert_eq!(x["verified"], true);

    // The report: refused off a terminal without --yes, written with it, always with a warning.
    let html = v.path("r.html");
    let out = v
        .cmd()
        .args(["report", "--out", html.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--yes"));
    assert!(!html.exists(), "nothing written without confirmation");
    let out = v
        .cmd()
        .args(["--json", "report", "--out", html.to_str().unwrap(), "--yes"])
        .output()
        .unwrap();
    common::assert_success(&out, &["report"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("is NOT encrypted"), "{err}");
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["incidents"], 1);
    assert_eq!(r["encrypted"], false);
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("&lt;b&gt;bold&lt;/b&gt; &amp; "), "{page}");
    assert!(!page.to_lowercase().contains("<script"), "{page}");
    assert!(page.contains("p.jpg"), "{page}");
    // Never overwritten.
    let again = v.fails(&["report", "--out", html.to_str().unwrap(), "--yes"]);
    assert!(String::from_utf8_lossy(&again.stderr).contains("refusing to overwrite"));
    // CSV and JSON by extension.
    let csv = v.path("r.csv");
    v.ok(&["report", "--out", csv.to_str().unwrap(), "--yes"]);
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with("id,revision,kind,when,"), "{text}");
    assert!(text.contains(&id), "{text}");
}
