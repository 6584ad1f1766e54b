//! The kind of a candidate, from its own letters before any evidence of its document: a term
//! or name, common words of English, a word of code, a capitalised common word (a header or
//! a button: `Name`, `Help`), a label in sentence case (`Create a new project`), or common
//! words glued in PascalCase (`SimpleCache`, `UserProfile`), which a program names its
//! classes with.

use super::code_cues::{declares, imports, is_command, is_example_class};
use crate::text::lexicon::english::{
    CODE_LITERALS, CODE_WORDS, COMMON_WORDS, GENERAL_WORDS, PLACEHOLDER_LATIN, SENTENCE_WORDS,
};
use crate::text::lexicon::is_function_word;
use crate::text::lexicon::names::KNOWN_NAMES;
use crate::text::lexicon::{in_list, pack_list};
use rustc_hash::FxHashSet;
use std::sync::LazyLock;

/// The longest word looked up with an ending added, in bytes: longer words are no common
/// words.
const MAX_STEM: usize = 32;

/// A label in sentence case has at least this many words...
const MIN_LABEL_WORDS: usize = 3;
/// ...with at least this many in lowercase after the first: `Read only` is a term's shape.
const MIN_LABEL_LOWERCASE: usize = 2;
/// ...and a determiner after its first word (`Edit this page`), or, from this many words on,
/// any function word but `of` and `and` (`Copy files from disk`): `Bag of words` is a term.
const MIN_LABEL_WORDS_ANY_FUNCTION: usize = 4;

/// A PascalCase name glued from this many common words at least is a class name's shape.
const MIN_GLUED_PARTS: usize = 2;
/// A part of a glued name has at least this many letters: `IoT` and `GitHub` have shorter.
const MIN_GLUED_PART: usize = 3;

/// A title of a paper, an article or a section has at least this many words in Title Case
/// with a function word among them (`Mixture of Experts`, `Paxos by Example`)...
const MIN_TITLE_WORDS: usize = 3;
/// ...or this many without one (`Proximal Policy Optimization Algorithms`): three capitalised
/// words alone are as often a term (`Long Short-Term Memory`).
const MIN_TITLE_WORDS_PLAIN: usize = 4;

/// Prepositions of titles beyond the function words (`Learning over Long Horizons`).
const TITLE_PREPOSITIONS: [&str; 13] = [
    "over", "beyond", "towards", "toward", "through", "without", "about", "under", "across", "against", "within",
    "versus", "between",
];

/// Determiners and pronouns that make a run in sentence case a phrase of English.
const DETERMINERS: [&str; 16] = [
    "a", "an", "the", "this", "that", "these", "those", "my", "your", "our", "its", "their", "some", "any", "each",
    "another",
];

/// What a candidate is, before the document's evidence.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Kind {
    /// Anything with the marks of a name or term.
    Term,
    /// Lowercase common words only: one word, or a run of several.
    Common { words: usize },
    /// A literal or keyword of code, an element name of HTML.
    Code,
    /// One common word with a capital: a table header, a button, a heading (`Name`).
    Header,
    /// A phrase in sentence case with a determiner or function word: a label of an
    /// interface, a cell of a table (`Create a new key`).
    Label,
    /// Common words glued in PascalCase (`SimpleCache`): a class name when code shows it.
    Glued,
    /// Words in Title Case with a function word, or four and more: a title of a paper or a
    /// section (`Deep Residual Learning for Image Recognition`), unless used in Chinese prose.
    Title,
    /// Capitalised words mixed with lowercase general words (`SSD random read`, `Disk seek
    /// time`): the text of a cell of a table or a heading, unless used in Chinese prose.
    Mixed,
    /// A long run in lowercase with a function word: a sentence or a title, unless glossed
    /// (`decay-rate parameter for eligibility traces` with its Chinese is a term).
    Sentence,
    /// A day of a month (`August 9`, `Feb 8, 2021`): a date, never a term.
    Date,
    /// The Latin of placeholder text (`Lorem ipsum`, `itaque amet`): filler, never a term.
    Placeholder,
    /// A number spelled out (`Two hundred and fifty-eight`) or numbering an item of a list
    /// (`OTG-AUTHN-003`): a value, never a term.
    Number,
}

/// For each pair of lowercase letters, whether a line of `list` (not a comment) opens with it.
const fn openings(list: &str) -> [bool; 26 * 26] {
    let b = list.as_bytes();
    let mut t = [false; 26 * 26];
    let mut i = 0;
    while i < b.len() {
        let line_start = i == 0 || b[i - 1] == b'\n';
        if line_start && i + 1 < b.len() && b[i].is_ascii_lowercase() && b[i + 1].is_ascii_lowercase() {
            t[(b[i] - b'a') as usize * 26 + (b[i + 1] - b'a') as usize] = true;
        }
        i += 1;
    }
    t
}

