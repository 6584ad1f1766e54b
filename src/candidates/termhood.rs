//! Termhood: whether a candidate that has the shape of a term is one, from evidence in its
//! document. Shape alone lets through plain English used as words (`such`, `left`, `done`),
//! fragments of sentences (`which means`, `thereby reducing`), literals of code (`True`,
//! `None`) and the names and handles of metadata and credit lines (`译者：alice99`).
//!
//! * A candidate in lowercase made only of common words ([`COMMON_WORDS`], function words) is
//!   dropped unless the document glosses it somewhere (`多样（diverse）`, `diverse（多样）`) or,
//!   for a run of several words, repeats it word for word; capitals, acronyms and digits are
//!   evidence of a name and keep it (`Solid`, `Nature`, `SET`).
//! * A code literal ([`CODE_LITERALS`]) is dropped unless glossed.
//! * Any candidate after a credit label and a colon on its line ([`CREDIT_LABELS`]) is
//!   dropped: what follows `译者：`, `校对：`, `图片来源：` names people and sources.
//!
//! A title in `《》` is kept whatever it holds.

use super::Candidate;
use crate::normalize::{Document, MARK};
use crate::text::chars::{fold, is_cjk};
use crate::text::lexicon::chinese::CREDIT_LABELS;
use crate::text::lexicon::english::{CODE_LITERALS, COMMON_WORDS};
use crate::text::lexicon::{is_function_word, lower};
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

/// A run of common words that a document repeats this often is a term (`open source`): a
/// fragment of a sentence rarely recurs word for word.
const MIN_REPEATS: usize = 3;

/// What a candidate is, before the document's evidence.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Anything with the marks of a name or term.
    Term,
    /// Lowercase common words only: one word, or a run of several.
    Common { words: usize },
    /// A literal of code.
    Literal,
}

/// Drops from `cands` (the candidates of `doc`, in text order) those that the evidence of
/// the document says are not terms (see the [module docs](self)).
pub(super) fn keep_terms(doc: &Document<'_>, cands: &mut Vec<Candidate<'_>>) {
    let view = doc.view();
    let kinds: Vec<Kind> = cands.iter().map(|c| if c.title { Kind::Term } else { kind(c.text) }).collect();
    if kinds.iter().all(|k| *k == Kind::Term) && !has_colon(view) {
        return;
    }
    // the forms the document glosses somewhere, and how often each run of common words occurs
    let mut glossed: FxHashSet<String> = FxHashSet::default();
    let mut repeats: FxHashMap<String, usize> = FxHashMap::default();
    for (c, k) in cands.iter().zip(&kinds) {
        if *k == Kind::Term {
            continue;
        }
        let key = lower(c.text).into_owned();
        if is_glossed(view, c.span.start, c.span.end) {
            glossed.insert(key.clone());
        }
        *repeats.entry(key).or_default() += 1;
    }
    let mut credit = CreditLines::default();
    let mut i = 0;
    cands.retain(|c| {
        let k = kinds[i];
        i += 1;
        if !c.title && credit.after_label(view, c.span.start) {
            return false;
        }
        let key = || lower(c.text);
        match k {
            Kind::Term => true,
            Kind::Literal => glossed.contains(key().as_ref()),
            Kind::Common { words } => {
                glossed.contains(key().as_ref()) || words > 1 && repeats.get(key().as_ref()) >= Some(&MIN_REPEATS)
            }
        }
    });
}

/// The kind of a candidate's text.
fn kind(text: &str) -> Kind {
    static LITERALS: LazyLock<FxHashSet<&str>> = LazyLock::new(|| CODE_LITERALS.iter().copied().collect());
    if LITERALS.contains(lower(text).as_ref()) {
        return Kind::Literal;
    }
    let mut words = 0;
    for w in text.split(' ') {
        words += 1;
        let lowercase = w.chars().all(|c| fold(c).is_ascii_lowercase());
        if !lowercase || !(is_common_word(w) || is_function_word(w)) {
            return Kind::Term;
        }
    }
    Kind::Common { words }
}

/// Whether `w` (lowercase) is a common word or one of its inflections: `values`, `holding`,
/// `reduced`, `means`, `easily`.
fn is_common_word(w: &str) -> bool {
    static COMMON: LazyLock<FxHashSet<&str>> = LazyLock::new(|| COMMON_WORDS.iter().copied().collect());
    let w = lower(w);
    let w = w.as_ref();
    let has = |s: &str| COMMON.contains(s);
    let stem_e = |stem: &str| has(stem) || has(&format!("{stem}e"));
    has(w)
        || w.strip_suffix('s').is_some_and(has)
        || w.strip_suffix("es").is_some_and(has)
        || w.strip_suffix("ies").is_some_and(|s| has(&format!("{s}y")))
        || w.strip_suffix("ing").is_some_and(stem_e)
        || w.strip_suffix("ed").is_some_and(stem_e)
        || w.strip_suffix("ly").is_some_and(has)
}

