//! Hostile strings through every output format: whatever a glossary holds, each format's
//! consumer reads the file back as meant — a spreadsheet runs no formula, a line-based tool
//! sees one entry per line with its columns, a JSON or XML parser reads it and gets the text
//! back.

use quick_xml::events::Event;
use termbridge::{Entry, Glossary};
use termbridge::{Format, WriteOptions};

/// Strings that break naive writers: formulas, control characters, line breaks of every
/// kind, XML and HTML, quotes, byte-order marks, bidi overrides, separators of the formats.
const HOSTILE: &[&str] = &[
    "=cmd|' /C calc'!A0",
    "+1",
    "-1",
    "@SUM(1)",
    "=1+1",
    "\t=1",
    "\r=1",
    "'=quoted",
    "tab\tinside",
    "carriage\rreturn",
    "line\nfeed",
    "crlf\r\nline",
    "nul\u{0}byte",
    "c0 \u{1}\u{7}\u{8}\u{b}\u{c}\u{1b}\u{1f} controls",
    "del\u{7f} and c1 \u{80}\u{85}\u{9f}",
    "line\u{2028}separator\u{2029}paragraph",
    "]]>",
    "<![CDATA[x]]>",
    "<script>alert(1)</script>",
    "&amp; &lt; &#13; &nbsp;",
    "\"double\" 'single' `back`",
    "\u{feff}bom",
    "bom\u{feff}inside",
    "\u{202e}evil\u{202c} rtl override",
    "\u{fffe}\u{ffff} non-characters",
    "comma, semicolon; pipe| backslash\\ arrow=> hash#",
    "key: value",
    "  padded  ",
    "过拟合（overfitting）",
    "👩\u{200d}💻 e\u{301}",
];

/// The formats and what each leaves out.
const FORMATS: [Format; 6] = [Format::Csv, Format::Tsv, Format::Deepl, Format::Tbx, Format::Json, Format::Synonyms];

/// One entry per hostile string, the string in every text field and in an extra column;
/// plus one entry with a very long string.
fn hostile_glossary() -> Glossary {
    let long = "长".repeat(100_000) + "=";
    let mut entries: Vec<serde_json::Value> = Vec::new();
    for (i, h) in HOSTILE.iter().copied().chain([long.as_str()]).enumerate() {
        let entry = Entry {
            // unique English: a plain prefix, then the hostile string
            english: format!("term{i} {h}"),
            chinese: vec![format!("术语{i}{h}"), h.to_string()],
            abbreviation: Some(format!("T{i}{h}")),
            variants: vec![format!("variant{i} {h}")],
            category: termbridge::Category::Term,
            frequency: i + 1,
            score: Some(0.25),
            confidence: Some(0.5),
            method: Some(termbridge::Method::Parenthesis),
            source: h.to_string(),
            context: h.to_string(),
            note: h.to_string(),
            suggested: None,
            extra: [("reviewer".to_string(), h.to_string()), ("=status".to_string(), format!("{h}!"))]
                .into_iter()
                .collect(),
            occurrences: Vec::new(),
        };
        entries.push(serde_json::to_value(&entry).unwrap());
    }
    serde_json::from_value(serde_json::json!({ "entries": entries, "sources": ["=src\ta.md", "b\n.md"] })).unwrap()
}

fn write(g: &Glossary, format: Format) -> (String, Vec<String>) {
    let mut out = Vec::new();
    let report = g.write(format, WriteOptions::default(), &mut out).unwrap();
    (String::from_utf8(out).expect("UTF-8 output"), report.dropped)
}

/// Characters that end or corrupt a line for line-based tools.
fn breaks_a_line(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}')
}

