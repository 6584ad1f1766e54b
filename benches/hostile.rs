//! Extraction time on hostile inputs: each must take time proportional to its size.
//!
//! Every input is generated here (no large files in the repository) at three sizes, 1×, 4×
//! and 16× a base of 256 KB, each in a criterion group of its own with
//! `Throughput::Bytes`: linear time shows as the same bytes per second at every size, a
//! quadratic scan as a throughput that falls by four at each step.
//!
//! | input | what it stresses |
//! | --- | --- |
//! | `long_line` | glossed terms `中文术语（English term）` on one line with no line break |
//! | `unclosed_brackets` | `（` and `(` that never close, alone and after Chinese or English |
//! | `ascii_run` | one run of ASCII letters with no space |
//! | `nested_brackets` | brackets of every kind nested hundreds deep, and unbalanced |
//! | `nul_bytes` | NUL bytes inside glossed Chinese text |
//! | `unicode_soup` | emoji, ZWJ sequences, Arabic and Hebrew, bidi controls, combining marks, with glosses |
//! | `markdown_soup` | emphasis, backticks, `$`, `[`, `](`, `<`, quotes that rarely close |
//! | `english_words` | random English words, a long run of candidates |
//! | `distinct_glosses` | a new pair `随机术语（Random Term X1f）` in every sentence: facts grow with each |
//! | `many_renderings` | one English glossed with a new Chinese in every sentence (about 4k, 15k, 60k renderings of one entry) |
//! | `one_chinese` | one Chinese given to a new English (an acronym or a phrase) in every sentence |
//!
//! A second set of groups reads and merges hostile termbases (what `termbridge merge` does),
//! also at 1×, 4× and 16×:
//!
//! | input | what it stresses |
//! | --- | --- |
//! | `merge_variants` | two rows of one term with thousands of variants each |
//! | `merge_columns` | two termbases with thousands of columns a person added |
//! | `tbx_terms` | one TBX concept with thousands of English terms |
//!
//! The extractor is built once, outside the timings. One input is one Markdown document
//! (the markup with the most scanning to do).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput};
use std::hint::black_box;
use std::time::Duration;

/// The smallest size, in bytes; the others are 4 and 16 times as large.
const BASE: usize = 256 * 1024;
const SCALES: [usize; 3] = [1, 4, 16];

/// A small deterministic generator (xorshift64*), so that every run measures the same text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const CHINESE: &[&str] = &[
    "检索增强生成",
    "大语言模型",
    "注意力机制",
    "随机梯度下降",
    "知识蒸馏",
    "过拟合",
    "批量归一化",
    "对比学习",
    "思维链",
    "强化学习",
];

const ENGLISH: &[&str] = &[
    "Retrieval-Augmented Generation",
    "large language model",
    "attention mechanism",
    "stochastic gradient descent",
    "knowledge distillation",
    "overfitting",
    "batch normalization",
    "contrastive learning",
    "chain of thought",
    "reinforcement learning",
    "LLM",
    "RAG",
    "GPT-4o",
];

const PROSE: &[&str] = &["我们使用了", "实验表明", "，", "。", "其中", "的效果更好", "在训练时", "也叫"];

const WORDS: &[&str] = &[
    "model",
    "the",
    "of",
    "gradient",
    "network",
    "learning",
    "data",
    "and",
    "Transformer",
    "is",
    "loss",
    "a",
    "training",
    "with",
    "token",
    "BERT",
    "for",
    "embedding",
    "layer",
    "optimizer",
    "we",
    "attention",
    "on",
];

/// Pieces appended until the text holds at least `target` bytes.
fn build(target: usize, seed: u64, mut piece: impl FnMut(&mut Rng, &mut String)) -> String {
    let mut rng = Rng(seed);
    let mut text = String::with_capacity(target + 64);
    while text.len() < target {
        piece(&mut rng, &mut text);
    }
    text
}

/// `中文术语（English term）` and prose, on one line.
fn long_line(target: usize) -> String {
    build(target, 1, |r, t| {
        t.push_str(r.pick(PROSE));
        t.push_str(r.pick(CHINESE));
        t.push_str(if r.below(2) == 0 { "（" } else { "(" });
        t.push_str(r.pick(ENGLISH));
        t.push_str(if r.below(2) == 0 { "）" } else { ")" });
    })
}

