//! Reading what a file says about itself: the time it was taken, the GPS position, the device
//! (make, model, serial numbers), owner names and software. Still images go to the EXIF
//! reader, videos and audio to the track reader; nothing here fails on bad input: a malformed
//! file is [`MetadataStatus::Unreadable`].

use std::io::Read;
use std::path::Path;

use chrono::{FixedOffset, NaiveDate, NaiveDateTime, SecondsFormat, TimeZone};
use nom_exif::{
    EntryValue, Exif, ExifDateTime, IfdIndex, ImageFormatMetadata, MediaParser, MediaSource,
    TrackInfo, TrackInfoTag,
};

use super::{
    clean_text, normalize_media_type, push_unique, GpsPosition, MediaMetadata, MetadataStatus,
};

/// Which parser a media type goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    /// Still images with EXIF (JPEG, PNG, WebP, HEIF/AVIF, TIFF); PNG `tEXt`
    /// chunks are read too.
    Image,
    /// ISO-BMFF (MP4/MOV/3GP/M4A) and Matroska/WebM, read by nom-exif.
    Track,
    /// Anything else (MP3, WAV, GIF, ...): nothing we parse.
    Other,
}

fn family(media_type: &str) -> Family {
    match normalize_media_type(media_type).as_str() {
        "image/png"
        | "image/jpeg"
        | "image/jpg"
        | "image/pjpeg"
        | "image/webp"
        | "image/heif"
        | "image/heic"
        | "image/heif-sequence"
        | "image/heic-sequence"
        | "image/avif"
        | "image/tiff"
        | "image/x-canon-cr2" => Family::Image,
        "video/mp4" | "video/quicktime" | "video/x-m4v" | "video/3gpp" | "video/3gpp2"
        | "audio/mp4" | "audio/m4a" | "audio/x-m4a" | "video/x-matroska" | "video/webm"
        | "audio/webm" | "audio/x-matroska" => Family::Track,
        _ => Family::Other,
    }
}

/// Read metadata from a file on disk (the original, before it is encrypted).
///
/// `media_type` should come from [`sniff_media_type`](super::sniff_media_type). Only reads what it
/// needs: images are scanned up to their EXIF block, videos are walked box by
/// box with seeks over the media data, so multi-GB videos are never loaded
/// into memory. A malformed or truncated file gives status
/// [`MetadataStatus::Unreadable`], never an error or panic.
pub fn read_metadata(path: &Path, media_type: &str) -> MediaMetadata {
    match family(media_type) {
        Family::Other => MediaMetadata::with_status(MetadataStatus::None),
        Family::Image => match MediaSource::open(path) {
            Ok(ms) => read_image(ms),
            Err(e) => open_error(e),
        },
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
        Family::Image => match MediaSource::from_memory(bytes.to_vec()) {
            Ok(ms) => read_image(ms),
            Err(e) => open_error(e),
        },
        Family::Track => match MediaSource::from_memory(bytes.to_vec()) {
            Ok(ms) => read_track(ms),
            Err(e) => track_open_error(e),
        },
    }
}

/// A file that cannot be opened, or whose content is no format the reader
/// knows although its sniffed type is one we parse.
fn open_error(e: nom_exif::Error) -> MediaMetadata {
    match e {
        nom_exif::Error::Io(e) => MediaMetadata::unreadable("cannot open file", e),
        e => MediaMetadata::unreadable("EXIF", e),
    }
}

