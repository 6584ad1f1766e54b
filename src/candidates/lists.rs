//! Lists of people: a paragraph that is mostly a comma-separated list of short Latin items,
//! some of them handles (`kim88`, `jdoe`, `the-night-owl`), credits contributors, and its
//! names and handles are not terms. The list is found by its make-up, not by the shapes of
//! single words: many items, nearly all of them short runs of Latin script with no Chinese,
//! and a share of them handles. A sentence that names a few products
//! (`MySQL、PostgreSQL、Redis`) is not such a list, nor is a list of products with no
//! handle among them (`PyTorch, TensorFlow, JAX, …`).

use crate::model::Span;
use crate::normalize::{HARD, MARK};
use crate::text::chars::is_cjk;

/// A list credits people from this many items on: a sentence rarely names so many things.
const MIN_LIST_ITEMS: usize = 8;
/// At least this share of the items (in fifths) are short Latin runs with no Chinese.
const MIN_LATIN_FIFTHS: usize = 4;
/// At least this share of the items (in fifths) are handles: names of products are not.
const MIN_HANDLE_FIFTHS: usize = 1;
/// An item of a list of names has at most this many words (`Maria de la Cruz`).
const MAX_ITEM_WORDS: usize = 4;

/// The paragraphs of `view` that are lists of contributors, in text order.
pub(super) fn contributor_lists(view: &str) -> Vec<Span> {
    let mut out = Vec::new();
    // the separators of the whole view, found in one pass; a paragraph is looked at only when
    // it holds enough of them
    let seps = separators(view);
    // index of the first separator at or after `start`
    let mut k = 0;
    let mut start = 0;
    // a list needs MIN_LIST_ITEMS - 1 separators in one paragraph: with fewer left, none is
    while start < view.len() && seps.len() - k + 1 >= MIN_LIST_ITEMS {
        let end = paragraph_end(view, start);
        let first = k;
        while seps.get(k).is_some_and(|&p| p < end) {
            k += 1;
        }
        let pieces = k - first + 1;
        if pieces >= MIN_LIST_ITEMS && is_contributor_list(&view[start..end], pieces) {
            let blank = view[start..end].len() - view[start..end].trim_start().len();
            out.push(Span::new(start + blank, end));
        }
        start = end + 1;
    }
    out
}

/// Where the separators of items (`,`, `，`, `、`) of `s` start, found with memchr: this runs
/// over every text.
fn separators(s: &str) -> Vec<usize> {
    const FULL_WIDTH_COMMA: &[u8] = "，".as_bytes();
    const IDEOGRAPHIC_COMMA: &[u8] = "、".as_bytes();
    let bytes = s.as_bytes();
    // `,`, or the first byte of `，` or `、`
    memchr::memchr3_iter(b',', FULL_WIDTH_COMMA[0], IDEOGRAPHIC_COMMA[0], bytes)
        .filter(|&p| {
            let at = &bytes[p..];
            at[0] == b',' || at.starts_with(FULL_WIDTH_COMMA) || at.starts_with(IDEOGRAPHIC_COMMA)
        })
        .collect()
}

/// Where the paragraph that starts at `start` ends: at the line break before a blank line, or
/// at the end of the view.
fn paragraph_end(view: &str, start: usize) -> usize {
    let bytes = view.as_bytes();
    let mut at = start;
    while let Some(p) = memchr::memchr(b'\n', &bytes[at..]) {
        let line_end = at + p;
        let next_end = memchr::memchr(b'\n', &bytes[line_end + 1..]).map_or(view.len(), |q| line_end + 1 + q);
        if is_blank(&view[line_end + 1..next_end]) {
            return line_end;
        }
        at = line_end + 1;
    }
    view.len()
}

/// Whether a line of the view holds no text: only spaces and masked bytes.
fn is_blank(line: &str) -> bool {
    line.bytes().all(|b| b.is_ascii_whitespace() || b == HARD || b == MARK)
}

