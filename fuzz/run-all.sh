#!/usr/bin/env bash
# Runs every fuzz target for SECONDS (default 600) each, two at a time, at
# the lowest priority; libFuzzer's output goes to LOGS (default /tmp/lede-fuzz).
# Seeds each corpus from tests/data on the first run. Needs nightly and
# cargo-fuzz: `cargo install cargo-fuzz --locked`.
set -uo pipefail
cd "$(dirname "$0")"
seconds=${SECONDS_EACH:-600}
logs=${LOGS:-/tmp/lede-fuzz}
mkdir -p "$logs"
targets=(${TARGETS:-load_text load_html load_email load_mhtml sanitize tokenize tagger quotes})
seed() {
    local dir=corpus/$1
    [ -d "$dir" ] && return
    mkdir -p "$dir"
    find ../tests/data -type f -size -64k -exec cp -t "$dir" {} + 2>/dev/null
    find ../assets -maxdepth 2 -type f -size -64k \( -name '*.txt' -o -name '*.md' -o -name '*.json' -o -name '*.html' \) -exec cp -t "$dir" {} + 2>/dev/null
}
run() {
    seed "$1"
    nice -n 19 cargo +nightly fuzz run "$1" "corpus/$1" -- \
        -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -print_final_stats=1 \
        > "$logs/$1.log" 2>&1
    echo "$1: exit $? ($(grep -E 'stat::number_of_executed_units' "$logs/$1.log" | tail -1))"
}
for ((i = 0; i < ${#targets[@]}; i += 2)); do
    run "${targets[i]}" &
    if [ -n "${targets[i+1]:-}" ]; then run "${targets[i+1]}" & fi
    wait
done
