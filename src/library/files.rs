//! Stored copies under `articles/`: written whole or not at all.
//!
//! A copy is written to a `.tmp-*` file, fsynced, renamed into place and the
//! folder fsynced, all before the rows naming it are committed. A crash can
//! therefore leave a copy without rows (or a temp file), never rows without a
//! copy; [`collect_strays`] deletes the leftovers while holding the database
//! write lock, so it never races a live writer.

use std::collections::HashSet;
use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::error::{LibraryError, Result};

/// Prefix of files being written.
const TEMP_PREFIX: &str = ".tmp-";

/// Writes `bytes` as `dir/name` atomically and durably (see module docs).
/// An existing file of that name is left as it is (same name, same content).
#[cfg(test)]
pub fn write_copy(dir: &Path, name: &str, bytes: &[u8]) -> Result<PathBuf> {
    match write_temp(dir, name, bytes)? {
        Some(temp) => install(&temp, dir, name),
        None => Ok(dir.join(name)),
    }
}

/// Writes and fsyncs the temp file of copy `name`; `None` when the copy
/// already exists. Safe outside the write lock: a live process's temp files
/// are never collected.
pub fn write_temp(dir: &Path, name: &str, bytes: &[u8]) -> Result<Option<PathBuf>> {
    if dir.join(name).is_file() {
        return Ok(None);
    }
    let temp = dir.join(format!("{TEMP_PREFIX}{}-{name}", std::process::id()));
    let result = (|| {
        let mut file = File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()
    })();
    if let Err(err) = result {
        let _ = fs::remove_file(&temp);
        return Err(LibraryError::io(&temp, err));
    }
    Ok(Some(temp))
}

/// Renames a temp file from [`write_temp`] into place as `dir/name`. Call
/// with the write lock held, then [`sync_dir`], then commit the rows.
pub fn install(temp: &Path, dir: &Path, name: &str) -> Result<PathBuf> {
    let target = dir.join(name);
    fs::rename(temp, &target).map_err(|e| LibraryError::io(&target, e))?;
    Ok(target)
}

/// Whether a temp file belongs to a process that is still running (Linux:
/// `/proc/PID`; elsewhere every temp file counts as abandoned).
fn owner_alive(name: &str) -> bool {
    let pid = name
        .strip_prefix(TEMP_PREFIX)
        .and_then(|rest| rest.split('-').next())
        .and_then(|pid| pid.parse::<u32>().ok());
    match pid {
        Some(pid) if pid == std::process::id() => false,
        Some(pid) => Path::new(&format!("/proc/{pid}")).exists(),
        None => false,
    }
}

/// Flushes the folder entry of renamed files to disk.
pub fn sync_dir(dir: &Path) -> Result<()> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| LibraryError::io(dir, e))
}

/// Deletes temp files and copies no row names. Call with the write lock held.
/// Returns how many files were removed.
pub fn collect_strays(dir: &Path, referenced: &HashSet<String>) -> Result<usize> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(LibraryError::io(dir, e)),
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        let keep = referenced.contains(&name) || owner_alive(&name);
        if is_file && !keep && fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    Ok(removed)
}

/// Removes one copy; a missing file is fine.
pub fn remove_copy(dir: &Path, name: &str) {
    let _ = fs::remove_file(dir.join(name));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_then_collects_only_unreferenced_files() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        write_copy(dir, "a.txt", b"A").unwrap();
        write_copy(dir, "b.txt", b"B").unwrap();
        fs::write(dir.join(".tmp-999999999-c.txt"), b"partial").unwrap();
        assert_eq!(fs::read(dir.join("a.txt")).unwrap(), b"A");
        let keep: HashSet<String> = ["a.txt".to_owned()].into();
        assert_eq!(collect_strays(dir, &keep).unwrap(), 2);
        let left: Vec<_> = fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(left, vec![std::ffi::OsString::from("a.txt")]);
        assert_eq!(collect_strays(&dir.join("missing"), &keep).unwrap(), 0);
    }
}
