//! Stage 2: find the English term candidates in the prose view.
//!
//! A candidate is a run of Latin-script words joined by single spaces, taken from prose only
//! (see [`normalize`](crate::normalize)). Inside a word, `-`, `.`, `'`, `/` and `&` join
//! letters and digits (`Llama-3.1`, `Node.js`, `Hugging Face's`, `TCP/IP`), and `+`/`#` may
//! end one (`C++`, `C#`).
//!
//! The run is then cut and trimmed: words that are code (`snake_case`, `np.array`, `foo()`),
//! file names (`main.rs`), domain names (`example.com`), version paths (`v2`), IDs
//! (`a9F3kQ2Zx81LmQ`), numbers and units (`2024`, `16GB`) and single letters used as variables
//! (`y`, `k 值`, `x1`) are never part of a term; function words (`the`, `of`, `and`) are
//! dropped at either end; and a run that reads as an English sentence rather than a term is
//! dropped, unless it is a title in `《》`.
//!
//! Last, [`termhood`] weighs the evidence of the document: plain English used as words
//! (`such`, `left`), sentence fragments, words of code, labels and cells of tables, quoted
//! examples, credit lines and lists of contributors are not terms, and a version after a
//! name is cut off.
//!
//! [`words`] finds the words and runs, [`noise`] decides which words and runs are not terms,
//! [`kinds`] what a candidate's letters make it, [`lists`] where lists of contributors are,
//! [`versions`] where a name's version starts, [`termhood`] which candidates the document's
//! evidence keeps, and this file cuts and trims the runs into candidates.

mod citations;
mod cited_titles;
mod code_cues;
mod code_lists;
mod controls;
mod english_lines;
mod field_lines;
mod fragments;
mod glossed;
mod headings;
mod identifiers;
mod instances;
mod juxtaposed;
mod kinds;
mod labels;
pub(crate) use kinds::is_common_word;
mod lists;
mod mentions;
mod noise;
#[cfg(test)]
mod properties;
mod termhood;
mod versions;
mod words;

use crate::model::Span;
use crate::normalize::{Document, MarkKind, HARD, MARK};

/// The candidates' texts of a Markdown `text`, for the tests of the rules.
#[cfg(test)]
fn found_in_markdown(text: &str) -> Vec<&str> {
    let doc = Document::new(text, crate::normalize::Markup::Markdown);
    candidates(&doc).into_iter().map(|c| c.text).collect()
}

/// Asserts, for each (Markdown text, candidates' texts) of `table`, that the text gives those
/// candidates.
#[cfg(test)]
fn assert_finds(table: &[(&str, &[&str])]) {
    for (text, want) in table {
        assert_eq!(found_in_markdown(text), *want, "{text}");
    }
}
use crate::text::chars::{fold, is_cjk};
use crate::text::lexicon::english::{MEASURE_UNITS, SENTENCE_WORDS, UNITS};
use crate::text::lexicon::{in_list, is_function_word, lower, lower_in, pack_list};
use crate::text::{abbreviates, is_acronym};
use noise::{is_number_like, is_reference_label, word_is_noise};
use std::sync::LazyLock;
use words::{each_run, Word};

/// An English candidate: a span of the original text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Candidate<'a> {
    /// Where it is.
    pub(crate) span: Span,
    /// `&text[span]`.
    pub(crate) text: &'a str,
    /// Whether it is the whole content of a title in `《》`.
    pub(crate) title: bool,
}

/// Vowels with the tone marks of pinyin that no language written in English text uses: the
/// macron (first tone) and the caron (third). A word with one is Chinese in Latin letters.
const PINYIN_TONES: &str = "āēīōūǖǎěǐǒǔǚǜĀĒĪŌŪǍĚǏǑǓ";

/// The longest run, in words, that may be a term: a longer one is prose.
const MAX_WORDS: usize = 12;

/// A run this long with [`SENTENCE_MIN_CLUES`] sentence words reads as a sentence: a term
/// rarely holds two of them.
const SENTENCE_MIN_WORDS: usize = 4;
/// The sentence words ([`SENTENCE_WORDS`]) that make a long run a sentence.
const SENTENCE_MIN_CLUES: usize = 2;
/// A run of this many words with one sentence word and a subject or copula (`is`, `we`) is a
/// clause, unless it starts with `the`.
const CLAUSE_MIN_WORDS: usize = 3;
/// A name in Title Case up to this many words is kept though it reads as a sentence
/// (`Resource Acquisition Is Initialization`); a longer one is a headline.
const MAX_TITLE_CASE_WORDS: usize = 8;
/// A candidate holds at least this many letters, unless it ends with `+` or `#` (`C#`).
const MIN_LETTERS: usize = 2;
/// A word this short left alone after a number is a suffix of a model number (`980 Ti`) or
/// a unit (`1 GF`), not a term.
const MAX_SUFFIX_AFTER_NUMBER: usize = 2;
/// A letter with its dot (`a.`) is not a dotted abbreviation like `i.i.d.`, which keeps its
/// final dot.
const MIN_DOTTED: usize = 3;

/// Finds all English candidates of a document, in text order.
pub(crate) fn candidates<'a>(doc: &Document<'a>) -> Vec<Candidate<'a>> {
    let mut out = Vec::new();
    // one buffer for the words of every run
    let mut piece = Vec::new();
    each_run(doc.view(), |run| push_run(doc, run, &mut piece, &mut out));
    join_english_titles(doc, &mut out);
    cited_titles::join_cited_titles(doc, &mut out);
    english_lines::drop_english_lines(doc.view(), &mut out);
    field_lines::drop_fields(doc.view(), &mut out);
    code_lists::drop_listed_names(doc.text(), &mut out);
    termhood::keep_terms(doc, &mut out);
    out
}

/// Separators inside a title between its name and its subtitle (`Color: From Hex to Eye`,
/// `React - Basic Concepts`), which end a run of words.
const TITLE_SEPARATORS: [&str; 5] = [": ", " - ", " -- ", " – ", " — "];

/// A title in emphasis or link text has at least this many words: fewer with a colon are a
/// label and its value (`Note: Redis`).
const MIN_MARKED_TITLE_WORDS: usize = 4;

