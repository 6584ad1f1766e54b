//! One TBX concept read into a glossary entry.
//!
//! Per concept: the terms of the language sections whose `xml:lang` is English (`en`, `en-US`,
//! …) and Chinese (`zh`, `zh-CN`, `zh-Hans`, …), in document order. The first English term is
//! `english` (the first one not marked as an abbreviation, if the concept has one); another
//! English term becomes `abbreviation` when it is marked as one (`termType` `abbreviation`,
//! `acronym` or `initialism`, in a `termNote`, a `descrip`, a DCT `termType` element or the
//! `termType: abbreviation` note older termbridge versions wrote), or, when no term is marked so, when it
//! looks like an acronym of `english` and `english` is not an acronym itself. The other English
//! terms are `variants`; every Chinese term goes to `chinese`.
//!
//! The concept's `note` elements of the form `key: value` that termbridge writes restore the
//! fields `category`, `frequency`, `score`, `confidence`, `method`, `source`, `context` and `note`;
//! in a file whose header says termbridge wrote it, other `key: value` notes are the extra
//! columns (`status: deleted`); all other notes (and values that cannot be read) are joined
//! into `note` with `; `. Without a `category` note an entry is an [`Category::Abbreviation`]
//! when its English is an acronym with no full form, else a [`Category::Term`]. Concepts
//! without an English term are skipped; terms and notes are trimmed.
//!
//! A concept all of whose terms are deprecated (`administrativeStatus`
//! `deprecatedTerm-admn-sts`, as termbridge marks a deleted entry and TBX-Basic tools mark a
//! term not to be used) is a tombstone: without a `status` column of its own it gets
//! `status` = `deleted`, so that merging new extractions keeps it out.

use super::element::Element;
use super::DEPRECATED;
use crate::model::{Category, Entry};
use crate::text::{abbreviates, is_acronym};
use serde::de::IntoDeserializer;
use serde::Deserialize;
use std::collections::HashSet;

/// The primary language subtag of `lang`, lowercased.
fn primary(lang: &str) -> String {
    lang.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase()
}

fn is_english(lang: &str) -> bool {
    matches!(primary(lang).as_str(), "en" | "eng")
}

fn is_chinese(lang: &str) -> bool {
    matches!(primary(lang).as_str(), "zh" | "zho" | "chi" | "cmn")
}

/// A term with the `termType` its section gives, if any.
struct Term {
    text: String,
    term_type: Option<String>,
    /// Its `administrativeStatus` says not to use it.
    deprecated: bool,
}

impl Term {
    fn is_abbreviation(&self) -> bool {
        self.term_type
            .as_deref()
            .is_some_and(|t| matches!(t.to_ascii_lowercase().as_str(), "abbreviation" | "acronym" | "initialism"))
    }
}

/// The `termType` of a term section: a `termNote` or `descrip` of that type, a DCT
/// `termType` element, or a `termType: …` note.
fn term_type(section: &Element) -> Option<String> {
    section.descendants().into_iter().find_map(|e| {
        let value = match e.name.as_str() {
            "termNote" | "descrip" if e.attr("type") == Some("termType") => e.text(),
            "termType" => e.text(),
            "note" => e.text().strip_prefix("termType:")?.trim().to_string(),
            _ => return None,
        };
        Some(value).filter(|v| !v.is_empty())
    })
}

/// Whether a term section's `administrativeStatus` (a `termNote`, or a DCT element) says the
/// term is deprecated.
fn is_deprecated(section: &Element) -> bool {
    section.descendants().into_iter().any(|e| {
        let status = match e.name.as_str() {
            "termNote" if e.attr("type") == Some("administrativeStatus") => e.text(),
            "administrativeStatus" => e.text(),
            _ => return false,
        };
        status.eq_ignore_ascii_case(DEPRECATED)
    })
}

/// The terms of a language section (`langSec`/`langSet`), in order.
fn terms(lang_section: &Element) -> Vec<Term> {
    lang_section
        .children_named(&["termSec", "tig", "ntig"])
        .filter_map(|section| {
            let text = section.descendant("term")?.text();
            (!text.is_empty()).then(|| Term { text, term_type: term_type(section), deprecated: is_deprecated(section) })
        })
        .collect()
}

/// Parses a value of a serde enum named in lowercase (`Category`, `Method`).
fn parse_enum<'de, T: Deserialize<'de>>(value: &str) -> Option<T> {
    let de: serde::de::value::StrDeserializer<'_, serde::de::value::Error> = value.into_deserializer();
    T::deserialize(de).ok()
}

