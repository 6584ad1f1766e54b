//! `termbridge check`: findings through the library and the command line's reports and exit
//! codes (0 clean, 1 problems found, 2 errors).

use std::process::Command;
use termbridge::{Extractor, FindingKind, Glossary};

const GLOSSARY: &str = "english,chinese\nepoch,轮次\nconvolutional neural network,卷积神经网络\nattention,注意力\n";

fn kinds(text: &str) -> Vec<(FindingKind, String, String)> {
    let glossary = Glossary::from_csv_reader("g.csv", GLOSSARY.as_bytes()).unwrap();
    let extractor = Extractor::builder().build().unwrap();
    extractor.check(&glossary, text).into_iter().map(|f| (f.kind, f.english, f.chinese)).collect()
}

#[test]
fn findings() {
    use FindingKind::*;
    type Want<'a> = &'a [(FindingKind, &'a str, &'a str)];
    let table: &[(&str, &str, Want)] = &[
        ("clean", "每一轮次（epoch）结束时，我们检查注意力（attention）的分布。", &[]),
        ("no glosses at all", "我们训练了 10 个 epoch。", &[]),
        ("mismatch", "每个迭代周期（epoch）结束时评估一次。", &[(Mismatch, "epoch", "迭代周期")]),
        (
            "inconsistent and mismatched",
            "第一个轮次（epoch）很慢。\n后面每个时期（epoch）都很快。",
            &[(Inconsistent, "epoch", "轮次"), (Mismatch, "epoch", "时期"), (Inconsistent, "epoch", "时期")],
        ),
        (
            "one Chinese for two English terms",
            "这里的卷积神经网络（CNN）很深。\n另一个卷积神经网络（RNN）其实是循环网络。",
            &[(Conflict, "CNN", "卷积神经网络"), (Conflict, "RNN", "卷积神经网络")],
        ),
        (
            "a term and its acronym are one concept",
            "卷积神经网络（convolutional neural network，CNN）。后文的卷积神经网络（CNN）同上。",
            &[],
        ),
    ];
    for (what, text, want) in table {
        let got = kinds(text);
        let want: Vec<(FindingKind, String, String)> =
            want.iter().map(|(k, e, z)| (*k, e.to_string(), z.to_string())).collect();
        assert_eq!(got, want, "{what}");
    }
}

#[test]
fn findings_say_where() {
    let glossary = Glossary::from_csv_reader("g.csv", GLOSSARY.as_bytes()).unwrap();
    let extractor = Extractor::builder().build().unwrap();
    let text = "第一行没有术语。\n每个迭代周期（epoch）结束时评估一次。";
    let f = &extractor.check(&glossary, text)[0];
    assert_eq!(f.line, 2);
    assert_eq!(&text[f.span.range()], "迭代周期（epoch）");
    assert_eq!(f.sentence, "每个迭代周期（epoch）结束时评估一次。");
    assert_eq!(f.others, ["轮次"]);
}

fn termbridge(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_termbridge")).args(args).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn command_line_reports_and_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g.csv");
    std::fs::write(&g, GLOSSARY).unwrap();
    let clean = dir.path().join("clean.md");
    std::fs::write(&clean, "每一轮次（epoch）结束时保存。\n").unwrap();
    let bad = dir.path().join("bad.md");
    std::fs::write(&bad, "第一行。\n每个迭代周期（epoch）结束时评估一次。\n").unwrap();
    let (g, clean, bad) = (g.to_str().unwrap(), clean.to_str().unwrap(), bad.to_str().unwrap());

    let (code, out, _) = termbridge(&["check", "--glossary", g, clean]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(out, "0 problems found in 1 file\n");

    let (code, out, _) = termbridge(&["check", "--glossary", g, bad]);
    assert_eq!(code, 1);
    assert!(
        out.starts_with(&format!("{bad}:2: mismatch: \"epoch\" is glossed as 迭代周期 but the glossary has 轮次\n")),
        "{out}"
    );
    assert!(out.contains("    每个迭代周期（epoch）结束时评估一次。\n"), "{out}");

    let (code, out, _) = termbridge(&["check", "--glossary", g, "--format", "json", bad, clean]);
    assert_eq!(code, 1);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let f = &json["findings"][0];
    assert_eq!((f["kind"].as_str(), f["line"].as_u64(), f["source"].as_str()), (Some("mismatch"), Some(2), Some(bad)));

    let (code, _, err) = termbridge(&["check", "--glossary", "/no/such/glossary.csv", clean]);
    assert_eq!(code, 2);
    assert!(err.contains("/no/such/glossary.csv"), "{err}");
    let (code, _, err) = termbridge(&["check", clean]);
    assert_eq!(code, 2, "{err}");
}
