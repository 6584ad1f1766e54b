//! Line-based formats: OmegaT and DeepL glossaries, search-engine synonyms.

use super::export::one_line;
use crate::model::Glossary;
use crate::ExportError;
use std::collections::HashSet;
use std::io::Write;

/// The longest entry DeepL accepts, in bytes of UTF-8.
pub const DEEPL_MAX_BYTES: usize = 1024;

/// OmegaT: `source<TAB>target<TAB>comment`, one line per English–Chinese pair (the English,
/// and its acronym, with each Chinese rendering); the comment holds the acronym and the note.
pub(crate) fn write_omegat<W: Write>(glossary: &Glossary, mut out: W) -> Result<(), ExportError> {
    for e in &glossary.entries {
        let mut comment = Vec::new();
        if let Some(a) = &e.abbreviation {
            comment.push(format!("abbr: {a}"));
        }
        if !e.note.is_empty() {
            comment.push(e.note.clone());
        }
        let comment = one_line(&comment.join("; "));
        let sources = std::iter::once(&e.english).chain(e.abbreviation.as_ref());
        for source in sources {
            let source = one_line(source);
            for zh in &e.chinese {
                let zh = one_line(zh);
                if !source.is_empty() && !zh.is_empty() {
                    writeln!(out, "{source}\t{zh}\t{comment}")?;
                }
            }
        }
    }
    Ok(())
}

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
pub(crate) fn write_deepl<W: Write>(glossary: &Glossary, mut out: W) -> Result<Vec<String>, ExportError> {
    let mut seen: HashSet<String> = HashSet::new();
    let mut dropped = Vec::new();
    for e in &glossary.entries {
        let Some(zh) = e.chinese.first() else {
            continue;
        };
        for source in std::iter::once(&e.english).chain(e.abbreviation.as_ref()) {
            let problem = deepl_problem(source)
                .map(|p| format!("source {p}"))
                .or_else(|| deepl_problem(zh).map(|p| format!("target {p}")))
                .or_else(|| (!seen.insert(source.clone())).then(|| "source is already in the glossary".to_string()));
            match problem {
                Some(p) => dropped.push(format!("DeepL: left out {:?} → {:?}: {p}", one_line(source), one_line(zh))),
                None => writeln!(out, "{source}\t{zh}")?,
            }
        }
    }
    Ok(dropped)
}

/// A term in a synonym line: lowercase (search analyzers lowercase), commas and backslashes
/// escaped, one line.
fn synonym(s: &str) -> String {
    let s = one_line(s).to_lowercase();
    s.replace('\\', "\\\\").replace(',', "\\,").replace("=>", "=\\>")
}

/// Solr/Elasticsearch: every Chinese rendering and English form of an entry on one line,
/// `思维链, chain of thought, cot`; entries with one form only are left out.
pub(crate) fn write_synonyms<W: Write>(glossary: &Glossary, mut out: W) -> Result<(), ExportError> {
    for e in &glossary.entries {
        let mut terms: Vec<String> = Vec::new();
        let forms =
            e.chinese.iter().chain(std::iter::once(&e.english)).chain(e.variants.iter()).chain(e.abbreviation.as_ref());
        for f in forms {
            let s = synonym(f);
            if !s.is_empty() && !terms.contains(&s) {
                terms.push(s);
            }
        }
        if terms.len() >= 2 && !e.chinese.is_empty() {
            writeln!(out, "{}", terms.join(", "))?;
        }
    }
    Ok(())
}
