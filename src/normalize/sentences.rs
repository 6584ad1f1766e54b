//! Sentences: where the sentence around a span starts and ends, and the sentence itself as
//! people read it (markup dropped, whitespace folded). Sentences end at `。！？；`, at `!?.`
//! before a space or a line end, and at blank lines and before headings, list items, quotes
//! and table rows; a single line break inside a paragraph does not end one.

use super::document::Document;
use super::{HARD, MARK};
use crate::model::Span;

/// How far a sentence reaches from its span either way, in bytes: a paragraph without any
/// terminator is cut there instead of read whole.
const SENTENCE_REACH: usize = 600;

/// The longest sentence shown, in characters; a longer one is cut and ends with `…`.
const MAX_SENTENCE_CHARS: usize = 300;

/// How many characters of a long sentence are shown before a span that its first
/// [`MAX_SENTENCE_CHARS`] would leave out.
const SHOWN_BEFORE_CHARS: usize = 80;

impl Document<'_> {
    /// The sentence around `span`, as [`sentence`](Self::sentence) gives it.
    #[cfg(test)]
    pub(crate) fn sentence_around(&self, span: Span) -> String {
        self.sentence(self.sentence_bounds(span))
    }

    /// Where the sentence around `span` starts and ends (see the [module docs](self) for where
    /// sentences end).
    pub(crate) fn sentence_bounds(&self, span: Span) -> (usize, usize) {
        sentence_bounds(self.view(), span)
    }

    /// Where the sentence that quotes `span` starts and ends, and whether it is cut before
    /// the span: the sentence around it (see [`sentence_bounds`](Self::sentence_bounds)), or,
    /// when the span lies too far into a long one for the first [`MAX_SENTENCE_CHARS`] to
    /// show it (a paragraph of English, whose sentences end at no terminator known here), from
    /// the start of a word some [`SHOWN_BEFORE_CHARS`] before it.
    pub(crate) fn quote_bounds(&self, span: Span) -> (usize, usize, bool) {
        let (start, end) = self.sentence_bounds(span);
        let view = self.view();
        let (from, to) = (span.start.clamp(start, end), span.end.clamp(start, end));
        let lead = &view[start..from];
        // (a byte is at most a character: most sentences are shown whole without counting)
        if lead.len() + (to - from) < MAX_SENTENCE_CHARS
            || lead.chars().count() + view[from..to].chars().count() < MAX_SENTENCE_CHARS
        {
            return (start, end, false);
        }
        let back = lead.char_indices().rev().nth(SHOWN_BEFORE_CHARS - 1).map_or(0, |(i, _)| i);
        // (from the start of the next word, where a space is near)
        let word = lead[back..].find(' ').filter(|&p| p < SHOWN_BEFORE_CHARS / 2).map_or(back, |p| back + p + 1);
        (start + word, end, true)
    }

    /// The sentence between `bounds` from [`sentence_bounds`](Self::sentence_bounds), with
    /// markup removed and whitespace folded, for people to read.
    #[cfg(test)]
    pub(crate) fn sentence(&self, bounds: (usize, usize)) -> String {
        self.quote(bounds, false)
    }

    /// [`sentence`](Self::sentence), after `…` when `cut` (see
    /// [`quote_bounds`](Self::quote_bounds)).
    pub(crate) fn quote(&self, (start, end): (usize, usize), cut: bool) -> String {
        let (text, view) = (self.text(), self.view());
        let v = view.as_bytes();
        let mut out = String::with_capacity(end - start + 3);
        if cut {
            out.push('…');
        }
        let mut pending_space = false;
        // runs of characters kept as they are, copied whole; `run` starts the current one
        let mut run = start;
        let flush = |out: &mut String, pending_space: &mut bool, run: usize, to: usize| {
            if run == to {
                return;
            }
            let c = view[run..to].chars().next().unwrap_or(' ');
            if *pending_space && !out.is_empty() {
                // a line break between Chinese characters is not a space
                let prev = out.chars().last().unwrap_or(' ');
                let ascii_both = prev.is_ascii() && c.is_ascii();
                if ascii_both || (text.as_bytes()[run - 1] == b' ' && (prev.is_ascii() || c.is_ascii())) {
                    out.push(' ');
                }
            }
            *pending_space = false;
            out.push_str(&view[run..to]);
        };
        let mut i = start;
        while i < end {
            // only these bytes may start a character that is dropped or is whitespace
            match v[i..end].iter().position(|&b| SENTENCE_SPECIAL[b as usize]) {
                Some(p) => i += p,
                None => break,
            }
            let b = v[i];
            if b == HARD || b == MARK || b == b'\r' {
                flush(&mut out, &mut pending_space, run, i);
                i += 1;
                run = i;
                continue;
            }
            let c = view[i..].chars().next().unwrap_or(' ');
            if c.is_whitespace() {
                flush(&mut out, &mut pending_space, run, i);
                pending_space = true;
                i += c.len_utf8();
                run = i;
            } else {
                i += c.len_utf8();
            }
        }
        flush(&mut out, &mut pending_space, run, end);
        // (no whitespace was pushed first or last: it is trimmed already)
        if out.len() > MAX_SENTENCE_CHARS && out.chars().count() > MAX_SENTENCE_CHARS {
            out.chars().take(MAX_SENTENCE_CHARS).collect::<String>() + "…"
        } else {
            out
        }
    }
}

