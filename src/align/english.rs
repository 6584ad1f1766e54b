//! What the aligner reads from an English form before it looks at the Chinese: its lowercase,
//! the length its Chinese should have, the pieces that Chinese writes first (后 for `post-`),
//! the words that keep a function word inside the term (`end-to-end`, `and`), the head
//! nouns it has no word for, and what the reference knows of it and of its shorter phrases.
//!
//! None of it depends on where the English stands, and a piece of text glosses the same
//! English many times (an acronym at every use, a term beside each of its Chinese), so
//! [`Englishes`] reads each distinct form once per piece and hands out the same [`English`].

use super::cover::{content_words, sub_phrases};
use super::heads::foreign_heads;
use super::length::expected_chars;
use super::scan::has_infix;
use crate::reference::{Reference, ReferenceEntry};
use rustc_hash::FxHashMap;
use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

/// What the aligner reads from one English form.
pub(super) struct English<'j> {
    /// The form, lowercased.
    pub lower: String,
    /// The length in characters that the English suggests ([`expected_chars`]).
    pub expected: f32,
    /// Its last word is an adjective or a participle, or it is one word: a 的 before the
    /// gloss is not part of the term.
    pub ends_adjectival: bool,
    /// The form as written.
    written: String,
    /// The generic head nouns it has no word for ([`foreign_heads`]): read once a head noun
    /// ends the text before it.
    heads: OnceCell<Vec<&'static str>>,
    /// "to" inside (end-to-end 端到端): 到 is no stop.
    pub to_inside: bool,
    /// "and" or "or" inside: 与/和/及/或 are no stops.
    pub and_inside: bool,
    /// "per" inside (queries per second 每秒查询数).
    pub per: bool,
    /// A hyphen inside a word (read-write lock 读-写锁).
    pub hyphen_inside: bool,
    /// A word before its last is a participle (curiosity-driven reward).
    pub participle: bool,
    /// It opens with an adjective or a participle and has more words.
    pub opens_adjectival: bool,
    /// The Chinese of its prefix, which starts the term ([`prefix_chars`]).
    pub prefixes: &'static [&'static str],
    /// Its content words ([`content_words`]).
    pub words: usize,
    /// The reference's entry for it.
    pub known: Option<&'j ReferenceEntry>,
    /// Its [`sub_phrases`] that the reference knows, with their entries, in order: read
    /// only when an option is some entry's Chinese.
    sub_known: OnceCell<Vec<(String, &'j ReferenceEntry)>>,
    reference: &'j Reference,
}

