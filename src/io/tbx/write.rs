//! TBX export: TBX v3 (ISO 30042:2019), TBX-Basic dialect, DCA style.
//!
//! One `conceptEntry` per glossary entry (ids `c1`, `c2`, …):
//!
//! ```xml
//! <conceptEntry id="c1">
//!   <note>category: term</note>
//!   <note>frequency: 2</note>
//!   <note>confidence: 0.95</note>
//!   <note>method: parenthesis</note>
//!   <langSec xml:lang="en">
//!     <termSec>
//!       <term>Retrieval-Augmented Generation</term>
//!       <termNote type="partOfSpeech">noun</termNote>
//!       <descripGrp>
//!         <descrip type="context">我们比较了检索增强生成（Retrieval-Augmented Generation，RAG）。</descrip>
//!         <admin type="source">&lt;input&gt;:1</admin>
//!       </descripGrp>
//!     </termSec>
//!     <termSec>
//!       <term>RAG</term>
//!       <termNote type="partOfSpeech">noun</termNote>
//!       <termNote type="termType">abbreviation</termNote>
//!     </termSec>
//!   </langSec>
//!   <langSec xml:lang="zh-Hans">
//!     <termSec><term>检索增强生成</term><termNote type="partOfSpeech">noun</termNote></termSec>
//!   </langSec>
//! </conceptEntry>
//! ```
//!
//! This is TBX-Basic, DCA style, as its schemas (the core structure's RELAX NG and the
//! dialect's Schematron) check it; the format is named `tbx` and `tbx-basic`. The terms carry
//! the data categories of TBX-Basic that tools act on, at the term level where the dialect
//! wants them: a `partOfSpeech` (`noun`: the dialect's list has no proper noun, and names
//! are nouns too), the abbreviation's and the variants' `termType` (`abbreviation`,
//! `variant`), and for every term of a deleted entry (a tombstone: `status` = `deleted`) an
//! `administrativeStatus` of `deprecatedTerm-admn-sts`, so that a tool importing the file
//! does not offer it and a termbase kept as TBX still keeps the concept out when it is merged
//! again. The context sentence and its place (`file:line`) are the English term's `context`
//! and `source`. Everything else is written as `note` elements of the form `key: value`,
//! which every dialect allows on `conceptEntry`. Extra columns a person added (`status`,
//! `reviewer`, …) follow the entry's own notes, `status: deleted`. The header's `sourceDesc`
//! names termbridge and, one `input: …` paragraph each, the inputs, relative to the folder
//! that holds them all (no local path). `xml:lang` is the English side's tag on the root and
//! its `langSec`, the Chinese side's tag on the other ([`Languages`]). [`super::read`] reads
//! all of it back.
//!
//! Text is escaped for XML; characters XML 1.0 does not allow (C0 controls other than tab,
//! line feed and carriage return; U+FFFE, U+FFFF) are dropped, a carriage return is written
//! as `&#13;` so that parsers' line-end normalisation keeps it (DEL, the C1 controls and
//! U+2028 are written as character references too, as XML 1.1 wants), and leading and trailing
//! whitespace is trimmed, as the importer trims it (so that TBX → glossary → TBX gives the
//! same bytes). Empty values are left out.
//!
//! The schema requires at least one `conceptEntry`: an empty glossary is an error rather than
//! a file that TBX tools would reject.

use super::{chinese_terms, clean, header_sources, status_of, Places, GENERATOR, INPUT_PREFIX, NAMESPACE};
use crate::io::lang::Languages;
use crate::model::{Entry, Glossary};
use crate::ExportError;
use quick_xml::events::{BytesDecl, BytesEnd, BytesPI, BytesStart, BytesText, Event};
use quick_xml::Writer;
use std::io::Write;

/// The `xml-model` processing instructions pointing at the TBX-Basic schemas (the core
/// structure and the dialect's rules), as TBX v3 recommends.
const MODELS: [&str; 2] = [
    "xml-model href=\"https://raw.githubusercontent.com/LTAC-Global/TBX_Core_RNG/master/TBXcoreStructV03.rng\" type=\"application/xml\" schematypens=\"http://relaxng.org/ns/structure/1.0\"",
    "xml-model href=\"https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBX-Basic_DCA.sch\" type=\"application/xml\" schematypens=\"http://purl.oclc.org/dsdl/schematron\"",
];

