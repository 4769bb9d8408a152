//! The vault's master key: a random age X25519 identity. Its recipient (public) is stored in
//! plaintext so that logging never needs the passphrase; its secret lives only inside keyslots.

use std::str::FromStr;

use age::secrecy::ExposeSecret;
use age::x25519;
use bech32::{Bech32, Hrp};
use zeroize::Zeroizing;

use crate::error::{Crypto, Damage};
use crate::secret::SecretKey;
use crate::{Error, Result};

/// The age recipient every record and attachment is encrypted to.
#[derive(Clone)]
pub struct MasterRecipient(pub(crate) x25519::Recipient);

impl MasterRecipient {
    /// Parses an `age1...` string.
    pub fn parse(text: &str) -> Result<Self> {
        x25519::Recipient::from_str(text)
            .map(MasterRecipient)
            .map_err(|e| {
                Error::Damage(Damage::MasterRecipientInvalid {
                    detail: e.to_string(),
                })
            })
    }

    /// The `age1...` form.
    pub fn to_age_string(&self) -> String {
        self.0.to_string()
    }
}

/// The unlocked master identity. No `Debug`; the age type zeroizes its scalar on drop.
pub struct MasterKey(pub(crate) x25519::Identity);

impl MasterKey {
    /// A fresh random master key.
    pub fn generate() -> Self {
        MasterKey(x25519::Identity::generate())
    }

    /// The matching recipient.
    pub fn recipient(&self) -> MasterRecipient {
        MasterRecipient(self.0.to_public())
    }

    /// The standard `AGE-SECRET-KEY-1...` text, zeroized on drop.
    pub fn to_age_secret(&self) -> Zeroizing<String> {
        Zeroizing::new(self.0.to_string().expose_secret().to_owned())
    }

    /// Parses the standard `AGE-SECRET-KEY-1...` text.
    pub fn from_age_secret(text: &str) -> Result<Self> {
        x25519::Identity::from_str(text.trim())
            .map(MasterKey)
            .map_err(|_| Error::Damage(Damage::MasterKeyInvalid))
    }

    /// The age identity, for decryption.
    pub fn identity(&self) -> &x25519::Identity {
        &self.0
    }
}

/// Turns 32 derived bytes into an age X25519 identity. age has no from-bytes constructor, so we
/// go through the identity's standard Bech32 text form, which is zeroized afterwards.
pub fn identity_from_key(key: &SecretKey) -> Result<x25519::Identity> {
    let hrp = Hrp::parse("age-secret-key-").map_err(key_encoding)?;
    let lower =
        Zeroizing::new(bech32::encode::<Bech32>(hrp, key.0.as_ref()).map_err(key_encoding)?);
    let upper = Zeroizing::new(lower.to_uppercase());
    x25519::Identity::from_str(&upper).map_err(key_encoding)
}

fn key_encoding(e: impl std::fmt::Display) -> Error {
    Error::Crypto(Crypto::KeyEncoding {
        detail: e.to_string(),
    })
}
