//! TBX export and import through the public API: `Glossary::write_tbx` and
//! `Glossary::from_tbx_reader`.

use quick_xml::events::Event;
use quick_xml::Reader;
use termbridge::{Category, Extractor, Format, Glossary, Markup, Source, WriteOptions};

const TEXT: &str = "我们比较了检索增强生成（Retrieval-Augmented Generation，RAG）与微调。RAG 很有效，\
    retrieval augmented generation 也常被提到。训练时使用带有动量的随机梯度下降（stochastic gradient \
    descent，SGD）。过拟合（overfitting）很常见，过度拟合（overfitting）也是一种说法。\
    我们在 PyTorch 中实现了所有模型。";

fn extract(text: &str) -> Glossary {
    Extractor::builder().builtin_reference(false).build().unwrap().extract(text)
}

fn tbx(g: &Glossary) -> String {
    let mut out = Vec::new();
    g.write_tbx(&mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn read(name: &str, xml: &str) -> Result<Glossary, termbridge::ImportError> {
    Glossary::from_tbx_reader(name, xml.as_bytes())
}

/// A `conceptEntry` as quick-xml sees it.
#[derive(Debug, Default)]
struct Concept {
    id: String,
    /// Notes directly under the concept.
    notes: Vec<String>,
    /// Language sections: `xml:lang` and the terms.
    langs: Vec<(String, Vec<String>)>,
}

/// The root element's name and attributes, and the concepts.
fn parse(xml: &str) -> (String, Vec<(String, String)>, Vec<Concept>) {
    let mut reader = Reader::from_str(xml);
    let mut root = None;
    let mut concepts: Vec<Concept> = Vec::new();
    let mut path: Vec<String> = Vec::new();
    let mut text = String::new();
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) => {
                let name = e.name().as_ref().to_string();
                let attrs: Vec<(String, String)> = e
                    .attributes()
                    .map(|a| {
                        let a = a.unwrap();
                        let value = a.normalized_value(quick_xml::XmlVersion::Implicit1_0).unwrap();
                        (a.key.as_ref().to_string(), value.into_owned())
                    })
                    .collect();
                let attr = |k: &str| attrs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
                if root.is_none() {
                    root = Some((name.clone(), attrs.clone()));
                }
                match name.as_str() {
                    "conceptEntry" => concepts.push(Concept { id: attr("id").unwrap(), ..Concept::default() }),
                    "langSec" => concepts.last_mut().unwrap().langs.push((attr("xml:lang").unwrap(), Vec::new())),
                    _ => {}
                }
                path.push(name);
                text.clear();
            }
            Event::Text(t) => text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => match r.resolve_char_ref().unwrap() {
                Some(c) => text.push(c),
                None => text.push_str(quick_xml::escape::resolve_predefined_entity(&r).unwrap()),
            },
            Event::End(_) => {
                let name = path.pop().unwrap();
                let parent = path.last().map(String::as_str);
                match (name.as_str(), parent) {
                    ("term", _) => {
                        let c = concepts.last_mut().unwrap();
                        c.langs.last_mut().unwrap().1.push(text.clone());
                    }
                    ("note", Some("conceptEntry")) => concepts.last_mut().unwrap().notes.push(text.clone()),
                    _ => {}
                }
                text.clear();
            }
            Event::Empty(e) => assert_eq!(e.name().as_ref(), "body", "only an empty body"),
            Event::Eof => break,
            _ => {}
        }
    }
    let (name, attrs) = root.unwrap();
    (name, attrs, concepts)
}

