//! # vault: an encrypted, tamper-evident incident log
//!
//! A library for keeping a private record of encounters with enforcement agents, and handing
//! selectively redacted, verifiable bundles to counsel. The `vault` binary is a thin CLI over it.
//!
//! ## Architecture (data flows one way, top to bottom)
//!
//! - [`vault`]: the facade commands use. A locked [`vault::Vault`] appends records and attachments
//!   with only the public master recipient; [`vault::Unlocked`] reads, amends and exports.
//! - [`analysis`]: filters, search and repeated details over decrypted records (pure).
//! - [`record`] (the incident model, per-field salted disclosures), [`ledger`] (RFC 6962 Merkle
//!   log, C2SP signed checkpoints), [`media`] (sniffing and metadata of attachments),
//!   [`when`] (times the way people say them).
//! - [`crypto`] (age envelopes, Argon2id keyslots, Ed25519 signing) and [`store`] (the only
//!   module that speaks SQL).
//!
//! Nothing readable touches the disk: every record, attachment and description is an age file
//! encrypted to the vault's master X25519 recipient; the master identity exists only inside
//! Argon2id-derived keyslots. docs/format.md specifies every byte.

#![forbid(unsafe_code)]

pub mod analysis;
pub mod crypto;
pub mod error;
pub mod export;
pub(crate) mod fsutil;
pub mod i18n;
pub mod input;
pub mod integrity;
pub mod ledger;
pub mod media;
pub mod passwords;
pub mod record;
pub mod secret;
pub(crate) mod staging;
pub(crate) mod store;
pub mod vault;
pub mod when;

pub use error::{Error, Result};
