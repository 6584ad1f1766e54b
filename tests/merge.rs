//! Folding new extractions into an edited termbase (`Glossary::update`, `termbridge merge`):
//! nothing a person wrote is lost.

use proptest::prelude::*;
use std::process::Command;
use termbridge::Glossary;

fn glossary(csv: &str) -> Glossary {
    Glossary::from_csv_reader("g.csv", csv.as_bytes()).unwrap()
}

fn csv_of(rows: &[(String, String, String, String)]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["english", "chinese", "note", "status"]).unwrap();
    for (en, zh, note, status) in rows {
        w.write_record([en, zh, note, status]).unwrap();
    }
    String::from_utf8(w.into_inner().unwrap()).unwrap()
}

fn row() -> impl Strategy<Value = (String, String, String, String)> {
    (
        prop::sample::select(vec![
            "dropout",
            "Dropout",
            "attention",
            "attentions",
            "fine-tuning",
            "fine tuning",
            "LLM",
            "large language model",
            "RAG",
            "GPT-4",
            "GPT-4o",
            "token",
            "tokens",
            "embedding",
        ]),
        prop::sample::select(vec!["", "暂退法", "注意力", "微调", "大语言模型|大模型", "词元", "嵌入"]),
        prop::sample::select(vec!["", "人工确认", "see chapter 3", "=formula", "备注, with comma"]),
        prop::sample::select(vec!["", "", "deleted", "approved"]),
    )
        .prop_map(|(e, z, n, s)| (e.to_string(), z.to_string(), n.to_string(), s.to_string()))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    /// Every row of the termbase survives with its English, its notes, its status and its
    /// first Chinese; every new English form ends up somewhere.
    #[test]
    fn merging_never_drops_a_key_or_a_note(old in prop::collection::vec(row(), 0..8), new in prop::collection::vec(row(), 0..8)) {
        let mut termbase = glossary(&csv_of(&old));
        let before = termbase.entries().to_vec();
        let incoming = glossary(&csv_of(&new));
        termbase.update(incoming.clone());
        for b in &before {
            // the row is still there: its English, its note and other columns (empty ones may
            // be filled), its first Chinese
            let after = termbase.entries().iter().find(|e| {
                e.english == b.english
                    && (b.note.is_empty() || e.note == b.note)
                    && b.extra.iter().filter(|(_, v)| !v.is_empty()).all(|(k, v)| e.extra.get(k) == Some(v))
                    && (b.chinese.is_empty() || e.chinese.first() == b.chinese.first())
            });
            prop_assert!(after.is_some(), "lost {:?}", b);
        }
        for n in incoming.entries() {
            prop_assert!(termbase.get(&n.english).is_some(), "new {} is missing", n.english);
        }
        // and the result survives a CSV round trip
        let mut out = Vec::new();
        termbase.write_csv(&mut out).unwrap();
        let back = Glossary::from_csv_reader("out.csv", out.as_slice()).unwrap();
        prop_assert_eq!(back.entries(), termbase.entries());
    }
}

#[test]
fn a_persons_work_is_kept() {
    let old = "english,chinese,variants,note,status,reviewer\n\
               dropout,丢弃法,,我们统一用丢弃法,,lin\n\
               LLM,大模型,,,deleted,lin\n\
               my own term,我的术语,,人工添加,,\n";
    let new = "english,chinese,variants,frequency,context\n\
               Dropout,暂退法,drop-out,4,训练时使用暂退法。\n\
               large language model,大语言模型,LLM,9,大语言模型很流行。\n\
               attention,注意力,,2,注意力机制。\n";
    let mut g = glossary(old);
    g.update(glossary(new));
    let dropout = g.get("dropout").unwrap();
    assert_eq!(dropout.chinese, ["丢弃法", "暂退法"]);
    assert_eq!(dropout.variants, ["Dropout", "drop-out"]);
    assert_eq!((dropout.note.as_str(), dropout.frequency), ("我们统一用丢弃法", 4));
    assert_eq!(dropout.extra.get("reviewer").map(String::as_str), Some("lin"));
    assert_eq!(dropout.context, "训练时使用暂退法。");
    // the deleted row absorbs its new extraction and stays deleted
    let llm = g.get("LLM").unwrap();
    assert!(llm.is_deleted());
    assert_eq!(
        g.entries()
            .iter()
            .filter(|e| e.english == "LLM"
                || e.abbreviation.as_deref() == Some("LLM")
                || e.variants.iter().any(|v| v == "LLM"))
            .count(),
        1
    );
    assert!(g.get("my own term").is_some());
    assert_eq!(g.get("attention").unwrap().chinese, ["注意力"]);
}

