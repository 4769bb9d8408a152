//! Planted text never drives the terminal, every small input is bounded, and the messages of
//! issue 18 are clear. The attacker here is adversary 7 (SECURITY.md): someone who can run
//! `add` and `attach` (no passphrase needed) or write to the vault folder. The planted text
//! holds terminal escapes (OSC title, clear screen, cursor home), a carriage return, a bell, a
//! C1 control, a right-to-left override and line breaks; the owner's ordinary commands must show
//! all of it as visible escapes, one incident per `list` line, while `--json` keeps it exact.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::{one_line_error, stderr, stdout};

use std::io::Write;
use std::path::Path;
use std::process::Output;

use common::TestVault;
use serde_json::Value;

/// Text an attacker plants: OSC 0 (retitle), ED (clear screen), CUP (cursor home), CR, a line
/// that poses as another incident, BEL, LF, RLO (U+202E), C1 CSI (U+009B) and a tab.
const HOSTILE: &str = "evil\u{1b}]0;pwned-title\u{7} \u{1b}[2J\u{1b}[H\rdeadbeef  2026-11-20 14:30 +00:00 followed  FAKE\nsecond line \u{202E}gpj.exe\u{9b}31m\tend";

/// A place planted in two incidents (so `patterns` prints it).
const HOSTILE_PLACE: &str = "Main St\u{1b}[2J\u{7}\u{202E}\r\nFAKE";

/// A file name with the same kind of content (Linux allows all but `/` and NUL).
const HOSTILE_FILE: &str = "photo\u{1b}]0;t\u{7}\r\u{202E}gpj.exe\nx.txt";

/// Characters a terminal acts on or reorders instead of showing: every control but the line
/// feed, and the bidi and invisible format controls.
fn is_dangerous(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(
            c,
            '\u{061C}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{2069}'
                | '\u{FEFF}'
        )
}

/// Asserts neither stdout nor stderr holds a character a terminal would act on.
fn assert_terminal_safe(out: &Output, what: &str) {
    for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        let text = String::from_utf8_lossy(bytes);
        if let Some(c) = text.chars().find(|c| is_dangerous(*c)) {
            panic!("{what}: {stream} holds the raw character {c:?}:\n{text}");
        }
    }
}

/// Runs with the passphrase; asserts success and terminal-safe output.
fn run_safe(v: &TestVault, args: &[&str]) -> Output {
    let out = v.cmd().args(args).output().expect("run");
    common::assert_success(&out, args);
    assert_terminal_safe(&out, &args.join(" "));
    out
}

/// Runs without the passphrase (as the attacker can); asserts success and safe output.
fn run_locked_safe(v: &TestVault, args: &[&str]) -> Output {
    let out = v.cmd_locked().args(args).output().expect("run");
    common::assert_success(&out, args);
    assert_terminal_safe(&out, &args.join(" "));
    out
}

/// How many incidents the vault holds (read with the passphrase, as JSON).
fn incident_count(v: &TestVault) -> usize {
    v.json(&["list"]).as_array().expect("array").len()
}

