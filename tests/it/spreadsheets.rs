//! The formats people and tools open as tables: XLSX, CSV with a byte-order mark for
//! Excel, OmegaT TSV and DeepL in either direction.

use std::io::Read;
use std::path::Path;
use std::process::Command;
use termbridge::{Direction, Format, Glossary, WriteOptions};

const TEXT: &str = "我们比较了检索增强生成（Retrieval-Augmented Generation，RAG）与微调。RAG 很有效。\
    过拟合（overfitting）很常见。";

fn run(args: &[&str], dir: &Path) -> (i32, Vec<u8>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_termbridge")).args(args).current_dir(dir).output().unwrap();
    (out.status.code().unwrap(), out.stdout, String::from_utf8_lossy(&out.stderr).into_owned())
}

fn in_dir(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), text).unwrap();
    dir
}

/// A part of the XLSX archive, as text.
fn part(xlsx: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
    let mut text = String::new();
    archive.by_name(name).unwrap().read_to_string(&mut text).unwrap();
    text
}

#[test]
fn xlsx_holds_the_csv_columns_with_a_frozen_filtered_header() {
    let dir = in_dir(TEXT);
    let (code, _, err) = run(&["extract", "-q", "a.txt", "-f", "xlsx", "-o", "g.xlsx"], dir.path());
    assert_eq!(code, 0, "{err}");
    let xlsx = std::fs::read(dir.path().join("g.xlsx")).unwrap();
    let strings = part(&xlsx, "xl/sharedStrings.xml");
    for cell in termbridge::CSV_HEADER.iter().chain(&["Retrieval-Augmented Generation", "检索增强生成", "过拟合"])
    {
        assert!(strings.contains(&format!(">{cell}<")), "{cell} in {strings}");
    }
    let sheet = part(&xlsx, "xl/worksheets/sheet1.xml");
    assert!(
        sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"),
        "{sheet}"
    );
    let rows = 1 + Glossary::from_path(&write_csv(dir.path())).unwrap().len();
    assert!(sheet.contains(&format!("<autoFilter ref=\"A1:L{rows}\"/>")), "{sheet}");
    // the Chinese column is sized for its characters, counted twice
    let width = |col: usize| -> f64 {
        let attr = |element: &str, name: &str| -> String {
            let at = element.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
            element[at..].split('"').next().unwrap().to_string()
        };
        let cols = sheet.split("<col ").skip(1).map(|c| c.split("/>").next().unwrap());
        let mut found = cols
            .filter(|c| (attr(c, "min").parse::<usize>().unwrap()..=attr(c, "max").parse().unwrap()).contains(&col));
        found.next().map(|c| attr(c, "width").parse().unwrap()).unwrap_or_else(|| panic!("column {col} in {sheet}"))
    };
    assert!(width(2) >= 12.0, "chinese column {}", width(2));
    assert!(width(1) >= 30.0, "english column {}", width(1));
}

/// openpyxl (what Python programs and many import scripts read workbooks with) reads the
/// XLSX back with the rows of the CSV, cell by cell, header included. Skipped with a note
/// where openpyxl is missing, unless the checks are required.
#[test]
fn openpyxl_reads_the_xlsx_back_with_the_csvs_rows() {
    if !super::validators::python_has("openpyxl", "openpyxl") {
        return;
    }
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let fixture = fixture.to_str().unwrap();
    let (code, _, err) = run(&["extract", "-q", fixture, "-f", "xlsx", "-o", "g.xlsx"], d);
    assert_eq!(code, 0, "{err}");
    let (code, csv, err) = run(&["extract", "-q", fixture, "--raw"], d);
    assert_eq!(code, 0, "{err}");
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(csv.as_slice());
    let want: Vec<Vec<String>> = reader.records().map(|r| r.unwrap().iter().map(String::from).collect()).collect();
    let script = "import sys, json, openpyxl\nsheet = openpyxl.load_workbook(sys.argv[1]).active\n\
                  rows = [['' if c is None else str(c) for c in row] for row in sheet.iter_rows(values_only=True)]\n\
                  print(json.dumps(rows, ensure_ascii=False))\n";
    let out = Command::new("python3").args(["-c", script]).arg(d.join("g.xlsx")).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let got: Vec<Vec<String>> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(want.len() > 300, "{} rows", want.len());
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(&want) {
        assert_eq!(g, w);
    }
}

