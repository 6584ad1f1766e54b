//! Choosing among the left boundaries of a Chinese term, and how sure to be of each gloss.
//!
//! The English tells how long its Chinese should be (about two characters per English word,
//! [`expected_chars`](super::length::expected_chars)); an option is scored on how well its length fits ([`misfit`](super::length::misfit)), on
//! whether it reaches a natural boundary (a function word, punctuation, markup), on the words
//! it starts with, on whether the reference knows it, and on how often it recurs in the whole
//! input. Every weight is named here with the reason for its value, together with the
//! confidences that the other rules give their glosses.

use super::cover::covers_little;
use super::left::{LeftSite, MIN_SPELLED_LETTERS, OBJECT_VERBS};
use super::length::{misfit, MIN_EXPECTED_CHARS, MIN_TERM_CHARS};
use super::renders::{may_be_acronym, rendered_in};
use super::scan::cjk_count;
use crate::model::Span;
use rustc_hash::FxHashMap;

// ---- Confidences of glosses found without a choice of boundary.

/// Chinese in brackets after English, with an emphasis or quotation on either: the writer
/// marked the pair.
pub(super) const BRACKET_MARKED_CONFIDENCE: f32 = 0.9;
/// Chinese in brackets after English: the bracket bounds the term on both sides, but the
/// writer may put a description there (judged samples: about nine in ten right).
pub(super) const BRACKET_CONFIDENCE: f32 = 0.78;
/// Chinese after English in brackets that follow a Chinese term: as likely a description of
/// the term (神经元（neuron，处理单元）) as a translation.
pub(super) const BRACKET_DESCRIPTION_CONFIDENCE: f32 = 0.6;
/// Taken off the confidence of Chinese in brackets that hold more parts than the term.
pub(super) const BRACKET_MORE_PARTS_PENALTY: f32 = 0.1;
/// An apposition after 叫/称为/所谓: the writer is naming the term.
pub(super) const NAMED_APPOSITION_CONFIDENCE: f32 = 0.8;
/// An apposition with a keyword (也就是, 又称…).
pub(super) const APPOSITION_CONFIDENCE: f32 = 0.7;
/// An apposition with a pause and no keyword (叫 length bias，长度偏差): the weakest sign.
pub(super) const BARE_APPOSITION_CONFIDENCE: f32 = 0.65;

// ---- Scores of the options of a left site.

/// Per character: among options that fit alike, the longer wins, as a term takes its
/// modifiers.
const LENGTH_BONUS: f32 = 0.02;
/// For reaching the natural boundary (a function word, punctuation or markup).
const NATURAL_BOUNDARY_BONUS: f32 = 0.3;
/// How fast the boundary bonus fades as the option misfits: gone at a misfit of one half,
/// a chunk far longer than the English.
const BOUNDARY_FADE: f32 = 2.0;
/// For an option made of a verb and the term that already fits: the verb is context.
const VERB_CONTEXT_PENALTY: f32 = 0.2;
/// A rest after a verb this long (in Chinese characters) is a term of its own.
const VERB_CONTEXT_MIN_REST_CJK: usize = 3;
/// ...and this long for an English of one word, which one Chinese word renders, after a verb
/// of [`OBJECT_VERBS`] (绘制测试 for eval: 绘制 is context).
const VERB_CONTEXT_MIN_REST_ONE_WORD_CJK: usize = 2;
/// For a Latin word at the start that the English has too (Python 包 / Python package).
const LATIN_HEAD_BONUS: f32 = 0.2;
/// For a Latin word at the start that the English lacks: it is context
/// (Nadaraya-Watson核回归 / kernel regression).
const LATIN_HEAD_PENALTY: f32 = 0.4;
/// For the reference's Chinese for this English.
const KNOWN_BONUS: f32 = 0.4;
/// For starting with the Chinese of a piece of the English (有 for model-*based*, 双 for
/// *double* DQN): without it the term lacks a part the English has.
const PREFIX_BONUS: f32 = 0.2;
/// For a verb before one long dictionary word: the verb takes it as object (纳入版本控制).
const VERB_OBJECT_PENALTY: f32 = 0.2;
/// How much a plain verb at the start of a longer option counts against it. jieba tags many
/// term-initial words as verbs (反向代理, 负载均衡, 生成对抗网络), so only a little.
const VERB_START_PENALTY: f32 = 0.1;
/// For a one-character verb at the start: it rarely starts a term (看网飞, 试知识蒸馏).
const ONE_CHAR_VERB_PENALTY: f32 = 0.35;
/// For a one-character verb at the start where the rest is far too short for the English
/// (写放大 write amplification): then it is likely part of the term.
const ONE_CHAR_VERB_SHORT_REST_PENALTY: f32 = 0.1;
/// A rest misfitting more than this is far too short for the English.
const SHORT_REST_MISFIT: f32 = 0.2;
/// An English expected longer than this has several words.
const MULTI_WORD_EXPECTED: f32 = 3.0;
/// For one character standing for a multi-word English term.
const ONE_CHAR_PENALTY: f32 = 0.3;
/// For the Chinese of a shorter English inside this one: never this one's.
const TAKEN_PENALTY: f32 = 2.0;
/// Per occurrence beyond the first of an option in the whole input: a string that recurs is
/// a unit.
const RECURRENCE_BONUS: f32 = 0.03;
/// Occurrences counted at most: beyond, a string is common anyway.
const RECURRENCE_CAP: usize = 5;

