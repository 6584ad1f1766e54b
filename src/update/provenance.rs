//! Which glossaries a termbase row's frequency came from: the `counts` column
//! (`a.csv: 3 | b.csv: 5`), so that a glossary merged again replaces its count instead of adding
//! it a second time.

use crate::model::Entry;
use std::collections::{BTreeMap, HashSet};

/// The column that records where counts came from.
pub(crate) const COLUMN: &str = "counts";

/// Frequency per glossary name, sorted by name.
pub(crate) type Counts = BTreeMap<String, usize>;

/// What names a glossary in a `counts` cell: its name without the separator `|` and control
/// characters, or `-` for a glossary without a name.
pub(super) fn name(input: &str) -> String {
    let clean: String = input.chars().map(|c| if c == '|' || c.is_control() { '_' } else { c }).collect();
    match clean.trim() {
        "" => "-".to_string(),
        name => name.to_string(),
    }
}

/// The counts a cell lists (an empty cell lists none); `None` when it is not a list of
/// `name: count` items separated by `|`.
fn parse(cell: &str) -> Option<Counts> {
    let mut counts = Counts::new();
    for item in cell.split('|').map(str::trim).filter(|i| !i.is_empty()) {
        let (name, count) = item.rsplit_once(':')?;
        let (name, count) = (name.trim(), count.trim().parse::<usize>().ok()?);
        if name.is_empty() {
            return None;
        }
        let total = counts.entry(name.to_string()).or_default();
        *total = total.saturating_add(count);
    }
    Some(counts)
}

fn format(counts: &Counts) -> String {
    counts.iter().map(|(name, n)| format!("{name}: {n}")).collect::<Vec<_>>().join(" | ")
}

fn total(counts: &Counts) -> usize {
    counts.values().fold(0, |sum, n| sum.saturating_add(*n))
}

/// The counts a new entry of glossary `input` brings: those its own `counts` cell lists
/// (taken out of its columns), and the rest of its frequency under `input`. Its frequency
/// becomes their total. A cell that cannot be read stays among its columns, as a person's.
pub(super) fn contributions(entry: &mut Entry, input: &str) -> Counts {
    let mut counts = match entry.extra.get(COLUMN).map(|c| parse(c)) {
        Some(Some(listed)) => {
            entry.extra.remove(COLUMN);
            listed
        }
        _ => Counts::new(),
    };
    let rest = entry.frequency.saturating_sub(total(&counts));
    if rest > 0 {
        let n = counts.entry(input.to_string()).or_default();
        *n = n.saturating_add(rest);
    }
    entry.frequency = total(&counts).max(entry.frequency);
    counts
}

/// Takes the counts of the glossaries `replaced` out of a termbase row, and out of its
/// frequency: they are about to be counted again.
pub(super) fn withdraw(entry: &mut Entry, replaced: &HashSet<&str>) {
    let Some(mut counts) = entry.extra.get(COLUMN).and_then(|c| parse(c)) else { return };
    let mut withdrawn = 0usize;
    counts.retain(|name, n| {
        let keep = !replaced.contains(name.as_str());
        if !keep {
            withdrawn = withdrawn.saturating_add(*n);
        }
        keep
    });
    if withdrawn > 0 {
        entry.frequency = entry.frequency.saturating_sub(withdrawn);
        *entry.extra.cell_mut(COLUMN) = format(&counts);
    }
}

/// Adds `counts` to the row's `counts` cell, unless a person wrote there what this cannot read.
pub(super) fn record(entry: &mut Entry, counts: Counts) {
    if counts.is_empty() {
        return;
    }
    let cell = entry.extra.cell_mut(COLUMN);
    let Some(mut listed) = parse(cell) else { return };
    for (name, n) in counts {
        let total = listed.entry(name).or_default();
        *total = total.saturating_add(n);
    }
    *cell = format(&listed);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_and_write_back() {
        let counts = parse(" b.csv: 5 |a.csv:3| ").unwrap();
        assert_eq!(format(&counts), "a.csv: 3 | b.csv: 5");
        assert_eq!(parse(""), Some(Counts::new()));
        assert_eq!(parse("c:\\x:y.csv: 2").unwrap()["c:\\x:y.csv"], 2);
        for unreadable in ["lots", "a.csv: many", ": 3", "a.csv 3", "5"] {
            assert_eq!(parse(unreadable), None, "{unreadable}");
        }
        assert_eq!(name("we|ek\n1.csv "), "we_ek_1.csv");
        assert_eq!(name(""), "-");
    }

    #[test]
    fn a_new_entry_counts_what_its_cell_does_not_list_under_its_glossary() {
        let mut e = Entry::new("x");
        e.frequency = 10;
        e.extra.insert(COLUMN, "a.csv: 3");
        assert_eq!(format(&contributions(&mut e, "t.csv")), "a.csv: 3 | t.csv: 7");
        assert!(e.extra.is_empty());
        let mut unreadable = Entry::new("y");
        unreadable.frequency = 4;
        unreadable.extra.insert(COLUMN, "lots");
        assert_eq!(format(&contributions(&mut unreadable, "t.csv")), "t.csv: 4");
        assert_eq!(unreadable.extra[COLUMN], "lots");
    }

    #[test]
    fn withdrawn_counts_leave_the_rest() {
        let mut e = Entry::new("x");
        e.frequency = 10;
        e.extra.insert(COLUMN, "a.csv: 3 | b.csv: 5");
        withdraw(&mut e, &["a.csv"].into_iter().collect());
        assert_eq!((e.frequency, e.extra[COLUMN].as_str()), (7, "b.csv: 5"));
        record(&mut e, [("a.csv".to_string(), 4)].into_iter().collect());
        assert_eq!((e.frequency, e.extra[COLUMN].as_str()), (7, "a.csv: 4 | b.csv: 5"));
        e.extra.insert(COLUMN, "lots");
        withdraw(&mut e, &["b.csv"].into_iter().collect());
        record(&mut e, [("c.csv".to_string(), 1)].into_iter().collect());
        assert_eq!((e.frequency, e.extra[COLUMN].as_str()), (7, "lots"));
    }
}
