//! Words and runs of words in the prose view. A word is a stretch of Latin letters, digits
//! and `_`, in any width; inside it `-`, `.`, `'`, `/` and `&` join word characters
//! (`Llama-3.1`, `Node.js`, `Hugging Face's`, `TCP/IP`), an en dash joins names
//! (`Broyden–Fletcher–Goldfarb–Shanno`), `@` joins a cut-off to a metric
//! (`Pass@1`, `Hits@k`), a colon joins a short lowercase prefix to a name (`re:Invent`), and `+`/`#` may end a short name (`C++`, `C#`, not `T+1`); a dot before a capital starts a name (`.NET`). A run is words
//! separated by single spaces or tabs, by ` & ` between capitalised words
//! (`Search & Replace`), or by the apostrophe of a name's possessive (`Bayes' theorem`).

use crate::model::Span;
use crate::text::chars::fold;

/// The longest name that `+` or `#` may end, in letters: `C++`, `F#`; `Go+` and `abc#` are
/// other things.
const MAX_PLUS_NAME: usize = 2;

/// The shortest and longest lowercase prefix that a colon joins to a capitalised name
/// (`re:Invent`); a single letter is a label or a namespace (`v:Variable`).
const MIN_COLON_PREFIX: usize = 2;
const MAX_COLON_PREFIX: usize = 3;

/// A word: its span.
#[derive(Clone, Copy, Debug)]
pub(super) struct Word {
    pub(super) span: Span,
}

/// Whether `c` is a word character: a letter, digit or `_` (full-width ones folded), or a
/// Latin letter with a diacritic.
fn is_word_char(c: char) -> bool {
    let c = fold(c);
    c.is_ascii_alphanumeric() || c == '_' || (('\u{c0}'..='\u{24f}').contains(&c) && c.is_alphabetic())
}

/// Whether `c` joins word characters into one word (`-`, `.`, `'`, `’`, `/`, `&`).
fn is_joiner(c: char) -> bool {
    matches!(fold(c), '-' | '.' | '\'' | '’' | '/' | '&')
}

/// The bytes that may start a word character: ASCII letters, digits and `_`, the lead bytes
/// of two-byte Latin letters (C3–C9) and of full-width forms (EF).
static MAY_START_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = c.is_ascii_alphanumeric() || c == b'_' || (c >= 0xc3 && c <= 0xc9) || c == 0xef;
        b += 1;
    }
    t
};

/// How far the search for a word moves on from a byte that cannot start one: over a whole
/// character from its first byte (three for a Chinese one), or 0 at a byte that may start a
/// word ([`MAY_START_WORD`]).
static SKIP: [u8; 256] = {
    let mut t = [1u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = if MAY_START_WORD[b] {
            0
        } else if b >= 0xf0 && b <= 0xf7 {
            4
        } else if b >= 0xe0 && b <= 0xef {
            3
        } else if b >= 0xc0 && b <= 0xdf {
            2
        } else {
            1
        };
        b += 1;
    }
    t
};

/// The first byte at or after `i` (a character boundary) that may start a word, if any:
/// whole characters are stepped over, as no byte inside a character may start a word.
fn next_word_start(bytes: &[u8], mut i: usize) -> Option<usize> {
    while let Some(&b) = bytes.get(i) {
        match SKIP[b as usize] {
            0 => return Some(i),
            n => i += n as usize,
        }
    }
    None
}

