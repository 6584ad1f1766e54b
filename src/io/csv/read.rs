//! Reading glossaries back: termbridge's own CSV, or any CSV with `english` and `chinese`
//! columns, as translators' termbases often are.

use super::unneutralise;
use crate::model::{Category, Entry, Glossary, Method};
use crate::ImportError;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Header names accepted for each column (case-insensitive).
const ENGLISH: &[&str] = &["english", "en", "en-us", "en_us", "source", "term", "source_term", "source term"];
const CHINESE: &[&str] =
    &["chinese", "zh", "zh-cn", "zh_cn", "zh-hans", "target", "target_term", "target term", "translation"];

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

pub(crate) fn read<R: Read>(path: &Path, reader: R) -> Result<Imported, ImportError> {
    read_delimited(path, reader, b',')
}

/// Reads CSV (`,`) or TSV (tab). A file whose first row names no `english` and `chinese`
/// columns but holds Chinese in its second column is read as headerless
/// `english, chinese[, note]` (an OmegaT glossary, a two-column list).
pub(crate) fn read_delimited<R: Read>(path: &Path, reader: R, delimiter: u8) -> Result<Imported, ImportError> {
    let format = |line: u64, message: String| ImportError::Format { path: PathBuf::from(path), line, message };
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .quoting(delimiter == b',')
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(reader);
    let mut records = rdr.records();
    let first = match records.next() {
        Some(r) => r.map_err(|e| format(1, csv_message(&e)))?,
        None => csv::StringRecord::new(),
    };
    let named = |names: &[&str]| {
        first.iter().any(|h| names.contains(&h.trim_start_matches('\u{feff}').to_lowercase().as_str()))
    };
    let headerless = !(named(ENGLISH) && named(CHINESE))
        && first.len() >= 2
        && first.get(1).is_some_and(|z| z.chars().any(crate::text::is_cjk));
    let (headers, pending) = if headerless {
        let mut h = csv::StringRecord::from(vec!["english", "chinese", "note"]);
        h.truncate(first.len().min(3));
        (h, Some(first))
    } else {
        (first, None)
    };
    let rows = pending.into_iter().map(Ok).chain(records);
    read_records(path, headers, rows)
}

fn read_records(
    path: &Path,
    headers: csv::StringRecord,
    records: impl Iterator<Item = Result<csv::StringRecord, csv::Error>>,
) -> Result<Imported, ImportError> {
    let format = |line: u64, message: String| ImportError::Format { path: PathBuf::from(path), line, message };
    let find = |names: &[&str]| {
        headers.iter().position(|h| names.contains(&h.trim_start_matches('\u{feff}').to_lowercase().as_str()))
    };
    let (Some(en), Some(zh)) = (find(ENGLISH), find(CHINESE)) else {
        return Err(format(1, "needs an `english` and a `chinese` column in its header row".into()));
    };
    let col = |n: &str| find(&[n]);
    let (abbr, variants, category, frequency, confidence, method, source, context, note) = (
        find(&["abbreviation", "acronym", "abbr"]),
        find(&["variants", "aliases", "synonyms"]),
        col("category"),
        col("frequency"),
        col("confidence"),
        col("method"),
        col("source"),
        col("context"),
        find(&["note", "notes", "comment", "comments"]),
    );
    let known: Vec<usize> =
        [Some(en), Some(zh), abbr, variants, category, frequency, confidence, method, source, context, note]
            .into_iter()
            .flatten()
            .collect();
    let extra_columns: Vec<(usize, String)> = headers
        .iter()
        .enumerate()
        .filter(|(i, h)| !known.contains(i) && !h.is_empty())
        .map(|(i, h)| (i, cell(h.trim_start_matches('\u{feff}'))))
        .collect();
    let mut entries = Vec::new();
    for rec in records {
        let rec = rec.map_err(|e| format(e.position().map_or(0, |p| p.line()), csv_message(&e)))?;
        let line = rec.position().map_or(0, |p| p.line());
        // a cell neutralised against spreadsheet formulas reads back as written
        let get = |c: Option<usize>| cell(c.and_then(|c| rec.get(c)).unwrap_or(""));
        let english = get(Some(en));
        if english.is_empty() {
            continue;
        }
        let bad =
            |column: &str, value: &str, want: &str| format(line, format!("column `{column}`: {value:?} is not {want}"));
        let category = match get(category).as_str() {
            "" | "term" => Category::Term,
            "abbreviation" => Category::Abbreviation,
            "name" => Category::Name,
            other => return Err(bad("category", other, "one of term, abbreviation, name")),
        };
        let frequency = match get(frequency).as_str() {
            "" => 0,
            f => f.parse().map_err(|_| bad("frequency", f, "a whole number"))?,
        };
        let confidence = match get(confidence).as_str() {
            "" => None,
            c => Some(
                c.parse::<f32>()
                    .ok()
                    .filter(|c| (0.0..=1.0).contains(c))
                    .ok_or_else(|| bad("confidence", c, "a number from 0 to 1"))?,
            ),
        };
        let method = match get(method).as_str() {
            "" => None,
            "parenthesis" => Some(Method::Parenthesis),
            "apposition" => Some(Method::Apposition),
            "reference" => Some(Method::Reference),
            other => return Err(bad("method", other, "one of parenthesis, apposition, reference")),
        };
        entries.push(Entry {
            english,
            chinese: split(&get(Some(zh))),
            abbreviation: Some(get(abbr)).filter(|a| !a.is_empty()),
            variants: split(&get(variants)),
            category,
            frequency,
            confidence,
            method,
            source: get(source),
            context: get(context),
            note: get(note),
            extra: extra_columns.iter().map(|(i, h)| (h.clone(), get(Some(*i)))).collect(),
            occurrences: Vec::new(),
        });
    }
    Ok(Imported { glossary: Glossary { entries, sources: Vec::new() }, has_category: category.is_some() })
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
