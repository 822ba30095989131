//! Where a result goes: the format `--output` implies, standard output or a
//! file written whole or not at all, a folder likewise.

use std::io::Write;
use std::path::Path;

use super::{Exit, Outcome};
use crate::text::diag::Failure;
use crate::text::i18n::Message;
use crate::text::i18n::msg;

/// What the temporary files and folders of a write are called: a run that
/// is killed mid-write leaves only such names behind, and the next write
/// into that folder removes them (see [`remove_litter`]).
pub const TEMP_PREFIXES: [&str; 3] = [".assess-tmp-", ".assess-publish-", ".assess-replaced-"];

/// The file in a folder `publish` writes that says the folder is its own,
/// so `--force` replaces a folder of the tool's and never one of the user's.
pub const PUBLISH_MARKER: &str = ".assess-publish";

/// How old a temporary file or folder must be to be taken for the litter of
/// a killed run rather than the work of one still writing.
const LITTER_AGE: std::time::Duration = std::time::Duration::from_secs(15 * 60);

/// The folder a path is written in.
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// Removes what killed runs left in `dir`: temporary files and folders of
/// this tool (named with [`TEMP_PREFIXES`]) older than [`LITTER_AGE`].
/// Best effort: what cannot be removed stays.
pub fn remove_litter(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let now = std::time::SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let ours = name
            .to_str()
            .is_some_and(|n| TEMP_PREFIXES.iter().any(|p| n.starts_with(p)));
        let Ok(meta) = entry.path().symlink_metadata() else {
            continue;
        };
        let old = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|age| age >= LITTER_AGE);
        if !ours || !old {
            continue;
        }
        let _ = if meta.is_dir() {
            std::fs::remove_dir_all(entry.path())
        } else {
            std::fs::remove_file(entry.path())
        };
    }
}

/// Where a file named on the command line may be written: a path that does
/// not exist yet, or a regular file (replaced whole); through a symbolic
/// link, the regular file it points to. A folder, a device, a FIFO or a
/// socket is refused: renaming over it would replace the node itself.
pub fn writable_target(path: &Path) -> Result<std::path::PathBuf, Message> {
    let shown = || path.display().to_string();
    let meta = match path.symlink_metadata() {
        Err(_) => return Ok(path.to_path_buf()),
        Ok(meta) => meta,
    };
    if meta.is_file() {
        return Ok(path.to_path_buf());
    }
    if meta.file_type().is_symlink() {
        return match std::fs::canonicalize(path) {
            Ok(target) if target.is_file() => Ok(target),
            _ => Err(msg!("output-bad-link", path = shown())),
        };
    }
    if meta.is_dir() {
        return Err(msg!("output-is-folder", path = shown()));
    }
    Err(msg!("output-not-a-file", path = shown()))
}

/// Writes `text` to `path` through a temporary file in the same folder,
/// synced and then renamed over the target, so a reader never sees half a
/// file and a failure leaves the old file (or none) in place.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = folder_of(path);
    remove_litter(dir);
    let result = (|| {
        let mut builder = tempfile::Builder::new();
        builder.prefix(TEMP_PREFIXES[0]);
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
    let parent = folder_of(target);
    remove_litter(parent);
    let result = (|| {
        let tmp = tempfile::Builder::new()
            .prefix(TEMP_PREFIXES[1])
            .tempdir_in(parent)?;
        // The folder says it is this tool's: `--force` may replace it later.
        std::fs::write(
            tmp.path().join(PUBLISH_MARKER),
            concat!("assess ", env!("CARGO_PKG_VERSION"), "\n"),
        )?;
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
                .prefix(TEMP_PREFIXES[2])
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
    // Refused before any work: a device, a pipe, a folder.
    writable_target(output)?;
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
        Some(path) => write_atomic(&writable_target(path)?, bytes).map_err(|e| {
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
