//! Keyslot management (`vault keyslot list/add/remove`) and crypto-erase (`vault destroy`).
//!
//! Keyslot rules (docs/cli.md): a vault always keeps at least one *passphrase* slot or one
//! *plugin* slot (a hardware key), so neither the last slot nor the last of those can be
//! removed; the slot you unlocked with can be removed only under that rule (so you may remove
//! your passphrase slot while unlocked with a recovery code only if another passphrase or
//! plugin slot remains). A vault that must be opened with its hardware key keeps plugin slots
//! and recovery codes only.
//!
//! Keyslot parameters are part of what the ledger commits to (each slot's `slot_sha256` covers
//! its id, kind, Argon2id parameters, salt and wrapped key). [`slot_commitment`] checks a stored
//! slot against it before the slot is opened or its parameters reused, and new slots are sealed
//! with at least [`kdf::DEFAULT`], never with parameters copied from a slot that fails that
//! check (the downgrade through the recovery code; docs/format.md, "Keyslot check at open").

use std::path::PathBuf;

use serde::Serialize;

use ed25519_dalek::VerifyingKey;

use super::{keyslot_entry, KdfInfo, Unlocked, Vault};
use crate::crypto::kdf::{self, KdfParams};
use crate::crypto::keys::MasterRecipient;
use crate::crypto::keyslot::{Keyslot, SlotKind};
use crate::error::{Conflict, Damage, Input, KeyslotRefusal, NoKeyslot};
use crate::ledger::entry::SlotAction;
use crate::ledger::merkle::{self, Accumulator};
use crate::ledger::{self, checkpoint, Entry};
use crate::secret::Passphrase;
use crate::store::{KeyslotRow, Tx};
use crate::{fsutil, passwords, Error, Result};

/// A keyslot as `vault keyslot list` shows it (nothing secret).
#[derive(Debug, Clone, Serialize)]
pub struct KeyslotInfo {
    pub id: String,
    pub kind: SlotKind,
    /// `null` for a plugin slot (no key derivation).
    pub kdf: Option<KdfInfo>,
    /// The plugin's name of a plugin slot (`yubikey` for age-plugin-yubikey).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plugin: Option<String>,
    /// The ledger leaf that last committed to this slot.
    pub ledger_leaf: u64,
}

/// A new recovery slot and its code (show the code once, then drop it).
pub struct RecoverySlot {
    pub id: String,
    /// The code in canonical form; see [`passwords::format_recovery_code`] for display.
    pub code: Passphrase,
}

/// What `destroy` did.
#[derive(Debug, Clone, Serialize)]
pub struct DestroyOutcome {
    pub path: PathBuf,
    pub keyslots_erased: usize,
}

/// The only passphrase slot (used when a recovery code sets a new passphrase).
pub(crate) fn sole_passphrase_slot(slots: &[KeyslotRow]) -> Result<&KeyslotRow> {
    let mut pass = slots.iter().filter(|s| s.slot.kind == SlotKind::Passphrase);
    match (pass.next(), pass.next()) {
        (Some(one), None) => Ok(one),
        (None, _) => Err(Error::Input(Input::NoPassphraseSlot)),
        (Some(_), Some(_)) => Err(Error::Input(Input::SeveralPassphraseSlots)),
    }
}

/// Fails when the vault was rekeyed after this handle read its master recipient: whatever was
/// just encrypted to the old recipient must not be committed. Call inside the write transaction.
///
/// It also refuses a recipient that the ledger never committed to (genesis or the newest rekey):
/// someone with write access to the vault could otherwise swap in their own key so that new
/// records are encrypted to them.
pub(crate) fn check_recipient(tx: &Tx<'_>, recipient: &MasterRecipient) -> Result<()> {
    if tx.meta_required("master_recipient")? != recipient.to_age_string() {
        return Err(Error::Conflict(Conflict::Rekeyed));
    }
    let bytes = tx
        .recipient_entry()?
        .ok_or(Error::Damage(Damage::NoCreationEntry))?;
    let committed = match Entry::from_bytes(&bytes)? {
        Entry::Genesis {
            master_recipient, ..
        }
        | Entry::Rekey {
            master_recipient, ..
        } => master_recipient,
        _ => return Err(Error::Damage(Damage::LedgerNotGenesis)),
    };
    if committed != recipient.to_age_string() {
        return Err(Error::Damage(Damage::MasterMismatch));
    }
    Ok(())
}