// ---- Confidence of the chosen option.

/// An emphasis or quotation ending at the gloss settles the boundary.
const MARKED_CONFIDENCE: f32 = 0.95;
/// The chosen option reaches a natural boundary (judged samples: about nine in ten right;
/// glossed again in the input, a rendering rises above 0.8).
const AT_STOP_CONFIDENCE: f32 = 0.78;
/// The chosen option stops inside a run of words.
const OPEN_CONFIDENCE: f32 = 0.65;
/// Taken off per unit of misfit (at most one).
const MISFIT_CONFIDENCE_PENALTY: f32 = 0.2;
/// The best and second-best scores this close make a close call…
const CLOSE_CALL_MARGIN: f32 = 0.15;
/// …which costs this much.
const CLOSE_CALL_PENALTY: f32 = 0.1;
/// Taken off for a gloss without brackets or keywords (English beside its Chinese).
const STRICT_PENALTY: f32 = 0.15;
/// The most confidence of an option with fewer characters than its English has words, unless
/// the reference knows it: it likely lacks a piece (显存 for memory footprint).
pub(super) const COVERS_LITTLE_CONFIDENCE: f32 = 0.6;
/// ...and of one bounded by a 的 after a verb or an adjective (失败的情况 for failure case):
/// the modifier before the 的 likely renders the English's missing word, so the boundary
/// is doubtful, and a gloss given once is no rendering.
const SHORT_AFTER_MODIFIER_CONFIDENCE: f32 = 0.5;
/// The most confidence of an option that starts right after a digit: the number may belong
/// to the term (16位浮点).
const CUT_CONFIDENCE: f32 = 0.6;
/// The least confidence of a chosen option.
const MIN_CONFIDENCE: f32 = 0.3;
/// The most confidence of a chosen option.
const MAX_CONFIDENCE: f32 = 0.95;

fn count(counts: &FxHashMap<&str, usize>, s: &str) -> usize {
    counts.get(s).copied().unwrap_or(0)
}

/// What an option gains when the piece it adds to the shorter option renders a word of the
/// English.
const WORD_RENDERED_BONUS: f32 = 0.3;
/// What it loses when the piece renders only words the English lacks…
const FOREIGN_WORD_PENALTY: f32 = 0.3;
/// …and the shorter option fits the English with this many Chinese characters or more.
const FOREIGN_WORD_MIN_REST_CJK: usize = 3;

/// The options of a site scored on the stack: a site rarely has more.
const STACK_OPTIONS: usize = 16;

