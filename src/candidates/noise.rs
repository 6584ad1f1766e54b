//! Noise: the words that are never part of a term, and the runs that are not terms. Code
//! (`snake_case`, `np.array`, `foo()`, `useCallback`), file names (`main.rs`), domain names
//! (`example.com`), paths, version tags (`v2`), IDs and catalogue numbers (`a9F3kQ2Zx81LmQ`,
//! `rs7412`, `CVE-2024-41873`), numbers with their units (`2024`, `16GB`), single letters and
//! indexed letters used as variables (`y`, `x1`), and reference labels (`Figure 3`).

use super::kinds::is_common_word;
use super::words::Word;
use crate::text::chars::fold;
use crate::text::lexicon::english::{
    COUNT_NOUNS, FILE_EXTENSIONS, NAME_DOT_SUFFIXES, NUMBER_UNITS, REFERENCE_LABELS, TLDS,
};
use crate::text::lexicon::{in_list, is_function_word, lower, pack_list};
use std::sync::LazyLock;

/// The longest English word a term may hold, in bytes; a longer run of letters is not a word.
const MAX_WORD: usize = 64;

/// A letter with digits (`x1`, `w12`) is a variable up to this length in bytes; longer, it
/// may be a name.
const MAX_INDEXED_VARIABLE: usize = 3;

/// A slash-separated word with more parts than this is a path even without a dot; `TCP/IP`
/// and `I/O` are names.
const MAX_SLASH_PARTS: usize = 3;

/// A slash-separated word in lowercase with this many parts is a path (`usr/share/lists`);
/// names listed so have capitals (`HTML/CSS/JS`).
const MIN_LOWERCASE_PATH_PARTS: usize = 3;

/// Catalogue numbers (`rs7412`) have at most this many letters before their digits...
const MAX_CATALOGUE_LETTERS: usize = 3;
/// ...and at least this many digits: `GPT4` is a name.
const MIN_CATALOGUE_DIGITS: usize = 4;

/// An identifier of dash-separated numbers (`CVE-2024-41873`) has a part this long...
const MIN_ID_DIGIT_PART: usize = 4;
/// ...and this many digits in all: `COVID-19` and `2019-nCoV` are not identifiers.
const MIN_ID_DIGITS: usize = 6;

/// A member after a dot has at least this many characters: `Repl.it` and `Ph.d` are not code.
const MIN_MEMBER: usize = 3;

/// A lowerCamelCase identifier has at least this many bytes: shorter words with an inner
/// capital (`mAh`, `kWh`) are units.
const MIN_CAMEL_CASE: usize = 5;

/// An ID (hash, base64, hex) has at least this many characters in one piece: shorter mixed
/// words are model names (`GPT4o`, `Qwen2`).
const MIN_ID_LEN: usize = 8;
/// A piece mixing letters and digits is an ID from this many characters on...
const MIXED_ID_LEN: usize = 10;
/// ...when it switches between digits and letters (or lower to upper case) this often.
const MIXED_ID_SWITCHES: usize = 4;
/// An ID holds at least this many digits...
const ID_MIN_DIGITS: usize = 2;
/// ...and a mixed one at least this many letters.
const MIXED_ID_MIN_LETTERS: usize = 2;
/// A piece this long with several capitals and lowercase letters is base64.
const LONG_ID_LEN: usize = 20;
/// ...with at least this many of each case.
const LONG_ID_MIN_CASE: usize = 3;

/// A unit after a number and a dash has at least this many letters (`32-bit`); `3-D` is a
/// name.
const MIN_WIDTH_UNIT: usize = 2;

