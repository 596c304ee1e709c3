/*
 * corebench: time the parsing core alone (no PostgreSQL) over a corpus.
 *
 *	corebench [-j] FILE [ROUNDS]
 *
 * FILE holds report bodies separated by NUL bytes (bench/run.sh writes it
 * from the generated corpus).  Each report goes through what gir_parse()
 * asks of the core: gir_parse_report (gir_parse builds its jsonb from the
 * GirReport itself).  With -j the format-1 JSON text is made too, as the
 * command-line tool does.  Prints reports, bytes, CPU seconds (of this
 * thread: other processes on the machine count less) and MB/s of the
 * fastest round, and the most memory one parse took from its allocator (the arena's
 * blocks).  Under callgrind use ROUNDS=1.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "gir_core.h"

static size_t taken;			/* bytes handed to the current parse */

static void *
counting_alloc(void *ctx, size_t size)
{
	taken += size;
	return malloc(size);
}

static void
counting_release(void *ctx, void *ptr)
{
	free(ptr);
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	FILE	   *f;
	char	   *buf;
	size_t		cap = 1 << 20,
				len = 0,
				got;
	size_t	   *off;
	size_t		n = 0,
				i;
	bool		json = argc > 1 && strcmp(argv[1], "-j") == 0;
	int			rounds;
	int			round;
	double		best = 1e30;
	size_t		sink = 0,
				most = 0;
	GirOptions	opt = gir_default_options();

	opt.mem.alloc = counting_alloc;
	opt.mem.release = counting_release;

	if (json)
		argc--, argv++;
	rounds = argc > 2 ? atoi(argv[2]) : 3;
	if (argc < 2 || (f = fopen(argv[1], "rb")) == NULL)
	{
		fprintf(stderr, "usage: corebench [-j] FILE [ROUNDS]\n");
		return 2;
	}
	buf = malloc(cap);
	while (buf && (got = fread(buf + len, 1, cap - len, f)) > 0)
	{
		len += got;
		if (len == cap)
			buf = realloc(buf, cap *= 2);
	}
	fclose(f);
	if (buf == NULL)
		return 1;
	off = malloc((len / 16 + 2) * sizeof(size_t));
	off[0] = 0;
	for (i = 0; i < len; i++)
		if (buf[i] == '\0')
			off[++n] = i + 1;
	if (len > 0 && buf[len - 1] != '\0')
		off[++n] = len + 1;

	for (round = 0; round < (rounds > 0 ? rounds : 1); round++)
	{
		double		t0 = now(),
					t;

		for (i = 0; i < n; i++)
		{
			GirReport  *r;
			char		err[256];
			size_t		blen = off[i + 1] - off[i] - 1;

			taken = 0;
			if (gir_parse_report(buf + off[i], blen, &opt, &r, err, sizeof(err)) != GIR_OK)
			{
				fprintf(stderr, "report %zu: %s\n", i + 1, err);
				return 1;
			}
			sink += r->nwarnings;
			if (json)
				sink += strlen(gir_report_json(r));
			if (taken > most)
				most = taken;
			gir_report_free(r);
		}
		t = now() - t0;
		if (t < best)
			best = t;
	}
	printf("reports=%zu bytes=%zu seconds=%.4f MB/s=%.1f us/report=%.2f arena_kb_max=%zu sink=%zu\n",
		   n, len - n, best, (len - n) / best / 1e6, best / n * 1e6, most / 1024,
		   sink / (rounds > 0 ? rounds : 1));
	return 0;
}
