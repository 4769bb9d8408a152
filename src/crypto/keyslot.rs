//! Keyslots (LUKS-style): the master key encrypted with age to an X25519 identity derived from a
//! passphrase (or a recovery code) by Argon2id. Changing a passphrase rewrites one slot and
//! re-encrypts nothing. A slot is a standard age file: `age -d -i derived.key` opens it.

use serde::{Deserialize, Serialize};

use super::kdf::{self, KdfParams, SALT_LEN};
use super::keys::{identity_from_key, MasterKey};
use super::{envelope, random_bytes, sha256_hex};
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
}

impl SlotKind {
    /// Stored name.
    pub fn as_str(&self) -> &'static str {
        match self {
            SlotKind::Passphrase => "passphrase",
            SlotKind::Recovery => "recovery",
        }
    }

    /// Parses the stored name.
    pub fn parse(s: &str) -> Result<Self> {
        match s {
            "passphrase" => Ok(SlotKind::Passphrase),
            "recovery" => Ok(SlotKind::Recovery),
            other => Err(Error::Damaged(format!("unknown keyslot kind {other:?}"))),
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
    /// Argon2id parameters.
    pub params: KdfParams,
    /// Argon2id salt.
    pub salt: Vec<u8>,
    /// The master key's `AGE-SECRET-KEY-1...` text, age-encrypted to the derived identity.
    pub wrapped: Vec<u8>,
}

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

    /// Opens the slot. Parameters are checked against the ceiling before any memory is spent.
    pub fn open(&self, passphrase: &Passphrase) -> Result<MasterKey> {
        self.params
            .check_ceiling()
            .map_err(|reason| Error::UnsafeKdf {
                slot: self.id.clone(),
                reason,
            })?;
        if self.salt.len() < SALT_LEN {
            return Err(Error::UnsafeKdf {
                slot: self.id.clone(),
                reason: "salt shorter than 16 bytes".into(),
            });
        }
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

    const CHEAP: KdfParams = KdfParams {
        memory_kib: 64,
        iterations: 1,
        parallelism: 1,
    };

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
    fn absurd_params_refused_before_derivation() {
        let master = MasterKey::generate();
        let pass = Passphrase::new("pw pw pw pw".into());
        let mut slot =
            Keyslot::seal("s1".into(), SlotKind::Passphrase, &master, &pass, CHEAP).unwrap();
        slot.params.memory_kib = 64 * 1024 * 1024; // 64 GiB
        assert!(matches!(slot.open(&pass), Err(Error::UnsafeKdf { .. })));
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
