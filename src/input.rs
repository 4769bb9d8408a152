//! Bounded reads of the small files a command takes as input: passphrase files, `--from-json`,
//! receipts, recipient files, redaction policies, the first bytes of a backup. A mistaken or
//! hostile path (`/dev/zero`, a FIFO that never ends, a 40 GB video given as a receipt) must
//! end in one clear error, not in a process that grows until the machine stalls (issue 18,
//! "Endless or hostile inputs").
//!
//! Every reader here stops at its limit: a regular file larger than the limit is refused from
//! its size before any byte is read; anything else (a pipe, a device, standard input) is read
//! until the limit and refused there.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use zeroize::Zeroizing;

use crate::{Error, Result};

/// The longest first line of a passphrase file (bytes, line break not counted). A generated
/// passphrase is under 100 bytes; 4 KiB leaves room for any passphrase a person types.
pub const PASSPHRASE_LINE_MAX: usize = 4096;

/// The largest `add --from-json` document. Fields have no size limit of their own (a 100 MB
/// narrative round-trips, see tests/it/bad_input.rs), so this is generous; it only stops an input
/// that never ends.
pub const JSON_INPUT_MAX: u64 = 256 << 20;

/// The largest receipt (a signed checkpoint note is a few hundred bytes).
pub const RECEIPT_MAX: u64 = 64 << 10;

/// The largest redaction policy file (`export --redact-policy`).
pub const POLICY_MAX: u64 = 1 << 20;

/// A reader that yields at most `limit` bytes and fails (with [`Bounded::exceeded`] set) when
/// the input holds more.
pub struct Bounded<R> {
    inner: R,
    left: u64,
    exceeded: bool,
}

impl<R: Read> Bounded<R> {
    /// Wraps `inner`, allowing `limit` bytes.
    pub fn new(inner: R, limit: u64) -> Self {
        Bounded {
            inner,
            left: limit,
            exceeded: false,
        }
    }

    /// True once the input was found to be longer than the limit.
    pub fn exceeded(&self) -> bool {
        self.exceeded
    }
}

impl<R: Read> Read for Bounded<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        if self.left == 0 {
            // At the limit: one more byte means the input is too long.
            let mut probe = [0u8; 1];
            return match self.inner.read(&mut probe)? {
                0 => Ok(0),
                _ => {
                    self.exceeded = true;
                    Err(std::io::Error::new(
                        std::io::ErrorKind::InvalidData,
                        "input larger than its limit",
                    ))
                }
            };
        }
        let max = buf
            .len()
            .min(usize::try_from(self.left).unwrap_or(usize::MAX));
        let n = self.inner.read(&mut buf[..max])?;
        self.left -= n as u64;
        Ok(n)
    }
}

/// The error for an input longer than `limit` bytes.
pub fn too_large(path: &Path, limit: u64) -> Error {
    Error::TooLarge {
        path: path.to_path_buf(),
        limit,
    }
}

/// Opens `path` for a read of at most `limit` bytes: a regular file larger than that is refused
/// from its size. The caller still reads through [`Bounded`] (the file may be a pipe or grow).
pub fn open_within(path: &Path, limit: u64) -> Result<File> {
    let file = File::open(path).map_err(|e| Error::file(path, e))?;
    let meta = file.metadata().map_err(|e| Error::file(path, e))?;
    if meta.is_dir() {
        return Err(Error::file(
            path,
            std::io::Error::from(std::io::ErrorKind::IsADirectory),
        ));
    }
    if meta.is_file() && meta.len() > limit {
        return Err(too_large(path, limit));
    }
    Ok(file)
}

/// The whole of `reader`, refused as [`Error::TooLarge`] (naming `path`) past `limit` bytes.
pub fn read_all_bounded(reader: impl Read, limit: u64, path: &Path) -> Result<Vec<u8>> {
    let mut bounded = Bounded::new(reader, limit);
    let mut buf = Vec::new();
    match bounded.read_to_end(&mut buf) {
        Ok(_) => Ok(buf),
        Err(_) if bounded.exceeded() => Err(too_large(path, limit)),
        Err(e) => Err(Error::file(path, e)),
    }
}

/// The whole file at `path`, at most `limit` bytes.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>> {
    read_all_bounded(open_within(path, limit)?, limit, path)
}

/// The whole file at `path` as UTF-8 text, at most `limit` bytes.
pub fn read_text_bounded(path: &Path, limit: u64) -> Result<String> {
    String::from_utf8(read_bounded(path, limit)?).map_err(|_| Error::NotText(path.to_path_buf()))
}

