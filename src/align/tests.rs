//! Table tests of the aligner on invented sentences of several domains.

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
    glosses_knowing(text, crate::reference::Reference::empty())
}

/// The glosses the aligner finds and resolves in `text` with `reference`.
fn resolved(text: &str, reference: &crate::reference::Reference) -> Vec<Gloss> {
    let segmenter = Segmenter::new();
    let doc = Document::new(text, Markup::Markdown);
    let cands = candidates(&doc);
    let initial = HashSet::new();
    let aligner = Aligner::new(&segmenter, reference, &initial);
    let pending = aligner.find(&doc, &cands);
    Aligner::resolve(pending, doc.view(), &FxHashMap::default())
}

/// The glosses of `text` with `reference`.
fn glosses_knowing(text: &str, reference: crate::reference::Reference) -> Vec<(String, String, String)> {
    resolved(text, &reference)
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
        ("复制只保证一件事：最终一致性 eventual consistency。", ("eventual consistency", "最终一致性", "")),
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
        // an explanation in brackets, not a name for the English
        "每一步后调用 broadcast（相当于广播）同步",
        "通过 all-scatter(相当于拼成完整的 ) 来得到参数",
        "这里的 shard（就是分片）存在各台机器上",
        "模型用 softmax（用于归一化）输出",
    ];
    for text in table {
        let g = glosses(text);
        assert!(g.iter().all(|(_, z, _)| z.is_empty()), "{text}: {g:?}");
    }
}

/// The Chinese each English term gets in `text` (Markdown), empty where none.
fn chinese_of(text: &str, english: &str) -> Vec<String> {
    glosses(text).into_iter().filter(|(e, _, _)| e == english).map(|(_, z, _)| z).filter(|z| !z.is_empty()).collect()
}

/// Each text gives its English exactly that Chinese.
fn assert_chinese(table: &[(&str, &str, &str)]) {
    for (text, english, chinese) in table {
        assert_eq!(chinese_of(text, english), [*chinese], "{text}");
    }
}

/// No text gives its English a Chinese.
fn assert_no_chinese(table: &[(&str, &str)]) {
    for (text, english) in table {
        let z = chinese_of(text, english);
        assert!(z.is_empty(), "{text}: {english} = {z:?}");
    }
}

#[test]
fn verbs_negations_quantifiers_and_modifiers_beside_english_are_not_its_chinese() {
    let table: &[(&str, &str)] = &[
        ("你可以修改 widget 的样式。", "widget"),
        ("请先配置 proxy，然后重启。", "proxy"),
        ("我们需要部署一个 sidecar 才行。", "sidecar"),
        ("如果变量不在 scope 中，就会报错。", "scope"),
        ("这是函数式 component（functional component）。", "component"),
        ("医生建议复查 MRI。", "MRI"),
        ("交易员每天都要更新 ETF，然后汇报。", "ETF"),
        ("这台路由器只划分了两个 VLAN。", "VLAN"),
        ("页面嵌在沙盒环境的 iframe 中。", "iframe"),
        ("状态都放在全局 store 里。", "store"),
        ("这份报表没有统计 churn rate。", "churn rate"),
    ];
    assert_no_chinese(table);
}

#[test]
fn a_remark_after_the_english_leaves_the_gloss() {
    let table: &[(&str, &str, &str)] = &[
        ("注意力被引向感官输入（sensory inputs，例如中间特征）。", "sensory inputs", "感官输入"),
        ("我们用一种渲染办法（SSR，见第三章）。", "SSR", "渲染办法"),
    ];
    assert_chinese(table);
}

#[test]
fn a_foreign_name_spelled_in_chinese_is_kept_whole() {
    let table: &[(&str, &str, &str)] = &[
        ("方程因动态规划创始人理查德贝尔曼（Richard Bellman）而得名。", "Richard Bellman", "理查德贝尔曼"),
        ("6. 闵可夫斯基距离（Minkowski Distance）", "Minkowski Distance", "闵可夫斯基距离"),
        ("这个词是约翰·麦卡锡（John McCarthy）提出的。", "John McCarthy", "约翰·麦卡锡"),
    ];
    assert_chinese(table);
}

#[test]
fn the_employer_after_a_persons_name_is_not_the_name() {
    let table: &[(&str, &str)] = &[
        ("讲者有玛丽·罗斯(Kite Labs)、汤姆·贝克(Northwind)和李雷(某公司)。", "Kite Labs"),
        ("讲者有玛丽·罗斯(Kite Labs)、汤姆·贝克(Northwind)和李雷(某公司)。", "Northwind"),
        ("主持人是艾达·格林（Oakridge Health）。", "Oakridge Health"),
    ];
    assert_no_chinese(table);
}

#[test]
fn an_attribute_is_listed_without_its_particle() {
    let table: &[(&str, &str, &str)] = &[
        ("这个函数是*均匀连续的*（uniformly continuous）。", "uniformly continuous", "均匀连续"),
        ("这一层是双向的（bidirectional）。", "bidirectional", "双向"),
    ];
    assert_chinese(table);
}

#[test]
fn naming_constructions_keep_their_chinese() {
    let table: &[(&str, &str, &str)] = &[
        ("我们管这个叫 warm-up，也就是预热。", "warm-up", "预热"),
        ("在金融里，这种操作叫 hedging，也就是对冲。", "hedging", "对冲"),
        ("心电图，又称 ECG，是最常规的检查。", "ECG", "心电图"),
        ("近年来，卷积神经网络 CNN 已成为主流。", "CNN", "卷积神经网络"),
        ("所谓 sharding，就是分片。", "sharding", "分片"),
        ("这一步叫 dropout，也就是说丢弃法。", "dropout", "丢弃法"),
    ];
    assert_chinese(table);
    // "that is to say" opens a clause: its subject is no name of the English
    assert_no_chinese(&[
        ("它要先获取相关 tokens，也就是说身份将成为问题。", "tokens"),
        ("模型会 overfit，也就是说模型记住了训练集。", "overfit"),
    ]);
    // what is "also called" the English came before it: the clause after it is news
    let text = "桶默认开启服务器端加密，也称为 SSE-KMS，无需额外费用。";
    assert_eq!(chinese_of(text, "SSE-KMS"), ["服务器端加密"], "{text}");
}

#[test]
fn a_counted_kind_or_a_list_after_a_keyword_is_not_a_name() {
    let table: &[(&str, &str)] = &[
        ("函数的第一个参数，即 timeout，决定等待多久。", "timeout"),
        ("标准定义了两条规则，即 R1 和 R2。", "R1"),
        ("这里用了几种工具，即 tcpdump、Wireshark 等。", "tcpdump"),
        // a phrase that ends with a count is what is done, not a name
        ("这次只往回退一步，即 rollback。", "rollback"),
        ("数据被分成三类，即 ABC。", "ABC"),
    ];
    assert_no_chinese(table);
}