#[test]
fn planted_control_characters_never_reach_the_terminal() {
    let v = TestVault::new();

    // The attacker plants text in every field of two incidents, with no passphrase.
    let add = |what: &str| -> String {
        let out = run_locked_safe(
            &v,
            &[
                "--json",
                "add",
                "--kind",
                "followed",
                "--when",
                "2026-11-20 14:30",
                "--what",
                what,
                "--where",
                HOSTILE_PLACE,
                "--agent",
                &format!("{HOSTILE}; name={HOSTILE}; badge=44\u{1b}[2J11"),
                "--vehicle",
                "grey van\u{7}; plate=ABC\u{202E}123",
                "--witness",
                HOSTILE,
                "--tag",
                "tag\u{1b}]0;x\u{7}",
            ],
        );
        let v: Value = serde_json::from_slice(&out.stdout).expect("json");
        v["id"].as_str().expect("id").to_owned()
    };
    let id = add(HOSTILE);
    let _other = add(&format!("another one {HOSTILE}"));
    v.add_simple("a plain incident");

    // A file with a hostile name, attached without the passphrase.
    let file = v.path(HOSTILE_FILE);
    std::fs::write(&file, b"just text\n").expect("write");
    let file_arg = file.to_str().expect("utf-8 path");
    run_locked_safe(&v, &["attach", &id, file_arg]);

    // `list`: one line per incident, the planted escapes shown as visible text.
    let out = run_safe(&v, &["list"]);
    let text = stdout(&out);
    assert_eq!(
        text.lines().count(),
        3,
        "one line per incident, whatever the fields hold:\n{text}"
    );
    for line in text.lines() {
        let prefix = line.get(..8).unwrap_or_default();
        assert!(
            prefix.chars().all(|c| c.is_ascii_hexdigit()),
            "every line starts with an incident id: {line:?}"
        );
    }
    assert!(text.contains("\\e]0;pwned-title\\x07"), "{text}");
    assert!(text.contains("<U+202E>"), "{text}");

    // `show`: every field, the attachment name, the narrative's own line break kept.
    let out = run_safe(&v, &["show", &id]);
    let text = stdout(&out);
    assert!(text.contains("\\e[2J\\e[H\\rdeadbeef"), "{text}");
    assert!(text.contains("<U+009B>31m\\tend"), "{text}");
    assert!(
        text.contains("photo\\e]0;t\\x07\\r<U+202E>gpj.exe\\nx.txt"),
        "{text}"
    );
    assert!(text.contains("tag\\e]0;x\\x07"), "{text}");
    assert!(text.contains("name evil\\e]0;"), "{text}");
    assert!(text.contains("badge 44\\e[2J11"), "{text}");
    assert!(text.contains("plate ABC<U+202E>123"), "{text}");

    // `--json` keeps the exact text.
    let shown = v.json(&["show", &id]);
    assert_eq!(shown["narrative"].as_str(), Some(HOSTILE));
    assert_eq!(shown["location"]["text"].as_str(), Some(HOSTILE_PLACE));
    assert_eq!(shown["tags"][0].as_str(), Some("tag\u{1b}]0;x\u{7}"));
    assert_eq!(shown["attachments"][0]["name"].as_str(), Some(HOSTILE_FILE));
    let listed = v.json(&["list"]);
    assert!(listed
        .as_array()
        .expect("array")
        .iter()
        .any(|r| r["narrative"].as_str() == Some(HOSTILE)));

    // `show --history` after an amend that plants more.
    run_safe(&v, &["amend", &id, "--what", &format!("amended {HOSTILE}")]);
    let out = run_safe(&v, &["show", "--history", &id]);
    assert!(
        stdout(&out).contains("amended evil\\e]0;"),
        "{}",
        stdout(&out)
    );

    // `search`, `patterns`: the matches are one line each, the repeated place escaped.
    let out = run_safe(&v, &["search", "evil"]);
    assert_eq!(stdout(&out).lines().count(), 2, "{}", stdout(&out));
    let out = run_safe(&v, &["search", "no\u{1b}[2Jsuch"]);
    assert_eq!(stdout(&out), "");
    let out = run_safe(&v, &["patterns"]);
    assert!(
        stdout(&out).contains("\\e[2J\\x07<U+202E>"),
        "the repeated place is listed, escaped:\n{}",
        stdout(&out)
    );

    // `export` and `exports`.
    let recipient = stdout(&run_safe(
        &v,
        &[
            "keygen",
            "--out",
            v.path("counsel.key").to_str().expect("path"),
        ],
    ));
    run_safe(
        &v,
        &[
            "export",
            "--all",
            "--to",
            recipient.trim(),
            "--out",
            v.path("bundle.age").to_str().expect("path"),
        ],
    );
    let out = run_safe(&v, &["exports"]);
    assert_eq!(stdout(&out).lines().count(), 1, "{}", stdout(&out));

    // `verify`, with and without the passphrase.
    run_safe(&v, &["verify"]);
    run_locked_safe(&v, &["verify"]);
}

#[test]
fn planted_keyslot_ids_and_error_details_are_escaped() {
    let v = TestVault::new();
    v.add_simple("something happened");
    // The keyslot table is stored in the clear: the attacker copies a slot under a hostile id.
    let hostile_id = "slot\u{1b}]0;owned\u{7}\r\u{202E}\nFAKE";
    {
        let db = rusqlite::Connection::open(v.db()).expect("open db");
        db.execute(
            "INSERT INTO keyslots (id, kind, kdf, salt, wrapped, leaf_index)
             SELECT ?1, kind, kdf, salt, wrapped, leaf_index FROM keyslots LIMIT 1",
            [hostile_id],
        )
        .expect("plant keyslot");
    }
    // `keyslot list` shows the planted id, escaped, on one line (or refuses in one safe line).
    let out = v
        .cmd_locked()
        .args(["keyslot", "list"])
        .output()
        .expect("run");
    assert_terminal_safe(&out, "keyslot list");
    // Listed (escaped), or refused as damage in one safe line: never raw.
    if out.status.success() {
        let listed = stdout(&out);
        assert!(
            listed.contains("slot\\e]0;owned\\x07\\r<U+202E>\\nFAKE"),
            "the planted id is shown escaped: {listed}"
        );
        assert_eq!(
            listed.lines().count(),
            3,
            "a header and one line per slot: {listed}"
        );
    } else {
        one_line_error(&out);
    }
    // Whatever `verify` makes of it, the terminal is safe.
    for mut cmd in [v.cmd(), v.cmd_locked()] {
        let out = cmd.arg("verify").output().expect("run");
        assert_terminal_safe(&out, "verify with a planted keyslot");
    }
    // `keyslot remove` by a hostile prefix: the error quotes it, escaped.
    let out = v.fails(&["keyslot", "remove", "zz\u{1b}[2J"]);
    assert_terminal_safe(&out, "keyslot remove");
}

