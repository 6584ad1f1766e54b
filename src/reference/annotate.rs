//! Completing the glossary's entries from the reference: a standalone English term gets the
//! reference's Chinese when the input uses that Chinese (with a confidence from how near and
//! how often, see [`score`](super::score)), a suggestion when it does not; a term rendered
//! otherwise than the reference gets the reference's term in its note; and a name the
//! reference knows is a name. The mined tier serves the first two, for terms the curated
//! tier lacks, and a pair of its with several senses only where the text shows which
//! (see [`sense`](super::sense)).

use super::fields::Fields;
use super::index::ChineseIndex;
use super::score::{
    COUNTED_OCCURRENCES, ELSEWHERE, MAX_CONFIDENCE, NEARBY, NEARBY_BYTES, PER_OCCURRENCE, SAME_FILE, SAME_PARAGRAPH,
    SAME_PARAGRAPH_BYTES, SPLIT_SENSES,
};
use super::{sense, Reference, ReferenceEntry};
use crate::candidates::is_common_word;
use crate::model::{Category, Entry, InputFacts, ReferenceFact};
use crate::text::chars::in_order;
use crate::text::lexicon::is_function_word;
use crate::text::{is_acronym, key};
use std::collections::{HashMap, HashSet};

/// From this length on, a mistyped term may hold two wrong characters; below it, one.
const LONG_TERM_CHARS: usize = 7;
/// The characters that may differ between a longer term and its near miss.
const LONG_MISS_EDITS: usize = 2;
/// The characters that may differ between a shorter term and its near miss.
const SHORT_MISS_EDITS: usize = 1;
/// Terms of one or two characters differ from other words by a character all the time.
const MIN_MISS_CHARS: usize = 3;
/// A near miss has at most one character more or less than the term.
const MAX_MISS_LENGTH_DIFF: usize = 1;

/// Where one of the reference's Chinese forms occurs: (input, its facts).
type Places<'f> = Vec<(usize, &'f ReferenceFact)>;

/// A form of the reference's Chinese that the input uses: the form, the reference's term, and
/// where it occurs.
type Used<'a> = (&'a str, &'a str, &'a Places<'a>);

