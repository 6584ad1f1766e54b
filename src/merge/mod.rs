//! Stage 4: fold English surface forms and glosses into one entry per concept.
//!
//! Surface forms are grouped by a [`key`](crate::text::key) that ignores case, full-width
//! forms, hyphen, space and underscore differences and a plural ending on the last word.
//! Groups are then joined when the text links them: an acronym stated with its full form
//! (anywhere in the input, the most frequent pairing winning where an acronym has several), an
//! alias (`GPT-4o（即 Omni）`), an acronym and a full form glossed with the same Chinese, and
//! near-duplicate spellings (`continous`/`continuous`) and spacings (`couch base`/`Couchbase`).
//! Near-duplicates are guarded: forms with digits, acronyms, short forms and forms glossed
//! with different Chinese are never merged, so `GPT-4` ≠ `GPT-4o`, `ACL` ≠ `ACM`, `YOLOv5` ≠ `YOLOv8`.
//!
//! * [`facts`] reads the facts of one input; [`join`] joins the facts of the pieces of a long
//!   input;
//! * [`group`] groups the forms into concepts (their [`keys`] numbered once), [`initials`] joins an acronym to a full form
//!   nearby that it spells, [`near`] joins near-duplicate spellings;
//! * [`entry`] names each concept, [`render`] orders its Chinese (keeping another boundary of a
//!   rendering only when sure, which [`overlap`] tells) and says how sure it is,
//!   [`category`] tells a term from an abbreviation and a name.

mod category;
mod entry;
mod facts;
mod group;
mod initials;
mod join;
mod keys;
mod near;
mod overlap;
mod render;

pub(crate) use group::MAX_KEPT_OCCURRENCES;
pub(crate) use join::Joined;

use crate::model::facts::Sentence;
use crate::model::{Entry, Glossary, InputFacts};
use crate::reference::Reference;
use rayon::prelude::*;
use render::Quote;
use rustc_hash::FxHashSet;
use std::borrow::Cow;

/// Builds the glossary from analysed inputs; with `pair_counts`, each entry with Chinese gets
/// its [`PAIR_COUNT_COLUMNS`](crate::model::PAIR_COUNT_COLUMNS).
pub(crate) fn build(inputs: &[InputFacts], reference: &Reference, pair_counts: bool) -> Glossary {
    let places = inputs.iter().map(|a| (Cow::from(&a.english[..]), Cow::from(&a.form_counts[..]))).collect();
    let glosses = inputs.iter().map(|a| Cow::from(&a.glosses[..])).collect();
    let (mut entries, quotes) = draft(inputs, glosses, places, reference, pair_counts);
    for (e, q) in entries.iter_mut().zip(quotes) {
        if let Some(s) = q.sentence(inputs) {
            e.context = s.to_string();
        }
    }
    finish(entries, inputs)
}

/// [`build`], moving the sentences the entries quote out of the facts instead of copying
/// them, and letting go of the others, of the glosses and of the places of the English: the
/// facts keep what the reference stage reads (their forms and reference terms, not their
/// sentences).
pub(crate) fn build_consuming(inputs: &mut [InputFacts], reference: &Reference, pair_counts: bool) -> Glossary {
    let places = inputs
        .iter_mut()
        .map(|a| (Cow::from(std::mem::take(&mut a.english)), Cow::from(std::mem::take(&mut a.form_counts))))
        .collect();
    let glosses = inputs.iter_mut().map(|a| Cow::from(std::mem::take(&mut a.glosses))).collect();
    let (mut entries, mut quotes) = draft(inputs, glosses, places, reference, pair_counts);
    quotes.iter_mut().for_each(|q| q.take_sentence(inputs));
    let none = Sentence::from("");
    for a in inputs.iter_mut() {
        a.forms.iter_mut().for_each(|f| f.context = none.clone());
    }
    // each sentence is let go as soon as the last entry quoting it has its copy; the copies
    // are made on the threads that read the inputs, whose heaps hold the sentences, so that
    // a copy can take the room of a sentence let go (a copy made here could not)
    let inputs = &*inputs;
    entries.par_iter_mut().zip(quotes.into_par_iter()).for_each(|(e, q)| {
        if let Some(s) = q.sentence(inputs) {
            e.context = s.to_string();
        }
    });
    finish(entries, inputs)
}

