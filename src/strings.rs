//! Finding many short strings in a text: the reference's Chinese terms, and the possible
//! Chinese terms whose recurrence decides a left boundary.
//!
//! The strings are a few characters long, and most positions of a text start none of them.
//! So a [`StringSet`] files each string under its first two characters (a string of one
//! character under that character) and tests every position of the text against a bit
//! table of those keys first, which rejects most positions in a few instructions; only a
//! position whose key is set is compared with the strings filed under it. A scan costs one
//! pass over the text's characters, whatever the number of strings.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Bits of the key table: 2^18 bits (32 KiB) keep the table in cache and a few thousand
/// keys sparse in it.
const TABLE_BITS: u32 = 18;

/// A set of non-empty strings, filed for scanning (see the [module](self) documentation).
#[derive(Debug, Clone)]
pub(crate) struct StringSet {
    /// The strings, by id (the order they were given in, duplicates and empties skipped).
    strings: Vec<String>,
    /// Ids of the strings of two or more characters, by their first two characters, longest
    /// string first.
    pairs: HashMap<u64, Vec<u32>, BuildHasherDefault<KeyHasher>>,
    /// Ids of the strings of one character, by that character.
    singles: HashMap<u64, Vec<u32>, BuildHasherDefault<KeyHasher>>,
    /// Bit table over [`slot`] of the keys of `pairs` and `singles`.
    table: Vec<u64>,
}

/// The key of one character followed by another, or by nothing (the key of a string of
/// one character).
fn key(a: char, b: Option<char>) -> u64 {
    (u64::from(a) << 32) | b.map_or(u64::from(u32::MAX), u64::from)
}

/// The bit of the key table that `key` sets.
fn slot(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - TABLE_BITS)) as usize
}

impl StringSet {
    /// Files `strings`; a string's id is its position among them. An empty string is never
    /// found, and of two equal strings the scans report both.
    pub(crate) fn new<'s>(strings: impl IntoIterator<Item = &'s str>) -> StringSet {
        let mut set = StringSet {
            strings: Vec::new(),
            pairs: HashMap::default(),
            singles: HashMap::default(),
            table: vec![0; 1 << (TABLE_BITS - 6)],
        };
        for s in strings {
            let id = set.strings.len() as u32;
            set.strings.push(s.to_string());
            let mut chars = s.chars();
            let Some(a) = chars.next() else { continue };
            let b = chars.next();
            let k = key(a, b);
            if b.is_some() {
                set.pairs.entry(k).or_default().push(id);
            } else {
                set.singles.entry(k).or_default().push(id);
            }
            set.table[slot(k) / 64] |= 1 << (slot(k) % 64);
        }
        let strings = &set.strings;
        for ids in set.pairs.values_mut() {
            ids.sort_by_key(|&id| std::cmp::Reverse(strings[id as usize].len()));
        }
        set
    }

    /// The string of an id.
    pub(crate) fn get(&self, id: usize) -> &str {
        &self.strings[id]
    }

    /// The number of strings.
    pub(crate) fn len(&self) -> usize {
        self.strings.len()
    }

    fn marked(&self, k: u64) -> bool {
        let s = slot(k);
        self.table[s / 64] & (1 << (s % 64)) != 0
    }

    /// Calls `each(id)` for every string that starts at `at` (the character `a`, followed
    /// by `b` unless at the end), longest first, until `each` returns false.
    fn starting_at(&self, text: &str, at: usize, a: char, b: Option<char>, mut each: impl FnMut(usize) -> bool) {
        if b.is_some() {
            let k = key(a, b);
            if self.marked(k) {
                if let Some(ids) = self.pairs.get(&k) {
                    let rest = &text.as_bytes()[at..];
                    for &id in ids {
                        if rest.starts_with(self.strings[id as usize].as_bytes()) && !each(id as usize) {
                            return;
                        }
                    }
                }
            }
        }
        let k = key(a, None);
        if !self.singles.is_empty() && self.marked(k) {
            for &id in self.singles.get(&k).into_iter().flatten() {
                if !each(id as usize) {
                    return;
                }
            }
        }
    }

    /// Calls `each(id, start)` for every occurrence of every string, overlaps included, in
    /// order of start (the longer string first at one start).
    pub(crate) fn for_each_overlapping(&self, text: &str, mut each: impl FnMut(usize, usize)) {
        if self.strings.is_empty() {
            return;
        }
        let mut chars = text.char_indices().peekable();
        while let Some((at, a)) = chars.next() {
            let b = chars.peek().map(|&(_, b)| b);
            self.starting_at(text, at, a, b, |id| {
                each(id, at);
                true
            });
        }
    }

    /// Calls `each(id, start)` for the leftmost-longest occurrences: scanning from the start,
    /// the longest string that starts at a position is taken and the scan goes on after it,
    /// so occurrences never overlap (`卷积` is not found inside a found `卷积神经网络`).
    pub(crate) fn for_each_leftmost_longest(&self, text: &str, mut each: impl FnMut(usize, usize)) {
        if self.strings.is_empty() {
            return;
        }
        let mut chars = text.char_indices().peekable();
        let mut resume = 0;
        while let Some((at, a)) = chars.next() {
            if at < resume {
                continue;
            }
            let b = chars.peek().map(|&(_, b)| b);
            let mut found = None;
            self.starting_at(text, at, a, b, |id| {
                found = Some(id);
                false
            });
            if let Some(id) = found {
                each(id, at);
                resume = at + self.strings[id].len();
            }
        }
    }
}

