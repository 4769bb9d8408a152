//! RFC 6962 / RFC 9162 §2.1 Merkle tree hashing, inclusion and consistency proofs.
//!
//! The ledger's leaves are hashed with a 0x00 prefix and interior nodes with a 0x01 prefix, so a
//! leaf can never be passed off as an interior node (second-preimage resistance, RFC 9162 §2.1.1).
//! The tree shape is the RFC one: the left subtree of a tree with `n > 1` leaves holds the largest
//! power of two strictly less than `n` leaves. Anything that agrees with Certificate Transparency
//! therefore agrees with this module, and the published transparency-dev vectors pin it
//! (`tests/it/merkle_vectors.rs`).
//!
//! Error rules: every size, index and proof handed to a `verify_*` function is treated as untrusted.
//! Nothing here panics on such input; a malformed or lying proof is an `Err`, never a `false` that
//! a caller could forget to check.

use sha2::{Digest, Sha256};

/// A SHA-256 digest: a leaf hash, an interior node hash or a tree root.
pub type Hash = [u8; 32];

/// Domain-separation prefix of leaf hashes (RFC 9162 §2.1.1).
const LEAF_PREFIX: u8 = 0x00;
/// Domain-separation prefix of interior node hashes (RFC 9162 §2.1.1).
const NODE_PREFIX: u8 = 0x01;

/// Why a Merkle operation refused its input.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum MerkleError {
    /// The leaf index is not inside the tree.
    #[error("leaf index {index} is out of range for a tree of {size} leaves")]
    IndexOutOfRange {
        /// The index that was asked for.
        index: u64,
        /// The size of the tree it was asked of.
        size: u64,
    },
    /// The two tree sizes of a consistency check cannot describe an older and a newer tree.
    #[error("bad tree sizes: the old tree ({old_size} leaves) is larger than the new one ({new_size} leaves)")]
    BadSizes {
        /// The size claimed for the older tree.
        old_size: u64,
        /// The size claimed for the newer tree.
        new_size: u64,
    },
    /// A consistency proof from the empty tree was asked for or offered; RFC 9162 §2.1.4 only
    /// defines them for `0 < old_size`, and such a proof could not bind anything anyway.
    #[error(
        "a consistency proof from the empty tree (old size 0) proves nothing and is not accepted"
    )]
    EmptyOldTree,
    /// The proof has more or fewer hashes than the tree sizes call for.
    #[error("the proof has the wrong number of hashes for these tree sizes")]
    WrongProofLength,
    /// The proof does not lead to the expected (new) root: the leaf, index, size, proof or root
    /// is not what it claims to be.
    #[error("the proof does not lead to the expected root hash")]
    RootMismatch,
    /// A consistency proof does not reproduce the old tree's root.
    #[error("the consistency proof does not reproduce the old root hash")]
    OldRootMismatch,
}

/// Hash of one leaf's data: `SHA-256(0x00 || data)`.
pub fn leaf_hash(data: &[u8]) -> Hash {
    let mut h = Sha256::new();
    h.update([LEAF_PREFIX]);
    h.update(data);
    h.finalize().into()
}

/// Hash of an interior node: `SHA-256(0x01 || left || right)`.
pub fn node_hash(left: &Hash, right: &Hash) -> Hash {
    let mut h = Sha256::new();
    h.update([NODE_PREFIX]);
    h.update(left);
    h.update(right);
    h.finalize().into()
}

/// Root of the empty tree: `SHA-256("")` (RFC 9162 §2.1.1).
pub fn empty_root() -> Hash {
    Sha256::digest([]).into()
}

/// The Merkle tree hash (MTH) over already-hashed leaves.
///
/// Runs in O(n) time and O(log n) memory by streaming the leaves through an [`Accumulator`].
pub fn root(leaves: &[Hash]) -> Hash {
    let mut acc = Accumulator::new();
    for leaf in leaves {
        acc.push(*leaf);
    }
    acc.root()
}

/// Largest power of two strictly less than `n`; the size of the left subtree. Needs `n >= 2`.
fn split_point(n: usize) -> usize {
    debug_assert!(n >= 2);
    1 << (usize::BITS - 1 - (n - 1).leading_zeros())
}

