//! Reading glossaries back: termbridge's own CSV, or any CSV or TSV with an English and a
//! Chinese column, as translators' termbases often are, with headers in English or Chinese.
//!
//! Nothing a person wrote is dropped: every cell comes back out (in a column termbridge knows
//! or in one of the extra columns it keeps), or the file is an error naming the line and the
//! column — a second column with the same name, a cell under a column with no name or beyond
//! the header's columns, a row with cells but no English, a quote that never closes.

use super::unneutralise;
use crate::model::{Category, Entry, Glossary, Method};
use crate::ImportError;
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Header names accepted for the English column (case-insensitive), the most telling first:
/// where several are present, the first in this list is the English column (`english` wins
/// over `source`, which in termbridge's own CSV is where a term occurs).
const ENGLISH: &[&str] = &[
    "english",
    "en",
    "en-us",
    "en_us",
    "英文",
    "英语",
    "术语",
    "原文",
    "source_term",
    "source term",
    "term",
    "source",
];
/// Header names accepted for the Chinese column, the most telling first.
const CHINESE: &[&str] = &[
    "chinese",
    "zh",
    "zh-cn",
    "zh_cn",
    "zh-hans",
    "中文",
    "译文",
    "译名",
    "target_term",
    "target term",
    "target",
    "translation",
];
/// `score` and `confidence` are written with two decimals, and read to them.
const FRACTION_STEPS: f32 = 100.0;
/// Header names accepted for the note column.
const NOTE: &[&str] = &["note", "notes", "comment", "comments", "备注", "说明"];

/// A glossary read from CSV, with whether it carried a `category` column.
pub(crate) struct Imported {
    pub glossary: Glossary,
    pub has_category: bool,
}

/// The text of a cell as termbridge writes it back: without the C0 control characters other
/// than tab, line feed and carriage return (which the CSV writer leaves out), trimmed, and a
/// cell neutralised against spreadsheet formulas as it was before.
fn cell(raw: &str) -> String {
    let unwanted = |c: char| c < ' ' && !matches!(c, '\t' | '\n' | '\r');
    let text = if raw.contains(unwanted) { raw.replace(unwanted, "").trim().to_string() } else { raw.to_string() };
    unneutralise(text)
}

/// What a CSV reading error says, for people.
fn csv_message(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Utf8 { err, .. } => {
            format!("column {}: not valid UTF-8; save the file as UTF-8", err.field() + 1)
        }
        csv::ErrorKind::Io(io) => format!("cannot read: {io}"),
        _ => e.to_string(),
    }
}

fn split(cell: &str) -> Vec<String> {
    cell.split(['|', ';', '；']).map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()
}

/// A header cell as compared with the names above: as it is written back (see [`cell`]),
/// so that two names that differ only in what is not written back are one name.
fn header_name(h: &str) -> String {
    cell(h.trim_start_matches('\u{feff}')).trim().to_lowercase()
}

pub(crate) fn read<R: Read>(path: &Path, reader: R) -> Result<Imported, ImportError> {
    read_delimited(path, reader, b',')
}

/// The line on which a quoted cell opens and never closes, if one does: a lone `"` that would
/// otherwise take the rest of the file into one cell. Quoting as the CSV reader reads it: a
/// cell is quoted when it starts with `"`, and `""` inside is a quote.
fn unclosed_quote(bytes: &[u8], delimiter: u8) -> Option<u64> {
    #[derive(PartialEq)]
    enum State {
        Start,
        Field,
        Quoted,
        QuoteInQuoted,
    }
    let (mut state, mut line, mut opened) = (State::Start, 1u64, 0u64);
    for &b in bytes {
        state = match (state, b) {
            (State::Quoted, b'"') => State::QuoteInQuoted,
            (State::Quoted, _) => State::Quoted,
            (State::QuoteInQuoted, b'"') => State::Quoted,
            (State::Start, b'"') => {
                opened = line;
                State::Quoted
            }
            (_, b'\n') => State::Start,
            (_, d) if d == delimiter => State::Start,
            _ => State::Field,
        };
        line += u64::from(b == b'\n');
    }
    (state == State::Quoted).then_some(opened)
}

