//! Attachment media handling: content sniffing, metadata reading and
//! metadata stripping for export.
//!
//! Attachments are photos, audio and video of incidents. Their embedded
//! metadata (GPS position, camera serial numbers, owner names) can identify
//! the person who recorded them, so the vault
//!
//! * records what metadata an original carries ([`read_metadata`]), so the
//!   user can be warned before sharing, and
//! * removes identifying metadata from images on export
//!   ([`strip_identifying`]), failing closed when it cannot prove the result
//!   is clean.
//!
//! Three concerns, one file each: `sniff` (the type, from content), `metadata` (what a
//! file says about when, where and with what device it was made) and `strip` (copies without
//! it, for export).
//!
//! Every parser here runs on untrusted bytes: no function panics on any input,
//! and malformed files are reported, never propagated as errors from the
//! readers. Container parsing is delegated to maintained crates
//! (`infer`, `nom-exif` for both photos and videos, `img-parts`); the only byte walking
//! done here is the JPEG scan-data walk in `scrub_jpeg_scan_data`, which
//! `img-parts` deliberately does not model.

mod metadata;
mod sniff;
mod strip;

pub use metadata::{read_metadata, read_metadata_from_bytes};
pub use sniff::{sniff_media_type, SNIFF_LEN, UNKNOWN_MEDIA_TYPE};
pub use strip::{strip_identifying, StripError};

use serde::{Deserialize, Serialize};

/// Longest text value kept from metadata; longer values are cut. Metadata is
/// attacker-controllable and ends up in terminal output and JSON.
const MAX_TEXT_CHARS: usize = 256;

/// What [`read_metadata`] found, plus the identifying fields it extracted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MediaMetadata {
    /// Whether metadata was read, absent, or could not be read. Serialized
    /// flattened into this struct: `{"status":"read", "taken_at": ...}` or
    /// `{"status":"unreadable","reason":"...", ...}`.
    #[serde(flatten)]
    pub status: MetadataStatus,
    /// EXIF DateTimeOriginal (with OffsetTimeOriginal if present; falls back
    /// to DateTimeDigitized), or the MP4/MOV creation time. RFC 3339 when an
    /// offset/UTC is known, else "YYYY-MM-DDTHH:MM:SS" local time.
    pub taken_at: Option<String>,
    /// Where the media was recorded, if the file says so.
    pub gps: Option<GpsPosition>,
    /// Camera/phone maker (EXIF Make, QuickTime make).
    pub camera_make: Option<String>,
    /// Camera/phone model (EXIF Model, QuickTime model).
    pub camera_model: Option<String>,
    /// Device serial numbers: BodySerialNumber, LensSerialNumber and the DNG
    /// CameraSerialNumber. Maker-note serials are not decoded.
    pub serial_numbers: Vec<String>,
    /// Person names: CameraOwnerName, Artist, Copyright, XPAuthor, PNG
    /// `Author`/`Copyright` text, QuickTime author.
    pub owner_names: Vec<String>,
    /// Software that wrote the file (EXIF Software, QuickTime software).
    pub software: Option<String>,
}

/// A recorded position in WGS 84 decimal degrees.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GpsPosition {
    /// Degrees north; south is negative.
    pub latitude: f64,
    /// Degrees east; west is negative.
    pub longitude: f64,
    /// Metres above sea level; below is negative.
    pub altitude_m: Option<f64>,
}

/// Outcome of a metadata read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum MetadataStatus {
    /// Metadata was found and parsed. For images the fields may all be empty
    /// when the EXIF block holds nothing we report.
    Read,
    /// The format has no metadata we parse, or the file carries none.
    None,
    /// The file claims a format we parse but is malformed or truncated.
    Unreadable {
        /// Short, sanitized description of what went wrong.
        reason: String,
    },
}

impl MediaMetadata {
    /// Empty metadata with the given status.
    fn with_status(status: MetadataStatus) -> Self {
        MediaMetadata {
            status,
            taken_at: None,
            gps: None,
            camera_make: None,
            camera_model: None,
            serial_numbers: Vec::new(),
            owner_names: Vec::new(),
            software: None,
        }
    }

    fn unreadable(context: &str, err: impl std::fmt::Display) -> Self {
        let reason = clean_text(&format!("{context}: {err}")).unwrap_or_default();
        Self::with_status(MetadataStatus::Unreadable { reason })
    }

