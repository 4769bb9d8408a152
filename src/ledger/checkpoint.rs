//! Signed checkpoints: a C2SP `tlog-checkpoint` body inside a C2SP `signed-note` with an Ed25519
//! signature, the format Go's `golang.org/x/mod/sumdb/note`, Sigsum and witnesses use, so a third
//! party can check a vault's checkpoints with tools nobody here wrote.
//!
//! ```text
//! vault/3f2a...            <- origin
//! 1234                     <- tree size, canonical decimal
//! CsUYapGGPo4d...=         <- base64 of the RFC 6962 root hash
//!                          <- blank separator (not part of the signed text)
//! — vault/3f2a... <base64(key id || Ed25519 signature)>
//! ```
//!
//! Error rules: notes are untrusted input. Parsing is strict (what we would not write, we do not
//! read), bounded in size, and never panics; every refusal says what was wrong. The body of a note
//! is only returned by [`open_signed`] after a signature by the expected key has verified
//! (signed-note: "the text MUST be ignored unless ... the signature has been verified").

use base64::{engine::general_purpose::STANDARD, Engine as _};
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use sha2::{Digest, Sha256};

use super::merkle::Hash;

/// Largest note accepted, in bytes. A checkpoint with one signature is about 200 bytes; the bound
/// keeps a hostile file from costing more than a moment to reject.
pub const MAX_NOTE_SIZE: usize = 64 * 1024;

/// Most signature lines accepted in one note (signed-note asks verifiers to accept at least 16).
pub const MAX_SIGNATURES: usize = 100;

/// Start of every signature line: em dash (U+2014) and a space.
const SIG_PREFIX: &str = "\u{2014} ";

/// Signed-note signature type of Ed25519 (signed-note, "Signature types").
const ED25519_TYPE: u8 = 0x01;

/// The tree head a checkpoint commits to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkpoint {
    /// The log's identity; also the key name the vault signs with.
    pub origin: String,
    /// Number of leaves in the tree.
    pub size: u64,
    /// RFC 6962 Merkle tree hash of the first `size` leaves.
    pub root: Hash,
    /// Opaque extension lines, without their newlines; each must be non-empty.
    pub extensions: Vec<String>,
}

/// Why a checkpoint note or verifier key was refused.
#[derive(Debug, thiserror::Error)]
pub enum CheckpointError {
    /// The note breaks the signed-note or tlog-checkpoint format; the text says where.
    #[error("malformed checkpoint note: {0}")]
    Malformed(String),
    /// The note is larger than [`MAX_NOTE_SIZE`]; it was not parsed.
    #[error("checkpoint note is too large: {size} bytes, the limit is {limit}")]
    TooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The limit it exceeded.
        limit: usize,
    },
    /// The verifier key text is not `<name>+<8 hex key id>+<base64(0x01 || Ed25519 key)>`.
    #[error("malformed verifier key: {0}")]
    BadVerifierKey(String),
    /// A signature line names the expected key (name and key id) but does not verify: the note
    /// was altered after signing.
    #[error("the checkpoint's signature by the expected key does not verify: the note was altered after signing")]
    BadSignature,
    /// No signature line is by the expected key (wrong key, wrong key name, or none at all).
    #[error("the checkpoint carries no signature by the expected key")]
    NoSignatureByKey,
}

fn malformed(msg: impl Into<String>) -> CheckpointError {
    CheckpointError::Malformed(msg.into())
}

impl Checkpoint {
    /// The note text that is signed: `<origin>\n<size>\n<base64 root>\n` then one line per
    /// extension.
    pub fn body(&self) -> String {
        let mut body = format!(
            "{}\n{}\n{}\n",
            self.origin,
            self.size,
            STANDARD.encode(self.root)
        );
        for ext in &self.extensions {
            body.push_str(ext);
            body.push('\n');
        }
        body
    }

    /// Check that [`Checkpoint::sign`] with `key_name` makes a note that [`open_signed`] accepts:
    /// a valid key name, an origin and extensions without newlines, control characters or empty
    /// lines, and a note within [`MAX_NOTE_SIZE`].
    pub fn validate(&self, key_name: &str) -> Result<(), CheckpointError> {
        if !valid_key_name(key_name) {
            return Err(malformed(
                "key name must be non-empty without spaces or '+'",
            ));
        }
        let body = self.body();
        // Body, blank line, "— ", name, space, base64 of key id and signature (68 bytes), newline.
        let note_len = body.len() + 1 + SIG_PREFIX.len() + key_name.len() + 2 + 92;
        if note_len > MAX_NOTE_SIZE {
            return Err(CheckpointError::TooLarge {
                size: note_len,
                limit: MAX_NOTE_SIZE,
            });
        }
        check_characters(&body)?;
        // A field holding a newline would re-parse differently, so a round trip catches it.
        if parse_body(&body)? != *self {
            return Err(malformed("origin or an extension contains a newline"));
        }
        Ok(())
    }