/// The word that opens placeholder text: alone, it is that text cut short.
const PLACEHOLDER_OPENING: &str = "lorem";

/// Whether a run is placeholder text: two words or more (or its opening word alone), each
/// the Latin of such text in lowercase or with a capital first, one of them no word of
/// English (`itaque amet`; not `in error`, nor a name such as `sed`, `NeMo` or `UT`).
fn is_placeholder(text: &str) -> bool {
    static LATIN: LazyLock<FxHashSet<&str>> = LazyLock::new(|| PLACEHOLDER_LATIN.iter().copied().collect());
    // the first two letters of every word of the list, known when compiling: most runs fail
    // this test, which is cheaper than a lookup
    const OPENINGS: [bool; 26 * 26] = openings(include_str!("../text/lexicon/english/placeholder_latin.txt"));
    let b = text.as_bytes();
    let letter =
        |i: usize| b.get(i).filter(|c| c.is_ascii_alphabetic()).map(|c| (c.to_ascii_lowercase() - b'a') as usize);
    if !letter(0).zip(letter(1)).is_some_and(|(x, y)| OPENINGS[x * 26 + y]) {
        return false;
    }
    let (mut words, mut latin_only) = (0, false);
    let mut buf = [0u8; MAX_STEM];
    for w in text.split(' ') {
        let w = w.trim_end_matches([',', '.']);
        if w.is_empty() || !w.bytes().skip(1).all(|b| b.is_ascii_lowercase()) {
            return false;
        }
        // (lowercased on the stack: most runs fail at their first word)
        let lower = ascii_lower(w, &mut buf);
        if !LATIN.contains(lower) {
            return false;
        }
        words += 1;
        latin_only |= !(is_common_word(lower) || is_function_word(lower));
    }
    latin_only && (words >= 2 || text.eq_ignore_ascii_case(PLACEHOLDER_OPENING))
}

/// Months, in full and abbreviated, that a date opens with.
const MONTHS: [&str; 24] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Whether a run is a month and a day (`August 9`, `Feb. 8`), a year after it or not, a month
/// and a year (`October 2010`), or a
/// month's short name alone (`Aug`), which dates a line (`更新 Aug / 2018`).
fn is_date(text: &str) -> bool {
    let mut words = text.split(' ');
    let Some(month) = words.next() else { return false };
    let Some(day) = words.next() else {
        // (the full names are common words or names alone: `May`, `August`)
        let short = month.trim_end_matches('.');
        return (3..=4).contains(&short.len())
            && is_title_word(short)
            && MONTHS.contains(&short.to_ascii_lowercase().as_str())
            && !is_common_word(short);
    };
    let month = month.trim_end_matches('.').to_ascii_lowercase();
    let day = day.trim_end_matches(',');
    // a month and a year (`October 2010`, `Dec 2019`)
    let year = day.len() == 4 && day.bytes().all(|b| b.is_ascii_digit()) && words.clone().next().is_none();
    MONTHS.contains(&month.as_str()) && year
        || MONTHS.contains(&month.as_str())
            && (1..=2).contains(&day.len())
            && day.bytes().all(|b| b.is_ascii_digit())
            && words.all(|w| w.bytes().all(|b| b.is_ascii_digit()))
}

/// A run of this many words or more in lowercase with a function word is a sentence or a
/// title translated into lowercase (`remote exploitation of a zero-day in the wild`), not a
/// term: terms of the kind are shorter (`law of large numbers`).
const MIN_LOWERCASE_SENTENCE_WORDS: usize = 5;

/// Whether a run is [`MIN_LOWERCASE_SENTENCE_WORDS`] words or more, all in lowercase (or
/// numbers), one of them a function word; or two or more with a word of [`POINTING`] after
/// the first.
fn is_lowercase_sentence(text: &str) -> bool {
    let mut n = 0;
    let mut function = false;
    for w in text.split(' ') {
        if !w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
            return false;
        }
        n += 1;
        function |= is_function_word(w);
    }
    n >= MIN_LOWERCASE_SENTENCE_WORDS && function || n >= 2 && text.split(' ').skip(1).any(|w| POINTING.contains(&w))
}

/// Words that point at a thing of the sentence (a demonstrative, a possessive): after the
/// first word of a run in lowercase they make it a clause (`optimize this code`, `check your
/// settings`), which a term never is.
const POINTING: [&str; 11] = ["this", "that", "these", "those", "my", "your", "our", "their", "his", "her", "its"];

