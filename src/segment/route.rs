//! Segmentation over the compiled dictionary, word for word as jieba-rs segments over its own
//! (tests in `tests.rs` hold the two side by side): the text splits into runs of characters
//! that words are made of (Han, ASCII letters and digits, `+#&._%-`) and the rest, one
//! token per character; a run is cut along the most probable path through the dictionary's
//! words that it contains, a word's probability its frequency over the total; what that path
//! leaves as single characters is joined, ASCII letters and digits into one word, and (when
//! unknown words are guessed) any other run not in the dictionary through jieba-rs's hidden
//! Markov model.

use super::compiled::{Dictionary, Node, ROOT};
use super::{Tagged, Word};
use jieba_rs::Jieba;
use std::cell::RefCell;

/// Whether words are made of `c`: Han characters, ASCII letters and digits, `+#&._%-`.
fn is_word_char(c: char) -> bool {
    match c {
        '\u{4E00}'..='\u{9FFF}' => true,
        _ if c.is_ascii() => c.is_ascii_alphanumeric() || matches!(c, '+' | '#' | '&' | '.' | '_' | '%' | '-'),
        _ => is_han_extension(c),
    }
}

/// The blocks of Han characters outside the main one.
fn is_han_extension(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2A6DF}'
        | '\u{2A700}'..='\u{2B73F}'
        | '\u{2B740}'..='\u{2B81F}'
        | '\u{2B820}'..='\u{2CEAF}'
        | '\u{2CEB0}'..='\u{2EBEF}'
        | '\u{2F800}'..='\u{2FA1F}')
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}') || is_han_extension(c)
}

/// One step of the best path through a run: to the character after the word taken there.
#[derive(Clone, Copy)]
struct Step {
    /// The log-probability of the rest of the run from here.
    prob: f64,
    end: usize,
    /// The word taken, `None` for a character no word of the dictionary starts with.
    node: Option<Node>,
}

/// Buffers reused from one call to the next on a thread.
#[derive(Default)]
struct Scratch {
    /// The characters of the run: byte offset in the run, and character.
    chars: Vec<(usize, char)>,
    /// The words starting at each character, in order of their ends: (end, node, the
    /// logarithm of the word's frequency).
    edges: Vec<(usize, Node, f64)>,
    /// Where each character's words start in `edges` (one more than the characters).
    starts: Vec<usize>,
    route: Vec<Step>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// What is made of each token: the part of speech is looked for only when it is wanted.
pub(super) trait Sink<'a> {
    /// Whether the part of speech is wanted.
    const TAGS: bool;
    fn token(&mut self, word: Word<'a>, tag: &'a str);
}

impl<'a> Sink<'a> for Vec<Word<'a>> {
    const TAGS: bool = false;
    fn token(&mut self, word: Word<'a>, _: &'a str) {
        self.push(word);
    }
}

impl<'a> Sink<'a> for Vec<Tagged<'a>> {
    const TAGS: bool = true;
    fn token(&mut self, w: Word<'a>, tag: &'a str) {
        self.push(Tagged {
            word: w.word,
            tag,
            start: w.start,
            end: w.end,
            byte_start: w.byte_start,
            byte_end: w.byte_end,
        });
    }
}

/// Segments `text` into `sink` with `dict`; `hmm`, with no dictionary, guesses the words
/// the dictionary does not know (with `guess`) and the parts of speech of words it does not hold.
pub(super) fn segment<'a, S: Sink<'a>>(dict: &Dictionary, hmm: &'a Jieba, text: &'a str, guess: bool, sink: &mut S) {
    SCRATCH.with(|scratch| {
        let mut scratch = scratch.borrow_mut();
        let mut out = Out { text, chars_before: 0, sink, hmm };
        let mut at = 0;
        while let Some(first) = text[at..].chars().next() {
            let words = is_word_char(first);
            let len = text[at..].find(|c: char| is_word_char(c) != words).unwrap_or(text.len() - at);
            let run = &text[at..at + len];
            if words {
                Run::new(dict, run, at, &mut scratch).emit(guess, &mut out);
            } else {
                out.others(dict, run, at);
            }
            at += len;
        }
        // a thread that once segmented a huge run does not keep its buffers
        if scratch.chars.capacity() > MAX_KEPT_CHARS {
            *scratch = Scratch::default();
        }
    });
}

