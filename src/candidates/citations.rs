//! Lists of authors: the people a citation or a reference names (`Vinyals, Oriol, et al.`,
//! `He, Zhang, Ren and Sun, 2016`, `Wang, L. and Novak, P.`, `由 Moretti，Sala 等人提供`). Their
//! names are no terms. A list is a run of capitalised names, initials and separators (`,`,
//! `，`, `、`, `and`, `&`, `和`) that a citation closes: `et al.` or `等人` after it, a year
//! (in brackets too) after a list of two names or more, or initials after two of its names
//! (`Wang, L.`), or initials before two of its names (`L. Wang, P. Novak`), or the year a work
//! came out (`由 Moretti 和 Sala 于 2017 年提出`, after two names or more); two names or more
//! that open a numbered reference (`[7] Lina Okafor, Mateo Ruiz:`) are its authors too. A single name before a year (`Windows 2016`) is no list, but
//! one with a comma between is a citation (`Cohen，1995`).

use crate::model::Span;
use crate::text::chars::is_cjk;
use crate::text::lexicon::lower;
use crate::text::lexicon::names::KNOWN_NAMES;

/// Whether `w` is a name the crate knows (a company, a product: `Google 和 Microsoft 于 2019
/// 年` are no authors).
fn is_known_name(w: &str) -> bool {
    KNOWN_NAMES.contains(&lower(w).as_ref())
}

/// Particles inside a person's name (`Ludwig van Beethoven`, `Maria de la Cruz`).
const PARTICLES: &[&str] = &["van", "von", "de", "der", "den", "del", "da", "di", "la", "le", "du", "dos", "bin"];
/// Words that join the last two names of a list.
const JOINERS: &[&str] = &["and", "&", "和", "与"];
/// Closings of a list of authors that stops short (et al., 等人).
const ET_AL: &[&str] = &["et al", "等人"];
/// A list that a year closes names this many people at least.
const MIN_NAMES_BEFORE_YEAR: usize = 2;
/// A list with initials has this many names followed by initials at least (`Wang, L.`), or
/// this many after them (`L. Wang, P. Novak`).
const MIN_INITIALLED_NAMES: usize = 2;
/// The word before a year that says when a work came out (`于 2017 年`); `在 2017 年` says
/// when anything happened (`Vue 和 React 在 2020 年都更新了`).
const CAME_OUT: [&str; 1] = ["于"];
/// The word after such a year (`2017 年`).
const YEAR_WORD: &str = "年";

/// A piece of a line, as a list of authors is read.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Token {
    /// A capitalised word (`Vinyals`, `Ó`).
    Name,
    /// A capital and a period, or several (`L.`, `J.-P.`, `J.R.`).
    Initial,
    /// A comma of either width, `、`, or a joining word.
    Separator,
    /// `et al` or `等人`.
    EtAl,
    /// A year of this century or the last.
    Year,
    /// Anything else.
    Other,
}

/// The lists of authors in `view`, in text order. Only lines with a closing are read: `et
/// al`, `等人`, a comma before an initial or a year (`Wang, L.`, `Rossi, 2017`), a
/// full-width one before a year (`Rossi，2017`), a year in brackets, or a reference's number
/// at the start.
pub(super) fn author_lists(view: &str) -> Vec<Span> {
    let bytes = view.as_bytes();
    let mut triggers: Vec<usize> = memchr::memmem::find_iter(bytes, b"et al")
        .chain(memchr::memmem::find_iter(bytes, "等人".as_bytes()))
        .chain(memchr::memchr_iter(b',', bytes).filter(|&p| closes_after_comma(&bytes[p + 1..])))
        // (a full-width comma before a year only, found by the pair: it is in every sentence)
        .chain(memchr::memmem::find_iter(bytes, "，19".as_bytes()).filter(|&p| closes_after_comma(&bytes[p + 3..])))
        .chain(memchr::memmem::find_iter(bytes, "，20".as_bytes()).filter(|&p| closes_after_comma(&bytes[p + 3..])))
        // (a year in brackets, of either width: Sander (2000), Holt 和 Winters（1960）)
        .chain(["(19", "(20", "（19", "（20"].iter().flat_map(|y| memchr::memmem::find_iter(bytes, y.as_bytes())))
        // (the year a work came out: 于 1980 年)
        .chain(CAME_OUT.iter().flat_map(|w| memchr::memmem::find_iter(bytes, w.as_bytes())).filter(|&p| {
            let after = view[p + CAME_OUT[0].len()..].trim_start_matches(' ');
            after.get(..4).is_some_and(|y| word_token(y) == Token::Year)
                && after[4..].trim_start_matches(' ').starts_with(YEAR_WORD)
        }))
        // (a numbered reference: [10] Xin Dang, …)
        .chain(
            std::iter::once(0)
                .chain(memchr::memchr_iter(b'\n', bytes).map(|p| p + 1))
                .filter(|&p| bytes.get(p) == Some(&b'[') && reference_number(&view[p..]).is_some()),
        )
        .collect();
    if triggers.is_empty() {
        return Vec::new();
    }
    triggers.sort_unstable();
    let mut out = Vec::new();
    let mut read_to = 0;
    for t in triggers {
        if t < read_to {
            continue; // its line is read
        }
        let start = memchr::memrchr(b'\n', &bytes[..t]).map_or(0, |p| p + 1);
        let end = memchr::memchr(b'\n', &bytes[t..]).map_or(view.len(), |p| t + p);
        lists_in_line(&view[start..end], start, &mut out);
        read_to = end;
    }
    out
}

