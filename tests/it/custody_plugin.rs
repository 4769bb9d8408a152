//! Hardware keys through age plugins (docs/cli.md "Hardware keys"): a keyslot wrapped to an
//! age plugin recipient and opened through the plugin. No hardware is here, so the plugin is
//! `examples/age-plugin-vaulttest.rs`, a test double built on the maintained `age-plugin`
//! crate: the age plugin protocol and the age crate are the real ones; its "device" is an
//! X25519 key held in its identity string.
//!
//! The example is built here (`cargo build --example`, a no-op when it is up to date), linked
//! into a folder of its own as `age-plugin-vaulttest`, and that folder is put first on `PATH`
//! for the vault process only.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::OnceLock;

use common::*;
use rusqlite::{params, Connection};
use serde_json::Value;

/// The built test plugin (built once per test process). Fails loudly when it cannot be built.
fn plugin_binary() -> &'static Path {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT.get_or_init(|| {
        let exe = std::env::current_exe().expect("test binary path");
        // target/<profile>/deps/it-<hash> -> target/<profile>
        let profile_dir = exe
            .parent()
            .and_then(Path::parent)
            .expect("target profile folder")
            .to_path_buf();
        // The same profile as this test binary (its folder is named after it; `dev` and `test`
        // builds go to `debug`), so the example lands beside it.
        let profile = match profile_dir.file_name().and_then(|n| n.to_str()) {
            Some("debug") | None => "dev".to_owned(),
            Some(other) => other.to_owned(),
        };
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let mut build = std::process::Command::new(cargo);
        build
            .args(["build", "--example", "age-plugin-vaulttest", "--profile"])
            .arg(&profile)
            .arg("--manifest-path")
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"));
        let out = build.output().expect("run cargo build --example");
        assert!(
            out.status.success(),
            "could not build the test plugin:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let path = profile_dir.join("examples").join("age-plugin-vaulttest");
        assert!(path.is_file(), "test plugin missing at {}", path.display());
        path
    })
}

/// A vault, and a folder holding `age-plugin-vaulttest`, put on PATH by [`Hw::cmd`].
struct Hw {
    v: TestVault,
    bin: PathBuf,
    recipient: String,
    identity_file: PathBuf,
}

impl Hw {
    fn new() -> Hw {
        let v = TestVault::new();
        let bin = v.path("plugins");
        std::fs::create_dir_all(&bin).expect("plugin folder");
        // A link, not a copy: a copy being written while another test forks can make its
        // exec fail with "text file busy".
        std::os::unix::fs::symlink(plugin_binary(), bin.join("age-plugin-vaulttest"))
            .expect("link plugin");
        // The "device": a fresh key pair, printed as age-plugin-yubikey --identity would.
        let out = std::process::Command::new(bin.join("age-plugin-vaulttest"))
            .arg("keygen")
            .output()
            .expect("keygen");
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).expect("utf-8");
        let recipient = text
            .lines()
            .find_map(|l| l.strip_prefix("# recipient: "))
            .expect("recipient line")
            .to_owned();
        assert!(recipient.starts_with("age1vaulttest1"), "{recipient}");
        assert!(text.contains("AGE-PLUGIN-VAULTTEST-1"), "{text}");
        let identity_file = v.path("vaulttest-identity.txt");
        std::fs::write(&identity_file, &text).expect("identity file");
        Hw {
            v,
            bin,
            recipient,
            identity_file,
        }
    }

    fn path_var(&self) -> std::ffi::OsString {
        let mut paths = vec![self.bin.clone()];
        paths.extend(std::env::split_paths(
            &std::env::var_os("PATH").unwrap_or_default(),
        ));
        std::env::join_paths(paths).expect("PATH")
    }

    /// No passphrase; the test plugin on PATH.
    fn cmd(&self) -> assert_cmd::Command {
        let mut c = self.v.cmd_locked();
        c.env("PATH", self.path_var())
            .env_remove("VAULTTEST_ASK_PIN");
        c
    }

    /// With the passphrase; the test plugin on PATH.
    fn cmd_pass(&self) -> assert_cmd::Command {
        let mut c = self.cmd();
        c.arg("--passphrase-file").arg(&self.v.pass_file);
        c
    }

    fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().expect("run")
    }

    fn ok(&self, args: &[&str]) -> Output {
        let out = self.run(args);
        assert_success(&out, args);
        out
    }

    /// `keyslot add --plugin` with the passphrase; returns the new slot's id.
    fn add_plugin_slot(&self) -> String {
        let out = self
            .cmd_pass()
            .args([
                "--json",
                "keyslot",
                "add",
                "--plugin",
                &self.recipient,
                "--plugin-identity",
            ])
            .arg(&self.identity_file)
            .output()
            .expect("run");
        assert_success(&out, &["keyslot add --plugin"]);
        let v: Value = serde_json::from_slice(&out.stdout).expect("json");
        assert_eq!(v["kind"], "plugin");
        assert_eq!(v["plugin"], "vaulttest");
        v["slot"].as_str().expect("slot id").to_owned()
    }

    fn slots(&self) -> Vec<Value> {
        let out = self.ok(&["--json", "keyslot", "list"]);
        let v: Value = serde_json::from_slice(&out.stdout).expect("json");
        v.as_array().expect("array").clone()
    }
}

