#!/usr/bin/env bash
# Everything the tests need, then every test. `.ci/run` calls exactly this (through `make test`).
#   - .venv with kb and its test extras
#   - Debian chromium + a Korean font for the browser tests (installed when running as root)
#   - npm packages the export and browser tests check against (cached outside the clone)
#   - a real Neo4j server from Maven Central when Java and Maven exist (scripts/neo4j.sh)
# Set KB_SKIP_NEO4J=1 or KB_SKIP_BROWSER=1 to leave those parts out.
set -euo pipefail
cd "$(dirname "$0")/.."
CACHE=${KB_CACHE_DIR:-$HOME/.cache/kb}
mkdir -p "$CACHE"

bash scripts/venv.sh test

if [ -z "${KB_SKIP_BROWSER:-}" ]; then
  if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -i nanum >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "installing chromium and fonts-nanum (Debian packages)"
      apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-nanum >/dev/null
    else
      echo "note: browser tests skip: install Debian's chromium and fonts-nanum to run them"
    fi
  fi
fi

if command -v npm >/dev/null 2>&1; then
  export KB_NPM_DIR="$CACHE/npm"
  # the JSON Resume schema, TimelineJS3, a JSON Resume renderer and theme, and axe-core for the browser tests
  NPM_PACKAGES="@jsonresume/schema @knight-lab/timelinejs resumed jsonresume-theme-even axe-core"
  missing=""
  for package in $NPM_PACKAGES; do
    [ -d "$KB_NPM_DIR/node_modules/$package" ] || missing="$missing $package"
  done
  if [ -n "$missing" ]; then
    mkdir -p "$KB_NPM_DIR"
    # shellcheck disable=SC2086 # one word per package
    (cd "$KB_NPM_DIR" && npm install --silent --no-audit --no-fund $NPM_PACKAGES >/dev/null) \
      || echo "note: npm packages unavailable; export validation, résumé theme and accessibility tests will skip"
  fi
fi

if [ -z "${KB_SKIP_NEO4J:-}" ] && [ -z "${KB_TEST_NEO4J_URI:-}" ] && [ -x scripts/neo4j.sh ] \
   && command -v java >/dev/null 2>&1 && command -v mvn >/dev/null 2>&1; then
  scripts/neo4j.sh start
  trap 'scripts/neo4j.sh stop' EXIT
  eval "$(scripts/neo4j.sh env)"
fi

.venv/bin/python -m pytest "$@"
