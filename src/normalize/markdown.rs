//! Markdown: masking what Markdown makes non-prose, and recording what it emphasises.
//!
//! What Markdown keeps verbatim is masked first, as [`HARD`]: front matter, fenced code
//! blocks, HTML comments, inline code (with a role such as `` :numref:`x` `` before it) and
//! math. Inline markup comes after URLs are masked: HTML tags are [`HARD`], emphasis
//! delimiters, emphasis tags (`<u>`, `<em>`…) and the brackets of a link text are [`MARK`] and
//! the span they enclose is recorded as marked; a link target is [`HARD`].

use super::scan::{fill, find, lines, paragraph_end, NextOf};
use super::{MarkKind, Marked, HARD, MARK};
use crate::model::Span;

/// A fence or closing fence indented further is the content of an indented code block.
pub(super) const MAX_FENCE_INDENT: usize = 3;

/// A fence is three or more backticks or tildes: fewer are inline code or text.
const MIN_FENCE: usize = 3;

/// The longest inline code span looked for, in bytes: backticks not closed within it are text.
const MAX_INLINE: usize = 4000;

/// The longest inline math looked for, in bytes: a `$` not closed within it is text (a price).
const MAX_MATH: usize = 2000;

/// The longest emphasis looked for, in bytes: a delimiter not closed within it is text.
const MAX_EMPHASIS: usize = 600;

/// The longest link target looked for, in bytes from the `]` of its text: a `(` not closed
/// within it is text.
const MAX_LINK_TARGET: usize = 2000;

/// The longest HTML tag looked for, in bytes: a `<` with no `>` within it is text.
const MAX_TAG: usize = 400;

/// Masks what Markdown keeps verbatim: front matter (looked for only at the start of an
/// input), fenced code blocks, HTML comments, inline code and math.
pub(super) fn mask_verbatim(v: &mut [u8], at_start: bool) {
    if at_start {
        mask_front_matter(v);
    }
    mask_fences(v);
    mask_between(v, b"<!--", b"-->");
    mask_code_and_math(v);
}

/// Masks front matter (`---` or `+++` lines around it) at the start of the input, after a
/// byte-order mark if there is one.
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

/// The fence that `rest` (a line, its indent left out) opens, if any: its character and length.
pub(super) fn fence_open(rest: &[u8]) -> Option<(u8, usize)> {
    for ch in [b'`', b'~'] {
        let n = rest.iter().take_while(|&&b| b == ch).count();
        if n >= MIN_FENCE && !(ch == b'`' && rest[n..].contains(&b'`')) {
            return Some((ch, n));
        }
    }
    None
}

/// Whether `rest` (a line, its indent left out) closes the fence `(ch, n)` opened before.
pub(super) fn fence_closes(rest: &[u8], (ch, n): (u8, usize)) -> bool {
    let m = rest.iter().take_while(|&&b| b == ch).count();
    m >= n && rest[m..].iter().all(|b| b.is_ascii_whitespace())
}

/// Masks fenced code blocks, fences included; an unclosed one runs to the end.
fn mask_fences(v: &mut [u8]) {
    let ls = lines(v);
    let mut open: Option<(u8, usize, usize)> = None; // (char, len, start byte)
    for &(s, e) in &ls {
        let line = &v[s..e];
        let indent = line.iter().take_while(|&&b| b == b' ').count();
        let rest = &line[indent.min(line.len())..];
        match open {
            None if indent <= MAX_FENCE_INDENT => {
                if let Some((ch, n)) = fence_open(rest) {
                    open = Some((ch, n, s));
                }
            }
            Some((ch, n, start)) if indent <= MAX_FENCE_INDENT && fence_closes(rest, (ch, n)) => {
                fill(v, start..e, HARD);
                open = None;
            }
            _ => {}
        }
    }
    if let Some((_, _, start)) = open {
        let end = v.len();
        fill(v, start..end, HARD);
    }
}

/// Masks everything from `open` to the next `close`, both included (to the end when none).
fn mask_between(v: &mut [u8], open: &[u8], close: &[u8]) {
    let mut i = 0;
    while let Some(s) = find(v, i, open) {
        let e = find(v, s + open.len(), close).map_or(v.len(), |p| p + close.len());
        fill(v, s..e, HARD);
        i = e;
    }
}

