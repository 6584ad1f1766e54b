//! What is not prose in any text, Markdown or plain: URLs (with a scheme or `www.`), e-mail
//! addresses, handles and decorators after `@`, hashtags (`#awswishlist`), options of command lines (`--mode`, `–mode`),
//! command lines that translation spaced out (`run . py`), and HTML character references, all
//! masked as [`HARD`].

use super::scan::{fill, NextOf};
use super::{HARD, MARK};
use crate::text::lexicon::english::FILE_EXTENSIONS;
use memchr::memmem::Finder;
use std::sync::LazyLock;

/// The longest name of a character reference looked for: a longer run after `&` is text.
const MAX_ENTITY_NAME: usize = 10;

/// The shortest name of a character reference: `&a;` is text, `&lt;` is not.
const MIN_ENTITY_NAME: usize = 2;

/// Masks HTML character references: `&lt;`, `&nbsp;`, `&#8212;`, `&#x4e2d;`.
pub(super) fn mask_entities(v: &mut [u8]) {
    let mut i = 0;
    while i < v.len() {
        match memchr::memchr(b'&', &v[i..]) {
            Some(p) => i += p,
            None => return,
        }
        let body =
            v[i + 1..].iter().take(MAX_ENTITY_NAME).take_while(|b| b.is_ascii_alphanumeric() || **b == b'#').count();
        if body >= MIN_ENTITY_NAME && v.get(i + 1 + body) == Some(&b';') {
            let e = escaped_tag_end(v, i).unwrap_or(i + body + 2);
            fill(v, i..e, HARD);
            i = e;
            continue;
        }
        i += 1;
    }
}

/// Masks hashtags (`#awswishlist`, `#100DaysOfCode`): a `#` after no word character and
/// before a letter, with the word after it; a tag, not prose (`C#` keeps its `#`, an issue's
/// `#1234` has no letter to be a term).
pub(super) fn mask_hashtags(v: &mut [u8]) {
    let mut i = 0;
    while let Some(p) = memchr::memchr(b'#', &v[i..]) {
        i += p;
        // (not a heading's id, `{#intro}`)
        let free = i == 0 || !(v[i - 1].is_ascii_alphanumeric() || matches!(v[i - 1], b'#' | b'&' | b'_' | b'{'));
        let word = v[i + 1..].iter().take_while(|b| b.is_ascii_alphanumeric() || **b == b'_').count();
        if free && v.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
            fill(v, i..i + 1 + word, HARD);
        }
        i += 1 + word;
    }
}

/// The longest name written between escaped angle brackets that is read as a tag or a
/// placeholder (`&lt;unk&gt;`, `&lt;your-api-key&gt;`); longer, the brackets hold text.
const MAX_ESCAPED_TAG_NAME: usize = 40;

/// Where an escaped tag or placeholder that starts at `i` (`&lt;eos&gt;`, `&lt;/div&gt;`) ends:
/// a name between escaped angle brackets is markup or a stand-in for a value, not prose.
fn escaped_tag_end(v: &[u8], i: usize) -> Option<usize> {
    let rest = v[i..].strip_prefix(b"&lt;")?;
    let name = rest
        .iter()
        .take(MAX_ESCAPED_TAG_NAME + 1)
        .take_while(|b| b.is_ascii_alphanumeric() || b"/_-.:".contains(b))
        .count();
    let has_letter = rest[..name].iter().any(u8::is_ascii_alphabetic);
    (name <= MAX_ESCAPED_TAG_NAME && has_letter && rest[name..].starts_with(b"&gt;")).then(|| i + 4 + name + 4)
}

/// Masks the options of command lines (`--mode`, `--dry-run`): code, not prose. Found by one
/// search for `--`, as hyphens are common in prose and options are not.
fn mask_options(v: &mut [u8]) {
    let mut from = 0;
    static FINDER: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"--"));
    while let Some(i) = FINDER.find(&v[from..]).map(|p| from + p) {
        let starts = i == 0 || !v[i - 1].is_ascii_alphanumeric() && v[i - 1] != b'-';
        let name = v[i + 2..].iter().take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_')).count();
        if starts && v.get(i + 2).is_some_and(u8::is_ascii_lowercase) {
            let end = i + 2 + name;
            let end = end + value_after(v, end);
            fill(v, i..end, HARD);
            from = end;
        } else {
            from = i + 2 + name;
        }
    }
}

