//! Reference glossaries: knowledge beyond the text in hand.
//!
//! Most English terms in Chinese prose stand alone, with no gloss (`Transformer 架构`,
//! `使用 dropout 防止过拟合`). A [`Reference`] maps English terms to their standard Chinese; the
//! extractor uses it three ways:
//!
//! * a standalone English term gets the reference's Chinese when that Chinese occurs in the
//!   same input (the author uses both): `method` is `reference`, and the confidence grows with
//!   how close and how often the two occur; otherwise the row stays without Chinese and its
//!   note says `suggested: 卷积神经网络`;
//! * the reference's Chinese terms are segmenter words and count as evidence for the left
//!   boundary of a glossed term;
//! * a rendering that differs from the reference gets the note `reference: 卷积神经网络`.
//!
//! termbridge ships a curated reference (`glossary/reference.csv`, compiled into the binary);
//! users add their own termbases, which win over it.

use crate::model::facts::{COUNTED_HITS, NEAR};
use crate::model::{Category, EnglishFact, Entry, FormFact, InputFacts, ReferenceFact};
use crate::text::key;
use crate::text::matcher::StringSet;
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, HashMap};

/// The most occurrences of one short reference term (one or two characters, which must
/// stand as a word) checked when counting it in an input.
const MAX_TRIED: usize = 16;

/// One reference entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReferenceEntry {
    /// The English term.
    pub english: String,
    /// Accepted Chinese equivalents, the preferred first; empty for names kept in English.
    pub chinese: Vec<String>,
    /// The acronym, if any.
    pub abbreviation: Option<String>,
    /// The category, when the reference gives one.
    pub category: Option<Category>,
    /// A note for people.
    pub note: String,
}

/// A reference glossary: English terms with their standard Chinese.
///
/// ```
/// use termbridge::Reference;
/// let csv = "english,chinese\nconvolutional neural network,卷积神经网络\n";
/// let r = Reference::from_csv_reader("mine.csv", csv.as_bytes())?;
/// assert_eq!(r.get("Convolutional Neural Networks").unwrap().chinese, ["卷积神经网络"]);
/// assert!(Reference::builtin()?.len() > 800);
/// # Ok::<(), termbridge::ImportError>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Reference {
    entries: Vec<ReferenceEntry>,
    by_key: FxHashMap<String, usize>,
    /// Acronym key → the entries that have it.
    by_abbreviation: FxHashMap<String, Vec<usize>>,
}

impl Reference {
    /// A reference that knows nothing.
    pub fn empty() -> Reference {
        Reference::default()
    }

    /// A reference made of a glossary's entries (its English, Chinese, acronym and note).
    pub fn from_glossary(glossary: &crate::Glossary) -> Reference {
        let mut out = Reference::empty();
        for e in glossary.entries() {
            out.insert(ReferenceEntry {
                english: e.english.clone(),
                chinese: e.chinese.clone(),
                abbreviation: e.abbreviation.clone(),
                category: Some(e.category),
                note: e.note.clone(),
            });
        }
        out
    }

    /// A reference made of the entries of a termbase that was read; their categories count
    /// only when it had a `category` column.
    pub(crate) fn from_entries(entries: Vec<Entry>, has_category: bool) -> Reference {
        let mut out = Reference::empty();
        for e in entries {
            out.insert(ReferenceEntry {
                english: e.english,
                chinese: e.chinese,
                abbreviation: e.abbreviation,
                category: has_category.then_some(e.category),
                note: e.note,
            });
        }
        out
    }

    /// Adds an entry; an entry with the same English replaces the earlier one.
    pub fn insert(&mut self, entry: ReferenceEntry) {
        let k = key(&entry.english);
        let i = match self.by_key.get(&k) {
            Some(&i) => {
                if let Some(old) = self.entries[i].abbreviation.as_deref().map(key) {
                    if let Some(list) = self.by_abbreviation.get_mut(&old) {
                        list.retain(|&j| j != i);
                    }
                }
                self.entries[i] = entry;
                i
            }
            None => {
                self.by_key.insert(k, self.entries.len());
                self.entries.push(entry);
                self.entries.len() - 1
            }
        };
        if let Some(a) = self.entries[i].abbreviation.as_deref().map(key) {
            self.by_abbreviation.entry(a).or_default().push(i);
        }
    }

