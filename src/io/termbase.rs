//! Termbases read from files: which format a file is in, and the reference glossaries read
//! from them (the one shipped with termbridge among them).

use super::csv::read::{read, read_delimited, Imported};
use super::tbx;
use crate::model::Glossary;
use crate::reference::Reference;
use crate::ImportError;
use std::io::{BufRead, Read};
use std::path::Path;

/// The reference glossary shipped with termbridge, compiled in.
const BUILTIN: &str = include_str!("../../glossary/reference.csv");
/// The mined reference shipped with termbridge, compiled in.
const MINED: &str = include_str!("../../glossary/mined.csv");
/// The column of a mined reference that gives, for each Chinese, the documents that gloss it.
const DOCUMENTS: &str = "documents";

impl Glossary {
    /// Reads a glossary from CSV: termbridge's own format (any subset of its columns, in any
    /// order), or any CSV with an `english` and a `chinese` column (also named
    /// `source`/`target`, `en`/`zh`). Several Chinese equivalents or variants are separated by
    /// `|`. `name` is used in error messages.
    ///
    /// ```
    /// use termbridge::Glossary;
    /// let csv = "Chinese,English,Comment\n过拟合|过度拟合,overfitting,常见问题\n";
    /// let g = Glossary::from_csv_reader("terms.csv", csv.as_bytes())?;
    /// assert_eq!(g.entries()[0].english, "overfitting");
    /// assert_eq!(g.entries()[0].chinese, ["过拟合", "过度拟合"]);
    ///
    /// let err = Glossary::from_csv_reader("terms.csv", "term\nx\n".as_bytes()).unwrap_err();
    /// assert!(err.to_string().starts_with("terms.csv:1: needs an `english` and a `chinese` column"));
    /// # Ok::<(), termbridge::ImportError>(())
    /// ```
    pub fn from_csv_reader<R: Read>(name: &str, reader: R) -> Result<Glossary, ImportError> {
        read(Path::new(name), reader).map(|i| i.glossary)
    }

    /// Reads a glossary from TBX: TBX v3 (`tbx`, any dialect) or the older TBX v2 (`martif`).
    /// English terms come from `en*` language sections, Chinese from `zh*`; termbridge's own
    /// TBX reads back whole. `name` is used in error messages.
    ///
    /// ```
    /// use termbridge::Glossary;
    /// let tbx = r#"<?xml version="1.0"?>
    /// <martif type="TBX" xml:lang="en"><text><body>
    ///   <termEntry><langSet xml:lang="en"><tig><term>overfitting</term></tig></langSet>
    ///     <langSet xml:lang="zh-CN"><tig><term>过拟合</term></tig></langSet></termEntry>
    /// </body></text></martif>"#;
    /// let g = Glossary::from_tbx_reader("old.tbx", tbx.as_bytes())?;
    /// assert_eq!(g.get("overfitting").unwrap().chinese, ["过拟合"]);
    /// # Ok::<(), termbridge::ImportError>(())
    /// ```
    pub fn from_tbx_reader<R: BufRead>(name: &str, reader: R) -> Result<Glossary, ImportError> {
        tbx::read::read(Path::new(name), reader)
    }

    /// Reads a glossary from a file: termbridge's own JSON (`-f json`, `"version": 1`) when
    /// the file starts with `{` (or is named `.json`), TBX when it starts with `<` (or is named
    /// `.tbx`), CSV otherwise (see [`from_csv_reader`](Self::from_csv_reader)), TSV when it is named
    /// `.tsv` or its first line holds tabs and no commas. CSV and TSV are decoded as inputs
    /// are ([`input::decode`](crate::input::decode)): UTF-8, UTF-16 with a byte-order mark, or
    /// GB18030; an error names the line and byte of the first byte that decodes in none.
    ///
    /// ```
    /// use termbridge::Glossary;
    /// let dir = tempfile::tempdir()?;
    /// let path = dir.path().join("terms.csv");
    /// std::fs::write(&path, encoding_rs::GBK.encode("english,chinese\ndropout,丢弃法\n").0)?;
    /// assert_eq!(Glossary::from_path(&path)?.get("dropout").unwrap().chinese, ["丢弃法"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_path(path: &Path) -> Result<Glossary, ImportError> {
        read_path(path).map(|i| i.glossary)
    }
}

