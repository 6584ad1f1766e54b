//! The line of one input in a partial of format version 3: its facts as compact JSON, each
//! sentence written once and quoted by number, places written as differences from the one
//! before; or, when that line would be longer than the input itself, the same line
//! compressed (zstd) and written in base64 inside a short JSON line.
//!
//! ```text
//! {"name":"a.md","bytes":73,"sentences":["检索增强生成（Retrieval-Augmented Generation，RAG）很有用。"],
//!  "forms":[["Retrieval-Augmented Generation",0],["RAG",0]],
//!  "english":[0,21,30,1,1,33,3,0],
//!  "glosses":[["Retrieval-Augmented Generation","RAG",null,["检索增强生成",0,18],"p",0.78,0,60,1,0,1]],
//!  "reference":[["检索增强生成",1,[[0,21],[1,54]]]]}
//! {"name":"big.md","bytes":16777271,"zstd":"KLUv/QBY…"}
//! ```
//!
//! (shown on several lines here; each is one line in the file)
//!
//! * `bytes`: the length of the input.
//! * `sentences`: each sentence that a form or gloss quotes, once.
//! * `forms`: each English form with the number of the sentence of its first occurrence.
//! * `english`: four numbers per English occurrence: its form, where it starts less where the
//!   one before it starts, its length, its line less the line of the one before (the first
//!   counts from 0 and line 0); `titles` numbers the occurrences that are titles in `《》`.
//! * `glosses`: per gloss, its English, acronym and alias (`null` for none), its Chinese
//!   (`null`, or the cleaned text, where it starts less where the gloss starts, and its
//!   length), how it was found (`p` brackets, `a` apposition, `r` reference), the confidence,
//!   where the gloss starts less where the gloss before starts, its length, its line less the
//!   line of the gloss before, the number of its sentence (`null` for none) and how many
//!   glosses written alike it stands for.
//! * `reference`: per Chinese term of the reference that occurs, how often (up to 10) and
//!   the forms near it with their distance in bytes.
//! * `composed`: per English form and Chinese composed of its words' Chinese that occurs,
//!   the form, the Chinese, how often (up to 10) and the words with their Chinese.
//!
//! An empty list is left out.

use super::base64;
use crate::model::facts::Sentence;
use crate::model::{ComposedFact, EnglishFact, FormFact, GlossFact, InputFacts, Method, ReferenceFact, Span};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::io::{Read, Write};

/// The zstd level of a compressed line: most of the gain of the slowest levels, at a small
/// part of their time.
const ZSTD_LEVEL: i32 = 9;

/// The longest line a compressed line may expand to: a line longer than this is no line of a
/// partial termbridge wrote (and must not take all memory).
const MAX_LINE_BYTES: u64 = 1 << 32;

/// The numbers of an English occurrence in `english`.
const ENGLISH_NUMBERS: usize = 4;

/// The code of each way of finding a Chinese.
const METHODS: [(Method, &str); 3] = [(Method::Parenthesis, "p"), (Method::Apposition, "a"), (Method::Reference, "r")];

/// A gloss: English, acronym, alias, Chinese (text, start from the gloss's, length), method,
/// confidence, start from the gloss before, length, line from the gloss before, sentence,
/// count.
type GlossRecord<'a> = (
    Cow<'a, str>,
    Option<Cow<'a, str>>,
    Option<Cow<'a, str>>,
    Option<(Cow<'a, str>, i64, usize)>,
    Cow<'a, str>,
    f32,
    i64,
    usize,
    i64,
    Option<usize>,
    usize,
);

/// The line of one input, open or compressed.
#[derive(Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Record<'a> {
    name: Cow<'a, str>,
    #[serde(default)]
    bytes: usize,
    /// The open line, compressed, in base64; the other lists are empty then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    zstd: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    sentences: Vec<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    forms: Vec<(Cow<'a, str>, usize)>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    english: Vec<i64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    titles: Vec<usize>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    glosses: Vec<GlossRecord<'a>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    reference: Vec<ReferenceRecord<'a>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    composed: Vec<ComposedRecord<'a>>,
}

/// A composed Chinese: the English form, the Chinese, how often, its words and their Chinese.
type ComposedRecord<'a> = (Cow<'a, str>, Cow<'a, str>, usize, Cow<'a, str>);

/// A reference Chinese term: the term, how often, and the forms near it with their distance.
type ReferenceRecord<'a> = (Cow<'a, str>, usize, Vec<(usize, usize)>);