/// Whether a word is a number, with a unit or ending glued to it: `2024`, `3.5`, `16GB`,
/// `400px`, `1e-3`, `10k`, `2x`, `1st`, `4XX`, a range (`2-4GB`), a rate (`10Gbit/s`,
/// `64MB/8GB/s`), a width (`32-bit`) or a count of things (`16-GPU`, `8-core`).
pub(super) fn is_number_like(w: &str) -> bool {
    if !w.chars().next().map(fold).is_some_and(|c| c.is_ascii_digit() || c == '.' || c == ',') {
        return false;
    }
    // (folding changes only other than ASCII)
    let w: std::borrow::Cow<'_, str> =
        if w.is_ascii() { w.into() } else { w.chars().map(fold).collect::<String>().into() };
    let b = w.as_bytes();
    // the number, with a range's dash between digits (2-4)
    let mut digits = 0;
    while digits < b.len()
        && (b[digits].is_ascii_digit()
            || matches!(b[digits], b'.' | b',')
            || b[digits] == b'-' && b.get(digits + 1).is_some_and(u8::is_ascii_digit))
    {
        digits += 1;
    }
    if digits == 0 {
        return false;
    }
    let unit = lower(&w[digits..]);
    // 2xx, 4XX: a class of status codes
    if !unit.is_empty() && unit.chars().all(|c| c == 'x') {
        return true;
    }
    // 2.x, 1.2.x, 2.x.x.dev2023xxxx: a version with a part left open
    if is_open_version(&w[..digits], &unit) {
        return true;
    }
    // 3x3, 1920x1080, 3nx3n: the sizes of a matrix or an image
    if unit.contains(['x', '×']) && is_size(&lower(&w)) {
        return true;
    }
    // 32-bit: a width (3-D is a name)
    let dashed = unit.strip_prefix('-').filter(|u| u.len() >= MIN_WIDTH_UNIT);
    let unit = dashed.unwrap_or(&unit);
    static UNITS: LazyLock<Vec<u64>> = LazyLock::new(|| pack_list(&NUMBER_UNITS));
    let is_unit = |u: &str| in_list(&UNITS, u, false);
    unit.is_empty()
        || is_unit(unit)
        // 16-GPU, 8-cores: a count of things (0-RTT, 2-SAT are names)
        || dashed.is_some() && is_counted(unit)
        || unit.starts_with('e') && unit[1..].trim_start_matches('-').chars().all(|c| c.is_ascii_digit())
        // 10gbit/s, 64mb/8gb/s: a rate
        || unit.contains('/')
            && unit.split('/').enumerate().all(|(i, p)| is_unit(p) || i > 0 && is_number_like(p))
}

/// Whether a number and what follows it (`unit`, lowercase) are a version with parts left
/// open as `x`: `2.` then `x.x`, whatever follows the parts (`2.x.x.dev2023xxxx`).
fn is_open_version(number: &str, unit: &str) -> bool {
    let Some(rest) = number.strip_suffix('.') else { return false };
    let mut parts = unit.split('.').take_while(|p| *p == "x" || !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit() || b == b'.') && parts.any(|p| p == "x")
}

/// Whether `l` (lowercase) is a size: two numbers, each maybe with a letter that counts
/// (`3x3`, `1920x1080`, `3nx3n`), joined by `x` or `×`.
fn is_size(l: &str) -> bool {
    let side = |s: &str| {
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        digits > 0 && s.len() - digits <= 1 && s[digits..].bytes().all(|b| b.is_ascii_lowercase() && b != b'x')
    };
    let mut sides = l.split(['x', '×']);
    matches!((sides.next(), sides.next(), sides.next()), (Some(a), Some(b), None) if side(a) && side(b))
}

/// Whether `unit` (lowercase) names things counted ([`COUNT_NOUNS`]), in the singular or
/// the plural.
fn is_counted(unit: &str) -> bool {
    static COUNTED: LazyLock<Vec<u64>> = LazyLock::new(|| pack_list(&COUNT_NOUNS));
    in_list(&COUNTED, unit, false) || unit.strip_suffix('s').is_some_and(|u| in_list(&COUNTED, u, false))
}

/// Whether a word can never be part of a term; `view_after` is the view after it.
pub(super) fn word_is_noise(w: &str, view_after: &str) -> bool {
    if w.len() > MAX_WORD {
        return true;
    }
    // most words are ASCII letters only, which only a few of the tests below can find noise
    if w.bytes().all(|b| b.is_ascii_alphabetic()) {
        return letters_are_noise(w, view_after);
    }
    any_word_is_noise(w, view_after)
}

/// [`word_is_noise`] for a word of ASCII letters only: with no digit, dot, slash, dash or
/// `_`, it is noise only as a call (`foo()`), a single letter, a long base64-like piece (the
/// one test of [`is_id_like`] that needs no digit) or lowerCamelCase.
fn letters_are_noise(w: &str, view_after: &str) -> bool {
    let long_id = w.len() >= LONG_ID_LEN && {
        let upper = w.bytes().filter(u8::is_ascii_uppercase).count();
        upper >= LONG_ID_MIN_CASE && w.len() - upper >= LONG_ID_MIN_CASE
    };
    view_after.starts_with("()") || w.len() == 1 || long_id || is_lower_camel_case(w) || WORK_MARKERS.contains(&w)
}

