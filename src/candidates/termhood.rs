//! Termhood: whether a candidate that has the shape of a term is one, from evidence in its
//! document. Shape alone lets through plain English used as words (`such`, `patient`),
//! fragments of sentences (`which means`), words of code (`None`, `await`, `OrderHistory`),
//! labels and cells of tables (`Name`, `Create a new key`, `SSD random read`), examples of
//! words (`“whe”`), the names and handles of credit lines and lists of contributors, and
//! versions after names. The kind of each candidate comes from [`kinds`](super::kinds).
//!
//! * Lowercase general words ([`COMMON_WORDS`](crate::text::lexicon::english::COMMON_WORDS),
//!   [`GENERAL_WORDS`](crate::text::lexicon::english::GENERAL_WORDS)) are dropped unless the
//!   document glosses them somewhere (`多样（diverse）`, `diverse（多样）`), or uses them
//!   often outside quotation marks ([`MIN_SINGLE_REPEATS`], [`MIN_REPEATS`] for a run).
//! * Keywords and literals of code are dropped unless glossed; common words glued in
//!   PascalCase only when the document's code calls, builds or declares them.
//! * A capitalised common word, or capitals mixed with general words, is dropped unless
//!   glossed or written with Chinese near it on its line (a name used in prose); a label in
//!   sentence case unless glossed, and a sentence of [`MIN_GLOSSED_SENTENCE_WORDS`] even then.
//! * Lowercase English that the document only ever quotes, and quoted English that labels a
//!   control of an interface (点击“Save”, “Save”按钮), are dropped; so are the pieces of an
//!   English sentence quoted whole, and a general word given as an example of a word with its
//!   Chinese, both quoted (`“很”（"very"）`), is not glossed so (see [`mentions`](super::mentions)).
//! * A word cut short with a dot (`succ. (%)`) and the second half of a spaced slash pair
//!   (`Read / Write API`) are pieces (see [`fragments`](super::fragments)).
//! * Any candidate after a credit label and a colon on its line (`译者：`, `图片来源：`), or
//!   inside a list of contributors ([`lists`](super::lists)) unless named elsewhere, is
//!   dropped.
//! * A word the input also writes as inline code alone (`` `setup()` ``) is an identifier
//!   where it is said bare, unless glossed or said bare more often (see
//!   [`identifiers`](super::identifiers)).
//! * A release or an edition after a name is cut off when the document names it bare too or
//!   it is a known name (`Redis 7.2` → `Redis`, see [`versions`](super::versions)).
//!
//! A title in `《》` is kept whatever it holds.

use super::citations::author_lists;
use super::code_cues::{
    declares, is_class, is_class_strictly, is_code_here, is_extension_here, is_file_here, is_member,
};
use super::controls::is_ui_label;
use super::fragments::{is_cut_short, is_second_of_pair};
use super::glossed::is_glossed;
use super::headings::{names_a_part, only_headings};
use super::identifiers::identifiers_said_bare;
use super::instances::instance_labels;
use super::juxtaposed::split_juxtaposed;
use super::kinds::{is_common_word, kind, Kind};
use super::labels::is_letter_label;
use super::lists::contributor_lists;
use super::mentions::{in_quoted_sentence, is_quoted_pair, is_quoted_value};
use super::versions::{bare_name, counted_number, counts_something, is_point_release, After};
use super::Candidate;
use crate::model::Span;
use crate::normalize::{Document, MarkKind, Marked, HARD, MARK};
use crate::text::chars::is_cjk;
use crate::text::lexicon::chinese::{CREDIT_LABELS, NAME_CLASSES};
use crate::text::lexicon::names::KNOWN_NAMES;
use crate::text::lexicon::{in_list, lower, pack_list};
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

/// A run of common words that a document repeats this often is a term (`open source`): a
/// fragment of a sentence rarely recurs word for word.
const MIN_REPEATS: usize = 3;
/// A single common word that a document uses this often outside quotation marks is one of
/// its terms (`attention`, `cache`): a word used as an example is quoted, or said once.
const MIN_SINGLE_REPEATS: usize = 5;
/// A label or a run of general words this long is a sentence even when the text translates
/// it (`go to the shop to buy some milk`（去商店买牛奶）).
const MIN_GLOSSED_SENTENCE_WORDS: usize = 5;
/// A capitalised common word (or a run mixing capitals with general words) with Chinese this
/// near on its line is used in prose, as a name (`用 Solid 写`); with none, it heads a table
/// column, labels a button or fills a cell.
const PROSE_NEAR_BYTES: usize = 120;

/// A capitalised common word alone is a name (`用 Solid 写`) when the document uses it in
/// Chinese prose this often.
const MIN_HEADER_REPEATS: usize = 2;

/// A label before a colon that cites a title on its line (`论文：`, `参考文献：`) has at most
/// this many characters.
const MAX_LABEL_CHARS: usize = 8;

/// An acronym in brackets after a full form has at most this many bytes (`WAI-ARIA`).
const MAX_ACRONYM_BYTES: usize = 12;

/// Quoted English in brackets starts at most this many bytes after the bracket (`（也称为“`).
const MAX_GLOSS_LEAD_BYTES: usize = 30;

/// Words of code before a class name that declare or build it.
const DECLARING: [&str; 6] = ["class ", "new ", "extends ", "implements ", "struct ", "interface "];

/// What the document says about its candidates.
#[derive(Default)]
struct Evidence {
    /// The forms it glosses somewhere (lowercase).
    glossed: FxHashSet<String>,
    /// How often each run of common words occurs (lowercase; single words outside quotes).
    repeats: FxHashMap<String, usize>,
    /// The capitalised common words it uses in Chinese prose at least once.
    in_prose: FxHashSet<String>,
    /// How often it uses each capitalised common word alone in Chinese prose.
    headers_in_prose: FxHashMap<String, usize>,
}

