//! Reading the facts of one input from its document and its glosses: the English forms
//! (whitespace folded, each with the sentence of its first occurrence), every English
//! candidate in text order, and the glosses, with their Chinese cleaned.
//!
//! A long input glosses a term thousands of times, so glosses written alike are kept once
//! with a count, and only the first gloss of each English and Chinese keeps its sentence
//! (the one a glossary entry can quote); `check` asks for every gloss with its sentence.

use crate::align::Gloss;
use crate::model::facts::Sentence;
use crate::model::{EnglishFact, FormFact, GlossFact, InputFacts, Method, Span};
use crate::normalize::Document;
use crate::text::chars::is_cjk;
use rustc_hash::{FxHashMap, FxHashSet};

/// Chinese renderings seldom nest: the few that start last before an English form are
/// enough to tell whether one of them encloses it.
const ENCLOSING_TRIED: usize = 4;

impl InputFacts {
    /// Reads the facts of one input from its document and glosses. With `all_contexts`,
    /// every gloss keeps its sentence, not only the first of each English form and Chinese.
    pub(crate) fn new(
        name: &str,
        doc: &Document<'_>,
        english: &[(Span, bool)],
        glosses: &[Gloss],
        all_contexts: bool,
    ) -> InputFacts {
        // several forms and glosses often share a sentence: it is built once
        let mut sentences = Sentences { doc, built: FxHashMap::default() };
        let (forms, english) = read_english(&mut sentences, english, glosses);
        let glosses = read_glosses(&mut sentences, glosses, all_contexts);
        InputFacts {
            name: name.to_string(),
            bytes: doc.text().len(),
            forms,
            english,
            form_counts: Vec::new(),
            glosses,
            reference: Vec::new(),
            composed: Vec::new(),
        }
    }
}

/// The English forms of an input and its English candidates in text order, leaving out
/// English inside a Chinese rendering (HTTP in HTTP 请求头), which is part of that rendering.
fn read_english(
    sentences: &mut Sentences<'_, '_>,
    english: &[(Span, bool)],
    glosses: &[Gloss],
) -> (Vec<FormFact>, Vec<EnglishFact>) {
    let doc = sentences.doc;
    let text = doc.text();
    let mut chinese: Vec<Span> = glosses.iter().filter_map(|g| g.chinese).collect();
    chinese.sort();
    let inside = |span: Span| {
        let i = chinese.partition_point(|z| z.start <= span.start);
        chinese[..i].iter().rev().take(ENCLOSING_TRIED).any(|z| span.end <= z.end)
    };
    let mut forms: Vec<FormFact> = Vec::new();
    let mut form_ids: FxHashMap<&str, usize> = FxHashMap::default();
    let mut folded_ids: FxHashMap<String, usize> = FxHashMap::default();
    let mut facts = Vec::with_capacity(english.len());
    let mut line = 1;
    for &(span, title) in english.iter().filter(|(span, _)| !inside(*span)) {
        let raw = &text[span.range()];
        let form = match form_ids.get(raw) {
            Some(&f) => f,
            None => {
                let folded = surface(raw);
                let f = *folded_ids.entry(folded.clone()).or_insert_with(|| {
                    forms.push(FormFact { text: folded, context: sentences.around(span) });
                    forms.len() - 1
                });
                form_ids.insert(raw, f);
                f
            }
        };
        // the English comes in text order
        line = doc.line_from(line, span.start);
        facts.push(EnglishFact { form, span, line: u32::try_from(line).unwrap_or(u32::MAX), title });
    }
    (forms, facts)
}

/// The glosses of an input; with `all_contexts`, each one with its place and sentence.
fn read_glosses(sentences: &mut Sentences<'_, '_>, glosses: &[Gloss], all_contexts: bool) -> Vec<GlossFact> {
    let doc = sentences.doc;
    let text = doc.text();
    let mut quoted = Quoted::default();
    let mut fact = |g: &Gloss| gloss_fact(sentences, &mut quoted, g, all_contexts);
    if all_contexts {
        return glosses.iter().map(fact).collect();
    }
    // a gloss written exactly as an earlier one only adds to its count: it would be
    // folded into it below, and its sentence would not be kept
    let raw = |s: Option<Span>| s.map(|s| &text[s.range()]);
    let mut first_of: FxHashMap<RawGloss<'_>, usize> = FxHashMap::default();
    let mut unique: Vec<GlossFact> = Vec::new();
    for g in glosses {
        let key = (&text[g.english.range()], raw(g.abbreviation), raw(g.alias), raw(g.chinese), g.method);
        match first_of.get(&key) {
            Some(&i) => {
                unique[i].count += 1;
                unique[i].confidence = unique[i].confidence.max(g.confidence);
            }
            None => {
                first_of.insert(key, unique.len());
                unique.push(fact(g));
            }
        }
    }
    let (mut folder, mut kept) = (GlossFolder::default(), Vec::new());
    for g in unique {
        folder.add(&mut kept, g);
    }
    kept
}

/// The facts of one gloss; its sentence is kept when it is the first gloss of its English
/// and Chinese, or when `all_contexts` asks for every sentence.
fn gloss_fact(sentences: &mut Sentences<'_, '_>, quoted: &mut Quoted, g: &Gloss, all_contexts: bool) -> GlossFact {
    let doc = sentences.doc;
    let text = doc.text();
    let english = boxed_surface(&text[g.english.range()]);
    let chinese =
        g.chinese.map(|s| (clean_chinese(&text[s.range()]).into_boxed_str(), s)).filter(|(z, _)| !z.is_empty());
    let first = chinese.as_ref().is_some_and(|(z, _)| quoted.insert(&english, z));
    GlossFact {
        abbreviation: g.abbreviation.map(|s| boxed_surface(&text[s.range()])),
        alias: g.alias.map(|s| boxed_surface(&text[s.range()])),
        method: g.method,
        confidence: g.confidence,
        site: g.site,
        line: doc.line_of(g.site.start),
        context: (first || all_contexts).then(|| sentences.around(g.site)),
        english,
        chinese,
        count: 1,
    }
}