/// Reads CSV (`,`) or TSV (tab). A file whose first row names no English and Chinese columns
/// but holds Chinese in its second column is read as headerless `english, chinese[, note]`
/// (an OmegaT glossary, a two-column list); its further columns are kept as `column 4`,
/// `column 5`…
pub(crate) fn read_delimited<R: Read>(path: &Path, mut reader: R, delimiter: u8) -> Result<Imported, ImportError> {
    let format = |line: u64, message: String| ImportError::Format { path: PathBuf::from(path), line, message };
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes).map_err(|source| ImportError::Io { path: path.to_path_buf(), source })?;
    let quoting = delimiter == b',';
    if let Some(line) = unclosed_quote(&bytes, delimiter).filter(|_| quoting) {
        let message = "a quoted cell opens here and never closes, which would take the rest of the file into \
                       it; close it with `\"`, or write a quote inside a quoted cell as `\"\"`";
        return Err(format(line, message.into()));
    }
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .quoting(quoting)
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(bytes.as_slice());
    let records = rdr
        .records()
        .map(|r| r.map_err(|e| format(e.position().map_or(0, |p| p.line()), csv_message(&e))))
        .collect::<Result<Vec<_>, _>>()?;
    let Some(first) = records.first() else {
        return read_records(path, csv::StringRecord::new(), &[]);
    };
    let named = |names: &[&str]| first.iter().any(|h| names.contains(&header_name(h).as_str()));
    let headerless = !(named(ENGLISH) && named(CHINESE))
        && first.len() >= 2
        && first.get(1).is_some_and(|z| z.chars().any(crate::text::is_cjk));
    if headerless {
        let width = records.iter().map(csv::StringRecord::len).max().unwrap_or(0);
        let names: Vec<String> = ["english", "chinese", "note"]
            .into_iter()
            .map(String::from)
            .chain((4..=width).map(|n| format!("column {n}")))
            .take(width)
            .collect();
        read_records(path, csv::StringRecord::from(names), &records)
    } else {
        read_records(path, first.clone(), &records[1..])
    }
}

/// Where each column termbridge knows is, by header name.
struct Layout {
    english: usize,
    chinese: usize,
    abbreviation: Option<usize>,
    variants: Option<usize>,
    category: Option<usize>,
    frequency: Option<usize>,
    score: Option<usize>,
    confidence: Option<usize>,
    method: Option<usize>,
    source: Option<usize>,
    context: Option<usize>,
    note: Option<usize>,
    /// The other named columns: index and name as written.
    extra: Vec<(usize, String)>,
}

impl Layout {
    /// The layout a header row gives; an error for a header without an English or a Chinese
    /// column, or with two columns of one name.
    fn of(headers: &csv::StringRecord, format: impl Fn(u64, String) -> ImportError) -> Result<Layout, ImportError> {
        let names: Vec<String> = headers.iter().map(header_name).collect();
        let mut first_of: HashMap<&str, usize> = HashMap::with_capacity(names.len());
        for (j, name) in names.iter().enumerate().filter(|(_, n)| !n.is_empty()) {
            if let Some(&i) = first_of.get(name.as_str()) {
                let message = format!(
                    "column {}: a second column named `{}` (the first is column {}); give each column its own name",
                    j + 1,
                    headers.get(j).unwrap_or(name).trim(),
                    i + 1
                );
                return Err(format(1, message));
            }
            first_of.insert(name, j);
        }
        // the first name of the list that the header has: `english` wins over `source`
        let find = |list: &[&str], not: &[usize]| {
            list.iter().find_map(|want| names.iter().position(|n| n == want).filter(|i| !not.contains(i)))
        };
        let (Some(english), Some(chinese)) = (find(ENGLISH, &[]), find(CHINESE, &[])) else {
            return Err(format(1, "needs an `english` and a `chinese` column in its header row".into()));
        };
        let taken = [english, chinese];
        let col = |n: &str| find(&[n], &taken);
        let mut layout = Layout {
            english,
            chinese,
            abbreviation: find(&["abbreviation", "acronym", "abbr"], &taken),
            variants: find(&["variants", "aliases", "synonyms"], &taken),
            category: col("category"),
            frequency: col("frequency"),
            score: col("score"),
            confidence: col("confidence"),
            method: col("method"),
            source: col("source"),
            context: col("context"),
            note: find(NOTE, &taken),
            extra: Vec::new(),
        };
        let known = layout.known();
        layout.extra = (headers.iter().enumerate())
            .filter(|(i, h)| !known.contains(i) && !header_name(h).is_empty())
            .map(|(i, h)| (i, cell(h.trim_start_matches('\u{feff}'))))
            .collect();
        Ok(layout)
    }

