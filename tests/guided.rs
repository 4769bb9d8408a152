//! The guided `vault add`, driven through a real terminal: tmux runs the binary in a pane,
//! `send-keys` types the answers and `capture-pane` reads the screen. Skipped (with a note) when
//! tmux is not installed; CI installs it (Debian package `tmux`).
//!
//! Nothing here depends on timing: each step waits for the text it needs to appear (polling, with
//! a generous deadline only to turn a hang into a failure).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

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
            "",
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
    let summary = p.wait_for("Save this incident? [y/N]");
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
    p.answer("¿Qué tipo de incidente fue?", &["redada"]);
    p.answer("¿Cuándo pasó?", &["ayer 3pm"]);
    p.answer("¿Dónde pasó?", &["Calle Juárez"]);
    p.answer("¿Qué pasó?", &["Llegaron tres camionetas.", ""]);
    p.answer("Agentes: uno por línea", &[""]);
    p.answer(
        "Vehículos: uno por línea",
        &["camioneta blanca; matrícula=XYZ999", ""],
    );
    p.answer("Testigos: uno por línea", &[""]);
    p.answer("Etiquetas, separadas por comas", &["trabajo"]);
    p.answer("Archivos que adjuntar", &[""]);
    let summary = p.wait_for("¿Guardar este incidente? [s/N]");
    assert!(summary.contains("matrícula XYZ999"), "{summary}");
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
