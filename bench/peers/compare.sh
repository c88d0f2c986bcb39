#!/usr/bin/env bash
# Measures Gatehouse and iam-simulate in the same session on the benchmark files: for each file, ROUNDS rounds of
# `gatehouse policy bench` and iam-simulate (checked and unchecked API) one after the other, each for SECONDS,
# then the median decisions/s of each and the median of the per-round ratios Gatehouse / iam-simulate (a ratio
# taken within one round holds when the machine's speed drifts between rounds).
#
#   bench/peers/compare.sh PEER_DIR [SECONDS] [ROUNDS]
#
# PEER_DIR is where iam-simulate was installed (see iam-simulate/README.md). Run from anywhere; not run by Maven.
set -euo pipefail

peer_dir="${1:?usage: compare.sh PEER_DIR [SECONDS] [ROUNDS]}"
seconds="${2:-10}"
rounds="${3:-3}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

# Prints the rate from the last line ("decisions/s: N") of a benchmark's output.
rate() {
  "$@" | tail -n 1 | sed -n 's/^decisions\/s: \([0-9]*\).*/\1/p'
}

median() {
  sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

printf '%-10s %-28s %s\n' file engine "decisions/s (median of $rounds rounds of ${seconds}s)"
for file in small realistic; do
  input="$root/bench/src/main/resources/bench-$file.jsonl"
  ours=() checked=() unchecked=()
  for ((r = 0; r < rounds; r++)); do
    ours+=("$(rate "$root/gatehouse" policy bench --seconds "$seconds" "$input")")
    checked+=("$(rate node "$here/iam-simulate/run.mjs" --peer-dir "$peer_dir" --api checked --seconds "$seconds" "$input")")
    unchecked+=("$(rate node "$here/iam-simulate/run.mjs" --peer-dir "$peer_dir" --api unchecked --seconds "$seconds" "$input")")
  done
  g="$(printf '%s\n' "${ours[@]}" | median)"
  c="$(printf '%s\n' "${checked[@]}" | median)"
  u="$(printf '%s\n' "${unchecked[@]}" | median)"
  printf '%-10s %-28s %s   (rounds: %s)\n' "$file" "gatehouse policy bench" "$g" "${ours[*]}"
  printf '%-10s %-28s %s   (rounds: %s)\n' "$file" "iam-simulate runSimulation" "$c" "${checked[*]}"
  printf '%-10s %-28s %s   (rounds: %s)\n' "$file" "iam-simulate unchecked" "$u" "${unchecked[*]}"
  rc="$(for ((r = 0; r < rounds; r++)); do echo $((ours[r] / checked[r])); done | median)"
  ru="$(for ((r = 0; r < rounds; r++)); do echo $((ours[r] / unchecked[r])); done | median)"
  printf '%-10s ratio gatehouse / iam-simulate (median per round): %sx runSimulation, %sx unchecked\n' "$file" "$rc" "$ru"
done