/// Why a stored keyslot is not the one the vault's signed history commits to, or `None` when it
/// is. Runs before any Argon2id derivation with the slot's parameters and before they are
/// reused; reads one ledger entry, the checkpoints above it, and the leaf hashes up to the
/// first signed checkpoint that covers it (usually the one signed in the same transaction).
///
/// A slot passes when:
/// 1. its parameters and salt are ones this program writes ([`Keyslot::check_stored`]);
/// 2. the ledger leaf its row names holds bytes that hash to that leaf's stored hash and parse
///    as an `add` or `replace` keyslot entry for this slot id;
/// 3. that entry's `slot_sha256` is the slot's digest;
/// 4. a checkpoint signed by the vault's signing key covers the leaf, and its root is the
///    Merkle root of the ledger's first `size` leaves as stored.
///
/// [`Keyslot::check_stored`]: crate::crypto::keyslot::Keyslot::check_stored
pub(crate) fn slot_commitment(
    tx: &Tx<'_>,
    row: &KeyslotRow,
    vault_id: &str,
    signing_public: &VerifyingKey,
) -> Result<Option<KeyslotRefusal>> {
    if let Err(e) = row.slot.check_stored() {
        return match e {
            Error::TamperedKeyslot { reason, .. } => Ok(Some(reason)),
            other => Err(other),
        };
    }
    let index = row.leaf_index;
    let Some(leaf) = tx.ledger_row(index)? else {
        return Ok(Some(KeyslotRefusal::LeafMissing { index }));
    };
    if merkle::leaf_hash(&leaf.entry) != leaf.leaf_hash {
        return Ok(Some(KeyslotRefusal::LeafAltered { index }));
    }
    let committed = match Entry::from_bytes(&leaf.entry) {
        Ok(Entry::Keyslot {
            action: SlotAction::Add | SlotAction::Replace,
            slot,
            slot_sha256: Some(digest),
            ..
        }) if slot == row.slot.id => digest,
        _ => return Ok(Some(KeyslotRefusal::NotSlotEntry { index })),
    };
    if committed != row.slot.digest_hex() {
        return Ok(Some(KeyslotRefusal::DigestMismatch));
    }
    // With no checkpoint of this vault left at all (every row deleted or damaged), the signed
    // history cannot vouch for the slot before the unlock; the trust seal checked right after it
    // decides instead (it refuses a ledger other than the one the vault last signed, and any
    // keyslot entry no checkpoint covers). Refusing here would lock the owner out of a vault
    // whose only damage is its checkpoint rows.
    if !signed_checkpoint_covers(tx, index, vault_id, signing_public)?
        && any_signed_checkpoint(tx, vault_id, signing_public)?
    {
        return Ok(Some(KeyslotRefusal::Unsigned { index }));
    }
    Ok(None)
}

/// True when any stored checkpoint row is a note signed by this vault's key.
fn any_signed_checkpoint(
    tx: &Tx<'_>,
    vault_id: &str,
    signing_public: &VerifyingKey,
) -> Result<bool> {
    let origin = ledger::origin(vault_id);
    Ok(tx
        .checkpoints()?
        .iter()
        .any(|(_, note)| checkpoint::open_own(note, &origin, signing_public).is_ok()))
}

