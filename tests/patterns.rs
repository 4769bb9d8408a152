//! `vault patterns` on a generated vault: repeats planted among unique details (written with
//! different case, spacing and dashes) are found, with the right counts and dates, and nothing
//! else is. Also `list` filters and `search` through the binary.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate};
use common::TestVault;
use serde_json::{json, Value};

const N: usize = 30;

/// (kind, key) -> (count, incident ids, first date, last date).
type Groups = BTreeMap<(String, String), (u64, Vec<String>, String, String)>;

fn date(i: usize) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 9, 1).unwrap() + Duration::days(3 * i as i64)
}

/// Logs an incident given as `show --json`-style JSON; returns its id.
fn add_json(v: &TestVault, incident: &Value) -> String {
    let out = v
        .cmd()
        .args(["--json", "add", "--from-json", "-"])
        .write_stdin(incident.to_string())
        .output()
        .unwrap();
    common::assert_success(&out, &["add", "--from-json", "-"]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    v["id"].as_str().unwrap().to_owned()
}

const COLOURS: [&str; 8] = [
    "red", "blue", "green", "black", "white", "silver", "brown", "gold",
];
const MODELS: [&str; 10] = [
    "sedan",
    "pickup",
    "van",
    "hatchback",
    "coupe",
    "minivan",
    "wagon",
    "jeep",
    "truck",
    "bus",
];
const FIRST: [&str; 6] = ["Alex", "Sam", "Jordan", "Casey", "Robin", "Drew"];
const LAST: [&str; 6] = ["Smith", "Lopez", "Nguyen", "Okafor", "Kowalski", "Haddad"];

/// Unique-by-construction details for incident `i` (nothing here repeats across incidents).
fn noise(i: usize) -> Value {
    let plate = format!("N{:02}Q{}", i, (b'A' + (i % 26) as u8) as char);
    let kind = ["followed", "photographed", "visited", "raid"][i % 4];
    json!({
        "kind": kind,
        "occurred_at": format!("{}T10:00:00+00:00", date(i)),
        "location": {"text": format!("{} Oak Avenue", 100 + i)},
        "narrative": format!("Incident number {i}."),
        "agents": [{"name": format!("{} {}", FIRST[i % 6], LAST[i / 6]), "badge": format!("B{}", 7000 + i)}],
        "vehicles": [
            {"description": format!("{} {}", COLOURS[i % 8], MODELS[i / 8]), "plate": plate},
            {"description": format!("{} {}", COLOURS[(i + 3) % 8], MODELS[(i / 8) + 4])},
        ],
        "witnesses": [],
        "tags": [],
    })
}

struct Plant {
    kind: &'static str,
    key: &'static str,
    /// (incident index, how it is written there)
    at: &'static [(usize, &'static str)],
}

const PLANTS: [Plant; 5] = [
    Plant {
        kind: "plate",
        key: "ABC1234",
        at: &[
            (1, "ABC1234"),
            (6, "abc-1234"),
            (11, "ABC 1234"),
            (16, "abc1234"),
            (29, " ABC-1234 "),
        ],
    },
    Plant {
        kind: "badge",
        key: "4411",
        at: &[(3, "4411"), (12, "#4411"), (20, " 44-11")],
    },
    Plant {
        kind: "agent_name",
        key: "officer ruiz",
        at: &[(4, "Officer Ruiz"), (22, "officer  RUIZ")],
    },
    Plant {
        kind: "vehicle",
        key: "grey suv",
        at: &[(5, "grey SUV"), (9, "Grey  suv"), (25, "GREY SUV")],
    },
    Plant {
        kind: "place",
        key: "main st & 5th",
        at: &[
            (2, "Main St & 5th"),
            (8, "main st &  5th"),
            (14, "MAIN ST & 5TH"),
            (27, "Main St & 5th "),
        ],
    },
];

fn generated_incidents() -> Vec<Value> {
    let mut all: Vec<Value> = (0..N).map(noise).collect();
    for p in &PLANTS {
        for (i, written) in p.at {
            let inc = &mut all[*i];
            match p.kind {
                "plate" => inc["vehicles"]
                    .as_array_mut()
                    .unwrap()
                    .push(json!({"plate": written})),
                "badge" => inc["agents"]
                    .as_array_mut()
                    .unwrap()
                    .push(json!({"badge": written, "agency": "ICE"})),
                "agent_name" => inc["agents"]
                    .as_array_mut()
                    .unwrap()
                    .push(json!({"name": written})),
                "vehicle" => inc["vehicles"]
                    .as_array_mut()
                    .unwrap()
                    .push(json!({"description": written})),
                "place" => inc["location"] = json!({"text": written}),
                _ => unreachable!(),
            }
        }
    }
    // The same plate twice within ONE incident is not a pattern.
    all[13]["vehicles"]
        .as_array_mut()
        .unwrap()
        .extend([json!({"plate": "ZZZ999"}), json!({"plate": "zzz-999"})]);
    all
}