/// The en dash that machine translation writes for the `--` of an option (`–header`).
const EN_DASH: &[u8] = "–".as_bytes();

/// Masks options written with an en dash (`[–nogui]`, `-d，–DNS`): after a space, a bracket,
/// a comma or the start, and right before a letter; an en dash between words (`help–提供`,
/// `2–3`) is punctuation.
fn mask_dash_options(v: &mut [u8]) {
    let mut from = 0;
    static FINDER: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(EN_DASH));
    while let Some(i) = FINDER.find(&v[from..]).map(|p| from + p) {
        let at = i + EN_DASH.len();
        // (a bracket may be masked already as markup)
        let starts = i == 0 || before_option(v[i - 1]) || v[..i].ends_with("，".as_bytes());
        let name = v[at..].iter().take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_')).count();
        if starts && v.get(at).is_some_and(u8::is_ascii_alphabetic) {
            let end = at + name + value_after(v, at + name);
            fill(v, i..end, HARD);
            from = end;
        } else {
            from = at + name;
        }
    }
}

/// Whether `b` may come right before an option: a space, a bracket, a comma, or markup.
fn before_option(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'[' | b'(' | b',' | MARK | HARD)
}

/// The length of the value in capitals after an option ending at `end` (a space and a word
/// in capitals: `-t TARGET`, `--out OUTPUT_DIR`), or 0: a placeholder, not an acronym.
fn value_after(v: &[u8], end: usize) -> usize {
    v[end..].strip_prefix(b" ").map_or(0, |rest| {
        let n = rest.iter().take_while(|b| b.is_ascii_uppercase() || **b == b'_').count();
        let whole = rest.get(n).is_none_or(|b| !b.is_ascii_alphanumeric());
        if n >= 2 && whole {
            n + 1
        } else {
            0
        }
    })
}

/// The most letters of one-letter options written together (`-xzf`).
const MAX_OPTION_CLUSTER: usize = 4;

/// Masks one-letter options (`-h`, `[-t TARGET]`, `-d，`) with their values in capitals; a
/// hyphen inside a word or before a number is no option.
fn mask_short_options(v: &mut [u8]) {
    let mut i = 0;
    while let Some(p) = memchr::memchr(b'-', &v[i..]) {
        i += p;
        // (most hyphens join words or draw rules: the cheap tests first)
        if !(i == 0 || before_option(v[i - 1])) || !v.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
            i += 1;
            continue;
        }
        // (or a few letters together in lowercase: -la, -vv, -xzf)
        let letters = v[i + 1..].iter().take(MAX_OPTION_CLUSTER + 1).take_while(|b| b.is_ascii_alphabetic()).count();
        let cluster = letters == 1
            || letters <= MAX_OPTION_CLUSTER && v[i + 1..i + 1 + letters].iter().all(u8::is_ascii_lowercase);
        let option = cluster
            && v.get(i + 1 + letters).is_none_or(|b| !b.is_ascii_alphanumeric() && !matches!(b, b'-' | b'_' | b'.'));
        // a long option of one dash (-fstack-clash-protection, -Wl,-z,now): a letter and a
        // run with a dash, a comma or an equals sign inside
        let run = v[i + 1..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b',' | b'=' | b'.' | b'+'))
            .count();
        // (not after masked text: $k$-step-ahead is a word glued to math)
        let long = (i == 0 || matches!(v[i - 1], b' ' | b'\t' | b'\n' | b'[' | b'(' | b','))
            && v[i + 2..i + 1 + run].iter().any(|b| matches!(b, b'-' | b',' | b'='))
            && v.get(i + 1 + run).is_none_or(|b| !b.is_ascii() || b.is_ascii_whitespace() || matches!(b, b']' | b')'));
        if option || long {
            let end = if long { i + 1 + run } else { i + 1 + letters };
            let end = end + value_after(v, end);
            fill(v, i..end, HARD);
            i = end;
        } else {
            i += 1;
        }
    }
}