    /// The whole signed note: body, blank line, and one Ed25519 signature line by `key` under
    /// `key_name`.
    ///
    /// Never fails; a checkpoint or key name that [`Checkpoint::validate`] rejects gives a note
    /// that [`open_signed`] rejects, so check first when either comes from outside.
    pub fn sign(&self, key_name: &str, key: &SigningKey) -> String {
        sign_text(&self.body(), key_name, key)
    }
}

/// Sign arbitrary note text (which must end in a newline); the tests use it to sign bodies that
/// [`Checkpoint::body`] would never produce.
fn sign_text(text: &str, key_name: &str, key: &SigningKey) -> String {
    let signature = key.sign(text.as_bytes());
    let mut blob = Vec::with_capacity(4 + Signature::BYTE_SIZE);
    blob.extend_from_slice(&key_id(key_name, &key.verifying_key()));
    blob.extend_from_slice(&signature.to_bytes());
    format!("{text}\n{SIG_PREFIX}{key_name} {}\n", STANDARD.encode(blob))
}

/// The signed-note key id of an Ed25519 key:
/// `SHA-256(key name || 0x0A || 0x01 || public key)[..4]`.
pub fn key_id(key_name: &str, public: &VerifyingKey) -> [u8; 4] {
    let digest = Sha256::new()
        .chain_update(key_name.as_bytes())
        .chain_update([b'\n', ED25519_TYPE])
        .chain_update(public.as_bytes())
        .finalize();
    [digest[0], digest[1], digest[2], digest[3]]
}

/// The signed-note verifier key text: `<name>+<hex key id>+<base64(0x01 || public key)>`.
pub fn verifier_key(key_name: &str, public: &VerifyingKey) -> String {
    let mut typed = [0u8; 33];
    typed[0] = ED25519_TYPE;
    typed[1..].copy_from_slice(public.as_bytes());
    format!(
        "{key_name}+{:08x}+{}",
        u32::from_be_bytes(key_id(key_name, public)),
        STANDARD.encode(typed)
    )
}

/// Parse a verifier key made by [`verifier_key`]; returns the key name and the public key.
///
/// The text must be exact (no surrounding whitespace; trim a line read from a file first). The
/// key id must be the one the name and key give, and weak (small-order) keys are refused.
pub fn parse_verifier_key(text: &str) -> Result<(String, VerifyingKey), CheckpointError> {
    let bad = |msg: &str| CheckpointError::BadVerifierKey(msg.to_owned());
    // The name has no '+', the hex id has none, so the first two '+' split the fields; the
    // base64 key may contain more of them.
    let (name, rest) = text
        .split_once('+')
        .ok_or_else(|| bad("expected <name>+<key id>+<key>"))?;
    let (id_hex, key_b64) = rest
        .split_once('+')
        .ok_or_else(|| bad("expected <name>+<key id>+<key>"))?;
    if !valid_key_name(name) {
        return Err(bad("key name must be non-empty without spaces or '+'"));
    }
    if id_hex.len() != 8
        || !id_hex
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    {
        return Err(bad("key id must be 8 lowercase hex digits"));
    }
    let id = u32::from_str_radix(id_hex, 16)
        .map_err(|_| bad("key id must be 8 lowercase hex digits"))?
        .to_be_bytes();
    let typed = decode_canonical(key_b64).ok_or_else(|| bad("key is not canonical base64"))?;
    let Some((&key_type, key_bytes)) = typed.split_first() else {
        return Err(bad("key is empty"));
    };
    if key_type != ED25519_TYPE {
        return Err(CheckpointError::BadVerifierKey(format!(
            "unsupported signature type 0x{key_type:02x} (only Ed25519, 0x01)"
        )));
    }
    let key_bytes: &[u8; 32] = key_bytes
        .try_into()
        .map_err(|_| bad("Ed25519 key must be 32 bytes"))?;
    let public =
        VerifyingKey::from_bytes(key_bytes).map_err(|_| bad("not a valid Ed25519 public key"))?;
    if public.is_weak() {
        return Err(bad("weak (small-order) Ed25519 public key"));
    }
    if key_id(name, &public) != id {
        return Err(bad("key id does not match the key name and key"));
    }
    Ok((name.to_owned(), public))
}

