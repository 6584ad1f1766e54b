//! Names written side by side: a run said once that is two names, or a name and a plain word,
//! rather than one term (`Deepseek GRPO`, `Celery and Redis`, `CentOS 7 web`). The document
//! shows it: it names each part alone again and again, and the run once, without a gloss.

use super::glossed::is_glossed;
use super::kinds::is_common_word;
use super::Candidate;
use crate::model::Span;
use crate::normalize::{HARD, MARK};
use crate::text::lexicon::{lower, lower_in};
use rustc_hash::FxHashMap;
use std::borrow::Cow;

/// Each name of such a run stands alone in the document at least this often.
const MIN_ALONE: usize = 2;

/// How a run said once splits.
#[derive(Clone, Copy)]
enum Cut {
    /// Into its words (`Vue JSX` → `Vue`, `JSX`; `Celery and Redis` → `Celery`, `Redis`).
    Words,
    /// Into the name of this many bytes and its last word (`CentOS 7 web` → `CentOS 7`, `web`).
    Head(usize),
    /// Into the names of a list without commas, joined by `&` or not (`Tooltip & Popover &
    /// Popconfirm`, `Button Modal Select Transfer`).
    List { joined: bool },
    /// Into a name and a thing of its code that a noun after the run says is one (`Keras
    /// LinearRegression 类`, `JavaScript map 对象`): split whatever the counts.
    Member,
}

/// Nouns of the things of a program's code: a run of a name and an identifier before one
/// names the identifier, as a thing of that name's code.
const CODE_THING_NOUNS: [&str; 5] = ["类", "方法", "对象", "函数", "属性"];

/// Whether `w` is written as an identifier: words glued in PascalCase (`LinearRegression`)
/// or one word in small letters (`map`).
fn identifier(w: &str) -> bool {
    let b = w.as_bytes();
    let glued = b.first().is_some_and(u8::is_ascii_uppercase)
        && b.windows(2).any(|p| p[0].is_ascii_lowercase() && p[1].is_ascii_uppercase())
        && b.iter().all(u8::is_ascii_alphanumeric);
    glued || !b.is_empty() && b.iter().all(u8::is_ascii_lowercase)
}

/// Whether the run `c` of two words is a name, with a capital, and an identifier before a
/// noun of [`CODE_THING_NOUNS`] (`Sklearn LinearRegression 类`). (Words in small letters before
/// one are a term as often: `logistic sigmoid 函数`.)
fn is_member_of_name(view: &str, c: &Candidate<'_>) -> bool {
    let Some((name, member)) = c.text.split_once(' ') else { return false };
    // (a link's text and its masked destination may stand between: `[JavaScript map](…) 对象`)
    let after = view[c.span.end..].trim_start_matches([' ', char::from(MARK), char::from(HARD)]);
    !member.contains(' ') && named(name) && identifier(member) && CODE_THING_NOUNS.iter().any(|n| after.starts_with(n))
}

/// A run of this many names or more, each a word, may be a list of them said without
/// commas; fewer are a name of several words as often (`Spring Boot`).
const MIN_LISTED: usize = 3;

/// A list joined by `&` may hold this many names that the document does not say alone again
/// and again; a list spaced out, none.
const MAX_JOINED_UNSAID: usize = 1;

/// Words that join the names of a list, dropped when it splits.
const JOINTS: [&str; 3] = ["and", "or", "&"];

/// Whether `w` has a capital: a name's mark.
fn named(w: &str) -> bool {
    w.bytes().any(|c| c.is_ascii_uppercase())
}

