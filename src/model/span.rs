//! Byte ranges into the original input.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A half-open byte range `start..end` of the original input text.
///
/// Every span that termbridge hands out points into the text that was given to
/// [`Extractor::extract`](crate::Extractor::extract), so `&text[span.range()]` is always valid
/// and always on `char` boundaries.
///
/// ```
/// use termbridge::Span;
/// let text = "使用 dropout 防止过拟合";
/// let span = Span::new(7, 14);
/// assert_eq!(&text[span.range()], "dropout");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// Creates a span; `start` must not be greater than `end`.
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span { start, end }
    }

    /// The span as a `Range<usize>`, for slicing.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}
