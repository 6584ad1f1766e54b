//! Which English becomes a row: every row must be a term or a name a translator keeps. Each
//! table pairs texts whose English must stay with texts whose English is no term: handles
//! in lists of contributors, cells and labels that are sentences, plain words used as words,
//! identifiers of code, versions after names and fragments.

use std::path::Path;
use std::sync::LazyLock;
use termbridge::{Extractor, Glossary};

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| Extractor::builder().build().expect("building"));

fn rows(text: &str) -> Vec<String> {
    let g: Glossary = EXTRACTOR.extract(text);
    g.entries().iter().map(|e| e.english.clone()).collect()
}

/// `(text, rows that must be there, rows that must not)`.
type Case = (&'static str, &'static [&'static str], &'static [&'static str]);

fn check(table: &[Case]) {
    for (text, keep, drop) in table {
        let found = rows(text);
        for k in *keep {
            assert!(found.iter().any(|f| f == k), "{k} should be a row of {text:?}: {found:?}");
        }
        for d in *drop {
            assert!(!found.iter().any(|f| f == d), "{d} should be no row of {text:?}: {found:?}");
        }
    }
}

#[test]
fn handles_in_lists_of_contributors_are_no_rows() {
    check(&[
        (
            "本书的勘误由以下读者提供：kim88, jdoe, Maria Lopez, the-night-owl, pbrandt, Omar Haddad, xyz-dev, \
             lin2020, Chen Wei, zkatz。\n\n我们用 Kafka 做消息队列。",
            &["Kafka"],
            &["kim88", "jdoe", "the-night-owl", "Maria Lopez", "zkatz"],
        ),
        (
            "致谢：rkumar、Ana Souza、mtx7、qfox、Ivan Petrov、tomas-v、ellie、b4rt、Ngozi Obi、Redis。\n\n\
             本项目的缓存用 Redis 实现。",
            &["Redis"],
            &["rkumar", "mtx7", "Ivan Petrov"],
        ),
        (
            "常用的数据库有 MySQL、PostgreSQL、Redis、MongoDB、SQLite、Oracle、Cassandra 和 HBase 等。",
            &["MySQL", "PostgreSQL", "MongoDB", "Cassandra"],
            &[],
        ),
    ]);
}

#[test]
fn sentences_and_labels_are_no_rows() {
    check(&[
        ("| 操作 | 延迟 |\n|---|---|\n| Copy 2KB from local disk | 3 ms |\n| Write a log line to the journal | 1 ms |\n\n延迟表。", &[], &["Copy 2KB from local disk", "Write a log line to the journal"]),
        (
            "点击“Deploy Stack”按钮，再选择“Billing Alerts”，最后按“Save Draft”（保存草稿）按钮。Deploy Stack 会部署栈。",
            &["Deploy Stack"],
            &["Billing Alerts", "Save Draft"],
        ),
        ("这种“Zero Trust”架构很流行。", &["Zero Trust"], &[]),
        ("在页面右上角点击 Create a new bucket，再点击 Edit this policy。", &[], &["Create a new bucket", "Edit this policy"]),
        (
            "| 操作 | 延迟 |\n|---|---|\n| SSD random read | 16 μs |\n| Disk seek time | 4 ms |\n\n用 SSD random read 测得延迟。",
            &["SSD random read"],
            &["Disk seek time"],
        ),
        ("| Name | Price |\n|---|---|\n| 苹果 | 3 |\n\n上表列出价格。", &[], &["Name", "Price"]),
        ("词袋模型（Bag of words）常用于检索，其回报率（Return on investment）很高。", &["Bag of words", "Return on investment"], &[]),
        ("前端框架 Solid 的信号与 Svelte 不同。", &["Solid", "Svelte"], &[]),
    ]);
}

#[test]
fn plain_words_used_as_words_are_no_rows() {
    check(&[
        ("例如句子“the”“farmer”“sells”“apples”中，中心词是“sells”。", &[], &["farmer", "sells", "apples"]),
        ("这个 patient 的 dose 需要调整，见病历。", &[], &["patient", "dose"]),
        ("标准差(也称为“sigma”)衡量离散程度。", &["sigma"], &[]),
        ("多样性（diversity）越高越好；价格 price（价格）由市场决定。", &["diversity", "price"], &[]),
        ("交易撮合用 orderbook，orderbook 的深度决定滑点。", &["orderbook"], &[]),
        (
            "模型的 attention 很关键；attention 的权重可视化；attention 头数为 8；多层 attention 叠加；\
             attention 的计算量大。",
            &["attention"],
            &[],
        ),
    ]);
}

#[test]
fn code_identifiers_are_no_rows() {
    check(&[
        (
            "我们定义了 OrderHistory 类来保存订单：\n\n```python\nclass OrderHistory:\n    pass\n```\n\n然后把 total 设为 float 类型，用 await 等待结果。",
            &[],
            &["OrderHistory", "float", "await"],
        ),
        ("页面由 nav、div 和 iframe 组成，并用 PostgreSQL 存储，部署在 GitHub 上。", &["PostgreSQL", "GitHub"], &["nav", "div", "iframe"]),
        (
            "车机接入用 CarPlay 框架：\n\n```swift\nimport CarPlay\n```\n\n价目由 PriceList 表示：\n\n```java\nPriceList a = new PriceList();\n```\n",
            &["CarPlay"],
            &["PriceList"],
        ),
        ("数据用 tuple 存储，tuple 是不可变的。", &["tuple"], &[]),
        ("搜索排序用的是 PageRank 算法，见 [维基](https://en.wikipedia.org/wiki/PageRank)。", &["PageRank"], &[]),
    ]);
}

#[test]
fn versions_after_names_are_cut() {
    check(&[
        // a point release is cut off even when the bare name is not written; a generation stays
        (
            "Redis 是缓存；Redis 7.2 增加了新命令，Django 4.2.1 修复了漏洞。",
            &["Redis", "Django"],
            &["Redis 7.2", "Django 4.2.1"],
        ),
        (
            "升级到 Safari 16.4 之后，OAuth 2.0 登录正常，TLSv1.2 仍然可用。",
            &["Safari", "OAuth 2.0", "TLSv1.2"],
            &["Safari 16.4", "TLSv"],
        ),
        ("论文发表于 KDD 2023 Workshop，KDD 是数据挖掘会议。", &["KDD"], &["KDD 2023 Workshop", "KDD 2023"]),
        ("对比 Python 3 与 Python 2，以及 GPT-4 与 GPT-4o。", &["Python 3", "Python 2", "GPT-4", "GPT-4o"], &[]),
        ("Web 2.0 时代，网站重视交互。", &["Web 2.0"], &[]),
    ]);
}

#[test]
fn an_input_without_chinese_gives_no_rows() {
    // a note of where files came from, a licence: English not embedded in Chinese
    assert_eq!(
        rows("source: a tutorial, commit 1a2b3c, licence CC BY-NC-SA, measured only.\nWe use Kubernetes."),
        Vec::<String>::new()
    );
    // one Chinese character is enough for its English to be read
    assert_eq!(rows("We use Kubernetes（容器编排）."), ["Kubernetes"]);
}

#[test]
fn fragments_are_no_rows() {
    check(&[
        (
            "万兆网卡可达 10Gbit/s，硬盘约 100-200MB/s，缓存为 32-64KB，用 32-bit 整数。",
            &[],
            &["10Gbit/s", "100-200MB/s", "32-64KB", "32-bit"],
        ),
        ("这块显卡是 4090 Ti，算力约 80 TF。", &[], &["Ti", "TF"]),
        ("其中 \\max 与 \\sup 是算子。", &[], &["max", "sup"]),
        ("取值范围是 (-inf, inf)，再用 min 取较小者；变量 env 保存环境。", &[], &["inf", "min", "env"]),
        ("这称为独立同分布假设（i.i.d. assumption）。", &["i.i.d. assumption"], &["assumption"]),
    ]);
}

/// The general words that are dropped when alone must not hold a term (in lowercase) of the
/// shipped reference glossary: the text may use it as one.
#[test]
fn general_words_hold_no_reference_term() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let read = |p: &str| std::fs::read_to_string(root.join(p)).expect("reading a list");
    let reference = read("glossary/reference.csv");
    let terms: std::collections::HashSet<String> = reference
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').next())
        // a name (`Apple`) is no reason to keep the plain word
        .filter(|e| !e.contains(' ') && e.chars().all(|c| !c.is_uppercase()))
        .map(str::to_string)
        .collect();
    let general = read("src/text/lexicon/english/general_words.txt");
    let clash: Vec<&str> =
        general.lines().map(str::trim).filter(|w| !w.starts_with('#') && terms.contains(*w)).collect();
    assert!(clash.is_empty(), "general words that the reference holds as terms: {clash:?}");
}

/// The entries of `text` as (english, abbreviation, variants).
fn forms(text: &str) -> Vec<(String, Option<String>, Vec<String>)> {
    let g: Glossary = EXTRACTOR.extract(text);
    g.entries().iter().map(|e| (e.english.clone(), e.abbreviation.clone(), e.variants.clone())).collect()
}

#[test]
fn a_name_is_named_as_it_is_written_most_often() {
    // a word in capitals in a heading is not an acronym of the name it spells
    let text = "# PYTHON 入门\n\n我们用 Python 写脚本。Python 很流行。后来又用 Python 做数据分析。";
    let found = forms(text);
    assert!(found.iter().any(|(e, a, v)| e == "Python" && a.is_none() && v == &["PYTHON".to_string()]), "{found:?}");
    // a name ending in s is no plural of a slip seen once
    let text = format!("有人写成 Kubernete。{}", "在 Kubernetes 上部署，Kubernetes 会调度容器。".repeat(6));
    assert!(forms(&text).iter().any(|(e, _, _)| e == "Kubernetes"), "{:?}", forms(&text));
    // the plural of a word still yields to its singular
    let text = "每个 embedding 都是向量。这些 embeddings 存在表里。embeddings 很大。";
    assert!(forms(text).iter().any(|(e, _, _)| e == "embedding"), "{:?}", forms(text));
}

#[test]
fn names_a_letter_or_a_word_apart_stay_apart() {
    for (text, a, b) in [
        ("应用可以运行在 iOS 和 Android 上。磁盘 IO 是瓶颈。iOS 版本也一样。", "iOS", "IO"),
        ("支持 macOS 和 Linux。macOS 需要额外配置。", "macOS", "Linux"),
        ("项目用 Spring Boot 搭建，Spring Boot 很方便；老项目用 Spring Roo 生成。", "Spring Boot", "Spring Roo"),
        ("支持 Windows 和 Linux(将来支持 macOS)。Linux 上最快。", "Linux", "macOS"),
    ] {
        let found = forms(text);
        let with = |x: &str| found.iter().find(|(e, _, v)| e == x || v.iter().any(|v| v == x)).cloned();
        let (fa, fb) = (with(a), with(b));
        assert!(fa.is_some() && fb.is_some() && fa != fb, "{text}: {found:?}");
    }
}

#[test]
fn one_word_spaced_apart_is_one_row_named_by_its_words() {
    for (text, english, variant) in [
        // a name split by a careless hand or a machine translation joins the name
        ("我们用 Couchbase 存会话。Couchbase 很快。也有人写作 couch base。", "Couchbase", "couch base"),
        // the split spelling names the row only where its pieces are words
        ("先装 Certipy 再扫描。certi py 的输出很长，certi py 还能导出。", "Certipy", "certi py"),
        ("在 Note Pad 里编辑，Note Pad 的界面简单。新版 NotePad 也行。", "Note Pad", "NotePad"),
        // unless the reference spells the name otherwise
        ("在 Mac OS 上安装，Mac OS 的终端可用。新版 macOS 也行。", "macOS", "Mac OS"),
        // a form in capitals glued is a spelling, not an acronym of its spaced form
        ("用 AWS SDK 调用服务。AWS SDK 很全。AWSSDK 是同一个东西。", "AWS SDK", "AWSSDK"),
    ] {
        let found = forms(text);
        assert!(
            found.iter().any(|(e, a, v)| e == english && a.is_none() && v.iter().any(|x| x == variant)),
            "{text}: {found:?}"
        );
    }
    // words glossed with different Chinese stay two rows
    let found = rows("暂退法（dropout）很常用。训练时随机丢弃（drop out）一些单元。");
    assert!(found.contains(&"dropout".to_string()) && found.contains(&"drop out".to_string()), "{found:?}");
}

/// The English of the row and its variants, for the row that has `form` among them.
fn row_with(text: &str, form: &str) -> Option<(String, Vec<String>)> {
    let g: Glossary = EXTRACTOR.extract(text);
    g.entries()
        .iter()
        .find(|e| e.english == form || e.variants.iter().any(|v| v == form))
        .map(|e| (e.english.clone(), e.variants.clone()))
}

#[test]
fn a_known_name_in_other_capitals_is_named_as_its_makers_spell_it() {
    let table: &[(&str, &str, &str)] = &[
        ("数据先写进 mysql，再同步到 Elasticsearch。", "mysql", "MySQL"),
        ("代码托管在 Github 上，每次提交都跑测试。", "Github", "GitHub"),
        ("前端用 Javascript 写，后端用 nodejs 写。", "Javascript", "JavaScript"),
        // with the acronym its makers spell in capitals, elsewhere in the text: one row
        ("先登录你的aws账户。我们在 AWS 上部署，AWS 的账单按月结算。", "aws", "AWS"),
        // an acronym of the reference written in small letters with no vowel spells letters
        ("接口返回一个 jwt 令牌，客户端带上它访问。", "jwt", "JWT"),
    ];
    for (text, written, named) in table {
        let (english, variants) = row_with(text, written).unwrap_or_else(|| panic!("no row of {written} in {text:?}"));
        assert_eq!(english, *named, "{text}");
        assert!(variants.iter().any(|v| v == written), "{written} should stay a variant: {variants:?}");
    }
    // a word of its own in small letters stays as the text writes it (`nat` is a unit, not
    // NAT; `clip` an operation, not CLIP)
    for (text, written) in [
        ("信息量以 nat 为单位，熵是 2 nat，交叉熵是 3 nat。", "nat"),
        ("对比值做 clip，clip 之后再求平均，clip 的范围是 0.2。", "clip"),
    ] {
        if let Some((english, _)) = row_with(text, written) {
            assert_eq!(english, written, "{text}");
        }
    }
}
