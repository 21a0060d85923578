#!/usr/bin/env bash
# The main job on the embedded default store: ingest the sample posts and serve the API.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/venv.sh
POSTS=${KB_POSTS:-examples/posts}
DB=${KB_DATABASE_URL:-sqlite:///kb.db}
.venv/bin/kb ingest "$POSTS" --db "$DB" || echo "some posts failed (listed above); serving the rest"
exec .venv/bin/kb serve --db "$DB" --host "${KB_HOST:-127.0.0.1}" --port "${KB_PORT:-8000}"
