//! Whether a Chinese beside a name translates it. A name made of words (`FeatureUnion`,
//! `ResNet`) is translated word by word, so its Chinese renders one of them (特征联合, 残差网络);
//! a name of no English word (`Tesla`, `Jaccard`) is translated by its sounds (特斯拉, 杰卡德系数).
//! Any other Chinese beside a name says what the name is or does (批输入（DataSet）,
//! 强一致性（Raft）, 前端(WebSockets)): written once, it is no rendering to list. So does one
//! beside an acronym made of words whose English starts with none of its letters (工程总监
//! for CTO), and one made of known words none of which renders a known word of a lowercase
//! English (连接类型 for outer). The words are known from the lists of
//! [`renders`](super::renders).

use super::renders::renders_one_of;
use crate::candidates::is_common_word;
use crate::segment::Segmenter;
use crate::text::chars::is_cjk;
use crate::text::lexicon::english::FILE_EXTENSIONS;
use crate::text::lexicon::names::is_person_name;

/// The most confidence of a Chinese beside a name that renders none of its words and none of
/// its sounds (or of one that the checks below find saying something else): below the least
/// a rendering glossed once needs to be listed, so only a rendering given again is.
pub(super) const UNRENDERED_NAME_CONFIDENCE: f32 = 0.5;

/// Characters of transliterated foreign names (the standard tables of personal and place
/// names): a Chinese made of these renders a name's sounds.
const SOUND_CHARS: &str = "阿埃艾爱安昂奥澳巴芭柏拜班邦鲍贝本比彼毕宾波玻伯勃博布查柴茨达戴丹道德登\
狄迪笛蒂丁杜敦顿多朵厄恩尔法凡菲斐费芬丰冯佛弗伏福盖甘冈高戈哥格葛根贡古瓜圭哈海汉豪赫黑亨洪胡\
怀惠霍基吉加嘉迦贾杰捷金喀卡凯堪坎康考柯科克肯库夸奎昆拉莱赖兰朗劳勒雷蕾里利莉丽廉列林琳卢鲁路\
伦罗洛马玛迈麦曼梅蒙孟米密摩莫墨默姆穆纳娜奈南内尼妮涅宁纽努诺欧帕派潘庞佩彭皮珀普浦奇齐契恰乔\
切钦琴琼丘萨塞赛桑瑟森沙莎舍施什史舒斯索塔泰坦汤唐陶特提蒂图托瓦万旺威韦维温沃乌伍西希锡席夏谢\
辛休雅亚扬耶伊依因尤犹约泽扎詹兹宙祖佐";

/// Sounds rendered take at least this many characters (伯努利, 高斯 is two).
const MIN_SOUND_CHARS: usize = 2;

/// Endings of English common nouns and adjectives (`Perplexity`, `Inception`, `Scalability`):
/// a capitalised word with one is a word, not a coined name.
const WORD_ENDINGS: &[&str] = &[
    "tion", "sion", "ment", "ness", "ity", "ing", "ance", "ence", "ism", "ize", "ise", "able", "ible", "ical", "ive",
    "ous", "ery", "ory", "ure", "ship", "logy", "ics",
];
/// A word with an ending has at least this many letters (`Ring` and `Tesla` do not).
const MIN_ENDED_WORD: usize = 6;

/// Nouns of a person's role or trade that end a Chinese job title (物联网副总裁, 首席技术官).
const ROLE_ENDINGS: &[&str] = &[
    "总裁",
    "经理",
    "总监",
    "主管",
    "工程师",
    "教授",
    "作者",
    "主任",
    "创始人",
    "董事",
    "主席",
    "负责人",
    "研究员",
    "科学家",
    "架构师",
    "分析师",
    "顾问",
    "博士",
    "讲师",
    "编辑",
    "记者",
    "设计师",
    "技术官",
    "执行官",
    "运营官",
    "财务官",
    "信息官",
    "布道师",
    "维护者",
    "贡献者",
];

/// Whether `chinese` says what `english`, a person's name (`Yasser Alsaied`, see
/// [`is_person_name`]), does: a job title (物联网副总裁) rendering no word of it, not a
/// translation.
pub(super) fn is_role_of_person(chinese: &str, english: &str) -> bool {
    // (a job's own name is translated: 产品经理 renders the manager of Product Manager)
    is_person_name(english)
        && ROLE_ENDINGS.iter().any(|r| chinese.trim_end().ends_with(r))
        && !renders_a_word(chinese, &english.to_ascii_lowercase())
}

