//! Chinese words. Every stage that needs them asks a [`Segmenter`]; none names jieba-rs,
//! whose dictionary this module holds compiled into the program (see `build.rs`), segmenting
//! over it word for word as jieba-rs does over its own (`route.rs`), and whose models it
//! asks for the words and parts of speech the dictionary does not know. Where the
//! dictionary could not be compiled, the segmenter is jieba-rs itself, its dictionary loaded
//! when a segmenter is built.

use jieba_rs::Jieba;

#[cfg(termbridge_compiled_dictionary)]
mod compiled;
#[cfg(termbridge_compiled_dictionary)]
mod route;
#[cfg(all(test, termbridge_compiled_dictionary))]
mod tests;

/// A word of a segmented text with its part of speech (`v` verb, `n` noun, `x` punctuation…).
pub(crate) use jieba_rs::Tag as Tagged;
/// A word of a segmented text and where it is.
pub(crate) use jieba_rs::Token as Word;

/// How much text on either side of a stretch the segmenter sees to tell whether the stretch is
/// a word: enough for a word or two (four characters), little enough to stay fast.
const WORD_CONTEXT_BYTES: usize = 12;

/// Words that the segmenter's dictionary tags as function words (a pronoun, a preposition, a
/// conjunction) but technical text uses as nouns and modifiers: 几何 is geometry there, not
/// "how much"; 根 root, not "according to"; 凭据 credential; 所有者 owner; 因果 causal; 对照
/// control; 本地 local; 即时 instant.
const CONTENT_TAGGED_AS_FUNCTION: [&str; 8] = ["几何", "根", "凭据", "所有者", "因果", "对照", "本地", "即时"];

/// The tag these words get instead: a noun's.
const CONTENT_TAG: &str = "n";

