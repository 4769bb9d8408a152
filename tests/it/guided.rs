//! The guided `vault add` and `vault amend`, and the passphrase prompts, driven through a real
//! terminal: tmux runs the binary in a pane,
//! `send-keys` types the answers and `capture-pane` reads the screen. Skipped (with a note) when
//! tmux is not installed; CI installs it (Debian package `tmux`).
//!
//! Nothing here depends on timing: each step waits for the text it needs to appear (polling, with
//! a generous deadline only to turn a hang into a failure).

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use common::TestVault;
use serde_json::Value;
use sha2::{Digest, Sha256};

const DEADLINE: Duration = Duration::from_secs(30);

/// A private tmux server with one pane running `vault add`.
struct Pane {
    socket: PathBuf,
}

fn tmux_available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

impl Pane {
    /// Starts `vault --vault DIR add` in a new pane with `LANG=lang`; the shell around it
    /// prints `EXIT:<status>` when it ends (130 when Ctrl-C killed it).
    fn start(v: &TestVault, lang: &str) -> Pane {
        Pane::run(v, lang, &["NO_COLOR=1"], &["add"])
    }

    /// Starts `vault --vault DIR ARGS...` with `LANG=lang` and the `env` assignments.
    fn run(v: &TestVault, lang: &str, env: &[&str], args: &[&str]) -> Pane {
        // A fresh server per pane: reusing a socket races with the previous server's shutdown.
        static PANES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = PANES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let socket = v.path(&format!("tmux-{n}.sock"));
        let script = "trap : INT; \"$@\"; echo \"EXIT:$?\"; sleep 600";
        let status = Command::new("tmux")
            .env_remove("TMUX")
            .arg("-S")
            .arg(&socket)
            .args([
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-x",
                "200",
                "-y",
                "50",
                "--",
            ])
            .args([
                "env",
                "-u",
                "VAULT_DIR",
                "-u",
                "VAULT_PASSPHRASE_FILE",
                "-u",
                "LC_ALL",
                "-u",
                "LC_MESSAGES",
                "-u",
                "NO_COLOR",
                "TZ=UTC",
            ])
            .arg(format!("LANG={lang}"))
            .args(env)
            .args(["sh", "-c", script, "sh"])
            .arg(env!("CARGO_BIN_EXE_vault"))
            .arg("--vault")
            .arg(&v.dir)
            .args(args)
            .status()
            .expect("run tmux");
        assert!(status.success(), "tmux new-session failed");
        Pane { socket }
    }

    fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .env_remove("TMUX")
            .arg("-S")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("run tmux");
        assert!(out.status.success(), "tmux {args:?} failed");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Everything the pane has shown, wrapped lines joined.
    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-J", "-S", "-"])
    }

    /// The screen with its colours and attributes as escape sequences.
    fn screen_with_escapes(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-e", "-J", "-S", "-"])
    }

    /// Waits until the screen contains `needle`; returns the screen.
    fn wait_for(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(needle) {
                return screen;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "never saw {needle:?}; the screen is:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits until the screen contains `needle` at least `n` times; returns the screen.
    fn wait_for_count(&self, needle: &str, n: usize) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.matches(needle).count() >= n {
                return screen;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "never saw {needle:?} {n} times; the screen is:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Types `text` and Enter.
    fn line(&self, text: &str) {
        if !text.is_empty() {
            self.tmux(&["send-keys", "-l", "--", text]);
        }
        self.tmux(&["send-keys", "Enter"]);
    }

    /// Waits for `question`, then answers each of `lines`.
    fn answer(&self, question: &str, lines: &[&str]) {
        self.wait_for(question);
        for l in lines {
            self.line(l);
        }
    }

    fn key(&self, key: &str) {
        self.tmux(&["send-keys", key]);
    }

    /// Waits for the program to end; returns its exit status as the shell reported it.
    fn exit_status(&self) -> String {
        let screen = self.wait_for("EXIT:");
        let at = screen.rfind("EXIT:").unwrap();
        screen[at + 5..]
            .chars()
            .take_while(|c| c.is_ascii_digit())
            .collect()
    }
}

impl Drop for Pane {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .env_remove("TMUX")
            .arg("-S")
            .arg(&self.socket)
            .arg("kill-server")
            .status();
    }
}

macro_rules! need_tmux {
    () => {
        if !tmux_available() {
            eprintln!(
                "note: tmux is not installed; skipping the terminal test (apt-get install tmux)"
            );
            return;
        }
    };
}

fn info(v: &TestVault) -> Value {
    let out = v.cmd_locked().args(["--json", "info"]).output().unwrap();
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).unwrap()
}