/// Opening brackets that never close: bare, after Chinese, before English.
fn unclosed_brackets(target: usize) -> String {
    build(target, 2, |r, t| match r.below(4) {
        0 => t.push_str("（（（（"),
        1 => {
            t.push_str(r.pick(CHINESE));
            t.push('（');
        }
        2 => {
            t.push('（');
            t.push_str(r.pick(ENGLISH));
            t.push('，');
        }
        _ => t.push_str("(("),
    })
}

/// One run of ASCII letters, no space, no line break.
fn ascii_run(target: usize) -> String {
    build(target, 3, |r, t| {
        let x = r.next();
        for k in 0..8 {
            let b = ((x >> (k * 8)) % 52) as u8;
            t.push(if b < 26 { (b'a' + b) as char } else { (b'A' + b - 26) as char });
        }
    })
}

/// Brackets nested hundreds deep around glossed terms, some never closed, some closed twice.
fn nested_brackets(target: usize) -> String {
    const OPEN: &[&str] = &["（", "(", "《", "「", "【", "[", "“"];
    const CLOSE: &[&str] = &["）", ")", "》", "」", "】", "]", "”"];
    build(target, 4, |r, t| {
        let depth = 50 + r.below(300);
        let kind = r.below(OPEN.len());
        for _ in 0..depth {
            t.push_str(OPEN[if r.below(4) == 0 { r.below(OPEN.len()) } else { kind }]);
        }
        t.push_str(r.pick(CHINESE));
        t.push('（');
        t.push_str(r.pick(ENGLISH));
        t.push('）');
        // close fewer or more than were opened
        let closes = depth / 2 + r.below(depth);
        for _ in 0..closes {
            t.push_str(CLOSE[if r.below(4) == 0 { r.below(CLOSE.len()) } else { kind }]);
        }
        if r.below(8) == 0 {
            t.push('\n');
        }
    })
}

/// Glossed Chinese text with NUL bytes inside words, glosses and brackets.
fn nul_bytes(target: usize) -> String {
    build(target, 5, |r, t| {
        t.push_str(r.pick(PROSE));
        let zh = r.pick(CHINESE);
        let cut = zh.char_indices().nth(1).map_or(zh.len(), |(i, _)| i);
        t.push_str(&zh[..cut]);
        t.push('\0');
        t.push_str(&zh[cut..]);
        t.push_str("（\0");
        t.push_str(&r.pick(ENGLISH).replace(' ', "\0 "));
        t.push_str("\0）");
        if r.below(3) == 0 {
            t.push_str("\0\0\0");
        }
        if r.below(10) == 0 {
            t.push('\n');
        }
    })
}

/// Emoji, ZWJ sequences, Arabic and Hebrew, bidi controls and combining marks, mixed with
/// glossed terms.
fn unicode_soup(target: usize) -> String {
    const ODD: &[&str] = &[
        "😀",
        "👩\u{200d}💻",
        "👨\u{200d}👩\u{200d}👧\u{200d}👦",
        "🏳\u{fe0f}\u{200d}🌈",
        "مرحبا بالعالم",
        "שלום עולם",
        "\u{202e}gnirts desrever\u{202c}",
        "\u{2067}עברית\u{2069}",
        "e\u{301}\u{302}\u{303}\u{304}",
        "a\u{300}\u{300}\u{300}\u{300}\u{300}\u{300}",
        "\u{200b}",
        "\u{200c}\u{200d}",
        "\u{feff}",
        "Ｆｕｌｌｗｉｄｔｈ",
    ];
    build(target, 6, |r, t| {
        t.push_str(r.pick(ODD));
        t.push_str(r.pick(CHINESE));
        t.push_str(r.pick(ODD));
        t.push('（');
        t.push_str(r.pick(ENGLISH));
        t.push_str(r.pick(ODD));
        t.push('）');
        t.push_str(r.pick(PROSE));
        if r.below(12) == 0 {
            t.push('\n');
        }
    })
}

