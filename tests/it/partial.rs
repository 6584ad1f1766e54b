//! Scale-out: shards extracted apart and merged give the glossary of one run over all.

use std::path::Path;
use std::process::Command;
use termbridge::{input, Extractor, Partial, Source};

fn fixtures() -> Vec<input::InputFile> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    input::read_all(&[dir], &Default::default()).unwrap()
}

fn columns(g: &termbridge::Glossary) -> Vec<(String, Vec<String>, Option<String>, usize)> {
    g.entries().iter().map(|e| (e.english.clone(), e.chinese.clone(), e.abbreviation.clone(), e.frequency)).collect()
}

#[test]
fn four_shards_merged_equal_one_run() {
    let files = fixtures();
    assert!(files.len() >= 6);
    let sources: Vec<Source> =
        files.iter().map(|f| Source { name: &f.name, text: &f.text, markup: f.markup }).collect();
    let extractor = Extractor::builder().build().unwrap();
    let one_run = extractor.extract_sources(&sources);
    // four shards, each written and read back as JSON Lines, combined in two orders and groupings
    // four shards, dealt round-robin
    let parts: Vec<Partial> = (0..4)
        .map(|k| {
            let shard: Vec<Source> = sources.iter().skip(k).step_by(4).copied().collect();
            let mut out = Vec::new();
            extractor.partial(&shard).write_jsonl(&mut out).unwrap();
            Partial::read_jsonl("shard.jsonl", out.as_slice()).unwrap()
        })
        .collect();
    assert_eq!(parts.len(), 4);
    let forward = Partial::combine(parts.clone());
    let backward = Partial::combine(parts.iter().rev().cloned());
    let grouped = Partial::combine([
        Partial::combine([parts[3].clone(), parts[0].clone()]),
        Partial::combine([parts[2].clone(), parts[1].clone()]),
    ]);
    for combined in [&forward, &backward, &grouped] {
        let g = extractor.decide(combined);
        assert_eq!(columns(&g), columns(&one_run));
        assert_eq!(g, one_run);
    }
}

/// Merging the same partial twice (or two copies concatenated) counted its inputs twice.
#[test]
fn merging_a_partial_again_does_not_double_its_counts() {
    let files = fixtures();
    let sources: Vec<Source> =
        files.iter().map(|f| Source { name: &f.name, text: &f.text, markup: f.markup }).collect();
    let extractor = Extractor::builder().build().unwrap();
    let (a, b) = (extractor.partial(&sources[..2]), extractor.partial(&sources[2..]));
    let once = Partial::combine([a.clone(), b.clone()]);
    assert_eq!(Partial::combine([a.clone(), b.clone(), a.clone()]), once);
    assert_eq!(Partial::combine([once.clone(), once.clone(), b]), once);
    assert_eq!(extractor.decide(&once), extractor.extract_sources(&sources));
    let mut out = Vec::new();
    a.write_jsonl(&mut out).unwrap();
    let twice = [out.as_slice(), out.as_slice()].concat();
    assert_eq!(Partial::read_jsonl("twice.jsonl", twice.as_slice()).unwrap(), a);
    // the same name with other facts is another input, counted too
    let other =
        extractor.partial(&[Source {
            name: sources[0].name, text: "另一个文本里的 GPU。", markup: sources[0].markup
        }]);
    assert_eq!(Partial::combine([a.clone(), other]).len(), a.len() + 1);
}

/// Regression (found by fuzzing): a partial with a byte that is not UTF-8 was a read error
/// naming no line.
#[test]
fn a_partial_line_that_is_not_utf8_is_an_error_naming_it() {
    let header = b"{\"termbridge\":\"partial\",\"version\":2}\r\n".to_vec();
    for (bytes, want) in [
        ([header.as_slice(), b"\n{\"name\":\"a\xff\"}\n"].concat(), "bad.jsonl:3: not valid UTF-8 at byte 10"),
        (b"{\"termbridge\xfe".to_vec(), "bad.jsonl:1: not valid UTF-8 at byte 12"),
    ] {
        let err = Partial::read_jsonl("bad.jsonl", bytes.as_slice()).unwrap_err().to_string();
        assert_eq!(err, want);
    }
}