/// The most characters of a run whose buffers a thread keeps for the next call.
const MAX_KEPT_CHARS: usize = 1 << 16;

/// Where tokens go, and how far the text has been given out.
struct Out<'a, 's, S> {
    text: &'a str,
    /// Characters given out so far.
    chars_before: usize,
    sink: &'s mut S,
    hmm: &'a Jieba,
}

impl<'a, S: Sink<'a>> Out<'a, '_, S> {
    /// Gives out `text[from..to]`, of `chars` characters, as a token with part of speech `tag`.
    fn token(&mut self, from: usize, to: usize, chars: usize, tag: &'a str) {
        let start = self.chars_before;
        self.chars_before += chars;
        let word = Word { word: &self.text[from..to], start, end: self.chars_before, byte_start: from, byte_end: to };
        self.sink.token(word, tag);
    }

    /// Gives out the characters no word is made of, one by one (a CR LF as one).
    fn others(&mut self, dict: &Dictionary, run: &'a str, at: usize) {
        let mut rest = run;
        while let Some(c) = rest.chars().next() {
            let (len, chars) = if rest.starts_with("\r\n") { (2, 2) } else { (c.len_utf8(), 1) };
            let from = at + run.len() - rest.len();
            let tag = if S::TAGS {
                match dict.find(&rest[..len]).and_then(|n| dict.record(n)) {
                    Some(r) => r.tag,
                    None => self.guess_tag(&rest[..len]),
                }
            } else {
                ""
            };
            self.token(from, from + len, chars, tag);
            rest = &rest[len..];
        }
    }

    /// The part of speech of a word the dictionary does not hold: a number (`m`) or English
    /// (`eng`) if it has ASCII letters or digits, a guess of jieba-rs's model if Han, else
    /// punctuation (`x`).
    fn guess_tag(&self, word: &'a str) -> &'a str {
        let alnum = word.chars().filter(char::is_ascii_alphanumeric).count();
        if alnum > 0 {
            return if word.chars().filter(char::is_ascii_digit).count() == alnum { "m" } else { "eng" };
        }
        if word.chars().any(is_han) {
            // a word of one character (the only unknown Han word the path leaves), tagged
            // alone by jieba-rs with no dictionary: its model's guess
            let tagged = self.hmm.tag(word, false);
            debug_assert_eq!(tagged.len(), 1, "an unknown Han word is one character: {word:?}");
            return tagged.first().map_or("x", |t| t.tag);
        }
        "x"
    }
}

/// A run of characters words are made of, its words and its best path.
struct Run<'d, 'a, 's> {
    dict: &'d Dictionary,
    run: &'a str,
    /// Where the run starts in the text.
    at: usize,
    scratch: &'s mut Scratch,
}

