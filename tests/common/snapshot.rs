//! Expected whole outputs kept as files under tests/snapshots/, compared
//! whole. `ASSESS_BLESS=1 cargo test` re-records every file that differs
//! from what the binary printed (or is missing), and the run then passes;
//! without it a missing file fails like a wrong one. See tests/README.md.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

/// The variable that re-records the files (any value but empty or `0`).
pub const BLESS: &str = "ASSESS_BLESS";

/// One writer at a time: tests run on several threads and may share a file.
static FILES: Mutex<()> = Mutex::new(());

/// What a whole output is compared with: a text written in the test, or a
/// recorded file ([`Snapshot`]).
pub trait Expected {
    fn check(&self, actual: &str);
}

impl Expected for str {
    fn check(&self, actual: &str) {
        super::assert_text(actual, self);
    }
}

impl Expected for String {
    fn check(&self, actual: &str) {
        super::assert_text(actual, self);
    }
}

impl<T: Expected + ?Sized> Expected for &T {
    fn check(&self, actual: &str) {
        (**self).check(actual);
    }
}

/// A recorded output: `tests/snapshots/<name>`, where values that vary
/// from machine to machine (a path, the version) are written as placeholders.
pub struct Snapshot {
    name: String,
    placeholders: Vec<(String, String)>,
}

/// `snapshot!("en.txt")`: the file `tests/snapshots/<module>/<test>.en.txt`
/// of the test it is written in.
macro_rules! snapshot {
    ($tail:expr) => {
        $crate::common::snapshot::Snapshot::of_test(
            {
                fn here() {}
                ::std::any::type_name_of_val(&here)
            },
            $tail,
        )
    };
}

impl Snapshot {
    /// The file `tests/snapshots/<name>`, for an output several tests share.
    pub fn file(name: &str) -> Self {
        Snapshot {
            name: name.to_string(),
            placeholders: Vec::new(),
        }
    }

    /// The snapshot of the test whose path `here` names (`it::errors::a_test::here`).
    pub fn of_test(here: &str, tail: &str) -> Self {
        let path: Vec<&str> = here
            .split("::")
            .skip(1)
            .filter(|p| *p != "here" && *p != "{{closure}}")
            .collect();
        Self::file(&format!("{}.{tail}", path.join("/")))
    }

    /// `placeholder` in the file stands for `value` in the output.
    pub fn with(mut self, placeholder: &str, value: &str) -> Self {
        self.placeholders
            .push((placeholder.to_string(), value.to_string()));
        self
    }

    pub fn path(&self) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join(self.shown())
    }

    fn shown(&self) -> String {
        format!("tests/snapshots/{}", self.name)
    }

    /// The expected output: the file with its placeholders filled in.
    pub fn text(&self) -> Option<String> {
        let recorded = match std::fs::read_to_string(self.path()) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
            Err(e) => panic!("{}: {e}", self.shown()),
        };
        Some(
            self.placeholders
                .iter()
                .fold(recorded, |t, (p, v)| t.replace(p, v)),
        )
    }
}

impl Expected for Snapshot {
    fn check(&self, actual: &str) {
        let lock = FILES.lock().unwrap_or_else(PoisonError::into_inner);
        let expected = self.text();
        if expected.as_deref() == Some(actual) {
            return;
        }
        if std::env::var(BLESS).is_ok_and(|v| !v.is_empty() && v != "0") {
            let text = self
                .placeholders
                .iter()
                .fold(actual.to_string(), |t, (p, v)| t.replace(v, p));
            let path = self.path();
            std::fs::create_dir_all(path.parent().expect("a folder")).expect("a folder");
            std::fs::write(&path, text).expect("the snapshot is written");
            eprintln!("re-recorded {}", self.shown());
            return;
        }
        drop(lock);
        let hint =
            format!("re-record with {BLESS}=1 cargo test, then review the change with git diff");
        match expected {
            None => panic!(
                "{}: no recorded output ({hint})\n--- whole actual output ---\n{actual}",
                self.shown()
            ),
            Some(expected) => panic!(
                "{}: {}{hint}",
                self.shown(),
                super::difference(actual, &expected).unwrap_or_default()
            ),
        }
    }
}

/// Every recorded file belongs to a test: `<module>/<test>.<tail>` names a
/// test of tests/it/<module>.rs, and a file several tests share is named in
/// the sources. (A renamed test is recorded anew under its new name: this
/// finds the old file, to delete.)
#[test]
fn every_recorded_file_belongs_to_a_test() {
    let tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let read = |p: PathBuf| std::fs::read_to_string(p).unwrap_or_default();
    let mut sources = String::new();
    for folder in ["common", "it"] {
        for entry in std::fs::read_dir(tests.join(folder)).expect("tests/common, tests/it") {
            sources += &read(entry.expect("an entry").path());
        }
    }
    let mut orphans = Vec::new();
    let mut folders = vec![tests.join("snapshots")];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("a folder") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                folders.push(path);
                continue;
            }
            let name = path.strip_prefix(tests.join("snapshots")).expect("inside");
            let name = name.to_string_lossy().replace('\\', "/");
            let (module, file) = name.split_once('/').unwrap_or(("", &name));
            let test = file.split('.').next().unwrap_or_default();
            let module = read(tests.join(format!("it/{module}.rs")));
            if !module.contains(&format!("fn {test}(")) && !sources.contains(&format!("\"{name}\""))
            {
                orphans.push(name);
            }
        }
    }
    assert!(
        orphans.is_empty(),
        "recorded outputs of no test: {orphans:?}"
    );
}
