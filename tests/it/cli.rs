//! End-to-end tests of the `termbridge` binary: inputs (files, folders, stdin, BOM, CRLF),
//! errors (exit code 2, a message on stderr naming the file and where, no backtrace, nothing
//! on stdout), `-o FILE` (whole or not at all) and closed pipes.

use std::collections::BTreeSet;
use std::ffi::OsStr;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const HEADER: &str =
    "english,chinese,abbreviation,variants,category,frequency,score,confidence,method,source,context,note";

const RAG_TEXT: &str = "我们在实验中比较了检索增强生成（Retrieval-Augmented Generation，RAG）。RAG 很有效。";

/// What one run of the binary did.
#[derive(Debug)]
struct Run {
    code: i32,
    stdout: Vec<u8>,
    stderr: String,
}

/// Runs `termbridge ARGS...`, feeding `stdin` (empty if `None`). Never a panic: exit code 101
/// fails every test that runs the binary.
fn termbridge<S: AsRef<OsStr>>(args: &[S], stdin: Option<&[u8]>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_termbridge"))
        .args(args)
        // a panic would print a backtrace; errors never do
        .env("RUST_BACKTRACE", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn termbridge");
    {
        let mut pipe = child.stdin.take().expect("stdin pipe");
        if let Some(bytes) = stdin {
            pipe.write_all(bytes).expect("write stdin");
        }
    }
    let out = child.wait_with_output().expect("wait for termbridge");
    let run = Run {
        code: out.status.code().expect("termbridge killed by a signal"),
        stdout: out.stdout,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert_ne!(run.code, 101, "termbridge panicked: {run:?}");
    run
}

/// `termbridge extract ARGS...`
fn extract<S: AsRef<OsStr>>(args: &[S], stdin: Option<&[u8]>) -> Run {
    let mut all: Vec<&OsStr> = vec![OsStr::new("extract")];
    all.extend(args.iter().map(AsRef::as_ref));
    termbridge(&all, stdin)
}

/// A successful run's CSV: header checked, rows returned.
fn ok_rows(run: &Run) -> Vec<Row> {
    assert_eq!(run.code, 0, "expected success: {run:?}");
    assert!(!run.stderr.contains("termbridge: error:"), "error on success: {}", run.stderr);
    parse_csv(&run.stdout)
}

/// One CSV row, addressed by column name.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Row(Vec<(String, String)>);

impl Row {
    fn get(&self, column: &str) -> &str {
        self.0
            .iter()
            .find(|(c, _)| c == column)
            .map(|(_, v)| v.as_str())
            .unwrap_or_else(|| panic!("no column {column}"))
    }

    /// The row without its `source` column (which names the input).
    fn without_source(&self) -> Vec<(String, String)> {
        self.0.iter().filter(|(c, _)| c != "source").cloned().collect()
    }

    /// The line number of the `source` column (`file:line`).
    fn line(&self) -> usize {
        let source = self.get("source");
        let (_, line) = source.rsplit_once(':').expect("source is file:line");
        line.parse().expect("line number")
    }

    /// The file part of the `source` column.
    fn file(&self) -> &str {
        self.get("source").rsplit_once(':').expect("file:line").0
    }
}

fn parse_csv(bytes: &[u8]) -> Vec<Row> {
    let text = std::str::from_utf8(bytes).expect("CSV is UTF-8");
    let first = text.lines().next().expect("CSV has a header line");
    assert_eq!(first, HEADER, "header");
    let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(bytes);
    let header: Vec<String> = reader.headers().expect("header").iter().map(str::to_string).collect();
    reader
        .records()
        .map(|r| {
            let r = r.expect("CSV record");
            assert_eq!(r.len(), termbridge::CSV_HEADER.len(), "columns of {r:?}");
            Row(header.iter().cloned().zip(r.iter().map(str::to_string)).collect())
        })
        .collect()
}

fn find<'a>(rows: &'a [Row], english: &str) -> &'a Row {
    rows.iter().find(|r| r.get("english") == english).unwrap_or_else(|| panic!("no row for {english:?} in {rows:#?}"))
}

fn write(path: &Path, bytes: &[u8]) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(path, bytes).unwrap();
}

