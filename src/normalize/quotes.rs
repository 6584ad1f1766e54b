//! Quotation brackets: `「」`, `『』`, `“”`, `【】` and ASCII `"` enclose quoted spans,
//! `《》` and `〈〉` titles. They stay in the view; what they enclose is recorded as marked, for
//! the Chinese term an author quotes is exactly the quoted span.

use super::scan::{find, paragraph_end};
use super::{MarkKind, Marked};
use crate::model::Span;

/// The longest quotation looked for, in bytes: a closer further on closes another one.
const MAX_QUOTE: usize = 600;

/// Records the spans that quotation brackets enclose within a paragraph, and those ASCII
/// double quotes enclose within a line.
pub(super) fn find_quotes(v: &[u8], marked: &mut Vec<Marked>) {
    // Pairs of quotation brackets within a paragraph.
    const PAIRS: &[(&str, &str, MarkKind)] = &[
        ("「", "」", MarkKind::Quote),
        ("『", "』", MarkKind::Quote),
        ("“", "”", MarkKind::Quote),
        ("《", "》", MarkKind::Title),
        ("〈", "〉", MarkKind::Title),
        ("【", "】", MarkKind::Quote),
    ];
    for (open, close, kind) in PAIRS {
        let (o, c) = (open.as_bytes(), close.as_bytes());
        let mut i = 0;
        while let Some(s) = find(v, i, o) {
            let limit = paragraph_end(v, s, MAX_QUOTE);
            let inner_start = s + o.len();
            match find(&v[..limit], inner_start, c) {
                Some(e) => {
                    // a nested opener before the closer restarts the search
                    if find(&v[..e], inner_start, o).is_none() {
                        marked.push(Marked { inner: Span::new(inner_start, e), kind: *kind });
                    }
                    i = inner_start;
                }
                None => i = inner_start,
            }
        }
    }
    // ASCII double quotes in prose: only when both sides hold no line break.
    let mut i = 0;
    while let Some(s) = find(v, i, b"\"") {
        let limit = v[s + 1..].iter().position(|&b| b == b'\n').map_or(v.len(), |p| p + s + 1);
        match find(&v[..limit], s + 1, b"\"") {
            Some(e) if e > s + 1 => {
                marked.push(Marked { inner: Span::new(s + 1, e), kind: MarkKind::Quote });
                i = e + 1;
            }
            _ => i = s + 1,
        }
    }
}
