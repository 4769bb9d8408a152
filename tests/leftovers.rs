//! No leftovers, no partial attach: the staging copies of `backup`, `restore` and `export` are
//! gone after every exit path, a copy that a killed run left is removed by the next run of the same
//! command (and a retry after a killed export works), and a file that changes while it is attached
//! is refused with nothing stored.
//!
//! Kills here are not timed: each command is SIGKILLed once its staging copy is seen on disk, so
//! the kill always lands in the middle. The full-disk cases need a small tmpfs (root and `mount`);
//! they are skipped with a message otherwise.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::stderr;

use std::ffi::{OsStr, OsString};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

use common::*;

/// The binary with the test vault's environment, `--vault dir` and the passphrase file.
fn vault_cmd(v: &TestVault, dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_vault"));
    c.env_remove("VAULT_DIR")
        .env_remove("VAULT_PASSPHRASE_FILE")
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env("TMPDIR", v.tmp.path())
        .env("VAULT_STATE_DIR", v.state_dir())
        .arg("--vault")
        .arg(dir)
        .arg("--passphrase-file")
        .arg(&v.pass_file)
        .stdin(Stdio::null());
    c
}

fn run(v: &TestVault, dir: &Path, args: &[&OsStr]) -> Output {
    vault_cmd(v, dir).args(args).output().expect("run vault")
}

