//! Concurrency: several processes add, attach and unlock at the same time against one vault.
//! Every command must succeed (SQLite's busy timeout is 30 s) or fail with the clear "busy" error
//! (exit 7); nothing may be lost, the ledger must stay one linear log, and verify must pass.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Output;
use std::sync::{Arc, Barrier};

use common::*;

const ADDERS: usize = 4;
const ADDS_EACH: usize = 25;
const ATTACHERS: usize = 2;
const ATTACHES_EACH: usize = 6;
const READERS: usize = 1;
const READS_EACH: usize = 3;

/// What one command did: Ok(stdout) or Err(exit code) after a busy refusal.
fn outcome(out: Output, what: &str) -> Result<String, i32> {
    let stderr = String::from_utf8_lossy(&out.stderr);
    if out.status.success() {
        return Ok(String::from_utf8_lossy(&out.stdout).into_owned());
    }
    let code = out.status.code().unwrap_or(-1);
    assert_eq!(
        code, 7,
        "{what} failed with exit {code} (only the busy error, exit 7, is allowed):\n{stderr}"
    );
    assert!(
        stderr.contains("busy"),
        "{what}: exit 7 without the busy message:\n{stderr}"
    );
    Err(code)
}

fn narrative(worker: usize, n: usize) -> String {
    format!("worker {worker} incident {n}")
}

#[test]
fn parallel_adds_attaches_and_unlocks_lose_nothing() {
    let v = Arc::new(TestVault::new());
    let target = v.add_simple("the incident the attachers use");
    for w in 0..ATTACHERS {
        for n in 0..ATTACHES_EACH {
            let bytes: Vec<u8> = (0..20_000u32)
                .map(|i| (i.wrapping_mul(2_654_435_761) >> (w + n)) as u8)
                .collect();
            std::fs::write(v.path(&format!("file-{w}-{n}.bin")), bytes).expect("write file");
        }
    }
    let before = v.json(&["info"]);
    let base_entries = before["ledger_entries"].as_u64().expect("ledger_entries");

    let workers = ADDERS + ATTACHERS + READERS;
    let barrier = Arc::new(Barrier::new(workers));
    let mut handles = Vec::new();
    for w in 0..ADDERS {
        let (v, barrier) = (Arc::clone(&v), Arc::clone(&barrier));
        handles.push(std::thread::spawn(move || {
            barrier.wait();
            let mut added = Vec::new();
            for n in 0..ADDS_EACH {
                let out = v
                    .cmd_locked()
                    .args(["--json", "add", "--kind", "visited", "--when"])
                    .args(["2026-11-20 14:30", "--what", &narrative(w, n)])
                    .output()
                    .expect("run add");
                if let Ok(stdout) = outcome(out, "add") {
                    let json: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
                    added.push((json["id"].as_str().expect("id").to_owned(), narrative(w, n)));
                }
            }
            (added, 0usize)
        }));
    }
    for w in 0..ATTACHERS {
        let (v, barrier, target) = (Arc::clone(&v), Arc::clone(&barrier), target.clone());
        handles.push(std::thread::spawn(move || {
            barrier.wait();
            let mut attached = 0;
            for n in 0..ATTACHES_EACH {
                let file = v.path(&format!("file-{w}-{n}.bin"));
                let out = v
                    .cmd_locked()
                    .arg("attach")
                    .arg(&target)
                    .arg(&file)
                    .output()
                    .expect("run attach");
                if outcome(out, "attach").is_ok() {
                    attached += 1;
                }
            }
            (Vec::new(), attached)
        }));
    }
    for _ in 0..READERS {
        let (v, barrier) = (Arc::clone(&v), Arc::clone(&barrier));
        handles.push(std::thread::spawn(move || {
            barrier.wait();
            for _ in 0..READS_EACH {
                // Unlocking signs a checkpoint in the middle of the appends.
                let _ = outcome(v.cmd().arg("list").output().expect("run list"), "list");
            }
            (Vec::new(), 0)
        }));
    }
    let mut added = Vec::new();
    let mut attached = 0;
    for h in handles {
        let (a, n) = h.join().expect("worker panicked");
        added.extend(a);
        attached += n;
    }
    let busy = ADDERS * ADDS_EACH + ATTACHERS * ATTACHES_EACH - added.len() - attached;
    eprintln!(
        "{} adds and {attached} attaches succeeded; {busy} refused as busy",
        added.len()
    );

    // Nothing lost: every success is there, with its own text, and nothing else appeared.
    let info = v.json(&["info"]);
    assert_eq!(info["incidents"], 1 + added.len(), "{info}");
    assert_eq!(info["attachments"], attached, "{info}");
    assert_eq!(
        info["ledger_entries"].as_u64(),
        Some(base_entries + (added.len() + attached) as u64),
        "the ledger is not one entry per success"
    );
    let list = v.json(&["list"]);
    let listed: BTreeSet<(String, String)> = list
        .as_array()
        .expect("array")
        .iter()
        .map(|r| {
            (
                r["id"].as_str().expect("id").to_owned(),
                r["narrative"].as_str().expect("narrative").to_owned(),
            )
        })
        .collect();
    for pair in &added {
        assert!(listed.contains(pair), "record {pair:?} is missing");
    }
    let ids: BTreeSet<&String> = added.iter().map(|(id, _)| id).collect();
    assert_eq!(ids.len(), added.len(), "two adds got the same id");
    let shown = v.json(&["show", &target]);
    assert_eq!(
        shown["attachments"].as_array().map(Vec::len),
        Some(attached)
    );

    // One linear log: leaf indexes 0..n without gaps (verify checks it), every checkpoint
    // consistent with the newest, all of it decrypting.
    let report = v.json(&["verify", "--full"]);
    assert_eq!(report["ok"], true, "{report}");
    assert_eq!(
        report["report"]["ledger_entries"].as_u64(),
        info["ledger_entries"].as_u64()
    );
    assert_eq!(report["report"]["leftover_files"], 0, "{report}");
    assert!(no_partial_blobs(&v.dir.join("blobs")));
}

fn no_partial_blobs(dir: &Path) -> bool {
    all_files(dir)
        .iter()
        .all(|f| !f.to_string_lossy().ends_with(".partial"))
}
