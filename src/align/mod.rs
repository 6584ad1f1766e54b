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
//!
//! [`brackets`] reads the glosses in brackets and [`apposition`] the naming constructions;
//! both leave the Chinese before the English to [`left`], which lists its possible left
//! boundaries, and [`score`] chooses among them once [`Aligner::resolve`] knows the counts.
//! [`words`] tells the function words that bound a term, [`scan`] reads the text around a
//! position. The word lists are data files under `text/lexicon/chinese/`.

mod apposition;
mod brackets;
mod left;
mod length;
mod scan;
mod score;
mod words;

use left::LeftSite;

use crate::candidates::Candidate;
use crate::model::{Method, Span};
use crate::normalize::Document;
use crate::reference::Reference;
use crate::segment::Segmenter;
use brackets::matching_close;
use rustc_hash::FxHashMap;
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

/// Finds glosses and resolves their Chinese boundaries.
pub(crate) struct Aligner<'j> {
    segmenter: &'j Segmenter,
    reference: &'j Reference,
    term_initial: &'j HashSet<String>,
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

    /// Chooses the Chinese of every pending gloss, given how often each option string occurs
    /// in the whole input.
    pub(crate) fn resolve(pending: Vec<Pending>, view: &str, counts: &FxHashMap<&str, usize>) -> Vec<Gloss> {
        let mut out = Vec::new();
        for p in pending {
            let mut g = p.gloss;
            if let Some(left) = p.left {
                let (ix, conf, fits) = score::choose(&left, view, counts);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::candidates::candidates;
    use crate::normalize::Markup;
    use crate::text::abbreviates;

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
