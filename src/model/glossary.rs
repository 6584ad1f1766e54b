//! The glossary: one [`Entry`] per concept, as the export stage writes it.

use super::Columns;
use super::Span;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// How a Chinese equivalent was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Method {
    /// A gloss in brackets: `中文（English）` or `English（中文）`.
    Parenthesis,
    /// An apposition: `叫 X，也就是 Y`, `X，又称 Y`.
    Apposition,
    /// A reference glossary, whose Chinese the input uses elsewhere.
    Reference,
    /// Composed from the Chinese of the term's words, as the input writes it: `预测下一个词`
    /// for next-token prediction, from 下一个词 for next token and 预测 for prediction.
    Composed,
}

impl Method {
    /// The name used in the CSV `method` column.
    pub fn as_str(&self) -> &'static str {
        match self {
            Method::Parenthesis => "parenthesis",
            Method::Apposition => "apposition",
            Method::Reference => "reference",
            Method::Composed => "composed",
        }
    }
}

/// What kind of thing an entry names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Category {
    /// A technical term.
    Term,
    /// An acronym whose full form the input does not give.
    Abbreviation,
    /// A product, organisation, person, venue or title.
    Name,
}

impl Category {
    /// The name used in the CSV `category` column.
    pub fn as_str(&self) -> &'static str {
        match self {
            Category::Term => "term",
            Category::Abbreviation => "abbreviation",
            Category::Name => "name",
        }
    }
}

/// Where an English form occurs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Occurrence {
    /// The input it occurs in: its index in the caller's list of inputs (the `sources` given
    /// to [`Extractor::extract_sources`](crate::Extractor::extract_sources), the files
    /// [`input::expand`](crate::input::expand) lists), which is also its index in
    /// [`Glossary::sources`].
    pub source: usize,
    /// 1-based line.
    pub line: usize,
    /// Byte span in that source's text.
    pub span: Span,
}

/// One concept of the glossary.
///
/// ```
/// use termbridge::{Category, Entry};
/// let mut llm = Entry::new("large language model");
/// llm.abbreviation = Some("LLM".into());
/// llm.variants = vec!["large language models".into()];
/// llm.chinese = vec!["大语言模型".into(), "大模型".into()];
/// assert_eq!(llm.category, Category::Term);
/// assert_eq!(llm.forms().collect::<Vec<_>>(), ["large language model", "LLM", "large language models"]);
/// assert!(!llm.is_deleted());
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Canonical English form (the full form where an acronym has one).
    pub english: String,
    /// Chinese equivalents used in the text, most frequent first.
    pub chinese: Vec<String>,
    /// The acronym, if any.
    pub abbreviation: Option<String>,
    /// Other English surface forms merged into this entry.
    pub variants: Vec<String>,
    /// What kind of thing it names.
    pub category: Category,
    /// Occurrences of all its English forms in the input.
    pub frequency: usize,
    /// How likely the row is worth keeping, 0.0–1.0: the evidence that the English is a term
    /// or a name (a gloss, a spelled-out acronym, its shape, recurrence, a reference) taken
    /// together; `None` for a row no extraction scored (one a person added).
    #[serde(default)]
    pub score: Option<f32>,
    /// 0.0–1.0 for the first Chinese equivalent; `None` without one.
    pub confidence: Option<f32>,
    /// How the first Chinese equivalent was found.
    pub method: Option<Method>,
    /// `file:line` of the first occurrence.
    pub source: String,
    /// A sentence of the input showing the term (the glossed one where there is a gloss).
    pub context: String,
    /// Free text for people.
    pub note: String,
    /// The reference glossary's Chinese for the term when the text gives none and does not
    /// use it (the note says `suggested: …` too): the term has a Chinese, so it is no word to
    /// leave in English. `None` for the text's own renderings and for rows read back.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub suggested: Option<String>,
    /// Columns of a glossary read back that termbridge does not know (a person's `status`,
    /// `reviewer`, …): header name and cell, in the order of the file's columns, empty cells
    /// included. They are written back as they were, in that order; an empty cell counts as
    /// no value.
    ///
    /// ```
    /// let csv = "english,zeta,chinese,alpha\ndropout,z,丢弃法,\n";
    /// let g = termbridge::Glossary::from_csv_reader("t.csv", csv.as_bytes())?;
    /// let extra: Vec<(&str, &str)> =
    ///     g.entries()[0].extra.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    /// assert_eq!(extra, [("zeta", "z"), ("alpha", "")]);
    /// # Ok::<(), termbridge::ImportError>(())
    /// ```
    #[serde(skip_serializing_if = "Columns::is_empty", default)]
    pub extra: Columns,
    /// The occurrences of its English forms, in the order of the inputs and of their text:
    /// the first 1,000, and after them the first in each further input, so that a gigabyte
    /// of input does not keep millions. [`frequency`](Self::frequency) counts them all.
    #[serde(skip)]
    pub occurrences: Vec<Occurrence>,
}

