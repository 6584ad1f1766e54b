//! What one input says, once its English is found and aligned: the facts that the later
//! stages decide the glossary from, with no text in them.

use super::glossary::Method;
use super::Span;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::sync::Arc;

/// A sentence of an input, shared by the forms and glosses that quote it: in a text that
/// glosses a new term in every other sentence, the form and its gloss quote one sentence.
pub(crate) type Sentence = Arc<str>;

/// What one input says, once found and aligned: no text, only what the later stages need.
/// Everything about an input is decided from that input alone, so facts from inputs read
/// apart (in parallel, in shards on other machines) combine into the same glossary.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct InputFacts {
    /// The input's name, as used in `source`.
    pub name: String,
    /// The input's length in bytes (0 when not known: read from a partial of version 2).
    #[serde(default)]
    pub bytes: usize,
    /// Its English forms, whitespace folded, in the order they first occur.
    pub forms: Vec<FormFact>,
    /// Every English candidate, in text order; or, when [`form_counts`](Self::form_counts)
    /// is filled, the first [`MAX_KEPT_OCCURRENCES`](crate::merge::group::MAX_KEPT_OCCURRENCES) of
    /// each form, which are all the places a glossary keeps.
    pub english: Vec<EnglishFact>,
    /// How often each form occurs and whether once as a title, when `english` keeps only the
    /// first places of each form (empty when it keeps every candidate): a gigabyte of input
    /// holds millions of candidates. Never written: a partial keeps every candidate.
    #[serde(skip)]
    pub form_counts: Vec<(usize, bool)>,
    /// Every gloss.
    pub glosses: Vec<GlossFact>,
    /// The reference glossary's Chinese terms that occur in the input.
    pub reference: Vec<ReferenceFact>,
    /// The Chinese of English forms composed from the Chinese of their words, where the
    /// input writes it.
    #[serde(default)]
    pub composed: Vec<ComposedFact>,
}

/// A Chinese that the input writes and that is composed of the Chinese of an English
/// form's words (`预测下一个词` for next-token prediction).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct ComposedFact {
    /// The English form, as in [`InputFacts::forms`].
    pub english: String,
    /// The Chinese as written.
    pub chinese: String,
    /// How many times it occurs, counted up to [`COUNTED_HITS`].
    pub count: usize,
    /// The words and their Chinese: `next token = 下一个词, prediction = 预测`.
    pub words: String,
}

/// An English form of an input.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct FormFact {
    /// The form, whitespace folded.
    pub text: String,
    /// The sentence around its first occurrence.
    #[serde(serialize_with = "write_sentence", deserialize_with = "read_sentence")]
    pub context: Sentence,
}

/// An English candidate of an input.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct EnglishFact {
    /// Its form: an index into [`InputFacts::forms`].
    pub form: usize,
    /// Where it is.
    pub span: Span,
    /// 1-based line: four bytes, as millions of these are kept per gigabyte of input (a line
    /// past the four billionth is counted as that one).
    pub line: u32,
    /// Whether it is a title in `《》`.
    pub title: bool,
}

/// A gloss of an input.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct GlossFact {
    /// The English form (each text of a gloss in a box of its size: a long input keeps
    /// hundreds of thousands of glosses).
    pub english: Box<str>,
    /// The acronym given with it.
    pub abbreviation: Option<Box<str>>,
    /// Another name given for it.
    pub alias: Option<Box<str>>,
    /// The Chinese, cleaned, and where it is.
    pub chinese: Option<(Box<str>, Span)>,
    /// How the Chinese was found.
    pub method: Method,
    /// How sure the aligner is.
    pub confidence: f32,
    /// The construct.
    pub site: Span,
    /// 1-based line of the construct.
    pub line: usize,
    /// The sentence of the construct: kept for the first gloss of each English form with
    /// each Chinese (the one a glossary entry can quote), and for every gloss when the facts
    /// are read for [`check`](crate::Extractor::check).
    #[serde(serialize_with = "write_some_sentence", deserialize_with = "read_some_sentence")]
    pub context: Option<Sentence>,
    /// How many glosses of the input this one stands for: glosses that agree in every
    /// field but place and confidence are kept once, at the first, with the highest
    /// confidence (except for `check`, which reports each place).
    #[serde(default = "one")]
    pub count: usize,
}

fn one() -> usize {
    1
}

fn write_sentence<S: Serializer>(s: &Sentence, out: S) -> Result<S::Ok, S::Error> {
    out.serialize_str(s)
}

fn read_sentence<'de, D: Deserializer<'de>>(input: D) -> Result<Sentence, D::Error> {
    String::deserialize(input).map(Sentence::from)
}

fn write_some_sentence<S: Serializer>(s: &Option<Sentence>, out: S) -> Result<S::Ok, S::Error> {
    s.as_deref().serialize(out)
}

fn read_some_sentence<'de, D: Deserializer<'de>>(input: D) -> Result<Option<Sentence>, D::Error> {
    Option::<String>::deserialize(input).map(|s| s.map(Sentence::from))
}

/// How one of the reference's Chinese terms (or a variant form of one) occurs in an input.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct ReferenceFact {
    /// The Chinese as written.
    pub chinese: String,
    /// How many times it occurs, counted up to [`COUNTED_HITS`].
    pub count: usize,
    /// The English forms of the input that the reference renders with this Chinese and that
    /// occur within [`NEAR`] bytes of it: (index into [`InputFacts::forms`], the fewest bytes
    /// between an occurrence of the form and one of the Chinese).
    pub near: Vec<(usize, usize)>,
}

