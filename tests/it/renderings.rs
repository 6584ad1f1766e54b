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
