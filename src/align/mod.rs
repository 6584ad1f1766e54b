//! Stage 3: find the Chinese equivalent that the text itself gives for an English candidate.
//!
//! Three kinds of evidence are read:
//!
//! * **Parenthetical glosses**, in either direction and with full- or half-width brackets and
//!   separators: `中文（English）`, `中文(English, ABBR)`, `中文（ABBR，English）`,
//!   `中文（ABBR）`, `English（中文）`, and between two English forms `Full Form (ABBR)` or an
//!   alias `GPT-4o（即 Omni）`.
//! * **Appositions**: `叫 X，就是/便是/即/也就是 Y`, `X，又称/也称/简称/即 Y`, `所谓 X，即 Y`,
//!   and a term beside its English only where the writer names it by both (a noun phrase
//!   opening its clause, or the reference's term): a verb, a negation, a quantifier or a
//!   modifier beside an English word is never its translation.
//! * **Acronyms** stated next to their full form, checked in the manner of Schwartz & Hearst
//!   (every letter of the acronym found in order in the full form, the first at a word start).
//!
//! Where the Chinese comes *before* the English, its left edge is not marked by anything but
//! meaning. [`Aligner`] segments a window before the gloss with jieba and considers every
//! suffix of its words that does not cross a function word (particles, prepositions,
//! pronouns, conjunctions, framing verbs such as 使用/称为, numerals with a measure word). An
//! emphasis or quotation that ends right before the bracket settles the question. Otherwise
//! each suffix is scored on how well its length fits the English (about two characters per
//! English word), on whether it reaches the natural boundary, and on how it recurs in the
//! whole input: a suffix that recurs on its own while the longer string around it occurs only
//! here is a unit, and the word to its left is context.
//!
//! [`brackets`] reads the glosses in brackets and [`apposition`] the naming constructions;
//! both leave the Chinese before the English to [`left`], which lists its possible left
//! boundaries, and [`score`] chooses among them once [`Aligner::resolve`] knows the counts.
//! [`words`] tells the function words that bound a term, [`scan`] reads the text around a
//! position. [`heads`] takes off a head noun the English lacks (序列转换模型 for `sequence
//! transduction`) and tells a label or a description from a translation (`M 模型`, 网络 for
//! a network's name); [`cover`] tells a term that covers too little of its English (显存 for
//! `memory footprint`) or is the Chinese of a shorter English inside it (the Chinese of `DQN`
//! for `noisy DQN`, in the reference or elsewhere in the input), which is then taken. The word lists are data files under `text/lexicon/chinese/`.

mod apposition;
mod brackets;
mod compose;
mod cover;
mod english;
mod heads;
mod left;
mod length;
mod letters;
mod names;
mod renders;
mod scan;
mod score;
mod words;

pub(crate) use compose::composed;

use left::LeftSite;

use crate::candidates::Candidate;
use crate::model::{Method, Span};
use crate::normalize::Document;
use crate::reference::Reference;
use crate::segment::Segmenter;
use crate::text::chars::is_cjk;
use crate::text::lexicon::chinese::NOT_GLOSS;
use crate::text::{abbreviates, is_acronym};
use brackets::{matching_close, Parts};
use english::Englishes;
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::HashSet;

/// One gloss found in the text: an English form with its Chinese and/or its acronym.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Gloss {
    /// The English form (the full form when both a full form and an acronym are given).
    pub english: Span,
    /// An acronym given together with the full form.
    pub abbreviation: Option<Span>,
    /// Another English name given as the same thing (`GPT-4o（即 Omni）`).
    pub alias: Option<Span>,
    /// The Chinese equivalent.
    pub chinese: Option<Span>,
    /// How the Chinese was found.
    pub method: Method,
    /// 0.0–1.0: how sure the aligner is of the Chinese (and its boundaries).
    pub confidence: f32,
    /// The whole construct, for choosing a context sentence.
    pub site: Span,
}

