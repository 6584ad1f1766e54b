//! Which English word a piece of a Chinese term renders, from two lists beside this module.
//! The words that technical compounds open with (导入 import, 事件 event, 自定义 custom) say
//! what they render and what they do not: a piece at the start of a term that renders one of
//! its English's words belongs to the term, verb or not (导入映射表 for import map); one that
//! renders a word the English lacks, before a rest that already fits, does not (事件处理器 for
//! handler). The usual Chinese of common words (截断 truncate, 噪声 noise) says only what a
//! piece renders: a synonym it does not list (截断 for clipped) may render the English too.

use super::heads::nouns_with_renderings;
use crate::text::lexicon::entries;
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// Words that open technical compounds, each with the English words (or stems) it renders.
static WORD_RENDERINGS: LazyLock<FxHashMap<&'static str, Vec<&'static str>>> =
    LazyLock::new(|| nouns_with_renderings(include_str!("word_renderings.txt")).into_iter().collect());

/// The usual Chinese of common English words, each with the English words it renders (kept
/// as written, split when asked: most are never asked).
static USUAL_RENDERINGS: LazyLock<FxHashMap<&'static str, &'static str>> = LazyLock::new(|| {
    entries(include_str!("usual_renderings.txt")).into_iter().filter_map(|l| l.split_once(' ')).collect()
});

/// A word of the English and a word a Chinese piece renders are one word when one starts
/// with the other and the shorter has this many letters (predict, predictor).
const MIN_STEM: usize = 4;

/// What a Chinese `piece` renders of `english` (in lowercase): `Some(true)` when it renders
/// one of its words, `Some(false)` when it is a word opening compounds that renders only
/// words the English lacks, `None` when neither list says.
pub(super) fn renders(piece: &str, english: &str) -> Option<bool> {
    let (opening, usual) = (WORD_RENDERINGS.get(piece), USUAL_RENDERINGS.get(piece));
    if opening.is_none() && usual.is_none() {
        return None;
    }
    // (a word inside a compound too: data in dataset)
    let has = |w: &str| {
        english.split(|c: char| !c.is_ascii_alphanumeric()).any(|o| same(o, w) || w.len() >= MIN_STEM && o.contains(w))
    };
    // (开放容器倡议 for OCI: a word that an acronym's first letter stands for; only for the
    // words opening compounds, as the usual Chinese of any word would start any phrase)
    let initial = |w: &str| may_be_acronym(english) && w.as_bytes().first() == english.as_bytes().first();
    let opening = opening.map(|words| words.iter().any(|w| w.split('-').all(has) || initial(w)));
    let usual = || usual.is_some_and(|words| words.split_whitespace().any(|w| w.split('-').all(has)));
    match opening {
        Some(true) => Some(true),
        _ if usual() => Some(true),
        other => other,
    }
}

/// The English words that the Chinese word `piece` renders, by either list.
pub(super) fn english_of(piece: &str) -> impl Iterator<Item = &'static str> {
    let opening = WORD_RENDERINGS.get(piece).into_iter().flatten().copied();
    let usual = USUAL_RENDERINGS.get(piece).into_iter().flat_map(|w| w.split_whitespace());
    opening.chain(usual)
}

/// Whether two words are one: the same, or one starts with the other and the shorter has
/// [`MIN_STEM`] letters (predict, predictor).
fn same(a: &str, b: &str) -> bool {
    a == b || a.len().min(b.len()) >= MIN_STEM && (a.starts_with(b) || b.starts_with(a))
}

/// The English words of both lists, each with the Chinese words that render it, by their
/// first [`MIN_STEM`] letters (all of a shorter word): words that are [`same`] share that key.
static BY_ENGLISH: LazyLock<FxHashMap<&'static str, Vec<(&'static str, &'static str)>>> = LazyLock::new(|| {
    let mut by: FxHashMap<&str, Vec<(&str, &str)>> = FxHashMap::default();
    let opening = WORD_RENDERINGS.iter().flat_map(|(zh, words)| words.iter().map(move |w| (*zh, *w)));
    let usual = USUAL_RENDERINGS.iter().flat_map(|(zh, words)| words.split_whitespace().map(move |w| (*zh, w)));
    for (zh, w) in opening.chain(usual) {
        by.entry(stem_key(w)).or_default().push((w, zh));
    }
    by
});