/// Names of the entries of a folder, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

/// Asserts a failed run: exit code 2, nothing on stdout, an error naming every `needle`.
fn assert_fails(run: &Run, needles: &[&str]) {
    assert_eq!(run.code, 2, "expected exit code 2: {run:?}");
    assert!(run.stdout.is_empty(), "stdout not empty: {run:?}");
    assert!(run.stderr.starts_with("termbridge: error:"), "stderr: {:?}", run.stderr);
    assert_eq!(run.stderr.lines().count(), 1, "one line of error: {:?}", run.stderr);
    assert!(!run.stderr.contains("backtrace") && !run.stderr.contains("panicked"), "{:?}", run.stderr);
    for needle in needles {
        assert!(run.stderr.contains(needle), "stderr {:?} does not contain {needle:?}", run.stderr);
    }
}

#[test]
fn extracts_a_glossed_term_with_its_acronym() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rag.txt");
    write(&path, RAG_TEXT.as_bytes());
    let run = extract(&[&path], None);
    let rows = ok_rows(&run);
    let rag = find(&rows, "Retrieval-Augmented Generation");
    assert_eq!(rag.get("chinese"), "检索增强生成");
    assert_eq!(rag.get("abbreviation"), "RAG");
    assert_eq!(rag.get("source"), format!("{}:1", path.display()));
    // the acronym is folded into the entry, not a row of its own
    assert!(rows.iter().all(|r| r.get("english") != "RAG"), "{rows:#?}");
}

#[test]
fn stdin_gives_the_same_rows_as_a_file() {
    let dir = tempfile::tempdir().unwrap();
    // standard input is read as Markdown, so compare with a .md file
    let texts: &[&str] = &[
        RAG_TEXT,
        "大语言模型（large language model，LLM）很流行。\nLLM 也叫大模型，训练时使用随机梯度下降（stochastic gradient descent）。\n",
        "**注意力机制**（attention mechanism）是 Transformer 的核心。",
    ];
    for (i, text) in texts.iter().enumerate() {
        let path = dir.path().join(format!("in{i}.md"));
        write(&path, text.as_bytes());
        let from_file = ok_rows(&extract(&[&path], None));
        let from_stdin = ok_rows(&extract(&["-"], Some(text.as_bytes())));
        assert!(!from_file.is_empty(), "{text}");
        let strip = |rows: &[Row]| rows.iter().map(Row::without_source).collect::<Vec<_>>();
        assert_eq!(strip(&from_file), strip(&from_stdin), "{text}");
        for (f, s) in from_file.iter().zip(&from_stdin) {
            assert_eq!(f.file(), path.display().to_string());
            assert_eq!(s.file(), "<stdin>");
            assert_eq!(f.line(), s.line());
        }
    }
}

#[test]
fn folders_are_read_recursively_and_only_text_and_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("docs");
    // (relative path, content, read?)
    let files: &[(&str, &str, bool)] = &[
        ("a.md", "过拟合（overfitting）很常见。", true),
        ("notes.txt", "我们使用了知识蒸馏（knowledge distillation）。", true),
        ("sub/b.md", "**注意力机制**（attention mechanism）很重要。", true),
        ("sub/deeper/c.markdown", "批量归一化（batch normalization）加快了训练。", true),
        ("sub/deeper/d.txt", "对比学习（contrastive learning）效果不错。", true),
        ("table.csv", "强化学习（reinforcement learning）,1", false),
        ("main.rs", "// 图神经网络（graph neural network）", false),
        ("sub/data.csv", "生成对抗网络（generative adversarial network）", false),
        ("sub/README", "卷积神经网络（convolutional neural network）", false),
    ];
    for (rel, text, _) in files {
        write(&root.join(rel), text.as_bytes());
    }
    let rows = ok_rows(&extract(&[&root], None));
    let sources: BTreeSet<String> = rows.iter().map(|r| r.file().to_string()).collect();
    let want: BTreeSet<String> = files.iter().filter(|f| f.2).map(|f| root.join(f.0).display().to_string()).collect();
    assert_eq!(sources, want, "{rows:#?}");
    for english in
        ["overfitting", "knowledge distillation", "attention mechanism", "batch normalization", "contrastive learning"]
    {
        let row = find(&rows, english);
        assert_eq!(row.line(), 1);
    }
    for english in [
        "reinforcement learning",
        "graph neural network",
        "generative adversarial network",
        "convolutional neural network",
    ] {
        assert!(rows.iter().all(|r| r.get("english") != english), "{english} came from an ignored file: {rows:#?}");
    }
}