#[test]
fn library_errors_quoting_typed_text_are_one_safe_line() {
    let v = TestVault::new();
    v.add_simple("kept");
    // The Spanish messages quote with «» (no escaping of their own): the edge escapes them.
    for lang in ["en", "es"] {
        for args in [
            &["show", "ab\u{1b}]0;x\u{7}\ncd"][..],
            &["list", "--since", "ab\u{1b}]0;x\u{7}\ncd"],
            &["list", "--kind", "ab\u{1b}]0;x\u{7}\ncd"],
        ] {
            let out = v
                .cmd()
                .args(["--lang", lang])
                .args(args)
                .output()
                .expect("run");
            assert_terminal_safe(&out, &format!("{lang} {args:?}"));
            // The typed text is quoted on the one error line (escaped, whichever way).
            let line = one_line_error(&out);
            assert!(
                line.contains("ab") && line.contains("]0;x") && line.contains("cd"),
                "{line}"
            );
        }
    }
}

#[test]
fn restore_of_a_wrong_file_names_it_without_echoing_it() {
    let v = TestVault::new();
    let target = v.path("restored");
    let restore_into = |file: &Path| -> Output {
        let mut t = TestVault::uninit();
        t.dir = target.clone();
        t.cmd().arg("restore").arg(file).output().expect("run")
    };
    // A text file whose first bytes would be read as a tar member name.
    let wrong = v.path("notes.txt");
    std::fs::write(
        &wrong,
        format!("PRIVATE-NOTES {HOSTILE} more private words\n").repeat(20),
    )
    .expect("write");
    let out = restore_into(&wrong);
    assert_terminal_safe(&out, "restore of a text file");
    let line = one_line_error(&out);
    assert!(line.contains("is not a vault backup"), "{line}");
    assert!(!stderr(&out).contains("PRIVATE-NOTES"), "{}", stderr(&out));
    assert!(!target.exists(), "nothing was restored");

    // A real tar archive whose member name is hostile: refused, and the name shown escaped.
    let tarfile = v.path("hostile.tar");
    {
        let mut b = tar::Builder::new(std::fs::File::create(&tarfile).expect("create"));
        let mut h = tar::Header::new_ustar();
        h.set_size(3);
        h.set_mode(0o600);
        h.set_entry_type(tar::EntryType::Regular);
        h.as_ustar_mut().expect("ustar").name[..13]
            .copy_from_slice(b"\x1b]0;pwn\x07\r\xe2\x80\xaex");
        h.set_cksum();
        b.append(&h, &b"abc"[..]).expect("append");
        b.finish().expect("finish");
    }
    let out = restore_into(&tarfile);
    assert_terminal_safe(&out, "restore of a hostile tar");
    one_line_error(&out);
    assert!(!target.join("vault.db").exists(), "nothing was restored");
}

#[test]
fn passphrase_file_from_dev_zero_fails_fast_with_a_clear_error() {
    let v = TestVault::new();
    v.add_simple("kept");
    for lang in ["en", "es"] {
        let out = v
            .cmd_locked()
            .args(["--lang", lang, "--passphrase-file", "/dev/zero", "list"])
            .output()
            .expect("run");
        let line = one_line_error(&out);
        assert_eq!(out.status.code(), Some(1), "{line}");
        let expected = match lang {
            "en" => "the first line of /dev/zero is longer than 4096 bytes",
            _ => "la primera línea de /dev/zero tiene más de 4096 bytes",
        };
        assert!(line.contains(expected), "{line}");
    }
    // A passphrase file longer than the limit on one line is refused the same way.
    let long = v.path("long.txt");
    std::fs::write(&long, "x".repeat(5000)).expect("write");
    let out = v
        .cmd_locked()
        .arg("--passphrase-file")
        .arg(&long)
        .arg("list")
        .output()
        .expect("run");
    assert!(one_line_error(&out).contains("longer than 4096 bytes"));
    // The ordinary file still works, and nothing was lost.
    assert_eq!(incident_count(&v), 1);
}