/// Drops from `cands` (the candidates of `doc`, in text order) those that the evidence of
/// the document says are not terms (see the [module docs](self)), and cuts versions off
/// names.
pub(super) fn keep_terms<'a>(doc: &Document<'a>, cands: &mut Vec<Candidate<'a>>) {
    let view = doc.view();
    strip_versions(doc, cands);
    split_juxtaposed(view, cands);
    let kinds = kinds_of(cands);
    // lists of contributors and of authors: their names are no terms
    let mut lists = contributor_lists(view);
    let authors = author_lists(view);
    if !authors.is_empty() {
        lists.extend(authors);
        lists.sort_by_key(|l| l.start);
    }
    let mentioned = only_mentioned(doc, cands);
    // names of the fields of data that label lines, and nothing else
    let fields = field_labels(view, cands);
    // English that only titles sections
    let headings = only_headings(doc.text(), view, cands);
    // the labels of the things of an example (`client1`, `ABC`)
    let instances = instance_labels(view, cands);
    // quotation marks may hold the label of a control
    let quotes = || {
        let bytes = view.as_bytes();
        memchr::memchr(b'"', bytes).is_some()
            || ["“", "「", "『"].iter().any(|q| memchr::memmem::find(bytes, q.as_bytes()).is_some())
    };
    let classes = classes(view, cands, &kinds);
    // words the input also writes as code alone, said bare: identifiers, not terms
    let identifiers = identifiers_said_bare(doc, cands);
    // English written as code in prose, at this place (`$HOME`, `DB _ HOST`, `App.js 文件`)
    let code_here = |c: &Candidate<'_>| {
        is_code_here(view, c.span.start, c.span.end)
            || is_file_here(c.text, view, c.span.end)
            || is_extension_here(c.text, view, c.span)
    };
    // pieces of words and of pairs, whatever their kind
    let piece = |c: &Candidate<'_>| is_cut_short(view, c) || is_second_of_pair(view, c);
    if kinds.iter().all(|k| *k == Kind::Term)
        && !cands.iter().any(piece)
        && !may_credit(view)
        && !cands.iter().any(|c| is_letter_label(view, c.span))
        && lists.is_empty()
        && !quotes()
        && !cands.iter().any(code_here)
        && classes.is_empty()
        && identifiers.is_empty()
        && fields.is_empty()
        && headings.is_empty()
        && instances.is_empty()
    {
        return;
    }
    let ev = evidence(doc, cands, &kinds);
    let code = if kinds.contains(&Kind::Glued) { code_words(doc) } else { FxHashSet::default() };
    let outside_lists = outside(cands, &lists);
    let mut credit = CreditLines { footers: may_have_footer(view), photos: photo_cues(view), ..CreditLines::default() };
    let mut list = lists.iter().peekable();
    let mut i = 0;
    cands.retain(|c| {
        let k = kinds[i];
        i += 1;
        if c.title {
            return true;
        }
        if credit.after_label(view, c.span.start)
            || mentioned.contains(c.text)
            || fields.contains(c.text)
            || headings.contains(c.text)
            || instances.contains(c.text)
            || is_ui_label(doc, c.span)
            || is_note_label(view, c)
            || is_key_pressed(view, c)
            || code_here(c)
            || is_letter_label(view, c.span)
            || in_quoted_sentence(doc, c.span)
            || piece(c)
            || identifiers.contains(&c.span)
        {
            return false;
        }
        while list.next_if(|l| l.end <= c.span.start).is_some() {}
        if list.peek().is_some_and(|l| l.start <= c.span.start) && !outside_lists.contains(lower(c.text).as_ref()) {
            return false;
        }
        let key = || lower(c.text);
        let glossed = || ev.glossed.contains(key().as_ref());
        if classes.contains(c.text) && !glossed() {
            return false;
        }
        // (a value glossed where it is quoted is a term of its own: `标记为“Deprecated”（已弃用）`)
        if is_quoted_value(doc, c.span) && !is_glossed(view, c.span.start, c.span.end) {
            return false;
        }
        match k {
            Kind::Term => true,
            Kind::Date | Kind::Placeholder | Kind::Number => false,
            Kind::Sentence => glossed(),
            // (a declaration is code whatever its brackets hold: `func PrintInfo(消息字符串)`)
            Kind::Code => glossed() && !declares(c.text),
            // a sentence glossed is a sentence translated, not a term
            Kind::Label => glossed() && c.text.split(' ').count() < MIN_GLOSSED_SENTENCE_WORDS,
            // a capitalised common word said once is a word used as a word (`在 NeurIPS 组织的
            // Workshop`), or a name the document does not dwell on
            Kind::Header => {
                glossed()
                    || ev.headers_in_prose.get(key().as_ref()) >= Some(&MIN_HEADER_REPEATS)
                    || KNOWN_NAMES.contains(&key().as_ref())
            }
            Kind::Mixed | Kind::Title => glossed() || ev.in_prose.contains(key().as_ref()),
            Kind::Glued => glossed() || !code.contains(c.text),
            Kind::Common { words } => {
                let min = if words > 1 { MIN_REPEATS } else { MIN_SINGLE_REPEATS };
                words < MIN_GLOSSED_SENTENCE_WORDS && (glossed() || ev.repeats.get(key().as_ref()) >= Some(&min))
            }
        }
    });
}

/// Whether a candidate of kind [`Kind::Term`] may name a class: PascalCase with a capital
/// inside after a small letter (`OrderService`, `GridSearchCV`), and no known name
/// (`JavaScript 类` are the classes of the language).
fn may_be_class(text: &str) -> bool {
    let b = text.as_bytes();
    b.first().is_some_and(u8::is_ascii_uppercase)
        && b.windows(2).any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase())
        && b.iter().all(u8::is_ascii_alphanumeric)
        && !KNOWN_NAMES.contains(&lower(text).as_ref())
}

/// Whether `text` is words glued in PascalCase, each a capital and three small letters or
/// more (`LinearDamping`, not `MySQL`).
fn is_pascal_words(text: &str) -> bool {
    let b = text.as_bytes();
    let parts = b.iter().filter(|c| c.is_ascii_uppercase()).count();
    let mut len = 0;
    for (i, &c) in b.iter().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 && len < MIN_PASCAL_PART {
                return false;
            }
            len = 1;
        } else if c.is_ascii_lowercase() {
            len += 1;
        } else {
            return false;
        }
    }
    parts >= 2 && len >= MIN_PASCAL_PART
}

/// Each word of a name glued in PascalCase has at least this many letters.
const MIN_PASCAL_PART: usize = 4;

/// The candidates that the document names as classes of a program somewhere (see
/// [`is_class`]): common words glued in PascalCase; capitalised common words and other
/// PascalCase names only before 类 or a constructor (an instance of a product, `MySQL 实例`,
/// `Spot 实例`, is no class of code).
fn classes<'a>(view: &str, cands: &[Candidate<'a>], kinds: &[Kind]) -> FxHashSet<&'a str> {
    cands
        .iter()
        .zip(kinds)
        .filter(|(c, k)| match k {
            Kind::Glued => is_class(view, c.span.end) || is_member(view, c.span.end),
            // (a capitalised word before 实例 may name a product's kind of instance: `Spot 实例`)
            Kind::Header => is_class_strictly(view, c.span.end),
            Kind::Term => {
                // (the cheap tests first: most candidates stand before no such noun)
                (is_class_strictly(view, c.span.end) || is_member(view, c.span.end) && is_pascal_words(c.text))
                    && may_be_class(c.text)
            }
            _ => false,
        })
        .map(|(c, _)| c.text)
        .collect()
}

