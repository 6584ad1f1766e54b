//! Throughput of glossary extraction against the segmenter it is built on.
//!
//! The input is the fixture texts of `tests/fixtures/` (`.txt` and `.md`, not the gold
//! CSVs), concatenated and repeated up to a target size. For each size one criterion group
//! measures, over the same text:
//!
//! - `termbridge_extract`: [`termbridge::Extractor::extract`], the whole pipeline (a text
//!   over 1 MiB is analysed in pieces, in parallel on all cores);
//! - `termbridge_extract_one_thread`: the same on one thread, to compare with the segmenter
//!   core for core;
//! - `jieba_cut`: `jieba_rs::Jieba::cut` without HMM, the baseline;
//! - `jieba_tag`: `jieba_rs::Jieba::tag` with HMM, the POS tagging the aligner relies on.
//!
//! A group `stages` tells which stage a change made slower: over a ~1 MiB text, on one
//! thread, the analysis run through its first stages only (`Extractor::analyse_through`:
//! `1_normalize` reads the markup, `2_candidates` adds the English candidates, `3_align` the
//! alignment, `4_scan_resolve` the scan for recurrence and reference terms and the resolving of
//! glosses, `5_facts` the input's facts), then `6_extract` the whole extraction (the merge and
//! the reference's annotations), beside `jieba_cut`. A stage's own cost is its time less the
//! one before it.
//!
//! A group `startup` times building an extractor (`build`, which starts loading the
//! segmenter's dictionary and returns), building it and waiting for the dictionary
//! (`build_prepared`), and jieba-rs loading its own (`jieba_load`).
//!
//! Elsewhere loading the dictionaries (building the extractor and the `Jieba`) is done once,
//! outside the timings. Absolute numbers depend on the machine; the figure to watch is the
//! ratio of times `termbridge_extract / jieba_cut`, i.e. how many segmentations' worth of work
//! one extraction costs. After the groups, the bench prints those ratios, each the median of
//! paired runs (one of each, in turn) so that a machine's load weighs on both alike:
//!
//! - one core: extraction on one thread against `cut`, over the 20 MB fixture corpus, and over
//!   the text of the file named by `TERMBRIDGE_BENCH_CORPUS` if it is set (a large real corpus);
//! - all cores: extraction on all of them against `cut` (on one, as jieba-rs cuts);
//! - small input: the whole `termbridge extract` process on a 43 KB text against a process
//!   that loads jieba-rs and cuts the same text (this bench's own program, run again with
//!   `TERMBRIDGE_BENCH_CUT` naming the file), and the time to build an extractor.
//!
//! `cargo bench --bench extract -- ratios` prints the ratios alone (any other filter leaves
//! them out).

use criterion::{criterion_group, Criterion, Throughput};
use std::hint::black_box;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// One input size: a group of its own, with sampling settings suited to its cost.
struct Size {
    /// The group name.
    name: &'static str,
    /// Target length of the text in bytes.
    bytes: usize,
    sample_size: usize,
    measurement_time: Duration,
}

/// The sizes measured: a document and a corpus.
const SIZES: &[Size] = &[
    Size { name: "document", bytes: 40 * 1024, sample_size: 30, measurement_time: Duration::from_secs(8) },
    Size { name: "corpus", bytes: 20 * 1024 * 1024, sample_size: 10, measurement_time: Duration::from_secs(30) },
];

/// The fixture texts, in file-name order.
fn fixtures() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .map(|entry| entry.expect("listing fixtures").path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "md")))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no fixtures in {}", dir.display());
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("reading {}: {e}", p.display())))
        .collect()
}

/// The fixtures concatenated (separated by a blank line) and repeated until the text is
/// about `target` bytes: whole files while they fit, then the last one cut at a line end.
fn corpus(target: usize) -> String {
    let texts = fixtures();
    let mut text = String::with_capacity(target + 2);
    for t in texts.iter().cycle() {
        let room = target.saturating_sub(text.len() + 2);
        if t.len() <= room {
            text.push_str(t);
            text.push_str("\n\n");
        } else {
            // Searching bytes is safe: a `\n` byte is always a whole character.
            if let Some(end) = t.as_bytes()[..room].iter().rposition(|&b| b == b'\n') {
                text.push_str(&t[..=end]);
            }
            break;
        }
    }
    text
}