    /// Adds all entries of `other`; they win over entries of `self` with the same English.
    pub fn extend(&mut self, other: Reference) {
        for e in other.entries {
            self.insert(e);
        }
    }

    /// The entry for an English term, its plural, another spelling or its acronym.
    pub fn get(&self, english: &str) -> Option<&ReferenceEntry> {
        let k = key(english);
        if let Some(&i) = self.by_key.get(&k) {
            return Some(&self.entries[i]);
        }
        // an acronym: only when exactly one entry has it
        match self.by_abbreviation.get(&k).map(Vec::as_slice) {
            Some([i]) => Some(&self.entries[*i]),
            _ => None,
        }
    }

    /// All entries.
    pub fn entries(&self) -> &[ReferenceEntry] {
        &self.entries
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether it has no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_misses() {
        let table: &[(&str, &str, bool)] = &[
            ("卷积神精网络", "卷积神经网络", true),
            ("卷积神经网路", "卷积神经网络", true),
            ("循环神经网络", "卷积神经网络", false), // another term, two characters apart
            ("汇聚", "池化", false),
            ("过拟合", "过拟合", false),
            ("注意力", "注意", false),
            ("长短期记忆网络", "长短时记忆网络络", true),
        ];
        for (a, b, want) in table {
            assert_eq!(near_miss(a, b), *want, "{a} / {b}");
        }
    }

    #[test]
    fn reads_any_csv_with_english_and_chinese() {
        let table: &[(&str, &str, &[&str])] = &[
            ("english,chinese\ndropout,暂退法|丢弃法\n", "dropout", &["暂退法", "丢弃法"]),
            ("Chinese,English,Note\n过拟合,overfitting,x\n", "overfitting", &["过拟合"]),
            ("source,target\nTransformer,\n", "transformer", &[]),
        ];
        for (csv, en, zh) in table {
            let r = Reference::from_csv_reader("t.csv", csv.as_bytes()).unwrap();
            assert_eq!(r.get(en).unwrap().chinese, *zh, "{csv}");
        }
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let err = Reference::from_csv_reader("terms.csv", "term,meaning\nx,y\n".as_bytes()).unwrap_err();
        assert_eq!(err.to_string(), "terms.csv:1: needs an `english` and a `chinese` column in its header row");
    }

    #[test]
    fn later_entries_win_and_acronyms_resolve() {
        let mut r = Reference::builtin().unwrap();
        let user = Reference::from_csv_reader("u.csv", "english,chinese\ndropout,丢弃法\n".as_bytes()).unwrap();
        r.extend(user);
        assert_eq!(r.get("dropout").unwrap().chinese, ["丢弃法"]);
        assert_eq!(r.get("CNN").unwrap().english, "convolutional neural network");
    }
}

/// Where the reference's Chinese terms occur in the input.
pub(crate) struct ChineseIndex {
    /// The strings searched for: each reference Chinese term and its variant forms.
    patterns: StringSet,
    /// For each reference Chinese term, its patterns: itself first, then variant forms.
    forms: FxHashMap<String, Vec<usize>>,
}

impl ChineseIndex {
    /// Indexes every Chinese term of `reference`, with the forms in which a text may write
    /// it: without the space next to Latin letters (`KV缓存` for `KV 缓存`) and with its two
    /// halves swapped (`词向量预训练` for `预训练词向量`), split into words by `words`.
    pub(crate) fn new(reference: &Reference, words: impl Fn(&str) -> Vec<String>) -> ChineseIndex {
        let mut patterns: Vec<String> = Vec::new();
        let mut ids: HashMap<String, usize> = HashMap::new();
        let mut forms: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        let mut id = |p: String, patterns: &mut Vec<String>| {
            *ids.entry(p.clone()).or_insert_with(|| {
                patterns.push(p);
                patterns.len() - 1
            })
        };
        for entry in &reference.entries {
            for zh in &entry.chinese {
                if forms.contains_key(zh) {
                    continue;
                }
                let mut variants = vec![id(zh.clone(), &mut patterns)];
                if zh.contains(' ') {
                    variants.push(id(zh.replace(' ', ""), &mut patterns));
                }
                // full-width Latin letters and digits: Ｐｙｔｈｏｎ 包
                if zh.chars().any(|c| c.is_ascii_alphanumeric()) {
                    let wide: String =
                        zh.chars()
                            .map(|c| {
                                if c.is_ascii_alphanumeric() {
                                    char::from_u32(c as u32 + 0xfee0).unwrap_or(c)
                                } else {
                                    c
                                }
                            })
                            .collect();
                    variants.push(id(wide.replace(' ', ""), &mut patterns));
                    variants.push(id(wide, &mut patterns));
                }
                let parts = words(zh);
                if zh.chars().count() >= 4 && !zh.contains(' ') {
                    for k in 1..parts.len() {
                        let (head, tail) = (parts[..k].concat(), parts[k..].concat());
                        if head.chars().count() >= 2 && tail.chars().count() >= 2 {
                            variants.push(id(format!("{tail}{head}"), &mut patterns));
                        }
                    }
                }
                let mut seen = std::collections::HashSet::new();
                variants.retain(|v| seen.insert(*v));
                forms.insert(zh.clone(), variants);
            }
        }
        ChineseIndex { patterns: StringSet::new(patterns.iter().map(String::as_str)), forms }
    }

