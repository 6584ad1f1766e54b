//! Reading a long input a piece at a time, in any encoding: files and standard input (or a
//! named pipe) are decoded as they are read, so memory holds a few pieces, not the input.
//!
//! The encoding is decided from the start of the input as [`decode`](super::decode::decode)
//! decides it from the whole: a byte-order mark or a named encoding is the encoding; else
//! UTF-16 told by its NUL bytes, UTF-8, or GB18030. A guess the rest of the input belies (a
//! byte that does not decode) makes a file that can be read again be read whole, so that
//! detection sees all of it; a pipe cannot be read again, and the byte is an error.

use super::decode::{looks_like_damaged_utf8, undecodable, utf16_without_bom, utf8_error, Bad, Encoding};
use crate::normalize::CHUNK;
use crate::InputError;
use encoding_rs::{Decoder, DecoderResult, Encoding as Ers, GB18030, UTF_16BE, UTF_16LE, UTF_8};
use std::io::Read;
use std::path::Path;

/// Bytes read at once.
const BLOCK: usize = 1 << 16;

/// The most bytes looked at to choose an encoding while they are all ASCII (which every
/// encoding detected reads alike): past them, ASCII text is UTF-8.
const DETECT_ASCII_BYTES: usize = 8 * CHUNK;

/// What [`read_pieces`] did.
pub(crate) enum Pieces {
    /// Every piece was passed on.
    Streamed,
    /// The input is to be decoded whole: it is short, or a file whose encoding its start
    /// did not tell right. Its bytes (a file read again from the start).
    Whole(Vec<u8>),
}

/// How the bytes in hand were decided to be decoded.
struct Choice {
    encoding: &'static Ers,
    /// Length of the byte-order mark skipped.
    bom: usize,
    /// Whether a mark or the caller said so (else it is a guess).
    certain: bool,
}

/// The encoding of an input starting with `start` (see the module docs).
fn choose(start: &[u8], named: Option<Encoding>) -> Choice {
    let bom = Ers::for_bom(start);
    if let Some(named) = named {
        let named = named.ers();
        let is_utf16 = |e: &'static Ers| e == UTF_16LE || e == UTF_16BE;
        return match bom {
            Some((found, len)) if found == named || (is_utf16(found) && is_utf16(named)) => {
                Choice { encoding: found, bom: len, certain: true }
            }
            _ => Choice { encoding: named, bom: 0, certain: true },
        };
    }
    if let Some((encoding, bom)) = bom {
        return Choice { encoding, bom, certain: true };
    }
    let even = &start[..start.len() & !1];
    // a character cut at the end of the bytes in hand is no error
    let utf8 = std::str::from_utf8(start).map_or_else(|e| e.error_len().is_none(), |_| true);
    let encoding = match utf16_without_bom(even) {
        Some(utf16) => utf16,
        None if utf8 || looks_like_damaged_utf8(start) => UTF_8,
        None => GB18030,
    };
    Choice { encoding, bom: 0, certain: false }
}

/// Reads up to `want` bytes more into `buf`; false at the end of the input.
fn fill(reader: &mut impl Read, buf: &mut Vec<u8>, want: usize) -> std::io::Result<bool> {
    let goal = buf.len() + want;
    while buf.len() < goal {
        let old = buf.len();
        buf.resize(goal, 0);
        match reader.read(&mut buf[old..]) {
            Ok(0) => {
                buf.truncate(old);
                return Ok(false);
            }
            Ok(n) => buf.truncate(old + n),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => buf.truncate(old),
            Err(e) => {
                buf.truncate(old);
                return Err(e);
            }
        }
    }
    Ok(true)
}

