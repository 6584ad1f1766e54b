//! How much of its English a Chinese term covers. A term with fewer characters than its
//! English has words lacks a piece (显存 for `memory footprint`); a term that is the Chinese
//! of a shorter English, in the reference or elsewhere in the same input (the Chinese of
//! `DQN` for `noisy DQN`), cannot be the Chinese of the longer one.

use crate::text::lexicon::is_function_word;

/// A term of two English words needs three characters: a dictionary word of three may
/// render two words (学习率 learning rate), two characters may not (显存 memory footprint).
const TWO_WORD_MIN_CHARS: f32 = 3.0;

/// The most words an English is split into sub-phrases by: longer ones are titles.
const MAX_PHRASE_WORDS: usize = 6;

/// The content words of `english` (in lowercase), function words left out; a hyphenated
/// word counts one, as its Chinese is often one short word (微调 fine-tuning).
pub(super) fn content_words(english: &str) -> usize {
    english.split([' ', '/']).filter(|w| !w.is_empty() && !is_function_word(w)).count()
}

/// Whether a term of `chars` characters (a Latin word counting two) covers too little of an
/// English of `words` content words: not one character more than it has words (大数定律 for
/// law of large numbers covers it; 反馈信号 for scalar feedback signal does not).
pub(super) fn covers_little(chars: f32, words: usize) -> bool {
    words >= 2 && chars < TWO_WORD_MIN_CHARS.max(words as f32 + 1.0)
}

/// The shorter phrases inside `english` (in lowercase): every run of its words but the
/// whole, each with fewer content words.
pub(super) fn sub_phrases(english: &str) -> Vec<String> {
    let words: Vec<&str> = english.split(' ').filter(|w| !w.is_empty()).collect();
    let n = words.len();
    let mut out = Vec::new();
    if !(2..=MAX_PHRASE_WORDS).contains(&n) {
        return out;
    }
    for len in 1..n {
        for start in 0..=n - len {
            let phrase = &words[start..start + len];
            if phrase.iter().any(|w| !is_function_word(w)) {
                out.push(phrase.join(" "));
            }
        }
    }
    out
}

/// Whether `phrase` is one of the [`sub_phrases`] of `english`, without listing them: a run
/// of its words but the whole, written with single spaces, with a content word.
pub(super) fn is_sub_phrase(phrase: &str, english: &str) -> bool {
    let words: Vec<&str> = english.split(' ').filter(|w| !w.is_empty()).collect();
    let parts: Vec<&str> = phrase.split(' ').collect();
    let n = words.len();
    (2..=MAX_PHRASE_WORDS).contains(&n)
        && parts.len() < n
        && parts.iter().all(|w| !w.is_empty())
        && parts.iter().any(|w| !is_function_word(w))
        && words.windows(parts.len()).any(|run| run == parts.as_slice())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sub_phrase_is_one_the_list_holds() {
        for english in ["noisy deep q network", "law of large numbers", "dueling  ddqn", "proxy", "a b c d e f g"] {
            let list = sub_phrases(english);
            for phrase in
                ["noisy", "deep q", "q network", "of", "large numbers", "law of", "ddqn", "proxy", "b c", " deep"]
            {
                assert_eq!(
                    is_sub_phrase(phrase, english),
                    list.iter().any(|p| p == phrase),
                    "{phrase:?} in {english:?}"
                );
            }
            for phrase in &list {
                assert!(is_sub_phrase(phrase, english), "{phrase:?} in {english:?}");
            }
        }
    }

    #[test]
    fn terms_that_cover_too_little() {
        let table: &[(f32, &str, bool)] = &[
            (2.0, "connection pooling", true),
            (2.0, "write-ahead log", true),
            (2.0, "fine-tuning", false),
            (4.0, "law of large numbers", false),
            (3.0, "learning rate", false),
            (4.0, "load balancer", false),
            (2.0, "proxy", false),
            (3.0, "secure socket layer", true),
            (4.0, "secure socket layer", false),
            (5.0, "HTTP request header", false),
        ];
        for (chars, en, want) in table {
            assert_eq!(covers_little(*chars, content_words(&en.to_lowercase())), *want, "{chars} / {en}");
        }
    }

    #[test]
    fn phrases_inside_an_english() {
        assert_eq!(sub_phrases("sharded sql cluster"), ["sharded", "sql", "cluster", "sharded sql", "sql cluster"]);
        assert_eq!(sub_phrases("rate of return"), ["rate", "return", "rate of", "of return"]);
        assert!(sub_phrases("cache").is_empty());
    }
}
