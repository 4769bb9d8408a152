//! Counsel's list of trusted senders: the signing-key fingerprints of the activists whose
//! bundles counsel receives, each under a name, like SSH's `known_hosts`.
//!
//! A bundle proves only that it was signed by *some* key; its manifest can claim any vault id.
//! The fingerprint is what ties the key to a person (read out by phone or in person). Once a
//! fingerprint is trusted, the vault id it signs for is bound to it the first time a bundle
//! from it verifies (or at once with `--vault-id`): from then on a bundle that claims that
//! vault id under any other key is refused as a changed sender.
//!
//! The file lives outside any vault folder, in the per-user state folder the command line
//! chooses (`trusted-senders.json`); this module takes its path as an argument. Format:
//! `{"format": "vault-trusted-senders/1", "senders": [{"fingerprint", "name", "vault_id",
//! "added"}]}` (docs/bundle-format.md, section 8).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::files::{read_bounded, MAX_TRUST_FILE};
use super::Error as BundleError;
use crate::{fsutil, Error, Result};

/// The format tag of the trust file.
pub const TRUST_FORMAT: &str = "vault-trusted-senders/1";

/// The file name inside the per-user state folder.
pub const TRUST_FILE_NAME: &str = "trusted-senders.json";

/// Longest name counsel can give a sender.
const MAX_NAME_CHARS: usize = 200;

/// One trusted sender.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrustedSender {
    /// Six groups of five digits, as [`normalize_fingerprint`] writes them.
    pub fingerprint: String,
    /// Who counsel says this is.
    pub name: String,
    /// The vault id this key signs for, once known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vault_id: Option<String>,
    /// When it was added (UTC, RFC 3339).
    pub added: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileForm {
    format: String,
    senders: Vec<TrustedSender>,
}

/// The trust file, loaded.
#[derive(Debug, Clone)]
pub struct TrustedSenders {
    path: PathBuf,
    senders: Vec<TrustedSender>,
}

/// Where a bundle's signing key stands in the trust file.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Standing {
    /// No trust file was consulted.
    NotChecked,
    /// The fingerprint is trusted under `name`.
    Trusted { name: String },
    /// Neither the fingerprint nor the vault id is known.
    Unknown,
    /// The vault id (or the key) is known, with another fingerprint (or vault id): someone else
    /// signed this bundle.
    Changed {
        name: String,
        trusted_fingerprint: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        trusted_vault_id: Option<String>,
    },
}

/// `12345 67890 ...`: the 30 digits of a fingerprint in six groups of five. Spaces, dashes and
/// dots people type between digits are ignored; anything else is refused.
pub fn normalize_fingerprint(text: &str) -> Result<String> {
    let mut digits = String::new();
    for c in text.trim().chars() {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '-' | '.' | '\t' => {}
            _ => return Err(BundleError::BadFingerprint.into()),
        }
    }
    if digits.len() != 30 {
        return Err(BundleError::BadFingerprint.into());
    }
    Ok(digits
        .as_bytes()
        .chunks(5)
        .map(|c| std::str::from_utf8(c).unwrap_or_default())
        .collect::<Vec<_>>()
        .join(" "))
}

fn valid_vault_id(id: &str) -> bool {
    id.len() == 32
        && id
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
}

