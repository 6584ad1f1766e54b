fn main() {
    let text = std::env::args().nth(1).unwrap();
    let doc = termbridge::normalize::Document::new(&text, termbridge::Markup::Plain);
    for c in termbridge::candidates::candidates(&doc) {
        println!("{:?}", c.text);
    }
}
