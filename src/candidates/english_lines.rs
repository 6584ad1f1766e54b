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
//!
//! A sentence of English quoted inside a line of Chinese (`他说：“验证很成功”（The pilot went
//! well, proving the progress that has been made）`) is read the same way.
//!
//! Lines of a program that a text leaves outside code blocks (a statement in a list item, a
//! parameter of a signature on a line of its own) are read the same way: their names are
//! the program's, and a row only when the document names them in Chinese prose too.

use super::Candidate;
use crate::model::Span;
use crate::text::chars::is_cjk;
use crate::text::lexicon::english::SENTENCE_WORDS;
use crate::text::lexicon::{in_list, lower, pack_list};
use rustc_hash::FxHashSet;
use std::sync::LazyLock;

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
        if !chinese && (words(line) >= MIN_ENGLISH_LINE_WORDS || is_code_line(line)) {
            out.push(Span::new(start, end));
        } else if chinese {
            english_stretches(line, start, &mut out);
        }
        start = end;
    }
    out
}

/// A stretch of English inside a line of Chinese reads as a sentence with at least this many
/// of its words ([`SENTENCE_WORDS`]: `the`, `that`, `has`…); a list of names has none.
const MIN_STRETCH_SENTENCE_WORDS: usize = 3;

/// Pushes the stretches of `line` (which starts at `offset`) that are English sentences
/// quoted in Chinese prose: between two characters outside ASCII (Chinese characters and
/// marks; a curly quote or an accented letter cuts a stretch too, so it errs on the side of
/// keeping), at least
/// [`MIN_ENGLISH_LINE_WORDS`] words and [`MIN_STRETCH_SENTENCE_WORDS`] words of sentences
/// (`（The pilot went well, proving the progress that has been made）`).
fn english_stretches(line: &str, offset: usize, out: &mut Vec<Span>) {
    static SENTENCE: LazyLock<Vec<u64>> = LazyLock::new(|| pack_list(&SENTENCE_WORDS));
    let bytes = line.as_bytes();
    // (words of a sentence are spaced: a line with fewer spaces holds none, and most lines of
    // Chinese are passed over by this count alone)
    if bytes.iter().filter(|&&b| b == b' ').count() + 1 < MIN_ENGLISH_LINE_WORDS {
        return;
    }
    // one pass over the bytes: a stretch ends at a byte outside ASCII (or the line's end), and
    // its words are counted on the way; only a long stretch is read again
    let (mut from, mut words) = (0, 0);
    for i in 0..=bytes.len() {
        let b = bytes.get(i).copied().unwrap_or(0x80);
        if b < 0x80 && b != b'\n' {
            if b.is_ascii_alphabetic() && (i == from || !bytes[i - 1].is_ascii_alphabetic()) {
                words += 1;
            }
            continue;
        }
        if words >= MIN_ENGLISH_LINE_WORDS {
            let clues = line[from..i]
                .split(|c: char| !c.is_ascii_alphabetic() && c != '\'')
                .filter(|w| !w.is_empty() && in_list(&SENTENCE, w, false))
                .count();
            if clues >= MIN_STRETCH_SENTENCE_WORDS {
                out.push(Span::new(offset + from, offset + i));
            }
        }
        // (a byte outside ASCII opens a character of several: the stretch goes on after it)
        from = i + 1;
        words = 0;
    }
}

/// Whether `line`, without Chinese, reads as a line of a program: it ends a statement or
/// opens or closes a block (`executor.shutdown();`, `class Task {`), or it declares one
/// parameter of a signature (`TimeUnit unit,`, `long keepAlive)`).
fn is_code_line(line: &str) -> bool {
    let t = line.trim();
    if t.ends_with([';', '{', '}']) {
        return true;
    }
    let Some(body) = t.strip_suffix([',', ')']) else { return false };
    let mut parts = body.split_whitespace();
    let (Some(ty), Some(name), None) = (parts.next(), parts.next(), parts.next()) else { return false };
    let identifier = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_alphanumeric() || b"_<>[],".contains(&b));
    // (a name in camelCase or with an underscore, or a type with capitals or brackets: no two
    // words of a sentence)
    let named =
        name.starts_with(|c: char| c.is_ascii_lowercase()) && name.bytes().any(|b| b.is_ascii_uppercase() || b == b'_');
    let typed = ty.bytes().any(|b| b.is_ascii_uppercase() || b == b'<');
    identifier(ty) && identifier(name) && (named || typed && name.bytes().all(|b| b.is_ascii_lowercase()))
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

    #[test]
    fn english_sentences_quoted_in_chinese_give_only_what_chinese_names_too() {
        let text = "他说，试点很成功（The pilot went very well, proving the progress that has been made \
                    with Hyperledger Fabric），Hyperledger Fabric 也更成熟了。";
        assert_eq!(found_in_markdown(text), ["Hyperledger Fabric"]);
        // names listed in English inside Chinese are no sentence
        let text = "它支持 MySQL, PostgreSQL, Oracle, SQL Server, DB2, SQLite, MariaDB 等数据库。";
        assert_eq!(
            found_in_markdown(text),
            ["MySQL", "PostgreSQL", "Oracle", "SQL Server", "DB2", "SQLite", "MariaDB"]
        );
    }

    #[test]
    fn lines_of_a_program_give_only_what_chinese_lines_name_too() {
        let text = "- 创建线程池：\n  WorkerPool pool = new WorkerPool(4, Duration.ofSeconds(5));\n  \
                    pool.submit(task);\n- 构造参数：\n  int poolSize,\n  Duration idleTime)\n\
                    WorkerPool 会复用线程。\n";
        assert_eq!(found_in_markdown(text), ["WorkerPool"]);
    }

    #[test]
    fn code_lines_end_statements_or_blocks_or_declare_a_parameter() {
        for (line, code) in [
            ("  WorkerPool pool = new WorkerPool(4);", true),
            ("class Task {", true),
            ("}", true),
            ("  int poolSize,", true),
            ("  Duration idle)", true),
            ("  Queue<Job> jobs,", true),
            // a heading, a name in a list, words of a sentence
            ("## Getting Started", false),
            ("- Apache Kafka", false),
            ("see below,", false),
            ("React Native)", false),
        ] {
            assert_eq!(super::is_code_line(line), code, "{line}");
        }
    }
}
