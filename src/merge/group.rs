//! Grouping English forms into concepts. Forms are first grouped by their merge [`key`];
//! groups are then joined (in a union-find over the keys) where the text links them: an
//! acronym stated with its full form, the most frequent pairing winning where an acronym has
//! several; an alias (`GPT-4o（即 Omni）`); an acronym and a full form glossed with the same
//! Chinese (and, in [`initials`](super::initials), an acronym never paired with the one
//! full form nearby whose initials spell it).

use super::keys::KeyIds;
use crate::align::{renders_none_of, says_other_words};
use crate::model::facts::{counts_of_forms, Sentence};
use crate::model::{EnglishFact, GlossFact, InputFacts, Method, Occurrence};
use crate::text::key;
use crate::text::lexicon::names::spelling_key;
use crate::text::{abbreviates, is_acronym};
use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;

/// One Chinese rendering of a concept, over all its glosses.
#[derive(Clone, Default)]
pub(super) struct Rendering {
    pub(super) count: usize,
    /// The inputs that give it.
    pub(super) inputs: usize,
    /// The inputs that give it written with or without spaces (`KL 散度`, `KL散度`): its
    /// `documents` (see [`PAIR_COUNT_COLUMNS`](crate::model::PAIR_COUNT_COLUMNS)).
    pub(super) documents: usize,
    pub(super) confidence: f32,
    pub(super) method: Option<Method>,
    pub(super) first: (usize, usize),
    /// The sentence of the first gloss with this rendering.
    pub(super) context: Option<Sentence>,
}

/// A surface form of a concept: its text (in the facts), its count and its first place
/// (input, offset).
pub(super) type Surface<'a> = (&'a str, usize, (usize, usize));

/// The forms of one key, and later of one concept; strings are borrowed from the facts.
#[derive(Default)]
pub(super) struct Group<'a> {
    /// Each surface form once, in the order of their text.
    pub(super) surfaces: Vec<Surface<'a>>,
    /// Each Chinese rendering once (filled by [`render::gather`](super::render::gather)), its
    /// own copy: the glosses are let go before the entries are made.
    pub(super) renderings: Vec<(Box<str>, Rendering)>,
    /// Its occurrences, in the order of the inputs and of the text, as many as are kept
    /// (filled by [`place_occurrences`]).
    pub(super) occurrences: Vec<Occurrence>,
    /// Whether a form stands as a title in `《》`.
    pub(super) title: bool,
    /// For a concept that ends with no Chinese, the form whose sentence its entry quotes (filled by
    /// [`quote_forms`]): input and form index.
    pub(super) quoted_form: Option<(u32, u32)>,
}

/// The glosses of each input, apart from the facts: a glossary built from facts it owns lets
/// them go once the concepts' renderings are gathered.
pub(crate) type Glosses<'a> = Vec<Cow<'a, [GlossFact]>>;

/// Where the English forms of each input occur (its `english`) and how often (its
/// `form_counts`), apart from the facts: a glossary built from facts it owns lets them go
/// once the occurrences are placed.
pub(crate) type Places<'a> = Vec<(Cow<'a, [EnglishFact]>, Cow<'a, [(usize, bool)]>)>;

/// Which keys are one concept; the root of a set is its smallest key.
pub(super) struct UnionFind(Vec<usize>);

impl UnionFind {
    pub(super) fn new(n: usize) -> UnionFind {
        UnionFind((0..n).collect())
    }

    pub(super) fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }

    pub(super) fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.0[a.max(b)] = a.min(b);
        }
    }
}

/// The keys of the English forms of the inputs.
pub(super) struct Keys {
    /// Each key and its number.
    pub(super) ids: KeyIds,
    /// The key number of each form of each input.
    pub(super) of_form: Vec<Vec<usize>>,
}

/// The keys of every English form of the inputs.
pub(super) fn keys(inputs: &[InputFacts]) -> Keys {
    let mut ids = KeyIds::default();
    let of_form =
        inputs.iter().map(|a| a.forms.iter().map(|f| ids.insert(&spelling_key(&f.text)).0).collect()).collect();
    Keys { ids, of_form }
}

