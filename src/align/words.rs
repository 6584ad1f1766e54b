//! Function words: the words that never belong to a Chinese term, and so mark where one
//! begins or ends. A word is one by the stop-word list, by its part of speech (particles,
//! prepositions, conjunctions, pronouns…), or by its shape (a reduplicated verb, a numeral
//! with a measure word). Also whether a whole phrase (a bracket part, an apposition's tail)
//! is a Chinese term: one that holds no function word.

use super::scan::{cjk_count, is_space};
use super::{Aligner, MAX_CHINESE_CHARS};
use crate::model::Span;
use crate::normalize::{HARD, MARK};
use crate::text::chars::{is_cjk, simplified, simplified_word};
use crate::text::lexicon::chinese::{LOCALITY, STOP_WORDS};
use rustc_hash::FxHashSet;
use std::sync::LazyLock;

/// A word with a function tag is a function word only this short: longer ones are content
/// words the segmenter tagged loosely.
const FUNCTION_WORD_MAX_CHARS: usize = 2;

/// A word ending in 个 up to this long is a measure phrase (算个, 这个, 同一个).
const MEASURE_PHRASE_MAX_CHARS: usize = 3;

/// 的 may join the words of a Chinese part this short (the bracket's Chinese is a name, 的
/// and all); in a longer one it makes a phrase.
const DE_IN_TERM_MAX_CHARS: usize = 8;

/// The numeral with a measure word that names an order, not a count: quadratic.
const ORDINAL_QUADRATIC: &str = "二次";

/// Characters that start a numeral.
const NUMERALS: &str = "一二三四五六七八九十两几每百千万数";

/// Measure words that end a numeral phrase (三层, 一种).
const MEASURE_WORDS: &str = "个种类些次层条块位名台张项组份段篇部点步轮遍";

/// Whether `tag` is a function word's: particles, prepositions, conjunctions, pronouns, modal
/// particles, interjections, punctuation.
fn function_tag(tag: &str) -> bool {
    matches!(tag, "uj" | "ul" | "uz" | "uv" | "ud" | "p" | "c" | "r" | "rr" | "rz" | "y" | "e" | "o" | "w")
}

/// Whether the part of speech alone makes `word` a function word.
pub(super) fn pos_stop(word: &str, tag: &str) -> bool {
    function_tag(tag) && word.chars().count() <= FUNCTION_WORD_MAX_CHARS && word != "自"
}

/// Whether `word` is on the stop-word list, in simplified or traditional characters (為 as
/// 为).
pub(super) fn is_stop_word(word: &str) -> bool {
    static STOP_SET: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| STOP_WORDS.iter().copied().collect());
    STOP_SET.contains(&*simplified_word(word))
}

/// Whether `word`, tagged `tag`, is a function word, in simplified or traditional characters
/// (為 as 为).
pub(super) fn is_stop(word: &str, tag: &str) -> bool {
    if is_stop_word(word) {
        return true;
    }
    let mut cs = word.chars();
    if let (Some(a), Some(b), None) = (cs.next(), cs.next(), cs.next()) {
        if a == b && tag.starts_with('v') {
            return true; // 聊聊, 看看: a reduplicated verb
        }
    }
    if word.chars().count() <= MEASURE_PHRASE_MAX_CHARS && word.ends_with(['个', '個']) {
        return true; // 算个, 这个, 同一个: a measure word ends the term
    }
    let t = tag.as_bytes();
    match t.first() {
        Some(b'u') if tag == "ug" => false, // 过 also starts 过拟合
        _ if word == "自" => false,         // 自编码器, 自监督学习
        _ if function_tag(tag) => word.chars().count() <= FUNCTION_WORD_MAX_CHARS,
        // 二次 is quadratic, not "twice" (两次): it starts terms (二次规划, 二次判别分析)
        Some(b'm') if word == ORDINAL_QUADRATIC => false,
        Some(b'm') => {
            // numerals with a measure word: 一个, 三层, 每一
            let (first, last) = (word.chars().next(), word.chars().next_back());
            word.chars().nth(1).is_some()
                && first.map(simplified).is_some_and(|c| NUMERALS.contains(c) || c.is_ascii_digit())
                && last.map(simplified).is_some_and(|c| MEASURE_WORDS.contains(c))
        }
        _ => false,
    }
}

/// Whether `tag` is a noun's (names and verbal nouns too): the head of a term.
pub(super) fn is_noun_tag(tag: &str) -> bool {
    tag.starts_with('n') || matches!(tag, "vn" | "an")
}

/// Negations: a word starting with one of them and tagged a verb or an adverb (不在, 没有, 不会)
/// says whether something is so, and names nothing.
const NEGATIONS: &str = "不没别";

/// Whether a word tagged `tag` may start a term: not a one-character adverb (都, 很), a
/// numeral with or without a measure word (一个, 三), a pronoun, or a negated verb (不在).
pub(super) fn opens_term(word: &str, tag: &str) -> bool {
    let negated = word.chars().next().is_some_and(|c| NEGATIONS.contains(c)) && matches!(tag, "v" | "d" | "vn");
    let numeral = word.chars().all(|c| NUMERALS.contains(c) || MEASURE_WORDS.contains(c) || c.is_ascii_digit());
    // (a longer adverb may start a term: 最终一致性)
    let adverb = tag == "d" && word.chars().count() == 1;
    !(negated || numeral || adverb || matches!(tag, "q" | "mq" | "r" | "rr" | "rz"))
}

/// Whether `word`, tagged `tag`, counts or points at what follows: a numeral with or without
/// a measure word (第一个, 两种), or a demonstrative (该, 这个).
pub(super) fn counts_or_points(word: &str, tag: &str) -> bool {
    let last = word.chars().next_back();
    matches!(tag, "m" | "mq" | "q" | "r" | "rz")
        || last.is_some_and(|c| MEASURE_WORDS.contains(c))
            && word.chars().next().is_some_and(|c| NUMERALS.contains(c) || c == '第')
}

impl Aligner<'_> {
    /// Whether `part` (a whole bracket part or apposition tail) is a Chinese term; returns it.
    pub(super) fn chinese_term_at(&self, view: &str, part: Span, prefixed: bool) -> Option<Span> {
        let t = &view[part.range()];
        let n = cjk_count(t);
        if n == 0 || n > MAX_CHINESE_CHARS || t.contains([HARD as char, MARK as char, '(', '（', '：', ':', '。']) {
            return None;
        }
        if t.chars()
            .any(|c| !(is_cjk(c) || c.is_alphanumeric() || is_space(c) || matches!(c, '-' | '·' | '.' | '+' | '#')))
        {
            return None;
        }
        let words = self.segmenter.tag(t);
        // (本 after a word is a noun's suffix, not "this": 转录本完整性数值, 抄本)
        let allowed = |k: usize, w: &str| {
            (w == "的" && n <= DE_IN_TERM_MAX_CHARS && !prefixed)
                || (k == 0 && LOCALITY.contains(&w))
                || k > 0 && w == "本"
        };
        if words.iter().enumerate().any(|(k, w)| is_stop(w.word, w.tag) && !allowed(k, w.word)) {
            return None;
        }
        Some(part)
    }
}
