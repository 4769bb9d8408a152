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
//! Every parser here runs on untrusted bytes: no function panics on any input,
//! and malformed files are reported, never propagated as errors from the
//! readers. Container parsing is delegated to maintained crates
//! (`infer`, `kamadak-exif`, `nom-exif`, `img-parts`); the only byte walking
//! done here is the JPEG scan-data walk in `scrub_jpeg_scan_data`, which
//! `img-parts` deliberately does not model.

use std::fs::File;
use std::io::{BufRead, BufReader, Cursor, Read, Seek};
use std::path::Path;

use chrono::{FixedOffset, NaiveDate, NaiveDateTime, SecondsFormat, TimeZone};
use exif::{In, Tag, Value};
use img_parts::jpeg::{markers, Jpeg, JpegSegment};
use img_parts::png::Png;
use img_parts::riff::RiffContent;
use img_parts::webp::WebP;
use img_parts::{Bytes, ImageEXIF};
use nom_exif::{EntryValue, ExifDateTime, MediaParser, MediaSource, TrackInfo, TrackInfoTag};
use serde::{Deserialize, Serialize};

/// Media type reported when the content matches no known signature.
pub const UNKNOWN_MEDIA_TYPE: &str = "application/octet-stream";

/// How many bytes of a file [`sniff_media_type`] needs to look at.
pub const SNIFF_LEN: usize = 8 * 1024;

/// Longest text value kept from metadata; longer values are cut. Metadata is
/// attacker-controllable and ends up in terminal output and JSON.
const MAX_TEXT_CHARS: usize = 256;

/// Media type sniffed from content (never from the file name). E.g.
/// "image/jpeg", "video/mp4", "video/quicktime", "audio/mpeg",
/// "application/octet-stream" when unknown.
///
/// `head` is the first up to [`SNIFF_LEN`] (8 KiB) bytes of the file; longer
/// input is accepted and simply looked at as a whole.
pub fn sniff_media_type(head: &[u8]) -> String {
    infer::get(head)
        .map(|kind| kind.mime_type().to_string())
        .unwrap_or_else(|| UNKNOWN_MEDIA_TYPE.to_string())
}

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

/// Which parser a media type goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    /// Still images with EXIF, read by kamadak-exif; `png` also gets its
    /// `tEXt` chunks read.
    Exif { png: bool },
    /// ISO-BMFF (MP4/MOV/3GP/M4A) and Matroska/WebM, read by nom-exif.
    Track,
    /// Anything else (MP3, WAV, GIF, ...): nothing we parse.
    Other,
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

fn family(media_type: &str) -> Family {
    match normalize_media_type(media_type).as_str() {
        "image/png" => Family::Exif { png: true },
        "image/jpeg"
        | "image/jpg"
        | "image/pjpeg"
        | "image/webp"
        | "image/heif"
        | "image/heic"
        | "image/heif-sequence"
        | "image/heic-sequence"
        | "image/avif"
        | "image/tiff"
        | "image/x-canon-cr2" => Family::Exif { png: false },
        "video/mp4" | "video/quicktime" | "video/x-m4v" | "video/3gpp" | "video/3gpp2"
        | "audio/mp4" | "audio/m4a" | "audio/x-m4a" | "video/x-matroska" | "video/webm"
        | "audio/webm" | "audio/x-matroska" => Family::Track,
        _ => Family::Other,
    }
}

/// Read metadata from a file on disk (the original, before it is encrypted).
///
/// `media_type` should come from [`sniff_media_type`]. Only reads what it
/// needs: images are scanned up to their EXIF block, videos are walked box by
/// box with seeks over the media data, so multi-GB videos are never loaded
/// into memory. A malformed or truncated file gives status
/// [`MetadataStatus::Unreadable`], never an error or panic.
pub fn read_metadata(path: &Path, media_type: &str) -> MediaMetadata {
    match family(media_type) {
        Family::Other => MediaMetadata::with_status(MetadataStatus::None),
        Family::Exif { png } => {
            let file = match File::open(path) {
                Ok(f) => f,
                Err(e) => return MediaMetadata::unreadable("cannot open file", e),
            };
            let mut meta = read_image_exif(&mut BufReader::new(file));
            if png {
                // A second, independent pass for PNG text chunks.
                if let Ok(ms) = MediaSource::open(path) {
                    add_png_text_owners(&mut meta, ms);
                }
            }
            meta
        }
        Family::Track => match MediaSource::open(path) {
            Ok(ms) => read_track(ms),
            Err(e) => track_open_error(e),
        },
    }
}

