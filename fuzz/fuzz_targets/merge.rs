//! Merging two glossaries read from arbitrary CSV: never a panic, never a lost English or note.
#![no_main]

use libfuzzer_sys::fuzz_target;
use termbridge::Glossary;

fuzz_target!(|data: &[u8]| {
    let mid = data.len() / 2;
    let (Ok(mut old), Ok(new)) =
        (Glossary::from_csv_reader("old.csv", &data[..mid]), Glossary::from_csv_reader("new.csv", &data[mid..]))
    else {
        return;
    };
    let before: Vec<(String, String)> = old.entries().iter().map(|e| (e.english.clone(), e.note.clone())).collect();
    old.update(new);
    for (english, note) in before {
        assert!(
            old.entries().iter().any(|e| e.english == english && (note.is_empty() || e.note == note)),
            "lost {english:?} / {note:?}"
        );
    }
});
