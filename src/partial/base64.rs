//! Base64 (the standard alphabet, with padding), for the packed records of a partial: a
//! JSON string holds compressed bytes this way, and the record stays one line of text.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// How long the base64 of `n` bytes is.
pub(super) fn encoded_len(n: usize) -> usize {
    n.div_ceil(3) * 4
}

/// Writes bytes as base64, a part at a time.
pub(super) fn encode_to<W: std::io::Write>(bytes: &[u8], out: &mut W) -> std::io::Result<()> {
    // a multiple of three bytes, so that no part but the last is padded
    const PART: usize = 3 * 4096;
    bytes.chunks(PART).try_for_each(|part| out.write_all(encode(part).as_bytes()))
}

/// Bytes as base64.
pub(super) fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], chunk.get(1).copied().unwrap_or(0), chunk.get(2).copied().unwrap_or(0)];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The bytes of base64 text; an error says at which character it is not base64.
pub(super) fn decode(text: &str) -> Result<Vec<u8>, String> {
    let t = text.as_bytes();
    if !t.len().is_multiple_of(4) {
        return Err(format!("base64 of {} characters, not a multiple of 4", t.len()));
    }
    let mut out = Vec::with_capacity(t.len() / 4 * 3);
    for (q, quad) in t.chunks(4).enumerate() {
        let last = (q + 1) * 4 == t.len();
        let pad = quad.iter().rev().take_while(|&&c| c == b'=').count();
        if pad > 2 || pad > 0 && !last {
            return Err(format!("'=' inside base64 at character {}", q * 4 + 4 - pad));
        }
        let mut n = 0u32;
        for (i, &c) in quad[..4 - pad].iter().enumerate() {
            let v = value(c).ok_or_else(|| format!("not base64 at character {}", q * 4 + i))?;
            n |= u32::from(v) << (18 - 6 * i);
        }
        out.extend_from_slice(&n.to_be_bytes()[1..4 - pad]);
    }
    Ok(out)
}

fn value(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values() {
        for (bytes, text) in [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg==")] {
            assert_eq!(encode(bytes.as_bytes()), text);
            assert_eq!(encoded_len(bytes.len()), text.len());
            assert_eq!(decode(text).unwrap(), bytes.as_bytes());
        }
    }

    #[test]
    fn bad_text_is_an_error_naming_where() {
        assert_eq!(decode("Zm9").unwrap_err(), "base64 of 3 characters, not a multiple of 4");
        assert_eq!(decode("Zm9v*g==").unwrap_err(), "not base64 at character 4");
        assert_eq!(decode("Zg==Zm9v").unwrap_err(), "'=' inside base64 at character 2");
        assert_eq!(decode("Z===").unwrap_err(), "'=' inside base64 at character 1");
    }

    proptest::proptest! {
        #[test]
        fn decode_undoes_encode(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..200)) {
            proptest::prop_assert_eq!(&decode(&encode(&bytes)).unwrap(), &bytes);
            let mut parts = Vec::new();
            encode_to(&bytes.repeat(100), &mut parts).unwrap();
            proptest::prop_assert_eq!(parts, encode(&bytes.repeat(100)).into_bytes());
        }
    }
}
