//! Long inputs are read in pieces: the glossary, its spans and its lines are those of the
//! whole input, whether the text is in memory or streamed from a file.

use std::path::{Path, PathBuf};
use termbridge::input::PIECE_BYTES as CHUNK;
use termbridge::{Extractor, FindingKind, Glossary, Markup, Source};

/// Fixture paragraphs repeated past `bytes`, with a numbered marker paragraph between
/// repetitions and a fenced code block (whose English must never become a term) in each.
fn long_text(bytes: usize) -> (String, usize) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let base = ["tutorial.md", "programming_book.md"]
        .iter()
        .map(|n| std::fs::read_to_string(dir.join(n)).unwrap())
        .collect::<Vec<_>>()
        .join("\n\n");
    let mut text = String::new();
    let mut markers = 0;
    while text.len() < bytes {
        text.push_str(&base);
        text.push_str("\n\n我们在第");
        text.push_str(&markers.to_string());
        text.push_str("轮使用梯度裁剪（gradient clipping）。\n\n```python\nzz_fenced_helper = opaque_name_qq(1)\n");
        // a long block, so that some piece boundary falls near or inside one
        for _ in 0..200 {
            text.push_str("print(\"Fenced Sample Term\")\n");
        }
        text.push_str("```\n\n");
        markers += 1;
    }
    (text, markers)
}

fn check_spans(g: &Glossary, text: &str) {
    let mut n = 0;
    for e in g.entries() {
        let forms: Vec<&String> = e.forms().collect();
        for o in &e.occurrences {
            let found: String = text[o.span.range()].split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(forms.iter().any(|f| **f == found), "{found:?} at {:?} is not a form of {}", o.span, e.english);
            assert_eq!(o.line, text[..o.span.start].matches('\n').count() + 1, "line of {found:?} at {:?}", o.span);
            n += 1;
        }
    }
    assert!(n > 1000, "only {n} occurrences");
}

#[test]
fn a_long_text_in_memory_and_streamed_from_a_file_give_one_glossary() {
    let (text, markers) = long_text(2 * CHUNK + CHUNK / 2);
    let extractor = Extractor::builder().build().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path: PathBuf = dir.path().join("long.md");
    std::fs::write(&path, &text).unwrap();
    let name = path.display().to_string();

    let in_memory = extractor.extract_sources(&[Source { name: &name, text: &text, markup: Markup::Markdown }]);
    let streamed = extractor.extract_paths(std::slice::from_ref(&path), &Default::default()).unwrap();
    assert_eq!(in_memory, streamed);
    check_spans(&streamed, &text);

    // every marker paragraph is read once: none lost or read twice at a cut
    let clipping = streamed.get("gradient clipping").expect("gradient clipping");
    assert_eq!(clipping.chinese, ["梯度裁剪"]);
    assert_eq!(clipping.occurrences.len(), markers);
    // code stays code, whatever the pieces
    for fenced in ["Fenced Sample Term", "zz_fenced_helper", "opaque_name_qq"] {
        assert!(streamed.get(fenced).is_none(), "{fenced} was read as prose");
    }

    // a byte-order mark is not part of the text the spans point into
    let bom = dir.path().join("bom.md");
    std::fs::write(&bom, [&b"\xef\xbb\xbf"[..], text.as_bytes()].concat()).unwrap();
    let with_bom = extractor.extract_paths(&[bom], &Default::default()).unwrap();
    check_spans(&with_bom, &text);
    assert_eq!(with_bom.get("gradient clipping").unwrap().occurrences.len(), markers);
}

#[test]
fn long_files_in_other_encodings_or_damaged_are_read_whole() {
    let (text, _) = long_text(CHUNK + CHUNK / 4);
    let extractor = Extractor::builder().build().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let utf8 = dir.path().join("a.md");
    std::fs::write(&utf8, &text).unwrap();
    let want = extractor.extract_paths(&[utf8], &Default::default()).unwrap();

    // GB18030, detected: the same terms
    let gb = dir.path().join("gb.md");
    std::fs::write(&gb, encoding_rs::GB18030.encode(&text).0).unwrap();
    let got = extractor.extract_paths(&[gb], &Default::default()).unwrap();
    let terms = |g: &Glossary| g.entries().iter().map(|e| (e.english.clone(), e.chinese.clone())).collect::<Vec<_>>();
    assert_eq!(terms(&got), terms(&want));

    // a bad byte past the first piece: the error names it, nothing is half-read
    let mut bytes = text.clone().into_bytes();
    let at = CHUNK + 1000;
    let at = (at..).find(|&i| text.is_char_boundary(i)).unwrap();
    bytes.insert(at, 0xff);
    let bad = dir.path().join("bad.md");
    std::fs::write(&bad, &bytes).unwrap();
    let err = extractor.extract_paths(&[bad], &Default::default()).unwrap_err().to_string();
    let line = text[..at].matches('\n').count() + 1;
    assert!(err.contains(&format!("at byte {at} (line {line})")), "{err}");
}

#[test]
fn check_reports_every_place_of_a_long_text_with_its_sentence() {
    let (text, markers) = long_text(2 * CHUNK + CHUNK / 2);
    let extractor = Extractor::builder().build().unwrap();
    let glossary =
        termbridge::Glossary::from_csv_reader("g.csv", "english,chinese\ngradient clipping,梯度截断\n".as_bytes())
            .unwrap();
    let findings: Vec<_> = extractor
        .check(&glossary, &text)
        .into_iter()
        .filter(|f| f.kind == FindingKind::Mismatch && f.english == "gradient clipping")
        .collect();
    // one per marker paragraph, in every piece, each with the sentence it stands in
    assert_eq!(findings.len(), markers);
    for f in &findings {
        assert!(f.sentence.contains("梯度裁剪（gradient clipping）"), "{:?} at line {}", f.sentence, f.line);
    }
}
