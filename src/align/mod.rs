//! Stage 3: find the Chinese equivalent that the text itself gives for an English candidate.
//!
//! Three kinds of evidence are read:
//!
//! * **Parenthetical glosses**, in either direction and with full- or half-width brackets and
//!   separators: `中文（English）`, `中文(English, ABBR)`, `中文（ABBR，English）`,
//!   `中文（ABBR）`, `English（中文）`, and between two English forms `Full Form (ABBR)` or an
//!   alias `GPT-4o（即 Omni）`.
//! * **Appositions**: `叫 X，就是/便是/即/也就是 Y`, `X，又称/也称/简称/即 Y`, `所谓 X，即 Y`.
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

use crate::candidates::Candidate;
use crate::model::{Method, Span};
use crate::normalize::{Document, MarkKind, HARD, MARK};
use crate::reference::Reference;
use crate::segment::Segmenter;
use crate::text::chars::{fold, is_cjk, prev_char_start};
use crate::text::lexicon::chinese::{
    ACRONYM_APPOSITION, APPOSITION_STRONG, APPOSITION_WEAK, GLOSS_PREFIXES, GLOSS_PREFIXES_BEFORE_CHINESE, LOCALITY,
    NAMING, NOT_GLOSS, STOP_WORDS, TAKES_OBJECT,
};
use crate::text::lexicon::is_function_word;
use crate::text::{abbreviates, is_acronym};
use rustc_hash::{FxHashMap, FxHashSet};

use std::collections::HashSet;

/// One gloss found in the text: an English form with its Chinese and/or its acronym.
#[derive(Clone, Debug, PartialEq)]
pub struct Gloss {
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

/// The longest Chinese term, in characters, that the aligner considers.
pub const MAX_CHINESE_CHARS: usize = 16;
/// How far, in characters, the aligner looks back from a gloss for the Chinese term.
pub const WINDOW_CHARS: usize = 40;

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

/// The possible Chinese terms ending at one place, shortest first.
#[derive(Clone, Debug)]
pub(crate) struct LeftSite {
    pub options: Vec<Choice>,
    /// An emphasis or quotation ending at the gloss: its content.
    marked: Option<Span>,
    /// The length in characters that the English suggests.
    expected: f32,
    /// The English, lowercased.
    english: String,
    /// Keep the gloss only if the chosen term reaches its natural boundary and fits the
    /// English's length (for glosses without brackets or keywords).
    strict: bool,
}

impl LeftSite {
    /// The options whose recurrence [`choose`] weighs: those of two characters or more, where
    /// there is a choice to make (two options or more, and no marked term).
    pub(crate) fn weighed(&self) -> impl Iterator<Item = &Choice> {
        let choice = self.marked.is_none() && self.options.len() >= 2;
        self.options.iter().filter(move |o| choice && o.chars >= 2.0)
    }
}

/// One possible Chinese term.
#[derive(Clone, Debug)]
pub(crate) struct Choice {
    pub span: Span,
    /// Characters, a Latin word counting two.
    chars: f32,
    /// Chinese characters.
    cjk: usize,
    /// Starts with a plain verb and has three words or more.
    verb_start: bool,
    /// Starts with a verb followed by one long dictionary word.
    verb_object: bool,
    /// Starts with a one-character verb.
    one_char_verb: bool,
    /// Is the reference's Chinese for the English.
    known: bool,
    /// Its left edge is a function word, punctuation or markup.
    at_stop: bool,
}

impl Choice {
    fn new(span: Span, text: &str, verb_start: bool, at_stop: bool) -> Choice {
        Choice::measured(span, (cjk_count(text), text_chars(text)), verb_start, at_stop)
    }

    /// A choice whose Chinese characters and [`text_chars`] are known.
    fn measured(span: Span, (cjk, chars): (usize, f32), verb_start: bool, at_stop: bool) -> Choice {
        Choice { span, chars, cjk, verb_start, verb_object: false, one_char_verb: false, known: false, at_stop }
    }
}

/// How much a plain verb at the start of a longer option counts against it. jieba tags many
/// term-initial words as verbs (反向代理, 负载均衡, 生成对抗网络), so only a little.
const VERB_START_PENALTY: f32 = 0.1;

/// Characters that jieba tags as verbs but that start terms as prefixes: 无锚框, 欠拟合.
const PREFIX_CHARS: &str = "无非反超欠过自预逆多单双半全伪准可";

/// Characters that end words as suffixes (可见性, 正则化, 召回率): a word never starts with them.
const BOUND_SUFFIXES: &[char] = &['性', '化', '率', '度', '者', '器', '式', '型', '法', '量', '值'];

/// Function characters that jieba sometimes glues to the first character of a term.
const GLUED_STOPS: &[char] =
    &['做', '把', '被', '将', '给', '叫', '是', '让', '和', '与', '或', '及', '从', '为', '以', '成'];

/// Whether the part of speech alone makes `word` a function word.
fn pos_stop(word: &str, tag: &str) -> bool {
    matches!(tag, "uj" | "ul" | "uz" | "uv" | "ud" | "p" | "c" | "r" | "rr" | "rz" | "y" | "e" | "o" | "w")
        && word.chars().count() <= 2
        && word != "自"
}

fn is_stop(word: &str, tag: &str) -> bool {
    static STOP_SET: std::sync::LazyLock<FxHashSet<&'static str>> =
        std::sync::LazyLock::new(|| STOP_WORDS.iter().copied().collect());
    if STOP_SET.contains(word) {
        return true;
    }
    let mut cs = word.chars();
    if let (Some(a), Some(b), None) = (cs.next(), cs.next(), cs.next()) {
        if a == b && tag.starts_with('v') {
            return true; // 聊聊, 看看: a reduplicated verb
        }
    }
    if word.chars().count() <= 3 && word.ends_with('个') {
        return true; // 算个, 这个, 同一个: a measure word ends the term
    }
    let t = tag.as_bytes();
    match t.first() {
        Some(b'u') if tag == "ug" => false, // 过 also starts 过拟合
        _ if word == "自" => false,         // 自编码器, 自监督学习
        _ if matches!(
            tag,
            "uj" | "ul" | "uz" | "uv" | "ud" | "p" | "c" | "r" | "rr" | "rz" | "y" | "e" | "o" | "w"
        ) =>
        {
            // particles, prepositions, conjunctions, pronouns, modal particles, interjections
            word.chars().count() <= 2
        }
        Some(b'm') => {
            // numerals with a measure word: 一个, 三层, 每一
            let (first, last) = (word.chars().next(), word.chars().next_back());
            word.chars().nth(1).is_some()
                && first.is_some_and(|c| "一二三四五六七八九十两几每百千万数".contains(c) || c.is_ascii_digit())
                && last.is_some_and(|c| "个种类些次层条块位名台张项组份段篇部点步".contains(c))
        }
        _ => false,
    }
}

/// Finds glosses and resolves their Chinese boundaries.
pub struct Aligner<'j> {
    segmenter: &'j Segmenter,
    reference: &'j Reference,
    term_initial: &'j HashSet<String>,
}

fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..)?.chars().next()
}