/// The kind of a candidate's text.
pub(super) fn kind(text: &str) -> Kind {
    static CODE: LazyLock<FxHashSet<&str>> =
        LazyLock::new(|| CODE_LITERALS.iter().chain(CODE_WORDS.iter()).copied().collect());
    if text.len() <= MAX_STEM {
        let mut buf = [0u8; MAX_STEM];
        if CODE.contains(ascii_lower(text, &mut buf)) {
            return Kind::Code;
        }
    }
    if is_placeholder(text) {
        return Kind::Placeholder;
    }
    if is_example_class(text) {
        return Kind::Code;
    }
    if is_error_message(text) {
        return Kind::Sentence;
    }
    if is_command(text)
        || text.contains(' ') && (declares(text) || imports(text))
        || is_flag_glued(text)
        || is_namespaced_action(text)
        || is_numbered_word(text)
    {
        return Kind::Code;
    }
    if is_spelled_number(text) || is_item_number(text) || is_model_size(text) || is_roman_numeral(text) {
        return Kind::Number;
    }
    let (mut words, mut lowercase_common, mut all_core, mut function) = (0, true, true, false);
    for w in text.split(' ') {
        words += 1;
        // the cheap test first: a word with a capital ends the search without lookups
        if !w.bytes().all(|c| c.is_ascii_lowercase()) {
            lowercase_common = false;
            break;
        }
        static SENTENCE: LazyLock<Vec<u64>> = LazyLock::new(|| pack_list(&SENTENCE_WORDS));
        let is_function = is_function_word(w) || in_list(&SENTENCE, w, false);
        if !(is_function || is_common_word(w)) {
            lowercase_common = false;
            break;
        }
        function |= is_function;
        all_core &= is_function || in_words(&CORE, w);
    }
    // a run of general words is a term (`cost function`, `learning rate`) unless it holds a
    // function word or a word of sentences (`went to the shop`, `should study`), or only the
    // commonest words (`whole thing`)
    if lowercase_common && (words == 1 || all_core || function) {
        return Kind::Common { words };
    }
    if !text.contains(' ') {
        if is_date(text) {
            return Kind::Date;
        }
        if is_title_word(text) && is_common_word(text) {
            return Kind::Header;
        }
        // (a class named by its role is code, glued from common words or not)
        if is_role_class(text) {
            return Kind::Code;
        }
        if is_glued(text) {
            return Kind::Glued;
        }
        if is_identifier(text) || is_package(text) {
            return Kind::Code;
        }
    } else if is_date(text) {
        return Kind::Date;
    } else if is_label(text) || is_phrase_with_name(text) {
        return Kind::Label;
    } else if is_lowercase_sentence(text) {
        return Kind::Sentence;
    } else if is_title(text) {
        return Kind::Title;
    } else if is_mixed(text) {
        return Kind::Mixed;
    }
    Kind::Term
}

/// `w` lowercased into `buf` (ASCII only; `w` is returned unchanged otherwise or when too
/// long).
fn ascii_lower<'b>(w: &'b str, buf: &'b mut [u8; MAX_STEM]) -> &'b str {
    if !w.is_ascii() || w.len() > MAX_STEM {
        return w;
    }
    let b = &mut buf[..w.len()];
    b.copy_from_slice(w.as_bytes());
    b.make_ascii_lowercase();
    // ASCII lowercasing keeps UTF-8 valid
    std::str::from_utf8(b).unwrap_or(w)
}

/// The words of [`COMMON_WORDS`]: the most common of English, which no run of them turns
/// into a term (`which means`, `should know`).
static CORE: LazyLock<FxHashSet<&str>> = LazyLock::new(|| COMMON_WORDS.iter().copied().collect());
/// These and the words of [`GENERAL_WORDS`]: general English.
static GENERAL: LazyLock<FxHashSet<&str>> =
    LazyLock::new(|| COMMON_WORDS.iter().chain(GENERAL_WORDS.iter()).copied().collect());

/// Whether `w` (in any case) is a word of general English or one of its inflections:
/// `values`, `holding`, `reduced`, `means`, `easily`, `studies`.
pub(crate) fn is_common_word(w: &str) -> bool {
    in_words(&GENERAL, w)
}

/// Whether `w` (in any case) or its lemma is in `words`.
fn in_words(words: &FxHashSet<&str>, w: &str) -> bool {
    if !w.is_ascii() || w.len() > MAX_STEM {
        return false;
    }
    let mut buf = [0u8; MAX_STEM];
    let w = ascii_lower(w, &mut buf);
    let has = |s: &str| words.contains(s);
    // stem + `e` (`reduced` → `reduce`), or stem + `y` (`studies` → `study`), on the stack
    let with = |stem: &str, end: u8| {
        let mut b = [0u8; MAX_STEM + 1];
        b[..stem.len()].copy_from_slice(stem.as_bytes());
        b[stem.len()] = end;
        std::str::from_utf8(&b[..=stem.len()]).is_ok_and(has)
    };
    let stem_e = |stem: &str| has(stem) || with(stem, b'e');
    has(w)
        || w.strip_suffix('s').is_some_and(has)
        || w.strip_suffix("es").is_some_and(has)
        || w.strip_suffix("ies").is_some_and(|s| with(s, b'y'))
        || w.strip_suffix("ing").is_some_and(stem_e)
        || w.strip_suffix("ed").is_some_and(stem_e)
        || w.strip_suffix("ly").is_some_and(has)
}

