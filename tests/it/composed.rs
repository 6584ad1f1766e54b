//! A multi-word term that no one glosses takes the Chinese composed of its words' Chinese,
//! where the input writes that Chinese on its own: one input read at once, or in shards.

use termbridge::{Extractor, Method, Partial, Reference, Source};

/// The single words a reader of each field knows.
const WORDS: &str = "english,chinese\n\
    next token,下一个词\nprediction,预测\nlearning rate,学习率\nschedule,调度\n\
    data,数据\nfile,文件\nGPU,显卡\nmemory,内存\nsearch,搜索\nretry,重试\npolicy,策略\n\
    transaction,事务\nlog,日志\nelement,元素\nfunnel,漏斗\nconversion,转化\n";

fn extractor() -> Extractor {
    let words = Reference::from_csv_reader("words.csv", WORDS.as_bytes()).unwrap();
    Extractor::builder().builtin_reference(false).reference(words).build().unwrap()
}

/// (what, text, english, expected Chinese, expected method, expected note)
type Case = (&'static str, &'static str, &'static str, &'static [&'static str], Option<Method>, &'static str);

#[test]
fn composed_chinese() {
    let table: &[Case] = &[
        (
            "language models: the verb before its object",
            "语言模型的目标就是预测下一个词。这种 next-token prediction 很简单。",
            "next-token prediction",
            &["预测下一个词"],
            Some(Method::Composed),
            "composed: next token = 下一个词, prediction = 预测",
        ),
        (
            "training: in the English order",
            "训练时的学习率调度。常见的 learning rate schedule 有余弦退火。",
            "learning rate schedule",
            &["学习率调度"],
            Some(Method::Composed),
            "composed: learning rate = 学习率, schedule = 调度",
        ),
        (
            "databases: with 的 between",
            "崩溃之后要看：事务的日志。所以 transaction log 必须先写入磁盘。",
            "transaction log",
            &["事务的日志"],
            Some(Method::Composed),
            "composed: transaction = 事务, log = 日志",
        ),
        (
            "services: the most frequent of two",
            "这是重试策略。重试策略，以及重试的策略。\n这个 retry policy 可以改。",
            "retry policy",
            &["重试策略"],
            Some(Method::Composed),
            "composed: retry = 重试, policy = 策略",
        ),
        (
            "web pages: the word lists alone",
            "每个页面都有自己的用户状态。这里的 user state 保存在内存里。",
            "user state",
            &["用户状态"],
            Some(Method::Composed),
            "composed: user = 用户, state = 状态",
        ),
        (
            "product analytics: `of` turned round with 的",
            "看板里的漏斗的转化。这个 conversion of funnel 每天更新。",
            "conversion of funnel",
            &["漏斗的转化"],
            Some(Method::Composed),
            "composed: conversion = 转化, funnel = 漏斗",
        ),
        (
            "a name: the input writes its words glued too",
            "每个页面都有自己的用户状态。这里的 user state 由 UserState 类保存。",
            "user state",
            &[],
            None,
            "",
        ),
        (
            "a Chinese word glued on: not the term",
            "模型会预测下一个词元。这种 next-token prediction 很简单。",
            "next-token prediction",
            &[],
            None,
            "",
        ),
        (
            "a head that is no action is not turned round",
            "这里的文件数据很大。我们先读 data file 再说。",
            "data file",
            &[],
            None,
            "",
        ),
        ("an acronym is never composed", "显卡内存不够。GPU memory 很贵。", "GPU memory", &[], None, ""),
        ("a word without Chinese", "我们用集束搜索。beam search 很常见。", "beam search", &[], None, ""),
        ("a phrase, not a term", "遍历每个元素。each element 都要检查。", "each element", &[], None, ""),
        (
            "the text's own gloss wins",
            "我们读取文件数据（data file）。这个 data file 很大。",
            "data file",
            &["文件数据"],
            Some(Method::Parenthesis),
            "",
        ),
    ];
    let extractor = extractor();
    for (what, text, english, chinese, method, note) in table {
        let g = extractor.extract(text);
        let e = g.get(english).unwrap_or_else(|| panic!("{what}: no entry {english}: {g:#?}"));
        assert_eq!(&e.chinese, chinese, "{what}");
        assert_eq!(e.method, *method, "{what}");
        assert_eq!(e.note, *note, "{what}");
        if e.method == Some(Method::Composed) {
            assert!(e.confidence.is_some_and(|c| c < 0.8), "{what}: {:?}", e.confidence);
        }
    }
}

/// Inputs read in shards and merged compose as one run over all does: the Chinese is found
/// in each input, and counted over all of them.
#[test]
fn composed_in_shards_as_in_one_run() {
    let texts = [
        ("a.md", "语言模型的目标就是预测下一个词。这种 next-token prediction 很简单。"),
        ("b.md", "我们在预测下一个词时看前文。next-token prediction 是训练目标。"),
        ("c.md", "每个服务都有重试策略。这个 retry policy 可以改。"),
        ("d.md", "重试的策略，重试的策略。retry policy 不同。"),
        ("e.md", "重试策略写在配置里。"),
    ];
    let sources: Vec<Source> =
        texts.iter().map(|(name, text)| Source { name, text, markup: termbridge::Markup::Markdown }).collect();
    let extractor = extractor();
    let one_run = extractor.extract_sources(&sources);
    assert_eq!(one_run.get("next-token prediction").unwrap().method, Some(Method::Composed));
    // 重试的策略 twice in d.md, 重试策略 once in c.md (and in e.md, which lacks the English):
    // the most frequent over the inputs
    assert_eq!(one_run.get("retry policy").unwrap().chinese, ["重试的策略"]);
    let parts: Vec<Partial> = sources
        .chunks(2)
        .map(|shard| {
            let mut out = Vec::new();
            extractor.partial(shard).write_jsonl(&mut out).unwrap();
            Partial::read_jsonl("shard.jsonl", out.as_slice()).unwrap()
        })
        .collect();
    assert_eq!(extractor.decide(&Partial::combine(parts)), one_run);
}

/// `composed` is written and read back by every termbase format.
#[test]
fn composed_is_written_and_read_back() {
    use termbridge::{Format, Glossary, WriteOptions};
    let g = extractor().extract("语言模型的目标就是预测下一个词。这种 next-token prediction 很简单。");
    let write = |format: Format| {
        let mut out = Vec::new();
        g.write(format, WriteOptions::default(), &mut out).unwrap();
        out
    };
    let csv = Glossary::from_csv_reader("g.csv", write(Format::Csv).as_slice()).unwrap();
    let tbx = Glossary::from_tbx_reader("g.tbx", write(Format::Tbx).as_slice()).unwrap();
    for back in [&csv, &tbx] {
        let e = back.get("next-token prediction").unwrap();
        assert_eq!(e.method, Some(Method::Composed));
        assert_eq!(e.note, "composed: next token = 下一个词, prediction = 预测");
    }
    let json = String::from_utf8(write(Format::Json)).unwrap();
    assert!(json.contains("\"composed\""), "{json}");
}
