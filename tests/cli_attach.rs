//! Attachments through the real binary: byte-exact round trips, names, order, refusals,
//! corruption, metadata, length hiding, --remove-original and a SIGKILL in the middle of an
//! attach.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::{one_line_error, stderr};

use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};
use std::time::Duration;

use common::{all_files, TestVault};
use rand::RngCore;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// `info --json` (no passphrase).
fn info(v: &TestVault) -> Value {
    let out = v
        .cmd_locked()
        .args(["--json", "info"])
        .output()
        .expect("run");
    common::assert_success(&out, &["info"]);
    serde_json::from_slice(&out.stdout).expect("info JSON")
}

/// Runs a command without the passphrase.
fn locked(v: &TestVault, args: &[&str]) -> Output {
    v.cmd_locked().args(args).output().expect("run")
}

/// `attach ID FILES...` without the passphrase; asserts success.
fn attach(v: &TestVault, id: &str, files: &[&Path]) -> Output {
    let out = v
        .cmd_locked()
        .arg("attach")
        .arg(id)
        .args(files)
        .output()
        .expect("run");
    common::assert_success(&out, &["attach", id]);
    out
}

fn random_bytes(n: usize) -> Vec<u8> {
    let mut buf = vec![0u8; n];
    rand::thread_rng().fill_bytes(&mut buf);
    buf
}

fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

fn blob_files(v: &TestVault) -> Vec<PathBuf> {
    all_files(&v.dir.join("blobs"))
}

