//! Bounded reads of the small files the bundle commands take (key files, recipient files,
//! redaction policies, receipts, counsel's trust file): a file that is endless (`/dev/zero`, a
//! FIFO that never closes) or far larger than any such file is refused with a clear error
//! instead of filling memory.

use std::path::Path;

use zeroize::Zeroizing;

use crate::Result;

/// Largest key file (age identities, an OpenSSH private key, a list of recipients).
pub const MAX_KEY_FILE: u64 = 64 << 10;
/// Largest redaction policy.
pub const MAX_POLICY_FILE: u64 = crate::input::POLICY_MAX;
/// Largest receipt (a signed checkpoint note is well under 1 KiB).
pub const MAX_RECEIPT_FILE: u64 = crate::input::RECEIPT_MAX;
/// Largest trust file of counsel's known senders.
pub const MAX_TRUST_FILE: u64 = 4 << 20;

/// Reads all of `path`, refusing a file larger than `limit` bytes without reading more than
/// `limit + 1` of it ([`crate::input`]). The bytes are wiped when dropped (key files hold
/// secrets).
pub fn read_bounded(path: &Path, limit: u64) -> Result<Zeroizing<Vec<u8>>> {
    crate::input::read_bounded(path, limit).map(Zeroizing::new)
}

/// [`read_bounded`], as UTF-8 text.
pub fn read_bounded_text(path: &Path, limit: u64) -> Result<Zeroizing<String>> {
    crate::input::read_text_bounded(path, limit).map(Zeroizing::new)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endless_and_oversized_files_are_refused() {
        let e = read_bounded(Path::new("/dev/zero"), 1024).unwrap_err();
        assert!(e.to_string().contains("too large"), "{e}");
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f");
        std::fs::write(&p, vec![b'a'; 2048]).unwrap();
        assert!(read_bounded(&p, 2047).is_err());
        assert_eq!(read_bounded(&p, 2048).unwrap().len(), 2048);
    }
}
