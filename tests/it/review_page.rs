//! The review page as written: its embedded data, safe inside the page.

use termbridge::input::InputFile;
use termbridge::{Entry, Glossary, Markup, Occurrence, Span};

/// The JSON the page embeds, as its script reads it.
fn data(page: &str) -> serde_json::Value {
    let open = r#"<script type="application/json" id="glossary-data">"#;
    let start = page.find(open).expect("the data element") + open.len();
    let end = start + page[start..].find("</script>").expect("the data element's end");
    serde_json::from_str(&page[start..end]).expect("valid JSON")
}

fn page(glossary: &Glossary, inputs: &[InputFile]) -> String {
    let mut out = Vec::new();
    glossary.write_review(inputs, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn input(name: &str, text: &str) -> InputFile {
    InputFile { name: name.into(), text: text.into(), markup: Markup::Plain }
}

/// What would close the data element, start a comment or end a line in a script stays inside
/// the JSON strings, and reads back as it was.
#[test]
fn terms_and_contexts_cannot_close_the_script() {
    let text = "注意 </script><script>alert(1)</script> 和 <!-- 与 \u{2028}\u{2029} 都在 a</script>b 里。";
    let at = text.find("a</script>b").unwrap();
    let mut e = Entry::new("a</script>b");
    e.chinese = vec!["<\u{2028}>".into()];
    e.context = "</SCRIPT> & <!--".into();
    e.note = "\u{2029}</script".into();
    e.frequency = 1;
    e.occurrences = vec![Occurrence { source: 0, line: 1, span: Span::new(at, at + "a</script>b".len()) }];
    let page = page(&Glossary::from_entries(vec![e]), &[input("</script>.txt", text)]);
    let closers = page.to_ascii_lowercase().matches("</script").count();
    assert_eq!(closers, 2, "only the two script elements' own ends");
    assert!(!page.contains('\u{2028}') && !page.contains('\u{2029}') && !page.contains("<!--"));
    let data = data(&page);
    let row = &data["rows"][0];
    assert_eq!(row["en"], "a</script>b");
    assert_eq!(row["zh"][0], "<\u{2028}>");
    assert_eq!(row["ctx"], "</SCRIPT> & <!--");
    assert_eq!(row["note"], "\u{2029}</script");
    assert_eq!(data["sources"][0], "</script>.txt");
    assert_eq!(row["kwic"][0][3], "a</script>b");
    assert!(row["kwic"][0][2].as_str().unwrap().ends_with("都在 "), "{}", row["kwic"][0]);
}

/// The title, the one value outside JSON, is HTML text.
#[test]
fn a_file_name_in_the_title_is_escaped() {
    let page = page(&Glossary::from_entries(vec![Entry::new("x")]), &[input("<b>&.txt", "x")]);
    assert!(page.contains("<title>termbridge review: &lt;b&gt;&amp;.txt</title>"));
}

/// Concordance lines at the start and the end of an input, across multibyte text and line
/// breaks; spans that do not fit their input are left out, not a panic.
#[test]
fn concordance_lines_at_the_edges_of_inputs() {
    let text = "dropout在开头。\n中间   用到\tdropout 两次，\n\n结尾是 dropout";
    let spans: Vec<usize> = text.match_indices("dropout").map(|(i, _)| i).collect();
    let mut e = Entry::new("dropout");
    e.frequency = 5;
    let o = |source, line, start: usize, end| Occurrence { source, line, span: Span::new(start, end) };
    e.occurrences = spans.iter().zip([1, 2, 4]).map(|(&s, line)| o(0, line, s, s + 7)).collect();
    e.occurrences.push(o(0, 1, 8, 10)); // inside 在: not a span of this text
    e.occurrences.push(o(3, 1, 0, 7)); // no such input
    let data = data(&page(&Glossary::from_entries(vec![e]), &[input("t.txt", text)]));
    let kwic: Vec<(u64, String, String, String)> = data["rows"][0]["kwic"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| {
            (
                k[1].as_u64().unwrap(),
                k[2].as_str().unwrap().into(),
                k[3].as_str().unwrap().into(),
                k[4].as_str().unwrap().into(),
            )
        })
        .collect();
    let line = |n, l: &str, r: &str| (n, l.to_string(), "dropout".to_string(), r.to_string());
    assert_eq!(
        kwic,
        [
            // the first line's right context is cut at 30 characters, so is the last's left
            line(1, "", "在开头。 中间 用到 dropout 两次， 结尾是 dro"),
            line(2, "dropout在开头。 中间 用到 ", " 两次， 结尾是 dropout"),
            line(4, "out在开头。 中间 用到 dropout 两次， 结尾是 ", ""),
        ]
    );
}

/// The page's glossary is the one `extract` writes, and `extract --format html` writes the
/// page `review` writes.
#[test]
fn review_and_extract_html_write_one_page_of_the_extracted_glossary() {
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/review");
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_termbridge")).args(args).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let page = run(&["review", fixture]);
    assert_eq!(run(&["extract", fixture, "--format", "html"]), page);
    let csv = run(&["extract", fixture]);
    let want: Vec<String> = csv::Reader::from_reader(csv.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().collect::<Vec<_>>().join("\u{1f}"))
        .collect();
    let embedded = data(&page);
    let got: Vec<String> = embedded["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let s = |k: &str| r[k].as_str().unwrap().to_string();
            let joined =
                |k: &str| r[k].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect::<Vec<_>>().join("|");
            [
                s("en"),
                joined("zh"),
                s("ab"),
                joined("va"),
                s("cat"),
                r["freq"].to_string(),
                s("score"),
                s("conf"),
                s("method"),
                s("src"),
                s("ctx"),
                s("note"),
            ]
            .join("\u{1f}")
        })
        .collect();
    assert_eq!(got, want);
    assert_eq!(embedded["id"].as_str().unwrap().len(), 16);
    // the same glossary has the same id; another has another
    let other = run(&["review", concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/abstract.txt")]);
    assert_ne!(data(&other)["id"], embedded["id"]);
}

/// A missing input or an output that cannot be written is an error naming it; no page is
/// left half-written.
#[test]
fn review_errors_name_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("page.html");
    std::fs::write(&out, "old").unwrap();
    let run = |args: &[&std::ffi::OsStr]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_termbridge")).args(args).output().unwrap()
    };
    let missing = dir.path().join("missing.md");
    let r = run(&["review".as_ref(), missing.as_os_str(), "-o".as_ref(), out.as_os_str()]);
    assert_eq!(r.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&r.stderr).contains("missing.md"), "{}", String::from_utf8_lossy(&r.stderr));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "old");
    let nowhere = dir.path().join("no/such/folder/page.html");
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/review");
    let r = run(&["review".as_ref(), fixture.as_ref(), "-o".as_ref(), nowhere.as_os_str()]);
    assert_eq!(r.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&r.stderr).contains("does not exist"), "{}", String::from_utf8_lossy(&r.stderr));
    assert!(!String::from_utf8_lossy(&r.stderr).contains("panicked"));
}
