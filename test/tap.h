/*-------------------------------------------------------------------------
 * tap.h
 *	  A tiny assertion kit for the core unit tests.
 *
 * Each test/test_NAME.c includes this header once, calls the CHECK* macros
 * anywhere and ends main() with "return TAP_DONE();".  A failed check prints
 * one "not ok" line with file, line and the two values; passes are silent.
 * TAP_DONE() prints exactly one summary line
 *
 *		NAME: N passed, N failed
 *
 * (NAME is the binary's basename) and yields the exit status: 0 when nothing
 * failed, 1 otherwise.  Header-only: the counters are static, so the header
 * must be included by one translation unit per binary.
 *
 * test/tap.h
 *-------------------------------------------------------------------------
 */
#ifndef GIR_TAP_H
#define GIR_TAP_H

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int	tap_passed;
static int	tap_failed;

/* Record one result; print a line only on failure. */
static inline int
tap_result(int ok, const char *file, int line, const char *what)
{
	if (ok)
		tap_passed++;
	else
	{
		tap_failed++;
		fprintf(stderr, "not ok: %s:%d: %s\n", file, line, what);
	}
	return ok;
}

static inline int
tap_int_eq(int64_t a, int64_t b, const char *file, int line,
		   const char *ea, const char *eb)
{
	if (a == b)
		return tap_result(1, file, line, "");
	tap_failed++;
	fprintf(stderr, "not ok: %s:%d: %s == %s: got %" PRId64 ", want %" PRId64 "\n",
			file, line, ea, eb, a, b);
	return 0;
}

static inline int
tap_str_eq(const char *a, const char *b, const char *file, int line,
		   const char *ea, const char *eb)
{
	if ((a == NULL && b == NULL) || (a && b && strcmp(a, b) == 0))
		return tap_result(1, file, line, "");
	tap_failed++;
	fprintf(stderr, "not ok: %s:%d: %s == %s:\n  got  \"%s\"\n  want \"%s\"\n",
			file, line, ea, eb, a ? a : "(null)", b ? b : "(null)");
	return 0;
}

/* The summary line; returns main()'s exit status. */
static inline int
tap_done(const char *argv0)
{
	const char *name = strrchr(argv0, '/');
	size_t		len;

	name = name ? name + 1 : argv0;
	len = strlen(name);
	if (len > 2 && strcmp(name + len - 2, ".c") == 0)
		len -= 2;				/* TAP_DONE(): "test_rules.c" -> "test_rules" */
	printf("%.*s: %d passed, %d failed\n", (int) len, name,
		   tap_passed, tap_failed);
	fflush(stdout);
	return tap_failed ? 1 : 0;
}

/* Each macro evaluates to 1 when the check passed, 0 otherwise. */
#define CHECK(cond) \
	tap_result(!!(cond), __FILE__, __LINE__, #cond)
#define CHECK_INT_EQ(a, b) \
	tap_int_eq((int64_t) (a), (int64_t) (b), __FILE__, __LINE__, #a, #b)
#define CHECK_STR_EQ(a, b) \
	tap_str_eq((a), (b), __FILE__, __LINE__, #a, #b)
/* Prefer the binary name from argv[0]; fall back to the source file. */
#define TAP_DONE_AS(argv0)	tap_done(argv0)
#define TAP_DONE()			tap_done(__FILE__)

#endif							/* GIR_TAP_H */
