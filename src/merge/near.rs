//! Near-duplicate spellings (`continous`/`continuous`, `normalisation`/`normalization`) are
//! one concept. The guards matter more than the matches: forms with digits, short forms and
//! forms glossed with different Chinese are never joined, so `GPT-4` ≠ `GPT-4o`,
//! `ACL` ≠ `ACM`, `YOLOv5` ≠ `YOLOv8`, `encoder` ≠ `decoder`.

use super::group::{KeyChinese, UnionFind};
use super::has_digit;
use super::keys::KeyIds;
use rustc_hash::FxHashMap;

/// Shorter keys one edit apart are mostly different words (`model`/`modal`, `layer`/`later`).
const MIN_KEY_BYTES: usize = 8;
/// Spellings one or two edits apart nearly always agree in their first or their last
/// three bytes: only keys that do are compared.
const EDGE_BYTES: usize = 3;
/// Each key is compared with at most the next fifteen of its block, the nearest in length:
/// enough for real misspellings, and linear in the keys however many there are.
const COMPARED_AFTER: usize = 16;
/// From this length on, a key may hold two slips (`convolutonal netwrk`); below it, one.
const LONG_KEY_BYTES: usize = 14;
/// The edits allowed between a short key and its near duplicate.
const SHORT_EDITS: usize = 1;
/// The edits allowed between a long key and its near duplicate; keys further apart in length
/// are not compared.
const LONG_EDITS: usize = 2;

/// The block of a key: its word count and its first or last [`EDGE_BYTES`] bytes.
type Block = (usize, [u8; EDGE_BYTES]);

/// Joins the keys that are near-duplicate spellings of each other; `key_zh` gives the Chinese
/// each key is glossed with.
pub(super) fn near_duplicates(ids: &KeyIds, key_zh: &KeyChinese<'_>, uf: &mut UnionFind) {
    let keys: Vec<(&str, usize)> = ids.iter().filter(|(k, _)| k.len() >= MIN_KEY_BYTES && !has_digit(k)).collect();
    // Spellings one or two edits apart share their first or their last three bytes and
    // their word count; compare only within those blocks, and only with the nearest lengths.
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for from_end in [false, true] {
        let block = |k: &'_ str| {
            let b = k.as_bytes();
            let edge: [u8; EDGE_BYTES] = if from_end {
                std::array::from_fn(|i| b[b.len() - EDGE_BYTES + i])
            } else {
                std::array::from_fn(|i| b[i])
            };
            (k.split(' ').count(), edge)
        };
        let mut sorted: Vec<(Block, &str, usize)> = keys.iter().map(|&(k, i)| (block(k), k, i)).collect();
        sorted.sort_by(|a, b| (a.0, a.1.len(), a.1).cmp(&(b.0, b.1.len(), b.1)));
        let sorted: Vec<(Block, (&str, usize))> = sorted.into_iter().map(|(b, k, i)| (b, (k, i))).collect();
        for i in 0..sorted.len() {
            let bi = sorted[i].0;
            for j in i + 1..sorted.len().min(i + COMPARED_AFTER) {
                if sorted[j].0 != bi || sorted[j].1 .0.len() > sorted[i].1 .0.len() + LONG_EDITS {
                    break;
                }
                pairs.push((i, j));
            }
        }
        for (i, j) in std::mem::take(&mut pairs) {
            near_pair(sorted[i].1, sorted[j].1, key_zh, uf);
        }
    }
}

/// A key shorter than this without its spaces is joined to no other spacing of it: short
/// forms spaced apart are other words more often than one word split (`a i`, `go to`).
const MIN_SPACELESS_BYTES: usize = 5;

/// Joins the keys that spell one word spaced differently (`couch base`/`Couchbase`, `Mac
/// OS`/`macOS`, `sci-kit-learn`/`scikit-learn`): machine translation and careless typing split
/// names and glue words, and the letters in their order are the same. Keys glossed with
/// different Chinese stay apart (`drop out` 丢弃 is a verb beside `dropout` 暂退法).
pub(super) fn spacing_variants(ids: &KeyIds, key_zh: &KeyChinese<'_>, uf: &mut UnionFind) {
    // keys of several words are gathered by their letters; a key of one word only joins
    // what is gathered (most keys are of one word, and have no spaced twin)
    let mut by_letters: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for (k, i) in ids.iter().filter(|(k, _)| k.contains(' ')) {
        let letters = k.replace(' ', "");
        if letters.len() >= MIN_SPACELESS_BYTES {
            by_letters.entry(letters).or_default().push(i);
        }
    }
    if by_letters.is_empty() {
        return;
    }
    for (k, i) in ids.iter() {
        if !k.contains(' ') {
            if let Some(others) = by_letters.get_mut(k) {
                others.push(i);
            }
        }
    }
    for group in by_letters.values().filter(|g| g.len() > 1) {
        // forms glossed with different Chinese are different terms: the spellings stay apart
        let glossed: Vec<&[u32]> = group.iter().map(|&k| key_zh.of(k)).filter(|z| !z.is_empty()).collect();
        let agree = glossed.iter().enumerate().all(|(n, a)| glossed[n + 1..].iter().all(|b| KeyChinese::share(a, b)));
        if agree {
            group.windows(2).for_each(|w| uf.union(w[0], w[1]));
        }
    }
}