#[test]
fn a_hardware_key_slot_opens_the_vault_and_can_replace_the_passphrase() {
    let hw = Hw::new();
    let first = hw.v.add_simple("before the key");
    let passphrase_slot = hw.slots()[0]["id"].as_str().expect("id").to_owned();

    let plugin_slot = hw.add_plugin_slot();
    let slots = hw.slots();
    assert_eq!(slots.len(), 2);
    let listed = slots
        .iter()
        .find(|s| s["id"] == plugin_slot.as_str())
        .expect("plugin slot listed");
    assert_eq!(listed["kind"], "plugin");
    assert_eq!(listed["plugin"], "vaulttest");
    assert!(listed["kdf"].is_null(), "{listed}");
    // The human listing names it too.
    let human = stdout(&hw.ok(&["keyslot", "list"]));
    assert!(human.contains("hardware key"), "{human}");
    assert!(human.contains("age plugin vaulttest"), "{human}");

    // No passphrase anywhere: the plugin opens the vault (and says what it says).
    let out = hw.ok(&["show", &first]);
    assert!(stdout(&out).contains("before the key"), "{}", stdout(&out));
    assert!(
        stderr(&out).contains("vaulttest: touch your key"),
        "the plugin's message is shown: {}",
        stderr(&out)
    );

    // The vault can require the key: the passphrase slot goes, unlocked through the plugin.
    hw.ok(&["keyslot", "remove", &passphrase_slot]);
    let slots = hw.slots();
    assert_eq!(slots.len(), 1);
    assert_eq!(slots[0]["kind"], "plugin");
    let out = hw.cmd_pass().args(["list"]).output().expect("run");
    assert!(
        !out.status.success(),
        "the old passphrase opens nothing any more"
    );
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));

    // Logging works without any key, and the key's next unlock signs it.
    let later = hw.v.add_simple("after the passphrase went");
    let out = hw.ok(&["show", &later]);
    assert!(stdout(&out).contains("after the passphrase went"));
    let info: Value = serde_json::from_slice(&hw.ok(&["--json", "info"]).stdout).expect("json");
    assert_eq!(info["keyslots"], 1);
    assert_eq!(info["unchecked_entries"], 0, "{info}");
    let human = stdout(&hw.ok(&["info"]));
    assert!(human.contains("opens with its hardware key"), "{human}");
    let verified = hw.ok(&["verify"]);
    assert!(verified.status.success());
    // The full check decrypts everything: the hardware key opens the vault for it.
    let full = hw.ok(&["verify", "--full"]);
    assert!(
        stderr(&full).contains("vaulttest: touch your key"),
        "{}",
        stderr(&full)
    );

    // The last slot, a plugin slot, cannot go.
    let out = hw.run(&["keyslot", "remove", &plugin_slot]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("last keyslot"), "{}", stderr(&out));

    // With a recovery code beside it, the plugin slot still cannot go (a recovery code alone
    // is not how the vault opens day to day), and the code opens the vault on its own.
    let out = hw.ok(&["--json", "keyslot", "add", "--recovery"]);
    let added: Value = serde_json::from_slice(&out.stdout).expect("json");
    let code = added["recovery_code"].as_str().expect("code").to_owned();
    let out = hw.run(&["keyslot", "remove", &plugin_slot]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("last passphrase slot"),
        "{}",
        stderr(&out)
    );
    let code_file = hw.v.path("code.txt");
    std::fs::write(&code_file, format!("{code}\n")).expect("code file");
    let out =
        hw.v.cmd_locked()
            .arg("--passphrase-file")
            .arg(&code_file)
            .args(["show", &first])
            .output()
            .expect("run");
    assert_success(&out, &["show (recovery code, no plugin on PATH)"]);
}

