//! `extract --exclude-termbase`: only the concepts a termbase lacks, matched as `merge` joins
//! rows, from CSV, TBX and JSON termbases, tombstones included.

use super::run;
use std::ffi::OsStr;
use std::path::Path;
use termbridge::Glossary;

const TEXT: &str = "我们比较了检索增强生成（Retrieval-Augmented Generation，RAG）与微调。RAG 很有效。\
    过拟合（overfitting）很常见。训练时使用随机梯度下降（stochastic gradient descent，SGD）。\
    注意力机制（attention mechanism）也很重要。暂退法（dropout）可以防止过拟合。\n";

fn extracted<S: AsRef<OsStr>>(args: &[S], dir: &Path) -> Glossary {
    let (code, out, err) = run(args, dir);
    assert_eq!(code, 0, "{err}");
    Glossary::from_csv_reader("out.csv", out.as_slice()).unwrap()
}

#[test]
fn a_termbase_in_any_format_keeps_its_concepts_out() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("text.md"), TEXT).unwrap();
    let all = extracted(&["extract", "text.md"], d);
    for en in ["RAG", "overfitting", "SGD", "attention mechanism", "dropout"] {
        assert!(all.get(en).is_some(), "{en}");
    }
    // a CSV termbase knowing RAG by its acronym, and a tombstone for the plural of dropout
    std::fs::write(d.join("tb.csv"), "english,chinese,status\nRAG,检索增强生成,\ndropouts,,deleted\n").unwrap();
    // a TBX termbase knowing overfitting, a JSON one knowing SGD by its full form in capitals
    std::fs::write(d.join("o.md"), "过拟合（overfitting）很常见。\n").unwrap();
    let (code, tbx, err) = run(&["extract", "o.md", "-f", "tbx"], d);
    assert_eq!(code, 0, "{err}");
    std::fs::write(d.join("tb.tbx"), tbx).unwrap();
    std::fs::write(d.join("s.md"), "随机梯度下降（Stochastic Gradient Descent）。\n").unwrap();
    let (code, json, err) = run(&["extract", "s.md", "-f", "json"], d);
    assert_eq!(code, 0, "{err}");
    std::fs::write(d.join("tb.json"), json).unwrap();

    let left = extracted(&["extract", "text.md", "--exclude-termbase", "tb.csv"], d);
    assert!(left.get("RAG").is_none() && left.get("dropout").is_none());
    assert!(left.get("overfitting").is_some() && left.get("SGD").is_some());
    let left = extracted(
        &[
            "extract",
            "text.md",
            "--exclude-termbase",
            "tb.csv",
            "--exclude-termbase",
            "tb.tbx",
            "--exclude-termbase",
            "tb.json",
        ],
        d,
    );
    let english: Vec<&str> = left.entries().iter().map(|e| e.english.as_str()).collect();
    assert!(english.contains(&"attention mechanism"), "{english:?}");
    for en in ["RAG", "overfitting", "SGD", "dropout"] {
        assert!(left.get(en).is_none(), "{en}: {english:?}");
    }
}

#[test]
fn a_missing_or_bad_termbase_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("text.md"), TEXT).unwrap();
    std::fs::write(d.join("bad.json"), "{\"version\": 1, \"entries\": [\n{]\n").unwrap();
    std::fs::write(d.join("bad.csv"), "term,meaning\nx,y\n").unwrap();
    for (file, says) in [("none.csv", "none.csv"), ("bad.json", "bad.json:2"), ("bad.csv", "bad.csv:1")] {
        let (code, out, err) = run(&["extract", "text.md", "--exclude-termbase", file], d);
        assert_eq!(code, 2, "{file}: {err}");
        assert!(out.is_empty() && err.contains(says), "{file}: {err}");
    }
}
