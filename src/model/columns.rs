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
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Columns(IndexMap<String, String>);

impl Columns {
    /// No columns.
    pub fn new() -> Columns {
        Columns::default()
    }

    /// The cell of column `name`.
    pub fn get(&self, name: &str) -> Option<&String> {
        self.0.get(name)
    }

    /// Whether the row has a column `name` (perhaps empty).
    pub fn contains_key(&self, name: &str) -> bool {
        self.0.contains_key(name)
    }

    /// Sets the cell of column `name`, added last if the row did not have it; the old cell.
    pub fn insert(&mut self, name: impl Into<String>, cell: impl Into<String>) -> Option<String> {
        self.0.insert(name.into(), cell.into())
    }

    /// The cell of column `name` to edit, added last and empty if the row did not have it.
    pub fn cell_mut(&mut self, name: impl Into<String>) -> &mut String {
        self.0.entry(name.into()).or_default()
    }

    /// Removes column `name`, keeping the order of the others; its cell.
    pub fn remove(&mut self, name: &str) -> Option<String> {
        self.0.shift_remove(name)
    }

    /// The column names, in order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.keys()
    }

    /// Names and cells, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &String)> {
        self.0.iter()
    }

    /// The number of columns.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl std::ops::Index<&str> for Columns {
    type Output = String;

    /// The cell of a column the row has; panics if it has none.
    fn index(&self, name: &str) -> &String {
        &self.0[name]
    }
}

impl<K: Into<String>, V: Into<String>> FromIterator<(K, V)> for Columns {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Columns {
        Columns(iter.into_iter().map(|(k, v)| (k.into(), v.into())).collect())
    }
}

impl IntoIterator for Columns {
    type Item = (String, String);
    type IntoIter = std::vec::IntoIter<(String, String)>;

    /// Names and cells, in order.
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter().collect::<Vec<_>>().into_iter()
    }
}
