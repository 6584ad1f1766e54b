fn main() {
    let path = std::env::args().nth(1).unwrap();
    let n: usize = std::env::args().nth(2).map_or(20, |s| s.parse().unwrap());
    let text = std::fs::read_to_string(path).unwrap();
    let ex = termbridge::Extractor::builder().build().unwrap();
    let t = std::time::Instant::now();
    let mut rows = 0;
    for _ in 0..n {
        rows += ex.extract(&text).len();
    }
    eprintln!("{rows} rows, {:.1} ms per run", t.elapsed().as_secs_f64() * 1000.0 / n as f64);
}
