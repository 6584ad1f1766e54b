//! English that only ever titles a section. A document written in Chinese may keep the
//! names of its sections in English (`### Related Work`, `3. **Notations**`): such a heading
//! is the label of a part of the document, not a thing its prose talks about. When a heading
//! is made of general English and of words that name parts of documents
//! ([`SECTION_WORDS`]), in Title or sentence case, and the document never writes it anywhere
//! but as a whole heading, nor glosses it, it is no term. A heading the prose also uses, one
//! with a word of a trade or a name (`## Pipelining`, `## Flutter Engine`), or one that names
//! something by its shape (`## BERT`, `## PyTorch`), stays: a section may be named after its
//! subject, unless it titles three sections or more and nothing else, as the parts that
//! recur in release notes do (`### Bug Fixes`).

use super::glossed::is_glossed;
use super::kinds::is_common_word;
use super::Candidate;
use crate::normalize::{HARD, MARK};
use crate::text::lexicon::english::SECTION_WORDS;
use crate::text::lexicon::names::KNOWN_NAMES;
use crate::text::lexicon::{is_function_word, lower};
use rustc_hash::FxHashMap;
use rustc_hash::FxHashSet;
use std::sync::LazyLock;

/// A heading that titles this many sections or more, and nothing else, is the label of a
/// part that recurs (`### Bug Fixes` in each release's notes), whatever its words.
const MIN_RECURRING_HEADINGS: usize = 3;

/// A heading of plain words has at most this many: a longer line is a title or a sentence,
/// which other rules judge.
const MAX_HEADING_WORDS: usize = 6;

/// The candidates of `cands` that `text` (with its prose view `view`) writes only as whole
/// headings, never glossed (see the [module docs](self)).
pub(super) fn only_headings<'a>(text: &str, view: &str, cands: &[Candidate<'a>]) -> FxHashSet<&'a str> {
    // (the cheap test first: most candidates stand in prose, and few texts are headings)
    let headings: FxHashSet<&'a str> =
        cands.iter().filter(|c| !c.title && is_whole_heading(text, view, c)).map(|c| c.text).collect();
    if headings.is_empty() {
        return headings;
    }
    // (whole headings, other uses)
    let mut counts: FxHashMap<&'a str, (usize, usize)> = FxHashMap::default();
    for c in cands.iter().filter(|c| !c.title && headings.contains(c.text)) {
        let e = counts.entry(c.text).or_default();
        if is_whole_heading(text, view, c) && !is_glossed(view, c.span.start, c.span.end) {
            e.0 += 1;
        } else {
            e.1 += 1;
        }
    }
    counts
        .into_iter()
        .filter(|(t, (headings, other))| {
            let recurring = *headings >= MIN_RECURRING_HEADINGS && t.split(' ').count() <= MAX_HEADING_WORDS;
            *headings > 0
                && *other == 0
                && (recurring || has_plain_words(t))
                && !KNOWN_NAMES.contains(&lower(t).as_ref())
        })
        .map(|(t, _)| t)
        .collect()
}

/// Whether `text` is words of letters alone, the first with a capital and only small letters
/// after it, the others so or in lowercase (`Related Work`, `Next steps`), with `&` between
/// (`Tips & Tricks`), each of general English or naming a part of a document: no acronym,
/// inner capital or digit marks it as a name, and no word of a trade as a subject.
fn has_plain_words(text: &str) -> bool {
    let mut n = 0;
    for (i, w) in text.split(' ').enumerate() {
        if w == "&" && i > 0 {
            continue;
        }
        let b = w.as_bytes();
        let first_ok = if i == 0 { b.first().is_some_and(u8::is_ascii_uppercase) } else { !b.is_empty() };
        if !first_ok || !b[1..].iter().all(u8::is_ascii_lowercase) || !b[0].is_ascii_alphabetic() {
            return false;
        }
        // (a function word alone is no heading's name, and `A` opens a sentence)
        if i == 0 && w.len() == 1 || !(is_common_word(w) || is_function_word(&lower(w)) || names_a_part(w)) {
            return false;
        }
        n += 1;
    }
    n <= MAX_HEADING_WORDS && !(n == 1 && is_function_word(&lower(text)))
}

/// Whether `w` (in any case, singular or plural) names a part of a document.
pub(super) fn names_a_part(w: &str) -> bool {
    static PARTS: LazyLock<FxHashSet<&str>> = LazyLock::new(|| SECTION_WORDS.iter().copied().collect());
    // (the cheap test first: no such word is longer than this)
    if w.len() > MAX_PART_WORD {
        return false;
    }
    let w = lower(w);
    PARTS.contains(w.as_ref()) || w.strip_suffix('s').is_some_and(|stem| PARTS.contains(stem))
}

/// The longest word that names a part of a document, in bytes, a plural ending included
/// (`acknowledgements`).
const MAX_PART_WORD: usize = 16;

