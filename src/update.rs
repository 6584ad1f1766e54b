//! Folding new extractions into a termbase that people have edited.
//!
//! A termbase outlives any one extraction: translators fix renderings, add rows, write notes
//! and delete rows they do not want. [`Glossary::update`] merges a new extraction into such
//! a termbase without losing any of that.

mod provenance;

use crate::merge::MAX_KEPT_OCCURRENCES;
use crate::model::{Entry, Glossary};
use crate::text::key;
use provenance::Counts;
use std::collections::{HashMap, HashSet};

fn forms(e: &Entry) -> impl Iterator<Item = String> + '_ {
    e.forms().map(|f| key(f))
}

impl Glossary {
    /// Merges `new` into this glossary, a termbase that people may have edited, without
    /// losing anything a person wrote:
    ///
    /// * an entry of the new glossary joins the termbase entry that shares any English form with
    ///   it (its English, acronym or a variant, compared as the merge stage compares them);
    /// * what a person wrote wins: the termbase's English, category and note are kept as written,
    ///   its Chinese renderings stay first in their order (new renderings are appended), its
    ///   context and source stay when it has them;
    /// * counts add up: frequencies are summed, variants joined;
    /// * rows only the termbase has are kept; rows only the new glossary has are added;
    /// * a **tombstone** — a row whose `status` column says `deleted` — keeps its concept out:
    ///   new extractions of it are absorbed into the tombstone, which stays deleted.
    ///
    /// The `status` column is one of the columns termbridge does not interpret but keeps: add it
    /// to a termbase (any value; `deleted` is the one that matters) and it is written back as is.
    /// Such columns keep their order: after an update every entry holds the termbase's columns in
    /// the termbase's order, then the columns only the new glossary has; a cell a row did not
    /// have is empty, and an empty cell of the termbase takes the new glossary's value.
    ///
    /// ```
    /// use termbridge::Glossary;
    /// let old = "english,chinese,note,status\ndropout,丢弃法,我们的译法,\nLLM,大模型,,deleted\n";
    /// let new = "english,chinese,frequency\nDropout,暂退法,3\nLLM,大语言模型,5\nattention,注意力,2\n";
    /// let mut termbase = Glossary::from_csv_reader("old.csv", old.as_bytes())?;
    /// termbase.update(Glossary::from_csv_reader("new.csv", new.as_bytes())?);
    ///
    /// let dropout = termbase.get("dropout").unwrap();
    /// assert_eq!(dropout.chinese, ["丢弃法", "暂退法"]); // the person's choice first
    /// assert_eq!(dropout.note, "我们的译法");
    /// assert_eq!(dropout.frequency, 3);
    /// assert!(termbase.get("LLM").unwrap().is_deleted()); // stays deleted
    /// assert_eq!(termbase.get("attention").unwrap().chinese, ["注意力"]);
    /// # Ok::<(), termbridge::ImportError>(())
    /// ```
    pub fn update(&mut self, new: Glossary) {
        let none = vec![None; new.entries.len()];
        self.fold(new, none);
    }

    /// Merges `new`, the glossary called `input` (a file name), as [`update`](Self::update)
    /// does, recording in each row's `counts` column how much of its frequency came from which
    /// glossary (`a.csv: 3 | b.csv: 5`, sorted by name). Merging a glossary of the same name
    /// again replaces what it contributed instead of adding it again, so that merging A, then
    /// B, then A once more counts A once, and the counts do not depend on the order.
    ///
    /// A new glossary that has a `counts` column itself (a termbase merged into another)
    /// contributes under the names it lists, and what its frequency holds beyond them under
    /// `input`. The part of a frequency no name accounts for (the count of the termbase's own
    /// extraction, or a number a person typed) stays. A `counts` cell termbridge cannot read
    /// (`lots`) is left as written, and that row's frequencies add up as `update` adds them.
    ///
    /// ```
    /// use termbridge::Glossary;
    /// let read = |name, csv: &str| Glossary::from_csv_reader(name, csv.as_bytes());
    /// let mut termbase = read("termbase.csv", "english,chinese,frequency\ndropout,丢弃法,2\n")?;
    /// termbase.update_from("week1.csv", read("week1.csv", "english,chinese,frequency\ndropout,暂退法,3\n")?);
    /// termbase.update_from("week1.csv", read("week1.csv", "english,chinese,frequency\ndropout,暂退法,4\n")?);
    /// let dropout = termbase.get("dropout").unwrap();
    /// assert_eq!(dropout.frequency, 6); // 2 of its own, 4 from week1.csv, counted once
    /// assert_eq!(dropout.extra["counts"], "week1.csv: 4");
    /// # Ok::<(), termbridge::ImportError>(())
    /// ```
    pub fn update_from(&mut self, input: &str, mut new: Glossary) {
        let input = provenance::name(input);
        let counts: Vec<Option<Counts>> =
            new.entries.iter_mut().map(|e| Some(provenance::contributions(e, &input))).collect();
        // what those glossaries contributed before is replaced, not added to
        let replaced: HashSet<&str> = counts.iter().flatten().flat_map(|c| c.keys().map(String::as_str)).collect();
        for e in &mut self.entries {
            provenance::withdraw(e, &replaced);
        }
        self.fold(new, counts);
    }

