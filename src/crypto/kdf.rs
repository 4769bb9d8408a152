//! Argon2id passphrase derivation (RFC 9106) with a floor that refuses weak settings and a
//! ceiling that refuses absurd ones (a tampered keyslot must not be able to exhaust memory or
//! keep the computer busy for minutes).
//!
//! Both bounds apply when a slot is sealed and again, before any derivation, when a stored slot
//! is opened: this program never writes parameters outside them, so a stored slot outside them
//! was altered and is refused as tampered (SECURITY.md, "Passphrases, recovery codes and
//! keyslots").

use argon2::{Algorithm, Argon2, Block, Params, Version};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::error::{Crypto, KdfLimit};
use crate::secret::{Passphrase, SecretKey};
use crate::{Error, Result};

/// Argon2id cost parameters, stored in plaintext beside each keyslot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    /// Memory in KiB.
    pub memory_kib: u32,
    /// Passes over memory.
    pub iterations: u32,
    /// Lanes.
    pub parallelism: u32,
}

/// RFC 9106 §4 second recommended option: the weakest setting `init` accepts.
pub const FLOOR: KdfParams = KdfParams {
    memory_kib: 64 * 1024,
    iterations: 3,
    parallelism: 4,
};

/// Shipped default: 256 MiB, t=3, p=4 (measured at about 0.5-0.7 s on a 2-core machine).
pub const DEFAULT: KdfParams = KdfParams {
    memory_kib: 256 * 1024,
    iterations: 3,
    parallelism: 4,
};

/// Largest memory a keyslot may ask for at unlock (4 GiB).
pub const MAX_MEMORY_KIB: u32 = 4 * 1024 * 1024;
/// Largest iteration count a keyslot may ask for at unlock. RFC 9106's recommendations use 1
/// and 3 passes; LUKS2 and KeePassXC calibrate to a time budget and land well below 16 at the
/// memory sizes they use.
pub const MAX_ITERATIONS: u32 = 16;
/// Largest lane count a keyslot may ask for at unlock: more lanes than cores buys nothing, and
/// 16 covers the computers this program runs on (RFC 9106 recommends 4).
pub const MAX_PARALLELISM: u32 = 16;
/// Largest total work (memory in KiB times passes) a keyslot may ask for: 16 GiB-passes, e.g.
/// 4 GiB with 4 passes or 1 GiB with 16, some 15-25 s on a 2-core laptop. The shipped default
/// is 768 MiB-passes.
pub const MAX_WORK_KIB_PASSES: u64 = 16 * 1024 * 1024;

/// Salt length in bytes (RFC 9106 recommends 16).
pub const SALT_LEN: usize = 16;

impl KdfParams {
    /// Builds parameters from the units people type (MiB).
    pub fn from_mib(memory_mib: u32, iterations: u32, parallelism: u32) -> Result<Self> {
        let memory_kib = memory_mib
            .checked_mul(1024)
            .ok_or(Error::WeakKdf(KdfLimit::MemoryTooLarge))?;
        Ok(KdfParams {
            memory_kib,
            iterations,
            parallelism,
        })
    }

    /// Memory in MiB, for display.
    pub fn memory_mib(&self) -> u32 {
        self.memory_kib / 1024
    }

    /// Refuses anything weaker than RFC 9106's second recommended set, in any dimension.
    /// More parallelism is not weaker, so lanes above 4 are fine; fewer lanes are refused to keep
    /// the floor simple to state.
    pub fn check_floor(&self) -> Result<()> {
        if self.memory_kib < FLOOR.memory_kib
            || self.iterations < FLOOR.iterations
            || self.parallelism < FLOOR.parallelism
        {
            return Err(Error::WeakKdf(KdfLimit::BelowFloor {
                mib: self.memory_mib(),
                iterations: self.iterations,
                lanes: self.parallelism,
            }));
        }
        self.check_ceiling().map_err(Error::WeakKdf)
    }

