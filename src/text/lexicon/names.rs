//! Lists that tell a name (a company, a library, a venue, a product) from a technical term.

use super::entries;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

/// Names known as such, as merge keys: `pytorch`, `hugging face`, `neurips`.
pub(crate) static KNOWN_NAMES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("english/known_names.txt")));

/// Names in the spelling their makers give them (`GitHub`, `npm`), by that spelling in
/// lowercase.
static OWN_SPELLINGS: LazyLock<FxHashMap<String, &'static str>> = LazyLock::new(|| {
    entries(include_str!("english/own_spellings.txt")).into_iter().map(|n| (n.to_lowercase(), n)).collect()
});

/// The spelling its makers give the name `form` is, when `form` writes it in other capitals
/// (`Github`, `mysql`, `Npm`; not `GitHub` itself).
pub(crate) fn own_spelling(form: &str) -> Option<&'static str> {
    OWN_SPELLINGS.get(form.to_lowercase().as_str()).copied().filter(|n| *n != form)
}

/// The merge [`key`](crate::text::key) of `form` as its makers spell it (see [`own_spelling`]):
/// `aws` and `AWS` have one (where `aws` alone reads as the plural of `aw`).
pub(crate) fn spelling_key(form: &str) -> String {
    crate::text::key(own_spelling(form).unwrap_or(form))
}

/// Last words of the names of organisations and events: `Stability AI`, `Stanford University`.
pub(crate) static NAME_SUFFIXES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("english/name_suffixes.txt")));

/// Last words that head technical terms rather than end names: `Gradient Descent`.
pub(crate) static TERM_HEADS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("english/term_heads.txt")));

/// A person's name has this many words at most (`Mary Ann Smith`).
const MAX_NAME_WORDS: usize = 3;

/// Whether `form` looks like a person's name: two or three capitalised words, each a capital
/// and small letters (not `Cross-Validation`), none a word of general English (`Oscar Smith`; but `Direct Preference Optimization`, `Product Manager`
/// hold general words).
pub(crate) fn is_person_name(form: &str) -> bool {
    let words: Vec<&str> = form.split(' ').collect();
    let part = |p: &str| {
        p.len() > 1
            && p.starts_with(|c: char| c.is_ascii_uppercase())
            && p.chars().skip(1).all(|c| c.is_ascii_lowercase())
    };
    (2..=MAX_NAME_WORDS).contains(&words.len())
        && words.iter().all(|w| part(w) && !GENERAL_ENGLISH.contains(w.to_ascii_lowercase().as_str()))
}

/// The words of general English, common or not, hashed: asked of every word of every
/// capitalised form.
static GENERAL_ENGLISH: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    let (common, general) = (&super::english::COMMON_WORDS, &super::english::GENERAL_WORDS);
    common.iter().chain(general.iter()).copied().collect()
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_in_other_capitals_has_its_makers_spelling() {
        for (written, own) in [("mysql", "MySQL"), ("Github", "GitHub"), ("NPM", "npm"), ("POSTGRESQL", "PostgreSQL")] {
            assert_eq!(super::own_spelling(written), Some(own), "{written}");
        }
        // the spelling itself, an unknown name, a word of general English
        for written in ["GitHub", "Kestrelbase", "spark", "go"] {
            assert_eq!(super::own_spelling(written), None, "{written}");
        }
    }

    #[test]
    fn person_names_are_capitalised_words_of_no_general_english() {
        for (form, person) in [
            ("Oscar Smith", true),
            ("Generalized Cross-Validation", false),
            ("Mary Ann Smith", true),
            ("Direct Preference Optimization", false),
            ("Product Manager", false),
            ("Smith", false),
            ("GPU Linux", false),
        ] {
            assert_eq!(is_person_name(form), person, "{form}");
        }
    }
}