/// Length of an age file's payload (after the header's MAC line). The age crate adds a
/// random-length "grease" stanza to every header, so only the payload length depends on the
/// (padded) plaintext.
fn age_payload_len(ct: &[u8]) -> usize {
    let mac = ct
        .windows(5)
        .position(|w| w == b"\n--- ")
        .expect("age header MAC line");
    let end = mac + 1 + ct[mac + 1..].iter().position(|&b| b == b'\n').expect("eol");
    ct.len() - end - 1
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn attachments_round_trip_byte_exact() {
    let v = TestVault::new();
    let id = v.add_simple("files of every awkward size");
    let sizes = [0usize, 1, 65536, 65537, 3_000_017];
    let contents: Vec<Vec<u8>> = sizes.iter().map(|&n| random_bytes(n)).collect();
    let paths: Vec<PathBuf> = (0..sizes.len())
        .map(|i| v.path(&format!("file{i}.bin")))
        .collect();
    for (p, c) in paths.iter().zip(&contents) {
        std::fs::write(p, c).unwrap();
    }
    let refs: Vec<&Path> = paths.iter().map(|p| p.as_path()).collect();
    attach(&v, &id, &refs);

    let shown = v.json(&["show", &id]);
    let atts = shown["attachments"].as_array().expect("attachments");
    assert_eq!(atts.len(), sizes.len());
    for (i, a) in atts.iter().enumerate() {
        assert_eq!(a["number"], i as u64 + 1);
        assert_eq!(a["name"], format!("file{i}.bin"));
        assert_eq!(a["size"], sizes[i] as u64);
        assert_eq!(a["sha256"], sha256_hex(&contents[i]));
    }
    for (i, c) in contents.iter().enumerate() {
        let n = (i + 1).to_string();
        let out_path = v.path(&format!("out{i}.bin"));
        v.ok(&[
            "extract",
            &id,
            "--attachment",
            &n,
            "--out",
            out_path.to_str().unwrap(),
        ]);
        let got = std::fs::read(&out_path).unwrap();
        assert!(got == *c, "extract --out of {} bytes differs", c.len());
        let out = v
            .cmd()
            .args(["extract", &id, "--attachment", &n, "--stdout"])
            .output()
            .unwrap();
        common::assert_success(&out, &["extract --stdout"]);
        assert!(
            out.stdout == *c,
            "extract --stdout of {} bytes differs",
            c.len()
        );
    }
}

#[test]
fn non_utf8_file_name_attaches() {
    let v = TestVault::new();
    let id = v.add_simple("odd name");
    let raw: &[u8] = b"caf\xe9 \xff photo.bin";
    let path = v.tmp.path().join(std::ffi::OsStr::from_bytes(raw));
    std::fs::write(&path, b"bytes under an odd name").unwrap();
    attach(&v, &id, &[&path]);
    let shown = v.json(&["show", &id]);
    let name = shown["attachments"][0]["name"].as_str().expect("a name");
    assert_eq!(name, String::from_utf8_lossy(raw));
    assert!(name.contains("photo.bin"));
    let out = v.cmd().args(["extract", &id, "--stdout"]).output().unwrap();
    common::assert_success(&out, &["extract"]);
    assert_eq!(out.stdout, b"bytes under an odd name");
}

#[test]
fn twelve_attachments_keep_their_order() {
    let v = TestVault::new();
    let id = v.add_simple("many parts");
    let paths: Vec<PathBuf> = (1..=12)
        .map(|n| v.path(&format!("part{n:02}.txt")))
        .collect();
    for (i, p) in paths.iter().enumerate() {
        std::fs::write(p, format!("content of part {:02}", i + 1)).unwrap();
    }
    // Five in one command, then the rest one by one.
    let first: Vec<&Path> = paths[..5].iter().map(|p| p.as_path()).collect();
    attach(&v, &id, &first);
    for p in &paths[5..] {
        attach(&v, &id[..8], &[p]);
    }
    let shown = v.json(&["show", &id]);
    let atts = shown["attachments"].as_array().expect("attachments");
    let got: Vec<(u64, String)> = atts
        .iter()
        .map(|a| {
            (
                a["number"].as_u64().unwrap(),
                a["name"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let want: Vec<(u64, String)> = (1..=12).map(|n| (n, format!("part{n:02}.txt"))).collect();
    assert_eq!(got, want);
    for n in ["7", "12"] {
        let out = v
            .cmd()
            .args(["extract", &id, "--attachment", n, "--stdout"])
            .output()
            .unwrap();
        common::assert_success(&out, &["extract", n]);
        assert_eq!(
            String::from_utf8(out.stdout).unwrap(),
            format!("content of part {n:0>2}")
        );
    }
    let out = v.fails(&["extract", &id, "--attachment", "13", "--stdout"]);
    assert!(one_line_error(&out).contains("no attachment 13"));
}

#[test]
fn add_with_attach_and_attach_need_no_passphrase() {
    let v = TestVault::new();
    let photo = v.path("photo.bin");
    let content = random_bytes(20_000);
    std::fs::write(&photo, &content).unwrap();
    let out = locked(
        &v,
        &[
            "--json",
            "add",
            "--kind",
            "photographed",
            "--what",
            "they photographed us",
            "--attach",
            photo.to_str().unwrap(),
        ],
    );
    common::assert_success(&out, &["add --attach"]);
    let added: Value = serde_json::from_slice(&out.stdout).unwrap();
    let id = added["id"].as_str().unwrap().to_owned();
    assert_eq!(added["attachments"][0]["name"], "photo.bin");
    assert_eq!(added["attachments"][0]["sha256"], sha256_hex(&content));

    let note = v.path("note.txt");
    std::fs::write(&note, "second file").unwrap();
    attach(&v, &id, &[&note]);
    assert_eq!(info(&v)["attachments"], 2);

    let shown = v.json(&["show", &id]);
    assert_eq!(shown["attachments"][0]["name"], "photo.bin");
    assert_eq!(shown["attachments"][1]["name"], "note.txt");
    let out = v
        .cmd()
        .args(["extract", &id, "--attachment", "1", "--stdout"])
        .output()
        .unwrap();
    common::assert_success(&out, &["extract"]);
    assert!(out.stdout == content);
    assert!(
        photo.exists(),
        "the original stays without --remove-original"
    );
}

#[test]
fn unattachable_sources_store_nothing() {
    let v = TestVault::new();
    let id = v.add_simple("bad sources");
    let before = info(&v);
    let same = |what: &str| {
        let now = info(&v);
        for k in ["attachments", "ledger_entries", "incidents"] {
            assert_eq!(now[k], before[k], "{what} changed {k}");
        }
        assert!(blob_files(&v).is_empty(), "{what} left a blob behind");
    };

    let missing = v.path("missing.jpg");
    let out = locked(&v, &["attach", &id, missing.to_str().unwrap()]);
    let line = one_line_error(&out);
    assert!(line.contains("missing.jpg"), "{line}");
    same("a missing file");

    let dir = v.path("a-directory");
    std::fs::create_dir(&dir).unwrap();
    let out = locked(&v, &["attach", &id, dir.to_str().unwrap()]);
    let line = one_line_error(&out);
    assert!(line.contains("not a regular file"), "{line}");
    same("a directory");

    // One good file and one missing: nothing at all is stored.
    let good = v.path("good.txt");
    std::fs::write(&good, "fine").unwrap();
    let out = locked(
        &v,
        &[
            "attach",
            &id,
            good.to_str().unwrap(),
            missing.to_str().unwrap(),
        ],
    );
    one_line_error(&out);
    same("a good file with a missing one");

    let out = locked(
        &v,
        &[
            "add",
            "--kind",
            "other",
            "--attach",
            missing.to_str().unwrap(),
        ],
    );
    one_line_error(&out);
    same("add --attach of a missing file");

    let unreadable = v.path("unreadable.jpg");
    std::fs::write(&unreadable, "secret").unwrap();
    std::fs::set_permissions(&unreadable, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::File::open(&unreadable).is_ok() {
        eprintln!(
            "note: running with permission to read mode-000 files (root?); skipped the unreadable-file case"
        );
    } else {
        let out = locked(&v, &["attach", &id, unreadable.to_str().unwrap()]);
        let line = one_line_error(&out);
        assert!(line.contains("unreadable.jpg"), "{line}");
        assert!(line.contains("ermission denied"), "{line}");
        same("an unreadable file");
    }
}

#[test]
fn corrupted_blob_is_detected() {
    let v = TestVault::new();
    let id = v.add_simple("will be damaged");
    let file = v.path("evidence.bin");
    std::fs::write(&file, random_bytes(200_000)).unwrap();
    attach(&v, &id, &[&file]);
    let blobs = blob_files(&v);
    assert_eq!(blobs.len(), 1);
    let mut bytes = std::fs::read(&blobs[0]).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0x40;
    std::fs::write(&blobs[0], &bytes).unwrap();

    let out = locked(&v, &["--json", "verify"]);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["ok"], false);
    let kinds: Vec<&str> = report["report"]["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["attachment_hash"]);

    let target = v.path("extracted.bin");
    let out = v.fails(&["extract", &id, "--out", target.to_str().unwrap()]);
    let line = one_line_error(&out);
    assert!(line.contains("corrupted"), "{line}");
    assert_eq!(out.status.code(), Some(4));
    assert!(!target.exists(), "a damaged extract left its output file");
    let out = v.fails(&["extract", &id, "--stdout"]);
    assert!(one_line_error(&out).contains("corrupted"));
}

#[test]
fn extract_never_overwrites() {
    let v = TestVault::new();
    let id = v.add_simple("extract target exists");
    let file = v.path("photo.jpg");
    std::fs::write(&file, "new content").unwrap();
    attach(&v, &id, &[&file]);
    let existing = v.path("precious.txt");
    std::fs::write(&existing, "precious old content").unwrap();
    let out = v.fails(&["extract", &id, "--out", existing.to_str().unwrap()]);
    assert!(one_line_error(&out).contains("refusing to overwrite"));
    assert_eq!(
        std::fs::read_to_string(&existing).unwrap(),
        "precious old content"
    );
}

#[test]
fn gps_photo_metadata_is_shown_but_never_stored_in_clear() {
    let v = TestVault::new();
    let id = v.add_simple("they photographed me");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/media/gps.jpg");
    let fixture_bytes = std::fs::read(&fixture).unwrap();
    let photo = v.path("rally_zq81_gps.jpg");
    std::fs::write(&photo, &fixture_bytes).unwrap();
    let out = attach(&v, &id, &[&photo]);
    let err = stderr(&out);
    assert!(err.contains("GPS"), "attach warns about GPS: {err}");

    let shown = v.json(&["show", &id]);
    let a = &shown["attachments"][0];
    assert_eq!(a["media_type"], "image/jpeg");
    let lat = a["metadata"]["gps"]["latitude"].as_f64().expect("latitude");
    let lon = a["metadata"]["gps"]["longitude"]
        .as_f64()
        .expect("longitude");
    assert!((lat - 40.7128).abs() < 1e-3, "{lat}");
    assert!((lon + 74.006).abs() < 1e-3, "{lon}");
    let identifying: Vec<&str> = a["identifying"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    assert!(
        identifying.iter().any(|s| s.contains("GPS")),
        "{identifying:?}"
    );
    assert!(
        identifying.iter().any(|s| s.contains("BODY12345678")),
        "{identifying:?}"
    );

    let secrets = [
        "rally_zq81",
        "gps.jpg",
        "BODY12345678",
        "LENS9876",
        "Jane Activist",
        "Jane XMP Creator",
        "Jane IPTC Byline",
        "Jane comment",
        "Canon EOS 5D",
        "FixtureTool",
    ];
    for s in &secrets[2..] {
        assert!(
            contains(&fixture_bytes, s.as_bytes()),
            "the fixture should contain {s:?}"
        );
    }
    // The vault, and anything else the commands wrote into their TMPDIR.
    let files: Vec<PathBuf> = all_files(v.tmp.path())
        .into_iter()
        .filter(|p| *p != v.pass_file && *p != photo)
        .collect();
    assert!(!blob_files(&v).is_empty());
    for f in &files {
        let bytes = std::fs::read(f).unwrap();
        for s in secrets {
            assert!(
                !contains(&bytes, s.as_bytes()),
                "{s:?} is readable in {}",
                f.display()
            );
        }
    }
}

#[test]
fn blob_sizes_are_bucketed() {
    let v = TestVault::new();
    let id = v.add_simple("two similar files");
    let a = v.path("a.bin");
    let b = v.path("b.bin");
    std::fs::write(&a, random_bytes(5000)).unwrap();
    std::fs::write(&b, random_bytes(5100)).unwrap();
    attach(&v, &id, &[&a, &b]);
    let blobs = blob_files(&v);
    assert_eq!(blobs.len(), 2);
    let payloads: Vec<usize> = blobs
        .iter()
        .map(|p| age_payload_len(&std::fs::read(p).unwrap()))
        .collect();
    assert_eq!(
        payloads[0], payloads[1],
        "5000 and 5100 bytes must be stored at the same padded size"
    );
    assert!(payloads[0] >= 5100);
}

#[test]
fn remove_original_deletes_the_source() {
    let v = TestVault::new();
    let id = v.add_simple("remove the original");
    let file = v.path("recording.m4a");
    let content = random_bytes(70_000);
    std::fs::write(&file, &content).unwrap();
    let out = locked(
        &v,
        &["attach", &id, file.to_str().unwrap(), "--remove-original"],
    );
    common::assert_success(&out, &["attach --remove-original"]);
    assert!(!file.exists(), "the original is still there");
    let err = stderr(&out);
    assert!(
        err.contains("SSD") && err.contains("copy-on-write"),
        "no SSD/copy-on-write warning: {err}"
    );
    let out = v.cmd().args(["extract", &id, "--stdout"]).output().unwrap();
    common::assert_success(&out, &["extract"]);
    assert!(
        out.stdout == content,
        "the extract differs from the removed original"
    );
}

#[test]
fn sigkill_during_attach_leaves_a_consistent_vault() {
    let v = TestVault::new();
    let first = v.add_simple("logged before the crash");
    let second = v.add_simple("also logged before the crash");
    let small = v.path("small.txt");
    std::fs::write(&small, "an earlier attachment").unwrap();
    attach(&v, &first, &[&small]);

    // ~300 MB of random data, written fast as one random MiB repeated.
    let big = v.path("big.mov");
    {
        use std::io::Write;
        let block = random_bytes(1 << 20);
        let mut f = std::io::BufWriter::new(std::fs::File::create(&big).unwrap());
        for _ in 0..300 {
            f.write_all(&block).unwrap();
        }
        f.flush().unwrap();
    }

    let jitter = (rand::thread_rng().next_u32() % 40) as u64;
    for delay_ms in [50 + jitter, 150 + jitter, 400 + jitter] {
        let before = info(&v)["attachments"].as_u64().unwrap();
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("vault"))
            .env_remove("VAULT_DIR")
            .env_remove("VAULT_PASSPHRASE_FILE")
            .env("NO_COLOR", "1")
            .env("TMPDIR", v.tmp.path())
            .env("VAULT_STATE_DIR", v.state_dir())
            .arg("--vault")
            .arg(&v.dir)
            .args(["attach", &second])
            .arg(&big)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn attach");
        std::thread::sleep(Duration::from_millis(delay_ms));
        child.kill().expect("SIGKILL");
        child.wait().expect("reap");

        let out = locked(&v, &["--json", "verify"]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "verify after a kill at {delay_ms} ms: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        let after = info(&v)["attachments"].as_u64().unwrap();
        assert!(
            after == before || after == before + 1,
            "{before} -> {after} attachments"
        );

        let list = v.json(&["list"]);
        let ids: Vec<&str> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids.len(), 2);
        assert!(ids.contains(&first.as_str()) && ids.contains(&second.as_str()));
        let earlier = list
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == first.as_str())
            .unwrap();
        assert_eq!(earlier["narrative"], "logged before the crash");
        assert_eq!(earlier["attachments"][0]["name"], "small.txt");
        assert_eq!(
            blob_files(&v).len() as u64,
            after,
            "after an unlock every blob file belongs to an attachment"
        );
    }
    let out = v
        .cmd()
        .args(["extract", &first, "--stdout"])
        .output()
        .unwrap();
    common::assert_success(&out, &["extract"]);
    assert_eq!(out.stdout, b"an earlier attachment");
}
