//! The integration tests: one binary (fast to link), one module per concern. Each drives the real
//! `vault` binary (or the library) against temporary vaults; `common` holds the shared helpers.
//!
//! Run one module with `cargo test --test it <module>::`, e.g. `cargo test --test it attack_store::`.

// Tests may unwrap: a panic is a failed test with its reason.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

mod anchors;
mod attack_bundles;
mod attack_keys;
mod attack_reads;
mod attack_store;
mod attack_trust;
mod bad_input;
mod bundle_scale;
mod bundle_seal;
mod bundle_spanish;
mod bundles;
mod cache;
mod cli_attach;
mod cli_cases;
mod cli_core;
mod concurrency;
mod conventions;
mod crash;
mod custody_plan;
mod custody_plugin;
mod custody_travel;
mod everyday;
mod guided;
mod hostile_text;
mod leftovers;
mod maintenance;
mod merkle_vectors;
mod packet;
mod patterns;
mod properties;
mod report_html;
mod spanish;
mod spanish_words;
mod tamper;
mod verify_spanish;
mod when_phrases;
mod witness;
