//! The review page: one self-contained HTML file (inline CSS and script, the glossary as
//! JSON in a `<script type="application/json">`) in which translators accept, reject and
//! correct rows, read each term's concordance and the evidence for each rendering, and
//! export the reviewed glossary as termbridge CSV or an OmegaT glossary.
//!
//! The page works from `file://` with nothing fetched. Decisions are kept in the browser's
//! local storage under an id made from the glossary's content, so two glossaries never
//! share them. The embedded JSON escapes `<`, `>`, `&`, U+2028 and U+2029, so that no term or
//! context can close the script element or break a script that reads it.

mod concordance;

use crate::io::input::InputFile;
use crate::model::{Entry, Glossary, CSV_HEADER};
use crate::ExportError;
use concordance::{evidence, kwic};
use serde::Serialize;
use std::io::Write;

/// The page, with `{{title}}`, `{{style}}`, `{{data}}` and `{{script}}` to fill.
const PAGE: &str = include_str!("page.html");
const STYLE: &str = include_str!("review.css");
const SCRIPT: &str = include_str!("review.js");

/// The version of the embedded data's layout.
const DATA_VERSION: u32 = 1;

/// The data the page's script reads.
#[derive(Serialize)]
struct Data<'a> {
    version: u32,
    /// The glossary's id: the key of its decisions in local storage.
    id: String,
    sources: Vec<&'a str>,
    /// The CSV columns the export writes, before `status` and the columns a person added.
    header: [&'static str; 12],
    /// The columns a person added (from a glossary read back), written after `status`.
    extra: Vec<&'a str>,
    rows: Vec<Row<'a>>,
}

/// A sentence shown as evidence: input, line, the sentence on one line.
type Sentence = (usize, usize, String);

/// One entry, its cells as the glossary CSV writes them.
#[derive(Serialize)]
struct Row<'a> {
    en: &'a str,
    zh: &'a [String],
    ab: &'a str,
    va: &'a [String],
    cat: &'static str,
    freq: usize,
    score: String,
    conf: String,
    method: &'static str,
    src: &'a str,
    ctx: &'a str,
    note: &'a str,
    /// The row's `status` cell, as a person wrote it (`deleted` for a tombstone).
    st: &'a str,
    /// Cells of the added columns, in [`Data::extra`]'s order.
    x: Vec<&'a str>,
    /// Concordance lines: input, line, left context, term, right context.
    kwic: Vec<(usize, usize, String, String, String)>,
    /// Per rendering: the number of sentences holding it beside the English, and the first
    /// of them (input, line, sentence).
    ev: Vec<(usize, Vec<Sentence>)>,
}

impl<'a> Row<'a> {
    fn new(e: &'a Entry, texts: &[&str], extra: &[&'a str]) -> Row<'a> {
        let two = |x: Option<f32>| x.map(|x| format!("{x:.2}")).unwrap_or_default();
        Row {
            en: &e.english,
            zh: &e.chinese,
            ab: e.abbreviation.as_deref().unwrap_or(""),
            va: &e.variants,
            cat: e.category.as_str(),
            freq: e.frequency,
            score: two(e.score),
            conf: two(e.confidence),
            method: e.method.map_or("", |m| m.as_str()),
            src: &e.source,
            ctx: &e.context,
            note: &e.note,
            st: e.extra.iter().find(|(k, _)| is_status(k)).map_or("", |(_, v)| v.as_str()),
            x: extra.iter().map(|k| e.extra.get(k).map_or("", String::as_str)).collect(),
            kwic: e
                .occurrences
                .iter()
                .filter_map(|o| kwic(texts, o))
                .map(|k| (k.source, k.line, k.left, k.term, k.right))
                .collect(),
            ev: evidence(texts, e).into_iter().map(|v| (v.count, v.shown)).collect(),
        }
    }
}