/// Masks the Latin run around a file name spaced out at its dot (`python DM . py-d
/// dictionary.txt-s 5`): a command line that translation broke, code and not prose. The run
/// ends at the line's ends and at any character that is not ASCII (Chinese, full-width
/// punctuation).
fn mask_spaced_commands(v: &mut [u8]) {
    let mut from = 0;
    static FINDER: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b" . "));
    while let Some(i) = FINDER.find(&v[from..]).map(|p| from + p) {
        let at = i + 3;
        let ext = v[at..].iter().take_while(|b| b.is_ascii_alphabetic()).count();
        let named = i > 0
            && v[i - 1].is_ascii_alphanumeric()
            && std::str::from_utf8(&v[at..at + ext])
                .is_ok_and(|e| FILE_EXTENSIONS.iter().any(|f| f.eq_ignore_ascii_case(e)))
            && !v.get(at + ext).is_some_and(u8::is_ascii_digit);
        if named {
            let is_run = |b: &u8| b.is_ascii() && *b != b'\n' && *b != HARD;
            let start = v[..i].iter().rposition(|b| !is_run(b)).map_or(0, |p| p + 1);
            // (from its first word or prompt: the colon of 示例: stays)
            let start = start + v[start..i].iter().take_while(|b| !b.is_ascii_alphanumeric() && **b != b'$').count();
            let end = v[at..].iter().position(|b| !is_run(b)).map_or(v.len(), |p| at + p);
            fill(v, start..end, HARD);
            from = end;
        } else {
            from = at;
        }
    }
}

/// Whether `b` may be part of a URL.
fn is_url_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'*+,;=%".contains(&b)
}

