//! Markdown markup never becomes a row or shows in a context: front matter, heading ids,
//! reference links and their definitions, images, HTML blocks, attributes, scripts and
//! styles, containers, tables, indented code, escapes, inline code, quotes, lists, template
//! interpolations and footnotes, all in one invented text (`tests/fixtures/markup/`).

use std::path::Path;
use termbridge::{Extractor, Markup, Source};

fn glossary() -> termbridge::Glossary {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/markup/every_markup.md");
    let text = std::fs::read_to_string(&path).expect("reading the fixture");
    let extractor = Extractor::builder().build().expect("building the extractor");
    extractor.extract_sources(&[Source { name: "every_markup.md", text: &text, markup: Markup::Markdown }])
}

#[test]
fn markup_never_becomes_a_row() {
    let g = glossary();
    let rows: Vec<String> = g.entries().iter().map(|e| e.english.to_lowercase()).collect();
    let leaked = [
        // front matter
        "payment gateway notes",
        "jdoe42",
        "ledger",
        // heading id, reference label and definition, link title
        "payment-gateway-notes",
        "onboarding-guide",
        "onboarding guide",
        "reconcile handbook",
        // image and credit
        "photo",
        "jane roe",
        "unsplash",
        "counter",
        // HTML attributes, script and style
        "callout",
        "data-kind",
        "warning",
        "target",
        "_blank",
        "noopener",
        "const",
        "creategateway",
        "retries",
        "refund-button",
        "border-radius",
        "scoped",
        // container, table delimiters, indented code, inline code, template
        "caution",
        "post",
        "charges",
        "idempotency-key",
        "chargeamount",
        "pendingtotal",
        "t+",
        // an identifier whose underscore is escaped
        "payout",
        "limit",
    ];
    for l in leaked {
        assert!(!rows.iter().any(|r| r == l || r.split(' ').any(|w| w == l)), "{l:?} leaked into {rows:?}");
    }
    for kept in ["idempotency key", "refund", "merchant id", "settlement window", "clearing house", "pre-authorization"]
    {
        assert!(rows.iter().any(|r| r == kept), "{kept:?} is missing from {rows:?}");
    }
}

#[test]
fn contexts_hold_no_markup() {
    for e in glossary().entries() {
        let c = &e.context;
        for mark in ["#", "|", "![", "](", "{#", ":::", "\\", "**", "{{", "[^", "> "] {
            assert!(!c.contains(mark), "{:?}: context {c:?} holds {mark:?}", e.english);
        }
        assert!(!c.starts_with("- ") && !c.starts_with('>'), "{:?}: context {c:?} starts with a marker", e.english);
    }
}
