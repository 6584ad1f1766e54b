//! Identifiers written bare: an English word that a Markdown input writes as inline code
//! (`` `bootstrap()` ``, `` `Buffer` ``) names a thing of the program, and where the same
//! input says it bare in its prose (`即 bootstrap 阶段`, `#### Buffer`) it names that thing
//! again, not a term of the subject.
//!
//! A word the input glosses, as code or bare (`` `reducer`（归约器）``), is a concept the text
//! explains; one it says bare more often than as code, or again and again, is a concept it
//! uses; one it names beside a noun of a class of names (`Awaitility 库`) is a product; all
//! stay terms. A bare mention linked or emphasised whole (`[thunks](./thunks)`) stays too.

use super::glossed::is_glossed;
use super::Candidate;
use crate::model::Span;
use crate::normalize::{Document, MarkKind};
use crate::text::lexicon::chinese::NAME_CLASSES;
use rustc_hash::{FxHashMap, FxHashSet};

/// An identifier has at least this many letters: a single letter is a variable, not a word.
const MIN_IDENTIFIER_BYTES: usize = 2;

/// An identifier is said bare in passing, at most this often: a word the input says bare
/// more often is a concept it discusses, whatever its code calls the same name (`csvkit`,
/// `props`).
const MAX_BARE_MENTIONS: usize = 2;

/// Whether `span` is the whole of an emphasis or a link text (`[thunks](./thunks)`): the
/// author points at the word as a term.
fn is_marked_whole(doc: &Document<'_>, span: Span) -> bool {
    doc.marked_starting_at(span.start).is_some_and(|m| m.kind == MarkKind::Emphasis && m.inner == span)
}

/// Whether `span` is next to a noun of a class of names (`Awaitility 库`, `开源库 Polars`): the
/// word names a product, not a thing of the program.
fn is_named_as_product(view: &str, span: Span) -> bool {
    let before = view[..span.start].trim_end_matches(' ');
    let after = view[span.end..].trim_start_matches(' ');
    NAME_CLASSES.iter().any(|n| before.ends_with(n) || after.starts_with(n))
}

/// What the input says of a word it writes as code.
#[derive(Default)]
struct Uses {
    /// How often it is written as inline code.
    code: usize,
    /// How often it is said bare in prose.
    bare: usize,
    /// Whether it is glossed somewhere, as code or bare, or named as a product.
    glossed: bool,
}

/// Whether `w` has the shape of an identifier that is also a word: ASCII letters and digits,
/// a letter first, some of them small (`setup`, `dataset`, `Array`, `useState`; not `API`,
/// whose capitals make it an acronym, nor `kebab-case` or `vue-loader`, names of packages).
fn is_identifier_word(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= MIN_IDENTIFIER_BYTES
        && b[0].is_ascii_alphabetic()
        && b.iter().all(u8::is_ascii_alphanumeric)
        && b.iter().any(u8::is_ascii_lowercase)
}

/// The identifier that inline code `code` (its backticks included) holds, if it holds one
/// alone, called or not (`` `setup` ``, `` `setup()` ``).
fn identifier_in(code: &str) -> Option<&str> {
    let inner = code.trim_matches('`').trim_matches(' ');
    let name = inner.strip_suffix("()").unwrap_or(inner);
    is_identifier_word(name).then_some(name)
}

/// The spans of the candidates of `doc` (in text order) that are identifiers said bare (see
/// the [module docs](self)): written as inline code alone somewhere in the input, glossed
/// nowhere, said bare no more often than written as code nor than [`MAX_BARE_MENTIONS`],
/// and not marked whole here.
pub(super) fn identifiers_said_bare(doc: &Document<'_>, cands: &[Candidate<'_>]) -> FxHashSet<Span> {
    let (text, view) = (doc.text(), doc.view());
    let mut uses: FxHashMap<&str, Uses> = FxHashMap::default();
    for code in doc.inline_code() {
        if let Some(name) = identifier_in(&text[code.range()]) {
            let u = uses.entry(name).or_default();
            u.code += 1;
            u.glossed |= is_glossed(view, code.start, code.end);
        }
    }
    if uses.is_empty() {
        return FxHashSet::default();
    }
    let mut said = Vec::new();
    for c in cands.iter().filter(|c| !c.title) {
        if let Some(u) = uses.get_mut(c.text) {
            u.glossed |= is_glossed(view, c.span.start, c.span.end) || is_named_as_product(view, c.span);
            if !is_marked_whole(doc, c.span) {
                u.bare += 1;
                said.push((c.span, c.text));
            }
        }
    }
    said.into_iter()
        .filter(|(_, w)| uses.get(w).is_some_and(|u| !u.glossed && u.bare <= u.code.min(MAX_BARE_MENTIONS)))
        .map(|(span, _)| span)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::assert_finds;

    #[test]
    fn words_written_as_code_are_identifiers_when_said_bare() {
        let table: &[(&str, &[&str])] = &[
            // called as code, then said bare: the bare one names the function
            ("组件在 `bootstrap()` 里初始化，即 bootstrap 上下文", &[]),
            ("组件在 `teardown()` 里清理，即 teardown 阶段", &[]),
            ("在 `init()` 里配置，init 只跑一次", &[]),
            ("用 `Matrix` 存放系数。\n\n#### Matrix {#matrix}\n\n它有两个维度", &[]),
            ("读取节点的 `bbox` 值，再看 bbox 里的宽度", &[]),
            ("用 `Buffer` 存放字节。Buffer 的长度固定", &[]),
            // a word glossed, as code or bare, is a concept the text explains
            ("`reducer`（归约器）把旧状态变成新状态，每个 reducer 都是纯函数", &["reducer"]),
            ("先写 `mixin`，再说 mixin（混入）的规则", &["mixin"]),
            // a word said bare more often than written as code, or again and again, is a
            // concept the text uses
            ("`thunk` 是一个函数。thunk 可以嵌套，thunk 也可以延迟", &["thunk", "thunk"]),
            (
                "`thunk`、`thunk()` 与 `thunk` 都行。thunk 可以嵌套，thunk 可以延迟，thunk 可以丢弃",
                &["thunk", "thunk", "thunk"],
            ),
            // linked or emphasised whole, a word is pointed at as a term; next to a noun of a
            // class of names it names a product
            ("用 `thunks` 声明，没有声明为 [thunks](./lazy) 的函数", &["thunks"]),
            ("安装 `Awaitility` 后，Awaitility 库就能用了", &["Awaitility"]),
            // acronyms and names of packages are not identifiers of this kind
            ("调用 `API`，再用 API 请求；安装 `vue-loader` 后配置 vue-loader", &["API", "vue-loader"]),
            // code that holds more than the word alone does not make it an identifier
            ("执行 `import Draggable from 'lib'` 后，用 Draggable 实现拖放", &["Draggable"]),
            // a word written as code in a different case is another word
            ("调用 `matrix()` 得到 Matrix 的值", &["Matrix"]),
            // an input without the word as code keeps it
            ("线性层 softmax 的输出", &["softmax"]),
        ];
        assert_finds(table);
    }
}