#[test]
fn merge_command() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("termbase.csv");
    std::fs::write(&old, "english,chinese,note,status\ndropout,丢弃法,我们的译法,\nLLM,大模型,,deleted\n").unwrap();
    let text = dir.path().join("new.md");
    std::fs::write(
        &text,
        "训练时使用暂退法（dropout）。大语言模型（LLM）很流行。注意力机制（attention mechanism）也是。\n",
    )
    .unwrap();
    let new = dir.path().join("new.csv");
    let bin = env!("CARGO_BIN_EXE_termbridge");
    let run = |args: &[&std::ffi::OsStr]| Command::new(bin).args(args).output().unwrap();
    let out = run(&["extract".as_ref(), text.as_os_str(), "-o".as_ref(), new.as_os_str()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let merged = dir.path().join("merged.csv");
    let out = run(&["merge".as_ref(), old.as_os_str(), new.as_os_str(), "-o".as_ref(), merged.as_os_str()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let g = Glossary::from_path(&merged).unwrap();
    assert_eq!(g.get("dropout").unwrap().chinese, ["丢弃法", "暂退法"]);
    assert_eq!(g.get("dropout").unwrap().note, "我们的译法");
    assert!(g.get("LLM").unwrap().is_deleted());
    assert_eq!(g.get("attention mechanism").unwrap().chinese, ["注意力机制"]);
    // tools' formats leave the tombstone out
    let out = run(&["merge".as_ref(), old.as_os_str(), new.as_os_str(), "-f".as_ref(), "deepl".as_ref()]);
    let tsv = String::from_utf8(out.stdout).unwrap();
    assert!(tsv.contains("dropout\t丢弃法") && !tsv.contains("LLM"), "{tsv}");
    // a termbase that cannot be read is an error naming it
    let out = run(&["merge".as_ref(), dir.path().join("none.csv").as_os_str(), new.as_os_str()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("none.csv"));
}

/// A termbase whose unknown columns are neither in name order nor all filled on any row.
const ORDERED: &str = "english,zeta,chinese,alpha,note,status,mid\n\
                       dropout,,丢弃法,a1,我们的译法,,m1\n\
                       attention,z2,注意力,,,,\n\
                       LLM,z3,大模型,a3,,deleted,\n\
                       tokenizer,,分词器,,,,m4\n";
const ORDER: [&str; 4] = ["zeta", "alpha", "status", "mid"];

/// The header and the rows of a CSV, each row by column name.
fn table(csv: &[u8]) -> (Vec<String>, Vec<std::collections::HashMap<String, String>>) {
    let mut r = csv::Reader::from_reader(csv);
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    let rows =
        r.records().map(|rec| header.iter().cloned().zip(rec.unwrap().iter().map(String::from)).collect()).collect();
    (header, rows)
}

/// Every cell of the unknown columns of `ORDERED`, found again in `rows` on the row of its
/// English.
fn assert_cells_kept(rows: &[std::collections::HashMap<String, String>]) {
    let (_, want) = table(ORDERED.as_bytes());
    for w in &want {
        let got = rows.iter().find(|r| r["english"] == w["english"]).unwrap_or_else(|| panic!("lost {w:?}"));
        for column in ORDER {
            assert_eq!(got[column], w[column], "{column} of {}", w["english"]);
        }
        assert_eq!(got["note"], w["note"]);
    }
}

#[test]
fn unknown_columns_keep_their_order_through_import_and_write() {
    let g = glossary(ORDERED);
    assert_eq!(g.extra_columns(), ORDER);
    let mut out = Vec::new();
    g.write_csv(&mut out).unwrap();
    let (header, rows) = table(&out);
    assert_eq!(header[11..], ORDER, "{header:?}");
    assert_cells_kept(&rows);
    // and again: written, read, written gives the same bytes
    let mut again = Vec::new();
    glossary(std::str::from_utf8(&out).unwrap()).write_csv(&mut again).unwrap();
    assert_eq!(String::from_utf8(again).unwrap(), String::from_utf8(out).unwrap());
}

#[test]
fn unknown_columns_keep_their_order_through_merge() {
    let dir = tempfile::tempdir().unwrap();
    let termbase = dir.path().join("termbase.csv");
    std::fs::write(&termbase, ORDERED).unwrap();
    // a new glossary with a column of its own, and a row that fills an empty cell
    let new = dir.path().join("new.csv");
    std::fs::write(
        &new,
        "english,chinese,frequency,reviewer,mid\nDropout,暂退法,3,lin,\nattention,注意力机制,2,,m2\nembedding,嵌入,5,wang,m5\n",
    )
    .unwrap();
    let merged = dir.path().join("merged.csv");
    let bin = env!("CARGO_BIN_EXE_termbridge");
    let out = Command::new(bin)
        .args(["merge".as_ref(), termbase.as_os_str(), new.as_os_str(), "-o".as_ref(), merged.as_os_str()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let bytes = std::fs::read(&merged).unwrap();
    let (header, rows) = table(&bytes);
    assert_eq!(header[11..], ["zeta", "alpha", "status", "mid", "reviewer"], "{header:?}");
    let row = |english: &str| rows.iter().find(|r| r["english"] == english).unwrap();
    // the termbase's cells are kept; an empty one takes the new value
    assert_eq!(row("attention")["mid"], "m2");
    assert_eq!(row("dropout")["reviewer"], "lin");
    assert_eq!(row("embedding")["mid"], "m5");
    let mut filled: Vec<_> = rows.clone();
    filled.iter_mut().find(|r| r["english"] == "attention").unwrap().insert("mid".into(), String::new());
    assert_cells_kept(&filled);

    // merging the result again changes nothing in the columns
    let again = Command::new(bin).args(["merge".as_ref(), merged.as_os_str(), new.as_os_str()]).output().unwrap();
    assert!(again.status.success());
    assert_eq!(table(&again.stdout).0, header);

    // JSON writes each entry's columns in the same order
    let json = Command::new(bin)
        .args(["merge".as_ref(), termbase.as_os_str(), new.as_os_str(), "-f".as_ref(), "json".as_ref()])
        .output()
        .unwrap();
    let json = String::from_utf8(json.stdout).unwrap();
    let llm = &json[json.find("\"english\": \"LLM\"").unwrap()..];
    let llm = &llm[llm.find("\"extra\"").unwrap()..llm.find("\"occurrences\"").unwrap()];
    let at: Vec<usize> = ORDER.iter().map(|c| llm.find(&format!("\"{c}\"")).unwrap()).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{llm}");
}
