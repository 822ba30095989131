//! Provenance: what part a file plays in a run, its digest, and where a
//! value came from (`FILE:LINE`, `FILE[SHEET]!D5`).

use sha2::{Digest, Sha256};
use std::fmt;
use std::sync::Arc;

/// What part a file plays in a run, as recorded in the JSON `inputs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Rubric,
    Annual,
    Daily,
    Published,
    /// `--self`: the units' self-assessment.
    SelfAssessment,
    /// `--previous`: an earlier result.
    Previous,
    /// `--measures`: the units' measured values (指标数据).
    Measures,
    /// `--adjust`: the review's adjustments (复核调整).
    Adjust,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Rubric => "rubric",
            Role::Annual => "annual",
            Role::Daily => "daily",
            Role::Published => "published",
            Role::SelfAssessment => "self",
            Role::Previous => "previous",
            Role::Measures => "measures",
            Role::Adjust => "adjust",
        }
    }
}

/// Provenance of one input: enough for an auditor to check it byte for byte.
#[derive(Clone, Debug)]
pub struct InputFile {
    pub role: Role,
    /// The path as given on the command line; `embedded:rubrics/…` for a
    /// rubric compiled into the binary.
    pub path: Arc<str>,
    pub sha256: String,
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest.iter() {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// Where a value came from: a file and a 1-based line (and column, when it
/// helps); line 0 stands for the file as a whole (it cannot be read).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    pub file: Arc<str>,
    pub line: usize,
    pub column: Option<usize>,
    /// The location is a worksheet cell: `file!D5` (column 4, row 5).
    pub cell: bool,
    /// The column of a CSV line, as Excel letters it: `file:5:D`.
    pub letter: bool,
}

impl Location {
    pub fn new(file: &Arc<str>, line: usize) -> Self {
        Location {
            file: Arc::clone(file),
            line,
            column: None,
            cell: false,
            letter: false,
        }
    }

    /// The cell in 1-based column `column` of this CSV line: the line as
    /// the file counts it, the column as a spreadsheet shows it (`E`).
    pub fn in_csv_column(mut self, column: usize) -> Self {
        self.column = Some(column);
        self.letter = true;
        self
    }

    /// The cell in 1-based column `column` of this (sheet) row.
    pub fn in_cell(mut self, column: usize) -> Self {
        self.column = Some(column);
        self.cell = true;
        self
    }

    /// A sheet cell by its reference alone (`E7`); any other place whole.
    pub fn cell_name(&self) -> String {
        match self.column {
            Some(c) if self.cell => format!("{}{}", column_letters(c), self.line),
            _ => self.to_string(),
        }
    }

    pub fn with_column(mut self, column: usize) -> Self {
        self.column = Some(column);
        self
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.column {
            _ if self.line == 0 => write!(f, "{}", self.file),
            Some(c) if self.cell => write!(f, "{}!{}{}", self.file, column_letters(c), self.line),
            Some(c) if self.letter => {
                write!(f, "{}:{}:{}", self.file, self.line, column_letters(c))
            }
            Some(c) => write!(f, "{}:{}:{}", self.file, self.line, c),
            None => write!(f, "{}:{}", self.file, self.line),
        }
    }
}

/// Spreadsheet column letters: 1 -> A, 26 -> Z, 27 -> AA.
pub fn column_letters(mut column: usize) -> String {
    let mut letters = Vec::new();
    while column > 0 {
        let rem = (column - 1) % 26;
        letters.push(b'A' + rem as u8);
        column = (column - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// Maps byte offsets of a text to lines and character columns.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { text, starts }
    }

    /// 1-based line and 1-based column counted in characters (not bytes, so a
    /// column after Chinese text points where an editor shows it).
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let col = self
            .text
            .get(start..offset)
            .map_or(1, |s| s.chars().count() + 1);
        (line, col)
    }

    pub fn location(&self, file: &Arc<str>, offset: usize) -> Location {
        let (line, col) = self.line_col(offset);
        Location::new(file, line).with_column(col)
    }
}

impl InputFile {
    /// The provenance of a file already read and checked (its digest now).
    pub fn of(path: &std::path::Path, role: Role) -> Option<InputFile> {
        let bytes = std::fs::read(path).ok()?;
        Some(InputFile {
            role,
            path: Arc::from(path.display().to_string()),
            sha256: sha256_hex(&bytes),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters() {
        let idx = LineIndex::new("a = 1\ntitle = \"政务\" x\n");
        assert_eq!(idx.line_col(0), (1, 1));
        let off = "a = 1\ntitle = \"政务\" ".len();
        assert_eq!(idx.line_col(off), (2, 14));
    }

    #[test]
    fn sha256_of_empty_input() {
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn cells_are_named_as_spreadsheets_name_them() {
        let f: Arc<str> = Arc::from("a.xlsx[年度得分]");
        assert_eq!(
            Location::new(&f, 5).in_cell(4).to_string(),
            "a.xlsx[年度得分]!D5"
        );
        assert_eq!(column_letters(26), "Z");
        assert_eq!(column_letters(27), "AA");
        assert_eq!(column_letters(702), "ZZ");
        assert_eq!(column_letters(703), "AAA");
    }

    #[test]
    fn location_renders_with_and_without_column() {
        let f: Arc<str> = Arc::from("a.csv");
        assert_eq!(Location::new(&f, 3).to_string(), "a.csv:3");
        assert_eq!(Location::new(&f, 3).with_column(7).to_string(), "a.csv:3:7");
    }
}
