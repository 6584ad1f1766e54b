//! The reference glossary at work: standalone terms, suggestions, non-standard renderings,
//! word order, user termbases over the shipped one.

use termbridge::{Extractor, Method, Reference};

fn extractor(termbase: &str, builtin: bool) -> Extractor {
    let mine = Reference::from_csv_reader("mine.csv", termbase.as_bytes()).unwrap();
    Extractor::builder().builtin_reference(builtin).reference(mine).build().unwrap()
}

/// A termbase whose rows name their field.
const FIELDS: &str = "english,chinese,abbreviation,domain\n\
    computer vision,计算机视觉,CV,ml\nimage classification,图像分类,,ml\nobject detection,目标检测,,ml\n\
    semantic segmentation,语义分割,,ml\nmessage authentication code,消息认证码,MAC,security\n\
    message digest,消息摘要,,security\nhash function,哈希函数,,security\ndigital signature,数字签名,,security\n";

/// (what, termbase, text, english, expected chinese, expected method, expected note)
type Case =
    (&'static str, &'static str, &'static str, &'static str, &'static [&'static str], Option<Method>, &'static str);

#[test]
fn reference_alignment() {
    let table: &[Case] = &[
        (
            "standalone term whose Chinese the text uses",
            "english,chinese\nword vector,词向量\n",
            "我们先训练 word vector。得到的词向量可以直接使用。",
            "word vector",
            &["词向量"],
            Some(Method::Reference),
            "",
        ),
        (
            "standalone term whose Chinese the text never uses",
            "english,chinese\nword vector,词向量\n",
            "我们先训练 word vector，然后直接使用。",
            "word vector",
            &[],
            None,
            "suggested: 词向量",
        ),
        (
            "the same words in another order",
            "english,chinese\npre-trained word vector,预训练词向量\n",
            "本节介绍 pre-trained word vectors。词向量预训练需要大量语料。",
            "pre-trained word vectors",
            &["词向量预训练"],
            Some(Method::Reference),
            "reference: 预训练词向量 (word order)",
        ),
        (
            "another order beside the reference's own is a slip of word order",
            "english,chinese\ndata cleaning,数据清洗\n",
            "本节介绍 data cleaning。清洗数据需要时间。我们研究数据清洗。",
            "data cleaning",
            &["数据清洗"],
            Some(Method::Reference),
            "",
        ),
        (
            "a doubtful gloss unlike the reference's term gives way to it",
            "english,chinese,abbreviation\nnetwork address translation,网络地址转换,NAT\n",
            "根据 libvirt 网络配置(NAT)，主机可以访问外网。",
            "NAT",
            &[],
            None,
            "doubtful gloss in the text: 网络配置; suggested: 网络地址转换",
        ),
        (
            "a doubtful gloss that is a piece of the reference's term stays",
            "english,chinese,abbreviation\ndenial of service,拒绝服务攻击,DoS\n",
            "用 nginx 防御拒绝服务(DoS)，效果不错。",
            "DoS",
            &["拒绝服务"],
            Some(Method::Parenthesis),
            "reference: 拒绝服务攻击",
        ),
        (
            "of two renderings given once each, the reference's goes first",
            "english,chinese,abbreviation\nnetwork address translation,网络地址转换,NAT\n",
            "根据虚拟机的网络配置(NAT)，主机可以访问外网。\n\n我们在路由器上启用了网络地址转换（NAT）。",
            "NAT",
            &["网络地址转换"],
            Some(Method::Parenthesis),
            "",
        ),
        (
            "a mistyped rendering keeps the text's and names the standard",
            "english,chinese\nconvolutional neural network,卷积神经网络\n",
            "我们使用卷积神精网络（convolutional neural network）。",
            "convolutional neural network",
            &["卷积神精网络"],
            Some(Method::Parenthesis),
            "reference: 卷积神经网络 (near miss)",
        ),
        (
            "an accepted alternative is not flagged",
            "english,chinese\npooling,池化|汇聚\n",
            "这一层叫汇聚（pooling）。",
            "pooling",
            &["汇聚"],
            Some(Method::Parenthesis),
            "",
        ),
        (
            "another rendering altogether",
            "english,chinese\nepoch,轮次\n",
            "每个迭代周期（epoch）结束时评估一次。",
            "epoch",
            &["迭代周期"],
            Some(Method::Parenthesis),
            "reference: 轮次",
        ),
        (
            "full-width letters in the text",
            "english,chinese\nPython package,Python 包\n",
            "本节发布一个 Python package。安装Ｐｙｔｈｏｎ包之后即可使用。",
            "Python package",
            &["Ｐｙｔｈｏｎ包"],
            Some(Method::Reference),
            "",
        ),
        (
            "a short term inside a longer word does not count",
            "english,chinese\nkernel,核\n",
            "这个 kernel 很大，核心问题很多。",
            "kernel",
            &[],
            None,
            "suggested: 核",
        ),
        (
            "a known Chinese term wins the left boundary",
            "english,chinese\nlabel smoothing,标签平滑\n",
            "训练中加入了标签平滑（label smoothing）。",
            "label smoothing",
            &["标签平滑"],
            Some(Method::Parenthesis),
            "",
        ),
        (
            "a word in CamelCase is a product, not the word in lowercase",
            "english,chinese\nredshift,红移\n",
            "数据都放在 RedShift 里，查询很快；红移是另一回事。",
            "RedShift",
            &[],
            None,
            "",
        ),
        (
            "the word in lowercase is the word",
            "english,chinese\nredshift,红移\n",
            "这颗星的 redshift 很大；红移说明它在远离我们。",
            "redshift",
            &["红移"],
            Some(Method::Reference),
            "",
        ),
        (
            "an acronym known by its letters alone, in a text of another field",
            FIELDS,
            "请把你的 CV 发到招聘邮箱，面试时带上纸质版。",
            "CV",
            &[],
            None,
            "",
        ),
        (
            "an acronym known by its letters alone, in a text of its field",
            FIELDS,
            "本课讲 image classification、object detection 和 semantic segmentation，都属于 CV 的范畴。",
            "CV",
            &[],
            None,
            "suggested: 计算机视觉",
        ),
        (
            "an acronym known by its letters alone, in a text that uses the Chinese of its field",
            FIELDS,
            "图像分类、目标检测和语义分割是 CV 的三大任务。",
            "CV",
            &[],
            None,
            "suggested: 计算机视觉",
        ),
        (
            "an acronym whose full form the text writes",
            FIELDS,
            "这门课讲 computer vision，后面各章的 CV 都指它。",
            "CV",
            &[],
            None,
            "suggested: 计算机视觉",
        ),
        (
            "a word written like an acronym in another case is not it",
            FIELDS,
            "在 Mac 上安装之前，先了解 message digest、hash function 与 digital signature 的区别。",
            "Mac",
            &[],
            None,
            "",
        ),
        (
            "a word capitalised as the short name of a dotted name is that name",
            "english,chinese\nnode,节点\n",
            "先安装 Node.js。之后所有脚本都在 Node 里运行，每次升级 Node 都要重装依赖。",
            "Node",
            &[],
            None,
            "",
        ),
        (
            "the word in lowercase beside the dotted name keeps its suggestion",
            "english,chinese\nnode,节点\n",
            "先安装 Node.js。之后每个 node 都要登记，每个 node 都有编号。",
            "node",
            &[],
            None,
            "suggested: 节点",
        ),
        (
            "an acronym of two senses takes the one whose Chinese the text uses",
            "english,chinese,abbreviation\ngarbage collection,垃圾回收,GC\nGC content,GC含量,GC\n",
            "JVM 的 GC 会暂停所有线程。垃圾回收结束后，GC 日志会写到磁盘。",
            "GC",
            &[],
            None,
            "suggested: 垃圾回收",
        ),
        (
            "an acronym of two senses is suggested in neither where the text shows none",
            "english,chinese,abbreviation\ngarbage collection,垃圾回收,GC\nGC content,GC含量,GC\n",
            "JVM 的 GC 会暂停所有线程，GC 日志会写到磁盘。",
            "GC",
            &[],
            None,
            "",
        ),
        (
            "a Chinese that keeps the acronym in Latin shows no sense",
            "english,chinese,abbreviation\ngarbage collection,垃圾回收,GC\nGC content,GC含量,GC\n",
            "测序数据的 GC 含量偏高。GC含量异常说明文库有问题，GC 偏好也要检查。",
            "GC",
            &[],
            None,
            "",
        ),
        (
            "words of two characters tell no field: a database text has parameters and policies",
            "english,chinese,abbreviation,domain\nconvolutional neural network,卷积神经网络,CNN,ml\n\
             parameter,参数,,ml\npolicy,策略,,ml\ninference,推理,,ml\n",
            "CNN 的主页被很多网站引用。这个表的参数、策略和推理规则都很简单。",
            "CNN",
            &[],
            None,
            "",
        ),
        (
            "an acronym the text glosses itself, outside the field of the entry of its letters",
            "english,chinese,abbreviation,domain\nmulti-agent system,多智能体系统,MAS,ml\n",
            "该项目由新加坡金融管理局（MAS）主导，探索跨境支付。",
            "MAS",
            &["新加坡金融管理局"],
            Some(Method::Parenthesis),
            "",
        ),
        (
            "an acronym the text glosses with a Chinese of another sense, in a text of the entry's field",
            "english,chinese,abbreviation,domain\nmulti-agent system,多智能体系统,MAS,ml\n\
             image classification,图像分类,,ml\nobject detection,目标检测,,ml\nsemantic segmentation,语义分割,,ml\n",
            "图像分类、目标检测和语义分割都用到了。该项目由新加坡金融管理局（MAS）主导。",
            "MAS",
            &["新加坡金融管理局"],
            Some(Method::Parenthesis),
            "",
        ),
        (
            "an acronym whose full form in the text is another than the entry's",
            "english,chinese,abbreviation,domain\nlinear programming,线性规划,LP,math\n",
            "用户可以成为流动性提供者（Liquidity Provider，LP），赚取手续费。",
            "Liquidity Provider",
            &["流动性提供者"],
            Some(Method::Parenthesis),
            "",
        ),
        (
            "a capitalised word with no dotted name keeps its suggestion",
            "english,chinese\nnode,节点\n",
            "先画出整棵树。之后每个 Node 都要登记，每个 Node 都有编号。",
            "Node",
            &[],
            None,
            "suggested: 节点",
        ),
    ];
    for (what, termbase, text, english, chinese, method, note) in table {
        let g = extractor(termbase, false).extract(text);
        let e = g.get(english).unwrap_or_else(|| panic!("{what}: no entry for {english} in {g:#?}"));
        assert_eq!(e.chinese, *chinese, "{what}");
        assert_eq!(e.method, *method, "{what}");
        assert_eq!(e.note, *note, "{what}");
    }
}