/// Same as [`read_metadata`] for a file already in memory. Used for the
/// re-scan after stripping, and by tests.
pub fn read_metadata_from_bytes(bytes: &[u8], media_type: &str) -> MediaMetadata {
    match family(media_type) {
        Family::Other => MediaMetadata::with_status(MetadataStatus::None),
        Family::Exif { png } => {
            let mut meta = read_image_exif(&mut Cursor::new(bytes));
            if png {
                if let Ok(ms) = MediaSource::from_memory(bytes.to_vec()) {
                    add_png_text_owners(&mut meta, ms);
                }
            }
            meta
        }
        Family::Track => match MediaSource::from_memory(bytes.to_vec()) {
            Ok(ms) => read_track(ms),
            Err(e) => track_open_error(e),
        },
    }
}

/// Reads EXIF from any container kamadak-exif knows (JPEG, PNG, WebP,
/// HEIF/AVIF, TIFF).
fn read_image_exif<R: BufRead + Seek>(reader: &mut R) -> MediaMetadata {
    let mut exif_reader = exif::Reader::new();
    // Keep what parsed before a broken entry instead of losing everything.
    exif_reader.continue_on_error(true);
    match exif_reader.read_from_container(reader) {
        Ok(exif) => metadata_from_exif(&exif),
        Err(exif::Error::PartialResult(partial)) => {
            let (exif, _ignored) = partial.into_inner();
            metadata_from_exif(&exif)
        }
        Err(exif::Error::NotFound(_)) => MediaMetadata::with_status(MetadataStatus::None),
        Err(e) => MediaMetadata::unreadable("EXIF", e),
    }
}

/// Adds PNG `tEXt` Author/Copyright (which are not EXIF) to `owner_names`.
fn add_png_text_owners<R: Read>(meta: &mut MediaMetadata, ms: MediaSource<R>) {
    let mut parser = MediaParser::new();
    let Ok(image) = parser.parse_image_metadata(ms) else {
        return;
    };
    let Some(nom_exif::ImageFormatMetadata::Png(text)) = image.format else {
        return;
    };
    let mut found = false;
    for (key, value) in text.iter() {
        if key.eq_ignore_ascii_case("Author") || key.eq_ignore_ascii_case("Copyright") {
            if let Some(v) = clean_text(value) {
                push_unique(&mut meta.owner_names, v);
                found = true;
            }
        }
    }
    // Text chunks alone are still metadata that was read.
    if found && meta.status == MetadataStatus::None {
        meta.status = MetadataStatus::Read;
    }
}

fn track_open_error(e: nom_exif::Error) -> MediaMetadata {
    // The caller sniffed a type we parse, so content nom-exif does not
    // recognize is malformed as far as we are concerned.
    MediaMetadata::unreadable("media container", e)
}

/// Reads MP4/MOV/Matroska track metadata.
fn read_track<R: Read>(ms: MediaSource<R>) -> MediaMetadata {
    let mut parser = MediaParser::new();
    match parser.parse_track(ms) {
        Ok(info) => metadata_from_track(&info),
        Err(nom_exif::Error::TrackNotFound) => MediaMetadata::with_status(MetadataStatus::None),
        Err(e) => MediaMetadata::unreadable("media container", e),
    }
}

fn metadata_from_track(info: &TrackInfo) -> MediaMetadata {
    let mut meta = MediaMetadata::with_status(MetadataStatus::Read);
    let text = |tag| {
        info.get(tag)
            .and_then(EntryValue::as_str)
            .and_then(clean_text)
    };
    meta.camera_make = text(TrackInfoTag::Make);
    meta.camera_model = text(TrackInfoTag::Model);
    meta.software = text(TrackInfoTag::Software);
    if let Some(author) = text(TrackInfoTag::Author) {
        meta.owner_names.push(author);
    }
    meta.taken_at = info
        .get(TrackInfoTag::CreateDate)
        .and_then(EntryValue::as_datetime)
        .and_then(track_time_text);
    meta.gps = info.gps_info().and_then(|g| {
        gps_position(
            g.latitude_decimal()?,
            g.longitude_decimal()?,
            g.altitude_meters(),
        )
    });
    if meta.is_empty() {
        meta.status = MetadataStatus::None;
    }
    meta
}

