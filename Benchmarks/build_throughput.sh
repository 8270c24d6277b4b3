#!/usr/bin/env bash
# Build throughput (MB/s, as the summary line reports it) of two podium binaries over the same corpus,
# interleaved so that both see the same machine load.
#
#   Benchmarks/build_throughput.sh OLD NEW [corpus] [runs]
set -euo pipefail
old=$1
new=$2
corpus=${3:-../shared/corpus}
runs=${4:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for run in $(seq "$runs"); do
    for name in old new; do
        binary=$old
        [ "$name" = new ] && binary=$new
        rm -rf "$work/index"
        line=$("$binary" index build --corpus "$corpus" --index "$work/index" --memory 512 2>&1 | grep '^indexed')
        echo "$run $name $(echo "$line" | grep -oE '[0-9.]+ MB/s')"
    done
done | tee "$work/runs"
awk '{ sum[$2] += $3; n[$2]++ } END { for (k in sum) printf "%s mean %.1f MB/s over %d runs\n", k, sum[k] / n[k], n[k] }' "$work/runs"
