//! The glossary CSV.

use super::safe;
use crate::model::{Glossary, CSV_HEADER};
use crate::ExportError;
use std::io::Write;

/// Writes the glossary CSV: termbridge's columns, then the columns a person added; with
/// `safe`, cells a spreadsheet would run as formulas neutralised (see [`safe`](super::safe)).
pub(crate) fn write<W: Write>(glossary: &Glossary, out: W, safe: bool) -> Result<(), ExportError> {
    write_records(glossary, out, safe).map_err(|e| match e.into_kind() {
        csv::ErrorKind::Io(e) => ExportError::Io(e),
        // the records are strings, written whole: only the writer's I/O can fail
        other => ExportError::Io(std::io::Error::other(format!("{other:?}"))),
    })
}

fn write_records<W: Write>(glossary: &Glossary, out: W, safe: bool) -> Result<(), csv::Error> {
    let mut w = csv::Writer::from_writer(out);
    // columns a person added, after termbridge's own
    let extra = glossary.extra_columns();
    let header = CSV_HEADER.iter().copied().chain(extra.iter().copied());
    if safe {
        w.write_record(header.map(|c| self::safe(c).into_owned()))?;
    } else {
        w.write_record(header)?;
    }
    for e in &glossary.entries {
        let added = extra.iter().map(|k| e.extra.get(k).map_or("", String::as_str));
        let confidence = e.confidence.map(|c| format!("{c:.2}")).unwrap_or_default();
        let frequency = e.frequency.to_string();
        let score = e.score.map(|s| format!("{s:.2}")).unwrap_or_default();
        let chinese = e.chinese.join("|");
        let variants = e.variants.join("|");
        let cells = [
            e.english.as_str(),
            &chinese,
            e.abbreviation.as_deref().unwrap_or(""),
            &variants,
            e.category.as_str(),
            &frequency,
            &score,
            &confidence,
            e.method.map_or("", |m| m.as_str()),
            &e.source,
            &e.context,
            &e.note,
        ];
        let cells = cells.into_iter().chain(added);
        if safe {
            w.write_record(cells.map(|c| self::safe(c).into_owned()))?;
        } else {
            w.write_record(cells)?;
        }
    }
    w.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::{neutralise, unneutralise};
    use super::*;

    #[test]
    fn formula_cells() {
        let table: &[(&str, &str)] = &[
            ("=1+1", "'=1+1"),
            ("+86", "'+86"),
            ("-x", "'-x"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("a=b", "a=b"),
            ("'=quoted", "''=quoted"),
            ("'plain", "'plain"),
            ("过拟合", "过拟合"),
        ];
        for (cell, want) in table {
            assert_eq!(neutralise(cell), *want, "{cell:?}");
            assert_eq!(unneutralise(neutralise(cell).into_owned()), *cell);
        }
    }

    #[test]
    fn control_characters_leave_cells() {
        let table: &[(&str, &str)] = &[
            ("nul\u{0}byte", "nulbyte"),
            ("\u{1}\u{1b}[31m=red", "[31m=red"),
            ("\u{1b}-x", "'-x"),
            ("\u{0}=1", "'=1"),
            ("tab\tline\ncr\r", "tab\tline\ncr\r"),
            ("del\u{7f}", "del\u{7f}"),
            ("c1\u{85}kept", "c1\u{85}kept"),
            ("=1", "'=1"),
        ];
        for (cell, want) in table {
            assert_eq!(safe(cell), *want, "{cell:?}");
        }
    }
}