/// MP4/MOV time as text; `None` for the "unset" value 0, which the 1904
/// QuickTime epoch turns into 1904-01-01.
fn track_time_text(dt: ExifDateTime) -> Option<String> {
    match dt {
        ExifDateTime::Aware(dt) => {
            if dt.naive_utc() <= quicktime_epoch() {
                return None;
            }
            Some(dt.to_rfc3339_opts(SecondsFormat::Secs, true))
        }
        ExifDateTime::Naive(ndt) => {
            if ndt <= quicktime_epoch() {
                return None;
            }
            Some(ndt.format("%Y-%m-%dT%H:%M:%S").to_string())
        }
    }
}

fn quicktime_epoch() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(1904, 1, 1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .unwrap_or_default()
}

// DNG CameraSerialNumber and Windows XPAuthor have no kamadak-exif constant.
const TAG_CAMERA_SERIAL_NUMBER: Tag = Tag(exif::Context::Tiff, 0xc62f);
const TAG_XP_AUTHOR: Tag = Tag(exif::Context::Tiff, 0x9c9d);

fn metadata_from_exif(exif: &exif::Exif) -> MediaMetadata {
    let mut meta = MediaMetadata::with_status(MetadataStatus::Read);
    let field = |tag| exif.get_field(tag, In::PRIMARY).map(|f| &f.value);
    let first_text = |tag| {
        field(tag)
            .map(value_texts)
            .and_then(|v| v.into_iter().next())
    };

    meta.camera_make = first_text(Tag::Make);
    meta.camera_model = first_text(Tag::Model);
    meta.software = first_text(Tag::Software);

    for tag in [
        Tag::BodySerialNumber,
        Tag::LensSerialNumber,
        TAG_CAMERA_SERIAL_NUMBER,
    ] {
        for s in field(tag).map(value_texts).unwrap_or_default() {
            push_unique(&mut meta.serial_numbers, s);
        }
    }
    for tag in [Tag::CameraOwnerName, Tag::Artist, Tag::Copyright] {
        for s in field(tag).map(value_texts).unwrap_or_default() {
            push_unique(&mut meta.owner_names, s);
        }
    }
    if let Some(Value::Byte(raw)) = field(TAG_XP_AUTHOR) {
        if let Some(s) = utf16le_text(raw) {
            push_unique(&mut meta.owner_names, s);
        }
    }

    meta.taken_at = exif_time_text(field(Tag::DateTimeOriginal), field(Tag::OffsetTimeOriginal))
        .or_else(|| {
            exif_time_text(
                field(Tag::DateTimeDigitized),
                field(Tag::OffsetTimeDigitized),
            )
        });

    meta.gps = exif_gps(exif);
    meta
}

/// EXIF "YYYY:MM:DD HH:MM:SS" (+ "±HH:MM" offset tag) as RFC 3339 or local
/// ISO text. Invalid or blank dates give `None`.
fn exif_time_text(time: Option<&Value>, offset: Option<&Value>) -> Option<String> {
    let Value::Ascii(parts) = time? else {
        return None;
    };
    let mut dt = exif::DateTime::from_ascii(parts.first()?).ok()?;
    if let Some(Value::Ascii(off)) = offset {
        if let Some(off) = off.first() {
            // A bad offset just leaves the time local.
            let _ = dt.parse_offset(off);
        }
    }
    let naive = NaiveDate::from_ymd_opt(i32::from(dt.year), dt.month.into(), dt.day.into())?
        .and_hms_opt(dt.hour.into(), dt.minute.into(), dt.second.into())?;
    match dt.offset {
        Some(minutes) => {
            let tz = FixedOffset::east_opt(i32::from(minutes) * 60)?;
            let aware = tz.from_local_datetime(&naive).single()?;
            Some(aware.to_rfc3339_opts(SecondsFormat::Secs, true))
        }
        None => Some(naive.format("%Y-%m-%dT%H:%M:%S").to_string()),
    }
}

