//! How sure the glossary is of a standalone term's reference Chinese: the nearer the
//! English and the Chinese occur, and the more often the Chinese occurs, the surer.

use crate::model::facts::NEAR;

/// The English and its Chinese in the same paragraph: the author is likely pairing them.
pub(super) const SAME_PARAGRAPH_BYTES: usize = 300;
/// The English and its Chinese a few paragraphs apart: as far as the facts record
/// nearness ([`NEAR`]).
pub(super) const NEARBY_BYTES: usize = 3000;
const _: () = assert!(NEARBY_BYTES <= NEAR);

/// Confidence when the Chinese occurs in the same paragraph as the English.
pub(super) const SAME_PARAGRAPH: f32 = 0.75;
/// Confidence when the Chinese occurs a few paragraphs from the English.
pub(super) const NEARBY: f32 = 0.65;
/// Confidence when the Chinese occurs only elsewhere in a file where the English occurs.
pub(super) const SAME_FILE: f32 = 0.55;
/// Confidence when the Chinese occurs only in other inputs.
pub(super) const ELSEWHERE: f32 = 0.45;

/// What each occurrence of the Chinese adds: an author who writes it often uses it.
pub(super) const PER_OCCURRENCE: f32 = 0.02;
/// Occurrences beyond this many add nothing more.
pub(super) const COUNTED_OCCURRENCES: usize = 10;
/// The most confidence of an ambiguous term (an acronym, a word) whose reference Chinese is
/// close by in fewer than half of the inputs that use it: below what a reader may take as
/// sure (0.8), since the others may use it in another sense.
pub(super) const SPLIT_SENSES: f32 = 0.7;
/// Chinese that the text does not pair with the English itself is never nearly certain.
pub(super) const MAX_CONFIDENCE: f32 = 0.9;
