//! Interning text to integer ids, so the diff compares integers, not strings.
//!
//! The hasher is FxHash (as in rustc): the keys are short words from the inputs being
//! compared, not attacker-chosen keys of a long-lived table, and SipHash's cost showed
//! as a tenth of a comparison's time in profiles.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hash, Hasher};

#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
pub type FastSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

/// Ids handed out in order of first sight.
pub struct Interner<K> {
    ids: FastMap<K, u32>,
}

impl<K: Hash + Eq> Interner<K> {
    pub fn new() -> Self {
        Interner {
            ids: FastMap::default(),
        }
    }

    /// An interner with room for `keys` keys before it grows.
    pub fn with_capacity(keys: usize) -> Self {
        Interner {
            ids: FastMap::with_capacity_and_hasher(keys, Default::default()),
        }
    }

    /// The id of `key`, a new one if it was never seen.
    pub fn id(&mut self, key: K) -> u32 {
        let next = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
        *self.ids.entry(key).or_insert(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_keys_share_an_id_and_new_keys_get_new_ones() {
        let mut interner = Interner::new();
        let a = interner.id("Lee");
        let b = interner.id("Xi");
        assert_ne!(a, b);
        assert_eq!(interner.id("Lee"), a);
        assert_eq!(interner.id("Xi"), b);
        assert_ne!(interner.id("Kang"), a);
    }
}