/// Calls `each` with every run of words separated by single spaces or tabs, in order.
pub(super) fn each_run(view: &str, mut each: impl FnMut(&[Word])) {
    let bytes = view.as_bytes();
    let char_at = |i: usize| view[i..].chars().next();
    let mut run: Vec<Word> = Vec::new();
    let mut last_end = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        let Some(at) = next_word_start(bytes, i) else {
            break;
        };
        i = at;
        let Some(c) = char_at(i) else { break };
        if !is_word_char(c) {
            i += c.len_utf8();
            continue;
        }
        // a word starts at i, or at the dot before it in a name such as .NET
        let mut start = if starts_dotted_name(view, i) { i - 1 } else { i };
        let (end, next) = scan_word(view, i);
        i = next;
        // 3.LLama, 4.lora: the number of an item glued to its first word
        if bytes[start].is_ascii_digit() {
            start += list_number(&view[start..end], !view[..start].ends_with([' ', '\t', '\u{a0}']));
        }
        let joined = !run.is_empty() && {
            let gap = &view[last_end..start];
            let single = (gap == " " || gap == "\t" || gap == "\u{a0}") && !view[..start].ends_with("  ");
            // Search & Replace, Research & Development: an ampersand between capitalised words
            let ampersand = gap == " & " && capitalised(&view[start..]) && {
                let prev = &run[run.len() - 1];
                capitalised(&view[prev.span.start..prev.span.end])
            };
            // i.i.d. assumption: a dotted abbreviation's dot ends no run
            let abbreviation = gap == ". " && {
                let prev = &run[run.len() - 1];
                is_dotted_letters(&view[prev.span.start..prev.span.end])
            };
            // Kent C. Dodds, J. R. R. Tolkien: a capital with its dot is a name's initial
            let initial = gap == ". " && capitalised(&view[start..]) && {
                let prev = &view[run[run.len() - 1].span.range()];
                prev.len() == 1 && capitalised(prev)
            };
            // Bayes' theorem, Students' t-test: the apostrophe of a plural's possessive
            let possessive = (gap == "' " || gap == "’ ") && {
                let prev = &view[run[run.len() - 1].span.range()];
                prev.ends_with(['s', 'S']) && capitalised(prev)
            };
            single || ampersand || abbreviation || initial || possessive
        };
        if !joined && !run.is_empty() {
            each(&run);
            run.clear();
        }
        run.push(Word { span: Span::new(start, end) });
        last_end = end;
    }
    if !run.is_empty() {
        each(&run);
    }
}

/// Whether the `+` at `j` is a single plus followed by a word character: `T+1` and `a+b`
/// are arithmetic, not a name like `C++` (`C++11` is still one).
fn plus_before_word(view: &str, j: usize) -> bool {
    view[j..].starts_with('+') && view[j + 1..].chars().next().is_some_and(is_word_char)
}

/// Whether `rest` (after an `@` inside a word) is a cut-off of a metric: digits, or a
/// single letter (`@k`, `@K`, `@n`) that ends the word.
fn at_rank(rest: &str) -> bool {
    let b = rest.as_bytes();
    match b.first() {
        Some(d) if d.is_ascii_digit() => true,
        Some(c) if c.is_ascii_alphabetic() => {
            !b.get(1).is_some_and(|n| n.is_ascii_alphanumeric() || *n == b'_' || *n == b'.')
        }
        _ => false,
    }
}

/// The length of a list item's number glued to the word `w`, when no space joins `w` to a
/// word before it (`3.LLama`, `12.bert`): one or two digits and a dot before two letters or more; 0 for anything else
/// (`2.x`, `3.11`, `v1.2`).
fn list_number(w: &str, opens_run: bool) -> usize {
    let b = w.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let letters = b.iter().skip(digits + 1).take_while(|c| c.is_ascii_alphabetic()).count();
    if opens_run && (1..=2).contains(&digits) && b.get(digits) == Some(&b'.') && letters >= 2 {
        digits + 1
    } else {
        0
    }
}

/// Whether the colon at `j` joins the word started at `start` to a name as its prefix
/// (`re:Invent`): two or three lowercase letters that follow no dot, colon, slash or `@`, and
/// a capitalised name after the colon that no colon or slash follows (`arn:aws:iam`,
/// `github.com:Owner/repo` are identifiers).
fn colon_prefix(view: &str, start: usize, j: usize) -> bool {
    let b = view.as_bytes();
    let name = b[j + 1..].iter().take_while(|c| c.is_ascii_alphanumeric()).count();
    (MIN_COLON_PREFIX..=MAX_COLON_PREFIX).contains(&(j - start))
        && b[start..j].iter().all(u8::is_ascii_lowercase)
        && (start == 0 || !matches!(b[start - 1], b'.' | b':' | b'/' | b'@'))
        && b.get(j + 1).is_some_and(u8::is_ascii_uppercase)
        && !matches!(b.get(j + 1 + name), Some(b':' | b'/'))
}

