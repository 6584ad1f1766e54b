//! Times extraction against jieba-rs `cut` on one file, interleaved, best of N runs each.
fn main() {
    let path = std::env::args().nth(1).expect("usage: profile FILE [RUNS]");
    let n: usize = std::env::args().nth(2).map_or(20, |s| s.parse().unwrap());
    let text = std::fs::read_to_string(path).unwrap();
    let ex = termbridge::Extractor::builder().build().unwrap();
    let jieba = jieba_rs::Jieba::new();
    let one = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
    let time = |f: &mut dyn FnMut()| {
        let t = std::time::Instant::now();
        f();
        t.elapsed().as_secs_f64() * 1000.0
    };
    let (mut all, mut single, mut cut) = (f64::MAX, f64::MAX, f64::MAX);
    let mut rows = 0;
    for _ in 0..n {
        all = all.min(time(&mut || rows = ex.extract(&text).len()));
        single = single.min(time(&mut || one.install(|| rows = ex.extract(&text).len())));
        cut = cut.min(time(&mut || {
            std::hint::black_box(jieba.cut(&text, false));
        }));
    }
    eprintln!(
        "{rows} rows; best of {n}: all {all:.1} ms, one {single:.1} ms, cut {cut:.1} ms; ratio {:.2} / {:.2}",
        all / cut,
        single / cut
    );
}