/// A Chinese ending in 的 longer than this many characters is listed without it (利普希茨连续
/// for 利普希茨连续的); a shorter one is no term without it (目的).
const MIN_DE_STRIPPED_CHARS: usize = 2;

/// The longest Chinese term, in characters, that the aligner considers.
const MAX_CHINESE_CHARS: usize = 16;
/// How far, in characters, the aligner looks back from a gloss for the Chinese term.
const WINDOW_CHARS: usize = 40;

/// A gloss whose Chinese still has to be chosen among several left boundaries.
#[derive(Clone, Debug)]
pub(crate) struct Pending {
    pub gloss: Gloss,
    pub left: Option<LeftSite>,
}

impl Pending {
    /// A gloss of `english` whose Chinese is one of `left`'s options, chosen later.
    fn awaiting(english: Span, method: Method, site: Span, left: LeftSite) -> Pending {
        let gloss = Gloss { english, abbreviation: None, alias: None, chinese: None, method, confidence: 0.0, site };
        Pending { gloss, left: Some(left) }
    }
}

/// What [`Aligner::find`] keeps while it reads one document.
struct Reading<'j> {
    /// Room for the parts of a bracket, for each bracket in turn.
    parts: Parts,
    /// The English forms read so far: a document glosses the same English many times.
    englishes: Englishes<'j>,
}

/// Finds glosses and resolves their Chinese boundaries.
pub(crate) struct Aligner<'j> {
    segmenter: &'j Segmenter,
    reference: &'j Reference,
    term_initial: &'j HashSet<String>,
    /// Keep a Chinese that the reference gives another concept as a name's (卷积神经网络
    /// before RNN): `check` reports it, a glossary leaves it out.
    keep_descriptions: bool,
}

