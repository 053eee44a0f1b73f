#!/usr/bin/env bash
# Writes eval-COMMIT.sql (and the compare-*.txt reports) with the `solve` binary given, against the scripted server: the
# evaluation database of that `solve`, as SQL text. See README.md.
# Usage: Tests/Fixtures/evaldb/make-fixture.sh path/to/solve
set -euo pipefail
solve=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
work=$(mktemp -d /tmp/evaldb.XXXXXX)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT

coproc SERVER { exec python3 "$repo/Tests/Fixtures/scripted-server/server.py" 2>/dev/null; }
server=$SERVER_PID
read -r _ port <&"${SERVER[0]}"
endpoint="http://127.0.0.1:$port/v1"
cat >"$work/solve.yaml" <<YAML
language: python
models:
  - {alias: fb, served: scripted/feedback, role: code, endpoint: "$endpoint"}
  - {alias: plain, served: scripted/plain, role: code, endpoint: "$endpoint"}
  - {alias: nocode, served: scripted/no-code, role: code, endpoint: "$endpoint"}
  - {alias: cut, served: scripted/unterminated-fence, role: code, endpoint: "$endpoint"}
YAML
# Two copies of two-sum; the second with other tags (one with a slash) and difficulty.
mkdir -p "$work/set"
for slug in a b; do
    cp "$repo/Problems/two-sum.md" "$work/set/$slug.md"
    cp -r "$repo/Problems/two-sum" "$work/set/$slug"
done
sed -i 's|^tags: .*|tags: [graphs/trees, "math"]|; s|^difficulty: .*|difficulty: hard|' "$work/set/b.md"

db="$work/eval.sqlite"
run_eval() { "$solve" eval "$work/set" --config "$work/solve.yaml" --db "$db" "$@" >/dev/null 2>&1; }
run_eval --model fb --model plain --model nocode --model cut --samples 2 --max-attempts 2 --run done
run_eval --model plain --shard 1/2 --run part
# An interrupted run: killed once it has stored some samples and while a sample has a pending attempt.
for _ in $(seq 50); do
    sqlite3 "$db" "DELETE FROM attempt WHERE run = 'killed'; DELETE FROM sample WHERE run = 'killed';
        DELETE FROM problem WHERE run = 'killed'; DELETE FROM run WHERE name = 'killed';
        DELETE FROM run_lease WHERE run = 'killed';"
    "$solve" eval "$work/set" --config "$work/solve.yaml" --db "$db" --model fb --samples 40 --concurrency 1 \
        --run killed >/dev/null 2>&1 &
    pid=$!
    sleep "0.$((RANDOM % 9 + 1))"
    for _ in $(seq 600); do
        [ "$(sqlite3 "$db" "SELECT COUNT(*) FROM sample WHERE run = 'killed'" 2>/dev/null || echo 0)" -ge 2 ] && break
        sleep 0.05
    done
    for _ in $(seq 200); do
        [ "$(sqlite3 "$db" "SELECT COUNT(*) FROM attempt WHERE run = 'killed' AND status = 'pending'")" -gt 0 ] && break
    done
    kill -9 "$pid"
    wait "$pid" 2>/dev/null || true
    [ "$(sqlite3 "$db" "SELECT COUNT(*) FROM attempt WHERE run = 'killed' AND status = 'pending'")" -gt 0 ] && break
done
sqlite3 "$db" .dump >"$here/eval-$(git -C "$repo" rev-parse --short HEAD).sql"
for format in json csv markdown table html; do
    "$solve" compare --db "$db" --format "$format" --out "$here/compare-$format.txt" >/dev/null
done