fn char_before(s: &str, i: usize) -> Option<char> {
    if i == 0 {
        None
    } else {
        s[..i].chars().next_back()
    }
}

fn is_open(c: char) -> bool {
    matches!(c, '(' | '（')
}
fn is_close(c: char) -> bool {
    matches!(c, ')' | '）')
}
fn is_separator(c: char) -> bool {
    matches!(fold(c), ',' | ';' | '、' | '；' | '，')
}
fn is_space(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\u{3000}' || c == '\u{a0}'
}

/// Skips spaces and markup bytes backwards from `i`.
fn skip_back(view: &str, mut i: usize, marks: bool) -> usize {
    while let Some(c) = char_before(view, i) {
        if is_space(c) || (marks && c as u32 == MARK as u32) {
            i -= c.len_utf8();
        } else {
            break;
        }
    }
    i
}

/// Skips spaces and markup bytes forwards from `i`.
fn skip_fwd(view: &str, mut i: usize, marks: bool) -> usize {
    while let Some(c) = char_at(view, i) {
        if is_space(c) || (marks && c as u32 == MARK as u32) {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

fn trim_span(view: &str, s: Span) -> Span {
    let start = skip_fwd(view, s.start, true).min(s.end);
    let end = skip_back(view, s.end, true).max(start);
    Span::new(start, end)
}

fn cjk_count(s: &str) -> usize {
    s.chars().filter(|&c| is_cjk(c)).count()
}

/// The Chinese characters that render the prefix of a hyphenated English word
/// (`post-training` 后训练, `non-stationary` 非平稳) or a first word that Chinese writes as a
/// prefix (`specific capacity` 比容量), for `english` in lowercase.
fn prefix_chars(english: &str) -> &'static [&'static str] {
    // specific capacity 比容量, specific heat 比热容: 比 is a preposition elsewhere
    if english.split_once(' ').is_some_and(|(first, _)| first == "specific") {
        return &["比"];
    }
    let Some((prefix, _)) = english.split_once('-') else { return &[] };
    match prefix {
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
        _ => &[],
    }
}

/// The number of characters a Chinese rendering of `english` is expected to have.
fn expected_chars(english: &str) -> f32 {
    if is_acronym(english) {
        let letters = english.chars().filter(|c| c.is_ascii_alphabetic()).count();
        return (letters as f32 * 1.7).clamp(2.0, 8.0);
    }
    // long English words are often compounds: backpropagation 反向传播, consistency 一致性;
    // a short part of a hyphenated word is often one character: 后训练 post-training, 多因素
    // multi-factor, 低秩 low-rank, 微调 fine-tuning
    let mut chars = 0.0f32;
    for token in split_ascii(english, b" /") {
        let hyphenated = token.contains('-');
        for w in split_ascii(token, b"-") {
            if w.is_empty() || is_function_word(w) {
                continue;
            }
            chars += if hyphenated && w.len() <= 5 && w.bytes().all(|b| b.is_ascii_alphabetic()) {
                1.2
            } else if let Some(humps) = camel_humps(w) {
                // CamelCase names are compounds too: ResNet 残差网络, DenseNet 稠密连接网络
                2.0 * (humps + 1).min(4) as f32
            } else {
                match w.chars().count() {
                    0..=6 => 2.0,
                    7..=12 => 2.5,
                    _ => 3.5,
                }
            };
        }
    }
    chars.clamp(2.0, 12.0)
}

/// The first of `words` that `s` starts with. (Slice comparison calls `memcmp` each time;
/// these lists are scanned at every candidate, and most words differ in their first bytes.)
fn prefix_in<'w>(s: &str, words: &[&'w str]) -> Option<&'w str> {
    words.iter().copied().find(|w| starts_with(s.as_bytes(), w.as_bytes()))
}

/// The first of `words` that `s` ends with.
fn suffix_in<'w>(s: &str, words: &[&'w str]) -> Option<&'w str> {
    words.iter().copied().find(|w| s.len() >= w.len() && starts_with(&s.as_bytes()[s.len() - w.len()..], w.as_bytes()))
}

/// `s.starts_with(w)`, byte by byte.
fn starts_with(s: &[u8], w: &[u8]) -> bool {
    s.len() >= w.len() && s.iter().zip(w).all(|(a, b)| a == b)
}

/// Whether `s` contains `infix`: a plain scan, cheaper than a substring search for the short
/// strings it serves.
fn has_infix(s: &str, infix: &str) -> bool {
    let (s, infix) = (s.as_bytes(), infix.as_bytes());
    let Some(&first) = infix.first() else { return true };
    (0..s.len()).any(|i| s[i] == first && starts_with(&s[i..], infix))
}

/// The parts of `s` between the ASCII bytes `seps`.
fn split_ascii<'s>(s: &'s str, seps: &'static [u8]) -> impl Iterator<Item = &'s str> {
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let r = rest?;
        // an ASCII byte is a whole character: the parts are whole characters
        match r.bytes().position(|b| seps.contains(&b)) {
            Some(p) => {
                rest = Some(&r[p + 1..]);
                Some(&r[..p])
            }
            None => rest.take(),
        }
    })
}

/// The capitals after the first letter of a CamelCase word that has some (`ResNet`: 1), or
/// `None`.
fn camel_humps(w: &str) -> Option<usize> {
    let b = w.as_bytes();
    if !b.first().is_some_and(u8::is_ascii_uppercase) || !b.iter().any(u8::is_ascii_lowercase) {
        return None;
    }
    let humps = b[1..].iter().filter(|c| c.is_ascii_uppercase()).count();
    (humps >= 1).then_some(humps)
}

fn text_chars(s: &str) -> f32 {
    // Latin words count as two characters, like the Chinese word they usually stand for.
    let mut n = 0.0;
    let mut in_word = false;
    for c in s.chars() {
        if is_cjk(c) {
            n += 1.0;
            in_word = false;
        } else if c.is_alphanumeric() {
            if !in_word {
                n += 2.0;
            }
            in_word = true;
        } else {
            in_word = false;
        }
    }
    n
}

impl<'j> Aligner<'j> {
    /// An aligner that segments with `jieba`, knows the terms of `reference`, and knows how
    /// its Chinese terms start (`term_initial`: the first two segmenter words of each, joined):
    /// a word tagged as a verb may start a term where it and the next word start a known one
    /// (反向 in 反向传播算法); other verbs (配置, 启用, 控制) rarely do.
    pub fn new(segmenter: &'j Segmenter, reference: &'j Reference, term_initial: &'j HashSet<String>) -> Aligner<'j> {
        Aligner { segmenter, reference, term_initial }
    }

    /// Finds all glosses of a document. Chinese terms on the left of a gloss are resolved by
    /// [`resolve`](Self::resolve) once recurrence counts over all input are known.
    pub(crate) fn find(&self, doc: &Document<'_>, cands: &[Candidate<'_>]) -> Vec<Pending> {
        let view = doc.view();
        let mut out = Vec::new();
        let by_end: FxHashMap<usize, usize> = cands.iter().enumerate().map(|(i, c)| (c.span.end, i)).collect();
        // the parts of a bracket, for each bracket in turn
        let mut parts = Vec::new();
        // Parentheses.
        // `(` is one byte and `（` starts with 0xEF, which starts no other bracket
        let bytes = view.as_bytes();
        for i in memchr::memchr2_iter(b'(', 0xEF, bytes) {
            if bytes[i] == b'(' || bytes[i..].starts_with("（".as_bytes()) {
                if let Some(close) = matching_close(view, i) {
                    self.parenthesis(doc, cands, &by_end, Span::new(i, close), &mut out, &mut parts);
                }
            }
        }
        // Appositions.
        for (ci, cand) in cands.iter().enumerate() {
            self.juxtaposition(doc, cand, &mut out);
            self.apposition_after(doc, cands, ci, &mut out);
            self.apposition_before(doc, cand, &mut out);
        }
        out
    }