/// The kind of each candidate (a title is a term). A document repeats its candidates, so each
/// distinct text is classified once.
fn kinds_of(cands: &[Candidate<'_>]) -> Vec<Kind> {
    let mut seen: FxHashMap<&str, Kind> = FxHashMap::default();
    cands
        .iter()
        .map(|c| if c.title { Kind::Term } else { *seen.entry(c.text).or_insert_with(|| kind(c.text)) })
        .collect()
}

/// What the document says about the candidates that are not plainly terms.
fn evidence(doc: &Document<'_>, cands: &[Candidate<'_>], kinds: &[Kind]) -> Evidence {
    let view = doc.view();
    let mut ev = Evidence::default();
    for (c, k) in cands.iter().zip(kinds) {
        if *k == Kind::Term {
            continue;
        }
        let key = lower(c.text).into_owned();
        // (a word of general English paired with a quoted Chinese word is an example of a word)
        if is_glossed(view, c.span.start, c.span.end)
            && !(matches!(k, Kind::Common { .. }) && is_quoted_pair(view, c.span.start, c.span.end))
        {
            ev.glossed.insert(key.clone());
        }
        match k {
            // (Spot实例, Pull请求: a capitalised word of general English glued to a Chinese noun
            // is a piece of a Chinese term, not a term in the prose)
            Kind::Header | Kind::Mixed
                if !is_mention(doc, c.span)
                    && chinese_near(view, c.span)
                    && !(*k == Kind::Header && view[c.span.end..].starts_with(is_cjk)) =>
            {
                if *k == Kind::Header {
                    // (前端框架 Solid: a noun of a class of names before it names it)
                    let n = if after_name_class(view, c.span.start) { MIN_HEADER_REPEATS } else { 1 };
                    *ev.headers_in_prose.entry(key.clone()).or_default() += n;
                }
                ev.in_prose.insert(key);
            }
            Kind::Title
                if !ev.in_prose.contains(&key)
                    && !is_mention(doc, c.span)
                    && (chinese_on_line(view, c.span) || names_acronym(view, c.span.end)) =>
            {
                ev.in_prose.insert(key);
            }
            Kind::Common { words: 1 } if is_mention(doc, c.span) => {}
            Kind::Common { .. } => *ev.repeats.entry(key).or_default() += 1,
            _ => {}
        }
    }
    ev
}

/// The candidates outside the lists of contributors and authors, lowercase: a name in a list
/// that the document also names elsewhere is one of its terms.
fn outside(cands: &[Candidate<'_>], lists: &[Span]) -> FxHashSet<String> {
    if lists.is_empty() {
        return FxHashSet::default();
    }
    cands
        .iter()
        // (one that starts inside and runs on is a piece of the list too: `S. Texture features`
        // after the initial of an author)
        .filter(|c| !lists.iter().any(|l| l.start <= c.span.start && c.span.start < l.end))
        .map(|c| lower(c.text).into_owned())
        .collect()
}

/// Cuts a point release off a name (`Safari 16.4` → `Safari`), and another release or an
/// edition when the document names it bare too, or it is a known name (see
/// [`versions`](super::versions)).
fn strip_versions<'a>(doc: &Document<'a>, cands: &mut [Candidate<'a>]) {
    // a number that counts what a Chinese measure word after it names is no part of the name
    // before it (`Flexera 2021 年`, `Chaskey 128 位`)
    let (text, view) = (doc.text(), doc.view());
    for c in cands.iter_mut().filter(|c| !c.title && c.text.ends_with(|ch: char| ch.is_ascii_digit())) {
        if let Some(n) = counted_number(c.text).filter(|_| counts_something(&view[c.span.end..])) {
            c.span = Span::new(c.span.start, c.span.start + n);
            c.text = &text[c.span.range()];
        }
    }
    let cut: Vec<(usize, usize, After)> = cands
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.title && c.text.bytes().any(|b| b.is_ascii_digit()))
        .filter_map(|(i, c)| bare_name(c.text).map(|(n, a)| (i, n, a)))
        .collect();
    if cut.is_empty() {
        return;
    }
    static KNOWN: LazyLock<FxHashSet<&str>> = LazyLock::new(|| KNOWN_NAMES.iter().copied().collect());
    let names: Vec<String> = cut.iter().map(|&(i, n, _)| lower(&cands[i].text[..n]).into_owned()).collect();
    // lowercasing keeps the length of ASCII: only candidates as long as a name, or with other
    // than ASCII, may be one of them
    let lengths: FxHashSet<usize> = names.iter().map(String::len).collect();
    let bare: FxHashSet<String> = cands
        .iter()
        .filter(|c| !c.text.is_ascii() || lengths.contains(&c.text.len()))
        .map(|c| lower(c.text).into_owned())
        .collect();
    for ((i, n, after), name) in cut.into_iter().zip(names) {
        let c = &mut cands[i];
        // (a spaced release only: `TLSv1.2` is no `TLSv`)
        let point = after == After::Release && c.text[n..].strip_prefix(' ').is_some_and(is_point_release);
        if point || bare.contains(&name) || KNOWN.contains(name.as_str()) {
            c.span = Span::new(c.span.start, c.span.start + n);
            c.text = &text[c.span.range()];
        }
    }
}

/// The identifiers that the document writes in code (fenced, inline, markup), for the
/// evidence that a glued name is a class name.
fn code_words<'a>(doc: &Document<'a>) -> FxHashSet<&'a str> {
    let (text, view) = (doc.text().as_bytes(), doc.view().as_bytes());
    let mut out = FxHashSet::default();
    let mut i = 0;
    while let Some(p) = memchr::memchr(HARD, &view[i..]) {
        let start = i + p;
        let end = view[start..].iter().position(|&b| b != HARD).map_or(view.len(), |q| start + q);
        // a URL or a link's target names pages, not code
        let url = memchr::memmem::find(&text[start..end], b"://").is_some();
        let mut j = if url { end } else { start };
        while j < end {
            if text[j].is_ascii_alphanumeric() || text[j] == b'_' {
                let k =
                    text[j..end].iter().position(|b| !(b.is_ascii_alphanumeric() || *b == b'_')).map_or(end, |q| j + q);
                // a word in a path or a string literal (`/wiki/PageRank`, `"Cart-v1"`) is
                // no identifier of the program
                let quoted = j > 0 && matches!(text[j - 1], b'/' | b'#' | b'"' | b'\'');
                // a class is called, built, nested or declared (`Cache(`, `<Cache>`,
                // `new Cache`, `class Cache`); a module only imported (`import CarPlay`) may be a
                // product's name
                let used = text.get(k).is_some_and(|b| matches!(b, b'(' | b'<' | b'>' | b'{' | b'.' | b'/'))
                    || j > 0 && text[j - 1] == b'<'
                    || DECLARING.iter().any(|d| text[start..j].ends_with(d.as_bytes()));
                // masked bytes are whole characters of the text, so these are ASCII slices
                if let (false, true, Ok(w)) = (quoted, used, std::str::from_utf8(&text[j..k])) {
                    out.insert(w);
                }
                j = k;
            } else {
                j += 1;
            }
        }
        i = end;
    }
    out
}

