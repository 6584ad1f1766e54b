//! An acronym that the text never pairs with a full form (no gloss, no Chinese shared) may
//! still abbreviate a form whose initials spell it: `DPO` and `Direct Preference
//! Optimization` a section apart. Initials alone are chance (`image object` and `IO`,
//! `Oscar Smith` and `OS`), so the two are joined only when more ties them: a full form
//! written as the name of a term (in title case) that is not a person's name, or a full form
//! that the reference gives with this acronym (`neural network`, NN), the title case only in
//! an input that writes both or where the acronym's Chinese renders a word of the full form
//! (in a corpus, `NFS` in one article and `NET Framework Setup` in another are chance). Two
//! letters spell the initials of many phrases (`ImageNet Dogs`, ID): they need the reference.
//! An acronym with a digit (`GPU0`, `PPO2`) names one thing of a kind, not the kind.

use super::group::{Group, KeyChinese, UnionFind};
use super::has_digit;
use super::keys::KeyIds;
use crate::reference::Reference;
use crate::text::is_acronym;
use crate::text::lexicon::is_function_word;
use crate::text::lexicon::names::{is_person_name, own_spelling};
use rustc_hash::FxHashMap;
use std::collections::HashMap;

/// An acronym spells the initials of at least two words: one initial spells nothing.
const MIN_INITIALS: usize = 2;

/// An acronym of this many letters or fewer spells too many phrases to be tied by title case.
const MAX_CHANCE_LETTERS: usize = 2;

/// Links an acronym that the input never pairs with a full form to the one multi-word form
/// whose initials spell it (`DPO` … `Direct Preference Optimization`), where the two are tied
/// (see the [module](self) documentation).
pub(super) fn link_initials(
    ids: &KeyIds,
    groups: &[Group],
    acronyms: &FxHashMap<usize, FxHashMap<usize, usize>>,
    reference: &Reference,
    key_zh: &KeyChinese<'_>,
    of_form: &[Vec<usize>],
    uf: &mut UnionFind,
) {
    let mut by_initials: HashMap<String, Vec<usize>> = HashMap::new();
    for (k, id) in ids.iter() {
        let words: Vec<&str> = k.split(' ').collect();
        if words.len() < MIN_INITIALS || has_digit(k) {
            continue;
        }
        let all: String = words.iter().filter_map(|w| w.chars().next()).collect();
        let content: String = words
            .iter()
            .filter(|w| !crate::text::lexicon::is_function_word(w))
            .filter_map(|w| w.chars().next())
            .collect();
        by_initials.entry(all.clone()).or_default().push(id);
        if content != all && content.len() >= MIN_INITIALS {
            by_initials.entry(content).or_default().push(id);
        }
    }
    // (acronym, full form) tied by the full form's title case alone
    let mut titled: Vec<(usize, usize)> = Vec::new();
    for (k, id) in ids.iter() {
        // (W3C, A2C: a digit between letters repeats one, so the letters are not the initials;
        // GPU0, PPO2: a digit after them numbers one thing of the kind; `aws` beside `AWS` is
        // the acronym its makers spell)
        if acronyms.contains_key(&id)
            || !groups[id].surfaces.iter().all(|s| is_acronym(own_spelling(s.0).unwrap_or(s.0)))
            || has_digit(k)
        {
            continue;
        }
        let letters: String = k.chars().filter(|c| c.is_ascii_alphabetic()).collect();
        if let Some([full]) = by_initials.get(&letters).map(Vec::as_slice) {
            if known_pair(reference, &groups[id], &groups[*full]) {
                if key_zh.may_spell_by_initials(ids, id, *full) {
                    uf.union(id, *full);
                }
            } else if letters.len() > MAX_CHANCE_LETTERS && title_case(&groups[*full]) && !person_name(&groups[*full]) {
                titled.push((id, *full));
            }
        }
    }
    // a full form tied by its title case only: in an input that writes both, or where a
    // Chinese of the acronym renders a word of it
    if titled.is_empty() {
        return;
    }
    let mut inputs_of: FxHashMap<usize, Vec<usize>> =
        titled.iter().flat_map(|&(a, f)| [(a, Vec::new()), (f, Vec::new())]).collect();
    for (d, keys) in of_form.iter().enumerate() {
        for k in keys {
            if let Some(list) = inputs_of.get_mut(k) {
                if list.last() != Some(&d) {
                    list.push(d);
                }
            }
        }
    }
    for (id, full) in titled {
        let (a, f) = (&inputs_of[&id], &inputs_of[&full]);
        let together = a.iter().any(|d| f.binary_search(d).is_ok()) || key_zh.renders_a_word_of(ids, id, full);
        if together && key_zh.may_spell_by_initials(ids, id, full) {
            uf.union(id, full);
        }
    }
}

/// Whether a form of the group is written in title case: each word that is not a function
/// word opens with a capital (`Direct Preference Optimization`, `Mixture of Experts`).
fn title_case(g: &Group) -> bool {
    g.surfaces.iter().map(|s| s.0).any(|s| {
        s.split([' ', '-'])
            .filter(|w| !w.is_empty())
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) || is_function_word(&w.to_lowercase()))
    })
}

/// Whether every form of the group looks like a person's name (see
/// [`is_person_name`]).
fn person_name(g: &Group) -> bool {
    g.surfaces.iter().all(|s| is_person_name(s.0))
}

/// Whether the reference gives a form of `full` with a form of `acronym` as its acronym.
fn known_pair(reference: &Reference, acronym: &Group, full: &Group) -> bool {
    full.surfaces.iter().map(|s| s.0).filter_map(|f| reference.get(f)).any(|r| {
        r.abbreviation
            .as_deref()
            .is_some_and(|a| acronym.surfaces.iter().map(|s| s.0).any(|s| crate::text::key(s) == crate::text::key(a)))
    })
}
