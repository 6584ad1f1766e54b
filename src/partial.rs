//! Partial glossaries, for running termbridge inside an engine that splits the work (Spark,
//! Hadoop Streaming, Ray, `xargs -P`).
//!
//! Every decision about an input is made from that input alone; what the final decisions
//! need from it — its English forms with their places, its glosses with their Chinese,
//! confidence and context, where the reference's Chinese terms occur — is its
//! [`InputFacts`]. A [`Partial`] holds the facts of some inputs. Partials combine by
//! concatenation (in input-name order), which is associative and commutative, and the
//! glossary decided from a combination is the glossary of one run over all the inputs. An
//! input that comes twice (the same name and the same facts: a partial merged again, or
//! concatenated twice) counts once, so combining is idempotent too.
//!
//! # The file format
//!
//! JSON Lines, UTF-8. The first line is the header `{"termbridge":"partial","version":3}`;
//! every further line holds the facts of one input: its English forms (each with the
//! sentence of its first occurrence), every English occurrence (form, byte span, line),
//! every gloss, and for each reference Chinese term that occurs, how often (up to
//! `COUNTED_HITS` (10)) and how near it comes to the English forms the reference renders
//! with it. Each sentence is written once and quoted by number, and places are written as
//! differences, so that a partial is seldom longer than its input; the line of an input for
//! which it would be is written compressed (see `record` for both):
//!
//! ```text
//! {"termbridge":"partial","version":3}
//! {"name":"a.md","bytes":73,"sentences":["…"],"forms":[["RAG",0]],"english":[0,3,3,1],"glosses":[…],"reference":[["检索增强生成",1,[[0,12]]]]}
//! {"name":"big.md","bytes":16777271,"zstd":"KLUv/QBY…"}
//! ```
//!
//! Partials concatenated with `cat` combine: a header may come again, of either version.
//! Version 2 (each input's facts as one JSON object, sentences written out wherever they are
//! quoted) is still read.

mod base64;
mod record;

use crate::io::input::ReadOptions;
use crate::model::facts::sort_inputs;
use crate::model::InputFacts;
use crate::{Extractor, Glossary, ImportError, InputError, Source};
use std::io::{BufRead, Read, Write};
use std::path::{Path, PathBuf};

/// The inputs in name order, each once: an input that comes again with the same facts is
/// the same input read twice.
fn once_each(mut inputs: Vec<InputFacts>) -> Vec<InputFacts> {
    sort_inputs(&mut inputs);
    let mut out: Vec<InputFacts> = Vec::with_capacity(inputs.len());
    let mut same_name = 0;
    for input in inputs {
        if out.last().is_some_and(|last| last.name != input.name) {
            same_name = out.len();
        }
        if !out[same_name..].contains(&input) {
            out.push(input);
        }
    }
    out
}

/// The version of the partial file format, in its header.
pub const PARTIAL_VERSION: u32 = 3;

/// The earlier versions still read.
const READ_VERSIONS: [u32; 2] = [2, PARTIAL_VERSION];

/// The facts of some inputs, waiting to be combined with others and decided.
///
/// ```
/// use termbridge::{Extractor, Markup, Partial, Source};
/// let extractor = Extractor::builder().build()?;
/// let text = "检索增强生成（Retrieval-Augmented Generation，RAG）很常用。";
/// let part = extractor.partial(&[Source { name: "a.md", text, markup: Markup::Markdown }]);
/// let mut jsonl = Vec::new();
/// part.write_jsonl(&mut jsonl)?;
/// let back = Partial::read_jsonl("a.jsonl", jsonl.as_slice())?;
/// assert_eq!(extractor.decide(&back).get("RAG").unwrap().chinese, ["检索增强生成"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Partial {
    inputs: Vec<InputFacts>,
}

impl Partial {
    /// Combines partials: associative and commutative.
    ///
    /// ```
    /// use termbridge::{Extractor, Markup, Partial, Source};
    /// let ex = Extractor::builder().build()?;
    /// let src = |name, text| Source { name, text, markup: Markup::Plain };
    /// let a = ex.partial(&[src("a.txt", "检索增强生成（Retrieval-Augmented Generation，RAG）很有用。")]);
    /// let b = ex.partial(&[src("b.txt", "RAG 与微调（fine-tuning）可以结合。")]);
    /// let together = ex.decide(&Partial::combine([a, b]));
    /// let one_run = ex.extract_sources(&[
    ///     src("a.txt", "检索增强生成（Retrieval-Augmented Generation，RAG）很有用。"),
    ///     src("b.txt", "RAG 与微调（fine-tuning）可以结合。"),
    /// ]);
    /// assert_eq!(together, one_run);
    /// # Ok::<(), termbridge::BuildError>(())
    /// ```
    pub fn combine(parts: impl IntoIterator<Item = Partial>) -> Partial {
        Partial { inputs: once_each(parts.into_iter().flat_map(|p| p.inputs).collect()) }
    }

