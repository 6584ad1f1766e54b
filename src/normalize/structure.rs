//! Markdown structure, read by pulldown-cmark: which bytes of a Markdown input are prose.
//!
//! The parser says where text is: the text of paragraphs, headings, list items, table cells,
//! link texts and emphasis. Every other byte outside whitespace is markup and becomes
//! [`HARD`]: heading markers and ids (`## 标题 {#some-id}`), list bullets, quote markers,
//! table pipes and delimiter rows, thematic breaks, footnote markers, reference definitions
//! (`[label]: https://…`), comments of MDX (`{/*id*/}`); the backslash of an escape becomes
//! [`MARK`], so that math (scanned after, in [`markdown`](super::markdown)) still reads it.
//! What the parser reports as a whole and is not prose is masked whole: code blocks (fenced and indented), inline code (with a
//! role such as `` :numref:`x` `` before it), images (their alt text is a caption or a
//! photo credit, not prose), front matter, link destinations and labels, autolinks, and in
//! HTML the tags with their attributes, comments and the content of `<script>`, `<style>`,
//! `<pre>` and `<code>` (the text between other tags is prose, when it holds Chinese: HTML
//! with English text only is a demo or layout), and tables with no Chinese in any cell
//! (untranslated data: a benchmark's numbers, an API's operations).
//!
//! Emphasis is left to [`markdown`](super::markdown): CommonMark's flanking rules reject much
//! real Chinese emphasis (`这是**注意力机制（attention）**的核心`), so the delimiters stay in
//! the bytes for that scanner to read. The brackets of a link text become [`MARK`] and the
//! link text is marked, as an author who links a term has said where it starts and ends.

use super::scan::fill;
use super::{MarkKind, Marked, HARD, MARK};
use crate::model::Span;
use crate::text::chars::is_cjk;
use pulldown_cmark::{BrokenLink, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};

/// HTML elements whose content is code or styling, never prose.
const RAW_ELEMENTS: &[&str] = &["script", "style", "pre", "code", "textarea", "svg", "math"];

/// HTML tags that emphasise: left for the emphasis scanner, which marks their content.
pub(super) const EMPHASIS_TAGS: &[&str] = &["u", "em", "strong", "b", "i", "mark", "ins", "strike", "s", "del"];

/// What the walk over the parser's events has decided so far.
struct Walk<'v> {
    v: &'v mut [u8],
    /// Bytes before this are decided.
    done: usize,
    /// The next gap is next to an emphasis delimiter: its `*`, `_` and `~` stay.
    at_emphasis: bool,
    /// Depth of elements whose events are skipped (an image, a code block): masked whole.
    skip: usize,
    /// Link texts open: where each text starts.
    links: Vec<usize>,
    /// Inside an inline `<script>` or `<style>`: its text is code.
    raw_inline: bool,
}

impl Walk<'_> {
    /// Decides the gap from `done` to `to`: markup, except whitespace (and the delimiters of
    /// an emphasis the parser found, left for the emphasis scanner).
    fn gap_to(&mut self, to: usize) {
        let keep_emphasis = std::mem::take(&mut self.at_emphasis);
        if to > self.done {
            for b in &mut self.v[self.done..to] {
                let kept = b.is_ascii_whitespace() || keep_emphasis && matches!(*b, b'*' | b'_' | b'~');
                if *b == b'\\' {
                    // an escape: the math scanner reads the byte after it as escaped
                    *b = MARK;
                } else if !kept {
                    *b = HARD;
                }
            }
        }
        self.done = self.done.max(to);
    }

    /// Masks `r` whole, after deciding the gap before it.
    fn opaque(&mut self, r: std::ops::Range<usize>) {
        self.gap_to(r.start);
        fill(self.v, r.start..r.end.min(self.v.len()), HARD);
        self.done = self.done.max(r.end);
    }

    /// Text the parser reports as prose.
    fn prose(&mut self, r: std::ops::Range<usize>) {
        if self.raw_inline {
            self.opaque(r);
        } else {
            self.gap_to(r.start);
            self.done = self.done.max(r.end);
        }
    }
}

