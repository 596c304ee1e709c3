#!/bin/bash
# test/capture.sh: the extension's SQL cannot be captured through search_path.
#
# Installs the extension into a schema that already holds hostile operators
# and functions (better matches than pg_catalog's for mixed-type calls, and
# same-name copies of functions the views use), then checks that
#   1. no object of the extension depends on any function or operator that
#      is neither in pg_catalog nor part of the extension;
#   2. the BI views give the right figures for a sample report while
#      search_path does not even contain the extension's schema.
#
#     pg_virtualenv test/capture.sh [REPORT_FILE]
# Uses the PG* variables, creates and drops its own database, and ends with
# one "N passed, N failed" line.  GIR_EXTENSION names the extension.
set -u

EXT=${GIR_EXTENSION:-gireport}
DB=gir_capture_$$
REPORT=${1:-data/samples/01_docx_2021.txt}
passed=0
failed=0

trap 'dropdb --if-exists "$DB" >/dev/null 2>&1' EXIT

is()
{
	if [ "$2" = "$3" ]; then
		passed=$((passed + 1))
		echo "ok - $1"
	else
		failed=$((failed + 1))
		echo "not ok - $1"
		printf '#   got:  %s\n#   want: %s\n' "$2" "$3"
	fi
}

createdb -T template0 -E UTF8 --locale=C "$DB" || exit 2
psql -X -q -v ON_ERROR_STOP=1 -d "$DB" <<EOF || exit 2
CREATE SCHEMA gir;
CREATE FUNCTION gir.evil_bool(numeric, integer) RETURNS boolean
	LANGUAGE sql AS 'SELECT true';
CREATE OPERATOR gir.<> (leftarg = numeric, rightarg = integer, function = gir.evil_bool);
CREATE OPERATOR gir.= (leftarg = numeric, rightarg = integer, function = gir.evil_bool);
CREATE FUNCTION gir.evil_num(numeric, integer) RETURNS numeric
	LANGUAGE sql AS 'SELECT 42::numeric';
CREATE OPERATOR gir./ (leftarg = numeric, rightarg = integer, function = gir.evil_num);
CREATE FUNCTION gir.round(numeric, integer) RETURNS numeric
	LANGUAGE sql AS 'SELECT 42::numeric';
CREATE FUNCTION gir.jsonb_array_length(jsonb) RETURNS integer
	LANGUAGE sql AS 'SELECT 42';
CREATE FUNCTION gir.jsonb_typeof(jsonb) RETURNS text
	LANGUAGE sql AS 'SELECT ''string''';
CREATE EXTENSION $EXT SCHEMA gir;
EOF

echo "INSERT INTO gir.gir_reports (source, body) VALUES ('r', :'body')" |
	psql -X -q -v ON_ERROR_STOP=1 -d "$DB" -v body="$(cat "$REPORT")" || exit 2

q()
{
	PGOPTIONS='-c search_path=public' psql -X -q -At -v ON_ERROR_STOP=1 -d "$DB" -c "$1"
}

is "no dependency on functions or operators outside pg_catalog and the extension" "$(q "
SELECT count(*)
FROM pg_depend d
JOIN pg_depend m
  ON m.deptype = 'e'
 AND m.refobjid = (SELECT oid FROM pg_extension WHERE extname = '$EXT')
 AND m.classid = CASE WHEN d.classid = 'pg_rewrite'::regclass
                      THEN 'pg_class'::regclass ELSE d.classid END
 AND m.objid = CASE WHEN d.classid = 'pg_rewrite'::regclass
                    THEN (SELECT ev_class FROM pg_rewrite WHERE oid = d.objid)
                    ELSE d.objid END
WHERE d.refclassid IN ('pg_proc'::regclass, 'pg_operator'::regclass)
  AND NOT EXISTS (SELECT 1 FROM pg_depend e
                  WHERE e.classid = d.refclassid AND e.objid = d.refobjid
                    AND e.deptype = 'e')
  AND CASE WHEN d.refclassid = 'pg_proc'::regclass
           THEN (SELECT pronamespace FROM pg_proc WHERE oid = d.refobjid)
           ELSE (SELECT oprnamespace FROM pg_operator WHERE oid = d.refobjid)
      END <> 'pg_catalog'::regnamespace")" 0

# the same figures as computed directly from the stored result
is "gir_request_summary unaffected" "$(q "
SELECT s.new_received = ((r.report).requests #>> '{new_received,total}')::int
       AND s.disclosure_rate IS NOT DISTINCT FROM
           CASE WHEN ((r.report).requests #>> '{total_processed,total}')::numeric > 0
                THEN round((((r.report).requests #>> '{granted,total}')::numeric
                            + ((r.report).requests #>> '{partially_granted,total}')::numeric)
                           / ((r.report).requests #>> '{total_processed,total}')::numeric, 4)
           END
FROM gir.gir_request_summary s JOIN gir.gir_reports r ON r.id = s.report_id")" t
is "gir_report_overview unaffected" "$(q "
SELECT o.warning_count = pg_catalog.jsonb_array_length((r.report).warnings)
FROM gir.gir_report_overview o JOIN gir.gir_reports r ON r.id = o.report_id")" t
is "gir_active_disclosure unaffected" "$(q "
SELECT count(*) = count(value) FROM gir.gir_active_disclosure")" t
is "every view readable with search_path=public" "$(q "
SELECT (SELECT count(*) FROM gir.gir_request_outcomes) > 0
   AND (SELECT count(*) FROM gir.gir_litigation_summary) = 1
   AND (SELECT count(*) FROM gir.gir_violations) >= 0
   AND (SELECT count(*) FROM gir.gir_agency_trends) <= 1")" t

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