/// Whether `w` is letters joined by dots (`i.i.d`, `e.g`), an abbreviation.
fn is_dotted_letters(w: &str) -> bool {
    w.contains('.') && w.split('.').all(|p| p.chars().count() == 1 && p.chars().all(|c| c.is_ascii_alphabetic()))
}

/// Whether `s` starts with a capital letter.
fn capitalised(s: &str) -> bool {
    s.chars().next().is_some_and(|c| fold(c).is_ascii_uppercase())
}

/// Whether the word at `i` is a name that starts with a dot (`.NET`): a dot before a capital,
/// with no word or dot before it.
fn starts_dotted_name(view: &str, i: usize) -> bool {
    let b = view.as_bytes();
    i > 0
        && b[i - 1] == b'.'
        && capitalised(&view[i..])
        && view[..i - 1].chars().next_back().is_none_or(|c| !is_word_char(c) && !is_joiner(c) && c != '.')
}

/// The word that starts at `start` (a word character): where it ends, and where the scan
/// for the next one goes on.
fn scan_word(view: &str, start: usize) -> (usize, usize) {
    let bytes = view.as_bytes();
    let char_at = |i: usize| view[i..].chars().next();
    let mut end = start;
    let mut j = start;
    // where the part after the last joiner starts (the C++ of C/C++)
    let mut part = start;
    while j < bytes.len() {
        if bytes[j].is_ascii_alphanumeric() || bytes[j] == b'_' {
            // the common case, without decoding or folding
            j += 1;
            end = j;
            continue;
        }
        let Some(c) = char_at(j) else { break };
        if is_word_char(c) {
            j += c.len_utf8();
            end = j;
        } else if is_joiner(c) {
            // a joiner counts only between word characters
            if char_at(j + c.len_utf8()).is_some_and(is_word_char) {
                j += c.len_utf8();
                part = j;
            } else {
                break;
            }
        } else if c == '–'
            && view[..j].ends_with(|p: char| p.is_ascii_lowercase())
            && char_at(j + c.len_utf8()).is_some_and(|n| n.is_ascii_uppercase())
        {
            // Broyden–Fletcher–Goldfarb–Shanno: an en dash between names joins them
            j += c.len_utf8();
        } else if c == ':' && colon_prefix(view, start, j) {
            // re:Invent, re:Mars: a short lowercase prefix and a colon before a capital
            j += 1;
        } else if c == '@' && at_rank(&view[j + 1..]) {
            // Pass@1, Recall@10, mAP@0.5, Hits@k: a metric at a cut-off
            j += 1;
        } else if matches!(c, '+' | '#')
            && view[part..end].chars().all(|c| c.is_ascii_alphabetic())
            && end - part <= MAX_PLUS_NAME
            && !plus_before_word(view, j)
        {
            // C++, C#, F#, and C/C++
            j += 1;
            end = j;
            while bytes.get(j) == Some(&b'+') {
                j += 1;
                end = j;
            }
            break;
        } else {
            break;
        }
    }
    (end, j.max(end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest::proptest! {
        /// Stepping over whole characters finds the byte that a byte-by-byte search finds.
        #[test]
        fn next_word_start_agrees_with_a_byte_search(text in "[a-z_0-9 .,模型中文ＡＢ，（）éÉ\u{1f}\u{1e}𝑥😀ḁ]{0,40}", from in 0usize..200) {
            let bytes = text.as_bytes();
            let mut i = from.min(text.len());
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            let plain = bytes[i..].iter().position(|&b| MAY_START_WORD[b as usize]).map(|p| i + p);
            prop_assert_eq!(next_word_start(bytes, i), plain);
        }
    }
}