/// Whether a noun of a class of names ends right before `start`, spaces between
/// (前端框架 Solid).
fn after_name_class(view: &str, start: usize) -> bool {
    let before = view[..start].trim_end_matches(' ');
    NAME_CLASSES.iter().any(|n| before.ends_with(n))
}

/// A word labels lines this often at least, and nothing else, to be the name of a field of
/// data (`Input:` … `Input:`); once, it may be a name given its description (`Docker：…`).
const MIN_FIELD_LABELS: usize = 2;

/// A label of general English words has at most this many (`Published Time`).
const MAX_LABEL_WORDS: usize = 3;

/// The candidates of `cands` that label lines ([`labels_line`]) and are never used otherwise:
/// names of fields of data. A capitalised word that does so again and again (`* Input: …`,
/// `* Output[调整后]: …`), or words of general English in Title or sentence case whose value is
/// no Chinese prose (`- Published Time: 2021.05.11`, `Release Date：…`, `Affiliation: …`: words
/// naming parts of documents count as general), even once; a term a
/// line explains in Chinese (`- Transformer: 一种模型`) or a name (`- GPU: A100`) is no field.
fn field_labels<'a>(view: &str, cands: &[Candidate<'a>]) -> FxHashSet<&'a str> {
    let capitalised = |t: &str| {
        t.len() > 1
            && t.starts_with(|c: char| c.is_ascii_uppercase())
            && t.bytes().skip(1).all(|c| c.is_ascii_lowercase())
    };
    let general = |t: &str| {
        t.starts_with(|c: char| c.is_ascii_uppercase())
            && t.split(' ').count() <= MAX_LABEL_WORDS
            && t.split(' ').all(|w| {
                !w.is_empty() && w.bytes().all(|b| b.is_ascii_alphabetic()) && (is_common_word(w) || names_a_part(w))
            })
    };
    // (labels, other uses, labels of a value without Chinese)
    let mut counts: FxHashMap<&'a str, (usize, usize, usize)> = FxHashMap::default();
    for c in cands.iter().filter(|c| capitalised(c.text) || general(c.text)) {
        let e = counts.entry(c.text).or_default();
        if labels_line(view, c.span) {
            e.0 += 1;
            let line = view[c.span.end..].split('\n').next().unwrap_or("");
            let value = line.split_once([':', '：']).map_or("", |(_, v)| v);
            if !value.trim().is_empty() && !value.chars().any(is_cjk) {
                e.2 += 1;
            }
        } else {
            e.1 += 1;
        }
    }
    counts
        .into_iter()
        .filter(|(t, (labels, other, bare))| {
            *other == 0 && (capitalised(t) && *labels >= MIN_FIELD_LABELS || general(t) && *bare == *labels)
        })
        .map(|(t, _)| t)
        .collect()
}

/// Whether the word at `span` labels its line: it opens the line (after a list's marker) and
/// a colon follows it, a remark in brackets between (`* Input: 类型#上衣`, `Output[微调后]:
/// 这是…`). A label names a field of data, not a thing the prose talks about.
fn labels_line(view: &str, span: Span) -> bool {
    let start = memchr::memrchr(b'\n', &view.as_bytes()[..span.start]).map_or(0, |p| p + 1);
    let opens = view[start..span.start]
        .bytes()
        .all(|b| matches!(b, b' ' | b'\t' | b'-' | b'*' | b'+') || b == HARD || b == MARK);
    let after = &view[span.end..];
    let after = match after.strip_prefix('[') {
        Some(a) => a.split_once(']').map_or(after, |(inside, rest)| if inside.contains('\n') { after } else { rest }),
        None => after,
    };
    opens && after.trim_start_matches(' ').starts_with([':', '：'])
}

/// Whether there is Chinese on the line of `span`, within [`PROSE_NEAR_BYTES`].
fn chinese_near(view: &str, span: Span) -> bool {
    let from = view.floor_char_boundary(span.start.saturating_sub(PROSE_NEAR_BYTES));
    let to = view.ceil_char_boundary((span.end + PROSE_NEAR_BYTES).min(view.len()));
    let before = view[from..span.start].rsplit('\n').next().unwrap_or("");
    let after = view[span.end..to].split('\n').next().unwrap_or("");
    before.chars().chain(after.chars()).any(is_cjk)
}

/// Whether the line of `span` holds Chinese besides a label before a colon (`论文：`,
/// `原文:`): a title on a line of its own, or after such a label, is cited, not used.
fn chinese_on_line(view: &str, span: Span) -> bool {
    let start = memchr::memrchr(b'\n', &view.as_bytes()[..span.start]).map_or(0, |p| p + 1);
    let end = memchr::memchr(b'\n', &view.as_bytes()[span.end..]).map_or(view.len(), |p| span.end + p);
    let line = &view[start..end];
    let rest = match line.find(['：', ':']) {
        Some(p) if p < span.start - start && line[..p].chars().count() <= MAX_LABEL_CHARS => &line[p..],
        _ => line,
    };
    rest.chars().any(is_cjk)
}

/// Whether an acronym in brackets follows `end` (`Accessible Rich Internet Applications
/// (ARIA)`): a title case run that defines one is the full form of a term or a name.
fn names_acronym(view: &str, end: usize) -> bool {
    let after = view[end..].trim_start_matches(' ');
    let Some(inner) = after.strip_prefix(['(', '（']) else { return false };
    let acronym = inner.split([')', '）', ',', '，']).next().unwrap_or("");
    let capitals = acronym.bytes().filter(u8::is_ascii_uppercase).count();
    acronym.len() < inner.len()
        && capitals >= 2
        && acronym.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && acronym.len() <= MAX_ACRONYM_BYTES
}

/// Names of keys on a keyboard (and `backspace`, too long for the list).
const KEY_NAMES: &[&str] = &[
    "ctrl", "control", "alt", "shift", "enter", "return", "esc", "escape", "tab", "cmd", "command", "option", "delete",
    "del", "space", "home", "end", "pgup", "pgdn", "pageup", "pagedown", "insert", "fn", "meta", "capslock",
];

/// Bytes after a key name looked at for 按键 (`“Delete”和“Backspace”两个按键`).
const KEY_NEAR_BYTES: usize = 30;

/// Whether a candidate names a key pressed: a key's name in a combination (`Ctrl+Enter`),
/// before 键/按键 (`Command 键`) or after 按 (`按 Enter`). (`Tab 界面` is a tab of a page.)
fn is_key_pressed(view: &str, c: &Candidate<'_>) -> bool {
    // (looked up packed: most candidates are no key's name; `backspace` is too long to pack)
    static KEYS: LazyLock<Vec<u64>> = LazyLock::new(|| pack_list(KEY_NAMES));
    if !(in_list(&KEYS, c.text, false) || c.text.eq_ignore_ascii_case("backspace")) {
        return false;
    }
    let quote = |ch: char| matches!(ch, ' ' | '"' | '”' | '“' | '「' | '」') || ch == char::from(MARK);
    let after = view[c.span.end..].trim_start_matches(quote);
    let before = view[..c.span.start].trim_end_matches(quote);
    let near = |s: &str| s.len() <= KEY_NEAR_BYTES && !s.contains(['，', '。', ',', '\n']);
    after.starts_with('+')
        || before.ends_with('+')
        || after.starts_with('键')
        || after.char_indices().take_while(|(i, _)| near(&after[..*i])).any(|(i, _)| after[i..].starts_with("按键"))
        || before.ends_with('按')
        || before.ends_with("按下")
}

