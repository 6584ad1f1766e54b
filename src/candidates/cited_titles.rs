//! Titles of works listed with where they appeared: a line or an item of a list that opens
//! with an English title in Title Case and names a venue and a year after it (`- Deep
//! Networks for Fast Search, Revisited. SIGIR 2023 [一种…]`, `Robust Ranking with Noisy Labels
//! RecSys 2021`). The title is one name, whatever commas, colons or acronyms cut it into
//! (`Learn Less, Recall More: …` gives no `Learn Less` and no `Recall More`); the venue is a
//! name of its own, and so is a one-word name before the subtitle (`FastRank: …`); the year is
//! no part of any.

use super::Candidate;
use crate::model::Span;
use crate::normalize::{Document, HARD, MARK};
use crate::text::chars::is_cjk;
use crate::text::lexicon::is_function_word;

/// A cited title has at least this many words: fewer before a venue and a year are a name
/// with its edition (`Windows Server 2016`).
const MIN_TITLE_WORDS: usize = 4;

/// Words in small letters that are no function words a title in Title Case may hold
/// (`Context Bias aware Recommendation`), per this many words.
const WORDS_PER_LOWERCASE: usize = 5;

/// A venue has at least this many capitals (`KDD`, `RecSys`, `NeurIPS`), unless a period
/// ends the title before it (`… Recommendation. www 2022`).
const MIN_VENUE_CAPITALS: usize = 2;

/// The title and the venue of each line of `view` that cites a work so, in text order.
fn cited_titles(view: &str) -> Vec<(Span, Span)> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in view.split_inclusive('\n') {
        if let Some((title, venue)) = cited_in_line(line) {
            out.push((shifted(title, offset), shifted(venue, offset)));
        }
        offset += line.len();
    }
    out
}

/// `s` moved `by` bytes on.
fn shifted(s: Span, by: usize) -> Span {
    Span::new(s.start + by, s.end + by)
}

/// The title and the venue that `line` cites, spans in the line.
fn cited_in_line(line: &str) -> Option<(Span, Span)> {
    // (a list's marker or a number before the title)
    let marker =
        |c: char| matches!(c, ' ' | '\t' | '-' | '*' | '+' | '>') || c == char::from(HARD) || c == char::from(MARK);
    let body = line.trim_start_matches(marker);
    let body = body.trim_start_matches(|c: char| c.is_ascii_digit()).trim_start_matches(['.', ')', ' ']);
    let start = line.len() - body.len();
    if !body.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let (venue, year_end) = venue_and_year(body)?;
    // (the year ends the English: a remark in Chinese or in brackets may follow)
    if !body[year_end..].trim_start().chars().next().is_none_or(|c| is_cjk(c) || "[【(（)）,.;".contains(c)) {
        return None;
    }
    // (the venue in brackets: `… in Linear Time (KDD 2020)`)
    let title = body[..venue.start].trim_end_matches(['(', '（', ' ']);
    let period = title.ends_with('.');
    let title = title.trim_end_matches(['.', ',', ' ']);
    let venue_text = &body[venue.range()];
    let capitals = venue_text.bytes().filter(u8::is_ascii_uppercase).count();
    // (all of it prose: no link's target, code or markup inside)
    let prose = || !title.bytes().any(|b| b == HARD || b == MARK);
    if capitals < MIN_VENUE_CAPITALS && !period || title.chars().any(is_cjk) || !prose() || !is_title_case(title) {
        return None;
    }
    Some((Span::new(start, start + title.len()), shifted(venue, start)))
}

/// The first venue before a year in `body`, and where the year ends: a word of letters (and
/// digits) right before a year of this century or the last, a space between.
fn venue_and_year(body: &str) -> Option<(Span, usize)> {
    let b = body.as_bytes();
    let mut i = 0;
    while let Some(p) = body[i..].find(' ') {
        let space = i + p;
        let year = &b[space + 1..];
        let is_year = year.len() >= 4
            && (year.starts_with(b"19") || year.starts_with(b"20"))
            && year[..4].iter().all(u8::is_ascii_digit)
            && year.get(4).is_none_or(|c| !c.is_ascii_alphanumeric());
        if is_year {
            let word_start = body[..space]
                .char_indices()
                .rfind(|(_, c)| !c.is_ascii_alphanumeric())
                .map_or(0, |(q, c)| q + c.len_utf8());
            let word = &body[word_start..space];
            if word.bytes().any(|c| c.is_ascii_alphabetic()) && word_start > 0 {
                return Some((Span::new(word_start, space), space + 5));
            }
        }
        i = space + 1;
    }
    None
}