/// The audit path (RFC 9162 §2.1.3.1 `PATH(m, D[n])`) proving that `leaves[index]` is in the tree
/// of all `leaves`, ordered from the leaf's sibling up to the child of the root.
///
/// Costs O(n) hashing in total: each level hashes only the subtree the leaf is not in.
pub fn inclusion_proof(leaves: &[Hash], index: u64) -> Result<Vec<Hash>, MerkleError> {
    let mut m = usize::try_from(index)
        .ok()
        .filter(|&m| m < leaves.len())
        .ok_or(MerkleError::IndexOutOfRange {
            index,
            size: leaves.len() as u64,
        })?;
    // Walk from the root down to the leaf; the recursion in the RFC appends each sibling after
    // the deeper part of the path, so the siblings are collected top-down and reversed.
    let mut sub = leaves;
    let mut path = Vec::new();
    while sub.len() > 1 {
        let k = split_point(sub.len());
        if m < k {
            path.push(root(&sub[k..]));
            sub = &sub[..k];
        } else {
            path.push(root(&sub[..k]));
            sub = &sub[k..];
            m -= k;
        }
    }
    path.reverse();
    Ok(path)
}

/// Verify that `leaf` sits at `index` in the tree of `size` leaves whose root is `root`, following
/// RFC 9162 §2.1.3.2 step by step.
pub fn verify_inclusion(
    leaf: &Hash,
    index: u64,
    size: u64,
    proof: &[Hash],
    root: &Hash,
) -> Result<(), MerkleError> {
    if index >= size {
        return Err(MerkleError::IndexOutOfRange { index, size });
    }
    let mut f = index;
    let mut s = size - 1;
    let mut r = *leaf;
    for p in proof {
        // More hashes than levels: the proof was padded or is for another size.
        if s == 0 {
            return Err(MerkleError::WrongProofLength);
        }
        if f & 1 == 1 || f == s {
            r = node_hash(p, &r);
            // Skip the levels where this node is the right-most and has no right sibling.
            while f & 1 == 0 && f != 0 {
                f >>= 1;
                s >>= 1;
            }
        } else {
            r = node_hash(&r, p);
        }
        f >>= 1;
        s >>= 1;
    }
    // Fewer hashes than levels: the proof was truncated or is for another size.
    if s != 0 {
        return Err(MerkleError::WrongProofLength);
    }
    if r != *root {
        return Err(MerkleError::RootMismatch);
    }
    Ok(())
}

/// The consistency proof (RFC 9162 §2.1.4.1 `PROOF(m, D[n])`) that the tree of the first
/// `old_size` leaves is a prefix of the tree of all `leaves`.
///
/// `old_size == leaves.len()` gives the empty proof; `old_size == 0` is refused like in
/// [`verify_consistency`].
pub fn consistency_proof(leaves: &[Hash], old_size: u64) -> Result<Vec<Hash>, MerkleError> {
    let new_size = leaves.len() as u64;
    let mut m = usize::try_from(old_size)
        .ok()
        .filter(|&m| m <= leaves.len())
        .ok_or(MerkleError::BadSizes { old_size, new_size })?;
    if m == 0 {
        return Err(MerkleError::EmptyOldTree);
    }
    // SUBPROOF(m, D[n], b) unrolled: `whole_old_tree` is the RFC's `b`, true while the old tree
    // is still the whole left part of the current subtree (its root is then known to the verifier).
    let mut sub = leaves;
    let mut whole_old_tree = true;
    let mut proof = Vec::new();
    while m < sub.len() {
        let k = split_point(sub.len());
        if m <= k {
            proof.push(root(&sub[k..]));
            sub = &sub[..k];
        } else {
            proof.push(root(&sub[..k]));
            sub = &sub[k..];
            m -= k;
            whole_old_tree = false;
        }
    }
    if !whole_old_tree {
        proof.push(root(sub));
    }
    proof.reverse();
    Ok(proof)
}

