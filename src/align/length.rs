//! How long the Chinese of an English term should be: about two characters per English word,
//! fewer for the short parts of hyphenated words, more for long compound words and CamelCase
//! names, and how far a length may stray from that and still fit.

use super::scan::split_ascii;
use crate::text::chars::is_cjk;
use crate::text::is_acronym;
use crate::text::lexicon::is_function_word;

// ---- Expected length.

/// The shortest length expected: a Chinese term has two characters or more.
pub(super) const MIN_EXPECTED_CHARS: f32 = 2.0;
/// The longest length expected: a long English name is rendered tersely.
const MAX_EXPECTED_CHARS: f32 = 12.0;
/// Characters per letter of an acronym: most letters stand for a word of two characters,
/// some for function words that Chinese leaves out.
const CHARS_PER_ACRONYM_LETTER: f32 = 1.7;
/// The longest length expected for an acronym: its Chinese is a name, not a sentence.
const MAX_ACRONYM_CHARS: f32 = 8.0;
/// A short part of a hyphenated word is often one character: 后训练 post-training, 多因素
/// multi-factor, 低秩 low-rank, 微调 fine-tuning.
const HYPHEN_PART_CHARS: f32 = 1.2;
/// The longest part of a hyphenated word counted as one character.
const HYPHEN_PART_MAX_LEN: usize = 5;
/// Characters per part of a CamelCase name: each is a word (ResNet 残差网络).
const CAMEL_PART_CHARS: f32 = 2.0;
/// A CamelCase name counts at most this many parts: the rest is a version or a suffix.
const CAMEL_MAX_PARTS: usize = 4;
/// A short English word is a two-character Chinese word.
const SHORT_WORD_CHARS: f32 = 2.0;
/// The longest short English word.
const SHORT_WORD_MAX_LEN: usize = 6;
/// A longer word is sometimes a compound (consistency 一致性).
const MEDIUM_WORD_CHARS: f32 = 2.5;
/// The longest medium English word.
const MEDIUM_WORD_MAX_LEN: usize = 12;
/// A long English word is usually a compound: backpropagation 反向传播.
const LONG_WORD_CHARS: f32 = 3.5;
/// A Latin word in a Chinese term counts as two characters, like the Chinese word it
/// usually stands for.
const LATIN_WORD_CHARS: f32 = 2.0;

// ---- Fit of a length to the expected one.

/// Up to this expected length, a term may be one character shorter or two longer and still
/// fit; beyond it, two either way.
const SHORT_EXPECTED_CHARS: f32 = 4.0;
/// How much shorter than expected a term of a short English may be.
const SHORT_SLACK_BELOW: f32 = 1.0;
/// How much shorter than expected a term of a longer English may be.
const SLACK_BELOW: f32 = 2.0;
/// How much longer than expected a term may be.
const SLACK_ABOVE: f32 = 2.0;

/// A term has two characters or more: shorter options count against a multi-word English,
/// and their recurrence is not weighed.
pub(super) const MIN_TERM_CHARS: f32 = 2.0;
/// The number of characters a Chinese rendering of `english` is expected to have.
pub(super) fn expected_chars(english: &str) -> f32 {
    if is_acronym(english) {
        return acronym_chars(english);
    }
    // long English words are often compounds: backpropagation 反向传播, consistency 一致性;
    // a short part of a hyphenated word is often one character: 后训练 post-training, 多因素
    // multi-factor, 低秩 low-rank, 微调 fine-tuning
    let mut chars = 0.0f32;
    // read/write splitting 读写分离: the parts of a slashed pair are short like a hyphenated
    // word's
    for token in split_ascii(english, b" ") {
        let hyphenated = token.contains(['-', '/']);
        for w in split_ascii(token, b"-/") {
            if w.is_empty() || is_function_word(w) {
                continue;
            }
            chars += if !hyphenated && is_acronym(w) && w.len() >= 2 {
                // noisy DQN 噪声深度Q网络: an acronym among words is rendered as in full
                acronym_chars(w)
            } else if hyphenated && w.len() <= HYPHEN_PART_MAX_LEN && w.bytes().all(|b| b.is_ascii_alphabetic()) {
                HYPHEN_PART_CHARS
            } else if let Some(humps) = camel_humps(w) {
                // CamelCase names are compounds too: ResNet 残差网络, DenseNet 稠密连接网络
                CAMEL_PART_CHARS * (humps + 1).min(CAMEL_MAX_PARTS) as f32
            } else {
                word_chars(w.chars().count())
            };
        }
    }
    chars.clamp(MIN_EXPECTED_CHARS, MAX_EXPECTED_CHARS)
}

/// The characters expected for an acronym: about two per letter, within bounds.
fn acronym_chars(acronym: &str) -> f32 {
    let letters = acronym.chars().filter(|c| c.is_ascii_alphabetic()).count();
    (letters as f32 * CHARS_PER_ACRONYM_LETTER).clamp(MIN_EXPECTED_CHARS, MAX_ACRONYM_CHARS)
}

/// The characters expected for a plain English word of `len` letters.
fn word_chars(len: usize) -> f32 {
    if len <= SHORT_WORD_MAX_LEN {
        SHORT_WORD_CHARS
    } else if len <= MEDIUM_WORD_MAX_LEN {
        MEDIUM_WORD_CHARS
    } else {
        LONG_WORD_CHARS
    }
}

