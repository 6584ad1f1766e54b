//! What the review page shows of the inputs: keyword-in-context lines for each occurrence a
//! glossary keeps, and, for each Chinese rendering, the sentences where an English form and
//! that rendering stand together.
//!
//! Both are read from the inputs' prose, as extraction reads it (markup such as `##`, `>`,
//! `**` or a link's address masked, every byte where it was), at the occurrences' byte spans;
//! a span that does not fit its input (another text given, a glossary read back) is skipped,
//! never a panic.

use crate::model::{Entry, Occurrence};
use crate::normalize::{Document, Markup, MARK};

/// Characters of context on each side of a term in a concordance line: about a clause of
/// Chinese, short enough that a line fits a desktop table cell without wrapping.
pub(crate) const KWIC_CONTEXT_CHARS: usize = 30;

/// The most characters of a sentence kept on each side of its term: a "sentence" of code or
/// of an unpunctuated list can run for pages.
pub(crate) const SENTENCE_MAX_CHARS: usize = 160;

/// Sentences shown per rendering (all are counted): enough to judge a rendering, few enough
/// that a page of tens of thousands of rows stays small.
pub(crate) const EVIDENCE_SHOWN: usize = 12;

/// Sentences looked back at for one already met: occurrences come in text order, so a
/// sentence holding several forms of an entry holds them one after another.
const RECENT_SENTENCES: usize = 8;

/// What ends a sentence in Chinese technical text (an English full stop too often ends an
/// abbreviation or a number to count).
const SENTENCE_ENDS: [char; 7] = ['。', '！', '？', '；', '!', '?', ';'];

/// One keyword-in-context line: the text before the term, the term, the text after it, each
/// on one line with whitespace collapsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Kwic {
    /// Index of the input.
    pub source: usize,
    /// 1-based line of the term.
    pub line: usize,
    pub left: String,
    pub term: String,
    pub right: String,
}

/// The sentences showing one rendering beside an English form of its entry.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Evidence {
    /// How many distinct sentences, among those of the entry's kept occurrences, hold the
    /// rendering too.
    pub count: usize,
    /// The first [`EVIDENCE_SHOWN`] of them: input, line, sentence on one line.
    pub shown: Vec<(usize, usize, String)>,
}

/// The prose of `text` read as `markup`: what is not prose masked, byte for byte, so that
/// the occurrences' spans still fit (see [`collapsed`] for how the masks show).
pub(crate) fn prose(text: &str, markup: Markup) -> String {
    Document::piece(text, markup, true).view().to_owned()
}

/// The keyword-in-context line of `o` in `texts`, or `None` when its span does not fit.
pub(crate) fn kwic(texts: &[&str], o: &Occurrence) -> Option<Kwic> {
    let text = texts.get(o.source)?;
    let term = text.get(o.span.range())?;
    let left: String = collapsed(text[..o.span.start].chars().rev(), KWIC_CONTEXT_CHARS).chars().rev().collect();
    let right = collapsed(text[o.span.end..].chars(), KWIC_CONTEXT_CHARS);
    Some(Kwic {
        source: o.source,
        line: o.line,
        left: left.trim_start().to_string(),
        term: collapsed(term.chars(), usize::MAX).trim().to_string(),
        right: right.trim_end().to_string(),
    })
}

/// The first `max` characters of `chars` with each run of whitespace and control
/// characters (masked markup among them) made one space; an emphasis's masked delimiters
/// are left out, as they stand inside words (`这是**注意力**机制`).
fn collapsed(chars: impl Iterator<Item = char>, max: usize) -> String {
    let mut out = String::new();
    let (mut n, mut space) = (0, false);
    for c in chars {
        if n >= max {
            break;
        }
        if c == char::from(MARK) {
            continue;
        }
        if c.is_whitespace() || c.is_control() {
            if !space {
                out.push(' ');
                n += 1;
                space = true;
            }
        } else {
            out.push(c);
            n += 1;
            space = false;
        }
    }
    out
}

/// The byte range of the sentence around `start..end` of `text`: back to the end of the
/// previous sentence or a blank line, on to the end of this one (its mark included) or a
/// blank line, at most [`SENTENCE_MAX_CHARS`] on each side.
fn sentence_range(text: &str, start: usize, end: usize) -> (usize, usize) {
    let mut from = start;
    let mut newline = false;
    for (n, (i, c)) in text[..start].char_indices().rev().enumerate() {
        if n >= SENTENCE_MAX_CHARS || SENTENCE_ENDS.contains(&c) || (c == '\n' && newline) {
            break;
        }
        if c == '\n' {
            newline = true;
        } else if !c.is_whitespace() {
            newline = false;
        }
        from = i;
    }
    // a sentence after a line break starts at its first character
    from = start - text[from..start].trim_start().len();
    let mut to = end;
    let mut newline = false;
    for (n, (i, c)) in text[end..].char_indices().enumerate() {
        if n >= SENTENCE_MAX_CHARS || (c == '\n' && newline) {
            break;
        }
        to = end + i + c.len_utf8();
        if SENTENCE_ENDS.contains(&c) {
            break;
        }
        if c == '\n' {
            newline = true;
        } else if !c.is_whitespace() {
            newline = false;
        }
    }
    (from, end + text[end..to].trim_end().len())
}

/// For each of `entry`'s renderings, the sentences of its kept occurrences that hold that
/// rendering too (a plain substring match: the rendering may stand there as a gloss or
/// merely nearby).
pub(crate) fn evidence(texts: &[&str], entry: &Entry) -> Vec<Evidence> {
    // input, byte where the sentence starts, its line, its text
    let mut sentences: Vec<(usize, usize, usize, &str)> = Vec::new();
    for o in &entry.occurrences {
        let Some(text) = texts.get(o.source) else { continue };
        if text.get(o.span.range()).is_none() {
            continue;
        }
        let (from, to) = sentence_range(text, o.span.start, o.span.end);
        // two forms of one entry in one sentence make one sentence
        if sentences.iter().rev().take(RECENT_SENTENCES).any(|s| s.0 == o.source && s.1 == from) {
            continue;
        }
        // the line where the sentence starts, counted back from the occurrence's
        let line = o.line.saturating_sub(text[from..o.span.start].matches('\n').count()).max(1);
        sentences.push((o.source, from, line, &text[from..to]));
    }
    entry
        .chinese
        .iter()
        .map(|zh| {
            let mut ev = Evidence::default();
            for &(source, _, line, sentence) in &sentences {
                if zh.is_empty() || !sentence.contains(zh.as_str()) {
                    continue;
                }
                ev.count += 1;
                if ev.shown.len() < EVIDENCE_SHOWN {
                    ev.shown.push((source, line, collapsed(sentence.chars(), usize::MAX).trim().to_string()));
                }
            }
            ev
        })
        .collect()
}