pub(crate) fn read_path(path: &Path) -> Result<Imported, ImportError> {
    let io = |source| ImportError::Io { path: path.to_path_buf(), source };
    let mut bytes = Vec::new();
    std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes)).map_err(io)?;
    if super::json::starts_like_json(&bytes) || path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json")) {
        return Ok(Imported { glossary: super::json::read(path, &bytes)?, has_category: true });
    }
    if starts_like_xml(&bytes) || path.extension().is_some_and(|e| e.eq_ignore_ascii_case("tbx")) {
        return Ok(Imported { glossary: tbx::read::read(path, bytes.as_slice())?, has_category: true });
    }
    // termbases are decoded as inputs are: a byte-order mark, UTF-8, or GB18030 (Excel's CSV
    // on a Chinese system)
    let text = crate::input::decode(path, bytes, None).map(|d| d.text).map_err(|e| match e {
        crate::InputError::Encoding { offset, line, .. } => ImportError::Format {
            path: path.to_path_buf(),
            line: line as u64,
            message: format!(
                "not valid UTF-8 at byte {offset}, nor UTF-16 with a byte-order mark nor GB18030; save the file as UTF-8"
            ),
        },
        crate::InputError::Undecodable { encoding, offset, line, .. } => ImportError::Format {
            path: path.to_path_buf(),
            line: line as u64,
            message: format!("not valid {encoding} at byte {offset}; save the file as UTF-8"),
        },
        other => ImportError::Io { path: path.to_path_buf(), source: std::io::Error::other(other.to_string()) },
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let first_line = text.lines().next().unwrap_or("");
    let tsv = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("tsv"))
        || (first_line.contains('\t') && !first_line.contains(','));
    read_delimited(path, text.as_bytes(), if tsv { b'\t' } else { b',' })
}

/// Whether the file's first character other than white space, after a byte-order mark, is
/// `<`: TBX, in UTF-8 or UTF-16.
fn starts_like_xml(bytes: &[u8]) -> bool {
    /// White space before the first `<` fits in this many bytes; more would be no TBX.
    const SNIFFED_BYTES: usize = 512;
    let head = &bytes[..bytes.len().min(SNIFFED_BYTES)];
    let text = match head {
        [0xFF, 0xFE, rest @ ..] => encoding_rs::UTF_16LE.decode_without_bom_handling(rest).0,
        [0xFE, 0xFF, rest @ ..] => encoding_rs::UTF_16BE.decode_without_bom_handling(rest).0,
        [b'<', 0, ..] | [0, b'<', ..] => return true,
        _ => String::from_utf8_lossy(head.strip_prefix(b"\xef\xbb\xbf".as_slice()).unwrap_or(head)),
    };
    text.trim_start().starts_with('<')
}

impl Reference {
    /// The curated reference glossary shipped with termbridge.
    ///
    /// It is compiled in and checked by the tests; an error here means a broken build.
    pub fn builtin() -> Result<Reference, ImportError> {
        Reference::from_csv_reader("glossary/reference.csv", BUILTIN.as_bytes())
    }

    /// The mined reference shipped with termbridge: pairs that a corpus of Chinese technical
    /// text glosses (`中文（English）`) in two documents or more, which the curated reference
    /// does not have (`glossary/mined.csv`; `glossary/SOURCE.md` names the corpus). Its
    /// entries only complete terms that no other entry knows ([`ReferenceEntry::mined`]).
    ///
    /// ```
    /// use termbridge::Reference;
    /// let mined = Reference::mined()?;
    /// assert!(mined.len() > 100 && mined.entries().iter().all(|e| e.mined.is_some_and(|n| n >= 2)));
    /// # Ok::<(), termbridge::ImportError>(())
    /// ```
    ///
    /// [`ReferenceEntry::mined`]: crate::ReferenceEntry::mined
    pub fn mined() -> Result<Reference, ImportError> {
        Reference::mined_from_csv_reader("glossary/mined.csv", MINED.as_bytes())
    }

    /// Reads a mined reference from CSV: a reference whose `documents` column gives, for each
    /// Chinese (separated by `|` as they are), the documents that gloss it; a row without it
    /// counts as glossed in none.
    pub fn mined_from_csv_reader<R: Read>(name: &str, reader: R) -> Result<Reference, ImportError> {
        let imported = read(Path::new(name), reader)?;
        let mut out = Reference::empty();
        let documents: Vec<u32> = imported
            .glossary
            .entries
            .iter()
            .map(|e| e.extra.get(DOCUMENTS).and_then(|d| d.split('|').next()?.trim().parse().ok()).unwrap_or(0))
            .collect();
        let mined = Reference::from_entries(imported.glossary.entries, imported.has_category);
        for (mut entry, n) in mined.entries().iter().cloned().zip(documents) {
            entry.mined = Some(n);
            out.insert(entry);
        }
        Ok(out)
    }