/// Markers of work left to do in notes and code (`TODO: 理解这张图`): never a term.
const WORK_MARKERS: [&str; 5] = ["TODO", "FIXME", "TBD", "WIP", "XXX"];

/// [`word_is_noise`] for any word, by every test.
fn any_word_is_noise(w: &str, view_after: &str) -> bool {
    if w.len() > MAX_WORD {
        return true;
    }
    // `folded` and `l` have the same byte offsets; `w` may hold full-width letters, and an en
    // dash that joins names (read as a hyphen)
    let folded: std::borrow::Cow<'_, str> = if w.is_ascii() {
        w.into()
    } else {
        w.chars().map(|c| if c == '–' { '-' } else { fold(c) }).collect::<String>().into()
    };
    // lowercased on the stack: folding never lengthens a word, so it fits
    let mut buf = [0u8; MAX_WORD];
    let l: &str = {
        let f = folded.as_bytes();
        let lowered = &mut buf[..f.len()];
        lowered.copy_from_slice(f);
        lowered.make_ascii_lowercase();
        // ASCII lowercasing keeps UTF-8 valid
        std::str::from_utf8(lowered).unwrap_or(&folded)
    };
    is_code_or_variable(l, view_after)
        || WORK_MARKERS.contains(&folded.as_ref())
        || is_pinned_package(&folded)
        || is_mime_type(l)
        || l.rfind('.').is_some_and(|dot| is_dotted_noise(l, &folded, dot))
        || is_path(l, &folded)
        || is_id_like(&folded)
        || is_version_or_catalogue_number(l)
        || is_number_glued_to_word(&folded)
        || is_measure(&folded)
        || is_lower_camel_case(&folded)
        || is_expression(&folded)
        || is_hex_number(l)
        || is_port(l)
        || is_ratio(l)
        || is_region(l)
}

/// Points of the compass that the regions of a cloud are named by.
const COMPASS: [&str; 5] = ["east", "west", "north", "south", "central"];

/// Whether `l` names a region of a cloud (`us-west-2`, `eu-central-1`, `us-central1`): two
/// letters of a country or a continent, a point of the compass, a number. A setting's value,
/// not a term.
fn is_region(l: &str) -> bool {
    let mut parts = l.split('-');
    let Some(area) = parts.next() else { return false };
    let rest: Vec<&str> = parts.collect();
    let Some((last, middle)) = rest.split_last() else { return false };
    let numbered = last.bytes().last().is_some_and(|b| b.is_ascii_digit());
    let pointed = |p: &str| {
        let p = p.trim_end_matches(|c: char| c.is_ascii_digit());
        COMPASS.iter().any(|c| p.ends_with(c))
    };
    area.len() == 2
        && area.bytes().all(|b| b.is_ascii_lowercase())
        && numbered
        && (middle.iter().any(|p| pointed(p)) || middle.is_empty() && pointed(last))
}

/// Whether `l` is a ratio of a whole number to a variable (`1/n`, `1/nd`): a formula, not a
/// name. A name may end with a number after a slash (`HTTP/2`, `PL/1`), and `4G/5G` and `I/O`
/// have no number alone on either side.
fn is_ratio(l: &str) -> bool {
    l.split_once('/').is_some_and(|(a, b)| {
        !a.is_empty()
            && a.bytes().all(|b| b.is_ascii_digit())
            && !b.is_empty()
            && b.bytes().all(|b| b.is_ascii_alphabetic())
    })
}

/// Metrics that `@` and a cut-off follow (`pass@1`, `recall@10`): a name before `@` in small
/// letters is otherwise a package pinned to a release (`dumi@2`, `vue@3.4`) or a password.
const AT_METRICS: &[&str] =
    &["pass", "recall", "precision", "hits", "hit", "ndcg", "map", "mrr", "acc", "accuracy", "top", "f1", "success"];

/// Whether `w` is a package pinned to a release or a secret, `@` after small letters that
/// name no metric ([`AT_METRICS`]): `dumi@2`, `jboss@123` (`Pass@1`, `mAP@0.5` are metrics).
fn is_pinned_package(w: &str) -> bool {
    w.split_once('@').is_some_and(|(name, _)| {
        !name.is_empty()
            && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !AT_METRICS.contains(&name)
    })
}

