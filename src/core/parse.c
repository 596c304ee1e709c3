/*-------------------------------------------------------------------------
 * parse.c
 *	  The core's entry point: normalise, read metadata and tables.
 *
 * src/core/parse.c
 *-------------------------------------------------------------------------
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static void *
malloc_alloc(void *ctx, size_t size)
{
	return malloc(size);
}

static void
malloc_release(void *ctx, void *ptr)
{
	free(ptr);
}

GirOptions
gir_default_options(void)
{
	GirOptions	opt;

	memset(&opt, 0, sizeof(opt));
	opt.mem.alloc = malloc_alloc;
	opt.mem.release = malloc_release;
	return opt;
}

GirError
gir_parse_report(const char *text, size_t len, const GirOptions *opt,
				 GirReport **out, char *errbuf_arg, size_t errbuf_len_arg)
{
	char	   *volatile errbuf = errbuf_arg;
	volatile size_t errbuf_len = errbuf_len_arg;
	/* volatile: they must survive the longjmp back here */
	GirCtx	   *volatile ctx = NULL;
	GirArena   *volatile arena = NULL;
	jmp_buf		oom;
	int			err;
	char		dummy[1];

	*out = NULL;
	if (errbuf == NULL || errbuf_len == 0)
	{
		errbuf = dummy;
		errbuf_len = sizeof(dummy);
	}
	errbuf[0] = '\0';
	if (!gir_patterns_ready(errbuf, errbuf_len))
		return GIR_ERR_PCRE;
	gir_patterns_set_limits(opt);

	if ((err = setjmp(oom)) != 0)
	{
		if (err == GIR_ERR_NOMEM)
			snprintf(errbuf, errbuf_len, "out of memory");
		gir_arena_destroy(arena);
		return (GirError) err;
	}
	arena = gir_arena_create(&opt->mem, &oom);
	if (arena == NULL)
	{
		snprintf(errbuf, errbuf_len, "out of memory");
		return GIR_ERR_NOMEM;
	}
	ctx = gir_alloc0(arena, sizeof(GirCtx));
	ctx->arena = arena;
	ctx->opt = opt;
	ctx->errbuf = errbuf;
	ctx->errbuf_len = errbuf_len;
	ctx->report = gir_alloc0(arena, sizeof(GirReport));
	ctx->report->arena = arena;
	/* matches that hit a limit jump to the same place as allocation */
	memcpy(ctx->fail, oom, sizeof(jmp_buf));

	gir_normalise(ctx, text, len);
	if (ctx->doc.invalid_utf8)
		gir_warn(ctx, "invalid_utf8", 0,
				 "%d invalid UTF-8 byte sequences were dropped", ctx->doc.invalid_utf8);
	gir_read_metadata(ctx);
	gir_read_tables(ctx);

	/* oom is this frame's: allocations after the return may not jump to it */
	arena->oom = NULL;
	*out = ctx->report;
	return GIR_OK;
}

void
gir_report_free(GirReport *r)
{
	if (r)
		gir_arena_destroy(r->arena);
}

const GirCell *
gir_report_cell(const GirReport *r, GirRowId row, GirColId col)
{
	const GirColId *cols;
	int			n = gir_row_columns(row, r->tpl, &cols);
	int			i;

	for (i = 0; i < n; i++)
		if (cols[i] == col)
			return &r->rows[row].cells[i];
	return NULL;
}

const char *
gir_report_line(const GirReport *r, int line, size_t *len)
{
	size_t		start,
				end;

	if (line < 1 || line > r->nlines)
	{
		*len = 0;
		return "";
	}
	start = r->line_off[line - 1];
	end = line < r->nlines ? r->line_off[line] : r->srclen;
	while (end > start && (r->src[end - 1] == '\n' || r->src[end - 1] == '\r'))
		end--;
	*len = end - start;
	return r->src + start;
}
