//! The trained entity model: weights, the binary file format, and the
//! [`ModelTagger`] that runs it (features, scores, constrained Viterbi).
//!
//! # File format (`assets/model/ner.bin`), all numbers little-endian
//!
//! | bytes | field |
//! | --- | --- |
//! | 8 | magic `LEDENER\0` |
//! | 4 | `u32` format version, [`FORMAT_VERSION`] |
//! | 4 | `u32` header length `L` |
//! | L | header: UTF-8 provenance text (training files, command, lede version, licences) |
//! | 4 | `u32` feature-set version ([`FEATURE_VERSION`]) |
//! | 1 | `u8` number of tags (13, BILOU over PERSON / PLACE / ORG) |
//! | 1 | `u8` bucket bits `b` (`2^b` feature buckets) |
//! | 1 | `u8` weight width in bytes: 1 (`i8`) or 2 (`i16`) |
//! | 1 | `u8` reserved, 0 |
//! | 4 | `f32` scale: a stored weight `q` means `q * scale` |
//! | 4 * 15 * 13 | `f32` start scores (13), end scores (13), transitions (13 x 13, row = previous tag) |
//! | w * 2^b * 13 | weights, row per bucket, one column per tag |
//! | 8 | `u64` checksum of every byte before it (see `checksum`) |
//!
//! A feature's bucket is the top `b` bits of its 64-bit hash ([`bucket`]).
//! Reading never uses `unsafe` and rejects a wrong magic, version, size or
//! checksum with a [`ModelError`].

use std::borrow::Cow;
use std::cell::RefCell;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use thiserror::Error;

mod checksum;

use checksum::checksum;

use super::biluo::{self, N_TAGS, ViterbiInput};
use super::features::{
    self, FEATURE_VERSION, FeatureScratch, GazetteerLexicon, Lexicon, N_FEATURES,
};
use super::{Doc, EntityKind, EntitySpan, Tagger};

/// Version of the file layout.
pub const FORMAT_VERSION: u32 = 1;

const MAGIC: &[u8; 8] = b"LEDENER\0";
const TRANS_LEN: usize = (N_TAGS + 2) * N_TAGS;

/// The model shipped inside the binary.
static EMBEDDED: &[u8] = include_bytes!("../../assets/model/ner.bin");