    /// Folds `new` in; `counts`, one per new entry, says which glossaries its frequency came
    /// from (`None`: no record kept).
    /// Drops the entries that share an English form (English, acronym or variant) with an
    /// entry of `termbase`, compared as [`update`](Self::update) joins them: what is left are
    /// the concepts the termbase lacks. Its tombstones count too: a concept a person deleted
    /// stays out.
    ///
    /// ```
    /// use termbridge::Glossary;
    /// let termbase = Glossary::from_csv_reader("tb.csv", "english,chinese,status\nLLM,大模型,\nGPU,,deleted\n".as_bytes())?;
    /// let mut new = Glossary::from_csv_reader(
    ///     "new.csv",
    ///     "english,chinese,abbreviation\nlarge language model,大语言模型,LLM\nGPUs,,\ndropout,丢弃法,\n".as_bytes(),
    /// )?;
    /// new.remove_known(&termbase);
    /// assert_eq!(new.entries().iter().map(|e| e.english.as_str()).collect::<Vec<_>>(), ["dropout"]);
    /// # Ok::<(), termbridge::ImportError>(())
    /// ```
    pub fn remove_known(&mut self, termbase: &Glossary) {
        let known: HashSet<String> = termbase.entries.iter().flat_map(forms).collect();
        self.entries.retain(|e| !forms(e).any(|f| known.contains(&f)));
    }

    fn fold(&mut self, new: Glossary, counts: Vec<Option<Counts>>) {
        // the termbase's columns first, in its order, then those only the new glossary has
        let mut columns: Vec<String> = self.extra_columns().into_iter().map(String::from).collect();
        let mut named: HashSet<String> = columns.iter().cloned().collect();
        for c in new.extra_columns() {
            if named.insert(c.to_string()) {
                columns.push(c.to_string());
            }
        }
        let mut index: HashMap<String, usize> = HashMap::new();
        for (i, e) in self.entries.iter().enumerate() {
            for f in forms(e) {
                index.entry(f).or_insert(i);
            }
        }
        let offset = self.sources.len();
        self.sources.extend(new.sources);
        if counts.iter().flatten().any(|c| !c.is_empty()) && !named.contains(provenance::COLUMN) {
            columns.push(provenance::COLUMN.to_string());
        }
        for (mut n, counts) in new.entries.into_iter().zip(counts) {
            for o in &mut n.occurrences {
                o.source += offset;
            }
            let found = forms(&n).find_map(|f| index.get(&f).copied());
            let i = match found {
                Some(i) => {
                    absorb(&mut self.entries[i], n);
                    i
                }
                None => {
                    let i = self.entries.len();
                    for f in forms(&n) {
                        index.entry(f).or_insert(i);
                    }
                    self.entries.push(n);
                    i
                }
            };
            if let Some(counts) = counts {
                provenance::record(&mut self.entries[i], counts);
            }
        }
        self.entries.sort_by(|a, b| b.frequency.cmp(&a.frequency).then_with(|| a.english.cmp(&b.english)));
        // every row holds every column, in one order (an empty cell where it had none)
        if !columns.is_empty() {
            for e in &mut self.entries {
                let mut cells: HashMap<String, String> = std::mem::take(&mut e.extra).into_iter().collect();
                e.extra = columns.iter().map(|c| (c.clone(), cells.remove(c).unwrap_or_default())).collect();
            }
        }
    }
}

/// Folds a new entry into a termbase entry; the termbase's words win.
fn absorb(old: &mut Entry, new: Entry) {
    let had_chinese = !old.chinese.is_empty();
    // what the entry has, looked up in constant time: a row may hold many thousand forms
    let mut chinese: HashSet<String> = old.chinese.iter().cloned().collect();
    for z in new.chinese {
        if chinese.insert(z.clone()) {
            old.chinese.push(z);
        }
    }
    // more text, more evidence: the row is as likely worth keeping as its best extraction says
    old.score = match (old.score, new.score) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    };
    if !had_chinese && !old.chinese.is_empty() {
        old.confidence = new.confidence;
        old.method = new.method;
    }
    if old.abbreviation.is_none() {
        old.abbreviation = new.abbreviation.filter(|a| key(a) != key(&old.english));
    }
    let mut known: HashSet<String> =
        old.variants.iter().chain(std::iter::once(&old.english)).chain(old.abbreviation.as_ref()).cloned().collect();
    for v in std::iter::once(new.english).chain(new.variants) {
        if known.insert(v.clone()) {
            old.variants.push(v);
        }
    }
    // a count past the largest number stays there rather than wrapping to a small one
    old.frequency = old.frequency.saturating_add(new.frequency);
    if old.context.is_empty() {
        old.context = new.context;
    }
    if old.source.is_empty() {
        old.source = new.source;
    }
    if old.note.is_empty() {
        old.note = new.note;
    }
    // a column the termbase lacks, or left empty, takes the new value
    for (k, v) in new.extra {
        let cell = old.extra.cell_mut(k);
        if cell.is_empty() {
            *cell = v;
        }
    }
    // as an extraction keeps them: the first ones, then the first of each further input
    let mut seen: Option<HashSet<usize>> = None;
    for o in new.occurrences {
        if old.occurrences.len() < MAX_KEPT_OCCURRENCES {
            old.occurrences.push(o);
            continue;
        }
        // (the inputs named so far, gathered once the list is full)
        let seen = seen.get_or_insert_with(|| old.occurrences.iter().map(|k| k.source).collect());
        if seen.insert(o.source) {
            old.occurrences.push(o);
        }
    }
}
