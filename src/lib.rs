//! termbridge reads Chinese technical text with embedded English and builds a bilingual
//! glossary from it: every English term, the Chinese equivalent the text gives for it, its
//! acronym and its variant spellings.
//!
//! ```
//! use termbridge::Extractor;
//!
//! let extractor = Extractor::builder().build()?; // loads the segmenter's dictionary once
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
//! One module per stage; every stage works with [`Span`]s, byte ranges of the original text.
//!
//! | stage | module | decides |
//! | --- | --- | --- |
//! | normalize | [`normalize`] | which bytes are prose (not code, URLs, markup), where emphasis and quotes are |
//! | find | [`candidates`] | which runs of Latin script are English terms |
//! | align | [`align`] | the Chinese equivalent each gloss or apposition gives, and its left boundary |
//! | merge | [`merge`] | which forms are one concept: case, plural, hyphen, acronym, near-duplicates |
//! | reference | [`reference`](mod@reference) | the Chinese of standalone terms, suggestions, non-standard renderings |
//! | export | [`export`] | CSV, OmegaT TSV, DeepL, TBX, JSON, search synonyms |
//!
//! [`Extractor`] runs them all; [`input`] reads files and folders (UTF-8, UTF-16, GB18030)
//! for it. Every decision about an input uses that input alone: the per-input stages run in
//! parallel and yield text-free [`merge::InputFacts`], from which the glossary is decided;
//! [`partial`] writes and combines those facts for runs split across processes or machines.
//!
//! Around the pipeline: [`Glossary::from_csv_reader`] and [`Glossary::from_tbx_reader`]
//! read glossaries back, [`Glossary::update`] ([`update`]) folds new extractions into an
//! edited termbase, and [`Extractor::check`] ([`check`]) checks texts against a glossary.

#![deny(missing_docs)]

mod align;
mod candidates;
pub mod check;
mod error;
mod extract;
pub mod io;
mod merge;
mod model;
mod normalize;
pub mod partial;
pub mod reference;
mod segment;
mod text;
pub mod update;

pub use error::{BuildError, ExportError, ImportError, InputError};
pub use extract::{Extractor, ExtractorBuilder, Source};
pub use io::{input, Format, WriteOptions};
pub use model::{Category, Entry, Glossary, Method, Occurrence, Span, CSV_HEADER};
pub use normalize::Markup;

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
