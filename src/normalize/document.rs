//! The document: the original text, its prose view (same length, non-prose bytes
//! overwritten), the marked spans and the line index, with the lookups the later stages make
//! on them. Building it runs the masks in their order: Markdown structure first (so that a
//! URL inside code stays code), then URLs and entities, then emphasis, and last the
//! quotation brackets, which stay in the view.

use super::scan::fill;
use super::{markdown, quotes, structure, urls, MarkKind, Marked, Markup, HARD};
use crate::model::Span;

/// Titles do not nest deeply: [`Document::title_around`] looks at the few that start last
/// before a span.
const TITLES_LOOKED_AT: usize = 8;

/// Quotations do not nest deeply either: [`Document::quote_around`] looks at the few marked
/// spans that end first after a span.
const QUOTES_LOOKED_AT: usize = 8;

/// The input text with its prose view, marked spans and line index.
#[derive(Debug)]
pub(crate) struct Document<'a> {
    text: &'a str,
    view: String,
    marked: Vec<Marked>,
    /// Indices into `marked`, ordered by start.
    by_start: Vec<usize>,
    /// Title contents, ordered by start.
    titles: Vec<Span>,
    /// Inline code with its backticks, in text order.
    inline_code: Vec<Span>,
    line_starts: Vec<usize>,
}

impl<'a> Document<'a> {
    /// Reads `text` with the given markup.
    #[cfg(test)]
    pub(crate) fn new(text: &'a str, markup: Markup) -> Document<'a> {
        Document::piece(text, markup, true)
    }

    /// Reads a piece of an input (see [`chunk_end`](super::chunk_end)): front matter is
    /// looked for only at the start of the input.
    pub(crate) fn piece(text: &'a str, markup: Markup, at_start: bool) -> Document<'a> {
        let mut v = text.as_bytes().to_vec();
        if text.starts_with('\u{feff}') {
            fill(&mut v, 0..3, HARD);
        }
        let mut marked = Vec::new();
        let mut inline_code = Vec::new();
        if markup == Markup::Markdown {
            structure::mask_structure(text, &mut v, &mut marked, &mut inline_code, at_start);
            markdown::mask_math(&mut v);
            markdown::mask_containers(&mut v);
            markdown::mask_templates(&mut v);
        }
        markdown::mask_directives(&mut v);
        urls::mask_urls_and_emails(&mut v);
        urls::mask_entities(&mut v);
        urls::mask_hashtags(&mut v);
        if markup == Markup::Markdown {
            markdown::mask_inline_markup(&mut v, &mut marked);
        }
        quotes::find_quotes(&v, &mut marked);
        marked.sort_by_key(|m| (m.inner.end, m.inner.start));
        let view = into_view(text, v);
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let mut by_start: Vec<usize> = (0..marked.len()).collect();
        by_start.sort_by_key(|&k| (marked[k].inner.start, marked[k].inner.end));
        let mut titles: Vec<Span> = marked.iter().filter(|m| m.kind == MarkKind::Title).map(|m| m.inner).collect();
        titles.sort();
        Document { text, view, marked, by_start, titles, inline_code, line_starts }
    }

    /// The original text.
    pub(crate) fn text(&self) -> &'a str {
        self.text
    }

    /// The prose view: same length as the text, non-prose bytes overwritten.
    pub(crate) fn view(&self) -> &str {
        &self.view
    }

    /// The inline code of a Markdown input (`` `setup()` ``), its backticks included, in
    /// text order; none in plain text. A role's reference (`` :numref:`x` ``) is no code.
    pub(crate) fn inline_code(&self) -> &[Span] {
        &self.inline_code
    }

    /// Marked spans, sorted by their end.
    pub(crate) fn marked(&self) -> &[Marked] {
        &self.marked
    }

    /// The marked span whose content ends exactly at `end`, if any (the innermost one).
    pub(crate) fn marked_ending_at(&self, end: usize) -> Option<&Marked> {
        let i = self.marked.partition_point(|m| m.inner.end < end);
        self.marked[i..].iter().take_while(|m| m.inner.end == end).max_by_key(|m| m.inner.start)
    }

    /// The marked span whose content starts exactly at `start`, if any.
    pub(crate) fn marked_starting_at(&self, start: usize) -> Option<&Marked> {
        let i = self.by_start.partition_point(|&k| self.marked[k].inner.start < start);
        self.by_start[i..]
            .iter()
            .map(|&k| &self.marked[k])
            .take_while(|m| m.inner.start == start)
            .min_by_key(|m| m.inner.end)
    }

    /// The innermost title (`《…》`) containing `span`, if any.
    pub(crate) fn title_around(&self, span: Span) -> Option<Span> {
        let i = self.titles.partition_point(|t| t.start <= span.start);
        let last = self.titles[..i].iter().rev().take(TITLES_LOOKED_AT);
        last.filter(|t| span.end <= t.end).min_by_key(|t| t.len()).copied()
    }

    /// The innermost quotation (`“…”`, `"…"`, `「…」`) whose content holds `span`, if any.
    pub(crate) fn quote_around(&self, span: Span) -> Option<Span> {
        let i = self.marked.partition_point(|m| m.inner.end < span.end);
        self.marked[i..]
            .iter()
            .take(QUOTES_LOOKED_AT)
            .filter(|m| m.kind == MarkKind::Quote && m.inner.start <= span.start)
            .map(|m| m.inner)
            .min_by_key(Span::len)
    }

    /// 1-based line number of a byte offset.
    pub(crate) fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= offset)
    }

    /// [`line_of`](Self::line_of) for an offset at or after the start of line `from`: counts
    /// on from there, which is quicker for offsets taken in text order.
    pub(crate) fn line_from(&self, from: usize, offset: usize) -> usize {
        let mut line = from.max(1);
        if self.line_starts.get(line - 1).is_none_or(|&s| s > offset) {
            return self.line_of(offset);
        }
        while self.line_starts.get(line).is_some_and(|&s| s <= offset) {
            line += 1;
        }
        line
    }
}