impl<'j> English<'j> {
    /// Reads `english` (as written) against `reference`.
    pub(super) fn new(english: &str, reference: &'j Reference) -> English<'j> {
        let lower = english.to_lowercase();
        English {
            expected: expected_chars(english),
            ends_adjectival: ends_adjectival(&lower),
            written: english.to_string(),
            heads: OnceCell::new(),
            // (E2E, P2P: a 2 between letters of an acronym says "to")
            to_inside: has_infix(&lower, " to ") || has_infix(&lower, "-to-") || two_for_to(english),
            and_inside: COORDINATORS.iter().any(|w| has_infix(&lower, w)),
            per: has_infix(&lower, " per "),
            hyphen_inside: lower.split(' ').any(|t| t.trim_matches('-').contains('-')),
            participle: lower
                .split([' ', '-'])
                .rev()
                .skip(1)
                .any(|w| PARTICIPLE_ENDINGS.iter().any(|e| w.ends_with(e))),
            opens_adjectival: opens_adjectival(&lower),
            prefixes: prefix_chars(&lower),
            words: content_words(&lower),
            known: reference.get(&lower),
            sub_known: OnceCell::new(),
            reference,
            lower,
        }
    }

    /// The form as written.
    pub(super) fn written(&self) -> &str {
        &self.written
    }

    /// The generic head nouns the English has no word for ([`foreign_heads`]): read at the
    /// first call.
    pub(super) fn heads(&self) -> &[&'static str] {
        self.heads.get_or_init(|| foreign_heads(&self.written))
    }

    /// The shorter phrases inside the English that the reference knows, each with its
    /// entry, in the order of [`sub_phrases`]: read at the first call.
    pub(super) fn sub_known(&self) -> &[(String, &'j ReferenceEntry)] {
        self.sub_known.get_or_init(|| {
            sub_phrases(&self.lower).into_iter().filter_map(|p| self.reference.get(&p).map(|r| (p, r))).collect()
        })
    }
}

/// The [`English`] of each form met in one piece of text, read once.
pub(super) struct Englishes<'j> {
    reference: &'j Reference,
    read: RefCell<FxHashMap<String, Rc<English<'j>>>>,
}

impl<'j> Englishes<'j> {
    /// No form read yet; forms are read against `reference`.
    pub(super) fn new(reference: &'j Reference) -> Englishes<'j> {
        Englishes { reference, read: RefCell::default() }
    }

    /// What `english` (as written) tells, read at its first use.
    pub(super) fn get(&self, english: &str) -> Rc<English<'j>> {
        if let Some(e) = self.read.borrow().get(english) {
            return Rc::clone(e);
        }
        let e = Rc::new(English::new(english, self.reference));
        self.read.borrow_mut().insert(english.to_string(), Rc::clone(&e));
        e
    }
}

/// Whether `english` is an acronym with a 2 between letters that stands for "to" (E2E,
/// P2P, B2B).
fn two_for_to(english: &str) -> bool {
    let b = english.as_bytes();
    b.len() <= 5 && b.windows(3).any(|w| w[0].is_ascii_uppercase() && w[1] == b'2' && w[2].is_ascii_uppercase())
}

/// English words that coordinate two parts of one term: the Chinese keeps its 与/和/或
/// (a slash too: CI/CD 持续集成和持续部署).
const COORDINATORS: &[&str] = &[" and ", "-and-", " & ", " or ", "/"];

/// The Chinese that renders a piece of `english` (in lowercase) which Chinese writes before
/// the rest of the term: the prefix of a hyphenated word (`post-training` 后训练,
/// `non-stationary` 非平稳, `on-policy` 同策略), a first word that Chinese writes as a prefix
/// (`double DQN` 双深度Q网络, `partially observed` 部分可观测, `specific capacity` 比容量), or
/// the suffix of a hyphenated word that Chinese puts first (`model-based` 有模型,
/// `lock-free` 无锁).
fn prefix_chars(english: &str) -> &'static [&'static str] {
    let first = english.split([' ', '-', '/']).next().unwrap_or("");
    let by_word: &'static [&'static str] = match first {
        // specific capacity 比容量, specific heat 比热容: 比 is a preposition elsewhere
        "specific" => &["比"],
        "double" | "dual" | "twin" => &["双"],
        "triple" => &["三"],
        "single" => &["单"],
        "partially" | "partial" => &["部分"],
        // one-step TD 一步时序差分, two-stage 两阶段: a numeral with its measure word
        "one" => &["一"],
        "two" => &["两", "二"],
        "three" => &["三"],
        "fully" | "full" => &["完全", "全"],
        // next sentence prediction 下一句预测, previous token 上一个词元
        "next" => &["下"],
        "previous" => &["上", "前"],
        _ => &[],
    };
    if !by_word.is_empty() {
        return by_word;
    }
    if let Some((prefix, _)) = english.split_once('-') {
        let by_prefix: &'static [&'static str] = match prefix {
            "post" => &["后"],
            "pre" => &["预", "前"],
            "de" => &["去", "解"],
            "re" => &["重", "再"],
            "non" => &["非", "不", "无"],
            "un" => &["非", "不", "未", "无"],
            "semi" => &["半"],
            "multi" | "poly" => &["多"],
            "anti" | "counter" => &["反", "抗"],
            "co" => &["共", "协"],
            "sub" => &["子"],
            "super" | "hyper" => &["超"],
            "inter" => &["互", "间"],
            "intra" => &["内"],
            "self" | "auto" => &["自"],
            "bi" | "dual" => &["双"],
            "over" => &["过"],
            "under" => &["欠"],
            "meta" => &["元"],
            "micro" => &["微"],
            "half" => &["半"],
            "on" => &["同"],
            "off" => &["异", "离"],
            _ => &[],
        };
        if !by_prefix.is_empty() {
            return by_prefix;
        }
    }
    // depolarization 去极化, nonlinear 非线性, pretraining 预训练: a prefix glued to a word
    if let Some(chars) = GLUED_PREFIXES
        .iter()
        .find(|(p, _)| first.strip_prefix(p).is_some_and(|rest| rest.len() >= MIN_GLUED_REST))
        .map(|(_, c)| *c)
    {
        return chars;
    }
    let last_part = english.split(' ').find_map(|w| w.rsplit_once('-').map(|(_, s)| s)).unwrap_or("");
    match last_part {
        "based" => &["有", "基于"],
        "free" | "less" => &["免", "无"],
        // exploration-only 仅探索: the adverb of "only" comes first in Chinese
        "only" => &["仅", "只", "纯"],
        _ => &[],
    }
}

/// Prefixes glued to a word whose Chinese starts the term as a character of its own, and
/// those characters.
const GLUED_PREFIXES: [(&str, &[&str]); 10] = [
    ("de", &["去"]),
    ("non", &["非"]),
    ("un", &["无", "未", "非"]),
    ("pre", &["预"]),
    ("semi", &["半"]),
    ("multi", &["多"]),
    ("hyper", &["超"]),
    ("over", &["过"]),
    ("under", &["欠"]),
    ("micro", &["微"]),
];

/// A glued prefix counts before a word this long at least (`depolarization`, not `device`
/// or `deploy`).
const MIN_GLUED_REST: usize = 5;

/// Endings of an English adjective or participle: its Chinese may end in 的 (完全可观测的
/// for fully observed), which is then not part of the term.
const ADJECTIVE_ENDINGS: &[&str] = &["ed", "able", "ible", "ive", "ous", "ful", "less", "ic", "al", "ant", "ent"];

