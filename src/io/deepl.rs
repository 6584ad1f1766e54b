//! DeepL glossaries: `source<TAB>target`, with the rules DeepL enforces on each entry.

use super::csv::neutralise;
use super::export::one_line;
use super::lang::Direction;
use crate::model::Glossary;
use crate::ExportError;
use std::collections::HashSet;
use std::io::Write;

/// The longest entry DeepL accepts, in bytes of UTF-8.
const DEEPL_MAX_BYTES: usize = 1024;

/// Why DeepL would refuse an entry, if it would.
fn deepl_problem(s: &str) -> Option<&'static str> {
    if s.trim().is_empty() {
        Some("is empty")
    } else if s.trim() != s {
        Some("has leading or trailing whitespace")
    } else if s.chars().any(|c| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}')) {
        Some("holds a control character, a line break or a byte-order mark")
    } else if s.len() > DEEPL_MAX_BYTES {
        Some("is longer than 1024 bytes")
    } else {
        None
    }
}

/// DeepL: `source<TAB>target`, the first Chinese of each entry; sources unique (the first
/// entry with a source wins), entries DeepL would refuse left out. Returns what was left out.
/// With `safe`, a cell a spreadsheet would run as a formula gets a leading `'`, as in CSV.
///
/// [`Direction::ZhEn`] swaps the columns: each Chinese rendering (every one, not only the
/// first) is a source and the English its target, and the sources are unique after the
/// swap (a Chinese given for two English terms keeps the first). DeepL refuses an empty
/// glossary, so one with no entry to write is an error rather than an empty file.
pub(crate) fn write_deepl<W: Write>(
    glossary: &Glossary,
    mut out: W,
    safe: bool,
    direction: Direction,
    keep: bool,
) -> Result<Vec<String>, ExportError> {
    let cell = |s: &str| if safe { neutralise(s).into_owned() } else { s.to_string() };
    let mut seen: HashSet<String> = HashSet::new();
    let mut dropped = Vec::new();
    let mut written = 0;
    for (source, target) in pairs(glossary, direction, keep) {
        // checked as written: a neutralised cell is one byte longer
        let (s, t) = (cell(source), cell(target));
        let problem = deepl_problem(&s)
            .map(|p| format!("source {p}"))
            .or_else(|| deepl_problem(&t).map(|p| format!("target {p}")))
            .or_else(|| (!seen.insert(s.clone())).then(|| "source is already in the glossary".to_string()));
        match problem {
            Some(p) => dropped.push(format!("DeepL: left out {:?} → {:?}: {p}", one_line(source), one_line(target))),
            None => {
                writeln!(out, "{s}\t{t}")?;
                written += 1;
            }
        }
    }
    if written == 0 {
        return Err(ExportError::NothingToWrite {
            format: "a DeepL glossary",
            why: "no entry has both an English term and a Chinese rendering DeepL accepts, and DeepL refuses an empty glossary",
        });
    }
    Ok(dropped)
}

/// The source–target pairs of the glossary in `direction`: English (and its acronym) to
/// the first Chinese, or every Chinese to the English.
fn pairs(glossary: &Glossary, direction: Direction, keep: bool) -> Vec<(&str, &str)> {
    let mut pairs = Vec::new();
    for e in &glossary.entries {
        // an entry kept in English, as an identity pair: its English forms stay as they are
        if keep && e.chinese.iter().all(|zh| zh.trim().is_empty()) && e.is_kept_in_english() {
            let forms = std::iter::once(&e.english).chain(e.abbreviation.as_ref());
            pairs.extend(forms.map(|f| (f.as_str(), f.as_str())));
            continue;
        }
        match direction {
            Direction::EnZh => {
                if let Some(zh) = e.chinese.first() {
                    let sources = std::iter::once(&e.english).chain(e.abbreviation.as_ref());
                    pairs.extend(sources.map(|source| (source.as_str(), zh.as_str())));
                }
            }
            Direction::ZhEn => pairs.extend(e.chinese.iter().map(|zh| (zh.as_str(), e.english.as_str()))),
        }
    }
    pairs
}
