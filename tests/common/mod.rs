//! A case for the real binary: files in a temporary folder of its own, the
//! command line, and the whole expected outputs.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

pub mod fixtures;
pub mod rawzip;
#[macro_use]
pub mod snapshot;

pub use fixtures::*;
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

/// The text of XML or HTML with its entities (the five named ones and
/// `&#39;`) written out again; `&amp;` last, so `&amp;lt;` stays `&lt;`.
pub fn unescape(t: &str) -> String {
    t.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// A member of a zip archive (a workbook, a Word document) as text.
pub fn zip_member(path: &Path, member: &str) -> String {
    use std::io::Read;
    let file = std::fs::File::open(path).expect("the archive opens");
    let mut zip = zip::ZipArchive::new(file).expect("a zip archive");
    let mut entry = zip
        .by_name(member)
        .unwrap_or_else(|_| panic!("{}: no {member}", path.display()));
    let mut text = String::new();
    entry.read_to_string(&mut text).expect("UTF-8 XML");
    text
}