/// Why a model file could not be read.
#[derive(Debug, Error)]
pub enum ModelError {
    /// The file could not be read.
    #[error("cannot read model file: {0}")]
    Io(#[from] std::io::Error),
    /// Not a lede model file.
    #[error("not a lede model file (bad magic bytes)")]
    BadMagic,
    /// The file ends early or has bytes left over.
    #[error("model file is truncated or has the wrong size")]
    Size,
    /// A format or feature version this build cannot read.
    #[error("model file version {found} is not supported (expected {expected})")]
    Version {
        /// Version in the file.
        found: u32,
        /// Version this build reads.
        expected: u32,
    },
    /// A header field has an impossible value.
    #[error("model file is corrupt: {0}")]
    Corrupt(&'static str),
    /// The checksum does not match.
    #[error("model file is corrupt (checksum mismatch)")]
    Checksum,
}

/// Bucket of a feature hash in a table of `2^bits` rows.
#[must_use]
pub fn bucket(hash: u64, bits: u32) -> u32 {
    if bits == 0 {
        0
    } else {
        (hash >> (64 - bits.min(32))) as u32
    }
}

/// Trained weights, quantised.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    header: String,
    bits: u32,
    width: u8,
    scale: f32,
    /// Start row, end row, then transitions.
    trans: Vec<f32>,
    weights: Weights,
}

/// The weight table, row per bucket. The embedded model is used as stored,
/// borrowed straight from the binary: no copy or conversion at start-up, and
/// only the rows a text touches are ever paged in.
#[derive(Debug, Clone, PartialEq)]
enum Weights {
    /// `i16` weights (built by training, or a width-2 file).
    Wide(Vec<i16>),
    /// `i16` weights as stored: little-endian byte pairs.
    WideBytes(Cow<'static, [u8]>),
    /// `i8` weights as their raw bytes (two's complement).
    Narrow(Cow<'static, [u8]>),
}

impl Weights {
    fn len(&self) -> usize {
        match self {
            Weights::Wide(w) => w.len(),
            Weights::WideBytes(w) => w.len() / 2,
            Weights::Narrow(w) => w.len(),
        }
    }

    /// Every weight as `i16`, in order.
    fn values(&self) -> Box<dyn Iterator<Item = i16> + '_> {
        match self {
            Weights::Wide(w) => Box::new(w.iter().copied()),
            Weights::WideBytes(w) => {
                Box::new(w.chunks_exact(2).map(|c| i16::from_le_bytes([c[0], c[1]])))
            }
            Weights::Narrow(w) => Box::new(w.iter().map(|&b| i16::from(b as i8))),
        }
    }
}

impl Model {
    /// Builds a model from float weights (`2^bits * 13`) and transitions
    /// (`15 * 13`), quantised to `i16`.
    #[must_use]
    pub fn from_f32(bits: u32, weights: &[f32], trans: &[f32]) -> Model {
        let max = weights.iter().fold(0.0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 {
            max / f32::from(i16::MAX)
        } else {
            1.0
        };
        let weights = Weights::Wide(
            weights
                .iter()
                .map(|w| (w / scale).round().clamp(-32767.0, 32767.0) as i16)
                .collect(),
        );
        let mut trans = trans.to_vec();
        trans.resize(TRANS_LEN, 0.0);
        Model {
            header: String::new(),
            bits,
            width: 2,
            scale,
            trans,
            weights,
        }
    }

    /// The same model stored with `i8` weights (half the size, coarser).
    #[must_use]
    pub fn to_i8(&self) -> Model {
        let factor = 256.0;
        Model {
            weights: Weights::Narrow(Cow::Owned(
                self.weights
                    .values()
                    .map(|w| ((f32::from(w) / factor).round().clamp(-127.0, 127.0) as i8) as u8)
                    .collect(),
            )),
            width: 1,
            scale: self.scale * factor,
            ..self.clone()
        }
    }

    /// Sets the provenance header written into the file.
    pub fn set_header(&mut self, header: &str) {
        header.clone_into(&mut self.header);
    }

    /// The provenance header (training files, command, version, licences).
    #[must_use]
    pub fn header(&self) -> &str {
        &self.header
    }

    /// log2 of the number of buckets.
    #[must_use]
    pub fn bits(&self) -> u32 {
        self.bits
    }

    /// The model shipped with lede (parsed once, then shared).
    ///
    /// # Errors
    /// If the embedded file is missing or corrupt (a build problem).
    pub fn embedded() -> Result<Arc<Model>, &'static ModelError> {
        static CELL: OnceLock<Result<Arc<Model>, ModelError>> = OnceLock::new();
        CELL.get_or_init(|| Model::from_embedded().map(Arc::new))
            .as_ref()
            .map(Arc::clone)
    }

    /// Reads a model file.
    ///
    /// # Errors
    /// If the file cannot be read or is not a valid model.
    pub fn load(path: &Path) -> Result<Model, ModelError> {
        Model::from_bytes(&std::fs::read(path)?)
    }

    /// Serialises the model (format in the module doc).
    #[must_use]
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(64 + self.header.len() + self.weights.len() * 2);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&(self.header.len() as u32).to_le_bytes());
        out.extend_from_slice(self.header.as_bytes());
        out.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
        out.extend_from_slice(&[N_TAGS as u8, self.bits as u8, self.width, 0]);
        out.extend_from_slice(&self.scale.to_le_bytes());
        for t in &self.trans {
            out.extend_from_slice(&t.to_le_bytes());
        }
        for w in self.weights.values() {
            if self.width == 1 {
                out.push((w.clamp(-127, 127) as i8).to_le_bytes()[0]);
            } else {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        let sum = checksum(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }

    /// Parses a model file.
    ///
    /// # Errors
    /// [`ModelError`] for a wrong magic, version, size or checksum.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        Model::parse(bytes, true, |raw, width| {
            if width == 1 {
                Weights::Narrow(Cow::Owned(raw.to_vec()))
            } else {
                Weights::Wide(
                    raw.chunks_exact(2)
                        .map(|c| i16::from_le_bytes([c[0], c[1]]))
                        .collect(),
                )
            }
        })
    }