    /// The Chinese terms of the reference, for the segmenter.
    pub(crate) fn terms(&self) -> impl Iterator<Item = &str> {
        self.forms.keys().map(String::as_str)
    }

    /// The Chinese terms and their variant forms, as scanned for (a [`Hits`] records where
    /// they occur).
    pub(crate) fn patterns(&self) -> &StringSet {
        &self.patterns
    }

    /// How the reference's Chinese terms occur in one input's view, given where they occur
    /// (`hits`, from a scan of the view for [`patterns`](Self::patterns)): for each that
    /// occurs, how often (up to [`COUNTED_HITS`]) and how close it comes to the English forms
    /// that the reference renders with it. The longest match wins, so `卷积` inside
    /// `卷积神经网络` is not counted; a one- or two-character term must also stand as a word of
    /// its own (`值` in `数值` is not the term `值`), which `is_word(view, start, end)` decides.
    pub(crate) fn facts(
        &self,
        hits: Hits,
        reference: &Reference,
        view: &str,
        forms: &[FormFact],
        english: &[EnglishFact],
        is_word: impl Fn(&str, usize, usize) -> bool,
    ) -> Vec<ReferenceFact> {
        let Hits(hits) = hits;
        if hits.is_empty() {
            return Vec::new();
        }
        let mut verdicts: FxHashMap<usize, bool> = FxHashMap::default();
        let mut stands = |p: usize, at: usize| {
            let pattern = self.patterns.get(p);
            pattern.chars().count() > 2 || *verdicts.entry(at).or_insert_with(|| is_word(view, at, at + pattern.len()))
        };
        let mut out: BTreeMap<usize, ReferenceFact> = BTreeMap::new();
        for (p, starts) in hits.iter().enumerate().filter(|(_, h)| !h.is_empty()) {
            let mut count = 0;
            for &at in starts.iter().take(MAX_TRIED) {
                if count == COUNTED_HITS {
                    break;
                }
                count += usize::from(stands(p, at));
            }
            if count > 0 {
                out.insert(p, ReferenceFact { chinese: self.patterns.get(p).to_string(), count, near: Vec::new() });
            }
        }
        // Where each form occurs.
        let mut places: Vec<Vec<usize>> = vec![Vec::new(); forms.len()];
        for e in english {
            if let Some(v) = places.get_mut(e.form) {
                v.push(e.span.start);
            }
        }
        for (fi, form) in forms.iter().enumerate() {
            let Some(row) = reference.get(&form.text) else { continue };
            for zh in &row.chinese {
                for &p in self.forms(zh) {
                    let starts = &hits[p];
                    if starts.is_empty() {
                        continue;
                    }
                    let mut best: Option<usize> = None;
                    for &o in &places[fi] {
                        // the hits around o, nearest first, until one stands as a word
                        let i = starts.partition_point(|&h| h < o);
                        let (mut left, mut right) = (i, i);
                        loop {
                            let dl = (left > 0).then(|| o - starts[left - 1]);
                            let dr = starts.get(right).map(|&h| h - o);
                            let (d, at) = match (dl, dr) {
                                (Some(l), Some(r)) if l <= r => (l, starts[left - 1]),
                                (Some(l), None) => (l, starts[left - 1]),
                                (_, Some(r)) => (r, starts[right]),
                                (None, None) => break,
                            };
                            if d > NEAR || best.is_some_and(|b| d >= b) {
                                break;
                            }
                            if at < o {
                                left -= 1;
                            } else {
                                right += 1;
                            }
                            if stands(p, at) {
                                best = Some(d);
                                break;
                            }
                        }
                    }
                    if let Some(d) = best {
                        let fact = out.entry(p).or_insert_with(|| ReferenceFact {
                            chinese: self.patterns.get(p).to_string(),
                            count: 1,
                            near: Vec::new(),
                        });
                        match fact.near.iter_mut().find(|(f, _)| *f == fi) {
                            Some(n) => n.1 = n.1.min(d),
                            None => fact.near.push((fi, d)),
                        }
                    }
                }
            }
        }
        out.into_values().collect()
    }