fn exif_gps(exif: &exif::Exif) -> Option<GpsPosition> {
    let field = |tag| exif.get_field(tag, In::PRIMARY).map(|f| &f.value);
    let lat = dms_to_degrees(field(Tag::GPSLatitude)?)?
        * hemisphere_sign(field(Tag::GPSLatitudeRef), b'S');
    let lon = dms_to_degrees(field(Tag::GPSLongitude)?)?
        * hemisphere_sign(field(Tag::GPSLongitudeRef), b'W');
    let altitude = field(Tag::GPSAltitude).and_then(|v| {
        let metres = first_number(v)?;
        let below = matches!(
            field(Tag::GPSAltitudeRef).and_then(|r| r.get_uint(0)),
            Some(1)
        );
        Some(if below { -metres.abs() } else { metres })
    });
    gps_position(lat, lon, altitude)
}

/// Validates a position; out-of-range or non-finite values are dropped.
fn gps_position(lat: f64, lon: f64, altitude: Option<f64>) -> Option<GpsPosition> {
    let valid = lat.is_finite() && lon.is_finite() && lat.abs() <= 90.0 && lon.abs() <= 180.0;
    valid.then(|| GpsPosition {
        latitude: lat,
        longitude: lon,
        altitude_m: altitude.filter(|a| a.is_finite()),
    })
}

/// Degrees/minutes/seconds rationals to decimal degrees. Some writers use
/// signed rationals or fewer than three components; both are accepted.
fn dms_to_degrees(value: &Value) -> Option<f64> {
    let parts: Vec<f64> = match value {
        Value::Rational(v) => v.iter().map(|r| r.to_f64()).collect(),
        Value::SRational(v) => v.iter().map(|r| r.to_f64()).collect(),
        _ => return None,
    };
    let (deg, rest) = parts.split_first()?;
    let min = rest.first().copied().unwrap_or(0.0);
    let sec = rest.get(1).copied().unwrap_or(0.0);
    let magnitude = deg.abs() + min.abs() / 60.0 + sec.abs() / 3600.0;
    let degrees = if *deg < 0.0 { -magnitude } else { magnitude };
    degrees.is_finite().then_some(degrees)
}

/// -1.0 when the reference letter is `negative` (S or W), else 1.0. A
/// missing reference is taken as N/E, as most readers do.
fn hemisphere_sign(reference: Option<&Value>, negative: u8) -> f64 {
    let letter = match reference {
        Some(Value::Ascii(parts)) => parts.first().and_then(|p| p.first()).copied(),
        _ => None,
    };
    match letter {
        Some(c) if c.eq_ignore_ascii_case(&negative) => -1.0,
        _ => 1.0,
    }
}

fn first_number(value: &Value) -> Option<f64> {
    let n = match value {
        Value::Rational(v) => v.first()?.to_f64(),
        Value::SRational(v) => v.first()?.to_f64(),
        other => f64::from(other.get_uint(0)?),
    };
    n.is_finite().then_some(n)
}

/// Text values of a field. ASCII fields may hold several NUL-separated
/// strings (Copyright: photographer, editor); some writers wrongly use
/// UNDEFINED or BYTE for text.
fn value_texts(value: &Value) -> Vec<String> {
    match value {
        Value::Ascii(parts) => parts
            .iter()
            .filter_map(|p| clean_text(&String::from_utf8_lossy(p)))
            .collect(),
        Value::Undefined(bytes, _) | Value::Byte(bytes) => {
            clean_text(&String::from_utf8_lossy(bytes))
                .into_iter()
                .collect()
        }
        _ => Vec::new(),
    }
}

