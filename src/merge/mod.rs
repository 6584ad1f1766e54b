//! Stage 4: fold English surface forms and glosses into one entry per concept.
//!
//! Surface forms are grouped by a [`key`] that ignores case, full-width forms, hyphen, space
//! and underscore differences and a plural ending on the last word. Groups are then joined
//! when the text links them: an acronym stated with its full form (anywhere in the input, the
//! most frequent pairing winning where an acronym has several), an alias (`GPT-4o（即
//! Omni）`), an acronym and a full form glossed with the same Chinese, and near-duplicate
//! spellings (`continous`/`continuous`). Near-duplicates are guarded: forms with digits,
//! acronyms, short forms and forms glossed with different Chinese are never merged, so
//! `GPT-4` ≠ `GPT-4o`, `ACL` ≠ `ACM`, `YOLOv5` ≠ `YOLOv8`.

use crate::align::Gloss;
use crate::model::facts::COUNTED_HITS;
use crate::model::{
    Category, EnglishFact, Entry, FormFact, GlossFact, Glossary, InputFacts, Method, Occurrence, ReferenceFact, Span,
};
use crate::normalize::Document;
use crate::text::chars::{fold, is_cjk};
use crate::text::key;
use crate::text::{abbreviates, is_acronym};
use rustc_hash::{FxHashMap, FxHashSet};

use std::collections::{BTreeMap, HashMap, HashSet};

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
        let text = doc.text();
        // English inside a Chinese rendering (HTTP in HTTP 请求头) is part of that rendering
        let mut chinese: Vec<Span> = glosses.iter().filter_map(|g| g.chinese).collect();
        chinese.sort();
        let inside = |span: Span| {
            let i = chinese.partition_point(|z| z.start <= span.start);
            chinese[..i].iter().rev().take(4).any(|z| span.end <= z.end)
        };
        // several forms and glosses often share a sentence: it is built once
        let mut sentences = Sentences { doc, built: FxHashMap::default() };
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
            facts.push(EnglishFact { form, span, line, title });
        }
        let mut quoted = Quoted::default();
        let mut fact = |g: &Gloss, quoted: &mut Quoted| {
            let english = surface(&text[g.english.range()]);
            let chinese = g.chinese.map(|s| (clean_chinese(&text[s.range()]), s)).filter(|(z, _)| !z.is_empty());
            let first = chinese.as_ref().is_some_and(|(z, _)| quoted.insert(&english, z));
            GlossFact {
                abbreviation: g.abbreviation.map(|s| surface(&text[s.range()])),
                alias: g.alias.map(|s| surface(&text[s.range()])),
                method: g.method,
                confidence: g.confidence,
                site: g.site,
                line: doc.line_of(g.site.start),
                context: (first || all_contexts).then(|| sentences.around(g.site)),
                english,
                chinese,
                count: 1,
            }
        };
        let glosses = if all_contexts {
            glosses.iter().map(|g| fact(g, &mut quoted)).collect()
        } else {
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
                        unique.push(fact(g, &mut quoted));
                    }
                }
            }
            let (mut folder, mut kept) = (GlossFolder::default(), Vec::new());
            for g in unique {
                folder.add(&mut kept, g);
            }
            kept
        };
        InputFacts { name: name.to_string(), forms, english: facts, glosses, reference: Vec::new() }
    }
}

/// The sentences of a document as [`Document::sentence_around`] gives them, each built once.
struct Sentences<'d, 'a> {
    doc: &'d Document<'a>,
    built: FxHashMap<(usize, usize), String>,
}

impl Sentences<'_, '_> {
    fn around(&mut self, span: Span) -> String {
        let bounds = self.doc.sentence_bounds(span);
        self.built.entry(bounds).or_insert_with(|| self.doc.sentence(bounds)).clone()
    }
}

#[derive(Default)]
struct Rendering {
    count: usize,
    confidence: f32,
    method: Option<Method>,
    first: (usize, usize),
    /// The first gloss with this rendering: input and gloss index.
    site: (usize, usize),
}

