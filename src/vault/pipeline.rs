//! Streaming attachments through age on both cores with constant memory.
//!
//! Sealing runs three threads: read + SHA-256 of the original, age encryption, SHA-256 of the
//! ciphertext + write. Opening runs two: age decryption, and SHA-256 + write of the plaintext;
//! a verification that also hashes the blob file runs a third, reading and hashing the file.
//! A verification checking several blobs at once gives each one thread instead
//! ([`check_blob`]): with every core busy anyway, hand-offs between threads are only overhead.
//! Buffers of 256 KiB travel between them and come back to be reused, so nothing is allocated or
//! zeroed per chunk, and at most a few MiB are in flight whatever the file size.
//!
//! Files written here are flushed to disk *while* they are written ([`Writeback`]): the fsync
//! that makes an attachment durable before its row is committed then waits for the last few
//! MiB instead of the whole file.

use std::fs::File;
use std::io::{Read, Write};
use std::path::Path;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::thread;

use sha2::{Digest, Sha256};

use crate::crypto::keys::MasterKey;
use crate::crypto::padding;
use crate::error::{AttachmentFault, Crypto, Damage};
use crate::record::attachment::AttachmentBody;
use crate::{Error, Result};

/// Bytes per buffer handed between threads.
pub(crate) const CHUNK: usize = 256 << 10;
/// Buffers queued between two threads.
const IN_FLIGHT: usize = 4;
/// Bytes written between two background `fdatasync` calls.
const WRITEBACK_EVERY: u64 = 16 << 20;

/// Empty buffers coming back from a consumer, so the producer can reuse them.
struct Pool {
    back: Receiver<Vec<u8>>,
}

impl Pool {
    /// A pool and the sender its consumer returns buffers on.
    fn new() -> (Pool, SyncSender<Vec<u8>>) {
        let (tx, rx) = sync_channel(2 * IN_FLIGHT + 2);
        (Pool { back: rx }, tx)
    }

    /// A returned buffer, or a new one.
    fn take(&self) -> Vec<u8> {
        self.back
            .try_recv()
            .unwrap_or_else(|_| Vec::with_capacity(CHUNK + (64 << 10)))
    }
}

/// Gives a buffer back to its pool (dropped if the pool is full or gone). Its length is kept,
/// so that [`fill`] need not zero it again.
fn give_back(pool: &SyncSender<Vec<u8>>, buf: Vec<u8>) {
    let _ = pool.try_send(buf);
}

/// Flushes a file to disk in the background while it is being written: every
/// [`WRITEBACK_EVERY`] bytes, a second thread runs `fdatasync` on a clone of the handle, so the
/// disk writes while the CPU works. An error there is kept and returned by
/// [`Writeback::finish`] (a later fsync on the same open file might not report it again).
pub(crate) struct Writeback {
    tx: Option<SyncSender<()>>,
    worker: Option<thread::JoinHandle<std::io::Result<()>>>,
    /// Bytes written since the last flush was asked for.
    since: u64,
}

impl Writeback {
    pub(crate) fn start(file: &File) -> std::io::Result<Writeback> {
        let clone = file.try_clone()?;
        let (tx, rx) = sync_channel::<()>(1);
        let worker = thread::Builder::new()
            .name("writeback".into())
            .spawn(move || {
                for _ in rx {
                    clone.sync_data()?;
                }
                Ok(())
            })?;
        Ok(Writeback {
            tx: Some(tx),
            worker: Some(worker),
            since: 0,
        })
    }

    /// Notes `n` more bytes written at the end of the file; asks for writeback when enough
    /// piled up.
    pub(crate) fn wrote(&mut self, n: usize) {
        self.since += n as u64;
        if self.since >= WRITEBACK_EVERY {
            if let Some(tx) = &self.tx {
                // Busy still: the next request takes these bytes too.
                if tx.try_send(()).is_ok() {
                    self.since = 0;
                }
            }
        }
    }

    /// Waits for the background work; the caller still fsyncs the file itself.
    pub(crate) fn finish(mut self) -> std::io::Result<()> {
        self.tx = None;
        match self.worker.take() {
            Some(w) => w
                .join()
                .unwrap_or_else(|_| Err(std::io::Error::other("the writeback thread panicked"))),
            None => Ok(()),
        }
    }
}