    /// Parses a model file that lives as long as the program (the embedded
    /// one), borrowing its weights instead of copying them.
    ///
    /// # Errors
    /// As [`Model::from_bytes`].
    pub fn from_static(bytes: &'static [u8]) -> Result<Model, ModelError> {
        Model::parse(bytes, true, borrow_weights)
    }

    /// Parses the embedded model without its checksum: the build script
    /// (`build/main.rs`) checked it when the file was embedded, and summing
    /// 13 MB at every start would cost `lede tag` a few milliseconds.
    fn from_embedded() -> Result<Model, ModelError> {
        Model::parse(EMBEDDED, false, borrow_weights)
    }

    /// Parses a model file (checking the checksum when `verify`); `keep`
    /// turns the raw weight bytes (`width` bytes each) into the table.
    fn parse<'b>(
        bytes: &'b [u8],
        verify: bool,
        keep: impl FnOnce(&'b [u8], u8) -> Weights,
    ) -> Result<Model, ModelError> {
        let body_len = bytes.len().checked_sub(8).ok_or(ModelError::Size)?;
        let (body, sum) = bytes.split_at(body_len);
        let mut r = Reader {
            bytes: body,
            pos: 0,
        };
        if r.take(8)? != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let version = r.u32()?;
        if version != FORMAT_VERSION {
            return Err(ModelError::Version {
                found: version,
                expected: FORMAT_VERSION,
            });
        }
        let stored = u64::from_le_bytes(sum.try_into().map_err(|_| ModelError::Size)?);
        if verify && stored != checksum(body) {
            return Err(ModelError::Checksum);
        }
        let header_len = r.u32()? as usize;
        let header = std::str::from_utf8(r.take(header_len)?)
            .map_err(|_| ModelError::Corrupt("header is not UTF-8"))?
            .to_owned();
        let features = r.u32()?;
        if features != FEATURE_VERSION {
            return Err(ModelError::Version {
                found: features,
                expected: FEATURE_VERSION,
            });
        }
        let [n_tags, bits, width, _] = r.array::<4>()?;
        if usize::from(n_tags) != N_TAGS {
            return Err(ModelError::Corrupt("wrong number of tags"));
        }
        if !(1..=26).contains(&bits) {
            return Err(ModelError::Corrupt("bucket bits out of range"));
        }
        let scale = f32::from_le_bytes(r.array::<4>()?);
        if !scale.is_finite() {
            return Err(ModelError::Corrupt("scale is not finite"));
        }
        let trans = (0..TRANS_LEN)
            .map(|_| r.array::<4>().map(f32::from_le_bytes))
            .collect::<Result<Vec<f32>, _>>()?;
        if trans.iter().any(|t| !t.is_finite()) {
            return Err(ModelError::Corrupt("transition is not finite"));
        }
        let n = (1usize << bits) * N_TAGS;
        let weights = match width {
            1 | 2 => keep(r.take(n * usize::from(width))?, width),
            _ => return Err(ModelError::Corrupt("weight width must be 1 or 2")),
        };
        if r.pos != body.len() {
            return Err(ModelError::Size);
        }
        Ok(Model {
            header,
            bits: u32::from(bits),
            width,
            scale,
            trans,
            weights,
        })
    }

    /// Tag scores for every token of a sentence's features.
    fn score(&self, hashes: &[u64], out: &mut Vec<f32>) {
        match &self.weights {
            Weights::Wide(w) => self.score_rows(hashes, out, |start, acc| {
                if let Some(row) = w.get(start..start + N_TAGS) {
                    for (a, &v) in acc.iter_mut().zip(row) {
                        *a += i32::from(v);
                    }
                }
            }),
            Weights::WideBytes(w) => self.score_rows(hashes, out, |start, acc| {
                if let Some(row) = w.get(start * 2..(start + N_TAGS) * 2) {
                    for (a, p) in acc.iter_mut().zip(row.chunks_exact(2)) {
                        *a += i32::from(i16::from_le_bytes([p[0], p[1]]));
                    }
                }
            }),
            Weights::Narrow(w) => self.score_rows(hashes, out, |start, acc| {
                if let Some(row) = w.get(start..start + N_TAGS) {
                    for (a, &v) in acc.iter_mut().zip(row) {
                        *a += i32::from(v as i8);
                    }
                }
            }),
        }
    }