/// Whether the English at `start..end` of `view` is glossed there: in brackets right after
/// Chinese (`多样（diverse）`), or right before brackets that open with Chinese
/// (`diverse（多样）`).
fn is_glossed(view: &str, start: usize, end: usize) -> bool {
    let opens = |c: char| c == '(' || c == '（';
    let after = view[end..].trim_start_matches(' ');
    let mut a = after.chars();
    if a.next().is_some_and(opens) && a.next().is_some_and(is_cjk) {
        return true;
    }
    let before = view[..start].trim_end_matches(' ');
    let mut b = before.chars().rev();
    b.next().is_some_and(opens)
        && b.find(|&c| c != ' ' && c != char::from(MARK))
            .is_some_and(|c| is_cjk(c) || matches!(c, '”' | '」' | '』' | '》' | ')' | '）'))
}

/// Whether `view` holds a colon at all: without one there is no credit line.
fn has_colon(view: &str) -> bool {
    memchr::memchr(b':', view.as_bytes()).is_some() || view.contains('：')
}

/// The answer for the line looked at last: candidates come in text order, so a line is
/// looked at once.
#[derive(Default)]
struct CreditLines {
    /// The line's start and end, and where its first credit label and colon end (if it has
    /// one).
    line: Option<(usize, usize, Option<usize>)>,
}

impl CreditLines {
    /// Whether `at` follows a credit label and a colon on its line. A line is searched for
    /// its ends once, when the first candidate on it is asked about, so that a text of one
    /// long line costs one pass, not one per candidate.
    fn after_label(&mut self, view: &str, at: usize) -> bool {
        let label_end = match self.line {
            Some((start, end, label)) if (start..=end).contains(&at) => label,
            _ => {
                let bytes = view.as_bytes();
                let start = self.line.map_or(0, |(_, end, _)| end.min(at));
                let line_start = memchr::memrchr(b'\n', &bytes[start..at]).map_or(start, |p| start + p + 1);
                let line_end = memchr::memchr(b'\n', &bytes[at..]).map_or(view.len(), |p| at + p);
                let label = first_label_end(&view[line_start..line_end]).map(|e| line_start + e);
                self.line = Some((line_start, line_end, label));
                label
            }
        };
        label_end.is_some_and(|e| e <= at)
    }
}

/// Where the first credit label with its colon ends in `line`, if it has one.
fn first_label_end(line: &str) -> Option<usize> {
    line.match_indices([':', '：']).find_map(|(p, colon)| {
        let head = line[..p].trim_end();
        CREDIT_LABELS.iter().any(|l| head.ends_with(l)).then_some(p + colon.len())
    })
}

#[cfg(test)]
mod tests {
    use super::super::candidates;
    use crate::normalize::{Document, Markup};

    fn found(text: &str) -> Vec<&str> {
        let doc = Document::new(text, Markup::Markdown);
        candidates(&doc).into_iter().map(|c| c.text).collect()
    }

    #[test]
    fn plain_words_and_fragments_are_not_terms() {
        let table: &[(&str, &[&str])] = &[
            ("返回一个 flag 变量 done，表示结束", &["flag"]),
            ("把 left 和 right 拼接起来", &[]),
            ("这一步 thereby reducing 开销", &[]),
            ("其含义 which means 很多", &[]),
            ("参数设为 False 或 None", &[]),
            ("诊断时 such 情况很少", &[]),
        ];
        for (text, want) in table {
            assert_eq!(found(text), *want, "{text}");
        }
    }

    #[test]
    fn evidence_keeps_common_words() {
        let table: &[(&str, &[&str])] = &[
            ("数据越多样（diverse）越好", &["diverse"]),
            ("这些词(**被称为*停用词***)（stop words）可以删去", &["stop words"]),
            ("数字 number（数字）与 number 混用", &["number", "number"]),
            (
                "开源 open source 软件、open source 许可和 open source 社区",
                &["open source", "open source", "open source"],
            ),
            ("我们用 Solid 与 SET 命令", &["Solid", "SET"]),
            ("《Such Great Heights》是一首歌", &["Such Great Heights"]),
            ("心律失常（arrhythmia）的 real-time 监测", &["arrhythmia", "real-time"]),
        ];
        for (text, want) in table {
            assert_eq!(found(text), *want, "{text}");
        }
    }

    #[test]
    fn credit_lines_name_no_terms() {
        let table: &[(&str, &[&str])] = &[
            ("译者：alice99 ｜ 校对：bob-k、carol", &[]),
            ("原文链接：见下方\n作者: Kevin Lin\n正文讲 Kubernetes 调度", &["Kubernetes"]),
            ("图片来源：Jane Doe / Pexels", &[]),
            ("本文介绍 Redis：一个缓存", &["Redis"]),
        ];
        for (text, want) in table {
            assert_eq!(found(text), *want, "{text}");
        }
    }
}
