//! Input files as read from disk: their bytes' digest (for provenance) and a
//! way to turn byte offsets into `FILE:LINE:COL`.

use sha2::{Digest, Sha256};
use std::sync::Arc;

use crate::diag::Location;
use crate::i18n::Message;
use crate::msg;

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

/// Reads a whole input file; a failure is reported against the file itself.
/// `what` is `"rubric"` for a rubric file, anything else for a table.
pub fn read(
    path: &std::path::Path,
    what: &str,
    diags: &mut crate::diag::Diagnostics,
) -> Option<(Arc<str>, Vec<u8>)> {
    let file: Arc<str> = Arc::from(path.display().to_string());
    match std::fs::read(path) {
        Ok(bytes) => Some((file, bytes)),
        Err(e) => {
            let reason = io_reason(&e);
            let message = match what {
                "rubric" => msg!("source-cannot-read-rubric", reason = reason),
                _ => msg!("source-cannot-read-file", reason = reason),
            };
            diags.error(Location::new(&file, 0), message);
            None
        }
    }
}

/// Why a file could not be read, in the run's language; the system's own
/// words only for a failure without a message of its own.
pub fn io_reason(e: &std::io::Error) -> Message {
    use std::io::ErrorKind;
    let kind = match e.kind() {
        ErrorKind::NotFound => "not-found",
        ErrorKind::PermissionDenied => "permission",
        ErrorKind::IsADirectory => "directory",
        _ => "other",
    };
    msg!("source-io-reason", kind = kind, detail = e.to_string())
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
}