/// The dots that join the parts of a foreign person's name written in Chinese (约翰·坎宁).
const NAME_DOTS: [char; 3] = ['·', '•', '・'];

/// Where the Chinese spelling of a person's name that ends at `end` of `view` starts, when
/// `english` is one (`Paul Grau`, `John W. Tukey`) and the Chinese joins its parts with dots
/// (作者保罗·格劳, 首席执行官亚当·塞利普斯基): the parts after the first dot are the name's,
/// and of the text before that dot only the words the segmenter tags as a person's name, or
/// else its last word (保罗, not 作者保罗); a role or a trade before the name is none of it. A Chinese of more parts than
/// the English has words is left to the other rules.
pub(super) fn dotted_name_start(view: &str, end: usize, english: &str, segmenter: &Segmenter) -> Option<usize> {
    // (the cheap tests first: most English is no name, and most Chinese has no dot)
    if !english.contains(' ') || !english.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    // the run of Chinese, dots and initials before `end`
    let part_char = |c: char| is_cjk(c) || NAME_DOTS.contains(&c) || c.is_ascii_uppercase();
    let run_start = view[..end].char_indices().rev().take_while(|&(_, c)| part_char(c)).last().map(|(i, _)| i)?;
    let run = &view[run_start..end];
    if !run.contains(NAME_DOTS) || !run.ends_with(is_cjk) {
        return None;
    }
    let dots: Vec<usize> = run.match_indices(NAME_DOTS).map(|(i, _)| run_start + i).collect();
    let words: Vec<&str> = english.split(' ').collect();
    let initial = |w: &&str| w.trim_end_matches('.').len() == 1 && w.starts_with(|c: char| c.is_ascii_uppercase());
    let full: Vec<&str> = words.iter().copied().filter(|w| !initial(w)).collect();
    // (more parts than words: another name, or a name and more)
    if dots.len() >= words.len() || !is_person_name(&full.join(" ")) {
        return None;
    }
    // (the words the segmenter tags as a person's name, or else the last word: 黛/博拉 after 作者)
    let first = &view[run_start..dots[0]];
    let words = segmenter.tag(first);
    let named: usize = words.iter().rev().take_while(|w| w.tag.starts_with("nr")).map(|w| w.word.len()).sum();
    let len = if named > 0 { named } else { words.last().map_or(0, |w| w.word.len()) };
    (len > 0 && first[first.len() - len..].chars().all(is_cjk)).then(|| dots[0] - len)
}

/// Whether `english` is a name whose Chinese must render it: a [coined word](is_coined_word),
/// or several words in title case with one of them in CamelCase (`ImageNet Dogs`); a word of
/// a trade that no list here knows (`Quadratic Programming`) is no sign among words.
pub(super) fn is_coined_name(english: &str) -> bool {
    if !english.contains(' ') {
        return is_coined_word(english);
    }
    let words: Vec<&str> = english.split(' ').collect();
    let titled = |w: &&str| w.starts_with(|c: char| c.is_ascii_uppercase()) || NAME_LINKS.contains(w);
    words.iter().all(titled) && words.iter().any(|w| is_camel(w) && is_coined_word(w))
}

/// Whether `w` has a capital right after a small letter (`ImageNet`).
fn is_camel(w: &str) -> bool {
    w.as_bytes().windows(2).any(|p| p[0].is_ascii_lowercase() && p[1].is_ascii_uppercase())
}

/// The longest piece of an acronym written with small letters (`No` of NoSQL, `Med` of MedAE).
const MAX_ACRONYM_PIECE: usize = 3;

/// Small words inside a name in title case (`Python for Data Science`).
const NAME_LINKS: &[&str] = &["of", "for", "and", "the", "in", "on", "to", "with", "a", "an"];