impl Entry {
    /// An entry for `english` and nothing else: no Chinese, category [`Category::Term`],
    /// frequency 0. Set the other fields as needed.
    ///
    /// ```
    /// use termbridge::{Entry, Glossary};
    /// let mut dropout = Entry::new("dropout");
    /// dropout.chinese = vec!["丢弃法".into()];
    /// let glossary = Glossary::from_entries(vec![dropout, Entry::new("epoch")]);
    /// assert_eq!(glossary.get("Dropout").unwrap().chinese, ["丢弃法"]);
    /// ```
    pub fn new(english: impl Into<String>) -> Entry {
        Entry {
            english: english.into(),
            chinese: Vec::new(),
            abbreviation: None,
            variants: Vec::new(),
            category: Category::Term,
            frequency: 0,
            score: None,
            confidence: None,
            method: None,
            source: String::new(),
            context: String::new(),
            note: String::new(),
            suggested: None,
            extra: Columns::new(),
            occurrences: Vec::new(),
        }
    }

    /// Its English forms: the English, the acronym, the variants.
    pub fn forms(&self) -> impl Iterator<Item = &String> {
        std::iter::once(&self.english).chain(self.abbreviation.as_ref()).chain(self.variants.iter())
    }

    /// Whether a person marked the entry deleted (column `status` or `状态` = `deleted` or
    /// `已删除`): it stays in the termbase as a tombstone so that merging new extractions does
    /// not bring it back.
    pub fn is_deleted(&self) -> bool {
        let deleted = |s: &String| s.trim().eq_ignore_ascii_case("deleted") || s.trim() == "已删除";
        self.extra.iter().any(|(k, v)| (k.trim().eq_ignore_ascii_case("status") || k.trim() == "状态") && deleted(v))
    }

    /// The row's `status` (or `状态`) cell, trimmed, when it has a non-empty one.
    pub fn status(&self) -> Option<&str> {
        self.extra
            .iter()
            .filter(|(k, _)| k.trim().eq_ignore_ascii_case("status") || k.trim() == "状态")
            .map(|(_, v)| v.trim())
            .find(|v| !v.is_empty())
    }

    /// Whether the entry is to be left in English: its `status` is [`KEEP_STATUS`].
    pub fn is_kept_in_english(&self) -> bool {
        self.status().is_some_and(|s| s.eq_ignore_ascii_case(KEEP_STATUS))
    }

    /// Whether the text only ever uses the entry in English and it should stay so: no Chinese
    /// (neither the text's nor a reference's suggestion), no status a person gave, and either
    /// a name or a term that recurs ([`KEEP_MIN_FREQUENCY`]).
    fn reads_as_kept_in_english(&self) -> bool {
        self.chinese.iter().all(|zh| zh.trim().is_empty())
            && self.status().is_none()
            && self.suggested.is_none()
            && (self.category == Category::Name || self.frequency >= KEEP_MIN_FREQUENCY)
    }
}

/// The `status` of an entry to leave in English: the text never renders it in Chinese, and
/// a translation should not either (see [`Glossary::mark_kept_in_english`]).
pub const KEEP_STATUS: &str = "keep";

/// A term the text never renders in Chinese is left in English once it occurs this often:
/// writers who use a word three times and never gloss it have chosen not to translate it.
pub const KEEP_MIN_FREQUENCY: usize = 3;

