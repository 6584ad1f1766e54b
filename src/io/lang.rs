//! Language tags for the outputs that name their languages (TBX `xml:lang`), and the
//! direction of the two-column formats (OmegaT, DeepL).
//!
//! Tags are BCP 47 (RFC 5646): checked for well-formedness (the shape of each subtag and
//! their order), not against the IANA registry, so that a new region or variant works. The
//! English side's tag must name English and the Chinese side's Chinese: a termbase whose
//! English terms say `fr` would be read back with no English at all.

use crate::model::Glossary;
use crate::text::ScriptCount;
use std::fmt;
use std::str::FromStr;

/// A well-formed BCP 47 language tag (`en`, `en-US`, `zh-Hans`, `zh-Hant-TW`, `zh-CN`).
///
/// ```
/// use termbridge::LanguageTag;
/// let tag: LanguageTag = "zh-Hant-TW".parse()?;
/// assert_eq!((tag.as_str(), tag.primary().as_str()), ("zh-Hant-TW", "zh"));
/// assert!("zh_CN".parse::<LanguageTag>().is_err());
/// # Ok::<(), String>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct LanguageTag(String);

impl LanguageTag {
    /// The tag as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Its primary language subtag, lowercased (`zh` for `zh-Hant-TW`).
    pub fn primary(&self) -> String {
        self.0.split('-').next().unwrap_or("").to_ascii_lowercase()
    }

    /// `zh-Hant` when the glossary's Chinese (its renderings and context sentences) is
    /// written in Traditional characters (most of the characters that differ between the two
    /// forms are Traditional ones), else `zh-Hans`.
    ///
    /// ```
    /// let extractor = termbridge::Extractor::builder().build()?;
    /// let glossary = extractor.extract("我們使用檢索增強生成（Retrieval-Augmented Generation，RAG）來減少幻覺。");
    /// assert_eq!(termbridge::LanguageTag::chinese_of(&glossary).as_str(), "zh-Hant");
    /// let glossary = extractor.extract("我们使用检索增强生成（Retrieval-Augmented Generation，RAG）来减少幻觉。");
    /// assert_eq!(termbridge::LanguageTag::chinese_of(&glossary).as_str(), "zh-Hans");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn chinese_of(glossary: &Glossary) -> LanguageTag {
        let mut count = ScriptCount::default();
        for entry in &glossary.entries {
            entry.chinese.iter().for_each(|zh| count.add(zh));
            count.add(&entry.context);
        }
        LanguageTag(if count.is_traditional() { "zh-Hant" } else { "zh-Hans" }.to_string())
    }
}

impl fmt::Display for LanguageTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for LanguageTag {
    type Err = String;

    /// ```
    /// use termbridge::LanguageTag;
    /// assert_eq!("zh-Hant-TW".parse::<LanguageTag>().unwrap().as_str(), "zh-Hant-TW");
    /// assert!("zh_CN".parse::<LanguageTag>().unwrap_err().contains("\"zh_CN\""));
    /// ```
    fn from_str(s: &str) -> Result<LanguageTag, String> {
        match problem(s) {
            None => Ok(LanguageTag(s.to_string())),
            Some(why) => {
                Err(format!("{s:?} is not a BCP 47 language tag: {why} (for example en-US, zh-Hans, zh-Hant-TW)"))
            }
        }
    }
}

/// Where each subtag of a tag may stand, in order.
#[derive(Clone, Copy, PartialEq, PartialOrd)]
enum Place {
    Language,
    Extlang,
    Script,
    Region,
    Variant,
    Extension,
}

/// Why `tag` is not a well-formed BCP 47 tag, if it is not.
fn problem(tag: &str) -> Option<String> {
    if tag.is_empty() {
        return Some("it is empty".into());
    }
    let alpha = |s: &str| s.bytes().all(|b| b.is_ascii_alphabetic());
    let digit = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let mut subtags = tag.split('-');
    let first = subtags.next().unwrap_or("");
    if !(alpha(first) && (2..=8).contains(&first.len())) {
        return Some(format!("the language {first:?} must be 2 to 8 letters"));
    }
    let mut place = Place::Language;
    let mut extlangs = 0;
    for sub in subtags {
        if sub.is_empty() || sub.len() > 8 || !sub.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Some(format!("the subtag {sub:?} must be 1 to 8 letters or digits"));
        }
        if sub.eq_ignore_ascii_case("x") || place == Place::Extension {
            // a private-use part or an extension's subtags: anything of 1 to 8 characters
            place = Place::Extension;
            continue;
        }
        let (len, starts_with_digit) = (sub.len(), sub.as_bytes()[0].is_ascii_digit());
        let next = if len == 3 && alpha(sub) && place == Place::Language && first.len() <= 3 && extlangs < 3 {
            extlangs += 1;
            Place::Extlang
        } else if len == 4 && alpha(sub) && place < Place::Script {
            Place::Script
        } else if ((len == 2 && alpha(sub)) || (len == 3 && digit(sub))) && place < Place::Region {
            Place::Region
        } else if (5..=8).contains(&len) || (len == 4 && starts_with_digit) {
            Place::Variant
        } else if len == 1 {
            Place::Extension
        } else {
            return Some(format!("the subtag {sub:?} is out of place"));
        };
        place = next;
    }
    None
}