impl TrustedSenders {
    /// Loads the file at `path`; a missing file is an empty list.
    pub fn load(path: &Path) -> Result<Self> {
        let senders = match std::fs::symlink_metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err(Error::file(path, e)),
            Ok(_) => {
                let bytes = read_bounded(path, MAX_TRUST_FILE)?;
                let form: FileForm =
                    serde_json::from_slice(&bytes).map_err(|e| BundleError::BadTrustFile {
                        path: path.to_path_buf(),
                        detail: e.to_string(),
                    })?;
                if form.format != TRUST_FORMAT {
                    return Err(BundleError::TrustFileFormat {
                        path: path.to_path_buf(),
                    }
                    .into());
                }
                form.senders
            }
        };
        Ok(TrustedSenders {
            path: path.to_path_buf(),
            senders,
        })
    }

    /// Every trusted sender.
    pub fn senders(&self) -> &[TrustedSender] {
        &self.senders
    }

    /// Where `fingerprint` (computed from the bundle's key, never the claimed one) signing for
    /// `vault_id` stands.
    pub fn standing(&self, vault_id: &str, fingerprint: &str) -> Standing {
        if let Some(s) = self
            .senders
            .iter()
            .find(|s| s.vault_id.as_deref() == Some(vault_id))
        {
            if s.fingerprint == fingerprint {
                return Standing::Trusted {
                    name: s.name.clone(),
                };
            }
            return Standing::Changed {
                name: s.name.clone(),
                trusted_fingerprint: s.fingerprint.clone(),
                trusted_vault_id: s.vault_id.clone(),
            };
        }
        match self.senders.iter().find(|s| s.fingerprint == fingerprint) {
            None => Standing::Unknown,
            Some(s) if s.vault_id.is_none() => Standing::Trusted {
                name: s.name.clone(),
            },
            // The trusted key signs for another vault id: this bundle's claim is not the vault
            // counsel knows under that name.
            Some(s) => Standing::Changed {
                name: s.name.clone(),
                trusted_fingerprint: s.fingerprint.clone(),
                trusted_vault_id: s.vault_id.clone(),
            },
        }
    }

    /// Trusts `fingerprint` under `name` (optionally for `vault_id`). Replaces an entry with the
    /// same fingerprint; refuses to trust a second key for a vault id already bound to another.
    pub fn add(&mut self, fingerprint: &str, name: &str, vault_id: Option<&str>) -> Result<()> {
        let fingerprint = normalize_fingerprint(fingerprint)?;
        let name = name.trim();
        if name.is_empty()
            || name.chars().count() > MAX_NAME_CHARS
            || name.chars().any(char::is_control)
        {
            return Err(BundleError::BadSenderName {
                max: MAX_NAME_CHARS,
            }
            .into());
        }
        if let Some(id) = vault_id {
            if !valid_vault_id(id) {
                return Err(BundleError::BadVaultId.into());
            }
            if let Some(other) = self
                .senders
                .iter()
                .find(|s| s.vault_id.as_deref() == Some(id) && s.fingerprint != fingerprint)
            {
                return Err(BundleError::VaultTrustedOtherKey {
                    id: id.to_owned(),
                    fingerprint: other.fingerprint.clone(),
                    path: self.path.clone(),
                }
                .into());
            }
        }
        let previous_id = self
            .senders
            .iter()
            .find(|s| s.fingerprint == fingerprint)
            .and_then(|s| s.vault_id.clone());
        self.senders.retain(|s| s.fingerprint != fingerprint);
        self.senders.push(TrustedSender {
            fingerprint,
            name: name.to_owned(),
            vault_id: vault_id.map(str::to_owned).or(previous_id),
            added: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        });
        Ok(())
    }

    /// Records that the trusted `fingerprint` signs for `vault_id`, when not yet known. Returns
    /// true when something changed (the file then needs saving).
    pub fn bind(&mut self, fingerprint: &str, vault_id: &str) -> bool {
        if !valid_vault_id(vault_id)
            || self
                .senders
                .iter()
                .any(|s| s.vault_id.as_deref() == Some(vault_id))
        {
            return false;
        }
        match self
            .senders
            .iter_mut()
            .find(|s| s.fingerprint == fingerprint && s.vault_id.is_none())
        {
            Some(s) => {
                s.vault_id = Some(vault_id.to_owned());
                true
            }
            None => false,
        }
    }

    /// Writes the file: a new private file beside it, synced, then renamed over it.
    pub fn save(&self) -> Result<()> {
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            fsutil::create_private_dir(dir)?;
        }
        let form = FileForm {
            format: TRUST_FORMAT.into(),
            senders: self.senders.clone(),
        };
        let mut json =
            serde_json::to_vec_pretty(&form).map_err(|e| BundleError::TrustFileWrite {
                detail: e.to_string(),
            })?;
        json.push(b'\n');
        let mut tmp = self.path.clone().into_os_string();
        tmp.push(".new");
        let tmp = PathBuf::from(tmp);
        // A leftover from an interrupted save holds nothing the real file does not.
        match std::fs::remove_file(&tmp) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(Error::file(&tmp, e)),
            _ => {}
        }
        fsutil::write_new_private(&tmp, &json)?;
        std::fs::rename(&tmp, &self.path).map_err(|e| Error::file(&self.path, e))?;
        let _ = fsutil::sync_parent(&self.path);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FP: &str = "04561 46287 45811 42252 45019 28186";
    const ID: &str = "7e859e5f8bcd7fa4df61c6849e251cf2";
    const OTHER: &str = "11111 22222 33333 44444 55555 66666";

    #[test]
    fn fingerprints_normalize_and_garbage_is_refused() {
        assert_eq!(
            normalize_fingerprint("045614628745811-42252.45019 28186").unwrap(),
            FP
        );
        assert!(normalize_fingerprint("04561 46287").is_err());
        assert!(normalize_fingerprint("04561 46287 45811 42252 45019 2818x").is_err());
    }

    #[test]
    fn trust_binds_the_vault_id_and_a_changed_key_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state").join(TRUST_FILE_NAME);
        let mut t = TrustedSenders::load(&path).unwrap();
        assert_eq!(t.standing(ID, FP), Standing::Unknown);
        t.add(FP, "Ana", None).unwrap();
        assert_eq!(t.standing(ID, FP), Standing::Trusted { name: "Ana".into() });
        assert!(t.bind(FP, ID));
        t.save().unwrap();
        let t = TrustedSenders::load(&path).unwrap();
        assert!(matches!(t.standing(ID, OTHER), Standing::Changed { .. }));
        assert_eq!(t.standing(ID, FP), Standing::Trusted { name: "Ana".into() });
        assert!(matches!(
            t.standing("00000000000000000000000000000000", FP),
            Standing::Changed { .. }
        ));
        assert_eq!(
            t.standing("00000000000000000000000000000000", OTHER),
            Standing::Unknown
        );
    }

    #[test]
    fn a_second_key_for_a_bound_vault_id_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let mut t = TrustedSenders::load(&dir.path().join("t.json")).unwrap();
        t.add(FP, "Ana", Some(ID)).unwrap();
        assert!(t.add(OTHER, "Mallory", Some(ID)).is_err());
        assert!(t.add(FP, "Ana\x1b[2J", None).is_err());
    }
}