/// Parse a signed note and verify that it carries a valid signature by `public` under `key_name`;
/// unknown signatures by other keys are ignored (per the spec), but at least one must be ours.
///
/// A signature line with our key name and key id that fails to verify rejects the whole note
/// (signed-note: clients SHOULD), as does any malformed signature line. The caller still has to
/// check that the origin is the log it expects.
pub fn open_signed(
    note: &str,
    key_name: &str,
    public: &VerifyingKey,
) -> Result<Checkpoint, CheckpointError> {
    let text = verify_note(note, key_name, public)?;
    parse_body(text)
}

/// [`open_signed`] for a checkpoint of this program, whose key name is its origin: the origin
/// line must be `origin` as well.
pub fn open_own(
    note: &str,
    origin: &str,
    public: &VerifyingKey,
) -> Result<Checkpoint, CheckpointError> {
    let cp = open_signed(note, origin, public)?;
    if cp.origin != origin {
        return Err(malformed(format!(
            "the origin is {:?}, not {origin:?}",
            cp.origin
        )));
    }
    Ok(cp)
}

/// A receipt as people keep it, back in the exact form it was signed in: email clients and
/// editors turn line endings into CRLF, add spaces, tabs or no-break spaces at line ends (any
/// Unicode whitespace is removed there), a byte-order mark, or blank lines before and after.
/// Those are removed; nothing else is changed. Signed lines
/// never end in whitespace, so what this removes was never signed, and the signature is still
/// checked over the result.
///
/// Text larger than a few notes is returned as it is (and then refused as too large).
pub fn normalize_receipt(text: &str) -> String {
    if text.len() > 4 * MAX_NOTE_SIZE {
        return text.to_owned();
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text.split('\n').map(str::trim_end).collect();
    let first = lines.iter().position(|l| !l.is_empty()).unwrap_or(0);
    let last = lines
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(0, |i| i + 1);
    let mut out = String::with_capacity(text.len());
    for line in lines.get(first..last).unwrap_or_default() {
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// [`open_own`] for a receipt a person kept (a file, an email): [`normalize_receipt`] first.
/// Every place that reads a receipt (`verify --receipt`, `bundle verify --receipt`) uses this.
pub fn open_receipt(
    text: &str,
    origin: &str,
    public: &VerifyingKey,
) -> Result<Checkpoint, CheckpointError> {
    open_own(&normalize_receipt(text), origin, public)
}

/// Parse without checking signatures (for reporting what a damaged note claims).
///
/// The size limit, character rules, blank separator and body format are enforced; the lines
/// after the separator are not looked at, so the result proves nothing.
pub fn parse_unverified(note: &str) -> Result<Checkpoint, CheckpointError> {
    let (text, _signatures) = split_note(note)?;
    parse_body(text)
}

/// Check the note's signatures by our key and return the signed text.
fn verify_note<'a>(
    note: &'a str,
    key_name: &str,
    public: &VerifyingKey,
) -> Result<&'a str, CheckpointError> {
    let (text, signatures) = split_note(note)?;
    let ours = key_id(key_name, public);
    let mut verified = false;
    for line in signature_lines(signatures)? {
        let (name, blob) = line?;
        // Key name and id together identify a key; matching only one of them is someone else's.
        if name != key_name || blob[..4] != ours {
            continue;
        }
        let signature =
            Signature::from_slice(&blob[4..]).map_err(|_| CheckpointError::BadSignature)?;
        // verify_strict also refuses non-canonical signatures and weak keys.
        public
            .verify_strict(text.as_bytes(), &signature)
            .map_err(|_| CheckpointError::BadSignature)?;
        verified = true;
    }
    if verified {
        Ok(text)
    } else {
        Err(CheckpointError::NoSignatureByKey)
    }
}

/// Split a note into its text (with the final newline) and its signature block, after the size
/// and character checks that apply to the whole note.
fn split_note(note: &str) -> Result<(&str, &str), CheckpointError> {
    if note.len() > MAX_NOTE_SIZE {
        return Err(CheckpointError::TooLarge {
            size: note.len(),
            limit: MAX_NOTE_SIZE,
        });
    }
    check_characters(note)?;
    // signed-note: "the text is separated from the signatures by the last empty line".
    let blank = note
        .rfind("\n\n")
        .ok_or_else(|| malformed("no blank line between the checkpoint and its signatures"))?;
    Ok((&note[..=blank], &note[blank + 2..]))
}

/// signed-note: no ASCII control characters other than newline.
fn check_characters(text: &str) -> Result<(), CheckpointError> {
    match text.chars().find(|&c| c < ' ' && c != '\n') {
        None => Ok(()),
        Some('\r') => Err(malformed(
            "carriage return found: lines must end in a bare newline (LF), not CRLF",
        )),
        Some(c) => Err(CheckpointError::Malformed(format!(
            "control character U+{:04X} is not allowed",
            u32::from(c)
        ))),
    }
}

/// Iterate the signature lines of a signature block as `(key name, key id || signature)`,
/// rejecting the block if it is empty, unterminated, or longer than [`MAX_SIGNATURES`] lines.
fn signature_lines(
    block: &str,
) -> Result<impl Iterator<Item = Result<(&str, Vec<u8>), CheckpointError>>, CheckpointError> {
    if block.is_empty() {
        return Err(malformed("no signature lines after the blank line"));
    }
    let lines = block
        .strip_suffix('\n')
        .ok_or_else(|| malformed("the last signature line does not end in a newline"))?;
    if lines.split('\n').count() > MAX_SIGNATURES {
        return Err(CheckpointError::Malformed(format!(
            "more than {MAX_SIGNATURES} signature lines"
        )));
    }
    Ok(lines
        .split('\n')
        .enumerate()
        .map(|(i, line)| parse_signature_line(line).map_err(|e| signature_error(i + 1, e))))
}

fn signature_error(n: usize, msg: &str) -> CheckpointError {
    CheckpointError::Malformed(format!("signature line {n}: {msg}"))
}

fn parse_signature_line(line: &str) -> Result<(&str, Vec<u8>), &'static str> {
    let rest = line
        .strip_prefix(SIG_PREFIX)
        .ok_or("does not start with an em dash (U+2014) and a space")?;
    let (name, b64) = rest
        .split_once(' ')
        .ok_or("expected a key name, a space and a base64 signature")?;
    if !valid_key_name(name) {
        return Err("key name must be non-empty without spaces or '+'");
    }
    let blob = decode_canonical(b64).ok_or("signature is not canonical base64")?;
    // Four bytes of key id and at least one of signature (signed-note).
    if blob.len() < 5 {
        return Err("signature is too short");
    }
    Ok((name, blob))
}

