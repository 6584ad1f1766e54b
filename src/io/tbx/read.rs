//! TBX import: TBX v3 (ISO 30042:2019, root `tbx`, `conceptEntry`/`langSec`/`termSec`) and
//! TBX v2 (ISO 30042:2008, root `martif`, `termEntry`/`langSet`/`tig` or `ntig`), any dialect,
//! DCA or DCT style.
//!
//! The input is UTF-8 (a byte order mark is skipped) or UTF-16 with a byte order mark.

use super::concept::entry;
use super::element::{Element, Node};
use super::{is_xml_char, GENERATOR, INPUT_PREFIX};
use crate::model::Glossary;
use crate::ImportError;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::borrow::Cow;
use std::io::BufRead;
use std::path::Path;

/// Reads a TBX file (v2 or v3) into a glossary. `path` is used in error messages.
pub(crate) fn read<R: BufRead>(path: &Path, mut reader: R) -> Result<Glossary, ImportError> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes).map_err(|source| ImportError::Io { path: path.to_path_buf(), source })?;
    let text = decode(path, &bytes)?;
    Parser::new(path, &text).run()
}

fn format_error(path: &Path, line: u64, message: impl Into<String>) -> ImportError {
    ImportError::Format { path: path.to_path_buf(), line, message: message.into() }
}

/// 1-based line of byte `offset` of `text`.
fn line_at(text: &[u8], offset: u64) -> u64 {
    let end = (offset as usize).min(text.len());
    text[..end].iter().filter(|&&b| b == b'\n').count() as u64 + 1
}

/// The text of the file: UTF-8, or UTF-16 with a byte order mark.
fn decode<'a>(path: &Path, bytes: &'a [u8]) -> Result<Cow<'a, str>, ImportError> {
    let utf16 = match bytes {
        [0xFF, 0xFE, ..] => Some((encoding_rs::UTF_16LE, &bytes[2..])),
        [0xFE, 0xFF, ..] => Some((encoding_rs::UTF_16BE, &bytes[2..])),
        [b'<', 0, b'?', 0, ..] => Some((encoding_rs::UTF_16LE, bytes)),
        [0, b'<', 0, b'?', ..] => Some((encoding_rs::UTF_16BE, bytes)),
        _ => None,
    };
    if let Some((encoding, body)) = utf16 {
        return encoding
            .decode_without_bom_handling_and_without_replacement(body)
            .map(|s| s.into_owned().into())
            .ok_or_else(|| format_error(path, 1, "not valid UTF-16; save the file as UTF-8"));
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(body).map(Cow::Borrowed).map_err(|e| {
        let offset = e.valid_up_to();
        format_error(
            path,
            line_at(body, offset as u64),
            format!("not valid UTF-8 at byte {offset}; save the file as UTF-8"),
        )
    })
}

/// Whether the element names a concept: `conceptEntry` (v3) or `termEntry` (v2).
fn is_concept(name: &str) -> bool {
    name == "conceptEntry" || name == "termEntry"
}

/// Elements kept in full while parsing.
fn is_kept(name: &str) -> bool {
    is_concept(name) || name == "sourceDesc"
}

/// The deepest nesting of elements read. TBX nests about ten deep; a limit keeps the
/// recursive walks over a concept's elements within the stack.
pub(crate) const MAX_DEPTH: usize = 1000;

struct Parser<'a> {
    path: &'a Path,
    text: &'a str,
    reader: Reader<&'a [u8]>,
    /// Open elements: local name and the byte offset of their start tag.
    open: Vec<(String, u64)>,
    /// Kept elements under construction, outermost first.
    building: Vec<Element>,
    root_seen: bool,
    /// Whether the header says termbridge wrote the file.
    ours: bool,
    glossary: Glossary,
}

impl<'a> Parser<'a> {
    fn new(path: &'a Path, text: &'a str) -> Self {
        Parser {
            path,
            text,
            reader: Reader::from_str(text),
            open: Vec::new(),
            building: Vec::new(),
            root_seen: false,
            ours: false,
            glossary: Glossary::default(),
        }
    }

    fn error(&self, offset: u64, message: impl Into<String>) -> ImportError {
        format_error(self.path, line_at(self.text.as_bytes(), offset), message)
    }

