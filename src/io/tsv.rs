//! OmegaT's glossary format: tab-separated `source<TAB>target<TAB>comment`.

use super::csv::neutralise;
use super::export::one_line;
use super::lang::Direction;
use crate::model::Glossary;
use crate::ExportError;
use std::io::Write;

/// OmegaT: `source<TAB>target<TAB>comment`, one line per English–Chinese pair (the English,
/// and its acronym, with each Chinese rendering); the comment holds the acronym and the note.
/// With `safe`, a cell a spreadsheet would run as a formula gets a leading `'`, as in CSV.
/// [`Direction::ZhEn`] puts the Chinese first: `target<TAB>source<TAB>comment`.
pub(crate) fn write_omegat<W: Write>(
    glossary: &Glossary,
    mut out: W,
    safe: bool,
    direction: Direction,
) -> Result<(), ExportError> {
    let cell = |s: String| if safe { neutralise(&s).into_owned() } else { s };
    for e in &glossary.entries {
        let mut comment = Vec::new();
        if let Some(a) = &e.abbreviation {
            comment.push(format!("abbr: {a}"));
        }
        if !e.note.is_empty() {
            comment.push(e.note.clone());
        }
        let comment = cell(one_line(&comment.join("; ")));
        let sources = std::iter::once(&e.english).chain(e.abbreviation.as_ref());
        for source in sources {
            let source = cell(one_line(source));
            for zh in &e.chinese {
                let zh = cell(one_line(zh));
                if source.is_empty() || zh.is_empty() {
                    continue;
                }
                match direction {
                    Direction::EnZh => writeln!(out, "{source}\t{zh}\t{comment}")?,
                    Direction::ZhEn => writeln!(out, "{zh}\t{source}\t{comment}")?,
                }
            }
        }
    }
    Ok(())
}
