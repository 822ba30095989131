//! Keyed lookups of names and ids (units, items, scorers), made for every
//! row read, so they are fast.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Lookups of names and ids, made for every row read: a fast hash suits
/// them (the keys come from the rubric, so there is nothing to defend against).
/// Keyed by bytes, so a cell can be matched before it is checked as text.
/// A key of up to 16 bytes (an id such as `u017` or `2.3`, a short name) is
/// kept as two words and its length, read with a few loads, so matching it
/// is one hash of three words and one comparison, with no call to copy or
/// compare bytes.
#[derive(Debug, Clone)]
pub(crate) struct Keys<V> {
    short: HashMap<ShortKey, V, BuildHasherDefault<FxHasher>>,
    long: HashMap<Box<[u8]>, V, BuildHasherDefault<FxHasher>>,
}

/// Up to 16 bytes: its first and last bytes (overlapping when shorter),
/// which with the length say every byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct ShortKey(u64, u64, u8);

impl<V> Default for Keys<V> {
    fn default() -> Self {
        Keys {
            short: HashMap::default(),
            long: HashMap::default(),
        }
    }
}

impl<V> Keys<V> {
    #[inline]
    fn short(key: &[u8]) -> Option<ShortKey> {
        let n = key.len();
        let word = |b: &[u8]| u64::from_le_bytes(b.try_into().unwrap_or_default());
        let half = |b: &[u8]| u64::from(u32::from_le_bytes(b.try_into().unwrap_or_default()));
        let (first, last) = match n {
            0 => (0, 0),
            1..=3 => (
                u64::from(key[0]) | u64::from(key[n / 2]) << 8 | u64::from(key[n - 1]) << 16,
                0,
            ),
            4..=7 => (half(&key[..4]), half(&key[n - 4..])),
            8..=16 => (word(&key[..8]), word(&key[n - 8..])),
            _ => return None,
        };
        Some(ShortKey(first, last, n as u8))
    }

    pub(crate) fn insert(&mut self, key: &[u8], value: V) {
        match Self::short(key) {
            Some(k) => self.short.insert(k, value),
            None => self.long.insert(key.into(), value),
        };
    }

    #[inline]
    pub(crate) fn get(&self, key: &[u8]) -> Option<&V> {
        match Self::short(key) {
            Some(k) => self.short.get(&k),
            None => self.long.get(key),
        }
    }
}

/// The multiply-rotate hash of rustc (FxHash), eight bytes at a time.
#[derive(Default)]
pub struct FxHasher(u64);

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }

    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}