/// The part of speech of every term: the dialect's picklist has no proper noun.
pub(super) const PART_OF_SPEECH: &str = "noun";

/// Writes `glossary` as TBX v3, TBX-Basic dialect, its sides tagged with `languages`.
pub(crate) fn write<W: Write>(glossary: &Glossary, out: W, languages: &Languages) -> Result<(), ExportError> {
    write_xml(glossary, out, |w| write_document(w, glossary, languages))
}

/// Writes a TBX document of `glossary` (of either version) with `document`, indented, ending
/// with a line break; a glossary without entries is an error, not an empty termbase.
pub(super) fn write_xml<W: Write>(
    glossary: &Glossary,
    out: W,
    document: impl FnOnce(&mut Writer<W>) -> std::io::Result<()>,
) -> Result<(), ExportError> {
    if glossary.entries.is_empty() {
        return Err(ExportError::Empty { format: "TBX" });
    }
    let mut w = Writer::new_with_indent(out, b' ', 2);
    document(&mut w)?;
    let mut out = w.into_inner();
    out.write_all(b"\n")?;
    out.flush()?;
    Ok(())
}

/// The header's `sourceDesc`: what made the file, and the inputs relative to their root.
pub(super) fn source_desc<W: Write>(w: &mut Writer<W>, glossary: &Glossary) -> std::io::Result<()> {
    open(w, "sourceDesc")?;
    text_element(w, "p", &format!("Bilingual glossary (English–Chinese) {GENERATOR} {}", env!("CARGO_PKG_VERSION")))?;
    for source in header_sources(&glossary.sources) {
        text_element(w, "p", &format!("{INPUT_PREFIX}{source}"))?;
    }
    close(w, "sourceDesc")
}

fn write_document<W: Write>(w: &mut Writer<W>, glossary: &Glossary, languages: &Languages) -> std::io::Result<()> {
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    for model in MODELS {
        w.write_event(Event::PI(BytesPI::new(model)))?;
    }
    let root = BytesStart::new("tbx").with_attributes([
        ("type", "TBX-Basic"),
        ("style", "dca"),
        ("xml:lang", languages.source.as_str()),
        ("xmlns", NAMESPACE),
    ]);
    w.write_event(Event::Start(root))?;

    open(w, "tbxHeader")?;
    open(w, "fileDesc")?;
    source_desc(w, glossary)?;
    close(w, "fileDesc")?;
    close(w, "tbxHeader")?;

    // (a glossary without entries is refused before: see `write_xml`)
    open(w, "text")?;
    open(w, "body")?;
    let places = Places::of(&glossary.sources);
    for (i, entry) in glossary.entries.iter().enumerate() {
        write_entry(w, i + 1, entry, languages, &places)?;
    }
    close(w, "body")?;
    close(w, "text")?;
    close(w, "tbx")
}

/// The `key: value` notes of an entry, in the order they are written, the context and its
/// source aside (TBX-Basic puts them on the term); values are cleaned and trimmed (as they
/// are read back), empty ones left out.
/// Opens the `n`th entry as `element` (`conceptEntry`, or `termEntry` in TBX 2008), with its
/// id and its notes: the entry's own columns, then a person's.
pub(super) fn open_entry<W: Write>(w: &mut Writer<W>, element: &str, n: usize, entry: &Entry) -> std::io::Result<()> {
    let id = format!("c{n}");
    w.write_event(Event::Start(BytesStart::new(element).with_attributes([("id", id.as_str())])))?;
    for (key, value) in entry_notes(entry) {
        text_element(w, "note", &format!("{key}: {value}"))?;
    }
    for note in extra_notes(entry) {
        text_element(w, "note", &note)?;
    }
    Ok(())
}