/// Whether `english` is one word in title case or CamelCase, of letters only, that is either
/// made of several words (`DataStream`) or no word of English (`Knative`, `Mozilla`); not an
/// acronym, not a word (`Node`, `Perplexity`).
fn is_coined_word(english: &str) -> bool {
    let b = english.as_bytes();
    if b.len() < 2 || !b[0].is_ascii_uppercase() || !b.iter().all(|c| c.is_ascii_alphabetic()) {
        return false;
    }
    if is_camel(english) {
        // (NoSQL, SoC, PyPI, MedAE: a part in capitals after a short one is an acronym's
        // letters, read elsewhere; DynamoDB, MongoDB are names of words)
        let parts = camel_words_as_written(english);
        let acronym = parts.iter().any(|p| p.bytes().all(|c| c.is_ascii_uppercase()))
            && parts.iter().all(|p| p.len() <= MAX_ACRONYM_PIECE);
        return !acronym;
    }
    if !b[1..].iter().all(|c| c.is_ascii_lowercase()) {
        return false; // XGBoost, iOS: letters of an acronym, read elsewhere
    }
    let lower = english.to_ascii_lowercase();
    let ended = lower.len() >= MIN_ENDED_WORD && WORD_ENDINGS.iter().any(|e| lower.ends_with(e));
    let word = |w: &str| is_common_word(w) || renders_one_of(w);
    // (Acceptor, Coordinator: one who does what a word says)
    let agent = AGENT_ENDINGS
        .iter()
        .filter_map(|e| lower.strip_suffix(e))
        .any(|stem| stem.len() >= MIN_AGENT_STEM && (word(stem) || word(&format!("{stem}e"))));
    !(ended || agent || word(&lower))
}

/// Endings of a noun for one who does something (`Proposer`, `Coordinators`).
const AGENT_ENDINGS: &[&str] = &["ers", "ors", "er", "or"];
/// The verb before such an ending has at least this many letters (`Hyper` is no agent).
const MIN_AGENT_STEM: usize = 4;

/// Whether `chinese` renders `english` (a [coined name](is_coined_name)): a word of it, its
/// sounds, or the English itself.
pub(super) fn renders_name(chinese: &str, english: &str) -> bool {
    if chinese.to_ascii_lowercase().contains(&english.to_ascii_lowercase()) {
        return true;
    }
    let words: Vec<String> = english
        .split([' ', '-'])
        .filter(|w| !NAME_LINKS.contains(w))
        .flat_map(|w| camel_words(w).into_iter().chain(std::iter::once(w.to_ascii_lowercase())))
        .collect();
    sounds(chinese) || words.iter().any(|w| super::renders::rendered_in(chinese, w))
}

/// The letters of an acronym the Chinese is checked against: from three (`CTO`) to five.
const CHECKED_ACRONYM: std::ops::RangeInclusive<usize> = 3..=5;
/// The Chinese words of the lists that a Chinese must hold for its letters to be checked:
/// with fewer, too little of it is known.
const MIN_KNOWN_WORDS: usize = 2;
/// The longest Chinese word looked up, in characters.
const MAX_WORD_CHARS: usize = 4;

/// Whether `chinese` names what the acronym `english` (in capitals) stands for by words whose
/// English starts with none of its letters (工程总监 for CTO: engineering, director; 颜色通道
/// for RGB): a description, not the full form. Only when the lists know two of its words or
/// more; one word whose English starts with a letter of the acronym clears it (高速扩展总线 for
/// PCIe has expansion).
pub(super) fn spells_other_letters(chinese: &str, english: &str) -> bool {
    if !CHECKED_ACRONYM.contains(&english.len()) || !english.bytes().all(|b| b.is_ascii_uppercase()) {
        return false;
    }
    let letters = english.to_ascii_lowercase();
    let words = known_words(chinese);
    let of_a_letter = |w: &&str| super::renders::english_of(w).any(|e| letters.as_bytes().contains(&e.as_bytes()[0]));
    words.len() >= MIN_KNOWN_WORDS && !words.iter().any(of_a_letter)
}

/// How many letters of the acronym `english` the words of `chinese` that the lists know may
/// stand for, each word one letter it may start (服务 and 架构 for SOA: two).
pub(super) fn spelled_letters(chinese: &str, english: &str) -> usize {
    let mut letters: Vec<u8> =
        english.bytes().filter(u8::is_ascii_alphabetic).map(|b| b.to_ascii_lowercase()).collect();
    let mut spelled = 0;
    for w in known_words(chinese) {
        let found = super::renders::english_of(w)
            .find_map(|e| e.as_bytes().first().and_then(|b| letters.iter().position(|l| l == b)));
        if let Some(i) = found {
            letters.remove(i);
            spelled += 1;
        }
    }
    spelled
}

/// The shortest Chinese word that may spell a letter of an acronym: one character (高, 新)
/// stands for too many words to say which.
const MIN_SPELLING_CHARS: usize = 2;

