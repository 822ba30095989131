//! `assess template annual|daily|published`: a blank table for the loaded
//! rubrics, to fill in a spreadsheet and give back to `score` or `verify`.

use crate::cli::{TemplateArgs, TemplateKind};
use crate::diag::Diagnostics;
use crate::input::table::Column;
use crate::input::{annual, daily, published};
use crate::report::{Lang, csv_cell};
use crate::rubric::load_rubrics;

pub fn run(args: &TemplateArgs) -> i32 {
    let mut diags = Diagnostics::new();
    let Some(catalog) = load_rubrics(&args.rubrics.rubrics, &mut diags) else {
        return super::fail(&diags.sorted());
    };
    let zh = crate::i18n::lang() == Lang::Zh;
    // Chinese headers with names and titles; English headers with ids.
    let name = |id: &str, zh_name: &str| {
        if zh {
            zh_name.to_string()
        } else {
            id.to_string()
        }
    };
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
    let header: Vec<&str> = columns
        .iter()
        .map(|c| {
            if zh {
                c.names.first().copied().unwrap_or(c.key)
            } else {
                c.key
            }
        })
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
