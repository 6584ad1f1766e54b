//! The extractor: runs the stages over one or many inputs.

use crate::align::Aligner;
use crate::candidates::candidates;
use crate::io::input::{self, ReadOptions};
use crate::lexicon::LexiconLoad;
use crate::merge::{build, build_consuming, Joined};
use crate::model::facts::sort_inputs;
use crate::model::InputFacts;
use crate::normalize::{chunk_end, Document, Markup};
use crate::reference::{annotate, compose, ChineseIndex, Hits, Reference};
use crate::segment::Segmenter;
use crate::text::chars::is_cjk;
use crate::text::matcher::StringSet;
use crate::{BuildError, Glossary, InputError};
use rayon::prelude::*;
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::sync::Arc;

/// One input text with the name used for it in `source` (`name:line`).
///
/// ```
/// use termbridge::{Extractor, Markup, Source};
/// let text = "# 标题\n\n过拟合（overfitting）很常见。";
/// let g = Extractor::builder().build()?.extract_sources(&[Source { name: "notes.md", text, markup: Markup::Markdown }]);
/// assert_eq!(g.get("overfitting").unwrap().source, "notes.md:3");
/// # Ok::<(), termbridge::BuildError>(())
/// ```
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
///
/// ```
/// use termbridge::{Extractor, Markup};
/// // plain text, and only what the text itself says: no shipped reference glossary
/// let extractor = Extractor::builder().markup(Markup::Plain).builtin_reference(false).build()?;
/// assert_eq!(extractor.markup(), Markup::Plain);
/// let glossary = extractor.extract("我们用注意力机制（attention mechanism）对齐两种语言。");
/// assert_eq!(glossary.get("attention mechanism").unwrap().chinese, ["注意力机制"]);
/// # Ok::<(), termbridge::BuildError>(())
/// ```
#[derive(Clone, Debug)]
pub struct ExtractorBuilder {
    markup: Markup,
    builtin_reference: bool,
    references: Vec<Reference>,
    pair_counts: bool,
}

impl Default for ExtractorBuilder {
    fn default() -> ExtractorBuilder {
        ExtractorBuilder {
            markup: Markup::default(),
            builtin_reference: true,
            references: Vec::new(),
            pair_counts: false,
        }
    }
}

impl ExtractorBuilder {
    /// Whether to use the reference glossaries shipped with termbridge (the default): the
    /// curated one, and below it the mined one ([`Reference::mined`]).
    pub fn builtin_reference(mut self, yes: bool) -> ExtractorBuilder {
        self.builtin_reference = yes;
        self
    }

    /// Adds a reference glossary, such as a user's termbase; its entries win over the shipped
    /// reference and over references added before it.
    ///
    /// ```
    /// use termbridge::{Extractor, Reference};
    /// let mine = Reference::from_csv_reader("mine.csv", "english,chinese\ndropout,丢弃法\n".as_bytes())?;
    /// let extractor = Extractor::builder().reference(mine).build()?;
    /// let g = extractor.extract("训练时使用 dropout。丢弃法能防止过拟合。");
    /// assert_eq!(g.get("dropout").unwrap().chinese, ["丢弃法"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reference(mut self, reference: Reference) -> ExtractorBuilder {
        self.references.push(reference);
        self
    }

    /// How [`Extractor::extract`] reads its text: Markdown (the default) or plain text.
    pub fn markup(mut self, markup: Markup) -> ExtractorBuilder {
        self.markup = markup;
        self
    }

    /// Whether the glossaries it decides give their rows with Chinese the corpus evidence
    /// of each rendering: columns `documents` (the inputs that gloss the row's English with
    /// it) and `glosses` (the glosses that do), in the order of `chinese` (see
    /// [`PAIR_COUNT_COLUMNS`](crate::PAIR_COUNT_COLUMNS)). Off by default.
    ///
    /// ```
    /// use termbridge::{Extractor, Markup, Source};
    /// let extractor = Extractor::builder().pair_counts(true).build()?;
    /// let src = |name, text| Source { name, text, markup: Markup::Plain };
    /// let g = extractor.extract_sources(&[
    ///     src("a.txt", "过拟合（overfitting）很常见。过拟合（overfitting）要避免。"),
    ///     src("b.txt", "模型会过拟合（overfitting）。"),
    /// ]);
    /// let row = g.get("overfitting").unwrap();
    /// assert_eq!(row.chinese, ["过拟合"]);
    /// assert_eq!((row.extra["documents"].as_str(), row.extra["glosses"].as_str()), ("2", "3"));
    /// # Ok::<(), termbridge::BuildError>(())
    /// ```
    pub fn pair_counts(mut self, yes: bool) -> ExtractorBuilder {
        self.pair_counts = yes;
        self
    }

    /// Reads the reference and builds the extractor. The reference's Chinese terms are added
    /// to the segmenter's dictionary and indexed on a thread of its own, started here: the
    /// first extraction waits for them where it needs them, after reading its inputs (see
    /// [`Extractor::prepare`]).
    pub fn build(self) -> Result<Extractor, BuildError> {
        let (send, receive) = std::sync::mpsc::channel();
        let lexicon = LexiconLoad::start(receive);
        let pair_counts = self.pair_counts;
        let mut reference = if self.builtin_reference { Reference::builtin()? } else { Reference::empty() };
        for r in self.references {
            reference.extend(r);
        }
        if self.builtin_reference {
            reference.extend_below(Reference::mined()?);
        }
        let reference = Arc::new(reference);
        // the loading thread waits for it; it ends only after receiving it
        let _ = send.send(Arc::clone(&reference));
        Ok(Extractor { lexicon, markup: self.markup, reference, pair_counts })
    }
}

