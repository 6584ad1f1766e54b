//! The segmenter's dictionary as compiled into the program (see `build.rs` for its form): a
//! trie read in place, nothing to load, and beside it the words added while running.

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// The compiled dictionary, as `build.rs` wrote it.
static DATA: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/dictionary.bin"));

/// The characters whose nodes [`Layout::root`] holds directly (as `build.rs` writes them).
const ROOT_CHARS: usize = 1 << 16;

/// Where each table of [`DATA`] starts, and the small tables read out of it once.
struct Layout {
    nodes: usize,
    total: u64,
    root: usize,
    first: usize,
    chars: usize,
    words: usize,
    tags: usize,
    /// The frequencies a word may have, and their natural logarithms.
    freqs: Vec<(u64, f64)>,
    /// The parts of speech.
    tag_names: Vec<&'static str>,
}

static LAYOUT: LazyLock<Layout> = LazyLock::new(|| {
    assert_eq!(&DATA[..8], b"TBDICT01", "the compiled dictionary has the form this program reads");
    let word = |at: usize| u32::from_le_bytes(DATA[at..at + 4].try_into().expect("four bytes")) as usize;
    let (nodes, freq_count, tag_count) = (word(8), word(12), word(16));
    let total = u64::from_le_bytes(DATA[20..28].try_into().expect("eight bytes"));
    let root = 28;
    let first = root + ROOT_CHARS * 4;
    let chars = first + (nodes + 1) * 4;
    let words = chars + nodes * 2;
    let tags = words + nodes * 2;
    let mut at = tags + nodes;
    let freqs = (0..freq_count)
        .map(|i| {
            let f = word(at + i * 4) as u64;
            (f, (f as f64).ln())
        })
        .collect();
    at += freq_count * 4;
    let mut tag_names = Vec::with_capacity(tag_count);
    for _ in 0..tag_count {
        let len = usize::from(DATA[at]);
        let name = std::str::from_utf8(&DATA[at + 1..at + 1 + len]).expect("parts of speech are text");
        tag_names.push(name);
        at += 1 + len;
    }
    assert_eq!(at, DATA.len(), "the compiled dictionary ends where its tables do");
    Layout { nodes, total, root, first, chars, words, tags, freqs, tag_names }
});

impl Layout {
    fn u32_at(&self, table: usize, i: usize) -> u32 {
        let at = table + i * 4;
        u32::from_le_bytes(DATA[at..at + 4].try_into().expect("four bytes"))
    }

    fn u16_at(&self, table: usize, i: usize) -> u16 {
        let at = table + i * 2;
        u16::from_le_bytes(DATA[at..at + 2].try_into().expect("two bytes"))
    }

    /// The compiled child of `node` by `c`.
    fn child(&self, node: u32, c: char) -> Option<u32> {
        let c = c as usize;
        if c >= ROOT_CHARS {
            return None;
        }
        if node == 0 {
            return Some(self.u32_at(self.root, c)).filter(|&n| n != 0);
        }
        let (mut lo, mut hi) =
            (self.u32_at(self.first, node as usize) as usize, self.u32_at(self.first, node as usize + 1) as usize);
        while lo < hi {
            let mid = (lo + hi) / 2;
            match usize::from(self.u16_at(self.chars, mid)).cmp(&c) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid as u32),
            }
        }
        None
    }

    /// The compiled word that ends at `node`, if one does.
    fn record(&self, node: u32) -> Option<Record> {
        let freq = usize::from(self.u16_at(self.words, node as usize)).checked_sub(1)?;
        let (freq, log) = self.freqs[freq];
        let tag = self.tag_names[usize::from(DATA[self.tags + node as usize])];
        Some(Record { freq, log, tag })
    }
}

/// A word of the dictionary: how often it is met, the logarithm of that, its part of speech.
#[derive(Clone, Copy, Debug)]
pub(super) struct Record {
    pub(super) freq: u64,
    pub(super) log: f64,
    pub(super) tag: &'static str,
}

