//! What must hold across the rubrics of a run: unique rubric ids, unit ids
//! and unit names, and aliases that name one unit only.

use std::collections::HashMap;
use std::sync::Arc;

use crate::model::rubric::{Rubric, Unit};
use crate::model::source::Location;
use crate::text::diag::Diagnostics;
use crate::text::i18n::msg;

/// Rubric ids are unique among the rubrics of a run.
pub(super) fn check_ids(rubrics: &[Rubric], diags: &mut Diagnostics) {
    let mut ids: HashMap<&str, &Rubric> = HashMap::new();
    for r in rubrics {
        if let Some(first) = ids.insert(&r.id, r) {
            diags.error_at(
                &r.origin.path,
                1,
                msg!("rubric-id-taken", id = &r.id, first = &first.origin.path),
            );
        }
    }
}

/// Rules that span rubrics: each unit belongs to exactly one of them, and
/// an alias names one unit only.
pub(super) fn check_units(rosters: &[(&Arc<str>, &[Unit])], diags: &mut Diagnostics) {
    let mut unit_ids: HashMap<&str, (&Arc<str>, &Unit)> = HashMap::new();
    let mut unit_names: HashMap<&str, (&Arc<str>, &Unit)> = HashMap::new();
    for (path, units) in rosters {
        for u in *units {
            let by_id: fn(&Unit) -> usize = |u| u.line;
            let by_name: fn(&Unit) -> usize = |u| u.name_line;
            for (key, map, what, line) in [
                (&u.id, &mut unit_ids, msg!("rubric-unit-id"), by_id),
                (&u.name, &mut unit_names, msg!("rubric-unit-name"), by_name),
            ] {
                if let Some((fpath, fu)) = map.insert(key, (path, u)) {
                    diags.error_at(
                        path,
                        line(u),
                        msg!(
                            "rubric-unit-taken",
                            what = what,
                            value = key,
                            first = Location::new(fpath, line(fu)),
                        ),
                    );
                }
            }
        }
    }
    // An alias names its unit wherever a name does: it may be no other
    // unit's id, name or alias.
    let mut owner: HashMap<&str, (&Arc<str>, &Unit)> = HashMap::new();
    for (path, units) in rosters {
        for u in *units {
            for key in [&u.id, &u.name] {
                owner.entry(key).or_insert((path, u));
            }
        }
    }
    for (path, units) in rosters {
        for u in *units {
            for alias in &u.aliases {
                match owner.get(alias.as_str()) {
                    Some((fpath, fu)) if !std::ptr::eq(*fu, u) => diags.error_at(
                        path,
                        u.alias_line,
                        msg!(
                            "rubric-alias-taken",
                            alias = alias.as_str(),
                            unit = fu.name.as_str(),
                            at = Location::new(fpath, fu.line)
                        ),
                    ),
                    _ => {
                        owner.insert(alias, (path, u));
                    }
                }
            }
        }
    }
}
