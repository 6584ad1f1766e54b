//! Terms the text only ever uses in English, marked `status` `keep`: in the CSV, through a
//! merge (a person's status wins), as TBX-Basic identity pairs and as DeepL identity pairs.

use super::run;
use super::validators;
use std::ffi::OsStr;
use std::path::Path;
use termbridge::{Glossary, CSV_HEADER};

const TEXT: &str = "我们把服务部署在 Kubernetes 上。Kubernetes 的调度器很灵活，Kubernetes 集群也容易扩展。\
    过拟合（overfitting）很常见，overfitting 要注意，overfitting 也要防止。\n";

fn ok<S: AsRef<OsStr>>(args: &[S], dir: &Path) -> String {
    let (code, out, err) = run(args, dir);
    assert_eq!(code, 0, "{err}");
    String::from_utf8(out).unwrap()
}

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("text.md"), TEXT).unwrap();
    std::fs::write(dir.path().join("glossed.md"), "过拟合（overfitting）很常见。\n").unwrap();
    dir
}

#[test]
fn a_term_used_only_in_english_is_kept_and_the_column_is_written_only_then() {
    let dir = setup();
    let csv = ok(&["extract", "text.md", "--no-reference"], dir.path());
    let g = Glossary::from_csv_reader("new.csv", csv.as_bytes()).unwrap();
    assert_eq!(g.get("Kubernetes").unwrap().status(), Some("keep"), "{csv}");
    assert_eq!(g.get("overfitting").unwrap().status(), None, "{csv}");
    assert!(csv.starts_with(&format!("{},status\n", CSV_HEADER.join(","))), "{csv}");
    // nothing to keep: the CSV has termbridge's columns only
    let csv = ok(&["extract", "glossed.md", "--no-reference"], dir.path());
    assert!(csv.starts_with(&format!("{}\n", CSV_HEADER.join(","))), "{csv}");
}

#[test]
fn a_persons_status_wins_over_keep_on_merge() {
    let dir = setup();
    let d = dir.path();
    ok(&["extract", "text.md", "--no-reference", "-o", "new.csv"], d);
    std::fs::write(d.join("old.csv"), "english,chinese,status\nKubernetes,K8s 平台,accepted\n").unwrap();
    let merged = ok(&["merge", "old.csv", "new.csv"], d);
    let g = Glossary::from_csv_reader("m.csv", merged.as_bytes()).unwrap();
    assert_eq!(g.get("Kubernetes").unwrap().status(), Some("accepted"), "{merged}");
    std::fs::write(d.join("old.csv"), "english,chinese,status\nKubernetes,,deleted\n").unwrap();
    let merged = ok(&["merge", "old.csv", "new.csv"], d);
    let g = Glossary::from_csv_reader("m.csv", merged.as_bytes()).unwrap();
    assert!(g.get("Kubernetes").unwrap().is_deleted(), "{merged}");
}

#[test]
fn tbx_basic_writes_a_kept_term_as_a_preferred_identity_pair() {
    let dir = setup();
    let d = dir.path();
    let xml = ok(&["extract", "text.md", "--no-reference", "-f", "tbx"], d);
    let concept = xml.split("<conceptEntry").find(|c| c.contains("<term>Kubernetes</term>")).unwrap();
    assert_eq!(concept.matches("<term>Kubernetes</term>").count(), 2, "{concept}");
    assert!(concept.contains("xml:lang=\"zh-Hans\""), "{concept}");
    assert_eq!(concept.matches("preferredTerm-admn-sts").count(), 2, "{concept}");
    let glossed = xml.split("<conceptEntry").find(|c| c.contains("<term>overfitting</term>")).unwrap();
    assert!(!glossed.contains("administrativeStatus"), "{glossed}");
    let martif = ok(&["extract", "text.md", "--no-reference", "-f", "tbx-2008"], d);
    assert_eq!(martif.matches("preferredTerm-admn-sts").count(), 2, "{martif}");
    if let Some(check) = validators::find() {
        let file = d.join("keep.tbx");
        std::fs::write(&file, &xml).unwrap();
        check.check(&file).unwrap();
    }
}