#[test]
fn user_termbase_wins_over_the_shipped_one() {
    let text = "训练时使用 dropout。丢弃法和暂退法都能防止过拟合。";
    let shipped = Extractor::builder().build().unwrap().extract(text);
    assert_eq!(shipped.get("dropout").unwrap().chinese[0], "暂退法");
    let mine = extractor("english,chinese\ndropout,丢弃法\n", true).extract(text);
    assert_eq!(mine.get("dropout").unwrap().chinese, ["丢弃法"]);
}

#[test]
fn without_a_reference_standalone_terms_stay_bare() {
    let text = "训练时使用 dropout。暂退法能防止过拟合。";
    let g = Extractor::builder().builtin_reference(false).build().unwrap().extract(text);
    let e = g.get("dropout").unwrap();
    assert!(e.chinese.is_empty() && e.note.is_empty(), "{e:?}");
}

#[test]
fn closer_evidence_gives_higher_confidence() {
    let ex = extractor("english,chinese\nword vector,词向量\n", false);
    let near = ex.extract("我们训练 word vector，也就是把词映射为词向量的方法。");
    let far = ex.extract(&format!("我们训练 word vector。{}最后得到了词向量。", "这一段与它无关。".repeat(200)));
    let (n, f) = (near.get("word vector").unwrap(), far.get("word vector").unwrap());
    assert!(n.confidence.unwrap() > f.confidence.unwrap(), "{n:?} {f:?}");
}

