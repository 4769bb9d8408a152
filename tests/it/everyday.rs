//! Everyday use under stress: a plate searched the way it was typed, incidents withdrawn when
//! entered by mistake, list flags that add or remove one line, a vault on a drive that is not
//! plugged in, and the words around saving and erasing.

use crate::common;

use common::TestVault;
use serde_json::Value;

/// Logs a followed incident with one vehicle line; returns its id.
fn add_vehicle(v: &TestVault, when: &str, vehicle: &str, what: &str) -> String {
    let out = v.json(&[
        "add",
        "--kind",
        "followed",
        "--when",
        when,
        "--what",
        what,
        "--vehicle",
        vehicle,
    ]);
    out["id"].as_str().unwrap().to_owned()
}

fn ids(v: &Value) -> Vec<String> {
    let mut out: Vec<String> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect();
    out.sort();
    out
}

/// `patterns` groups the plate written as `placa=`, `plate=` and `matrícula=` with dashes,
/// spaces and case in any way; `search` finds exactly the same incidents whichever way the plate
/// is typed, plus the one that names it only in its narrative.
#[test]
fn patterns_and_search_agree_on_a_plate() {
    let v = TestVault::new();
    let a = add_vehicle(
        &v,
        "2026-11-02 09:00",
        "Dodge Charger azul; placa=8KLM-472",
        "a",
    );
    let b = add_vehicle(&v, "2026-11-05 09:00", "blue Charger; plate=8klm472", "b");
    let c = add_vehicle(&v, "2026-11-09 09:00", "matrícula=8KLM 472", "c");
    let d = add_vehicle(&v, "2026-11-10 09:00", "grey van; plate=XYZ-9001", "d");
    let e = v.add_simple("the blue car again, 8 KLM-472, outside the school");
    let mut plate = vec![a, b, c];
    plate.sort();

    let found = v.json(&["patterns"]);
    let group = found
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["kind"] == "plate")
        .expect("a plate pattern");
    assert_eq!(group["key"], "8KLM472");
    assert_eq!(group["count"], 3);
    let mut grouped: Vec<String> = group["incidents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i.as_str().unwrap().to_owned())
        .collect();
    grouped.sort();
    assert_eq!(grouped, plate);

    let mut with_narrative = plate.clone();
    with_narrative.push(e);
    with_narrative.sort();
    for typed in [
        &["8klm472"][..],
        &["8KLM 472"],
        &["8KLM", "472"],
        &["8KLM-472"],
        &["8-klm-472"],
    ] {
        let mut args = vec!["search"];
        args.extend_from_slice(typed);
        assert_eq!(ids(&v.json(&args)), with_narrative, "search {typed:?}");
    }
    assert_eq!(ids(&v.json(&["search", "xyz9001"])), vec![d]);
    assert!(ids(&v.json(&["search", "8KLM473"])).is_empty());
}

fn s(p: &std::path::Path) -> &str {
    p.to_str().unwrap()
}