    fn parenthesis(
        &self,
        doc: &Document<'_>,
        cands: &[Candidate<'_>],
        by_end: &FxHashMap<usize, usize>,
        paren: Span,
        out: &mut Vec<Pending>,
        parts: &mut Vec<(Span, bool)>,
    ) {
        let view = doc.view();
        let open_len = char_at(view, paren.start).map_or(1, char::len_utf8);
        let close_len = char_at(view, paren.end).map_or(1, char::len_utf8);
        let inner = Span::new(paren.start + open_len, paren.end);
        let site = Span::new(paren.start, paren.end + close_len);
        // Split the content into parts at separators.
        // 或/或者/or between two English forms separates alternatives: （mean或average）
        // (the parts trimmed and their prefixes stripped, the empty ones dropped)
        parts.clear();
        let part = |p: Span, parts: &mut Vec<(Span, bool)>| {
            let (p, prefixed) = strip_prefix(view, trim_span(view, p));
            if !p.is_empty() {
                parts.push((p, prefixed));
            }
        };
        let mut s = inner.start;
        let inner_text = &view[inner.range()];
        let mut skip_to = 0;
        for (i, c) in inner_text.char_indices() {
            if i < skip_to {
                continue;
            }
            let alternative = (c == '或' || c == ' ')
                .then(|| ["或者", "或", " or "].iter().find(|w| inner_text[i..].starts_with(*w)))
                .flatten()
                .filter(|w| {
                    let before = inner_text[..i].chars().next_back();
                    let after = inner_text[i + w.len()..].chars().next();
                    before.is_some_and(|b| b.is_ascii_alphanumeric() || b == ' ')
                        && after.is_some_and(|a| a.is_ascii_alphanumeric() || a == ' ')
                });
            if is_separator(c) || alternative.is_some() {
                let len = alternative.map_or(c.len_utf8(), |w| w.len());
                part(Span::new(s, inner.start + i), parts);
                s = inner.start + i + len;
                skip_to = i + len;
            }
        }
        part(Span::new(s, inner.end), parts);
        let parts = &parts[..];
        let Some(&(first, first_prefixed)) = parts.first() else {
            return;
        };
        // 计算节点（或GPU）, 设备（如GPU）: an alternative or an example, not a gloss
        if !first_prefixed && prefix_in(&view[first.range()], &NOT_GLOSS).is_some() {
            return;
        }
        let english_part = |p: Span| -> Option<Span> {
            let t = &view[p.range()];
            if cjk_count(t) > 0 || t.contains([HARD as char]) {
                return None;
            }
            // candidates are in text order: look only at those starting inside the part
            let from = cands.partition_point(|c| c.span.start < p.start);
            let mut inside = cands[from..].iter().take_while(|c| c.span.start < p.end).filter(|c| c.span.end <= p.end);
            match (inside.next(), inside.next()) {
                (Some(c), None) => {
                    let rest_ok = view[p.start..c.span.start]
                        .split_whitespace()
                        .chain(view[c.span.end..p.end].split_whitespace())
                        .all(|w| {
                            is_function_word(w.trim_matches(|c: char| !c.is_alphanumeric()))
                                || w.chars().all(|c| !c.is_alphanumeric())
                        });
                    rest_ok.then_some(c.span)
                }
                _ => None,
            }
        };
        let before = skip_back(view, paren.start, true);
        let english_before = by_end.get(&before).map(|&i| cands[i].span);

        if let Some(en) = english_part(first) {
            // English inside the brackets.
            let mut english = en;
            let mut abbreviation = None;
            let mut alias = None;
            if let Some(&(second, _)) = parts.get(1) {
                if let Some(en2) = english_part(second) {
                    let (a, b) = (&view[en.range()], &view[en2.range()]);
                    if is_acronym(b) && abbreviates(b, a) {
                        abbreviation = Some(en2);
                    } else if is_acronym(a) && abbreviates(a, b) {
                        english = en2;
                        abbreviation = Some(en);
                    } else if !is_acronym(a) && !is_acronym(b) {
                        alias = Some(en2); // 平均值（mean或average）: two names for one thing
                    }
                }
            }
            if let Some(eb) = english_before {
                // English before English: an acronym definition or an alias.
                let (outer, inner_t) = (&view[eb.range()], &view[english.range()]);
                let gloss = |english, abbreviation, alias| Gloss {
                    english,
                    abbreviation,
                    alias,
                    chinese: None,
                    method: Method::Parenthesis,
                    confidence: 0.0,
                    site: Span::new(eb.start, site.end),
                };
                if abbreviation.is_none() && is_acronym(inner_t) && abbreviates(inner_t, outer) {
                    out.push(Pending { gloss: gloss(eb, Some(english), None), left: None });
                } else if abbreviation.is_none() && is_acronym(outer) && abbreviates(outer, inner_t) {
                    out.push(Pending { gloss: gloss(english, Some(eb), None), left: None });
                } else if first_prefixed && abbreviation.is_none() {
                    out.push(Pending { gloss: gloss(eb, None, Some(english)), left: None });
                }
                return;
            }
            if let Some(left) = self.left_site(doc, paren.start, &view[english.range()]) {
                let mut pending = Pending::awaiting(english, Method::Parenthesis, site, left);
                pending.gloss.abbreviation = abbreviation;
                pending.gloss.alias = alias;
                out.push(pending);
            }
            return;
        }
        // Chinese inside the brackets, English before them.
        let only_term = parts[1..].iter().all(|(p, _)| cjk_count(&view[p.range()]) == 0);
        let zh_text = &view[first.range()];
        let direction = zh_text.chars().count() > 1 || !"左右上下前后中内外图表".contains(zh_text);
        if let (Some(eb), true, true) = (english_before, only_term, direction) {
            if let Some(zh) = self.chinese_term_at(view, first, first_prefixed) {
                let conf = if doc.marked_ending_at(eb.end).is_some() || doc.marked_starting_at(zh.start).is_some() {
                    0.9
                } else {
                    0.8
                };
                out.push(Pending {
                    gloss: Gloss {
                        english: eb,
                        abbreviation: None,
                        alias: None,
                        chinese: Some(zh),
                        method: Method::Parenthesis,
                        confidence: if parts.len() == 1 { conf } else { conf - 0.1 },
                        site: Span::new(eb.start, site.end),
                    },
                    left: None,
                });
            }
        }
    }

    /// Whether `part` (a whole bracket part or apposition tail) is a Chinese term; returns it.
    fn chinese_term_at(&self, view: &str, part: Span, prefixed: bool) -> Option<Span> {
        let t = &view[part.range()];
        let n = cjk_count(t);
        if n == 0 || n > MAX_CHINESE_CHARS || t.contains([HARD as char, MARK as char, '(', '（', '：', ':', '。']) {
            return None;
        }
        if t.chars()
            .any(|c| !(is_cjk(c) || c.is_alphanumeric() || is_space(c) || matches!(c, '-' | '·' | '.' | '+' | '#')))
        {
            return None;
        }
        let words = self.segmenter.tag(t);
        let allowed = |k: usize, w: &str| (w == "的" && n <= 8 && !prefixed) || (k == 0 && LOCALITY.contains(&w));
        if words.iter().enumerate().any(|(k, w)| is_stop(w.word, w.tag) && !allowed(k, w.word)) {
            return None;
        }
        Some(part)
    }

    /// `English，也就是 中文`, `叫 English，就是 中文`, `叫 English，中文。` and
    /// `English，简称 ABBR` / `ABBR，全称 English`.
    fn apposition_after(&self, doc: &Document<'_>, cands: &[Candidate<'_>], ci: usize, out: &mut Vec<Pending>) {
        let view = doc.view();
        let cand = &cands[ci];
        let mut i = skip_fwd(view, cand.span.end, true);
        let paused = char_at(view, i).is_some_and(is_separator);
        if let Some(c) = char_at(view, i).filter(|&c| is_separator(c)) {
            i = skip_fwd(view, i + c.len_utf8(), true);
        }
        let rest = &view[i..];
        // English, 简称/全称 English: an acronym and its full form
        if let Some(k) = prefix_in(rest, &ACRONYM_APPOSITION) {
            let at = skip_fwd(view, i + k.len(), true);
            if let Some(other) = cands.get(ci + 1).filter(|c| c.span.start == at) {
                let (a, b) = (cand.text, other.text);
                let (full, abbr) = if is_acronym(b) && abbreviates(b, a) {
                    (cand.span, other.span)
                } else if is_acronym(a) && abbreviates(a, b) {
                    (other.span, cand.span)
                } else {
                    return;
                };
                out.push(Pending {
                    gloss: Gloss {
                        english: full,
                        abbreviation: Some(abbr),
                        alias: None,
                        chinese: None,
                        method: Method::Apposition,
                        confidence: 0.0,
                        site: Span::new(cand.span.start, other.span.end),
                    },
                    left: None,
                });
                return;
            }
        }
        let strong = prefix_in(rest, &APPOSITION_STRONG);
        let weak = prefix_in(rest, &APPOSITION_WEAK);
        let named = || named_before(view, cand.span.start);
        let key: &str = match (strong, weak) {
            (Some(k), _) => k,
            (None, Some(k)) if named() => k,
            // 叫 length bias，长度偏差。
            (None, None) if paused && named() => "",
            _ => return,
        };
        if key == "即" && !paused {
            return; // English即 without a pause is rarely an apposition
        }
        let start = skip_fwd(view, i + key.len(), true);
        // the Chinese runs to the next punctuation
        let mut end = start;
        for (j, c) in view[start..].char_indices() {
            if is_cjk(c) || c.is_alphanumeric() || is_space(c) || matches!(c, '-' | '·') {
                end = start + j + c.len_utf8();
            } else {
                break;
            }
        }
        let tail = trim_span(view, Span::new(start, end));
        if tail.is_empty() || cjk_count(&view[tail.range()]) == 0 {
            return;
        }
        // cut the tail at its first function word after the first word
        let words = self.segmenter.tag(&view[tail.range()]);
        let mut cut = tail.end;
        for (k, w) in words.iter().enumerate() {
            if k == 0 {
                if is_stop(w.word, w.tag) && !LOCALITY.contains(&w.word) {
                    return;
                }
            } else if is_stop(w.word, w.tag) || w.tag.starts_with('v') && k >= 2 {
                cut = tail.start + w.byte_start;
                break;
            }
        }
        if key.is_empty() && cut != tail.end {
            return; // a bare apposition must be the whole phrase
        }
        let zh = trim_span(view, Span::new(tail.start, cut));
        let Some(zh) = self.chinese_term_at(view, zh, true) else {
            return;
        };
        let n = cjk_count(&view[zh.range()]);
        if n > 8 || key.is_empty() && n as f32 > expected_chars(cand.text) + 3.0 {
            return;
        }
        out.push(Pending {
            gloss: Gloss {
                english: cand.span,
                abbreviation: None,
                alias: None,
                chinese: Some(zh),
                method: Method::Apposition,
                confidence: if key.is_empty() {
                    0.65
                } else if named() {
                    0.8
                } else {
                    0.7
                },
                site: Span::new(cand.span.start, zh.end),
            },
            left: None,
        });
    }

