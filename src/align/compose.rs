//! The Chinese of a multi-word English term that no one glosses, composed from the Chinese of
//! its words where the input writes it: `预测下一个词` for next-token prediction, knowing
//! 下一个词 for next token and 预测 for prediction. The Chinese of a word comes from the
//! reference (its entries for a word or a few words, never a name), from the input's own
//! glosses, and from the word lists beside this module (a single word). A composed Chinese
//! is each part's Chinese once, in the English order (with 的 or 之 between parts allowed) or
//! in the reverse order (a verb before its object: 预测下一个词; with 的 or 之 only where
//! the English says `of`), and stands on its own in the text: no Chinese word glued on
//! either side. Found per input, so that inputs read apart combine into the same glossary.

use super::renders::renderings_with_english;
use crate::model::{ComposedFact, FormFact, GlossFact};
use crate::reference::Reference;
use crate::text::key;
use rustc_hash::FxHashMap;

/// The fewest parts a composed term has: one part is a word's own Chinese.
const MIN_PARTS: usize = 2;
/// The most content words of a form composed: a longer phrase is rarely a term, and its
/// orders and splits grow fast.
const MAX_WORDS: usize = 4;
/// The most Chinese tried per part: the first ones the sources give.
const MAX_RENDERINGS: usize = 6;
/// Occurrences of a composed Chinese counted per input; more add nothing.
const COUNTED: usize = crate::model::facts::COUNTED_HITS;

/// English words that are not rendered by a part of their own.
const FUNCTION_WORDS: &[&str] = &["of", "for", "to", "in", "on", "at", "by", "with", "from", "via"];

/// Words of a phrase, not of a term: articles, determiners, conjunctions (`each element`,
/// `analyze the precision`, `encoder and decoder`).
const PHRASE_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "each", "every", "all", "some", "any", "this", "that", "these", "those", "multiple",
    "several", "many", "other",
];

/// Endings of a noun of an action, whose Chinese puts the verb first (`next-token prediction`,
/// 预测下一个词): only such a head may come first in the Chinese without a link.
const ACTION_ENDINGS: &[&str] = &["tion", "sion", "ment", "ing", "ance", "ence"];

/// What a word may add to a listed word and still be that word (`streams`, `streaming`):
/// a word that adds anything else (`assesse` after assess) is another word, or none.
const ADDED_ENDINGS: &[&str] =
    &["s", "es", "ed", "d", "ing", "ion", "ation", "al", "ment", "ity", "ive", "ness", "ly", "ic", "ize"];

/// Endings of a noun of an agent or tool (manager), which the Chinese of its verb (管理) does
/// not render.
const AGENT_ENDINGS: &[&str] = &["er", "or"];

/// The words that link a modifier and its head in Chinese.
const LINKS: &[&str] = &["", "的", "之"];

/// Characters that may stand beside a composed Chinese: particles, prepositions, pronouns,
/// measure words and localisers, which end or start no term.
const BOUNDARY_CHARS: &str =
    "的之了是在和与及或把被对将用为从向以于由等中上里内时后个种也都就并其这那该此各每让使给即称如所着过";