/// `withdraw` writes a signed revision that hides a mistaken entry from list, search, patterns,
/// reports and `export --all`; `show` and `--history` say it was withdrawn and why; verify
/// covers it; a bundle that names it carries the withdrawal, which cannot be withheld; `--undo`
/// brings it back; an amendment keeps it withdrawn.
#[test]
fn a_withdrawn_incident_is_kept_signed_and_hidden_unless_asked() {
    let v = TestVault::new();
    let mistake = add_vehicle(&v, "2026-11-02 09:00", "plate=TEST123", "typing practice");
    let other = add_vehicle(&v, "2026-11-03 09:00", "plate=TEST123", "the real one");
    let out = v.json(&[
        "withdraw",
        &mistake[..8],
        "--reason",
        "test entry, not real",
    ]);
    assert_eq!(out["revision"], 2);
    assert_eq!(out["withdrawn"], true);

    assert_eq!(ids(&v.json(&["list"])), vec![other.clone()]);
    let mut both = vec![mistake.clone(), other.clone()];
    both.sort();
    let all = v.json(&["list", "--include-withdrawn"]);
    assert_eq!(ids(&all), both);
    let shown = all
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == mistake.as_str())
        .unwrap();
    assert_eq!(shown["withdrawn"]["reason"], "test entry, not real");
    assert_eq!(ids(&v.json(&["search", "practice"])), Vec::<String>::new());
    assert_eq!(
        ids(&v.json(&["search", "practice", "--include-withdrawn"])),
        vec![mistake.clone()]
    );
    assert_eq!(v.json(&["patterns"]), serde_json::json!([]));
    assert_eq!(v.json(&["patterns", "--include-withdrawn"])[0]["count"], 2);
    let report = v.path("report.json");
    v.ok(&["report", "--format", "json", "--out", s(&report), "--yes"]);
    let text = std::fs::read_to_string(&report).unwrap();
    assert!(
        !text.contains("typing practice") && text.contains("the real one"),
        "{text}"
    );

    // The owner's human views say so, with the reason.
    let human = v.ok(&["show", &mistake]);
    assert!(
        human.contains("Withdrawn:") && human.contains("test entry, not real"),
        "{human}"
    );
    let listed = v.ok(&["list", "--include-withdrawn"]);
    assert!(listed.contains("[withdrawn] typing practice"), "{listed}");
    let hidden = v.cmd().args(["list"]).output().unwrap();
    assert!(
        common::stderr(&hidden).contains("1 withdrawn incident is not shown"),
        "{}",
        common::stderr(&hidden)
    );
    let history = v.json(&["show", "--history", &mistake]);
    assert!(history[0].get("withdrawn").is_none(), "{history}");
    assert_eq!(history[1]["withdrawn"]["reason"], "test entry, not real");
    assert_eq!(history[1]["narrative"], "typing practice");

    // Verify covers the withdrawal: the revision is in the ledger and signed.
    let verified = v.json(&["verify"]);
    assert_eq!(verified["ok"], true, "{verified}");

    // An amendment keeps it withdrawn; the same withdrawal again changes nothing.
    v.ok(&["amend", &mistake, "--what", "typing practice, corrected"]);
    assert_eq!(ids(&v.json(&["list"])), vec![other.clone()]);
    let again = v.fails(&["withdraw", &mistake, "--reason", "test entry, not real"]);
    assert!(
        common::stderr(&again).contains("nothing to change"),
        "{}",
        common::stderr(&again)
    );
    let blank = v.fails(&["withdraw", &other, "--reason", "  "]);
    assert!(
        common::stderr(&blank).contains("give a reason"),
        "{}",
        common::stderr(&blank)
    );

    // Bundles: --all leaves it out; named by id it goes in and says it was withdrawn.
    let key = v.path("counsel.key");
    let recipient = v.json(&["keygen", "--out", s(&key)])["recipient"]
        .as_str()
        .unwrap()
        .to_owned();
    let all_bundle = v.path("all.age");
    v.ok(&[
        "export",
        "--to",
        &recipient,
        "--all",
        "--out",
        s(&all_bundle),
    ]);
    let (code, report, err) = v.bundle_verify(&all_bundle, &key, &[]);
    assert_eq!(code, 0, "{report}\n{err}");
    let records = report["records"].as_array().unwrap();
    assert_eq!(records.len(), 1, "{report}");
    assert_eq!(records[0]["id"], other.as_str());
    let named = v.path("named.age");
    v.ok(&[
        "export",
        "--to",
        &recipient,
        "--entries",
        &mistake,
        "--out",
        s(&named),
    ]);
    let (code, report, err) = v.bundle_verify(&named, &key, &[]);
    assert_eq!(code, 0, "{report}\n{err}");
    let disclosed = report["records"][0]["disclosed"].to_string();
    assert!(disclosed.contains("\"withdrawn\""), "{report}");
    // Counsel opens it and reads the withdrawal and its reason.
    let opened = v.path("opened");
    let out = v
        .cmd_locked()
        .args([
            "bundle",
            "open",
            s(&named),
            "--identity",
            s(&key),
            "--out",
            s(&opened),
        ])
        .output()
        .unwrap();
    common::assert_success(&out, &["bundle", "open"]);
    let file = opened.join(report["records"][0]["file"].as_str().unwrap());
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.contains("withdrawn") && text.contains("test entry, not real"),
        "{text}"
    );
    // The report counsel reads says so too.
    let html = std::fs::read_to_string(opened.join("report.html")).unwrap();
    assert!(
        html.contains("Withdrawn (entered by mistake)") && html.contains("test entry, not real"),
        "{html}"
    );
    let out = v.fails(&[
        "export",
        "--to",
        &recipient,
        "--entries",
        &mistake,
        "--redact",
        "withdrawn",
        "--out",
        s(&v.path("redacted.age")),
    ]);
    assert!(!v.path("redacted.age").exists(), "{}", common::stderr(&out));

    // --undo brings it back, as a new revision.
    let out = v.json(&["withdraw", &mistake, "--undo"]);
    assert_eq!(out["revision"], 4);
    assert_eq!(ids(&v.json(&["list"])), both);
}

