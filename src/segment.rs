//! The one wrapper around the Chinese word segmenter (jieba-rs). Every stage that needs
//! Chinese words asks a [`Segmenter`]; none names the segmenter's crate.

use jieba_rs::Jieba;

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
    jieba: Jieba,
}

impl Segmenter {
    /// Loads the dictionary. The model that tags unknown words loads on first use, which
    /// would cost the first extraction some 25 ms: it is loaded now, beside the dictionary,
    /// on a thread of its own (not the thread pool's, whose threads read the inputs
    /// meanwhile).
    pub(crate) fn new() -> Segmenter {
        std::thread::scope(|s| {
            s.spawn(|| {
                let _ = Jieba::empty().tag("犇", true);
            });
            Segmenter { jieba: Jieba::new() }
        })
    }

    /// A segmenter with no dictionary, holding no memory: it stands in for one let go.
    pub(crate) fn empty() -> Segmenter {
        Segmenter { jieba: Jieba::empty() }
    }

    /// The words of `text`, dictionary words only (no guessing of unknown ones).
    pub(crate) fn cut<'a>(&self, text: &'a str) -> Vec<Word<'a>> {
        self.jieba.cut(text, false)
    }

    /// The words of `text` with their parts of speech; unknown words are guessed by the
    /// segmenter's statistical model.
    pub(crate) fn tag<'a>(&'a self, text: &'a str) -> Vec<Tagged<'a>> {
        let mut words = self.jieba.tag(text, true);
        retag(&mut words);
        words
    }

    /// Like [`tag`](Self::tag), dictionary words only.
    pub(crate) fn tag_known<'a>(&'a self, text: &'a str) -> Vec<Tagged<'a>> {
        let mut words = self.jieba.tag(text, false);
        retag(&mut words);
        words
    }

    /// Whether the dictionary holds `word`.
    pub(crate) fn has_word(&self, word: &str) -> bool {
        self.jieba.has_word(word)
    }

    /// Adds a known term (a proper noun, `nz`), so that it wins boundary decisions.
    pub(crate) fn add_term(&mut self, term: &str) {
        self.jieba.add_word(term, None, Some("nz"));
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