/// signed-note key names: non-empty, no Unicode spaces, no '+'.
fn valid_key_name(name: &str) -> bool {
    !name.is_empty() && !name.chars().any(|c| c.is_whitespace() || c == '+')
}

/// Standard base64 with padding, accepted only in the one form we would write, so a note has a
/// single spelling.
fn decode_canonical(b64: &str) -> Option<Vec<u8>> {
    let bytes = STANDARD.decode(b64).ok()?;
    (STANDARD.encode(&bytes) == b64).then_some(bytes)
}

/// Parse the checkpoint body (tlog-checkpoint "Note text"); `text` ends in a newline.
fn parse_body(text: &str) -> Result<Checkpoint, CheckpointError> {
    let lines = text
        .strip_suffix('\n')
        .ok_or_else(|| malformed("checkpoint body must end in a newline"))?;
    let mut lines = lines.split('\n');
    let origin = lines.next().unwrap_or_default();
    if origin.is_empty() {
        return Err(malformed("origin line is empty"));
    }
    let size = parse_size(
        lines
            .next()
            .ok_or_else(|| malformed("tree size line is missing"))?,
    )?;
    let root_line = lines
        .next()
        .ok_or_else(|| malformed("root hash line is missing"))?;
    let root = decode_canonical(root_line)
        .and_then(|bytes| Hash::try_from(bytes).ok())
        .ok_or_else(|| malformed("root hash must be the canonical base64 of 32 bytes"))?;
    let extensions = lines
        .enumerate()
        .map(|(i, line)| {
            if line.is_empty() {
                Err(CheckpointError::Malformed(format!(
                    "empty line {} in the checkpoint body",
                    i + 4
                )))
            } else {
                Ok(line.to_owned())
            }
        })
        .collect::<Result<_, _>>()?;
    Ok(Checkpoint {
        origin: origin.to_owned(),
        size,
        root,
        extensions,
    })
}

/// tlog-checkpoint tree size: ASCII decimal, no sign, no leading zeros unless it is `0`.
fn parse_size(line: &str) -> Result<u64, CheckpointError> {
    let canonical = !line.is_empty()
        && line.bytes().all(|b| b.is_ascii_digit())
        && (line == "0" || !line.starts_with('0'));
    if !canonical {
        return Err(malformed(
            "tree size must be a decimal number without sign or leading zeros",
        ));
    }
    line.parse()
        .map_err(|_| malformed("tree size is too large"))
}

#[cfg(test)]
mod tests {
    use super::super::merkle::{empty_root, leaf_hash};
    use super::*;
    use rand::{rngs::StdRng, Rng, SeedableRng};