/// Reads the EXIF block of a still image, and for PNG the `tEXt`
/// Author/Copyright chunks (which are not EXIF), in one pass.
fn read_image<R: Read>(ms: MediaSource<R>) -> MediaMetadata {
    let mut parser = MediaParser::new();
    let image = match parser.parse_image_metadata(ms) {
        Ok(image) => image,
        Err(nom_exif::Error::ExifNotFound) => {
            return MediaMetadata::with_status(MetadataStatus::None)
        }
        Err(e) => return MediaMetadata::unreadable("EXIF", e),
    };
    let mut meta = match image.exif {
        Some(iter) => metadata_from_exif(&Exif::from(iter)),
        None => MediaMetadata::with_status(MetadataStatus::None),
    };
    if let Some(ImageFormatMetadata::Png(text)) = image.format {
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
    meta
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

/// EXIF tags read, by directory and code (EXIF 2.32 / DNG 1.6 / Windows).
mod tag {
    use nom_exif::IfdKind;

    pub type Tag = (IfdKind, u16);
    pub const MAKE: Tag = (IfdKind::Tiff, 0x010f);
    pub const MODEL: Tag = (IfdKind::Tiff, 0x0110);
    pub const SOFTWARE: Tag = (IfdKind::Tiff, 0x0131);
    pub const ARTIST: Tag = (IfdKind::Tiff, 0x013b);
    pub const COPYRIGHT: Tag = (IfdKind::Tiff, 0x8298);
    /// Windows XPAuthor: UTF-16LE text in a BYTE field.
    pub const XP_AUTHOR: Tag = (IfdKind::Tiff, 0x9c9d);
    /// DNG CameraSerialNumber.
    pub const DNG_CAMERA_SERIAL_NUMBER: Tag = (IfdKind::Tiff, 0xc62f);
    pub const DATE_TIME_ORIGINAL: Tag = (IfdKind::Exif, 0x9003);
    pub const DATE_TIME_DIGITIZED: Tag = (IfdKind::Exif, 0x9004);
    pub const OFFSET_TIME_ORIGINAL: Tag = (IfdKind::Exif, 0x9011);
    pub const OFFSET_TIME_DIGITIZED: Tag = (IfdKind::Exif, 0x9012);
    pub const CAMERA_OWNER_NAME: Tag = (IfdKind::Exif, 0xa430);
    pub const BODY_SERIAL_NUMBER: Tag = (IfdKind::Exif, 0xa431);
    pub const LENS_SERIAL_NUMBER: Tag = (IfdKind::Exif, 0xa435);
    pub const GPS_LATITUDE_REF: Tag = (IfdKind::Gps, 0x0001);
    pub const GPS_LATITUDE: Tag = (IfdKind::Gps, 0x0002);
    pub const GPS_LONGITUDE_REF: Tag = (IfdKind::Gps, 0x0003);
    pub const GPS_LONGITUDE: Tag = (IfdKind::Gps, 0x0004);
    pub const GPS_ALTITUDE_REF: Tag = (IfdKind::Gps, 0x0005);
    pub const GPS_ALTITUDE: Tag = (IfdKind::Gps, 0x0006);
}

/// The value of a tag of the primary image (IFD0 and its Exif and GPS
/// sub-directories).
fn field(exif: &Exif, (kind, code): tag::Tag) -> Option<&EntryValue> {
    exif.get_by_code_in(IfdIndex::MAIN, kind, code)
}

fn metadata_from_exif(exif: &Exif) -> MediaMetadata {
    let mut meta = MediaMetadata::with_status(MetadataStatus::Read);
    let field = |t| field(exif, t);
    let first_text = |t| field(t).map(value_texts).and_then(|v| v.into_iter().next());

    meta.camera_make = first_text(tag::MAKE);
    meta.camera_model = first_text(tag::MODEL);
    meta.software = first_text(tag::SOFTWARE);

    for t in [
        tag::BODY_SERIAL_NUMBER,
        tag::LENS_SERIAL_NUMBER,
        tag::DNG_CAMERA_SERIAL_NUMBER,
    ] {
        for s in field(t).map(value_texts).unwrap_or_default() {
            push_unique(&mut meta.serial_numbers, s);
        }
    }
    for t in [tag::CAMERA_OWNER_NAME, tag::ARTIST, tag::COPYRIGHT] {
        for s in field(t).map(value_texts).unwrap_or_default() {
            push_unique(&mut meta.owner_names, s);
        }
    }
    let xp_author = match field(tag::XP_AUTHOR) {
        Some(EntryValue::U8Array(raw)) | Some(EntryValue::Undefined(raw)) => utf16le_text(raw),
        _ => None,
    };
    if let Some(s) = xp_author {
        push_unique(&mut meta.owner_names, s);
    }

    meta.taken_at = exif_time_text(
        field(tag::DATE_TIME_ORIGINAL),
        field(tag::OFFSET_TIME_ORIGINAL),
    )
    .or_else(|| {
        exif_time_text(
            field(tag::DATE_TIME_DIGITIZED),
            field(tag::OFFSET_TIME_DIGITIZED),
        )
    });

    meta.gps = exif_gps(exif);
    meta
}

/// An EXIF time (the wall-clock time the camera wrote) with its own
/// "±HH:MM" offset tag, as RFC 3339, or local ISO text without one. The
/// reader has parsed the "YYYY:MM:DD HH:MM:SS" text already (invalid or
/// blank dates are absent); the offset applied is this tag's own, never
/// another time's.
fn exif_time_text(time: Option<&EntryValue>, offset: Option<&EntryValue>) -> Option<String> {
    let naive = match time? {
        EntryValue::DateTime(t) => t.naive_local(),
        EntryValue::NaiveDateTime(t) => *t,
        _ => return None,
    };
    // A bad offset just leaves the time local.
    match offset.and_then(EntryValue::as_str).and_then(parse_offset) {
        Some(tz) => {
            let aware = tz.from_local_datetime(&naive).single()?;
            Some(aware.to_rfc3339_opts(SecondsFormat::Secs, true))
        }
        None => Some(naive.format("%Y-%m-%dT%H:%M:%S").to_string()),
    }
}

/// EXIF OffsetTime* text: `+HH:MM` or `-HH:MM`.
fn parse_offset(text: &str) -> Option<FixedOffset> {
    let b = text.trim_end_matches('\0').as_bytes();
    if b.len() != 6 || b[3] != b':' {
        return None;
    }
    let sign = match b[0] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let num = |d: &[u8]| -> Option<i32> {
        d.iter().try_fold(0i32, |acc, c| {
            c.is_ascii_digit().then(|| acc * 10 + i32::from(c - b'0'))
        })
    };
    let (hours, minutes) = (num(&b[1..3])?, num(&b[4..6])?);
    if hours > 23 || minutes > 59 {
        return None;
    }
    FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60))
}

