//! The Chinese renderings an entry lists: a second one only with a sure gloss of its own,
//! and an acronym never joined to a form whose initials only look like its letters.

use termbridge::{Extractor, Markup, Source};

fn extract(text: &str) -> termbridge::Glossary {
    let extractor = Extractor::builder().build().unwrap();
    extractor.extract_sources(&[Source { name: "t.txt", text, markup: Markup::Plain }])
}

/// W3C's letters are W, C and a count: not the initials of "Web Components".
#[test]
fn an_acronym_with_a_digit_inside_is_not_joined_by_initials() {
    let g = extract("规范由万维网联盟（W3C）制定。浏览器都支持 Web Components，也就是自定义元素。");
    let e = g.get("Web Components").expect("Web Components");
    assert!(!e.chinese.iter().any(|z| z == "万维网联盟"), "{:?}", e.chinese);
}

/// A doubtful boundary of the first rendering is not listed beside it.
#[test]
fn another_boundary_of_the_first_rendering_is_listed_only_when_sure() {
    let text = "我们使用写前日志（write-ahead log）。写前日志（write-ahead log）保证持久性。\
                系统先写日志（write-ahead log）再改数据。";
    let g = extract(text);
    let e = g.get("write-ahead log").expect("write-ahead log");
    assert_eq!(e.chinese.first().map(String::as_str), Some("写前日志"), "{:?}", e.chinese);
    assert!(!e.chinese.iter().any(|z| z == "日志"), "{:?}", e.chinese);
}

/// An acronym that stands for two things in one text: its gloss alone is not given to the
/// full form it is stated with elsewhere, when the two Chinese have nothing alike.
#[test]
fn an_acronym_glossed_unlike_its_full_form_stays_apart() {
    let text = "存储设备常用固态硬盘（solid state drive，SSD）。\
                目标检测一章介绍单发多框检测（SSD）。单发多框检测（SSD）速度很快。";
    let g = extract(text);
    let full = g.get("solid state drive").expect("solid state drive");
    assert_eq!(full.chinese.first().map(String::as_str), Some("固态硬盘"), "{:?}", full.chinese);
    assert!(!full.chinese.iter().any(|z| z == "单发多框检测"), "{:?}", full.chinese);
    let acronym = g.get("SSD").expect("SSD");
    assert_eq!(acronym.chinese.first().map(String::as_str), Some("单发多框检测"), "{:?}", acronym.chinese);
}

/// An acronym glossed with a Chinese alike its full form's is one concept with it.
#[test]
fn an_acronym_glossed_alike_its_full_form_joins_it() {
    let text = "我们使用大型语言模型（large language model，LLM）。大语言模型（LLM）可以写代码。\
                大语言模型（LLM）也会出错。";
    let g = extract(text);
    let e = g.get("large language model").expect("large language model");
    assert_eq!(e.abbreviation.as_deref(), Some("LLM"), "{e:?}");
    assert!(g.get("LLM").is_none_or(|a| a.english == e.english), "LLM stands apart");
}

/// An acronym never stated with a full form joins the form whose initials spell it only when
/// more than the initials tie them: (text, acronym, the form it must join or stay apart from, joined).
#[test]
fn initials_alone_join_an_acronym_only_when_something_else_ties_them() {
    let table: &[(&str, &str, &str, bool)] = &[
        (
            "本文采用 Direct Preference Optimization 训练模型。与 PPO 相比，DPO 不需要奖励模型。",
            "DPO",
            "Direct Preference Optimization",
            true,
        ),
        ("Oscar Smith 在会上介绍了 OS 的新版本。", "OS", "Oscar Smith", false),
        ("我们创建了一个 image object，然后读取 IO 数据。", "IO", "image object", false),
        ("用户的 account info 会被 AI 分析。", "AI", "account info", false),
        ("ImageNet Dogs 数据集里，每张图片有一个 ID。", "ID", "ImageNet Dogs", false),
        ("Graphics Processing Unit 很贵。我们把模型放到 GPU0 上。", "GPU0", "Graphics Processing Unit", false),
    ];
    for (text, acronym, full, joined) in table {
        let g = extract(text);
        let e = g.get(acronym).unwrap_or_else(|| panic!("no {acronym} in {text}"));
        assert_eq!(e.english == *full, *joined, "{text}: {e:?}");
    }
}

