//! Where the reference's Chinese terms occur in an input, and how near they come to the
//! English forms that the reference renders with them: the evidence for giving a standalone
//! English term its reference Chinese. A term is also looked for in the forms a text may
//! write it in (without a space next to Latin letters, in full-width letters, with its two
//! halves swapped).

use super::Reference;
use crate::model::facts::{COUNTED_HITS, NEAR};
use crate::model::{EnglishFact, FormFact, ReferenceFact};
use crate::text::matcher::StringSet;
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, HashMap};

/// The most occurrences of one short reference term (one or two characters, which must
/// stand as a word) checked when counting it in an input.
const MAX_TRIED: usize = 16;
/// A term of one or two characters is often part of a longer word (`值` in `数值`): it counts
/// only where it stands as a word of its own.
const SHORT_TERM_CHARS: usize = 2;
/// A term of four characters or more may be written with its halves swapped
/// (`词向量预训练` for `预训练词向量`); a shorter one swapped is another word.
const MIN_SWAPPED_CHARS: usize = 4;
/// Each swapped half is a word of two characters or more.
const MIN_HALF_CHARS: usize = 2;
/// From an ASCII letter or digit to its full-width form (`A` to `Ａ`).
const FULL_WIDTH_OFFSET: u32 = 0xfee0;

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
                    let wide: String = zh
                        .chars()
                        .map(|c| {
                            if c.is_ascii_alphanumeric() {
                                char::from_u32(c as u32 + FULL_WIDTH_OFFSET).unwrap_or(c)
                            } else {
                                c
                            }
                        })
                        .collect();
                    variants.push(id(wide.replace(' ', ""), &mut patterns));
                    variants.push(id(wide, &mut patterns));
                }
                let parts = words(zh);
                if zh.chars().count() >= MIN_SWAPPED_CHARS && !zh.contains(' ') {
                    for k in 1..parts.len() {
                        let (head, tail) = (parts[..k].concat(), parts[k..].concat());
                        if head.chars().count() >= MIN_HALF_CHARS && tail.chars().count() >= MIN_HALF_CHARS {
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
            pattern.chars().count() > SHORT_TERM_CHARS
                || *verdicts.entry(at).or_insert_with(|| is_word(view, at, at + pattern.len()))
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
                    let best = nearest(starts, &places[fi], |at| stands(p, at));
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

/// The fewest bytes from one of `places` to a hit in `starts` (both in text order) that
/// `stands` as a word, when within [`NEAR`].
fn nearest(starts: &[usize], places: &[usize], mut stands: impl FnMut(usize) -> bool) -> Option<usize> {
    let mut best: Option<usize> = None;
    for &o in places {
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
            if stands(at) {
                best = Some(d);
                break;
            }
        }
    }
    best
}
