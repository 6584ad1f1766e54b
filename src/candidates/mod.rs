//! Stage 2: find the English term candidates in the prose view.
//!
//! A candidate is a run of Latin-script words joined by single spaces, taken from prose only
//! (see [`normalize`](crate::normalize)). Inside a word, `-`, `.`, `'`, `/` and `&` join
//! letters and digits (`Llama-3.1`, `Node.js`, `Hugging Face's`, `TCP/IP`), and `+`/`#` may
//! end one (`C++`, `C#`).
//!
//! The run is then cut and trimmed: words that are code (`snake_case`, `np.array`, `foo()`),
//! file names (`main.rs`), domain names (`example.com`), version paths (`v2`), IDs
//! (`a9F3kQ2Zx81LmQ`), numbers and units (`2024`, `16GB`) and single letters used as variables
//! (`y`, `k 值`, `x1`) are never part of a term; function words (`the`, `of`, `and`) are
//! dropped at either end; and a run that reads as an English sentence rather than a term is
//! dropped, unless it is a title in `《》`.

use crate::model::Span;
use crate::normalize::Document;
use crate::text::chars::fold;
use crate::text::lexicon::{in_list, is_function_word, lower, pack_list};

/// An English candidate: a span of the original text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Candidate<'a> {
    /// Where it is.
    pub span: Span,
    /// `&text[span]`.
    pub text: &'a str,
    /// Whether it is the whole content of a title in `《》`.
    pub title: bool,
}

/// The longest run, in words, that is considered as one candidate.
pub const MAX_WORDS: usize = 12;

/// Finds all English candidates of a document, in text order.
///
/// ```
/// use termbridge::candidates::candidates;
/// use termbridge::normalize::{Document, Markup};
/// let doc = Document::new("我们用 RLHF 和 zero-shot learning，见 https://x.org，k 值为 3。", Markup::Plain);
/// let found: Vec<&str> = candidates(&doc).iter().map(|c| c.text).collect();
/// assert_eq!(found, ["RLHF", "zero-shot learning"]);
/// ```
pub fn candidates<'a>(doc: &Document<'a>) -> Vec<Candidate<'a>> {
    let mut out = Vec::new();
    // one buffer for the words of every run
    let mut piece = Vec::new();
    each_run(doc.view(), |run| push_run(doc, run, &mut piece, &mut out));
    out
}

/// A word: its span and whether it may be part of a term.
#[derive(Clone, Copy, Debug)]
struct Word {
    span: Span,
}

pub(crate) fn is_word_char(c: char) -> bool {
    let c = fold(c);
    c.is_ascii_alphanumeric() || c == '_' || (('\u{c0}'..='\u{24f}').contains(&c) && c.is_alphabetic())
}

fn is_joiner(c: char) -> bool {
    matches!(fold(c), '-' | '.' | '\'' | '’' | '/' | '&')
}

/// The bytes that may start a word character: ASCII letters, digits and `_`, the lead bytes
/// of two-byte Latin letters (C3–C9) and of full-width forms (EF).
static MAY_START_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = c.is_ascii_alphanumeric() || c == b'_' || (c >= 0xc3 && c <= 0xc9) || c == 0xef;
        b += 1;
    }
    t
};

