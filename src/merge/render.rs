//! The Chinese renderings of a concept and how sure the glossary is of the first: the
//! renderings are ordered by how often the inputs give them, then by the aligner's
//! confidence, then by where they first occur; the confidence of an entry is that of its
//! first rendering, a little higher when the inputs give it again and again.

use super::group::{Glosses, Group, Rendering, UnionFind, NO_KEY};
use super::overlap::Overlaps;
use crate::model::facts::Sentence;
use crate::model::{InputFacts, Method, Occurrence};
use crate::text::chars::{in_order, is_cjk};
use rustc_hash::FxHashMap;

/// What each repetition of a rendering adds to its confidence: an author who writes the same
/// Chinese for a term again and again means it.
const REPEAT_BOOST: f32 = 0.03;
/// Repetitions beyond this many add nothing more.
const BOOSTED_REPEATS: usize = 4;
/// A rendering read from the text is never certain.
const MAX_CONFIDENCE: f32 = 0.99;

/// Adds the Chinese of every gloss to the concept of its English (the group at the root of
/// its key), each rendering once per concept.
/// `gloss_keys` are the keys of the glosses' English (see [`Links`](super::group::Links)).
pub(super) fn gather(groups: &mut [Group<'_>], glosses: &Glosses<'_>, gloss_keys: &[Vec<u32>], uf: &mut UnionFind) {
    // (concept, Chinese, input, gloss) of every gloss with Chinese, in the order of the inputs
    let mut glossed: Vec<(usize, &str, usize, usize)> = Vec::new();
    for (d, (of_input, keys)) in glosses.iter().zip(gloss_keys).enumerate() {
        for (gi, (g, &id)) in of_input.iter().zip(keys).enumerate() {
            let Some((zh, _)) = &g.chinese else { continue };
            if id == NO_KEY {
                continue;
            }
            glossed.push((uf.find(id as usize), zh, d, gi));
        }
    }
    // by input and gloss last, so each rendering's glosses stay in the order of the inputs
    // (and no buffer is taken, as a stable sort would)
    glossed.sort_unstable();
    for of_concept in glossed.chunk_by(|a, b| a.0 == b.0) {
        let root = of_concept[0].0;
        // each concept's list is allocated once, at its number of renderings
        let renderings = &mut groups[root].renderings;
        renderings.reserve_exact(of_concept.chunk_by(|a, b| a.1 == b.1).count());
        let spaced_documents = documents_written_apart(of_concept);
        for same in of_concept.chunk_by(|a, b| a.1 == b.1) {
            let (_, zh, d, gi) = same[0];
            let first = &glosses[d][gi];
            let mut r =
                Rendering { first: (d, first.site.start), context: first.context.clone(), ..Rendering::default() };
            for (i, &(_, _, d, gi)) in same.iter().enumerate() {
                let g = &glosses[d][gi];
                r.count += g.count;
                // (the glosses of one rendering are in the order of the inputs)
                r.inputs += usize::from(i == 0 || same[i - 1].2 != d);
                if g.confidence > r.confidence {
                    r.confidence = g.confidence;
                    r.method = Some(g.method);
                }
            }
            r.documents = spaced_documents.as_ref().map_or(r.inputs, |by_bare| by_bare[&bare(zh)]);
            renderings.push((Box::from(zh), r));
        }
    }
}

/// A rendering without its spaces: renderings that differ only in spaces are one.
fn bare(zh: &str) -> String {
    zh.chars().filter(|c| !c.is_whitespace()).collect()
}

/// For the glosses of one concept (sorted by Chinese, then input) of which some are written
/// with spaces, the number of inputs that give each rendering written with or without them
/// (by its [`bare`] form); `None` when none has spaces, each rendering's inputs being its own.
fn documents_written_apart(of_concept: &[(usize, &str, usize, usize)]) -> Option<FxHashMap<String, usize>> {
    if !of_concept.iter().any(|g| g.1.contains(char::is_whitespace)) {
        return None;
    }
    let mut inputs: Vec<(String, usize)> = of_concept.iter().map(|&(_, zh, d, _)| (bare(zh), d)).collect();
    inputs.sort_unstable();
    inputs.dedup();
    let mut documents: FxHashMap<String, usize> = FxHashMap::default();
    for (zh, _) in inputs {
        *documents.entry(zh).or_default() += 1;
    }
    Some(documents)
}

/// A rendering given in `g` inputs is dropped when its term is used bare in more than this
/// many times g² inputs: a Chinese written beside a name in one article among dozens that use
/// it bare (数据清理(Python), 反应(React)) is that article's remark or its translator's slip,
/// not the name's Chinese; given in a few articles (from [`SHARED_GLOSS_INPUTS`] on) it is
/// shared usage. (A book glosses a term once and uses it in a score of chapters: that gloss
/// stays.)
const BARE_INPUTS_PER_SQUARED_GLOSS: usize = 30;
/// A rendering given in this many inputs is shared usage, however many use the term.
const SHARED_GLOSS_INPUTS: usize = 3;

/// Whether a rendering given in `glossed` inputs is given in too few of the `used` inputs
/// that use its term.
pub(super) fn too_rare(glossed: usize, used: usize) -> bool {
    glossed < SHARED_GLOSS_INPUTS && used > BARE_INPUTS_PER_SQUARED_GLOSS * glossed * glossed
}

/// The least confidence of a rendering glossed once.
const MIN_CONFIDENCE: f32 = 0.6;

/// The least confidence of a rendering listed after the first: a doubtful second rendering
/// is dropped rather than listed.
const ALTERNATIVE_MIN_CONFIDENCE: f32 = 0.75;
/// ...and the glosses it needs below [`OTHER_BOUNDARY_MIN_CONFIDENCE`]: a second rendering
/// glossed once in brackets is as often a description or a slip (高性能方法 for SSR,
/// 处理器上 for CPU) as another translation (judged samples: about half right).
const ALTERNATIVE_MIN_GLOSSES: usize = 2;
/// The least confidence of a rendering listed after the first without being glossed again:
/// its own gloss must be sure.
const OTHER_BOUNDARY_MIN_CONFIDENCE: f32 = 0.9;
/// The least glosses of a rendering that is another boundary of one kept before it (动量法
/// after 动量, 免费云平台 after 云平台服务): of two boundaries one is most likely wrong (judged
/// samples: half of those glossed once were too long or cut short), so both are listed only
/// when the text gives the second again, surely.
const OTHER_BOUNDARY_MIN_GLOSSES: usize = 2;
/// Words naming a method or an operation, which a rendering may add to another without naming
/// another thing (动量法 beside 动量, 互相关运算 beside 互相关): a sure gloss of one is listed
/// after the other as for other characters. (A noun such as 网络 or 模型 added is a
/// description the English lacks: 多层感知机模型 is long for multilayer perceptron.)
const KIND_WORDS: [&str; 2] = ["法", "运算"];

/// Two renderings are boundaries of one term when one holds the other, or when the end of one
/// is the start of the other over at least this many characters (免费云平台 and 云平台服务).
const MIN_SHARED_EDGE_CHARS: usize = 2;

/// The renderings of a concept, the one to use first. A rendering after the first is kept
/// only when its own gloss is sure, or it is glossed again and fairly sure; and when it is
/// another boundary of a rendering kept before it (互联网应用 beside 丰富互联网应用), only when
/// it is glossed again and sure.
/// Renderings given as often are ordered by whether the reference knows them (`known`), then
/// by confidence: of 网络配置（NAT） and 网络地址转换（NAT） in one text, the reference's
/// term goes first.
pub(super) fn ordered(
    renderings: Vec<(Box<str>, Rendering)>,
    known: impl Fn(&str) -> bool,
) -> Vec<(Box<str>, Rendering)> {
    let mut renderings = spaced_as_one(renderings);
    renderings.sort_by(|a, b| {
        b.1.count
            .cmp(&a.1.count)
            .then_with(|| known(&b.0).cmp(&known(&a.0)))
            .then(b.1.confidence.total_cmp(&a.1.confidence))
            .then(a.1.first.cmp(&b.1.first))
    });
    let mut kept: Vec<(Box<str>, Rendering)> = Vec::with_capacity(renderings.len());
    // the characters of each kept rendering, without spaces
    let mut kept_bare: Vec<Vec<char>> = Vec::with_capacity(renderings.len());
    let mut overlaps = Overlaps::default();
    for (zh, r) in renderings {
        let bare: Vec<char> = zh.chars().filter(|c| !c.is_whitespace()).collect();
        // a sure gloss is kept and a doubtful one dropped whatever it overlaps
        // a doubtful gloss given once is no rendering, first or not (judged samples: one in
        // four right)
        if r.confidence < MIN_CONFIDENCE && r.count < ALTERNATIVE_MIN_GLOSSES {
            continue;
        }
        // 学习机器 after 机器学习, 代理用户 after 用户代理: the characters of a kept rendering in
        // another order are a slip of word order (a machine's, most often), not another
        // rendering
        if kept_bare.iter().any(|k| reorders(&bare, k)) {
            continue;
        }
        // 基础设施代码 after 基础设施即代码: a kept rendering with characters left out here and
        // there is that rendering cut short, not another one
        if kept_bare.iter().any(|k| leaves_out_of(&bare, k)) {
            continue;
        }
        // 维度诅咒/维度惩罚: two renderings joined by a slash are no rendering after the first
        if !kept.is_empty() && joins_two(&bare) {
            continue;
        }
        let other_boundary = !kept.is_empty()
            && (overlaps.any(&bare) || shares_an_edge(&bare, &kept_bare[0]))
            && !kept_bare.iter().any(|k| adds_a_kind(&bare, k));
        let keep = kept.is_empty()
            || if other_boundary {
                r.count >= OTHER_BOUNDARY_MIN_GLOSSES && r.confidence >= OTHER_BOUNDARY_MIN_CONFIDENCE
            } else {
                r.confidence >= OTHER_BOUNDARY_MIN_CONFIDENCE
                    || r.count >= ALTERNATIVE_MIN_GLOSSES && r.confidence >= ALTERNATIVE_MIN_CONFIDENCE
            };
        if keep {
            overlaps.insert(&bare);
            kept.push((zh, r));
            kept_bare.push(bare);
        }
    }
    kept
}

/// Whether the end of one of `chars` and `theirs` (renderings without spaces) is the start of
/// the other, over [`MIN_SHARED_EDGE_CHARS`] characters or more (and not all of either: that
/// is holding, see [`Overlaps`]).
fn shares_an_edge(chars: &[char], theirs: &[char]) -> bool {
    let longest = chars.len().min(theirs.len()).saturating_sub(1);
    (MIN_SHARED_EDGE_CHARS..=longest)
        .any(|n| chars[chars.len() - n..] == theirs[..n] || theirs[theirs.len() - n..] == chars[..n])
}

/// Whether one of `chars` and `theirs` (renderings without spaces) is the other with one of
/// [`KIND_WORDS`] after it.
fn adds_a_kind(chars: &[char], theirs: &[char]) -> bool {
    let (long, short) = if chars.len() > theirs.len() { (chars, theirs) } else { (theirs, chars) };
    long.strip_prefix(short).is_some_and(|rest| KIND_WORDS.iter().any(|k| k.chars().eq(rest.iter().copied())))
}

/// Whether `chars` are some of the characters of `theirs` (renderings without spaces) in
/// their order, not side by side there (a piece of `theirs` is another boundary of it).
fn leaves_out_of(chars: &[char], theirs: &[char]) -> bool {
    if chars.len() >= theirs.len() || chars.is_empty() || theirs.windows(chars.len()).any(|w| w == chars) {
        return false;
    }
    in_order(chars.iter().copied(), theirs.iter().copied())
}

/// Whether `chars` are two Chinese renderings joined by a slash (`维度诅咒/维度惩罚`).
fn joins_two(chars: &[char]) -> bool {
    chars.windows(3).any(|w| is_cjk(w[0]) && w[1] == '/' && is_cjk(w[2]))
}

/// Whether `chars` are the characters of `theirs` (renderings without spaces) in another
/// order.
fn reorders(chars: &[char], theirs: &[char]) -> bool {
    if theirs.len() != chars.len() || theirs == chars {
        return false;
    }
    let (mut mine, mut theirs) = (chars.to_vec(), theirs.to_vec());
    mine.sort_unstable();
    theirs.sort_unstable();
    mine == theirs
}

/// The renderings with the ones that differ only in spaces (`KL 散度`, `KL散度`) made one:
/// written as the one given most (first given on a tie), with the counts of all and the
/// best confidence.
fn spaced_as_one(renderings: Vec<(Box<str>, Rendering)>) -> Vec<(Box<str>, Rendering)> {
    if !renderings.iter().any(|(zh, _)| zh.contains(char::is_whitespace)) {
        return renderings;
    }
    let mut at: FxHashMap<String, usize> = FxHashMap::default();
    let mut out: Vec<(Box<str>, Rendering)> = Vec::with_capacity(renderings.len());
    // the count and first place of the form each is written as
    let mut written_as: Vec<(usize, (usize, usize))> = Vec::with_capacity(renderings.len());
    for (zh, r) in renderings {
        match at.get(&bare(&zh)) {
            Some(&i) => {
                let (written, kept) = &mut out[i];
                let (count, first) = &mut written_as[i];
                if r.count > *count || r.count == *count && r.first < *first {
                    *written = zh;
                    kept.context = r.context;
                    (*count, *first) = (r.count, r.first);
                }
                kept.first = kept.first.min(r.first);
                kept.count += r.count;
                // (`documents` counts the inputs of both already)
                if r.confidence > kept.confidence {
                    kept.confidence = r.confidence;
                    kept.method = r.method;
                }
            }
            None => {
                at.insert(bare(&zh), out.len());
                written_as.push((r.count, r.first));
                out.push((zh, r));
            }
        }
    }
    out
}

/// What an entry says of where it comes from and how sure it is.
pub(super) struct Evidence {
    pub(super) confidence: Option<f32>,
    pub(super) method: Option<Method>,
    /// The sentence of the first gloss of the first rendering, or of the first occurrence.
    pub(super) context: Quote,
    /// The input and line of the first occurrence.
    pub(super) source: Option<String>,
}

/// The sentence an entry quotes, or where it is in the facts: it is copied into the entry
/// once every entry is made, or moved there when the facts are no longer needed (see
/// [`build_consuming`](super::build_consuming)).
pub(crate) enum Quote {
    /// The sentence itself: a gloss's (the glosses are let go before the entries are made),
    /// or a form's taken out of the facts.
    Sentence(Sentence),
    /// The sentence of a form's first occurrence: input and form index.
    Form(usize, usize),
    /// None.
    Nothing,
}

impl Quote {
    /// The sentence, shared with the facts.
    pub(super) fn sentence(self, inputs: &[InputFacts]) -> Option<Sentence> {
        match self {
            Quote::Sentence(s) => Some(s),
            Quote::Form(d, f) => Some(inputs[d].forms[f].context.clone()),
            Quote::Nothing => None,
        }
    }

    /// The quote with the sentence of a form taken out of the facts, which can then let go
    /// of their sentences.
    pub(super) fn take_sentence(&mut self, inputs: &[InputFacts]) {
        if let Quote::Form(d, f) = *self {
            *self = Quote::Sentence(inputs[d].forms[f].context.clone());
        }
    }
}

/// The evidence of a concept from its first rendering (`renderings` as [`ordered`] gives
/// them) and its first occurrence (with, when it has no rendering, the form whose sentence
/// it quotes); `None` when it has neither.
pub(super) fn evidence(
    renderings: &[(Box<str>, Rendering)],
    occurrences: &[Occurrence],
    quoted_form: Option<(u32, u32)>,
    inputs: &[InputFacts],
) -> Option<Evidence> {
    let first_occ = occurrences.iter().min_by_key(|o| (o.source, o.span.start));
    Some(match renderings.first() {
        Some((_, r)) => {
            let boost = REPEAT_BOOST * (r.count.min(BOOSTED_REPEATS) as f32 - 1.0);
            Evidence {
                confidence: Some((r.confidence + boost).min(MAX_CONFIDENCE)),
                method: r.method,
                context: r.context.clone().map_or(Quote::Nothing, Quote::Sentence),
                source: first_occ.map(|o| format!("{}:{}", inputs[o.source].name, o.line)),
            }
        }
        None => {
            let o = first_occ?;
            let context = quoted_form.map_or(Quote::Nothing, |(d, f)| Quote::Form(d as usize, f as usize));
            let source = Some(format!("{}:{}", inputs[o.source].name, o.line));
            Evidence { confidence: None, method: None, context, source }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rendering(count: usize, confidence: f32, first: usize) -> Rendering {
        Rendering { count, confidence, first: (0, first), ..Rendering::default() }
    }

    /// The renderings [`ordered`] keeps of `rs`, in their order, the reference knowing `known`.
    fn ordered_knowing(rs: Vec<(&str, Rendering)>, known: &[&str]) -> Vec<String> {
        let rs = rs.into_iter().map(|(z, r)| (Box::<str>::from(z), r)).collect();
        ordered(rs, |z| known.contains(&z)).into_iter().map(|(z, _)| z.to_string()).collect()
    }

    /// The renderings [`ordered`] keeps of `rs`, the reference knowing none.
    fn kept(rs: Vec<(&str, Rendering)>) -> Vec<String> {
        ordered_knowing(rs, &[])
    }

    #[test]
    fn documents_count_each_input_once_whatever_the_spaces() {
        // (concept, Chinese, input, gloss), sorted as `gather` sorts them
        let mut glosses = vec![(0, "KL 散度", 0, 0), (0, "KL 散度", 2, 1), (0, "KL散度", 1, 0), (0, "KL散度", 2, 0)];
        glosses.sort_unstable();
        let documents = documents_written_apart(&glosses).unwrap();
        assert_eq!(documents[&bare("KL 散度")], 3);
        let unspaced = [(0, "散度", 0, 0), (0, "散度", 0, 1)];
        assert_eq!(documents_written_apart(&unspaced), None);
    }

    #[test]
    fn a_doubtful_gloss_given_once_is_no_rendering() {
        assert!(kept(vec![("一段时间", rendering(1, 0.55, 0))]).is_empty());
        assert_eq!(kept(vec![("早停", rendering(1, 0.6, 0))]), ["早停"]);
        // given again, it is meant
        assert_eq!(kept(vec![("缓存时间", rendering(2, 0.55, 0))]), ["缓存时间"]);
    }

    #[test]
    fn a_rendering_cut_short_or_two_joined_is_no_second_rendering() {
        let table: &[(&str, &str, bool)] = &[
            ("基础设施即代码", "基础设施代码", false),
            ("持续集成与交付", "持续集成交付", false),
            ("维数灾难", "维度诅咒/维度惩罚", false),
            // another rendering, and a piece side by side (another boundary, glossed again)
            ("词元", "标记", true),
            ("消息队列服务", "消息队列", true),
        ];
        for &(first, second, both) in table {
            let rs = vec![(first, rendering(5, 0.95, 0)), (second, rendering(3, 0.95, 1))];
            let want: Vec<&str> = if both { vec![first, second] } else { vec![first] };
            assert_eq!(kept(rs), want, "{second} after {first}");
        }
        // the first rendering stays whatever it holds
        assert_eq!(kept(vec![("甲/乙", rendering(1, 0.9, 0))]), ["甲/乙"]);
    }

    #[test]
    fn the_reference_breaks_a_tie() {
        let tie = || vec![("网络配置", rendering(1, 0.78, 0)), ("网络地址转换", rendering(1, 0.78, 9))];
        assert_eq!(ordered_knowing(tie(), &[]), ["网络配置"]);
        assert_eq!(ordered_knowing(tie(), &["网络地址转换"]), ["网络地址转换"]);
        // given more often, the text's own goes first all the same
        let more = vec![("网络配置", rendering(3, 0.78, 0)), ("网络地址转换", rendering(1, 0.78, 9))];
        assert_eq!(ordered_knowing(more, &["网络地址转换"]), ["网络配置"]);
    }

    #[test]
    fn another_boundary_is_listed_only_when_glossed_again_and_sure() {
        // (first, second, glosses of the second, its confidence, both listed)
        let table: &[(&str, &str, usize, f32, bool)] = &[
            // the second holds the first, or the first the second
            ("调度器", "调度器教程", 1, 0.95, false),
            ("消息队列服务", "消息队列", 1, 0.95, false),
            ("消息队列", "消息队列服务", 2, 0.95, true),
            ("消息队列", "消息队列服务", 2, 0.8, false),
            // the end of one is the start of the other
            ("云平台服务", "免费云平台", 1, 0.95, false),
            ("云平台服务", "免费云平台", 2, 0.8, false),
            ("免费云平台", "云平台服务", 3, 0.95, true),
            // other characters: another rendering, listed when sure or glossed again
            ("词元", "标记", 1, 0.95, true),
            ("词元", "标记", 2, 0.8, true),
            ("词元", "标记", 1, 0.8, false),
            // one character in common at the edge is no boundary
            ("数据集", "集合", 1, 0.95, true),
            // a word naming its kind added is the same thing named
            ("梯度裁剪", "梯度裁剪法", 1, 0.95, true),
            ("残差网络", "残差", 1, 0.95, false),
            ("梯度裁剪", "梯度裁剪库", 1, 0.95, false),
        ];
        for &(first, second, count, confidence, both) in table {
            let rs = vec![(first, rendering(5, 0.95, 0)), (second, rendering(count, confidence, 1))];
            let want: Vec<&str> = if both { vec![first, second] } else { vec![first] };
            assert_eq!(kept(rs), want, "{second} after {first}");
        }
    }

    #[test]
    fn a_kept_rendering_in_another_word_order_is_no_rendering() {
        // however sure and often given
        let table: &[(&str, &str, &str)] = &[
            ("数据清洗", "清洗数据", "数据清洗"),
            ("图像识别", "识别图像", "图像识别"),
            ("服务网格", "网格 服务", "服务网格"),
        ];
        for (first, reordered, want) in table {
            let rs = vec![(*first, rendering(5, 0.9, 0)), (*reordered, rendering(3, 0.95, 1))];
            assert_eq!(kept(rs), [*want], "{reordered}");
        }
        // another rendering with other characters stays, and so does one spaced otherwise
        let rs = vec![("词元", rendering(5, 0.9, 0)), ("标记", rendering(3, 0.9, 1))];
        assert_eq!(kept(rs), ["词元", "标记"]);
        assert!(!reorders(&['服', '务'], &['服', '务']));
    }
}