/// True when a checkpoint that verifies under `signing_public` has a size above `index` and
/// a root equal to the Merkle root of the stored leaves below that size.
pub(crate) fn signed_checkpoint_covers(
    tx: &Tx<'_>,
    index: u64,
    vault_id: &str,
    signing_public: &VerifyingKey,
) -> Result<bool> {
    let origin = ledger::origin(vault_id);
    let mut acc = Accumulator::new();
    for (size, note) in tx.checkpoints_above(index)? {
        let Ok(cp) = checkpoint::open_own(&note, &origin, signing_public) else {
            continue;
        };
        if cp.size != size {
            continue;
        }
        let mut whole = true;
        tx.for_each_leaf_hash_between(acc.size(), size, |at, hash| {
            // A missing leaf or a malformed hash: no prefix from here on is the signed one.
            match <[u8; 32]>::try_from(hash) {
                Ok(hash) if whole && at == acc.size() => acc.push(hash),
                _ => whole = false,
            }
            Ok(())
        })?;
        if !whole || acc.size() != size {
            return Ok(false);
        }
        if acc.root() == cp.root {
            return Ok(true);
        }
        // A later checkpoint's prefix contains this one: once a prefix differs from what was
        // signed, no later one can match.
        return Ok(false);
    }
    Ok(false)
}

/// The parameters a new keyslot is sealed with: what the caller asked for (checked against
/// the floor), or else at least [`kdf::DEFAULT`], raised to the parameters of `previous` when
/// that slot passed [`slot_commitment`] and asked for more. A slot that failed the check passes
/// nothing on.
pub(crate) fn params_for_new_slot(
    asked: Option<KdfParams>,
    previous: Option<KdfParams>,
) -> Result<KdfParams> {
    let params = match asked {
        Some(p) => p,
        None => previous.map_or(kdf::DEFAULT, |p| kdf::DEFAULT.at_least(p)),
    };
    params.check_floor()?;
    Ok(params)
}

/// The secret a slot of `kind` is sealed under, from what was typed: recovery codes in canonical
/// form. `None` when the text cannot be a recovery code, and for a plugin slot (no text opens
/// it).
pub(crate) fn secret_for(kind: SlotKind, typed: &Passphrase) -> Option<Passphrase> {
    match kind {
        SlotKind::Recovery => passwords::normalize_recovery_code(typed),
        SlotKind::Passphrase => Some(Passphrase::new(typed.expose().to_owned())),
        SlotKind::Plugin => None,
    }
}

fn resolve_slot<'a>(slots: &'a [KeyslotRow], prefix: &str) -> Result<&'a KeyslotRow> {
    let prefix = prefix.trim().to_ascii_lowercase();
    if prefix.is_empty() {
        return Err(Error::Input(Input::NoKeyslotId));
    }
    let matches: Vec<&KeyslotRow> = slots
        .iter()
        .filter(|s| s.slot.id.starts_with(&prefix))
        .collect();
    match matches.as_slice() {
        [one] => Ok(one),
        [] => Err(Error::Input(Input::NoKeyslotMatch {
            prefix: prefix.to_owned(),
        })),
        _ => Err(Error::Input(Input::KeyslotAmbiguous {
            prefix: prefix.to_owned(),
            count: matches.len(),
        })),
    }
}

/// Refuses a removal that would leave neither a passphrase slot nor a plugin slot (which also
/// covers the last slot).
fn check_removal(slots: &[KeyslotRow], id: &str) -> Result<()> {
    if slots.len() <= 1 {
        return Err(Error::Input(Input::LastKeyslot));
    }
    let passphrase_left = slots
        .iter()
        .any(|s| s.slot.id != id && matches!(s.slot.kind, SlotKind::Passphrase | SlotKind::Plugin));
    if !passphrase_left {
        return Err(Error::Input(Input::LastPassphraseSlot));
    }
    Ok(())
}

impl Vault {
    /// Every keyslot's public facts; needs no passphrase.
    pub fn keyslots(&mut self) -> Result<Vec<KeyslotInfo>> {
        let rows = self.store.read(|tx| tx.keyslots())?;
        Ok(rows
            .into_iter()
            .map(|r| KeyslotInfo {
                kdf: (r.slot.kind != SlotKind::Plugin).then(|| r.slot.params.into()),
                plugin: r.slot.plugin_name(),
                id: r.slot.id,
                kind: r.slot.kind,
                ledger_leaf: r.leaf_index,
            })
            .collect())
    }

    /// Crypto-erase: overwrites every keyslot and the wrapped signing key in one transaction, then
    /// rewrites the write-ahead log so no earlier page image of them survives in a file. After
    /// this nothing in the vault can be decrypted, whatever passphrase is known. Needs no
    /// passphrase. Returns how many keyslots were erased.
    pub fn crypto_erase(&mut self) -> Result<usize> {
        let erased = self.scrub_keys()?;
        self.store.overwrite_wal()?;
        Ok(erased)
    }

