//! Naming constructions: appositions (`叫 X，就是/便是/即/也就是 Y`, `X，又称/也称/简称/即 Y`,
//! `所谓 X，即 Y`), an acronym and its full form stated next to each other (`CORS 的全称是
//! Cross-Origin Resource Sharing`), and a term and its English side by side (`全基因组关联分析
//! GWAS`).
//!
//! A keyword says that both forms name one thing; strong keywords (也就是, 又称…) are enough
//! on their own, weak ones (就是, 意思是…) only after a naming word (叫, 称为, 所谓) before the
//! first form. Where the Chinese follows, it runs to the next punctuation and is cut at its
//! first function word; where it comes first, its left boundary is chosen later
//! ([`left`](super::left)).

use super::english::Englishes;
use super::left::term_end;
use super::length::expected_chars;
use super::names::{renders_a_word, spelled_letters};
use super::scan::{
    char_at, char_before, cjk_count, has_infix, is_separator, is_space, prefix_in, skip_back, skip_fwd, suffix_in,
    trim_span,
};
use super::score::{APPOSITION_CONFIDENCE, BARE_APPOSITION_CONFIDENCE, NAMED_APPOSITION_CONFIDENCE};
use super::words::{counts_or_points, is_noun_tag, is_stop, opens_term, pos_stop};
use super::{Aligner, Gloss, Pending};
use crate::candidates::Candidate;
use crate::model::{Method, Span};
use crate::normalize::{Document, HARD, MARK};
use crate::text::chars::{is_cjk, prev_char_start};
use crate::text::lexicon::chinese::{
    ACRONYM_APPOSITION, APPOSITION_STRONG, APPOSITION_WEAK, LOCALITY, NAMING, TAKES_OBJECT,
};
use crate::text::{abbreviates, is_acronym};

/// What follows 即 in the words it starts that do not mean "namely" (即可, 即使, 即将, 即便,
/// 即刻, 即时).
const NOT_NAMELY: [char; 6] = ['可', '使', '将', '便', '刻', '时'];

/// Keywords that open a clause rather than a name (也就是说 "that is to say"): after them the
/// Chinese is a term only when it is the whole phrase (也就是说丢弃法。, not 也就是说身份将成为…).
const CLAUSE_KEYWORDS: &[&str] = &["也就是说"];

/// The longest Chinese, in characters, that an apposition after the English gives: a longer
/// phrase is an explanation, not a name.
const APPOSITION_MAX_CHARS: usize = 8;

/// How much longer than the English's expected length the Chinese of an apposition may be:
/// a longer phrase explains the English rather than names it.
const APPOSITION_SLACK: f32 = 3.0;

/// A verb from this word of an apposition's Chinese on (counting from 0) starts the rest of
/// the sentence; one right after the first word may still belong to the term.
const VERB_CUTS_FROM_WORD: usize = 2;

/// The characters after an English term that are segmented to see whether the sentence goes
/// on after it: enough for the next word.
const NEXT_WORD_CHARS: usize = 4;

/// How far back, in characters, from the English 叫/称为/所谓 is looked for: the naming word
/// right before it (叫 X).
const NAMED_WITHIN_CHARS: usize = 6;

/// How far back, in bytes, from the Chinese a naming word is looked for when a keyword links
/// it to the English (叫 思维链，也就是 chain-of-thought).
const NAMING_BEFORE_KEYWORD_BYTES: usize = 60;

/// The same without a keyword (叫思维链，chain-of-thought): nearer, as the pause alone is a
/// weaker sign.
const NAMING_BEFORE_PAUSE_BYTES: usize = 36;

/// An English term of lowercase words stands beside its Chinese only with this many words or
/// more: a single word beside Chinese is a borrowed word or an identifier in the sentence.
const MIN_BESIDE_WORDS: usize = 2;

/// Naming verbs that may stand anywhere in the few characters before the English.
const NAMING_INFIXES: &[&str] = &["叫作", "叫做", "称为"];

/// Characters after an English term that list it with others (R1、R2): the term is then an
/// instance of the Chinese before it, not its name.
const LIST_MARKS: &str = "、和及与或等";

/// How many characters before a Chinese term are segmented to find the word before it.
const WORD_BEFORE_CHARS: usize = 4;

/// Words before a naming word that make it "also called" (也称为, 又叫, 亦称).
const ALSO: &[char] = &['也', '又', '亦'];

