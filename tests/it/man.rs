//! `assess man`: the manual page documents every option of every command,
//! the exit statuses, the file formats, the environment, in the run's
//! language, with every sentence from the catalog.

use crate::common;

use assess::text::i18n::{Lang, lookup};
use common::Case;

/// The page as a reader sees its words: roff's escapes for dashes, break
/// points and apostrophes undone (the markup of fonts is left).
fn page(args: &[&str]) -> String {
    let out = Case::new().args(args).run();
    assert_eq!(out.status, 0, "assess {args:?}: {}", out.stderr);
    assert_eq!(out.stderr, "");
    out.stdout
        .replace("\\-", "-")
        .replace("\\:", "")
        .replace("\\*(Aq", "'")
        .replace("\\&", "")
}

/// Every long option of every (sub)command, with the command it belongs to.
fn long_options(lang: Lang) -> Vec<(String, String)> {
    let mut cmd = assess::cli::l10n::command(lang);
    cmd.build();
    let mut out = Vec::new();
    let mut walk = vec![cmd];
    while let Some(c) = walk.pop() {
        let name = c.get_bin_name().unwrap_or(c.get_name()).to_string();
        for a in c.get_arguments() {
            if let Some(long) = a.get_long() {
                out.push((name.clone(), format!("--{long}")));
            }
        }
        walk.extend(c.get_subcommands().cloned());
    }
    out
}

/// The roff source of one `.SS` part (a command), up to the next heading.
fn part<'a>(page: &'a str, heading: &str) -> &'a str {
    let start = page
        .find(&format!(".SS \"{heading}\"\n"))
        .unwrap_or_else(|| panic!("no part {heading:?} in the page"));
    let rest = &page[start + 4..];
    let end = rest
        .find("\n.SS ")
        .or_else(|| rest.find("\n.SH "))
        .unwrap_or(rest.len());
    &rest[..end]
}

fn text(key: &str, lang: Lang) -> String {
    lookup(key, lang).unwrap_or_else(|| panic!("{key} is not in the {lang:?} catalog"))
}

#[test]
fn every_option_of_every_command_is_in_both_pages() {
    for (lang, args) in [
        (Lang::En, &["man", "--lang", "en"][..]),
        (Lang::Zh, &["man"]),
    ] {
        let page = page(args);
        let options = long_options(lang);
        assert!(options.len() > 40, "{} options found", options.len());
        for (command, option) in options {
            let shown = format!("\\fB{option}\\fR");
            if command == "assess" {
                assert!(page.contains(&shown), "{lang:?}: {option} missing");
            } else {
                assert!(
                    part(&page, &command).contains(&shown),
                    "{lang:?}: {option} of {command} missing"
                );
            }
        }
        // Every command has its part, with its help text in the page's language.
        let mut cmd = assess::cli::l10n::command(lang);
        cmd.build();
        for sub in cmd.get_subcommands() {
            let name = sub.get_bin_name().expect("named by build").to_string();
            let about = sub
                .get_about()
                .expect("every command has an about")
                .to_string();
            assert!(
                part(&page, &name).contains(&about),
                "{lang:?}: {name} lacks its about text"
            );
        }
    }
}

#[test]
fn exit_statuses_are_documented() {
    for (lang, args) in [
        (Lang::En, &["man", "--lang", "en"][..]),
        (Lang::Zh, &["man"]),
    ] {
        let page = page(args);
        let title = text("man-section-exit", lang);
        let title = if title.contains(' ') {
            format!("\"{title}\"")
        } else {
            title
        };
        let exit = format!(".SH {title}\n");
        let start = page.find(&exit).expect("an exit status section");
        let section = &page[start..];
        let end = section[4..].find("\n.SH ").map_or(section.len(), |i| i + 5);
        let section = &section[..end];
        for (status, key) in [
            ("0", "man-exit-ok"),
            ("1", "man-exit-mismatch"),
            ("2", "man-exit-bad-input"),
        ] {
            let item = format!(".TP\n\\fB{status}\\fR\n{}\n", text(key, lang));
            assert!(
                section.contains(&item),
                "{lang:?}: status {status}:\n{section}"
            );
        }
    }
}

