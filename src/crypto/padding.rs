//! Length hiding. Ciphertext sizes are rounded up with the Padmé scheme (Nikitin et al., "Reducing
//! Metadata Leakage from Encrypted Files and Communication with PURBs", PETS 2019): at most 12%
//! overhead, and a length leaks only O(log log n) bits. Below [`MIN_BUCKET`] everything is one size.

/// Smallest padded size: short records all look alike. A record's JSON carries about 600 bytes
/// of ids, salts and timestamps, so 4 KiB hides narratives of up to about 3,000 bytes.
pub const MIN_BUCKET: u64 = 4096;

/// The padded size for a plaintext of `len` bytes.
pub fn padded_len(len: u64) -> u64 {
    if len <= MIN_BUCKET {
        return MIN_BUCKET;
    }
    // Padmé: keep the top log2(log2(L))+1 bits of L significant, round the rest up.
    let e = 63 - len.leading_zeros() as u64; // floor(log2 L)
    let s = 64 - e.leading_zeros() as u64; // floor(log2 e) + 1
    let last_bits = e - s;
    let mask = (1u64 << last_bits) - 1;
    (len + mask) & !mask
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn padme_is_monotone_bounded_and_idempotent() {
        let mut prev = 0;
        for len in (0..200_000u64)
            .step_by(7)
            .chain([1 << 20, 10_000_000, 4 << 30])
        {
            let p = padded_len(len);
            assert!(p >= len && p >= prev, "{len} -> {p}");
            assert_eq!(padded_len(p), p, "bucket {p} is not stable");
            if len > MIN_BUCKET {
                assert!((p - len) as f64 <= len as f64 * 0.12 + 1.0, "{len} -> {p}");
            }
            prev = p;
        }
        assert_eq!(padded_len(0), MIN_BUCKET);
        assert_eq!(padded_len(1025), padded_len(1025).max(1025));
    }
}
