#!/usr/bin/env bash
# Runs PostgresAppendBenchmark RUNS times (default 3), one JMH run after another, and prints the
# tables of BENCHMARKS.md's PostgreSQL section from all of them (median of the runs, spread,
# ratios taken within each run). Extra arguments go to JMH, e.g. -p processes=4.
# Results: aims-benchmarks/target/bench-results/postgres/run-N.{json,log} and tables.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RUNS:-3}"
out="$root/aims-benchmarks/target/bench-results/postgres"
jar="$root/aims-benchmarks/target/benchmarks.jar"
cd "$root"
echo "bench-postgres: building the benchmarks..." >&2
mvn -q -B -DskipTests -Dspotless.check.skip=true -pl aims-benchmarks -am package >&2
mkdir -p "$out"
files=()
for i in $(seq 1 "$runs"); do
  echo "bench-postgres: run $i of $runs (load average $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  java -Daims.bench.out="$out" -jar "$jar" 'PostgresAppendBenchmark' \
    -rf json -rff "$out/run-$i.json" "$@" > "$out/run-$i.log" 2>&1
  grep -E '^(aims_entry|plain_decision):' "$out/run-$i.log" >&2 || true
  files+=("$out/run-$i.json")
done
java -cp "$jar" dev.aims.benchmarks.postgres.PostgresBenchReport "${files[@]}" | tee "$out/tables.md"
