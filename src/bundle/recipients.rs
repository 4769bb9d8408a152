//! Bundle recipients: age X25519 (`age1...`), SSH (`ssh-ed25519`, `ssh-rsa`) public keys, or a
//! passphrase (age's scrypt recipient, which must be alone).

use std::str::FromStr;

use super::Error;
use crate::Result;

/// A parsed recipient with a label for the disclosure log.
pub struct BundleRecipient {
    pub recipient: Box<dyn age::Recipient + Send>,
    /// The public key text (or "passphrase"), recorded encrypted in the vault's export log.
    pub label: String,
}

/// Parses one recipient string.
pub fn parse(text: &str) -> Result<BundleRecipient> {
    let text = text.trim();
    // A private key given by mistake (a `.key` file for a `.pub` one) is refused without
    // quoting any of it: the error line could end up in a terminal log or a bug report.
    let upper = text.get(..15).unwrap_or(text).to_ascii_uppercase();
    if upper.starts_with("AGE-SECRET-KEY-")
        || upper.starts_with("AGE-PLUGIN-")
        || upper.starts_with("-----BEGIN")
    {
        return Err(Error::PrivateKeyRecipient.into());
    }
    if text.starts_with("age1") {
        let r = age::x25519::Recipient::from_str(text).map_err(|e| Error::BadAgeRecipient {
            text: text.to_owned(),
            detail: e.to_string(),
        })?;
        return Ok(BundleRecipient {
            recipient: Box::new(r),
            label: text.to_owned(),
        });
    }
    if text.starts_with("ssh-") {
        let r = age::ssh::Recipient::from_str(text).map_err(|_| Error::BadSshRecipient {
            text: truncate(text),
        })?;
        return Ok(BundleRecipient {
            recipient: Box::new(r),
            label: text
                .split_whitespace()
                .take(2)
                .collect::<Vec<_>>()
                .join(" "),
        });
    }
    Err(Error::UnknownRecipient {
        text: truncate(text),
    }
    .into())
}

/// Reads and parses a recipients file (bounded: [`super::files::MAX_KEY_FILE`]).
pub fn read_file(path: &std::path::Path) -> Result<Vec<BundleRecipient>> {
    let text = super::files::read_bounded_text(path, super::files::MAX_KEY_FILE)?;
    parse_file(&text)
}

/// The scrypt identity that opens a passphrase bundle, with age's work-factor ceiling lowered to
/// what this program's bundles use at most ([`super::reader::MAX_SCRYPT_LOG_N`]).
pub fn passphrase_identity(p: &crate::secret::Passphrase) -> Box<dyn age::Identity> {
    let secret = age::secrecy::SecretString::from(p.expose().to_owned());
    let mut id = age::scrypt::Identity::new(secret);
    id.set_max_work_factor(super::reader::MAX_SCRYPT_LOG_N);
    Box::new(id)
}

/// Parses a recipients file: one recipient per line, `#` comments and blank lines ignored.
pub fn parse_file(text: &str) -> Result<Vec<BundleRecipient>> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(parse)
        .collect()
}

/// The scrypt work factor of passphrase bundles: 2^18 (256 MiB, about a second), age's usual
/// value, fixed so that every reader's limit (`reader::MAX_SCRYPT_LOG_N`) accepts it however
/// fast the exporting computer is.
pub const BUNDLE_SCRYPT_LOG_N: u8 = 18;

/// A passphrase recipient (scrypt), which age requires to be the only one. The passphrase's
/// strength is the caller's to check (`passwords::check_strength`).
pub fn passphrase(p: &crate::secret::Passphrase) -> BundleRecipient {
    let secret = age::secrecy::SecretString::from(p.expose().to_owned());
    let mut recipient = age::scrypt::Recipient::new(secret);
    recipient.set_work_factor(BUNDLE_SCRYPT_LOG_N);
    BundleRecipient {
        recipient: Box::new(recipient),
        label: "passphrase".into(),
    }
}

fn truncate(s: &str) -> String {
    s.chars().take(40).collect()
}

/// Reads an identity file for opening bundles: age identities (`AGE-SECRET-KEY-1...`) or an
/// unencrypted OpenSSH private key.
pub fn read_identities(path: &std::path::Path) -> Result<Vec<Box<dyn age::Identity>>> {
    // The file holds private keys: its bytes are wiped when done.
    let bytes = super::files::read_bounded(path, super::files::MAX_KEY_FILE)?;
    let holds = |marker: &[u8]| bytes.windows(marker.len()).any(|w| w == marker);
    if holds(b"-----BEGIN OPENSSH PRIVATE KEY-----") || holds(b"-----BEGIN RSA PRIVATE KEY-----") {
        let id = age::ssh::Identity::from_buffer(&bytes[..], Some(path.display().to_string()))
            .map_err(|e| Error::BadSshKey {
                path: path.to_path_buf(),
                detail: e.to_string(),
            })?;
        return match id {
            age::ssh::Identity::Unencrypted(_) => Ok(vec![Box::new(id)]),
            _ => Err(Error::EncryptedSshKey {
                path: path.to_path_buf(),
            }
            .into()),
        };
    }
    let file = age::IdentityFile::from_buffer(&bytes[..]).map_err(|e| Error::BadIdentityFile {
        path: path.to_path_buf(),
        detail: e.to_string(),
    })?;
    let ids = file
        .into_identities()
        .map_err(|e| Error::UnusableIdentity {
            path: path.to_path_buf(),
            detail: e.to_string(),
        })?;
    if ids.is_empty() {
        return Err(Error::NoIdentity {
            path: path.to_path_buf(),
        }
        .into());
    }
    Ok(ids
        .into_iter()
        .map(|i| i as Box<dyn age::Identity>)
        .collect())
}
