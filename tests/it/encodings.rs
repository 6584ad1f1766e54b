//! Input encodings: the same text in UTF-8 (with and without a byte-order mark), UTF-16LE and
//! UTF-16BE with a byte-order mark and GB18030 gives the same glossary; bytes that are none of
//! them are an error naming the file, the byte offset and the line. Fixtures are generated
//! here, at run time.

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE, UTF_8};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use termbridge::input::{self, decode, read_all, read_file, ReadOptions};
use termbridge::InputError;

const TEXT: &str = "我们在实验中比较了检索增强生成（Retrieval-Augmented Generation，RAG）。RAG 很有效。\n\
    我们还使用了大语言模型（large language model，LLM）和向量数据库（vector database）。\r\n\
    最后，LLM 与 RAG 的结合在问答任务上表现最好。\n";

/// Writes text in one encoding.
type Encode = fn(&str) -> Vec<u8>;

/// The encodings detected without being named: a name, the encoding, how to write text in it.
/// termbridge's name for an encoding.
fn ours(encoding: &'static Encoding) -> input::Encoding {
    input::Encoding::for_label(encoding.name()).unwrap()
}

/// Options reading in `encoding`, or detecting it.
fn options(encoding: Option<&'static Encoding>) -> ReadOptions<'static> {
    match encoding {
        Some(e) => ReadOptions::new().encoding(ours(e)),
        None => ReadOptions::new(),
    }
}

fn encodings() -> Vec<(&'static str, &'static Encoding, Encode)> {
    vec![
        ("utf-8", UTF_8, |t| t.as_bytes().to_vec()),
        ("utf-8-bom", UTF_8, |t| [b"\xef\xbb\xbf", t.as_bytes()].concat()),
        ("utf-16le-bom", UTF_16LE, |t| {
            let mut out = b"\xff\xfe".to_vec();
            out.extend(t.encode_utf16().flat_map(u16::to_le_bytes));
            out
        }),
        ("utf-16be-bom", UTF_16BE, |t| {
            let mut out = b"\xfe\xff".to_vec();
            out.extend(t.encode_utf16().flat_map(u16::to_be_bytes));
            out
        }),
        ("gb18030", GB18030, gb18030),
    ]
}

fn gb18030(text: &str) -> Vec<u8> {
    let (bytes, used, unmappable) = GB18030.encode(text);
    assert_eq!(used, GB18030);
    assert!(!unmappable);
    bytes.into_owned()
}

/// What one run of the binary did.
#[derive(Debug)]
struct Run {
    code: i32,
    stdout: Vec<u8>,
    stderr: String,
}

/// `termbridge extract ARGS...` in folder `dir`, feeding `stdin`.
fn extract(dir: &Path, args: &[&str], stdin: &[u8]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_termbridge"))
        .arg("extract")
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn termbridge");
    child.stdin.take().expect("stdin pipe").write_all(stdin).expect("write stdin");
    let out = child.wait_with_output().expect("wait for termbridge");
    let run = Run {
        code: out.status.code().expect("termbridge killed by a signal"),
        stdout: out.stdout,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert_ne!(run.code, 101, "termbridge panicked: {run:?}");
    run
}

fn ok(run: Run) -> Vec<u8> {
    assert_eq!(run.code, 0, "{run:?}");
    assert!(!run.stdout.is_empty(), "{run:?}");
    run.stdout
}

/// Texts to write in every encoding: the one above and, if present, a fixture.
fn texts() -> Vec<(&'static str, String)> {
    let mut texts = vec![("rag", TEXT.to_string())];
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/abstract.txt");
    if let Ok(text) = std::fs::read_to_string(fixture) {
        texts.push(("abstract", text));
    }
    texts
}

#[test]
fn every_detected_encoding_gives_the_same_glossary() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in texts() {
        let want_stdin = ok(extract(dir.path(), &["-"], text.as_bytes()));
        let mut reference: Option<Vec<u8>> = None;
        for (encoding, _, encode) in encodings() {
            // the same file name in its own folder: the whole output must be equal
            let sub = dir.path().join(format!("{name}-{encoding}"));
            std::fs::create_dir(&sub).unwrap();
            let bytes = encode(&text);
            std::fs::write(sub.join("in.txt"), &bytes).unwrap();
            let from_file = ok(extract(&sub, &["in.txt"], b""));
            match &reference {
                None => {
                    let csv = String::from_utf8(from_file.clone()).unwrap();
                    if name == "rag" {
                        for term in ["Retrieval-Augmented Generation", "检索增强生成", "LLM"] {
                            assert!(csv.contains(term), "{term} missing:\n{csv}");
                        }
                    }
                    reference = Some(from_file);
                }
                Some(want) => assert!(
                    &from_file == want,
                    "{name} in {encoding}:\n{}\nwant:\n{}",
                    String::from_utf8_lossy(&from_file),
                    String::from_utf8_lossy(want)
                ),
            }
            // standard input (Markdown) too
            let from_stdin = ok(extract(&sub, &["-"], &bytes));
            assert!(
                from_stdin == want_stdin,
                "{name} in {encoding} from stdin:\n{}",
                String::from_utf8_lossy(&from_stdin)
            );
        }
    }
}

#[test]
fn mixed_encodings_in_one_run_are_each_detected() {
    // five files, one per encoding, against the same five files all in UTF-8: the output,
    // sources included, is the same byte for byte
    let mixed = tempfile::tempdir().unwrap();
    let utf8 = tempfile::tempdir().unwrap();
    let mut names = Vec::new();
    for (encoding, _, encode) in encodings() {
        let name = format!("{encoding}.txt");
        std::fs::write(mixed.path().join(&name), encode(TEXT)).unwrap();
        std::fs::write(utf8.path().join(&name), TEXT).unwrap();
        names.push(name);
    }
    let args: Vec<&str> = names.iter().map(String::as_str).collect();
    let got = ok(extract(mixed.path(), &args, b""));
    let want = ok(extract(utf8.path(), &args, b""));
    assert!(got == want, "{}", String::from_utf8_lossy(&got));
    // and as a folder
    let got = ok(extract(mixed.path(), &["."], b""));
    let want = ok(extract(utf8.path(), &["."], b""));
    assert!(got == want, "{}", String::from_utf8_lossy(&got));
}

#[test]
fn library_detects_each_encoding() {
    let dir = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    for (encoding, want, encode) in encodings() {
        let bytes = encode(TEXT);
        let d = decode(Path::new("x.txt"), bytes.clone(), None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (TEXT, ours(want)), "{encoding}");
        // named explicitly too
        let d = decode(Path::new("x.txt"), bytes.clone(), Some(ours(want))).unwrap();
        assert_eq!(d.text, TEXT, "{encoding} named");
        let path = dir.path().join(format!("{encoding}.md"));
        std::fs::write(&path, &bytes).unwrap();
        assert_eq!(read_file(&path, &ReadOptions::new()).unwrap().text, TEXT);
        assert_eq!(read_file(&path, &options(Some(want))).unwrap().text, TEXT);
        assert_eq!(input::read_file(&path, &ReadOptions::new()).unwrap().text, TEXT);
        paths.push(path);
    }
    // a folder of files in different encodings, each detected
    let files = read_all(&[dir.path().to_path_buf()], &ReadOptions::new()).unwrap();
    assert_eq!(files.len(), 5);
    assert!(files.iter().all(|f| f.text == TEXT));
    let files = input::read_all(&paths, &ReadOptions::new()).unwrap();
    assert!(files.iter().all(|f| f.text == TEXT));
    // one encoding named for all: the UTF-8 files pass, the GB18030 file is not UTF-8
    let err = read_all(&[&paths[..2], &paths[4..]].concat(), &options(Some(UTF_8))).unwrap_err();
    let message = err.to_string();
    assert!(message.contains("gb18030.md"), "{message}");
    assert!(message.contains("at byte 0 (line 1)"), "{message}");
}

/// Deterministic bytes that look random (xorshift).
fn noise(len: usize, mut seed: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 24) as u8
        })
        .collect()
}

