//! Grouping English forms into concepts. Forms are first grouped by their merge [`key`];
//! groups are then joined (in a union-find over the keys) where the text links them: an
//! acronym stated with its full form, the most frequent pairing winning where an acronym has
//! several; an alias (`GPT-4o（即 Omni）`); an acronym and a full form glossed with the same
//! Chinese (and, in [`initials`](super::initials), an acronym never paired with the one
//! full form nearby whose initials spell it).

use crate::model::{InputFacts, Method, Occurrence};
use crate::text::key;
use crate::text::{abbreviates, is_acronym};
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::{BTreeMap, HashMap};

/// One Chinese rendering of a concept, over all its glosses.
#[derive(Default)]
pub(super) struct Rendering {
    pub(super) count: usize,
    pub(super) confidence: f32,
    pub(super) method: Option<Method>,
    pub(super) first: (usize, usize),
    /// The first gloss with this rendering: input and gloss index.
    pub(super) site: (usize, usize),
}

/// The forms of one key, and later of one concept.
#[derive(Default)]
pub(super) struct Group {
    /// Each surface form with its count and first place (input, offset).
    pub(super) surfaces: BTreeMap<String, (usize, (usize, usize))>,
    pub(super) renderings: HashMap<String, Rendering>,
    pub(super) occurrences: Vec<Occurrence>,
    /// Whether a form stands as a title in `《》`.
    pub(super) title: bool,
}

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

/// The key of every English form of the inputs (key → its number) and the forms of each key,
/// with their counts, first places, occurrences and whether one is a title.
pub(super) fn by_key(inputs: &[InputFacts]) -> (FxHashMap<String, usize>, Vec<Group>) {
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
    (ids, groups)
}

/// What the glosses say about the keys.
#[derive(Default)]
pub(super) struct Links {
    /// Acronym key → full-form key → how often the two are paired.
    pub(super) acronyms: FxHashMap<usize, FxHashMap<usize, usize>>,
    /// The forms given as another name of a term.
    pub(super) aliases: FxHashSet<String>,
    /// Chinese rendering → the keys glossed with it, each with its first English form and how
    /// often.
    chinese: FxHashMap<String, BTreeMap<usize, (String, usize)>>,
}

impl Links {
    /// Reads the glosses of the inputs, joining each alias with its term at once.
    pub(super) fn read(inputs: &[InputFacts], ids: &FxHashMap<String, usize>, uf: &mut UnionFind) -> Links {
        let mut links = Links::default();
        for a in inputs {
            for g in &a.glosses {
                let Some(&e) = ids.get(&key(&g.english)) else {
                    continue;
                };
                if let Some(ab) = &g.abbreviation {
                    if let Some(&b) = ids.get(&key(ab)) {
                        *links.acronyms.entry(b).or_default().entry(e).or_default() += g.count;
                    }
                }
                if let Some(al) = &g.alias {
                    if let Some(&b) = ids.get(&key(al)) {
                        uf.union(e, b);
                        links.aliases.insert(al.clone());
                    }
                }
                if let Some((zh, _)) = &g.chinese {
                    links.chinese.entry(zh.clone()).or_default().entry(e).or_insert((g.english.clone(), 0)).1 +=
                        g.count;
                }
            }
        }
        links
    }

    /// Pairs an acronym and a full form that it abbreviates when both are glossed with the
    /// same Chinese.
    pub(super) fn pair_acronyms_glossed_alike(&mut self) {
        for list in self.chinese.values() {
            for (a, (at, n)) in list {
                if !is_acronym(at) {
                    continue;
                }
                for (f, (ft, _)) in list {
                    if a != f && !is_acronym(ft) && abbreviates(at, ft) {
                        *self.acronyms.entry(*a).or_default().entry(*f).or_default() += n;
                    }
                }
            }
        }
    }

    /// Joins each acronym with the full form it is paired with most often, among those whose
    /// Chinese is alike the acronym's own: `单发多框检测（SSD）` and `固态驱动器（solid state
    /// drives，SSD）` in one text are two concepts that share an acronym.
    pub(super) fn join_acronyms(&self, uf: &mut UnionFind) {
        let key_zh = self.chinese_by_key();
        let none = Vec::new();
        for (a, fulls) in &self.acronyms {
            let own = key_zh.get(a).unwrap_or(&none);
            let mut fulls: Vec<(&usize, &usize)> = fulls.iter().collect();
            fulls.sort_by_key(|(f, n)| (std::cmp::Reverse(**n), **f));
            if let Some((&f, _)) =
                fulls.into_iter().find(|(f, _)| renderings_alike(own, key_zh.get(f).unwrap_or(&none)))
            {
                uf.union(*a, f);
            }
        }
    }

    /// The Chinese renderings of each key, for the near-duplicate guard.
    pub(super) fn chinese_by_key(&self) -> FxHashMap<usize, Vec<String>> {
        let mut key_zh: FxHashMap<usize, Vec<String>> = FxHashMap::default();
        for (zh, list) in &self.chinese {
            for e in list.keys() {
                key_zh.entry(*e).or_default().push(zh.clone());
            }
        }
        key_zh
    }
}

/// The share of the shorter rendering's characters that the longer one has, at least, for two
/// renderings to be of one concept (大语言模型 and 大型语言模型, 固态硬盘 and 固态驱动器).
const ALIKE_SHARE: f32 = 0.5;

/// Whether two keys' Chinese renderings may be of one concept: one has none, or some pair
/// shares enough characters.
fn renderings_alike(a: &[String], b: &[String]) -> bool {
    let alike = |x: &str, y: &str| {
        let (short, long) = if x.chars().count() <= y.chars().count() { (x, y) } else { (y, x) };
        let chars: Vec<char> = short.chars().filter(|c| !c.is_whitespace()).collect();
        let shared = chars.iter().filter(|c| long.contains(**c)).count();
        !chars.is_empty() && shared as f32 >= ALIKE_SHARE * chars.len() as f32
    };
    a.is_empty() || b.is_empty() || a.iter().any(|x| b.iter().any(|y| alike(x, y)))
}

/// The forms, occurrences and title flag of each concept, by the root of its keys.
pub(super) fn gather(groups: Vec<Group>, uf: &mut UnionFind) -> BTreeMap<usize, Group> {
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
    merged
}