/// Scores the options of a left site; returns the chosen index, a confidence, and whether
/// the choice reaches its natural boundary and fits the English's length.
pub(super) fn choose(left: &LeftSite, view: &str, counts: &FxHashMap<&str, usize>) -> (usize, f32, bool) {
    if left.marked.is_some() {
        let little = covers_little(left.options[0].chars, left.english_words);
        return (0, if little { COVERS_LITTLE_CONFIDENCE } else { MARKED_CONFIDENCE }, true);
    }
    // Chinese renderings vary around the expected length; only a clear misfit counts
    // and a short English word often has a longer rendering (epoch 迭代周期) than a shorter one
    let e = left.expected.max(MIN_EXPECTED_CHARS);
    // (on the stack: a site has a few options)
    let n = left.options.len();
    let (mut small_context, mut small_scores) = ([false; STACK_OPTIONS], [0f32; STACK_OPTIONS]);
    let (mut large_context, mut large_scores) = (Vec::new(), Vec::new());
    let (verb_context, scores): (&mut [bool], &mut [f32]) = if n <= STACK_OPTIONS {
        (&mut small_context[..n], &mut small_scores[..n])
    } else {
        large_context.resize(n, false);
        large_scores.resize(n, 0.0);
        (&mut large_context, &mut large_scores)
    };
    for (k, context) in verb_context.iter_mut().enumerate() {
        *context = is_verb_context(left, k, e, view, counts);
    }
    for (k, score) in scores.iter_mut().enumerate() {
        *score = score_option(left, k, e, verb_context, view, counts);
    }
    let (k, best) =
        scores.iter().copied().enumerate().fold((0, f32::MIN), |b, (k, s)| if s >= b.1 { (k, s) } else { b });
    let k = possessor_whole(left, k, view);
    let chosen = k;
    let k = spelled_whole(left, k);
    let o = &left.options[k];
    // (an acronym's letters spelled in order say where the term starts and that its length
    // fits, whatever it is)
    let mut conf: f32 = if o.at_stop || k != chosen { AT_STOP_CONFIDENCE } else { OPEN_CONFIDENCE };
    let dev = if k == chosen { misfit(e, o.chars) } else { 0.0 };
    conf -= MISFIT_CONFIDENCE_PENALTY * dev.min(1.0);
    let second = scores.iter().enumerate().filter(|(i, _)| *i != k).map(|(_, s)| *s).fold(f32::MIN, f32::max);
    if best - second < CLOSE_CALL_MARGIN {
        conf -= CLOSE_CALL_PENALTY;
    }
    let fits = o.at_stop && dev == 0.0;
    if left.strict {
        conf -= STRICT_PENALTY;
    }
    if !o.known && covers_little(o.chars, left.english_words) {
        conf = conf.min(if o.after_modifier_de { SHORT_AFTER_MODIFIER_CONFIDENCE } else { COVERS_LITTLE_CONFIDENCE });
    }
    // 16位浮点 cut after 16: the term starts inside a word
    if view[..o.span.start].chars().next_back().is_some_and(|c| c.is_ascii_digit()) {
        conf = conf.min(CUT_CONFIDENCE);
    }
    (k, conf.clamp(MIN_CONFIDENCE, MAX_CONFIDENCE), fits)
}

/// Option `k` of `left`, or the next one where `k` stops inside a possessor that 的 joins to
/// the term, the English is `A of B`, and the possessor lacks a word of `B` that the next
/// option adds, reaching the natural boundary (状态的折扣价值 inside 后续状态的折扣价值 for
/// discounted value of successor state): the possessor belongs to the term in full.
fn possessor_whole(left: &LeftSite, k: usize, view: &str) -> usize {
    let o = &left.options[k];
    let text = &view[o.span.range()];
    let (Some((_, of)), Some(de)) = (left.english.split_once(" of "), text.find('的')) else {
        return k;
    };
    if !left.options.get(k + 1).is_some_and(|n| n.at_stop && !o.at_stop && !n.taken && !n.other_concept) {
        return k;
    }
    // (the possessor renders some word of B, and not all of them)
    let possessor = &text[..de];
    let words: Vec<&str> = of.split([' ', '-']).filter(|w| w.len() >= MIN_POSSESSOR_WORD).collect();
    let rendered = words.iter().filter(|w| rendered_in(possessor, w)).count();
    if rendered > 0 && rendered < words.len() {
        k + 1
    } else {
        k
    }
}