#[test]
fn random_bytes_are_an_error_naming_file_and_offset() {
    let dir = tempfile::tempdir().unwrap();
    // a readable start, so the offset is not 0
    let bytes = [b"abc\ndef\n".as_slice(), &noise(4096, 0x9e37_79b9_7f4a_7c15)].concat();
    // the bytes are none of the encodings detected
    assert!(Encoding::for_bom(&bytes).is_none());
    let utf8 = std::str::from_utf8(&bytes).unwrap_err();
    assert!(GB18030.decode_without_bom_handling_and_without_replacement(&bytes).is_none());
    let offset = utf8.valid_up_to();
    let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
    assert!(offset >= 8);

    let path = dir.path().join("random.txt");
    std::fs::write(&path, &bytes).unwrap();
    let position = [format!("byte {offset}"), format!("line {line}")];
    for (args, name) in [(vec![path.to_str().unwrap()], path.display().to_string()), (vec!["-"], "<stdin>".to_string())]
    {
        let run = extract(dir.path(), &args, &bytes);
        assert_eq!(run.code, 2, "{run:?}");
        assert!(run.stdout.is_empty(), "{run:?}");
        for needle in [&name, &position[0], &position[1]] {
            assert!(run.stderr.contains(needle.as_str()), "{needle}: {run:?}");
        }
    }
    let err = decode(&path, bytes, None).unwrap_err();
    assert!(matches!(err, InputError::Encoding { offset: o, line: l, .. } if o == offset && l == line), "{err}");
}

