//! Copies of images without identifying metadata, for export; checked again after stripping
//! (fail closed).

use img_parts::jpeg::{markers, Jpeg, JpegSegment};
use img_parts::png::Png;
use img_parts::riff::RiffContent;
use img_parts::webp::WebP;
use img_parts::{Bytes, ImageEXIF};

use super::{
    normalize_media_type, read_metadata_from_bytes, sniff_media_type, MetadataStatus, SNIFF_LEN,
};

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
