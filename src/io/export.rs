//! Stage 5: write the glossary for people and tools.
//!
//! | format | for | shape |
//! | --- | --- | --- |
//! | [`Format::Csv`] | people, spreadsheets, programs | the glossary CSV, formula-looking cells neutralised |
//! | [`Format::Tsv`] | OmegaT | `source<TAB>target<TAB>comment`, one line per English–Chinese pair |
//! | [`Format::Deepl`] | DeepL glossaries | `source<TAB>target`, sources unique, entries DeepL accepts |
//! | [`Format::Tbx`] | CAT tools, termbases | TBX v3, TBX-Basic dialect (DCA), tombstones' terms deprecated; also named `tbx-basic` |
//! | [`Format::Tbx2008`] | tools that read only TBX v2 (translate-toolkit, Weblate) | `martif`, ISO 30042:2008, TBX-Basic 2008 |
//! | [`Format::Xlsx`] | spreadsheets | the CSV's columns in one sheet, header frozen and filtered |
//! | [`Format::Json`] | programs | every field and every occurrence |
//! | [`Format::Synonyms`] | Solr/Elasticsearch | `思维链, chain of thought, cot` |
//! | [`Format::Html`] | translators reviewing | one self-contained page (see [`Glossary::write_review`]) |
//!
//! Every writer escapes what its consumer would misread: XML in TBX, formula-looking cells in
//! CSV (as OWASP recommends), tabs, line breaks and control characters in TSV.

use super::lang::{Direction, Languages};
use super::{csv, deepl, json, synonyms, tbx, tsv, xlsx};
use crate::model::Glossary;
use crate::ExportError;
use std::io::Write;
use std::path::Path;
use std::str::FromStr;

/// An output format.
///
/// ```
/// use termbridge::{Entry, Format, Glossary, WriteOptions};
/// let mut entry = Entry::new("overfitting");
/// entry.chinese = vec!["过拟合".into()];
/// let glossary = Glossary::from_entries(vec![entry]);
///
/// let format: Format = "tsv".parse()?; // the names the command line's `-f` takes
/// let mut out = Vec::new();
/// glossary.write(format, WriteOptions::default(), &mut out)?;
/// assert_eq!(String::from_utf8(out)?, "overfitting\t过拟合\t\n");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// The glossary CSV.
    Csv,
    /// An OmegaT glossary: `source<TAB>target<TAB>comment`.
    Tsv,
    /// A DeepL glossary TSV.
    Deepl,
    /// TBX v3, TBX-Basic dialect (DCA style); named `tbx` or `tbx-basic`.
    Tbx,
    /// TBX v2 (ISO 30042:2008, root `martif`), TBX-Basic 2008 style.
    Tbx2008,
    /// An Excel workbook: the CSV's columns, header frozen and filtered.
    Xlsx,
    /// JSON with every field and every occurrence.
    Json,
    /// Solr/Elasticsearch synonym lines.
    Synonyms,
    /// The review page, without the inputs' concordance unless written by
    /// [`Glossary::write_review`].
    Html,
}

impl Format {
    /// All formats, by name (`tbx` and `tbx-basic` name one format).
    pub const ALL: [(&'static str, Format); 10] = [
        ("csv", Format::Csv),
        ("tsv", Format::Tsv),
        ("deepl", Format::Deepl),
        ("tbx", Format::Tbx),
        ("tbx-basic", Format::Tbx),
        ("tbx-2008", Format::Tbx2008),
        ("xlsx", Format::Xlsx),
        ("json", Format::Json),
        ("synonyms", Format::Synonyms),
        ("html", Format::Html),
    ];
}

impl FromStr for Format {
    type Err = String;

