//! Times as people type them (When::parse, in several zones and around DST), and the stored JSON
//! form of `When`, which must round-trip.
#![no_main]

use chrono::{FixedOffset, TimeZone};
use libfuzzer_sys::fuzz_target;
use vault::when::When;

fuzz_target!(|input: (String, i64, i32, Vec<u8>)| {
    let (text, secs, offset, json) = input;
    if let Ok(w) = serde_json::from_slice::<When>(&json) {
        let s = serde_json::to_string(&w).expect("serializes");
        assert_eq!(serde_json::from_str::<When>(&s).expect("round trip"), w);
        let _ = w.sort_key();
        let _ = w.span();
    }
    let Some(zone) = FixedOffset::east_opt(offset % 86_400) else {
        return;
    };
    // Keep "now" within chrono's range (years ±260000) and realistic enough.
    let secs = secs.rem_euclid(8_000_000_000) - 2_000_000_000;
    let Some(now) = zone.timestamp_opt(secs, 0).single() else {
        return;
    };
    if let Ok(w) = When::parse(&text, &now) {
        let s = serde_json::to_string(&w).expect("serializes");
        assert_eq!(serde_json::from_str::<When>(&s).expect("round trip"), w);
        let (a, b) = w.span();
        assert!(a <= b);
    }
});