#[test]
fn one_concept_entry_per_glossary_entry() {
    let g = extract(TEXT);
    assert!(g.len() >= 4, "{:#?}", g.entries());
    assert!(g.entries().iter().any(|e| e.abbreviation.is_some()));
    assert!(g.entries().iter().any(|e| e.chinese.is_empty()), "PyTorch has no Chinese");
    let xml = tbx(&g);
    let (root, attrs, concepts) = parse(&xml);
    assert_eq!(root, "tbx");
    for want in [("type", "TBX-Basic"), ("style", "dca"), ("xml:lang", "en"), ("xmlns", "urn:iso:std:iso:30042:ed-2")] {
        assert!(attrs.contains(&(want.0.into(), want.1.into())), "{attrs:?}");
    }
    assert_eq!(concepts.len(), g.len());
    for (i, (c, e)) in concepts.iter().zip(g.entries()).enumerate() {
        assert_eq!(c.id, format!("c{}", i + 1));
        let mut english = vec![e.english.clone()];
        english.extend(e.abbreviation.clone());
        english.extend(e.variants.iter().cloned());
        let mut langs = vec![("en".to_string(), english)];
        if !e.chinese.is_empty() {
            langs.push(("zh-Hans".to_string(), e.chinese.clone()));
        } else if e.is_kept_in_english() {
            // kept in English: the English is its own Chinese, an identity pair
            langs.push(("zh-Hans".to_string(), vec![e.english.clone()]));
        }
        assert_eq!(c.langs, langs);
        assert!(c.notes.contains(&format!("frequency: {}", e.frequency)), "{:?}", c.notes);
        assert!(c.notes.contains(&format!("category: {}", e.category.as_str())));
        // the context and its source are the English term's (TBX-Basic), not the concept's
        assert!(!c.notes.iter().any(|n| n.starts_with("context:") || n.starts_with("source:")), "{:?}", c.notes);
    }
}

#[test]
fn read_back_gives_the_same_entries() {
    let g = extract(TEXT);
    let back = read("g.tbx", &tbx(&g)).unwrap();
    assert_eq!(back.sources(), g.sources());
    assert_eq!(back.len(), g.len());
    for (a, b) in back.entries().iter().zip(g.entries()) {
        // a row kept in English reads back with its English as its Chinese (an identity pair)
        let chinese =
            if b.chinese.is_empty() && b.is_kept_in_english() { vec![b.english.clone()] } else { b.chinese.clone() };
        assert_eq!(
            (&a.english, &a.abbreviation, &a.variants, &a.chinese),
            (&b.english, &b.abbreviation, &b.variants, &chinese)
        );
        assert_eq!((a.category, a.frequency, a.method), (b.category, b.frequency, b.method));
        assert_eq!((&a.source, &a.context, &a.note), (&b.source, &b.context, &b.note));
        assert_eq!(a.confidence.map(|c| format!("{c:.2}")), b.confidence.map(|c| format!("{c:.2}")));
    }
}

#[test]
fn tbx_read_tbx_is_byte_identical() {
    let extractor = Extractor::builder().build().unwrap();
    let texts = [
        TEXT,
        "大语言模型（large language model，LLM）很流行。LLM 也叫大模型。我们还测试了混合专家（Mixture of Experts，MoE）。",
    ];
    let sources: Vec<Source<'_>> = texts
        .iter()
        .zip(["a.txt", "notes/b&c <draft>.md"])
        .map(|(text, name)| Source { name, text, markup: Markup::Plain })
        .collect();
    for g in [extractor.extract(TEXT), extractor.extract_sources(&sources)] {
        let first = tbx(&g);
        let second = tbx(&read("first.tbx", &first).unwrap());
        assert_eq!(first, second);
    }
    // TBX-Core needs at least one entry: an empty glossary is an error, not an invalid file
    assert!(Glossary::default().write_tbx(Vec::new()).is_err());
}

/// Cells of a CSV glossary: english, chinese, abbreviation, variants, context, note, source,
/// reviewer (a column termbridge does not know).
const HOSTILE: [[&str; 8]; 3] = [
    [
        "a<b & c>d \"quoted\" 'single' ]]> end",
        "中<文>&amp",
        "A&B",
        "x]]>y",
        "上下文 <![CDATA[ x ]]> & &#13; \u{1F600} 👩‍💻",
        "line one\r\nline two\nfrequency: 3",
        "file<1>.txt:2",
        "Zhang \"Z\" <z@example.com>",
    ],
    [
        "ctrl\u{1}\u{8}\u{b}\u{c}\u{1f}chars\u{7f}\u{fffe}\u{ffff}",
        "控制\u{0}字符",
        "",
        "tab\there",
        "bell\u{7} and nul \u{0}",
        "category: name",
        "",
        "",
    ],
    ["emoji 🚀 term", "火箭🚀", "", "", "</note><note>category: name</note>", "<script>alert(1)</script>", "", "ok"],
];

