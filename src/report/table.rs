//! `--format table` (the default): one table per rubric, as a notice would
//! publish it, with marks for veto, rescaled totals and provisional results.

use comfy_table::{Cell, CellAlignment, ContentArrangement, Table, presets};

use super::Lang;
use crate::num::{fixed, plain};
use crate::rubric::Catalog;
use crate::score::Results;

pub fn render(catalog: &Catalog, results: &Results, lang: Lang) -> String {
    let mut out = String::new();
    if results.provisional() {
        out.push_str(lang.pick(
            "【暂定结果】有年度得分缺失，已按 0 分计算（--allow-missing）。\n\n",
            "[PROVISIONAL] Some annual scores are missing and were counted as 0 (--allow-missing).\n\n",
        ));
    }
    for (n, rr) in results.rubrics.iter().enumerate() {
        let r = &catalog.rubrics[rr.rubric];
        if n > 0 {
            out.push('\n');
        }
        out.push_str(&r.title);
        out.push('\n');
        let mut t = Table::new();
        t.load_style(presets::UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Disabled);
        let mut header = vec![
            lang.pick("名次", "Rank").to_string(),
            lang.pick("单位", "Unit").to_string(),
        ];
        header.extend(r.sections.iter().map(|s| s.title.clone()));
        header.extend(
            [
                lang.pick("核减", "Deducted"),
                lang.pick("核加", "Added"),
                lang.pick("总分", "Total"),
                lang.pick("等次", "Grade"),
            ]
            .map(String::from),
        );
        t.set_header(header);
        let (mut any_scaled, mut any_veto) = (false, false);
        for u in &rr.units {
            let unit = &r.units[u.unit];
            let grade = &r.grades[u.grade];
            let mut row = vec![
                Cell::new(u.rank).set_alignment(CellAlignment::Right),
                Cell::new(&unit.name),
            ];
            for s in &u.sections {
                row.push(Cell::new(fixed(s.score, r.decimals)).set_alignment(CellAlignment::Right));
            }
            let mut total = fixed(u.total, r.decimals);
            if u.scaled {
                total.push('*');
                any_scaled = true;
            }
            let mut grade_text = match lang {
                Lang::Zh => grade.label.clone(),
                Lang::En => grade.id.clone(),
            };
            if u.veto.is_some() {
                grade_text.push_str(lang.pick("（一票否决）", " (veto)"));
                any_veto = true;
            }
            row.extend([
                Cell::new(plain(u.deducted)).set_alignment(CellAlignment::Right),
                Cell::new(plain(u.added)).set_alignment(CellAlignment::Right),
                Cell::new(total).set_alignment(CellAlignment::Right),
                Cell::new(grade_text),
            ]);
            t.add_row(row);
        }
        out.push_str(&t.to_string());
        out.push('\n');
        if any_scaled {
            let scale = plain(r.total);
            out.push_str(&match lang {
                Lang::Zh => format!("* 含不涉及项目，总分按适用项目得分折算为 {scale} 分制。\n"),
                Lang::En => format!("* Some items do not apply (n/a); the total is rescaled to {scale} from the applicable items.\n"),
            });
        }
        if any_veto {
            out.push_str(lang.pick(
                "一票否决：等次定为最低等次，名次按总分不变。\n",
                "veto: the unit gets the lowest grade; its rank follows its total.\n",
            ));
        }
    }
    out
}