/// Completes the entries with what the reference knows: the Chinese of standalone terms
/// when the input uses it, suggestions where it does not, and the standard term where the
/// input renders a term otherwise.
pub(crate) fn annotate(entries: &mut [Entry], reference: &Reference, index: &ChineseIndex, inputs: &[InputFacts]) {
    if reference.is_empty() {
        return;
    }
    // Where each of the reference's Chinese forms occurs: (input, its facts).
    let mut by_chinese: HashMap<&str, Places<'_>> = HashMap::new();
    for (d, input) in inputs.iter().enumerate() {
        for r in &input.reference {
            by_chinese.entry(r.chinese.as_str()).or_default().push((d, r));
        }
    }
    let fields = Fields::new(reference, inputs, &by_chinese);
    for e in entries.iter_mut() {
        // the curated tier, and below it the mined one
        let found = e
            .forms()
            .find_map(|en| reference.get(en))
            .or_else(|| e.forms().find_map(|en| reference.get_mined(en)))
            .or_else(|| sense_used(e, reference, &by_chinese));
        let Some(r) = found.filter(|r| (!by_letters(e, r) || written_as_acronym(e, r)) && !camel_for_word(e, r)) else {
            continue;
        };
        // known by its letters alone, the entry is one sense of several: a text that spells
        // out another full form (Liquidity Provider for LP) means another, and so does one
        // that glosses the acronym itself with a long Chinese of other characters, or outside
        // the entry's field (新加坡金融管理局 for MAS in a text on payments)
        if by_letters(e, r)
            && (spells_another_full_form(e, r)
                || glosses_another_sense(e, r)
                || !e.chinese.is_empty() && !fields.in_field(r, e))
        {
            continue;
        }
        // Github, linux, MYSQL: a name the curated reference spells otherwise is written as
        // it spells it; the text's spelling stays a variant
        if let Some(name) = canonical_spelling(e, r) {
            let written = std::mem::replace(&mut e.english, name.to_owned());
            e.variants.retain(|v| v != name);
            if !e.variants.contains(&written) {
                e.variants.push(written);
            }
        }
        if let Some(c) = r.category {
            if c == Category::Name || e.category == Category::Name {
                e.category = c;
            }
        }
        let Some(preferred) = r.chinese.first() else {
            continue;
        };
        if let Some(first) = e.chinese.first() {
            // a mined pair says nothing against the text's own rendering
            if r.mined.is_some() || r.chinese.contains(first) {
                continue;
            }
            if outweighs_reference(e, first, r, index) {
                e.note = join_note(&e.note, &other_rendering(first, preferred, r, index));
                continue;
            }
            // the text's doubtful Chinese gives way: the reference's is given or suggested
            // below, as for a term the text does not gloss
            e.note = join_note(&e.note, &format!("doubtful gloss in the text: {first}"));
            e.chinese.clear();
            e.confidence = None;
            e.method = None;
        }
        // The forms of the reference's Chinese that the input uses, in the reference's order.
        let mut used: Vec<Used<'_>> = Vec::new();
        for zh in r.chinese.iter().filter(|zh| !keeps_form_in_latin(zh, e)) {
            for &p in index.forms(zh) {
                if let Some(list) = by_chinese.get(index.pattern(p)) {
                    used.push((index.pattern(p), zh, list));
                }
            }
        }
        // a mined pair of a short acronym, or of several senses, only where the text shows
        // its sense; then in that sense
        let mut preferred = preferred;
        if sense::ambiguous(e, r) {
            let places: Vec<(&str, &sense::Places<'_>)> =
                used.iter().map(|&(_, zh, list)| (zh, list.as_slice())).collect();
            match sense::chinese_shown(e, &places) {
                Some(z) => preferred = r.chinese.iter().find(|c| c.as_str() == z).unwrap_or(preferred),
                None if sense::full_form_shown(e, r, inputs) => {}
                None => continue,
            }
        }
        match (!used.is_empty()).then(|| confidence(e, r, &used, inputs)).flatten() {
            Some(confidence) => give(e, &used, confidence),
            // an acronym has many senses (a CV in a hiring notice is a résumé): known by its
            // letters alone, it is suggested only in a text of its field or with its full form
            None if used.is_empty() && by_letters(e, r) && !fields.in_field(r, e) => {}
            // `Node` beside `Node.js`: the short name of a product, not the word
            None if short_name_for_word(e, r, inputs) => {}
            None => {
                e.note = join_note(&e.note, &suggestion(r, preferred));
                e.suggested = Some(preferred.clone());
            }
        }
    }
}

/// For an acronym that the curated reference has in several senses (`GC`: garbage collection,
/// GC content), the one sense whose Chinese an input where the acronym occurs uses (垃圾回收
/// in a text on a runtime), when exactly one's is.
fn sense_used<'r>(
    e: &Entry,
    reference: &'r Reference,
    by_chinese: &HashMap<&str, Places<'_>>,
) -> Option<&'r ReferenceEntry> {
    let senses = e.forms().map(|f| reference.senses(f)).find(|s| !s.is_empty())?;
    let inputs: HashSet<usize> = e.occurrences.iter().map(|o| o.source).collect();
    let shown = |r: &&ReferenceEntry| {
        // (GC含量 keeps the acronym: the Chinese of a longer term, no sign of the sense)
        r.chinese
            .iter()
            .filter(|z| !keeps_form_in_latin(z, e))
            .any(|z| by_chinese.get(z.as_str()).is_some_and(|list| list.iter().any(|(d, _)| inputs.contains(d))))
    };
    let mut used = senses.into_iter().filter(shown);
    match (used.next(), used.next()) {
        (Some(r), None) => Some(r),
        _ => None,
    }
}

/// Whether the Chinese `zh` holds one of the entry's forms as a Latin word beside Chinese
/// characters (KL 散度 for KL): it is the Chinese of a longer term that keeps the entry's
/// English and adds to it, not the entry's own.
fn keeps_form_in_latin(zh: &str, e: &Entry) -> bool {
    zh.chars().any(crate::text::chars::is_cjk)
        && zh.split(|c: char| !c.is_ascii_alphanumeric() && !matches!(c, '-' | '.' | '+' | '#')).any(|w| {
            !w.is_empty() && w.bytes().any(|b| b.is_ascii_alphabetic()) && e.forms().any(|f| f.eq_ignore_ascii_case(w))
        })
}

/// The note suggesting the reference's Chinese: `suggested: 卷积神经网络`, or for the mined
/// tier `suggested (mined, 12 documents): 谷歌云平台`.
fn suggestion(r: &ReferenceEntry, preferred: &str) -> String {
    match r.mined {
        None => format!("suggested: {preferred}"),
        Some(1) => format!("suggested (mined, 1 document): {preferred}"),
        Some(n) => format!("suggested (mined, {n} documents): {preferred}"),
    }
}