    const NAME: &str = "vault/test";

    fn key(seed: u8) -> SigningKey {
        SigningKey::from_bytes(&[seed; 32])
    }

    fn checkpoint() -> Checkpoint {
        Checkpoint {
            origin: NAME.to_owned(),
            size: 1234,
            root: leaf_hash(b"root"),
            extensions: vec![],
        }
    }

    fn open(note: &str) -> Result<Checkpoint, CheckpointError> {
        open_signed(note, NAME, &key(1).verifying_key())
    }

    fn assert_malformed(result: Result<Checkpoint, CheckpointError>, what: &str) {
        assert!(
            matches!(result, Err(CheckpointError::Malformed(_))),
            "{what}: {result:?}"
        );
    }

    /// `note` with the (ASCII) character at byte `at` replaced by `with`.
    fn replace_at(note: &str, at: usize, with: char) -> String {
        let mut s = note.to_owned();
        s.replace_range(at..at + 1, with.encode_utf8(&mut [0; 4]));
        s
    }

    /// `note` (one signature) with that signature's base64 replaced.
    fn sign_line_replaced(note: &str, b64: &str) -> String {
        let (head, _) = note.trim_end().rsplit_once(' ').unwrap();
        format!("{head} {b64}\n")
    }

    /// Swap one base64 character for another valid one.
    fn other_b64(c: char) -> char {
        if c == 'A' {
            'B'
        } else {
            'A'
        }
    }

    #[test]
    fn body_is_exact() {
        let cp = Checkpoint {
            origin: "example.com/log".into(),
            size: 0,
            root: empty_root(),
            extensions: vec!["ext one".into(), "two".into()],
        };
        assert_eq!(
            cp.body(),
            "example.com/log\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\next one\ntwo\n"
        );
    }

    #[test]
    fn sign_open_round_trip() {
        let k = key(1);
        for cp in [
            checkpoint(),
            Checkpoint {
                origin: "vault/ünïcödé".into(),
                size: u64::MAX,
                root: [0xff; 32],
                extensions: vec!["a".into(), "b c".into()],
            },
            Checkpoint {
                size: 0,
                root: empty_root(),
                ..checkpoint()
            },
        ] {
            cp.validate(NAME).unwrap();
            let note = cp.sign(NAME, &k);
            assert!(note.starts_with(&cp.body()));
            assert!(note.contains("\n\n\u{2014} vault/test "));
            assert_eq!(open(&note).unwrap(), cp);
            assert_eq!(parse_unverified(&note).unwrap(), cp);
        }
    }

    #[test]
    fn validate_catches_what_would_not_open() {
        let k = key(1);
        let bad = [
            Checkpoint {
                origin: String::new(),
                ..checkpoint()
            },
            Checkpoint {
                origin: "a\nb".into(),
                ..checkpoint()
            },
            Checkpoint {
                origin: "a\rb".into(),
                ..checkpoint()
            },
            Checkpoint {
                extensions: vec![String::new()],
                ..checkpoint()
            },
            Checkpoint {
                extensions: vec!["x\n".into()],
                ..checkpoint()
            },
            Checkpoint {
                extensions: vec!["x".repeat(MAX_NOTE_SIZE)],
                ..checkpoint()
            },
        ];
        for cp in bad {
            assert!(cp.validate(NAME).is_err(), "{cp:?}");
            assert!(open(&cp.sign(NAME, &k)).is_err(), "{cp:?}");
        }
        for name in ["", "has space", "has+plus"] {
            assert!(checkpoint().validate(name).is_err());
            let note = checkpoint().sign(name, &k);
            assert!(open_signed(&note, name, &k.verifying_key()).is_err());
        }
    }

    #[test]
    fn go_sumdb_note_vector() {
        // The example of golang.org/x/mod/sumdb/note: Ed25519 is deterministic, so signing the
        // same text with the same key must give the published note byte for byte.
        let vkey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
        let seed = STANDARD
            .decode("AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz")
            .unwrap();
        let k = SigningKey::from_bytes(seed[1..].try_into().unwrap());
        let text = "If you think cryptography is the answer to your problem,\n\
                    then you don't know what your problem is.\n";
        let want = format!(
            "{text}\n\u{2014} PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"
        );
        let (name, public) = parse_verifier_key(vkey).unwrap();
        assert_eq!(name, "PeterNeumann");
        assert_eq!(public, k.verifying_key());
        assert_eq!(verifier_key(&name, &public), vkey);
        assert_eq!(sign_text(text, &name, &k), want);
        assert_eq!(verify_note(&want, &name, &public).unwrap(), text);
        // Not a checkpoint body, so it opens as a note but not as a checkpoint.
        assert_malformed(open_signed(&want, &name, &public), "go note");
    }