#[test]
fn bom_and_crlf_give_the_same_terms_and_lines() {
    let lf = "第一行没有术语。\n\n我们在实验中比较了检索增强生成（Retrieval-Augmented Generation，RAG）。\n训练时使用随机梯度下降（stochastic gradient descent）。\n";
    let crlf = lf.replace('\n', "\r\n");
    let variants: &[(&str, Vec<u8>)] = &[
        ("bom", [b"\xef\xbb\xbf".as_slice(), lf.as_bytes()].concat()),
        ("crlf", crlf.as_bytes().to_vec()),
        ("bom+crlf", [b"\xef\xbb\xbf".as_slice(), crlf.as_bytes()].concat()),
    ];
    for ext in ["txt", "md"] {
        let dir = tempfile::tempdir().unwrap();
        let plain = dir.path().join(format!("lf.{ext}"));
        write(&plain, lf.as_bytes());
        let want = ok_rows(&extract(&[&plain], None));
        let columns = |rows: &[Row]| {
            rows.iter()
                .map(|r| (r.get("english").to_string(), r.get("chinese").to_string(), r.line()))
                .collect::<Vec<_>>()
        };
        assert_eq!(find(&want, "Retrieval-Augmented Generation").get("chinese"), "检索增强生成");
        assert_eq!(find(&want, "Retrieval-Augmented Generation").line(), 3);
        assert_eq!(find(&want, "stochastic gradient descent").get("chinese"), "随机梯度下降");
        assert_eq!(find(&want, "stochastic gradient descent").line(), 4);
        for (name, bytes) in variants {
            let path = dir.path().join(format!("{}.{ext}", name.replace('+', "_")));
            write(&path, bytes);
            let got = ok_rows(&extract(&[&path], None));
            assert_eq!(columns(&got), columns(&want), "{name}.{ext}");
            for row in &got {
                assert!(!row.get("context").contains(['\r', '\u{feff}']), "{name}.{ext}: {row:?}");
            }
        }
        if ext == "md" {
            // standard input is Markdown too, and may have a BOM and CRLF
            let got = ok_rows(&extract(&["-"], Some(&variants[2].1)));
            assert_eq!(columns(&got), columns(&want), "stdin bom+crlf");
        }
    }
}

#[test]
fn invalid_utf8_is_an_error_naming_file_byte_and_line() {
    let chinese = "中文\n第二行\n";
    // a truncated UTF-8 sequence (the first two bytes of 中) after two lines of Chinese
    let truncated = [chinese.as_bytes(), b"\xe4\xb8"].concat();
    // a Latin-1 file
    let latin1 = b"caf\xe9 au lait".to_vec();
    // (bytes, byte offset, line)
    let table: &[(Vec<u8>, usize, usize)] =
        &[(b"ok\n\xff\xfe".to_vec(), 3, 2), (b"\xff".to_vec(), 0, 1), (truncated, chinese.len(), 3), (latin1, 3, 1)];
    let dir = tempfile::tempdir().unwrap();
    for (i, (bytes, offset, line)) in table.iter().enumerate() {
        let path = dir.path().join(format!("bad{i}.txt"));
        write(&path, bytes);
        let run = extract(&[&path], None);
        let position = [format!("byte {offset}"), format!("line {line}")];
        assert_fails(&run, &[&path.display().to_string(), &position[0], &position[1]]);
        // and from standard input
        let run = extract(&["-"], Some(bytes));
        assert_fails(&run, &["<stdin>", &position[0], &position[1]]);
    }
}

