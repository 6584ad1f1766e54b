//! TBX v2 (ISO 30042:2008): the `martif` document of TBX-Basic 2008, for tools that read
//! only that version (translate-toolkit, and so Weblate; older CAT tools).
//!
//! ```xml
//! <martif type="TBX-Basic" xml:lang="en">
//!   <martifHeader><fileDesc><sourceDesc><p>…</p></sourceDesc></fileDesc>…</martifHeader>
//!   <text><body>
//!     <termEntry id="c1">
//!       <note>category: term</note>
//!       <langSet xml:lang="en">
//!         <tig>
//!           <term>overfitting</term>
//!           <termNote type="partOfSpeech">noun</termNote>
//!           <descrip type="context">过拟合（overfitting）很常见。</descrip>
//!           <admin type="source">a.txt:1</admin>
//!         </tig>
//!       </langSet>
//!       <langSet xml:lang="zh-Hans"><tig><term>过拟合</term>…</tig></langSet>
//!     </termEntry>
//!   </body></text>
//! </martif>
//! ```
//!
//! It says what the v3 writer ([`super::write`]) says, in the older names: `termEntry`,
//! `langSet`, `tig`; the same notes on the concept, the same data categories on the terms.
//! [`super::read`] reads both.

use super::write::{
    close, is_blank, open, open_entry, source_desc, text_element, typed_element, write_xml, PART_OF_SPEECH,
};
use super::{chinese_terms, status_of, Places};
use crate::io::lang::Languages;
use crate::model::{Entry, Glossary};
use crate::ExportError;
use quick_xml::events::{BytesDecl, BytesStart, BytesText, Event};
use quick_xml::Writer;
use std::io::Write;

/// The document type of TBX v2; tools find the DTD themselves (none is fetched).
const DOCTYPE: &str = "martif SYSTEM \"TBXcoreStructV02.dtd\"";

/// The constraint specification of TBX-Basic 2008, which `encodingDesc` names.
const XCS: &str = "TBXBasicXCSV02.xcs";

/// Writes `glossary` as a TBX v2 `martif` document, TBX-Basic 2008 style.
pub(crate) fn write<W: Write>(glossary: &Glossary, out: W, languages: &Languages) -> Result<(), ExportError> {
    write_xml(glossary, out, |w| write_document(w, glossary, languages))
}

fn write_document<W: Write>(w: &mut Writer<W>, glossary: &Glossary, languages: &Languages) -> std::io::Result<()> {
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.write_event(Event::DocType(BytesText::from_escaped(DOCTYPE)))?;
    let root =
        BytesStart::new("martif").with_attributes([("type", "TBX-Basic"), ("xml:lang", languages.source.as_str())]);
    w.write_event(Event::Start(root))?;

    open(w, "martifHeader")?;
    open(w, "fileDesc")?;
    source_desc(w, glossary)?;
    close(w, "fileDesc")?;
    open(w, "encodingDesc")?;
    typed_element(w, "p", "XCSURI", XCS)?;
    close(w, "encodingDesc")?;
    close(w, "martifHeader")?;

    open(w, "text")?;
    open(w, "body")?;
    let places = Places::of(&glossary.sources);
    for (i, entry) in glossary.entries.iter().enumerate() {
        write_entry(w, i + 1, entry, languages, &places)?;
    }
    close(w, "body")?;
    close(w, "text")?;
    close(w, "martif")
}

fn write_entry<W: Write>(
    w: &mut Writer<W>,
    n: usize,
    entry: &Entry,
    languages: &Languages,
    places: &Places,
) -> std::io::Result<()> {
    open_entry(w, "termEntry", n, entry)?;
    let status = status_of(entry);
    lang_set_start(w, languages.source.as_str())?;
    tig(w, &entry.english, None, status, Some((&entry.context, places.relative(&entry.source))))?;
    if let Some(abbr) = entry.abbreviation.as_ref().filter(|a| !is_blank(a)) {
        tig(w, abbr, Some("abbreviation"), status, None)?;
    }
    for variant in entry.variants.iter().filter(|v| !is_blank(v)) {
        tig(w, variant, Some("variant"), status, None)?;
    }
    close(w, "langSet")?;
    let chinese = chinese_terms(entry);
    if !chinese.is_empty() {
        lang_set_start(w, languages.target.as_str())?;
        for zh in chinese.into_iter().filter(|zh| !is_blank(zh)) {
            tig(w, zh, None, status, None)?;
        }
        close(w, "langSet")?;
    }
    close(w, "termEntry")
}

fn lang_set_start<W: Write>(w: &mut Writer<W>, lang: &str) -> std::io::Result<()> {
    w.write_event(Event::Start(BytesStart::new("langSet").with_attributes([("xml:lang", lang)])))
}

/// A `tig`: the term, its part of speech, `termType` and `administrativeStatus`, then the
/// context sentence and its source, if given.
fn tig<W: Write>(
    w: &mut Writer<W>,
    term: &str,
    kind: Option<&str>,
    status: Option<&str>,
    context: Option<(&str, &str)>,
) -> std::io::Result<()> {
    open(w, "tig")?;
    text_element(w, "term", term)?;
    for (category, value) in
        [("partOfSpeech", Some(PART_OF_SPEECH)), ("termType", kind), ("administrativeStatus", status)]
    {
        if let Some(value) = value {
            typed_element(w, "termNote", category, value)?;
        }
    }
    if let Some((context, source)) = context {
        for (element, category, text) in [("descrip", "context", context), ("admin", "source", source)] {
            if !is_blank(text) {
                typed_element(w, element, category, text)?;
            }
        }
    }
    close(w, "tig")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_martif() {
        let g = crate::Extractor::builder().build().unwrap().extract("过拟合（overfitting）很常见。");
        let mut out = Vec::new();
        write(&g, &mut out, &Languages::default()).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains("<!DOCTYPE martif SYSTEM \"TBXcoreStructV02.dtd\">"));
        assert!(out.contains("<martif type=\"TBX-Basic\" xml:lang=\"en\">"));
        assert!(out.contains("<p type=\"XCSURI\">TBXBasicXCSV02.xcs</p>"));
        assert!(out.contains("<langSet xml:lang=\"zh-Hans\">"));
        assert!(out.contains("<descrip type=\"context\">过拟合（overfitting）很常见。</descrip>"));
        assert!(out.contains("<term>过拟合</term>"));
    }
}