/// Writes the line of an input's facts (without its line break): open, or compressed when
/// the open line would be longer than the input and the compressed one is shorter. Neither
/// is held whole in memory but the compressed one.
pub(super) fn write_line<W: Write>(facts: &InputFacts, out: &mut W) -> std::io::Result<()> {
    let open = record(facts);
    let open_len = written_len(&open)?;
    if open_len > facts.bytes {
        let mut encoder = zstd::stream::write::Encoder::new(Vec::new(), ZSTD_LEVEL)?;
        serde_json::to_writer(&mut encoder, &open)?;
        let packed = encoder.finish()?;
        // the line as the record with an empty `zstd` would be, the base64 written into it
        let empty = Record {
            name: Cow::Borrowed(&facts.name),
            bytes: facts.bytes,
            zstd: Some(String::new()),
            ..Record::default()
        };
        let line = serde_json::to_string(&empty)?;
        if line.len() + base64::encoded_len(packed.len()) < open_len {
            let (before, after) = line.split_at(line.len() - "\"}".len());
            out.write_all(before.as_bytes())?;
            base64::encode_to(&packed, out)?;
            return out.write_all(after.as_bytes());
        }
    }
    Ok(serde_json::to_writer(out, &open)?)
}

/// The length of a record's JSON, counted as it is made.
fn written_len(record: &Record<'_>) -> std::io::Result<usize> {
    /// Counts the bytes written to it.
    struct Counter(usize);
    impl Write for Counter {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0 += bytes.len();
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut counter = Counter(0);
    serde_json::to_writer(&mut counter, record)?;
    Ok(counter.0)
}

/// The facts of an input from its line; the error says what is wrong.
pub(super) fn read_line(line: &str) -> Result<InputFacts, String> {
    let r: Record = serde_json::from_str(line).map_err(|e| e.to_string())?;
    let Some(packed) = &r.zstd else { return facts(r) };
    let bytes = base64::decode(packed).map_err(|e| format!("zstd: {e}"))?;
    let mut open = Vec::new();
    zstd::stream::read::Decoder::new(bytes.as_slice())
        .and_then(|d| d.take(MAX_LINE_BYTES + 1).read_to_end(&mut open))
        .map_err(|e| format!("zstd: not a compressed line ({e})"))?;
    if open.len() as u64 > MAX_LINE_BYTES {
        return Err(format!("zstd: the line expands past {MAX_LINE_BYTES} bytes"));
    }
    let open = String::from_utf8(open)
        .map_err(|e| format!("zstd: the line is not valid UTF-8 at byte {}", e.utf8_error().valid_up_to()))?;
    let inner: Record = serde_json::from_str(&open).map_err(|e| format!("zstd: {e}"))?;
    if inner.zstd.is_some() || inner.name != r.name || inner.bytes != r.bytes {
        return Err("zstd: the compressed line is not the line of this input".into());
    }
    facts(inner)
}

/// The open record of an input's facts.
fn record<'a>(f: &'a InputFacts) -> Record<'a> {
    let mut numbers: FxHashMap<&'a str, usize> = FxHashMap::default();
    let mut sentences: Vec<Cow<'a, str>> = Vec::new();
    let mut number = |s: &'a Sentence| -> usize {
        let s: &'a str = s;
        *numbers.entry(s).or_insert_with(|| {
            sentences.push(Cow::Borrowed(s));
            sentences.len() - 1
        })
    };
    let forms: Vec<(Cow<'a, str>, usize)> =
        f.forms.iter().map(|form| (Cow::Borrowed(form.text.as_str()), number(&form.context))).collect();
    let (mut english, mut titles) = (Vec::with_capacity(f.english.len() * ENGLISH_NUMBERS), Vec::new());
    let (mut start, mut line) = (0, 0);
    for (i, e) in f.english.iter().enumerate() {
        english.extend([e.form as i64, diff(e.span.start, start), e.span.len() as i64, diff(e.line as usize, line)]);
        (start, line) = (e.span.start, e.line as usize);
        if e.title {
            titles.push(i);
        }
    }
    let (mut start, mut line) = (0, 0);
    let glosses = f
        .glosses
        .iter()
        .map(|g| {
            let chinese = g.chinese.as_ref().map(|(z, s)| (Cow::Borrowed(&**z), diff(s.start, g.site.start), s.len()));
            let method = METHODS.iter().find(|(m, _)| *m == g.method).map_or("p", |(_, code)| code);
            let record = (
                Cow::Borrowed(&*g.english),
                g.abbreviation.as_deref().map(Cow::Borrowed),
                g.alias.as_deref().map(Cow::Borrowed),
                chinese,
                Cow::Borrowed(method),
                g.confidence,
                diff(g.site.start, start),
                g.site.len(),
                diff(g.line, line),
                g.context.as_ref().map(&mut number),
                g.count,
            );
            (start, line) = (g.site.start, g.line);
            record
        })
        .collect();
    let reference = f.reference.iter().map(|r| (Cow::Borrowed(r.chinese.as_str()), r.count, r.near.clone())).collect();
    let composed = f
        .composed
        .iter()
        .map(|c| {
            (
                Cow::Borrowed(c.english.as_str()),
                Cow::Borrowed(c.chinese.as_str()),
                c.count,
                Cow::Borrowed(c.words.as_str()),
            )
        })
        .collect();
    Record {
        name: Cow::Borrowed(&f.name),
        bytes: f.bytes,
        zstd: None,
        sentences,
        forms,
        english,
        titles,
        glosses,
        reference,
        composed,
    }
}

