//! The columns of a glossary that termbridge does not interpret but keeps: a person's
//! `status`, `reviewer` or `comment`, in the order of the file they came from.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

/// Columns a person added to a termbase row: header name and cell, in the order of the
/// file's columns, empty cells included.
///
/// ```
/// use termbridge::Columns;
/// let mut columns: Columns = [("status", "deleted"), ("reviewer", "lin")].into_iter().collect();
/// columns.insert("note2", "");
/// assert_eq!(columns.keys().collect::<Vec<_>>(), ["status", "reviewer", "note2"]);
/// assert_eq!(columns["reviewer"], "lin");
/// assert_eq!(columns.get("missing"), None);
/// ```
///
/// An extracted row has none: the map is allocated only for a row that has columns, so that
/// each of the hundreds of thousands of entries of a long input holds one pointer for them.
#[derive(Clone, Default)]
pub struct Columns(Option<Box<Cells>>);

type Cells = IndexMap<String, String>;

impl Columns {
    /// No columns.
    pub fn new() -> Columns {
        Columns::default()
    }

    fn cells(&self) -> Option<&Cells> {
        self.0.as_deref()
    }

    fn cells_mut(&mut self) -> &mut Cells {
        self.0.get_or_insert_with(Box::default)
    }

    /// The cell of column `name`.
    pub fn get(&self, name: &str) -> Option<&String> {
        self.cells()?.get(name)
    }

    /// Whether the row has a column `name` (perhaps empty).
    pub fn contains_key(&self, name: &str) -> bool {
        self.cells().is_some_and(|c| c.contains_key(name))
    }

    /// Sets the cell of column `name`, added last if the row did not have it; the old cell.
    pub fn insert(&mut self, name: impl Into<String>, cell: impl Into<String>) -> Option<String> {
        self.cells_mut().insert(name.into(), cell.into())
    }

    /// The cell of column `name` to edit, added last and empty if the row did not have it.
    pub fn cell_mut(&mut self, name: impl Into<String>) -> &mut String {
        self.cells_mut().entry(name.into()).or_default()
    }

    /// Removes column `name`, keeping the order of the others; its cell.
    pub fn remove(&mut self, name: &str) -> Option<String> {
        self.0.as_deref_mut()?.shift_remove(name)
    }

    /// The column names, in order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.cells().into_iter().flat_map(|c| c.keys())
    }

    /// Names and cells, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &String)> {
        self.cells().into_iter().flat_map(|c| c.iter())
    }

    /// The number of columns.
    pub fn len(&self) -> usize {
        self.cells().map_or(0, |c| c.len())
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl std::fmt::Debug for Columns {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Columns").field(self.cells().unwrap_or(&Cells::default())).finish()
    }
}

/// Rows with the same columns and cells are equal, in whatever order (as maps).
impl PartialEq for Columns {
    fn eq(&self, other: &Columns) -> bool {
        match (self.cells(), other.cells()) {
            (Some(a), Some(b)) => a == b,
            _ => self.is_empty() && other.is_empty(),
        }
    }
}

impl Eq for Columns {}

impl Serialize for Columns {
    fn serialize<S: serde::Serializer>(&self, out: S) -> Result<S::Ok, S::Error> {
        match self.cells() {
            Some(c) => c.serialize(out),
            None => Cells::default().serialize(out),
        }
    }
}

impl<'de> Deserialize<'de> for Columns {
    fn deserialize<D: serde::Deserializer<'de>>(input: D) -> Result<Columns, D::Error> {
        let cells = Cells::deserialize(input)?;
        Ok(Columns((!cells.is_empty()).then(|| Box::new(cells))))
    }
}

impl std::ops::Index<&str> for Columns {
    type Output = String;

    /// The cell of a column the row has; panics if it has none.
    fn index(&self, name: &str) -> &String {
        match self.get(name) {
            Some(cell) => cell,
            None => panic!("no column {name:?}"),
        }
    }
}

impl<K: Into<String>, V: Into<String>> FromIterator<(K, V)> for Columns {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Columns {
        let cells: Cells = iter.into_iter().map(|(k, v)| (k.into(), v.into())).collect();
        Columns((!cells.is_empty()).then(|| Box::new(cells)))
    }
}

impl IntoIterator for Columns {
    type Item = (String, String);
    type IntoIter = std::vec::IntoIter<(String, String)>;

    /// Names and cells, in order.
    fn into_iter(self) -> Self::IntoIter {
        self.0.map(|c| c.into_iter().collect::<Vec<_>>()).unwrap_or_default().into_iter()
    }
}

/// Every entry holds its columns: an extracted one, none, in one pointer.
const _: () = assert!(std::mem::size_of::<Columns>() == std::mem::size_of::<usize>());
