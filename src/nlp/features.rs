//! Feature extraction for the entity model: every token gets [`N_FEATURES`]
//! hashed features (word, lowercase, shape, affixes, neighbours, sentence
//! position, headline case, document-level case evidence, gazetteer classes,
//! and the capitalised run the token sits in, with its organization cues and
//! document evidence: see [`runs`]; with the `clusters` cargo feature, also
//! Brown cluster path prefixes of the token and its neighbours: see
//! [`clusters`](super::clusters)).
//!
//! Nothing here allocates per token: strings are hashed byte by byte with a
//! small multiply-rotate hash (in the style of FxHash), and all buffers live in
//! a reusable [`FeatureScratch`]. The model maps each 64-bit hash to a weight
//! bucket, so the vocabulary is never stored.

use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};

use super::Doc;
use super::clusters::ClusterPath;
use super::gazetteer::{self, GazKind, Gazetteers};

pub mod runs;

/// Features switched off (bit `t` set: feature `t` is replaced by a constant).
/// Zero except in ablation runs of the trainer; see [`set_disabled`].
static DISABLED: AtomicU64 = AtomicU64::new(0);

/// Switches features off by index (bit `t` of `mask` = feature `t`), for
/// measuring what each group adds (`lede-train --drop`). A model trained with
/// features off must be used with the same mask, so only the trainer calls it.
pub fn set_disabled(mask: u64) {
    DISABLED.store(mask, Ordering::Relaxed);
}

/// Named groups of features for [`set_disabled`]: (name, first index, end).
pub const GROUPS: &[(&str, usize, usize)] = &[
    ("base", 1, 38),
    ("runs", 38, 44),
    ("evidence", 44, 46),
    ("context", 46, 49),
    #[cfg(feature = "clusters")]
    ("clusters", 49, 59),
    #[cfg(feature = "clusters")]
    ("cluster-word", 49, 53),
    #[cfg(feature = "clusters")]
    ("cluster-context", 53, 57),
    #[cfg(feature = "clusters")]
    ("cluster-conj", 57, 59),
];

/// Features that do not read word clusters (the first columns of every row).
const N_BASE: usize = 49;

/// Features reading word clusters (the last columns; see [`cluster_features`]).
#[cfg(feature = "clusters")]
const N_CLUSTER: usize = 10;
#[cfg(not(feature = "clusters"))]
const N_CLUSTER: usize = 0;

/// Features per token (the row width of [`FeatureScratch::features`]).
pub const N_FEATURES: usize = N_BASE + N_CLUSTER;

/// Version of the feature set; stored in the model so a model built for other
/// features is refused.
pub const FEATURE_VERSION: u32 = if cfg!(feature = "clusters") { 5 } else { 4 };

/// Gazetteer class bits of a token, as a [`Lexicon`] reports them: the low
/// 17 bits are [`gazetteer`] word flags, the bits here mark phrase entries.
pub mod class {
    /// Inside a multi-word place entry ("New York").
    pub const PLACE_PHRASE: u32 = 1 << 20;
    /// Inside a multi-word organization entry ("European Union").
    pub const ORG_PHRASE: u32 = 1 << 21;
    /// Inside a title entry ("Secretary of State").
    pub const TITLE_PHRASE: u32 = 1 << 22;
    /// First token of any phrase entry.
    pub const PHRASE_BEGIN: u32 = 1 << 23;
}

/// Word lists the features may consult: gazetteer classes per token.
pub trait Lexicon: Send + Sync {
    /// Class bits ([`class`], [`gazetteer`] flags) for every token of `doc`
    /// (one per token), written into `out` (cleared first).
    fn classes(&self, doc: &Doc, out: &mut Vec<u32>);
}

/// A lexicon that knows no words.
#[derive(Debug, Default, Clone, Copy)]
pub struct NoLexicon;

impl Lexicon for NoLexicon {
    fn classes(&self, doc: &Doc, out: &mut Vec<u32>) {
        out.clear();
        out.resize(doc.tokens().len(), 0);
    }
}

/// The shipped gazetteers ([`Gazetteers::global`]) as a [`Lexicon`].
#[derive(Debug, Default, Clone, Copy)]
pub struct GazetteerLexicon;