    fn known(&self) -> Vec<usize> {
        let optional = [
            self.abbreviation,
            self.variants,
            self.category,
            self.frequency,
            self.score,
            self.confidence,
            self.method,
            self.source,
            self.context,
            self.note,
        ];
        [self.english, self.chinese].into_iter().chain(optional.into_iter().flatten()).collect()
    }

    /// A cell this layout would not keep, if the row has one: under a column with no name,
    /// or beyond the header's columns.
    fn unkept(&self, rec: &csv::StringRecord, headers: &csv::StringRecord) -> Option<(usize, &'static str)> {
        rec.iter().enumerate().filter(|(_, c)| !c.is_empty()).find_map(|(i, _)| match headers.get(i) {
            None => Some((i, "beyond the columns the header row names; name its column")),
            Some(h) if header_name(h).is_empty() => Some((i, "under a column with no name; name it in the header row")),
            _ => None,
        })
    }
}

fn read_records(
    path: &Path,
    headers: csv::StringRecord,
    records: &[csv::StringRecord],
) -> Result<Imported, ImportError> {
    let format = |line: u64, message: String| ImportError::Format { path: PathBuf::from(path), line, message };
    let layout = Layout::of(&headers, format)?;
    let mut entries = Vec::new();
    for rec in records {
        let line = rec.position().map_or(0, |p| p.line());
        if let Some((i, why)) = layout.unkept(rec, &headers) {
            return Err(format(line, format!("column {}: a cell {why}", i + 1)));
        }
        // a cell neutralised against spreadsheet formulas reads back as written
        let get = |c: Option<usize>| cell(c.and_then(|c| rec.get(c)).unwrap_or(""));
        let english = get(Some(layout.english));
        if english.is_empty() {
            if rec.iter().any(|c| !c.is_empty()) {
                let message = format!(
                    "column {}: the English is empty, but the row holds other cells; fill it in or delete the row",
                    layout.english + 1
                );
                return Err(format(line, message));
            }
            continue;
        }
        entries.push(entry(&layout, english, get, |column, value, want| {
            format(line, format!("column `{column}`: {value:?} is not {want}"))
        })?);
    }
    Ok(Imported { glossary: Glossary { entries, sources: Vec::new() }, has_category: layout.category.is_some() })
}