    /// `全基因组关联分析 GWAS`, `最终一致性 eventual consistency：`: a term and its English side by
    /// side, separated by a space. Only for acronyms and lowercase terms (not names, which
    /// follow the noun they are an instance of: 框架 PyTorch), only where the English ends the
    /// phrase, and only when the Chinese reaches a natural boundary and fits the English.
    fn juxtaposition(&self, doc: &Document<'_>, cand: &Candidate<'_>, out: &mut Vec<Pending>) {
        let view = doc.view();
        let text = cand.text;
        let lowercase_term =
            text.chars().all(|c| !c.is_ascii_uppercase()) && text.chars().any(|c| c.is_ascii_lowercase());
        let acronym = is_acronym(text) && !text.chars().any(|c| c.is_ascii_digit());
        if !(lowercase_term || acronym) || text.chars().any(|c| c.is_ascii_digit()) {
            return;
        }
        // exactly a space between the Chinese and the English
        let before = &view[..cand.span.start];
        let spaces = before.len() - before.trim_end_matches([' ', '\u{a0}']).len();
        if spaces == 0 || !char_before(view, cand.span.start - spaces).is_some_and(is_cjk) {
            return;
        }
        // the English ends the phrase: punctuation, a bracket, the end, or a function word
        let after = skip_fwd(view, cand.span.end, false);
        let ends = match char_at(view, after) {
            None => true,
            Some(c) if is_cjk(c) => {
                let next: String = view[after..].chars().take(4).collect();
                // a function word, an adverb or a verb starts the rest of the sentence
                self.segmenter.tag_known(&next).first().is_some_and(|w| {
                    is_stop(w.word, w.tag) || matches!(w.tag.chars().next(), Some('d' | 'p' | 'c' | 'r' | 'v'))
                })
            }
            Some(c) => !c.is_alphanumeric() && c as u32 != HARD as u32,
        };
        if !ends {
            return;
        }
        // a term the reference renders otherwise is not this one (below); and a Chinese term
        // can be the reference's only where the reference's Chinese ends it: where none does,
        // there is no need to segment
        let rendered_otherwise = self.reference.get(text).is_some_and(|r| !r.chinese.is_empty());
        if rendered_otherwise {
            let lower = text.to_lowercase();
            let end = term_end(view, cand.span.start - spaces, &lower);
            let known =
                self.reference.get(&lower).is_some_and(|r| r.chinese.iter().any(|z| view[..end].ends_with(z.as_str())));
            if !known {
                return;
            }
        }
        let Some(mut left) = self.left_site(doc, cand.span.start - spaces, text) else { return };
        // 使用 dropout: the word before the English is a verb taking it, not its translation
        let last = left.options.first().map_or("", |o| view[o.span.range()].trim());
        let one_char_verb = last.chars().count() == 1 && self.segmenter.tag_known(last).iter().any(|w| w.tag == "v");
        if TAKES_OBJECT.contains(&last) || pos_stop(last, "") || one_char_verb {
            return;
        }
        if rendered_otherwise && !left.options.iter().any(|o| o.known) {
            return;
        }
        left.strict = true;
        let site = Span::new(left.options.last().map_or(cand.span.start, |o| o.span.start), cand.span.end);
        out.push(Pending::awaiting(cand.span, Method::Apposition, site, left));
    }