    fn scrub_keys(&mut self) -> Result<usize> {
        self.store.write(|tx| {
            let n = tx.keyslots().map(|s| s.len()).unwrap_or(0);
            tx.scrub_keys()?;
            // The list cache holds decrypted records encrypted to the master key: drop it too.
            tx.clear_cache()?;
            Ok(n)
        })
    }

    /// `vault destroy`: [`Vault::crypto_erase`] first (fast, whatever the vault's size), then
    /// removes the vault directory. If another process keeps the write-ahead log from being
    /// rewritten, the files are deleted all the same (the keys are already overwritten).
    pub fn destroy(mut self) -> Result<DestroyOutcome> {
        let erased = self.scrub_keys()?;
        let _ = self.store.overwrite_wal();
        let path = self.dir().to_path_buf();
        drop(self);
        std::fs::remove_dir_all(&path).map_err(|e| Error::file(&path, e))?;
        if let Some(parent) = path.parent() {
            let _ = fsutil::sync_dir(parent);
        }
        Ok(DestroyOutcome {
            path,
            keyslots_erased: erased,
        })
    }
}

impl Unlocked {
    /// The id of the keyslot this vault was unlocked with.
    pub fn unlocked_slot(&self) -> &str {
        &self.slot_id
    }

    /// The parameters of the slot this vault was unlocked with (it passed [`slot_commitment`]
    /// at open, so they are the ones the owner chose).
    fn opened_params(&mut self) -> Result<KdfParams> {
        let slots = self.vault.store.read(|tx| tx.keyslots())?;
        slots
            .iter()
            .find(|s| s.slot.id == self.slot_id)
            .map(|s| s.slot.params)
            .ok_or(Error::NoKeyslot(NoKeyslot::OpenedDisappeared))
    }

    /// Adds a recovery slot unlocked by a new 200-bit recovery code (returned once), sealed with
    /// at least the default parameters.
    pub fn add_recovery_slot(&mut self) -> Result<RecoverySlot> {
        let params = params_for_new_slot(None, Some(self.opened_params()?))?;
        let code = passwords::generate_recovery_code();
        let id = self.add_keyslot(SlotKind::Recovery, &code, params)?;
        Ok(RecoverySlot { id, code })
    }

    /// Adds another passphrase slot (strength-checked), sealed with at least the default
    /// parameters.
    pub fn add_passphrase_slot(&mut self, passphrase: &Passphrase) -> Result<String> {
        let params = params_for_new_slot(None, Some(self.opened_params()?))?;
        self.add_keyslot(SlotKind::Passphrase, passphrase, params)
    }

    /// Adds a keyslot wrapped to an age plugin recipient (a hardware key), kept with the plugin
    /// identity that opens it. Before it is kept, the new slot is opened once through the plugin
    /// (the owner may be asked for a PIN or a touch through `callbacks`): a slot the key cannot
    /// open is never added, so the passphrase slots can be removed safely afterwards.
    pub fn add_plugin_slot<C: age::Callbacks>(
        &mut self,
        recipient: &age::plugin::Recipient,
        identity: &age::plugin::Identity,
        callbacks: C,
    ) -> Result<String> {
        let no_match = || {
            Error::Custody(crate::error::Custody::PluginNoMatch {
                plugin: recipient.plugin().to_owned(),
            })
        };
        if recipient.plugin() != identity.plugin() {
            return Err(no_match());
        }
        let slot = Keyslot::seal_plugin(
            crate::record::new_id(),
            &self.master,
            recipient,
            identity,
            callbacks.clone(),
        )?;
        let opened = slot.open_plugin(callbacks)?;
        if opened.recipient().to_age_string() != self.master.recipient().to_age_string() {
            return Err(no_match());
        }
        self.write_signed(|tx| {
            let leaf = tx.append_leaf(&keyslot_entry(&slot, SlotAction::Add).to_bytes())?;
            tx.put_keyslot(&slot, leaf)
        })?;
        Ok(slot.id)
    }