/// Calls `each` with every run of words separated by single spaces or tabs, in order.
fn each_run(view: &str, mut each: impl FnMut(&[Word])) {
    let bytes = view.as_bytes();
    let char_at = |i: usize| view[i..].chars().next();
    let mut run: Vec<Word> = Vec::new();
    let mut last_end = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        let Some(skip) = bytes[i..].iter().position(|&b| MAY_START_WORD[b as usize]) else {
            break;
        };
        i += skip;
        let Some(c) = char_at(i) else { break };
        if !is_word_char(c) {
            i += c.len_utf8();
            continue;
        }
        // a word starts at i
        let start = i;
        let mut end = i;
        let mut j = i;
        while j < bytes.len() {
            if bytes[j].is_ascii_alphanumeric() || bytes[j] == b'_' {
                // the common case, without decoding or folding
                j += 1;
                end = j;
                continue;
            }
            let Some(c) = char_at(j) else { break };
            if is_word_char(c) {
                j += c.len_utf8();
                end = j;
            } else if is_joiner(c) {
                // a joiner counts only between word characters
                if char_at(j + c.len_utf8()).is_some_and(is_word_char) {
                    j += c.len_utf8();
                } else {
                    break;
                }
            } else if matches!(c, '+' | '#')
                && view[start..end].chars().all(|c| c.is_ascii_alphabetic())
                && end - start <= 2
            {
                // C++, C#, F#
                j += 1;
                end = j;
                while bytes.get(j) == Some(&b'+') {
                    j += 1;
                    end = j;
                }
                break;
            } else {
                break;
            }
        }
        i = j.max(end);
        let joined = !run.is_empty() && {
            let gap = &view[last_end..start];
            (gap == " " || gap == "\t" || gap == "\u{a0}") && !view[..start].ends_with("  ")
        };
        if !joined && !run.is_empty() {
            each(&run);
            run.clear();
        }
        run.push(Word { span: Span::new(start, end) });
        last_end = end;
    }
    if !run.is_empty() {
        each(&run);
    }
}

/// Words that, when two or more are present, make a long run an English sentence.
const SENTENCE_WORDS: &[&str] = &[
    "the", "is", "are", "was", "were", "we", "you", "i", "it", "this", "that", "be", "will", "can", "not", "have",
    "has", "do", "does", "did", "there", "they", "he", "she", "what", "which", "who", "how", "would", "should",
    "could", "my", "your", "our", "its", "their", "been", "if", "when", "than",
];

/// Units that follow a number.
const UNITS: &[&str] = &[
    "ns", "ms", "us", "s", "sec", "min", "h", "kb", "mb", "gb", "tb", "kib", "mib", "gib", "hz", "khz", "mhz", "ghz",
    "px", "pt", "em", "fps", "w", "kw", "v", "mm", "cm", "km", "nm", "kg", "tflops", "gflops", "flops", "bit", "bits",
    "byte", "bytes", "x", "k", "m", "b", "tokens", "token", "gbps", "mbps", "bp", "kbp", "mbp", "kbps", "ev", "kev",
    "mev", "mah", "ah", "mv", "kv", "ma", "wh", "kwh", "mwh", "bps", "pct", "ppm", "ppb", "m/s", "km/h", "rpm",
];

/// Units of measure that are never terms, even without a number.
const MEASURE_UNITS: &[&str] = &[
    "ns", "ms", "us", "kb", "mb", "gb", "tb", "kib", "mib", "gib", "hz", "khz", "mhz", "ghz", "px", "pt", "fps", "kw",
    "mm", "cm", "km", "nm", "kg", "tflops", "gflops", "gbps", "mbps", "bp", "kbp", "mbp", "kbps", "bps", "pct", "ppm",
    "mah", "kwh", "rpm",
];

const FILE_EXTENSIONS: &[&str] = &[
    "py",
    "rs",
    "md",
    "txt",
    "pdf",
    "json",
    "csv",
    "tsv",
    "html",
    "htm",
    "js",
    "ts",
    "tsx",
    "jsx",
    "yaml",
    "yml",
    "toml",
    "cpp",
    "cc",
    "hpp",
    "h",
    "c",
    "java",
    "go",
    "sh",
    "ipynb",
    "png",
    "jpg",
    "jpeg",
    "svg",
    "gif",
    "zip",
    "gz",
    "tar",
    "tgz",
    "exe",
    "dll",
    "so",
    "xml",
    "ini",
    "cfg",
    "conf",
    "log",
    "sql",
    "db",
    "rb",
    "php",
    "kt",
    "swift",
    "lock",
    "bin",
    "pt",
    "pth",
    "ckpt",
    "onnx",
    "npy",
    "npz",
    "pkl",
    "parquet",
    "wav",
    "mp3",
    "mp4",
    "doc",
    "docx",
    "xls",
    "xlsx",
    "ppt",
    "pptx",
    "whl",
    "css",
    "scss",
    "vue",
    "mjs",
    "cjs",
    "bat",
    "ps1",
    "r",
    "jl",
    "lua",
    "pl",
    "tex",
    "bib",
    "rst",
    "mdx",
    "env",
    "safetensors",
    "gguf",
    "jsonl",
    "h5",
    "tif",
    "webp",
];