impl Drop for Writeback {
    fn drop(&mut self) {
        self.tx = None;
        if let Some(w) = self.worker.take() {
            let _ = w.join();
        }
    }
}

/// A writer that gathers age's ciphertext into 256 KiB buffers and hands each to the writing
/// thread: one copy per byte, one channel message per buffer.
struct ChannelWriter {
    tx: SyncSender<Vec<u8>>,
    pool: Pool,
    buf: Vec<u8>,
}

impl ChannelWriter {
    fn send(&mut self) -> std::io::Result<()> {
        let mut empty = self.pool.take();
        empty.clear();
        let full = std::mem::replace(&mut self.buf, empty);
        self.tx
            .send(full)
            .map_err(|_| std::io::Error::other("the writer thread stopped"))
    }
}

impl Write for ChannelWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.buf.extend_from_slice(buf);
        if self.buf.len() >= CHUNK {
            self.send()?;
        }
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        if !self.buf.is_empty() {
            self.send()?;
        }
        Ok(())
    }
}

/// Reads up to a full buffer (short only at the end of the input).
fn fill(reader: &mut dyn Read, buf: &mut Vec<u8>) -> std::io::Result<usize> {
    buf.resize(CHUNK, 0); // zeroes only what a previous use did not fill
    let mut filled = 0;
    while filled < CHUNK {
        match reader.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => {
                buf.truncate(filled);
                return Err(e);
            }
        }
    }
    buf.truncate(filled);
    Ok(filled)
}

/// Reads the source in chunks, hashing the plaintext, and sends the chunks on.
fn read_and_hash(
    mut file: File,
    tx: SyncSender<Vec<u8>>,
    pool: Pool,
) -> std::io::Result<(u64, [u8; 32])> {
    let mut hasher = Sha256::new();
    let mut total = 0u64;
    loop {
        let mut buf = pool.take();
        let n = fill(&mut file, &mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf);
        total += n as u64;
        if tx.send(buf).is_err() {
            // Only the echo of a failure further down (see seal_stream).
            return Err(std::io::Error::new(
                std::io::ErrorKind::BrokenPipe,
                "the encrypting thread stopped",
            ));
        }
    }
    Ok((total, hasher.finalize().into()))
}

/// Hashes and writes ciphertext buffers to the blob file; returns (bytes, SHA-256, file).
fn hash_and_write(
    mut file: File,
    rx: Receiver<Vec<u8>>,
    pool: SyncSender<Vec<u8>>,
) -> std::io::Result<(u64, [u8; 32], File)> {
    let mut hasher = Sha256::new();
    let mut written = 0u64;
    let mut writeback = Writeback::start(&file)?;
    for buf in rx {
        file.write_all(&buf)?;
        writeback.wrote(buf.len());
        hasher.update(&buf);
        written += buf.len() as u64;
        give_back(&pool, buf);
    }
    writeback.finish()?;
    Ok((written, hasher.finalize().into(), file))
}

/// What a source file was when an attach began: which file (device and inode), its length and its
/// modification time. A file that is truncated, extended, rewritten or replaced while it is
/// attached no longer matches, and is refused before anything is committed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SourceStamp {
    dev: u64,
    ino: u64,
    len: u64,
    mtime: (i64, i64),
}

impl SourceStamp {
    pub(crate) fn of(meta: &std::fs::Metadata) -> SourceStamp {
        use std::os::unix::fs::MetadataExt;
        SourceStamp {
            dev: meta.dev(),
            ino: meta.ino(),
            len: meta.len(),
            mtime: (meta.mtime(), meta.mtime_nsec()),
        }
    }

    fn now(file: &File, path: &Path) -> Result<SourceStamp> {
        file.metadata()
            .map(|m| SourceStamp::of(&m))
            .map_err(|e| Error::file(path, e))
    }
}