/// The masked bytes `v` of `text` as a string. Every mask replaces whole characters with
/// ASCII bytes, so `v` is `text` where the two agree and ASCII where they differ: only the
/// differing runs are checked, not the whole (checking all of it as UTF-8 costs more than
/// all the masking). Whatever `v` holds, the result is that of [`String::from_utf8`] (lossy
/// where it fails).
fn into_view(text: &str, v: Vec<u8>) -> String {
    let t = text.as_bytes();
    let mut out = String::with_capacity(v.len());
    let mut i = 0;
    while i < v.len() {
        let same = i + common_prefix(&t[i..], &v[i..]);
        let changed = same + v[same..].iter().zip(&t[same..]).take_while(|(a, b)| a != b).count();
        match (text.get(i..same), std::str::from_utf8(&v[same..changed])) {
            (Some(kept), Ok(masked)) => {
                out.push_str(kept);
                out.push_str(masked);
            }
            // a run that cuts a character: no mask does that, but the plain way is always right
            _ => return String::from_utf8(v).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
        }
        i = changed;
    }
    out
}

/// The length of the common prefix of `a` and `b` (of equal length), eight bytes at a time.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let mut n = 0;
    for (x, y) in a.chunks_exact(8).zip(b.chunks_exact(8)) {
        let (x, y) = (
            u64::from_le_bytes(x.try_into().unwrap_or_default()),
            u64::from_le_bytes(y.try_into().unwrap_or_default()),
        );
        if x != y {
            return n + ((x ^ y).trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n + a[n..].iter().zip(&b[n..]).take_while(|(x, y)| x == y).count()
}

#[cfg(test)]
mod tests {
    use super::super::MARK;
    use super::*;

    #[test]
    fn line_from_counts_on_like_line_of() {
        let text = "一\n二二\n\n三\n";
        let doc = Document::new(text, Markup::Plain);
        for from in 0..=6 {
            for offset in 0..=text.len() {
                assert_eq!(doc.line_from(from, offset), doc.line_of(offset), "from line {from}, offset {offset}");
            }
        }
    }

    #[test]
    fn code_is_hidden_and_emphasis_marked() {
        let doc = Document::new("用 `foo()` 调用*梯度下降*", Markup::Markdown);
        assert_eq!(doc.view().len(), doc.text().len());
        assert!(!doc.view().contains("foo"));
        assert_eq!(doc.marked()[0].inner.range(), 19..31);
    }

    #[test]
    fn view_keeps_offsets() {
        let text = "\u{feff}**甲**`乙` https://丙.com 丁";
        let doc = Document::new(text, Markup::Markdown);
        assert_eq!(doc.view().len(), text.len());
        assert!(doc.view().ends_with('丁'));
    }

    proptest::proptest! {
        /// Any bytes written over any runs of a text: the view is what `String::from_utf8`
        /// makes of them, whether they replace whole characters with ASCII (as masks do),
        /// cut characters, or write bytes that are not UTF-8.
        #[test]
        fn view_of_masked_bytes_is_their_string(
            parts in proptest::collection::vec(proptest::sample::select(vec!["模型", "a", " ", "é", "𝑥", "abcdefghij"]), 0..40),
            masks in proptest::collection::vec((0usize..400, 0usize..12, proptest::sample::select(vec![HARD, MARK, b' ', 0x80, 0xE6])), 0..4),
            whole in proptest::bool::ANY,
        ) {
            let text: String = parts.concat();
            let mut v = text.as_bytes().to_vec();
            for (at, len, byte) in masks {
                let (mut a, mut b) = (at.min(v.len()), (at + len).min(v.len()));
                if whole {
                    while !text.is_char_boundary(a) { a -= 1; }
                    while !text.is_char_boundary(b) { b += 1; }
                }
                fill(&mut v, a..b, byte);
            }
            let plain = String::from_utf8(v.clone()).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
            proptest::prop_assert_eq!(into_view(&text, v), plain);
        }
    }
}