#[test]
fn a_chinese_keeping_the_english_in_latin_is_the_longer_terms() {
    let ex = extractor("english,chinese,abbreviation\nWasserstein-Jones distance,WJ 距离,WJ\n", false);
    // WJ 距离 is the distance's Chinese, which keeps WJ: not the Chinese of WJ alone
    let g = ex.extract("我们用 WJ 距离比较两个分布，WJ 越小，两个分布越接近。");
    let e = g.get("WJ").unwrap_or_else(|| panic!("no entry for WJ in {g:#?}"));
    assert!(e.chinese.is_empty(), "{e:?}");
    // a Chinese that holds no Latin is given as before
    let ex = extractor("english,chinese,abbreviation\nWasserstein-Jones distance,瓦琼距离,WJ\n", false);
    let g = ex.extract("我们用瓦琼距离比较两个分布，WJ 越小，两个分布越接近。");
    assert_eq!(g.get("WJ").unwrap().chinese, ["瓦琼距离"]);
}

/// An acronym whose reference Chinese is close by in one input of several that use it may
/// mean something else in the others: its Chinese is suggested below 0.8, not as sure.
#[test]
fn an_acronym_paired_in_a_minority_of_its_inputs_is_not_sure() {
    use termbridge::{Markup, Source};
    let ex = extractor("english,chinese\ncross validation,交叉验证\nCV,计算机视觉\n", false);
    let paired = "我们做 CV 方向的研究，计算机视觉很热门：计算机视觉岗位多，计算机视觉论文多，计算机视觉会议也多。";
    let others = ["更改 CV 折叠的数量，再看结果。", "用 CV 选择超参数比较稳妥。", "这里 CV 的折数取 5。"];
    let one = |texts: &[&str]| {
        let sources: Vec<Source<'_>> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Source { name: ["a.txt", "b.txt", "c.txt", "d.txt"][i], text: t, markup: Markup::Plain })
            .collect();
        ex.extract_sources(&sources).get("CV").cloned().expect("CV")
    };
    let alone = one(&[paired]);
    assert_eq!(alone.chinese.first().map(String::as_str), Some("计算机视觉"), "{alone:?}");
    assert!(alone.confidence.unwrap() >= 0.8, "{alone:?}");
    let mixed = one(&[paired, others[0], others[1], others[2]]);
    assert!(mixed.confidence.is_none_or(|c| c < 0.8), "{mixed:?}");
}

