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
    ];
    let extractor = Extractor::builder().build().unwrap();
    for (line, want) in table {
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
        ("{\"termbridge\":\"partial\",\"version\":99}\n", "p.jsonl:1: partial format version 99 is not 2"),
        ("{\"termbridge\":\"partial\",\"version\":1}\n", "p.jsonl:1: partial format version 1 is not 2"),
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
