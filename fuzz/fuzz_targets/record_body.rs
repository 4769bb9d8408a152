//! Decrypted record and attachment descriptions (what a damaged or hostile vault could hold).
#![no_main]

use libfuzzer_sys::fuzz_target;
use vault::record::attachment::AttachmentBody;
use vault::record::RecordBody;

fuzz_target!(|data: &[u8]| {
    if let Ok(body) = RecordBody::from_json(data) {
        let _ = body.digests();
        let _ = body.incident.validate();
        let json = body.to_json().expect("serializes");
        let again = RecordBody::from_json(&json).expect("round trip parses");
        assert_eq!(again.id, body.id);
        assert_eq!(again.revision, body.revision);
    }
    if let Ok(body) = AttachmentBody::from_json(data) {
        let _ = body.digests();
        let _ = body.metadata.identifying();
    }
});
