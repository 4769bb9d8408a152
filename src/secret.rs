//! Secret-holding types. They zeroize on drop and have no `Debug`, so a secret cannot end up in a
//! log line or a panic message by accident.

use zeroize::{Zeroize, Zeroizing};

/// A passphrase typed by a person or read from a file. Never printed.
pub struct Passphrase(Zeroizing<String>);

impl Passphrase {
    /// Wraps a string, taking ownership so no unzeroized copy is left behind by us.
    pub fn new(text: String) -> Self {
        Passphrase(Zeroizing::new(text))
    }

    /// Reads the first line of a passphrase file's contents (LF or CRLF), refusing an empty one.
    pub fn from_file_bytes(mut bytes: Vec<u8>) -> crate::Result<Self> {
        let end = bytes
            .iter()
            .position(|&b| b == b'\n')
            .unwrap_or(bytes.len());
        let mut line_end = end;
        if line_end > 0 && bytes[line_end - 1] == b'\r' {
            line_end -= 1;
        }
        let text = std::str::from_utf8(&bytes[..line_end])
            .map(|s| s.to_owned())
            .map_err(|_| crate::Error::Input(crate::error::Input::PassphraseFileNotUtf8));
        bytes.zeroize();
        let text = text?;
        let p = Passphrase::new(text);
        if p.is_empty() {
            return Err(crate::Error::EmptyPassphrase);
        }
        Ok(p)
    }

    /// The passphrase bytes, for the key-derivation function only.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// True when nothing was typed.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// 32 secret bytes (a derived key). Zeroized on drop, no `Debug`.
pub struct SecretKey(pub(crate) Zeroizing<[u8; 32]>);
