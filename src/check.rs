//! Term-consistency checks, of the kind translators run before delivery.
//!
//! Given a glossary (a termbase) and texts, [`Extractor::check_sources`] reports:
//!
//! * **mismatch** — an English term glossed in the text with a Chinese other than the
//!   glossary's (`每个迭代周期（epoch）` where the glossary says `轮次`);
//! * **inconsistent** — a glossary term that the text renders two or more ways;
//! * **conflict** — one Chinese rendering given for two different English terms.
//!
//! Every finding carries the file, line, byte span and sentence of the place it is about.

use crate::extract::{Extractor, Source};
use crate::io::input::ReadOptions;
use crate::merge::build;
use crate::model::Glossary;
use crate::model::InputFacts;
use crate::reference::Reference;
use crate::text::key;
use crate::{InputError, Span};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

/// What a [`Finding`] is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum FindingKind {
    /// The text glosses a term with a Chinese other than the glossary's.
    Mismatch,
    /// The text renders a glossary term in two or more ways.
    Inconsistent,
    /// The text gives one Chinese for two different English terms.
    Conflict,
}

impl FindingKind {
    /// The name used in reports.
    pub fn as_str(&self) -> &'static str {
        match self {
            FindingKind::Mismatch => "mismatch",
            FindingKind::Inconsistent => "inconsistent",
            FindingKind::Conflict => "conflict",
        }
    }
}

/// One problem found by a check.
///
/// ```
/// use termbridge::{Entry, Extractor, FindingKind, Glossary};
/// let mut epoch = Entry::new("epoch");
/// epoch.chinese = vec!["轮次".into()];
/// let glossary = Glossary::from_entries(vec![epoch]);
/// let extractor = Extractor::builder().build()?;
/// let findings = extractor.check(&glossary, "训练了十个周期（epoch）。");
/// let f = &findings[0];
/// assert_eq!((f.kind, f.english.as_str(), f.chinese.as_str()), (FindingKind::Mismatch, "epoch", "周期"));
/// assert_eq!(f.line, 1);
/// # Ok::<(), termbridge::BuildError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    /// What kind of problem.
    pub kind: FindingKind,
    /// The English term at this place.
    pub english: String,
    /// The Chinese the text gives at this place.
    pub chinese: String,
    /// For a mismatch, the glossary's Chinese; for an inconsistency, the text's other
    /// renderings; for a conflict, the other English terms with the same Chinese.
    pub others: Vec<String>,
    /// The input's name.
    pub source: String,
    /// 1-based line.
    pub line: usize,
    /// Byte span of the gloss in the input.
    pub span: Span,
    /// The sentence of the gloss.
    pub sentence: String,
    /// A message for people.
    pub message: String,
}

/// A finding as the report for people shows it: `file:line: kind: message`, then the
/// sentence, indented; control characters from the input (a terminal's escape codes) escaped.
impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let p = crate::text::chars::printable;
        write!(
            f,
            "{}:{}: {}: {}\n    {}",
            p(&self.source),
            self.line,
            self.kind.as_str(),
            p(&self.message),
            p(&self.sentence)
        )
    }
}

/// A gloss with the names the check needs, borrowed from the facts: a long input has many.
struct Site<'a> {
    doc: usize,
    english: &'a str,
    abbreviation: Option<&'a str>,
    chinese: &'a str,
    span: Span,
    line: usize,
    sentence: &'a str,
}

impl Extractor {
    /// Checks one text against a glossary; see [`check_sources`](Self::check_sources).
    ///
    /// ```
    /// use termbridge::{Extractor, FindingKind, Glossary};
    /// let glossary = Glossary::from_csv_reader("g.csv", "english,chinese\nepoch,轮次\n".as_bytes())?;
    /// let extractor = Extractor::builder().build()?;
    /// let findings = extractor.check(&glossary, "每个迭代周期（epoch）结束时评估一次。");
    /// assert_eq!(findings[0].kind, FindingKind::Mismatch);
    /// assert_eq!(findings[0].chinese, "迭代周期");
    /// assert_eq!(findings[0].others, ["轮次"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn check(&self, glossary: &Glossary, text: &str) -> Vec<Finding> {
        self.check_sources(glossary, &[Source { name: "<input>", text, markup: self.markup() }])
    }

    /// Checks texts against a glossary: glosses that contradict it, glossary terms rendered
    /// several ways, and one Chinese given for several English terms. Findings are ordered by
    /// source, line and kind.
    pub fn check_sources(&self, glossary: &Glossary, sources: &[Source<'_>]) -> Vec<Finding> {
        findings(glossary, &self.analyse(sources, &ReadOptions::new(), true), &self.reference)
    }

    /// Checks files, folders (see [`input::expand`](crate::input::expand)) and `-` (standard
    /// input) against a glossary, as [`check_sources`](Self::check_sources) checks texts. Each
    /// input is read, decoded and analysed as [`extract_paths`](Self::extract_paths) does it,
    /// a piece at a time when it is long, so memory holds a few pieces and the glosses, not the
    /// input; the errors are those of `extract_paths`.
    pub fn check_paths(
        &self,
        glossary: &Glossary,
        paths: &[PathBuf],
        options: &ReadOptions<'_>,
    ) -> Result<Vec<Finding>, InputError> {
        Ok(findings(glossary, &self.facts_of_paths(paths, options, true)?, &self.reference))
    }
}