/// What XML can hold of `s`: without the characters XML 1.0 does not allow.
fn xml_clean(s: &str) -> String {
    s.chars()
        .filter(|&c| matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..))
        .collect()
}

fn hostile_glossary() -> Glossary {
    let mut csv = Vec::new();
    {
        let mut w = csv::Writer::from_writer(&mut csv);
        w.write_record(["english", "chinese", "abbreviation", "variants", "context", "note", "source", "reviewer"])
            .unwrap();
        for row in HOSTILE {
            w.write_record(row).unwrap();
        }
    }
    Glossary::from_csv_reader("hostile.csv", csv.as_slice()).unwrap()
}

#[test]
fn hostile_strings_round_trip() {
    let g = hostile_glossary();
    assert_eq!(g.len(), HOSTILE.len());
    let xml = tbx(&g);
    // well-formed: quick-xml reads it, and every concept is there
    let (_, _, concepts) = parse(&xml);
    assert_eq!(concepts.len(), HOSTILE.len());
    assert!(!xml.contains('\u{0}') && !xml.contains('\u{1}') && !xml.contains('\u{ffff}'));
    assert!(!xml.contains("]]>"));

    let back = read("hostile.tbx", &xml).unwrap();
    assert_eq!(back.len(), g.len());
    for (a, b) in back.entries().iter().zip(g.entries()) {
        let clean = |s: &str| xml_clean(s).trim().to_string();
        assert_eq!(a.english, clean(&b.english));
        assert_eq!(a.chinese, b.chinese.iter().map(|s| clean(s)).collect::<Vec<_>>());
        assert_eq!(a.abbreviation, b.abbreviation.as_deref().map(clean));
        assert_eq!(a.variants, b.variants.iter().map(|s| clean(s)).collect::<Vec<_>>());
        assert_eq!(a.context, clean(&b.context));
        assert_eq!(a.note, clean(&b.note));
        assert_eq!(a.source, clean(&b.source));
        assert_eq!(a.category, b.category);
        assert_eq!(a.frequency, b.frequency);
        // TBX has no empty notes: empty cells are left out
        let filled = |e: &termbridge::Entry| {
            e.extra.iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| (k.clone(), v.clone())).collect::<Vec<_>>()
        };
        assert_eq!(filled(a), filled(b));
    }
    // exactly, where nothing had to be dropped
    let first = &back.entries()[0];
    assert_eq!(first.english, HOSTILE[0][0]);
    assert_eq!(first.context, HOSTILE[0][4]);
    assert_eq!(first.note, HOSTILE[0][5], "\\r\\n kept");
    assert_eq!(first.extra.get("reviewer").map(String::as_str), Some(HOSTILE[0][7]));
    assert_eq!(back.entries()[2].context, HOSTILE[2][4]);
    assert_eq!(back.entries()[1].english, "ctrlchars\u{7f}");

    assert_eq!(tbx(&back), xml, "TBX → read → TBX");
}

#[test]
fn reads_tbx_v2_martif() {
    let g = read("martif_v2.tbx", include_str!("../tbx/martif_v2.tbx")).unwrap();
    assert_eq!(g.len(), 3, "the concept without English is skipped: {:#?}", g.entries());
    let cnn = &g.entries()[0];
    assert_eq!(cnn.english, "convolutional neural network");
    assert_eq!(cnn.abbreviation.as_deref(), Some("CNN"));
    assert_eq!(cnn.variants, ["ConvNet"]);
    assert_eq!(cnn.chinese, ["卷积神经网络", "卷积网络"]);
    assert_eq!(cnn.note, "Checked by the terminology team");
    assert_eq!(cnn.category, Category::Term);

    let rd = &g.entries()[1];
    assert_eq!(rd.english, "R&D");
    assert_eq!(rd.chinese, ["研發"]);

    let llm = &g.entries()[2];
    assert_eq!(llm.english, "large language model");
    assert_eq!(llm.abbreviation.as_deref(), Some("LLM"), "an acronym of the full form");
    assert!(llm.chinese.is_empty());
    assert!(g.sources().is_empty());
}