    #[test]
    fn verifier_keys() {
        let public = key(1).verifying_key();
        let vkey = verifier_key(NAME, &public);
        assert_eq!(
            parse_verifier_key(&vkey).unwrap(),
            (NAME.to_owned(), public)
        );
        // A key whose base64 holds a '+' (transparency-dev/formats tests).
        parse_verifier_key("TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6").unwrap();

        let (name, id, b64) = {
            let mut parts = vkey.splitn(3, '+');
            (
                parts.next().unwrap(),
                parts.next().unwrap(),
                parts.next().unwrap(),
            )
        };
        let mut ed_type_2 = STANDARD.decode(b64).unwrap();
        ed_type_2[0] = 0x02;
        // The identity point: a valid encoding of a small-order key, with its correct key id.
        let mut identity = [0u8; 32];
        identity[0] = 1;
        let weak = verifier_key(name, &VerifyingKey::from_bytes(&identity).unwrap());
        for bad in [
            String::new(),
            name.to_owned(),
            format!("{name}+{id}"),
            format!("+{id}+{b64}"),
            format!("other+{id}+{b64}"),
            format!("{name}+{}+{b64}", id.to_uppercase()),
            format!("{name}+0{id}+{b64}"),
            format!("{name}+{}+{b64}", &id[1..]),
            format!("{name}+{id}+{}", &b64[..b64.len() - 1]),
            format!("{name}+{id}+{}", STANDARD.encode(&ed_type_2)),
            format!("{name}+{id}+{}", STANDARD.encode([1u8; 2])),
            weak,
            format!("{vkey}\n"),
            format!(" {vkey}"),
        ] {
            assert!(
                matches!(
                    parse_verifier_key(&bad),
                    Err(CheckpointError::BadVerifierKey(_))
                ),
                "{bad:?}"
            );
        }
        // Every truncation is rejected.
        for end in 0..vkey.len() {
            assert!(parse_verifier_key(&vkey[..end]).is_err());
        }
    }

    #[test]
    fn tampering_is_detected() {
        let cp = Checkpoint {
            extensions: vec!["extension".into()],
            ..checkpoint()
        };
        let note = cp.sign(NAME, &key(1));
        let body_len = cp.body().len();
        let size_at = NAME.len() + 1;
        let root_at = size_at + "1234\n".len();
        let ext_at = root_at + 45;

        assert!(matches!(
            open(&replace_at(&note, size_at, '2')),
            Err(CheckpointError::BadSignature)
        ));
        for at in [0, 3, root_at, root_at + 20, ext_at] {
            let c = note[at..].chars().next().unwrap();
            let tampered = replace_at(&note, at, other_b64(c));
            assert!(
                matches!(open(&tampered), Err(CheckpointError::BadSignature)),
                "at {at}"
            );
        }
        // The blob is key id (base64 chars 0..5) then the signature.
        let sig_at = body_len + 1 + SIG_PREFIX.len() + NAME.len() + 1;
        for at in [sig_at, sig_at + 3] {
            let c = note[at..].chars().next().unwrap();
            let tampered = replace_at(&note, at, other_b64(c));
            assert!(
                matches!(open(&tampered), Err(CheckpointError::NoSignatureByKey)),
                "id at {at}"
            );
        }
        for at in [sig_at + 6, sig_at + 40, sig_at + 80] {
            let c = note[at..].chars().next().unwrap();
            let tampered = replace_at(&note, at, other_b64(c));
            assert!(
                matches!(open(&tampered), Err(CheckpointError::BadSignature)),
                "signature at {at}"
            );
        }
    }

    #[test]
    fn own_checkpoints_must_name_their_origin() {
        let public = key(1).verifying_key();
        let note = checkpoint().sign(NAME, &key(1));
        assert_eq!(open_own(&note, NAME, &public).unwrap().size, 1234);
        // Signed by our key under our name, but for another origin.
        let mut other = checkpoint();
        other.origin = "vault/other".into();
        let note = other.sign(NAME, &key(1));
        assert!(open_signed(&note, NAME, &public).is_ok());
        assert!(matches!(
            open_own(&note, NAME, &public),
            Err(CheckpointError::Malformed(_))
        ));
    }

