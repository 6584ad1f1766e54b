//! Lists about English words: which words are function words or sentence clues, which are
//! units, file extensions or domain endings, which labels point into a document. Each list is
//! a data file under `english/`, read once on first use.

use super::entries;
use std::sync::LazyLock;

/// A list read from its data file on first use.
type List = LazyLock<Vec<&'static str>>;

/// Function words (`the`, `of`, `e.g`): dropped at either end of a term.
pub(crate) static FUNCTION_WORDS: List = LazyLock::new(|| entries(include_str!("english/function_words.txt")));

/// Words that, when two or more are present, make a long run an English sentence.
pub(crate) static SENTENCE_WORDS: List = LazyLock::new(|| entries(include_str!("english/sentence_words.txt")));

/// Units that follow a number as a word of their own (`100 ns`, `8 GB`).
pub(crate) static UNITS: List = LazyLock::new(|| entries(include_str!("english/units.txt")));

/// Units of measure that are never terms, even without a number.
pub(crate) static MEASURE_UNITS: List = LazyLock::new(|| entries(include_str!("english/measure_units.txt")));

/// Units and endings written right after a number in one word (`16GB`, `400px`, `1st`).
pub(crate) static NUMBER_UNITS: List = LazyLock::new(|| entries(include_str!("english/number_units.txt")));

/// Things counted with a number and a dash before them (`16-GPU`, `8-core`).
pub(crate) static COUNT_NOUNS: List = LazyLock::new(|| entries(include_str!("english/count_nouns.txt")));

/// File-name extensions (`main.rs`).
pub(crate) static FILE_EXTENSIONS: List = LazyLock::new(|| entries(include_str!("english/file_extensions.txt")));

/// Top-level domains (`example.com`).
pub(crate) static TLDS: List = LazyLock::new(|| entries(include_str!("english/tlds.txt")));

/// Suffixes after a dot that make a name, not code: `Node.js`, `ASP.NET`.
pub(crate) static NAME_DOT_SUFFIXES: List = LazyLock::new(|| entries(include_str!("english/name_dot_suffixes.txt")));

/// Words that name the parts of a document: `Methods`, `Notation`.
pub(crate) static SECTION_WORDS: List = LazyLock::new(|| entries(include_str!("english/section_words.txt")));

/// Labels that point into a document before a number: `Figure 3`, `Eq. 5`.
pub(crate) static REFERENCE_LABELS: List = LazyLock::new(|| entries(include_str!("english/reference_labels.txt")));

/// Common words of general English that are rarely a term on their own (`such`, `left`,
/// `done`, `thereby`), lemmas only.
pub(crate) static COMMON_WORDS: List = LazyLock::new(|| entries(include_str!("english/common_words.txt")));

/// Literals of programming languages that read as English words (`True`, `None`, `null`):
/// code, not terms.
pub(crate) static CODE_LITERALS: List = LazyLock::new(|| entries(include_str!("english/code_literals.txt")));

/// Keywords and type names of programming languages and names of HTML elements that are no
/// words of English (`bool`, `await`, `div`): code, not terms.
pub(crate) static CODE_WORDS: List = LazyLock::new(|| entries(include_str!("english/code_words.txt")));

/// General English beyond [`COMMON_WORDS`]: a few thousand everyday words, lemmas only, some
/// with a technical sense too (`value`, `sample`): alone and unglossed, not a term.
pub(crate) static GENERAL_WORDS: List = LazyLock::new(|| entries(include_str!("english/general_words.txt")));

/// The Latin of placeholder text (`lorem ipsum dolor sit amet`).
pub(crate) static PLACEHOLDER_LATIN: List = LazyLock::new(|| entries(include_str!("english/placeholder_latin.txt")));
