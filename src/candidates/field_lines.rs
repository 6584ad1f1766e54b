//! Lines of fields: a label and its value on a line of its own, the value no Chinese prose
//! (`- Journal: Nature Methods`, `Published Time: 2021.05.11`): the label is a word of the form,
//! no term, when general English makes it; the value keeps its names.
//!
//! And the header of a post, a comment or an issue, its fields separated by
//! spaced middle dots (`alice99 · comment · 2023-09-29`, `owner/repo · issue #12 · closed`).
//! The fields name a user, an action, a state, a date: no terms. Where a date closes the
//! fields, the text after it on the line is the comment itself, and its English stays.

use super::kinds::is_common_word;
use super::Candidate;
use crate::model::Span;
use crate::normalize::{HARD, MARK};
use crate::text::chars::is_cjk;

/// What separates two fields.
const SEPARATOR: &str = " · ";

/// The fewest separators on a line of fields: one middle dot between spaces may be prose.
const MIN_SEPARATORS: usize = 2;

/// The end of the fields of `line`: after its last separator and the date right after it
/// (`2023-09-29`), or the whole line when no date follows; `None` when the line has too few
/// separators.
fn fields_end(line: &str) -> Option<usize> {
    if line.matches(SEPARATOR).count() < MIN_SEPARATORS {
        return None;
    }
    let last = line.rfind(SEPARATOR)? + SEPARATOR.len();
    Some(match date_len(&line[last..]) {
        Some(n) => last + n,
        None => line.len(),
    })
}

/// The length of a date that opens `s` (`2023-09-29`, `2023/9/29`), if one does.
fn date_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let digits = |from: usize| b[from.min(b.len())..].iter().take_while(|c| c.is_ascii_digit()).count();
    let year = digits(0);
    if year != 4 || !matches!(b.get(4), Some(b'-' | b'/')) {
        return None;
    }
    let month = digits(5);
    if !(1..=2).contains(&month) || b.get(5 + month) != b.get(4) {
        return None;
    }
    let day = digits(6 + month);
    (1..=2).contains(&day).then_some(6 + month + day)
}

/// A label of a field has at most this many words.
const MAX_LABEL_WORDS: usize = 3;

/// Whether candidate `c` is the label of a field line (see the [module docs](self)): alone
/// after a list's marker at the start of its line, words of general English in Title or
/// sentence case, a colon after it, and a value without Chinese after that.
fn is_field_label(view: &str, c: &Candidate<'_>) -> bool {
    let marker =
        |ch: char| matches!(ch, ' ' | '\t' | '-' | '*' | '+' | '>') || ch == char::from(HARD) || ch == char::from(MARK);
    let Some(value) = view[c.span.end..].strip_prefix(':').or_else(|| view[c.span.end..].strip_prefix('：')) else {
        return false;
    };
    let before = &view[..c.span.start];
    let line_start = before.rfind('\n').map_or(0, |n| n + 1);
    let value = &value[..value.find('\n').unwrap_or(value.len())];
    let words: Vec<&str> = c.text.split(' ').collect();
    before[line_start..].chars().all(marker)
        && c.text.starts_with(|ch: char| ch.is_ascii_uppercase())
        && words.len() <= MAX_LABEL_WORDS
        && words.iter().all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_alphabetic()) && is_common_word(w))
        && !value.trim().is_empty()
        && !value.chars().any(is_cjk)
}

/// Drops the labels of field lines (see the [module docs](self)).
pub(super) fn drop_field_labels(view: &str, cands: &mut Vec<Candidate<'_>>) {
    cands.retain(|c| !is_field_label(view, c));
}

/// Drops the candidates inside the fields of lines of fields (see the [module docs](self)).
pub(super) fn drop_fields(view: &str, cands: &mut Vec<Candidate<'_>>) {
    if !view.contains(SEPARATOR) {
        return;
    }
    let mut fields: Vec<Span> = Vec::new();
    let mut start = 0;
    for line in view.split_inclusive('\n') {
        if let Some(end) = fields_end(line) {
            fields.push(Span::new(start, start + end));
        }
        start += line.len();
    }
    if fields.is_empty() {
        return;
    }
    cands.retain(|c| {
        let i = fields.partition_point(|f| f.end <= c.span.start);
        fields.get(i).is_none_or(|f| f.start > c.span.start)
    });
}

#[cfg(test)]
mod tests {
    use super::super::assert_finds;

    #[test]
    fn labels_of_field_lines_are_no_terms() {
        let table: &[(&str, &[&str])] = &[
            ("- Journal: Nature Methods\n- Published Time: 2021.05.11\n", &["Nature Methods"]),
            ("Release Date：2021-05-11\n", &[]),
            // a term explained in Chinese, a name or an acronym as the label
            ("- Transformer: 一种编码器-解码器模型\n", &["Transformer"]),
            ("- GPU: NVIDIA A100\n", &["GPU", "NVIDIA A100"]),
        ];
        assert_finds(table);
    }

    #[test]
    fn the_fields_of_a_header_line_are_no_terms() {
        let table: &[(&str, &[&str])] = &[
            ("alice99 · comment · 2023-09-29 我用 LoRA 微调也报错了。", &["LoRA"]),
            ("bob-k · comment · 2023/10/8\n", &[]),
            ("owner/repo · issue #12 · closed · Python\n\n我们用 Python 写。", &["Python"]),
            // one middle dot between spaces is prose
            ("安装 Docker · 配置 Kubernetes", &["Docker", "Kubernetes"]),
        ];
        assert_finds(table);
    }
}
