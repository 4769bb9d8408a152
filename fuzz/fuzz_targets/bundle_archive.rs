//! The decrypted archive itself is the fuzz input: entry names, kinds, sizes and the zip structure
//! are checked before anything is read or extracted.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let path = common::encrypted_file(data);
    let _ = vault::bundle::verify_bundle(&path, &common::identities(), None);
});
