//! Characters: which script a character belongs to, and full-width forms folded.

/// `text` safe to print on a terminal: control characters (a line break, an escape that
/// would start a colour or move the cursor) written as escapes (`\n`, `\u{1b}`).
pub(crate) fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(char::is_control) {
        return text.into();
    }
    text.chars().map(|c| if c.is_control() { c.escape_default().to_string() } else { c.to_string() }).collect()
}

/// Start of the char before byte `i` (which must be a char boundary > 0).
pub(crate) fn prev_char_start(s: &str, i: usize) -> usize {
    let mut j = i - 1;
    while !s.is_char_boundary(j) {
        j -= 1;
    }
    j
}

/// Whether `c` is a CJK ideograph (the script of the Chinese terms).
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}'
        | '\u{20000}'..='\u{2ebef}' | '〇')
}

/// Folds full-width ASCII (`（`, `，`, `Ａ`) and the ideographic space to half-width, for
/// comparisons. Other characters are returned unchanged.
pub(crate) fn fold(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// Whether the characters of `part` occur in `whole` in the same order, not necessarily side
/// by side (持续集成 in 持续自动集成).
pub(crate) fn in_order(part: impl IntoIterator<Item = char>, whole: impl IntoIterator<Item = char>) -> bool {
    let mut rest = whole.into_iter();
    part.into_iter().all(|c| rest.any(|w| w == c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_in_order() {
        assert!(in_order("持续集成".chars(), "持续自动集成".chars()));
        assert!(!in_order("集成持续".chars(), "持续自动集成".chars()));
        assert!(in_order("".chars(), "甲".chars()));
    }

    #[test]
    fn full_width_folds_to_half_width() {
        assert_eq!(fold('（'), '(');
        assert_eq!(fold('Ａ'), 'A');
        assert_eq!(fold('\u{3000}'), ' ');
        assert_eq!(fold('中'), '中');
    }

    #[test]
    fn printable_escapes_control_characters_only() {
        assert_eq!(printable("注意力 attention"), "注意力 attention");
        assert_eq!(printable("a\nb\u{1b}[31mc\t"), "a\\nb\\u{1b}[31mc\\t");
    }

    #[test]
    fn cjk() {
        assert!(is_cjk('中') && is_cjk('〇') && is_cjk('\u{20000}'));
        assert!(!is_cjk('A') && !is_cjk('（') && !is_cjk('。'));
    }
}