/// The composed Chinese of each English form of an input that its glosses leave without
/// Chinese and the reference does not know: `forms` its forms, `glosses` its glosses, `view`
/// its text.
pub(crate) fn composed(
    view: &str,
    forms: &[FormFact],
    glosses: &[GlossFact],
    reference: &Reference,
) -> Vec<ComposedFact> {
    let glossed: FxHashMap<String, Vec<&str>> = glosses
        .iter()
        .filter_map(|g| g.chinese.as_ref().map(|(z, _)| (key(&g.english), &**z)))
        .fold(FxHashMap::default(), |mut m, (k, z)| {
            let list: &mut Vec<&str> = m.entry(k).or_default();
            if !list.contains(&z) {
                list.push(z);
            }
            m
        });
    let mut present: FxHashMap<String, bool> = FxHashMap::default();
    let mut lower_view: Option<String> = None;
    let mut out = Vec::new();
    for f in forms {
        let Some(words) = content_words(&f.text) else { continue };
        if glossed.contains_key(&key(&f.text))
            || reference.get(&f.text).is_some()
            || reference.get_mined(&f.text).is_some()
        {
            continue;
        }
        let mut found: Vec<(String, usize, String)> = Vec::new();
        for parts in splits(&words) {
            let mut chinese: Vec<Vec<String>> = Vec::new();
            for p in &parts {
                let mut list = renderings(p, &glossed, reference);
                list.retain(|z| *present.entry(z.clone()).or_insert_with(|| view.contains(z.as_str())));
                if list.is_empty() {
                    break;
                }
                chinese.push(list);
            }
            if chinese.len() < parts.len() {
                continue;
            }
            let lower = f.text.to_ascii_lowercase();
            let of = lower.split([' ', '-']).any(|w| w == "of");
            let action = !of && words.last().is_some_and(|w| ACTION_ENDINGS.iter().any(|e| w.ends_with(e)));
            for picks in products(&chinese) {
                for (text, count) in written(view, &picks, of, action) {
                    if found.iter().all(|(z, _, _)| *z != text) {
                        let words = parts
                            .iter()
                            .zip(&picks)
                            .map(|(p, z)| format!("{} = {z}", p.join(" ")))
                            .collect::<Vec<_>>()
                            .join(", ");
                        found.push((text, count, words));
                    }
                }
            }
        }
        if !found.is_empty() && glued(lower_view.get_or_insert_with(|| view.to_ascii_lowercase()), &f.text) {
            continue;
        }
        out.extend(found.into_iter().map(|(chinese, count, words)| ComposedFact {
            english: f.text.clone(),
            chinese,
            count,
            words,
        }));
    }
    out
}

/// Whether `lower_view` (an input's text in ASCII lowercase) writes two neighbouring words of
/// `form` glued, joined or by an underscore (`CodePipeline`, `dataframe`, `web_worker` for code
/// pipeline, data frame, web worker): the term is then the name of a product, a type or an
/// interface, kept in English or given a Chinese of its own, and its words' Chinese is not
/// its Chinese.
fn glued(lower_view: &str, form: &str) -> bool {
    let words: Vec<String> = form.split([' ', '-']).filter(|w| !w.is_empty()).map(str::to_ascii_lowercase).collect();
    let letter = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
    words.windows(2).any(|pair| {
        ["", "_"].iter().any(|join| {
            let one = format!("{}{join}{}", pair[0], pair[1]);
            lower_view.match_indices(one.as_str()).any(|(at, m)| {
                let after = &lower_view[at + m.len()..];
                !letter(lower_view[..at].chars().next_back())
                    && !letter(after.strip_prefix('s').unwrap_or(after).chars().next())
            })
        })
    })
}

/// The content words of a form in lowercase, when it has from [`MIN_PARTS`] to
/// [`MAX_WORDS`] and is written in words: no digit, no acronym, none of [`PHRASE_WORDS`].
fn content_words(form: &str) -> Option<Vec<String>> {
    let mut words = Vec::new();
    for w in form.split([' ', '-']).filter(|w| !w.is_empty()) {
        let upper = w.chars().filter(char::is_ascii_uppercase).count();
        if !w.chars().all(|c| c.is_ascii_alphabetic()) || upper > 1 {
            return None;
        }
        let lower = w.to_ascii_lowercase();
        if PHRASE_WORDS.contains(&lower.as_str()) {
            return None;
        }
        if !FUNCTION_WORDS.contains(&lower.as_str()) {
            words.push(lower);
        }
    }
    (MIN_PARTS..=MAX_WORDS).contains(&words.len()).then_some(words)
}

