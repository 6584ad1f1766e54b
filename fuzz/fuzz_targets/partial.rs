//! Structured partials: JSON Lines that serde accepts (every field of the right type), with
//! indexes, spans, lines, counts and confidences drawn near and beyond their bounds. Reading
//! one is a glossary's facts or an error naming a line, and deciding what was read never
//! panics.
#![no_main]

use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use serde_json::{json, Value};
use std::sync::OnceLock;
use termbridge::{Extractor, ImportError, Partial};

fn extractor() -> &'static Extractor {
    static E: OnceLock<Extractor> = OnceLock::new();
    E.get_or_init(|| Extractor::builder().build().expect("the extractor builds"))
}

/// Short strings from a small alphabet of English, Chinese and markup, so that forms,
/// glosses and reference terms meet.
fn text(u: &mut Unstructured) -> Result<String> {
    const PIECES: [&str; 12] = ["RAG", "GPT", "large", " ", "model", "-", "模型", "检索", "增强", "生成", "（", "x"];
    let n = u.int_in_range(0..=4)?;
    let mut s = String::new();
    for _ in 0..n {
        s.push_str(u.choose(&PIECES)?);
    }
    if u.ratio(1, 16)? {
        s.push_str(u.arbitrary::<&str>()?);
    }
    Ok(s)
}

/// A number near `bound`, below it mostly, now and then anything.
fn index(u: &mut Unstructured, bound: usize) -> Result<usize> {
    Ok(match u.int_in_range(0..=15)? {
        0 => u.arbitrary()?,
        1 => bound,
        _ => u.int_in_range(0..=bound.saturating_sub(1))?,
    })
}

fn span(u: &mut Unstructured) -> Result<Value> {
    let start = index(u, 200)?;
    let end = if u.ratio(1, 16)? { index(u, 200)? } else { start.saturating_add(index(u, 40)?) };
    Ok(json!({"start": start, "end": end}))
}

fn input(u: &mut Unstructured) -> Result<Value> {
    let name = u.choose(&["a.md", "b.md", "a.md", "c.txt"])?.to_string();
    let forms: Vec<Value> =
        (0..u.int_in_range(0..=5)?).map(|_| Ok(json!({"text": text(u)?, "context": text(u)?}))).collect::<Result<_>>()?;
    let n = forms.len();
    let english: Vec<Value> = (0..u.int_in_range(0..=8)?)
        .map(|_| Ok(json!({"form": index(u, n)?, "span": span(u)?, "line": index(u, 30)?, "title": u.arbitrary::<bool>()?})))
        .collect::<Result<_>>()?;
    let methods = ["parenthesis", "apposition", "reference"];
    let glosses: Vec<Value> = (0..u.int_in_range(0..=5)?)
        .map(|_| {
            let chinese = if u.arbitrary()? { json!([text(u)?, span(u)?]) } else { Value::Null };
            let confidence = match u.int_in_range(0..=7)? {
                0 => -1.0,
                1 => 2.5,
                _ => f64::from(u.int_in_range(0..=100u8)?) / 100.0,
            };
            Ok(json!({
                "english": text(u)?,
                "abbreviation": if u.arbitrary()? { json!(text(u)?) } else { Value::Null },
                "alias": if u.ratio(1, 4)? { json!(text(u)?) } else { Value::Null },
                "chinese": chinese,
                "method": u.choose(&methods)?,
                "confidence": confidence,
                "site": span(u)?,
                "line": index(u, 30)?,
                "context": if u.arbitrary()? { json!(text(u)?) } else { Value::Null },
                "count": index(u, 4)?,
            }))
        })
        .collect::<Result<_>>()?;
    let reference: Vec<Value> = (0..u.int_in_range(0..=3)?)
        .map(|_| {
            let near: Vec<Value> =
                (0..u.int_in_range(0..=3)?).map(|_| Ok(json!([index(u, n)?, index(u, 4000)?]))).collect::<Result<_>>()?;
            Ok(json!({"chinese": text(u)?, "count": index(u, 12)?, "near": near}))
        })
        .collect::<Result<_>>()?;
    Ok(json!({"name": name, "forms": forms, "english": english, "glosses": glosses, "reference": reference}))
}

fn partial(u: &mut Unstructured) -> Result<String> {
    let mut out = String::from("{\"termbridge\":\"partial\",\"version\":2}\n");
    for _ in 0..u.int_in_range(0..=4)? {
        out.push_str(&input(u)?.to_string());
        out.push('\n');
    }
    Ok(out)
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = partial(&mut Unstructured::new(data)) else { return };
    match Partial::read_jsonl("fuzz.jsonl", text.as_bytes()) {
        Ok(p) => {
            let glossary = extractor().decide(&p);
            let mut out = Vec::new();
            glossary.write_csv(&mut out).expect("CSV is written");
            // what was read writes back and reads as the same
            let mut again = Vec::new();
            p.write_jsonl(&mut again).expect("the partial is written");
            assert_eq!(Partial::read_jsonl("again.jsonl", again.as_slice()).expect("reads back"), p);
        }
        Err(ImportError::Format { line, .. }) => assert!(line >= 1, "an error names a line"),
        Err(e) => panic!("not a format error: {e}"),
    }
});
