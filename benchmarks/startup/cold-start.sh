#!/usr/bin/env bash
# Whole-process cold start, side by side: Lamina, Lightbend Config and SmallRye Config on the same content, and
# configctl get/render. Two Lamina rows: the benchmarks jar (every optional library present, Caffeine's caches used)
# and lamina_yaml, a YAML-only service's class path (config-core and its required jars only; issue 11's target). Prints a Markdown table (medians of N runs: wall, CPU = user + sys, classes loaded) and the
# load average, for docs/performance.md. Runs are interleaved so that a change in machine load hits every row.
#
#   benchmarks/startup/cold-start.sh [N]        (default N=10; builds what it needs first)
#   JMH=1 benchmarks/startup/cold-start.sh      also runs ColdStartBenchmark (JMH single-shot, 20 forks each)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-10}
bench=benchmarks/target/benchmarks.jar
cli=config-cli/target/configctl.jar
if [ ! -f "$bench" ] || [ ! -f "$cli" ]; then
  ./mvnw -q -B -pl benchmarks,config-cli -am package -DskipTests
fi
# A YAML-only service's class path: config-core without its optional dependencies (docs/installation.md).
yaml_cp_file=benchmarks/target/yaml-only-classpath.txt
if [ ! -f "$yaml_cp_file" ]; then
  ./mvnw -q -B -pl config-core dependency:build-classpath -DincludeScope=runtime \
    -DexcludeArtifactIds=jackson-dataformat-toml,jackson-dataformat-xml,stax2-api,woodstox-core,caffeine,jspecify,error_prone_annotations,micrometer-core,micrometer-commons,micrometer-observation,HdrHistogram,LatencyUtils \
    -Dmdep.outputFile="$PWD/$yaml_cp_file" > /dev/null
fi
yaml_cp="benchmarks/target/classes:$(ls config-core/target/config-core-*.jar | grep -v -- '-tests.jar' | head -1):$(cat "$yaml_cp_file")"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r examples/config "$work/config"
key=database.pool.max_size
java -jar "$cli" export json --dir "$work/config" --env production --include-secrets > "$work/production.json"
java -jar "$cli" export properties --dir "$work/config" --env production --include-secrets \
  > "$work/production.properties"

lamina=(java -cp "$bench" dev.lamina.benchmarks.startup.ColdStart lamina "$work/config" production "$key")
lamina_yaml=(java -cp "$yaml_cp" dev.lamina.benchmarks.startup.ColdStart lamina "$work/config" production "$key")
lightbend=(java -cp "$bench" dev.lamina.benchmarks.startup.ColdStart lightbend "$work/production.json" "$key")
smallrye=(java -cp "$bench" dev.lamina.benchmarks.startup.ColdStart smallrye "$work/production.properties" "$key")
get_cds=(bin/configctl get --dir "$work/config" --env production "$key")
render_cds=(bin/configctl render --dir "$work/config" --env production)
get_plain=(java -jar "$cli" get --dir "$work/config" --env production "$key")

names=(lamina lamina_yaml lightbend smallrye get_cds render_cds get_plain)
# The launcher keeps its class-data archive in the cache directory: warm it once, as a user's first run would.
export XDG_CACHE_HOME="$work/cache"
"${get_cds[@]}" > /dev/null

measure() { # name, command...: appends "wall cpu" to $work/$name.times
  # CPU from bash's `times` (children's user and sys, to the millisecond) in a subshell that runs only the command:
  # GNU time prints hundredths, too coarse for runs of 0.1-0.2 s.
  local name=$1; shift
  local start end cpu
  start=$(date +%s%N)
  cpu=$( ("$@" > /dev/null 2> "$work/err" || { cat "$work/err" >&2; exit 1; }; times) | tail -1 \
    | awk '{split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%.3f", u[1] * 60 + u[2] + s[1] * 60 + s[2]}')
  end=$(date +%s%N)
  [ -n "$cpu" ] || exit 1
  echo "$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.3f", (b - a) / 1e9}') $cpu" >> "$work/$name.times"
}
classes() { # command...: number of classes the JVM loaded
  local cmd=("$@")
  JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$work/classes.log" "${cmd[@]}" > /dev/null 2>&1
  grep -c 'source:' "$work/classes.log"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for ((i = 0; i < runs; i++)); do
  for n in "${names[@]}"; do
    eval "cmd=(\"\${${n}[@]}\")"
    measure "$n" "${cmd[@]}"
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

median() { sort -n | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }
echo "| run | wall median (s) | CPU median (s) | classes loaded |"
echo "|---|---:|---:|---:|"
for n in "${names[@]}"; do
  eval "cmd=(\"\${${n}[@]}\")"
  wall=$(cut -d' ' -f1 "$work/$n.times" | median)
  cpu=$(cut -d' ' -f2 "$work/$n.times" | median)
  echo "| $n | $wall | $cpu | $(classes "${cmd[@]}") |"
done
echo
echo "$runs runs each, interleaved; load average before: $load_before, after: $load_after; $(nproc) cores;"
echo "$(java -version 2>&1 | head -1)"

if [ "${JMH:-0}" = 1 ]; then
  java -Dlamina.coldstart.dir="$work" -jar "$bench" ColdStartBenchmark -f "${FORKS:-20}" -rf json \
    -rff benchmarks/target/cold-start-jmh.json
fi
