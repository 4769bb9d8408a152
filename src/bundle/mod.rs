//! Counsel bundles: selectively redacted, encrypted, verifiable exports.
//!
//! A bundle is one age-encrypted ZIP archive (`age -d -i counsel.key bundle.age > bundle.zip`
//! works with the standard tools). Inside: `manifest.json` (the signed checkpoint, every entry's
//! exact ledger leaf bytes and inclusion proof, the disclosures of the fields revealed and the
//! names of those withheld), `records/<id>.json`, the included attachments, `report.html` and
//! `VERIFY.txt`. docs/bundle-format.md specifies it for independent verifiers.

pub mod error;
pub mod files;
pub mod manifest;
pub mod packet;
pub mod plan;
pub mod reader;
pub mod recipients;
pub mod report;
pub mod trust;
pub mod writer;

pub use error::Error;
pub use plan::{ExportRequest, Redaction, Selection};
pub use reader::{
    open_bundle, open_bundle_with, verify_bundle, verify_bundle_with, verify_bundle_with_receipt,
    BundleReport, OpenedBundle, ReceiptCheck, VerifyOptions,
};

/// Bundle format tag.
pub const BUNDLE_FORMAT: &str = "vault-bundle/1";

/// The field names `--redact` takes, in either language: [`crate::record::Field`]
/// ([`Field::parse`](crate::record::Field::parse), [`Field::redactable`](crate::record::Field::redactable)).
pub use crate::record::Field;
