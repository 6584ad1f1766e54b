//! Structured partials: JSON Lines that serde accepts (every field of the right type), with
//! indexes, spans, lines, counts and confidences drawn near and beyond their bounds, in
//! either version of the format: version 2 (one object per input) and version 3 (sentences
//! quoted by number, places as differences, some lines compressed, now and then with a
//! damaged or mismatched compressed line). Reading one is a glossary's facts or an error
//! naming a line, and deciding what was read never panics.
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
    if rarely(u, 16)? {
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
    let end = if rarely(u, 16)? { index(u, 200)? } else { start.saturating_add(index(u, 40)?) };
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
                "alias": if rarely(u, 4)? { json!(text(u)?) } else { Value::Null },
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

/// True once in `n` times, and false when the fuzzer's bytes run out (unlike `ratio`), so
/// that short inputs make well-formed lines.
fn rarely(u: &mut Unstructured, n: u32) -> Result<bool> {
    Ok(u.int_in_range(1..=n)? == n)
}

/// A signed difference: small mostly, now and then far before or past anything.
fn delta(u: &mut Unstructured, bound: usize) -> Result<i64> {
    let bound = bound as i64;
    Ok(match u.int_in_range(0..=15)? {
        0 => u.arbitrary()?,
        1 => -bound,
        2 => i64::MAX,
        _ => u.int_in_range(-2..=bound)?,
    })
}

/// The open line of one input in version 3.
fn input_v3(u: &mut Unstructured, name: &str, bytes: usize) -> Result<Value> {
    let sentences: Vec<String> = (0..u.int_in_range(0..=3)?).map(|_| text(u)).collect::<Result<_>>()?;
    let s = sentences.len();
    let forms: Vec<Value> =
        (0..u.int_in_range(0..=5)?).map(|_| Ok(json!([text(u)?, index(u, s)?]))).collect::<Result<_>>()?;
    let n = forms.len();
    let mut english = Vec::new();
    for _ in 0..u.int_in_range(0..=8)? {
        english.push(json!(index(u, n)?));
        english.push(json!(delta(u, 60)?));
        english.push(json!(if rarely(u, 16)? { -1 } else { index(u, 40)? as i64 }));
        english.push(json!(delta(u, 3)?));
    }
    if rarely(u, 16)? {
        english.push(json!(0));
    }
    let occurrences = english.len() / 4;
    let titles: Vec<Value> =
        (0..u.int_in_range(0..=2)?).map(|_| Ok(json!(index(u, occurrences)?))).collect::<Result<_>>()?;
    let glosses: Vec<Value> = (0..u.int_in_range(0..=5)?)
        .map(|_| {
            let chinese = if u.arbitrary()? { json!([text(u)?, delta(u, 40)?, index(u, 30)?]) } else { Value::Null };
            let method = u.choose(&["p", "a", "r", "x"])?;
            let confidence = f64::from(u.int_in_range(0..=110u8)?) / 100.0;
            let sentence = if u.arbitrary()? { json!(index(u, s)?) } else { Value::Null };
            Ok(json!([
                text(u)?,
                if u.arbitrary()? { json!(text(u)?) } else { Value::Null },
                if rarely(u, 4)? { json!(text(u)?) } else { Value::Null },
                chinese,
                method,
                confidence,
                delta(u, 80)?,
                index(u, 60)?,
                delta(u, 3)?,
                sentence,
                index(u, 4)?,
            ]))
        })
        .collect::<Result<_>>()?;
    let reference: Vec<Value> = (0..u.int_in_range(0..=3)?)
        .map(|_| {
            let near: Vec<Value> =
                (0..u.int_in_range(0..=3)?).map(|_| Ok(json!([index(u, n)?, index(u, 4000)?]))).collect::<Result<_>>()?;
            Ok(json!([text(u)?, index(u, 12)?, near]))
        })
        .collect::<Result<_>>()?;
    let mut record = serde_json::Map::new();
    record.insert("name".into(), json!(name));
    record.insert("bytes".into(), json!(bytes));
    for (key, list) in [
        ("sentences", json!(sentences)),
        ("forms", json!(forms)),
        ("english", json!(english)),
        ("titles", json!(titles)),
        ("glosses", json!(glosses)),
        ("reference", json!(reference)),
    ] {
        if list.as_array().is_some_and(|l| !l.is_empty()) || rarely(u, 8)? {
            record.insert(key.into(), list);
        }
    }
    Ok(Value::Object(record))
}

/// Standard base64 with padding.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            out.push(if i <= chunk.len() { char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]) } else { '=' });
        }
    }
    out
}

/// The line of one input in version 3: open, or compressed (now and then damaged: cut short,
/// a wrong letter, or the line of another input).
fn line_v3(u: &mut Unstructured) -> Result<String> {
    let name = *u.choose(&["a.md", "b.md", "a.md", "c.txt"])?;
    let bytes = index(u, 400)?;
    let open = input_v3(u, name, bytes)?;
    if u.int_in_range(0..=2)? != 1 {
        return Ok(open.to_string());
    }
    let mut packed = zstd::encode_all(open.to_string().as_bytes(), 1).expect("compresses in memory");
    match u.int_in_range(0..=7)? {
        6 => packed.truncate(u.int_in_range(0..=packed.len())?),
        7 => {
            let at = u.int_in_range(0..=packed.len().saturating_sub(1))?;
            if let Some(b) = packed.get_mut(at) {
                *b ^= u.int_in_range(1..=255u8)?;
            }
        }
        _ => {}
    }
    let mut encoded = base64(&packed);
    if rarely(u, 16)? {
        encoded.push(*u.choose(&['!', '=', 'A', '\u{fffd}'])?);
    }
    let (outer_name, outer_bytes) = if rarely(u, 16)? { ("z.md", bytes + 1) } else { (name, bytes) };
    Ok(json!({"name": outer_name, "bytes": outer_bytes, "zstd": encoded}).to_string())
}

fn partial(u: &mut Unstructured) -> Result<String> {
    let mut out = String::new();
    for _ in 0..u.int_in_range(1..=2)? {
        let v3 = u.arbitrary::<bool>()?;
        out.push_str(if v3 { "{\"termbridge\":\"partial\",\"version\":3}\n" } else { "{\"termbridge\":\"partial\",\"version\":2}\n" });
        for _ in 0..u.int_in_range(0..=3)? {
            out.push_str(&if v3 { line_v3(u)? } else { input(u)?.to_string() });
            out.push('\n');
        }
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
