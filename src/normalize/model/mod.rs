//! The learned coder: a small network trained on the labelled corpus
//! (`training/`), embedded as data, that scores every theme of a codebook
//! for an item and the tone of a website-feedback answer.
//!
//! An item is read as the mean of its words' static vectors (distilled
//! from all-MiniLM-L6-v2, see `vectors`) plus the means of learned
//! embeddings, in the same space, of its word bigrams and character
//! 3-5-grams (which carry typos, inflections and names); a linear head per
//! codebook turns that, the rule hits and the question into one calibrated
//! probability per theme. Everything is computed from the folded words the
//! rule matcher already has, so the model adds a few microseconds per item.
//! How the scores combine with the rules is `combine`'s job.

pub mod combine;
pub mod examples;
pub mod features;
pub mod vectors;

use crate::normalize::fold::Token;
use crate::normalize::word_cache::WordCache;
use features::{bigrams, char_grams, word_rows};
use safetensors::SafeTensors;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;
use vectors::WordVectors;

const VECTORS: &[u8] = include_bytes!("../../../data/model/vectors.safetensors");
const CODER: &[u8] = include_bytes!("../../../data/model/coder.safetensors");

/// How one codebook's head turns probabilities into themes (chosen on the
/// corpus's cross-validation folds by `training/train.py`).
#[derive(Debug, Clone, Deserialize)]
pub struct Decision {
    /// A theme the rules found is kept when its probability is at least this.
    pub keep: f32,
    /// A theme the rules did not find is added when its probability is at
    /// least this.
    pub add: f32,
    /// When no theme is left, the most probable one is taken if at least this.
    pub fallback: f32,
    /// At most this many of the head's themes per item, the most probable
    /// first (a rule hit beyond it is vetoed).
    #[serde(default = "no_cap")]
    pub max_themes: usize,
}

fn no_cap() -> usize {
    usize::MAX
}

#[derive(Debug, Clone, Deserialize)]
struct HeadMeta {
    labels: Vec<String>,
    questions: Vec<String>,
    decision: Decision,
}

#[derive(Debug, Clone, Deserialize)]
struct Meta {
    word_weight: f32,
    bigram_buckets: usize,
    char_buckets: usize,
    ngram_dim: usize,
    heads: BTreeMap<String, HeadMeta>,
    /// The cosine an item needs to a user theme's prototype to get it.
    prototype_threshold: f32,
    tone_labels: Vec<String>,
    tone_rules: Vec<String>,
}

/// One linear head: `out = w . input + b`.
#[derive(Debug)]
struct Linear {
    w: Vec<f32>,
    b: Vec<f32>,
    inputs: usize,
}

impl Linear {
    fn apply(&self, x: &[f32], out: &mut Vec<f32>) {
        out.clear();
        for (row, b) in self.w.chunks_exact(self.inputs).zip(&self.b) {
            out.push(dot(row, x) + b);
        }
    }
}

/// The dot product in eight running sums, which the compiler turns into
/// vector instructions (one sum in order cannot be reordered, so it stays
/// scalar); deterministic, since the order is fixed.
fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = [0.0f32; 8];
    let (ca, cb) = (a.chunks_exact(8), b.chunks_exact(8));
    let tail: f32 = ca
        .remainder()
        .iter()
        .zip(cb.remainder())
        .map(|(x, y)| x * y)
        .sum();
    for (xa, xb) in ca.zip(cb) {
        for k in 0..8 {
            acc[k] += xa[k] * xb[k];
        }
    }
    acc.iter().sum::<f32>() + tail
}

/// A codebook's head and how it decides.
#[derive(Debug)]
pub struct Head {
    pub labels: Vec<String>,
    questions: Vec<String>,
    pub decision: Decision,
    linear: Linear,
}

/// An int8 embedding table with one scale per row.
#[derive(Debug)]
struct Table {
    rows: &'static [u8],
    scales: Vec<f32>,
    dim: usize,
}

impl Table {
    fn add_mean(&self, ids: &[usize], out: &mut [f32]) {
        if !ids.is_empty() {
            self.add_scaled(ids, 1.0 / ids.len() as f32, out);
        }
    }