/// What sealing wrote.
pub(crate) struct Sealed {
    /// Length and SHA-256 of the original.
    pub size: u64,
    pub sha256: [u8; 32],
    /// Length and SHA-256 of the blob (the age file).
    pub blob_size: u64,
    pub blob_sha256: [u8; 32],
}

/// Encrypts `source` to `recipient` into `blob`, padding the plaintext with zeros to its
/// Padmé bucket; returns the hashes of both sides. The blob file is fsynced.
///
/// `source` must still be the file `expected` describes (`source_path` names it in errors), when
/// reading starts and once it ended, and exactly `expected.len` bytes must have been read:
/// otherwise the file changed while it was read (a recording still being written, a file
/// truncated or replaced meanwhile) and [`Error::SourceChanged`] is returned.
pub(crate) fn seal_stream(
    source: File,
    expected: &SourceStamp,
    source_path: &Path,
    blob: File,
    recipient: &age::x25519::Recipient,
    progress: Option<&(dyn Fn(u64) + Sync)>,
) -> Result<Sealed> {
    let changed = || Error::SourceChanged(source_path.to_path_buf());
    if SourceStamp::now(&source, source_path)? != *expected {
        return Err(changed());
    }
    // A second handle on the same open file, to stat it once the reading thread is done.
    let watch = source
        .try_clone()
        .map_err(|e| Error::file(source_path, e))?;
    thread::scope(|scope| {
        let (plain_tx, plain_rx) = sync_channel::<Vec<u8>>(IN_FLIGHT);
        let (cipher_tx, cipher_rx) = sync_channel::<Vec<u8>>(IN_FLIGHT);
        let (plain_pool, plain_back) = Pool::new();
        let (cipher_pool, cipher_back) = Pool::new();
        let reader = scope.spawn(move || read_and_hash(source, plain_tx, plain_pool));
        let writer = scope.spawn(move || hash_and_write(blob, cipher_rx, cipher_back));

        let encrypt = || -> Result<u64> {
            let encryptor =
                age::Encryptor::with_recipients(std::iter::once(recipient as &dyn age::Recipient))
                    .map_err(|e| Error::Crypto(Crypto::encrypt(e)))?;
            let sink = ChannelWriter {
                tx: cipher_tx,
                buf: Vec::with_capacity(CHUNK + (64 << 10)),
                pool: cipher_pool,
            };
            let mut stream = encryptor
                .wrap_output(sink)
                .map_err(|e| Error::Crypto(Crypto::encrypt(e)))?;
            let mut size = 0u64;
            for chunk in plain_rx {
                stream.write_all(&chunk)?;
                size += chunk.len() as u64;
                give_back(&plain_back, chunk);
                if let Some(p) = progress {
                    p(size);
                }
            }
            // Pad the plaintext stream with zeros to its bucket so the blob size hides the length.
            let mut pad = padding::padded_len(size) - size;
            let zeros = vec![0u8; CHUNK];
            while pad > 0 {
                let n = pad.min(CHUNK as u64) as usize;
                stream.write_all(&zeros[..n])?;
                pad -= n as u64;
            }
            let mut sink = stream.finish()?;
            sink.flush()?;
            Ok(size)
            // `sink` (and its channel sender) drops here, ending the writer thread.
        };
        let encrypted = encrypt();
        let read = reader
            .join()
            .map_err(|_| Error::Crypto(Crypto::ThreadPanicked { writing: false }))?;
        let written = writer
            .join()
            .map_err(|_| Error::Crypto(Crypto::ThreadPanicked { writing: true }))?;
        // The first cause first. A source that cannot be read ends the stream early; a full
        // disk stops the writer, which stops the encryptor, which stops the reader (whose
        // broken pipe is then only the echo).
        let read = match read {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => return Err(e.into()),
            other => other,
        };
        let (blob_size, blob_sha256, file) = written?;
        let size = encrypted?;
        let (size_read, sha256) = read?;
        if size != size_read
            || size_read != expected.len
            || SourceStamp::now(&watch, source_path)? != *expected
        {
            return Err(changed());
        }
        file.sync_all()?;
        Ok(Sealed {
            size,
            sha256,
            blob_size,
            blob_sha256,
        })
    })
}

