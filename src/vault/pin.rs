//! The pin file of known vaults, kept outside every vault folder (like SSH's `known_hosts`), so
//! that someone who can write the vault folder cannot also rewrite what this computer remembers
//! about the vault: its signing key (the fingerprint), its master recipient and the newest
//! checkpoint it saw signed (docs/format.md, "Pin file").
//!
//! One line per vault, fields separated by one space:
//!
//! ```text
//! # vault known_vaults v1
//! <vault id> <signing key, base64> <master recipient age1...> <size> <root, base64>
//! ```
//!
//! The file is read with a size bound; a damaged line is reported as a warning and kept as it
//! is when the file is rewritten (nothing is lost); the file is replaced atomically (temporary
//! file, fsync, rename, mode 0600). The library never looks the path up itself: the CLI passes
//! `<user state dir>/known_vaults`.

use std::io::{Read, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use crate::i18n::{FluentValue, Lang};
use crate::{fsutil, Error, Result};

/// File name of the pin file inside the per-user state folder.
pub const PIN_FILE: &str = "known_vaults";
/// Largest pin file read (a line is about 200 bytes: room for thousands of vaults).
pub const MAX_PIN_FILE: u64 = 1 << 20;
const HEADER: &str = "# vault known_vaults v1";

/// What this computer remembers about one vault.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Pin {
    pub vault_id: String,
    /// Base64 of the Ed25519 signing public key (the fingerprint is computed from it).
    pub signing_key: String,
    /// `age1...`.
    pub master_recipient: String,
    /// Size of the newest checkpoint seen signed (0: none yet).
    pub size: u64,
    /// Base64 of its root (empty when `size` is 0).
    pub root: String,
}

impl Pin {
    fn line(&self) -> String {
        let root = if self.root.is_empty() {
            "-"
        } else {
            &self.root
        };
        format!(
            "{} {} {} {} {}",
            self.vault_id, self.signing_key, self.master_recipient, self.size, root
        )
    }

    fn parse(line: &str) -> Option<Pin> {
        let fields: Vec<&str> = line.split(' ').collect();
        let [id, key, recipient, size, root] = fields[..] else {
            return None;
        };
        let plain = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_graphic());
        if ![id, key, recipient, root].into_iter().all(plain) || !recipient.starts_with("age1") {
            return None;
        }
        // Canonical decimal only (no sign, no leading zeros).
        let size_text = size;
        let size: u64 = size_text.parse().ok()?;
        if size.to_string() != size_text {
            return None;
        }
        Some(Pin {
            vault_id: id.to_owned(),
            signing_key: key.to_owned(),
            master_recipient: recipient.to_owned(),
            size,
            root: if root == "-" {
                String::new()
            } else {
                root.to_owned()
            },
        })
    }
}

/// The pin file's contents.
#[derive(Debug, Clone, Default)]
pub struct KnownVaults {
    /// Every line, parsed when it could be.
    lines: Vec<Line>,
    /// One warning per damaged line.
    pub warnings: Vec<PinWarning>,
}

/// Something wrong with the pin file that does not stop the command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PinWarning {
    /// A line that does not parse, or names a vault a second time; it was ignored.
    DamagedLine { line: usize, path: PathBuf },
    /// The pin file could not be written (a read-only home): this computer does not remember
    /// the vault. The error's text in English (for `--json`) and in the process language.
    NotSaved { english: String, text: String },
}

impl PinWarning {
    /// A warning that the pin file could not be saved, from the error that stopped it.
    pub fn not_saved(e: &Error) -> Self {
        PinWarning::NotSaved {
            english: e.text_in(Lang::En),
            text: e.to_string(),
        }
    }

    /// The warning in `lang`.
    pub fn text_in(&self, lang: Lang) -> String {
        let (id, a) = match self {
            PinWarning::DamagedLine { line, path } => (
                "core-pin-damaged-line",
                crate::i18n::args([
                    ("line", FluentValue::from(line.to_string())),
                    ("path", FluentValue::from(path.display().to_string())),
                ]),
            ),
            PinWarning::NotSaved { english, text } => (
                "core-pin-not-saved",
                crate::i18n::args([(
                    "detail",
                    FluentValue::from(if lang == Lang::En {
                        english.clone()
                    } else {
                        text.clone()
                    }),
                )]),
            ),
        };
        crate::i18n::text_in(lang, id, Some(&a))
    }
}

/// In the process language.
impl std::fmt::Display for PinWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text_in(crate::i18n::language()))
    }
}

/// `--json` carries the English text, as it always did.
impl serde::Serialize for PinWarning {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text_in(Lang::En))
    }
}

#[derive(Debug, Clone)]
enum Line {
    Pin(Pin),
    /// A comment, blank or damaged line, kept as it was.
    Other(String),
}

