//! What a Chinese rendering adds or puts instead of a translation: a generic head noun that
//! its English lacks (序列转换模型 for `sequence transduction`, 穷举搜索的方法 for
//! `exhaustive search`), and a description in place of a name (网络 for a CamelCase network
//! name, `M 模型` as a role label). The word lists are data files beside this module.

use super::scan::{char_before, cjk_count, has_infix};
use super::words::is_stop_word;
use crate::text::chars::is_cjk;
use crate::text::lexicon::entries;
use crate::text::{abbreviates, is_acronym};
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// Chinese nouns, each with the English words that render it.
type Renderings = Vec<(&'static str, Vec<&'static str>)>;

/// Reads a list of nouns, one per line, each followed by the English words that render it.
pub(super) fn nouns_with_renderings(data: &'static str) -> Renderings {
    entries(data)
        .into_iter()
        .filter_map(|l| {
            let mut it = l.split_whitespace();
            Some((it.next()?, it.collect()))
        })
        .collect()
}

/// Each generic head noun with the English words (or parts of compounds) that render it.
static HEAD_NOUNS: LazyLock<Renderings> = LazyLock::new(|| nouns_with_renderings(include_str!("head_nouns.txt")));

/// Generic nouns that describe a thing rather than name it, each with the English words
/// that render it.
static GENERIC_NOUNS: LazyLock<Renderings> = LazyLock::new(|| nouns_with_renderings(include_str!("generic_nouns.txt")));

/// Remarks written beside an English (示例, 可选, 已弃用), each with the English words that
/// render it.
static REMARK_LABELS: LazyLock<Renderings> = LazyLock::new(|| nouns_with_renderings(include_str!("remark_labels.txt")));

/// Words of degree that may open a remark (强烈推荐, 非常重要).
const DEGREES: &[&str] = &["强烈", "非常", "特别", "很", "最", "更", "不"];

/// Quantities that open a phrase (一段时间, 一个副本): a counted thing, not a term.
const QUANTITIES: &[&str] = &["一段", "一个", "一种", "一些", "一下", "某个", "某些", "几个", "多个", "各种", "每个"];

/// Numerals that count things with a counter after them (三个, 四大 in 四大指导原则).
const COUNT_NUMERALS: &str = "一二两三四五六七八九十几";
/// Counters after such a numeral: a phrase that opens with both counts things (两种方法,
/// 四大原则), it names none (一阶, 三元组 and 二叉树 have no counter; 项 is left out, as 二项
/// is binomial).
const COUNTERS: &str = "个种类条位件只张份大";

/// English words that a quantity may render (one-step 一步, single 单个).
const COUNTED_ENGLISH: &[&str] = &[
    "one", "a", "an", "single", "some", "several", "multiple", "each", "every", "per", "two", "three", "four", "five",
    "six", "seven", "eight", "nine", "ten", "big",
];

/// Words that only point at the noun after them: new, this, a kind of (新架构, 该框架, 一种方法).
const POINTERS: [&str; 9] = ["新", "该", "此", "本", "这个", "这种", "一种", "一个", "某"];

/// Characters that end words as suffixes: alone they are a piece of a word (者 of 解决者).
const BOUND_SUFFIXES: &str = "者性化家员";

/// A term left after its head noun is taken off has at least this many Chinese characters.
const MIN_REST_CJK: usize = 2;

/// Where a Chinese term ending at `p0` ends once a generic head noun that `english` (in
/// has no word for is taken off, with a 的 before it: `p0` when there is none.
/// An acronym is left alone: its letters may stand for the head noun.
#[cfg(test)]
pub(super) fn without_head(view: &str, p0: usize, english: &str) -> usize {
    let heads = foreign_heads(english);
    without_heads(view, p0, || &heads)
}