/// The bytes that start a character [`Document::sentence`] drops (markup, `\r`) or that may be
/// whitespace: ASCII whitespace and the lead bytes of the other whitespace characters
/// (U+0085, U+00A0, U+1680, U+2000–U+205F, U+3000).
static SENTENCE_SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = matches!(c, HARD | MARK | b'\r' | b'\t' | b'\n' | 0x0b | 0x0c | b' ' | 0xc2 | 0xe1 | 0xe2 | 0xe3);
        b += 1;
    }
    t
};

/// The length of the sentence terminator at byte `i` of `view`, if one is there: `。！？；`,
/// `!?.` before a space or line end (not a dot inside a word), or a line break that ends a
/// paragraph or comes before a heading, list item, quote or table row.
fn terminator_at(view: &str, i: usize) -> Option<usize> {
    let v = view.as_bytes();
    // only these bytes start one
    if !matches!(v.get(i)?, b'\n' | b'!' | b'?' | b'.' | 0xe3 | 0xef) {
        return None;
    }
    let c = view[i..].chars().next()?;
    match c {
        '。' | '！' | '？' | '；' => Some(c.len_utf8()),
        '!' | '?' | '.' if matches!(v.get(i + 1), Some(b' ') | Some(b'\n') | Some(b'\r') | None) => {
            if c == '.' && i > 0 && v[i - 1].is_ascii_alphanumeric() && !matches!(v.get(i + 1), Some(b'\n') | None) {
                None
            } else {
                Some(1)
            }
        }
        '\n' => {
            // a blank line, or a line that starts a heading, list item or label
            let rest = &view[i + 1..];
            let t = rest.trim_start_matches([' ', '\t', '\r']);
            if t.starts_with('\n')
                || t.starts_with('#')
                || t.starts_with("- ")
                || t.starts_with("* ")
                || t.starts_with('>')
                || t.starts_with('|')
                || t.starts_with(['\u{1f}', '\u{1e}'])
                || (i > 0 && (v[i - 1] == b'\n' || line_is_heading(view, i)))
            {
                Some(1)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Where the sentence around `span` of `view` starts and ends.
fn sentence_bounds(view: &str, span: Span) -> (usize, usize) {
    let v = view.as_bytes();
    // Only these bytes start a terminator; none continues a character, so a byte scan finds
    // the characters to test without decoding the rest.
    let may_end = |b: &u8| matches!(b, b'\n' | b'!' | b'?' | b'.' | 0xe3 | 0xef);
    // Back from the span: after the nearest terminator that ends at or before its start,
    // looking at the characters that start within the reach of it (the first character
    // further back is the bound).
    let from = span.start.min(view.len());
    let mut floor = from.saturating_sub(SENTENCE_REACH + 1);
    while !view.is_char_boundary(floor) {
        floor -= 1;
    }
    let floor = if from > SENTENCE_REACH { floor } else { 0 };
    let mut start = floor;
    let mut i = from;
    while let Some(p) = v[floor..i].iter().rposition(may_end).map(|p| floor + p) {
        if let Some(n) = terminator_at(view, p) {
            start = p + n;
            break;
        }
        i = p;
    }
    // On from the span: to the nearest terminator that starts within the reach of its end
    // (a line break is left out), else to the first character boundary beyond that.
    let from = span.end.min(view.len());
    let mut ceiling = (from + SENTENCE_REACH + 1).min(view.len());
    while !view.is_char_boundary(ceiling) {
        ceiling += 1;
    }
    let mut end = ceiling;
    let mut i = from;
    while let Some(p) = v[i..ceiling].iter().position(may_end).map(|p| i + p) {
        if let Some(n) = terminator_at(view, p) {
            end = if v[p] == b'\n' { p } else { p + n };
            break;
        }
        i = p + 1;
    }
    (start, end)
}

/// Whether the line ending at the line break `newline` is a heading.
fn line_is_heading(view: &str, newline: usize) -> bool {
    let line_start = view[..newline].rfind('\n').map_or(0, |p| p + 1);
    view[line_start..newline].trim_start().starts_with('#')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::Markup;
    use crate::text::chars::prev_char_start;

    /// Bounds in `s` at character boundaries: from `from` (or the end) back to a boundary,
    /// `len` bytes on (or to the end) back to a boundary.
    fn char_span(s: &str, from: usize, len: usize) -> (usize, usize) {
        let mut start = from.min(s.len());
        while !s.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = (start + len).min(s.len());
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        (start, end)
    }

    /// Sentence bounds found one character at a time, the plain way.
    fn sentence_bounds_by_chars(view: &str, span: Span) -> (usize, usize) {
        let mut start = span.start.min(view.len());
        while start > 0 {
            let p = prev_char_start(view, start);
            if terminator_at(view, p).is_some() {
                break;
            }
            start = p;
            if span.start - start > SENTENCE_REACH {
                break;
            }
        }
        let mut end = span.end.min(view.len());
        while end < view.len() {
            if let Some(n) = terminator_at(view, end) {
                if !view[end..].starts_with('\n') {
                    end += n;
                }
                break;
            }
            end += view[end..].chars().next().map_or(1, char::len_utf8);
            if end - span.end > SENTENCE_REACH {
                break;
            }
        }
        (start, end)
    }

    proptest::proptest! {
        /// Texts of runs without a terminator (up to about 900 bytes) between terminators,
        /// line breaks, headings and words, so that both the terminators and the 600-byte
        /// bounds decide; spans anywhere, at any character boundary.
        #[test]
        fn sentence_bounds_scan_agrees_with_a_walk(
            parts in proptest::collection::vec(
                (
                    0usize..15,
                    proptest::sample::select(vec![
                        "。", "！", "？", "；", ". ", "a.b", "!", "?\n", "\n", "\n\n", "\n# 标题", "\n- 项",
                        "模型", "Transformer", " ", "，", "x", "é",
                    ]),
                ),
                0..12,
            ),
            at in 0usize..8000,
            len in 0usize..40,
        ) {
            let run = "训练数据集上的损失函数值逐步下降并趋于平稳";
            let view: String = parts.iter().map(|(n, sep)| run.repeat(*n) + sep).collect();
            let (start, end) = char_span(&view, at, len);
            let span = Span::new(start, end);
            proptest::prop_assert_eq!(sentence_bounds(&view, span), sentence_bounds_by_chars(&view, span));
        }
    }

    /// The sentence as first built, one character at a time: [`Document::sentence`] must give
    /// the same.
    fn sentence_by_chars(doc: &Document<'_>, (start, end): (usize, usize)) -> String {
        let v = doc.view().as_bytes();
        let mut out = String::with_capacity(end - start);
        let mut pending_space = false;
        let mut i = start;
        while i < end {
            let b = v[i];
            if b == HARD || b == MARK || b == b'\r' {
                i += 1;
                continue;
            }
            let c = doc.view()[i..].chars().next().unwrap_or(' ');
            let n = c.len_utf8();
            if c.is_whitespace() {
                pending_space = true;
            } else {
                if pending_space && !out.is_empty() {
                    // a line break between Chinese characters is not a space
                    let prev = out.chars().last().unwrap_or(' ');
                    let ascii_both = prev.is_ascii() && c.is_ascii();
                    if ascii_both || (doc.text().as_bytes()[i - 1] == b' ' && (prev.is_ascii() || c.is_ascii())) {
                        out.push(' ');
                    }
                }
                pending_space = false;
                out.push(c);
            }
            i += n;
        }
        if out.len() > MAX_SENTENCE_CHARS && out.chars().count() > MAX_SENTENCE_CHARS {
            out.chars().take(MAX_SENTENCE_CHARS).collect::<String>() + "…"
        } else {
            out
        }
    }

    proptest::proptest! {
        /// Texts with markup (dropped from the view), spaces of all kinds and line breaks.
        #[test]
        fn sentence_agrees_with_the_character_walk(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "模型", "a", "Ab", " ", "  ", "\n", "\r\n", "\t", "\u{a0}", "\u{3000}", "\u{2009}", "\u{85}",
                    "\u{1680}", "。", "、", "é", "**粗**", "`x`", "<b>", "「引」", "\u{b}",
                ]),
                0..40,
            ),
            from in 0usize..400,
            len in 0usize..900,
        ) {
            let text = parts.concat();
            let doc = Document::new(&text, Markup::Markdown);
            let (start, end) = char_span(&text, from, len);
            proptest::prop_assert_eq!(doc.sentence((start, end)), sentence_by_chars(&doc, (start, end)));
        }
    }

    #[test]
    fn lines_and_sentences() {
        let text = "第一行。\n这是*随机梯度下降*（SGD），\n它很常用。下一句。";
        let doc = Document::new(text, Markup::Markdown);
        let at = text.find("SGD").unwrap();
        assert_eq!(doc.line_of(at), 2);
        assert_eq!(doc.line_of(0), 1);
        assert_eq!(doc.sentence_around(Span::new(at, at + 3)), "这是随机梯度下降（SGD），它很常用。");
    }

    /// The quote of a span far into a long sentence shows the span, from a word before it.
    #[test]
    fn a_long_sentence_is_quoted_around_its_span() {
        let words: Vec<String> = (0..120).map(|i| format!("word{i}")).collect();
        let text = format!("> {} with gradient clipping at the end, and more words after it.", words.join(" "));
        let doc = Document::new(&text, Markup::Markdown);
        let quote = |term: &str| {
            let at = text.find(term).unwrap();
            let (start, end, cut) = doc.quote_bounds(Span::new(at, at + term.len()));
            doc.quote((start, end), cut)
        };
        let far = quote("gradient clipping");
        assert!(far.starts_with('…') && far.contains("gradient clipping"), "{far}");
        // (from the start of a word)
        assert!(far[3..].starts_with("word"), "{far}");
        // a span near the start is quoted from the sentence's start, as before
        let near = quote("word3 ");
        assert!(near.starts_with("word0") && near.ends_with('…'), "{near}");
        // a short sentence is whole
        let short = "这是梯度裁剪（gradient clipping），它很常用。";
        let doc = Document::new(short, Markup::Plain);
        let at = short.find("gradient").unwrap();
        assert_eq!(doc.quote_bounds(Span::new(at, at + 8)), (0, short.len(), false));
    }
}
