//! `assess template annual|daily|published`: a blank table for the loaded
//! rubrics, to fill in a spreadsheet and give back to `score` or `verify`.

use crate::cli::{TemplateArgs, TemplateKind};
use crate::diag::Diagnostics;
use crate::input::table::Column;
use crate::input::{annual, daily, published};
use crate::report::csv_cell;
use crate::rubric::load_rubrics;
use crate::tr;

pub fn run(args: &TemplateArgs) -> i32 {
    let mut diags = Diagnostics::new();
    let Some(catalog) = load_rubrics(&args.rubrics.rubrics, &mut diags) else {
        return super::fail(&diags.sorted());
    };
    // Each language writes what its readers fill in best: the catalog picks
    // the name or the id (Chinese: names and titles; English: ids). Either
    // reads back.
    let name = |id: &str, name: &str| tr!("template-name", id = id, name = name);
    let mut rows: Vec<Vec<String>> = Vec::new();
    let columns: &[Column] = match args.kind {
        TemplateKind::Annual => {
            for r in &catalog.rubrics {
                for u in &r.units {
                    for item in &r.items {
                        for w in &item.scorers {
                            let s = &r.scorers[w.scorer];
                            rows.push(vec![
                                name(&u.id, &u.name),
                                name(&item.id, &item.title),
                                name(&s.id, &s.name),
                                String::new(),
                                String::new(),
                            ]);
                        }
                    }
                }
            }
            annual::COLUMNS
        }
        TemplateKind::Daily => daily::COLUMNS,
        TemplateKind::Published => {
            for r in &catalog.rubrics {
                for u in &r.units {
                    rows.push(vec![
                        name(&u.id, &u.name),
                        String::new(),
                        String::new(),
                        String::new(),
                    ]);
                }
            }
            published::COLUMNS
        }
    };
    let mut text = String::new();
    if args.bom {
        text.push('\u{feff}');
    }
    let header: Vec<String> = columns
        .iter()
        .map(|c| name(c.key, c.names.first().copied().unwrap_or(c.key)))
        .collect();
    text.push_str(&header.join(","));
    text.push('\n');
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| csv_cell(c)).collect();
        text.push_str(&cells.join(","));
        text.push('\n');
    }
    super::emit(&text, args.output.as_deref())
}
