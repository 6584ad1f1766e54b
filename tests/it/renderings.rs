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