/// A multiplicative hasher for the `u64` keys of [`StringSet`]: they are already spread by
/// the characters they hold, and the default hasher costs more than the rest of a lookup.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7C_C1_B7_27_22_0A_95);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0 ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(26);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Occurrences as (string, start), as the scans report them.
    fn overlapping(strings: &[&str], text: &str) -> Vec<(String, usize)> {
        let set = StringSet::new(strings.iter().copied());
        let mut out = Vec::new();
        set.for_each_overlapping(text, |id, at| out.push((set.get(id).to_string(), at)));
        out
    }

    fn leftmost_longest(strings: &[&str], text: &str) -> Vec<(String, usize)> {
        let set = StringSet::new(strings.iter().copied());
        let mut out = Vec::new();
        set.for_each_leftmost_longest(text, |id, at| out.push((set.get(id).to_string(), at)));
        out
    }

    /// The same occurrences found the slow way: every string at every character boundary.
    fn naive_overlapping(strings: &[&str], text: &str) -> Vec<(String, usize)> {
        let mut sorted: Vec<&str> = strings.iter().copied().filter(|s| !s.is_empty()).collect();
        sorted.sort_by_key(|s| std::cmp::Reverse(s.len()));
        let mut out = Vec::new();
        for (at, _) in text.char_indices() {
            for s in &sorted {
                if text[at..].starts_with(s) {
                    out.push((s.to_string(), at));
                }
            }
        }
        out
    }

    #[test]
    fn overlapping_finds_every_occurrence() {
        let strings = ["梯度下降", "随机梯度下降", "下降", "降", "梯度", "", "梯度"];
        let cases = [
            "使用随机梯度下降训练",
            "梯度下降与梯度上升",
            "降",
            "",
            "降降降",
            "Adam 梯度下降，梯度",
            "梯",
        ];
        for text in cases {
            assert_eq!(overlapping(&strings, text), naive_overlapping(&strings, text), "{text}");
        }
        assert_eq!(overlapping(&strings, "降降"), [("降".to_string(), 0), ("降".to_string(), 3)]);
    }

    #[test]
    fn leftmost_longest_takes_the_longest_and_skips_past_it() {
        let strings = ["卷积", "卷积神经网络", "神经网络", "网络", "值"];
        let table: &[(&str, &[(&str, usize)])] = &[
            ("卷积神经网络的数值", &[("卷积神经网络", 0), ("值", 24)]),
            ("卷积和神经网络", &[("卷积", 0), ("神经网络", 9)]),
            ("网络卷积", &[("网络", 0), ("卷积", 6)]),
            ("无", &[]),
            ("", &[]),
        ];
        for (text, want) in table {
            let want: Vec<(String, usize)> = want.iter().map(|(s, at)| (s.to_string(), *at)).collect();
            assert_eq!(leftmost_longest(&strings, text), want, "{text}");
        }
    }

    #[test]
    fn strings_with_latin_and_wide_letters() {
        let strings = ["KV缓存", "K均值", "Ｐｙｔｈｏｎ包", "a"];
        let text = "KV缓存和K均值，Ｐｙｔｈｏｎ包 a";
        assert_eq!(overlapping(&strings, text), naive_overlapping(&strings, text));
    }

    #[test]
    fn ids_are_positions() {
        let set = StringSet::new(["b", "a", "b", "", "ab"]);
        assert_eq!(set.len(), 5);
        let mut found = Vec::new();
        set.for_each_overlapping("ab", |id, at| found.push((id, at)));
        assert_eq!(found, [(4, 0), (1, 0), (0, 1), (2, 1)]);
    }
}