/// Whether a candidate labels a note: a common word in capitals opening its line before a
/// colon (`NOTE：`, `HINT:`, `WARNING:`), as documents mark asides, or a credit label
/// (`Reviewers:`).
fn is_note_label(view: &str, c: &Candidate<'_>) -> bool {
    let opens_line = || {
        view[..c.span.start]
            .rsplit('\n')
            .next()
            .is_some_and(|before| before.chars().all(|ch| !ch.is_alphanumeric() && !is_cjk(ch)))
    };
    let note = || c.text.len() >= 2 && c.text.bytes().all(|b| b.is_ascii_uppercase()) && is_common_word(c.text);
    // (a credit label in English too: `Reviewers:`)
    let colon =
        || view[c.span.end..].trim_start_matches(|ch| ch == ' ' || ch == char::from(MARK)).starts_with([':', '：']);
    colon() && (note() || CREDIT_LABELS.contains(&c.text)) && opens_line()
}

/// Whether English ends or starts quotation marks that hold no Chinese (`“the farmer”`):
/// words mentioned, not used.
fn is_mention(doc: &Document<'_>, span: Span) -> bool {
    let view = doc.view();
    let english = |m: &Marked| {
        m.kind == MarkKind::Quote && !view[m.inner.range()].chars().any(is_cjk) && !in_brackets(view, m.inner.start)
    };
    doc.marked_ending_at(span.end).is_some_and(english) || doc.marked_starting_at(span.start).is_some_and(english)
}

/// Whether `at` is shortly after an opening bracket that is still open: quoted English in a
/// gloss (`标准差（也称为“sigma”）`) is a translation, not an example of a word; in brackets
/// that give examples (`（例如，“Green”…）`) it is an example all the same.
fn in_brackets(view: &str, at: usize) -> bool {
    let from = view.floor_char_boundary(at.saturating_sub(MAX_GLOSS_LEAD_BYTES));
    let before = &view[from..at];
    before.rfind(['(', '（']).is_some_and(|open| {
        let inside = before[open..].trim_start_matches(['(', '（']);
        !inside.contains([')', '）']) && !EXAMPLE_OPENERS.iter().any(|e| inside.starts_with(e))
    })
}

/// Words that open brackets of examples.
const EXAMPLE_OPENERS: &[&str] = &["例如", "比如", "譬如", "如", "e.g.", "eg."];

/// The candidates in lowercase that the document only mentions: in quotation marks every
/// time and never glossed (`“wh”“whe”“her”`, `“to go to the bank”`), examples of words
/// rather than terms. Names are quoted too, and keep their capitals.
fn only_mentioned(doc: &Document<'_>, cands: &[Candidate<'_>]) -> FxHashSet<String> {
    let lowercase = |c: &Candidate<'_>| !c.title && !c.text.chars().any(char::is_uppercase);
    let mut mentioned: FxHashSet<String> =
        cands.iter().filter(|c| lowercase(c) && is_mention(doc, c.span)).map(|c| c.text.to_owned()).collect();
    if !mentioned.is_empty() {
        for c in cands.iter().filter(|c| lowercase(c)) {
            if mentioned.contains(c.text)
                && (!is_mention(doc, c.span) || is_glossed(doc.view(), c.span.start, c.span.end))
            {
                mentioned.remove(c.text);
            }
        }
    }
    mentioned
}

/// Whether `view` may hold a credit line or a footer: without a colon, a `©`, `ICP备`, the
/// words of a copyright notice or of a photo's credit there is none.
fn may_credit(view: &str) -> bool {
    memchr::memchr2(b':', b'=', view.as_bytes()).is_some()
        || view.contains(['：', '＝'])
        || may_have_footer(view)
        || may_credit_photos(view)
        || labels_a_table_row(view)
}

/// Where a credit label that opens `line` with an equals sign after it ends, the sign
/// included (`译者=alice99`, as some sites write their credits), if it has one.
fn equals_label_end(line: &str) -> Option<usize> {
    let sign = line.find(['=', '＝'])?;
    let head = line[..sign].trim();
    let width = line[sign..].chars().next().map_or(1, char::len_utf8);
    CREDIT_LABELS.contains(&head).then_some(sign + width)
}

/// Whether a row of a table in `view` opens with a credit label in its own cell (`作者 |`),
/// the pipe masked.
fn labels_a_table_row(view: &str) -> bool {
    let b = view.as_bytes();
    let mut from = 0;
    // each line with a masked byte, once
    while let Some(p) = memchr::memchr(HARD, &b[from..]).map(|p| from + p) {
        let start = memchr::memrchr(b'\n', &b[..p]).map_or(0, |q| q + 1).max(from);
        let end = memchr::memchr(b'\n', &b[p..]).map_or(b.len(), |q| p + q);
        if table_label_end(&view[start..end]).is_some() {
            return true;
        }
        from = end;
    }
    false
}

/// Where a credit label that fills the first cell of a table's row ends in `line`, its pipe
/// included (`作者 | alice99`), if it has one.
fn table_label_end(line: &str) -> Option<usize> {
    let cell = line.trim_start_matches(|c: char| c == ' ' || c == '|' || c == char::from(HARD));
    let p = memchr::memchr2(b'|', HARD, cell.as_bytes())?;
    let label = cell[..p].trim_end_matches(' ');
    (is_cell_end(&cell[p..]) && CREDIT_LABELS.contains(&label)).then(|| line.len() - cell.len() + p + 1)
}

/// Whether `view` may hold a footer ([`is_footer`]): asked once, so that lines are searched
/// for one only in a text that may have it.
fn may_have_footer(view: &str) -> bool {
    // a notice that reserves the rights says `©` or `Copyright` too: its words are not
    // searched for here
    let b = view.as_bytes();
    memchr::memchr(0xA9, b).is_some() && view.contains('©')
        || memchr::memmem::find(b, b"opyright").is_some()
        || memchr::memmem::find(b, "ICP备".as_bytes()).is_some()
}

/// Whether `view` may hold the credit of a photo ([`credits_a_photo`]): asked once, so that
/// lines are searched for one only in a text that may have it.
fn may_credit_photos(view: &str) -> bool {
    PHOTO_CREDIT_CUES.iter().any(|c| memchr::memmem::find(view.as_bytes(), c.as_bytes()).is_some())
        || pictures_come(view).next().is_some()
}