/// Masks what is not prose in Markdown `text` (see the [module docs](self)) over its bytes
/// `v`, records link texts in `marked` and inline code (its backticks included, a role's
/// reference left out) in `inline_code`. Front matter is looked for only at the start of
/// an input.
pub(super) fn mask_structure(
    text: &str,
    v: &mut [u8],
    marked: &mut Vec<Marked>,
    inline_code: &mut Vec<Span>,
    at_start: bool,
) {
    let mut options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_GFM
        | Options::ENABLE_TASKLISTS;
    if at_start {
        options |= Options::ENABLE_YAML_STYLE_METADATA_BLOCKS | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    }
    // `[text][label]` whose label is defined elsewhere (or nowhere) is still a link: its label
    // is not prose
    let broken = |link: BrokenLink<'_>| match link.link_type {
        LinkType::Reference | LinkType::Collapsed => Some((CowStr::Borrowed(""), CowStr::Borrowed(""))),
        _ => None,
    };
    let parser = Parser::new_with_broken_link_callback(text, options, Some(broken));
    // front matter closed but not opened by `---` (as Hexo writes it): the parser would read
    // its last line as a heading
    let done = if at_start { unopened_front_matter_end(text).unwrap_or(0) } else { 0 };
    fill(v, 0..done, HARD);
    let mut w = Walk { v, done, at_emphasis: false, skip: 0, links: Vec::new(), raw_inline: false };
    for (event, r) in parser.into_offset_iter() {
        if w.skip > 0 {
            match event {
                Event::Start(_) => w.skip += 1,
                Event::End(_) => w.skip -= 1,
                _ => {}
            }
            continue;
        }
        match event {
            Event::Text(_) | Event::SoftBreak | Event::HardBreak => w.prose(r),
            Event::Code(_) => {
                let start = role_start(w.v, r.start);
                if start == r.start {
                    inline_code.push(Span::new(r.start, r.end));
                }
                w.opaque(start..r.end);
            }
            Event::InlineMath(_)
            | Event::DisplayMath(_)
            | Event::FootnoteReference(_)
            | Event::TaskListMarker(_)
            | Event::Rule => w.opaque(r),
            Event::InlineHtml(_) | Event::Html(_) => inline_html(&mut w, r),
            Event::Start(tag) => start(&mut w, tag, r),
            Event::End(tag) => end(&mut w, tag, r, marked),
        }
    }
    let len = w.v.len();
    w.gap_to(len);
    mask_mdx_comments(text, w.v);
}

/// Front matter written with no `---` before it spans at most this many lines.
const MAX_FRONT_MATTER_LINES: usize = 40;

/// Front matter written with no `---` before it has at least this many fields.
const MIN_FRONT_MATTER_FIELDS: usize = 2;

/// Where front matter ends that opens an input with no `---` before it, closed by a line
/// `---` (`title: 我的笔记` … `---`): every line before that line is a field (`key: value`),
/// a list item, a field's indented continuation or blank, the first is a field, and there are
/// two fields at least.
fn unopened_front_matter_end(text: &str) -> Option<usize> {
    let field = |line: &str| {
        let Some((key, rest)) = line.split_once(':') else { return false };
        let mut k = key.bytes();
        k.next().is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
            && k.all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
            && (rest.is_empty() || rest.starts_with([' ', '\t', '\r']))
    };
    let (mut at, mut fields) = (0, 0);
    for (n, line) in text.split_inclusive('\n').take(MAX_FRONT_MATTER_LINES).enumerate() {
        let bare = line.trim_end();
        if n == 0 && !field(bare) {
            return None;
        }
        if bare == "---" {
            // (one field alone over `---` is a heading: `Summary: 本文介绍 Kafka`)
            return (fields >= MIN_FRONT_MATTER_FIELDS).then_some(at + line.len());
        }
        let item = bare.starts_with("- ") || line.starts_with([' ', '\t']) || bare.is_empty();
        if !(item || field(bare)) {
            return None;
        }
        fields += usize::from(!item);
        at += line.len();
    }
    None
}