/// Option `k` of `left`, or a longer one where `k` spells [`MIN_SPELLED_LETTERS`] of an
/// acronym's letters in order and longer options spell more (部分 partial before
/// 可观测马尔可夫决策过程 for POMDP): of those that spell the most, the shortest where they
/// spell all letters, else the longest that starts with no verb (可便捷访问的 before
/// 丰富互联网应用 for WAI-ARIA: the word that spells A is a modifier's, and the modifier is
/// the term's), else the shortest. The letters say where the full form starts better
/// than its length does.
fn spelled_whole(left: &LeftSite, k: usize) -> usize {
    let spelled = left.options[k].spelled;
    if spelled < MIN_SPELLED_LETTERS {
        return k;
    }
    let longer = || left.options.iter().enumerate().skip(k + 1).filter(|(_, o)| !o.taken && !o.other_concept);
    let Some(most) = longer().map(|(_, o)| o.spelled).max().filter(|&m| m > spelled) else { return k };
    let spelling_most = || longer().filter(|(_, o)| o.spelled == most);
    // (all letters spelled: what comes before is context, 工业控制系统 for ICS)
    let all = most == left.acronym_letters;
    spelling_most()
        .rfind(|(_, o)| !o.verb_start && !o.one_char_verb && !all)
        .or_else(|| spelling_most().next())
        .map_or(k, |(j, _)| j)
}

/// Words of `B` in `A of B` shorter than this (the, a) are no words a possessor renders.
const MIN_POSSESSOR_WORD: usize = 3;

/// Whether option `k` is a verb before a term that already fits the English: the verb is
/// that term's verb, not part of it (配置同步复制 for synchronous replication); the boundary
/// is then after the verb.
fn is_verb_context(left: &LeftSite, k: usize, e: f32, view: &str, counts: &FxHashMap<&str, usize>) -> bool {
    let text = |s: Span| view[s.range()].trim();
    let o = &left.options[k];
    k > 0 && o.verb_start && !o.known && o.renders_word != Some(true) && {
        let rest = &left.options[k - 1];
        let rest_text = text(rest.span);
        // (not when the rest starts with a suffix: 可见 + 性规则 is one term)
        let bound = rest_text.chars().next().is_some_and(|c| BOUND_SUFFIXES.contains(&c));
        // 放在目标 (objective): the rest recurs on its own and fits the English as well, the
        // verb with it is said once
        let recurs_alone = || {
            misfit(e, rest.chars) <= misfit(e, o.chars)
                && count(counts, rest_text) >= VERB_CONTEXT_REST_RECURS
                && count(counts, text(o.span)) <= 1
                && rest.chars >= MIN_TERM_CHARS
        };
        // (one word of the English: one Chinese word of two characters renders it, 测试 for eval)
        let verb = view[o.span.start..rest.span.start].trim();
        let min_rest = if left.english_words <= 1 && OBJECT_VERBS.contains(&verb) {
            VERB_CONTEXT_MIN_REST_ONE_WORD_CJK
        } else {
            VERB_CONTEXT_MIN_REST_CJK
        };
        !bound && (misfit(e, rest.chars) == 0.0 && cjk_count(rest_text) >= min_rest || recurs_alone())
    }
}

/// A rest after a verb that the input gives this often (the verb with it only here) is the
/// term, whatever its length: a phrase with a verb is said once, a term again and again.
const VERB_CONTEXT_REST_RECURS: usize = 3;

/// Characters that end words as suffixes (可见性, 正则化, 召回率): a word never starts with them.
const BOUND_SUFFIXES: &[char] = &['性', '化', '率', '度', '者', '器', '式', '型', '法', '量', '值'];