/// The columns of corpus evidence that [`ExtractorBuilder::pair_counts`] adds to the rows with
/// Chinese: for each rendering, in the order of `chinese` and `|`-separated like it, the
/// number of inputs that gloss the row's English with it (`documents`) and the number of
/// glosses that do (`glosses`); `0` for a rendering that only a reference gives.
///
/// [`ExtractorBuilder::pair_counts`]: crate::ExtractorBuilder::pair_counts
pub const PAIR_COUNT_COLUMNS: [&str; 2] = ["documents", "glosses"];

/// The glossary extracted from one or more inputs.
///
/// Built by an [`Extractor`](crate::Extractor), read back from a file, or made by hand:
///
/// ```
/// use termbridge::{Entry, Glossary};
/// let mut rag = Entry::new("Retrieval-Augmented Generation");
/// rag.abbreviation = Some("RAG".into());
/// rag.chinese = vec!["检索增强生成".into()];
/// let mut glossary = Glossary::from_entries(vec![rag, Entry::new("GPU")]);
/// assert_eq!(glossary.get("rag").unwrap().chinese, ["检索增强生成"]);
///
/// glossary.retain(|e| !e.chinese.is_empty());
/// let mut csv = Vec::new();
/// glossary.write_csv(&mut csv)?;
/// let back = Glossary::from_csv_reader("glossary.csv", csv.as_slice())?;
/// assert_eq!(back.len(), 1);
/// assert_eq!(back.get("RAG").unwrap().english, "Retrieval-Augmented Generation");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Glossary {
    pub(crate) entries: Vec<Entry>,
    pub(crate) sources: Vec<String>,
}

/// The CSV header, in column order.
pub const CSV_HEADER: [&str; 12] = [
    "english",
    "chinese",
    "abbreviation",
    "variants",
    "category",
    "frequency",
    "score",
    "confidence",
    "method",
    "source",
    "context",
    "note",
];

impl Glossary {
    /// A glossary of `entries`, in their order, naming no inputs.
    pub fn from_entries(entries: Vec<Entry>) -> Glossary {
        Glossary { entries, sources: Vec::new() }
    }

    /// Marks the entries the text only ever uses in English `status` = [`KEEP_STATUS`]: those
    /// with no Chinese (nor a reference's [`suggested`](Entry::suggested) one) that are names,
    /// or terms occurring at least [`KEEP_MIN_FREQUENCY`] times. An entry with a status of its
    /// own keeps it. The glossary gets a `status` column only when some entry is marked.
    /// Every glossary an [`Extractor`](crate::Extractor) decides is marked so (`extract`,
    /// `review`, the library's `extract*` and [`decide`](crate::Extractor::decide)); call it
    /// on a glossary made otherwise, such as one built by hand.
    ///
    /// ```
    /// use termbridge::{Category, Entry, Glossary};
    /// let mut k8s = Entry::new("Kubernetes");
    /// k8s.category = Category::Name;
    /// let mut g = Glossary::from_entries(vec![k8s, Entry::new("overfitting")]);
    /// g.mark_kept_in_english();
    /// assert!(g.get("Kubernetes").unwrap().is_kept_in_english());
    /// assert!(!g.get("overfitting").unwrap().is_kept_in_english());
    ///
    /// // extraction marks its glossaries itself
    /// let extractor = termbridge::Extractor::builder().build()?;
    /// let g = extractor.extract("Kubernetes 很好。Kubernetes 的 Kubernetes 集群。过拟合（overfitting）。");
    /// assert!(g.get("Kubernetes").unwrap().is_kept_in_english());
    /// assert!(!g.get("overfitting").unwrap().is_kept_in_english());
    /// # Ok::<(), termbridge::BuildError>(())
    /// ```
    pub fn mark_kept_in_english(&mut self) {
        for e in self.entries.iter_mut().filter(|e| e.reads_as_kept_in_english()) {
            e.extra.insert("status", KEEP_STATUS);
        }
    }