/// Restores the field `key` of `entry` from a `key: value` note; false if `key` is not one
/// or `value` cannot be read.
fn restore(entry: &mut Entry, category: &mut Option<Category>, key: &str, value: &str) -> bool {
    match key {
        "category" => parse_enum(value).map(|c| *category = Some(c)).is_some(),
        "frequency" => value.parse().map(|f| entry.frequency = f).is_ok(),
        "score" => {
            value.parse::<f32>().ok().filter(|s| (0.0..=1.0).contains(s)).map(|s| entry.score = Some(s)).is_some()
        }
        "confidence" => {
            value.parse::<f32>().ok().filter(|c| (0.0..=1.0).contains(c)).map(|c| entry.confidence = Some(c)).is_some()
        }
        "method" => parse_enum(value).map(|m| entry.method = Some(m)).is_some(),
        "source" => {
            entry.source = value.to_string();
            true
        }
        "context" => {
            entry.context = value.to_string();
            true
        }
        _ => false,
    }
}

/// The fields restored from `key: value` notes.
const KNOWN: [&str; 8] = ["category", "frequency", "score", "confidence", "method", "source", "context", "note"];

/// The entry of a concept element; `None` without an English term. `ours`: the file was
/// written by termbridge, whose other `key: value` notes are extra columns.
pub(super) fn entry(concept: &Element, ours: bool) -> Option<Entry> {
    let mut english: Vec<Term> = Vec::new();
    let mut chinese: Vec<String> = Vec::new();
    // terms seen, so that a concept of many terms is read in linear time
    let mut seen: HashSet<(bool, String)> = HashSet::new();
    let mut all_deprecated = true;
    for section in concept.children_named(&["langSec", "langSet"]) {
        let lang = section.lang().unwrap_or("");
        if is_english(lang) {
            for t in terms(section) {
                all_deprecated &= t.deprecated;
                if seen.insert((true, t.text.clone())) {
                    english.push(t);
                }
            }
        } else if is_chinese(lang) {
            for t in terms(section) {
                all_deprecated &= t.deprecated;
                if seen.insert((false, t.text.clone())) {
                    chinese.push(t.text);
                }
            }
        }
    }
    let head = english.iter().position(|t| !t.is_abbreviation()).unwrap_or(0);
    if english.is_empty() {
        return None;
    }
    let head = english.remove(head);
    let full_form = !head.is_abbreviation();
    let abbreviation = english
        .iter()
        .position(|t| full_form && t.is_abbreviation())
        .or_else(|| {
            let marked = english.iter().any(Term::is_abbreviation);
            (!marked && !is_acronym(&head.text))
                .then(|| {
                    english
                        .iter()
                        .position(|t| t.term_type.is_none() && is_acronym(&t.text) && abbreviates(&t.text, &head.text))
                })
                .flatten()
        })
        .map(|i| english.remove(i).text);

    let mut entry = Entry::new(head.text);
    entry.chinese = chinese;
    entry.abbreviation = abbreviation;
    entry.variants = english.into_iter().map(|t| t.text).collect();
    let mut category = None;
    let mut seen: Vec<String> = Vec::new();
    let mut others: Vec<String> = Vec::new();
    for note in concept.children_named(&["note"]) {
        let text = note.text();
        if text.is_empty() {
            continue;
        }
        if let Some((key, value)) = text.split_once(':') {
            let (key, value) = (key.trim(), value.trim());
            if key == "note" {
                others.push(value.to_string());
                continue;
            }
            if !seen.iter().any(|k| k == key) && restore(&mut entry, &mut category, key, value) {
                seen.push(key.to_string());
                continue;
            }
            if ours && !key.is_empty() && !KNOWN.contains(&key) && !entry.extra.contains_key(key) {
                entry.extra.insert(key.to_string(), value.to_string());
                continue;
            }
        }
        others.push(text);
    }
    entry.note = others.join("; ");
    term_context(concept, &mut entry);
    let has_status = entry.extra.keys().any(|k| k.trim().eq_ignore_ascii_case("status") || k.trim() == "状态");
    if all_deprecated && !has_status {
        entry.extra.insert("status", "deleted");
    }
    entry.category = category.unwrap_or(if entry.abbreviation.is_none() && is_acronym(&entry.english) {
        Category::Abbreviation
    } else {
        Category::Term
    });
    Some(entry)
}

/// The context sentence and its source where TBX-Basic puts them, on a term (`descrip` of
/// type `context`, `admin` of type `source`), unless the concept's notes gave them: the
/// first of each.
fn term_context(concept: &Element, entry: &mut Entry) {
    if !entry.context.is_empty() && !entry.source.is_empty() {
        return;
    }
    let (mut context, mut source) = (None, None);
    for e in concept.descendants() {
        match (e.name.as_str(), e.attr("type")) {
            ("descrip", Some("context")) if context.is_none() => context = Some(e.text()),
            ("admin", Some("source")) if source.is_none() => source = Some(e.text()),
            _ => {}
        }
    }
    if entry.context.is_empty() {
        entry.context = context.unwrap_or_default();
    }
    if entry.source.is_empty() {
        entry.source = source.unwrap_or_default();
    }
}