    /// Removes a keyslot by id or unique prefix, within the rules above. The slot is overwritten
    /// before it is deleted, and the write-ahead log is rewritten afterwards. Returns its id.
    pub fn remove_keyslot(&mut self, prefix: &str) -> Result<String> {
        let (removed, _) = self.write_signed(|tx| {
            let slots = tx.keyslots()?;
            let target = resolve_slot(&slots, prefix)?;
            check_removal(&slots, &target.slot.id)?;
            let id = target.slot.id.clone();
            tx.append_leaf(&keyslot_entry(&target.slot, SlotAction::Remove).to_bytes())?;
            tx.delete_keyslot(&id)?;
            Ok(id)
        })?;
        let _ = self.vault.store.overwrite_wal();
        Ok(removed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::kdf::KdfParams;
    use crate::crypto::keys::MasterKey;

    fn row(id: &str, kind: SlotKind) -> KeyslotRow {
        let cheap = KdfParams {
            memory_kib: 64,
            iterations: 1,
            parallelism: 1,
        };
        let slot = Keyslot::seal(
            id.into(),
            kind,
            &MasterKey::generate(),
            &Passphrase::new("x y z w".into()),
            cheap,
        )
        .expect("seal");
        KeyslotRow {
            slot,
            leaf_index: 1,
        }
    }

    #[test]
    fn new_slots_never_inherit_weaker_parameters() {
        let floor = kdf::FLOOR;
        let strong = KdfParams::from_mib(1024, 4, 8).expect("params");
        // Nothing asked: the default, raised to a stronger previous slot, never lowered.
        assert_eq!(params_for_new_slot(None, None).ok(), Some(kdf::DEFAULT));
        assert_eq!(
            params_for_new_slot(None, Some(floor)).ok(),
            Some(kdf::DEFAULT)
        );
        assert_eq!(params_for_new_slot(None, Some(strong)).ok(), Some(strong));
        // Asked explicitly: honoured down to the floor, refused below it.
        assert_eq!(
            params_for_new_slot(Some(floor), Some(strong)).ok(),
            Some(floor)
        );
        let weak = KdfParams::from_mib(32, 3, 4).expect("params");
        assert!(matches!(
            params_for_new_slot(Some(weak), None),
            Err(Error::WeakKdf(_))
        ));
    }

    #[test]
    fn removal_rules() {
        let p1 = row("aa01", SlotKind::Passphrase);
        let p2 = row("bb02", SlotKind::Passphrase);
        let r1 = row("cc03", SlotKind::Recovery);
        assert!(check_removal(std::slice::from_ref(&p1), "aa01").is_err());
        assert!(check_removal(&[p1.clone(), r1.clone()], "aa01").is_err());
        assert!(check_removal(&[p1.clone(), r1.clone()], "cc03").is_ok());
        assert!(check_removal(&[p1.clone(), p2.clone(), r1.clone()], "aa01").is_ok());
        // A hardware-key (plugin) slot counts as a passphrase slot would: the passphrase slots
        // can go while it stays, and it cannot go when only recovery codes would remain.
        let g1 = KeyslotRow {
            slot: Keyslot {
                id: "dd04".into(),
                kind: SlotKind::Plugin,
                params: crate::crypto::keyslot::NO_KDF,
                salt: Vec::new(),
                wrapped: Vec::new(),
            },
            leaf_index: 1,
        };
        assert!(check_removal(&[p1.clone(), g1.clone()], "aa01").is_ok());
        assert!(check_removal(&[p1.clone(), g1.clone(), r1.clone()], "aa01").is_ok());
        assert!(check_removal(&[g1.clone(), r1.clone()], "dd04").is_err());
        assert!(check_removal(&[p1.clone(), g1.clone()], "dd04").is_ok());
        assert!(check_removal(std::slice::from_ref(&g1), "dd04").is_err());
        let all = [p1, p2, r1];
        assert_eq!(
            resolve_slot(&all, "BB").map(|r| r.slot.id.clone()).ok(),
            Some("bb02".into())
        );
        assert!(resolve_slot(&all, "zz").is_err());
        assert!(resolve_slot(&all, "").is_err());
    }
}
