#!/bin/bash
# The main job: install what is missing, build and install gireport, load
# the project's sample reports into gir_reports with bin/gir-load, and show
# the BI views.
#
# By default this runs on a throwaway cluster (pg_virtualenv).  To use your
# own database instead, set the usual variables, e.g. PGDATABASE=mydb
# (and PGHOST/PGPORT/PGUSER as needed).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh

job() {
	set -e
	psql -X -q -c 'CREATE EXTENSION IF NOT EXISTS gireport'
	bin/gir-load -r data/samples data/cases
	psql -X -v ON_ERROR_STOP=1 -f scripts/demo.sql
}
export -f job
if [ -n "${PGDATABASE:-}${PGHOST:-}${PGSERVICE:-}" ]; then
	job
else
	pg_virtualenv -t bash -c job
fi
