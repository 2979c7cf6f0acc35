//! Training: an averaged structured perceptron over BILOU tags.
//!
//! Each sentence is decoded with the current weights ([`biluo::viterbi`]); if
//! the best path differs from the gold path, the gold features gain one and
//! the predicted ones lose one, transitions included. Gold tags may be
//! missing (a gold span that does not fall on lede's token boundaries): the
//! gold path is then the best path that agrees with every known tag, so
//! missing tokens carry no loss. Weights are averaged over all steps (lazily,
//! with per-weight timestamps). Training is deterministic for a seed: the
//! only randomness is the example order, shuffled by a small xorshift PRNG.

use std::ops::Range;

use super::Doc;
use super::EntityKind;
use super::biluo::{self, N_TAGS, ViterbiInput};
use super::features::{self, FeatureScratch, Lexicon, N_FEATURES};
use super::model::{Model, bucket};

/// One training document: bucketed features, sentences and gold tags.
#[derive(Debug, Clone)]
pub struct Example {
    /// `n_tokens * N_FEATURES` bucket indices.
    buckets: Vec<u32>,
    /// Sentences as token ranges.
    sentences: Vec<Range<usize>>,
    /// Gold tag per token; `None` where unknown.
    gold: Vec<Option<u8>>,
}

impl Example {
    /// Builds an example from a text and its gold spans, given as char
    /// ranges (end exclusive) with a kind. Spans that do not fall on token
    /// boundaries make their tokens "missing" rather than wrong.
    #[must_use]
    pub fn new(
        text: &str,
        spans: &[(Range<usize>, EntityKind)],
        lexicon: &dyn Lexicon,
        bits: u32,
        scratch: &mut FeatureScratch,
    ) -> Example {
        let doc = Doc::new(text);
        features::extract(&doc, lexicon, scratch);
        let buckets = scratch.features.iter().map(|&h| bucket(h, bits)).collect();
        Example {
            buckets,
            sentences: doc.sentences().to_vec(),
            gold: project(&doc, spans),
        }
    }

    /// Number of tokens.
    #[must_use]
    pub fn len(&self) -> usize {
        self.gold.len()
    }

    /// True when the example has no tokens.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.gold.is_empty()
    }

    /// Tokens whose gold tag is missing.
    #[must_use]
    pub fn missing(&self) -> usize {
        self.gold.iter().filter(|g| g.is_none()).count()
    }
}

/// Projects char-offset gold spans onto the doc's tokens. A span whose start
/// and end are token boundaries becomes BILOU tags; any other span marks the
/// tokens it touches as missing (`None`). Overlapping spans are dropped.
#[must_use]
pub fn project(doc: &Doc, spans: &[(Range<usize>, EntityKind)]) -> Vec<Option<u8>> {
    let tokens = doc.tokens();
    let mut aligned = Vec::new();
    let mut missing = Vec::new();
    for (chars, kind) in spans {
        let first = tokens.iter().position(|t| t.end > chars.start);
        let last = tokens.iter().rposition(|t| t.start < chars.end);
        let (Some(first), Some(last)) = (first, last) else {
            continue;
        };
        if last < first {
            continue;
        }
        let exact = tokens[first].start == chars.start && tokens[last].end == chars.end;
        if exact {
            aligned.push((first..last + 1, *kind));
        } else {
            missing.push(first..last + 1);
        }
    }
    let tags = biluo::spans_to_tags(tokens.len(), &aligned);
    let mut gold: Vec<Option<u8>> = tags.into_iter().map(Some).collect();
    for range in missing {
        if let Some(slot) = gold.get_mut(range) {
            slot.fill(None);
        }
    }
    gold
}

/// Training settings.
#[derive(Debug, Clone, Copy)]
pub struct TrainConfig {
    /// Passes over the data.
    pub epochs: usize,
    /// Seed of the shuffle.
    pub seed: u64,
    /// log2 of the number of weight buckets.
    pub bits: u32,
}