    /// ```
    /// use termbridge::Format;
    /// assert_eq!("TBX".parse::<Format>(), Ok(Format::Tbx));
    /// assert_eq!("tbx-basic".parse::<Format>(), Ok(Format::Tbx));
    /// assert!("ods".parse::<Format>().unwrap_err().contains("csv, tsv, deepl, tbx, tbx-basic, tbx-2008, xlsx, json, synonyms, html"));
    /// ```
    fn from_str(s: &str) -> Result<Format, String> {
        let l = s.to_ascii_lowercase();
        Format::ALL.iter().find(|(n, _)| *n == l).map(|(_, f)| *f).ok_or_else(|| {
            let names: Vec<&str> = Format::ALL.iter().map(|(n, _)| *n).collect();
            format!("unknown format {s:?}; use one of {}", names.join(", "))
        })
    }
}

/// How to write.
///
/// ```
/// use termbridge::{Direction, Entry, Format, Glossary, Languages, WriteOptions};
/// let mut entry = Entry::new("overfitting");
/// entry.chinese = vec!["過擬合".into()];
/// let glossary = Glossary::from_entries(vec![entry]);
///
/// // a Chinese-to-English DeepL glossary
/// let options = WriteOptions { direction: Direction::ZhEn, ..WriteOptions::default() };
/// let mut deepl = Vec::new();
/// glossary.write(Format::Deepl, options, &mut deepl)?;
/// assert_eq!(String::from_utf8(deepl)?, "過擬合\toverfitting\n");
///
/// // TBX tagged for Traditional Chinese
/// let languages = Languages::new("en-US".parse()?, "zh-Hant".parse()?)?;
/// let options = WriteOptions { languages, ..WriteOptions::default() };
/// let mut tbx = Vec::new();
/// glossary.write(Format::Tbx, options, &mut tbx)?;
/// assert!(String::from_utf8(tbx)?.contains(r#"xml:lang="zh-Hant""#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WriteOptions {
    /// Write cells as they are, without neutralising those a spreadsheet would run as
    /// formulas (for programs that read the file): CSV, OmegaT TSV, DeepL and XLSX cells.
    pub raw: bool,
    /// Start the CSV with a UTF-8 byte-order mark, which Excel needs to read it as UTF-8.
    pub bom: bool,
    /// The language tags of the two sides (TBX `xml:lang`).
    pub languages: Languages,
    /// Which side comes first in OmegaT TSV and DeepL.
    pub direction: Direction,
    /// DeepL: write the entries kept in English (`status` `keep`) as identity pairs
    /// (`Kubernetes → Kubernetes`), so that DeepL leaves them; without it they are left out.
    pub deepl_keep: bool,
}

/// What a writer left out, for the user to hear about.
///
/// ```
/// use termbridge::{Entry, Format, Glossary, WriteOptions};
/// let mut short = Entry::new("epoch");
/// short.chinese = vec!["轮次".into()];
/// let mut long = Entry::new("a ".repeat(600)); // over the 1,024 bytes DeepL takes
/// long.chinese = vec!["长".into()];
/// let glossary = Glossary::from_entries(vec![short, long]);
///
/// let mut out = Vec::new();
/// let report = glossary.write(Format::Deepl, WriteOptions::default(), &mut out)?;
/// assert_eq!(String::from_utf8(out)?, "epoch\t轮次\n");
/// assert_eq!(report.dropped.len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// One line per entry that could not be written in the format, saying why.
    pub dropped: Vec<String>,
}