/// How many letters of an acronym (`letters`, lowercase) stay unspelled at its start once
/// the words of `chinese` that the lists know spell its letters in order from the right
/// (可观测马尔可夫决策过程 for POMDP: 过程 P, 决策 D, 观测 O, so one, the first P). A word that
/// spells no letter left of the last one spelled is skipped, as is a word the lists do not
/// know (马尔可夫 for M).
pub(super) fn unspelled_letters(chinese: &str, letters: &[u8]) -> usize {
    let mut left = letters.len();
    for w in known_words(chinese).into_iter().rev() {
        if let Some(i) = (0..left).rev().find(|&i| spells_letter(w, letters[i])) {
            left = i;
        }
    }
    left
}

/// Whether the Chinese word `word` renders an English word that starts with `letter`
/// (lowercase): 部分 partial for P.
pub(super) fn spells_letter(word: &str, letter: u8) -> bool {
    word.chars().count() >= MIN_SPELLING_CHARS
        && super::renders::english_of(word).any(|e| e.as_bytes().first() == Some(&letter))
}

/// Whether a file format or extension in brackets after a Chinese noun phrase (`鸢尾花数据集
/// (csv)`, `下载报告（PDF）`) remarks on the format of the thing: `english` is a listed
/// extension that is no English word (`Go`, `log` are), and `chinese` spells none of its
/// letters (逗号分隔值 spells the C of CSV: its full form).
pub(super) fn is_format_remark(chinese: &str, english: &str) -> bool {
    let lower = english.to_ascii_lowercase();
    if !FILE_EXTENSIONS.contains(&lower.as_str()) || is_common_word(&lower) || renders_one_of(&lower) {
        return false;
    }
    let letters: Vec<u8> = lower.bytes().filter(u8::is_ascii_alphabetic).collect();
    !known_words(chinese).iter().any(|w| letters.iter().any(|&l| spells_letter(w, l)))
}

/// Whether a word of `chinese` that the lists know renders a word of `english` (负载 for the
/// load of load balancing): the evidence that a Chinese standing bare beside an English term
/// is its translation (亚马逊 before elastic cache is not).
pub(super) fn renders_a_word(chinese: &str, english: &str) -> bool {
    known_words(chinese).iter().any(|w| super::renders::renders(w, english) == Some(true))
}

/// The Chinese words of the lists in `chinese`, longest first at each place, left to right.
pub(super) fn known_words(chinese: &str) -> Vec<&str> {
    let starts: Vec<usize> = chinese.char_indices().map(|(i, _)| i).chain(std::iter::once(chinese.len())).collect();
    let (mut out, mut i) = (Vec::new(), 0);
    while i + 2 < starts.len() {
        let word = (2..=MAX_WORD_CHARS).rev().filter(|n| i + n < starts.len()).find_map(|n| {
            let piece = &chinese[starts[i]..starts[i + n]];
            super::renders::english_of(piece).next().is_some().then_some((piece, n))
        });
        match word {
            Some((piece, n)) => {
                out.push(piece);
                i += n;
            }
            None => i += 1,
        }
    }
    out
}

/// The shortest English word whose rendering is looked for (not `of`, `the`).
const MIN_CHECKED_WORD: usize = 3;

/// Whether `chinese` is made of words the lists know, two or more, none of which renders a
/// word of `english` (in lowercase) while the lists know one of them (梯度权重 for tensor,
/// 连接类型 for outer, 自定义元素 for web components): it says something else.
pub(super) fn renders_other_words(chinese: &str, english: &str) -> bool {
    // (words in lowercase: acronyms and names are read by the rules above)
    if !english.bytes().all(|b| b.is_ascii_lowercase() || b == b' ' || b == b'-') {
        return false;
    }
    let words = || english.split([' ', '-']).filter(|w| w.len() >= MIN_CHECKED_WORD);
    // (most Chinese renders a word: that is looked at first)
    !words().any(|w| super::renders::rendered_in(chinese, w))
        && words().any(renders_one_of)
        && known_words(chinese).len() >= MIN_KNOWN_WORDS
}

/// Whether `chinese` opens with a run of sound characters that is at least half of it
/// (杰卡德系数, 黑塞矩阵, 伯努利), or is a person's name with a dot between its parts (唐·申克).
fn sounds(chinese: &str) -> bool {
    if chinese.split(['·', '•', '・']).filter(|p| p.chars().any(is_cjk)).count() >= 2 {
        return true;
    }
    let cjk: Vec<char> = chinese.chars().filter(|c| is_cjk(*c)).collect();
    let run = cjk.iter().take_while(|c| SOUND_CHARS.contains(**c)).count();
    run >= MIN_SOUND_CHARS && 2 * run >= cjk.len()
}