/// Whether the bytes after a comma open an initial (` L.`) or a year (` 2017`).
fn closes_after_comma(after: &[u8]) -> bool {
    let a = after.strip_prefix(b" ").unwrap_or(after);
    match a {
        [c, b'.', ..] if c.is_ascii_uppercase() => true,
        [b'1', b'9', d, e, ..] | [b'2', b'0', d, e, ..] => d.is_ascii_digit() && e.is_ascii_digit(),
        _ => false,
    }
}

/// The length of the number of a reference that opens `line` (`[10] `), if it has one.
fn reference_number(line: &str) -> Option<usize> {
    let inner = line.strip_prefix('[')?;
    let digits = inner.bytes().take_while(u8::is_ascii_digit).count();
    (digits > 0 && inner[digits..].starts_with("] ")).then_some(digits + 3)
}

/// The lists of authors in `line`, which starts at `offset` of the view.
fn lists_in_line(line: &str, offset: usize, out: &mut Vec<Span>) {
    // the names that open a numbered reference are its authors
    let numbered = reference_number(line);
    let tokens = tokens(line);
    let mut i = 0;
    while i < tokens.len() {
        // (a list may open with an initial: `L. Wang, P. Novak`)
        if !matches!(tokens[i].0, Token::Name | Token::Initial) {
            i += 1;
            continue;
        }
        // the run of names, initials and separators from here
        let mut j = i;
        while j < tokens.len() && matches!(tokens[j].0, Token::Name | Token::Initial | Token::Separator) {
            j += 1;
        }
        let run = &tokens[i..j];
        // (people, not words: Red Hat Summit 2021 is one name before a year)
        let names = 1 + run.windows(2).filter(|w| w[0].0 == Token::Separator && w[1].0 == Token::Name).count();
        let initialled = run
            .windows(3)
            .filter(|w| w[0].0 == Token::Name && w[1].0 == Token::Separator && w[2].0 == Token::Initial)
            .count();
        let closing = tokens.get(j).map(|t| t.0);
        let opens_reference = numbered.is_some_and(|n| line[n..].trim_start().len() + run[0].1.start == line.len());
        // (one name, a comma and a year cite a work: `Cohen，1995`, `(Davis, 2019)`)
        let comma = |t: &(Token, Span)| matches!(&line[t.1.range()], "," | "，");
        // (the year closes the citation: not `Redis, 2019 年发布`)
        let year_closes = || {
            tokens.get(j).is_some_and(|t| {
                let after = line[t.1.end..].trim_start();
                after.is_empty() || after.starts_with([')', '）', '。', '.', ';', '；', ',', '，', ']'])
            })
        };
        let cited_alone = closing == Some(Token::Year) && run.len() == 2 && comma(&run[1]) && year_closes();
        // (L. Wang, P. Novak: names after their initials)
        let fronted = run.windows(2).filter(|w| w[0].0 == Token::Initial && w[1].0 == Token::Name).count();
        // (由 Moretti 和 Sala 于 2017 年: the year the work came out, after names of people)
        let came_out = closing == Some(Token::Other)
            && tokens.get(j).is_some_and(|t| CAME_OUT.contains(&&line[t.1.range()]))
            && tokens.get(j + 1).is_some_and(|t| t.0 == Token::Year)
            && names >= MIN_NAMES_BEFORE_YEAR
            && run.iter().all(|t| t.0 != Token::Name || !is_known_name(&line[t.1.range()]));
        // (products the crate knows are no authors: `PyTorch 和 TensorFlow（2019）`)
        let people = || run.iter().all(|t| t.0 != Token::Name || !is_known_name(&line[t.1.range()]));
        let is_list = closing == Some(Token::EtAl)
            || (closing == Some(Token::Year) && people() || opens_reference) && names >= MIN_NAMES_BEFORE_YEAR
            || cited_alone
            || came_out
            || initialled >= MIN_INITIALLED_NAMES
            || fronted >= MIN_INITIALLED_NAMES;
        if is_list {
            // from the first name to the last name, or the last initial when the names have
            // initials (a title may start right after: `Brandt, S. Texture features`), or the
            // last name after an initial when the initials come first (`P. Novak, The …`)
            // (a list that opens with an initial puts its initials first)
            let last = if run[0].0 == Token::Initial && fronted >= MIN_INITIALLED_NAMES {
                run.windows(2).rposition(|w| w[0].0 == Token::Initial && w[1].0 == Token::Name).map(|k| k + 1)
            } else if initialled >= MIN_INITIALLED_NAMES {
                run.iter().rposition(|t| t.0 == Token::Initial)
            } else {
                run.iter().rposition(|t| t.0 == Token::Name)
            };
            let last = last.unwrap_or(0);
            out.push(Span::new(offset + run[0].1.start, offset + run[last].1.end));
        }
        i = j.max(i + 1);
    }
}