impl<'j> Aligner<'j> {
    /// An aligner that segments with `jieba`, knows the terms of `reference`, and knows how
    /// its Chinese terms start (`term_initial`: the first two segmenter words of each, joined):
    /// a word tagged as a verb may start a term where it and the next word start a known one
    /// (反向 in 反向传播算法); other verbs (配置, 启用, 控制) rarely do.
    pub(crate) fn new(
        segmenter: &'j Segmenter,
        reference: &'j Reference,
        term_initial: &'j HashSet<String>,
    ) -> Aligner<'j> {
        Aligner { segmenter, reference, term_initial, keep_descriptions: false }
    }

    /// This aligner, keeping the Chinese that describes a name as its gloss (for `check`,
    /// which reports it).
    pub(crate) fn keeping_descriptions(self, keep: bool) -> Aligner<'j> {
        Aligner { keep_descriptions: keep, ..self }
    }

    /// Finds all glosses of a document. Chinese terms on the left of a gloss are resolved by
    /// [`resolve`](Self::resolve) once recurrence counts over all input are known.
    pub(crate) fn find(&self, doc: &Document<'_>, cands: &[Candidate<'_>]) -> Vec<Pending> {
        let view = doc.view();
        let mut out = Vec::new();
        let by_end: FxHashMap<usize, usize> = cands.iter().enumerate().map(|(i, c)| (c.span.end, i)).collect();
        let mut reading = Reading { parts: Vec::new(), englishes: Englishes::new(self.reference) };
        // Parentheses.
        // `(` is one byte and `（` starts with 0xEF, which starts no other bracket
        let bytes = view.as_bytes();
        for i in memchr::memchr2_iter(b'(', 0xEF, bytes) {
            if bytes[i] == b'(' || bytes[i..].starts_with("（".as_bytes()) {
                if let Some(close) = matching_close(view, i) {
                    self.parenthesis(doc, cands, &by_end, Span::new(i, close), &mut out, &mut reading);
                }
            }
        }
        // Appositions.
        for (ci, cand) in cands.iter().enumerate() {
            self.juxtaposition(doc, cand, &reading.englishes, &mut out);
            self.apposition_after(doc, cands, ci, &mut out);
            self.apposition_before(doc, cand, &reading.englishes, &mut out);
        }
        out
    }

    /// Chooses the Chinese of every pending gloss, given how often each option string occurs
    /// in the whole input. An option that another gloss of the input gives to a shorter
    /// English inside this one (深度Q网络 to DQN, then to noisy DQN) is taken.
    #[cfg(test)]
    pub(crate) fn resolve(pending: Vec<Pending>, view: &str, counts: &FxHashMap<&str, usize>) -> Vec<Gloss> {
        Self::resolve_keeping(pending, view, counts, false)
    }

    /// Whether this aligner keeps the Chinese that describes a name or labels several (for
    /// `check`, which reports it).
    pub(crate) fn keeps_descriptions(&self) -> bool {
        self.keep_descriptions
    }

    /// [`resolve`](Self::resolve), keeping the Chinese that brackets give to several unrelated
    /// names when `keep_labels` (for `check`, which reports one Chinese for two English).
    pub(crate) fn resolve_keeping(
        mut pending: Vec<Pending>,
        view: &str,
        counts: &FxHashMap<&str, usize>,
        keep_labels: bool,
    ) -> Vec<Gloss> {
        let first: Vec<Option<(usize, f32, bool)>> =
            pending.iter().map(|p| p.left.as_ref().map(|l| score::choose(l, view, counts))).collect();
        let forms = Forms::read(&pending, view);
        // each Chinese given, with the English (lowercased) it is given to: its full form and
        // its acronym (马尔可夫奖励过程 of MRP is not large MRP's)
        let acronyms: Vec<Option<String>> =
            pending.iter().map(|p| p.gloss.abbreviation.map(|a| view[a.range()].to_lowercase())).collect();
        let mut given: FxHashMap<&str, FxHashSet<&str>> = FxHashMap::default();
        for (((p, c), &f), acronym) in pending.iter().zip(&first).zip(&forms.of).zip(&acronyms) {
            let zh = match (&p.left, c) {
                (Some(l), Some((ix, _, _))) => Some(l.options[*ix].span),
                _ => p.gloss.chinese,
            };
            if let Some(zh) = zh {
                let englishes = given.entry(view[zh.range()].trim()).or_default();
                englishes.insert(&forms.lower[f]);
                englishes.extend(acronym.as_deref());
            }
        }
        let shared = if keep_labels { FxHashSet::default() } else { shared_labels(&pending, &first, view) };
        let mut labels = heads::Labels::default();
        let mut out = Vec::new();
        for ((p, c), &f) in pending.iter_mut().zip(first).zip(&forms.of) {
            let mut g = p.gloss.clone();
            let english = &view[g.english.range()];
            let mut known = false;
            let chinese_before = p.left.is_some();
            if let (Some(left), Some(mut choice)) = (p.left.as_mut(), c) {
                if take_given(left, view, &given) {
                    choice = score::choose(left, view, counts);
                }
                let (ix, conf, fits) = choice;
                let o = &left.options[ix];
                // 轴突（axons，输出通道）: the remark in the brackets stands where the term before
                // them does not fit
                let remark_kept = g.chinese.is_some() && (!fits || o.taken || o.other_concept);
                if !remark_kept {
                    if left.strict && !fits {
                        continue;
                    }
                    if o.taken {
                        continue; // every option is the Chinese of something shorter
                    }
                    if o.other_concept {
                        // 卷积神经网络（LeNet）: a description of a name, not its translation
                        g.chinese = None;
                        if g.abbreviation.is_none() && g.alias.is_none() {
                            continue;
                        }
                        out.push(g);
                        continue;
                    }
                    g.chinese = Some(transliterated_whole(view, o.span, english));
                    g.confidence = conf;
                    known = o.known;
                    g.site = Span::new(g.site.start.min(o.span.start), g.site.end);
                }
            }
            // 比如(tx，ty), 例如（Redis）: a word that introduces what brackets hold, alone before
            // them, translates nothing
            if g.chinese.is_some_and(|zh| NOT_GLOSS.contains(&view[zh.range()].trim())) {
                g.chinese = None;
                if g.abbreviation.is_none() && g.alias.is_none() {
                    continue;
                }
            }
            // Yasser Alsaied（物联网副总裁）: a person's job title, not the name's translation
            if g.chinese.is_some_and(|zh| names::is_role_of_person(&view[zh.range()], english)) {
                g.chinese = None;
                if g.abbreviation.is_none() && g.alias.is_none() {
                    continue;
                }
            }
            // Ashok Emani（英特尔）and Jiong Kong（英特尔）: one Chinese in brackets after English
            // that name unrelated things is what they are or where they work, not a translation
            // M 模型 as the role of a part, 网络 for a network's name: no translation
            if g.chinese.is_some_and(|zh| {
                g.method == Method::Parenthesis && shared.contains(view[zh.range()].trim())
                    || labels.is_label(&view[zh.range()], english)
            }) {
                g.chinese = None;
                if g.abbreviation.is_none() && g.alias.is_none() {
                    continue;
                }
            }
            // Linux（将来支持 macOS）: a Chinese that names another English is a remark about
            // the English, not its Chinese
            if g.chinese.is_some_and(|zh| {
                names_other_english(&view[zh.range()], english, g.abbreviation.map(|a| &view[a.range()]))
            }) {
                g.chinese = None;
                if g.abbreviation.is_none() && g.alias.is_none() {
                    continue;
                }
            }
            // 鸢尾花数据集(csv), 下载报告（PDF）: a file format in brackets after Chinese remarks on
            // the format of the thing, and the Chinese is not its name
            if chinese_before && g.chinese.is_some_and(|zh| names::is_format_remark(&view[zh.range()], english)) {
                g.chinese = None;
                if g.abbreviation.is_none() && g.alias.is_none() {
                    continue;
                }
            }
            // 批输入（DataSet）: a Chinese that renders neither a word nor the sounds of a coined
            // name says what the name is; listed only when given again
            // 工程总监（CTO）: an acronym described by words of other letters, and 连接类型（outer）:
            // known words none of which renders the English's, likewise
            if g.chinese.is_some_and(|zh| {
                let zh = &view[zh.range()];
                !known
                    && (names::is_coined_name(english) && !names::renders_name(zh, english)
                        || names::spells_other_letters(zh, english)
                        || names::renders_other_words(zh, english))
            }) {
                g.confidence = g.confidence.min(names::UNRENDERED_NAME_CONFIDENCE);
            }
            // ˌ钢性铸铁: a mark stuck to the edge of a term is no part of it
            if let Some(zh) = g.chinese.as_mut().filter(|zh| {
                let t = &view[zh.range()];
                !t.starts_with(is_cjk) || !t.ends_with(is_cjk)
            }) {
                let edge =
                    |c: char| !is_cjk(c) && !c.is_ascii_alphanumeric() && !c.is_whitespace() && !matches!(c, '+' | '#');
                let t = &view[zh.range()];
                let trimmed = t.trim_start_matches(edge);
                zh.start += t.len() - trimmed.len();
                zh.end = zh.start + trimmed.trim_end_matches(edge).len();
                if zh.is_empty() {
                    g.chinese = None;
                }
            }
            // 利普希茨连续的: a term is listed without the particle that makes it an attribute
            if let Some(zh) = g.chinese.as_mut() {
                let t = view[zh.range()].trim_end();
                if t.ends_with('的') && t.chars().count() > MIN_DE_STRIPPED_CHARS {
                    zh.end = zh.start + t.len() - '的'.len_utf8();
                }
            }
            // 代理 in brackets after "JavaScript Proxy": a gloss of a part of it; of a name
            // in title case, no gloss at all (早停 for early stopping may be a term's own)
            if g.chinese.is_some_and(|zh| {
                let zh = &view[zh.range()];
                cover::covers_little(length::text_chars(zh), forms.words[f])
            }) {
                g.confidence = g.confidence.min(score::COVERS_LITTLE_CONFIDENCE);
                if english.split(' ').all(|w| w.starts_with(|c: char| c.is_ascii_uppercase())) {
                    g.chinese = None;
                    if g.abbreviation.is_none() && g.alias.is_none() {
                        continue;
                    }
                }
            }
            out.push(g);
        }
        out
    }
}

