//! DeepL glossaries: `source<TAB>target`, with the rules DeepL enforces on each entry.

use super::csv::neutralise;
use super::export::one_line;
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
pub(crate) fn write_deepl<W: Write>(glossary: &Glossary, mut out: W, safe: bool) -> Result<Vec<String>, ExportError> {
    let cell = |s: &str| if safe { neutralise(s).into_owned() } else { s.to_string() };
    let mut seen: HashSet<String> = HashSet::new();
    let mut dropped = Vec::new();
    for e in &glossary.entries {
        let Some(zh) = e.chinese.first() else {
            continue;
        };
        // checked as written: a neutralised cell is one byte longer
        let target = cell(zh);
        for source in std::iter::once(&e.english).chain(e.abbreviation.as_ref()) {
            let written = cell(source);
            let problem = deepl_problem(&written)
                .map(|p| format!("source {p}"))
                .or_else(|| deepl_problem(&target).map(|p| format!("target {p}")))
                .or_else(|| (!seen.insert(written.clone())).then(|| "source is already in the glossary".to_string()));
            match problem {
                Some(p) => dropped.push(format!("DeepL: left out {:?} → {:?}: {p}", one_line(source), one_line(zh))),
                None => writeln!(out, "{written}\t{target}")?,
            }
        }
    }
    Ok(dropped)
}
