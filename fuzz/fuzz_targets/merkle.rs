//! Merkle inclusion and consistency proof verification with arbitrary sizes, indexes, roots and
//! paths; and proofs generated for small random trees must verify.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vault::ledger::merkle;

type Hash = [u8; 32];

fuzz_target!(|input: (u64, u64, Hash, Hash, Vec<Hash>, u8)| {
    let (a, b, x, y, path, leaves) = input;
    let _ = merkle::verify_inclusion(&x, a, b, &path, &y);
    let _ = merkle::verify_consistency(a, b, &x, &y, &path);

    let n = leaves as usize;
    let tree: Vec<Hash> = (0..n)
        .map(|i| merkle::leaf_hash(&[&x[..], &i.to_le_bytes()[..]].concat()))
        .collect();
    let root = merkle::root(&tree);
    let index = a % (n as u64 + 1);
    match merkle::inclusion_proof(&tree, index) {
        Ok(proof) => {
            assert!((index as usize) < n);
            merkle::verify_inclusion(&tree[index as usize], index, n as u64, &proof, &root)
                .expect("a generated inclusion proof verifies");
        }
        Err(_) => assert!(index as usize >= n),
    }
    let old = b % (n as u64 + 1);
    if let Ok(proof) = merkle::consistency_proof(&tree, old) {
        let old_root = merkle::root(&tree[..old as usize]);
        merkle::verify_consistency(old, n as u64, &old_root, &root, &proof)
            .expect("a generated consistency proof verifies");
    }
    let mut acc = merkle::Accumulator::new();
    tree.iter().for_each(|l| acc.push(*l));
    assert_eq!(acc.root(), root);
});