/// The score of option `k` of `left`, for an English expected `e` characters long.
fn score_option(
    left: &LeftSite,
    k: usize,
    e: f32,
    verb_context: &[bool],
    view: &str,
    counts: &FxHashMap<&str, usize>,
) -> f32 {
    let misfit = |c: f32| misfit(e, c);
    let text = |s: Span| view[s.range()].trim();
    let o = &left.options[k];
    let c = o.chars;
    let mut score = -misfit(c) + LENGTH_BONUS * c;
    // reaching the natural boundary counts, less so for a chunk far longer than the English
    let natural = o.at_stop || verb_context.get(k + 1).is_some_and(|v| *v);
    if natural && !verb_context[k] {
        score += NATURAL_BOUNDARY_BONUS * (1.0 - (BOUNDARY_FADE * misfit(c)).min(1.0));
    }
    if verb_context[k] {
        score -= VERB_CONTEXT_PENALTY;
    }
    // a Latin word at the start is part of the term when the English has it too
    // (Python 包 / Python package), context otherwise (Nadaraya-Watson核回归 / kernel regression)
    let head: String = text(o.span).chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
    if !head.is_empty() {
        let head = head.to_lowercase();
        let words: Vec<&str> = left.english.split(|c: char| !c.is_ascii_alphanumeric()).collect();
        // (Java 运行时环境 for JRE: a word that an acronym's first letter stands for)
        let acronym_initial =
            may_be_acronym(&left.english) && head.as_bytes().first() == left.english.as_bytes().first();
        // (a number the English has: 16位浮点 for FP16)
        let own = |h: &str| words.contains(&h) || h.bytes().all(|b| b.is_ascii_digit()) && left.english.contains(h);
        let in_english = head.split('-').all(own) || acronym_initial;
        score += if in_english { LATIN_HEAD_BONUS } else { -LATIN_HEAD_PENALTY };
    }
    if o.known {
        score += KNOWN_BONUS; // the reference's Chinese for this English
    }
    // 导入映射表 for import map: the piece before the rest renders a word of the English (and
    // a longer option holds it too: 截断的双 Q 学习 keeps 双 for double, whatever 截断 renders);
    // 事件处理器 for handler: it renders a word the English lacks, and the rest fits alone
    // (an acronym's first letter any word may stand for: 服务 of 服务帐户 for SCC)
    let holds_rendered =
        || !may_be_acronym(&left.english) && left.options[..k].iter().any(|o| o.renders_word == Some(true));
    if o.renders_word == Some(true) || holds_rendered() {
        score += WORD_RENDERED_BONUS;
    }
    // (the shorter option may be gone: an apposition keeps only some)
    if o.renders_word == Some(false) && !may_be_acronym(&left.english) {
        if let Some(rest) = k.checked_sub(1).map(|r| &left.options[r]) {
            if misfit(rest.chars) == 0.0 && rest.cjk >= FOREIGN_WORD_MIN_REST_CJK {
                score -= FOREIGN_WORD_PENALTY;
            }
        }
    }
    if o.taken {
        score -= TAKEN_PENALTY;
    }
    if o.renders_prefix {
        score += PREFIX_BONUS; // 有模型 for model-based: the English asks for the character
    }
    if o.verb_object {
        score -= VERB_OBJECT_PENALTY;
    }
    if o.verb_start {
        score -= VERB_START_PENALTY;
    }
    // a one-character verb rarely starts a term (看网飞, 试知识蒸馏), unless the rest is far
    // too short for the English (写放大 write amplification)
    if o.one_char_verb {
        let rest_misfit = k.checked_sub(1).map_or(0.0, |r| misfit(left.options[r].chars));
        score -= if rest_misfit > SHORT_REST_MISFIT { ONE_CHAR_VERB_SHORT_REST_PENALTY } else { ONE_CHAR_VERB_PENALTY };
    }
    if c < MIN_TERM_CHARS && e > MULTI_WORD_EXPECTED {
        score -= ONE_CHAR_PENALTY; // one character for a multi-word English term
    }
    // (only these options are counted: see LeftSite::weighed)
    let here = count(counts, text(o.span));
    // (跳跃预测器 for jump predictor: a shorter option that recurs lacks the word a longer
    // one adds, whatever it is on its own)
    let lacks_word = left.options[k + 1..].iter().any(|l| l.renders_word == Some(true));
    if here >= 2 && c >= MIN_TERM_CHARS && !lacks_word {
        score += RECURRENCE_BONUS * (here.min(RECURRENCE_CAP) as f32 - 1.0);
    }
    score
}
