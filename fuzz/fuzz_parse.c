/*-------------------------------------------------------------------------
 * fuzz_parse.c
 *	  libFuzzer harness for the parsing core (src/core only, no PostgreSQL).
 *
 * Each input is parsed three ways, the ways the server can run the core:
 *
 * 1. to the end, under the server's default PCRE2 limits; every invariant
 *    of fuzz/invariants.h must hold (valid UTF-8 JSON, plain decimals,
 *    lines inside the text);
 * 2. with an allocator that fails at the k-th request (k chosen from the
 *    input): the parse must answer GIR_ERR_NOMEM, or succeed if it needed
 *    fewer blocks, and give every block back (LeakSanitizer checks);
 * 3. cancelled: the interrupt callback longjmps out after m checks, as
 *    ereport(ERROR) does from CHECK_FOR_INTERRUPTS, and the blocks are
 *    freed the way a memory context is deleted.  A parse after that must
 *    give the same JSON as parse 1 (no static state left half-changed).
 *
 * Any broken invariant aborts, which libFuzzer reports as a crash.
 *
 *	make fuzz FUZZ_SECONDS=60     (mk/fuzz.mk)
 *
 * fuzz/fuzz_parse.c
 *-------------------------------------------------------------------------
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gir_core.h"
#include "invariants.h"

/* ---------- an allocator that keeps a list, can fail, and frees all ---------- */

typedef struct Block
{
	struct Block *next;
	struct Block *prev;
	size_t		pad[2];			/* keep the payload 16-byte aligned */
} Block;

typedef struct Pool
{
	Block		head;			/* circular list of live blocks */
	long		calls;			/* allocation requests so far */
	long		fail_at;		/* fail the request with this number; 0: never */
} Pool;

static void
pool_init(Pool *p, long fail_at)
{
	p->head.next = p->head.prev = &p->head;
	p->calls = 0;
	p->fail_at = fail_at;
}

static void *
pool_alloc(void *ctx, size_t size)
{
	Pool	   *p = ctx;
	Block	   *b;

	if (++p->calls == p->fail_at)
		return NULL;
	b = malloc(sizeof(Block) + size);
	if (b == NULL)
		return NULL;
	b->next = p->head.next;
	b->prev = &p->head;
	p->head.next->prev = b;
	p->head.next = b;
	return b + 1;
}

static void
pool_release(void *ctx, void *ptr)
{
	Block	   *b = (Block *) ptr - 1;

	b->prev->next = b->next;
	b->next->prev = b->prev;
	free(b);
}

/* Free every live block: what deleting a memory context does. */
static int
pool_free_all(Pool *p)
{
	int			n = 0;

	while (p->head.next != &p->head)
	{
		pool_release(p, p->head.next + 1);
		n++;
	}
	return n;
}

static void
fail(const char *what, const char *detail)
{
	fprintf(stderr, "fuzz_parse: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
	abort();
}

/* ---------- cancellation ---------- */

static jmp_buf cancel_jmp;
static long checks_left;

static void
cancel_after(void)
{
	if (--checks_left <= 0)
		longjmp(cancel_jmp, 1);
}

static GirOptions
server_options(Pool *pool)
{
	GirOptions	opt = gir_default_options();

	/* the defaults of gireport.match_limit, depth_limit and heap_limit */
	opt.match_limit = 1000000;
	opt.depth_limit = 10000;
	opt.heap_limit_kb = 20480;
	if (pool)
	{
		opt.mem.alloc = pool_alloc;
		opt.mem.release = pool_release;
		opt.mem.ctx = pool;
	}
	return opt;
}

/* FNV-1a: picks the failure points from the input, reproducibly. */
static uint64_t
hash_input(const uint8_t *data, size_t size)
{
	uint64_t	h = 1469598103934665603ULL;
	size_t		i;

	for (i = 0; i < size; i++)
		h = (h ^ data[i]) * 1099511628211ULL;
	return h;
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *) data;
	uint64_t	h = hash_input(data, size);
	GirOptions	opt;
	GirReport  *r = NULL;
	GirError	err;
	char		errbuf[256];
	const char *broken;
	char	   *json1 = NULL;
	Pool		pool;
	long		ncalls;

	/* 1. a whole parse; every invariant holds */
	pool_init(&pool, 0);
	opt = server_options(&pool);
	err = gir_parse_report(text, size, &opt, &r, errbuf, sizeof(errbuf));
	ncalls = pool.calls;
	if (err == GIR_ERR_MATCH_LIMIT)
	{
		/* the server answers 54000 program_limit_exceeded: allowed */
		if (r != NULL || pool_free_all(&pool) != 0)
			fail("a failed parse kept memory", errbuf);
		return 0;
	}
	if (err != GIR_OK)
		fail("parse failed", errbuf);
	if ((broken = inv_check_report(r, text, size)) != NULL)
		fail("invariant broken", broken);
	json1 = strdup(gir_report_json(r));
	gir_report_free(r);
	if (pool_free_all(&pool) != 0)
		fail("gir_report_free left blocks behind", NULL);

	/* 2. the allocator fails at one request */
	pool_init(&pool, 1 + (long) (h % (uint64_t) (ncalls + 1)));
	opt = server_options(&pool);
	err = gir_parse_report(text, size, &opt, &r, errbuf, sizeof(errbuf));
	if (err == GIR_OK)
	{
		if (pool.fail_at <= pool.calls)
			fail("parse succeeded although an allocation failed", NULL);
		gir_report_free(r);
	}
	else if (err != GIR_ERR_NOMEM || r != NULL)
		fail("allocation failure not reported as GIR_ERR_NOMEM", errbuf);
	if (pool_free_all(&pool) != 0)
		fail("blocks left after an allocation failure", NULL);

	/* 3. cancelled from the interrupt callback, then parsed again */
	pool_init(&pool, 0);
	opt = server_options(&pool);
	opt.check_interrupts = cancel_after;
	checks_left = 1 + (long) ((h >> 32) % 8);
	if (setjmp(cancel_jmp) == 0)
	{
		err = gir_parse_report(text, size, &opt, &r, errbuf, sizeof(errbuf));
		if (err == GIR_OK)
			gir_report_free(r);
	}
	pool_free_all(&pool);		/* the context goes, whatever was left */

	pool_init(&pool, 0);
	opt = server_options(&pool);
	r = NULL;
	if (gir_parse_report(text, size, &opt, &r, errbuf, sizeof(errbuf)) != GIR_OK)
		fail("parse after a cancelled parse failed", errbuf);
	if (strcmp(json1, gir_report_json(r)) != 0)
		fail("a cancelled parse changed the next parse's result", NULL);
	gir_report_free(r);
	pool_free_all(&pool);
	free(json1);
	return 0;
}
