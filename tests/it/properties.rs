//! Properties of extraction on arbitrary input: no panics, every span a valid slice of the
//! input showing the form it is recorded for, and a CSV that parses back.

use proptest::prelude::*;
use proptest::sample::select;
use std::sync::OnceLock;
use termbridge::{Extractor, Glossary, Markup, Source};

/// One extractor per markup, built once: building loads the segmenter's dictionary.
fn extractor(markup: Markup) -> &'static Extractor {
    static MARKDOWN: OnceLock<Extractor> = OnceLock::new();
    static PLAIN: OnceLock<Extractor> = OnceLock::new();
    let cell = match markup {
        Markup::Plain => &PLAIN,
        _ => &MARKDOWN,
    };
    cell.get_or_init(|| Extractor::builder().markup(markup).build().expect("build extractor"))
}

/// 256 cases (`PROPTEST_CASES` overrides), no regression files.
fn config() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(256),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

const MARKUPS: [Markup; 2] = [Markup::Markdown, Markup::Plain];

const CJK: &str = "检索增强生成大语言模型注意力机制随机梯度下降过拟合的是在和了我们使用即也叫简称称为中文";
const PUNCTUATION: &str = "（）()，,、。*_`\\<>[]《》「」“”:/.-'";
const OTHER: &str = "\r\t\u{feff}\u{3000}\u{a0}#+$~!?&\"|=;é’—…；：";
/// Full-width Latin letters and dot (see `fullwidth_latin_never_panics`).
const FULLWIDTH: &str = "ＡＢＣａｂｃｅｍｏｉ．";

fn chars_of(s: &'static str) -> Vec<char> {
    s.chars().collect()
}

/// Single characters, weighted so that runs of Latin letters, CJK and the punctuation the
/// scanners care about all turn up often.
fn mixed_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => select(chars_of(CJK)),
        4 => prop_oneof![b'a'..=b'z', b'A'..=b'Z'].prop_map(char::from),
        1 => (b'0'..=b'9').prop_map(char::from),
        2 => Just(' '),
        3 => select(chars_of(PUNCTUATION)),
        1 => Just('\n'),
        1 => select(chars_of(OTHER)),
    ]
}

fn mixed_chars() -> impl Strategy<Value = String> {
    proptest::collection::vec(mixed_char(), 0..160).prop_map(String::from_iter)
}

/// Whole tokens: English words and terms, Chinese words, glossing punctuation, Markdown
/// markup and whitespace, so that glosses, acronyms, titles, emphasis and code turn up.
fn tokens() -> impl Strategy<Value = String> {
    const TOKENS: &[&str] = &[
        // English
        "Retrieval-Augmented",
        "Generation",
        "RAG",
        "LLM",
        "LLMs",
        "large",
        "language",
        "model",
        "models",
        "stochastic gradient descent",
        "the",
        "of",
        "and",
        "is",
        "we",
        "a",
        "x",
        "C++",
        "C#",
        "Node.js",
        "GPT-4o",
        "Llama-3.1",
        "TCP/IP",
        "Hugging Face's",
        "v2",
        "x1",
        "16GB",
        "2024",
        "e.g.",
        "foo()",
        "max_len",
        "np.array",
        "main.rs",
        "example.com",
        "https://x.org/a_b",
        "bob@example.org",
        "Figure 3",
        "Mixture of Experts",
        "ﬁne-tuning",
        // Chinese
        "检索增强生成",
        "大语言模型",
        "随机梯度下降",
        "注意力机制",
        "我们比较了",
        "使用",
        "的",
        "即",
        "也叫",
        "简称",
        "又称",
        "中文",
        // glossing punctuation
        "（",
        "）",
        "(",
        ")",
        "，",
        ",",
        "、",
        "。",
        "：",
        ":",
        "；",
        "/",
        "-",
        ".",
        "'",
        "’",
        // markup and quotes
        "*",
        "**",
        "_",
        "__",
        "~~",
        "`",
        "```\n",
        "$",
        "$$",
        "<u>",
        "</u>",
        "<em>",
        "</em>",
        "<!--",
        "-->",
        "---\n",
        "[",
        "](",
        "]",
        "《",
        "》",
        "〈",
        "〉",
        "「",
        "」",
        "『",
        "』",
        "“",
        "”",
        "\"",
        "# ",
        "> ",
        "- ",
        "| ",
        ":numref:",
        // whitespace
        " ",
        " ",
        "  ",
        "\n",
        "\n\n",
        "\r\n",
        "\t",
        "\u{3000}",
        "\u{a0}",
        "\u{feff}",
    ];
    let token = prop_oneof![
        6 => select(TOKENS).prop_map(str::to_string),
        1 => gloss(),
    ];
    proptest::collection::vec(token, 0..60).prop_map(|v| v.concat())
}