/// `--add-agent` keeps the other agents, `--remove-vehicle N` removes the one `show` numbers N;
/// a number that does not exist is refused and changes nothing.
#[test]
fn list_flags_add_or_remove_one_line() {
    let v = TestVault::new();
    let id = v.json(&[
        "add",
        "--kind",
        "raid",
        "--when",
        "2026-11-02 09:00",
        "--agent",
        "tall; badge=4411",
        "--vehicle",
        "grey SUV; plate=ABC1234",
        "--vehicle",
        "white van",
        "--witness",
        "name=Ana",
    ])["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let shown = v.ok(&["show", &id]);
    assert!(
        shown.contains("1. grey SUV") && shown.contains("2. white van"),
        "{shown}"
    );
    v.ok(&[
        "amend",
        &id,
        "--add-agent",
        "short; badge=7720",
        "--remove-vehicle",
        "1",
        "--add-vehicle",
        "red sedan",
        "--remove-witness",
        "1",
    ]);
    let r = v.json(&["show", &id]);
    assert_eq!(
        r["agents"],
        serde_json::json!([
            {"description": "tall", "badge": "4411"},
            {"description": "short", "badge": "7720"}
        ])
    );
    assert_eq!(
        r["vehicles"],
        serde_json::json!([{"description": "white van"}, {"description": "red sedan"}])
    );
    assert_eq!(r["witnesses"], serde_json::json!([]));
    assert_eq!(r["revision"], 2);
    let out = v.fails(&["amend", &id, "--remove-agent", "3"]);
    assert!(
        common::stderr(&out).contains("--remove-agent 3: there is no such number"),
        "{}",
        common::stderr(&out)
    );
    assert_eq!(v.json(&["show", &id])["revision"], 2);
    // Replacing and editing the same list at once is a usage error.
    let out = v.fails(&["amend", &id, "--agent", "x", "--add-agent", "y"]);
    assert_eq!(out.status.code(), Some(2));
    // Without a terminal, no flag at all is still refused.
    let out = v.fails(&["amend", &id]);
    assert!(
        common::stderr(&out).contains("give at least one field"),
        "{}",
        common::stderr(&out)
    );
}

/// On a new computer `restore` makes the folders above the vault; a vault folder whose drive or
/// parent is missing is told apart from a vault never made; the default folder never is.
#[test]
fn a_new_laptop_restores_and_a_missing_drive_is_named() {
    let v = TestVault::new();
    let id = v.add_simple("before the seizure");
    let backup = v.path("vault.backup");
    v.ok(&["backup", "--out", s(&backup)]);
    let deep = v.path("home/.local/share/vault");
    assert!(!deep.parent().unwrap().exists());
    let out = v
        .cmd_locked_at(&deep)
        .args(["restore", s(&backup)])
        .output()
        .unwrap();
    common::assert_success(&out, &["restore"]);
    let listed = v.cmd_at(&deep).args(["--json", "list"]).output().unwrap();
    common::assert_success(&listed, &["list"]);
    assert!(common::stdout(&listed).contains(&id));

    let unplugged = v.path("usb-stick/vault");
    let out = v.cmd_at(&unplugged).args(["list"]).output().unwrap();
    assert_eq!(out.status.code(), Some(5));
    let err = common::stderr(&out);
    assert!(
        err.contains("plug it in") && !err.contains("run `vault init` first"),
        "{err}"
    );
    let out = v
        .cmd_at(&unplugged)
        .env("LANG", "es_MX.UTF-8")
        .args(["add", "--kind", "raid", "--what", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5));
    assert!(
        common::stderr(&out).contains("conéctelo"),
        "{}",
        common::stderr(&out)
    );
    // A folder whose parent exists: no vault yet, and `init` is the way.
    let out = v
        .cmd_at(&v.path("not-yet"))
        .args(["list"])
        .output()
        .unwrap();
    assert!(
        common::stderr(&out).contains("run `vault init` first"),
        "{}",
        common::stderr(&out)
    );
    // The default folder on a computer where ~/.local/share does not exist yet.
    let home = v.path("fresh-home");
    std::fs::create_dir(&home).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_vault"))
        .env_remove("VAULT_DIR")
        .env_remove("XDG_DATA_HOME")
        .env("HOME", &home)
        .env("LANG", "C")
        .env("VAULT_STATE_DIR", v.state_dir())
        .args(["list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5));
    assert!(
        common::stderr(&out).contains("run `vault init` first"),
        "{}",
        common::stderr(&out)
    );
}

/// `passwd` refuses a weak passphrase with advice, not with `init --generate-passphrase`;
/// `init` names it.
#[test]
fn each_command_gives_the_hint_that_fits_a_weak_passphrase() {
    let v = TestVault::new();
    let weak = v.path("weak.txt");
    std::fs::write(&weak, "password123\n").unwrap();
    let out = v.fails(&["passwd", "--new-passphrase-file", s(&weak)]);
    let err = common::stderr(&out);
    assert!(
        err.contains("too easy to guess") && err.contains("uncommon words"),
        "{err}"
    );
    assert!(!err.contains("init --generate-passphrase"), "{err}");
    let fresh = TestVault::uninit();
    std::fs::write(&fresh.pass_file, "password123\n").unwrap();
    let out = fresh.fails(&common::INIT_CHEAP);
    let err = common::stderr(&out);
    assert!(err.contains("vault init --generate-passphrase"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
}

/// `init` ends with the next steps; `add` says what it saved, in both languages.
#[test]
fn init_gives_next_steps_and_add_says_what_it_saved() {
    let v = TestVault::uninit();
    let out = v.cmd().args(common::INIT_CHEAP).output().unwrap();
    common::assert_success(&out, &["init"]);
    let err = common::stderr(&out);
    for step in [
        "vault keyslot add --recovery",
        "vault receipt --out",
        "vault backup --out",
    ] {
        assert!(err.contains(step), "{step}: {err}");
    }
    let out = v
        .cmd()
        .args([
            "add",
            "--kind",
            "followed",
            "--when",
            "2026-11-10 07:00",
            "--what",
            "x",
        ])
        .output()
        .unwrap();
    common::assert_success(&out, &["add"]);
    let id = common::stdout(&out).trim().to_owned();
    assert_eq!(id.len(), 32, "a script still gets the id alone: {id}");
    let err = common::stderr(&out);
    assert!(
        err.contains(&format!(
            "Saved incident {} (followed, Tue 10 Nov 2026",
            &id[..8]
        )),
        "{err}"
    );
    let out = v
        .cmd()
        .args([
            "--lang",
            "es",
            "add",
            "--kind",
            "redada",
            "--when",
            "2026-11-10 07:00",
        ])
        .output()
        .unwrap();
    assert!(
        common::stderr(&out).contains("Se guardó el incidente"),
        "{}",
        common::stderr(&out)
    );
}

/// `vault man --out DIR` writes `vault.1` and a page per command, so `vault-add(1)` exists;
/// completion scripts offer the kinds after `--kind`.
#[test]
fn a_man_page_per_command_and_kinds_in_completion() {
    let v = TestVault::uninit();
    let dir = v.path("man1");
    let out = v
        .cmd_locked()
        .args(["man", "--out", s(&dir)])
        .output()
        .unwrap();
    common::assert_success(&out, &["man", "--out"]);
    let main = std::fs::read_to_string(dir.join("vault.1")).unwrap();
    assert!(
        main.contains("vault\\-add(1)"),
        "the main page names the others"
    );
    for page in [
        "vault-add.1",
        "vault-amend.1",
        "vault-withdraw.1",
        "vault-bundle-verify.1",
        "vault-keyslot-add.1",
    ] {
        let text =
            std::fs::read_to_string(dir.join(page)).unwrap_or_else(|e| panic!("{page}: {e}"));
        assert!(
            text.starts_with(".ie") || text.contains(".TH"),
            "{page}: {text}"
        );
    }
    // clap's own `help` subcommands get no page of their own.
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.contains("-help")), "{names:?}");
    let add = std::fs::read_to_string(dir.join("vault-add.1")).unwrap();
    assert!(
        add.contains("\\-\\-kind") && add.contains("\\-\\-vault"),
        "{add}"
    );
    let out = v
        .cmd_locked()
        .args(["completions", "bash"])
        .output()
        .unwrap();
    let script = common::stdout(&out);
    assert!(
        script.contains("followed photographed contacted visited raid arrest online other"),
        "bash completion offers the kinds"
    );
    // Completion offers the names; typing still accepts the other words.
    let v = TestVault::new();
    v.ok(&["add", "--kind", "photograph", "--what", "x"]);
}

/// The same photo attached twice (to two incidents, or twice to one) is noted by `show`, which
/// has the passphrase; `attach` itself needs none and keeps no hash index readable without it.
#[test]
fn the_same_file_attached_twice_is_noted() {
    let v = TestVault::new();
    let a = v.add_simple("first");
    let b = v.add_simple("second");
    let photo = v.path("photo.jpg");
    std::fs::write(&photo, b"\xff\xd8\xff\xe0 the same bytes").unwrap();
    let other = v.path("other.jpg");
    std::fs::write(&other, b"\xff\xd8\xff\xe0 other bytes").unwrap();
    v.ok(&["attach", &a, s(&photo)]);
    v.ok(&["attach", &b, s(&other), s(&photo)]);
    let out = v.cmd().args(["show", &b]).output().unwrap();
    common::assert_success(&out, &["show"]);
    let err = common::stderr(&out);
    assert!(
        err.contains(&format!(
            "attachment 2 (photo.jpg) is the same file (same SHA-256) as attachment 1 of incident {}",
            &a[..8]
        )),
        "{err}"
    );
    assert!(!err.contains("attachment 1 (other.jpg)"), "{err}");
    // No hash of the file is readable without the passphrase.
    let hash = {
        use sha2::{Digest, Sha256};
        hex::encode(Sha256::digest(std::fs::read(&photo).unwrap()))
    };
    assert!(common::any_file_contains(&v.dir, hash.as_bytes()).is_none());
}

/// The same file attached twice to one incident is noted both ways; a file attached once is
/// not, and an incident whose attachments are all different gets no note.
#[test]
fn the_same_file_attached_twice_to_one_incident_is_noted() {
    let v = TestVault::new();
    let a = v.add_simple("first");
    let b = v.add_simple("second");
    let photo = v.path("photo.jpg");
    std::fs::write(&photo, b"\xff\xd8\xff\xe0 twice on one incident").unwrap();
    let other = v.path("other.jpg");
    std::fs::write(&other, b"\xff\xd8\xff\xe0 once").unwrap();
    let third = v.path("third.jpg");
    std::fs::write(&third, b"\xff\xd8\xff\xe0 elsewhere, alone").unwrap();
    v.ok(&["attach", &a, s(&photo), s(&other), s(&photo)]);
    v.ok(&["attach", &b, s(&third)]);
    let out = v.cmd().args(["show", &a]).output().unwrap();
    common::assert_success(&out, &["show"]);
    let err = common::stderr(&out);
    let short = &a[..8];
    for (n, m) in [(1, 3), (3, 1)] {
        assert!(
            err.contains(&format!(
                "attachment {n} (photo.jpg) is the same file (same SHA-256) as attachment {m} of incident {short}"
            )),
            "{err}"
        );
    }
    assert!(!err.contains("(other.jpg) is the same file"), "{err}");
    let out = v.cmd().args(["show", &b]).output().unwrap();
    common::assert_success(&out, &["show"]);
    assert!(
        !common::stderr(&out).contains("same file"),
        "{}",
        common::stderr(&out)
    );
}
