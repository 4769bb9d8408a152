//! RFC 3161 answers and tokens, certificates, and the witness files (requests, cosignatures,
//! keys): whatever arrives from a timestamp authority or from counsel.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vault::{anchor, witness};

fuzz_target!(|data: &[u8]| {
    // Never a panic, whatever the bytes.
    let _ = anchor::verify_token(data, &[data.to_vec()], &[0u8; 32]);
    let _ = anchor::token_of_response(data, data);
    let _ = anchor::read_request(data);
    let _ = anchor::read_certificate(data);
    let _ = anchor::token_nonce(data);
    let _ = anchor::carried_certificates(data);
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = witness::parse_vkey(text);
    let _ = witness::WitnessKey::parse(text);
    if let Ok(req) = witness::WitnessRequest::parse(text) {
        // What parses writes back to text that parses to the same request.
        assert_eq!(witness::WitnessRequest::parse(&req.to_text()).ok(), Some(req));
    }
    if let Ok(file) = witness::CosignatureFile::parse(text) {
        assert_eq!(witness::CosignatureFile::parse(&file.to_text()).ok(), Some(file));
    }
});
