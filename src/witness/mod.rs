//! Counsel as a witness: C2SP `tlog-cosignature` Ed25519 cosignatures (`cosignature/v1`) of the
//! vault's checkpoints, the witness's key files, the witness request the owner hands over (the
//! checkpoint with a consistency proof from the last size the witness cosigned) and the
//! witness's own state (docs/format.md, "Timestamps and cosignatures").
//!
//! A cosignature line is `— <witness name> base64(key id || u64 timestamp || signature)`, where
//! the key id is `SHA-256(<name> || 0x0A || 0x04 || public key)[:4]` and the Ed25519 signature
//! is over `cosignature/v1\ntime <timestamp>\n` followed by the checkpoint's body (its three
//! lines with their final newline).

use std::collections::BTreeMap;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use ed25519_dalek::{Signer, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::error::AnchorFault;
use crate::ledger::checkpoint::{self, Checkpoint};
use crate::ledger::merkle;

/// The signature type byte of a cosignature/v1 key (C2SP tlog-cosignature).
const COSIGNATURE_TYPE: u8 = 0x04;
/// The note signature line prefix: U+2014 EM DASH and a space.
const SIG_PREFIX: &str = "\u{2014} ";
/// First line of a witness request.
const REQUEST_HEADER: &str = "vault witness request v1";
/// First line of a cosignature file.
const COSIGNATURE_HEADER: &str = "vault cosignature v1";
/// The largest request, cosignature, key or state file read.
pub const FILE_MAX: u64 = 1 << 20;

fn bad(detail: impl Into<String>) -> AnchorFault {
    AnchorFault::BadCosignature {
        detail: detail.into(),
    }
}

/// `SHA-256(name || "\n" || 0x04 || public)[:4]`.
pub fn key_id(name: &str, public: &VerifyingKey) -> [u8; 4] {
    let d = Sha256::new()
        .chain_update(name.as_bytes())
        .chain_update([b'\n', COSIGNATURE_TYPE])
        .chain_update(public.as_bytes())
        .finalize();
    [d[0], d[1], d[2], d[3]]
}

fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| !c.is_whitespace() && !c.is_control() && c != '+')
}

/// A witness's public key as a C2SP vkey: `<name>+<hex key id>+<base64(0x04 || key)>`.
pub fn vkey(name: &str, public: &VerifyingKey) -> String {
    let mut typed = vec![COSIGNATURE_TYPE];
    typed.extend_from_slice(public.as_bytes());
    format!(
        "{name}+{}+{}",
        hex::encode(key_id(name, public)),
        STANDARD.encode(typed)
    )
}

/// Parses a vkey made by [`vkey`] (whitespace around it is ignored).
pub fn parse_vkey(text: &str) -> Result<(String, VerifyingKey), AnchorFault> {
    let text = text.trim();
    let mut parts = text.splitn(3, '+');
    let (Some(name), Some(id), Some(key)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(bad("a witness key is <name>+<key id>+<key>"));
    };
    let typed = STANDARD
        .decode(key)
        .map_err(|_| bad("the witness key is not base64"))?;
    let (Some(&COSIGNATURE_TYPE), Ok(bytes)) = (
        typed.first(),
        <[u8; 32]>::try_from(typed.get(1..).unwrap_or_default()),
    ) else {
        return Err(bad("not an Ed25519 cosignature/v1 key (type 0x04)"));
    };
    let public = VerifyingKey::from_bytes(&bytes).map_err(|_| bad("not an Ed25519 key"))?;
    if !valid_name(name) || public.is_weak() || hex::encode(key_id(name, &public)) != id {
        return Err(bad("the key id does not match the name and key"));
    }
    Ok((name.to_owned(), public))
}

/// A witness's secret key (counsel's `vault keygen --witness` file). Never printed.
pub struct WitnessKey {
    pub name: String,
    key: SigningKey,
}