/// Whether Chinese `zh` holds a number its `english` lacks, or a Latin word of two letters or
/// more that is no word of its `english` nor its `acronym` and abbreviates neither (`将来支持 macOS` for Linux; not
/// `JavaScript 对象表示法` for JavaScript Object Notation, `ReLU 函数` for rectified linear
/// unit); a word of an acronym's full form may stand in its Chinese (`多 Token 预测` for MTP).
fn names_other_english(zh: &str, english: &str, acronym: Option<&str>) -> bool {
    // (most Chinese holds no Latin, digit or plus)
    if !zh.bytes().any(|b| b.is_ascii_alphanumeric() || b == b'+') {
        return false;
    }
    let words = |s: &str| {
        s.split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_lowercase)
            .collect::<Vec<_>>()
    };
    let own: Vec<String> = words(english).into_iter().chain(acronym.map(words).unwrap_or_default()).collect();
    // (字符集+单词列表: a sum of things described)
    if zh.contains('+') && !english.contains('+') {
        return true;
    }
    // (a number too: 2019 年 2 月, 第 14 行 beside a name are a date and a place)
    // (and a version: 节点 v13 beside ESM)
    let number = |digits: &str| !english.contains(digits);
    zh.split(|c: char| !c.is_ascii_digit()).filter(|w| !w.is_empty()).any(number)
        || zh
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| w.bytes().filter(u8::is_ascii_alphabetic).count() >= 2)
            .any(|w| {
                let lower = w.to_ascii_lowercase();
                // (多 Token 预测 for MTP: a word of the acronym's full form starts with one of its letters)
                let of_acronym = is_acronym(english) && english.to_ascii_lowercase().contains(&lower[..1]);
                !own.contains(&lower)
                    && !abbreviates(w, english)
                    && !english.to_ascii_lowercase().contains(&lower)
                    && !of_acronym
            })
}

