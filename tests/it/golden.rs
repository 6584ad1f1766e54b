//! Golden tests: each text in `tests/golden/` (an interview transcript with half-width
//! punctuation, a Markdown tutorial with emphasis, a paper abstract dense with acronyms, a
//! tutorial whose terms mostly stand alone or are rendered off-standard) against the glossary
//! CSV next to it, checked by hand.
//!
//! After a deliberate change, rewrite the expected files with
//! `TERMBRIDGE_BLESS=1 cargo test --release --test it golden` and review the diff.

use std::path::{Path, PathBuf};
use termbridge::{input, Extractor, Source};

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

fn check(name: &str) {
    let path = golden_dir().join(name);
    let file = input::read_file(&path, &Default::default()).unwrap();
    let extractor = Extractor::builder().build().unwrap();
    // `source` names the file relative to the repository, as a user would type it
    let shown = format!("tests/golden/{name}");
    let glossary = extractor.extract_sources(&[Source { name: &shown, text: &file.text, markup: file.markup }]);
    let mut got = Vec::new();
    glossary.write_csv(&mut got).unwrap();
    let got = String::from_utf8(got).unwrap();
    let expected_path = golden_dir().join(format!("{name}.csv"));
    if std::env::var_os("TERMBRIDGE_BLESS").is_some() {
        std::fs::write(&expected_path, &got).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&expected_path).unwrap();
    if got != expected {
        let (g, e): (Vec<&str>, Vec<&str>) = (got.lines().collect(), expected.lines().collect());
        let mut report = String::new();
        for i in 0..g.len().max(e.len()) {
            let (a, b) = (e.get(i).copied().unwrap_or("<none>"), g.get(i).copied().unwrap_or("<none>"));
            if a != b {
                report.push_str(&format!("line {}:\n  expected: {a}\n  got:      {b}\n", i + 1));
            }
        }
        panic!("{name}: the glossary differs from {}\n{report}", expected_path.display());
    }
}

#[test]
fn interview_with_half_width_punctuation() {
    check("interview.txt");
}

#[test]
fn markdown_tutorial_with_emphasis() {
    check("tutorial.md");
}

#[test]
fn abstract_dense_with_acronyms() {
    check("abstract.txt");
}

#[test]
fn standalone_terms_and_non_standard_renderings() {
    check("standalone.md");
}