impl WitnessKey {
    /// A new random key named `name`.
    pub fn generate(name: &str) -> Result<WitnessKey, AnchorFault> {
        if !valid_name(name) {
            return Err(bad("a witness name has no spaces and no '+'"));
        }
        Ok(WitnessKey {
            name: name.to_owned(),
            key: SigningKey::generate(&mut rand::rngs::OsRng),
        })
    }

    /// The key file text: `PRIVATE+KEY+<name>+<hex key id>+<base64(0x04 || seed)>` and a
    /// newline (zeroized when dropped).
    pub fn file_text(&self) -> Zeroizing<String> {
        let mut typed = Zeroizing::new(vec![COSIGNATURE_TYPE]);
        typed.extend_from_slice(self.key.as_bytes());
        Zeroizing::new(format!(
            "PRIVATE+KEY+{}+{}+{}\n",
            self.name,
            hex::encode(key_id(&self.name, &self.key.verifying_key())),
            STANDARD.encode(typed.as_slice())
        ))
    }

    /// Reads a key file made by [`WitnessKey::file_text`].
    pub fn parse(text: &str) -> Result<WitnessKey, AnchorFault> {
        let rest = text
            .trim()
            .strip_prefix("PRIVATE+KEY+")
            .ok_or_else(|| bad("not a witness key file"))?;
        let mut parts = rest.splitn(3, '+');
        let (Some(name), Some(id), Some(key)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(bad("not a witness key file"));
        };
        let typed = Zeroizing::new(STANDARD.decode(key).map_err(|_| bad("not base64"))?);
        let seed: Zeroizing<[u8; 32]> = Zeroizing::new(
            typed
                .get(1..)
                .and_then(|s| s.try_into().ok())
                .filter(|_| typed.first() == Some(&COSIGNATURE_TYPE))
                .ok_or_else(|| bad("not an Ed25519 cosignature/v1 key"))?,
        );
        let key = SigningKey::from_bytes(&seed);
        if hex::encode(key_id(name, &key.verifying_key())) != id || !valid_name(name) {
            return Err(bad("the key id does not match the name and key"));
        }
        Ok(WitnessKey {
            name: name.to_owned(),
            key,
        })
    }

    /// The public key as a vkey.
    pub fn vkey(&self) -> String {
        vkey(&self.name, &self.key.verifying_key())
    }

    /// The cosignature line of `body` (a checkpoint body) at `time` (seconds since 1970).
    pub fn cosign(&self, body: &str, time: u64) -> String {
        let sig = self.key.sign(signed_message(body, time).as_bytes());
        let mut blob = Vec::with_capacity(76);
        blob.extend_from_slice(&key_id(&self.name, &self.key.verifying_key()));
        blob.extend_from_slice(&time.to_be_bytes());
        blob.extend_from_slice(&sig.to_bytes());
        format!("{SIG_PREFIX}{} {}", self.name, STANDARD.encode(blob))
    }
}

fn signed_message(body: &str, time: u64) -> String {
    format!("cosignature/v1\ntime {time}\n{body}")
}

/// Checks a cosignature line over `body` by the witness `name`/`public`; returns its time.
pub fn verify_line(
    line: &str,
    body: &str,
    name: &str,
    public: &VerifyingKey,
) -> Result<u64, AnchorFault> {
    let rest = line
        .strip_prefix(SIG_PREFIX)
        .and_then(|r| r.strip_prefix(name))
        .and_then(|r| r.strip_prefix(' '))
        .ok_or_else(|| bad("not a cosignature line by this witness"))?;
    let blob = STANDARD
        .decode(rest)
        .map_err(|_| bad("the cosignature is not base64"))?;
    if blob.len() != 76 || blob[..4] != key_id(name, public) {
        return Err(bad("not a cosignature by this witness key"));
    }
    let mut t = [0u8; 8];
    t.copy_from_slice(&blob[4..12]);
    let time = u64::from_be_bytes(t);
    let sig = ed25519_dalek::Signature::from_slice(&blob[12..])
        .map_err(|_| bad("malformed signature"))?;
    public
        .verify_strict(signed_message(body, time).as_bytes(), &sig)
        .map_err(|_| AnchorFault::BadSignature)?;
    Ok(time)
}