/// The language tags of the two sides of the glossary, written as TBX `xml:lang`.
///
/// ```
/// use termbridge::Languages;
/// let both = Languages::new("en-GB".parse()?, "zh-Hant".parse()?)?;
/// assert_eq!(both.target.as_str(), "zh-Hant");
/// assert_eq!(Languages::default().target.as_str(), "zh-Hans");
/// // the English side must be English, the Chinese side Chinese
/// assert!(Languages::new("ja".parse()?, "zh-Hans".parse()?).is_err());
/// # Ok::<(), String>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Languages {
    /// The English side (`en` by default).
    pub source: LanguageTag,
    /// The Chinese side (`zh-Hans` by default).
    pub target: LanguageTag,
}

impl Languages {
    /// Both tags, checked: the source must be English and the target Chinese.
    pub fn new(source: LanguageTag, target: LanguageTag) -> Result<Languages, String> {
        if source.primary() != "en" {
            return Err(format!(
                "the source language {:?} is not English: the terms are English, give en or en-US",
                source.as_str()
            ));
        }
        if target.primary() != "zh" {
            return Err(format!(
                "the target language {:?} is not Chinese: the renderings are Chinese, give zh-Hans or zh-Hant",
                target.as_str()
            ));
        }
        Ok(Languages { source, target })
    }
}

impl Default for Languages {
    fn default() -> Languages {
        Languages { source: LanguageTag("en".into()), target: LanguageTag("zh-Hans".into()) }
    }
}

/// Which language the two-column formats (OmegaT, DeepL) put first.
///
/// ```
/// use termbridge::{Direction, Entry, Format, Glossary, WriteOptions};
/// let mut rag = Entry::new("RAG");
/// rag.chinese = vec!["检索增强生成".into()];
/// let glossary = Glossary::from_entries(vec![rag]);
/// let direction: Direction = "zh-en".parse()?;
/// let options = WriteOptions { direction, ..WriteOptions::default() };
/// let mut tsv = Vec::new();
/// glossary.write(Format::Tsv, options, &mut tsv)?;
/// assert_eq!(String::from_utf8(tsv)?, "检索增强生成\tRAG\t\n");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Direction {
    /// English source, Chinese target.
    #[default]
    EnZh,
    /// Chinese source, English target: the columns swapped.
    ZhEn,
}

impl FromStr for Direction {
    type Err = String;

    fn from_str(s: &str) -> Result<Direction, String> {
        match s.to_ascii_lowercase().as_str() {
            "en-zh" => Ok(Direction::EnZh),
            "zh-en" => Ok(Direction::ZhEn),
            _ => Err(format!("unknown direction {s:?}; use en-zh or zh-en")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn well_formed_tags() {
        let table = [
            ("en", true),
            ("en-US", true),
            ("en-GB-oxendict", true),
            ("zh-Hans", true),
            ("zh-Hant-TW", true),
            ("zh-yue-HK", true),
            ("zh-CN", true),
            ("zh-419", true),
            ("en-US-x-termbase", true),
            ("en-a-bbb-x-a-ccc", true),
            ("", false),
            ("e", false),
            ("zh_CN", false),
            ("zh-", false),
            ("zh--Hans", false),
            ("zh-Hans-Hant", false),
            ("zh-US-CN", false),
            ("en-toolongsubtag", false),
            ("中文", false),
            ("en US", false),
            ("1en", false),
        ];
        for (tag, ok) in table {
            assert_eq!(tag.parse::<LanguageTag>().is_ok(), ok, "{tag:?}");
        }
    }

    #[test]
    fn sides_must_be_english_and_chinese() {
        let tag = |s: &str| s.parse::<LanguageTag>().unwrap();
        assert!(Languages::new(tag("en-US"), tag("zh-Hant-HK")).is_ok());
        assert!(Languages::new(tag("fr"), tag("zh")).unwrap_err().contains("\"fr\""));
        assert!(Languages::new(tag("en"), tag("ja")).unwrap_err().contains("\"ja\""));
    }

    #[test]
    fn directions() {
        assert_eq!("zh-en".parse(), Ok(Direction::ZhEn));
        assert_eq!("EN-ZH".parse(), Ok(Direction::EnZh));
        assert!("en".parse::<Direction>().unwrap_err().contains("en-zh or zh-en"));
    }
}
