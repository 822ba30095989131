//! `assess rubric`: the loaded rubrics, readable in a terminal, as Markdown
//! for publishing the standard, or as the exact TOML that was loaded.

use crate::cli::{RubricArgs, RubricFormat};
use crate::diag::Diagnostics;
use crate::num::plain;
use crate::report::Lang;
use crate::rubric::{Item, Ranking, Rubric, Start, load_rubrics};

pub fn run(args: &RubricArgs) -> i32 {
    let mut diags = Diagnostics::new();
    let Some(catalog) = load_rubrics(&args.rubrics.rubrics, &mut diags) else {
        return super::fail(&diags.sorted());
    };
    let chosen: Vec<&Rubric> = catalog
        .rubrics
        .iter()
        .filter(|r| args.id.as_ref().is_none_or(|id| *id == r.id))
        .collect();
    if chosen.is_empty() {
        let ids: Vec<&str> = catalog.rubrics.iter().map(|r| r.id.as_str()).collect();
        let id = args.id.as_deref().unwrap_or_default();
        return super::fail(&[crate::diag::Diagnostic {
            location: None,
            message: format!(
                "no rubric has the id \"{id}\"{}: the rubrics loaded are {}",
                crate::diag::did_you_mean(id, ids.iter().copied()),
                ids.join(", ")
            )
            .into(),
        }]);
    }
    if args.format == RubricFormat::Xlsx {
        return super::emit_workbook(
            crate::report::rubric_xlsx::render(&chosen),
            args.output.as_deref(),
        );
    }
    let mut out = String::new();
    for (n, r) in chosen.into_iter().enumerate() {
        if n > 0 && args.format != RubricFormat::Toml {
            out.push('\n');
        }
        match args.format {
            RubricFormat::Text => text(&mut out, r, crate::i18n::lang()),
            RubricFormat::Markdown => markdown(&mut out, r, crate::i18n::lang()),
            RubricFormat::Toml => out.push_str(&r.source),
            RubricFormat::Xlsx => {}
        }
    }
    super::emit(&out, args.output.as_deref())
}

/// `office ×0.3, lead ×0.7`, or how a daily-only item starts.
fn scoring(r: &Rubric, item: &Item, lang: Lang) -> String {
    if item.scorers.is_empty() {
        return match item.start {
            Start::Zero => lang.pick(
                "仅日常考核，从 0 分起加（加分项）",
                "daily records only, from 0 (加分项)",
            ),
            Start::Full => lang.pick(
                "仅日常考核，从满分起扣（扣分制）",
                "daily records only, from the max (扣分制)",
            ),
        }
        .to_string();
    }
    let parts: Vec<String> = item
        .scorers
        .iter()
        .map(|w| format!("{} ×{}", r.scorers[w.scorer].name, plain(w.weight)))
        .collect();
    parts.join(lang.pick("，", ", "))
}

fn caps(item: &Item, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let Some(c) = item.max_deduct {
        parts.push(format!(
            "{} {}",
            lang.pick("扣分上限", "max deduction"),
            plain(c)
        ));
    }
    if let Some(c) = item.max_add {
        parts.push(format!(
            "{} {}",
            lang.pick("加分上限", "max addition"),
            plain(c)
        ));
    }
    parts.join(lang.pick("，", ", "))
}

