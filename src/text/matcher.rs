//! Finding many short strings in a text: the reference's Chinese terms, and the possible
//! Chinese terms whose recurrence decides a left boundary.
//!
//! The strings are a few characters long, and most positions of a text start none of them.
//! So a [`StringSet`] files each string under its first three characters (a shorter string
//! under all of its characters), and a scan walks the text's bytes a character at a time,
//! testing each position against tables of the strings' first bytes, read as one word: a
//! table of the bytes that start a string (which passes over an ASCII run a test a byte when
//! no string starts with ASCII), and bit tables of the strings' first six bytes (two Chinese
//! characters), of the first three bytes of the strings of three to five bytes, and of the
//! first byte of the strings of one or two. No character is decoded and no width beyond the
//! first is read where no string can start, and most positions are rejected in a few
//! instructions. Only where a table passes are the characters decoded and the key looked up,
//! and only a string longer than its key is compared byte by byte. A scan costs one pass over
//! the text's characters, whatever the number of strings.

/// Bits of a bit table: 2^16 bits (8 KiB) keep the tables in the first-level cache, where a
/// test costs a few cycles, and a few thousand keys sparse enough in them.
const TABLE_BITS: u32 = 16;

/// Words of a bit table of [`TABLE_BITS`] bits.
const TABLE_WORDS: usize = 1 << (TABLE_BITS - 6);

/// A bit table over [`hash`]es of [`TABLE_BITS`] bits: of a fixed size, so that a test needs
/// no bounds check.
type Table = [u64; TABLE_WORDS];

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
    /// The bytes that start a string, a bit each.
    leads: [u64; 4],
    /// Bit table over [`hash`] of the first six bytes of the strings of six bytes or more.
    long: Box<Table>,
    /// Bit table over [`hash`] of the first three bytes of the strings of three to five bytes.
    mid: Box<Table>,
    /// The first bytes of the strings of one or two bytes, a bit each.
    small: [u64; 4],
    /// Bit table over [`hash`] of the keys.
    table: Box<Table>,
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

/// The first six bytes of a word (little-endian): those of a [`long`](StringSet::long) string.
const FIRST_SIX: u64 = (1 << 48) - 1;
/// The first three bytes of a word: those of a [`mid`](StringSet::mid) string.
const FIRST_THREE: u64 = (1 << 24) - 1;

/// Up to eight bytes as one word (little-endian, zero-padded).
fn raw(bytes: &[u8]) -> u64 {
    let mut buf = [0u8; 8];
    let n = bytes.len().min(8);
    buf[..n].copy_from_slice(&bytes[..n]);
    u64::from_le_bytes(buf)
}

/// The eight bytes of `bytes` from `at` as one word, zero-padded past the end.
#[inline(always)]
fn window(bytes: &[u8], at: usize) -> u64 {
    match bytes[at..].first_chunk::<8>() {
        Some(w) => u64::from_le_bytes(*w),
        None => raw(&bytes[at..]),
    }
}

/// The number of bytes of the UTF-8 character that starts with byte `b`.
#[inline(always)]
fn width(b: u8) -> usize {
    if b < 0x80 {
        1
    } else {
        b.leading_ones() as usize
    }
}

/// Whether a table of bytes has `b`.
#[inline(always)]
fn has_byte(table: &[u64; 4], b: u8) -> bool {
    table[usize::from(b >> 6)] & (1 << (b & 63)) != 0
}

fn mark(table: &mut Table, key: u64) {
    let s = hash(key, TABLE_BITS);
    table[s / 64] |= 1 << (s % 64);
}

/// Whether a bit table has the bit of slot `s` (a [`hash`] of [`TABLE_BITS`] bits).
#[inline(always)]
fn bit(table: &Table, s: usize) -> bool {
    table[s / 64] & (1 << (s % 64)) != 0
}

/// The union of two sets' bit tables, of those in use: one test at each position for both.
fn union<'t>(a: &'t Table, b: &'t Table, use_a: bool, use_b: bool) -> std::borrow::Cow<'t, Table> {
    match (use_a, use_b) {
        (true, true) => std::borrow::Cow::Owned(std::array::from_fn(|i| a[i] | b[i])),
        (true, false) => std::borrow::Cow::Borrowed(a),
        _ => std::borrow::Cow::Borrowed(b),
    }
}

