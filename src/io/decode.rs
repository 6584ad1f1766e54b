//! Decoding input bytes: UTF-8 (with or without a byte-order mark), UTF-16 with a
//! byte-order mark or GB18030/GBK/GB2312, detected; or an encoding the caller names.
//! Decoding is strict: a byte that does not decode is an error naming its offset and line,
//! never a replacement character.

use crate::InputError;
use encoding_rs::{DecoderResult, Encoding as Ers, GB18030, GBK, UTF_16BE, UTF_16LE, UTF_8};
use std::path::Path;

/// A text encoding that inputs can be read in: UTF-8, UTF-16LE, UTF-16BE, GB18030, Big5 and
/// the other encodings of the WHATWG Encoding Standard.
///
/// ```
/// use termbridge::input::Encoding;
/// assert_eq!(Encoding::for_label("GBK")?, Encoding::for_label("gb18030")?);
/// assert_eq!(Encoding::for_label("utf8")?.name(), "UTF-8");
/// assert_eq!(Encoding::for_label("UTF-16BE")?.name(), "UTF-16BE");
/// let err = Encoding::for_label("klingon").unwrap_err();
/// assert!(err.to_string().starts_with("unknown encoding \"klingon\""), "{err}");
/// # Ok::<(), termbridge::InputError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Encoding(&'static Ers);

impl Encoding {
    /// The encoding named by `label` (case-insensitive, surrounding whitespace ignored): the
    /// WHATWG labels, such as `utf-8`, `utf8`, `utf-16` (little-endian), `utf-16le`,
    /// `utf-16be`, `gb18030`, `gbk`, `gb2312` and `big5`. GBK and GB2312 give GB18030, their
    /// strict superset. `None` for unknown labels and for labels of the WHATWG "replacement"
    /// encoding, which cannot decode anything; [`InputError::UnknownEncoding`] for those.
    pub fn for_label(label: &str) -> Result<Encoding, InputError> {
        match Ers::for_label_no_replacement(label.trim().as_bytes()) {
            Some(encoding) => Ok(Encoding(if encoding == GBK { GB18030 } else { encoding })),
            None => Err(InputError::UnknownEncoding { name: label.to_string() }),
        }
    }

    /// Its canonical name (`UTF-8`, `UTF-16LE`, `gb18030`, `Big5`…).
    pub fn name(self) -> &'static str {
        self.0.name()
    }

    /// The encoding_rs encoding.
    pub(super) fn ers(self) -> &'static Ers {
        self.0
    }
}

impl std::fmt::Debug for Encoding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl std::fmt::Display for Encoding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Decoded text and the encoding it was decoded from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a byte-order mark; line endings as in the input.
    pub text: String,
    /// The encoding the bytes were read as.
    pub encoding: Encoding,
}