impl Glossary {
    /// Writes the review page of the glossary. `inputs` are the texts it was extracted from,
    /// in the order its occurrences name them (as [`input::read_all`](crate::input::read_all)
    /// lists them): the page's concordance and evidence are read from them. With no inputs
    /// (a glossary read back from a file) the page still reviews and exports every row.
    ///
    /// ```
    /// use termbridge::input::InputFile;
    /// let extractor = termbridge::Extractor::builder().build()?;
    /// let text = "过拟合（overfitting）很常见，overfitting 要用正则化应对。";
    /// let glossary = extractor.extract(text);
    /// let input = InputFile { name: "a.txt".into(), text: text.into(), markup: termbridge::Markup::Plain };
    /// let mut page = Vec::new();
    /// glossary.write_review(&[input], &mut page)?;
    /// let page = String::from_utf8(page)?;
    /// assert!(page.starts_with("<!DOCTYPE html>") && page.contains(r#""en":"overfitting""#));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_review<W: Write>(&self, inputs: &[InputFile], mut out: W) -> Result<(), ExportError> {
        let prose: Vec<String> = inputs.iter().map(|i| concordance::prose(&i.text, i.markup)).collect();
        let texts: Vec<&str> = prose.iter().map(String::as_str).collect();
        let extra: Vec<&str> = self.extra_columns().into_iter().filter(|k| !is_status(k)).collect();
        let rows: Vec<Row> = self.entries.iter().map(|e| Row::new(e, &texts, &extra)).collect();
        let sources: Vec<&str> = if inputs.is_empty() {
            self.sources.iter().map(String::as_str).collect()
        } else {
            inputs.iter().map(|i| i.name.as_str()).collect()
        };
        let mut data = Data { version: DATA_VERSION, id: String::new(), sources, header: CSV_HEADER, extra, rows };
        // the id is the hash of everything else the page holds
        let content = serde_json::to_string(&data).map_err(std::io::Error::from)?;
        data.id = format!("{:016x}", fnv1a(content.as_bytes()));
        let json = script_safe(&serde_json::to_string(&data).map_err(std::io::Error::from)?);
        let title = match data.sources.as_slice() {
            [one] => format!("termbridge review: {one}"),
            all => format!("termbridge review: {} inputs", all.len()),
        };
        fill(&mut out, &[("title", &html_text(&title)), ("style", STYLE), ("data", &json), ("script", SCRIPT)])?;
        Ok(())
    }
}

/// Whether a column is the review's own `status` (or `状态`), which the page writes itself.
fn is_status(column: &str) -> bool {
    column.trim().eq_ignore_ascii_case("status") || column.trim() == "状态"
}

/// Writes [`PAGE`] with each `{{name}}` replaced by its value. The page is split before any
/// value goes in, so a value holding `{{…}}` is written as it is.
fn fill<W: Write>(out: &mut W, values: &[(&str, &str)]) -> std::io::Result<()> {
    let mut rest = PAGE;
    while let Some(at) = rest.find("{{") {
        out.write_all(&rest.as_bytes()[..at])?;
        let after = &rest[at + 2..];
        let end = after.find("}}").unwrap_or(after.len());
        match values.iter().find(|(name, _)| *name == &after[..end]) {
            Some((_, value)) => out.write_all(value.as_bytes())?,
            None => out.write_all(&rest.as_bytes()[at..at + 2 + end])?,
        }
        rest = after.get(end + 2..).unwrap_or("");
    }
    out.write_all(rest.as_bytes())
}

/// JSON that can stand inside a `<script>` element and in any JavaScript source: `<`, `>` and
/// `&` (so no `</script>` or `<!--` closes or changes the element) and U+2028/U+2029 (line
/// ends to older JavaScript) as `\u` escapes. They can only occur inside JSON strings, where the
/// escapes mean the same characters.
fn script_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + json.len() / 16);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// Text for an HTML element's content.
fn html_text(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The 64-bit FNV-1a hash: a stable id of the page's content (not a defence against anyone).
fn fnv1a(bytes: &[u8]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0100_0000_01b3;
    bytes.iter().fold(OFFSET, |h, &b| (h ^ u64::from(b)).wrapping_mul(PRIME))
}

#[cfg(test)]
mod tests;
