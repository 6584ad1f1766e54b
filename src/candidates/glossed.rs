//! Whether an English run is glossed where it stands: the one test that the rules deciding
//! rows share, so that none of them imports another.

use crate::normalize::MARK;
use crate::text::chars::is_cjk;

/// Whether the English at `start..end` of `view` is glossed there: in brackets right after
/// Chinese (`多样（diverse）`), or right before brackets that open with Chinese
/// (`diverse（多样）`).
pub(super) fn is_glossed(view: &str, start: usize, end: usize) -> bool {
    let opens = |c: char| c == '(' || c == '（';
    // “Alley”（小巷）: a quotation mark may close the English before its gloss
    // (and emphasis, its marks read as MARK: `**借用**（*borrowing*）`)
    let mark = char::from(MARK);
    let after = view[end..].trim_start_matches(['”', '」', '』', '"', '’', mark]).trim_start_matches([' ', mark]);
    let mut a = after.chars();
    if a.next().is_some_and(opens) && a.next().is_some_and(is_cjk) {
        return true;
    }
    let before = view[..start].trim_end_matches(['“', '「', '『', '"', '‘', mark]).trim_end_matches([' ', mark]);
    let mut b = before.chars().rev();
    b.next().is_some_and(opens)
        && b.find(|&c| c != ' ' && c != char::from(MARK))
            .is_some_and(|c| is_cjk(c) || matches!(c, '”' | '」' | '』' | '》' | ')' | '）'))
}

#[cfg(test)]
mod tests {
    use super::super::found_in_markdown;

    #[test]
    fn a_word_emphasised_in_its_gloss_is_glossed() {
        // a general word stands as a term where it is glossed, emphasis or not
        for text in [
            "这叫做**借用**（*borrowing*），很常见。",
            "这叫做借用（borrowing），很常见。",
            "*borrowing*（借用）很常见。",
        ] {
            assert_eq!(found_in_markdown(text), ["borrowing"], "{text}");
        }
        assert!(found_in_markdown("这一步很 *borrowing*，不是术语。").is_empty());
    }
}
