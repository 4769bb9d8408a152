//! Keyslots (LUKS-style): the master key encrypted with age to an X25519 identity derived from a
//! passphrase (or a recovery code) by Argon2id. Changing a passphrase rewrites one slot and
//! re-encrypts nothing. A slot is a standard age file: `age -d -i derived.key` opens it.
//!
//! A slot of kind `plugin` is instead wrapped to an age plugin recipient (a hardware key such as
//! a YubiKey through `age-plugin-yubikey`) and opened through that plugin; it keeps no
//! key-derivation parameters (all zero) and its `salt` field holds the plugin identity text
//! (`AGE-PLUGIN-<NAME>-1...`, which names the device and slot but is no secret without the
//! device). `age -d -i identity.txt` opens it too.

use serde::{Deserialize, Serialize};

use super::kdf::{self, KdfParams, SALT_LEN};
use super::keys::{identity_from_key, MasterKey};
use super::{envelope, plugin, random_bytes, sha256_hex};
use crate::error::{Damage, KeyslotRefusal};
use crate::secret::Passphrase;
use crate::{Error, Result};

/// What unlocks a slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SlotKind {
    /// The owner's passphrase.
    Passphrase,
    /// A generated recovery code.
    Recovery,
    /// An age plugin (a hardware key); opened through the plugin, no passphrase.
    Plugin,
}

impl SlotKind {
    /// Stored name.
    pub fn as_str(&self) -> &'static str {
        match self {
            SlotKind::Passphrase => "passphrase",
            SlotKind::Recovery => "recovery",
            SlotKind::Plugin => "plugin",
        }
    }

    /// Parses the stored name.
    pub fn parse(s: &str) -> Result<Self> {
        match s {
            "passphrase" => Ok(SlotKind::Passphrase),
            "recovery" => Ok(SlotKind::Recovery),
            "plugin" => Ok(SlotKind::Plugin),
            other => Err(Error::Damage(Damage::UnknownSlotKind {
                kind: other.to_owned(),
            })),
        }
    }
}

/// One stored keyslot (all fields are stored in plaintext; `wrapped` is an age file).
#[derive(Clone)]
pub struct Keyslot {
    /// Random id.
    pub id: String,
    /// What unlocks it.
    pub kind: SlotKind,
    /// Argon2id parameters (all zero for a plugin slot).
    pub params: KdfParams,
    /// Argon2id salt; for a plugin slot, the plugin identity's text.
    pub salt: Vec<u8>,
    /// The master key's `AGE-SECRET-KEY-1...` text, age-encrypted to the derived identity (or
    /// to the plugin recipient).
    pub wrapped: Vec<u8>,
}

/// The parameters a plugin slot stores: none.
pub const NO_KDF: KdfParams = KdfParams {
    memory_kib: 0,
    iterations: 0,
    parallelism: 0,
};

impl Keyslot {
    /// Seals `master` under `passphrase` with a fresh salt.
    pub fn seal(
        id: String,
        kind: SlotKind,
        master: &MasterKey,
        passphrase: &Passphrase,
        params: KdfParams,
    ) -> Result<Self> {
        let salt = random_bytes::<SALT_LEN>().to_vec();
        let key = kdf::derive(passphrase, &salt, params)?;
        let identity = identity_from_key(&key)?;
        let secret = master.to_age_secret();
        let wrapped = envelope::encrypt(&[&identity.to_public()], secret.as_bytes())?;
        Ok(Keyslot {
            id,
            kind,
            params,
            salt,
            wrapped,
        })
    }

    /// Seals `master` to an age plugin recipient through its plugin, keeping `identity` (the
    /// plugin identity that opens it) in the slot. The plugin may ask the owner something
    /// through `callbacks` (most wrap without the device).
    pub fn seal_plugin<C: age::Callbacks>(
        id: String,
        master: &MasterKey,
        recipient: &age::plugin::Recipient,
        identity: &age::plugin::Identity,
        callbacks: C,
    ) -> Result<Self> {
        let secret = master.to_age_secret();
        let wrapped = plugin::encrypt(recipient, callbacks, secret.as_bytes())?;
        Ok(Keyslot {
            id,
            kind: SlotKind::Plugin,
            params: NO_KDF,
            salt: identity.to_string().into_bytes(),
            wrapped,
        })
    }

    /// The plugin identity of a plugin slot (`None` for other kinds, or when it does not parse).
    pub fn plugin_identity(&self) -> Option<age::plugin::Identity> {
        if self.kind != SlotKind::Plugin {
            return None;
        }
        std::str::from_utf8(&self.salt)
            .ok()
            .and_then(plugin::parse_identity)
    }

