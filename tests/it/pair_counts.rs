//! Corpus evidence: with `pair_counts`, each row with Chinese says, per rendering, how many
//! inputs gloss its English with it (`documents`) and how many glosses do (`glosses`); the
//! counts are the same however the partials are grouped, and the default output has neither.

use std::path::{Path, PathBuf};
use std::process::Command;
use termbridge::{input, Extractor, Glossary, Markup, Partial, Source, PAIR_COUNT_COLUMNS};

/// Four small inputs: `overfitting` glossed 3 times in 2 of them (and used bare in a third),
/// `KL divergence` glossed 4 times in 3, written with and without a space (the same
/// rendering), `token` glossed two ways, `Retrieval-Augmented Generation` given its Chinese
/// only by the reference.
const TEXTS: [(&str, &str); 4] = [
    (
        "a.txt",
        "过拟合（overfitting）很常见。我们要避免过拟合（overfitting）。\n\n模型的 KL 散度（KL divergence）很小。\n\n这里的令牌（token）很多。令牌（token）要计数。\n",
    ),
    (
        "b.txt",
        "模型会过拟合（overfitting）。\n\n计算 KL散度（KL divergence）。\n\n每个词元（token）都有编号。再说一次，词元（token）是基本单位。\n",
    ),
    ("c.txt", "训练集上 overfitting 很多。\n\n计算 KL散度（KL divergence）与 KL 散度（KL divergence）。\n\n词元（token）。\n"),
    ("d.txt", "检索增强生成是一种方法。我们用 Retrieval-Augmented Generation 做问答，检索增强生成效果好。\n"),
];

fn sources() -> Vec<Source<'static>> {
    TEXTS.iter().map(|&(name, text)| Source { name, text, markup: Markup::Plain }).collect()
}

/// (English, Chinese, documents, glosses) of every row with Chinese.
fn counts(g: &Glossary) -> Vec<(String, String, String, String)> {
    let [documents, glosses] = PAIR_COUNT_COLUMNS;
    let cell = |e: &termbridge::Entry, c: &str| e.extra.get(c).cloned().unwrap_or_default();
    g.entries()
        .iter()
        .filter(|e| !e.chinese.is_empty())
        .map(|e| (e.english.clone(), e.chinese.join("|"), cell(e, documents), cell(e, glosses)))
        .collect()
}

fn row(english: &str, chinese: &str, documents: &str, glosses: &str) -> (String, String, String, String) {
    (english.into(), chinese.into(), documents.into(), glosses.into())
}

#[test]
fn each_rendering_counts_the_inputs_and_the_glosses_that_give_it() {
    let extractor = Extractor::builder().pair_counts(true).build().unwrap();
    let mut got = counts(&extractor.extract_sources(&sources()));
    got.sort();
    assert_eq!(
        got,
        [
            // one input gives both spellings: three inputs, not four
            row("KL divergence", "KL 散度", "3", "4"),
            row("Retrieval-Augmented Generation", "检索增强生成", "0", "0"),
            row("overfitting", "过拟合", "2", "3"),
            row("token", "词元|令牌", "2|1", "3|2"),
        ]
    );
}

#[test]
fn without_pair_counts_a_glossary_has_neither_column() {
    let plain = Extractor::builder().build().unwrap().extract_sources(&sources());
    let counted = Extractor::builder().pair_counts(true).build().unwrap().extract_sources(&sources());
    assert!(plain.extra_columns().is_empty());
    assert_eq!(counted.extra_columns(), PAIR_COUNT_COLUMNS);
    // the counts are all that differs
    let mut stripped = counted.into_entries();
    for e in &mut stripped {
        PAIR_COUNT_COLUMNS.iter().for_each(|c| drop(e.extra.remove(c)));
    }
    assert_eq!(stripped, plain.into_entries());
}

fn fixtures() -> Vec<input::InputFile> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    input::read_all(&[dir], &Default::default()).unwrap()
}

