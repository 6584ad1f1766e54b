fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let j = jieba_rs::Jieba::new();
    let ex = termbridge::Extractor::builder().build().unwrap();
    for _ in 0..3 {
        let t = std::time::Instant::now();
        let n = j.cut(&text, false).len();
        let a = t.elapsed();
        let t = std::time::Instant::now();
        let m = ex.extract(&text).len();
        let b = t.elapsed();
        eprintln!("cut {n} words {:?}  extract {m} rows {:?}  ratio {:.2}", a, b, b.as_secs_f64() / a.as_secs_f64());
    }
}