#[test]
fn deepl_writes_kept_terms_as_identity_pairs_only_when_asked() {
    let dir = setup();
    let d = dir.path();
    let without = ok(&["extract", "text.md", "--no-reference", "-f", "deepl"], d);
    assert!(!without.contains("Kubernetes"), "{without}");
    let with = ok(&["extract", "text.md", "--no-reference", "-f", "deepl", "--deepl-keep"], d);
    assert!(with.contains("Kubernetes\tKubernetes\n") && with.contains("overfitting\t过拟合\n"), "{with}");
    let (code, _, err) = run(&["extract", "text.md", "-f", "csv", "--deepl-keep"], d);
    assert_eq!(code, 2);
    assert!(err.contains("--deepl-keep is for DeepL"), "{err}");
}

/// The rows and their `status` of the page's embedded glossary: English and status cell.
fn page_rows(html: &str) -> Vec<(String, String)> {
    let start = html.find(r#"id="glossary-data">"#).expect("the page's data") + r#"id="glossary-data">"#.len();
    let end = start + html[start..].find("</script>").expect("the end of the data");
    let data: serde_json::Value = serde_json::from_str(&html[start..end]).expect("the page's data is JSON");
    let rows = data["rows"].as_array().expect("rows");
    rows.iter().map(|r| (r["en"].as_str().unwrap().to_string(), r["st"].as_str().unwrap().to_string())).collect()
}

/// Rows of a CSV: English and status cell (empty without the column).
fn csv_rows(csv: &str) -> Vec<(String, String)> {
    let g = Glossary::from_csv_reader("g.csv", csv.as_bytes()).unwrap();
    g.entries().iter().map(|e| (e.english.clone(), e.status().unwrap_or_default().to_string())).collect()
}

#[test]
fn extract_review_and_the_library_give_the_same_rows_and_status() {
    // `term never glossed` recurs with no Chinese; `overfitting` recurs unglossed too, but the
    // reference suggests 过拟合 for it, so it is no word to leave in English
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let text = format!("{TEXT}我们也常说 dropout。dropout 与 dropout 都没有中文。MoE 出现一次。\n");
    std::fs::write(d.join("text.md"), &text).unwrap();
    std::fs::write(d.join("plain.md"), "overfitting 很常见，overfitting 要注意，overfitting 也要防止。\n").unwrap();
    for args in [vec!["text.md"], vec!["text.md", "--no-reference"], vec!["plain.md"]] {
        let extracted = csv_rows(&ok(&[&["extract", "--min-score", "0"][..], &args].concat(), d));
        assert!(extracted.iter().any(|(_, st)| st == "keep") || args == ["plain.md"], "{args:?}: {extracted:?}");
        let page = ok(&[&["review", "--min-score", "0"][..], &args].concat(), d);
        assert_eq!(page_rows(&page), extracted, "review {args:?}");
        let extract_html = ok(&[&["extract", "-f", "html", "--min-score", "0"][..], &args].concat(), d);
        assert_eq!(page_rows(&extract_html), extracted, "extract -f html {args:?}");
        let mut builder = termbridge::Extractor::builder();
        if args.contains(&"--no-reference") {
            builder = builder.builtin_reference(false);
        }
        let file = if args[0] == "text.md" {
            text.as_str()
        } else {
            "overfitting 很常见，overfitting 要注意，overfitting 也要防止。\n"
        };
        let library = builder.build().unwrap().extract_sources(&[termbridge::Source {
            name: args[0],
            text: file,
            markup: termbridge::Markup::Markdown,
        }]);
        let mut csv = Vec::new();
        library.write_csv(&mut csv).unwrap();
        assert_eq!(csv_rows(&String::from_utf8(csv).unwrap()), extracted, "library {args:?}");
    }
    let plain = Glossary::from_csv_reader("g.csv", ok(&["extract", "plain.md"], d).as_bytes()).unwrap();
    let overfitting = plain.get("overfitting").unwrap();
    assert_eq!((overfitting.status(), overfitting.note.as_str()), (None, "suggested: 过拟合"));
}

#[test]
fn a_suggestion_is_a_field_not_the_words_of_a_note() {
    use termbridge::{Category, Entry};
    let named = |note: &str, suggested: Option<&str>| {
        let mut e = Entry::new("Quorix");
        e.category = Category::Name;
        e.note = note.into();
        e.suggested = suggested.map(String::from);
        e
    };
    let mut g = Glossary::from_entries(vec![
        named("suggested: a person's words, not the reference's", None),
        named("", Some("夸里克斯")),
    ]);
    g.mark_kept_in_english();
    let kept: Vec<bool> = g.entries().iter().map(|e| e.is_kept_in_english()).collect();
    assert_eq!(kept, [true, false]);
}
