//! `termbridge check` reads its inputs as `extract` does: files and standard input a piece at
//! a time when they are long, decoded as they are read.

use std::io::Write;
use std::process::{Command, Stdio};
use termbridge::input::{ReadOptions, PIECE_BYTES};
use termbridge::{Extractor, Glossary, Markup, Source};

const GLOSSARY: &str = "english,chinese\nepoch,轮次\ngradient clipping,梯度截断\n";

/// Paragraphs of Chinese with English past `bytes`, each `every`-th one glossing two terms
/// against the glossary (`epoch` two ways, so that there are mismatches and inconsistencies).
fn long_text(bytes: usize, every: usize) -> String {
    let plain = "我们在训练中比较了检索增强生成（Retrieval-Augmented Generation，RAG）与微调（fine-tuning）。\n\n";
    let mut text = String::new();
    let mut n = 0;
    while text.len() < bytes {
        n += 1;
        if n % every == 0 {
            let zh = if n % (2 * every) == 0 { "迭代周期" } else { "时期" };
            text.push_str(&format!("第{n}段：每个{zh}（epoch）都用了梯度裁剪（gradient clipping）。\n\n"));
        } else {
            text.push_str(plain);
        }
    }
    text
}

/// Runs `termbridge ARGS...` with `stdin` written to a pipe: exit code, standard output and
/// standard error.
fn termbridge(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_termbridge"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    let bytes = stdin.to_vec();
    // written from another thread: the child reads while it writes, and may stop early
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&bytes);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

/// Checking a file of several pieces (read a piece at a time) finds what checking its text in
/// memory finds: every place, with its line, span and sentence.
#[test]
fn check_of_a_long_file_finds_what_check_of_its_text_finds() {
    let text = long_text(3 * PIECE_BYTES + PIECE_BYTES / 3, 50);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.md");
    std::fs::write(&path, &text).unwrap();
    let glossary = Glossary::from_csv_reader("g.csv", GLOSSARY.as_bytes()).unwrap();
    let extractor = Extractor::builder().build().unwrap();
    let name = path.display().to_string();
    let in_memory =
        extractor.check_sources(&glossary, &[Source { name: &name, text: &text, markup: Markup::Markdown }]);
    let streamed = extractor.check_paths(&glossary, &[path], &ReadOptions::new()).unwrap();
    assert!(streamed == in_memory, "{} findings streamed, {} in memory", streamed.len(), in_memory.len());
    // places in the last piece are found, each with its own sentence
    let last = streamed.iter().map(|f| f.span.start).max().unwrap();
    assert!(last > 3 * PIECE_BYTES, "last finding at byte {last}");
    for f in &streamed {
        assert!(text[f.span.range()].contains(&f.chinese), "{f:?}");
        assert!(f.sentence.starts_with('第') && f.sentence.contains(&f.chinese), "{f:?}");
        assert_eq!(text[..f.span.start].matches('\n').count() + 1, f.line, "{f:?}");
    }
}

/// Regression: `check` read standard input whole, so it chose the encoding from all of it,
/// where `extract` chooses it from the start of a pipe as it reads it. Past 8 pieces of ASCII
/// a pipe is read as UTF-8: GB18030 after them is the same error for both, at the same byte
/// and line (one that says the pipe was read as UTF-8 from its start), and a long UTF-8 input gives the findings it gives from a file.
#[test]
fn check_reads_standard_input_in_pieces() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g.csv");
    std::fs::write(&g, GLOSSARY).unwrap();
    let g = g.to_str().unwrap();

    let ascii = "The model is trained with dropout and weight decay.\n\n".repeat(9 * PIECE_BYTES / 53);
    let chinese = "每个迭代周期（epoch）结束时评估一次。\n\n".repeat(50);
    let (gb, _, _) = encoding_rs::GB18030.encode(&chinese);
    let bytes = [ascii.as_bytes(), &gb].concat();
    let (code, out, err) = termbridge(&["check", "--glossary", g, "-"], &bytes);
    let (extract_code, _, extract_err) = termbridge(&["extract", "-q", "-"], &bytes);
    assert_eq!((code, extract_code), (2, 2), "{out}{err}");
    let at = std::str::from_utf8(&bytes).unwrap_err().valid_up_to();
    assert!(at >= ascii.len());
    let line = ascii.matches('\n').count() + 1;
    // (a pipe read as UTF-8 from its start cannot be read again as another encoding: the
    // error says so, and names no encoding it did not try)
    assert!(err.contains(&format!("<stdin>: read as UTF-8 from its start, but byte {at} (line {line})")), "{err}");
    assert!(err.contains("--encoding") && !err.contains("GB18030"), "{err}");
    assert_eq!(err, extract_err);
    assert_eq!(out, "");

    let text = long_text(2 * PIECE_BYTES + PIECE_BYTES / 2, 40);
    let file = dir.path().join("long.md");
    std::fs::write(&file, &text).unwrap();
    let (code, from_stdin, _) = termbridge(&["check", "--glossary", g, "-"], text.as_bytes());
    let (file_code, from_file, _) = termbridge(&["check", "--glossary", g, file.to_str().unwrap()], b"");
    assert_eq!((code, file_code), (1, 1));
    assert_eq!(from_stdin.replace("<stdin>", &file.display().to_string()), from_file);
    assert!(from_file.ends_with("in 1 file\n"), "{from_file}");
}
