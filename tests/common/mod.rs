//! A case for the real binary: files in a temporary folder of its own, the
//! command line, and the whole expected outputs.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

pub mod rawzip;
#[macro_use]
pub mod snapshot;

pub use snapshot::{Expected, Snapshot};

pub struct Case {
    dir: tempfile::TempDir,
    args: Vec<String>,
    env: Vec<(String, String)>,
}

pub struct Outcome {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
    pub stdout_bytes: Vec<u8>,
}

impl Case {
    pub fn new() -> Self {
        Case {
            dir: tempfile::tempdir().expect("a temporary folder"),
            args: Vec::new(),
            env: Vec::new(),
        }
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Writes a file into the case's folder.
    pub fn file(self, name: &str, contents: impl AsRef<[u8]>) -> Self {
        let path = self.dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("a folder");
        }
        std::fs::write(path, contents).expect("a written file");
        self
    }

    pub fn args(mut self, args: &[&str]) -> Self {
        self.args.extend(args.iter().map(|a| a.to_string()));
        self
    }

    /// Sets an environment variable for the run.
    pub fn env(mut self, key: &str, value: &str) -> Self {
        self.env.push((key.to_string(), value.to_string()));
        self
    }

    /// Runs the binary in the case's folder.
    pub fn run(&self) -> Outcome {
        self.run_in(None)
    }

    /// Runs with `ASSESS_LANG` set to `lang` (unless the case sets it), the
    /// locale of the machine never counting.
    pub fn run_in(&self, lang: Option<&str>) -> Outcome {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_assess"));
        for var in ["LC_ALL", "LC_MESSAGES", "LANG", "ASSESS_LANG"] {
            cmd.env_remove(var);
        }
        if let Some(lang) = lang {
            cmd.env("ASSESS_LANG", lang);
        }
        let out = cmd
            .args(&self.args)
            .current_dir(self.dir.path())
            .env("NO_COLOR", "1")
            .envs(self.env.iter().map(|(k, v)| (k, v)))
            .output()
            .expect("the binary runs");
        Outcome {
            status: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            stdout_bytes: out.stdout,
        }
    }

    /// Runs and requires exit 0, no stderr and exactly `stdout`.
    pub fn stdout(&self, expected: impl Expected) -> Outcome {
        let out = self.run();
        assert_eq!(out.stderr, "", "stderr of {:?}", self.args);
        expected.check(&out.stdout);
        assert_eq!(out.status, 0, "exit status of {:?}", self.args);
        out
    }

    /// Runs in English and requires exit 2, nothing on stdout and exactly `stderr`.
    pub fn fails(&self, expected: impl Expected) -> Outcome {
        self.fails_in("en", expected)
    }

    /// Runs in Chinese (the default) and requires exit 2, nothing on stdout
    /// and exactly `stderr`.
    pub fn fails_zh(&self, expected: impl Expected) -> Outcome {
        self.fails_in("zh", expected)
    }

    fn fails_in(&self, lang: &str, expected: impl Expected) -> Outcome {
        let out = self.run_in(Some(lang));
        expected.check(&out.stderr);
        assert_eq!(out.stdout, "", "stdout of a failed run");
        assert_eq!(out.status, 2, "exit status of {:?}", self.args);
        out
    }
}

/// Compares whole texts, showing the first differing line on failure.
pub fn assert_text(actual: &str, expected: &str) {
    if let Some(difference) = difference(actual, expected) {
        panic!("{difference}");
    }
}

/// Where two texts differ: the first differing line, then both texts whole.
pub fn difference(actual: &str, expected: &str) -> Option<String> {
    if actual == expected {
        return None;
    }
    let a: Vec<&str> = actual.lines().collect();
    let e: Vec<&str> = expected.lines().collect();
    let at = a
        .iter()
        .zip(&e)
        .position(|(x, y)| x != y)
        .unwrap_or(a.len().min(e.len()));
    Some(format!(
        "output differs at line {}:\n  expected: {:?}\n  actual:   {:?}\n--- whole actual output ---\n{actual}--- whole expected output ---\n{expected}",
        at + 1,
        e.get(at),
        a.get(at)
    ))
}

/// The CSV result of the test year where 一县 (u1) scores 7 on 1.1 and has
/// one deduction of 0.5 (16.50) and the others full marks (18.00): what many
/// ways of writing those inputs (tables, encodings, workbooks) must give.
pub fn u1_at_16_50() -> Snapshot {
    Snapshot::file("common/u1_at_16_50.csv")
}

/// A small rubric used across the tests, on a 20-point scale:
/// 1.1 (8, office), 1.2 (6, office 0.5 + lead 0.5), 2.1 (4, daily only,
/// from full), 2.2 (2, daily only, from zero, additions capped at 1.5).
pub const RUBRIC: &str = r#"id = "t"
title = "测试细则"
year = 2020
total = 20

[scorers]
office = "办公室"
lead = "牵头单位"

[[grade]]
id = "excellent"
label = "优秀"
min = 18
[[grade]]
id = "good"
label = "良好"
min = 15
[[grade]]
id = "pass"
label = "合格"
min = 12
[[grade]]
id = "fail"
label = "不合格"
min = 0

[[unit]]
id = "u1"
name = "一县"
[[unit]]
id = "u2"
name = "二县"
[[unit]]
id = "u3"
name = "三县"

[[section]]
id = "s1"
title = "政务公开"
  [[section.item]]
  id = "1.1"
  title = "组织领导"
  max = 8
  scorers = { office = 1 }
  max_deduct = 3
  [[section.item]]
  id = "1.2"
  title = "政策解读"
  max = 6
  scorers = { office = "0.5", lead = 0.5 }

[[section]]
id = "s2"
title = "放管服"
  [[section.item]]
  id = "2.1"
  title = "网站监测"
  max = 4
  start = "full"
  [[section.item]]
  id = "2.2"
  title = "创新加分"
  max = 2
  max_add = 1.5
"#;

/// Annual scores giving every unit full marks on every scored item.
pub const FULL_ANNUAL: &str = "unit,item,scorer,score
u1,1.1,office,8
u1,1.2,office,6
u1,1.2,lead,6
u2,1.1,office,8
u2,1.2,office,6
u2,1.2,lead,6
u3,1.1,office,8
u3,1.2,office,6
u3,1.2,lead,6
";

pub const DAILY_HEADER: &str = "date,unit,item,kind,points,method,note\n";

pub const CSV_HEADER: &str =
    "rubric,rank,unit_id,unit,total,grade,grade_label,deducted,added,veto,scaled,provisional\n";

/// A case with the test rubric and the given annual and daily tables, run as
/// `score --format csv`.
pub fn csv_case(annual: &str, daily: &str) -> Case {
    Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", annual)
        .file("d.csv", daily)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv", "--format",
            "csv",
        ])
}
