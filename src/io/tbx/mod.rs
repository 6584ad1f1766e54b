//! TBX: termbridge's writer (TBX v3, TBX-Basic) and a reader of TBX v3 and v2 (`martif`), with
//! what the two share.

mod concept;
mod element;
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
