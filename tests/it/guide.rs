//! The guide says only what the program does (issue 21).
//!
//! 1. Every command in the code blocks of the Chinese guide
//!    (docs/zh/使用手册.md) and of README.md is run with the real binary, in
//!    the order the documents give them, in a temporary copy of examples/:
//!    it must end with the status the document implies (2 where it shows an
//!    `错误：`, 1 where `verify` shows mismatches, else 0), and where the
//!    document shows the output, that output must be what the program
//!    prints (a line `…` stands for elided lines, a `…` inside a line for
//!    elided text; a command shown with no output must print nothing). The
//!    files the guide asks readers to make under 练习/ are made here from
//!    the guide's own text; what cannot be is in `SKIPPED`, with why.
//! 2. `FORMS` is the table of typed forms the guide speaks of (numbers,
//!    dates, n/a words, kinds of file, encodings), each with the verdict the
//!    guide gives (read or refused) and the guide's words for it: each row
//!    is run through the binary, and its words must still be in the guide
//!    (and the English docs' in theirs), so that a change to either side
//!    fails here.
//!
//! Commands run through `bash` (the guide's are shell lines: pipes, `<(…)`,
//! `; echo $?`), with `assess` on the PATH as the binary `cargo test` built.

#![cfg(unix)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use rust_xlsxwriter::Workbook;

use crate::common::rawzip::stored_zip;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const GUIDE: &str = "docs/zh/使用手册.md";
const README: &str = "README.md";
const FORMATS: &str = "docs/formats.md";
const OFFICE: &str = "docs/office.md";

/// What a bare `…` in a command of the guide stands for: "命令中的 `…`
/// 表示省略了与前文相同的输入参数（`--annual …`、`--daily …`）".
const INPUTS: &str = "--annual examples/2020/annual-office.csv --annual examples/2020/annual-lead.csv \
                      --annual examples/2020/annual-service-center.csv --daily examples/2020/daily.csv";

/// Code blocks not run, each found by a command it holds, with why. Every
/// entry must still match a command of its document. Every other block that
/// shows a terminal session (`$ …`) or holds an `assess` command is run.
const SKIPPED: &[(&str, &str, &str)] = &[
    (
        README,
        "assess score    [--rubric FILE]",
        "the synopsis of every command: a grammar with placeholders, not commands",
    ),
    (
        GUIDE,
        "assess score    [--rubric 细则]",
        "附录：命令一览, the synopsis: a grammar with placeholders, not commands",
    ),
    (
        GUIDE,
        "$ tar tzf assess-0.1.0-x86_64-unknown-linux-gnu.tar.gz",
        "the contents of a release archive, which a test run has not got",
    ),
    (
        GUIDE,
        "$ sha256sum -c SHA256SUMS.txt",
        "the checksums of the release archives, which a test run has not got",
    ),
    (
        GUIDE,
        "$ tools/offline-bundle.sh",
        "builds the offline source bundle (minutes, and the registry); CI builds and tests it \
         with tools/test-offline-bundle.sh",
    ),
    (
        GUIDE,
        "$ tar xzf assess-0.1.0-src.tar.gz",
        "a release build of the offline bundle; CI does it with tools/test-offline-bundle.sh",
    ),
    (
        GUIDE,
        "assess rubric import 练习/有误的细则.xlsx",
        "练习/有误的细则.xlsx is the exported workbook with three cells edited by hand in Excel; \
         tests/it/rubric_workbook.rs checks import errors on workbooks it writes",
    ),
];

/// Text of a command replaced before it runs, each with why.
const REWRITES: &[(&str, &str, &str)] = &[
    (
        "cargo run --release -- ",
        "assess ",
        "the README runs the program through cargo; the test runs the build cargo test made (no release build)",
    ),
    (
        "> /etc/bash_completion.d/assess",
        "> assess.bash",
        "the test writes into its own folder, not the system's",
    ),
    (
        "> /usr/local/share/man/man1/assess.1",
        "> assess.1",
        "the test writes into its own folder, not the system's",
    ),
];

fn read_doc(doc: &str) -> String {
    fs::read_to_string(Path::new(ROOT).join(doc)).unwrap_or_else(|e| panic!("{doc}: {e}"))
}

/// A fenced code block: the line of its opening fence and its lines (less
/// the fence's indentation, for blocks inside a list).
struct Block {
    line: usize,
    lines: Vec<String>,
}

fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut open: Option<(Block, usize)> = None;
    for (i, raw) in text.lines().enumerate() {
        let trimmed = raw.trim_start();
        if trimmed.starts_with("```") {
            match open.take() {
                Some((block, _)) => out.push(block),
                None => {
                    let indent = raw.len() - trimmed.len();
                    open = Some((
                        Block {
                            line: i + 1,
                            lines: Vec::new(),
                        },
                        indent,
                    ));
                }
            }
            continue;
        }
        if let Some((block, indent)) = &mut open {
            let cut = raw.len() - raw.trim_start().len();
            block.lines.push(raw[cut.min(*indent)..].to_string());
        }
    }
    out
}

/// One thing to run: a command of a document (continuation lines joined),
/// or a whole script block; and the output the document shows for it
/// (`None` for a line of a script block, which shows none).
#[derive(Debug)]
struct Step {
    doc: &'static str,
    line: usize,
    written: String,
    shown: Option<Vec<String>>,
    script: bool,
}

/// Joins a command's continuation lines (`\` at the end of a line).
fn joined(lines: &[String], i: &mut usize, first: &str) -> String {
    let mut command = first.trim_end().to_string();
    while command.ends_with('\\') && *i + 1 < lines.len() {
        command.pop();
        *i += 1;
        command = format!("{} {}", command.trim_end(), lines[*i].trim());
    }
    command
}