/// What a line-based format makes of a string: control characters and line breaks become
/// single spaces, and the ends are trimmed.
fn one_line(s: &str) -> String {
    s.split(|c: char| breaks_a_line(c) || c.is_whitespace()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

/// What a spreadsheet cell holds of `s`: the C0 control characters other than tab, line feed
/// and carriage return are left out.
/// A cell as the line-based writers write it: a formula-looking one gets a leading `'`.
fn neutralised(s: String) -> String {
    if s.trim_start_matches('\'').starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s
    }
}

fn cell_text(s: &str) -> String {
    s.replace(|c: char| c < ' ' && !matches!(c, '\t' | '\n' | '\r'), "")
}

#[test]
fn csv_cells_run_no_formula_and_read_back() {
    let g = hostile_glossary();
    let (csv, _) = write(&g, Format::Csv);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header.len(), 14, "{header:?}");
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), g.len());
    let triggers = ['=', '+', '-', '@', '\t', '\r'];
    for cell in header.iter().map(String::as_str).chain(records.iter().flat_map(|r| r.iter())) {
        assert!(!cell.starts_with(triggers), "a spreadsheet would run {cell:?}");
        assert!(!cell.contains(|c: char| c < ' ' && !matches!(c, '\t' | '\n' | '\r')), "{cell:?}");
    }
    for (r, e) in records.iter().zip(g.entries()) {
        assert_eq!(r.len(), 14);
        // a neutralised cell is the text after one more leading quote
        let quoted = |cell: &str| cell.trim_start_matches('\'').starts_with(triggers);
        let reviewer = header.iter().position(|h| h == "reviewer").unwrap();
        for (cell, text) in [(&r[11], &e.note), (&r[reviewer], &e.extra["reviewer"]), (&r[0], &e.english)] {
            let text = cell_text(text);
            let want = if quoted(&text) { format!("'{text}") } else { text };
            assert_eq!(cell, want, "{r:?}");
        }
    }
    // termbridge reads it back as written: cells are trimmed (a neutralised one only at its
    // end, its leading quote goes first), lists split on `|` and `;`
    let back = Glossary::from_csv_reader("hostile.csv", csv.as_bytes()).unwrap();
    assert_eq!(back.len(), g.len());
    assert_eq!(back.extra_columns(), g.extra_columns());
    let read = |s: &str| {
        let t = cell_text(s);
        if t.trim_start_matches('\'').starts_with(triggers) {
            t.trim_end().to_string()
        } else {
            t.trim().to_string()
        }
    };
    for (a, b) in back.entries().iter().zip(g.entries()) {
        assert_eq!(a.english, read(&b.english));
        assert_eq!(a.note, read(&b.note));
        assert_eq!(a.context, read(&b.context));
        assert_eq!(a.source, read(&b.source));
        assert_eq!(a.extra["reviewer"], read(&b.extra["reviewer"]));
        assert_eq!(a.extra["=status"], read(&b.extra["=status"]));
    }
    // raw CSV is CSV too: the same records, cells exactly as they are
    let mut out = Vec::new();
    g.write(Format::Csv, WriteOptions { raw: true, ..WriteOptions::default() }, &mut out).unwrap();
    let mut reader = csv::Reader::from_reader(out.as_slice());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header[termbridge::CSV_HEADER.len()..], g.extra_columns());
    let reviewer = header.iter().position(|h| h == "reviewer").unwrap();
    let raw: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(raw.len(), g.len());
    for (r, e) in raw.iter().zip(g.entries()) {
        assert_eq!((&r[0], &r[10], &r[reviewer]), (e.english.as_str(), e.note.as_str(), e.extra["reviewer"].as_str()));
    }
}

/// The lines of a line-based output, each checked: one entry per line, `columns` cells, no
/// character that breaks a line inside.
fn lines(out: &str, columns: usize, separator: &str) -> Vec<Vec<String>> {
    assert!(out.is_empty() || out.ends_with('\n'));
    out.lines()
        .map(|line| {
            assert!(!line.chars().any(|c| breaks_a_line(c) && c != '\t'), "{line:?}");
            let cells: Vec<String> = line.split(separator).map(String::from).collect();
            assert_eq!(cells.len(), columns, "{line:?}");
            for cell in &cells {
                assert!(!cell.contains('\t'), "{line:?}");
                assert_eq!(cell.trim(), cell, "{line:?}");
            }
            cells
        })
        .collect()
}

#[test]
fn omegat_tsv_has_one_line_per_pair_and_three_cells() {
    let g = hostile_glossary();
    let (tsv, _) = write(&g, Format::Tsv);
    let rows = lines(&tsv, 3, "\t");
    // every entry: its English and acronym, each with each Chinese rendering
    let want: Vec<(String, String)> =
        g.entries()
            .iter()
            .flat_map(|e| {
                let sources = [one_line(&e.english), one_line(e.abbreviation.as_deref().unwrap_or(""))];
                let chinese: Vec<String> = e.chinese.iter().map(|z| one_line(z)).filter(|z| !z.is_empty()).collect();
                sources.into_iter().filter(|s| !s.is_empty()).flat_map(move |s| {
                    chinese.clone().into_iter().map(move |z| (neutralised(s.clone()), neutralised(z)))
                })
            })
            .collect();
    let got: Vec<(String, String)> = rows.iter().map(|r| (r[0].clone(), r[1].clone())).collect();
    assert_eq!(got, want);
}

