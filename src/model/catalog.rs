//! Every rubric of a run, with one lookup of units by id, name or alias
//! across them, and the fast keyed lookups of names the readers use per row.

use std::sync::Arc;

use super::keys::Keys;
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
