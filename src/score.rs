//! How sure we are that a row is worth keeping: its `score`, from 0 to 1.
//!
//! Every piece of evidence that an English form is a term or a name is a chance, and the
//! pieces combine as independent chances do (`1 - (1 - a)(1 - b)…`): a gloss alone can make
//! a row sure, and so can many weak signs together, while one weak sign leaves it doubtful.
//! The evidence is what the text shows: a Chinese equivalent (weighed by its confidence), an
//! acronym defined by its full form, the shape of the English (an acronym, a name, a phrase,
//! a lone lowercase word), how often and in how many inputs it recurs, and whether a
//! reference glossary knows it.
//!
//! The confidence says whether the *Chinese* is right; the score says whether the *row* is
//! worth a translator's time. `extract --min-score` cuts on it (see the README).

use crate::candidates::is_common_word;
use crate::model::{Category, Entry};
use crate::reference::Reference;
use crate::text::is_acronym;

/// An acronym the text spells out (`检索增强生成（Retrieval-Augmented Generation，RAG）`) is
/// almost always a term.
const SPELLED_OUT: f32 = 0.7;
/// A reference glossary lists it: someone already judged it a term.
const IN_REFERENCE: f32 = 0.6;
/// Shaped as an acronym (`GPU`, `MoE`): acronyms in Chinese text are mostly terms or names,
/// but some are units, grades or code.
const ACRONYM_SHAPE: f32 = 0.5;
/// A name (capitalised words, a product spelling): mostly kept, sometimes a title or label.
const NAME_SHAPE: f32 = 0.45;
/// Marked inside (`on-policy`, `GPT-4`, `ResNet`): hyphens, digits and inner capitals are
/// rare in plain words.
const MARKED_SHAPE: f32 = 0.35;
/// Several lowercase words (`gradient descent`): a phrase left whole in English is often a
/// term, but it may be a fragment of a sentence.
const PHRASE_SHAPE: f32 = 0.3;
/// One capitalised word: a name, a term at the start of a sentence, or a label.
const CAPITALISED_SHAPE: f32 = 0.2;
/// One lowercase word: left in English, it may be a term (`dropout`) or just a word.
const WORD_SHAPE: f32 = 0.1;
/// What each occurrence after the first adds: a writer repeats the terms of the subject.
const PER_REPEAT: f32 = 0.1;
/// What each further input that uses the form adds: a term recurs across documents, a
/// stray word seldom does.
const PER_INPUT: f32 = 0.3;

/// Sets every entry's score from the evidence the glossary and the reference hold.
pub(crate) fn rate(entries: &mut [Entry], reference: &Reference) {
    for e in entries {
        e.score = Some(score(e, reference));
    }
}

/// The score of one entry: its chances combined.
fn score(e: &Entry, reference: &Reference) -> f32 {
    let glossed = if e.chinese.is_empty() { 0.0 } else { e.confidence.unwrap_or(0.0) };
    let spelled_out = if e.abbreviation.is_some() && !is_acronym(&e.english) { SPELLED_OUT } else { 0.0 };
    let known = if e.forms().any(|f| reference.get(f).is_some()) { IN_REFERENCE } else { 0.0 };
    let repeats = 1.0 - (1.0 - PER_REPEAT).powi(e.frequency.saturating_sub(1).min(i32::MAX as usize) as i32);
    let inputs = distinct_inputs(e);
    let spread = 1.0 - (1.0 - PER_INPUT).powi(inputs.saturating_sub(1).min(i32::MAX as usize) as i32);
    let chances = [glossed, spelled_out, known, shape(e), repeats, spread];
    let missed: f32 = chances.iter().map(|c| 1.0 - c.clamp(0.0, 1.0)).product();
    1.0 - missed
}

/// A word of general English in capitals has at least this many letters: a shorter one is as
/// often an acronym or a name (`ARM`, `KISS`, `JAWS`).
const MIN_CAPITALISED_WORD: usize = 5;

