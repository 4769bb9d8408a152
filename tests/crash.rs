//! Crash consistency: the real binary is killed with SIGKILL at pseudo-random moments while it
//! adds, amends, attaches a large file, changes the passphrase, exports a bundle, or signs a
//! checkpoint at unlock. After every kill the vault must open, `verify --full` must pass, every
//! incident committed before must be unchanged, the interrupted change must be wholly there or
//! wholly absent, exactly one passphrase must work, and no plaintext may be left in the vault
//! directory or the temporary directory.
//!
//! Kill delays are spread evenly (with seeded jitter) from 0 to a little past the command's own
//! duration, measured once per test. `VAULT_CRASH_ITERATIONS` sets the kills per command (default
//! 6, so the file runs in about 40 s on 2 cores); deep runs, locally or in a scheduled CI
//! job, should raise it to 50 or more. `VAULT_CRASH_SEED` replays a run (the seed is printed).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use common::*;
use serde_json::Value;

/// Every field we type carries this, so a plaintext scan can find any leak of them.
const MARK: &str = "ZQXPLAINMARK";
/// Embedded throughout attached files.
const FILE_MARK: &[u8] = b"ZQXATTACHPLAIN-marker-in-the-original-file";

fn iterations() -> usize {
    std::env::var("VAULT_CRASH_ITERATIONS")
        .ok()
        .and_then(|s| s.parse().ok())
        .filter(|n| *n > 0)
        .unwrap_or(6)
}

/// SplitMix64: small, seedable, good enough to spread kill points.
struct Rng(u64);