/// The forms of each key, with their counts, first places and whether one is a title (no
/// occurrences yet). (Made after the links between keys are read, so that the two are not
/// held at once.)
pub(super) fn by_key<'a>(inputs: &'a [InputFacts], places: &Places<'_>, keys: &Keys) -> Vec<Group<'a>> {
    let mut groups: Vec<Group> = std::iter::repeat_with(Group::default).take(keys.ids.len()).collect();
    for (d, (a, form_groups)) in inputs.iter().zip(&keys.of_form).enumerate() {
        // each form's count and first offset (its first place is always kept)
        let (english, form_counts) = &places[d];
        let mut first: Vec<Option<usize>> = vec![None; a.forms.len()];
        for f in english.iter() {
            if let Some(s @ None) = first.get_mut(f.form) {
                *s = Some(f.span.start);
            }
        }
        let counts = counts_of_forms(a.forms.len(), english, form_counts);
        for (fi, ((n, title), start)) in counts.into_iter().zip(first).enumerate() {
            if let (true, Some(start)) = (n > 0, start) {
                let g = &mut groups[form_groups[fi]];
                g.title |= title;
                // most keys have one form: a list of one, not the four a push makes room for
                if g.surfaces.is_empty() {
                    g.surfaces.reserve_exact(1);
                }
                g.surfaces.push((&a.forms[fi].text, n, (d, start)));
            }
        }
    }
    for g in &mut groups {
        fold_surfaces(&mut g.surfaces);
    }
    groups
}

/// Sorts surfaces by text and keeps each once, with the sum of its counts and its first place.
fn fold_surfaces(surfaces: &mut Vec<Surface<'_>>) {
    surfaces.sort_by(|a, b| a.0.cmp(b.0));
    surfaces.dedup_by(|later, kept| {
        let same = later.0 == kept.0;
        if same {
            kept.1 += later.1;
            kept.2 = kept.2.min(later.2);
        }
        same
    });
}

/// A Chinese rendering glossed for a key, with the first English form glossed so and how
/// often.
struct Glossed<'a> {
    chinese: u32,
    key: usize,
    english: &'a str,
    count: usize,
}

/// What the glosses say about the keys; strings are borrowed from the facts.
#[derive(Default)]
pub(super) struct Links<'a> {
    /// Acronym key → full-form key → how often the two are paired.
    pub(super) acronyms: FxHashMap<usize, FxHashMap<usize, usize>>,
    /// The forms given as another name of a term.
    pub(super) aliases: FxHashSet<&'a str>,
    /// Each Chinese rendering once, numbered in the order first glossed.
    chinese: Vec<&'a str>,
    /// Each Chinese rendering with each key glossed with it, by Chinese then key.
    glossed: Vec<Glossed<'a>>,
    /// The key of the English of each gloss of each input ([`NO_KEY`] for none), so that the
    /// keys' texts can be let go before the renderings are gathered.
    pub(super) gloss_keys: Vec<Vec<u32>>,
}

/// The key of a gloss whose English is no form of the input.
pub(super) const NO_KEY: u32 = u32::MAX;

/// The Chinese renderings of each key, as numbers in increasing order, and the text of each:
/// all keys' numbers in one list, key by key (two lists of numbers, where a map of lists
/// would hold a list for each of hundreds of thousands of keys).
pub(super) struct KeyChinese<'a> {
    /// Where each key's numbers start in `numbers`; one more at the end.
    starts: Vec<u32>,
    numbers: Vec<u32>,
    pub(super) text: Vec<&'a str>,
}

