#!/bin/bash
# The whole test suite: core unit tests, then the pg_regress tests on a
# throwaway cluster (pg_virtualenv).  Ends with one "N passed, N failed" line.
set -uo pipefail
cd "$(dirname "$0")/.."

# warnings are errors in the test build
PG_CFLAGS="-Wall -Wextra -Werror -Wno-unused-parameter -Wno-missing-field-initializers -Wno-sign-compare" \
	scripts/setup.sh || { echo "0 passed, 1 failed"; exit 1; }

passed=0
failed=0

echo "== core unit tests"
make -s core-test > test/core.log 2>&1
cat test/core.log
for n in $(sed -n 's/^.*: \([0-9][0-9]*\) passed, [0-9][0-9]* failed$/\1/p' test/core.log); do passed=$((passed + n)); done
for n in $(sed -n 's/^.*: [0-9][0-9]* passed, \([0-9][0-9]*\) failed$/\1/p' test/core.log); do failed=$((failed + n)); done
grep -q "passed, " test/core.log || failed=$((failed + 1))	# did not build or run

echo "== pg_regress"
rm -f regression.diffs
pg_virtualenv -t make -s installcheck > test/regress.log 2>&1
cat test/regress.log
ok=$(grep -cE '\.\.\. ok' test/regress.log || true)
bad=$(grep -cE '\.\.\. FAILED|failed \(ignored\)' test/regress.log || true)
[ "$ok" -gt 0 ] || bad=$((bad + 1))			# pg_regress did not run
passed=$((passed + ok))
failed=$((failed + bad))
if [ -f regression.diffs ]; then
	echo "== regression.diffs"
	cat regression.diffs
fi

# Scripts that need a live server of their own: pg_dump/pg_restore round
# trip, the loader, and installing into a schema full of hostile objects.
# Each ends with its own "N passed, N failed" line.
echo "== server scripts"
pg_virtualenv -t bash -c 'test/dump_restore.sh; test/gir_load.sh; test/capture.sh' > test/scripts.log 2>&1
cat test/scripts.log
counts=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' test/scripts.log || true)
[ "$(echo "$counts" | grep -c passed)" -eq 3 ] || failed=$((failed + 1))	# a script did not finish
for n in $(echo "$counts" | sed -n 's/^\([0-9]*\) passed.*/\1/p'); do passed=$((passed + n)); done
for n in $(echo "$counts" | sed -n 's/.* \([0-9]*\) failed$/\1/p'); do failed=$((failed + n)); done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