/// Masks the comments of MDX, `{/* … */}`, which pages of React's and other docs write their
/// headings' ids in (`## 标题 {/*some-id*/}`): the parser reads them as text.
fn mask_mdx_comments(text: &str, v: &mut [u8]) {
    let b = text.as_bytes();
    let mut from = 0;
    while let Some(p) = memchr::memmem::find(&b[from..], b"{/*") {
        let start = from + p;
        let Some(q) = memchr::memmem::find(&b[start + 3..], b"*/}") else { break };
        let end = start + 3 + q + 3;
        fill(v, start..end.min(v.len()), HARD);
        from = end;
    }
}

/// The start of an element.
fn start(w: &mut Walk<'_>, tag: Tag<'_>, r: std::ops::Range<usize>) {
    match tag {
        Tag::CodeBlock(_) | Tag::Image { .. } | Tag::MetadataBlock(_) => {
            w.opaque(r);
            w.skip = 1;
        }
        Tag::HtmlBlock => {
            w.gap_to(r.start);
            mask_html(w.v, r.clone());
            // HTML whose text holds no Chinese is a demo or layout (`<button>Toggle</button>`),
            // not the prose of a Chinese text
            if !text_at(w.v, r.clone()).chars().any(is_cjk) {
                fill(w.v, r.start..r.end.min(w.v.len()), HARD);
            }
            w.done = w.done.max(r.end);
            w.skip = 1;
        }
        // a table whose cells hold no Chinese is untranslated data (a benchmark's numbers, an
        // API's operations), quoted as it was, not the prose of a Chinese text
        Tag::Table(_) if !text_at(w.v, r.clone()).chars().any(is_cjk) => {
            w.opaque(r);
            w.skip = 1;
        }
        Tag::Link { link_type: LinkType::Autolink | LinkType::Email, .. } => {
            w.opaque(r);
            w.skip = 1;
        }
        Tag::Link { .. } => {
            w.gap_to(r.start);
            if w.v.get(r.start) == Some(&b'[') {
                w.v[r.start] = MARK;
                w.done = r.start + 1;
            }
            w.links.push(w.done);
        }
        Tag::Emphasis | Tag::Strong | Tag::Strikethrough => {
            w.gap_to(r.start);
            w.at_emphasis = true;
        }
        _ => {}
    }
}

/// The bytes of `r` in `v` as text (empty where masking has cut a character).
fn text_at(v: &[u8], r: std::ops::Range<usize>) -> &str {
    std::str::from_utf8(&v[r.start.min(v.len())..r.end.min(v.len())]).unwrap_or_default()
}

/// The end of an element.
fn end(w: &mut Walk<'_>, tag: TagEnd, r: std::ops::Range<usize>, marked: &mut Vec<Marked>) {
    match tag {
        TagEnd::Link => {
            let text_start = w.links.pop().unwrap_or(r.start);
            let text_end = w.done.max(text_start);
            if text_end < r.end && w.v[text_end] == b']' {
                w.v[text_end] = MARK;
                if text_end > text_start {
                    marked.push(Marked { inner: Span::new(text_start, text_end), kind: MarkKind::Emphasis });
                }
                w.done = text_end + 1;
            }
            // the destination, title or label
            w.opaque(w.done..r.end);
        }
        TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough => {
            w.at_emphasis = true;
            w.gap_to(r.end);
        }
        _ => {}
    }
}