/// Whether `w` is an acronym: capitals and digits (`GRPO`, `JSX`, `GPT4`).
fn acronym(w: &str) -> bool {
    w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// Whether `w` is spelled as a word, more small letters than not (`Kafka`, `CentOS`), not as
/// an acronym (`RoI pooling`, `TD error` are terms).
fn wordlike(w: &str) -> bool {
    w.bytes().filter(u8::is_ascii_lowercase).count() * 2 > w.len()
}

/// The longest text lowercased on the stack to be looked up; a longer one is lowercased on
/// the heap.
const MAX_FOLDED: usize = 64;

/// How the text of a candidate may split, if it may (see [`split_juxtaposed`]).
fn cut_of(t: &str) -> Option<Cut> {
    let (head, last) = t.rsplit_once(' ')?;
    // names one after the other, each a word or an acronym, spaced or each joined by `&`
    // (not `Identity & Access Management`, nor with `and`: a name's words)
    let names = t.split(' ').filter(|w| *w != "&");
    let (count, joints) = (names.clone().count(), t.split(' ').filter(|w| *w == "&").count());
    // (an acronym among words is rather a kind of a product: `Azure Cosmos DB Table API`)
    if count >= MIN_LISTED && joints == 0 && names.clone().all(|w| named(w) && wordlike(w)) {
        return Some(Cut::List { joined: false });
    }
    if count >= MIN_LISTED && joints + 1 == count && names.clone().all(|w| named(w) && (wordlike(w) || acronym(w))) {
        return Some(Cut::List { joined: true });
    }
    if !head.contains(' ') {
        // two names, one an acronym (a product and a feature of it, said apart)
        if named(head) && named(last) && (acronym(head) || acronym(last)) {
            return Some(Cut::Words);
        }
    } else if let Some((a, rest)) = t.split_once(' ') {
        // two names joined by `and` or `or` (`Celery and Redis`), whatever brackets follow: no
        // one term (`Identity and Access Management` has more words)
        if let Some((joint, b)) = rest.split_once(' ') {
            if matches!(joint, "and" | "or") && !b.contains(' ') && named(a) && named(b) {
                return Some(Cut::Words);
            }
        }
    }
    // a name and a plain word in lowercase (`Grafana pod`, `Google Cloud training`, `CentOS 7
    // web`): the name opens with a word, and its other words are names or numbers
    let first = head.split(' ').next().unwrap_or(head);
    let name = named(first)
        && wordlike(first)
        && head.split(' ').skip(1).all(|w| named(w) || w.bytes().all(|b| b.is_ascii_digit() || b == b'.'));
    let plain = last.bytes().all(|c| c.is_ascii_lowercase());
    (name && plain).then_some(Cut::Head(head.len()))
}

/// Splits runs said once that are names side by side into their parts (see the [module
/// docs](self)): two names, one an acronym (`Deepseek GRPO`, `Vue JSX`), whose words the document names alone again and again (`GitHub API`
/// stays where `API` is not said alone); two names joined by `and`; a name and a plain word
/// in lowercase not glossed (`Azure news`, `CentOS 7 web`), where the document says the name
/// alone again and again, and the word is left to its own evidence.
pub(super) fn split_juxtaposed(view: &str, cands: &mut Vec<Candidate<'_>>) {
    let may = |c: &Candidate<'_>| {
        if c.title || !c.text.contains(' ') {
            None
        } else if is_member_of_name(view, c) {
            Some(Cut::Member)
        } else {
            cut_of(c.text)
        }
    };
    // only the runs that may be split and their parts are counted
    // (in any case: `Dropdown` alone is the `DropDown` of a list)
    let mut counts: FxHashMap<Cow<'_, str>, usize> = FxHashMap::default();
    for c in cands.iter() {
        match may(c) {
            Some(Cut::Member) => continue,
            Some(Cut::Words | Cut::List { .. }) => counts.extend(c.text.split(' ').map(|w| (lower(w), 0))),
            Some(Cut::Head(n)) => {
                counts.insert(lower(&c.text[..n]), 0);
                counts.insert(lower(&c.text[n + 1..]), 0);
            }
            None => continue,
        }
        counts.insert(lower(c.text), 0);
    }
    if counts.is_empty() && !cands.iter().any(|c| matches!(may(c), Some(Cut::Member))) {
        return;
    }
    // a candidate is looked up only when its length is one of theirs (modulo 64)
    let lengths: u64 = counts.keys().fold(0, |m, k| m | 1 << (k.len() % 64));
    let mut buf = [0; MAX_FOLDED];
    for c in cands.iter() {
        if lengths >> (c.text.len() % 64) & 1 == 1 {
            if let Some(n) = counts.get_mut(lower_in(c.text, &mut buf).as_ref()) {
                *n += 1;
            }
        }
    }
    let alone = |w: &str, min: usize| counts.get(lower_in(w, &mut [0; MAX_FOLDED]).as_ref()).is_some_and(|&n| n >= min);
    let split = |c: &Candidate<'_>| {
        let cut = may(c)?;
        if matches!(cut, Cut::Member) {
            return (!is_glossed(view, c.span.start, c.span.end)).then_some(cut);
        }
        let coordinated = matches!(cut, Cut::Words) && c.text.split(' ').any(|w| matches!(w, "and" | "or"));
        let parts_alone = match cut {
            Cut::Member => true,
            Cut::Words => c.text.split(' ').all(|w| alone(w, MIN_ALONE) || !named(w)),
            // a word not of general English is said alone again and again too (`hover`)
            Cut::Head(n) => {
                let last = &c.text[n + 1..];
                alone(&c.text[..n], MIN_ALONE) && (is_common_word(last) || alone(last, MIN_ALONE))
            }
            // every name of a list is said alone again and again; joined by `&`, all but one
            Cut::List { joined } => {
                c.text.split(' ').filter(|w| !JOINTS.contains(w) && !alone(w, MIN_ALONE)).count()
                    <= usize::from(joined) * MAX_JOINED_UNSAID
            }
        };
        (alone(c.text, 1)
            && !alone(c.text, 2)
            && (coordinated || !is_glossed(view, c.span.start, c.span.end))
            && parts_alone)
            .then_some(cut)
    };
    if !cands.iter().any(|c| split(c).is_some()) {
        return;
    }
    let mut out = Vec::with_capacity(cands.len() + 4);
    for c in cands.iter() {
        let piece = |at: usize, len: usize| {
            let span = Span::new(c.span.start + at, c.span.start + at + len);
            Candidate { span, text: &c.text[at..at + len], title: false }
        };
        match split(c) {
            None => out.push(*c),
            Some(Cut::Words | Cut::List { .. } | Cut::Member) => {
                let mut at = 0;
                for w in c.text.split(' ') {
                    if !JOINTS.contains(&w) {
                        out.push(piece(at, w.len()));
                    }
                    at += w.len() + 1;
                }
            }
            Some(Cut::Head(n)) => {
                out.push(piece(0, n));
                out.push(piece(n + 1, c.text.len() - n - 1));
            }
        }
    }
    *cands = out;
}