const TLDS: &[&str] = &[
    "com", "org", "net", "io", "ai", "cn", "edu", "gov", "dev", "co", "uk", "de", "jp", "info", "me", "app", "tech",
    "xyz", "cc", "tv", "us", "hk", "tw",
];

/// Suffixes after a dot that make a name, not code: `Node.js`, `ASP.NET`.
const NAME_DOT_SUFFIXES: &[&str] = &["js", "net", "io", "ai", "x"];

fn is_number_like(w: &str) -> bool {
    // 2024, 3.5, 16GB, 400px, 1e-3, 10k, 2x
    if !w.chars().next().map(fold).is_some_and(|c| c.is_ascii_digit() || c == '.' || c == ',') {
        return false;
    }
    // (folding changes only other than ASCII)
    let w: std::borrow::Cow<'_, str> =
        if w.is_ascii() { w.into() } else { w.chars().map(fold).collect::<String>().into() };
    let digits = w.chars().take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',').count();
    if digits == 0 {
        return false;
    }
    let unit = lower(&w[digits..]);
    // 2xx, 4XX: a class of status codes
    if !unit.is_empty() && unit.chars().all(|c| c == 'x') {
        return true;
    }
    unit.is_empty()
        || matches!(
            &*unit,
            "k" | "m"
                | "b"
                | "g"
                | "t"
                | "x"
                | "kb"
                | "mb"
                | "gb"
                | "tb"
                | "pb"
                | "hz"
                | "khz"
                | "mhz"
                | "ghz"
                | "px"
                | "ms"
                | "s"
                | "min"
                | "h"
                | "fps"
                | "w"
                | "kw"
                | "v"
                | "mm"
                | "cm"
                | "km"
                | "nm"
                | "st"
                | "nd"
                | "rd"
                | "th"
                | "bit"
                | "bits"
                | "byte"
                | "bytes"
                | "gib"
                | "mib"
                | "kib"
                | "tib"
                | "pt"
                | "em"
                | "rem"
                | "dpi"
                | "kg"
                | "g/s"
                | "gb/s"
                | "mb/s"
                | "tflops"
                | "gflops"
                | "flops"
                | "ns"
                | "us"
                | "d"
                | "p"
                | "e"
                | "f"
                | "l"
        )
        || unit.starts_with('e') && unit[1..].trim_start_matches('-').chars().all(|c| c.is_ascii_digit())
}

/// Why a word can never be part of a term, if it cannot.
/// The longest English word a term may hold, in bytes; a longer run of letters is not a word.
pub const MAX_WORD: usize = 64;

