/*-------------------------------------------------------------------------
 * permb.c
 *	  Benchmark driver for bench/pathological.sh: time the core on files.
 *
 *	permb [-r RUNS] FILE...
 *
 * Each file is parsed RUNS times (default 5) with the core alone, the way
 * gir_parse does it (parse, then the JSON of the three sections and of the
 * warnings), under the server's default PCRE2 limits.  One line per file gives its size, the median time, the time
 * per MB, the arena's peak memory per MB of input, the number of interrupt
 * checks (check_interrupts calls) and the longest time between two of
 * them, which is how long a query cancel could wait.
 *
 * bench/permb.c
 *-------------------------------------------------------------------------
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "files.h"
#include "gir_core.h"

/* ---------- a counting allocator ---------- */

typedef struct Hdr
{
	size_t		size;
	size_t		pad;			/* keep the payload 16-byte aligned */
} Hdr;

static size_t cur_bytes,
			peak_bytes;

static void *
count_alloc(void *ctx, size_t size)
{
	Hdr		   *h = malloc(sizeof(Hdr) + size);

	if (h == NULL)
		return NULL;
	h->size = size;
	cur_bytes += size;
	if (cur_bytes > peak_bytes)
		peak_bytes = cur_bytes;
	return h + 1;
}

static void
count_release(void *ctx, void *ptr)
{
	Hdr		   *h = (Hdr *) ptr - 1;

	cur_bytes -= h->size;
	free(h);
}

/* ---------- interrupt checks ---------- */

static double last_check,
			max_gap;
static long ncheck;

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void
on_check(void)
{
	double		t = now_ms();

	if (t - last_check > max_gap)
		max_gap = t - last_check;
	last_check = t;
	ncheck++;
}

static int
cmp_double(const void *a, const void *b)
{
	double		x = *(const double *) a,
				y = *(const double *) b;

	return x < y ? -1 : x > y;
}

int
main(int argc, char **argv)
{
	int			runs = 5,
				argi = 1,
				status = 0;
	GirOptions	opt = gir_default_options();

	if (argc > 2 && strcmp(argv[1], "-r") == 0)
	{
		runs = atoi(argv[2]);
		argi = 3;
	}
	if (runs < 1 || argi >= argc)
	{
		fprintf(stderr, "usage: permb [-r RUNS] FILE...\n");
		return 2;
	}
	opt.mem.alloc = count_alloc;
	opt.mem.release = count_release;
	opt.check_interrupts = on_check;
	/* the server's defaults (gireport.match_limit, depth_limit, heap_limit) */
	opt.match_limit = 1000000;
	opt.depth_limit = 10000;
	opt.heap_limit_kb = 20480;

	printf("%-40s %10s %10s %10s %9s %8s %9s %s\n", "input", "bytes",
		   "median_ms", "ms_per_MB", "peak_xin", "checks", "gap_ms", "status");
	for (; argi < argc; argi++)
	{
		size_t		len;
		char	   *text = read_file(argv[argi], &len);
		double	   *t = calloc(runs, sizeof(double));
		double		gap = 0;
		long		checks = 0;
		const char *st = "?";
		int			i;

		if (text == NULL || t == NULL)
		{
			perror(argv[argi]);
			status = 1;
			continue;
		}
		peak_bytes = 0;
		for (i = 0; i < runs; i++)
		{
			GirReport  *r;
			char		err[256];
			double		t0;
			int			s;

			ncheck = 0;
			max_gap = 0;
			t0 = last_check = now_ms();
			if (gir_parse_report(text, len, &opt, &r, err, sizeof(err)) != GIR_OK)
			{
				fprintf(stderr, "%s: %s\n", argv[argi], err);
				st = "error";
				status = 1;
				break;
			}
			if (getenv("PERMB_PHASES"))
				fprintf(stderr, "%s: parse %.2f ms, peak %.1f MB, %d warnings, %d lines\n",
						argv[argi], now_ms() - t0, peak_bytes / 1048576.0,
						r->nwarnings, r->nlines);
			for (s = 0; s < GIR_NSECTIONS; s++)
				(void) gir_section_json(r, (GirSection) s);
			(void) gir_warnings_json(r);
			st = gir_status_name(r->status);
			gir_report_free(r);
			t[i] = now_ms() - t0;
			/* the stretch after the last check counts too */
			on_check();
			ncheck--;
			if (max_gap > gap)
				gap = max_gap;
			checks = ncheck;
		}
		qsort(t, runs, sizeof(double), cmp_double);
		printf("%-40s %10zu %10.2f %10.2f %9.1f %8ld %9.2f %s\n",
			   argv[argi], len, t[runs / 2],
			   len ? t[runs / 2] / ((double) len / (1024 * 1024)) : 0.0,
			   len ? (double) peak_bytes / len : 0.0, checks, gap, st);
		fflush(stdout);
		free(t);
		free(text);
	}
	return status;
}