#[test]
fn missing_paths_and_empty_folders_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    write(&good, RAG_TEXT.as_bytes());
    let missing = dir.path().join("no-such-file.txt");
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let only_other = dir.path().join("only-other");
    write(&only_other.join("data.csv"), "过拟合（overfitting）".as_bytes());
    write(&only_other.join("sub/lib.rs"), b"fn main() {}");
    let table: &[(&str, Vec<&Path>, &Path)] = &[
        ("missing file", vec![&missing], &missing),
        ("missing after a good file", vec![&good, &missing], &missing),
        ("empty folder", vec![&empty], &empty),
        ("folder without text files", vec![&only_other], &only_other),
        ("empty folder after a good file", vec![&good, &empty], &empty),
    ];
    for (name, args, culprit) in table {
        let run = extract(args, None);
        assert_eq!(run.code, 2, "{name}: {run:?}");
        assert_fails(&run, &[&culprit.display().to_string()]);
    }
}

#[test]
fn output_file_holds_the_same_bytes_as_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.md");
    write(&input, format!("{RAG_TEXT}\n\n大语言模型（large language model，LLM）很流行。\n").as_bytes());
    let stdout = extract(&[&input], None);
    assert_eq!(stdout.code, 0, "{stdout:?}");
    let out = dir.path().join("out.csv");
    for existing in [None, Some("old,content\n")] {
        if let Some(old) = existing {
            write(&out, old.as_bytes());
        }
        for flag in ["-o", "--output"] {
            let run = extract(&[input.as_os_str(), OsStr::new(flag), out.as_os_str()], None);
            assert_eq!(run.code, 0, "{run:?}");
            assert!(run.stdout.is_empty(), "{run:?}");
            assert_eq!(std::fs::read(&out).unwrap(), stdout.stdout);
        }
    }
    assert_eq!(listing(dir.path()), ["in.md", "out.csv"]);
    // a relative output path, in the current folder
    let run = Command::new(env!("CARGO_BIN_EXE_termbridge"))
        .args(["extract", "in.md", "-o", "rel.csv"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0), "{run:?}");
    assert_eq!(std::fs::read(dir.path().join("rel.csv")).unwrap(), {
        // the source column names the path as given
        let run = Command::new(env!("CARGO_BIN_EXE_termbridge"))
            .args(["extract", "in.md"])
            .current_dir(dir.path())
            .output()
            .unwrap();
        run.stdout
    });
}

#[test]
fn failed_run_leaves_the_output_file_alone() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    let bad = dir.path().join("bad.txt");
    write(&good, RAG_TEXT.as_bytes());
    write(&bad, b"ok\n\xff\xfe");
    let out = dir.path().join("out.csv");
    let old: &[u8] = b"english,chinese\nold,\xe6\x97\xa7\n";

    // an existing output keeps its old content exactly
    write(&out, old);
    let before = listing(dir.path());
    for args in [vec![&good, &bad], vec![&bad, &good]] {
        let mut args: Vec<&OsStr> = args.iter().map(|p| p.as_os_str()).collect();
        args.extend([OsStr::new("-o"), out.as_os_str()]);
        let run = extract(&args, None);
        assert_fails(&run, &[&bad.display().to_string(), "byte 3"]);
        assert_eq!(std::fs::read(&out).unwrap(), old);
        assert_eq!(listing(dir.path()), before, "temporary files left behind");
    }

    // a missing output is not created
    std::fs::remove_file(&out).unwrap();
    let missing = dir.path().join("missing.txt");
    for args in [vec![&good, &bad], vec![&good, &missing]] {
        let mut args: Vec<&OsStr> = args.iter().map(|p| p.as_os_str()).collect();
        args.extend([OsStr::new("-o"), out.as_os_str()]);
        let run = extract(&args, None);
        assert_eq!(run.code, 2, "{run:?}");
        assert!(run.stdout.is_empty());
        assert!(!out.exists(), "output created by a failed run");
        assert_eq!(listing(dir.path()), ["bad.txt", "good.txt"]);
    }
}