#[test]
fn examples_citations_and_lists_in_brackets_are_not_glosses() {
    let table: &[(&str, &str)] = &[
        ("它支持多种数据库（MySQL、PostgreSQL 等）。", "MySQL"),
        ("主流浏览器（Chrome、Firefox）都支持。", "Chrome"),
        // a remark after the English: the bracket is no gloss
        ("不必追求精确的计算（FP16或INT8通常就够了）。", "FP16"),
        ("常见的消息队列（Kafka, RabbitMQ, Pulsar）各有优劣。", "Kafka"),
        ("缓存服务（Redis, Memcached）部署在内网。", "Redis"),
        ("注意力机制（Vaswani et al., 2017）改变了这个领域。", "Vaswani"),
        ("这种疗法（Smith，2019）已进入临床。", "Smith"),
        ("编程语言（Python 等）都可以。", "Python"),
        ("这块显卡的低精度吞吐（FP16、INT8和INT4）都很高。", "FP16"),
        ("三种云厂商（AWS、Azure 与 GCP）都提供托管服务。", "AWS"),
        // a pointer at a figure in brackets
        ("恢复会话时可以做到 0-RTT（下图的右下角）。", "0-RTT"),
        // the action in brackets after who does it
        ("| 数据源 | Reader(读) | Writer(写) |", "Reader"),
        // where a body or an undertaking is, in brackets after its name
        ("试点项目 Project Harbor（新加坡）测试了跨境支付。", "Project Harbor"),
        ("另一家 Open Finance Lab（伦敦）也加入了。", "Open Finance Lab"),
        // the parameters of a call, in both scripts
        ("画出轮廓(img、轮廓列表、颜色、粗细)", "img"),
        // a word that introduces what the brackets hold, alone before them
        ("两个方向上的偏移量，比如(dx，dy)，决定了平移。", "dx"),
        ("有些服务，例如（Redis），只在内网可见。", "Redis"),
        // the last of names listed with slashes before a remark
        ("客户端支持 Windows/macOS（桌面端）。", "macOS"),
    ];
    assert_no_chinese(table);
    // an English term with 或 in it, and two names for one thing, are still glosses
    assert_eq!(chinese_of("平均值（mean或average）", "mean"), ["平均值"]);
    assert_eq!(chinese_of("数据集聚合（dataset aggregation，DAgger）", "dataset aggregation"), ["数据集聚合"]);
}

#[test]
fn names_joined_by_or_in_brackets_are_examples_not_aliases() {
    for text in [
        "它从源代码（Node.js 或 Python）构建镜像。",
        "服务端可以用任何语言(Go or Rust)来写。",
        "选一个数据库（PostgreSQL或者MySQL）即可。",
        "脚本会检测操作系统(macOS 或 Linux)。",
    ] {
        let aligned = aliases(text);
        assert!(aligned.is_empty(), "{text}: {aligned:?}");
    }
    // an English that opens in lowercase and its acronym are no list of names
    assert_eq!(chinese_of("我们训练了一个迷你翻译模型（tiny MT model，TMT2）。", "tiny MT model"), ["迷你翻译模型"]);
    // two lowercase words for one thing are still aliases
    assert_eq!(
        aliases("端口转发（port forwarding或port mapping）"),
        [("port forwarding".to_string(), "port mapping".to_string())]
    );
}

#[test]
fn a_status_in_capitals_is_a_word_not_an_acronym_of_many_letters() {
    // an acronym of four letters would take the six characters before it; the word takes none
    // of the colour and the verb
    for (text, english) in [
        ("日志里橙色表示警告（WARN），紫色表示错误（ERROR）。", "WARN"),
        ("日志里橙色表示警告（WARN），紫色表示错误（ERROR）。", "ERROR"),
        ("报告中红色代表测试失败（FAIL）。", "FAIL"),
    ] {
        let got = chinese_of(text, english);
        assert!(got.iter().all(|z| !z.contains('色')), "{text}: {english} = {got:?}");
    }
}

#[test]
fn words_joined_by_or_after_a_generic_noun_are_kinds_not_aliases() {
    // the Chinese names the kind, and the two English are two of its kinds
    for (text, english) in [
        ("流水线由多个组件（reader 或 writer）连起来。", "reader"),
        ("每个任务都要选一种策略（greedy 或 lazy）。", "greedy"),
        ("页面（login 或 signup）加载得很慢。", "login"),
    ] {
        assert!(aliases(text).is_empty(), "{text}: {:?}", aliases(text));
        assert!(chinese_of(text, english).is_empty(), "{text}");
    }
    // a generic noun that one of the words renders names one thing twice
    assert_eq!(
        aliases("损失函数（loss function 或 cost function）"),
        [("loss function".to_string(), "cost function".to_string())]
    );
    assert_eq!(chinese_of("两个组件（component 或 widget）", "component"), ["组件"]);
}

/// The English and alias pairs the aligner finds in `text`.
fn aliases(text: &str) -> Vec<(String, String)> {
    resolved(text, &crate::reference::Reference::empty())
        .into_iter()
        .filter_map(|g| Some((text[g.english.range()].to_string(), text[g.alias?.range()].to_string())))
        .collect()
}

#[test]
fn english_first_glosses_give_the_chinese_inside_the_brackets() {
    // the text, the full form, its Chinese and its acronym
    let table: &[(&str, (&str, &str, &str))] = &[
        (
            "CRM（Customer Relationship Management，客户关系管理）很重要。",
            ("Customer Relationship Management", "客户关系管理", "CRM"),
        ),
        (
            "KPI(key performance indicator,关键绩效指标)是考核依据。",
            ("key performance indicator", "关键绩效指标", "KPI"),
        ),
        // 本 after a word ends a noun (转录本, a transcript), not "this"
        (
            "我们用TIN（Transcript Integrity Number，转录本完整性数值）衡量降解。",
            ("Transcript Integrity Number", "转录本完整性数值", "TIN"),
        ),
        (
            "SLA（Service Level Agreement：服务等级协议）规定了可用性。",
            ("Service Level Agreement", "服务等级协议", "SLA"),
        ),
        (
            "PCR（polymerase chain reaction，聚合酶链式反应）用于扩增。",
            ("polymerase chain reaction", "聚合酶链式反应", "PCR"),
        ),
        ("C 模块（Controller，控制器）负责调度。", ("Controller", "控制器", "")),
        // the full form and its Chinese spaced apart, in one part
        (
            "主机先发送ARP（Address Resolution Protocol 地址解析协议）请求。",
            ("Address Resolution Protocol", "地址解析协议", "ARP"),
        ),
    ];
    for (text, want) in table {
        let g = glosses(text);
        let want = (want.0.to_string(), want.1.to_string(), want.2.to_string());
        assert!(g.contains(&want), "{text}: {g:?}");
    }
}

/// The word that joins two halves of a coordinated term never starts one.
#[test]
fn no_chinese_starts_with_a_conjunction() {
    for (text, english) in [
        ("我们把系统拆成客户端和服务器（client/server）两部分。", "client/server"),
        ("它区分读取与写入（read/write）两类请求。", "read/write"),
    ] {
        let chinese = chinese_of(text, english);
        assert!(!chinese.iter().any(|z| z.starts_with(['和', '与', '或', '及'])), "{text}: {chinese:?}");
    }
    // nor with a word that introduces examples
    assert_eq!(chinese_of("可以用诸如隐语义索引（LSI）的方法降维。", "LSI"), ["隐语义索引"]);
    assert_eq!(chinese_of("譬如集成学习（ensemble learning）就很常用。", "ensemble learning"), ["集成学习"]);
}

