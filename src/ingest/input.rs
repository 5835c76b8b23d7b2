//! Opening an export: a path, `-` for standard input, a FIFO or a pipe
//! (`<(cat export.csv)`, `/dev/stdin`) all become one [`Input`], a stream
//! that is read once, front to back. What is neither a regular file nor a
//! pipe (a folder, `/dev/zero`, `/dev/urandom`, a terminal) is refused
//! before a byte is read, and a stream that runs past the size limit is cut
//! there with an error instead of being read forever.

use super::IngestError;
use super::decode::io_error;
use std::fmt;
use std::fs::File;
use std::io::{self, IsTerminal, Read};
use std::path::{Path, PathBuf};

/// How exports name standard input on the command line.
pub const STDIN_ARG: &str = "-";
/// How messages and the snapshot name standard input.
pub const STDIN_NAME: &str = "standard input";

/// One export, opened and not yet read.
pub struct Input {
    /// The name shown in messages: the path as given, or "standard input".
    pub name: PathBuf,
    /// The lower-case extension of the path ("" for a stream without one),
    /// which tells a workbook from a CSV saved under the wrong name.
    pub extension: String,
    reader: Box<dyn Read>,
}

impl fmt::Debug for Input {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Input").field("name", &self.name).finish()
    }
}

impl Input {
    /// Opens `path`, or standard input for `-`, refusing anything that is
    /// not a regular file or a pipe.
    pub fn open(path: &Path) -> Result<Input, IngestError> {
        if path.as_os_str() == STDIN_ARG {
            return Input::stdin();
        }
        let meta = std::fs::metadata(path).map_err(|e| io_error(path, e))?;
        if let Some(what) = not_a_file(&meta) {
            return Err(IngestError::NotText {
                path: path.to_path_buf(),
                what: what.into(),
                advice:
                    "Give the path of the exported CSV or .xlsx file, or pipe it in and give `-`."
                        .into(),
            });
        }
        let file = File::open(path).map_err(|e| io_error(path, e))?;
        Ok(Input::from_reader(path, file))
    }

    /// Standard input, unless it is a terminal (nobody would type an export).
    pub fn stdin() -> Result<Input, IngestError> {
        let stdin = io::stdin();
        if stdin.is_terminal() {
            return Err(IngestError::NotText {
                path: PathBuf::from(STDIN_NAME),
                what: "a terminal, not a pipe".into(),
                advice: "Pipe the export in (`frontline report - < export.csv`) or give its path instead of `-`."
                    .into(),
            });
        }
        Ok(Input {
            name: PathBuf::from(STDIN_NAME),
            extension: String::new(),
            reader: Box::new(stdin),
        })
    }

    /// Any reader, named as `name` (its extension says whether a ZIP is
    /// meant as a workbook).
    pub fn from_reader(name: impl Into<PathBuf>, reader: impl Read + 'static) -> Input {
        let name = name.into();
        let extension = name
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        Input {
            name,
            extension,
            reader: Box::new(reader),
        }
    }

    /// The stream, cut at `limit` bytes with a [`StreamFault::TooLarge`].
    pub(crate) fn into_limited(self, limit: u64) -> (PathBuf, String, Limited) {
        let reader = Limited {
            inner: self.reader,
            read: 0,
            limit,
        };
        (self.name, self.extension, reader)
    }
}

/// What a path that is not a regular file or a pipe is, in words.
#[cfg(unix)]
fn not_a_file(meta: &std::fs::Metadata) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    if t.is_file() || t.is_fifo() {
        None
    } else if t.is_dir() {
        Some("a folder")
    } else if t.is_char_device() {
        Some("a device such as /dev/zero, /dev/urandom or a terminal, not a file")
    } else if t.is_block_device() {
        Some("a disk device, not a file")
    } else if t.is_socket() {
        Some("a socket, not a file")
    } else {
        Some("something that is not a file")
    }
}

#[cfg(not(unix))]
fn not_a_file(meta: &std::fs::Metadata) -> Option<&'static str> {
    if meta.is_dir() {
        Some("a folder")
    } else {
        None
    }
}

