//! What is not prose in any text, Markdown or plain: URLs (with a scheme or `www.`), e-mail
//! addresses and HTML character references, all masked as [`HARD`].

use super::scan::{fill, NextOf};
use super::HARD;

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
            let e = i + body + 2;
            fill(v, i..e, HARD);
            i = e;
            continue;
        }
        i += 1;
    }
}

/// Whether `b` may be part of a URL.
fn is_url_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'*+,;=%".contains(&b)
}

/// Masks URLs (`https://…`, `http://…`, `ftp://…`, `www.…`), without the punctuation that
/// ends them or a closing parenthesis they did not open, and e-mail addresses.
pub(super) fn mask_urls_and_emails(v: &mut [u8]) {
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
            if v[i + 1..e].contains(&b'.') && v.get(i + 1).is_some_and(|b| b.is_ascii_alphanumeric()) {
                fill(v, s..e, HARD);
                i = e;
                continue;
            }
        }
        i += 1;
    }
}
