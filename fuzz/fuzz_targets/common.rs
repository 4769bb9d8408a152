//! Shared by the bundle targets: wrap bytes into an age-encrypted bundle file for one fixed
//! identity, the way counsel receives it.
#![allow(dead_code)]

use std::io::{Cursor, Write};
use std::path::PathBuf;
use std::sync::OnceLock;

pub fn identity() -> &'static age::x25519::Identity {
    static ID: OnceLock<age::x25519::Identity> = OnceLock::new();
    ID.get_or_init(age::x25519::Identity::generate)
}

pub fn identities() -> Vec<Box<dyn age::Identity>> {
    vec![Box::new(identity().clone())]
}

/// Encrypts `plain` to the fixed identity into a per-process temporary file.
pub fn encrypted_file(plain: &[u8]) -> PathBuf {
    let path = std::env::temp_dir().join(format!("vault-fuzz-{}.age", std::process::id()));
    let recipient = identity().to_public();
    let encryptor =
        age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
            .expect("encryptor");
    let file = std::fs::File::create(&path).expect("create temp bundle");
    let mut w = encryptor.wrap_output(file).expect("wrap");
    w.write_all(plain).expect("write");
    w.finish().expect("finish");
    path
}

/// A stored (uncompressed) zip of the given entries.
pub fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in entries {
        zip.start_file(*name, opts).expect("start file");
        zip.write_all(bytes).expect("write entry");
    }
    zip.finish().expect("finish zip").into_inner()
}