#[derive(Default)]
struct Group {
    surfaces: BTreeMap<String, (usize, (usize, usize))>,
    renderings: HashMap<String, Rendering>,
    occurrences: Vec<Occurrence>,
    title: bool,
}

struct UnionFind(Vec<usize>);
impl UnionFind {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.0[a.max(b)] = a.min(b);
        }
    }
}

pub(crate) fn surface(text: &str) -> String {
    let mut s = String::new();
    for w in text.split_whitespace() {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(w);
    }
    s
}

pub(crate) fn clean_chinese(text: &str) -> String {
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
struct Quoted(FxHashMap<String, FxHashSet<String>>);

impl Quoted {
    /// Adds a pair; whether it is new.
    fn insert(&mut self, english: &str, chinese: &str) -> bool {
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
struct GlossFolder {
    /// The kept glosses by a hash of what makes them the same.
    at: FxHashMap<u64, Vec<usize>>,
}

impl GlossFolder {
    fn add(&mut self, kept: &mut Vec<GlossFact>, g: GlossFact) {
        fn what(g: &GlossFact) -> (&str, Option<&str>, Option<&str>, Option<&str>, Method) {
            (
                g.english.as_str(),
                g.abbreviation.as_deref(),
                g.alias.as_deref(),
                g.chinese.as_ref().map(|(z, _)| z.as_str()),
                g.method,
            )
        }
        let hash = std::hash::BuildHasher::hash_one(&rustc_hash::FxBuildHasher, what(&g));
        let same = self.at.entry(hash).or_default();
        match same.iter().copied().find(|&i| what(&kept[i]) == what(&g)) {
            Some(i) => {
                kept[i].count += g.count;
                kept[i].confidence = kept[i].confidence.max(g.confidence);
            }
            None => {
                same.push(kept.len());
                kept.push(g);
            }
        }
    }
}

/// The facts of an input gathered from the facts of its pieces, in order (each already
/// placed at its offsets and lines in the whole input). Forms, quoted sentences, glosses and
/// reference terms are looked up in maps kept across pieces, so joining is linear in the
/// facts, however many pieces there are.
pub(crate) struct Joined {
    facts: InputFacts,
    forms: FxHashMap<String, usize>,
    /// English and Chinese of the glosses that keep their sentence.
    quoted: Quoted,
    reference: FxHashMap<String, usize>,
    /// `None` when every gloss keeps its place and sentence (for `check`).
    folder: Option<GlossFolder>,
}

impl Joined {
    /// Joins pieces of the input `name`; `all_contexts` as in [`InputFacts::new`].
    pub(crate) fn new(name: &str, all_contexts: bool) -> Joined {
        Joined {
            facts: InputFacts {
                name: name.to_string(),
                forms: Vec::new(),
                english: Vec::new(),
                glosses: Vec::new(),
                reference: Vec::new(),
            },
            forms: FxHashMap::default(),
            quoted: Quoted::default(),
            reference: FxHashMap::default(),
            folder: (!all_contexts).then(GlossFolder::default),
        }
    }

    /// Adds the facts of the next piece.
    pub(crate) fn push(&mut self, next: InputFacts) {
        let facts = &mut self.facts;
        let remap: Vec<usize> = next
            .forms
            .into_iter()
            .map(|f| {
                *self.forms.entry(f.text.clone()).or_insert_with(|| {
                    facts.forms.push(f);
                    facts.forms.len() - 1
                })
            })
            .collect();
        facts.english.extend(next.english.into_iter().map(|e| EnglishFact { form: remap[e.form], ..e }));
        for mut g in next.glosses {
            // only the first gloss of an English and Chinese keeps its sentence (not for check)
            if let (Some((z, _)), true) = (&g.chinese, self.folder.is_some()) {
                if !self.quoted.insert(&g.english, z) {
                    g.context = None;
                }
            }
            match &mut self.folder {
                Some(folder) => folder.add(&mut facts.glosses, g),
                None => facts.glosses.push(g),
            }
        }
        for r in next.reference {
            let near = r.near.into_iter().map(|(f, d)| (remap[f], d));
            match self.reference.get(&r.chinese) {
                Some(&i) => {
                    let o = &mut facts.reference[i];
                    o.count = (o.count + r.count).min(COUNTED_HITS);
                    for (f, d) in near {
                        match o.near.iter_mut().find(|(g, _)| *g == f) {
                            Some(n) => n.1 = n.1.min(d),
                            None => o.near.push((f, d)),
                        }
                    }
                }
                None => {
                    self.reference.insert(r.chinese.clone(), facts.reference.len());
                    facts.reference.push(ReferenceFact { near: near.collect(), ..r });
                }
            }
        }
    }

    /// The facts of the whole input.
    pub(crate) fn finish(mut self) -> InputFacts {
        self.facts.shrink_to_fit();
        self.facts
    }
}

/// Builds the glossary from analysed inputs.
pub(crate) fn build(inputs: &[InputFacts]) -> Glossary {
    // 1. Keys of every English form.
    let mut ids: FxHashMap<String, usize> = FxHashMap::default();
    let mut groups: Vec<Group> = Vec::new();
    let mut id_of = |k: String, groups: &mut Vec<Group>| -> usize {
        let n = ids.len();
        *ids.entry(k).or_insert_with(|| {
            groups.push(Group::default());
            n
        })
    };
    for (d, a) in inputs.iter().enumerate() {
        let form_groups: Vec<usize> = a.forms.iter().map(|f| id_of(key(&f.text), &mut groups)).collect();
        for f in &a.english {
            let Some(&id) = form_groups.get(f.form) else { continue };
            let g = &mut groups[id];
            match g.surfaces.get_mut(&a.forms[f.form].text) {
                Some(e) => e.0 += 1,
                None => {
                    g.surfaces.insert(a.forms[f.form].text.clone(), (1, (d, f.span.start)));
                }
            }
            g.title |= f.title;
            g.occurrences.push(Occurrence { source: d, line: f.line, span: f.span });
        }
    }
    // 2. Links between keys.
    let mut uf = UnionFind((0..groups.len()).collect());
    let mut abbr_links: FxHashMap<usize, FxHashMap<usize, usize>> = FxHashMap::default();
    let mut aliases: FxHashSet<String> = FxHashSet::default();
    let mut zh_of: FxHashMap<String, BTreeMap<usize, (String, usize)>> = FxHashMap::default();
    for a in inputs {
        for g in &a.glosses {
            let Some(&e) = ids.get(&key(&g.english)) else {
                continue;
            };
            if let Some(ab) = &g.abbreviation {
                if let Some(&b) = ids.get(&key(ab)) {
                    *abbr_links.entry(b).or_default().entry(e).or_default() += g.count;
                }
            }
            if let Some(al) = &g.alias {
                if let Some(&b) = ids.get(&key(al)) {
                    uf.union(e, b);
                    aliases.insert(al.clone());
                }
            }
            if let Some((zh, _)) = &g.chinese {
                zh_of.entry(zh.clone()).or_default().entry(e).or_insert((g.english.clone(), 0)).1 += g.count;
            }
        }
    }
    // an acronym and a full form glossed with the same Chinese
    for list in zh_of.values() {
        for (a, (at, n)) in list {
            if !is_acronym(at) {
                continue;
            }
            for (f, (ft, _)) in list {
                if a != f && !is_acronym(ft) && abbreviates(at, ft) {
                    *abbr_links.entry(*a).or_default().entry(*f).or_default() += n;
                }
            }
        }
    }
    for (a, fulls) in &abbr_links {
        if let Some((&f, _)) = fulls.iter().max_by_key(|(f, n)| (**n, std::cmp::Reverse(**f))) {
            uf.union(*a, f);
        }
    }
    link_initials(&ids, &groups, &abbr_links, &mut uf);
    // renderings per key, for the near-duplicate guard
    let mut key_zh: FxHashMap<usize, Vec<String>> = FxHashMap::default();
    for (zh, list) in &zh_of {
        for e in list.keys() {
            key_zh.entry(*e).or_default().push(zh.clone());
        }
    }
    near_duplicates(&ids, &key_zh, &mut uf);

    // 3. Gather each concept.
    let mut merged: BTreeMap<usize, Group> = BTreeMap::new();
    for (id, g) in groups.into_iter().enumerate() {
        let root = uf.find(id);
        let m = merged.entry(root).or_default();
        for (s, (n, first)) in g.surfaces {
            let e = m.surfaces.entry(s).or_insert((0, first));
            e.0 += n;
            e.1 = e.1.min(first);
        }
        m.occurrences.extend(g.occurrences);
        m.title |= g.title;
    }
    for (d, a) in inputs.iter().enumerate() {
        for (gi, g) in a.glosses.iter().enumerate() {
            let Some((zh, _)) = &g.chinese else { continue };
            let Some(&id) = ids.get(&key(&g.english)) else {
                continue;
            };
            let root = uf.find(id);
            let Some(m) = merged.get_mut(&root) else {
                continue;
            };
            let r = m.renderings.entry(zh.clone()).or_insert_with(|| Rendering {
                first: (d, g.site.start),
                site: (d, gi),
                ..Rendering::default()
            });
            r.count += g.count;
            if g.confidence > r.confidence {
                r.confidence = g.confidence;
                r.method = Some(g.method);
            }
        }
    }
    let mut entries: Vec<Entry> = merged.into_values().filter_map(|g| entry(g, inputs, &aliases)).collect();
    entries.sort_by(|a, b| b.frequency.cmp(&a.frequency).then_with(|| a.english.cmp(&b.english)));
    Glossary { entries, sources: inputs.iter().map(|a| a.name.clone()).collect() }
}

/// Links an acronym that the input never pairs with a full form to the one multi-word form
/// whose initials spell it (`DPO` … `Direct Preference Optimization`).
fn link_initials(
    ids: &FxHashMap<String, usize>,
    groups: &[Group],
    abbr_links: &FxHashMap<usize, FxHashMap<usize, usize>>,
    uf: &mut UnionFind,
) {
    let mut by_initials: HashMap<String, Vec<usize>> = HashMap::new();
    for (k, &id) in ids {
        let words: Vec<&str> = k.split(' ').collect();
        if words.len() < 2 || has_digit(k) {
            continue;
        }
        let all: String = words.iter().filter_map(|w| w.chars().next()).collect();
        let content: String = words
            .iter()
            .filter(|w| !crate::text::lexicon::is_function_word(w))
            .filter_map(|w| w.chars().next())
            .collect();
        by_initials.entry(all.clone()).or_default().push(id);
        if content != all && content.len() >= 2 {
            by_initials.entry(content).or_default().push(id);
        }
    }
    for (k, &id) in ids {
        if abbr_links.contains_key(&id) || !groups[id].surfaces.keys().all(|s| is_acronym(s)) {
            continue;
        }
        let letters: String = k.chars().filter(|c| c.is_ascii_alphabetic()).collect();
        if let Some([full]) = by_initials.get(&letters).map(Vec::as_slice) {
            uf.union(id, *full);
        }
    }
}

fn has_digit(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_digit())
}

fn near_duplicates(ids: &FxHashMap<String, usize>, key_zh: &FxHashMap<usize, Vec<String>>, uf: &mut UnionFind) {
    let keys: Vec<(&String, usize)> =
        ids.iter().filter(|(k, _)| k.len() >= 8 && !has_digit(k)).map(|(k, &i)| (k, i)).collect();
    // Spellings one or two edits apart share their first or their last three bytes and
    // their word count; compare only within those blocks, and only with the nearest lengths.
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for from_end in [false, true] {
        let block = |k: &'_ str| {
            let b = k.as_bytes();
            let edge: [u8; 3] =
                if from_end { [b[b.len() - 3], b[b.len() - 2], b[b.len() - 1]] } else { [b[0], b[1], b[2]] };
            (k.split(' ').count(), edge)
        };
        let mut sorted: Vec<((usize, [u8; 3]), &String, usize)> = keys.iter().map(|&(k, i)| (block(k), k, i)).collect();
        sorted.sort_by(|a, b| (a.0, a.1.len(), a.1).cmp(&(b.0, b.1.len(), b.1)));
        let sorted: Vec<((usize, [u8; 3]), (&String, usize))> =
            sorted.into_iter().map(|(b, k, i)| (b, (k, i))).collect();
        for i in 0..sorted.len() {
            let bi = sorted[i].0;
            for j in i + 1..sorted.len().min(i + 16) {
                if sorted[j].0 != bi || sorted[j].1 .0.len() > sorted[i].1 .0.len() + 2 {
                    break;
                }
                pairs.push((i, j));
            }
        }
        for (i, j) in std::mem::take(&mut pairs) {
            near_pair(sorted[i].1, sorted[j].1, key_zh, uf);
        }
    }
}

/// Whether `a` and `b` are at most `k` insertions, deletions or substitutions apart; the
/// dynamic program runs only in the band of width `2k + 1` around the diagonal, so this is
/// linear in the length.
fn within_edits(a: &[u8], b: &[u8], k: usize) -> bool {
    if a.len().abs_diff(b.len()) > k {
        return false;
    }
    let big = k + 1;
    let mut prev: Vec<usize> = (0..=b.len()).map(|j| j.min(big)).collect();
    let mut cur = vec![big; b.len() + 1];
    for i in 1..=a.len() {
        let lo = i.saturating_sub(k).max(1);
        let hi = (i + k).min(b.len());
        cur.iter_mut().for_each(|c| *c = big);
        cur[0] = i.min(big);
        for j in lo..=hi {
            let sub = prev[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            cur[j] = sub.min(prev[j] + 1).min(cur[j - 1] + 1).min(big);
        }
        if cur[lo.saturating_sub(1)..=hi].iter().all(|&c| c > k) {
            return false;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()] <= k
}

fn near_pair(
    (a, ia): (&String, usize),
    (b, ib): (&String, usize),
    key_zh: &FxHashMap<usize, Vec<String>>,
    uf: &mut UnionFind,
) {
    let limit = if a.len().min(b.len()) >= 14 { 2 } else { 1 };
    if !within_edits(a.as_bytes(), b.as_bytes(), limit) {
        return;
    }
    // forms glossed with different Chinese are different terms
    if let (Some(za), Some(zb)) = (key_zh.get(&ia), key_zh.get(&ib)) {
        if !za.iter().any(|z| zb.contains(z)) {
            return;
        }
    }
    uf.union(ia, ib);
}

/// Words that are heads of technical terms rather than parts of names.
const TERM_HEADS: &[&str] = &[
    "learning",
    "network",
    "networks",
    "model",
    "models",
    "attention",
    "descent",
    "function",
    "layer",
    "generation",
    "encoding",
    "regression",
    "classification",
    "optimization",
    "algorithm",
    "method",
    "estimation",
    "distribution",
    "prediction",
    "embedding",
    "training",
    "inference",
    "normalization",
    "search",
    "problem",
    "analysis",
    "memory",
    "processing",
    "experts",
    "transform",
    "decomposition",
    "loss",
    "gradient",
    "matrix",
    "vector",
    "system",
    "architecture",
    "mechanism",
    "pooling",
    "sampling",
    "tuning",
    "encoder",
    "decoder",
    "machine",
    "engineering",
];

const KNOWN_NAMES: &[&str] = &[
    "google",
    "microsoft",
    "openai",
    "meta",
    "facebook",
    "amazon",
    "aws",
    "nvidia",
    "apple",
    "ibm",
    "intel",
    "amd",
    "anthropic",
    "deepmind",
    "baidu",
    "alibaba",
    "tencent",
    "huawei",
    "bytedance",
    "github",
    "gitlab",
    "linux",
    "windows",
    "macos",
    "ubuntu",
    "android",
    "ios",
    "python",
    "java",
    "javascript",
    "rust",
    "golang",
    "kotlin",
    "pytorch",
    "tensorflow",
    "keras",
    "jax",
    "mxnet",
    "numpy",
    "pandas",
    "scikit learn",
    "jupyter",
    "colab",
    "docker",
    "kubernetes",
    "acl",
    "emnlp",
    "naacl",
    "coling",
    "iclr",
    "icml",
    "neurips",
    "nips",
    "cvpr",
    "iccv",
    "eccv",
    "aaai",
    "ijcai",
    "kdd",
    "sigir",
    "www",
    "arxiv",
    "imagenet",
    "mnist",
    "cifar",
    "coco",
    "wikipedia",
    "stanford",
    "mit",
    "berkeley",
    "chatgpt",
    "claude",
    "gemini",
    "llama",
    "mistral",
    "qwen",
    "deepseek",
    "bert",
    "hugging face",
    "huggingface",
    "stack overflow",
    "youtube",
    "twitter",
    "reddit",
];

const NAME_SUFFIXES: &[&str] = &[
    "inc",
    "corp",
    "corporation",
    "ltd",
    "llc",
    "labs",
    "lab",
    "university",
    "institute",
    "foundation",
    "group",
    "research",
    "ai",
    "company",
    "conference",
    "workshop",
    "press",
    "society",
    "association",
];

fn category(english: &str, abbreviation: Option<&str>, glossed: bool, title: bool) -> Category {
    let k = key(english);
    let words: Vec<&str> = english.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    let last = words.last().map(|w| w.to_lowercase()).unwrap_or_default();
    if title
        || KNOWN_NAMES.contains(&k.as_str())
        || abbreviation.is_some_and(|a| KNOWN_NAMES.contains(&key(a).as_str()))
    {
        return Category::Name;
    }
    if words.len() > 1
        && NAME_SUFFIXES.contains(&last.as_str())
        && words.iter().all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
    {
        return Category::Name;
    }
    // venue + year, product + version: ICLR 2024, GPT-4, Llama-3.1, YOLOv5, Stable Diffusion 3
    let capital = english.chars().next().is_some_and(|c| fold(c).is_ascii_uppercase());
    if capital && has_digit(english) && english.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
        return Category::Name;
    }
    if is_acronym(english) {
        return if KNOWN_NAMES.contains(&k.as_str()) { Category::Name } else { Category::Abbreviation };
    }
    let camel = words.iter().any(|w| {
        let cs: Vec<char> = w.chars().collect();
        cs.len() > 2
            && cs[0].is_uppercase()
            && cs[1..].iter().any(|c| c.is_uppercase())
            && cs[1..].iter().any(|c| c.is_lowercase())
    });
    if camel && abbreviation.is_none() {
        return Category::Name;
    }
    if !glossed && abbreviation.is_none() {
        let capitalised = words
            .iter()
            .filter(|w| !crate::text::lexicon::is_function_word(w))
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
        if capitalised && !TERM_HEADS.contains(&last.as_str()) {
            return Category::Name;
        }
    }
    Category::Term
}

fn entry(g: Group, inputs: &[InputFacts], aliases: &FxHashSet<String>) -> Option<Entry> {
    if g.surfaces.is_empty() {
        return None;
    }
    // each surface with its count, first place, and whether it is an acronym
    let surfaces: Vec<(&String, usize, (usize, usize), bool)> =
        g.surfaces.iter().map(|(s, (n, f))| (s, *n, *f, is_acronym(s))).collect();
    // a full form is not an acronym nor an acronym written in lowercase (gpu for GPU)
    let acronym_keys: HashSet<String> = surfaces.iter().filter(|(_, _, _, a)| *a).map(|(s, _, _, _)| key(s)).collect();
    let short: Vec<bool> = surfaces
        .iter()
        .map(|(s, _, _, a)| *a || (!acronym_keys.is_empty() && acronym_keys.contains(&key(s))))
        .collect();
    let has_full = short.iter().any(|s| !s);
    let lowercase: Vec<String> = surfaces.iter().map(|(s, _, _, _)| s.to_lowercase()).collect();
    let plural_variant: Vec<bool> = lowercase
        .iter()
        .map(|l| {
            l.ends_with('s')
                && lowercase.iter().any(|o| o != l && l.starts_with(o.as_str()) && matches!(&l[o.len()..], "s" | "es"))
        })
        .collect();
    let pick = |acronyms: bool| {
        surfaces
            .iter()
            .enumerate()
            .filter(|(i, (_, _, _, a))| if acronyms { *a } else { !short[*i] })
            // an alias (Omni in GPT-4o（即 Omni）) names the entry only when nothing else does
            .max_by_key(|(i, (s, n, first, _))| {
                (!aliases.contains(*s), !plural_variant[*i], *n, std::cmp::Reverse(*first))
            })
            .map(|(_, (s, _, _, _))| (*s).clone())
    };
    let english = pick(!has_full)?;
    let abbreviation = if has_full { pick(true) } else { None };
    let variants: Vec<String> = surfaces
        .iter()
        .map(|(s, _, _, _)| (*s).clone())
        .filter(|s| *s != english && Some(s) != abbreviation.as_ref())
        .collect();
    let frequency = surfaces.iter().map(|(_, n, _, _)| n).sum();
    let mut renderings: Vec<(String, Rendering)> = g.renderings.into_iter().collect();
    renderings.sort_by(|a, b| {
        b.1.count.cmp(&a.1.count).then(b.1.confidence.total_cmp(&a.1.confidence)).then(a.1.first.cmp(&b.1.first))
    });
    let first_occ = g.occurrences.iter().min_by_key(|o| (o.source, o.span.start));
    let (confidence, method, context, source) = match renderings.first() {
        Some((_, r)) => {
            let (d, gi) = r.site;
            let boost = 0.03 * (r.count.min(4) as f32 - 1.0);
            (
                Some((r.confidence + boost).min(0.99)),
                r.method,
                inputs[d].glosses[gi].context.clone().unwrap_or_default(),
                first_occ.map(|o| format!("{}:{}", inputs[o.source].name, o.line)),
            )
        }
        None => {
            let o = first_occ?;
            let a = &inputs[o.source];
            let i = a.english.partition_point(|f| f.span.start < o.span.start);
            let context =
                a.english.get(i).and_then(|f| a.forms.get(f.form)).map(|f| f.context.clone()).unwrap_or_default();
            (None, None, context, Some(format!("{}:{}", a.name, o.line)))
        }
    };
    let glossed = !renderings.is_empty();
    let category = if has_full && abbreviation.is_some() && !g.title {
        match category(&english, abbreviation.as_deref(), glossed, false) {
            Category::Name => Category::Name,
            _ => Category::Term,
        }
    } else {
        category(&english, abbreviation.as_deref(), glossed, g.title)
    };
    let mut occurrences = g.occurrences;
    occurrences.sort_by_key(|o| (o.source, o.span.start));
    Some(Entry {
        english,
        chinese: renderings.into_iter().map(|(z, _)| z).collect(),
        abbreviation,
        variants,
        category,
        frequency,
        confidence,
        method,
        source: source.unwrap_or_default(),
        context,
        note: String::new(),
        extra: Default::default(),
        occurrences,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories() {
        let table: &[(&str, Option<&str>, bool, Category)] = &[
            ("PyTorch", None, false, Category::Name),
            ("ICLR 2024", None, false, Category::Name),
            ("GPT-4o", None, false, Category::Name),
            ("Hugging Face", None, false, Category::Name),
            ("RLHF", None, false, Category::Abbreviation),
            ("NVIDIA", None, false, Category::Name),
            ("zero-shot learning", None, false, Category::Term),
            ("Mixture of Experts", None, false, Category::Term),
            ("Stability AI", None, false, Category::Name),
        ];
        for (en, ab, glossed, want) in table {
            assert_eq!(category(en, *ab, *glossed, false), *want, "{en}");
        }
    }
}

#[cfg(test)]
mod edit_tests {
    use super::within_edits;

    #[test]
    fn bounded_edit_distance_agrees_with_strsim() {
        let words = [
            "continous",
            "continuous",
            "normalization",
            "normalisation",
            "kitten",
            "sitting",
            "",
            "a",
            "abc",
            "acb",
            "encoder",
            "decoder",
        ];
        for a in words {
            for b in words {
                for k in 0..3 {
                    let want = strsim::levenshtein(a, b) <= k;
                    assert_eq!(within_edits(a.as_bytes(), b.as_bytes(), k), want, "{a} / {b} / {k}");
                }
            }
        }
    }
}