    /// Refuses parameters no honest vault would store. Returns the reason.
    pub fn check_ceiling(&self) -> std::result::Result<(), KdfLimit> {
        if self.memory_kib > MAX_MEMORY_KIB {
            return Err(KdfLimit::MemoryOver {
                mib: self.memory_mib(),
            });
        }
        if self.iterations == 0 || self.iterations > MAX_ITERATIONS {
            return Err(KdfLimit::Iterations {
                iterations: self.iterations,
                max: MAX_ITERATIONS,
            });
        }
        if self.parallelism == 0 || self.parallelism > MAX_PARALLELISM {
            return Err(KdfLimit::Lanes {
                lanes: self.parallelism,
                max: MAX_PARALLELISM,
            });
        }
        if u64::from(self.memory_kib) < 8 * u64::from(self.parallelism) {
            return Err(KdfLimit::MemoryPerLane);
        }
        if u64::from(self.memory_kib) * u64::from(self.iterations) > MAX_WORK_KIB_PASSES {
            return Err(KdfLimit::Work {
                mib: self.memory_mib(),
                iterations: self.iterations,
            });
        }
        Ok(())
    }

    /// The check a stored slot must pass before any derivation: inside the floor and the
    /// ceiling, since this program never seals a slot outside them. Returns the reason.
    pub fn check_stored(&self) -> std::result::Result<(), KdfLimit> {
        if self.memory_kib < FLOOR.memory_kib
            || self.iterations < FLOOR.iterations
            || self.parallelism < FLOOR.parallelism
        {
            return Err(KdfLimit::StoredBelowFloor {
                mib: self.memory_mib(),
                iterations: self.iterations,
                lanes: self.parallelism,
            });
        }
        self.check_ceiling()
    }

    /// Each parameter at least as strong as in `other` (the larger of the two, one by one).
    /// New keyslots are sealed with `DEFAULT.at_least(...)`, so a lowered stored slot can never
    /// pass its parameters on (the downgrade through the recovery code).
    pub fn at_least(self, other: KdfParams) -> KdfParams {
        KdfParams {
            memory_kib: self.memory_kib.max(other.memory_kib),
            iterations: self.iterations.max(other.iterations),
            parallelism: self.parallelism.max(other.parallelism),
        }
    }

    fn to_argon2(self) -> std::result::Result<Params, KdfLimit> {
        Params::new(self.memory_kib, self.iterations, self.parallelism, Some(32)).map_err(|e| {
            KdfLimit::Argon2 {
                detail: e.to_string(),
            }
        })
    }
}