#[test]
fn patterns_finds_the_planted_repeats_and_nothing_else() {
    let v = TestVault::new();
    let incidents = generated_incidents();
    let ids: Vec<String> = incidents.iter().map(|i| add_json(&v, i)).collect();

    let found = v.json(&["patterns"]);
    let found = found.as_array().unwrap();
    let got: Groups = found
        .iter()
        .map(|p| {
            (
                (
                    p["kind"].as_str().unwrap().to_owned(),
                    p["key"].as_str().unwrap().to_owned(),
                ),
                (
                    p["count"].as_u64().unwrap(),
                    p["incidents"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|x| x.as_str().unwrap().to_owned())
                        .collect(),
                    p["first"].as_str().unwrap().to_owned(),
                    p["last"].as_str().unwrap().to_owned(),
                ),
            )
        })
        .collect();
    let want: Groups = PLANTS
        .iter()
        .map(|p| {
            let idx: Vec<usize> = p.at.iter().map(|(i, _)| *i).collect();
            (
                (p.kind.to_owned(), p.key.to_owned()),
                (
                    idx.len() as u64,
                    idx.iter().map(|i| ids[*i].clone()).collect(),
                    date(idx[0]).to_string(),
                    date(*idx.last().unwrap()).to_string(),
                ),
            )
        })
        .collect();
    assert_eq!(got, want);
    assert_eq!(found.len(), PLANTS.len(), "no duplicate groups");
    // Most frequent first.
    assert_eq!(found[0]["key"], "ABC1234");

    let text = v.ok(&["patterns"]);
    assert!(
        text.contains("plate ABC1234: 5 incidents, first 2025-09-04, last 2025-11-27"),
        "{text}"
    );
    assert!(text.contains("place Main St & 5th: 4 incidents"), "{text}");
    assert!(!text.contains("ZZZ999"), "{text}");

    // --min and the filters narrow it.
    let min4 = v.json(&["patterns", "--min", "4"]);
    assert_eq!(min4.as_array().unwrap().len(), 2, "{min4}");
    let late = v.json(&["patterns", "--since", "2025-10-01"]);
    let keys: Vec<&str> = late
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["key"].as_str().unwrap())
        .collect();
    // From 2025-10-01 (index 10 on): plate 11,16,29; badge 12,20; place 14,27; ruiz 22 only; suv 25 only.
    assert_eq!(keys, ["ABC1234", "4411", "main st & 5th"], "{late}");
}

#[test]
fn list_filters_and_search_through_the_cli() {
    let v = TestVault::new();
    let a = v.json(&[
        "add",
        "--kind",
        "raid",
        "--when",
        "2025-09-02 10:00",
        "--where",
        "Calle Peña 12",
        "--what",
        "Three vans; [[José]] filmed it",
        "--vehicle",
        "white van; plate=XYZ-999",
        "--tag",
        "Work",
    ])["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let photo = v.path("p.jpg");
    std::fs::write(&photo, b"x").unwrap();
    let b = v.json(&[
        "add",
        "--kind",
        "followed",
        "--when",
        "2025-10-15",
        "--what",
        "grey car",
        "--attach",
        photo.to_str().unwrap(),
    ])["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let c = v.json(&[
        "add",
        "--kind",
        "followed",
        "--when",
        "2025-11-20 08:00",
        "--what",
        "same grey car",
        "--agent",
        "name=Officer Ruiz",
    ])["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (a, b, c) = (a.as_str(), b.as_str(), c.as_str());
    let ids = |args: &[&str]| -> Vec<String> {
        v.json(args)
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(ids(&["list"]), [c, b, a]);
    assert_eq!(ids(&["list", "--since", "2025-10-15"]), [c, b]);
    assert_eq!(ids(&["list", "--until", "2025-10-15"]), [b, a]);
    assert_eq!(
        ids(&["list", "--kind", "redada"]),
        [a],
        "Spanish kind names"
    );
    assert_eq!(ids(&["list", "--tag", "work"]), [a]);
    assert_eq!(ids(&["list", "--with-attachments"]), [b]);
    // A bound in the future is no error: nothing is after it, everything before it.
    assert!(ids(&["list", "--since", "2099-01-01"]).is_empty());

    assert_eq!(ids(&["search", "GREY", "car"]), [c, b]);
    assert_eq!(ids(&["search", "xyz-999"]), [a], "vehicle plate");
    assert_eq!(
        ids(&["search", "jose"]),
        [a],
        "private span, accents folded"
    );
    assert_eq!(ids(&["search", "ruiz"]), [c], "agent");
    assert_eq!(ids(&["search", "p.jpg"]), [b], "attachment name");
    assert_eq!(ids(&["search", "car", "--since", "2025-11-01"]), [c]);
    let out = v.cmd().args(["search", "bicycle"]).output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no incident contains"));
    let text = v.ok(&["search", "car"]);
    assert_eq!(text.lines().count(), 2, "{text}");

    let bad = v.fails(&["list", "--since", "the day after"]);
    assert!(String::from_utf8_lossy(&bad.stderr).contains("could not understand the time"));
}