/// Whether the entry matches the reference entry `r` by an acronym only, none of its forms
/// being `r`'s English.
fn by_letters(e: &Entry, r: &ReferenceEntry) -> bool {
    let full = key(&r.english);
    e.forms().all(|f| key(f) != full)
}

/// A full form shares at least this share of its words with another of the same sense
/// (`independently and identically distributed`, `independent and identically distributed`).
const SAME_SENSE_WORDS: f32 = 0.5;

/// Two words of full forms are one when their first this many letters are (`independent`,
/// `independently`).
const FULL_FORM_STEM: usize = 5;

/// Whether the entry's English is a full form (it has an acronym) of another sense than the
/// reference's English of the same letters: they share too few words
/// ([`SAME_SENSE_WORDS`]), each word known by its first letters (`Liquidity Provider` and
/// `linear programming`, both LP).
fn spells_another_full_form(e: &Entry, r: &ReferenceEntry) -> bool {
    if e.abbreviation.is_none() {
        return false;
    }
    let stems = |s: &str| -> HashSet<String> {
        s.split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| w.len() >= 3 && !is_function_word(w))
            .map(|w| w[..w.len().min(FULL_FORM_STEM)].to_ascii_lowercase())
            .collect()
    };
    let (a, b) = (stems(&e.english), stems(&r.english));
    let shared = a.intersection(&b).count();
    (shared as f32) < SAME_SENSE_WORDS * a.len().min(b.len()) as f32
}

/// The curated reference's spelling of a name that the entry writes in other capitals, spaces
/// or hyphens (`Github` GitHub, `MYSQL` MySQL, `linux` Linux): the reference's English
/// is a name with capitals and the same letters. (A term keeps the text's capitals: a
/// heading's `Virtual DOM` is no misspelling.) A word in small letters may be the word, not
/// the name: one of general English (`express`, `spring`), or any beside a name in capitals
/// (`clip`, not CLIP).
fn canonical_spelling<'r>(e: &Entry, r: &'r ReferenceEntry) -> Option<&'r str> {
    let letters =
        |s: &str| -> String { s.chars().filter(|c| !matches!(c, ' ' | '-')).flat_map(char::to_lowercase).collect() };
    let capitals = |s: &str| s.chars().any(|c| c.is_uppercase());
    (r.mined.is_none()
        && r.category == Some(Category::Name)
        && capitals(&r.english)
        && r.english != e.english
        && letters(&r.english) == letters(&e.english)
        && (capitals(&e.english) || !is_common_word(&e.english) && !is_acronym(&r.english)))
    .then_some(r.english.as_str())
}

/// A gloss this long shares a character with the reference's Chinese when both render one
/// sense: a doubtful gloss cut short or run on shares some (网络配置 for NAT's 网络地址转换) or
/// is short (期 for TTL).
const MIN_OTHER_SENSE_CHARS: usize = 4;

/// Whether the text glosses an acronym known by its letters alone with a Chinese of another
/// sense: long ([`MIN_OTHER_SENSE_CHARS`]) and with no character of the reference's (MAS:
/// 新加坡金融管理局 against 多智能体系统).
fn glosses_another_sense(e: &Entry, r: &ReferenceEntry) -> bool {
    e.chinese.first().is_some_and(|g| {
        g.chars().count() >= MIN_OTHER_SENSE_CHARS && !r.chinese.iter().any(|z| z.chars().any(|c| g.contains(c)))
    })
}

/// Whether a form matched by its letters is written as the reference's acronym: in the same
/// case, or in capitals (`IOU` for IoU); `Mac` is not MAC, `md` is not MD.
fn written_as_acronym(e: &Entry, r: &ReferenceEntry) -> bool {
    let Some(a) = r.abbreviation.as_deref() else { return true };
    e.forms().any(|f| {
        let f = f.strip_suffix('s').filter(|s| key(s) == key(a)).unwrap_or(f);
        f == a || f.len() > 1 && !f.bytes().any(|b| b.is_ascii_lowercase())
    })
}

/// Whether the entry is written only in CamelCase (`RedShift`) where the reference's English
/// is a word in lowercase (`redshift`): the capitals inside make a product's name, not the
/// word's.
fn camel_for_word(e: &Entry, r: &ReferenceEntry) -> bool {
    let camel = |f: &str| f.as_bytes().windows(2).any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase());
    !r.english.contains(' ') && !r.english.bytes().any(|b| b.is_ascii_uppercase()) && e.forms().all(|f| camel(f))
}