    fn add_sum(&self, ids: &[usize], out: &mut [f32]) {
        self.add_scaled(ids, 1.0, out);
    }

    fn add_scaled(&self, ids: &[usize], k: f32, out: &mut [f32]) {
        for &i in ids {
            let w = k * self.scales[i];
            let row = &self.rows[i * self.dim..(i + 1) * self.dim];
            for (o, &q) in out.iter_mut().zip(row) {
                *o += w * f32::from(q as i8);
            }
        }
    }
}

/// What one distinct word adds to an item's input (see `Model::encode`).
struct WordFeatures {
    rows: Vec<f32>,
    grams: Vec<f32>,
    n_rows: u32,
    n_grams: u32,
    /// A dictionary, common or month word, or a known tool: never a name.
    plain: bool,
}

/// How many distinct words' features are kept per thread (about 1 KB
/// each); past it the cache starts afresh, with the same results.
const CACHED_WORDS: usize = 20_000;

thread_local! {
    static WORDS: std::cell::RefCell<WordCache<WordFeatures>> =
        std::cell::RefCell::new(WordCache::new(CACHED_WORDS));
}

fn add(acc: &mut [f32], v: &[f32]) {
    acc.iter_mut().zip(v).for_each(|(a, x)| *a += x);
}

/// The embedded model.
#[derive(Debug)]
pub struct Model {
    pub vectors: WordVectors,
    meta: Meta,
    bigram: Table,
    chars: Table,
    heads: BTreeMap<String, Head>,
    tone: Linear,
}

/// What an item looks like to every head: computed once per item.
#[derive(Debug, Clone, PartialEq)]
pub struct Encoded {
    /// The word vectors' mean (times `word_weight`) plus the means of the
    /// bigram and character n-gram embeddings, all in the vectors' space.
    pub input: Vec<f32>,
    /// True when a word reads as a product or company name.
    pub name_like: bool,
}

fn f32s(bytes: &[u8]) -> Vec<f32> {
    bytes
        .chunks_exact(4)
        .map(|c| f32::from_le_bytes(c.try_into().expect("4 bytes")))
        .collect()
}

impl Model {
    fn parse() -> Model {
        let vectors = WordVectors::parse(VECTORS);
        let (_, header) = SafeTensors::read_metadata(CODER).expect("coder: safetensors");
        let json = header
            .metadata()
            .as_ref()
            .and_then(|m| m.get("frontline"))
            .expect("coder metadata");
        let meta: Meta = serde_json::from_str(json).expect("coder metadata");
        let st = SafeTensors::deserialize(CODER).expect("coder: safetensors");
        let data = |name: &str| st.tensor(name).unwrap_or_else(|_| panic!("{name}")).data();
        let table = |name: &str| Table {
            rows: data(name),
            scales: f32s(data(&format!("{name}.scale"))),
            dim: meta.ngram_dim,
        };
        let linear = |name: &str| {
            let w = st.tensor(&format!("{name}.w")).expect("head weights");
            Linear {
                inputs: w.shape()[1],
                w: f32s(w.data()),
                b: f32s(data(&format!("{name}.b"))),
            }
        };
        let heads = meta
            .heads
            .iter()
            .map(|(id, h)| {
                let head = Head {
                    labels: h.labels.clone(),
                    questions: h.questions.clone(),
                    decision: h.decision.clone(),
                    linear: linear(id),
                };
                (id.clone(), head)
            })
            .collect();
        Model {
            bigram: table("bigram"),
            chars: table("char"),
            tone: linear("tone"),
            heads,
            vectors,
            meta,
        }
    }