    /// The plugin's name of a plugin slot (`yubikey` for age-plugin-yubikey).
    pub fn plugin_name(&self) -> Option<String> {
        self.plugin_identity().map(|i| i.plugin().to_owned())
    }

    /// Opens a plugin slot through its plugin (which may ask for a PIN or a touch through
    /// `callbacks`). [`Keyslot::check_stored`] runs first.
    pub fn open_plugin<C: age::Callbacks>(&self, callbacks: C) -> Result<MasterKey> {
        self.check_stored()?;
        let identity = self.plugin_identity().ok_or(Error::WrongPassphrase)?;
        let secret = plugin::decrypt(&identity, callbacks, &self.wrapped)?;
        let text = std::str::from_utf8(&secret).map_err(|_| Error::WrongPassphrase)?;
        MasterKey::from_age_secret(text)
    }

    /// Refuses a stored slot this program could not have written: parameters outside the
    /// floor and ceiling of [`kdf`] (every slot is sealed inside them), or a short salt. Costs
    /// nothing; runs before any memory is spent.
    pub fn check_stored(&self) -> Result<()> {
        let tampered = |reason: KeyslotRefusal| Error::TamperedKeyslot {
            slot: self.id.clone(),
            reason,
        };
        if self.kind == SlotKind::Plugin {
            if self.params != NO_KDF || self.plugin_identity().is_none() {
                return Err(tampered(KeyslotRefusal::PluginFields));
            }
            return Ok(());
        }
        self.params
            .check_stored()
            .map_err(|limit| tampered(KeyslotRefusal::Kdf(limit)))?;
        if self.salt.len() < SALT_LEN {
            return Err(tampered(KeyslotRefusal::ShortSalt));
        }
        Ok(())
    }

    /// Opens the slot. [`Keyslot::check_stored`] runs first, so parameters below the floor or
    /// over the ceiling are refused as tampered before any derivation.
    pub fn open(&self, passphrase: &Passphrase) -> Result<MasterKey> {
        if self.kind == SlotKind::Plugin {
            // No passphrase opens a plugin slot.
            return Err(Error::WrongPassphrase);
        }
        self.check_stored()?;
        let key = kdf::derive(passphrase, &self.salt, self.params)?;
        let identity = identity_from_key(&key)?;
        let secret =
            envelope::decrypt(&identity, &self.wrapped).map_err(|_| Error::WrongPassphrase)?;
        let text = std::str::from_utf8(&secret).map_err(|_| Error::WrongPassphrase)?;
        MasterKey::from_age_secret(text)
    }