/// Streams a blob's plaintext (its first `body.size` bytes) into `out`: one thread decrypts,
/// the calling thread writes and hashes. Checks the hash, that the padding is zeros, and that
/// the age stream ends cleanly. With `writeback`, `out` is a file being flushed as it grows.
pub(crate) fn open_stream(
    master: &MasterKey,
    blob_path: &Path,
    body: &AttachmentBody,
    out: &mut dyn Write,
    writeback: Option<&mut Writeback>,
    progress: Option<&(dyn Fn(u64) + Sync)>,
) -> Result<()> {
    open_stream_hashing(master, blob_path, body, out, writeback, progress, None)
}

/// [`open_stream`]; with `blob_hash`, also hashes the blob file itself (the ciphertext), so a
/// verification reads each blob once. That hashing runs on a third thread, which reads the file
/// and hands it to the decrypting one: each of the three does about a third of the work. The
/// blob hash is complete only on success.
pub(crate) fn open_stream_hashing(
    master: &MasterKey,
    blob_path: &Path,
    body: &AttachmentBody,
    out: &mut dyn Write,
    mut writeback: Option<&mut Writeback>,
    progress: Option<&(dyn Fn(u64) + Sync)>,
    blob_hash: Option<&mut [u8; 32]>,
) -> Result<()> {
    let damaged = |fault: AttachmentFault| damaged(body, fault);
    let file = crate::fsutil::open_regular_nofollow(blob_path)
        .map_err(|e| damaged(crate::fsutil::blob_open_fault(&e)))?;
    let mut check = PlainCheck::new(body);
    let hashing = blob_hash.is_some();
    let blob_sha256 = thread::scope(|scope| -> Result<Option<[u8; 32]>> {
        let (source, reading): (Box<dyn Read + Send>, _) = if hashing {
            let (tx, rx) = sync_channel::<std::io::Result<Vec<u8>>>(IN_FLIGHT);
            let (pool, back) = Pool::new();
            let reading = scope.spawn(move || read_hash_forward(file, tx, pool));
            (Box::new(ChannelReader::new(rx, back)), Some(reading))
        } else {
            (Box::new(file), None)
        };
        let mut reader = open_age(master, body, source)?;
        let (tx, rx) = sync_channel::<std::io::Result<Vec<u8>>>(IN_FLIGHT);
        let (pool, back) = Pool::new();
        scope.spawn(move || loop {
            let mut buf = pool.take();
            match fill(&mut reader, &mut buf) {
                Ok(0) => break,
                Ok(_) => {
                    if tx.send(Ok(buf)).is_err() {
                        break;
                    }
                }
                Err(e) => {
                    let _ = tx.send(Err(e));
                    break;
                }
            }
        });
        // Returning early drops `rx`, which stops the decrypting thread at its next send.
        for msg in rx {
            let buf = msg.map_err(|_| damaged(AttachmentFault::Corrupted))?;
            let plain = check.feed(&buf);
            if !plain.is_empty() {
                out.write_all(plain)?;
                if let Some(w) = writeback.as_deref_mut() {
                    w.wrote(plain.len());
                }
            }
            give_back(&back, buf);
            if let Some(p) = progress {
                p(check.done.min(check.expected));
            }
        }
        match reading {
            Some(r) => r
                .join()
                .map_err(|_| damaged(AttachmentFault::ReaderPanicked))?
                .map(Some)
                .map_err(|_| damaged(AttachmentFault::Unreadable)),
            None => Ok(None),
        }
    })?;
    check.finish(body)?;
    out.flush()?;
    if let (Some(slot), Some(h)) = (blob_hash, blob_sha256) {
        *slot = h;
    }
    Ok(())
}