    /// The item's features, from its tokens. What each word contributes
    /// (its vector rows, its character n-grams) is computed once per
    /// distinct word and thread (`WordFeatures`); only the bigrams and the
    /// means are per item.
    pub fn encode(&self, tokens: &[Token]) -> Encoded {
        let dim = self.vectors.dim;
        let mut rows = vec![0.0; dim];
        let mut grams = vec![0.0; dim];
        let (mut n_rows, mut n_grams) = (0u32, 0u32);
        let mut name_like = false;
        WORDS.with(|cache| {
            let mut cache = cache.borrow_mut();
            for t in tokens {
                let f = cache.get_or_make(&t.word, || self.word_features(&t.word));
                add(&mut rows, &f.rows);
                add(&mut grams, &f.grams);
                n_rows += f.n_rows;
                n_grams += f.n_grams;
                name_like |= !f.plain && features::looks_like_a_name(t);
            }
        });
        let mut input = vec![0.0; dim];
        if n_rows > 0 {
            let k = self.meta.word_weight / n_rows as f32;
            input.iter_mut().zip(&rows).for_each(|(o, r)| *o += k * r);
        }
        let words: Vec<&str> = tokens.iter().map(|t| t.word.as_str()).collect();
        let bi = bigrams(&words, self.meta.bigram_buckets);
        self.bigram.add_mean(&bi, &mut input);
        if n_grams > 0 {
            let k = 1.0 / n_grams as f32;
            input.iter_mut().zip(&grams).for_each(|(o, g)| *o += k * g);
        }
        Encoded { input, name_like }
    }

    /// What one word adds to an item: the sums of its vector rows (its
    /// own, else its word pieces) and of its character n-gram rows.
    fn word_features(&self, word: &str) -> WordFeatures {
        let dim = self.vectors.dim;
        let mut f = WordFeatures {
            rows: vec![0.0; dim],
            grams: vec![0.0; dim],
            n_rows: 0,
            n_grams: 0,
            plain: features::is_plain_word(&self.vectors, word),
        };
        for r in word_rows(&self.vectors, word) {
            self.vectors.add_row(r, 1.0, &mut f.rows);
            f.n_rows += 1;
        }
        let mut ids = Vec::new();
        char_grams(word, self.meta.char_buckets, &mut ids);
        self.chars.add_sum(&ids, &mut f.grams);
        f.n_grams = ids.len() as u32;
        f
    }

    /// The head of a codebook, if the model has one.
    pub fn head(&self, book: &str) -> Option<&Head> {
        self.heads.get(book)
    }

    /// The probability of each of the head's labels, in label order.
    pub fn scores(&self, head: &Head, question: &str, enc: &Encoded, rules: &[&str]) -> Vec<f32> {
        let mut x = enc.input.clone();
        x.extend(
            head.labels
                .iter()
                .map(|l| f32::from(u8::from(rules.contains(&l.as_str())))),
        );
        x.extend(
            head.questions
                .iter()
                .map(|q| f32::from(u8::from(q == question))),
        );
        x.push(f32::from(u8::from(enc.name_like)));
        let mut out = Vec::new();
        head.linear.apply(&x, &mut out);
        out.into_iter().map(sigmoid).collect()
    }

    /// The probability of each tone (in `tone_labels` order), given the
    /// rule-based tone's label.
    pub fn tone_scores(&self, enc: &Encoded, rule_tone: &str) -> Vec<(String, f32)> {
        let mut x = enc.input.clone();
        x.extend(
            self.meta
                .tone_rules
                .iter()
                .map(|t| f32::from(u8::from(t == rule_tone))),
        );
        let mut logits = Vec::new();
        self.tone.apply(&x, &mut logits);
        let max = logits.iter().cloned().fold(f32::MIN, f32::max);
        let exp: Vec<f32> = logits.iter().map(|l| (l - max).exp()).collect();
        let sum: f32 = exp.iter().sum();
        self.meta
            .tone_labels
            .iter()
            .cloned()
            .zip(exp.iter().map(|e| e / sum))
            .collect()
    }
}

impl Model {
    /// Adds the user themes (with `examples`) whose prototype the item is
    /// close to, as hits found by `examples`, unless a rule found them.
    fn prototype_hits(
        &self,
        book: &crate::normalize::Codebook,
        enc: &Encoded,
        hits: &mut Vec<crate::normalize::ThemeHit>,
    ) {
        let known = self
            .head(&book.id)
            .map(|h| h.labels.as_slice())
            .unwrap_or(&[]);
        for theme in book.themes.iter().filter(|t| !t.examples.is_empty()) {
            if known.contains(&theme.id) || hits.iter().any(|h| h.id == theme.id) {
                continue;
            }
            let proto = self.prototype(&theme.examples);
            let sim = cosine(&enc.input, &proto);
            if sim >= self.meta.prototype_threshold {
                hits.push(crate::normalize::ThemeHit {
                    id: theme.id.clone(),
                    rule: "examples".into(),
                    confidence: Some((sim.clamp(0.0, 1.0) * 1000.0).round() as u16),
                });
            }
        }
        hits.sort();
    }