/// Extracts glossaries. Building one reads and indexes the reference; build it once and share
/// it (it is `Send + Sync`).
///
/// ```
/// use termbridge::Extractor;
/// let extractor = Extractor::builder().build()?;
/// let texts = ["卷积神经网络（convolutional neural network，CNN）擅长处理图像。", "我们先训练 CNN。"];
/// // one extractor, several threads
/// let glossaries: Vec<_> = std::thread::scope(|s| {
///     let running: Vec<_> = texts.iter().map(|t| s.spawn(|| extractor.extract(t))).collect();
///     running.into_iter().map(|r| r.join().unwrap()).collect()
/// });
/// let cnn = glossaries[0].get("CNN").unwrap();
/// assert_eq!(cnn.english, "convolutional neural network");
/// assert_eq!(cnn.abbreviation.as_deref(), Some("CNN"));
/// assert_eq!(cnn.chinese, ["卷积神经网络"]);
/// # Ok::<(), termbridge::BuildError>(())
/// ```
pub struct Extractor {
    /// The segmenter and the index of the reference's Chinese terms, loading.
    lexicon: LexiconLoad,
    markup: Markup,
    pub(crate) reference: Arc<Reference>,
    /// Whether decided glossaries carry [`PAIR_COUNT_COLUMNS`](crate::PAIR_COUNT_COLUMNS).
    pair_counts: bool,
}

impl std::fmt::Debug for Extractor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Extractor").field("markup", &self.markup).finish_non_exhaustive()
    }
}

impl Extractor {
    /// A builder with the default settings.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// How [`extract`](Self::extract) reads its text.
    pub fn markup(&self) -> Markup {
        self.markup
    }

    /// Waits until the reference's terms are in the segmenter's dictionary and indexed.
    /// Building an extractor starts that on a thread of its own, and an extraction waits for
    /// it where it first needs it; a program calls this only to have that wait over before
    /// its first input comes (a service before taking requests).
    pub fn prepare(&self) {
        self.lexicon.get();
    }