/// An HTML tag inside a paragraph (or a line of HTML the parser reports on its own): an
/// emphasis tag is left for the emphasis scanner, any other is masked; inside `<script>` and
/// `<style>` the text is code.
fn inline_html(w: &mut Walk<'_>, r: std::ops::Range<usize>) {
    let (name, closing) = tag_name(&w.v[r.start..r.end]);
    if RAW_ELEMENTS[..2].contains(&name.as_str()) {
        w.raw_inline = !closing;
    }
    if EMPHASIS_TAGS.contains(&name.as_str()) && !w.raw_inline {
        w.gap_to(r.start);
        w.done = w.done.max(r.end);
    } else {
        w.opaque(r);
    }
}

/// The lowercased name of the tag `tag` starts with, and whether it is a closing tag; an
/// empty name for a comment or anything else.
fn tag_name(tag: &[u8]) -> (String, bool) {
    let closing = tag.get(1) == Some(&b'/');
    let from = 1 + usize::from(closing);
    let name = tag
        .get(from..)
        .unwrap_or_default()
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
        .map(|&b| b.to_ascii_lowercase() as char)
        .collect();
    (name, closing)
}

/// Masks the HTML of a block: tags with their attributes, comments and the content of raw
/// elements ([`RAW_ELEMENTS`]); the text between other tags stays, and so do emphasis tags.
fn mask_html(v: &mut [u8], block: std::ops::Range<usize>) {
    let end = block.end.min(v.len());
    let mut i = block.start;
    while let Some(p) = memchr::memchr(b'<', &v[i..end]) {
        let s = i + p;
        if v[s..end].starts_with(b"<!--") {
            let e = super::scan::find(&v[..end], s + 4, b"-->").map_or(end, |p| p + 3);
            fill(v, s..e, HARD);
            i = e;
            continue;
        }
        let (name, closing) = tag_name(&v[s..end]);
        if name.is_empty() || !v[s + 1 + usize::from(closing)].is_ascii_alphabetic() {
            i = s + 1;
            continue;
        }
        let e = tag_end(v, s, end);
        let self_closing = v[s..e].ends_with(b"/>");
        if EMPHASIS_TAGS.contains(&name.as_str()) {
            i = e;
            continue;
        }
        let mut masked_to = e;
        if !closing && !self_closing && RAW_ELEMENTS.contains(&name.as_str()) {
            let close = format!("</{name}");
            masked_to = find_ignoring_case(&v[..end], e, close.as_bytes()).map_or(end, |p| tag_end(v, p, end));
        }
        fill(v, s..masked_to, HARD);
        i = masked_to;
    }
}

/// Where the tag starting at `s` ends: after its `>` outside quoted attribute values, or at
/// `end` when it does not close.
fn tag_end(v: &[u8], s: usize, end: usize) -> usize {
    let mut quote = None;
    for (j, &b) in v[..end].iter().enumerate().skip(s + 1) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if b == q => quote = None,
            (None, b'>') => return j + 1,
            _ => {}
        }
    }
    end
}

/// The first position of `pat` (ASCII) in `v` at or after `from`, ignoring ASCII case.
fn find_ignoring_case(v: &[u8], from: usize, pat: &[u8]) -> Option<usize> {
    (from..v.len().saturating_sub(pat.len() - 1)).find(|&i| v[i..i + pat.len()].eq_ignore_ascii_case(pat))
}

/// Where the inline code at `code` starts with the role before it (`` :numref:`x` ``,
/// `` :eqref:`x` ``), if there is one.
fn role_start(v: &[u8], code: usize) -> usize {
    if code < 2 || v[code - 1] != b':' {
        return code;
    }
    let mut k = code - 1;
    while k > 0 && (v[k - 1].is_ascii_alphanumeric() || v[k - 1] == b'-' || v[k - 1] == b'_') {
        k -= 1;
    }
    if k > 0 && v[k - 1] == b':' && k < code - 1 {
        k - 1
    } else {
        code
    }
}

#[cfg(test)]
mod tests {
    use super::super::document::Document;
    use super::super::Markup;

    /// The prose the view keeps of `text`: its words and Chinese, markup left out.
    fn prose(text: &str) -> String {
        let doc = Document::new(text, Markup::Markdown);
        doc.view().chars().map(|c| if c.is_control() && c != '\n' { ' ' } else { c }).collect()
    }