/// The key of `word` in [`BY_ENGLISH`].
fn stem_key(word: &str) -> &str {
    word.get(..MIN_STEM).unwrap_or(word)
}

/// The Chinese words of both lists that render `word` (in lowercase) or a word of its stem
/// (`share` for sharing).
pub(super) fn renderings_of(word: &str) -> impl Iterator<Item = &'static str> + '_ {
    BY_ENGLISH.get(stem_key(word)).into_iter().flatten().filter(move |(w, _)| related(w, word)).map(|(_, zh)| *zh)
}

/// The Chinese words of the lists that render `word` (in lowercase) or a word of its stem,
/// each with the English word listed and whether only as the opening of compounds (运行 for
/// runtime, whose usual Chinese is 运行时).
pub(super) fn renderings_with_english(word: &str) -> impl Iterator<Item = (&'static str, &'static str, bool)> + '_ {
    BY_ENGLISH.get(stem_key(word)).into_iter().flatten().filter(move |(w, _)| related(w, word)).map(|&(w, zh)| {
        let usual = USUAL_RENDERINGS.get(zh).is_some_and(|ws| ws.split_whitespace().any(|x| x == w));
        (w, zh, !usual)
    })
}

/// Whether two words share a stem: one starts with the other ([`same`]), or they share four
/// letters at least and each ends after them with an ending of English words (share,
/// sharing; reduce, reduction; not trigger, trigram).
fn related(a: &str, b: &str) -> bool {
    let common = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    let ending = |w: &str| STEM_ENDINGS.contains(&&w[common..]);
    same(a, b) || common >= MIN_STEM && ending(a) && ending(b)
}

/// Endings of words of one stem, after what they share.
const STEM_ENDINGS: &[&str] = &[
    "", "e", "s", "es", "ed", "ing", "ion", "tion", "ation", "er", "or", "al", "ity", "ment", "ive", "y", "ies", "ize",
    "ise", "ness", "ly", "ic",
];

/// Whether `word` (in lowercase) is an English word that some Chinese word of the lists
/// renders.
pub(super) fn renders_one_of(word: &str) -> bool {
    renderings_of(word).next().is_some()
}

/// Whether `chinese` holds a Chinese word of the lists that renders `word` (in lowercase).
pub(super) fn rendered_in(chinese: &str, word: &str) -> bool {
    renderings_of(word).any(|zh| chinese.contains(zh))
}

/// The longest lowercased English read as a possible acronym.
const MAX_ACRONYM_LEN: usize = 5;

/// Whether a lowercased English may be an acronym, whose letters stand for words (服务端渲染
/// for SSR): one word of a few letters.
pub(super) fn may_be_acronym(english: &str) -> bool {
    !english.contains([' ', '-']) && english.len() <= MAX_ACRONYM_LEN
}

#[cfg(test)]
mod tests {
    use super::renders;

    #[test]
    fn words_of_one_stem() {
        let table: &[(&str, &str, bool)] = &[
            ("share", "sharing", true),
            ("reduce", "reduction", true),
            ("generate", "generative", true),
            ("predict", "predictor", true),
            ("trigger", "trigram", false),
            ("stream", "streak", false),
        ];
        for (a, b, want) in table {
            assert_eq!(super::related(a, b), *want, "{a} / {b}");
        }
    }

    #[test]
    fn pieces_render_words_of_the_english_or_others() {
        let table: &[(&str, &str, Option<bool>)] = &[
            ("导入", "import map", Some(true)),
            ("跳跃", "jump predictor", Some(true)),
            ("事件", "handler", Some(false)),
            ("数据", "dataset", Some(true)),
            ("预测", "predictor", Some(true)),
            ("只读", "read-only file system", Some(true)),
            ("配置", "synchronous replication", Some(false)),
            ("卷积", "convolution", Some(true)),
            ("蝴蝶", "butterfly effect", None),
            ("开放", "oci", Some(true)),
            ("事件", "oci", Some(false)),
            ("下", "lower-triangular matrix", Some(true)),
            ("上", "lower-triangular matrix", Some(false)),
        ];
        for (piece, english, want) in table {
            assert_eq!(renders(piece, english), *want, "{piece} / {english}");
        }
    }
}
