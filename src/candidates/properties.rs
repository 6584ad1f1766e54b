//! Properties of the first two stages on arbitrary input, under both markups: reading a
//! document and finding its candidates never panic, the view has the text's length, and every
//! candidate is a non-empty slice of the original text showing exactly its own text, in text
//! order without overlap. Full-width Latin letters and dots (`ｅｘａｍｐｌｅ．ｃｏｍ`) are
//! mixed in, because folding them while slicing the unfolded text is where offsets go wrong.

use super::{candidates, Candidate};
use crate::normalize::{Document, Markup};
use proptest::prelude::*;
use proptest::sample::select;

const MARKUPS: [Markup; 2] = [Markup::Markdown, Markup::Plain];

const CJK: &str =
    "检索增强生成大语言模型注意力机制随机梯度下降过拟合的是在和了我们使用即也叫简称称为中文获取数据写代码";
const PUNCTUATION: &str = "（）()《》「」“”，,、。；：:*_~`$\\<>[]/.-'\"#+&;@!?|=";
const FULLWIDTH: &str = "ＡＢＣＧＰＴａｂｃｅｍｏｉｘｌ．";
const SPACES: &str = "  \t\n\n\r\u{3000}\u{a0}\u{feff}";

/// Pieces that reach the rules for URLs, domains, code, emphasis, titles and glosses.
const TOKENS: &[&str] = &[
    "https://example.com/a_b",
    "www.x.org",
    "ann@example.com",
    "example.com",
    "ｅｘａｍｐｌｅ．ｃｏｍ",
    "ＧＰＴ．ａｉ",
    "Ｔｒａｎｓｆｏｒｍｅｒ",
    "main.rs",
    "Node.js",
    "torch.nn.Module",
    "v1.5",
    "16GB",
    "C++",
    "C#",
    "i.i.d.",
    "Figure 3",
    "the",
    "Mixture of Experts",
    "large language model",
    "RAG",
    "**",
    "*",
    "`",
    "```\n",
    "$",
    "《",
    "》",
    "（",
    "）",
    "<u>",
    "</u>",
    "[链接](https://x.y)",
    "&nbsp;",
    "---\n",
    "\n\n",
];

fn chars_of(s: &'static str) -> Vec<char> {
    s.chars().collect()
}

/// Single characters, weighted so that runs of Latin letters (in both widths), CJK and the
/// punctuation the scanners care about all turn up often.
fn mixed_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => select(chars_of(CJK)),
        4 => prop_oneof![b'a'..=b'z', b'A'..=b'Z'].prop_map(char::from),
        1 => (b'0'..=b'9').prop_map(char::from),
        3 => select(chars_of(PUNCTUATION)),
        3 => select(chars_of(FULLWIDTH)),
        1 => Just('.'),
        2 => select(chars_of(SPACES)),
    ]
}

fn mixed_chars() -> impl Strategy<Value = String> {
    proptest::collection::vec(mixed_char(), 0..160).prop_map(String::from_iter)
}

/// Tokens and single characters in any order.
fn mixed_tokens() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        2 => select(TOKENS).prop_map(str::to_string),
        3 => mixed_char().prop_map(String::from),
        1 => Just(" ".to_string()),
    ];
    proptest::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

/// No regression files: a failing input is printed, and kept in [`tricky_inputs`].
fn config() -> ProptestConfig {
    ProptestConfig { failure_persistence: None, ..ProptestConfig::default() }
}

/// Checks what the properties promise for `text` under `markup`; the candidates are returned.
fn check(text: &str, markup: Markup) -> Result<Vec<Candidate<'_>>, String> {
    let doc = Document::new(text, markup);
    if doc.view().len() != text.len() {
        return Err(format!("view of {} bytes for a text of {}", doc.view().len(), text.len()));
    }
    let found = candidates(&doc);
    let mut last_end = 0;
    for c in &found {
        if text.get(c.span.range()) != Some(c.text) {
            return Err(format!("{c:?} does not slice to its text"));
        }
        if c.text.is_empty() || c.span.start >= c.span.end {
            return Err(format!("{c:?} is empty"));
        }
        if c.span.start < last_end {
            return Err(format!("{c:?} overlaps or precedes the one before"));
        }
        last_end = c.span.end;
    }
    Ok(found)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn candidates_of_mixed_characters_slice_to_their_text(text in mixed_chars()) {
        for markup in MARKUPS {
            check(&text, markup).map_err(TestCaseError::fail)?;
        }
    }

    #[test]
    fn candidates_of_mixed_tokens_slice_to_their_text(text in mixed_tokens()) {
        for markup in MARKUPS {
            check(&text, markup).map_err(TestCaseError::fail)?;
        }
    }
}

/// Hand-picked inputs for the same checks: cases found by the properties above stay here.
#[test]
fn tricky_inputs() {
    let table: &[&str] = &[
        "",
        "\u{feff}",
        "ａ.com",
        "访问 ｅｘａｍｐｌｅ．ｃｏｍ 获取数据。",
        "访问 example．ｃｏｍ 获取数据。",
        "用 ＧＰＴ．ａｉ 写代码",
        "Ｔｒａｎｓｆｏｒｍｅｒexample.com",
        "Ｔｒａｎｓｆｏｒｍｅｒ（变换器）",
        "（",
        "（）",
        "《》（）",
        "《Attention Is All You Need》",
        "**随机梯度下降**（stochastic gradient descent）",
        "*（a b）*",
        "`code`（code）",
        "```\n（x y）\n```",
        "C++（西加加）C#（西井）",
        "\u{3000}（\u{3000}ab\u{3000}）",
    ];
    for text in table {
        for markup in MARKUPS {
            let checked = std::panic::catch_unwind(|| check(text, markup).map(|c| c.len()));
            match checked {
                Ok(Ok(_)) => {}
                Ok(Err(e)) => panic!("{text:?} ({markup:?}): {e}"),
                Err(_) => panic!("{text:?} ({markup:?}): panicked"),
            }
        }
    }
}
