//! Finding many short strings in a text: the reference's Chinese terms, and the possible
//! Chinese terms whose recurrence decides a left boundary.
//!
//! The strings are a few characters long, and most positions of a text start none of them.
//! So a [`StringSet`] files each string under its first three characters (a shorter string
//! under all of its characters), and a scan tests each position of the text against a bit
//! table of the strings' first two characters (and one of the one-character strings), which
//! rejects most positions in a few instructions. Only where that passes is the third
//! character decoded and the key looked up, and only a string longer than its key is
//! compared byte by byte. A scan costs one pass over the text's characters, whatever the
//! number of strings.

/// Bits of a key table: 2^16 bits (8 KiB) keep the tables in the first-level cache, where a
/// test costs a few cycles, and a few thousand keys sparse enough in them.
const TABLE_BITS: u32 = 16;

/// No character in a key's place (21 bits, above every code point).
const NONE: u64 = 0x1F_FFFF;

/// A set of strings, filed for scanning (see the [module](self) documentation).
#[derive(Debug, Clone)]
pub(crate) struct StringSet {
    /// The strings, one after another.
    text: String,
    /// Where each string is in `text`, by id.
    bounds: Vec<(usize, usize)>,
    /// The [`key`]s of the strings' first three characters, open-addressed by [`hash`]
    /// (linear probing, at most half full, [`EMPTY`] where there is none).
    keys: Vec<u64>,
    /// For each slot of `keys`, its ids: a range of `ids`.
    ranges: Vec<(u32, u32)>,
    /// Ids filed by key, the longest string first under each key.
    ids: Vec<u32>,
    /// Whether some string has one character, two characters.
    short: [bool; 2],
    /// Bit table over [`hash`] of the first two characters of the strings of two or more.
    pairs: Vec<u64>,
    /// Bit table over [`hash`] of the keys.
    table: Vec<u64>,
    /// Bit table over the code points below U+10000 that are a string of one character.
    singles: Box<[u64; 1024]>,
}

/// No key in a slot: no key has all its bits set.
const EMPTY: u64 = u64::MAX;

/// The key of up to three characters, 21 bits each.
fn key(a: char, b: Option<char>, c: Option<char>) -> u64 {
    let code = |c: Option<char>| c.map_or(NONE, u64::from);
    (u64::from(a) << 42) | (code(b) << 21) | code(c)
}

/// The top `bits` bits of a multiplicative hash of `key`.
#[inline(always)]
fn hash(key: u64, bits: u32) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize
}

/// The slot of the characters `a` and then `b` in the bit tables of pairs (0 without `b`).
#[inline(always)]
fn pair_slot(a: char, b: Option<(usize, char)>) -> usize {
    b.map_or(0, |(_, b)| hash(key(a, Some(b), None), TABLE_BITS))
}

fn mark(table: &mut [u64], key: u64) {
    let s = hash(key, TABLE_BITS);
    table[s / 64] |= 1 << (s % 64);
}

#[inline(always)]
fn marked(table: &[u64], key: u64) -> bool {
    bit(table, hash(key, TABLE_BITS))
}

/// Whether a bit table has the bit of slot `s` (a [`hash`] of [`TABLE_BITS`] bits).
#[inline(always)]
fn bit(table: &[u64], s: usize) -> bool {
    table[s / 64] & (1 << (s % 64)) != 0
}