/// Whether the English at `at` follows a naming word said with "also" (也称为 X): X is
/// another name of what came before it.
fn also_named(view: &str, at: usize) -> bool {
    let head = view[..at].trim_end_matches(|c: char| is_space(c) || c as u32 == MARK as u32);
    suffix_in(head, &NAMING).is_some_and(|n| head[..head.len() - n.len()].ends_with(ALSO))
}

/// Whether 叫/称为/所谓 stands shortly before `at`.
fn named_before(view: &str, at: usize) -> bool {
    let head = &view[..at];
    let head = head.trim_end_matches(|c: char| is_space(c) || c as u32 == MARK as u32);
    let tail = &head[head.char_indices().nth_back(NAMED_WITHIN_CHARS - 1).map_or(0, |(i, _)| i)..];
    suffix_in(tail, &NAMING).is_some() || NAMING_INFIXES.iter().any(|w| has_infix(tail, w))
}

/// `English，简称 ABBR` / `ABBR，全称 English`, the keyword at `i`, after candidate `ci`:
/// whether the keyword is followed by another candidate (then this construction is settled,
/// as an acronym and its full form or as nothing).
fn acronym_apposition(view: &str, cands: &[Candidate<'_>], ci: usize, i: usize, out: &mut Vec<Pending>) -> bool {
    let cand = &cands[ci];
    let Some(k) = prefix_in(&view[i..], &ACRONYM_APPOSITION) else { return false };
    let at = skip_fwd(view, i + k.len(), true);
    let Some(other) = cands.get(ci + 1).filter(|c| c.span.start == at) else { return false };
    let (a, b) = (cand.text, other.text);
    let (full, abbr) = if is_acronym(b) && abbreviates(b, a) {
        (cand.span, other.span)
    } else if is_acronym(a) && abbreviates(a, b) {
        (other.span, cand.span)
    } else {
        return true;
    };
    out.push(Pending {
        gloss: Gloss {
            english: full,
            abbreviation: Some(abbr),
            alias: None,
            chinese: None,
            method: Method::Apposition,
            confidence: 0.0,
            site: Span::new(cand.span.start, other.span.end),
        },
        left: None,
    });
    true
}

impl Aligner<'_> {
    /// `English，也就是 中文`, `叫 English，就是 中文`, `叫 English，中文。` and
    /// `English，简称 ABBR` / `ABBR，全称 English`.
    pub(super) fn apposition_after(
        &self,
        doc: &Document<'_>,
        cands: &[Candidate<'_>],
        ci: usize,
        out: &mut Vec<Pending>,
    ) {
        let view = doc.view();
        let cand = &cands[ci];
        let mut i = skip_fwd(view, cand.span.end, true);
        let paused = char_at(view, i).is_some_and(is_separator);
        if let Some(c) = char_at(view, i).filter(|&c| is_separator(c)) {
            i = skip_fwd(view, i + c.len_utf8(), true);
        }
        // English, 简称/全称 English: an acronym and its full form
        if acronym_apposition(view, cands, ci, i, out) {
            return;
        }
        let rest = &view[i..];
        let strong = prefix_in(rest, &APPOSITION_STRONG);
        let weak = prefix_in(rest, &APPOSITION_WEAK);
        let named = || named_before(view, cand.span.start);
        let key: &str = match (strong, weak) {
            (Some(k), _) => k,
            (None, Some(k)) if named() => k,
            // 叫 length bias，长度偏差。 (not 也称为 SSE-S3，无需…: what is also called so came
            // before the English, and the clause after it says something new)
            (None, None) if paused && named() && !also_named(view, cand.span.start) => "",
            _ => return,
        };
        if key == "即" && (!paused || rest["即".len()..].starts_with(NOT_NAMELY)) {
            // English即 without a pause is rarely an apposition; 即可, 即使, 即将 are other words
            return;
        }
        let start = skip_fwd(view, i + key.len(), true);
        let whole = key.is_empty() || CLAUSE_KEYWORDS.contains(&key);
        let Some(zh) = self.chinese_after(view, start, whole) else { return };
        let n = cjk_count(&view[zh.range()]);
        if n > APPOSITION_MAX_CHARS || n as f32 > expected_chars(cand.text) + APPOSITION_SLACK {
            return;
        }
        out.push(Pending {
            gloss: Gloss {
                english: cand.span,
                abbreviation: None,
                alias: None,
                chinese: Some(zh),
                method: Method::Apposition,
                confidence: if key.is_empty() {
                    BARE_APPOSITION_CONFIDENCE
                } else if named() {
                    NAMED_APPOSITION_CONFIDENCE
                } else {
                    APPOSITION_CONFIDENCE
                },
                site: Span::new(cand.span.start, zh.end),
            },
            left: None,
        });
    }

    /// The Chinese term of an apposition starting at `start`: it runs to the next
    /// punctuation and is cut at its first function word after the first word. A `bare`
    /// apposition (no keyword) must be the whole phrase.
    fn chinese_after(&self, view: &str, start: usize, bare: bool) -> Option<Span> {
        let mut end = start;
        for (j, c) in view[start..].char_indices() {
            if is_cjk(c) || c.is_alphanumeric() || is_space(c) || matches!(c, '-' | '·') {
                end = start + j + c.len_utf8();
            } else {
                break;
            }
        }
        let tail = trim_span(view, Span::new(start, end));
        if tail.is_empty() || cjk_count(&view[tail.range()]) == 0 {
            return None;
        }
        let words = self.segmenter.tag(&view[tail.range()]);
        let mut cut = tail.end;
        for (k, w) in words.iter().enumerate() {
            if k == 0 {
                if is_stop(w.word, w.tag) && !LOCALITY.contains(&w.word) || !opens_term(w.word, w.tag) {
                    return None;
                }
            } else if is_stop(w.word, w.tag) || w.tag.starts_with('v') && k >= VERB_CUTS_FROM_WORD {
                cut = tail.start + w.byte_start;
                break;
            }
        }
        if bare && cut != tail.end {
            return None; // a bare apposition must be the whole phrase
        }
        // 即允许接管对象的权限: a verb with what follows it is a clause saying what the English
        // does, not its name (a verb alone may be one: 也就是预热)
        if cut != tail.end && words.first().is_some_and(|w| w.tag == "v") {
            return None;
        }
        let zh = trim_span(view, Span::new(tail.start, cut));
        self.chinese_term_at(view, zh, true)
    }

    /// `近年来，全基因组关联分析 GWAS 已成为…`: a term and its English side by side, separated
    /// by a space. A word beside an English word is most often what the sentence does with it
    /// (修改 widget, 配置 proxy), how many there are (一个 sidecar), whether it is there (不在
    /// scope 中) or what kind it is (函数式 component, 全局 store): never its translation.
    /// So a juxtaposition is taken only where the writer names the term by both forms:
    ///
    /// * the English is an acronym or a term of two words or more (a single lowercase word
    ///   beside Chinese is a borrowed word or an identifier in the sentence);
    /// * it ends the phrase, and no 的 ties it to the Chinese (沙盒环境的 iframe: the English is
    ///   the head, the Chinese its modifier);
    /// * the Chinese is a noun phrase that opens its clause (after punctuation or a naming word
    ///   such as 称为) or is the reference's term for the English, and it fits the English's
    ///   length.
    pub(super) fn juxtaposition(
        &self,
        doc: &Document<'_>,
        cand: &Candidate<'_>,
        englishes: &Englishes<'_>,
        out: &mut Vec<Pending>,
    ) {
        let view = doc.view();
        let text = cand.text;
        let lowercase_term = text.chars().all(|c| !c.is_ascii_uppercase())
            && text.split(' ').filter(|w| w.chars().any(|c| c.is_ascii_lowercase())).count() >= MIN_BESIDE_WORDS;
        // (a two-letter acronym beside Chinese is mostly the head of a mixed term: 客户端 ID)
        let acronym = is_acronym(text) && text.chars().filter(char::is_ascii_alphabetic).count() >= MIN_BESIDE_LETTERS;
        if !(lowercase_term || acronym) || text.chars().any(|c| c.is_ascii_digit()) {
            return;
        }
        // exactly a space between the Chinese and the English
        let before = &view[..cand.span.start];
        let spaces = before.len() - before.trim_end_matches([' ', '\u{a0}']).len();
        let prev = char_before(view, cand.span.start - spaces);
        if spaces == 0 || !prev.is_some_and(is_cjk) || prev == Some('的') {
            return;
        }
        if !self.ends_phrase(view, cand.span.end) {
            return;
        }
        // a term the reference renders otherwise is not this one (below); and a Chinese term
        // can be the reference's only where the reference's Chinese ends it: where none does,
        // there is no need to segment
        let rendered_otherwise = self.reference.get(text).is_some_and(|r| !r.chinese.is_empty());
        if rendered_otherwise {
            let lower = text.to_lowercase();
            let end = term_end(view, cand.span.start - spaces, &lower);
            let known =
                self.reference.get(&lower).is_some_and(|r| r.chinese.iter().any(|z| view[..end].ends_with(z.as_str())));
            if !known {
                return;
            }
        }
        let Some(mut left) = self.left_site(doc, cand.span.start - spaces, &englishes.get(text)) else { return };
        // 使用 dropout: the word before the English is a verb taking it, not its translation
        let last = left.options.first().map_or("", |o| view[o.span.range()].trim());
        if TAKES_OBJECT.contains(&last) || pos_stop(last, "") {
            return;
        }
        // the Chinese is the reference's, or a noun phrase that opens its clause and holds no
        // word the English lacks (类型长度 before page size: a table's header): the writer gives
        // both names
        // (an acronym's: with a word standing for one of its letters, as a side by side with
        // nothing else to tie them is weak evidence: 春季数据 JPA is the rest of a name)
        left.options.retain(|o| {
            o.known
                || o.renders_word != Some(false)
                    && self.opens_clause(view, o.span.start)
                    && self.is_noun_phrase(&view[o.span.range()])
                    && if acronym {
                        spelled_letters(&view[o.span.range()], text) >= MIN_SPELLED_LETTERS
                    } else {
                        renders_a_word(&view[o.span.range()], text)
                    }
        });
        if left.options.is_empty() || rendered_otherwise && !left.options.iter().any(|o| o.known) {
            return;
        }
        left.strict = true;
        let site = Span::new(left.options.last().map_or(cand.span.start, |o| o.span.start), cand.span.end);
        out.push(Pending::awaiting(cand.span, Method::Apposition, site, left));
    }

    /// Whether a numeral, a measure word or a demonstrative stands right before `start`
    /// (第一个参数, 两种方法, 该工具): the noun after it is counted or pointed at, a kind.
    fn counted_before(&self, view: &str, start: usize) -> bool {
        let at = skip_back(view, start, true);
        let from = view[..at].char_indices().nth_back(WORD_BEFORE_CHARS - 1).map_or(0, |(i, _)| i);
        self.segmenter.tag_known(&view[from..at]).last().is_some_and(|w| counts_or_points(w.word, w.tag))
    }

    /// Whether `text` is a noun phrase: its first word may open a term, no word is a verb, and
    /// the last is a noun (not a verbal noun, which before an English word takes it as its
    /// object: 复查 MRI).
    fn is_noun_phrase(&self, text: &str) -> bool {
        let words = self.segmenter.tag(text.trim());
        let real = || words.iter().filter(|w| !w.word.trim().is_empty());
        real().next().is_some_and(|w| opens_term(w.word, w.tag))
            && real().all(|w| w.tag != "v")
            && real().next_back().is_some_and(|w| is_noun_tag(w.tag) && w.tag != "vn")
    }

    /// Whether a term starting at `start` opens its clause: punctuation, the start of the
    /// text or a naming word (称为, 叫做, 即) comes right before it.
    fn opens_clause(&self, view: &str, start: usize) -> bool {
        let at = skip_back(view, start, true);
        match char_before(view, at) {
            None => true,
            Some(c) if !(is_cjk(c) || c.is_alphanumeric()) => true,
            Some(_) => {
                let head = &view[..at];
                suffix_in(head, &NAMING).is_some() || suffix_in(head, &APPOSITION_STRONG).is_some()
            }
        }
    }

    /// Whether English ending at `end` ends the phrase: punctuation, a bracket, the end, or a
    /// function word follows.
    fn ends_phrase(&self, view: &str, end: usize) -> bool {
        let after = skip_fwd(view, end, false);
        match char_at(view, after) {
            None => true,
            Some(c) if is_cjk(c) => {
                let next: String = view[after..].chars().take(NEXT_WORD_CHARS).collect();
                // a function word, an adverb or a verb starts the rest of the sentence
                self.segmenter.tag_known(&next).first().is_some_and(|w| {
                    is_stop(w.word, w.tag) || matches!(w.tag.chars().next(), Some('d' | 'p' | 'c' | 'r' | 'v'))
                })
            }
            Some(c) => !c.is_alphanumeric() && c as u32 != HARD as u32,
        }
    }

    /// `中文，又称 English`, `叫 中文，也就是 English` and `叫 中文，English。`.
    pub(super) fn apposition_before(
        &self,
        doc: &Document<'_>,
        cand: &Candidate<'_>,
        englishes: &Englishes<'_>,
        out: &mut Vec<Pending>,
    ) {
        let view = doc.view();
        let i = skip_back(view, cand.span.start, true);
        let head = &view[..i];
        let key: &str =
            suffix_in(head, &APPOSITION_STRONG).or_else(|| suffix_in(head, &APPOSITION_WEAK)).unwrap_or_default();
        // the keyword must be a word of its own: not 译为 in 编译为, not 即 in 立即
        if let (Some(prev), Some(k0)) = (char_before(view, i - key.len()), key.chars().next()) {
            if is_cjk(prev) && self.segmenter.has_word(&format!("{prev}{k0}")) {
                return;
            }
        }
        // the English must end the phrase: not Python in 即Python语句; nor start a list (两个
        //规则，即 R1、R2 和 R3: instances of the Chinese, not its name)
        let after = skip_fwd(view, cand.span.end, true);
        if char_at(view, after).is_some_and(|c| is_cjk(c) || c.is_alphanumeric() || LIST_MARKS.contains(c)) {
            return;
        }
        let mut j = skip_back(view, i - key.len(), true);
        let paused = char_before(view, j).is_some_and(is_separator);
        if paused {
            j = skip_back(view, prev_char_start(view, j), true);
        }
        if !paused && (key == "即" || key.is_empty()) {
            return;
        }
        // the naming word shortly before the Chinese
        let mut from =
            j.saturating_sub(if key.is_empty() { NAMING_BEFORE_PAUSE_BYTES } else { NAMING_BEFORE_KEYWORD_BYTES });
        while !view.is_char_boundary(from) {
            from += 1;
        }
        let named = NAMING.iter().any(|n| view[from..j].contains(n));
        if APPOSITION_WEAK.contains(&key) && !named {
            return;
        }
        if key.is_empty() {
            // 叫思维链，chain-of-thought，简称 CoT; not a name after a comma, which credits
            // (分析部主管，Gramener)
            let name = cand.text.starts_with(|c: char| c.is_ascii_uppercase()) && !is_acronym(cand.text);
            if !named || name {
                return;
            }
        }
        // 往前走一步，即 TD(0): a count (a numeral and its measure word) ends a phrase, not a term
        if ends_with_count(&view[..j]) {
            return;
        }
        if let Some(left) = self.left_site(doc, j, &englishes.get(cand.text)) {
            if key.is_empty() && !left.options.last().is_some_and(|o| o.at_stop) {
                return;
            }
            // 第一个参数，即 ksize: a counted or pointed-at noun is the English's kind, not its name
            if left.options.last().is_some_and(|o| self.counted_before(view, o.span.start)) {
                return;
            }
            // KL 散度，也称为 I-divergence: the term goes on into Latin before its Chinese, so
            // no Chinese option is the whole term
            if left.options.last().is_some_and(|o| latin_before(view, o.span.start)) {
                return;
            }
            let site = Span::new(left.options.last().map_or(j, |o| o.span.start), cand.span.end);
            out.push(Pending::awaiting(cand.span, Method::Apposition, site, left));
        }
    }
}

/// An acronym beside its Chinese has at least this many letters (TCP, SPA): a shorter one
/// is the head of a term that keeps it (用户 ID, 服务器 IP).
const MIN_BESIDE_LETTERS: usize = 3;

/// The letters of an acronym that the Chinese beside it must spell with words the lists
/// know: one word may be a class the name belongs to (应用程序 JAR, 通信模式 SHM), two make a
/// name of its letters (全基因组关联分析 GWAS).
const MIN_SPELLED_LETTERS: usize = 2;

/// Whether a Latin letter, digit or closing bracket comes right before `start` (spaces
/// between): a term of mixed script goes on there.
fn latin_before(view: &str, start: usize) -> bool {
    char_before(view, skip_back(view, start, false))
        .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, ')' | '）'))
}

/// Numerals that count with a measure word after them.
const NUMERALS: &str = "一二两三四五六七八九十几百千万0123456789";
/// Measure words that follow a numeral (一步, 三个, 两次).
const MEASURE_WORDS: &str = "步个次种类项条位件只张份遍下点层轮";

/// Whether `head` ends with a count: a numeral and a measure word (`走一步`, `分成三类`).
fn ends_with_count(head: &str) -> bool {
    let mut cs = head.chars().rev();
    cs.next().is_some_and(|m| MEASURE_WORDS.contains(m)) && cs.next().is_some_and(|n| NUMERALS.contains(n))
}