fn write_csv(dir: &Path) -> std::path::PathBuf {
    let (code, _, err) = run(&["extract", "-q", "a.txt", "-o", "g.csv"], dir);
    assert_eq!(code, 0, "{err}");
    dir.join("g.csv")
}

#[test]
fn xlsx_to_a_pipe_is_the_workbooks_bytes() {
    let dir = in_dir(TEXT);
    let (code, out, _) = run(&["extract", "-q", "a.txt", "-f", "xlsx"], dir.path());
    assert_eq!(code, 0);
    assert!(out.starts_with(b"PK\x03\x04"));
    assert!(part(&out, "xl/sharedStrings.xml").contains("过拟合"));
}

#[test]
fn csv_with_bom_reads_back_the_same() {
    let dir = in_dir(TEXT);
    let (_, plain, _) = run(&["extract", "-q", "a.txt"], dir.path());
    let (code, bom, err) = run(&["extract", "-q", "a.txt", "--bom", "-o", "bom.csv"], dir.path());
    assert_eq!(code, 0, "{err}");
    assert!(bom.is_empty());
    let written = std::fs::read(dir.path().join("bom.csv")).unwrap();
    assert_eq!(written[..3], *b"\xEF\xBB\xBF");
    assert_eq!(written[3..], plain[..]);
    let read = Glossary::from_path(&dir.path().join("bom.csv")).unwrap();
    let plain = Glossary::from_csv_reader("plain.csv", &plain[..]).unwrap();
    assert_eq!(read.entries(), plain.entries());
    let (code, _, err) = run(&["extract", "-q", "a.txt", "--bom", "-f", "tbx"], dir.path());
    assert_eq!(code, 2);
    assert!(err.contains("--bom is for CSV"), "{err}");
}

fn glossary(csv: &str) -> Glossary {
    Glossary::from_csv_reader("g.csv", csv.as_bytes()).unwrap()
}

fn write(g: &Glossary, format: Format, direction: Direction) -> String {
    let mut out = Vec::new();
    g.write(format, WriteOptions { direction, ..WriteOptions::default() }, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn zh_en_swaps_the_columns() {
    let g = glossary("english,chinese,abbreviation\nlarge language model,大语言模型|大模型,LLM\nbig model,大模型,\n");
    assert_eq!(
        write(&g, Format::Tsv, Direction::ZhEn),
        "大语言模型\tlarge language model\tabbr: LLM\n大模型\tlarge language model\tabbr: LLM\n\
         大语言模型\tLLM\tabbr: LLM\n大模型\tLLM\tabbr: LLM\n大模型\tbig model\t\n"
    );
    assert_eq!(
        write(&g, Format::Deepl, Direction::EnZh),
        "large language model\t大语言模型\nLLM\t大语言模型\nbig model\t大模型\n"
    );
    // sources unique after the swap: 大模型 keeps its first English
    assert_eq!(
        write(&g, Format::Deepl, Direction::ZhEn),
        "大语言模型\tlarge language model\n大模型\tlarge language model\n"
    );
}

#[test]
fn an_empty_deepl_glossary_is_an_error() {
    let g = glossary("english,chinese\nbare,\n");
    let err = g.write(Format::Deepl, WriteOptions::default(), Vec::new()).unwrap_err().to_string();
    assert!(err.contains("DeepL refuses an empty glossary"), "{err}");
    let dir = in_dir("我们用 Python 和 Rust 写代码。");
    let (code, out, err) = run(&["extract", "-q", "a.txt", "-f", "deepl", "-o", "g.tsv"], dir.path());
    assert_eq!(code, 2, "{out:?}");
    assert!(err.contains("nothing to write as a DeepL glossary"), "{err}");
    assert!(!dir.path().join("g.tsv").exists());
}
