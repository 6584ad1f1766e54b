//! termbridge's JSON read back as a termbase (`merge`, `--reference`, `check --glossary`), and
//! what its spans count.

use super::run;
use std::ffi::OsStr;
use std::path::Path;
use termbridge::Glossary;

const TEXT: &str = "我们比较了检索增强生成（Retrieval-Augmented Generation，RAG）与微调。RAG 很有效。\
    过拟合（overfitting）很常见。训练时使用随机梯度下降（stochastic gradient descent，SGD）。\
    SGD 和 overfitting 都常见，Kubernetes 上的 Kubernetes 集群。\n";

fn ok<S: AsRef<OsStr>>(args: &[S], dir: &Path) -> Vec<u8> {
    let (code, out, err) = run(args, dir);
    assert_eq!(code, 0, "{err}");
    out
}

/// The glossary of `TEXT` written as `new.csv` and `new.json` in `dir`.
fn both(dir: &Path) {
    std::fs::write(dir.join("text.md"), TEXT).unwrap();
    ok(&["extract", "text.md", "-o", "new.csv"], dir);
    ok(&["extract", "text.md", "-f", "json", "-o", "new.json"], dir);
}

#[test]
fn json_reads_back_as_the_csv_does() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    both(dir);
    let csv = Glossary::from_path(&dir.join("new.csv")).unwrap();
    let json = Glossary::from_path(&dir.join("new.json")).unwrap();
    assert!(!csv.is_empty());
    let fields = |g: &Glossary| {
        g.entries()
            .iter()
            .map(|e| {
                let e = e.clone();
                (
                    e.english,
                    e.chinese,
                    e.abbreviation,
                    e.variants,
                    e.category,
                    e.frequency,
                    e.method,
                    e.source,
                    e.context,
                    e.note,
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(fields(&csv), fields(&json));
    // the occurrences come back too, pointing into the sources
    assert!(json.entries().iter().all(|e| !e.occurrences.is_empty()));
}

#[test]
fn merge_reference_and_check_take_json() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    both(dir);
    std::fs::write(
        dir.join("old.csv"),
        "english,chinese,note,status\noverfitting,过度拟合,我们的译法,\nRAG,,,deleted\n",
    )
    .unwrap();
    // the same rows, counted under the new glossary's name
    let from_csv = String::from_utf8(ok(&["merge", "old.csv", "new.csv"], dir)).unwrap();
    let from_json = String::from_utf8(ok(&["merge", "old.csv", "new.json"], dir)).unwrap();
    assert_eq!(from_csv, from_json.replace("new.json", "new.csv"));
    // a termbase kept as JSON takes new glossaries
    let merged = ok(&["merge", "new.json", "old.csv", "-f", "json"], dir);
    std::fs::write(dir.join("merged.json"), merged).unwrap();
    let merged = Glossary::from_path(&dir.join("merged.json")).unwrap();
    assert!(merged.get("RAG").unwrap().is_deleted());
    assert_eq!(merged.get("overfitting").unwrap().chinese, ["过拟合", "过度拟合"]);
    // as a reference
    std::fs::write(dir.join("other.md"), "过度拟合和 overfitting 都是问题，SGD 也是。\n").unwrap();
    let with = |r: &str| ok(&["extract", "other.md", "--min-score", "0", "--no-reference", "--reference", r], dir);
    assert_eq!(with("new.csv"), with("new.json"));
    // as the glossary to check against
    let check = |g: &str| run(&["check", "--glossary", g, "text.md"], dir);
    assert_eq!(check("new.csv"), check("new.json"));
}

#[test]
fn bad_json_is_an_error_naming_the_file_and_position() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    both(dir);
    std::fs::write(dir.join("broken.json"), "{\n  \"version\": 1,\n  \"entries\": [\n    {\"english\": ,}\n  ]\n}\n")
        .unwrap();
    std::fs::write(dir.join("future.json"), "{\"version\": 2, \"entries\": []}\n").unwrap();
    for (file, says) in [
        ("broken.json", "broken.json:4: column 17: not termbridge's JSON: expected value"),
        ("future.json", "future.json:1: JSON of version 2"),
    ] {
        for args in [
            vec!["merge", file, "new.csv"],
            vec!["merge", "new.csv", file],
            vec!["extract", "text.md", "--reference", file],
            vec!["check", "--glossary", file, "text.md"],
        ] {
            let (code, out, err) = run(&args, dir);
            assert_eq!(code, 2, "{args:?}: {err}");
            assert!(out.is_empty() && err.contains(says), "{args:?}: {err}");
        }
    }
}

/// The spans of every occurrence in the JSON of `file`: the text they cover in `text`.
fn spans_cover_terms(dir: &Path, file: &str, text: &str) {
    let json: serde_json::Value = serde_json::from_slice(&ok(&["extract", file, "-f", "json"], dir)).unwrap();
    assert_eq!(json["spans"], termbridge::JSON_SPANS);
    let mut seen = 0;
    for entry in json["entries"].as_array().unwrap() {
        let forms: Vec<String> = [&entry["english"], &entry["abbreviation"]]
            .into_iter()
            .chain(entry["variants"].as_array().unwrap())
            .filter_map(|f| f.as_str().map(str::to_lowercase))
            .collect();
        for o in entry["occurrences"].as_array().unwrap() {
            let (start, end) = (o["start"].as_u64().unwrap() as usize, o["end"].as_u64().unwrap() as usize);
            let covered = text.get(start..end).unwrap_or_else(|| panic!("{file}: {start}..{end} in the decoded text"));
            assert!(forms.contains(&covered.to_lowercase()), "{file}: {covered:?} of {forms:?}");
            seen += 1;
        }
    }
    assert!(seen > 3, "{file}");
}

#[test]
fn spans_count_bytes_of_the_decoded_text() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let mut bom = b"\xef\xbb\xbf".to_vec();
    bom.extend_from_slice(TEXT.as_bytes());
    std::fs::write(dir.join("bom.txt"), &bom).unwrap();
    std::fs::write(dir.join("gb.txt"), encoding_rs::GB18030.encode(TEXT).0).unwrap();
    // the decoded text, the byte-order mark left out: not the bytes of either file
    spans_cover_terms(dir, "bom.txt", TEXT);
    spans_cover_terms(dir, "gb.txt", TEXT);
}
