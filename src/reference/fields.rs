//! The fields of the inputs: which of the reference's fields (`ml`, `web`, `finance`…) each
//! input is about, from the reference's terms it writes out in English or uses in Chinese.
//! An acronym the reference knows in one field (`SSR`, server-side rendering) is suggested
//! only where the text is of that field: an input where the acronym occurs writes
//! [`FIELD_TERMS`] of its terms, or the run as a whole does and, for a short acronym, that
//! input writes one at least (a chapter of a book). A short acronym's field is not lent to an
//! input that shows none of it: a page on statistics among pages on web frameworks is no page
//! on the web, and its `SSR` is no server-side rendering.

use super::{Reference, ReferenceEntry};
use crate::model::{Entry, InputFacts, ReferenceFact};
use crate::text::key;
use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};

/// A text is of a field when it writes out at least this many of the reference's terms of
/// that field in full: a few terms of a field are chance, more are its subject.
const FIELD_TERMS: usize = 3;

/// A Chinese term tells a text's field when it has at least this many characters: words of
/// two (推理, 策略, 参数) are general vocabulary of every field (a database paper infers,
/// has policies and parameters), 卷积神经网络 and 梯度下降 are a field's own.
const MIN_FIELD_CHINESE_CHARS: usize = 3;

/// An acronym of at most this many letters has senses in every field (`PID`, `RDD`, `SMT`):
/// the run's field is lent to it only in an input that shows that field too. Longer ones
/// (`UEFI`, `NUMA`) take the run's field wherever they are.
const MAX_SHORT_ACRONYM: usize = 3;

/// The fields of a run's inputs (see the [module docs](self)).
pub(super) struct Fields<'i, 'r> {
    inputs: &'i [InputFacts],
    /// For each input, how many of the reference's terms of each field it uses.
    of_input: Vec<HashMap<&'r str, usize>>,
    /// The fields the run as a whole is of.
    of_run: HashSet<&'r str>,
    /// The inputs where each English form (its key) occurs, gathered when first needed.
    places: OnceCell<HashMap<String, Vec<usize>>>,
}

impl<'i, 'r> Fields<'i, 'r> {
    /// The fields of `inputs`; `by_chinese` says where each of the reference's Chinese forms
    /// occurs (input, its facts).
    pub(super) fn new<'f>(
        reference: &'r Reference,
        inputs: &'i [InputFacts],
        by_chinese: &HashMap<&str, Vec<(usize, &'f ReferenceFact)>>,
    ) -> Fields<'i, 'r> {
        // the reference's terms of a field that each input uses: (English, field)
        let mut seen: Vec<HashSet<(&'r str, &'r str)>> = vec![HashSet::new(); inputs.len()];
        for (d, input) in inputs.iter().enumerate() {
            for f in &input.forms {
                let Some(r) = reference.get(&f.text) else { continue };
                // (written out in full: an acronym alone is what is in question)
                if let Some(field) = r.domain.as_deref().filter(|_| key(&f.text) == key(&r.english)) {
                    seen[d].insert((&r.english, field));
                }
            }
        }
        for r in reference.entries() {
            let Some(field) = r.domain.as_deref() else { continue };
            for z in r.chinese.iter().filter(|z| z.chars().count() >= MIN_FIELD_CHINESE_CHARS) {
                for &(d, _) in by_chinese.get(z.as_str()).map_or(&[][..], Vec::as_slice) {
                    seen[d].insert((&r.english, field));
                }
            }
        }
        let mut run: HashMap<&'r str, HashSet<&'r str>> = HashMap::new();
        let of_input = seen
            .iter()
            .map(|terms| {
                let mut counts: HashMap<&'r str, usize> = HashMap::new();
                for &(english, field) in terms {
                    *counts.entry(field).or_default() += 1;
                    run.entry(field).or_default().insert(english);
                }
                counts
            })
            .collect();
        let of_run = run.into_iter().filter(|(_, terms)| terms.len() >= FIELD_TERMS).map(|(d, _)| d).collect();
        Fields { inputs, of_input, of_run, places: OnceCell::new() }
    }

    /// Whether the entry `e` is of `r`'s field (or `r` has none): an input where it occurs is
    /// of that field, or the run is and that input uses one of its terms at least; or the run
    /// writes `r`'s full form somewhere.
    pub(super) fn in_field(&self, r: &ReferenceEntry, e: &Entry) -> bool {
        let Some(d) = r.domain.as_deref() else { return true };
        let letters = e.forms().map(|f| f.bytes().filter(u8::is_ascii_alphabetic).count()).min().unwrap_or(0);
        if self.of_run.contains(d) && letters > MAX_SHORT_ACRONYM {
            return true;
        }
        let least = if self.of_run.contains(d) { 1 } else { FIELD_TERMS };
        let places = self.places.get_or_init(|| {
            let mut out: HashMap<String, Vec<usize>> = HashMap::new();
            for (i, input) in self.inputs.iter().enumerate() {
                for f in &input.forms {
                    let list = out.entry(key(&f.text)).or_default();
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                }
            }
            out
        });
        places.contains_key(&key(&r.english))
            || e.forms()
                .filter_map(|f| places.get(&key(f)))
                .flatten()
                .any(|&i| self.of_input[i].get(d).is_some_and(|&n| n >= least))
    }
}
