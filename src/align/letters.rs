//! An acronym's Chinese against its letters. A list of as many items as the acronym has
//! letters, written before it, is its Chinese whole (`原子性、一致性、隔离性和持久性（ACID）`,
//! `创建、读取、更新和删除（CRUD）`): each item renders a letter. A Chinese of far fewer words
//! than letters renders a piece of it or something else (`有目的的不安全和易受攻击的 Android
//! 应用程序（PIIVA）` gives no `Android 应用程序`; `大科技（FAANG）` lists no five companies): no
//! Chinese is better than a wrong one. One word may be a name said as a word (`东盟` for
//! ASEAN, `纳斯达克` for NASDAQ) and stays.

use super::words::is_stop;
use crate::segment::Tagged;

/// An acronym of this many letters or more may stand for a list written out before it.
const MIN_LISTED_LETTERS: usize = 3;

/// An item of such a list has at most this many characters (`隔离性`, `访问控制`).
const MAX_ITEM_CHARS: usize = 6;

/// Words that join the last item of a list to the others.
const LAST_JOINTS: [&str; 5] = ["和", "与", "及", "以及", "或"];

/// Where the list before `end` starts that has as many items as `letters`, each of a few
/// characters, joined by `、` (the last by `和` or `、`): `words` are the words of the text
/// from `start` to `end`, in order. The first item is cut from the words before it to the
/// length of the shortest other item (`满足原子性` gives `原子性`).
pub(super) fn listed_start(words: &[Tagged<'_>], start: usize, letters: usize) -> Option<usize> {
    if letters < MIN_LISTED_LETTERS {
        return None;
    }
    // each word with where it starts
    let mut at = start;
    let placed: Vec<(usize, &Tagged<'_>)> = words
        .iter()
        .map(|w| {
            let p = at;
            at += w.word.len();
            (p, w)
        })
        .collect();
    // (an item may be a verb of the stop list: 执行 in 规划、执行、复盘; not a function word)
    let content = |w: &Tagged<'_>| {
        w.word.chars().all(crate::text::chars::is_cjk)
            && !matches!(w.tag.as_bytes().first(), Some(b'c' | b'p' | b'u' | b'r' | b'y' | b'e'))
    };
    // the items after the first, from the last, each closed by the joint before it
    let mut items: Vec<usize> = Vec::new();
    let mut current: Option<usize> = None;
    let mut commas = 0;
    let mut k = placed.len();
    while k > 0 && items.len() + 1 < letters {
        let w = placed[k - 1].1;
        k -= 1;
        if w.word == "、" || items.is_empty() && LAST_JOINTS.contains(&w.word) {
            let chars = current.take().filter(|&n| n <= MAX_ITEM_CHARS)?;
            items.push(chars);
            commas += usize::from(w.word == "、");
        } else if content(w) {
            current = Some(current.unwrap_or(0) + w.word.chars().count());
        } else {
            return None;
        }
    }
    if items.len() + 1 != letters || commas == 0 {
        return None;
    }
    // the first item: words from the right until as long as the shortest other
    let shortest = items.iter().copied().min()?;
    let mut chars = 0;
    while k > 0 && chars < shortest {
        let (p, w) = placed[k - 1];
        if !content(w) {
            return None;
        }
        chars += w.word.chars().count();
        k -= 1;
        if chars >= shortest {
            // (a list with more items than letters is no acronym's: `传感器监控、事件监控、电源控制和局域网串行（SOL）`)
            return (!placed[..k].iter().any(|(_, w)| w.word == "、")).then_some(p);
        }
    }
    None
}

/// An acronym of this many letters or more asks its Chinese for words enough.
pub(super) const MIN_COUNTED_LETTERS: usize = 5;

/// A Chinese of several words renders at most this many letters of an acronym a word.
const MAX_LETTERS_PER_WORD: usize = 2;

/// Whether a Chinese of `words` has too few of them for an acronym of `letters` letters: two
/// words or more, each standing for more than [`MAX_LETTERS_PER_WORD`] letters, or one word
/// that is no proper name (`应用程序`; `东盟` names ASEAN as a word).
pub(super) fn too_few_words(words: &[Tagged<'_>], letters: usize) -> bool {
    if letters < MIN_COUNTED_LETTERS {
        return false;
    }
    let mut content = words.iter().filter(|w| w.word.chars().any(char::is_alphanumeric) && !is_stop(w.word, w.tag));
    match (content.next(), content.clone().count()) {
        (None, _) => false,
        (Some(w), 0) => !matches!(w.tag, "nr" | "nrt" | "nrfg" | "ns" | "nt" | "nz" | "j" | "eng"),
        (Some(_), more) => letters > MAX_LETTERS_PER_WORD * (more + 1),
    }
}
