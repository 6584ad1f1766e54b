//! Pieces: where a long input is cut so that each piece is analysed on its own, with memory
//! bounded by the piece, not the input. Cuts fall between paragraphs outside fenced code
//! where possible, because a gloss never crosses a paragraph.

use super::markdown::{fence_closes, fence_open, MAX_FENCE_INDENT};
use super::Markup;

/// The longest piece of one input analysed at once, in bytes. A longer input is read in
/// pieces of at most this size (see [`chunk_end`]), so memory does not grow with the input;
/// the recurrence of a Chinese term is counted within its piece.
pub(crate) const CHUNK: usize = 1 << 19;

/// Where the first piece of `text` ends: all of it when it is at most [`CHUNK`] bytes,
/// otherwise the last blank line within the first `CHUNK` bytes that is outside a fenced
/// code block, else the last line break, else the last sentence end (`。！？；`, or `.!?`
/// before a space), else the last character boundary. A gloss never crosses a paragraph,
/// so cutting between paragraphs loses none. The answer depends on the first `CHUNK` bytes
/// only, so a reader that holds that much of a stream cuts it where a reader of the whole
/// text would.
pub(crate) fn chunk_end(text: &str, markup: Markup) -> usize {
    if text.len() <= CHUNK {
        return text.len();
    }
    let mut window = CHUNK;
    while !text.is_char_boundary(window) {
        window -= 1;
    }
    if let Some(end) = last_line_break(&text.as_bytes()[..window], markup) {
        return end;
    }
    last_sentence_end(&text[..window]).unwrap_or(window)
}

/// Where the last blank line of `v` outside fenced code ends, else where the last line
/// outside it ends (a closing fence's line counts as outside).
fn last_line_break(v: &[u8], markup: Markup) -> Option<usize> {
    let (mut blank, mut newline) = (None, None);
    let mut fence: Option<(u8, usize)> = None;
    let mut start = 0;
    for nl in memchr::memchr_iter(b'\n', v) {
        let line = &v[start..nl];
        let indent = line.iter().take_while(|&&b| b == b' ').count();
        let rest = &line[indent..];
        if markup == Markup::Markdown && indent <= MAX_FENCE_INDENT {
            match fence {
                None => fence = fence_open(rest),
                Some(open) => {
                    if fence_closes(rest, open) {
                        fence = None;
                        start = nl + 1;
                        newline = Some(nl + 1);
                        continue;
                    }
                }
            }
        }
        if fence.is_none() {
            newline = Some(nl + 1);
            if rest.iter().all(|b| b.is_ascii_whitespace()) {
                blank = Some(nl + 1);
            }
        }
        start = nl + 1;
    }
    blank.or(newline)
}

/// Where the last sentence of `prose` ends: after its last `。！？；`, or `.!?` before a space.
fn last_sentence_end(prose: &str) -> Option<usize> {
    prose
        .char_indices()
        .rev()
        .find(|&(i, c)| {
            matches!(c, '。' | '！' | '？' | '；')
                || matches!(c, '.' | '!' | '?') && prose.as_bytes().get(i + 1) == Some(&b' ')
        })
        .map(|(i, c)| i + c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_input_is_cut_after_a_paragraph() {
        let para = "大语言模型（large language model）很流行。\n\n";
        let text = para.repeat(2 * CHUNK / para.len());
        let end = chunk_end(&text, Markup::Markdown);
        assert!(end <= CHUNK && end > CHUNK - 2 * para.len());
        assert!(text[..end].ends_with("\n\n"));
        assert_eq!(chunk_end("短文本", Markup::Plain), "短文本".len());
    }

    #[test]
    fn pieces_end_between_paragraphs_outside_code() {
        let para = "我们用随机梯度下降（stochastic gradient descent）训练。\n\n";
        let filler = para.repeat(CHUNK / para.len() - 2);
        let fence = format!("```\n{}```\n\n", "x = 1\n\n".repeat(400));
        let one_line = "词".repeat(CHUNK / 3 - 100) + "。" + &"词".repeat(400);
        let no_stop = "词".repeat(CHUNK / 3 + 100);
        let table: Vec<(&str, String, Markup, usize)> = vec![
            ("short texts are one piece", "短文本。".to_string(), Markup::Plain, "短文本。".len()),
            ("after the last blank line", para.repeat(CHUNK / para.len() + 5), Markup::Markdown, {
                (CHUNK / para.len()) * para.len()
            }),
            ("before a fence that crosses the limit", filler.clone() + &fence, Markup::Markdown, filler.len()),
            ("plain text has no fences", filler.clone() + &fence, Markup::Plain, {
                let t = filler.clone() + &fence;
                t[..CHUNK].rfind("\n\n").unwrap() + 2
            }),
            (
                "after a sentence end on one long line",
                one_line.clone(),
                Markup::Plain,
                one_line.find('。').unwrap() + 3,
            ),
            ("at a character boundary", no_stop.clone(), Markup::Plain, CHUNK - CHUNK % 3),
        ];
        for (what, text, markup, want) in table {
            let end = chunk_end(&text, markup);
            assert_eq!(end, want, "{what}");
            assert!(end <= CHUNK && text.is_char_boundary(end), "{what}");
        }
    }
}