    /// `中文，又称 English`, `叫 中文，也就是 English` and `叫 中文，English。`.
    fn apposition_before(&self, doc: &Document<'_>, cand: &Candidate<'_>, out: &mut Vec<Pending>) {
        let view = doc.view();
        let i = skip_back(view, cand.span.start, true);
        let head = &view[..i];
        let key: &str =
            suffix_in(head, &APPOSITION_STRONG).or_else(|| suffix_in(head, &APPOSITION_WEAK)).unwrap_or_default();
        // the keyword must be a word of its own: not 译为 in 编译为, not 即 in 立即
        if let (Some(prev), Some(k0)) = (char_before(view, i - key.len()), key.chars().next()) {
            if is_cjk(prev) && self.segmenter.has_word(&format!("{prev}{k0}")) {
                return;
            }
        }
        // the English must end the phrase: not Python in 即Python语句
        let after = skip_fwd(view, cand.span.end, true);
        if char_at(view, after).is_some_and(|c| is_cjk(c) || c.is_alphanumeric()) {
            return;
        }
        let mut j = skip_back(view, i - key.len(), true);
        let paused = char_before(view, j).is_some_and(is_separator);
        if paused {
            j = skip_back(view, prev_char_start(view, j), true);
        }
        if !paused && (key == "即" || key.is_empty()) {
            return;
        }
        // the naming word shortly before the Chinese
        let mut from = j.saturating_sub(if key.is_empty() { 36 } else { 60 });
        while !view.is_char_boundary(from) {
            from += 1;
        }
        let named = NAMING.iter().any(|n| view[from..j].contains(n));
        if APPOSITION_WEAK.contains(&key) && !named {
            return;
        }
        if key.is_empty() {
            // 叫思维链，chain-of-thought，简称 CoT
            if !named {
                return;
            }
        }
        if let Some(left) = self.left_site(doc, j, cand.text) {
            if key.is_empty() && !left.options.last().is_some_and(|o| o.at_stop) {
                return;
            }
            let site = Span::new(left.options.last().map_or(j, |o| o.span.start), cand.span.end);
            out.push(Pending::awaiting(cand.span, Method::Apposition, site, left));
        }
    }