/// Every split of the words into consecutive parts, at least [`MIN_PARTS`] of them.
fn splits(words: &[String]) -> Vec<Vec<Vec<String>>> {
    let cuts = words.len() - 1;
    (1u32..(1 << cuts))
        .map(|mask| {
            let mut parts = vec![vec![words[0].clone()]];
            for (i, w) in words.iter().enumerate().skip(1) {
                if mask & (1 << (i - 1)) != 0 {
                    parts.push(vec![w.clone()]);
                } else if let Some(last) = parts.last_mut() {
                    last.push(w.clone());
                }
            }
            parts
        })
        .collect()
}

/// The Chinese of a part: the input's glosses of it; else the reference's (not a name's);
/// else, for one word, the word lists', unless they give it several senses.
fn renderings(part: &[String], glossed: &FxHashMap<String, Vec<&str>>, reference: &Reference) -> Vec<String> {
    let english = part.join(" ");
    let mut list: Vec<String> = Vec::new();
    let mut add = |z: &str| {
        if !z.is_empty() && z.chars().all(crate::text::is_cjk) && !list.iter().any(|l| l == z) {
            list.push(z.to_string());
        }
    };
    if let Some(zs) = glossed.get(&key(&english)) {
        zs.iter().for_each(|z| add(z));
    } else if let Some(r) = [reference.get(&english), reference.get_mined(&english)].into_iter().flatten().next() {
        if r.category != Some(crate::Category::Name) {
            r.chinese.iter().for_each(|z| add(z));
        }
    } else if let [word] = part {
        // not the verb's Chinese for its agent (管理 for manager); not an opening (运行 for
        // runtime) where a longer Chinese of the lists renders the whole word (运行时); nor
        // the Chinese of a longer word that this one cuts short (virt, fail for failure)
        let agent = |w: &str| AGENT_ENDINGS.iter().any(|e| w.ends_with(e));
        let listed: Vec<(&str, bool)> = renderings_with_english(word)
            .filter(|(w, _, _)| agent(w) == agent(word) && !(w.len() > word.len() && w.starts_with(word.as_str())))
            .filter(|(w, _, _)| same_word(w, word))
            .map(|(_, z, opening)| (z, opening))
            .collect();
        for &(z, opening) in &listed {
            if !opening || !listed.iter().any(|&(l, o)| !o && l.len() > z.len() && l.starts_with(z)) {
                add(z);
            }
        }
        // a word of several senses (tab: 制表符, 选项卡) is not composed from the lists
        let apart = |a: &String, b: &String| !a.chars().any(|c| b.contains(c));
        if list.iter().any(|a| list.iter().any(|b| apart(a, b))) {
            return Vec::new();
        }
    }
    list.truncate(MAX_RENDERINGS);
    list
}

/// Whether `word` is the listed word `w` or adds one of [`ADDED_ENDINGS`] (and a plural
/// `s`) to what it shares with it: streaming for stream, sharing for share, not assesse for
/// assessment.
fn same_word(w: &str, word: &str) -> bool {
    let common = w.bytes().zip(word.bytes()).take_while(|(a, b)| a == b).count();
    let rest = &word[common..];
    let rest = rest.strip_suffix('s').filter(|r| !r.is_empty()).unwrap_or(rest);
    w == word
        || rest.is_empty()
        || rest == "s"
        || ADDED_ENDINGS.contains(&rest)
        || ADDED_ENDINGS.contains(&&word[common..])
}

/// Every choice of one Chinese per part.
fn products(chinese: &[Vec<String>]) -> Vec<Vec<String>> {
    chinese.iter().fold(vec![Vec::new()], |acc, list| {
        acc.iter().flat_map(|pre| list.iter().map(move |z| [pre.clone(), vec![z.clone()]].concat())).collect()
    })
}

