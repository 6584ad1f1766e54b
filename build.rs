//! Compiles the segmenter's dictionary into the form it is searched in, so that a program
//! starts with it ready instead of reading 349,000 words each time it starts.
//!
//! The dictionary is the one jieba-rs ships (its `src/data/dict.txt`, MIT licensed), read
//! from jieba-rs's sources where Cargo unpacked them: `TERMBRIDGE_SEGMENTER_DICT` names the
//! file, or the version of jieba-rs in `Cargo.lock` is looked for in Cargo's registry
//! (`$CARGO_HOME/registry/src/*/jieba-rs-VERSION/`) and in a `vendor/` folder beside the
//! lock. Found, it becomes `$OUT_DIR/dictionary.bin` and the crate is compiled with
//! `cfg(termbridge_compiled_dictionary)`; not found, the crate loads the same dictionary
//! through jieba-rs when a segmenter is built, with the same results, more slowly (and the
//! build fails instead where `TERMBRIDGE_REQUIRE_COMPILED_DICTIONARY` is set).
//!
//! The form (little-endian; see `src/segment/compiled.rs`, which reads it): a trie whose
//! nodes are numbered breadth first, so that the children of a node are consecutive and
//! sorted by character, and a child is found by a binary search among its siblings.
//!
//! ```text
//! magic "TBDICT01"
//! u32 nodes N (node 0 is the root), u32 frequencies F, u32 tags T, u64 total frequency
//! [u32; 65536]  the node of each first character (0: none)
//! [u32; N + 1]  the first child of each node; the children of n are first[n]..first[n + 1]
//! [u16; N]      the character into each node
//! [u16; N]      0, or 1 + the index of the node's word's frequency
//! [u8; N]       the index of the node's word's part of speech
//! [u32; F]      the frequencies
//! T × (u8 length, bytes)  the parts of speech
//! ```

use std::collections::HashMap;
use std::env;
use std::fs;
use std::path::{Path, PathBuf};

/// The characters a first character is looked up among directly.
const ROOT_CHARS: usize = 1 << 16;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(termbridge_compiled_dictionary)");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=TERMBRIDGE_SEGMENTER_DICT");
    println!("cargo::rerun-if-env-changed=CARGO_HOME");
    println!("cargo::rerun-if-env-changed=TERMBRIDGE_REQUIRE_COMPILED_DICTIONARY");
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("Cargo sets OUT_DIR"));
    let compiled = find_dictionary()
        .ok_or_else(|| "the segmenter's dictionary was not found among jieba-rs's sources".to_string())
        .and_then(|path| {
            println!("cargo::rerun-if-changed={}", path.display());
            let text = fs::read_to_string(&path).map_err(|e| format!("could not read {}: {e}", path.display()))?;
            compile(&text).map_err(|e| format!("{}: {e}", path.display()))
        });
    match compiled {
        Ok(bytes) => {
            fs::write(out.join("dictionary.bin"), bytes).expect("OUT_DIR is writable");
            println!("cargo::rustc-cfg=termbridge_compiled_dictionary");
        }
        // (continuous integration sets it, so that it tests the compiled dictionary)
        Err(e) if env::var_os("TERMBRIDGE_REQUIRE_COMPILED_DICTIONARY").is_some() => {
            panic!("{e}, and TERMBRIDGE_REQUIRE_COMPILED_DICTIONARY is set")
        }
        Err(e) => println!("cargo::warning={e}; the dictionary will be loaded when a segmenter is built"),
    }
}

/// The dictionary file of the jieba-rs that `Cargo.lock` names (see the module docs).
fn find_dictionary() -> Option<PathBuf> {
    if let Some(path) = env::var_os("TERMBRIDGE_SEGMENTER_DICT") {
        return Some(PathBuf::from(path));
    }
    let manifest = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR")?);
    let (lock_dir, version) = manifest.ancestors().find_map(|dir| {
        let lock = fs::read_to_string(dir.join("Cargo.lock")).ok()?;
        println!("cargo::rerun-if-changed={}", dir.join("Cargo.lock").display());
        Some((dir.to_path_buf(), locked_version(&lock, "jieba-rs")?))
    })?;
    let in_crate = |dir: &Path| dir.join("src").join("data").join("dict.txt");
    let vendored = in_crate(&lock_dir.join("vendor").join("jieba-rs"));
    if vendored.is_file() {
        return Some(vendored);
    }
    let home = env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))?;
    let registries = fs::read_dir(home.join("registry").join("src")).ok()?;
    let mut found: Vec<PathBuf> = registries
        .flatten()
        .map(|r| in_crate(&r.path().join(format!("jieba-rs-{version}"))))
        .filter(|p| p.is_file())
        .collect();
    found.sort();
    found.into_iter().next()
}

