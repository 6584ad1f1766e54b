//! The termbase formats that translation tools import: TBX-Basic (v3, checked against the
//! dialect's schemas), TBX 2008 (`martif`, read back here and by translate-toolkit), and the
//! language tags both carry.

use super::run;
use super::validators;
use std::ffi::OsStr;
use std::path::Path;
use std::process::Command;
use termbridge::{Format, Glossary, LanguageTag, Languages, WriteOptions};

const TEXT: &str = "我们比较了检索增强生成（Retrieval-Augmented Generation，RAG）与微调。RAG 很有效。\
    过拟合（overfitting）很常见，<b>&\"'也要注意。训练时使用随机梯度下降（stochastic gradient descent，SGD）。";

fn extract(text: &str) -> Glossary {
    termbridge::Extractor::builder().build().unwrap().extract(text)
}

fn written(g: &Glossary, format: Format, options: &WriteOptions) -> String {
    let mut out = Vec::new();
    g.write(format, options.clone(), &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// A termbase with a tombstone, merged with an extraction, in `dir`.
fn merged_with_tombstone(dir: &Path, format: &str) -> Vec<u8> {
    std::fs::write(dir.join("old.csv"), "english,chinese,status\nfine-tuning,微调,deleted\nRAG,检索增强生成,\n")
        .unwrap();
    std::fs::write(dir.join("a.txt"), TEXT).unwrap();
    let (code, csv, err) = run(&["extract", "-q", "a.txt", "-o", "new.csv"], dir);
    assert_eq!(code, 0, "{err}{csv:?}");
    let (code, out, err) = run(&["merge", "old.csv", "new.csv", "-f", format], dir);
    assert_eq!(code, 0, "{err}");
    out
}

#[test]
fn tbx_basic_passes_the_dialects_schemas() {
    let Some(check) = validators::find() else { return };
    let dir = tempfile::tempdir().unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let (code, out, err) = run(
        &["extract".as_ref(), "-q".as_ref(), "-f".as_ref(), "tbx-basic".as_ref(), fixtures.as_os_str()],
        dir.path(),
    );
    assert_eq!(code, 0, "{err}");
    let file = dir.path().join("fixtures.tbx");
    std::fs::write(&file, &out).unwrap();
    check.check(&file).unwrap();
    let xml = String::from_utf8(out).unwrap();
    // the header names no local path
    let header = &xml[..xml.find("</tbxHeader>").unwrap()];
    assert!(header.contains("<p>input: abstract.txt</p>"), "{header}");
    assert!(!header.contains(fixtures.to_str().unwrap()), "{header}");

    let tombstone = merged_with_tombstone(dir.path(), "tbx");
    std::fs::write(&file, &tombstone).unwrap();
    check.check(&file).unwrap();
    assert!(String::from_utf8(tombstone)
        .unwrap()
        .contains("<termNote type=\"administrativeStatus\">deprecatedTerm-admn-sts"));
}

#[test]
fn the_schema_checks_can_fail() {
    let Some(check) = validators::find() else { return };
    let dir = tempfile::tempdir().unwrap();
    let good = written(&extract(TEXT), Format::Tbx, &WriteOptions::default());
    let cases = [
        ("a part of speech the dialect lacks", good.replace(">noun<", ">properNoun<")),
        ("a context on the concept", good.replacen("<note>", "<descrip type=\"context\">x</descrip><note>", 1)),
        ("an element out of place", good.replacen("<termSec>", "<termSec><note>x</note>", 1)),
    ];
    for (name, xml) in cases {
        let file = dir.path().join("bad.tbx");
        std::fs::write(&file, xml).unwrap();
        assert!(check.check(&file).is_err(), "{name} passed");
    }
}

#[test]
fn tbx_and_tbx_basic_are_one_format() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), TEXT).unwrap();
    let (_, tbx, _) = run(&["extract", "-q", "a.txt", "-f", "tbx"], dir.path());
    let (_, basic, _) = run(&["extract", "-q", "a.txt", "-f", "tbx-basic"], dir.path());
    assert_eq!(tbx, basic);
    let xml = String::from_utf8(tbx).unwrap();
    assert!(xml.contains("<termNote type=\"partOfSpeech\">noun</termNote>"));
    assert!(xml.contains("<admin type=\"source\">a.txt:1</admin>"));
}

