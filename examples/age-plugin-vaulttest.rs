//! A test double of a hardware key for vault's tests: an age plugin (`age-plugin-vaulttest`)
//! speaking the real plugin protocol through the maintained `age-plugin` crate. Its "device"
//! is an X25519 key whose secret sits in the identity string, so it proves nothing about
//! hardware; it proves that vault wraps to and unwraps through an age plugin as age-plugin-yubikey
//! or age-plugin-fido2-hmac would be driven.
//!
//! `age-plugin-vaulttest keygen` prints a recipient comment and an identity line. Stanzas are
//! age's own X25519 stanzas under the tag `vaulttest`. While unwrapping, the plugin says
//! "vaulttest: touch your key" (a message callback); with `VAULTTEST_ASK_PIN` set it also asks
//! for a PIN (a secret callback) and fails without the answer `VAULTTEST_ASK_PIN` holds.

use std::collections::{HashMap, HashSet};
use std::io;
use std::str::FromStr;

use age::secrecy::ExposeSecret;
use age::{Identity as _, Recipient as _};
use age_core::format::{FileKey, Stanza};
use age_plugin::identity::{self, IdentityPluginV1};
use age_plugin::recipient::{self, RecipientPluginV1};
use age_plugin::{run_state_machine, Callbacks, PluginHandler};
use bech32::{Bech32, Hrp};

const TAG: &str = "vaulttest";
const NATIVE_TAG: &str = "X25519";

fn x25519_identity(secret: &[u8]) -> Option<age::x25519::Identity> {
    let hrp = Hrp::parse("age-secret-key-").ok()?;
    let text = bech32::encode::<Bech32>(hrp, secret).ok()?.to_uppercase();
    age::x25519::Identity::from_str(&text).ok()
}

fn x25519_recipient(public: &[u8]) -> Option<age::x25519::Recipient> {
    let hrp = Hrp::parse("age").ok()?;
    let text = bech32::encode::<Bech32>(hrp, public).ok()?;
    age::x25519::Recipient::from_str(&text).ok()
}

struct Handler;

impl PluginHandler for Handler {
    type RecipientV1 = RecipientPlugin;
    type IdentityV1 = IdentityPlugin;

    fn recipient_v1(self) -> io::Result<Self::RecipientV1> {
        Ok(RecipientPlugin::default())
    }

    fn identity_v1(self) -> io::Result<Self::IdentityV1> {
        Ok(IdentityPlugin::default())
    }
}

#[derive(Default)]
struct RecipientPlugin {
    recipients: Vec<age::x25519::Recipient>,
}

impl RecipientPluginV1 for RecipientPlugin {
    fn add_recipient(
        &mut self,
        index: usize,
        _plugin_name: &str,
        bytes: &[u8],
    ) -> Result<(), recipient::Error> {
        match x25519_recipient(bytes) {
            Some(r) => {
                self.recipients.push(r);
                Ok(())
            }
            None => Err(recipient::Error::Recipient {
                index,
                message: "not a vaulttest recipient".into(),
            }),
        }
    }

    fn add_identity(
        &mut self,
        index: usize,
        _plugin_name: &str,
        _bytes: &[u8],
    ) -> Result<(), recipient::Error> {
        Err(recipient::Error::Identity {
            index,
            message: "vaulttest wraps to recipients only".into(),
        })
    }

    fn labels(&mut self) -> HashSet<String> {
        HashSet::new()
    }

    fn wrap_file_keys(
        &mut self,
        file_keys: Vec<FileKey>,
        _callbacks: impl Callbacks<recipient::Error>,
    ) -> io::Result<Result<Vec<Vec<Stanza>>, Vec<recipient::Error>>> {
        let mut out = Vec::new();
        for key in &file_keys {
            let mut stanzas = Vec::new();
            for r in &self.recipients {
                let (wrapped, _) = r.wrap_file_key(key).map_err(io::Error::other)?;
                stanzas.extend(wrapped.into_iter().map(|mut s| {
                    s.tag = TAG.into();
                    s
                }));
            }
            out.push(stanzas);
        }
        Ok(Ok(out))
    }
}

#[derive(Default)]
struct IdentityPlugin {
    identities: Vec<age::x25519::Identity>,
}

impl IdentityPluginV1 for IdentityPlugin {
    fn add_identity(
        &mut self,
        index: usize,
        _plugin_name: &str,
        bytes: &[u8],
    ) -> Result<(), identity::Error> {
        match x25519_identity(bytes) {
            Some(i) => {
                self.identities.push(i);
                Ok(())
            }
            None => Err(identity::Error::Identity {
                index,
                message: "not a vaulttest identity".into(),
            }),
        }
    }

    fn unwrap_file_keys(
        &mut self,
        files: Vec<Vec<Stanza>>,
        mut callbacks: impl Callbacks<identity::Error>,
    ) -> io::Result<HashMap<usize, Result<FileKey, Vec<identity::Error>>>> {
        let _ = callbacks.message("vaulttest: touch your key")?;
        if let Ok(pin) = std::env::var("VAULTTEST_ASK_PIN") {
            let answer = callbacks.request_secret("vaulttest PIN:")?;
            let ok = matches!(&answer, Ok(given) if given.expose_secret() == pin);
            if !ok {
                let mut out = HashMap::new();
                for index in 0..files.len() {
                    out.insert(
                        index,
                        Err(vec![identity::Error::Internal {
                            message: "vaulttest: no PIN given".into(),
                        }]),
                    );
                }
                return Ok(out);
            }
        }
        let mut out = HashMap::new();
        for (index, stanzas) in files.iter().enumerate() {
            for stanza in stanzas.iter().filter(|s| s.tag == TAG) {
                let native = Stanza {
                    tag: NATIVE_TAG.into(),
                    args: stanza.args.clone(),
                    body: stanza.body.clone(),
                };
                let found = self
                    .identities
                    .iter()
                    .find_map(|i| i.unwrap_stanza(&native).and_then(Result::ok));
                if let Some(key) = found {
                    out.insert(index, Ok(key));
                    break;
                }
            }
        }
        Ok(out)
    }
}

fn keygen() -> io::Result<()> {
    use rand::RngCore;
    let mut secret = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut secret);
    let identity = x25519_identity(&secret).ok_or_else(|| io::Error::other("bad key"))?;
    let public = identity.to_public().to_string();
    let (_, bytes) = bech32::decode(&public).map_err(io::Error::other)?;
    let hrp = Hrp::parse("age1vaulttest").map_err(io::Error::other)?;
    // Plugin recipients: HRP `age1<name>`, data the recipient bytes.
    let recipient = bech32::encode::<Bech32>(hrp, &bytes).map_err(io::Error::other)?;
    let id_hrp = Hrp::parse("age-plugin-vaulttest-").map_err(io::Error::other)?;
    let identity_text = bech32::encode::<Bech32>(id_hrp, &secret)
        .map_err(io::Error::other)?
        .to_uppercase();
    println!("# recipient: {recipient}");
    println!("{identity_text}");
    Ok(())
}

fn main() -> io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(machine) = args.iter().find_map(|a| a.strip_prefix("--age-plugin=")) {
        return run_state_machine(machine, Handler);
    }
    if args.first().map(String::as_str) == Some("keygen") {
        return keygen();
    }
    Err(io::Error::other(
        "usage: age-plugin-vaulttest keygen | --age-plugin=STATE_MACHINE",
    ))
}
