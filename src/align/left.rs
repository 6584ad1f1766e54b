//! The left boundary of a Chinese term that ends at a gloss.
//!
//! Where the Chinese comes before the English, nothing but meaning marks where it starts. An
//! emphasis or quotation ending at the gloss settles it. Otherwise a window before the gloss
//! is segmented, and its words are walked leftwards: each step makes one more option (a
//! longer term), until a function word, punctuation, a character that renders the English's
//! prefix, or the length limit stops the walk. Each option records what [`choose`] needs to
//! score it: its length, whether it starts with a verb, whether it reaches the natural
//! boundary, whether the reference knows it.
//!
//! [`choose`]: super::score::choose

use super::english::{ends_adjectival, English};
use super::heads::without_heads;
use super::length::{kept_acronym_chars, misfit, text_chars, MIN_TERM_CHARS};
use super::letters::{listed_start, too_few_words, MIN_COUNTED_LETTERS};
use super::names::{dotted_name_start, spells_letter, unspelled_letters};
use super::renders::{may_be_acronym, renders};
use super::scan::{char_before, cjk_count, skip_back, trim_span, window_before};
use super::words::{is_noun_tag, is_stop, is_stop_word, pos_stop};
use super::{Aligner, MAX_CHINESE_CHARS};
use crate::model::Span;
use crate::normalize::{Document, HARD};
use crate::reference::ReferenceEntry;
use crate::segment::{Segmenter, Tagged};
use crate::text::acronym::{abbreviates, is_acronym};
use crate::text::chars::is_cjk;
use crate::text::lexicon::chinese::LOCALITY;
use std::collections::HashSet;

/// The possible Chinese terms ending at one place, shortest first.
#[derive(Clone, Debug)]
pub(crate) struct LeftSite {
    pub options: Vec<Choice>,
    /// An emphasis or quotation ending at the gloss, or a person's name joined by dots: the
    /// term, settled.
    pub(super) marked: Option<Span>,
    /// The length in characters that the English suggests.
    pub(super) expected: f32,
    /// The English, lowercased.
    pub(super) english: String,
    /// The English's content words ([`content_words`](super::cover::content_words)).
    pub(super) english_words: usize,
    /// The letters of an acronym English (0 for other English).
    pub(super) acronym_letters: usize,
    /// Keep the gloss only if the chosen term reaches its natural boundary and fits the
    /// English's length (for glosses without brackets or keywords).
    pub(super) strict: bool,
}

impl LeftSite {
    /// The site of a term that markup or a person's name settles: `m`, the one option.
    fn settled(m: Span, view: &str, expected: f32, english: &str, english_words: usize) -> LeftSite {
        LeftSite {
            options: vec![Choice::new(m, &view[m.range()], false, true)],
            marked: Some(m),
            expected,
            english: english.to_string(),
            english_words,
            acronym_letters: 0,
            strict: false,
        }
    }

    /// The options whose recurrence [`choose`] weighs: those of two characters or more, where
    /// there is a choice to make (two options or more, and no marked term).
    ///
    /// [`choose`]: super::score::choose
    pub(crate) fn weighed(&self) -> impl Iterator<Item = &Choice> {
        let choice = self.marked.is_none() && self.options.len() >= 2;
        self.options.iter().filter(move |o| choice && o.chars >= MIN_TERM_CHARS)
    }
}

/// One possible Chinese term.
#[derive(Clone, Debug)]
pub(crate) struct Choice {
    pub span: Span,
    /// Characters, a Latin word counting two.
    pub(super) chars: f32,
    /// Chinese characters.
    pub(super) cjk: usize,
    /// Starts with a plain verb and has three words or more.
    pub(super) verb_start: bool,
    /// Starts with a verb followed by one long dictionary word.
    pub(super) verb_object: bool,
    /// Starts with a one-character verb.
    pub(super) one_char_verb: bool,
    /// Is the reference's Chinese for the English.
    pub(super) known: bool,
    /// Its left edge is a function word, punctuation or markup.
    pub(super) at_stop: bool,
    /// Starts with the Chinese of a piece of the English (有 for -based, 双 for double).
    pub(super) renders_prefix: bool,
    /// Starts right after a 的 that joins a verb or an adjective to it (失败的情况): a
    /// modifier the term may have lost.
    pub(super) after_modifier_de: bool,
    /// What the piece it adds to the option before it renders of the English
    /// ([`renders`]): a word of it, only other words, or nothing known.
    pub(super) renders_word: Option<bool>,
    /// Is the Chinese of a shorter English inside this one (the reference's, or given
    /// elsewhere in the input): it cannot be this one's.
    pub(crate) taken: bool,
    /// How many letters of an acronym English its words spell in order from the right
    /// ([`unspelled_letters`]); 0 for other English.
    pub(super) spelled: usize,
    /// Is the reference's Chinese for other concepts only: chosen, it describes the English
    /// rather than translates it, and the gloss gives no Chinese.
    pub(crate) other_concept: bool,
}

impl Choice {
    fn new(span: Span, text: &str, verb_start: bool, at_stop: bool) -> Choice {
        Choice::measured(span, (cjk_count(text), text_chars(text)), verb_start, at_stop)
    }

    /// A choice that starts with `prefix`, the Chinese of a piece of the English (基于 in
    /// 基于价值的智能体 for value-based agent): measured as if that piece were one character,
    /// as the English's length counts it, and without the 的 that joins it to the rest.
    fn prefixed(span: Span, text: &str, prefix: &str) -> Choice {
        let mut choice = Choice::new(span, text, false, true);
        let extra = prefix.chars().count().saturating_sub(1) + usize::from(text[prefix.len()..].contains('的'));
        choice.chars -= extra as f32;
        choice.renders_prefix = true;
        choice
    }

    /// A choice whose Chinese characters and [`text_chars`] are known.
    fn measured(span: Span, (cjk, chars): (usize, f32), verb_start: bool, at_stop: bool) -> Choice {
        Choice {
            span,
            chars,
            cjk,
            verb_start,
            verb_object: false,
            one_char_verb: false,
            known: false,
            at_stop,
            renders_prefix: false,
            after_modifier_de: false,
            renders_word: None,
            taken: false,
            other_concept: false,
            spelled: 0,
        }
    }
}

