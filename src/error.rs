//! Errors, one enum per concern. Extraction itself never fails; reading input and writing
//! output can.

use std::path::{Path, PathBuf};

/// A path as a message shows it: as it is, unless it holds control characters (a line
/// break, an escape) that would forge lines or colours on a terminal, which are escaped.
pub(crate) fn shown(path: &Path) -> String {
    crate::text::chars::printable(&path.display().to_string()).into_owned()
}

/// Building an [`Extractor`](crate::Extractor) failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    /// The reference glossary shipped with termbridge could not be read (a broken build).
    #[error("the shipped reference glossary: {0}")]
    Reference(#[from] ImportError),
}

/// Reading an input file failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum InputError {
    /// The file could not be opened or read.
    #[error("{}: cannot read: {source}", shown(.path))]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The file is not valid UTF-8.
    #[error("{}: not valid UTF-8 at byte {offset} (line {line}), nor UTF-16 with a byte-order mark nor GB18030/GBK; convert the file to UTF-8 or name its encoding with --encoding", shown(.path))]
    Encoding {
        /// The file.
        path: PathBuf,
        /// Byte offset of the first invalid byte.
        offset: usize,
        /// 1-based line of the first invalid byte.
        line: usize,
    },
    /// A stream (standard input, a pipe) whose encoding was told from its start does not
    /// decode in it further on; it cannot be read again to detect another one.
    #[error("{}: read as {encoding} from its start, but byte {offset} (line {line}) is not valid {encoding}; a stream cannot be read again to detect another encoding: name its encoding with --encoding", shown(.path))]
    Belied {
        /// The stream.
        path: PathBuf,
        /// The encoding its start told.
        encoding: String,
        /// Byte offset of the first undecodable byte.
        offset: usize,
        /// 1-based line of that byte.
        line: usize,
    },
    /// The file does not decode in the encoding it was read in.
    #[error("{}: not valid {encoding} at byte {offset} (line {line}); name the file's encoding with --encoding, or leave it out to have it detected", shown(.path))]
    Undecodable {
        /// The file.
        path: PathBuf,
        /// The encoding's name.
        encoding: String,
        /// Byte offset of the first undecodable byte.
        offset: usize,
        /// 1-based line of that byte.
        line: usize,
    },
    /// An encoding name that termbridge does not know.
    #[error("unknown encoding {name:?}; use utf-8, utf-16le, utf-16be, gb18030, gbk or big5")]
    UnknownEncoding {
        /// The name given.
        name: String,
    },
    /// A path given on the command line is neither a readable file nor a folder.
    #[error("{}: no such file or folder", shown(.path))]
    NotFound {
        /// The path.
        path: PathBuf,
    },
    /// A folder held no `.txt`, `.md` or `.markdown` files.
    #[error("{}: folder holds no .txt, .md or .markdown files", shown(.path))]
    EmptyFolder {
        /// The folder.
        path: PathBuf,
    },
}

/// Reading a glossary or termbase failed: the message names the file and the place.
///
/// ```
/// let bad = "english,chinese,frequency\ndropout,暂退法,many\n";
/// let err = termbridge::Glossary::from_csv_reader("terms.csv", bad.as_bytes()).unwrap_err();
/// assert!(err.to_string().contains("terms.csv"), "{err}");
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ImportError {
    /// The file could not be read.
    #[error("{}: cannot read glossary: {source}", shown(.path))]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The CSV is malformed, lacks a needed column or holds a value that cannot be read.
    #[error("{}:{line}: {message}", shown(.path))]
    Format {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: u64,
        /// What is wrong and how to fix it.
        message: String,
    },
}

/// Writing a glossary failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// Writing failed at the I/O level.
    #[error("cannot write glossary: {0}")]
    Io(#[from] std::io::Error),
    /// The format cannot hold an empty glossary.
    #[error("the glossary is empty, and {format} needs at least one entry")]
    Empty {
        /// The format.
        format: &'static str,
    },
    /// No entry of the glossary can be written in the format, which cannot be empty.
    #[error("nothing to write as {format}: {why}")]
    NothingToWrite {
        /// The format.
        format: &'static str,
        /// What the format needs.
        why: &'static str,
    },
    /// The output file could not be put in place.
    #[error("{}: cannot write output: {source}", shown(.path))]
    Persist {
        /// The output file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
}