fn entry_notes(entry: &Entry) -> Vec<(&'static str, String)> {
    let mut notes = vec![("category", entry.category.as_str().to_string()), ("frequency", entry.frequency.to_string())];
    if let Some(s) = entry.score {
        notes.push(("score", format!("{s:.2}")));
    }
    if let Some(c) = entry.confidence {
        notes.push(("confidence", format!("{c:.2}")));
    }
    if let Some(m) = entry.method {
        notes.push(("method", m.as_str().to_string()));
    }
    notes.push(("note", entry.note.clone()));
    notes.into_iter().map(|(k, v)| (k, clean(&v).trim().to_string())).filter(|(_, v)| !v.is_empty()).collect()
}

/// The notes of an entry's extra columns, `key: value`.
fn extra_notes(entry: &Entry) -> impl Iterator<Item = String> + '_ {
    entry
        .extra
        .iter()
        .map(|(k, v)| (clean(k).trim().to_string(), clean(v).trim().to_string()))
        .filter(|(k, v)| !k.is_empty() && !v.is_empty())
        .map(|(k, v)| format!("{k}: {v}"))
}

fn write_entry<W: Write>(
    w: &mut Writer<W>,
    n: usize,
    entry: &Entry,
    languages: &Languages,
    places: &Places,
) -> std::io::Result<()> {
    open_entry(w, "conceptEntry", n, entry)?;
    let status = status_of(entry);
    lang_sec_start(w, languages.source.as_str())?;
    let head = Term { text: &entry.english, kind: None, status };
    term_sec(w, &head, Some((&entry.context, places.relative(&entry.source))))?;
    if let Some(abbr) = entry.abbreviation.as_ref().filter(|a| !is_blank(a)) {
        term_sec(w, &Term { text: abbr, kind: Some("abbreviation"), status }, None)?;
    }
    for variant in entry.variants.iter().filter(|v| !is_blank(v)) {
        term_sec(w, &Term { text: variant, kind: Some("variant"), status }, None)?;
    }
    close(w, "langSec")?;

    let chinese = chinese_terms(entry);
    if !chinese.is_empty() {
        lang_sec_start(w, languages.target.as_str())?;
        for zh in chinese.into_iter().filter(|zh| !is_blank(zh)) {
            term_sec(w, &Term { text: zh, kind: None, status }, None)?;
        }
        close(w, "langSec")?;
    }
    close(w, "conceptEntry")
}

fn lang_sec_start<W: Write>(w: &mut Writer<W>, lang: &str) -> std::io::Result<()> {
    w.write_event(Event::Start(BytesStart::new("langSec").with_attributes([("xml:lang", lang)])))
}

/// A term and what its `termSec` says of it.
struct Term<'a> {
    text: &'a str,
    /// Its `termType`, if any.
    kind: Option<&'a str>,
    /// Its `administrativeStatus`, if any.
    status: Option<&'a str>,
}

/// A `termSec`: the term, its part of speech, `termType` and `administrativeStatus`, then
/// the context sentence and its source (`file:line`), if given.
fn term_sec<W: Write>(w: &mut Writer<W>, term: &Term<'_>, context: Option<(&str, &str)>) -> std::io::Result<()> {
    open(w, "termSec")?;
    text_element(w, "term", term.text)?;
    let notes =
        [("partOfSpeech", Some(PART_OF_SPEECH)), ("termType", term.kind), ("administrativeStatus", term.status)];
    for (category, value) in notes {
        if let Some(value) = value {
            typed_element(w, "termNote", category, value)?;
        }
    }
    if let Some((context, source)) = context {
        if !is_blank(context) {
            open(w, "descripGrp")?;
            typed_element(w, "descrip", "context", context)?;
            if !is_blank(source) {
                typed_element(w, "admin", "source", source)?;
            }
            close(w, "descripGrp")?;
        } else if !is_blank(source) {
            typed_element(w, "admin", "source", source)?;
        }
    }
    close(w, "termSec")
}

/// `<name type="category">text</name>` on one line, `text` cleaned, trimmed and escaped.
pub(super) fn typed_element<W: Write>(
    w: &mut Writer<W>,
    name: &str,
    category: &str,
    text: &str,
) -> std::io::Result<()> {
    let element = w.create_element(name).with_attribute(("type", category));
    element.write_text_content(BytesText::from_escaped(escape(clean(text).trim())))?;
    Ok(())
}