/// A word in title case: a capital, then only lowercase letters (`Name`, not `NAME`, `iOS`).
fn is_title_word(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(|c| c.is_ascii_uppercase()) && w.len() >= 2 && cs.all(|c| c.is_ascii_lowercase())
}

/// A run in sentence case that reads as a phrase of English: a capitalised common word
/// first, no other capitalised word, lowercase words after it, and a determiner (or in a
/// longer run any function word but `of` and `and`), or general words only (`Open new
/// window`).
fn is_label(text: &str) -> bool {
    let mut words = text.split(' ');
    let Some(first) = words.next() else { return false };
    if !is_title_word(first) || !is_common_word(first) {
        return false;
    }
    let (mut n, mut lowercase, mut determiner, mut function, mut all_common) = (1, 0, false, false, true);
    for w in words {
        n += 1;
        if is_title_word(w) {
            return false;
        }
        if w.chars().all(|c| c.is_ascii_lowercase()) {
            lowercase += 1;
            determiner |= DETERMINERS.contains(&w);
            let is_function = is_function_word(w);
            function |= is_function && w != "of" && w != "and";
            all_common &= !is_function && is_common_word(w);
        } else {
            all_common = false;
        }
    }
    // Create pull request, Request limit increase: general words only, in sentence case
    let plain_phrase = all_common && lowercase == n - 1;
    n >= MIN_LABEL_WORDS
        && lowercase >= MIN_LABEL_LOWERCASE
        && (determiner || plain_phrase || (function && n >= MIN_LABEL_WORDS_ANY_FUNCTION))
}

/// Whether a run is a phrase of English about a name: a general word in lowercase first and
/// a preposition before a capitalised word (`article on Wikipedia`, `support for Python`).
/// Terms with a preposition are capitalised throughout (`Internet of Things`) or not at all
/// (`bag of words`).
fn is_phrase_with_name(text: &str) -> bool {
    let mut words = text.split(' ');
    let Some(first) = words.next() else { return false };
    if !first.bytes().all(|b| b.is_ascii_lowercase()) || is_function_word(first) || !is_common_word(first) {
        return false;
    }
    let mut after_preposition = false;
    for w in words {
        if after_preposition && w.chars().next().is_some_and(|c| c.is_ascii_uppercase()) {
            return true;
        }
        after_preposition = w.bytes().all(|b| b.is_ascii_lowercase())
            && (is_function_word(w) || TITLE_PREPOSITIONS.contains(&w))
            && !matches!(w, "and" | "or");
    }
    false
}

/// Whether a run mixes a capitalised word with a lowercase general word that is no
/// function word (`SSD random read`), the way a sentence or a cell does; names are in Title
/// Case (`Intel Core`) and terms in lowercase.
fn is_mixed(text: &str) -> bool {
    // the cheap test first: most runs without a capital are plain terms
    let capital = text.split(' ').any(|w| w.chars().next().is_some_and(|c| c.is_ascii_uppercase()));
    capital
        && text
            .split(' ')
            .any(|w| w.chars().all(|c| c.is_ascii_lowercase()) && !is_function_word(w) && is_common_word(w))
}

/// Whether a run is in Title Case with the length of a title: every word capitalised, a
/// number or a function word, at least two capitalised, and a function word among [`MIN_TITLE_WORDS`] or
/// more, or [`MIN_TITLE_WORDS_PLAIN`] words.
fn is_title(text: &str) -> bool {
    let (mut n, mut capitals, mut function) = (0, 0, false);
    // (an article that opens a name is no word of a title: `The Pragmatic Programmer`)
    let text = text.strip_prefix("The ").unwrap_or(text);
    for w in text.split(' ') {
        n += 1;
        let is_function = is_function_word(w) || TITLE_PREPOSITIONS.iter().any(|p| w.eq_ignore_ascii_case(p));
        let first = w.chars().next();
        if first.is_some_and(|c| c.is_ascii_uppercase()) {
            capitals += 1;
        } else if first.is_some_and(|c| c.is_ascii_digit()) {
            // a release or a year (`TiKV 7.5 Release Notes`)
        } else if !is_function || !w.bytes().all(|c| c.is_ascii_lowercase()) {
            return false;
        }
        function |= is_function;
    }
    capitals >= 2 && (n >= MIN_TITLE_WORDS_PLAIN || (n >= MIN_TITLE_WORDS && function))
}

