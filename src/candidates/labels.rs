//! Letters used as labels: capitals glued to a classifier in a list of such labels
//! (`A型、B型、AB型`, `A组、B组、AB组`) name kinds by letter, not by an abbreviation. A list
//! holds one such label of a single letter at least; a list of acronyms (`UI组、QA组`) names
//! teams, and is left alone.

use crate::model::Span;

/// Classifiers that letters label kinds with (a blood type 型, a class 类, a grade 级, a
/// group 组).
const CLASSIFIERS: [char; 4] = ['型', '类', '级', '组'];

/// A label of letters has at most this many (`AB`).
const MAX_LABEL_LETTERS: usize = 2;

/// How far, in bytes, the other labels of a list are looked for on either side (some 16
/// characters of Chinese: an item may carry its value, `B型血为（0,1,0）`).
const LIST_NEAR_BYTES: usize = 48;

/// Words that join the items of a list (its punctuation is no letter or digit).
const SEPARATORS: [char; 2] = ['和', '或'];

/// Whether the candidate at `span` of `view` is a label of letters in a list of such labels
/// (see the [module docs](self)).
pub(super) fn is_letter_label(view: &str, span: Span) -> bool {
    let text = &view[span.range()];
    if text.len() > MAX_LABEL_LETTERS || !text.bytes().all(|b| b.is_ascii_uppercase()) {
        return false;
    }
    let Some(k) = view[span.end..].chars().next().filter(|c| CLASSIFIERS.contains(c)) else {
        return false;
    };
    let mut from = span.start.saturating_sub(LIST_NEAR_BYTES);
    while !view.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (span.end + k.len_utf8() + LIST_NEAR_BYTES).min(view.len());
    while !view.is_char_boundary(to) {
        to += 1;
    }
    // another label of a single letter with the same classifier, an item of the same list
    let near = &view[from..to];
    let own = span.start - from;
    near.char_indices().any(|(i, c)| {
        i != own
            && c.is_ascii_uppercase()
            && near[i + 1..].starts_with(k)
            && near[..i].chars().next_back().is_none_or(|p| SEPARATORS.contains(&p) || !p.is_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::super::assert_finds;

    #[test]
    fn letters_labelling_kinds_in_a_list_are_no_terms() {
        let table: &[(&str, &[&str])] = &[
            ("血型分为A型、B型、AB型和O型四种", &[]),
            ("实验分成 A组、B组、AB组，用 PCR 检测", &["PCR"]),
            ("债券评级有 C级、BB级、AA级", &[]),
            ("车型分 A类、B类和 SU类", &[]),
            ("编码后 A型血为（1,0,0），AB型血为（0,1,0）", &[]),
            // acronyms before a classifier with no single letter among them stay
            ("部门里有 UI组、QA组 和运维组", &["UI", "QA"]),
            ("招聘 AI类、ML类岗位", &["AI", "ML"]),
            ("RNA 型病毒和 DNA 型病毒", &["RNA", "DNA"]),
            // a letter with another classifier, or glued to Chinese, is no item of the list
            ("她是 A型血，组里还有 UI组", &["UI"]),
            ("分为甲A组和 QA组", &["QA"]),
        ];
        assert_finds(table);
    }
}