/// The sentences of a document as [`Document::sentence_around`] gives them, each built once
/// and shared by the forms and glosses that quote it.
struct Sentences<'d, 'a> {
    doc: &'d Document<'a>,
    built: FxHashMap<(usize, usize, bool), Sentence>,
}

impl Sentences<'_, '_> {
    fn around(&mut self, span: Span) -> Sentence {
        let (start, end, cut) = self.doc.quote_bounds(span);
        let doc = self.doc;
        self.built.entry((start, end, cut)).or_insert_with(|| Sentence::from(doc.quote((start, end), cut))).clone()
    }
}

/// Text with its runs of white space folded to one space, and none at either end.
pub(super) fn surface(text: &str) -> String {
    let mut s = String::new();
    for w in text.split_whitespace() {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(w);
    }
    s
}

/// [`surface`] in a box of its size: most English is written with single spaces already.
fn boxed_surface(text: &str) -> Box<str> {
    let folded = |(i, c): (usize, char)| c.is_whitespace() && (c != ' ' || i == 0 || text[..i].ends_with(' '));
    if text.char_indices().any(folded) || text.ends_with(' ') {
        surface(text).into_boxed_str()
    } else {
        Box::from(text)
    }
}

/// A Chinese rendering as a glossary gives it: white space folded, no space left between two
/// Chinese characters (line wrapping), no quotes or emphasis marks around it.
pub(super) fn clean_chinese(text: &str) -> String {
    let t = surface(text);
    // drop spaces between two CJK characters (line wrapping), keep them next to Latin
    let cs: Vec<char> = t.chars().collect();
    let mut out = String::new();
    for (i, &c) in cs.iter().enumerate() {
        if c == ' ' && i > 0 && i + 1 < cs.len() && is_cjk(cs[i - 1]) && is_cjk(cs[i + 1]) {
            continue;
        }
        out.push(c);
    }
    out.trim_matches(|c: char| "「」『』“”《》\"'*_".contains(c)).to_string()
}

/// A gloss as written: English, acronym, alias, Chinese, method.
type RawGloss<'t> = (&'t str, Option<&'t str>, Option<&'t str>, Option<&'t str>, Method);

/// The pairs of English and Chinese seen so far, looked up without copying either.
#[derive(Default)]
pub(super) struct Quoted(FxHashMap<String, FxHashSet<String>>);

impl Quoted {
    /// Adds a pair; whether it is new.
    pub(super) fn insert(&mut self, english: &str, chinese: &str) -> bool {
        match self.0.get_mut(english) {
            Some(zh) => !zh.contains(chinese) && zh.insert(chinese.to_string()),
            None => {
                self.0.insert(english.to_string(), FxHashSet::from_iter([chinese.to_string()]));
                true
            }
        }
    }
}

/// Keeps glosses that agree in English, acronym, alias, Chinese and method once, at the
/// first, with their count and highest confidence: a long input glosses a term thousands of
/// times. (The glossary is decided from counts, so folding changes nothing in it.)
#[derive(Default)]
pub(super) struct GlossFolder {
    /// The kept glosses by a hash of what makes them the same.
    at: HashIndex,
}

impl GlossFolder {
    /// Adds a gloss, kept or folded into one kept before; the index of the one kept.
    pub(super) fn add(&mut self, kept: &mut Vec<GlossFact>, g: GlossFact) -> usize {
        fn what(g: &GlossFact) -> (&str, Option<&str>, Option<&str>, Option<&str>, Method) {
            (&g.english, g.abbreviation.as_deref(), g.alias.as_deref(), g.chinese.as_ref().map(|(z, _)| &**z), g.method)
        }
        let hash = hash_of(what(&g));
        match self.at.find(hash, |i| what(&kept[i]) == what(&g)) {
            Some(i) => {
                kept[i].count += g.count;
                kept[i].confidence = kept[i].confidence.max(g.confidence);
                i
            }
            None => {
                self.at.insert(hash, kept.len());
                kept.push(g);
                kept.len() - 1
            }
        }
    }
}

/// A 64-bit hash of what makes two items the same.
pub(super) fn hash_of(what: impl std::hash::Hash) -> u64 {
    std::hash::BuildHasher::hash_one(&rustc_hash::FxBuildHasher, what)
}

/// The items of a list looked up by a hash of what makes them the same and compared in the
/// list itself: sixteen bytes an item and no copy of its text, as a long input holds
/// hundreds of thousands of forms and glosses.
#[derive(Default)]
pub(super) struct HashIndex {
    /// The first item of each hash.
    first: FxHashMap<u64, usize>,
    /// The other items of a hash that two different items share.
    more: FxHashMap<u64, Vec<usize>>,
}

impl HashIndex {
    /// The first item with this hash of which `same` holds.
    pub(super) fn find(&self, hash: u64, mut same: impl FnMut(usize) -> bool) -> Option<usize> {
        let &i = self.first.get(&hash)?;
        if same(i) {
            return Some(i);
        }
        self.more.get(&hash)?.iter().copied().find(|&i| same(i))
    }

    /// Adds item `i` with this hash (not found before).
    pub(super) fn insert(&mut self, hash: u64, i: usize) {
        match self.first.entry(hash) {
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(i);
            }
            std::collections::hash_map::Entry::Occupied(_) => self.more.entry(hash).or_default().push(i),
        }
    }
}