impl StringSet {
    /// Files `strings`; a string's id is its position among them. An empty string is never
    /// found, and of two equal strings the scans report both.
    pub(crate) fn new<'s>(strings: impl IntoIterator<Item = &'s str>) -> StringSet {
        let mut text = String::new();
        let mut bounds = Vec::new();
        let mut filed: Vec<(u64, u32)> = Vec::new();
        let mut short = [false; 2];
        let (mut leads, mut small) = ([0u64; 4], [0u64; 4]);
        let (mut long, mut mid) = (Box::new([0; TABLE_WORDS]), Box::new([0; TABLE_WORDS]));
        let mut table = Box::new([0; TABLE_WORDS]);
        for s in strings {
            let id = bounds.len() as u32;
            bounds.push((text.len(), text.len() + s.len()));
            text.push_str(s);
            let mut chars = s.chars();
            let Some(a) = chars.next() else { continue };
            let (b, c) = (chars.next(), chars.next());
            match (b, c) {
                (None, _) => short[0] = true,
                (Some(_), None) => short[1] = true,
                _ => {}
            }
            let lead = s.as_bytes()[0];
            leads[usize::from(lead >> 6)] |= 1 << (lead & 63);
            match s.len() {
                1 | 2 => small[usize::from(lead >> 6)] |= 1 << (lead & 63),
                3..=5 => mark(&mut mid, raw(s.as_bytes()) & FIRST_THREE),
                _ => mark(&mut long, raw(s.as_bytes()) & FIRST_SIX),
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
        StringSet { text, bounds, keys, ranges, ids, short, leads, long, mid, small, table }
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
        if !bit(&self.table, hash(k, TABLE_BITS)) {
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
    /// false.
    #[inline(always)]
    fn starting_at(
        &self,
        text: &str,
        at: usize,
        a: char,
        b: Option<(usize, char)>,
        mut each: impl FnMut(usize) -> bool,
    ) {
        if let Some((next, b)) = b {
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
        if self.short[0] {
            for &id in self.filed(key(a, None, None)) {
                if !each(id as usize) {
                    return;
                }
            }
        }
    }

    /// Whether a string may start where the text's next eight bytes are `word`, the first
    /// `lead`, by the tables `long`, `mid` and `small` (this set's or a union of sets').
    #[inline(always)]
    fn may_start(word: u64, lead: u8, long: &Table, mid: Option<&Table>, small: Option<&[u64; 4]>) -> bool {
        bit(long, hash(word & FIRST_SIX, TABLE_BITS))
            || mid.is_some_and(|mid| bit(mid, hash(word & FIRST_THREE, TABLE_BITS)))
            || small.is_some_and(|small| has_byte(small, lead))
    }

    /// [`may_start`](Self::may_start) by this set's tables.
    #[inline(always)]
    fn may_start_here(&self, word: u64, lead: u8) -> bool {
        Self::may_start(word, lead, &self.long, Some(&self.mid), Some(&self.small))
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
        // one test at each position for both sets; each set's own tables where one passes
        let or = |x: &[u64; 4], y: &[u64; 4]| -> [u64; 4] { std::array::from_fn(|i| x[i] | y[i]) };
        let leads = or(&self.leads, &every_of.leads);
        let long = union(&self.long, &every_of.long, mine, theirs);
        let mid = union(&self.mid, &every_of.mid, mine, theirs);
        let small = or(&self.small, &every_of.small);
        let mid = mid.iter().any(|&w| w != 0).then_some(&*mid);
        let small = small.iter().any(|&w| w != 0).then_some(&small);
        let bytes = text.as_bytes();
        let (mut at, mut resume) = (0, 0);
        while let Some(&lead) = bytes.get(at) {
            let next = at + width(lead);
            if !has_byte(&leads, lead) {
                at = next;
                continue;
            }
            let word = window(bytes, at);
            if Self::may_start(word, lead, &long, mid, small) {
                let mut chars = text[at..].chars();
                let (Some(a), b) = (chars.next(), chars.next()) else { break };
                let b = b.map(|b| (next, b));
                if mine && at >= resume && self.may_start_here(word, lead) {
                    let mut found = None;
                    self.starting_at(text, at, a, b, |id| {
                        found = Some(id);
                        false
                    });
                    if let Some(id) = found {
                        longest(id, at);
                        resume = at + self.get(id).len();
                    }
                }
                if theirs && every_of.may_start_here(word, lead) {
                    every_of.starting_at(text, at, a, b, |id| {
                        every(id, at);
                        true
                    });
                }
            }
            at = next;
        }
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

        /// Characters of one to four bytes, so that strings of every length in bytes meet the
        /// tables of long, middle and small strings, and the end of the text.
        #[test]
        fn scans_agree_on_characters_of_every_width(
            strings in proptest::collection::vec("[甲乙é𠀀a ]{0,4}", 0..12),
            text in "[甲乙é𠀀a ]{0,30}",
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