/// Reads `xml` back, as `merge` and `--reference` would.
fn read_back(xml: &str) -> Glossary {
    Glossary::from_tbx_reader("back.tbx", xml.as_bytes()).unwrap()
}

#[test]
fn both_tbx_versions_read_back_whole() {
    let g = extract(TEXT);
    for format in [Format::Tbx, Format::Tbx2008] {
        let xml = written(&g, format, &WriteOptions::default());
        let back = read_back(&xml);
        assert_eq!(back.len(), g.len(), "{format:?}");
        for (a, b) in g.entries().iter().zip(back.entries()) {
            let fields = |e: &termbridge::Entry| {
                (e.english.clone(), e.chinese.clone(), e.abbreviation.clone(), e.variants.clone(), e.category)
            };
            assert_eq!(fields(a), fields(b), "{format:?}");
            assert_eq!((a.frequency, &a.source, &a.context, &a.note), (b.frequency, &b.source, &b.context, &b.note));
        }
    }
}

#[test]
fn tbx_2008_is_martif() {
    let xml = written(&extract(TEXT), Format::Tbx2008, &WriteOptions::default());
    for part in [
        "<!DOCTYPE martif SYSTEM \"TBXcoreStructV02.dtd\">",
        "<martif type=\"TBX-Basic\" xml:lang=\"en\">",
        "<martifHeader>",
        "<sourceDesc>",
        "<termEntry id=\"c1\">",
        "<langSet xml:lang=\"zh-Hans\">",
        "<tig>",
        "<termNote type=\"partOfSpeech\">noun</termNote>",
        "<termNote type=\"termType\">abbreviation</termNote>",
        "<descrip type=\"context\">",
    ] {
        assert!(xml.contains(part), "{part} in {xml}");
    }
    assert!(!xml.contains("conceptEntry") && !xml.contains("langSec") && !xml.contains("termSec"));
}

/// translate-toolkit's TBX storage (what Weblate imports with) reads the `martif` file with
/// the same entries: one unit per concept, in order, its id the concept's, its source the
/// English and its target the first Chinese (the English itself for a row kept in English).
/// Skipped with a note where translate-toolkit is missing, unless the checks are required.
#[test]
fn translate_toolkit_reads_tbx_2008_with_the_same_entries() {
    if !validators::python_has("translate.storage.tbx", "translate-toolkit") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/abstract.txt");
    let text = format!(
        "{}\n{TEXT}\nKubernetes 很好用，Kubernetes 也很流行，Kubernetes 集群。\n",
        std::fs::read_to_string(fixture).unwrap()
    );
    let g = extract(&text);
    assert!(g.len() > 50 && g.entries().iter().any(|e| e.is_kept_in_english()), "{}", g.len());
    let file = dir.path().join("g.tbx");
    std::fs::write(&file, written(&g, Format::Tbx2008, &WriteOptions::default())).unwrap();
    let script = "import sys, json\nfrom translate.storage import tbx\nstore = tbx.tbxfile.parsefile(sys.argv[1])\n\
                  print(json.dumps([[u.getid(), u.source, u.target or ''] for u in store.units], ensure_ascii=False))\n";
    let out = Command::new("python3").args(["-c", script]).arg(&file).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let units: Vec<(String, String, String)> = serde_json::from_slice(&out.stdout).unwrap();
    let want: Vec<(String, String, String)> = g
        .entries()
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let kept = e.chinese.is_empty() && e.is_kept_in_english();
            let zh = if kept { e.english.clone() } else { e.chinese.first().cloned().unwrap_or_default() };
            (format!("c{}", i + 1), e.english.clone(), zh)
        })
        .collect();
    assert_eq!(units, want);
}

