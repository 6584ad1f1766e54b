//! One glossary entry from the forms of a concept: which form names it (the most frequent
//! full form, an acronym only when there is no full form, an alias only when nothing else
//! names it, a plural only when its singular is missing), which is its acronym, and the other
//! forms as variants.

use super::category;
use super::group::{Group, Rendering, Surface};
use super::render::{self, Quote};
use crate::candidates::is_common_word;
use crate::model::{Columns, Entry, InputFacts, PAIR_COUNT_COLUMNS};
use crate::reference::Reference;
use crate::text::lexicon::names::{own_spelling, spelling_key};
use crate::text::{is_acronym, key};
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::HashSet;

/// The glossary entry of a concept, with where the sentence it quotes is (its `context` left
/// empty), and with `pair_counts` its [`PAIR_COUNT_COLUMNS`] when it has a rendering; `None`
/// when no form of it occurs.
pub(super) fn entry(
    g: Group<'_>,
    inputs: &[InputFacts],
    aliases: &FxHashSet<Box<str>>,
    reference: &Reference,
    pair_counts: bool,
) -> Option<(Entry, Quote)> {
    if g.surfaces.is_empty() {
        return None;
    }
    let Names { mut english, mut abbreviation, mut variants, has_full } = names(&g.surfaces, aliases)?;
    respell(&mut english, &mut variants, reference);
    if let Some(a) = abbreviation.as_mut() {
        respell(a, &mut variants, reference);
    }
    let frequency = g.surfaces.iter().map(|s| s.1).sum();
    let used = g.occurrences.chunk_by(|a, b| a.source == b.source).count();
    // the curated reference's Chinese for the concept's forms breaks a tie between renderings
    // (for its full forms when it has any: an acronym has many senses); looked up only for a
    // concept with two renderings or more
    let full = g.surfaces.iter().any(|s| !is_acronym(s.0));
    let known: Vec<&str> = if g.renderings.len() < 2 {
        Vec::new()
    } else {
        g.surfaces
            .iter()
            .filter(|s| !full || !is_acronym(s.0))
            .filter_map(|s| reference.get(s.0))
            .flat_map(|r| r.chinese.iter().map(String::as_str))
            .collect()
    };
    let mut renderings = render::ordered(g.renderings, |zh| known.contains(&zh));
    renderings.retain(|(_, r)| !render::too_rare(r.inputs, used));
    let evidence = render::evidence(&renderings, &g.occurrences, g.quoted_form, inputs)?;
    let glossed = !renderings.is_empty();
    let category = category::of_concept(&english, abbreviation.as_deref(), has_full, glossed, g.title);
    let mut occurrences = g.occurrences;
    occurrences.sort_by_key(|o| (o.source, o.span.start));
    let extra = if pair_counts && glossed {
        let cell = |n: fn(&Rendering) -> usize| renderings.iter().map(|(_, r)| n(r).to_string()).collect::<Vec<_>>();
        let [documents, glosses] = PAIR_COUNT_COLUMNS;
        [(documents, cell(|r| r.documents).join("|")), (glosses, cell(|r| r.count).join("|"))].into_iter().collect()
    } else {
        Columns::new()
    };
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
        suggested: None,
        extra,
        occurrences,
    };
    Some((entry, evidence.context))
}

/// A form in small letters this long at least may spell an acronym of the reference (`udp`).
const MIN_SPELT_LEN: usize = 3;

/// Gives a concept the spelling of a known name or acronym that its form writes in other
/// capitals (`mysql` → `MySQL`, `Github` → `GitHub`, `udp` → `UDP`): its makers' own (see
/// [`own_spelling`]), or the reference's acronym or name of one word for a form that spells
/// letters. Never for a word of general English (`spark`) nor a form of several words. The
/// text's form stays a variant.
fn respell(form: &mut String, variants: &mut Vec<String>, reference: &Reference) {
    if form.contains(' ') || is_common_word(form) {
        return;
    }
    // (a form in small letters with no vowel spells letters, no word: `udp`, `jwt`; with one it
    // may be a word of its own, `nat` for NAT, `clip` for CLIP)
    let spelt = form.len() >= MIN_SPELT_LEN
        && form.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && !form.bytes().any(|b| b"aeiouy".contains(&b));
    let known = own_spelling(form).map(str::to_string).or_else(|| {
        let r = reference.get(form).filter(|_| spelt)?;
        [r.abbreviation.as_deref(), Some(r.english.as_str())]
            .into_iter()
            .flatten()
            .find(|s| *s != form && s.eq_ignore_ascii_case(form) && s.bytes().any(|b| b.is_ascii_uppercase()))
            .map(str::to_string)
    });
    if let Some(known) = known {
        let written = std::mem::replace(form, known);
        variants.retain(|v| v != form);
        if !variants.contains(&written) {
            variants.push(written);
        }
    }
}

/// A word in capitals shorter than this is an acronym even beside a more frequent spelling in
/// mixed case (URL and Url); a longer one is a word in capitals (JAVA, PYTHON).
const MIN_SHOUTED_LEN: usize = 4;

/// A singular this many times rarer than its plural is a slip or a cut (Kubernete beside
/// Kubernetes): the plural names the entry.
const RARE_SINGULAR_RATIO: usize = 10;