#[cfg(test)]
mod tests {
    use super::super::assert_finds;

    #[test]
    fn a_name_and_an_identifier_before_a_noun_of_code_are_apart() {
        let table: &[(&str, &[&str])] = &[
            // the identifier is then a class or a word of general English, said once
            ("用 Keras GradientBoosting 类拟合", &["Keras"]),
            ("画出 logistic sigmoid 函数的图像", &["logistic sigmoid"]),
            ("我们用原生的 JavaScript set 对象去重", &["JavaScript"]),
            ("调用 Pandas groupby 方法", &["Pandas", "groupby"]),
            ("我们用原生的 [JavaScript set](https://example.org/set) 对象去重", &["JavaScript"]),
            // a name of two words before another noun stays whole
            ("我们用 Apache Kafka 集群", &["Apache Kafka"]),
            ("在 Visual Studio 项目中", &["Visual Studio"]),
            // a name glossed stays whole
            ("梯度提升（Gradient Boosting）方法", &["Gradient Boosting"]),
        ];
        assert_finds(table);
    }

    #[test]
    fn a_name_with_more_words_and_a_plain_word_said_once_is_the_name() {
        let table: &[(&str, &[&str])] = &[
            // a name of two words, or a name and its release, said alone again and again
            (
                "Fedora Server 很稳。装好 Fedora Server 后打开 Fedora Server window 面板。",
                &["Fedora Server", "Fedora Server", "Fedora Server"],
            ),
            (
                "Debian 12 已发布。Debian 12 默认带一个 Debian 12 mirror 列表。",
                &["Debian 12", "Debian 12", "Debian 12"],
            ),
            // a name that is also an English word, with a capital, said alone again and again
            ("Express 很轻。先装 Express，再用 Express web 框架写接口。", &["Express", "Express", "Express"]),
            ("返回一个 Future，等 Future 完成后，Future resolve 的值就可用了。", &["Future", "Future", "Future"]),
        ];
        assert_finds(table);
    }