/// An acronym glossed in one input does not give its Chinese to a full form in title case
/// that another input spells with its letters, when the Chinese says other words than the
/// full form; it does where the Chinese renders a word of it.
#[test]
fn an_acronym_joins_a_full_form_from_elsewhere_only_if_its_chinese_may_render_it() {
    let extractor = Extractor::builder().build().unwrap();
    // one input, another, the acronym, its Chinese, the full form, and whether they join
    type Row = (&'static str, &'static str, &'static str, &'static str, &'static str, bool);
    let table: &[Row] = &[
        (
            "EDI，即电子数据交换，对于组织来说一直是一个难题。EDI 很重要。",
            "工具的标题是 Enumerated DNS Information，它收集记录。",
            "EDI",
            "电子数据交换",
            "Enumerated DNS Information",
            false,
        ),
        (
            "EDI，即电子数据交换，对于组织来说一直是一个难题。EDI 很重要。",
            "标准的全称是 Electronic Data Interchange，它很老。",
            "EDI",
            "电子数据交换",
            "Electronic Data Interchange",
            true,
        ),
        // tied by initials and title case only
        (
            "长期支持（LTS）版本很稳定。",
            "我们看了 LinkedIn Top Startups 榜单。",
            "LTS",
            "长期支持",
            "LinkedIn Top Startups",
            false,
        ),
        // tied by initials and title case only, in inputs apart, with no Chinese
        ("我们把数据放在 NFS 上。", "安装 Network File System 需要权限。", "NFS", "", "Network File System", false),
        (
            "谷歌云平台（GCP）动手实验室很好。",
            "连接到 Google Cloud Platform 的 ID。",
            "GCP",
            "谷歌云平台",
            "Google Cloud Platform",
            true,
        ),
    ];
    for (one, other, acronym, chinese, full, joined) in table {
        let g = extractor.extract_sources(&[
            Source { name: "a.txt", text: one, markup: Markup::Plain },
            Source { name: "b.txt", text: other, markup: Markup::Plain },
        ]);
        let e = g.get(acronym).unwrap_or_else(|| panic!("no {acronym} in {one}"));
        assert_eq!(e.english == *full, *joined, "{other}: {e:?}");
        assert_eq!(e.chinese.first().map(String::as_str), Some(*chinese).filter(|z| !z.is_empty()), "{e:?}");
    }
}

/// A lowercase full form joins an acronym by initials when the reference gives the pair.
#[test]
fn a_lowercase_full_form_joins_its_acronym_when_the_reference_knows_the_pair() {
    let mine = termbridge::Reference::from_csv_reader(
        "mine.csv",
        "english,chinese,abbreviation\nwrite-ahead log,预写日志,WAL\n".as_bytes(),
    )
    .unwrap();
    let ex = Extractor::builder().builtin_reference(false).reference(mine).build().unwrap();
    let text = "数据库先写 write-ahead log 再改数据页。崩溃后从 WAL 恢复。";
    let with = ex.extract(text);
    assert_eq!(with.get("WAL").map(|e| e.english.as_str()), Some("write-ahead log"), "{with:#?}");
    let without = Extractor::builder().builtin_reference(false).build().unwrap().extract(text);
    assert_eq!(without.get("WAL").map(|e| e.english.as_str()), Some("WAL"), "{without:#?}");
}

/// One English glossed with a new Chinese in each of 50,000 sentences: every rendering is
/// weighed against those kept before it, and the entry lists distinct renderings, each one
/// the text gives for it. (Comparing every pair of renderings took minutes here.)
#[test]
fn many_renderings_of_one_english() {
    const SENTENCES: usize = 50_000;
    const HANZI: &[char] = &[
        '的', '一', '是', '在', '不', '了', '有', '和', '人', '这', '中', '大', '为', '上', '个', '国', '我', '以',
        '要', '他', '时', '来', '用', '们', '生', '到', '作', '地', '于', '出', '就', '分', '对', '成', '会', '可',
        '主', '发', '年', '动', '同', '工', '也', '能', '下', '过', '子', '说', '产', '种', '面', '而', '方', '后',
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut pick = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        HANZI[(seed % HANZI.len() as u64) as usize]
    };
    let mut text = String::new();
    for _ in 0..SENTENCES {
        text.push_str("我们使用了");
        (0..4).for_each(|_| text.push(pick()));
        text.push_str("（gradient clipping），效果很好。\n");
    }
    let g = extract(&text);
    let e = g.get("gradient clipping").expect("gradient clipping");
    assert_eq!(e.frequency, SENTENCES);
    assert!(e.chinese.len() > 1, "{:?}", e.chinese.len());
    let mut seen = std::collections::HashSet::new();
    for z in &e.chinese {
        assert!(seen.insert(z), "{z} listed twice");
        assert!(text.contains(&format!("{z}（gradient clipping）")), "{z} is not glossed so");
    }
}

/// `Q 函数` and `Q函数` are one rendering, written as the text gives it most.
#[test]
fn renderings_that_differ_in_spaces_are_one() {
    let text = "先看 V 函数（V-function）。再看V函数（V-function）和V函数（V-function）。";
    let e = extract(text);
    let e = e.get("V-function").expect("V-function");
    assert_eq!(e.chinese, ["V函数"]);
    // the reference's term used in both spacings: one rendering, as written most
    let mut reference = termbridge::Reference::empty();
    reference.insert(termbridge::ReferenceEntry {
        english: "earth mover's distance".into(),
        chinese: vec!["EM 距离".into()],
        abbreviation: Some("EMD".into()),
        category: None,
        domain: None,
        note: String::new(),
        mined: None,
    });
    let extractor = Extractor::builder().reference(reference).build().unwrap();
    let text = "我们用 earth mover's distance 比较分布。EM距离越小越好，EM距离可以这样算，EM 距离也叫推土机距离。";
    let g = extractor.extract_sources(&[Source { name: "t.txt", text, markup: Markup::Plain }]);
    let e = g.get("earth mover's distance").expect("earth mover's distance");
    assert_eq!(e.chinese, ["EM距离"]);
}

/// One edit or two apart, but other words of one stem: never one entry.
#[test]
fn a_stem_with_another_ending_is_another_term() {
    let g = extract("这种技术叫分支预测（branch prediction）。现代处理器都有 branch predictor 部件。");
    let (a, b) = (g.get("branch predictor").expect("predictor"), g.get("branch prediction").expect("prediction"));
    assert_ne!(a.english, b.english);
    assert_eq!(b.chinese, ["分支预测"]);
    assert!(a.chinese.is_empty(), "{:?}", a.chinese);
}

/// A second rendering glossed once in brackets is dropped rather than listed; glossed twice,
/// it is listed.
#[test]
fn a_second_rendering_needs_a_second_gloss() {
    let once = "服务端渲染（SSR）很常见。服务端渲染（SSR）需要服务器。这是一种更快的首屏方案（SSR）。";
    let e = extract(once);
    assert_eq!(e.get("SSR").expect("SSR").chinese, ["服务端渲染"]);
    let twice = "服务端渲染（SSR）很常见。服务端渲染（SSR）需要服务器。也有人叫服务器渲染（SSR），\
                 服务器渲染（SSR）也对。";
    let e = extract(twice);
    assert_eq!(e.get("SSR").expect("SSR").chinese, ["服务端渲染", "服务器渲染"]);
}

/// One Chinese given to a new English in each of 40,000 sentences, half acronyms, half
/// phrases: each English keeps its row, and none takes the Chinese that a shorter English
/// inside it was given. (Comparing every English given a Chinese with every other took
/// seconds for each thousand here, and matching each acronym with every input's forms too.)
#[test]
fn one_chinese_given_to_many_english() {
    const SENTENCES: usize = 40_000;
    let mut text = String::new();
    for n in 0..SENTENCES {
        let letter = |k: usize| char::from(b'a' + ((n / 2 / 26usize.pow(k as u32)) % 26) as u8);
        let name: String = (0..4).map(letter).collect();
        let english = if n % 2 == 0 { format!("{}Q", name.to_uppercase()) } else { format!("clipping {name}") };
        text.push_str(&format!("我们使用了梯度裁剪（{english}），效果很好。\n"));
    }
    let g = extract(&text);
    assert!(g.get("AAAAQ").is_some() && g.get("clipping baaa").is_some(), "{:?}", &g.entries()[..3]);
    assert!(g.entries().len() >= SENTENCES / 2, "{}", g.entries().len());
}

/// The Chinese of `english` when `glossing` of `used` inputs write `gloss` beside it and
/// the others use it bare.
fn chinese_across(used: usize, glossing: usize, gloss: &str, english: &str) -> Vec<String> {
    let extractor = Extractor::builder().builtin_reference(false).build().unwrap();
    let names: Vec<String> = (0..used).map(|i| format!("{i:03}.md")).collect();
    let texts: Vec<String> = (0..used)
        .map(|i| {
            if i < glossing {
                format!("第一步是{gloss}（{english}）。")
            } else {
                format!("这篇文章也用到了 {english}。")
            }
        })
        .collect();
    let sources: Vec<Source> =
        names.iter().zip(&texts).map(|(name, text)| Source { name, text, markup: Markup::Markdown }).collect();
    extractor.extract_sources(&sources).get(english).expect(english).chinese.clone()
}

/// A Chinese written beside a name in one article among dozens that use it bare is that
/// article's remark, not the name's Chinese; a book that glosses a term once and uses it in a
/// score of chapters, or articles that agree on a Chinese, keep it.
#[test]
fn a_chinese_given_in_one_input_of_many_is_no_rendering() {
    assert!(chinese_across(60, 1, "数据清理", "Python").is_empty());
    assert!(chinese_across(200, 2, "数据清理", "Python").is_empty());
    assert_eq!(chinese_across(20, 1, "图形处理器", "GPU"), ["图形处理器"]);
    assert_eq!(chinese_across(300, 3, "用户界面", "UI"), ["用户界面"]);
}

/// A term whose only rendering is too doubtful to list still quotes the sentence it is in: a
/// row with no Chinese is judged by its sentence.
#[test]
fn a_term_whose_rendering_is_dropped_quotes_its_sentence() {
    let texts = ["Rf也叫做负反馈电阻。", "放大器的电阻Rf也叫做负反馈电阻，它决定增益。", "这里的 gizmo 也叫做小部件。"];
    for text in texts {
        let g = extract(text);
        assert!(!g.entries().is_empty(), "{text}: no row");
        for e in g.entries() {
            assert!(!e.context.trim().is_empty(), "{text}: {:?} quotes no sentence", e.english);
        }
    }
}