/// A name glued from this many parts or more is an identifier of a program: a class, a
/// field, a column of a table (`HttpServletRequest`, `IsSoftwareDev`, `JobInterestQAEngr`).
/// Products and companies glue two (`PowerShell`, `WordPress`, `OpenAI`).
const MIN_IDENTIFIER_PARTS: usize = 3;
/// ...of which this many at least are words in title case of this many letters or more
/// (not `LoRaWAN`, `LaTeX`)...
const MIN_IDENTIFIER_WORDS: usize = 2;
const MIN_IDENTIFIER_WORD: usize = 3;
/// ...one of them this long: terms glue short abbreviations (`DevSecOps`, `LogSumExp`).
const MIN_IDENTIFIER_LONG_WORD: usize = 4;

/// Whether `w` is glued in PascalCase from [`MIN_IDENTIFIER_PARTS`] parts or more, a part a
/// capital and small letters or a run of capitals (a letter by a digit is none: `Word2Vec`,
/// `MaxPool2d` and `FlashAttentionV2` have two), [`MIN_IDENTIFIER_WORDS`] of them words, and
/// no known name.
fn is_identifier(w: &str) -> bool {
    let b = w.as_bytes();
    if !b.first().is_some_and(u8::is_ascii_uppercase) || !b.iter().all(u8::is_ascii_alphanumeric) {
        return false;
    }
    let (mut parts, mut words, mut longest) = (0, 0, 0);
    let mut i = 0;
    while i < b.len() {
        let start = i;
        if b[i].is_ascii_digit() {
            // the digits and the letters glued to them (`2d`, `V2`)
            while i < b.len()
                && b[i].is_ascii_alphanumeric()
                && !(b[i].is_ascii_uppercase() && i > start && b[i - 1].is_ascii_alphabetic())
            {
                i += 1;
            }
            continue;
        }
        let mut j = i;
        while j < b.len() && b[j].is_ascii_uppercase() {
            j += 1;
        }
        if j - i > 1 {
            // a run of capitals, less the one that opens a word after it (`QAEngr`: `QA`)
            i = if j < b.len() && b[j].is_ascii_lowercase() { j - 1 } else { j };
            parts += 1;
            continue;
        }
        i = j;
        while i < b.len() && b[i].is_ascii_lowercase() {
            i += 1;
        }
        if i - start < 2 {
            // a capital alone (`V` of `V2`)
            continue;
        }
        parts += 1;
        if b[start].is_ascii_uppercase() && i - start >= MIN_IDENTIFIER_WORD {
            words += 1;
            longest = longest.max(i - start);
        }
    }
    parts >= MIN_IDENTIFIER_PARTS
        && words >= MIN_IDENTIFIER_WORDS
        && longest >= MIN_IDENTIFIER_LONG_WORD
        && !is_known_name(w)
}

/// The last words of class names that say a class's role in a program (`LoraConfig`,
/// `RetryHandler`, `TokenizerFactory`): a product is not named so.
const CLASS_ROLES: [&str; 21] = [
    "Config",
    "Util",
    "Provider",
    "Service",
    "Statement",
    "Controller",
    "Repository",
    "Item",
    "Configs",
    "Handler",
    "Factory",
    "Builder",
    "Exception",
    "Error",
    "Listener",
    "Adapter",
    "Impl",
    "Helper",
    "Utils",
    "Wrapper",
    "Callback",
];

/// Whether `w` is glued in PascalCase from a word of three letters or more and a role of
/// [`CLASS_ROLES`] (`LoraConfig`, `HttpHandler`), and is no known name.
fn is_role_class(w: &str) -> bool {
    CLASS_ROLES.iter().any(|role| {
        w.strip_suffix(role).is_some_and(|head| {
            head.len() >= MIN_IDENTIFIER_WORD
                && head.starts_with(|c: char| c.is_ascii_uppercase())
                && head.bytes().all(|c| c.is_ascii_alphanumeric())
        })
    }) && !is_known_name(w)
}

/// Endings of the names of packages of a system's libraries and headers (`libfoo-dev`,
/// `jansson-devel`).
const PACKAGE_ENDINGS: [&str; 3] = ["-dev", "-devel", "-headers"];

/// Whether `w` names a package of a system's libraries: in lowercase, with a hyphen, opening
/// with `lib` or ending with one of [`PACKAGE_ENDINGS`] (`libiconv-devel`, `libvte-2.91-dev`).
fn is_package(w: &str) -> bool {
    w.contains('-')
        && !w.bytes().any(|c| c.is_ascii_uppercase())
        && w.starts_with(|c: char| c.is_ascii_lowercase())
        && (w.starts_with("lib") && w.len() > "lib-".len() || PACKAGE_ENDINGS.iter().any(|e| w.ends_with(e)))
}

