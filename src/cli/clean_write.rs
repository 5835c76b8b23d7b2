//! A writer that drops bidi control and zero-width characters on the way
//! through, for outputs written as a stream (`normalize`): the same
//! hygiene as [`frontline::privacy::strip_invisible`] gives a whole string,
//! applied to whatever pieces the stream is written in. A character split
//! across two writes is held back until its last byte arrives.

use frontline::privacy::strip_invisible;
use std::io::{self, Write};

/// Wraps `inner`; call [`Write::flush`] or [`StripInvisible::into_inner`]
/// at the end (a dropped writer loses an unfinished character).
pub struct StripInvisible<W: Write> {
    inner: W,
    /// The first bytes of a character whose rest has not been written yet.
    pending: Vec<u8>,
}

impl<W: Write> StripInvisible<W> {
    pub fn new(inner: W) -> StripInvisible<W> {
        StripInvisible {
            inner,
            pending: Vec::with_capacity(4),
        }
    }

    /// The inner writer, after what is pending has been written.
    pub fn into_inner(mut self) -> io::Result<W> {
        self.write_pending()?;
        Ok(self.inner)
    }

    fn write_pending(&mut self) -> io::Result<()> {
        // Only bytes that are not valid UTF-8 stay pending at the end:
        // written as they are, since frontline writes only strings.
        let rest = std::mem::take(&mut self.pending);
        self.inner.write_all(&rest)
    }

    /// Writes the valid UTF-8 of `bytes`, cleaned, and keeps an unfinished
    /// character at its end for the next write.
    fn write_clean(&mut self, bytes: &[u8]) -> io::Result<()> {
        let (valid, rest) = match std::str::from_utf8(bytes) {
            Ok(s) => (s, &[][..]),
            Err(e) if e.error_len().is_none() => {
                let (head, tail) = bytes.split_at(e.valid_up_to());
                // SAFETY: `from_utf8` checked `head` is valid UTF-8.
                (unsafe { std::str::from_utf8_unchecked(head) }, tail)
            }
            // Not UTF-8 at all: nothing to clean, pass it through.
            Err(_) => return self.inner.write_all(bytes),
        };
        self.inner.write_all(strip_invisible(valid).as_bytes())?;
        self.pending.extend_from_slice(rest);
        Ok(())
    }
}

impl<W: Write> Write for StripInvisible<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.pending.is_empty() {
            self.write_clean(buf)?;
        } else {
            let mut joined = std::mem::take(&mut self.pending);
            joined.extend_from_slice(buf);
            self.write_clean(&joined)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.write_pending()?;
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through(pieces: &[&[u8]]) -> Vec<u8> {
        let mut w = StripInvisible::new(vec![]);
        for p in pieces {
            w.write_all(p).unwrap();
        }
        w.into_inner().unwrap()
    }

    #[test]
    fn invisible_characters_go_whatever_the_pieces() {
        let text = "Ma\u{200B}ria \u{202E}evil\u{202C} caf\u{e9}\u{AD}!";
        let want = frontline::privacy::strip_invisible(text).into_owned();
        let bytes = text.as_bytes();
        // Every split point, including inside a character.
        for i in 0..=bytes.len() {
            let (a, b) = bytes.split_at(i);
            assert_eq!(String::from_utf8(through(&[a, b])).unwrap(), want, "{i}");
        }
        // One byte at a time.
        let singles: Vec<&[u8]> = bytes.chunks(1).collect();
        assert_eq!(String::from_utf8(through(&singles)).unwrap(), want);
    }

    #[test]
    fn plain_text_passes_unchanged() {
        assert_eq!(
            through(&[b"plain, ", "ünïcode".as_bytes()]),
            "plain, ünïcode".as_bytes()
        );
    }
}
