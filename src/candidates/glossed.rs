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
    let after = view[end..].trim_start_matches(['”', '」', '』', '"', '’']).trim_start_matches(' ');
    let mut a = after.chars();
    if a.next().is_some_and(opens) && a.next().is_some_and(is_cjk) {
        return true;
    }
    let before = view[..start].trim_end_matches(['“', '「', '『', '"', '‘']).trim_end_matches(' ');
    let mut b = before.chars().rev();
    b.next().is_some_and(opens)
        && b.find(|&c| c != ' ' && c != char::from(MARK))
            .is_some_and(|c| is_cjk(c) || matches!(c, '”' | '」' | '』' | '》' | ')' | '）'))
}