#[test]
fn the_english_tells_where_the_chinese_term_starts() {
    let table: &[(&str, &str, &str)] = &[
        // a piece of the English that Chinese writes first
        ("强化学习分为有模型（model-based）和免模型（model-free）两类。", "model-based", "有模型"),
        ("强化学习分为有模型（model-based）和免模型（model-free）两类。", "model-free", "免模型"),
        ("同策略（on-policy）和异策略（off-policy）的区别在于采样。", "on-policy", "同策略"),
        ("同策略（on-policy）和异策略（off-policy）的区别在于采样。", "off-policy", "异策略"),
        ("改进版本叫双深度Q网络（double DQN）。", "double DQN", "双深度Q网络"),
        ("新药采用双盲试验（double-blind trial）验证。", "double-blind trial", "双盲试验"),
        ("预训练时加入了下一句预测（next sentence prediction）任务。", "next sentence prediction", "下一句预测"),
        ("过滤器是基于规则（rule-based）的。", "rule-based", "基于规则"),
        // …with 的 joining its noun to the head: the whole phrase, not what follows 基于
        ("新版本换上了基于时间的调度器（time-based scheduler）。", "time-based scheduler", "基于时间的调度器"),
        ("这是一个基于事件的系统（event-based system）。", "event-based system", "基于事件的系统"),
        ("我们称这个环境是部分可观测的（partially observed）。", "partially observed", "部分可观测"),
        // a slash, a coordination and Latin words inside the Chinese term
        ("消息系统采用发布/订阅（publish/subscribe）模式。", "publish/subscribe", "发布/订阅"),
        ("数据库常用读写分离（read/write splitting）来提升吞吐。", "read/write splitting", "读写分离"),
        ("团队搭好了持续集成和持续部署（CI/CD）流水线。", "CI/CD", "持续集成和持续部署"),
        // an acronym's halves joined by 和 when the first half renders its first letter…
        ("平台的身份和访问管理（IAM）决定谁能登录。", "IAM", "身份和访问管理"),
        // …and not a word before 和 that renders another
        ("我们比较了模型和卷积神经网络（CNN）的速度。", "CNN", "卷积神经网络"),
        ("它同时检查用户和访问控制（AC）。", "AC", "访问控制"),
        (
            "训练时常出现梯度消失或爆炸（vanishing or exploding gradients）。",
            "vanishing or exploding gradients",
            "梯度消失或爆炸",
        ),
        ("Rust 中的可变 reference（mutable reference）只能有一个。", "mutable reference", "可变 reference"),
        ("这是函数式 component（functional component）。", "functional component", "函数式 component"),
        // an English opening with an adjective: its Chinese modifier joined by 的
        ("模型输出期望的累积奖励（expected cumulative reward）。", "expected cumulative reward", "期望的累积奖励"),
        ("系统会丢弃损坏的数据包（corrupted packets）。", "corrupted packets", "损坏的数据包"),
        (
            "训练时使用带有动量的随机梯度下降（stochastic gradient descent）。",
            "stochastic gradient descent",
            "随机梯度下降",
        ),
        ("先检查模型的参数（model parameters）。", "model parameters", "参数"),
        // a number the English has is the term's (16位 for FP16)
        ("训练时采用16位浮点（FP16）格式。", "FP16", "16位浮点"),
        // 二次 is quadratic, a part of the term; 两次 counts
        ("这可以写成一个二次规划（quadratic programming）问题。", "quadratic programming", "二次规划"),
        ("模型先做了两次迭代（two passes）。", "two passes", "两次迭代"),
        // 用 glued to the term's first character by the segmenter (用下 in 用下三角矩阵)
        ("这里用下三角矩阵（lower-triangular matrix）存储系数。", "lower-triangular matrix", "下三角矩阵"),
        // an emphasis around the term and its gloss
        ("建模成**部分可观测马尔可夫决策过程（POMDP）**。", "POMDP", "部分可观测马尔可夫决策过程"),
        // kept as they were
        ("我们采用无服务器架构（serverless architecture）。", "serverless architecture", "无服务器架构"),
        ("这是非阻塞调用（non-blocking call）。", "non-blocking call", "非阻塞调用"),
        ("它支持零拷贝（zero-copy）传输。", "zero-copy", "零拷贝"),
        ("Nginx 作为反向代理（reverse proxy）。", "reverse proxy", "反向代理"),
        ("系统支持多租户（multi-tenancy）。", "multi-tenancy", "多租户"),
        ("每秒查询数（queries per second）很高。", "queries per second", "每秒查询数"),
        // an acronym's inner P is the per of its full form; 每个 (each) quantifies the noun
        ("帧速率以每秒帧数（FPS）表示。", "FPS", "每秒帧数"),
        ("公司公布了每股收益（EPS）。", "EPS", "每股收益"),
        ("广告按每次点击费用（CPC）计价。", "CPC", "每次点击费用"),
        ("我们给每个应用程序接口（API）写文档。", "API", "应用程序接口"),
        ("请启用多因素认证（multi-factor authentication）。", "multi-factor authentication", "多因素认证"),
    ];
    assert_chinese(table);
}

#[test]
fn a_long_english_gets_the_modifier_its_chinese_joins_by_de() {
    let table: &[(&str, &str, &str)] = &[
        // a noun or an adjective joined by 的 to a term too short for three English words
        ("服务器返回一个标量的健康评分（scalar health score）。", "scalar health score", "标量的健康评分"),
        ("交易所只公布均匀的价格网格（uniform price grid）。", "uniform price grid", "均匀的价格网格"),
        // a verb joined by 的 renders a participle of the English
        (
            "平台上线了事件驱动的库存同步（event-driven inventory sync）。",
            "event-driven inventory sync",
            "事件驱动的库存同步",
        ),
        // "only" comes first in Chinese; a hyphen between Chinese words where the English has one
        ("日志采用仅追加（append-only）的写法。", "append-only", "仅追加"),
        ("网关实现了请求-响应模式（request-response pattern）。", "request-response pattern", "请求-响应模式"),
        ("医院的系统支持端到端加密（end-to-end encryption）。", "end-to-end encryption", "端到端加密"),
        // a noun before 的 that renders a word of the English is the term's, with 有 or 无
        // before it; a noun the English lacks owns the term
        ("系统采用依赖时间的调度（time-dependent scheduling）。", "time-dependent scheduling", "依赖时间的调度"),
        ("这是一种有条件的随机场（conditional random field）。", "conditional random field", "有条件的随机场"),
        (
            "文章讨论了带动量的随机梯度下降（stochastic gradient descent）。",
            "stochastic gradient descent",
            "随机梯度下降",
        ),
    ];
    assert_chinese(table);
}

