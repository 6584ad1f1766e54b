//! Lists about Chinese words.