/// Decodes bytes in `encoding`, or, with `None`, in the encoding detected:
///
/// 1. a byte-order mark decides (UTF-8, UTF-16LE, UTF-16BE);
/// 2. otherwise valid UTF-8 is UTF-8;
/// 3. otherwise GB18030 (a superset of GBK and GB2312) if the whole input decodes — unless
///    the input reads as UTF-8 with a few damaged bytes (many more valid non-ASCII UTF-8
///    characters than invalid sequences), which is reported as invalid UTF-8 rather than
///    silently read as GB18030 mojibake;
/// 4. otherwise [`InputError::Encoding`] naming `path`, the byte offset and the line of the
///    first byte that is not valid UTF-8.
///
/// With `Some(encoding)` the bytes are decoded strictly in that encoding (never a
/// replacement character), after dropping that encoding's byte-order mark if present (for
/// UTF-16 of either byte order, a UTF-16 byte-order mark decides the byte order, since the
/// label `utf-16` cannot say which); the error names the byte offset and line of the first
/// byte that cannot be decoded. Offsets count from the start of the input, byte-order mark
/// included; lines are 1-based. Line endings are kept as they are.
///
/// ```
/// use termbridge::input::{decode, Encoding};
/// use termbridge::InputError;
/// use std::path::Path;
/// let path = Path::new("a.txt");
/// let gb18030 = Encoding::for_label("gb18030")?;
/// let d = decode(path, vec![0xd6, 0xd0, 0xce, 0xc4], None)?;
/// assert_eq!((d.text.as_str(), d.encoding), ("中文", gb18030));
/// let d = decode(path, b"\xff\xfe\x2d\x4e".to_vec(), None)?;
/// assert_eq!((d.text.as_str(), d.encoding.name()), ("中", "UTF-16LE"));
/// let err = decode(path, b"ab\xff".to_vec(), Some(gb18030)).unwrap_err();
/// assert!(err.to_string().contains("at byte 2 (line 1)"), "{err}");
/// let err = decode(path, b"ok\n\xff".to_vec(), None).unwrap_err();
/// assert!(matches!(err, InputError::Encoding { offset: 3, line: 2, .. }), "{err}");
/// assert!(err.to_string().starts_with("a.txt: not valid UTF-8 at byte 3 (line 2)"));
/// # Ok::<(), InputError>(())
/// ```
pub fn decode(path: &Path, bytes: Vec<u8>, encoding: Option<Encoding>) -> Result<Decoded, InputError> {
    let (text, encoding) = match encoding {
        Some(encoding) => decode_named(path, bytes, encoding.0)?,
        None => detect(path, bytes)?,
    };
    Ok(Decoded { text, encoding: Encoding(encoding) })
}

/// Decoding with an encoding the caller named.
fn decode_named(path: &Path, bytes: Vec<u8>, encoding: &'static Ers) -> Result<(String, &'static Ers), InputError> {
    let (encoding, bom) = match Ers::for_bom(&bytes) {
        Some((found, len)) if found == encoding => (encoding, len),
        Some((found, len))
            if (found == UTF_16LE || found == UTF_16BE) && (encoding == UTF_16LE || encoding == UTF_16BE) =>
        {
            (found, len)
        }
        _ => (encoding, 0),
    };
    strict(bytes, bom, encoding).map_err(|bad| undecodable(path, encoding, bad))
}

/// Decoding with detection (see [`decode`]).
fn detect(path: &Path, bytes: Vec<u8>) -> Result<(String, &'static Ers), InputError> {
    if let Some((encoding, bom)) = Ers::for_bom(&bytes) {
        return strict(bytes, bom, encoding).map_err(|bad| {
            if encoding == UTF_8 {
                utf8_error(path, bad)
            } else {
                undecodable(path, encoding, bad)
            }
        });
    }
    if let Some(encoding) = utf16_without_bom(&bytes) {
        if let Ok(decoded) = strict(bytes.clone(), 0, encoding) {
            return Ok(decoded);
        }
    }
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return Ok((text, UTF_8)),
        Err(e) => e.into_bytes(),
    };
    let bad_utf8 = || {
        let offset = std::str::from_utf8(&bytes).unwrap_err().valid_up_to();
        let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
        utf8_error(path, Bad { offset, line })
    };
    if looks_like_damaged_utf8(&bytes) {
        return Err(bad_utf8());
    }
    match GB18030.decode_without_bom_handling_and_without_replacement(&bytes) {
        Some(text) => Ok((text.into_owned(), GB18030)),
        None => Err(bad_utf8()),
    }
}

/// The byte order of UTF-16 written without a byte-order mark, told by its NUL bytes: every
/// ASCII character (a space, a line break, a Latin letter) is a NUL byte and its own byte, so
/// such text has NULs at one parity of offsets and none at the other, which no text in
/// UTF-8 or GB18030 has.
pub(super) fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Ers> {
    /// One code unit in this many holding a NUL byte is enough to tell…
    const UNITS_PER_NUL: usize = 16;
    /// …and never fewer NULs than this: one NUL is a stray byte, not an encoding.
    const MIN_NULS: usize = 2;
    if bytes.len() < 2 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in bytes.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    let enough = (bytes.len() / 2 / UNITS_PER_NUL).max(MIN_NULS);
    match (even, odd) {
        (0, n) if n >= enough => Some(UTF_16LE),
        (n, 0) if n >= enough => Some(UTF_16BE),
        _ => None,
    }
}

