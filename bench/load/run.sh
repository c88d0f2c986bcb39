#!/usr/bin/env bash
# The server load benchmark: Gatehouse and moto in the same run, the same signed calls against each.
#
#   bench/load/run.sh
#
# Builds the application and the benchmark jar, starts Gatehouse on a free port over a fresh data directory with
# a known root key, starts `python3 -m moto.server` on another, and runs bench's LoadDriver: it seeds 100 users in
# each, then for each round runs every scenario against Gatehouse and then moto (warm-up, then a measured window)
# and prints a table with the ratios Gatehouse/moto. Stops both servers and removes the data directory at the end.
#
# Environment (all optional):
#   DURATION=15 WARMUP=5   seconds measured and warmed up per scenario and server
#   ROUNDS=3               rounds; the table gives medians and the median of the per-round ratios
#   CONNECTIONS=16         concurrent connections (closed loop: each sends its next call when answered)
#   SCENARIOS=GetUser,ListUsers,GetCallerIdentity,CreateUser+DeleteUser
#                          (also: AssumeRole, the seeded user assuming the seeded role; RoleSession:GetCallerIdentity,
#                          a call signed with a role session's temporary credentials)
#   PIN=split              split: each server on CPU SERVER_CPUS (default 1), the driver on DRIVER_CPUS (default 0),
#                          so that driver and server do not take CPU from each other; none: no pinning
#   JAVA=/path/to/java     a JDK >= 21 (default: JAVA_HOME, PATH or /usr/lib/jvm, the first that is >= 21)
#   SKIP_BUILD=1           use the jars already built
# Only loopback addresses are used; every loop is bounded by its duration.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
duration="${DURATION:-15}"
warmup="${WARMUP:-5}"
rounds="${ROUNDS:-3}"
connections="${CONNECTIONS:-16}"
scenarios="${SCENARIOS:-GetUser,ListUsers,GetCallerIdentity,CreateUser+DeleteUser}"
pin="${PIN:-split}"
server_cpus="${SERVER_CPUS:-1}"
driver_cpus="${DRIVER_CPUS:-0}"

key_id="AKIAGATEHOUSELOADB01"
secret="gatehouse/load/benchmark/secret/0000000001"

java_version() {
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

find_java() {
  local candidate version
  for candidate in "${JAVA:-}" "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    version="$(java_version "$candidate")"
    if [ -n "$version" ] && [ "$version" -ge 21 ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

java="$(find_java)" || { echo "run.sh: no Java >= 21 found; set JAVA" >&2; exit 1; }
python3 -c 'import moto.server' 2>/dev/null || { echo "run.sh: moto is not installed (pip install 'moto[server]')" >&2; exit 1; }

if [ "$pin" = split ]; then
  command -v taskset >/dev/null || { echo "run.sh: PIN=split needs taskset (util-linux); or PIN=none" >&2; exit 1; }
  on_server=(taskset -c "$server_cpus")
  on_driver=(taskset -c "$driver_cpus")
else
  on_server=()
  on_driver=()
fi

if [ -z "${SKIP_BUILD:-}" ]; then
  echo "building the application and the benchmarks..." >&2
  (cd "$root" && JAVA_HOME="$(cd "$(dirname "$java")/.." && pwd)" ./mvnw -B -q -DskipTests -pl app,bench -am package >&2)
fi

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

work="$(mktemp -d "${TMPDIR:-/tmp}/gatehouse-load.XXXXXX")"
gatehouse_pid=""
moto_pid=""
cleanup() {
  set +e # a stopped server's exit status must not end the clean-up before the other server is stopped
  for pid in "$gatehouse_pid" "$moto_pid"; do
    if [ -n "$pid" ]; then
      kill "$pid" 2>/dev/null
      wait "$pid" 2>/dev/null
    fi
  done
  rm -rf "$work"
}
trap cleanup EXIT

# Waits until a URL answers with any HTTP status, or fails after 120 s.
wait_for() {
  local url="$1" name="$2" log="$3"
  for _ in $(seq 1 240); do
    if curl -s -o /dev/null "$url"; then
      return 0
    fi
    sleep 0.5
  done
  echo "run.sh: $name did not start; its log:" >&2
  tail -n 30 "$log" >&2
  exit 1
}

gatehouse_port="$(free_port)"
mkdir -p "$work/data"
GATEHOUSE_ROOT_ACCESS_KEY_ID="$key_id" GATEHOUSE_ROOT_SECRET_ACCESS_KEY="$secret" \
  "${on_server[@]}" "$java" -jar "$root/app/target/gatehouse.jar" serve --host 127.0.0.1 --port "$gatehouse_port" \
  --data-dir "$work/data" >"$work/gatehouse.log" 2>&1 &
gatehouse_pid=$!

moto_port="$(free_port)"
"${on_server[@]}" python3 -m moto.server -H 127.0.0.1 -p "$moto_port" >"$work/moto.log" 2>&1 &
moto_pid=$!

wait_for "http://127.0.0.1:$gatehouse_port/health/ready" Gatehouse "$work/gatehouse.log"
wait_for "http://127.0.0.1:$moto_port/" moto "$work/moto.log"

echo "machine: $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1); $("$java" -version 2>&1 | head -n 1); moto $(python3 -c 'import moto; print(moto.__version__)'); pinning: $pin$([ "$pin" = split ] && echo " (servers on CPU $server_cpus, driver on CPU $driver_cpus)")"
echo "before: $(uptime)"
"${on_driver[@]}" "$java" -cp "$root/bench/target/benchmarks.jar" io.gatehouse.bench.load.LoadDriver \
  --target "gatehouse=http://127.0.0.1:$gatehouse_port" --target "moto=http://127.0.0.1:$moto_port" \
  --pid "gatehouse=$gatehouse_pid" --pid "moto=$moto_pid" \
  --access-key "$key_id" --secret-key "$secret" \
  --scenarios "$scenarios" --duration "$duration" --warmup "$warmup" --rounds "$rounds" --connections "$connections"
echo "after: $(uptime)"
# Gatehouse records an audit event per call; it reports any it could not record.
grep "audit events not recorded" "$work/gatehouse.log" | tail -n 1 || echo "gatehouse: every audit event recorded"