fn exif_gps(exif: &Exif) -> Option<GpsPosition> {
    let field = |t| field(exif, t);
    let lat = dms_to_degrees(field(tag::GPS_LATITUDE)?)?
        * hemisphere_sign(field(tag::GPS_LATITUDE_REF), b'S');
    let lon = dms_to_degrees(field(tag::GPS_LONGITUDE)?)?
        * hemisphere_sign(field(tag::GPS_LONGITUDE_REF), b'W');
    let altitude = field(tag::GPS_ALTITUDE).and_then(|v| {
        let metres = first_number(v)?;
        let below = matches!(field(tag::GPS_ALTITUDE_REF).and_then(first_uint), Some(1));
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

/// A rational as a float; a zero denominator gives NaN (dropped later).
fn ratio<T: Copy + Into<f64> + PartialEq + Default>(r: &nom_exif::Rational<T>) -> f64 {
    r.to_f64().unwrap_or(f64::NAN)
}

/// Degrees/minutes/seconds rationals to decimal degrees. Some writers use
/// signed rationals or fewer than three components; both are accepted.
fn dms_to_degrees(value: &EntryValue) -> Option<f64> {
    let parts: Vec<f64> = match value {
        EntryValue::URationalArray(v) => v.iter().map(ratio).collect(),
        EntryValue::IRationalArray(v) => v.iter().map(ratio).collect(),
        EntryValue::URational(r) => vec![ratio(r)],
        EntryValue::IRational(r) => vec![ratio(r)],
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
fn hemisphere_sign(reference: Option<&EntryValue>, negative: u8) -> f64 {
    let letter = match reference {
        Some(EntryValue::Text(t)) => t.bytes().next(),
        Some(EntryValue::U8(c)) => Some(*c),
        Some(EntryValue::U8Array(raw)) | Some(EntryValue::Undefined(raw)) => raw.first().copied(),
        _ => None,
    };
    match letter {
        Some(c) if c.eq_ignore_ascii_case(&negative) => -1.0,
        _ => 1.0,
    }
}

/// The first component of an unsigned integer value.
fn first_uint(value: &EntryValue) -> Option<u32> {
    match value {
        EntryValue::U8(n) => Some(u32::from(*n)),
        EntryValue::U16(n) => Some(u32::from(*n)),
        EntryValue::U32(n) => Some(*n),
        EntryValue::U8Array(v) | EntryValue::Undefined(v) => v.first().map(|n| u32::from(*n)),
        EntryValue::U16Array(v) => v.first().map(|n| u32::from(*n)),
        EntryValue::U32Array(v) => v.first().copied(),
        _ => None,
    }
}

fn first_number(value: &EntryValue) -> Option<f64> {
    let n = match value {
        EntryValue::URationalArray(v) => ratio(v.first()?),
        EntryValue::IRationalArray(v) => ratio(v.first()?),
        EntryValue::URational(r) => ratio(r),
        EntryValue::IRational(r) => ratio(r),
        other => f64::from(first_uint(other)?),
    };
    n.is_finite().then_some(n)
}

/// Text values of a field. Some writers wrongly use UNDEFINED or BYTE for
/// text.
fn value_texts(value: &EntryValue) -> Vec<String> {
    match value {
        EntryValue::Text(t) => t.split('\0').filter_map(clean_text).collect(),
        EntryValue::Undefined(bytes) | EntryValue::U8Array(bytes) => {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exif_offsets_parse_strictly() {
        assert_eq!(parse_offset("-04:00"), FixedOffset::west_opt(4 * 3600));
        assert_eq!(
            parse_offset("+05:30"),
            FixedOffset::east_opt(5 * 3600 + 1800)
        );
        for bad in ["", "04:00", "+4:00", "+24:00", "+05:60", "+0a:00", "  :  "] {
            assert_eq!(parse_offset(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_time_takes_only_its_own_offset() {
        let wall = NaiveDate::from_ymd_opt(2024, 5, 1)
            .and_then(|d| d.and_hms_opt(14, 30, 0))
            .unwrap();
        let naive = EntryValue::NaiveDateTime(wall);
        // The reader may have attached another tag's offset: the wall time is what counts.
        let attached = EntryValue::DateTime(
            FixedOffset::east_opt(3600)
                .unwrap()
                .from_local_datetime(&wall)
                .unwrap(),
        );
        let offset = EntryValue::Text("-04:00".into());
        assert_eq!(
            exif_time_text(Some(&naive), Some(&offset)).as_deref(),
            Some("2024-05-01T14:30:00-04:00")
        );
        assert_eq!(
            exif_time_text(Some(&attached), None).as_deref(),
            Some("2024-05-01T14:30:00")
        );
        let bad = EntryValue::Text("later".into());
        assert_eq!(
            exif_time_text(Some(&naive), Some(&bad)).as_deref(),
            Some("2024-05-01T14:30:00")
        );
        assert_eq!(exif_time_text(None, Some(&offset)), None);
    }

    #[test]
    fn gps_values_in_any_rational_form() {
        let dms = EntryValue::URationalArray(vec![
            nom_exif::URational::new(40, 1),
            nom_exif::URational::new(30, 1),
            nom_exif::URational::new(0, 1),
        ]);
        assert_eq!(dms_to_degrees(&dms), Some(40.5));
        let signed = EntryValue::IRationalArray(vec![nom_exif::IRational::new(-33, 1)]);
        assert_eq!(dms_to_degrees(&signed), Some(-33.0));
        let zero = EntryValue::URationalArray(vec![nom_exif::URational::new(1, 0)]);
        assert_eq!(
            dms_to_degrees(&zero),
            None,
            "a zero denominator is no number"
        );
        assert_eq!(
            hemisphere_sign(Some(&EntryValue::Text("S".into())), b'S'),
            -1.0
        );
        assert_eq!(hemisphere_sign(None, b'W'), 1.0);
        assert_eq!(
            value_texts(&EntryValue::Text("Ana\0Luis".into())),
            ["Ana", "Luis"]
        );
    }
}
