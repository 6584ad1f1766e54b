//! The category of a concept: a term (`zero-shot learning`), an abbreviation (`RLHF`) or a
//! name (`PyTorch`, `ICLR 2024`, `Stability AI`). Names are told by what is known of them
//! (the lists of [`names`](crate::text::lexicon::names)), by how they are written (a capital
//! and a version, camel case, every word capitalised without a term's head word) and by
//! standing as a title in `《》`.

use super::has_digit;
use crate::model::Category;
use crate::text::chars::fold;
use crate::text::is_acronym;
use crate::text::key;
use crate::text::lexicon::names::{KNOWN_NAMES, NAME_SUFFIXES, TERM_HEADS};

/// A name with a version has at least two letters before its digits: `ICLR 2024`, `GPT-4`,
/// while `V2` or `X1` may be anything.
const MIN_NAME_LETTERS: usize = 2;
/// A word of two characters (`Qt`, `pH`) is too short to be read as camel case.
const SHORT_WORD_CHARS: usize = 2;

/// The category of a concept named `english`, with its acronym; `full_form` when the
/// concept has both a full form and an acronym, `glossed` when the input gives its Chinese,
/// `title` when a form stands in `《》`. A full form with its acronym is a term unless it is
/// a known name, even when it is capitalised.
pub(super) fn of_concept(
    english: &str,
    abbreviation: Option<&str>,
    full_form: bool,
    glossed: bool,
    title: bool,
) -> Category {
    if full_form && abbreviation.is_some() && !title {
        match category(english, abbreviation, glossed, false) {
            Category::Name => Category::Name,
            _ => Category::Term,
        }
    } else {
        category(english, abbreviation, glossed, title)
    }
}

/// The category that the form `english` and its acronym suggest on their own.
fn category(english: &str, abbreviation: Option<&str>, glossed: bool, title: bool) -> Category {
    let k = key(english);
    let words: Vec<&str> = english.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    let last = words.last().map(|w| w.to_lowercase()).unwrap_or_default();
    if title
        || KNOWN_NAMES.contains(&k.as_str())
        || abbreviation.is_some_and(|a| KNOWN_NAMES.contains(&key(a).as_str()))
    {
        return Category::Name;
    }
    if words.len() > 1
        && NAME_SUFFIXES.contains(&last.as_str())
        && words.iter().all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
    {
        return Category::Name;
    }
    // venue + year, product + version: ICLR 2024, GPT-4, Llama-3.1, YOLOv5, Stable Diffusion 3
    let capital = english.chars().next().is_some_and(|c| fold(c).is_ascii_uppercase());
    if capital && has_digit(english) && english.chars().filter(|c| c.is_alphabetic()).count() >= MIN_NAME_LETTERS {
        return Category::Name;
    }
    if is_acronym(english) {
        return if KNOWN_NAMES.contains(&k.as_str()) { Category::Name } else { Category::Abbreviation };
    }
    let camel = words.iter().any(|w| {
        let cs: Vec<char> = w.chars().collect();
        cs.len() > SHORT_WORD_CHARS
            && cs[0].is_uppercase()
            && cs[1..].iter().any(|c| c.is_uppercase())
            && cs[1..].iter().any(|c| c.is_lowercase())
    });
    // iPhone, eBay, jQuery, re:Invent: a lowercase prefix before a capitalised word is a
    // brand's spelling (not macOS, mAP, kNN: capitals to the end are an acronym's)
    let branded = words.iter().any(|w| {
        w.starts_with(|c: char| c.is_ascii_lowercase())
            && w.find(|c: char| c.is_ascii_uppercase())
                .is_some_and(|u| w[u + 1..].starts_with(|c: char| c.is_ascii_lowercase()))
    });
    if (camel || branded) && abbreviation.is_none() {
        return Category::Name;
    }
    if !glossed && abbreviation.is_none() {
        let capitalised = words
            .iter()
            .filter(|w| !crate::text::lexicon::is_function_word(w))
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
        if capitalised && !TERM_HEADS.contains(&last.as_str()) {
            return Category::Name;
        }
    }
    Category::Term
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories() {
        let table: &[(&str, Option<&str>, bool, Category)] = &[
            ("PyTorch", None, false, Category::Name),
            ("ICLR 2024", None, false, Category::Name),
            ("GPT-4o", None, false, Category::Name),
            ("Hugging Face", None, false, Category::Name),
            ("RLHF", None, false, Category::Abbreviation),
            ("NVIDIA", None, false, Category::Name),
            ("zero-shot learning", None, false, Category::Term),
            ("Mixture of Experts", None, false, Category::Term),
            ("Stability AI", None, false, Category::Name),
            ("iPhone", None, false, Category::Name),
            ("re:Invent", None, false, Category::Name),
            ("mAP", None, false, Category::Abbreviation),
        ];
        for (en, ab, glossed, want) in table {
            assert_eq!(category(en, *ab, *glossed, false), *want, "{en}");
        }
    }
}
