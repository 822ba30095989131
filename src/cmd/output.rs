//! Where a result goes: the format `--output` implies, standard output or a
//! file written whole or not at all, a folder likewise.

use std::io::Write;
use std::path::Path;

use super::{Exit, Outcome};
use crate::text::diag::Failure;
use crate::text::i18n::Message;
use crate::text::i18n::msg;

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

/// The output format: `--format`, else what the extension of `--output`
/// names in `by_extension`, else `default`. A format that contradicts the
/// extension is refused: `-o 结果.xlsx --format csv` would make a file that
/// Excel cannot open.
pub fn format_for<F: Copy + PartialEq>(
    flag: Option<F>,
    output: Option<&Path>,
    by_extension: &[(&str, F, &'static str)],
    default: F,
) -> Result<F, Failure> {
    let extension = output
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let implied = by_extension
        .iter()
        .find(|(ext, _, _)| extension.as_deref() == Some(*ext))
        .map(|(_, f, _)| *f);
    match (flag, implied) {
        (Some(f), Some(e)) if f != e => Err(msg!(
            "output-format-contradicts",
            format = by_extension
                .iter()
                .find(|(_, x, _)| *x == f)
                .map_or("", |(_, _, name)| *name),
            path = output.map(|p| p.display().to_string()).unwrap_or_default()
        )
        .into()),
        (Some(f), _) | (None, Some(f)) => Ok(f),
        (None, None) => Ok(default),
    }
}

/// `score`'s format: `.csv`, `.json`, `.xlsx` by extension, else a table.
pub fn score_format(
    flag: Option<crate::report::Format>,
    output: Option<&Path>,
) -> Result<crate::report::Format, Failure> {
    use crate::report::Format;
    format_for(
        flag,
        output,
        &[
            ("csv", Format::Csv, "csv"),
            ("json", Format::Json, "json"),
            ("xlsx", Format::Xlsx, "xlsx"),
            ("txt", Format::Table, "table"),
        ],
        Format::Table,
    )
}

/// `--output` must not name a file the run reads: a typo would replace the
/// year's daily records with a report.
pub fn not_an_input(output: Option<&Path>, inputs: &[&Path]) -> Result<(), Failure> {
    let Some(output) = output else {
        return Ok(());
    };
    // A file that does not exist yet cannot be an input; one that does is
    // compared by where it really is (another spelling, a link).
    let Ok(target) = std::fs::canonicalize(output) else {
        return Ok(());
    };
    for input in inputs {
        if std::fs::canonicalize(input).is_ok_and(|p| p == target) {
            return Err(msg!("output-is-input", path = output.display().to_string()).into());
        }
    }
    Ok(())
}

/// The file a workbook goes to: a workbook on a terminal is of no use, so
/// `--output` is required.
pub fn workbook_file(output: Option<&Path>) -> Result<&Path, Failure> {
    output.ok_or_else(|| msg!("workbook-needs-output").into())
}

/// Writes a rendered result to `--output` (whole or not at all) or stdout.
pub fn emit(bytes: impl AsRef<[u8]>, output: Option<&Path>) -> Outcome {
    let bytes = bytes.as_ref();
    match output {
        Some(path) => write_atomic(path, bytes).map_err(|e| {
            msg!(
                "cannot-write",
                path = path.display().to_string(),
                reason = e.to_string()
            )
        }),
        None => {
            write_stdout(bytes).map_err(|e| msg!("cannot-write-stdout", reason = e.to_string()))
        }
    }?;
    Ok(Exit::Done)
}
