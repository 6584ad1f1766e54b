use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let doc = termbridge::normalize::Document::new(&text, termbridge::Markup::Markdown);
    let view = doc.view();
    let csv = std::fs::read_to_string("glossary/reference.csv").unwrap();
    let mut pats: Vec<String> = Vec::new();
    for line in csv.lines().skip(1) {
        if let Some(z) = line.split(',').nth(1) {
            for p in z.split('|') {
                if !p.is_empty() {
                    pats.push(p.to_string());
                }
            }
        }
    }
    pats.sort();
    pats.dedup();
    for (name, kind) in [
        ("default", None),
        ("nfa-nc", Some(AhoCorasickKind::NoncontiguousNFA)),
        ("nfa-c", Some(AhoCorasickKind::ContiguousNFA)),
        ("dfa", Some(AhoCorasickKind::DFA)),
    ] {
        let t = std::time::Instant::now();
        let ac = AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).kind(kind).build(&pats).unwrap();
        let b = t.elapsed();
        let t = std::time::Instant::now();
        let mut n = 0;
        for _ in 0..5 {
            n += ac.find_iter(view).count();
        }
        eprintln!(
            "{name}: {} patterns build {:?} scan {:?} per pass, {} matches, {} bytes",
            pats.len(),
            b,
            t.elapsed() / 5,
            n / 5,
            view.len()
        );
    }
}