/// Characters that jieba tags as verbs but that start terms as prefixes: 无锚框, 欠拟合, 跨站.
const PREFIX_CHARS: &str = "无非反超欠过自预逆多单双半全伪准可跨";

/// Function characters that jieba sometimes glues to the first character of a term.
const GLUED_STOPS: &[char] =
    &['做', '把', '被', '将', '给', '叫', '是', '让', '和', '与', '或', '及', '从', '为', '以', '成', '用'];

/// A list written out for an acronym is read back this many characters at most.
const MAX_LIST_CHARS: usize = 48;

/// An acronym whose inner P may be the 每 before its Chinese has at least this many letters
/// (FPS, QPS).
const MIN_PER_ACRONYM: usize = 3;

/// Words of 每 that mean "each", not "per".
const EACH: [&str; 3] = ["每个", "每一", "每种"];

/// Pronouns that jieba glues to a word it makes up: 其本征 in 但其本征电子电导率.
const GLUED_PRONOUNS: &[char] = &['其', '该', '此', '这', '那', '各', '每'];

/// Modal particles between a term and its gloss: 低秩适配嘛(Low-Rank Adaptation).
const MODAL_PARTICLES: &[char] = &['嘛', '呢', '吧', '啊', '呀', '哦', '啦', '么'];

/// Quotation marks and title brackets that close a marked term before the gloss.
const CLOSING_QUOTES: &[char] = &['」', '』', '”', '》', '〉', '"', '】'];

/// An option may run this much beyond [`MAX_CHINESE_CHARS`] in [`text_chars`]: room for one
/// Latin word, which counts two.
const LATIN_SLACK_CHARS: f32 = 2.0;

/// A word of the segmenter's own making this long (in characters), starting with a function
/// character, is that character glued to a term.
const MADE_UP_MIN_CHARS: usize = 3;

/// A dictionary word this long (in Chinese characters) after a verb is the verb's object:
/// 纳入版本控制.
const OBJECT_MIN_CJK: usize = 3;

/// An object that misfits the English by more than this is not the whole term: the "verb"
/// before it is part of it (扫描电子显微镜 for scanning electron microscope).
const OBJECT_MISFIT: f32 = 0.05;

/// The parts of speech of a modifier joined by 的 to a term too short for its English: nouns
/// and adjectives (标量的反馈信号 for scalar feedback signal).
const NOUN_MODIFIER_TAGS: &[&str] = &["n", "nz", "a", "an", "b", "z", "l"];

/// A term with fewer characters than this per English content word still misses a modifier
/// of a long English (健康评分 for scalar health score).
const SHORT_DE_CHARS_PER_WORD: f32 = 1.5;

/// An English of this many content words or more whose Chinese so far misfits by being short
/// lacks a modifier that 的 may join.
const SHORT_DE_MIN_WORDS: usize = 3;

/// Verbs of having that make an adjective of the noun after them (有条件的, 无监督的).
const HAVING: [&str; 3] = ["有", "无", "没有"];

/// The locality word that ends a phrase of place or time (在迭代中, 在运行中) before a gloss.
const TRAILING_LOCALITY: char = '中';

/// Characters that complete a verb (转换成, 分解为, 掉进, 发送到): the term starts after them.
const COMPLEMENTS: &[char] = &['成', '为', '进', '入', '至', '到'];

/// A verb with its complement this long or longer is one segmenter word (转换成); shorter
/// words ending in a complement are often terms (生成, 合成).
const VERB_COMPLEMENT_MIN_CHARS: usize = 3;

/// Whether `w` is a verb with its complement (转换成) or a complement standing alone (进 in
/// 掉/进): the term that follows is its object.
fn is_verb_complement(w: &Tagged<'_>) -> bool {
    let n = w.word.chars().count();
    let last = w.word.chars().next_back().unwrap_or(' ');
    COMPLEMENTS.contains(&last) && (n == 1 || n >= VERB_COMPLEMENT_MIN_CHARS && !is_noun_tag(w.tag))
}

/// The parts of speech of a Chinese modifier joined by 的 to a term: verbs and adjectives
/// (期望的, 加密的, 延迟的), not nouns, which own what follows (动量的).
const MODIFIER_TAGS: &[&str] = &["v", "vd", "vn", "a", "ad", "an", "b", "z"];

/// Where a Chinese term glossed by `english` (in lowercase) at `end` ends: before spaces, a
/// modal particle (低秩适配嘛(Low-Rank Adaptation)) or the 的 of an adjective
/// (幂等的（idempotent）).
pub(super) fn term_end(view: &str, end: usize, english: &str) -> usize {
    term_end_after(view, end, ends_adjectival(english))
}

/// [`term_end`] for an English that [`ends_adjectival`] or not.
fn term_end_after(view: &str, end: usize, adjectival: bool) -> usize {
    let mut p0 = skip_back(view, end, false);
    while let Some(c) = char_before(view, p0).filter(|c| MODAL_PARTICLES.contains(c)) {
        p0 = skip_back(view, p0 - c.len_utf8(), false);
    }
    if adjectival && char_before(view, p0) == Some('的') {
        let q = p0 - '的'.len_utf8();
        if char_before(view, q).is_some_and(is_cjk) {
            p0 = q;
        }
    }
    p0
}

/// The content of an emphasis or quotation that ends at `p1` or `p0` (the term's end, before
/// and after markup), or right before a closing quotation mark at `p1`: a short Chinese term.
fn marked_term(doc: &Document<'_>, p0: usize, p1: usize) -> Option<Span> {
    let view = doc.view();
    let quote_before = char_before(view, p1).filter(|c| CLOSING_QUOTES.contains(c)).map(|c| p1 - c.len_utf8());
    for t in [Some(p1), Some(p0), quote_before].into_iter().flatten() {
        if let Some(m) = doc.marked_ending_at(t) {
            let inner = trim_span(view, m.inner);
            let s = &view[inner.range()];
            let n = cjk_count(s);
            if (1..=MAX_CHINESE_CHARS).contains(&n)
                && !s.contains(|c: char| "，。：；！？,;:!?\n".contains(c) || c as u32 == HARD as u32)
            {
                return Some(inner);
            }
        }
    }
    None
}

