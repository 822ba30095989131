//! `--self FILE`: the units' self-assessment (自评), their claimed score
//! on each leaf, read to be shown beside the final scores (SPEC 12).
//!
//! A claims table is an annual table without scorers: `unit, item, score`
//! (单位, 项目, 自评得分), one row per unit and leaf, in UTF-8 or GBK.

use rust_decimal::Decimal;
use std::path::Path;
use std::sync::Arc;

use crate::diag::{Diagnostics, Location, hint};
use crate::msg;
use crate::num;
use crate::rubric::{Catalog, UnitRef};

/// One claimed leaf score: `None` is a claim that the leaf does not apply.
#[derive(Debug, Clone)]
pub struct Claim {
    pub unit: UnitRef,
    pub item: usize,
    pub score: Option<Decimal>,
    pub at: Location,
}

const UNIT: &[&str] = &["unit", "单位", "单位名称", "被考核单位", "考核对象"];
const ITEM: &[&str] = &["item", "项目", "考核项目", "指标"];
const SCORE: &[&str] = &["score", "得分", "自评得分", "自评分", "自评分数", "分数"];

/// Reads every claim of the files; `None` when any is wrong (all reported).
pub fn read(
    catalog: &Catalog,
    paths: &[std::path::PathBuf],
    diags: &mut Diagnostics,
) -> Option<Vec<Claim>> {
    let before = diags.len();
    let mut out: Vec<Claim> = Vec::new();
    for path in paths {
        read_file(catalog, path, &mut out, diags);
    }
    (diags.len() == before).then_some(out)
}

fn read_file(catalog: &Catalog, path: &Path, out: &mut Vec<Claim>, diags: &mut Diagnostics) {
    let Some((file, bytes)) = crate::source::read(path, "file", diags) else {
        return;
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.to_string(),
        Err(_) => {
            let (t, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
            if had_errors {
                diags.error(Location::new(&file, 0), msg!("claims-encoding"));
                return;
            }
            t.into_owned()
        }
    };
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map(|h| h.iter().map(|c| c.trim().to_lowercase()).collect())
        .unwrap_or_default();
    let find = |names: &[&str]| header.iter().position(|h| names.contains(&h.as_str()));
    let (Some(u), Some(i), Some(s)) = (find(UNIT), find(ITEM), find(SCORE)) else {
        diags.error(Location::new(&file, 1), msg!("claims-header"));
        return;
    };
    for record in reader.records() {
        let Ok(record) = record else {
            diags.error(Location::new(&file, 0), msg!("claims-bad-csv"));
            return;
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
        let at = Location::new(&file, line);
        let cell = |k: usize| record.get(k).unwrap_or("").trim();
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        claim(catalog, &file, at, cell(u), cell(i), cell(s), out, diags);
    }
}

#[allow(clippy::too_many_arguments)]
fn claim(
    catalog: &Catalog,
    file: &Arc<str>,
    at: Location,
    unit_cell: &str,
    item_cell: &str,
    score_cell: &str,
    out: &mut Vec<Claim>,
    diags: &mut Diagnostics,
) {
    let _ = file;
    let Some(unit) = catalog.unit(unit_cell) else {
        diags.error(
            at,
            msg!(
                "input-unknown-unit",
                unit = unit_cell,
                hint = hint(unit_cell, catalog.unit_names())
            ),
        );
        return;
    };
    let rubric = catalog.rubric_of(unit);
    let Some(item) = rubric.item(item_cell) else {
        diags.error(
            at,
            msg!(
                "input-unknown-item",
                item = item_cell,
                unit = &catalog.unit_of(unit).name,
                rubric = &rubric.id,
                hint = hint(item_cell, rubric.item_names())
            ),
        );
        return;
    };
    let leaf = &rubric.items[item];
    let score = if crate::input::annual::is_na(score_cell) {
        None
    } else {
        match num::parse_plain(score_cell) {
            Ok(v) if v < Decimal::ZERO || v > leaf.max => {
                diags.error(
                    at,
                    msg!(
                        "claims-out-of-range",
                        score = score_cell,
                        item = &leaf.id,
                        max = num::plain(leaf.max)
                    ),
                );
                return;
            }
            // Claims are used as written: no more places than the rubric publishes.
            Ok(v) if v.normalize().scale() > rubric.decimals => {
                diags.error(
                    at,
                    msg!(
                        "claims-places",
                        score = score_cell,
                        decimals = rubric.decimals
                    ),
                );
                return;
            }
            Ok(v) => Some(v),
            Err(e) => {
                diags.error(
                    at,
                    msg!(
                        "claims-not-number",
                        score = score_cell,
                        reason = e.explain()
                    ),
                );
                return;
            }
        }
    };
    if let Some(first) = out.iter().find(|c| c.unit == unit && c.item == item) {
        diags.error(
            at,
            msg!(
                "claims-twice",
                unit = &catalog.unit_of(unit).name,
                item = &leaf.id,
                first = &first.at
            ),
        );
        return;
    }
    out.push(Claim {
        unit,
        item,
        score,
        at,
    });
}
