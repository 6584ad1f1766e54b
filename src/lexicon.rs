//! What the extractor knows of Chinese words: the segmenter's dictionary with the reference's
//! terms added, the index of those terms, and how they start. Making it is most of building
//! an extractor; it is done on a thread of its own, started when the extractor is built, so
//! that the inputs are read, decoded and normalised meanwhile, and what needs the words waits
//! for them.

use crate::reference::{ChineseIndex, Reference};
use crate::segment::Segmenter;
use std::collections::HashSet;
use std::sync::mpsc::Receiver;
use std::sync::{Arc, Mutex, OnceLock};
use std::thread::JoinHandle;

/// The segmenter and what is made with it from the reference.
pub(crate) struct Lexicon {
    /// The dictionary, with the reference's Chinese terms as words.
    pub(crate) segmenter: Segmenter,
    /// Where the reference's Chinese terms occur in a text.
    pub(crate) index: ChineseIndex,
    /// The first two segmenter words of each reference Chinese term, joined.
    pub(crate) term_initial: HashSet<String>,
}

impl Lexicon {
    /// The lexicon of `reference` over `segmenter`'s dictionary.
    fn new(mut segmenter: Segmenter, reference: &Reference) -> Lexicon {
        let mut term_initial = HashSet::new();
        // the mined tier is looked for in the inputs, but decides no boundary
        for zh in reference.entries().iter().filter(|e| e.mined.is_none()).flat_map(|e| &e.chinese) {
            let words = segmenter.cut(zh);
            if words.len() >= 2 {
                term_initial.insert(format!("{}{}", words[0].word, words[1].word));
            }
        }
        let index = ChineseIndex::new(reference, |zh| segmenter.cut(zh).iter().map(|w| w.word.to_string()).collect());
        // known Chinese terms are segmenter words: they win boundary decisions (those of the
        // mined tier alone are no entry's Chinese to the reference, and are left out)
        for term in index.terms().filter(|t| reference.may_have_chinese(t)) {
            if term.chars().filter(|&c| crate::text::is_cjk(c)).count() >= 2 && !term.contains(' ') {
                segmenter.add_term(term);
            }
        }
        Lexicon { segmenter, index, term_initial }
    }
}

/// A [`Lexicon`] being built on a thread of its own; [`get`](Self::get) waits for it.
pub(crate) struct LexiconLoad {
    done: OnceLock<Lexicon>,
    /// The building thread, until its lexicon is taken.
    running: Mutex<Option<JoinHandle<Option<Lexicon>>>>,
}

impl LexiconLoad {
    /// Starts the segmenter at once (loading its dictionary, where it is not compiled into
    /// the program), and makes the lexicon when `reference` sends the reference; if the
    /// sender is dropped unsent (the reference could not be read), the thread ends with the
    /// segmenter and no lexicon is ever asked for.
    pub(crate) fn start(reference: Receiver<Arc<Reference>>) -> LexiconLoad {
        // The loading uses no thread pool: the pool's threads may all be waiting for it.
        let running = std::thread::spawn(move || {
            let segmenter = Segmenter::new();
            let reference = reference.recv().ok()?;
            let lexicon = Lexicon::new(segmenter, &reference);
            // what the loading let go of (the dictionary's text) is kept by this thread's
            // heap, which no other thread reuses: it goes back to the system
            crate::memory::give_back_freed();
            Some(lexicon)
        });
        LexiconLoad { done: OnceLock::new(), running: Mutex::new(Some(running)) }
    }

    /// The lexicon, waiting for it to be built the first time.
    pub(crate) fn get(&self) -> &Lexicon {
        self.done.get_or_init(|| {
            let running = self.running.lock().unwrap_or_else(|e| e.into_inner()).take();
            let built = running.expect("a lexicon is built once").join();
            match built {
                Ok(Some(lexicon)) => lexicon,
                Ok(None) => unreachable!("an extractor is made only once its reference is sent"),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        })
    }

    /// The lexicon, to change it.
    pub(crate) fn get_mut(&mut self) -> &mut Lexicon {
        self.get();
        self.done.get_mut().expect("the lexicon was just built")
    }
}
