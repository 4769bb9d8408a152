//! Benchmark fixture generator (used by scripts/bench.sh; not part of the CLI).
//!
//!   cargo run --release --example bench_gen -- DIR PASSPHRASE_FILE N [ATTACH_EVERY] [ATTACH_BYTES]
//!
//! Creates a vault at DIR with the *default* Argon2id parameters (so unlock timings are real),
//! then logs N generated incidents through the library in batches of 5,000 (one transaction
//! each, bodies encrypted on every core), and attaches a random file of ATTACH_BYTES (default
//! 16 KiB) to every ATTACH_EVERY-th incident (default 100; 0 = none). Finally it unlocks once so
//! every entry is covered by a signed checkpoint.
//!
//!   bench_gen --unlock DIR PASSPHRASE_FILE   (time an unlock alone)
//!   bench_gen --drop-cache DIR               (delete the list cache)

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::path::PathBuf;

use chrono::{Duration, TimeZone, Utc};
use rand::{Rng, RngCore, SeedableRng};
use vault::crypto::kdf;
use vault::record::{Incident, Kind};
use vault::secret::Passphrase;
use vault::vault::{AttachOptions, Vault};
use vault::when::When;

const WORDS: &[&str] = &[
    "grey",
    "suv",
    "agents",
    "door",
    "street",
    "parked",
    "photographed",
    "followed",
    "clinic",
    "badge",
    "vest",
    "unmarked",
    "van",
    "neighbour",
    "school",
    "corner",
    "asked",
    "papers",
    "left",
    "waited",
    "camera",
    "phone",
    "window",
    "morning",
    "evening",
    "market",
    "church",
];

fn main() -> vault::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    // `bench_gen --unlock DIR PASSPHRASE_FILE`: open and unlock only (read-only), to time the
    // Argon2id unlock on its own. `bench_gen --drop-cache DIR`: delete the list cache.
    match args.get(1).map(String::as_str) {
        Some("--unlock") => {
            let pass = std::fs::read_to_string(&args[3])?;
            let pass = Passphrase::new(pass.lines().next().unwrap_or_default().to_owned());
            Vault::open(std::path::Path::new(&args[2]))?.unlock(&pass, true)?;
            return Ok(());
        }
        Some("--list-stats") => {
            let pass = std::fs::read_to_string(&args[3])?;
            let pass = Passphrase::new(pass.lines().next().unwrap_or_default().to_owned());
            let mut u = Vault::open(std::path::Path::new(&args[2]))?.unlock(&pass, true)?;
            let t = std::time::Instant::now();
            let n = u.list()?.len();
            println!("{n} records in {:?}: {:?}", t.elapsed(), u.cache_stats());
            return Ok(());
        }
        Some("--drop-cache") => {
            let conn = rusqlite::Connection::open(PathBuf::from(&args[2]).join("vault.db"))?;
            let _ = conn.execute("DELETE FROM cache", []);
            return Ok(());
        }
        _ => {}
    }
    if args.len() < 4 {
        eprintln!("usage: bench_gen DIR PASSPHRASE_FILE N [ATTACH_EVERY] [ATTACH_BYTES]");
        std::process::exit(2);
    }
    let dir = PathBuf::from(&args[1]);
    let pass = std::fs::read_to_string(&args[2])?;
    let pass = Passphrase::new(pass.lines().next().unwrap_or_default().to_owned());
    let n: usize = args[3].parse().expect("N");
    let every: usize = args
        .get(4)
        .map_or(100, |s| s.parse().expect("ATTACH_EVERY"));
    let bytes: usize = args
        .get(5)
        .map_or(16 << 10, |s| s.parse().expect("ATTACH_BYTES"));

    let mut vault = Vault::init(&dir, &pass, kdf::DEFAULT)?;
    let mut rng = rand::rngs::StdRng::seed_from_u64(42);
    let start = Utc.with_ymd_and_hms(2020, 1, 1, 0, 0, 0).unwrap();
    let mut ids = Vec::with_capacity(n);
    let mut done = 0;
    while done < n {
        let batch: Vec<Incident> = (done..(done + 5000).min(n))
            .map(|i| {
                let words: Vec<&str> = (0..rng.gen_range(20..60))
                    .map(|_| WORDS[rng.gen_range(0..WORDS.len())])
                    .collect();
                let at = start + Duration::minutes(rng.gen_range(0..3_000_000));
                Incident {
                    kind: Kind::ALL[i % Kind::ALL.len()],
                    occurred_at: When::At(at.fixed_offset()),
                    location: None,
                    narrative: format!("incident {i}: {}", words.join(" ")),
                    agents: vec![],
                    vehicles: vec![],
                    witnesses: vec![],
                    tags: vec![format!("t{}", i % 7)],
                }
            })
            .collect();
        done += batch.len();
        ids.extend(vault.add_many(batch)?);
        eprint!("\r{done}/{n} incidents");
    }
    eprintln!();
    if every > 0 {
        let file = std::env::temp_dir().join(format!("bench_gen_{}.bin", std::process::id()));
        for (k, id) in ids.iter().enumerate().filter(|(k, _)| k % every == 0) {
            let mut buf = vec![0u8; bytes];
            rng.fill_bytes(&mut buf);
            std::fs::File::create(&file)?.write_all(&buf)?;
            vault.attach(id, &file, &AttachOptions::default())?;
            if k % (every * 100) == 0 {
                eprint!("\rattachments: {}", k / every + 1);
            }
        }
        let _ = std::fs::remove_file(&file);
        eprintln!();
    }
    let vault = Vault::open(&dir)?;
    vault.unlock(&pass, false)?;
    // Print the id of one incident for `show` benchmarks.
    println!("{}", ids.get(n / 2).cloned().unwrap_or_default());
    Ok(())
}
