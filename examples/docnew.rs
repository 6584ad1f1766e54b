fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let t = std::time::Instant::now();
    for _ in 0..20 {
        let d = termbridge::normalize::Document::new(&text, termbridge::Markup::Markdown);
        std::hint::black_box(d);
    }
    eprintln!("{:?} per run", t.elapsed() / 20);
}