    /// The patterns of a reference Chinese term: itself first, then its variant forms.
    pub(crate) fn forms(&self, chinese: &str) -> &[usize] {
        self.forms.get(chinese).map_or(&[], Vec::as_slice)
    }

    pub(crate) fn pattern(&self, id: usize) -> &str {
        self.patterns.get(id)
    }
}

/// Where the [`patterns`](ChineseIndex::patterns) of a [`ChineseIndex`] occur in a text,
/// leftmost-longest: for each pattern, its starts in order (matches never overlap, so a start
/// names one match); no lists at all when none occurs.
#[derive(Debug, Default)]
pub(crate) struct Hits(Vec<Vec<usize>>);

impl Hits {
    /// Records a match of pattern `id` of `index` at `at`; matches come in text order.
    pub(crate) fn push(&mut self, index: &ChineseIndex, id: usize, at: usize) {
        if self.0.is_empty() {
            self.0 = vec![Vec::new(); index.patterns.len()];
        }
        self.0[id].push(at);
    }
}

/// Completes the entries with what the reference knows: the Chinese of standalone terms
/// when the input uses it, suggestions where it does not, and the standard term where the
/// input renders a term otherwise.
pub(crate) fn annotate(
    entries: &mut [crate::Entry],
    reference: &Reference,
    index: &ChineseIndex,
    inputs: &[InputFacts],
) {
    if reference.is_empty() {
        return;
    }
    // Where each of the reference's Chinese forms occurs: (input, its facts).
    let mut by_chinese: HashMap<&str, Vec<(usize, &ReferenceFact)>> = HashMap::new();
    for (d, input) in inputs.iter().enumerate() {
        for r in &input.reference {
            by_chinese.entry(r.chinese.as_str()).or_default().push((d, r));
        }
    }
    for e in entries.iter_mut() {
        let found = e.forms().find_map(|en| reference.get(en));
        let Some(r) = found else { continue };
        if let Some(c) = r.category {
            if c == Category::Name || e.category == Category::Name {
                e.category = c;
            }
        }
        let Some(preferred) = r.chinese.first() else {
            continue;
        };
        if let Some(first) = e.chinese.first() {
            if !r.chinese.contains(first) {
                let reordered = r.chinese.iter().find(|z| index.forms(z).iter().any(|&p| index.pattern(p) == first));
                let note = match (reordered, r.chinese.iter().find(|z| near_miss(first, z))) {
                    (Some(z), _) => format!("reference: {z} (word order)"),
                    (None, Some(z)) => format!("reference: {z} (near miss)"),
                    (None, None) => format!("reference: {preferred}"),
                };
                e.note = join_note(&e.note, &note);
            }
            continue;
        }
        // The forms of the reference's Chinese that the input uses, in the reference's order.
        let mut used: Vec<(&str, &str, &Vec<(usize, &ReferenceFact)>)> = Vec::new();
        for zh in &r.chinese {
            for &p in index.forms(zh) {
                if let Some(list) = by_chinese.get(index.pattern(p)) {
                    used.push((index.pattern(p), zh, list));
                }
            }
        }
        if used.is_empty() {
            e.note = join_note(&e.note, &format!("suggested: {preferred}"));
            continue;
        }
        // How close the English and the Chinese come: the same paragraph, the same file.
        let forms: Vec<&str> = e.forms().map(String::as_str).collect();
        let near = |limit: usize| {
            used.iter().any(|(_, _, list)| {
                list.iter().any(|&(d, f)| {
                    f.near.iter().any(|&(fi, at)| at <= limit && forms.contains(&inputs[d].forms[fi].text.as_str()))
                })
            })
        };
        let same_file = used.iter().any(|(_, _, list)| {
            list.iter().any(|&(d, _)| {
                let i = e.occurrences.partition_point(|o| o.source < d);
                e.occurrences.get(i).is_some_and(|o| o.source == d)
            })
        });
        let count = used.iter().flat_map(|(_, _, list)| list.iter()).map(|(_, f)| f.count).sum::<usize>();
        // A single word or an acronym has many senses (PDF, join, Limits): its Chinese must
        // be close by, in the same paragraph; a multi-word term may be anywhere in the input.
        // (names the reference knows are not ambiguous: 英伟达 is NVIDIA wherever it stands)
        let single = !e.english.contains([' ', '-']);
        let ambiguous = r.category != Some(Category::Name) && (single || e.category == Category::Abbreviation);
        if ambiguous && !near(300) {
            e.note = join_note(&e.note, &format!("suggested: {preferred}"));
            continue;
        }
        let mut confidence: f32 = if near(300) {
            0.75
        } else if near(3000) {
            0.65
        } else if same_file {
            0.55
        } else {
            0.45
        };
        confidence += 0.02 * (count.min(10) as f32);
        e.chinese = Vec::new();
        for (form, zh, _) in &used {
            if !e.chinese.iter().any(|c| c == form) {
                e.chinese.push(form.to_string());
            }
            // a spacing or width variant is the same term; another order is worth a note
            let plain = |s: &str| s.chars().map(crate::text::fold).filter(|c| !c.is_whitespace()).collect::<String>();
            if plain(form) != plain(zh) {
                e.note = join_note(&e.note, &format!("reference: {zh} (word order)"));
            }
        }
        e.method = Some(crate::Method::Reference);
        e.confidence = Some(confidence.min(0.9));
    }
}

/// Whether `a` looks like a mistyped or reworded `b`: one character different (two in a
/// longer term), never the same: `卷积神精网络` for `卷积神经网络`, not `汇聚` for `池化`.
fn near_miss(a: &str, b: &str) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    let limit = if la.min(lb) >= 7 { 2 } else { 1 };
    a != b && la.min(lb) >= 3 && la.abs_diff(lb) <= 1 && strsim::levenshtein(a, b) <= limit
}

fn join_note(note: &str, add: &str) -> String {
    if note.is_empty() {
        add.to_string()
    } else {
        format!("{note}; {add}")
    }
}