/// A small deterministic PRNG (xorshift64*), enough for shuffling.
#[derive(Debug, Clone)]
pub struct XorShift(u64);

impl XorShift {
    /// A generator from a seed (any value; zero is remapped).
    #[must_use]
    pub fn new(seed: u64) -> XorShift {
        XorShift(seed ^ 0x9e37_79b9_7f4a_7c15 | 1)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// Fisher-Yates shuffle.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// Weights with lazy averaging.
#[derive(Debug, Clone)]
struct Averaged {
    w: Vec<f32>,
    total: Vec<f64>,
    stamp: Vec<u32>,
}

impl Averaged {
    fn new(len: usize) -> Averaged {
        Averaged {
            w: vec![0.0; len],
            total: vec![0.0; len],
            stamp: vec![0; len],
        }
    }

    fn update(&mut self, i: usize, delta: f32, step: u32) {
        if let (Some(w), Some(t), Some(s)) = (
            self.w.get_mut(i),
            self.total.get_mut(i),
            self.stamp.get_mut(i),
        ) {
            *t += f64::from(step - *s) * f64::from(*w);
            *s = step;
            *w += delta;
        }
    }

    fn averaged(&self, step: u32) -> Vec<f32> {
        let steps = f64::from(step.max(1));
        self.w
            .iter()
            .zip(&self.total)
            .zip(&self.stamp)
            .map(|((&w, &t), &s)| ((t + f64::from(step - s) * f64::from(w)) / steps) as f32)
            .collect()
    }
}

/// An averaged perceptron in training.
#[derive(Debug, Clone)]
pub struct Trainer {
    bits: u32,
    weights: Averaged,
    /// Start row, end row, then `N_TAGS * N_TAGS` transitions.
    trans: Averaged,
    step: u32,
    scores: Vec<f32>,
    back: Vec<u8>,
    pred: Vec<u8>,
    gold_path: Vec<u8>,
}

const TRANS_LEN: usize = (N_TAGS + 2) * N_TAGS;

impl Trainer {
    /// A zero model with `2^bits` buckets.
    #[must_use]
    pub fn new(bits: u32) -> Trainer {
        Trainer {
            bits,
            weights: Averaged::new((1usize << bits) * N_TAGS),
            trans: Averaged::new(TRANS_LEN),
            step: 0,
            scores: Vec::new(),
            back: Vec::new(),
            pred: Vec::new(),
            gold_path: Vec::new(),
        }
    }

    /// One pass over `examples` in the given order.
    pub fn epoch(&mut self, examples: &[Example], order: &[usize]) {
        for &e in order {
            let Some(ex) = examples.get(e) else { continue };
            for s in &ex.sentences {
                self.learn_sentence(ex, s.clone());
            }
        }
    }

    fn learn_sentence(&mut self, ex: &Example, range: Range<usize>) {
        self.step += 1;
        let (Some(buckets), Some(gold)) = (
            ex.buckets
                .get(range.start * N_FEATURES..range.end * N_FEATURES),
            ex.gold.get(range.clone()),
        ) else {
            return;
        };
        if gold.is_empty() {
            return;
        }
        score(&self.weights.w, buckets, &mut self.scores);
        let (start, rest) = self.trans.w.split_at(N_TAGS);
        let (end, trans) = rest.split_at(N_TAGS);
        let mut input = ViterbiInput {
            scores: &self.scores,
            trans,
            start,
            end,
            fixed: None,
        };
        biluo::viterbi(&input, &mut self.back, &mut self.pred);
        if gold.iter().all(Option::is_some) {
            self.gold_path.clear();
            self.gold_path.extend(gold.iter().flatten());
        } else {
            input.fixed = Some(gold);
            biluo::viterbi(&input, &mut self.back, &mut self.gold_path);
        }
        if self.pred == self.gold_path {
            return;
        }
        let (pred, gold_path) = (
            std::mem::take(&mut self.pred),
            std::mem::take(&mut self.gold_path),
        );
        self.update(buckets, &pred, &gold_path);
        self.pred = pred;
        self.gold_path = gold_path;
    }

    fn update(&mut self, buckets: &[u32], pred: &[u8], gold: &[u8]) {
        let step = self.step;
        for (i, (&p, &g)) in pred.iter().zip(gold).enumerate() {
            if p != g {
                for &b in buckets.iter().skip(i * N_FEATURES).take(N_FEATURES) {
                    let row = b as usize * N_TAGS;
                    self.weights.update(row + usize::from(g), 1.0, step);
                    self.weights.update(row + usize::from(p), -1.0, step);
                }
            }
            let (pp, gp) = if i == 0 {
                (usize::from(p), usize::from(g))
            } else {
                let idx = |a: u8, b: u8| 2 * N_TAGS + usize::from(a) * N_TAGS + usize::from(b);
                (idx(pred[i - 1], p), idx(gold[i - 1], g))
            };
            if pp != gp {
                self.trans.update(gp, 1.0, step);
                self.trans.update(pp, -1.0, step);
            }
        }
        if let (Some(&p), Some(&g)) = (pred.last(), gold.last())
            && p != g
        {
            self.trans.update(N_TAGS + usize::from(g), 1.0, step);
            self.trans.update(N_TAGS + usize::from(p), -1.0, step);
        }
    }

    /// The averaged model so far, as an unquantised [`Model`].
    #[must_use]
    pub fn model(&self) -> Model {
        Model::from_f32(
            self.bits,
            &self.weights.averaged(self.step),
            &self.trans.averaged(self.step),
        )
    }
}

/// Scores of every tag for every token: the sum of the weights of its features.
fn score(weights: &[f32], buckets: &[u32], out: &mut Vec<f32>) {
    let n = buckets.len() / N_FEATURES;
    out.clear();
    out.resize(n * N_TAGS, 0.0);
    for (row, feats) in out
        .chunks_exact_mut(N_TAGS)
        .zip(buckets.chunks_exact(N_FEATURES))
    {
        for &b in feats {
            let start = b as usize * N_TAGS;
            if let Some(w) = weights.get(start..start + N_TAGS) {
                for (o, v) in row.iter_mut().zip(w) {
                    *o += v;
                }
            }
        }
    }
}

/// Trains for `config.epochs` passes; `on_epoch` sees the averaged model after
/// each pass (to print a dev score, say).
pub fn train(
    examples: &[Example],
    config: &TrainConfig,
    mut on_epoch: impl FnMut(usize, &Model),
) -> Model {
    let mut trainer = Trainer::new(config.bits);
    let mut rng = XorShift::new(config.seed);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    for epoch in 1..=config.epochs {
        rng.shuffle(&mut order);
        trainer.epoch(examples, &order);
        on_epoch(epoch, &trainer.model());
    }
    trainer.model()
}

/// Trains `runs` models on differently shuffled orders (seeds `config.seed`,
/// `config.seed + 1`, ...) and averages their weights. One perceptron's
/// score depends on the example order by a point or more of F1; the mean of
/// a few orders is steadier. `on_run` sees each run's model.
pub fn train_bagged(
    examples: &[Example],
    config: &TrainConfig,
    runs: usize,
    mut on_run: impl FnMut(usize, &Model),
) -> Model {
    let runs = runs.max(1);
    let mut weights: Vec<f32> = Vec::new();
    let mut trans: Vec<f32> = Vec::new();
    for r in 0..runs {
        let mut trainer = Trainer::new(config.bits);
        let mut rng = XorShift::new(config.seed.wrapping_add(r as u64));
        let mut order: Vec<usize> = (0..examples.len()).collect();
        for _ in 0..config.epochs {
            rng.shuffle(&mut order);
            trainer.epoch(examples, &order);
        }
        let w = trainer.weights.averaged(trainer.step);
        let t = trainer.trans.averaged(trainer.step);
        on_run(r + 1, &Model::from_f32(config.bits, &w, &t));
        add_into(&mut weights, &w);
        add_into(&mut trans, &t);
    }
    let k = runs as f32;
    weights.iter_mut().for_each(|w| *w /= k);
    trans.iter_mut().for_each(|t| *t /= k);
    Model::from_f32(config.bits, &weights, &trans)
}

fn add_into(sum: &mut Vec<f32>, v: &[f32]) {
    if sum.is_empty() {
        sum.extend_from_slice(v);
    } else {
        for (s, x) in sum.iter_mut().zip(v) {
            *s += x;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::features::NoLexicon;

    #[test]
    fn perceptron_projection_marks_misaligned_spans_missing() {
        let doc = Doc::new("Ask Al-Zaman and Bob.");
        // "Al-Zam" ends inside a token: missing, not wrong.
        let gold = project(
            &doc,
            &[
                (4..10, EntityKind::Organization),
                (17..20, EntityKind::Person),
            ],
        );
        assert!(gold[1].is_none());
        let bob = doc.tokens().iter().position(|t| t.start == 17).unwrap_or(0);
        assert_eq!(
            gold[bob],
            Some(biluo::tag(EntityKind::Person, biluo::Position::Unit))
        );
        assert_eq!(gold[0], Some(biluo::OUTSIDE));
    }

    #[test]
    fn perceptron_learns_a_tiny_corpus() {
        let mut scratch = FeatureScratch::default();
        let texts = [
            ("Yesterday Alice Walker went home.", 10..22),
            ("Then Alice Walker slept.", 5..17),
        ];
        let examples: Vec<Example> = texts
            .iter()
            .map(|(t, r)| {
                Example::new(
                    t,
                    &[(r.clone(), EntityKind::Person)],
                    &NoLexicon,
                    12,
                    &mut scratch,
                )
            })
            .collect();
        let model = train(
            &examples,
            &TrainConfig {
                epochs: 5,
                seed: 1,
                bits: 12,
            },
            |_, _| {},
        );
        let doc = Doc::new("Yesterday Alice Walker went home.");
        let tags = model.tag_doc(&doc, &NoLexicon);
        assert_eq!(
            biluo::tags_to_spans(&tags),
            vec![(1..3, EntityKind::Person)]
        );
    }

    #[test]
    fn perceptron_bagged_runs_are_averaged_and_learn() {
        let mut scratch = FeatureScratch::default();
        let examples: Vec<Example> = [
            "Yesterday Alice Walker went home.",
            "Then Alice Walker slept.",
        ]
        .iter()
        .map(|t| {
            let start = t.find("Alice").unwrap_or(0);
            Example::new(
                t,
                &[(start..start + 12, EntityKind::Person)],
                &NoLexicon,
                12,
                &mut scratch,
            )
        })
        .collect();
        let config = TrainConfig {
            epochs: 5,
            seed: 1,
            bits: 12,
        };
        let mut seen = 0;
        let model = train_bagged(&examples, &config, 3, |_, _| seen += 1);
        assert_eq!(seen, 3);
        let doc = Doc::new("Yesterday Alice Walker went home.");
        let tags = model.tag_doc(&doc, &NoLexicon);
        assert_eq!(
            biluo::tags_to_spans(&tags),
            vec![(1..3, EntityKind::Person)]
        );
    }

    #[test]
    fn perceptron_shuffle_is_seeded() {
        let mut a: Vec<u32> = (0..50).collect();
        let mut b = a.clone();
        XorShift::new(7).shuffle(&mut a);
        XorShift::new(7).shuffle(&mut b);
        assert_eq!(a, b);
        let mut c: Vec<u32> = (0..50).collect();
        XorShift::new(8).shuffle(&mut c);
        assert_ne!(a, c);
    }
}
