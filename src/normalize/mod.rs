//! Stage 1: decide which bytes of the input are prose.
//!
//! The later stages never look at the raw input. They read a *view*: a string of exactly the
//! same length in which every byte that is not prose has been overwritten, so that every
//! offset in the view is an offset in the original text and every span found in the view can
//! be sliced out of the original.
//!
//! * Code (fenced blocks, inline code and roles such as `` :numref:`x` ``), math (`$…$`),
//!   front matter, HTML comments and tags, link targets, URLs and e-mail addresses become
//!   [`HARD`] bytes: nothing may be found in them and no term may cross them.
//! * Emphasis delimiters (`**`, `*`, `_`, `__`, `~~`, `<u>`, `</u>`, the brackets of a link
//!   text) become [`MARK`] bytes: they are not text, but the span they enclose is recorded as
//!   *marked*, because an author who emphasises `*随机梯度下降*（stochastic gradient
//!   descent）` has told us exactly where the Chinese term starts. Quotation brackets
//!   (`「」`, `《》`, `“”`, …) stay in the view and enclose marked spans too.
//!
//! Full-width punctuation is not rewritten; the scanners treat `（` and `(`, `，` and `,`
//! alike (see [`fold`]).

use crate::model::Span;

/// View byte that replaces non-prose bytes (code, URLs, tags…).
pub const HARD: u8 = 0x1F;
/// View byte that replaces emphasis delimiters.
pub const MARK: u8 = 0x1E;

/// How to read the input's markup.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Markup {
    /// CommonMark-style Markdown, with the common extensions (front matter, math, roles).
    #[default]
    Markdown,
    /// Plain text: only URLs, e-mail addresses and a byte-order mark are masked.
    Plain,
}

/// A marked span: the content of an emphasis or of quotation brackets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Marked {
    /// The enclosed content.
    pub inner: Span,
    /// What encloses it.
    pub kind: MarkKind,
}

/// What encloses a [`Marked`] span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkKind {
    /// `*x*`, `**x**`, `_x_`, `<u>x</u>`, `<em>x</em>`, `~~x~~`, a link text.
    Emphasis,
    /// `「x」`, `『x』`, `“x”`, `"x"`.
    Quote,
    /// `《x》`, `〈x〉`: a title.
    Title,
}

/// The input text with its prose view, marked spans and line index.
#[derive(Debug)]
pub struct Document<'a> {
    text: &'a str,
    view: String,
    marked: Vec<Marked>,
    /// Indices into `marked`, ordered by start.
    by_start: Vec<usize>,
    /// Title contents, ordered by start.
    titles: Vec<Span>,
    line_starts: Vec<usize>,
}

