//! Merge keys: the one spelling that the forms of an English term share.

use super::chars::fold;

/// The merge key of an English form: English forms with the same key are one term. It
/// ignores case, full-width forms, hyphens, spaces and underscores, and a plural ending on
/// the last word (but not the last letter of an acronym, FPS is not the plural of FP, nor a
/// capital S: iOS).
///
/// ```
/// use termbridge::merge_key;
/// assert_eq!(merge_key("Zero-Shot Learning"), merge_key("zero shot learning"));
/// assert_eq!(merge_key("CNNs"), merge_key("CNN"));
/// assert_eq!(merge_key("Mixture of Experts"), merge_key("mixture-of-expert"));
/// assert_ne!(merge_key("GPT-4"), merge_key("GPT-4o"));
/// ```
pub fn key(english: &str) -> String {
    let mut s = String::with_capacity(english.len());
    key_into(english, &mut s);
    s
}

/// The merge [`key`] of `english`, written into `s` (cleared first): a caller that looks many
/// keys up reuses one buffer and allocates none.
pub(crate) fn key_into(english: &str, s: &mut String) {
    s.clear();
    // the plural of an acronym: GPUs, CNNs, APIs
    let english = match english.strip_suffix('s') {
        Some(stem)
            if last_word(stem).len() >= 2
                && last_word(stem).bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()) =>
        {
            stem
        }
        _ => english,
    };
    if english.is_ascii() {
        ascii_into(english, s);
    } else {
        chars_into(english, s);
    }
    // an acronym's last letter is not a plural ending (FPS is not the plural of FP), nor is a
    // capital S after small letters (iOS, macOS): a plural ending is a small s
    let last = last_word(english);
    let acronym = last.len() >= 2 && last.chars().all(|c| fold(c).is_ascii_uppercase() || c.is_ascii_digit());
    let capital_end = last.chars().next_back().is_some_and(|c| fold(c).is_ascii_uppercase());
    if !acronym && !capital_end {
        singular(s);
    }
}

/// The key's letters of an ASCII text: its words lowercased, one space between two words,
/// where a word is a run of bytes other than whitespace, hyphens and underscores (ASCII
/// whitespace as `char::is_whitespace` has it: tab to carriage return, and space). A word is
/// copied whole and lowercased in place, not pushed a character at a time.
fn ascii_into(english: &str, s: &mut String) {
    let gap = |b: u8| matches!(b, b'\t'..=b'\r' | b' ' | b'-' | b'_');
    let bytes = english.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if gap(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && !gap(bytes[i]) {
            i += 1;
        }
        if !s.is_empty() {
            s.push(' ');
        }
        let from = s.len();
        s.push_str(&english[start..i]);
        s[from..].make_ascii_lowercase();
    }
}

/// The key's letters of any text, as [`ascii_into`] makes them, other characters decoded,
/// full-width forms folded, `’` read as `'`, and lowercased.
fn chars_into(english: &str, s: &mut String) {
    let mut space = false;
    let mut rest = english;
    while let Some(&b) = rest.as_bytes().first() {
        // ASCII bytes as they are, other characters decoded and folded
        let c = if b.is_ascii() {
            rest = &rest[1..];
            b as char
        } else {
            let c = rest.chars().next().unwrap_or(' ');
            rest = &rest[c.len_utf8()..];
            match fold(c) {
                '’' => '\'',
                c => c,
            }
        };
        if c.is_whitespace() || c == '-' || c == '_' {
            space = !s.is_empty();
            continue;
        }
        if space {
            s.push(' ');
            space = false;
        }
        if c.is_ascii() {
            s.push(c.to_ascii_lowercase());
        } else {
            s.extend(c.to_lowercase());
        }
    }
}

/// The text after the last space or hyphen.
fn last_word(s: &str) -> &str {
    s.as_bytes().iter().rposition(|&b| b == b' ' || b == b'-').map_or(s, |p| &s[p + 1..])
}

/// Whether the final `s` of a word (three letters or more) is a plural ending: not in `-ss`
/// (loss), `-us` (corpus), `-is` (analysis), nor `-as` past three letters (atlas), and after a
/// letter.
fn plural_s(last: &str) -> bool {
    let kept = last.ends_with("ss")
        || last.ends_with("us")
        || last.ends_with("is")
        // (no plural ends in -js: `Nodejs` is NodeJS, a library of JavaScript)
        || last.ends_with("js")
        || (last.len() > 3 && last.ends_with("as"));
    last.len() >= 3
        && last.ends_with('s')
        && !kept
        && last[..last.len() - 1].chars().last().is_some_and(|c| c.is_ascii_alphabetic())
}