    fn run(mut self) -> Result<Glossary, ImportError> {
        loop {
            let start = self.reader.buffer_position();
            let event = match self.reader.read_event() {
                Ok(event) => event,
                Err(e) => {
                    let at = self.reader.error_position();
                    return Err(self.error(at, format!("not well-formed XML: {e}")));
                }
            };
            match event {
                Event::Start(e) => self.start(&e, start)?,
                Event::Empty(e) => {
                    self.start(&e, start)?;
                    self.end()?;
                }
                Event::End(_) => self.end()?,
                Event::Text(t) => {
                    let t = t.xml10_content();
                    self.text(&t, start)?;
                }
                Event::CData(t) => {
                    let t = t.xml10_content();
                    self.text(&t, start)?;
                }
                Event::GeneralRef(r) => {
                    let resolved = match r.resolve_char_ref() {
                        Ok(Some(c)) if is_xml_char(c) => c.to_string(),
                        Ok(Some(c)) => {
                            return Err(self.error(
                                start,
                                format!(
                                "not well-formed XML: character reference &{}; is U+{:04X}, which XML does not allow",
                                &*r, c as u32
                            ),
                            ))
                        }
                        Ok(None) => match resolve_predefined_entity(&r) {
                            Some(s) => s.to_string(),
                            None => return Err(self.error(start, format!("unknown entity &{};", &*r))),
                        },
                        Err(e) => return Err(self.error(start, format!("not well-formed XML: {e}"))),
                    };
                    self.text(&resolved, start)?;
                }
                Event::Eof => break,
                Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
            }
        }
        if let Some((name, at)) = self.open.last() {
            let line = line_at(self.text.as_bytes(), *at);
            let end = self.text.len() as u64;
            return Err(
                self.error(end, format!("not well-formed XML: the file ends inside <{name}> opened on line {line}"))
            );
        }
        if !self.root_seen {
            return Err(self.error(0, "no root element: the file is empty or not XML; expected a TBX file"));
        }
        Ok(self.glossary)
    }

    fn start(&mut self, e: &BytesStart<'_>, at: u64) -> Result<(), ImportError> {
        let name = e.local_name().as_ref().to_string();
        if self.open.is_empty() {
            if self.root_seen {
                return Err(self.error(at, format!("not well-formed XML: a second root element <{name}>")));
            }
            self.root_seen = true;
            if name != "tbx" && name != "martif" {
                return Err(self.error(
                    at,
                    format!("the root element is <{name}>, not <tbx> (TBX v3) or <martif> (TBX v2): not a TBX file"),
                ));
            }
        }
        if self.open.len() >= MAX_DEPTH {
            return Err(self.error(
                at,
                format!("<{name}> is nested {MAX_DEPTH} elements deep; TBX needs a dozen at most: not a TBX file"),
            ));
        }
        self.open.push((name.clone(), at));
        if !self.building.is_empty() || is_kept(&name) {
            let mut attrs = Vec::new();
            for a in e.attributes() {
                let a = a.map_err(|err| self.error(at, format!("not well-formed XML: {err}")))?;
                let value = a
                    .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .map_err(|err| self.error(at, format!("not well-formed XML: {err}")))?;
                attrs.push((a.key.as_ref().to_string(), value.into_owned()));
            }
            self.building.push(Element { name, attrs, children: Vec::new() });
        }
        Ok(())
    }

    fn end(&mut self) -> Result<(), ImportError> {
        self.open.pop();
        let Some(done) = self.building.pop() else {
            return Ok(());
        };
        match self.building.last_mut() {
            Some(parent) => parent.children.push(Node::Element(done)),
            None if is_concept(&done.name) => {
                if let Some(entry) = entry(&done, self.ours) {
                    self.glossary.entries.push(entry);
                }
            }
            None => {
                for p in done.children_named(&["p"]) {
                    if p.text().contains(GENERATOR) {
                        self.ours = true;
                    }
                    if let Some(input) = p.text().strip_prefix(INPUT_PREFIX.trim_end()) {
                        self.glossary.sources.push(input.trim().to_string());
                    }
                }
            }
        }
        Ok(())
    }