/// What the English's shape alone says.
fn shape(e: &Entry) -> f32 {
    let english = e.english.as_str();
    // INSERT, SESSION, TOKEN: a word of general English in capitals is a keyword of code or a
    // word shouted, shaped like the word, not like an acronym
    let shouted = english.len() >= MIN_CAPITALISED_WORD
        && english.bytes().all(|b| b.is_ascii_uppercase())
        && is_common_word(english);
    if shouted {
        return WORD_SHAPE;
    }
    if is_acronym(english) || e.category == Category::Abbreviation {
        return ACRONYM_SHAPE;
    }
    if e.category == Category::Name {
        return NAME_SHAPE;
    }
    let marked = english.contains(['-', '/', '+', '#', '.'])
        || english.chars().any(|c| c.is_ascii_digit())
        || english.split(' ').any(|w| w.chars().skip(1).any(|c| c.is_uppercase()));
    if marked {
        MARKED_SHAPE
    } else if english.contains(' ') {
        PHRASE_SHAPE
    } else if english.starts_with(char::is_uppercase) {
        CAPITALISED_SHAPE
    } else {
        WORD_SHAPE
    }
}

/// In how many inputs the entry's forms occur.
fn distinct_inputs(e: &Entry) -> usize {
    let mut sources: Vec<usize> = e.occurrences.iter().map(|o| o.source).collect();
    sources.sort_unstable();
    sources.dedup();
    sources.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Method, Occurrence, Span};

    fn entry(english: &str, frequency: usize) -> Entry {
        let mut e = Entry::new(english);
        e.frequency = frequency;
        e.occurrences = (0..frequency).map(|i| Occurrence { source: 0, line: i + 1, span: Span::new(0, 1) }).collect();
        e
    }

    #[test]
    fn a_gloss_outweighs_a_bare_word() {
        let bare = score(&entry("placeholder", 1), &Reference::empty());
        let mut glossed = entry("placeholder", 1);
        glossed.chinese = vec!["占位符".into()];
        glossed.confidence = Some(0.9);
        glossed.method = Some(Method::Parenthesis);
        let glossed = score(&glossed, &Reference::empty());
        assert!(bare < 0.2 && glossed >= 0.9, "{bare} {glossed}");
    }

    #[test]
    fn the_shape_ranks_rows_without_a_chinese() {
        let r = Reference::empty();
        let acronym = score(&entry("TLS", 1), &r);
        let phrase = score(&entry("load balancer", 1), &r);
        let word = score(&entry("thing", 1), &r);
        assert!(acronym > phrase && phrase > word, "{acronym} {phrase} {word}");
        // a word in capitals is a word, said once; an acronym that spells one is not
        let shouted = score(&entry("STATUS", 1), &r);
        assert!(shouted < 0.2 && acronym > 0.2, "{shouted} {acronym}");
        assert!(score(&entry("ARM", 1), &r) > 0.2 && score(&entry("KISS", 1), &r) > 0.2);
    }

    #[test]
    fn recurrence_and_spread_raise_the_score() {
        let r = Reference::empty();
        let once = score(&entry("sharding", 1), &r);
        let often = score(&entry("sharding", 8), &r);
        let mut spread = entry("sharding", 8);
        for (i, o) in spread.occurrences.iter_mut().enumerate() {
            o.source = i % 4;
        }
        let spread = score(&spread, &r);
        assert!(once < often && often < spread, "{once} {often} {spread}");
    }

    #[test]
    fn a_spelled_out_acronym_and_a_reference_term_are_likely_terms() {
        let mut full = entry("transport layer security", 1);
        full.abbreviation = Some("TLS".into());
        assert!(score(&full, &Reference::empty()) >= 0.75);
        let mut reference = Reference::empty();
        reference.insert(crate::ReferenceEntry {
            english: "sharding".into(),
            chinese: vec!["分片".into()],
            abbreviation: None,
            category: None,
            domain: None,
            note: String::new(),
            mined: None,
        });
        assert!(score(&entry("sharding", 1), &reference) >= 0.6);
    }

    #[test]
    fn every_score_is_between_zero_and_one() {
        let mut e = entry("x", 3);
        e.frequency = usize::MAX;
        e.chinese = vec!["某".into()];
        e.confidence = Some(1.0);
        let s = score(&e, &Reference::empty());
        assert!((0.0..=1.0).contains(&s), "{s}");
    }
}
