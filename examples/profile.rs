//! Times extraction against jieba-rs `cut` on one file, interleaved, best of N runs each.
//!
//! `profile FILE once STEP` does one step and nothing else, for counting its instructions
//! (`perf stat -e instructions:u`, or callgrind): `build` (the extractor, its dictionary
//! loaded), `extract` (build, then extract on one thread), `stage1` … `stage5` (build, then
//! the analysis through that stage, see `Extractor::analyse_through`), `load` (jieba-rs's
//! dictionary), `cut` (load, then cut). An extraction's own instructions are `extract` less
//! `build`; a cut's are `cut` less `load`. Under callgrind,
//! `--toggle-collect='*analyse_through*'` counts a stage's run alone.
fn main() {
    let path = std::env::args().nth(1).expect("usage: profile FILE [RUNS | once STEP]");
    let text = std::fs::read_to_string(path).unwrap();
    if std::env::args().nth(2).as_deref() == Some("once") {
        return once(&text, &std::env::args().nth(3).expect("a step: build, extract, load or cut"));
    }
    let n: usize = std::env::args().nth(2).map_or(20, |s| s.parse().unwrap());
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

/// One step, on one thread.
fn once(text: &str, step: &str) {
    let one = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
    match step {
        "build" => {
            let ex = termbridge::Extractor::builder().build().unwrap();
            ex.prepare();
            drop(std::hint::black_box(ex));
        }
        stage if stage.starts_with("stage") => {
            let n: usize = stage["stage".len()..].parse().expect("a stage from 1 to 5");
            let ex = termbridge::Extractor::builder().build().unwrap();
            ex.prepare();
            one.install(|| std::hint::black_box(ex.analyse_through(text, n)));
        }
        "extract" => {
            let ex = termbridge::Extractor::builder().build().unwrap();
            one.install(|| std::hint::black_box(ex.extract(text).len()));
        }
        "load" => drop(std::hint::black_box(jieba_rs::Jieba::new())),
        "cut" => {
            let jieba = jieba_rs::Jieba::new();
            std::hint::black_box(jieba.cut(text, false).len());
        }
        other => panic!("unknown step {other:?}: build, extract, stage1 to stage5, load or cut"),
    }
}