/// GB18030 text with the byte at `at` replaced by `by`.
fn corrupted(text: &str, at: usize, by: u8) -> Vec<u8> {
    let mut bytes = gb18030(text);
    bytes[at] = by;
    bytes
}

#[test]
fn corrupted_gb18030_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    // an ASCII first line, then Chinese: the first byte that is no UTF-8 is at 4 (line 2)
    let text = "RAG\n我们在实验中比较了检索增强生成。\n第二行也是中文。\n";
    let first_line = gb18030("RAG\n我们在实验中比较了检索增强生成。\n").len();
    let cases: &[(&str, usize, u8)] = &[
        // 0xFF is never a GB18030 byte
        ("lead byte 0xFF", first_line, 0xff),
        // a trail byte that is a line feed
        ("trail byte \\n", first_line + 1, b'\n'),
        // a truncated character at the end
        ("last byte dropped", usize::MAX, 0),
    ];
    for &(what, at, by) in cases {
        let bytes = if at == usize::MAX {
            let mut bytes = gb18030(text.trim_end());
            bytes.pop();
            bytes
        } else {
            corrupted(text, at, by)
        };
        let bad_at = if at == usize::MAX {
            bytes.len() - 1
        } else if by == b'\n' {
            at - 1 // the lead byte before the broken trail byte
        } else {
            at
        };
        let path = dir.path().join("broken.txt");
        std::fs::write(&path, &bytes).unwrap();

        // detection: neither UTF-8 nor GB18030, reported at the first non-UTF-8 byte
        let run = extract(dir.path(), &[path.to_str().unwrap()], b"");
        assert_eq!(run.code, 2, "{what}: {run:?}");
        assert!(run.stdout.is_empty(), "{what}: {run:?}");
        for needle in [path.display().to_string(), "byte 4".into(), "line 2".into()] {
            assert!(run.stderr.contains(&needle), "{what}: {needle}: {run:?}");
        }
        let err = decode(&path, bytes.clone(), None).unwrap_err();
        assert!(matches!(err, InputError::Encoding { offset: 4, line: 2, .. }), "{what}: {err}");

        // GB18030 named: the offset and line (3) of the broken character
        let line = 3;
        let err = decode(&path, bytes, Some(ours(GB18030))).unwrap_err();
        let message = err.to_string();
        assert!(message.contains(&format!("gb18030 at byte {bad_at} (line {line})")), "{what}: {message}");
        assert!(message.contains(&path.display().to_string()), "{message}");
    }
}

#[test]
fn named_encoding_offsets_count_the_bom_and_lines_count_characters() {
    let path = Path::new("x.txt");
    // UTF-16LE with a BOM, two lines, then an unpaired high surrogate
    let mut bytes = b"\xff\xfe".to_vec();
    bytes.extend("上\n下".encode_utf16().flat_map(u16::to_le_bytes));
    let bad = bytes.len();
    bytes.extend([0x00, 0xd8]);
    bytes.extend("x".encode_utf16().flat_map(u16::to_le_bytes));
    for encoding in [None, Some(UTF_16LE)] {
        let message = decode(path, bytes.clone(), encoding.map(ours)).unwrap_err().to_string();
        assert!(message.contains(&format!("UTF-16LE at byte {bad} (line 2)")), "{message}");
    }
    // UTF-8 named: a GB18030 file fails at its first byte
    let message = decode(path, gb18030("中文"), Some(ours(UTF_8))).unwrap_err().to_string();
    assert!(message.contains("UTF-8 at byte 0 (line 1)"), "{message}");
}

/// Regression: standard input, GB18030 and UTF-16 were read and decoded whole. Long inputs
/// on standard input, in every encoding detected, give the glossary of the UTF-8 text, and a
/// byte that does not decode far in is an error naming `<stdin>`, the byte and the line.
#[test]
fn long_standard_input_in_every_encoding_is_read_in_pieces() {
    let dir = tempfile::tempdir().unwrap();
    let text = TEXT.repeat(3 * input::PIECE_BYTES / TEXT.len());
    let utf8 = ok(extract(dir.path(), &["-"], text.as_bytes()));
    for (name, _, encode) in encodings() {
        assert_eq!(ok(extract(dir.path(), &["-"], &encode(&text))), utf8, "{name}");
    }
    let bytes = encodings()[2].2(&text);
    let bad = [bytes.as_slice(), b"\x00\xd8"].concat();
    let run = extract(dir.path(), &["-"], &bad);
    assert_eq!(run.code, 2, "{run:?}");
    let line = text.matches('\n').count() + 1;
    let want = format!("<stdin>: not valid UTF-16LE at byte {} (line {line})", bytes.len());
    assert!(run.stderr.contains(&want), "{}", run.stderr);
}
