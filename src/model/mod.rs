//! The data model: the glossary and its entries, the spans they point with, and the facts
//! that each input yields. It imports no stage: every stage imports it.

mod columns;
pub(crate) mod facts;
pub(crate) mod glossary;
mod span;

pub use columns::Columns;
pub(crate) use facts::{ComposedFact, EnglishFact, FormFact, GlossFact, InputFacts, ReferenceFact};
pub use glossary::{
    Category, Entry, Glossary, Method, Occurrence, CSV_HEADER, KEEP_MIN_FREQUENCY, KEEP_STATUS, PAIR_COUNT_COLUMNS,
};
pub use span::Span;
