//! Stage 1: decide which bytes of the input are prose.
//!
//! The later stages never look at the raw input. They read a *view*: a string of exactly the
//! same length in which every byte that is not prose has been overwritten, so that every
//! offset in the view is an offset in the original text and every span found in the view can
//! be sliced out of the original.
//!
//! * Code (fenced and indented blocks, inline code and roles such as `` :numref:`x` ``), math
//!   (`$…$`), front matter, HTML comments, tags and attributes, images, link targets and
//!   labels, reference definitions, heading ids, block markers (`#`, `>`, bullets, table
//!   pipes), URLs and e-mail addresses become [`HARD`] bytes: nothing may be found in them
//!   and no term may cross them.
//! * Emphasis delimiters (`**`, `*`, `_`, `__`, `~~`, `<u>`, `</u>`, the brackets of a link
//!   text) become [`MARK`] bytes: they are not text, but the span they enclose is recorded as
//!   *marked*, because an author who emphasises `*随机梯度下降*（stochastic gradient
//!   descent）` has told us exactly where the Chinese term starts. Quotation brackets
//!   (`「」`, `《》`, `“”`, …) stay in the view and enclose marked spans too.
//!
//! Full-width punctuation is not rewritten; the scanners treat `（` and `(`, `，` and `,`
//! alike (see [`fold`](crate::text::chars::fold)).
//!
//! This file holds the vocabulary the stage shares with the others; the work is split by
//! concern: [`document`] builds the view and answers questions about it, [`structure`] reads
//! Markdown's structure with pulldown-cmark, [`markdown`] scans emphasis and containers
//! with rules that fit Chinese, [`urls`] what is non-prose in any text, [`quotes`] finds
//! quotation brackets, [`sentences`] finds the sentence around a span and [`pieces`] where
//! a long input is cut; [`scan`] holds the byte scanners they share.

mod document;
mod markdown;
mod pieces;
mod quotes;
mod scan;
mod sentences;
mod structure;
mod urls;

pub(crate) use document::Document;
pub(crate) use pieces::{chunk_end, CHUNK};

use crate::model::Span;

/// View byte that replaces non-prose bytes (code, URLs, tags…).
pub(crate) const HARD: u8 = 0x1F;
/// View byte that replaces emphasis delimiters.
pub(crate) const MARK: u8 = 0x1E;

/// How to read the input's markup.
///
/// ```
/// use termbridge::{Extractor, Markup};
/// let text = "`overfitting（过拟合）` 是代码，过拟合（overfitting）不是。";
/// let markdown = Extractor::builder().markup(Markup::Markdown).build()?.extract(text);
/// assert_eq!(markdown.get("overfitting").unwrap().frequency, 1, "code spans are not prose");
/// # Ok::<(), termbridge::BuildError>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Markup {
    /// CommonMark-style Markdown, with the common extensions (front matter, math, roles).
    #[default]
    Markdown,
    /// Plain text: only URLs, e-mail addresses, character references and a byte-order mark
    /// are masked.
    Plain,
}

/// A marked span: the content of an emphasis or of quotation brackets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Marked {
    /// The enclosed content.
    pub(crate) inner: Span,
    /// What encloses it.
    pub(crate) kind: MarkKind,
}

/// What encloses a [`Marked`] span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MarkKind {
    /// `*x*`, `**x**`, `_x_`, `<u>x</u>`, `<em>x</em>`, `~~x~~`, a link text.
    Emphasis,
    /// `「x」`, `『x』`, `“x”`, `"x"`.
    Quote,
    /// `《x》`, `〈x〉`: a title.
    Title,
}
