//! Cryptographic building blocks: every primitive comes from a maintained crate (age, argon2,
//! ed25519-dalek, sha2); this module only wires them together.

pub mod envelope;
pub mod kdf;
pub mod keys;
pub mod keyslot;
pub mod padding;
pub mod signing;

use sha2::{Digest, Sha256};

/// SHA-256 of a byte string.
pub fn sha256(data: &[u8]) -> [u8; 32] {
    Sha256::digest(data).into()
}

/// Lower-case hex SHA-256, the form used in ledger entries.
pub fn sha256_hex(data: &[u8]) -> String {
    hex::encode(sha256(data))
}

/// `n` bytes from the operating system's CSPRNG.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    use rand::RngCore;
    let mut out = [0u8; N];
    rand::rngs::OsRng.fill_bytes(&mut out);
    out
}