fn sha256_hex(path: &Path) -> String {
    hex::encode(Sha256::digest(std::fs::read(path).unwrap()))
}

#[test]
fn a_full_incident_typed_at_the_prompts_is_stored() {
    need_tmux!();
    let v = TestVault::new();
    let photo = v.path("photo one.jpg");
    std::fs::write(&photo, b"\xff\xd8\xff\xe0 not really a jpeg").unwrap();
    let p = Pane::start(&v, "C");
    p.answer("What kind of incident", &["2"]);
    // A time it cannot understand is asked again, with the accepted forms.
    p.answer("When did it happen", &["at teatime"]);
    p.wait_for("could not understand the time");
    p.line("2026-09-02 15:30");
    p.answer("Where did it happen", &["Main St & 5th"]);
    p.answer(
        "What happened?",
        &[
            "Two agents photographed people entering the clinic.",
            "[[My neighbour Ana]] was with me.",
            ".",
        ],
    );
    p.answer(
        "Agents: one per line",
        &["tall, grey jacket; badge=4411; agency=ICE", "name=Ruiz", ""],
    );
    p.answer("Vehicles: one per line", &["grey SUV; plate=ABC 1234", ""]);
    p.answer(
        "Witnesses: one per line",
        &["name=Ana; contact=555-0100", ""],
    );
    p.answer("Tags, separated by commas", &["clinic, photos"]);
    p.answer(
        "Files to attach (",
        &[&format!("'{}'", photo.display()), ""],
    );
    let summary = p.wait_for("Save this incident? [y/N");
    assert!(
        summary.contains("Please check what will be saved"),
        "{summary}"
    );
    assert!(summary.contains("badge 4411"), "{summary}");
    p.line("y");
    assert_eq!(p.exit_status(), "0", "{}", p.screen());

    let list = v.json(&["list"]);
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 1, "{list:?}");
    let r = v.json(&["show", list[0]["id"].as_str().unwrap()]);
    assert_eq!(r["kind"], "photographed");
    assert_eq!(r["occurred_at"], "2026-09-02T15:30:00+00:00");
    assert_eq!(r["location"]["text"], "Main St & 5th");
    assert_eq!(
        r["narrative"],
        "Two agents photographed people entering the clinic.\n[[My neighbour Ana]] was with me."
    );
    assert_eq!(
        r["agents"],
        serde_json::json!([
            {"description": "tall, grey jacket", "badge": "4411", "agency": "ICE"},
            {"name": "Ruiz"}
        ])
    );
    assert_eq!(
        r["vehicles"],
        serde_json::json!([{"description": "grey SUV", "plate": "ABC 1234"}])
    );
    assert_eq!(
        r["witnesses"],
        serde_json::json!([{"name": "Ana", "contact": "555-0100"}])
    );
    assert_eq!(r["tags"], serde_json::json!(["clinic", "photos"]));
    let atts = r["attachments"].as_array().unwrap();
    assert_eq!(atts.len(), 1, "{r}");
    assert_eq!(atts[0]["name"], "photo one.jpg");
    assert_eq!(atts[0]["sha256"], sha256_hex(&photo));
    assert!(
        photo.exists(),
        "the original stays without --remove-original"
    );
}