impl KnownVaults {
    /// Reads the pin file; a missing file is an empty one.
    pub fn load(path: &Path) -> Result<KnownVaults> {
        let file = match std::fs::File::open(path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Self::default()),
            Err(e) => return Err(Error::file(path, e)),
        };
        let mut bytes = Vec::new();
        file.take(MAX_PIN_FILE + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| Error::file(path, e))?;
        if bytes.len() as u64 > MAX_PIN_FILE {
            return Err(Error::file(
                path,
                std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!("the pin file is larger than {MAX_PIN_FILE} bytes"),
                ),
            ));
        }
        let text = String::from_utf8_lossy(&bytes);
        let mut known = KnownVaults::default();
        for (n, raw) in text.lines().enumerate() {
            let line = raw.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                known.lines.push(Line::Other(line.to_owned()));
                continue;
            }
            match Pin::parse(line) {
                Some(pin) if known.get(&pin.vault_id).is_none() => known.lines.push(Line::Pin(pin)),
                _ => {
                    known.warnings.push(PinWarning::DamagedLine {
                        line: n + 1,
                        path: path.to_path_buf(),
                    });
                    known.lines.push(Line::Other(line.to_owned()));
                }
            }
        }
        Ok(known)
    }

    /// The pin of a vault.
    pub fn get(&self, vault_id: &str) -> Option<&Pin> {
        self.lines.iter().find_map(|l| match l {
            Line::Pin(p) if p.vault_id == vault_id => Some(p),
            _ => None,
        })
    }

    /// Sets (adds or replaces) the pin of a vault.
    pub fn set(&mut self, pin: Pin) {
        for line in &mut self.lines {
            if let Line::Pin(p) = line {
                if p.vault_id == pin.vault_id {
                    *p = pin;
                    return;
                }
            }
        }
        self.lines.push(Line::Pin(pin));
    }

    /// Writes the file atomically: a new 0600 file beside it, fsync, rename, fsync the folder.
    /// The folder is created (0700) when missing.
    pub fn save(&self, path: &Path) -> Result<()> {
        let dir = fsutil::parent_dir(path);
        fsutil::create_private_dir(dir)?;
        let mut text = String::new();
        if !matches!(self.lines.first(), Some(Line::Other(l)) if l == HEADER) {
            text.push_str(HEADER);
            text.push('\n');
        }
        for line in &self.lines {
            match line {
                Line::Pin(p) => text.push_str(&p.line()),
                Line::Other(l) => text.push_str(l),
            }
            text.push('\n');
        }
        let tmp = temp_name(path);
        let written = (|| {
            let mut f = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(&tmp)?;
            f.write_all(text.as_bytes())?;
            f.sync_all()?;
            std::fs::rename(&tmp, path)
        })();
        if let Err(e) = written {
            let _ = std::fs::remove_file(&tmp);
            return Err(Error::file(path, e));
        }
        // Best effort, as for every new name (see fsutil::write_new_private).
        let _ = fsutil::sync_dir(dir);
        Ok(())
    }
}

fn temp_name(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".tmp-{}", crate::record::new_id()));
    path.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pin(id: &str, size: u64) -> Pin {
        Pin {
            vault_id: id.into(),
            signing_key: "S2V5".into(),
            master_recipient: "age1abc".into(),
            size,
            root: if size == 0 {
                String::new()
            } else {
                "Um9vdA==".into()
            },
        }
    }

    #[test]
    fn pins_round_trip_and_damaged_lines_are_kept_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state").join(PIN_FILE);
        let mut known = KnownVaults::load(&path).unwrap();
        assert!(known.get("a").is_none());
        known.set(pin("a", 0));
        known.set(pin("b", 5));
        known.save(&path).unwrap();
        let mut text = std::fs::read_to_string(&path).unwrap();
        text.push_str("garbage \u{1b}[2J line\nc x age1y notanumber -\n");
        std::fs::write(&path, text).unwrap();
        let mut known = KnownVaults::load(&path).unwrap();
        assert_eq!(known.get("a"), Some(&pin("a", 0)));
        assert_eq!(known.get("b"), Some(&pin("b", 5)));
        assert_eq!(known.warnings.len(), 2, "{:?}", known.warnings);
        known.set(pin("a", 9));
        known.save(&path).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("garbage"), "damaged lines are kept: {text}");
        assert_eq!(
            KnownVaults::load(&path).unwrap().get("a"),
            Some(&pin("a", 9))
        );
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        assert_eq!(
            std::fs::read_dir(path.parent().unwrap()).unwrap().count(),
            1
        );
    }

    #[test]
    fn an_oversized_pin_file_is_refused_without_reading_it_all() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(PIN_FILE);
        std::fs::write(&path, vec![b'#'; (MAX_PIN_FILE + 10) as usize]).unwrap();
        assert!(KnownVaults::load(&path).is_err());
    }

    #[test]
    fn warnings_render_in_both_languages() {
        let e = Error::file(
            "/x/pins",
            std::io::Error::from(std::io::ErrorKind::PermissionDenied),
        );
        for w in [
            PinWarning::DamagedLine {
                line: 3,
                path: "/x/pins".into(),
            },
            PinWarning::not_saved(&e),
        ] {
            let en = w.text_in(Lang::En);
            let es = w.text_in(Lang::Es);
            assert!(en.contains("pin file"), "{en}");
            assert!(
                es.contains("bóvedas conocidas") && !es.contains("pin file"),
                "{es}"
            );
            assert_eq!(serde_json::to_string(&w).unwrap(), format!("{en:?}"));
        }
    }
}