impl Glossary {
    /// Writes the glossary in `format`.
    ///
    /// ```
    /// use termbridge::{Format, WriteOptions};
    /// let extractor = termbridge::Extractor::builder().build()?;
    /// let glossary = extractor.extract("思维链（chain of thought，CoT）让模型先写推理步骤。");
    /// let mut out = Vec::new();
    /// glossary.write(Format::Synonyms, WriteOptions::default(), &mut out)?;
    /// assert_eq!(String::from_utf8(out)?, "思维链, chain of thought, cot\n");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write<W: Write>(&self, format: Format, options: WriteOptions, out: W) -> Result<Report, ExportError> {
        let mut report = Report::default();
        // the termbase formats keep tombstones (TBX marks their terms deprecated); the formats
        // tools import without such a mark leave them out
        let live;
        let tools = if self.entries.iter().any(|e| e.is_deleted()) {
            live = Glossary {
                entries: self.entries.iter().filter(|e| !e.is_deleted()).cloned().collect(),
                sources: self.sources.clone(),
            };
            &live
        } else {
            self
        };
        match format {
            Format::Csv => csv::write::write(self, out, !options.raw, options.bom)?,
            Format::Json => json::write(self, out)?,
            Format::Tsv => tsv::write_omegat(tools, out, !options.raw, options.direction)?,
            Format::Deepl => {
                report.dropped = deepl::write_deepl(tools, out, !options.raw, options.direction, options.deepl_keep)?
            }
            Format::Tbx => tbx::write::write(self, out, &options.languages)?,
            Format::Tbx2008 => tbx::martif::write(self, out, &options.languages)?,
            Format::Xlsx => xlsx::write(self, out)?,
            Format::Synonyms => synonyms::write_synonyms(tools, out)?,
            Format::Html => self.write_review(&[], out)?,
        }
        Ok(report)
    }

    /// Writes the glossary to `path` whole or not at all: into a temporary file in the same
    /// folder, renamed over `path` only when everything was written. A failed write leaves an
    /// existing file untouched.
    pub fn write_file(&self, path: &Path, format: Format, options: WriteOptions) -> Result<Report, ExportError> {
        let mut report = Report::default();
        write_atomically(path, |w| {
            report = self.write(format, options, w)?;
            Ok(())
        })?;
        Ok(report)
    }

    /// Writes the glossary as CSV: UTF-8, a header row, one row per entry, the columns of
    /// [`CSV_HEADER`](crate::CSV_HEADER). Several Chinese equivalents or variants are
    /// joined with `|`. A cell that a spreadsheet would run as a formula (starting with `=`,
    /// `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`; C0 control characters
    /// other than tab, line feed and carriage return are left out.
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
        csv::write::write(self, out, true, false)
    }

    /// Writes the CSV to `path` whole or not at all (see [`write_file`](Self::write_file)).
    pub fn write_csv_file(&self, path: &Path) -> Result<(), ExportError> {
        self.write_file(path, Format::Csv, WriteOptions::default()).map(|_| ())
    }

    /// Writes the glossary as TBX v3 (TBX-Basic): one `conceptEntry` per entry, the terms of a
    /// deleted one (a tombstone) marked `deprecatedTerm-admn-sts`.
    pub fn write_tbx<W: Write>(&self, out: W) -> Result<(), ExportError> {
        tbx::write::write(self, out, &Languages::default())
    }
}

/// The temporary files of outputs being written, for [`remove_unfinished_outputs`].
static UNFINISHED: std::sync::Mutex<Vec<std::path::PathBuf>> = std::sync::Mutex::new(Vec::new());

/// Removes the temporary files of the outputs being written now, leaving what the outputs'
/// paths held untouched. For a program that is stopped (Ctrl-C, a termination signal) in
/// the middle of [`write_atomically`]: call it from the signal's handler, then exit. A write
/// it interrupts fails.
///
/// ```
/// // in a program's Ctrl-C handler:
/// termbridge::remove_unfinished_outputs();
/// ```
pub fn remove_unfinished_outputs() {
    let paths = std::mem::take(&mut *UNFINISHED.lock().unwrap_or_else(std::sync::PoisonError::into_inner));
    for path in paths {
        let _ = std::fs::remove_file(path);
    }
}

/// Keeps a temporary file in [`UNFINISHED`] while it lives.
struct Unfinished(std::path::PathBuf);

impl Unfinished {
    fn new(path: &Path) -> Unfinished {
        UNFINISHED.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push(path.to_path_buf());
        Unfinished(path.to_path_buf())
    }
}

impl Drop for Unfinished {
    fn drop(&mut self) {
        UNFINISHED.lock().unwrap_or_else(std::sync::PoisonError::into_inner).retain(|p| *p != self.0);
    }
}

/// The deepest chain of symbolic links followed to find the file an output path names.
const MAX_LINKS: usize = 40;

