//! age encryption of whole buffers (records, keyslots, the signing key). Streams for large
//! attachments are handled in `attach`; this module is for small, padded plaintexts.

use std::io::{Read, Write};

use age::secrecy::ExposeSecret;
use age_core::format::{FileKey, Stanza};
use zeroize::Zeroizing;

use crate::error::Crypto;
use crate::{Error, Result};

/// Encrypts `plaintext` to one or more age recipients.
pub fn encrypt(recipients: &[&dyn age::Recipient], plaintext: &[u8]) -> Result<Vec<u8>> {
    let encryptor = age::Encryptor::with_recipients(recipients.iter().copied())
        .map_err(|e| Error::Crypto(Crypto::encrypt(e)))?;
    let mut out = Vec::with_capacity(plaintext.len() + 256);
    let mut writer = encryptor
        .wrap_output(&mut out)
        .map_err(|e| Error::Crypto(Crypto::encrypt(e)))?;
    writer
        .write_all(plaintext)
        .and_then(|_| writer.finish().map(|_| ()))
        .map_err(|e| Error::Crypto(Crypto::encrypt(e)))?;
    Ok(out)
}

/// Decrypts an age file held in memory; the plaintext is zeroized on drop.
pub fn decrypt(identity: &dyn age::Identity, ciphertext: &[u8]) -> Result<Zeroizing<Vec<u8>>> {
    let decryptor =
        age::Decryptor::new_buffered(ciphertext).map_err(|e| Error::Crypto(Crypto::decrypt(e)))?;
    let mut reader = decryptor
        .decrypt(std::iter::once(identity))
        .map_err(|e| Error::Crypto(Crypto::decrypt(e)))?;
    let mut out = Zeroizing::new(Vec::with_capacity(ciphertext.len()));
    reader
        .read_to_end(&mut out)
        .map_err(|e| Error::Crypto(Crypto::decrypt(e)))?;
    Ok(out)
}

/// The 16-byte age file key of one file. Kept (encrypted, in the signed list cache) so that the
/// same file can be opened again without the X25519 operation that unwrapping its stanza costs.
#[derive(Clone)]
pub struct FileKeyBytes(pub(crate) Zeroizing<[u8; 16]>);

/// An identity that unwraps like `inner` and remembers the file key it unwrapped.
struct KeepKey<'a> {
    inner: &'a dyn age::Identity,
    kept: std::cell::RefCell<Option<FileKeyBytes>>,
}

impl age::Identity for KeepKey<'_> {
    fn unwrap_stanza(
        &self,
        stanza: &Stanza,
    ) -> Option<std::result::Result<FileKey, age::DecryptError>> {
        let unwrapped = self.inner.unwrap_stanza(stanza);
        if let Some(Ok(key)) = &unwrapped {
            *self.kept.borrow_mut() = Some(FileKeyBytes(Zeroizing::new(*key.expose_secret())));
        }
        unwrapped
    }
}

/// An identity that offers one known file key for the file's X25519 stanza. age then checks
/// the header MAC and every payload chunk with it, so a wrong key fails like a wrong identity.
struct KnownKey<'a>(&'a FileKeyBytes);

impl age::Identity for KnownKey<'_> {
    fn unwrap_stanza(
        &self,
        stanza: &Stanza,
    ) -> Option<std::result::Result<FileKey, age::DecryptError>> {
        (stanza.tag == "X25519").then(|| {
            Ok(FileKey::init_with_mut(|k| {
                k.copy_from_slice(&self.0 .0[..])
            }))
        })
    }
}

/// Decrypts like [`decrypt`] and also returns the file key `identity` unwrapped.
pub fn decrypt_keeping_key(
    identity: &dyn age::Identity,
    ciphertext: &[u8],
) -> Result<(Zeroizing<Vec<u8>>, FileKeyBytes)> {
    let keeper = KeepKey {
        inner: identity,
        kept: Default::default(),
    };
    let plain = decrypt(&keeper, ciphertext)?;
    let key = keeper
        .kept
        .into_inner()
        .ok_or(Error::Crypto(Crypto::NoFileKey))?;
    Ok((plain, key))
}

/// Decrypts an age file with its file key (from [`decrypt_keeping_key`]) instead of an identity.
pub fn decrypt_with_file_key(key: &FileKeyBytes, ciphertext: &[u8]) -> Result<Zeroizing<Vec<u8>>> {
    decrypt(&KnownKey(key), ciphertext)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sealed() -> (age::x25519::Identity, Vec<u8>) {
        let id = age::x25519::Identity::generate();
        let ct = encrypt(&[&id.to_public()], b"incident at the corner").unwrap();
        (id, ct)
    }

    #[test]
    fn a_kept_file_key_opens_the_same_file_again() {
        let (id, ct) = sealed();
        let (plain, key) = decrypt_keeping_key(&id, &ct).unwrap();
        assert_eq!(&plain[..], b"incident at the corner");
        assert_eq!(&decrypt_with_file_key(&key, &ct).unwrap()[..], &plain[..]);
    }

    #[test]
    fn a_file_key_opens_no_other_file_and_no_altered_one() {
        let (id, ct) = sealed();
        let (_, key) = decrypt_keeping_key(&id, &ct).unwrap();
        let other = encrypt(&[&id.to_public()], b"incident at the corner").unwrap();
        assert!(decrypt_with_file_key(&key, &other).is_err());
        let mut wrong = key.clone();
        wrong.0[0] ^= 1;
        assert!(decrypt_with_file_key(&wrong, &ct).is_err());
        for at in [ct.len() / 2, ct.len() - 1] {
            let mut bad = ct.clone();
            bad[at] ^= 0x40;
            assert!(decrypt_with_file_key(&key, &bad).is_err(), "byte {at}");
        }
    }
}
