//! Everything that touches files and formats: inputs (files, folders, encodings), the
//! termbases read back (CSV, TSV, TBX, JSON), and every format's writer.

pub(crate) mod csv;
mod decode;
mod deepl;
pub(crate) mod export;
pub mod input;
mod json;
pub(crate) mod lang;
mod review;
mod stream;
mod synonyms;
pub(crate) mod tbx;
pub(crate) mod termbase;
mod tsv;
mod xlsx;

pub use export::{remove_unfinished_outputs, write_atomically, Format, Report, WriteOptions};
pub use json::{JSON_SPANS, JSON_VERSION};
pub use lang::{Direction, LanguageTag, Languages};
