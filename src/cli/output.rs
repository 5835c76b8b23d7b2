//! Writing output files so that nothing is lost: a report's files are
//! replaced as one set, a kill at any moment leaves either the complete old
//! set or the complete new one, and no output is written through a link.
//!
//! How (docs/robustness.md, "Write safety"):
//! - The new files are written and synced in a staging folder beside the
//!   output folder (`.<name>.frontline-<pid>-<n>`), then the two folders are
//!   swapped in one atomic step (`renameat2(RENAME_EXCHANGE)` on Linux,
//!   `renamex_np(RENAME_SWAP)` on macOS). Other files the user keeps in the
//!   output folder are hard-linked into the staging folder first and
//!   rescued after the swap, so they stay in place.
//! - Where a swap is not possible (no such call, a folder that holds
//!   subfolders or is the current folder, a file system that refuses) each
//!   file is written to a temporary file in the output folder and renamed
//!   over the old one, under a lock, so no file is ever half written.
//! - Two runs into one folder each build a complete set; the last swap wins.
//!
//! `FRONTLINE_TEST_ABORT_AT=<step>` aborts the process at a named step
//! (see [`checkpoint`]); the kill tests use it.

use frontline::error::Error;
use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime};

/// Every file frontline writes into an output folder: a stale staging
/// folder's copies of them are dropped, never moved into place.
const OUTPUT_NAMES: [&str; 5] = [
    "report.md",
    "report.html",
    "snapshot.json",
    "diff.md",
    "diff.html",
];

/// Staging folders and temporary files older than this are leftovers of a
/// killed run; younger ones may belong to a run in progress.
const STALE_AFTER: Duration = Duration::from_secs(600);

/// Aborts the process when `FRONTLINE_TEST_ABORT_AT` names this step, so
/// that tests can kill a run between any two writes.
pub fn checkpoint(step: &str) {
    if std::env::var("FRONTLINE_TEST_ABORT_AT").is_ok_and(|s| s == step) {
        std::process::abort();
    }
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Writes `files` (name, contents) into `dir` as one set.
pub fn write_set(dir: &Path, files: &[(&str, &str)]) -> Result<(), Error> {
    let dir = resolve_dir(dir)?;
    for (name, _) in files {
        refuse_link_or_folder(&dir.join(name))?;
    }
    let parent = parent_of(&dir);
    fs::create_dir_all(&parent).map_err(io_err(&parent))?;
    clean_stale(&dir);
    if swappable(&dir, files)? {
        match swap_in(&dir, files) {
            Ok(true) => return Ok(()),
            Ok(false) => {}
            Err(e) => return Err(e),
        }
    }
    write_in_place(&dir, files)
}

/// Writes one file by a temporary file and a rename.
pub fn write_one(path: &Path, contents: &str) -> Result<(), Error> {
    write_one_with(path, |w| w.write_all(contents.as_bytes()))
}

/// Writes one file (e.g. `normalize --out`) as a stream: `write` gets the
/// temporary file (buffered, cleaned of invisible characters as it goes)
/// and writes the contents piece by piece; the file is then synced and
/// renamed over `path`, so a run that fails or is killed midway leaves the
/// old file, never half of the new one.
pub fn write_one_with<T>(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<T>,
) -> Result<T, Error> {
    refuse_link_or_folder(path)?;
    let dir = parent_of(path);
    fs::create_dir_all(&dir).map_err(io_err(&dir))?;
    let name = file_name(path);
    let tmp = dir.join(temp_name(&name));
    let f = File::create_new(&tmp).map_err(io_err(&tmp))?;
    let written = stream_synced(f, write, path).map_err(|e| {
        let _ = fs::remove_file(&tmp);
        io_err(path)(e)
    })?;
    checkpoint(&format!("staged:{name}"));
    fs::rename(&tmp, path).map_err(|e| {
        let _ = fs::remove_file(&tmp);
        io_err(path)(e)
    })?;
    sync_dir(&dir);
    Ok(written)
}

/// Streams `write`'s output into `f` and syncs it, with the permissions of
/// `like` when that file exists.
fn stream_synced<T>(
    f: File,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<T>,
    like: &Path,
) -> std::io::Result<T> {
    let keep = fs::metadata(like).map(|m| m.permissions());
    let mut clean = super::clean_write::StripInvisible::new(std::io::BufWriter::new(f));
    let written = write(&mut clean)?;
    let f = clean
        .into_inner()?
        .into_inner()
        .map_err(std::io::IntoInnerError::into_error)?;
    if let Ok(p) = keep {
        f.set_permissions(p)?;
    }
    f.sync_all()?;
    Ok(written)
}

/// The output folder, with a symlinked folder followed (a linked folder is
/// a place the user chose; a linked *file* is refused).
fn resolve_dir(dir: &Path) -> Result<PathBuf, Error> {
    match fs::symlink_metadata(dir) {
        Ok(m) if m.file_type().is_symlink() => fs::canonicalize(dir).map_err(io_err(dir)),
        Ok(m) if !m.is_dir() => Err(Error::Refused {
            path: dir.to_path_buf(),
            what: "is a file, not a folder; give a folder to write the report into".into(),
        }),
        _ => Ok(dir.to_path_buf()),
    }
}

fn refuse_link_or_folder(path: &Path) -> Result<(), Error> {
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => Err(Error::Refused {
            path: path.to_path_buf(),
            what: "is a symbolic link; frontline does not write through links. Remove the link or choose another output".into(),
        }),
        Ok(m) if m.is_dir() => Err(Error::Refused {
            path: path.to_path_buf(),
            what: "is a folder; remove it or choose another output".into(),
        }),
        _ => Ok(()),
    }
}

