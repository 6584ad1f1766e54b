//! JSON: every field of every entry, with its occurrences; and the same JSON read back as a
//! termbase.

use crate::model::{Glossary, Occurrence as Found, Span};
use crate::{ExportError, ImportError};
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::Path;

/// The version of the JSON layout, written as `"version"`.
pub const JSON_VERSION: u32 = 1;

/// What the occurrences' `start` and `end` count, written as `"spans"`: bytes of the input's
/// text as decoded to UTF-8, a byte-order mark left out, not bytes of the file as stored (a
/// GB18030 or UTF-16 file, or one with a byte-order mark, has other offsets).
pub const JSON_SPANS: &str = "utf-8 bytes of the decoded text";

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    spans: &'static str,
    sources: &'a [String],
    entries: Vec<Entry<'a>>,
}

#[derive(Serialize)]
struct Entry<'a> {
    #[serde(flatten)]
    entry: &'a crate::Entry,
    occurrences: Vec<Occurrence<'a>>,
}

#[derive(Serialize)]
struct Occurrence<'a> {
    file: &'a str,
    line: usize,
    start: usize,
    end: usize,
}

pub(crate) fn write<W: Write>(glossary: &Glossary, mut out: W) -> Result<(), ExportError> {
    let doc = Document {
        version: JSON_VERSION,
        spans: JSON_SPANS,
        sources: &glossary.sources,
        entries: glossary
            .entries
            .iter()
            .map(|e| Entry {
                entry: e,
                occurrences: e
                    .occurrences
                    .iter()
                    .map(|o| Occurrence {
                        file: glossary.sources.get(o.source).map_or("", String::as_str),
                        line: o.line,
                        start: o.span.start,
                        end: o.span.end,
                    })
                    .collect(),
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut out, &doc).map_err(std::io::Error::from)?;
    writeln!(out)?;
    Ok(())
}

/// Only the version, read first, so that a JSON of another version is told as such rather
/// than by the first field it lacks.
#[derive(Deserialize)]
struct Head {
    version: Option<serde_json::Value>,
}

#[derive(Deserialize)]
struct ReadDocument {
    #[serde(default)]
    sources: Vec<String>,
    entries: Vec<ReadEntry>,
}

#[derive(Deserialize)]
struct ReadEntry {
    #[serde(flatten)]
    entry: crate::Entry,
    #[serde(default)]
    occurrences: Vec<ReadOccurrence>,
}

#[derive(Deserialize)]
struct ReadOccurrence {
    file: String,
    line: usize,
    start: usize,
    end: usize,
}

/// Whether `bytes`, after a byte-order mark and white space, start a JSON object.
pub(crate) fn starts_like_json(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf".as_slice()).unwrap_or(bytes);
    bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
}

/// Reads termbridge's own JSON (`"version": 1`) back: every field of every entry, its
/// occurrences pointing into `sources` again.
pub(crate) fn read(path: &Path, bytes: &[u8]) -> Result<Glossary, ImportError> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf".as_slice()).unwrap_or(bytes);
    let bad = |e: serde_json::Error| located(path, &e);
    let head: Head = serde_json::from_slice(bytes).map_err(bad)?;
    match head.version {
        Some(serde_json::Value::Number(n)) if n.as_u64() == Some(u64::from(JSON_VERSION)) => {}
        Some(other) => {
            return Err(ImportError::Format {
                path: path.to_path_buf(),
                line: 1,
                message: format!(
                    "JSON of version {other}: termbridge reads version {JSON_VERSION}; write it again with `-f json`"
                ),
            })
        }
        None => {
            return Err(ImportError::Format {
                path: path.to_path_buf(),
                line: 1,
                message: format!(
                    "JSON without a \"version\": termbridge reads its own JSON (`-f json`, \"version\": {JSON_VERSION})"
                ),
            })
        }
    }
    let doc: ReadDocument = serde_json::from_slice(bytes).map_err(bad)?;
    let sources = doc.sources;
    let entries = doc
        .entries
        .into_iter()
        .map(|ReadEntry { mut entry, occurrences }| {
            // an occurrence of no listed file, or reversed, points nowhere: it is left out
            entry.occurrences = occurrences
                .into_iter()
                .filter(|o| o.start <= o.end)
                .filter_map(|o| {
                    let source = sources.iter().position(|s| *s == o.file)?;
                    Some(Found { source, line: o.line, span: Span::new(o.start, o.end) })
                })
                .collect();
            entry
        })
        .collect();
    Ok(Glossary { entries, sources })
}

/// serde_json's error as termbridge's: the file, the line, the column.
fn located(path: &Path, e: &serde_json::Error) -> ImportError {
    let full = e.to_string();
    // serde_json ends its message with " at line L column C", said here in termbridge's way
    let what = full.rsplit_once(" at line ").map_or(full.as_str(), |(what, _)| what);
    ImportError::Format {
        path: path.to_path_buf(),
        line: e.line() as u64,
        message: format!("column {}: not termbridge's JSON: {what}", e.column()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_is_told_by_its_first_character() {
        let table: &[(&[u8], bool)] =
            &[(b"{}", true), (b" \n{", true), (b"\xef\xbb\xbf{", true), (b"english,chinese", false), (b"", false)];
        for (bytes, json) in table {
            assert_eq!(starts_like_json(bytes), *json, "{bytes:?}");
        }
    }

    #[test]
    fn errors_name_the_file_line_and_column() {
        let table: &[(&str, &str)] = &[
            (
                "{\n  \"version\": 1,\n  \"entries\": [\n    {\"english\": }\n",
                "g.json:4: column 17: not termbridge's JSON: expected value",
            ),
            ("{\"version\": 2, \"entries\": []}", "g.json:1: JSON of version 2: termbridge reads version 1"),
            ("{\"entries\": []}", "g.json:1: JSON without a \"version\""),
            (
                "{\"version\": 1,\n\"entries\": [{\"english\": \"x\"}]}",
                "g.json:2: column 28: not termbridge's JSON: missing field",
            ),
        ];
        for (json, want) in table {
            let err = read(Path::new("g.json"), json.as_bytes()).unwrap_err().to_string();
            assert!(err.starts_with(want), "{json}: {err}");
        }
    }
}