/// The walk leftwards over the words of a window, one option per step.
struct Walk<'a> {
    view: &'a str,
    segmenter: &'a Segmenter,
    term_initial: &'a HashSet<String>,
    /// Where the window starts, and where every option ends.
    start: usize,
    end: usize,
    /// The English has "to" inside (end-to-end 端到端): 到 is no stop.
    to_inside: bool,
    /// The word right before the gloss is an idiom (后进先出 for LIFO): whole in itself, a
    /// verb before it is the sentence's.
    idiom_last: bool,
    /// The English has "and" or "or" inside (command-and-control server 命令与控制服务器,
    /// vanishing or exploding gradients 梯度消失或爆炸): 与/和/及/或 are no stops.
    and_inside: bool,
    /// The Chinese of the English's prefix, which starts the term.
    prefixes: &'static [&'static str],
    /// The English opens with an adjective or a participle and has more words: one 的 may
    /// join its Chinese modifier to the rest (cleared once crossed).
    modifier_de: bool,
    /// The last word walked over was that 的.
    after_de: bool,
    /// The last word walked over was a noun before that 的 which renders a word of the
    /// English: 有 or 无 before it belongs to the term.
    rendered_de: bool,
    /// The English has a hyphen inside a word (read-write lock 读-写锁): a hyphen between
    /// Chinese words is no stop.
    hyphen_inside: bool,
    /// The English has this many content words, and its Chinese is expected this long: one
    /// 的 may join a noun or adjective to a term still too short for a long English.
    english_words: usize,
    expected: f32,
    /// The 的 crossed was crossed because the term was too short: a noun may stand before it.
    noun_de: bool,
    /// A word of the English before its last is a participle (curiosity-driven reward): a
    /// verb before that 的 renders it.
    participle: bool,
    /// The English has "per" inside (queries per second 每秒查询数): a word of 每 starts the
    /// term.
    per: bool,
    /// The options so far, shortest first.
    options: Vec<Choice>,
    /// Whether the walk ended at a natural boundary.
    bounded: bool,
    /// The English, lowercased: a word that renders one of its words is no stop (导入 in
    /// 导入映射表 for import map).
    english: &'a str,
    /// The letters of an acronym English, lowercase (empty for other English): a word that
    /// spells the letter before those the term spells is no stop (部分 in
    /// 部分可观测马尔可夫决策过程 for POMDP).
    acronym: &'a [u8],
}

