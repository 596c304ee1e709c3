#!/bin/bash
# The main job: install what is missing, build and install gireport, then
# parse the project's sample reports and show what was found.
#
# By default this runs on a throwaway cluster (pg_virtualenv).  To use your
# own database instead, set the usual variables, e.g. PGDATABASE=mydb
# (and PGHOST/PGPORT/PGUSER as needed).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
if [ -n "${PGDATABASE:-}${PGHOST:-}${PGSERVICE:-}" ]; then
	psql -X -v ON_ERROR_STOP=1 -f scripts/demo.sql
else
	pg_virtualenv -t psql -X -v ON_ERROR_STOP=1 -f scripts/demo.sql
fi