/// Whether `w` is a known name (`OpenStreetMap` would be one if listed).
fn is_known_name(w: &str) -> bool {
    static KNOWN: LazyLock<FxHashSet<&str>> = LazyLock::new(|| KNOWN_NAMES.iter().copied().collect());
    KNOWN.contains(w.to_ascii_lowercase().as_str())
}

/// The shortest command that a flag glued to it (`curl-L`) may follow.
const MIN_COMMAND_LETTERS: usize = 3;

/// Whether `w` is a command with its one-letter flag glued to it by a lost space (`curl-L`,
/// `clean-f`): a word in lowercase, a hyphen, one letter. (`Type-C` opens with a capital.)
fn is_flag_glued(w: &str) -> bool {
    let Some((command, flag)) = w.rsplit_once('-') else { return false };
    command.len() >= MIN_COMMAND_LETTERS
        && command.bytes().all(|b| b.is_ascii_lowercase())
        && flag.len() == 1
        && flag.bytes().all(|b| b.is_ascii_alphabetic())
}

/// Whether `w` is a common word of English with a digit (`source1`, `value2`, `key3`): a
/// variable of code or of an example, not a term (`ipv4`, `fp16`, `word2vec` are no common
/// words numbered, `float32` and `base64` formats).
fn is_numbered_word(w: &str) -> bool {
    let digits = w.bytes().rev().take_while(u8::is_ascii_digit).count();
    let letters = &w[..w.len() - digits];
    (1..=MAX_VARIABLE_DIGITS).contains(&digits)
        && letters.len() >= MIN_NUMBERED_LETTERS
        && letters.bytes().all(|b| b.is_ascii_lowercase())
        && is_common_word(letters)
}

/// A numbered variable has one digit (`key1`); with more it may be a format (`float32`,
/// `base64`).
const MAX_VARIABLE_DIGITS: usize = 1;
/// ...and a word of at least this many letters before them (`vec2` is no common word).
const MIN_NUMBERED_LETTERS: usize = 3;

/// Whether `w` is an action of a service's permissions or an API, named by its service in
/// lowercase, a colon and a name glued from words (`iam:GetPolicy`, `s3:PutObject`,
/// `ec2:Describe*`). (`re:Invent` is one word after the colon.)
fn is_namespaced_action(w: &str) -> bool {
    let Some((service, action)) = w.split_once(':') else { return false };
    let capitals = action.bytes().filter(u8::is_ascii_uppercase).count();
    service.len() >= 2
        && service.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && action.starts_with(|c: char| c.is_ascii_uppercase())
        && action.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'*')
        && (capitals >= 2 || action.ends_with('*'))
}

/// Numbers spelled out in English.
const NUMBER_WORDS: [&str; 31] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "million",
];

/// Whether `text` is a number spelled out: each word a number (`Two hundred and fifty-eight`,
/// `Sixty-five thousand`, `Twelve`), `and` and `point` between them.
fn is_spelled_number(text: &str) -> bool {
    let mut numbers = 0;
    for w in text.split([' ', '-']) {
        let w = w.to_ascii_lowercase();
        if NUMBER_WORDS.contains(&w.as_str()) || w == "billion" {
            numbers += 1;
        } else if w != "and" && w != "point" {
            return false;
        }
    }
    numbers >= 1
}

/// The shortest number that numbers an item with zeros before it (`003`).
const MIN_ITEM_DIGITS: usize = 3;

/// Whether `text` numbers an item of a list: a code, a hyphen, then a number written with
/// zeros before it (`OTG-AUTHN-003`, `TC-0012`); a version or a year has none.
fn is_item_number(text: &str) -> bool {
    let Some((code, number)) = text.rsplit_once('-') else { return false };
    !code.is_empty()
        && number.len() >= MIN_ITEM_DIGITS
        && number.starts_with('0')
        && number.bytes().all(|b| b.is_ascii_digit())
}

/// How messages of failure open (`Cannot allocate memory`, `Failed to connect`, `No such
/// file`): a message a program prints, quoted in prose, not a term.
const ERROR_OPENERS: [&str; 7] =
    ["cannot ", "can't ", "could not ", "couldn't ", "unable to ", "failed to ", "no such "];

/// Whether `text` is a message of failure by how it opens ([`ERROR_OPENERS`]).
fn is_error_message(text: &str) -> bool {
    let b = text.as_bytes();
    ERROR_OPENERS.iter().any(|o| b.len() > o.len() && b[..o.len()].eq_ignore_ascii_case(o.as_bytes()))
}

