//! English mentioned rather than used: a sentence quoted whole (`“Slow and steady, wins
//! the race.”`), whose pieces are no terms, and words given as examples of words with their
//! Chinese, both quoted (`“很”（"very"）`), whose Chinese translates a word, not a term.

use crate::model::Span;
use crate::normalize::Document;
use crate::text::chars::is_cjk;

/// A quoted sentence has at least this many words: a shorter quotation ending with a full
/// stop may be a name (`“Node.”`) or a word cut off.
const MIN_QUOTED_SENTENCE_WORDS: usize = 3;

/// Whether `span` lies inside quotation marks that hold an English sentence: no Chinese, at
/// least [`MIN_QUOTED_SENTENCE_WORDS`] words, and a full stop, a question or an exclamation
/// mark at its end (`“Practice makes perfect, they say.”`). A term is quoted without one.
/// ...or, without the mark, a verb of being in lowercase and words mostly in lowercase
/// (`“John Smith's car is new”`), as a title is not (`“Attention Is All You Need”`).
pub(super) fn in_quoted_sentence(doc: &Document<'_>, span: Span) -> bool {
    let Some(quote) = doc.quote_around(span) else { return false };
    let inner = doc.view()[quote.range()].trim_end();
    let words: Vec<&str> = inner.split_whitespace().collect();
    if words.len() < MIN_QUOTED_SENTENCE_WORDS || inner.chars().any(is_cjk) {
        return false;
    }
    let stopped = inner.ends_with(['.', '!', '?']) && !inner.ends_with("...");
    stopped || says_what_is(&words)
}

/// Verbs of being, which a sentence has and a term or a title in lowercase rarely does.
const BEING: &[&str] = &["is", "are", "was", "were", "isn't", "aren't"];

/// Whether `words` (of a quotation) read as a sentence without its full stop: a verb of
/// [`BEING`] after the first word, and more than half of the words after the first in
/// lowercase.
fn says_what_is(words: &[&str]) -> bool {
    let rest = &words[1..];
    let lower = rest.iter().filter(|w| w.starts_with(|c: char| c.is_ascii_lowercase())).count();
    rest.iter().any(|w| BEING.contains(w)) && 2 * lower > rest.len()
}

/// Opening and closing quotation marks, as written around a word given as an example.
const OPENING: [char; 4] = ['“', '"', '「', '‘'];
const CLOSING: [char; 4] = ['”', '"', '」', '’'];

/// Whether the quoted English at `start..end` of `view` is paired, in brackets, with a
/// quoted Chinese word: `“很”（"very"）` or `"very"（“很”）`. Words given as examples of
/// words come so (`如“好”（"good"）和“不”（"not"）`); a term glossed has its Chinese unquoted
/// on one side at least (`“注意力”（attention）`, `注意力（“attention”）`).
pub(super) fn is_quoted_pair(view: &str, start: usize, end: usize) -> bool {
    let before = &view[..start];
    let after = &view[end..];
    // `“很”（"very"）`: a closing mark, a bracket and an opening mark before the English
    let chinese_before = before
        .strip_suffix(OPENING)
        .and_then(|b| b.strip_suffix(['（', '(']))
        .and_then(|b| b.strip_suffix(CLOSING))
        .and_then(|b| b.chars().next_back())
        .is_some_and(is_cjk);
    if chinese_before && after.starts_with(CLOSING) {
        return true;
    }
    // `"very"（“很”）`: the English quoted, then brackets opening with a quoted Chinese word
    before.ends_with(OPENING)
        && after
            .strip_prefix(CLOSING)
            .and_then(|a| a.strip_prefix(['（', '(']))
            .and_then(|a| a.strip_prefix(OPENING))
            .and_then(|a| a.chars().next())
            .is_some_and(is_cjk)
}

#[cfg(test)]
mod tests {
    use super::super::assert_finds;

    #[test]
    fn a_verb_of_being_in_lowercase_words_says_what_is() {
        for (quote, want) in [
            ("John Smith's car is new", true),
            ("the model is ready", true),
            ("Attention Is All You Need", false),
            ("What Is Kubernetes", false),
            ("gradient descent with momentum", false),
        ] {
            let words: Vec<&str> = quote.split_whitespace().collect();
            assert_eq!(super::says_what_is(&words), want, "{quote}");
        }
    }

    #[test]
    fn pieces_of_a_quoted_sentence_are_no_terms() {
        let table: &[(&str, &[&str])] = &[
            ("老话说“Slow and steady, wins the race.”，Kafka 也一样", &["Kafka"]),
            ("他常说“Measure twice, cut once!”然后用 Terraform 部署", &["Terraform"]),
            // a quoted term has no full stop, a quoted name may be short
            ("这种方法叫“Rapid Application Development”", &["Rapid Application Development"]),
            ("框架“Svelte”很流行", &["Svelte"]),
            // an ellipsis cuts a quoted term off; it ends no sentence
            ("他在“Memory Profiler ...”里看了内存", &["Memory Profiler"]),
            // a verb of being and words in lowercase: a sentence without its full stop
            ("例句“Jane Doe's cat is black”的标注见下文，用 Kubernetes 完成", &["Kubernetes"]),
            // Chinese in the quotation: a sentence of Chinese naming a term
            ("他说“我们用 Redis Cluster 做缓存。”", &["Redis Cluster"]),
        ];
        assert_finds(table);
    }

    #[test]
    fn words_quoted_as_examples_of_words_are_no_terms() {
        let table: &[(&str, &[&str])] = &[
            ("可以填入不同的词，如“快”（\"quick\"）、“慢”（\"slow\"）或“很”（\"quite\"）", &[]),
            ("副词\"rather\"（“相当”）在句中修饰形容词", &[]),
            // a term glossed with its Chinese unquoted on one side stays
            ("模型的“注意力”（attention）集中在句首", &["attention"]),
            ("这里的鲁棒性（“robust”）指抗干扰", &["robust"]),
            // a term, not a word of general English, stays however it is quoted
            ("称为“变换器”（\"Transformer\"）的模型", &["Transformer"]),
        ];
        assert_finds(table);
    }
}
