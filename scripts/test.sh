#!/bin/bash
# The whole test suite: core unit tests, then the pg_regress tests on a
# throwaway cluster (pg_virtualenv), the server scripts, and the core under
# sanitizers, valgrind and a fuzzer.  Ends with one "N passed, N failed" line.
set -uo pipefail
cd "$(dirname "$0")/.."

# warnings are errors in the test build; the robustness stage needs clang
# (with libFuzzer and the sanitizers' runtimes) and valgrind
GIR_EXTRA_PACKAGES="clang libclang-rt-14-dev valgrind ${GIR_EXTRA_PACKAGES:-}" \
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

# The core's functions stay inside gireport.so (Makefile, CORE_OPTFLAGS):
# none of them may be among the library's exported symbols.
echo "== exports"
leaked=$(comm -12 <(nm -D --defined-only gireport.so | awk '{ print $3 }' | sort) \
	<(nm -g --defined-only src/core/*.o | awk 'NF == 3 { print $3 }' | sort))
if [ -s gireport.so ] && [ -z "$leaked" ]; then
	passed=$((passed + 1))
	echo "exports: ok, $(nm -D --defined-only gireport.so | wc -l) symbols, none of the core"
else
	failed=$((failed + 1))
	echo "exports: FAILED, the core's symbols are exported:" $leaked
fi

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

# The core on hostile input (mk/fuzz.mk): unit tests under ASan+UBSan, under
# valgrind, and libFuzzer for GIR_FUZZ_SECONDS (default 60; 0 skips it).
# Each is one pass or fail; a fuzzer finding is left in fuzz/regressions/.
echo "== robustness"
for target in sanitize valgrind fuzz; do
	if [ "$target" = fuzz ] && [ "${GIR_FUZZ_SECONDS:-60}" -eq 0 ]; then
		continue
	fi
	if make -s "$target" FUZZ_SECONDS="${GIR_FUZZ_SECONDS:-60}" > "test/$target.log" 2>&1; then
		passed=$((passed + 1))
		echo "$target: ok $(grep -E '^stat::number_of_executed_units' "test/$target.log" || true)"
	else
		failed=$((failed + 1))
		echo "$target: FAILED (test/$target.log)"
		tail -n 40 "test/$target.log"
	fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
