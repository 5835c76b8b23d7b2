//! The CSV dialect: the delimiter, sniffed among `,` `;` tab `|` on the
//! first chunk of the decoded text by how consistently each one splits the
//! first records (quotes respected), then a streaming record reader over the
//! whole file.

use super::IngestError;
use super::input::stream_error;
use super::records::Records;
use std::io::{Cursor, Read};
use std::path::Path;

const CANDIDATES: [u8; 4] = [b',', b';', b'\t', b'|'];
const CHUNK: usize = 64 * 1024;
const SAMPLE_RECORDS: usize = 30;

/// Turns a decoded text stream into records, with the sniffed delimiter.
pub(crate) fn open_csv(
    mut reader: Box<dyn Read>,
    path: &Path,
) -> Result<(char, Records), IngestError> {
    let mut head = Vec::with_capacity(CHUNK);
    (&mut reader)
        .take(CHUNK as u64)
        .read_to_end(&mut head)
        .map_err(|e| stream_error(path, e))?;
    let whole = head.len() < CHUNK;
    if head.iter().all(|b| b.is_ascii_whitespace() || *b == 0) {
        return Err(IngestError::Empty {
            path: path.to_path_buf(),
        });
    }
    let delim = sniff_delimiter(&head, whole);
    let stream: Box<dyn Read> = Box::new(Cursor::new(head).chain(reader));
    Ok((delim as char, Records::csv(stream, delim)))
}

/// Picks the delimiter that splits the sample into the most consistent
/// number of fields (more than one); ties go to the one giving more fields,
/// then to the order of `CANDIDATES`.
pub(crate) fn sniff_delimiter(sample: &[u8], whole: bool) -> u8 {
    let mut best = (b',', 0usize, 0usize);
    for &d in &CANDIDATES {
        let counts = field_counts(sample, d, whole);
        if counts.is_empty() {
            continue;
        }
        let (mode, freq) = mode(&counts);
        if mode < 2 {
            continue;
        }
        // Consistency in 5% steps so that one ragged row does not beat a
        // delimiter that gives many more fields.
        let consistency = freq * 20 / counts.len();
        let score = consistency * 10_000 + mode.min(9_999);
        if score > best.1 {
            best = (d, score, mode);
        }
    }
    best.0
}

fn field_counts(sample: &[u8], d: u8, whole: bool) -> Vec<usize> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(d)
        .from_reader(sample);
    let mut counts = vec![];
    let mut rec = csv::ByteRecord::new();
    while counts.len() < SAMPLE_RECORDS + 1 {
        match rdr.read_byte_record(&mut rec) {
            Ok(true) => counts.push(rec.len()),
            _ => break,
        }
    }
    // The last record of a cut sample may itself be cut.
    if !whole && counts.len() > 1 {
        counts.pop();
    }
    counts.truncate(SAMPLE_RECORDS);
    counts
}

fn mode(counts: &[usize]) -> (usize, usize) {
    let mut tally = std::collections::BTreeMap::new();
    for &c in counts {
        *tally.entry(c).or_insert(0usize) += 1;
    }
    tally
        .into_iter()
        .max_by_key(|&(c, n)| (n, c))
        .unwrap_or((0, 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_common_layouts() {
        assert_eq!(sniff_delimiter(b"a,b,c\n1,2,3\n", true), b',');
        let german = "Id;Startzeit;Name;Frage\n1;22.09.2026 14:05;Ann;Preis, Zeit\n2;22.09.2026 14:06;Bo;zu teuer\n";
        assert_eq!(sniff_delimiter(german.as_bytes(), true), b';');
        assert_eq!(sniff_delimiter(b"a\tb\n1\t\"x,y\"\n", true), b'\t');
        assert_eq!(sniff_delimiter(b"a|b|c\n1|2|3\n", true), b'|');
        assert_eq!(sniff_delimiter(b"just one column\nvalue\n", true), b',');
        // Quoted delimiters do not count.
        let quoted = b"\"a;x\",b\n\"1;2\",3\n";
        assert_eq!(sniff_delimiter(quoted, true), b',');
    }
}