/// Checks a blob without writing its plaintext anywhere, on the calling thread alone: the
/// SHA-256 of the blob file is taken as age reads it, and each decrypted chunk is hashed while
/// it is still in the core's cache. Verification opens several blobs at once, one per core, so
/// this does less work per byte than [`open_stream_hashing`]'s three threads (no hand-offs, no
/// copies between cores); that one serves a blob left to open alone. `blob_hash` is complete
/// only on success.
pub(crate) fn check_blob(
    master: &MasterKey,
    blob_path: &Path,
    body: &AttachmentBody,
    blob_hash: &mut [u8; 32],
) -> Result<()> {
    let mut file = crate::fsutil::open_regular_nofollow(blob_path)
        .map_err(|e| damaged(body, crate::fsutil::blob_open_fault(&e)))?;
    let mut hasher = Sha256::new();
    let mut read_failed = false;
    let mut check = PlainCheck::new(body);
    let opened = (|| -> Result<()> {
        let source = HashingReader {
            file: &mut file,
            hasher: &mut hasher,
            failed: &mut read_failed,
        };
        let mut reader = open_age(master, body, source)?;
        // One age chunk: a plaintext chunk is read, hashed and overwritten while in cache.
        let mut buf = vec![0u8; 64 << 10];
        loop {
            match reader.read(&mut buf) {
                Ok(0) => return Ok(()),
                Ok(n) => {
                    check.feed(&buf[..n]);
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => return Err(damaged(body, AttachmentFault::Corrupted)),
            }
        }
    })();
    if read_failed {
        return Err(damaged(body, AttachmentFault::Unreadable));
    }
    opened?;
    // Bytes after the end of the age stream belong to the file's hash too.
    std::io::copy(&mut file, &mut hasher)
        .map_err(|_| damaged(body, AttachmentFault::Unreadable))?;
    check.finish(body)?;
    *blob_hash = hasher.finalize().into();
    Ok(())
}

fn damaged(body: &AttachmentBody, fault: AttachmentFault) -> Error {
    Error::Damage(Damage::Attachment {
        id: body.id.clone(),
        name: body.name.clone(),
        fault,
    })
}

/// An age reader over a blob, with the vault's identity.
fn open_age<'a, R: Read + 'a>(
    master: &MasterKey,
    body: &AttachmentBody,
    source: R,
) -> Result<age::stream::StreamReader<std::io::BufReader<R>>> {
    // A small buffer serves the header; age then reads whole 64 KiB chunks, which a
    // BufReader smaller than the request passes straight through: one copy per byte fewer.
    let decryptor =
        age::Decryptor::new_buffered(std::io::BufReader::with_capacity(16 << 10, source))
            .map_err(|_| damaged(body, AttachmentFault::NotAge))?;
    decryptor
        .decrypt(std::iter::once(master.identity() as &dyn age::Identity))
        .map_err(|_| damaged(body, AttachmentFault::NoDecrypt))
}

/// The checks on a blob's decrypted stream: its first `body.size` bytes are the file (hashed),
/// the rest is zero padding up to the size's bucket.
struct PlainCheck {
    hasher: Sha256,
    expected: u64,
    done: u64,
    trailing_nonzero: bool,
}

impl PlainCheck {
    fn new(body: &AttachmentBody) -> Self {
        PlainCheck {
            hasher: Sha256::new(),
            expected: body.size,
            done: 0,
            trailing_nonzero: false,
        }
    }

    /// Takes the next decrypted bytes; returns the part that is the file's content.
    fn feed<'b>(&mut self, buf: &'b [u8]) -> &'b [u8] {
        let take = (self.expected.saturating_sub(self.done)).min(buf.len() as u64) as usize;
        self.hasher.update(&buf[..take]);
        self.trailing_nonzero |= buf[take..].iter().any(|&b| b != 0);
        self.done += buf.len() as u64;
        &buf[..take]
    }

    fn finish(self, body: &AttachmentBody) -> Result<()> {
        if self.done < self.expected {
            return Err(damaged(body, AttachmentFault::Truncated));
        }
        if self.trailing_nonzero || self.done != padding::padded_len(self.expected) {
            return Err(damaged(body, AttachmentFault::Padding));
        }
        if hex::encode(self.hasher.finalize()) != body.sha256 {
            return Err(damaged(body, AttachmentFault::Sha256));
        }
        Ok(())
    }
}

/// A file read through a hasher; remembers whether reading the file itself failed, which age
/// would otherwise report like a damaged chunk.
struct HashingReader<'a> {
    file: &'a mut File,
    hasher: &'a mut Sha256,
    failed: &'a mut bool,
}

