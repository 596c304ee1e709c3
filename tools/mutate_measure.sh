#!/bin/sh
# mutate_measure.sh: load truth files into a scratch table and run
# tools/mutate_measure.sql against them (gireport must be installed).
#
#   tools/mutate_measure.sh [FILE.truth.json ...]
#
# Without arguments: the seeds ($SEEDS_DIR, default
# /work/shared/corpus/seeds) and data/samples/*.truth.json.  Connects with
# the usual PG* environment; in a throw-away cluster:
#
#   pg_virtualenv -t tools/mutate_measure.sh
set -eu

here=$(cd "$(dirname "$0")" && pwd)
seeds=${SEEDS_DIR:-/work/shared/corpus/seeds}
db=gir_mutate_measure

if [ $# -eq 0 ]; then
	set -- "$seeds"/*.truth.json "$here"/../data/samples/*.truth.json
fi

psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" \
	-c "CREATE DATABASE $db TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'"
{
	echo "CREATE EXTENSION gireport;"
	echo "CREATE TABLE mm_docs (name text PRIMARY KEY, doc jsonb NOT NULL);"
	for f in "$@"; do
		[ -f "$f" ] || continue		# an unmatched glob
		name=$(basename "$f" .truth.json)
		echo "\\set doc \`cat '$f'\`"
		echo "INSERT INTO mm_docs VALUES ('$name', :'doc');"
	done
	cat "$here/mutate_measure.sql"
} | psql -X -q -v ON_ERROR_STOP=1 -d $db
psql -X -q -d postgres -c "DROP DATABASE $db"