#[test]
fn counts_are_the_same_whatever_the_grouping_of_partials() {
    let files = fixtures();
    let mut all: Vec<Source> =
        files.iter().map(|f| Source { name: &f.name, text: &f.text, markup: f.markup }).collect();
    all.extend(sources());
    let extractor = Extractor::builder().pair_counts(true).build().unwrap();
    let one_run = extractor.extract_sources(&all);
    assert!(counts(&one_run).len() > 50, "the fixtures gloss many terms");
    let parts: Vec<Partial> = all
        .iter()
        .map(|s| {
            let mut out = Vec::new();
            extractor.partial(std::slice::from_ref(s)).write_jsonl(&mut out).unwrap();
            Partial::read_jsonl("one.jsonl", out.as_slice()).unwrap()
        })
        .collect();
    let n = parts.len();
    let groupings = [
        Partial::combine(parts.clone()),
        Partial::combine(parts.iter().rev().cloned()),
        // a tree: pairs, then pairs of pairs, and so on
        std::iter::successors(Some(parts.clone()), |level| {
            (level.len() > 1).then(|| level.chunks(2).map(|c| Partial::combine(c.to_vec())).collect())
        })
        .last()
        .unwrap()
        .remove(0),
        // the first against all the others, one partial repeated
        Partial::combine([parts[0].clone(), Partial::combine(parts[1..].iter().cloned()), parts[n / 2].clone()]),
    ];
    for combined in &groupings {
        let g = extractor.decide(combined);
        assert_eq!(counts(&g), counts(&one_run));
        assert_eq!(g, one_run);
    }
}

fn termbridge(args: &[&str], dir: &Path) -> std::process::Output {
    let out = Command::new(env!("CARGO_BIN_EXE_termbridge")).args(args).current_dir(dir).output().unwrap();
    assert_ne!(out.status.code(), Some(101), "termbridge panicked: {}", String::from_utf8_lossy(&out.stderr));
    out
}

fn ok(out: std::process::Output) -> Vec<u8> {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

fn write_texts(dir: &Path) -> Vec<PathBuf> {
    TEXTS
        .iter()
        .map(|(name, text)| {
            std::fs::write(dir.join(name), text).unwrap();
            PathBuf::from(name)
        })
        .collect()
}

#[test]
fn the_command_line_adds_the_columns_only_when_asked_and_merges_keep_them() {
    let dir = tempfile::tempdir().unwrap();
    let names: Vec<String> = write_texts(dir.path()).iter().map(|p| p.display().to_string()).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let with =
        |first: &[&str], rest: &[&str]| -> Vec<String> { first.iter().chain(rest).map(|s| s.to_string()).collect() };
    let run = |args: Vec<String>| ok(termbridge(&args.iter().map(String::as_str).collect::<Vec<_>>(), dir.path()));
    let plain = run(with(&["extract"], &names));
    let counted = run(with(&["extract", "--pair-counts"], &names));
    let header = |csv: &[u8]| String::from_utf8_lossy(csv).lines().next().unwrap().to_string();
    assert!(!header(&plain).contains("documents"));
    assert!(header(&counted).ends_with(",note,documents,glosses"), "{}", header(&counted));
    assert!(String::from_utf8_lossy(&counted).contains("\ntoken,词元|令牌,"));
    // the other cells are the default output's
    let cut_counts = |csv: &[u8]| -> String {
        String::from_utf8_lossy(csv).lines().map(|l| l.rsplitn(3, ',').nth(2).unwrap().to_string() + "\n").collect()
    };
    assert_eq!(cut_counts(&counted), String::from_utf8_lossy(&plain));
    // partials, one per input, combined in two stages and decided, give the same file
    for (i, name) in names.iter().enumerate() {
        run(vec!["extract".into(), "--partial".into(), "-o".into(), format!("{i}.jsonl"), name.to_string()]);
    }
    run(vec!["merge".into(), "--partial".into(), "3.jsonl".into(), "1.jsonl".into(), "-o".into(), "31.jsonl".into()]);
    let staged =
        run(vec!["merge".into(), "--pair-counts".into(), "0.jsonl".into(), "31.jsonl".into(), "2.jsonl".into()]);
    assert_eq!(String::from_utf8_lossy(&staged), String::from_utf8_lossy(&counted));
    // a partial holds facts, not a decided glossary: the option is refused there
    for args in [
        with(&["extract", "--partial", "--pair-counts"], &names),
        with(&["merge", "--partial", "--pair-counts"], &["0.jsonl", "1.jsonl"]),
    ] {
        let out = termbridge(&args.iter().map(String::as_str).collect::<Vec<_>>(), dir.path());
        assert_eq!(out.status.code(), Some(2));
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("--pair-counts"),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.stdout.is_empty());
    }
}