/// Whether bytes that are not valid UTF-8 still read far better as UTF-8 than as anything
/// else: more than four valid non-ASCII UTF-8 characters per invalid sequence. GB18030 text
/// read as UTF-8 gives mostly invalid sequences (its lead bytes 0xB0–0xF7 are rarely
/// followed by UTF-8 continuation bytes in the right number), while UTF-8 text with a stray
/// byte gives one invalid sequence among many valid characters — and would often decode as
/// GB18030 nonetheless, as mojibake.
pub(super) fn looks_like_damaged_utf8(bytes: &[u8]) -> bool {
    /// Valid characters per invalid sequence above which bytes are damaged UTF-8.
    const VALID_PER_INVALID: usize = 4;
    let (mut valid, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    valid > VALID_PER_INVALID * invalid
}

/// Where decoding failed: byte offset from the start of the input and 1-based line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Bad {
    pub(super) offset: usize,
    pub(super) line: usize,
}

/// Decodes `bytes[bom..]` strictly in `encoding`; on failure, the position (counted in
/// `bytes`) of the first byte that cannot be decoded.
fn strict(mut bytes: Vec<u8>, bom: usize, encoding: &'static Ers) -> Result<(String, &'static Ers), Bad> {
    let text = if encoding == UTF_8 {
        // no copy for the common case
        bytes.drain(..bom);
        String::from_utf8(bytes).map_err(|e| {
            let bytes = e.as_bytes();
            let offset = e.utf8_error().valid_up_to();
            let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
            Bad { offset: bom + offset, line }
        })?
    } else {
        let body = &bytes[bom..];
        match encoding.decode_without_bom_handling_and_without_replacement(body) {
            Some(text) => text.into_owned(),
            None => {
                let bad = first_undecodable(body, encoding);
                return Err(Bad { offset: bom + bad.offset, ..bad });
            }
        }
    };
    Ok((text, encoding))
}

/// The offset and line of the first byte of `bytes` that `encoding` cannot decode (the
/// start of the first malformed sequence). Decodes in chunks of bounded size, counting the
/// bytes read and the line feeds decoded, so lines count characters, not bytes (in UTF-16 a
/// 0x0A byte is not always a line feed).
fn first_undecodable(bytes: &[u8], encoding: &'static Ers) -> Bad {
    const CHUNK: usize = 8192;
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(CHUNK);
    let (mut read, mut lines) = (0usize, 0usize);
    loop {
        out.clear();
        let (result, n) = decoder.decode_to_string_without_replacement(&bytes[read..], &mut out, true);
        read += n;
        lines += out.bytes().filter(|&b| b == b'\n').count();
        match result {
            DecoderResult::OutputFull => continue,
            DecoderResult::Malformed(len, after) => {
                return Bad { offset: read.saturating_sub(usize::from(after) + usize::from(len)), line: lines + 1 }
            }
            // the caller saw a failure; a decoder that disagrees points at the end
            DecoderResult::InputEmpty => return Bad { offset: bytes.len(), line: lines + 1 },
        }
    }
}

/// Not valid UTF-8 (and, with detection, nothing else recognised either).
pub(super) fn utf8_error(path: &Path, bad: Bad) -> InputError {
    InputError::Encoding { path: path.to_path_buf(), offset: bad.offset, line: bad.line }
}

