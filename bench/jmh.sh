#!/usr/bin/env bash
# JMH benchmarks of Herald's hot code paths (src/test/java/org/heraldcms/bench).
#   bench/jmh.sh                 all of them
#   bench/jmh.sh PageRender      those whose name matches; any JMH option works (-f 1 -wi 2 -i 3 ...)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.openjdk.jmh.Main "$@"