/// Markdown markup that rarely closes: emphasis, code, math, links, tags, quotes.
fn markdown_soup(target: usize) -> String {
    const MARKUP: &[&str] = &[
        "*", "**", "_", "__", "~~", "`", "``", "$", "$$", "[", "](", ")", "<u>", "</u>", "<", ">", "\"", "「", "」",
        "《", "》", "\\", ":role:", "#", "> ", "|",
    ];
    build(target, 7, |r, t| {
        for _ in 0..3 {
            t.push_str(r.pick(MARKUP));
        }
        match r.below(3) {
            0 => t.push_str(r.pick(CHINESE)),
            1 => t.push_str(r.pick(ENGLISH)),
            _ => t.push_str(r.pick(WORDS)),
        }
        if r.below(40) == 0 {
            t.push('\n');
        }
    })
}

/// Random English words with a little punctuation, and Chinese now and then.
fn english_words(target: usize) -> String {
    build(target, 8, |r, t| {
        t.push_str(r.pick(WORDS));
        t.push_str(match r.below(30) {
            0 => ", ",
            1 => ". ",
            2 => "。",
            3 => "\n",
            4 => "模型",
            _ => " ",
        });
    })
}

/// Common Chinese characters, each three bytes in UTF-8, drawn into terms that occur once.
const HANZI: &str = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去";

/// `n` random characters of [`HANZI`].
fn push_hanzi(r: &mut Rng, t: &mut String, n: usize) {
    for _ in 0..n {
        let i = 3 * r.below(HANZI.len() / 3);
        t.push_str(&HANZI[i..i + 3]);
    }
}

/// Sentences that each gloss a pair never seen before: random Chinese, random English
/// words and a number, so that no two glosses fold into one.
fn distinct_glosses(target: usize) -> String {
    let mut n = 0;
    build(target, 9, move |r, t| {
        n += 1;
        t.push_str(r.pick(PROSE));
        let chinese = 2 + r.below(5);
        push_hanzi(r, t, chinese);
        t.push('（');
        for _ in 0..1 + r.below(3) {
            t.push_str(r.pick(WORDS));
            t.push(' ');
        }
        t.push_str(&format!("X{n:x}）"));
        let after = 4 + r.below(8);
        push_hanzi(r, t, after);
        t.push_str(if r.below(5) == 0 { "。\n\n" } else { "。" });
    })
}

/// Sentences that each gloss one English with Chinese never seen before: one entry with as
/// many renderings as sentences, each weighed against those kept before it.
fn many_renderings(target: usize) -> String {
    build(target, 11, |r, t| {
        t.push_str("我们使用了");
        push_hanzi(r, t, 4);
        t.push_str("（gradient clipping），效果很好。\n");
    })
}

/// Sentences that each give one Chinese to an English never seen before, an acronym or a
/// phrase: one Chinese given to as many English as sentences, each weighed against the others.
fn one_chinese(target: usize) -> String {
    let mut n = 0usize;
    build(target, 13, move |r, t| {
        n += 1;
        t.push_str("我们使用了梯度裁剪（");
        if n.is_multiple_of(2) {
            for _ in 0..3 {
                t.push(char::from(b'A' + r.below(26) as u8));
            }
        } else {
            t.push_str(r.pick(WORDS));
            t.push(' ');
            t.push_str(r.pick(WORDS));
        }
        t.push_str(&format!(" X{n:x}），效果很好。\n"));
    })
}

type Generator = fn(usize) -> String;

const INPUTS: &[(&str, Generator)] = &[
    ("long_line", long_line),
    ("unclosed_brackets", unclosed_brackets),
    ("ascii_run", ascii_run),
    ("nested_brackets", nested_brackets),
    ("nul_bytes", nul_bytes),
    ("unicode_soup", unicode_soup),
    ("markdown_soup", markdown_soup),
    ("english_words", english_words),
    ("distinct_glosses", distinct_glosses),
    ("many_renderings", many_renderings),
    ("one_chinese", one_chinese),
];

/// A group of its own per input, flat sampling: each iteration is long.
fn group<'c>(c: &'c mut Criterion, name: &str) -> criterion::BenchmarkGroup<'c, criterion::measurement::WallTime> {
    let mut group = c.benchmark_group(name);
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    group
}

fn bench(c: &mut Criterion) {
    let extractor = termbridge::Extractor::builder().build().expect("building the extractor");
    for (name, generate) in INPUTS {
        let mut group = group(c, name);
        for scale in SCALES {
            let text = generate(BASE * scale);
            group.throughput(Throughput::Bytes(text.len() as u64));
            let size = format!("{}KB", BASE * scale / 1024);
            group.bench_with_input(BenchmarkId::from_parameter(size), &text, |b, text| {
                b.iter(|| extractor.extract(black_box(text)))
            });
        }
        group.finish();
    }
}

