//! Whether a Chinese rendering overlaps one kept before it: one holds the other. A concept
//! may have tens of thousands of renderings (one English glossed with a new Chinese in every
//! sentence); comparing each with every other kept one would take time that grows with the
//! square of their number. Instead the kept renderings are held twice, in a trie (does the
//! new one hold a kept one?) and in a suffix automaton of all of them (is the new one inside
//! a kept one?), both grown as renderings are kept and both answered in time that depends on
//! the length of the new rendering only.

/// The kept strings, as characters: a trie of them and a generalized suffix automaton.
pub(super) struct Overlaps {
    /// Trie nodes: children by character, and whether a kept string ends here.
    trie: Vec<(Vec<(char, u32)>, bool)>,
    /// Suffix automaton states: transitions by character, the length of the longest string
    /// the state stands for, and its suffix link (`u32::MAX` for the root's).
    states: Vec<State>,
    /// How many strings are kept.
    kept: usize,
}

struct State {
    next: Vec<(char, u32)>,
    len: u32,
    link: u32,
}

/// The suffix link of the root: it has none.
const NO_LINK: u32 = u32::MAX;

fn child(edges: &[(char, u32)], c: char) -> Option<u32> {
    edges.iter().find(|(e, _)| *e == c).map(|&(_, n)| n)
}

fn set_child(edges: &mut Vec<(char, u32)>, c: char, to: u32) {
    match edges.iter_mut().find(|(e, _)| *e == c) {
        Some(e) => e.1 = to,
        None => edges.push((c, to)),
    }
}

impl Default for Overlaps {
    fn default() -> Overlaps {
        Overlaps {
            trie: vec![(Vec::new(), false)],
            states: vec![State { next: Vec::new(), len: 0, link: NO_LINK }],
            kept: 0,
        }
    }
}

impl Overlaps {
    /// Whether `s` holds a kept string or a kept string holds `s`.
    pub(super) fn any(&self, s: &[char]) -> bool {
        self.kept > 0 && (self.inside_kept(s) || self.holds_kept(s))
    }

    /// Keeps `s`.
    pub(super) fn insert(&mut self, s: &[char]) {
        self.kept += 1;
        let mut node = 0;
        for &c in s {
            node = match child(&self.trie[node].0, c) {
                Some(n) => n as usize,
                None => {
                    self.trie.push((Vec::new(), false));
                    let n = self.trie.len() - 1;
                    self.trie[node].0.push((c, n as u32));
                    n
                }
            };
        }
        self.trie[node].1 = true;
        let mut last = 0;
        for &c in s {
            last = self.extend(last, c);
        }
    }

    /// Whether `s` is a substring of a kept string: a path of the automaton spells it.
    fn inside_kept(&self, s: &[char]) -> bool {
        let mut state = 0usize;
        for &c in s {
            match child(&self.states[state].next, c) {
                Some(n) => state = n as usize,
                None => return false,
            }
        }
        true
    }

    /// Whether a kept string is a substring of `s`: from some start, a path of the trie
    /// reaches the end of a kept string.
    fn holds_kept(&self, s: &[char]) -> bool {
        if self.trie[0].1 {
            return true;
        }
        (0..s.len()).any(|start| {
            let mut node = 0usize;
            for &c in &s[start..] {
                match child(&self.trie[node].0, c) {
                    Some(n) => node = n as usize,
                    None => return false,
                }
                if self.trie[node].1 {
                    return true;
                }
            }
            false
        })
    }

    fn new_state(&mut self, len: u32, next: Vec<(char, u32)>, link: u32) -> u32 {
        self.states.push(State { next, len, link });
        (self.states.len() - 1) as u32
    }

    /// A copy of state `q` for the strings of length `len` and shorter that it stood for, with
    /// every transition on `c` to `q` from `p` and its suffix links moved to the copy.
    fn split(&mut self, mut p: u32, c: char, q: u32, len: u32) -> u32 {
        let (next, link) = (self.states[q as usize].next.clone(), self.states[q as usize].link);
        let clone = self.new_state(len, next, link);
        while p != NO_LINK && child(&self.states[p as usize].next, c) == Some(q) {
            set_child(&mut self.states[p as usize].next, c, clone);
            p = self.states[p as usize].link;
        }
        self.states[q as usize].link = clone;
        clone
    }

    /// Adds the character `c` after state `last` (the online construction, for many
    /// strings); the state of the longer string.
    fn extend(&mut self, last: u32, c: char) -> u32 {
        let len = self.states[last as usize].len + 1;
        if let Some(q) = child(&self.states[last as usize].next, c) {
            if self.states[q as usize].len == len {
                return q;
            }
            return self.split(last, c, q, len);
        }
        let cur = self.new_state(len, Vec::new(), 0);
        let mut p = last;
        while p != NO_LINK && child(&self.states[p as usize].next, c).is_none() {
            self.states[p as usize].next.push((c, cur));
            p = self.states[p as usize].link;
        }
        if p != NO_LINK {
            let q = child(&self.states[p as usize].next, c).unwrap_or(0);
            let link = if self.states[p as usize].len + 1 == self.states[q as usize].len {
                q
            } else {
                self.split(p, c, q, self.states[p as usize].len + 1)
            };
            self.states[cur as usize].link = link;
        }
        cur
    }
}

#[cfg(test)]
mod tests {
    use super::Overlaps;

    /// Agrees with comparing every pair, on strings of a small alphabet where many hold others.
    #[test]
    fn agrees_with_every_pair() {
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        for _ in 0..200 {
            let mut overlaps = Overlaps::default();
            let mut kept: Vec<String> = Vec::new();
            for _ in 0..30 {
                let len = next(6);
                let s: String = (0..len).map(|_| ['甲', '乙', '丙'][next(3) as usize]).collect();
                let chars: Vec<char> = s.chars().collect();
                let want = kept.iter().any(|k| k.contains(&s) || s.contains(k.as_str()));
                assert_eq!(overlaps.any(&chars), want, "{s} among {kept:?}");
                if next(2) == 0 {
                    overlaps.insert(&chars);
                    kept.push(s);
                }
            }
        }
    }
}
