#!/usr/bin/env bash
# Console sign-in throughput with the configured (default) Argon2id parameters, in under a minute:
#   1. JMH PasswordVerifyBenchmark: one thread verifying one password hash (= sign-ins one core can check per second);
#   2. SignInLoad: POST /signin of an in-process server, CONNECTIONS clients for SECONDS, reporting sign-ins/s and
#      sign-ins per CPU-second.
#
#   bench/signin/run.sh            # SECONDS_MEASURED=20 CONNECTIONS=4; SKIP_BUILD=1 uses the jars already built
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
java="${JAVA_HOME:+$JAVA_HOME/bin/java}"
if [ -z "$java" ]; then
  for candidate in /usr/lib/jvm/*/bin/java; do
    version="$("$candidate" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p')"
    if [ -n "$version" ] && [ "$version" -ge 21 ]; then java="$candidate"; break; fi
  done
fi
if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -B -q install -DskipTests -pl bench -am
fi
"$java" -jar bench/target/benchmarks.jar PasswordVerifyBenchmark -t 1 -rf text -rff /dev/null
"$java" -cp bench/target/benchmarks.jar io.gatehouse.bench.signin.SignInLoad "${SECONDS_MEASURED:-20}" "${CONNECTIONS:-4}"
