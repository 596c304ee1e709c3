#!/bin/bash
# Benchmark (not a test): many sessions parsing at once, on a throwaway
# cluster.  Checks there is no error and no crash, and that every result is
# identical to the same text parsed sequentially (md5 of to_jsonb).
#
#   bench/concurrency.sh                    4 clients for 30 s
#   CLIENTS=8 DURATION=60 bench/concurrency.sh
#
# Needs gireport installed (make install) and pgbench (postgresql-15).
# Texts: data/samples, data/cases and, when present, the real reports in
# ../shared/corpus/seeds (loaded into the cluster, never copied here).
# Each pgbench transaction picks a text at random and, by weight:
#   5  parses it and inserts md5(to_jsonb(gir_parse(body))) into a plain table
#   2  reads its cells (gir_cells) and checks it (gir_check, gir_is_consistent)
#   1  inserts it into gir_reports (the report column parses it), if installed
set -euo pipefail
cd "$(dirname "$0")/.."

CLIENTS=${CLIENTS:-4}
DURATION=${DURATION:-30}
OUT=bench/out/concurrency
SHARED=${SHARED:-../shared/corpus/seeds}

if [ -z "${GIR_BENCH_INSIDE:-}" ]; then
	mkdir -p "$OUT"
	# -t: a temporary cluster of our own (others may run clusters too)
	GIR_BENCH_INSIDE=1 exec pg_virtualenv -t "$0" "$@"
fi

export PGDATABASE=gir_bench
createdb -E UTF8 --locale=C -T template0 gir_bench
psql -X -q -v ON_ERROR_STOP=1 <<'SQL'
CREATE EXTENSION gireport;
CREATE TABLE texts (id serial PRIMARY KEY, name text NOT NULL, body text NOT NULL);
CREATE TABLE parsed (id integer NOT NULL, client integer NOT NULL, h text NOT NULL);
CREATE TABLE checked (id integer NOT NULL, cells bigint, broken bigint, consistent boolean);
SQL

# load the texts
files=(data/samples/*.txt data/cases/*)
if [ -d "$SHARED" ]; then files+=("$SHARED"/*.txt); fi
for f in "${files[@]}"; do
	printf '%s\n' "\\set body \`cat '$f'\`" \
		"INSERT INTO texts (name, body) VALUES ('${f##*/}', :'body');"
done | psql -X -q -v ON_ERROR_STOP=1
ntexts=$(psql -X -At -c "SELECT count(*) FROM texts")
has_reports=$(psql -X -At -c "SELECT to_regclass('gir_reports') IS NOT NULL")

# the reference: every text parsed once, one after the other
psql -X -q -v ON_ERROR_STOP=1 <<'SQL'
CREATE TABLE reference AS
SELECT id, md5(to_jsonb(gir_parse(body))::text) AS h,
       (SELECT count(*) FROM gir_cells(body)) AS cells,
       (SELECT count(*) FROM gir_check(gir_parse(body))) AS broken,
       gir_is_consistent(gir_parse(body)) AS consistent
FROM texts;
SQL

cat > "$OUT/parse.sql" <<'SQL'
\set id random(1, :ntexts)
INSERT INTO parsed SELECT id, :client_id, md5(to_jsonb(gir_parse(body))::text) FROM texts WHERE id = :id;
SQL
cat > "$OUT/check.sql" <<'SQL'
\set id random(1, :ntexts)
INSERT INTO checked
SELECT id, (SELECT count(*) FROM gir_cells(body)),
       (SELECT count(*) FROM gir_check(gir_parse(body))), gir_is_consistent(gir_parse(body))
FROM texts WHERE id = :id;
SQL
cat > "$OUT/load.sql" <<'SQL'
\set id random(1, :ntexts)
INSERT INTO gir_reports (source, body) SELECT name, body FROM texts WHERE id = :id;
SQL
scripts=(-f "$OUT/parse.sql@5" -f "$OUT/check.sql@2")
if [ "$has_reports" = t ]; then scripts+=(-f "$OUT/load.sql@1"); fi

threads=$(( CLIENTS < $(nproc) ? CLIENTS : $(nproc) ))
echo "== pgbench: $CLIENTS clients, $threads threads, ${DURATION} s, $ntexts texts (gir_reports: $has_reports)"
# this cluster's processes only (other clusters may run beside it)
datadir=$(psql -X -At -c "SHOW data_directory")
postmaster=$(head -1 "$datadir/postmaster.pid")
cluster_rss() { ps -o rss= --ppid "$postmaster" -p "$postmaster" | awk '{ s += $1 } END { print s }'; }
rss_before=$(cluster_rss)
pgbench -n -h 127.0.0.1 -c "$CLIENTS" -j "$threads" -T "$DURATION" -D ntexts="$ntexts" \
	-P 10 "${scripts[@]}" gir_bench 2>&1 | tee "$OUT/pgbench.log"

echo "== results"
psql -X -v ON_ERROR_STOP=1 -v has_reports="$has_reports" <<'SQL'
\pset footer off
SELECT count(*) AS parses, count(DISTINCT id) AS texts, count(DISTINCT client) AS clients,
       count(*) FILTER (WHERE p.h IS DISTINCT FROM r.h) AS differ_from_sequential
FROM parsed p JOIN reference r USING (id);
SELECT count(*) AS checks,
       count(*) FILTER (WHERE (c.cells, c.broken, c.consistent)
                        IS DISTINCT FROM (r.cells, r.broken, r.consistent)) AS differ_from_sequential
FROM checked c JOIN reference r USING (id);
\if :has_reports
SELECT count(*) AS loaded,
       count(*) FILTER (WHERE md5(to_jsonb(g.report)::text) IS DISTINCT FROM r.h) AS differ_from_sequential
FROM gir_reports g JOIN texts t ON t.name = g.source JOIN reference r ON r.id = t.id;
\endif
SQL

bad=$(psql -X -At -v has_reports="$has_reports" <<'SQL'
SELECT (SELECT count(*) FROM parsed p JOIN reference r USING (id) WHERE p.h IS DISTINCT FROM r.h)
     + (SELECT count(*) FROM checked c JOIN reference r USING (id)
        WHERE (c.cells, c.broken, c.consistent) IS DISTINCT FROM (r.cells, r.broken, r.consistent));
SQL
)
rss_after=$(cluster_rss)
# pg_virtualenv keeps the log beside the data: .../data/15/regress -> .../log/
log=$(ls "${datadir%/data/*}"/log/postgresql-*.log 2>/dev/null | head -1 || true)
crashes=0
if [ -n "$log" ] && [ -f "$log" ]; then
	crashes=$(grep -cE 'terminated by signal|server process .* exited|PANIC' "$log" || true)
	errors=$(grep -cE ' ERROR: ' "$log" || true)
else
	errors="?"
fi
failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$OUT/pgbench.log")
echo "server RSS (this cluster's processes): ${rss_before} kB before, ${rss_after} kB after"
echo "server log: $crashes crashes, $errors errors; pgbench failed transactions: ${failed:-?}"
if [ "$bad" -ne 0 ] || [ "$crashes" -ne 0 ] || [ "${failed:-0}" -ne 0 ]; then
	echo "concurrency: FAILED"
	exit 1
fi
echo "concurrency: ok (every concurrent result equals the sequential one)"