/// What the owner hands the witness: the vault's checkpoint, its key, and a consistency proof
/// from the last size the witness cosigned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WitnessRequest {
    /// The vault's signing key as a signed-note verifier key (`vault/<id>+<id>+<key>`).
    pub vault_key: String,
    /// The size the proof starts from (0: no proof).
    pub from: u64,
    pub proof: Vec<merkle::Hash>,
    /// The checkpoint note, byte for byte.
    pub note: String,
}

impl WitnessRequest {
    /// The file text:
    /// `vault witness request v1\nkey <vkey>\nfrom <size>\nproof <base64>\n...\n\n<note>`.
    pub fn to_text(&self) -> String {
        let mut out = format!(
            "{REQUEST_HEADER}\nkey {}\nfrom {}\n",
            self.vault_key, self.from
        );
        for h in &self.proof {
            out.push_str(&format!("proof {}\n", STANDARD.encode(h)));
        }
        out.push('\n');
        out.push_str(&self.note);
        out
    }

    /// Reads [`WitnessRequest::to_text`] (line ends normalized as receipts are).
    pub fn parse(text: &str) -> Result<WitnessRequest, AnchorFault> {
        let text = text.replace("\r\n", "\n");
        let (head, note) = text
            .split_once("\n\n")
            .ok_or_else(|| bad("not a witness request"))?;
        let mut lines = head.lines();
        if lines.next() != Some(REQUEST_HEADER) {
            return Err(bad("not a witness request"));
        }
        let (mut key, mut from, mut proof) = (None, None, Vec::new());
        for line in lines {
            match line.split_once(' ') {
                Some(("key", k)) => key = Some(k.to_owned()),
                Some(("from", f)) => from = f.parse().ok(),
                Some(("proof", p)) => {
                    let h: merkle::Hash =
                        STANDARD
                            .decode(p)
                            .ok()
                            .and_then(|b| b.try_into().ok())
                            .ok_or_else(|| bad("a proof hash is not 32 bytes of base64"))?;
                    proof.push(h);
                }
                _ => return Err(bad("unknown line in the witness request")),
            }
        }
        Ok(WitnessRequest {
            vault_key: key.ok_or_else(|| bad("the witness request names no key"))?,
            from: from.ok_or_else(|| bad("the witness request names no size"))?,
            proof,
            note: checkpoint::normalize_receipt(note),
        })
    }
}

/// A cosignature as the witness hands it back: its key and the checkpoint with the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CosignatureFile {
    /// The witness's vkey.
    pub witness: String,
    /// The cosignature line.
    pub line: String,
    /// The checkpoint note cosigned (without the line).
    pub note: String,
}

impl CosignatureFile {
    /// `vault cosignature v1\nwitness <vkey>\n\n<note><line>\n`: the note with the cosignature
    /// added as one more signature line (a cosigned checkpoint as C2SP shows it).
    pub fn to_text(&self) -> String {
        format!(
            "{COSIGNATURE_HEADER}\nwitness {}\n\n{}{}\n",
            self.witness, self.note, self.line
        )
    }

    pub fn parse(text: &str) -> Result<CosignatureFile, AnchorFault> {
        let text = text.replace("\r\n", "\n");
        let rest = text
            .strip_prefix(COSIGNATURE_HEADER)
            .and_then(|r| r.strip_prefix("\nwitness "))
            .ok_or_else(|| bad("not a cosignature file"))?;
        let (witness, signed) = rest
            .split_once("\n\n")
            .ok_or_else(|| bad("not a cosignature file"))?;
        let (name, _) = parse_vkey(witness)?;
        let prefix = format!("{SIG_PREFIX}{name} ");
        let signed = signed.trim_end_matches('\n');
        let (note, line) = signed
            .rsplit_once('\n')
            .filter(|(_, l)| l.starts_with(&prefix))
            .ok_or_else(|| bad("the last line is not the witness's cosignature"))?;
        Ok(CosignatureFile {
            witness: witness.trim().to_owned(),
            line: line.to_owned(),
            note: format!("{note}\n"),
        })
    }
}