    /// The possible Chinese terms that end at `end`.
    fn left_site(&self, doc: &Document<'_>, end: usize, english: &str) -> Option<LeftSite> {
        let view = doc.view();
        let expected = expected_chars(english);
        let english = english.to_lowercase();
        let to_inside = has_infix(&english, " to ") || has_infix(&english, "-to-");
        // command-and-control server 命令与控制服务器: the English's "and" is inside the term
        let and_inside = has_infix(&english, " and ") || has_infix(&english, "-and-") || has_infix(&english, " & ");
        let p0 = term_end(view, end, &english);
        let p1 = skip_back(view, p0, true);
        // An emphasis or quotation right before the bracket.
        let mut marked = None;
        let quote_before = char_before(view, p1)
            .filter(|c| matches!(c, '」' | '』' | '”' | '》' | '〉' | '"' | '】'))
            .map(|c| p1 - c.len_utf8());
        for t in [Some(p1), Some(p0), quote_before].into_iter().flatten() {
            if let Some(m) = doc.marked_ending_at(t) {
                let inner = trim_span(view, m.inner);
                let s = &view[inner.range()];
                let n = cjk_count(s);
                if n >= 1 && n <= MAX_CHINESE_CHARS && m.kind != MarkKind::Title
                    || m.kind == MarkKind::Title && n >= 1 && n <= MAX_CHINESE_CHARS
                {
                    if !s.contains(|c: char| "，。：；！？,;:!?\n".contains(c) || c as u32 == HARD as u32) {
                        marked = Some(inner);
                        break;
                    }
                }
            }
        }
        if let Some(m) = marked {
            let choice = Choice::new(m, &view[m.range()], false, true);
            return Some(LeftSite { options: vec![choice], marked, expected, english, strict: false });
        }
        if p1 != p0 {
            return None; // markup that encloses something else
        }
        // The window: CJK and Latin words back to punctuation or the limit.
        let mut ws = p0;
        let mut n = 0;
        let mut hit_limit = false;
        while let Some(c) = char_before(view, ws) {
            // a dot only inside a word (Llama-3.1), not after a list number (1. 无偏性)
            let dot_inside = c == '.'
                && char_before(view, ws - 1).is_some_and(|b| b.is_ascii_alphanumeric())
                && char_at(view, ws).is_some_and(|a| a.is_ascii_alphanumeric());
            let ok = is_cjk(c) || c.is_alphanumeric() || dot_inside || matches!(c, '-' | '·' | ' ' | '\u{a0}');
            if !ok {
                break;
            }
            if n >= WINDOW_CHARS {
                hit_limit = true;
                break;
            }
            ws -= c.len_utf8();
            n += 1;
        }
        let window = Span::new(skip_fwd(view, ws, false).min(p0), p0);
        let wtext = &view[window.range()];
        if window.is_empty() || !char_before(view, p0).is_some_and(|c| is_cjk(c) || c.is_alphanumeric()) {
            return None;
        }
        if !wtext.chars().next_back().is_some_and(is_cjk) && !wtext.chars().any(is_cjk) {
            return None;
        }
        let words = self.segmenter.tag(wtext);
        let prefixes = prefix_chars(&english);
        let mut options: Vec<Choice> = Vec::new();
        let mut end_bounded = !hit_limit;
        // the word after the one looked at
        let mut next_word: Option<&str> = None;
        for w in words.iter().rev() {
            if w.word.trim().is_empty() {
                continue;
            }
            let after = next_word.replace(w.word);
            let start = window.start + w.byte_start;
            // 后端 cut as 后/端, 端到端 for end-to-end: not stops here
            let single = options.last().is_none_or(|o| o.cjk <= 1);
            // the word right before the gloss ends the term, whatever it is, unless it is a
            // particle or the like: 懒加载（lazy loading） ends with 加载, a framing verb elsewhere
            let rightmost = options.is_empty() && w.word.chars().count() >= 2 && !pos_stop(w.word, w.tag);
            let kept = (LOCALITY.contains(&w.word) && single)
                || (w.word == "到" && to_inside)
                || (matches!(w.word, "与" | "和" | "及") && and_inside && !options.is_empty())
                || rightmost;
            // post-training 后训练, de-duplication 去重: the Chinese of the English's prefix
            // starts the term, though it is a function word elsewhere
            if !options.is_empty() && prefixes.contains(&w.word) {
                let span = Span::new(start, p0);
                options.push(Choice::new(span, &view[span.range()], false, true));
                end_bounded = true;
                break;
            }
            if is_stop(w.word, w.tag) && !kept {
                end_bounded = true;
                if let Some(last) = options.last_mut() {
                    last.at_stop = true;
                }
                break;
            }
            // a word glued to a leading function character: 做大 in 做大语言模型
            let first = w.word.chars().next().unwrap_or(' ');
            // 一个零 in 一个零假设: a measure word glued to the term
            if let Some(p) = w.word.find('个').filter(|&p| p + '个'.len_utf8() < w.word.len()) {
                let inner = Span::new(start + p + '个'.len_utf8(), p0);
                let t = &view[inner.range()];
                if cjk_count(t) > 0 {
                    options.push(Choice::new(inner, t, false, true));
                }
            }
            let noun = matches!(w.tag, "n" | "nr" | "ns" | "nt" | "nz" | "vn");
            // a word the segmenter made up (not in its dictionary) that starts with a pronoun or
            // a function character: 其本征 in 但其本征电子电导率
            let made_up = w.word.chars().count() >= 3
                && (GLUED_STOPS.contains(&first) || ['其', '该', '此', '这', '那', '各', '每'].contains(&first))
                && !self.segmenter.has_word(w.word);
            if (w.word.chars().count() == 2 && GLUED_STOPS.contains(&first) && !noun) || made_up {
                let inner = Span::new(start + first.len_utf8(), p0);
                let t = &view[inner.range()];
                if cjk_count(t) > 0 {
                    options.push(Choice::new(inner, t, false, true));
                    end_bounded = false;
                    break; // the glued character is the boundary
                }
            }
            let span = Span::new(start, p0);
            let t = &view[span.range()];
            let size = (cjk_count(t), text_chars(t));
            if size.0 > MAX_CHINESE_CHARS || size.1 > MAX_CHINESE_CHARS as f32 + 2.0 {
                end_bounded = false;
                break;
            }
            let n_words = options.iter().filter(|o| !o.at_stop).count() + 1;
            // a verb that starts a known term with the word after it (反向 in 反向传播算法)
            let starts_known = || after.is_some_and(|a| self.term_initial.contains(&format!("{}{a}", w.word)));
            let verb = w.tag == "v" && n_words >= 2 && !PREFIX_CHARS.contains(w.word) && !starts_known();
            // a verb before one long dictionary word is its object's verb: 纳入版本控制
            let verb_object = verb
                && n_words == 2
                && options.last().is_some_and(|o| o.cjk >= 3 && self.segmenter.has_word(view[o.span.range()].trim()));
            // an option starts with a word: not with a number (1 无偏性) or punctuation
            let numeric = w.word.chars().all(|c| c.is_ascii_digit() || c.is_ascii_punctuation());
            if !numeric {
                let mut choice = Choice::measured(span, size, verb, false);
                choice.verb_object = verb_object;
                choice.one_char_verb = verb && w.word.chars().count() == 1 && !PREFIX_CHARS.contains(w.word);
                options.push(choice);
            }
        }
        // 幂等 cut as 幂/等: two single characters, the second a function word, make a word
        let mut real = words.iter().rev().filter(|w| !w.word.trim().is_empty());
        if let (Some(b), Some(a)) = (real.next(), real.next()) {
            let (ca, cb) = (a.word.chars().count(), b.word.chars().count());
            if options.is_empty()
                && ca == 1
                && cb == 1
                && is_stop(b.word, b.tag)
                && !is_stop(a.word, a.tag)
                && window.start + b.byte_end == p0
            {
                let span = Span::new(window.start + a.byte_start, p0);
                options.push(Choice::new(span, &view[span.range()], false, false));
            }
        }
        if let Some(last) = options.last_mut() {
            last.at_stop |= end_bounded;
        }
        // a "verb" before a dictionary word that is too short for the English is part of the
        // term: 扫描 in 扫描电子显微镜 (scanning electron microscope)
        for k in 1..options.len() {
            if options[k].verb_object && misfit(expected, options[k - 1].chars) > 0.05 {
                options[k].verb_object = false;
            }
        }
        // a verb at a boundary is one too: 聊聊 in 今天我们聊聊大语言模型
        let n = options.len();
        if n >= 2 && options[n - 1].at_stop && options[n - 1].verb_object {
            options[n - 2].at_stop = true;
        }
        // an option must hold Chinese
        options.retain(|o| o.cjk > 0);
        if let Some(r) = self.reference.get(&english) {
            for o in &mut options {
                o.known = r.chinese.iter().any(|z| z == view[o.span.range()].trim());
            }
            // the reference's term ending here, even where the segmenter cut it otherwise
            // (每一轮次 cut 每/一轮/次)
            for z in &r.chinese {
                let start = p0.wrapping_sub(z.len());
                if z.chars().count() >= 2
                    && p0 >= z.len()
                    && view.get(start..p0) == Some(z.as_str())
                    && !options.iter().any(|o| o.known)
                {
                    let mut choice = Choice::new(Span::new(start, p0), z, false, false);
                    choice.known = true;
                    options.push(choice);
                    options.sort_by_key(|o| std::cmp::Reverse(o.span.start));
                }
            }
        }
        if options.is_empty() {
            return None;
        }
        Some(LeftSite { options, marked: None, expected, english, strict: false })
    }

    /// Chooses the Chinese of every pending gloss, given how often each option string occurs
    /// in the whole input.
    pub(crate) fn resolve(pending: Vec<Pending>, view: &str, counts: &FxHashMap<&str, usize>) -> Vec<Gloss> {
        let mut out = Vec::new();
        for p in pending {
            let mut g = p.gloss;
            if let Some(left) = p.left {
                let (ix, conf, fits) = choose(&left, view, counts);
                if left.strict && !fits {
                    continue;
                }
                let zh = left.options[ix].span;
                g.chinese = Some(zh);
                g.confidence = conf;
                g.site = Span::new(g.site.start.min(zh.start), g.site.end);
            }
            out.push(g);
        }
        out
    }
}

fn count(counts: &FxHashMap<&str, usize>, s: &str) -> usize {
    counts.get(s).copied().unwrap_or(0)
}

/// Scores the options of a left site; returns the chosen index and a confidence.
/// How far `chars` characters fall outside the range expected for an English term of
/// `expected` characters, relative to it: 0 inside the range.
fn misfit(expected: f32, chars: f32) -> f32 {
    let e = expected.max(2.0);
    let (below, above) = if e <= 4.0 { (1.0, 2.0) } else { (2.0, 2.0) };
    let off = if chars < e { e - chars - below } else { chars - e - above };
    off.max(0.0) / e
}