#[test]
fn a_verb_with_its_complement_and_a_head_noun_the_english_lacks_are_not_the_term() {
    let table: &[(&str, &str, &str)] = &[
        ("我们先把原始记录转换成结构化日志（structured logs）。", "structured logs", "结构化日志"),
        ("央行要避免掉进流动性陷阱（liquidity trap）。", "liquidity trap", "流动性陷阱"),
        ("检索前先调用查询改写模型（query rewriting）。", "query rewriting", "查询改写"),
        ("集群采用了分片重平衡的方法（shard rebalancing）。", "shard rebalancing", "分片重平衡"),
        ("每个句子前加一个句首标记词元（start-of-sentence）。", "start-of-sentence", "句首标记"),
        // a verb before an idiom that is the whole term
        ("调用栈是一种遵循后进先出（LIFO）规则的结构。", "LIFO", "后进先出"),
        ("这个缓存按照先进先出（FIFO）淘汰旧数据。", "FIFO", "先进先出"),
        // a verb glued to its complement by the segmenter (用到, 做成) is no stop glued to the term
        ("这台设备要用到高能离子注入机（HIIM），价格很高。", "HIIM", "高能离子注入机"),
        ("这一步会用到极化编码器（polar encoder）。", "polar encoder", "极化编码器"),
        // the English has a word for the head noun: kept
        ("检索前先调用查询改写模型（query rewriting model）。", "query rewriting model", "查询改写模型"),
    ];
    assert_chinese(table);
}

#[test]
fn labels_descriptions_and_the_chinese_of_shorter_english_are_not_translations() {
    let table: &[(&str, &str)] = &[
        // a letter with a noun names a part's role; one generic noun describes a name
        ("图中的**C 模块**（Controller）负责调度。", "Controller"),
        ("页面的样式（SCSS）写在单独的文件里。", "SCSS"),
        ("我们换用一个更小的网络（MobileNet）。", "MobileNet"),
        // a word that only points at the generic noun after it
        ("我们提出了一种用于图像分类的新架构（WXNN），它很轻。", "WXNN"),
        ("他们设计了新模型（KXNet），效果更好。", "KXNet"),
        ("在选项卡中，将默认值(VBScript)改为 Python。", "VBScript"),
        ("每个服务运行在一个容器（Zookeeper）里。", "Zookeeper"),
        ("用户可以切换当前视图（即 GridPane）来浏览。", "GridPane"),
        // 压缩 is what the text gives "compression": not "lossless compression"
        ("压缩（compression）很常见。这个库的压缩（lossless compression）很快。", "lossless compression"),
    ];
    assert_no_chinese(table);
}

#[test]
fn the_chinese_of_another_concept_does_not_translate_a_name() {
    let csv = "english,chinese,abbreviation\nrecurrent neural network,循环神经网络,RNN\nconsistency,一致性,\n\
               load balancing,负载均衡,\nmean,均值|平均值,\n";
    let reference = || crate::reference::Reference::from_csv_reader("r.csv", csv.as_bytes()).unwrap();
    let chinese = |text: &str, english: &str| -> Vec<String> {
        glosses_knowing(text, reference())
            .into_iter()
            .filter(|(e, z, _)| e == english && !z.is_empty())
            .map(|(_, z, _)| z)
            .collect()
    };
    // a class or a property before a name: what it is, not what it is called; a phrase's
    // Chinese before one word in lowercase: the kind the word is one of
    for (text, english) in [
        ("他们训练了一个循环神经网络（TextNet-2）。", "TextNet-2"),
        ("这个存储层保证一致性（Raftly）。", "Raftly"),
        ("网关用负载均衡（roundrobin）分流。", "roundrobin"),
    ] {
        assert_eq!(chinese(text, english), Vec::<String>::new(), "{text}");
    }
    // the English's own Chinese, its acronym's, a form of one stem, or a word in lowercase (whose synonyms the reference may lack) keep theirs
    for (text, english, want) in [
        ("我们用循环神经网络（RNN）建模。", "RNN", "循环神经网络"),
        ("我们用循环神经网络（Recurrent Neural Networks）建模。", "Recurrent Neural Networks", "循环神经网络"),
        ("网关负责负载均衡（Balancing）。", "Balancing", "负载均衡"),
        ("最后取平均值（average）。", "average", "平均值"),
    ] {
        assert_eq!(chinese(text, english), [want], "{text}");
    }
}

#[test]
fn an_acronym_among_words_asks_for_its_chinese_in_full() {
    // 存储区域网络 is SAN's: "converged SAN" asks for the modifier too
    let text = "机房新建了融合存储区域网络（converged SAN）。";
    assert_eq!(chinese_of(text, "converged SAN"), ["融合存储区域网络"], "{text}");
}

#[test]
fn an_acronyms_term_takes_the_x_based_before_it_when_its_words_spell_too_few_letters() {
    assert_chinese(&[
        ("最常见的是基于时间的一次性密码(TOTP)。", "TOTP", "基于时间的一次性密码"),
        ("平台提供基于属性的管控(ABM)。", "ABM", "基于属性的管控"),
        ("我们用基于规则的机器翻译（RMT）。", "RMT", "基于规则的机器翻译"),
        // the term's words spell the letters already
        ("我们提出基于图的神经网络模型(GNN)。", "GNN", "神经网络模型"),
    ]);
}

#[test]
fn a_word_before_de_that_renders_another_english_word_joins_the_term() {
    assert_chinese(&[
        ("它使用离散的状态（discrete state）。", "discrete state", "离散的状态"),
        ("一种稀疏的表示（sparse representation）很有用。", "sparse representation", "稀疏的表示"),
        // a word before 的 that renders nothing of the English is the sentence's
        ("这是数据的分布（distribution）。", "distribution", "分布"),
    ]);
}

#[test]
fn a_verb_and_hou_before_de_render_a_participle() {
    assert_chinese(&[
        ("我们用调整后的兰德指数（adjusted Rand index）来评估。", "adjusted Rand index", "调整后的兰德指数"),
        ("训练后的模型（trained model）可以部署。", "trained model", "训练后的模型"),
        // no participle in the English: 后 is the sentence's
        ("下载后的文件夹（folder）很大。", "folder", "文件夹"),
    ]);
}

#[test]
fn an_acronym_with_letters_left_takes_the_half_before_a_coordinator() {
    assert_chinese(&[
        ("数据库支持高可用性和灾难恢复(HADR)功能。", "HADR", "高可用性和灾难恢复"),
        ("系统分为训练和推理加速平台（TIAP）。", "TIAP", "训练和推理加速平台"),
        // a short acronym: the coordinator joins the term to the sentence
        ("我们比较了模型和数据并行（DP）。", "DP", "数据并行"),
        ("它需要内存和中央处理器（CPU）。", "CPU", "中央处理器"),
    ]);
}

#[test]
fn an_acronym_whose_term_is_short_of_words_takes_the_word_before() {
    assert_chinese(&[
        ("她考取了认证分析专家（CAP）资格。", "CAP", "认证分析专家"),
        ("团队遵循安全部署流程（SDP）上线。", "SDP", "安全部署流程"),
        ("这是一款网络取证分析工具（NFAT）。", "NFAT", "网络取证分析工具"),
        // a verb before too few words for the letters is the full form's
        ("屏幕用的是有机发光二极管（OLED）。", "OLED", "有机发光二极管"),
        ("他们造了一个发光二极管（LED）的变体。", "LED", "发光二极管"),
        // enough words for the letters: the verb is the sentence's
        ("我们部署内容分发网络（CDN）来加速。", "CDN", "内容分发网络"),
        ("他们使用卷积神经网络（CNN）识别图片。", "CNN", "卷积神经网络"),
        // a two-letter acronym: one word may stand for both letters
        ("我们分析用户界面（UI）的布局。", "UI", "用户界面"),
    ]);
}

