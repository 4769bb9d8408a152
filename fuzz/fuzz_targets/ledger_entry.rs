//! Ledger entries from stored bytes: strict parsing; what parses re-serializes to an entry that
//! parses to the same value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vault::ledger::Entry;

fuzz_target!(|data: &[u8]| {
    if let Ok(e) = Entry::from_bytes(data) {
        let _ = e.label();
        let again = Entry::from_bytes(&e.to_bytes()).expect("re-serialized entry parses");
        assert_eq!(again, e);
    }
});
