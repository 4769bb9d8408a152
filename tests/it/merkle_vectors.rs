//! The published RFC 6962 / RFC 9162 proof vectors of transparency-dev/merkle
//! (`tests/vectors/merkle/`, Apache-2.0): every `happy-path` case must verify and every `wantErr`
//! case (modified proofs, wrong roots, shifted sizes and indices, garbage) must be rejected.

use std::path::{Path, PathBuf};

use base64::{engine::general_purpose::STANDARD, Engine as _};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use vault::ledger::merkle::{
    leaf_hash, verify_consistency, verify_inclusion, Hash, MerkleError, Tree,
};

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct InclusionCase {
    leaf_idx: u64,
    tree_size: u64,
    root: String,
    leaf_hash: String,
    proof: Option<Vec<String>>,
    want_err: bool,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ConsistencyCase {
    size1: u64,
    size2: u64,
    root1: String,
    root2: String,
    proof: Option<Vec<String>>,
    want_err: bool,
}

fn vector_dir(kind: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/vectors/merkle")
        .join(kind)
}

/// Every `.json` file below `dir`, sorted so failures are reported in a stable order.
fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "json") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

fn load<T: for<'de> Deserialize<'de>>(path: &Path) -> T {
    let text = std::fs::read_to_string(path).unwrap();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Decode a vector hash for the typed API.
///
/// The vectors also hold values that are not 32 bytes: empty leaf hashes, "garbage" proof
/// elements, and short "don't care" roots (even in a case that must verify, since the reference
/// implementation only compares roots). A real caller would refuse such a leaf or proof element
/// while decoding it; here each is mapped to a digest tagged with its role instead, so that the
/// verify functions still have to reject every such case themselves: equal values of one role
/// stay equal, an empty leaf never equals an empty root, and none can pass for a real hash.
fn hash(role: &str, b64: &str) -> Hash {
    let bytes = STANDARD.decode(b64).expect("vector base64");
    Hash::try_from(bytes.as_slice()).unwrap_or_else(|_| {
        Sha256::new()
            .chain_update(b"vector value that is not 32 bytes, role ")
            .chain_update(role.as_bytes())
            .chain_update(b":")
            .chain_update(&bytes)
            .finalize()
            .into()
    })
}

fn proof(p: &Option<Vec<String>>) -> Vec<Hash> {
    p.iter().flatten().map(|h| hash("proof", h)).collect()
}

/// Check one case's outcome; returns whether it was a happy path.
fn check(path: &Path, want_err: bool, result: Result<(), MerkleError>) -> bool {
    if want_err {
        assert!(
            result.is_err(),
            "{} verified but must be rejected",
            path.display()
        );
    } else {
        assert_eq!(result, Ok(()), "{}", path.display());
    }
    !want_err
}

#[test]
fn inclusion_vectors() {
    let files = json_files(&vector_dir("inclusion"));
    assert!(!files.is_empty(), "no inclusion vectors found");
    let mut happy = 0;
    for path in &files {
        let case: InclusionCase = load(path);
        let result = verify_inclusion(
            &hash("leaf", &case.leaf_hash),
            case.leaf_idx,
            case.tree_size,
            &proof(&case.proof),
            &hash("root", &case.root),
        );
        happy += usize::from(check(path, case.want_err, result));
    }
    assert!(happy > 0, "no happy-path inclusion vector");
    assert!(files.len() > happy, "no failure inclusion vector");
}

#[test]
fn consistency_vectors() {
    let files = json_files(&vector_dir("consistency"));
    assert!(!files.is_empty(), "no consistency vectors found");
    let mut happy = 0;
    for path in &files {
        let case: ConsistencyCase = load(path);
        let result = verify_consistency(
            case.size1,
            case.size2,
            &hash("root", &case.root1),
            &hash("root", &case.root2),
            &proof(&case.proof),
        );
        happy += usize::from(check(path, case.want_err, result));
    }
    assert!(happy > 0, "no happy-path consistency vector");
    assert!(files.len() > happy, "no failure consistency vector");
}

/// The leaf inputs of the reference tree the happy-path vectors were made from (RFC 6962's test
/// leaves, transparency-dev `testonly.LeafInputs`).
const REFERENCE_LEAVES: [&str; 8] = [
    "",
    "00",
    "10",
    "2021",
    "3031",
    "40414243",
    "5051525354555657",
    "606162636465666768696a6b6c6d6e6f",
];

fn reference_tree(size: u64) -> Tree {
    Tree::new(
        REFERENCE_LEAVES
            .iter()
            .take(size as usize)
            .map(|h| leaf_hash(&hex::decode(h).unwrap()))
            .collect(),
    )
}

/// The tree built once (`Tree`, used by `export`) gives exactly the published proofs and roots
/// of every happy-path vector drawn from the reference tree.
#[test]
fn tree_reproduces_the_published_proofs() {
    let mut inclusion = 0;
    for path in &json_files(&vector_dir("inclusion")) {
        let case: InclusionCase = load(path);
        if case.want_err || case.tree_size > REFERENCE_LEAVES.len() as u64 {
            continue;
        }
        let tree = reference_tree(case.tree_size);
        // The single-entry vectors hash another leaf; every other happy path is the reference.
        if tree.leaves().get(case.leaf_idx as usize) != Some(&hash("leaf", &case.leaf_hash)) {
            continue;
        }
        assert_eq!(tree.root(), hash("root", &case.root), "{}", path.display());
        assert_eq!(
            tree.inclusion_proof(case.leaf_idx).unwrap(),
            proof(&case.proof),
            "{}",
            path.display()
        );
        inclusion += 1;
    }
    assert!(
        inclusion >= 3,
        "only {inclusion} inclusion vectors reproduced"
    );

    let mut consistency = 0;
    for path in &json_files(&vector_dir("consistency")) {
        let case: ConsistencyCase = load(path);
        if case.want_err || case.size2 > REFERENCE_LEAVES.len() as u64 {
            continue;
        }
        let tree = reference_tree(case.size2);
        // A few "additional" vectors use roots of another tree; the rest are the reference.
        if tree.root() != hash("root", &case.root2) {
            continue;
        }
        assert_eq!(
            tree.root_at(case.size1),
            Some(hash("root", &case.root1)),
            "{}",
            path.display()
        );
        assert_eq!(
            tree.consistency_proof(case.size1).unwrap(),
            proof(&case.proof),
            "{}",
            path.display()
        );
        consistency += 1;
    }
    assert!(
        consistency >= 3,
        "only {consistency} consistency vectors reproduced"
    );
}
