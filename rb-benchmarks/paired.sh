#!/bin/sh
# Paired rounds: our benchmark method and the peer's, one right after the other, ROUNDS times, each in
# its own JVM fork; prints each round's two scores and their ratio, then the median ratio.
#
# Why: on a shared machine a run's level drifts by a tenth or more within minutes, and a full JMH run
# measures the two sides minutes apart (methods run in name order), so one run's ratio carries the
# drift; a peer may also settle in a faster or slower compiled form from one fork to the next. A
# round measures both sides within a minute, and the median over rounds leaves out the odd one.
#
# Build the benchmarks first, then run with nothing else on the machine:
#   ./mvnw -q -Pquick -pl rb-benchmarks -am package -DskipTests
#   rb-benchmarks/paired.sh 7 'SipParseBenchmark.remotebankParseReadAll$' \
#       'SipParseBenchmark.jainSipParseReadAll$' -p message=ok
#   TASKSET="taskset -c 0" rb-benchmarks/paired.sh 5 'RoutingBenchmark.remotebankContactArrives$' \
#       'RoutingBenchmark.linearScanContactArrives$'
# Further arguments go to JMH (e.g. -p message=ok). Settings (environment): TASKSET (a command prefix,
# e.g. "taskset -c 0" to run the whole JVM on one core), JAR (rb-benchmarks/target/benchmarks.jar),
# PEER_JAR (the jar the second side runs from; default JAR).
#
# Before and after a change: build the benchmarks jar on the commit before it and keep a copy, then
# compare the same method across the two builds (the ratio is after / before):
#   PEER_JAR=/tmp/benchmarks-before.jar rb-benchmarks/paired.sh 9 'AuditBenchmark.remotebankAppendGroupCommit$' \
#       'AuditBenchmark.remotebankAppendGroupCommit$'
set -eu

[ $# -ge 3 ] || { echo "usage: paired.sh ROUNDS OURS_REGEX PEER_REGEX [JMH ARGS...]" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
jar=${JAR:-"$root/rb-benchmarks/target/benchmarks.jar"}
peer_jar=${PEER_JAR:-"$jar"}
for j in "$jar" "$peer_jar"; do
  [ -f "$j" ] || { echo "paired: $j is missing; build it first (see the header)" >&2; exit 3; }
done
rounds=$1
ours=$2
peer=$3
shift 3
work=$(mktemp -d /tmp/paired.XXXXXX)
trap 'rm -rf "$work"' EXIT INT TERM

# The score of the one benchmark a run measured (JMH's CSV: the fifth column, the mean of its iterations).
score() {
  from=$1
  pattern=$2
  shift 2
  # shellcheck disable=SC2086
  ${TASKSET:-} java -jar "$from" "$pattern" -f 1 "$@" -rf csv -rff "$work/r.csv" >"$work/log" 2>&1 \
    || { tail -20 "$work/log" >&2; exit 1; }
  awk -F, 'NR == 2 { print $5 }' "$work/r.csv"
}

round=1
: >"$work/ratios"
echo "round  ours  peer  ratio"
while [ "$round" -le "$rounds" ]; do
  a=$(score "$jar" "$ours" "$@")
  b=$(score "$peer_jar" "$peer" "$@")
  r=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", a / b }')
  echo "$r" >>"$work/ratios"
  printf '%s  %.0f  %.0f  %s\n' "$round" "$a" "$b" "$r"
  round=$((round + 1))
done
sort -n "$work/ratios" | awk '{ v[NR] = $1 } END {
  m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
  printf "median ratio over %d rounds: %.2f (lowest %.2f, highest %.2f)\n", NR, m, v[1], v[NR] }'
