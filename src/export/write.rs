//! Writing an export: stdout, or files written atomically (a temporary file in
//! the same folder, flushed to disk, then renamed over the destination). An
//! existing file is kept unless `force`; clippings are appended to instead.
//! A failed write (read-only folder, full disk) leaves the old file as it was
//! and is reported in one line.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::ExportError;

/// Writes `bytes` to `path` atomically. Without `force` an existing file is
/// refused (and the check is repeated at the rename, so a file created in
/// between is not overwritten either).
///
/// # Errors
/// [`ExportError::Exists`] or [`ExportError::Write`].
pub fn write_file(path: &Path, bytes: &[u8], force: bool) -> Result<(), ExportError> {
    if !force && path.exists() {
        return Err(ExportError::Exists(path.to_owned()));
    }
    let failed = |e: std::io::Error| write_error(path, &e);
    let dir = parent(path);
    let mut tmp = tempfile::Builder::new()
        .prefix(".lede-export-")
        .tempfile_in(&dir)
        .map_err(failed)?;
    tmp.write_all(bytes).map_err(failed)?;
    tmp.as_file().sync_all().map_err(failed)?;
    if force {
        tmp.persist(path).map_err(|e| failed(e.error))?;
    } else {
        tmp.persist_noclobber(path).map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                ExportError::Exists(path.to_owned())
            } else {
                failed(e.error)
            }
        })?;
    }
    // The rename is durable once the folder is synced; best effort.
    if let Ok(folder) = std::fs::File::open(&dir) {
        let _ = folder.sync_all();
    }
    Ok(())
}

/// Writes one file per article into the folder `dir` (created if missing).
/// Every destination is checked before anything is written, so a refusal
/// leaves the folder unchanged.
///
/// # Errors
/// [`ExportError::Exists`], [`ExportError::NotAFolder`] or [`ExportError::Write`].
pub fn write_folder(
    dir: &Path,
    files: &[(String, Vec<u8>)],
    force: bool,
    format: &'static str,
) -> Result<Vec<PathBuf>, ExportError> {
    if dir.exists() && !dir.is_dir() {
        return Err(ExportError::NotAFolder {
            path: dir.to_owned(),
            format,
        });
    }
    std::fs::create_dir_all(dir).map_err(|e| write_error(dir, &e))?;
    let paths: Vec<PathBuf> = files.iter().map(|(name, _)| dir.join(name)).collect();
    if !force && let Some(existing) = paths.iter().find(|p| p.exists()) {
        return Err(ExportError::Exists(existing.clone()));
    }
    for (path, (_, bytes)) in paths.iter().zip(files) {
        write_file(path, bytes, force)?;
    }
    Ok(paths)
}

/// Appends clippings entries to `path` (created if missing) without
/// duplicating entries already in it; the whole new file is written
/// atomically. Returns how many entries were added.
///
/// # Errors
/// The old file cannot be read, or [`ExportError::Write`].
pub fn append_clippings(path: &Path, entries: &[String]) -> Result<usize, ExportError> {
    let existing = match std::fs::read(path) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(write_error(path, &e)),
    };
    let (text, added) = super::clippings::merge(&existing, entries);
    if added > 0 || existing.is_empty() {
        write_file(path, text.as_bytes(), true)?;
    }
    Ok(added)
}

/// Writes an export into the folder `dir` under default names (the reader's
/// picker): one article as `<slug>-<id>.<ext>`, several markdown/html
/// articles into `dir/lede-export/`, other formats as `lede-export.<ext>`,
/// clippings appended to `My Clippings.txt`. Never overwrites. Returns a
/// one-line description of what was written.
///
/// # Errors
/// [`ExportError::Exists`] or [`ExportError::Write`].
pub fn export_into(
    dir: &Path,
    format: super::Format,
    articles: &[super::ExportArticle],
    options: &super::Options,
) -> Result<String, ExportError> {
    use super::{Format, Rendered};
    if format == Format::Clippings {
        let path = dir.join("My Clippings.txt");
        let entries = super::clippings::render(articles, options);
        let added = append_clippings(&path, &entries)?;
        return Ok(format!("added {added} clipping(s) to {}", path.display()));
    }
    match super::render(format, articles, options)? {
        Rendered::One(bytes) => {
            let name = match articles {
                [one] if !options.several => super::file_name(one, format),
                _ => format!("lede-export.{}", format.extension()),
            };
            let path = dir.join(name);
            write_file(&path, &bytes, false)?;
            Ok(format!("wrote {}", path.display()))
        }
        Rendered::PerArticle(files) => {
            let folder = dir.join("lede-export");
            let paths = write_folder(&folder, &files, false, format.name())?;
            Ok(format!(
                "wrote {} file(s) to {}",
                paths.len(),
                folder.display()
            ))
        }
    }
}

/// The folder a file is written in (`.` for a bare name).
fn parent(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    }
}

/// One-line description of a write failure, naming read-only and full disks.
fn write_error(path: &Path, err: &std::io::Error) -> ExportError {
    use std::io::ErrorKind;
    let reason = match (err.kind(), err.raw_os_error()) {
        (ErrorKind::ReadOnlyFilesystem | ErrorKind::PermissionDenied, _)
        | (_, Some(30 | 13 | 1)) => "the folder is read-only".to_owned(),
        (ErrorKind::StorageFull | ErrorKind::QuotaExceeded, _) | (_, Some(28 | 122)) => {
            "no space left on the disk".to_owned()
        }
        _ => err.to_string(),
    };
    ExportError::Write {
        path: path.to_owned(),
        reason,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn existing_files_need_force() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("out.md");
        write_file(&path, b"one", false).unwrap();
        assert!(matches!(
            write_file(&path, b"two", false),
            Err(ExportError::Exists(_))
        ));
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        write_file(&path, b"two", true).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "no temp file left behind");
    }

    #[test]
    fn folders_are_checked_before_writing() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("notes");
        let files = vec![
            ("a.md".to_owned(), b"a".to_vec()),
            ("b.md".to_owned(), b"b".to_vec()),
        ];
        write_folder(&dir, &files, false, "markdown").unwrap();
        std::fs::remove_file(dir.join("a.md")).unwrap();
        assert!(matches!(
            write_folder(&dir, &files, false, "markdown"),
            Err(ExportError::Exists(_))
        ));
        assert!(
            !dir.join("a.md").exists(),
            "nothing written after a refusal"
        );
    }

    #[test]
    fn a_missing_folder_is_one_clear_line() {
        let tmp = tempfile::tempdir().unwrap();
        let err = write_file(&tmp.path().join("no/such/out.md"), b"x", false).unwrap_err();
        let message = err.to_string();
        assert!(message.contains("the old file is unchanged"), "{message}");
        assert_eq!(message.lines().count(), 1);
    }
}