/// Characters that spell foreign names in Chinese (闵可夫斯基, 理查德, 贝尔曼): a segmenter
/// that does not know a name cuts it among them.
const TRANSLITERATION: &str = "阿埃艾奥巴拜贝鲍比彼毕波伯勃布达戴迪蒂丁杜顿多厄恩法菲费芬弗福盖戈格哈汉赫亨霍基吉加贾杰卡凯坎柯科克肯库奎拉莱兰朗劳勒雷里利莉列林卢鲁伦罗洛马玛迈麦曼梅蒙米闵莫默姆穆纳娜奈内尼纽努诺帕佩彭皮珀普齐奇乔切琴萨塞桑瑟森莎舍施斯索苏塔泰坦汤特滕提托瓦威韦维温沃乌西希谢辛休雅亚扬耶伊尤约泽扎詹兹佐夫尔可查德理";

/// A foreign name spelled in Chinese has at most this many characters before the term's
/// start...
const MAX_TRANSLITERATION_BEFORE: usize = 4;
/// ...and the whole name at least this many.
const MIN_TRANSLITERATED_NAME: usize = 3;

/// `span` widened to the left over the rest of a foreign name spelled in Chinese that it
/// starts inside (夫斯基距离 → 闵可夫斯基距离 for Minkowski Distance), when the English holds a
/// capitalised word that is no acronym.
fn transliterated_whole(view: &str, span: Span, english: &str) -> Span {
    let is_t = |c: char| TRANSLITERATION.contains(c);
    // a word that starts with a capital and a lowercase letter (Minkowski, not CNN or iOS)
    let b = english.as_bytes();
    let named = (0..b.len().saturating_sub(1)).any(|i| {
        b[i].is_ascii_uppercase() && b[i + 1].is_ascii_lowercase() && (i == 0 || matches!(b[i - 1], b' ' | b'-'))
    });
    if !named || !view[span.range()].starts_with(is_t) {
        return span;
    }
    let before: Vec<char> = view[..span.start].chars().rev().take(MAX_TRANSLITERATION_BEFORE + 1).collect();
    let n = before.iter().take_while(|c| is_t(**c)).count();
    let inside = view[span.range()].chars().take_while(|c| is_t(*c)).count();
    // (all of what comes before may not be the name's: then it is not widened)
    if n == 0 || n > MAX_TRANSLITERATION_BEFORE || n + inside < MIN_TRANSLITERATED_NAME {
        return span;
    }
    let width: usize = before[..n].iter().map(|c| c.len_utf8()).sum();
    Span::new(span.start - width, span.end)
}

