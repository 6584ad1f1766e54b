//! One glossary entry from the forms of a concept: which form names it (the most frequent
//! full form, an acronym only when there is no full form, an alias only when nothing else
//! names it, a plural only when its singular is missing), which is its acronym, and the other
//! forms as variants.

use super::category;
use super::group::Group;
use super::group::Surface;
use super::render::{self, Quote};
use crate::model::{Entry, InputFacts};
use crate::text::{is_acronym, key};
use rustc_hash::FxHashSet;
use std::collections::HashSet;

/// The glossary entry of a concept, with where the sentence it quotes is (its `context` left
/// empty); `None` when no form of it occurs.
pub(super) fn entry(g: Group<'_>, inputs: &[InputFacts], aliases: &FxHashSet<Box<str>>) -> Option<(Entry, Quote)> {
    if g.surfaces.is_empty() {
        return None;
    }
    let Names { english, abbreviation, variants, has_full } = names(&g.surfaces, aliases)?;
    let frequency = g.surfaces.iter().map(|s| s.1).sum();
    let renderings = render::ordered(g.renderings);
    let evidence = render::evidence(&renderings, &g.occurrences, g.quoted_form, inputs)?;
    let glossed = !renderings.is_empty();
    let category = category::of_concept(&english, abbreviation.as_deref(), has_full, glossed, g.title);
    let mut occurrences = g.occurrences;
    occurrences.sort_by_key(|o| (o.source, o.span.start));
    let entry = Entry {
        english,
        chinese: renderings.into_iter().map(|(z, _)| String::from(z)).collect(),
        abbreviation,
        variants,
        category,
        frequency,
        score: None,
        confidence: evidence.confidence,
        method: evidence.method,
        source: evidence.source.unwrap_or_default(),
        context: String::new(),
        note: String::new(),
        extra: Default::default(),
        occurrences,
    };
    Some((entry, evidence.context))
}

/// The forms of a concept as its entry gives them.
struct Names {
    english: String,
    abbreviation: Option<String>,
    variants: Vec<String>,
    /// Whether a form is neither an acronym nor an acronym in lowercase.
    has_full: bool,
}

/// Chooses the English and the acronym of a concept among its forms (each with its count and
/// first place); the rest are variants.
fn names(surfaces: &[Surface<'_>], aliases: &FxHashSet<Box<str>>) -> Option<Names> {
    // each surface with its count, first place, and whether it is an acronym
    let surfaces: Vec<(&str, usize, (usize, usize), bool)> =
        surfaces.iter().map(|&(s, n, f)| (s, n, f, is_acronym(s))).collect();
    // a full form is not an acronym nor an acronym written in lowercase (gpu for GPU)
    let acronym_keys: HashSet<String> = surfaces.iter().filter(|(_, _, _, a)| *a).map(|(s, _, _, _)| key(s)).collect();
    let short: Vec<bool> = surfaces
        .iter()
        .map(|(s, _, _, a)| *a || (!acronym_keys.is_empty() && acronym_keys.contains(&key(s))))
        .collect();
    let has_full = short.iter().any(|s| !s);
    // a plural is a form whose lowercase is another's with `s` or `es` after it
    let lowercase: Vec<String> = surfaces.iter().map(|(s, _, _, _)| s.to_lowercase()).collect();
    let lower_set: HashSet<&str> = lowercase.iter().map(String::as_str).collect();
    let plural_variant: Vec<bool> = lowercase
        .iter()
        .map(|l| {
            let singular = |end: &str| l.strip_suffix(end).is_some_and(|o| lower_set.contains(o));
            singular("s") || singular("es")
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
            .map(|(_, (s, _, _, _))| s.to_string())
    };
    let english = pick(!has_full)?;
    let abbreviation = if has_full { pick(true) } else { None };
    let variants: Vec<String> = surfaces
        .iter()
        .map(|(s, _, _, _)| s.to_string())
        .filter(|s| *s != english && Some(s) != abbreviation.as_ref())
        .collect();
    Some(Names { english, abbreviation, variants, has_full })
}