/// The findings of the analysed inputs (every gloss with its sentence), ordered by source,
/// line and kind.
fn findings(glossary: &Glossary, analysed: &[InputFacts], reference: &Reference) -> Vec<Finding> {
    let termbase = Reference::from_glossary(glossary);
    let sites = sites(analysed);
    let finding = |kind, site: &Site, others: Vec<String>, message: String| {
        let a = &analysed[site.doc];
        Finding {
            kind,
            english: site.english.to_string(),
            chinese: site.chinese.to_string(),
            others,
            source: a.name.clone(),
            line: site.line,
            span: site.span,
            sentence: site.sentence.to_string(),
            message,
        }
    };
    let mut out = Vec::new();
    // Mismatches, and renderings per glossary term.
    let mut renderings: BTreeMap<String, Vec<&Site>> = BTreeMap::new();
    for site in &sites {
        let known = termbase.get(site.english).or_else(|| site.abbreviation.and_then(|a| termbase.get(a)));
        let Some(known) = known.filter(|k| !k.chinese.is_empty()) else {
            continue;
        };
        renderings.entry(key(&known.english)).or_default().push(site);
        if !known.chinese.iter().any(|z| z == site.chinese) {
            let message = format!(
                "\"{}\" is glossed as {} but the glossary has {}",
                site.english,
                site.chinese,
                known.chinese.join(" / ")
            );
            out.push(finding(FindingKind::Mismatch, site, known.chinese.clone(), message));
        }
    }
    for places in renderings.values() {
        let mut firsts: Vec<&Site> = Vec::new();
        for s in places {
            if !firsts.iter().any(|f| f.chinese == s.chinese) {
                firsts.push(s);
            }
        }
        if firsts.len() < 2 {
            continue;
        }
        for s in &firsts {
            let others: Vec<String> =
                firsts.iter().filter(|o| o.chinese != s.chinese).map(|o| o.chinese.to_string()).collect();
            let message =
                format!("\"{}\" is rendered as {} here and as {} elsewhere", s.english, s.chinese, others.join(" / "));
            out.push(finding(FindingKind::Inconsistent, s, others, message));
        }
    }
    for (s, others) in conflicts(analysed, &sites, reference) {
        let message =
            format!("{} is given for \"{}\" here and for {} elsewhere", s.chinese, s.english, others.join(", "));
        out.push(finding(FindingKind::Conflict, s, others, message));
    }
    out.sort_by(|a, b| (&a.source, a.line, a.kind, a.span).cmp(&(&b.source, b.line, b.kind, b.span)));
    out
}

/// One Chinese for several concepts, concepts as the merge stage sees them: each place that
/// gives a Chinese to a concept first, with the English of the other concepts given it.
fn conflicts<'s, 'a>(
    analysed: &[InputFacts],
    sites: &'s [Site<'a>],
    reference: &Reference,
) -> Vec<(&'s Site<'a>, Vec<String>)> {
    let merged = build(analysed, reference, false);
    let mut concept: HashMap<String, usize> = HashMap::new();
    for (i, e) in merged.entries.iter().enumerate() {
        for form in e.forms() {
            concept.insert(key(form), i);
        }
    }
    let mut by_chinese: BTreeMap<&str, Vec<(usize, &Site)>> = BTreeMap::new();
    for s in sites {
        if let Some(&c) = concept.get(&key(s.english)) {
            let list = by_chinese.entry(s.chinese).or_default();
            if !list.iter().any(|(o, _)| *o == c) {
                list.push((c, s));
            }
        }
    }
    let mut out = Vec::new();
    for list in by_chinese.values().filter(|l| l.len() >= 2) {
        for (c, s) in list {
            let others: Vec<String> =
                list.iter().filter(|(o, _)| o != c).map(|(o, _)| merged.entries[*o].english.clone()).collect();
            out.push((*s, others));
        }
    }
    out
}

fn sites(analysed: &[InputFacts]) -> Vec<Site<'_>> {
    let mut out = Vec::new();
    for (d, a) in analysed.iter().enumerate() {
        for g in &a.glosses {
            let Some((chinese, _)) = &g.chinese else { continue };
            out.push(Site {
                doc: d,
                english: &g.english,
                abbreviation: g.abbreviation.as_deref(),
                chinese,
                span: g.site,
                line: g.line,
                sentence: g.context.as_deref().unwrap_or_default(),
            });
        }
    }
    out
}