/// The generic head nouns that `english` has no word for, in the order they are tried: none
/// for an acronym, whose letters may stand for the head noun. Read once per English.
pub(super) fn foreign_heads(english: &str) -> Vec<&'static str> {
    // (StyleGAN: an acronym inside a name may stand for it too)
    let inner_acronym = english.as_bytes().windows(2).any(|w| w[0].is_ascii_uppercase() && w[1].is_ascii_uppercase());
    if is_acronym(english) || inner_acronym || english.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    let lower = english.to_lowercase();
    let words: Vec<&str> = lower.split([' ', '-', '/']).filter(|w| !w.is_empty()).collect();
    HEAD_NOUNS
        .iter()
        .filter(|(_, renders)| !words.iter().any(|w| renders.iter().any(|r| has_infix(w, r))))
        .map(|(head, _)| *head)
        .collect()
}

/// Where a Chinese term ending at `p0` ends once one of `heads` (the [`foreign_heads`] of
/// its English, asked for once a head noun ends the text) is taken off, with a 的 before
/// it: `p0` when there is none.
pub(super) fn without_heads<'h>(view: &str, p0: usize, heads: impl FnOnce() -> &'h [&'h str]) -> usize {
    let before = &view[..p0];
    if !HEAD_NOUNS.iter().any(|(head, _)| before.ends_with(head)) {
        return p0;
    }
    for head in heads() {
        if !before.ends_with(head) {
            continue;
        }
        if let Some(end) = without(view, p0, head) {
            return end;
        }
    }
    p0
}

/// Where a term ending at `p0` with the head noun `head` ends without it (and a 的 before it),
/// if enough of the term is left.
fn without(view: &str, p0: usize, head: &str) -> Option<usize> {
    let mut end = p0 - head.len();
    if char_before(view, end) == Some('的') {
        end -= '的'.len_utf8();
    }
    let rest = view[..end].chars().rev().take_while(|c| is_cjk(*c)).count();
    (rest >= MIN_REST_CJK).then_some(end)
}

/// Whether the Chinese `before` (the text up to a bracket) ends with a generic noun that no
/// word of the English `a` or `b` renders: `组件（spout 或 bolt）` names the kind of which the
/// two are examples, where `方法（method 或 approach）` names one thing twice.
pub(super) fn ends_with_kind_of(before: &str, a: &str, b: &str) -> bool {
    let words: Vec<String> =
        [a, b].iter().flat_map(|s| s.split(|c: char| !c.is_ascii_alphanumeric())).map(str::to_lowercase).collect();
    GENERIC_NOUNS.iter().any(|(noun, english)| {
        before.ends_with(noun) && !english.iter().any(|e| words.iter().any(|w| w.starts_with(e)))
    })
}