fn choose(left: &LeftSite, view: &str, counts: &FxHashMap<&str, usize>) -> (usize, f32, bool) {
    if left.marked.is_some() {
        return (0, 0.95, true);
    }
    let e = left.expected.max(2.0);
    // Chinese renderings vary around the expected length; only a clear misfit counts
    // and a short English word often has a longer rendering (epoch 迭代周期) than a shorter one
    let misfit = |c: f32| misfit(e, c);
    let text = |s: Span| view[s.range()].trim();
    // A verb before a term that already fits the English is that term's verb, not part of
    // it (配置同步复制 for synchronous replication); the boundary is then after the verb.
    // (on the stack: a site has a few options)
    let n = left.options.len();
    let (mut small_context, mut small_scores) = ([false; 16], [0f32; 16]);
    let (mut large_context, mut large_scores) = (Vec::new(), Vec::new());
    let (verb_context, scores): (&mut [bool], &mut [f32]) = if n <= 16 {
        (&mut small_context[..n], &mut small_scores[..n])
    } else {
        large_context.resize(n, false);
        large_scores.resize(n, 0.0);
        (&mut large_context, &mut large_scores)
    };
    for (k, context) in verb_context.iter_mut().enumerate() {
        *context = {
            let o = &left.options[k];
            k > 0 && o.verb_start && {
                let rest = &left.options[k - 1];
                // (not when the rest starts with a suffix: 可见 + 性规则 is one term)
                let bound = text(rest.span).chars().next().is_some_and(|c| BOUND_SUFFIXES.contains(&c));
                misfit(rest.chars) == 0.0 && cjk_count(text(rest.span)) >= 3 && !o.known && !bound
            }
        };
    }
    for (k, o) in left.options.iter().enumerate() {
        let c = o.chars;
        let mut score = -misfit(c) + 0.02 * c;
        // reaching the natural boundary counts, less so for a chunk far longer than the English
        let natural = o.at_stop || verb_context.get(k + 1).is_some_and(|v| *v);
        if natural && !verb_context[k] {
            score += 0.3 * (1.0 - (2.0 * misfit(c)).min(1.0));
        }
        if verb_context[k] {
            score -= 0.2;
        }
        // a Latin word at the start is part of the term when the English has it too
        // (Python 包 / Python package), context otherwise (Nadaraya-Watson核回归 / kernel regression)
        let head: String = text(o.span).chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
        if !head.is_empty() {
            let head = head.to_lowercase();
            let words: Vec<&str> = left.english.split(|c: char| !c.is_ascii_alphanumeric()).collect();
            let in_english = head.split('-').all(|h| words.contains(&h));
            score += if in_english { 0.2 } else { -0.4 };
        }
        if o.known {
            score += 0.4; // the reference's Chinese for this English
        }
        if o.verb_object {
            score -= 0.2;
        }
        if o.verb_start {
            score -= VERB_START_PENALTY;
        }
        // a one-character verb rarely starts a term (看网飞, 试知识蒸馏), unless the rest is far
        // too short for the English (写放大 write amplification)
        if o.one_char_verb {
            let rest_misfit = k.checked_sub(1).map_or(0.0, |r| misfit(left.options[r].chars));
            score -= if rest_misfit > 0.2 { 0.1 } else { 0.35 };
        }
        if c < 2.0 && e > 3.0 {
            score -= 0.3; // one character for a multi-word English term
        }
        // (only these options are counted: see LeftSite::weighed)
        let here = count(counts, text(o.span));
        if here >= 2 && c >= 2.0 {
            score += 0.03 * (here.min(5) as f32 - 1.0);
        }
        scores[k] = score;
    }
    let (k, best) =
        scores.iter().copied().enumerate().fold((0, f32::MIN), |b, (k, s)| if s >= b.1 { (k, s) } else { b });
    let o = &left.options[k];
    let mut conf: f32 = if o.at_stop { 0.85 } else { 0.65 };
    let dev = misfit(o.chars);
    conf -= 0.2 * dev.min(1.0);
    let second = scores.iter().enumerate().filter(|(i, _)| *i != k).map(|(_, s)| *s).fold(f32::MIN, f32::max);
    if best - second < 0.15 {
        conf -= 0.1;
    }
    let fits = o.at_stop && dev == 0.0;
    if left.strict {
        conf -= 0.15;
    }
    (k, conf.clamp(0.3, 0.95), fits)
}

/// Where a Chinese term glossed by `english` at `end` ends: before spaces, a modal particle
/// (低秩适配嘛(Low-Rank Adaptation)) or the 的 of an adjective (幂等的（idempotent）).
fn term_end(view: &str, end: usize, english: &str) -> usize {
    let mut p0 = skip_back(view, end, false);
    while let Some(c) = char_before(view, p0).filter(|c| ['嘛', '呢', '吧', '啊', '呀', '哦', '啦', '么'].contains(c))
    {
        p0 = skip_back(view, p0 - c.len_utf8(), false);
    }
    if !english.contains(' ') && char_before(view, p0) == Some('的') {
        let q = p0 - '的'.len_utf8();
        if char_before(view, q).is_some_and(is_cjk) {
            p0 = q;
        }
    }
    p0
}

/// Whether 叫/称为/所谓 stands shortly before `at`.
fn named_before(view: &str, at: usize) -> bool {
    let head = &view[..at];
    let head = head.trim_end_matches(|c: char| is_space(c) || c as u32 == MARK as u32);
    let tail = &head[head.char_indices().nth_back(5).map_or(0, |(i, _)| i)..];
    suffix_in(tail, &NAMING).is_some() || ["叫作", "叫做", "称为"].iter().any(|w| has_infix(tail, w))
}

/// Strips a gloss prefix (`即`, `英文：`) from a bracket part.
fn strip_prefix(view: &str, p: Span) -> (Span, bool) {
    let t = &view[p.range()];
    for &pre in GLOSS_PREFIXES.iter() {
        if let Some(rest) = starts_with(t.as_bytes(), pre.as_bytes()).then(|| &t[pre.len()..]) {
            let ascii_pre = pre.is_ascii();
            let next = rest.chars().next();
            if ascii_pre && next.is_some_and(|c| c.is_ascii_alphanumeric()) {
                continue; // "en" in "encoder"
            }
            if !ascii_pre && next.is_some_and(is_cjk) && !GLOSS_PREFIXES_BEFORE_CHINESE.contains(&pre) {
                continue;
            }
            let skip = t.len() - rest.len();
            let mut s = p.start + skip;
            s = skip_fwd(view, s, true);
            while let Some(c) = char_at(view, s) {
                if matches!(c, ':' | '：' | '=') {
                    s = skip_fwd(view, s + c.len_utf8(), true);
                } else {
                    break;
                }
            }
            return (Span::new(s.min(p.end), p.end), true);
        }
    }
    (p, false)
}

