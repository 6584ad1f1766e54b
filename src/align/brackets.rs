//! Glosses in brackets, in either direction and with full- or half-width brackets and
//! separators: `中文（English）`, `中文(English, ABBR)`, `中文（ABBR，English）`, `中文（ABBR）`,
//! `English（中文）`, and between two English forms `Full Form (ABBR)` or an alias
//! `GPT-4o（即 Omni）`.
//!
//! A bracket's content is split into parts at separators (and at 或/or between English
//! forms), each stripped of a prefix such as 即 or `英文：`. A bracket that opens with a word
//! of example or remark (如, 见, 或…), lists examples (`（MySQL、PostgreSQL 等）`, names side by
//! side) or cites a source (a year, `et al.`) holds no gloss. Chinese after the English inside
//! the brackets (`CRM（Customer Relationship Management，客户关系管理）`) is the English's own;
//! after a Chinese term (`轴突（axons，输出通道）`) it is a remark, unless it renders a word of
//! the English, and the term before the brackets is the gloss where it fits. Another name in
//! brackets (`（也称为 i18n）`) stands for the whole term before them. English inside the brackets glosses the
//! Chinese before them, whose left boundary is chosen later ([`left`](super::left)); Chinese
//! inside glosses the English before them, and the brackets bound it on both sides.

use super::english::Englishes;
use super::left::LeftSite;
use super::names;
use super::scan::{
    char_at, cjk_count, has_infix, is_close, is_open, is_separator, prefix_in, skip_back, skip_fwd, starts_with,
    trim_span,
};
use super::score::{
    BRACKET_CONFIDENCE, BRACKET_DESCRIPTION_CONFIDENCE, BRACKET_MARKED_CONFIDENCE, BRACKET_MORE_PARTS_PENALTY,
};
use super::{Aligner, Gloss, Pending, Reading};
use crate::candidates::is_common_word;
use crate::candidates::Candidate;
use crate::model::{Method, Span};
use crate::normalize::{Document, HARD};
use crate::text::chars::is_cjk;
use crate::text::lexicon::chinese::{GLOSS_PREFIXES, GLOSS_PREFIXES_BEFORE_CHINESE, NOT_GLOSS};
use crate::text::lexicon::is_function_word;
use crate::text::{abbreviates, is_acronym};
use rustc_hash::FxHashMap;

/// The farthest, in bytes, a closing bracket is looked for: a gloss is short, and an
/// unclosed bracket must not cost a scan of the whole text.
const BRACKET_MAX_BYTES: usize = 600;

/// One of these alone in brackets points at a side or a figure (`（左）`, `（图）`): not a
/// gloss.
const POINTERS: &str = "左右上下前后中内外图表";

/// An agent noun is longer than this (`Reader`, `Writer`; not `er`, `or`).
const AGENT_ENDING_BYTES: usize = 4;

/// Words that make a name the name of an undertaking or a body (`Project Ubin`, `Open Banking
/// Lab`, `Money20/20 Summit`), which a place name alone never renders.
const BODY_WORDS: &[&str] = &[
    "agency",
    "bank",
    "center",
    "centre",
    "coin",
    "college",
    "company",
    "conference",
    "exchange",
    "expo",
    "forum",
    "foundation",
    "fund",
    "health",
    "group",
    "hub",
    "inc",
    "initiative",
    "institute",
    "lab",
    "labs",
    "laboratory",
    "network",
    "office",
    "platform",
    "program",
    "programme",
    "project",
    "school",
    "summit",
    "team",
    "university",
];

/// Openings of a Chinese in brackets that points at a figure or a table (`0-RTT（下图的右下角）`).
const FIGURE_POINTERS: [&str; 10] = ["下图", "上图", "左图", "右图", "如图", "见图", "图中", "下表", "上表", "见表"];