/// Runs `write` into a temporary file next to `path`, then renames it to `path`: the file is
/// written whole or not at all, and a failed write leaves an existing file untouched.
///
/// A symbolic link stays a link: the file it points to is replaced, in that file's folder. A
/// path that is not a regular file (a device such as `/dev/null`, a named pipe) is written
/// into as it is. A file with other hard links is rewritten in place once the temporary file
/// holds the whole output, so that every link sees the new content. A replaced file keeps its
/// permissions; a new one gets the usual ones (those the umask leaves), not a temporary file's.
pub fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut std::io::BufWriter<&mut std::fs::File>) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    let persist = |source| ExportError::Persist { path: path.to_path_buf(), source };
    if path.is_dir() {
        let why = "is a folder; name a file to write to";
        return Err(persist(std::io::Error::new(std::io::ErrorKind::IsADirectory, why)));
    }
    // an error while writing names the file too
    let named = |e| match e {
        ExportError::Io(source) => persist(source),
        other => other,
    };
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        let mut file = std::fs::OpenOptions::new().write(true).open(path).map_err(persist)?;
        let mut w = std::io::BufWriter::new(&mut file);
        write(&mut w).map_err(named)?;
        return w.flush().map_err(persist);
    }
    let target = link_target(path);
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".termbridge-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // the mode a new file gets, which the umask then narrows
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(|e| {
        let why = match e.kind() {
            std::io::ErrorKind::NotFound => format!("the folder {} does not exist; create it first", dir.display()),
            std::io::ErrorKind::PermissionDenied => {
                format!("no permission to create a file in {}; choose another folder", dir.display())
            }
            _ => format!("cannot create a file in {}: {e}", dir.display()),
        };
        persist(std::io::Error::new(e.kind(), why))
    })?;
    let _unfinished = Unfinished::new(tmp.path());
    {
        let mut w = std::io::BufWriter::new(tmp.as_file_mut());
        write(&mut w).map_err(named)?;
        w.flush().map_err(persist)?;
    }
    if let Ok(old) = std::fs::metadata(&target) {
        if is_hard_linked(&old) {
            return copy_over(tmp, &target).map_err(persist);
        }
        tmp.as_file().set_permissions(old.permissions()).map_err(persist)?;
    }
    tmp.as_file().sync_all().map_err(persist)?;
    tmp.persist(&target).map_err(|e| persist(e.error))?;
    Ok(())
}

/// Whether other names lead to the file too (hard links), which a rename would leave holding
/// the old content.
fn is_hard_linked(metadata: &std::fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        metadata.is_file() && metadata.nlink() > 1
    }
    #[cfg(not(unix))]
    {
        let _ = metadata;
        false
    }
}

/// Copies the finished temporary file over `target` in place, keeping the file (its links,
/// owner and permissions): the output was written whole first, so only this copy can be cut
/// short. A stop (Ctrl-C) waits for it; a copy that fails after it began writing keeps the
/// temporary file, and the error says where the whole output is.
fn copy_over(mut tmp: tempfile::NamedTempFile, target: &Path) -> std::io::Result<()> {
    use std::io::{Seek, SeekFrom};
    let mut file = std::fs::OpenOptions::new().write(true).open(target)?;
    let len = tmp.as_file().metadata()?.len();
    tmp.as_file_mut().seek(SeekFrom::Start(0))?;
    // a stop's handler removes the temporary files under this lock: it waits for the copy
    let stop = UNFINISHED.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let copied =
        std::io::copy(tmp.as_file_mut(), &mut file).and_then(|_| file.set_len(len)).and_then(|_| file.sync_all());
    drop(stop);
    copied.map_err(|e| match tmp.keep() {
        Ok((_, kept)) => std::io::Error::new(
            e.kind(),
            format!("{e}; the file may be partly written, and the whole output is in {}", kept.display()),
        ),
        Err(_) => e,
    })
}

/// The file a path names once its symbolic links are followed (the path itself when it is
/// no link, or the end of a chain too long to be anything but a loop).
fn link_target(path: &Path) -> std::path::PathBuf {
    let mut p = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match std::fs::read_link(&p) {
            Ok(next) => p = p.parent().map_or(next.clone(), |dir| dir.join(&next)),
            Err(_) => return p,
        }
    }
    p
}

/// Replaces tabs, line breaks and other control characters with spaces and trims: a cell of
/// a line-based format.
pub(crate) fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_control() || c.is_whitespace() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}') {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}
