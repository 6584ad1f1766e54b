//! Reading glossaries (CSV, TBX, partials) from arbitrary bytes: an error or a glossary,
//! never a panic; what is read writes back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use termbridge::{Glossary, Partial};

fuzz_target!(|data: &[u8]| {
    if let Ok(g) = Glossary::from_csv_reader("fuzz.csv", data) {
        let mut out = Vec::new();
        g.write_csv(&mut out).expect("CSV is written");
        let back = Glossary::from_csv_reader("back.csv", out.as_slice()).expect("our CSV reads back");
        assert_eq!(back.len(), g.len());
        let _ = g.write_tbx(Vec::new());
    }
    if let Ok(g) = Glossary::from_tbx_reader("fuzz.tbx", data) {
        let _ = g.write_tbx(Vec::new());
    }
    let _ = Partial::read_jsonl("fuzz.jsonl", data);
});