impl KeyChinese<'_> {
    /// The renderings of key `k` (none for a key glossed with no Chinese).
    pub(super) fn of(&self, k: usize) -> &[u32] {
        match (self.starts.get(k), self.starts.get(k + 1)) {
            (Some(&from), Some(&to)) => &self.numbers[from as usize..to as usize],
            _ => &[],
        }
    }

    /// Whether the acronym of key `a` may take the full form of key `f` (both of `ids`) as far
    /// as their renderings tell: unless `f` has none and each of the acronym's says other
    /// words than `f` does (`EDI，即电子数据交换` in one input, `Enumerated DNS Information` in
    /// another: two concepts).
    pub(super) fn may_spell(&self, ids: &KeyIds, a: usize, f: usize) -> bool {
        let (own, theirs) = (self.of(a), self.of(f));
        !theirs.is_empty()
            || own.is_empty()
            || !own.iter().all(|&z| says_other_words(self.text[z as usize], ids.key(f)))
    }

    /// Like [`may_spell`](Self::may_spell), for an acronym tied to `f` by nothing but its
    /// initials: renderings of the acronym whose known words render no word of `f` say they
    /// differ (`长期支持（LTS）` in one input, `LinkedIn Top Startups` in another).
    pub(super) fn may_spell_by_initials(&self, ids: &KeyIds, a: usize, f: usize) -> bool {
        let (own, theirs) = (self.of(a), self.of(f));
        !theirs.is_empty() || own.is_empty() || !own.iter().all(|&z| renders_none_of(self.text[z as usize], ids.key(f)))
    }

    /// Whether a rendering of the acronym `a` renders a word of `f` (`电子数据交换（EDI）` in one
    /// input, `Electronic Data Interchange` in another): the Chinese ties them.
    pub(super) fn renders_a_word_of(&self, ids: &KeyIds, a: usize, f: usize) -> bool {
        self.of(a).iter().any(|&z| !renders_none_of(self.text[z as usize], ids.key(f)))
    }

    /// Whether two keys share a rendering (both lists in increasing order).
    pub(super) fn share(a: &[u32], b: &[u32]) -> bool {
        let (mut i, mut j) = (0, 0);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => return true,
            }
        }
        false
    }
}