/// Occurrences of a reference Chinese term counted per input; more add no confidence.
pub(crate) const COUNTED_HITS: usize = 10;

/// The most glosses one gloss of a partial may stand for: more than any input holds, and
/// small enough that the counts of as many inputs add up without overflow.
const MAX_GLOSS_COUNT: usize = u32::MAX as usize;

/// How close (in bytes) a reference Chinese term must come to an English form to be
/// recorded as near it.
pub(crate) const NEAR: usize = 3000;

/// The largest byte offset of an input: what a signed 64-bit difference between two offsets
/// can hold, as a partial writes them.
const MAX_OFFSET: usize = i64::MAX as usize;

impl InputFacts {
    /// How often each form occurs and whether once as a title, by form index.
    pub(crate) fn counts_of_forms(&self) -> Vec<(usize, bool)> {
        counts_of_forms(self.forms.len(), &self.english, &self.form_counts)
    }

    /// Checks what the later stages take on trust in facts read from outside (a partial
    /// file): every index in range, every span in order, every count and confidence in its
    /// bounds. The error says which field of which item is wrong.
    pub(crate) fn check(&self) -> Result<(), String> {
        let forms = self.forms.len();
        let span = |what: &str, i: usize, s: Span| {
            if s.start > s.end {
                Err(format!("{what} {i}: span {}..{} ends before it starts", s.start, s.end))
            } else if s.end > MAX_OFFSET {
                Err(format!("{what} {i}: span {}..{} runs past any input", s.start, s.end))
            } else {
                Ok(())
            }
        };
        for (i, e) in self.english.iter().enumerate() {
            if e.form >= forms {
                return Err(format!("english {i}: form {} is out of range ({forms} forms)", e.form));
            }
            if e.line == 0 {
                return Err(format!("english {i}: line 0 (lines count from 1)"));
            }
            span("english", i, e.span)?;
        }
        for (i, g) in self.glosses.iter().enumerate() {
            span("gloss", i, g.site)?;
            if let Some((_, z)) = g.chinese {
                span("gloss", i, z)?;
            }
            if g.count == 0 || g.line == 0 {
                return Err(format!("gloss {i}: its count and line must be 1 or more"));
            }
            if g.line > MAX_OFFSET {
                return Err(format!("gloss {i}: line {} runs past any input", g.line));
            }
            if g.count > MAX_GLOSS_COUNT {
                return Err(format!("gloss {i}: count {} is more than any input holds", g.count));
            }
            if !(0.0..=1.0).contains(&g.confidence) {
                return Err(format!("gloss {i}: confidence {} is not from 0 to 1", g.confidence));
            }
        }
        for (i, r) in self.reference.iter().enumerate() {
            if r.count == 0 || r.count > COUNTED_HITS {
                return Err(format!("reference {i}: count {} is not from 1 to {COUNTED_HITS}", r.count));
            }
            if let Some(&(f, _)) = r.near.iter().find(|&&(f, d)| f >= forms || d > NEAR) {
                return Err(format!("reference {i}: near form {f} is out of range ({forms} forms, {NEAR} bytes)"));
            }
        }
        for (i, c) in self.composed.iter().enumerate() {
            if c.count == 0 || c.count > COUNTED_HITS {
                return Err(format!("composed {i}: count {} is not from 1 to {COUNTED_HITS}", c.count));
            }
        }
        Ok(())
    }

    /// Frees the room its lists grew into: the facts of many inputs stay in memory.
    pub(crate) fn shrink_to_fit(&mut self) {
        self.forms.shrink_to_fit();
        self.english.shrink_to_fit();
        self.form_counts.shrink_to_fit();
        self.glosses.shrink_to_fit();
        self.reference.shrink_to_fit();
        self.composed.shrink_to_fit();
        for r in &mut self.reference {
            r.near.shrink_to_fit();
        }
    }

    /// Moves the facts of a piece of an input to where the piece starts: `at` bytes and
    /// `lines` lines into the input.
    pub(crate) fn shift(&mut self, at: usize, lines: usize) {
        if at == 0 && lines == 0 {
            return;
        }
        let moved = |s: Span| Span::new(s.start + at, s.end + at);
        let english_lines = u32::try_from(lines).unwrap_or(u32::MAX);
        for e in &mut self.english {
            e.span = moved(e.span);
            e.line = e.line.saturating_add(english_lines);
        }
        for g in &mut self.glosses {
            g.site = moved(g.site);
            g.line += lines;
            if let Some((_, z)) = &mut g.chinese {
                *z = moved(*z);
            }
        }
    }
}

/// How often each of `forms` forms occurs and whether once as a title: `form_counts` when
/// it is filled, else counted in `english` (see [`InputFacts::form_counts`]).
pub(crate) fn counts_of_forms(
    forms: usize,
    english: &[EnglishFact],
    form_counts: &[(usize, bool)],
) -> Vec<(usize, bool)> {
    if !form_counts.is_empty() {
        return form_counts.to_vec();
    }
    let mut counts = vec![(0, false); forms];
    for e in english {
        if let Some(c) = counts.get_mut(e.form) {
            c.0 += 1;
            c.1 |= e.title;
        }
    }
    counts
}

/// Inputs in name order, so that the order in which partials arrive does not matter.
pub(crate) fn sort_inputs(inputs: &mut [InputFacts]) {
    inputs.sort_by(|a, b| a.name.cmp(&b.name));
}

/// An English candidate is kept for every occurrence in an input, millions per gigabyte.
const _: () = assert!(std::mem::size_of::<EnglishFact>() <= 32);
