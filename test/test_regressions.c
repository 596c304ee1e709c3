/*-------------------------------------------------------------------------
 * test_regressions.c
 *	  Replay every input of fuzz/regressions/ through the core: each must
 *	  parse (or stop at a PCRE2 limit) with every invariant of
 *	  fuzz/invariants.h holding, and without leaking (make sanitize,
 *	  make valgrind).  Inputs the fuzzer found go there as they are; run
 *	  from the project root.
 *
 * Also checks what the fuzzer cannot see: that long inputs get interrupt
 * checks however they are laid out (one line, no line at all, HTML), so a
 * query cancel is never kept waiting, that warnings are capped, and that an
 * allocation failure is reported and frees every block.
 *
 * test/test_regressions.c
 *-------------------------------------------------------------------------
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "files.h"
#include "gir_core.h"
#include "tap.h"
#include "../fuzz/invariants.h"

#define REGRESSIONS_DIR "fuzz/regressions"

static long nchecks;

static void
count_check(void)
{
	nchecks++;
}

static GirOptions
server_options(void)
{
	GirOptions	opt = gir_default_options();

	opt.match_limit = 1000000;
	opt.depth_limit = 10000;
	opt.heap_limit_kb = 20480;
	opt.check_interrupts = count_check;
	return opt;
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

/* Parse one text; the invariants hold.  Returns the interrupt checks made. */
static long
replay(const char *name, const char *text, size_t len)
{
	GirOptions	opt = server_options();
	GirReport  *r = NULL;
	char		err[256];
	GirError	rc;
	const char *broken;

	nchecks = 0;
	rc = gir_parse_report(text, len, &opt, &r, err, sizeof(err));
	if (rc == GIR_ERR_MATCH_LIMIT)
	{
		CHECK(r == NULL);
		return nchecks;
	}
	if (!CHECK_INT_EQ(rc, GIR_OK))
	{
		fprintf(stderr, "  %s: %s\n", name, err);
		return nchecks;
	}
	broken = inv_check_report(r, text, len);
	if (!CHECK(broken == NULL))
		fprintf(stderr, "  %s: %s\n", name, broken);
	gir_report_free(r);
	return nchecks;
}

static void
replay_dir(void)
{
	DIR		   *d = opendir(REGRESSIONS_DIR);
	struct dirent *e;
	char	  **names = NULL;
	int			n = 0,
				cap = 0,
				i;

	if (!CHECK(d != NULL))
	{
		perror(REGRESSIONS_DIR);
		return;
	}
	while ((e = readdir(d)) != NULL)
	{
		if (e->d_name[0] == '.' || strcmp(e->d_name, "README.md") == 0)
			continue;
		if (n == cap)
		{
			cap = cap ? cap * 2 : 64;
			names = realloc(names, cap * sizeof(char *));
		}
		names[n++] = strdup(e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof(char *), cmp_names);
	CHECK(n > 0);
	for (i = 0; i < n; i++)
	{
		char		path[1024];
		size_t		len;
		char	   *text;

		snprintf(path, sizeof(path), "%s/%s", REGRESSIONS_DIR, names[i]);
		text = read_file(path, &len);
		if (CHECK(text != NULL))
			replay(names[i], text, len);
		free(text);
		free(names[i]);
	}
	free(names);
}

/* ---------- generated hostile inputs ---------- */

/* n copies of unit after head, in one malloc'd block of exactly that size. */
static char *
repeat(const char *head, const char *unit, size_t n, size_t *len)
{
	size_t		hl = strlen(head),
				ul = strlen(unit),
				i;
	char	   *s = malloc(hl + ul * n + 1);

	memcpy(s, head, hl);
	for (i = 0; i < n; i++)
		memcpy(s + hl + i * ul, unit, ul);
	*len = hl + ul * n;
	return s;
}

/*
 * A quarter megabyte laid out many ways: each parse must check for
 * interrupts at least once per 32 kB, lines or no lines.
 */
static void
interrupt_checks(void)
{
	static const struct
	{
		const char *name;
		const char *head;
		const char *unit;
	}			cases[] = {
		{"one line of text", "", "政府信息公开"},
		{"one line of digits", "", "0123456789"},
		{"one line of words", "三、收到和处理政府信息公开申请情况\n", "1 22 333 "},
		{"one line of pipes", "三、收到和处理政府信息公开申请情况\n", "| 1 "},
		{"one line of TABs", "三、收到和处理政府信息公开申请情况\n", "其他\t1\t"},
		{"one line of years", "", "2023年"},
		{"HTML cells", "", "<td>1"},
		{"HTML page", "<html><body>", "<span>政府信息公开</span>"},
		{"unclosed comment", "<tr><!--", "x"},
		{"U+3000", "", "\xe3\x80\x80"},
		{"blank lines in a table", "三、收到和处理政府信息公开申请情况\n", "\n"},
		{"rows", "三、收到和处理政府信息公开申请情况\n", "其他\t1\t0\t0\t0\t0\t0\t1\n"},
		{"one cell per line", "三、收到和处理政府信息公开申请情况\n\n\t其他\n", "继续\n"},
	};
	size_t		i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		size_t		len;
		char	   *text = repeat(cases[i].head, cases[i].unit,
								  (256 * 1024) / strlen(cases[i].unit), &len);
		long		checks = replay(cases[i].name, text, len);

		if (!CHECK(checks >= (long) (len / (32 * 1024))))
			fprintf(stderr, "  %s: %ld interrupt checks for %zu bytes\n",
					cases[i].name, checks, len);
		free(text);
	}
}

