# The two commands of the README. Both create .venv on first use.
.PHONY: run test bench

run:        ## install, ingest examples/posts into kb.db, serve the API on 127.0.0.1:8000
	bash scripts/run.sh

test:       ## install test needs (Chromium, fonts, a Neo4j server when Java+Maven exist) and run every test
	bash scripts/test.sh

bench:      ## the benchmark suite (not part of `make test`)
	bash scripts/bench.sh