fn header_lines(r: &Rubric, lang: Lang) -> [String; 3] {
    let ranking = match r.ranking {
        Ranking::Competition => lang.pick(
            "并列占位排名（1, 2, 2, 4）",
            "competition ranking (1, 2, 2, 4)",
        ),
        Ranking::Dense => lang.pick("并列不占位排名（1, 2, 2, 3）", "dense ranking (1, 2, 2, 3)"),
    };
    let grades: Vec<String> = r
        .grades
        .iter()
        .map(|g| format!("{} ({}) ≥ {}", g.label, g.id, plain(g.min)))
        .collect();
    let scorers: Vec<String> = r
        .scorers
        .iter()
        .map(|s| format!("{} ({})", s.name, s.id))
        .collect();
    let sep = lang.pick("；", "; ");
    match lang {
        Lang::Zh => [
            format!(
                "编号 {}，{} 年度，满分 {}，保留 {} 位小数，{ranking}，考核周期 {} 至 {}",
                r.id,
                r.year,
                plain(r.total),
                r.decimals,
                r.start,
                r.end
            ),
            format!("等次：{}", grades.join(sep)),
            format!("评分单位：{}", scorers.join(sep)),
        ],
        Lang::En => [
            format!(
                "id {}, year {}, scale {}, {} decimal places, {ranking}, period {} to {}",
                r.id,
                r.year,
                plain(r.total),
                r.decimals,
                r.start,
                r.end
            ),
            format!("grades: {}", grades.join(sep)),
            format!("scorers: {}", scorers.join(sep)),
        ],
    }
}

fn section_max(r: &Rubric, s: usize) -> String {
    plain(
        r.items[r.sections[s].items.clone()]
            .iter()
            .map(|i| i.max)
            .sum(),
    )
}

fn text(out: &mut String, r: &Rubric, lang: Lang) {
    out.push_str(&r.title);
    out.push('\n');
    for l in header_lines(r, lang) {
        out.push_str(&l);
        out.push('\n');
    }
    for (s, section) in r.sections.iter().enumerate() {
        out.push_str(&format!(
            "\n{}  {} {}\n",
            section.title,
            section_max(r, s),
            lang.pick("分", "points")
        ));
        for item in &r.items[section.items.clone()] {
            let caps = caps(item, lang);
            let caps = if caps.is_empty() {
                caps
            } else {
                format!("；{caps}")
            };
            out.push_str(&format!(
                "  {} {}  {} {}  {}{caps}\n",
                item.id,
                item.title,
                plain(item.max),
                lang.pick("分", "points"),
                scoring(r, item, lang)
            ));
            if let Some(c) = &item.criteria {
                out.push_str(&format!(
                    "      {}{c}\n",
                    lang.pick("评分标准：", "criteria: ")
                ));
            }
        }
    }
    let units: Vec<String> = r
        .units
        .iter()
        .map(|u| format!("{} ({})", u.name, u.id))
        .collect();
    out.push_str(&format!(
        "\n{}（{}）：{}\n",
        lang.pick("考核对象", "Units"),
        units.len(),
        units.join(lang.pick("、", ", "))
    ));
}

/// Escapes a Markdown table cell.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', "<br>")
}

fn markdown(out: &mut String, r: &Rubric, lang: Lang) {
    out.push_str(&format!("# {}\n\n", r.title));
    for l in header_lines(r, lang) {
        out.push_str(&format!("- {l}\n"));
    }
    let head = match lang {
        Lang::Zh => {
            "| 编号 | 考核项目 | 分值 | 评分 | 上限 | 评分标准 |\n|---|---|--:|---|---|---|\n"
        }
        Lang::En => {
            "| id | item | points | scored by | caps | criteria |\n|---|---|--:|---|---|---|\n"
        }
    };
    for (s, section) in r.sections.iter().enumerate() {
        out.push_str(&format!(
            "\n## {}{}{} {}{}\n\n{head}",
            section.title,
            lang.pick("（", " ("),
            section_max(r, s),
            lang.pick("分", "points"),
            lang.pick("）", ")")
        ));
        for item in &r.items[section.items.clone()] {
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} |\n",
                cell(&item.id),
                cell(&item.title),
                plain(item.max),
                cell(&scoring(r, item, lang)),
                cell(&caps(item, lang)),
                cell(item.criteria.as_deref().unwrap_or(""))
            ));
        }
    }
    out.push_str(&format!("\n## {}\n\n", lang.pick("考核对象", "Units")));
    out.push_str(lang.pick("| 编号 | 单位 |\n|---|---|\n", "| id | unit |\n|---|---|\n"));
    for u in &r.units {
        out.push_str(&format!("| {} | {} |\n", cell(&u.id), cell(&u.name)));
    }
}
