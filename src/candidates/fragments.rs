//! Pieces of words and of pairs: a word cut short with a dot (`approx. (ms)`, `avg. loss`),
//! which abbreviates a word for a table's header, and the second half of a pair joined by a
//! spaced slash that shares its last words with the first (`Read / Write API`), which is
//! cut from the pair.

use super::kinds::is_common_word;
use super::Candidate;

/// A word cut short keeps at most this many letters (`approx.`, `succ.`); a longer one before
/// a dot is whole, and ends a sentence.
const MAX_CUT_BYTES: usize = 6;

/// Whether `c` is a short word in lowercase cut short with a dot, no word of general English: the
/// dot ends no sentence when what follows it opens none (`succ. (%)`, `approx. time`, `avg.
/// 3`). Terms are written in full, or as acronyms in capitals.
pub(super) fn is_cut_short(view: &str, c: &Candidate<'_>) -> bool {
    // (a word of English in full before a dot ends a sentence, whatever follows: `the
    // parameter. model.ckpt is`)
    if c.text.len() > MAX_CUT_BYTES || !c.text.bytes().all(|b| b.is_ascii_lowercase()) || is_common_word(c.text) {
        return false;
    }
    let Some(after) = view[c.span.end..].strip_prefix(". ") else { return false };
    after.bytes().next().is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'(' || b == b'%')
}

/// Whether `c`, of two words or more, follows a lone Latin word and a slash spaced from it
/// (`Read / Write API`): the pair shares the last words (a read API and a write API), and
/// the second half alone is a piece of it.
pub(super) fn is_second_of_pair(view: &str, c: &Candidate<'_>) -> bool {
    if !c.text.contains(' ') {
        return false;
    }
    let before = view[..c.span.start].trim_end_matches(' ');
    let Some(first) = before.strip_suffix('/') else { return false };
    // (the slash spaced on its left too: `a/b c` is one word, a path or a pair of names)
    if !first.ends_with(' ') {
        return false;
    }
    // one word before the slash, as the pair shares the rest (`Read / Write API`); with more,
    // each half is whole (`Timestamp Extractors / Watermark Emitters`)
    let first = first.trim_end_matches(' ');
    let word = first.len() - first.trim_end_matches(|ch: char| ch.is_ascii_alphanumeric() || ch == '-').len();
    let before = &first[..first.len() - word];
    word > 0 && before.trim_end_matches(' ').chars().next_back().is_none_or(|ch| !ch.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::super::assert_finds;

    #[test]
    fn words_cut_short_with_a_dot_are_no_terms() {
        let table: &[(&str, &[&str])] = &[
            ("| 模型 | approx. (ms) | avg. loss |\n|---|---|---|\n| Mamba | 3 | 0.2 |", &["loss", "Mamba"]),
            ("用 Redis 缓存，延迟 approx. 3 ms", &["Redis"]),
            // a sentence's full stop, an acronym, a name with a dot stay
            ("我们用 pandas. Pandas 很好用", &["pandas", "Pandas"]),
            ("它基于 Node.js 与 TF-IDF. (见下文)", &["Node.js", "TF-IDF"]),
        ];
        assert_finds(table);
    }

    #[test]
    fn a_word_in_full_before_a_dot_ends_a_sentence() {
        use super::super::Candidate;
        use crate::model::Span;
        for (text, word, cut) in [
            ("| approx. (ms) |", "approx", true),
            ("the path of the file. model.bin is next", "file", false),
            ("the path of the checkpoint. model.bin is next", "checkpoint", false),
            ("the argument of the parameter. see below", "parameter", false),
            ("The approx. Value", "approx", false),
        ] {
            let start = text.find(word).unwrap_or(0);
            let c = Candidate { span: Span::new(start, start + word.len()), text: word, title: false };
            assert_eq!(super::is_cut_short(text, &c), cut, "{text}");
        }
    }

    #[test]
    fn the_second_half_of_a_slash_pair_is_no_term() {
        let table: &[(&str, &[&str])] = &[
            ("用 Publish / Subscribe Pattern 解耦服务", &[]),
            ("Kafka / RabbitMQ Streams 都能做到", &["Kafka"]),
            // two whole names paired stay
            ("Stream Sources / Window Operators 是两个模块", &["Stream Sources", "Window Operators"]),
            // a pair of names alone, or one word of letters and slashes, stays whole
            ("协议栈 TCP / IP 很常见", &["TCP", "IP"]),
            ("使用 TCP/IP stack 通信", &["TCP/IP stack"]),
            // a slash after Chinese joins no pair of English
            ("数据 / Feature Store 用于训练", &["Feature Store"]),
        ];
        assert_finds(table);
    }
}
