//! Folding new extractions into an edited termbase (`Glossary::update`, `termbridge merge`):
//! nothing a person wrote is lost.

use proptest::prelude::*;
use std::collections::HashSet;
use std::process::Command;
use std::sync::OnceLock;
use termbridge::merge_key as key;
use termbridge::{Entry, Extractor, Glossary};

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

/// Glossed terms the extractions are made of: Chinese, English, acronym. Without Chinese,
/// the English stands alone. Some give notes (`suggested: 微调`, `reference: 过拟合`).
const GLOSSES: &[(&str, &str, &str)] = &[
    ("过度拟合", "overfitting", ""),
    ("", "fine-tuning", ""),
    ("检索增强生成", "Retrieval-Augmented Generation", "RAG"),
    ("大语言模型", "large language model", "LLM"),
    ("注意力机制", "attention mechanism", ""),
    ("随机梯度下降", "stochastic gradient descent", "SGD"),
    ("知识蒸馏", "knowledge distillation", ""),
    ("过拟合", "overfitting", ""),
    ("对比学习", "contrastive learning", ""),
    ("思维链", "chain of thought", "CoT"),
    ("强化学习", "reinforcement learning", "RL"),
    ("暂退法", "dropout", ""),
];

fn extractor() -> &'static Extractor {
    static E: OnceLock<Extractor> = OnceLock::new();
    E.get_or_init(|| Extractor::builder().build().unwrap())
}

/// The glossary extracted from a text glossing the terms `picks` (indices into `GLOSSES`),
/// each mentioned again on its own.
fn extraction(picks: &[usize]) -> Glossary {
    let mut text = String::new();
    for &i in picks {
        let (zh, en, abbr) = GLOSSES[i % GLOSSES.len()];
        if zh.is_empty() {
            text.push_str(&format!("我们用 {en} 的方法。\n"));
            continue;
        }
        let gloss = if abbr.is_empty() { en.to_string() } else { format!("{en}，{abbr}") };
        text.push_str(&format!(
            "我们在实验中使用了{zh}（{gloss}）。后文的 {} 都指它。\n",
            if abbr.is_empty() { en } else { abbr }
        ));
    }
    extractor().extract(&text)
}