/// Joins the pieces of an English title cut at its separators into one candidate: the whole
/// content of `《》` when it holds no Chinese (`《Artificial Intelligence: A Modern Approach》`),
/// or of an emphasis or link text in Title Case with a [`TITLE_SEPARATORS`] inside (`[Color:
/// From Hexcodes to Eyeballs](…)`). Its pieces alone are no names.
fn join_english_titles<'a>(doc: &Document<'a>, out: &mut Vec<Candidate<'a>>) {
    let (text, view) = (doc.text(), doc.view());
    let mut joined: Vec<Candidate<'a>> = Vec::new();
    for m in doc.marked() {
        if m.kind == MarkKind::Quote {
            continue;
        }
        // (a quotation's marks of a blockquote may open a link text: `[> > Title: Sub](…)`)
        let inner = &text[m.inner.range()];
        let opened = inner.trim_start_matches(['>', ' ']);
        let trimmed = opened.trim_end();
        let start = m.inner.start + inner.len() - opened.len();
        let span = Span::new(start, start + trimmed.len());
        if !TITLE_SEPARATORS.iter().any(|s| trimmed.contains(s))
            || trimmed.chars().any(is_cjk)
            || &view[span.range()] != trimmed
        {
            continue;
        }
        if m.kind == MarkKind::Emphasis {
            let words: Vec<&str> =
                trimmed.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).collect();
            let title_case = words.iter().all(|w| is_capitalised(w) || is_function_word(w));
            if words.len() < MIN_MARKED_TITLE_WORDS || !title_case || trimmed.ends_with(['.', '!', '?']) {
                continue;
            }
        }
        let inside = out.iter().filter(|c| span.start <= c.span.start && c.span.end <= span.end).count();
        if inside >= 2 && !joined.iter().any(|t| t.span == span) {
            joined.push(Candidate { span, text: trimmed, title: true });
        }
    }
    if joined.is_empty() {
        return;
    }
    out.retain(|c| !joined.iter().any(|t| t.span.start <= c.span.start && c.span.end <= t.span.end));
    // (the name of the work before its subtitle is a name of its own: `[RepNet: …](…)`)
    let heads: Vec<Candidate<'a>> = joined
        .iter()
        .filter_map(|t| {
            let (name, _) = t.text.split_once(": ")?;
            let span = Span::new(t.span.start, t.span.start + name.len());
            // (spelt as a name: a capital or a digit inside, not a word with a capital: `Caching`)
            let inner = name.bytes().skip(1).any(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
            (!name.contains(' ') && inner).then_some(Candidate { span, text: name, title: false })
        })
        .collect();
    out.extend(joined);
    out.extend(heads);
    out.sort_by_key(|c| c.span.start);
}

/// The length of a number of a heading or an item (`3.2.`, `1.`) glued to a capitalised word
/// at the start of `w`, if it has one.
fn numbering_prefix(w: &str) -> Option<usize> {
    let b = w.as_bytes();
    let mut i = 0;
    let mut cut = None;
    loop {
        let digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 || b.get(i + digits) != Some(&b'.') {
            break;
        }
        i += digits + 1;
        cut = Some(i);
    }
    cut.filter(|&i| b.get(i).is_some_and(u8::is_ascii_uppercase))
}

/// Whether a word starts with a capital, in any width.
fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(|c| fold(c).is_ascii_uppercase())
}

/// Pushes the candidates of a run of words; `piece` is a buffer for its words, empty.
fn push_run<'a>(doc: &Document<'a>, run: &[Word], piece: &mut Vec<Word>, out: &mut Vec<Candidate<'a>>) {
    let text = doc.text();
    // 3.2.Docker, 1.DevOps: the number of a heading or an item glued to a name is no part of it
    if let Some(cut) = numbering_prefix(&text[run[0].span.range()]) {
        let mut owned = run.to_vec();
        owned[0].span = Span::new(run[0].span.start + cut, run[0].span.end);
        return push_run(doc, &owned, piece, out);
    }
    let view = doc.view();
    let whole = Span::new(run[0].span.start, run[run.len() - 1].span.end);
    // A title in 《》 is kept whole.
    if let Some(t) = doc.title_around(whole) {
        let inner = text[t.range()].trim();
        if &text[whole.range()] == inner && !run.iter().all(|w| is_number_like(&text[w.span.range()])) {
            out.push(Candidate { span: whole, text: &text[whole.range()], title: true });
            return;
        }
    }
    // (huá shuǐ), (mō yú): pinyin with its tones is Chinese in Latin letters, not English
    let pinyin = |t: &str| !t.is_ascii() && t.chars().any(|c| PINYIN_TONES.contains(c));
    if run.iter().any(|w| pinyin(&text[w.span.range()])) {
        return;
    }
    // $k$-step-ahead prediction, $K$-armed bandit: a run hyphened to math is a cut piece of a
    // term whose head is masked
    if view[..whole.start].strip_suffix('-').is_some_and(|b| b.as_bytes().last() == Some(&HARD)) {
        return;
    }
    // /home/Ubuntu/app, /tmp/Cache: a word with slashes after a slash is a path from the root
    // (.git/index, ~/app/config: after a dot or a tilde likewise)
    let rooted = |w: &Word| view[..w.span.start].ends_with(['/', '.', '~']) && text[w.span.range()].contains('/');
    // JavaScript/TypeScript, HTML/CSS/JS: names listed with slashes are each a name
    if let [w] = run {
        if rooted(w) {
            return;
        }
        if let Some(parts) = slashed_names(&text[w.span.range()]).filter(|_| !glossed_as_joined(view, w.span)) {
            for (a, b) in parts {
                let span = Span::new(w.span.start + a, w.span.start + b);
                if !word_is_noise(&text[span.range()], &view[span.end..]) {
                    piece.push(Word { span });
                    flush(text, piece, out);
                }
            }
            return;
        }
    }
    // Cut the run at noise words.
    let n = run.len();
    for (i, w) in run.iter().enumerate() {
        let s = &text[w.span.range()];
        // a single letter inside a run is a word (Type I error, maximum a posteriori), at its
        // end after a name or a possessive too (Mann-Whitney U, Cohen's d)
        let letter = s.chars().count() == 1 && s.chars().all(|c| fold(c).is_ascii_alphabetic());
        // (a capital with its dot before a name: the initial of J. Smith)
        let initial = i == 0 && letter && is_capitalised(s) && view[w.span.end..].starts_with(". ");
        let kept_letter = letter
            && n > 1
            && ((i > 0 && i + 1 < n || initial)
                || (i + 1 == n && i > 0 && {
                    let prev = &text[run[i - 1].span.range()];
                    // (or a Roman numeral after a name: Lead I, Mobitz Type I; not after an
                    // acronym, `AWS X 射线`, nor before a slash, `Async I / O`)
                    let acronym = prev.bytes().all(|b| b.is_ascii_uppercase());
                    let cut = view[w.span.end..].trim_start().starts_with(['/', '*', '-']);
                    let roman = matches!(s, "I" | "V" | "X")
                        && is_capitalised(prev)
                        && !acronym
                        && !cut
                        && !is_function_word(prev);
                    (is_capitalised(prev) && prev.contains('-')
                        || prev.ends_with("'s")
                        || prev.ends_with("’s")
                        || roman)
                        && !piece.is_empty()
                }));
        // Core i7, Apple M2, Tesla T4: a letter and a number after a capitalised name is its
        // model, not a variable with an index
        let model = i > 0 && is_model_designation(s) && {
            let prev = &text[run[i - 1].span.range()];
            is_capitalised(prev) && prev.chars().filter(|c| c.is_alphabetic()).count() >= MIN_MODEL_NAME
        };
        // \min, \left: a command of TeX outside math marks
        let tex = view[..w.span.start].ends_with('\\');
        // ED<sub>50</sub>, Ca<sup>2+</sup>: a word with an index or a charge in markup is a
        // piece of a name the markup cuts, not a term alone
        let indexed = text[w.span.end..]
            .get(..5)
            .is_some_and(|t| t.eq_ignore_ascii_case("<sub>") || t.eq_ignore_ascii_case("<sup>"));
        // page.html#term-cache, guide html#setup: words glued to a `#` between them are a
        // link's address and its anchor, spilled into prose
        let anchor = view[..w.span.start]
            .strip_suffix('#')
            .is_some_and(|b| b.ends_with(|c: char| c.is_ascii_alphanumeric()))
            || view[w.span.end..].strip_prefix('#').is_some_and(|a| a.starts_with(|c: char| c.is_ascii_alphanumeric()));
        if tex || indexed || anchor || rooted(w) || !kept_letter && !model && word_is_noise(s, &view[w.span.end..]) {
            // exit full screen(): words in small letters spaced before a call are pieces of
            // its name, not a term (a name before it stays: `Redis flushall()`)
            if view[w.span.end..].starts_with("()") {
                while piece.last().is_some_and(|p| text[p.span.range()].bytes().all(|b| b.is_ascii_lowercase())) {
                    piece.pop();
                }
            }
            flush(text, piece, out);
        } else {
            piece.push(*w);
        }
    }
    flush(text, piece, out);
}