    #[test]
    fn a_list_of_names_without_commas_is_its_names() {
        let table: &[(&str, &[&str])] = &[
            (
                "修复 Button、Modal、Select 和 Dropdown 的样式。Button 变大，Modal 变宽，Select 变快，DropDown 变窄。\
                 优化 Button Dropdown Modal Select 的类型。",
                &[
                    "Button", "Modal", "Select", "Dropdown", "Button", "Modal", "Select", "DropDown", "Button",
                    "Dropdown", "Modal", "Select",
                ],
            ),
            (
                "Tooltip 和 Popover 的箭头，Tooltip 和 Popover 的位置。Tooltip & Popover & Popconfirm 废弃旧属性。",
                &["Tooltip", "Popover", "Tooltip", "Popover", "Tooltip", "Popover", "Popconfirm"],
            ),
            // a name and a word the document says alone again and again
            (
                "hover 时变色。hover 后显示。Card 很宽。Card 有阴影。修复 Card hover 的问题。",
                &["hover", "hover", "Card", "Card", "Card", "hover"],
            ),
        ];
        assert_finds(table);
    }

    #[test]
    fn names_and_words_the_document_keeps_together_stay() {
        // a title of words, some never said alone
        assert_finds(&[(
            "Queryable 很新。State 是状态，State 可查询。Activating Queryable State 一节。",
            &["Queryable", "State", "State", "Activating Queryable State"],
        )]);
        let table: &[(&str, &[&str])] = &[
            // the name said alone once only: the run may be its term
            ("用 Haversine distance 算球面距离，Haversine 是个老公式。", &["Haversine distance", "Haversine"]),
            // the run said again
            (
                "Fedora Server 很稳。Fedora Server window 能看日志，Fedora Server window 也能重启。Fedora Server 好用。",
                &["Fedora Server", "Fedora Server window", "Fedora Server window", "Fedora Server"],
            ),
            // glossed
            ("Mosquitto 很小。Mosquitto update（在线更新）由 Mosquitto 提供。", &["Mosquitto", "Mosquitto update", "Mosquitto"]),
            // an acronym with its word is a term (`ROC curve`); a word not of general English
            ("ROC 很常用。画出 ROC curve 后看 ROC 下的面积。", &["ROC", "ROC curve", "ROC"]),
            ("Kafka 很快。Kafka 集群里的 Kafka zookeeper 节点", &["Kafka", "Kafka", "Kafka zookeeper"]),
            // a name of words, few of them said alone
            ("Google 很大。Google Cloud Platform 提供虚拟机。", &["Google", "Google Cloud Platform"]),
            (
                "Azure 很大。Azure 和 Cosmos，Cosmos 和 DB，DB 和 API，API 和 Table，Table 也是。\
                 Azure Cosmos DB Table API 提供表存储。",
                &["Azure", "Azure", "Cosmos", "Cosmos", "DB", "DB", "API", "API", "Table", "Table", "Azure Cosmos DB Table API"],
            ),
            ("Resource Acquisition Is Initialization 是一种惯用法。", &["Resource Acquisition Is Initialization"]),
            // lowercase words inside the name: no name and a word
            ("Red Hat 很大。Red Hat 的 Red Hat developer program 免费。", &["Red Hat", "Red Hat", "Red Hat developer program"]),
        ];
        assert_finds(table);
    }
}