#[test]
fn deepl_has_unique_sources_and_only_entries_deepl_accepts() {
    let g = hostile_glossary();
    let (tsv, dropped) = write(&g, Format::Deepl);
    let rows = lines(&tsv, 2, "\t");
    let mut seen = std::collections::HashSet::new();
    for r in &rows {
        assert!(seen.insert(r[0].clone()), "source {:?} twice", r[0]);
        for cell in r {
            assert!(!cell.is_empty() && cell.len() <= 1024, "{cell:?}");
            assert!(!cell.starts_with(['=', '+', '-', '@']), "a spreadsheet would run {cell:?}");
        }
    }
    // what is left out is said, and nothing else is lost: two sources per entry
    assert_eq!(rows.len() + dropped.len(), 2 * g.len(), "{dropped:#?}");
    for d in &dropped {
        assert!(!d.chars().any(breaks_a_line), "warning on one line: {d:?}");
    }
    // the long target is left out with its reason
    assert!(dropped.iter().any(|d| d.contains("longer than 1024 bytes")));
}

#[test]
fn json_parses_and_gives_every_string_back() {
    let g = hostile_glossary();
    let (json, _) = write(&g, Format::Json);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["sources"], serde_json::json!(["=src\ta.md", "b\n.md"]));
    let entries = v["entries"].as_array().unwrap();
    assert_eq!(entries.len(), g.len());
    for (j, e) in entries.iter().zip(g.entries()) {
        assert_eq!(j["english"], e.english.as_str());
        assert_eq!(j["chinese"], serde_json::json!(e.chinese));
        assert_eq!(j["abbreviation"], e.abbreviation.as_deref().unwrap());
        assert_eq!(j["variants"], serde_json::json!(e.variants));
        for (field, value) in [("note", &e.note), ("context", &e.context), ("source", &e.source)] {
            assert_eq!(j[field], value.as_str(), "{field}");
        }
        assert_eq!(j["extra"]["reviewer"], e.extra["reviewer"].as_str());
        assert_eq!(j["extra"]["=status"], e.extra["=status"].as_str());
    }
}

#[test]
fn tbx_is_well_formed_and_reads_back() {
    let g = hostile_glossary();
    let (xml, _) = write(&g, Format::Tbx);
    // well-formed: every event parses, the elements nest, one concept per entry
    let mut reader = quick_xml::Reader::from_str(&xml);
    let (mut depth, mut concepts) = (0usize, 0);
    loop {
        match reader.read_event().unwrap_or_else(|e| panic!("not well-formed at {}: {e}", reader.error_position())) {
            Event::Start(e) => {
                depth += 1;
                concepts += usize::from(e.name().as_ref() == "conceptEntry");
            }
            Event::End(_) => depth -= 1,
            Event::Text(t) => {
                assert!(!t.xml10_content().contains(|c: char| c.is_control() && !matches!(c, '\n' | '\t')));
            }
            Event::GeneralRef(r) => {
                let c = r.resolve_char_ref().unwrap();
                assert!(c.is_some() || quick_xml::escape::resolve_predefined_entity(&r).is_some(), "&{};", &*r);
            }
            Event::CData(_) => panic!("no CDATA is written"),
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!((depth, concepts), (0, g.len()));
    assert!(!xml.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\t') || matches!(c, '\u{fffe}' | '\u{ffff}')));
    // termbridge reads back what XML can hold: characters XML forbids dropped, ends trimmed
    let clean = |s: &str| {
        s.chars()
            .filter(
                |&c| matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..),
            )
            .collect::<String>()
            .trim()
            .to_string()
    };
    let back = Glossary::from_tbx_reader("hostile.tbx", xml.as_bytes()).unwrap();
    assert_eq!(back.len(), g.len());
    assert_eq!(back.sources(), ["=src\ta.md", "b\n.md"]);
    for (a, b) in back.entries().iter().zip(g.entries()) {
        assert_eq!(a.english, clean(&b.english));
        let chinese: Vec<String> =
            b.chinese.iter().map(|z| clean(z)).filter(|z| !z.is_empty()).fold(Vec::new(), |mut v, z| {
                if !v.contains(&z) {
                    v.push(z);
                }
                v
            });
        assert_eq!(a.chinese, chinese);
        assert_eq!(a.abbreviation.as_deref(), b.abbreviation.as_deref().map(clean).as_deref());
        assert_eq!(a.variants, b.variants.iter().map(|v| clean(v)).collect::<Vec<_>>());
        assert_eq!(a.context, clean(&b.context));
        assert_eq!(a.source, clean(&b.source));
        assert_eq!(a.note, clean(&b.note));
        for (k, v) in b.extra.iter() {
            let v = clean(v);
            assert_eq!(
                a.extra.get(k).cloned().filter(|v| !v.is_empty()),
                Some(v.clone()).filter(|v| !v.is_empty()),
                "{k}"
            );
        }
    }
}

/// The terms of a synonym line: split at unescaped commas, escapes undone.
fn synonym_terms(line: &str) -> Vec<String> {
    let mut terms = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => terms.last_mut().unwrap().push(chars.next().expect("an escape escapes something")),
            ',' => terms.push(String::new()),
            c => terms.last_mut().unwrap().push(c),
        }
    }
    terms.into_iter().map(|t| t.trim().to_string()).collect()
}

