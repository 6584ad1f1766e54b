//! Reference glossaries: knowledge beyond the text in hand.
//!
//! Most English terms in Chinese prose stand alone, with no gloss (`Transformer 架构`,
//! `使用 dropout 防止过拟合`). A [`Reference`] maps English terms to their standard Chinese; the
//! extractor uses it three ways:
//!
//! * a standalone English term gets the reference's Chinese when that Chinese occurs in the
//!   same input (the author uses both): `method` is `reference`, and the confidence grows with
//!   how close and how often the two occur; otherwise the row stays without Chinese and its
//!   note says `suggested: 卷积神经网络`;
//! * the reference's Chinese terms are segmenter words and count as evidence for the left
//!   boundary of a glossed term;
//! * a rendering that differs from the reference gets the note `reference: 卷积神经网络`.
//!
//! termbridge ships a curated reference (`glossary/reference.csv`, compiled into the binary);
//! users add their own termbases, which win over it.
//!
//! Below the curated reference stands a mined one (`glossary/mined.csv`: pairs a corpus glosses
//! in several documents, see [`Reference::mined`]). Its entries serve only the first use, for
//! terms no other entry knows: a suggestion says `suggested (mined, 3 documents): 梯度树提升`.
//! A mined pair of a short acronym, or of several senses, is used only where the text shows
//! its sense (`sense`). The aligner, the segmenter and the `reference:` notes see the other
//! entries alone.
//!
//! Inside: `index` finds where the reference's Chinese terms occur in an input; `annotate`
//! completes the glossary's entries from the reference, with the confidences of `score` and
//! the senses of `sense`.

mod annotate;
mod compose;
mod fields;
mod index;
mod score;
mod sense;

pub(crate) use annotate::annotate;
pub(crate) use compose::compose;
pub(crate) use index::{ChineseIndex, Hits};

use crate::model::{Category, Entry};
use crate::text::key;
use crate::text::key::key_into;
use rustc_hash::FxHashMap;

/// One reference entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReferenceEntry {
    /// The English term.
    pub english: String,
    /// Accepted Chinese equivalents, the preferred first; empty for names kept in English.
    pub chinese: Vec<String>,
    /// The acronym, if any.
    pub abbreviation: Option<String>,
    /// The category, when the reference gives one.
    pub category: Option<Category>,
    /// The field of knowledge (`ml`, `networking`, `finance`…), when the reference gives one:
    /// an acronym is suggested by its letters alone only in a text of its field.
    pub domain: Option<String>,
    /// A note for people.
    pub note: String,
    /// For an entry of a mined reference: in how many documents its corpus glosses the
    /// English with its first Chinese. Such an entry only completes terms no other entry
    /// knows (see [`Reference::mined`]).
    pub mined: Option<u32>,
}

/// A reference glossary: English terms with their standard Chinese.
///
/// ```
/// use termbridge::Reference;
/// let csv = "english,chinese\nconvolutional neural network,卷积神经网络\n";
/// let r = Reference::from_csv_reader("mine.csv", csv.as_bytes())?;
/// assert_eq!(r.get("Convolutional Neural Networks").unwrap().chinese, ["卷积神经网络"]);
/// assert!(Reference::builtin()?.len() > 800);
/// # Ok::<(), termbridge::ImportError>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Reference {
    entries: Vec<ReferenceEntry>,
    by_key: FxHashMap<String, usize>,
    /// Acronym key → the entries that have it.
    by_abbreviation: FxHashMap<String, Vec<usize>>,
    /// Every Chinese term an entry (not mined) has had, with the entries that had it (entries
    /// replaced since may have left some behind: [`Reference::owners`] checks).
    chinese: FxHashMap<String, Vec<usize>>,
}

/// The `domain` column of a termbase's row, when it has a value.
fn domain(extra: &crate::model::Columns) -> Option<String> {
    extra.get("domain").map(|d| d.trim()).filter(|d| !d.is_empty()).map(str::to_lowercase)
}

impl Reference {
    /// A reference that knows nothing.
    pub fn empty() -> Reference {
        Reference::default()
    }

    /// A reference made of a glossary's entries (its English, Chinese, acronym and note).
    pub fn from_glossary(glossary: &crate::Glossary) -> Reference {
        let mut out = Reference::empty();
        for e in glossary.entries() {
            out.insert(ReferenceEntry {
                english: e.english.clone(),
                chinese: e.chinese.clone(),
                abbreviation: e.abbreviation.clone(),
                category: Some(e.category),
                domain: domain(&e.extra),
                note: e.note.clone(),
                mined: None,
            });
        }
        out
    }

    /// A reference made of the entries of a termbase that was read; their categories count
    /// only when it had a `category` column.
    pub(crate) fn from_entries(entries: Vec<Entry>, has_category: bool) -> Reference {
        let mut out = Reference::empty();
        for e in entries {
            out.insert(ReferenceEntry {
                english: e.english,
                chinese: e.chinese,
                abbreviation: e.abbreviation,
                category: has_category.then_some(e.category),
                domain: domain(&e.extra),
                note: e.note,
                mined: None,
            });
        }
        out
    }