/// Whether the candidate is the whole of a heading: its line is a Markdown heading (`#`), a
/// line of emphasis alone (`**Notations**`, `3. **Methods**`), or a line of its own that ends
/// with a colon (`Next steps:`), and holds nothing else but markup, a section's number and a
/// closing colon.
fn is_whole_heading(text: &str, view: &str, c: &Candidate<'_>) -> bool {
    let b = view.as_bytes();
    let blank = |x: u8| x == HARD || x == MARK || x == b' ' || x == b'\t' || x == b'\r';
    // before: markup and a number of a section or an item (`3.`, `2.1`), back to the line's
    // start (walked byte by byte: most candidates stop at once, on a letter of prose)
    let mut start = c.span.start;
    while start > 0 && (blank(b[start - 1]) || b[start - 1].is_ascii_digit() || b[start - 1] == b'.') {
        start -= 1;
    }
    if start > 0 && b[start - 1] != b'\n' {
        return false;
    }
    // after: markup, and a colon at most, to the line's end
    let mut end = c.span.end;
    while end < b.len() && blank(b[end]) {
        end += 1;
    }
    let colon = if view[end..].starts_with(':') {
        Some(1)
    } else if view[end..].starts_with('：') {
        Some('：'.len_utf8())
    } else {
        None
    };
    if let Some(n) = colon {
        end += n;
        while end < b.len() && blank(b[end]) {
            end += 1;
        }
    }
    if end < b.len() && b[end] != b'\n' {
        return false;
    }
    // a line of its own that ends with a colon introduces what follows (`Import Libraries:`)
    if colon.is_some() && text[start..c.span.start].bytes().all(|x| x == b' ' || x == b'\t') {
        return true;
    }
    let line = text[start..end].trim_start_matches([' ', '\t', '>']);
    // (a list's bullet is followed by a space, emphasis is not)
    let line = line.trim_start_matches(|ch: char| ch.is_ascii_digit() || ch == '.' || ch == ' ');
    let line = ["- ", "* ", "+ "].iter().find_map(|m| line.strip_prefix(m)).unwrap_or(line).trim_start();
    text[start..end].trim_start().starts_with('#') || line.starts_with("**") || line.starts_with("__")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;
    use crate::normalize::{Document, Markup};

    /// The candidates named in `words` (first occurrences and all others) found in `text`.
    fn only(text: &str, words: &[&str]) -> Vec<String> {
        let doc = Document::new(text, Markup::Markdown);
        let mut cands = Vec::new();
        for w in words {
            for (p, _) in text.match_indices(w) {
                cands.push(Candidate { text: &text[p..p + w.len()], span: Span::new(p, p + w.len()), title: false });
            }
        }
        cands.sort_by_key(|c| c.span.start);
        let mut out: Vec<String> =
            only_headings(doc.text(), doc.view(), &cands).into_iter().map(str::to_string).collect();
        out.sort();
        out
    }

    #[test]
    fn no_word_naming_a_part_is_longer_than_the_longest_looked_up() {
        assert!(SECTION_WORDS.iter().all(|w| w.len() < MAX_PART_WORD), "a plural must fit");
        assert!(names_a_part("Acknowledgements") && names_a_part("Notations") && !names_a_part("Kubernetes"));
    }

    #[test]
    fn words_that_only_title_sections_are_found() {
        let cases: &[(&str, &str, &[&str], &[&str])] = &[
            ("a section in English", "### Final Notes\n\n这里是正文。\n", &["Final Notes"], &["Final Notes"]),
            ("numbered bold line", "2. **Notation**\n\n符号说明在此。\n", &["Notation"], &["Notation"]),
            ("bold line with colon", "**Open Questions**：\n\n还有问题。\n", &["Open Questions"], &["Open Questions"]),
            (
                "heading with its number",
                "## 4.1 Further Reading\n\n正文。\n",
                &["Further Reading"],
                &["Further Reading"],
            ),
            ("with an ampersand", "## Tips & Tricks\n\n正文。\n", &["Tips & Tricks"], &["Tips & Tricks"]),
            ("a plural part", "## Methods\n\n正文。\n", &["Methods"], &["Methods"]),
            ("a word of a trade", "## Pipelining\n\n正文。\n", &["Pipelining"], &[]),
            ("a subject", "## Flutter Engine\n\n正文。\n", &["Flutter Engine"], &[]),
            ("used in prose too", "## Sidecar\n\n我们部署一个 Sidecar 容器。\n", &["Sidecar"], &[]),
            ("heading with Chinese", "## Sidecar 模式\n\n正文。\n", &["Sidecar"], &[]),
            ("glossed in the heading", "## 边车（Sidecar）\n\n正文。\n", &["Sidecar"], &[]),
            ("an acronym", "## BERT\n\n正文。\n", &["BERT"], &[]),
            ("an inner capital", "## PyTorch\n\n正文。\n", &["PyTorch"], &[]),
            ("a digit", "## Vue 3\n\n正文。\n", &["Vue 3"], &[]),
            ("a known name", "## Docker\n\n正文。\n", &["Docker"], &[]),
            ("a line of prose", "Final Notes 是一节。\n", &["Final Notes"], &[]),
            ("a list item without emphasis", "- Final Notes\n", &["Final Notes"], &[]),
            ("emphasis inside prose", "请看 **Final Notes** 一节。\n", &["Final Notes"], &[]),
            // a heading that recurs, whatever its words
            (
                "a recurring part",
                "## 1.2\n\n### Bug Fixes\n\n修复崩溃。\n\n## 1.3\n\n### Bug Fixes\n\n修复泄漏。\n\n## 1.4\n\n### Bug Fixes\n\n修复死锁。\n",
                &["Bug Fixes"],
                &["Bug Fixes"],
            ),
            (
                "a subject of three sections, in prose too",
                "## Raft\n\n一。\n\n## Raft\n\n二。\n\n## Raft\n\n三，Raft 很好。\n",
                &["Raft"],
                &[],
            ),
            ("twice only", "### Bug Fixes\n\n修复。\n\n### Bug Fixes\n\n修复。\n", &["Bug Fixes"], &[]),
        ];
        for (what, text, words, want) in cases {
            let want: Vec<String> = want.iter().map(|s| s.to_string()).collect();
            assert_eq!(only(text, words), want, "{what}: {text}");
        }
    }
}
