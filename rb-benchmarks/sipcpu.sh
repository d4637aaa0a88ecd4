#!/bin/sh
# SipCpu (issue 32): the CPU time each server process spends per request, `rb sip-server` beside
# Debian's Kamailio 5.6, under the same sipp scenario at the same rate in one run. Each server's CPU
# is read from /proc (utime + stime of every thread; for Kamailio, of the main process and all its
# children) just before and just after the measured sipp run; CPU per request is the difference
# divided by the requests. sipp's exit code says whether every call succeeded (0 only then).
#
# SCENARIO=register (default): one REGISTER per call, refreshing USERS addresses-of-record in turn
#   (sipcpu/register.xml), no authentication on either side. Kamailio is an in-memory registrar
#   (usrloc db_mode 0, save("location")) that replies statelessly (sl); rb sip-server's Registrar
#   answers in a non-INVITE server transaction that it keeps for timer J (64*T1 = 32 s over UDP,
#   RFC 3261 17.2.2) to absorb retransmissions. Both answer 200 with the Contact and its expires.
# SCENARIO=call: sipp's built-in uac (INVITE with an SDP offer; 100/180/200; ACK; BYE; 200).
#   Kamailio (tm) makes a transaction per INVITE and BYE (t_newtran) and answers 180, then 200 with
#   a fixed SDP answer; it keeps no dialog. rb sip-server's UserAgent answers 100 at once, 180, and
#   200 with the RFC 3264 answer it computes from the offer (parsed, codecs matched), keeps the dialog,
#   retransmits the 200 until the ACK (RFC 3261 13.3.1.4), and answers the BYE in the dialog with 200.
#
# Each server first gets WARMUP calls (the JVM's compilers settle; not counted), then CALLS counted
# ones. The servers run one after the other, each alone with sipp, in one run of this script.
# A server runs for days, so what counts is its steady state. The default WARMUP lasts longer than a
# transaction lingers (timer J, 64*T1 = 32 s over UDP), so that the counted run sees as many
# transactions end as begin and the code that ends them compiled. After WARMUP, rb gets further warm-up
# rounds of SETTLE calls until one round in which its JIT compiler threads used at most
# SETTLE_JIT_TICKS clock ticks (near zero), or until SETTLE_MAX further calls; Kamailio then gets as
# many warm-up calls as rb took (WARMUP + SETTLE_MAX when it runs first), so both see the same
# traffic before the counted run. The JIT column of the result shows what the window still contained.
#
# Build rb.jar first, then run the whole script under the shared lock so that nothing else runs:
#   flock /tmp/rb-build.lock ./mvnw -q -o -Pquick -pl rb-examples -am package -DskipTests
#   flock /tmp/rb-build.lock rb-benchmarks/sipcpu.sh
#   SCENARIO=call flock /tmp/rb-build.lock rb-benchmarks/sipcpu.sh
# Each result line also gives sipp's retransmissions and, for rb, where the JVM's CPU went (its
# threads: event loops, GC, JIT compilers, other); JIT time in the window means a short warm-up.
# Settings (environment): SCENARIO (register), RATE (1000 calls/s), CALLS (30000), WARMUP (40000),
# SETTLE (5000), SETTLE_JIT_TICKS (1), SETTLE_MAX (100000; 0 for the fixed warm-up alone),
# USERS (10000), SERVER_THREADS (2; also Kamailio's UDP children), JAR (rb-examples/target/rb.jar),
# RB_JAVA_OPTS, ORDER ("rb kamailio"), TASKSET (a command prefix for both servers, e.g. "taskset -c 1").
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
here="$root/rb-benchmarks/sipcpu"
jar=${JAR:-"$root/rb-examples/target/rb.jar"}
SCENARIO=${SCENARIO:-register}
RATE=${RATE:-1000}
CALLS=${CALLS:-30000}
WARMUP=${WARMUP:-40000}
SETTLE=${SETTLE:-5000}
SETTLE_JIT_TICKS=${SETTLE_JIT_TICKS:-1}
SETTLE_MAX=${SETTLE_MAX:-100000}
USERS=${USERS:-10000}
SERVER_THREADS=${SERVER_THREADS:-2}
ORDER=${ORDER:-"rb kamailio"}
work=$(mktemp -d /tmp/sipcpu.XXXXXX)
[ -f "$jar" ] || { echo "sipcpu: $jar is missing; build it first (see the header)" >&2; exit 3; }
command -v sipp >/dev/null || { echo "sipcpu: sipp is missing (apt-get install sip-tester)" >&2; exit 3; }
command -v kamailio >/dev/null || { echo "sipcpu: kamailio is missing (apt-get install kamailio)" >&2; exit 3; }
case "$SCENARIO" in
  register | call) ;;
  *) echo "sipcpu: SCENARIO must be register or call" >&2; exit 2 ;;
