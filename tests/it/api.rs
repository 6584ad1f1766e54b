//! The public API as a library user meets it: what it promises beyond extraction itself.

use termbridge::input::{Encoding, ReadOptions};
use termbridge::{Entry, Extractor, Glossary, Markup, Source};

/// Regression: an occurrence's `source` once indexed the inputs sorted by name, so slicing
/// the caller's inputs with it read the wrong text, or panicked when that text was shorter.
#[test]
fn occurrences_index_the_callers_inputs() {
    let extractor = Extractor::builder().build().unwrap();
    let long = "我们先介绍检索增强生成（Retrieval-Augmented Generation，RAG），再讨论它的代价与局限。";
    let sources = [
        Source { name: "z.md", text: "RAG 很好。", markup: Markup::Markdown },
        Source { name: "a.md", text: long, markup: Markup::Markdown },
        Source { name: "m.md", text: "又提到 RAG 了。", markup: Markup::Plain },
    ];
    let glossary = extractor.extract_sources(&sources);
    assert_eq!(glossary.sources(), ["z.md", "a.md", "m.md"]);
    let rag = glossary.get("RAG").unwrap();
    let mut seen = [false; 3];
    for o in &rag.occurrences {
        let text = sources[o.source].text;
        let found = text.get(o.span.range()).unwrap_or_else(|| panic!("{:?} does not slice {}", o.span, o.source));
        assert!(rag.forms().any(|f| f == found), "{found:?} in {}", sources[o.source].name);
        seen[o.source] = true;
    }
    assert_eq!(seen, [true; 3]);
    // the same glossary whatever the order, but for the order of the names
    let mut reversed = sources;
    reversed.reverse();
    let other = extractor.extract_sources(&reversed);
    assert_eq!(other.sources(), ["m.md", "a.md", "z.md"]);
    assert_eq!(other.entries().len(), glossary.entries().len());
    for (a, b) in glossary.entries().iter().zip(other.entries()) {
        assert_eq!((&a.english, &a.chinese, a.frequency, &a.source), (&b.english, &b.chinese, b.frequency, &b.source));
    }
}

#[test]
fn occurrences_of_files_index_the_expanded_paths() {
    let dir = tempfile::tempdir().unwrap();
    let (b, a) = (dir.path().join("b.md"), dir.path().join("a.md"));
    std::fs::write(&b, "RAG 很好。").unwrap();
    std::fs::write(&a, "检索增强生成（Retrieval-Augmented Generation，RAG）很好。").unwrap();
    let extractor = Extractor::builder().build().unwrap();
    let glossary = extractor.extract_paths(&[b.clone(), a.clone()], &ReadOptions::new()).unwrap();
    assert_eq!(glossary.sources(), [b.display().to_string(), a.display().to_string()]);
    let texts = [std::fs::read_to_string(&b).unwrap(), std::fs::read_to_string(&a).unwrap()];
    for o in &glossary.get("RAG").unwrap().occurrences {
        assert!(texts[o.source].get(o.span.range()).is_some_and(|s| s.contains("R")));
    }
}

/// Extracting once, letting go of the segmenter before deciding, gives the same glossary.
#[test]
fn extracting_once_gives_the_glossary_of_extract_paths() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let paths = [dir.to_path_buf()];
    let extractor = Extractor::builder().build().unwrap();
    let want = extractor.extract_paths(&paths, &ReadOptions::new()).unwrap();
    assert!(want.len() > 10);
    assert_eq!(extractor.extract_paths_once(&paths, &ReadOptions::new()).unwrap(), want);
}

#[test]
fn read_options_count_every_input_and_name_an_encoding() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [("a.md", "注意力（attention）"), ("b.txt", "丢弃法（dropout）"), ("c.md", "")] {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let done = std::sync::atomic::AtomicUsize::new(0);
    let tick = || {
        done.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    };
    let extractor = Extractor::builder().build().unwrap();
    let options = ReadOptions::new().encoding(Encoding::for_label("utf-8").unwrap()).progress(&tick);
    let glossary = extractor.extract_paths(&[dir.path().to_path_buf()], &options).unwrap();
    assert_eq!(done.load(std::sync::atomic::Ordering::Relaxed), 3);
    assert_eq!(glossary.get("dropout").unwrap().chinese, ["丢弃法"]);
    // GB18030 bytes named as UTF-8 are an error naming the file
    std::fs::write(dir.path().join("d.md"), [0xd6, 0xd0, 0xce, 0xc4]).unwrap();
    let err = extractor.extract_paths(&[dir.path().to_path_buf()], &options).unwrap_err();
    assert!(err.to_string().contains("d.md: not valid UTF-8 at byte 0"), "{err}");
}

#[test]
fn a_glossary_built_and_filtered_by_hand() {
    let mut a = Entry::new("dropout");
    a.chinese = vec!["丢弃法".into()];
    let mut g = Glossary::from_entries(vec![a, Entry::new("epoch"), Entry::new("GPU")]);
    assert_eq!(g.len(), 3);
    g.retain(|e| e.english != "epoch");
    assert_eq!(g.entries().iter().map(|e| e.english.as_str()).collect::<Vec<_>>(), ["dropout", "GPU"]);
    let mut csv = Vec::new();
    g.write_csv(&mut csv).unwrap();
    let back = Glossary::from_csv_reader("g.csv", csv.as_slice()).unwrap();
    assert_eq!(back.get("dropout").unwrap().chinese, ["丢弃法"]);
    assert_eq!(back.into_entries().len(), 2);
}

