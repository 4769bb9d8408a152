//! Counsel bundles: selectively redacted, encrypted, verifiable exports.
//!
//! A bundle is one age-encrypted ZIP archive (`age -d -i counsel.key bundle.age > bundle.zip`
//! works with the standard tools). Inside: `manifest.json` (the signed checkpoint, every entry's
//! exact ledger leaf bytes and inclusion proof, the disclosures of the fields revealed and the
//! names of those withheld), `records/<id>.json`, the included attachments, `report.html`,
//! `VERIFY.txt`, and the vault key's signed statement of all of them (`STATEMENT.txt`,
//! `STATEMENT.sig`, [`statement`]). docs/bundle-format.md specifies it for independent verifiers.

pub mod anchors;
pub mod error;
pub mod files;
pub mod manifest;
pub mod names;
pub mod packet;
pub mod plan;
pub mod reader;
pub mod recipients;
pub mod report;
pub mod statement;
pub mod trust;
pub mod writer;

pub use error::Error;
pub use plan::{ExportRequest, Redaction, Selection};
pub use reader::{
    open_bundle, open_bundle_with, verify_bundle, verify_bundle_with, verify_bundle_with_receipt,
    BundleReport, OpenedBundle, ReceiptCheck, VerifyOptions,
};

/// Bundle format tag: `/2` bundles carry a signed statement of every file
/// ([`statement`]).
pub const BUNDLE_FORMAT: &str = "vault-bundle/2";

/// The format before bundles were signed whole: still read and checked, but never reported as
/// verified (nothing signs its report, VERIFY.txt or file hashes).
pub const LEGACY_BUNDLE_FORMAT: &str = "vault-bundle/1";

/// The field names `--redact` takes, in either language: [`crate::record::Field`]
/// ([`Field::parse`](crate::record::Field::parse), [`Field::redactable`](crate::record::Field::redactable)).
pub use crate::record::Field;