/// The capitals after the first letter of a CamelCase word that has some (`ResNet`: 1), or
/// `None`.
fn camel_humps(w: &str) -> Option<usize> {
    let b = w.as_bytes();
    if !b.first().is_some_and(u8::is_ascii_uppercase) || !b.iter().any(u8::is_ascii_lowercase) {
        return None;
    }
    let humps = b[1..].iter().filter(|c| c.is_ascii_uppercase()).count();
    (humps >= 1).then_some(humps)
}

/// The length of `s` in characters, a Latin word counting [`LATIN_WORD_CHARS`].
pub(super) fn text_chars(s: &str) -> f32 {
    let mut n = 0.0;
    let mut in_word = false;
    for c in s.chars() {
        if is_cjk(c) {
            n += 1.0;
            in_word = false;
        } else if c.is_alphanumeric() {
            if !in_word {
                n += LATIN_WORD_CHARS;
            }
            in_word = true;
        } else {
            in_word = false;
        }
    }
    n
}

/// What the acronyms of `english` (in lowercase) that a Chinese term `option` keeps in Latin
/// (`HTTP 请求头` for HTTP request header) add to its [`text_chars`]: such a word stands for
/// the Chinese the English's length expects of it.
pub(super) fn kept_acronym_chars(option: &str, english: &str) -> f32 {
    option
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| w.len() >= 2 && is_acronym(w) && english.split([' ', '/']).any(|e| e.eq_ignore_ascii_case(w)))
        .map(|w| (acronym_chars(w) - LATIN_WORD_CHARS).max(0.0))
        .sum()
}

/// How far `chars` characters fall outside the range expected for an English term of
/// `expected` characters, relative to it: 0 inside the range.
pub(super) fn misfit(expected: f32, chars: f32) -> f32 {
    let e = expected.max(MIN_EXPECTED_CHARS);
    let (below, above) =
        if e <= SHORT_EXPECTED_CHARS { (SHORT_SLACK_BELOW, SLACK_ABOVE) } else { (SLACK_BELOW, SLACK_ABOVE) };
    let off = if chars < e { e - chars - below } else { chars - e - above };
    off.max(0.0) / e
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The expected length as first written, with iterator adapters: [`expected_chars`] must
    /// agree with it to the bit.
    fn expected_chars_by_iterators(english: &str) -> f32 {
        if is_acronym(english) {
            let letters = english.chars().filter(|c| c.is_ascii_alphabetic()).count();
            return (letters as f32 * CHARS_PER_ACRONYM_LETTER).clamp(MIN_EXPECTED_CHARS, MAX_ACRONYM_CHARS);
        }
        // long English words are often compounds: backpropagation 反向传播, consistency 一致性;
        // a short part of a hyphenated word is often one character: 后训练 post-training, 多因素
        // multi-factor, 低秩 low-rank, 微调 fine-tuning
        let chars: f32 = english
            .split(' ')
            .flat_map(|token| {
                let hyphenated = token.contains(['-', '/']);
                token.split(['-', '/']).map(move |w| (w, hyphenated))
            })
            .filter(|(w, _)| !w.is_empty() && !is_function_word(w))
            .map(|(w, hyphenated)| {
                if !hyphenated && is_acronym(w) && w.len() >= 2 {
                    let letters = w.chars().filter(|c| c.is_ascii_alphabetic()).count();
                    return (letters as f32 * CHARS_PER_ACRONYM_LETTER).clamp(MIN_EXPECTED_CHARS, MAX_ACRONYM_CHARS);
                }
                if hyphenated && w.len() <= HYPHEN_PART_MAX_LEN && w.chars().all(|c| c.is_ascii_alphabetic()) {
                    return HYPHEN_PART_CHARS;
                }
                // CamelCase names are compounds too: ResNet 残差网络, DenseNet 稠密连接网络
                let humps = w.chars().skip(1).filter(|c| c.is_ascii_uppercase()).count();
                let lower = w.chars().any(|c| c.is_ascii_lowercase());
                if humps >= 1 && lower && w.chars().next().is_some_and(|c| c.is_ascii_uppercase()) {
                    return CAMEL_PART_CHARS * (humps + 1).min(CAMEL_MAX_PARTS) as f32;
                }
                match w.chars().count() {
                    0..=6 => SHORT_WORD_CHARS,
                    7..=12 => MEDIUM_WORD_CHARS,
                    _ => LONG_WORD_CHARS,
                }
            })
            .sum();
        chars.clamp(MIN_EXPECTED_CHARS, MAX_EXPECTED_CHARS)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]
        #[test]
        fn expected_chars_agrees_with_the_iterators(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "post", "Net", "R", "G", "of", "the", "backpropagation", "4", " ", "-", "/", "模型", "É", "Ｒ",
                ]),
                0..8,
            )
        ) {
            let english = parts.concat();
            proptest::prop_assert_eq!(
                expected_chars(&english).to_bits(),
                expected_chars_by_iterators(&english).to_bits(),
                "{}", english
            );
        }
    }
}