/// Whether `chinese` is a label or a description rather than a translation of `english`: a
/// single Latin letter with a noun (`M 模型`, a role in a diagram), one generic noun alone
/// (网络, 样式) for a name (an acronym, a CamelCase or capitalised name), another name with a
/// word (`原Acme` for a company's new name), a phrase holding brackets, a remark (示例,
/// 可选) or a counted thing (一段时间).
pub(super) fn is_label(chinese: &str, english: &str) -> bool {
    let t = chinese.trim();
    if t.contains(['(', ')', '（', '）', '[', ']']) {
        return true;
    }
    // 英文 Single-File Component: the English itself with a word or two (an acronym's full
    // form, a word for each letter: Azure Kubernetes 服务 for AKS leaves 服务 its S)
    let restated = cjk_count(t) <= MIN_REST_CJK && {
        let latin_part: String = t.chars().filter(|c| !is_cjk(*c)).collect();
        let latin_words = latin_part.split([' ', '-']).filter(|w| !w.is_empty()).count();
        english.len() >= 2 && t.to_lowercase().contains(&english.to_lowercase())
            || is_acronym(english) && latin_words >= english.len() && abbreviates(english, latin_part.trim())
    };
    // 者 cut from 解决者: a suffix alone is a piece of a word
    let suffix = t.chars().count() == 1 && t.chars().all(|c| BOUND_SUFFIXES.contains(c));
    // Cookies（示例）: a remark, unless the English is what it says (optional（可选）)
    // (with a word of degree before it: 强烈推荐)
    let bare = DEGREES.iter().find_map(|d| t.strip_prefix(d)).unwrap_or(t);
    let remark = REMARK_LABELS
        .iter()
        .any(|(label, renders)| bare == *label && !renders.iter().any(|r| has_infix_ignoring_case(english, r)));
    // 在一段时间（TTL）后: a counted thing, unless the English counts too (one-step 一步)
    let mut cs = t.chars();
    let numbered =
        cs.next().is_some_and(|c| COUNT_NUMERALS.contains(c)) && cs.next().is_some_and(|c| COUNTERS.contains(c));
    let counted = (QUANTITIES.iter().any(|q| t.starts_with(q)) || numbered)
        && !english.split([' ', '-']).next().is_some_and(|w| COUNTED_ENGLISH.iter().any(|c| w.eq_ignore_ascii_case(c)));
    // 以下 for Partial Dependence Plots, 加载 for ETL: a function word whole names nothing of
    // a phrase or a name (one word may be a verb's: 利用 for exploitation)
    let function = || {
        is_stop_word(t)
            && (english.contains([' ', '-']) || english.contains(|c: char| c.is_ascii_digit()) || is_acronym(english))
    };
    // 用户级别(Python 3): a name's version missing from the Chinese says it is another thing;
    // so does the number of a name that the Chinese restates without it (图形DDR for GDDR6)
    let versionless = || {
        version_of(english).is_some_and(|n| !t.contains(n)) || {
            let digits: String = english.chars().filter(char::is_ascii_digit).collect();
            let restates = t
                .split(|c: char| !c.is_ascii_alphabetic())
                .any(|w| w.len() >= 2 && has_infix_ignoring_case(english, &w.to_ascii_lowercase()));
            !digits.is_empty() && restates && !t.bytes().any(|b| b.is_ascii_digit())
        }
    };
    if restated
        || suffix
        || remark
        || counted
        || function()
        || is_code_number(english)
        || versionless()
        || is_place_in_document(t)
        || is_person_for_one_word(t, english)
    {
        return true;
    }
    let mut latin = t.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty());
    let english_has = |w: &str| english.split(|c: char| !c.is_ascii_alphanumeric()).any(|e| e.eq_ignore_ascii_case(w));
    // (小写m beside module: a letter after the Chinese is a remark on the spelling)
    let one_letter = matches!((latin.next(), latin.next()), (Some(w), None) if w.len() == 1 && !english_has(w))
        && (t.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            || t.chars().next_back().is_some_and(|c| c.is_ascii_alphabetic()))
        && cjk_count(t) >= 1;
    // (p7zip, x264: letters and digits in one word make a name too)
    let coined = english.bytes().any(|b| b.is_ascii_digit()) && english.bytes().any(|b| b.is_ascii_alphabetic());
    let name = is_acronym(english)
        || (!english.contains(' ') && (english.chars().next().is_some_and(|c| c.is_ascii_uppercase()) || coined));
    let mut latin = t.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty());
    let other_name = cjk_count(t) < MIN_REST_CJK && latin.any(|w| !english_has(w));
    // 深度学习框架 for a library's one-word name: a description ending with what it is
    let one_word_name = name && !is_acronym(english);
    // (新架构（VDCNN）: a generic noun after a word that only points at it is that noun)
    let pointed = POINTERS.iter().find_map(|d| t.strip_prefix(d)).unwrap_or(t);
    let generic = GENERIC_NOUNS.iter().any(|(noun, renders)| {
        t == *noun
            || pointed == *noun
            || one_word_name && t.ends_with(noun) && !renders.iter().any(|r| has_infix_ignoring_case(english, r))
    });
    one_letter || other_name || name && generic
}

/// Measure words of the parts of a document, after 第 and a number (第三节, 第 2 章).
const DOCUMENT_PARTS: &[&str] = &["章", "节", "部分", "篇", "页", "行", "段", "卷", "册", "课", "讲", "集", "季", "期"];

/// Whether `t` is a place in a document (第三节, 第 2 章), which the English beside it
/// (`Spark（第三节）`) is discussed in, not what it is called. `第一范式` is no place.
fn is_place_in_document(t: &str) -> bool {
    let Some(rest) = t.strip_prefix('第') else { return false };
    let rest = rest.trim_start();
    let number = rest.trim_start_matches(|c: char| c.is_ascii_digit() || "〇一二三四五六七八九十百零两".contains(c));
    number.len() < rest.len() && DOCUMENT_PARTS.contains(&number.trim())
}

