//! Versions and editions after a name: `Redis 7.2`, `Django 4.2.1`, `PHP8.3`, `KDD 2023`,
//! `KDD 2023 Workshop`. A glossary wants the name (`Redis`), not each release: a point release
//! (`Safari 16.4`, `Django 4.2.1`) is always cut off, a version or an edition when the
//! document also writes the bare name or it is a known name. A whole number with no dot
//! (`Python 3`, `Llama 2`) and a version joined by a hyphen (`GPT-4`, `GPT-4o`) are part of
//! the name and stay; so does a version after a common word (`Web 2.0`, `Industry 4.0`).

use super::kinds::is_common_word;

/// A year is a number of this many digits...
const YEAR_DIGITS: usize = 4;
/// ...from this one on: an edition of a venue (`KDD 2023`).
const FIRST_YEAR: u32 = 1900;
/// ...up to this one.
const LAST_YEAR: u32 = 2099;

/// What a candidate holds after its name: a release (`7.2`) or an edition (`2023`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum After {
    /// A dotted version number (`7.2`, `4.2.1`, `3.x`).
    Release,
    /// A year, maybe with words after it (`2023 Workshop`).
    Edition,
}

/// The length in bytes of the name before a version or an edition in `text`, and what
/// follows it; `None` when `text` has none, or its name is a common word.
pub(super) fn bare_name(text: &str) -> Option<(usize, After)> {
    let (name_len, after) = if let Some(sp) = text.find(' ') {
        // the first word that is a release or an edition, after at least one word of name
        let mut at = sp;
        loop {
            let rest = &text[at + 1..];
            let word = rest.split(' ').next().unwrap_or(rest);
            if is_release(word) && word.len() == rest.len() {
                break (at, After::Release);
            }
            if is_year(word) && rest[word.len()..].split(' ').all(|w| w.is_empty() || is_capitalised(w)) {
                break (at, After::Edition);
            }
            at = at + 1 + rest.find(' ')?;
        }
    } else {
        // glued: PHP8.3, PCIe4.0
        let digit = text.find(|c: char| c.is_ascii_digit())?;
        if digit == 0 || !text[..digit].ends_with(|c: char| c.is_ascii_alphabetic()) || !is_release(&text[digit..]) {
            return None;
        }
        (digit, After::Release)
    };
    let name = &text[..name_len];
    let letters = name.chars().any(|c| c.is_ascii_alphabetic());
    // Web 2.0, Industry 4.0: the number names an era of a common word
    let common = !name.contains(' ') && is_common_word(name);
    (letters && !common).then_some((name_len, after))
}

/// Chinese words that count or measure what a number before them names (`2021 年`, `128 位`,
/// `3 个`): the number is a count or a date, not a version of the name before it.
const MEASURE_WORDS: &[&str] = &[
    "年", "月", "日", "号", "天", "周", "小时", "分钟", "秒", "岁", "位", "个", "次", "倍", "种", "元", "美元", "名",
    "条", "行", "页", "台", "人", "家", "款", "项", "张", "篇", "核", "字节", "万", "亿", "千", "百", "多",
];

/// The length of the name before a whole number that ends `text` after a space (`Flexera`
/// of `Flexera 2021`); `None` when it ends otherwise or nothing named stands before.
pub(super) fn counted_number(text: &str) -> Option<usize> {
    let (name, number) = text.rsplit_once(' ')?;
    (number.bytes().all(|b| b.is_ascii_digit()) && name.bytes().any(|b| b.is_ascii_alphabetic())).then_some(name.len())
}

/// Whether `after`, the text after a number, opens with a measure word of
/// [`MEASURE_WORDS`].
pub(super) fn counts_something(after: &str) -> bool {
    let after = after.trim_start_matches(' ');
    MEASURE_WORDS.iter().any(|m| after.starts_with(m))
}

/// A dotted version number: `7.2`, `4.2.1`, `3.x`, with a word that qualifies the release
/// after two numbers or more (`4.5.0.Final`, `5.3.2.RELEASE`).
fn is_release(w: &str) -> bool {
    let mut parts = w.split('.');
    let whole = parts.next().is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    let mut rest = 0;
    let mut parts = parts.peekable();
    while let Some(p) = parts.next() {
        let qualifier = parts.peek().is_none() && rest >= 1 && p.bytes().all(|b| b.is_ascii_alphabetic());
        if p.is_empty() || !(p.bytes().all(|b| b.is_ascii_digit()) || p == "x" || p == "X" || qualifier) {
            return false;
        }
        rest += 1;
    }
    whole && rest >= 1
}

/// Whether `v` is a release of a product, not a generation: three numbers or more (`4.5.0`),
/// or a second that is not 0 (`16.4`, `0.22`); `OAuth 2.0` and `USB 3.0` name standards,
/// `Vue 2.x` a line of releases.
pub(super) fn is_point_release(v: &str) -> bool {
    let generation = v.ends_with(".0") || v.ends_with(".x") || v.ends_with(".X");
    is_release(v) && (v.matches('.').count() >= 2 || !generation)
}

/// A year: `2023`.
fn is_year(w: &str) -> bool {
    w.len() == YEAR_DIGITS && w.parse::<u32>().is_ok_and(|y| (FIRST_YEAR..=LAST_YEAR).contains(&y))
}

/// Whether `w` starts with a capital.
fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn releases_of_products_and_generations_of_standards() {
        for (v, want) in [("16.4", true), ("0.22", true), ("4.5.0", true), ("3.x", false), ("2.0", false), ("3", false)]
        {
            assert_eq!(is_point_release(v), want, "{v}");
        }
    }

    #[test]
    fn numbers_before_measure_words_count() {
        // (text, what follows it, the name's length when the number is cut off)
        let table: &[(&str, &str, Option<usize>)] = &[
            ("Flexera 2021", " 年云状态调查", Some(7)),
            ("Chaskey 128", " 位分组密码", Some(7)),
            ("Node 3", "个实例", Some(4)),
            ("Windows 10", "系统", None),
            ("Python 3", " 的新特性", None),
            ("Redis 7.2", " 年", None),
            ("CentOS", " 7 年", None),
        ];
        for &(text, after, want) in table {
            assert_eq!(counted_number(text).filter(|_| counts_something(after)), want, "{text}{after}");
        }
    }

    #[test]
    fn names_before_versions() {
        let table: &[(&str, Option<(&str, After)>)] = &[
            ("Redis 7.2", Some(("Redis", After::Release))),
            ("Django 4.2.1", Some(("Django", After::Release))),
            ("Spring Boot 3.x", Some(("Spring Boot", After::Release))),
            ("PHP8.3", Some(("PHP", After::Release))),
            ("KDD 2023", Some(("KDD", After::Edition))),
            ("KDD 2023 Workshop", Some(("KDD", After::Edition))),
            ("Python 3", None),
            ("GPT-4o", None),
            ("Web 2.0", None),
            ("Industry 4.0", None),
            ("Redis 7.2 cluster", None),
            ("2.0", None),
            ("Windows", None),
            ("JBoss Tools 4.5.0.Final", Some(("JBoss Tools", After::Release))),
            ("JUnit 5.3.RELEASE", Some(("JUnit", After::Release))),
        ];
        for (text, want) in table {
            let got = bare_name(text).map(|(n, a)| (&text[..n], a));
            assert_eq!(got, *want, "{text}");
        }
    }
}