/// Reads the input at `path` (`-`: standard input) a piece at a time when it is longer than
/// [`CHUNK`]: `cut` says where the piece at the start of a text ends (looking at no more than
/// its first `CHUNK` bytes), and `each` gets every piece with its byte offset and 1-based line
/// in the decoded text. Memory holds about two pieces, whatever the input's size.
///
/// Returns [`Pieces::Whole`] with the input's bytes, having perhaps already passed some pieces
/// to `each`, when it is to be decoded whole instead (see the module docs).
pub(crate) fn read_pieces(
    path: &Path,
    named: Option<Encoding>,
    cut: impl Fn(&str) -> usize,
    mut each: impl FnMut(usize, usize, &str),
) -> Result<Pieces, InputError> {
    let io = |source| InputError::Io { path: path.to_path_buf(), source };
    let stdin = path.as_os_str() == "-";
    let shown: &Path = if stdin { Path::new("<stdin>") } else { path };
    let mut reader: Box<dyn Read> =
        if stdin { Box::new(std::io::stdin().lock()) } else { Box::new(std::fs::File::open(path).map_err(io)?) };
    // a regular file can be read again from the start; a pipe cannot
    let again = !stdin && std::fs::metadata(path).is_ok_and(|m| m.is_file());
    let mut raw: Vec<u8> = Vec::with_capacity(CHUNK + BLOCK);
    let mut more = fill(&mut reader, &mut raw, CHUNK + 1).map_err(io)?;
    while more && raw.len() < DETECT_ASCII_BYTES && raw.is_ascii() {
        more = fill(&mut reader, &mut raw, CHUNK).map_err(io)?;
    }
    if !more && raw.len() <= CHUNK {
        return Ok(Pieces::Whole(raw));
    }
    let choice = choose(&raw, named);
    let mut decoder = choice.encoding.new_decoder_without_bom_handling();
    raw.drain(..choice.bom);
    let mut stream = Stream { consumed: choice.bom, lines: 0, at: 0, text: String::with_capacity(CHUNK + BLOCK) };
    match stream.run(&mut decoder, &mut reader, raw, more, &cut, &mut each) {
        Ok(()) => Ok(Pieces::Streamed),
        Err(Failed::Io(e)) => Err(io(e)),
        // a guess that a pipe belies: no other encoding was tried, and none can be
        Err(Failed::Bad(bad)) if !choice.certain && !again => Err(InputError::Belied {
            path: shown.to_path_buf(),
            encoding: choice.encoding.name().to_string(),
            offset: bad.offset,
            line: bad.line,
        }),
        Err(Failed::Bad(bad)) if choice.certain || !again => Err(if choice.encoding == UTF_8 && named.is_none() {
            utf8_error(shown, bad)
        } else {
            undecodable(shown, choice.encoding, bad)
        }),
        Err(Failed::Bad(_)) => Ok(Pieces::Whole(std::fs::read(path).map_err(io)?)),
    }
}

/// Why a stream stopped short.
enum Failed {
    Io(std::io::Error),
    Bad(Bad),
}

/// Decoding in progress: bytes decoded so far, line feeds passed on, the decoded text not yet
/// passed on and its offset.
struct Stream {
    consumed: usize,
    lines: usize,
    at: usize,
    text: String,
}

