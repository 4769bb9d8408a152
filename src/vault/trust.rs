//! The root of trust that someone who can write the vault folder, without the passphrase,
//! cannot produce (SECURITY.md, adversary 7; docs/format.md, "Trust seal").
//!
//! Everything in `vault.db` is writable by such an attacker, and everything public in it (the
//! master recipient, the signing public key, even a new signing key wrapped to the public master
//! recipient) can be remade by them. What they cannot make is a MAC under a key derived from the
//! master *secret*. The trust seal is such a MAC over:
//!
//! - the identity binding: vault id, hash of the genesis ledger leaf, signing public key and
//!   master recipient (a replaced signing key or rewritten genesis no longer matches), and
//! - the high-water mark: the size and root of the newest checkpoint this vault signed (deleting
//!   checkpoint rows, rewriting covered entries or putting back an older ledger no longer
//!   matches).
//!
//! It is written in the same transaction as every checkpoint the vault signs, and checked before
//! anything is signed. The signing itself ([`super::sign_checkpoint`]) refuses entries that only
//! an unlocked command writes when no checkpoint of this vault covers them: they were forged.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use hkdf::Hkdf;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use zeroize::Zeroizing;

use crate::crypto::keys::MasterKey;
use crate::error::{Crypto, Damage, Tamper};
use crate::ledger::checkpoint;
use crate::ledger::{self, merkle, Entry};
use crate::store::Tx;
use crate::{Error, Result};

/// Metadata key of the trust seal.
pub(crate) const SEAL_META: &str = "trust_seal";
/// Version of the seal scheme written by this program.
pub(crate) const SEAL_VERSION: u32 = 1;
/// HKDF-SHA256 salt and info of the seal key (docs/format.md).
const HKDF_SALT: &[u8] = b"vault-trust-v1";
const HKDF_INFO: &[u8] = b"trust seal";
/// Domain separation of the MAC input.
const MAC_DOMAIN: &[u8] = b"vault-trust-seal-v1";

/// The MAC key: HKDF-SHA256 of the 32-byte master X25519 secret. Zeroized on drop, no `Debug`.
pub(crate) struct TrustKey(Zeroizing<[u8; 32]>);

impl TrustKey {
    /// Derives the key from the master identity's secret scalar.
    pub(crate) fn derive(master: &MasterKey) -> Result<TrustKey> {
        let text = master.to_age_secret();
        let lower = Zeroizing::new(text.to_lowercase());
        let (_, scalar) =
            bech32::decode(&lower).map_err(|_| Error::Damage(Damage::MasterKeyNotAge))?;
        let scalar = Zeroizing::new(scalar);
        let hk = Hkdf::<Sha256>::new(Some(HKDF_SALT), &scalar);
        let mut okm = Zeroizing::new([0u8; 32]);
        hk.expand(HKDF_INFO, okm.as_mut())
            .map_err(|_| Error::Crypto(Crypto::HkdfLength))?;
        Ok(TrustKey(okm))
    }

    fn mac(&self) -> Hmac<Sha256> {
        // HMAC takes a key of any length; 32 bytes cannot fail.
        <Hmac<Sha256> as Mac>::new_from_slice(self.0.as_ref())
            .unwrap_or_else(|_| unreachable!("HMAC accepts any key length"))
    }
}

/// What the vault's metadata and ledger claim about its identity now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Identity {
    pub vault: String,
    /// Hex of the stored leaf hash of ledger leaf 0 (the genesis entry).
    pub genesis: String,
    /// Base64 of the Ed25519 signing public key.
    pub signing_key: String,
    /// `age1...`.
    pub master_recipient: String,
}

impl Identity {
    /// Reads the claims from `tx`: vault id, leaf 0 and signing key from the database, the master
    /// recipient as given (the recipient of the master key in hand).
    pub(crate) fn read(tx: &Tx<'_>, vault_id: &str, master_recipient: String) -> Result<Identity> {
        let genesis = tx
            .leaf_hash_at(0)?
            .map(hex::encode)
            .ok_or(Error::Damage(Damage::NoCreationEntry))?;
        Ok(Identity {
            vault: vault_id.to_owned(),
            genesis,
            signing_key: tx.meta_required("signing_public")?,
            master_recipient,
        })
    }
}

