#!/bin/bash
# test/dump_restore.sh: gir_reports survives pg_dump / pg_restore.
#
# gir_reports is an extension table registered with pg_extension_config_dump,
# so pg_dump must write its rows (without the generated column "report",
# which the restore recomputes with gir_parse) and the position of its
# identity sequence.  This script checks that on a live server:
#
#   1. creates a UTF-8 database, CREATE EXTENSION, loads the report files
#      given as arguments (default: data/samples/*.txt), deletes one row so
#      the identity has a gap, and grants a reader role column-level SELECT;
#   2. pg_dump -Fc, restores into a second database with pg_restore;
#   3. compares, row by row, id, source, body, loaded_at and the stored
#      parse result, the output of every BI view, the grants, and the id the
#      next INSERT gets.
#
# Run it against an installed extension inside a throwaway cluster:
#     pg_virtualenv test/dump_restore.sh
# It uses the usual PG* variables, creates and drops its own databases and
# role, and ends with one "N passed, N failed" line; exit status 0 only if
# nothing failed.  GIR_EXTENSION names the extension (default gireport).
set -u

EXT=${GIR_EXTENSION:-gireport}
SRC=gir_dump_src_$$
DST=gir_dump_dst_$$
READER=gir_dump_reader_$$
WORK=$(mktemp -d)
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -At)
passed=0
failed=0

cleanup()
{
	dropdb --if-exists "$SRC" >/dev/null 2>&1
	dropdb --if-exists "$DST" >/dev/null 2>&1
	psql -X -q -d postgres -c "DROP ROLE IF EXISTS $READER" >/dev/null 2>&1
	rm -rf "$WORK"
}
trap cleanup EXIT

ok()
{
	passed=$((passed + 1))
	echo "ok - $1"
}

not_ok()
{
	failed=$((failed + 1))
	echo "not ok - $1"
}

# check NAME CMD...: run CMD, record pass/fail
check()
{
	local name=$1
	shift
	if "$@" >"$WORK/last.out" 2>&1; then
		ok "$name"
	else
		not_ok "$name"
		sed 's/^/#   /' "$WORK/last.out"
	fi
}

if [ $# -gt 0 ]; then
	files=("$@")
else
	files=(data/samples/*.txt)
fi
if [ ! -e "${files[0]}" ]; then
	echo "dump_restore.sh: no report files (give some as arguments)" >&2
	exit 2
fi

createdb -T template0 -E UTF8 --locale=C "$SRC" || exit 2
createdb -T template0 -E UTF8 --locale=C "$DST" || exit 2
psql -X -q -d postgres -c "CREATE ROLE $READER" || exit 2

# ---------- 1. fill the source database ----------
"${PSQL[@]}" -d "$SRC" -c "CREATE EXTENSION $EXT" || exit 2
for f in "${files[@]}"; do
	# psql's :'var' quoting passes any text unchanged; -c would not
	# interpolate, so the statement goes in on stdin
	echo "INSERT INTO gir_reports (source, body) VALUES (:'src', :'body')" |
		"${PSQL[@]}" -d "$SRC" -v src="$(basename "$f")" -v body="$(cat "$f")" ||
		exit 2
done
# a gap in the identity: the restored sequence must still be past it
"${PSQL[@]}" -d "$SRC" -c "INSERT INTO gir_reports (source, body)
		SELECT 'gap', body FROM gir_reports ORDER BY id LIMIT 1;
	DELETE FROM gir_reports WHERE source = 'gap';
	GRANT SELECT (id, source, loaded_at, report) ON gir_reports TO $READER;
	GRANT SELECT ON gir_report_overview TO $READER" || exit 2

# ---------- 2. dump and restore ----------
check "pg_dump" pg_dump -Fc -f "$WORK/db.dump" "$SRC"
check "pg_restore" pg_restore --exit-on-error -d "$DST" "$WORK/db.dump"

# ---------- 3. compare ----------
snapshot()
{
	"${PSQL[@]}" -d "$1" <<'EOF'
SELECT 'rows', count(*) FROM gir_reports;
SELECT id, source, md5(body), loaded_at, md5(report::text) FROM gir_reports ORDER BY id;
SELECT 'overview', md5(string_agg(to_jsonb(v)::text, E'\n' ORDER BY report_id)) FROM gir_report_overview v;
SELECT 'summary', md5(string_agg(to_jsonb(v)::text, E'\n' ORDER BY report_id)) FROM gir_request_summary v;
SELECT 'outcomes', md5(string_agg(to_jsonb(v)::text, E'\n' ORDER BY report_id, row_order, col_order)) FROM gir_request_outcomes v;
SELECT 'litigation', md5(string_agg(to_jsonb(v)::text, E'\n' ORDER BY report_id)) FROM gir_litigation_summary v;
SELECT 'active', md5(string_agg(to_jsonb(v)::text, E'\n' ORDER BY report_id, row_order, col_order)) FROM gir_active_disclosure v;
SELECT 'violations', md5(string_agg(to_jsonb(v)::text, E'\n' ORDER BY to_jsonb(v)::text)) FROM gir_violations v;
SELECT 'trends', md5(string_agg(to_jsonb(v)::text, E'\n' ORDER BY agency, year)) FROM gir_agency_trends v;
SELECT 'labels', count(*) FROM gir_labels;
SELECT 'acl', relname, relacl::text FROM pg_class
 WHERE relname IN ('gir_reports', 'gir_report_overview') ORDER BY relname;
SELECT 'column acl', attname, attacl::text FROM pg_attribute
 WHERE attrelid = 'gir_reports'::regclass AND attacl IS NOT NULL ORDER BY attnum;
EOF
}
snapshot "$SRC" | sed "s/$SRC/DB/g" >"$WORK/src.txt"
snapshot "$DST" | sed "s/$DST/DB/g" >"$WORK/dst.txt"
check "same rows, parse results, view output and grants after restore" \
	diff -u "$WORK/src.txt" "$WORK/dst.txt"

nrows=$(grep -c '^[0-9]' "$WORK/src.txt")
if [ "$nrows" -eq "${#files[@]}" ]; then
	ok "all ${#files[@]} rows dumped"
else
	not_ok "expected ${#files[@]} rows, source has $nrows"
fi

# the restored identity continues where the source's did
next_id()
{
	"${PSQL[@]}" -d "$1" -c "INSERT INTO gir_reports (source, body) SELECT 'next', body FROM gir_reports ORDER BY id LIMIT 1 RETURNING id"
}
a=$(next_id "$SRC")
b=$(next_id "$DST")
if [ -n "$a" ] && [ "$a" = "$b" ]; then
	ok "identity position restored (next id $b)"
else
	not_ok "identity position: source gives $a, restored gives $b"
fi

# the restored report column is really recomputed (and re-parsing works)
check "UPDATE gir_reports SET body = body re-parses" \
	"${PSQL[@]}" -d "$DST" -c "UPDATE gir_reports SET body = body"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