/// The steps of a document, and the skip-list entries that matched.
fn steps(doc: &'static str, text: &str, used: &mut Vec<&'static str>) -> Vec<Step> {
    let mut out = Vec::new();
    for block in blocks(text) {
        let lines = &block.lines;
        let skip = |command: &str, used: &mut Vec<&'static str>| {
            SKIPPED
                .iter()
                .find(|(d, what, _)| *d == doc && command.contains(what))
                .map(|(_, what, _)| used.push(what))
                .is_some()
        };
        let session = lines.iter().any(|l| l.starts_with("$ "));
        if session {
            // A terminal session: `$ command` lines, each followed by what it prints.
            if lines.iter().any(|l| l.starts_with("$ ") && skip(l, used)) {
                continue;
            }
            let mut i = 0;
            while i < lines.len() {
                let Some(first) = lines[i].strip_prefix("$ ") else {
                    i += 1;
                    continue;
                };
                let line = block.line + 1 + i;
                let written = joined(lines, &mut i, first);
                i += 1;
                let mut shown = Vec::new();
                while i < lines.len() && !lines[i].starts_with("$ ") {
                    shown.push(lines[i].clone());
                    i += 1;
                }
                out.push(Step {
                    doc,
                    line,
                    written,
                    shown: Some(shown),
                    script: false,
                });
            }
            continue;
        }
        // A script block: lines of commands, no output shown.
        let commands: Vec<(usize, String)> = {
            let mut found = Vec::new();
            let mut i = 0;
            while i < lines.len() {
                let t = lines[i].trim_start();
                if t.starts_with("assess ") || t.starts_with("cargo run --release -- ") {
                    let line = block.line + 1 + i;
                    found.push((line, joined(lines, &mut i, t)));
                }
                i += 1;
            }
            found
        };
        if commands.is_empty() {
            continue;
        }
        if commands.iter().any(|(_, c)| skip(c, used)) {
            continue;
        }
        let assigns = lines.iter().any(|l| {
            let t = l.trim_start();
            t.split_once('=').is_some_and(|(name, _)| {
                !name.is_empty() && name.chars().all(|c| c.is_ascii_uppercase() || c == '_')
            })
        });
        if assigns {
            // A script with variables (IN=…): run whole.
            out.push(Step {
                doc,
                line: block.line,
                written: lines.join("\n"),
                shown: None,
                script: true,
            });
        } else {
            for (line, written) in commands {
                out.push(Step {
                    doc,
                    line,
                    written,
                    shown: None,
                    script: false,
                });
            }
        }
    }
    out
}

/// The command as run: the rewrites, and the guide's `…` for its inputs.
fn as_run(step: &Step) -> String {
    let mut command = step.written.clone();
    for (from, to, _) in REWRITES {
        command = command.replace(from, to);
    }
    if step.doc == GUIDE && !step.script {
        command = command
            .replace("--annual … --daily …", INPUTS)
            .replace('…', INPUTS);
    }
    command
}

/// The exit status the document implies, for a command whose first word is
/// `assess`: 2 where it shows an error, 1 where `verify` shows mismatches,
/// else 0. `None` for other commands (`diff` exits 1 on a difference).
fn implied_status(step: &Step) -> Option<i32> {
    if step.script {
        return Some(0);
    }
    let first = step
        .written
        .split_whitespace()
        .find(|w| !(w.contains('=') && w.chars().next().is_some_and(|c| c.is_ascii_uppercase())))?;
    if first != "assess" && first != "cargo" {
        return None;
    }
    if step.written.contains("; echo $?") {
        return Some(0); // the shell's status is echo's; the line shows the program's
    }
    let shown = step.shown.as_deref().unwrap_or_default();
    if shown
        .iter()
        .any(|l| l.starts_with("错误：") || l.starts_with("error:"))
    {
        Some(2)
    } else if shown
        .iter()
        .any(|l| l.contains("处不一致") || l.trim_start().starts_with("\"kind\":"))
    {
        Some(1)
    } else {
        Some(0)
    }
}

/// Whether one line the document shows matches one line printed: equal, or,
/// where the shown line has `…`, the printed line holds the pieces around
/// it in order.
fn line_matches(shown: &str, printed: &str) -> bool {
    // A byte-order mark is not seen on a terminal (`head` of a CSV for Excel).
    let printed = printed.trim_start_matches('\u{feff}');
    let (shown, printed) = (shown.trim_end(), printed.trim_end());
    if !shown.contains('…') {
        return shown == printed;
    }
    let pieces: Vec<&str> = shown.split('…').collect();
    let (first, last) = (pieces[0], pieces[pieces.len() - 1]);
    if !printed.starts_with(first) || printed.len() < first.len() + last.len() {
        return false;
    }
    let mut rest = &printed[first.len()..];
    if !rest.ends_with(last) {
        return false;
    }
    rest = &rest[..rest.len() - last.len()];
    for piece in &pieces[1..pieces.len() - 1] {
        match rest.find(piece) {
            Some(at) => rest = &rest[at + piece.len()..],
            None => return false,
        }
    }
    true
}

fn matches_at(chunk: &[&str], printed: &[&str], at: usize) -> bool {
    at + chunk.len() <= printed.len()
        && chunk
            .iter()
            .zip(&printed[at..])
            .all(|(s, p)| line_matches(s, p))
}

/// Whether the output a document shows is the output printed: the shown
/// lines, in runs split by `…` lines, appear in order, the first at the
/// start and the last at the end unless a `…` stands there.
fn shown_is_printed(shown: &[String], printed: &str) -> Result<(), String> {
    let mut shown: Vec<&str> = shown.iter().map(|l| l.trim_end()).collect();
    while shown.last() == Some(&"") {
        shown.pop();
    }
    let mut printed: Vec<&str> = printed.lines().map(str::trim_end).collect();
    while printed.last() == Some(&"") {
        printed.pop();
    }
    if shown.is_empty() {
        return if printed.is_empty() {
            Ok(())
        } else {
            Err("the document shows no output, the program printed some".into())
        };
    }
    let open_start = shown[0].trim() == "…";
    let open_end = shown[shown.len() - 1].trim() == "…";
    let chunks: Vec<&[&str]> = shown
        .split(|l| l.trim() == "…")
        .filter(|c| !c.is_empty())
        .collect();
    let mut at = 0;
    for (k, chunk) in chunks.iter().enumerate() {
        let last = k + 1 == chunks.len();
        let found = if k == 0 && !open_start {
            matches_at(chunk, &printed, 0).then_some(0)
        } else if last && !open_end {
            let end = printed.len().checked_sub(chunk.len());
            end.filter(|&e| e >= at && matches_at(chunk, &printed, e))
        } else {
            (at..printed.len()).find(|&p| matches_at(chunk, &printed, p))
        };
        match found {
            Some(p) => at = p + chunk.len(),
            None => {
                return Err(format!(
                    "these lines are not printed {}:\n    {}",
                    if k == 0 && !open_start {
                        "at the start"
                    } else if last && !open_end {
                        "at the end"
                    } else {
                        "(after the lines before them)"
                    },
                    chunk.join("\n    ")
                ));
            }
        }
    }
    if chunks.len() == 1 && !open_start && !open_end && at != printed.len() {
        return Err("the program printed more lines than the document shows".into());
    }
    Ok(())
}

