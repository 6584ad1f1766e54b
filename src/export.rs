//! Stage 5: write the glossary for people and tools.

use crate::glossary::{Glossary, CSV_HEADER};
use crate::ExportError;
use std::io::Write;
use std::path::Path;

impl Glossary {
    /// Writes the glossary as CSV: UTF-8, a header row, one row per entry, the columns of
    /// [`CSV_HEADER`]. Several Chinese equivalents or variants are joined with `|`.
    ///
    /// ```
    /// let extractor = termbridge::Extractor::builder().build()?;
    /// let glossary = extractor.extract("过拟合（overfitting）很常见。");
    /// let mut out = Vec::new();
    /// glossary.write_csv(&mut out)?;
    /// let csv = String::from_utf8(out)?;
    /// assert!(csv.lines().nth(1).unwrap().starts_with("overfitting,过拟合,,,term,1,"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_csv<W: Write>(&self, out: W) -> Result<(), ExportError> {
        let mut w = csv::Writer::from_writer(out);
        w.write_record(CSV_HEADER)?;
        for e in &self.entries {
            let confidence = e.confidence.map(|c| format!("{c:.2}")).unwrap_or_default();
            let frequency = e.frequency.to_string();
            w.write_record([
                e.english.as_str(),
                &e.chinese.join("|"),
                e.abbreviation.as_deref().unwrap_or(""),
                &e.variants.join("|"),
                e.category.as_str(),
                &frequency,
                &confidence,
                e.method.map_or("", |m| m.as_str()),
                &e.source,
                &e.context,
                &e.note,
            ])?;
        }
        w.flush()?;
        Ok(())
    }

    /// Writes the CSV to `path` whole or not at all: into a temporary file in the same
    /// folder, renamed over `path` only when everything was written.
    pub fn write_csv_file(&self, path: &Path) -> Result<(), ExportError> {
        write_atomically(path, |w| self.write_csv(w))
    }
}

/// Runs `write` into a temporary file next to `path`, then renames it to `path`.
pub(crate) fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut std::io::BufWriter<&mut std::fs::File>) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    let persist = |source| ExportError::Persist {
        path: path.to_path_buf(),
        source,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".termbridge-")
        .tempfile_in(dir)
        .map_err(persist)?;
    {
        let mut w = std::io::BufWriter::new(tmp.as_file_mut());
        write(&mut w)?;
        w.flush().map_err(persist)?;
    }
    tmp.as_file().sync_all().map_err(persist)?;
    tmp.persist(path).map_err(|e| persist(e.error))?;
    Ok(())
}