/// Makes the last word of a key singular (`-ies` → `-y`, `-sses`/`-xes`/`-ches`/`-shes`
/// lose `-es`, a plural `-s` is dropped).
fn singular(s: &mut String) {
    let last = s.as_bytes().iter().rposition(|&b| b == b' ').map_or(s.as_str(), |p| &s[p + 1..]);
    let n = s.len();
    if last.len() > 4 && last.ends_with("ies") {
        s.truncate(n - 3);
        s.push('y');
    } else if last.len() > 4
        && (last.ends_with("sses") || last.ends_with("xes") || last.ends_with("ches") || last.ends_with("shes"))
    {
        s.truncate(n - 2);
    } else if plural_s(last) {
        s.truncate(n - 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys() {
        let same: &[(&str, &str)] = &[
            ("zero-shot learning", "Zero Shot Learning"),
            ("GPUs", "GPU"),
            ("batches", "batch"),
            ("probabilities", "probability"),
            ("Llama 2", "Llama-2"),
            ("ｌｌｍ", "LLM"),
            ("Nodejs", "NodeJS"),
            ("Vuejs", "VueJS"),
        ];
        for (a, b) in same {
            assert_eq!(key(a), key(b), "{a} / {b}");
        }
        let different: &[(&str, &str)] = &[
            ("GPT-4", "GPT-4o"),
            ("ACL", "ACM"),
            ("YOLOv5", "YOLOv8"),
            ("Llama 2", "Llama 3"),
            ("class", "cla"),
            ("FPS", "FP"),
            ("GPS", "GP"),
            ("iOS", "IO"),
            ("macOS", "maco"),
        ];
        for (a, b) in different {
            assert_ne!(key(a), key(b), "{a} / {b}");
        }
    }

    /// The key as first written, character by character: [`key`] must agree with it.
    fn key_by_chars(english: &str) -> String {
        // the plural of an acronym: GPUs, CNNs, APIs
        let english = match english.strip_suffix('s') {
            Some(stem)
                if stem.rsplit([' ', '-']).next().is_some_and(|w| {
                    w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
                }) =>
            {
                stem
            }
            _ => english,
        };
        let mut s = String::with_capacity(english.len());
        let mut space = false;
        for c in english.chars().map(fold) {
            let c = if c == '’' { '\'' } else { c };
            if c.is_whitespace() || c == '-' || c == '_' {
                space = !s.is_empty();
            } else {
                if space {
                    s.push(' ');
                    space = false;
                }
                if c.is_ascii() {
                    s.push(c.to_ascii_lowercase());
                } else {
                    s.extend(c.to_lowercase());
                }
            }
        }
        // an acronym's last letter is not a plural ending: FPS is not the plural of FP
        let last = english.rsplit([' ', '-']).next().unwrap_or("");
        let acronym = last.len() >= 2 && last.chars().all(|c| fold(c).is_ascii_uppercase() || c.is_ascii_digit());
        if !acronym && !last.chars().last().is_some_and(|c| fold(c).is_ascii_uppercase()) {
            singular(&mut s);
        }
        s
    }

    #[test]
    fn key_agrees_with_the_character_walk_on_plurals_and_controls() {
        let plurals = ["aB-FPS", "x-GPUs", "Llama-CNNs", "a BBs", "ｇｐｕｓ", "ＧＰＵｓ", "İİS", "café’s"];
        // ASCII whitespace as `char::is_whitespace` has it (with U+000B), and controls that are not
        let controls = ["a\u{b}b", "a\u{c}Bs", "\u{1f}x\r\ny", "A\u{85}B"];
        for english in plurals.into_iter().chain(controls) {
            assert_eq!(key(english), key_by_chars(english), "{english}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]
        #[test]
        fn key_agrees_with_the_character_walk(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "B", "S", "s", "ies", "ch", "4", " ", "-", "_", "\t", "\u{b}", "\u{1c}", "’", "Ａ", "ｓ", "\u{3000}", "É", "İ", "模型",
                ]),
                0..8,
            )
        ) {
            let english = parts.concat();
            proptest::prop_assert_eq!(key(&english), key_by_chars(&english));
        }
    }
}