    #[test]
    fn wrong_key_or_name_is_refused() {
        let note = checkpoint().sign(NAME, &key(1));
        assert!(matches!(
            open_signed(&note, NAME, &key(2).verifying_key()),
            Err(CheckpointError::NoSignatureByKey)
        ));
        assert!(matches!(
            open_signed(&note, "vault/other", &key(1).verifying_key()),
            Err(CheckpointError::NoSignatureByKey)
        ));
        // Same name and key id but a signature by another key: ours in name, so it must verify.
        let blob = |note: &str| {
            let (_, b64) = note.trim_end().rsplit_once(' ').unwrap();
            STANDARD.decode(b64).unwrap()
        };
        let mut mixed_blob = blob(&note);
        mixed_blob[4..].copy_from_slice(&blob(&checkpoint().sign(NAME, &key(2)))[4..]);
        let mixed = sign_line_replaced(&note, &STANDARD.encode(mixed_blob));
        assert!(matches!(open(&mixed), Err(CheckpointError::BadSignature)));
    }

    #[test]
    fn foreign_signatures_are_ignored() {
        let cp = checkpoint();
        let ours = cp.sign(NAME, &key(1));
        let witness = cp.sign("witness.example/w1", &key(2));
        let same_name_other_key = cp.sign(NAME, &key(3));
        let line = |note: &str| note[cp.body().len() + 1..].to_owned();
        let note = format!("{}{}{}", ours, line(&witness), line(&same_name_other_key));
        assert_eq!(open(&note).unwrap(), cp);
        let before = format!("{}\n{}{}", cp.body(), line(&witness), line(&ours));
        assert_eq!(open(&before).unwrap(), cp);
        assert_eq!(
            open_signed(&note, "witness.example/w1", &key(2).verifying_key()).unwrap(),
            cp
        );
        // A note signed only by others does not open.
        assert!(matches!(
            open(&format!("{}\n{}", cp.body(), line(&witness))),
            Err(CheckpointError::NoSignatureByKey)
        ));
    }

    #[test]
    fn signature_count_is_bounded() {
        let cp = checkpoint();
        let ours = cp.sign(NAME, &key(1));
        let foreign = &cp.sign("other", &key(2))[cp.body().len() + 1..];
        let note = format!("{ours}{}", foreign.repeat(MAX_SIGNATURES - 1));
        assert_eq!(open(&note).unwrap(), cp);
        assert_malformed(open(&format!("{note}{foreign}")), "101 signatures");
    }

    #[test]
    fn malformed_notes_are_rejected() {
        let k = key(1);
        let good = checkpoint().sign(NAME, &k);
        let root = STANDARD.encode(leaf_hash(b"root"));

        assert_malformed(open(&good.replacen("\n\n", "\n", 1)), "no blank line");
        assert_malformed(open(&good.replace('\n', "\r\n")), "CRLF");
        assert_malformed(open(&good.replacen(NAME, "vault\ttest", 1)), "tab");
        assert_malformed(open(&good.replace('\u{2014}', "-")), "hyphen");
        assert_malformed(open(&good.replace("\u{2014} ", "\u{2014}")), "no space");
        assert_malformed(open(&format!("{good}\n")), "trailing blank line");
        assert_malformed(open(good.trim_end_matches('\n')), "unterminated");
        assert_malformed(open(&format!("{good}junk\n")), "junk line");
        assert_malformed(open(&format!("{good}\u{2014} x AAAA\n")), "short sig");
        assert_malformed(open(&format!("{good}\u{2014} x+y AAAAAAAA\n")), "plus");
        assert_malformed(open(&format!("{good}\u{2014} x AAAAAA=\n")), "base64");
        assert_malformed(open(&format!("{good}\u{2014} x\n")), "no sig");
        assert_malformed(open(""), "empty");
        assert_malformed(open("\n\n"), "blank only");
        assert_malformed(parse_unverified("\n\n"), "blank only");

        // Validly signed bodies that are not valid checkpoints.
        let root_no_pad = root.trim_end_matches('=');
        let short_root = STANDARD.encode([7u8; 31]);
        let long_root = STANDARD.encode([7u8; 33]);
        for body in [
            format!("{NAME}\n0012\n{root}\n"),
            format!("{NAME}\n00\n{root}\n"),
            format!("{NAME}\n+12\n{root}\n"),
            format!("{NAME}\n-1\n{root}\n"),
            format!("{NAME}\n 12\n{root}\n"),
            format!("{NAME}\n1_000\n{root}\n"),
            format!("{NAME}\n\n{root}\n"),
            format!("{NAME}\n18446744073709551616\n{root}\n"),
            format!("{NAME}\n12\n{root_no_pad}\n"),
            format!("{NAME}\n12\n{short_root}\n"),
            format!("{NAME}\n12\n{long_root}\n"),
            format!("{NAME}\n12\nnot base64!\n"),
            format!("{NAME}\n12\n{root} \n"),
            format!("{NAME}\n12\n"),
            format!("{NAME}\n"),
            format!("\n12\n{root}\n"),
            format!("{NAME}\n12\n{root}\n\nextension\n"),
        ] {
            let note = sign_text(&body, NAME, &k);
            assert_malformed(open(&note), &body);
            assert_malformed(parse_unverified(&note), &body);
        }
    }