/// Whether a paragraph is a list of contributors (see the [module docs](self)); `pieces` is
/// how many pieces its separators cut it into.
fn is_contributor_list(paragraph: &str, pieces: usize) -> bool {
    let is_separator = |c: char| matches!(c, ',' | '，' | '、');
    let (mut items, mut latin, mut handles) = (0, 0, 0);
    for (seen, item) in paragraph.split(is_separator).enumerate() {
        // even if every piece left (this one too) were a Latin item, too few of the items
        // would be: the rest of a long paragraph of Chinese is not read
        let left = pieces.saturating_sub(seen);
        if (latin + left) * (5 - MIN_LATIN_FIFTHS) < (items - latin) * MIN_LATIN_FIFTHS {
            return false;
        }
        let item = item.trim_matches(|c: char| {
            c.is_whitespace() || c.is_ascii_punctuation() || c == char::from(HARD) || c == char::from(MARK) || c == '。'
        });
        if item.is_empty() {
            continue;
        }
        items += 1;
        if item.chars().any(is_cjk) || item.split_whitespace().count() > MAX_ITEM_WORDS {
            continue;
        }
        latin += 1;
        if is_handle(item) {
            handles += 1;
        }
    }
    items >= MIN_LIST_ITEMS && latin * 5 >= items * MIN_LATIN_FIFTHS && handles * 5 >= items * MIN_HANDLE_FIFTHS
}

/// A user handle: one token of ASCII letters, digits and `-`, with a digit or in lowercase
/// only (`kim88`, `jdoe`, `the-night-owl`).
fn is_handle(item: &str) -> bool {
    item.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && item.bytes().any(|b| b.is_ascii_alphabetic())
        && (item.bytes().any(|b| b.is_ascii_digit()) || item.bytes().all(|b| !b.is_ascii_uppercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_lists_of_contributors() {
        let table: &[(&str, bool)] = &[
            (
                "感谢以下各位的修改建议：kim88, jdoe, Maria Lopez, the-night-owl, pbrandt, Omar Haddad, \
                 xyz-dev, lin2020, Chen Wei, zkatz。",
                true,
            ),
            ("帮助过我们的人：\nrkumar、Ana Souza、mtx7、qfox、Ivan Petrov、\ntomas-v、ellie、b4rt、Ngozi Obi", true),
            ("常用的数据库有 MySQL、PostgreSQL、Redis、MongoDB、SQLite、Oracle、Cassandra 和 HBase 等。", false),
            ("框架：PyTorch, TensorFlow, JAX, MXNet, Keras, Caffe, Theano, PaddlePaddle, MindSpore", false),
            ("我们比较了 kim88 和 jdoe 两种方案。", false),
        ];
        for (text, want) in table {
            assert_eq!(!contributor_lists(text).is_empty(), *want, "{text}");
        }
    }

    /// The paragraphs that are lists, found the plain way: every paragraph walked, its
    /// separators counted and all its items read.
    fn lists_by_every_paragraph(view: &str) -> Vec<Span> {
        let mut out = Vec::new();
        let mut start = 0;
        while start < view.len() {
            let end = paragraph_end(view, start);
            let paragraph = &view[start..end];
            let pieces = separators(paragraph).len() + 1;
            // with more pieces than there are, no item is left unread
            if pieces >= MIN_LIST_ITEMS && is_contributor_list(paragraph, paragraph.len() + 1) {
                let blank = paragraph.len() - paragraph.trim_start().len();
                out.push(Span::new(start + blank, end));
            }
            start = end + 1;
        }
        out
    }

    proptest::proptest! {
        /// Skipping paragraphs with few separators and stopping early in Chinese ones finds
        /// the lists that reading every paragraph whole finds.
        #[test]
        fn shortcuts_find_the_same_lists(
            parts in proptest::collection::vec((
                proptest::prop_oneof![
                    4 => proptest::sample::select(vec![
                        "kim88", "jdoe", "Maria Lopez", "the-night-owl", "Chen Wei", "PyTorch", "lin2020", "xyz-dev",
                    ]),
                    1 => proptest::sample::select(vec!["模型", "数据集", "致谢：", "a b c d e", "\u{1f}", ""]),
                ],
                proptest::prop_oneof![
                    6 => proptest::sample::select(vec![", ", "，", "、"]),
                    1 => proptest::sample::select(vec!["。", "\n", "\n\n", " \n\n", " "]),
                ],
            ), 0..60),
        ) {
            let view: String = parts.iter().flat_map(|(item, sep)| [*item, *sep]).collect();
            proptest::prop_assert_eq!(contributor_lists(&view), lists_by_every_paragraph(&view));
        }
    }

    #[test]
    fn a_list_is_its_own_paragraph() {
        let text =
            "正文提到 Kafka，见下文。\n\n致谢：kim88, jdoe, pbrandt, xyz-dev, lin2020, zkatz, ellie, qfox\n\n后记";
        let lists = contributor_lists(text);
        assert_eq!(lists.len(), 1);
        assert!(text[lists[0].range()].starts_with("致谢"));
    }
}
