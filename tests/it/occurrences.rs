//! The occurrences an entry keeps: the first ones, so that a long input does not hold
//! millions, while its frequency counts them all.

use termbridge::{Extractor, Glossary, Markup, Source};

/// The most occurrences an entry keeps before the first of each further input.
const KEPT: usize = 1_000;

/// A text that glosses RAG once and then uses it on `lines` lines.
fn text(lines: usize) -> String {
    let mut t = String::from("我们先介绍检索增强生成（Retrieval-Augmented Generation，RAG）。\n\n");
    for i in 0..lines {
        t.push_str(&format!("第 {i} 段又用到 RAG 了。\n\n"));
    }
    t
}

fn glossary(lines: usize) -> Glossary {
    let extractor = Extractor::builder().build().unwrap();
    let long = text(lines);
    let sources = [
        Source { name: "a.md", text: &long, markup: Markup::Markdown },
        Source { name: "b.md", text: "RAG 很好。\n\n又提到 RAG 了。\n", markup: Markup::Markdown },
    ];
    extractor.extract_sources(&sources)
}

#[test]
fn a_term_repeated_past_the_cap_keeps_its_first_occurrences_and_its_exact_frequency() {
    let few = glossary(10);
    let many = glossary(KEPT + 200);
    let (few, many) = (few.get("RAG").unwrap(), many.get("RAG").unwrap());
    // every occurrence counts
    assert_eq!(many.frequency - few.frequency, KEPT + 200 - 10);
    assert_eq!(few.occurrences.len(), few.frequency);
    // the first ones of the first input are kept, in order, then the first of the second
    let (a, b): (Vec<_>, Vec<_>) = many.occurrences.iter().partition(|o| o.source == 0);
    assert_eq!(a.len(), KEPT);
    assert!(a.windows(2).all(|w| w[0].line <= w[1].line && w[0].span.end <= w[1].span.start));
    let few_a: Vec<_> = few.occurrences.iter().filter(|o| o.source == 0).collect();
    assert_eq!(a[..few_a.len()], few_a[..]);
    let few_b: Vec<_> = few.occurrences.iter().filter(|o| o.source == 1).collect();
    assert_eq!(few_b.len(), 2);
    assert_eq!(b, [few_b[0]]);
    assert_eq!(many.occurrences.last(), Some(few_b[0]));
    // the first occurrence still names the entry's place
    assert_eq!(many.source, few.source);
}

/// A text of several pieces in which two forms of one term recur far past the cap.
fn long_text() -> String {
    let mut t = String::from("我们先介绍检索增强生成（Retrieval-Augmented Generation，RAG）。\n\n");
    for i in 0..100_000 {
        let form = if i % 7 == 0 { "Retrieval-Augmented Generation" } else { "RAG" };
        t.push_str(&format!("第 {i} 段又用到 {form} 了。\n\n"));
    }
    t
}

/// A glossary keeps only the first places of each form, a partial every one: both give one
/// glossary, from text and from a file alike.
#[test]
fn a_glossary_and_a_partial_of_a_long_input_agree() {
    let extractor = Extractor::builder().build().unwrap();
    let long = long_text();
    assert!(long.len() > 3 << 19, "several pieces");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.md");
    std::fs::write(&path, &long).unwrap();
    let name = path.display().to_string();
    let sources = [Source { name: &name, text: &long, markup: Markup::Markdown }];
    let direct = extractor.extract_sources(&sources);
    let rag = direct.get("RAG").unwrap();
    assert!(rag.frequency > 100_000);
    assert_eq!(rag.occurrences.len(), KEPT);
    assert_eq!(extractor.decide(&extractor.partial(&sources)), direct);
    let paths = [path];
    let from_file = extractor.extract_paths(&paths, &termbridge::input::ReadOptions::new()).unwrap();
    let partial = extractor.partial_paths(&paths, &termbridge::input::ReadOptions::new()).unwrap();
    assert_eq!(extractor.decide(&partial), from_file);
    assert_eq!(from_file.entries(), direct.entries());
}

/// Updating a termbase with extraction after extraction keeps the occurrences an extraction
/// keeps: the first ones, then the first of each further input.
#[test]
fn updates_keep_the_first_occurrences_too() {
    let mut termbase = glossary(KEPT - 100);
    for _ in 0..3 {
        termbase.update(glossary(KEPT - 100));
    }
    let e = termbase.get("RAG").unwrap();
    assert_eq!(e.frequency, 4 * glossary(KEPT - 100).get("RAG").unwrap().frequency);
    let sources: std::collections::BTreeSet<usize> = e.occurrences.iter().map(|o| o.source).collect();
    // every input is still named, yet the list stays near the cap
    assert_eq!(sources.len(), 8);
    assert!(e.occurrences.len() <= KEPT + sources.len(), "{}", e.occurrences.len());
}
