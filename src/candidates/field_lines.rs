//! Lines of fields: the header of a post, a comment or an issue, its fields separated by
//! spaced middle dots (`alice99 · comment · 2023-09-29`, `owner/repo · issue #12 · closed`).
//! The fields name a user, an action, a state, a date: no terms. Where a date closes the
//! fields, the text after it on the line is the comment itself, and its English stays.

use super::Candidate;
use crate::model::Span;

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
