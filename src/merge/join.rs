//! Joining the facts of the pieces of a long input into the facts of the whole input, as if
//! it had been read at once: forms are numbered once, glosses written alike are folded, only
//! the first gloss of each English and Chinese keeps its sentence, and the reference terms'
//! counts and distances are combined.

use super::facts::{hash_of, GlossFolder, HashIndex};
use super::group::MAX_KEPT_OCCURRENCES;
use crate::model::facts::COUNTED_HITS;
use crate::model::{EnglishFact, GlossFact, InputFacts, ReferenceFact};
use rustc_hash::FxHashMap;

/// The facts of an input gathered from the facts of its pieces, in order (each already
/// placed at its offsets and lines in the whole input). Forms, quoted sentences, glosses and
/// reference terms are looked up in maps kept across pieces, so joining is linear in the
/// facts, however many pieces there are.
pub(crate) struct Joined {
    facts: InputFacts,
    /// The forms by their text.
    forms: HashIndex,
    /// The glosses by their English and Chinese: the first of each keeps its sentence.
    quoted: HashIndex,
    reference: FxHashMap<String, usize>,
    /// The composed Chinese by their English and Chinese.
    composed: FxHashMap<(String, String), usize>,
    /// `None` when every gloss keeps its place and sentence (for `check`).
    folder: Option<GlossFolder>,
    /// Whether only the first places of each English form are kept, with its count (see
    /// [`InputFacts::form_counts`]).
    fold: bool,
}

impl Joined {
    /// Joins pieces of the input `name`; `all_contexts` as in [`InputFacts::new`]. With
    /// `fold`, each English form keeps its first [`MAX_KEPT_OCCURRENCES`] places and a count,
    /// which is all a glossary needs of it; without, every candidate (for partials and
    /// `check`).
    pub(crate) fn new(name: &str, all_contexts: bool, fold: bool) -> Joined {
        Joined {
            facts: InputFacts {
                name: name.to_string(),
                bytes: 0,
                forms: Vec::new(),
                english: Vec::new(),
                form_counts: Vec::new(),
                glosses: Vec::new(),
                reference: Vec::new(),
                composed: Vec::new(),
            },
            forms: HashIndex::default(),
            quoted: HashIndex::default(),
            reference: FxHashMap::default(),
            composed: FxHashMap::default(),
            folder: (!all_contexts).then(GlossFolder::default),
            fold,
        }
    }

    /// Adds the facts of the next piece.
    pub(crate) fn push(&mut self, next: InputFacts) {
        let next_counts = if self.fold { next.counts_of_forms() } else { Vec::new() };
        let facts = &mut self.facts;
        facts.bytes += next.bytes;
        let remap: Vec<usize> = next
            .forms
            .into_iter()
            .map(|f| {
                let hash = hash_of(&f.text);
                self.forms.find(hash, |i| facts.forms[i].text == f.text).unwrap_or_else(|| {
                    self.forms.insert(hash, facts.forms.len());
                    facts.forms.push(f);
                    facts.forms.len() - 1
                })
            })
            .collect();
        if self.fold {
            // the next piece's first places of a form follow this one's, as far as room is left
            facts.form_counts.resize(facts.forms.len(), (0, false));
            let mut room: Vec<usize> =
                remap.iter().map(|&f| MAX_KEPT_OCCURRENCES.saturating_sub(facts.form_counts[f].0)).collect();
            for e in next.english {
                if let Some(r) = room.get_mut(e.form).filter(|r| **r > 0) {
                    *r -= 1;
                    facts.english.push(EnglishFact { form: remap[e.form], ..e });
                }
            }
            for (&f, (n, title)) in remap.iter().zip(next_counts) {
                let c = &mut facts.form_counts[f];
                c.0 += n;
                c.1 |= title;
            }
        } else {
            facts.english.extend(next.english.into_iter().map(|e| EnglishFact { form: remap[e.form], ..e }));
        }
        for mut g in next.glosses {
            let Some(folder) = &mut self.folder else {
                // every gloss keeps its place and sentence (for check)
                facts.glosses.push(g);
                continue;
            };
            // only the first gloss of an English and Chinese keeps its sentence: the pair is
            // new when no gloss kept has it
            let pair = g.chinese.as_ref().map(|(z, _)| hash_of((&*g.english, &**z)));
            let new = pair.filter(|&hash| {
                let same = |i: usize| {
                    let k: &GlossFact = &facts.glosses[i];
                    k.english == g.english && k.chinese.as_ref().map(|c| &c.0) == g.chinese.as_ref().map(|c| &c.0)
                };
                self.quoted.find(hash, same).is_none()
            });
            if pair.is_some() && new.is_none() {
                g.context = None;
            }
            let kept = folder.add(&mut facts.glosses, g);
            if let Some(hash) = new {
                self.quoted.insert(hash, kept);
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
        for c in next.composed {
            match self.composed.get(&(c.english.clone(), c.chinese.clone())) {
                Some(&i) => {
                    let o = &mut facts.composed[i];
                    o.count = (o.count + c.count).min(COUNTED_HITS);
                }
                None => {
                    self.composed.insert((c.english.clone(), c.chinese.clone()), facts.composed.len());
                    facts.composed.push(c);
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