    /// An aligner over this extractor's words, waiting for them to be loaded; with
    /// `all_contexts`, keeping the Chinese that describes a name (see [`analyse`](Self::analyse)).
    fn aligner(&self, all_contexts: bool) -> Aligner<'_> {
        let lexicon = self.lexicon.get();
        Aligner::new(&lexicon.segmenter, &self.reference, &lexicon.term_initial).keeping_descriptions(all_contexts)
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
        self.extract_sources(&[Source { name: "<input>", text, markup: self.markup }])
    }

    /// Extracts one glossary from several texts (analysed in parallel; the result is the
    /// same as in one thread). Terms are merged across all of them and the left boundary of a
    /// Chinese term is decided with evidence from all of them. An occurrence's
    /// [`source`](crate::Occurrence::source) is the index of its text in `sources`.
    ///
    /// ```
    /// use termbridge::{Extractor, Markup, Source};
    /// let extractor = Extractor::builder().build()?;
    /// let sources = [
    ///     Source { name: "b.md", text: "RAG 很有用。", markup: Markup::Markdown },
    ///     Source { name: "a.md", text: "检索增强生成（Retrieval-Augmented Generation，RAG）", markup: Markup::Markdown },
    /// ];
    /// let glossary = extractor.extract_sources(&sources);
    /// for o in &glossary.get("RAG").unwrap().occurrences {
    ///     let text = sources[o.source].text;
    ///     assert!(["RAG", "Retrieval-Augmented Generation"].contains(&&text[o.span.range()]));
    /// }
    /// assert_eq!(glossary.sources(), ["b.md", "a.md"]);
    /// # Ok::<(), termbridge::BuildError>(())
    /// ```
    pub fn extract_sources(&self, sources: &[Source<'_>]) -> Glossary {
        self.decide_in_order(self.analyse_folding(sources, &ReadOptions::new(), false, true))
    }

    /// The glossary that the facts of some inputs make: their English forms merged into
    /// concepts, the Chinese chosen, the reference consulted. Decisions see the inputs in
    /// name order, whatever order they come in (so that shards combine into the same
    /// glossary); the glossary names them, and its occurrences point at them, in their
    /// order here.
    pub(crate) fn decide_in_order(&self, mut facts: Vec<InputFacts>) -> Glossary {
        let mut order: Vec<usize> = (0..facts.len()).collect();
        // the same stable sort as `sort_inputs`, so both orders agree
        order.sort_by(|&a, &b| facts[a].name.cmp(&facts[b].name));
        sort_inputs(&mut facts);
        let mut glossary = self.decide_facts_consuming(&mut facts);
        let mut names = vec![String::new(); order.len()];
        for (sorted, name) in glossary.sources.drain(..).enumerate() {
            names[order[sorted]] = name;
        }
        glossary.sources = names;
        for o in glossary.entries.iter_mut().flat_map(|e| e.occurrences.iter_mut()) {
            o.source = order[o.source];
        }
        glossary
    }

    /// The glossary of the facts of some inputs, in name order.
    pub(crate) fn decide_facts(&self, facts: &[InputFacts]) -> Glossary {
        let glossary = build(facts, &self.reference, self.pair_counts);
        self.annotate(glossary, facts)
    }

    /// [`decide_facts`](Self::decide_facts), moving the sentences the glossary quotes out of
    /// the facts (which keep their forms and reference terms, and lose their sentences).
    fn decide_facts_consuming(&self, facts: &mut [InputFacts]) -> Glossary {
        let glossary = build_consuming(facts, &self.reference, self.pair_counts);
        self.annotate(glossary, facts)
    }

    /// The glossary completed with what the reference knows, and scored.
    fn annotate(&self, mut glossary: Glossary, facts: &[InputFacts]) -> Glossary {
        annotate(&mut glossary.entries, &self.reference, &self.lexicon.get().index, facts);
        compose(&mut glossary.entries, &self.reference, facts);
        if self.pair_counts {
            count_reference_renderings(&mut glossary.entries);
        }
        crate::score::rate(&mut glossary.entries, &self.reference);
        glossary.mark_kept_in_english();
        glossary
    }

    /// Runs the find and align stages over all sources, keeping every English candidate (for
    /// partials and `check`). With `all_contexts`, every gloss keeps its sentence, and a name
    /// keeps a Chinese that describes it (for [`check`](Self::check), which reports both).
    pub(crate) fn analyse(
        &self,
        sources: &[Source<'_>],
        options: &ReadOptions<'_>,
        all_contexts: bool,
    ) -> Vec<InputFacts> {
        self.analyse_folding(sources, options, all_contexts, false)
    }

    /// [`analyse`](Self::analyse); with `fold`, each English form keeps only its first places
    /// and a count (see [`Joined::new`]).
    fn analyse_folding(
        &self,
        sources: &[Source<'_>],
        options: &ReadOptions<'_>,
        all_contexts: bool,
        fold: bool,
    ) -> Vec<InputFacts> {
        // Each input on its own thread; the results keep the inputs' order.
        // Every decision about an input uses that input only (the recurrence of a Chinese
        // term is counted in its own input), so inputs can be read apart, in any order and in
        // shards, and give the same glossary.
        sources
            .par_iter()
            .map(|s| {
                let facts = self.analyse_text(s, all_contexts, fold);
                options.tick();
                facts
            })
            .collect()
    }

    /// The facts of one input held in memory, its pieces (see
    /// [`chunk_end`](crate::normalize::chunk_end)) analysed and joined in parallel.
    fn analyse_text(&self, s: &Source<'_>, all_contexts: bool, fold: bool) -> InputFacts {
        self.analyse_pieces(s, &pieces_of(s), all_contexts, fold).finish()
    }

    /// The facts of consecutive pieces of an input, joined. The two halves are analysed and
    /// joined in parallel, then the second's facts are joined after the first's: joining
    /// the facts of several pieces at once is joining them one by one (a test holds it), so
    /// the tree of joins gives what a join in order gives, and no thread joins all pieces
    /// alone at the end.
    fn analyse_pieces(&self, s: &Source<'_>, pieces: &[Piece<'_>], all_contexts: bool, fold: bool) -> Joined {
        if let [piece] = pieces {
            let mut joined = Joined::new(s.name, all_contexts, fold);
            joined.push(self.analyse_piece(s.name, s.markup, piece, all_contexts));
            return joined;
        }
        let (first, second) = pieces.split_at(pieces.len() / 2);
        let (mut joined, rest) = rayon::join(
            || self.analyse_pieces(s, first, all_contexts, fold),
            || self.analyse_pieces(s, second, all_contexts, fold),
        );
        joined.push(rest.finish());
        joined
    }

    /// The facts of one piece of an input, placed at its offset and line in the input.
    fn analyse_piece(&self, name: &str, markup: Markup, piece: &Piece<'_>, all_contexts: bool) -> InputFacts {
        match self.piece_stages(name, markup, piece, all_contexts, usize::MAX) {
            ControlFlow::Continue(facts) => facts,
            ControlFlow::Break(_) => unreachable!("every stage runs"),
        }
    }

    /// The first `stages` stages of the analysis of a piece: a count of what the last one made
    /// when it stops early (see [`analyse_through`](Self::analyse_through)), else the piece's
    /// facts, placed at its offset and line in the input.
    fn piece_stages(
        &self,
        name: &str,
        markup: Markup,
        piece: &Piece<'_>,
        all_contexts: bool,
        stages: usize,
    ) -> ControlFlow<usize, InputFacts> {
        let stop = |stage: usize, made: usize| {
            if stages <= stage {
                ControlFlow::Break(made)
            } else {
                ControlFlow::Continue(())
            }
        };
        let doc = Document::piece(piece.text, markup, piece.at == 0);
        stop(1, doc.view().len())?;
        // a piece without a Chinese character has no English embedded in Chinese (a licence, a
        // note of where the files came from, a page left untranslated)
        let cands = if doc.view().chars().any(is_cjk) { candidates(&doc) } else { Vec::new() };
        stop(2, cands.len())?;
        // the words are needed from here on
        let aligner = self.aligner(all_contexts);
        let lexicon = self.lexicon.get();
        let pending = aligner.find(&doc, &cands);
        stop(3, pending.len())?;
        let (counts, hits) = recurrence(&pending, doc.view(), &lexicon.index);
        let glosses = Aligner::resolve_keeping(pending, doc.view(), &counts, aligner.keeps_descriptions());
        stop(4, glosses.len())?;
        let english: Vec<_> = cands.iter().map(|c| (c.span, c.title)).collect();
        let mut facts = InputFacts::new(name, &doc, &english, &glosses, all_contexts);
        facts.reference =
            lexicon.index.facts(hits, &self.reference, doc.view(), &facts.forms, &facts.english, |v, s, e| {
                lexicon.segmenter.is_word(v, s, e)
            });
        facts.composed = crate::align::composed(doc.view(), &facts.forms, &facts.glosses, &self.reference);
        stop(5, facts.forms.len() + facts.reference.len())?;
        facts.shift(piece.at, piece.line - 1);
        facts.shrink_to_fit();
        ControlFlow::Continue(facts)
    }

    /// Runs the first `stages` stages of the analysis of `text` (read as [`markup`](Self::markup)),
    /// piece by piece on this thread, and returns a count of what the last one made, for the
    /// benchmarks that tell which stage a change made slower: 1 reads the markup, 2 finds the
    /// English candidates, 3 aligns them, 4 scans for recurrence and reference terms and
    /// resolves the glosses, 5 gathers the input's facts.
    #[doc(hidden)]
    pub fn analyse_through(&self, text: &str, stages: usize) -> usize {
        let source = Source { name: "<input>", text, markup: self.markup };
        let count = |piece: &Piece<'_>| match self.piece_stages(source.name, source.markup, piece, false, stages) {
            ControlFlow::Break(made) => made,
            ControlFlow::Continue(facts) => facts.forms.len() + facts.reference.len(),
        };
        pieces_of(&source).iter().map(count).sum()
    }

    /// The facts of a file or of standard input (`-`). An input longer than a piece is read
    /// and decoded a piece at a time, and its pieces analysed a batch of one per thread at a
    /// time, so memory holds a few pieces, not the input. `all_contexts` as in
    /// [`analyse`](Self::analyse).
    fn analyse_path(
        &self,
        path: &std::path::Path,
        options: &ReadOptions<'_>,
        all_contexts: bool,
        fold: bool,
    ) -> Result<InputFacts, InputError> {
        let stdin = path.as_os_str() == "-";
        let markup = if stdin { Markup::Markdown } else { input::markup_for(path) };
        let name = if stdin { "<stdin>".to_string() } else { path.display().to_string() };
        let mut joined = Joined::new(&name, all_contexts, fold);
        // pieces are analysed a batch at a time, one piece per thread
        let mut batch: Vec<(usize, usize, String)> = Vec::new();
        let batch_len = rayon::current_num_threads().max(1);
        let analyse = |batch: &mut Vec<(usize, usize, String)>, joined: &mut Joined| {
            let done: Vec<InputFacts> = batch
                .par_iter()
                .map(|(at, line, text)| {
                    let piece = Piece { at: *at, line: *line, text };
                    self.analyse_piece(&name, markup, &piece, all_contexts)
                })
                .collect();
            done.into_iter().for_each(|f| joined.push(f));
            batch.clear();
        };
        let read = input::read_pieces(
            path,
            options.encoding_named(),
            |text| chunk_end(text, markup),
            |at, line, text| {
                batch.push((at, line, text.to_string()));
                if batch.len() == batch_len {
                    analyse(&mut batch, &mut joined);
                }
            },
        )?;
        match read {
            input::Pieces::Streamed => {
                analyse(&mut batch, &mut joined);
                Ok(joined.finish())
            }
            input::Pieces::Whole(bytes) => {
                let shown = if stdin { std::path::Path::new("<stdin>") } else { path };
                let text = input::decode(shown, bytes, options.encoding_named())?.text;
                Ok(self.analyse_text(&Source { name: &name, text: &text, markup }, all_contexts, fold))
            }
        }
    }

    /// The facts of files, folders (see [`input::expand`](crate::input::expand)) and `-`
    /// (standard input), in the order `expand` gives them, each file read, decoded and
    /// analysed on its own thread and then dropped: memory holds one text (or one piece of a
    /// long text) per thread and the facts, not the whole input. The first input that cannot
    /// be read (in that order) is the error. `all_contexts` as in [`analyse`](Self::analyse);
    /// every English candidate is kept.
    pub(crate) fn facts_of_paths(
        &self,
        paths: &[PathBuf],
        options: &ReadOptions<'_>,
        all_contexts: bool,
    ) -> Result<Vec<InputFacts>, InputError> {
        self.facts_of_paths_folding(paths, options, all_contexts, false)
    }

    /// [`facts_of_paths`](Self::facts_of_paths); with `fold`, each English form keeps only
    /// its first places and a count (see [`Joined::new`]).
    fn facts_of_paths_folding(
        &self,
        paths: &[PathBuf],
        options: &ReadOptions<'_>,
        all_contexts: bool,
        fold: bool,
    ) -> Result<Vec<InputFacts>, InputError> {
        let files = input::expand(paths, options)?;
        let results: Vec<Result<InputFacts, InputError>> = files
            .par_iter()
            .map(|p| {
                let facts = self.analyse_path(p, options, all_contexts, fold)?;
                options.tick();
                Ok(facts)
            })
            .collect();
        results.into_iter().collect()
    }

    /// Extracts the glossary of files, folders and `-` (standard input), reading them in
    /// parallel with memory for one text per thread, in the encoding `options` names or
    /// detecting each one's; `options`' progress is told once per file. An occurrence's
    /// [`source`](crate::Occurrence::source) is the index of its file in the list that
    /// [`input::expand`](crate::input::expand) makes of `paths`.
    pub fn extract_paths(&self, paths: &[PathBuf], options: &ReadOptions<'_>) -> Result<Glossary, InputError> {
        Ok(self.decide_in_order(self.facts_of_paths_folding(paths, options, false, true)?))
    }

    /// [`extract_paths`](Self::extract_paths) for a program that extracts once: the
    /// segmenter's words (some 40 MB where its dictionary is loaded rather than compiled into
    /// the program), which only the reading of the inputs needs, are let go before the
    /// glossary is decided, so the two never take memory at once; and large blocks of memory
    /// are given back to the system as soon as they are let go (this sets how the process's
    /// allocator works, where it is glibc's).
    pub fn extract_paths_once(mut self, paths: &[PathBuf], options: &ReadOptions<'_>) -> Result<Glossary, InputError> {
        crate::memory::map_large_blocks_apart();
        let facts = self.facts_of_paths_folding(paths, options, false, true)?;
        let lexicon = self.lexicon.get_mut();
        lexicon.segmenter = Segmenter::empty();
        lexicon.term_initial = Default::default();
        crate::memory::give_back_freed();
        Ok(self.decide_in_order(facts))
    }
}