impl<'a> Document<'a> {
    /// Reads `text` with the given markup.
    ///
    /// ```
    /// use termbridge::normalize::{Document, Markup};
    /// let doc = Document::new("用 `foo()` 调用*梯度下降*", Markup::Markdown);
    /// assert_eq!(doc.view().len(), doc.text().len());
    /// assert!(!doc.view().contains("foo"));
    /// assert_eq!(doc.marked()[0].inner.range(), 19..31);
    /// ```
    pub fn new(text: &'a str, markup: Markup) -> Document<'a> {
        Document::piece(text, markup, true)
    }

    /// Reads a piece of an input (see [`chunk_end`]): front matter is looked for only at the
    /// start of the input.
    pub(crate) fn piece(text: &'a str, markup: Markup, at_start: bool) -> Document<'a> {
        let mut v = text.as_bytes().to_vec();
        if text.starts_with('\u{feff}') {
            fill(&mut v, 0..3, HARD);
        }
        let mut marked = Vec::new();
        if markup == Markup::Markdown {
            if at_start {
                mask_front_matter(&mut v);
            }
            mask_fences(&mut v);
            mask_between(&mut v, b"<!--", b"-->");
            mask_code_and_math(&mut v);
        }
        mask_urls_and_emails(&mut v);
        mask_entities(&mut v);
        if markup == Markup::Markdown {
            mask_inline_markup(&mut v, &mut marked);
        }
        find_quotes(&v, &mut marked);
        marked.sort_by_key(|m| (m.inner.end, m.inner.start));
        let view = into_view(text, v);
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let mut by_start: Vec<usize> = (0..marked.len()).collect();
        by_start.sort_by_key(|&k| (marked[k].inner.start, marked[k].inner.end));
        let mut titles: Vec<Span> = marked.iter().filter(|m| m.kind == MarkKind::Title).map(|m| m.inner).collect();
        titles.sort();
        Document { text, view, marked, by_start, titles, line_starts }
    }

    /// The original text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The prose view: same length as the text, non-prose bytes overwritten.
    pub fn view(&self) -> &str {
        &self.view
    }

    /// Marked spans, sorted by their end.
    pub fn marked(&self) -> &[Marked] {
        &self.marked
    }

    /// The marked span whose content ends exactly at `end`, if any (the innermost one).
    pub fn marked_ending_at(&self, end: usize) -> Option<&Marked> {
        let i = self.marked.partition_point(|m| m.inner.end < end);
        self.marked[i..].iter().take_while(|m| m.inner.end == end).max_by_key(|m| m.inner.start)
    }

    /// The marked span whose content starts exactly at `start`, if any.
    pub fn marked_starting_at(&self, start: usize) -> Option<&Marked> {
        let i = self.by_start.partition_point(|&k| self.marked[k].inner.start < start);
        self.by_start[i..]
            .iter()
            .map(|&k| &self.marked[k])
            .take_while(|m| m.inner.start == start)
            .min_by_key(|m| m.inner.end)
    }

    /// The innermost title (`《…》`) containing `span`, if any.
    pub fn title_around(&self, span: Span) -> Option<Span> {
        // titles do not nest deeply: look at the few that start last before the span
        let i = self.titles.partition_point(|t| t.start <= span.start);
        self.titles[..i].iter().rev().take(8).filter(|t| span.end <= t.end).min_by_key(|t| t.len()).copied()
    }

    /// 1-based line number of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
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

    /// The sentence around `span`, with markup removed and whitespace folded, for people to
    /// read. Sentences end at `。！？；`, at `!?` followed by a space, and at blank lines and
    /// headings; a single line break inside a paragraph does not end one.
    pub fn sentence_around(&self, span: Span) -> String {
        self.sentence(self.sentence_bounds(span))
    }

    /// Where the sentence around `span` starts and ends (see
    /// [`sentence_around`](Self::sentence_around)).
    pub(crate) fn sentence_bounds(&self, span: Span) -> (usize, usize) {
        sentence_bounds(&self.view, span)
    }

    /// The sentence between `bounds` from [`sentence_bounds`](Self::sentence_bounds), as
    /// [`sentence_around`](Self::sentence_around) gives it.
    pub(crate) fn sentence(&self, (start, end): (usize, usize)) -> String {
        let v = self.view.as_bytes();
        let mut out = String::with_capacity(end - start);
        let mut pending_space = false;
        // runs of characters kept as they are, copied whole; `run` starts the current one
        let mut run = start;
        let flush = |out: &mut String, pending_space: &mut bool, run: usize, to: usize| {
            if run == to {
                return;
            }
            let c = self.view[run..to].chars().next().unwrap_or(' ');
            if *pending_space && !out.is_empty() {
                // a line break between Chinese characters is not a space
                let prev = out.chars().last().unwrap_or(' ');
                let ascii_both = prev.is_ascii() && c.is_ascii();
                if ascii_both || (self.text.as_bytes()[run - 1] == b' ' && (prev.is_ascii() || c.is_ascii())) {
                    out.push(' ');
                }
            }
            *pending_space = false;
            out.push_str(&self.view[run..to]);
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
            let c = self.view[i..].chars().next().unwrap_or(' ');
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
        if out.len() > 300 && out.chars().count() > 300 {
            out.chars().take(300).collect::<String>() + "…"
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

/// The longest piece of one input analysed at once, in bytes. A longer input is read in
/// pieces of at most this size (see [`chunk_end`]), so memory does not grow with the input;
/// the recurrence of a Chinese term is counted within its piece.
pub const CHUNK: usize = 1 << 19;

/// Where the first piece of `text` ends: all of it when it is at most [`CHUNK`] bytes,
/// otherwise the last blank line within the first `CHUNK` bytes that is outside a fenced
/// code block, else the last line break, else the last sentence end (`。！？；`, or `.!?`
/// before a space), else the last character boundary. A gloss never crosses a paragraph,
/// so cutting between paragraphs loses none. The answer depends on the first `CHUNK` bytes
/// only, so a reader that holds that much of a stream cuts it where a reader of the whole
/// text would.
///
/// ```
/// use termbridge::normalize::{chunk_end, CHUNK, Markup};
/// let para = "大语言模型（large language model）很流行。\n\n";
/// let text = para.repeat(2 * CHUNK / para.len());
/// let end = chunk_end(&text, Markup::Markdown);
/// assert!(end <= CHUNK && end > CHUNK - 2 * para.len());
/// assert!(text[..end].ends_with("\n\n"));
/// assert_eq!(chunk_end("短文本", Markup::Plain), "短文本".len());
/// ```
pub fn chunk_end(text: &str, markup: Markup) -> usize {
    if text.len() <= CHUNK {
        return text.len();
    }
    let mut window = CHUNK;
    while !text.is_char_boundary(window) {
        window -= 1;
    }
    let v = &text.as_bytes()[..window];
    let (mut blank, mut newline) = (None, None);
    let mut fence: Option<(u8, usize)> = None;
    let mut start = 0;
    for nl in memchr::memchr_iter(b'\n', v) {
        let line = &v[start..nl];
        let indent = line.iter().take_while(|&&b| b == b' ').count();
        let rest = &line[indent..];
        let run = |ch: u8| rest.iter().take_while(|&&b| b == ch).count();
        if markup == Markup::Markdown && indent <= 3 {
            match fence {
                None => {
                    for ch in [b'`', b'~'] {
                        let n = run(ch);
                        if n >= 3 && !(ch == b'`' && rest[n..].contains(&b'`')) {
                            fence = Some((ch, n));
                            break;
                        }
                    }
                }
                Some((ch, n)) => {
                    let m = run(ch);
                    if m >= n && rest[m..].iter().all(|b| b.is_ascii_whitespace()) {
                        fence = None;
                        start = nl + 1;
                        newline = Some(nl + 1);
                        continue;
                    }
                }
            }
        }
        if fence.is_none() {
            newline = Some(nl + 1);
            if rest.iter().all(|b| b.is_ascii_whitespace()) {
                blank = Some(nl + 1);
            }
        }
        start = nl + 1;
    }
    if let Some(end) = blank.or(newline) {
        return end;
    }
    let prose = &text[..window];
    let sentence = prose
        .char_indices()
        .rev()
        .find(|&(i, c)| {
            matches!(c, '。' | '！' | '？' | '；')
                || matches!(c, '.' | '!' | '?') && prose.as_bytes().get(i + 1) == Some(&b' ')
        })
        .map(|(i, c)| i + c.len_utf8());
    match sentence {
        Some(end) => end,
        None => window,
    }
}

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
                || rest.starts_with(['\u{1f}', '\u{1e}'])
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

fn sentence_bounds(view: &str, span: Span) -> (usize, usize) {
    let v = view.as_bytes();
    // Only these bytes start a terminator; none continues a character, so a byte scan finds
    // the characters to test without decoding the rest.
    let may_end = |b: &u8| matches!(b, b'\n' | b'!' | b'?' | b'.' | 0xe3 | 0xef);
    // Back from the span: after the nearest terminator that ends at or before its start,
    // looking at the characters that start within 600 bytes of it (the first character
    // further back is the bound).
    let from = span.start.min(view.len());
    let mut floor = from.saturating_sub(601);
    while !view.is_char_boundary(floor) {
        floor -= 1;
    }
    let floor = if from > 600 { floor } else { 0 };
    let mut start = floor;
    let mut i = from;
    while let Some(p) = v[floor..i].iter().rposition(may_end).map(|p| floor + p) {
        if let Some(n) = terminator_at(view, p) {
            start = p + n;
            break;
        }
        i = p;
    }
    // On from the span: to the nearest terminator that starts within 600 bytes of its end
    // (a line break is left out), else to the first character boundary beyond that.
    let from = span.end.min(view.len());
    let mut ceiling = (from + 601).min(view.len());
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

fn line_is_heading(view: &str, newline: usize) -> bool {
    let line_start = view[..newline].rfind('\n').map_or(0, |p| p + 1);
    view[line_start..newline].trim_start().starts_with('#')
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

fn fill(v: &mut [u8], r: std::ops::Range<usize>, b: u8) {
    for x in &mut v[r] {
        *x = b;
    }
}

fn lines(v: &[u8]) -> Vec<(usize, usize)> {
    // (start, end-without-newline)
    let mut out = Vec::new();
    let mut s = 0;
    for i in memchr::memchr_iter(b'\n', v) {
        let e = if i > s && v[i - 1] == b'\r' { i - 1 } else { i };
        out.push((s, e));
        s = i + 1;
    }
    if s <= v.len() {
        out.push((s, v.len()));
    }
    out
}

fn mask_front_matter(v: &mut [u8]) {
    let start = if v.starts_with(&[HARD, HARD, HARD]) { 3 } else { 0 };
    let rest = &v[start..];
    let open: &[u8] = if rest.starts_with(b"---") {
        b"---"
    } else if rest.starts_with(b"+++") {
        b"+++"
    } else {
        return;
    };
    // the opening line is the marker alone
    let first_end = memchr::memchr(b'\n', rest).unwrap_or(rest.len());
    let first = &rest[..first_end];
    if first.strip_suffix(b"\r").unwrap_or(first) != open || first_end == rest.len() {
        return;
    }
    let mut s = first_end + 1;
    while s <= rest.len() {
        let e = memchr::memchr(b'\n', &rest[s..]).map_or(rest.len(), |p| s + p);
        let l = &rest[s..e];
        let l = l.strip_suffix(b"\r").unwrap_or(l);
        if l == open || (open == b"---" && l == b"...") {
            let end = start + s + l.len();
            fill(v, start..end, HARD);
            return;
        }
        s = e + 1;
    }
}

fn mask_fences(v: &mut [u8]) {
    let ls = lines(v);
    let mut open: Option<(u8, usize, usize)> = None; // (char, len, start byte)
    for &(s, e) in &ls {
        let line = &v[s..e];
        let indent = line.iter().take_while(|&&b| b == b' ').count();
        let rest = &line[indent.min(line.len())..];
        let fence = |ch: u8| rest.iter().take_while(|&&b| b == ch).count();
        match open {
            None if indent <= 3 => {
                for ch in [b'`', b'~'] {
                    let n = fence(ch);
                    if n >= 3 && !(ch == b'`' && rest[n..].contains(&b'`')) {
                        open = Some((ch, n, s));
                        break;
                    }
                }
            }
            Some((ch, n, start)) => {
                let m = fence(ch);
                if indent <= 3 && m >= n && rest[m..].iter().all(|b| b.is_ascii_whitespace()) {
                    fill(v, start..e, HARD);
                    open = None;
                }
            }
            None => {}
        }
    }
    if let Some((_, _, start)) = open {
        let end = v.len();
        fill(v, start..end, HARD);
    }
}

fn find(v: &[u8], from: usize, pat: &[u8]) -> Option<usize> {
    if pat.is_empty() || from > v.len() {
        return None;
    }
    memchr::memmem::find(&v[from..], pat).map(|p| p + from)
}

fn mask_between(v: &mut [u8], open: &[u8], close: &[u8]) {
    let mut i = 0;
    while let Some(s) = find(v, i, open) {
        let e = find(v, s + open.len(), close).map_or(v.len(), |p| p + close.len());
        fill(v, s..e, HARD);
        i = e;
    }
}

/// Finds the next position holding one of a few bytes, searching in groups of up to three
/// with `memchr` and remembering each group's next hit until the search passes it. The bytes
/// searched for are never written by the caller after the search passes them.
struct NextOf {
    groups: Vec<(Vec<u8>, Option<usize>)>,
}

impl NextOf {
    fn new(bytes: &[u8]) -> NextOf {
        NextOf { groups: bytes.chunks(3).map(|g| (g.to_vec(), Some(0))).collect() }
    }

    /// The first position at or after `from` holding one of the bytes, or `v.len()`.
    fn at(&mut self, v: &[u8], from: usize) -> usize {
        let mut best = v.len();
        for (g, next) in &mut self.groups {
            if let Some(n) = *next {
                if n < from || !g.contains(&v[n]) {
                    let hay = &v[from.min(v.len())..];
                    *next = match g.as_slice() {
                        [a] => memchr::memchr(*a, hay),
                        [a, b] => memchr::memchr2(*a, *b, hay),
                        [a, b, c] => memchr::memchr3(*a, *b, *c, hay),
                        _ => None,
                    }
                    .map(|p| p + from);
                }
            }
            if let Some(n) = *next {
                best = best.min(n);
            }
        }
        best
    }
}

/// Position of the next blank line (or the end) after `from`, looking at most `max` bytes
/// ahead: inline constructs never cross it, and never reach further than `max`.
fn paragraph_end(v: &[u8], from: usize, max: usize) -> usize {
    let end = v.len().min(from.saturating_add(max));
    let mut i = from;
    while i < end {
        let Some(p) = memchr::memchr2(b'\n', HARD, &v[i..end]) else { return end };
        let p = i + p;
        if v[p] == HARD {
            return p;
        }
        // a line break: a blank line follows if only spaces come before the next one
        let mut k = p + 1;
        while k < end && matches!(v[k], b' ' | b'\t' | b'\r') {
            k += 1;
        }
        if k < end && matches!(v[k], b'\n' | HARD) {
            return k;
        }
        i = k;
    }
    end
}

/// The longest inline code span, math span or emphasis looked for, in bytes.
pub const MAX_INLINE: usize = 4000;

fn mask_code_and_math(v: &mut [u8]) {
    let mut i = 0;
    while i < v.len() {
        match memchr::memchr2(b'`', b'$', &v[i..]) {
            Some(p) => i += p,
            None => return,
        }
        match v[i] {
            b'`' => {
                let n = v[i..].iter().take_while(|&&b| b == b'`').count();
                let limit = paragraph_end(v, i + n, MAX_INLINE);
                let mut j = i + n;
                let mut close = None;
                while j < limit {
                    if v[j] == b'`' {
                        let m = v[j..limit].iter().take_while(|&&b| b == b'`').count();
                        if m == n {
                            close = Some(j + m);
                            break;
                        }
                        j += m;
                    } else {
                        j += 1;
                    }
                }
                match close {
                    Some(e) => {
                        // a role such as :numref: or {eq} right before the code span
                        let mut s = i;
                        if s > 0 && v[s - 1] == b':' {
                            let mut k = s - 1;
                            while k > 0 && (v[k - 1].is_ascii_alphanumeric() || v[k - 1] == b'-' || v[k - 1] == b'_') {
                                k -= 1;
                            }
                            if k > 0 && v[k - 1] == b':' && k < s - 1 {
                                s = k - 1;
                            }
                        }
                        fill(v, s..e, HARD);
                        i = e;
                    }
                    None => i += n,
                }
            }
            b'$' => {
                let n = if v.get(i + 1) == Some(&b'$') { 2 } else { 1 };
                let limit = paragraph_end(v, i + n, 2000);
                let open_ok = n == 2 || v.get(i + 1).is_some_and(|b| !b.is_ascii_whitespace());
                let mut close = None;
                if open_ok {
                    let mut j = i + n;
                    while j < limit {
                        if v[j] == b'\\' {
                            j += 2;
                            continue;
                        }
                        if v[j] == b'$' && (n == 1 || v.get(j + 1) == Some(&b'$')) {
                            if n == 2 || !v[j - 1].is_ascii_whitespace() {
                                close = Some(j + n);
                            }
                            break;
                        }
                        j += 1;
                    }
                }
                match close {
                    Some(e) if e <= v.len() => {
                        fill(v, i..e, HARD);
                        i = e;
                    }
                    _ => i += n,
                }
            }
            _ => i += 1,
        }
    }
}

/// HTML character references: `&lt;`, `&nbsp;`, `&#8212;`, `&#x4e2d;`.
fn mask_entities(v: &mut [u8]) {
    let mut i = 0;
    while i < v.len() {
        match memchr::memchr(b'&', &v[i..]) {
            Some(p) => i += p,
            None => return,
        }
        let body = v[i + 1..].iter().take(10).take_while(|b| b.is_ascii_alphanumeric() || **b == b'#').count();
        if body >= 2 && v.get(i + 1 + body) == Some(&b';') {
            let e = i + body + 2;
            fill(v, i..e, HARD);
            i = e;
            continue;
        }
        i += 1;
    }
}

fn is_url_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'*+,;=%".contains(&b)
}

fn mask_urls_and_emails(v: &mut [u8]) {
    let mut next = NextOf::new(b"hfwW@");
    let mut i = 0;
    while i < v.len() {
        // only a scheme (http, https, ftp), www. or an @ starts anything here
        i = next.at(v, i);
        if i == v.len() {
            return;
        }
        let rest = &v[i..];
        let word_start = i == 0 || !v[i - 1].is_ascii_alphanumeric();
        let scheme = if !word_start {
            0
        } else if rest.starts_with(b"https://") {
            8
        } else if rest.starts_with(b"http://") {
            7
        } else if rest.starts_with(b"ftp://") {
            6
        } else if rest.len() > 4 && rest[..4].eq_ignore_ascii_case(b"www.") && rest[4].is_ascii_alphanumeric() {
            4
        } else {
            0
        };
        if scheme > 0 {
            let mut e = i + scheme;
            let mut depth = 0i32;
            while e < v.len() && is_url_char(v[e]) {
                match v[e] {
                    b'(' => depth += 1,
                    b')' if depth == 0 => break,
                    b')' => depth -= 1,
                    _ => {}
                }
                e += 1;
            }
            while e > i + scheme && matches!(v[e - 1], b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'') {
                e -= 1;
            }
            fill(v, i..e, HARD);
            i = e;
            continue;
        }
        if v[i] == b'@' && i > 0 && v[i - 1].is_ascii_alphanumeric() {
            let mut s = i;
            while s > 0 && (v[s - 1].is_ascii_alphanumeric() || b"._%+-".contains(&v[s - 1])) {
                s -= 1;
            }
            let mut e = i + 1;
            while e < v.len() && (v[e].is_ascii_alphanumeric() || v[e] == b'.' || v[e] == b'-') {
                e += 1;
            }
            while e > i + 1 && v[e - 1] == b'.' {
                e -= 1;
            }
            if v[i + 1..e].contains(&b'.') && v.get(i + 1).is_some_and(|b| b.is_ascii_alphanumeric()) {
                fill(v, s..e, HARD);
                i = e;
                continue;
            }
        }
        i += 1;
    }
}

const EMPHASIS_TAGS: &[&str] = &["u", "em", "strong", "b", "i", "mark", "ins", "strike", "s", "del"];

fn mask_inline_markup(v: &mut [u8], marked: &mut Vec<Marked>) {
    let mut next = NextOf::new(b"<[]\n*_~");
    let mut open_tags: Vec<(String, usize)> = Vec::new();
    let mut link_open: Option<usize> = None;
    let mut i = 0;
    while i < v.len() {
        i = next.at(v, i);
        if i == v.len() {
            return;
        }
        let b = v[i];
        match b {
            b'<' => {
                if let Some(e) = html_tag_end(v, i) {
                    let closing = v[i + 1] == b'/';
                    let name_start = i + 1 + usize::from(closing);
                    let name: String = v[name_start..e]
                        .iter()
                        .take_while(|b| b.is_ascii_alphanumeric())
                        .map(|&b| b.to_ascii_lowercase() as char)
                        .collect();
                    if EMPHASIS_TAGS.contains(&name.as_str()) {
                        fill(v, i..e, MARK);
                        if closing {
                            if let Some(p) = open_tags.iter().rposition(|(n, _)| *n == name) {
                                let (_, s) = open_tags.remove(p);
                                marked.push(Marked { inner: Span::new(s, i), kind: MarkKind::Emphasis });
                            }
                        } else {
                            open_tags.push((name, e));
                        }
                    } else {
                        fill(v, i..e, HARD);
                    }
                    i = e;
                    continue;
                }
            }
            b'[' => link_open = Some(i),
            b']' => {
                if let (Some(s), Some(b'(')) = (link_open, v.get(i + 1)) {
                    let limit = (i + 2000).min(v.len());
                    let mut depth = 0;
                    let mut close = None;
                    for j in i + 1..limit {
                        match v[j] {
                            b'(' => depth += 1,
                            b')' => {
                                depth -= 1;
                                if depth == 0 {
                                    close = Some(j + 1);
                                    break;
                                }
                            }
                            _ => {}
                        }
                    }
                    if let Some(e) = close {
                        v[s] = MARK;
                        if s > 0 && v[s - 1] == b'!' {
                            v[s - 1] = MARK;
                        }
                        v[i] = MARK;
                        fill(v, i + 1..e, HARD);
                        marked.push(Marked { inner: Span::new(s + 1, i), kind: MarkKind::Emphasis });
                        link_open = None;
                        i = e;
                        continue;
                    }
                }
                link_open = None;
            }
            b'\n' => link_open = None,
            b'*' | b'_' | b'~' => {
                let n = v[i..].iter().take_while(|&&x| x == b).count();
                if let Some((close, m)) = emphasis_close(v, i, n) {
                    fill(v, i..i + m, MARK);
                    fill(v, close..close + m, MARK);
                    marked.push(Marked { inner: Span::new(i + m, close), kind: MarkKind::Emphasis });
                    i += m;
                    continue;
                }
                i += n;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
}

fn html_tag_end(v: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 1;
    if v.get(j) == Some(&b'/') {
        j += 1;
    }
    if !v.get(j)?.is_ascii_alphabetic() {
        return None;
    }
    while j < v.len() && j - i < 400 {
        match v[j] {
            b'>' => return Some(j + 1),
            b'<' | b'\n' | HARD => return None,
            _ => j += 1,
        }
    }
    None
}

/// Finds the closing delimiter for an emphasis opened by `n` copies of `v[i]` at `i`.
/// Returns the closer's position and the delimiter length used.
fn emphasis_close(v: &[u8], i: usize, n: usize) -> Option<(usize, usize)> {
    let ch = v[i];
    let after = *v.get(i + n)?;
    if after.is_ascii_whitespace() || after == HARD {
        return None;
    }
    if ch == b'_' && i > 0 && v[i - 1].is_ascii_alphanumeric() {
        return None; // snake_case
    }
    if ch == b'~' && n < 2 {
        return None;
    }
    let limit = paragraph_end(v, i + n, 600);
    let m = n.min(if ch == b'~' { 2 } else { 3 });
    let mut j = i + n;
    while j < limit {
        if v[j] == ch {
            let k = v[j..limit].iter().take_while(|&&x| x == ch).count();
            let before = v[j - 1];
            let next = v.get(j + k).copied().unwrap_or(b' ');
            let closes = !before.is_ascii_whitespace() && !(ch == b'_' && next.is_ascii_alphanumeric());
            if closes && j > i + n {
                if k == m {
                    return Some((j, k));
                }
                // `*x***` closing two emphases at once, followed by punctuation or space
                let ends = !(next.is_ascii_alphanumeric() || next >= 0x80 && !matches!(next, 0xe3 | 0xef));
                if k > m && ends {
                    return Some((j + k - m, m));
                }
            }
            j += k;
        } else {
            j += 1;
        }
    }
    None
}

fn find_quotes(v: &[u8], marked: &mut Vec<Marked>) {
    // Pairs of quotation brackets within a paragraph.
    const PAIRS: &[(&str, &str, MarkKind)] = &[
        ("「", "」", MarkKind::Quote),
        ("『", "』", MarkKind::Quote),
        ("“", "”", MarkKind::Quote),
        ("《", "》", MarkKind::Title),
        ("〈", "〉", MarkKind::Title),
        ("【", "】", MarkKind::Quote),
    ];
    for (open, close, kind) in PAIRS {
        let (o, c) = (open.as_bytes(), close.as_bytes());
        let mut i = 0;
        while let Some(s) = find(v, i, o) {
            let limit = paragraph_end(v, s, 600);
            let inner_start = s + o.len();
            match find(&v[..limit], inner_start, c) {
                Some(e) => {
                    // a nested opener before the closer restarts the search
                    if find(&v[..e], inner_start, o).is_none() {
                        marked.push(Marked { inner: Span::new(inner_start, e), kind: *kind });
                    }
                    i = inner_start;
                }
                None => i = inner_start,
            }
        }
    }
    // ASCII double quotes in prose: only when both sides hold no line break.
    let mut i = 0;
    while let Some(s) = find(v, i, b"\"") {
        let limit = v[s + 1..].iter().position(|&b| b == b'\n').map_or(v.len(), |p| p + s + 1);
        match find(&v[..limit], s + 1, b"\"") {
            Some(e) if e > s + 1 => {
                marked.push(Marked { inner: Span::new(s + 1, e), kind: MarkKind::Quote });
                i = e + 1;
            }
            _ => i = s + 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::chars::prev_char_start;

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
            if span.start - start > 600 {
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
            if end - span.end > 600 {
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

    /// The sentence as first built, one character at a time: [`Document::sentence`] must give
    /// the same.
    fn sentence_by_chars(doc: &Document<'_>, (start, end): (usize, usize)) -> String {
        let v = doc.view.as_bytes();
        let mut out = String::with_capacity(end - start);
        let mut pending_space = false;
        let mut i = start;
        while i < end {
            let b = v[i];
            if b == HARD || b == MARK || b == b'\r' {
                i += 1;
                continue;
            }
            let c = doc.view[i..].chars().next().unwrap_or(' ');
            let n = c.len_utf8();
            if c.is_whitespace() {
                pending_space = true;
            } else {
                if pending_space && !out.is_empty() {
                    // a line break between Chinese characters is not a space
                    let prev = out.chars().last().unwrap_or(' ');
                    let ascii_both = prev.is_ascii() && c.is_ascii();
                    if ascii_both || (doc.text.as_bytes()[i - 1] == b' ' && (prev.is_ascii() || c.is_ascii())) {
                        out.push(' ');
                    }
                }
                pending_space = false;
                out.push(c);
            }
            i += n;
        }
        if out.len() > 300 && out.chars().count() > 300 {
            out.chars().take(300).collect::<String>() + "…"
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

    fn hidden(text: &str, markup: Markup) -> Vec<String> {
        // the runs of the text that the view hides (HARD)
        let doc = Document::new(text, markup);
        let v = doc.view().as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < v.len() {
            if v[i] == HARD {
                let s = i;
                while i < v.len() && v[i] == HARD {
                    i += 1;
                }
                out.push(text[s..i].to_string());
            } else {
                i += 1;
            }
        }
        out
    }

    #[test]
    fn masks_non_prose() {
        let table: &[(&str, &str, &[&str])] = &[
            ("inline code", "调用 `foo_bar()` 函数", &["`foo_bar()`"]),
            ("role", "如 :numref:`fig_x`所示", &[":numref:`fig_x`"]),
            ("fence", "前\n```python\nx = 1\n```\n后", &["```python\nx = 1\n```"]),
            ("math", "其中$x_i$是输入", &["$x_i$"]),
            ("comment", "甲<!-- TODO fix -->乙", &["<!-- TODO fix -->"]),
            ("url", "见 https://arxiv.org/abs/2305.1（论文）", &["https://arxiv.org/abs/2305.1"]),
            ("url in parens", "(见 https://a.b/c)", &["https://a.b/c"]),
            ("email", "请写信给 ann.lee@example.com。", &["ann.lee@example.com"]),
            ("link target", "参见[文档](https://x.y/z)。", &["(https://x.y/z)"]),
            ("html tag", "甲<br/>乙<span class=\"x\">丙</span>", &["<br/>", "<span class=\"x\">", "</span>"]),
            ("front matter", "---\ntitle: Hello\n---\n正文", &["---\ntitle: Hello\n---"]),
            ("unclosed code", "单个 ` 反引号", &[]),
            ("money", "价格是 $5 和 $10", &[]),
        ];
        for (name, text, want) in table {
            assert_eq!(hidden(text, Markup::Markdown), *want, "{name}");
        }
    }

    #[test]
    fn plain_text_keeps_markdown_characters() {
        assert_eq!(hidden("调用 `foo` 与 https://x.org", Markup::Plain), vec!["https://x.org"]);
    }

    #[test]
    fn records_marked_spans() {
        let table: &[(&str, &[&str])] = &[
            ("**对象关系映射**（ORM）", &["对象关系映射"]),
            ("*中间件*(middleware)", &["中间件"]),
            ("<u>请求头</u>(request header)", &["请求头"]),
            ("_下划线_强调", &["下划线"]),
            ("snake_case_name 不是强调", &[]),
            ("「张量」与《Attention Is All You Need》", &["张量", "Attention Is All You Need"]),
            ("a * b * c", &[]),
        ];
        for (text, want) in table {
            let doc = Document::new(text, Markup::Markdown);
            let mut got: Vec<&str> = doc.marked().iter().map(|m| &text[m.inner.range()]).collect();
            got.sort_by_key(|s| text.find(s));
            assert_eq!(got, *want, "{text}");
        }
    }

    #[test]
    fn view_keeps_offsets() {
        let text = "\u{feff}**甲**`乙` https://丙.com 丁";
        let doc = Document::new(text, Markup::Markdown);
        assert_eq!(doc.view().len(), text.len());
        assert!(doc.view().ends_with('丁'));
    }

    #[test]
    fn pieces_end_between_paragraphs_outside_code() {
        let para = "我们用随机梯度下降（stochastic gradient descent）训练。\n\n";
        let filler = para.repeat(CHUNK / para.len() - 2);
        let fence = format!("```\n{}```\n\n", "x = 1\n\n".repeat(400));
        let one_line = "词".repeat(CHUNK / 3 - 100) + "。" + &"词".repeat(400);
        let no_stop = "词".repeat(CHUNK / 3 + 100);
        let table: Vec<(&str, String, Markup, usize)> = vec![
            ("short texts are one piece", "短文本。".to_string(), Markup::Plain, "短文本。".len()),
            ("after the last blank line", para.repeat(CHUNK / para.len() + 5), Markup::Markdown, {
                (CHUNK / para.len()) * para.len()
            }),
            ("before a fence that crosses the limit", filler.clone() + &fence, Markup::Markdown, filler.len()),
            ("plain text has no fences", filler.clone() + &fence, Markup::Plain, {
                let t = filler.clone() + &fence;
                t[..CHUNK].rfind("\n\n").unwrap() + 2
            }),
            (
                "after a sentence end on one long line",
                one_line.clone(),
                Markup::Plain,
                one_line.find('。').unwrap() + 3,
            ),
            ("at a character boundary", no_stop.clone(), Markup::Plain, CHUNK - CHUNK % 3),
        ];
        for (what, text, markup, want) in table {
            let end = chunk_end(&text, markup);
            assert_eq!(end, want, "{what}");
            assert!(end <= CHUNK && text.is_char_boundary(end), "{what}");
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
}