/// Gives the words of [`CONTENT_TAGGED_AS_FUNCTION`] a noun's tag.
fn retag(words: &mut [Tagged<'_>]) {
    for w in words.iter_mut() {
        // (one byte compared first: most words are tagged otherwise)
        if matches!(w.tag.as_bytes(), [b'r' | b'p' | b'c']) && CONTENT_TAGGED_AS_FUNCTION.contains(&w.word) {
            w.tag = CONTENT_TAG;
        }
    }
}

/// Chinese words: the segmenter's dictionary, with the reference's Chinese terms added.
pub(crate) struct Segmenter {
    words: Words,
}

/// The dictionary compiled into the program, and jieba-rs with no dictionary for what needs
/// its models (unknown words and their parts of speech).
#[cfg(termbridge_compiled_dictionary)]
struct Words {
    dict: compiled::Dictionary,
    models: Jieba,
}

/// jieba-rs with its dictionary, loaded when the segmenter is built (the dictionary was not
/// found to compile; see `build.rs`).
#[cfg(not(termbridge_compiled_dictionary))]
struct Words {
    jieba: Jieba,
}

/// The part of speech of a term added to the dictionary: a proper noun's.
const TERM_TAG: &str = "nz";

impl Segmenter {
    /// The dictionary, ready. The model that tags unknown words loads on first use, which
    /// would cost that use some 25 ms: it is loaded now on a thread of its own (not the
    /// thread pool's, whose threads read the inputs meanwhile), which the first use waits for
    /// if it comes sooner.
    #[cfg(termbridge_compiled_dictionary)]
    pub(crate) fn new() -> Segmenter {
        std::thread::spawn(|| {
            let _ = Jieba::empty().tag("犇", true);
        });
        Segmenter { words: Words { dict: compiled::Dictionary::new(), models: Jieba::empty() } }
    }

    /// Loads the dictionary, and the model that tags unknown words beside it (see above).
    #[cfg(not(termbridge_compiled_dictionary))]
    pub(crate) fn new() -> Segmenter {
        std::thread::scope(|s| {
            s.spawn(|| {
                let _ = Jieba::empty().tag("犇", true);
            });
            Segmenter { words: Words { jieba: Jieba::new() } }
        })
    }

    /// A segmenter with no words added and no dictionary loaded: it stands in for one let go.
    pub(crate) fn empty() -> Segmenter {
        #[cfg(termbridge_compiled_dictionary)]
        let words = Words { dict: compiled::Dictionary::new(), models: Jieba::empty() };
        #[cfg(not(termbridge_compiled_dictionary))]
        let words = Words { jieba: Jieba::empty() };
        Segmenter { words }
    }

    /// The words of `text`, dictionary words only (no guessing of unknown ones).
    pub(crate) fn cut<'a>(&'a self, text: &'a str) -> Vec<Word<'a>> {
        #[cfg(termbridge_compiled_dictionary)]
        {
            let mut words = Vec::with_capacity(text.len() / 3 + 1);
            route::segment(&self.words.dict, &self.words.models, text, false, &mut words);
            words
        }
        #[cfg(not(termbridge_compiled_dictionary))]
        self.words.jieba.cut(text, false)
    }

    /// The words of `text` with their parts of speech, unknown words guessed (`guess`) by
    /// the segmenter's statistical model or not.
    fn tagged<'a>(&'a self, text: &'a str, guess: bool) -> Vec<Tagged<'a>> {
        #[cfg(termbridge_compiled_dictionary)]
        let mut words = {
            let mut words = Vec::with_capacity(text.len() / 3 + 1);
            route::segment(&self.words.dict, &self.words.models, text, guess, &mut words);
            words
        };
        #[cfg(not(termbridge_compiled_dictionary))]
        let mut words = self.words.jieba.tag(text, guess);
        retag(&mut words);
        words
    }

    /// The words of `text` with their parts of speech; unknown words are guessed by the
    /// segmenter's statistical model.
    pub(crate) fn tag<'a>(&'a self, text: &'a str) -> Vec<Tagged<'a>> {
        self.tagged(text, true)
    }

    /// Like [`tag`](Self::tag), dictionary words only.
    pub(crate) fn tag_known<'a>(&'a self, text: &'a str) -> Vec<Tagged<'a>> {
        self.tagged(text, false)
    }

    /// Whether the dictionary holds `word`.
    pub(crate) fn has_word(&self, word: &str) -> bool {
        #[cfg(termbridge_compiled_dictionary)]
        return self.words.dict.find(word).is_some();
        #[cfg(not(termbridge_compiled_dictionary))]
        self.words.jieba.has_word(word)
    }

    /// Adds a known term (a proper noun, `nz`), so that it wins boundary decisions: it gets
    /// the frequency that makes it one word of the text it is ([`suggested_freq`](Self::suggested_freq)).
    pub(crate) fn add_term(&mut self, term: &str) {
        #[cfg(termbridge_compiled_dictionary)]
        if !term.is_empty() {
            let freq = self.suggested_freq(term);
            self.words.dict.set_word(term, freq, TERM_TAG);
        }
        #[cfg(not(termbridge_compiled_dictionary))]
        self.words.jieba.add_word(term, None, Some(TERM_TAG));
    }

    /// The frequency that makes `word` one word rather than the words it is cut into: one
    /// more than the product of those words' probabilities makes of the total, or its own.
    #[cfg(termbridge_compiled_dictionary)]
    fn suggested_freq(&self, word: &str) -> u64 {
        let dict = &self.words.dict;
        let freq_of = |w: &str| dict.find(w).and_then(|n| dict.record(n)).map_or(1, |r| r.freq);
        let log_total = dict.log_total();
        let log = self.cut(word).iter().fold(0f64, |log, w| log + (freq_of(w.word) as f64).ln() - log_total);
        ((log + log_total).exp() as u64 + 1).max(freq_of(word))
    }

    /// Whether `view[start..end]` is a word of its own, not part of a longer one: the
    /// segmenter puts a word boundary at both ends.
    pub(crate) fn is_word(&self, view: &str, start: usize, end: usize) -> bool {
        let mut from = start.saturating_sub(WORD_CONTEXT_BYTES);
        while !view.is_char_boundary(from) {
            from += 1;
        }
        let mut to = (end + WORD_CONTEXT_BYTES).min(view.len());
        while !view.is_char_boundary(to) {
            to -= 1;
        }
        let words = self.cut(&view[from..to]);
        let starts = words.iter().any(|w| from + w.byte_start == start);
        let ends = words.iter().any(|w| from + w.byte_end == end);
        starts && ends
    }
}