    fn text(&mut self, text: &str, at: u64) -> Result<(), ImportError> {
        if self.open.is_empty() {
            if text.trim().is_empty() {
                return Ok(());
            }
            // point at the text itself, not at the line break before it
            let rest = self.text.get(at as usize..).unwrap_or("");
            let skip = rest.find(|c: char| !c.is_whitespace()).unwrap_or(0);
            return Err(self.error(at + skip as u64, "not well-formed XML: text outside the root element"));
        }
        if let Some(e) = self.building.last_mut() {
            match e.children.last_mut() {
                Some(Node::Text(t)) => t.push_str(text),
                _ => e.children.push(Node::Text(text.to_string())),
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Category;
    use crate::Method;

    fn read_str(s: &str) -> Result<Glossary, ImportError> {
        read(Path::new("t.tbx"), s.as_bytes())
    }

    fn err(s: &str) -> String {
        read_str(s).unwrap_err().to_string()
    }

    #[test]
    fn line_numbers() {
        assert_eq!(line_at(b"a\nb\nc", 0), 1);
        assert_eq!(line_at(b"a\nb\nc", 2), 2);
        assert_eq!(line_at(b"a\nb\nc", 99), 3);
    }

    #[test]
    fn errors_name_the_line() {
        let e = err("<?xml version=\"1.0\"?>\n<tbx>\n<text>\n</tbx>\n");
        assert!(e.starts_with("t.tbx:4: not well-formed XML"), "{e}");
        let e = err("<?xml version=\"1.0\"?>\n\n<glossary/>\n");
        assert!(e.starts_with("t.tbx:3: the root element is <glossary>"), "{e}");
        let e = err("<martif>\n<text>\n<body>");
        assert!(e.contains("the file ends inside <body> opened on line 3"), "{e}");
        let e = err("");
        assert!(e.starts_with("t.tbx:1: no root element"), "{e}");
        let e = err("<tbx>\n</tbx>\n\n  trailing");
        assert!(e.starts_with("t.tbx:4: not well-formed XML: text outside the root element"), "{e}");
        let e = err("<tbx>\n</tbx>\n<tbx/>");
        assert!(e.starts_with("t.tbx:3: not well-formed XML: a second root element <tbx>"), "{e}");
        let e = err("<martif>\n&#1;</martif>");
        assert!(e.starts_with("t.tbx:2: not well-formed XML: character reference &#1;"), "{e}");
        let e = err("<tbx>\n<x>&nbsp;</x></tbx>");
        assert!(e.starts_with("t.tbx:2: unknown entity &nbsp;"), "{e}");
        let e = read(Path::new("t.tbx"), &b"<tbx>\n\xff</tbx>"[..]).unwrap_err().to_string();
        assert!(e.starts_with("t.tbx:2: not valid UTF-8 at byte 6"), "{e}");
    }

    #[test]
    fn deeply_nested_elements_are_an_error_not_a_stack_overflow() {
        let n = 200_000;
        for (open, close) in [("<x>", "</x>"), ("<termSec>", "</termSec>")] {
            let doc = format!(
                "<tbx>\n<text><body><conceptEntry id=\"c\"><langSec xml:lang=\"en\">{}<term>a</term>{}</langSec>\
                 </conceptEntry></body></text></tbx>",
                open.repeat(n),
                close.repeat(n)
            );
            let e = err(&doc);
            assert!(e.starts_with("t.tbx:2: <"), "{e}");
            assert!(e.contains(&format!("nested {MAX_DEPTH} elements deep")), "{e}");
        }
        // as deep as allowed still reads
        let depth = MAX_DEPTH - 7;
        let doc = format!(
            "<tbx><text><body><conceptEntry id=\"c\"><note>{}x{}</note><langSec xml:lang=\"en\"><termSec>\
             <term>a</term></termSec></langSec></conceptEntry></body></text></tbx>",
            "<b>".repeat(depth),
            "</b>".repeat(depth)
        );
        assert_eq!(read_str(&doc).unwrap().entries[0].note, "x");
    }

    #[test]
    fn english_forms() {
        let concept = |terms: &str| {
            let g = read_str(&format!(
                "<tbx><text><body><conceptEntry id=\"c\"><langSec xml:lang=\"en-US\">{terms}</langSec>\
                 <langSec xml:lang=\"zh-Hans\"><termSec><term>中</term></termSec></langSec></conceptEntry></body></text></tbx>"
            ))
            .unwrap();
            g.entries[0].clone()
        };
        let t = |s: &str| format!("<termSec><term>{s}</term></termSec>");
        let e = concept(&(t("large language model") + &t("LLM") + &t("large-language model")));
        assert_eq!(e.english, "large language model");
        assert_eq!(e.abbreviation.as_deref(), Some("LLM"));
        assert_eq!(e.variants, ["large-language model"]);
        assert_eq!(e.chinese, ["中"]);
        assert_eq!(e.category, Category::Term);
        // an abbreviation marked as such and listed first
        let e = concept(
            "<termSec><term>RAG</term><termNote type=\"termType\">acronym</termNote></termSec>\
             <termSec><term>Retrieval-Augmented Generation</term></termSec>",
        );
        assert_eq!(e.english, "Retrieval-Augmented Generation");
        assert_eq!(e.abbreviation.as_deref(), Some("RAG"));
        // an acronym alone
        let e = concept(&(t("GPU") + &t("GPUs")));
        assert_eq!(e.english, "GPU");
        assert_eq!(e.abbreviation, None);
        assert_eq!(e.variants, ["GPUs"]);
        assert_eq!(e.category, Category::Abbreviation);
        // not an acronym of the full form
        let e = concept(&(t("large language model") + &t("ACL")));
        assert_eq!(e.abbreviation, None);
        assert_eq!(e.variants, ["ACL"]);
    }

    #[test]
    fn notes() {
        let g = read_str(
            "<tbx><text><body><conceptEntry id=\"c\">\
             <note>frequency: 7</note><note>category: name</note><note>confidence: 0.5</note>\
             <note>method: apposition</note><note>source: a.txt:3</note><note>context: x: y</note>\
             <note>Imported from MultiTerm</note><note>frequency: many</note><note>note: mine</note>\
             <langSec xml:lang=\"en\"><termSec><term>BERT</term></termSec></langSec>\
             </conceptEntry></body></text></tbx>",
        )
        .unwrap();
        let e = &g.entries[0];
        assert_eq!(e.frequency, 7);
        assert_eq!(e.category, Category::Name);
        assert_eq!(e.confidence, Some(0.5));
        assert_eq!(e.method, Some(Method::Apposition));
        assert_eq!(e.source, "a.txt:3");
        assert_eq!(e.context, "x: y");
        assert_eq!(e.note, "Imported from MultiTerm; frequency: many; mine");
    }

    #[test]
    fn extra_columns_only_from_our_files() {
        let concept = "<text><body><conceptEntry id=\"c1\"><note>status: deleted</note>\
                       <langSec xml:lang=\"en\"><termSec><term>dropout</term></termSec></langSec>\
                       </conceptEntry></body></text></tbx>";
        let ours = read_str(&format!(
            "<tbx><tbxHeader><fileDesc><sourceDesc><p>Bilingual glossary (English–Chinese) \
             extracted by termbridge 9.9</p><p>input: a.md</p></sourceDesc></fileDesc></tbxHeader>{concept}"
        ))
        .unwrap();
        assert_eq!(ours.sources, ["a.md"]);
        assert_eq!(ours.entries[0].extra.get("status").map(String::as_str), Some("deleted"));
        assert!(ours.entries[0].is_deleted());
        assert_eq!(ours.entries[0].note, "");
        let theirs = read_str(&format!("<tbx>{concept}")).unwrap();
        assert!(theirs.entries[0].extra.is_empty());
        assert_eq!(theirs.entries[0].note, "status: deleted");
    }

    #[test]
    fn skips_concepts_without_english() {
        let g = read_str(
            "<martif type=\"TBX\"><text><body><termEntry><langSet xml:lang=\"zh\"><tig><term>中</term></tig></langSet>\
             </termEntry></body></text></martif>",
        )
        .unwrap();
        assert!(g.entries.is_empty());
    }

    #[test]
    fn utf16_with_bom() {
        let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><tbx><text><body><conceptEntry id=\"c\">\
                    <langSec xml:lang=\"en\"><termSec><term>overfitting</term></termSec></langSec>\
                    <langSec xml:lang=\"zh\"><termSec><term>过拟合</term></termSec></langSec>\
                    </conceptEntry></body></text></tbx>";
        let mut bytes = vec![0xFF, 0xFE];
        for u in text.encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        let g = read(Path::new("t.tbx"), bytes.as_slice()).unwrap();
        assert_eq!(g.entries[0].chinese, ["过拟合"]);
    }

    #[test]
    fn round_trip_through_the_exporter() {
        let g = crate::Extractor::builder().build().unwrap().extract(
            "我们比较了检索增强生成（Retrieval-Augmented Generation，RAG）。RAG 很有效。\
             训练时使用随机梯度下降（stochastic gradient descent，SGD）。",
        );
        let mut first = Vec::new();
        crate::io::tbx::write::write(&g, &mut first, &Default::default()).unwrap();
        let back = read(Path::new("g.tbx"), first.as_slice()).unwrap();
        assert_eq!(back.sources, g.sources);
        assert_eq!(back.entries.len(), g.entries.len());
        for (a, b) in back.entries.iter().zip(&g.entries) {
            assert_eq!(a.english, b.english);
            assert_eq!(a.abbreviation, b.abbreviation);
            assert_eq!(a.variants, b.variants);
            assert_eq!(a.chinese, b.chinese);
            assert_eq!(a.category, b.category);
            assert_eq!(a.frequency, b.frequency);
            assert_eq!(a.method, b.method);
            assert_eq!(a.context, b.context);
        }
        let mut second = Vec::new();
        crate::io::tbx::write::write(&back, &mut second, &Default::default()).unwrap();
        assert_eq!(String::from_utf8(first).unwrap(), String::from_utf8(second).unwrap());
    }
}
