//! The message catalogs stay whole: every key in both languages with the
//! same arguments, every file valid Fluent, and no sentence left in the code.

use assess::text::i18n::{EN_FILES, ZH_FILES};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// key -> the variables its text uses, of one language's files.
fn entries(files: &[(&str, &str)]) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (path, text) in files {
        if let Err((_, errors)) = fluent_bundle::FluentResource::try_new(text.to_string()) {
            panic!("{path} is not valid Fluent: {errors:?}");
        }
        let mut current: Option<String> = None;
        for line in text.lines() {
            let starts_entry = line
                .split_once(" =")
                .filter(|(k, _)| {
                    !k.is_empty()
                        && k.chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                })
                .map(|(k, _)| k.to_string());
            if let Some(k) = starts_entry {
                assert!(
                    !out.contains_key(&k),
                    "{path}: key {k} is defined twice in one language"
                );
                out.insert(k.clone(), BTreeSet::new());
                current = Some(k);
            } else if line.starts_with('#') || line.trim().is_empty() {
                current = None;
                continue;
            }
            if let Some(k) = &current {
                let vars = out.get_mut(k).expect("inserted above");
                let mut rest = line;
                while let Some(i) = rest.find('$') {
                    rest = &rest[i + 1..];
                    let name: String = rest
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                        .collect();
                    vars.insert(name);
                }
            }
        }
    }
    out
}

#[test]
fn both_catalogs_have_the_same_keys_with_the_same_arguments() {
    let zh = entries(&ZH_FILES);
    let en = entries(&EN_FILES);
    let only_zh: Vec<_> = zh.keys().filter(|k| !en.contains_key(*k)).collect();
    let only_en: Vec<_> = en.keys().filter(|k| !zh.contains_key(*k)).collect();
    assert!(only_zh.is_empty(), "keys only in zh-CN: {only_zh:?}");
    assert!(only_en.is_empty(), "keys only in en: {only_en:?}");
    let differ: Vec<_> = zh
        .iter()
        .filter(|(k, v)| en.get(*k) != Some(v))
        .map(|(k, v)| format!("{k}: zh {v:?}, en {:?}", en[k]))
        .collect();
    assert!(differ.is_empty(), "arguments differ: {differ:#?}");
    assert!(zh.len() > 50, "the catalogs hold {} keys", zh.len());
}

/// Every `msg!`/`tr!` key used in `src/` exists in the catalogs.
#[test]
fn every_key_used_in_the_code_is_in_the_catalogs() {
    let zh = entries(&ZH_FILES);
    let mut missing = Vec::new();
    for (path, text) in sources() {
        for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
            for mac in ["msg!(\"", "tr!(\""] {
                let mut rest = line;
                while let Some(i) = rest.find(mac) {
                    let word_before = rest[..i]
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_alphanumeric() || c == '_');
                    rest = &rest[i + mac.len()..];
                    let key: String = rest.chars().take_while(|c| *c != '"').collect();
                    if !word_before && !zh.contains_key(&key) {
                        missing.push(format!("{path}: {key}"));
                    }
                }
            }
        }
    }
    assert!(missing.is_empty(), "keys not in the catalogs: {missing:#?}");
}

/// A key no code asks for is a sentence nobody reads but translators keep
/// up: the catalogs hold only what the program says. Three families are
/// looked up by a name built at run time: the help texts (`cli-…`, by
/// clap's command and argument ids) and the TOML parser's phrases
/// (`rubric-toml-p-…`, `rubric-toml-e-…`, by their English text).
#[test]
fn every_key_in_the_catalogs_is_used_by_the_code() {
    let code: String = sources().into_iter().map(|(_, text)| text).collect();
    let dynamic = ["cli-", "rubric-toml-p-", "rubric-toml-e-"];
    let unused: Vec<String> = entries(&ZH_FILES)
        .into_keys()
        .filter(|k| !dynamic.iter().any(|p| k.starts_with(p)))
        .filter(|k| !code.contains(&format!("\"{k}\"")))
        .collect();
    assert!(unused.is_empty(), "keys no code uses: {unused:#?}");
}

fn sources() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<(String, String)>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .expect("src/ is readable")
            .flatten()
            .map(|e| e.path())
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&p).expect("source is UTF-8");
                out.push((p.display().to_string(), text));
            }
        }
    }
    let mut out = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
    out
}

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
        || ('\u{3000}'..='\u{303f}').contains(&c)
        || ('\u{ff00}'..='\u{ffef}').contains(&c)
}

/// The string literals of a source file, with their line, outside comments
/// and outside the unit tests at its end (`#[cfg(test)]`).
fn literals(text: &str) -> Vec<(usize, String)> {
    let code = match text.find("#[cfg(test)]") {
        Some(i) => &text[..i],
        None => text,
    };
    let mut out = Vec::new();
    for (n, line) in code.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("//") || trimmed.starts_with("#[doc") {
            continue;
        }
        let mut chars = line.char_indices().peekable();
        let mut in_str: Option<String> = None;
        let mut prev = ' ';
        while let Some((_, c)) = chars.next() {
            match &mut in_str {
                None => {
                    if c == '/' && chars.peek().is_some_and(|(_, d)| *d == '/') {
                        break;
                    }
                    if c == '"' && prev != '\'' {
                        in_str = Some(String::new());
                    }
                }
                Some(s) => {
                    if c == '\\' {
                        if let Some((_, d)) = chars.next() {
                            s.push('\\');
                            s.push(d);
                        }
                    } else if c == '"' {
                        out.push((n + 1, std::mem::take(s)));
                        in_str = None;
                    } else {
                        s.push(c);
                    }
                }
            }
            prev = c;
        }
    }
    out
}

/// A sentence a person would read: three English words in a row, or Chinese
/// with punctuation or more than a short term. Short Chinese terms without
/// punctuation are the vocabulary read from the inputs (header names such as
/// 单位, kinds such as 核减, 不涉及), which the spec keeps verbatim in either
/// language; in `report/` and `cmd/`, which only write, no Chinese at all.
fn is_sentence(path: &str, lit: &str) -> bool {
    let cjk = lit.chars().filter(|c| is_cjk(*c)).count();
    if cjk > 0 {
        let writes = path.contains("/src/report/") || path.contains("/src/cmd/");
        let punct = lit
            .chars()
            .any(|c| "，。：；！？、（）“”《》".contains(c) || c == ' ');
        return writes || punct || cjk > 8;
    }
    let mut run = 0;
    for word in lit.split(' ') {
        if word.len() >= 2
            && word
                .chars()
                .all(|c| c.is_ascii_alphabetic() || c == '\'' || c == ',')
        {
            run += 1;
            if run >= 3 {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

#[test]
fn no_sentence_outside_the_catalogs() {
    let mut found = Vec::new();
    for (path, text) in sources() {
        for (line, lit) in literals(&text) {
            if is_sentence(&path, &lit) {
                found.push(format!("{path}:{line}: \"{lit}\""));
            }
        }
    }
    assert!(
        found.is_empty(),
        "{} sentences written in the code, not taken from locales/:\n{}",
        found.len(),
        found.join("\n")
    );
}