fn word_is_noise(w: &str, view_after: &str) -> bool {
    if w.len() > MAX_WORD {
        return true;
    }
    // `folded` and `l` have the same byte offsets; `w` may hold full-width letters
    let folded: std::borrow::Cow<'_, str> =
        if w.is_ascii() { w.into() } else { w.chars().map(fold).collect::<String>().into() };
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
    if l.contains('_') {
        return true; // snake_case, x_i: code or math
    }
    if view_after.starts_with("()") {
        return true; // foo(): a call
    }
    if l.len() == 1 && l.chars().all(|c| c.is_ascii_alphabetic()) {
        return true; // a variable
    }
    // x1, w2, h0: variables with an index
    let mut cs = l.chars();
    if let Some(first) = cs.next() {
        let rest = cs.as_str();
        if first.is_ascii_alphabetic() && !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit()) && l.len() <= 3 {
            return true;
        }
    }
    if let Some(dot) = l.rfind('.') {
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
        if parts.len() >= 2
            && parts.iter().all(|p| p.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
            && parts[0].chars().next().is_some_and(|c| c.is_ascii_lowercase())
            && !NAME_DOT_SUFFIXES.contains(&ext)
            && !parts.iter().all(|p| p.len() == 1)
        {
            return true;
        }
    }
    if l.contains('/') && (l.split('/').any(|p| p.contains('.')) || l.split('/').count() > 3) {
        return true; // a path
    }
    if is_id_like(w) {
        return true;
    }
    // version paths and tags: v2, v1.5, v0.10.3
    if l.len() >= 2 && l.starts_with('v') && l[1..].chars().all(|c| c.is_ascii_digit() || c == '.') {
        return true;
    }
    // catalogue numbers: rs7412 (a variant id), CVE-2024-41873
    let letters = l.chars().take_while(|c| c.is_ascii_alphabetic()).count();
    if (1..=3).contains(&letters) && l.len() - letters >= 4 && l[letters..].chars().all(|c| c.is_ascii_digit()) {
        return true;
    }
    let digit_parts = || l.split('-').filter(|p| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit()));
    if digit_parts().any(|p| p.len() >= 4) && digit_parts().map(|p| p.len()).sum::<usize>() >= 6 {
        return true;
    }
    // lowerCamelCase identifiers: useCallback, sideEffects (not iPhone, eBay, macOS)
    let cs = folded.as_bytes();
    if cs.len() >= 5 && cs[0].is_ascii_lowercase() && cs.iter().all(|c| c.is_ascii_alphanumeric()) {
        if let Some(p) = cs.iter().skip(2).position(|c| c.is_ascii_uppercase()).map(|p| p + 2) {
            if cs.get(p + 1).is_some_and(|c| c.is_ascii_lowercase()) {
                return true;
            }
        }
    }
    false
}

/// Base64-, hex- or hash-like tokens.
fn is_id_like(w: &str) -> bool {
    for piece in w.split(['-', '.', '/']) {
        // every test below wants eight characters or more
        if piece.len() < 8 {
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
        if n >= 10 && digits >= 2 && letters >= 2 && transitions >= 4 {
            return true;
        }
        if n >= 8 && digits >= 2 && piece.chars().all(|c| c.is_ascii_hexdigit()) && letters >= 1 {
            return true;
        }
        if n >= 20
            && !piece.chars().all(|c| c.is_ascii_lowercase())
            && piece.chars().filter(|c| c.is_ascii_uppercase()).count() >= 3
            && piece.chars().filter(|c| c.is_ascii_lowercase()).count() >= 3
        {
            return true;
        }
    }
    false
}

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(|c| fold(c).is_ascii_uppercase())
}

/// Pushes the candidates of a run of words; `piece` is a buffer for its words, empty.
fn push_run<'a>(doc: &Document<'a>, run: &[Word], piece: &mut Vec<Word>, out: &mut Vec<Candidate<'a>>) {
    let text = doc.text();
    let view = doc.view();
    let whole = Span::new(run[0].span.start, run[run.len() - 1].span.end);
    // A title in 《》 is kept whole.
    if let Some(t) = doc.title_around(whole) {
        let inner = text[t.range()].trim();
        if &text[whole.range()] == inner && !run.iter().all(|w| is_number_like(&text[w.span.range()])) {
            out.push(Candidate { span: whole, text: &text[whole.range()], title: true });
            return;
        }
    }
    // Cut the run at noise words.
    let n = run.len();
    for (i, w) in run.iter().enumerate() {
        let s = &text[w.span.range()];
        // a single letter inside a run is a word (Type I error, maximum a posteriori), at its
        // end after a name or a possessive too (Mann-Whitney U, Cohen's d)
        let letter = s.chars().count() == 1 && s.chars().all(|c| fold(c).is_ascii_alphabetic());
        let kept_letter = letter
            && n > 1
            && ((i > 0 && i + 1 < n)
                || (i + 1 == n && i > 0 && {
                    let prev = &text[run[i - 1].span.range()];
                    (is_capitalised(prev) && prev.contains('-') || prev.ends_with("'s") || prev.ends_with("’s"))
                        && !piece.is_empty()
                }));
        if !kept_letter && word_is_noise(s, &view[w.span.end..]) {
            flush(text, piece, out);
        } else {
            piece.push(*w);
        }
    }
    flush(text, piece, out);
}

