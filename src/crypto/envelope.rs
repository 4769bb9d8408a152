//! age encryption of whole buffers (records, keyslots, the signing key). Streams for large
//! attachments are handled in `attach`; this module is for small, padded plaintexts.

use std::io::{Read, Write};

use zeroize::Zeroizing;

use crate::{Error, Result};

/// Encrypts `plaintext` to one or more age recipients.
pub fn encrypt(recipients: &[&dyn age::Recipient], plaintext: &[u8]) -> Result<Vec<u8>> {
    let encryptor = age::Encryptor::with_recipients(recipients.iter().copied())
        .map_err(|e| Error::Encrypt(e.to_string()))?;
    let mut out = Vec::with_capacity(plaintext.len() + 256);
    let mut writer = encryptor
        .wrap_output(&mut out)
        .map_err(|e| Error::Encrypt(e.to_string()))?;
    writer
        .write_all(plaintext)
        .and_then(|_| writer.finish().map(|_| ()))
        .map_err(|e| Error::Encrypt(e.to_string()))?;
    Ok(out)
}

/// Decrypts an age file held in memory; the plaintext is zeroized on drop.
pub fn decrypt(identity: &dyn age::Identity, ciphertext: &[u8]) -> Result<Zeroizing<Vec<u8>>> {
    let decryptor =
        age::Decryptor::new_buffered(ciphertext).map_err(|e| Error::Decrypt(e.to_string()))?;
    let mut reader = decryptor
        .decrypt(std::iter::once(identity))
        .map_err(|e| Error::Decrypt(e.to_string()))?;
    let mut out = Zeroizing::new(Vec::with_capacity(ciphertext.len()));
    reader
        .read_to_end(&mut out)
        .map_err(|e| Error::Decrypt(e.to_string()))?;
    Ok(out)
}