#[test]
fn a_missing_plugin_a_plugin_that_needs_an_answer_and_bad_input_fail_clearly() {
    let hw = Hw::new();
    let id = hw.v.add_simple("kept safe");
    hw.add_plugin_slot();

    // The plugin is not on PATH: the error names the program; nothing is asked (no terminal).
    let out = hw.v.cmd_locked().args(["show", &id]).output().expect("run");
    assert!(!out.status.success());
    let err = one_line_error(&out);
    assert!(
        err.contains("age-plugin-vaulttest") && err.contains("was not found"),
        "{err}"
    );
    assert!(!stdout(&out).contains("kept safe"));

    // The plugin asks for a PIN and nobody can answer: the owner is told why it failed.
    let out = hw
        .cmd()
        .env("VAULTTEST_ASK_PIN", "1234")
        .args(["show", &id])
        .output()
        .expect("run");
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("the hardware key asks: vaulttest PIN:")
            && err.contains("no terminal to answer it"),
        "{err}"
    );
    assert!(err.contains("vaulttest: no PIN given"), "{err}");

    // With the passphrase file given, the passphrase is used and the plugin is never run.
    let out =
        hw.v.cmd()
            .env("VAULTTEST_ASK_PIN", "1234")
            .args(["show", &id])
            .output()
            .expect("run");
    assert_success(&out, &["show with --passphrase-file"]);

    // Refused before anything is asked: not a plugin recipient; an identity of no plugin; an
    // identity file missing.
    let out = hw
        .cmd_pass()
        .args(["keyslot", "add", "--plugin", "age1notarecipient"])
        .arg("--plugin-identity")
        .arg(&hw.identity_file)
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(
        one_line_error(&out).contains("is not an age plugin recipient"),
        "{}",
        one_line_error(&out)
    );
    let wrong = hw.v.path("wrong-identity.txt");
    std::fs::write(&wrong, "# nothing here\nAGE-SECRET-KEY-1XYZ\n").expect("write");
    let out = hw
        .cmd_pass()
        .args(["keyslot", "add", "--plugin", &hw.recipient])
        .arg("--plugin-identity")
        .arg(&wrong)
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(
        one_line_error(&out).contains("holds no identity of the plugin vaulttest"),
        "{}",
        one_line_error(&out)
    );
    let out = hw
        .cmd_pass()
        .args(["keyslot", "add", "--plugin", &hw.recipient])
        .output()
        .expect("run");
    assert!(!out.status.success(), "--plugin without --plugin-identity");

    // Another device's identity: the slot would not open, so it is not added.
    let other = Hw::new();
    let out = hw
        .cmd_pass()
        .args(["keyslot", "add", "--plugin", &hw.recipient])
        .arg("--plugin-identity")
        .arg(&other.identity_file)
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(
        one_line_error(&out).contains("does not open this vault"),
        "{}",
        one_line_error(&out)
    );
    assert_eq!(hw.slots().len(), 2, "nothing was added");
}

#[test]
fn a_plugin_slot_changed_in_the_folder_is_refused_as_tampered() {
    let hw = Hw::new();
    let id = hw.v.add_simple("secret");
    let slot = hw.add_plugin_slot();
    // Someone with write access swaps in their own plugin identity (and wrapped key): the
    // ledger's digest no longer matches, so the slot is never used.
    let other = Hw::new();
    let text = std::fs::read_to_string(&other.identity_file).expect("read");
    let their_identity = text
        .lines()
        .find(|l| l.starts_with("AGE-PLUGIN-"))
        .expect("identity line");
    let conn = Connection::open(hw.v.db()).expect("open vault.db");
    let n = conn
        .execute(
            "UPDATE keyslots SET salt = ?1 WHERE id = ?2",
            params![their_identity.as_bytes(), slot],
        )
        .expect("update");
    assert_eq!(n, 1);
    drop(conn);
    let out = hw.run(&["show", &id]);
    assert!(!out.status.success());
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert!(
        one_line_error(&out).contains("is not what the vault's signed history commits to"),
        "{}",
        one_line_error(&out)
    );
    // The passphrase still opens the vault.
    assert_success(
        &hw.cmd_pass().args(["show", &id]).output().expect("run"),
        &["show with the passphrase"],
    );
}

