//! Labels of the things of an example: an example names its actors by letters or by numbers
//! (`节点 A、B、C`, `ABC 三个节点`, `client1 和 client2`, `token33`), and such a label is
//! no term. Two signs tell a label from a name that happens to look so, both a series within
//! one document:
//!
//! * runs of capitals that are consecutive letters of the alphabet (`AB`, `CDE`, `ABCDE`),
//!   when the document writes two such runs or more (one `ABC` alone may be a name);
//! * a word followed by a number (`client1`, `Stream 2`), when the document numbers the same
//!   word at least twice with numbers close together ([`MAX_INSTANCE_GAP`]), counted from one
//!   where the word has a capital (`Spring 4`, `Spring 5` are releases): `sha1` and
//!   `sha256` are algorithms, `ext3` beside `ext4` needs its word to be general English or
//!   long ([`MIN_NUMBERED_STEM`]), which `ext` is not, and known names (`Python 3`) are
//!   versions.
//!
//! A label the document glosses is kept.

use super::glossed::is_glossed;
use super::kinds::is_common_word;
use super::Candidate;
use crate::text::lexicon::lower;
use crate::text::lexicon::names::KNOWN_NAMES;
use rustc_hash::{FxHashMap, FxHashSet};

/// A run of consecutive capitals is a label of letters with at most this many (`ABCDEF`).
const MAX_LETTER_RUN: usize = 6;

/// Numbers of instances of one word in a series are at most this far apart (`client1`,
/// `client2`; `Stream 1`, `Stream 3`); versions and sizes are further (`sha1`, `sha256`).
const MAX_INSTANCE_GAP: u32 = 2;

/// Instances with a capital are counted from one (`Stage 1`, `Stage 2`): their first number
/// is at most this; a name's releases start later (`Spring 4`, `Spring 5`).
const MAX_FIRST_INSTANCE: u32 = 2;

/// Instances of a word that tells nothing alone (`Partition`, `MessageQueue`) are counted from
/// zero: their first number is at most this. (From one they are releases as often: `Genie 1`,
/// `Genie 2`.)
const MAX_FIRST_UNTOLD_INSTANCE: u32 = 0;

/// A numbered word of this many letters at least may label instances though it is no
/// general English (`replica1`, `token33`); shorter ones are mostly names of formats and
/// versions (`ext4`, `md5`, `http2`).
const MIN_NUMBERED_STEM: usize = 5;

/// A number of an instance has at most this many digits.
const MAX_INSTANCE_DIGITS: usize = 3;

/// The numbers a word is given in a document, the texts that give them, whether a text has a
/// capital and whether the word alone tells a label.
type Numbered<'a> = (Vec<u32>, Vec<&'a str>, bool, bool);

/// The candidates of `cands` that label the things of an example (see the [module
/// docs](self)).
pub(super) fn instance_labels<'a>(view: &str, cands: &[Candidate<'a>]) -> FxHashSet<&'a str> {
    let mut runs: FxHashSet<&'a str> = FxHashSet::default();
    let mut numbered: FxHashMap<String, Numbered<'a>> = FxHashMap::default();
    let mut glossed: FxHashSet<&'a str> = FxHashSet::default();
    for c in cands.iter().filter(|c| !c.title) {
        let letters = is_letter_run(c.text);
        let number = if letters { None } else { numbered_word(c.text) };
        if !letters && number.is_none() {
            continue;
        }
        if is_glossed(view, c.span.start, c.span.end) {
            glossed.insert(c.text);
        }
        if letters {
            runs.insert(c.text);
        } else if let Some((stem, n, telling)) = number {
            let e = numbered.entry(stem).or_default();
            e.0.push(n);
            e.1.push(c.text);
            e.2 |= c.text.starts_with(|ch: char| ch.is_ascii_uppercase());
            e.3 |= telling;
        }
    }
    let mut out = FxHashSet::default();
    if runs.len() >= 2 {
        out.extend(runs);
    }
    // the words the document says alone, asked only when a word that tells nothing alone is
    // numbered (`Consumer` beside `Consumer1`)
    let alone: FxHashSet<String> = if numbered.values().any(|e| !e.3) {
        cands
            .iter()
            .filter(|c| !c.text.contains(|ch: char| ch.is_ascii_digit()))
            .map(|c| lower(c.text).into_owned())
            .collect()
    } else {
        FxHashSet::default()
    };
    for (stem, (mut numbers, texts, capital, telling)) in numbered {
        numbers.sort_unstable();
        numbers.dedup();
        // (a name with a capital counts its releases from further on: `Spring 4`, `Spring 5`;
        // a word that tells nothing alone labels instances counted from zero, where the
        // document says it alone too)
        let first = if telling { MAX_FIRST_INSTANCE } else { MAX_FIRST_UNTOLD_INSTANCE };
        if numbers.len() >= 2
            && numbers.windows(2).all(|w| w[1] - w[0] <= MAX_INSTANCE_GAP)
            && (!capital && telling || numbers[0] <= first)
            && (telling || alone.contains(&stem))
        {
            out.extend(texts);
        }
    }
    out.retain(|t| !glossed.contains(t));
    out
}

