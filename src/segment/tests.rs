//! The compiled dictionary segments word for word, part of speech for part of speech, as
//! jieba-rs with its own dictionary loaded does, with the same terms added.

use super::{Segmenter, TERM_TAG};
use jieba_rs::Jieba;
use proptest::prelude::*;
use std::sync::LazyLock;

/// Terms added to both: new words, words already in the dictionary, a start of a word, a
/// word with a character past the Basic Multilingual Plane, English, one character.
const TERMS: &[&str] =
    &["检索增强生成", "大语言模型", "注意力机制", "机器学", "中国", "𠀋学习", "Transformer架构", "犇", "读写分离"];

/// Both segmenters with [`TERMS`] added, in the same order.
static BOTH: LazyLock<(Segmenter, Jieba)> = LazyLock::new(|| {
    let (mut ours, mut theirs) = (Segmenter::new(), Jieba::new());
    for term in TERMS {
        ours.add_term(term);
        theirs.add_word(term, None, Some(TERM_TAG));
    }
    (ours, theirs)
});

/// Asserts that the two segment `text` alike, every way.
fn assert_alike(text: &str) {
    let (ours, theirs) = &*BOTH;
    assert_eq!(ours.cut(text), theirs.cut(text, false), "cut {text:?}");
    for guess in [false, true] {
        let mut expected = theirs.tag(text, guess);
        super::retag(&mut expected);
        assert_eq!(ours.tagged(text, guess), expected, "tag (guessing {guess}) {text:?}");
    }
}

#[test]
fn sentences_segment_alike() {
    let table = [
        "",
        "我们把这叫作 overfitting，也就是过拟合。",
        "检索增强生成（Retrieval-Augmented Generation，RAG）把检索和生成结合起来。",
        "大语言模型(LLM)的训练需要大量算力，GPT-4o 和 GPT-4 不同。",
        "Transformer架构里的注意力机制；机器学习与机器学。",
        "他叫王小明，住在犇犇村，喜欢𠀋学习和𠀋字。",
        "C++ 与 C# 都支持 1.5% 的 A&B 测试，node_modules 目录和 .NET 框架。",
        "第一行\r\n第二行\n\n  缩进的行\t制表符",
        "数据库常用读写分离（read/write splitting）提高吞吐。",
        "歐洲聯盟的無心輸出與心房顫動，竇性心律合併早期收縮。",
        "😀 表情、ｆｕｌｌ　ｗｉｄｔｈ、١٢٣ 和 עברית 也在文本里。",
        "中华人民共和国成立于1949年10月1日，GDP增长了7.5%。",
        "小明硕士毕业于中国科学院计算所，后在日本京都大学深造",
        "这是一个伸手不见五指的黑夜。我叫孙悟空，我爱北京，我爱Python和C++。",
        "我不喜欢日本和服。雷猴回归人间。工信处女干事每月经过下属科室都要亲口交代24口交换机等技术性器件的安装工作",
        "结过婚的和尚未结过婚的",
        "石墨烯龙门吊杭研嘛呢叭咪吽",
    ];
    for text in table {
        assert_alike(text);
    }
}

#[test]
fn words_and_terms_are_held_alike() {
    let (ours, theirs) = &*BOTH;
    for word in TERMS.iter().copied().chain(["中华人民共和国", "我们", "机器", "机器学", "不存在的词语", "", "A", "𠀋"])
    {
        assert_eq!(ours.has_word(word), theirs.has_word(word), "{word:?}");
    }
}

#[test]
fn fixture_texts_segment_alike() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut read = 0;
    for entry in std::fs::read_dir(dir).expect("the fixtures folder") {
        let path = entry.expect("a fixture").path();
        if path.extension().is_some_and(|e| e == "txt" || e == "md") {
            let text = std::fs::read_to_string(&path).expect("a fixture text");
            for line in text.lines() {
                assert_alike(line);
            }
            assert_alike(&text);
            read += 1;
        }
    }
    assert!(read >= 3, "the fixture texts were read");
}

/// Texts named by `TERMBRIDGE_SEGMENT_CORPUS` (files, one per line of a list file) segment
/// alike too: a large corpus held against jieba-rs, run by hand.
#[test]
#[ignore = "needs TERMBRIDGE_SEGMENT_CORPUS, a list of files; run with --ignored"]
fn a_corpus_named_segments_alike() {
    let list = std::env::var_os("TERMBRIDGE_SEGMENT_CORPUS").expect("TERMBRIDGE_SEGMENT_CORPUS names a list of files");
    let list = std::fs::read_to_string(list).expect("the corpus list");
    for path in list.lines().filter(|l| !l.trim().is_empty()) {
        let text = std::fs::read_to_string(path.trim()).expect("a corpus file");
        assert_alike(&text);
    }
}

proptest! {
    #[test]
    fn any_text_segments_alike(text in "[\\PC\r\n\t]{0,40}") {
        assert_alike(&text);
    }

    #[test]
    fn mixed_han_and_ascii_segments_alike(text in "[我们的机器学习模型中国人大Aa1.+ -_#&%，。（）\r\n𠀋犇]{0,60}") {
        assert_alike(&text);
    }
}
