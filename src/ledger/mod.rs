//! The tamper-evident ledger: an append-only RFC 6962 Merkle log whose leaves are the exact bytes
//! of [`Entry`] JSON documents, with signed C2SP checkpoints over it.
//!
//! Leaf data never needs a secret to compute (only ids, salted digests and ciphertext hashes), so
//! entries made without the passphrase join the log at once and are covered by the next signed
//! checkpoint.

pub mod checkpoint;
pub mod entry;
pub mod merkle;
pub mod rotation;

pub use entry::Entry;

/// The origin line (and signature key name) of a vault's checkpoints: `vault/<vault id>`.
pub fn origin(vault_id: &str) -> String {
    format!("vault/{vault_id}")
}
