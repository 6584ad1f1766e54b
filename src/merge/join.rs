//! Joining the facts of the pieces of a long input into the facts of the whole input, as if
//! it had been read at once: forms are numbered once, glosses written alike are folded, only
//! the first gloss of each English and Chinese keeps its sentence, and the reference terms'
//! counts and distances are combined.

use super::facts::{GlossFolder, Quoted};
use crate::model::facts::COUNTED_HITS;
use crate::model::{EnglishFact, InputFacts, ReferenceFact};
use rustc_hash::FxHashMap;

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
