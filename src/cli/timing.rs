//! `VAULT_TIMINGS=1`: at exit, one line on stderr with the wall-clock time of the command, the
//! part spent unlocking (Argon2id, the keyslot, the signing key) and the rest. The benchmark
//! uses it to report costs beyond the unlock without subtracting two noisy medians
//! (docs/performance.md). It shows durations only, nothing about the vault's contents.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

static STARTED: OnceLock<Instant> = OnceLock::new();
static UNLOCK_NANOS: AtomicU64 = AtomicU64::new(0);

/// Marks the start of the command.
pub fn start() {
    let _ = STARTED.set(Instant::now());
}

/// Runs `unlock`, counting its time as unlocking.
pub fn unlocking<T>(unlock: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let result = unlock();
    let nanos = u64::try_from(started.elapsed().as_nanos()).unwrap_or(u64::MAX);
    UNLOCK_NANOS.fetch_add(nanos, Ordering::Relaxed);
    result
}

/// Prints the line when `VAULT_TIMINGS` is set to anything but empty or `0`.
pub fn report() {
    let wanted = std::env::var_os("VAULT_TIMINGS").is_some_and(|v| !v.is_empty() && v != "0");
    let Some(started) = STARTED.get() else {
        return;
    };
    if !wanted {
        return;
    }
    let total = started.elapsed();
    let unlock = Duration::from_nanos(UNLOCK_NANOS.load(Ordering::Relaxed));
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    eprintln!(
        "vault-timing: total_ms={:.3} unlock_ms={:.3} beyond_unlock_ms={:.3}",
        ms(total),
        ms(unlock),
        ms(total.saturating_sub(unlock))
    );
}
