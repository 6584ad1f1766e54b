//! Which English word a piece of a Chinese term renders: the words that technical compounds
//! open with (导入 import, 事件 event, 自定义 custom), read from a data file beside this
//! module. A piece at the start of a term that renders one of its English's words belongs to
//! the term, verb or not (导入映射表 for import map); one that renders a word the English
//! lacks, before a rest that already fits, does not (事件处理器 for handler).

use super::heads::nouns_with_renderings;
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// Each Chinese word with the English words (or stems) that it renders.
static WORD_RENDERINGS: LazyLock<FxHashMap<&'static str, Vec<&'static str>>> =
    LazyLock::new(|| nouns_with_renderings(include_str!("word_renderings.txt")).into_iter().collect());

/// A word of the English and a word a Chinese piece renders are one word when one starts
/// with the other and the shorter has this many letters (predict, predictor).
const MIN_STEM: usize = 4;

/// What a Chinese `piece` renders of `english` (in lowercase): `Some(true)` when it renders
/// one of its words, `Some(false)` when it renders only words the English lacks, `None`
/// when it is no word of the list.
pub(super) fn renders(piece: &str, english: &str) -> Option<bool> {
    let words = WORD_RENDERINGS.get(piece)?;
    let own: Vec<&str> = english.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let same = |a: &str, b: &str| a == b || a.len().min(b.len()) >= MIN_STEM && (a.starts_with(b) || b.starts_with(a));
    // (a word inside a compound too: data in dataset)
    let has = |w: &str| own.iter().any(|o| same(o, w) || w.len() >= MIN_STEM && o.contains(w));
    // (开放容器倡议 for OCI: a word that an acronym's first letter stands for)
    let initial = |w: &str| may_be_acronym(english) && w.as_bytes().first() == english.as_bytes().first();
    Some(words.iter().any(|w| w.split('-').all(has) || initial(w)))
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
    fn pieces_render_words_of_the_english_or_others() {
        let table: &[(&str, &str, Option<bool>)] = &[
            ("导入", "import map", Some(true)),
            ("跳跃", "jump predictor", Some(true)),
            ("事件", "handler", Some(false)),
            ("数据", "dataset", Some(true)),
            ("预测", "predictor", Some(true)),
            ("只读", "read-only file system", Some(true)),
            ("配置", "synchronous replication", Some(false)),
            ("卷积", "convolution", None),
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
