//! Which sense a mined pair has in a text. A corpus glosses a short acronym in the sense of
//! its own field (`OU`, an organisational unit in cloud manuals, is a noise process in a
//! course on reinforcement learning), and an English term may be glossed in several senses
//! (`AR`: 自回归 and 增强现实). Such a mined pair is used only where the text itself shows
//! the sense: by the acronym's full form, or by one of the pair's Chinese terms, in an input
//! where the term occurs.

use super::ReferenceEntry;
use crate::model::{Entry, InputFacts, ReferenceFact};
use crate::text::chars::is_cjk;
use crate::text::key;

/// An acronym of at most this many letters stands for different things in different fields.
pub(crate) const MAX_AMBIGUOUS_ACRONYM: usize = 4;
/// An acronym has at least this many capitals (`OU`, `PoW`; `Hz` is a unit).
const MIN_ACRONYM_CAPITALS: usize = 2;

/// Where one of the reference's Chinese forms occurs: (input, its facts).
pub(crate) type Places<'f> = [(usize, &'f ReferenceFact)];

/// Whether a mined pair `r` for the entry `e` needs the text to show its sense: `e` is a
/// short acronym, or `r` has several senses.
pub(crate) fn ambiguous(e: &Entry, r: &ReferenceEntry) -> bool {
    r.mined.is_some() && (short_acronym(&e.english) || several_senses(&r.chinese))
}

/// Whether `english` is an acronym of at most [`MAX_AMBIGUOUS_ACRONYM`] letters and digits.
pub(crate) fn short_acronym(english: &str) -> bool {
    let capitals = english.chars().filter(char::is_ascii_uppercase).count();
    english.chars().all(|c| c.is_ascii_alphanumeric())
        && english.len() <= MAX_AMBIGUOUS_ACRONYM
        && capitals >= MIN_ACRONYM_CAPITALS
}

/// Whether two of the Chinese terms share no Chinese character: they render different
/// senses (自回归 and 增强现实), not one sense in two wordings (单页应用 and 单页面应用).
pub(crate) fn several_senses(chinese: &[String]) -> bool {
    let han = |z: &str| z.chars().filter(|&c| is_cjk(c)).collect::<Vec<char>>();
    let sets: Vec<Vec<char>> = chinese.iter().map(|z| han(z)).filter(|s| !s.is_empty()).collect();
    sets.iter().enumerate().any(|(i, a)| sets[i + 1..].iter().any(|b| !a.iter().any(|c| b.contains(c))))
}

/// The Chinese term of `r` that an input where `e` occurs uses (`places`: for each Chinese
/// term of `r` that some input uses, where), the first in `r`'s order.
pub(crate) fn chinese_shown<'a>(e: &Entry, places: &[(&'a str, &'a Places<'a>)]) -> Option<&'a str> {
    places.iter().find(|(_, list)| list.iter().any(|&(d, _)| occurs_in(e, d))).map(|&(z, _)| z)
}

/// Whether an input where `e` occurs writes the full form of the acronym that `r` is known
/// by (`r`'s English, when it has an acronym).
pub(crate) fn full_form_shown(e: &Entry, r: &ReferenceEntry, inputs: &[InputFacts]) -> bool {
    if r.abbreviation.is_none() {
        return false;
    }
    let full = key(&r.english);
    let mut last = None;
    e.occurrences.iter().any(|o| {
        // occurrences come in the order of the inputs: each input is looked at once
        let new = last != Some(o.source);
        last = Some(o.source);
        new && inputs.get(o.source).is_some_and(|i| i.forms.iter().any(|f| key(&f.text) == full))
    })
}

/// Whether `e` occurs in input `d`.
fn occurs_in(e: &Entry, d: usize) -> bool {
    let i = e.occurrences.partition_point(|o| o.source < d);
    e.occurrences.get(i).is_some_and(|o| o.source == d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_acronyms() {
        let table: &[(&str, bool)] = &[
            ("OU", true),
            ("ARM", true),
            ("PoW", true),
            ("CSPM", true),
            ("E2E", true),
            ("PCDOE", false), // five letters
            ("Hz", false),    // one capital: a unit
            ("arm", false),
            ("CI/CD", false),
            ("shadow deployment", false),
        ];
        for (english, want) in table {
            assert_eq!(short_acronym(english), *want, "{english}");
        }
    }

    #[test]
    fn senses() {
        let table: &[(&[&str], bool)] = &[
            (&["自回归", "增强现实"], true),
            (&["喷口", "螺栓"], true),
            (&["单页面应用程序", "单页应用程序"], false),
            (&["变换器", "转换器"], false),
            (&["谷歌云平台"], false),
            (&["Azure 资源管理器", "资源管理器"], false),
            (&["JSON", "令牌"], false), // a rendering without Chinese says nothing of senses
        ];
        for (chinese, want) in table {
            let chinese: Vec<String> = chinese.iter().map(|z| z.to_string()).collect();
            assert_eq!(several_senses(&chinese), *want, "{chinese:?}");
        }
    }
}
