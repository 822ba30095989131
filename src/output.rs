//! Writing a result: to standard output, or to a file whole or not at all.

use std::io::Write;
use std::path::Path;

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
        let why = match e.kind() {
            std::io::ErrorKind::NotFound => "its folder does not exist".to_string(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            _ => {
                let text = e.to_string();
                text.split(" at path ").next().unwrap_or(&text).to_string()
            }
        };
        std::io::Error::new(e.kind(), why)
    })
}

/// Writes to standard output; a closed pipe (`assess score | head`) is not an error.
pub fn write_stdout(bytes: &[u8]) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}