/// Whether the entry is written only with a capital and small letters after it (`Node`)
/// where the reference's English is one word in lowercase (`node`), and the inputs write a
/// name made of it and a dotted ending (`Node.js`): the capital makes it that name's short
/// form (inside Chinese prose no sentence opens with it).
fn short_name_for_word(e: &Entry, r: &ReferenceEntry, inputs: &[InputFacts]) -> bool {
    let capitalised = |f: &str| {
        let mut c = f.chars();
        c.next().is_some_and(|c| c.is_ascii_uppercase()) && c.all(|c| c.is_ascii_lowercase())
    };
    let dotted = |f: &str, name: &str| {
        f.strip_prefix(name)
            .and_then(|rest| rest.strip_prefix('.'))
            .is_some_and(|end| !end.is_empty() && end.bytes().all(|b| b.is_ascii_alphabetic()))
    };
    r.english.bytes().all(|b| b.is_ascii_lowercase())
        && e.forms().all(|f| capitalised(f))
        && inputs.iter().any(|i| i.forms.iter().any(|f| e.forms().any(|n| dotted(&f.text, n))))
}

/// Below this confidence a rendering the text gives once (or twice: each repetition adds a
/// little) is doubtful: the aligner weighed it against other readings of the sentence.
/// (judged samples of machine-translated articles: of such renderings that the curated
/// reference renders otherwise, about three in four were wrong or cut short: 网络配置 for
/// NAT, 期 for TTL, 成本 for TCO)
const DOUBTFUL_GLOSS_CONFIDENCE: f32 = 0.75;

/// Whether the text's rendering `first` of an entry stands against the curated reference's
/// other Chinese: it does unless it is doubtful (below [`DOUBTFUL_GLOSS_CONFIDENCE`], the
/// entry's only rendering) and unlike every rendering of the reference: not one's characters
/// in order with some left out (拒绝服务 of 拒绝服务攻击) or put in (持续自动集成 for 持续集成), a
/// near miss or another word order of one.
fn outweighs_reference(e: &Entry, first: &str, r: &ReferenceEntry, index: &ChineseIndex) -> bool {
    let doubtful = e.chinese.len() == 1 && e.confidence.is_some_and(|c| c < DOUBTFUL_GLOSS_CONFIDENCE);
    !doubtful
        || r.chinese.iter().any(|z| {
            in_order(first.chars(), z.chars())
                || in_order(z.chars(), first.chars())
                || near_miss(first, z)
                || index.forms(z).iter().any(|&p| index.pattern(p) == first)
        })
}

/// The note for an entry whose first rendering `first` is not one of the reference's: the
/// reference's term in another word order, a near miss of it, or its preferred term.
fn other_rendering(first: &str, preferred: &str, r: &ReferenceEntry, index: &ChineseIndex) -> String {
    let reordered = r.chinese.iter().find(|z| index.forms(z).iter().any(|&p| index.pattern(p) == first));
    match (reordered, r.chinese.iter().find(|z| near_miss(first, z))) {
        (Some(z), _) => format!("reference: {z} (word order)"),
        (None, Some(z)) => format!("reference: {z} (near miss)"),
        (None, None) => format!("reference: {preferred}"),
    }
}