#[test]
fn an_emphasis_around_a_phrase_and_its_gloss_gives_the_term_without_the_verb() {
    assert_chinese(&[("*部署 Azure 资源管理器（ARM）*", "ARM", "Azure 资源管理器")]);
}

#[test]
fn one_character_is_no_chinese_of_several_english_words() {
    assert_no_chinese(&[("六、心率快慢与否（fast or slow rate）", "fast or slow rate")]);
    // one word may have one character
    assert_chinese(&[("每个卷积层都有一个核（kernel）。", "kernel", "核")]);
}

#[test]
fn a_prefix_glued_to_a_word_asks_for_its_character() {
    assert_chinese(&[
        ("右心室的去極化（depolarization）很快。", "depolarization", "去極化"),
        ("训练前先做数据的去偏置（debiasing）处理。", "debiasing", "去偏置"),
        // a word that starts like a prefix is no prefix of it
        ("请把设备（device）接上电源。", "device", "设备"),
    ]);
}

#[test]
fn a_function_word_in_traditional_characters_bounds_the_term() {
    assert_chinese(&[
        ("最常見的問題為記憶體洩漏（memory leak）。", "memory leak", "記憶體洩漏"),
        ("這個模組於負載平衡（load balancing）時使用。", "load balancing", "負載平衡"),
        ("病人合併慢性阻塞性肺病（COPD）時要注意。", "COPD", "慢性阻塞性肺病"),
    ]);
}

/// The confidence of the gloss of `english` in `text`.
fn confidence_of(text: &str, english: &str) -> Option<f32> {
    let glosses = resolved(text, &crate::reference::Reference::empty());
    glosses.into_iter().find(|g| &text[g.english.range()] == english).map(|g| g.confidence)
}

#[test]
fn doubtful_chinese_is_not_sure() {
    let table: &[(&str, &str)] = &[
        // fewer characters than the English has words
        ("每个容器占用的内存（process memory footprint）很小。", "process memory footprint"),
        // a term cut right after a number
        ("推理时采用8位整数量化（integer quantization）。", "integer quantization"),
    ];
    for (text, english) in table {
        let c = confidence_of(text, english).unwrap_or_else(|| panic!("{text}"));
        assert!(c < 0.8, "{text}: {c}");
    }
}

#[test]
fn an_interval_in_brackets_is_no_gloss() {
    let text = "输入被压缩到区间（-inf, inf）中的某个值。";
    assert!(glosses(text).iter().all(|(e, _, _)| e != "inf"), "{:?}", glosses(text));
}

/// `ZFS 快照` given to "ZFS" too is still the Chinese of "ZFS snapshot": it keeps the shorter
/// English in Latin and adds to it.
#[test]
fn a_chinese_keeping_the_shorter_english_in_latin_is_the_longer_ones() {
    let text = "我们用 ZFS 快照（ZFS）备份。每个 ZFS 快照（ZFS snapshot）都很小。";
    assert_eq!(chinese_of(text, "ZFS snapshot"), ["ZFS 快照"], "{:?}", glosses(text));
}

/// The English forms of a piece, read once each, are what reading each gloss's English
/// anew gives.
#[test]
fn forms_read_once_are_the_forms_read_anew() {
    let view = "LLM llm Large Language Models large language models LLM law of large numbers É Proxy";
    let words: Vec<Span> = ["LLM", "llm", "Large Language Models", "large language models", "law of large numbers"]
        .iter()
        .chain(&["É Proxy", "LLM", "Large Language Models"])
        .map(|w| {
            let at = view.find(w).unwrap();
            Span::new(at, at + w.len())
        })
        .collect();
    let pending: Vec<Pending> = words
        .iter()
        .map(|&english| {
            let gloss = Gloss {
                english,
                abbreviation: None,
                alias: None,
                chinese: None,
                method: Method::Parenthesis,
                confidence: 0.0,
                site: english,
            };
            Pending { gloss, left: None }
        })
        .collect();
    let forms = Forms::read(&pending, view);
    assert_eq!(forms.of.len(), pending.len());
    for (p, &f) in pending.iter().zip(&forms.of) {
        let lower = view[p.gloss.english.range()].to_lowercase();
        assert_eq!(forms.words[f], cover::content_words(&lower));
        assert_eq!(forms.lower[f], lower);
    }
    assert!(forms.lower.len() < pending.len(), "a form met twice is read once");
}

#[test]
fn a_chinese_that_names_another_english_is_no_rendering() {
    let table: &[(&str, &str)] = &[
        ("支持 Windows 和 Linux(将来支持 macOS)。", "Linux"),
        ("旧版本已经停止维护（EOL，Vue 2 终止支持）。", "EOL"),
        ("这一版发布于2019 年 2 月（Kafka）。", "Kafka"),
        ("错误出在第 14 行（Azure）。", "Azure"),
        ("连接会在默认 5s（timeout）后关闭。", "timeout"),
    ];
    assert_no_chinese(table);
    // a Latin word of the English, or of an acronym's full form, may stand in its Chinese
    assert_eq!(
        chinese_of("它用 JavaScript 对象表示法（JavaScript Object Notation）存数据。", "JavaScript Object Notation"),
        ["JavaScript 对象表示法"]
    );
    assert_eq!(chinese_of("模型还加了多 Token 预测（MTP）。", "MTP"), ["多 Token 预测"]);
    assert_eq!(chinese_of("模型报告了 top-5 错误率（top-5 error rate）。", "top-5 error rate"), ["top-5 错误率"]);
}

#[test]
fn remarks_counts_and_verbs_beside_an_english_are_not_its_chinese() {
    let table: &[(&str, &str)] = &[("自定义 Cookies（示例）", "Cookies"), ("缓存会在一段时间（TTL）后失效。", "TTL")];
    assert_no_chinese(table);
    // the verb with its complement stays outside, an acronym's first word inside
    assert_eq!(chinese_of("把应用日志发送到弹性堆栈（ELK）。", "ELK"), ["弹性堆栈"]);
    assert_eq!(chinese_of("先安装 Java 开发工具包（JDK）。", "JDK"), ["Java 开发工具包"]);
    // the English says what the remark says
    assert_eq!(chinese_of("这个参数是可选（optional）的。", "optional"), ["可选"]);
}

#[test]
fn a_piece_that_renders_a_word_of_the_english_belongs_to_the_term() {
    let table: &[(&str, &str, &str)] = &[
        ("浏览器支持导入映射表（import map），可以映射模块名。", "import map", "导入映射表"),
        ("现代处理器使用跳跃预测器（jump predictor）来减少停顿。", "jump predictor", "跳跃预测器"),
        ("这里需要启用预加载脚本（preload script）才行。", "preload script", "预加载脚本"),
        ("每个表项都有一个锁定标志位（lock bit）。", "lock bit", "锁定标志位"),
        // a locality word that renders a word of the English (下 lower, 上 upper)
        ("把系数存成下三角矩阵（lower triangular matrix）。", "lower triangular matrix", "下三角矩阵"),
        // a piece for a word the English lacks is the sentence's, when the rest fits alone
        ("点击按钮会调用事件处理器（handler）。", "handler", "处理器"),
        // a verb that renders nothing of the English stays outside
        ("系统会配置同步复制（synchronous replication）。", "synchronous replication", "同步复制"),
    ];
    for (text, english, want) in table {
        assert_eq!(chinese_of(text, english), [*want], "{text}");
    }
}