#[test]
fn reads_tbx_v3_from_another_tool() {
    let g = read("other_tool_v3.tbx", include_str!("../tbx/other_tool_v3.tbx")).unwrap();
    assert_eq!(g.len(), 2);
    let rag = &g.entries()[0];
    assert_eq!(rag.english, "retrieval-augmented generation", "the full form, not the acronym listed first");
    assert_eq!(rag.abbreviation.as_deref(), Some("RAG"));
    assert!(rag.variants.is_empty());
    assert_eq!(rag.chinese, ["检索增强生成", "检索增强的生成"]);
    assert_eq!(rag.source, "internal wiki");
    assert_eq!(rag.note, "Preferred by the style guide");
    assert_eq!(g.entries()[1].english, "<attention> mask");
    assert_eq!(g.entries()[1].chinese, ["注意力掩码"]);

    let g = read("dct_v3.tbx", include_str!("../tbx/dct_v3.tbx")).unwrap();
    let moe = &g.entries()[0];
    assert_eq!(moe.english, "mixture of experts");
    assert_eq!(moe.abbreviation.as_deref(), Some("MoE"));
    assert_eq!(moe.chinese, ["混合专家"]);
}

#[test]
fn malformed_xml_names_the_line() {
    let err = read("malformed.tbx", include_str!("../tbx/malformed.tbx")).unwrap_err();
    let msg = err.to_string();
    assert!(msg.starts_with("malformed.tbx:8: not well-formed XML"), "{msg}");
    assert!(matches!(err, termbridge::ImportError::Format { line: 8, .. }));

    let msg = read("terms.xml", "<?xml version=\"1.0\"?>\n<!-- a list -->\n<glossary>\n</glossary>\n")
        .unwrap_err()
        .to_string();
    assert_eq!(
        msg,
        "terms.xml:3: the root element is <glossary>, not <tbx> (TBX v3) or <martif> (TBX v2): not a TBX file"
    );

    let msg = read("cut.tbx", "<tbx>\n  <text>\n    <body>\n      <conceptEntry id=\"c1\">\n").unwrap_err().to_string();
    assert!(msg.contains("ends inside <conceptEntry> opened on line 4"), "{msg}");

    let msg = read("amp.tbx", "<tbx>\n<text>\n<p>R & D</p></text></tbx>").unwrap_err().to_string();
    assert!(msg.starts_with("amp.tbx:3: not well-formed XML"), "{msg}");

    let msg = read("empty.tbx", "").unwrap_err().to_string();
    assert!(msg.starts_with("empty.tbx:1: no root element"), "{msg}");
}

/// Validates the output against the TBX core structure's RELAX NG schema when `TBX_RNG` names
/// it (`TBXcoreStructV03.rng`, which TBX-Basic uses) and `xmllint` is installed
/// (`apt-get install libxml2-utils`); skipped otherwise.
#[test]
fn output_is_valid_tbx() {
    let Some(rng) = std::env::var_os("TBX_RNG") else {
        eprintln!("skipped: set TBX_RNG to TBXcoreStructV03.rng");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let tombstones = Glossary::from_csv_reader("t.csv", TOMBSTONES.as_bytes()).unwrap();
    for (name, g) in [("text.tbx", extract(TEXT)), ("hostile.tbx", hostile_glossary()), ("deleted.tbx", tombstones)] {
        let path = dir.path().join(name);
        std::fs::write(&path, tbx(&g)).unwrap();
        let out =
            match std::process::Command::new("xmllint").arg("--noout").arg("--relaxng").arg(&rng).arg(&path).output() {
                Ok(out) => out,
                Err(e) => {
                    eprintln!("skipped: cannot run xmllint: {e}");
                    return;
                }
            };
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
    }
}

/// A termbase with a tombstone (`LLM`) and a live row.
const TOMBSTONES: &str = "english,chinese,abbreviation,note,status\n\
    dropout,丢弃法,,我们的译法,\n\
    large language model,大模型,LLM,不收,deleted\n";

/// The data categories TBX-Basic allows on `termNote`, and the values it allows for those it
/// restricts (its Schematron, `TBX-Basic_DCA.sch`).
fn allowed_term_note(category: &str, value: &str) -> bool {
    match category {
        "termType" => ["fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase"].contains(&value),
        "administrativeStatus" => {
            ["admittedTerm-admn-sts", "deprecatedTerm-admn-sts", "supersededTerm-admn-sts", "preferredTerm-admn-sts"]
                .contains(&value)
        }
        "partOfSpeech" | "geographicalUsage" | "grammaticalGender" | "termLocation" => true,
        _ => false,
    }
}

/// The `termNote`s of a TBX document: data category and value.
fn term_notes(xml: &str) -> Vec<(String, String)> {
    let mut reader = Reader::from_str(xml);
    let mut notes = Vec::new();
    let mut open: Option<String> = None;
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) if e.name().as_ref() == "termNote" => {
                let kind = e.try_get_attribute("type").unwrap().unwrap();
                open = Some(kind.value.into_owned());
            }
            Event::Text(t) => {
                if let Some(kind) = open.take() {
                    notes.push((kind, t.xml10_content().into_owned()));
                }
            }
            Event::Eof => return notes,
            _ => {}
        }
    }
}

