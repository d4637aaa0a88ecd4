#!/bin/sh
# SipLoad (issue 8): the highest call rate at which `sipp -sn uac` completes CALLS calls with zero
# failures against `rb sip-server`, beside the same against `sipp -sn uas` (the peer) in the same
# session. sipp's exit code is the verdict of each step (0 only when every call succeeded).
#
# Build rb.jar first, then run the whole script under the shared Maven lock so nothing else runs:
#   flock /tmp/rb-maven.lock ./mvnw -q -Pquick -pl rb-examples -am package -DskipTests
#   flock /tmp/rb-maven.lock rb-benchmarks/sipload.sh
# Settings (environment): CALLS (20000), RATES (ascending list, "500 1000 1500 2000 2500 3000"),
# PROCS (sipp uac processes sharing the load, 1), SERVER_THREADS (2), RB_JAVA_OPTS.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
jar="$root/rb-examples/target/rb.jar"
CALLS=${CALLS:-20000}
RATES=${RATES:-"500 1000 1500 2000 2500 3000"}
PROCS=${PROCS:-1}
SERVER_THREADS=${SERVER_THREADS:-2}
work=$(mktemp -d /tmp/sipload.XXXXXX)
[ -f "$jar" ] || { echo "sipload: $jar is missing; build it first (see the header)" >&2; exit 3; }
command -v sipp >/dev/null || { echo "sipload: sipp is missing (apt-get install sip-tester)" >&2; exit 3; }

OURS_PORT=15060
PEER_PORT=15070
server_pid=""
peer_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  [ -n "$peer_pid" ] && kill "$peer_pid" 2>/dev/null || true
}
trap cleanup EXIT INT TERM

# Waits until a UDP port is bound on loopback (the kernel's socket table).
await_port() {
  hex=$(printf ':%04X ' "$1")
  i=0
  while ! cat /proc/net/udp /proc/net/udp6 2>/dev/null | grep -q "$hex"; do
    i=$((i + 1)); [ $i -gt 300 ] && { echo "sipload: nothing bound port $1" >&2; exit 3; }
    sleep 0.1
  done
}

# run_step TARGET_PORT RATE LABEL: PROCS sipp uac processes, CALLS calls in all; prints the elapsed
# seconds and returns 0 when every process exited 0.
run_step() {
  port=$1; rate=$2; label=$3
  per_rate=$(awk "BEGIN { printf \"%.3f\", $rate / $PROCS }")
  per_calls=$((CALLS / PROCS))
  start=$(date +%s.%N)
  pids=""
  p=0
  while [ $p -lt "$PROCS" ]; do
    sipp -sn uac -t u1 -i 127.0.0.1 -p $((16000 + p * 2)) -mp $((17000 + p * 4)) \
      -m "$per_calls" -r "$per_rate" -rp 1000 -timeout 300 -nostdin -trace_err \
      -error_file "$work/$label-$rate-$p.err" \
      127.0.0.1:"$port" > "$work/$label-$rate-$p.out" 2>&1 &
    pids="$pids $!"
    p=$((p + 1))
  done
  ok=0
  for pid in $pids; do
    wait "$pid" || ok=1
  done
  end=$(date +%s.%N)
  elapsed=$(awk "BEGIN { printf \"%.1f\", $end - $start }")
  achieved=$(awk "BEGIN { printf \"%.0f\", $CALLS / ($end - $start) }")
  verdict=$([ $ok -eq 0 ] && echo "ok" || echo "FAILED")
  echo "$label rate=$rate calls=$CALLS procs=$PROCS elapsed=${elapsed}s completed/s=$achieved $verdict"
  return $ok
}

# highest LABEL PORT: steps up the rates while every call succeeds; prints the highest passing rate.
highest() {
  label=$1; port=$2; best=0
  for rate in $RATES; do
    if run_step "$port" "$rate" "$label" >&2; then best=$rate; else break; fi
  done
  echo "$best"
}

echo "machine: $(nproc) cores, $(lscpu | grep 'Model name' | sed 's/Model name: *//')" >&2
java ${RB_JAVA_OPTS:-} -jar "$jar" sip-server --bind 127.0.0.1 --udp $OURS_PORT --threads "$SERVER_THREADS" \
  > "$work/server.out" 2>&1 &
server_pid=$!
await_port $OURS_PORT
ours=$(highest ours $OURS_PORT)
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""

sipp -sn uas -t u1 -i 127.0.0.1 -p $PEER_PORT -mp 18000 -nostdin > "$work/peer.out" 2>&1 &
peer_pid=$!
await_port $PEER_PORT
peer=$(highest sipp-uas $PEER_PORT)

ratio=$(awk "BEGIN { if ($peer > 0) printf \"%.2f\", $ours / $peer; else print \"n/a\" }")
echo "SipLoad: highest rate with zero failures over $CALLS calls: rb sip-server $ours calls/s, sipp uas $peer calls/s, ratio $ratio"
echo "(logs in $work)"
