#!/usr/bin/env bash
# Scale chart for docs/performance.md: runs ScaleBenchmark (JMH, JSON results) and ScaleMemory at the given sizes,
# then prints the table and text bars drawn by ScaleChart from their JSON, with the load average.
#
#   benchmarks/scale/chart.sh [SIZES...]     (default: 10000 100000 1000000)
#
# JMH_OPTS is passed to the JMH launcher (e.g. JMH_OPTS=-Djmh.ignoreLock=true when another JMH run holds
# /tmp/jmh.lock on a shared machine); MEMORY_XMX (default 4g) is ScaleMemory's heap (1M leaves need ~1 GB retained).
set -euo pipefail
cd "$(dirname "$0")/../.."
sizes=("${@:-10000 100000 1000000}")
sizes=(${sizes[*]})
bench=benchmarks/target/benchmarks.jar
[ -f "$bench" ] || ./mvnw -q -B -pl benchmarks -am package -DskipTests
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
java ${JMH_OPTS:-} -jar "$bench" 'scale\.ScaleBenchmark' -p leaves="$(IFS=,; echo "${sizes[*]}")" -rf json -rff "$work/jmh.json" \
  > "$work/jmh.log"
java -Xmx"${MEMORY_XMX:-4g}" -cp "$bench" dev.lamina.benchmarks.scale.ScaleMemory "${sizes[@]}" > "$work/memory.json"
java -cp "$bench" dev.lamina.benchmarks.scale.ScaleChart "$work/jmh.json" "$work/memory.json"
echo
echo "load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $(java -version 2>&1 | head -1)"
