//! The glossary CSV (and TSV): its reader, its writer, and the cell rules they share.

pub(crate) mod read;
pub(crate) mod write;

use std::borrow::Cow;

/// What starts a formula in a spreadsheet.
const TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell a spreadsheet would run as a formula gets a leading `'` (OWASP's advice for CSV
/// injection); [`unneutralise`] undoes it when the CSV is read back.
pub(crate) fn neutralise(cell: &str) -> Cow<'_, str> {
    // a cell already starting with quotes before a trigger gets one more, so that reading
    // back (which removes one) gives it as it was
    if cell.trim_start_matches('\'').starts_with(TRIGGERS) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// A cell for a spreadsheet: without the C0 control characters other than tab, line feed
/// and carriage return (a NUL or an escape has no place in a cell, and some CSV readers
/// refuse a NUL), then [`neutralise`]d.
pub(crate) fn safe(cell: &str) -> Cow<'_, str> {
    let unwanted = |c: char| c < ' ' && !matches!(c, '\t' | '\n' | '\r');
    if cell.contains(unwanted) {
        Cow::Owned(neutralise(&cell.replace(unwanted, "")).into_owned())
    } else {
        neutralise(cell)
    }
}

/// Undoes [`neutralise`].
pub(crate) fn unneutralise(cell: String) -> String {
    if cell.starts_with('\'') && cell.trim_start_matches('\'').starts_with(TRIGGERS) {
        cell[1..].to_string()
    } else {
        cell
    }
}
