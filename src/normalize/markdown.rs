//! Markdown beyond what the parser reads (see [`structure`](super::structure)): container
//! lines (`::: tip`), template interpolations (`{{ count }}`), math (`$x_i$`), and emphasis, which is scanned here with rules that fit Chinese.
//!
//! Emphasis delimiters (`**`, `*`, `_`, `__`, `~~`) and emphasis tags (`<u>`, `<em>`…) become
//! [`MARK`] and the span they enclose is recorded as marked; any other HTML tag left is
//! [`HARD`]. CommonMark decides emphasis by flanking rules made for spaced languages, which
//! reject `这是**注意力机制（attention）**的核心` (the closer follows punctuation and precedes a
//! Han character); an author who writes that has emphasised the term all the same.

use super::scan::{fill, paragraph_end, NextOf};
use super::structure::EMPHASIS_TAGS;
use super::{MarkKind, Marked, HARD, MARK};
use crate::model::Span;

/// A fence or closing fence indented further is the content of an indented code block.
pub(super) const MAX_FENCE_INDENT: usize = 3;

/// The longest emphasis looked for, in bytes: a delimiter not closed within it is text.
const MAX_EMPHASIS: usize = 600;

/// The longest HTML tag looked for, in bytes: a `<` with no `>` within it is text.
const MAX_TAG: usize = 400;

/// A fence is three or more backticks or tildes: fewer are inline code or text.
const MIN_FENCE: usize = 3;

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

/// The longest math looked for, in bytes: a `$` not closed within it is text (a price).
const MAX_MATH: usize = 2000;

/// Masks math: `$$…$$`, and `$…$` whose content neither starts nor ends with a space, or
/// does but holds a LaTeX command (`$ \left[x\right] $`); `$5 和 $10` is text.
pub(super) fn mask_math(v: &mut [u8]) {
    let mut i = 0;
    while let Some(p) = memchr::memchr(b'$', &v[i..]) {
        i = math_at(v, i + p);
    }
}

/// Masks the math the dollar at `i` opens, if it is closed; returns where to look on. A
/// backslash (or an escape's, masked as [`MARK`]) escapes the byte after it.
fn math_at(v: &mut [u8], i: usize) -> usize {
    let n = if v.get(i + 1) == Some(&b'$') { 2 } else { 1 };
    let limit = paragraph_end(v, i + n, MAX_MATH);
    let mut close = None;
    let mut latex = false;
    let mut j = i + n;
    while j < limit {
        if v[j] == b'\\' || v[j] == MARK {
            latex |= v.get(j + 1).is_some_and(u8::is_ascii_alphabetic);
            j += 2;
            continue;
        }
        if v[j] == b'$' && (n == 1 || v.get(j + 1) == Some(&b'$')) {
            let spaced = v[i + n].is_ascii_whitespace() || v[j - 1].is_ascii_whitespace();
            if n == 2 || !spaced || latex {
                close = Some(j + n);
            }
            break;
        }
        j += 1;
    }
    match close {
        Some(e) if e <= v.len() => {
            fill(v, i..e, HARD);
            e
        }
        _ => i + n,
    }
}

/// The marker that opens and closes a container (`::: tip 提示`, `::: details`, `:::`).
const CONTAINER_MARKER: &[u8] = b":::";

/// Masks the lines that open or close a container: the marker with the container's kind and
/// title.
pub(super) fn mask_containers(v: &mut [u8]) {
    let mut from = 0;
    while let Some(p) = memchr::memmem::find(&v[from..], CONTAINER_MARKER).map(|p| from + p) {
        let line_start = memchr::memrchr(b'\n', &v[..p]).map_or(0, |n| n + 1);
        let line_end = memchr::memchr(b'\n', &v[p..]).map_or(v.len(), |n| p + n);
        // indented in a list item or after a quote marker (masked already) too
        if v[line_start..p].iter().all(|&b| matches!(b, b' ' | b'\t' | HARD)) {
            fill(v, line_start..line_end, HARD);
        }
        from = line_end.max(p + CONTAINER_MARKER.len());
    }
}

/// Masks the lines of reStructuredText directives and targets (`.. note::`, `.. only:: esp32`,
/// `.. _label:`, `.. |name| replace:: …`): markup of the text, never prose, in any input.
pub(super) fn mask_directives(v: &mut [u8]) {
    let mut from = 0;
    while let Some(p) = memchr::memmem::find(&v[from..], b".. ").map(|p| from + p) {
        // (an ellipsis before a space is text: only a dot after blanks starts a directive)
        if p > 0 && !matches!(v[p - 1], b'\n' | b' ' | b'\t') {
            from = p + 3;
            continue;
        }
        let line_start = memchr::memrchr(b'\n', &v[..p]).map_or(0, |n| n + 1);
        let line_end = memchr::memchr(b'\n', &v[p..]).map_or(v.len(), |n| p + n);
        let rest = &v[p + 3..line_end];
        let name =
            rest.iter().take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'|' | b' ')).count();
        let directive = memchr::memmem::find(rest, b"::").is_some_and(|q| q <= name && q > 0)
            || rest.first() == Some(&b'_') && rest.contains(&b':');
        if directive && v[line_start..p].iter().all(|&b| b == b' ' || b == b'\t') {
            // the text after a directive's name is prose when it holds Chinese (`.. note:: 注意`),
            // else its arguments (`.. only:: esp32`)
            let end = match memchr::memmem::find(rest, b"::") {
                Some(q) if rest[q..].iter().any(|&b| b >= 0xE0) => p + 3 + q + 2,
                _ => line_end,
            };
            fill(v, line_start..end, HARD);
        }
        from = line_end.max(p + 3);
    }
}

/// Template interpolation opens with this (`{{ count }}` in Vue, Jinja, Handlebars)...
const TEMPLATE_OPEN: &[u8] = b"{{";
/// ...and closes with this, on the same line.
const TEMPLATE_CLOSE: &[u8] = b"}}";

/// Masks template interpolations, `{{ expression }}`, with a path glued after one: code, not
/// prose.
pub(super) fn mask_templates(v: &mut [u8]) {
    let mut from = 0;
    while let Some(s) = memchr::memmem::find(&v[from..], TEMPLATE_OPEN).map(|p| from + p) {
        let line_end = memchr::memchr(b'\n', &v[s..]).map_or(v.len(), |n| s + n);
        match memchr::memmem::find(&v[s + TEMPLATE_OPEN.len()..line_end], TEMPLATE_CLOSE) {
            Some(p) => {
                let mut e = s + TEMPLATE_OPEN.len() + p + TEMPLATE_CLOSE.len();
                // a path glued to it is an address the template builds
                // (`{{ site.baseurl }}/doc/cache.html#disk-cache`)
                e += v[e..line_end].iter().take_while(|b| b.is_ascii_graphic() && !b"`)]>\"'".contains(b)).count();
                fill(v, s..e, HARD);
                from = e;
            }
            None => from = s + TEMPLATE_OPEN.len(),
        }
    }
}

/// Masks HTML tags and emphasis, recording what emphasis encloses in `marked`.
pub(super) fn mask_inline_markup(v: &mut [u8], marked: &mut Vec<Marked>) {
    let mut next = NextOf::new(b"<*_~");
    let mut open_tags: Vec<(String, usize)> = Vec::new();
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