    /// Adds an entry; an entry with the same English replaces the earlier one.
    pub fn insert(&mut self, entry: ReferenceEntry) {
        let k = key(&entry.english);
        let i = match self.by_key.get(&k) {
            Some(&i) => {
                if let Some(old) = self.entries[i].abbreviation.as_deref().map(key) {
                    if let Some(list) = self.by_abbreviation.get_mut(&old) {
                        list.retain(|&j| j != i);
                    }
                }
                self.entries[i] = entry;
                i
            }
            None => {
                self.by_key.insert(k, self.entries.len());
                self.entries.push(entry);
                self.entries.len() - 1
            }
        };
        if let Some(a) = self.entries[i].abbreviation.as_deref().map(key) {
            self.by_abbreviation.entry(a).or_default().push(i);
        }
        if self.entries[i].mined.is_some() {
            return;
        }
        for z in &self.entries[i].chinese {
            let owners = self.chinese.entry(z.clone()).or_default();
            if !owners.contains(&i) {
                owners.push(i);
            }
        }
    }

    /// Whether `chinese` may be the Chinese of an entry: false means it is no entry's.
    pub(crate) fn may_have_chinese(&self, chinese: &str) -> bool {
        self.chinese.contains_key(chinese)
    }

    /// The entries that give `chinese` as one of their Chinese terms.
    pub(crate) fn owners<'r>(&'r self, chinese: &'r str) -> impl Iterator<Item = &'r ReferenceEntry> + 'r {
        let ids = self.chinese.get(chinese).map_or(&[][..], Vec::as_slice);
        ids.iter()
            .map(|&i| &self.entries[i])
            .filter(move |e| e.mined.is_none() && e.chinese.iter().any(|z| z == chinese))
    }

    /// Adds all entries of `other`; they win over entries of `self` with the same English,
    /// except that a mined entry never replaces another (it goes below, see
    /// [`extend_below`](Self::extend_below)).
    pub fn extend(&mut self, other: Reference) {
        for e in other.entries {
            let below = e.mined.is_some()
                && self.by_key.get(&key(&e.english)).is_some_and(|&i| self.entries[i].mined.is_none());
            if !below {
                self.insert(e);
            }
        }
    }

    /// Adds the entries of `other` whose English no entry has: a tier below this one, such as
    /// the mined reference below the curated one.
    pub fn extend_below(&mut self, other: Reference) {
        for e in other.entries {
            if !self.by_key.contains_key(&key(&e.english)) {
                self.insert(e);
            }
        }
    }

    /// The entry for an English term, its plural, another spelling or its acronym; entries
    /// of a mined reference are left out (see [`get_mined`](Self::get_mined)).
    pub fn get(&self, english: &str) -> Option<&ReferenceEntry> {
        self.with_key(english, |k| self.get_key(k, false))
    }

    /// The curated entries that share the acronym `english` when more than one does (`PDF`:
    /// a file format, a probability density function); none otherwise.
    pub(crate) fn senses(&self, english: &str) -> Vec<&ReferenceEntry> {
        let mut out = Vec::new();
        self.with_key(english, |k| {
            let ids = self.by_abbreviation.get(k).map_or(&[][..], Vec::as_slice);
            out.extend(ids.iter().map(|&i| &self.entries[i]).filter(|e| e.mined.is_none()));
            None
        });
        if out.len() < 2 {
            out.clear();
        }
        out
    }

    /// The entry of a mined reference for an English term, its plural, another spelling or
    /// its acronym, when no other entry has it.
    pub fn get_mined(&self, english: &str) -> Option<&ReferenceEntry> {
        self.with_key(english, |k| if self.get_key(k, false).is_some() { None } else { self.get_key(k, true) })
    }

    /// Calls `f` with the merge key of `english`.
    fn with_key<'r>(
        &'r self,
        english: &str,
        f: impl FnOnce(&str) -> Option<&'r ReferenceEntry>,
    ) -> Option<&'r ReferenceEntry> {
        // the key written into one buffer per thread: a look-up allocates nothing
        thread_local! {
            static KEY: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
        }
        KEY.with_borrow_mut(|k| {
            key_into(english, k);
            f(k)
        })
    }

    /// The entry of the tier asked for (`mined` or not) whose English, or whose acronym alone
    /// in that tier, has the merge key `k`.
    fn get_key(&self, k: &str, mined: bool) -> Option<&ReferenceEntry> {
        let in_tier = |i: &usize| self.entries[*i].mined.is_some() == mined;
        if let Some(&i) = self.by_key.get(k).filter(|i| in_tier(i)) {
            return Some(&self.entries[i]);
        }
        // an acronym: only when exactly one entry of the tier has it
        let ids = self.by_abbreviation.get(k).map_or(&[][..], Vec::as_slice);
        let mut of_tier = ids.iter().filter(|i| in_tier(i));
        match (of_tier.next(), of_tier.next()) {
            (Some(&i), None) => Some(&self.entries[i]),
            _ => None,
        }
    }

    /// All entries.
    pub fn entries(&self) -> &[ReferenceEntry] {
        &self.entries
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether it has no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn later_entries_win_and_acronyms_resolve() {
        let mut r = Reference::builtin().unwrap();
        let user = Reference::from_csv_reader("u.csv", "english,chinese\ndropout,丢弃法\n".as_bytes()).unwrap();
        r.extend(user);
        assert_eq!(r.get("dropout").unwrap().chinese, ["丢弃法"]);
        assert_eq!(r.get("CNN").unwrap().english, "convolutional neural network");
    }
}
