//! Attachment metadata reading and metadata stripping on hostile media files.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vault::media;

const TYPES: [&str; 8] = [
    "image/jpeg",
    "image/png",
    "image/webp",
    "image/heic",
    "video/mp4",
    "video/quicktime",
    "audio/mpeg",
    "application/octet-stream",
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let sniffed = media::sniff_media_type(bytes);
    let claimed = TYPES[pick as usize % TYPES.len()];
    for t in [claimed, sniffed.as_str()] {
        let meta = media::read_metadata_from_bytes(bytes, t);
        let _ = meta.identifying();
        if let Ok(out) = media::strip_identifying(bytes, t) {
            // Fail closed: whatever comes out carries nothing identifying.
            assert!(media::read_metadata_from_bytes(&out, t)
                .identifying()
                .is_empty());
        }
    }
});