/// The version of package `name` in the text of a `Cargo.lock`.
fn locked_version(lock: &str, name: &str) -> Option<String> {
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == format!("name = \"{name}\"") {
            let version = lines.next()?.trim().strip_prefix("version = \"")?.strip_suffix('"')?;
            return Some(version.to_string());
        }
    }
    None
}

/// A word of the dictionary file.
struct Word<'a> {
    word: &'a str,
    freq: u32,
    tag: &'a str,
}

/// The compiled form of the dictionary `text` (`word frequency tag` lines).
fn compile(text: &str) -> Result<Vec<u8>, String> {
    let mut words = Vec::new();
    let mut total: u64 = 0;
    for (n, line) in text.lines().enumerate() {
        let mut fields = line.split_ascii_whitespace();
        let Some(word) = fields.next() else { continue };
        let freq = match fields.next() {
            Some(f) => f.parse::<u32>().map_err(|e| format!("line {}: frequency {f:?}: {e}", n + 1))?,
            None => 0,
        };
        let tag = fields.next().unwrap_or("");
        if word.chars().any(|c| c as usize >= ROOT_CHARS || c == '\0') {
            return Err(format!("line {}: a character outside the Basic Multilingual Plane", n + 1));
        }
        total += u64::from(freq);
        words.push(Word { word, freq, tag });
    }

    // the trie, nodes numbered as made; a word given twice keeps its last line
    let mut children: HashMap<(u32, char), u32> = HashMap::with_capacity(words.len() * 3 / 2);
    let mut made_word: Vec<Option<usize>> = vec![None];
    for (i, w) in words.iter().enumerate() {
        let mut node = 0u32;
        for c in w.word.chars() {
            let next = made_word.len() as u32;
            node = *children.entry((node, c)).or_insert_with(|| next);
            if node == next {
                made_word.push(None);
            }
        }
        made_word[node as usize] = Some(i);
    }
    let mut kids: Vec<Vec<(char, u32)>> = vec![Vec::new(); made_word.len()];
    for (&(parent, c), &child) in &children {
        kids[parent as usize].push((c, child));
    }
    for k in &mut kids {
        k.sort_unstable();
    }

    // numbered breadth first: the children of a node are consecutive, in character order
    let n = made_word.len();
    let mut order: Vec<(u32, char)> = Vec::with_capacity(n);
    order.push((0, '\0'));
    let mut first = Vec::with_capacity(n + 1);
    let mut at = 0;
    while at < order.len() {
        first.push(order.len() as u32);
        let (made, _) = order[at];
        order.extend(kids[made as usize].iter().map(|&(c, child)| (child, c)));
        at += 1;
    }
    first.push(n as u32);

    let mut freqs: Vec<u32> = words.iter().map(|w| w.freq).collect();
    freqs.sort_unstable();
    freqs.dedup();
    if freqs.len() >= usize::from(u16::MAX) {
        return Err(format!("{} distinct frequencies, more than the form holds", freqs.len()));
    }
    let mut tags: Vec<&str> = words.iter().map(|w| w.tag).collect();
    tags.sort_unstable();
    tags.dedup();
    if tags.len() > usize::from(u8::MAX) || tags.iter().any(|t| t.len() > usize::from(u8::MAX)) {
        return Err("too many parts of speech, or one too long".to_string());
    }

    let mut out = Vec::with_capacity(n * 13 + ROOT_CHARS * 4);
    out.extend_from_slice(b"TBDICT01");
    for v in [n as u32, freqs.len() as u32, tags.len() as u32] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(&total.to_le_bytes());
    let mut root = vec![0u32; ROOT_CHARS];
    for (id, &(_, c)) in order.iter().enumerate().skip(1).take_while(|(id, _)| *id < first[1] as usize) {
        root[c as usize] = id as u32;
    }
    for v in root.iter().chain(&first) {
        out.extend_from_slice(&v.to_le_bytes());
    }
    for &(_, c) in &order {
        out.extend_from_slice(&(c as u16).to_le_bytes());
    }
    for &(made, _) in &order {
        let freq = made_word[made as usize]
            .map_or(0, |i| 1 + freqs.binary_search(&words[i].freq).expect("a listed frequency"));
        out.extend_from_slice(&(freq as u16).to_le_bytes());
    }
    for &(made, _) in &order {
        let tag = made_word[made as usize].map_or(0, |i| tags.binary_search(&words[i].tag).expect("a listed tag"));
        out.push(tag as u8);
    }
    for f in &freqs {
        out.extend_from_slice(&f.to_le_bytes());
    }
    for t in &tags {
        out.push(t.len() as u8);
        out.extend_from_slice(t.as_bytes());
    }
    Ok(out)
}