/// The pieces of an input held in memory (see [`chunk_end`]), in order; at least one.
fn pieces_of<'a>(s: &Source<'a>) -> Vec<Piece<'a>> {
    let mut pieces = Vec::new();
    let (mut at, mut line) = (0, 1);
    loop {
        let end = at + chunk_end(&s.text[at..], s.markup);
        pieces.push(Piece { at, line, text: &s.text[at..end] });
        if end >= s.text.len() {
            return pieces;
        }
        line += memchr::memchr_iter(b'\n', &s.text.as_bytes()[at..end]).count();
        at = end;
    }
}

/// A piece of an input: its text, and where it starts in the input.
pub(crate) struct Piece<'a> {
    /// Byte offset in the input.
    pub at: usize,
    /// 1-based line in the input.
    pub line: usize,
    pub text: &'a str,
}

/// How often each possible Chinese term that a left boundary weighs occurs in an input,
/// overlaps included; and, in the same pass over the view, where the reference's Chinese
/// terms occur in it.
fn recurrence<'v>(
    pending: &[crate::align::Pending],
    view: &'v str,
    index: &ChineseIndex,
) -> (rustc_hash::FxHashMap<&'v str, usize>, Hits) {
    let mut seen = rustc_hash::FxHashSet::default();
    let options: Vec<&str> = (pending.iter().filter_map(|p| p.left.as_ref()).flat_map(|left| left.weighed()))
        .map(|o| view[o.span.range()].trim())
        .filter(|s| !s.is_empty() && seen.insert(*s))
        .collect();
    // distinct and non-empty, so the set's ids are the options' indexes
    let set = StringSet::new(options.iter().copied());
    let mut n = vec![0usize; options.len()];
    let mut hits = Hits::default();
    index.patterns().scan(view, |id, at| hits.push(index, id, at), &set, |id, _| n[id] += 1);
    (options.into_iter().zip(n).collect(), hits)
}