/// Names listed with slashes have at least this many letters each, unless three or more are
/// listed: `TCP/IP`, `CI/CD`, `PL/SQL` and `I/O` are terms of their own.
const MIN_SLASHED_NAME: usize = 3;

/// The byte ranges of the names in `w` when it lists names with slashes (`Linux/macOS`,
/// `HTML/CSS/JS`): each with a capital, none a number, and long enough (see
/// [`MIN_SLASHED_NAME`]). Words in lowercase (`client/server`, `read/write`) are one term.
fn slashed_names(w: &str) -> Option<Vec<(usize, usize)>> {
    if !w.contains('/') {
        return None;
    }
    let mut parts = Vec::new();
    let mut start = 0;
    for p in w.split('/') {
        parts.push((start, start + p.len()));
        start += p.len() + 1;
    }
    let named = |&(a, b): &(usize, usize)| {
        let p = &w[a..b];
        p.chars().any(|c| c.is_uppercase()) && p.chars().any(char::is_alphabetic)
    };
    let long = |&(a, b): &(usize, usize)| w[a..b].chars().count() >= MIN_SLASHED_NAME;
    (parts.iter().all(named) && (parts.len() >= 3 || parts.iter().all(long))).then_some(parts)
}

/// Marks that join the two Chinese words of a term of two parts (`发布/订阅`, `读-写`).
const JOINERS: [char; 4] = ['/', '／', '-', '－'];

/// The Chinese of a gloss is read this many characters into it for its joiner.
const JOINED_GLOSS_CHARS: usize = 12;

/// Whether the run with slashes at `s`, here or anywhere else in `view`, is glossed with
/// Chinese words joined as its own are (`发布-订阅（Pub/Sub）`, `Read/Write（读/写）`): one term
/// of two parts, not names listed.
fn glossed_as_joined(view: &str, s: Span) -> bool {
    let w = &view[s.range()];
    memchr::memmem::find_iter(view.as_bytes(), w.as_bytes())
        .any(|at| glossed_joined_at(view, Span::new(at, at + w.len())))
}

/// Whether the run with slashes at `s` is glossed so where it stands (see
/// [`glossed_as_joined`]).
fn glossed_joined_at(view: &str, s: Span) -> bool {
    if !glossed::is_glossed(view, s.start, s.end) {
        return false;
    }
    let joined = |cs: &[char]| cs.windows(3).any(|w| is_cjk(w[0]) && JOINERS.contains(&w[1]) && is_cjk(w[2]));
    let skip = [' ', '(', '（', char::from(MARK)];
    let mut before: Vec<char> = view[..s.start].trim_end_matches(skip).chars().rev().take(JOINED_GLOSS_CHARS).collect();
    before.reverse();
    let after: Vec<char> = view[s.end..].trim_start_matches(skip).chars().take(JOINED_GLOSS_CHARS).collect();
    joined(&before) || joined(&after)
}

/// The name before a model designation has at least this many letters (`Core i7`; not
/// `x i7`).
const MIN_MODEL_NAME: usize = 2;
/// A model designation has at most this many digits (`i7`, `M2`, `T4`, `K80`).
const MAX_MODEL_DIGITS: usize = 3;

/// Whether `s` is a capital and a short number (`M2`, `T4`), or `i` and one (`i7`), as models
/// are named; `x1` is a variable.
fn is_model_designation(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 2
        && (b[0].is_ascii_uppercase() || b[0] == b'i')
        && b.len() - 1 <= MAX_MODEL_DIGITS
        && b[1..].iter().all(u8::is_ascii_digit)
}

/// Pushes the candidate a piece of a run makes, if any, and empties the piece: unless it
/// reads as a sentence, its ends trimmed of function words and numbers.
fn flush<'a>(text: &'a str, piece: &mut Vec<Word>, out: &mut Vec<Candidate<'a>>) {
    if !reads_as_sentence(text, piece) && !is_hex_dump(text, piece) && !is_headline(text, piece) {
        let words = trim_ends(text, piece);
        push_candidate(text, words, out);
    }
    piece.clear();
}

/// A headline after its article has at least this many words (`A Distributed Storage System
/// for Structured Data`).
const MIN_HEADLINE_WORDS: usize = 4;

