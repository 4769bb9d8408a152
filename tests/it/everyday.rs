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
