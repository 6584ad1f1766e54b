//! Quality on the fixture texts in `tests/fixtures/`, each with a hand-made gold list
//! (`<text>.gold.csv`: `english,chinese,level,note`, levels `pair`, `term`, `ok`, `junk`).
//!
//! * every `pair` is a term whose Chinese the text gives: the glossary must hold it with that
//!   Chinese (one of the `|`-separated renderings);
//! * every `term` must be found;
//! * no `junk` (URL pieces, file names, variables, code) may appear at all.
//!
//! The bars sit a little under what the extractor reaches today, so that a change that makes
//! extraction worse fails here.

use std::collections::HashMap;
use std::path::Path;
use termbridge::{input, Extractor, Source};

/// The merge key of the scorers: case, hyphens and a plural `s` ignored.
fn key(s: &str) -> String {
    let s = s.trim().to_lowercase().replace('’', "'");
    let s = s
        .split(|c: char| c == '-' || c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let s = s.trim_matches(|c| "\"'《》「」“”".contains(c)).to_string();
    match s.rsplit_once(' ') {
        Some((head, last)) => format!("{head} {}", singular(last)),
        None => singular(&s),
    }
}

fn singular(w: &str) -> String {
    if w.len() > 3 && w.ends_with('s') && !["ss", "us", "is", "as"].iter().any(|e| w.ends_with(e)) {
        w[..w.len() - 1].to_string()
    } else {
        w.to_string()
    }
}

#[derive(Default)]
struct Score {
    pairs: (usize, usize),
    terms: (usize, usize),
    junk: Vec<String>,
    misaligned: Vec<String>,
}

fn score(name: &str, extractor: &Extractor) -> Score {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let file = input::read_file(&dir.join(name), &Default::default()).unwrap();
    let glossary = extractor.extract_sources(&[Source { name, text: &file.text, markup: file.markup }]);
    let mut found: HashMap<String, Vec<String>> = HashMap::new();
    for e in glossary.entries() {
        let forms = std::iter::once(&e.english).chain(e.abbreviation.as_ref()).chain(e.variants.iter());
        for f in forms {
            found.entry(key(f)).or_default().extend(e.chinese.iter().cloned());
        }
    }
    let mut s = Score::default();
    let gold = std::fs::read_to_string(dir.join(format!("{name}.gold.csv"))).unwrap();
    for rec in csv::Reader::from_reader(gold.as_bytes()).records() {
        let rec = rec.unwrap();
        let (en, zh, level) = (key(&rec[0]), &rec[1], &rec[2]);
        let got = found.get(&en);
        match level {
            "pair" => {
                s.pairs.1 += 1;
                if got.is_some_and(|g| zh.split('|').any(|z| g.iter().any(|x| x == z))) {
                    s.pairs.0 += 1;
                } else {
                    s.misaligned.push(format!("{}={zh} got {:?}", &rec[0], got));
                }
                s.terms.1 += 1;
                s.terms.0 += usize::from(got.is_some());
            }
            "term" => {
                s.terms.1 += 1;
                s.terms.0 += usize::from(got.is_some());
            }
            "junk" if got.is_some() => s.junk.push(rec[0].to_string()),
            _ => {}
        }
    }
    s
}

#[test]
fn fixture_quality() {
    let extractor = Extractor::builder().build().unwrap();
    let names =
        ["interview.txt", "tutorial.md", "abstract.txt", "programming_book.md", "stats_lecture.txt", "reworded.txt"];
    let mut total = Score::default();
    for name in names {
        let s = score(name, &extractor);
        eprintln!(
            "{name}: pairs {}/{} terms {}/{} junk {:?}\n  misaligned: {:?}",
            s.pairs.0, s.pairs.1, s.terms.0, s.terms.1, s.junk, s.misaligned
        );
        total.pairs.0 += s.pairs.0;
        total.pairs.1 += s.pairs.1;
        total.terms.0 += s.terms.0;
        total.terms.1 += s.terms.1;
        total.junk.extend(s.junk);
    }
    let pair_recall = total.pairs.0 as f64 / total.pairs.1 as f64;
    let term_recall = total.terms.0 as f64 / total.terms.1 as f64;
    assert!(total.junk.is_empty(), "junk extracted: {:?}", total.junk);
    assert!(pair_recall >= 0.90, "pair recall {pair_recall:.3} fell below 0.90");
    assert!(term_recall >= 0.95, "term recall {term_recall:.3} fell below 0.95");
}