#[test]
fn ctrl_c_before_saving_stores_nothing() {
    need_tmux!();
    let v = TestVault::new();
    let before = info(&v);
    let p = Pane::start(&v, "es_MX.UTF-8");
    // The glossary's words: the key is Enter, never Intro.
    let intro = p.wait_for("¿Qué tipo de incidente fue?");
    assert!(intro.contains("Presione Enter para saltar"), "{intro}");
    assert!(!intro.contains("Intro"), "{intro}");
    p.answer("¿Qué tipo de incidente fue?", &["redada"]);
    p.answer("¿Cuándo pasó?", &["ayer 3pm"]);
    p.answer("¿Dónde pasó?", &["Calle Juárez"]);
    p.answer("¿Qué pasó?", &["Llegaron tres camionetas.", "."]);
    let agents = p.wait_for("Agentes: uno por línea");
    assert!(agents.contains("chamarra gris"), "{agents}");
    p.answer("Agentes: uno por línea", &[""]);
    p.answer(
        "Vehículos: uno por línea",
        &["camioneta blanca; matrícula=XYZ999", ""],
    );
    p.answer("Testigos: uno por línea", &[""]);
    p.answer("Etiquetas, separadas por comas", &["trabajo"]);
    p.answer("Archivos que adjuntar", &[""]);
    let summary = p.wait_for("¿Guardar este incidente? [s/N");
    assert!(summary.contains("placas XYZ999"), "{summary}");
    p.key("C-c");
    assert_eq!(p.exit_status(), "130", "{}", p.screen());
    let after = info(&v);
    assert_eq!(after["incidents"], 0, "{after}");
    assert_eq!(after["ledger_entries"], before["ledger_entries"], "{after}");
}

#[test]
fn end_of_input_mid_way_stores_nothing() {
    need_tmux!();
    let v = TestVault::new();
    let before = info(&v);
    let p = Pane::start(&v, "C");
    p.answer("What kind of incident", &["followed"]);
    p.answer("When did it happen", &[""]);
    p.answer("Where did it happen", &["Elm St"]);
    // Ctrl-D ends the narrative (it is multi-line) ...
    p.wait_for("What happened?");
    p.line("A car followed me home.");
    p.key("C-d");
    // ... but on a one-line question it means "stop": nothing is saved.
    p.answer("Agents: one per line", &[""]);
    p.answer("Vehicles: one per line", &[""]);
    p.answer("Witnesses: one per line", &[""]);
    p.wait_for("Tags, separated by commas");
    p.key("C-d");
    let screen = p.wait_for("EXIT:");
    assert!(
        screen.contains("vault: error: interrupted; nothing was saved"),
        "{screen}"
    );
    assert_eq!(p.exit_status(), "130");
    let after = info(&v);
    assert_eq!(after["incidents"], 0, "{after}");
    assert_eq!(after["ledger_entries"], before["ledger_entries"], "{after}");
}

#[test]
fn colour_only_on_a_terminal_and_never_with_no_color() {
    need_tmux!();
    let v = TestVault::new();
    v.add_simple("grey SUV");
    let pass = v.pass_file.to_str().unwrap().to_owned();
    let args = ["--passphrase-file", pass.as_str(), "list"];
    let coloured = Pane::run(&v, "C", &[], &args);
    assert_eq!(coloured.exit_status(), "0");
    let screen = coloured.screen_with_escapes();
    assert!(
        screen.contains('\x1b'),
        "a terminal gets colour: {screen:?}"
    );
    drop(coloured);
    let plain = Pane::run(&v, "C", &["NO_COLOR=1"], &args);
    assert_eq!(plain.exit_status(), "0");
    let screen = plain.screen_with_escapes();
    assert!(screen.contains("grey SUV"), "{screen}");
    assert!(!screen.contains('\x1b'), "NO_COLOR: {screen:?}");
}