/// One row's entry; `bad` makes the error for a cell that cannot be read.
fn entry(
    layout: &Layout,
    english: String,
    get: impl Fn(Option<usize>) -> String,
    bad: impl Fn(&str, &str, &str) -> ImportError,
) -> Result<Entry, ImportError> {
    let category = match get(layout.category).as_str() {
        "" | "term" => Category::Term,
        "abbreviation" => Category::Abbreviation,
        "name" => Category::Name,
        other => return Err(bad("category", other, "one of term, abbreviation, name")),
    };
    let frequency = match get(layout.frequency).as_str() {
        "" => 0,
        f => f.parse().map_err(|_| bad("frequency", f, "a whole number"))?,
    };
    // an empty cell, or a number from 0 to 1, to the two decimals the column is written with
    // (0.999 reads as 1.00, so that what is read writes back and reads again the same)
    let fraction = |column: &str, cell: String| match cell.as_str() {
        "" => Ok(None),
        c => c
            .parse::<f32>()
            .ok()
            .filter(|x| (0.0..=1.0).contains(x))
            .map(|x| Some((x * FRACTION_STEPS).round() / FRACTION_STEPS))
            .ok_or_else(|| bad(column, c, "a number from 0 to 1")),
    };
    let confidence = fraction("confidence", get(layout.confidence))?;
    let score = fraction("score", get(layout.score))?;
    let method = match get(layout.method).as_str() {
        "" => None,
        "parenthesis" => Some(Method::Parenthesis),
        "apposition" => Some(Method::Apposition),
        "reference" => Some(Method::Reference),
        "composed" => Some(Method::Composed),
        other => return Err(bad("method", other, "one of parenthesis, apposition, reference, composed")),
    };
    Ok(Entry {
        english,
        chinese: split(&get(Some(layout.chinese))),
        abbreviation: Some(get(layout.abbreviation)).filter(|a| !a.is_empty()),
        variants: split(&get(layout.variants)),
        category,
        frequency,
        score,
        confidence,
        method,
        source: get(layout.source),
        context: get(layout.context),
        note: get(layout.note),
        suggested: None,
        extra: layout.extra.iter().map(|(i, h)| (h.clone(), get(Some(*i)))).collect(),
        occurrences: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_round_trip() {
        let extractor = crate::Extractor::builder().build().unwrap();
        let g = extractor.extract("我们比较了检索增强生成（Retrieval-Augmented Generation，RAG）和微调。RAG 很有效。");
        let mut out = Vec::new();
        g.write_csv(&mut out).unwrap();
        let back = Glossary::from_csv_reader("g.csv", out.as_slice()).unwrap();
        let mut again = Vec::new();
        back.write_csv(&mut again).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), String::from_utf8(again).unwrap());
    }

    #[test]
    fn fractions_read_to_the_decimals_they_are_written_with() {
        let table: &[(&str, f32)] = &[("0.999", 1.0), ("0.83", 0.83), ("0.834", 0.83), ("0", 0.0), ("1", 1.0)];
        for (cell, want) in table {
            let csv = format!("english,chinese,score,confidence\nx,甲,{cell},{cell}\n");
            let g = Glossary::from_csv_reader("g.csv", csv.as_bytes()).unwrap();
            let e = g.get("x").unwrap();
            assert_eq!((e.score, e.confidence), (Some(*want), Some(*want)), "{cell}");
            let mut out = Vec::new();
            g.write_csv(&mut out).unwrap();
            assert_eq!(Glossary::from_csv_reader("back.csv", out.as_slice()).unwrap(), g, "{cell}");
        }
    }

    #[test]
    fn bad_cells_name_line_and_column() {
        let table: &[(&str, &str)] = &[
            (
                "english,chinese,frequency\nx,甲,1\ny,乙,many\n",
                "g.csv:3: column `frequency`: \"many\" is not a whole number",
            ),
            (
                "english,chinese,category\nx,甲,thing\n",
                "g.csv:2: column `category`: \"thing\" is not one of term, abbreviation, name",
            ),
            (
                "english,chinese,confidence\nx,甲,1.5\n",
                "g.csv:2: column `confidence`: \"1.5\" is not a number from 0 to 1",
            ),
        ];
        for (csv, want) in table {
            let err = Glossary::from_csv_reader("g.csv", csv.as_bytes()).unwrap_err();
            assert_eq!(err.to_string(), *want);
        }
    }

    #[test]
    fn invalid_utf8_names_line_and_column() {
        let err = Glossary::from_csv_reader("g.csv", &b"english,chinese\nx,\xff\xfe\n"[..]).unwrap_err();
        assert_eq!(err.to_string(), "g.csv:2: column 2: not valid UTF-8; save the file as UTF-8");
    }

    #[test]
    fn termbase_files_in_other_encodings() {
        let dir = tempfile::tempdir().unwrap();
        let text = "english,chinese,note\noverfitting,过拟合,常见\n";
        let utf16le: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let utf16be: Vec<u8> = [0xFE, 0xFF].into_iter().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect();
        let table: &[(&str, Vec<u8>)] = &[
            ("utf8.csv", text.as_bytes().to_vec()),
            ("bom.csv", [b"\xef\xbb\xbf".as_slice(), text.as_bytes()].concat()),
            ("gbk.csv", encoding_rs::GB18030.encode(text).0.into_owned()),
            ("utf16le.csv", utf16le),
            ("utf16be.csv", utf16be),
        ];
        for (name, bytes) in table {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).unwrap();
            let g = Glossary::from_path(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
            let e = g.get("overfitting").unwrap_or_else(|| panic!("{name}: {g:?}"));
            assert_eq!((e.chinese.as_slice(), e.note.as_str()), (&["过拟合".to_string()][..], "常见"), "{name}");
        }
        // neither UTF-8 nor GB18030: the error names the line and byte and says what to do
        let path = dir.path().join("bad.csv");
        std::fs::write(&path, b"english,chinese\nx,\xff\xff\xff\n").unwrap();
        let err = Glossary::from_path(&path).unwrap_err().to_string();
        assert!(err.starts_with(&format!("{}:2: not valid UTF-8 at byte 18", path.display())), "{err}");
        assert!(err.ends_with("save the file as UTF-8"), "{err}");
    }
}