/// Whether `t` is a person's name written in Chinese with a middle dot between given and
/// family name (劳拉·汤姆森) while the English beside it is one word, such as the person's
/// company: the Chinese names someone else.
fn is_person_for_one_word(t: &str, english: &str) -> bool {
    let dotted = t.split(['·', '•', '・']).filter(|p| cjk_count(p) > 0).count() >= 2;
    dotted && !english.contains([' ', '-', '.', '·'])
}

/// The version at the end of a name with lowercase letters (`3` of `Python 3`, `2` of
/// `Amazon Linux 2`, `3` of `Set-3`); not of a name in capitals (`COVID-19`, `CO2`, `Q4`),
/// which a Chinese may translate without its number (新冠肺炎, 二氧化碳, 第四季度).
fn version_of(english: &str) -> Option<&str> {
    let name = english.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.');
    let number = english[name.len()..].trim_matches('.');
    let lower = name.bytes().any(|b| b.is_ascii_lowercase());
    (!number.is_empty() && lower).then_some(number)
}

/// A code holds at least this many digits after its letters (AZ-900, RFC 2616): fewer, it
/// may be a name with a translation (COVID-19 新冠肺炎).
const MIN_CODE_DIGITS: usize = 3;

/// Whether `english` is a code: a few capitals, then a number (`AZ-900`, `RFC 2616`,
/// `ISO 9001`), with more after it or not. The Chinese beside a code names what it stands
/// for (an exam, a standard), it does not translate it.
fn is_code_number(english: &str) -> bool {
    let b = english.as_bytes();
    let letters = b.iter().take_while(|c| c.is_ascii_uppercase()).count();
    let mut i = letters;
    if matches!(b.get(i), Some(b'-' | b' ')) {
        i += 1;
    }
    let digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    (1..=5).contains(&letters) && digits >= MIN_CODE_DIGITS
}

/// [`is_label`] of each Chinese and English met, decided once: a piece glosses the same
/// English with the same Chinese many times.
#[derive(Default)]
pub(super) struct Labels<'v>(FxHashMap<(&'v str, &'v str), bool>);

impl<'v> Labels<'v> {
    /// [`is_label`]`(chinese, english)`.
    pub(super) fn is_label(&mut self, chinese: &'v str, english: &'v str) -> bool {
        *self.0.entry((chinese, english)).or_insert_with(|| is_label(chinese, english))
    }
}