/// Verify that the tree of `new_size` leaves with root `new_root` extends the tree of `old_size`
/// leaves with root `old_root`, following RFC 9162 §2.1.4.2 step by step.
///
/// Equal sizes need an empty proof and equal roots. `old_size == 0` is always rejected with
/// [`MerkleError::EmptyOldTree`] (as the transparency-dev vectors require): the empty tree is a
/// prefix of every tree, so a caller that wants to accept it must special-case it knowingly.
pub fn verify_consistency(
    old_size: u64,
    new_size: u64,
    old_root: &Hash,
    new_root: &Hash,
    proof: &[Hash],
) -> Result<(), MerkleError> {
    if old_size > new_size {
        return Err(MerkleError::BadSizes { old_size, new_size });
    }
    if old_size == 0 {
        return Err(MerkleError::EmptyOldTree);
    }
    if old_size == new_size {
        if !proof.is_empty() {
            return Err(MerkleError::WrongProofLength);
        }
        if old_root != new_root {
            return Err(MerkleError::RootMismatch);
        }
        return Ok(());
    }
    // Step 1.
    if proof.is_empty() {
        return Err(MerkleError::WrongProofLength);
    }
    // Step 2: when the old tree is a complete subtree its root is the first path element; chain
    // it in front instead of copying the proof.
    let prepend = old_size.is_power_of_two().then_some(old_root);
    let mut path = prepend.into_iter().chain(proof);
    // Step 3 and 4.
    let mut f = old_size - 1;
    let mut s = new_size - 1;
    while f & 1 == 1 {
        f >>= 1;
        s >>= 1;
    }
    // Step 5: `path` is non-empty since `proof` is.
    let Some(first) = path.next() else {
        return Err(MerkleError::WrongProofLength);
    };
    let mut fr = *first;
    let mut sr = *first;
    // Step 6.
    for c in path {
        if s == 0 {
            return Err(MerkleError::WrongProofLength);
        }
        if f & 1 == 1 || f == s {
            fr = node_hash(c, &fr);
            sr = node_hash(c, &sr);
            while f & 1 == 0 && f != 0 {
                f >>= 1;
                s >>= 1;
            }
        } else {
            sr = node_hash(&sr, c);
        }
        f >>= 1;
        s >>= 1;
    }
    // Step 7.
    if s != 0 {
        return Err(MerkleError::WrongProofLength);
    }
    if fr != *old_root {
        return Err(MerkleError::OldRootMismatch);
    }
    if sr != *new_root {
        return Err(MerkleError::RootMismatch);
    }
    Ok(())
}

/// Append-only accumulator (compact range): push leaf hashes one by one, ask the root of the
/// current size in O(log n) time and memory. Used to compute the root at every checkpoint size in
/// one pass.
///
/// It keeps the roots of the perfect subtrees that make up the tree so far, one per set bit of
/// the size, largest (left-most) first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Accumulator {
    size: u64,
    peaks: Vec<Hash>,
}

impl Accumulator {
    /// An accumulator over the empty tree.
    pub fn new() -> Self {
        Self::default()
    }

    /// Append one leaf hash (as made by [`leaf_hash`]).
    pub fn push(&mut self, leaf: Hash) {
        // Like a binary increment: every trailing 1-bit of the size is a perfect subtree of the
        // same height as the carry, which merges with it into one twice as large.
        let mut carry = leaf;
        let mut s = self.size;
        while s & 1 == 1 {
            let Some(left) = self.peaks.pop() else { break };
            carry = node_hash(&left, &carry);
            s >>= 1;
        }
        self.peaks.push(carry);
        // 2^64 leaves cannot be pushed in practice; wrapping keeps this panic-free regardless.
        self.size = self.size.wrapping_add(1);
    }

    /// Number of leaves pushed so far.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// The Merkle tree hash of the leaves pushed so far.
    pub fn root(&self) -> Hash {
        // The RFC tree hangs the smaller subtrees off the right, so fold from the smallest peak.
        let mut peaks = self.peaks.iter().rev();
        let Some(last) = peaks.next() else {
            return empty_root();
        };
        peaks.fold(*last, |right, left| node_hash(left, &right))
    }
}