/// A folder for a run: `bin/assess` (the binary) and `work/` holding a copy
/// of examples/2020 and examples/2021.
struct Place {
    _dir: tempfile::TempDir,
    bin: PathBuf,
    work: PathBuf,
}

fn place() -> Place {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let bin = dir.path().join("bin");
    let work = dir.path().join("work");
    fs::create_dir_all(&bin).unwrap();
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_assess"), bin.join("assess")).unwrap();
    for year in ["2020", "2021"] {
        let from = Path::new(ROOT).join("examples").join(year);
        let to = work.join("examples").join(year);
        fs::create_dir_all(&to).unwrap();
        for entry in fs::read_dir(&from).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_file() {
                fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
            }
        }
    }
    if std::env::var_os("ASSESS_GUIDE_KEEP").is_some() {
        // For a look at what the commands left: the folder is kept.
        eprintln!("the guide's folder: {}", dir.keep().display());
        return Place {
            _dir: tempfile::tempdir().unwrap(),
            bin,
            work,
        };
    }
    Place {
        _dir: dir,
        bin,
        work,
    }
}

/// Runs a shell line (or script) in `work`, standard error into standard
/// output as on a terminal; the language and locale unset (the guide's
/// default, Chinese).
fn shell(place: &Place, script: &str) -> (i32, String) {
    let path = format!(
        "{}:{}",
        place.bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut cmd = Command::new("bash");
    for var in ["LC_ALL", "LC_MESSAGES", "LANG", "ASSESS_LANG", "LANGUAGE"] {
        cmd.env_remove(var);
    }
    let out = cmd
        .arg("-c")
        .arg(format!("exec 2>&1\n{script}\n"))
        .current_dir(&place.work)
        .env("PATH", path)
        .env("NO_COLOR", "1")
        .output()
        .expect("bash runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// Runs the steps in order; returns every failure.
fn run_steps(place: &Place, steps: &[Step], hooks: &mut [Hook]) -> Vec<String> {
    let mut failures = Vec::new();
    for step in steps {
        for hook in hooks.iter_mut() {
            if !hook.done && step.written.contains(hook.before) {
                (hook.make)(place);
                hook.done = true;
            }
        }
        let command = as_run(step);
        let (status, printed) = shell(place, &command);
        let at = format!(
            "{}:{}: `{}`",
            step.doc,
            step.line,
            step.written.lines().next().unwrap_or("")
        );
        if let Some(expected) = implied_status(step) {
            if status != expected {
                failures.push(format!(
                    "{at}: exit status {status}, the document implies {expected}; it printed:\n{}",
                    clip(&printed)
                ));
                continue;
            }
        }
        if let Some(shown) = &step.shown {
            if let Err(why) = shown_is_printed(shown, &printed) {
                failures.push(format!("{at}: {why}\n  it printed:\n{}", clip(&printed)));
            }
        }
    }
    for hook in hooks.iter() {
        assert!(
            hook.done,
            "no command of the guide contains {:?} any more",
            hook.before
        );
    }
    failures
}

fn clip(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out: Vec<String> = lines.iter().take(60).map(|l| format!("    {l}")).collect();
    if lines.len() > 60 {
        out.push(format!("    … ({} lines in all)", lines.len()));
    }
    out.join("\n")
}

/// A file the guide asks its readers to make, made just before the first
/// command that contains `before`.
struct Hook {
    before: &'static str,
    make: Box<dyn Fn(&Place)>,
    done: bool,
}

/// The one code block of `text` holding the line `line`.
fn block_with(text: &str, line: &str) -> String {
    let found: Vec<Block> = blocks(text)
        .into_iter()
        .filter(|b| b.lines.iter().any(|l| l == line))
        .collect();
    assert_eq!(found.len(), 1, "one code block of the guide holds {line:?}");
    found[0].lines.join("\n") + "\n"
}

/// The inline code (between backquotes) that follows `after` in `text`.
fn code_after(text: &str, after: &str) -> String {
    let at = text
        .find(after)
        .unwrap_or_else(|| panic!("the guide says {after:?}"))
        + after.len();
    let rest = &text[at..];
    let start = rest.find('`').expect("a backquote") + 1;
    let end = start + rest[start..].find('`').expect("a closing backquote");
    rest[start..end].to_string()
}

/// The output the guide shows for the command `command` (a `$` line).
fn shown_for(text: &str, command: &str) -> String {
    for block in blocks(text) {
        if let Some(i) = block.lines.iter().position(|l| l == command) {
            let shown: Vec<&str> = block.lines[i + 1..]
                .iter()
                .take_while(|l| !l.starts_with("$ "))
                .map(String::as_str)
                .collect();
            return shown.join("\n") + "\n";
        }
    }
    panic!("the guide shows no command {command:?}")
}

fn write(place: &Place, name: &str, contents: impl AsRef<[u8]>) {
    let path = place.work.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, contents).unwrap();
}

fn read(place: &Place, name: &str) -> String {
    fs::read_to_string(place.work.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Applies a `diff` in the normal format (`4c4`, `32d31`, `5a6`) to `old`.
fn patch(old: &str, diff: &str) -> String {
    let old: Vec<&str> = old.lines().collect();
    let mut out: Vec<String> = Vec::new();
    let mut next = 1; // the next line of `old` to copy
    let mut lines = diff.lines().peekable();
    while let Some(command) = lines.next() {
        if command.trim().is_empty() {
            continue;
        }
        let kind_at = command.find(['a', 'c', 'd']).expect("a diff command");
        let (range, kind) = (&command[..kind_at], &command[kind_at..kind_at + 1]);
        let (from, to) = match range.split_once(',') {
            Some((a, b)) => (a.parse::<usize>().unwrap(), b.parse::<usize>().unwrap()),
            None => (range.parse().unwrap(), range.parse().unwrap()),
        };
        let keep_to = if kind == "a" { from } else { from - 1 };
        while next <= keep_to {
            out.push(old[next - 1].to_string());
            next += 1;
        }
        if kind != "a" {
            next = to + 1;
        }
        while let Some(l) = lines.peek() {
            if let Some(new) = l.strip_prefix("> ") {
                out.push(new.to_string());
            } else if !(l.starts_with("< ") || *l == "---") {
                break;
            }
            lines.next();
        }
    }
    while next <= old.len() {
        out.push(old[next - 1].to_string());
        next += 1;
    }
    out.join("\n") + "\n"
}

/// Replaces the first `from` after the first `anchor`.
fn replace_after(text: &str, anchor: &str, from: &str, to: &str) -> String {
    let a = text.find(anchor).unwrap_or_else(|| panic!("{anchor:?}")) + anchor.len();
    let f = a + text[a..]
        .find(from)
        .unwrap_or_else(|| panic!("{from:?} after {anchor:?}"));
    format!("{}{}{}", &text[..f], to, &text[f + from.len()..])
}

/// The files of 练习/ the guide shows or describes, made as it says.
fn guide_hooks(guide: &str) -> Vec<Hook> {
    let g = guide.to_string();
    let mut hooks: Vec<Hook> = Vec::new();
    let mut hook = |before: &'static str, make: Box<dyn Fn(&Place)>| {
        hooks.push(Hook {
            before,
            make,
            done: false,
        })
    };
    let text = g.clone();
    hook(
        "", // before the first command
        Box::new(move |p| {
            let t = &text;
            // 一、（四）1: "下面这份评分表集中了几种常见错误"
            let wrong = block_with(t, "乌苏县,组织领导,行政公署办公室考核组,4.5,");
            write(p, "练习/有误的评分表.csv", &wrong);
            // "`练习/留空的评分表.csv` 是 `annual-office.csv` 把第2行改为 `…`（…）后的副本"
            let row = code_after(t, "把第2行改为 ");
            let office = read(p, "examples/2020/annual-office.csv");
            let mut lines: Vec<&str> = office.lines().collect();
            lines[1] = &row;
            write(p, "练习/留空的评分表.csv", lines.join("\n") + "\n");
            // "`annual-service-center.csv` 删去 `塔城市,2.1,…` 一行后的副本"
            let cut = code_after(t, "`annual-service-center.csv` 删去 ");
            let cut = cut.trim_end_matches('…');
            let whole = read(p, "examples/2020/annual-service-center.csv");
            let kept: String = whole
                .split_inclusive('\n')
                .filter(|l| !l.starts_with(cut))
                .collect();
            assert_eq!(
                kept.lines().count() + 1,
                whole.lines().count(),
                "one line cut"
            );
            write(p, "练习/行政服务中心-缺一项.csv", kept);
            // "第一张是“说明”，第二张“年度得分”才是评分，其中 D3 格误写成了“七点五”"
            write(p, "练习/行政服务中心评分.xlsx", service_center_workbook(p));
            // 二、（五）: the records under rules, the wrong records, one more record
            let rules = block_with(
                t,
                "2020-12-10,额敏,政府网站,,typo,3,,网上评测,网站信息出现错别字3处",
            );
            write(p, "练习/按规则记录.csv", rules);
            write(
                p,
                "练习/有误的日常记录.csv",
                block_with(
                    t,
                    "2021-01-05,额敏县,政府网站,核减,,,0.5,网上评测,日期超出考核周期",
                ),
            );
            let one = code_after(t, "`练习/补充记录.csv` 只有一条：");
            write(
                p,
                "练习/补充记录.csv",
                format!("日期,单位,项目,类型,分值,方式,说明\n{one}\n"),
            );
            // 二、（七）: the published table with three slips, as the guide's diff shows
            let diff = shown_for(
                t,
                "$ diff examples/2020/published.csv 练习/公布结果-有误.csv",
            );
            let published = read(p, "examples/2020/published.csv");
            write(p, "练习/公布结果-有误.csv", patch(&published, &diff));
            // "照 `assess score` 的地直部门表录入的附表（地区审计局、地区信访局的总分带 `*`）"
            write(p, "练习/通报附表-地直.csv", departments_notice_table(p));
            // "`练习/通报附表.csv` 是各县（市）的附表", shown whole by `cat`
            write(
                p,
                "练习/通报附表.csv",
                shown_for(t, "$ cat 练习/通报附表.csv"),
            );
            // 三、（九）: the small rubric, its scores and records
            write(
                p,
                "练习/示例细则.toml",
                block_with(
                    t,
                    "id = \"demo\"                       # 细则编号：小写字母、数字、_ 和 -",
                ),
            );
            write(
                p,
                "练习/示例评分.csv",
                block_with(t, "和丰县,政府网站,行政公署办公室考核组,4.5"),
            );
            write(
                p,
                "练习/示例记录.csv",
                block_with(t, "2021-03-02,和丰县,政府网站,,typo,3,,网上评测,错别字3处"),
            );
        }),
    );
    hook(
        "练习/有误的细则.toml",
        Box::new(|p| {
            // "在上面的文件中把 1.2.1 的分值由 12 改为 13、分组 1.2 的分值相应改为 28，
            // 在分组 1.3 下误写了评分单位，又把 2.1 的评分单位 `service_center`
            // 误拼为 `service_centre`"
            let t = read(p, "练习/counties-2021.toml");
            let t = replace_after(&t, "id = \"1.2.1\"", "max = 12", "max = 13");
            let t = replace_after(&t, "id = \"1.2\"", "max = 27", "max = 28");
            let t = replace_after(
                &t,
                "id = \"1.3\"\n  title = \"平台建设\"\n",
                "",
                "  scorers = { office = 1 }\n",
            );
            let t = replace_after(&t, "id = \"2.1\"", "service_center", "service_centre");
            write(p, "练习/有误的细则.toml", t);
        }),
    );
    let text = g.clone();
    hook(
        "--rubric 练习/细则/counties.toml",
        Box::new(move |p| {
            // "在每个文件的 `[scorers]` 之前加上" the [conversion] block
            let conversion = block_with(&text, "points = 3                          # 折算为 3 分");
            for name in ["练习/细则/counties.toml", "练习/细则/departments.toml"] {
                let t = read(p, name);
                let at = t.find("\n[scorers]").expect("[scorers]") + 1;
                write(p, name, format!("{}{conversion}\n{}", &t[..at], &t[at..]));
            }
        }),
    );
    hooks
}

/// 练习/行政服务中心评分.xlsx: a sheet 说明, then the service centre's
/// scores (examples/2020/annual-service-center.csv) on a sheet 年度得分,
/// D3 written 七点五.
fn service_center_workbook(p: &Place) -> Vec<u8> {
    let mut book = Workbook::new();
    let notes = book.add_worksheet();
    notes.set_name("说明").unwrap();
    notes
        .write_string(0, 0, "填表说明：每个单位、每个项目一行，得分填数字。")
        .unwrap();
    let sheet = book.add_worksheet();
    sheet.set_name("年度得分").unwrap();
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(p.work.join("examples/2020/annual-service-center.csv"))
        .unwrap();
    for (r, record) in csv.records().enumerate() {
        for (c, cell) in record.unwrap().iter().enumerate() {
            let cell = cell.trim_start_matches('\u{feff}');
            let (row, col) = (r as u32, c as u16);
            if (row, col) == (2, 3) {
                sheet.write_string(row, col, "七点五").unwrap();
            } else if let (3, Ok(n)) = (col, cell.parse::<f64>()) {
                sheet.write_number(row, col, n).unwrap();
            } else {
                sheet.write_string(row, col, cell).unwrap();
            }
        }
    }
    book.save_to_buffer().unwrap()
}

/// The departments' table of the notice, typed from `assess score`'s
/// result: 名次, 单位, 总分 (`*` after a rescaled one), 等次.
fn departments_notice_table(p: &Place) -> String {
    let (status, csv) = shell(p, &format!("assess score {INPUTS} --format csv"));
    assert_eq!(status, 0, "{csv}");
    let mut out = String::from("名次,单位,总分,等次\n");
    for line in csv.lines().skip(1) {
        let c: Vec<&str> = line.split(',').collect();
        if c[0] == "departments" {
            let mark = if c[10] == "true" { "*" } else { "" };
            out.push_str(&format!("{},{},{}{mark},{}\n", c[1], c[3], c[4], c[6]));
        }
    }
    out
}

fn report(failures: &[String], what: &str) {
    assert!(
        failures.is_empty(),
        "{} command(s) of {what} do not do what it says:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

fn check_skip_list(used: &[&str], doc: &str) {
    for (d, what, why) in SKIPPED {
        if *d == doc {
            assert!(
                used.contains(what),
                "the skip-list names {what:?} ({why}), which {doc} no longer has"
            );
        }
    }
}

#[test]
fn every_command_of_the_guide_does_what_the_guide_shows() {
    let guide = read_doc(GUIDE);
    assert!(
        guide.contains("命令中的 `…` 表示省略了与前文相同的输入参数（`--annual …`、`--daily …`）")
    );
    let mut used = Vec::new();
    let steps = steps(GUIDE, &guide, &mut used);
    check_skip_list(&used, GUIDE);
    assert!(
        steps.len() > 80,
        "the guide's commands are found ({})",
        steps.len()
    );
    let place = place();
    fs::create_dir_all(place.work.join("练习")).unwrap();
    let mut hooks = guide_hooks(&guide);
    let failures = run_steps(&place, &steps, &mut hooks);
    report(&failures, GUIDE);
}

#[test]
fn every_command_of_the_readme_runs() {
    let readme = read_doc(README);
    let mut used = Vec::new();
    let steps = steps(README, &readme, &mut used);
    check_skip_list(&used, README);
    assert!(
        steps.len() >= 3,
        "the README's commands are found ({})",
        steps.len()
    );
    let place = place();
    let failures = run_steps(&place, &steps, &mut []);
    report(&failures, README);
}

/// Where a typed form is written, and what it is.
enum Typed {
    /// 塔城市's score on 1.1 组织领导 (5 points) in annual-office.csv.
    Score(&'static str),
    /// The date of a deduction of 0.5 from 塔城市 on 1.1.
    Date(&'static str),
    /// The points of that deduction.
    Points(&'static str),
    /// 地区发展和改革委员会's 好评率 in a measures table of examples/2021.
    Measure(&'static str),
    /// A run of `check` with these arguments (`EX/` is examples/2020/)
    /// after making these files in its folder.
    Check(
        &'static [&'static str],
        fn() -> Vec<(&'static str, Vec<u8>)>,
    ),
}

/// A typed form, the guide's verdict (read or refused), what the program
/// shows when it reads it (or says when it refuses it), and the words of the
/// documents that give the verdict.
struct Form {
    typed: Typed,
    read: bool,
    shows: &'static str,
    said: &'static [(&'static str, &'static str)],
}

const fn reads(
    typed: Typed,
    shows: &'static str,
    said: &'static [(&'static str, &'static str)],
) -> Form {
    Form {
        typed,
        read: true,
        shows,
        said,
    }
}

const fn refuses(
    typed: Typed,
    says: &'static str,
    said: &'static [(&'static str, &'static str)],
) -> Form {
    Form {
        typed,
        read: false,
        shows: says,
        said,
    }
}

const SCORE: &str = "评 4.5 分";
const NA: &str = "不涉及（各评分单位均填 n/a）";
const DATE: &str = "日常考核：2020-05-19 随机抽查 核减 0.5 分（测试）";
const NOT_A_NUMBER: &str = "无法识别为数字";

/// The typed forms the guide speaks of, with its verdicts.
const FORMS: &[Form] = &[
    // 数字 (三、（七）; 五、常见问题)
    reads(
        Typed::Score("4.5"),
        SCORE,
        &[(GUIDE, "得分填普通数字（`7.5`、`12`）")],
    ),
    reads(
        Typed::Score("+4.5"),
        SCORE,
        &[
            (GUIDE, "普通小数，如 `27.5`、`0.25`、`12`，可带正负号"),
            (FORMATS, "an optional sign"),
        ],
    ),
    reads(
        Typed::Score("４．５"),
        SCORE,
        &[
            (GUIDE, "全角数字和小数点（`９５．５`）"),
            (GUIDE, "全角数字和小数点（`４．５`）"),
            (FORMATS, "full-width digits, point and sign"),
            (OFFICE, "full-width digits, point and sign"),
        ],
    ),
    reads(
        Typed::Score("4.5分"),
        SCORE,
        &[
            (GUIDE, "末尾带“分”字（`4.5分`、`4.5 分`）也认"),
            (GUIDE, "末尾的“分”字（`4.5分`、`4.5 分`）都按数字读入"),
            (FORMATS, "a trailing 分"),
            (
                README,
                "Numbers and dates are read as people type them (`４．５`, `4.5分`, `2020.5.19`)",
            ),
        ],
    ),
    reads(
        Typed::Score("4.5 分"),
        SCORE,
        &[(GUIDE, "末尾带“分”字（`4.5分`、`4.5 分`）也认")],
    ),
    refuses(
        Typed::Score("1e2"),
        NOT_A_NUMBER,
        &[
            (GUIDE, "科学计数法（`1e2`）"),
            (FORMATS, "exponents (`1e2`)"),
        ],
    ),
    refuses(
        Typed::Score("1,000"),
        NOT_A_NUMBER,
        &[
            (GUIDE, "千位分隔符（`1,000`）"),
            (FORMATS, "thousands separators (`1,000`)"),
        ],
    ),
    refuses(
        Typed::Score("九十"),
        NOT_A_NUMBER,
        &[
            (GUIDE, "中文数字（`九十`）"),
            (FORMATS, "Chinese numerals (`九十`)"),
        ],
    ),
    refuses(
        Typed::Score("四点五"),
        NOT_A_NUMBER,
        &[(GUIDE, "中文数字如 `四点五`")],
    ),
    refuses(
        Typed::Score(".5"),
        NOT_A_NUMBER,
        &[
            (GUIDE, "省略整数部分（`.5`）"),
            (FORMATS, "a bare fraction (`.5`)"),
        ],
    ),
    refuses(
        Typed::Score("4.5%"),
        NOT_A_NUMBER,
        &[
            (GUIDE, "百分号（`4.5%`；只有指标数据可以带 `%`"),
            (FORMATS, "a percent sign on anything but a measured value"),
        ],
    ),
    reads(
        Typed::Measure("96.5%"),
        "好评率 96.5%",
        &[
            (GUIDE, "数值可写 `98.5` 或 `98.5%`（都是 98.5）"),
            (FORMATS, "optionally followed by `%`"),
        ],
    ),
    // 不涉及 (三、（二）)
    reads(
        Typed::Score("不涉及"),
        NA,
        &[(GUIDE, "或“不涉及”“不适用”、`n/a`")],
    ),
    reads(
        Typed::Score("不适用"),
        NA,
        &[(GUIDE, "填“不涉及”（也可写“不适用”或 `n/a`）")],
    ),
    reads(
        Typed::Score("n/a"),
        NA,
        &[(GUIDE, "填“不涉及”（也可写“不适用”或 `n/a`）")],
    ),
    reads(
        Typed::Score("N/A"),
        NA,
        &[
            (GUIDE, "英文的类型、方式和 `n/a` 不区分大小写"),
            (FORMATS, "`n/a` match in any case"),
        ],
    ),
    // 日期 (二、（五）; 三、（三）、（七）)
    reads(
        Typed::Date("2020-05-19"),
        DATE,
        &[(
            GUIDE,
            "| 日期 | `2020-05-19`、`2020/5/19` 或 `2020年5月19日`",
        )],
    ),
    reads(
        Typed::Date("2020/5/19"),
        DATE,
        &[(
            GUIDE,
            "| 日期 | `2020-05-19`、`2020/5/19` 或 `2020年5月19日`",
        )],
    ),
    reads(
        Typed::Date("2020年5月19日"),
        DATE,
        &[(
            GUIDE,
            "| 日期 | `2020-05-19`、`2020/5/19` 或 `2020年5月19日`",
        )],
    ),
    reads(
        Typed::Date("2020.5.19"),
        DATE,
        &[
            (
                GUIDE,
                "`2020-05-19`、`2020/5/19`、`2020.5.19`、`20200519`、`2020年5月19日`（或“号”）都可以",
            ),
            (FORMATS, "`2020.5.19`"),
        ],
    ),
    reads(
        Typed::Date("20200519"),
        DATE,
        &[(
            GUIDE,
            "`2020-05-19`、`2020/5/19`、`2020.5.19`、`20200519`、`2020年5月19日`（或“号”）都可以",
        )],
    ),
    reads(
        Typed::Date("2020年5月19号"),
        DATE,
        &[(GUIDE, "`2020年5月19日`（或“号”）都可以")],
    ),
    reads(
        Typed::Date("２０２０年５月１９日"),
        DATE,
        &[(GUIDE, "全角数字也可以")],
    ),
    reads(
        Typed::Date("2020-05-19 10:30"),
        DATE,
        &[(GUIDE, "后面带的时间（`2020-05-19 10:30`）不影响")],
    ),
    refuses(
        Typed::Date("2020-13-10"),
        "日期“2020-13-10”无法识别",
        &[(
            GUIDE,
            "2020-13-10,额敏县,政府网站,核减,,,0.5,网上评测,日期不存在",
        )],
    ),
    reads(
        Typed::Points("0.5分"),
        DATE,
        &[
            (GUIDE, "末尾带“分”字（`4.5分`、`4.5 分`）也认"),
            (FORMATS, "a trailing 分"),
        ],
    ),
    reads(
        Typed::Points("０．５"),
        DATE,
        &[(GUIDE, "全角数字和小数点（`９５．５`）")],
    ),
    // 编码 (二、（四）4; 三、（七）; 五)
    reads(
        Typed::Check(
            &[
                "--annual",
                "EX/annual-office.csv",
                "--annual",
                "EX/annual-lead.csv",
                "--annual",
                "EX/annual-service-center.csv",
            ],
            no_files,
        ),
        "annual-lead.csv：年度考核得分，共 155 行",
        &[
            (
                GUIDE,
                "两种编码程序都能自动识别，不需要另外说明（示例中的 `annual-lead.csv` 就是 GBK 编码）",
            ),
            (
                FORMATS,
                "or GBK/GB18030 (what Excel saves on Chinese Windows)",
            ),
        ],
    ),
    reads(
        Typed::Check(
            &[
                "--annual",
                "EX/annual-office.csv",
                "--annual",
                "EX/annual-lead.csv",
                "--annual",
                "EX/annual-service-center.csv",
            ],
            no_files,
        ),
        "annual-service-center.csv：年度考核得分，共 100 行",
        &[(
            GUIDE,
            "CSV 可以是 UTF-8（带或不带 BOM）或 GBK/GB18030，自动识别",
        )],
    ),
    reads(
        Typed::Check(
            &[
                "--annual",
                "office.csv",
                "--annual",
                "EX/annual-lead.csv",
                "--annual",
                "EX/annual-service-center.csv",
            ],
            crlf_office,
        ),
        "office.csv：年度考核得分，共 448 行",
        &[(GUIDE, "Windows 换行（CRLF）也可以")],
    ),
    refuses(
        Typed::Check(
            &["--annual", "EX/annual-lead.csv", "--encoding", "utf8"],
            no_files,
        ),
        "本行不是有效的 UTF-8 文本",
        &[(GUIDE, "强制按 UTF-8 读一个 GBK 文件时会这样报错")],
    ),
    refuses(
        Typed::Check(&["--daily", "EX/daily.csv", "--encoding", "gbk"], no_files),
        "不是有效的 GBK/GB18030 文本",
        &[(GUIDE, "那些文件会报“不是有效的 GBK/GB18030 文本”")],
    ),
    reads(
        Typed::Check(
            &[
                "--annual",
                "EX/annual-service-center.csv",
                "--annual",
                "EX/annual-lead.csv",
                "--annual",
                "office.csv",
                "--encoding",
                "gbk",
            ],
            ascii_office,
        ),
        "annual-service-center.csv：年度考核得分，共 100 行",
        &[
            (
                GUIDE,
                "注意它作用于本次运行的所有 CSV 文件（带 UTF-8 BOM 的文件除外）",
            ),
            (
                FORMATS,
                "except that a file starting with a UTF-8 BOM is always UTF-8",
            ),
        ],
    ),
    // 文件的种类 (二、（四）5; 三、（七）)
    reads(
        Typed::Check(
            &[
                "--annual",
                "EX/annual-office.xlsx",
                "--annual",
                "EX/annual-lead-counties.csv",
                "--annual",
                "EX/annual-lead-departments.csv",
                "--annual",
                "EX/annual-service-center.csv",
            ],
            no_files,
        ),
        "annual-office.xlsx[各县（市）]：年度考核得分",
        &[(GUIDE, "都可以直接用 Excel 工作簿（`.xlsx` 或 `.xlsm`）")],
    ),
    reads(
        Typed::Check(
            &[
                "--annual",
                "office.xlsm",
                "--annual",
                "EX/annual-lead-counties.csv",
                "--annual",
                "EX/annual-lead-departments.csv",
                "--annual",
                "EX/annual-service-center.csv",
            ],
            xlsm_office,
        ),
        "office.xlsm[地直各部门]：年度考核得分",
        &[
            (GUIDE, "都可以直接用 Excel 工作簿（`.xlsx` 或 `.xlsm`）"),
            (OFFICE, "(`.xlsx`, `.xlsm`, as Excel and WPS save them)"),
        ],
    ),
    reads(
        Typed::Check(
            &[
                "--annual",
                "office.csv",
                "--annual",
                "EX/annual-lead-counties.csv",
                "--annual",
                "EX/annual-lead-departments.csv",
                "--annual",
                "EX/annual-service-center.csv",
            ],
            workbook_named_csv,
        ),
        "office.csv[各县（市）]：年度考核得分",
        &[
            (GUIDE, "存成 `.csv` 名字的工作簿照样按工作簿读"),
            (
                OFFICE,
                "a workbook saved as `scores.csv` is still read as a workbook",
            ),
        ],
    ),
    reads(
        Typed::Check(
            &[
                "--annual",
                "office.xlsx",
                "--annual",
                "EX/annual-lead.csv",
                "--annual",
                "EX/annual-service-center.csv",
            ],
            csv_named_xlsx,
        ),
        "office.xlsx：年度考核得分，共 448 行",
        &[(OFFICE, "and a CSV named `.xlsx` as CSV")],
    ),
    refuses(
        Typed::Check(&["--annual", "office.xls"], ole_xls),
        "Excel 97-2003",
        &[
            (
                GUIDE,
                "Excel 97-2003 格式的 `.xls`、WPS 的 `.et`、二进制的 `.xlsb` 和 OpenDocument 的 `.ods` 读不了",
            ),
            (OFFICE, "An encrypted workbook, an Excel 97-2003 `.xls`"),
            (
                README,
                "an `.xls`, `.et`, `.xlsb` or `.ods` file is refused",
            ),
        ],
    ),
    refuses(
        Typed::Check(&["--annual", "office.et"], ole_et),
        "WPS",
        &[(GUIDE, "WPS 的 `.et`")],
    ),
    refuses(
        Typed::Check(&["--annual", "office.xlsb"], xlsb),
        ".xlsb",
        &[(GUIDE, "二进制的 `.xlsb`")],
    ),
    refuses(
        Typed::Check(&["--annual", "office.ods"], ods),
        ".ods",
        &[
            (GUIDE, "OpenDocument 的 `.ods` 读不了"),
            (OFFICE, "or an OpenDocument `.ods`"),
        ],
    ),
    refuses(
        Typed::Check(&["--annual", "通报.docx"], docx),
        "通报.docx",
        &[(GUIDE, "任何输入表都可以是工作簿（`.xlsx`、`.xlsm`）")],
    ),
];

fn example(name: &str) -> Vec<u8> {
    fs::read(Path::new(ROOT).join("examples/2020").join(name)).unwrap()
}

fn no_files() -> Vec<(&'static str, Vec<u8>)> {
    Vec::new()
}

fn crlf_office() -> Vec<(&'static str, Vec<u8>)> {
    let text = String::from_utf8(example("annual-office.csv")).unwrap();
    vec![("office.csv", text.replace('\n', "\r\n").into_bytes())]
}

/// annual-office.csv without its notes: ASCII, so the same text in UTF-8 and GBK.
fn ascii_office() -> Vec<(&'static str, Vec<u8>)> {
    let text = String::from_utf8(example("annual-office.csv")).unwrap();
    let rows: Vec<String> = text
        .lines()
        .map(|l| l.splitn(5, ',').take(4).collect::<Vec<_>>().join(",") + ",")
        .collect();
    vec![("office.csv", (rows.join("\n") + "\n").into_bytes())]
}

fn xlsm_office() -> Vec<(&'static str, Vec<u8>)> {
    vec![("office.xlsm", example("annual-office.xlsx"))]
}

fn workbook_named_csv() -> Vec<(&'static str, Vec<u8>)> {
    vec![("office.csv", example("annual-office.xlsx"))]
}

fn csv_named_xlsx() -> Vec<(&'static str, Vec<u8>)> {
    vec![("office.xlsx", example("annual-office.csv"))]
}

/// How every OLE compound file (.xls, .et) begins.
fn ole() -> Vec<u8> {
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.resize(4096, 0);
    bytes
}

fn ole_xls() -> Vec<(&'static str, Vec<u8>)> {
    vec![("office.xls", ole())]
}

fn ole_et() -> Vec<(&'static str, Vec<u8>)> {
    vec![("office.et", ole())]
}

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="TARGET"/></Relationships>"#;

fn xlsb() -> Vec<(&'static str, Vec<u8>)> {
    let rels = RELS.replace("TARGET", "xl/workbook.bin");
    let zip = stored_zip(&[
        ("_rels/.rels", rels.as_bytes(), None),
        ("xl/workbook.bin", b"\x83\x01\x00", None),
    ]);
    vec![("office.xlsb", zip)]
}

fn ods() -> Vec<(&'static str, Vec<u8>)> {
    let zip = stored_zip(&[
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet",
            None,
        ),
        ("content.xml", b"<office:document-content/>", None),
    ]);
    vec![("office.ods", zip)]
}

/// A Word document (the shape of the notice `publish` writes).
fn docx() -> Vec<(&'static str, Vec<u8>)> {
    let rels = RELS.replace("TARGET", "word/document.xml");
    let document = br#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>notice</w:t></w:r></w:p></w:body></w:document>"#;
    let zip = stored_zip(&[
        ("_rels/.rels", rels.as_bytes(), None),
        ("word/document.xml", document, None),
    ]);
    vec![("通报.docx", zip)]
}

/// Quotes a CSV cell when it must be.
fn cell(text: &str) -> String {
    if text.contains([',', '"']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// Runs one form through the binary: the status and what it printed.
fn run_form(typed: &Typed) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    let ex = format!("{ROOT}/examples/2020/");
    let year: Vec<String> = [
        "annual-office.csv",
        "annual-lead.csv",
        "annual-service-center.csv",
    ]
    .iter()
    .flat_map(|f| ["--annual".to_string(), format!("{ex}{f}")])
    .chain(["--daily".to_string(), format!("{ex}daily.csv")])
    .collect();
    let daily = |date: &str, points: &str| {
        let record = format!(
            "日期,单位,项目,类型,分值,方式,说明\n{},塔城市,1.1,核减,{},随机抽查,测试\n",
            cell(date),
            cell(points)
        );
        fs::write(dir.path().join("d.csv"), record).unwrap();
    };
    let mut args: Vec<String> = match typed {
        Typed::Score(score) => {
            let office = String::from_utf8(example("annual-office.csv")).unwrap();
            let mut lines: Vec<String> = office.lines().map(String::from).collect();
            assert!(lines[1].starts_with("tacheng,1.1,office,"));
            lines[1] = format!("tacheng,1.1,office,{},", cell(score));
            fs::write(dir.path().join("a.csv"), lines.join("\n") + "\n").unwrap();
            let mut args: Vec<String> = ["explain", "tacheng", "1.1", "--annual", "a.csv"]
                .map(String::from)
                .to_vec();
            args.extend(year[2..].iter().cloned());
            args
        }
        Typed::Date(date) => {
            daily(date, "0.5");
            let mut args: Vec<String> = ["explain", "tacheng", "1.1"].map(String::from).to_vec();
            args.extend(year.iter().cloned());
            args.extend(["--daily".into(), "d.csv".into()]);
            args
        }
        Typed::Points(points) => {
            daily("2020-05-19", points);
            let mut args: Vec<String> = ["explain", "tacheng", "1.1"].map(String::from).to_vec();
            args.extend(year.iter().cloned());
            args.extend(["--daily".into(), "d.csv".into()]);
            args
        }
        Typed::Measure(value) => {
            let table = format!(
                "单位,指标,数值\n地区发展和改革委员会,好评率,{}\n",
                cell(value)
            );
            fs::write(dir.path().join("m.csv"), table).unwrap();
            let y = format!("{ROOT}/examples/2021/");
            let mut args: Vec<String> = [
                "explain",
                "fgw",
                "2.2.1",
                "--allow-missing",
                "--measures",
                "m.csv",
                "--rubric",
            ]
            .map(String::from)
            .to_vec();
            args.push(format!("{y}rubric.toml"));
            for (flag, file) in [
                ("--annual", "annual-office.csv"),
                ("--annual", "annual-lead.csv"),
                ("--daily", "daily.csv"),
            ] {
                args.extend([flag.to_string(), format!("{y}{file}")]);
            }
            args
        }
        Typed::Check(check, files) => {
            for (name, bytes) in files() {
                fs::write(dir.path().join(name), bytes).unwrap();
            }
            std::iter::once("check".to_string())
                .chain(check.iter().map(|a| a.replace("EX/", &ex)))
                .collect()
        }
    };
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_assess"));
    for var in ["LC_ALL", "LC_MESSAGES", "LANG", "ASSESS_LANG"] {
        cmd.env_remove(var);
    }
    let out = cmd
        .args(args.drain(..))
        .current_dir(dir.path())
        .output()
        .expect("the binary runs");
    let mut printed = String::from_utf8_lossy(&out.stdout).into_owned();
    printed.push_str(&String::from_utf8_lossy(&out.stderr));
    (out.status.code().unwrap_or(-1), printed)
}

fn typed_text(typed: &Typed) -> String {
    match typed {
        Typed::Score(t) => format!("an annual score cell {t:?}"),
        Typed::Date(t) => format!("a daily record's date {t:?}"),
        Typed::Points(t) => format!("a daily record's points {t:?}"),
        Typed::Measure(t) => format!("a measured value {t:?}"),
        Typed::Check(args, _) => format!("check {}", args.join(" ")),
    }
}

#[test]
fn every_typed_form_is_read_or_refused_as_the_guide_says() {
    // Words are compared with every run of white space as one space (the
    // English docs wrap their lines).
    let squash = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let docs: Vec<(&str, String)> = [GUIDE, README, FORMATS, OFFICE]
        .iter()
        .map(|d| (*d, squash(&read_doc(d))))
        .collect();
    let mut failures = Vec::new();
    for form in FORMS {
        for (doc, words) in form.said {
            let text = &docs.iter().find(|(d, _)| d == doc).unwrap().1;
            if !text.contains(&squash(words)) {
                failures.push(format!(
                    "{}: {doc} no longer says {words:?}",
                    typed_text(&form.typed)
                ));
            }
        }
    }
    // Each form in a thread of its own: the table runs in the time of a few.
    let outcomes: Vec<(i32, String)> = std::thread::scope(|s| {
        let runs: Vec<_> = FORMS
            .iter()
            .map(|f| s.spawn(|| run_form(&f.typed)))
            .collect();
        runs.into_iter().map(|r| r.join().unwrap()).collect()
    });
    for (form, (status, printed)) in FORMS.iter().zip(outcomes) {
        let what = typed_text(&form.typed);
        let ok = if form.read {
            status == 0 && printed.contains(form.shows)
        } else {
            status == 2
                && printed
                    .lines()
                    .any(|l| l.starts_with("错误：") && l.contains(form.shows))
        };
        if !ok {
            failures.push(format!(
                "{what}: the guide says it is {}, the program (exit {status}) printed:\n{}",
                if form.read { "read" } else { "refused" },
                clip(&printed)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