/// Whether `text` is capitals that follow each other in the alphabet, two at least (`AB`,
/// `CDE`).
fn is_letter_run(text: &str) -> bool {
    let b = text.as_bytes();
    (2..=MAX_LETTER_RUN).contains(&b.len())
        && b.iter().all(u8::is_ascii_uppercase)
        && b.windows(2).all(|w| w[1] == w[0] + 1)
}

/// The word (lowercase) and the number of a word numbered as an instance (`client1`,
/// `Stream 2`, `MessageQueue 0`): letters in lowercase, with a capital first or glued in
/// PascalCase, a space at most, then digits; and whether the word alone tells that it is a
/// label (general English, or a long word in lowercase). Known names are versions.
fn numbered_word(text: &str) -> Option<(String, u32, bool)> {
    let digits = text.find(|c: char| c.is_ascii_digit())?;
    let (stem, number) = text.split_at(digits);
    let stem = stem.strip_suffix(' ').unwrap_or(stem);
    let b = stem.as_bytes();
    let plain = b.len() >= 3 && b[1..].iter().all(u8::is_ascii_lowercase);
    let pascal = b.len() >= 3
        && b[0].is_ascii_uppercase()
        && b.iter().all(u8::is_ascii_alphabetic)
        && b.iter().any(u8::is_ascii_lowercase);
    if number.len() > MAX_INSTANCE_DIGITS || !number.bytes().all(|c| c.is_ascii_digit()) || !(plain || pascal) {
        return None;
    }
    if !b[0].is_ascii_alphabetic() {
        return None;
    }
    let key = lower(stem).into_owned();
    if KNOWN_NAMES.contains(&key.as_str()) {
        return None;
    }
    let telling = plain && (is_common_word(stem) || b[0].is_ascii_lowercase() && b.len() >= MIN_NUMBERED_STEM);
    Some((key, number.parse().ok()?, telling))
}

#[cfg(test)]
mod tests {
    use super::super::assert_finds;

    #[test]
    fn labels_of_the_things_of_an_example_are_no_terms() {
        let table: &[(&str, &[&str])] = &[
            // letters in series
            ("请求先到 AB 两个节点，再到 CDE 三个节点，用 Raft 协议", &["Raft"]),
            ("ABC 分析法很常用", &["ABC"]),
            // numbered instances
            ("worker1 崩溃后，worker2 接手，都用 Redis", &["Redis"]),
            ("主库把日志发给 replica1 和 replica3", &[]),
            ("Stage 1 做预训练，Stage 2 做微调", &[]),
            ("Spring 4 与 Spring 5 的差别", &["Spring 4", "Spring 5"]),
            // versions, sizes and known names stay
            ("校验用 sha1 或 sha256，文件系统用 ext3 或 ext4", &["sha1", "sha256", "ext3", "ext4"]),
            ("从 Python 2 迁到 Python 3", &["Python 2", "Python 3"]),
            ("只有一个 server1 节点", &["server1"]),
            // a word the document says alone, numbered from zero
            (
                "每个 Partition 有序。Partition0 和 Partition1 在 Broker 上，Partition 2 在另一台",
                &["Partition", "Broker"],
            ),
            ("一个 TaskQueue 分成 TaskQueue 0 和 TaskQueue 1", &["TaskQueue"]),
            // not said alone, or counted from further on
            ("Partition0 和 Partition1 在一台 Broker 上", &["Partition0", "Partition1", "Broker"]),
            ("Genie 很强。Genie 1 和 Genie 2 是两代模型", &["Genie", "Genie 1", "Genie 2"]),
            ("GPU 很快。GPU0 和 GPU1 是两块卡", &["GPU", "GPU0", "GPU1"]),
        ];
        assert_finds(table);
    }
}