esac

RB_PORT=15090
KAM_PORT=15092
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  if [ -f "$work/kamailio.pid" ]; then kill "$(cat "$work/kamailio.pid")" 2>/dev/null || true; fi
}
trap cleanup EXIT INT TERM

# The users file of the register scenario: one address-of-record per line, read in turn.
awk -v n="$USERS" 'BEGIN { print "SEQUENTIAL"; for (i = 0; i < n; i++) printf "user%05d;\n", i }' \
  > "$work/users.csv"

await_port() {
  hex=$(printf ':%04X ' "$1")
  i=0
  while ! cat /proc/net/udp /proc/net/udp6 2>/dev/null | grep -q "$hex"; do
    i=$((i + 1)); [ $i -gt 600 ] && { echo "sipcpu: nothing bound port $1" >&2; exit 3; }
    sleep 0.1
  done
}

# Clock ticks (utime + stime) of the given processes, every thread included.
ticks() {
  total=0
  for pid in "$@"; do
    t=$(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat" 2>/dev/null || echo 0)
    total=$((total + t))
  done
  echo "$total"
}

# Ticks of each thread of a JVM, by kind ("loop", "gc", "jit", "other"), one "kind ticks" line each.
jvm_threads() {
  for t in /proc/"$1"/task/*; do
    comm=$(cat "$t/comm" 2>/dev/null || echo gone)
    case "$comm" in
      *IoEv* | *EventLoop*) kind=loop ;; # "multiThreadIoEventLoopGroup-2-1", cut to 15 characters
      "GC Thread"* | G1* | "VM Thread") kind=gc ;;
      C1\ Compiler* | C2\ Compiler* | "Sweeper thread") kind=jit ;;
      *) kind=other ;;
    esac
    echo "$(basename "$t") $kind $(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "$t/stat" 2>/dev/null || echo 0)"
  done
}

# The processes of the server under test: the JVM, or Kamailio's main process and its children.
server_pids() {
  if [ "$1" = kamailio ]; then
    main=$(cat "$work/kamailio.pid")
    echo "$main" $(pgrep -P "$main" | tr '\n' ' ')
  else
    echo "$server_pid"
  fi
}

# sipp_run PORT COUNT LABEL: runs the scenario; returns sipp's exit code.
sipp_run() {
  port=$1; count=$2; label=$3
  if [ "$SCENARIO" = register ]; then
    set -- -sf "$here/register.xml" -inf "$work/users.csv"
  else
    set -- -sn uac
  fi
  sipp "$@" -t u1 -i 127.0.0.1 -p 16090 -mp 17090 -m "$count" -r "$RATE" -rp 1000 -timeout 600 \
    -nostdin -trace_err -error_file "$work/$label.err" 127.0.0.1:"$port" > "$work/$label.out" 2>&1
}

# start_server NAME: starts it and sets $port (not in a subshell: $server_pid must stay set).
start_server() {
  if [ "$1" = kamailio ]; then
    sed -e "s/@PORT@/$KAM_PORT/g" -e "s/@CHILDREN@/$SERVER_THREADS/g" "$here/kamailio.cfg" > "$work/kamailio.cfg"
    # shellcheck disable=SC2086
    ${TASKSET:-} kamailio -f "$work/kamailio.cfg" -P "$work/kamailio.pid" -m 256 -M 32 \
      > "$work/kamailio.log" 2>&1
    await_port $KAM_PORT
    port=$KAM_PORT
  else
    # shellcheck disable=SC2086
    ${TASKSET:-} java ${RB_JAVA_OPTS:-} -jar "$jar" sip-server --bind 127.0.0.1 --udp $RB_PORT \
      --threads "$SERVER_THREADS" > "$work/rb.log" 2>&1 &
    server_pid=$!
    await_port $RB_PORT
    port=$RB_PORT
  fi
}

stop_server() {
  if [ "$1" = kamailio ]; then
    main=$(cat "$work/kamailio.pid")
    kill "$main"
    i=0
    while kill -0 "$main" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
    rm -f "$work/kamailio.pid" # Kamailio removes it itself as it exits
  else
    kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
  fi
}

hz=$(getconf CLK_TCK)
echo "machine: $(nproc) cores, $(lscpu | grep 'Model name' | sed 's/Model name: *//'); $(kamailio -v | head -1);" \
  "$(java -version 2>&1 | head -1); sipp $(sipp -v 2>&1 | grep -o 'v[0-9.]*' | head -1)" >&2
echo "scenario=$SCENARIO rate=$RATE calls=$CALLS warmup=$WARMUP settle=$SETTLE/$SETTLE_JIT_TICKS/$SETTLE_MAX" \
  "users=$USERS threads=$SERVER_THREADS" >&2

# Ticks of a JVM's JIT compiler threads between two jvm_threads snapshots (threads started since count
# from zero).
jit_ticks() {
  awk 'NR == FNR { b[$1] = $3; next } $2 == "jit" { t += $3 - b[$1] } END { print t + 0 }' "$1" "$2"
}

result=""
rb_warmup=""
for server in $ORDER; do
  start_server "$server"
  warmup=$WARMUP
  if [ "$server" = kamailio ]; then warmup=${rb_warmup:-$((WARMUP + SETTLE_MAX))}; fi
  if [ "$warmup" -gt 0 ]; then
    sipp_run "$port" "$warmup" "$server-warmup" || { echo "sipcpu: $server failed the warm-up (see $work)" >&2; exit 1; }
  fi
  if [ "$server" = rb ]; then
    extra=0
    while [ "$extra" -lt "$SETTLE_MAX" ]; do
      jvm_threads "$server_pid" > "$work/settle.before"
      sipp_run "$port" "$SETTLE" "$server-settle" || { echo "sipcpu: $server failed the warm-up (see $work)" >&2; exit 1; }
      extra=$((extra + SETTLE))
      jvm_threads "$server_pid" > "$work/settle.after"
      jit=$(jit_ticks "$work/settle.before" "$work/settle.after")
      echo "rb: warm-up round to $((WARMUP + extra)) calls: JIT threads $jit ticks" >&2
      [ "$jit" -le "$SETTLE_JIT_TICKS" ] && break
    done
    warmup=$((WARMUP + extra))
    rb_warmup=$warmup
  fi
  [ "$server" = rb ] && jvm_threads "$server_pid" > "$work/threads.before"
  # shellcheck disable=SC2046
  before=$(ticks $(server_pids "$server"))
  start=$(date +%s.%N)
  verdict=ok
  sipp_run "$port" "$CALLS" "$server" || verdict=FAILED
  end=$(date +%s.%N)
  # shellcheck disable=SC2046
  after=$(ticks $(server_pids "$server"))
  split=""
  if [ "$server" = rb ]; then
    # where the JVM's CPU went in the window: JIT compilers still busy mean the warm-up was short
    jvm_threads "$server_pid" > "$work/threads.after"
    # "gone": threads that ended in the window (the JVM stops idle compiler threads), whose ticks the
    # process total has and no thread's line does
    split=$(awk -v hz="$hz" -v n="$CALLS" -v total=$((after - before)) 'NR == FNR { b[$1] = $3; next }
      { k[$2] += $3 - b[$1]; s += $3 - b[$1] } END {
        printf " (loops %.1f, gc %.1f, jit %.1f, other %.1f, gone %.1f us/call)", k["loop"] / hz * 1e6 / n,
          k["gc"] / hz * 1e6 / n, k["jit"] / hz * 1e6 / n, k["other"] / hz * 1e6 / n, (total - s) / hz * 1e6 / n }' \
      "$work/threads.before" "$work/threads.after")
  fi
  stop_server "$server"
  us=$(awk -v t=$((after - before)) -v hz="$hz" -v n="$CALLS" 'BEGIN { printf "%.1f", t / hz * 1e6 / n }')
  secs=$(awk -v t=$((after - before)) -v hz="$hz" 'BEGIN { printf "%.2f", t / hz }')
  wall=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
  # sipp's retransmissions (its last statistics screen): a server that answers later than T1 gets
  # requests again, and handling them is part of its CPU
  retrans=$(awk '/Messages +Retrans/ { r = 0 } $2 == "---------->" { r += $4 } END { print r + 0 }' "$work/$server.out")
  echo "$server: $SCENARIO warmup=$warmup calls=$CALLS rate=$RATE wall=${wall}s cpu=${secs}s cpu/call=${us}us$split" \
    "retransmissions=$retrans $verdict"
  result="$result $server=$us"
  [ "$verdict" = ok ] || { echo "sipcpu: $server: sipp reported failed calls (see $work)" >&2; exit 1; }
done
ratio=$(echo "$result" | tr ' ' '\n' | awk -F= '$1 == "rb" { r = $2 } $1 == "kamailio" { k = $2 }
  END { if (k > 0 && r != "") printf "%.2f", r / k; else print "n/a" }')
echo "SipCpu $SCENARIO: CPU per call, rb sip-server / Kamailio = $ratio (logs in $work)"
