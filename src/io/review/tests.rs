//! The review page's concordance, evidence and escaping.

use super::concordance::{evidence, kwic, prose, EVIDENCE_SHOWN, KWIC_CONTEXT_CHARS};
use super::{fill, script_safe};
use crate::model::{Entry, Occurrence, Span};

fn at(text: &str, term: &str, nth: usize, line: usize) -> Occurrence {
    let start = text.match_indices(term).nth(nth).expect("the term").0;
    Occurrence { source: 0, line, span: Span::new(start, start + term.len()) }
}

#[test]
fn kwic_contexts_are_counted_in_characters() {
    let before = "甲".repeat(KWIC_CONTEXT_CHARS + 5);
    let after = "乙".repeat(KWIC_CONTEXT_CHARS + 5);
    let text = format!("{before}GPU{after}");
    let k = kwic(&[&text], &at(&text, "GPU", 0, 1)).unwrap();
    assert_eq!(k.left, "甲".repeat(KWIC_CONTEXT_CHARS));
    assert_eq!(k.right, "乙".repeat(KWIC_CONTEXT_CHARS));
    assert_eq!(k.term, "GPU");
}

#[test]
fn kwic_term_across_a_line_break_is_one_line() {
    let text = "使用 large\n  language model 的方法";
    let start = text.find("large").unwrap();
    let end = text.find("model").unwrap() + 5;
    let k = kwic(&[text], &Occurrence { source: 0, line: 1, span: Span::new(start, end) }).unwrap();
    assert_eq!((k.left.as_str(), k.term.as_str(), k.right.as_str()), ("使用 ", "large language model", " 的方法"));
}

#[test]
fn spans_outside_the_text_have_no_line() {
    let text = "注意力";
    for span in [Span::new(1, 3), Span::new(0, 99), Span::new(9, 12)] {
        assert_eq!(kwic(&[text], &Occurrence { source: 0, line: 1, span }), None, "{span:?}");
        assert_eq!(kwic(&[], &Occurrence { source: 0, line: 1, span: Span::new(0, 3) }), None);
    }
}

#[test]
fn evidence_counts_sentences_holding_both() {
    let text = "丢弃法（dropout）很常用。dropout 又叫暂退法！暂退法与 dropout 相同；dropout 和丢弃法（dropout）。\n\n\
                丢弃法在上一段。dropout 单独出现。";
    let mut e = Entry::new("dropout");
    e.chinese = vec!["丢弃法".into(), "暂退法".into(), "随机失活".into()];
    e.occurrences = (0..6).map(|n| at(text, "dropout", n, if n < 5 { 1 } else { 3 })).collect();
    let ev = evidence(&[text], &e);
    let counts: Vec<usize> = ev.iter().map(|v| v.count).collect();
    // 丢弃法: the first and the fourth sentence (two forms in it count once); not the next
    // paragraph's, whose sentence does not hold the term
    assert_eq!(counts, [2, 2, 0]);
    let shown: Vec<&str> = ev[0].shown.iter().map(|s| s.2.as_str()).collect();
    assert_eq!(shown, ["丢弃法（dropout）很常用。", "dropout 和丢弃法（dropout）。"]);
    assert_eq!(ev[1].shown[1].2, "暂退法与 dropout 相同；");
    assert_eq!(ev[0].shown[0].1, 1);
}

#[test]
fn evidence_sentences_stop_at_blank_lines_and_keep_their_line() {
    let text = "第一段没有句号\n\n第二段\n继续 GPU 和显卡\n\n第三段";
    let mut e = Entry::new("GPU");
    e.chinese = vec!["显卡".into(), "第一段".into()];
    e.occurrences = vec![at(text, "GPU", 0, 4)];
    let ev = evidence(&[text], &e);
    assert_eq!(ev[0].shown, [(0, 3, "第二段 继续 GPU 和显卡".to_string())]);
    assert_eq!(ev[1].count, 0);
}

#[test]
fn evidence_shows_a_few_and_counts_all() {
    let text = "显卡（GPU）。".repeat(EVIDENCE_SHOWN + 3);
    let mut e = Entry::new("GPU");
    e.chinese = vec!["显卡".into()];
    e.occurrences = (0..EVIDENCE_SHOWN + 3).map(|n| at(&text, "GPU", n, 1)).collect();
    let ev = evidence(&[&text], &e);
    assert_eq!((ev[0].count, ev[0].shown.len()), (EVIDENCE_SHOWN + 3, EVIDENCE_SHOWN));
}

#[test]
fn script_safe_json_reads_back_the_same() {
    let s = "</script><!-- & > \u{2028}\u{2029} 中文";
    let json = script_safe(&serde_json::to_string(s).unwrap());
    assert!(!json.contains('<') && !json.contains('>') && !json.contains('&') && !json.contains('\u{2028}'));
    assert_eq!(serde_json::from_str::<String>(&json).unwrap(), s);
}

#[test]
fn fill_puts_values_in_once() {
    let mut out = Vec::new();
    fill(&mut out, &[("title", "{{data}}"), ("data", "D"), ("style", ""), ("script", "")]).unwrap();
    let page = String::from_utf8(out).unwrap();
    assert!(page.contains("<title>{{data}}</title>") && page.contains(">D</script>"));
}

#[test]
fn concordance_lines_show_prose_without_markup() {
    let text = "## 入门\n\n> 本章基于 **Rust** 1.79 编写，见[官网](https://example.org/rust)。\n";
    let shown = prose(text, crate::normalize::Markup::Markdown);
    let k = kwic(&[&shown], &at(text, "Rust", 0, 3)).unwrap();
    assert_eq!((k.left.as_str(), k.term.as_str()), ("入门 本章基于 ", "Rust"));
    assert_eq!(k.right, " 1.79 编写，见官网 。");
    let mut entry = Entry::new("Rust");
    entry.chinese = vec!["编写".into()];
    entry.occurrences = vec![at(text, "Rust", 0, 3)];
    let ev = evidence(&[&shown], &entry);
    assert_eq!(ev[0].shown[0].2, "本章基于 Rust 1.79 编写，见官网 。");
}
