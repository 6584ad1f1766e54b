//! The export formats and the termbase merge, through the public API.

use termbridge::{Extractor, Glossary};
use termbridge::{Format, WriteOptions};

fn glossary(csv: &str) -> Glossary {
    Glossary::from_csv_reader("g.csv", csv.as_bytes()).unwrap()
}

fn write(g: &Glossary, format: Format, raw_csv: bool) -> (String, Vec<String>) {
    let mut out = Vec::new();
    let report = g.write(format, WriteOptions { raw: raw_csv, ..WriteOptions::default() }, &mut out).unwrap();
    (String::from_utf8(out).unwrap(), report.dropped)
}

#[test]
fn csv_neutralises_formulas_unless_raw() {
    let g = glossary("english,chinese,note\n=HYPERLINK(\"x\"),甲,+1\n@SUM,-乙,\nplain,丙,ok\n");
    let (safe, _) = write(&g, Format::Csv, false);
    for cell in ["'=HYPERLINK", "'@SUM", "'-乙", "'+1"] {
        assert!(safe.contains(cell), "{cell} in {safe}");
    }
    assert!(safe.contains("plain,丙,"));
    let (raw, _) = write(&g, Format::Csv, true);
    assert!(raw.contains("=HYPERLINK") && !raw.contains("'="), "{raw}");
    // neutralised cells read back as they were written
    let back = Glossary::from_csv_reader("safe.csv", safe.as_bytes()).unwrap();
    assert_eq!(back.entries(), g.entries());
}

#[test]
fn csv_round_trip_keeps_unknown_columns() {
    let text = "english,chinese,reviewer,status\ndropout,暂退法,lin,\nLLM,大模型,,deleted\n";
    let g = glossary(text);
    let (out, _) = write(&g, Format::Csv, false);
    assert!(out.lines().next().unwrap().ends_with(",note,reviewer,status"), "{out}");
    let again = glossary(&out);
    assert_eq!(again.entries(), g.entries());
    assert!(again.get("LLM").unwrap().is_deleted());
}

#[test]
fn omegat_tsv_has_one_line_per_pair() {
    let g = glossary("english,chinese,abbreviation,note\nretrieval-augmented generation,检索增强生成|检索增强,RAG,见第二章\nbare,,,\n");
    let (tsv, _) = write(&g, Format::Tsv, false);
    assert_eq!(
        tsv,
        "retrieval-augmented generation\t检索增强生成\tabbr: RAG; 见第二章\n\
         retrieval-augmented generation\t检索增强\tabbr: RAG; 见第二章\n\
         RAG\t检索增强生成\tabbr: RAG; 见第二章\n\
         RAG\t检索增强\tabbr: RAG; 见第二章\n"
    );
}

#[test]
fn tsv_cells_never_break_lines() {
    let g = glossary("english,chinese,note\n\"two\nlines\",\"甲\t乙\",\"a\u{85}b\rc\"\n");
    let (tsv, _) = write(&g, Format::Tsv, false);
    assert_eq!(tsv, "two lines\t甲 乙\ta b c\n");
}

#[test]
fn deepl_rules() {
    let long = "x".repeat(1100);
    let csv = format!(
        "english,chinese,abbreviation\nmodel,模型,\nModel,模型二,\nfine-tuning,微调,FT\n{long},长,\nempty target,\"  \",\nctl,\"a\u{85}b\",\nnone,,\n"
    );
    let g = glossary(&csv);
    let (tsv, dropped) = write(&g, Format::Deepl, false);
    assert_eq!(tsv, "model\t模型\nModel\t模型二\nfine-tuning\t微调\nFT\t微调\n");
    assert_eq!(dropped.len(), 2, "{dropped:?}"); // the 1100-byte source and the control character
    assert!(dropped.iter().any(|d| d.contains("longer than 1024 bytes")), "{dropped:?}");
    assert!(dropped.iter().any(|d| d.contains("control character")), "{dropped:?}");
    // sources are unique
    let dup = glossary("english,chinese\nattention,注意力\nattention,关注\n");
    let (tsv, dropped) = write(&dup, Format::Deepl, false);
    assert_eq!(tsv, "attention\t注意力\n");
    assert!(dropped[0].contains("already in the glossary"), "{dropped:?}");
}

#[test]
fn json_has_every_field_and_the_occurrences() {
    let extractor = Extractor::builder().build().unwrap();
    let text = "我们比较了检索增强生成（Retrieval-Augmented Generation，RAG）。\nRAG 很有效。";
    let g = extractor.extract(text);
    let (json, _) = write(&g, Format::Json, false);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["version"], 1);
    let e = &v["entries"][0];
    assert_eq!(e["english"], "Retrieval-Augmented Generation");
    assert_eq!(e["chinese"][0], "检索增强生成");
    assert_eq!(e["abbreviation"], "RAG");
    for field in ["variants", "category", "frequency", "confidence", "method", "source", "context", "note"] {
        assert!(e.get(field).is_some(), "no {field} in {e}");
    }
    let occ = e["occurrences"].as_array().unwrap();
    assert_eq!(occ.len(), 3);
    let last = &occ[2];
    assert_eq!((last["file"].as_str(), last["line"].as_u64()), (Some("<input>"), Some(2)));
    let (s, t) = (last["start"].as_u64().unwrap() as usize, last["end"].as_u64().unwrap() as usize);
    assert_eq!(&text[s..t], "RAG");
}

