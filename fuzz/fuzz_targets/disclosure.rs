//! Disclosure strings from bundles, and the narrative's private-span markers.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vault::record::disclosure;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok((salt, name, value)) = disclosure::decode(text) {
        let again = disclosure::encode(&salt, &name, &value);
        assert_eq!(
            disclosure::decode(&again).expect("re-encoded decodes"),
            (salt, name, value)
        );
    }
    if let Ok((public, spans)) = disclosure::split_private(text) {
        let all: Vec<(usize, String)> = spans
            .iter()
            .cloned()
            .enumerate()
            .map(|(i, s)| (i + 1, s))
            .collect();
        let _ = disclosure::join_private(&public, &all);
    }
});