impl Walk<'_> {
    /// Whether `word` spells the acronym's letter right before those that the term so far
    /// spells in order, and the term spells [`MIN_SPELLED_LETTERS`] at least: the term is the
    /// acronym's full form, and the word its next one.
    fn spells_next_letter(&self, word: &str) -> bool {
        let Some(last) = self.options.last().filter(|_| !self.acronym.is_empty()) else { return false };
        let left = unspelled_letters(&self.view[last.span.range()], self.acronym);
        left > 0 && self.acronym.len() - left >= MIN_SPELLED_LETTERS && spells_letter(word, self.acronym[left - 1])
    }

    /// Whether `w`, a content word on the stop list (分析, 部署, 研究), spells a letter of an
    /// acronym of [`MIN_CROSSED_ACRONYM`] letters or more that the term so far leaves
    /// uncovered, where the term so far has too few words to stand for the letters before its
    /// last (专家 alone for CAP, 认证分析专家: 分析 spells A): the word is one of the full form's,
    /// not the sentence's verb. (部署内容分发网络 for CDN: three words cover the letters, and
    /// 部署 is the sentence's.)
    /// Whether `word` is the 每 of a "per" the English has: spelled out (queries per second
    /// 每秒查询数), or as an inner P of an acronym (FPS 每秒帧数, EPS 每股收益). 每个, 每一
    /// and 每种 (each) open no acronym's rendering: they quantify the noun.
    fn opens_per(&self, word: &str) -> bool {
        let inner_p = self.acronym.len() >= MIN_PER_ACRONYM && self.acronym[1..].contains(&b'p');
        word.starts_with('每') && (self.per || inner_p && !EACH.contains(&word))
    }

    fn spells_uncovered_letter(&self, w: &Tagged<'_>) -> bool {
        let letters = self.acronym.len();
        let words = self.options.len();
        if letters < MIN_CROSSED_ACRONYM || words == 0 || words + 1 >= letters || pos_stop(w.word, w.tag) {
            return false;
        }
        if w.word.chars().count() < MIN_SPELLING_WORD_CHARS || !w.word.chars().all(is_cjk) {
            return false;
        }
        // (the letters that the words so far leave, a word a letter or as they spell)
        let Some(last) = self.options.last() else { return false };
        let unspelled = unspelled_letters(&self.view[last.span.range()], self.acronym);
        let uncovered = unspelled.min(letters - words);
        self.acronym[..uncovered].iter().any(|&l| spells_letter(w.word, l))
    }

    /// Whether the term so far is too short for a long English: it misses a modifier.
    fn too_short(&self) -> bool {
        self.english_words >= SHORT_DE_MIN_WORDS
            && self.options.last().is_some_and(|o| {
                o.chars < self.expected
                    && (misfit(self.expected, o.chars) > 0.0
                        || o.chars < SHORT_DE_CHARS_PER_WORD * self.english_words as f32)
            })
    }

    /// Takes the word `w` into the term (`after` is the word after it), or stops: returns
    /// false where the term's left boundary is found.
    fn step(&mut self, w: &Tagged<'_>, after: Option<&str>, before: Option<&Tagged<'_>>) -> bool {
        let start = self.start + w.byte_start;
        // 可便捷访问的丰富互联网应用 for WAI-ARIA: a 的 after a word that spells the acronym's next
        // letter joins that word's modifier to the full form
        if w.word == "的" && before.is_some_and(|b| self.spells_next_letter(b.word)) {
            if let Some(last) = self.options.last_mut() {
                last.at_stop = true;
            }
            return true;
        }
        // expected accumulated reward 期望的累积奖励: an English that opens with an adjective
        // may have its Chinese modifier joined by one 的; the term so far is an option too
        // a uniform random policy 均匀的随机策略: a long English whose Chinese so far misses
        // words may have a noun or adjective joined by one 的
        let short_de = !self.modifier_de && !self.noun_de && self.too_short();
        // 离散的状态 for discrete state: the word before 的 renders another word of the English,
        // and is no noun (模型的参数: a possessor, the sentence's)
        let rendered_before = || {
            self.english.contains(' ')
                && before.is_some_and(|b| {
                    b.word.chars().all(is_cjk) && !b.tag.starts_with('n') && renders(b.word, self.english) == Some(true)
                })
                && self.options.last().is_some_and(|o| !self.view[o.span.range()].contains('的'))
        };
        if w.word == "的" && (self.modifier_de || short_de || rendered_before()) && !self.options.is_empty() {
            self.modifier_de = false;
            self.noun_de = short_de;
            self.after_de = true;
            if let Some(last) = self.options.last_mut() {
                last.at_stop = true;
            }
            return true;
        }
        // 有条件的 for conditional: 有 or 无 before a noun that renders the English makes an
        // adjective of it, and opens the term
        if std::mem::take(&mut self.rendered_de) && (HAVING.contains(&w.word) || self.prefixes.contains(&w.word)) {
            let span = Span::new(start, self.end);
            self.options.push(Choice::prefixed(span, &self.view[span.range()], w.word));
            self.bounded = true;
            return false;
        }
        // 调整后的兰德指数 for adjusted Rand index: a verb and 后 before 的 say the English's
        // participle ("after adjusting"); the verb is looked at next, as the modifier
        if self.after_de
            && self.participle
            && w.word == "后"
            && before.is_some_and(|b| b.tag.starts_with('v') && b.word.chars().count() >= 2)
        {
            return true;
        }
        // …but a noun before 的 owns the term (动量的随机梯度下降): the term ends at 的, unless
        // it renders a word of the English (依赖状态的探索 for state-dependent exploration)
        if std::mem::take(&mut self.after_de) {
            let modifier = self.noun_de && NOUN_MODIFIER_TAGS.contains(&w.tag) && w.word.chars().count() >= 2
                || (!self.noun_de || self.participle) && MODIFIER_TAGS.contains(&w.tag);
            self.rendered_de = !modifier && renders(w.word, self.english) == Some(true);
            if !modifier && !self.rendered_de {
                self.bounded = true;
                return false;
            }
        }
        // 转换成增量均值, 掉进悬崖: a verb with its complement (成, 为, 进…) puts the term after it
        // (发送到 ends the phrase before the term; 到 of end-to-end is the term's)
        if !self.options.is_empty() && is_verb_complement(w) && !(self.to_inside && w.word.ends_with('到')) {
            self.bounded = true;
            if let Some(last) = self.options.last_mut() {
                last.at_stop = true;
            }
            return false;
        }
        if !self.at_boundary(w, start, before.map(|b| b.word)) {
            return !self.glued(w, start) && self.take(w, start, after);
        }
        // 失败的情况: a verb or an adjective before the 的 that bounds the term modifies it
        if w.word == "的" && before.is_some_and(|b| MODIFIER_TAGS.contains(&b.tag) && !HAVING.contains(&b.word)) {
            if let Some(last) = self.options.last_mut() {
                last.after_modifier_de = true;
            }
        }
        false
    }

    /// Whether `w` bounds the term: the Chinese of the English's prefix (which starts it) or
    /// a function word (which does not). `before` is the word before `w`.
    fn at_boundary(&mut self, w: &Tagged<'_>, start: usize, before: Option<&str>) -> bool {
        // 后端 cut as 后/端, 端到端 for end-to-end: not stops here
        let single = self.options.last().is_none_or(|o| o.cjk <= 1);
        // the word right before the gloss ends the term, whatever it is, unless it is a
        // particle or the like: 懒加载（lazy loading） ends with 加载, a framing verb elsewhere
        let rightmost = self.options.is_empty() && w.word.chars().count() >= 2 && !pos_stop(w.word, w.tag);
        let kept = || {
            (LOCALITY.contains(&w.word) && single)
                || (w.word == "到" && self.to_inside)
                || (w.word == "-" && self.hyphen_inside && !self.options.is_empty())
                || (is_coordinator(w.word) && self.and_inside && !self.options.is_empty())
                || (is_coordinator(w.word) && self.joins_acronym_halves(before))
                || rightmost
                || renders(w.word, self.english) == Some(true)
                || self.opens_rendering(w.word)
                || self.spells_uncovered_letter(w)
        };
        // post-training 后训练, de-duplication 去重: the Chinese of the English's prefix
        // starts the term, though it is a function word elsewhere
        // (a numeral with its measure word: 一步 for one-step)
        let renders = |p: &&str| *p == w.word || w.tag == "m" && w.word.starts_with(p);
        if !self.options.is_empty() && (self.prefixes.iter().any(renders) || self.opens_per(w.word)) {
            let span = Span::new(start, self.end);
            let text = &self.view[span.range()];
            let mut choice = if self.prefixes.contains(&w.word) {
                Choice::prefixed(span, text, w.word)
            } else {
                Choice::new(span, text, false, true)
            };
            choice.renders_prefix = true;
            self.options.push(choice);
            self.bounded = true;
            return true;
        }
        // 部分 in 部分可观测马尔可夫决策过程 for POMDP: a word (no verb: 包括 before a full form
        // is the sentence's) that spells the acronym's next letter may open its full form; the
        // term so far still reaches a natural boundary
        if is_stop(w.word, w.tag) && !w.tag.starts_with('v') && self.spells_next_letter(w.word) {
            if let Some(last) = self.options.last_mut() {
                last.at_stop = true;
            }
            return false;
        }
        if is_stop(w.word, w.tag) && !kept() {
            self.bounded = true;
            if let Some(last) = self.options.last_mut() {
                last.at_stop = true;
            }
            return true;
        }
        false
    }

    /// Whether `word`, a function word elsewhere, makes with the term so far a word that
    /// renders one of the English's (解决 + 方法 for solution): it opens the term.
    fn opens_rendering(&self, word: &str) -> bool {
        self.options.last().is_some_and(|o| {
            let joined = format!("{word}{}", self.view[o.span.range()].trim());
            renders(&joined, self.english) == Some(true)
        })
    }

    /// Whether `word` opens with a number that the English has too (16位 in 16位浮点 for FP16,
    /// 32 in 32位整数 for int32): a count of the term's own, not of the sentence.
    fn own_number(&self, word: &str) -> bool {
        let digits = word.bytes().take_while(u8::is_ascii_digit).count();
        digits > 0 && !self.options.is_empty() && self.english.contains(&word[..digits])
    }

    /// Whether a coordinator with `before` before it joins the halves of an acronym's Chinese
    /// (身份和访问管理 for IAM): the acronym has three letters or more, and `before` renders a
    /// word that its first letter may stand for.
    fn joins_acronym_halves(&self, before: Option<&str>) -> bool {
        // (or the acronym has letters left for a noun before the coordinator to spell:
        // 高可用性和灾难恢复 for HADR)
        let letters_left = self.acronym.len() >= MIN_COORDINATED_LETTERS
            && self.options.len() + MIN_LETTERS_LEFT <= self.acronym.len()
            && before.is_some_and(|b| b.chars().count() >= 2 && b.chars().all(is_cjk));
        !self.options.is_empty()
            && may_be_acronym(self.english)
            && self.english.len() >= MIN_JOINED_ACRONYM
            && (before.is_some_and(|b| renders(b, self.english) == Some(true)) || letters_left)
    }

    /// Options inside a word that glues something to the term: a measure word (一个零 in
    /// 一个零假设) or a function character (做大 in 做大语言模型). Returns whether the glued
    /// character bounds the term.
    fn glued(&mut self, w: &Tagged<'_>, start: usize) -> bool {
        let view = self.view;
        let first = w.word.chars().next().unwrap_or(' ');
        if let Some(p) = w.word.find('个').filter(|&p| p + '个'.len_utf8() < w.word.len()) {
            let inner = Span::new(start + p + '个'.len_utf8(), self.end);
            let t = &view[inner.range()];
            if cjk_count(t) > 0 {
                self.options.push(Choice::new(inner, t, false, true));
            }
        }
        let noun = matches!(w.tag, "n" | "nr" | "ns" | "nt" | "nz" | "vn");
        // a word the segmenter made up (not in its dictionary) that starts with a pronoun or
        // a function character: 其本征 in 但其本征电子电导率
        let made_up = w.word.chars().count() >= MADE_UP_MIN_CHARS
            && (GLUED_STOPS.contains(&first) || GLUED_PRONOUNS.contains(&first))
            && !self.segmenter.has_word(w.word);
        // (not a function word whole: 用于, 用作; nor a verb with its complement: 用到, 做成)
        let glued_two = w.word.chars().count() == 2
            && GLUED_STOPS.contains(&first)
            && !noun
            && !is_stop(w.word, w.tag)
            && !w.word.ends_with(COMPLEMENTS);
        if glued_two || made_up {
            let inner = Span::new(start + first.len_utf8(), self.end);
            let t = &view[inner.range()];
            if cjk_count(t) > 0 {
                self.options.push(Choice::new(inner, t, false, true));
                self.bounded = false;
                return true;
            }
        }
        false
    }

    /// Adds the option that starts with `w`; returns false where it would be too long.
    fn take(&mut self, w: &Tagged<'_>, start: usize, after: Option<&str>) -> bool {
        let span = Span::new(start, self.end);
        let t = &self.view[span.range()];
        let size = (cjk_count(t), text_chars(t));
        if size.0 > MAX_CHINESE_CHARS || size.1 > MAX_CHINESE_CHARS as f32 + LATIN_SLACK_CHARS {
            self.bounded = false;
            return false;
        }
        // 和服务器: a term never starts with the word that joins its two halves
        if is_coordinator(w.word) {
            return true;
        }
        let n_words = self.options.iter().filter(|o| !o.at_stop).count() + 1;
        // a verb that starts a known term with the word after it (反向 in 反向传播算法)
        let starts_known = || after.is_some_and(|a| self.term_initial.contains(&format!("{}{a}", w.word)));
        // (端到 in 端到端 for end-to-end renders the English's "to")
        let to_word = self.to_inside && w.word.contains('到');
        let verb = (w.tag == "v" || OBJECT_VERBS.contains(&w.word))
            && n_words >= 2
            && !PREFIX_CHARS.contains(w.word)
            && !starts_known()
            && !to_word;
        if self.options.is_empty() {
            self.idiom_last = w.tag == IDIOM_TAG;
        }
        // 遵循后进先出（LIFO）: a verb before an idiom that is the whole term is the sentence's
        if verb && self.idiom_last && self.options.len() == 1 {
            self.bounded = true;
            if let Some(last) = self.options.last_mut() {
                last.at_stop = true;
            }
            return false;
        }
        // 配置 Kubernetes 服务: a verb spaced off an English word that opens the term is the
        // sentence's verb, and the term is its object
        let after_verb = &self.view[start + w.word.len()..];
        // (可变 reference for mutable reference renders a word of the English: the term's own)
        if verb
            && after_verb.strip_prefix(' ').is_some_and(|a| a.starts_with(|c: char| c.is_ascii_alphabetic()))
            && renders(w.word, self.english) != Some(true)
        {
            self.bounded = true;
            if let Some(last) = self.options.last_mut() {
                last.at_stop = true;
            }
            return false;
        }
        // a verb before one long dictionary word is its object's verb: 纳入版本控制; not where
        // the word is one of an acronym's term with too few words for its letters (发光二极管
        // for LED)
        let needed = self.acronym.len() >= MIN_CROSSED_ACRONYM && self.options.len() + 2 <= self.acronym.len();
        let verb_object =
            verb && !needed
                && n_words == 2
                && self.options.last().is_some_and(|o| {
                    o.cjk >= OBJECT_MIN_CJK && self.segmenter.has_word(self.view[o.span.range()].trim())
                });
        // an option starts with a word: not with a number (1 无偏性) or punctuation
        let numeric = w.word.chars().all(|c| c.is_ascii_digit() || c.is_ascii_punctuation());
        if !numeric || self.own_number(w.word) {
            let mut choice = Choice::measured(span, size, verb, false);
            choice.verb_object = verb_object;
            choice.one_char_verb = verb && w.word.chars().count() == 1 && !PREFIX_CHARS.contains(w.word);
            self.options.push(choice);
        }
        true
    }
}