    #[test]
    fn huge_input_is_refused_before_parsing() {
        let huge = "a\n".repeat(MAX_NOTE_SIZE);
        assert!(matches!(open(&huge), Err(CheckpointError::TooLarge { .. })));
        assert!(matches!(
            parse_unverified(&huge),
            Err(CheckpointError::TooLarge { .. })
        ));
        let padded = format!(
            "{}{}",
            checkpoint().sign(NAME, &key(1)),
            "\u{2014} x AAAAAAAA\n".repeat(MAX_NOTE_SIZE / 10)
        );
        assert!(matches!(
            open(&padded),
            Err(CheckpointError::TooLarge { .. })
        ));
    }

    #[test]
    fn random_mutations_never_panic_nor_forge() {
        let cp = Checkpoint {
            extensions: vec!["ext".into()],
            ..checkpoint()
        };
        let note = cp.sign(NAME, &key(1));
        let witness = &cp.sign("w", &key(2))[cp.body().len() + 1..];
        let note = format!("{note}{witness}");
        let public = key(1).verifying_key();
        let interesting = b"\n\r0 +=/-A\xe2\x80\x94\x00";
        let mut rng = StdRng::seed_from_u64(0x5eed);
        for _ in 0..1200 {
            let mut bytes = note.as_bytes().to_vec();
            for _ in 0..rng.gen_range(1..=3) {
                let at = rng.gen_range(0..bytes.len());
                match rng.gen_range(0..6) {
                    0 => bytes[at] ^= 1 << rng.gen_range(0..8),
                    1 => bytes[at] = interesting[rng.gen_range(0..interesting.len())],
                    2 => bytes.insert(at, interesting[rng.gen_range(0..interesting.len())]),
                    3 => {
                        bytes.remove(at);
                    }
                    4 => bytes.truncate(at),
                    _ => {
                        let end = rng.gen_range(at..bytes.len());
                        let chunk = bytes[at..end].to_vec();
                        bytes.splice(at..at, chunk);
                    }
                }
                if bytes.is_empty() {
                    break;
                }
            }
            let mutated = String::from_utf8_lossy(&bytes);
            let _ = parse_unverified(&mutated);
            // Whatever opens must be exactly what was signed (a mutation may only have hit the
            // witness line, or restored the original).
            if let Ok(opened) = open_signed(&mutated, NAME, &public) {
                assert_eq!(opened, cp, "{mutated:?}");
            }
        }
    }

    #[test]
    fn receipts_survive_email_clients() {
        let cp = Checkpoint {
            origin: NAME.into(),
            size: 42,
            root: [7u8; 32],
            extensions: vec![],
        };
        let note = cp.sign(NAME, &key(1));
        let public = key(1).verifying_key();
        assert_eq!(normalize_receipt(&note), note, "a clean note is unchanged");
        let crlf = note.replace('\n', "\r\n");
        let spaced = note.replace('\n', " \t\n");
        let wrapped = format!("\u{feff}\r\n\n{}\r\n\r\n  \n", crlf.trim_end());
        for variant in [&crlf, &spaced, &wrapped] {
            // The strict reader refuses them (a stored note must be exact) ...
            assert!(open_own(variant, NAME, &public).is_err(), "{variant:?}");
            // ... the receipt reader accepts them, and they say the same.
            assert_eq!(
                open_receipt(variant, NAME, &public).unwrap(),
                cp,
                "{variant:?}"
            );
        }
        // Normalising never makes a signature verify over different text.
        let altered = crlf.replace("\n42\r\n", "\n43\r\n");
        assert_ne!(altered, crlf);
        assert!(matches!(
            open_receipt(&altered, NAME, &public),
            Err(CheckpointError::BadSignature)
        ));
        let other_key = key(2).verifying_key();
        assert!(open_receipt(&crlf, NAME, &other_key).is_err());
        // Huge input is not copied, just refused.
        let huge = "x\r\n".repeat(MAX_NOTE_SIZE * 2);
        assert!(matches!(
            open_receipt(&huge, NAME, &public),
            Err(CheckpointError::TooLarge { .. })
        ));
    }
}