/// Masks inline code spans and math.
fn mask_code_and_math(v: &mut [u8]) {
    let mut i = 0;
    while i < v.len() {
        match memchr::memchr2(b'`', b'$', &v[i..]) {
            Some(p) => i += p,
            None => return,
        }
        i = match v[i] {
            b'`' => mask_code_span(v, i),
            b'$' => mask_math(v, i),
            _ => i + 1,
        };
    }
}

/// Masks the inline code span the backticks at `i` open, with a role right before it
/// (`:numref:`, `{eq}`), if it is closed; returns where to look on.
fn mask_code_span(v: &mut [u8], i: usize) -> usize {
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
    let Some(e) = close else { return i + n };
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
    e
}

/// Masks the math (`$…$`, `$$…$$`) the dollar at `i` opens, if it is closed; returns where
/// to look on.
fn mask_math(v: &mut [u8], i: usize) -> usize {
    let n = if v.get(i + 1) == Some(&b'$') { 2 } else { 1 };
    let limit = paragraph_end(v, i + n, MAX_MATH);
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
            e
        }
        _ => i + n,
    }
}

/// Tags whose content is emphasised: they become [`MARK`] and their content is marked.
const EMPHASIS_TAGS: &[&str] = &["u", "em", "strong", "b", "i", "mark", "ins", "strike", "s", "del"];

/// Masks HTML tags, emphasis and link markup, recording what they enclose in `marked`.
pub(super) fn mask_inline_markup(v: &mut [u8], marked: &mut Vec<Marked>) {
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
                    mask_tag(v, i..e, &mut open_tags, marked);
                    i = e;
                    continue;
                }
            }
            b'[' => link_open = Some(i),
            b']' => {
                // a link text closes here whether or not a target follows
                if let Some(s) = link_open.take() {
                    if let Some(e) = mask_link(v, s, i, marked) {
                        i = e;
                        continue;
                    }
                }
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

/// Masks the HTML tag at `tag`: an emphasis tag as [`MARK`], its content marked when it
/// closes one of `open_tags`; any other tag as [`HARD`].
fn mask_tag(v: &mut [u8], tag: std::ops::Range<usize>, open_tags: &mut Vec<(String, usize)>, marked: &mut Vec<Marked>) {
    let (i, e) = (tag.start, tag.end);
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
}

/// Masks a link whose text opens at `s` and closes at `i`, when a target in parentheses
/// follows: the brackets (and the `!` of an image) become [`MARK`], the target [`HARD`], and
/// the text is marked. Returns where the target ends.
fn mask_link(v: &mut [u8], s: usize, i: usize, marked: &mut Vec<Marked>) -> Option<usize> {
    if v.get(i + 1) != Some(&b'(') {
        return None;
    }
    let limit = (i + MAX_LINK_TARGET).min(v.len());
    let mut depth = 0;
    let mut close = None;
    for (j, &b) in v[..limit].iter().enumerate().skip(i + 1) {
        match b {
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
    let e = close?;
    v[s] = MARK;
    if s > 0 && v[s - 1] == b'!' {
        v[s - 1] = MARK;
    }
    v[i] = MARK;
    fill(v, i + 1..e, HARD);
    marked.push(Marked { inner: Span::new(s + 1, i), kind: MarkKind::Emphasis });
    Some(e)
}

/// Where the HTML tag (`<name …>`, `</name>`) at `i` ends, if one is there.
fn html_tag_end(v: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 1;
    if v.get(j) == Some(&b'/') {
        j += 1;
    }
    if !v.get(j)?.is_ascii_alphabetic() {
        return None;
    }
    while j < v.len() && j - i < MAX_TAG {
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
    let limit = paragraph_end(v, i + n, MAX_EMPHASIS);
    let m = n.min(if ch == b'~' { 2 } else { 3 });
    let mut j = i + n;
    while j < limit {
        if v[j] == ch {
            let k = v[j..limit].iter().take_while(|&&x| x == ch).count();
            let before = v[j - 1];
            let next = v.get(j + k).copied().unwrap_or(b' ');
            let closes = !(before.is_ascii_whitespace() || ch == b'_' && next.is_ascii_alphanumeric());
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

#[cfg(test)]
mod tests {
    use super::super::document::Document;
    use super::*;
    use crate::normalize::Markup;

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
}
