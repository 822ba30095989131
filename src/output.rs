//! Writing a result: to standard output, or to a file whole or not at all.

use std::io::Write;
use std::path::Path;

use crate::i18n::Message;
use crate::msg;

/// Writes `text` to `path` through a temporary file in the same folder,
/// synced and then renamed over the target, so a reader never sees half a
/// file and a failure leaves the old file (or none) in place.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let result = (|| {
        let mut builder = tempfile::Builder::new();
        // A report is for sharing: the usual rw-r--r--, not tempfile's private 0600.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o644));
        }
        let mut tmp = builder.tempfile_in(dir)?;
        tmp.write_all(bytes)?;
        tmp.as_file().sync_all()?;
        tmp.persist(path).map_err(|e| e.error)?;
        Ok(())
    })();
    // tempfile's errors name its temporary file; the user named another.
    result.map_err(|e: std::io::Error| {
        let text = e.to_string();
        let detail = text.split(" at path ").next().unwrap_or(&text);
        reason(&e, detail)
    })
}

/// Why a write failed, as an error whose text is a catalog message in the
/// run's language.
#[derive(Debug)]
struct Reason(Message);

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl std::error::Error for Reason {}

fn reason(e: &std::io::Error, detail: &str) -> std::io::Error {
    use std::io::ErrorKind;
    let kind = match e.kind() {
        ErrorKind::NotFound => "no-folder",
        ErrorKind::PermissionDenied => "permission",
        ErrorKind::IsADirectory => "directory",
        ErrorKind::StorageFull => "full",
        _ => "other",
    };
    let message = msg!("output-reason", kind = kind, detail = detail);
    std::io::Error::new(e.kind(), Reason(message))
}

/// Writes to standard output; a closed pipe (`assess score | head`) is not an error.
pub fn write_stdout(bytes: &[u8]) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(reason(&e, &e.to_string())),
        Ok(()) => Ok(()),
    }
}