#[test]
fn a_chinese_covering_little_of_a_name_in_title_case_is_none() {
    assert_no_chinese(&[
        ("这一层建立在 Rust Async Runtime（运行时）之上。", "Rust Async Runtime"),
        ("它是 Web Crypto（加密）的一部分。", "Web Crypto"),
    ]);
    // a term in lowercase may have a terse Chinese of its own
    assert_eq!(chinese_of("训练时常用早停（early stopping）来防止过拟合。", "early stopping"), ["早停"]);
}

#[test]
fn marks_at_the_edges_and_sums_are_not_in_a_chinese() {
    assert_eq!(chinese_of("这种材料叫ˌ钢性铸铁（cast semi-steel）。", "cast semi-steel"), ["钢性铸铁"]);
    assert_no_chinese(&[("攻击模式选“字符集+单词列表”（hybrid）。", "hybrid")]);
    // a prefix that jieba reads as a verb, and an acronym's first word, start the term
    assert_eq!(chinese_of("要防范跨站点脚本（XSS）攻击。", "XSS"), ["跨站点脚本"]);
    assert_eq!(chinese_of("镜像格式遵循开放容器倡议（OCI）。", "OCI"), ["开放容器倡议"]);
}

#[test]
fn a_two_letter_acronym_or_a_name_after_a_comma_is_no_apposition() {
    assert_no_chinese(&[
        ("请记下客户端 ID 和客户端密码。", "ID"),
        ("发言人：首席架构师兼平台部主管，Nimbusoft", "Nimbusoft"),
    ]);
}

#[test]
fn a_naming_character_inside_a_word_names_nothing() {
    // 管 of 管理员 is no 管…叫, so the pause before the English is no apposition
    assert_no_chinese(&[("先列出全部系统管理员；SELECT(name) 再返回。", "SELECT")]);
    assert_eq!(chinese_of("我们管这个叫 warm-up，也就是预热。", "warm-up"), ["预热"]);
}

#[test]
fn a_header_of_chinese_words_before_english_ones_is_no_apposition() {
    // (the piece 类型 renders "type", which the English lacks; once the shorter option was
    // dropped, scoring the longer one read past the start of the options)
    assert_no_chinese(&[
        ("类型长度 page size", "page size"),
        ("类型偏移量 load addr", "load addr"),
        ("事件编号 host name", "host name"),
    ]);
}

#[test]
fn a_function_word_is_no_chinese_of_a_phrase_or_a_name() {
    assert_no_chinese(&[("这一步只做加载（ETL）就够了。", "ETL"), ("它会先执行（runs twice）。", "runs twice")]);
    // one English word may be a verb's noun, and its Chinese a word the walk stops at
    assert_chinese(&[("智能体要在探索与利用（exploitation）之间取舍。", "exploitation", "利用")]);
}

#[test]
fn a_keyword_apposition_after_a_term_of_mixed_script_gives_no_chinese() {
    // (the Chinese option 散度 is only the end of `Jensen-Shannon(JS) 散度`)
    assert_no_chinese(&[("对比时常用 Jensen-Shannon(JS) 散度，又称 information radius。", "information radius")]);
    assert_chinese(&[("模型压缩的方法之一是剪枝，又称 pruning。", "pruning", "剪枝")]);
}

#[test]
fn a_code_or_a_version_beside_a_name_is_no_chinese_of_it() {
    // the Chinese beside a code names what the code stands for
    assert_no_chinese(&[
        ("考下云计算基础认证（AZ-900）再说。", "AZ-900"),
        ("遵循质量管理体系（ISO 9001）的要求。", "ISO 9001"),
        // a number the English lacks is a version or a date beside it
        ("换成 ESM（节点 v13）来加载模块。", "ESM"),
    ]);
    // a name's version that its Chinese lacks: the Chinese is about something else
    assert_no_chinese(&[("旧项目跑在系统级别(Ruby 2)上。", "Ruby 2"), ("请打开设置页(Fedora 39)。", "Fedora 39")]);
    // a name in capitals with a short number may have a translation without it, a name with
    // its version keeps a Chinese that has it too
    assert_chinese(&[
        ("新冠肺炎（COVID-19）疫情期间停课。", "COVID-19", "新冠肺炎"),
        ("工厂减少了二氧化碳（CO2）排放。", "CO2", "二氧化碳"),
        ("新发布的羊驼 2（Llama 2）更强。", "Llama 2", "羊驼 2"),
    ]);
    // a call with the name of its argument in brackets glosses nothing
    assert_no_chinese(&[("用法：sqrt(数字)，返回平方根。", "sqrt"), ("写成 parseInt(字符串)。", "parseInt")]);
    assert_chinese(&[("每个 batch(批次) 有 32 个样本。", "batch", "批次")]);
}

#[test]
fn a_locality_word_that_ends_a_phrase_of_time_or_place_is_no_part_of_the_term() {
    assert_chinese(&[
        ("在每一轮迭代中（epoch），数据都被看一遍。", "epoch", "迭代"),
        // 中 inside a word stays
        ("缓存命中（cache hit）越多越好。", "cache hit", "缓存命中"),
    ]);
}

#[test]
fn alternatives_in_brackets_after_the_chinese_of_a_kind_are_examples() {
    let csv = "english,chinese\nloss function,损失函数\nmedian,中位数\n";
    let reference = crate::reference::Reference::from_csv_reader("r.csv", csv.as_bytes()).unwrap();
    let found = resolved("训练时选一个损失函数（hinge 或 logistic）即可。", &reference);
    assert!(found.iter().all(|g| g.chinese.is_none() && g.alias.is_none()), "{found:?}");
    // two names of the thing the reference knows are still aliases of its Chinese
    let text = "这里取中位数（median 或 middle value）。";
    let found = resolved(text, &reference);
    let pairs: Vec<(&str, &str)> =
        found.iter().filter_map(|g| Some((&text[g.english.range()], &text[g.alias?.range()]))).collect();
    assert_eq!(pairs, [("median", "middle value")]);
}

