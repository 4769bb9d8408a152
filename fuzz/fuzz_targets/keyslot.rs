//! Opening a keyslot whose parameters, salt and wrapped key are hostile. Absurd parameters must be
//! refused before any memory is spent; cheap valid ones are actually derived (so the age parsing
//! of `wrapped` runs), expensive-but-allowed ones are skipped to keep the fuzzer fast.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vault::crypto::kdf::KdfParams;
use vault::crypto::keyslot::{Keyslot, SlotKind};
use vault::secret::Passphrase;

fuzz_target!(|input: (u32, u32, u32, Vec<u8>, Vec<u8>, String, String)| {
    let (memory_kib, iterations, parallelism, salt, wrapped, pass, params_json) = input;
    let _ = serde_json::from_str::<KdfParams>(&params_json);
    let params = KdfParams {
        memory_kib,
        iterations,
        parallelism,
    };
    let cheap = memory_kib <= 256 && iterations <= 2;
    if params.check_ceiling().is_ok() && !cheap {
        return;
    }
    let slot = Keyslot {
        id: "fuzz".into(),
        kind: SlotKind::Passphrase,
        params,
        salt,
        wrapped,
    };
    let _ = slot.digest_hex();
    let _ = slot.open(&Passphrase::new(pass));
});