/// What a witness remembers of each vault it cosigned: by origin, the vault's key and the
/// largest checkpoint it cosigned (kept in `<key file>.state`, JSON).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct WitnessState {
    pub logs: BTreeMap<String, Seen>,
}

/// The last checkpoint cosigned for one vault.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Seen {
    /// The vault's signing key (verifier key text).
    pub key: String,
    pub size: u64,
    /// Base64 root hash.
    pub root: String,
}

/// The witness's decision (C2SP tlog-witness): checks the request's checkpoint with the vault
/// key, refuses a key other than the one seen before for this origin, and refuses a checkpoint
/// that is not consistent with the last one cosigned (smaller, same size with another root, or
/// a consistency proof that does not verify). On success returns the checkpoint and the state
/// updated to it; the caller cosigns and saves the state.
pub fn decide(
    request: &WitnessRequest,
    state: &WitnessState,
) -> Result<(Checkpoint, WitnessState), AnchorFault> {
    let (key_name, public) =
        checkpoint::parse_verifier_key(request.vault_key.trim()).map_err(|e| bad(e.to_string()))?;
    let cp =
        checkpoint::open_own(&request.note, &key_name, &public).map_err(|e| bad(e.to_string()))?;
    if let Some(seen) = state.logs.get(&cp.origin) {
        if seen.key != request.vault_key.trim() {
            return Err(bad(
                "the vault's key is not the one this witness saw before",
            ));
        }
        let old_root: merkle::Hash = STANDARD
            .decode(&seen.root)
            .ok()
            .and_then(|b| b.try_into().ok())
            .ok_or_else(|| bad("the witness state is damaged"))?;
        let inconsistent = AnchorFault::Inconsistent {
            previous: seen.size,
            size: cp.size,
        };
        let consistent = match cp.size.cmp(&seen.size) {
            std::cmp::Ordering::Less => false,
            std::cmp::Ordering::Equal => cp.root == old_root,
            std::cmp::Ordering::Greater if request.from != seen.size => {
                return Err(AnchorFault::ProofFrom {
                    from: request.from,
                    needed: seen.size,
                });
            }
            std::cmp::Ordering::Greater => {
                merkle::verify_consistency(seen.size, cp.size, &old_root, &cp.root, &request.proof)
                    .is_ok()
            }
        };
        if !consistent {
            return Err(inconsistent);
        }
    }
    let mut next = state.clone();
    next.logs.insert(
        cp.origin.clone(),
        Seen {
            key: request.vault_key.trim().to_owned(),
            size: cp.size,
            root: STANDARD.encode(cp.root),
        },
    );
    Ok((cp, next))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_file_and_vkey_round_trip_and_a_cosignature_verifies_only_over_its_body() {
        let k = WitnessKey::generate("counsel.example/w1").unwrap();
        let again = WitnessKey::parse(&k.file_text()).unwrap();
        assert_eq!(again.vkey(), k.vkey());
        let (name, public) = parse_vkey(&k.vkey()).unwrap();
        let body = "vault/ab\n3\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n";
        let line = k.cosign(body, 1_700_000_000);
        assert_eq!(verify_line(&line, body, &name, &public), Ok(1_700_000_000));
        let other = body.replace("\n3\n", "\n4\n");
        assert!(verify_line(&line, &other, &name, &public).is_err());
        let stranger = WitnessKey::generate("counsel.example/w1").unwrap();
        let (_, stranger_public) = parse_vkey(&stranger.vkey()).unwrap();
        assert!(verify_line(&line, body, &name, &stranger_public).is_err());
        assert!(WitnessKey::parse("PRIVATE+KEY+x+00000000+AAAA").is_err());
    }

    #[test]
    fn the_signed_message_is_the_c2sp_one() {
        assert_eq!(
            signed_message("o\n1\nr\n", 7),
            "cosignature/v1\ntime 7\no\n1\nr\n"
        );
    }
}