/// A Merkle tree built once from its leaves, from which every root, inclusion proof and
/// consistency proof is taken in O(log n) node look-ups instead of the O(n) hashing of the
/// free functions above (which stay the reference: verification uses them, and the tests check
/// that the two agree).
///
/// It keeps every perfect subtree's root: level `h` holds the roots of the aligned runs of `2^h`
/// leaves (`levels[h][i]` covers leaves `i*2^h .. (i+1)*2^h`), so about `2n` hashes in all
/// (64 bytes a leaf). A subtree of the RFC 9162 shape that is not perfect (the right edge of a
/// tree whose size is not a power of two) is one perfect left part and a smaller right edge,
/// so its root is at most `log2 n` look-ups and as many hashes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tree {
    levels: Vec<Vec<Hash>>,
}

impl Tree {
    /// Builds the tree over already-hashed leaves: `n - 1` interior hashes, once.
    pub fn new(leaves: Vec<Hash>) -> Tree {
        let mut levels = vec![leaves];
        while let Some(below) = levels.last().filter(|l| l.len() > 1) {
            let above: Vec<Hash> = below
                .chunks_exact(2)
                .map(|pair| node_hash(&pair[0], &pair[1]))
                .collect();
            levels.push(above);
        }
        Tree { levels }
    }

    /// Number of leaves.
    pub fn size(&self) -> u64 {
        self.levels.first().map_or(0, |l| l.len() as u64)
    }

    /// The leaf hashes.
    pub fn leaves(&self) -> &[Hash] {
        self.levels.first().map_or(&[], Vec::as_slice)
    }

    /// Root of the whole tree (the same as [`root`] over the leaves).
    pub fn root(&self) -> Hash {
        self.range_root(0, self.leaves().len())
    }

    /// Root of the tree of the first `size` leaves (an earlier checkpoint's root), or `None`
    /// when `size` exceeds the tree.
    pub fn root_at(&self, size: u64) -> Option<Hash> {
        let n = usize::try_from(size)
            .ok()
            .filter(|&n| n <= self.leaves().len())?;
        Some(self.range_root(0, n))
    }

    /// Merkle tree hash of the leaves `start .. start + len`, by the RFC definition; a perfect,
    /// aligned run is one look-up. Needs `start + len <= size`.
    fn range_root(&self, start: usize, len: usize) -> Hash {
        match len {
            0 => empty_root(),
            1 => self.leaves()[start],
            _ if len.is_power_of_two() && start.is_multiple_of(len) => {
                let h = len.trailing_zeros() as usize;
                self.levels[h][start >> h]
            }
            _ => {
                let k = split_point(len);
                node_hash(
                    &self.range_root(start, k),
                    &self.range_root(start + k, len - k),
                )
            }
        }
    }

    /// The audit path of leaf `index`, equal to [`inclusion_proof`] over the same leaves.
    pub fn inclusion_proof(&self, index: u64) -> Result<Vec<Hash>, MerkleError> {
        let n = self.leaves().len();
        let mut m =
            usize::try_from(index)
                .ok()
                .filter(|&m| m < n)
                .ok_or(MerkleError::IndexOutOfRange {
                    index,
                    size: n as u64,
                })?;
        // The same walk as `inclusion_proof`, on (start, len) ranges instead of slices.
        let (mut start, mut len) = (0, n);
        let mut path = Vec::new();
        while len > 1 {
            let k = split_point(len);
            if m < k {
                path.push(self.range_root(start + k, len - k));
                len = k;
            } else {
                path.push(self.range_root(start, k));
                start += k;
                len -= k;
                m -= k;
            }
        }
        path.reverse();
        Ok(path)
    }

