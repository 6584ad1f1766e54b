//! Lists about English words.