/// Where `view` says that pictures come from someone (`图片来自`, `配图来自`): at each 来 after
/// a word for pictures, found by one search for 来.
fn pictures_come(view: &str) -> impl Iterator<Item = usize> + '_ {
    memchr::memmem::find_iter(view.as_bytes(), "来".as_bytes())
        .filter(move |&p| PICTURES.iter().any(|w| view[..p].ends_with(w)))
}

/// Words for pictures before 来 and [`COME_FROM`].
const PICTURES: [&str; 5] = ["图片", "图片均", "照片", "配图", "插图"];

/// Where the words of [`PHOTO_CREDIT_CUES`] and [`pictures_come`] stand in `view`, in order:
/// only the lines that hold one are read for the credit of a photo.
fn photo_cues(view: &str) -> Vec<usize> {
    if !may_credit_photos(view) {
        return Vec::new();
    }
    let mut at: Vec<usize> = PHOTO_CREDIT_CUES
        .iter()
        .flat_map(|c| memchr::memmem::find_iter(view.as_bytes(), c.as_bytes()))
        .chain(pictures_come(view))
        .collect();
    at.sort_unstable();
    at
}

/// The credit of a photo is a caption's line, never longer than this in bytes: a longer
/// line is a paragraph that speaks of photos.
const MAX_PHOTO_CREDIT_BYTES: usize = 400;

/// Words one of which a line crediting a photo holds (`照片由 Jane Doe 拍摄`, `X 的照片，保留一些
/// 权利`, `Photo by Jane Doe on Unsplash`): the text is searched for them, and for
/// [`pictures_come`], before its lines are.
const PHOTO_CREDIT_CUES: [&str; 8] =
    ["一些权利", "部分权利", "部分版权所有", "照片由", "图片由", "摄影", "Photo", "ights reserved"];

/// Words after [`PICTURES`] and 来 that say whom pictures come from (`图片来自`, `配图来源于`).
const COME_FROM: [&str; 2] = ["自", "源于"];

/// Where the words of `line` saying whom its pictures come from end, if the line then names
/// them alone, to its end (`…。文中图片来自 Mira Holt、dunecat 和 Kester Vale。`): Chinese after
/// the names makes it a sentence about pictures (`输入图片来自 ImageNet 数据集`).
fn pictures_from(line: &str) -> Option<usize> {
    pictures_come(line).find_map(|p| {
        let after = &line[p + "来".len()..];
        let end = line.len() - COME_FROM.iter().find_map(|w| after.strip_prefix(w))?.len();
        let names = line[end..].trim_end().trim_end_matches(['。', '.']);
        names.chars().filter(|&c| is_cjk(c)).all(|c| "和与及、，".contains(c)).then_some(end)
    })
}

/// Whether `line` credits a photo: it reserves some rights to it (`保留一些权利`, `部分版权所有`,
/// `some rights reserved`), says who took it (`照片由 X 拍摄`, `图片由 X 拍摄`), or opens with `Photo by`.
fn credits_a_photo(line: &str) -> bool {
    if line.len() > MAX_PHOTO_CREDIT_BYTES {
        return false;
    }
    let has = |w: &str| memchr::memmem::find(line.as_bytes(), w.as_bytes()).is_some();
    let opening = line.trim_start_matches(|c: char| !c.is_alphanumeric());
    has("保留一些权利")
        || has("保留部分权利")
        || has("部分版权所有")
        || has("ome rights reserved")
        || (has("照片由") || has("图片由") || has("摄影")) && has("拍摄")
        || ["Photo by", "Photo courtesy", "Photograph by"].iter().any(|p| opening.starts_with(p))
}

/// The words of a copyright notice that reserve the rights, as they are written.
const RESERVED: [&[u8]; 3] = [b"ights reserved", b"ights Reserved", b"IGHTS RESERVED"];

/// The answer for the line looked at last: candidates come in text order, so a line is
/// looked at once.
#[derive(Default)]
struct CreditLines {
    /// The line's start and end, and where its first credit label and colon end (if it has
    /// one).
    line: Option<(usize, usize, Option<usize>)>,
    /// Whether the text may hold a footer, whose lines are then looked for.
    footers: bool,
    /// Where the text holds the cues of a photo's credit: the lines that hold one are read.
    photos: Vec<usize>,
}

impl CreditLines {
    /// Whether `at` follows a credit label and a colon on its line. A line is searched for
    /// its ends once, when the first candidate on it is asked about, so that a text of one
    /// long line costs one pass, not one per candidate.
    fn after_label(&mut self, view: &str, at: usize) -> bool {
        let label_end = match self.line {
            Some((start, end, label)) if (start..=end).contains(&at) => label,
            _ => {
                let bytes = view.as_bytes();
                let start = self.line.map_or(0, |(_, end, _)| end.min(at));
                let line_start = memchr::memrchr(b'\n', &bytes[start..at]).map_or(start, |p| start + p + 1);
                let line_end = memchr::memchr(b'\n', &bytes[at..]).map_or(view.len(), |p| at + p);
                let line = &view[line_start..line_end];
                // (a line holds a cue of a photo's credit where a cue stands between its ends)
                let i = self.photos.partition_point(|&p| p < line_start);
                let photo = self.photos.get(i).is_some_and(|&p| p < line_end);
                let label = if self.footers && is_footer(line) || photo && credits_a_photo(line) {
                    Some(line_start)
                } else {
                    first_label_end(line)
                        .or_else(|| if photo { pictures_from(line) } else { None })
                        .map(|e| line_start + e)
                };
                self.line = Some((line_start, line_end, label));
                label
            }
        };
        label_end.is_some_and(|e| e <= at)
    }
}

/// Whether `line` is a page's footer: a copyright notice (`©`, `Copyright` first, `All
/// rights reserved`) or a Chinese site's licence number (`京ICP备…号`), whose names are no
/// terms.
fn is_footer(line: &str) -> bool {
    let opening = line.trim_start_matches(|c: char| !c.is_alphanumeric());
    line.contains('©')
        || line.contains("ICP备")
        || opening.get(..9).is_some_and(|w| w.eq_ignore_ascii_case("copyright"))
        || RESERVED.iter().any(|r| memchr::memmem::find(line.as_bytes(), r).is_some())
}