    /// The consistency proof from the tree of the first `old_size` leaves to the whole tree,
    /// equal to [`consistency_proof`] over the same leaves.
    pub fn consistency_proof(&self, old_size: u64) -> Result<Vec<Hash>, MerkleError> {
        let n = self.leaves().len();
        let mut m =
            usize::try_from(old_size)
                .ok()
                .filter(|&m| m <= n)
                .ok_or(MerkleError::BadSizes {
                    old_size,
                    new_size: n as u64,
                })?;
        if m == 0 {
            return Err(MerkleError::EmptyOldTree);
        }
        // The same walk as `consistency_proof`, on (start, len) ranges instead of slices.
        let (mut start, mut len) = (0, n);
        let mut whole_old_tree = true;
        let mut proof = Vec::new();
        while m < len {
            let k = split_point(len);
            if m <= k {
                proof.push(self.range_root(start + k, len - k));
                len = k;
            } else {
                proof.push(self.range_root(start, k));
                start += k;
                len -= k;
                m -= k;
                whole_old_tree = false;
            }
        }
        if !whole_old_tree {
            proof.push(self.range_root(start, len));
        }
        proof.reverse();
        Ok(proof)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The RFC 9162 §2.1.1 definition, recursively and without shortcuts.
    fn naive_root(leaves: &[Hash]) -> Hash {
        match leaves.len() {
            0 => empty_root(),
            1 => leaves[0],
            n => {
                let mut k = 1;
                while k * 2 < n {
                    k *= 2;
                }
                node_hash(&naive_root(&leaves[..k]), &naive_root(&leaves[k..]))
            }
        }
    }

    /// Length of `PATH(m, D[n])` by the RFC 9162 §2.1.3.1 recursion.
    fn path_len(m: u64, n: u64) -> usize {
        if n <= 1 {
            return 0;
        }
        let k = 1 << (63 - (n - 1).leading_zeros());
        1 + if m < k {
            path_len(m, k)
        } else {
            path_len(m - k, n - k)
        }
    }

    /// Length of `PROOF(m, D[n])` by the RFC 9162 §2.1.4.1 recursion (`0 < m <= n`).
    fn proof_len(m: u64, n: u64) -> usize {
        fn sub(m: u64, n: u64, whole: bool) -> usize {
            if m == n {
                return usize::from(!whole);
            }
            let k = 1 << (63 - (n - 1).leading_zeros());
            1 + if m <= k {
                sub(m, k, whole)
            } else {
                sub(m - k, n - k, false)
            }
        }
        sub(m, n, true)
    }

    fn leaves(n: usize) -> Vec<Hash> {
        (0..n).map(|i| leaf_hash(&i.to_be_bytes())).collect()
    }

    /// Flip one bit in byte `i` of `h` (a different bit for each byte so all bit positions occur).
    fn flipped(h: &Hash, i: usize) -> Hash {
        let mut h = *h;
        h[i] ^= 1 << (i % 8);
        h
    }

    /// Every root, inclusion proof and consistency proof the tree gives equals the reference
    /// functions' for every size up to 70 (every shape of the small trees).
    #[test]
    fn tree_equals_reference_for_every_small_tree() {
        let all = leaves(70);
        for n in 0..=all.len() {
            let tree = Tree::new(all[..n].to_vec());
            assert_eq!(tree.size(), n as u64);
            assert_eq!(tree.root(), root(&all[..n]), "n = {n}");
            for m in 0..=n {
                assert_eq!(tree.root_at(m as u64), Some(root(&all[..m])), "m = {m}");
            }
            assert_eq!(tree.root_at(n as u64 + 1), None);
            for i in 0..=n as u64 + 1 {
                assert_eq!(
                    tree.inclusion_proof(i),
                    inclusion_proof(&all[..n], i),
                    "n = {n}, i = {i}"
                );
            }
            for m in 0..=n as u64 + 1 {
                assert_eq!(
                    tree.consistency_proof(m),
                    consistency_proof(&all[..n], m),
                    "n = {n}, m = {m}"
                );
            }
        }
        let tree = Tree::new(all);
        assert!(tree.inclusion_proof(u64::MAX).is_err());
        assert!(tree.consistency_proof(u64::MAX).is_err());
        assert_eq!(tree.root_at(u64::MAX), None);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        /// Larger trees of any size, any leaf and any earlier size: the tree's proofs equal the
        /// reference functions' and verify.
        #[test]
        fn tree_equals_reference_for_larger_trees(
            n in 1usize..5000,
            picks in proptest::collection::vec(0usize..usize::MAX, 8),
        ) {
            let all = leaves(n);
            let tree = Tree::new(all.clone());
            let r = root(&all);
            proptest::prop_assert_eq!(tree.root(), r);
            for p in picks {
                let i = (p % n) as u64;
                let proof = tree.inclusion_proof(i).unwrap();
                proptest::prop_assert_eq!(&proof, &inclusion_proof(&all, i).unwrap());
                proptest::prop_assert_eq!(
                    verify_inclusion(&all[i as usize], i, n as u64, &proof, &r),
                    Ok(())
                );
                let m = i + 1;
                let old = tree.root_at(m).unwrap();
                proptest::prop_assert_eq!(old, root(&all[..m as usize]));
                let proof = tree.consistency_proof(m).unwrap();
                proptest::prop_assert_eq!(&proof, &consistency_proof(&all, m).unwrap());
                proptest::prop_assert_eq!(
                    verify_consistency(m, n as u64, &old, &r, &proof),
                    Ok(())
                );
            }
        }
    }

    #[test]
    fn empty_root_is_sha256_of_nothing() {
        assert_eq!(
            empty_root()[..4],
            [0xe3, 0xb0, 0xc4, 0x42],
            "SHA-256(\"\") starts e3b0c442"
        );
        assert_eq!(root(&[]), empty_root());
    }

    #[test]
    fn root_matches_naive_definition() {
        let all = leaves(70);
        for n in 0..=all.len() {
            assert_eq!(root(&all[..n]), naive_root(&all[..n]), "n = {n}");
        }
    }

    #[test]
    fn root_of_many_leaves_is_linear() {
        let all = leaves(100_000);
        let start = std::time::Instant::now();
        let r = root(&all);
        let mut acc = Accumulator::new();
        all.iter().for_each(|l| acc.push(*l));
        assert_eq!(acc.root(), r);
        assert_eq!(acc.size(), 100_000);
        // Generous bound even for an unoptimised build: a quadratic tree would take minutes.
        assert!(start.elapsed().as_secs() < 20);
    }

    #[test]
    fn accumulator_matches_every_prefix() {
        let all = leaves(130);
        let mut acc = Accumulator::new();
        assert_eq!(acc.root(), empty_root());
        for (i, leaf) in all.iter().enumerate() {
            acc.push(*leaf);
            assert_eq!(acc.size(), i as u64 + 1);
            assert_eq!(acc.root(), naive_root(&all[..=i]), "size {}", i + 1);
        }
    }

    #[test]
    fn every_inclusion_proof_verifies_and_any_change_fails() {
        let all = leaves(20);
        for n in 1..=all.len() {
            let tree = &all[..n];
            let r = root(tree);
            let size = n as u64;
            for i in 0..n {
                let idx = i as u64;
                let proof = inclusion_proof(tree, idx).unwrap();
                assert_eq!(proof.len(), path_len(idx, size));
                assert_eq!(verify_inclusion(&tree[i], idx, size, &proof, &r), Ok(()));

                for b in 0..32 {
                    let bad_leaf = flipped(&tree[i], b);
                    assert!(verify_inclusion(&bad_leaf, idx, size, &proof, &r).is_err());
                    let bad_root = flipped(&r, b);
                    assert!(verify_inclusion(&tree[i], idx, size, &proof, &bad_root).is_err());
                    for p in 0..proof.len() {
                        let mut bad = proof.clone();
                        bad[p] = flipped(&bad[p], b);
                        assert!(verify_inclusion(&tree[i], idx, size, &bad, &r).is_err());
                    }
                }
                // Another index, another size, a longer or shorter proof.
                for j in 0..n as u64 + 2 {
                    if j != idx {
                        assert!(verify_inclusion(&tree[i], j, size, &proof, &r).is_err());
                    }
                }
                // An inclusion proof binds the tree size only through the shape of the path
                // (the signed checkpoint binds the size itself), so a size whose path has the
                // same length may verify; every other size must fail on the length.
                for other in [0, size - 1, size + 1, size * 2, u64::MAX] {
                    let got = verify_inclusion(&tree[i], idx, other, &proof, &r);
                    if other <= idx {
                        assert_eq!(
                            got,
                            Err(MerkleError::IndexOutOfRange {
                                index: idx,
                                size: other
                            })
                        );
                    } else if path_len(idx, other) != proof.len() {
                        assert_eq!(got, Err(MerkleError::WrongProofLength));
                    }
                }
                let mut longer = proof.clone();
                longer.push(r);
                assert_eq!(
                    verify_inclusion(&tree[i], idx, size, &longer, &r),
                    Err(MerkleError::WrongProofLength)
                );
                if !proof.is_empty() {
                    assert_eq!(
                        verify_inclusion(&tree[i], idx, size, &proof[1..], &r),
                        Err(MerkleError::WrongProofLength)
                    );
                }
            }
            assert_eq!(
                inclusion_proof(tree, size),
                Err(MerkleError::IndexOutOfRange { index: size, size })
            );
        }
        assert!(inclusion_proof(&[], 0).is_err());
        assert!(inclusion_proof(&all, u64::MAX).is_err());
        assert!(verify_inclusion(&all[0], 0, 0, &[], &empty_root()).is_err());
    }

    #[test]
    fn every_consistency_proof_verifies_and_any_change_fails() {
        let all = leaves(20);
        for n in 1..=all.len() {
            let new = &all[..n];
            let new_root = root(new);
            let new_size = n as u64;
            for m in 1..=n {
                let old_root = root(&all[..m]);
                let old_size = m as u64;
                let proof = consistency_proof(new, old_size).unwrap();
                assert_eq!(proof.len(), proof_len(old_size, new_size));
                assert_eq!(
                    verify_consistency(old_size, new_size, &old_root, &new_root, &proof),
                    Ok(()),
                    "m = {m}, n = {n}"
                );
                for b in 0..32 {
                    let bad = flipped(&old_root, b);
                    assert!(
                        verify_consistency(old_size, new_size, &bad, &new_root, &proof).is_err()
                    );
                    let bad = flipped(&new_root, b);
                    assert!(
                        verify_consistency(old_size, new_size, &old_root, &bad, &proof).is_err()
                    );
                    for p in 0..proof.len() {
                        let mut bad = proof.clone();
                        bad[p] = flipped(&bad[p], b);
                        assert!(
                            verify_consistency(old_size, new_size, &old_root, &new_root, &bad)
                                .is_err()
                        );
                    }
                }
                // As with inclusion, sizes are bound only through the shape of the proof.
                for other in 0..n as u64 + 3 {
                    let shape = |m: u64, n: u64| m == 0 || m > n || proof_len(m, n) != proof.len();
                    if other != old_size && shape(other, new_size) {
                        assert!(
                            verify_consistency(other, new_size, &old_root, &new_root, &proof)
                                .is_err()
                        );
                    }
                    if other != new_size && shape(old_size, other) {
                        assert!(
                            verify_consistency(old_size, other, &old_root, &new_root, &proof)
                                .is_err()
                        );
                    }
                }
                if m != n {
                    assert!(
                        verify_consistency(old_size, new_size, &new_root, &old_root, &proof)
                            .is_err()
                    );
                    assert!(
                        verify_consistency(old_size, new_size, &old_root, &new_root, &[]).is_err()
                    );
                    assert!(verify_consistency(
                        old_size,
                        new_size,
                        &old_root,
                        &new_root,
                        &proof[1..]
                    )
                    .is_err());
                }
                let mut longer = proof.clone();
                longer.push(new_root);
                assert!(
                    verify_consistency(old_size, new_size, &old_root, &new_root, &longer).is_err()
                );
            }
            assert_eq!(
                consistency_proof(new, 0),
                Err(MerkleError::EmptyOldTree),
                "n = {n}"
            );
            assert!(consistency_proof(new, new_size + 1).is_err());
        }
        let e = empty_root();
        assert_eq!(
            verify_consistency(0, 0, &e, &e, &[]),
            Err(MerkleError::EmptyOldTree)
        );
        assert!(verify_consistency(u64::MAX, 1, &e, &e, &[e]).is_err());
        assert!(verify_consistency(1, u64::MAX, &e, &e, &[e; 70]).is_err());
    }
}