#[test]
fn a_chinese_that_renders_nothing_of_a_coined_name_is_below_listing() {
    // what the name is or does, not what it says
    let doubtful: &[(&str, &str)] = &[
        ("这个库提供一组模块级别的原语（ParallelStyle），用于配置分片。", "ParallelStyle"),
        ("集群靠强一致性（Quorix）保证副本不丢。", "Quorix"),
        ("打开页面时会运行(Chromium)。", "Chromium"),
        ("这次比赛要做品种识别（ZooNet Birds）。", "ZooNet Birds"),
        ("他后来升任工程总监（CTO）。", "CTO"),
        ("然后把梯度权重（tensor）传给优化器。", "tensor"),
    ];
    for (text, english) in doubtful {
        let c = confidence_of(text, english).unwrap_or_else(|| panic!("{text}"));
        assert!(c < 0.6, "{text}: {c}");
    }
    // a word of it, or its sounds, and the gloss is as sure as any
    let rendered: &[(&str, &str)] = &[
        ("特征联合（FeatureUnion）把几个变换的输出拼在一起。", "FeatureUnion"),
        ("抛一次硬币服从伯努利（Bernoulli）分布。", "Bernoulli"),
        ("门店的看板（Kanban）每天更新。", "Kanban"),
    ];
    for (text, english) in rendered {
        let c = confidence_of(text, english).unwrap_or_else(|| panic!("{text}"));
        assert!(c >= 0.6, "{text}: {c}");
    }
}

#[test]
fn a_longer_option_holding_a_rendered_word_keeps_it() {
    // 线性 renders "linear": the option that holds it is no worse for what it adds before it
    let table = &[
        ("记得开启子线性衰减（sublinear decay）再训练。", "sublinear decay", "子线性衰减"),
        ("这时应该打开超线性增长（superlinear growth）选项。", "superlinear growth", "超线性增长"),
    ];
    assert_chinese(table);
    // (and it is no close call)
    for (text, english, _) in table {
        let c = confidence_of(text, english).unwrap_or_else(|| panic!("{text}"));
        assert!(c >= 0.6, "{text}: {c}");
    }
}

#[test]
fn nouns_the_segmenter_tags_as_function_words_open_and_end_terms() {
    assert_chinese(&[
        ("牛津大学的视觉几何组（VGG）提出了这个网络。", "VGG", "视觉几何组"),
        ("计算几何（CG）研究几何对象的算法。", "CG", "计算几何"),
        ("所有请求都要带上访问凭据（AC）才能通过。", "AC", "访问凭据"),
    ]);
}

#[test]
fn one_chinese_in_brackets_after_unrelated_names_is_their_label() {
    assert_no_chinese(&[
        ("我们感谢 Ashok Emani（英特尔）和 Jiong Kong（英特尔）的审阅。", "Ashok Emani"),
        ("我们感谢 Ashok Emani（英特尔）和 Jiong Kong（英特尔）的审阅。", "Jiong Kong"),
        ("先通过专业考试（DAS-C01），再通过专业考试（SAP-C02）。", "DAS-C01"),
        ("常见的非线性算法有 CART（非线性算法）和 SVM（非线性算法）。", "SVM"),
    ]);
    // an acronym and its full form, forms of one name, or names sharing a word are glossed alike
    assert_chinese(&[
        ("大语言模型（Large Language Model）简称大语言模型（LLM）。", "LLM", "大语言模型"),
        ("深度Q网络（DQN）有很多变体，比如噪声深度Q网络（Noisy DQN）。", "DQN", "深度Q网络"),
        ("可用性（Availability）很重要，可用性（AP）也是。", "Availability", "可用性"),
    ]);
}

#[test]
fn a_term_in_mixed_script_keeps_its_english_and_not_the_verb_before_it() {
    assert_chinese(&[
        ("然后配置 Kubernetes 服务（AKS）集群。", "AKS", "Kubernetes 服务"),
        ("先安装 Azure Kubernetes 服务（AKS）。", "AKS", "Azure Kubernetes 服务"),
        ("你可以部署 Azure 资源管理器（ARM）模板。", "ARM", "Azure 资源管理器"),
        ("这里用到了 Spring 表达式语言（SpEL）。", "SpEL", "Spring 表达式语言"),
    ]);
}

#[test]
fn a_letter_that_labels_the_english_in_brackets_is_no_part_of_it() {
    assert_chinese(&[
        ("系统要满足一致性（C：Consistency）与可用性。", "Consistency", "一致性"),
        ("还要满足分区容错性（P: Partition Tolerance）。", "Partition Tolerance", "分区容错性"),
    ]);
}

#[test]
fn a_person_s_name_joined_by_dots_starts_at_its_first_part() {
    assert_chinese(&[
        ("这篇文章的作者保罗·格劳（Paul Grau）是一名工程师。", "Paul Grau", "保罗·格劳"),
        ("我们采访了首席执行官亚当·塞利普斯基（Adam Selipsky）。", "Adam Selipsky", "亚当·塞利普斯基"),
        ("统计学家约翰·W·图基（John W. Tukey）提出了箱线图。", "John W. Tukey", "约翰·W·图基"),
        ("正如教授杰弗里·辛顿（Geoffrey Hinton）所说。", "Geoffrey Hinton", "杰弗里·辛顿"),
        ("主讲人是黛博拉·奥克斯利（Deborah Oxley）。", "Deborah Oxley", "黛博拉·奥克斯利"),
    ]);
}

#[test]
fn a_job_title_in_brackets_after_a_person_is_no_translation() {
    assert_no_chinese(&[
        ("Yasser Alsaied（物联网副总裁）表示同意。", "Yasser Alsaied"),
        ("Mary Ann Smith（首席技术官）发表了演讲。", "Mary Ann Smith"),
    ]);
    // a name and its spelling in Chinese, and a term ending in a word of trades, are glosses
    assert_chinese(&[
        ("约翰·坎宁（John Canning）写了这本书。", "John Canning", "约翰·坎宁"),
        ("他是产品经理（Product Manager）。", "Product Manager", "产品经理"),
        ("考试面向解决方案架构师（Solutions Architect）。", "Solutions Architect", "解决方案架构师"),
    ]);
}

#[test]
fn a_short_term_after_a_modifier_and_de_is_doubtful() {
    // (sentence, English, Chinese chosen, whether it is doubtful: below the least
    // confidence a gloss given once needs)
    let table: &[(&str, &str, &str, bool)] = &[
        ("日志里记下了出错的情况（error case），以便排查。", "error case", "情况", true),
        ("请不要再用旧的版本（legacy release）。", "legacy release", "版本", true),
        // a noun before 的 owns the term: 上限 is the whole Chinese of upper bound
        ("我们能估计出算法的上限（upper bound）是多少。", "upper bound", "上限", false),
        // a term that covers its English is sure, whatever stands before 的
        ("日志里记下了出错的边界情况（error edge case）。", "error edge case", "边界情况", false),
    ];
    for (text, english, chinese, doubtful) in table {
        let found = resolved(text, &crate::reference::Reference::empty());
        let g = found.iter().find(|g| &text[g.english.range()] == *english).expect(english);
        assert_eq!(g.chinese.map(|s| &text[s.range()]), Some(*chinese), "{text}");
        assert_eq!(g.confidence < 0.6, *doubtful, "{text}: {}", g.confidence);
    }
}

#[test]
fn an_acronym_beside_chinese_needs_a_name_of_its_letters() {
    let table: &[(&str, &str, &str)] = &[
        ("近年来，卷积神经网络 CNN 已成为主要手段。", "CNN", "卷积神经网络"),
        // one word for one letter: the class of the thing named, not its name
        ("把这些文件打包进应用程序 WAR，再部署。", "WAR", ""),
        ("打开通信模式 SHM，然后启动服务。", "SHM", ""),
    ];
    for (text, english, chinese) in table {
        let found = glosses(text);
        let got = found.iter().find(|g| g.0 == *english).map_or("", |g| g.1.as_str());
        assert_eq!(got, *chinese, "{text}");
    }
}