/// A Chinese term glossed with its English and perhaps an acronym, the pattern the aligner
/// looks for: `检索增强生成（Retrieval-Augmented Generation，RAG）`.
fn gloss() -> impl Strategy<Value = String> {
    const CHINESE: &[&str] = &[
        "检索增强生成",
        "大语言模型",
        "随机梯度下降",
        "*注意力机制*",
        "**过拟合**",
        "「知识蒸馏」",
        "HTTP 请求头",
        "模型",
        "的",
        "",
    ];
    const ENGLISH: &[&str] = &[
        "Retrieval-Augmented Generation",
        "retrieval augmented generation",
        "large language model",
        "large language models",
        "stochastic gradient descent",
        "attention mechanism",
        "overfitting",
        "knowledge distillation",
        "HTTP request header",
        "RAG",
        "the model",
        "C++",
        "x",
        "",
    ];
    const ACRONYMS: &[&str] = &["RAG", "LLM", "LLMs", "SGD", "KD", "GPT-4o", "R", ""];
    (
        select(CHINESE),
        select(&["（", "(", " (", "（即", "，即 ", "，简称 ", "，又称"][..]),
        select(ENGLISH),
        select(&["", "，", ",", "；", ", ", "，简称 "][..]),
        select(ACRONYMS),
        select(&["）", ")", "", "。"][..]),
    )
        .prop_map(|(zh, open, en, sep, ab, close)| {
            let ab = if sep.is_empty() { "" } else { ab };
            format!("{zh}{open}{en}{sep}{ab}{close}")
        })
}

/// The strategies of interest for the structural properties.
fn interesting() -> impl Strategy<Value = String> {
    prop_oneof![mixed_chars(), tokens(), any::<String>()]
}

fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every occurrence of every entry is a char-boundary span of its source's text that shows
/// one of the entry's English forms.
fn check_occurrences(texts: &[&str], glossary: &Glossary) -> Result<(), TestCaseError> {
    for entry in glossary.entries() {
        prop_assert!(!entry.occurrences.is_empty(), "{entry:?}");
        prop_assert_eq!(entry.frequency, entry.occurrences.len(), "{:?}", entry);
        for o in &entry.occurrences {
            prop_assert!(o.source < texts.len(), "{o:?}");
            let text = texts[o.source];
            let Some(slice) = text.get(o.span.range()) else {
                return Err(TestCaseError::fail(format!(
                    "{o:?} of {:?} is not a char-boundary range of {text:?}",
                    entry.english
                )));
            };
            let form = collapse_whitespace(slice);
            prop_assert!(
                form == entry.english
                    || entry.abbreviation.as_deref() == Some(form.as_str())
                    || entry.variants.contains(&form),
                "{:?} at {:?} is none of the forms of {:?}",
                form,
                o,
                entry
            );
            prop_assert_eq!(o.line, text[..o.span.start].matches('\n').count() + 1);
        }
    }
    Ok(())
}

