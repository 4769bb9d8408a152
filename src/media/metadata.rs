//! Reading what a file says about itself: the time it was taken, the GPS position, the device
//! (make, model, serial numbers), owner names and software. Still images go to the EXIF
//! reader, videos and audio to the track reader; nothing here fails on bad input: a malformed
//! file is [`MetadataStatus::Unreadable`].

use std::fs::File;
use std::io::{BufRead, BufReader, Cursor, Read, Seek};
use std::path::Path;

use chrono::{FixedOffset, NaiveDate, NaiveDateTime, SecondsFormat, TimeZone};
use exif::{In, Tag, Value};
use nom_exif::{EntryValue, ExifDateTime, MediaParser, MediaSource, TrackInfo, TrackInfoTag};

use super::{
    clean_text, normalize_media_type, push_unique, GpsPosition, MediaMetadata, MetadataStatus,
};

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
