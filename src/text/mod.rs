//! The bottom floor: characters, merge keys, acronyms, word lists and the string matcher
//! that every stage shares. Nothing here knows about documents, glossaries or stages.

pub(crate) mod acronym;
pub(crate) mod chars;
pub(crate) mod key;
pub(crate) mod lexicon;
pub(crate) mod matcher;
pub(crate) mod script;

pub(crate) use acronym::{abbreviates, is_acronym};
pub(crate) use chars::{fold, is_cjk};
pub(crate) use key::key;
pub(crate) use script::ScriptCount;
