//! Left boundaries of Chinese terms chosen by the whole extractor (segmenter dictionary with
//! the reference's terms, reference glossary, recurrence), one sentence per row.

use termbridge::{Extractor, Markup, Method, Source};

#[test]
fn left_boundaries_in_context() {
    let table: &[(&str, &str, &str)] = &[
        // an acronym of three letters beside its Chinese is glossed by it
        ("但是，自从单页应用 SPA 出现以后，一切都变了。", "SPA", "单页应用"),
        // a 2 between the letters of an acronym says "to": 到 is no stop
        ("我们写了端到端（E2E）测试，节点之间点对点（P2P）通信。", "E2E", "端到端"),
        ("我们写了端到端（E2E）测试，节点之间点对点（P2P）通信。", "P2P", "点对点"),
        // the English's "and" keeps 与 inside the term
        (
            "团队重构了搜索与推荐系统（search and recommendation system）。",
            "search and recommendation system",
            "搜索与推荐系统",
        ),
        // a transitive verb before a term that fits the English ends the term, whatever
        // comes before the verb
        ("平台在网关层面统一开启请求速率限制（request rate limiting）。", "request rate limiting", "请求速率限制"),
        // a verb starts a term only where the reference has a term starting with the verb and
        // the word after it (反向传播算法), not wherever the verb starts some known term
        ("分类器最后输出硬预测（hard prediction）。", "hard prediction", "硬预测"),
        ("这里我们主要学习嵌套函数（nested function）的用法。", "nested function", "嵌套函数"),
        // a one-character verb starts the term when the rest is far too short for the English
        ("LSM 树在查询时的读放大（read amplification）比较明显。", "read amplification", "读放大"),
        // a verb-like word before a dictionary word too short for the English is part of the
        // term
        (
            "样品形貌用扫描电子显微镜（scanning electron microscope）观察。",
            "scanning electron microscope",
            "扫描电子显微镜",
        ),
        // a pronoun glued by the segmenter to the term's first word is not part of it
        (
            "这种合金强度高，但其本征热导率（intrinsic thermal conductivity）较低。",
            "intrinsic thermal conductivity",
            "本征热导率",
        ),
        // the Chinese of an English prefix starts the term, though a function word elsewhere
        ("这种多孔碳的比表面积（specific surface area）很大。", "specific surface area", "比表面积"),
        ("团队专门负责后训练（post-training）。", "post-training", "后训练"),
        ("这里必须做好去重（de-duplication）工作。", "de-duplication", "去重"),
        (
            "训练时使用带有动量的随机梯度下降（stochastic gradient descent）。",
            "stochastic gradient descent",
            "随机梯度下降",
        ),
        // a numeral with its measure word renders the English's number
        ("更新时只看一步时序差分（one-step TD）的误差。", "one-step TD", "一步时序差分"),
        ("系统采用两阶段提交（two-phase commit）协议。", "two-phase commit", "两阶段提交"),
        // a verb said once before a word the text uses again and again on its own
        ("小车必须抵达终点（goal）才有奖励。终点旁有旗子，终点前有坑，终点只有一个。", "goal", "终点"),
    ];
    let extractor = Extractor::builder().build().unwrap();
    for (text, english, chinese) in table {
        let g = extractor.extract_sources(&[Source { name: "t.txt", text, markup: Markup::Plain }]);
        let e = g.get(english).unwrap_or_else(|| panic!("{english} not found in {text}"));
        assert_eq!(e.chinese.first().map(String::as_str), Some(*chinese), "{text}");
    }
}