fn bench(c: &mut Criterion) {
    let extractor = termbridge::Extractor::builder().build().expect("building the extractor");
    let jieba = jieba_rs::Jieba::new();
    let one = rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("a thread pool");

    for size in SIZES {
        let text = corpus(size.bytes);
        let mut group = c.benchmark_group(size.name);
        group
            .throughput(Throughput::Bytes(text.len() as u64))
            .sample_size(size.sample_size)
            .measurement_time(size.measurement_time)
            .warm_up_time(Duration::from_secs(2));

        group.bench_function("termbridge_extract", |b| b.iter(|| extractor.extract(black_box(&text))));
        group.bench_function("termbridge_extract_one_thread", |b| {
            b.iter(|| one.install(|| extractor.extract(black_box(&text))))
        });
        group.bench_function("jieba_cut", |b| b.iter(|| jieba.cut(black_box(&text), false)));
        group.bench_function("jieba_tag", |b| b.iter(|| jieba.tag(black_box(&text), true)));
        group.finish();
    }

    // Many files: the same ~4 MB as 100 inputs, on one thread and on all of them.
    let text = corpus(40 * 1024);
    let names: Vec<String> = (0..100).map(|i| format!("f{i}.md")).collect();
    let sources: Vec<termbridge::Source> = names
        .iter()
        .map(|n| termbridge::Source { name: n, text: &text, markup: termbridge::Markup::Markdown })
        .collect();
    let mut group = c.benchmark_group("many_files");
    group
        .throughput(Throughput::Bytes((text.len() * sources.len()) as u64))
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("one_thread", |b| b.iter(|| one.install(|| extractor.extract_sources(black_box(&sources)))));
    group.bench_function("all_threads", |b| b.iter(|| extractor.extract_sources(black_box(&sources))));
    group.finish();
}

/// Stages run through one after another (see the module documentation), on one thread.
fn stages(c: &mut Criterion) {
    let extractor = termbridge::Extractor::builder().build().expect("building the extractor");
    let jieba = jieba_rs::Jieba::new();
    let one = rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("a thread pool");
    let text = corpus(1024 * 1024);
    let mut group = c.benchmark_group("stages");
    group
        .throughput(Throughput::Bytes(text.len() as u64))
        .sample_size(10)
        .measurement_time(Duration::from_secs(10))
        .warm_up_time(Duration::from_secs(2));
    let names = ["1_normalize", "2_candidates", "3_align", "4_scan_resolve", "5_facts"];
    for (n, name) in names.into_iter().enumerate() {
        group.bench_function(name, |b| b.iter(|| extractor.analyse_through(black_box(&text), n + 1)));
    }
    group.bench_function("6_extract", |b| b.iter(|| one.install(|| extractor.extract(black_box(&text)))));
    group.bench_function("jieba_cut", |b| b.iter(|| jieba.cut(black_box(&text), false)));
    group.finish();
}

/// Building an extractor, with and without waiting for its dictionary, beside jieba-rs
/// loading its own.
fn startup(c: &mut Criterion) {
    let mut group = c.benchmark_group("startup");
    group.sample_size(10).measurement_time(Duration::from_secs(10)).warm_up_time(Duration::from_secs(1));
    // each extractor is dropped once its dictionary is loaded, so that no loading outlives
    // its timing
    group.bench_function("build", |b| {
        b.iter_with_large_drop(|| {
            let ex = termbridge::Extractor::builder().build().expect("building the extractor");
            Prepared(ex)
        })
    });
    group.bench_function("build_prepared", |b| {
        b.iter(|| {
            let ex = termbridge::Extractor::builder().build().expect("building the extractor");
            ex.prepare();
            ex
        })
    });
    group.bench_function("jieba_load", |b| b.iter(jieba_rs::Jieba::new));
    group.finish();
}

/// An extractor that waits for its dictionary when dropped.
struct Prepared(termbridge::Extractor);

impl Drop for Prepared {
    fn drop(&mut self) {
        self.0.prepare();
    }
}

criterion_group!(benches, bench, stages, startup);

/// The environment variable that makes this program the segmenting baseline of the
/// small-input ratio: load jieba-rs, cut the file it names, exit.
const CUT_ENV: &str = "TERMBRIDGE_BENCH_CUT";

/// A large corpus for the one-core and all-cores ratios: a file named by this variable.
const CORPUS_ENV: &str = "TERMBRIDGE_BENCH_CORPUS";

/// The size of the small input.
const SMALL_BYTES: usize = 43 * 1024;

/// Paired runs of the whole processes on the small input.
const SMALL_RUNS: usize = 10;

/// Paired runs on a large text.
const LARGE_RUNS: usize = 5;

/// The median of some numbers.
fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    let n = xs.len();
    if n % 2 == 1 {
        xs[n / 2]
    } else {
        (xs[n / 2 - 1] + xs[n / 2]) / 2.0
    }
}

/// Seconds that `f` takes.
fn seconds(mut f: impl FnMut()) -> f64 {
    let t = Instant::now();
    f();
    t.elapsed().as_secs_f64()
}