/// The English forms of pending glosses, each read once: a piece glosses the same English
/// many times.
struct Forms {
    /// For each gloss, its form.
    of: Vec<usize>,
    /// Each form lowercased.
    lower: Vec<String>,
    /// The content words of each form ([`cover::content_words`]).
    words: Vec<usize>,
}

impl Forms {
    /// The forms of the English of each of `pending`, in `view`.
    fn read(pending: &[Pending], view: &str) -> Forms {
        let mut read: FxHashMap<&str, usize> = FxHashMap::default();
        let (mut lower, mut words) = (Vec::new(), Vec::new());
        let of = pending
            .iter()
            .map(|p| {
                *read.entry(&view[p.gloss.english.range()]).or_insert_with_key(|english| {
                    let l = english.to_lowercase();
                    words.push(cover::content_words(&l));
                    lower.push(l);
                    lower.len() - 1
                })
            })
            .collect();
        Forms { of, lower, words }
    }
}

/// A Chinese given to at most this many English is compared with each; given to more, the
/// English's sub-phrases are looked up among them.
const MAX_GIVEN_COMPARED: usize = 16;

/// One Chinese given to more English than this is a label whatever the English are.
const MAX_LABELLED_COMPARED: usize = 8;

/// The shortest word two English forms share to be related (`noisy DQN` and `DQN`).
const MIN_SHARED_WORD: usize = 3;

/// The Chinese that the input's first choices give in brackets to two names or more (each
/// word capitalised; one word only with more capitals or a digit: `Availability` and `AP`
/// may be glossed alike), each unrelated to the others (not one form, not
/// an acronym and its full form, no word shared): a label that brackets put after several
/// names (`（英特尔）` after two people, `（考试）` after two exam codes), not the translation
/// of each.
fn shared_labels<'v>(pending: &[Pending], first: &[Option<(usize, f32, bool)>], view: &'v str) -> FxHashSet<&'v str> {
    let mut by_chinese: FxHashMap<&str, Vec<&str>> = FxHashMap::default();
    for (p, c) in pending.iter().zip(first) {
        let zh = match (&p.left, c) {
            (Some(l), Some((ix, _, _))) => Some(l.options[*ix].span),
            _ => p.gloss.chinese,
        };
        if let (Some(zh), Method::Parenthesis) = (zh, p.gloss.method) {
            let english = &view[p.gloss.english.range()];
            let list = by_chinese.entry(view[zh.range()].trim()).or_default();
            if !list.contains(&english) && list.len() <= MAX_LABELLED_COMPARED {
                list.push(english);
            }
        }
    }
    let words = |e: &str| -> Vec<String> {
        e.split([' ', '-', '/']).filter(|w| w.len() >= MIN_SHARED_WORD).map(str::to_lowercase).collect()
    };
    let related = |a: &str, b: &str| {
        crate::text::key(a) == crate::text::key(b)
            || abbreviates(a, b)
            || abbreviates(b, a)
            || words(a).iter().any(|w| words(b).contains(w))
    };
    // (names, acronyms and codes only: terms in lowercase and capitalised words glossed alike
    // are inflections and synonyms more often than labelled, `serialized`, `serialization`)
    let name_like = |e: &str| {
        e.split(' ').all(|w| w.starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit()))
            && (e.contains(' ') || e.chars().skip(1).any(|c| c.is_ascii_uppercase() || c.is_ascii_digit()))
    };
    by_chinese
        .into_iter()
        .filter(|(_, es)| {
            es.len() >= 2
                && es.iter().all(|e| name_like(e))
                && (es.len() > MAX_LABELLED_COMPARED
                    || es.iter().enumerate().all(|(i, a)| es[i + 1..].iter().all(|b| !related(a, b))))
        })
        .map(|(zh, _)| zh)
        .collect()
}

