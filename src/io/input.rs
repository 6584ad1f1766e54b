//! Reading inputs: files, folders (recursively `.txt`, `.md`, `.markdown`) and standard
//! input, in UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order mark or
//! GB18030/GBK/GB2312, detected; or in an encoding named by the caller (see [`decode`]).

pub use super::decode::{decode, Decoded, Encoding};
pub(crate) use super::stream::{read_pieces, Pieces};
use crate::error::shown;
use crate::normalize::{Markup, CHUNK};
use crate::InputError;
use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Inputs longer than this many bytes are read and analysed a piece at a time, each piece
/// cut at a paragraph or sentence end: memory holds a few pieces, not the whole input, and
/// the glossary is the one the whole input gives.
pub const PIECE_BYTES: usize = CHUNK;

/// How inputs are read: in which encoding, and whom to tell as each is done.
///
/// ```
/// use termbridge::input::{Encoding, ReadOptions};
/// let done = std::sync::atomic::AtomicUsize::new(0);
/// let tick = || {
///     done.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
/// };
/// let options = ReadOptions::new().encoding(Encoding::for_label("gbk").unwrap()).progress(&tick);
/// assert_eq!(options.encoding_named().unwrap().name(), "gb18030");
/// ```
#[derive(Clone, Copy, Default)]
pub struct ReadOptions<'a> {
    encoding: Option<Encoding>,
    progress: Option<&'a (dyn Fn() + Sync)>,
    warn: Option<&'a (dyn Fn(&str) + Sync)>,
}

impl<'a> ReadOptions<'a> {
    /// Detect each input's encoding; tell no one.
    pub fn new() -> ReadOptions<'a> {
        ReadOptions::default()
    }

    /// Read every input in `encoding` instead of detecting it.
    pub fn encoding(self, encoding: Encoding) -> ReadOptions<'a> {
        ReadOptions { encoding: Some(encoding), ..self }
    }

    /// Call `progress` once per input as it is done (from any thread).
    pub fn progress(self, progress: &'a (dyn Fn() + Sync)) -> ReadOptions<'a> {
        ReadOptions { progress: Some(progress), ..self }
    }

    /// Call `warn` with a message for what is skipped while reading (a link back to a folder
    /// already read, a file reached twice).
    pub fn warnings(self, warn: &'a (dyn Fn(&str) + Sync)) -> ReadOptions<'a> {
        ReadOptions { warn: Some(warn), ..self }
    }

    /// The encoding named, if any.
    pub fn encoding_named(&self) -> Option<Encoding> {
        self.encoding
    }

    /// Tells of something skipped.
    pub(crate) fn warn(&self, message: &str) {
        if let Some(warn) = self.warn {
            warn(message);
        }
    }

    /// Tells that one more input is done.
    pub(crate) fn tick(&self) {
        if let Some(progress) = self.progress {
            progress();
        }
    }
}

impl std::fmt::Debug for ReadOptions<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReadOptions")
            .field("encoding", &self.encoding)
            .field("progress", &self.progress.is_some())
            .field("warnings", &self.warn.is_some())
            .finish()
    }
}

/// One input file, read and checked.
#[derive(Clone, Debug)]
pub struct InputFile {
    /// The name used in `source` columns: the path as given, or `<stdin>`.
    pub name: String,
    /// The text, without a byte-order mark.
    pub text: String,
    /// Markdown for `.md`/`.markdown` and standard input, plain text for `.txt`.
    pub markup: Markup,
}

/// The extensions read from folders.
pub const EXTENSIONS: &[&str] = &["txt", "md", "markdown"];

pub(crate) fn markup_for(path: &Path) -> Markup {
    match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
        Some("txt") => Markup::Plain,
        _ => Markup::Markdown,
    }
}