/// Forms, columns or terms in a termbase at 1×.
const TERMBASE_BASE: usize = 4096;

/// Two CSV termbases of one row, each with `n` variants of the same term.
fn many_variants(n: usize) -> (String, String) {
    let row = |prefix: &str| {
        let variants: Vec<String> = (0..n).map(|i| format!("{prefix}{i}")).collect();
        format!("english,chinese,variants\nterm,术语,{}\n", variants.join("|"))
    };
    (row("v"), row("w"))
}

/// Two CSV termbases of one row, each with `n` columns of its own.
fn many_columns(n: usize) -> (String, String) {
    let table = |prefix: &str| {
        let names: Vec<String> = (0..n).map(|i| format!("{prefix}{i}")).collect();
        format!("english,chinese,{}\nterm,术语,{}\n", names.join(","), vec!["x"; n].join(","))
    };
    (table("a"), table("b"))
}

/// A TBX file of one concept with `n` English terms.
fn many_terms(n: usize) -> (String, String) {
    let terms: String = (0..n).map(|i| format!("<termSec><term>term {i}</term></termSec>")).collect();
    let tbx = format!(
        "<?xml version=\"1.0\"?><tbx type=\"TBX-Core\" style=\"dca\" xml:lang=\"en\" \
         xmlns=\"urn:iso:std:iso:30042:ed-2\"><text><body><conceptEntry id=\"c\">\
         <langSec xml:lang=\"en\">{terms}</langSec><langSec xml:lang=\"zh\"><termSec><term>术语</term>\
         </termSec></langSec></conceptEntry></body></text></tbx>"
    );
    (tbx, "english,chinese\nterm 0,术语\n".to_string())
}

type TermbaseGenerator = fn(usize) -> (String, String);

const TERMBASES: &[(&str, TermbaseGenerator)] =
    &[("merge_variants", many_variants), ("merge_columns", many_columns), ("tbx_terms", many_terms)];

/// Reads an old termbase (CSV or TBX) and a new CSV one, and merges the new into the old.
fn merge(old: &str, new: &str) -> termbridge::Glossary {
    let mut termbase = if old.starts_with('<') {
        termbridge::Glossary::from_tbx_reader("old.tbx", old.as_bytes())
    } else {
        termbridge::Glossary::from_csv_reader("old.csv", old.as_bytes())
    }
    .expect("the old termbase reads");
    termbase.update(termbridge::Glossary::from_csv_reader("new.csv", new.as_bytes()).expect("the new one reads"));
    termbase
}

fn bench_termbases(c: &mut Criterion) {
    for (name, generate) in TERMBASES {
        let mut group = group(c, name);
        for scale in SCALES {
            let n = TERMBASE_BASE * scale;
            let (old, new) = generate(n);
            group.throughput(Throughput::Bytes((old.len() + new.len()) as u64));
            group.bench_with_input(BenchmarkId::from_parameter(n), &(old, new), |b, (old, new)| {
                b.iter(|| merge(black_box(old), black_box(new)))
            });
        }
        group.finish();
    }
}

/// `n` entries built by hand, each with a column of its own placed before a column they
/// share: every entry's new column goes into the middle of the order found so far.
fn columns_in_many_orders(n: usize) -> termbridge::Glossary {
    let entries = (0..n)
        .map(|i| {
            let mut e = termbridge::Entry::new(format!("term {i}"));
            e.extra.insert(format!("column {i}"), "x");
            e.extra.insert("shared", "y");
            e
        })
        .collect();
    termbridge::Glossary::from_entries(entries)
}

fn bench_column_orders(c: &mut Criterion) {
    let mut group = group(c, "extra_columns");
    for scale in SCALES {
        let n = TERMBASE_BASE * scale;
        let glossary = columns_in_many_orders(n);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &glossary, |b, g| {
            b.iter(|| black_box(g).extra_columns().len())
        });
    }
    group.finish();
}

criterion_group!(benches, bench, bench_termbases, bench_column_orders);
criterion_main!(benches);
