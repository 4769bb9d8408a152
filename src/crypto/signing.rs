//! The vault's Ed25519 signing key (signs ledger checkpoints) and its phone-readable fingerprint.

use ed25519_dalek::{SigningKey, VerifyingKey};
use zeroize::Zeroizing;

use super::sha256;
use crate::error::Damage;
use crate::{Error, Result};

/// A fresh signing key from the OS CSPRNG.
pub fn generate() -> SigningKey {
    SigningKey::generate(&mut rand::rngs::OsRng)
}

/// Secret bytes for wrapping under the master key (zeroized on drop).
pub fn secret_bytes(key: &SigningKey) -> Zeroizing<[u8; 32]> {
    Zeroizing::new(key.to_bytes())
}

/// Restores a signing key from its 32 secret bytes.
pub fn from_secret_bytes(bytes: &[u8]) -> Result<SigningKey> {
    let arr: [u8; 32] = bytes
        .try_into()
        .map_err(|_| Error::Damage(Damage::SigningKeyLength))?;
    let arr = Zeroizing::new(arr);
    Ok(SigningKey::from_bytes(&arr))
}

/// Parses a public key from 32 bytes.
pub fn public_from_bytes(bytes: &[u8]) -> Result<VerifyingKey> {
    let arr: [u8; 32] = bytes
        .try_into()
        .map_err(|_| Error::Damage(Damage::SigningPublicLength))?;
    VerifyingKey::from_bytes(&arr).map_err(|_| Error::Damage(Damage::SigningPublicInvalid))
}

/// A short fingerprint a person can read over the phone: six groups of five digits taken from
/// SHA-256("vault-fingerprint-v1" || public key). About 99 bits; see docs/format.md.
pub fn fingerprint(public: &VerifyingKey) -> String {
    let mut input = b"vault-fingerprint-v1".to_vec();
    input.extend_from_slice(public.as_bytes());
    let digest = sha256(&input);
    digest
        .chunks(4)
        .take(6)
        .map(|c| {
            let n = u32::from_be_bytes([c[0], c[1], c[2], c[3]]);
            format!("{:05}", n % 100_000)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_is_stable_and_distinct() {
        let a = generate();
        let b = generate();
        let fa = fingerprint(&a.verifying_key());
        assert_eq!(fa, fingerprint(&a.verifying_key()));
        assert_ne!(fa, fingerprint(&b.verifying_key()));
        assert_eq!(fa.len(), 6 * 5 + 5);
        assert!(fa.chars().all(|c| c.is_ascii_digit() || c == ' '));
    }
}