/// `Figure 3`, `Table 2`, `Eq. 5`: pointers into the document, not terms.
fn is_reference_label(text: &str, words: &[Word]) -> bool {
    const LABELS: &[&str] = &[
        "figure",
        "fig",
        "table",
        "tab",
        "section",
        "sec",
        "chapter",
        "ch",
        "eq",
        "equation",
        "appendix",
        "algorithm",
        "step",
        "page",
        "line",
        "example",
        "exercise",
        "listing",
        "part",
        "no",
        "vol",
        "item",
        "note",
    ];
    words.len() == 2
        && LABELS.contains(&lower(&text[words[0].span.range()]).trim_end_matches('.'))
        && text[words[1].span.range()].chars().next().is_some_and(|c| c.is_ascii_digit())
}

fn flush<'a>(text: &'a str, piece: &mut Vec<Word>, out: &mut Vec<Candidate<'a>>) {
    let mut words: &[Word] = piece;
    let s = |w: &Word| &text[w.span.range()];
    // English sentences are not terms.
    static SENTENCE: std::sync::LazyLock<Vec<u64>> = std::sync::LazyLock::new(|| pack_list(SENTENCE_WORDS));
    let sentence_words = words.iter().filter(|w| in_list(&SENTENCE, s(w), false)).count();
    // A name in Title Case may hold such words: Resource Acquisition Is Initialization.
    let title_case = words.len() >= 2 && words.iter().all(|w| is_capitalised(s(w)) || is_function_word(s(w)));
    let sentence = words.len() > MAX_WORDS
        || (words.len() >= 4 && sentence_words >= 2)
        || (words.len() >= 3
            && sentence_words >= 1
            && lower(s(&words[0])) != "the"
            && words
                .iter()
                .any(|w| matches!(lower(s(w)).as_ref(), "is" | "are" | "was" | "were" | "we" | "you" | "it")));
    if sentence && !(title_case && words.len() <= 8) {
        piece.clear();
        return;
    }
    let mut after_number = false;
    loop {
        let Some(first) = words.first() else { break };
        // 100 ns, 8 GB: a unit after a number goes with it
        static UNIT: std::sync::LazyLock<Vec<u64>> = std::sync::LazyLock::new(|| pack_list(UNITS));
        let unit = after_number && in_list(&UNIT, s(first), false);
        if is_function_word(s(first)) || is_number_like(s(first)) || unit {
            after_number = is_number_like(s(first));
            words = &words[1..];
        } else {
            break;
        }
    }
    loop {
        let Some(last) = words.last() else { break };
        let n = words.len();
        // a number ends a name (ICLR 2024, Llama 2) but not an index (GPU 0, layer 3)
        let index = n >= 2 && s(last).len() == 1 && s(&words[n - 2]).chars().all(|c| !c.is_lowercase());
        let drop_number = is_number_like(s(last)) && (n == 1 || !is_capitalised(s(&words[n - 2])) || index);
        if is_function_word(s(last)) || drop_number {
            words = &words[..n - 1];
        } else {
            break;
        }
    }
    if let (Some(first), Some(last)) = (words.first(), words.last()) {
        let mut span = Span::new(first.span.start, last.span.end);
        // a trailing dot ends the sentence, not the term, unless it ends i.i.d.
        let dotted = |t: &str| t.len() >= 3 && t.split('.').all(|p| p.chars().count() <= 1) && t.ends_with('.');
        let with_dot = text[span.end..].starts_with('.') && dotted(&text[span.start..span.end + 1]);
        if with_dot {
            span.end += 1;
        }
        while text[span.range()].ends_with('.') && !with_dot {
            span.end -= 1;
        }
        let t = &text[span.range()];
        let letters = t.chars().filter(|c| c.is_alphabetic()).count();
        // a unit on its own, written in lowercase (数十 kb), is not a term
        let unit = words.len() == 1 && t.chars().all(|c| c.is_ascii_lowercase()) && MEASURE_UNITS.contains(&t);
        if (letters >= 2 || t.ends_with(['+', '#'])) && !is_reference_label(text, words) && !unit {
            out.push(Candidate { span, text: t, title: false });
        }
    }
    piece.clear();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::Markup;

    #[test]
    fn function_words_in_any_case_and_width() {
        let table: &[(&str, bool)] = &[
            ("the", true),
            ("The", true),
            ("ＴＨＥ", true),
            ("etc.", true),
            ("e.g.", true),
            ("e.g", true),
            ("i.e..", true),
            ("theory", false),
            ("hellos", false),
            ("therefore", false),
            ("", false),
            ("de", false),
            ("thé", false),
        ];
        for &(w, want) in table {
            assert_eq!(is_function_word(w), want, "{w}");
        }
    }

    fn found(text: &str, markup: Markup) -> Vec<&str> {
        let doc = Document::new(text, markup);
        let c = candidates(&doc);
        for x in &c {
            assert_eq!(&text[x.span.range()], x.text);
        }
        c.into_iter().map(|c| c.text).collect()
    }

    #[test]
    fn finds_terms() {
        let table: &[(&str, &[&str])] = &[
            ("基于next-token prediction训练", &["next-token prediction"]),
            ("采用 Mixture of Experts 架构", &["Mixture of Experts"]),
            ("RLHF、MoE 与 ACL", &["RLHF", "MoE", "ACL"]),
            ("发布了Llama-3.1模型", &["Llama-3.1"]),
            ("用 Stable Diffusion 3 生成", &["Stable Diffusion 3"]),
            ("发表于 ICLR 2024。", &["ICLR 2024"]),
            ("Hugging Face's Open LLM Leaderboard 上", &["Hugging Face's Open LLM Leaderboard"]),
            ("论文《Attention Is All You Need》提出", &["Attention Is All You Need"]),
            ("Transformer架构", &["Transformer"]),
            ("使用C++和C#", &["C++", "C#"]),
            ("采用 TCP/IP 协议", &["TCP/IP"]),
            ("基于Node.js的服务", &["Node.js"]),
            ("the transformer model.", &["transformer model"]),
            ("GPT-4o(即 Omni)", &["GPT-4o", "Omni"]),
            ("用 2 个 GPUs", &["GPUs"]),
        ];
        for (text, want) in table {
            assert_eq!(found(text, Markup::Markdown), *want, "{text}");
        }
    }

    #[test]
    fn ignores_non_terms() {
        let table: &[&str] = &[
            "访问 https://arxiv.org/abs/2305.10601v2 获取",
            "下载 arxiv2305.pdf 文件",
            "网站 example.com 上",
            "使用 v2 版本",
            "联系 bob@example.org 吧",
            "令牌 a9F3kQ2Zx81LmQ7p 已过期",
            "在 00:42 的时候",
            "共 2024 个，占 35.5%",
            "其中 y 是标签，k 值取 3",
            "变量 x1 和 w2",
            "调用 np.array 与 torch.nn.Module",
            "写在 main.rs 和 setup.py 里",
            "调用 foo() 函数",
            "变量 max_len 很大",
            "This is a sentence that we wrote.",
            "大约 16GB 内存和 400px 宽",
            "位点 rs7412 与 rs429358",
            "漏洞编号 CVE-2024-41873 已公开",
            "调用 useCallback 和 sideEffects",
            "读段可达数十 kb，延迟几 ms",
            "带隙约为 3.2 eV，比容量为 150 mAh g-1，扫速 5 mV s-1",
            "利差收窄了 25 bps，机器人速度为 2 m/s",
            "乱码 aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa 出现了",
        ];
        for text in table {
            assert_eq!(found(text, Markup::Markdown), Vec::<&str>::new(), "{text}");
        }
    }

    #[test]
    fn code_in_markdown_is_not_prose() {
        assert_eq!(found("调用 `tokenizer.encode` 得到 token id", Markup::Markdown), ["token id"]);
    }
}