/// A node of the trie: the characters of a word or of the start of one.
pub(super) type Node = u32;

/// The root of the trie, where every word starts.
pub(super) const ROOT: Node = 0;

/// The compiled dictionary and the words added to it.
pub(super) struct Dictionary {
    layout: &'static Layout,
    /// Nodes added, by parent and character (numbered from the compiled nodes' count on).
    added: FxHashMap<(Node, char), Node>,
    /// The words of the added nodes, in their order.
    added_words: Vec<Option<Record>>,
    /// Compiled nodes whose word was added or changed.
    changed: FxHashMap<Node, Record>,
    /// Compiled nodes with added children, a bit each.
    has_added: Vec<u64>,
    /// Compiled nodes in `changed`, a bit each.
    is_changed: Vec<u64>,
    total: u64,
    log_total: f64,
}

fn bit(bits: &[u64], node: Node) -> bool {
    bits.get(node as usize / 64).is_some_and(|w| w >> (node % 64) & 1 == 1)
}

fn set_bit(bits: &mut [u64], node: Node) {
    bits[node as usize / 64] |= 1 << (node % 64);
}

impl Dictionary {
    /// The compiled dictionary, nothing added.
    pub(super) fn new() -> Dictionary {
        let layout = &*LAYOUT;
        let words = layout.nodes.div_ceil(64);
        Dictionary {
            layout,
            added: FxHashMap::default(),
            added_words: Vec::new(),
            changed: FxHashMap::default(),
            has_added: vec![0; words],
            is_changed: vec![0; words],
            total: layout.total,
            log_total: (layout.total as f64).ln(),
        }
    }

    /// The natural logarithm of the frequencies of all words together.
    pub(super) fn log_total(&self) -> f64 {
        self.log_total
    }

    /// The node reached from `node` by `c`.
    #[inline]
    pub(super) fn child(&self, node: Node, c: char) -> Option<Node> {
        if (node as usize) < self.layout.nodes {
            self.layout.child(node, c).or_else(|| {
                if bit(&self.has_added, node) {
                    self.added.get(&(node, c)).copied()
                } else {
                    None
                }
            })
        } else {
            self.added.get(&(node, c)).copied()
        }
    }

    /// The word that ends at `node`, if one does.
    #[inline]
    pub(super) fn record(&self, node: Node) -> Option<Record> {
        match (node as usize).checked_sub(self.layout.nodes) {
            None if bit(&self.is_changed, node) => self.changed.get(&node).copied(),
            None => self.layout.record(node),
            Some(i) => self.added_words[i],
        }
    }

    /// The node of `word`, if it is a word of the dictionary.
    pub(super) fn find(&self, word: &str) -> Option<Node> {
        let mut node = ROOT;
        for c in word.chars() {
            node = self.child(node, c)?;
        }
        (!word.is_empty() && self.record(node).is_some()).then_some(node)
    }

    /// Adds `word` with `freq`, or gives a word already there that frequency (keeping its
    /// part of speech); the total follows.
    pub(super) fn set_word(&mut self, word: &str, freq: u64, tag: &'static str) {
        let mut node = ROOT;
        for c in word.chars() {
            node = match self.child(node, c) {
                Some(next) => next,
                None => {
                    let next = (self.layout.nodes + self.added_words.len()) as Node;
                    self.added.insert((node, c), next);
                    self.added_words.push(None);
                    if (node as usize) < self.layout.nodes {
                        set_bit(&mut self.has_added, node);
                    }
                    next
                }
            };
        }
        let log = (freq as f64).ln();
        let old = self.record(node);
        let record = Record { freq, log, tag: old.map_or(tag, |r| r.tag) };
        match (node as usize).checked_sub(self.layout.nodes) {
            None => {
                self.changed.insert(node, record);
                set_bit(&mut self.is_changed, node);
            }
            Some(i) => self.added_words[i] = Some(record),
        }
        self.total = self.total - old.map_or(0, |r| r.freq) + freq;
        self.log_total = (self.total as f64).ln();
    }
}