/// How sure the entry can be given the reference's Chinese that the input uses; `None` when
/// the English is ambiguous and the Chinese is not close enough to tell.
fn confidence(e: &Entry, r: &ReferenceEntry, used: &[Used<'_>], inputs: &[InputFacts]) -> Option<f32> {
    // How close the English and the Chinese come: the same paragraph, the same file.
    let forms: Vec<&str> = e.forms().map(String::as_str).collect();
    // each input that uses the Chinese, and what it records of it
    let uses = || used.iter().flat_map(|(_, _, list)| list.iter());
    let close = |d: usize, f: &ReferenceFact, limit: usize| {
        f.near.iter().any(|&(fi, at)| at <= limit && forms.contains(&inputs[d].forms[fi].text.as_str()))
    };
    let near = |limit: usize| uses().any(|&(d, f)| close(d, f, limit));
    let same_file = used.iter().any(|(_, _, list)| {
        list.iter().any(|&(d, _)| {
            let i = e.occurrences.partition_point(|o| o.source < d);
            e.occurrences.get(i).is_some_and(|o| o.source == d)
        })
    });
    let count = uses().map(|(_, f)| f.count).sum::<usize>();
    // A single word or an acronym has many senses (PDF, join, Limits): its Chinese must
    // be close by, in the same paragraph; a multi-word term may be anywhere in the input.
    // (names the reference knows are not ambiguous: 英伟达 is NVIDIA wherever it stands)
    let single = !e.english.contains([' ', '-']);
    let ambiguous = r.category != Some(Category::Name) && (single || e.category == Category::Abbreviation);
    if ambiguous && !near(SAME_PARAGRAPH_BYTES) {
        return None;
    }
    let mut confidence: f32 = if near(SAME_PARAGRAPH_BYTES) {
        SAME_PARAGRAPH
    } else if near(NEARBY_BYTES) {
        NEARBY
    } else if same_file {
        SAME_FILE
    } else {
        ELSEWHERE
    };
    confidence += PER_OCCURRENCE * (count.min(COUNTED_OCCURRENCES) as f32);
    // an ambiguous term that most of the inputs using it use with no such Chinese close by
    // may mean something else in them (CV: cross-validation in some, computer vision in
    // others): its Chinese is a likely one, no more
    if ambiguous {
        let mut near_inputs: Vec<usize> =
            uses().filter(|&&(d, f)| close(d, f, SAME_PARAGRAPH_BYTES)).map(|&(d, _)| d).collect();
        near_inputs.sort_unstable();
        near_inputs.dedup();
        let using = e.occurrences.chunk_by(|a, b| a.source == b.source).count();
        if near_inputs.len() * 2 < using {
            confidence = confidence.min(SPLIT_SENSES);
        }
    }
    Some(confidence)
}

/// Gives the entry the forms of the reference's Chinese that the input uses.
fn give(e: &mut Entry, used: &[Used<'_>], confidence: f32) {
    e.chinese = Vec::new();
    let plain = |s: &str| s.chars().map(crate::text::fold).filter(|c| !c.is_whitespace()).collect::<String>();
    // a spacing or width variant is the same term: written as the input writes it most
    let mut places: Vec<usize> = Vec::new();
    // 学习机器 beside 机器学习: another order of the reference's term where the input writes
    // its own order too is a slip of word order (a machine's, most often), not a rendering
    let own: Vec<String> = used.iter().filter(|(f, z, _)| plain(f) == plain(z)).map(|(_, z, _)| plain(z)).collect();
    for (form, zh, list) in used {
        if plain(form) != plain(zh) && own.contains(&plain(zh)) {
            continue;
        }
        let count: usize = list.iter().map(|(_, f)| f.count).sum();
        match e.chinese.iter().position(|c| plain(c) == plain(form)) {
            Some(i) if count > places[i] => {
                e.chinese[i] = form.to_string();
                places[i] = count;
            }
            Some(_) => {}
            None => {
                e.chinese.push(form.to_string());
                places.push(count);
            }
        }
        // another order is worth a note
        if plain(form) != plain(zh) {
            e.note = join_note(&e.note, &format!("reference: {zh} (word order)"));
        }
    }
    e.method = Some(crate::Method::Reference);
    e.confidence = Some(confidence.min(MAX_CONFIDENCE));
}

/// Whether `a` looks like a mistyped or reworded `b`: one character different (two in a
/// longer term), never the same: `卷积神精网络` for `卷积神经网络`, not `汇聚` for `池化`.
fn near_miss(a: &str, b: &str) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    let limit = if la.min(lb) >= LONG_TERM_CHARS { LONG_MISS_EDITS } else { SHORT_MISS_EDITS };
    a != b
        && la.min(lb) >= MIN_MISS_CHARS
        && la.abs_diff(lb) <= MAX_MISS_LENGTH_DIFF
        && strsim::levenshtein(a, b) <= limit
}

fn join_note(note: &str, add: &str) -> String {
    if note.is_empty() {
        add.to_string()
    } else {
        format!("{note}; {add}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_misses() {
        let table: &[(&str, &str, bool)] = &[
            ("卷积神精网络", "卷积神经网络", true),
            ("卷积神经网路", "卷积神经网络", true),
            ("循环神经网络", "卷积神经网络", false), // another term, two characters apart
            ("汇聚", "池化", false),
            ("过拟合", "过拟合", false),
            ("注意力", "注意", false),
            ("长短期记忆网络", "长短时记忆网络络", true),
        ];
        for (a, b, want) in table {
            assert_eq!(near_miss(a, b), *want, "{a} / {b}");
        }
    }
}