#[test]
fn the_chinese_page_has_chinese_section_titles() {
    let page = page(&["man"]);
    for title in [
        "名称",
        "概要",
        "说明",
        "选项",
        "命令",
        "文件格式",
        "退出状态",
        "环境变量",
        "文件",
        "示例",
        "参阅",
    ] {
        assert!(
            page.contains(&format!(".SH {title}\n")),
            "no section {title}"
        );
    }
    assert!(!page.contains(".SH NAME") && !page.contains(".SH OPTIONS"));
    for part in [
        "考核细则（TOML）",
        "年度考核得分",
        "日常考核记录",
        "公布结果（供 verify 核对）",
    ] {
        assert!(
            page.contains(&format!(".SS \"{part}\"\n")) || page.contains(&format!(".SS {part}\n")),
            "no part {part}"
        );
    }
    // The help texts are the Chinese ones.
    assert!(page.contains(&text("cli-arg-annual", Lang::Zh)));
    assert!(page.contains(".TH assess 1 \"\" \"assess "));
}

#[test]
fn the_english_page_is_english_throughout() {
    let page = page(&["man", "--lang", "en"]);
    for title in [
        "NAME",
        "SYNOPSIS",
        "DESCRIPTION",
        "OPTIONS",
        "COMMANDS",
        "\"FILE FORMATS\"",
        "\"EXIT STATUS\"",
        "ENVIRONMENT",
        "FILES",
        "EXAMPLES",
        "\"SEE ALSO\"",
    ] {
        assert!(
            page.contains(&format!(".SH {title}\n")),
            "no section {title}"
        );
    }
    let chinese: String = page
        .chars()
        .filter(|c| ('\u{2e80}'..='\u{9fff}').contains(c) || ('\u{ff00}'..='\u{ffef}').contains(c))
        .collect();
    assert_eq!(chinese, "", "Chinese in the English page");
    for var in ["ASSESS_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
        assert!(page.contains(var), "{var} not documented");
    }
    for file in [
        "rubrics/counties.toml",
        "rubrics/departments.toml",
        "docs/formats.md",
    ] {
        assert!(page.contains(file), "{file} not named");
    }
    assert!(page.contains(&text("cli-arg-annual", Lang::En)));
}

#[test]
fn the_language_follows_the_environment_like_every_message() {
    let out = Case::new().args(&["man"]).env("ASSESS_LANG", "en").run();
    assert!(out.stdout.contains(".SH \"EXIT STATUS\"\n"));
    let out = Case::new().args(&["man"]).env("LANG", "en_US.UTF-8").run();
    assert!(out.stdout.contains(".SH NAME\n"));
    let out = Case::new().args(&["man"]).env("LANG", "C").run();
    assert!(out.stdout.contains(".SH 名称\n"));
}

/// Chinese lines can break between characters: groff 1.22 breaks only at
/// spaces without the break points.
#[test]
fn chinese_text_has_break_points_and_titles_none() {
    let out = Case::new().args(&["man"]).run();
    assert!(out.stdout.contains("考\\:核\\:细\\:则"));
    assert!(out.stdout.contains(".SH 退出状态\n"));
    // No break before closing punctuation.
    assert!(!out.stdout.contains("\\:，") && !out.stdout.contains("\\:。"));
}

#[test]
fn completions_are_in_the_language_of_the_run() {
    let en = Case::new()
        .args(&["completions", "fish", "--lang", "en"])
        .run();
    assert_eq!(en.status, 0);
    assert!(en.stdout.contains(&text("cli-arg-annual", Lang::En)));
    let zh = Case::new().args(&["completions", "fish"]).run();
    assert!(zh.stdout.contains(&text("cli-arg-annual", Lang::Zh)));
}