impl Lexicon for GazetteerLexicon {
    fn classes(&self, doc: &Doc, out: &mut Vec<u32>) {
        let gaz = Gazetteers::global();
        let n = doc.tokens().len();
        out.clear();
        out.extend((0..n).map(|i| gaz.word_flags(doc.token_text(i)) & WORD_MASK));
        let mut i = 0;
        while i < n {
            let Some((len, kind)) = gaz.match_at(doc, i) else {
                i += 1;
                continue;
            };
            let bit = match kind {
                GazKind::Place => class::PLACE_PHRASE,
                GazKind::Org => class::ORG_PHRASE,
                GazKind::Title => class::TITLE_PHRASE,
            };
            if let Some(first) = out.get_mut(i) {
                *first |= class::PHRASE_BEGIN;
            }
            for c in out.iter_mut().skip(i).take(len.max(1)) {
                *c |= bit;
            }
            i += len.max(1);
        }
    }
}

const WORD_MASK: u32 = (1 << 19) - 1;

/// Groups of class bits combined into single features.
const NAME_BITS: u32 = gazetteer::FIRST_NAME
    | gazetteer::SURNAME
    | gazetteer::COMMON
    | gazetteer::NON_ENTITY
    | gazetteer::DEMONYM;
const PLACE_BITS: u32 = gazetteer::PLACE
    | gazetteer::COUNTRY
    | gazetteer::CITY
    | gazetteer::SUBDIVISION
    | gazetteer::REGION
    | class::PLACE_PHRASE;
const ORG_BITS: u32 = gazetteer::ORG
    | gazetteer::ORG_SUFFIX
    | gazetteer::ORG_PREFIX
    | class::ORG_PHRASE
    | gazetteer::TITLE
    | class::TITLE_PHRASE
    | class::PHRASE_BEGIN;

/// A coarse class for neighbour features: name, place, org, title, common.
fn coarse(bits: u32) -> u64 {
    let mut c = 0;
    if bits & (gazetteer::FIRST_NAME | gazetteer::SURNAME) != 0 {
        c |= 1;
    }
    if bits & PLACE_BITS != 0 {
        c |= 2;
    }
    if bits & (gazetteer::ORG | gazetteer::ORG_SUFFIX | class::ORG_PHRASE) != 0 {
        c |= 4;
    }
    if bits & (gazetteer::TITLE | class::TITLE_PHRASE) != 0 {
        c |= 8;
    }
    if bits & gazetteer::COMMON != 0 {
        c |= 16;
    }
    c
}

const MULT: u64 = 0x517c_c1b7_2722_0a95;

/// A tiny incremental hash (FxHash-style mixing; not for untrusted keys).
#[derive(Debug, Clone, Copy)]
struct Fx(u64);