/// What a person does to a termbase in a spreadsheet.
#[derive(Clone, Debug)]
enum Edit {
    /// Rewrites the Chinese of a row.
    Chinese(prop::sample::Index, &'static str),
    /// Writes a note.
    Note(prop::sample::Index, &'static str),
    /// Adds a row the extractions know nothing of.
    Row(&'static str, &'static str, &'static str),
    /// Marks a row deleted.
    Delete(prop::sample::Index),
    /// Fills a cell of a column of their own (added if new).
    Column(&'static str, prop::sample::Index, &'static str),
    /// Changes the case of a row's English: 0 lower, 1 upper, 2 first letter upper.
    Case(prop::sample::Index, u8),
    /// Turns the rows upside down.
    Reverse,
}

fn edit() -> impl Strategy<Value = Edit> {
    let index = any::<prop::sample::Index>;
    let chinese = || prop::sample::select(vec!["我的译法", "丢弃法|暂退法", "", "另一种 译法"]);
    let note =
        || prop::sample::select(vec!["人工确认", "=formula", "see \"chapter 3\", p. 7", "多行\n备注", "status: x"]);
    prop_oneof![
        (index(), chinese()).prop_map(|(i, z)| Edit::Chinese(i, z)),
        (index(), note()).prop_map(|(i, n)| Edit::Note(i, n)),
        (
            prop::sample::select(vec!["my own term", "gradient clipping", "Mixture of Experts", "warm-up"]),
            chinese(),
            note()
        )
            .prop_map(|(e, z, n)| Edit::Row(e, z, n)),
        index().prop_map(Edit::Delete),
        (
            prop::sample::select(vec!["reviewer", "zeta", "priority"]),
            index(),
            prop::sample::select(vec!["lin", "+1", "2024-01-01", ""]),
        )
            .prop_map(|(c, i, v)| Edit::Column(c, i, v)),
        (index(), 0u8..3).prop_map(|(i, m)| Edit::Case(i, m)),
        Just(Edit::Reverse),
    ]
}

/// `glossary` as CSV, edited by a person: the termbase.
fn edited(glossary: &Glossary, edits: &[Edit]) -> String {
    let mut out = Vec::new();
    glossary.write_csv(&mut out).unwrap();
    let mut reader = csv::Reader::from_reader(out.as_slice());
    let mut header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let mut rows: Vec<Vec<String>> = reader.records().map(|r| r.unwrap().iter().map(String::from).collect()).collect();
    let column = |header: &mut Vec<String>, rows: &mut Vec<Vec<String>>, name: &str| {
        header.iter().position(|h| h == name).unwrap_or_else(|| {
            header.push(name.to_string());
            rows.iter_mut().for_each(|r| r.push(String::new()));
            header.len() - 1
        })
    };
    let (en, zh, note) = (0, 1, 10);
    for e in edits {
        let n = rows.len();
        match e {
            Edit::Chinese(i, z) if n > 0 => rows[i.index(n)][zh] = z.to_string(),
            Edit::Note(i, t) if n > 0 => rows[i.index(n)][note] = t.to_string(),
            Edit::Row(english, z, t) => {
                let mut row = vec![String::new(); header.len()];
                (row[en], row[zh], row[note]) = (english.to_string(), z.to_string(), t.to_string());
                row[4] = "term".into();
                row[5] = "0".into();
                rows.push(row);
            }
            Edit::Delete(i) if n > 0 => {
                let c = column(&mut header, &mut rows, "status");
                rows[i.index(n)][c] = "deleted".into();
            }
            Edit::Column(name, i, v) if n > 0 => {
                let c = column(&mut header, &mut rows, name);
                rows[i.index(n)][c] = v.to_string();
            }
            Edit::Case(i, mode) if n > 0 => {
                let cell = &mut rows[i.index(n)][en];
                *cell = match mode {
                    0 => cell.to_lowercase(),
                    1 => cell.to_uppercase(),
                    _ => cell[..1].to_uppercase() + &cell[1..],
                };
            }
            Edit::Reverse => rows.reverse(),
            _ => {}
        }
    }
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(&header).unwrap();
    for r in &rows {
        w.write_record(r).unwrap();
    }
    String::from_utf8(w.into_inner().unwrap()).unwrap()
}

/// The keys of an entry's English forms.
fn keys(e: &Entry) -> HashSet<String> {
    e.forms().map(|f| key(f)).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

    /// An extracted glossary edited by a person, then new extractions merged into it: every row
    /// of the person's is still there, with their English, Chinese (first, in their order),
    /// note, columns and deletion; deleted concepts do not come back as new rows.
    #[test]
    fn merging_keeps_every_human_edit(
        first in prop::collection::vec(0..GLOSSES.len(), 1..6),
        edits in prop::collection::vec(edit(), 0..12),
        later in prop::collection::vec(prop::collection::vec(0..GLOSSES.len(), 1..6), 1..3),
    ) {
        let termbase_csv = edited(&extraction(&first), &edits);
        let mut termbase = glossary(&termbase_csv);
        let before = termbase.entries().to_vec();
        let news: Vec<Glossary> = later.iter().map(|picks| extraction(picks)).collect();
        for n in &news {
            termbase.update(n.clone());
        }
        let after = termbase.entries();
        prop_assert!(after.len() >= before.len());
        for b in &before {
            let kept = after.iter().any(|e| {
                e.english == b.english
                    && e.chinese.starts_with(&b.chinese)
                    && (b.note.is_empty() || e.note == b.note)
                    && b.extra.iter().filter(|(_, v)| !v.is_empty()).all(|(k, v)| e.extra.get(k) == Some(v))
                    && e.is_deleted() == b.is_deleted()
                    && e.category == b.category
                    && (b.abbreviation.is_none() || e.abbreviation == b.abbreviation)
                    && b.variants.iter().all(|v| e.variants.contains(v))
                    && e.frequency >= b.frequency
            });
            prop_assert!(kept, "lost or changed {:?}\ntermbase:\n{}\nafter: {:#?}", b, termbase_csv, after);
        }
        // a deleted concept is absorbed by its tombstone, never a new row
        let tombstones: Vec<HashSet<String>> = before.iter().filter(|b| b.is_deleted()).map(keys).collect();
        let old: HashSet<&str> = before.iter().map(|b| b.english.as_str()).collect();
        for e in after.iter().filter(|e| !old.contains(e.english.as_str())) {
            prop_assert!(!e.is_deleted());
            for t in &tombstones {
                prop_assert!(t.is_disjoint(&keys(e)), "{} came back as {:?}", termbase_csv, e);
            }
        }
        // every new English form is somewhere
        for n in news.iter().flat_map(|g| g.entries()) {
            prop_assert!(termbase.get(&n.english).is_some(), "new {} is missing", n.english);
        }
        // and the termbase survives a CSV round trip (occurrences are not in the CSV)
        let mut out = Vec::new();
        termbase.write_csv(&mut out).unwrap();
        let mut again = Vec::new();
        glossary(std::str::from_utf8(&out).unwrap()).write_csv(&mut again).unwrap();
        prop_assert_eq!(String::from_utf8(again).unwrap(), String::from_utf8(out).unwrap());
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

/// A termbase kept as TBX (`merge -f tbx -o termbase.tbx`) lost its tombstones: the deleted
/// row was left out of the TBX, and the next merge brought the term back.
#[test]
fn merging_into_a_termbase_kept_as_tbx_keeps_deleted_terms_out() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("termbase.csv");
    std::fs::write(&csv, "english,chinese,status\ndropout,丢弃法,\nLLM,大模型,deleted\n").unwrap();
    let new = dir.path().join("new.csv");
    std::fs::write(
        &new,
        "english,chinese,abbreviation,frequency\nlarge language model,大语言模型,LLM,4\ndropout,暂退法,,2\n",
    )
    .unwrap();
    let kept = dir.path().join("termbase.tbx");
    let bin = env!("CARGO_BIN_EXE_termbridge");
    let run = |args: &[&std::ffi::OsStr]| Command::new(bin).args(args).output().unwrap();
    let out = run(&[
        "merge".as_ref(),
        csv.as_os_str(),
        new.as_os_str(),
        "-f".as_ref(),
        "tbx".as_ref(),
        "-o".as_ref(),
        kept.as_os_str(),
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = run(&["merge".as_ref(), kept.as_os_str(), new.as_os_str()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let g = Glossary::from_csv_reader("merged.csv", out.stdout.as_slice()).unwrap();
    let llm: Vec<&Entry> = g.entries().iter().filter(|e| e.forms().any(|f| f == "LLM")).collect();
    assert_eq!(llm.len(), 1, "{llm:#?}");
    assert!(llm[0].is_deleted(), "{llm:#?}");
    assert!(!g.get("dropout").unwrap().is_deleted());
}

/// Merging the same glossary twice doubled its counts, and the result depended on the order
/// of the new glossaries.
#[test]
fn merging_a_glossary_again_does_not_double_its_counts() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, csv: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, csv).unwrap();
        path
    };
    let termbase = write("termbase.csv", "english,chinese,note,frequency\ndropout,丢弃法,我们的译法,2\n");
    let a = write("a.csv", "english,chinese,frequency,context\ndropout,暂退法,3,甲\nattention,注意力,5,乙\n");
    let b = write(
        "b.csv",
        "english,chinese,frequency,context\nDropout,随机失活,4,丙\nattention,关注,1,丁\ntoken,词元,2,戊\n",
    );
    let bin = env!("CARGO_BIN_EXE_termbridge");
    let merge = |args: &[&std::path::Path]| {
        let out = Command::new(bin).arg("merge").args(args).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let ab = merge(&[&termbase, &a, &b]);
    assert_eq!(merge(&[&termbase, &a, &b, &a]), ab);
    assert_eq!(merge(&[&termbase, &b, &a]), ab);
    let g = Glossary::from_csv_reader("ab.csv", ab.as_bytes()).unwrap();
    let dropout = g.get("dropout").unwrap();
    assert_eq!(dropout.frequency, 2 + 3 + 4);
    assert_eq!(dropout.extra["counts"], "a.csv: 3 | b.csv: 4");
    assert_eq!(dropout.note, "我们的译法");
    assert_eq!(g.get("attention").unwrap().frequency, 6);
    // kept, then merged with the same glossary again: nothing changes
    let kept = write("kept.csv", &ab);
    assert_eq!(merge(&[&kept, &a]).replace("kept.csv", "termbase.csv"), ab);
    // one glossary merged again after a change replaces what it contributed
    let a2 = write("a.csv", "english,chinese,frequency\ndropout,暂退法,10\n");
    let again = Glossary::from_csv_reader("again.csv", merge(&[&kept, &a2]).as_bytes()).unwrap();
    assert_eq!(again.get("dropout").unwrap().frequency, 2 + 10 + 4);
    assert_eq!(again.get("attention").unwrap().frequency, 1);
    // two glossaries of one name cannot be told apart: an error rather than a wrong count
    std::fs::create_dir(dir.path().join("other")).unwrap();
    let other = dir.path().join("other").join("a.csv");
    std::fs::write(&other, "english,chinese,frequency\nx,甲,1\n").unwrap();
    let out = Command::new(bin).arg("merge").args([&termbase, &a, &other]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("both named \"a.csv\""),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Regression (found by fuzzing): a header name with a control character in it (`con\0text`)
/// was read as a column of its own, written back without the character (`context`), and the
/// file written could not be read again: two columns named `context`.
#[test]
fn a_header_with_control_characters_is_read_as_it_is_written_back() {
    let csv = "english,chinese,con\u{0}\u{0}text,re\u{1b}viewer\ndropout,丢弃法,一句话,lin\n";
    let g = glossary(csv);
    assert_eq!(g.entries()[0].context, "一句话");
    assert_eq!(g.entries()[0].extra["reviewer"], "lin");
    let mut out = Vec::new();
    g.write_csv(&mut out).unwrap();
    let back = glossary(std::str::from_utf8(&out).unwrap());
    assert_eq!(back, g);
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
    assert_eq!(header[termbridge::CSV_HEADER.len()..], ORDER, "{header:?}");
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
    // the counts of each new glossary come last
    assert_eq!(
        header[termbridge::CSV_HEADER.len()..],
        ["zeta", "alpha", "status", "mid", "reviewer", "counts"],
        "{header:?}"
    );
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

/// Regression: frequencies near the largest number wrapped around when added (4 in a release
/// build) or panicked (in a debug build).
#[test]
fn frequencies_do_not_overflow() {
    let huge = format!("english,chinese,frequency\ndropout,丢弃法,{}\n", usize::MAX);
    let mut termbase = Glossary::from_csv_reader("old.csv", huge.as_bytes()).unwrap();
    termbase.update(
        Glossary::from_csv_reader("new.csv", "english,chinese,frequency\ndropout,丢弃法,5\n".as_bytes()).unwrap(),
    );
    assert_eq!(termbase.get("dropout").unwrap().frequency, usize::MAX);
}

/// Regressions: reading a termbase for `merge` dropped or misplaced what a person wrote, with
/// no error — a second column of one name lost the first's cells, a column with no name and
/// cells beyond the header were dropped, a row with no English vanished, a headerless list
/// lost its fourth column, a Chinese header was read as a row, `source,english,chinese` took
/// `source` for the English, an unclosed quote swallowed the rest of the file.
#[test]
fn every_cell_a_person_wrote_comes_back_or_the_file_is_an_error() {
    let errors: &[(&str, &str)] = &[
        (
            "english,reviewer,chinese,reviewer\ndropout,lin,丢弃法,wang\n",
            "t.csv:1: column 4: a second column named `reviewer` (the first is column 2)",
        ),
        ("english,chinese,\ndropout,丢弃法,mine\n", "t.csv:2: column 3: a cell under a column with no name"),
        (
            "english,chinese\ndropout,丢弃法,stray\n",
            "t.csv:2: column 3: a cell beyond the columns the header row names",
        ),
        (
            "english,chinese,note\n,丢弃法,a note\n",
            "t.csv:2: column 1: the English is empty, but the row holds other cells",
        ),
        (
            "english,chinese,note\ndropout,丢弃法,\"an open quote\nepoch,轮次,\n",
            "t.csv:2: a quoted cell opens here and never closes",
        ),
    ];
    for (csv, want) in errors {
        let err = Glossary::from_csv_reader("t.csv", csv.as_bytes()).unwrap_err().to_string();
        assert!(err.starts_with(want), "{csv:?}: {err}");
    }
    type Columns<'a> = &'a [(&'a str, &'a str)];
    let kept: &[(&str, &str, Columns, &str)] = &[
        // (termbase, English of the row, extra columns, note)
        ("英文,中文,备注,审校人\ndropout,丢弃法,常见,林\n", "dropout", &[("审校人", "林")], "常见"),
        ("dropout,丢弃法,常见,林,二审\n", "dropout", &[("column 4", "林"), ("column 5", "二审")], "常见"),
        ("source,english,chinese\na.md:3,dropout,丢弃法\n", "dropout", &[], ""),
        // a column with no name and no cells loses nothing
        ("english,chinese,\ndropout,丢弃法,\n", "dropout", &[], ""),
        // a blank row is no row
        ("english,chinese\n,\ndropout,丢弃法\n", "dropout", &[], ""),
    ];
    for (csv, english, extra, note) in kept {
        let g = Glossary::from_csv_reader("t.csv", csv.as_bytes()).unwrap_or_else(|e| panic!("{csv:?}: {e}"));
        assert_eq!(g.len(), 1, "{csv:?}");
        let e = &g.entries()[0];
        assert_eq!(
            (e.english.as_str(), e.chinese.as_slice(), e.note.as_str()),
            (*english, &["丢弃法".to_string()][..], *note)
        );
        let got: Vec<(&str, &str)> = e.extra.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        assert_eq!(got, *extra, "{csv:?}");
        // and written back, every cell is there
        let mut out = Vec::new();
        g.write_csv(&mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        for (_, v) in *extra {
            assert!(out.contains(v), "{out}");
        }
    }
    let g = Glossary::from_csv_reader("t.csv", "source,english,chinese\na.md:3,dropout,丢弃法\n".as_bytes()).unwrap();
    assert_eq!(g.entries()[0].source, "a.md:3");
}

/// A Chinese `状态` column marks tombstones as `status` does.
#[test]
fn a_chinese_status_column_keeps_deleted_rows_out() {
    let old = "英文,中文,状态\nLLM,大模型,已删除\n";
    let mut termbase = Glossary::from_csv_reader("old.csv", old.as_bytes()).unwrap();
    assert!(termbase.entries()[0].is_deleted());
    termbase.update(Glossary::from_csv_reader("new.csv", "english,chinese\nLLM,大语言模型\n".as_bytes()).unwrap());
    assert_eq!(termbase.len(), 1);
    assert!(termbase.get("LLM").unwrap().is_deleted());
}
