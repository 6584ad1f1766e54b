//! Reading the text around a position: the character on either side, spaces and markup
//! skipped, brackets and separators recognised, and short keyword lists matched at an edge.
//!
//! The aligner looks at a few characters on either side of every candidate and bracket, so
//! these are plain scans over bytes and characters: no allocation, no substring search.

use super::WINDOW_CHARS;
use crate::model::Span;
use crate::normalize::MARK;
use crate::text::chars::{fold, is_cjk};

/// The character that starts at byte `i`, if any.
pub(super) fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..)?.chars().next()
}

/// The character that ends at byte `i`, if any.
pub(super) fn char_before(s: &str, i: usize) -> Option<char> {
    if i == 0 {
        None
    } else {
        s[..i].chars().next_back()
    }
}

pub(super) fn is_open(c: char) -> bool {
    matches!(c, '(' | '（')
}
pub(super) fn is_close(c: char) -> bool {
    matches!(c, ')' | '）')
}
pub(super) fn is_separator(c: char) -> bool {
    matches!(fold(c), ',' | ';' | '、' | '；' | '，')
}
pub(super) fn is_space(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\u{3000}' || c == '\u{a0}'
}

/// Skips spaces and markup bytes backwards from `i`.
pub(super) fn skip_back(view: &str, mut i: usize, marks: bool) -> usize {
    while let Some(c) = char_before(view, i) {
        if is_space(c) || (marks && c as u32 == MARK as u32) {
            i -= c.len_utf8();
        } else {
            break;
        }
    }
    i
}

/// Skips spaces and markup bytes forwards from `i`.
pub(super) fn skip_fwd(view: &str, mut i: usize, marks: bool) -> usize {
    while let Some(c) = char_at(view, i) {
        if is_space(c) || (marks && c as u32 == MARK as u32) {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

/// `s` without the spaces and markup bytes at either end.
pub(super) fn trim_span(view: &str, s: Span) -> Span {
    let start = skip_fwd(view, s.start, true).min(s.end);
    let end = skip_back(view, s.end, true).max(start);
    Span::new(start, end)
}

/// The Chinese characters in `s`.
pub(super) fn cjk_count(s: &str) -> usize {
    s.chars().filter(|&c| is_cjk(c)).count()
}

/// The first of `words` that `s` starts with. (Slice comparison calls `memcmp` each time;
/// these lists are scanned at every candidate, and most words differ in their first bytes.)
pub(super) fn prefix_in<'w>(s: &str, words: &[&'w str]) -> Option<&'w str> {
    words.iter().copied().find(|w| starts_with(s.as_bytes(), w.as_bytes()))
}

/// The first of `words` that `s` ends with.
pub(super) fn suffix_in<'w>(s: &str, words: &[&'w str]) -> Option<&'w str> {
    words.iter().copied().find(|w| s.len() >= w.len() && starts_with(&s.as_bytes()[s.len() - w.len()..], w.as_bytes()))
}

/// `s.starts_with(w)`, byte by byte.
pub(super) fn starts_with(s: &[u8], w: &[u8]) -> bool {
    s.len() >= w.len() && s.iter().zip(w).all(|(a, b)| a == b)
}

/// Whether `s` contains `infix`: a plain scan, cheaper than a substring search for the short
/// strings it serves.
pub(super) fn has_infix(s: &str, infix: &str) -> bool {
    let (s, infix) = (s.as_bytes(), infix.as_bytes());
    let Some(&first) = infix.first() else { return true };
    (0..s.len()).any(|i| s[i] == first && starts_with(&s[i..], infix))
}

/// The parts of `s` between the ASCII bytes `seps`.
pub(super) fn split_ascii<'s>(s: &'s str, seps: &'static [u8]) -> impl Iterator<Item = &'s str> {
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let r = rest?;
        // an ASCII byte is a whole character: the parts are whole characters
        match r.bytes().position(|b| seps.contains(&b)) {
            Some(p) => {
                rest = Some(&r[p + 1..]);
                Some(&r[..p])
            }
            None => rest.take(),
        }
    })
}

/// The window before `p0` that may hold the term: CJK and Latin words back to punctuation or
/// [`WINDOW_CHARS`]; and whether the limit cut it.
pub(super) fn window_before(view: &str, p0: usize, slash: bool) -> (Span, bool) {
    let mut ws = p0;
    let mut n = 0;
    let mut hit_limit = false;
    // one pass backwards, knowing the characters on either side of the one looked at
    let mut after = char_at(view, p0);
    let mut chars = view[..p0].chars().rev().peekable();
    while let Some(c) = chars.next() {
        // a dot only inside a word (Llama-3.1), not after a list number (1. 无偏性)
        let dot_inside = c == '.'
            && chars.peek().is_some_and(|b| b.is_ascii_alphanumeric())
            && after.is_some_and(|a| a.is_ascii_alphanumeric());
        if !in_window(c, dot_inside, slash) {
            break;
        }
        if n >= WINDOW_CHARS {
            hit_limit = true;
            break;
        }
        ws -= c.len_utf8();
        n += 1;
        after = Some(c);
    }
    (Span::new(skip_fwd(view, ws, false).min(p0), p0), hit_limit)
}

/// Whether `c` may stand in the window before a gloss: a character of a term (Chinese, a
/// letter or digit, a hyphen, a space, a dot inside a word, a slash where the English has one).
fn in_window(c: char, dot_inside: bool, slash: bool) -> bool {
    is_cjk(c) || c.is_alphanumeric() || dot_inside || matches!(c, '-' | '·' | ' ' | '\u{a0}') || slash && c == '/'
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`window_before`] as first written, decoding the characters around each position anew.
    fn window_before_as_first_written(view: &str, p0: usize, slash: bool) -> (Span, bool) {
        let mut ws = p0;
        let mut n = 0;
        let mut hit_limit = false;
        while let Some(c) = char_before(view, ws) {
            let dot_inside = c == '.'
                && char_before(view, ws - 1).is_some_and(|b| b.is_ascii_alphanumeric())
                && char_at(view, ws).is_some_and(|a| a.is_ascii_alphanumeric());
            if !in_window(c, dot_inside, slash) {
                break;
            }
            if n >= WINDOW_CHARS {
                hit_limit = true;
                break;
            }
            ws -= c.len_utf8();
            n += 1;
        }
        (Span::new(skip_fwd(view, ws, false).min(p0), p0), hit_limit)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2048))]
        #[test]
        fn the_window_read_in_one_pass_is_the_window_read_by_positions(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "模型", "的", "Llama", "3", ".", "1", " ", "\u{a0}", "-", "·", "/", "，", "（", "a", "É", "。", "\n",
                ]),
                0..40,
            ),
            cut in 0usize..80,
            slash: bool,
        ) {
            let view = parts.concat();
            let bounds: Vec<usize> = (0..=view.len()).filter(|&i| view.is_char_boundary(i)).collect();
            let p0 = bounds[cut % bounds.len()];
            proptest::prop_assert_eq!(
                window_before(&view, p0, slash),
                window_before_as_first_written(&view, p0, slash),
                "{:?} at {}", view, p0
            );
        }
    }
}
