//! The segmenter's dictionary as compiled into the program (see `build.rs` for its form): a
//! trie read in place, nothing to load, and beside it the words added while running.

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// The compiled dictionary, as `build.rs` wrote it.
static DATA: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/dictionary.bin"));

/// The characters whose nodes [`Layout::root`] holds directly (as `build.rs` writes them).
const ROOT_CHARS: usize = 1 << 16;

/// The tables of [`DATA`], read out of it once (some 5 MB, a millisecond or two).
struct Layout {
    total: u64,
    /// The node of each first character (0: none).
    root: Vec<u32>,
    /// The first child of each node; the children of `n` are `first[n]..first[n + 1]`.
    first: Vec<u32>,
    /// The character into each node.
    chars: Vec<u16>,
    /// 0, or 1 + the index in `freqs` of the frequency of the word ending at each node.
    words: Vec<u16>,
    /// The index in `tag_names` of the part of speech of the word ending at each node.
    tags: Vec<u8>,
    /// The frequencies a word may have, and their natural logarithms.
    freqs: Vec<(u64, f64)>,
    /// The parts of speech.
    tag_names: Vec<&'static str>,
}

/// Reads `count` numbers of `width` bytes from `DATA[*at..]`, moving `at` past them.
fn table<T>(at: &mut usize, count: usize, width: usize, read: impl Fn(&[u8]) -> T) -> Vec<T> {
    let bytes = &DATA[*at..*at + count * width];
    *at += count * width;
    bytes.chunks_exact(width).map(read).collect()
}

static LAYOUT: LazyLock<Layout> = LazyLock::new(|| {
    assert_eq!(&DATA[..8], b"TBDICT01", "the compiled dictionary has the form this program reads");
    let u32_of = |b: &[u8]| u32::from_le_bytes(b.try_into().expect("four bytes"));
    let u16_of = |b: &[u8]| u16::from_le_bytes(b.try_into().expect("two bytes"));
    let mut at = 8;
    let header = table(&mut at, 3, 4, u32_of);
    let (nodes, freq_count, tag_count) = (header[0] as usize, header[1] as usize, header[2] as usize);
    let total = u64::from_le_bytes(DATA[at..at + 8].try_into().expect("eight bytes"));
    at += 8;
    let root = table(&mut at, ROOT_CHARS, 4, u32_of);
    let first = table(&mut at, nodes + 1, 4, u32_of);
    let chars = table(&mut at, nodes, 2, u16_of);
    let words = table(&mut at, nodes, 2, u16_of);
    let tags = table(&mut at, nodes, 1, |b| b[0]);
    let freqs = table(&mut at, freq_count, 4, |b| {
        let f = u64::from(u32_of(b));
        (f, (f as f64).ln())
    });
    let mut tag_names = Vec::with_capacity(tag_count);
    for _ in 0..tag_count {
        let len = usize::from(DATA[at]);
        tag_names.push(std::str::from_utf8(&DATA[at + 1..at + 1 + len]).expect("parts of speech are text"));
        at += 1 + len;
    }
    assert_eq!(at, DATA.len(), "the compiled dictionary ends where its tables do");
    Layout { total, root, first, chars, words, tags, freqs, tag_names }
});

impl Layout {
    fn nodes(&self) -> usize {
        self.chars.len()
    }

    /// The compiled child of `node` by `c`.
    #[inline]
    fn child(&self, node: Node, c: char) -> Option<Node> {
        let c = u16::try_from(c as u32).ok()?;
        if node == ROOT {
            return Some(self.root[usize::from(c)]).filter(|&n| n != 0);
        }
        let (lo, hi) = (self.first[node as usize] as usize, self.first[node as usize + 1] as usize);
        self.chars[lo..hi].binary_search(&c).ok().map(|i| (lo + i) as Node)
    }

    /// The logarithm of the frequency of the compiled word that ends at `node`, if one does.
    #[inline]
    fn log(&self, node: Node) -> Option<f64> {
        let w = usize::from(self.words[node as usize]).checked_sub(1)?;
        Some(self.freqs[w].1)
    }

    /// The compiled word that ends at `node`, if one does.
    fn record(&self, node: Node) -> Option<Record> {
        let (freq, log) = self.freqs[usize::from(self.words[node as usize]).checked_sub(1)?];
        let tag = self.tag_names[usize::from(self.tags[node as usize])];
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
        let words = layout.nodes().div_ceil(64);
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
        if (node as usize) < self.layout.nodes() {
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
        match (node as usize).checked_sub(self.layout.nodes()) {
            None if bit(&self.is_changed, node) => self.changed.get(&node).copied(),
            None => self.layout.record(node),
            Some(i) => self.added_words[i],
        }
    }

    /// The logarithm of the frequency of the word that ends at `node`, if one does.
    #[inline]
    pub(super) fn log(&self, node: Node) -> Option<f64> {
        if (node as usize) < self.layout.nodes() && !bit(&self.is_changed, node) {
            self.layout.log(node)
        } else {
            self.record(node).map(|r| r.log)
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
                    let next = (self.layout.nodes() + self.added_words.len()) as Node;
                    self.added.insert((node, c), next);
                    self.added_words.push(None);
                    if (node as usize) < self.layout.nodes() {
                        set_bit(&mut self.has_added, node);
                    }
                    next
                }
            };
        }
        let log = (freq as f64).ln();
        let old = self.record(node);
        let record = Record { freq, log, tag: old.map_or(tag, |r| r.tag) };
        match (node as usize).checked_sub(self.layout.nodes()) {
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