    /// [`Model::score`] over one weight representation (monomorphised, so
    /// the inner loop has no branch on the width).
    fn score_rows(
        &self,
        hashes: &[u64],
        out: &mut Vec<f32>,
        add_row: impl Fn(usize, &mut [i32; N_TAGS]),
    ) {
        let n = hashes.len() / N_FEATURES;
        out.clear();
        out.reserve(n * N_TAGS);
        for feats in hashes.chunks_exact(N_FEATURES) {
            let mut acc = [0i32; N_TAGS];
            for &h in feats {
                add_row(bucket(h, self.bits) as usize * N_TAGS, &mut acc);
            }
            out.extend(acc.iter().map(|&a| a as f32 * self.scale));
        }
    }

    /// BILOU tags for every token of `doc` (valid within each sentence).
    #[must_use]
    pub fn tag_doc(&self, doc: &Doc, lexicon: &dyn Lexicon) -> Vec<u8> {
        SCRATCH.with(|cell| {
            let mut guard = cell.borrow_mut();
            let s = &mut *guard;
            self.tag_into(doc, lexicon, s);
            s.tags.clone()
        })
    }

    // Kept out of line: inlined into `ModelTagger::tag`, its scoring loop
    // compiled to a third more instructions (callgrind on uner-ewt-dev).
    #[inline(never)]
    fn tag_into(&self, doc: &Doc, lexicon: &dyn Lexicon, s: &mut TagScratch) {
        features::extract(doc, lexicon, &mut s.features);
        s.tags.clear();
        let (start, rest) = self.trans.split_at(N_TAGS);
        let (end, trans) = rest.split_at(N_TAGS);
        for range in doc.sentences() {
            let Some(hashes) = s
                .features
                .features
                .get(range.start * N_FEATURES..range.end * N_FEATURES)
            else {
                continue;
            };
            self.score(hashes, &mut s.scores);
            let input = ViterbiInput {
                scores: &s.scores,
                trans,
                start,
                end,
                fixed: None,
            };
            biluo::viterbi(&input, &mut s.back, &mut s.out);
            s.tags.extend_from_slice(&s.out);
        }
        if s.tags.len() == doc.tokens().len() {
            join_hyphens(doc, &mut s.tags);
            propagate(doc, &mut s.tags);
            // Propagation may tag the part after a hyphen ("Reid" from a
            // later "Okonjo-Reid"), so join again.
            join_hyphens(doc, &mut s.tags);
        }
    }
}

/// Joins two spans of one kind split only by a hyphen glued to both
/// ("Graham Okonjo" - "Reid" becomes "Graham Okonjo-Reid"): the tokenizer
/// splits hyphens, and a name is never two entities across one.
pub fn join_hyphens(doc: &Doc, tags: &mut [u8]) {
    let spans = biluo::tags_to_spans(tags);
    let tokens = doc.tokens();
    let glued = |h: usize| {
        doc.token_text(h) == "-"
            && h > 0
            && tokens
                .get(h - 1)
                .zip(tokens.get(h))
                .is_some_and(|(a, b)| a.end == b.start)
            && tokens
                .get(h)
                .zip(tokens.get(h + 1))
                .is_some_and(|(a, b)| a.end == b.start)
    };
    let mut merged: Vec<(std::ops::Range<usize>, EntityKind)> = Vec::with_capacity(spans.len());
    let mut changed = false;
    for (range, kind) in spans {
        if let Some((prev, prev_kind)) = merged.last_mut()
            && *prev_kind == kind
            && prev.end + 1 == range.start
            && glued(prev.end)
        {
            prev.end = range.end;
            changed = true;
            continue;
        }
        merged.push((range, kind));
    }
    if changed {
        let new = biluo::spans_to_tags(tags.len(), &merged);
        tags.copy_from_slice(&new);
    }
}