/// Whether `words` are the title of a work (a paper, an article, a book) opened by an
/// indefinite article in capitals, `A` or `An`, then [`MIN_HEADLINE_WORDS`] words in Title Case
/// with a function word in small letters among them (`Bigtable: A Distributed Storage System
/// for Structured Data`, `An Introduction to Statistical Learning`). A title is no term, and
/// its words after the article no name. Names of bodies open with `The` (`The United States
/// National Library of Medicine`), never with `A`.
fn is_headline(text: &str, words: &[Word]) -> bool {
    let s = |w: &Word| &text[w.span.range()];
    let Some(first) = words.first() else { return false };
    // (a lone `A` is no word of the run: it stands before it)
    let before = text[..first.span.start].strip_suffix("A ");
    let rest = if before.is_some_and(|b| !b.ends_with(|c: char| c.is_alphanumeric())) {
        words
    } else if s(first) == "An" {
        &words[1..]
    } else {
        return false;
    };
    rest.len() >= MIN_HEADLINE_WORDS
        && rest.iter().all(|w| is_capitalised(s(w)) || is_function_word(s(w)))
        && rest.iter().any(|w| s(w).starts_with(|c: char| c.is_ascii_lowercase()))
}

/// Whether `words` are pieces of hexadecimal digits spaced out (`af 1367 e-v`, `ff 4-salt db`,
/// as machine translation leaves a hash): half of them or more in lowercase hexadecimal
/// digits only, two or more, and a digit among them.
fn is_hex_dump(text: &str, words: &[Word]) -> bool {
    let s = |w: &Word| &text[w.span.range()];
    // (the cheap tests first: most runs are one word, or hold no digit)
    if words.len() < 2 || !words.iter().any(|w| s(w).bytes().any(|b| b.is_ascii_digit())) {
        return false;
    }
    let hex = words.iter().filter(|w| s(w).bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))).count();
    hex >= 2 && 2 * hex >= words.len()
}

/// Whether `words` read as an English sentence rather than a term.
fn reads_as_sentence(text: &str, words: &[Word]) -> bool {
    let s = |w: &Word| &text[w.span.range()];
    let n = words.len();
    // too few words to read as a sentence: no word need be looked up
    if n < CLAUSE_MIN_WORDS.min(SENTENCE_MIN_WORDS) {
        return false;
    }
    // a contraction (`Let's`, `don't`, `I'm`) is spoken English: no term holds one
    if words.iter().any(|w| is_contraction(s(w))) {
        return true;
    }
    // English sentences are not terms.
    static SENTENCE: LazyLock<Vec<u64>> = LazyLock::new(|| pack_list(&SENTENCE_WORDS));
    let sentence = n > MAX_WORDS || {
        let sentence_words = words.iter().filter(|w| in_list(&SENTENCE, s(w), false)).count();
        (n >= SENTENCE_MIN_WORDS && sentence_words >= SENTENCE_MIN_CLUES)
            || (n >= CLAUSE_MIN_WORDS
                && sentence_words >= 1
                && lower(s(&words[0])) != "the"
                && words
                    .iter()
                    .any(|w| matches!(lower(s(w)).as_ref(), "is" | "are" | "was" | "were" | "we" | "you" | "it")))
    };
    // A name in Title Case may hold such words: Resource Acquisition Is Initialization.
    let title_case = || n >= 2 && words.iter().all(|w| is_capitalised(s(w)) || is_function_word(s(w)));
    sentence && !(n <= MAX_TITLE_CASE_WORDS && title_case())
}

/// Pronouns that a contracted `'s` joins (`let's`, `it's`), unlike the possessive of a name
/// (`Hugging Face's`).
const CONTRACTING: &[&str] = &["let", "it", "that", "what", "here", "there", "he", "she", "who", "where", "how"];

/// Whether `w` is a contraction of spoken English: `don't`, `I'm`, `you're`, `we'll`,
/// `they've`, `I'd`, `let's`.
fn is_contraction(w: &str) -> bool {
    if !w.contains(['\'', '’']) {
        return false;
    }
    let w = w.replace('’', "'").to_ascii_lowercase();
    ["n't", "'m", "'re", "'ll", "'ve", "'d"].iter().any(|e| w.ends_with(e) && w.len() > e.len())
        || w.strip_suffix("'s").is_some_and(|p| CONTRACTING.contains(&p))
}

/// `words` without function words and numbers (with a unit after them) at the start, and
/// without function words and numbers that are not part of a name at the end.
fn trim_ends<'w>(text: &str, mut words: &'w [Word]) -> &'w [Word] {
    let s = |w: &Word| &text[w.span.range()];
    // (the number may stand outside the run, glued to a word before it: `SM/1.5 GHz GPU`)
    let mut after_number = words.first().is_some_and(|w| follows_number(text, w.span.start));
    let mut number_dropped = false;
    while let Some(first) = words.first() {
        // 100 ns, 8 GB: a unit after a number goes with it, and so does what a slash joins
        // to it in a list of figures (`6 GB/1152 SM`: 6 GB of memory, 1152 units)
        static UNIT: LazyLock<Vec<u64>> = LazyLock::new(|| pack_list(&UNITS));
        let unit = after_number && {
            let w = s(first);
            let (unit, figure) = w.split_once('/').unwrap_or((w, ""));
            in_list(&UNIT, w, false)
                || in_list(&UNIT, unit, false)
                    && (in_list(&UNIT, figure, false) || figure.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
        };
        // VS Code, IT Department: a function word in capitals before a name is an acronym
        let acronym = words.len() >= 2
            && s(first).len() >= 2
            && s(first).bytes().all(|b| b.is_ascii_uppercase())
            && is_capitalised(s(&words[1]));
        // The Verge, Al Naslaa: an article with a capital before a capitalised word opens a name
        // (a short name only: `the United States National Library of Medicine` is described)
        let article = (2..=MAX_ARTICLE_NAME_WORDS).contains(&words.len())
            && NAME_ARTICLES.contains(&s(first))
            && is_capitalised(s(&words[1]));
        if (is_function_word(s(first)) && !acronym && !article) || is_number_like(s(first)) || unit {
            after_number = is_number_like(s(first));
            number_dropped |= after_number;
            words = &words[1..];
        } else {
            break;
        }
    }
    // 980 Ti, 1 GF: a suffix of a model or a unit left of a number is no term on its own
    if number_dropped && words.len() == 1 && s(&words[0]).chars().count() <= MAX_SUFFIX_AFTER_NUMBER {
        return &[];
    }
    let mut number_cut = false;
    while let Some(last) = words.last() {
        let n = words.len();
        // Drozer v 2, G/F x 60: a small letter (or the V of a version) left of a number cut
        // off is its mark (a version, a product) spaced from it, as machine translation leaves
        // it, not part of a name (Series B 2 keeps its capital)
        let mark = number_cut && n >= 2 && matches!(s(last).as_bytes(), [b'a'..=b'z' | b'V']);
        // a number ends a name (ICLR 2024, Llama 2) but not an index (GPU 0, layer 3), nor a
        // name that has its number (Pass@1 13.6)
        let index = n >= 2 && s(last).len() == 1 && s(&words[n - 2]).chars().all(|c| !c.is_lowercase());
        let numbered = n >= 2 && s(&words[n - 2]).ends_with(|c: char| c.is_ascii_digit());
        let drop_number = is_number_like(s(last)) && (n == 1 || !is_capitalised(s(&words[n - 2])) || index || numbered);
        if is_function_word(s(last)) || drop_number || mark {
            number_cut = drop_number;
            words = &words[..n - 1];
        } else {
            break;
        }
    }
    words
}

