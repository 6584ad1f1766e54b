//! Byte scanners the masks share: filling a range, finding a pattern, finding the next of a few bytes, and where a paragraph ends. They work on the masked
//! bytes, so a byte already masked as [`HARD`] ends a paragraph like a blank line.

use super::HARD;

/// Writes `b` over the bytes of `r`.
pub(super) fn fill(v: &mut [u8], r: std::ops::Range<usize>, b: u8) {
    for x in &mut v[r] {
        *x = b;
    }
}

/// The first position of `pat` in `v` at or after `from`.
pub(super) fn find(v: &[u8], from: usize, pat: &[u8]) -> Option<usize> {
    if pat.is_empty() || from > v.len() {
        return None;
    }
    memchr::memmem::find(&v[from..], pat).map(|p| p + from)
}

/// Finds the next position holding one of a few bytes, searching in groups of up to three
/// with `memchr` and remembering each group's next hit until the search passes it. The bytes
/// searched for are never written by the caller after the search passes them.
pub(super) struct NextOf {
    groups: Vec<(Vec<u8>, Option<usize>)>,
}

impl NextOf {
    /// A search for any of `bytes`.
    pub(super) fn new(bytes: &[u8]) -> NextOf {
        NextOf { groups: bytes.chunks(3).map(|g| (g.to_vec(), Some(0))).collect() }
    }

    /// The first position at or after `from` holding one of the bytes, or `v.len()`.
    pub(super) fn at(&mut self, v: &[u8], from: usize) -> usize {
        let mut best = v.len();
        for (g, next) in &mut self.groups {
            if let Some(n) = *next {
                if n < from || !g.contains(&v[n]) {
                    let hay = &v[from.min(v.len())..];
                    *next = match g.as_slice() {
                        [a] => memchr::memchr(*a, hay),
                        [a, b] => memchr::memchr2(*a, *b, hay),
                        [a, b, c] => memchr::memchr3(*a, *b, *c, hay),
                        _ => None,
                    }
                    .map(|p| p + from);
                }
            }
            if let Some(n) = *next {
                best = best.min(n);
            }
        }
        best
    }
}

/// Position of the next blank line (or the end) after `from`, looking at most `max` bytes
/// ahead: inline constructs never cross it, and never reach further than `max`.
pub(super) fn paragraph_end(v: &[u8], from: usize, max: usize) -> usize {
    let end = v.len().min(from.saturating_add(max));
    let mut i = from;
    while i < end {
        let Some(p) = memchr::memchr2(b'\n', HARD, &v[i..end]) else { return end };
        let p = i + p;
        if v[p] == HARD {
            return p;
        }
        // a line break: a blank line follows if only spaces come before the next one
        let mut k = p + 1;
        while k < end && matches!(v[k], b' ' | b'\t' | b'\r') {
            k += 1;
        }
        if k < end && matches!(v[k], b'\n' | HARD) {
            return k;
        }
        i = k;
    }
    end
}
