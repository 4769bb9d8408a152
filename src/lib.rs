//! # vault: an encrypted, tamper-evident incident log
//!
//! A library for keeping a private record of encounters with enforcement agents, and handing
//! selectively redacted, verifiable bundles to counsel. The `vault` binary is a thin CLI over it.
//!
//! ## Architecture (data flows one way, top to bottom)
//!
//! `cli` (the binary, a separate crate) -> [`vault`] -> [`record`], [`ledger`], [`bundle`] ->
//! [`crypto`], `store`. A lower module never imports a higher one; [`error`] and [`i18n`] sit
//! below everything.
//!
//! One line per module, what it owns:
//!
//! - [`vault`]: the facade commands use, and the only owner of the store and the keys. A locked
//!   [`vault::Vault`] appends records and attachments with only the public master recipient;
//!   [`vault::Unlocked`] reads, amends, exports, verifies (`vault::verify`), rekeys and backs up
//!   ([`vault::backup`]); travel mode and the detention plan (`vault/travel.rs`,
//!   `vault/detention.rs`) hand the keys' custody to others.
//! - [`bundle`]: bundles for counsel: what goes in (plan, redaction), writing,
//!   reading and verifying them, their manifest and report, trusted senders.
//! - [`problem`]: the kinds of problem `verify` and `bundle verify` report (serialized as today).
//! - [`report`]: the owner's and counsel's HTML reports (escaping templates, one shared head).
//! - [`analysis`]: filters, search and repeated details over decrypted records (pure).
//! - [`record`]: the incident model, its fields, per-field salted disclosures and the views
//!   commands show (no I/O).
//! - [`anchor`]: RFC 3161 timestamp requests, responses and tokens of checkpoints (no vault).
//! - [`witness`]: counsel as a witness: C2SP cosignatures of checkpoints, keys, requests, state.
//! - [`ledger`]: the RFC 6962 Merkle log, its entries, C2SP signed checkpoints, key rotation.
//! - [`media`]: sniffing, metadata and stripping of attachments.
//! - [`when`]: times the way people say them, in English and Spanish, and how they are shown.
//! - [`crypto`]: age envelopes, Argon2id keyslots and their limits, Ed25519 signing, padding,
//!   Shamir shares of the detention plan's release key, keyslots opened through age plugins
//!   (hardware keys).
//! - `store`: the only module that speaks SQL: schema, its check, reads and writes (private).
//! - `staging`: staging folders for backup and restore, swept after a crash (private).
//! - `fsutil`: private files and folders, durable writes, no links followed (private).
//! - [`input`]: bounded reads of the files a person gives (receipts, JSON, passphrase files).
//! - [`passwords`]: the passphrase strength floor, generated passphrases and recovery codes.
//! - [`secret`]: passphrase types that zeroize and never print.
//! - [`error`]: the library's typed errors; variants carry data, texts come from the catalogue.
//! - [`i18n`]: the message catalogues (`i18n/<lang>/vault.ftl`) and the process language.
//!
//! Nothing readable touches the disk: every record, attachment and description is an age file
//! encrypted to the vault's master X25519 recipient; the master identity exists only inside
//! Argon2id-derived keyslots. docs/format.md specifies every byte.

#![forbid(unsafe_code)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod analysis;
pub mod anchor;
pub mod bundle;
pub mod crypto;
pub mod error;
pub(crate) mod fsutil;
pub mod i18n;
pub mod input;
pub mod ledger;
pub mod media;
pub mod passwords;
pub mod problem;
pub mod record;
pub mod report;
pub mod secret;
pub(crate) mod staging;
pub(crate) mod store;
pub mod vault;
pub mod when;
pub mod witness;

pub use error::{Error, Result};
/// For files the command line writes itself (manual pages): never through a link, never over a file.
pub use fsutil::create_new_private;