#[test]
fn synonym_lines_hold_one_entry_each() {
    let g = hostile_glossary();
    let (out, _) = write(&g, Format::Synonyms);
    let got: Vec<Vec<String>> = out
        .lines()
        .map(|line| {
            assert!(!line.chars().any(breaks_a_line), "{line:?}");
            // `=>` would make the line an explicit mapping
            assert!(!line.replace("\\=", "").contains("=>"), "{line:?}");
            synonym_terms(line)
        })
        .collect();
    let want: Vec<Vec<String>> = g
        .entries()
        .iter()
        .map(|e| {
            let mut terms: Vec<String> = Vec::new();
            let forms = e.chinese.iter().chain([&e.english]).chain(&e.variants).chain(e.abbreviation.as_ref());
            for t in forms.map(|f| one_line(f).to_lowercase()).filter(|t| !t.is_empty()) {
                if !terms.contains(&t) {
                    terms.push(t);
                }
            }
            terms
        })
        .collect();
    assert_eq!(got, want);
}

#[test]
fn every_format_writes_the_hostile_glossary() {
    let g = hostile_glossary();
    for format in FORMATS {
        let (out, _) = write(&g, format);
        assert!(!out.is_empty(), "{format:?}");
        assert!(!out.contains('\u{0}'), "{format:?}: a NUL byte in the output");
    }
}

/// Mutations of a real file: bytes replaced, cut out, repeated, and tokens that break
/// readers (quotes, separators, markup, extreme numbers, control characters) put in.
mod mutated {
    use proptest::prelude::*;
    use std::path::Path;
    use std::sync::OnceLock;
    use termbridge::{Extractor, Glossary, ImportError, Markup, Partial, Source};

    const TOKENS: &[&str] = &[
        "\"",
        "\n",
        "\r\n",
        ",",
        "\t",
        "|",
        "<",
        ">",
        "&",
        "</",
        "<!--",
        "&#0;",
        "\0",
        "\u{feff}",
        "\u{1b}",
        "18446744073709551615",
        "-1",
        "1e309",
        "NaN",
        "null",
        "[]",
        "{}",
        "0",
        "9999999999",
        "\u{fffd}",
        "\u{85}",
        "deleted",
        "status",
        "english",
        "chinese",
        ":",
        "termNote",
        "conceptEntry",
        "xml:lang=\"zh\"",
    ];

    #[derive(Clone, Debug)]
    enum Mutation {
        Byte(usize, u8),
        Cut(usize, usize),
        Repeat(usize, usize),
        Insert(usize, &'static str),
    }

    fn mutation() -> impl Strategy<Value = Mutation> {
        prop_oneof![
            (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Mutation::Byte(at, b)),
            (any::<usize>(), 0..64usize).prop_map(|(at, n)| Mutation::Cut(at, n)),
            (any::<usize>(), 0..256usize).prop_map(|(at, n)| Mutation::Repeat(at, n)),
            (any::<usize>(), prop::sample::select(TOKENS)).prop_map(|(at, t)| Mutation::Insert(at, t)),
        ]
    }