    /// The digest the ledger commits to: SHA-256 over a fixed text header and the wrapped key
    /// (docs/format.md, "Keyslot digest").
    pub fn digest_hex(&self) -> String {
        let mut bytes = format!(
            "vault-keyslot-v1\n{}\n{}\n{} {} {}\n{}\n",
            self.id,
            self.kind.as_str(),
            self.params.memory_kib,
            self.params.iterations,
            self.params.parallelism,
            hex::encode(&self.salt)
        )
        .into_bytes();
        bytes.extend_from_slice(&self.wrapped);
        sha256_hex(&bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cheapest parameters a stored slot may have (the floor; about 0.1 s).
    const CHEAP: KdfParams = kdf::FLOOR;

    #[test]
    fn seal_open_round_trip_and_wrong_passphrase() {
        let master = MasterKey::generate();
        let pass = Passphrase::new("a long test passphrase".into());
        let slot = Keyslot::seal("s1".into(), SlotKind::Passphrase, &master, &pass, CHEAP).unwrap();
        let opened = slot.open(&pass).unwrap();
        assert_eq!(
            opened.recipient().to_age_string(),
            master.recipient().to_age_string()
        );
        let wrong = Passphrase::new("another passphrase".into());
        assert!(matches!(slot.open(&wrong), Err(Error::WrongPassphrase)));
    }

    #[test]
    fn params_outside_the_bounds_refused_as_tampered_before_derivation() {
        let master = MasterKey::generate();
        let pass = Passphrase::new("pw pw pw pw".into());
        let slot = Keyslot::seal("s1".into(), SlotKind::Passphrase, &master, &pass, CHEAP).unwrap();
        for (memory_kib, iterations, parallelism) in [
            (64 * 1024 * 1024, 3, 4), // 64 GiB: refused before any allocation
            (32 * 1024, 3, 4),        // below the floor
            (64 * 1024, 1, 4),
            (64 * 1024, 3, 1),
            (64 * 1024, 1000, 4), // over the ceiling on passes
        ] {
            let mut bad = slot.clone();
            bad.params = KdfParams {
                memory_kib,
                iterations,
                parallelism,
            };
            match bad.open(&pass) {
                Err(Error::TamperedKeyslot { slot, .. }) => assert_eq!(slot, "s1"),
                other => panic!("{:?}: {:?}", bad.params, other.map(|_| ())),
            }
        }
        let mut short_salt = slot.clone();
        short_salt.salt.truncate(8);
        assert!(matches!(
            short_salt.open(&pass),
            Err(Error::TamperedKeyslot { .. })
        ));
    }

    #[test]
    fn digest_covers_id_kind_parameters_salt_and_wrapped_key() {
        let master = MasterKey::generate();
        let pass = Passphrase::new("pw pw pw pw".into());
        let slot = Keyslot::seal("s1".into(), SlotKind::Passphrase, &master, &pass, CHEAP).unwrap();
        let base = slot.digest_hex();
        let mut changed = Vec::new();
        let mut s = slot.clone();
        s.id = "s2".into();
        changed.push(s);
        let mut s = slot.clone();
        s.kind = SlotKind::Recovery;
        changed.push(s);
        for params in [
            KdfParams {
                memory_kib: CHEAP.memory_kib + 1024,
                ..CHEAP
            },
            KdfParams {
                iterations: CHEAP.iterations + 1,
                ..CHEAP
            },
            KdfParams {
                parallelism: CHEAP.parallelism + 1,
                ..CHEAP
            },
        ] {
            let mut s = slot.clone();
            s.params = params;
            changed.push(s);
        }
        let mut s = slot.clone();
        s.salt[0] ^= 1;
        changed.push(s);
        let mut s = slot.clone();
        s.wrapped[0] ^= 1;
        changed.push(s);
        for s in changed {
            assert_ne!(s.digest_hex(), base);
        }
    }

    /// A plugin slot as stored, without running a plugin (the wrapped file is the master
    /// secret encrypted to an ordinary recipient: only the stored fields matter here).
    fn plugin_slot() -> Keyslot {
        let identity = crate::crypto::plugin::tests::identity_text("vaulttest", &[9u8; 32]);
        Keyslot {
            id: "p1".into(),
            kind: SlotKind::Plugin,
            params: NO_KDF,
            salt: identity.into_bytes(),
            wrapped: b"age-encryption.org/v1".to_vec(),
        }
    }

    #[test]
    fn plugin_slots_keep_no_parameters_and_a_plugin_identity_and_never_take_a_passphrase() {
        let slot = plugin_slot();
        assert!(slot.check_stored().is_ok());
        assert_eq!(slot.plugin_name().as_deref(), Some("vaulttest"));
        // No typed text is ever tried on it.
        let pass = Passphrase::new("pw pw pw pw".into());
        assert!(matches!(slot.open(&pass), Err(Error::WrongPassphrase)));
        // Parameters planted on it, or a salt that is no plugin identity: tampered.
        let mut with_params = slot.clone();
        with_params.params = CHEAP;
        let mut no_identity = slot.clone();
        no_identity.salt = b"AGE-SECRET-KEY-1QQQQ".to_vec();
        for bad in [with_params, no_identity] {
            match bad.check_stored() {
                Err(Error::TamperedKeyslot { reason, .. }) => {
                    assert_eq!(reason, KeyslotRefusal::PluginFields)
                }
                other => panic!("{other:?}"),
            }
        }
        // The digest covers the identity (another device's identity is another slot).
        let mut other = slot.clone();
        other.salt =
            crate::crypto::plugin::tests::identity_text("vaulttest", &[8u8; 32]).into_bytes();
        assert_ne!(other.digest_hex(), slot.digest_hex());
        // A passphrase slot is not a plugin slot.
        let master = MasterKey::generate();
        let p = Keyslot::seal("s1".into(), SlotKind::Passphrase, &master, &pass, CHEAP).unwrap();
        assert!(p.plugin_identity().is_none());
    }

    #[test]
    fn flipped_byte_in_wrapped_key_fails_closed() {
        let master = MasterKey::generate();
        let pass = Passphrase::new("pw pw pw pw".into());
        let mut slot =
            Keyslot::seal("s1".into(), SlotKind::Passphrase, &master, &pass, CHEAP).unwrap();
        let before = slot.digest_hex();
        let n = slot.wrapped.len();
        slot.wrapped[n - 5] ^= 1;
        assert!(slot.open(&pass).is_err());
        assert_ne!(before, slot.digest_hex());
    }
}