    /// Human labels of identifying items present: e.g.
    /// `["GPS position 40.712800, -74.006000", "camera serial number 12345",
    /// "owner name Jane"]`.
    ///
    /// Covers GPS, serial numbers and owner names; camera make/model, time
    /// and software are not listed because they narrow down but do not by
    /// themselves single out a person.
    pub fn identifying(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(gps) = &self.gps {
            out.push(format!(
                "GPS position {:.6}, {:.6}",
                gps.latitude, gps.longitude
            ));
        }
        for serial in &self.serial_numbers {
            out.push(format!("camera serial number {serial}"));
        }
        for owner in &self.owner_names {
            out.push(format!("owner name {owner}"));
        }
        out
    }

    /// True when nothing was extracted into the reported fields.
    fn is_empty(&self) -> bool {
        self.taken_at.is_none()
            && self.gps.is_none()
            && self.camera_make.is_none()
            && self.camera_model.is_none()
            && self.serial_numbers.is_empty()
            && self.owner_names.is_empty()
            && self.software.is_none()
    }
}

/// Lower-cases and drops MIME parameters (`; codecs=...`).
fn normalize_media_type(media_type: &str) -> String {
    media_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// Metadata text is attacker-controlled and shown in terminals and reports:
/// drop control characters (escape sequences, NUL, newlines) and bidi
/// overrides (display spoofing), trim, and cap the length.
fn clean_text(raw: &str) -> Option<String> {
    let cleaned: String = raw
        .chars()
        .filter(|c| !c.is_control() && !is_bidi_control(*c))
        .take(MAX_TEXT_CHARS)
        .collect();
    let trimmed = cleaned.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn push_unique(list: &mut Vec<String>, value: String) {
    if !list.contains(&value) {
        list.push(value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs::File;
    use std::io::Read;
    use std::path::Path;

    use img_parts::jpeg::Jpeg;
    use img_parts::png::Png;
    use img_parts::webp::WebP;
    use img_parts::Bytes;
    use img_parts::ImageICC;

    fn fixture_path(name: &str) -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/media")
            .join(name)
    }

    fn fixture(name: &str) -> Vec<u8> {
        std::fs::read(fixture_path(name)).expect("fixture exists")
    }

    fn sniff(bytes: &[u8]) -> String {
        sniff_media_type(&bytes[..bytes.len().min(SNIFF_LEN)])
    }

    fn contains(haystack: &[u8], needle: &[u8]) -> bool {
        haystack.windows(needle.len()).any(|w| w == needle)
    }

    fn assert_close(actual: f64, expected: f64) {
        assert!(
            (actual - expected).abs() < 1e-4,
            "{actual} is not within 1e-4 of {expected}"
        );
    }

    /// Copies a fixture to a temp file with a misleading name.
    fn misnamed_copy(name: &str, fake_name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("vault-media-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(fake_name);
        std::fs::copy(fixture_path(name), &path).unwrap();
        path
    }

    #[test]
    fn sniffs_from_content_not_name() {
        let cases = [
            ("gps.jpg", "holiday.mp4", "image/jpeg"),
            ("gps.png", "notes.txt", "image/png"),
            ("gps.webp", "image.jpg", "image/webp"),
            ("gps.mp4", "photo.jpg", "video/mp4"),
            ("gps.mov", "clip.mp4", "video/quicktime"),
            ("tone.mp3", "voice.wav", "audio/mpeg"),
        ];
        for (name, fake, expected) in cases {
            let path = misnamed_copy(name, fake);
            let mut head = Vec::new();
            File::open(&path)
                .unwrap()
                .take(SNIFF_LEN as u64)
                .read_to_end(&mut head)
                .unwrap();
            assert_eq!(sniff_media_type(&head), expected, "{name} as {fake}");
            std::fs::remove_file(path).unwrap();
        }
        assert_eq!(sniff(&fixture("garbage.bin")), UNKNOWN_MEDIA_TYPE);
        assert_eq!(sniff_media_type(&[]), UNKNOWN_MEDIA_TYPE);
    }

    #[test]
    fn jpeg_metadata_from_disk() {
        let path = misnamed_copy("gps.jpg", "evidence.txt");
        let meta = read_metadata(&path, "image/jpeg");
        std::fs::remove_file(&path).unwrap();
        assert_eq!(meta.status, MetadataStatus::Read);
        let gps = meta.gps.as_ref().expect("gps");
        assert_close(gps.latitude, 40.7128);
        assert_close(gps.longitude, -74.0060);
        assert_close(gps.altitude_m.expect("altitude"), 10.0);
        assert_eq!(meta.camera_make.as_deref(), Some("Canon"));
        assert_eq!(meta.camera_model.as_deref(), Some("Canon EOS 5D Mark IV"));
        assert_eq!(meta.software.as_deref(), Some("FixtureTool 1.0"));
        assert_eq!(meta.serial_numbers, ["BODY12345678", "LENS9876"]);
        assert_eq!(
            meta.owner_names,
            ["Jane Activist", "Copyright Jane Activist"]
        );
        assert_eq!(meta.taken_at.as_deref(), Some("2024-05-01T14:30:00-04:00"));
        assert_eq!(
            meta,
            read_metadata_from_bytes(&fixture("gps.jpg"), "image/jpeg")
        );
    }

    #[test]
    fn identifying_lists_gps_serial_owner() {
        let meta = read_metadata_from_bytes(&fixture("gps.jpg"), "image/jpeg");
        assert_eq!(
            meta.identifying(),
            [
                "GPS position 40.712800, -74.006000",
                "camera serial number BODY12345678",
                "camera serial number LENS9876",
                "owner name Jane Activist",
                "owner name Copyright Jane Activist",
            ]
        );
        let clean = MediaMetadata::with_status(MetadataStatus::None);
        assert!(clean.identifying().is_empty());
    }

    #[test]
    fn png_exif_southern_eastern_hemisphere() {
        let meta = read_metadata(&fixture_path("gps.png"), "image/png");
        assert_eq!(meta.status, MetadataStatus::Read);
        let gps = meta.gps.as_ref().expect("gps");
        assert_close(gps.latitude, -33.8688);
        assert_close(gps.longitude, 151.2093);
        assert_eq!(gps.altitude_m, None);
        assert_eq!(meta.camera_make.as_deref(), Some("Apple"));
        assert_eq!(meta.serial_numbers, ["PNGSERIAL42"]);
        // EXIF Artist plus the PNG tEXt Author.
        assert_eq!(meta.owner_names, ["Jane PNG Artist", "Jane PNG Author"]);
        assert_eq!(meta.taken_at.as_deref(), Some("2023-12-24T08:15:30"));
    }

    #[test]
    fn webp_exif() {
        let meta = read_metadata(&fixture_path("gps.webp"), "image/webp");
        assert_eq!(meta.status, MetadataStatus::Read);
        let gps = meta.gps.as_ref().expect("gps");
        assert_close(gps.latitude, 51.5074);
        assert_close(gps.longitude, -0.1278);
        assert_eq!(meta.serial_numbers, ["WEBPSERIAL7"]);
        assert_eq!(meta.owner_names, ["Jane WebP Owner"]);
    }

    #[test]
    fn mp4_creation_time_and_gps() {
        let meta = read_metadata(&fixture_path("gps.mp4"), "video/mp4");
        assert_eq!(meta.status, MetadataStatus::Read);
        assert_eq!(meta.taken_at.as_deref(), Some("2024-05-01T18:30:00Z"));
        let gps = meta.gps.as_ref().expect("gps");
        assert_close(gps.latitude, 40.7128);
        assert_close(gps.longitude, -74.0060);
        assert!(meta.identifying()[0].starts_with("GPS position 40.712800, -74.006000"));
        assert_eq!(
            meta,
            read_metadata_from_bytes(&fixture("gps.mp4"), "video/mp4")
        );
    }

    #[test]
    fn mov_quicktime_keys() {
        let meta = read_metadata(&fixture_path("gps.mov"), "video/quicktime");
        assert_eq!(meta.status, MetadataStatus::Read);
        assert_eq!(meta.taken_at.as_deref(), Some("2024-06-02T09:10:11-03:00"));
        let gps = meta.gps.as_ref().expect("gps");
        assert_close(gps.latitude, -22.9068);
        assert_close(gps.longitude, -43.1729);
        assert_eq!(meta.camera_make.as_deref(), Some("Apple"));
        assert_eq!(meta.camera_model.as_deref(), Some("iPhone 15"));
        assert_eq!(meta.software.as_deref(), Some("17.5"));
        assert_eq!(meta.owner_names, ["Jane MOV Author"]);
    }

    #[test]
    fn formats_without_parsed_metadata_are_none() {
        let meta = read_metadata(&fixture_path("tone.mp3"), "audio/mpeg");
        assert_eq!(meta.status, MetadataStatus::None);
        assert!(meta.identifying().is_empty());
        let meta = read_metadata(&fixture_path("garbage.bin"), UNKNOWN_MEDIA_TYPE);
        assert_eq!(meta.status, MetadataStatus::None);
    }

    #[test]
    fn truncated_and_malformed_are_unreadable() {
        for (name, media_type) in [
            ("truncated.jpg", "image/jpeg"),
            ("truncated.mov", "video/quicktime"),
            ("garbage.bin", "image/jpeg"),
            ("garbage.bin", "image/png"),
            ("garbage.bin", "video/mp4"),
        ] {
            let from_disk = read_metadata(&fixture_path(name), media_type);
            assert!(
                matches!(from_disk.status, MetadataStatus::Unreadable { .. }),
                "{name} as {media_type}: {from_disk:?}"
            );
            assert!(from_disk.identifying().is_empty());
            let from_bytes = read_metadata_from_bytes(&fixture(name), media_type);
            assert!(
                matches!(from_bytes.status, MetadataStatus::Unreadable { .. }),
                "{name} as {media_type} (bytes): {from_bytes:?}"
            );
        }
        let missing = read_metadata(Path::new("/nonexistent/vault/file.jpg"), "image/jpeg");
        assert!(matches!(missing.status, MetadataStatus::Unreadable { .. }));
    }

    #[test]
    fn status_serializes_with_snake_case_tag() {
        let meta = read_metadata_from_bytes(&fixture("gps.jpg"), "image/jpeg");
        let json = serde_json::to_value(&meta).unwrap();
        assert_eq!(json["status"], "read");
        assert_eq!(
            json["gps"]["latitude"].as_f64().map(|v| v.round()),
            Some(41.0)
        );
        let back: MediaMetadata = serde_json::from_value(json).unwrap();
        assert_eq!(back, meta);

        let bad = MediaMetadata::unreadable("EXIF", "broken");
        let json = serde_json::to_value(&bad).unwrap();
        assert_eq!(json["status"], "unreadable");
        assert_eq!(json["reason"], "EXIF: broken");
        assert_eq!(serde_json::from_value::<MediaMetadata>(json).unwrap(), bad);
        assert_eq!(
            serde_json::to_value(MetadataStatus::None).unwrap(),
            serde_json::json!({"status": "none"})
        );
    }

    #[test]
    fn text_is_sanitized() {
        assert_eq!(
            clean_text("  Jane\u{1b}[31m\u{202e}Doe\0\n ").as_deref(),
            Some("Jane[31mDoe")
        );
        assert_eq!(clean_text("\0\0\0"), None);
        assert_eq!(clean_text(&"x".repeat(1000)).map(|s| s.len()), Some(256));
    }

    /// Strings written into the fixtures that must not survive stripping.
    const SECRETS: [&str; 10] = [
        "Jane",
        "BODY12345678",
        "LENS9876",
        "PNGSERIAL42",
        "WEBPSERIAL7",
        "Canon",
        "iPhone",
        "Pixel",
        "xmpmeta",
        "FixtureTool",
    ];

    fn assert_no_secrets(out: &[u8]) {
        for secret in SECRETS {
            assert!(
                !contains(out, secret.as_bytes()),
                "{secret:?} survived stripping"
            );
        }
        assert!(!contains(out, b"Exif\0\0"), "EXIF header survived");
        assert!(!contains(out, b"http://ns.adobe.com/xap"), "XMP survived");
    }

    #[test]
    fn strip_jpeg_removes_identifying_metadata() {
        let original = fixture("gps.jpg");
        let out = strip_identifying(&original, "image/jpeg").expect("strip");
        assert_no_secrets(&out);
        assert_eq!(sniff(&out), "image/jpeg");
        let meta = read_metadata_from_bytes(&out, "image/jpeg");
        assert_eq!(meta.status, MetadataStatus::None);
        assert!(meta.identifying().is_empty());
        // Image data intact: same frame header and identical scan data.
        let before = Jpeg::from_bytes(Bytes::from(original.clone())).unwrap();
        let after = Jpeg::from_bytes(Bytes::from(out.clone())).unwrap();
        assert_eq!(after.dimensions(), Some((64, 48)));
        assert_eq!(after.dimensions(), before.dimensions());
        let sos = |j: &Jpeg| j.segments().last().unwrap().clone().encoder().bytes();
        assert_eq!(sos(&before), sos(&after));
        assert!(out.ends_with(&[0xFF, 0xD9]));
        // Idempotent.
        assert_eq!(strip_identifying(&out, "image/jpeg").unwrap(), out);
    }

    #[test]
    fn strip_progressive_jpeg_keeps_icc_and_all_scans() {
        let original = fixture("progressive.jpg");
        let meta = read_metadata_from_bytes(&original, "image/jpeg");
        let gps = meta.gps.as_ref().expect("gps");
        assert_close(gps.latitude, 48.8584);
        assert_close(gps.longitude, 2.2945);
        assert_eq!(meta.owner_names, ["Jane Progressive"]);
        // The EXIF thumbnail is gps.jpg, with all of its own metadata.
        assert!(contains(&original, b"BODY12345678"));

        let out = strip_identifying(&original, "image/jpeg").expect("strip");
        assert_no_secrets(&out);
        let before = Jpeg::from_bytes(Bytes::from(original)).unwrap();
        let after = Jpeg::from_bytes(Bytes::from(out)).unwrap();
        assert!(after.icc_profile().is_some());
        assert_eq!(after.icc_profile(), before.icc_profile());
        // Progressive: several scans and tables follow the first SOS; all
        // of them must be carried over byte for byte.
        let sos = |j: &Jpeg| j.segments().last().unwrap().clone().encoder().bytes();
        let scans = sos(&after);
        assert!(scans.windows(2).filter(|w| w == &[0xFF, 0xDA]).count() > 1);
        assert_eq!(scans, sos(&before));
    }

    #[test]
    fn strip_jpeg_drops_segments_after_first_scan_and_trailers() {
        let original = fixture("gps.jpg");
        assert!(original.ends_with(&[0xFF, 0xD9]));
        // A COM and an APP1 before EOI (legal between scans), then a
        // trailer after EOI like a Motion Photo or vendor trailer.
        let mut doctored = original[..original.len() - 2].to_vec();
        for (marker, payload) in [(0xFE, &b"Jane late comment"[..]), (0xE1, b"Exif\0\0Jane")] {
            doctored.extend_from_slice(&[0xFF, marker]);
            doctored.extend_from_slice(&((payload.len() + 2) as u16).to_be_bytes());
            doctored.extend_from_slice(payload);
        }
        doctored.extend_from_slice(&[0xFF, 0xD9]);
        doctored.extend_from_slice(b"TRAILER Jane ftypmp42");
        let out = strip_identifying(&doctored, "image/jpeg").expect("strip");
        assert_no_secrets(&out);
        assert!(!contains(&out, b"TRAILER"));
        assert!(out.ends_with(&[0xFF, 0xD9]));
        assert_eq!(out, strip_identifying(&original, "image/jpeg").unwrap());
    }

    #[test]
    fn strip_png_removes_identifying_metadata() {
        let original = fixture("gps.png");
        let out = strip_identifying(&original, "image/png").expect("strip");
        assert_no_secrets(&out);
        assert_eq!(sniff(&out), "image/png");
        assert_eq!(
            read_metadata_from_bytes(&out, "image/png").status,
            MetadataStatus::None
        );
        let before = Png::from_bytes(Bytes::from(original)).unwrap();
        let after = Png::from_bytes(Bytes::from(out)).unwrap();
        let kinds: Vec<[u8; 4]> = after.chunks().iter().map(|c| c.kind()).collect();
        assert_eq!(kinds, [*b"IHDR", *b"IDAT", *b"IEND"]);
        assert_eq!(after.dimensions(), Some((16, 16)));
        assert_eq!(
            before.chunk_by_type(*b"IDAT").unwrap().contents(),
            after.chunk_by_type(*b"IDAT").unwrap().contents()
        );
    }

    #[test]
    fn strip_webp_removes_identifying_metadata() {
        let original = fixture("gps.webp");
        let out = strip_identifying(&original, "image/webp").expect("strip");
        assert_no_secrets(&out);
        assert_eq!(sniff(&out), "image/webp");
        assert_eq!(
            read_metadata_from_bytes(&out, "image/webp").status,
            MetadataStatus::None
        );
        let before = WebP::from_bytes(Bytes::from(original)).unwrap();
        let after = WebP::from_bytes(Bytes::from(out)).unwrap();
        assert_eq!(after.dimensions(), Some((16, 16)));
        assert_eq!(
            before.chunk_by_id(*b"VP8 ").unwrap().content(),
            after.chunk_by_id(*b"VP8 ").unwrap().content()
        );
        assert!(!after.has_chunk(*b"EXIF") && !after.has_chunk(*b"XMP "));
    }

    #[test]
    fn strip_unsupported_and_malformed() {
        for (name, media_type) in [
            ("gps.mp4", "video/mp4"),
            ("gps.mov", "video/quicktime"),
            ("tone.mp3", "audio/mpeg"),
            ("garbage.bin", "image/heic"),
        ] {
            match strip_identifying(&fixture(name), media_type) {
                Err(StripError::Unsupported(t)) => assert_eq!(t, media_type),
                other => panic!("{name}: expected Unsupported, got {other:?}"),
            }
        }
        for media_type in ["image/jpeg", "image/png", "image/webp"] {
            assert!(matches!(
                strip_identifying(&fixture("garbage.bin"), media_type),
                Err(StripError::Malformed(_))
            ));
        }
        // Type mismatch: PNG bytes claimed to be JPEG.
        assert!(matches!(
            strip_identifying(&fixture("gps.png"), "image/jpeg"),
            Err(StripError::Malformed(_))
        ));
        // Truncated inside the EXIF segment.
        assert!(strip_identifying(&fixture("truncated.jpg"), "image/jpeg").is_err());
    }

    /// Small deterministic PRNG (xorshift64*), so the mutation test needs no
    /// extra dependency and failures reproduce.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n.max(1) as u64) as usize
        }
    }

    fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
        let mut data = input.to_vec();
        for _ in 0..1 + rng.below(4) {
            match rng.below(6) {
                0 if !data.is_empty() => {
                    let i = rng.below(data.len());
                    data[i] ^= 1 << rng.below(8);
                }
                1 if !data.is_empty() => {
                    let i = rng.below(data.len());
                    data[i] = [0x00, 0xFF, 0x7F, 0x80, 0xFE][rng.below(5)];
                }
                2 => data.truncate(rng.below(data.len() + 1)),
                3 => {
                    let at = rng.below(data.len() + 1);
                    let len = rng.below(16);
                    let junk: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
                    data.splice(at..at, junk);
                }
                4 if data.len() > 1 => {
                    let at = rng.below(data.len());
                    let len = rng.below(data.len() - at).min(64);
                    data.drain(at..at + len);
                }
                _ if data.len() >= 4 => {
                    // Large lengths are the classic parser killer.
                    let i = rng.below(data.len() - 3);
                    data[i..i + 4].copy_from_slice(&[0xFF, 0xFF, 0xFF, 0xF0]);
                }
                _ => {}
            }
        }
        data
    }

    #[test]
    fn random_mutations_never_panic() {
        // Defaults keep `cargo test` fast; raise them for a deeper local run,
        // e.g. MEDIA_FUZZ_ITERATIONS=100000 MEDIA_FUZZ_SEED=7.
        let env = |name: &str, default: u64| {
            std::env::var(name)
                .ok()
                .and_then(|v| v.parse().ok())
                .unwrap_or(default)
        };
        let iterations = env("MEDIA_FUZZ_ITERATIONS", 1000);
        let mut rng = Rng(env("MEDIA_FUZZ_SEED", 0x5eed_1234_abcd_9876).max(1));
        let fixtures = [
            ("gps.jpg", "image/jpeg"),
            ("gps.png", "image/png"),
            ("gps.webp", "image/webp"),
            ("gps.mp4", "video/mp4"),
            ("gps.mov", "video/quicktime"),
            ("progressive.jpg", "image/jpeg"),
            ("truncated.jpg", "image/jpeg"),
        ];
        for (name, media_type) in fixtures {
            let original = fixture(name);
            for _ in 0..iterations {
                let data = mutate(&mut rng, &original);
                let _ = sniff(&data);
                let meta = read_metadata_from_bytes(&data, media_type);
                let _ = meta.identifying();
                if let Ok(out) = strip_identifying(&data, media_type) {
                    // Whatever strip accepts must really be clean.
                    let again = read_metadata_from_bytes(&out, media_type);
                    assert!(again.identifying().is_empty(), "{name}: {again:?}");
                }
            }
        }
        for _ in 0..200 {
            let len = rng.below(2048);
            let data: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
            for media_type in ["image/jpeg", "image/png", "image/webp", "video/mp4"] {
                let _ = read_metadata_from_bytes(&data, media_type);
                let _ = strip_identifying(&data, media_type);
            }
        }
    }
}
