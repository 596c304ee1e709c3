/*-------------------------------------------------------------------------
 * arena.c
 *	  Bump allocation for one parse, growable buffers, warnings.
 *
 * All memory of a parse comes from large blocks obtained from the caller's
 * allocator, so a parse costs a handful of allocator calls and is freed in
 * one sweep.  When the allocator fails we longjmp to the parse's entry point.
 *
 * src/core/arena.c
 *-------------------------------------------------------------------------
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define ARENA_BLOCK		(64 * 1024)
#define GIR_MAX_WARNINGS	1000	/* warnings kept per report */

typedef struct Block
{
	struct Block *next;
} Block;

GirArena *
gir_arena_create(const GirAllocator *mem, jmp_buf *oom)
{
	GirArena   *a = mem->alloc(mem->ctx, sizeof(GirArena));

	if (a == NULL)
		return NULL;
	memset(a, 0, sizeof(*a));
	a->mem = *mem;
	a->oom = oom;
	return a;
}

void
gir_arena_destroy(GirArena *a)
{
	Block	   *b;

	if (a == NULL)
		return;
	b = a->blocks;
	while (b)
	{
		Block	   *next = b->next;

		if (a->mem.release)
			a->mem.release(a->mem.ctx, b);
		b = next;
	}
	if (a->mem.release)
		a->mem.release(a->mem.ctx, a);
}

/*
 * gir_alloc's slow path: size (aligned) does not fit in the current block.
 * A large piece gets a block of its own; otherwise a new block becomes the
 * current one.
 */
void *
gir_alloc_block(GirArena *a, size_t size)
{
	size_t		bsize = GIR_ALIGN(sizeof(Block)) + (size > ARENA_BLOCK / 4 ? size : ARENA_BLOCK);
	Block	   *b = a->mem.alloc(a->mem.ctx, bsize);
	void	   *p;

	if (b == NULL)
	{
		/* after the parse (JSON of a report) there is no way back */
		if (a->oom == NULL)
			abort();
		longjmp(*a->oom, GIR_ERR_NOMEM);
	}
	b->next = a->blocks;
	a->blocks = b;
	if (size > ARENA_BLOCK / 4)
		return (char *) b + GIR_ALIGN(sizeof(Block));
	a->cur = (char *) b + GIR_ALIGN(sizeof(Block));
	a->left = ARENA_BLOCK;
	p = a->cur;
	a->cur += size;
	a->left -= size;
	return p;
}

void *
gir_alloc0(GirArena *a, size_t size)
{
	void	   *p = gir_alloc(a, size);

	memset(p, 0, size);
	return p;
}

char *
gir_printf(GirArena *a, const char *fmt,...)
{
	va_list		ap;
	char		small[256];
	int			n;
	char	   *p;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	p = gir_alloc(a, (size_t) n + 1);
	if ((size_t) n < sizeof(small))
		memcpy(p, small, (size_t) n + 1);
	else
	{
		va_start(ap, fmt);
		vsnprintf(p, (size_t) n + 1, fmt, ap);
		va_end(ap);
	}
	return p;
}

/* ---------- buffers ---------- */

void
gir_buf_init(GirBuf *b, GirArena *a, size_t cap)
{
	b->arena = a;
	b->cap = cap < 64 ? 64 : cap;
	b->data = gir_alloc(a, b->cap);
	b->len = 0;
}

/* Double the buffer until more bytes and a NUL fit (gir_buf_reserve's slow path). */
void
gir_buf_grow(GirBuf *b, size_t more)
{
	char	   *bigger;
	size_t		cap = b->cap;

	while (b->len + more + 1 > cap)
		cap *= 2;
	bigger = gir_alloc(b->arena, cap);
	memcpy(bigger, b->data, b->len);
	b->data = bigger;
	b->cap = cap;
}

void
gir_buf_puts(GirBuf *b, const char *s)
{
	gir_buf_append(b, s, strlen(s));
}

/* Append s as a JSON string literal; the input is valid UTF-8. */
void
gir_buf_json_string(GirBuf *b, const char *s, size_t len)
{
	size_t		i;

	gir_buf_putc(b, '"');
	for (i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) s[i];

		if (c == '"' || c == '\\')
		{
			gir_buf_putc(b, '\\');
			gir_buf_putc(b, (char) c);
		}
		else if (c < 0x20)
		{
			char		esc[8];

			snprintf(esc, sizeof(esc), "\\u%04x", c);
			gir_buf_puts(b, esc);
		}
		else
			gir_buf_putc(b, (char) c);
	}
	gir_buf_putc(b, '"');
}

const char *
gir_buf_cstr(GirBuf *b)
{
	gir_buf_reserve(b, 0);
	b->data[b->len] = '\0';
	return b->data;
}

/* ---------- warnings and interrupts ---------- */

void
gir_warn(GirCtx *ctx, const char *code, int line, const char *fmt,...)
{
	GirReport  *r = ctx->report;
	va_list		ap;
	char		msg[1024];
	size_t		len;

	/*
	 * A report has a few dozen warnings; text that makes thousands (a
	 * megabyte of unlabelled rows) would make the result's size and time
	 * grow with it for nothing: one more warning says the rest were dropped.
	 */
	if (r->nwarnings > GIR_MAX_WARNINGS)
		return;
	if (r->nwarnings == GIR_MAX_WARNINGS)
	{
		code = "warnings_truncated";
		line = 0;
		snprintf(msg, sizeof(msg), "more than %d warnings; the others were dropped",
				 GIR_MAX_WARNINGS);
	}
	else
	{
		va_start(ap, fmt);
		vsnprintf(msg, sizeof(msg), fmt, ap);
		va_end(ap);
	}
	/* a truncated message must still end on a whole UTF-8 character */
	len = strlen(msg);
	if (len == sizeof(msg) - 1)
		while (len > 0 && ((unsigned char) msg[len - 1] & 0xC0) == 0x80)
			len--;
	if (len > 0 && (unsigned char) msg[len - 1] >= 0xC0)
		len--;

	if (r->nwarnings == r->warnings_cap)
	{
		int			cap = r->warnings_cap ? r->warnings_cap * 2 : 16;
		GirWarning *w = gir_alloc(ctx->arena, cap * sizeof(GirWarning));

		if (r->nwarnings)
			memcpy(w, r->warnings, r->nwarnings * sizeof(GirWarning));
		r->warnings = w;
		r->warnings_cap = cap;
	}
	r->warnings[r->nwarnings].code = code;
	r->warnings[r->nwarnings].message = gir_strndup(ctx->arena, msg, len);
	r->warnings[r->nwarnings].line = line;
	r->nwarnings++;
}