/// Whether `title` is in Title Case: [`MIN_TITLE_WORDS`] words at least, each capitalised or
/// a function word, a few in small letters aside.
fn is_title_case(title: &str) -> bool {
    let words: Vec<&str> = title.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).collect();
    let lowercase = words
        .iter()
        .filter(|w| !w.starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit()) && !is_function_word(w))
        .count();
    words.len() >= MIN_TITLE_WORDS && lowercase * WORDS_PER_LOWERCASE <= words.len()
}

/// Makes each cited title of `view` one candidate of a title, and its venue one of its own:
/// the candidates that overlap either are dropped.
pub(super) fn join_cited_titles<'a>(doc: &Document<'a>, out: &mut Vec<Candidate<'a>>) {
    let (text, cited) = (doc.text(), cited_titles(doc.view()));
    if cited.is_empty() {
        return;
    }
    // (the lines in text order: the first whose venue ends after the candidate starts is the
    // only one it may overlap)
    let overlaps = |c: &Candidate<'_>| {
        let i = cited.partition_point(|(_, v)| v.end <= c.span.start);
        cited.get(i).is_some_and(|(t, _)| t.start < c.span.end)
    };
    out.retain(|c| !overlaps(c));
    for (title, venue) in cited {
        let whole = &text[title.range()];
        // (the name of the work before its subtitle is a name of its own: `FairGAN: …`)
        if let Some(name) = whole.split_once(": ").map(|(n, _)| n).filter(|n| !n.contains(' ')) {
            let span = Span::new(title.start, title.start + name.len());
            out.push(Candidate { span, text: name, title: false });
        }
        out.push(Candidate { span: title, text: whole, title: true });
        out.push(Candidate { span: venue, text: &text[venue.range()], title: false });
    }
    out.sort_by_key(|c| c.span.start);
}

#[cfg(test)]
mod tests {
    use super::super::found_in_markdown;

    #[test]
    fn a_title_cited_with_its_venue_and_year_is_one_name() {
        let text = "## 论文\n\n\
                    - Learn Less, Recall More: Sparse Memory for Long Sessions. WWW 2023 [稀疏记忆]\n\
                    - Robust Ranking with Noisy Implicit Labels RecSys 2021【带噪声的隐式标签】\n\
                    - FastRank: Ranking Items in Linear Time (KDD 2020)\n\
                    - Graph Priors for Cold-start Items. www 2022\n";
        assert_eq!(
            found_in_markdown(text),
            [
                "Learn Less, Recall More: Sparse Memory for Long Sessions",
                "WWW",
                "Robust Ranking with Noisy Implicit Labels",
                "RecSys",
                "FastRank",
                "FastRank: Ranking Items in Linear Time",
                "KDD",
                "Graph Priors for Cold-start Items",
                "www",
            ]
        );
    }

    #[test]
    fn a_name_with_its_edition_or_a_sentence_is_no_cited_title() {
        for line in [
            "- Windows Server 2016 发布了\n",
            "- 我们在 KDD 2019 上发表了 Deep Search\n",
            "- we moved everything to the new cluster in June 2021\n",
            "- Deep Search for Fast Retrieval in NeurIPS 2019 demos\n",
            "GPU服务器机箱需要双插槽服务器CPU、256 GB ECC DRAM 2024 年上市\n",
            "Fast Deep Search for Retrieval，见NeurIPS 2019\n",
            "Fast Deep Search for Retrieval\u{1f}\u{1f}\u{1f} Video ITT 2015\n",
        ] {
            assert!(super::cited_in_line(line).is_none(), "{line}");
        }
    }
}
