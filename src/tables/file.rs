//! Reading a whole input file from disk, with a failure reported against the file.

use std::sync::Arc;

use crate::model::source::Location;
use crate::text::diag::Diagnostics;
use crate::text::i18n::Message;
use crate::text::i18n::msg;

/// Reads a whole input file; a failure is reported against the file itself.
/// `what` is `"rubric"` for a rubric file, anything else for a table.
pub fn read(
    path: &std::path::Path,
    what: &str,
    diags: &mut Diagnostics,
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

/// A file that cannot be read, and why.
pub fn cannot_read(e: &std::io::Error) -> Message {
    msg!("source-cannot-read-file", reason = io_reason(e))
}
