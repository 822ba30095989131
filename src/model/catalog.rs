//! Every rubric of a run, with one lookup of units by id, name or alias
//! across them, and the fast keyed lookups of names the readers use per row.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

use super::rubric::{Rubric, Unit};

/// A unit's place: which rubric, which roster entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct UnitRef {
    pub rubric: usize,
    pub unit: usize,
}

/// Every rubric of a run, with one lookup of units by id or name across them.
#[derive(Debug)]
pub struct Catalog {
    pub rubrics: Vec<Rubric>,
    unit_keys: Keys<UnitRef>,
}

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

impl Catalog {
    pub(crate) fn new(rubrics: Vec<Rubric>) -> Self {
        let mut unit_keys = Keys::default();
        // Aliases first, then names, then ids, so an id wins where an id
        // equals some name (the loader refuses an alias equal to another's name).
        for pass in 0..3 {
            for (r, rubric) in rubrics.iter().enumerate() {
                for (u, unit) in rubric.units.iter().enumerate() {
                    let keys: Vec<&String> = match pass {
                        0 => unit.aliases.iter().collect(),
                        1 => vec![&unit.name],
                        _ => vec![&unit.id],
                    };
                    for key in keys {
                        unit_keys.insert(key.as_bytes(), UnitRef { rubric: r, unit: u });
                    }
                }
            }
        }
        Catalog { rubrics, unit_keys }
    }

    /// A unit of any rubric by its id or its name.
    pub fn unit(&self, key: &str) -> Option<UnitRef> {
        self.unit_bytes(key.as_bytes())
    }

    /// A unit by the raw bytes of a cell.
    pub fn unit_bytes(&self, key: &[u8]) -> Option<UnitRef> {
        self.unit_keys.get(key).copied()
    }

    /// Every unit's id, name and aliases, in roster order (so suggestions are stable).
    pub fn unit_names(&self) -> impl Iterator<Item = &str> {
        self.rubrics.iter().flat_map(|r| {
            r.units.iter().flat_map(|u| {
                [u.id.as_str(), u.name.as_str()]
                    .into_iter()
                    .chain(u.aliases.iter().map(String::as_str))
            })
        })
    }

    pub fn rubric_of(&self, u: UnitRef) -> &Rubric {
        &self.rubrics[u.rubric]
    }

    pub fn unit_of(&self, u: UnitRef) -> &Unit {
        &self.rubrics[u.rubric].units[u.unit]
    }

    pub fn sources(&self) -> impl Iterator<Item = &Arc<str>> {
        self.rubrics.iter().map(|r| &r.origin.path)
    }
}