/// The CSV parses back: a header and one row per entry, of the crate's columns and `status`
/// when some entry is kept in English.
fn check_csv(glossary: &Glossary) -> Result<(), TestCaseError> {
    let mut out = Vec::new();
    glossary.write_csv(&mut out).expect("write_csv to a Vec");
    let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(out.as_slice());
    let mut header = termbridge::CSV_HEADER.to_vec();
    if glossary.entries().iter().any(|e| e.is_kept_in_english()) {
        header.push("status");
    }
    prop_assert_eq!(reader.headers().expect("header").iter().collect::<Vec<_>>(), header.clone());
    let rows: Vec<csv::StringRecord> = reader
        .records()
        .collect::<Result<_, _>>()
        .map_err(|e| TestCaseError::fail(format!("CSV does not parse: {e}")))?;
    prop_assert_eq!(rows.len(), glossary.len());
    for (row, entry) in rows.iter().zip(glossary.entries()) {
        prop_assert_eq!(row.len(), header.len());
        prop_assert_eq!(&row[0], entry.english.as_str());
        prop_assert_eq!(&row[9], entry.source.as_str());
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn extract_never_panics_on_mixed_chars(text in mixed_chars()) {
        for markup in MARKUPS {
            extractor(markup).extract(&text);
        }
    }

    #[test]
    fn extract_never_panics_on_tokens(text in tokens()) {
        for markup in MARKUPS {
            extractor(markup).extract(&text);
        }
    }

    #[test]
    fn extract_never_panics_on_any_string(text in any::<String>()) {
        for markup in MARKUPS {
            extractor(markup).extract(&text);
        }
    }

    #[test]
    fn occurrence_spans_show_the_entry_forms(text in interesting()) {
        for markup in MARKUPS {
            let glossary = extractor(markup).extract(&text);
            check_occurrences(&[&text], &glossary)?;
        }
    }

    #[test]
    fn occurrence_spans_index_their_own_source(
        a in interesting(),
        b in interesting(),
        markup_a in select(MARKUPS.to_vec()),
        markup_b in select(MARKUPS.to_vec()),
    ) {
        let sources = [
            Source { name: "a.md", text: &a, markup: markup_a },
            Source { name: "b.txt", text: &b, markup: markup_b },
        ];
        let glossary = extractor(Markup::Markdown).extract_sources(&sources);
        check_occurrences(&[&a, &b], &glossary)?;
        check_csv(&glossary)?;
    }

    #[test]
    fn csv_parses_back_with_one_row_per_entry(text in interesting()) {
        for markup in MARKUPS {
            let glossary = extractor(markup).extract(&text);
            check_csv(&glossary)?;
        }
    }
}

/// Like [`mixed_chars`], with full-width Latin letters and dots (`ｅｘａｍｐｌｅ．ｃｏｍ`).
fn mixed_chars_with_fullwidth() -> impl Strategy<Value = String> {
    let c = prop_oneof![4 => mixed_char(), 3 => select(chars_of(FULLWIDTH)), 1 => Just('.')];
    proptest::collection::vec(c, 0..160).prop_map(String::from_iter)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn fullwidth_latin_never_panics(text in mixed_chars_with_fullwidth()) {
        for markup in MARKUPS {
            let glossary = extractor(markup).extract(&text);
            check_occurrences(&[&text], &glossary)?;
        }
    }
}

/// Regression: `word_is_noise` once found a dot in the folded word and sliced the original
/// one with it, a char-boundary panic on full-width letters before a top-level domain.
#[test]
fn fullwidth_domain_like_words_do_not_panic() {
    let table: &[&str] = &[
        "ａ.com",
        "访问 ｅｘａｍｐｌｅ．ｃｏｍ 获取数据。",
        "访问 example．ｃｏｍ 获取数据。",
        "用 ＧＰＴ．ａｉ 写代码",
        "Ｔｒａｎｓｆｏｒｍｅｒexample.com",
    ];
    for text in table {
        for markup in MARKUPS {
            let glossary = extractor(markup).extract(text);
            check_occurrences(&[text], &glossary).unwrap();
        }
    }
}

/// The strategies are worth their cases: they often give inputs with glossed terms.
#[test]
fn strategies_reach_glossed_terms() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let (mut entries, mut glossed) = (0, 0);
    let tokens = tokens();
    let chars = mixed_chars();
    for _ in 0..200 {
        for text in [tokens.new_tree(&mut runner).unwrap().current(), chars.new_tree(&mut runner).unwrap().current()] {
            let glossary = extractor(Markup::Markdown).extract(&text);
            entries += glossary.len();
            glossed += glossary.entries().iter().filter(|e| !e.chinese.is_empty()).count();
        }
    }
    assert!(entries >= 400, "{entries} entries from 400 inputs");
    assert!(glossed >= 100, "{glossed} glossed entries from 400 inputs");
}

/// Hand-picked inputs for the same checks: cases found by the properties above stay here.
#[test]
fn known_tricky_inputs() {
    let table: &[&str] = &[
        "",
        "\u{feff}",
        "（",
        "（）",
        "RAG（",
        "（RAG",
        "检索增强生成（Retrieval-Augmented Generation，RAG）。RAG 很有效。",
        "《Attention Is All You Need》",
        "《》（）",
        "**随机梯度下降**（stochastic gradient descent）",
        "*（a b）*",
        "`code`（code）",
        "```\n（x y）\n```",
        "大语言模型（large\nlanguage model，LLM）",
        "大语言模型（large language model，LLM）\r\nLLMs 很大。",
        "Ｔｒａｎｓｆｏｒｍｅｒ（变换器）",
        "\u{3000}（\u{3000}ab\u{3000}）",
        "C++（西加加）C#（西井）",
        "即（即）也叫（也叫）",
    ];
    for text in table {
        for markup in MARKUPS {
            let glossary = extractor(markup).extract(text);
            check_occurrences(&[text], &glossary).unwrap_or_else(|e| panic!("{text:?}: {e}"));
            check_csv(&glossary).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        }
    }
}