/// Regression (found by fuzzing): a gloss standing for more glosses than any input holds
/// overflowed the sum of counts when two inputs were decided together.
#[test]
fn a_gloss_count_past_any_input_is_an_error_not_an_overflow() {
    let gloss = |count: u64| {
        format!(
            r#"{{"english":"RAG","abbreviation":null,"alias":null,"chinese":["检索",{{"start":0,"end":6}}],"method":"parenthesis","confidence":0.9,"site":{{"start":0,"end":9}},"line":1,"context":null,"count":{count}}}"#
        )
    };
    let input = |name: &str, count: u64| {
        format!(r#"{{"name":"{name}","forms":[],"english":[],"glosses":[{}],"reference":[]}}"#, gloss(count))
    };
    let header = "{\"termbridge\":\"partial\",\"version\":2}";
    let huge = format!("{header}\n{}\n{}\n", input("a.md", 3), input("b.md", u64::MAX));
    let err = Partial::read_jsonl("huge.jsonl", huge.as_bytes()).unwrap_err().to_string();
    assert_eq!(
        err,
        format!(
            "huge.jsonl:3: gloss 0: count {} is more than any input holds: not a partial termbridge wrote",
            u64::MAX
        )
    );
    let fine = format!("{header}\n{}\n{}\n", input("a.md", 3), input("b.md", u64::from(u32::MAX)));
    assert_eq!(Partial::read_jsonl("fine.jsonl", fine.as_bytes()).unwrap().len(), 2);
}

/// Regression: a partial whose indexes point past its lists (crafted, or damaged) made
/// `merge` and `Extractor::decide` panic.
#[test]
fn a_partial_with_indexes_out_of_range_is_an_error_not_a_panic() {
    let header = "{\"termbridge\":\"partial\",\"version\":2}\n";
    let form = r#"{"text":"RAG","context":"RAG 很好。"}"#;
    let english = |form: usize| format!(r#"{{"form":{form},"span":{{"start":0,"end":3}},"line":1,"title":false}}"#);
    let input = |english: &str, reference: &str| {
        format!(r#"{{"name":"a.md","forms":[{form}],"english":[{english}],"glosses":[],"reference":[{reference}]}}"#)
    };
    let table: &[(String, &str)] = &[
        (input(&english(7), ""), "english 0: form 7 is out of range (1 forms)"),
        (input(&english(0), r#"{"chinese":"检索","count":1,"near":[[5,12]]}"#), "reference 0: near form 5"),
        (input(&english(0), r#"{"chinese":"检索","count":0,"near":[]}"#), "reference 0: count 0"),
        (input(&english(0).replace("\"end\":3", "\"end\":0").replace("\"start\":0", "\"start\":9"), ""), "ends before"),
        // a span past any input an offset can hold, which reads but could not be written back
        (input(&english(0).replace("\"end\":3", "\"end\":18446744073709551615"), ""), "runs past any input"),
    ];
    // a gloss's line past any input
    let gloss = r#"{"english":"RAG","abbreviation":null,"alias":null,"chinese":["检索",{"start":0,"end":6}],"method":"parenthesis","confidence":0.9,"site":{"start":0,"end":12},"line":18446744073709551615,"context":null,"count":1}"#;
    let far_line =
        format!(r#"{{"name":"a.md","forms":[{form}],"english":[{}],"glosses":[{gloss}],"reference":[]}}"#, english(0));
    let table: Vec<(String, &str)> =
        table.iter().cloned().chain([(far_line, "gloss 0: line 18446744073709551615 runs past any input")]).collect();
    let extractor = Extractor::builder().build().unwrap();
    for (line, want) in &table {
        let text = format!("{header}{line}\n");
        let err = Partial::read_jsonl("p.jsonl", text.as_bytes()).unwrap_err().to_string();
        assert!(err.starts_with("p.jsonl:2: ") && err.contains(want), "{err}");
    }
    // the same input with its indexes in range reads and decides
    let good = format!("{header}{}\n", input(&english(0), r#"{"chinese":"检索","count":1,"near":[[0,12]]}"#));
    let partial = Partial::read_jsonl("p.jsonl", good.as_bytes()).unwrap();
    assert_eq!(extractor.decide(&partial).get("RAG").unwrap().frequency, 1);
}

#[test]
fn partial_files_are_checked() {
    let table: &[(&str, &str)] = &[
        ("", "p.jsonl:1: not a termbridge partial file (no header line)"),
        ("english,chinese\n", "p.jsonl:1: not a termbridge partial file (no header line)"),
        ("{\"termbridge\":\"partial\",\"version\":99}\n", "p.jsonl:1: partial format version 99 is not 3"),
        ("{\"termbridge\":\"partial\",\"version\":1}\n", "p.jsonl:1: partial format version 1 is not 3"),
        ("{\"termbridge\":\"partial\",\"version\":3}\n{\"name\":3}\n", "p.jsonl:2: invalid type"),
        ("{\"termbridge\":\"partial\",\"version\":2}\n{\"name\":3}\n", "p.jsonl:2: invalid type"),
    ];
    for (text, want) in table {
        let err = Partial::read_jsonl("p.jsonl", text.as_bytes()).unwrap_err().to_string();
        assert!(err.starts_with(want), "{err}");
    }
}

#[test]
fn command_line_map_and_reduce() {
    let dir = tempfile::tempdir().unwrap();
    let bin = env!("CARGO_BIN_EXE_termbridge");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut names: Vec<_> = std::fs::read_dir(&fixtures)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !p.to_string_lossy().ends_with(".csv"))
        .collect();
    names.sort();
    // map: one partial per pair of files
    let mut parts = Vec::new();
    for (i, pair) in names.chunks(2).enumerate() {
        let out = dir.path().join(format!("part{i}.jsonl"));
        let mut args: Vec<&std::ffi::OsStr> =
            vec!["extract".as_ref(), "--partial".as_ref(), "-o".as_ref(), out.as_os_str()];
        args.extend(pair.iter().map(|p| p.as_os_str()));
        let status = Command::new(bin).args(&args).status().unwrap();
        assert!(status.success());
        parts.push(out);
    }
    // reduce, in another order
    parts.reverse();
    let mut args: Vec<&std::ffi::OsStr> = vec!["merge".as_ref()];
    args.extend(parts.iter().map(|p| p.as_os_str()));
    let merged = Command::new(bin).args(&args).output().unwrap();
    assert!(merged.status.success(), "{}", String::from_utf8_lossy(&merged.stderr));
    let mut args: Vec<&std::ffi::OsStr> = vec!["extract".as_ref()];
    args.extend(names.iter().map(|p| p.as_os_str()));
    let one = Command::new(bin).args(&args).output().unwrap();
    assert_eq!(String::from_utf8(merged.stdout).unwrap(), String::from_utf8(one.stdout).unwrap());
    // a partial mixed with a glossary is refused
    let glossary = dir.path().join("g.csv");
    std::fs::write(&glossary, "english,chinese\nx,甲\n").unwrap();
    let out = Command::new(bin).args(["merge".as_ref(), parts[0].as_os_str(), glossary.as_os_str()]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// The inputs of the size tests: the fixtures as one book, prose that names the same terms
/// again and again, and a text in which every sentence glosses a new term (each sentence is
/// quoted, so the facts are more than the text until compressed). (A text of a few
/// sentences, or one that glosses a term in nearly every sentence, can give a partial longer
/// than itself: its sentences alone are nearly all of it.)
fn sized_inputs() -> Vec<(String, String)> {
    let book: String = fixtures().iter().map(|f| f.text.clone() + "\n\n").collect();
    let prose = "模型在训练时使用随机梯度下降（stochastic gradient descent）来更新参数。\
                 我们在 GPU 上训练 Transformer 模型，每个 epoch 之后评估一次，并记录 loss 的变化。\
                 学习率按余弦退火调整，batch size 设为 256，优化器使用 AdamW。\n\n";
    let glossed: String = (0..3000)
        .map(|i| format!("第 {i} 个实验使用了新的方法名称（Method Number X{i:x} Variant），效果很好。"))
        .collect();
    vec![("book.md".into(), book), ("prose.md".into(), prose.repeat(200)), ("glossed.md".into(), glossed)]
}

/// A partial is no longer than its input: sentences are written once, places as
/// differences, and the line of an input whose facts would be longer than it is compressed.
#[test]
fn a_partial_is_no_longer_than_its_input() {
    let extractor = Extractor::builder().build().unwrap();
    for (name, text) in sized_inputs() {
        let source = Source { name: &name, text: &text, markup: termbridge::Markup::Markdown };
        let partial = extractor.partial(&[source]);
        let mut out = Vec::new();
        partial.write_jsonl(&mut out).unwrap();
        assert!(out.len() <= text.len(), "{name}: a partial of {} bytes for {} bytes of input", out.len(), text.len());
        // and it reads back as it was, deciding the same glossary
        let back = Partial::read_jsonl("p.jsonl", out.as_slice()).unwrap();
        assert_eq!(back, partial, "{name}");
        assert_eq!(extractor.decide(&back), extractor.extract_sources(&[source]), "{name}");
    }
}

/// The line of an input whose facts are longer than it is compressed, and still one line.
#[test]
fn a_long_line_is_compressed_and_read_back() {
    let extractor = Extractor::builder().build().unwrap();
    let (name, text) = sized_inputs().pop().unwrap();
    let partial = extractor.partial(&[Source { name: &name, text: &text, markup: termbridge::Markup::Markdown }]);
    let mut out = Vec::new();
    partial.write_jsonl(&mut out).unwrap();
    let out = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[1].starts_with("{\"name\":\"glossed.md\",\"bytes\":") && lines[1].contains("\"zstd\":\""));
    // damaged: an error naming the line, never a panic
    let cut = lines[1].len() / 2;
    for bad in [
        format!("{}\n{}\"}}\n", lines[0], &lines[1][..cut]),
        lines[1].replacen("\"zstd\":\"", "\"zstd\":\"*", 1),
        lines[1].replacen("\"zstd\":\"KLUv", "\"zstd\":\"AAAA", 1),
        lines[1].replacen("\"bytes\":", "\"bytes\":1", 1),
    ] {
        let text = if bad.starts_with("{\"termbridge\"") { bad } else { format!("{}\n{bad}\n", lines[0]) };
        let err = Partial::read_jsonl("p.jsonl", text.as_bytes()).unwrap_err().to_string();
        assert!(err.starts_with("p.jsonl:2: "), "{err}");
    }
}

/// Partials of versions 2 and 3 concatenated read as one: each header says how the lines
/// after it are written.
#[test]
fn partials_of_both_versions_concatenated_combine() {
    let v2 = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/partial/v2.partial")).unwrap();
    let old = Partial::read_jsonl("v2.partial", v2.as_bytes()).unwrap();
    assert!(!old.is_empty());
    let extractor = Extractor::builder().build().unwrap();
    let sources = fixtures();
    let new =
        extractor.partial(&[Source { name: &sources[0].name, text: &sources[0].text, markup: sources[0].markup }]);
    let mut v3 = Vec::new();
    new.write_jsonl(&mut v3).unwrap();
    let both = [v2.as_bytes(), v3.as_slice()].concat();
    let read = Partial::read_jsonl("both.jsonl", both.as_slice()).unwrap();
    assert_eq!(read, Partial::combine([old.clone(), new]));
    // the version-2 partial, written again, is read back the same
    let mut again = Vec::new();
    old.write_jsonl(&mut again).unwrap();
    assert!(again.starts_with(b"{\"termbridge\":\"partial\",\"version\":3}\n"));
    assert_eq!(Partial::read_jsonl("again.jsonl", again.as_slice()).unwrap(), old);
}

/// Bad numbers in a line of version 3 are errors naming the line and the item.
#[test]
fn bad_numbers_in_a_version_3_line_are_errors_naming_it() {
    let header = "{\"termbridge\":\"partial\",\"version\":3}";
    let line = |forms: &str, english: &str, titles: &str, glosses: &str| {
        format!(
            r#"{{"name":"a.md","bytes":40,"sentences":["RAG 很好。"],"forms":{forms},"english":{english},"titles":{titles},"glosses":{glosses},"reference":[]}}"#
        )
    };
    let gloss = |method: &str, sentence: &str| {
        format!(r#"[["RAG",null,null,["检索",-3,6],"{method}",0.9,3,9,1,{sentence},1]]"#)
    };
    let good = line(r#"[["RAG",0]]"#, "[0,0,3,1]", "[]", &gloss("p", "0"));
    let read = Partial::read_jsonl("p.jsonl", format!("{header}\n{good}\n").as_bytes()).unwrap();
    assert_eq!(read.len(), 1);
    let table: &[(String, &str)] = &[
        (line(r#"[["RAG",5]]"#, "[0,0,3,1]", "[]", "[]"), "form 0: sentence 5 of 1"),
        (line(r#"[["RAG",0]]"#, "[0,0,3]", "[]", "[]"), "english: 3 numbers, not 4 per occurrence"),
        (line(r#"[["RAG",0]]"#, "[0,-1,3,1]", "[]", "[]"), "english 0: -1 from 0 is before the start"),
        (line(r#"[["RAG",0]]"#, "[0,0,3,1]", "[4]", "[]"), "titles: occurrence 4 of 1"),
        (line(r#"[["RAG",0]]"#, "[9,0,3,1]", "[]", "[]"), "english 0: form 9 is out of range"),
        (line(r#"[["RAG",0]]"#, "[0,0,3,1]", "[]", &gloss("x", "0")), "gloss 0: method \"x\" is none of p, a, r"),
        (line(r#"[["RAG",0]]"#, "[0,0,3,1]", "[]", &gloss("p", "2")), "gloss 0: sentence 2 of 1"),
        (line(r#"[["RAG",0]]"#, "[0,0,3,1]", "[]", &gloss("p", "0").replace("-3,6", "-9,6")), "gloss 0: -9 from 3"),
    ];
    for (bad, want) in table {
        let err =
            Partial::read_jsonl("p.jsonl", format!("{header}\n{good}\n{bad}\n").as_bytes()).unwrap_err().to_string();
        assert!(err.starts_with("p.jsonl:3: ") && err.contains(want), "{err}");
    }
}