    /// The normalised mean of the examples' normalised encodings, cached by
    /// the example texts.
    fn prototype(&self, examples: &[String]) -> Vec<f32> {
        static CACHE: OnceLock<std::sync::Mutex<BTreeMap<Vec<String>, Vec<f32>>>> = OnceLock::new();
        let cache = CACHE.get_or_init(Default::default);
        let mut map = cache.lock().unwrap_or_else(|e| e.into_inner());
        map.entry(examples.to_vec())
            .or_insert_with(|| {
                let mut acc = vec![0.0; self.vectors.dim];
                for e in examples {
                    let v = self.encode(&crate::normalize::fold::tokens(e)).input;
                    let n = norm(&v);
                    if n > 0.0 {
                        acc.iter_mut().zip(&v).for_each(|(a, x)| *a += x / n);
                    }
                }
                acc
            })
            .clone()
    }
}

fn norm(v: &[f32]) -> f32 {
    v.iter().map(|x| x * x).sum::<f32>().sqrt()
}

/// The cosine of two vectors; 0 when either is zero.
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    let (na, nb) = (norm(a), norm(b));
    if na == 0.0 || nb == 0.0 {
        return 0.0;
    }
    a.iter().zip(b).map(|(x, y)| x * y).sum::<f32>() / (na * nb)
}

fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

/// The embedded model, parsed on first use.
pub fn model() -> &'static Model {
    static M: OnceLock<Model> = OnceLock::new();
    M.get_or_init(Model::parse)
}

/// The themes of an item: the rules' hits combined with the learned
/// coder's scores (see `combine`). A codebook the model has no head for
/// (or a user's replacement with none of its ids) is coded by its rules
/// alone; themes the user removed are never added back.
pub fn code(book: &crate::normalize::Codebook, question: &str, text: &str) -> combine::Combined {
    let toks = crate::normalize::fold::tokens(text);
    let item = Item {
        text,
        enc: &model().encode(&toks),
        tokens: &toks,
    };
    code_item(book, &book.compiled(), question, &item)
}

/// An item as the coder reads it: tokenized and encoded once, whatever
/// reads it next (themes, tone).
#[derive(Debug, Clone, Copy)]
pub struct Item<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub enc: &'a Encoded,
}

/// `code` with the codebook's rules compiled and the item read already.
pub fn code_item(
    book: &crate::normalize::Codebook,
    compiled: &crate::normalize::themes::Compiled,
    question: &str,
    item: &Item,
) -> combine::Combined {
    let mut rules = crate::normalize::themes::rule_hits_in(compiled, item.tokens, item.text);
    let m = model();
    let enc = item.enc;
    m.prototype_hits(book, enc, &mut rules);
    let ids = book.ids();
    let Some(head) = m
        .head(&book.id)
        .filter(|h| h.labels.iter().any(|l| ids.contains(&l.as_str())))
    else {
        return combine::Combined {
            hits: crate::normalize::themes::with_other(rules),
            vetoed: vec![],
        };
    };
    let rule_ids: Vec<&str> = rules.iter().map(|h| h.id.as_str()).collect();
    let mut probs = m.scores(head, question, enc, &rule_ids);
    // A theme the codebook no longer has cannot be given.
    for (p, l) in probs.iter_mut().zip(&head.labels) {
        if !ids.contains(&l.as_str()) {
            *p = 0.0;
        }
    }
    if item.tokens.len() <= SHORT && !rules.is_empty() {
        return combine::rules_only(head, &rules, &probs);
    }
    combine::combine(head, &rules, &probs)
}

/// An item of at most this many words that a rule matches keeps the
/// rules' themes: in three or fewer words the coder has little to read
/// ("Reports", "time to value") and, on the corpus's cross-validation
/// folds, does no better than the rules there (training/README.md).
const SHORT: usize = 3;