#[test]
fn passphrase_fifo_is_read_up_to_its_first_line_only() {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::{mpsc, Arc};

    let v = TestVault::new();
    v.add_simple("kept");
    let fifo = v.path("pass.fifo");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    // The writer sends the passphrase line and then holds the pipe open (no end of file) until
    // told to stop: a reader that waited for the end would not return before `closed` is set.
    let closed = Arc::new(AtomicBool::new(false));
    let (stop, stopped) = mpsc::channel::<()>();
    let writer = {
        let fifo = fifo.clone();
        let closed = closed.clone();
        std::thread::spawn(move || {
            let mut f = std::fs::OpenOptions::new()
                .write(true)
                .open(&fifo)
                .expect("open fifo");
            writeln!(f, "{}", common::PASSPHRASE).expect("write");
            f.flush().expect("flush");
            // Held open until the test is done (or, if the reader hung, after a minute).
            let _ = stopped.recv_timeout(std::time::Duration::from_secs(60));
            closed.store(true, Ordering::SeqCst);
            drop(f);
        })
    };
    let out = v
        .cmd_locked()
        .arg("--passphrase-file")
        .arg(&fifo)
        .args(["--json", "list"])
        .output()
        .expect("run");
    let returned_before_close = !closed.load(Ordering::SeqCst);
    let _ = stop.send(());
    writer.join().expect("writer");
    common::assert_success(&out, &["list with a FIFO passphrase"]);
    assert!(
        returned_before_close,
        "the passphrase was read to the end of the pipe, not to its first line break"
    );
    let listed: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(listed.as_array().map(Vec::len), Some(1));
}

/// A sparse file of `len` bytes (costs no disk).
fn sparse(path: &Path, len: u64) {
    std::fs::File::create(path)
        .and_then(|f| f.set_len(len))
        .expect("sparse file");
}

#[test]
fn oversized_input_files_are_refused_with_one_clear_line() {
    let v = TestVault::new();
    let id = v.add_simple("kept");

    // --from-json: a file over 256 MiB (refused from its size), and endless input.
    let big = v.path("big.json");
    sparse(&big, (256 << 20) + 1);
    let line = one_line_error(&v.fails(&["add", "--from-json", big.to_str().expect("path")]));
    assert!(
        line.contains("is too large for this input (more than 256 MiB)"),
        "{line}"
    );
    let line = one_line_error(&v.fails(&["add", "--from-json", "/dev/zero"]));
    assert!(line.contains("the JSON does not parse"), "{line}");

    // verify --receipt: a receipt is a few hundred bytes; 64 KiB is the limit.
    let receipt = v.path("receipt.txt");
    sparse(&receipt, (64 << 10) + 1);
    let line = one_line_error(&v.fails(&["verify", "--receipt", receipt.to_str().expect("path")]));
    assert!(line.contains("more than 64 KiB"), "{line}");
    let line = one_line_error(&v.fails(&["verify", "--receipt", "/dev/zero"]));
    assert!(line.contains("/dev/zero is too large"), "{line}");

    // export --to-file: 64 KiB (a key file); --redact-policy: 1 MiB.
    let recipients = v.path("counsel.pub");
    sparse(&recipients, (1 << 20) + 1);
    let out_file = v.path("out.age");
    let line = one_line_error(&v.fails(&[
        "export",
        "--all",
        "--to-file",
        recipients.to_str().expect("path"),
        "--out",
        out_file.to_str().expect("path"),
    ]));
    assert!(line.contains("more than 64 KiB"), "{line}");
    let policy = v.path("policy.json");
    sparse(&policy, (1 << 20) + 1);
    let line = one_line_error(&v.fails(&[
        "export",
        "--all",
        "--to",
        "age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq",
        "--redact-policy",
        policy.to_str().expect("path"),
        "--out",
        out_file.to_str().expect("path"),
    ]));
    assert!(line.contains("more than 1 MiB"), "{line}");
    assert!(!out_file.exists(), "no bundle was written");

    // Nothing stored changed.
    assert_eq!(incident_count(&v), 1);
    assert_eq!(v.json(&["show", &id])["narrative"].as_str(), Some("kept"));
}