/// The tokens of `line`, each with its span in the line. Spaces separate tokens and are no
/// token; particles inside a name are read as part of it.
fn tokens(line: &str) -> Vec<(Token, Span)> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < line.len() {
        let rest = &line[at..];
        let c = rest.chars().next().unwrap_or(' ');
        if c.is_whitespace() {
            at += c.len_utf8();
            continue;
        }
        if let Some(e) = ET_AL.iter().find(|e| rest.starts_with(**e)) {
            out.push((Token::EtAl, Span::new(at, at + e.len())));
            at += e.len();
            continue;
        }
        if let Some(j) = JOINERS.iter().find(|j| rest.starts_with(**j) && ends_word(rest, j.len())) {
            out.push((Token::Separator, Span::new(at, at + j.len())));
            at += j.len();
            continue;
        }
        // (2000), （2000）: a year in brackets
        if let Some(inner) = rest.strip_prefix(['(', '（']) {
            let close = inner.get(4..).and_then(|r| r.chars().next()).filter(|c| matches!(c, ')' | '）'));
            if let Some(close) = close.filter(|_| word_token(&inner[..4]) == Token::Year) {
                let len = rest.len() - inner.len() + 4 + close.len_utf8();
                out.push((Token::Year, Span::new(at, at + len)));
                at += len;
                continue;
            }
        }
        if matches!(c, ',' | '，' | '、') {
            out.push((Token::Separator, Span::new(at, at + c.len_utf8())));
            at += c.len_utf8();
            continue;
        }
        // a word: letters with inner hyphens, apostrophes and periods (Chinese glued after
        // it is none of it: `Xiao等人`)
        let len: usize = rest
            .char_indices()
            .take_while(|&(k, ch)| ch.is_alphanumeric() && !is_cjk(ch) || k > 0 && matches!(ch, '-' | '\'' | '’' | '.'))
            .map(|(_, ch)| ch.len_utf8())
            .sum();
        if len == 0 {
            at += c.len_utf8();
            out.push((Token::Other, Span::new(at - c.len_utf8(), at)));
            continue;
        }
        let word = &rest[..len];
        let token = word_token(word);
        // (a name's particle joins it: de la Cruz)
        if token == Token::Other && PARTICLES.contains(&word) && out.last().is_some_and(|t| t.0 == Token::Name) {
            at += len;
            continue;
        }
        out.push((token, Span::new(at, at + len)));
        at += len;
    }
    out
}

/// Whether `s` has no letter right after byte `n` (a word of its own ends there).
fn ends_word(s: &str, n: usize) -> bool {
    !s[n..].chars().next().is_some_and(|c| c.is_ascii_alphabetic())
}