#[test]
fn the_plaintext_report_asks_first_on_a_terminal() {
    need_tmux!();
    let v = TestVault::new();
    v.add_simple("grey SUV");
    let pass = v.pass_file.to_str().unwrap().to_owned();
    let html = v.path("report.html");
    let args = [
        "--passphrase-file",
        pass.as_str(),
        "report",
        "--out",
        html.to_str().unwrap(),
    ];
    let p = Pane::run(&v, "C", &["NO_COLOR=1"], &args);
    let screen = p.wait_for("Write this unencrypted file? [y/N]");
    assert!(screen.contains("is NOT encrypted"), "{screen}");
    p.line("n");
    assert_eq!(p.exit_status(), "130");
    assert!(!html.exists(), "declined: nothing written");
    drop(p);
    let p = Pane::run(&v, "es_MX.UTF-8", &["NO_COLOR=1"], &args);
    p.answer("¿Escribir este archivo sin cifrar? [s/N]", &["s"]);
    assert_eq!(p.exit_status(), "0", "{}", p.screen());
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("<html lang=\"es\">"), "{page}");
}

/// The tests below need tmux and fail when it is missing (CI installs it), unless
/// `VAULT_TEST_SKIP_TMUX=1` says to skip them on purpose.
macro_rules! require_tmux {
    () => {
        if !tmux_available() {
            assert!(
                std::env::var_os("VAULT_TEST_SKIP_TMUX").is_some_and(|v| v == "1"),
                "tmux is not installed (apt-get install tmux), and VAULT_TEST_SKIP_TMUX=1 is not set"
            );
            eprintln!("note: VAULT_TEST_SKIP_TMUX=1: skipping a terminal test");
            return;
        }
    };
}

/// The one incident's stored JSON.
fn only_incident(v: &TestVault) -> Value {
    let list = v.json(&["list"]);
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 1, "{list:?}");
    v.json(&["show", list[0]["id"].as_str().unwrap()])
}

/// Paragraphs in the narrative (ended by a lone `.`), and `back` at a one-line question, at a
/// list and at the confirmation, in English.
#[test]
fn paragraphs_and_back_at_the_prompts() {
    require_tmux!();
    let v = TestVault::new();
    let p = Pane::start(&v, "C");
    let intro = p.wait_for("What kind of incident");
    assert!(intro.contains("Type back at any question"), "{intro}");
    p.answer("Number or name [Enter = other]", &["raid"]);
    p.answer("When did it happen", &["back"]);
    p.answer("Number or name [Enter = keep raid]", &["2"]);
    p.wait_for_count("When did it happen", 2);
    p.line("2026-09-02 15:30");
    p.answer("Where did it happen", &["Main St"]);
    p.answer(
        "a line holding only a full stop",
        &[
            "A grey SUV waited outside the clinic.",
            "",
            "Later it followed me home.",
            ".",
        ],
    );
    p.answer("Agents: one per line", &["back"]);
    let screen = p.wait_for("Press Enter to keep it, or write it all again");
    assert!(screen.contains("What happened? Now it says:"), "{screen}");
    p.line(""); // the narrative stays
    p.wait_for_count("Agents: one per line", 2);
    p.line("");
    p.answer("Vehicles: one per line", &[""]);
    p.answer("Witnesses: one per line", &[""]);
    p.answer("Tags, separated by commas", &[""]);
    p.answer("Files to attach (", &[""]);
    p.answer(
        "Save this incident? [y/N; back = previous question]",
        &["back"],
    );
    p.wait_for_count("Files to attach (", 2);
    p.line("");
    p.wait_for_count("Save this incident?", 2);
    p.line("y");
    assert_eq!(p.exit_status(), "0", "{}", p.screen());
    let screen = p.screen();
    assert!(
        screen.contains("Saved incident ")
            && screen.contains("(photographed, Wed 2 Sep 2026, 3:30 pm)"),
        "{screen}"
    );
    assert_eq!(
        screen.matches("(back to the previous question)").count(),
        3,
        "{screen}"
    );
    let r = only_incident(&v);
    assert_eq!(r["kind"], "photographed");
    assert_eq!(
        r["narrative"],
        "A grey SUV waited outside the clinic.\n\nLater it followed me home."
    );
    assert_eq!(
        r["agents"],
        serde_json::json!([]),
        "the paragraph is no agent"
    );
}