/// Whether `a` and `b` are at most `k` insertions, deletions or substitutions apart; the
/// dynamic program runs only in the band of width `2k + 1` around the diagonal, so this is
/// linear in the length.
fn within_edits(a: &[u8], b: &[u8], k: usize) -> bool {
    if a.len().abs_diff(b.len()) > k {
        return false;
    }
    let big = k + 1;
    let mut prev: Vec<usize> = (0..=b.len()).map(|j| j.min(big)).collect();
    let mut cur = vec![big; b.len() + 1];
    for i in 1..=a.len() {
        let lo = i.saturating_sub(k).max(1);
        let hi = (i + k).min(b.len());
        cur.iter_mut().for_each(|c| *c = big);
        cur[0] = i.min(big);
        for j in lo..=hi {
            let sub = prev[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            cur[j] = sub.min(prev[j] + 1).min(cur[j - 1] + 1).min(big);
        }
        if cur[lo.saturating_sub(1)..=hi].iter().all(|&c| c > k) {
            return false;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()] <= k
}

/// Joins two keys when they are few enough edits apart and not glossed with different Chinese.
fn near_pair((a, ia): (&str, usize), (b, ib): (&str, usize), key_zh: &KeyChinese<'_>, uf: &mut UnionFind) {
    let limit = if a.len().min(b.len()) >= LONG_KEY_BYTES { LONG_EDITS } else { SHORT_EDITS };
    if !within_edits(a.as_bytes(), b.as_bytes(), limit) || other_endings(a, b) || short_word_differs(a, b) {
        return;
    }
    // forms glossed with different Chinese are different terms
    let (za, zb) = (key_zh.of(ia), key_zh.of(ib));
    if !za.is_empty() && !zb.is_empty() && !KeyChinese::share(za, zb) {
        return;
    }
    uf.union(ia, ib);
}

/// A word this short that differs by a letter is another word, not a slip (`boot`/`roo` in
/// `spring boot`/`spring roo`, `data`/`date`).
const MIN_SLIPPED_WORD: usize = 5;

/// Whether a word of `a` differs from its word of `b` and one of them is shorter than
/// [`MIN_SLIPPED_WORD`] (the two have as many words: they share a block).
fn short_word_differs(a: &str, b: &str) -> bool {
    // (an ending of the same word is no other word: case, cased)
    let inflected = |x: &str, y: &str| y.strip_prefix(x).is_some_and(|e| INFLECTIONS.contains(&e));
    a.split(' ')
        .zip(b.split(' '))
        .any(|(x, y)| x != y && x.len().min(y.len()) < MIN_SLIPPED_WORD && !inflected(x, y) && !inflected(y, x))
}

/// Endings that inflect a short word without making another (`case`, `cased`).
const INFLECTIONS: &[&str] = &["s", "d", "ed", "es"];

/// Endings that make words of their own from one stem: `predictor` is not a misspelled
/// `prediction`, nor `encoder` one of `encoding`.
const WORD_ENDINGS: &[&str] = &[
    "ion", "or", "er", "ing", "ed", "ive", "al", "ity", "ment", "ness", "ism", "ist", "ize", "ise", "able", "ure",
    "ance", "ence", "ant", "ent", "y", "ic", "ical",
];

/// Whether `a` and `b` are one stem with two different endings of [`WORD_ENDINGS`].
fn other_endings(a: &str, b: &str) -> bool {
    let mut common = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    // (two letters may share their first byte: ȃ and ȅ)
    while !a.is_char_boundary(common) {
        common -= 1;
    }
    let (ta, tb) = (&a[common..], &b[common..]);
    ta != tb && WORD_ENDINGS.contains(&ta) && WORD_ENDINGS.contains(&tb)
}

#[cfg(test)]
mod tests {
    use super::{other_endings, within_edits};

    #[test]
    fn letters_sharing_a_first_byte_are_compared_whole() {
        // ȃ is C8 83 and ȅ is C8 85: the common prefix stops before the letter, not inside it
        assert!(!other_endings("zȃ", "zȅ"));
        assert!(other_endings("ŝtation", "ŝtator"));
    }

    #[test]
    fn short_words_a_letter_apart_are_other_words() {
        assert!(super::short_word_differs("spring boot", "spring roo"));
        assert!(super::short_word_differs("data lake", "date lake"));
        assert!(!super::short_word_differs("convolutional network", "convolutonal network"));
        assert!(!super::short_word_differs("kebab case", "kebab cased"));
    }

    #[test]
    fn endings_of_other_words_are_no_misspellings() {
        for (a, b, other) in [
            ("branch predictor", "branch prediction", true),
            ("image encoder", "image encoding", true),
            ("continous", "continuous", false),
            ("normalisation", "normalization", false),
            ("gradient", "gradient", false),
        ] {
            assert_eq!(other_endings(a, b), other, "{a} / {b}");
        }
    }

    #[test]
    fn bounded_edit_distance_agrees_with_strsim() {
        let words = [
            "continous",
            "continuous",
            "normalization",
            "normalisation",
            "kitten",
            "sitting",
            "",
            "a",
            "abc",
            "acb",
            "encoder",
            "decoder",
        ];
        for a in words {
            for b in words {
                for k in 0..3 {
                    let want = strsim::levenshtein(a, b) <= k;
                    assert_eq!(within_edits(a.as_bytes(), b.as_bytes(), k), want, "{a} / {b} / {k}");
                }
            }
        }
    }
}
