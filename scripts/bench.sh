#!/usr/bin/env bash
# The benchmark suite (not part of `make test`): ingest and API figures at each size, as a table
# of ratios to baselines measured in the same run. See docs/PERFORMANCE.md.
#
#   make bench                      sizes 1k,10k,100k (posts to ingest, events to serve)
#   make bench SIZES=1k,10k         or BENCH_SIZES=1k,10k bash scripts/bench.sh
#   bash scripts/bench.sh --out docs/bench-table.md --api-sizes 10k,100k    (extra args pass through)
#
# With KB_TEST_NEO4J_URI set (eval "$(scripts/neo4j.sh env)"), the sizes in BENCH_NEO4J_SIZES
# (default 1k,10k) are measured on Neo4j too; that database is emptied first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/venv.sh test >/dev/null
SIZES=${SIZES:-${BENCH_SIZES:-1k,10k,100k}}
exec .venv/bin/python -m bench --sizes "$SIZES" "$@"