impl StringSet {
    /// Files `strings`; a string's id is its position among them. An empty string is never
    /// found, and of two equal strings the scans report both.
    pub(crate) fn new<'s>(strings: impl IntoIterator<Item = &'s str>) -> StringSet {
        let mut text = String::new();
        let mut bounds = Vec::new();
        let mut filed: Vec<(u64, u32)> = Vec::new();
        let mut short = [false; 2];
        let mut pairs = vec![0; 1 << (TABLE_BITS - 6)];
        let mut table = vec![0; 1 << (TABLE_BITS - 6)];
        let mut singles = Box::new([0u64; 1024]);
        for s in strings {
            let id = bounds.len() as u32;
            bounds.push((text.len(), text.len() + s.len()));
            text.push_str(s);
            let mut chars = s.chars();
            let Some(a) = chars.next() else { continue };
            let (b, c) = (chars.next(), chars.next());
            match (b, c) {
                (None, _) => {
                    short[0] = true;
                    if let Some(bit) = singles.get_mut(a as usize / 64) {
                        *bit |= 1 << (a as usize % 64);
                    }
                }
                (Some(_), None) => short[1] = true,
                _ => {}
            }
            if b.is_some() {
                mark(&mut pairs, key(a, b, None));
            }
            filed.push((key(a, b, c), id));
            mark(&mut table, key(a, b, c));
        }
        // by key, and under a key the longest first (then in order)
        let len = |id: u32| bounds[id as usize].1 - bounds[id as usize].0;
        // ids and ranges of ids fit in u32: a set holds far fewer strings
        filed.sort_unstable_by_key(|&(k, id)| (k, std::cmp::Reverse(len(id)), id));
        let distinct = filed.chunk_by(|x, y| x.0 == y.0).count();
        let bits = (distinct * 2).next_power_of_two().trailing_zeros().max(4);
        let mut keys = vec![EMPTY; 1 << bits];
        let mut ranges = vec![(0, 0); 1 << bits];
        let mut ids = Vec::with_capacity(filed.len());
        for group in filed.chunk_by(|x, y| x.0 == y.0) {
            let k = group[0].0;
            let mut i = hash(k, bits);
            while keys[i] != EMPTY {
                i = (i + 1) & (keys.len() - 1);
            }
            keys[i] = k;
            ranges[i] = (ids.len() as u32, (ids.len() + group.len()) as u32);
            ids.extend(group.iter().map(|&(_, id)| id));
        }
        StringSet { text, bounds, keys, ranges, ids, short, pairs, table, singles }
    }

    /// The string of an id.
    pub(crate) fn get(&self, id: usize) -> &str {
        let (start, end) = self.bounds[id];
        &self.text[start..end]
    }

    /// The number of strings.
    pub(crate) fn len(&self) -> usize {
        self.bounds.len()
    }

    /// The ids filed under `k`.
    #[inline(always)]
    fn filed(&self, k: u64) -> &[u32] {
        if !marked(&self.table, k) {
            return &[];
        }
        let mask = self.keys.len() - 1;
        let mut i = hash(k, mask.count_ones());
        loop {
            match self.keys[i] {
                found if found == k => {
                    let (from, to) = self.ranges[i];
                    return &self.ids[from as usize..to as usize];
                }
                EMPTY => return &[],
                _ => i = (i + 1) & mask,
            }
        }
    }

    /// Calls `each(id)` for every string that starts at `at`, where the text has the
    /// character `a` and then `b` (with where it starts), longest first, until `each` returns
    /// false. `pair` is the slot of `a` and `b` in the bit tables of pairs (see
    /// [`pair_slot`]), computed once for every set scanned.
    #[inline(always)]
    fn starting_at(
        &self,
        text: &str,
        at: usize,
        a: char,
        b: Option<(usize, char)>,
        pair: usize,
        mut each: impl FnMut(usize) -> bool,
    ) {
        // most positions start no string of two characters or more
        if let Some((next, b)) = b.filter(|_| bit(&self.pairs, pair)) {
            // the third character, decoded only here
            let c = text[next + b.len_utf8()..].chars().next();
            if c.is_some() {
                let rest = &text.as_bytes()[at..];
                for &id in self.filed(key(a, Some(b), c)) {
                    let s = self.get(id as usize).as_bytes();
                    if rest.starts_with(s) && !each(id as usize) {
                        return;
                    }
                }
            }
            if self.short[1] {
                for &id in self.filed(key(a, Some(b), None)) {
                    if !each(id as usize) {
                        return;
                    }
                }
            }
        }
        let code = a as usize;
        if self.short[0] && (code >= 0x10000 || self.singles[code >> 6 & 1023] & (1 << (code & 63)) != 0) {
            for &id in self.filed(key(a, None, None)) {
                if !each(id as usize) {
                    return;
                }
            }
        }
    }

    /// Calls `scan(start, char, next)` at each character of `text`, with the next character
    /// and where it starts.
    #[inline(always)]
    fn windows(text: &str, mut scan: impl FnMut(usize, char, Option<(usize, char)>)) {
        let mut it = text.char_indices();
        let (mut w0, mut w1) = (it.next(), it.next());
        while let Some((at, a)) = w0 {
            scan(at, a, w1);
            (w0, w1) = (w1, it.next());
        }
    }

    /// Scans `text` for the strings of two sets in one pass, each character decoded once:
    /// - `longest(id, start)` gets the leftmost-longest occurrences of this set's strings:
    ///   scanning from the start, the longest string that starts at a position is taken and
    ///   the scan goes on after it, so occurrences never overlap (`卷积` is not found inside a
    ///   found `卷积神经网络`);
    /// - `every(id, start)` gets every occurrence of `every_of`'s strings, overlaps included,
    ///   in order of start (the longer string first at one start).
    pub(crate) fn scan(
        &self,
        text: &str,
        mut longest: impl FnMut(usize, usize),
        every_of: &StringSet,
        mut every: impl FnMut(usize, usize),
    ) {
        let (mine, theirs) = (!self.ids.is_empty(), !every_of.ids.is_empty());
        if !mine && !theirs {
            return;
        }
        let mut resume = 0;
        Self::windows(text, |at, a, b| {
            let pair = pair_slot(a, b);
            if mine && at >= resume {
                let mut found = None;
                self.starting_at(text, at, a, b, pair, |id| {
                    found = Some(id);
                    false
                });
                if let Some(id) = found {
                    longest(id, at);
                    resume = at + self.get(id).len();
                }
            }
            if theirs {
                every_of.starting_at(text, at, a, b, pair, |id| {
                    every(id, at);
                    true
                });
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Occurrences as (string, start), as the scans report them.
    fn overlapping(strings: &[&str], text: &str) -> Vec<(String, usize)> {
        let set = StringSet::new(strings.iter().copied());
        let mut out = Vec::new();
        StringSet::new([]).scan(text, |_, _| {}, &set, |id, at| out.push((set.get(id).to_string(), at)));
        out
    }

    fn leftmost_longest(strings: &[&str], text: &str) -> Vec<(String, usize)> {
        let set = StringSet::new(strings.iter().copied());
        let mut out = Vec::new();
        set.scan(text, |id, at| out.push((set.get(id).to_string(), at)), &StringSet::new([]), |_, _| {});
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
        let strings = ["梯度下降", "随机梯度下降", "下降", "降", "梯度", "", "梯度", "梯度下"];
        let cases = ["使用随机梯度下降训练", "梯度下降与梯度上升", "降", "", "降降降", "Adam 梯度下降，梯度", "梯"];
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
    fn strings_with_latin_wide_and_rare_characters() {
        // 𠀀 and 𪚥 lie beyond U+FFFF, outside the bit table of one-character strings
        let strings = ["KV缓存", "K均值", "Ｐｙｔｈｏｎ包", "a", "𠀀", "𪚥甲", "甲"];
        let text = "KV缓存和K均值，Ｐｙｔｈｏｎ包 a，𠀀𪚥甲𠀀";
        assert_eq!(overlapping(&strings, text), naive_overlapping(&strings, text));
        assert_eq!(leftmost_longest(&strings, text), naive_leftmost_longest(&strings, text));
        assert!(overlapping(&strings, text).contains(&("𠀀".to_string(), text.len() - 4)));
    }

    /// Leftmost-longest the slow way.
    fn naive_leftmost_longest(strings: &[&str], text: &str) -> Vec<(String, usize)> {
        let all = naive_overlapping(strings, text);
        let mut out: Vec<(String, usize)> = Vec::new();
        let mut resume = 0;
        for (s, at) in all {
            // the first found at a start is the longest
            if at >= resume && out.last().is_none_or(|l| l.1 != at) {
                resume = at + s.len();
                out.push((s, at));
            }
        }
        out
    }

    proptest::proptest! {
        /// Strings and texts over a small alphabet, so that they overlap often.
        #[test]
        fn scans_agree_with_the_slow_way(
            strings in proptest::collection::vec("[甲乙丙a ]{0,5}", 0..12),
            text in "[甲乙丙a ]{0,40}",
        ) {
            let strings: Vec<&str> = strings.iter().map(String::as_str).collect();
            proptest::prop_assert_eq!(overlapping(&strings, &text), naive_overlapping(&strings, &text));
            proptest::prop_assert_eq!(leftmost_longest(&strings, &text), naive_leftmost_longest(&strings, &text));
        }

        /// One pass for two sets reports what the two scans report.
        #[test]
        fn one_scan_for_two_sets_agrees_with_the_slow_ways(
            longest in proptest::collection::vec("[甲乙丙a ]{0,5}", 0..12),
            every in proptest::collection::vec("[甲乙丙a ]{0,5}", 0..12),
            text in "[甲乙丙a ]{0,40}",
        ) {
            let (longest, every): (Vec<&str>, Vec<&str>) =
                (longest.iter().map(String::as_str).collect(), every.iter().map(String::as_str).collect());
            let (l, e) = (StringSet::new(longest.iter().copied()), StringSet::new(every.iter().copied()));
            let (mut found_l, mut found_e) = (Vec::new(), Vec::new());
            l.scan(&text, |id, at| found_l.push((l.get(id).to_string(), at)), &e, |id, at| found_e.push((e.get(id).to_string(), at)));
            proptest::prop_assert_eq!(found_l, naive_leftmost_longest(&longest, &text));
            proptest::prop_assert_eq!(found_e, naive_overlapping(&every, &text));
        }
    }

    #[test]
    fn ids_are_positions() {
        let set = StringSet::new(["b", "a", "b", "", "ab"]);
        assert_eq!(set.len(), 5);
        let mut found = Vec::new();
        StringSet::new([]).scan("ab", |_, _| {}, &set, |id, at| found.push((id, at)));
        assert_eq!(found, [(4, 0), (1, 0), (0, 1), (2, 1)]);
    }
}
