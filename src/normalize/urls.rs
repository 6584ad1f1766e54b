//! What is not prose in any text, Markdown or plain: URLs (with a scheme or `www.`), e-mail
//! addresses, handles and decorators after `@`, options of command lines (`--mode`), and HTML
//! character references, all masked as [`HARD`].

use super::scan::{fill, NextOf};
use super::{HARD, MARK};

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
    while let Some(i) = memchr::memmem::find(&v[from..], b"--").map(|p| from + p) {
        let starts = i == 0 || !v[i - 1].is_ascii_alphanumeric() && v[i - 1] != b'-';
        let name = v[i + 2..].iter().take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_')).count();
        if starts && v.get(i + 2).is_some_and(u8::is_ascii_lowercase) {
            fill(v, i..i + 2 + name, HARD);
        }
        from = i + 2 + name;
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