/// Where the first credit label with its colon ends in `line`, if it has one; or a label
/// that fills the first cell of a table's row (`作者 | alice99`).
fn first_label_end(line: &str) -> Option<usize> {
    if let Some(end) = table_label_end(line).or_else(|| equals_label_end(line)) {
        return Some(end);
    }
    // the last characters of the labels: a head ending otherwise is no label (one test
    // instead of one per label, on lines of code or times full of colons)
    static LAST: LazyLock<FxHashSet<char>> =
        LazyLock::new(|| CREDIT_LABELS.iter().filter_map(|l| l.chars().next_back()).collect());
    let bytes = line.as_bytes();
    // `:`, or the first byte of the full-width `：`
    memchr::memchr2_iter(b':', FULL_WIDTH_COLON[0], bytes).find_map(|p| {
        let colon = if bytes[p] == b':' {
            1
        } else if bytes[p..].starts_with(&FULL_WIDTH_COLON) {
            FULL_WIDTH_COLON.len()
        } else {
            return None;
        };
        let head = line[..p].trim_end();
        let is_label = |h: &str| {
            h.chars().next_back().is_some_and(|c| LAST.contains(&c)) && CREDIT_LABELS.iter().any(|l| h.ends_with(l))
        };
        // the one who does it (校对者, 审校人) labels the line as the deed does (校对)
        let label = is_label(head) || head.strip_suffix(['者', '人']).is_some_and(is_label);
        label.then_some(p + colon)
    })
}

/// Whether `rest` opens with the pipe that ends a table's cell, masked or not: one byte
/// with a space or nothing after it (inline code, masked too, runs on: `编辑` before
/// `` `config.yaml` `` is a verb, no label).
fn is_cell_end(rest: &str) -> bool {
    let b = rest.as_bytes();
    matches!(b.first(), Some(&c) if c == b'|' || c == HARD) && matches!(b.get(1), None | Some(b' ' | b'\n'))
}

/// The full-width colon's bytes.
const FULL_WIDTH_COLON: [u8; 3] = [0xEF, 0xBC, 0x9A];

#[cfg(test)]
mod tests {
    use super::super::{assert_finds, candidates, Candidate};
    use super::{kind, kinds_of, Kind};
    use crate::normalize::{Document, Markup};

    #[test]
    fn plain_words_and_fragments_are_not_terms() {
        let table: &[(&str, &[&str])] = &[
            ("返回一个 mutex 变量 done，表示结束", &["mutex"]),
            ("把 left 和 right 拼接起来", &[]),
            ("这一步 thereby reducing 开销", &[]),
            ("其含义 which means 很多", &[]),
            ("参数设为 False 或 None", &[]),
            ("诊断时 such 情况很少", &[]),
            ("例如子词“ab”“abc”与短语“to pay the bill”", &[]),
            ("句子“went to the shop to buy some milk”（去商店买牛奶）", &[]),
            ("点击“Help”或“Send”按钮", &[]),
            // a general word with a capital, only quoted: an example or a value
            ("要分清“Green”是人名还是颜色，而“Kafka”是另一回事", &["Kafka"]),
            ("实体识别（例如，判断“Green”指的是“格林先生”还是颜色）很难", &[]),
        ];
        assert_finds(table);
    }

    #[test]
    fn evidence_keeps_common_words() {
        let table: &[(&str, &[&str])] = &[
            ("数据越多样（diverse）越好", &["diverse"]),
            ("这些词(**被称为*停用词***)（stop words）可以删去", &["stop words"]),
            ("数字 number（数字）与 number 混用", &["number", "number"]),
            (
                "开源 open source 软件、open source 许可和 open source 社区",
                &["open source", "open source", "open source"],
            ),
            ("我们用 Solid 与 SET 命令，Solid 写起来很快", &["Solid", "SET", "Solid"]),
            // a capitalised common word said once in prose is a word used as a word
            ("欢迎来我们在大会上组织的 Workshop 投稿", &[]),
            ("《Such Great Heights》是一首歌", &["Such Great Heights"]),
            ("心律失常（arrhythmia）的 real-time 监测", &["arrhythmia", "real-time"]),
            ("字段“Garage”（车库类型）和“garage”（车库）", &["Garage", "garage"]),
            ("先创建一个Pull请求，再用 Spot 实例跑测试，Spot 实例便宜", &["Spot", "Spot"]),
        ];
        assert_finds(table);
    }

    #[test]
    fn kinds_of_candidates_agree_with_kind() {
        let text = "用 RLHF、Name、RLHF 与 learning rate、Name，《Such Great Heights》和 await";
        let doc = Document::new(text, Markup::Markdown);
        let cands: Vec<Candidate<'_>> = candidates(&doc);
        let want: Vec<Kind> = cands.iter().map(|c| if c.title { Kind::Term } else { kind(c.text) }).collect();
        assert_eq!(kinds_of(&cands), want);
        let mut raw = Vec::new();
        super::super::words::each_run(doc.view(), |run| super::super::push_run(&doc, run, &mut Vec::new(), &mut raw));
        let want: Vec<Kind> = raw.iter().map(|c| if c.title { Kind::Term } else { kind(c.text) }).collect();
        assert_eq!(kinds_of(&raw), want);
    }

    #[test]
    fn titles_on_lines_of_their_own_are_cited_not_used() {
        let table: &[(&str, &[&str])] = &[
            ("**Sparse Routing for Mixture of Experts**\n\n本文提出一种路由方法", &[]),
            ("论文：Learning Compact Codes via Weak Labels", &[]),
            ("### Tuning the Cache of a Key-Value Store", &[]),
            // used in prose, or defining an acronym, a title-case run is a name or a term
            ("我们读了 Sparse Routing for Mixture of Experts 这篇论文", &["Sparse Routing for Mixture of Experts"]),
            ("混合专家（Mixture of Experts）", &["Mixture of Experts"]),
            (
                "机构：Institute of Cloud Storage (ICS)、Tsinghua University",
                &["Institute of Cloud Storage", "ICS", "Tsinghua University"],
            ),
            // three capitalised words without a function word may be a term anywhere
            ("- Long Short-Term Memory", &["Long Short-Term Memory"]),
        ];
        assert_finds(table);
    }

    #[test]
    fn names_side_by_side_are_each_a_name() {
        let table: &[(&str, &[&str])] = &[
            (
                "Qwen 与 RLHF 都常见。Qwen 很强，RLHF 很贵。Qwen RLHF 的效果好。",
                &["Qwen", "RLHF", "Qwen", "RLHF", "Qwen", "RLHF"],
            ),
            // a name with a word that is not said alone is one name
            ("GitHub 很大。GitHub API 很好用，GitHub 也是。", &["GitHub", "GitHub API", "GitHub"]),
            // a name said alone again and again, with a general word once, is the name
            ("Grafana 很好。打开 Grafana page 后登录 Grafana 即可。", &["Grafana", "Grafana", "Grafana"]),
            // …unless glossed, an acronym, or the name is said alone once only
            (
                "Hadamard 积（Hadamard product）来自 Hadamard，Hadamard 很有名。",
                &["Hadamard", "Hadamard product", "Hadamard", "Hadamard"],
            ),
            ("TD 很常用。TD error 就是 TD 目标减去估计。", &["TD", "TD error", "TD"]),
            // two names joined by and, each said alone again and again
            (
                "用 Celery 排队，用 Redis 存结果。Celery and Redis（合唱团）。Celery 与 Redis 都快。",
                &["Celery", "Redis", "Celery", "Redis", "Celery", "Redis"],
            ),
            (
                "Identity and Access Management 很重要，Identity 和 Access 也是，Identity 与 Access 都要管。",
                &["Identity and Access Management", "Identity", "Access", "Identity", "Access"],
            ),
            ("打开 Grafana page 后登录 Grafana 即可。", &["Grafana page", "Grafana"]),
        ];
        assert_finds(table);
    }

