//! The decoding stream: bytes in any supported encoding in, UTF-8 out, in
//! one pass. A BOM or the NUL pattern of UTF-16 fixes the encoding before
//! the first byte; otherwise the text passes through untouched while it is
//! ASCII, and at the first other byte the next megabyte is looked at to
//! choose between UTF-8 and Windows-1252 (the same rule as for a whole
//! file: UTF-8 unless invalid sequences outnumber valid ones). Bytes that
//! do not decode become U+FFFD and are counted, for the warning.

use super::TextEncoding;
use super::decode::{Utf8Tally, choose_8bit, encoding_of, tally_chunk};
use encoding_rs::{Decoder, DecoderResult};
use std::cell::Cell;
use std::io::{self, Read};
use std::rc::Rc;

/// How much is read from the source at a time.
const CHUNK: usize = 64 * 1024;
/// How far past the first non-ASCII byte the UTF-8 / Windows-1252 choice
/// looks.
const LOOKAHEAD: usize = 1 << 20;

/// What decoding found, read by `read` once the stream is done.
#[derive(Debug)]
pub(crate) struct DecodeStats {
    pub encoding: Cell<TextEncoding>,
    /// Bytes that did not decode (shown as U+FFFD).
    pub invalid: Cell<usize>,
}

/// The decoding reader.
pub(crate) struct Transcoder<R> {
    inner: R,
    /// `None` while everything so far was ASCII and no BOM fixed the
    /// encoding.
    decoder: Option<Decoder>,
    raw: Vec<u8>,
    raw_pos: usize,
    out: Vec<u8>,
    out_pos: usize,
    eof: bool,
    /// The decoder has flushed its last bytes and must not be called again.
    finished: bool,
    done: bool,
    stats: Rc<DecodeStats>,
}

impl<R: Read> Transcoder<R> {
    /// A reader that decodes `inner`; `known` is the encoding a BOM or the
    /// UTF-16 NUL pattern fixed, `None` to choose UTF-8 or Windows-1252 on
    /// the way.
    pub(crate) fn new(inner: R, known: Option<TextEncoding>) -> (Self, Rc<DecodeStats>) {
        let stats = Rc::new(DecodeStats {
            encoding: Cell::new(known.unwrap_or(TextEncoding::Utf8)),
            invalid: Cell::new(0),
        });
        let decoder = known.map(|e| encoding_of(e).new_decoder_with_bom_removal());
        let t = Transcoder {
            inner,
            decoder,
            raw: Vec::with_capacity(CHUNK),
            raw_pos: 0,
            out: Vec::with_capacity(CHUNK),
            out_pos: 0,
            eof: false,
            finished: false,
            done: false,
            stats: Rc::clone(&stats),
        };
        (t, stats)
    }

