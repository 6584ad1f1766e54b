//! Lists that tell a name (a company, a library, a venue, a product) from a technical term.

use super::entries;
use std::sync::LazyLock;

/// Names known as such, as merge keys: `pytorch`, `hugging face`, `neurips`.
pub(crate) static KNOWN_NAMES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("english/known_names.txt")));

/// Last words of the names of organisations and events: `Stability AI`, `Stanford University`.
pub(crate) static NAME_SUFFIXES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("english/name_suffixes.txt")));

/// Last words that head technical terms rather than end names: `Gradient Descent`.
pub(crate) static TERM_HEADS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("english/term_heads.txt")));
