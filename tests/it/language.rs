//! The run's language (SPEC 15): `--lang`, else `ASSESS_LANG`, else the
//! locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), else Chinese; usage errors and
//! help follow it too, and a language that is not known is a usage error.

use crate::common;
use common::*;

/// The refusal of `score --format xml`, in Chinese and in English.
fn bad_format_zh() -> Snapshot {
    Snapshot::file("language/bad_format.zh.txt")
}

fn bad_format_en() -> Snapshot {
    Snapshot::file("language/bad_format.en.txt")
}

fn bad_format() -> Case {
    Case::new().args(&["score", "--format", "xml"])
}

#[test]
fn chinese_when_nothing_is_set() {
    bad_format().fails_zh(bad_format_zh());
    let out = bad_format().run();
    bad_format_zh().check(&out.stderr);
    assert_eq!(out.status, 2);
}

#[test]
fn the_flag_the_variable_and_the_locale_each_choose() {
    let en = |case: Case| {
        let out = case.run();
        bad_format_en().check(&out.stderr);
        assert_eq!(out.status, 2);
    };
    en(bad_format().args(&["--lang", "en"]));
    en(bad_format().args(&["--lang=en"]));
    en(bad_format().env("ASSESS_LANG", "en"));
    en(bad_format().env("LANG", "en_US.UTF-8"));
    en(bad_format()
        .env("LC_MESSAGES", "en_GB.UTF-8")
        .env("LANG", "zh_CN.UTF-8"));
    // The flag wins over the variable, the variable over the locale, LC_ALL over LANG.
    en(bad_format()
        .args(&["--lang", "en"])
        .env("ASSESS_LANG", "zh"));
    en(bad_format()
        .env("ASSESS_LANG", "en")
        .env("LANG", "zh_CN.UTF-8"));
    en(bad_format()
        .env("LC_ALL", "en_US.UTF-8")
        .env("LANG", "zh_CN.UTF-8"));
    let zh = |case: Case| {
        let out = case.run();
        bad_format_zh().check(&out.stderr);
        assert_eq!(out.status, 2);
    };
    zh(bad_format()
        .args(&["--lang", "zh"])
        .env("ASSESS_LANG", "en"));
    zh(bad_format()
        .env("LC_ALL", "zh_CN.UTF-8")
        .env("LANG", "en_US.UTF-8"));
    // A locale that names neither language leaves Chinese.
    zh(bad_format().env("LANG", "C.UTF-8"));
}

#[test]
fn an_unknown_language_is_a_usage_error_that_lists_the_choices() {
    Case::new()
        .args(&["score", "--lang", "fr"])
        .fails_zh(snapshot!("zh.txt"));
    let out = Case::new()
        .args(&["score"])
        .env("ASSESS_LANG", "fr")
        .env("LANG", "en_US.UTF-8")
        .run();
    assert_eq!(out.status, 2);
    snapshot!("en.txt").check(&out.stderr);
}

#[test]
fn an_unknown_command_gets_usage_and_help_in_the_language() {
    let out = Case::new().args(&["scor"]).run();
    assert_eq!(out.status, 2);
    snapshot!("zh.txt").check(&out.stderr);
    let out = Case::new().args(&["scor", "--lang", "en"]).run();
    snapshot!("en.txt").check(&out.stderr);
}

#[test]
fn help_is_in_the_language() {
    let zh = Case::new().args(&["score", "--help"]).run();
    assert_eq!(zh.status, 0);
    assert!(
        zh.stdout.starts_with(
            "计分：算出每个单位的各部分得分、总分、等次和名次\n\n用法：assess score [OPTIONS]\n"
        ),
        "{}",
        zh.stdout
    );
    assert!(zh.stdout.contains("  -h, --help"), "{}", zh.stdout);
    assert!(zh.stdout.contains("显示帮助"));
    let en = Case::new().args(&["score", "--help", "--lang", "en"]).run();
    assert!(en.stdout.starts_with("Compute every unit's section scores, total, grade and rank\n\nUsage: assess score [OPTIONS]\n"), "{}", en.stdout);
    assert!(
        !en.stdout
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "English help has Chinese: {}",
        en.stdout
    );
}