pub(super) fn open<W: Write>(w: &mut Writer<W>, name: &str) -> std::io::Result<()> {
    w.write_event(Event::Start(BytesStart::new(name)))
}

pub(super) fn close<W: Write>(w: &mut Writer<W>, name: &str) -> std::io::Result<()> {
    w.write_event(Event::End(BytesEnd::new(name)))
}

/// `<name>text</name>` on one line, `text` cleaned, trimmed (as it is read back) and escaped.
pub(super) fn text_element<W: Write>(w: &mut Writer<W>, name: &str, text: &str) -> std::io::Result<()> {
    w.create_element(name).write_text_content(BytesText::from_escaped(escape(clean(text).trim())))?;
    Ok(())
}

/// Whether nothing of `text` would be written.
pub(super) fn is_blank(text: &str) -> bool {
    clean(text).trim().is_empty()
}

/// Escapes `text` for element content: quick-xml's escaping of `<`, `>`, `&`, `'` and `"`,
/// plus as character references `\r` (so that it survives line-end normalisation), and the
/// characters XML 1.0 discourages and XML 1.1 parsers would take for line ends or refuse
/// raw: DEL, the C1 controls (NEL among them) and the line separator U+2028.
fn escape(text: &str) -> String {
    let escaped = quick_xml::escape::escape(text);
    let by_reference = |c: char| matches!(c, '\r' | '\u{7f}'..='\u{9f}' | '\u{2028}');
    if !escaped.contains(by_reference) {
        return escaped.into_owned();
    }
    let mut out = String::with_capacity(escaped.len() + 8);
    for c in escaped.chars() {
        if by_reference(c) {
            out.push_str(&format!("&#{};", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::is_xml_char;
    use super::*;

    fn tbx(g: &Glossary) -> String {
        let mut out = Vec::new();
        write(g, &mut out, &Languages::default()).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn cleans_and_escapes() {
        assert_eq!(clean("a\u{0}b\u{8}\u{b}\u{c}\u{1f}\u{fffe}\u{ffff}c\td\ne"), "abc\td\ne");
        assert_eq!(escape("<a & b> ]]> \"q\" 'q'\r\n"), "&lt;a &amp; b&gt; ]]&gt; &quot;q&quot; &apos;q&apos;&#13;\n");
        assert_eq!(escape("del\u{7f} nel\u{85} ls\u{2028} ps\u{2029}"), "del&#127; nel&#133; ls&#8232; ps\u{2029}");
        assert!(is_xml_char('😀'));
        assert!(!is_xml_char('\u{1}'));
    }

    #[test]
    fn writes_a_concept_per_entry() {
        let g = crate::Extractor::builder()
            .build()
            .unwrap()
            .extract("我们比较了检索增强生成（Retrieval-Augmented Generation，RAG）。RAG 很有效。");
        let out = tbx(&g);
        assert!(out.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?xml-model href="));
        assert!(
            out.contains("<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\">")
        );
        assert_eq!(out.matches("<conceptEntry id=").count(), g.len());
        assert!(out.contains("<conceptEntry id=\"c1\">"));
        assert!(out.contains("<term>Retrieval-Augmented Generation</term>"));
        assert!(out.contains(
            "<term>RAG</term>\n            <termNote type=\"partOfSpeech\">noun</termNote>\n            \
             <termNote type=\"termType\">abbreviation</termNote>"
        ));
        assert!(out.contains("<descrip type=\"context\">我们比较了检索增强生成"));
        assert!(out.contains("<admin type=\"source\">&lt;input&gt;:1</admin>"));
        assert!(out.contains("<langSec xml:lang=\"zh-Hans\">"));
        assert!(out.contains("<term>检索增强生成</term>"));
        assert!(out.contains("<p>input: &lt;input&gt;</p>"));
        assert!(out.ends_with("</tbx>\n"));
    }

    #[test]
    fn empty_glossary_is_an_error() {
        let err = write(&Glossary::default(), Vec::new(), &Languages::default()).unwrap_err();
        assert_eq!(err.to_string(), "the glossary is empty, and TBX needs at least one entry");
    }
}