    /// One table row: what a markup kind must not leak into the prose, and what it keeps.
    type Case = (&'static str, &'static str, &'static [&'static str], &'static [&'static str]);

    #[test]
    fn markup_is_not_prose() {
        let table: &[Case] = &[
            ("heading id", "## 连接池 {#connection-pool-size}\n\n正文", &["connection", "pool-size", "{", "#"], &["连接池"]),
            ("heading id in an MDX comment", "## 连接池 {/*connection-pool*/}\n\n正文", &["connection", "{/*", "*/}"], &["连接池", "正文"]),
            ("heading class", "### 索引 Index {.wide #idx}\n", &["wide", "idx"], &["索引 Index"]),
            (
                "reference link and definition",
                "详见[迁移指南][migration-guide]。\n\n[migration-guide]: https://db.example/migrate \"Guide\"\n",
                &["migration-guide", "Guide", "db.example"],
                &["迁移指南"],
            ),
            ("reference link defined elsewhere", "参见[路由表][rib-table]一节", &["rib-table"], &["路由表"]),
            ("collapsed reference", "参见[Border Gateway Protocol][]一节", &["[]"], &["Border Gateway Protocol"]),
            ("image and credit", "![Photo by Jane Roe on Unsplash](img/bank.jpg)\n银行柜台", &["Photo", "Jane", "bank"], &["银行柜台"]),
            ("image in a link", "[![build status](ci.svg)](https://ci.example)", &["build", "status"], &[]),
            (
                "html block with attributes",
                "<div class=\"note\" data-kind=\"warning\"\n     target=\"_blank\">\n心电图 ECG 的读法\n</div>\n",
                &["class", "note", "data-kind", "warning", "target", "_blank"],
                &["心电图 ECG 的读法"],
            ),
            (
                "script and style",
                "<script setup>\nconst ledger = useLedger()\n</script>\n\n<style scoped>\n.price { color: red }\n</style>\n\n账本 ledger 很重要",
                &["const", "useLedger", "price", "color", "scoped"],
                &["账本 ledger 很重要"],
            ),
            ("inline html", "按下<kbd>Ctrl</kbd>键，<span title=\"hint text\">提示</span>", &["kbd", "span", "hint"], &["Ctrl", "提示"]),
            ("html without Chinese is a demo", "<div class=\"demo\">\n  <button>Toggle Theme</button>\n</div>\n\n正文", &["Toggle", "Theme"], &["正文"]),
            (
                "table",
                "| 指标 | 说明 |\n| --- | :---: |\n| P99 latency | 尾延迟 |\n",
                &["|", "---", ":"],
                &["指标", "P99 latency", "尾延迟"],
            ),
            (
                "table without Chinese is data",
                "| Action | Time |\n| --- | ---: |\n| Branch mispredict | 6 ns |\n\n分支预测失败很慢",
                &["Action", "Branch", "mispredict", "ns"],
                &["分支预测失败很慢"],
            ),
            (
                "indented code",
                "示例如下：\n\n    SELECT balance FROM accounts\n    WHERE owner = 'ann'\n\n余额查询",
                &["SELECT", "balance", "accounts", "owner"],
                &["余额查询"],
            ),
            ("fenced code", "前\n\n~~~sql\nDROP TABLE users;\n~~~\n\n后", &["DROP", "users", "sql"], &["前", "后"]),
            ("escapes", "这是\\*抗凝血药\\*的用法，写作 snake\\_case", &["\\"], &["抗凝血药"]),
            ("container", "::: warning Note\n注意防火墙 firewall 规则\n:::\n", &["warning", "Note", ":::"], &["注意防火墙 firewall 规则"]),
            (
                "indented container",
                "- 步骤\n\n    ::: tip Hint\n    记得备份\n    :::\n",
                &["tip", "Hint", ":::"],
                &["记得备份"],
            ),
            (
                "front matter",
                "---\ntitle: Payment Gateway\nauthor: jdoe42\n---\n支付网关",
                &["title", "Payment", "jdoe42"],
                &["支付网关"],
            ),
            ("plus front matter", "+++\ndraft = true\n+++\n正文", &["draft", "true"], &["正文"]),
            (
                "front matter closed only",
                "title: 我的笔记\ntags: [经验]\ncategories:\n  - Night Owl Notes\n---\n正文",
                &["title", "Night", "Owl", "---"],
                &["正文"],
            ),
            // a line of prose before the `---`: a heading, not front matter
            ("a label then prose", "Note: 先备份\n再升级 Redis\n---\n正文", &["---"], &["Note: 先备份", "再升级 Redis", "正文"]),
            ("one field over a rule", "Summary: 本文介绍 Kafka\n---\n正文", &["---"], &["Summary: 本文介绍 Kafka", "正文"]),
            ("component tags", "<Badge type=\"tip\" text=\"beta\" />\n\n<DemoChart :data=\"series\" />\n正文", &["Badge", "beta", "series"], &["正文"]),
            ("template interpolation", "计数为 {{ clickCount }} 次", &["clickCount"], &["计数为", "次"]),
            (
                "template building an address",
                "[7]: {{ site.root }}/guide/setup.html#proxy-rules\n\n见代理规则",
                &["proxy", "rules", "guide", "setup"],
                &["见代理规则"],
            ),
            ("footnote", "利率[^rate]很低\n\n[^rate]: 年化 annual rate\n", &["^", "[rate]"], &["利率", "很低", "年化 annual rate"]),
            ("autolink", "见 <https://tls.example/spec>", &["tls", "spec"], &["见"]),
            ("link target", "见[握手](https://tls.example/handshake \"TLS handshake\")", &["handshake\"", "TLS"], &["握手"]),
            ("block markers", "# 标题\n\n> 引用 quote\n\n- 项目 item\n1. 第一 first\n\n***\n", &["#", ">", "- ", "1.", "***"], &["标题", "引用 quote", "项目 item", "第一 first"]),
            ("loose math", "令 $ \\left[x\\right] $ 为向量，价格是 $5 和 $10", &["left", "right"], &["令", "$5 和 $10"]),
            ("role", "如 :numref:`fig_arch` 所示", &["numref", "fig_arch"], &["所示"]),
            (
                "directives of reStructuredText",
                ".. only:: esp32 or esp32s3\n\n启用片外内存\n\n.. _psram-config:\n\n.. note:: 注意电源",
                &["only", "esp32", "psram", "note"],
                &["启用片外内存", "注意电源"],
            ),
        ];
        for (name, text, leaked, kept) in table {
            let p = prose(text);
            for l in *leaked {
                assert!(!p.contains(l), "{name}: {l:?} leaks into {p:?}");
            }
            for k in *kept {
                assert!(p.contains(k), "{name}: {k:?} is lost from {p:?}");
            }
        }
    }

    #[test]
    fn link_texts_and_chinese_emphasis_are_marked() {
        let table: &[(&str, &[&str])] = &[
            ("这是**注意力机制（attention）**的核心", &["注意力机制（attention）"]),
            ("这叫**“注意力”**机制", &["“注意力”", "注意力"]),
            ("见[负载均衡](https://lb.example)与[路由][r]", &["负载均衡", "路由"]),
        ];
        for (text, want) in table {
            let doc = Document::new(text, Markup::Markdown);
            let mut got: Vec<&str> = doc.marked().iter().map(|m| &text[m.inner.range()]).collect();
            got.sort_by_key(|s| (text.find(s), std::cmp::Reverse(s.len())));
            assert_eq!(got, *want, "{text}");
        }
    }

    #[test]
    fn plain_text_keeps_markdown_markup() {
        let text = "## 标题 {#title-id}\n| a | b |";
        let doc = Document::new(text, Markup::Plain);
        assert_eq!(doc.view(), text);
    }
}