impl Rng {
    fn for_test(name: &str) -> Rng {
        let base = std::env::var("VAULT_CRASH_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(0x5eed_c0ff_ee00_0001u64);
        let mixed = name
            .bytes()
            .fold(base, |h, b| (h ^ b as u64).wrapping_mul(0x100_0000_01b3));
        eprintln!(
            "{name}: VAULT_CRASH_SEED={base} iterations={}",
            iterations()
        );
        Rng(mixed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A float in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn fill(&mut self, buf: &mut [u8]) {
        for chunk in buf.chunks_mut(8) {
            let x = self.next().to_le_bytes();
            chunk.copy_from_slice(&x[..chunk.len()]);
        }
    }
}

/// The delay before the `i`-th of `n` kills: stratified over [0, 1.25 × normal duration].
fn delay(rng: &mut Rng, i: usize, n: usize, normal: Duration) -> Duration {
    let span = normal.as_secs_f64() * 1.25;
    Duration::from_secs_f64(span * (i as f64 + rng.unit()) / n as f64)
}

/// A random file of `len` bytes with [`FILE_MARK`] every 256 KiB.
fn marked_file(rng: &mut Rng, path: &Path, len: usize) -> Vec<u8> {
    let mut bytes = vec![0u8; len];
    rng.fill(&mut bytes);
    let mut at = 1000;
    while at + FILE_MARK.len() < len {
        bytes[at..at + FILE_MARK.len()].copy_from_slice(FILE_MARK);
        at += 256 << 10;
    }
    std::fs::write(path, &bytes).expect("write source file");
    bytes
}

/// True when `needle` occurs in `hay` (Horspool: this runs unoptimized over 64 MiB blobs, so it
/// must skip rather than look at every byte).
fn contains(hay: &[u8], needle: &[u8]) -> bool {
    let m = needle.len();
    if m == 0 {
        return true;
    }
    let mut shift = [m; 256];
    for (i, &b) in needle[..m - 1].iter().enumerate() {
        shift[b as usize] = m - 1 - i;
    }
    let mut at = 0;
    while at + m <= hay.len() {
        let last = hay[at + m - 1];
        if last == needle[m - 1] && hay[at..at + m] == *needle {
            return true;
        }
        at += shift[last as usize];
    }
    false
}

/// What happened to a command started and killed after a delay.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Fate {
    /// It finished on its own before the kill.
    Finished(bool),
    /// It was killed while running.
    Killed,
}

/// One vault under test plus the directories the killed processes use.
struct Harness {
    v: TestVault,
    /// TMPDIR of the killed processes (scanned for plaintext afterwards).
    proc_tmp: PathBuf,
    /// Where killed exports write (scanned for plaintext too).
    out_dir: PathBuf,
    /// The passphrase file that currently opens the vault.
    pass: PathBuf,
}

impl Harness {
    fn new() -> Harness {
        let v = TestVault::new();
        let proc_tmp = v.path("proc-tmp");
        let out_dir = v.path("out");
        std::fs::create_dir_all(&proc_tmp).expect("mkdir");
        std::fs::create_dir_all(&out_dir).expect("mkdir");
        let pass = v.pass_file.clone();
        Harness {
            v,
            proc_tmp,
            out_dir,
            pass,
        }
    }

    fn command(&self, with_pass: Option<&Path>, args: &[&OsStr]) -> Command {
        self.command_in(&self.v.dir, with_pass, args)
    }

    /// [`Harness::command`] with another vault directory (a restore's target).
    fn command_in(&self, dir: &Path, with_pass: Option<&Path>, args: &[&OsStr]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_vault"));
        c.env_remove("VAULT_DIR")
            .env_remove("VAULT_PASSPHRASE_FILE")
            .env("NO_COLOR", "1")
            .env("LANG", "C")
            .env_remove("LC_ALL")
            .env("TMPDIR", &self.proc_tmp)
            .env("VAULT_STATE_DIR", self.v.state_dir())
            .arg("--vault")
            .arg(dir);
        if let Some(p) = with_pass {
            c.arg("--passphrase-file").arg(p);
        }
        c.args(args);
        c
    }

    /// Runs to completion with the current passphrase; panics on failure; returns stdout.
    fn run(&self, args: &[&str]) -> String {
        let args: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
        let out = self
            .command(Some(&self.pass), &args)
            .stdin(Stdio::null())
            .output()
            .expect("run vault");
        let shown: Vec<String> = args.iter().map(|a| a.to_string_lossy().into()).collect();
        assert!(
            out.status.success(),
            "{shown:?} failed with {:?}\nstdout: {}\nstderr: {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn json(&self, args: &[&str]) -> Value {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        let out = self.run(&all);
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}): {out}"))
    }

    /// Exit status of a command run to completion (output discarded).
    fn status(&self, pass: Option<&Path>, args: &[&OsStr]) -> ExitStatus {
        self.command(pass, args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("run vault")
    }

    fn spawn_in(&self, dir: &Path, pass: Option<&Path>, args: &[&OsStr]) -> Child {
        self.command_in(dir, pass, args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn vault")
    }

    /// Runs a command once to completion and returns how long it took.
    fn measure(&self, pass: Option<&Path>, args: &[&OsStr]) -> Duration {
        let start = Instant::now();
        let status = self.status(pass, args);
        assert!(status.success(), "the timing run of {args:?} failed");
        start.elapsed()
    }

    /// Starts a command and SIGKILLs it after `delay` unless it finished first.
    fn run_killed(&self, pass: Option<&Path>, args: &[&OsStr], delay: Duration) -> Fate {
        self.run_killed_in(&self.v.dir, pass, args, delay)
    }

    fn run_killed_in(
        &self,
        dir: &Path,
        pass: Option<&Path>,
        args: &[&OsStr],
        delay: Duration,
    ) -> Fate {
        let mut child = self.spawn_in(dir, pass, args);
        let deadline = Instant::now() + delay;
        loop {
            if let Some(status) = child.try_wait().expect("try_wait") {
                return Fate::Finished(status.success());
            }
            let now = Instant::now();
            if now >= deadline {
                break;
            }
            std::thread::sleep((deadline - now).min(Duration::from_millis(2)));
        }
        child.kill().expect("SIGKILL");
        let status = child.wait().expect("wait");
        // It may have exited between the last poll and the kill.
        match status.code() {
            Some(code) => Fate::Finished(code == 0),
            None => Fate::Killed,
        }
    }

    /// The checks common to every kill: the vault opens and a full verify passes with the
    /// passphrase that works, and no plaintext lies around. Returns `info --json`.
    fn check_sound(&self, context: &str) -> Value {
        self.check_sound_with(context, true)
    }

    fn check_sound_with(&self, context: &str, verify: bool) -> Value {
        let info = self.json(&["info"]);
        if !verify {
            self.assert_no_plaintext(context);
            return info;
        }
        let out = self
            .command(
                Some(&self.pass),
                &[
                    OsStr::new("--json"),
                    OsStr::new("verify"),
                    OsStr::new("--full"),
                ],
            )
            .stdin(Stdio::null())
            .output()
            .expect("run verify");
        assert!(
            out.status.success(),
            "{context}: verify --full failed ({:?}):\n{}\n{}",
            out.status.code(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        self.assert_no_plaintext(context);
        info
    }

    fn assert_no_plaintext(&self, context: &str) {
        for dir in [&self.v.dir, &self.proc_tmp, &self.out_dir] {
            for file in all_files(dir) {
                let Ok(bytes) = std::fs::read(&file) else {
                    continue;
                };
                assert!(
                    !contains(&bytes, MARK.as_bytes()),
                    "{context}: a typed field is readable in {}",
                    file.display()
                );
                assert!(
                    !contains(&bytes, FILE_MARK),
                    "{context}: attachment plaintext is readable in {}",
                    file.display()
                );
            }
        }
    }

    /// Every incident (`list --json`), by id. Unlocking also removes attach leftovers and signs.
    fn records(&self) -> BTreeMap<String, Value> {
        let list = self.json(&["list"]);
        list.as_array()
            .expect("list is an array")
            .iter()
            .map(|r| (r["id"].as_str().expect("id").to_owned(), r.clone()))
            .collect()
    }

    fn add_marked(&self, n: usize) -> String {
        let v = self.json(&add_args(n).iter().map(String::as_str).collect::<Vec<_>>());
        v["id"].as_str().expect("id").to_owned()
    }

    /// Copies the vault and the per-user state beside it (the pin of known vaults), so that a
    /// restore puts the whole computer back, not only the folder (which the pin would rightly
    /// refuse as a rollback).
    fn snapshot(&self, to: &Path) {
        let _ = std::fs::remove_dir_all(to);
        copy_dir(&self.v.dir, to);
        let state = to.with_extension("state");
        let _ = std::fs::remove_dir_all(&state);
        if self.v.state_dir().exists() {
            copy_dir(&self.v.state_dir(), &state);
        }
    }

    fn restore(&self, from: &Path) {
        std::fs::remove_dir_all(&self.v.dir).expect("remove vault");
        copy_dir(from, &self.v.dir);
        let _ = std::fs::remove_dir_all(self.v.state_dir());
        let state = from.with_extension("state");
        if state.exists() {
            copy_dir(&state, &self.v.state_dir());
        }
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for e in std::fs::read_dir(from).expect("read dir") {
        let e = e.expect("dir entry");
        let target = to.join(e.file_name());
        if e.file_type().expect("file type").is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).expect("copy file");
        }
    }
}

fn narrative(n: usize) -> String {
    format!("{MARK} narrative {n}: followed from the bus stop to the clinic")
}

fn add_args(n: usize) -> Vec<String> {
    [
        "add",
        "--kind",
        "followed",
        "--when",
        "2026-11-20 14:30",
        "--what",
        &narrative(n),
        "--where",
        &format!("{MARK} place {n}"),
        "--agent",
        &format!("{MARK} agent {n}; badge=44{n}"),
        "--tag",
        "crash",
    ]
    .map(String::from)
    .to_vec()
}

fn os(args: &[String]) -> Vec<&OsStr> {
    args.iter().map(OsStr::new).collect()
}

/// The fields `add_args(n)` sets are all there, exactly.
fn assert_complete_add(r: &Value, n: usize, context: &str) {
    assert_eq!(r["narrative"], narrative(n), "{context}: {r}");
    assert_eq!(
        r["location"]["text"],
        format!("{MARK} place {n}"),
        "{context}"
    );
    assert_eq!(
        r["agents"][0]["description"],
        format!("{MARK} agent {n}"),
        "{context}"
    );
    assert_eq!(r["agents"][0]["badge"], format!("44{n}"), "{context}");
    assert_eq!(r["tags"], serde_json::json!(["crash"]), "{context}");
    assert_eq!(r["kind"], "followed", "{context}");
    assert_eq!(r["revision"], 1, "{context}");
}

/// Every record in `before` is in `after` unchanged, except `except`.
fn assert_intact(
    before: &BTreeMap<String, Value>,
    after: &BTreeMap<String, Value>,
    except: Option<&str>,
    context: &str,
) {
    for (id, old) in before {
        if Some(id.as_str()) == except {
            continue;
        }
        assert_eq!(
            after.get(id),
            Some(old),
            "{context}: committed incident {id} changed or vanished"
        );
    }
}

/// Nothing hidden (no staging copy of a backup, restore or export) is left in `dir`.
fn assert_no_staging(dir: &Path, context: &str) {
    let hidden: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.') || n.ends_with(".partial"))
        .collect();
    assert!(
        hidden.is_empty(),
        "{context}: staging copies left after the next run: {hidden:?}"
    );
}

fn count(info: &Value, key: &str) -> u64 {
    info[key]
        .as_u64()
        .unwrap_or_else(|| panic!("info has no {key}"))
}

fn tally(fates: &[Fate]) -> String {
    let killed = fates.iter().filter(|f| **f == Fate::Killed).count();
    format!("{killed} of {} killed mid-way", fates.len())
}

#[test]
fn killed_add_is_all_or_nothing() {
    let mut rng = Rng::for_test("add");
    let h = Harness::new();
    for n in 0..2 {
        h.add_marked(n);
    }
    let mut seq = 100;
    let normal = h.measure(None, &os(&add_args(seq)));
    seq += 1;
    let mut before = h.records();
    let n = iterations();
    let mut fates = vec![];
    for i in 0..n {
        let context = format!("add kill {i}");
        let args = add_args(seq);
        let fate = h.run_killed(None, &os(&args), delay(&mut rng, i, n, normal));
        fates.push(fate);
        h.check_sound(&context);
        let after = h.records();
        assert_intact(&before, &after, None, &context);
        let new: Vec<&Value> = after
            .iter()
            .filter(|(id, _)| !before.contains_key(*id))
            .map(|(_, r)| r)
            .collect();
        match (fate, new.len()) {
            (Fate::Finished(true), 1) | (Fate::Killed, 0 | 1) => {}
            other => panic!("{context}: unexpected outcome {other:?}"),
        }
        if let Some(r) = new.first() {
            assert_complete_add(r, seq, &context);
        }
        assert_eq!(after.len(), before.len() + new.len(), "{context}");
        before = after;
        seq += 1;
    }
    eprintln!("add: {}", tally(&fates));
}

#[test]
fn killed_amend_is_all_or_nothing() {
    let mut rng = Rng::for_test("amend");
    let h = Harness::new();
    let target = h.add_marked(0);
    h.add_marked(1);
    let amend = |n: usize| -> Vec<String> {
        ["amend", &target, "--what", &format!("{MARK} amended {n}")]
            .map(String::from)
            .to_vec()
    };
    let normal = h.measure(Some(&h.pass), &os(&amend(100)));
    let mut before = h.records();
    let n = iterations();
    let mut fates = vec![];
    for i in 0..n {
        let context = format!("amend kill {i}");
        let old = before[&target].clone();
        let fate = h.run_killed(Some(&h.pass), &os(&amend(i)), delay(&mut rng, i, n, normal));
        fates.push(fate);
        h.check_sound(&context);
        let after = h.records();
        assert_intact(&before, &after, Some(&target), &context);
        assert_eq!(after.len(), before.len(), "{context}: record count changed");
        let now = &after[&target];
        let old_rev = old["revision"].as_u64().expect("revision");
        let rev = now["revision"].as_u64().expect("revision");
        if rev == old_rev {
            assert_eq!(
                now, &old,
                "{context}: an unfinished amend changed the record"
            );
            assert!(fate != Fate::Finished(true), "{context}: amend said ok");
        } else {
            assert_eq!(rev, old_rev + 1, "{context}");
            assert_eq!(now["narrative"], format!("{MARK} amended {i}"), "{context}");
            for field in ["kind", "occurred_at", "location", "agents", "tags"] {
                assert_eq!(
                    now[field], old[field],
                    "{context}: {field} lost in the amend"
                );
            }
        }
        before = after;
    }
    // Every revision is still readable.
    let history = h.json(&["show", "--history", &target]);
    let rev = before[&target]["revision"].as_u64().expect("revision");
    assert_eq!(history.as_array().map(Vec::len), Some(rev as usize));
    eprintln!("amend: {}", tally(&fates));
}

#[test]
fn killed_attach_of_a_large_file_is_all_or_nothing() {
    let mut rng = Rng::for_test("attach");
    let h = Harness::new();
    let target = h.add_marked(0);
    h.add_marked(1);
    let small = h.v.path("small.bin");
    marked_file(&mut rng, &small, 40_000);
    h.run(&["attach", &target, small.to_str().expect("utf-8")]);
    let big = h.v.path("big.bin");
    let source = marked_file(&mut rng, &big, 64 << 20);
    let attach: Vec<String> = ["attach", &target, big.to_str().expect("utf-8")]
        .map(String::from)
        .to_vec();
    // Every kill starts from this snapshot once a large attachment got in, so a full verify
    // decrypts at most one 64 MiB blob.
    let before = h.records();
    let snapshot = h.v.path("snapshot");
    h.snapshot(&snapshot);
    let normal = h.measure(None, &os(&attach));
    h.restore(&snapshot);
    let k = before[&target]["attachments"]
        .as_array()
        .map_or(0, Vec::len);
    let n = iterations();
    let mut fates = vec![];
    for i in 0..n {
        let context = format!("attach kill {i}");
        let fate = h.run_killed(None, &os(&attach), delay(&mut rng, i, n, normal));
        fates.push(fate);
        let info = h.check_sound(&context);
        let after = h.records();
        assert_intact(&before, &after, Some(&target), &context);
        let atts = after[&target]["attachments"]
            .as_array()
            .expect("attachments");
        let got = atts.len();
        assert_eq!(count(&info, "attachments") as usize, got, "{context}");
        assert_eq!(
            &atts[..k],
            &before[&target]["attachments"]
                .as_array()
                .expect("attachments")[..],
            "{context}: earlier attachments changed"
        );
        match (fate, got - k) {
            (Fate::Finished(true), 1) | (Fate::Killed, 0 | 1) => {}
            other => panic!("{context}: unexpected outcome {other:?}"),
        }
        if got == k + 1 {
            assert_eq!(atts[k]["size"], source.len(), "{context}");
            let out = h.v.path("extracted.bin");
            h.run(&[
                "extract",
                &target,
                "--attachment",
                &(k + 1).to_string(),
                "--out",
                out.to_str().expect("utf-8"),
            ]);
            let back = std::fs::read(&out).expect("read extracted");
            std::fs::remove_file(&out).expect("remove extracted");
            assert!(back == source, "{context}: the extracted file differs");
            h.restore(&snapshot);
        } else {
            // The record itself must be untouched too.
            assert_eq!(after[&target], before[&target], "{context}");
        }
        // Leftovers of the kill are gone after the next unlock (`records` unlocked).
        let files = all_files(&h.v.dir.join("blobs"));
        assert!(
            files
                .iter()
                .all(|f| !f.to_string_lossy().ends_with(".partial")),
            "{context}: a partial blob survived an unlock: {files:?}"
        );
    }
    eprintln!("attach: {}", tally(&fates));
}

#[test]
fn killed_passwd_leaves_exactly_one_passphrase_working() {
    let mut rng = Rng::for_test("passwd");
    let mut h = Harness::new();
    h.add_marked(0);
    h.add_marked(1);
    let before = h.records();
    let tmp = h.v.tmp.path().to_path_buf();
    let pass_file = |n: usize| -> PathBuf {
        let p = tmp.join(format!("pass-{n}.txt"));
        std::fs::write(
            &p,
            format!("crash test passphrase {n} violet kumquat harbour\n"),
        )
        .expect("write passphrase");
        p
    };
    let passwd = |new: &Path| -> Vec<String> {
        vec![
            "passwd".into(),
            "--new-passphrase-file".into(),
            new.to_string_lossy().into_owned(),
        ]
    };
    let first = pass_file(100);
    let normal = h.measure(Some(&h.pass), &os(&passwd(&first)));
    h.pass = first;
    let n = iterations();
    let mut fates = vec![];
    for i in 0..n {
        let context = format!("passwd kill {i}");
        let old = h.pass.clone();
        let new = pass_file(i);
        let fate = h.run_killed(
            Some(&old),
            &os(&passwd(&new)),
            delay(&mut rng, i, n, normal),
        );
        fates.push(fate);
        // Exit 0: opens and a full verify passes; 3: wrong passphrase; anything else is damage.
        let opens = |p: &Path| {
            h.status(Some(p), &[OsStr::new("verify"), OsStr::new("--full")])
                .code()
        };
        let (old_code, new_code) = (opens(&old), opens(&new));
        assert!(
            matches!((old_code, new_code), (Some(0), Some(3)) | (Some(3), Some(0))),
            "{context}: verify with the old passphrase exits {old_code:?}, with the new {new_code:?}"
        );
        let new_ok = new_code == Some(0);
        if fate == Fate::Finished(true) {
            assert!(
                new_ok,
                "{context}: passwd said ok but the new passphrase fails"
            );
        }
        if new_ok {
            h.pass = new;
        }
        // `opens` ran the full verify (every record decrypts and matches its ledger digests)
        // with the passphrase that works; decrypted contents are compared once at the end.
        let info = h.check_sound_with(&context, false);
        assert_eq!(count(&info, "keyslots"), 1, "{context}");
    }
    assert_intact(&before, &h.records(), None, "after the passwd kills");
    eprintln!("passwd: {}", tally(&fates));
}

#[test]
fn killed_export_leaves_the_vault_sound_and_any_logged_bundle_complete() {
    let mut rng = Rng::for_test("export");
    let h = Harness::new();
    let target = h.add_marked(0);
    h.add_marked(1);
    h.add_marked(2);
    let file = h.v.path("evidence.bin");
    marked_file(&mut rng, &file, 8 << 20);
    h.run(&["attach", &target, file.to_str().expect("utf-8")]);
    let key = h.v.path("counsel.key");
    h.run(&["keygen", "--out", key.to_str().expect("utf-8")]);
    let key_text = std::fs::read_to_string(&key).expect("read key");
    let recipient = key_text
        .split_whitespace()
        .find(|w| w.starts_with("age1"))
        .expect("public key in the key file")
        .to_owned();
    let export = |out: &Path| -> Vec<String> {
        vec![
            "export".into(),
            "--to".into(),
            recipient.clone(),
            "--all".into(),
            "--out".into(),
            out.to_string_lossy().into_owned(),
        ]
    };
    let normal = h.measure(Some(&h.pass), &os(&export(&h.out_dir.join("timing.age"))));
    let before = h.records();
    let mut exports = h.json(&["exports"]).as_array().map_or(0, Vec::len);
    let n = iterations();
    let mut fates = vec![];
    let mut partial = vec![];
    let mut unlogged = 0;
    for i in 0..n {
        let context = format!("export kill {i}");
        let out = h.out_dir.join(format!("bundle-{i}.age"));
        let fate = h.run_killed(
            Some(&h.pass),
            &os(&export(&out)),
            delay(&mut rng, i, n, normal),
        );
        fates.push(fate);
        // The full verify proves every record still matches its ledger entry; decrypted
        // contents are compared once at the end.
        h.check_sound(&context);
        let now = h.json(&["exports"]).as_array().map_or(0, Vec::len);
        assert!(
            now == exports || now == exports + 1,
            "{context}: {exports} -> {now}"
        );
        let complete = out.exists()
            && h.status(
                None,
                &[
                    OsStr::new("bundle"),
                    OsStr::new("verify"),
                    out.as_os_str(),
                    OsStr::new("--identity"),
                    key.as_os_str(),
                ],
            )
            .success();
        // The export is logged before the bundle appears under its name, so a kill may leave a
        // logged export without a bundle (the log over-reports), never a bundle the log misses.
        if complete && now != exports + 1 {
            unlogged += 1;
        }
        if out.exists() && !complete {
            partial.push(out.clone());
        }
        if fate == Fate::Finished(true) {
            assert!(complete && now == exports + 1, "{context}: export said ok");
        }
        exports = now;
        // The same command again works (no "refusing to overwrite" because of what the kill
        // left) when the bundle did not appear; then nothing but bundles is left in the folder.
        if !out.exists() {
            h.run(&export(&out).iter().map(String::as_str).collect::<Vec<_>>());
            exports += 1;
            assert!(out.exists(), "{context}: the retry wrote no bundle");
        }
        assert_no_staging(&h.out_dir, &context);
    }
    assert_intact(&before, &h.records(), None, "after the export kills");
    eprintln!(
        "export: {}; {unlogged} complete but unlogged bundle(s); {} partial bundle file(s) left",
        tally(&fates),
        partial.len()
    );
    assert_eq!(
        unlogged, 0,
        "complete bundles that the disclosure log does not list"
    );
    assert!(
        partial.is_empty(),
        "partial bundles left at --out: {partial:?}"
    );
}

#[test]
fn killed_checkpoint_signing_at_unlock_is_all_or_nothing() {
    let mut rng = Rng::for_test("checkpoint");
    let h = Harness::new();
    h.add_marked(0);
    let list = [OsStr::new("list")];
    let normal = h.measure(Some(&h.pass), &list);
    let mut before = h.records();
    let mut seq = 10;
    let n = iterations();
    let mut fates = vec![];
    for i in 0..n {
        let context = format!("checkpoint kill {i}");
        for _ in 0..3 {
            let status = h.status(None, &os(&add_args(seq)));
            assert!(status.success(), "{context}: add failed");
            seq += 1;
        }
        let info = h.json(&["info"]);
        let (checkpoints, unchecked) = (
            count(&info, "checkpoints"),
            count(&info, "unchecked_entries"),
        );
        assert_eq!(unchecked, 3, "{context}");
        let fate = h.run_killed(Some(&h.pass), &list, delay(&mut rng, i, n, normal));
        fates.push(fate);
        let info = h.check_sound(&context);
        let now = count(&info, "checkpoints");
        match now - checkpoints {
            0 => assert_eq!(count(&info, "unchecked_entries"), unchecked, "{context}"),
            1 => assert_eq!(count(&info, "unchecked_entries"), 0, "{context}"),
            d => panic!("{context}: {d} checkpoints added"),
        }
        let after = h.records();
        assert_intact(&before, &after, None, &context);
        assert_eq!(after.len(), before.len() + 3, "{context}");
        before = after;
    }
    eprintln!("checkpoint: {}", tally(&fates));
}

#[test]
fn killed_backup_leaves_no_staging_copy_after_the_next_backup() {
    let mut rng = Rng::for_test("backup");
    let h = Harness::new();
    let target = h.add_marked(0);
    h.add_marked(1);
    let file = h.v.path("evidence.bin");
    marked_file(&mut rng, &file, 16 << 20);
    h.run(&["attach", &target, file.to_str().expect("utf-8")]);
    h.records();
    let backup = |out: &Path| -> Vec<String> {
        vec![
            "backup".into(),
            "--out".into(),
            out.to_string_lossy().into_owned(),
        ]
    };
    // Once to warm the page cache, once to measure.
    let warm = h.out_dir.join("warm.backup");
    h.measure(None, &os(&backup(&warm)));
    std::fs::remove_file(&warm).expect("remove");
    let timing = h.out_dir.join("timing.backup");
    let normal = h.measure(None, &os(&backup(&timing)));
    std::fs::remove_file(&timing).expect("remove");
    let before = h.records();
    let n = iterations();
    let mut fates = vec![];
    for i in 0..n {
        let context = format!("backup kill {i}");
        let out = h.out_dir.join(format!("vault-{i}.backup"));
        let fate = h.run_killed(None, &os(&backup(&out)), delay(&mut rng, i, n, normal));
        fates.push(fate);
        if fate == Fate::Finished(true) {
            assert!(out.exists(), "{context}: backup said ok but wrote nothing");
        }
        // The next backup: to the same file when the killed one did not publish it.
        let next = if out.exists() {
            h.out_dir.join(format!("vault-{i}-next.backup"))
        } else {
            out.clone()
        };
        h.run(&backup(&next).iter().map(String::as_str).collect::<Vec<_>>());
        assert_no_staging(&h.out_dir, &context);
        // What was published (by the killed run or the next) restores to the same vault.
        for published in [&out, &next] {
            if !published.exists() {
                continue;
            }
            let restored = h.v.path("restored");
            let status = h
                .command_in(
                    &restored,
                    None,
                    &[OsStr::new("restore"), published.as_os_str()],
                )
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .expect("run restore");
            assert!(
                status.success(),
                "{context}: {} does not restore",
                published.display()
            );
            std::fs::remove_dir_all(&restored).expect("remove restored");
            std::fs::remove_file(published).expect("remove backup");
        }
        h.check_sound(&context);
        assert_intact(&before, &h.records(), None, &context);
    }
    eprintln!("backup: {}", tally(&fates));
}

#[test]
fn killed_restore_leaves_no_staging_folder_after_the_next_restore() {
    let mut rng = Rng::for_test("restore");
    let h = Harness::new();
    let target = h.add_marked(0);
    h.add_marked(1);
    let file = h.v.path("evidence.bin");
    marked_file(&mut rng, &file, 16 << 20);
    h.run(&["attach", &target, file.to_str().expect("utf-8")]);
    let before = h.records();
    let backup = h.v.path("vault.backup");
    h.run(&["backup", "--out", backup.to_str().expect("utf-8")]);
    let restore = [OsStr::new("restore"), backup.as_os_str()];
    let start = Instant::now();
    let timing = h.out_dir.join("timing");
    let status = h
        .command_in(&timing, None, &restore)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("run restore");
    assert!(status.success(), "the timing restore failed");
    let normal = start.elapsed();
    std::fs::remove_dir_all(&timing).expect("remove");
    let n = iterations();
    let mut fates = vec![];
    for i in 0..n {
        let context = format!("restore kill {i}");
        let dir = h.out_dir.join(format!("restored-{i}"));
        let fate = h.run_killed_in(&dir, None, &restore, delay(&mut rng, i, n, normal));
        fates.push(fate);
        if fate == Fate::Finished(true) {
            assert!(dir.exists(), "{context}: restore said ok but made nothing");
        }
        // A restore either made the whole vault or nothing; the next one into the same
        // folder (when there is none yet) works and removes what the kill left.
        if !dir.exists() {
            let status = h
                .command_in(&dir, None, &restore)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .expect("run restore");
            assert!(status.success(), "{context}: the next restore failed");
        } else {
            // Moved into place last: a folder there is a whole vault, and the next restore
            // (elsewhere in the same folder) still removes what the kill left.
            let again = h.out_dir.join(format!("restored-{i}-next"));
            let status = h
                .command_in(&again, None, &restore)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .expect("run restore");
            assert!(status.success(), "{context}: the next restore failed");
            std::fs::remove_dir_all(&again).expect("remove");
        }
        assert_no_staging(&h.out_dir, &context);
        let verify = h
            .command_in(
                &dir,
                Some(&h.pass),
                &[OsStr::new("--json"), OsStr::new("list")],
            )
            .stdin(Stdio::null())
            .output()
            .expect("run list");
        assert!(
            verify.status.success(),
            "{context}: the restored vault does not open"
        );
        let listed: Value = serde_json::from_slice(&verify.stdout).expect("json");
        let after: BTreeMap<String, Value> = listed
            .as_array()
            .expect("list")
            .iter()
            .map(|r| (r["id"].as_str().expect("id").to_owned(), r.clone()))
            .collect();
        assert_eq!(after, before, "{context}: the restored vault differs");
        std::fs::remove_dir_all(&dir).expect("remove restored");
        h.assert_no_plaintext(&context);
    }
    eprintln!("restore: {}", tally(&fates));
}
