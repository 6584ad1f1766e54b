//! Lines written in English: an abstract quoted in the original language, a blockquote of an
//! English source, a sentence left untranslated. Their words are English among English, not
//! English embedded in Chinese: every phrase of them has the shape of a term (`privacy
//! concerns`, `review highlights emerging solutions`), and nothing tells which one a writer
//! means as a term. A candidate on such a line is kept only when the document also writes it
//! on a line of Chinese.
//!
//! A line is English when it has no Chinese character and at least
//! [`MIN_ENGLISH_LINE_WORDS`] words: a heading or a list item that is a name (`PageSpeed
//! Insights`, `- ChromeVox`) is not.

use super::Candidate;
use crate::model::Span;
use crate::text::chars::is_cjk;
use crate::text::lexicon::lower;
use rustc_hash::FxHashSet;

/// The fewest words of a line without Chinese that make it a line of English prose.
const MIN_ENGLISH_LINE_WORDS: usize = 8;

/// The lines of `view` written in English (see the [module docs](self)), in text order.
fn english_lines(view: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in view.split_inclusive('\n') {
        let end = start + line.len();
        // (only ASCII and marks: a byte of 0x80 or more may be Chinese)
        let chinese = !line.is_ascii() && line.chars().any(is_cjk);
        if !chinese && words(line) >= MIN_ENGLISH_LINE_WORDS {
            out.push(Span::new(start, end));
        }
        start = end;
    }
    out
}

/// The runs of ASCII letters in `line`.
fn words(line: &str) -> usize {
    let b = line.as_bytes();
    (0..b.len()).filter(|&i| b[i].is_ascii_alphabetic() && (i == 0 || !b[i - 1].is_ascii_alphabetic())).count()
}

/// Drops the candidates on lines of English that the document writes on no other line (see
/// the [module docs](self)); a title in `《》` stays.
pub(super) fn drop_english_lines(view: &str, cands: &mut Vec<Candidate<'_>>) {
    let lines = english_lines(view);
    if lines.is_empty() {
        return;
    }
    let on_english = |c: &Candidate<'_>| {
        let i = lines.partition_point(|l| l.end <= c.span.start);
        lines.get(i).is_some_and(|l| l.start <= c.span.start)
    };
    let elsewhere: FxHashSet<String> =
        cands.iter().filter(|c| !on_english(c)).map(|c| lower(c.text).into_owned()).collect();
    cands.retain(|c| c.title || !on_english(c) || elsewhere.contains(lower(c.text).as_ref()));
}

#[cfg(test)]
mod tests {
    use super::super::found_in_markdown;

    #[test]
    fn english_lines_give_only_what_chinese_lines_name_too() {
        let text = "检索增强生成（RAG）结合了检索与 large language models。\n\n\
                    > Retrieval-augmented generation (RAG) combines large language models with retrieval \
                    systems to improve factual grounding and reduce privacy concerns.\n";
        assert_eq!(found_in_markdown(text), ["RAG", "large language models", "RAG"]);
        // a short line without Chinese is a heading or a name, not English prose
        let text = "## PageSpeed Insights\n\n- ChromeVox\n\n我们用 PageSpeed Insights 测速。\n";
        assert_eq!(found_in_markdown(text), ["PageSpeed Insights", "ChromeVox", "PageSpeed Insights"]);
    }
}