fn parent_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into())
}

/// A name no other run uses: the process id and a counter.
fn unique(prefix: &str) -> String {
    static N: AtomicUsize = AtomicUsize::new(0);
    let n = N.fetch_add(1, Ordering::Relaxed);
    format!("{prefix}.frontline-{}-{n}", std::process::id())
}

fn temp_name(name: &str) -> String {
    format!("{}.tmp", unique(&format!(".{name}")))
}

/// Writes and syncs a new file, with the permissions of `like` when that
/// file exists (a report kept private stays private).
fn write_synced(path: &Path, contents: &str, like: &Path) -> Result<(), Error> {
    // Belt and braces: no output carries a bidi control or zero-width
    // character, whatever stage let one through.
    let contents = frontline::privacy::strip_invisible(contents);
    let mut f = File::create_new(path).map_err(io_err(path))?;
    let keep = fs::metadata(like).map(|m| m.permissions());
    f.write_all(contents.as_bytes())
        .and_then(|()| keep.map_or(Ok(()), |p| f.set_permissions(p)))
        .and_then(|()| f.sync_all())
        .map_err(|e| {
            let _ = fs::remove_file(path);
            io_err(path)(e)
        })
}

/// Makes renames durable; best effort, since not every system can sync a
/// folder, and the renames themselves are already atomic.
fn sync_dir(dir: &Path) {
    if let Ok(f) = File::open(dir) {
        let _ = f.sync_all();
    }
}