/// The stored seal: the identity binding and the high-water mark, with their MAC.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Seal {
    pub v: u32,
    pub vault: String,
    pub genesis: String,
    pub signing_key: String,
    pub master_recipient: String,
    /// Size of the newest checkpoint the vault signed.
    pub size: u64,
    /// Base64 of its RFC 6962 root.
    pub root: String,
    /// Hex HMAC-SHA256 over the fields above (see [`Seal::message`]).
    pub mac: String,
}

impl Seal {
    /// The MAC input: the domain, then every field as an 8-byte big-endian length and its bytes
    /// (unambiguous whatever the fields hold).
    fn message(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(256);
        let size = self.size.to_string();
        let v = self.v.to_string();
        for field in [
            MAC_DOMAIN,
            v.as_bytes(),
            self.vault.as_bytes(),
            self.genesis.as_bytes(),
            self.signing_key.as_bytes(),
            self.master_recipient.as_bytes(),
            size.as_bytes(),
            self.root.as_bytes(),
        ] {
            out.extend_from_slice(&(field.len() as u64).to_be_bytes());
            out.extend_from_slice(field);
        }
        out
    }

    /// A seal of `identity` at (`size`, `root`) under `key`.
    pub(crate) fn make(
        key: &TrustKey,
        identity: &Identity,
        size: u64,
        root: &merkle::Hash,
    ) -> Seal {
        let mut seal = Seal {
            v: SEAL_VERSION,
            vault: identity.vault.clone(),
            genesis: identity.genesis.clone(),
            signing_key: identity.signing_key.clone(),
            master_recipient: identity.master_recipient.clone(),
            size,
            root: STANDARD.encode(root),
            mac: String::new(),
        };
        let mut mac = key.mac();
        mac.update(&seal.message());
        seal.mac = hex::encode(mac.finalize().into_bytes());
        seal
    }

    /// Parses the stored text (bounded; the attacker may have written it).
    pub(crate) fn parse(text: &str) -> Result<Seal> {
        if text.len() > 4096 {
            return Err(Error::Tamper(Tamper::SealForeign));
        }
        serde_json::from_str(text).map_err(|_| Error::Tamper(Tamper::SealForeign))
    }

    /// True when the MAC is right (constant-time comparison).
    pub(crate) fn authentic(&self, key: &TrustKey) -> bool {
        let Ok(tag) = hex::decode(&self.mac) else {
            return false;
        };
        let mut mac = key.mac();
        mac.update(&self.message());
        self.v == SEAL_VERSION && mac.verify_slice(&tag).is_ok()
    }

    /// The sealed root.
    pub(crate) fn root_hash(&self) -> Option<merkle::Hash> {
        STANDARD.decode(&self.root).ok()?.try_into().ok()
    }

    /// The names of the sealed facts that `identity` contradicts.
    pub(crate) fn mismatches(&self, identity: &Identity) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.vault != identity.vault {
            out.push("vault id");
        }
        if self.genesis != identity.genesis {
            out.push("creation entry");
        }
        if self.signing_key != identity.signing_key {
            out.push("signing key");
        }
        if self.master_recipient != identity.master_recipient {
            out.push("master key");
        }
        out
    }
}

/// The stored seal, checked: `Ok(None)` when there is none (a vault made before seals, or one
/// whose seal was deleted: [`super::sign_checkpoint`] tells them apart by the ledger).
/// A seal whose MAC fails, or that binds another identity, is [`Error::Tamper`].
pub(crate) fn checked_seal(
    tx: &Tx<'_>,
    key: &TrustKey,
    identity: &Identity,
) -> Result<Option<Seal>> {
    let Some(text) = tx.meta(SEAL_META)? else {
        return Ok(None);
    };
    let seal = Seal::parse(&text)?;
    if !seal.authentic(key) {
        return Err(Error::Tamper(Tamper::SealWrongKey));
    }
    let wrong = seal.mismatches(identity);
    if !wrong.is_empty() {
        return Err(Error::Tamper(Tamper::SealIdentity { parts: wrong }));
    }
    Ok(Some(seal))
}

