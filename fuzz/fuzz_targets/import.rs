//! Reading glossaries (CSV, TBX, partials) from arbitrary bytes (seeded with real termbases
//! and partials, which libFuzzer mutates): an error naming a line or a glossary, never a
//! panic; what is read writes back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use termbridge::{Glossary, ImportError, Partial};

/// A reading error names the line.
fn names_a_line<T>(read: &Result<T, ImportError>) {
    if let Err(e) = read {
        assert!(matches!(e, ImportError::Format { line, .. } if *line >= 1), "no line: {e}");
    }
}

fuzz_target!(|data: &[u8]| {
    let csv = Glossary::from_csv_reader("fuzz.csv", data);
    names_a_line(&csv);
    if let Ok(g) = csv {
        let mut out = Vec::new();
        g.write_csv(&mut out).expect("CSV is written");
        let back = Glossary::from_csv_reader("back.csv", out.as_slice()).expect("our CSV reads back");
        assert_eq!(back.len(), g.len());
        let _ = g.write_tbx(Vec::new());
    }
    let tbx = Glossary::from_tbx_reader("fuzz.tbx", data);
    names_a_line(&tbx);
    if let Ok(g) = tbx {
        let mut out = Vec::new();
        if g.write_tbx(&mut out).is_ok() {
            let back = Glossary::from_tbx_reader("back.tbx", out.as_slice()).expect("our TBX reads back");
            assert_eq!(back.len(), g.len());
        }
    }
    names_a_line(&Partial::read_jsonl("fuzz.jsonl", data));
});