/// Marks the options of `left` that the input gives (`given`) to a shorter English inside
/// its English; returns whether it marked any.
fn take_given(left: &mut LeftSite, view: &str, given: &FxHashMap<&str, FxHashSet<&str>>) -> bool {
    let mut marked = false;
    // the English's own sub-phrases, listed once where a Chinese is given to more English
    // than it has sub-phrases (one Chinese given to thousands: looked up, not compared)
    let mut phrases: Option<Vec<String>> = None;
    for o in left.options.iter_mut().filter(|o| !o.known && !o.taken) {
        let zh = view[o.span.range()].trim();
        let Some(englishes) = given.get(zh) else { continue };
        // KL 散度 given to KL too: the Chinese that keeps the shorter English in Latin and
        // adds to it is the longer one's (lowercased only once a shorter English is given)
        let mut lower: Option<String> = None;
        let mut kept_latin = |e: &str| lower.get_or_insert_with(|| zh.to_lowercase()).contains(e);
        let shorter_given = if englishes.len() <= MAX_GIVEN_COMPARED {
            englishes.iter().any(|e| cover::is_sub_phrase(e, &left.english) && !kept_latin(e))
        } else {
            let phrases = phrases.get_or_insert_with(|| cover::sub_phrases(&left.english));
            phrases.iter().any(|p| englishes.contains(p.as_str()) && !kept_latin(p))
        };
        if shorter_given {
            o.taken = true;
            marked = true;
        }
    }
    // (options are shortest first) a piece of the Chinese of a shorter English is no more
    // this one's than the whole: 奖励过程 inside 马尔可夫奖励过程 of MRP, for large MRP
    if let Some(last) = left.options.iter().rposition(|o| o.taken && !o.known) {
        for o in &mut left.options[..last] {
            o.taken = !o.known;
        }
    }
    marked
}

/// Whether the Chinese `chinese` is made of words that say other English than `english` (a
/// merge key: lowercase words) does: 电子数据交换 for enumerated dns information. For the
/// merge, which joins an acronym's rendering to a full form found elsewhere only if it may
/// render it.
pub(crate) fn says_other_words(chinese: &str, english: &str) -> bool {
    names::renders_other_words(chinese, english)
}

/// Whether `chinese` holds words the lists know, none of which renders a word of `english`
/// (a merge key: lowercase words): 长期支持 for linkedin top startups. For the merge, which
/// joins an acronym to a full form by initials alone only if nothing says they differ.
pub(crate) fn renders_none_of(chinese: &str, english: &str) -> bool {
    let words = names::known_words(chinese);
    !words.is_empty() && !words.iter().any(|w| renders::renders(w, english) == Some(true))
}

#[cfg(test)]
mod tests;