impl Read for HashingReader<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self.file.read(buf) {
            Ok(n) => {
                self.hasher.update(&buf[..n]);
                Ok(n)
            }
            Err(e) => {
                *self.failed |= e.kind() != std::io::ErrorKind::Interrupted;
                Err(e)
            }
        }
    }
}

/// Reads a blob file in chunks, hashing it, and passes the chunks to the decrypting thread for
/// as long as it takes them. It hashes to the end of the file either way: bytes after the end of
/// the age stream belong to the file's hash too.
fn read_hash_forward(
    mut file: File,
    tx: SyncSender<std::io::Result<Vec<u8>>>,
    pool: Pool,
) -> std::io::Result<[u8; 32]> {
    let mut hasher = Sha256::new();
    let mut forwarding = true;
    let mut spare = None;
    loop {
        let mut buf = spare.take().unwrap_or_else(|| pool.take());
        let n = match fill(&mut file, &mut buf) {
            Ok(n) => n,
            Err(e) => {
                if forwarding {
                    let _ = tx.send(Err(std::io::Error::new(e.kind(), e.to_string())));
                }
                return Err(e);
            }
        };
        if n == 0 {
            break;
        }
        hasher.update(&buf);
        if forwarding {
            if let Err(back) = tx.send(Ok(buf)) {
                forwarding = false;
                spare = back.0.ok();
            }
        } else {
            spare = Some(buf);
        }
    }
    Ok(hasher.finalize().into())
}

/// The receiving end of [`read_hash_forward`] as a reader; spent buffers go back to its pool.
struct ChannelReader {
    rx: Receiver<std::io::Result<Vec<u8>>>,
    back: SyncSender<Vec<u8>>,
    current: Vec<u8>,
    pos: usize,
}

impl ChannelReader {
    fn new(rx: Receiver<std::io::Result<Vec<u8>>>, back: SyncSender<Vec<u8>>) -> Self {
        ChannelReader {
            rx,
            back,
            current: Vec::new(),
            pos: 0,
        }
    }
}

