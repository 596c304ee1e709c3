#!/bin/bash
# bench/run.sh: gireport's benchmark; not part of the test suite.
#
#   make bench [BENCH_COUNT=10000] [BENCH_SCALES="1000 10000 100000"] ...
#   bench/run.sh [--generate-only]    (the same, with the variables below)
#
# Generates a corpus with tools/genreport.py (every layout, both templates,
# half of it with all kinds of noise; cached in bench/out/corpus/), loads it
# into UNLOGGED tables of a throwaway cluster (pg_virtualenv -t), and times
# gir_parse on one core, with two workers and at each corpus size, against
# a length(body) scan, gir_check / gir_is_consistent, and the PL/pgSQL
# baseline of bench/baseline.sql.  Prints one table; writes bench/out/results.csv.
# docs/performance.md explains the figures.
#
#   BENCH_COUNT           reports of the main corpus (1 core, 2 workers, checks)  10000
#   BENCH_SCALES          corpus sizes of the growth test               "1000 10000 100000"
#   BENCH_REPEAT          timed runs per figure (the median is kept)     5
#   BENCH_BASELINE_COUNT  reports the PL/pgSQL baseline parses           1000
#   BENCH_SEED            corpus seed                                    1
#   BENCH_SHARED_BUFFERS  shared_buffers of the throwaway cluster        1GB
#   BENCH_COMPARE_SO      other builds' gireport.so (space-separated), timed beside this one
#   BENCH_CPU             CPU of the one-process runs, or none           the last CPU
set -euo pipefail
cd "$(dirname "$0")/.."

export BENCH_COUNT=${BENCH_COUNT:-10000}
export BENCH_SCALES=${BENCH_SCALES:-"1000 10000 100000"}
export BENCH_REPEAT=${BENCH_REPEAT:-5}
export BENCH_BASELINE_COUNT=${BENCH_BASELINE_COUNT:-1000}
BENCH_SEED=${BENCH_SEED:-1}
BENCH_SHARED_BUFFERS=${BENCH_SHARED_BUFFERS:-1GB}
export BENCH_OUT=bench/out
CHUNK=500					# reports per generated file

total=$BENCH_COUNT
for n in $BENCH_SCALES $BENCH_BASELINE_COUNT; do
	[ "$n" -gt "$total" ] && total=$n
done
chunks=$(( (total + CHUNK - 1) / CHUNK ))

# ---- disk: the corpus files, the table, and one copy per growth step
need_mb=$(( total * 11 * 3 / 1000 + 200 ))
avail_mb=$(df -Pm /work "${TMPDIR:-/tmp}" | awk 'NR > 1 { print $4 }' | sort -n | head -1)
echo "== $total reports (~$(( total * 11 / 1000 )) MB of text); about $need_mb MB of disk needed, $avail_mb MB free"
if [ "$avail_mb" -lt "$need_mb" ]; then
	echo "not enough disk: lower BENCH_SCALES / BENCH_COUNT" >&2
	exit 1
fi

# ---- the corpus: chunk k has seed BENCH_SEED*100000+k; odd chunks carry noise
mkdir -p "$BENCH_OUT/corpus"
files=()
todo=()
for ((k = 0; k < chunks; k++)); do
	kind=$([ $((k % 2)) -eq 1 ] && echo noise || echo plain)
	f="$BENCH_OUT/corpus/s$BENCH_SEED-$k-$kind.jsonl"
	files+=("$f")
	[ -s "$f" ] || todo+=("$k $kind $f")
done
if [ ${#todo[@]} -gt 0 ]; then
	echo "== generating ${#todo[@]} files of $CHUNK reports (tools/genreport.py, $(nproc) at a time)"
	printf '%s\n' "${todo[@]}" | xargs -P "$(nproc)" -L 1 sh -c '
		noise=$([ "$1" = noise ] && echo "--noise all" || true)
		python3 tools/genreport.py --count '"$CHUNK"' --seed $(('"$BENCH_SEED"' * 100000 + $0)) \
			--layout mixed $noise --jsonl "$2.tmp" && mv "$2.tmp" "$2"'
fi
export BENCH_CHUNKS="${files[*]}"
[ "${1:-}" = --generate-only ] && exit 0

# ---- build: the extension (installed for the throwaway cluster) and the core benchmark
echo "== building"
make -s >/dev/null
make -s install >/dev/null
make -s "$BENCH_OUT/corebench" >/dev/null
export BENCH_COREBENCH=$BENCH_OUT/corebench

# ---- measure; retry when a concurrent pg_virtualenv took the port first
echo "== measuring (pg_virtualenv -t, shared_buffers=$BENCH_SHARED_BUFFERS)"
for attempt in 1 2 3; do
	rm -f "$BENCH_OUT/.started"
	if pg_virtualenv -t -o "shared_buffers=$BENCH_SHARED_BUFFERS" -o "max_parallel_workers=4" \
		python3 bench/driver.py; then
		exit 0
	fi
	[ -e "$BENCH_OUT/.started" ] && exit 1
	echo "== the cluster did not start; again in 5 s" >&2
	sleep 5
done
exit 1