/// Writes the seal at (`size`, `root`) for `identity`.
pub(crate) fn write_seal(
    tx: &Tx<'_>,
    key: &TrustKey,
    identity: &Identity,
    size: u64,
    root: &merkle::Hash,
) -> Result<()> {
    let seal = Seal::make(key, identity, size, root);
    let text = serde_json::to_string(&seal)?;
    tx.set_meta(SEAL_META, &text)
}

/// True for an entry that a command without the passphrase writes (`add`, `attach`): a first
/// revision or an attachment; and the end of travel mode (`travel end` restores the keyslots
/// with the escrow holder's key, not the passphrase; the first unlock signs it). Every other
/// kind is written only by an unlocked command, which signs a checkpoint over it in the same
/// transaction.
pub fn written_without_passphrase(entry: &Entry) -> bool {
    matches!(
        entry,
        Entry::Record { revision: 1, .. }
            | Entry::Attachment { .. }
            | Entry::Travel {
                action: crate::ledger::entry::TravelAction::End,
                ..
            }
    )
}

/// The newest stored checkpoint that counts: its signature by `public` verifies, its size is
/// the one its row claims, and its root is the root of the ledger's first `size` leaves. Rows
/// that fail are ignored here (`verify` reports them). Returns (size, root, note).
pub(crate) fn newest_valid_checkpoint(
    notes: &[(u64, String)],
    leaves: &[merkle::Hash],
    vault_id: &str,
    public: &ed25519_dalek::VerifyingKey,
) -> Option<(u64, merkle::Hash, String)> {
    let origin = ledger::origin(vault_id);
    notes.iter().rev().find_map(|(size, note)| {
        let cp = checkpoint::open_own(note, &origin, public).ok()?;
        if cp.size != *size || cp.size > leaves.len() as u64 {
            return None;
        }
        (merkle::root(&leaves[..cp.size as usize]) == cp.root)
            .then(|| (cp.size, cp.root, note.clone()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn identity() -> Identity {
        Identity {
            vault: "v".into(),
            genesis: "00".into(),
            signing_key: "k".into(),
            master_recipient: "age1x".into(),
        }
    }

    #[test]
    fn a_seal_verifies_only_under_its_own_master_key_and_unchanged() {
        let master = MasterKey::generate();
        let key = TrustKey::derive(&master).unwrap();
        let seal = Seal::make(&key, &identity(), 7, &[1u8; 32]);
        assert!(seal.authentic(&key));
        let other = TrustKey::derive(&MasterKey::generate()).unwrap();
        assert!(!seal.authentic(&other));
        let mut moved = seal.clone();
        moved.size = 6;
        assert!(!moved.authentic(&key));
        let mut swapped = seal.clone();
        swapped.signing_key = "k2".into();
        assert!(!swapped.authentic(&key));
        // Same key derived twice from the same master.
        assert!(seal.authentic(&TrustKey::derive(&master).unwrap()));
    }

    #[test]
    fn mismatches_name_each_fact() {
        let master = MasterKey::generate();
        let key = TrustKey::derive(&master).unwrap();
        let seal = Seal::make(&key, &identity(), 1, &[0u8; 32]);
        let mut other = identity();
        other.signing_key = "x".into();
        other.genesis = "11".into();
        assert_eq!(
            seal.mismatches(&other),
            vec!["creation entry", "signing key"]
        );
        assert!(seal.mismatches(&identity()).is_empty());
    }

    #[test]
    fn a_damaged_seal_text_is_tampering_not_a_panic() {
        for text in ["", "{", "{\"v\":1}", &"x".repeat(10_000)] {
            assert!(matches!(Seal::parse(text), Err(Error::Tamper(_))));
        }
    }
}