/// A problem found while streaming, carried through the CSV reader inside
/// an `io::Error` and turned into an [`IngestError`] by `read`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum StreamFault {
    /// More than `limit` bytes.
    TooLarge { limit: u64 },
    /// A record with more fields than any spreadsheet holds.
    TooManyFields { line: usize, limit: usize },
    /// A quote opened at (`line`, 0-based `field`) and never properly
    /// closed, so the rest of the file would be read into one cell or
    /// shifted by a column.
    UnclosedQuote { line: usize, field: usize },
}

impl fmt::Display for StreamFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StreamFault::TooLarge { limit } => write!(f, "more than {limit} bytes"),
            StreamFault::TooManyFields { line, limit } => {
                write!(f, "line {line} has more than {limit} fields")
            }
            StreamFault::UnclosedQuote { line, field } => {
                write!(
                    f,
                    "a quote opened at line {line}, field {} is not closed",
                    field + 1
                )
            }
        }
    }
}

impl std::error::Error for StreamFault {}

impl StreamFault {
    pub(crate) fn into_io(self) -> io::Error {
        io::Error::other(self)
    }

    /// The fault inside an `io::Error`, if it carries one.
    pub(crate) fn of(e: &io::Error) -> Option<StreamFault> {
        e.get_ref()
            .and_then(|inner| inner.downcast_ref::<StreamFault>())
            .cloned()
    }
}

/// A reader that fails with [`StreamFault::TooLarge`] once more than
/// `limit` bytes have come through: `/dev/zero` behind a pipe, or `yes`,
/// ends with a message instead of running until memory or patience does.
pub(crate) struct Limited {
    inner: Box<dyn Read>,
    read: u64,
    limit: u64,
}

impl Read for Limited {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.read > self.limit {
            return Err(StreamFault::TooLarge { limit: self.limit }.into_io());
        }
        // Ask for at most one byte past the limit: enough to know it is
        // exceeded, never a large read beyond it.
        let room = (self.limit - self.read + 1).min(buf.len() as u64) as usize;
        let n = loop {
            match self.inner.read(&mut buf[..room]) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                other => break other?,
            }
        };
        self.read += n as u64;
        if self.read > self.limit {
            return Err(StreamFault::TooLarge { limit: self.limit }.into_io());
        }
        Ok(n)
    }
}

/// Reads all of `r` into memory (a workbook needs to seek), within the
/// limit `r` enforces.
pub(crate) fn read_all(
    mut r: impl Read,
    path: &Path,
    mut buf: Vec<u8>,
) -> Result<Vec<u8>, IngestError> {
    r.read_to_end(&mut buf).map_err(|e| stream_error(path, e))?;
    Ok(buf)
}

/// An `io::Error` from reading, as the error a person can act on.
pub(crate) fn stream_error(path: &Path, e: io::Error) -> IngestError {
    match StreamFault::of(&e) {
        Some(StreamFault::TooLarge { limit }) => IngestError::TooLarge {
            path: path.to_path_buf(),
            limit_mb: limit >> 20,
        },
        Some(other) => IngestError::Malformed {
            path: path.to_path_buf(),
            line: 0,
            message: other.to_string(),
        },
        None => io_error(path, e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stream_past_the_limit_is_cut() {
        let endless = io::repeat(b'a');
        let input = Input::from_reader("yes", endless);
        let (name, _, mut r) = input.into_limited(100_000);
        let mut sink = vec![];
        let e = r.read_to_end(&mut sink).unwrap_err();
        assert_eq!(
            StreamFault::of(&e),
            Some(StreamFault::TooLarge { limit: 100_000 })
        );
        assert!(sink.len() <= 100_000);
        assert!(matches!(
            stream_error(&name, e),
            IngestError::TooLarge { .. }
        ));
    }

    #[test]
    fn a_stream_at_the_limit_is_whole() {
        let data = vec![b'x'; 4096];
        let (_, _, mut r) = Input::from_reader("a.csv", io::Cursor::new(data)).into_limited(4096);
        let mut sink = vec![];
        r.read_to_end(&mut sink).unwrap();
        assert_eq!(sink.len(), 4096);
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_folders_are_refused() {
        for p in ["/dev/zero", "/dev/urandom", "/dev/null", "/tmp"] {
            let e = Input::open(Path::new(p)).unwrap_err().to_string();
            assert!(e.starts_with(p), "{e}");
            assert!(e.contains("device") || e.contains("folder"), "{e}");
        }
    }
}
