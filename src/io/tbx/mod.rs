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

/// The inputs as a file's header names them: an absolute path relative to the folder that
/// holds every absolute input (the input root), so that no local path leaves the machine; a
/// relative path, standard input or a name stays as it is.
pub(crate) fn header_sources(sources: &[String]) -> Vec<String> {
    use std::path::{Path, PathBuf};
    let absolute: Vec<&Path> = sources.iter().map(Path::new).filter(|p| p.is_absolute()).collect();
    let mut root: Option<PathBuf> = absolute.first().and_then(|p| p.parent()).map(Path::to_path_buf);
    for path in &absolute {
        while let Some(r) = root.as_ref().filter(|r| !path.starts_with(r)) {
            root = r.parent().map(Path::to_path_buf);
        }
    }
    sources
        .iter()
        .map(|s| match (&root, Path::new(s).is_absolute()) {
            (Some(root), true) => {
                Path::new(s).strip_prefix(root).map_or_else(|_| s.clone(), |p| p.to_string_lossy().into_owned())
            }
            _ => s.clone(),
        })
        .collect()
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
}