/// What a word is, read alone.
fn word_token(word: &str) -> Token {
    let is_initials = {
        // L. or J.-P. or J.R.
        let parts: Vec<&str> = word.split(['.', '-']).filter(|p| !p.is_empty()).collect();
        word.ends_with('.')
            && !parts.is_empty()
            && parts.iter().all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
    };
    if is_initials {
        return Token::Initial;
    }
    let year = word.len() == 4
        && (word.starts_with("19") || word.starts_with("20"))
        && word.bytes().all(|b| b.is_ascii_digit());
    if year {
        return Token::Year;
    }
    // (G.Ananthan: an initial written close to the name)
    let mut bare = word;
    while let Some(rest) = bare.strip_prefix(|c: char| c.is_uppercase()).and_then(|r| r.strip_prefix('.')) {
        bare = rest;
    }
    let first = bare.chars().next().unwrap_or(' ');
    let name = first.is_uppercase()
        && bare.chars().skip(1).any(char::is_lowercase)
        && bare.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'));
    if name {
        Token::Name
    } else {
        Token::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of each list of authors found in `text`.
    fn lists(text: &str) -> Vec<&str> {
        author_lists(text).into_iter().map(|s| &text[s.range()]).collect()
    }

    #[test]
    fn lists_of_authors() {
        let table: &[(&str, &[&str])] = &[
            ("Okafor, Adaeze, et al. \"Scaling laws for sparse retrieval.\" Proc. (2021): 1-9.", &["Okafor, Adaeze"]),
            (
                "残差连接（Lindqvist, Moreau, Tanaka and Rossi, 2017）让训练更稳定。",
                &["Lindqvist, Moreau, Tanaka and Rossi"],
            ),
            (
                "Wang, L. and Novak, P. and Brandt, S. Texture features for classification. Journal of Vision 2011",
                &["Wang, L. and Novak, P. and Brandt, S."],
            ),
            ("这个数据集由 Moretti，Sala 等人提供。", &["Moretti，Sala"]),
            ("详见经验方法一书，Cohen，1995。", &["Cohen"]),
            ("这一结论（Davis, 2019）已被复现。", &["Davis"]),
            ("例如，Okoro等人演示了这种初始化。", &["Okoro"]),
            ("见（Ferreira、Olsen 和 Kowalski，2019）的比较。", &["Ferreira、Olsen 和 Kowalski"]),
            ("注意力机制（Haddad et al., 2019）", &["Haddad"]),
            (
                "作者是 Maria de la Cruz and Jean-Pierre Dubois, 2020 年发表。",
                &["Maria de la Cruz and Jean-Pierre Dubois"],
            ),
            // not lists of authors
            ("我们在 Windows 2016 上测试。", &[]),
            ("支持 Python, C. 和 Java。", &[]),
            ("常用的工具有 Docker、Kubernetes 和 Helm 等。", &[]),
            ("Redis, 2019 年发布了新版本。", &[]),
            ("会议有 Kafka Summit Europe 2021 和 Red Hat Summit 2021。", &[]),
            ("Brenner, Kowal, Ito, and Sandoval (2000) Local outliers. Proc.", &["Brenner, Kowal, Ito, and Sandoval"]),
            (
                "[7] Lina Okafor, Mateo Ruiz and Sven Berg: Robust estimators in regression.",
                &["Lina Okafor, Mateo Ruiz and Sven Berg"],
            ),
            ("[3] Docker 入门，见 Kubernetes 文档", &[]),
            ("我们在 Windows (2019) 上测试。", &[]),
            // a year in full-width brackets, or glued to the last name
            ("数据集归功于 Okafor，Lindqvist 和 Moreau（1998）。", &["Okafor，Lindqvist 和 Moreau"]),
            ("这来自 Tanaka 和 Rossi(1960)的工作", &["Tanaka 和 Rossi"]),
            // products the crate knows are no authors
            ("我们比较了 PyTorch 和 TensorFlow（2019）", &[]),
            ("Teh, Y.W. and G.Ananthan, K. Topic models. 2009", &["Teh, Y.W. and G.Ananthan, K."]),
            // the year a work came out, after two names of people
            ("这种滤波器由 Okafor 和 Lindqvist 于 1987 年提出。", &["Okafor 和 Lindqvist"]),
            ("该编码最早由 Moreau、Tanaka 与 Rossi 于 2003 年给出", &["Moreau、Tanaka 与 Rossi"]),
            // initials before the names
            ("[Ruiz2011] M. Ruiz, S. Berg, The Shape of Error Curves. ICML 2011.", &["M. Ruiz, S. Berg"]),
            ("参见 K. Tanaka, L. Rossi 与 A. Moreau 的综述", &["K. Tanaka, L. Rossi 与 A. Moreau"]),
            // not lists of authors: companies and products, one name, a name and its initial
            ("该标准由 Google 和 Microsoft 于 2019 年共同提出。", &[]),
            ("Kubernetes 于 2014 年开源，Svelte 和 Solid 在 2020 年都更新了。", &[]),
            ("这本书由 J. Tolkien 写成，Python 和 NumPy 很常用。", &[]),
            ("由 Okafor 和 Sala 于 A.中文 与于 19", &[]),
        ];
        for (text, want) in table {
            assert_eq!(lists(text), *want, "{text}");
        }
    }
}
