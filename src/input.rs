//! Reading inputs: files, folders (recursively `.txt`, `.md`, `.markdown`) and standard
//! input, UTF-8 with or without a byte-order mark.

use crate::normalize::Markup;
use crate::InputError;
use std::io::Read;
use std::path::{Path, PathBuf};

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

/// Decodes bytes as UTF-8, without a byte-order mark; the error names `path` and the byte
/// offset of the first invalid byte.
///
/// ```
/// use termbridge::input::decode;
/// use std::path::Path;
/// assert_eq!(decode(Path::new("a.txt"), b"\xef\xbb\xbf\xe4\xb8\xad".to_vec()).unwrap(), "中");
/// let err = decode(Path::new("a.txt"), b"ok\n\xff".to_vec()).unwrap_err();
/// assert_eq!(err.to_string(), "a.txt: not valid UTF-8 at byte 3 (line 2); convert the file to UTF-8 first");
/// ```
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, InputError> {
    match String::from_utf8(bytes) {
        Ok(mut s) => {
            if s.starts_with('\u{feff}') {
                s.drain(..3);
            }
            Ok(s)
        }
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
            Err(InputError::Encoding {
                path: path.to_path_buf(),
                offset,
                line,
            })
        }
    }
}

fn markup_for(path: &Path) -> Markup {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("txt") => Markup::Plain,
        _ => Markup::Markdown,
    }
}

/// Reads one file.
pub fn read_file(path: &Path) -> Result<InputFile, InputError> {
    let bytes = std::fs::read(path).map_err(|source| InputError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(InputFile {
        name: path.display().to_string(),
        text: decode(path, bytes)?,
        markup: markup_for(path),
    })
}

/// Reads standard input (as Markdown).
pub fn read_stdin() -> Result<InputFile, InputError> {
    let path = Path::new("<stdin>");
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|source| InputError::Io {
            path: path.to_path_buf(),
            source,
        })?;
    Ok(InputFile {
        name: "<stdin>".into(),
        text: decode(path, bytes)?,
        markup: Markup::Markdown,
    })
}

/// Expands the paths given by a user: files as they are, folders into their `.txt`, `.md`
/// and `.markdown` files (recursively, sorted), `-` as standard input.
pub fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>, InputError> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(p.clone());
        } else if p.is_dir() {
            let before = out.len();
            walk(p, &mut out)?;
            if out.len() == before {
                return Err(InputError::EmptyFolder { path: p.clone() });
            }
        } else if p.is_file() {
            out.push(p.clone());
        } else {
            return Err(InputError::NotFound { path: p.clone() });
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), InputError> {
    let io = |source| InputError::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .map_err(io)?;
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out)?;
        } else if p
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        {
            out.push(p);
        }
    }
    Ok(())
}

/// Reads every input named by `paths` (see [`expand`]).
pub fn read_all(paths: &[PathBuf]) -> Result<Vec<InputFile>, InputError> {
    expand(paths)?
        .iter()
        .map(|p| {
            if p.as_os_str() == "-" {
                read_stdin()
            } else {
                read_file(p)
            }
        })
        .collect()
}