/// `a - b` as a signed number.
fn diff(a: usize, b: usize) -> i64 {
    a as i64 - b as i64
}

/// `base + delta`, if that is a place (not below 0); `what` names it in the error.
fn add(base: usize, delta: i64, what: &dyn Fn() -> String) -> Result<usize, String> {
    i64::try_from(base)
        .ok()
        .and_then(|b| b.checked_add(delta))
        .and_then(|n| usize::try_from(n).ok())
        .ok_or_else(|| format!("{}: {delta} from {base} is before the start", what()))
}

/// A span from its start and length.
fn span(start: usize, len: usize, what: &dyn Fn() -> String) -> Result<Span, String> {
    let end = start.checked_add(len).ok_or_else(|| format!("{}: length {len} runs past any input", what()))?;
    Ok(Span::new(start, end))
}

/// The facts of an open record, every number checked to be a place or in range.
fn facts(r: Record<'_>) -> Result<InputFacts, String> {
    let sentences: Vec<Sentence> = r.sentences.iter().map(|s| Sentence::from(&**s)).collect();
    let sentence = |n: usize, what: &dyn Fn() -> String| {
        sentences.get(n).cloned().ok_or_else(|| format!("{}: sentence {n} of {}", what(), sentences.len()))
    };
    let forms = r
        .forms
        .into_iter()
        .enumerate()
        .map(|(i, (text, s))| Ok(FormFact { text: text.into_owned(), context: sentence(s, &|| format!("form {i}"))? }))
        .collect::<Result<Vec<_>, String>>()?;
    if !r.english.len().is_multiple_of(ENGLISH_NUMBERS) {
        return Err(format!("english: {} numbers, not {ENGLISH_NUMBERS} per occurrence", r.english.len()));
    }
    let (mut english, mut start, mut line) = (Vec::with_capacity(r.english.len() / ENGLISH_NUMBERS), 0, 0);
    for (i, e) in r.english.chunks(ENGLISH_NUMBERS).enumerate() {
        let what = || format!("english {i}");
        let form = usize::try_from(e[0]).map_err(|_| format!("english {i}: form {}", e[0]))?;
        let len = usize::try_from(e[2]).map_err(|_| format!("english {i}: length {}", e[2]))?;
        start = add(start, e[1], &what)?;
        line = add(line, e[3], &what)?;
        let line32 = u32::try_from(line).map_err(|_| format!("english {i}: line {line}"))?;
        english.push(EnglishFact { form, span: span(start, len, &what)?, line: line32, title: false });
    }
    let occurrences = english.len();
    for &t in &r.titles {
        english.get_mut(t).ok_or_else(|| format!("titles: occurrence {t} of {occurrences}"))?.title = true;
    }
    let (mut glosses, mut start, mut line) = (Vec::with_capacity(r.glosses.len()), 0, 0);
    for (i, g) in r.glosses.into_iter().enumerate() {
        let what = || format!("gloss {i}");
        let (english, abbreviation, alias, chinese, method, confidence, at, len, lines, s, count) = g;
        start = add(start, at, &what)?;
        line = add(line, lines, &what)?;
        let site = span(start, len, &what)?;
        let chinese = match chinese {
            Some((z, at, len)) => Some((Box::from(&*z), span(add(start, at, &what)?, len, &what)?)),
            None => None,
        };
        let method = METHODS
            .iter()
            .find(|(_, code)| *code == method)
            .map(|(m, _)| *m)
            .ok_or_else(|| format!("gloss {i}: method {method:?} is none of p, a, r"))?;
        glosses.push(GlossFact {
            english: Box::from(&*english),
            abbreviation: abbreviation.map(|a| Box::from(&*a)),
            alias: alias.map(|a| Box::from(&*a)),
            chinese,
            method,
            confidence,
            site,
            line,
            context: s.map(|s| sentence(s, &what)).transpose()?,
            count,
        });
    }
    let reference = r
        .reference
        .into_iter()
        .map(|(chinese, count, near)| ReferenceFact { chinese: chinese.into_owned(), count, near })
        .collect();
    Ok(InputFacts {
        name: r.name.into_owned(),
        bytes: r.bytes,
        forms,
        english,
        form_counts: Vec::new(),
        glosses,
        reference,
        composed: r
            .composed
            .into_iter()
            .map(|(english, chinese, count, words)| ComposedFact {
                english: english.into_owned(),
                chinese: chinese.into_owned(),
                count,
                words: words.into_owned(),
            })
            .collect(),
    })
}