/// The letters of an acronym that a term must spell before a word that spells the next one
/// is taken across a boundary: fewer, and the term may not be its full form at all.
pub(super) const MIN_SPELLED_LETTERS: usize = 2;

/// Verbs of drawing, showing, recording and reaching, which take what follows as their object
/// (绘制测试, 到达终点 before a one-word English); the segmenter tags some of them as nouns.
pub(super) const OBJECT_VERBS: &[&str] = &["绘制", "记录", "打印", "显示", "展示", "画出", "查看", "到达"];

/// The segmenter's tag of an idiom (成语: 后进先出, 先来后到).
const IDIOM_TAG: &str = "i";

/// An acronym of this many letters or more may have a content word of the stop list inside
/// its full form (认证分析专家 for CAP); in a shorter one the word is the sentence's.
const MIN_CROSSED_ACRONYM: usize = 3;

/// A word of the stop list this long at least may spell an acronym's letter: a single
/// character is a function word.
const MIN_SPELLING_WORD_CHARS: usize = 2;

/// An acronym of this many letters or more may stand for two coordinated halves (IAM); in a
/// shorter one a coordinator joins the term to other words.
const MIN_JOINED_ACRONYM: usize = 3;

/// An acronym of this many letters or more may stand for a term with `基于…的` (X-based)
/// before it: the modifier spells a letter of its own, and `based` one more.
const MIN_BASED_ACRONYM: usize = 3;