fn run_ok(v: &TestVault, dir: &Path, args: &[&OsStr]) -> Output {
    let out = run(v, dir, args);
    assert!(
        out.status.success(),
        "{args:?} failed with {:?}\nstdout: {}\nstderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn os(args: &[&str]) -> Vec<OsString> {
    args.iter().map(OsString::from).collect()
}

fn refs(args: &[OsString]) -> Vec<&OsStr> {
    args.iter().map(OsString::as_os_str).collect()
}

/// Starts a command and SIGKILLs it as soon as `ready` holds. Returns false (after reaping it)
/// when it exited on its own first.
fn kill_when(child: Child, ready: impl Fn() -> bool) -> bool {
    signal_when(child, rustix::process::Signal::KILL, ready)
}

/// [`kill_when`] with another signal (SIGINT is what Ctrl-C sends).
fn signal_when(
    mut child: Child,
    signal: rustix::process::Signal,
    ready: impl Fn() -> bool,
) -> bool {
    loop {
        if child.try_wait().expect("try_wait").is_some() {
            return false;
        }
        if ready() {
            let pid = rustix::process::Pid::from_child(&child);
            rustix::process::kill_process(pid, signal).expect("signal");
            let status = child.wait().expect("wait");
            return status.code().is_none();
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
}

/// Hidden entries of `dir` whose name holds `.<tag>-` (staging copies of that command).
fn staged(dir: &Path, tag: &str) -> Vec<PathBuf> {
    let needle = format!(".{tag}-");
    fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| {
                    let name = p.file_name().unwrap_or_default().to_string_lossy();
                    name.starts_with('.') && name.contains(&needle)
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Every entry of `dir` (names only), sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .map(|e| {
            e.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn size_of_tree(path: &Path) -> u64 {
    all_files(path)
        .iter()
        .filter_map(|p| fs::metadata(p).ok())
        .map(|m| m.len())
        .sum::<u64>()
        + fs::metadata(path)
            .ok()
            .filter(|m| m.is_file())
            .map_or(0, |m| m.len())
}

/// A vault with two incidents and a large attachment (so that backup, restore and export take
/// long enough to be caught in the middle), every entry signed. Returns the vault and the id.
fn big_vault(attachment_mib: u64) -> (TestVault, String) {
    let v = TestVault::new();
    let id = v.add_simple("incident with a large attachment");
    v.add_simple("second incident");
    let big = v.path("big.bin");
    {
        let mut f = fs::File::create(&big).expect("create");
        // Not all zeros, so the file is not trivially compressible; written in 1 MiB blocks.
        let block: Vec<u8> = (0..1 << 20).map(|i| (i * 7 % 251) as u8).collect();
        for _ in 0..attachment_mib {
            f.write_all(&block).expect("write");
        }
    }
    v.ok(&["attach", &id, big.to_str().expect("utf-8")]);
    fs::remove_file(&big).expect("remove source");
    v.ok(&["list"]);
    (v, id)
}

#[test]
fn a_killed_backup_leaves_a_copy_that_the_next_backup_removes() {
    let (v, _) = big_vault(64);
    let usb = v.path("usb");
    fs::create_dir(&usb).expect("mkdir");
    let out = usb.join("vault.backup");
    let args = os(&["backup", "--out", out.to_str().expect("utf-8")]);

    // Killed once the archive is being written beside the output.
    let child = vault_cmd(&v, &v.dir)
        .args(refs(&args))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let killed = kill_when(child, || {
        staged(&usb, "backup")
            .iter()
            .any(|d| fs::metadata(d.join("backup.tar")).is_ok_and(|m| m.len() > 0))
    });
    assert!(killed, "the backup finished before it could be killed");
    let left = staged(&usb, "backup");
    assert_eq!(left.len(), 1, "{left:?}");
    assert!(!out.exists(), "a killed backup published its output");
    assert!(
        size_of_tree(&left[0]) > 0,
        "the killed backup left an empty staging folder"
    );

    // A folder with the same kind of name that holds a file of the user's: never touched.
    let foreign = usb.join(format!(".vault.backup.backup-{}", "f".repeat(32)));
    fs::create_dir(&foreign).expect("mkdir");
    fs::write(foreign.join("notes.txt"), b"mine").expect("write");

    // The next backup (same output name) removes the copy, says so, and works.
    let done = run_ok(&v, &v.dir, &refs(&args));
    let err = stderr(&done);
    assert!(
        err.contains("removed") && err.contains("interrupted backup"),
        "no note about the removed copy: {err}"
    );
    assert!(!left[0].exists(), "the killed backup's copy survived");
    assert_eq!(
        listing(&usb),
        vec![
            ".vault.backup.backup-ffffffffffffffffffffffffffffffff".to_owned(),
            "vault.backup".to_owned()
        ]
    );
    assert!(foreign.join("notes.txt").exists());

    // The new backup is whole.
    let restored = v.path("restored");
    run_ok(&v, &restored, &[OsStr::new("restore"), out.as_os_str()]);
    let report = run_ok(
        &v,
        &restored,
        &[
            OsStr::new("--json"),
            OsStr::new("verify"),
            OsStr::new("--full"),
        ],
    );
    let report: serde_json::Value = serde_json::from_slice(&report.stdout).expect("json");
    assert_eq!(report["ok"], true, "{report}");
}

/// Starts `backup --out out` and stops it with `signal` once its archive is being written.
fn kill_backup_mid_way(v: &TestVault, out: &Path, signal: rustix::process::Signal) {
    let folder = out.parent().expect("parent").to_path_buf();
    let child = vault_cmd(v, &v.dir)
        .args([OsStr::new("backup"), OsStr::new("--out"), out.as_os_str()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let killed = signal_when(child, signal, || {
        staged(&folder, "backup")
            .iter()
            .any(|d| fs::metadata(d.join("backup.tar")).is_ok_and(|m| m.len() > 0))
    });
    assert!(killed, "the backup finished before it could be stopped");
    assert_eq!(staged(&folder, "backup").len(), 1);
}

#[test]
fn a_killed_backups_copy_in_another_folder_is_removed_or_named_by_the_next_backup() {
    let (v, _) = big_vault(64);
    let usb = v.path("usb");
    let other = v.path("other");
    fs::create_dir(&usb).expect("mkdir");
    fs::create_dir(&other).expect("mkdir");

    // Stopped with Ctrl-C on one disk, the next backup goes to another folder: the copy is
    // still found.
    kill_backup_mid_way(&v, &usb.join("first.backup"), rustix::process::Signal::INT);
    let done = run_ok(
        &v,
        &v.dir,
        &refs(&os(&[
            "backup",
            "--out",
            other.join("second.backup").to_str().expect("utf-8"),
        ])),
    );
    let err = stderr(&done);
    assert!(err.contains("interrupted backup"), "{err}");
    assert_eq!(
        listing(&usb),
        Vec::<String>::new(),
        "the copy on the first disk survived"
    );

    // Killed again; the disk is then unplugged (its folder gone): the next backup names it.
    kill_backup_mid_way(&v, &usb.join("third.backup"), rustix::process::Signal::KILL);
    let unplugged = v.path("unplugged");
    fs::rename(&usb, &unplugged).expect("rename");
    let done = run_ok(
        &v,
        &v.dir,
        &refs(&os(&[
            "backup",
            "--out",
            other.join("fourth.backup").to_str().expect("utf-8"),
        ])),
    );
    let err = stderr(&done);
    assert!(
        err.contains("not there now") && err.contains(".third.backup.backup-"),
        "the unreachable copy is not named: {err}"
    );
    assert_eq!(staged(&unplugged, "backup").len(), 1);
    // Plugged in again: the next backup anywhere removes it.
    fs::rename(&unplugged, &usb).expect("rename");
    let done = run_ok(
        &v,
        &v.dir,
        &refs(&os(&[
            "backup",
            "--out",
            other.join("fifth.backup").to_str().expect("utf-8"),
        ])),
    );
    assert!(
        stderr(&done).contains("interrupted backup"),
        "{}",
        stderr(&done)
    );
    assert_eq!(listing(&usb), Vec::<String>::new());
    assert_eq!(
        listing(&other),
        vec!["fifth.backup", "fourth.backup", "second.backup"]
    );
}

#[test]
fn a_killed_restore_leaves_a_folder_that_the_next_restore_removes() {
    let (v, id) = big_vault(64);
    let file = v.path("vault.backup");
    v.ok(&["backup", "--out", file.to_str().expect("utf-8")]);
    let parent = v.path("restores");
    fs::create_dir(&parent).expect("mkdir");
    let target = parent.join("restored");
    let args = [OsStr::new("restore"), file.as_os_str()];

    let child = vault_cmd(&v, &target)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let killed = kill_when(child, || {
        staged(&parent, "restore").iter().any(|d| {
            fs::read_dir(d.join("vault").join("blobs")).is_ok_and(|mut e| e.next().is_some())
        })
    });
    assert!(killed, "the restore finished before it could be killed");
    let left = staged(&parent, "restore");
    assert_eq!(left.len(), 1, "{left:?}");
    assert!(!target.exists(), "a killed restore created its target");

    let done = run_ok(&v, &target, &args);
    let err = stderr(&done);
    assert!(
        err.contains("removed") && err.contains("interrupted restore"),
        "no note about the removed folder: {err}"
    );
    assert_eq!(listing(&parent), vec!["restored".to_owned()]);
    // Exactly the vault, without the staging marker.
    assert!(!target.join("VAULT-STAGING").exists());
    let shown = run_ok(
        &v,
        &target,
        &[OsStr::new("--json"), OsStr::new("show"), OsStr::new(&id)],
    );
    let shown: serde_json::Value = serde_json::from_slice(&shown.stdout).expect("json");
    assert_eq!(shown["attachments"].as_array().map(Vec::len), Some(1));
    let report = run_ok(
        &v,
        &target,
        &[
            OsStr::new("--json"),
            OsStr::new("verify"),
            OsStr::new("--full"),
        ],
    );
    let report: serde_json::Value = serde_json::from_slice(&report.stdout).expect("json");
    assert_eq!(report["ok"], true, "{report}");
}

/// Counsel's key file and public key.
fn counsel_key(v: &TestVault) -> (PathBuf, String) {
    let key = v.path("counsel.key");
    v.ok(&["keygen", "--out", key.to_str().expect("utf-8")]);
    let text = fs::read_to_string(&key).expect("read key");
    let recipient = text
        .split_whitespace()
        .find(|w| w.starts_with("age1"))
        .expect("public key")
        .to_owned();
    (key, recipient)
}

#[test]
fn a_retry_after_a_killed_export_works_and_leaves_no_partial_bundle() {
    let (v, _) = big_vault(64);
    let (key, recipient) = counsel_key(&v);
    let outdir = v.path("out");
    fs::create_dir(&outdir).expect("mkdir");
    let bundle = outdir.join("bundle.age");
    let args = os(&[
        "export",
        "--to",
        &recipient,
        "--all",
        "--out",
        bundle.to_str().expect("utf-8"),
    ]);
    let exports_before = v.json(&["exports"]).as_array().map_or(0, Vec::len);

    let child = vault_cmd(&v, &v.dir)
        .args(refs(&args))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let killed = kill_when(child, || {
        staged(&outdir, "export")
            .iter()
            .any(|p| fs::metadata(p).is_ok_and(|m| m.len() > (1 << 20)))
    });
    assert!(killed, "the export finished before it could be killed");
    assert_eq!(staged(&outdir, "export").len(), 1);
    assert!(!bundle.exists(), "a killed export published its bundle");

    // The same command again: no "refusing to overwrite", the partial file is removed.
    let done = run_ok(&v, &v.dir, &refs(&args));
    let err = stderr(&done);
    assert!(
        err.contains("removed") && err.contains("interrupted export"),
        "no note about the removed partial bundle: {err}"
    );
    assert_eq!(listing(&outdir), vec!["bundle.age".to_owned()]);
    let verified = v
        .cmd_locked()
        .args(["bundle", "verify"])
        .arg(&bundle)
        .arg("--identity")
        .arg(&key)
        .output()
        .expect("run");
    assert_success(&verified, &["bundle", "verify"]);
    let exports_after = v.json(&["exports"]).as_array().map_or(0, Vec::len);
    assert_eq!(exports_after, exports_before + 1);
}

#[test]
fn an_export_partial_file_of_an_earlier_release_no_longer_blocks_the_retry() {
    // Earlier releases wrote `FILE.partial` and refused to start while it existed.
    let v = TestVault::new();
    v.add_simple("an incident");
    let (_, recipient) = counsel_key(&v);
    let bundle = v.path("bundle.age");
    let legacy = v.path("bundle.age.partial");
    fs::write(&legacy, b"age-encryption.org/v1\n-> X25519 cut off here").expect("write");
    // A user's own file that merely has a `.partial` name next to another output is not ours.
    let other = v.path("notes.age.partial");
    fs::write(&other, b"my notes").expect("write");
    let out = v.ok(&[
        "export",
        "--to",
        &recipient,
        "--all",
        "--out",
        bundle.to_str().expect("utf-8"),
    ]);
    assert!(!out.is_empty());
    assert!(bundle.exists());
    assert!(
        !legacy.exists(),
        "the earlier release's partial bundle is left"
    );
    assert_eq!(fs::read(&other).expect("read"), b"my notes");
}

/// Attaches `source` while `change` alters it once the attach has begun (its blob file exists).
/// Returns the output, or None when the attach finished before the change could land.
fn attach_while_changing(
    v: &TestVault,
    id: &str,
    source: &Path,
    change: impl Fn(&Path),
) -> Option<Output> {
    let blobs = v.dir.join("blobs");
    let before = listing(&blobs);
    let mut child = vault_cmd(v, &v.dir)
        .args([OsStr::new("attach"), OsStr::new(id), source.as_os_str()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    loop {
        if child.try_wait().expect("try_wait").is_some() {
            return None;
        }
        if listing(&blobs).len() > before.len() {
            change(source);
            break;
        }
        std::thread::sleep(std::time::Duration::from_micros(200));
    }
    Some(child.wait_with_output().expect("wait"))
}

/// Something done to a file while it is attached.
type Change<'a> = &'a dyn Fn(&Path);

#[test]
fn a_file_that_changes_while_it_is_attached_is_refused_and_nothing_is_stored() {
    let v = TestVault::new();
    let id = v.add_simple("a recording");
    let shrink = |p: &Path| {
        fs::OpenOptions::new()
            .write(true)
            .open(p)
            .expect("open")
            .set_len(1 << 20)
            .expect("truncate");
    };
    let grow = |p: &Path| {
        let mut f = fs::OpenOptions::new().append(true).open(p).expect("open");
        f.write_all(&[1u8; 4096]).expect("append");
    };
    let rewrite = |p: &Path| {
        use std::os::unix::fs::FileExt;
        let f = fs::OpenOptions::new().write(true).open(p).expect("open");
        f.write_at(b"changed", 10).expect("write");
        // Same size, new contents: only the modification time tells.
        let later = fs::metadata(p).expect("stat").modified().expect("mtime")
            + std::time::Duration::from_secs(5);
        f.set_modified(later).expect("set mtime");
    };
    let cases: [(&str, Change); 3] = [
        ("truncated", &shrink),
        ("extended", &grow),
        ("rewritten", &rewrite),
    ];
    for (what, change) in cases {
        let mut refused = false;
        // Large enough that the attach is still reading when the change lands; a larger file
        // when it was not (the attach then stored the whole, unchanged file, which is right).
        for mib in [256u64, 768, 2048] {
            let source = v.path(&format!("{what}.bin"));
            // Sparse: quick to make, and read like any file.
            fs::File::create(&source)
                .expect("create")
                .set_len(mib << 20)
                .expect("set_len");
            let atts_before = v.json(&["show", &id])["attachments"]
                .as_array()
                .map_or(0, Vec::len);
            let blobs_before = listing(&v.dir.join("blobs"));
            let out = attach_while_changing(&v, &id, &source, change);
            let atts_after = v.json(&["show", &id])["attachments"].clone();
            fs::remove_file(&source).expect("remove source");
            let Some(out) = out.filter(|o| !o.status.success()) else {
                // Finished before the change: it must have stored the whole file.
                let atts = atts_after.as_array().expect("attachments");
                assert_eq!(atts.len(), atts_before + 1, "{what}");
                assert_eq!(atts[atts.len() - 1]["size"], mib << 20, "{what}");
                continue;
            };
            let err = stderr(&out);
            assert_eq!(out.status.code(), Some(1), "{what}: {err}");
            assert!(
                err.contains("changed while it was being attached")
                    && err.contains("nothing was stored"),
                "{what}: {err}"
            );
            assert_eq!(
                atts_after.as_array().map_or(0, Vec::len),
                atts_before,
                "{what}: an attachment was stored"
            );
            assert_eq!(
                listing(&v.dir.join("blobs")),
                blobs_before,
                "{what}: a blob file was left"
            );
            refused = true;
            break;
        }
        assert!(refused, "{what}: no attach was caught while reading");
    }
    assert_eq!(v.json(&["verify", "--full"])["ok"], true);
}

#[test]
fn a_fifo_is_refused_as_an_attachment() {
    let v = TestVault::new();
    let id = v.add_simple("an incident");
    let fifo = v.path("pipe");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    let out = v.fails(&["attach", &id, fifo.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("not a regular file"),
        "{}",
        stderr(&out)
    );
    assert_eq!(v.json(&["show", &id])["attachments"], serde_json::json!([]));
}

// --- full disk: the output's file system fills up part-way

/// A tmpfs of `size` mounted at `dir`; unmounted (lazily if busy) when dropped.
struct Tmpfs(PathBuf);

impl Tmpfs {
    fn mount(dir: &Path, size: &str) -> Option<Tmpfs> {
        fs::create_dir_all(dir).expect("mkdir");
        let root = rustix::process::geteuid().is_root();
        let ok = root
            && Command::new("mount")
                .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
                .arg(dir)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success());
        if !ok {
            eprintln!("SKIPPED: cannot mount a tmpfs here (needs root and mount permission)");
            return None;
        }
        Some(Tmpfs(dir.to_path_buf()))
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let ok = Command::new("umount")
            .arg(&self.0)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            let _ = Command::new("umount").arg("-l").arg(&self.0).status();
        }
    }
}

/// Asserts a clean refusal that says the disk is full.
fn refused_full(out: &Output, what: &str) {
    let err = stderr(out);
    let code = out.status.code();
    assert!(!out.status.success(), "{what}: succeeded on a full disk");
    assert!(
        code.is_some() && code != Some(101),
        "{what}: exit {code:?}\n{err}"
    );
    let lines: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("vault: error:"))
        .collect();
    assert_eq!(lines.len(), 1, "{what}: {err}");
    assert!(
        lines[0].contains("No space left") || lines[0].contains("full"),
        "{what}: the error does not say the disk is full: {}",
        lines[0]
    );
}

#[test]
fn backup_restore_and_export_on_a_full_disk_fail_cleanly_and_leave_nothing() {
    // 6 MiB of attachment: larger than the 4 MiB file system.
    let (v, _) = big_vault(6);
    let disk = v.path("disk");
    let Some(_mount) = Tmpfs::mount(&disk, "4m") else {
        return;
    };
    let (key, recipient) = counsel_key(&v);
    let vault_files = state_files(&v.dir);
    let exports_before = v.json(&["exports"]).as_array().map_or(0, Vec::len);

    let backup = disk.join("vault.backup");
    let out = run(
        &v,
        &v.dir,
        &[
            OsStr::new("backup"),
            OsStr::new("--out"),
            backup.as_os_str(),
        ],
    );
    refused_full(&out, "backup");
    assert_eq!(listing(&disk), Vec::<String>::new(), "backup left files");

    let bundle = disk.join("bundle.age");
    let out = run(
        &v,
        &v.dir,
        &refs(&os(&[
            "export",
            "--to",
            &recipient,
            "--all",
            "--out",
            bundle.to_str().expect("utf-8"),
        ])),
    );
    refused_full(&out, "export");
    assert_eq!(listing(&disk), Vec::<String>::new(), "export left files");
    assert_eq!(
        v.json(&["exports"]).as_array().map_or(0, Vec::len),
        exports_before,
        "a failed export was logged"
    );

    // A backup made elsewhere, restored onto the full disk.
    let file = v.path("vault.backup");
    v.ok(&["backup", "--out", file.to_str().expect("utf-8")]);
    let target = disk.join("restored");
    let out = run(&v, &target, &[OsStr::new("restore"), file.as_os_str()]);
    refused_full(&out, "restore");
    assert_eq!(listing(&disk), Vec::<String>::new(), "restore left files");

    // The vault itself is as it was, and each command works once there is room.
    assert_eq!(state_files(&v.dir), vault_files);
    assert_eq!(v.json(&["verify", "--full"])["ok"], true);
    let roomy = v.path("roomy");
    fs::create_dir(&roomy).expect("mkdir");
    let bundle = roomy.join("bundle.age");
    v.ok(&[
        "export",
        "--to",
        &recipient,
        "--all",
        "--out",
        bundle.to_str().expect("utf-8"),
    ]);
    let verified = v
        .cmd_locked()
        .args(["bundle", "verify"])
        .arg(&bundle)
        .arg("--identity")
        .arg(&key)
        .output()
        .expect("run");
    assert_success(&verified, &["bundle", "verify"]);
    let target = roomy.join("restored");
    run_ok(&v, &target, &[OsStr::new("restore"), file.as_os_str()]);
    assert_eq!(
        listing(&roomy),
        vec!["bundle.age".to_owned(), "restored".to_owned()]
    );
}
