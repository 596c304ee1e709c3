# Benchmark targets (not part of the test suite; see docs/performance.md).
#
#   make bench [BENCH_COUNT=10000] [BENCH_SCALES="1000 10000 100000"]
#              [BENCH_REPEAT=5] [BENCH_BASELINE_COUNT=1000] [BENCH_SEED=1]
#              [BENCH_COMPARE_SO=/path/to/another/gireport.so] [BENCH_CPU=1|none]
#   make bench-profile     callgrind of the core over 200 generated reports
#
# bench/run.sh reads the BENCH_* variables from the environment; make passes
# the ones given on its command line through.

BENCH_VARS = $(foreach v,BENCH_COUNT BENCH_SCALES BENCH_REPEAT BENCH_BASELINE_COUNT \
	BENCH_SEED BENCH_SHARED_BUFFERS BENCH_COMPARE_SO BENCH_CPU,$(if $($(v)),$(v)="$($(v))"))

# The core alone over a file of NUL-separated reports (bench/corebench.c),
# optimised as the extension's core is.
bench/out/corebench: bench/corebench.c $(CORE_SRCS) include/*.h src/core/*.h
	@mkdir -p bench/out
	$(CORE_CC) $(CORE_CFLAGS) $(CORE_OPTFLAGS) -Iinclude $(PCRE2_CFLAGS) -o $@ $< $(CORE_SRCS) $(PCRE2_LIBS)

.PHONY: bench bench-profile
bench:
	$(BENCH_VARS) bench/run.sh

# Instruction counts per function of the core (valgrind's callgrind) over
# 200 reports spread evenly over the last benchmark's corpus (its files
# alternate between clean and noisy reports).
bench-profile: bench/out/corebench
	@test -s bench/out/corebench.bin || { echo "run make bench first (it writes bench/out/corebench.bin)"; exit 1; }
	python3 -c 'd = [r for r in open("bench/out/corebench.bin", "rb").read().split(b"\0") if r]; \
		open("bench/out/profile.bin", "wb").write(b"\0".join(d[::max(1, len(d) // 200)][:200]) + b"\0")'
	valgrind --tool=callgrind --callgrind-out-file=bench/out/callgrind.out \
		bench/out/corebench bench/out/profile.bin 1
	callgrind_annotate --inclusive=yes bench/out/callgrind.out | head -60
