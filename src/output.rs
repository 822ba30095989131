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

/// What `publish` writes into its folder (SPEC 13). The names are part of
/// the contract, the same in every language: scripts and the office's
/// habits look for them.
pub mod published {
    pub const NOTICE_DOCX: &str = "通报.docx";
    pub const NOTICE_MD: &str = "通报.md";
    pub const FEEDBACK_DIR: &str = "反馈";
    pub const ANALYSIS_HTML: &str = "分析报告.html";
}

/// Writes a folder whole or not at all: the files are written into a new
/// folder beside `target` (same parent, so same file system), synced, and
/// the folder is then renamed to `target`. With `replace`, an existing
/// `target` is moved aside first and removed only once the new folder is in
/// its place (put back if that fails). Any failure leaves nothing behind.
pub fn write_folder_atomic(
    target: &Path,
    files: &[(std::path::PathBuf, Vec<u8>)],
    replace: bool,
) -> std::io::Result<()> {
    let parent = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let result = (|| {
        let tmp = tempfile::Builder::new()
            .prefix(".assess-publish-")
            .tempdir_in(parent)?;
        for (name, bytes) in files {
            let path = tmp.path().join(name);
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)?;
            }
            let mut f = std::fs::File::create(&path)?;
            f.write_all(bytes)?;
            f.sync_all()?;
        }
        // A folder to share: the usual rwxr-xr-x, not tempfile's private 0700.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o755))?;
        }
        if replace && std::fs::symlink_metadata(target).is_ok() {
            let aside = tempfile::Builder::new()
                .prefix(".assess-replaced-")
                .tempdir_in(parent)?;
            let old = aside.path().join("old");
            std::fs::rename(target, &old)?;
            if let Err(e) = std::fs::rename(tmp.path(), target) {
                let _ = std::fs::rename(&old, target);
                return Err(e);
            }
            // `aside` (with the old folder in it) is removed when dropped.
        } else {
            std::fs::rename(tmp.path(), target)?;
        }
        // Renamed away: nothing left for the guard to remove.
        let _ = tmp.keep();
        Ok(())
    })();
    result.map_err(|e: std::io::Error| {
        let text = e.to_string();
        let detail = text.split(" at path ").next().unwrap_or(&text);
        reason(&e, detail)
    })
}