    fn apply(seed: &[u8], mutations: &[Mutation]) -> Vec<u8> {
        let mut bytes = seed.to_vec();
        for m in mutations {
            let at = |i: usize| if bytes.is_empty() { 0 } else { i % (bytes.len() + 1) };
            match *m {
                Mutation::Byte(i, b) if !bytes.is_empty() => {
                    let i = i % bytes.len();
                    bytes[i] = b;
                }
                Mutation::Byte(..) => {}
                Mutation::Cut(i, n) => {
                    let i = at(i);
                    bytes.drain(i..(i + n).min(bytes.len()));
                }
                Mutation::Repeat(i, n) => {
                    let i = at(i);
                    let piece = bytes[i..(i + n).min(bytes.len())].to_vec();
                    bytes.splice(i..i, piece);
                }
                Mutation::Insert(i, t) => {
                    let i = at(i);
                    bytes.splice(i..i, t.bytes());
                }
            }
        }
        bytes
    }

    fn extractor() -> &'static Extractor {
        static E: OnceLock<Extractor> = OnceLock::new();
        E.get_or_init(|| Extractor::builder().build().unwrap())
    }

    fn fixture(name: &str) -> Vec<u8> {
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join(name)).unwrap()
    }

    /// Real files of each kind: CSV termbases, TBX termbases, a partial.
    type Seeds = (Vec<Vec<u8>>, Vec<Vec<u8>>, Vec<u8>);

    fn seeds() -> &'static Seeds {
        static SEEDS: OnceLock<Seeds> = OnceLock::new();
        SEEDS.get_or_init(|| {
            let text = String::from_utf8(fixture("golden/abstract.txt")).unwrap();
            let source = Source { name: "abstract.txt", text: &text, markup: Markup::Plain };
            let mut partial = Vec::new();
            extractor().partial(&[source]).write_jsonl(&mut partial).unwrap();
            let mut glossary = extractor().extract_sources(&[source]);
            glossary.retain(|e| !e.chinese.is_empty());
            let mut ours = Vec::new();
            glossary.write_tbx(&mut ours).unwrap();
            let csv =
                vec![fixture("golden/abstract.txt.csv"), b"english,chinese,status\nLLM,\"a|b\",deleted\n".to_vec()];
            (csv, vec![ours, fixture("tbx/martif_v2.tbx"), fixture("tbx/dct_v3.tbx")], partial)
        })
    }

    /// A read is a result, or an error that names the line.
    fn names_a_line<T>(read: &Result<T, ImportError>) -> Result<(), TestCaseError> {
        if let Err(e) = read {
            prop_assert!(matches!(e, ImportError::Format { line, .. } if *line >= 1), "{e}");
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        /// Mutated termbases (CSV, TBX) read or fail naming a line, and what reads writes
        /// back and reads again.
        #[test]
        fn mutated_termbases_never_panic_and_errors_name_a_line(
            which in 0..5usize,
            mutations in prop::collection::vec(mutation(), 1..6),
        ) {
            let (csv, tbx, _) = seeds();
            let bytes = if which < 2 { apply(&csv[which], &mutations) } else { apply(&tbx[which - 2], &mutations) };
            let csv = Glossary::from_csv_reader("m.csv", bytes.as_slice());
            names_a_line(&csv)?;
            if let Ok(g) = csv {
                let mut out = Vec::new();
                g.write_csv(&mut out).unwrap();
                prop_assert_eq!(Glossary::from_csv_reader("back.csv", out.as_slice()).unwrap(), g);
            }
            let tbx = Glossary::from_tbx_reader("m.tbx", bytes.as_slice());
            names_a_line(&tbx)?;
            if let Ok(g) = tbx {
                let mut out = Vec::new();
                if g.write_tbx(&mut out).is_ok() {
                    prop_assert_eq!(Glossary::from_tbx_reader("back.tbx", out.as_slice()).unwrap().len(), g.len());
                }
            }
        }

        /// Mutated partials read or fail naming a line, and what reads is decided without a
        /// panic.
        #[test]
        fn mutated_partials_never_panic_and_errors_name_a_line(mutations in prop::collection::vec(mutation(), 1..6)) {
            let bytes = apply(&seeds().2, &mutations);
            let read = Partial::read_jsonl("m.jsonl", bytes.as_slice());
            names_a_line(&read)?;
            if let Ok(p) = read {
                let _ = extractor().decide(&p);
            }
        }
    }
}