/// The position of the bracket that closes the one at `open`, within one paragraph.
fn matching_close(view: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    let first = char_at(view, open)?;
    let mut prev_nl = false;
    for (i, c) in view[open..].char_indices() {
        if i > 600 {
            return None;
        }
        if is_open(c) {
            depth += 1;
        } else if is_close(c) {
            depth -= 1;
            if depth == 0 {
                return Some(open + i);
            }
        } else if c == '\n' {
            if prev_nl {
                return None;
            }
            prev_nl = true;
            continue;
        } else if c as u32 == HARD as u32 && i > first.len_utf8() && depth == 1 {
            // code inside brackets: keep looking, it may still be a gloss of code
        }
        if !c.is_whitespace() {
            prev_nl = false;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::candidates::candidates;
    use crate::normalize::Markup;

    /// The expected length as first written, with iterator adapters: [`expected_chars`] must
    /// agree with it to the bit.
    fn expected_chars_by_iterators(english: &str) -> f32 {
        if is_acronym(english) {
            let letters = english.chars().filter(|c| c.is_ascii_alphabetic()).count();
            return (letters as f32 * 1.7).clamp(2.0, 8.0);
        }
        // long English words are often compounds: backpropagation 反向传播, consistency 一致性;
        // a short part of a hyphenated word is often one character: 后训练 post-training, 多因素
        // multi-factor, 低秩 low-rank, 微调 fine-tuning
        let chars: f32 = english
            .split([' ', '/'])
            .flat_map(|token| {
                let hyphenated = token.contains('-');
                token.split('-').map(move |w| (w, hyphenated))
            })
            .filter(|(w, _)| !w.is_empty() && !is_function_word(w))
            .map(|(w, hyphenated)| {
                if hyphenated && w.len() <= 5 && w.chars().all(|c| c.is_ascii_alphabetic()) {
                    return 1.2;
                }
                // CamelCase names are compounds too: ResNet 残差网络, DenseNet 稠密连接网络
                let humps = w.chars().skip(1).filter(|c| c.is_ascii_uppercase()).count();
                let lower = w.chars().any(|c| c.is_ascii_lowercase());
                if humps >= 1 && lower && w.chars().next().is_some_and(|c| c.is_ascii_uppercase()) {
                    return 2.0 * (humps + 1).min(4) as f32;
                }
                match w.chars().count() {
                    0..=6 => 2.0,
                    7..=12 => 2.5,
                    _ => 3.5,
                }
            })
            .sum();
        chars.clamp(2.0, 12.0)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]
        #[test]
        fn expected_chars_agrees_with_the_iterators(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "post", "Net", "R", "G", "of", "the", "backpropagation", "4", " ", "-", "/", "模型", "É", "Ｒ",
                ]),
                0..8,
            )
        ) {
            let english = parts.concat();
            proptest::prop_assert_eq!(
                expected_chars(&english).to_bits(),
                expected_chars_by_iterators(&english).to_bits(),
                "{}", english
            );
        }
    }

    #[test]
    fn acronyms() {
        let table: &[(&str, &str, bool)] = &[
            ("RAG", "Retrieval-Augmented Generation", true),
            ("RLHF", "Reinforcement Learning from Human Feedback", true),
            ("MoE", "Mixture of Experts", true),
            ("GC", "garbage collection", true),
            ("MLE", "maximum likelihood estimation", true),
            ("i.i.d.", "independently and identically distributed", true),
            ("ACL", "Association for Computing Machinery", false),
            ("ORM", "Object Relational", false),
            ("CNN", "convolutional", false),
        ];
        for (a, f, want) in table {
            assert_eq!(abbreviates(a, f), *want, "{a} / {f}");
        }
    }

    fn glosses(text: &str) -> Vec<(String, String, String)> {
        let segmenter = Segmenter::new();
        let doc = Document::new(text, Markup::Markdown);
        let cands = candidates(&doc);
        let reference = crate::reference::Reference::empty();
        let initial = HashSet::new();
        let aligner = Aligner::new(&segmenter, &reference, &initial);
        let pending = aligner.find(&doc, &cands);
        let counts = FxHashMap::default();
        Aligner::resolve(pending, doc.view(), &counts)
            .into_iter()
            .map(|g| {
                let s = |o: Option<Span>| o.map_or(String::new(), |s| text[s.range()].to_string());
                (text[g.english.range()].to_string(), s(g.chinese), s(g.abbreviation))
            })
            .collect()
    }

    #[test]
    fn left_boundary() {
        let table: &[(&str, &str, &str)] = &[
            (
                "我们在实验中比较了检索增强生成（Retrieval-Augmented Generation，RAG）。",
                "Retrieval-Augmented Generation",
                "检索增强生成",
            ),
            ("专注于解决特定类型的开放词表问题（open-vocabulary problem）", "open-vocabulary problem", "开放词表问题"),
            (
                "训练时每一层都使用带有动量的随机梯度下降（stochastic gradient descent）",
                "stochastic gradient descent",
                "随机梯度下降",
            ),
            ("数据库和对象关系映射（Object-Relational Mapping, ORM）", "Object-Relational Mapping", "对象关系映射"),
            ("这是一个 Python 包（Python package）", "Python package", "Python 包"),
            ("每个 HTTP 请求头（HTTP request header）", "HTTP request header", "HTTP 请求头"),
            ("这种设计被称为多头注意力(multi-head attention)", "multi-head attention", "多头注意力"),
            ("这些边界框被称为*锚框*（anchor box）", "anchor box", "锚框"),
            ("它又叫「词元」（token）", "token", "词元"),
            ("大语言模型(LLM)很火", "LLM", "大语言模型"),
            // the English's "and" keeps 与 inside the term
            (
                "团队重构了搜索与推荐系统（search and recommendation system）。",
                "search and recommendation system",
                "搜索与推荐系统",
            ),
        ];
        for (text, en, zh) in table {
            let g = glosses(text);
            assert!(g.iter().any(|(e, z, _)| e == en && z == zh), "{text}: {g:?}");
        }
    }

    #[test]
    fn gloss_shapes() {
        let table: &[(&str, (&str, &str, &str))] = &[
            ("使用 bootstrap（自助法）估计", ("bootstrap", "自助法", "")),
            ("垃圾回收（GC, garbage collection）", ("garbage collection", "垃圾回收", "GC")),
            ("Retrieval-Augmented Generation (RAG) 很常用", ("Retrieval-Augmented Generation", "", "RAG")),
            ("我们把这叫作 overfitting，也就是过拟合。", ("overfitting", "过拟合", "")),
            ("dropout，又称暂退法，", ("dropout", "暂退法", "")),
            ("这种现象叫过拟合，也就是 overfitting。", ("overfitting", "过拟合", "")),
            ("近年来，全基因组关联分析 GWAS 已成为主要手段。", ("GWAS", "全基因组关联分析", "")),
            ("从库只提供最终一致性 eventual consistency：只保证收敛。", ("eventual consistency", "最终一致性", "")),
        ];
        for (text, want) in table {
            let g = glosses(text);
            let want = (want.0.to_string(), want.1.to_string(), want.2.to_string());
            assert!(g.contains(&want), "{text}: {g:?}");
        }
    }

    #[test]
    fn not_glosses() {
        let table: &[&str] = &[
            "PyTorch（一个深度学习框架）很流行",
            "见图（Figure 3）",
            "结果（见 Table 2）如下",
            "在深度学习框架 PyTorch 中训练",
            "以下一代测序 NGS 技术为例",
            "计算节点（或GPU）上",
        ];
        for text in table {
            let g = glosses(text);
            assert!(g.iter().all(|(_, z, _)| z.is_empty()), "{text}: {g:?}");
        }
    }
}
