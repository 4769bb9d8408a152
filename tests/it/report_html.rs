//! Both HTML reports end to end: the owner's `vault report` and counsel's `report.html` inside a
//! bundle. Planted text (a script, an image with an event handler, quotes that would close an
//! attribute) comes out as text, never as markup, and each report speaks the language of the
//! person who wrote it (`--lang`), counsel's in English unless the export ran in Spanish.

use crate::common;

use std::path::Path;

use common::TestVault;

const WHAT: &str = "Said <script>alert(1)</script> then \"><img src=x onerror=alert(2)> \
                    and [[Ana <b>next door</b>]] saw it";
const AGENT: &str = "tall; name=\"><img src=x onerror=alert(3)>; badge=4411";

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

fn hostile_vault() -> TestVault {
    let v = TestVault::new();
    v.ok(&[
        "add",
        "--kind",
        "visited",
        "--when",
        "2026-11-20 14:30",
        "--where",
        "<svg onload=alert(4)>",
        "--what",
        WHAT,
        "--agent",
        AGENT,
        "--witness",
        "Luis 'the neighbour'",
        "--tag",
        "<i>tag</i>",
    ]);
    v
}

/// Every real tag of the page (text is escaped, so each `<` opens one) is harmless: no script,
/// image, frame, form, svg or outside link, no event handler, nothing loaded from elsewhere.
fn assert_safe(html: &str) {
    let lower = html.to_lowercase();
    let tags: Vec<&str> = lower
        .split('<')
        .skip(1)
        .map(|rest| rest.split('>').next().unwrap_or(rest))
        .collect();
    assert!(tags.len() > 20, "too few tags: {html}");
    for tag in tags {
        let name = tag.split_whitespace().next().unwrap_or("");
        assert!(
            !["script", "img", "svg", "link", "iframe", "object", "embed", "base", "form", "i",]
                .contains(&name),
            "<{tag}> in {html}"
        );
        for attr in tag.split_whitespace().skip(1) {
            assert!(
                !attr.starts_with("on")
                    && !attr.starts_with("src=")
                    && !attr.contains("http:")
                    && !attr.contains("https:")
                    && !attr.contains("//"),
                "<{tag}> in {html}"
            );
            if let Some(target) = attr.strip_prefix("href=\"") {
                assert!(target.starts_with('#'), "<{tag}> links out in {html}");
            }
        }
    }
    assert!(
        html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'\""),
        "{html}"
    );
    // The planted text is there, as text.
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    assert!(
        html.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"),
        "{html}"
    );
    assert!(
        html.contains("&quot;&gt;&lt;img src=x onerror=alert(3)&gt;"),
        "{html}"
    );
}

#[test]
fn the_owners_report_shows_planted_text_as_text_in_both_languages() {
    let v = hostile_vault();
    for (lang, labels) in [
        (
            "en",
            ["<html lang=\"en\">", "What happened", "Agents", "visited"],
        ),
        (
            "es",
            ["<html lang=\"es\">", "Qué pasó", "Agentes", "visita"],
        ),
    ] {
        let out = v.path(&format!("report-{lang}.html"));
        v.ok(&["--lang", lang, "report", "--out", s(&out), "--yes"]);
        let html = std::fs::read_to_string(&out).expect("report");
        assert_safe(&html);
        assert!(html.contains("&lt;svg onload=alert(4)&gt;"), "{html}");
        assert!(html.contains("&lt;i&gt;tag&lt;/i&gt;"), "{html}");
        assert!(
            html.contains("<span class=\"private\">Ana &lt;b&gt;next door&lt;/b&gt;</span>"),
            "{html}"
        );
        for label in labels {
            assert!(html.contains(label), "{lang}: {label} missing in {html}");
        }
    }
}

#[test]
fn counsels_report_shows_planted_text_as_text_in_the_exporters_language() {
    let v = hostile_vault();
    let key = v.path("counsel.key");
    let recipient = v.json(&["keygen", "--out", s(&key)])["recipient"]
        .as_str()
        .expect("recipient")
        .to_owned();
    for (lang, redact, labels) in [
        (
            "en",
            "witnesses",
            [
                "<html lang=\"en\">",
                "<th>Witnesses</th><td><span class=\"withheld\">[withheld]</span>",
                "[private part withheld]",
                "Incident records",
            ],
        ),
        (
            "es",
            "testigos",
            [
                "<html lang=\"es\">",
                "<th>Testigos</th><td><span class=\"withheld\">[oculto]</span>",
                "[parte privada oculta]",
                "Incidentes anotados",
            ],
        ),
    ] {
        let bundle = v.path(&format!("bundle-{lang}.age"));
        v.ok(&[
            "--lang",
            lang,
            "export",
            "--to",
            &recipient,
            "--all",
            "--redact",
            redact,
            "--out",
            s(&bundle),
        ]);
        // Counsel opens it with their own settings: the page is the one the export wrote.
        let dir = v.path(&format!("case-{lang}"));
        let out = v
            .cmd_locked()
            .args([
                "bundle",
                "open",
                s(&bundle),
                "--identity",
                s(&key),
                "--out",
                s(&dir),
            ])
            .output()
            .expect("run");
        common::assert_success(&out, &["bundle", "open"]);
        let html = std::fs::read_to_string(dir.join("report.html")).expect("report.html");
        assert_safe(&html);
        assert!(
            !html.contains("Luis"),
            "a withheld witness never leaves: {html}"
        );
        assert!(!html.contains("Ana"), "a private span never leaves: {html}");
        for label in labels {
            assert!(html.contains(label), "{lang}: {label} missing in {html}");
        }
    }
}