/// A swap is safe when the folder does not exist yet, or holds only files
/// (no subfolders to carry over) and is not the folder we run in.
fn swappable(dir: &Path, files: &[(&str, &str)]) -> Result<bool, Error> {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(true),
        Err(e) => return Err(io_err(dir)(e)),
    };
    if let (Ok(cwd), Ok(real)) = (std::env::current_dir(), fs::canonicalize(dir))
        && cwd.starts_with(&real)
    {
        return Ok(false);
    }
    for entry in entries {
        let entry = entry.map_err(io_err(dir))?;
        let ours = files.iter().any(|(n, _)| entry.file_name() == **n);
        let plain = entry.file_type().is_ok_and(|t| t.is_file());
        if !ours && !plain {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Builds the set in a staging folder and swaps it in. `Ok(false)` when
/// this system cannot swap folders; the caller then writes in place.
fn swap_in(dir: &Path, files: &[(&str, &str)]) -> Result<bool, Error> {
    let parent = parent_of(dir);
    let staging = parent.join(unique(&format!(".{}", file_name(dir))));
    fs::create_dir(&staging).map_err(io_err(&staging))?;
    let cleanup = |e: Error| {
        remove_staging(&staging);
        e
    };
    for (name, text) in files {
        write_synced(&staging.join(name), text, &dir.join(name)).map_err(cleanup)?;
        checkpoint(&format!("staged:{name}"));
    }
    sync_dir(&staging);
    if !dir.exists() {
        checkpoint("before-swap");
        if fs::rename(&staging, dir).is_ok() {
            sync_dir(&parent);
            return Ok(true);
        }
    }
    if link_foreign(dir, &staging, files).is_err() {
        remove_staging(&staging);
        return Ok(false);
    }
    checkpoint("before-swap");
    if exchange(&staging, dir).is_err() {
        remove_staging(&staging);
        return Ok(false);
    }
    sync_dir(&parent);
    checkpoint("after-swap");
    // `staging` now holds the old set: rescue anything a user put in the
    // folder meanwhile, then remove it.
    retire(&staging, dir, files);
    Ok(true)
}

/// Hard-links the user's own files of `dir` into `staging`, so the swap
/// keeps them in place, and gives `staging` the folder's permissions.
fn link_foreign(dir: &Path, staging: &Path, files: &[(&str, &str)]) -> std::io::Result<()> {
    fs::set_permissions(staging, fs::metadata(dir)?.permissions())?;
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        if files.iter().any(|(n, _)| entry.file_name() == **n) {
            continue;
        }
        fs::hard_link(entry.path(), staging.join(entry.file_name()))?;
    }
    Ok(())
}

/// Empties a folder swapped out (or left by a killed run): frontline's own
/// files are removed, any other file is moved into `dir` unless `dir`
/// already has it (then it is a hard link of the same file).
fn retire(old: &Path, dir: &Path, files: &[(&str, &str)]) {
    if let Ok(entries) = fs::read_dir(old) {
        for entry in entries.flatten() {
            let name = entry.file_name();
            let ours =
                files.iter().any(|(n, _)| name == **n) || OUTPUT_NAMES.iter().any(|n| name == **n);
            if ours || dir.join(&name).exists() {
                let _ = fs::remove_file(entry.path());
            } else {
                let _ = fs::rename(entry.path(), dir.join(&name));
            }
        }
    }
    let _ = fs::remove_dir(old);
}

fn remove_staging(staging: &Path) {
    // Only what this run put there: its files and hard links.
    if let Ok(entries) = fs::read_dir(staging) {
        for entry in entries.flatten() {
            let _ = fs::remove_file(entry.path());
        }
    }
    let _ = fs::remove_dir(staging);
}

/// Leftovers of killed runs: staging folders beside `dir` and temporary
/// files in it, once they are old enough not to belong to a live run.
fn clean_stale(dir: &Path) {
    let stale = |p: &Path| {
        fs::symlink_metadata(p)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| SystemTime::now().duration_since(t).ok())
            .is_some_and(|age| age > STALE_AFTER)
    };
    let prefix = format!(".{}.frontline-", file_name(dir));
    if let Ok(entries) = fs::read_dir(parent_of(dir)) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with(&prefix) && e.path().is_dir() && stale(&e.path()) {
                retire(&e.path(), dir, &[]);
            }
        }
    }
    if let Ok(entries) = fs::read_dir(dir) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') && name.contains(".frontline-") && name.ends_with(".tmp") {
                let path = e.path();
                if stale(&path) {
                    let _ = fs::remove_file(path);
                }
            }
        }
    }
}

/// The fallback: each file by a temporary file and a rename, in order,
/// under a lock so that two runs do not interleave their renames.
fn write_in_place(dir: &Path, files: &[(&str, &str)]) -> Result<(), Error> {
    fs::create_dir_all(dir).map_err(io_err(dir))?;
    let lock_path = dir.join(".frontline.lock");
    let lock = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(io_err(&lock_path))?;
    lock.lock().map_err(io_err(&lock_path))?;
    let mut temps: Vec<(PathBuf, PathBuf)> = vec![];
    for (name, text) in files {
        let tmp = dir.join(temp_name(name));
        if let Err(e) = write_synced(&tmp, text, &dir.join(name)) {
            for (t, _) in &temps {
                let _ = fs::remove_file(t);
            }
            return Err(e);
        }
        checkpoint(&format!("staged:{name}"));
        temps.push((tmp, dir.join(name)));
    }
    for (i, (tmp, target)) in temps.iter().enumerate() {
        fs::rename(tmp, target).map_err(io_err(target))?;
        checkpoint(&format!("renamed:{i}"));
    }
    sync_dir(dir);
    Ok(())
}

/// Swaps two paths in one atomic step.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| CString::new(p.as_os_str().as_bytes()).map_err(std::io::Error::other);
    let (a, b) = (c(a)?, c(b)?);
    // SAFETY: both are valid NUL-terminated paths; the call only reads them.
    let rc = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(target_os = "macos")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| CString::new(p.as_os_str().as_bytes()).map_err(std::io::Error::other);
    let (a, b) = (c(a)?, c(b)?);
    // SAFETY: both are valid NUL-terminated paths; the call only reads them.
    let rc = unsafe { libc::renamex_np(a.as_ptr(), b.as_ptr(), libc::RENAME_SWAP) };
    if rc == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(any(target_os = "linux", target_os = "macos")))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::Error::from(std::io::ErrorKind::Unsupported))
}
