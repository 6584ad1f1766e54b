//! Stage 4: fold English surface forms and glosses into one entry per concept.
//!
//! Surface forms are grouped by a [`key`](crate::text::key) that ignores case, full-width
//! forms, hyphen, space and underscore differences and a plural ending on the last word.
//! Groups are then joined when the text links them: an acronym stated with its full form
//! (anywhere in the input, the most frequent pairing winning where an acronym has several), an
//! alias (`GPT-4o（即 Omni）`), an acronym and a full form glossed with the same Chinese, and
//! near-duplicate spellings (`continous`/`continuous`). Near-duplicates are guarded: forms
//! with digits, acronyms, short forms and forms glossed with different Chinese are never
//! merged, so `GPT-4` ≠ `GPT-4o`, `ACL` ≠ `ACM`, `YOLOv5` ≠ `YOLOv8`.
//!
//! * [`facts`] reads the facts of one input; [`join`] joins the facts of the pieces of a long
//!   input;
//! * [`group`] groups the forms into concepts, [`initials`] joins an acronym to a full form
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
mod near;
mod overlap;
mod render;

pub(crate) use join::Joined;

use crate::model::{Entry, Glossary, InputFacts};
use crate::reference::Reference;

/// Builds the glossary from analysed inputs.
pub(crate) fn build(inputs: &[InputFacts], reference: &Reference) -> Glossary {
    // 1. Keys of every English form.
    let (keys, mut groups) = group::by_key(inputs);
    // 2. Links between keys.
    let mut uf = group::UnionFind::new(groups.len());
    let mut links = group::Links::read(inputs, &keys.ids, &mut uf);
    links.pair_acronyms_glossed_alike();
    let key_zh = links.chinese_by_key();
    links.join_acronyms(&key_zh, &mut uf);
    initials::link_initials(&keys.ids, &groups, &links.acronyms, reference, &mut uf);
    near::near_duplicates(&keys.ids, &key_zh, &mut uf);
    drop(key_zh);
    // 3. Gather each concept.
    group::gather(&mut groups, &mut uf);
    render::gather(&mut groups, inputs, &keys.ids, &mut uf);
    group::place_occurrences(&mut groups, inputs, &keys, &mut uf);
    drop(keys);
    drop(uf);
    // of the links, only the aliases name entries
    let aliases = std::mem::take(&mut links.aliases);
    drop(links);
    // one entry per concept with a form, in a list allocated once at its size
    let mut entries: Vec<Entry> = Vec::with_capacity(groups.iter().filter(|g| !g.surfaces.is_empty()).count());
    entries.extend(groups.into_iter().filter_map(|g| entry::entry(g, inputs, &aliases)));
    // no two concepts share an English, so the order is total: a sort in place, without the
    // half-size copy of a stable sort
    entries.sort_unstable_by(|a, b| b.frequency.cmp(&a.frequency).then_with(|| a.english.cmp(&b.english)));
    Glossary { entries, sources: inputs.iter().map(|a| a.name.clone()).collect() }
}

fn has_digit(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_digit())
}
