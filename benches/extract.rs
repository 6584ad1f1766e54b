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
//! Loading the dictionaries (building the extractor and the `Jieba`) is done once, outside
//! the timings. Absolute numbers depend on the machine; the figure to watch is the ratio of
//! times `termbridge_extract / jieba_cut`, i.e. how many segmentations' worth of work one
//! extraction costs.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

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

criterion_group!(benches, bench, stages);
criterion_main!(benches);
