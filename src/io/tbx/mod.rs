//! TBX: termbridge's writer (TBX v3, TBX-Basic) and a reader of TBX v3 and v2 (`martif`), with
//! what the two share.

mod concept;
mod element;
pub(crate) mod martif;
pub(crate) mod read;
pub(crate) mod write;

/// The TBX v3 namespace.
pub(crate) const NAMESPACE: &str = "urn:iso:std:iso:30042:ed-2";

/// What the first `sourceDesc` paragraph says: files saying it are read back with their
/// extra columns.
pub(crate) const GENERATOR: &str = "extracted by termbridge";

/// The TBX-Basic `administrativeStatus` of a term not to be used: the terms of a deleted
/// entry (a tombstone) carry it.
pub(crate) const DEPRECATED: &str = "deprecatedTerm-admn-sts";

/// The TBX-Basic `administrativeStatus` of a term to use as it is: the terms of an entry kept
/// in English carry it, its English repeated as its Chinese, so that tools leave it.
pub(crate) const PREFERRED: &str = "preferredTerm-admn-sts";

/// The `administrativeStatus` of an entry's terms: deprecated for a tombstone, preferred for
/// an entry kept in English.
pub(crate) fn status_of(entry: &crate::model::Entry) -> Option<&'static str> {
    if entry.is_deleted() {
        Some(DEPRECATED)
    } else if entry.is_kept_in_english() {
        Some(PREFERRED)
    } else {
        None
    }
}

/// The Chinese terms to write for an entry: its renderings, or its English when it is kept
/// in English and has none (an identity pair).
pub(crate) fn chinese_terms(entry: &crate::model::Entry) -> Vec<&str> {
    let zh: Vec<&str> = entry.chinese.iter().map(String::as_str).filter(|z| !z.trim().is_empty()).collect();
    if zh.is_empty() && entry.is_kept_in_english() && !entry.english.trim().is_empty() {
        return vec![entry.english.as_str()];
    }
    zh
}

/// Prefix of the `sourceDesc` paragraphs naming the inputs.
pub(crate) const INPUT_PREFIX: &str = "input: ";

/// Whether XML 1.0 allows `c` in a document.
pub(crate) fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// `text` without the characters XML 1.0 does not allow.
pub(crate) fn clean(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().all(is_xml_char) {
        text.into()
    } else {
        text.chars().filter(|&c| is_xml_char(c)).collect::<String>().into()
    }
}

/// The folder that holds every absolute input (the input root), if any input is absolute.
fn input_root(sources: &[String]) -> Option<std::path::PathBuf> {
    use std::path::{Path, PathBuf};
    let absolute: Vec<&Path> = sources.iter().map(Path::new).filter(|p| p.is_absolute()).collect();
    let mut root: Option<PathBuf> = absolute.first().and_then(|p| p.parent()).map(Path::to_path_buf);
    for path in &absolute {
        while let Some(r) = root.as_ref().filter(|r| !path.starts_with(r)) {
            root = r.parent().map(Path::to_path_buf);
        }
    }
    root
}

/// The inputs as a file's header names them: an absolute path relative to the input root
/// ([`input_root`]), so that no local path leaves the machine; a relative path, standard
/// input or a name stays as it is.
pub(crate) fn header_sources(sources: &[String]) -> Vec<String> {
    let root = input_root(sources);
    sources.iter().map(|s| relative_to(s, root.as_deref()).to_string()).collect()
}

/// Names places (`file:line`) in inputs relative to the input root, as the header names the
/// inputs: a term's source in a termbase handed on holds no local path either.
pub(crate) struct Places {
    root: Option<std::path::PathBuf>,
}

impl Places {
    /// The places of `sources`, the glossary's inputs.
    pub(crate) fn of(sources: &[String]) -> Places {
        Places { root: input_root(sources) }
    }

    /// `source` (`/home/a/docs/x.md:12`) relative to the input root (`x.md:12`).
    pub(crate) fn relative<'s>(&self, source: &'s str) -> &'s str {
        relative_to(source, self.root.as_deref())
    }
}

/// `s` without the input root `root` and the separator after it, when it starts with both.
fn relative_to<'s>(s: &'s str, root: Option<&std::path::Path>) -> &'s str {
    let Some(root) = root.and_then(|r| r.to_str()) else { return s };
    let root = root.trim_end_matches(std::path::MAIN_SEPARATOR);
    s.strip_prefix(root)
        .and_then(|rest| rest.strip_prefix(std::path::MAIN_SEPARATOR))
        .filter(|rest| !rest.is_empty())
        .unwrap_or(s)
}

#[cfg(test)]
mod tests {
    #[test]
    fn header_sources_hold_no_local_path() {
        let table: &[(&[&str], &[&str])] = &[
            (&["/home/a/docs/x.md", "/home/a/docs/sub/y.md"], &["x.md", "sub/y.md"]),
            (&["/home/a/one.txt"], &["one.txt"]),
            (&["/srv/a/x.md", "/home/b/y.md"], &["srv/a/x.md", "home/b/y.md"]),
            (&["docs/x.md", "<stdin>"], &["docs/x.md", "<stdin>"]),
        ];
        for (sources, want) in table {
            let sources: Vec<String> = sources.iter().map(|s| s.to_string()).collect();
            assert_eq!(super::header_sources(&sources), *want, "{sources:?}");
        }
    }

    #[test]
    fn places_in_inputs_hold_no_local_path() {
        let sources = vec!["/home/a/docs/x.md".to_string(), "/home/a/docs/sub/y.md".to_string()];
        let places = super::Places::of(&sources);
        assert_eq!(places.relative("/home/a/docs/sub/y.md:12"), "sub/y.md:12");
        assert_eq!(places.relative("/home/a/docsx/z.md:3"), "/home/a/docsx/z.md:3");
        assert_eq!(places.relative("<stdin>:4"), "<stdin>:4");
        let none = super::Places::of(&["notes.md".to_string()]);
        assert_eq!(none.relative("notes.md:2"), "notes.md:2");
    }
}