/// Runs `runs` rounds of `tasks` (one run of each, in turn) and gives each task's median
/// time and the median of its ratio to the first task's time in the same round.
fn paired(runs: usize, tasks: &mut [&mut dyn FnMut()]) -> Vec<(f64, f64)> {
    let mut times = vec![Vec::new(); tasks.len()];
    for _ in 0..runs {
        for (t, task) in times.iter_mut().zip(tasks.iter_mut()) {
            t.push(seconds(&mut **task));
        }
    }
    let ratios = |k: usize| median(times[k].iter().zip(&times[0]).map(|(t, base)| t / base).collect::<Vec<f64>>());
    (0..tasks.len()).map(|k| (median(times[k].clone()), ratios(k))).collect()
}

/// Prints the one-core and all-cores ratios of extraction to `cut` over `text`.
fn core_ratios(label: &str, text: &str) {
    let extractor = termbridge::Extractor::builder().build().expect("building the extractor");
    let jieba = jieba_rs::Jieba::new();
    let one = rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("a thread pool");
    extractor.prepare();
    let results = paired(
        LARGE_RUNS,
        &mut [
            &mut || drop(black_box(jieba.cut(black_box(text), false))),
            &mut || drop(black_box(one.install(|| extractor.extract(black_box(text))))),
            &mut || drop(black_box(extractor.extract(black_box(text)))),
        ],
    );
    let [(cut, _), (one_core, one_ratio), (all, all_ratio)] = results[..] else { unreachable!() };
    let mb = text.len() as f64 / 1e6;
    println!("  {label} ({mb:.1} MB): cut {cut:.3} s; extraction on one core {one_core:.3} s, ratio {one_ratio:.2} (target <= 1.0); on all {} cores {all:.3} s, ratio {all_ratio:.2} (target <= 0.6)", rayon::current_num_threads());
}

/// Prints the small-input ratio of whole processes and the time to build an extractor.
fn small_ratios() {
    let text = corpus(SMALL_BYTES);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("small.txt");
    std::fs::write(&path, &text).expect("writing the small input");
    let me = std::env::current_exe().expect("this program's path");
    let termbridge = env!("CARGO_BIN_EXE_termbridge");
    let run = |cmd: &mut Command| {
        let status = cmd.stdout(std::process::Stdio::null()).status().expect("running a process");
        assert!(status.success(), "{cmd:?} failed");
    };
    let results = paired(
        SMALL_RUNS,
        &mut [&mut || run(Command::new(&me).env(CUT_ENV, &path)), &mut || {
            run(Command::new(termbridge).args(["extract", "-q"]).arg(&path))
        }],
    );
    let [(cut, _), (extract, ratio)] = results[..] else { unreachable!() };
    println!(
        "  small input ({} KB), whole process: jieba-rs load and cut {:.1} ms; termbridge extract {:.1} ms, ratio {ratio:.2} (target <= 0.75)",
        text.len() / 1024,
        cut * 1e3,
        extract * 1e3
    );
    let build = median(
        (0..SMALL_RUNS)
            .map(|_| {
                let t = Instant::now();
                let ex = termbridge::Extractor::builder().build().expect("building the extractor");
                let built = t.elapsed().as_secs_f64();
                ex.prepare();
                built
            })
            .collect(),
    );
    println!("  building an extractor: {:.1} ms (target <= 60 ms)", build * 1e3);
}

/// Prints the ratios (see the module documentation).
fn ratios() {
    println!("ratios to jieba-rs cut(hmm=false) over the same text, medians of paired runs:");
    core_ratios("fixture corpus", &corpus(SIZES[1].bytes));
    if let Some(path) = std::env::var_os(CORPUS_ENV) {
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
        core_ratios(&Path::new(&path).display().to_string(), &text);
    }
    small_ratios();
}

/// The baseline process of the small-input ratio: load jieba-rs's dictionary, cut the file.
fn cut_file(path: &std::ffi::OsStr) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    let jieba = jieba_rs::Jieba::new();
    black_box(jieba.cut(&text, false).len());
}

fn main() {
    if let Some(path) = std::env::var_os(CUT_ENV) {
        return cut_file(&path);
    }
    // criterion's own arguments, and a filter: `ratios` prints the ratios alone
    let args: Vec<String> = std::env::args().skip(1).collect();
    let listing = args.iter().any(|a| a == "--list" || a == "--test");
    let filter = args.iter().find(|a| !a.starts_with('-'));
    if filter.is_none_or(|f| f != "ratios") {
        benches();
        Criterion::default().configure_from_args().final_summary();
    }
    if !listing && filter.is_none_or(|f| f == "ratios") {
        ratios();
    }
}