#[test]
fn unwritable_output_is_an_error_saying_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    write(&good, RAG_TEXT.as_bytes());
    let termbase = dir.path().join("termbase.csv");
    write(&termbase, "english,chinese\ndropout,丢弃法\n".as_bytes());
    let new = dir.path().join("new.csv");
    write(&new, "english,chinese\nattention,注意力\n".as_bytes());
    let folder = dir.path().join("a-folder");
    write(&folder.join("kept.csv"), b"kept\n");
    let missing: PathBuf = dir.path().join("no-such-folder").join("out.csv");
    // (output, what the message says)
    let table: &[(&Path, &str)] =
        &[(&missing, "no-such-folder does not exist; create it first"), (&folder, "is a folder; name a file")];
    for (out, says) in table {
        let runs: [Vec<&OsStr>; 2] =
            [vec!["extract".as_ref(), good.as_os_str()], vec!["merge".as_ref(), termbase.as_os_str(), new.as_os_str()]];
        for mut args in runs {
            args.extend([OsStr::new("-o"), out.as_os_str()]);
            let run = termbridge(&args, None);
            assert_fails(&run, &[&out.display().to_string(), says]);
        }
    }
    assert!(!missing.parent().unwrap().exists());
    assert_eq!(listing(&folder), ["kept.csv"]);
    assert_eq!(std::fs::read(folder.join("kept.csv")).unwrap(), b"kept\n");
    assert_eq!(listing(dir.path()), ["a-folder", "good.txt", "new.csv", "termbase.csv"]);
}

#[test]
fn usage_errors_do_not_panic() {
    let table: &[&[&str]] = &[&[], &["extract"], &["frobnicate"], &["extract", "-o"]];
    for args in table {
        let run = termbridge(args, None);
        assert_eq!(run.code, 2, "{args:?}: {run:?}");
        assert!(run.stdout.is_empty(), "{args:?}: {run:?}");
    }
    for args in [["--help"], ["--version"]] {
        let run = termbridge(&args, None);
        assert_eq!(run.code, 0, "{args:?}: {run:?}");
    }
}

#[test]
fn usage_errors_name_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("a.txt");
    write(&text, RAG_TEXT.as_bytes());
    let glossary = dir.path().join("g.csv");
    write(&glossary, "english,chinese\ndropout,丢弃法\n".as_bytes());
    let partial = dir.path().join("part.jsonl");
    write(&partial, b"{\"termbridge\":\"partial\",\"version\":1}\n");
    let (t, g, p) = (text.to_str().unwrap(), glossary.to_str().unwrap(), partial.to_str().unwrap());
    // (arguments, what stderr names)
    let table: &[(&[&str], &str)] = &[
        (&["frobnicate"], "frobnicate"),
        (&["extract", t, "--bogus"], "--bogus"),
        (
            &["extract", t, "-f", "ods"],
            "unknown format \"ods\"; use one of csv, tsv, deepl, tbx, tbx-basic, tbx-2008, xlsx, json, synonyms, html",
        ),
        (&["merge", g, g, "--format", "docx"], "unknown format \"docx\""),
        (&["check", t], "--glossary"),
        (&["check", "-g", g, t, "--format", "yaml"], "yaml"),
        (&["merge"], "<OLD>"),
        (&["merge", g], "merge needs the termbase and at least one new glossary: termbridge merge "),
        (&["merge", g, g, "--partial"], "--partial combines partial glossaries; these are glossaries"),
        (&["merge", g, p], &format!("{p:?} is a partial glossary and {g:?} is not: merge takes either")),
        (&["merge", p, g], &format!("{p:?} is a partial glossary and {g:?} is not")),
        (&["extract", t, "--encoding", "klingon"], "unknown encoding \"klingon\"; use utf-8"),
        (&["check", "-g", g, t, "--encoding", "klingon"], "unknown encoding \"klingon\""),
    ];
    for (args, says) in table {
        let run = termbridge(args, None);
        assert_eq!(run.code, 2, "{args:?}: {run:?}");
        assert!(run.stdout.is_empty(), "{args:?}: {run:?}");
        assert!(run.stderr.contains(says), "{args:?}: stderr {:?} does not say {says:?}", run.stderr);
        assert!(!run.stderr.contains("panicked"), "{args:?}: {run:?}");
    }
}

