//! The last resort for a term's Chinese: an entry that neither the text nor the reference
//! gives Chinese takes the Chinese composed of its words' Chinese that the inputs write (see
//! the `compose` module of `align`, which finds it in each input), the most frequent when
//! several are written, with a lower confidence and its words in the note.

use super::Reference;
use crate::model::{Category, Entry, InputFacts};
use crate::Method;
use std::collections::HashMap;

/// How sure a composed Chinese is: each word's Chinese is known and the input writes them
/// together, but no one says that they render this term (below the 0.8 of a sure gloss).
pub const COMPOSED_CONFIDENCE: f32 = 0.7;

/// Gives each entry without Chinese, whose English the reference does not know and that is
/// a term (not a name, not an acronym), the composed Chinese its forms have in `inputs`.
pub(crate) fn compose(entries: &mut [Entry], reference: &Reference, inputs: &[InputFacts]) {
    // the composed Chinese of each form: (Chinese, its words) → how often, over all inputs
    let mut by_form: HashMap<&str, Vec<(&str, &str, usize)>> = HashMap::new();
    for c in inputs.iter().flat_map(|i| &i.composed) {
        let list = by_form.entry(c.english.as_str()).or_default();
        match list.iter_mut().find(|(z, _, _)| *z == c.chinese) {
            Some(found) => found.2 += c.count,
            None => list.push((&c.chinese, &c.words, c.count)),
        }
    }
    if by_form.is_empty() {
        return;
    }
    for e in entries.iter_mut() {
        if !e.chinese.is_empty() || e.category != Category::Term || e.method.is_some() {
            continue;
        }
        if e.forms().any(|f| reference.get(f).is_some() || reference.get_mined(f).is_some()) {
            continue;
        }
        let mut counts: Vec<(&str, &str, usize)> = Vec::new();
        for (z, words, n) in e.forms().filter_map(|f| by_form.get(f.as_str())).flatten() {
            match counts.iter_mut().find(|(c, _, _)| c == z) {
                Some(found) => found.2 += n,
                None => counts.push((z, words, *n)),
            }
        }
        // the most frequent; of as frequent, the first in Chinese order, whatever the inputs' order
        let Some(&(z, words, _)) = counts.iter().max_by(|a, b| a.2.cmp(&b.2).then_with(|| b.0.cmp(a.0))) else {
            continue;
        };
        e.chinese = vec![z.to_string()];
        e.method = Some(Method::Composed);
        e.confidence = Some(COMPOSED_CONFIDENCE);
        let note = format!("composed: {words}");
        e.note = if e.note.is_empty() { note } else { format!("{}; {note}", e.note) };
    }
}