/// Words that open a remark after the English in brackets (`（SSR，见第三章）`): the part is no
/// Chinese term. These are the words of [`NOT_GLOSS`] that never start a term; that list also
/// holds 不, 这 and 或, which open a bracket of remarks but also start terms (不可变对象).
const REMARKS: &[&str] = &["见", "参见", "详见", "参考", "例如", "比如", "如图", "如下", "包括", "请", "注意"];

/// Words that name the thing again after the English in brackets (`（training dataset，或称为
/// 训练集（training set））`): what follows is another name, not a remark.
const RENAMING: &[&str] = &["或", "也称", "又称", "亦称", "简称", "即", "也叫", "又叫", "正式称为", "也被称为"];

/// The marks that join the parts of a foreign person's name written in Chinese (约翰·麦卡锡).
const NAME_DOTS: [char; 4] = ['·', '•', '・', '‧'];

/// The last part of a foreign person's name in Chinese has at most this many characters.
const MAX_NAME_PART_CHARS: usize = 6;

/// A foreign person's name in Chinese is read back from the bracket over at most this many
/// characters (its last part, the dot and some of the part before).
const MAX_NAME_CHARS: usize = 2 * MAX_NAME_PART_CHARS + 1;

/// Whether the English in brackets after `before` names a person's employer or body rather
/// than the person whose name `before` ends with: a foreign name in Chinese, its parts joined
/// by a dot (约翰·麦卡锡), and English of one word (`Mozilla`), as a person's full name has
/// two, or the name of a body (`Kite Labs`, `Welkin Health`).
fn is_affiliation_of_person(before: &str, english: &str) -> bool {
    let before = before.trim_end_matches(' ');
    let tail: String = {
        let mut t: Vec<char> = before
            .chars()
            .rev()
            .take(MAX_NAME_CHARS)
            .take_while(|&c| is_cjk(c) || NAME_DOTS.contains(&c) || c == '-')
            .collect();
        t.reverse();
        t.into_iter().collect()
    };
    let Some(dot) = tail.rfind(NAME_DOTS) else { return false };
    let last = tail[dot..].chars().skip(1).filter(|&c| is_cjk(c)).count();
    if last == 0 || last > MAX_NAME_PART_CHARS {
        return false;
    }
    let words: Vec<&str> = english.split_whitespace().collect();
    words.len() < 2 || words.iter().any(|w| BODY_WORDS.contains(&w.to_ascii_lowercase().as_str()))
}

/// Marks that join two names or two halves of a term (`Serveo & Ngrok`, `M1/M2`).
const NAME_JOINTS: [&str; 3] = [" & ", "/", "／"];