/*
 * Text that makes a warning per line keeps 1000 of them and says so: the
 * result's size does not grow with the text.
 */
static void
warnings_capped(void)
{
	size_t		len;
	char	   *text = repeat("二、主动公开政府信息情况\n", "\t1\t2\t3\n", 20000, &len);
	GirOptions	opt = server_options();
	GirReport  *r = NULL;
	char		err[256];

	if (CHECK_INT_EQ(gir_parse_report(text, len, &opt, &r, err, sizeof(err)), GIR_OK))
	{
		CHECK_INT_EQ(r->nwarnings, 1001);
		CHECK_STR_EQ(r->warnings[r->nwarnings - 1].code, "warnings_truncated");
		CHECK_STR_EQ(r->warnings[0].code, "unknown_row");
		gir_report_free(r);
	}
	free(text);
}

/* ---------- allocation failure ---------- */

static long alloc_calls,
			alloc_live,
			fail_at;

static void *
failing_alloc(void *ctx, size_t size)
{
	if (++alloc_calls == fail_at)
		return NULL;
	alloc_live++;
	return malloc(size);
}

static void
counting_release(void *ctx, void *ptr)
{
	alloc_live--;
	free(ptr);
}

/* Fail each of the first allocations of a real report's parse in turn. */
static void
allocation_failures(void)
{
	size_t		len;
	char	   *text = read_file("data/samples/01_docx_2021.txt", &len);
	GirOptions	opt = server_options();
	long		k;

	if (!CHECK(text != NULL))
		return;
	opt.mem.alloc = failing_alloc;
	opt.mem.release = counting_release;
	for (k = 1;; k++)
	{
		GirReport  *r = NULL;
		char		err[256];
		GirError	rc;

		alloc_calls = alloc_live = 0;
		fail_at = k;
		rc = gir_parse_report(text, len, &opt, &r, err, sizeof(err));
		if (rc == GIR_OK)
		{
			/* k is past the last allocation: the parse needed k - 1 */
			gir_report_free(r);
			CHECK_INT_EQ(alloc_live, 0);
			CHECK(k > 1);
			break;
		}
		CHECK_INT_EQ(rc, GIR_ERR_NOMEM);
		CHECK(r == NULL);
		CHECK_STR_EQ(err, "out of memory");
		CHECK_INT_EQ(alloc_live, 0);
		if (k > 10000)
			break;
	}
	free(text);
}

int
main(int argc, char **argv)
{
	replay_dir();
	interrupt_checks();
	warnings_capped();
	allocation_failures();
	return TAP_DONE_AS(argv[0]);
}