/// Side by side, or after 即, a Chinese is the English's only as a name: side by side it
/// holds a word standing for the English or one of its letters; after 即 it is no clause
/// (即允许…) and 即 is no piece of another word (即可).
#[test]
fn names_beside_or_after_english_are_names_of_it() {
    type Row = (&'static str, &'static str, Option<&'static str>);
    let table: &[Row] = &[
        ("我们使用检索增强生成 RAG 来回答。", "RAG", Some("检索增强生成")),
        ("我们先讲负载均衡 load balancing 的原理。", "load balancing", Some("负载均衡")),
        ("12.春季数据 JPA", "JPA", None),
        ("特别是事件管理器、亚马逊 elastic cache 和其他服务。", "elastic cache", None),
        ("在格式中键入常数的名称来代替 XXXX，即可访问其值。", "XXXX", None),
        ("导出对象上的危险 ACE，即允许接管底层对象的 ACE。", "ACE", None),
        ("这一步叫 warm-up，即预热。", "warm-up", Some("预热")),
    ];
    let extractor = Extractor::builder().build().unwrap();
    for (text, english, want) in table {
        let g = extractor.extract_sources(&[Source { name: "t.txt", text, markup: Markup::Plain }]);
        let got = g.get(english).and_then(|e| e.chinese.first().map(String::as_str));
        assert_eq!(got, *want, "{text}");
    }
}

/// A term and its English side by side (`全基因组关联分析 GWAS`), for English the reference
/// knows: a gloss where the Chinese before the English is the reference's term (found in
/// the text, so method `apposition`), none where it is something else (the entry then takes
/// the reference's Chinese only if the text uses it, with method `reference`).
#[test]
fn side_by_side_with_terms_the_reference_knows() {
    // the text, the English, and its Chinese and method if it has one
    type Row = (&'static str, &'static str, Option<(&'static str, Method)>);
    let table: &[Row] = &[
        ("近年来，全基因组关联分析 GWAS 已成为主要手段。", "GWAS", Some(("全基因组关联分析", Method::Apposition))),
        ("这台机器用的是知名厂商的 GPU 吗？", "GPU", None),
        ("这一章讲卷积神经网络 CNN。", "CNN", Some(("卷积神经网络", Method::Apposition))),
        ("这一章讲一种新的网络 CNN。", "CNN", None),
    ];
    let extractor = Extractor::builder().build().unwrap();
    for (text, english, want) in table {
        let g = extractor.extract_sources(&[Source { name: "t.txt", text, markup: Markup::Plain }]);
        let got =
            g.get(english).and_then(|e| e.chinese.first().map(|z| (z.as_str(), e.method.unwrap_or(Method::Reference))));
        assert_eq!(got, *want, "{text}");
    }
}

/// Regression (found by fuzzing): an emphasis opening inside a gloss's brackets, after the end
/// of the term before them (`****(co*)***`), made a reversed span there (a failed debug
/// assertion under `cargo test`; none of it may enclose a term).
#[test]
fn an_emphasis_opening_after_the_term_encloses_none_of_it() {
    let extractor = Extractor::builder().build().unwrap();
    for text in ["****(co*)***", "模型**（attention*）**很好"] {
        for markup in [Markup::Markdown, Markup::Plain] {
            let g = extractor.extract_sources(&[Source { name: "t.md", text, markup }]);
            for e in g.entries() {
                for o in &e.occurrences {
                    assert!(text.get(o.span.range()).is_some(), "{text}: {:?}", o.span);
                }
            }
        }
    }
}

/// A shorter option that recurs at the glosses (检测器, in the Chinese of two terms glossed
/// twice) still lacks the English word that a longer one adds (跳跃 for skip).
#[test]
fn a_shorter_option_that_recurs_still_lacks_a_rendered_word() {
    let text = "不同于常见的网关，我们专门设计了跳跃检测器（Jump detector）以决定去向，\
                又设计了间隔检测器（Interval detector）以估计等待的时间。\n\
                上线后跳跃检测器（Jump detector）和间隔检测器（Interval detector）都很稳定。";
    let extractor = Extractor::builder().reference(termbridge::Reference::empty()).build().unwrap();
    let g = extractor.extract_sources(&[Source { name: "t.txt", text, markup: Markup::Plain }]);
    let e = g.get("Jump detector").expect("a row for the English");
    assert_eq!(e.chinese.first().map(String::as_str), Some("跳跃检测器"));
}