/// Reads one file, in the encoding `options` names or detecting it (see [`decode`]).
pub fn read_file(path: &Path, options: &ReadOptions<'_>) -> Result<InputFile, InputError> {
    let bytes = std::fs::read(path).map_err(|source| InputError::Io { path: path.to_path_buf(), source })?;
    Ok(InputFile {
        name: path.display().to_string(),
        text: decode(path, bytes, options.encoding)?.text,
        markup: markup_for(path),
    })
}

/// Reads standard input (as Markdown), in the encoding `options` names or detecting it.
pub fn read_stdin(options: &ReadOptions<'_>) -> Result<InputFile, InputError> {
    let path = Path::new("<stdin>");
    let mut bytes = Vec::new();
    std::io::stdin().read_to_end(&mut bytes).map_err(|source| InputError::Io { path: path.to_path_buf(), source })?;
    Ok(InputFile {
        name: "<stdin>".into(),
        text: decode(path, bytes, options.encoding)?.text,
        markup: Markup::Markdown,
    })
}

/// Expands the paths given by a user: files as they are, folders into their `.txt`, `.md`
/// and `.markdown` files (recursively, sorted), `-` as standard input. Each file comes once,
/// however many paths or links lead to it (by its canonical path), and a link back to a folder
/// already read is not followed again: `options`' warnings tell of both.
pub fn expand(paths: &[PathBuf], options: &ReadOptions<'_>) -> Result<Vec<PathBuf>, InputError> {
    let mut walk = Walk { out: Vec::new(), found: 0, folders: HashSet::new(), files: HashSet::new(), options };
    for p in paths {
        if p.as_os_str() == "-" {
            walk.out.push(p.clone());
        } else if p.is_dir() {
            let before = walk.found;
            walk.folder(p)?;
            if walk.found == before {
                return Err(InputError::EmptyFolder { path: p.clone() });
            }
        } else if p.exists() {
            walk.file(p);
        } else {
            return Err(InputError::NotFound { path: p.clone() });
        }
    }
    Ok(walk.out)
}

/// The files found so far, and the folders and files already reached (canonical paths).
struct Walk<'o, 'a> {
    out: Vec<PathBuf>,
    /// Files met, those met before included.
    found: usize,
    folders: HashSet<PathBuf>,
    files: HashSet<PathBuf>,
    options: &'o ReadOptions<'a>,
}

impl Walk<'_, '_> {
    fn file(&mut self, p: &Path) {
        self.found += 1;
        let canonical = std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
        if self.files.insert(canonical) {
            self.out.push(p.to_path_buf());
        } else {
            self.options.warn(&format!("{}: read once already (another path or link leads to it)", shown(p)));
        }
    }

    fn folder(&mut self, dir: &Path) -> Result<(), InputError> {
        let canonical = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        if !self.folders.insert(canonical) {
            self.options.warn(&format!("{}: a link to a folder already read; not read again", shown(dir)));
            // what it holds was found already: it is not an empty folder
            self.found += 1;
            return Ok(());
        }
        let io = |source| InputError::Io { path: dir.to_path_buf(), source };
        let mut entries: Vec<PathBuf> =
            std::fs::read_dir(dir).map_err(io)?.map(|e| e.map(|e| e.path())).collect::<Result<_, _>>().map_err(io)?;
        entries.sort();
        for p in entries {
            if p.is_dir() {
                self.folder(&p)?;
            } else if p
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
            {
                self.file(&p);
            }
        }
        Ok(())
    }
}

/// Reads every input named by `paths` (see [`expand`]), `-` as standard input, in the
/// encoding `options` names or detecting each file's; `options`' progress is told after each.
pub fn read_all(paths: &[PathBuf], options: &ReadOptions<'_>) -> Result<Vec<InputFile>, InputError> {
    expand(paths, options)?
        .iter()
        .map(|p| {
            let file = if p.as_os_str() == "-" { read_stdin(options) } else { read_file(p, options) };
            options.tick();
            file
        })
        .collect()
}