/// Whether `s` is a word written with capitals and small letters that is no acronym
/// (Python, GitHub; not GPUs, LoRA).
fn is_mixed_case(s: &str) -> bool {
    s.chars().any(|c| c.is_uppercase()) && s.chars().any(|c| c.is_lowercase()) && !is_acronym(s)
}

/// The letters of a form's key without its spaces: one for every spacing of a word.
fn letters(form: &str) -> String {
    key(form).chars().filter(|c| *c != ' ').collect()
}

/// Whether each of `forms` is another's letters split apart where they make no words
/// (`certi py`, `ARP ing` beside `Certipy`, `ARPing`): the split is a slip, not the name.
/// Words spaced as words stay a spelling of their own, counted as any (`saddle point` beside
/// `saddlepoint`, `Apache Kafka` beside the `ApacheKafka` of a hashtag).
fn split_spellings(forms: &[&str]) -> Vec<bool> {
    let pieces = |s: &str| s.split(' ').filter(|w| !w.is_empty()).count();
    // a piece in small letters that is no word (`certi`, `ing`)
    let no_word = |w: &str| w.bytes().all(|b| b.is_ascii_lowercase()) && !is_common_word(w);
    // each form's letters and pieces, read once: a concept may have many forms
    let read: Vec<(String, usize)> = forms.iter().map(|f| (letters(f), pieces(f))).collect();
    forms
        .iter()
        .zip(&read)
        .map(|(f, (l, p))| *p > 1 && f.split(' ').any(no_word) && read.iter().any(|(gl, gp)| gp < p && gl == l))
        .collect()
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
    // each surface with its count, first place, and whether it is an acronym: not a word in
    // capitals (PYTHON in a heading) whose key is written in mixed case more often (Python)
    let mixed: FxHashMap<String, usize> =
        surfaces.iter().filter(|s| is_mixed_case(s.0)).fold(FxHashMap::default(), |mut m, &(s, n, _)| {
            *m.entry(spelling_key(s)).or_default() += n;
            m
        });
    // (a short one is an acronym all the same: URL beside Url)
    let shouted = |s: &str, n: usize| s.len() >= MIN_SHOUTED_LEN && mixed.get(&spelling_key(s)).is_some_and(|&m| m > n);
    // (nor is a form in capitals that another spaces out: AWSSDK beside AWS SDK, CIFAR10
    // beside CIFAR-10)
    let spaced: FxHashSet<String> =
        surfaces.iter().filter(|s| s.0.contains([' ', '-', '_'])).map(|s| letters(s.0)).collect();
    let respaced = |s: &str| !spaced.is_empty() && !s.contains([' ', '-', '_']) && spaced.contains(&letters(s));
    let surfaces: Vec<(&str, usize, (usize, usize), bool)> =
        surfaces.iter().map(|&(s, n, f)| (s, n, f, is_acronym(s) && !shouted(s, n) && !respaced(s))).collect();
    // a full form is not an acronym nor an acronym written in lowercase (gpu for GPU)
    let acronym_keys: HashSet<String> =
        surfaces.iter().filter(|(_, _, _, a)| *a).map(|(s, _, _, _)| spelling_key(s)).collect();
    let short: Vec<bool> = surfaces
        .iter()
        .map(|(s, _, _, a)| *a || (!acronym_keys.is_empty() && acronym_keys.contains(&spelling_key(s))))
        .collect();
    let has_full = short.iter().any(|s| !s);
    // a plural is a form whose lowercase is another's with `s` or `es` after it, unless that
    // other is rare beside it (Kubernetes beside a slip Kubernete)
    let mut lower_counts: FxHashMap<String, usize> = FxHashMap::default();
    for (s, n, _, _) in &surfaces {
        *lower_counts.entry(s.to_lowercase()).or_default() += n;
    }
    let plural_variant: Vec<bool> = surfaces
        .iter()
        .map(|(s, n, _, _)| {
            let l = s.to_lowercase();
            let singular = |end: &str| {
                l.strip_suffix(end)
                    .and_then(|o| lower_counts.get(o))
                    .is_some_and(|&m| m * RARE_SINGULAR_RATIO >= lower_counts.get(&l).copied().unwrap_or(*n))
            };
            singular("s") || singular("es")
        })
        .collect();
    // the spelling written most often names the entry, all its cases and numbers counted
    // together (`tensor core` 1, `tensor cores` 2 outweigh `TensorCore` 2), then its form
    // written most often
    let mut spelling_counts: FxHashMap<String, usize> = FxHashMap::default();
    for (s, n, _, _) in &surfaces {
        *spelling_counts.entry(spelling_key(s)).or_default() += n;
    }
    let split = split_spellings(&surfaces.iter().map(|(s, ..)| *s).collect::<Vec<_>>());
    let pick = |acronyms: bool| {
        surfaces
            .iter()
            .enumerate()
            .filter(|(i, (_, _, _, a))| if acronyms { *a } else { !short[*i] })
            // an alias (Omni in GPT-4o（即 Omni）) names the entry only when nothing else does
            .max_by_key(|(i, (s, n, first, _))| {
                let spelling = spelling_counts.get(&spelling_key(s)).copied().unwrap_or(*n);
                (!aliases.contains(*s), !plural_variant[*i], !split[*i], spelling, *n, std::cmp::Reverse(*first))
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
