//! An Excel workbook (XLSX) of the glossary: one sheet with the CSV's columns, for people
//! who open a glossary in a spreadsheet.
//!
//! The header row is bold, frozen (it stays in view while scrolling) and carries an
//! autofilter; each column is as wide as its longest cell, a Chinese character counting twice
//! (it takes two columns of a fixed-width grid, and about that much in a spreadsheet's font).
//! Every cell is a string, never a formula, so no cell needs the CSV's leading `'`. The whole
//! file is built in memory and then written: a workbook is a zip archive that is only valid
//! complete.

use super::csv::write::record;
use crate::model::{Glossary, CSV_HEADER};
use crate::text::is_cjk;
use crate::ExportError;
use rust_xlsxwriter::{Workbook, XlsxError};
use std::io::Write;

/// The name of the one sheet.
const SHEET: &str = "glossary";

/// The widest a column is made, in characters: a context sentence would otherwise push
/// every other column off the screen.
const MAX_COLUMN_WIDTH: usize = 60;

/// Room beside the text of a column's widest cell (the filter's button sits in the header).
const COLUMN_PADDING: usize = 3;

/// Writes `glossary` as an XLSX workbook.
pub(crate) fn write<W: Write>(glossary: &Glossary, mut out: W) -> Result<(), ExportError> {
    let bytes = workbook(glossary).map_err(|e| ExportError::Io(std::io::Error::other(format!("XLSX: {e}"))))?;
    out.write_all(&bytes)?;
    out.flush()?;
    Ok(())
}

/// The workbook's bytes.
fn workbook(glossary: &Glossary) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(SHEET)?;
    let extra = glossary.extra_columns();
    let header: Vec<String> = CSV_HEADER.iter().copied().chain(extra.iter().copied()).map(cell).collect();
    let mut widths: Vec<usize> = header.iter().map(|h| display_width(h)).collect();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    for (col, name) in header.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, name, &bold)?;
    }
    for (i, entry) in glossary.entries.iter().enumerate() {
        let row = i as u32 + 1;
        for (col, value) in record(entry, &extra).iter().enumerate() {
            let value = cell(value);
            if value.is_empty() {
                continue;
            }
            widths[col] = widths[col].max(display_width(&value));
            sheet.write_string(row, col as u16, &value).map_err(|e| at(row, col, e))?;
        }
    }
    for (col, width) in widths.iter().enumerate() {
        sheet.set_column_width(col as u16, (width.min(&MAX_COLUMN_WIDTH) + COLUMN_PADDING) as f64)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let last_col = header.len().saturating_sub(1) as u16;
    sheet.autofilter(0, 0, glossary.entries.len() as u32, last_col)?;
    book.save_to_buffer()
}

/// An error of a cell, naming its row (1-based, the header row 1) and column.
fn at(row: u32, col: usize, e: XlsxError) -> XlsxError {
    XlsxError::ParameterError(format!("row {}, column {}: {e}", row + 1, col + 1))
}

/// A cell's text as the sheet holds it: control characters other than tab and line breaks
/// left out (XML cannot hold them).
fn cell(text: &str) -> String {
    text.chars().filter(|&c| !c.is_control() || matches!(c, '\t' | '\n' | '\r')).collect()
}

/// How many columns of a fixed-width grid `text` takes: two for a Chinese, Japanese or
/// Korean character or a full-width form, one for anything else; the longest line counts.
fn display_width(text: &str) -> usize {
    let wide = |c: char| {
        is_cjk(c)
            || matches!(c, '\u{1100}'..='\u{115f}' | '\u{2e80}'..='\u{303e}' | '\u{3040}'..='\u{33ff}'
            | '\u{ac00}'..='\u{d7a3}' | '\u{fe30}'..='\u{fe4f}' | '\u{ff00}'..='\u{ff60}' | '\u{ffe0}'..='\u{ffe6}')
    };
    text.lines().map(|line| line.chars().map(|c| if wide(c) { 2 } else { 1 }).sum()).max().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_counts_double() {
        let table = [("", 0), ("overfitting", 11), ("过拟合", 6), ("KL 散度", 7), ("（RAG）", 7), ("a\nlonger", 6)];
        for (text, width) in table {
            assert_eq!(display_width(text), width, "{text:?}");
        }
    }

    #[test]
    fn cells_hold_no_control_characters() {
        assert_eq!(cell("a\u{0}b\u{1b}c\td\ne"), "abc\td\ne");
    }
}
