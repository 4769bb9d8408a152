//! age plugins (a hardware key: age-plugin-yubikey, age-plugin-fido2-hmac, ...): wrapping a
//! small secret to a plugin recipient and unwrapping it through the plugin with the owner's
//! plugin identity. The protocol is age's (the `age` crate's `plugin` feature); the plugin
//! binary `age-plugin-<name>` is found on `PATH`. Keyslots of kind `plugin` use it
//! (docs/format.md, "Keyslots").

use std::io::{Read, Write};
use std::str::FromStr;

use age::plugin::{Identity, IdentityPluginV1, Recipient, RecipientPluginV1, ResolveError};
use age::{DecryptError, EncryptError};
use zeroize::Zeroizing;

use crate::error::{Crypto, Custody};
use crate::{Error, Result};

/// Longest plugin identity kept in a keyslot (age-plugin-yubikey's is about 80 characters;
/// some plugins put a credential id in theirs).
pub const IDENTITY_MAX: usize = 4096;

/// Parses an `age1<name>1...` plugin recipient.
pub fn parse_recipient(text: &str) -> Result<Recipient> {
    Recipient::from_str(text.trim()).map_err(|_| {
        Custody::PluginRecipient {
            text: text.trim().chars().take(120).collect(),
        }
        .into()
    })
}

/// Parses an `AGE-PLUGIN-<NAME>-1...` plugin identity.
pub fn parse_identity(text: &str) -> Option<Identity> {
    let text = text.trim();
    if text.is_empty() || text.len() > IDENTITY_MAX {
        return None;
    }
    Identity::from_str(text).ok()
}

/// The plugin identity in an identity file's text: the first line that is neither empty nor a
/// `#` comment (the form `age-plugin-yubikey --identity` writes).
pub fn identity_in_file_text(text: &str) -> Option<Identity> {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .and_then(parse_identity)
}

/// Encrypts `plaintext` (an age file) to one plugin recipient through its plugin.
pub fn encrypt<C: age::Callbacks>(
    recipient: &Recipient,
    callbacks: C,
    plaintext: &[u8],
) -> Result<Vec<u8>> {
    let plugin = RecipientPluginV1::new(
        recipient.plugin(),
        std::slice::from_ref(recipient),
        &[],
        callbacks,
    )
    .map_err(|e| resolve_error(recipient.plugin(), e))?;
    let recipients: [&dyn age::Recipient; 1] = [&plugin];
    let encryptor = age::Encryptor::with_recipients(recipients.iter().copied())
        .map_err(|e| encrypt_error(recipient.plugin(), e))?;
    let mut out = Vec::with_capacity(plaintext.len() + 512);
    let mut writer = encryptor
        .wrap_output(&mut out)
        .map_err(|e| Error::Crypto(Crypto::encrypt(e)))?;
    writer
        .write_all(plaintext)
        .and_then(|_| writer.finish().map(|_| ()))
        .map_err(|e| Error::Crypto(Crypto::encrypt(e)))?;
    Ok(out)
}

/// Decrypts an age file through the plugin of `identity`; the plaintext is zeroized on drop.
pub fn decrypt<C: age::Callbacks>(
    identity: &Identity,
    callbacks: C,
    ciphertext: &[u8],
) -> Result<Zeroizing<Vec<u8>>> {
    let name = identity.plugin();
    let plugin = IdentityPluginV1::new(name, std::slice::from_ref(identity), callbacks)
        .map_err(|e| resolve_error(name, e))?;
    let decryptor =
        age::Decryptor::new_buffered(ciphertext).map_err(|e| Error::Crypto(Crypto::decrypt(e)))?;
    let identities: [&dyn age::Identity; 1] = [&plugin];
    let mut reader = decryptor
        .decrypt(identities.iter().copied())
        .map_err(|e| decrypt_error(name, e))?;
    let mut out = Zeroizing::new(Vec::with_capacity(ciphertext.len()));
    reader
        .read_to_end(&mut out)
        .map_err(|e| Error::Crypto(Crypto::decrypt(e)))?;
    Ok(out)
}

fn resolve_error(name: &str, e: ResolveError) -> Error {
    match e {
        ResolveError::MissingPlugin { binary_name } => Custody::PluginMissing {
            binary: binary_name,
        }
        .into(),
        _ => Custody::PluginFailed {
            plugin: name.to_owned(),
            detail: "invalid plugin name".into(),
        }
        .into(),
    }
}

/// The plugin's own words (often English; the `age` crate words the frame): bounded, shown
/// escaped by the CLI.
fn plugin_detail<E: std::fmt::Display>(errors: &[E]) -> String {
    let mut parts: Vec<String> = errors
        .iter()
        .map(|e| e.to_string().trim().to_owned())
        .filter(|m| !m.is_empty())
        .collect();
    parts.dedup();
    parts.join("; ").chars().take(1000).collect()
}

fn encrypt_error(name: &str, e: EncryptError) -> Error {
    match e {
        EncryptError::PluginResolve(r) => resolve_error(name, r),
        EncryptError::Plugin(errors) => Custody::PluginFailed {
            plugin: name.to_owned(),
            detail: plugin_detail(&errors),
        }
        .into(),
        other => Error::Crypto(Crypto::encrypt(other)),
    }
}

fn decrypt_error(name: &str, e: DecryptError) -> Error {
    match e {
        DecryptError::PluginResolve(r) => resolve_error(name, r),
        DecryptError::Plugin(errors) => Custody::PluginFailed {
            plugin: name.to_owned(),
            detail: plugin_detail(&errors),
        }
        .into(),
        DecryptError::NoMatchingKeys => Custody::PluginNoMatch {
            plugin: name.to_owned(),
        }
        .into(),
        other => Error::Crypto(Crypto::decrypt(other)),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A plugin identity in age's encoding (bech32, upper case) for `bytes`.
    pub(crate) fn identity_text(name: &str, bytes: &[u8]) -> String {
        let hrp = bech32::Hrp::parse(&format!("age-plugin-{name}-")).unwrap();
        bech32::encode::<bech32::Bech32>(hrp, bytes)
            .unwrap()
            .to_uppercase()
    }

    #[test]
    fn identity_files_with_comments_and_bad_text() {
        let id = identity_text("vaulttest", &[7u8; 32]);
        let parsed = parse_identity(&id).expect("a plugin identity");
        assert_eq!(parsed.plugin(), "vaulttest");
        assert_eq!(parsed.to_string(), id);
        // The form `age-plugin-yubikey --identity` writes: comments first.
        let text = format!("#       Serial: 1, Slot: 1\n#    Recipient: age1x\n\n{id}\n");
        assert_eq!(
            identity_in_file_text(&text).map(|i| i.to_string()),
            Some(id.clone())
        );
        assert!(parse_identity("AGE-SECRET-KEY-1XYZ").is_none());
        assert!(parse_identity("").is_none());
        assert!(identity_in_file_text("# only a comment\n").is_none());
        assert!(matches!(
            parse_recipient("age1notaplugin"),
            Err(Error::Custody(Custody::PluginRecipient { .. }))
        ));
    }
}
