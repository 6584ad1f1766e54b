//! Which rows a glossary keeps: a minimum score and frequency, rows with a Chinese only, and a
//! stoplist of English terms never to report.
//!
//! Extraction keeps every candidate it found, each with a [`score`](crate::Entry::score); a
//! [`Cut`] decides what a translator sees. The default drops only rows with no evidence at all
//! beyond their shape: a lone lowercase word used once or twice, without a gloss, unknown to
//! the reference (`thing`, `default`), which judged samples show are mostly words, handles and
//! code rather than terms.

use crate::error::InputError;
use crate::input::{self, ReadOptions};
use crate::model::{Entry, Glossary};
use crate::text::key;
use std::collections::HashSet;
use std::path::Path;

/// The default [`Cut::min_score`]: a lone lowercase word seen once scores 0.1, twice 0.19;
/// anything with a gloss, a spelled-out acronym, a name's or an acronym's shape, a reference
/// entry or a third occurrence scores more.
pub const DEFAULT_MIN_SCORE: f32 = 0.2;

/// What rows of a glossary to keep.
///
/// ```
/// use termbridge::{Cut, Extractor, Stoplist};
/// let extractor = Extractor::builder().build()?;
/// let mut glossary = extractor.extract("丢弃法（dropout）和 GPU，还有 dropout 与 thing。");
/// let cut = Cut { aligned_only: true, stoplist: Stoplist::from_text("GPU"), ..Cut::default() };
/// cut.apply(&mut glossary);
/// assert_eq!(glossary.entries().iter().map(|e| e.english.as_str()).collect::<Vec<_>>(), ["dropout"]);
/// # Ok::<(), termbridge::BuildError>(())
/// ```
#[derive(Clone, Debug)]
pub struct Cut {
    /// Rows scoring less are dropped; rows without a score (added by a person) are kept.
    pub min_score: f32,
    /// Rows occurring fewer times are dropped; rows a person added (frequency 0) are kept.
    pub min_frequency: usize,
    /// Only rows with a Chinese are kept.
    pub aligned_only: bool,
    /// English terms never to report.
    pub stoplist: Stoplist,
}

impl Default for Cut {
    /// The command line's default: [`DEFAULT_MIN_SCORE`], any frequency, rows with or
    /// without a Chinese, no stoplist.
    fn default() -> Cut {
        Cut { min_score: DEFAULT_MIN_SCORE, min_frequency: 0, aligned_only: false, stoplist: Stoplist::default() }
    }
}

impl Cut {
    /// A cut that keeps every row.
    pub fn none() -> Cut {
        Cut { min_score: 0.0, ..Cut::default() }
    }

    /// Keeps the rows of `glossary` this cut keeps, and takes stoplisted variants out of the
    /// rows it keeps.
    pub fn apply(&self, glossary: &mut Glossary) {
        glossary.retain(|e| self.keeps(e));
        if !self.stoplist.is_empty() {
            for e in &mut glossary.entries {
                e.variants.retain(|v| !self.stoplist.contains(v));
            }
        }
    }

    /// Whether the row stays.
    pub fn keeps(&self, e: &Entry) -> bool {
        e.score.is_none_or(|s| s >= self.min_score)
            && (e.frequency == 0 || e.frequency >= self.min_frequency)
            && (!self.aligned_only || !e.chinese.is_empty())
            && !self.stoplist.contains(&e.english)
            && !e.abbreviation.as_ref().is_some_and(|a| self.stoplist.contains(a))
    }
}

/// English terms never to report, matched as the glossary merges forms: case, plural and
/// hyphenation aside (`Data Set` stops `data-sets`).
///
/// ```
/// use termbridge::Stoplist;
/// let stop = Stoplist::from_text("# words of our house style\nData Set\n\nTODO\n");
/// assert!(stop.contains("data-sets") && stop.contains("todo"));
/// assert!(!stop.contains("dataset loader"));
/// ```
#[derive(Clone, Debug, Default)]
pub struct Stoplist {
    keys: HashSet<String>,
}

impl Stoplist {
    /// One term per line; blank lines and lines starting with `#` are skipped, and a line's
    /// surrounding spaces are not part of its term.
    pub fn from_text(text: &str) -> Stoplist {
        let keys = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(key)
            .filter(|k| !k.is_empty())
            .collect();
        Stoplist { keys }
    }

    /// The stoplist in a file, in any encoding [`input::read_file`] reads.
    pub fn from_path(path: &Path) -> Result<Stoplist, InputError> {
        let file = input::read_file(path, &ReadOptions::new())?;
        Ok(Stoplist::from_text(&file.text))
    }

    /// Whether `english` is stopped.
    pub fn contains(&self, english: &str) -> bool {
        !self.keys.is_empty() && self.keys.contains(&key(english))
    }

    /// How many terms it stops.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether it stops nothing.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(english: &str, score: Option<f32>, frequency: usize, chinese: &[&str]) -> Entry {
        let mut e = Entry::new(english);
        e.score = score;
        e.frequency = frequency;
        e.chinese = chinese.iter().map(|z| z.to_string()).collect();
        e
    }

    #[test]
    fn each_rule_of_the_cut() {
        let rows = || {
            Glossary::from_entries(vec![
                entry("sharding", Some(0.9), 4, &["分片"]),
                entry("thing", Some(0.1), 1, &[]),
                entry("Kafka", Some(0.45), 1, &[]),
                entry("added by hand", None, 0, &[]),
            ])
        };
        let kept = |cut: Cut| {
            let mut g = rows();
            cut.apply(&mut g);
            g.entries().iter().map(|e| e.english.clone()).collect::<Vec<_>>()
        };
        assert_eq!(kept(Cut::default()), ["sharding", "Kafka", "added by hand"]);
        assert_eq!(kept(Cut::none()).len(), 4);
        assert_eq!(kept(Cut { min_frequency: 2, ..Cut::none() }), ["sharding", "added by hand"]);
        assert_eq!(kept(Cut { aligned_only: true, ..Cut::none() }), ["sharding"]);
        assert_eq!(kept(Cut { min_score: 0.5, ..Cut::none() }), ["sharding", "added by hand"]);
    }

    #[test]
    fn a_stoplist_matches_as_forms_merge_and_skips_comments() {
        let stop = Stoplist::from_text("# words we never want\n\n  Data Set  \nKafka\n");
        assert_eq!(stop.len(), 2);
        assert!(stop.contains("data-sets") && stop.contains("kafka") && !stop.contains("dataset loader"));
        let mut g = Glossary::from_entries(vec![entry("Kafka", Some(0.9), 3, &[]), {
            let mut e = entry("training set", Some(0.9), 3, &["训练集"]);
            e.variants = vec!["training sets".into(), "train set".into()];
            e
        }]);
        Cut { stoplist: Stoplist::from_text("Kafka\ntrain-sets"), ..Cut::none() }.apply(&mut g);
        assert_eq!(g.entries().len(), 1);
        assert_eq!(g.entries()[0].variants, ["training sets"]);
    }

    #[test]
    fn an_acronym_on_the_stoplist_stops_its_row() {
        let mut e = entry("curriculum vitae", Some(0.9), 2, &[]);
        e.abbreviation = Some("CV".into());
        let cut = Cut { stoplist: Stoplist::from_text("CV"), ..Cut::none() };
        assert!(!cut.keeps(&e));
    }
}
