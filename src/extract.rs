//! The extractor: runs the stages over one or many inputs.

use crate::align::Aligner;
use crate::candidates::candidates;
use crate::merge::{build, Analysed};
use crate::normalize::{Document, Markup};
use crate::{BuildError, Glossary};
use aho_corasick::AhoCorasick;
use jieba_rs::Jieba;
use std::collections::{HashMap, HashSet};

/// One input text with the name used for it in `source` (`name:line`).
#[derive(Clone, Copy, Debug)]
pub struct Source<'a> {
    /// The name shown in the glossary's `source` column, usually the file path.
    pub name: &'a str,
    /// The text.
    pub text: &'a str,
    /// How to read its markup.
    pub markup: Markup,
}

/// Configures and builds an [`Extractor`].
#[derive(Clone, Debug, Default)]
pub struct ExtractorBuilder {
    markup: Markup,
}

impl ExtractorBuilder {
    /// How [`Extractor::extract`] reads its text: Markdown (the default) or plain text.
    pub fn markup(mut self, markup: Markup) -> ExtractorBuilder {
        self.markup = markup;
        self
    }

    /// Loads the segmenter's dictionary and builds the extractor.
    pub fn build(self) -> Result<Extractor, BuildError> {
        Ok(Extractor {
            jieba: Jieba::new(),
            markup: self.markup,
        })
    }
}

/// Extracts glossaries. Building one loads a dictionary; build it once and share it (it is
/// `Send + Sync`).
pub struct Extractor {
    jieba: Jieba,
    markup: Markup,
}

impl std::fmt::Debug for Extractor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Extractor")
            .field("markup", &self.markup)
            .finish_non_exhaustive()
    }
}

impl Extractor {
    /// A builder with the default settings.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// Extracts the glossary of one text. Never fails: any string gives a glossary, perhaps
    /// an empty one. `source` columns name it `<input>`.
    ///
    /// ```
    /// let extractor = termbridge::Extractor::builder().build()?;
    /// let g = extractor.extract("每个 HTTP 请求头（HTTP request header）都很短。");
    /// assert_eq!(g.get("HTTP request header").unwrap().chinese, ["HTTP 请求头"]);
    /// # Ok::<(), termbridge::BuildError>(())
    /// ```
    pub fn extract(&self, text: &str) -> Glossary {
        self.extract_sources(&[Source {
            name: "<input>",
            text,
            markup: self.markup,
        }])
    }

    /// Extracts one glossary from several texts. Terms are merged across all of them and the
    /// left boundary of a Chinese term is decided with evidence from all of them.
    pub fn extract_sources(&self, sources: &[Source<'_>]) -> Glossary {
        let aligner = Aligner::new(&self.jieba);
        let mut analysed = Vec::with_capacity(sources.len());
        let mut pending = Vec::new();
        let mut owner = Vec::new();
        for (i, s) in sources.iter().enumerate() {
            let doc = Document::new(s.text, s.markup);
            let cands = candidates(&doc);
            let found = aligner.find(&doc, &cands);
            owner.extend(std::iter::repeat(i).take(found.len()));
            pending.extend(found);
            let english = cands.iter().map(|c| (c.span, c.title)).collect();
            analysed.push(Analysed {
                name: s.name.to_string(),
                doc,
                english,
                glosses: Vec::new(),
            });
        }
        let views: Vec<&str> = analysed.iter().map(|a| a.doc.view()).collect();
        let counts = recurrence(&pending, &owner, &views);
        let resolved = Aligner::resolve(pending, |i| owner[i], &counts, &views);
        for (d, g) in resolved {
            analysed[d].glosses.push(g);
        }
        build(&analysed)
    }
}

/// How often each possible Chinese term occurs in all inputs.
fn recurrence(
    pending: &[crate::align::Pending],
    owner: &[usize],
    views: &[&str],
) -> HashMap<String, usize> {
    let mut patterns: HashSet<&str> = HashSet::new();
    for (i, p) in pending.iter().enumerate() {
        if let Some(left) = &p.left {
            for o in &left.options {
                let s = views[owner[i]][o.span.range()].trim();
                if !s.is_empty() {
                    patterns.insert(s);
                }
            }
        }
    }
    let patterns: Vec<&str> = patterns.into_iter().collect();
    let mut counts: HashMap<String, usize> = HashMap::new();
    if patterns.is_empty() {
        return counts;
    }
    let Ok(ac) = AhoCorasick::new(&patterns) else {
        return counts;
    };
    let mut n = vec![0usize; patterns.len()];
    for v in views {
        for m in ac.find_overlapping_iter(*v) {
            n[m.pattern().as_usize()] += 1;
        }
    }
    for (p, c) in patterns.into_iter().zip(n) {
        counts.insert(p.to_string(), c);
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extractor_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Extractor>();
        assert_send_sync::<Glossary>();
    }
}