/// Articles that open names (`The Verge`, `Al Naslaa`): written with a capital before a
/// capitalised word, they are the name's first word, not a function word to drop.
const NAME_ARTICLES: [&str; 2] = ["The", "Al"];

/// A name opened by an article has at most this many words (`The Time Machine`): a longer
/// run is more often a full form or a description (`the Hypertext Transfer Protocol`).
const MAX_ARTICLE_NAME_WORDS: usize = 3;

/// Whether a number ends right before `at` in `text`, one space or none between
/// (`1.5 GHz`, `8GB`).
fn follows_number(text: &str, at: usize) -> bool {
    let before = text[..at].strip_suffix(' ').unwrap_or(&text[..at]);
    before.ends_with(|c: char| c.is_ascii_digit())
}

/// Pushes the candidate `words` make, if they are one: its trailing dot dropped unless it
/// ends a dotted abbreviation; not a reference label, a lone unit or too few letters.
fn push_candidate<'a>(text: &'a str, words: &[Word], out: &mut Vec<Candidate<'a>>) {
    let words = spelling_acronym_after(text, words);
    let (Some(first), Some(last)) = (words.first(), words.last()) else { return };
    let mut span = Span::new(first.span.start, last.span.end);
    // a trailing dot ends the sentence, not the term, unless it ends i.i.d.
    let dotted = |t: &str| t.len() >= MIN_DOTTED && t.split('.').all(|p| p.chars().count() <= 1) && t.ends_with('.');
    let with_dot = text[span.end..].starts_with('.') && dotted(&text[span.start..span.end + 1]);
    if with_dot {
        span.end += 1;
    }
    while text[span.range()].ends_with('.') && !with_dot {
        span.end -= 1;
    }
    // Google's, FSDP’s: the possessive ending is the sentence's, not the name's
    let possessive = ["'s", "’s"].iter().find(|p| text[span.range()].ends_with(**p)).map_or(0, |p| p.len());
    if possessive > 0 && span.len() > possessive + 1 {
        span.end -= possessive;
    }
    // OpenShift-ready, JSON-like, DOM-ish: an adjective made of a name; the name is the term
    if let Some(cut) = adjective_of_name(&text[span.range()]) {
        span.end -= cut;
    }
    let t = &text[span.range()];
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    // a unit on its own, written in lowercase (数十 kb), or a unit of data in capitals (MB,
    // Tbit), is not a term; other units in capitals may be names (MS)
    let data_unit = |l: &str| l.ends_with('b') || l.ends_with("bit");
    let unit = words.len() == 1 && t.bytes().all(|b| b.is_ascii_alphabetic()) && {
        // ASCII letters: lowercased on the stack
        let mut buf = [0u8; MAX_UNIT_LOOKUP];
        let l = lower_in(t, &mut buf);
        (t.bytes().all(|b| b.is_ascii_lowercase()) || data_unit(&l)) && MEASURE_UNITS.contains(&l.as_ref())
    };
    if (letters >= MIN_LETTERS || t.ends_with(['+', '#'])) && !is_reference_label(text, words) && !unit {
        out.push(Candidate { span, text: t, title: false });
    }
}

/// Endings that make an adjective of any name, dashed to it (`OpenShift-ready`,
/// `JSON-like`, `GPU-accelerated`): the adjective is the sentence's, the name is the term.
/// (`model-based`, `on-policy`, `lock-free` make terms of words in small letters.)
const ADJECTIVE_ENDINGS: &[&str] = &[
    "-ready",
    "-like",
    "-ish",
    "-style",
    "-friendly",
    "-compatible",
    "-powered",
    "-enabled",
    "-aware",
    "-specific",
    "-accelerated",
    "-native",
    "-centric",
    "-flavored",
    "-flavoured",
    "-backed",
    "-driven",
    "-based",
];

/// A name made an adjective has at least this many letters: two letters before such an
/// ending are rather a prefix of a name (`Ad-Aware`) than a name.
const MIN_ADJECTIVE_NAME: usize = 3;

/// How many bytes of an ending of [`ADJECTIVE_ENDINGS`] to cut off the one word `t`, if it is
/// a name with one: the name has a capital (`Kubernetes-native`, `Rust-like`).
fn adjective_of_name(t: &str) -> Option<usize> {
    if t.contains(' ') {
        return None;
    }
    // (the ending in small letters: in a title's capitals, `Policy-Based` is a term as
    // `policy-based` is, and `Ad-Aware` a name)
    let end = ADJECTIVE_ENDINGS.iter().find(|e| t.len() > e.len() && t.ends_with(**e))?;
    let name = &t[..t.len() - end.len()];
    (name.bytes().any(|b| b.is_ascii_uppercase())
        && name.bytes().filter(u8::is_ascii_alphabetic).count() >= MIN_ADJECTIVE_NAME)
        .then_some(end.len())
}

/// The longest acronym looked for in brackets after a run, in bytes.
const MAX_ACRONYM_AFTER: usize = 12;

/// `words` without the words before the ones that an acronym in brackets right after them
/// spells (`combining large language models (LLMs)` → `large language models`): the
/// shortest run of last words that the acronym abbreviates and whose first word opens with
/// the acronym's first letter. The words before it are the sentence's, not the term's.
fn spelling_acronym_after<'w>(text: &str, words: &'w [Word]) -> &'w [Word] {
    let (Some(first), Some(last)) = (words.first(), words.last()) else { return words };
    if words.len() < 2 {
        return words;
    }
    let after = text[last.span.end..].trim_start_matches(' ');
    let Some(inner) = after.strip_prefix(['(', '（']) else { return words };
    let Some(close) = inner.find([')', '）']).filter(|&c| c <= MAX_ACRONYM_AFTER) else { return words };
    let acronym = &inner[..close];
    if !is_acronym(acronym) || !abbreviates(acronym, &text[first.span.start..last.span.end]) {
        return words;
    }
    let initial = acronym.chars().next().map(|c| c.to_ascii_lowercase());
    // (a word for each capital: `Certified Associate` spells no CCA, though its letters hold it)
    let capitals = acronym.bytes().filter(u8::is_ascii_uppercase).count();
    let end = last.span.end;
    (1..words.len())
        .rev()
        .map(|k| &words[k..])
        .find(|run| {
            let t = &text[run[0].span.start..end];
            t.split([' ', '-']).filter(|w| !w.is_empty()).count() >= capitals.max(2)
                && t.chars().next().map(|c| c.to_ascii_lowercase()) == initial
                && abbreviates(acronym, t)
        })
        .unwrap_or(words)
}