/// The same in Spanish: `atrás` and `volver`, and a narrative of two paragraphs.
#[test]
fn parrafos_y_atras_en_espanol() {
    require_tmux!();
    let v = TestVault::new();
    let p = Pane::start(&v, "es_MX.UTF-8");
    let intro = p.wait_for("¿Qué tipo de incidente fue?");
    assert!(
        intro.contains("Escriba atrás en cualquier pregunta"),
        "{intro}"
    );
    p.answer("Número o nombre [Enter = otro]", &["redada"]);
    p.answer("¿Cuándo pasó?", &["2026-09-02 15:30"]);
    p.answer("¿Dónde pasó?", &["atrás"]);
    p.answer("¿Cuándo pasó? [Enter = dejar", &[""]);
    p.wait_for_count("¿Dónde pasó?", 2);
    p.line("Calle Juárez");
    p.answer(
        "una línea que tenga solo un punto",
        &[
            "Llegaron tres camionetas.",
            "",
            "Se llevaron a un vecino.",
            ".",
        ],
    );
    p.answer("Agentes: uno por línea", &["volver"]);
    p.answer("Presione Enter para dejarlo así", &[""]);
    p.wait_for_count("Agentes: uno por línea", 2);
    p.line("");
    p.answer("Vehículos: uno por línea", &[""]);
    p.answer("Testigos: uno por línea", &[""]);
    p.answer("Etiquetas, separadas por comas", &[""]);
    p.answer("Archivos que adjuntar", &[""]);
    p.answer(
        "¿Guardar este incidente? [s/N; atrás = pregunta anterior]",
        &["s"],
    );
    assert_eq!(p.exit_status(), "0", "{}", p.screen());
    let screen = p.screen();
    assert!(screen.contains("Se guardó el incidente "), "{screen}");
    assert_eq!(
        screen.matches("(de vuelta a la pregunta anterior)").count(),
        2,
        "{screen}"
    );
    let r = only_incident(&v);
    assert_eq!(r["kind"], "raid");
    assert_eq!(r["location"]["text"], "Calle Juárez");
    assert_eq!(
        r["narrative"],
        "Llegaron tres camionetas.\n\nSe llevaron a un vecino."
    );
}

