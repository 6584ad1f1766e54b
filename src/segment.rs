//! The one wrapper around the segmenter (jieba-rs).
