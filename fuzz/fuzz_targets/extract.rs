//! Extraction on arbitrary bytes (decoded as the command line decodes them) and strings, in
//! both markups: never a panic, and every occurrence slices the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use termbridge::{input, Extractor, Markup, Source};

fn extractor() -> &'static Extractor {
    static E: OnceLock<Extractor> = OnceLock::new();
    E.get_or_init(|| Extractor::builder().build().expect("the extractor builds"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(decoded) = input::decode(std::path::Path::new("fuzz"), data.to_vec(), None) else { return };
    let text = decoded.text;
    for markup in [Markup::Markdown, Markup::Plain] {
        let g = extractor().extract_sources(&[Source { name: "fuzz", text: &text, markup }]);
        for e in g.entries() {
            for o in &e.occurrences {
                assert!(text.get(o.span.range()).is_some(), "occurrence {:?} does not slice the input", o.span);
            }
        }
        let mut out = Vec::new();
        g.write_csv(&mut out).expect("CSV is written");
    }
});