impl<'d, 'a, 's> Run<'d, 'a, 's> {
    /// The words of `run` and its best path through them.
    fn new(dict: &'d Dictionary, run: &'a str, at: usize, scratch: &'s mut Scratch) -> Run<'d, 'a, 's> {
        let Scratch { chars, edges, starts, route } = scratch;
        chars.clear();
        chars.extend(run.char_indices());
        let n = chars.len();
        edges.clear();
        starts.clear();
        for i in 0..n {
            starts.push(edges.len());
            let mut node = ROOT;
            for (j, &(_, c)) in chars.iter().enumerate().skip(i) {
                let Some(next) = dict.child(node, c) else { break };
                node = next;
                if let Some(log) = dict.log(node) {
                    edges.push((j + 1, node, log));
                }
            }
        }
        starts.push(edges.len());

        // the best path from the end back: the most probable, and of two as probable the one
        // whose first word is longer
        route.clear();
        route.resize(n + 1, Step { prob: 0.0, end: n, node: None });
        let log_total = dict.log_total();
        for i in (0..n).rev() {
            let mut best: Option<Step> = None;
            for &(end, node, log) in &edges[starts[i]..starts[i + 1]] {
                let prob = log - log_total + route[end].prob;
                if best.is_none_or(|b| prob > b.prob || prob == b.prob && end > b.end) {
                    best = Some(Step { prob, end, node: Some(node) });
                }
            }
            route[i] = best.unwrap_or(Step { prob: 0.0 - log_total + route[i + 1].prob, end: i + 1, node: None });
        }
        Run { dict, run, at, scratch }
    }

    /// The byte offset in the text of character `i` of the run.
    fn byte(&self, i: usize) -> usize {
        self.at + self.scratch.chars.get(i).map_or(self.run.len(), |&(b, _)| b)
    }

    /// The word of the dictionary from character `from` to `to`, if there is one.
    fn word_at(&self, from: usize, to: usize) -> Option<Node> {
        let s = &self.scratch;
        s.edges[s.starts[from]..s.starts[from + 1]].iter().find(|&&(end, ..)| end == to).map(|&(_, node, _)| node)
    }

    /// Gives out characters `from..to` as one token, the word `node` if known.
    fn span<S: Sink<'a>>(&self, from: usize, to: usize, node: Option<Node>, out: &mut Out<'a, '_, S>) {
        let tag = if S::TAGS {
            match node.or_else(|| self.word_at(from, to)).and_then(|n| self.dict.record(n)) {
                Some(r) => r.tag,
                None => out.guess_tag(&out.text[self.byte(from)..self.byte(to)]),
            }
        } else {
            ""
        };
        out.token(self.byte(from), self.byte(to), to - from, tag);
    }

    /// Gives out the run's tokens along its best path.
    fn emit<S: Sink<'a>>(&self, guess: bool, out: &mut Out<'a, '_, S>) {
        let route = &self.scratch.route;
        let n = self.scratch.chars.len();
        let (mut x, mut single) = (0, None);
        while x < n {
            let Step { end: y, node, .. } = route[x];
            if y - x == 1 && (guess || self.scratch.chars[x].1.is_ascii_alphanumeric()) {
                single.get_or_insert(x);
            } else {
                if let Some(from) = single.take() {
                    self.singles(from, x, guess, out);
                }
                self.span(x, y, node, out);
            }
            x = y;
        }
        if let Some(from) = single {
            self.singles(from, n, guess, out);
        }
    }

    /// Gives out characters `from..to`, which the path takes one by one: without guessing,
    /// ASCII letters and digits, as one word; guessing, as one word if the dictionary holds
    /// it, else as the model cuts them.
    fn singles<S: Sink<'a>>(&self, from: usize, to: usize, guess: bool, out: &mut Out<'a, '_, S>) {
        let route = &self.scratch.route;
        if to - from == 1 {
            return self.span(from, to, route[from].node, out);
        }
        if !guess {
            return self.span(from, to, None, out);
        }
        if self.word_at(from, to).is_some() {
            let mut x = from;
            while x < to {
                self.span(x, route[x].end, route[x].node, out);
                x = route[x].end;
            }
            return;
        }
        let piece = &out.text[self.byte(from)..self.byte(to)];
        let base = self.byte(from);
        let mut x = from;
        let hmm = out.hmm;
        for t in hmm.tag(piece, true) {
            let chars = t.end - t.start;
            let tag = match self.word_at(x, x + chars).and_then(|n| self.dict.record(n)) {
                Some(r) => r.tag,
                None => t.tag,
            };
            out.token(base + t.byte_start, base + t.byte_end, chars, if S::TAGS { tag } else { "" });
            x += chars;
        }
    }
}