/// The entries of the concepts of the inputs, in no order, each with the sentence it quotes
/// or where it is. `glosses` are let go once the concepts' renderings are gathered, `places`
/// (the inputs' English candidates and counts) once the occurrences are placed.
fn draft(
    inputs: &[InputFacts],
    glosses: group::Glosses<'_>,
    places: group::Places<'_>,
    reference: &Reference,
    pair_counts: bool,
) -> (Vec<Entry>, Vec<Quote>) {
    // 1. Keys of every English form.
    let keys = group::keys(inputs);
    // 2. Links between keys, and the forms of each key.
    let mut uf = group::UnionFind::new(keys.ids.len());
    let mut links = group::Links::read(&glosses, &keys.ids, &mut uf);
    links.pair_acronyms_glossed_alike();
    let key_zh = links.chinese_by_key(keys.ids.len());
    links.join_acronyms(&keys.ids, &key_zh, &mut uf);
    let mut groups = group::by_key(inputs, &places, &keys);
    initials::link_initials(&keys.ids, &groups, &links.acronyms, reference, &key_zh, &keys.of_form, &mut uf);
    near::near_duplicates(&keys.ids, &key_zh, &mut uf);
    near::spacing_variants(&keys.ids, &key_zh, &mut uf);
    drop(key_zh);
    // of the links, only the aliases name entries; the keys' texts are done with
    let aliases: FxHashSet<Box<str>> = links.aliases.iter().map(|&a| Box::from(a)).collect();
    let gloss_keys = std::mem::take(&mut links.gloss_keys);
    drop(links);
    let group::Keys { ids, of_form } = keys;
    drop(ids);
    // 3. Gather each concept; the glosses are done with then.
    group::gather(&mut groups, &mut uf);
    render::gather(&mut groups, &glosses, &gloss_keys, &mut uf);
    drop(glosses);
    drop(gloss_keys);
    group::place_occurrences(&mut groups, &places, &of_form, &mut uf);
    group::quote_forms(&mut groups, inputs, &places);
    drop(places);
    drop(of_form);
    drop(uf);
    // what the stages before let go of is given back before the entries take their memory
    crate::memory::give_back_freed();
    // one entry per concept with a form, in lists allocated once at their size; the
    // concepts are let go as their entries are made (the entries are sorted after)
    let n = groups.iter().filter(|g| !g.surfaces.is_empty()).count();
    let (mut entries, mut quotes) = (Vec::with_capacity(n), Vec::with_capacity(n));
    while let Some(g) = groups.pop() {
        if let Some((e, q)) = entry::entry(g, inputs, &aliases, reference, pair_counts) {
            entries.push(e);
            quotes.push(q);
        }
        if groups.capacity() > FREED_GROUPS && groups.len() < groups.capacity() / 2 {
            groups.shrink_to_fit();
        }
    }
    (entries, quotes)
}

/// Concepts are let go in batches of at least this many (their list shrunk by half).
const FREED_GROUPS: usize = 4096;

/// The glossary of the entries: most frequent first, then by English.
fn finish(mut entries: Vec<Entry>, inputs: &[InputFacts]) -> Glossary {
    // no two concepts share an English, so the order is total: a sort in place, without the
    // half-size copy of a stable sort
    entries.sort_unstable_by(|a, b| b.frequency.cmp(&a.frequency).then_with(|| a.english.cmp(&b.english)));
    Glossary { entries, sources: inputs.iter().map(|a| a.name.clone()).collect() }
}

fn has_digit(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_digit())
}