/// The first line of the file at `path` (without its LF or CRLF), read in small chunks up to
/// the first line break and never much past `limit` bytes: `/dev/zero` or a pipe that never
/// sends a line break is refused with [`Error::LineTooLong`], and a pipe is not read after the
/// chunk that holds its first line break (no waiting for its end). The bytes are wiped when
/// dropped (this is where passphrases come from).
pub fn read_first_line(path: &Path, limit: usize) -> Result<Zeroizing<Vec<u8>>> {
    let file = File::open(path).map_err(|e| Error::file(path, e))?;
    if file.metadata().map_err(|e| Error::file(path, e))?.is_dir() {
        return Err(Error::file(
            path,
            std::io::Error::from(std::io::ErrorKind::IsADirectory),
        ));
    }
    first_line_of(file, limit, path)
}

/// [`read_first_line`] over any reader.
pub fn first_line_of(
    mut reader: impl Read,
    limit: usize,
    path: &Path,
) -> Result<Zeroizing<Vec<u8>>> {
    let too_long = || Error::LineTooLong {
        path: path.to_path_buf(),
        limit: limit as u64,
    };
    // Allocated once at full size, so no reallocation leaves an unwiped copy behind; the read
    // buffer is wiped too. Bytes read past the line break (from the same read) are discarded.
    let mut line = Zeroizing::new(Vec::with_capacity(limit + 2));
    let mut chunk = Zeroizing::new([0u8; 512]);
    loop {
        let n = match reader.read(&mut chunk[..]) {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(Error::file(path, e)),
        };
        if n == 0 {
            break;
        }
        let (take, done) = match chunk[..n].iter().position(|&b| b == b'\n') {
            Some(i) => (i, true),
            None => (n, false),
        };
        // One byte of slack for the CR of a CRLF line end.
        if line.len() + take > limit + 1 {
            return Err(too_long());
        }
        line.extend_from_slice(&chunk[..take]);
        if done {
            break;
        }
    }
    if line.last() == Some(&b'\r') {
        line.pop();
    }
    if line.len() > limit {
        return Err(too_long());
    }
    Ok(line)
}

/// The first `n` bytes of the file at `path` (fewer when it is shorter).
pub fn read_head(path: &Path, n: usize) -> Result<Vec<u8>> {
    let file = File::open(path).map_err(|e| Error::file(path, e))?;
    let mut head = Vec::with_capacity(n);
    file.take(n as u64)
        .read_to_end(&mut head)
        .map_err(|e| Error::file(path, e))?;
    Ok(head)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    #[test]
    fn bounded_reader_stops_at_the_limit() {
        let p = Path::new("x");
        assert_eq!(
            read_all_bounded(Cursor::new(b"abcd"), 4, p).unwrap(),
            b"abcd"
        );
        assert!(matches!(
            read_all_bounded(Cursor::new(b"abcde"), 4, p),
            Err(Error::TooLarge { limit: 4, .. })
        ));
        // An endless input ends too.
        assert!(matches!(
            read_all_bounded(std::io::repeat(0), 1000, p),
            Err(Error::TooLarge { .. })
        ));
    }

    #[test]
    fn first_line_stops_at_the_line_break_or_the_limit() {
        let p = Path::new("x");
        let line = |input: &[u8], limit| first_line_of(Cursor::new(input.to_vec()), limit, p);
        assert_eq!(
            &line(b"secret words\nrest", 64).unwrap()[..],
            b"secret words"
        );
        assert_eq!(&line(b"crlf\r\nrest", 64).unwrap()[..], b"crlf");
        assert_eq!(&line(b"no break", 64).unwrap()[..], b"no break");
        assert_eq!(&line(b"12345678\r\n", 8).unwrap()[..], b"12345678");
        assert!(matches!(
            line(b"123456789\n", 8),
            Err(Error::LineTooLong { .. })
        ));
        assert!(matches!(
            first_line_of(std::io::repeat(0), 4096, p),
            Err(Error::LineTooLong { limit: 4096, .. })
        ));
        // A reader that would block after the first line is not read further.
        struct Then(Option<Vec<u8>>);
        impl Read for Then {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                let chunk = self.0.take().expect("read past the first line");
                buf[..chunk.len()].copy_from_slice(&chunk);
                Ok(chunk.len())
            }
        }
        let r = first_line_of(Then(Some(b"pass\n".to_vec())), 64, p).unwrap();
        assert_eq!(&r[..], b"pass");
    }
}