#[test]
fn synonym_lines() {
    let g = glossary("english,chinese,abbreviation,variants\nchain of thought,思维链,CoT,chain-of-thought\n\"a, b\",甲,,\nalone,,,\n");
    let (syn, _) = write(&g, Format::Synonyms, false);
    assert_eq!(syn, "思维链, chain of thought, chain-of-thought, cot\n甲, a\\, b\n");
}

#[test]
fn tools_formats_leave_out_tombstones_termbase_formats_keep_them() {
    let g = glossary("english,chinese,status\ndropout,暂退法,\nLLM,大模型,deleted\n");
    for format in [Format::Tsv, Format::Deepl, Format::Synonyms] {
        let (out, _) = write(&g, format, false);
        assert!(out.contains("暂退法") && !out.contains("大模型"), "{format:?}: {out}");
    }
    for format in [Format::Csv, Format::Json, Format::Tbx] {
        let (out, _) = write(&g, format, false);
        assert!(out.contains("大模型"), "{format:?}: {out}");
    }
}

#[test]
fn command_line_formats_and_encodings() {
    let dir = tempfile::tempdir().unwrap();
    let text = "思维链（chain of thought，CoT）让模型先写推理步骤。\n";
    let utf8 = dir.path().join("a.txt");
    std::fs::write(&utf8, text).unwrap();
    let (gbk, _, _) = encoding_rs::GB18030.encode(text);
    let gbk_path = dir.path().join("b.txt");
    std::fs::write(&gbk_path, &gbk).unwrap();
    let bin = env!("CARGO_BIN_EXE_termbridge");
    let run = |args: &[&str]| std::process::Command::new(bin).args(args).output().unwrap();
    let a = utf8.to_str().unwrap();
    let b = gbk_path.to_str().unwrap();

    let out = run(&["extract", a, "--format", "synonyms"]);
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "思维链, chain of thought, cot\n");
    let out = run(&["extract", a, "-f", "tsv"]);
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "chain of thought\t思维链\tabbr: CoT\nCoT\t思维链\tabbr: CoT\n");
    let out = run(&["extract", a, "-f", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["entries"][0]["english"], "chain of thought");
    let out = run(&["extract", a, "-f", "tbx"]);
    assert!(String::from_utf8(out.stdout).unwrap().contains("<term>思维链</term>"));

    // GB18030 detected or named gives the same glossary
    let detected = run(&["extract", b, "-f", "tsv"]);
    let named = run(&["extract", b, "-f", "tsv", "--encoding", "gbk"]);
    let from_utf8 = run(&["extract", a, "-f", "tsv"]);
    assert_eq!(detected.stdout, from_utf8.stdout);
    assert_eq!(named.stdout, from_utf8.stdout);

    for bad in [&["extract", a, "-f", "ods"][..], &["extract", a, "--encoding", "klingon"][..]] {
        let out = run(bad);
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        assert!(!String::from_utf8_lossy(&out.stderr).is_empty());
    }
}

#[test]
fn tsv_and_headerless_lists_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let g = glossary("english,chinese,note\ndropout,暂退法,常用\nchain of thought,思维链,\n");
    let (tsv, _) = write(&g, Format::Tsv, false);
    let table: &[(&str, &str)] = &[
        ("omegat.tsv", tsv.as_str()),
        ("omegat.txt", tsv.as_str()),
        ("two.csv", "dropout,暂退法\nchain of thought,思维链\n"),
        ("named.tsv", "English\tChinese\ndropout\t暂退法\nchain of thought\t思维链\n"),
    ];
    for (name, content) in table {
        let path = dir.path().join(name);
        std::fs::write(&path, content).unwrap();
        let back = Glossary::from_path(&path).unwrap();
        assert_eq!(back.get("dropout").unwrap().chinese, ["暂退法"], "{name}");
        assert_eq!(back.get("chain of thought").unwrap().chinese, ["思维链"], "{name}");
    }
    let back = Glossary::from_path(&dir.path().join("omegat.tsv")).unwrap();
    assert_eq!(back.get("dropout").unwrap().note, "常用");
}

/// Regression: OmegaT TSV and DeepL cells that a spreadsheet would run as formulas were
/// written as they were, while CSV neutralised them.
#[test]
fn tsv_and_deepl_neutralise_formulas_unless_raw() {
    let mut e = termbridge::Entry::new("=HYPERLINK(\"http://example.com\")");
    e.chinese = vec!["+SUM(A1)".into()];
    e.note = "@cmd".into();
    let g = Glossary::from_entries(vec![e]);
    for format in [Format::Tsv, Format::Deepl] {
        let (safe, _) = write(&g, format, false);
        assert!(!safe.is_empty(), "{format:?}");
        for cell in safe.lines().flat_map(|l| l.split('\t')) {
            assert!(!cell.starts_with(['=', '+', '-', '@']), "{format:?}: {cell:?}");
        }
        let (raw, _) = write(&g, format, true);
        assert!(raw.starts_with("=HYPERLINK") && raw.contains("\t+SUM(A1)"), "{format:?}: {raw:?}");
    }
}