/// Gives the rows whose Chinese only the reference gives (no gloss has it) their
/// [`PAIR_COUNT_COLUMNS`](crate::PAIR_COUNT_COLUMNS): no input and no gloss for each rendering.
fn count_reference_renderings(entries: &mut [crate::Entry]) {
    let [documents, glosses] = crate::PAIR_COUNT_COLUMNS;
    for e in entries.iter_mut().filter(|e| !e.chinese.is_empty() && !e.extra.contains_key(documents)) {
        let none = vec!["0"; e.chinese.len()].join("|");
        e.extra.insert(documents, none.clone());
        e.extra.insert(glosses, none);
    }
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

    /// Each stage run through makes something of a glossed text, and the facts it stops at are
    /// those of the whole analysis.
    #[test]
    fn stages_run_through_make_what_the_analysis_makes() {
        let ex = Extractor::builder().build().unwrap();
        let text = "卷积神经网络（Convolutional Neural Network，CNN）很常用。使用 dropout 防止过拟合。";
        let made: Vec<usize> = (1..=5).map(|n| ex.analyse_through(text, n)).collect();
        assert!(made.iter().all(|&m| m > 0), "{made:?}");
        assert_eq!(made[0], text.len());
        let facts = ex.analyse(&[Source { name: "<input>", text, markup: ex.markup }], &ReadOptions::new(), false);
        assert_eq!(made[4], facts[0].forms.len() + facts[0].reference.len());
    }

    /// Joining the facts of pieces as a tree (halves in parallel, as [`Extractor::analyse_text`]
    /// does) gives exactly the facts that joining them one by one in order gives: forms,
    /// English, glosses with their counts and sentences, reference terms with their counts
    /// and distances.
    #[test]
    fn a_tree_of_joins_gives_the_join_in_order() {
        let ex = Extractor::builder().build().unwrap();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        let fixtures: String = files
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md"))
            .map(|p| std::fs::read_to_string(p).unwrap() + "\n\n")
            .collect();
        // five pieces and a bit: halves of unequal size at every level
        let text = fixtures.repeat(5 * crate::normalize::CHUNK / fixtures.len() + 1);
        let source = Source { name: "long.md", text: &text, markup: Markup::Markdown };
        let pieces = pieces_of(&source);
        assert!(pieces.len() >= 6, "{} pieces", pieces.len());
        for (all_contexts, fold) in [(false, false), (true, false), (false, true)] {
            let mut in_order = Joined::new(source.name, all_contexts, fold);
            for piece in &pieces {
                in_order.push(ex.analyse_piece(source.name, source.markup, piece, all_contexts));
            }
            assert!(
                ex.analyse_text(&source, all_contexts, fold) == in_order.finish(),
                "all contexts: {all_contexts}, fold: {fold}"
            );
        }
    }

    /// Recurrence is counted right, and only for the options a left boundary weighs: however
    /// often the other options occur, the Chinese and the confidence chosen stay the same.
    #[test]
    fn only_weighed_options_need_their_recurrence() {
        let ex = Extractor::builder().build().unwrap();
        let aligner = ex.aligner(false);
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut weighed_fewer = false;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let markup = match path.extension().and_then(|e| e.to_str()) {
                Some("txt") => Markup::Plain,
                Some("md") => Markup::Markdown,
                _ => continue,
            };
            let text = std::fs::read_to_string(&path).unwrap();
            let doc = Document::new(&text, markup);
            let cands = candidates(&doc);
            let pending = aligner.find(&doc, &cands);
            let view = doc.view();
            let (weighed, _) = recurrence(&pending, view, &ex.lexicon.get().index);
            // the weighed options at their counts (checked the plain way); the others, as if
            // those of an even number of characters were far more frequent than any
            let mut inflated: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
            for o in pending.iter().filter_map(|p| p.left.as_ref()).flat_map(|l| &l.options) {
                let s = view[o.span.range()].trim();
                match weighed.get(s) {
                    Some(&n) => {
                        let plain = view.char_indices().filter(|(i, _)| view[*i..].starts_with(s)).count();
                        assert_eq!(n, plain, "{s} in {}", path.display());
                        inflated.insert(s, n);
                    }
                    None => {
                        weighed_fewer = true;
                        inflated.insert(s, if s.chars().count().is_multiple_of(2) { 100 } else { 0 });
                    }
                }
            }
            assert_eq!(
                Aligner::resolve(pending.clone(), view, &weighed),
                Aligner::resolve(pending, view, &inflated),
                "{}",
                path.display()
            );
        }
        assert!(weighed_fewer, "the fixtures have options that are not weighed");
    }
}