#[test]
fn wrong_passphrase_to_verify_says_so_once() {
    let v = TestVault::new();
    v.add_simple("kept");
    let wrong = v.path("wrong.txt");
    std::fs::write(&wrong, "not the passphrase at all\n").expect("write");
    let out = v
        .cmd_locked()
        .arg("--passphrase-file")
        .arg(&wrong)
        .arg("verify")
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let err = stderr(&out);
    assert_eq!(err.matches("wrong passphrase").count(), 1, "{err}");
    assert!(!err.contains("no passphrase given"), "{err}");
    // The checks that need no passphrase still ran and are reported.
    assert!(
        stdout(&out).contains("basic check passed"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_million_days_ago_is_too_far_in_the_past() {
    let v = TestVault::new();
    for (lang, when, expected) in [
        ("en", "1000000 days ago", "too far in the past"),
        ("en", "999999 days ago", "too far in the past"),
        ("es", "hace 1000000 días", "demasiado lejos en el pasado"),
    ] {
        let out = v
            .cmd_locked()
            .args(["--lang", lang, "add", "--kind", "followed", "--when", when])
            .output()
            .expect("run");
        let line = one_line_error(&out);
        assert!(line.contains(expected), "{line}");
        assert!(!line.contains("clock time"), "{line}");
    }
}

#[test]
fn init_where_the_vault_path_is_a_file_says_so() {
    let mut v = TestVault::uninit();
    let file = v.path("afile");
    std::fs::write(&file, b"my file").expect("write");
    for (path, lang, expected) in [
        (file.clone(), "en", "is a file, not a folder"),
        (file.join("sub"), "en", "is a file, not a folder"),
        (file.clone(), "es", "es un archivo, no una carpeta"),
    ] {
        v.dir = path;
        let out = v
            .cmd()
            .args(["--lang", lang])
            .args(["init", "--kdf-memory-mib", "64", "--kdf-iterations", "3"])
            .output()
            .expect("run");
        let line = one_line_error(&out);
        assert!(line.contains(expected), "{line}");
        assert!(!line.contains("os error"), "{line}");
    }
    assert_eq!(std::fs::read(&file).expect("read"), b"my file");
}

#[test]
fn from_json_refuses_what_the_flags_refuse() {
    let v = TestVault::new();
    let id = v.add_simple("kept");
    let try_json = |doc: Value| -> Output {
        let f = v.path("in.json");
        std::fs::write(&f, serde_json::to_vec(&doc).expect("json")).expect("write");
        v.cmd_locked()
            .args(["add", "--from-json"])
            .arg(&f)
            .output()
            .expect("run")
    };
    for (doc, expected) in [
        (
            serde_json::json!({"kind": "followed", "occurred_at": "2099-01-01"}),
            "in the future",
        ),
        (
            serde_json::json!({"kind": "followed", "occurred_at": "2099-01-01T10:00:00Z"}),
            "in the future",
        ),
        (
            serde_json::json!({"kind": "followed", "occurred_at": {
                "start": "2026-11-20T10:00:00Z", "end": "2099-01-01T10:00:00Z", "approximate": false}}),
            "in the future",
        ),
        (
            serde_json::json!({"kind": "followed", "occurred_at": "1850-01-01"}),
            "too far in the past",
        ),
        (
            serde_json::json!({"kind": "followed", "occurred_at": "2026-11-20", "agents": [{}]}),
            "entry is empty",
        ),
        (
            serde_json::json!({"kind": "followed", "occurred_at": "2026-11-20",
                "witnesses": [{"name": "   ", "description": ""}]}),
            "entry is empty",
        ),
        (
            serde_json::json!({"kind": "followed", "occurred_at": "2026-11-20", "tags": ["  "]}),
            "a tag is empty",
        ),
    ] {
        let out = try_json(doc.clone());
        let line = one_line_error(&out);
        assert!(line.contains(expected), "{doc}: {line}");
    }
    assert_eq!(incident_count(&v), 1, "nothing was stored");

    // What `show --json` prints goes back in, tidied as the flags tidy.
    let mut doc = v.json(&["show", &id]);
    doc["tags"] = serde_json::json!([" padded "]);
    doc["location"] = serde_json::json!({"text": "  "});
    let out = try_json(doc);
    common::assert_success(&out, &["add --from-json of show --json"]);
    let new_id = stdout(&out).trim().to_owned();
    let shown = v.json(&["show", &new_id]);
    assert_eq!(shown["narrative"].as_str(), Some("kept"));
    assert_eq!(shown["tags"], serde_json::json!(["padded"]));
    assert!(shown["location"].is_null(), "{shown}");
}
