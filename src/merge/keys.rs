//! The merge keys of the English forms, each numbered once: their texts in one string,
//! looked up by a hash, as a long input holds hundreds of thousands of keys (a map of
//! strings would hold an allocation for each).

use super::facts::{hash_of, HashIndex};

/// The keys in the order they were numbered.
#[derive(Default)]
pub(super) struct KeyIds {
    /// The keys one after the other.
    text: String,
    /// Where each key ends in `text`.
    ends: Vec<usize>,
    index: HashIndex,
}

impl KeyIds {
    /// How many keys there are.
    pub(super) fn len(&self) -> usize {
        self.ends.len()
    }

    /// The text of key `id`.
    pub(super) fn key(&self, id: usize) -> &str {
        let start = if id == 0 { 0 } else { self.ends[id - 1] };
        &self.text[start..self.ends[id]]
    }

    /// The number of `key`, if it has one.
    pub(super) fn get(&self, key: &str) -> Option<usize> {
        self.index.find(hash_of(key), |i| self.key(i) == key)
    }

    /// The number of `key`, the next one when it is new; and whether it is new.
    pub(super) fn insert(&mut self, key: &str) -> (usize, bool) {
        let hash = hash_of(key);
        if let Some(id) = self.index.find(hash, |i| self.key(i) == key) {
            return (id, false);
        }
        self.text.push_str(key);
        self.ends.push(self.text.len());
        let id = self.ends.len() - 1;
        self.index.insert(hash, id);
        (id, true)
    }

    /// Each key with its number, in the order of the numbers.
    pub(super) fn iter(&self) -> impl Iterator<Item = (&str, usize)> {
        (0..self.len()).map(|id| (self.key(id), id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_numbered_once_in_order() {
        let mut ids = KeyIds::default();
        assert_eq!(ids.insert("rag"), (0, true));
        assert_eq!(ids.insert(""), (1, true));
        assert_eq!(ids.insert("large language model"), (2, true));
        assert_eq!(ids.insert("rag"), (0, false));
        assert_eq!(ids.get("large language model"), Some(2));
        assert_eq!(ids.get(""), Some(1));
        assert_eq!(ids.get("ra"), None);
        let all: Vec<(&str, usize)> = ids.iter().collect();
        assert_eq!(all, [("rag", 0), ("", 1), ("large language model", 2)]);
    }
}