/// Roman numerals that are acronyms as often (`IV`: an initialization vector, an instrumental
/// variable), never read as numbers alone.
const ROMAN_ACRONYMS: [&str; 1] = ["IV"];

/// Whether `text` is a Roman numeral of two letters or more alone (`II`, `VIII`, `XII`): the
/// number of an item, a part or a lead, no term. (After a name it is the name's: `Type II`,
/// `World War II`.)
fn is_roman_numeral(text: &str) -> bool {
    // (in small letters only with a repeated i: `ii`, `viii`; `vi` and `xi` are names)
    if text.contains("ii") && text.bytes().all(|b| matches!(b, b'i' | b'v' | b'x')) {
        return is_roman_numeral(&text.to_ascii_uppercase());
    }
    let b = text.as_bytes();
    // (a numeral up to 39: tens, then units as I, II, III, IV, V, VI…)
    let tens = b.iter().take_while(|&&c| c == b'X').count();
    let units = &text[tens..];
    const UNITS: [&str; 10] = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];
    b.len() >= 2 && tens <= 3 && UNITS.contains(&units) && !ROMAN_ACRONYMS.contains(&text)
}

/// Whether `text` opens with the size of a model, a number of parameters in billions or
/// millions (`7B`, `14B-int4`, `1.5B-chat`, `175B`): a variant of a model named elsewhere, not
/// a term of its own (`Qwen-7B` keeps its name).
fn is_model_size(text: &str) -> bool {
    let first = text.split([' ', '-']).next().unwrap_or(text);
    let Some(number) = first.strip_suffix(['B', 'M']) else { return false };
    !number.is_empty()
        && number.starts_with(|c: char| c.is_ascii_digit())
        && number.bytes().all(|b| b.is_ascii_digit() || b == b'.')
}