/// Someone with write access plants a hardware-key slot (here: another vault's, for a device
/// they hold) in a vault that has only a passphrase slot: no ledger entry commits to it, so it
/// is refused before the plugin is ever asked, nothing is written, and the passphrase still
/// opens the vault.
#[test]
fn a_plugin_slot_planted_in_a_passphrase_vault_is_never_used() {
    let hw = Hw::new();
    let id = hw.v.add_simple("secret");
    let other = Hw::new();
    let planted = other.add_plugin_slot();
    let conn = Connection::open(hw.v.db()).expect("open vault.db");
    conn.execute(
        "ATTACH DATABASE ?1 AS other",
        [other.v.db().to_str().expect("path")],
    )
    .expect("attach");
    let n = conn
        .execute(
            "INSERT INTO main.keyslots SELECT * FROM other.keyslots WHERE id = ?1",
            [&planted],
        )
        .expect("plant");
    assert_eq!(n, 1);
    drop(conn);
    let ledger = |v: &TestVault| -> i64 {
        Connection::open(v.db())
            .expect("open")
            .query_row("SELECT COUNT(*) FROM ledger", [], |r| r.get(0))
            .expect("count")
    };
    let before = ledger(&hw.v);
    let out = hw.run(&["show", &id]);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert!(
        one_line_error(&out).contains(&planted),
        "{}",
        one_line_error(&out)
    );
    assert_eq!(ledger(&hw.v), before, "nothing is written");
    assert_success(
        &hw.cmd_pass().args(["show", &id]).output().expect("run"),
        &["show with the passphrase"],
    );
    let report: Value = serde_json::from_slice(
        &hw.cmd()
            .args(["--json", "verify"])
            .output()
            .expect("run")
            .stdout,
    )
    .expect("json");
    assert_eq!(report["ok"], false, "{report}");
}

#[test]
fn travel_mode_takes_the_hardware_key_slot_away_and_brings_it_back() {
    let hw = Hw::new();
    let id = hw.v.add_simple("across the border");
    let passphrase_slot = hw.slots()[0]["id"].as_str().expect("id").to_owned();
    hw.add_plugin_slot();
    hw.ok(&["keyslot", "remove", &passphrase_slot]);
    let identity_text = std::fs::read_to_string(&hw.identity_file).expect("read");
    let identity_line = identity_text
        .lines()
        .find(|l| l.starts_with("AGE-PLUGIN-"))
        .expect("identity line")
        .to_owned();

    // Counsel's key; travel mode started through the hardware key.
    let counsel_key = hw.v.path("counsel.key");
    let out =
        hw.v.cmd_locked()
            .args(["keygen", "--out"])
            .arg(&counsel_key)
            .output()
            .expect("run");
    assert_success(&out, &["keygen"]);
    let counsel = stdout(&out).trim().to_owned();
    let escrow = hw.v.path("escrow.age");
    let out = hw
        .cmd()
        .args(["travel", "start", "--escrow-to", &counsel, "--out"])
        .arg(&escrow)
        .output()
        .expect("run");
    assert_success(&out, &["travel start (hardware key)"]);

    // The device no longer opens the vault, and the slot (its identity too) is gone from the
    // database and its log.
    let out = hw.run(&["show", &id]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("travel mode is on"),
        "{}",
        stderr(&out)
    );
    for name in ["vault.db", "vault.db-wal"] {
        let bytes = std::fs::read(hw.v.dir.join(name)).unwrap_or_default();
        let needle = identity_line.as_bytes();
        assert!(
            !bytes.windows(needle.len()).any(|w| w == needle),
            "the plugin identity survived in {name}"
        );
    }

    let out =
        hw.v.cmd_locked()
            .args(["travel", "end", "--from"])
            .arg(&escrow)
            .arg("--identity")
            .arg(&counsel_key)
            .output()
            .expect("run");
    assert_success(&out, &["travel end"]);
    let out = hw.ok(&["show", &id]);
    assert!(stdout(&out).contains("across the border"));
    hw.ok(&["verify"]);
}
