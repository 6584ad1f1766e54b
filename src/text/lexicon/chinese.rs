//! Lists about Chinese words, read by the aligner: the function words that bound a Chinese
//! term, the keywords of naming and apposition constructions, and the prefixes and openers
//! that tell a gloss in brackets from a remark. Each list is a data file under `chinese/`.
//!
//! Lists searched for the first keyword a text starts with keep their order: a longer
//! keyword comes before a shorter one it starts with (也就是说 before 也就是).

use super::entries;
use std::sync::LazyLock;

/// Words that never start or continue a Chinese term on its left.
pub(crate) static STOP_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("chinese/stop_words.txt")));

/// Locality words: they end a term on its left but may start one (后训练, 上采样).
pub(crate) static LOCALITY: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("chinese/locality.txt")));

/// Between an acronym and its full form: `CORS 的全称是 Cross-Origin Resource Sharing`.
pub(crate) static ACRONYM_APPOSITION: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("chinese/acronym_apposition.txt")));

/// Apposition keywords after which the other language's form follows.
pub(crate) static APPOSITION_STRONG: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("chinese/apposition_strong.txt")));

/// Weaker keywords, accepted only after 叫/称为/所谓 before the first form.
pub(crate) static APPOSITION_WEAK: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("chinese/apposition_weak.txt")));

/// Words that introduce a form as a name: 叫 X，就是 Y.
pub(crate) static NAMING: LazyLock<Vec<&'static str>> = LazyLock::new(|| entries(include_str!("chinese/naming.txt")));

/// Nouns of a class of names that make the capitalised word right after them a name of that
/// class (前端框架 Solid).
pub(crate) static NAME_CLASSES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("chinese/name_classes.txt")));

/// Words that take what follows as their object or example (使用 dropout): the word before
/// an English term is then not its Chinese.
pub(crate) static TAKES_OBJECT: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("chinese/takes_object.txt")));

/// Words that open a bracket holding an alternative, an example or a remark, not a gloss.
pub(crate) static NOT_GLOSS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("chinese/not_gloss.txt")));

/// Prefixes inside a bracket before the gloss proper: `（即 Omni）`, `（英文：token）`.
pub(crate) static GLOSS_PREFIXES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("chinese/gloss_prefixes.txt")));

/// The gloss prefixes that may run straight into Chinese (`（即过拟合）`); any other prefix
/// followed by Chinese is part of a word (英文 in 英文版).
pub(crate) static GLOSS_PREFIXES_BEFORE_CHINESE: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("chinese/gloss_prefixes_before_chinese.txt")));

/// Labels of metadata and credit lines (`译者`, `校对`, `图片来源`): the English after one
/// of them and a colon names people, handles or sources.
pub(crate) static CREDIT_LABELS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("chinese/credit_labels.txt")));

/// Verbs of working an interface (点击, 选择): quoted English after them labels a control.
pub(crate) static UI_ACTIONS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("chinese/ui_actions.txt")));

/// Controls of an interface (按钮, 菜单): quoted English right before them is a label.
pub(crate) static UI_CONTROLS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("chinese/ui_controls.txt")));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_match_lists_put_longer_keywords_first() {
        for list in [&ACRONYM_APPOSITION, &APPOSITION_STRONG, &GLOSS_PREFIXES] {
            for (i, a) in list.iter().enumerate() {
                assert!(!list[i + 1..].iter().any(|b| b.starts_with(a) && b != a), "{a}");
            }
        }
    }
}