impl<'a> Links<'a> {
    /// Reads the glosses of the inputs, joining each alias with its term at once.
    pub(super) fn read(glosses: &'a Glosses<'_>, ids: &KeyIds, uf: &mut UnionFind) -> Links<'a> {
        let mut links = Links::default();
        let mut numbers: FxHashMap<&'a str, u32> = FxHashMap::default();
        for of_input in glosses {
            let mut keys = Vec::with_capacity(of_input.len());
            for g in of_input.iter() {
                let e = ids.get(&key(&g.english));
                keys.push(e.and_then(|e| u32::try_from(e).ok()).unwrap_or(NO_KEY));
                let Some(e) = e else {
                    continue;
                };
                if let Some(ab) = &g.abbreviation {
                    if let Some(b) = ids.get(&key(ab)) {
                        *links.acronyms.entry(b).or_default().entry(e).or_default() += g.count;
                    }
                }
                if let Some(al) = &g.alias {
                    if let Some(b) = ids.get(&key(al)) {
                        uf.union(e, b);
                        links.aliases.insert(al);
                    }
                }
                if let Some((zh, _)) = &g.chinese {
                    let n = numbers.len() as u32;
                    let chinese = *numbers.entry(zh).or_insert_with(|| {
                        links.chinese.push(zh);
                        n
                    });
                    links.glossed.push(Glossed { chinese, key: e, english: &g.english, count: g.count });
                }
            }
            links.gloss_keys.push(keys);
        }
        // the first English of each Chinese and key stays, with the counts of all
        links.glossed.sort_by_key(|g| (g.chinese, g.key));
        links.glossed.dedup_by(|later, kept| {
            let same = (later.chinese, later.key) == (kept.chinese, kept.key);
            if same {
                kept.count += later.count;
            }
            same
        });
        links.glossed.shrink_to_fit();
        links
    }

    /// Pairs an acronym and a full form that it abbreviates when both are glossed with the
    /// same Chinese.
    pub(super) fn pair_acronyms_glossed_alike(&mut self) {
        for list in self.glossed.chunk_by(|a, b| a.chinese == b.chinese) {
            // (one Chinese given to thousands of English is no gloss of each: its first full
            // forms are enough, and the pairing stays linear)
            let fulls: Vec<_> = list.iter().filter(|f| !is_acronym(f.english)).take(MAX_FULL_FORMS_PAIRED).collect();
            for a in list.iter().filter(|a| is_acronym(a.english)) {
                for f in &fulls {
                    if a.key != f.key && abbreviates(a.english, f.english) {
                        *self.acronyms.entry(a.key).or_default().entry(f.key).or_default() += a.count;
                    }
                }
            }
        }
    }

    /// Joins each acronym with the full form it is paired with most often, among those whose
    /// Chinese is alike the acronym's own: `单发多框检测（SSD）` and `固态驱动器（solid state
    /// drives，SSD）` in one text are two concepts that share an acronym.
    ///
    /// A full form with no rendering of its own takes the acronym's only if they may render
    /// it: `EDI，即电子数据交换` in one input and `Enumerated DNS Information (EDI)` in another
    /// are two concepts too.
    pub(super) fn join_acronyms(&self, ids: &KeyIds, key_zh: &KeyChinese<'_>, uf: &mut UnionFind) {
        let text = |ids: &[u32]| -> Vec<&str> { ids.iter().map(|&z| key_zh.text[z as usize]).collect() };
        for (a, fulls) in &self.acronyms {
            let own = text(key_zh.of(*a));
            let mut fulls: Vec<(&usize, &usize)> = fulls.iter().collect();
            fulls.sort_by_key(|(f, n)| (std::cmp::Reverse(**n), **f));
            let fits = |f: usize| renderings_alike(&own, &text(key_zh.of(f))) && key_zh.may_spell(ids, *a, f);
            if let Some((&f, _)) = fulls.into_iter().find(|(f, _)| fits(**f)) {
                uf.union(*a, f);
            }
        }
    }

    /// The Chinese renderings of each of `keys` keys, for the guards against joining keys
    /// glossed differently; the texts of the renderings move there.
    pub(super) fn chinese_by_key(&mut self, keys: usize) -> KeyChinese<'a> {
        let mut starts = vec![0u32; keys + 1];
        for g in &self.glossed {
            starts[g.key + 1] += 1;
        }
        for k in 0..keys {
            starts[k + 1] += starts[k];
        }
        // by Chinese then key, so that each key's list is in increasing order
        let mut next = starts.clone();
        let mut numbers = vec![0u32; self.glossed.len()];
        for g in &self.glossed {
            numbers[next[g.key] as usize] = g.chinese;
            next[g.key] += 1;
        }
        KeyChinese { starts, numbers, text: std::mem::take(&mut self.chinese) }
    }
}

/// The full forms glossed with one Chinese that each acronym glossed with it is matched
/// against, at most: a text gives one Chinese to a few English, not to thousands.
const MAX_FULL_FORMS_PAIRED: usize = 64;

/// The renderings of each key compared to tell whether two keys are glossed alike, at most.
const MAX_RENDERINGS_COMPARED: usize = 16;

/// The share of the shorter rendering's characters that the longer one has, at least, for two
/// renderings to be of one concept (大语言模型 and 大型语言模型, 固态硬盘 and 固态驱动器).
const ALIKE_SHARE: f32 = 0.5;

/// Whether two keys' Chinese renderings may be of one concept: one has none, or some pair
/// shares enough characters.
fn renderings_alike(a: &[&str], b: &[&str]) -> bool {
    let alike = |x: &str, y: &str| {
        let (short, long) = if x.chars().count() <= y.chars().count() { (x, y) } else { (y, x) };
        let chars: Vec<char> = short.chars().filter(|c| !c.is_whitespace()).collect();
        let shared = chars.iter().filter(|c| long.contains(**c)).count();
        !chars.is_empty() && shared as f32 >= ALIKE_SHARE * chars.len() as f32
    };
    let (a, b) = (&a[..a.len().min(MAX_RENDERINGS_COMPARED)], &b[..b.len().min(MAX_RENDERINGS_COMPARED)]);
    a.is_empty() || b.is_empty() || a.iter().any(|x| b.iter().any(|y| alike(x, y)))
}