#[test]
fn the_chinese_of_an_acronym_and_its_pieces_are_not_a_longer_terms() {
    let text =
        "先介绍内容分发网络（content delivery network，CDN）。用户很多时要用规模很大的内容分发网络（large CDN）。";
    let found = glosses(text);
    let got = found.iter().find(|g| g.0 == "large CDN").map_or("", |g| g.1.as_str());
    assert!(got.is_empty(), "{got}");
    // the acronym's own Chinese stays its own, and a longer Chinese that renders the rest
    // is the longer English's
    assert!(found.iter().any(|g| g.0 == "content delivery network" && g.1 == "内容分发网络"), "{found:?}");
    let text = "先介绍内容分发网络（content delivery network，CDN）。覆盖全球的内容分发网络（global CDN）更贵。";
    let found = glosses(text);
    assert!(found.iter().any(|g| g.0 == "global CDN" && g.1 == "全球的内容分发网络"), "{found:?}");
}

#[test]
fn a_remark_after_a_comma_in_brackets_leaves_the_term_before_them() {
    assert_chinese(&[
        ("这一层由轴突（axons，输出通道）组成。", "axons", "轴突"),
        ("每个细胞核（nucleus，控制中心）都很重要。", "nucleus", "细胞核"),
        // the inner Chinese renders a word of the English: the English's own
        ("事件循环里的 S 模块（Scheduler，调度器）负责排队。", "Scheduler", "调度器"),
        // no Chinese before the brackets: the inner one stays
        ("ERP（Enterprise Resource Planning，企业资源计划）管理库存。", "Enterprise Resource Planning", "企业资源计划"),
    ]);
}

#[test]
fn a_possessor_joined_by_de_belongs_to_an_of_phrase_in_full() {
    assert_chinese(&[
        (
            "这里比较的是相邻节点的平均权重（average weight of neighboring nodes）。",
            "average weight of neighboring nodes",
            "相邻节点的平均权重",
        ),
        // the possessor renders all the words after "of": nothing more is the term's
        (
            "然后估计当前样本的平均误差（mean error of current sample）。",
            "mean error of current sample",
            "当前样本的平均误差",
        ),
    ]);
}

#[test]
fn a_function_word_that_opens_a_rendering_with_the_rest_belongs_to_the_term() {
    // 解决 + 方法 renders solution; 通用 renders general
    assert_chinese(&[(
        "这类问题还没有通用的解决方法（general solution），只能逐个分析。",
        "general solution",
        "通用的解决方法",
    )]);
}

#[test]
fn a_verb_before_the_chinese_of_one_english_word_is_context() {
    assert_chinese(&[
        ("最后可以绘制验证(valid)阶段的曲线。", "valid", "验证"),
        ("我们还可以打印训练(train)模式下的日志。", "train", "训练"),
    ]);
}

#[test]
fn another_name_in_brackets_stands_for_the_whole_term_before_them() {
    assert_chinese(&[
        ("软件国际化 (也称为 i18n) 是一项基础工作。", "i18n", "软件国际化"),
        ("Web 内容本地化（简称 l10n）需要人工审校。", "l10n", "内容本地化"),
        // a verb that takes the term as object is no part of it
        ("用户可以切换列表窗格（即 ListPane）来浏览。", "ListPane", "列表窗格"),
    ]);
}

#[test]
fn an_acronym_s_chinese_accounts_for_its_letters_in_order() {
    assert_chinese(&[
        // 部分 renders the first P (partial), which the rest leaves out
        ("论文把它建模为部分可观测决策过程（PODP），再求解。", "PODP", "部分可观测决策过程"),
        // the word before 的 spells the next letter: its modifier is the full form's too
        ("页面要遵循可便捷访问的丰富互联网应用（WAI-ARIA）规范。", "WAI-ARIA", "可便捷访问的丰富互联网应用"),
        // all letters spelled: what comes before is context
        ("这个接口通过智能合约应用二进制接口（ABI）通信。", "ABI", "应用二进制接口"),
        // a verb that spells the next letter is the sentence's (包括, include)
        ("这份报告包括工业控制系统（ICS）的风险。", "ICS", "工业控制系统"),
        // the Chinese inside the brackets after the acronym stays
        ("其中 PPO（近端策略优化）是常用方法。", "PPO", "近端策略优化"),
    ]);
}

#[test]
fn a_file_format_in_brackets_after_chinese_is_a_remark() {
    assert_no_chinese(&[
        ("先下载葡萄酒质量数据(CSV)再分析。", "CSV"),
        ("请把会议纪要（PDF）发给大家。", "PDF"),
        ("我们整理了一份城市气温记录(json)供参考。", "json"),
    ]);
    // a Chinese that spells its letters is its full form; a word is no format
    assert_chinese(&[
        ("结果导出为逗号分隔值（CSV）文件。", "CSV", "逗号分隔值"),
        ("这个周末的围棋（Go）比赛很精彩。", "Go", "围棋"),
    ]);
}

#[test]
fn a_place_in_brackets_glosses_only_a_place() {
    assert_chinese(&[
        ("公司总部位于 Mountain View（山景城）。", "Mountain View", "山景城"),
        ("Bank of England（英格兰银行）发布了报告。", "Bank of England", "英格兰银行"),
    ]);
}

#[test]
fn an_acronyms_chinese_has_words_for_its_letters() {
    // a list of as many items as letters is the Chinese whole
    assert_chinese(&[
        ("事务须满足原子性、一致性、隔离性和持久性（ACID）。", "ACID", "原子性、一致性、隔离性和持久性"),
        ("接口支持创建、读取、更新和删除(CRUD)操作。", "CRUD", "创建、读取、更新和删除"),
        ("团队按规划、执行、复盘（PXR）三步走。", "PXR", "规划、执行、复盘"),
        // one word may be a name said as a word
        ("总部设在雅加达的东盟（ASEAN）成立很早。", "ASEAN", "东盟"),
    ]);
    assert_no_chinese(&[
        // far too few words for the letters
        ("这是故意不安全的 Android 应用程序（PIVAA），用来练手。", "PIVAA"),
        ("为了进大科技（MANGA）公司面试，他刷题很久。", "MANGA"),
        // names joined in brackets after Chinese joined by nothing
        ("可以通过链接获取设备信息（Serveo & Ngrok）。", "Serveo & Ngrok"),
        ("在 Apple 芯片上运行扩散模型（M1/M2）很快。", "M1/M2"),
    ]);
    // a list of another length, or halves joined as the English's are, keep their usual reading
    assert_chinese(&[
        ("我们用身份和访问管理（IAM）控制权限。", "IAM", "身份和访问管理"),
        ("工具支持温度告警、风扇调速、远程开关和串口重定向（SRR）。", "SRR", "串口重定向"),
        ("支持发布/订阅（Pub/Sub）模式。", "Pub/Sub", "发布/订阅"),
    ]);
}