impl Read for ChannelReader {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        while self.pos == self.current.len() {
            // The sender is gone once the whole file was sent: the end.
            let Ok(next) = self.rx.recv() else {
                return Ok(0);
            };
            give_back(&self.back, std::mem::replace(&mut self.current, next?));
            self.pos = 0;
        }
        let n = out.len().min(self.current.len() - self.pos);
        out[..n].copy_from_slice(&self.current[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::attachment::{AttachmentBody, ATTACHMENT_FORMAT};

    /// A sealed blob of `size` pseudo-random bytes and its description.
    fn sealed(dir: &Path, master: &MasterKey, size: usize) -> (std::path::PathBuf, AttachmentBody) {
        let original = dir.join("original.bin");
        let bytes: Vec<u8> = (0..size).map(|i| (i * 31 % 251) as u8).collect();
        std::fs::write(&original, &bytes).unwrap();
        let blob_path = dir.join("blob");
        let source = File::open(&original).unwrap();
        let stamp = SourceStamp::of(&source.metadata().unwrap());
        let sealed = seal_stream(
            source,
            &stamp,
            &original,
            File::create(&blob_path).unwrap(),
            &master.recipient().0,
            None,
        )
        .unwrap();
        assert_eq!(
            hex::encode(sealed.blob_sha256),
            crate::crypto::sha256_hex(&std::fs::read(&blob_path).unwrap())
        );
        let body = AttachmentBody {
            format: ATTACHMENT_FORMAT.into(),
            id: "att1".into(),
            record_id: "rec1".into(),
            name: "original.bin".into(),
            name_bytes: None,
            size: sealed.size,
            sha256: hex::encode(sealed.sha256),
            media_type: "application/octet-stream".into(),
            attached_at: chrono::Utc::now(),
            metadata: crate::media::read_metadata_from_bytes(&bytes, "application/octet-stream"),
            salts: AttachmentBody::fresh_salts(),
        };
        (blob_path, body)
    }

    /// Both ways of checking a blob, as (blob hash or error message).
    fn both_ways(
        master: &MasterKey,
        blob: &Path,
        body: &AttachmentBody,
    ) -> [std::result::Result<String, String>; 2] {
        let mut one = [0u8; 32];
        let mut three = [0u8; 32];
        let alone = check_blob(master, blob, body, &mut one).map(|()| hex::encode(one));
        let spread = open_stream_hashing(
            master,
            blob,
            body,
            &mut std::io::sink(),
            None,
            None,
            Some(&mut three),
        )
        .map(|()| hex::encode(three));
        [alone, spread].map(|r| r.map_err(|e| e.to_string()))
    }

    #[test]
    fn one_thread_and_three_threads_check_a_blob_alike() {
        let dir = tempfile::tempdir().unwrap();
        let master = MasterKey::generate();
        // Three chunks and a bit, so damage can land in a middle chunk.
        let (blob, body) = sealed(dir.path(), &master, 3 * CHUNK + 1000);
        let pristine = std::fs::read(&blob).unwrap();
        let expect_same = |what: &str, expected: std::result::Result<String, &str>| {
            let [one, three] = both_ways(&master, &blob, &body);
            assert_eq!(one, three, "{what}");
            match (&one, expected) {
                (Ok(h), Ok(e)) => assert_eq!(h, &e, "{what}"),
                (Err(m), Err(e)) => assert!(m.contains(e), "{what}: {m}"),
                (got, e) => panic!("{what}: got {got:?}, expected {e:?}"),
            }
        };
        expect_same("intact", Ok(crate::crypto::sha256_hex(&pristine)));

        let mut flipped = pristine.clone();
        flipped[2 * CHUNK] ^= 0x01;
        std::fs::write(&blob, &flipped).unwrap();
        expect_same(
            "a flipped byte",
            Err("is corrupted (authentication failed)"),
        );

        std::fs::write(&blob, &pristine[..pristine.len() - 100]).unwrap();
        expect_same("truncated", Err("is corrupted (authentication failed)"));

        // Bytes after the end of the age stream: age refuses the stream.
        let mut longer = pristine.clone();
        longer.extend_from_slice(b"appended");
        std::fs::write(&blob, &longer).unwrap();
        expect_same("appended", Err("is corrupted (authentication failed)"));

        std::fs::write(&blob, &pristine).unwrap();
        let mut wrong_size = body.clone();
        wrong_size.size += 1;
        let [one, three] = both_ways(&master, &blob, &wrong_size);
        assert_eq!(one, three);
        assert!(one
            .unwrap_err()
            .contains("does not match its recorded SHA-256"));

        let [one, three] = both_ways(&MasterKey::generate(), &blob, &body);
        assert_eq!(one, three);
        assert!(one
            .unwrap_err()
            .contains("does not decrypt with this vault's key"));

        std::fs::remove_file(&blob).unwrap();
        expect_same("missing", Err("is missing from the vault"));
    }

    #[test]
    fn a_source_that_is_not_the_file_first_seen_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let master = MasterKey::generate();
        let path = dir.path().join("recording.bin");
        std::fs::write(&path, vec![5u8; 100_000]).unwrap();
        let stamp = SourceStamp::of(&std::fs::metadata(&path).unwrap());
        let seal = |source: File| {
            seal_stream(
                source,
                &stamp,
                &path,
                File::create(dir.path().join("blob")).unwrap(),
                &master.recipient().0,
                None,
            )
        };
        // Unchanged: sealed.
        assert_eq!(seal(File::open(&path).unwrap()).unwrap().size, 100_000);
        // Grown since it was first seen.
        std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap()
            .write_all(b"more")
            .unwrap();
        let err = seal(File::open(&path).unwrap()).err().expect("refused");
        assert!(matches!(err, Error::SourceChanged(_)), "{err}");
        // Replaced by another file of the same size and time.
        let other = dir.path().join("other.bin");
        std::fs::write(&other, vec![5u8; 100_000]).unwrap();
        let err = seal(File::open(&other).unwrap()).err().expect("refused");
        assert!(matches!(err, Error::SourceChanged(_)), "{err}");
    }
}
