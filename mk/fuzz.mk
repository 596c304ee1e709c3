# Robustness of the core (included by the Makefile): fuzzing, sanitizers,
# valgrind.  Each links src/core only, never PostgreSQL.
#
#   make fuzz FUZZ_SECONDS=N  libFuzzer for N seconds (default 60); failures
#                             are written to fuzz/regressions/ as
#                             crash-*/leak-*/timeout-*/oom-*
#   make sanitize             the core unit tests built with ASan + UBSan, run
#   make valgrind             the core unit tests under valgrind memcheck
#
# Every file in fuzz/regressions/ is replayed by test/test_regressions.c,
# which is one of the core tests (make core-test, sanitize, valgrind).
# Needs clang and libclang-rt-14-dev (fuzz, sanitize) and valgrind.

FUZZ_CC       ?= clang
FUZZ_SECONDS  ?= 60
# real reports, when the shared corpus sits beside the project
FUZZ_SHARED   ?= ../shared/corpus/seeds
# -fno-sanitize-recover: a UBSan report is a failure, not a line in a log
SAN_FLAGS     = -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined \
                -fno-sanitize-recover=all
FUZZ_FLAGS    = $(SAN_FLAGS) -fsanitize=fuzzer
# libFuzzer options: a 10 s input is a timeout (the core is linear; a normal
# report takes under a millisecond), and memory is capped below CI's
FUZZ_OPTS     = -dict=fuzz/gireport.dict -artifact_prefix=fuzz/regressions/ \
                -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
                -print_final_stats=1
SAN_TESTS     = $(patsubst test/%.c,test/bin/asan/%,$(sort $(wildcard test/test_*.c)))
VALGRIND      ?= valgrind
VALGRIND_OPTS = --error-exitcode=1 --leak-check=full --track-origins=yes --quiet \
                --suppressions=fuzz/valgrind.supp
# Tests whose leaks are errors.  The others leak on purpose (test_layouts
# keeps each fixture's text alive, test_rules mallocs cell buffers it never
# frees): they get ASan/UBSan and memcheck's other errors, but no leak
# check.  The core's own memory is checked by test_regressions, which frees
# everything, and by the fuzzer.  Add a test here once it frees all it takes.
LEAK_CLEAN_TESTS ?= test_regressions

EXTRA_CLEAN  += fuzz/bin fuzz/seeds

# the replay test reads the invariants and the regression inputs
test/bin/test_regressions test/bin/asan/test_regressions: fuzz/invariants.h

fuzz/bin/fuzz_parse: fuzz/fuzz_parse.c fuzz/invariants.h $(CORE_SRCS) include/*.h src/core/*.h
	@mkdir -p fuzz/bin
	$(FUZZ_CC) $(FUZZ_FLAGS) -std=c11 -Iinclude -Ifuzz $(PCRE2_CFLAGS) -o $@ $< $(CORE_SRCS) $(PCRE2_LIBS)

# The seed corpus is copied afresh at every run into fuzz/seeds/ (git-ignored):
# the samples, the layout cases, the real seeds if present and the
# regressions.  What libFuzzer finds goes to fuzz/corpus/ (git-ignored too).
.PHONY: fuzz-seeds
fuzz-seeds:
	@rm -rf fuzz/seeds && mkdir -p fuzz/seeds fuzz/corpus
	@cp data/samples/*.txt data/cases/* fuzz/seeds/
	@if [ -d "$(FUZZ_SHARED)" ]; then cp "$(FUZZ_SHARED)"/*.txt fuzz/seeds/; fi
	@for f in fuzz/regressions/*; do \
		case "$$f" in *README.md) ;; *) cp "$$f" "fuzz/seeds/regression-$${f##*/}" ;; esac; \
	done
	@echo "fuzz: $$(ls fuzz/seeds | wc -l) seed inputs"

.PHONY: fuzz
fuzz: fuzz/bin/fuzz_parse fuzz-seeds
	fuzz/bin/fuzz_parse $(FUZZ_OPTS) -max_total_time=$(FUZZ_SECONDS) fuzz/corpus fuzz/seeds

# the core is compiled once with the sanitizers, then linked into each test
SAN_CORE_OBJS = $(patsubst src/core/%.c,test/bin/asan/core/%.o,$(CORE_SRCS))

test/bin/asan/core/%.o: src/core/%.c include/*.h src/core/*.h
	@mkdir -p test/bin/asan/core
	$(FUZZ_CC) $(SAN_FLAGS) -std=c11 -Iinclude $(PCRE2_CFLAGS) -c -o $@ $<

test/bin/asan/%: test/%.c $(SAN_CORE_OBJS) include/*.h test/tap.h test/files.h
	@mkdir -p test/bin/asan
	$(FUZZ_CC) $(SAN_FLAGS) -std=c11 -Wall -Wno-unused-parameter -Iinclude -Isrc/core -Itest $(PCRE2_CFLAGS) \
		-o $@ $< $(SAN_CORE_OBJS) $(PCRE2_LIBS)

.PHONY: sanitize
sanitize: $(SAN_TESTS)
	@rc=0; for t in $(SAN_TESTS); do \
		case " $(LEAK_CLEAN_TESTS) " in *" $${t##*/} "*) leaks=1 ;; *) leaks=0 ;; esac; \
		ASAN_OPTIONS=detect_leaks=$$leaks UBSAN_OPTIONS=print_stacktrace=1 ./$$t || \
			{ echo "sanitize: $$t FAILED"; rc=1; }; \
	done; exit $$rc

.PHONY: valgrind
valgrind: $(CORE_TESTS)
	@rc=0; for t in $(CORE_TESTS); do \
		case " $(LEAK_CLEAN_TESTS) " in \
			*" $${t##*/} "*) leaks="--errors-for-leak-kinds=definite,indirect" ;; \
			*) leaks="--errors-for-leak-kinds=none --show-leak-kinds=none" ;; \
		esac; \
		$(VALGRIND) $(VALGRIND_OPTS) $$leaks ./$$t || \
			{ echo "valgrind: $$t FAILED"; rc=1; }; \
	done; exit $$rc