/// The Chinese composed of `picks` that `view` writes standing on its own, with how often:
/// in the English order with a link or none between parts; in the reverse order with a link
/// where the English says `of` (the `X of Y` is Y 的 X), with none where its head is an
/// `action` (the verb before its object).
fn written(view: &str, picks: &[String], of: bool, action: bool) -> Vec<(String, usize)> {
    let reversed: Vec<String> = picks.iter().rev().cloned().collect();
    let reversed_links: &[&str] = match (of, action) {
        (true, _) => &LINKS[1..],
        (false, true) => &LINKS[..1],
        (false, false) => &[],
    };
    let mut out: Vec<(String, usize)> = Vec::new();
    for (order, links) in [(picks.to_vec(), LINKS), (reversed, reversed_links)] {
        for link in links {
            let text = order.join(link);
            let count = standing(view, &text);
            if count > 0 && !out.iter().any(|(t, _)| *t == text) {
                out.push((text, count));
            }
        }
    }
    out
}

/// How often `view` writes `text` with no Chinese word glued on either side (up to
/// [`COUNTED`]).
fn standing(view: &str, text: &str) -> usize {
    let free = |c: Option<char>| c.is_none_or(|c| !crate::text::is_cjk(c) || BOUNDARY_CHARS.contains(c));
    view.match_indices(text)
        .filter(|&(at, m)| free(view[..at].chars().next_back()) && free(view[at + m.len()..].chars().next()))
        .take(COUNTED)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_words_of_forms() {
        let table: &[(&str, Option<&[&str]>)] = &[
            ("next-token prediction", Some(&["next", "token", "prediction"])),
            ("rate of learning", Some(&["rate", "learning"])),
            ("attention", None),
            ("GPU memory", None),
            ("Llama 3", None),
            ("encoder and decoder", None),
            ("each element", None),
            ("analyze the precision", None),
            ("a b c d e", None),
        ];
        for (form, want) in table {
            let got = content_words(form);
            assert_eq!(
                got.as_deref().map(|w| w.iter().map(String::as_str).collect::<Vec<_>>()),
                want.map(<[&str]>::to_vec),
                "{form}"
            );
        }
    }

    #[test]
    fn words_that_are_a_listed_word() {
        let table: &[(&str, &str, bool)] = &[
            ("stream", "streaming", true),
            ("interact", "interactions", true),
            ("share", "sharing", true),
            ("assessment", "assesse", false),
            ("data", "data", true),
        ];
        for (w, word, want) in table {
            assert_eq!(same_word(w, word), *want, "{w} / {word}");
        }
    }

    #[test]
    fn words_glued_elsewhere_make_a_name() {
        let table: &[(&str, &str, bool)] = &[
            ("我们把任务交给 web worker 处理，见 Web_Worker 一节。", "web worker", true),
            ("用 CodePipeline 搭建流水线；code pipeline 会自动部署。", "code pipeline", true),
            ("把数据读成 dataframes，再对 data frame 分组。", "data frame", true),
            ("cloud query policy 写在 cloudquery 的配置里。", "cloud query policy", true),
            ("先做 feature learning，再用学到的特征分类。", "feature learning", false),
            ("见 mydataframe 变量：data frame 的用法。", "data frame", false),
            ("见 dataframework 一节：data frame 的用法。", "data frame", false),
            ("next-token prediction 与 nexttoken 无关。", "next-token prediction", true),
        ];
        for (view, form, want) in table {
            assert_eq!(glued(&view.to_ascii_lowercase(), form), *want, "{view} / {form}");
        }
    }

    #[test]
    fn standing_alone() {
        let table: &[(&str, &str, usize)] = &[
            ("模型要做的是预测下一个词。", "预测下一个词", 1),
            ("模型会预测下一个词", "预测下一个词", 0), // a verb before it: 会预测 may be one word
            ("预测下一个词元", "预测下一个词", 0),
            ("可预测下一个词", "预测下一个词", 0),
            ("在预测下一个词时，预测下一个词", "预测下一个词", 2),
        ];
        for (view, text, want) in table {
            assert_eq!(standing(view, text), *want, "{view} / {text}");
        }
    }
}