/// Windows XP* tags hold UTF-16LE text in BYTE fields.
fn utf16le_text(raw: &[u8]) -> Option<String> {
    let units: Vec<u16> = raw
        .chunks_exact(2)
        .map(|pair| u16::from_le_bytes([pair[0], pair[1]]))
        .collect();
    clean_text(&String::from_utf16_lossy(&units))
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

/// Why [`strip_identifying`] refused to produce output.
#[derive(Debug, thiserror::Error)]
pub enum StripError {
    /// The media type has no stripper (video, audio, HEIC, ...). Holds the
    /// media type.
    #[error("removing metadata from {0} is not supported")]
    Unsupported(String),
    /// The input could not be parsed as the claimed type, or the result
    /// could not be verified.
    #[error("malformed media: {0}")]
    Malformed(String),
    /// Identifying metadata could still be read after stripping (fail
    /// closed). Holds what was found.
    #[error("identifying metadata still present after stripping: {0}")]
    StillIdentifying(String),
}

/// Remove identifying metadata from an in-memory image for export.
///
/// * JPEG: drops APP1 (Exif, XMP), APP13 (IPTC/Photoshop), APP2..APP15,
///   COM and reserved JPGn segments, anywhere in the file, and anything
///   after the end-of-image marker
///   (Motion Photo videos, MPF secondary images, vendor trailers). Kept:
///   APP2 `ICC_PROFILE` (colour), APP14 `Adobe` (12-byte colour-transform
///   flags, needed to decode CMYK correctly), and APP0 `JFIF` with its
///   embedded thumbnail removed.
/// * PNG: keeps only critical chunks and the known pixel/colour ancillary
///   chunks, so eXIf, tEXt, zTXt, iTXt, tIME and any unknown private chunk
///   go; data after IEND goes too.
/// * WebP: keeps only image, alpha, animation and ICC chunks, so EXIF and
///   XMP go, and fixes the VP8X flags.
///
/// Then the result is re-read (fail closed): if any metadata at all can
/// still be read, [`StripError::StillIdentifying`] is returned. Unsupported
/// types (video, HEIC, ...) return [`StripError::Unsupported`].
pub fn strip_identifying(bytes: &[u8], media_type: &str) -> Result<Vec<u8>, StripError> {
    let normalized = normalize_media_type(media_type);
    let (out, canonical) = match normalized.as_str() {
        "image/jpeg" | "image/jpg" | "image/pjpeg" => (strip_jpeg(bytes)?, "image/jpeg"),
        "image/png" => (strip_png(bytes)?, "image/png"),
        "image/webp" => (strip_webp(bytes)?, "image/webp"),
        _ => return Err(StripError::Unsupported(media_type.to_string())),
    };
    verify_stripped(&out, canonical)?;
    Ok(out)
}

/// Independent checks on the stripped bytes: same type, structurally free of
/// metadata carriers, and no metadata readable by the metadata readers.
fn verify_stripped(out: &[u8], media_type: &str) -> Result<(), StripError> {
    let sniffed = sniff_media_type(&out[..out.len().min(SNIFF_LEN)]);
    if sniffed != media_type {
        return Err(StripError::Malformed(format!(
            "stripped output sniffs as {sniffed}, not {media_type}"
        )));
    }
    let structurally_clean = match media_type {
        "image/jpeg" => Jpeg::from_bytes(Bytes::copy_from_slice(out))
            .map(|j| j.segments().iter().all(keep_jpeg_segment_as_is))
            .map_err(|e| format!("{e}")),
        "image/png" => Png::from_bytes(Bytes::copy_from_slice(out))
            .map(|p| p.chunks().iter().all(|c| keep_png_chunk(c.kind())))
            .map_err(|e| format!("{e}")),
        _ => WebP::from_bytes(Bytes::copy_from_slice(out))
            .map(|w| w.chunks().iter().all(|c| keep_webp_chunk(c.id())))
            .map_err(|e| format!("{e}")),
    }
    .map_err(|e| StripError::Malformed(format!("stripped output does not re-parse: {e}")))?;
    if !structurally_clean {
        return Err(StripError::StillIdentifying(
            "a metadata segment survived stripping".to_string(),
        ));
    }

    let meta = read_metadata_from_bytes(out, media_type);
    let found = meta.identifying();
    if !found.is_empty() {
        return Err(StripError::StillIdentifying(found.join("; ")));
    }
    match meta.status {
        MetadataStatus::None => Ok(()),
        MetadataStatus::Read => Err(StripError::StillIdentifying(
            "metadata is still readable".to_string(),
        )),
        MetadataStatus::Unreadable { reason } => Err(StripError::Malformed(format!(
            "stripped output could not be re-read: {reason}"
        ))),
    }
}

fn malformed(kind: &str, e: img_parts::Error) -> StripError {
    StripError::Malformed(format!("{kind}: {e}"))
}

// Fixed-size prefix of a JFIF APP0 payload: "JFIF\0", version (2), units (1),
// densities (2 + 2), thumbnail width and height (1 + 1).
const JFIF_HEADER_LEN: usize = 14;
// Adobe APP14 payload: "Adobe", version (2), flags0 (2), flags1 (2), transform (1).
const ADOBE_APP14_LEN: usize = 12;
const ICC_PROFILE_ID: &[u8] = b"ICC_PROFILE\0";

/// Whether a JPEG segment before the first scan may be kept unchanged.
fn keep_jpeg_segment_as_is(segment: &JpegSegment) -> bool {
    let contents = segment.contents();
    match segment.marker() {
        // JFIF without thumbnail only.
        markers::APP0 => {
            contents.starts_with(b"JFIF\0")
                && contents.len() == JFIF_HEADER_LEN
                && contents[JFIF_HEADER_LEN - 2..] == [0, 0]
        }
        markers::APP2 => contents.starts_with(ICC_PROFILE_ID),
        markers::APP14 => contents.starts_with(b"Adobe") && contents.len() <= ADOBE_APP14_LEN,
        marker => is_jpeg_coding_marker(marker),
    }
}

/// Markers that carry image-coding data (frame/scan headers, tables,
/// restart interval, JPEG-LS). Everything else with a length (APPn, COM,
/// reserved JPGn extensions) can carry arbitrary payloads and is dropped.
fn is_jpeg_coding_marker(marker: u8) -> bool {
    matches!(
        marker,
        markers::SOF0
            ..=markers::SOF15 // includes DHT, JPG and DAC
            | markers::SOS
            | markers::DQT
            | markers::DNL
            | markers::DRI
            | markers::DHP
            | markers::EXP
            | markers::JPG7 // JPEG-LS SOF55
            | markers::JPG8 // JPEG-LS LSE
    )
}

fn strip_jpeg(bytes: &[u8]) -> Result<Vec<u8>, StripError> {
    let mut jpeg =
        Jpeg::from_bytes(Bytes::copy_from_slice(bytes)).map_err(|e| malformed("JPEG", e))?;
    let segments = std::mem::take(jpeg.segments_mut());
    let mut kept = Vec::with_capacity(segments.len());
    for segment in segments {
        let marker = segment.marker();
        if segment.has_entropy() {
            // The first scan: img-parts keeps everything after its header
            // (further scans, EOI, trailers) as opaque "entropy".
            let header_len = segment.len();
            let contents = segment.contents().clone();
            let encoded = segment.encoder().bytes();
            let rest = encoded.get(header_len..).unwrap_or_default();
            let scrubbed = scrub_jpeg_scan_data(rest)?;
            kept.push(JpegSegment::new_with_entropy(
                marker,
                contents,
                Bytes::from(scrubbed),
            ));
        } else if keep_jpeg_segment_as_is(&segment) {
            kept.push(segment);
        } else if marker == markers::APP0 && segment.contents().starts_with(b"JFIF\0") {
            // Keep the JFIF header (density), drop its thumbnail.
            if let Some(header) = segment.contents().get(..JFIF_HEADER_LEN - 2) {
                let mut contents = header.to_vec();
                contents.extend_from_slice(&[0, 0]);
                kept.push(JpegSegment::new_with_contents(
                    markers::APP0,
                    Bytes::from(contents),
                ));
            }
        }
    }
    *jpeg.segments_mut() = kept;
    Ok(jpeg.encoder().bytes().to_vec())
}

/// Walks JPEG data that follows the first SOS header (ITU T.81 B.1.1.5):
/// entropy-coded bytes, where 0xFF is always followed by 0x00 (stuffing) or
/// a restart marker, interleaved with marker segments between progressive
/// scans. APPn, COM and other non-coding segments found there are dropped,
/// and everything
/// after EOI is cut. Data truncated before EOI is kept as it is.
fn scrub_jpeg_scan_data(data: &[u8]) -> Result<Vec<u8>, StripError> {
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while let Some(&byte) = data.get(i) {
        if byte != markers::P {
            out.push(byte);
            i += 1;
            continue;
        }
        let Some(&code) = data.get(i + 1) else {
            out.push(byte);
            break;
        };
        match code {
            // Fill byte before a marker: drop it, look at the next one.
            markers::P => i += 1,
            // Stuffed 0xFF, restart markers, TEM: part of the image data.
            markers::Z | markers::RST0..=markers::RST7 | 0x01 => {
                out.extend_from_slice(&[byte, code]);
                i += 2;
            }
            markers::EOI => {
                out.extend_from_slice(&[byte, code]);
                return Ok(out);
            }
            // A stray SOI has no length; keep it as is.
            markers::SOI => {
                out.extend_from_slice(&[byte, code]);
                i += 2;
            }
            _ => {
                let len_bytes = data.get(i + 2..i + 4).ok_or_else(|| {
                    StripError::Malformed("JPEG: truncated marker segment".into())
                })?;
                let len = usize::from(u16::from_be_bytes([len_bytes[0], len_bytes[1]]));
                if len < 2 {
                    return Err(StripError::Malformed("JPEG: invalid segment length".into()));
                }
                let end = i + 2 + len;
                let segment = data.get(i..end).ok_or_else(|| {
                    StripError::Malformed("JPEG: truncated marker segment".into())
                })?;
                if is_jpeg_coding_marker(code) {
                    out.extend_from_slice(segment);
                }
                i = end;
            }
        }
    }
    Ok(out)
}

/// PNG chunks that may stay: every critical chunk (upper-case first letter;
/// a decoder cannot skip those) and the ancillary chunks that only describe
/// pixels, colour or animation.
fn keep_png_chunk(kind: [u8; 4]) -> bool {
    kind[0].is_ascii_uppercase()
        || matches!(
            &kind,
            b"tRNS"
                | b"cHRM"
                | b"gAMA"
                | b"iCCP"
                | b"sBIT"
                | b"sRGB"
                | b"cICP"
                | b"mDCV"
                | b"cLLI"
                | b"bKGD"
                | b"hIST"
                | b"pHYs"
                | b"sPLT"
                | b"acTL"
                | b"fcTL"
                | b"fdAT"
        )
}

fn strip_png(bytes: &[u8]) -> Result<Vec<u8>, StripError> {
    let mut png =
        Png::from_bytes(Bytes::copy_from_slice(bytes)).map_err(|e| malformed("PNG", e))?;
    png.chunks_mut()
        .retain(|chunk| keep_png_chunk(chunk.kind()));
    Ok(png.encoder().bytes().to_vec())
}

/// WebP chunks that may stay: image data, alpha, animation, ICC.
fn keep_webp_chunk(id: [u8; 4]) -> bool {
    matches!(
        &id,
        b"VP8 " | b"VP8L" | b"VP8X" | b"ALPH" | b"ANIM" | b"ANMF" | b"ICCP"
    )
}

// VP8X flag bits announcing EXIF and XMP chunks.
const VP8X_EXIF_FLAG: u8 = 0b0000_1000;
const VP8X_XMP_FLAG: u8 = 0b0000_0100;

fn strip_webp(bytes: &[u8]) -> Result<Vec<u8>, StripError> {
    let mut webp =
        WebP::from_bytes(Bytes::copy_from_slice(bytes)).map_err(|e| malformed("WebP", e))?;
    webp.chunks_mut()
        .retain(|chunk| keep_webp_chunk(chunk.id()));
    // Lets img-parts recompute the VP8X chunk (or drop it when a simple
    // format suffices); it leaves the XMP flag alone, so clear that here.
    webp.set_exif(None);
    for chunk in webp.chunks_mut() {
        if chunk.id() == *b"VP8X" {
            if let RiffContent::Data(data) = chunk.content_mut() {
                if let Some(flags) = data.first() {
                    let mut updated = data.to_vec();
                    updated[0] = flags & !(VP8X_EXIF_FLAG | VP8X_XMP_FLAG);
                    *data = Bytes::from(updated);
                }
            }
        }
    }
    Ok(webp.encoder().bytes().to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;
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