    /// Appends up to `want` bytes from the source to `raw`; false at EOF.
    fn fill(&mut self, want: usize) -> io::Result<bool> {
        let start = self.raw.len();
        self.raw.resize(start + want, 0);
        let n = loop {
            match self.inner.read(&mut self.raw[start..]) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.raw.truncate(start);
                    return Err(e);
                }
                Ok(n) => break n,
            }
        };
        self.raw.truncate(start + n);
        self.eof |= n == 0;
        Ok(n > 0)
    }

    /// Produces the next piece of output into `out`.
    fn refill(&mut self) -> io::Result<()> {
        self.out.clear();
        self.out_pos = 0;
        if self.finished {
            self.done = true;
            return Ok(());
        }
        if self.raw_pos == self.raw.len() {
            self.raw.clear();
            self.raw_pos = 0;
            if !self.eof {
                self.fill(CHUNK)?;
            }
        }
        if self.decoder.is_none() {
            let rest = &self.raw[self.raw_pos..];
            match rest.iter().position(|b| !b.is_ascii()) {
                None => {
                    // ASCII reads the same in every candidate encoding.
                    std::mem::swap(&mut self.out, &mut self.raw);
                    self.raw.clear();
                    self.raw_pos = 0;
                    self.done = self.eof && self.out.is_empty();
                    return Ok(());
                }
                Some(at) => self.choose(self.raw_pos + at)?,
            }
        }
        self.decode()
    }

    /// Chooses UTF-8 or Windows-1252 from the bytes after `first`, the
    /// first non-ASCII byte.
    fn choose(&mut self, first: usize) -> io::Result<()> {
        while !self.eof && self.raw.len() - first < LOOKAHEAD {
            self.fill(CHUNK)?;
        }
        let mut tally = Utf8Tally::default();
        tally_chunk(&self.raw[first..], self.eof, &mut tally);
        let enc = choose_8bit(tally);
        self.stats.encoding.set(enc);
        self.decoder = Some(encoding_of(enc).new_decoder_without_bom_handling());
        Ok(())
    }

    fn decode(&mut self) -> io::Result<()> {
        let decoder = self.decoder.as_mut().expect("chosen");
        let last = self.eof;
        let src = &self.raw[self.raw_pos..];
        let room = decoder
            .max_utf8_buffer_length_without_replacement(src.len())
            .unwrap_or(src.len() * 3 + 16)
            .max(16);
        self.out.resize(room, 0);
        let mut written = 0;
        let mut consumed = 0;
        let mut empty = false;
        loop {
            let (result, read, wrote) = decoder.decode_to_utf8_without_replacement(
                &src[consumed..],
                &mut self.out[written..],
                last,
            );
            consumed += read;
            written += wrote;
            match result {
                DecoderResult::InputEmpty => {
                    empty = true;
                    break;
                }
                DecoderResult::OutputFull => break,
                DecoderResult::Malformed(bad, _) => {
                    self.stats
                        .invalid
                        .set(self.stats.invalid.get() + usize::from(bad));
                    let fffd = "\u{FFFD}".as_bytes();
                    if self.out.len() < written + fffd.len() {
                        self.out.resize(written + fffd.len() + 16, 0);
                    }
                    self.out[written..written + fffd.len()].copy_from_slice(fffd);
                    written += fffd.len();
                }
            }
        }
        self.raw_pos += consumed;
        self.out.truncate(written);
        self.finished = last && empty;
        Ok(())
    }
}

impl<R: Read> Read for Transcoder<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            if self.out_pos < self.out.len() {
                let n = buf.len().min(self.out.len() - self.out_pos);
                buf[..n].copy_from_slice(&self.out[self.out_pos..self.out_pos + n]);
                self.out_pos += n;
                return Ok(n);
            }
            if self.done || buf.is_empty() {
                return Ok(0);
            }
            self.refill()?;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(bytes: &[u8], known: Option<TextEncoding>) -> (String, TextEncoding, usize) {
        let (mut t, stats) = Transcoder::new(bytes, known);
        let mut s = String::new();
        t.read_to_string(&mut s).unwrap();
        (s, stats.encoding.get(), stats.invalid.get())
    }

    #[test]
    fn ascii_utf8_and_1252_are_told_apart() {
        assert_eq!(
            decode(b"a,b\n", None),
            ("a,b\n".into(), TextEncoding::Utf8, 0)
        );
        let (s, e, bad) = decode("Renée,Zoë\n".as_bytes(), None);
        assert_eq!((s.as_str(), e, bad), ("Renée,Zoë\n", TextEncoding::Utf8, 0));
        let (s, e, _) = decode(b"Ren\xE9e can\x92t\n", None);
        assert_eq!(
            (s.as_str(), e),
            ("Renée can\u{2019}t\n", TextEncoding::Windows1252)
        );
    }

    #[test]
    fn a_damaged_utf8_byte_is_counted_and_replaced() {
        let (s, e, bad) = decode(
            "é è ü ö \u{2019} "
                .as_bytes()
                .iter()
                .chain(b"\xFF!")
                .copied()
                .collect::<Vec<_>>()
                .as_slice(),
            None,
        );
        assert_eq!(e, TextEncoding::Utf8);
        assert_eq!(bad, 1);
        assert!(s.ends_with("\u{FFFD}!"), "{s}");
    }

    #[test]
    fn non_ascii_far_into_the_stream_is_still_decoded() {
        let mut bytes = vec![b'a'; 3 * CHUNK + 7];
        bytes.extend_from_slice(b"Ren\xE9\n");
        let (s, e, _) = decode(&bytes, None);
        assert_eq!(e, TextEncoding::Windows1252);
        assert!(s.ends_with("René\n"));
        assert_eq!(s.len(), 3 * CHUNK + 7 + 6);
    }

    #[test]
    fn utf16_with_bom_loses_the_bom() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("Id,Ann\n".encode_utf16().flat_map(|u| u.to_le_bytes()));
        let (s, _, _) = decode(&le, Some(TextEncoding::Utf16Le));
        assert_eq!(s, "Id,Ann\n");
    }
}