/// `vault amend ID` alone asks again with the current values: Enter keeps, `-1` removes the
/// first agent, a line adds one; in English and in Spanish.
#[test]
fn guided_amend_keeps_what_is_not_changed() {
    require_tmux!();
    for (lang, kind_keep, what_keep, save, yes, files) in [
        (
            "C",
            "Number or name [Enter = keep followed]",
            "Press Enter to keep it",
            "Save this correction?",
            "y",
            "Files to attach",
        ),
        (
            "es_MX.UTF-8",
            "Número o nombre [Enter = dejar seguimiento]",
            "Presione Enter para dejarlo así",
            "¿Guardar esta corrección?",
            "s",
            "Archivos que adjuntar",
        ),
    ] {
        let v = TestVault::new();
        let id = v.json(&[
            "add",
            "--kind",
            "followed",
            "--when",
            "2026-09-02 15:30",
            "--where",
            "Elm St",
            "--what",
            "First line.\n\nSecond paragraph.",
            "--agent",
            "tall; badge=4411",
            "--agent",
            "short; badge=7720",
            "--tag",
            "clinic",
        ])["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let pass = v.pass_file.to_str().unwrap().to_owned();
        let p = Pane::run(
            &v,
            lang,
            &["NO_COLOR=1"],
            &["--passphrase-file", pass.as_str(), "amend", &id[..6]],
        );
        p.answer(kind_keep, &[""]);
        // Typed ahead: each line is read by the question it answers.
        for line in [
            "",              // when: kept
            "Main St & 5th", // where: changed
            "",              // narrative: kept
            "-1",            // agents: remove the first ...
            "grey cap; badge=9900",
            "", // ... add one, done
            "", // vehicles
            "", // witnesses
            "", // tags: kept
        ] {
            p.line(line);
        }
        let screen = p.wait_for(save);
        for shown in [
            "Elm St",
            what_keep,
            "Second paragraph.",
            "2. short; ",
            "clinic",
        ] {
            assert!(
                screen.contains(shown),
                "{lang}: {shown} not shown:\n{screen}"
            );
        }
        assert!(!screen.contains(files), "{screen}");
        p.line(yes);
        assert_eq!(p.exit_status(), "0", "{}", p.screen());
        let r = v.json(&["show", &id]);
        assert_eq!(r["revision"], 2, "{r}");
        assert_eq!(r["kind"], "followed");
        assert_eq!(r["occurred_at"], "2026-09-02T15:30:00+00:00");
        assert_eq!(r["location"]["text"], "Main St & 5th");
        assert_eq!(r["narrative"], "First line.\n\nSecond paragraph.");
        assert_eq!(
            r["agents"],
            serde_json::json!([
                {"description": "short", "badge": "7720"},
                {"description": "grey cap", "badge": "9900"}
            ]),
            "{lang}"
        );
        assert_eq!(r["tags"], serde_json::json!(["clinic"]));
    }
}

/// A wrong passphrase on a terminal is asked again (the prompt says a recovery code works too);
/// the right one then opens the vault. Three wrong ones end with exit 3. In both languages.
#[test]
fn a_wrong_passphrase_then_the_right_one() {
    require_tmux!();
    for (lang, prompt, again, left_one) in [
        (
            "C",
            "Vault passphrase (or recovery code):",
            "That did not open the vault. Try again (2 tries left)",
            "(1 try left)",
        ),
        (
            "es_MX.UTF-8",
            "Contraseña de la bóveda (o código de recuperación):",
            "No abrió la bóveda. Inténtelo otra vez (quedan 2 intentos)",
            "(queda 1 intento)",
        ),
    ] {
        let v = TestVault::new();
        v.add_simple("grey SUV outside");
        let p = Pane::run(&v, lang, &["NO_COLOR=1"], &["list"]);
        p.answer(prompt, &["not the passphrase at all"]);
        p.wait_for_count(prompt, 2);
        assert!(p.screen().contains(again), "{}", p.screen());
        p.line(common::PASSPHRASE);
        assert_eq!(p.exit_status(), "0", "{}", p.screen());
        assert!(p.screen().contains("grey SUV outside"), "{}", p.screen());
        drop(p);
        let p = Pane::run(&v, lang, &["NO_COLOR=1"], &["list"]);
        p.answer(prompt, &["wrong one"]);
        p.wait_for_count(prompt, 2);
        p.line("wrong two");
        p.wait_for_count(prompt, 3);
        assert!(p.screen().contains(left_one), "{}", p.screen());
        p.line("wrong three");
        assert_eq!(p.exit_status(), "3", "{}", p.screen());
    }
}

/// A new passphrase is judged right after the first entry: a weak one is asked again with
/// advice; a strong one is confirmed; `init` then gives the next steps.
#[test]
fn a_weak_new_passphrase_is_asked_again() {
    require_tmux!();
    let v = TestVault::uninit();
    let p = Pane::run(&v, "C", &["NO_COLOR=1"], &common::INIT_CHEAP);
    p.answer("New vault passphrase:", &["letmein"]);
    let screen = p.wait_for_count("New vault passphrase:", 2);
    assert!(screen.contains("too easy to guess"), "{screen}");
    assert!(screen.contains("Please choose another one"), "{screen}");
    assert!(!screen.contains("Type it again"), "{screen}");
    p.line(common::PASSPHRASE);
    let screen = p.wait_for("Type it again:");
    assert!(screen.contains("strong enough"), "{screen}");
    p.line(common::PASSPHRASE);
    assert_eq!(p.exit_status(), "0", "{}", p.screen());
    let screen = p.screen();
    assert!(screen.contains("vault keyslot add --recovery"), "{screen}");
    assert!(v.db().exists());
}