/// Document-level consistency: a capitalised, untagged repeat of a name the
/// model tagged elsewhere in the same doc gets the same kind. Covers the
/// surname of a full person name ("Smith" after "John Smith") and exact
/// repeats of any tagged span. Only whole runs of `O` are rewritten, so the
/// sequence stays valid.
pub fn propagate(doc: &Doc, tags: &mut [u8]) {
    let spans = biluo::tags_to_spans(tags);
    if spans.is_empty() {
        return;
    }
    // (first token text, length in tokens, span start, kind), longest first.
    let mut known: Vec<(&str, usize, usize, EntityKind)> = Vec::new();
    for (range, kind) in &spans {
        let len = range.len();
        if len <= 6 {
            known.push((doc.token_text(range.start), len, range.start, *kind));
        }
        if *kind == EntityKind::Person && len >= 2 {
            let last = range.end - 1;
            known.push((doc.token_text(last), 1, last, *kind));
        }
    }
    known.sort_by(|a, b| a.0.cmp(b.0).then(b.1.cmp(&a.1)));
    let mut i = 0;
    while i < tags.len() {
        let text = doc.token_text(i);
        let capitalised = text.chars().next().is_some_and(char::is_uppercase);
        if tags[i] != biluo::OUTSIDE || !capitalised {
            i += 1;
            continue;
        }
        let from = known.partition_point(|k| k.0 < text);
        let hit = known
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(|k| k.0 == text)
            .find(|k| {
                let (_, len, start, _) = **k;
                tags.get(i..i + len)
                    .is_some_and(|t| t.iter().all(|&t| t == biluo::OUTSIDE))
                    && (1..len).all(|j| doc.token_text(i + j) == doc.token_text(start + j))
                    && !doc.tokens().get(i + len).is_some_and(|_| {
                        doc.token_text(i + len)
                            .chars()
                            .next()
                            .is_some_and(char::is_uppercase)
                    })
                    && !(i > 0
                        && doc
                            .token_text(i - 1)
                            .chars()
                            .next()
                            .is_some_and(char::is_uppercase))
            });
        match hit {
            Some(&(_, len, _, kind)) => {
                let new = biluo::spans_to_tags(len, &[(0..len, kind)]);
                if let Some(slot) = tags.get_mut(i..i + len) {
                    slot.copy_from_slice(&new);
                }
                i += len;
            }
            None => i += 1,
        }
    }
}

/// Reusable buffers for tagging.
#[derive(Debug, Default)]
struct TagScratch {
    features: FeatureScratch,
    scores: Vec<f32>,
    back: Vec<u8>,
    out: Vec<u8>,
    tags: Vec<u8>,
}

thread_local! {
    static SCRATCH: RefCell<TagScratch> = RefCell::new(TagScratch::default());
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.pos.checked_add(n).ok_or(ModelError::Size)?;
        let slice = self.bytes.get(self.pos..end).ok_or(ModelError::Size)?;
        self.pos = end;
        Ok(slice)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        self.take(N)?.try_into().map_err(|_| ModelError::Size)
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        self.array::<4>().map(u32::from_le_bytes)
    }
}

/// Weights borrowed from a model that lives as long as the program.
fn borrow_weights(raw: &'static [u8], width: u8) -> Weights {
    if width == 1 {
        Weights::Narrow(Cow::Borrowed(raw))
    } else {
        Weights::WideBytes(Cow::Borrowed(raw))
    }
}

/// The statistical [`Tagger`]: the averaged perceptron over BILOU tags.
pub struct ModelTagger {
    model: Arc<Model>,
    lexicon: Arc<dyn Lexicon>,
}

impl ModelTagger {
    /// A tagger over a model and the word lists its features consult.
    #[must_use]
    pub fn new(model: Arc<Model>, lexicon: Arc<dyn Lexicon>) -> ModelTagger {
        ModelTagger { model, lexicon }
    }

    /// The tagger over the embedded model.
    ///
    /// # Errors
    /// If the embedded model cannot be parsed.
    pub fn embedded() -> Result<ModelTagger, &'static ModelError> {
        Ok(ModelTagger::new(Model::embedded()?, default_lexicon()))
    }

    /// The model in use.
    #[must_use]
    pub fn model(&self) -> &Model {
        &self.model
    }
}

/// The word lists the shipped model was trained with: lede's gazetteers.
#[must_use]
pub fn default_lexicon() -> Arc<dyn Lexicon> {
    Arc::new(GazetteerLexicon)
}