/// Whether `s` holds `part` (ASCII lowercase), ignoring ASCII case.
fn has_infix_ignoring_case(s: &str, part: &str) -> bool {
    s.as_bytes().windows(part.len()).any(|w| w.eq_ignore_ascii_case(part.as_bytes()))
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// [`without_head`] as first written, reading the English at every call.
    pub(in crate::align) fn without_head_as_first_written(view: &str, p0: usize, english: &str) -> usize {
        let inner_acronym =
            english.as_bytes().windows(2).any(|w| w[0].is_ascii_uppercase() && w[1].is_ascii_uppercase());
        if is_acronym(english) || inner_acronym || english.bytes().any(|b| b.is_ascii_digit()) {
            return p0;
        }
        let before = &view[..p0];
        let mut words: Option<Vec<String>> = None;
        for (head, renders) in HEAD_NOUNS.iter() {
            if !before.ends_with(head) {
                continue;
            }
            let words = words.get_or_insert_with(|| {
                english.to_lowercase().split([' ', '-', '/']).filter(|w| !w.is_empty()).map(String::from).collect()
            });
            if words.iter().any(|w| renders.iter().any(|r| w.contains(r))) {
                continue;
            }
            if let Some(end) = without(view, p0, head) {
                return end;
            }
        }
        p0
    }

    #[test]
    fn head_nouns_the_english_lacks() {
        // (text before the gloss, English, the term's end left)
        let table: &[(&str, &str, &str)] = &[
            ("我们用一个查询改写模型", "query rewriting", "我们用一个查询改写"),
            ("采用了分片重平衡的方法", "shard rebalancing", "采用了分片重平衡"),
            ("这是风险平价问题", "RiskParity", "这是风险平价"),
            ("加入了一个注意力汇聚层", "attention pooling", "加入了一个注意力汇聚"),
            // the English has a word for it: kept
            ("加入了一个注意力汇聚层", "attention pooling layer", "加入了一个注意力汇聚层"),
            ("一个查询改写模型", "query rewriting model", "一个查询改写模型"),
            ("常见的路由算法", "routing algorithms", "常见的路由算法"),
            ("拆成重叠子问题", "overlapping subproblems", "拆成重叠子问题"),
            // an acronym may stand for it; too little left
            ("大语言模型", "LLM", "大语言模型"),
            ("一个生成模型", "DiffuGAN", "一个生成模型"),
            ("掩码语言模型", "Masked Language Modeling", "掩码语言模型"),
            ("通用的解决方法", "general solution", "通用的解决方法"),
            ("的模型", "baseline", "的模型"),
        ];
        for (text, en, want) in table {
            let end = without_head(text, text.len(), en);
            assert_eq!(&text[..end], *want, "{text} / {en}");
        }
    }

    #[test]
    fn labels_and_descriptions() {
        let table: &[(&str, &str, bool)] = &[
            ("C 模型", "Controller", true),
            ("D模块", "Discriminator", true),
            ("样式", "SCSS", true),
            ("网络", "MobileNet", true),
            ("框架", "Django", true),
            // translations
            ("控制器", "Controller", false),
            ("网络", "network", false),
            ("层叠样式表", "CSS", false),
            ("Q 网络", "Q-network", false),
            ("原Acme", "Nimbus", true),
            ("两步时序差分（two-step TD）", "TD", true),
            ("Rust 包", "Rust crate", false),
            ("英文 Hot Reload", "Hot Reload", true),
            ("英文 Hot Module Reload", "HMR", true),
            ("Azure Kubernetes 服务", "AKS", false),
            ("者", "scheduler", true),
            // a one-word name glossed by what it is
            ("深度学习框架", "PyTorch", true),
            // a word of letters and digits is a name too
            ("压力测试工具", "h2load", true),
            ("视频编码工具", "encoding tool", false),
            ("容器编排平台", "Kubernetes", true),
            ("社交媒体帖子", "Tumblr", true),
            ("切比雪夫距离", "Chebyshev", true),
            ("日志来源", "Journal", true),
            ("请求类型", "Method", true),
            ("调度策略", "PolicyKit", false),
            // …but its English has a word for the noun, or it is an acronym spelled out
            ("残差网络", "ResNet", false),
            ("规则引擎", "RuleEngine", false),
            ("超文本传输协议", "HTTP", false),
            // a remark or a counted thing, unless the English says it too
            ("示例", "Cookies", true),
            ("可选", "timeout", true),
            ("可选", "optional", false),
            ("默认", "default value", false),
            ("一段时间", "TTL", true),
            ("强烈推荐", "Kali Linux", true),
            ("首选", "io", true),
            ("一个副本", "Pod", true),
            ("一步", "one-step", false),
            ("四大设计原则", "SOLID", true),
            ("两种调度策略", "Kestrel", true),
            ("三元组", "triple", false),
            ("二项分布", "binomial distribution", false),
            // a name restated without its number
            ("图形DDR", "GDDR6", true),
            ("小写m", "module", true),
            ("维生素C", "vitamin C", false),
            ("16位浮点", "FP16", false),
            ("IPv6 地址", "IPv6 address", false),
            ("两个阶段", "two stages", false),
            // a place in a document, unless no part of a document follows the number
            ("第三节", "Hadoop", true),
            ("第 12 章", "Rust", true),
            ("第二部分", "Appendix", true),
            ("第一范式", "first normal form", false),
            // a person's name beside one word (the company) is someone else's
            ("琳达·卡特", "Globex", true),
            ("琳达·卡特", "Linda Carter", false),
            ("卡特", "Globex", false),
        ];
        for (zh, en, want) in table {
            assert_eq!(is_label(zh, en), *want, "{zh} / {en}");
        }
        // decided once, then remembered: the same answers, in any order
        let mut labels = Labels::default();
        for (zh, en, want) in table.iter().chain(table.iter().rev()) {
            assert_eq!(labels.is_label(zh, en), *want, "{zh} / {en}");
        }
    }
}