/// The longest modifier between `基于` and `的` that an acronym's term takes, in characters.
const MAX_BASED_MODIFIER: usize = 4;

/// The option that takes `基于 X 的` (X-based) before the longest of `options` into an
/// acronym's term (基于时间的动态口令 for TOTP, 基于角色的管理 for RBA), where the walk stopped
/// at that 的 and the term's words spell too few of the acronym's `letters`: the term's
/// words and X and `based` spell one letter each at most. `words` are the window's, from
/// `window_start`. (基于深度学习的方法 is no full form of DL: two letters.)
fn based_acronym(
    view: &str,
    options: &[Choice],
    words: &[Tagged<'_>],
    window_start: usize,
    letters: usize,
) -> Option<Choice> {
    let last = options.last().filter(|_| letters >= MIN_BASED_ACRONYM)?;
    // the walk took X 的 for the letter X spells (规则的机器翻译 for RMT): 基于 is the term's too
    let taken = &view[last.span.range()];
    if view[..last.span.start].ends_with("基于")
        && taken.find('的').is_some_and(|d| (1..=MAX_BASED_MODIFIER).contains(&taken[..d].chars().count()))
    {
        let span = Span::new(last.span.start - "基于".len(), last.span.end);
        return Some(Choice::prefixed(span, &view[span.range()], "基于"));
    }
    let before = view[..last.span.start].strip_suffix('的')?;
    let p = before.rfind("基于")?;
    let modifier = &before[p + "基于".len()..];
    let n = modifier.chars().count();
    if n == 0 || n > MAX_BASED_MODIFIER || !modifier.chars().all(is_cjk) {
        return None;
    }
    let term_words = words
        .iter()
        .filter(|w| window_start + w.byte_start >= last.span.start && !w.word.chars().all(char::is_whitespace))
        .count();
    if letters < term_words + 2 {
        return None;
    }
    let span = Span::new(p, last.span.end);
    Some(Choice::prefixed(span, &view[span.range()], "基于"))
}

/// An acronym of this many letters or more may stand for two halves that a coordinator joins
/// though nothing known says so, where its term so far, a letter a word, leaves
/// [`MIN_LETTERS_LEFT`] for the half before.
const MIN_COORDINATED_LETTERS: usize = 4;

/// The letters an acronym's term so far must leave for a noun before a coordinator to join
/// it: the noun may spell two (高可用性: high availability).
const MIN_LETTERS_LEFT: usize = 2;

/// Whether a word joins two halves of a coordinated term (梯度消失或爆炸).
fn is_coordinator(word: &str) -> bool {
    matches!(word, "与" | "和" | "及" | "或" | "或者")
}

/// 幂等 cut as 幂/等: two single characters, the second a function word, make a word, when
/// they are all the window's last words give.
fn split_word(view: &str, words: &[Tagged<'_>], window: Span) -> Option<Choice> {
    let mut real = words.iter().rev().filter(|w| !w.word.trim().is_empty());
    let (b, a) = (real.next()?, real.next()?);
    let (ca, cb) = (a.word.chars().count(), b.word.chars().count());
    if ca == 1
        && cb == 1
        && is_stop(b.word, b.tag)
        && !is_stop(a.word, a.tag)
        && window.start + b.byte_end == window.end
    {
        let span = Span::new(window.start + a.byte_start, window.end);
        return Some(Choice::new(span, &view[span.range()], false, false));
    }
    None
}

/// Settles what the walk left open once all options are known.
fn settle(options: &mut Vec<Choice>, bounded: bool, expected: f32) {
    if let Some(last) = options.last_mut() {
        last.at_stop |= bounded;
    }
    // a "verb" before a dictionary word that is too short for the English is part of the
    // term: 扫描 in 扫描电子显微镜 (scanning electron microscope)
    for k in 1..options.len() {
        if options[k].verb_object && misfit(expected, options[k - 1].chars) > OBJECT_MISFIT {
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
}

impl Aligner<'_> {
    /// The possible Chinese terms that end at `end`, glossed by `english`.
    pub(super) fn left_site(&self, doc: &Document<'_>, end: usize, english: &English<'_>) -> Option<LeftSite> {
        self.left_site_in(doc, end, english, None)
    }

    /// The possible Chinese terms that end at `end`, where an emphasis or quotation that
    /// encloses the term and its gloss may open at `opened` (`**双深度Q网络（double DQN）**`):
    /// where the text from there is a term, it is the term.
    pub(super) fn left_site_in(
        &self,
        doc: &Document<'_>,
        end: usize,
        e: &English<'_>,
        opened: Option<usize>,
    ) -> Option<LeftSite> {
        let view = doc.view();
        let (expected, english, english_words) = (e.expected, e.lower.as_str(), e.words);
        let p0 = term_end_after(view, end, e.ends_adjectival);
        let p1 = skip_back(view, p0, true);
        // (a mark that opens after the term's end encloses none of it)
        let opened = opened
            .filter(|&o| o <= p1)
            .map(|o| trim_span(view, Span::new(o, p1)))
            .filter(|m| self.is_opened_term(view, *m, e.prefixes));
        if let Some(mut m) = marked_term(doc, p0, p1).or(opened) {
            // *序列转换模型*（sequence transduction）: marked, but the head noun is description
            m.end = without_heads(view, m.end, || e.heads()).max(m.start);
            return Some(LeftSite::settled(m, view, expected, english, english_words));
        }
        if p1 != p0 {
            return None; // markup that encloses something else
        }
        // 作者保罗·格劳（Paul Grau）: a person's name joined by dots settles where it starts
        if let Some(start) = dotted_name_start(view, p0, e.written(), self.segmenter) {
            return Some(LeftSite::settled(Span::new(start, p0), view, expected, english, english_words));
        }
        // 序列转换模型（sequence transduction）: a head noun the English lacks is description
        let p0 = without_heads(view, p0, || e.heads());
        // 在每次迭代中（epoch）: 中 after a word says where, and is no part of the term
        let p0 = self.without_locality(view, p0);
        // 发布/订阅（publish/subscribe）: a slash inside the term where the English has one
        let (window, hit_limit) = window_before(view, p0, english.contains('/'));
        let wtext = &view[window.range()];
        if window.is_empty() || !char_before(view, p0).is_some_and(|c| is_cjk(c) || c.is_alphanumeric()) {
            return None;
        }
        if !wtext.chars().next_back().is_some_and(is_cjk) && !wtext.chars().any(is_cjk) {
            return None;
        }
        let words = self.segmenter.tag(wtext);
        let acronym: Vec<u8> = if is_acronym(e.written()) {
            e.written().bytes().filter(u8::is_ascii_alphabetic).map(|b| b.to_ascii_lowercase()).collect()
        } else {
            Vec::new()
        };
        // 原子性、一致性、隔离性和持久性（ACID）: a list of as many items as the acronym's letters
        if let Some(start) = self.listed_before(view, p0, acronym.len()) {
            return Some(LeftSite::settled(Span::new(start, p0), view, expected, english, english_words));
        }
        let mut walk = Walk {
            view,
            segmenter: self.segmenter,
            term_initial: self.term_initial,
            start: window.start,
            end: p0,
            to_inside: e.to_inside,
            idiom_last: false,
            and_inside: e.and_inside,
            prefixes: e.prefixes,
            per: e.per,
            hyphen_inside: e.hyphen_inside,
            english_words,
            expected,
            noun_de: false,
            participle: e.participle,
            modifier_de: e.opens_adjectival,
            after_de: false,
            rendered_de: false,
            options: Vec::new(),
            bounded: !hit_limit,
            english,
            acronym: &acronym,
        };
        // the word after the one looked at
        let mut next_word: Option<&str> = None;
        let blank = |w: &Tagged<'_>| w.word.chars().all(char::is_whitespace);
        for (i, w) in words.iter().enumerate().rev() {
            // (all spaces: what trim would leave empty, without trimming)
            if blank(w) {
                continue;
            }
            let after = next_word.replace(w.word);
            let before = words[..i].iter().rev().find(|b| !blank(b));
            if !walk.step(w, after, before) {
                break;
            }
        }
        let bounded = walk.bounded;
        let mut options = walk.options;
        if options.is_empty() {
            options.extend(split_word(view, &words, window));
        }
        if let Some(based) = based_acronym(view, &options, &words, window.start, acronym.len()) {
            options.push(based);
        }
        for o in options.iter_mut() {
            o.chars += kept_acronym_chars(&view[o.span.range()], english);
        }
        settle(&mut options, bounded, expected);
        // what each option adds to the one before it renders of the English, read once
        for k in 1..options.len() {
            // (标量的 in 标量的健康评分: the word before 的 is the piece)
            let piece = view
                .get(options[k].span.start..options[k - 1].span.start)
                .map(|p| p.trim().trim_end_matches('的').trim_end());
            options[k].renders_word = piece.and_then(|p| renders(p, english));
        }
        if !acronym.is_empty() {
            for o in options.iter_mut() {
                o.spelled = acronym.len() - unspelled_letters(&view[o.span.range()], &acronym);
            }
        }
        self.mark_known(view, e, p0, &mut options);
        // Android 应用程序（PIIVA）: every option far too few words for the letters (and none
        // that the reference gives)
        if acronym.len() >= MIN_COUNTED_LETTERS
            && options
                .iter()
                .all(|o| !o.known && too_few_words(&self.segmenter.tag(&view[o.span.range()]), acronym.len()))
        {
            return None;
        }
        // one character is no Chinese of several English words (否 of 节律规律与否 for regular
        // or irregular), unless the reference says so
        let one_char = |o: &Choice| o.chars < MIN_TERM_CHARS && !o.known;
        if options.is_empty() || english_words >= 2 && options.iter().all(one_char) {
            return None;
        }
        let english = english.to_string();
        let acronym_letters = acronym.len();
        Some(LeftSite { options, marked: None, expected, english, english_words, acronym_letters, strict: false })
    }

    /// Where a list before `p0` starts that is the Chinese of an acronym of `letters` letters
    /// (see [`listed_start`]): read over Chinese and `、` only, a few items' worth.
    fn listed_before(&self, view: &str, p0: usize, letters: usize) -> Option<usize> {
        if letters == 0 {
            return None;
        }
        let mut start = p0;
        for c in view[..p0].chars().rev().take(MAX_LIST_CHARS) {
            if !(is_cjk(c) || c == '、') {
                break;
            }
            start -= c.len_utf8();
        }
        let text = &view[start..p0];
        if !text.contains('、') {
            return None;
        }
        listed_start(&self.segmenter.tag(text), start, letters)
    }

    /// `end`, or before a 中 there that is a word of its own (迭代中, not 命中 or 选中).
    fn without_locality(&self, view: &str, end: usize) -> usize {
        let Some(rest) = view[..end].strip_suffix(TRAILING_LOCALITY) else { return end };
        match rest.chars().next_back() {
            Some(c) if is_cjk(c) && !self.segmenter.has_word(&format!("{c}{TRAILING_LOCALITY}")) => rest.len(),
            _ => end,
        }
    }

    /// Whether `m`, from where an emphasis opens to a gloss inside it, is a term: Chinese
    /// without punctuation, short enough, and with no function word but a first one that may
    /// start a term (有 in 有模型 for model-based, 部分 in 部分可观测…过程).
    fn is_opened_term(&self, view: &str, m: Span, prefixes: &[&str]) -> bool {
        let t = &view[m.range()];
        let n = cjk_count(t);
        if n == 0
            || n > MAX_CHINESE_CHARS
            || t.chars().any(|c| !(is_cjk(c) || c.is_alphanumeric() || matches!(c, ' ' | '-' | '·' | '/')))
        {
            return false;
        }
        self.segmenter.tag(t).iter().enumerate().all(|(k, w)| {
            // (a word of the stop list is the sentence's, whatever its tag: 部署 in `*部署 Azure
            // 资源管理器（ARM）*`)
            let first_ok = k == 0
                && (prefixes.contains(&w.word)
                    || is_noun_tag(w.tag) && !is_stop_word(w.word)
                    || w.tag == "v" && w.word.chars().count() == 1 && !LOCALITY.contains(&w.word));
            !is_stop(w.word, w.tag) || first_ok
        })
    }

    /// Marks the options that are the reference's Chinese for `english`, and adds the
    /// reference's term ending at `p0` where the segmenter cut it otherwise.
    fn mark_known(&self, view: &str, english: &English<'_>, p0: usize, options: &mut Vec<Choice>) {
        // 深度Q网络 is DQN's: not noisy DQN's (looked for only when an option is some entry's)
        let some_known = options.iter().any(|o| self.reference.may_have_chinese(view[o.span.range()].trim()));
        for (phrase, r) in if some_known { english.sub_known() } else { &[] } {
            for o in options.iter_mut() {
                // (KL 散度 keeps the shorter English in Latin and adds to it: the longer one's)
                let zh = view[o.span.range()].trim();
                o.taken |= r.chinese.iter().any(|z| z == zh) && !zh.to_lowercase().contains(phrase.as_str());
            }
        }
        // 卷积神经网络 before LeNet, 一致性 before CP: the reference's Chinese for another
        // concept describes a name, it does not translate it (words in lowercase are left
        // alone: the reference lists one word of a pair of synonyms, `mean` but not `average`)
        // (a word in lowercase too, against phrases only: 激活函数 for sigmoid, where the
        // reference's activation function is a kind of it)
        let name = || english.written().bytes().any(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
        let one_word = || !english.written().contains([' ', '-']);
        if some_known && !self.keep_descriptions && (name() || one_word()) {
            let name = name();
            for o in options.iter_mut() {
                let zh = view[o.span.range()].trim();
                o.other_concept = self.reference.may_have_chinese(zh)
                    && (name || self.reference.owners(zh).all(|r| r.english.contains(' ')))
                    && is_other_concepts(self.reference.owners(zh), english);
            }
        }
        let Some(r) = english.known else { return };
        for o in options.iter_mut() {
            o.known = r.chinese.iter().any(|z| z == view[o.span.range()].trim());
            o.taken &= !o.known;
            o.other_concept &= !o.known;
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
}

/// Two spellings of one English this alike at least are one term (`co-occurrence`,
/// `cooccurrence`; `minibatch`, `mini-batch`).
const SAME_TERM_SIMILARITY: f64 = 0.8;

/// Whether every entry of `owners` (at least one) names a concept other than `english`: not
/// its English (in another spelling), not its acronym or the full form its letters abbreviate,
/// and neither inside the other (`loss` and `loss function` are one family).
fn is_other_concepts<'r>(owners: impl Iterator<Item = &'r ReferenceEntry>, english: &English<'_>) -> bool {
    let inside = |a: &str, b: &str| {
        a.len() < b.len()
            && b.match_indices(a).any(|(i, _)| {
                let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
                !word(b[..i].chars().next_back()) && !word(b[i + a.len()..].chars().next())
            })
    };
    // one word against another of the entry's: one stem (converge, convergence)
    let stem_in = |w: &str, theirs: &str| !w.contains(' ') && theirs.split([' ', '-']).any(|t| same_stem(w, t));
    let mine = english.lower.as_str();
    let mut any = false;
    for r in owners {
        any = true;
        let theirs = r.english.to_lowercase();
        let related = theirs == mine
            || r.abbreviation.as_deref().is_some_and(|a| a.eq_ignore_ascii_case(mine))
            || abbreviates(mine, &theirs)
            || r.abbreviation.as_deref().is_some_and(|a| abbreviates(a, mine))
            || inside(mine, &theirs)
            || inside(&theirs, mine)
            || stem_in(mine, &theirs)
            || strsim::normalized_levenshtein(mine, &theirs) >= SAME_TERM_SIMILARITY;
        if related {
            return false;
        }
    }
    any
}

/// Two words share a stem this long at least...
const MIN_STEM: usize = 5;
/// ...covering at least this share of the shorter word (`balance`, `balancing`).
const MIN_STEM_SHARE: f64 = 0.7;

/// Whether two words are forms of one stem (`decode`, `decoding`).
fn same_stem(a: &str, b: &str) -> bool {
    let common = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    let shorter = a.len().min(b.len());
    common >= MIN_STEM && common as f64 >= MIN_STEM_SHARE * shorter as f64
}