#[test]
fn language_tags_reach_every_tbx() {
    let tag = |s: &str| s.parse::<LanguageTag>().unwrap();
    let options =
        WriteOptions { languages: Languages::new(tag("en-US"), tag("zh-Hant-TW")).unwrap(), ..WriteOptions::default() };
    let g = extract(TEXT);
    for format in [Format::Tbx, Format::Tbx2008] {
        let xml = written(&g, format, &options);
        assert!(xml.contains("xml:lang=\"en-US\">"), "{format:?}");
        assert!(xml.contains("xml:lang=\"zh-Hant-TW\">"), "{format:?}");
        assert!(!xml.contains("xml:lang=\"zh-Hans\"") && !xml.contains("xml:lang=\"en\""));
        // read back: the tags still say which side is which
        assert_eq!(read_back(&xml).entries()[0].chinese, g.entries()[0].chinese);
    }
}

#[test]
fn traditional_input_is_tagged_zh_hant() {
    let dir = tempfile::tempdir().unwrap();
    let traditional = "我們使用檢索增強生成（Retrieval-Augmented Generation，RAG）來減少幻覺，這種方法很有效。";
    std::fs::write(dir.path().join("t.txt"), traditional).unwrap();
    let (_, xml, _) = run(&["extract", "-q", "t.txt", "-f", "tbx"], dir.path());
    assert!(String::from_utf8(xml).unwrap().contains("<langSec xml:lang=\"zh-Hant\">"));
    // decoded from Big5: Traditional, whatever the few characters say
    let (big5, _, _) = encoding_rs::BIG5.encode("資料（data）");
    std::fs::write(dir.path().join("b.txt"), &big5).unwrap();
    let (code, xml, err) =
        run(&["extract", "-q", "b.txt", "--encoding", "big5", "-f", "tbx-2008", "--min-score", "0"], dir.path());
    assert_eq!(code, 0, "{err}");
    assert!(String::from_utf8(xml).unwrap().contains("<langSet xml:lang=\"zh-Hant\">"));
    // an explicit tag wins
    let (_, xml, _) = run(&["extract", "-q", "t.txt", "-f", "tbx", "--target-lang", "zh-Hans-SG"], dir.path());
    assert!(String::from_utf8(xml).unwrap().contains("<langSec xml:lang=\"zh-Hans-SG\">"));
}

#[test]
fn bad_tags_are_errors_naming_them() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), TEXT).unwrap();
    for (args, needle) in [
        (&["--target-lang", "zh_CN"][..], "\"zh_CN\" is not a BCP 47 language tag"),
        (&["--source-lang", "en-"][..], "\"en-\" is not a BCP 47 language tag"),
        (&["--source-lang", "fr"][..], "the source language \"fr\" is not English"),
        (&["--target-lang", "ja-JP"][..], "the target language \"ja-JP\" is not Chinese"),
        (&["--direction", "en"][..], "unknown direction \"en\""),
    ] {
        let mut all = vec!["extract", "-q", "a.txt", "-f", "tbx"];
        all.extend(args);
        let (code, _, err) = run(&all, dir.path());
        assert_eq!(code, 2, "{args:?}");
        assert!(err.contains(needle), "{args:?}: {err}");
    }
}

#[test]
fn termbases_name_no_local_path() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir_all(docs.join("part")).unwrap();
    std::fs::write(docs.join("a.txt"), TEXT).unwrap();
    std::fs::write(docs.join("part/b.txt"), "模型会过拟合（overfitting）。").unwrap();
    let absolute = docs.canonicalize().unwrap();
    let local = absolute.parent().unwrap().to_string_lossy().into_owned();
    for format in ["tbx", "tbx-2008"] {
        let (code, xml, err) = run(
            &[OsStr::new("extract"), OsStr::new("-q"), absolute.as_os_str(), OsStr::new("-f"), OsStr::new(format)],
            dir.path(),
        );
        assert_eq!(code, 0, "{err}");
        let xml = String::from_utf8(xml).unwrap();
        assert!(!xml.contains(&local), "{format}: a local path in {xml}");
        assert!(xml.contains("<admin type=\"source\">a.txt:1</admin>"), "{format}: {xml}");
        assert!(xml.contains("<p>input: part/b.txt</p>"), "{format}: {xml}");
    }
}