    #[test]
    fn keys_pressed_are_not_terms() {
        let table: &[(&str, &[&str])] = &[
            ("用快捷键 Ctrl+Enter 运行，Mac 上是 Command 键，再按 Esc 退出，“Delete”和“Backspace”两个按键也行。Tab 界面可以切换", &["Mac", "Tab"]),
        ];
        assert_finds(table);
    }

    #[test]
    fn code_written_as_prose_is_no_term() {
        let table: &[(&str, &[&str])] = &[
            ("我们在 OrderService 类里用 Redis 缓存", &["Redis"]),
            ("这个工厂生成 CarPart 实例，Car 类也在这里", &[]),
            ("调整 LinearDamping 属性，值越大衰减越快", &[]),
            ("网格搜索由 GridSearchCV 类提供，它来自 scikit-learn", &["scikit-learn"]),
            // a product's instance is no class of code
            ("先创建一个 MySQL 实例，再连接 PostgreSQL 实例", &["MySQL", "PostgreSQL"]),
            ("先运行 git clone 下载，再用 pip install 安装 Git 的扩展", &["Git"]),
            ("设置 DB _ HOST 和 DB _ PORT，然后启动 Nginx", &["Nginx"]),
            ("检查 $HOME 与 Kafka 的配置", &["Kafka"]),
            ("打开 App.js 文件，它用 Node.js 运行", &["Node.js"]),
            ("调用 Compile（）函数编译 Keras 模型", &["Keras"]),
            // a function of one variable, spaced from its bracket
            ("动作空间写作 Discrete (n)，观测空间写作 Box (k)，都来自 Gym", &["Gym"]),
            ("平滑用 Gaussian (s) 核，再用 Adam 优化", &["Adam"]),
            // an alias, a note or a variable far from a name stays a name
            ("用 NumPy (np) 与 Pandas (pd) 算，再跑 PyTorch (v2)", &["NumPy", "np", "Pandas", "pd", "PyTorch"]),
        ];
        assert_finds(table);
    }

    #[test]
    fn credit_lines_name_no_terms() {
        let table: &[(&str, &[&str])] = &[
            ("译者：alice99 ｜ 校对：bob-k、carol", &[]),
            ("原文链接：见下方\n作者: Kevin Lin\n正文讲 Kubernetes 调度", &["Kubernetes"]),
            ("图片来源：Jane Doe / Pexels", &[]),
            ("> * 校对者：[Kaito](https://example.org/kaito)、mira-l\n> * 审校人：Dana", &[]),
            ("Copyright © 2024 深蓝Lab All Rights Reserved\n京ICP备12345678号 | Powered by Hexo", &[]),
            ("本文讲 Kubernetes 的版权（copyright）问题", &["Kubernetes", "copyright"]),
            ("本文介绍 Redis：一个缓存", &["Redis"]),
            ("NOTE：先备份。\n> **WARNING**: 会覆盖\nAPI：接口", &["API"]),
            ("Reviewers: Mira Holt, Tomas Berg\n正文讲 Kafka", &["Kafka"]),
            ("作者：Mira Holt\n选题：dunecat\n\n正文讲 Kafka", &["Kafka"]),
            // a label and an equals sign opening the line
            ("作者=Mira Holt\n定稿＝Dune\n\n正文讲 Kafka", &["Kafka"]),
            // an equals sign after no label, or not opening the line
            ("设 Batch Size=32\n编辑器里写 Vim=最好", &["Batch Size", "Vim"]),
            // fields of data labelled at the start of their lines
            ("* Input: 颜色#白色\n* Output[调整后]: 一件白色外套\n* Input: 颜色#黑色\n* Output[调整后]: 一件黑色外套\n", &[]),
            // a name given its description once labels no field
            ("- Docker：容器平台\n- Kafka：消息队列\n", &["Docker", "Kafka"]),
            // general words labelling a value that is no Chinese prose, once: a field
            ("- Journal: Nature Methods\n- Published Time: 2021.05.11\n", &["Nature Methods"]),
            ("Release Date：2021-05-11\n", &[]),
            // (or words that name parts of a document)
            ("- Affiliation: Example Labs\n- Citations: 46\n", &["Example Labs"]),
            // a term explained in Chinese, a name or an acronym as the label; the same words in prose
            ("- Transformer: 一种编码器-解码器模型\n", &["Transformer"]),
            ("- GPU: NVIDIA A100\n", &["GPU", "NVIDIA A100"]),
            ("- Release Date: 2021-05-11\n\n我们关心 Release Date 的含义。", &["Release Date", "Release Date"]),
            // a table of credits: the label fills the first cell
            ("原文 | [Deferred Shading](https://example.org/ds)\n---|---\n作者 | KesterVale\n翻译 | dunecat\n\n本文讲 OpenGL。", &["OpenGL"]),
            ("| 项 | 值 |\n|---|---|\n| 作者 | KesterVale |\n\n本文讲 OpenGL。", &["OpenGL"]),
            // a verb among the labels, before code: no label
            ("编辑`settings.toml`文件，填入你的 Slack webhook URL 即可", &["Slack webhook URL"]),
            // a table whose first cell is no label
            ("名称 | 说明\n---|---\nOpenGL | 图形接口", &["OpenGL"]),
            // the credit of a photo, with or without a label
            ("山间小路的照片由Ola Brenner 拍摄，保留一些权利。\n\n我们用 OpenCV 读图。", &["OpenCV"]),
            ("Kester Vale 的照片，保留部分权利。", &[]),
            ("*Photo by Jane Doe on Unsplash*\n\n这张图展示了 ResNet 的结构。", &["ResNet"]),
            ("文中图片来自 Mira Holt、dunecat 和 Kester Vale。\n\n本文讲 Kubernetes。", &["Kubernetes"]),
            ("配图来自 Pixabay\n\n", &[]),
            ("本文的插图来源于 Mira Holt。\n\n正文讲 Redis。", &["Redis"]),
            ("本文讲 Kubernetes。文中图片来自 [Mira Holt](https://example.org/m) 和 dunecat。", &["Kubernetes"]),
            // pictures said to come from a data set, in a sentence
            ("输入图片来自 ImageNet 数据集。", &["ImageNet"]),
            // a photo taken by a program is no credit
            ("用 OpenCV 处理拍摄的照片。", &["OpenCV"]),
        ];
        assert_finds(table);
    }
}
