//! Signed checkpoint notes and verifier keys (C2SP signed-note / tlog-checkpoint).
#![no_main]

use std::sync::OnceLock;

use ed25519_dalek::SigningKey;
use libfuzzer_sys::fuzz_target;
use vault::ledger::checkpoint;

const NAME: &str = "vault/fuzz";

fn key() -> &'static SigningKey {
    static KEY: OnceLock<SigningKey> = OnceLock::new();
    KEY.get_or_init(|| SigningKey::from_bytes(&[7u8; 32]))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = checkpoint::parse_verifier_key(text);
    let public = key().verifying_key();
    if let Ok(cp) = checkpoint::open_signed(text, NAME, &public) {
        // Only a note we signed can verify; its body must re-serialize exactly.
        assert!(text.starts_with(&cp.body()));
    }
    if let Ok(cp) = checkpoint::parse_unverified(text) {
        // What parses and validates must sign into a note that opens to the same checkpoint.
        if cp.validate(NAME).is_ok() {
            let note = cp.sign(NAME, key());
            let back = checkpoint::open_signed(&note, NAME, &public).expect("own note opens");
            assert_eq!(back, cp);
        }
    }
});