/// Derives 32 key bytes. The working memory is ours and zeroized on drop, because the argon2
/// crate does not wipe its own blocks.
pub fn derive(passphrase: &Passphrase, salt: &[u8], params: KdfParams) -> Result<SecretKey> {
    let argon_params = params.to_argon2().map_err(Error::WeakKdf)?;
    let blocks = argon_params.block_count();
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, argon_params);
    let mut memory = Zeroizing::new(vec![Block::default(); blocks]);
    let mut out = Zeroizing::new([0u8; 32]);
    argon
        .hash_password_into_with_memory(
            passphrase.expose().as_bytes(),
            salt,
            out.as_mut(),
            memory.as_mut_slice(),
        )
        .map_err(|e| Crypto::KeyDerivation {
            detail: e.to_string(),
        })?;
    Ok(SecretKey(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floor_refuses_weak_and_accepts_default() {
        assert!(DEFAULT.check_floor().is_ok());
        assert!(FLOOR.check_floor().is_ok());
        for weak in [
            KdfParams::from_mib(32, 3, 4).unwrap(),
            KdfParams::from_mib(64, 2, 4).unwrap(),
            KdfParams::from_mib(64, 3, 1).unwrap(),
        ] {
            assert!(weak.check_floor().is_err(), "{weak:?}");
        }
    }

    #[test]
    fn ceiling_refuses_absurd() {
        let absurd = KdfParams {
            memory_kib: MAX_MEMORY_KIB + 1,
            iterations: 3,
            parallelism: 4,
        };
        assert!(absurd.check_ceiling().is_err());
        assert!(KdfParams {
            iterations: 0,
            ..DEFAULT
        }
        .check_ceiling()
        .is_err());
    }

    #[test]
    fn ceilings_fit_a_real_computer() {
        // What honest vaults use is accepted (RFC 9106's first recommendation, 2 GiB with one
        // pass, is below the floor's 3 passes, so 2 GiB takes 3 here).
        for fine in [
            DEFAULT,
            FLOOR,
            KdfParams::from_mib(2048, 3, 4).unwrap(),
            KdfParams::from_mib(1024, 16, 16).unwrap(),
            KdfParams::from_mib(4096, 4, 8).unwrap(),
        ] {
            assert!(fine.check_stored().is_ok(), "{fine:?}");
            assert!(fine.check_floor().is_ok(), "{fine:?}");
        }
        // More passes, lanes or total work than any real computer needs is refused.
        for absurd in [
            KdfParams::from_mib(256, 17, 4).unwrap(),
            KdfParams::from_mib(256, 3, 17).unwrap(),
            KdfParams::from_mib(4096, 5, 4).unwrap(),
            KdfParams::from_mib(2048, 9, 4).unwrap(),
            KdfParams::from_mib(256, 3, 0).unwrap(),
            KdfParams {
                memory_kib: u32::MAX,
                iterations: u32::MAX,
                parallelism: u32::MAX,
            },
        ] {
            assert!(absurd.check_ceiling().is_err(), "{absurd:?}");
            assert!(absurd.check_stored().is_err(), "{absurd:?}");
            assert!(absurd.check_floor().is_err(), "{absurd:?}");
        }
    }

    #[test]
    fn stored_parameters_below_the_floor_are_refused() {
        for weak in [
            KdfParams::from_mib(63, 3, 4).unwrap(),
            KdfParams::from_mib(64, 2, 4).unwrap(),
            KdfParams::from_mib(4096, 3, 3).unwrap(),
            KdfParams {
                memory_kib: 64,
                iterations: 1,
                parallelism: 1,
            },
        ] {
            let reason = weak.check_stored().unwrap_err();
            assert!(
                matches!(reason, KdfLimit::StoredBelowFloor { .. }),
                "{reason:?}"
            );
        }
    }

    #[test]
    fn at_least_takes_the_stronger_of_each() {
        let low = KdfParams::from_mib(64, 3, 4).unwrap();
        assert_eq!(DEFAULT.at_least(low), DEFAULT);
        let more_passes = KdfParams::from_mib(128, 8, 2).unwrap();
        assert_eq!(
            DEFAULT.at_least(more_passes),
            KdfParams::from_mib(256, 8, 4).unwrap()
        );
        let big = KdfParams::from_mib(1024, 4, 8).unwrap();
        assert_eq!(DEFAULT.at_least(big), big);
    }

    /// Known answers from an independent implementation (the reference C code through
    /// Python's argon2-cffi, `hash_secret_raw`, Argon2id v19): lanes computed on both cores
    /// give the same key as lanes computed one after another.
    #[test]
    fn derivation_matches_the_reference_implementation() {
        let pass = Passphrase::new("correct horse battery staple".into());
        let salt: Vec<u8> = (1..=16).collect();
        for (memory_kib, iterations, parallelism, expected) in [
            (
                1024,
                2,
                4,
                "1d93fa0af6c50190d462d6404e17a5d7e0e07e3090b4b0cf1cd598f2a6d86f6b",
            ),
            (
                4096,
                3,
                2,
                "57ca7cc41387eb99a8ce5349f2d50d2986f2fd99916a83cb3ad5fd9043804d41",
            ),
        ] {
            let params = KdfParams {
                memory_kib,
                iterations,
                parallelism,
            };
            let key = derive(&pass, &salt, params).unwrap();
            assert_eq!(hex::encode(*key.0), expected, "{params:?}");
        }
    }

    #[test]
    fn derivation_is_deterministic_and_salted() {
        let p = KdfParams {
            memory_kib: 64,
            iterations: 1,
            parallelism: 1,
        };
        let pass = Passphrase::new("correct horse".into());
        let a = derive(&pass, &[1u8; 16], p).unwrap();
        let b = derive(&pass, &[1u8; 16], p).unwrap();
        let c = derive(&pass, &[2u8; 16], p).unwrap();
        assert_eq!(*a.0, *b.0);
        assert_ne!(*a.0, *c.0);
    }
}