/// The words of a CamelCase name as written, split before a capital after a small letter
/// (`DataStream` → Data, Stream; `NoSQL` → No, SQL).
fn camel_words_as_written(english: &str) -> Vec<&str> {
    let b = english.as_bytes();
    let mut words = Vec::new();
    let mut start = 0;
    for i in 1..b.len() {
        if b[i].is_ascii_uppercase() && b[i - 1].is_ascii_lowercase() {
            words.push(&english[start..i]);
            start = i;
        }
    }
    words.push(&english[start..]);
    words
}

/// The words of a CamelCase name in lowercase (`PySpark` → py, spark).
fn camel_words(english: &str) -> Vec<String> {
    camel_words_as_written(english).into_iter().map(str::to_ascii_lowercase).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coined_names_and_words() {
        let table: &[(&str, bool)] = &[
            ("DataStream", true),
            ("ParallelStyle", true),
            ("Mozilla", true),
            ("Zorbly", true),
            ("PySpark", true),
            // acronyms with small letters
            ("NoSQL", false),
            ("SoC", false),
            ("PyPI", false),
            ("MedAE", false),
            ("DynamoDB", true),
            // words of English in title case
            ("Node", false),
            ("Perplexity", false),
            ("Scheduling", false),
            ("Pipeline", false),
            ("Acceptor", false),
            ("Coordinator", false),
            // acronyms, versions, several words
            ("CTO", false),
            ("XGBoost", false),
            ("Python 3", false),
            ("read-only", false),
            // several words in title case, one of them coined
            ("ImageNet Dogs", true),
            ("Zorbly for DataScience", true),
            ("Quadratic Programming", false),
            ("Random Forest", false),
            ("Capital One", false),
        ];
        for (en, want) in table {
            assert_eq!(is_coined_name(en), *want, "{en}");
        }
    }

    #[test]
    fn an_acronym_is_not_described_by_words_of_other_letters() {
        let table: &[(&str, &str, bool)] = &[
            ("工程总监", "CTO", true),
            ("颜色通道", "RGB", true),
            // one word of its letters, or too little known
            ("访问控制列表", "ACL", false),
            ("高速扩展总线", "PCIE", false),
            ("域名系统", "DNS", false),
            ("往返时间", "RTT", false),
            ("哈哈", "ABC", false),
            ("颜色通道", "RG", false),
        ];
        for (zh, en, want) in table {
            assert_eq!(spells_other_letters(zh, en), *want, "{zh} / {en}");
        }
    }

    #[test]
    fn a_word_is_not_rendered_by_other_known_words() {
        let table: &[(&str, &str, bool)] = &[
            ("梯度权重", "tensor", true),
            ("连接类型", "outer", true),
            ("张量", "tensor", false),
            ("偏移", "shift", false),
            // too little known, or not one word in lowercase
            ("哈哈", "tensor", false),
            ("网络虚拟化封装", "GENEVE", false),
            ("梯度权重", "zorbly", false),
            ("自定义元素", "web components", true),
            ("组件", "web components", false),
            ("错误共享", "false sharing", false),
        ];
        for (zh, en, want) in table {
            assert_eq!(renders_other_words(zh, en), *want, "{zh} / {en}");
        }
    }

    #[test]
    fn a_name_is_rendered_by_its_words_or_its_sounds() {
        let table: &[(&str, &str, bool)] = &[
            ("数据流", "DataStream", true),
            ("残差网络", "ResNet", true),
            ("投票分类器", "VotingClassifier", true),
            ("特斯拉", "Tesla", true),
            ("杰卡德系数", "Jaccard", true),
            ("伯努利", "Bernoulli", true),
            ("高斯", "Gauss", true),
            ("Lasso 回归", "Lasso", true),
            // what the name is, not what it says
            ("批输入", "DataSet", false),
            ("原语", "ParallelStyle", false),
            ("强一致性", "Raft", false),
            ("服务网格", "Zorbly", false),
            ("运行", "Chromium", false),
            ("品种识别", "ImageNet Dogs", false),
            ("唐·申克", "DonSchenck", true),
            ("狗的图像网络", "ImageNet Dogs", true),
        ];
        for (zh, en, want) in table {
            assert_eq!(renders_name(zh, en), *want, "{zh} / {en}");
        }
    }
}