    /// Reads a reference glossary from CSV: termbridge's own glossary or reference format, or
    /// any CSV with `english` and `chinese` columns (see [`Glossary::from_csv_reader`](crate::Glossary::from_csv_reader)).
    /// Several Chinese equivalents are separated by `|`, the preferred first.
    pub fn from_csv_reader<R: Read>(name: &str, reader: R) -> Result<Reference, ImportError> {
        Ok(Reference::from_imported(read(Path::new(name), reader)?))
    }

    /// Reads a reference glossary from a file (see [`from_csv_reader`](Self::from_csv_reader)).
    pub fn from_path(path: &Path) -> Result<Reference, ImportError> {
        Ok(Reference::from_imported(read_path(path)?))
    }

    fn from_imported(imported: Imported) -> Reference {
        Reference::from_entries(imported.glossary.entries, imported.has_category)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::key;
    use std::collections::HashMap;

    #[test]
    fn xml_is_told_from_csv_in_any_encoding() {
        let table: &[(&[u8], bool)] = &[
            (b"<tbx/>", true),
            (b"  \n<?xml?>", true),
            (b"\xef\xbb\xbf<tbx/>", true),
            (b"\xff\xfe<\0t\0", true),
            (b"\xfe\xff\0 \0<", true),
            (b"<\0?\0", true),
            (b"english,chinese", false),
            (b"\xff\xfee\0n\0", false),
            (b"", false),
        ];
        for (bytes, xml) in table {
            assert_eq!(starts_like_xml(bytes), *xml, "{bytes:?}");
        }
    }

    #[test]
    fn builtin_reference_is_well_formed() {
        let text = BUILTIN;
        let mut rdr = csv::Reader::from_reader(text.as_bytes());
        assert_eq!(
            rdr.headers().unwrap().iter().collect::<Vec<_>>(),
            ["english", "chinese", "abbreviation", "category", "domain", "note"]
        );
        let mut seen = HashMap::new();
        let mut n = 0;
        for (i, rec) in rdr.records().enumerate() {
            let rec = rec.unwrap();
            assert_eq!(rec.len(), 6, "line {}", i + 2);
            let en = &rec[0];
            assert!(!en.is_empty() && en.trim() == en, "line {}: english {en:?}", i + 2);
            assert!(["term", "abbreviation", "name"].contains(&&rec[3]), "line {}: category {:?}", i + 2, &rec[3]);
            const DOMAINS: &[&str] = &[
                "ml",
                "computing",
                "math",
                "name",
                "databases",
                "security",
                "networking",
                "systems",
                "web",
                "graphics",
                "bio",
                "stats",
                "hardware",
                "software",
                "finance",
                "physics",
                "chemistry",
                "medicine",
                "nlp",
                "robotics",
                "business",
            ];
            assert!(DOMAINS.contains(&&rec[4]), "line {}: domain {:?}", i + 2, &rec[4]);
            for zh in rec[1].split('|').filter(|z| !z.is_empty()) {
                assert_eq!(zh.trim(), zh, "line {}: chinese {zh:?}", i + 2);
            }
            if let Some(prev) = seen.insert(key(en), i + 2) {
                panic!("line {}: {en:?} repeats line {prev}", i + 2);
            }
            n += 1;
        }
        assert!(n >= 800, "only {n} entries");
        assert_eq!(Reference::builtin().unwrap().len(), n);
    }

    #[test]
    fn reads_any_csv_with_english_and_chinese() {
        let table: &[(&str, &str, &[&str])] = &[
            ("english,chinese\ndropout,暂退法|丢弃法\n", "dropout", &["暂退法", "丢弃法"]),
            ("Chinese,English,Note\n过拟合,overfitting,x\n", "overfitting", &["过拟合"]),
            ("source,target\nTransformer,\n", "transformer", &[]),
        ];
        for (csv, en, zh) in table {
            let r = Reference::from_csv_reader("t.csv", csv.as_bytes()).unwrap();
            assert_eq!(r.get(en).unwrap().chinese, *zh, "{csv}");
        }
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let err = Reference::from_csv_reader("terms.csv", "term,meaning\nx,y\n".as_bytes()).unwrap_err();
        assert_eq!(err.to_string(), "terms.csv:1: needs an `english` and a `chinese` column in its header row");
    }
}