#[test]
fn a_name_is_written_as_the_reference_spells_it() {
    let termbase = "english,chinese,abbreviation,category\nGitHub,,,name\nMySQL,,,name\nCLIP,,,name\n\
                    virtual DOM,虚拟 DOM,,term\n";
    let text = "代码放在 Github 上，数据库用 MYSQL。训练时先 clip 梯度，再 clip 一次。\
                Virtual DOM 很快，Virtual DOM 开销小。";
    let g = extractor(termbase, false).extract(text);
    // (english the row gets, the form the text wrote, kept as a variant when they differ)
    let table = [
        ("Github", "GitHub", true),
        ("MYSQL", "MySQL", true),
        // a word in small letters beside a name in capitals
        ("clip", "clip", false),
        // a term keeps the text's capitals
        ("Virtual DOM", "Virtual DOM", false),
    ];
    for (written, english, variant) in table {
        let e = g.get(written).unwrap_or_else(|| panic!("no entry for {written} in {g:#?}"));
        assert_eq!(e.english, english, "{written}");
        assert_eq!(e.variants.iter().any(|v| v == written), variant, "{written}: {:?}", e.variants);
    }
}

/// A termbase of two fields with short and long acronyms known by their letters.
const TWO_FIELDS: &str = "english,chinese,abbreviation,domain\n\
    server-side rendering,服务端渲染,SSR,web\nhot module replacement,模块热替换,HMR,web\n\
    single-page application,单页应用,SPA,web\nprogressive web application,渐进式网页应用,PWAX,web\n\
    virtual DOM,虚拟 DOM,,web\ncomponent library,组件库,,web\n";

/// The suggestion for `english` when `texts` (name, text) are extracted in one run.
fn suggestion_in_run(texts: &[(&str, &str)], english: &str) -> Option<String> {
    use termbridge::{Markup, Source};
    let sources: Vec<Source<'_>> =
        texts.iter().map(|(name, text)| Source { name, text, markup: Markup::Markdown }).collect();
    let g = extractor(TWO_FIELDS, false).extract_sources(&sources);
    g.get(english).and_then(|e| e.suggested.clone())
}

#[test]
fn a_short_acronym_takes_its_field_only_in_an_input_that_shows_it() {
    // a page of the field, and a page on statistics in the same run
    let web = ("web.md", "这个框架支持 virtual DOM、component library 和 single-page application，也支持 SSR。");
    let stats = ("stats.md", "回归里把残差平方和记为 SSR，它越小拟合越好。");
    let chapter = ("ch2.md", "第二章再谈组件库，以及 HMR 的用法。");
    let stats_hmr = ("stats.md", "这一段的 HMR 指的是另一种东西。");
    let long = ("notes.md", "最后提一下 PWAX。");
    // in the page of the field
    assert_eq!(suggestion_in_run(&[web], "SSR").as_deref(), Some("服务端渲染"));
    // in a page of another field, though the run is of the web
    let web_only = ("web.md", "这个框架支持 virtual DOM、component library 和 single-page application。");
    assert_eq!(suggestion_in_run(&[web_only, stats], "SSR"), None);
    // (one entry for both: the page of the field shows its sense)
    assert_eq!(suggestion_in_run(&[web, stats], "SSR").as_deref(), Some("服务端渲染"));
    // in a chapter that shows the field once, in a run of the field
    assert_eq!(suggestion_in_run(&[web, chapter], "HMR").as_deref(), Some("模块热替换"));
    assert_eq!(suggestion_in_run(&[web, stats_hmr], "HMR"), None);
    // a longer acronym takes the run's field wherever it is
    assert_eq!(suggestion_in_run(&[web, long], "PWAX").as_deref(), Some("渐进式网页应用"));
}