impl Stream {
    fn run(
        &mut self,
        decoder: &mut Decoder,
        reader: &mut impl Read,
        mut raw: Vec<u8>,
        mut more: bool,
        cut: &impl Fn(&str) -> usize,
        each: &mut impl FnMut(usize, usize, &str),
    ) -> Result<(), Failed> {
        let mut done = false;
        loop {
            // more than CHUNK bytes of text, so that `cut` sees a whole piece
            while !done && self.text.len() <= CHUNK {
                if raw.is_empty() && more {
                    more = fill(reader, &mut raw, BLOCK).map_err(Failed::Io)?;
                }
                self.text.reserve(decoder.max_utf8_buffer_length_without_replacement(raw.len()).unwrap_or(BLOCK));
                let (result, read) = decoder.decode_to_string_without_replacement(&raw, &mut self.text, !more);
                self.consumed += read;
                raw.drain(..read);
                match result {
                    DecoderResult::InputEmpty => done = !more,
                    DecoderResult::OutputFull => {}
                    DecoderResult::Malformed(len, after) => {
                        let offset = self.consumed - usize::from(len) - usize::from(after);
                        let line = self.lines + memchr::memchr_iter(b'\n', self.text.as_bytes()).count() + 1;
                        return Err(Failed::Bad(Bad { offset, line }));
                    }
                }
            }
            let end = if done && self.text.len() <= CHUNK { self.text.len() } else { cut(&self.text).max(1) };
            let end = (end..=self.text.len()).find(|&i| self.text.is_char_boundary(i)).unwrap_or(self.text.len());
            each(self.at, self.lines + 1, &self.text[..end]);
            self.lines += memchr::memchr_iter(b'\n', &self.text.as_bytes()[..end]).count();
            self.at += end;
            self.text.drain(..end);
            if done && self.text.is_empty() {
                return Ok(());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A text of several pieces: paragraphs of Chinese with English, line feeds between.
    fn long_text() -> String {
        let paragraph = "我们比较了检索增强生成（Retrieval-Augmented Generation，RAG）与微调。\n第二行。\n\n";
        paragraph.repeat(3 * CHUNK / paragraph.len())
    }

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        text.encode_utf16().flat_map(|u| if big_endian { u.to_be_bytes() } else { u.to_le_bytes() }).collect()
    }

    /// The pieces `read_pieces` passes on for `bytes` in a file, joined, and how many.
    fn pieces(bytes: &[u8], named: Option<&str>) -> (Result<Pieces, InputError>, String, usize) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("long.txt");
        std::fs::write(&path, bytes).unwrap();
        let (mut text, mut n) = (String::new(), 0);
        let named = named.map(|l| Encoding::for_label(l).unwrap());
        let cut = |t: &str| crate::normalize::chunk_end(t, crate::Markup::Plain);
        let read = read_pieces(&path, named, cut, |at, line, piece| {
            assert_eq!(at, text.len());
            assert_eq!(line, text.matches('\n').count() + 1);
            assert!(piece.len() <= CHUNK);
            text.push_str(piece);
            n += 1;
        });
        (read, text, n)
    }

    /// Regression: GB18030 and UTF-16 inputs were read and decoded whole, however long.
    #[test]
    fn every_encoding_is_read_a_piece_at_a_time() {
        let text = long_text();
        let gb = GB18030.encode(&text).0.into_owned();
        let table: Vec<(Vec<u8>, Option<&str>)> = vec![
            (text.as_bytes().to_vec(), None),
            ([b"\xef\xbb\xbf", text.as_bytes()].concat(), None),
            (gb.clone(), None),
            (gb, Some("gbk")),
            ([b"\xff\xfe".as_slice(), &utf16(&text, false)].concat(), None),
            ([b"\xfe\xff".as_slice(), &utf16(&text, true)].concat(), Some("utf-16le")),
            (utf16(&text, false), None),
            (utf16(&text, true), None),
        ];
        for (bytes, named) in table {
            let (read, decoded, n) = pieces(&bytes, named);
            assert!(matches!(read, Ok(Pieces::Streamed)), "{named:?} {:?}", &bytes[..4]);
            assert!(n >= 3, "{n} pieces");
            assert_eq!(decoded, text);
        }
        // a short input is decoded whole
        let (read, _, n) = pieces("短文本（short text）".as_bytes(), None);
        assert!(matches!(read, Ok(Pieces::Whole(b)) if b == "短文本（short text）".as_bytes()) && n == 0);
    }

    /// A byte that does not decode, past the first pieces, is the error `decode` gives for the
    /// whole input: named where the encoding is certain, decided by `decode` where it was a
    /// guess (the file is read again, whole).
    #[test]
    fn an_undecodable_byte_far_in_is_the_error_decode_gives() {
        let text = long_text();
        let lines = text.matches('\n').count();
        let table: Vec<(Vec<u8>, Option<&str>)> = vec![
            ([b"\xff\xfe".as_slice(), &utf16(&text, false), b"\x00\xd8a\x00"].concat(), None),
            ([text.as_bytes(), b"\xff"].concat(), Some("utf-8")),
            ([GB18030.encode(&text).0.as_ref(), b"\xff"].concat(), Some("gb18030")),
        ];
        for (bytes, named) in table {
            let (read, _, _) = pieces(&bytes, named);
            let whole = super::super::decode::decode(
                Path::new("long.txt"),
                bytes.clone(),
                named.map(|l| Encoding::for_label(l).unwrap()),
            )
            .unwrap_err();
            let err = read.err().expect("an error");
            assert!(err.to_string().ends_with(&whole.to_string()["long.txt".len()..]), "{err} / {whole}");
            assert!(err.to_string().contains(&format!("(line {})", lines + 1)), "{err}");
        }
        // a guess belied: the file is read again whole
        let gb = [GB18030.encode(&text).0.as_ref(), b"\xff"].concat();
        assert!(matches!(pieces(&gb, None).0, Ok(Pieces::Whole(b)) if b == gb));
    }
}
