//! The glossary CSV.

use super::safe;
use crate::model::{Entry, Glossary, CSV_HEADER};
use crate::ExportError;
use std::io::Write;

/// Writes the glossary CSV: termbridge's columns, then the columns a person added; with
/// `safe`, cells a spreadsheet would run as formulas neutralised (see [`safe`](super::safe));
/// with `bom`, a UTF-8 byte-order mark first (Excel reads a CSV without one in the system's
/// code page, which garbles Chinese).
pub(crate) fn write<W: Write>(glossary: &Glossary, mut out: W, safe: bool, bom: bool) -> Result<(), ExportError> {
    if bom {
        out.write_all("\u{feff}".as_bytes())?;
    }
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
        let cells = record(e, &extra);
        if safe {
            w.write_record(cells.iter().map(|c| self::safe(c).into_owned()))?;
        } else {
            w.write_record(&cells)?;
        }
    }
    w.flush()?;
    Ok(())
}

/// The cells of an entry, in the CSV's columns: termbridge's own, then the `extra` columns
/// a person added.
pub(crate) fn record(e: &Entry, extra: &[&str]) -> Vec<String> {
    let cells = [
        e.english.clone(),
        e.chinese.join("|"),
        e.abbreviation.clone().unwrap_or_default(),
        e.variants.join("|"),
        e.category.as_str().to_string(),
        e.frequency.to_string(),
        e.score.map(|s| format!("{s:.2}")).unwrap_or_default(),
        e.confidence.map(|c| format!("{c:.2}")).unwrap_or_default(),
        e.method.map_or("", |m| m.as_str()).to_string(),
        e.source.clone(),
        e.context.clone(),
        e.note.clone(),
    ];
    let added = extra.iter().map(|k| e.extra.get(k).map_or("", String::as_str).to_string());
    cells.into_iter().chain(added).collect()
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
