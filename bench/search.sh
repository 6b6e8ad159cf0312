#!/usr/bin/env bash
# Search benchmark: N entries (default 100000) across en, ru, zh; index build time, query latency p50/p99.
# Usage: bench/search.sh [entries]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    org.heraldcms.bench.SearchBenchmark "${1:-100000}"