/// The shortest English word read as an adjective by its ending (not bed, need).
const ADJECTIVE_MIN_LEN: usize = 5;

/// Endings of English participles: a verb joined by 的 renders one (驱动的 for driven).
const PARTICIPLE_ENDINGS: &[&str] = &["ed", "ing", "en"];

/// Whether `english` (in lowercase) has two words or more and the first is an adjective or
/// a participle by its ending (expected reward, delayed update).
fn opens_adjectival(english: &str) -> bool {
    english.split_once(' ').is_some_and(|(first, _)| is_adjective_like(first))
}

/// Whether `word` is an adjective or a participle by its ending.
fn is_adjective_like(word: &str) -> bool {
    word.len() >= ADJECTIVE_MIN_LEN && !word.ends_with("eed") && ADJECTIVE_ENDINGS.iter().any(|e| word.ends_with(e))
}

/// Whether the last word of `english` (in lowercase) is an adjective or a participle by its
/// ending, or the whole English is one word.
pub(super) fn ends_adjectival(english: &str) -> bool {
    let last = english.rsplit([' ', '-']).next().unwrap_or("");
    !english.contains(' ') || is_adjective_like(last)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::heads::without_heads;
    use std::sync::LazyLock;

    /// The built-in reference, read once for all cases.
    static BUILTIN: LazyLock<Reference> = LazyLock::new(|| Reference::builtin().unwrap());

    /// Englishes of every kind the fields tell apart.
    const ENGLISHES: &[&str] = &[
        "end-to-end learning",
        "command-and-control server",
        "queries per second",
        "read-write lock",
        "curiosity-driven reward",
        "expected accumulated reward",
        "post-training",
        "double DQN",
        "noisy DQN",
        "model-based",
        "sequence transduction",
        "Sequence Transduction Model",
        "StyleGAN",
        "RLHF",
        "Large Language Models",
        "law of large numbers",
        "publish/subscribe",
        "GPT-4o",
        "convolutional neural network",
        "deep Q network",
        "idempotent",
        "",
    ];

    fn assert_same(a: &English<'_>, b: &English<'_>, english: &str) {
        assert_eq!(a.lower, b.lower, "{english}");
        assert_eq!(a.expected.to_bits(), b.expected.to_bits(), "{english}");
        let flags = |e: &English<'_>| {
            [e.ends_adjectival, e.to_inside, e.and_inside, e.per, e.hyphen_inside, e.participle, e.opens_adjectival]
        };
        assert_eq!(flags(a), flags(b), "{english}");
        assert_eq!(a.heads(), b.heads(), "{english}");
        assert_eq!(a.prefixes, b.prefixes, "{english}");
        assert_eq!(a.words, b.words, "{english}");
    }

    /// The phrases and entries `mark_known` looked up at every call.
    fn sub_known_as_first_written<'r>(lower: &str, reference: &'r Reference) -> Vec<(String, &'r ReferenceEntry)> {
        let mut out = Vec::new();
        for phrase in sub_phrases(lower) {
            let Some(r) = reference.get(&phrase) else { continue };
            out.push((phrase, r));
        }
        out
    }

    fn check(english: &str, reference: &Reference, englishes: &Englishes<'_>) {
        let slow = English::new(english, reference);
        // read anew, then from what was read, against a reading of its own
        for e in [englishes.get(english), englishes.get(english)] {
            assert_same(&e, &slow, english);
            assert_eq!(e.known, slow.known, "{english}");
            assert_eq!(e.sub_known(), sub_known_as_first_written(&slow.lower, reference).as_slice(), "{english}");
        }
    }

    #[test]
    fn an_english_read_once_tells_what_it_tells_when_read_anew() {
        let englishes = Englishes::new(&BUILTIN);
        for english in ENGLISHES {
            check(english, &BUILTIN, &englishes);
        }
        // (the reference knows some shorter phrases: the list is not empty by accident)
        let phrases = englishes.get("convolutional neural network");
        assert!(phrases.sub_known().iter().any(|(p, _)| p == "neural network"));
    }

    #[test]
    fn head_nouns_taken_off_as_first_written() {
        let texts = ["我们用一个查询改写模型", "采用了分片重平衡的方法", "加入了一个注意力汇聚层", "的模型", "模型"];
        for english in ENGLISHES {
            let heads = foreign_heads(english);
            for text in texts {
                for p0 in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                    assert_eq!(
                        without_heads(text, p0, || &heads),
                        crate::align::heads::tests::without_head_as_first_written(text, p0, english),
                        "{text} / {p0} / {english}"
                    );
                }
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
        #[test]
        fn any_english_read_once_tells_what_it_tells_when_read_anew(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "post", "Model", "to", "and", "per", "driven", "expected", "DQN", "Q", "network", "double",
                    "based", "free", "of", "4o", "É", " ", " ", "-", "/", "&",
                ]),
                0..8,
            )
        ) {
            let englishes = Englishes::new(&BUILTIN);
            check(&parts.concat(), &BUILTIN, &englishes);
        }
    }
}