#[test]
fn bad_termbases_are_errors_naming_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("a.txt");
    write(&text, RAG_TEXT.as_bytes());
    let good = dir.path().join("good.csv");
    write(&good, "english,chinese\ndropout,丢弃法\n".as_bytes());
    let nested = format!("<tbx>\n<text><body><conceptEntry>{}</conceptEntry></body></text></tbx>", "<x>".repeat(5000));
    let tbx_fixture = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/tbx/malformed.tbx")).unwrap();
    // (file name, content, what the error says after the file name); `None`: not created
    let table: &[(&str, Option<Vec<u8>>, &str)] = &[
        ("missing.csv", None, ": cannot read glossary: No such file"),
        ("no-columns.csv", Some(b"term,comment\nx,y\n".to_vec()), ":1: needs an `english` and a `chinese` column"),
        ("bad-number.csv", Some("english,chinese,frequency\nx,甲,1\ny,乙,many\n".into()), ":3: column `frequency`"),
        ("bad-category.tsv", Some("english\tchinese\tcategory\nx\t甲\tthing\n".into()), ":2: column `category`"),
        (
            "latin1.csv",
            Some(b"english,chinese\ncaf\xe9,\xff\n".to_vec()),
            ":2: not valid UTF-8 at byte 19, nor UTF-16 with a byte-order mark nor GB18030; save the file as UTF-8",
        ),
        ("malformed.tbx", Some(tbx_fixture), ":8: not well-formed XML"),
        ("text.tbx", Some(b"english,chinese\n".to_vec()), ":1: not well-formed XML: text outside the root element"),
        ("nested.tbx", Some(nested.into_bytes()), ":2: <x> is nested 1000 elements deep"),
        ("folder", None, ": cannot read glossary"),
    ];
    std::fs::create_dir(dir.path().join("folder")).unwrap();
    let out = dir.path().join("out.csv");
    write(&out, b"old output\n");
    for (name, content, says) in table {
        let path = dir.path().join(name);
        if let Some(bytes) = content {
            write(&path, bytes);
        }
        let p = path.as_os_str();
        let (t, g, o) = (text.as_os_str(), good.as_os_str(), out.as_os_str());
        let runs: &[&[&OsStr]] = &[
            &["extract".as_ref(), t, "--reference".as_ref(), p, "-o".as_ref(), o],
            &["check".as_ref(), "-g".as_ref(), p, t],
            &["check".as_ref(), "-g".as_ref(), g, "--reference".as_ref(), p, t],
            &["merge".as_ref(), p, g, "-o".as_ref(), o],
            &["merge".as_ref(), g, p, "-o".as_ref(), o],
            &["merge".as_ref(), g, g, p, "-f".as_ref(), "tbx".as_ref()],
        ];
        for args in runs {
            let run = termbridge(args, None);
            assert_fails(&run, &[&format!("{}{says}", path.display())]);
            assert_eq!(std::fs::read(&out).unwrap(), b"old output\n", "{args:?} touched the output");
        }
    }
}

#[test]
fn undecodable_input_in_a_named_encoding_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    write(&path, "第一行\n过拟合（overfitting）\n".as_bytes());
    let run = extract(&[path.as_os_str(), OsStr::new("--encoding"), OsStr::new("big5")], None);
    assert_fails(&run, &[&path.display().to_string(), "not valid Big5 at byte", "(line 1)", "--encoding"]);
}

/// Runs `termbridge ARGS...` with its standard output (`stdout`) or its standard error
/// closed by the reader before anything is written (`| head -0`).
fn with_closed<S: AsRef<OsStr>>(args: &[S], stdout: bool) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_termbridge"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if stdout {
        drop(child.stdout.take());
    } else {
        drop(child.stderr.take());
    }
    child.wait_with_output().unwrap()
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    for format in ["csv", "json", "tbx"] {
        let out = with_closed(&["extract", fixtures, "--quiet", "-f", format], true);
        assert_eq!(out.status.code(), Some(0), "{format}: {out:?}");
        assert!(out.stderr.is_empty(), "{format}: {}", String::from_utf8_lossy(&out.stderr));
    }
    // `check` writes its report line by line
    let dir = tempfile::tempdir().unwrap();
    let glossary = dir.path().join("g.csv");
    write(&glossary, "english,chinese\noverfitting,过度拟合\n".as_bytes());
    let out = with_closed(&["check".as_ref(), "-g".as_ref(), glossary.as_os_str(), fixtures.as_ref()], true);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
}

