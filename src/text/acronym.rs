//! Acronyms: what one looks like, and whether it abbreviates a full form.

use super::chars::fold;
use super::lexicon::is_function_word;

/// Dotted initials are an acronym from two letters on (`i.e.` has three bytes without its
/// last dot): `e.g.`, `i.i.d.`.
const MIN_DOTTED_BYTES: usize = 3;
/// Three lowercase letters in a row are a word inside the name (`FastAPI`, `OpenAI`); an
/// acronym has at most two (`MoE`, `LoRA`).
const WORD_INSIDE: usize = 3;
/// An acronym has from two to ten letters.
const ACRONYM_LETTERS: std::ops::RangeInclusive<usize> = 2..=10;
/// …at least two of them capitals…
const MIN_CAPITALS: usize = 2;
/// …and at least half its letters capitals (`LoRA`, `GPUs`; `Lora` is a name).
const LETTERS_PER_CAPITAL: usize = 2;
/// A full form has at most this many content words more than its acronym has letters (some
/// letters stand for two words: `MoE`'s E is Experts)…
const EXTRA_WORDS: usize = 2;
/// …and at least one content word per three letters (`FP16` spells out a few words).
const LETTERS_PER_WORD: usize = 3;

/// Statuses and levels of logs and tests, written in capitals as labels: words, not
/// acronyms, rendered as the word is (警告 for WARN, 通过 for PASS).
const STATUS_WORDS: &[&str] =
    &["PASS", "FAIL", "WARN", "WARNING", "ERROR", "INFO", "DEBUG", "TRACE", "FATAL", "SKIP", "TODO", "DONE", "NOTE"];

/// Whether `abbr` is an acronym: short, mostly capitals (`RAG`, `MoE`, `FP16`, `i.i.d.`), and
/// no status word in capitals (`WARN`).
pub(crate) fn is_acronym(abbr: &str) -> bool {
    if STATUS_WORDS.contains(&abbr) {
        return false;
    }
    // i.i.d., e.g.: single letters with dots
    let bytes = abbr.trim_end_matches('.').as_bytes();
    if bytes.len() >= MIN_DOTTED_BYTES
        && bytes.iter().enumerate().all(|(i, b)| if i % 2 == 0 { b.is_ascii_alphabetic() } else { *b == b'.' })
    {
        return true;
    }
    // a versioned name is not an acronym: GPT-4o, Llama-3.1
    if abbr.contains(['-', '.']) && abbr.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    // a word inside (FastAPI, OpenAI) makes a name, not an acronym (MoE, LoRA, GPUs are)
    let (mut letters, mut upper, mut run) = (0, 0, 0);
    for raw in abbr.chars() {
        let c = fold(raw);
        run = if c.is_ascii_lowercase() { run + 1 } else { 0 };
        if run >= WORD_INSIDE || raw == ' ' {
            return false;
        }
        letters += usize::from(c.is_ascii_alphabetic());
        upper += usize::from(c.is_ascii_uppercase());
    }
    ACRONYM_LETTERS.contains(&letters) && upper >= MIN_CAPITALS && upper * LETTERS_PER_CAPITAL >= letters
}

/// Schwartz & Hearst: whether `abbr` abbreviates `full`. Every letter or digit of the acronym
/// is found in order in the full form, scanning from the right, and the first one starts a
/// word.
pub(crate) fn abbreviates(abbr: &str, full: &str) -> bool {
    let a: Vec<char> =
        abbr.chars().map(|c| fold(c).to_ascii_lowercase()).filter(|c| c.is_ascii_alphanumeric()).collect();
    let f: Vec<char> = full.chars().map(|c| fold(c).to_ascii_lowercase()).collect();
    if a.len() < 2
        || f.len() <= a.len()
        || !full.contains([' ', '-']) && !full.chars().skip(1).any(|c| c.is_ascii_uppercase())
    {
        return false;
    }
    let words = full.split([' ', '-']).filter(|w| !w.is_empty() && !is_function_word(w)).count();
    if words > a.len() + EXTRA_WORDS || words * LETTERS_PER_WORD < a.len() {
        return false;
    }
    let mut fi = f.len() as isize - 1;
    for (ai, &c) in a.iter().enumerate().rev() {
        loop {
            if fi < 0 {
                return false;
            }
            let fc = f[fi as usize];
            let at_word_start = fi == 0 || !f[fi as usize - 1].is_ascii_alphanumeric();
            if fc == c && (ai != 0 || at_word_start) {
                break;
            }
            fi -= 1;
        }
        fi -= 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviates_its_full_form() {
        assert!(abbreviates("RAG", "Retrieval-Augmented Generation"));
        assert!(abbreviates("MoE", "Mixture of Experts"));
        assert!(abbreviates("ORM", "Object-Relational Mapping"));
        assert!(!abbreviates("ACL", "Association for Computing Machinery"));
    }

    #[test]
    fn acronyms() {
        for yes in ["RAG", "MoE", "FP16", "i.i.d.", "LoRA", "GPUs"] {
            assert!(is_acronym(yes), "{yes}");
        }
        for no in ["GPT-4o", "Llama-3.1", "FastAPI", "OpenAI", "a", "New York", "WARN", "PASS"] {
            assert!(!is_acronym(no), "{no}");
        }
    }
}