impl Fx {
    fn new(seed: u64) -> Fx {
        Fx(seed.wrapping_mul(MULT))
    }
    fn add(self, v: u64) -> Fx {
        Fx((self.0.rotate_left(5) ^ v).wrapping_mul(MULT))
    }
    fn add_char(self, c: char) -> Fx {
        self.add(u64::from(c))
    }
    /// Final avalanche (MurmurHash3 fmix64), so high bits are well mixed.
    fn finish(self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

fn lower_char(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

fn shape_class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() || c.is_alphabetic() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else {
        c
    }
}

/// Per-token values computed once and combined into features.
#[derive(Debug, Clone, Copy, Default)]
struct Attrs {
    word: u64,
    lower: u64,
    shape: u64,
    short: u64,
    prefix: [u64; 4],
    suffix: [u64; 4],
    /// Starts with an uppercase letter.
    title: bool,
    /// Starts with a lowercase letter.
    lowercase: bool,
    /// Length in chars, capped at 255.
    len: u8,
    /// Document evidence bits (see [`doc_flags`]).
    doc: u8,
    /// Gazetteer classes.
    gaz: u32,
    /// Starts with an uppercase letter and has no lowercase letter after it
    /// while having at least two letters ("NATO", "U.S.").
    acronym: bool,
    /// Capitalised run this token belongs to (see [`runs`]).
    run: runs::RunInfo,
    /// Head word (lowercase hash) of a capitalised run elsewhere in the doc
    /// whose initials spell this acronym; 0 when none.
    acr_head: u64,
    /// Document evidence from capitalised runs (`runs::ev` bits).
    ev: u8,
    /// Brown cluster path (length 0 when the word is not in the table).
    #[cfg_attr(not(feature = "clusters"), allow(dead_code))]
    cluster: ClusterPath,
}

fn attrs_of(word: &str) -> Attrs {
    let mut w = Fx::new(1);
    let mut l = Fx::new(2);
    let mut shape = Fx::new(3);
    let mut short = Fx::new(4);
    let mut prefix = [0u64; 4];
    let mut pre = Fx::new(5);
    let mut last_class = '\0';
    let mut run = 0;
    let mut n = 0usize;
    for c in word.chars() {
        w = w.add_char(c);
        let lc = lower_char(c);
        l = l.add_char(lc);
        if n < 4 {
            pre = pre.add_char(lc);
            prefix[n] = pre.finish();
        }
        let class = shape_class(c);
        if class == last_class {
            run += 1;
        } else {
            run = 1;
            short = short.add_char(class);
        }
        if run <= 4 {
            shape = shape.add_char(class);
        }
        last_class = class;
        n += 1;
    }
    for p in prefix.iter_mut().skip(n.min(4)) {
        *p = pre.add(0xff).finish();
    }
    let mut suffix = [0u64; 4];
    let mut suf = Fx::new(6);
    let mut m = 0usize;
    for c in word.chars().rev().take(4) {
        suf = suf.add_char(lower_char(c));
        suffix[m] = suf.finish();
        m += 1;
    }
    for s in suffix.iter_mut().skip(m) {
        *s = suf.add(0xff).finish();
    }
    let first = word.chars().next().unwrap_or(' ');
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let acronym = letters >= 2
        && first.is_uppercase()
        && !word.chars().any(char::is_lowercase)
        && word
            .chars()
            .all(|c| c.is_alphabetic() || c == '.' || c == '&');
    Attrs {
        word: w.finish(),
        lower: l.finish(),
        shape: shape.finish(),
        short: short.finish(),
        prefix,
        suffix,
        title: first.is_uppercase(),
        lowercase: first.is_lowercase(),
        len: u8::try_from(n).unwrap_or(u8::MAX),
        doc: 0,
        gaz: 0,
        acronym,
        run: runs::RunInfo::default(),
        acr_head: 0,
        ev: 0,
        cluster: cluster_of(word),
    }
}

/// The word's cluster path (none without the `clusters` feature).
fn cluster_of(word: &str) -> ClusterPath {
    if cfg!(feature = "clusters") {
        super::clusters::lookup(word).unwrap_or_default()
    } else {
        ClusterPath::default()
    }
}

/// Document evidence bits.
const SEEN_LOWER: u8 = 1;
const SEEN_TITLE_MID: u8 = 2;
const SEEN_IN_CAP_RUN: u8 = 4;

/// Reusable buffers; one per thread is enough.
#[derive(Debug, Default)]
pub struct FeatureScratch {
    attrs: Vec<Attrs>,
    gaz: Vec<u32>,
    seen: SeenTable,
    runs: Vec<(Range<usize>, u16)>,
    /// `n_tokens * N_FEATURES` feature hashes, row per token of the doc.
    pub features: Vec<u64>,
}

/// Fills `scratch.features` for every token of `doc`.
pub fn extract(doc: &Doc, lexicon: &dyn Lexicon, scratch: &mut FeatureScratch) {
    let n = doc.tokens().len();
    scratch.attrs.clear();
    scratch
        .attrs
        .extend((0..n).map(|i| attrs_of(doc.token_text(i))));
    lexicon.classes(doc, &mut scratch.gaz);
    for (a, &g) in scratch.attrs.iter_mut().zip(&scratch.gaz) {
        a.gaz = g;
    }
    doc_flags(doc, scratch);
    runs::annotate(doc, &mut scratch.attrs, &mut scratch.runs);
    scratch.features.clear();
    scratch.features.resize(n * N_FEATURES, 0);
    for sentence in doc.sentences() {
        sentence_features(sentence.clone(), scratch);
    }
    let disabled = DISABLED.load(Ordering::Relaxed);
    if disabled != 0 {
        for row in scratch.features.chunks_exact_mut(N_FEATURES) {
            for (t, v) in row.iter_mut().enumerate() {
                if disabled & (1 << t) != 0 {
                    *v = Fx::new(1000 + t as u64).finish();
                }
            }
        }
    }
}

/// Marks tokens whose lowercase form occurs lowercased elsewhere in the doc,
/// whose form occurs capitalised in mid-sentence, or next to another
/// capitalised word ("Smith" after "John Smith").
fn doc_flags(doc: &Doc, scratch: &mut FeatureScratch) {
    let n = scratch.attrs.len();
    let seen = &mut scratch.seen;
    seen.reset(n);
    let attrs = &scratch.attrs;
    for s in doc.sentences() {
        for i in s.clone() {
            let Some(a) = attrs.get(i) else { continue };
            if a.lowercase {
                seen.mark(a.lower, SEEN_LOWER);
            } else if a.title {
                if i > s.start {
                    seen.mark(a.lower, SEEN_TITLE_MID);
                }
                let prev_title = i > s.start && attrs[i - 1].title;
                let next_title = i + 1 < s.end && attrs[i + 1].title;
                if prev_title || next_title {
                    seen.mark(a.lower, SEEN_IN_CAP_RUN);
                }
            }
        }
    }
    for a in &mut scratch.attrs {
        a.doc = scratch.seen.get(a.lower);
    }
}

/// The document evidence bits by lowercase-form hash: an open-addressing
/// table reused across docs (no sorting, one probe per token). The keys are
/// already well-mixed hashes, so their top bits index the table.
#[derive(Debug, Default)]
struct SeenTable {
    /// `(key, bits)`; `bits == 0` marks an empty slot (a stored key always
    /// has a bit set).
    slots: Vec<(u64, u8)>,
    /// log2 of the table size.
    shift_bits: u32,
}

impl SeenTable {
    /// Empties the table and sizes it for `n` keys (load under one half).
    fn reset(&mut self, n: usize) {
        let size = (2 * n).next_power_of_two().max(16);
        self.shift_bits = size.trailing_zeros();
        self.slots.clear();
        self.slots.resize(size, (0, 0));
    }

    fn start(&self, key: u64) -> usize {
        (key >> (64 - self.shift_bits)) as usize
    }

    /// ORs `bit` into the bits of `key`.
    fn mark(&mut self, key: u64, bit: u8) {
        let mask = self.slots.len() - 1;
        let mut i = self.start(key);
        for _ in 0..self.slots.len() {
            let Some(slot) = self.slots.get_mut(i) else {
                return;
            };
            if slot.1 == 0 || slot.0 == key {
                *slot = (key, slot.1 | bit);
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /// The bits of `key` (0 when never marked).
    fn get(&self, key: u64) -> u8 {
        let mask = self.slots.len().wrapping_sub(1);
        let mut i = self.start(key);
        for _ in 0..self.slots.len() {
            match self.slots.get(i) {
                Some(&(k, bits)) if bits != 0 => {
                    if k == key {
                        return bits;
                    }
                }
                _ => return 0,
            }
            i = (i + 1) & mask;
        }
        0
    }
}

const PAD_BEFORE: u64 = 0x0bad_5eed_0000_0001;
const PAD_AFTER: u64 = 0x0bad_5eed_0000_0002;

fn sentence_features(range: Range<usize>, scratch: &mut FeatureScratch) {
    let attrs = &scratch.attrs;
    let Some(sent) = attrs.get(range.clone()) else {
        return;
    };
    // Headline: at least three words, all capitalised (lowercase words of
    // three chars or fewer, "of", "the", do not count).
    let headline = {
        let mut words = 0;
        let mut caps = 0;
        for a in sent {
            if a.title || a.lowercase {
                // Short function words ("of", "the") do not count.
                if a.lowercase && a.len <= 3 {
                    continue;
                }
                words += 1;
                caps += usize::from(a.title);
            }
        }
        words >= 3 && caps == words
    };
    let get = |j: isize| -> Option<&Attrs> { if j < 0 { None } else { sent.get(j as usize) } };
    let lower_at =
        |j: isize| get(j).map_or(if j < 0 { PAD_BEFORE } else { PAD_AFTER }, |a| a.lower);
    let shape_at =
        |j: isize| get(j).map_or(if j < 0 { PAD_BEFORE } else { PAD_AFTER }, |a| a.shape);
    let short_at =
        |j: isize| get(j).map_or(if j < 0 { PAD_BEFORE } else { PAD_AFTER }, |a| a.short);
    let gaz_at = |j: isize| get(j).map_or(0xff, |a| coarse(a.gaz));
    for (k, a) in sent.iter().enumerate() {
        let j = k as isize;
        let first = k == 0;
        let row_start = (range.start + k) * N_FEATURES;
        let Some(row) = scratch.features.get_mut(row_start..row_start + N_FEATURES) else {
            return;
        };
        let f = |t: u64| Fx::new(1000 + t);
        let vals: [u64; N_BASE] = [
            f(0).finish(),
            f(1).add(a.word).finish(),
            f(2).add(a.lower).finish(),
            f(3).add(a.shape).finish(),
            f(4).add(a.short).finish(),
            f(5).add(a.prefix[0]).finish(),
            f(6).add(a.prefix[1]).finish(),
            f(7).add(a.prefix[2]).finish(),
            f(8).add(a.prefix[3]).finish(),
            f(9).add(a.suffix[0]).finish(),
            f(10).add(a.suffix[1]).finish(),
            f(11).add(a.suffix[2]).finish(),
            f(12).add(a.suffix[3]).finish(),
            f(13).add(lower_at(j - 1)).finish(),
            f(14).add(lower_at(j + 1)).finish(),
            f(15).add(lower_at(j - 2)).finish(),
            f(16).add(lower_at(j + 2)).finish(),
            f(17).add(shape_at(j - 1)).finish(),
            f(18).add(shape_at(j + 1)).finish(),
            f(19).add(shape_at(j - 2)).finish(),
            f(20).add(shape_at(j + 2)).finish(),
            f(21).add(lower_at(j - 1)).add(a.lower).finish(),
            f(22).add(a.lower).add(lower_at(j + 1)).finish(),
            f(23)
                .add(short_at(j - 1))
                .add(a.short)
                .add(short_at(j + 1))
                .finish(),
            f(24).add(u64::from(first)).add(a.short).finish(),
            f(25).add(u64::from(headline)).add(a.short).finish(),
            f(26).add(u64::from(headline)).add(a.lower).finish(),
            f(27).add(u64::from(a.doc)).add(a.short).finish(),
            f(28)
                .add(u64::from(a.doc))
                .add(u64::from(first))
                .add(u64::from(a.title))
                .finish(),
            f(29).add(lower_at(j - 1)).add(a.short).finish(),
            f(30).add(a.short).add(lower_at(j + 1)).finish(),
            f(31)
                .add(u64::from(a.gaz & NAME_BITS))
                .add(a.short)
                .finish(),
            f(32)
                .add(u64::from(a.gaz & PLACE_BITS))
                .add(a.short)
                .finish(),
            f(33).add(u64::from(a.gaz & ORG_BITS)).add(a.short).finish(),
            f(34)
                .add(gaz_at(j - 1))
                .add(coarse(a.gaz))
                .add(gaz_at(j + 1))
                .finish(),
            f(35)
                .add(coarse(a.gaz))
                .add(u64::from(first))
                .add(u64::from(headline))
                .finish(),
            f(36).add(gaz_at(j - 1)).add(a.short).finish(),
            f(37).add(a.short).add(gaz_at(j + 1)).finish(),
            f(38)
                .add(u64::from(a.run.pos))
                .add(u64::from(a.run.len))
                .add(a.short)
                .finish(),
            f(39).add(u64::from(a.run.pos)).add(a.run.last).finish(),
            f(40).add(u64::from(a.run.pos)).add(a.run.first).finish(),
            f(41)
                .add(u64::from(a.run.pos))
                .add(u64::from(a.run.flags))
                .finish(),
            f(42).add(u64::from(a.run.pos)).add(a.run.before).finish(),
            f(43).add(u64::from(a.run.pos)).add(a.run.after).finish(),
            f(44)
                .add(u64::from(a.ev))
                .add(u64::from(a.run.pos))
                .add(a.short)
                .finish(),
            f(45).add(a.acr_head).finish(),
            f(46).add(u64::from(first)).add(a.lower).finish(),
            f(47)
                .add(lower_at(j - 2))
                .add(lower_at(j - 1))
                .add(a.short)
                .finish(),
            f(48)
                .add(a.short)
                .add(lower_at(j + 1))
                .add(lower_at(j + 2))
                .finish(),
        ];
        let (base, rest) = row.split_at_mut(N_BASE.min(row.len()));
        base.copy_from_slice(&vals);
        cluster_features(sent, k, first, rest);
    }
}

/// The word-cluster columns of token `k` of `sent`: path prefixes of the
/// token (4, 6, 10, 20 bits) and of its neighbours (6, 10 bits), and two
/// conjunctions with the token's shape and capitalised-run position.
#[cfg(feature = "clusters")]
fn cluster_features(sent: &[Attrs], k: usize, first: bool, out: &mut [u64]) {
    let Some(a) = sent.get(k) else { return };
    let j = k as isize;
    let cl_at = |j: isize, n: u8| {
        let pad = if j < 0 { PAD_BEFORE } else { PAD_AFTER };
        usize::try_from(j)
            .ok()
            .and_then(|j| sent.get(j))
            .map_or(pad, |a| a.cluster.prefix(n))
    };
    let f = |t: u64| Fx::new(1000 + t);
    let vals: [u64; N_CLUSTER] = [
        f(49).add(a.cluster.prefix(4)).finish(),
        f(50).add(a.cluster.prefix(6)).finish(),
        f(51).add(a.cluster.prefix(10)).finish(),
        f(52).add(a.cluster.prefix(20)).finish(),
        f(53).add(cl_at(j - 1, 6)).finish(),
        f(54).add(cl_at(j + 1, 6)).finish(),
        f(55).add(cl_at(j - 1, 10)).finish(),
        f(56).add(cl_at(j + 1, 10)).finish(),
        f(57).add(a.cluster.prefix(10)).add(a.short).finish(),
        f(58)
            .add(a.cluster.prefix(6))
            .add(u64::from(a.run.pos))
            .add(u64::from(first))
            .finish(),
    ];
    for (o, v) in out.iter_mut().zip(vals) {
        *o = v;
    }
}

/// Without the `clusters` feature there are no cluster columns.
#[cfg(not(feature = "clusters"))]
fn cluster_features(_: &[Attrs], _: usize, _: bool, _: &mut [u64]) {}

#[cfg(test)]
mod tests {
    use super::*;

    fn features_of(text: &str) -> (Doc, Vec<u64>) {
        let doc = Doc::new(text);
        let mut scratch = FeatureScratch::default();
        extract(&doc, &NoLexicon, &mut scratch);
        (doc, scratch.features)
    }

    #[test]
    fn features_fill_one_row_per_token() {
        let (doc, feats) = features_of("Angela Merkel visited Paris. She left.");
        assert_eq!(feats.len(), doc.tokens().len() * N_FEATURES);
    }

    #[test]
    fn features_same_word_same_context_same_hashes() {
        let (_, a) = features_of("We met Paris today.");
        let (_, b) = features_of("We met Paris today.");
        assert_eq!(a, b);
        let (_, c) = features_of("We met London today.");
        assert_ne!(a, c);
    }

    #[test]
    fn features_shape_ignores_word_identity() {
        let pa = attrs_of("Paris");
        let lo = attrs_of("Londo");
        assert_eq!(pa.shape, lo.shape);
        assert_ne!(pa.word, lo.word);
        assert_eq!(attrs_of("Paris").lower, attrs_of("PARIS").lower);
    }

    #[test]
    fn seen_table_matches_a_map() {
        use std::collections::BTreeMap;
        let mut table = SeenTable::default();
        for n in [0usize, 1, 7, 100, 1000] {
            table.reset(n);
            let mut map = BTreeMap::new();
            let mut x = 0x9e37_79b9_7f4a_7c15u64 ^ n as u64;
            for k in 0..n {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                // Repeats and keys sharing their top bits (same first slot).
                let key = if k % 3 == 0 { x >> 40 } else { x };
                let bit = 1u8 << (k % 3);
                table.mark(key, bit);
                *map.entry(key).or_insert(0u8) |= bit;
            }
            for (&key, &bits) in &map {
                assert_eq!(table.get(key), bits);
            }
            assert_eq!(
                table.get(0xdead_beef),
                map.get(&0xdead_beef).copied().unwrap_or(0)
            );
        }
    }

    #[cfg(feature = "clusters")]
    #[test]
    fn features_cluster_columns_tell_known_from_unknown_words() {
        // "the" is in the shipped table, the made-up word is not.
        let (_, known) = features_of("the end");
        let (_, again) = features_of("the end");
        let (_, unknown) = features_of("qzxvw end");
        assert_eq!(known, again);
        assert_ne!(known[N_BASE], unknown[N_BASE]);
        // The second token's own cluster columns agree; its left-neighbour one does not.
        let second = N_FEATURES;
        assert_eq!(known[second + N_BASE], unknown[second + N_BASE]);
        assert_ne!(known[second + N_BASE + 4], unknown[second + N_BASE + 4]);
    }

    #[test]
    fn features_doc_flags_see_lowercase_use_elsewhere() {
        let doc = Doc::new("Apple pie. I ate an apple.");
        let mut scratch = FeatureScratch::default();
        extract(&doc, &NoLexicon, &mut scratch);
        assert_eq!(scratch.attrs[0].doc & SEEN_LOWER, SEEN_LOWER);
    }
}
