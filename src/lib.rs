//! termbridge reads Chinese technical text with embedded English and builds a bilingual
//! glossary from it: every English term, the Chinese equivalent the text gives for it, its
//! acronym and its variant spellings.
//!
//! ```
//! use termbridge::Extractor;
//!
//! let extractor = Extractor::builder().build()?; // build once: it reads and indexes the reference
//! let text = "我们比较了检索增强生成（Retrieval-Augmented Generation，RAG）与微调。\
//!             RAG 的效果更好，训练时使用带有动量的随机梯度下降（stochastic gradient descent）。";
//! let glossary = extractor.extract(text);
//!
//! let rag = glossary.get("RAG").unwrap();
//! assert_eq!(rag.english, "Retrieval-Augmented Generation");
//! assert_eq!(rag.chinese, ["检索增强生成"]);
//! assert_eq!(glossary.get("stochastic gradient descent").unwrap().chinese, ["随机梯度下降"]);
//!
//! let mut csv = Vec::new();
//! glossary.write_csv(&mut csv)?;
//! assert!(csv.starts_with(b"english,chinese,abbreviation,variants,category,"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # The pipeline
//!
//! One folder per stage, each importing only the floors below it; every stage works with
//! [`Span`]s, byte ranges of the original text.
//!
//! | stage | folder | decides |
//! | --- | --- | --- |
//! | text | `src/text/` | characters, merge keys, acronyms, word lists, the string matcher: what every stage shares |
//! | model | `src/model/` | the glossary, its entries and spans, the facts each input yields |
//! | normalize | `src/normalize/` | which bytes are prose (not code, URLs, markup), sentences, pieces of long inputs |
//! | find | `src/candidates/` | which runs of Latin script are English terms |
//! | segment | `src/segment/` | Chinese words: the segmenter's dictionary compiled into the program, jieba-rs's models |
//! | reference | `src/reference/` | the Chinese of standalone terms, suggestions, non-standard renderings |
//! | align | `src/align/` | the Chinese equivalent each gloss or apposition gives, and its left boundary |
//! | merge | `src/merge/` | which forms are one concept: case, plural, hyphen, acronym, near-duplicates |
//! | score | `src/score.rs` | how likely each row is worth keeping, from all the evidence for it |
//! | extract | `src/extract.rs` | runs them all, per input in parallel, then decides the glossary |
//! | io | `src/io/` | inputs (files, folders, encodings), termbases read back, every output format |
//!
//! [`Extractor`] runs them all; [`input`] reads files and folders (UTF-8, UTF-16, GB18030)
//! for it. Every decision about an input uses that input alone: the per-input stages run in
//! parallel and yield text-free facts, from which the glossary is decided; a [`Partial`]
//! holds those facts for runs split across processes or machines.
//!
//! Around the pipeline: [`Glossary::from_path`], [`Glossary::from_csv_reader`] and
//! [`Glossary::from_tbx_reader`] read glossaries back, [`Glossary::update`] folds new
//! extractions into an edited termbase, [`Extractor::check`] checks texts against a
//! glossary, and [`Glossary::write`] writes every [`Format`].

#![deny(missing_docs)]

mod align;
mod candidates;
mod check;
mod cut;
mod error;
mod extract;
mod io;
mod lexicon;
mod memory;
mod merge;
mod model;
mod normalize;
mod partial;
mod reference;
mod score;
mod segment;
mod text;
mod update;

pub use check::{Finding, FindingKind};
pub use cut::{Cut, Stoplist, DEFAULT_MIN_SCORE};
pub use error::{BuildError, ExportError, ImportError, InputError};
pub use extract::{Extractor, ExtractorBuilder, Source};
pub use io::{
    input, remove_unfinished_outputs, write_atomically, Direction, Format, LanguageTag, Languages, Report,
    WriteOptions, JSON_SPANS, JSON_VERSION,
};
pub use model::{
    Category, Columns, Entry, Glossary, Method, Occurrence, Span, CSV_HEADER, KEEP_MIN_FREQUENCY, KEEP_STATUS,
    PAIR_COUNT_COLUMNS,
};
pub use normalize::Markup;
pub use partial::{Partial, PARTIAL_VERSION};
pub use reference::{Reference, ReferenceEntry};
pub use text::key::key as merge_key;

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