/// Not valid in `encoding` (named by the caller or by a byte-order mark).
pub(super) fn undecodable(path: &Path, encoding: &'static Ers, bad: Bad) -> InputError {
    InputError::Undecodable {
        path: path.to_path_buf(),
        encoding: encoding.name().to_string(),
        offset: bad.offset,
        line: bad.line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::BIG5;

    fn gb(text: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = GB18030.encode(text);
        assert!(!unmappable);
        bytes.into_owned()
    }

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        text.encode_utf16().flat_map(|u| if big_endian { u.to_be_bytes() } else { u.to_le_bytes() }).collect()
    }

    fn cat(parts: &[&[u8]]) -> Vec<u8> {
        parts.concat()
    }

    /// The message of an error naming an encoding, the offset and the line.
    fn assert_names(err: &InputError, name: &str, offset: usize, line: usize) {
        let message = err.to_string();
        assert!(
            message.starts_with("a.txt: ")
                && message.contains(&format!("not valid {name} at byte {offset} (line {line})")),
            "{message}"
        );
    }

    #[test]
    fn named_encodings_report_the_first_undecodable_byte() {
        let table: Vec<(&'static Ers, Vec<u8>, usize, usize)> = vec![
            // UTF-8: a byte that is never valid, a truncated sequence, after a BOM
            (UTF_8, b"ok\n\xff".to_vec(), 3, 2),
            (UTF_8, cat(&["中\n".as_bytes(), b"\xe4\xb8"]), 4, 2),
            (UTF_8, b"\xef\xbb\xbfab\xff".to_vec(), 5, 1),
            (UTF_8, cat(&["中文".as_bytes(), b"\x80\n"]), 6, 1),
            // GB18030: 0xFF is never a lead byte
            (GB18030, cat(&[&gb("中文\n第二行\n"), b"\xffx"]), 12, 3),
            (GB18030, b"\xff".to_vec(), 0, 1),
            // a lead byte followed by a byte that is no trail byte
            (GB18030, cat(&[&gb("中"), b"\xd6\n"]), 2, 1),
            (GB18030, cat(&[&gb("中"), b"\xd6\xff"]), 2, 1),
            // a lead byte at the end
            (GB18030, cat(&[b"ab\n", &gb("中"), b"\xd6"]), 5, 2),
            // a broken four-byte sequence
            (GB18030, b"ab\x81\x30\x81 ".to_vec(), 2, 1),
            (GB18030, b"ab\x81\x30".to_vec(), 2, 1),
            // UTF-16: an odd byte at the end, unpaired surrogates
            (UTF_16LE, cat(&[&utf16("a\nb", false), b"c"]), 6, 2),
            (UTF_16LE, cat(&[&utf16("a\n", false), b"\x00\xd8", &utf16("b", false)]), 4, 2),
            (UTF_16LE, cat(&[&utf16("ab", false), b"\x00\xdc"]), 4, 1),
            (UTF_16BE, cat(&[b"\xfe\xff", &utf16("a", true), b"\xd8\x00", &utf16("b", true)]), 4, 1),
            // 上 is U+4E0A: its 0x0A byte is no line feed
            (UTF_16LE, cat(&[&utf16("上上", false), b"\x00\xdc"]), 4, 1),
            // Big5: 0xFF is never a lead byte
            (BIG5, b"ab\n\xff".to_vec(), 3, 2),
        ];
        for (encoding, bytes, offset, line) in table {
            let err = decode(Path::new("a.txt"), bytes.clone(), Some(Encoding(encoding))).unwrap_err();
            assert_names(&err, encoding.name(), offset, line);
            // and the chunked search agrees with a long valid prefix before the bad byte
            let long_text = "长文本\n".repeat(5000);
            let prefix = if encoding == UTF_16LE || encoding == UTF_16BE {
                // encoding_rs encodes UTF-16 as UTF-8 (its output encoding)
                utf16(&long_text, encoding == UTF_16BE)
            } else {
                encoding.encode(&long_text).0.into_owned()
            };
            let bom = Ers::for_bom(&bytes).map_or(0, |(_, len)| len);
            let long = cat(&[&bytes[..bom], &prefix, &bytes[bom..]]);
            let err = decode(Path::new("a.txt"), long, Some(Encoding(encoding))).unwrap_err();
            assert_names(&err, encoding.name(), prefix.len() + offset, 5000 + line);
        }
    }

    #[test]
    fn named_encodings_decode_strictly_and_drop_their_bom() {
        let text = "检索增强生成（Retrieval-Augmented Generation，RAG）\r\n第二行\n";
        // (asked for, bytes, decoded as)
        let table: Vec<(&'static Ers, Vec<u8>, &'static Ers)> = vec![
            (UTF_8, text.as_bytes().to_vec(), UTF_8),
            (UTF_8, cat(&[b"\xef\xbb\xbf", text.as_bytes()]), UTF_8),
            (GB18030, gb(text), GB18030),
            (UTF_16LE, utf16(text, false), UTF_16LE),
            (UTF_16LE, cat(&[b"\xff\xfe", &utf16(text, false)]), UTF_16LE),
            (UTF_16BE, cat(&[b"\xfe\xff", &utf16(text, true)]), UTF_16BE),
            // `utf-16` means little-endian, but a byte-order mark says otherwise
            (UTF_16LE, cat(&[b"\xfe\xff", &utf16(text, true)]), UTF_16BE),
            (UTF_16BE, cat(&[b"\xff\xfe", &utf16(text, false)]), UTF_16LE),
        ];
        for (asked, bytes, got) in table {
            let d = decode(Path::new("a.txt"), bytes, Some(Encoding(asked))).unwrap();
            assert_eq!((d.text.as_str(), d.encoding.0), (text, got));
        }
        let traditional = "檢索增強生成（Retrieval-Augmented Generation，RAG）\r\n";
        let (big5, _, unmappable) = BIG5.encode(traditional);
        assert!(!unmappable);
        let d = decode(Path::new("a.txt"), big5.into_owned(), Some(Encoding(BIG5))).unwrap();
        assert_eq!((d.text.as_str(), d.encoding.0), (traditional, BIG5));
        // GB18030 named explicitly keeps what it decodes, even a UTF-8 BOM's bytes
        let d = decode(Path::new("a.txt"), b"\xef\xbb\xbfa".to_vec(), Some(Encoding(GB18030)));
        assert_eq!(d.unwrap().text, "锘縜");
    }

    #[test]
    fn detection_order() {
        let text = "我们在实验中比较了检索增强生成（Retrieval-Augmented Generation，RAG）。\r\nRAG 很有效。\n";
        let table: Vec<(Vec<u8>, &'static Ers)> = vec![
            (text.as_bytes().to_vec(), UTF_8),
            (cat(&[b"\xef\xbb\xbf", text.as_bytes()]), UTF_8),
            (cat(&[b"\xff\xfe", &utf16(text, false)]), UTF_16LE),
            (cat(&[b"\xfe\xff", &utf16(text, true)]), UTF_16BE),
            (gb(text), GB18030),
            (b"plain ASCII\n".to_vec(), UTF_8),
            (Vec::new(), UTF_8),
        ];
        for (bytes, encoding) in table {
            let d = decode(Path::new("a.txt"), bytes, None).unwrap();
            assert_eq!(d.encoding.0, encoding, "{:?}", d.text);
            assert!(["", "plain ASCII\n", text].contains(&d.text.as_str()), "{:?}", d.text);
        }
    }

    #[test]
    fn detection_failures_name_the_first_invalid_utf8_byte() {
        let path = Path::new("a.txt");
        let table: Vec<(Vec<u8>, usize, usize)> = vec![
            (b"ok\n\xff\xfe".to_vec(), 3, 2),
            (b"\xff".to_vec(), 0, 1),
            (b"caf\xe9 au lait".to_vec(), 3, 1),
            // GB18030 with a corrupted trail byte: its first byte is no UTF-8
            (cat(&[&gb("中文\n第二行"), b"\xd6\xff"]), 0, 1),
            (cat(&[b"RAG\n", &gb("中文\n第二行"), b"\xd6\xff"]), 4, 2),
            // a UTF-8 BOM decides: no GB18030 fallback
            (cat(&[b"\xef\xbb\xbf", &gb("中文")]), 3, 1),
        ];
        for (bytes, offset, line) in table {
            let err = decode(path, bytes.clone(), None).unwrap_err();
            assert!(
                matches!(err, InputError::Encoding { offset: o, line: l, .. } if o == offset && l == line),
                "{bytes:x?}: {err}"
            );
        }
    }

    #[test]
    fn a_utf16_bom_decides_and_errors_name_utf16() {
        let bytes = cat(&[b"\xff\xfe", &utf16("a\n", false), b"\x00\xd8"]);
        let err = decode(Path::new("a.txt"), bytes, None).unwrap_err();
        assert_names(&err, "UTF-16LE", 6, 2);
        let bytes = cat(&[b"\xfe\xff", &utf16("ab", true), b"x"]);
        let err = decode(Path::new("a.txt"), bytes, None).unwrap_err();
        assert_names(&err, "UTF-16BE", 6, 1);
    }

    #[test]
    fn damaged_utf8_is_not_read_as_gb18030() {
        // UTF-8 Chinese with one stray byte: valid GB18030 as a whole, but mojibake
        let good = "我们比较了检索增强生成和微调两种方法的效果";
        let (head, tail) = good.split_at(3 * 10);
        let damaged = cat(&[head.as_bytes(), b"\xc0", tail.as_bytes()]);
        assert!(GB18030.decode_without_bom_handling_and_without_replacement(&damaged).is_some());
        let err = decode(Path::new("a.txt"), damaged, None).unwrap_err();
        assert!(matches!(err, InputError::Encoding { offset: 30, line: 1, .. }), "{err}");
        // while real GB18030 text, long or short, is GB18030
        let long = "在本文中，我们系统地比较了检索增强生成与参数高效微调两类方法。实验表明，\
                    前者在知识密集型任务上表现更好，后者在风格迁移上更稳定。我们还讨论了\
                    向量数据库、重排序模型以及提示工程对最终效果的影响。";
        for text in [long, "中文", "计算", "较"] {
            let d = decode(Path::new("a.txt"), gb(text), None).unwrap();
            assert_eq!((d.text.as_str(), d.encoding.0), (text, GB18030));
        }
    }

    /// Regression: UTF-16 without a byte-order mark read as UTF-8 (its NUL bytes are valid
    /// UTF-8) and gave an empty glossary without a word.
    #[test]
    fn utf16_without_a_bom_is_told_by_its_nul_bytes() {
        let text = "检索增强生成（Retrieval-Augmented Generation，RAG）\n很有效。\n";
        for big_endian in [false, true] {
            let d = decode(Path::new("a.txt"), utf16(text, big_endian), None).unwrap();
            assert_eq!((d.text.as_str(), d.encoding.0), (text, if big_endian { UTF_16BE } else { UTF_16LE }));
        }
        // text with a stray NUL, or NULs at both parities, is not UTF-16
        for bytes in [b"ab\0d".to_vec(), b"\0a\0\0".to_vec(), "中文\0".as_bytes().to_vec()] {
            assert_ne!(
                decode(Path::new("a.txt"), bytes.clone(), None).map(|d| d.encoding.0).ok(),
                Some(UTF_16LE),
                "{bytes:?}"
            );
        }
    }

    #[test]
    fn labels() {
        let table: &[(&str, Option<&'static Ers>)] = &[
            ("utf-8", Some(UTF_8)),
            ("UTF8", Some(UTF_8)),
            (" utf-8 ", Some(UTF_8)),
            ("gbk", Some(GB18030)),
            ("GB2312", Some(GB18030)),
            ("gb18030", Some(GB18030)),
            ("utf-16", Some(UTF_16LE)),
            ("UTF-16LE", Some(UTF_16LE)),
            ("utf-16be", Some(UTF_16BE)),
            ("Big5", Some(BIG5)),
            ("hz-gb-2312", None),
            ("latin-9000", None),
            ("", None),
        ];
        for &(label, want) in table {
            assert_eq!(Encoding::for_label(label).ok().map(|e| e.0), want, "{label}");
        }
    }
}
