//! Shamir's secret sharing for the detention plan's release key (src/vault/detention.rs), by
//! the `blahaj` crate (GF(256), one polynomial per byte, shares zeroized on drop). Any
//! `threshold` shares rebuild the secret; fewer say nothing about it (each byte's polynomial
//! has random coefficients).

use zeroize::Zeroizing;

use crate::error::Custody;
use crate::Result;

/// Splits `secret` into `count` shares, any `threshold` of which rebuild it. Each share is its
/// x coordinate (1..=count) followed by one byte per secret byte.
pub fn split(secret: &[u8], threshold: u8, count: u8) -> Result<Vec<Zeroizing<Vec<u8>>>> {
    if threshold == 0 || threshold > count {
        return Err(Custody::Threshold {
            threshold: threshold.into(),
            trustees: count.into(),
        }
        .into());
    }
    Ok(blahaj::Sharks(threshold)
        .dealer(secret)
        .take(count.into())
        .map(|share| Zeroizing::new(Vec::from(&share)))
        .collect())
}

/// Rebuilds the secret from at least `threshold` distinct shares.
pub fn combine(shares: &[Zeroizing<Vec<u8>>], threshold: u8) -> Result<Zeroizing<Vec<u8>>> {
    let parsed = shares
        .iter()
        .map(|s| blahaj::Share::try_from(s.as_slice()))
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(|_| Custody::SharesWrong)?;
    let mut xs: Vec<u8> = shares.iter().filter_map(|s| s.first().copied()).collect();
    xs.sort_unstable();
    xs.dedup();
    if xs.len() < usize::from(threshold) {
        return Err(Custody::NotEnoughShares {
            have: xs.len(),
            need: threshold.into(),
        }
        .into());
    }
    let secret = blahaj::Sharks(threshold)
        .recover(parsed.iter())
        .map_err(|_| Custody::SharesWrong)?;
    Ok(Zeroizing::new(secret))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_two_of_three_rebuild_and_one_does_not() {
        let secret = b"AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ";
        let shares = split(secret, 2, 3).unwrap();
        assert_eq!(shares.len(), 3);
        for (a, b) in [(0, 1), (0, 2), (1, 2), (2, 0)] {
            let got = combine(&[shares[a].clone(), shares[b].clone()], 2).unwrap();
            assert_eq!(got.as_slice(), &secret[..]);
        }
        assert!(matches!(
            combine(&[shares[1].clone()], 2),
            Err(crate::Error::Custody(Custody::NotEnoughShares {
                have: 1,
                need: 2
            }))
        ));
        // The same share twice is one share.
        assert!(combine(&[shares[1].clone(), shares[1].clone()], 2).is_err());
        // A single share is not the secret, nor any part of it in place.
        assert_ne!(&shares[0][1..], &secret[..]);
    }

    #[test]
    fn thresholds_outside_the_count_are_refused() {
        assert!(split(b"x", 0, 3).is_err());
        assert!(split(b"x", 4, 3).is_err());
        assert_eq!(split(b"x", 3, 3).unwrap().len(), 3);
    }
}
