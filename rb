#!/bin/sh
# ./rb: runs the RemoteBank `rb` command. Builds rb-examples (target/rb.jar) first when the jar is
# missing or older than any source or POM it is made from. Build output goes to stderr, so that
# stdout carries only the command's own results.
set -eu

root=$(cd "$(dirname "$0")" && pwd)
jar="$root/rb-examples/target/rb.jar"

# Everything rb.jar is built from: the POMs, the build metadata and the main sources of the
# published modules (tests, benchmarks and release checks do not go into it).
stale() {
  [ ! -f "$jar" ] && return 0
  changed=$(find "$root/pom.xml" "$root/src/build" \
      "$root"/rb-core "$root"/rb-routing "$root"/rb-video-signaling "$root"/rb-identity-verify \
      "$root"/rb-channels "$root"/rb-segmentation "$root"/rb-testing "$root"/providers "$root"/rb-examples \
      \( -path '*/target' -o -path '*/src/test' \) -prune -o \
      -type f -newer "$jar" -print 2>/dev/null | head -n 1)
  [ -n "$changed" ]
}

if stale; then
  echo "rb: building rb-examples (first run, or sources changed since the last build)..." >&2
  if ! (cd "$root" && ./mvnw -q -B -Pquick -DskipTests -pl rb-examples -am package) >&2; then
    echo "rb: the build failed; see the output above. ./mvnw verify runs every test." >&2
    exit 3
  fi
fi

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  java="$JAVA_HOME/bin/java"
else
  java=java
fi
exec "$java" ${RB_JAVA_OPTS:-} -jar "$jar" "$@"
