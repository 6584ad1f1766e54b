//! Word lists, kept as data files beside this module (one entry per line, `#` starts a
//! comment), and looking a short word up in one without allocating.
//!
//! [`english`] holds the lists about English words (function words, units, file
//! extensions…), [`chinese`] those about Chinese words (stop words, naming verbs…).

pub(crate) mod chinese;
pub(crate) mod english;
pub(crate) mod names;

use super::chars::fold;

/// The entries of a word-list file: one per line, trimmed; blank lines and lines starting
/// with `#` are skipped.
pub(crate) fn entries(data: &'static str) -> Vec<&'static str> {
    data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
}

/// `s` with full-width letters folded and ASCII letters lowercased; borrowed when it already is.
pub(crate) fn lower(s: &str) -> std::borrow::Cow<'_, str> {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(s.chars().map(|c| fold(c).to_ascii_lowercase()).collect())
}

/// `s` as [`lower`] gives it, written into `buf` when it is ASCII and fits: a caller that
/// looks many words up lowercases them on the stack.
pub(crate) fn lower_in<'b, const N: usize>(s: &'b str, buf: &'b mut [u8; N]) -> std::borrow::Cow<'b, str> {
    match buf.get_mut(..s.len()) {
        Some(b) if s.is_ascii() => {
            b.copy_from_slice(s.as_bytes());
            b.make_ascii_lowercase();
            // ASCII lowercased stays UTF-8
            std::str::from_utf8(b).map_or_else(|_| lower(s), std::borrow::Cow::Borrowed)
        }
        _ => lower(s),
    }
}

/// A short word, lowercased and with full-width letters folded, packed into a `u64` (its
/// bytes, zero-padded), so that a word list is searched without allocating; `None` for a
/// word of more than 8 bytes or with other than ASCII. Trailing dots are dropped first when
/// `dots` says so (`etc.`).
pub(crate) fn packed(w: &str, dots: bool) -> Option<u64> {
    let bytes = w.as_bytes();
    // trailing ASCII dots dropped byte by byte (a full-width dot is left to the walk below)
    let mut end = bytes.len();
    while dots && end > 0 && bytes[end - 1] == b'.' {
        end -= 1;
    }
    let head = &bytes[..end];
    // the usual case, all ASCII (what was dropped is dots): packed byte by byte
    if head.is_ascii() {
        if end > 8 {
            return None;
        }
        let mut buf = [0u8; 8];
        for (to, &b) in buf.iter_mut().zip(head) {
            if b == 0 {
                return None;
            }
            *to = b.to_ascii_lowercase();
        }
        return Some(u64::from_le_bytes(buf));
    }
    packed_by_chars(w, dots)
}

/// [`packed`] for any word, read a character at a time with full-width forms folded (the
/// byte walk for ASCII words must agree with it).
fn packed_by_chars(w: &str, dots: bool) -> Option<u64> {
    let w = if dots { w.trim_end_matches(|c| fold(c) == '.') } else { w };
    let mut buf = [0u8; 8];
    for (n, c) in w.chars().enumerate() {
        let c = fold(c);
        if !c.is_ascii() || c == '\0' || n == 8 {
            return None;
        }
        buf[n] = c.to_ascii_lowercase() as u8;
    }
    Some(u64::from_le_bytes(buf))
}

/// A list of short lowercase ASCII words, packed and sorted for [`in_list`].
pub(crate) fn pack_list(words: &[&str]) -> Vec<u64> {
    let mut v: Vec<u64> = words.iter().filter_map(|w| packed(w, false)).collect();
    v.sort_unstable();
    v
}

/// Whether `w` (lowercased and folded, trailing dots dropped if `dots`) is in `list`.
pub(crate) fn in_list(list: &[u64], w: &str, dots: bool) -> bool {
    packed(w, dots).is_some_and(|p| list.binary_search(&p).is_ok())
}

/// Whether `w` is a function word ([`english::FUNCTION_WORDS`]), in any case and width,
/// trailing dots dropped (`etc.`).
pub(crate) fn is_function_word(w: &str) -> bool {
    static LIST: std::sync::LazyLock<Vec<u64>> = std::sync::LazyLock::new(|| pack_list(&english::FUNCTION_WORDS));
    in_list(&LIST, w, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn packed_agrees_with_the_walk_by_characters(w in "[aZ.．Ａ\\x00é]{0,11}", dots: bool) {
            proptest::prop_assert_eq!(packed(&w, dots), packed_by_chars(&w, dots));
        }
    }

    #[test]
    fn function_words_in_any_case_and_width() {
        let table: &[(&str, bool)] = &[
            ("the", true),
            ("The", true),
            ("ＴＨＥ", true),
            ("etc.", true),
            ("e.g.", true),
            ("e.g", true),
            ("i.e..", true),
            ("theory", false),
            ("hellos", false),
            ("therefore", false),
            ("", false),
            ("de", false),
            ("thé", false),
        ];
        for &(w, want) in table {
            assert_eq!(is_function_word(w), want, "{w}");
        }
    }
}
