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
/// ...or, of two words or more, an exclamation or a question (`“Hey Siri!”`, `“Ready?”` is one
/// word: a name may end with one, `Yahoo!`), or words mostly in lowercase that open with an
/// article (`“a crane driver came”`): an utterance or an example phrase.
pub(super) fn in_quoted_sentence(doc: &Document<'_>, span: Span) -> bool {
    let Some(quote) = doc.quote_around(span) else { return false };
    let inner = doc.view()[quote.range()].trim_end();
    let words: Vec<&str> = inner.split_whitespace().collect();
    if inner.chars().any(is_cjk) {
        return false;
    }
    if words.len() >= MIN_EXCLAIMED_WORDS && inner.ends_with(['!', '?', '！', '？']) {
        return true;
    }
    if words.len() < MIN_QUOTED_SENTENCE_WORDS {
        return false;
    }
    let stopped = inner.ends_with(['.', '!', '?']) && !inner.ends_with("...");
    stopped || says_what_is(&words) || opens_with_article(&words)
}

/// An exclamation or a question quoted has at least this many words: one word may be a name
/// that ends with the mark (`Yahoo!`).
const MIN_EXCLAIMED_WORDS: usize = 2;

/// Articles, which open a phrase or a sentence in lowercase and never a term.
const ARTICLES: &[&str] = &["a", "an", "the"];

/// Whether `words` (of a quotation) open with an article in lowercase and more than half of
/// the words after it are in lowercase (`a crane driver came`; not `The Art of Computer
/// Programming`).
fn opens_with_article(words: &[&str]) -> bool {
    let rest = &words[1..];
    let lower = rest.iter().filter(|w| w.starts_with(|c: char| c.is_ascii_lowercase())).count();
    ARTICLES.contains(&words[0]) && 2 * lower > rest.len()
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

/// Words after which a quoted English word is a value or a label that the text shows, not a
/// term it uses: `标记为“Truth”`, `缺失值被标为“NA”`, `包含值“low”和“high”`.
const VALUE_CUES: &[&str] = &["标记为", "标记成", "标为", "标注为", "记为", "值为", "取值为", "值"];

/// Words that join quoted values in a list (`值“low”和“high”`).
const VALUE_JOINTS: &[&str] = &["和", "或", "、", "与", "及", ",", "，"];

/// A list of quoted values is followed back at most this many items to its cue.
const MAX_VALUES_LISTED: usize = 8;

/// Whether the English at `span` is quoted whole as a value or an example token, not as a
/// term: the quotation abuts another one (`“the”“man”“loves”`, a sequence of tokens), or
/// follows a cue of [`VALUE_CUES`], alone or in a list of quoted values joined by
/// [`VALUE_JOINTS`] (`标记为“Truth”`, `取值“yes”或“no”`).
pub(super) fn is_quoted_value(doc: &Document<'_>, span: Span) -> bool {
    let view = doc.view();
    let Some(quote) = doc.quote_around(span) else { return false };
    if view[quote.range()].trim() != &view[span.range()] {
        return false;
    }
    let Some(mut before) = view[..quote.start].strip_suffix(OPENING) else { return false };
    let Some(after) = view[quote.end..].strip_prefix(CLOSING) else { return false };
    if after.trim_start_matches(' ').starts_with(OPENING) || before.trim_end_matches(' ').ends_with(CLOSING) {
        return true;
    }
    for _ in 0..MAX_VALUES_LISTED {
        let b = before.trim_end_matches(' ');
        if VALUE_CUES.iter().any(|c| b.ends_with(c)) {
            return true;
        }
        // the quotation before, across a joint: `“low”和` before `“high”`
        let Some(joint) = VALUE_JOINTS.iter().find_map(|j| b.strip_suffix(j)) else { return false };
        let Some(closed) = joint.trim_end_matches(' ').strip_suffix(CLOSING) else { return false };
        let Some(open) = closed.rfind(OPENING) else { return false };
        let item = &closed[open..];
        let item = item.strip_prefix(OPENING).unwrap_or(item);
        if item.is_empty() || item.chars().any(is_cjk) || item.contains(CLOSING) {
            return false;
        }
        before = &closed[..open];
    }
    false
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
            // an exclamation or a question of two words or more, in either width
            ("她对音箱喊了一声“Okay Robot！”，灯就亮了", &[]),
            ("弹窗问“Save Changes?”时选否，再打开 Kubernetes 面板", &["Kubernetes"]),
            // one word with its mark may be a name
            ("早年的门户“Yahoo!”很有名", &["Yahoo"]),
            // an example phrase that opens with an article
            ("在“the bank of a river”和“a bank account”里，词义完全不同", &[]),
            ("这本书叫“The Pragmatic Programmer”，值得一读", &["The Pragmatic Programmer"]),
        ];
        assert_finds(table);
    }

    #[test]
    fn quoted_values_and_tokens_are_no_terms() {
        let table: &[(&str, &[&str])] = &[
            // a sequence of quoted tokens
            ("输入的词元依次是“Les”“chats”“dorment”“.”。", &[]),
            ("把“Deep”“Learning”两个词元拼起来", &[]),
            // values and labels after their cue, alone or listed
            ("未知的值一律标记为“Unk”，再交给模型", &[]),
            ("图中的虚线被标为“Baseline”，实线是 Kubernetes 集群的负载", &["Kubernetes"]),
            ("这一列只有值“Yes”和“Maybe”两种", &[]),
            ("字段的取值为“Gold”、“Silver”或“Bronze”", &[]),
            // a term named, glossed or quoted alone stays
            ("这种结构称为“Transformer”，它由编码器组成", &["Transformer"]),
            ("标记为“Deprecated”（已弃用）的接口", &["Deprecated"]),
            ("我们用“Kafka”和“Pulsar”传递消息", &["Kafka", "Pulsar"]),
            // a quotation that holds more than the word
            ("这个配置项的值为“Kafka 集群”的地址", &["Kafka"]),
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
