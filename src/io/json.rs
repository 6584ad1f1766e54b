//! JSON: every field of every entry, with its occurrences.

use crate::model::Glossary;
use crate::ExportError;
use serde::Serialize;
use std::io::Write;

/// The version of the JSON layout, written as `"version"`.
pub const JSON_VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
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