#[test]
fn an_error_with_standard_error_closed_keeps_its_exit_code() {
    let out = with_closed(&["extract", "/no/such/file.txt"], false);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
}

#[test]
fn empty_and_term_free_inputs_give_just_the_header() {
    let dir = tempfile::tempdir().unwrap();
    let table: &[(&str, &[u8])] = &[
        ("empty.txt", b""),
        ("bom-only.md", b"\xef\xbb\xbf"),
        ("chinese.txt", "这里只有中文，没有英文术语。".as_bytes()),
        ("code.md", "```\nlet x = Transformer::new();\n```\n".as_bytes()),
    ];
    for (name, bytes) in table {
        let path = dir.path().join(name);
        write(&path, bytes);
        let run = extract(&[&path], None);
        assert_eq!(ok_rows(&run), Vec::<Row>::new(), "{name}");
        assert_eq!(run.stdout, format!("{HEADER}\n").as_bytes(), "{name}");
    }
    let run = extract(&["-"], Some(b""));
    assert_eq!(run.stdout, format!("{HEADER}\n").as_bytes());
}

#[test]
fn fullwidth_domain_does_not_panic() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fullwidth.txt");
    write(&path, "访问 ｅｘａｍｐｌｅ．ｃｏｍ 获取数据。\n".as_bytes());
    let run = extract(&[&path], None);
    assert_eq!(run.code, 0, "{run:?}");
    ok_rows(&run);
}

#[test]
fn parallel_and_sequential_runs_agree() {
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let run = |threads: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_termbridge"))
            .args(["extract", fixtures, "--quiet", "-f", "json"])
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .unwrap();
        assert!(out.status.success());
        out.stdout
    };
    let one = run("1");
    assert!(one.len() > 10_000);
    assert_eq!(one, run("4"));
}

/// Regression: `-o` renamed a new file over whatever the path was, so a symbolic link became
/// a plain file (its target never updated), and a device or a named pipe was replaced (or,
/// not being root, the run failed).
#[cfg(unix)]
#[test]
fn output_through_a_link_or_into_a_device_keeps_what_the_path_is() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.md");
    write(&input, RAG_TEXT.as_bytes());
    let real = dir.path().join("store").join("glossary.csv");
    write(&real, b"old\n");
    let link = dir.path().join("glossary.csv");
    std::os::unix::fs::symlink("store/glossary.csv", &link).unwrap();
    let run = extract(&[input.as_os_str(), OsStr::new("-o"), link.as_os_str()], None);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link is kept");
    assert!(std::fs::read_to_string(&real).unwrap().starts_with(HEADER), "the target is written");
    assert_eq!(listing(&dir.path().join("store")), ["glossary.csv"], "no file left behind");
    // a device is written into, not replaced
    let run = extract(&[input.as_os_str(), OsStr::new("-o"), OsStr::new("/dev/null")], None);
    assert_eq!(run.code, 0, "{run:?}");
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::metadata("/dev/null").unwrap().file_type().is_char_device());
}

/// Regression: `-o` onto a file with another hard link renamed a new file over that name, so
/// the other link kept the old content and the two names became two files.
#[cfg(unix)]
#[test]
fn output_onto_a_hard_link_keeps_the_link() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.md");
    write(&input, RAG_TEXT.as_bytes());
    let shared = dir.path().join("shared.csv");
    // longer than the glossary: what is left of it must go
    write(&shared, "old content\n".repeat(2000).as_bytes());
    let link = dir.path().join("glossary.csv");
    std::fs::hard_link(&shared, &link).unwrap();
    let inode = std::fs::metadata(&shared).unwrap().ino();
    let run = extract(&[input.as_os_str(), OsStr::new("-o"), link.as_os_str()], None);
    assert_eq!(run.code, 0, "{run:?}");
    let stdout = extract(&[input.as_os_str()], None).stdout;
    for name in [&link, &shared] {
        let m = std::fs::metadata(name).unwrap();
        assert_eq!((m.ino(), m.nlink()), (inode, 2), "{name:?} is still the same file");
        assert_eq!(std::fs::read(name).unwrap(), stdout, "{name:?} holds the new glossary");
    }
    assert_eq!(listing(dir.path()), ["glossary.csv", "in.md", "shared.csv"], "no temporary file left");
    // a failed run leaves the shared file alone too
    let run = extract(&[dir.path().join("missing.md").as_os_str(), OsStr::new("-o"), link.as_os_str()], None);
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(std::fs::read(&shared).unwrap(), stdout);
}

