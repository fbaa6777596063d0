//! Outputs that never destroy: every file is written to a temporary file beside its target and
//! renamed into place only when complete, so a failed or killed build or export leaves the
//! previous file as it was. An existing target is replaced only when asked.
//!
//! Compiled into `build.rs` too (beside `builder.rs`), so it depends on the standard library only.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// What a build or export does when its output exists already.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Overwrite {
    /// Refuse, leaving the existing file as it is (the default).
    #[default]
    Refuse,
    /// Replace it, atomically (`--force`, `force=True`). A symlink is replaced itself, never
    /// followed; a folder is never replaced.
    Replace,
}

/// Whether `a` and `b` name the same file (through links too); false when either is missing.
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        #[cfg(unix)]
        (Ok(x), Ok(y)) => {
            use std::os::unix::fs::MetadataExt;
            x.dev() == y.dev() && x.ino() == y.ino()
        }
        #[cfg(not(unix))]
        (Ok(_), Ok(_)) => a.canonicalize().ok() == b.canonicalize().ok(),
        _ => false,
    }
}

/// Checks that `target` may be written: refused when it exists (unless replacing), and always
/// when it is a folder.
pub fn check_target(target: &Path, overwrite: Overwrite) -> io::Result<()> {
    match std::fs::symlink_metadata(target) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
        Ok(meta) if meta.is_dir() => Err(io::Error::new(io::ErrorKind::AlreadyExists, "is a folder; name a file inside it")),
        Ok(_) if overwrite == Overwrite::Refuse => Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            "exists; pass --force (force=True, Overwrite::Replace) to replace it",
        )),
        Ok(_) => Ok(()),
    }
}

/// A file being written under a temporary name beside its target.
pub struct Staged {
    temp: PathBuf,
    target: PathBuf,
    overwrite: Overwrite,
    committed: bool,
}

impl Staged {
    /// Reserves a new, empty temporary file in the target's folder (never following a link).
    pub fn new(target: &Path, overwrite: Overwrite) -> io::Result<Staged> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        check_target(target, overwrite)?;
        let dir = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = target
            .file_name()
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "names no file"))?
            .to_string_lossy()
            .into_owned();
        loop {
            let n = COUNTER.fetch_add(1, Ordering::Relaxed);
            let temp = dir.join(format!(".{name}.{}-{n}.partial", std::process::id()));
            // create_new: an existing file or symlink of that name is never opened or followed.
            match OpenOptions::new().write(true).create_new(true).open(&temp) {
                Ok(_) => {
                    return Ok(Staged {
                        temp,
                        target: target.to_path_buf(),
                        overwrite,
                        committed: false,
                    })
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
        }
    }

    /// The temporary file's path (for writers that open it themselves, such as `VACUUM INTO`).
    pub fn path(&self) -> &Path {
        &self.temp
    }

    /// The temporary file, opened for writing.
    pub fn file(&self) -> io::Result<File> {
        OpenOptions::new().write(true).truncate(true).open(&self.temp)
    }

    /// Moves the complete file into place. When refusing to replace, the move is a hard link,
    /// which fails if the target appeared meanwhile; where links are unsupported, a rename.
    pub fn commit(self) -> io::Result<()> {
        self.commit_steps().map_err(|failure| match failure {
            CommitFailure::Move(e) | CommitFailure::RemoveTemp(e) => e,
        })
    }

    /// [`Staged::commit`], telling a failed move from a temporary file left behind after the
    /// target is complete and in place.
    pub fn commit_steps(mut self) -> Result<(), CommitFailure> {
        File::open(&self.temp).and_then(|f| f.sync_all()).map_err(CommitFailure::Move)?;
        match self.overwrite {
            Overwrite::Replace => {
                check_target(&self.target, Overwrite::Replace).map_err(CommitFailure::Move)?;
                std::fs::rename(&self.temp, &self.target).map_err(CommitFailure::Move)?;
            }
            Overwrite::Refuse => match std::fs::hard_link(&self.temp, &self.target) {
                Ok(()) => {
                    self.committed = true;
                    std::fs::remove_file(&self.temp).map_err(CommitFailure::RemoveTemp)?;
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Err(CommitFailure::Move(e)),
                Err(_) => {
                    check_target(&self.target, Overwrite::Refuse).map_err(CommitFailure::Move)?;
                    std::fs::rename(&self.temp, &self.target).map_err(CommitFailure::Move)?;
                }
            },
        }
        self.committed = true;
        if let Some(dir) = self.target.parent().filter(|p| !p.as_os_str().is_empty()) {
            // Makes the new name durable; not every platform can open a folder for this.
            let _ = File::open(dir).and_then(|d| d.sync_all());
        }
        Ok(())
    }

    /// The file this one becomes once committed.
    pub fn target(&self) -> &Path {
        &self.target
    }
}

/// Where [`Staged::commit_steps`] failed.
#[derive(Debug)]
pub enum CommitFailure {
    /// Moving the file into place: the target is as it was.
    Move(io::Error),
    /// Removing the temporary name after the target was linked into place: the target is
    /// complete, the temporary file is left behind.
    RemoveTemp(io::Error),
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_file(&self.temp);
        }
    }
}

/// A name safe to use as a file name inside an output folder: letters, digits, `_` and `-`
/// kept, everything else (path separators, dots, control characters) replaced by `_`.
pub fn safe_file_stem(name: &str) -> String {
    let mut out: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '_' | '-') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if out.is_empty() {
        out.push('_');
    }
    out
}