    /// Keeps only the entries for which `keep` is true, in their order.
    ///
    /// ```
    /// let extractor = termbridge::Extractor::builder().build()?;
    /// let mut g = extractor.extract("过拟合（overfitting）很常见，需要 GPU。");
    /// g.retain(|e| !e.chinese.is_empty());
    /// assert_eq!(g.entries().iter().map(|e| e.english.as_str()).collect::<Vec<_>>(), ["overfitting"]);
    /// # Ok::<(), termbridge::BuildError>(())
    /// ```
    pub fn retain(&mut self, keep: impl FnMut(&Entry) -> bool) {
        self.entries.retain(keep);
    }

    /// The entries, taken out of the glossary.
    pub fn into_entries(self) -> Vec<Entry> {
        self.entries
    }

    /// The entries, ordered by frequency (highest first), then by English.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The names of the inputs, as used in `source`.
    pub fn sources(&self) -> &[String] {
        &self.sources
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The names of the entries' [`extra`](Entry::extra) columns, in order: for a glossary
    /// read from CSV, the order of the file's columns; after [`update`](Self::update), the
    /// termbase's columns, then the new glossary's. In general, the order of the entry with
    /// the most columns, and a column only other entries have goes before the next column of
    /// theirs already placed, or last.
    ///
    /// ```
    /// use termbridge::Glossary;
    /// let mut g = Glossary::from_csv_reader("a.csv", "english,chinese,zeta,alpha\nx,甲,,\n".as_bytes())?;
    /// g.update(Glossary::from_csv_reader("b.csv", "english,chinese,mid,alpha,omega\ny,乙,1,2,3\n".as_bytes())?);
    /// assert_eq!(g.extra_columns(), ["zeta", "alpha", "mid", "omega"]);
    /// # Ok::<(), termbridge::ImportError>(())
    /// ```
    pub fn extra_columns(&self) -> Vec<&str> {
        // the order as a linked list (node 0 ends it and starts it), so that a run of new
        // columns goes before a column already placed in constant time: many entries, each
        // with columns of its own, are placed in linear time
        let mut nodes: Vec<(&str, usize, usize)> = vec![("", 0, 0)]; // name, previous, next
        let mut placed: HashMap<&str, usize> = HashMap::new();
        let mut entries: Vec<&Entry> = self.entries.iter().filter(|e| !e.extra.is_empty()).collect();
        entries.sort_by_key(|e| std::cmp::Reverse(e.extra.len()));
        for e in entries {
            // each run of new columns goes before the entry's next column already placed, or last
            let mut run: Vec<&str> = Vec::new();
            for k in e.extra.keys().map(String::as_str) {
                match placed.get(k) {
                    Some(&at) => {
                        for new in run.drain(..) {
                            place_before(&mut nodes, &mut placed, at, new);
                        }
                    }
                    None => run.push(k),
                }
            }
            for new in run {
                place_before(&mut nodes, &mut placed, 0, new);
            }
        }
        let mut columns = Vec::with_capacity(nodes.len() - 1);
        let mut i = nodes[0].2;
        while i != 0 {
            columns.push(nodes[i].0);
            i = nodes[i].2;
        }
        columns
    }

    /// The entry whose English, abbreviation or a variant is `english` (case-insensitive).
    ///
    /// ```
    /// let extractor = termbridge::Extractor::builder().build()?;
    /// let glossary = extractor.extract("大语言模型（large language model，LLM）很流行。LLM 也叫大模型。");
    /// let entry = glossary.get("llm").unwrap();
    /// assert_eq!(entry.english, "large language model");
    /// assert_eq!(entry.chinese[0], "大语言模型");
    /// # Ok::<(), termbridge::BuildError>(())
    /// ```
    pub fn get(&self, english: &str) -> Option<&Entry> {
        let want = english.to_lowercase();
        self.entries.iter().find(|e| e.forms().any(|f| f.to_lowercase() == want))
    }
}

/// Puts column `name` before node `at` of a linked order of columns (see
/// [`Glossary::extra_columns`]).
fn place_before<'a>(
    nodes: &mut Vec<(&'a str, usize, usize)>,
    placed: &mut HashMap<&'a str, usize>,
    at: usize,
    name: &'a str,
) {
    let (prev, i) = (nodes[at].1, nodes.len());
    nodes.push((name, prev, at));
    nodes[prev].2 = i;
    nodes[at].1 = i;
    placed.insert(name, i);
}