/// Regression: a new output file got the permissions 0644 whatever the umask (a temporary
/// file's, widened by hand), not those the umask gives.
#[cfg(unix)]
#[test]
fn a_new_output_file_gets_the_umasks_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.md");
    write(&input, RAG_TEXT.as_bytes());
    for (umask, mode) in [("027", 0o640), ("002", 0o664)] {
        let out = dir.path().join(format!("new-{umask}.csv"));
        let script = format!("umask {umask} && exec \"$0\" extract -q \"$1\" -o \"$2\"");
        let status = Command::new("sh")
            .args(["-c", &script, env!("CARGO_BIN_EXE_termbridge")])
            .arg(&input)
            .arg(&out)
            .status()
            .unwrap();
        assert!(status.success());
        assert_eq!(std::fs::metadata(&out).unwrap().permissions().mode() & 0o777, mode, "umask {umask}");
    }
}

/// Regression: a file name with a line break or an escape code forged extra error lines (or
/// coloured the terminal), and `check` printed escape codes from its input.
#[cfg(unix)]
#[test]
fn control_characters_in_names_and_texts_are_escaped_in_messages() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("x\ntermbridge: error: forged\u{1b}[31m.txt");
    write(&bad, b"ok\n\xff");
    let run = extract(&[bad.as_os_str()], None);
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(run.stderr.lines().count(), 1, "{:?}", run.stderr);
    assert!(run.stderr.contains("x\\ntermbridge: error: forged\\u{1b}[31m.txt"), "{:?}", run.stderr);
    // check's report escapes what the input holds
    let text = dir.path().join("t.md");
    write(&text, "每个迭代周期（epoch）\u{1b}[2J结束时评估一次。\n".as_bytes());
    let glossary = dir.path().join("g.csv");
    write(&glossary, "english,chinese\nepoch,轮次\n".as_bytes());
    let run = termbridge(&[OsStr::new("check"), OsStr::new("-g"), glossary.as_os_str(), text.as_os_str()], None);
    assert_eq!(run.code, 1, "{run:?}");
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(!stdout.contains('\u{1b}') && stdout.contains("\\u{1b}[2J"), "{stdout:?}");
}

/// A run stopped by a termination signal exits with 130 (its handler removes any half-written
/// output first; `api::an_interrupted_write_leaves_no_temporary_file_and_the_old_output`
/// holds that part).
#[cfg(unix)]
#[test]
fn a_termination_signal_stops_a_run_with_exit_code_130() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_termbridge"))
        .args(["extract", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // standard input stays open: the run waits for it until the signal comes; the signal is
    // sent once the run catches it (Linux tells that in /proc; elsewhere, after a pause)
    let catches_term = |pid: u32| {
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
        let mask = status.lines().find_map(|l| l.strip_prefix("SigCgt:"))?.trim().to_string();
        u64::from_str_radix(&mask, 16).ok().map(|m| m & (1 << (15 - 1)) != 0)
    };
    let start = std::time::Instant::now();
    loop {
        match catches_term(child.id()) {
            Some(true) => break,
            None if start.elapsed() > std::time::Duration::from_millis(1500) => break,
            _ if start.elapsed() > std::time::Duration::from_secs(60) => panic!("the run never caught SIGTERM"),
            _ => std::thread::sleep(std::time::Duration::from_millis(20)),
        }
    }
    // the shell's own `kill`, which every system has
    let killed = Command::new("sh").args(["-c", &format!("kill -TERM {}", child.id())]).status().unwrap();
    assert!(killed.success());
    // standard input stays open while waiting too (`wait` would close it): the run cannot
    // end by reading to its end before the signal's handler runs
    let stdin = child.stdin.take();
    let status = child.wait().unwrap();
    drop(stdin);
    assert_eq!(status.code(), Some(130), "{status:?}");
}