/// The longest word lowercased on the stack by [`ascii_lowercase`]; a longer one is
/// allocated.
const MAX_UNIT_LOOKUP: usize = 64;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::Markup;

    #[test]
    fn lowercasing_on_the_stack_is_lower() {
        for w in ["", "Kb", "MB", "tbit", "ms", "RLHF", &"AbC".repeat(30), "ＧＰＵ"] {
            let mut buf = [0u8; MAX_UNIT_LOOKUP];
            assert_eq!(lower_in(w, &mut buf), lower(w), "{w}");
        }
    }

    #[test]
    fn finds_the_terms_of_an_example() {
        let doc = Document::new("我们用 RLHF 和 zero-shot learning，见 https://x.org，k 值为 3。", Markup::Plain);
        let found: Vec<&str> = candidates(&doc).iter().map(|c| c.text).collect();
        assert_eq!(found, ["RLHF", "zero-shot learning"]);
    }

    fn found(text: &str, markup: Markup) -> Vec<&str> {
        let doc = Document::new(text, markup);
        let c = candidates(&doc);
        for x in &c {
            assert_eq!(&text[x.span.range()], x.text);
        }
        c.into_iter().map(|c| c.text).collect()
    }

    #[test]
    fn placeholder_names_and_the_marks_of_a_remark_are_no_terms() {
        let table: &[(&str, &[&str])] = &[
            ("调用一个方法（比如： Foo ），再调用 baz 和 Qux", &[]),
            ("P.S. 在 Android 开发中，N.B. 这点很重要", &["Android"]),
            // a word that merely starts like one is no placeholder
            ("Foobar2000 和 Food Network 都有", &["Foobar2000", "Food Network"]),
        ];
        assert_finds(table);
    }

    #[test]
    fn a_unit_after_a_number_is_no_term_whatever_follows_it() {
        let table: &[(&str, &[&str])] = &[
            // the number glued to the figure before it, the unit beside a term
            ("显卡参数（6 GB/1152 SM/1.5 GHz GPU 频率）", &["GPU"]),
            ("带宽为 2.0 GHz CPU 频率", &["CPU"]),
            ("内存 8 GB/s 带宽", &[]),
            ("硬盘 3 TB SSD 很快", &["SSD"]),
            ("用 10 Gbps Ethernet 连接", &["Ethernet"]),
            // no number before: the acronym is a term
            ("数据存进 DB 里，用 MS SQL Server 管理", &["DB", "MS SQL Server"]),
        ];
        assert_finds(table);
    }

    #[test]
    fn finds_terms() {
        let table: &[(&str, &[&str])] = &[
            ("基于next-token prediction训练", &["next-token prediction"]),
            ("采用 Mixture of Experts 架构", &["Mixture of Experts"]),
            ("RLHF、MoE 与 ACL", &["RLHF", "MoE", "ACL"]),
            ("发布了Llama-3.1模型", &["Llama-3.1"]),
            ("用 Stable Diffusion 3 生成", &["Stable Diffusion 3"]),
            ("发表于 ICLR 2024。", &["ICLR"]),
            ("基于 Stable Diffusion 3 与 Llama 2", &["Stable Diffusion 3", "Llama 2"]),
            ("Hugging Face's Open LLM Leaderboard 上", &["Hugging Face's Open LLM Leaderboard"]),
            ("论文《Attention Is All You Need》提出", &["Attention Is All You Need"]),
            // a title with a subtitle is one name, in 《》 or as a link's text in Title Case
            ("教材《Linear Algebra: A Gentle Start》很好", &["Linear Algebra: A Gentle Start"]),
            // pinyin with tones
            ("和大家一起 (huá shuǐ) 交流 (mō yú)，用 Redis", &["Redis"]),
            // a paper's title in a heading: its name before the colon, no piece of the rest
            ("## Tablestore: A Scalable Store for Sparse Records 中文版", &["Tablestore"]),
            ("读过 An Introduction to Statistical Learning 吗", &[]),
            ("数据来自 The National Library of Medicine 的目录", &["National Library of Medicine"]),
            ("报告《Storage at Scale -- Costs and Gains》指出", &["Storage at Scale -- Costs and Gains"]),
            ("报告《Storage at Scale — Costs and Gains》指出", &["Storage at Scale — Costs and Gains"]),
            (
                "推荐文章 [Rust - The Hard Parts Explained](https://example.org/a)。",
                &["Rust - The Hard Parts Explained"],
            ),
            (
                "* [> > Caching: What Every Backend Needs](https://example.org/b)",
                &["Caching: What Every Backend Needs"],
            ),
            // the name of the work before its subtitle is a name of its own
            (
                "* 2021 - [RepNet: Making Plain Nets Deep Again](https://example.org/p)",
                &["RepNet: Making Plain Nets Deep Again", "RepNet"],
            ),
            // a label and its value, or a sentence, in emphasis are no title
            ("**Note: Redis** 需要先启动", &["Redis"]),
            (
                "用 Kafka 传消息 - 见 [Kafka: Log Compaction](https://example.org/c)",
                &["Kafka", "Kafka", "Log Compaction"],
            ),
            ("Transformer架构", &["Transformer"]),
            ("使用C++和C#", &["C++", "C#"]),
            // a link's address broken by a space leaves its anchor in prose
            ("字节顺序（[little-endian](https://example.org/doc/terms html#term-big-endian)）", &["little-endian"]),
            ("用C/C++开发，或用 C/C# 与 Objective-C/C++", &["C/C++", "C/C#", "Objective-C", "C++"]),
            ("采用 TCP/IP 协议", &["TCP/IP"]),
            // two parts glossed as Chinese words joined so, anywhere in the text: one term
            ("发布-订阅（Pub/Sub）是一种范式。一个简单的Pub/Sub模型", &["Pub/Sub", "Pub/Sub"]),
            ("读写锁分读/写（Reader/Writer）两种", &["Reader/Writer"]),
            ("支持 Nginx/Apache（网页服务器）", &["Nginx", "Apache"]),
            ("基于Node.js的服务", &["Node.js"]),
            ("the transformer model.", &["transformer model"]),
            ("GPT-4o(即 Omni)", &["GPT-4o", "Omni"]),
            ("用 2 个 GPUs", &["GPUs"]),
            ("迁移到 .NET 平台", &[".NET"]),
            ("打开 Search & Replace 面板", &["Search & Replace"]),
            ("R&D 部门、client/server 架构", &["R&D", "client/server"]),
            ("用 k-means 聚类，看 t-SNE 图和 e-commerce 数据", &["k-means", "t-SNE", "e-commerce"]),
            ("AT&T 的 I/O 与 TCP/IP", &["AT&T", "I/O", "TCP/IP"]),
            // a name before a call stays
            ("用 Redis flushall() 清空", &["Redis"]),
            ("此外有 Toxic dose TD<sub>50</sub> 一说", &["Toxic dose"]),
            ("支持 Linux/macOS，用 HTML/CSS/JS 写，流水线是 CI/CD", &["Linux", "macOS", "HTML", "CSS", "JS", "CI/CD"]),
            ("支持 C++11 和 ASP.NET", &["C++", "ASP.NET"]),
            ("用 Vue.js 与 Socket.IO 写 CartPole-v0", &["Vue.js", "Socket.IO", "CartPole-v0"]),
            ("迁移到 Math.NET 与 ASP.NET Core", &["Math.NET", "ASP.NET Core"]),
            ("先查 kafka & redis 表", &["kafka", "redis"]),
            ("在 HumanEval 上 Pass@1 与 Hits@k 更高，mAP@0.5 不变", &["HumanEval", "Pass@1", "Hits@k", "mAP@0.5"]),
            ("Pass@1 提升 13.6 个点，Recall@10 13.6", &["Pass@1", "Recall@10"]),
            ("问题：3.LLama的结构4.lora的原理，以及 Vue 2.x", &["LLama", "lora", "Vue 2.x"]),
            // a name's initials with their dots, and a function word in capitals before a name
            ("这篇文章来自 Kent C. Dodds 的博客", &["Kent C. Dodds"]),
            ("他也读 J. R. R. Tolkien 的书", &["J. R. R. Tolkien"]),
            ("推荐用 VS Code 打开，IT Department 负责", &["VS Code", "IT Department"]),
            ("由 Bayes' theorem 与 Students’ t-test 可知", &["Bayes' theorem", "Students’ t-test"]),
            ("测试机是 Core i7，另一台是 Tesla T4，令 Point x1 为起点", &["Core i7", "Tesla T4"]),
            ("它近似于Broyden–Fletcher–Goldfarb–Shanno算法，见 2019–2020 年", &["Broyden–Fletcher–Goldfarb–Shanno"]),
            // a short lowercase prefix with a colon before a name is part of it (not a label)
            ("就在 re:Invent 2021 之前，Note:Summary 与 std::Vec 都不算", &["re:Invent"]),
        ];
        for (text, want) in table {
            assert_eq!(found(text, Markup::Markdown), *want, "{text}");
        }
    }

    #[test]
    fn ignores_non_terms() {
        let table: &[&str] = &[
            "访问 https://arxiv.org/abs/2305.10601v2 获取",
            "下载 arxiv2305.pdf 文件",
            "网站 example.com 上",
            "使用 v2 版本",
            "联系 bob@example.org 吧",
            "感谢 @alice_99 和 @bob-k 的修复，安装 @acme/web-utils 后加上 @Override 注解",
            "一个开源小工具。（@[kaito42](https://example.org/issues/7) 投稿）",
            "在命令后加上 --mode 和 --dry-run 选项",
            "令牌 a9F3kQ2Zx81LmQ7p 已过期",
            "在 00:42 的时候",
            "共 2024 个，占 35.5%",
            "其中 y 是标签，k 值取 3",
            "变量 x1 和 w2",
            "调用 np.array 与 torch.nn.Module",
            "写在 main.rs 和 setup.py 里",
            "调用 foo() 函数",
            "使用exit full screen()方法退出全屏",
            "半数有效量 ED<sub>50</sub> 与 Ca<sup>2+</sup> 浓度",
            "变量 max_len 很大",
            "This is a sentence that we wrote.",
            "提示词是“Let's think step by step”和 \"we don't know yet\"",
            "他说 I'm not sure about it",
            "大约 16GB 内存和 400px 宽",
            "在 12-GPU服务器和 6-cores 机器上跑，硬盘转速 5400RPM",
            "每台机器只存 1/Nd 的参数",
            "位点 rs7412 与 rs429358",
            "漏洞编号 CVE-2024-41873 已公开",
            "调用 useCallback 和 sideEffects",
            "读段可达数十 kb，延迟几 ms",
            "每块为 MB 量级，密度达每平方英寸 5 Tbit",
            "带隙约为 3.2 eV，比容量为 150 mAh g-1，扫速 5 mV s-1",
            "利差收窄了 25 bps，机器人速度为 2 m/s",
            "增益下降 3dB 时，输出 20 dBm，功率 5mW，电容 100 nF",
            "资金 T+1 到账，a+b 为和",
            "调用 Promise.all 和 Thread.sleep，或 Object.defineProperty",
            "监控 System.Swap、NonHeap.Used 与 Status.JVM.Memory 指标",
            "通过 JSON.parse(响应) 和 URL.createObjectURL 转换",
            "模板里用 v-if 和 ng-model，标签加上 aria-describedby 与 data-id 属性",
            "接口 addPeer/removePeer 负责增删",
            "称为 $k$-step-ahead prediction 与 $K$-armed bandit 的问题",
            "安装 acme/web-utils 包，数据在 data/raw-images/train 下",
            "代码在 com/someone-dev 和 org/Example 下",
            "字典在 usr/share/wordlists 目录下",
            "项目在 /home/Ubuntu/django-app 下，锁文件在 /tmp/NuGetCache 上",
            "索引在 .git/index 文件里，配置在 ~/app/Config 里",
            "哈希为 e 545 ff 4-salt db 以及 b 276 af 1367 e-v",
            "换行符是 0xA，有效范围是 0000-ffff",
            "编译时加上 -fstack-clash-protection 选项，链接时加 -Wl,-z,now",
            "发布于 August 9，另一篇在 February 8, 2021 发布",
            "标题是 remote exploitation of a zero-day flaw in the wild",
            "乱码 aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa 出现了",
            // authors of a citation
            "这个数据集由 Moretti，Sala 等人提供。",
            "残差连接（Lindqvist, Moreau, Tanaka and Rossi, 2017）让训练更稳定。",
            "参考 Okafor, Adaeze, et al. 的实验",
            "Wang, L. and Novak, P. and Brandt, S. Texture features for classification",
        ];
        for text in table {
            assert_eq!(found(text, Markup::Markdown), Vec::<&str>::new(), "{text}");
        }
    }

    #[test]
    fn an_adjective_made_of_a_name_is_the_name() {
        assert_finds(&[
            ("构建 OpenShift-ready 的二进制文件。", &["OpenShift"]),
            ("把文档解析成 DOM-ish 结构。", &["DOM"]),
            ("一个 Kubernetes-native 的调度器，和 JSON-like 的格式。", &["Kubernetes", "JSON"]),
            ("用 Transformer-based 的模型。", &["Transformer"]),
            // words in small letters make a term of their own
            ("有模型的方法（model-based）与 lock-free 队列。", &["model-based", "lock-free"]),
            ("只有 x86-specific 的指令。", &["x86-specific"]),
            ("## Policy-Based 方法", &["Policy-Based"]),
            ("安装 Ad-Aware 扫描。", &["Ad-Aware"]),
        ]);
    }

    #[test]
    fn a_possessive_ending_is_no_part_of_a_name() {
        let table: &[(&str, &[&str])] = &[
            ("这是 Google's 新模型。", &["Google"]),
            ("这是 FSDP’s 的优势。", &["FSDP"]),
            // a plural's possessive before its noun stays
            ("以及 Bayes' theorem 的应用。", &["Bayes' theorem"]),
        ];
        for (text, want) in table {
            assert_eq!(found(text, Markup::Plain), *want, "{text}");
        }
    }

    #[test]
    fn an_article_with_a_capital_opens_a_short_name() {
        let table: &[(&str, &[&str])] = &[
            ("他接受了 The Harbor Gazette 的采访。", &["The Harbor Gazette"]),
            ("沙漠里有一块叫 Al Qarnain 的石头。", &["Al Qarnain"]),
            // in lowercase, or before a long description, it is a function word
            ("我们读 the Harbor Gazette 的报道。", &["Harbor Gazette"]),
            (
                "数据来自 The Northern Region Board of Public Health Statistics。",
                &["Northern Region Board of Public Health Statistics"],
            ),
        ];
        for (text, want) in table {
            assert_eq!(found(text, Markup::Plain), *want, "{text}");
        }
    }

    #[test]
    fn words_before_those_an_acronym_spells_are_no_part_of_its_full_form() {
        let table: &[(&str, &[&str])] = &[
            ("本文研究 combining large language models (LLMs) 的方法。", &["large language models", "LLMs"]),
            ("我们用 fine-tuned pretrained language models（PLMs）完成任务。", &["pretrained language models", "PLMs"]),
            // the whole run spells it
            ("我们采用 Direct Preference Optimization (DPO) 训练。", &["Direct Preference Optimization", "DPO"]),
            ("这是 Mixture of Experts (MoE) 架构。", &["Mixture of Experts", "MoE"]),
            // a word for each capital: the letters inside words spell no acronym
            ("报考 Cloudera Certified Associate (CCA) 认证。", &["Cloudera Certified Associate", "CCA"]),
        ];
        for (text, want) in table {
            assert_eq!(found(text, Markup::Plain), *want, "{text}");
        }
    }

    #[test]
    fn a_letter_spaced_from_a_number_cut_off_is_its_mark() {
        let table: &[(&str, &[&str])] = &[
            ("升级到 Grafana v 10 . 之后重启", &["Grafana"]),
            ("固件 Pixhawk V 6 已发布", &["Pixhawk"]),
            ("每分钟垃圾: 900 KB Heap x 60 次", &["Heap"]),
            // a letter of a name stays, and a number of a name
            ("做 Mann-Whitney U 检验与 Student's t 检验", &["Mann-Whitney U", "Student's t"]),
            ("在 Windows 10 与 Llama 2 上，Series B 2 轮融资", &["Windows 10", "Llama 2", "Series B"]),
        ];
        for (text, want) in table {
            assert_eq!(found(text, Markup::Markdown), *want, "{text}");
        }
    }

    #[test]
    fn ports_of_transport_protocols_are_values() {
        let table: &[(&str, &[&str])] = &[
            ("服务监听 TCP/8080 和 udp/53 端口", &[]),
            ("放行 SCTP/3868 流量", &[]),
            // versions of protocols and names with slashes stay
            ("支持 HTTP/2 与 TCP/IP", &["HTTP/2", "TCP/IP"]),
            ("用 OS/2 和 PL/SQL 写", &["OS/2", "PL/SQL"]),
        ];
        for (text, want) in table {
            assert_eq!(found(text, Markup::Markdown), *want, "{text}");
        }
    }

    #[test]
    fn a_colon_inside_an_identifier_joins_nothing() {
        for text in ["资源 arn:AWS:iam 的权限", "写 v:Variable 即可", "克隆 github.com:Owner/repo 仓库"] {
            let found = found(text, Markup::Markdown);
            assert!(!found.iter().any(|w| w.contains(':')), "{text}: {found:?}");
        }
    }

    #[test]
    fn numbers_of_headings_and_items_are_cut_off_names() {
        assert_eq!(found("### 3.2.Docker 安装\n\n参见 1.DevOps 章节", Markup::Markdown), ["Docker", "DevOps"]);
        assert_eq!(found("版本 3.2.1 与 Vue 2.x", Markup::Markdown), ["Vue 2.x"]);
    }

    #[test]
    fn a_roman_numeral_is_part_of_the_name_before_it_and_a_number_alone() {
        let table: &[(&str, &[&str])] = &[
            ("先看 Lead I 和 Lead II 的波形，再看 Mobitz Type I。", &["Lead I", "Lead II", "Mobitz Type I"]),
            ("三个导联：I、II、III。", &[]),
            ("用 Async I / O 接口，看 AWS X 射线。", &["AWS"]),
            ("第 XII 章讲 Phase III 试验。", &["Phase III"]),
            ("步骤 (ii) 和 (iii) 之后，用 vi 编辑。", &["vi"]),
            // an acronym spelled as a numeral stays
            ("加密需要一个 IV（初始化向量）。", &["IV"]),
        ];
        assert_finds(table);
    }

    #[test]
    fn code_in_markdown_is_not_prose() {
        assert_eq!(found("调用 `tokenizer.encode` 得到 token id", Markup::Markdown), ["token id"]);
    }
}
