//! Static word vectors distilled from a sentence-embedding model
//! (`training/distill.py`), embedded as `data/model/vectors.safetensors`.
//!
//! The file holds every key (a folded word or a `##` word piece), one
//! int8-quantised, L2-normalised row per key with its scale, a flag byte
//! per key (bit 0: a common English dictionary word) and an open-addressed
//! hash table built at training time, so a lookup costs one hash and
//! usually one probe, and loading costs nothing but parsing the header.

use safetensors::SafeTensors;

/// Key flag: the word is in the common English dictionary (SCOWL, size 50).
pub const FLAG_DICTIONARY: u8 = 1;

/// The vector table, borrowed from the embedded bytes.
#[derive(Debug)]
pub struct WordVectors {
    pub dim: usize,
    blob: &'static [u8],
    offsets: &'static [u8],
    flags: &'static [u8],
    scales: Vec<f32>,
    rows: &'static [u8],
    table: &'static [u8],
    slots: usize,
}

/// FNV-1a, 64 bits, over the key's UTF-8 bytes: the table's hash (the
/// training script uses the same function).
pub fn fnv64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn u32_at(bytes: &[u8], i: usize) -> u32 {
    u32::from_le_bytes(bytes[4 * i..4 * i + 4].try_into().expect("4 bytes"))
}

impl WordVectors {
    /// Parses the embedded file; panics on a malformed one (it is ours,
    /// checked by a test).
    pub fn parse(bytes: &'static [u8]) -> WordVectors {
        let st = SafeTensors::deserialize(bytes).expect("word vectors: safetensors");
        let get = |name: &str| st.tensor(name).expect(name).data();
        let rows_t = st.tensor("rows").expect("rows");
        let dim = rows_t.shape()[1];
        let scales = get("scales")
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes(c.try_into().expect("4 bytes")))
            .collect();
        let table = get("table");
        WordVectors {
            dim,
            blob: get("keys"),
            offsets: get("offsets"),
            flags: get("flags"),
            scales,
            rows: rows_t.data(),
            slots: table.len() / 4,
            table,
        }
    }

    pub fn len(&self) -> usize {
        self.flags.len()
    }

    pub fn is_empty(&self) -> bool {
        self.flags.is_empty()
    }

    /// The key of row `i`.
    pub fn key(&self, i: usize) -> &'static str {
        let (a, b) = (
            u32_at(self.offsets, i) as usize,
            u32_at(self.offsets, i + 1) as usize,
        );
        std::str::from_utf8(&self.blob[a..b]).unwrap_or("")
    }

    /// The row of a key, if the vocabulary has it.
    pub fn lookup(&self, key: &str) -> Option<usize> {
        if self.slots == 0 {
            return None;
        }
        let mask = self.slots - 1;
        let mut s = (fnv64(key.as_bytes()) as usize) & mask;
        loop {
            let v = u32_at(self.table, s) as usize;
            if v == 0 {
                return None;
            }
            if self.key(v - 1) == key {
                return Some(v - 1);
            }
            s = (s + 1) & mask;
        }
    }

    pub fn flags(&self, i: usize) -> u8 {
        self.flags[i]
    }

    /// Adds `weight` times row `i` (dequantised) to `acc`.
    pub fn add_row(&self, i: usize, weight: f32, acc: &mut [f32]) {
        let w = weight * self.scales[i];
        let row = &self.rows[i * self.dim..(i + 1) * self.dim];
        for (a, &q) in acc.iter_mut().zip(row) {
            *a += w * f32::from(q as i8);
        }
    }
}

/// The word-piece ids of a word the vocabulary lacks: greedy longest match
/// first, continuation pieces spelled `##piece`, as BERT's WordPiece does;
/// none when some part of the word matches no piece (BERT's `[UNK]`).
pub fn word_pieces(vectors: &WordVectors, word: &str) -> Vec<usize> {
    const MAX_CHARS: usize = 100;
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    if chars.is_empty() || chars.len() > MAX_CHARS {
        return vec![];
    }
    let mut out = Vec::new();
    let mut start = 0;
    let mut key = String::new();
    while start < chars.len() {
        let mut end = chars.len();
        let mut found = None;
        while end > start {
            let a = chars[start].0;
            let b = chars.get(end).map_or(word.len(), |c| c.0);
            key.clear();
            if start > 0 {
                key.push_str("##");
            }
            key.push_str(&word[a..b]);
            if let Some(i) = vectors.lookup(&key) {
                found = Some(i);
                break;
            }
            end -= 1;
        }
        match found {
            Some(i) => out.push(i),
            None => return vec![],
        }
        start = end;
    }
    out
}
