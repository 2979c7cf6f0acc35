#!/usr/bin/env bash
# Scale benchmark of `lede find` and `lede search` (issue: Library 2/2).
#
#   scripts/bench_find.sh [DIR] [N]
#
# Generates N articles (default 10,000; fixed seed, scripts/gen_find_corpus.py)
# into DIR/in (default target/tmp/find-bench), adds them to the library
# DIR/lib with the release binary (skipped when the library already holds N
# articles), then times warm `find` (exact and misspelt) and `search` queries
# with hyperfine and prints the database size (LEDE_BIN: another binary). Needs python3 and hyperfine;
# build first with `cargo build --release`.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=${1:-target/tmp/find-bench}
N=${2:-10000}
BIN=${LEDE_BIN:-$PWD/target/release/lede}
export LEDE_LIBRARY=$DIR/lib

have=$(python3 -c "import sqlite3,sys
try: print(sqlite3.connect('file:$DIR/lib/lede.db?mode=ro', uri=True).execute('select count(*) from articles').fetchone()[0])
except Exception: print(0)")
if [ "$have" -lt "$N" ]; then
    rm -rf "$DIR"
    python3 scripts/gen_find_corpus.py "$DIR/in" "$N"
    start=$(date +%s.%N)
    nice -n 19 "$BIN" add "$DIR/in" > /dev/null
    end=$(date +%s.%N)
    python3 -c "print(f'add: $N articles in {$end - $start:.1f} s = {$N / ($end - $start):.0f} articles/s')"
fi

python3 - "$DIR/lib/lede.db" <<'EOF'
import os, sqlite3, sys, time
db = sys.argv[1]
c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
q = lambda sql: c.execute(sql).fetchone()[0]
print(f"library: {q('select count(*) from articles')} articles, "
      f"{q('select count(distinct name) from entities')} distinct entity names, "
      f"{q('select count(*) from name_keys')} folded names, "
      f"{q('select count(*) from entity_names')} name rows, "
      f"db {os.path.getsize(db) / 1e6:.1f} MB")
t = time.perf_counter()
n = len(c.execute("SELECT kind, name, count(*) AS n, sum(count) AS m FROM entities "
                  "GROUP BY name, kind ORDER BY n DESC, m DESC, name COLLATE NOCASE, kind").fetchall())
print(f"entity index query (Library::entity_index's SQL): {n} entities in {(time.perf_counter() - t) * 1e3:.0f} ms")
EOF

hyperfine -N --warmup 3 --runs 20 --style basic \
    "$BIN find Kovalenko" \
    "$BIN find kovalenkko" \
    "$BIN find Andriy Kovalneko" \
    "$BIN find --kind place Kyiv" \
    "$BIN find Kiyv" \
    "$BIN find --format json Bramisen" \
    "$BIN find Nobodyatall" \
    "$BIN search harbour expansion" \
    "$BIN search budget" \
    "$BIN search --format json flood defences Kyiv" \
    --export-markdown "$DIR/hyperfine.md"
cat "$DIR/hyperfine.md"