/// The forms and title flag of each concept, at the index of the root of its keys; the
/// groups of the other keys are left empty.
pub(super) fn gather(groups: &mut [Group<'_>], uf: &mut UnionFind) {
    for id in 0..groups.len() {
        let root = uf.find(id);
        if root == id {
            continue;
        }
        // the root is the smallest key of its set
        let (before, rest) = groups.split_at_mut(id);
        let g = std::mem::take(&mut rest[0]);
        let m = &mut before[root];
        m.surfaces.extend(g.surfaces);
        m.title |= g.title;
    }
    for g in groups.iter_mut() {
        fold_surfaces(&mut g.surfaces);
        g.surfaces.shrink_to_fit();
    }
}

/// The most occurrences a concept keeps from its inputs: the first ones, in the order of the
/// inputs and of their text, and after them the first of each further input (so that in how
/// many inputs it occurs stays known). Every count stays exact; a gigabyte of input holds
/// millions of occurrences, and a glossary shows a person a few. (An ordinary text has
/// far fewer: the most of one concept in the dev corpora is 500.)
pub(crate) const MAX_KEPT_OCCURRENCES: usize = 1_000;

/// Which occurrences of the concepts are kept: each concept's count so far and the last
/// input it kept one from.
struct Kept(Vec<(usize, usize)>);

impl Kept {
    fn new(n: usize) -> Kept {
        Kept(vec![(0, usize::MAX); n])
    }

    /// Whether concept `r`'s next occurrence, in input `d`, is kept (inputs in order).
    fn keep(&mut self, r: usize, d: usize) -> bool {
        let (n, last) = &mut self.0[r];
        let keep = *n < MAX_KEPT_OCCURRENCES || *last != d;
        if keep {
            *n += 1;
            *last = d;
        }
        keep
    }
}

/// Fills each concept's occurrences, in the order of the inputs and of their text, at most
/// [`MAX_KEPT_OCCURRENCES`] and the first of each further input, each list allocated once
/// at its size: a long input holds millions.
pub(super) fn place_occurrences(
    groups: &mut [Group<'_>],
    places: &Places<'_>,
    of_form: &[Vec<usize>],
    uf: &mut UnionFind,
) {
    let mut counted = Kept::new(groups.len());
    let mut roots_of_forms: Vec<Vec<usize>> = Vec::with_capacity(places.len());
    for (d, ((english, _), form_keys)) in places.iter().zip(of_form).enumerate() {
        let roots: Vec<usize> = form_keys.iter().map(|&k| uf.find(k)).collect();
        for f in english.iter() {
            if let Some(&r) = roots.get(f.form) {
                counted.keep(r, d);
            }
        }
        roots_of_forms.push(roots);
    }
    for (g, &(n, _)) in groups.iter_mut().zip(&counted.0) {
        g.occurrences = Vec::with_capacity(n);
    }
    let mut kept = Kept::new(groups.len());
    for (d, ((english, _), roots)) in places.iter().zip(roots_of_forms).enumerate() {
        for f in english.iter() {
            if let Some(&r) = roots.get(f.form) {
                if kept.keep(r, d) {
                    groups[r].occurrences.push(Occurrence { source: d, line: f.line as usize, span: f.span });
                }
            }
        }
    }
}

/// For each concept, the form at its first occurrence, whose sentence its entry quotes when
/// it ends with no Chinese: its input and form index. (A concept whose renderings are all
/// too doubtful to keep ends so too, and quotes its first occurrence as well.)
pub(super) fn quote_forms(groups: &mut [Group<'_>], inputs: &[InputFacts], places: &Places<'_>) {
    for g in groups.iter_mut() {
        let Some(o) = g.occurrences.iter().min_by_key(|o| (o.source, o.span.start)) else { continue };
        let english = &places[o.source].0;
        let i = english.partition_point(|f| f.span.start < o.span.start);
        let form = english.get(i).filter(|f| f.form < inputs[o.source].forms.len());
        // (numbers of four bytes: a list of hundreds of thousands of concepts holds them)
        g.quoted_form = form.and_then(|f| Some((u32::try_from(o.source).ok()?, u32::try_from(f.form).ok()?)));
    }
}
