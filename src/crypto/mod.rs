//! Cryptographic building blocks: every primitive comes from a maintained crate (age, argon2,
//! ed25519-dalek, sha2); this module only wires them together.

pub mod envelope;
pub mod kdf;
pub mod keys;
pub mod keyslot;
pub mod padding;
pub mod plugin;
pub mod shamir;
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

/// A writer that hashes (SHA-256) and counts everything written through it; used wherever a
/// stream's digest is needed while it is written (attachments, bundles, rekeyed blobs).
pub struct HashingWriter<W> {
    pub(crate) inner: W,
    pub(crate) hasher: Sha256,
    pub(crate) written: u64,
}

impl<W: std::io::Write> HashingWriter<W> {
    /// Wraps `inner`.
    pub fn new(inner: W) -> Self {
        HashingWriter {
            inner,
            hasher: Sha256::new(),
            written: 0,
        }
    }
}

impl<W: std::io::Write> std::io::Write for HashingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.written += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}