impl Tagger for ModelTagger {
    fn tag(&self, doc: &Doc) -> Vec<EntitySpan> {
        SCRATCH.with(|cell| {
            let mut guard = cell.borrow_mut();
            let s = &mut *guard;
            self.model.tag_into(doc, self.lexicon.as_ref(), s);
            biluo::tags_to_spans(&s.tags)
                .into_iter()
                .map(|(tokens, kind)| EntitySpan {
                    tokens,
                    kind,
                    title: None,
                })
                .collect()
        })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn join_hyphens_joins_a_name_split_at_a_glued_hyphen_only() {
        let doc = Doc::new("Graham Okonjo-Reid met Paris - London fans.");
        // Graham(0) Okonjo(1) -(2) Reid(3) met(4) Paris(5) -(6) London(7)
        let mut tags = biluo::spans_to_tags(
            doc.tokens().len(),
            &[
                (0..2, EntityKind::Person),
                (3..4, EntityKind::Person),
                (5..6, EntityKind::Place),
                (7..8, EntityKind::Place),
            ],
        );
        join_hyphens(&doc, &mut tags);
        assert_eq!(
            biluo::tags_to_spans(&tags),
            vec![
                (0..4, EntityKind::Person),
                (5..6, EntityKind::Place),
                (7..8, EntityKind::Place)
            ]
        );
    }

    use super::*;

    fn tiny() -> Model {
        let n = (1usize << 4) * N_TAGS;
        let weights: Vec<f32> = (0..n).map(|i| (i as f32 - 100.0) / 7.0).collect();
        let trans: Vec<f32> = (0..TRANS_LEN).map(|i| i as f32 / 3.0).collect();
        let mut m = Model::from_f32(4, &weights, &trans);
        m.set_header("test model");
        m
    }

    #[test]
    fn model_round_trips_through_bytes() {
        let m = tiny();
        let back = Model::from_bytes(&m.to_bytes()).ok();
        assert_eq!(back.as_ref(), Some(&m));
        let small = m.to_i8();
        assert_eq!(Model::from_bytes(&small.to_bytes()).ok(), Some(small));
    }

    #[test]
    fn borrowed_weights_score_like_copied_ones() {
        // Width 2 (`WideBytes` vs `Wide`) and width 1 (borrowed vs owned `Narrow`).
        for model in [tiny(), tiny().to_i8()] {
            let bytes: &'static [u8] = Box::leak(model.to_bytes().into_boxed_slice());
            let (Ok(borrowed), Ok(copied)) = (Model::from_static(bytes), Model::from_bytes(bytes))
            else {
                panic!("model does not parse");
            };
            let hashes: Vec<u64> = (0..N_FEATURES as u64 * 5)
                .map(|i| i.wrapping_mul(0x9e37_79b9_7f4a_7c15))
                .collect();
            let (mut a, mut b) = (Vec::new(), Vec::new());
            borrowed.score(&hashes, &mut a);
            copied.score(&hashes, &mut b);
            assert_eq!(a, b);
            assert!(a.iter().any(|&x| x != 0.0));
        }
    }

    #[test]
    fn the_embedded_model_passes_its_checksum() {
        // Model::embedded skips the sum (the build script checks it); this
        // checks the same bytes the checked way.
        assert!(Model::from_static(EMBEDDED).is_ok());
        assert!(Model::embedded().is_ok());
    }

    #[test]
    fn embedded_model_tags_alike_borrowed_or_copied() {
        let (Ok(borrowed), Ok(copied)) =
            (Model::from_static(EMBEDDED), Model::from_bytes(EMBEDDED))
        else {
            panic!("embedded model does not parse");
        };
        let doc = Doc::new("President Joe Biden met Olaf Scholz in Washington and Paris.");
        let lexicon = GazetteerLexicon;
        assert_eq!(
            borrowed.tag_doc(&doc, &lexicon),
            copied.tag_doc(&doc, &lexicon)
        );
    }

    #[test]
    fn model_rejects_truncated_and_corrupt_files() {
        let bytes = tiny().to_bytes();
        for cut in [0, 5, 12, 30, bytes.len() - 1] {
            assert!(Model::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut flipped = bytes.clone();
        flipped[bytes.len() / 2] ^= 0x40;
        assert!(matches!(
            Model::from_bytes(&flipped),
            Err(ModelError::Checksum)
        ));
        let mut magic = bytes;
        magic[0] = b'X';
        assert!(matches!(
            Model::from_bytes(&magic),
            Err(ModelError::BadMagic)
        ));
    }
}
