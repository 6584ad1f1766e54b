//! Search-engine synonyms (Solr, Elasticsearch): the forms of one concept on one line.

use super::export::one_line;
use crate::model::Glossary;
use crate::ExportError;
use std::io::Write;

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