#[test]
fn public_types_are_send_and_sync() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Extractor>();
    send_sync::<Glossary>();
    send_sync::<Entry>();
    send_sync::<termbridge::Partial>();
    send_sync::<termbridge::Reference>();
    send_sync::<termbridge::Finding>();
    send_sync::<termbridge::BuildError>();
    send_sync::<termbridge::InputError>();
    send_sync::<termbridge::ImportError>();
    send_sync::<termbridge::ExportError>();
    send_sync::<Encoding>();
    send_sync::<ReadOptions<'static>>();
}

/// Regression: a link from a folder to itself (`ln -s . self`) made reading a folder loop
/// until memory ran out, and a file reached by two paths was read (and counted) twice.
#[cfg(unix)]
#[test]
fn links_back_to_a_folder_are_read_once_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("docs");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(sub.join("a.md"), "检索增强生成（Retrieval-Augmented Generation，RAG）很好。").unwrap();
    std::os::unix::fs::symlink(".", sub.join("self")).unwrap();
    std::os::unix::fs::symlink("..", sub.join("up")).unwrap();
    std::os::unix::fs::symlink("a.md", sub.join("b.md")).unwrap();
    let warnings = std::sync::Mutex::new(Vec::new());
    let warn = |m: &str| warnings.lock().unwrap().push(m.to_string());
    let options = ReadOptions::new().warnings(&warn);
    let files = termbridge::input::expand(&[dir.path().to_path_buf(), sub.join("a.md")], &options).unwrap();
    assert_eq!(files, [sub.join("a.md")]);
    let warnings = warnings.into_inner().unwrap();
    assert!(warnings.iter().any(|w| w.contains("self: a link to a folder already read")), "{warnings:?}");
    assert!(warnings.iter().any(|w| w.contains("b.md: read once already")), "{warnings:?}");
    let extractor = Extractor::builder().build().unwrap();
    let glossary = extractor.extract_paths(&[dir.path().to_path_buf()], &ReadOptions::new()).unwrap();
    assert_eq!(glossary.get("RAG").unwrap().frequency, 2);
    // the command line says so on standard error and succeeds
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_termbridge"))
        .args(["extract", "-q"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("termbridge: warning: ") && stderr.contains("self: a link to a folder"), "{stderr}");
}

/// Regression: a run stopped (Ctrl-C, a termination signal) while writing `-o` left its
/// hidden temporary file behind, as big as the output. The command line's signal handler
/// calls `remove_unfinished_outputs`; here it is called while a write is under way.
#[test]
fn an_interrupted_write_leaves_no_temporary_file_and_the_old_output() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("glossary.csv");
    std::fs::write(&out, "the old output\n").unwrap();
    let (writing, go_on) = (std::sync::mpsc::channel(), std::sync::mpsc::channel::<()>());
    let (tell, wait) = (writing.0, go_on.1);
    let writer = {
        let out = out.clone();
        std::thread::spawn(move || {
            termbridge::write_atomically(&out, |w| {
                use std::io::Write;
                w.write_all(&vec![b'x'; 1 << 20])?;
                w.flush()?;
                tell.send(()).unwrap();
                wait.recv().unwrap();
                Ok(())
            })
        })
    };
    writing.1.recv().unwrap();
    let names = || std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect::<Vec<_>>();
    assert_eq!(names().len(), 2, "the output and its temporary file");
    termbridge::remove_unfinished_outputs();
    assert_eq!(names(), ["glossary.csv"]);
    go_on.0.send(()).unwrap();
    assert!(writer.join().unwrap().is_err(), "the interrupted write fails");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "the old output\n");
    assert_eq!(names(), ["glossary.csv"]);
}

/// The column order of `Glossary::extra_columns` as first written: splicing runs of new
/// columns into a vector (quadratic when many entries each bring a column of their own).
fn extra_columns_by_splicing(g: &termbridge::Glossary) -> Vec<String> {
    let mut columns: Vec<String> = Vec::new();
    let mut entries: Vec<&termbridge::Entry> = g.entries().iter().filter(|e| !e.extra.is_empty()).collect();
    entries.sort_by_key(|e| std::cmp::Reverse(e.extra.len()));
    for e in entries {
        let mut run: Vec<String> = Vec::new();
        for k in e.extra.keys() {
            if columns.contains(k) {
                let at = columns.iter().position(|c| c == k).unwrap();
                columns.splice(at..at, run.drain(..));
            } else {
                run.push(k.clone());
            }
        }
        columns.append(&mut run);
    }
    columns
}

proptest::proptest! {
    /// Regression: `extra_columns` spliced each run of new columns into a vector, quadratic in
    /// entries that each bring a column of their own (65,536 such entries took 1.3 s); its
    /// linear order is the same.
    #[test]
    fn extra_columns_in_linear_time_keep_their_order(
        rows in proptest::collection::vec(proptest::sample::subsequence((0..12).collect::<Vec<u8>>(), 0..8), 0..12),
        shuffles in proptest::collection::vec(proptest::prelude::any::<u64>(), 12),
    ) {
        let entries = rows.iter().zip(&shuffles).enumerate().map(|(i, (columns, seed))| {
            let mut columns = columns.clone();
            // a row's own order: rotated by its seed
            let by = (*seed as usize) % columns.len().max(1);
            columns.rotate_left(by);
            let mut e = termbridge::Entry::new(format!("term {i}"));
            for c in columns {
                e.extra.insert(format!("c{c}"), "x");
            }
            e
        });
        let g = termbridge::Glossary::from_entries(entries.collect());
        proptest::prop_assert_eq!(g.extra_columns(), extra_columns_by_splicing(&g));
    }
}