/// Whether `english` is two names joined (`Serveo & Ngrok`, `M1/M2`): each one word with a
/// capital or a digit, neither of general English (`Input/Output` is a term of two halves).
fn names_joined(english: &str) -> bool {
    let Some((a, b)) = NAME_JOINTS.iter().find_map(|j| english.split_once(j)) else { return false };
    let name = |w: &str| {
        !w.is_empty()
            && !w.contains([' ', '/', '&'])
            && w.bytes().any(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && !is_common_word(w)
    };
    name(a) && name(b)
}

/// Chinese read back this many characters for a joint between its halves.
const JOINED_BACK_CHARS: usize = 12;

/// Whether the Chinese just before brackets (`before` ends there) joins two halves itself
/// (`发布/订阅`, `读和写`, `输入、输出`), as a gloss of two joined names would.
fn joined_before(before: &str) -> bool {
    before
        .chars()
        .rev()
        .take(JOINED_BACK_CHARS)
        .take_while(|c| !matches!(c, '，' | '。' | '；' | '：' | ',' | ';'))
        .any(|c| matches!(c, '/' | '／' | '-' | '－' | '、' | '和' | '与' | '及' | '或' | '&'))
}

/// Whether a part of a bracket after its English makes the bracket a sentence: English with
/// Chinese after it in one part (`FP16或INT8通常就足够了`), no other name in brackets. A
/// remark of its own after a separator (`（sensory inputs，例如中间特征表示）`) leaves the
/// gloss a gloss.
fn is_remark(part: &str) -> bool {
    cjk_count(part) > 0
        && part.starts_with(|c: char| c.is_ascii_alphanumeric())
        && prefix_in(part, RENAMING).is_none()
        && !part.contains(['(', '（'])
}

/// Words that give another name for the term before the brackets (`（也称为 a11y）`, `（简称
/// i18n）`): the name stands for the whole of it, not for its last word.
const ALSO_CALLED: &[&str] =
    &["也称", "又称", "亦称", "简称", "即", "也叫", "又叫", "也被称为", "或称", "俗称", "通称"];

/// Keeps of `left` only its longest option up to its natural boundary or the first verb
/// (切换当前视图: the verb takes the term as object), where the walk reached one: the term
/// that another name in brackets stands for whole.
fn whole_term(left: &mut LeftSite) {
    if left.marked.is_some() {
        return;
    }
    let verb = left.options.iter().position(|o| o.verb_start || o.one_char_verb || o.verb_object);
    let bounded = verb.is_some() || left.options.last().is_some_and(|o| o.at_stop);
    // (its Chinese: a Latin word that opens it is another English, which no Chinese of this
    // one holds)
    let chinese = |o: &super::left::Choice| o.cjk == o.chars as usize;
    let before_verb = &left.options[..verb.unwrap_or(left.options.len())];
    if let Some(k) = before_verb.iter().rposition(chinese).filter(|_| bounded) {
        left.options.swap(0, k);
        left.options.truncate(1);
        // (a Latin word or a verb before it bounds it too)
        left.options[0].at_stop = true;
    }
}

/// Words that separate two English alternatives in brackets: （mean或average）.
const ALTERNATIVES: &[&str] = &["或者", "或", " or "];

/// The parts of a bracket: each trimmed and stripped of its prefix, and whether it had one.
pub(super) type Parts = Vec<(Span, bool)>;

/// The position of the bracket that closes the one at `open`, within one paragraph.
pub(super) fn matching_close(view: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    let first = char_at(view, open)?;
    let mut prev_nl = false;
    for (i, c) in view[open..].char_indices() {
        if i > BRACKET_MAX_BYTES {
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
    // 一致性（C：Consistency）: the letter that labels the English, its initial, is no part of it
    let mut cs = t.chars();
    if let (Some(letter), Some(':' | '：')) = (cs.next(), cs.next()) {
        let rest = cs.as_str().trim_start();
        if letter.is_ascii_uppercase() && rest.starts_with([letter, letter.to_ascii_lowercase()]) {
            return (Span::new(p.end - rest.len(), p.end), false);
        }
    }
    (p, false)
}

/// Splits the content of brackets `inner` into `parts` at separators; 或/或者/or between
/// two English forms separates alternatives: （mean或average）. The parts are trimmed and
/// their prefixes stripped; the empty ones are dropped.
fn split_parts(view: &str, inner: Span, parts: &mut Parts) {
    parts.clear();
    let part = |p: Span, parts: &mut Parts| {
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
            .then(|| ALTERNATIVES.iter().find(|w| inner_text[i..].starts_with(*w)))
            .flatten()
            .filter(|w| {
                let before = inner_text[..i].chars().next_back();
                let after = inner_text[i + w.len()..].chars().next();
                before.is_some_and(|b| b.is_ascii_alphanumeric() || b == ' ')
                    && after.is_some_and(|a| a.is_ascii_alphanumeric() || a == ' ')
            });
        // SLA（Service Level Agreement：服务等级协议）: a colon between English and Chinese
        let colon = matches!(c, ':' | '：')
            && inner_text[..i].chars().next_back().is_some_and(|b| b.is_ascii_alphanumeric())
            && inner_text[i + c.len_utf8()..].trim_start().chars().next().is_some_and(is_cjk);
        if is_separator(c) || alternative.is_some() || colon {
            let len = alternative.map_or(c.len_utf8(), |w| w.len());
            part(Span::new(s, inner.start + i), parts);
            s = inner.start + i + len;
            skip_to = i + len;
        }
    }
    part(Span::new(s, inner.end), parts);
}

/// What the argument of a call is, in Chinese: in `cbrt(数字)` the bracket right after a name
/// names the argument it takes, and glosses nothing.
const ARGUMENTS: &[&str] = &[
    "值",
    "数",
    "数字",
    "数值",
    "整数",
    "参数",
    "字符串",
    "数组",
    "列表",
    "对象",
    "表达式",
    "变量",
    "路径",
    "文件名",
    "索引",
    "键",
    "回调",
    "函数",
    "字段",
    "元素",
    "条件",
];

/// The longest Chinese looked up in the reference before brackets holding alternatives.
const MAX_KIND_CHARS: usize = 8;

/// Whether two English parts `a` and `b` of a bracket are names listed side by side
/// (Kafka, RabbitMQ): both capitalised, neither standing for the other (not `dataset
/// aggregation, DAgger`).
fn names_listed(a: &str, b: &str) -> bool {
    // (or one word with a capital inside: macOS, iPhone; not twin delayed DDPG)
    let capital = |s: &str| {
        s.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            || !s.contains(' ') && s.chars().any(|c| c.is_ascii_uppercase())
    };
    capital(a) && capital(b) && !abbreviates(b, a) && !abbreviates(a, b)
}

/// The one English candidate that bracket part `p` holds, with nothing but function words
/// and punctuation around it.
fn english_part(view: &str, cands: &[Candidate<'_>], p: Span) -> Option<Span> {
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
}

/// Words that end a list of examples: `（MySQL、PostgreSQL 等）`.
const LIST_ENDS: &[&str] = &["等等", "等", "etc.", "etc", "and so on"];

/// Words that join the last two items of a list: `INT8和INT4`.
const LIST_CONJUNCTIONS: &[&str] = &["和", "与", "及", "或"];

/// A bracket with 、 holding this many parts lists things, whatever their script: a gloss
/// gives a term, its Chinese and its acronym at most.
const MIN_MIXED_LIST_PARTS: usize = 3;

/// The years a citation gives: four digits from this century or the last.
const YEAR_PREFIXES: &[&str] = &["19", "20"];

/// Whether the content of brackets `inner`, split into `parts`, lists examples (a list mark
/// 、 between names, a closing 等) or cites a source (a year, `et al.`): not a gloss.
fn examples_or_citation(view: &str, inner: Span, parts: &[(Span, bool)]) -> bool {
    let t = view[inner.range()].trim_end();
    let is_year = |p: &str| {
        let digits = p.trim_end_matches(|c: char| c.is_ascii_lowercase());
        digits.len() == 4
            && digits.bytes().all(|b| b.is_ascii_digit())
            && YEAR_PREFIXES.iter().any(|y| digits.starts_with(y))
    };
    // (FP16、INT8和INT4): the last two joined by a conjunction
    let english_only = |p: &str| {
        cjk_count(p) == LIST_CONJUNCTIONS.iter().map(|c| p.matches(c).count() * c.chars().count()).sum::<usize>()
    };
    let english_list =
        parts.len() >= 2 && t.contains('、') && parts.iter().all(|(p, _)| english_only(&view[p.range()]));
    // 绘制轮廓(src、轮廓、轮廓指数): three items or more with 、 are a list, in any script
    let long_list = parts.len() >= MIN_MIXED_LIST_PARTS && t.contains('、');
    LIST_ENDS.iter().any(|e| t.ends_with(e))
        || english_list
        || long_list
        || parts.iter().any(|(p, _)| {
            let p = &view[p.range()];
            is_year(p.trim()) || has_infix(p, "et al")
        })
}

/// A bracket's content, split, with what stands before it.
struct Bracket<'p> {
    /// From the opening to after the closing bracket.
    site: Span,
    parts: &'p [(Span, bool)],
    /// The English candidate right before the opening bracket.
    english_before: Option<Span>,
}

impl Aligner<'_> {
    /// The gloss that the brackets `paren` (from the opening to the closing bracket) hold, if
    /// any. `by_end` finds a candidate by where it ends; `reading` holds room for the
    /// bracket's parts and the English forms read so far.
    pub(super) fn parenthesis(
        &self,
        doc: &Document<'_>,
        cands: &[Candidate<'_>],
        by_end: &FxHashMap<usize, usize>,
        paren: Span,
        out: &mut Vec<Pending>,
        reading: &mut Reading<'_>,
    ) {
        let view = doc.view();
        let (parts, englishes) = (&mut reading.parts, &reading.englishes);
        let open_len = char_at(view, paren.start).map_or(1, char::len_utf8);
        let close_len = char_at(view, paren.end).map_or(1, char::len_utf8);
        let inner = Span::new(paren.start + open_len, paren.end);
        let site = Span::new(paren.start, paren.end + close_len);
        split_parts(view, inner, parts);
        // (vanishing or exploding gradients): one English term with "or" inside is one part
        let whole = trim_span(view, inner);
        if parts.len() >= 2 && english_part(view, cands, whole).is_some() {
            parts.clear();
            parts.push((whole, false));
        }
        let Some(&(first, first_prefixed)) = parts.first() else {
            return;
        };
        // 计算节点（或GPU）, 设备（如GPU）: an alternative or an example, not a gloss
        if !first_prefixed && prefix_in(&view[first.range()], &NOT_GLOSS).is_some() {
            return;
        }
        // 范围（-inf, inf）, 区间（0, 1）: an interval or a signed number, not a gloss
        if view[first.range()].starts_with(['-', '+', '−']) {
            return;
        }
        // 数据库（MySQL、PostgreSQL 等）, 模型（Smith et al., 2019）: examples or a citation
        if examples_or_citation(view, inner, parts) {
            return;
        }
        let before = skip_back(view, paren.start, true);
        // (the last of names listed with slashes is not what the brackets gloss: `Linux/macOS（…）`)
        let english_before =
            by_end.get(&before).map(|&i| cands[i].span).filter(|eb| !view[..eb.start].ends_with(['/', '／']));
        let bracket = Bracket { site, parts, english_before };
        if let Some(en) = english_part(view, cands, first) {
            self.english_inside(doc, cands, &bracket, en, englishes, out);
        } else {
            self.chinese_inside(doc, &bracket, out);
        }
    }

    /// Whether the Chinese that ends at `open` (spaces before it aside) is the reference's for
    /// an English other than `a` and `b` and holding neither: the name of a kind, of which
    /// `a` and `b` are examples.
    fn names_a_kind_of(&self, view: &str, open: usize, a: &str, b: &str) -> bool {
        let before = view[..open].trim_end();
        // (temporal-difference learning and temporal difference learning are one)
        let letters =
            |s: &str| s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>();
        let (a, b) = (letters(a), letters(b));
        let starts = before.char_indices().rev().take_while(|(_, c)| is_cjk(*c)).map(|(i, _)| i);
        starts.take(MAX_KIND_CHARS).any(|i| {
            let zh = &before[i..];
            self.reference.may_have_chinese(zh)
                && self.reference.owners(zh).all(|e| {
                    let en = letters(&e.english);
                    !en.contains(&a) && !en.contains(&b) && !a.contains(&en) && !b.contains(&en)
                })
        })
    }

    /// English `en` in the first part of the brackets: the English glosses the Chinese before
    /// them, or defines an acronym of (or an alias for) the English before them.
    fn english_inside(
        &self,
        doc: &Document<'_>,
        cands: &[Candidate<'_>],
        bracket: &Bracket<'_>,
        en: Span,
        englishes: &Englishes<'_>,
        out: &mut Vec<Pending>,
    ) {
        let view = doc.view();
        let (site, parts) = (bracket.site, bracket.parts);
        let first_prefixed = parts[0].1;
        let mut english = en;
        let mut abbreviation = None;
        let mut alias = None;
        if let Some(&(second, _)) = parts.get(1) {
            if let Some(en2) = english_part(view, cands, second) {
                let (a, b) = (&view[en.range()], &view[en2.range()]);
                if is_acronym(b) && abbreviates(b, a) {
                    abbreviation = Some(en2);
                } else if is_acronym(a) && abbreviates(a, b) {
                    english = en2;
                    abbreviation = Some(en);
                } else if names_listed(a, b) {
                    // 消息队列（Kafka, RabbitMQ）, 源代码（Node.js 或 Python）: a list of examples,
                    // with 或 too: two names for one thing are an acronym and its full form
                    return;
                } else if !is_acronym(a) && !is_acronym(b) {
                    // 激活函数（sigmoid 或 relu）: the Chinese is the reference's for a third
                    // English, whose examples these are
                    if self.names_a_kind_of(view, site.start, a, b)
                        || super::heads::ends_with_kind_of(view[..site.start].trim_end(), a, b)
                    {
                        return;
                    }
                    alias = Some(en2); // 平均值（mean或average）: two names for one thing
                }
            }
            // three English parts or more with no acronym among them: a list
            if parts.get(2).is_some_and(|&(third, _)| english_part(view, cands, third).is_some())
                && abbreviation.is_none()
            {
                return;
            }
        }
        // 可变 reference（mutable reference）: the English before the brackets is the last word
        // of a Chinese term that keeps it, as the English in them ends with it
        let mixed = bracket.english_before.filter(|eb| self.ends_mixed_term(view, *eb, english));
        if let Some(eb) = bracket.english_before.filter(|_| mixed.is_none()) {
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
            let pair = if abbreviation.is_none() && is_acronym(inner_t) && abbreviates(inner_t, outer) {
                Some(gloss(eb, Some(english), None))
            } else if abbreviation.is_none() && is_acronym(outer) && abbreviates(outer, inner_t) {
                Some(gloss(english, Some(eb), None))
            } else if first_prefixed && abbreviation.is_none() {
                Some(gloss(eb, None, Some(english)))
            } else {
                None
            };
            if let Some(mut g) = pair {
                // CRM（Customer Relationship Management，客户关系管理）: the Chinese comes last
                if let Some(zh) = self.chinese_part(view, &parts[1..]) {
                    g.chinese = Some(zh);
                    g.confidence = BRACKET_CONFIDENCE;
                }
                out.push(Pending { gloss: g, left: None });
            }
            return;
        }
        // C 模型（Controller，控制器）: the bracket gives the English's own Chinese; after a
        // Chinese term (神经元（neuron，处理单元）) it is more likely a description
        let zh_inside = self.chinese_part(view, &parts[1..]);
        // 计算（FP16或INT8通常就足够了）: a sentence in brackets, not a gloss
        if zh_inside.is_none() && parts[1..].iter().any(|(p, _)| is_remark(&view[p.range()])) {
            return;
        }
        if let Some(zh) = zh_inside {
            let after_term = skip_back(view, site.start, false);
            let described = view[..after_term].chars().next_back().is_some_and(is_cjk);
            // 轴突（axons，输出通道）: after a Chinese term, the Chinese after the comma is a
            // remark on it unless it renders a word of the English (控制器 for Controller);
            // the term before the brackets is the gloss where it fits, the remark otherwise
            let english_lower = view[english.range()].to_lowercase();
            let after_marked = skip_back(view, site.start, true);
            let term_before = view[..after_marked].chars().next_back().is_some_and(is_cjk);
            let between = &view[english.end.min(zh.start)..zh.start];
            let remark = between.contains(['，', ',']) && !view[zh.range()].contains(|c: char| c.is_ascii_alphabetic());
            if term_before && remark && !names::renders_a_word(&view[zh.range()], &english_lower) {
                let opened = doc.marked_ending_at(site.start).map(|m| m.inner.start);
                if let Some(left) = self.left_site_in(doc, site.start, &englishes.get(&view[english.range()]), opened) {
                    let mut pending = Pending::awaiting(english, Method::Parenthesis, site, left);
                    pending.gloss.abbreviation = abbreviation;
                    pending.gloss.alias = alias;
                    pending.gloss.chinese = Some(zh);
                    pending.gloss.confidence = BRACKET_DESCRIPTION_CONFIDENCE;
                    out.push(pending);
                    return;
                }
            }
            let gloss = Gloss {
                english,
                abbreviation,
                alias,
                chinese: Some(zh),
                method: Method::Parenthesis,
                confidence: if described { BRACKET_DESCRIPTION_CONFIDENCE } else { BRACKET_CONFIDENCE },
                site,
            };
            out.push(Pending { gloss, left: None });
            return;
        }
        // 劳拉·汤姆森（Mozilla）: a person's employer after the person, no name of theirs
        if is_affiliation_of_person(&view[..site.start], &view[english.range()]) {
            return;
        }
        // 设备信息（Serveo & Ngrok）, 稳定扩散（M1/M2）: names joined in brackets after Chinese
        // joined by nothing are examples or where it runs, not its translation
        if names_joined(&view[english.range()]) && !joined_before(&view[..site.start]) {
            return;
        }
        // **双深度Q网络（double DQN）**: an emphasis around the term and its gloss
        let opened = doc.marked_ending_at(site.end).map(|m| m.inner.start).filter(|&o| o < site.start);
        if let Some(mut left) = self.left_site_in(doc, site.start, &englishes.get(&view[english.range()]), opened) {
            // Web 无障碍访问（也称为 a11y）: another name for the whole term before the brackets
            let inner = &view[site.start + char_at(view, site.start).map_or(1, char::len_utf8)..en.start];
            if first_prefixed && prefix_in(inner.trim_start(), ALSO_CALLED).is_some() {
                whole_term(&mut left);
            }
            let mut pending = Pending::awaiting(english, Method::Parenthesis, site, left);
            pending.gloss.abbreviation = abbreviation;
            pending.gloss.alias = alias;
            out.push(pending);
        }
    }

    /// Whether the English word `eb` before a bracket holding `english` ends a Chinese term
    /// written with it: `english` has more words and ends with it, and Chinese stands right
    /// before it.
    fn ends_mixed_term(&self, view: &str, eb: Span, english: Span) -> bool {
        let (outer, inner) = (&view[eb.range()], &view[english.range()]);
        let before = skip_back(view, eb.start, false);
        inner.len() > outer.len()
            && inner.is_char_boundary(inner.len() - outer.len())
            && inner[inner.len() - outer.len()..].eq_ignore_ascii_case(outer)
            && inner[..inner.len() - outer.len()].ends_with([' ', '-'])
            && view[..before].chars().next_back().is_some_and(is_cjk)
    }

    /// The Chinese term among bracket parts after the English ones: the one part holding
    /// Chinese, a term and nothing else.
    fn chinese_part(&self, view: &str, parts: &[(Span, bool)]) -> Option<Span> {
        let mut chinese = parts.iter().filter(|(p, _)| cjk_count(&view[p.range()]) > 0);
        match (chinese.next(), chinese.next()) {
            // (not a remark: 见第三章, 例如…)
            (Some(&(p, prefixed)), None) if prefix_in(&view[p.range()], REMARKS).is_none() => {
                self.chinese_term_at(view, p, prefixed)
            }
            _ => None,
        }
    }

    /// The gloss of an acronym `eb` whose brackets hold its full form and, after a space, its
    /// Chinese in one part `p` (ICMP（Internet Control Message Protocol 因特网报文控制协议）): the
    /// full form spells the acronym, and has two words or more (`Web 无障碍` is a term of
    /// mixed script).
    fn full_form_then_chinese(&self, view: &str, eb: Span, p: Span, site: Span) -> Option<Gloss> {
        let acronym = &view[eb.range()];
        let text = &view[p.range()];
        let c = text.find(is_cjk)?;
        let full = text[..c].trim_end();
        let form = |b: u8| b.is_ascii_alphanumeric() || b == b' ' || b == b'-';
        if !is_acronym(acronym) || c == full.len() || !full.contains(' ') || !full.bytes().all(form) {
            return None;
        }
        if !abbreviates(acronym, full) {
            return None;
        }
        let zh = self.chinese_term_at(view, Span::new(p.start + c, p.end), false)?;
        Some(Gloss {
            english: Span::new(p.start, p.start + full.len()),
            abbreviation: Some(eb),
            alias: None,
            chinese: Some(zh),
            method: Method::Parenthesis,
            confidence: BRACKET_CONFIDENCE,
            site: Span::new(eb.start, site.end),
        })
    }

    /// Chinese in the first part of the brackets, glossing the English before them.
    /// Whether the Chinese in brackets after a name is where the named thing is (`Project
    /// Ubin（新加坡）`, `Open Banking Lab（伦敦）`): one place name after the name of a body or
    /// an undertaking ([`BODY_WORDS`]). A place's own name (`Silicon Valley（硅谷）`) has none.
    fn is_place_remark(&self, chinese: &str, english: &str) -> bool {
        english.split_whitespace().count() >= 2
            && english.split_whitespace().any(|w| BODY_WORDS.contains(&w.to_ascii_lowercase().as_str()))
            && matches!(self.segmenter.tag(chinese).as_slice(), [w] if w.tag == "ns")
    }

    /// Whether the Chinese in brackets is one verb of one character after a noun of who or what
    /// does it (`Reader(读)`, `Writer(写)`): the action, not the agent (读取器, 写入插件).
    fn is_bare_verb_for_agent(&self, chinese: &str, english: &str) -> bool {
        let agent = english.len() > AGENT_ENDING_BYTES
            && english.bytes().all(|b| b.is_ascii_alphabetic())
            && ["er", "or", "ers", "ors"].iter().any(|e| english.to_ascii_lowercase().ends_with(e));
        agent
            && chinese.chars().count() == 1
            && matches!(self.segmenter.tag(chinese).as_slice(), [w] if w.tag.starts_with('v'))
    }

    fn chinese_inside(&self, doc: &Document<'_>, bracket: &Bracket<'_>, out: &mut Vec<Pending>) {
        let view = doc.view();
        let (site, parts) = (bracket.site, bracket.parts);
        let (first, first_prefixed) = parts[0];
        let only_term = parts[1..].iter().all(|(p, _)| cjk_count(&view[p.range()]) == 0);
        let zh_text = &view[first.range()];
        // (下图的右下角, 见上图): a pointer at a figure, not the English's Chinese
        let direction = (zh_text.chars().count() > 1 || !POINTERS.contains(zh_text))
            && !FIGURE_POINTERS.iter().any(|p| zh_text.trim_start().starts_with(p));
        let (Some(eb), true, true) = (bracket.english_before, only_term, direction) else { return };
        // cbrt(数字), exp10(值): a call, the bracket naming its argument
        if eb.end == site.start && view[site.start..].starts_with('(') && ARGUMENTS.contains(&zh_text.trim()) {
            return;
        }
        if let Some(gloss) = self.full_form_then_chinese(view, eb, first, site) {
            out.push(Pending { gloss, left: None });
            return;
        }
        let Some(zh) = self.chinese_term_at(view, first, first_prefixed) else { return };
        if self.is_place_remark(&view[zh.range()], &view[eb.range()])
            || self.is_bare_verb_for_agent(&view[zh.range()], &view[eb.range()])
        {
            return;
        }
        let conf = if doc.marked_ending_at(eb.end).is_some() || doc.marked_starting_at(zh.start).is_some() {
            BRACKET_MARKED_CONFIDENCE
        } else {
            BRACKET_CONFIDENCE
        };
        out.push(Pending {
            gloss: Gloss {
                english: eb,
                abbreviation: None,
                alias: None,
                chinese: Some(zh),
                method: Method::Parenthesis,
                confidence: if parts.len() == 1 { conf } else { conf - BRACKET_MORE_PARTS_PENALTY },
                site: Span::new(eb.start, site.end),
            },
            left: None,
        });
    }
}
