//! The media type of a file, from its content (never from its name).

/// Media type reported when the content matches no known signature.
pub const UNKNOWN_MEDIA_TYPE: &str = "application/octet-stream";

/// How many bytes of a file [`sniff_media_type`] needs to look at.
pub const SNIFF_LEN: usize = 8 * 1024;

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