/// Masks URLs (`https://…`, `http://…`, `ftp://…`, `www.…`), without the punctuation that
/// ends them or a closing parenthesis they did not open, and e-mail addresses.
pub(super) fn mask_urls_and_emails(v: &mut [u8]) {
    mask_options(v);
    mask_dash_options(v);
    mask_spaced_commands(v);
    mask_short_options(v);
    let mut next = NextOf::new(b"hfwW@");
    let mut i = 0;
    while i < v.len() {
        // only a scheme (http, https, ftp), www. or an @ starts anything here
        i = next.at(v, i);
        if i == v.len() {
            return;
        }
        let rest = &v[i..];
        let word_start = i == 0 || !v[i - 1].is_ascii_alphanumeric();
        let scheme = if !word_start {
            0
        } else if rest.starts_with(b"https://") {
            8
        } else if rest.starts_with(b"http://") {
            7
        } else if rest.starts_with(b"ftp://") {
            6
        } else if rest.len() > 4 && rest[..4].eq_ignore_ascii_case(b"www.") && rest[4].is_ascii_alphanumeric() {
            4
        } else {
            0
        };
        if scheme > 0 {
            let mut e = i + scheme;
            let mut depth = 0i32;
            while e < v.len() && is_url_char(v[e]) {
                match v[e] {
                    b'(' => depth += 1,
                    b')' if depth == 0 => break,
                    b')' => depth -= 1,
                    _ => {}
                }
                e += 1;
            }
            while e > i + scheme && matches!(v[e - 1], b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'') {
                e -= 1;
            }
            fill(v, i..e, HARD);
            i = e;
            continue;
        }
        if v[i] == b'@' && i > 0 && v[i - 1].is_ascii_alphanumeric() {
            let mut s = i;
            while s > 0 && (v[s - 1].is_ascii_alphanumeric() || b"._%+-".contains(&v[s - 1])) {
                s -= 1;
            }
            let mut e = i + 1;
            while e < v.len() && (v[e].is_ascii_alphanumeric() || v[e] == b'.' || v[e] == b'-') {
                e += 1;
            }
            while e > i + 1 && v[e - 1] == b'.' {
                e -= 1;
            }
            // a domain ends in a name of letters: `mAP@0.5` is a metric at a threshold
            let top = v[i + 1..e].rsplit(|b| *b == b'.').next().unwrap_or(&[]);
            if v[i + 1..e].contains(&b'.')
                && v.get(i + 1).is_some_and(|b| b.is_ascii_alphanumeric())
                && top.len() >= 2
                && top.iter().all(u8::is_ascii_alphabetic)
            {
                fill(v, s..e, HARD);
                i = e;
                continue;
            }
        }
        // a handle, a decorator or a scoped package (`@alice99`, `@Override`, `@vue/cli`), and
        // a handle that links to its page (`@[alice99](…)`, the bracket marked already)
        let name_at = i + 1 + v[i + 1..].iter().take(2).take_while(|b| **b == b'[' || **b == MARK).count();
        if v[i] == b'@'
            && (i == 0 || !v[i - 1].is_ascii_alphanumeric())
            && v.get(name_at).is_some_and(|b| b.is_ascii_alphabetic() || *b == b'_')
        {
            let mut e = name_at;
            while e < v.len() && (v[e].is_ascii_alphanumeric() || b"_-./".contains(&v[e])) {
                e += 1;
            }
            while matches!(v[e - 1], b'.' | b'/' | b'-') {
                e -= 1;
            }
            fill(v, i..e, HARD);
            i = e;
            continue;
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What of each text is masked, as `#` (the rest as it was).
    fn masked(text: &str) -> String {
        let mut v = text.as_bytes().to_vec();
        mask_entities(&mut v);
        v.iter().zip(text.bytes()).map(|(m, t)| if *m == HARD { '#' } else { t as char }).collect()
    }

    #[test]
    fn hashtags_are_masked() {
        let mask = |text: &str| {
            let mut v = text.as_bytes().to_vec();
            mask_hashtags(&mut v);
            v.iter().zip(text.bytes()).map(|(m, t)| if *m == HARD { '#' } else { t as char }).collect::<String>()
        };
        assert_eq!(mask("free (#awsWishlist!) now"), "free (############!) now");
        assert_eq!(mask("C# and F#, issue #1234"), "C# and F#, issue #1234");
        assert_eq!(mask("x#y"), "x#y");
    }

    #[test]
    fn command_lines_broken_by_translation_are_masked() {
        let mask = |text: &str| {
            let mut v = text.as_bytes().to_vec();
            mask_options(&mut v);
            mask_dash_options(&mut v);
            mask_spaced_commands(&mut v);
            mask_short_options(&mut v);
            String::from_utf8_lossy(&v).replace(HARD as char, "#")
        };
        let table: &[(&str, &str)] = &[
            ("示例:python tool . py-d words.txt-s 5", "示例:################################"),
            ("$ python run . py local/config . conf", "#####################################"),
            ("用法:app[-h][–nogui][–header HEADERS]", "用法:app[##][########][#################]"),
            ("-d，–DNS 查找。", "##，###### 查找。"),
            ("inql [-t TARGET] [-k KEY] [--out OUTPUT_DIR]", "inql [#########] [######] [################]"),
            // a value in capitals is a placeholder only after an option; a hyphen in a word stays
            ("用 -t 目标 和 GPU 与 CPU", "用 ## 目标 和 GPU 与 CPU"),
            ("pre-training and x -y", "pre-training and x ##"),
            ("运行 tar -xzf a.tgz 和 ls -la，或 cmd -vv", "运行 tar #### a.tgz 和 ls ###，或 cmd ###"),
            ("加上 -fstack-clash-protection 和 -Wl,-z,now 选项", "加上 ######################## 和 ########## 选项"),
            // an en dash between words or numbers, and a dot ending a sentence, are prose
            ("帮助–提供信息，第 2–3 页", "帮助–提供信息，第 2–3 页"),
            ("we stop here . it works", "we stop here . it works"),
        ];
        for (text, want) in table {
            assert_eq!(mask(text), *want, "{text}");
        }
    }

    #[test]
    fn escaped_tags_and_placeholders_are_masked_whole() {
        let table: &[(&str, &str)] = &[
            ("a &lt;unk&gt; b", "a ########### b"),
            ("&lt;your-api-key&gt;", "####################"),
            ("&lt;/div&gt;", "############"),
            // a comparison and a lone entity stay text around the entity
            ("x &lt; y and y &gt; z", "x #### y and y #### z"),
            ("&lt;3 &amp; more", "####3 ##### more"),
            ("&lt;a long sentence&gt;", "####a long sentence####"),
        ];
        for (text, want) in table {
            assert_eq!(masked(text), *want, "{text}");
        }
    }
}
