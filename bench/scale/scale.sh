#!/usr/bin/env bash
# Gatehouse at scale: loads a small and a large account into two data directories, then for each measures
#   * restart: from starting `./gatehouse serve` on the directory to its first answered signed request
#     (bench/startup/startup.py, existing-directory case);
#   * heap: the live heap of the server holding that state, after a full GC (jcmd GC.heap_info), and the classes
#     that take the most of it (GC.class_histogram, kept in WORK/*.histogram.txt);
#   * latency: single signed GetUser and authorized calls (io.gatehouse.bench.scale.LatencyProbe).
#
#   bench/scale/scale.sh [WORK_DIR]          # default /tmp/gatehouse-scale; the data directories are kept there
#
# Sizes (environment): USERS ROLES POLICIES for the large account (default 100000 10000 20000), SMALL_USERS
# SMALL_ROLES SMALL_POLICIES for the small one (default 1000 100 200); CALLS per latency figure (default 5000);
# RUNS restarts of each (default 3). A data directory that exists already is reused as it is; delete it to reload.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${1:-/tmp/gatehouse-scale}"
users="${USERS:-100000}" roles="${ROLES:-10000}" policies="${POLICIES:-20000}"
small_users="${SMALL_USERS:-1000}" small_roles="${SMALL_ROLES:-100}" small_policies="${SMALL_POLICIES:-200}"
calls="${CALLS:-5000}" runs="${RUNS:-3}"
mkdir -p "$work"
cd "$root"

# A Java 21 or newer for the loader and the probe (JAVA_HOME first), and its jcmd.
find_java() {
  local j v
  for j in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} /usr/lib/jvm/*/bin/java /opt/java/*/bin/java; do
    v="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$(dirname "$(readlink -f "$j")")/../release" 2>/dev/null || true)"
    if [ "${v:-0}" -ge 21 ]; then echo "$j"; return 0; fi
  done
  echo "no Java 21 or newer found; set JAVA_HOME" >&2
  return 1
}
java="$(find_java)"
jcmd="$(dirname "$(readlink -f "$java")")/jcmd"

./mvnw -B -q -pl bench -am -DskipTests package
./gatehouse --version >/dev/null # builds app/target/gatehouse.jar if stale

load() { # DIR USERS ROLES POLICIES
  if [ -f "$1/gatehouse.db" ]; then
    echo "reusing $1"
  else
    "$java" -cp bench/target/benchmarks.jar io.gatehouse.bench.scale.ScaleLoader "$@"
  fi
}

measure() { # NAME DIR USERS
  local name="$1" dir="$2" count="$3" port pid
  echo "== $name: $dir ($(du -sh "$dir" | cut -f1) on disk)"
  bench/startup/startup.py --case existing --data-dir "$dir" --runs "$runs" | grep -v ' run '
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  ./gatehouse serve --port "$port" --data-dir "$dir" >"$work/$name.server.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "the server stopped; see $work/$name.server.log" >&2; exit 1; }
    sleep 0.2
  done
  "$java" -cp bench/target/benchmarks.jar io.gatehouse.bench.scale.LatencyProbe "http://127.0.0.1:$port" "$dir" \
    "$count" "$calls"
  "$jcmd" "$pid" GC.class_histogram >"$work/$name.histogram.txt" # a full GC first
  "$jcmd" "$pid" GC.heap_info | grep -iE 'total|used' | head -n 3
  echo "live objects after full GC: $(tail -n 1 "$work/$name.histogram.txt" | awk '{printf "%.1f MiB", $3 / 1048576}')"
  kill "$pid"
  wait "$pid" || true
}

load "$work/small" "$small_users" "$small_roles" "$small_policies"
load "$work/large" "$users" "$roles" "$policies"
measure small "$work/small" "$small_users"
measure large "$work/large" "$users"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