/// The types of media that open a MIME type (`application/json`, `text/html`).
const MEDIA_TYPES: [&str; 7] = ["application", "text", "image", "audio", "video", "multipart", "font"];

/// Whether `l` (lowercase) is a MIME type: a type of media, a slash and a subtype.
fn is_mime_type(l: &str) -> bool {
    // (`text/image`, `audio/video` pair media)
    l.split_once('/').is_some_and(|(t, sub)| {
        MEDIA_TYPES.contains(&t) && !sub.is_empty() && !sub.contains('/') && !MEDIA_TYPES.contains(&sub)
    })
}

/// Protocols of transport that a port number follows after a slash.
const TRANSPORTS: [&str; 3] = ["tcp", "udp", "sctp"];

/// A port of a protocol of transport (`tcp/1337`, `udp/53`): a value, not a term; `l` is the
/// word lowercased. (`HTTP/2` is a version of a protocol of the web, a name.)
fn is_port(l: &str) -> bool {
    l.split_once('/')
        .is_some_and(|(p, n)| TRANSPORTS.contains(&p) && !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Bytes joined by dashes or colons make a hardware address (`c2-f7-3d-3e-cb-67`) from this
/// many on: fewer may be a name (`B2-C3`).
const MIN_ADDRESS_BYTES: usize = 4;

/// A number in hexadecimal (`0xA`, `0x1F`, `3cH` as assembly and dumps write it), a range of
/// them (`0000-ffff`) or a hardware address (`C2-F7-3D-3E-CB-67`, `00:1a:2b:3c`): a value, not
/// a term; `l` is the word lowercased.
fn is_hex_number(l: &str) -> bool {
    let hex = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_hexdigit());
    let digit = || l.bytes().any(|b| b.is_ascii_digit());
    // (a digit among the digits: `bach` is no number)
    let suffixed = || l.strip_suffix('h').is_some_and(|n| hex(n) && n.bytes().any(|b| b.is_ascii_digit()));
    let address = || {
        let sep = if l.contains(':') { ':' } else { '-' };
        l.split(sep).count() >= MIN_ADDRESS_BYTES && l.split(sep).all(|p| p.len() == 2 && hex(p)) && digit()
    };
    l.strip_prefix("0x").is_some_and(hex)
        || suffixed()
        || address()
        || l.split_once('-').is_some_and(|(a, b)| hex(a) && hex(b) && a.len() == b.len() && a.len() >= 2 && digit())
}

/// `snake_case`, `x_i`, `foo()`, a single letter or a letter with an index (`x1`, `w2`);
/// `l` is the word lowercased.
fn is_code_or_variable(l: &str, view_after: &str) -> bool {
    if l.contains('_') {
        return true; // snake_case, x_i: code or math
    }
    if view_after.starts_with("()") {
        return true; // foo(): a call
    }
    if l.len() == 1 && l.chars().all(|c| c.is_ascii_alphabetic()) {
        return true; // a variable
    }
    if is_markup_attribute(l) {
        return true;
    }
    // x1, w2, h0: variables with an index
    let mut cs = l.chars();
    if let Some(first) = cs.next() {
        let rest = cs.as_str();
        if first.is_ascii_alphabetic()
            && !rest.is_empty()
            && rest.chars().all(|c| c.is_ascii_digit())
            && l.len() <= MAX_INDEXED_VARIABLE
        {
            return true;
        }
    }
    false
}

/// The names of template directives after a prefix of one or two letters (`v-if`, `ng-model`,
/// `x-show`, `wx-for`): the attributes of a framework's templates, never terms.
const DIRECTIVE_NAMES: &[&str] = &[
    "if", "else", "else-if", "for", "show", "hide", "bind", "on", "model", "html", "text", "slot", "once", "memo",
    "cloak", "pre", "key", "ref", "switch", "case", "repeat", "click", "class", "style", "src", "href", "init",
];

/// Attributes of markup written in prose (`l` lowercased): accessibility and data attributes
/// of HTML (`aria-describedby`, `data-id`), and template directives ([`DIRECTIVE_NAMES`]).
fn is_markup_attribute(l: &str) -> bool {
    let Some((prefix, name)) = l.split_once('-') else { return false };
    let attribute = matches!(prefix, "aria" | "data") && name.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
    let directive = (1..=2).contains(&prefix.len())
        && prefix.bytes().all(|b| b.is_ascii_alphabetic())
        && DIRECTIVE_NAMES.contains(&name);
    attribute || directive
}

/// A file name (`main.rs`), a domain name (`example.com`) or a dotted lowercase code path
/// (`torch.nn.Module`, `np.array`), but not a name with a dot (`Node.js`, `ASP.NET`); `l`
/// is the word lowercased, `folded` as written, and `dot` the last dot in them.
fn is_dotted_noise(l: &str, folded: &str, dot: usize) -> bool {
    let ext = &l[dot + 1..];
    let head = &l[..dot];
    if FILE_EXTENSIONS.contains(&ext) && !NAME_DOT_SUFFIXES.contains(&ext) && !head.is_empty() {
        return true;
    }
    if TLDS.contains(&ext)
        && head.chars().any(|c| c.is_ascii_alphabetic())
        && !folded[dot + 1..].chars().any(|c| c.is_ascii_uppercase())
    {
        return true;
    }
    // torch.nn.Module, np.array: dotted lowercase code paths
    let parts: Vec<&str> = folded.split('.').collect();
    if (is_member_access(&parts) || is_pascal_member(&parts)) && !NAME_DOT_SUFFIXES.contains(&ext) {
        return true;
    }
    parts.len() >= 2
        && parts.iter().all(|p| p.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
        && parts[0].chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && !NAME_DOT_SUFFIXES.contains(&ext)
        && !parts.iter().all(|p| p.len() == 1)
}

/// `Promise.all`, `Thread.sleep`, `JSON.parse`: a capitalised name and a member
/// in lowercase or lowerCamelCase, code (`Node.js` and `ASP.NET` end with a name suffix).
fn is_member_access(parts: &[&str]) -> bool {
    let starts = |p: &str, upper: bool| {
        p.chars().next().is_some_and(|c| c.is_ascii_alphabetic() && c.is_ascii_uppercase() == upper)
    };
    parts.len() >= 2
        && starts(parts[0], true)
        // (JSON.parse, URL.createObjectURL: an object in capitals, two letters or more)
        && (parts[0].chars().any(|c| c.is_ascii_lowercase()) || parts[0].len() >= 2)
        && parts[1..].iter().all(|p| p.len() >= MIN_MEMBER && p.chars().all(|c| c.is_ascii_alphanumeric()))
        && starts(parts[parts.len() - 1], false)
}

/// `System.Swap`, `NonHeap.Used`, `Status.JVM.Memory`: names in PascalCase joined by dots, a
/// member of an object or a metric's path, code (not `Socket.IO`, `Math.NET`: a name's last
/// part in capitals is its suffix).
fn is_pascal_member(parts: &[&str]) -> bool {
    let pascal = |p: &str| {
        let b = p.as_bytes();
        b.len() >= MIN_MEMBER && b[0].is_ascii_uppercase() && b[1].is_ascii_lowercase()
    };
    parts.len() >= 2
        && parts[0].starts_with(|c: char| c.is_ascii_uppercase())
        && parts.iter().all(|p| p.chars().all(|c| c.is_ascii_alphanumeric()))
        && pascal(parts[parts.len() - 1])
}

/// Endings of domains that are no word nor acronym in lowercase: an address cut after one
/// leaves `com/owner`.
const ADDRESS_ENDINGS: &[&str] = &["com", "org", "net", "edu", "gov"];

/// A path: slash-separated parts with a dot in one, or many parts (three in lowercase), or
/// after a domain's ending (`com/owner`); or a package or a
/// repository with its owner (`acme/web-utils`), lowercase with a dash in a part (`client/
/// server` is a term); `l` is the word lowercased and `w` as written.
fn is_path(l: &str, w: &str) -> bool {
    l.contains('/')
        && (l.split('/').any(|p| p.contains('.'))
            // com/owner: the rest of an address cut after its domain's ending (not AI/ML)
            || w.split('/').next().is_some_and(|p| ADDRESS_ENDINGS.contains(&p))
            || l.split('/').count() > MAX_SLASH_PARTS
            || !w.bytes().any(|b| b.is_ascii_uppercase())
                && (l.split('/').any(|p| p.contains('-')) || l.split('/').count() >= MIN_LOWERCASE_PATH_PARTS))
}

/// A measure has at most this many digits before its decimal point: more make the number of a
/// standard (`802.1Q`, `802.11ac`).
const MAX_MEASURE_DIGITS: usize = 2;

/// Whether `w` is a number with a decimal point and letters glued after it, a measure in its
/// unit (`0.4GDT`, `6.1dB`): a name ends with its version, it does not open with one.
fn is_measure(w: &str) -> bool {
    let b = w.as_bytes();
    let int = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if int == 0 || int > MAX_MEASURE_DIGITS || b.get(int) != Some(&b'.') {
        return false;
    }
    let frac = b[int + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
    let rest = &b[int + 1 + frac..];
    frac > 0 && !rest.is_empty() && rest.iter().all(u8::is_ascii_alphabetic)
}

/// A code or a count of several digits glued to a word in small letters of general English
/// is a status run together with what it is (`405error`, `404page`). Names glue one digit
/// (`3scale`, `4chan`), a capital (`1Password`) or a plural (`37signals`, `99designs`).
const MIN_GLUED_DIGITS: usize = 2;

/// The glued word has at least this many letters.
const MIN_GLUED_WORD: usize = 3;

/// Whether `w` is a number and a word run together ([`MIN_GLUED_DIGITS`]).
fn is_number_glued_to_word(w: &str) -> bool {
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    let word = &w[digits..];
    digits >= MIN_GLUED_DIGITS
        && word.len() >= MIN_GLUED_WORD
        && word.bytes().all(|b| b.is_ascii_lowercase())
        && !word.ends_with('s')
        && is_common_word(word)
}

/// Version paths and tags (`v2`, `v1.5`, `v0.10.3`) and catalogue numbers (`rs7412`,
/// `CVE-2024-41873`); `l` is the word lowercased.
fn is_version_or_catalogue_number(l: &str) -> bool {
    // version paths and tags: v2, v1.5, v0.10.3, and a range of them with an `x` for any
    // number after the first (v1.x, v2.x.x; without the `v`, a release after a name: Vue 2.x)
    if l.len() >= 2 && l.starts_with('v') && l[1..].chars().all(|c| c.is_ascii_digit() || c == '.') {
        return true;
    }
    let mut parts = l.strip_prefix('v').unwrap_or("").split('.');
    if parts.next().is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        && l.contains(".x")
        && parts.all(|p| p == "x" || !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return true;
    }
    // a release with a commit's hash or a letter (138.1a2a1b2, 3.6a1f8f7, 1.0b2)
    if l.starts_with(|c: char| c.is_ascii_digit())
        && l.contains('.')
        && l.bytes().all(|c| c.is_ascii_hexdigit() || c == b'.')
        && l.bytes().any(|c| c.is_ascii_lowercase())
    {
        return true;
    }
    // catalogue numbers: rs7412 (a variant id), CVE-2024-41873
    let letters = l.chars().take_while(|c| c.is_ascii_alphabetic()).count();
    if (1..=MAX_CATALOGUE_LETTERS).contains(&letters)
        && l.len() - letters >= MIN_CATALOGUE_DIGITS
        && l[letters..].chars().all(|c| c.is_ascii_digit())
    {
        return true;
    }
    let digit_parts = || l.split('-').filter(|p| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit()));
    digit_parts().any(|p| p.len() >= MIN_ID_DIGIT_PART)
        && digit_parts().map(|p| p.len()).sum::<usize>() >= MIN_ID_DIGITS
}

/// Formats, markup and addresses that code reads and writes: an English word glued to one
/// (`innerHTML`, `toJSON`, `getURL`, `toISOString`) names a property or method, where a word
/// glued to another acronym may name a thing (`textCNN`, `macOS`).
const FORMAT_ACRONYMS: &[&str] =
    &["HTML", "XML", "JSON", "URL", "URI", "CSS", "SVG", "DOM", "SQL", "CSV", "YAML", "UTF", "ASCII", "UUID", "ISO"];

/// lowerCamelCase identifiers: `useCallback`, `sideEffects`, and an English word glued to a
/// format (`innerHTML`, `toJSON`); not `iPhone`, `eBay`, `macOS`, `siRNA`, `textCNN`.
fn is_lower_camel_case(folded: &str) -> bool {
    let cs = folded.as_bytes();
    if cs.len() >= MIN_CAMEL_CASE && cs[0].is_ascii_lowercase() && cs.iter().all(|c| c.is_ascii_alphanumeric()) {
        if let Some(p) = cs.iter().skip(2).position(|c| c.is_ascii_uppercase()).map(|p| p + 2) {
            if cs.get(p + 1).is_some_and(|c| c.is_ascii_lowercase()) {
                return true;
            }
            let acronym = cs[p..].iter().take_while(|c| c.is_ascii_uppercase()).count();
            let (head, format) = (&folded[..p], &folded[p..p + acronym]);
            let lower = cs[..p].iter().all(u8::is_ascii_lowercase);
            if lower && FORMAT_ACRONYMS.contains(&format) && (is_common_word(head) || is_function_word(head)) {
                return true;
            }
        }
    }
    false
}

/// Operators that join the variables of an expression written without spaces.
const OPERATORS: [char; 6] = ['&', '-', '+', '*', '=', '|'];

/// Whether `folded` is an expression of code: variables joined by [`OPERATORS`], one of
/// them in lowerCamelCase (`hash&oldCap`, `oldCap-1`, `maxSize*2`). (`R&D`, `e-commerce` hold
/// no such variable.)
fn is_expression(folded: &str) -> bool {
    folded.contains(OPERATORS) && folded.split(OPERATORS).any(is_lower_camel_case)
}

/// The short hash of a commit as Git abbreviates it (`aa92f02`, `3e1b9c4`): seven small hex
/// digits, with digits and letters both.
const SHORT_HASH_LEN: usize = 7;

/// Whether `w` is a commit's short hash ([`SHORT_HASH_LEN`]).
fn is_short_hash(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() == SHORT_HASH_LEN
        && b.iter().all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(c))
        && b.iter().filter(|c| c.is_ascii_digit()).count() >= ID_MIN_DIGITS
        && b.iter().any(u8::is_ascii_lowercase)
}

/// Base64-, hex- or hash-like tokens.
fn is_id_like(w: &str) -> bool {
    if is_short_hash(w) {
        return true;
    }
    for piece in w.split(['-', '.', '/']) {
        // every test below wants MIN_ID_LEN characters or more
        if piece.len() < MIN_ID_LEN {
            continue;
        }
        let n = piece.chars().count();
        let digits = piece.chars().filter(|c| c.is_ascii_digit()).count();
        let letters = piece.chars().filter(|c| c.is_ascii_alphabetic()).count();
        let transitions = piece
            .chars()
            .zip(piece.chars().skip(1))
            .filter(|(a, b)| {
                a.is_ascii_digit() != b.is_ascii_digit() || (a.is_ascii_lowercase() && b.is_ascii_uppercase())
            })
            .count();
        if n >= MIXED_ID_LEN
            && digits >= ID_MIN_DIGITS
            && letters >= MIXED_ID_MIN_LETTERS
            && transitions >= MIXED_ID_SWITCHES
        {
            return true;
        }
        if n >= MIN_ID_LEN && digits >= ID_MIN_DIGITS && piece.chars().all(|c| c.is_ascii_hexdigit()) && letters >= 1 {
            return true;
        }
        if n >= LONG_ID_LEN
            && !piece.chars().all(|c| c.is_ascii_lowercase())
            && piece.chars().filter(|c| c.is_ascii_uppercase()).count() >= LONG_ID_MIN_CASE
            && piece.chars().filter(|c| c.is_ascii_lowercase()).count() >= LONG_ID_MIN_CASE
        {
            return true;
        }
    }
    false
}

/// `Figure 3`, `Table 2`, `Eq. 5`: pointers into the document, not terms.
pub(super) fn is_reference_label(text: &str, words: &[Word]) -> bool {
    // the cheap test first: the number after the label
    words.len() == 2
        && text[words[1].span.range()].chars().next().is_some_and(|c| c.is_ascii_digit())
        && REFERENCE_LABELS.contains(&lower(&text[words[0].span.range()]).trim_end_matches('.'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use proptest::sample::select;

    /// Words from letters of both cases and widths, digits and the joiners, long enough to
    /// reach the tests of IDs and lowerCamelCase.
    fn word() -> impl Strategy<Value = String> {
        let chars: Vec<char> = "aAbBvVxXzZeEsS0123456789-._/'&+#ＡｂＶｘ．é".chars().collect();
        prop_oneof![
            proptest::collection::vec(select(chars), 0..30).prop_map(String::from_iter),
            "[a-zA-Z]{0,70}",
            "[a-z]{1,6}[A-Z][a-z]{0,8}",
            "[a-zA-Z]{18,24}",
        ]
    }

    proptest::proptest! {
        /// The shortcut for words of letters answers as every test does.
        #[test]
        fn letters_shortcut_agrees(w in word(), after in select(vec!["", "()", "(", " x", ")"])) {
            prop_assert_eq!(word_is_noise(&w, after), any_word_is_noise(&w, after), "{:?}", w);
        }
    }

    #[test]
    fn sizes_are_numbers() {
        for (w, want) in
            [("3x3", true), ("3nx3n", true), ("1920x1080", true), ("4×4", true), ("x86", false), ("3xl", false)]
                .into_iter()
                // versions with a part left open, and units glued to their numbers
                .chain([("2.x", true), ("1.2.x", true), ("2.x.x.dev2023xxxx", true), ("3.x86", false)])
                .chain([("75bp", true), ("40vh", true), ("3kbp", true), ("2FA", false)])
        {
            assert_eq!(is_number_like(w), want, "{w}");
        }
    }

    #[test]
    fn hexadecimal_values_hardware_addresses_and_expressions_are_noise() {
        for (w, noise) in [
            ("0x1F", true),
            ("3cH", true),
            ("0FFh", true),
            ("0000-ffff", true),
            ("C2-F7-3D-3E-CB-67", true),
            ("00:1a:2b:3c:4d:5e", true),
            // names and words of the same letters
            ("Bach", false),
            ("beach", false),
            // expressions of code
            ("hash&oldCap", true),
            ("oldCap-1", true),
            ("maxSize*2", true),
            ("R&D", false),
            ("e-commerce", false),
            ("macOS-based", false),
            ("jQuery-UI", false),
            ("AD-HOC", false),
            ("Ch", false),
        ] {
            assert_eq!(word_is_noise(w, ""), noise, "{w}");
        }
    }

    #[test]
    fn noise_words() {
        let table: &[(&str, &str, bool)] = &[
            ("x", "", true),
            ("foo", "()", true),
            ("useCallback", "", true),
            ("iPhone", "", false),
            ("Transformer", "", false),
            ("aGVsbG9XaWxsaWFtU2hha2Vz", "", true),
            ("SentencePieceTokenizerModel", "", true),
            ("main.rs", "", true),
            ("x1", "", true),
            ("RLHF", "", false),
            // a status or a count run into its number; names that start with digits stay
            ("405error", "", true),
            // a measure in its unit, a marker of work left
            ("0.4GDT", "", true),
            ("TODO", "", true),
            ("Web3.0", "", false),
            ("802.1Q", "", false),
            ("404page", "", true),
            ("3scale", "", false),
            ("37signals", "", false),
            ("4chan", "", false),
            ("1Password", "", false),
            ("3dfx", "", false),
            ("5G", "", false),
            // an English word glued to a format is an identifier; names glue other pieces
            ("innerHTML", "", true),
            ("toJSON", "", true),
            ("getURL", "", true),
            ("macOS", "", false),
            ("watchOS", "", false),
            ("siRNA", "", false),
            ("lncRNA", "", false),
            ("textCNN", "", false),
            // a commit's short hash, the sizes of a matrix
            ("aa92f02", "", true),
            ("3e1b9c4", "", true),
            ("deadbee", "", false),
            ("138.1a2a1b2", "", true),
            ("dumi@2", "", true),
            ("jboss@123", "", true),
            ("pass@1", "", false),
            ("Recall@10", "", false),
            ("application/xhtml", "", true),
            ("text/html", "", true),
            ("TCP/IP", "", false),
            ("audio/video", "", false),
            ("3.6a1f8f7", "", true),
            ("word2vec", "", false),
            // a ratio of a number and a variable is a formula
            ("1/N", "", true),
            ("HTTP/2", "", false),
            ("PL/1", "", false),
            ("4G/5G", "", false),
            ("I/O", "", false),
            ("24/7", "", false),
            // a range of versions
            ("v2.x.x", "", true),
            ("v1.x", "", true),
            ("x.509", "", false),
            // a cloud's region
            ("us-west-2", "", true),
            ("ap-southeast-1", "", true),
            ("us-central1", "", true),
            ("x-east-1", "", false),
            ("GPT-4", "", false),
        ];
        for (w, after, want) in table {
            assert_eq!(word_is_noise(w, after), *want, "{w}");
            assert_eq!(any_word_is_noise(w, after), *want, "{w}");
        }
    }
}