/// A termbase kept as TBX lost its tombstones: TBX left deleted rows out, and a deleted term
/// came back as a new row on the next merge.
#[test]
fn a_termbase_kept_as_tbx_keeps_its_tombstones() {
    let extraction = "训练时使用暂退法（dropout）。大语言模型（large language model，LLM）很流行。";
    let mut termbase = Glossary::from_csv_reader("t.csv", TOMBSTONES.as_bytes()).unwrap();
    termbase.update(extract(extraction));
    // as the command line writes it (`merge -f tbx`)
    let mut out = Vec::new();
    termbase.write(Format::Tbx, WriteOptions::default(), &mut out).unwrap();
    let xml = String::from_utf8(out).unwrap();
    assert_eq!(xml, tbx(&termbase));
    // standard marks that tools act on: every term of the tombstone is deprecated
    let notes = term_notes(&xml);
    assert!(notes.iter().all(|(k, v)| allowed_term_note(k, v)), "{notes:?}");
    let deprecated = notes.iter().filter(|(k, v)| k == "administrativeStatus" && v == "deprecatedTerm-admn-sts");
    assert_eq!(deprecated.count(), 4, "large language model, LLM, 大模型, 大语言模型: {xml}");
    // kept as TBX, then merged with a new extraction: the deleted term stays out
    let mut kept = read("termbase.tbx", &xml).unwrap();
    let llm = kept.get("LLM").unwrap();
    assert!(llm.is_deleted(), "{llm:?}");
    assert_eq!(llm.note, "不收");
    kept.update(extract(extraction));
    let rows: Vec<_> = kept.entries().iter().filter(|e| e.forms().any(|f| f == "LLM")).collect();
    assert_eq!(rows.len(), 1, "{rows:#?}");
    assert!(rows[0].is_deleted());
    assert!(!kept.get("dropout").unwrap().is_deleted());
    // and TBX written again is the same file
    assert_eq!(tbx(&read("termbase.tbx", &xml).unwrap()), xml);
}

/// A concept another tool marked with every term deprecated is a tombstone; one with a
/// deprecated spelling beside a preferred one is not.
#[test]
fn a_concept_of_deprecated_terms_is_a_tombstone() {
    let concept = |id: &str, en: &str, zh: &str| {
        format!(
            "<conceptEntry id=\"{id}\"><langSec xml:lang=\"en\">{en}</langSec>\
             <langSec xml:lang=\"zh\">{zh}</langSec></conceptEntry>"
        )
    };
    let term = |t: &str, status: &str| {
        format!("<termSec><term>{t}</term><termNote type=\"administrativeStatus\">{status}</termNote></termSec>")
    };
    let xml = format!(
        "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\">\
         <tbxHeader><fileDesc><sourceDesc><p>another tool</p></sourceDesc></fileDesc></tbxHeader><text><body>{}{}</body></text></tbx>",
        concept("a", &term("blacklist", "deprecatedTerm-admn-sts"), &term("黑名单", "deprecatedTerm-admn-sts")),
        concept(
            "b",
            &format!("{}{}", term("denylist", "preferredTerm-admn-sts"), term("deny list", "deprecatedTerm-admn-sts")),
            &term("拒绝列表", "preferredTerm-admn-sts")
        ),
    );
    let g = read("other.tbx", &xml).unwrap();
    assert!(g.get("blacklist").unwrap().is_deleted());
    assert!(!g.get("denylist").unwrap().is_deleted());
    assert!(g.get("denylist").unwrap().extra.is_empty());
}