    pub(crate) fn from_facts(mut inputs: Vec<InputFacts>) -> Partial {
        sort_inputs(&mut inputs);
        Partial { inputs }
    }

    /// The number of inputs it holds.
    pub fn len(&self) -> usize {
        self.inputs.len()
    }

    /// Whether it holds no input.
    pub fn is_empty(&self) -> bool {
        self.inputs.is_empty()
    }

    /// Writes the partial as JSON Lines (see the module docs).
    pub fn write_jsonl<W: Write>(&self, mut out: W) -> Result<(), crate::ExportError> {
        writeln!(out, "{{\"termbridge\":\"partial\",\"version\":{PARTIAL_VERSION}}}")?;
        for input in &self.inputs {
            record::write_line(input, &mut out)?;
            writeln!(out)?;
        }
        out.flush()?;
        Ok(())
    }

    /// Reads a partial written by [`write_jsonl`](Self::write_jsonl); `name` is used in
    /// errors.
    pub fn read_jsonl<R: BufRead>(name: &str, reader: R) -> Result<Partial, ImportError> {
        let path = PathBuf::from(name);
        let format = |line: u64, message: String| ImportError::Format { path: path.clone(), line, message };
        // lines as bytes: a line that is not UTF-8 is an error naming it, not a read error
        let mut lines = reader.split(b'\n').enumerate().map(|(i, line)| {
            let n = i as u64 + 1;
            let line = line.map_err(|source| ImportError::Io { path: path.clone(), source })?;
            let line = String::from_utf8(line)
                .map_err(|e| format(n, format!("not valid UTF-8 at byte {}", e.utf8_error().valid_up_to())))?;
            Ok::<_, ImportError>((n, line.strip_suffix('\r').map(str::to_string).unwrap_or(line)))
        });
        let version_of = |header: Option<&str>| -> Result<u32, String> {
            let header: serde_json::Value = header
                .and_then(|h| serde_json::from_str(h).ok())
                .filter(|h: &serde_json::Value| h["termbridge"] == "partial")
                .ok_or("not a termbridge partial file (no header line)")?;
            let version = &header["version"];
            version.as_u64().and_then(|v| u32::try_from(v).ok()).filter(|v| READ_VERSIONS.contains(v)).ok_or_else(
                || {
                    format!(
                        "partial format version {version} is not {PARTIAL_VERSION}: extract the partial again with this termbridge"
                    )
                },
            )
        };
        let header = lines.next().transpose()?.map(|(_, h)| h);
        let mut version = version_of(header.as_deref()).map_err(|e| format(1, e))?;
        let mut inputs = Vec::new();
        for line in lines {
            let (n, line) = line?;
            if line.trim().is_empty() {
                continue;
            }
            // partials concatenated with `cat` repeat the header, perhaps of another version
            if line.starts_with("{\"termbridge\":\"partial\"") {
                version = version_of(Some(&line)).map_err(|e| format(n, e))?;
                continue;
            }
            let facts = if version == PARTIAL_VERSION {
                record::read_line(&line)
            } else {
                serde_json::from_str::<InputFacts>(&line).map_err(|e| e.to_string())
            };
            let facts = facts.map_err(|e| format(n, e))?;
            facts.check().map_err(|e| format(n, format!("{e}: not a partial termbridge wrote")))?;
            inputs.push(facts);
        }
        Ok(Partial { inputs: once_each(inputs) })
    }

    /// Reads a partial file.
    pub fn from_path(path: &Path) -> Result<Partial, ImportError> {
        let file = std::fs::File::open(path).map_err(|source| ImportError::Io { path: path.to_path_buf(), source })?;
        Partial::read_jsonl(&path.display().to_string(), std::io::BufReader::new(file))
    }

    /// Whether a file looks like a partial (its first line is the header).
    pub fn is_partial_file(path: &Path) -> bool {
        let Ok(file) = std::fs::File::open(path) else { return false };
        let mut first = String::new();
        // the header is short: a first line longer than this is no header
        const HEADER_BYTES: u64 = 200;
        std::io::BufReader::new(file).take(HEADER_BYTES).read_line(&mut first).is_ok()
            && first.starts_with("{\"termbridge\":\"partial\"")
    }
}

impl Extractor {
    /// The partial glossary of some inputs: their facts, to be combined and decided later.
    pub fn partial(&self, sources: &[Source<'_>]) -> Partial {
        Partial::from_facts(self.analyse(sources, &ReadOptions::new(), false))
    }

    /// The partial glossary of files, folders and `-`; see
    /// [`extract_paths`](Self::extract_paths).
    pub fn partial_paths(&self, paths: &[PathBuf], options: &ReadOptions<'_>) -> Result<Partial, InputError> {
        Ok(Partial::from_facts(self.facts_of_paths(paths, options, false)?))
    }

    /// The glossary of a (combined) partial: the same as one run over all its inputs.
    pub fn decide(&self, partial: &Partial) -> Glossary {
        self.decide_facts(&partial.inputs)
    }
}