/// Common words glued in PascalCase: `SimpleCache`, `UserProfile` (not `GitHub`, `PyTorch`,
/// `IoT`, `PostgreSQL`).
fn is_glued(w: &str) -> bool {
    let b = w.as_bytes();
    if !b.first().is_some_and(u8::is_ascii_uppercase) || !b.iter().all(u8::is_ascii_alphabetic) {
        return false;
    }
    // each capital starts a part: with fewer capitals than parts needed, no word is looked up
    if b.iter().filter(|c| c.is_ascii_uppercase()).count() < MIN_GLUED_PARTS {
        return false;
    }
    let mut parts = 0;
    let mut start = 0;
    for i in 1..=b.len() {
        if i == b.len() || b[i].is_ascii_uppercase() {
            let part = &w[start..i];
            if part.len() < MIN_GLUED_PART
                || !part[1..].bytes().all(|c| c.is_ascii_lowercase())
                || !is_common_word(part)
            {
                return false;
            }
            parts += 1;
            start = i;
        }
    }
    parts >= MIN_GLUED_PARTS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_of_candidates() {
        // terms in sentence case (`Bag of words`) are no labels: mixed, they stay in prose
        let table: &[(&str, Kind)] = &[
            ("patient", Kind::Common { words: 1 }),
            ("studies", Kind::Common { words: 1 }),
            ("reduced", Kind::Common { words: 1 }),
            ("went to the bank", Kind::Common { words: 4 }),
            ("whole thing", Kind::Common { words: 2 }),
            ("should study", Kind::Common { words: 2 }),
            ("learning rate", Kind::Term),
            ("cost function", Kind::Term),
            ("kernel", Kind::Term),
            ("gradient descent", Kind::Term),
            ("Summary", Kind::Header),
            ("Mongo", Kind::Term),
            ("bool", Kind::Code),
            ("await", Kind::Code),
            ("Cannot allocate memory", Kind::Sentence),
            ("Failed to connect", Kind::Sentence),
            ("failure rate", Kind::Term),
            ("border-radius", Kind::Code),
            ("box-shadow", Kind::Code),
            ("Create a new account", Kind::Label),
            ("Copy files from disk", Kind::Label),
            ("Bag of words", Kind::Mixed),
            ("Mixture of Experts", Kind::Title),
            ("The Pragmatic Programmer", Kind::Term),
            ("The Art of Computer Programming", Kind::Title),
            ("August 9", Kind::Date),
            ("Feb. 8, 2021", Kind::Date),
            ("October 2010", Kind::Date),
            ("Dec 2019", Kind::Date),
            ("remote exploitation of a zero-day flaw in the wild", Kind::Sentence),
            ("optimize this code", Kind::Sentence),
            ("check your configs", Kind::Sentence),
            ("this binding", Kind::Common { words: 2 }),
            // placeholder Latin, but not English words or names that share its letters
            ("Lorem ipsum dolor sit amet", Kind::Placeholder),
            ("Lorem", Kind::Placeholder),
            ("itaque amet", Kind::Placeholder),
            ("Duis aute irure", Kind::Placeholder),
            ("sed", Kind::Term),
            ("UT", Kind::Term),
            ("NeMo", Kind::Term),
            // code: a class of an example, an object made, a bound of a generic type
            ("MyClass", Kind::Code),
            ("MyString", Kind::Code),
            ("MyBatis", Kind::Term),
            ("MySQL", Kind::Term),
            ("new ArrayList", Kind::Code),
            ("new Transformer", Kind::Mixed),
            ("super Number", Kind::Code),
            ("error", Kind::Common { words: 1 }),
            ("Paxos By Example", Kind::Title),
            ("Scaling Laws for Neural Language Models", Kind::Title),
            ("Proximal Policy Optimization Algorithms", Kind::Title),
            ("Learning over Long Horizons", Kind::Title),
            ("Redis 7.2 Release Notes", Kind::Title),
            ("article on Wikipedia", Kind::Label),
            ("support for Python", Kind::Label),
            ("bag of words", Kind::Common { words: 3 }),
            ("Stable Diffusion 3", Kind::Term),
            ("Long Short-Term Memory", Kind::Term),
            ("Proximal Policy Optimization", Kind::Term),
            ("Retrieval-Augmented Generation", Kind::Term),
            ("AT&T", Kind::Term),
            ("Return on investment", Kind::Mixed),
            ("Open new window", Kind::Label),
            ("Support vector machine", Kind::Mixed),
            ("Natural language processing", Kind::Mixed),
            ("Copy Files From Disk", Kind::Title),
            ("OrderHistory", Kind::Glued),
            ("SSD random read", Kind::Mixed),
            ("Vite on Glitch", Kind::Title),
            ("Intel Core", Kind::Term),
            ("PyTorch", Kind::Term),
            ("GitHub", Kind::Term),
            ("PostgreSQL", Kind::Term),
            ("JavaScript", Kind::Term),
            // identifiers of programs glued from three parts; names glue two
            ("HttpServletRequest", Kind::Code),
            ("IsSoftwareDev", Kind::Code),
            ("JobInterestQAEngr", Kind::Code),
            ("HTMLInputElement", Kind::Code),
            ("Word2Vec", Kind::Term),
            ("LoRaWAN", Kind::Term),
            ("LaTeX", Kind::Term),
            ("OpenAI", Kind::Term),
            ("WebAssembly", Kind::Glued),
            ("GPT4All", Kind::Term),
            ("DevSecOps", Kind::Term),
            ("LogSumExp", Kind::Term),
            ("MaxPool2d", Kind::Term),
            ("FlashAttentionV2", Kind::Term),
            ("BsmtFinType1", Kind::Code),
            // two parts, the second a class's role in a program; packages of libraries
            ("LoraConfig", Kind::Code),
            ("AttributeError", Kind::Code),
            ("RetryHandler", Kind::Code),
            ("NullPointerException", Kind::Code),
            ("LocaleProvider", Kind::Code),
            ("WatchService", Kind::Code),
            ("PreparedStatement", Kind::Code),
            ("VelocityUtil", Kind::Code),
            ("Config", Kind::Term),
            ("Service", Kind::Header),
            ("libssl-dev", Kind::Code),
            ("zlib-devel", Kind::Code),
            ("libuv", Kind::Term),
            ("dev-ops", Kind::Term),
            ("Type-C", Kind::Term),
            // a flag glued to its command
            ("curl-L", Kind::Code),
            ("iam:GetPolicy", Kind::Code),
            ("source1", Kind::Code),
            ("value2", Kind::Code),
            ("float32", Kind::Term),
            ("base64", Kind::Term),
            ("14B-int4", Kind::Number),
            ("7B-Chat-Int4 lora", Kind::Number),
            ("1.5B", Kind::Number),
            ("s3:PutObject", Kind::Code),
            ("ec2:Describe*", Kind::Code),
            ("Type-C", Kind::Term),
            ("e-mail", Kind::Term),
            // numbers spelled out, items numbered
            ("Two hundred and fifty-eight", Kind::Number),
            ("Sixty-five thousand", Kind::Number),
            ("One Piece", Kind::Term),
            ("Twelve", Kind::Number),
            ("OTG-AUTHN-003", Kind::Number),
            ("CVE-2021-44228", Kind::Term),
            ("GPT-4", Kind::Term),
            // a month's short name alone dates a line
            ("Aug", Kind::Date),
            ("Sept.", Kind::Date),
            ("May", Kind::Header),
            ("AUG", Kind::Term),
            ("import cv2", Kind::Code),
            ("scipy import misc", Kind::Code),
            ("import map", Kind::Term),
        ];
        for (text, want) in table {
            assert_eq!(kind(text), *want, "{text}");
        }
    }
}
